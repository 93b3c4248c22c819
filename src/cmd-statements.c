/*
 * cmd-statements.c: `dossier statements [ARTICLE] [--by NAME] [--about
 * NAME]`: statements, newest article first: who spoke, in which article,
 * and the beginning of what was said.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

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
			{ "json", 0, NULL, ARGS_WORD, NULL, "print JSON" },
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
	size_t n, i;
	int json;
	char *out;

	by = args_get(a, "by");
	about = args_get(a, "about");
	json = args_has(a, "json");
	if (a->argc > 0 && cmd_parse_id(a->argv[0], &article) != 0)
		return cmd_usage_error(a, "'%s' is not an article id", a->argv[0]);
	if ((st = cmd_store(ctx, STORE_READONLY | STORE_NOCREATE)) == NULL)
		return EXIT_FAIL;
	if ((by != NULL && cmd_entity(st, "statements", by, &by_id) != 0) ||
	    (about != NULL && cmd_entity(st, "statements", about, &about_id) != 0))
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
