/*
 * cmd-related.c: `dossier related STATEMENT`: the statement, then the
 * statements of other articles related to it, best first, under a
 * header: score, statement, article, date and speaker. --json gives
 * positions in characters (--bytes: in bytes).
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
			{ "bytes", 0, NULL, ARGS_WORD, NULL, "positions in bytes, not characters" },
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
	char *out;
	int rc = EXIT_OK;

	if (cmd_count_option(a, "limit", &limit) != 0)
		return EXIT_USAGE;
	if (cmd_parse_id(a->argv[0], &id) != 0)
		return cmd_usage_error(a, "'%s' is not a statement id", a->argv[0]);
	if ((st = cmd_store(ctx, STORE_READONLY | STORE_NOCREATE)) == NULL)
		return EXIT_FAIL;
	if (store_statement_get(st, id, &self) != 0) {
		err_print("related");
		return EXIT_FAIL;
	}
	if (store_related(st, id, limit ? (size_t)limit : SIZE_MAX, &rows, &n) != 0) {
		err_print("related");
		store_statement_clear(&self);
		return EXIT_FAIL;
	}
	if (args_has(a, "json")) {
		if (cmd_statement_positions(st, rows, n, args_has(a, "bytes")) != 0 ||
		    store_json_statements(st, rows, n, 1, &out) != 0) {
			err_print("related");
			rc = EXIT_FAIL;
		} else {
			cmd_puts(out);
			free(out);
		}
	} else {
		cmd_print_statement_header(0);
		cmd_print_statement(&self, 0, 200);
		if (n > 0) {
			cmd_printf("\nrelated:\n");
			cmd_print_statement_header(1);
		} else {
			cmd_printf("\nno related statement\n");
		}
		for (i = 0; i < n; i++)
			cmd_print_statement(&rows[i], 1, 80);
	}
	store_statement_clear(&self);
	store_statement_list_free(rows, n);
	return rc;
}
