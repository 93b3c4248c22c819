/*
 * cmd-list.c: `dossier list`: the articles, newest first, one line each
 * (id, date, outlet, title), a page at a time; --json for programs.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "cmd.h"
#include "store.h"
#include "text.h"
#include "util.h"

static int cmd_list_exec(struct cmd_ctx *, const struct args *);

const struct cmd_entry cmd_list_entry = {
	.spec = {
		.name = "list",
		.summary = "list articles, newest first",
		.options = (const struct args_option[]){
			{ "limit", 0, "N", ARGS_COUNT, NULL, "at most N articles (0: all; default 50)" },
			{ "offset", 0, "N", ARGS_COUNT, NULL, "skip the first N" },
			{ "json", 0, NULL, ARGS_WORD, NULL, "print JSON" },
			{ NULL },
		},
	},
	.exec = cmd_list_exec,
};

static int
cmd_list_exec(struct cmd_ctx *ctx, const struct args *a)
{
	struct store_article_brief *rows;
	size_t limit = 50, offset = 0, n, i;
	struct store *st;
	int json;
	char *out;

	if (cmd_count_option(a, "limit", &limit) != 0 || cmd_count_option(a, "offset", &offset) != 0)
		return EXIT_USAGE;
	json = args_has(a, "json");
	if (limit == 0)
		limit = SIZE_MAX;
	if ((st = cmd_store(ctx, STORE_READONLY | STORE_NOCREATE)) == NULL)
		return EXIT_FAIL;
	if (json) {
		if (store_json_page(st, offset, limit, &out) != 0) {
			err_print("list");
			return EXIT_FAIL;
		}
		cmd_puts(out);
		free(out);
		return EXIT_OK;
	}
	if (store_article_page(st, offset, limit, &rows, &n) != 0) {
		err_print("list");
		return EXIT_FAIL;
	}
	for (i = 0; i < n; i++) {
		cmd_printf("%5lld  ", (long long)rows[i].id);
		cmd_print_cell(rows[i].published, 10);
		fputs("  ", stdout);
		cmd_print_cell(rows[i].outlet, 20);
		cmd_printf("  %s\n", rows[i].title);
	}
	store_article_brief_free(rows, n);
	return EXIT_OK;
}
