/*
 * export.h: the user's annotations out to files other programs read, and
 * back in from JSON.
 *
 *   export-json.c  W3C Web Annotation JSON (an AnnotationCollection), and
 *                  merging such a file into a database by annotation id
 *   export-csv.c   one row per annotation, RFC 4180
 *   export-md.c    a readable report grouped by article and tag
 *   export.c       choosing a format, and what the writers share
 *
 * Positions in every export are characters (code points) into the
 * article body, as the W3C model counts them, not the bytes the database
 * keeps. Writers append to a buffer; the command writes the file
 * atomically.
 */
#ifndef DOSSIER_EXPORT_H
#define DOSSIER_EXPORT_H

#include <stddef.h>

#include "store.h"
#include "text.h"
#include "util.h"

enum export_format {
	EXPORT_JSON,
	EXPORT_CSV,
	EXPORT_MARKDOWN,
};
/* "json", "csv", "markdown" (or "md"). */
int export_format_parse(const char *name, enum export_format *out);
/* The format a file's name asks for: .csv, .md/.markdown, else JSON. */
enum export_format export_format_for(const char *path);
/* What to call FMT in a message: "CSV", "Markdown", "W3C Web Annotation JSON". */
const char *export_format_name(enum export_format fmt);

/* Appends the annotations F selects (live ones when F->states is 0);
 * -1 naming it when F asks for a tag or an article there is none of. */
int export_write(struct store *st, const struct store_anno_filter *f,
    enum export_format fmt, struct buf *out);
int export_json(struct store *st, const struct store_anno_filter *f, struct buf *out);
int export_csv(struct store *st, const struct store_anno_filter *f, struct buf *out);
int export_markdown(struct store *st, const struct store_anno_filter *f, struct buf *out);

/* For export-*.c: the article of each annotation, read once per run of
 * annotations of the same article (lists come in article order), with
 * the characters before each block of its body counted once, so that a
 * character offset costs one block's scan, not the body's. */
struct export_articles {
	struct store_anno_article cur;
	int loaded;
	struct text_charmap chars;   /* of cur.body */
};
int export_article(struct store *st, struct export_articles *c, int64_t id,
    const struct store_anno_article **out);
void export_articles_free(struct export_articles *c);
/* How an export names an article: its URL when it came from one, else
 * urn:dossier:article:HASH (malloc'd). */
char *export_article_iri(const struct store_anno_article *a);
/* Character offsets of an annotation in the loaded article's body; 0 when
 * it is orphaned (its offsets then belong to another version). */
int export_char_span(const struct export_articles *c, const struct store_anno *a,
    size_t *start, size_t *end);
/* Byte offset of character CHARS of the loaded article's body; -1 when
 * past its end. */
int export_byte_offset(const struct export_articles *c, size_t chars, size_t *byte);

#endif
