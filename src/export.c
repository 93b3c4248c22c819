/*
 * export.c: what the annotation exports share: choosing a format by name
 * (or by a file's), the safe-text rule over what they write, and how an
 * article is named in an export. The article of each annotation, with its
 * character offsets, is anno's (anno_article).
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

enum export_format
export_format_for(const char *path)
{
	const char *dot = strrchr(path, '.');

	if (dot != NULL && strcmp(dot, ".csv") == 0)
		return EXPORT_CSV;
	if (dot != NULL && (strcmp(dot, ".md") == 0 || strcmp(dot, ".markdown") == 0))
		return EXPORT_MARKDOWN;
	return EXPORT_JSON;
}

char *
export_article_iri(const struct store_anno_article *a)
{
	if (a->source != NULL && (strncmp(a->source, "http://", 7) == 0 ||
	    strncmp(a->source, "https://", 8) == 0))
		return xstrdup(a->source);
	return xasprintf("urn:dossier:article:%s", a->hash ? a->hash : "");
}
