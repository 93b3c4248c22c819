/*
 * anno-article.c: the article an annotation belongs to, read once for a
 * run of annotations of the same article (listings, exports and imports
 * come in article order), with the characters before each block of its
 * body counted once (text_charmap), so that turning an annotation's byte
 * offsets into the character offsets the W3C model and the command line
 * use costs one block's scan, not the body's.
 */
#include "config.h"

#include "anno.h"
#include "text.h"
#include "util.h"

int
anno_article_load(struct store *st, struct anno_article *c, int64_t id,
    const struct store_anno_article **out)
{
	int rc;

	if (!c->loaded || c->cur.id != id) {
		anno_article_free(c);
		rc = store_anno_article_get(st, id, &c->cur);
		if (rc == 1)
			return err_set("%s: no article %lld", store_path(st), (long long)id);
		if (rc != 0)
			return -1;
		c->loaded = 1;
		text_charmap_init(&c->chars, c->cur.body, c->cur.body_len);
	}
	if (out != NULL)
		*out = &c->cur;
	return 0;
}

void
anno_article_free(struct anno_article *c)
{
	if (c->loaded) {
		store_anno_article_free(&c->cur);
		text_charmap_free(&c->chars);
	}
	c->loaded = 0;
}

int
anno_char_span(const struct anno_article *c, const struct store_anno *a, size_t *start,
    size_t *end)
{
	if (!c->loaded || a->state == STORE_ANNO_ORPHANED || a->end > c->cur.body_len ||
	    a->start > a->end)
		return 0;
	*start = text_charmap_chars(&c->chars, a->start);
	*end = text_charmap_chars(&c->chars, a->end);
	return 1;
}

int
anno_byte_offset(const struct anno_article *c, size_t chars, size_t *byte)
{
	if (!c->loaded)
		return -1;
	return text_charmap_byte(&c->chars, chars, byte);
}
