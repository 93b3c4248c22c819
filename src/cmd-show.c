/*
 * cmd-show.c: `dossier show ID`: one article's cleaned text as stored,
 * with what is known about it; the reader comments only when asked, and
 * what cleaning left out (--dropped), so that a missing paragraph can be
 * explained.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "store.h"
#include "util.h"

static int cmd_show_exec(struct cmd_ctx *, const struct args *);

const struct cmd_entry cmd_show_entry = {
	.spec = {
		.name = "show",
		.summary = "print an article's cleaned text",
		.options = (const struct args_option[]){
			{ "comments", 0, NULL, ARGS_WORD, NULL, "add the reader comments kept apart" },
			{ "dropped", 0, NULL, ARGS_WORD, NULL,
			    "print instead what cleaning left out, with the reason" },
			{ "json", 0, NULL, ARGS_WORD, NULL, "print JSON" },
			{ NULL },
		},
		.params = (const struct args_param[]){
			{ "ID", ARGS_ARTICLE, NULL, 0, "needs one article ID" },
			{ NULL },
		},
	},
	.exec = cmd_show_exec,
};

static void
field(const char *name, const char *value)
{
	if (value != NULL && value[0] != '\0') {
		printf("%s: ", name);
		cmd_write_line(stdout, value, strlen(value));
		putchar('\n');
	}
}

/* What cleaning left out, a line each: the reason, a tab, the text. */
static int
show_dropped(struct store *st, int64_t id)
{
	char *d;

	if (store_article_dropped(st, id, &d) != 0) {
		err_print("show");
		return EXIT_FAIL;
	}
	if (d != NULL)
		cmd_write(stdout, d, strlen(d));
	free(d);
	return EXIT_OK;
}

static int
cmd_show_exec(struct cmd_ctx *ctx, const struct args *args)
{
	struct store_article a;
	struct store *st;
	int64_t id;
	int json, comments, dropped;
	char *out, prev[32];

	json = args_has(args, "json");
	comments = args_has(args, "comments");
	dropped = args_has(args, "dropped");
	if (cmd_parse_id(args->argv[0], &id) != 0)
		return cmd_usage_error(args, "'%s' is not an article ID", args->argv[0]);
	if (dropped && json)
		return cmd_usage_error(args, "--dropped prints text, not JSON");
	if ((st = cmd_store(ctx, STORE_READONLY | STORE_NOCREATE)) == NULL)
		return EXIT_FAIL;
	if (dropped)
		return show_dropped(st, id);
	if (json) {
		if (store_json_article(st, id, comments, &out) != 0) {
			err_print("show");
			return EXIT_FAIL;
		}
		cmd_puts(out);
		free(out);
		return EXIT_OK;
	}
	if (store_article_get(st, id, &a) != 0) {
		err_print("show");
		return EXIT_FAIL;
	}
	cmd_printf("%s\n", a.title);
	field("date", a.published);
	field("outlet", a.outlet);
	field("authors", a.authors);
	field("modified", a.modified);
	field("language", a.language);
	field("place", a.dateline);
	field("source", a.source);
	if (a.previous_id != 0) {
		snprintf(prev, sizeof prev, "%lld", (long long)a.previous_id);
		field("previous version", prev);
	}
	if (a.summary)
		field("text", a.body_len == 0 ? "none in the feed: the page at the source has it"
		    : "the feed's summary: the page at the source has the article");
	cmd_printf("\n%s\n", a.body);
	if (a.captions != NULL)
		cmd_printf("\n--- captions ---\n\n%s\n", a.captions);
	if (comments && a.comments != NULL)
		cmd_printf("\n--- reader comments ---\n\n%s\n", a.comments);
	store_article_free(&a);
	return EXIT_OK;
}
