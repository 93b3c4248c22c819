/*
 * export-csv.c: annotations as CSV for spreadsheets and scripts: a header
 * row, then one row per annotation, quoted as RFC 4180 says (fields with
 * a comma, quote or line break in double quotes, quotes doubled, CRLF
 * between records). Offsets are characters into the article body; an
 * orphaned annotation has none.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anno.h"
#include "export.h"
#include "util.h"

static const char *const columns[] = {
	"id", "article", "title", "start", "end", "quote", "tags", "note",
	"speaker", "target", "status", "state", "created", "modified",
};

void
export_csv_field(struct buf *out, const char *s, int first)
{
	const char *p;

	if (!first)
		buf_addc(out, ',');
	if (s == NULL)
		return;
	/* A spreadsheet runs a cell that starts with = + - @ (or a tab or
	 * carriage return before one) as a formula: such a cell gets a
	 * leading apostrophe, which spreadsheets show as text, and quotes. */
	if (strchr("=+-@\t\r", s[0]) == NULL || s[0] == '\0') {
		if (strpbrk(s, ",\"\r\n") == NULL) {
			buf_adds(out, s);
			return;
		}
		buf_addc(out, '"');
	} else
		buf_adds(out, "\"'");
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			buf_addc(out, '"');
		buf_addc(out, *p);
	}
	buf_addc(out, '"');
}

static void
row(struct buf *out, const struct store_anno *a, const struct anno_article *arts)
{
	const struct store_anno_article *art = &arts->cur;
	struct buf tags;
	char *iri = export_article_iri(art), num[32];
	size_t i, s, e;
	int placed = anno_char_span(arts, a, &s, &e);

	buf_init(&tags);
	for (i = 0; i < a->ntags; i++)
		buf_printf(&tags, "%s%s", i > 0 ? "; " : "", a->tags[i].name);
	buf_printf(out, "urn:uuid:%s", a->uuid);
	export_csv_field(out, iri, 0);
	export_csv_field(out, art->title, 0);
	snprintf(num, sizeof num, "%zu", s);
	export_csv_field(out, placed ? num : NULL, 0);
	snprintf(num, sizeof num, "%zu", e);
	export_csv_field(out, placed ? num : NULL, 0);
	export_csv_field(out, a->quote, 0);
	export_csv_field(out, tags.data ? tags.data : "", 0);
	export_csv_field(out, a->note, 0);
	export_csv_field(out, a->speaker, 0);
	export_csv_field(out, a->target, 0);
	export_csv_field(out, store_anno_status_name(a->status), 0);
	export_csv_field(out, store_anno_state_name(a->state), 0);
	export_csv_field(out, a->created, 0);
	export_csv_field(out, a->modified, 0);
	buf_adds(out, "\r\n");
	buf_free(&tags);
	free(iri);
}

int
export_csv(struct store *st, const struct store_anno_filter *f, struct buf *out)
{
	struct anno_article arts = { 0 };
	const struct store_anno_article *art;
	struct store_anno *rows;
	size_t n, i;
	int rc = 0;

	if (store_anno_list(st, f, &rows, &n) != 0)
		return -1;
	for (i = 0; i < ARRAY_LEN(columns); i++)
		export_csv_field(out, columns[i], i == 0);
	buf_adds(out, "\r\n");
	for (i = 0; i < n && rc == 0; i++) {
		rc = anno_article_load(st, &arts, rows[i].article_id, &art);
		if (rc == 0)
			row(out, &rows[i], &arts);
	}
	anno_article_free(&arts);
	store_anno_list_free(rows, n);
	return rc;
}
