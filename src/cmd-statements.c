/*
 * cmd-statements.c: `dossier statements [ARTICLE] [--by NAME] [--about
 * NAME]`: statements, newest article first: who spoke, in which article,
 * and the beginning of what was said.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "store.h"
#include "util.h"

static int cmd_statements_exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_statements_entry = {
	.name = "statements",
	.usage = "[--by NAME] [--about NAME] [--json] [ARTICLE]",
	.summary = "list statements, by speaker or about an entity",
	.exec = cmd_statements_exec,
};

static int
find(struct store *st, const char *name, int64_t *id)
{
	if (store_entity_find(st, name, id) != 0) {
		err_print("statements");
		return -1;
	}
	if (*id == 0) {
		cmd_eprintf("dossier: statements: no entity is named '%s'\n", name);
		return -1;
	}
	return 0;
}

static int
cmd_statements_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option options[] = {
		{ "by", required_argument, NULL, 'b' },
		{ "about", required_argument, NULL, 'a' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 },
	};
	struct store_statement *rows;
	const char *by = NULL, *about = NULL;
	int64_t article = 0, by_id = 0, about_id = 0;
	struct store *st;
	size_t n, i;
	int c, json = 0;
	char *out, *end;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+", options, NULL)) != -1) {
		switch (c) {
		case 'b':
			by = optarg;
			break;
		case 'a':
			about = optarg;
			break;
		case 'j':
			json = 1;
			break;
		default:
			return cmd_usage_error(&cmd_statements_entry, "unknown option %s",
			    argv[optind - 1]);
		}
	}
	if (optind < argc) {
		article = strtoll(argv[optind], &end, 10);
		if (*end != '\0' || article <= 0)
			return cmd_usage_error(&cmd_statements_entry, "'%s' is not an article id",
			    argv[optind]);
		if (++optind < argc)
			return cmd_usage_error(&cmd_statements_entry, "unexpected argument '%s'",
			    argv[optind]);
	}
	if ((st = cmd_store(ctx, STORE_READONLY | STORE_NOCREATE)) == NULL)
		return EXIT_FAIL;
	if ((by != NULL && find(st, by, &by_id) != 0) ||
	    (about != NULL && find(st, about, &about_id) != 0))
		return EXIT_FAIL;
	if (json) {
		if (store_json_statements(st, article, by_id, about_id, &out) != 0) {
			err_print("statements");
			return EXIT_FAIL;
		}
		cmd_puts(out);
		free(out);
		return EXIT_OK;
	}
	if (store_statements_find(st, article, by_id, about_id, &rows, &n) != 0) {
		err_print("statements");
		return EXIT_FAIL;
	}
	for (i = 0; i < n; i++) {
		cmd_printf("%6lld  %5lld  %-22s  ", (long long)rows[i].id, (long long)rows[i].article_id,
		    rows[i].speaker ? rows[i].speaker : "-");
		cmd_print_excerpt(rows[i].text, 90);
		putchar('\n');
	}
	store_statement_list_free(rows, n);
	return EXIT_OK;
}
