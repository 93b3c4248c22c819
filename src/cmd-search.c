/*
 * cmd-search.c: `dossier search QUERY`: full-text search in FTS5 query
 * syntax, best matches first, each with a snippet in which the matched
 * words are marked (bold on a terminal, [brackets] otherwise).
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "store.h"
#include "util.h"

static int cmd_search_exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_search_entry = {
	.name = "search",
	.usage = "[--limit N] [--offset N] [--json] QUERY...",
	.summary = "full-text search (FTS5 syntax), best matches first",
	.exec = cmd_search_exec,
};

static int
cmd_search_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option options[] = {
		{ "limit", required_argument, NULL, 'l' },
		{ "offset", required_argument, NULL, 'o' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 },
	};
	const char *open = "[", *close = "]";
	struct store_hit *hits;
	size_t limit = 20, offset = 0, n, i;
	struct store *st;
	struct buf query;
	int c, json = 0, rc;
	char *out;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+", options, NULL)) != -1) {
		switch (c) {
		case 'l':
		case 'o':
			if (cmd_parse_count(optarg, c == 'l' ? &limit : &offset) != 0)
				return cmd_usage_error(&cmd_search_entry, "'%s' is not a count", optarg);
			break;
		case 'j':
			json = 1;
			break;
		default:
			return cmd_usage_error(&cmd_search_entry, "unknown option %s",
			    argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return cmd_usage_error(&cmd_search_entry, "needs a query");
	if (limit == 0)
		limit = SIZE_MAX;
	/* Several words on the command line are one query, as typed. */
	buf_init(&query);
	for (i = (size_t)optind; i < (size_t)argc; i++) {
		if (i > (size_t)optind)
			buf_addc(&query, ' ');
		buf_adds(&query, argv[i]);
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
	}
	buf_free(&query);
	if (rc != 0) {
		err_print("search");
		return EXIT_FAIL;
	}
	return EXIT_OK;
}
