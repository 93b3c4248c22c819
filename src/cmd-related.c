/*
 * cmd-related.c: `dossier related STATEMENT`: the statement, then the
 * statements of other articles related to it, best first, with their
 * score, article and speaker.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "store.h"
#include "util.h"

static int cmd_related_exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_related_entry = {
	.name = "related",
	.usage = "[--limit N] [--json] STATEMENT",
	.summary = "list the statements related to a statement",
	.exec = cmd_related_exec,
};

static int
cmd_related_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option options[] = {
		{ "limit", required_argument, NULL, 'l' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 },
	};
	struct store_statement self, *rows;
	struct store *st;
	long long limit = 10;
	int64_t id;
	size_t n, i;
	int c, json = 0;
	char *out, *end;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+", options, NULL)) != -1) {
		switch (c) {
		case 'l':
			limit = strtoll(optarg, &end, 10);
			if (*end != '\0' || limit < 0)
				return cmd_usage_error(&cmd_related_entry, "'%s' is not a count", optarg);
			break;
		case 'j':
			json = 1;
			break;
		default:
			return cmd_usage_error(&cmd_related_entry, "unknown option %s", argv[optind - 1]);
		}
	}
	if (optind + 1 != argc)
		return cmd_usage_error(&cmd_related_entry, "which statement?");
	if (cmd_parse_id(argv[optind], &id) != 0)
		return cmd_usage_error(&cmd_related_entry, "'%s' is not a statement id", argv[optind]);
	if ((st = cmd_store(ctx, STORE_READONLY | STORE_NOCREATE)) == NULL)
		return EXIT_FAIL;
	if (store_statement_get(st, id, &self) != 0) {
		err_print("related");
		return EXIT_FAIL;
	}
	if (json) {
		free(self.speaker), free(self.verb), free(self.title), free(self.text);
		if (store_json_related(st, id, limit ? (size_t)limit : SIZE_MAX, &out) != 0) {
			err_print("related");
			return EXIT_FAIL;
		}
		cmd_puts(out);
		free(out);
		return EXIT_OK;
	}
	cmd_printf("%lld  %lld  %s: ", (long long)self.id, (long long)self.article_id,
	    self.speaker ? self.speaker : "-");
	cmd_print_excerpt(self.text, 200);
	putchar('\n');
	free(self.speaker), free(self.verb), free(self.title), free(self.text);
	if (store_related(st, id, limit ? (size_t)limit : SIZE_MAX, &rows, &n) != 0) {
		err_print("related");
		return EXIT_FAIL;
	}
	for (i = 0; i < n; i++) {
		cmd_printf("  %.3f  %6lld  %5lld  %-22s  ", rows[i].score, (long long)rows[i].id,
		    (long long)rows[i].article_id, rows[i].speaker ? rows[i].speaker : "-");
		cmd_print_excerpt(rows[i].text, 80);
		putchar('\n');
	}
	store_statement_list_free(rows, n);
	return EXIT_OK;
}
