/*
 * export.c: what the annotation exports share: choosing a format by name,
 * and the article each annotation belongs to (its name in an export and
 * its body, to turn byte offsets into the character offsets exports use).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "text.h"
#include "util.h"

int
export_format_parse(const char *name, enum export_format *out)
{
	if (strcmp(name, "json") == 0)
		*out = EXPORT_JSON;
	else if (strcmp(name, "csv") == 0)
		*out = EXPORT_CSV;
	else if (strcmp(name, "markdown") == 0 || strcmp(name, "md") == 0)
		*out = EXPORT_MARKDOWN;
	else
		return err_set("unknown format '%s' (json, csv, markdown)", name);
	return 0;
}

static int
export_raw(struct store *st, const struct store_anno_filter *f, enum export_format fmt,
    struct buf *out)
{
	switch (fmt) {
	case EXPORT_JSON: return export_json(st, f, out);
	case EXPORT_CSV: return export_csv(st, f, out);
	case EXPORT_MARKDOWN: return export_markdown(st, f, out);
	}
	return err_set("unknown export format");
}

/* An export is read on a terminal or in a spreadsheet as often as by a
 * program: what it carries (titles, links, quotes, notes) goes through the
 * safe-text rule like everything else dossier prints. */
int
export_write(struct store *st, const struct store_anno_filter *f, enum export_format fmt,
    struct buf *out)
{
	struct buf raw;
	int rc;

	buf_init(&raw);
	rc = export_raw(st, f, fmt, &raw);
	if (rc == 0)
		text_safe(raw.data != NULL ? raw.data : "", raw.len, TEXT_SAFE_LINES, out);
	buf_free(&raw);
	return rc;
}

static int
is_lead(unsigned char c)
{
	return (c & 0xC0) != 0x80;
}

static void
count_blocks(struct export_articles *c)
{
	const unsigned char *b = (const unsigned char *)c->cur.body;
	size_t k, i, n = 0;

	c->nmarks = c->cur.body_len / EXPORT_BLOCK + 1;
	c->marks = xreallocarray(NULL, c->nmarks, sizeof *c->marks);
	for (k = 0, i = 0; k < c->nmarks; k++) {
		size_t stop = k * EXPORT_BLOCK;

		for (; i < stop; i++)
			n += is_lead(b[i]);
		c->marks[k] = n;
	}
}

int
export_article(struct store *st, struct export_articles *c, int64_t id,
    const struct store_anno_article **out)
{
	int rc;

	if (!c->loaded || c->cur.id != id) {
		export_articles_free(c);
		rc = store_anno_article_get(st, id, &c->cur);
		if (rc == 1)
			return err_set("%s: no article %lld", store_path(st), (long long)id);
		if (rc != 0)
			return -1;
		c->loaded = 1;
		count_blocks(c);
	}
	*out = &c->cur;
	return 0;
}

void
export_articles_free(struct export_articles *c)
{
	store_anno_article_free(&c->cur);
	free(c->marks);
	c->marks = NULL;
	c->nmarks = 0;
	c->loaded = 0;
}

char *
export_article_iri(const struct store_anno_article *a)
{
	if (a->source != NULL && (strncmp(a->source, "http://", 7) == 0 ||
	    strncmp(a->source, "https://", 8) == 0))
		return xstrdup(a->source);
	return xasprintf("urn:dossier:article:%s", a->hash ? a->hash : "");
}

/* Characters before byte AT (at <= body_len). */
static size_t
chars_before(const struct export_articles *c, size_t at)
{
	const unsigned char *b = (const unsigned char *)c->cur.body;
	size_t i = at / EXPORT_BLOCK * EXPORT_BLOCK, n = c->marks[at / EXPORT_BLOCK];

	for (; i < at; i++)
		n += is_lead(b[i]);
	return n;
}

int
export_char_span(const struct export_articles *c, const struct store_anno *a,
    size_t *start, size_t *end)
{
	if (!c->loaded || a->state == STORE_ANNO_ORPHANED || a->end > c->cur.body_len ||
	    a->start > a->end)
		return 0;
	*start = chars_before(c, a->start);
	*end = chars_before(c, a->end);
	return 1;
}

int
export_byte_offset(const struct export_articles *c, size_t chars, size_t *byte)
{
	const unsigned char *b = (const unsigned char *)c->cur.body;
	size_t lo = 0, hi, i, left;

	if (!c->loaded || c->nmarks == 0)
		return -1;
	/* The last block that starts at or before the character. */
	hi = c->nmarks - 1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo + 1) / 2;

		if (c->marks[mid] <= chars)
			lo = mid;
		else
			hi = mid - 1;
	}
	left = chars - c->marks[lo];
	for (i = lo * EXPORT_BLOCK; i < c->cur.body_len; i++)
		if (is_lead(b[i]) && left-- == 0)
			break;
	if (i == c->cur.body_len && left != 0)
		return -1;
	*byte = i;
	return 0;
}
