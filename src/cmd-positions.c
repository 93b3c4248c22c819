/*
 * cmd-positions.c: every position a command shows is in characters (code
 * points of the stored body; of the title for a mention in it), as
 * `annotate START END`, `annotations` and the exports count; the store
 * keeps byte offsets. A command converting a list of rows keeps one
 * article's character map at a time: the rows come grouped by article,
 * so each body is read once.
 */
#include "config.h"

#include <string.h>

#include "cmd.h"
#include "store.h"
#include "text.h"

void
cmd_chars_init(struct cmd_chars *c, struct store *st, int bytes)
{
	memset(c, 0, sizeof *c);
	c->st = st;
	c->bytes = bytes;
}

void
cmd_chars_free(struct cmd_chars *c)
{
	if (c->id != 0) {
		text_charmap_free(&c->map);
		store_article_free(&c->art);
	}
	c->id = 0;
}

int
cmd_chars(struct cmd_chars *c, int64_t article, size_t *off)
{
	if (c->bytes)
		return 0;
	if (c->id != article) {
		cmd_chars_free(c);
		if (store_article_get(c->st, article, &c->art) != 0)
			return -1;
		c->id = article;
		text_charmap_init(&c->map, c->art.body, c->art.body_len);
	}
	*off = text_charmap_chars(&c->map, *off);
	return 0;
}

int
cmd_statement_positions(struct store *st, struct store_statement *rows, size_t n, int bytes)
{
	struct cmd_chars c;
	size_t i;
	int rc = 0;

	cmd_chars_init(&c, st, bytes);
	for (i = 0; i < n && rc == 0; i++) {
		struct store_statement *r = &rows[i];

		if (cmd_chars(&c, r->article_id, &r->start) != 0 ||
		    cmd_chars(&c, r->article_id, &r->end) != 0 ||
		    cmd_chars(&c, r->article_id, &r->quote_start) != 0 ||
		    cmd_chars(&c, r->article_id, &r->quote_end) != 0)
			rc = -1;
	}
	cmd_chars_free(&c);
	return rc;
}

int
cmd_mention_positions(struct store *st, struct store_mention *rows, size_t n, int bytes)
{
	struct cmd_chars c;
	size_t i;
	int rc = 0;

	cmd_chars_init(&c, st, bytes);
	for (i = 0; i < n && rc == 0; i++) {
		struct text_charmap title;

		if (!rows[i].in_title) {
			if (cmd_chars(&c, rows[i].article_id, &rows[i].start) != 0 ||
			    cmd_chars(&c, rows[i].article_id, &rows[i].end) != 0)
				rc = -1;
			continue;
		}
		/* A mention in the title counts the title's characters. */
		if (bytes || rows[i].title == NULL)
			continue;
		text_charmap_init(&title, rows[i].title, strlen(rows[i].title));
		rows[i].start = text_charmap_chars(&title, rows[i].start);
		rows[i].end = text_charmap_chars(&title, rows[i].end);
		text_charmap_free(&title);
	}
	cmd_chars_free(&c);
	return rc;
}
