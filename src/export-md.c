/*
 * export-md.c: annotations as a Markdown report a person reads: one
 * section per article, within it one per tag (an annotation with several
 * tags appears under each, untagged ones last), each annotation as its
 * quoted text with the note and the claim's speaker, target and status
 * under it; the project's memos first and each article's under its
 * heading. Text from articles, notes and memos is escaped so that it reads
 * as written, never as Markdown markup.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "anno.h"
#include "export.h"
#include "util.h"

/* Text with Markdown's inline markup characters escaped; line breaks are
 * emitted as LINE_BREAK (e.g. "\n> " inside a quotation). */
/* At the start of a line, what Markdown would read as a list item
 * ("- ", "+ ", "1. ", "1) "), a heading's underline ("===", "---") or a
 * fence ("~~~") is escaped: a note is shown as written, never as
 * structure. Returns the bytes of S copied. */
static size_t
md_line_start(struct buf *out, const char *s)
{
	size_t i = 0, digits;

	while (s[i] == ' ' || s[i] == '\t')
		buf_addc(out, s[i++]);
	if (s[i] == '-' || s[i] == '+' || s[i] == '=' || s[i] == '~') {
		buf_addc(out, '\\');
		return i;
	}
	for (digits = 0; s[i + digits] >= '0' && s[i + digits] <= '9'; digits++)
		;
	if (digits > 0 && (s[i + digits] == '.' || s[i + digits] == ')')) {
		buf_add(out, s + i, digits);
		buf_addc(out, '\\');
		return i + digits;
	}
	return i;
}

static void
md_text(struct buf *out, const char *s, const char *line_break)
{
	int line_start = 1;

	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '\r')
			continue;
		if (*s == '\n') {
			buf_adds(out, line_break);
			line_start = 1;
			continue;
		}
		if (line_start) {
			line_start = 0;
			s += md_line_start(out, s);
			if (*s == '\0')
				break;
			if (*s == '\n') {
				s--;
				continue;
			}
		}
		if (strchr("\\`*_[]<>#|", *s) != NULL)
			buf_addc(out, '\\');
		buf_addc(out, *s);
	}
}

static void
article_head(struct buf *out, const struct store_anno_article *art)
{
	const char *sep = "";

	buf_adds(out, "## ");
	md_text(out, art->title && art->title[0] ? art->title : "(untitled)", " ");
	buf_adds(out, "\n\n");
	if (art->outlet != NULL) {
		md_text(out, art->outlet, " ");
		sep = " · ";
	}
	if (art->published != NULL) {
		buf_adds(out, sep);
		md_text(out, art->published, " ");
		sep = " · ";
	}
	if (art->source != NULL) {
		buf_adds(out, sep);
		md_text(out, art->source, " ");
		sep = " · ";
	}
	if (sep[0] != '\0')
		buf_adds(out, "\n\n");
}

static void
claim_line(struct buf *out, const struct store_anno *a)
{
	const char *status = store_anno_status_name(a->status), *sep = "";

	if (a->speaker != NULL) {
		buf_adds(out, "Speaker: ");
		md_text(out, a->speaker, " ");
		sep = " · ";
	}
	if (a->target != NULL) {
		buf_printf(out, "%sTarget: ", sep);
		md_text(out, a->target, " ");
		sep = " · ";
	}
	if (status != NULL) {
		buf_printf(out, "%sStatus: %s", sep, status);
		sep = " · ";
	}
	if (a->state == STORE_ANNO_ORPHANED) {
		buf_printf(out, "%sOrphaned: not found in this version of the article", sep);
		sep = " · ";
	}
	if (sep[0] != '\0')
		buf_adds(out, "\n\n");
}

static void
entry(struct buf *out, const struct store_anno *a)
{
	buf_adds(out, "> ");
	md_text(out, a->quote, "\n> ");
	buf_adds(out, "\n\n");
	if (a->note != NULL) {
		buf_adds(out, "Note: ");
		md_text(out, a->note, "  \n");
		buf_adds(out, "\n\n");
	}
	claim_line(out, a);
}

