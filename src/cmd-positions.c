/*
 * cmd-positions.c: every position a command shows is in characters (code
 * points of the stored body; of the title for a mention in it), as
 * `annotate START END`, `annotations` and the exports count; the store
 * keeps byte offsets. A command converting a list of rows keeps one
 * article's character map at a time: the rows come grouped by article,
 * so each body is read once, and only up to the largest offset of its
 * rows.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "store.h"
#include "text.h"
#include "util.h"

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
		free(c->body);
	}
	c->id = 0;
	c->body = NULL;
	c->len = 0;
}

/* Maps ARTICLE's body up to byte UPTO (all of it when shorter): a count of
 * characters before an offset reads nothing after it, and the pages of a
 * long body after the last offset shown stay unread. */
static int
map(struct cmd_chars *c, int64_t article, size_t upto)
{
	cmd_chars_free(c);
	if (store_article_body_head(c->st, article, upto, &c->body, &c->len) != 0)
		return -1;
	c->id = article;
	c->upto = upto;
	text_charmap_init(&c->map, c->body, c->len);
	return 0;
}

int
cmd_chars(struct cmd_chars *c, int64_t article, size_t *off)
{
	if (c->bytes)
		return 0;
	/* An offset past what was read is mapped over the whole body, so one
	 * past the body's end counts as it always did (clamped to the end). */
	if ((c->id != article || *off > c->upto) && map(c, article, SIZE_MAX) != 0)
		return -1;
	*off = text_charmap_chars(&c->map, *off);
	return 0;
}

/* Maps ARTICLE up to the largest of N offsets, before they are counted. */
static int
map_upto(struct cmd_chars *c, int64_t article, const size_t *offs, size_t n)
{
	size_t i, upto = 0;

	if (c->bytes || c->id == article)
		return 0;
	for (i = 0; i < n; i++)
		upto = offs[i] > upto ? offs[i] : upto;
	return map(c, article, upto);
}

int
cmd_statement_positions(struct store *st, struct store_statement *rows, size_t n, int bytes)
{
	struct cmd_chars c;
	size_t i, j, k, *offs = NULL;
	int rc = 0;

	cmd_chars_init(&c, st, bytes);
	for (i = 0; i < n && rc == 0; i = j) {
		for (j = i + 1; j < n && rows[j].article_id == rows[i].article_id; j++)
			;
		offs = xreallocarray(offs, (j - i) * 4, sizeof *offs);
		for (k = i; k < j; k++) {
			offs[(k - i) * 4] = rows[k].start;
			offs[(k - i) * 4 + 1] = rows[k].end;
			offs[(k - i) * 4 + 2] = rows[k].quote_start;
			offs[(k - i) * 4 + 3] = rows[k].quote_end;
		}
		if (map_upto(&c, rows[i].article_id, offs, (j - i) * 4) != 0)
			rc = -1;
		for (k = i; k < j && rc == 0; k++) {
			struct store_statement *r = &rows[k];

			if (cmd_chars(&c, r->article_id, &r->start) != 0 ||
			    cmd_chars(&c, r->article_id, &r->end) != 0 ||
			    cmd_chars(&c, r->article_id, &r->quote_start) != 0 ||
			    cmd_chars(&c, r->article_id, &r->quote_end) != 0)
				rc = -1;
		}
	}
	free(offs);
	cmd_chars_free(&c);
	return rc;
}

int
cmd_mention_positions(struct store *st, struct store_mention *rows, size_t n, int bytes)
{
	struct cmd_chars c;
	size_t i, j, k, *offs = NULL;
	int rc = 0;

	cmd_chars_init(&c, st, bytes);
	for (i = 0; i < n && rc == 0; i = j) {
		size_t m = 0;

		for (j = i + 1; j < n && rows[j].article_id == rows[i].article_id; j++)
			;
		offs = xreallocarray(offs, j - i, sizeof *offs);
		for (k = i; k < j; k++)
			if (!rows[k].in_title)
				offs[m++] = rows[k].end > rows[k].start ? rows[k].end : rows[k].start;
		if (m > 0 && map_upto(&c, rows[i].article_id, offs, m) != 0)
			rc = -1;
		for (k = i; k < j && rc == 0; k++) {
			struct text_charmap title;

			if (!rows[k].in_title) {
				if (cmd_chars(&c, rows[k].article_id, &rows[k].start) != 0 ||
				    cmd_chars(&c, rows[k].article_id, &rows[k].end) != 0)
					rc = -1;
				continue;
			}
			/* A mention in the title counts the title's characters. */
			if (bytes || rows[k].title == NULL)
				continue;
			text_charmap_init(&title, rows[k].title, strlen(rows[k].title));
			rows[k].start = text_charmap_chars(&title, rows[k].start);
			rows[k].end = text_charmap_chars(&title, rows[k].end);
			text_charmap_free(&title);
		}
	}
	free(offs);
	cmd_chars_free(&c);
	return rc;
}
