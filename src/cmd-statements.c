/*
 * cmd-statements.c: `dossier statements [ARTICLE] [--by NAME] [--about
 * NAME]`: statements, newest article first, a page at a time (--limit,
 * --offset), under a header: who spoke, in which article and when, and
 * the beginning of what was said. --json gives their positions in
 * characters (--bytes: in bytes).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "store.h"
#include "util.h"

static int cmd_statements_exec(struct cmd_ctx *, const struct args *);

const struct cmd_entry cmd_statements_entry = {
	.spec = {
		.name = "statements",
		.summary = "list statements, by speaker or about an entity",
		.options = (const struct args_option[]){
			{ "by", 0, "NAME", ARGS_ACTOR, NULL, "only those this actor made" },
			{ "about", 0, "NAME", ARGS_ACTOR, NULL, "only those that name this entity" },
			{ "limit", 0, "N", ARGS_COUNT, NULL,
			    "at most N statements (0: all; default 50)" },
			{ "offset", 0, "N", ARGS_COUNT, NULL, "skip the first N" },
			{ "json", 0, NULL, ARGS_WORD, NULL, "print JSON" },
			{ "bytes", 0, NULL, ARGS_WORD, NULL, "positions in bytes, not characters" },
			{ NULL },
		},
		.params = (const struct args_param[]){
			{ "ARTICLE", ARGS_ARTICLE, NULL, ARGS_OPTIONAL, NULL },
			{ NULL },
		},
	},
	.exec = cmd_statements_exec,
};

static int
cmd_statements_exec(struct cmd_ctx *ctx, const struct args *a)
{
	struct store_statement *rows;
	const char *by = NULL, *about = NULL;
	int64_t article = 0, by_id = 0, about_id = 0;
	struct store *st;
	size_t limit = 50, offset = 0, n, i, shown;
	char *out;
	int rc = EXIT_OK;

	if (cmd_count_option(a, "limit", &limit) != 0 || cmd_count_option(a, "offset", &offset) != 0)
		return EXIT_USAGE;
	by = args_get(a, "by");
	about = args_get(a, "about");
	if (a->argc > 0 && cmd_parse_id(a->argv[0], &article) != 0)
		return cmd_usage_error(a, "'%s' is not an article id", a->argv[0]);
	if ((st = cmd_store(ctx, STORE_READONLY | STORE_NOCREATE)) == NULL)
		return EXIT_FAIL;
	if ((by != NULL && cmd_entity(st, "statements", by, &by_id) != 0) ||
	    (about != NULL && cmd_entity(st, "statements", about, &about_id) != 0))
		return EXIT_FAIL;
	/* The rows skipped are skipped in the store's queries, not read. */
	if (store_statements_find(st, article, by_id, about_id, NULL, offset,
	    cmd_page_span(limit), &rows, &n) != 0) {
		err_print("statements");
		return EXIT_FAIL;
	}
	/* The row past the page goes: it only tells there are more. */
	shown = cmd_page_cut(n, offset, limit);
	for (i = shown; i < n; i++)
		store_statement_clear(&rows[i]);
	n = shown;
	if (args_has(a, "json")) {
		if (cmd_statement_positions(st, rows, n, args_has(a, "bytes")) != 0 ||
		    store_json_statements(st, rows, n, 0, &out) != 0) {
			err_print("statements");
			rc = EXIT_FAIL;
		} else {
			cmd_puts(out);
			free(out);
		}
	} else {
		if (n > 0)
			cmd_print_statement_header(0);
		for (i = 0; i < n; i++)
			cmd_print_statement(&rows[i], 0, 90);
	}
	store_statement_list_free(rows, n);
	return rc;
}
