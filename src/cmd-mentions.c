/*
 * cmd-mentions.c: `dossier mentions NAME`: where an entity (by canonical
 * name or alias) is mentioned, newest article first: the article, the
 * byte range, how it was recognized and the words used.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "store.h"
#include "util.h"

static int cmd_mentions_exec(struct cmd_ctx *, const struct args *);

const struct cmd_entry cmd_mentions_entry = {
	.spec = {
		.name = "mentions",
		.summary = "show where an entity is mentioned",
		.options = (const struct args_option[]){
			{ "json", 0, NULL, ARGS_WORD, NULL, "print JSON" },
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
	size_t n, i;
	int json;
	char *out;

	json = args_has(a, "json");
	if ((st = cmd_store(ctx, STORE_READONLY | STORE_NOCREATE)) == NULL)
		return EXIT_FAIL;
	if (cmd_entity(st, "mentions", a->argv[0], &id) != 0)
		return EXIT_FAIL;
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
