/*
 * export.h: the user's annotations out to files other programs read (the
 * JSON import is anno's: anno_json_import).
 *
 *   export-json.c  W3C Web Annotation JSON (an AnnotationCollection)
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
/* Why FMT was chosen for a file, for the message that names it: the
 * option (CHOSEN set: "--format" or the reader's FORMAT word, given as
 * CHOSEN), else the file's name ("the name ends in .csv"), else JSON as
 * the default. */
const char *export_format_why(enum export_format fmt, const char *chosen);

/* Appends the annotations F selects (live ones when F->states is 0);
 * -1 naming it when F asks for a tag or an article there is none of. */
int export_write(struct store *st, const struct store_anno_filter *f,
    enum export_format fmt, struct buf *out);
int export_json(struct store *st, const struct store_anno_filter *f, struct buf *out);
int export_csv(struct store *st, const struct store_anno_filter *f, struct buf *out);
/* Appends S as one RFC 4180 field (after a comma unless FIRST; nothing
 * for NULL): quoted when it holds a comma, quote or line break, and with
 * a leading apostrophe when a spreadsheet would run it as a formula. */
void export_csv_field(struct buf *out, const char *s, int first);
int export_markdown(struct store *st, const struct store_anno_filter *f, struct buf *out);

/* How an export names an article: its URL when it came from one, else
 * urn:dossier:article:HASH (malloc'd). */
char *export_article_iri(const struct store_anno_article *a);

#endif
