/*
 * cmd-mentions.c: `dossier mentions NAME`: where an entity (by canonical
 * name or alias) is mentioned, newest article first: the article, the
 * byte range, how it was recognized and the words used.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "store.h"
#include "util.h"

static int cmd_mentions_exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_mentions_entry = {
	.name = "mentions",
	.usage = "[--json] NAME",
	.summary = "show where an entity is mentioned",
	.exec = cmd_mentions_exec,
};

static int
cmd_mentions_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option options[] = {
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 },
	};
	struct store_mention *rows;
	struct store *st;
	int64_t id;
	size_t n, i;
	int c, json = 0;
	char *out;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+", options, NULL)) != -1) {
		if (c != 'j')
			return cmd_usage_error(&cmd_mentions_entry, "unknown option %s", argv[optind - 1]);
		json = 1;
	}
	if (optind + 1 != argc)
		return cmd_usage_error(&cmd_mentions_entry, optind == argc ? "which entity?"
		    : "one name at a time (quote a name of several words)");
	if ((st = cmd_store(ctx, STORE_READONLY | STORE_NOCREATE)) == NULL)
		return EXIT_FAIL;
	if (store_entity_find(st, argv[optind], &id) != 0) {
		err_print("mentions");
		return EXIT_FAIL;
	}
	if (id == 0) {
		cmd_eprintf("dossier: mentions: no entity is named '%s'\n", argv[optind]);
		return EXIT_FAIL;
	}
	if (json) {
		if (store_json_mentions(st, id, &out) != 0) {
			err_print("mentions");
			return EXIT_FAIL;
		}
		cmd_puts(out);
		free(out);
		return EXIT_OK;
	}
	if (store_entity_mentions(st, id, 0, &rows, &n) != 0) {
		err_print("mentions");
		return EXIT_FAIL;
	}
	for (i = 0; i < n; i++)
		cmd_printf("%5lld  %6zu-%-6zu %-8s %-30s  %s\n", (long long)rows[i].article_id,
		    rows[i].start, rows[i].end, rows[i].how, rows[i].text ? rows[i].text : "",
		    rows[i].title ? rows[i].title : "");
	store_mention_list_free(rows, n);
	return EXIT_OK;
}