static int
has_tag(const struct store_anno *a, const char *name)
{
	size_t i;

	for (i = 0; i < a->ntags; i++) {
		if (strcmp(a->tags[i].name, name) == 0)
			return 1;
	}
	return 0;
}

static int
cmp_str(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The distinct tag names of rows[0, n), sorted. */
static size_t
tag_names(const struct store_anno *rows, size_t n, const char ***out)
{
	const char **names = NULL;
	size_t count = 0, i, j, k;

	for (i = 0; i < n; i++) {
		for (j = 0; j < rows[i].ntags; j++) {
			for (k = 0; k < count && strcmp(names[k], rows[i].tags[j].name) != 0; k++)
				;
			if (k == count) {
				names = xreallocarray(names, count + 1, sizeof *names);
				names[count++] = rows[i].tags[j].name;
			}
		}
	}
	if (count > 1)
		qsort(names, count, sizeof *names, cmp_str);
	*out = names;
	return count;
}

static void
article_body(struct buf *out, const struct store_anno *rows, size_t n)
{
	const char **names;
	size_t ntags = tag_names(rows, n, &names), t, i;
	int untagged = 0;

	for (t = 0; t < ntags; t++) {
		buf_adds(out, "### ");
		md_text(out, names[t], " ");
		buf_adds(out, "\n\n");
		for (i = 0; i < n; i++) {
			if (has_tag(&rows[i], names[t]))
				entry(out, &rows[i]);
		}
	}
	for (i = 0; i < n; i++) {
		if (rows[i].ntags > 0)
			continue;
		if (!untagged++)
			buf_adds(out, "### Untagged\n\n");
		entry(out, &rows[i]);
	}
	free(names);
}

/* The memos on KIND TARGET, each its title and coder in bold and its
 * text quoted, under HEADING when there are any. */
static int
memos(struct store *st, struct buf *out, enum store_memo_kind kind, int64_t target,
    const char *heading)
{
	struct store_memo_filter f = { .kind = (int)kind, .target = target };
	struct store_memo *rows;
	size_t n, i;

	if (store_memo_list(st, &f, &rows, &n) != 0)
		return -1;
	if (n > 0)
		buf_adds(out, heading);
	for (i = 0; i < n; i++) {
		buf_adds(out, "**Memo");
		if (rows[i].title[0] != '\0') {
			buf_adds(out, ": ");
			md_text(out, rows[i].title, " ");
		}
		buf_adds(out, "**");
		if (rows[i].coder != NULL) {
			buf_adds(out, " (");
			md_text(out, rows[i].coder, " ");
			buf_adds(out, ")");
		}
		buf_adds(out, "\n\n> ");
		md_text(out, rows[i].text, "\n> ");
		buf_adds(out, "\n\n");
	}
	store_memo_list_free(rows, n);
	return 0;
}

int
export_markdown(struct store *st, const struct store_anno_filter *f, struct buf *out)
{
	struct anno_article arts = { 0 };
	const struct store_anno_article *art;
	struct store_anno *rows;
	size_t n, i, j, narticles = 0;

	if (store_anno_list(st, f, &rows, &n) != 0)
		return -1;
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && rows[j].article_id == rows[i].article_id; j++)
			;
		narticles++;
	}
	buf_printf(out, "# Annotations\n\n%zu annotation%s in %zu article%s.\n\n", n,
	    n == 1 ? "" : "s", narticles, narticles == 1 ? "" : "s");
	if (memos(st, out, STORE_MEMO_PROJECT, 0, "## Project memos\n\n") != 0) {
		store_anno_list_free(rows, n);
		return -1;
	}
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && rows[j].article_id == rows[i].article_id; j++)
			;
		if (anno_article_load(st, &arts, rows[i].article_id, &art) != 0) {
			anno_article_free(&arts);
			store_anno_list_free(rows, n);
			return -1;
		}
		article_head(out, art);
		if (memos(st, out, STORE_MEMO_ARTICLE, art->id, "") != 0) {
			anno_article_free(&arts);
			store_anno_list_free(rows, n);
			return -1;
		}
		article_body(out, &rows[i], j - i);
	}
	anno_article_free(&arts);
	store_anno_list_free(rows, n);
	return 0;
}
