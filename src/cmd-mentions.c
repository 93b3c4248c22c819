/*
 * cmd-mentions.c: `dossier mentions NAME`: where an entity (by canonical
 * name or alias) is mentioned, newest article first, a page at a time
 * (--limit, --offset): the article, the range in characters (--bytes: in
 * bytes), how it was recognized and the words used.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "store.h"
#include "util.h"

static int cmd_mentions_exec(struct cmd_ctx *, const struct args *);

const struct cmd_entry cmd_mentions_entry = {
	.spec = {
		.name = "mentions",
		.summary = "show where an entity is mentioned",
		.options = (const struct args_option[]){
			{ "limit", 0, "N", ARGS_COUNT, NULL, "at most N mentions (0: all; default 50)" },
			{ "offset", 0, "N", ARGS_COUNT, NULL, "skip the first N" },
			{ "json", 0, NULL, ARGS_WORD, NULL, "print JSON" },
			{ "bytes", 0, NULL, ARGS_WORD, NULL, "positions in bytes, not characters" },
			{ NULL },
		},
		.params = (const struct args_param[]){
			{ "NAME", ARGS_ACTOR, NULL, 0, "which entity?" },
			{ NULL },
		},
	},
	.exec = cmd_mentions_exec,
};

static int
cmd_mentions_exec(struct cmd_ctx *ctx, const struct args *a)
{
	struct store_mention *rows;
	struct store *st;
	int64_t id;
	size_t limit = 50, offset = 0, n, i, shown;
	char *out;
	int rc = EXIT_OK;

	if (cmd_count_option(a, "limit", &limit) != 0 || cmd_count_option(a, "offset", &offset) != 0)
		return EXIT_USAGE;
	if ((st = cmd_store(ctx, STORE_READONLY | STORE_NOCREATE)) == NULL)
		return EXIT_FAIL;
	if (cmd_entity(st, "mentions", a->argv[0], &id) != 0)
		return EXIT_FAIL;
	/* The rows skipped are skipped in the store's queries, not read. */
	if (store_entity_mentions(st, id, NULL, offset, cmd_page_span(limit), &rows, &n) != 0) {
		err_print("mentions");
		return EXIT_FAIL;
	}
	/* The row past the page goes: it only tells there are more. */
	shown = cmd_page_cut(n, offset, limit);
	for (i = shown; i < n; i++)
		store_mention_clear(&rows[i]);
	n = shown;
	if (cmd_mention_positions(st, rows, n, args_has(a, "bytes")) != 0) {
		err_print("mentions");
		store_mention_list_free(rows, n);
		return EXIT_FAIL;
	}
	if (args_has(a, "json")) {
		if (store_json_mentions(st, rows, n, &out) != 0) {
			err_print("mentions");
			rc = EXIT_FAIL;
		} else {
			cmd_puts(out);
			free(out);
		}
		store_mention_list_free(rows, n);
		return rc;
	}
	if (n > 0)
		cmd_printf("%7s  %-15s  %-8s  %-30s  %s\n", "ARTICLE",
		    args_has(a, "bytes") ? "BYTES" : "CHARACTERS", "HOW", "WORDS", "TITLE");
	for (i = 0; i < n; i++) {
		cmd_printf("%7lld  %7zu-%-7zu  %-8s  ", (long long)rows[i].article_id,
		    rows[i].start, rows[i].end, rows[i].how);
		cmd_print_cell(rows[i].text, 30);
		cmd_printf("  %s\n", rows[i].title ? rows[i].title : "");
	}
	store_mention_list_free(rows, n);
	return EXIT_OK;
}
