/*
 * cmd-actors.c: `dossier actors [ARTICLE] [--candidates]`: the entities an
 * article (or the whole corpus) names, grouped by kind, most mentioned
 * first; with --candidates, the unknown people extraction proposed, for
 * `dossier kb promote` or `dossier kb dismiss`.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "store.h"
#include "util.h"

static int cmd_actors_exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_actors_entry = {
	.name = "actors",
	.usage = "[--candidates] [--json] [ARTICLE]",
	.summary = "list the entities an article or the corpus names",
	.exec = cmd_actors_exec,
};

static int
parse_id(const char *s, int64_t *id)
{
	char *end;
	long long v = strtoll(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v <= 0)
		return -1;
	*id = v;
	return 0;
}

static int
cmd_actors_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option options[] = {
		{ "candidates", no_argument, NULL, 'c' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 },
	};
	struct store_entity *rows;
	struct store_article a;
	struct store *st;
	int64_t article = 0;
	size_t n, i;
	int c, json = 0, candidates = 0;
	const char *kind = NULL;
	char *out;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+", options, NULL)) != -1) {
		switch (c) {
		case 'c':
			candidates = 1;
			break;
		case 'j':
			json = 1;
			break;
		default:
			return cmd_usage_error(&cmd_actors_entry, "unknown option %s", argv[optind - 1]);
		}
	}
	if (optind < argc && parse_id(argv[optind++], &article) != 0)
		return cmd_usage_error(&cmd_actors_entry, "'%s' is not an article id", argv[optind - 1]);
	if (optind < argc)
		return cmd_usage_error(&cmd_actors_entry, "unexpected argument '%s'", argv[optind]);
	if ((st = cmd_store(ctx, STORE_READONLY | STORE_NOCREATE)) == NULL)
		return EXIT_FAIL;
	if (article != 0) {
		if (store_article_get(st, article, &a) != 0) {
			err_print("actors");
			return EXIT_FAIL;
		}
		store_article_free(&a);
	}
	if (json) {
		if (store_json_entities(st, article, candidates, &out) != 0) {
			err_print("actors");
			return EXIT_FAIL;
		}
		cmd_puts(out);
		free(out);
		return EXIT_OK;
	}
	if (store_article_entities(st, article, candidates, &rows, &n) != 0) {
		err_print("actors");
		return EXIT_FAIL;
	}
	for (i = 0; i < n; i++) {
		if (kind == NULL || strcmp(kind, rows[i].kind) != 0) {
			kind = rows[i].kind;
			cmd_printf("%s%s\n", i ? "\n" : "", kind);
		}
		cmd_printf("  %5lld  %-44s %5zu mention%s", (long long)rows[i].id, rows[i].name,
		    rows[i].mentions, rows[i].mentions == 1 ? " " : "s");
		if (article == 0)
			cmd_printf(" in %lld article%s", (long long)rows[i].articles,
			    rows[i].articles == 1 ? "" : "s");
		putchar('\n');
	}
	store_entity_list_free(rows, n);
	return EXIT_OK;
}
