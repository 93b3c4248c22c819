/*
 * cmd-search.c: `dossier search QUERY`: full-text search in FTS5 query
 * syntax, best matches first, each with a snippet in which the matched
 * words are marked (bold on a terminal, [brackets] otherwise); then the
 * memos the query finds, as `memo list --search` lists them (not with
 * --json, whose array is the articles', nor past the first page).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "store.h"
#include "util.h"

static int cmd_search_exec(struct cmd_ctx *, const struct args *);

const struct cmd_entry cmd_search_entry = {
	.spec = {
		.name = "search",
		.summary = "full-text search (FTS5 syntax), best matches first",
		.options = (const struct args_option[]){
			{ "limit", 0, "N", ARGS_COUNT, NULL, "at most N results (0: all; default 20)" },
			{ "offset", 0, "N", ARGS_COUNT, NULL, "skip the first N" },
			{ "json", 0, NULL, ARGS_WORD, NULL, "print JSON" },
			{ NULL },
		},
		.params = (const struct args_param[]){
			{ "QUERY", ARGS_WORD, NULL, ARGS_MORE, "needs a query" },
			{ NULL },
		},
	},
	.exec = cmd_search_exec,
};

/* The memos the query finds (on the project, tags, articles or
 * highlights), after the articles, under a heading; nothing when none. */
static int
print_memos(struct store *st, const char *query)
{
	struct store_memo_filter f = { .kind = -1, .match = query };
	struct store_memo *rows;
	size_t n, i;

	if (store_memo_list(st, &f, &rows, &n) != 0)
		return -1;
	if (n > 0)
		cmd_printf("\nmemos:\n");
	for (i = 0; i < n; i++)
		cmd_memo_print_row(&rows[i]);
	store_memo_list_free(rows, n);
	return 0;
}

static int
cmd_search_exec(struct cmd_ctx *ctx, const struct args *a)
{
	const char *open = "[", *close = "]";
	struct store_hit *hits;
	size_t limit = 20, offset = 0, n, i;
	struct store *st;
	struct buf query;
	int json, rc;
	char *out;

	if (cmd_count_option(a, "limit", &limit) != 0 || cmd_count_option(a, "offset", &offset) != 0)
		return EXIT_USAGE;
	json = args_has(a, "json");
	if (limit == 0)
		limit = SIZE_MAX;
	/* Several words on the command line are one query, as typed. */
	buf_init(&query);
	for (i = 0; i < a->argc; i++) {
		if (i > 0)
			buf_addc(&query, ' ');
		buf_adds(&query, a->argv[i]);
	}
	if ((st = cmd_store(ctx, STORE_READONLY | STORE_NOCREATE)) == NULL) {
		buf_free(&query);
		return EXIT_FAIL;
	}
	if (json) {
		rc = store_json_search(st, query.data, offset, limit, "[", "]", &out);
		if (rc == 0) {
			cmd_puts(out);
			free(out);
		}
	} else {
		if (isatty(STDOUT_FILENO))
			open = "\033[1m", close = "\033[0m";
		rc = store_search(st, query.data, offset, limit, open, close, &hits, &n);
		for (i = 0; rc == 0 && i < n; i++) {
			cmd_printf("%5lld  %-10s  %s\n       %s\n", (long long)hits[i].id,
			    hits[i].published != NULL ? hits[i].published : "", hits[i].title,
			    hits[i].snippet != NULL ? hits[i].snippet : "");
		}
		if (rc == 0)
			store_hits_free(hits, n);
		if (rc == 0 && offset == 0)
			rc = print_memos(st, query.data);
	}
	buf_free(&query);
	if (rc != 0) {
		err_print("search");
		return EXIT_FAIL;
	}
	return EXIT_OK;
}
