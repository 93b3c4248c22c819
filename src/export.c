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
/* A tag or an article that does not exist is a mistake (a typo, an old
 * id), not a wish for an empty collection: F->tag must name a tag or the
 * parent of one ("claim" of "claim/disputed"). No F: everything. */
static int
check_filter(struct store *st, const struct store_anno_filter *f)
{
	struct store_article art;
	struct store_tag *tags;
	size_t n, i, k;
	int found = 0;

	if (f == NULL)
		return 0;
	if (f->tag != NULL) {
		if (store_tag_list(st, &tags, &n) != 0)
			return -1;
		k = strlen(f->tag);
		for (i = 0; i < n && !found; i++)
			found = strncmp(tags[i].name, f->tag, k) == 0 &&
			    (tags[i].name[k] == '\0' || tags[i].name[k] == '/');
		store_tag_list_free(tags, n);
		if (!found)
			return err_set("no tag named '%s' (dossier tag lists them)", f->tag);
	}
	if (f->coder != NULL && (found = store_anno_coder_known(st, f->coder)) <= 0)
		return found < 0 ? -1 : err_set("no annotations by a coder named '%s'", f->coder);
	if (f->article_id != 0) {
		if (store_article_get(st, f->article_id, &art) != 0)
			return -1;
		store_article_free(&art);
	}
	return 0;
}

int
export_write(struct store *st, const struct store_anno_filter *f, enum export_format fmt,
    struct buf *out)
{
	struct buf raw;
	int rc;

	if (check_filter(st, f) != 0)
		return -1;
	buf_init(&raw);
	rc = export_raw(st, f, fmt, &raw);
	if (rc == 0)
		text_safe(raw.data != NULL ? raw.data : "", raw.len, TEXT_SAFE_LINES, out);
	buf_free(&raw);
	return rc;
}

const char *
export_format_name(enum export_format fmt)
{
	switch (fmt) {
	case EXPORT_CSV:
		return "CSV";
	case EXPORT_MARKDOWN:
		return "Markdown";
	case EXPORT_JSON:
		break;
	}
	return "W3C Web Annotation JSON";
}

const char *
export_format_why(enum export_format fmt, const char *chosen)
{
	if (chosen != NULL)
		return chosen;
	switch (fmt) {
	case EXPORT_CSV:
		return "the name ends in .csv";
	case EXPORT_MARKDOWN:
		return "the name ends in .md or .markdown";
	case EXPORT_JSON:
		break;
	}
	return "the default: the name ends neither in .csv nor in .md; --format chooses";
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
