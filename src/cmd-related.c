/*
 * cmd-related.c: `dossier related STATEMENT`: the statement, then the
 * statements of other articles related to it, best first, with their
 * score, article and speaker.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "store.h"
#include "util.h"

static int cmd_related_exec(struct cmd_ctx *, const struct args *);

const struct cmd_entry cmd_related_entry = {
	.spec = {
		.name = "related",
		.summary = "list the statements related to a statement",
		.options = (const struct args_option[]){
			{ "limit", 0, "N", ARGS_COUNT, NULL, "at most N (default 10)" },
			{ "json", 0, NULL, ARGS_WORD, NULL, "print JSON" },
			{ NULL },
		},
		.params = (const struct args_param[]){
			{ "STATEMENT", ARGS_WORD, NULL, 0, "which statement?" },
			{ NULL },
		},
	},
	.exec = cmd_related_exec,
};

static int
cmd_related_exec(struct cmd_ctx *ctx, const struct args *a)
{
	struct store_statement self, *rows;
	struct store *st;
	size_t limit = 10;
	int64_t id;
	size_t n, i;
	int json;
	char *out;

	if (cmd_count_option(a, "limit", &limit) != 0)
		return EXIT_USAGE;
	json = args_has(a, "json");
	if (cmd_parse_id(a->argv[0], &id) != 0)
		return cmd_usage_error(a, "'%s' is not a statement id", a->argv[0]);
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
