/*
 * export-qdpx.c: the REFI-QDA exchange standard (QDA-XML 1.0), which
 * ATLAS.ti, MAXQDA, NVivo, QualCoder and Taguette read:
 *
 *   project.qde   the project as XML (urn:QDA-XML:project:1.0): the
 *                 coders as Users, the tags as the CodeBook (nested by
 *                 "/"), each coded article as a TextSource whose
 *                 highlights are PlainTextSelections (character
 *                 positions, the note as their Description, a Coding per
 *                 tag), memos as Notes referred to from what they are on
 *   Sources/      the articles' bodies, one GUID.txt each
 *   .qdpx         the two in a ZIP (libzip)
 *   .qdc          the codebook alone (urn:QDA-XML:codebook:1.0), a tag's
 *                 memos as its Description
 *
 * The XML is written by libxml2's writer, so every name and text is
 * escaped by it. Identities: a highlight's GUID is its uuid and a memo's
 * its guid, so a project read back keeps them; tags, coders and codings
 * have GUIDs made from their names (the same in every export), and an
 * article's from its content hash.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/xmlwriter.h>
#ifdef HAVE_LIBZIP
#include <zip.h>
#endif

#include "anno.h"
#include "export.h"
#include "text.h"
#include "util.h"

/* libxml2 takes text as const xmlChar * (UTF-8 bytes). */
#define XC (const xmlChar *)

#define QDE_NS "urn:QDA-XML:project:1.0"
#define QDC_NS "urn:QDA-XML:codebook:1.0"

/* xterm's default palette for colours 0-15, the ones a tag names
 * ("red", "bright-red"); 16-255 are computed (cube and grey ramp). */
static const unsigned char base16[16][3] = {
	{ 0x00, 0x00, 0x00 }, { 0xcd, 0x00, 0x00 }, { 0x00, 0xcd, 0x00 }, { 0xcd, 0xcd, 0x00 },
	{ 0x00, 0x00, 0xee }, { 0xcd, 0x00, 0xcd }, { 0x00, 0xcd, 0xcd }, { 0xe5, 0xe5, 0xe5 },
	{ 0x7f, 0x7f, 0x7f }, { 0xff, 0x00, 0x00 }, { 0x00, 0xff, 0x00 }, { 0xff, 0xff, 0x00 },
	{ 0x5c, 0x5c, 0xff }, { 0xff, 0x00, 0xff }, { 0x00, 0xff, 0xff }, { 0xff, 0xff, 0xff },
};
static const char *const base_names[8] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static void
palette_rgb(int i, unsigned char rgb[3])
{
	static const unsigned char level[6] = { 0, 95, 135, 175, 215, 255 };

	if (i < 16) {
		memcpy(rgb, base16[i], 3);
	} else if (i < 232) {
		rgb[0] = level[(i - 16) / 36];
		rgb[1] = level[(i - 16) / 6 % 6];
		rgb[2] = level[(i - 16) % 6];
	} else {
		rgb[0] = rgb[1] = rgb[2] = (unsigned char)(8 + 10 * (i - 232));
	}
}

/* The palette index of a tag's colour ("red" 1, "bright-red" 9, "214"),
 * -1 for none or "default". */
static int
palette_index(const char *color)
{
	const char *c = color;
	int bright = 0, i;
	char *end;
	long v;

	if (c == NULL || strcmp(c, "default") == 0)
		return -1;
	if (strncmp(c, "bright-", 7) == 0) {
		c += 7;
		bright = 8;
	}
	for (i = 0; i < 8; i++)
		if (strcmp(c, base_names[i]) == 0)
			return i + bright;
	if (strncmp(c, "color", 5) == 0)
		c += 5;
	v = strtol(c, &end, 10);
	return end != c && *end == '\0' && v >= 0 && v <= 255 ? (int)v : -1;
}

int
export_qda_rgb(const char *color, char out[8])
{
	unsigned char rgb[3];
	int i = palette_index(color);

	if (i < 0)
		return -1;
	palette_rgb(i, rgb);
	snprintf(out, 8, "#%02X%02X%02X", rgb[0], rgb[1], rgb[2]);
	return 0;
}

static int
hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *
export_qda_color(const char *rgb)
{
	long v[3] = { 0, 0, 0 }, best = -1;
	int i, pick = 0, k, per;
	size_t len = rgb != NULL ? strlen(rgb) : 0;

	if (rgb == NULL || rgb[0] != '#' || (len != 7 && len != 4))
		return NULL;
	per = len == 7 ? 2 : 1;
	for (k = 0; k < 3; k++) {
		for (i = 0; i < per; i++) {
			int d = hex_digit(rgb[1 + k * per + i]);
			if (d < 0)
				return NULL;
			v[k] = v[k] * 16 + d;
		}
		if (per == 1)
			v[k] *= 17;     /* #3A3 is #33AA33 */
	}
	for (i = 0; i < 256; i++) {
		unsigned char p[3];
		long d = 0;

		palette_rgb(i, p);
		for (k = 0; k < 3; k++)
			d += ((long)p[k] - v[k]) * ((long)p[k] - v[k]);
		if (best < 0 || d < best) {
			best = d;
			pick = i;
		}
	}
	if (pick < 16)
		return xasprintf("%s%s", pick >= 8 ? "bright-" : "", base_names[pick % 8]);
	return xasprintf("%d", pick);
}

/* An article's GUID: its content hash in the GUID's shape. */
static void
article_guid(const struct store_anno_article *a, char out[37])
{
	store_name_uuid("article", a->hash != NULL ? a->hash : "", out);
}

/* ---- what the project holds ------------------------------------------- */

struct qda {
	struct store *st;
	struct store_tag *tags;
	size_t ntags;
	struct store_anno *annos;
	size_t nannos;
	struct store_memo *memos;
	size_t nmemos;
	char **coders;               /* distinct, sorted */
	size_t ncoders;
	int64_t *articles;           /* coded or with memos, in id order */
	size_t narticles;
};

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

static void
add_coder(struct qda *q, const char *name)
{
	if (name == NULL)
		return;
	q->coders = xreallocarray(q->coders, q->ncoders + 1, sizeof *q->coders);
	q->coders[q->ncoders++] = xstrdup(name);
}

static void
add_article(struct qda *q, int64_t id)
{
	q->articles = xreallocarray(q->articles, q->narticles + 1, sizeof *q->articles);
	q->articles[q->narticles++] = id;
}

/* Sorts and drops repeats (strings freed). */
static void
unique(struct qda *q)
{
	size_t i, n = 0;

	if (q->ncoders > 0)
		qsort(q->coders, q->ncoders, sizeof *q->coders, cmp_str);
	for (i = 0; i < q->ncoders; i++) {
		if (n > 0 && strcmp(q->coders[n - 1], q->coders[i]) == 0)
			free(q->coders[i]);
		else
			q->coders[n++] = q->coders[i];
	}
	q->ncoders = n;
	if (q->narticles > 0)
		qsort(q->articles, q->narticles, sizeof *q->articles, cmp_id);
	for (i = n = 0; i < q->narticles; i++) {
		if (n == 0 || q->articles[n - 1] != q->articles[i])
			q->articles[n++] = q->articles[i];
	}
	q->narticles = n;
}

static void
qda_free(struct qda *q)
{
	size_t i;

	store_tag_list_free(q->tags, q->ntags);
	store_anno_list_free(q->annos, q->nannos);
	store_memo_list_free(q->memos, q->nmemos);
	for (i = 0; i < q->ncoders; i++)
		free(q->coders[i]);
	free(q->coders);
	free(q->articles);
}

static int
qda_read(struct store *st, const struct store_anno_filter *f, struct qda *q)
{
	struct store_memo_filter mf = { .kind = -1, .coder = f->coder };
	size_t i;

	memset(q, 0, sizeof *q);
	q->st = st;
	if (store_tag_list(st, &q->tags, &q->ntags) != 0 ||
	    store_anno_list(st, f, &q->annos, &q->nannos) != 0 ||
	    store_memo_list(st, &mf, &q->memos, &q->nmemos) != 0)
		return -1;
	for (i = 0; i < q->nannos; i++) {
		add_coder(q, q->annos[i].coder);
		add_article(q, q->annos[i].article_id);
	}
	for (i = 0; i < q->nmemos; i++) {
		add_coder(q, q->memos[i].coder);
		if (q->memos[i].kind == STORE_MEMO_ARTICLE &&
		    (f->article_id == 0 || f->article_id == q->memos[i].target))
			add_article(q, q->memos[i].target);
	}
	unique(q);
	return 0;
}

/* ---- writing ---------------------------------------------------------- */

#define W(call) do { if ((call) < 0) return err_set("writing the project's XML"); } while (0)

static int
attr(xmlTextWriterPtr w, const char *name, const char *value)
{
	if (value == NULL)
		return 0;
	return xmlTextWriterWriteAttribute(w, XC name, XC value);
}

static int
user_attr(xmlTextWriterPtr w, const char *name, const char *coder)
{
	char guid[37];

	if (coder == NULL)
		return 0;
	store_name_uuid("user", coder, guid);
	return attr(w, name, guid);
}

static int
note_refs(xmlTextWriterPtr w, const struct qda *q, enum store_memo_kind kind, int64_t target)
{
	size_t i;

	for (i = 0; i < q->nmemos; i++) {
		const struct store_memo *m = &q->memos[i];
		if (m->kind != kind || (kind != STORE_MEMO_PROJECT && m->target != target))
			continue;
		W(xmlTextWriterStartElement(w, XC "NoteRef"));
		W(attr(w, "targetGUID", m->guid));
		W(xmlTextWriterEndElement(w));
	}
	return 0;
}

/* The tag named exactly NAME, or NULL. */
static const struct store_tag *
tag_named(const struct qda *q, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < q->ntags; i++) {
		if (strlen(q->tags[i].name) == len && memcmp(q->tags[i].name, name, len) == 0)
			return &q->tags[i];
	}
	return NULL;
}

/* Whether the first LEN bytes of NAME were already written as a code:
 * a tag listed earlier has that path or is nested in it. */
static int
written_before(const struct qda *q, size_t upto, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < upto; i++) {
		const char *n = q->tags[i].name;
		if (strncmp(n, name, len) == 0 && (n[len] == '\0' || n[len] == '/'))
			return 1;
	}
	return 0;
}

/* The code for path P[0, LEN) and the codes nested in it: a tag of that
 * name, or a grouping code (not codable) where only nested tags exist.
 * With CODEBOOK (a .qdc) a tag's memos are its Description; in a project
 * they are Notes it refers to. */
static int
write_code(xmlTextWriterPtr w, const struct qda *q, const char *p, size_t len, int codebook)
{
	const struct store_tag *t = tag_named(q, p, len);
	const char *leaf = p + len;
	char guid[37], rgb[8], *path = xstrndup(p, len);
	size_t i;

	while (leaf > p && leaf[-1] != '/')
		leaf--;
	store_name_uuid("tag", path, guid);
	W(xmlTextWriterStartElement(w, XC "Code"));
	W(attr(w, "guid", guid));
	{
		char *name = xstrndup(leaf, len - (size_t)(leaf - p));
		int rc = attr(w, "name", name);
		free(name);
		W(rc);
	}
	W(attr(w, "isCodable", t != NULL ? "true" : "false"));
	if (t != NULL && export_qda_rgb(t->color, rgb) == 0)
		W(attr(w, "color", rgb));
	if (t != NULL && codebook) {
		struct buf d;
		buf_init(&d);
		for (i = 0; i < q->nmemos; i++) {
			if (q->memos[i].kind == STORE_MEMO_TAG && q->memos[i].target == t->id) {
				if (d.len > 0)
					buf_adds(&d, "\n\n");
				buf_adds(&d, q->memos[i].text);
			}
		}
		if (d.len > 0 && xmlTextWriterWriteElement(w, XC "Description",
		    XC d.data) < 0) {
			buf_free(&d);
			free(path);
			return err_set("writing the codebook's XML");
		}
		buf_free(&d);
	} else if (t != NULL && note_refs(w, q, STORE_MEMO_TAG, t->id) != 0) {
		free(path);
		return -1;
	}
	/* The codes one level down, in the codebook's order. */
	for (i = 0; i < q->ntags; i++) {
		const char *n = q->tags[i].name, *slash;
		size_t clen;
		if (strlen(n) <= len + 1 || memcmp(n, p, len) != 0 || n[len] != '/')
			continue;
		slash = strchr(n + len + 1, '/');
		clen = slash != NULL ? (size_t)(slash - n) : strlen(n);
		if (written_before(q, i, n, clen))
			continue;
		if (write_code(w, q, n, clen, codebook) != 0) {
			free(path);
			return -1;
		}
	}
	free(path);
	W(xmlTextWriterEndElement(w));
	return 0;
}

static int
write_codes(xmlTextWriterPtr w, const struct qda *q, int codebook)
{
	size_t i;

	W(xmlTextWriterStartElement(w, XC "Codes"));
	for (i = 0; i < q->ntags; i++) {
		const char *n = q->tags[i].name, *slash = strchr(n, '/');
		size_t len = slash != NULL ? (size_t)(slash - n) : strlen(n);
		if (written_before(q, i, n, len))
			continue;
		if (write_code(w, q, n, len, codebook) != 0)
			return -1;
	}
	W(xmlTextWriterEndElement(w));
	return 0;
}

static int
write_selection(xmlTextWriterPtr w, const struct qda *q, const struct store_anno *a,
    size_t start, size_t end)
{
	char guid[37], *key;
	size_t i;

	W(xmlTextWriterStartElement(w, XC "PlainTextSelection"));
	W(attr(w, "guid", a->uuid));
	W(xmlTextWriterWriteFormatAttribute(w, XC "startPosition", "%zu", start));
	W(xmlTextWriterWriteFormatAttribute(w, XC "endPosition", "%zu", end));
	W(user_attr(w, "creatingUser", a->coder));
	W(attr(w, "creationDateTime", a->created));
	W(user_attr(w, "modifyingUser", a->coder));
	W(attr(w, "modifiedDateTime", a->modified));
	if (a->note != NULL && a->note[0] != '\0')
		W(xmlTextWriterWriteElement(w, XC "Description", XC a->note));
	for (i = 0; i < a->ntags; i++) {
		key = xasprintf("%s/%s", a->uuid, a->tags[i].name);
		store_name_uuid("coding", key, guid);
		free(key);
		W(xmlTextWriterStartElement(w, XC "Coding"));
		W(attr(w, "guid", guid));
		W(user_attr(w, "creatingUser", a->coder));
		W(attr(w, "creationDateTime", a->created));
		store_name_uuid("tag", a->tags[i].name, guid);
		W(xmlTextWriterStartElement(w, XC "CodeRef"));
		W(attr(w, "targetGUID", guid));
		W(xmlTextWriterEndElement(w));
		W(xmlTextWriterEndElement(w));
	}
	if (note_refs(w, q, STORE_MEMO_ANNOTATION, a->id) != 0)
		return -1;
	W(xmlTextWriterEndElement(w));
	return 0;
}

/* One TextSource for article ID, its body appended to the sources. */
static int
write_source(xmlTextWriterPtr w, const struct qda *q, struct anno_article *arts, int64_t id,
    struct export_qda_source *src)
{
	const struct store_anno_article *art;
	char guid[37], path[64];
	size_t i, s, e;

	if (anno_article_load(q->st, arts, id, &art) != 0)
		return -1;
	article_guid(art, guid);
	snprintf(src->name, sizeof src->name, "%s.txt", guid);
	src->text = xstrndup(art->body, art->body_len);
	src->len = art->body_len;
	snprintf(path, sizeof path, "internal://%s.txt", guid);
	W(xmlTextWriterStartElement(w, XC "TextSource"));
	W(attr(w, "guid", guid));
	W(attr(w, "name", art->title != NULL && art->title[0] != '\0' ? art->title : guid));
	W(attr(w, "plainTextPath", path));
	if (art->source != NULL)
		W(xmlTextWriterWriteElement(w, XC "Description", XC art->source));
	for (i = 0; i < q->nannos; i++) {
		const struct store_anno *a = &q->annos[i];
		/* An orphaned highlight has no place in this text to select. */
		if (a->article_id != id || !anno_char_span(arts, a, &s, &e))
			continue;
		if (write_selection(w, q, a, s, e) != 0)
			return -1;
	}
	if (note_refs(w, q, STORE_MEMO_ARTICLE, id) != 0)
		return -1;
	W(xmlTextWriterEndElement(w));
	return 0;
}

static int
write_notes(xmlTextWriterPtr w, const struct qda *q)
{
	size_t i;

	if (q->nmemos == 0)
		return 0;
	W(xmlTextWriterStartElement(w, XC "Notes"));
	for (i = 0; i < q->nmemos; i++) {
		const struct store_memo *m = &q->memos[i];
		W(xmlTextWriterStartElement(w, XC "Note"));
		W(attr(w, "guid", m->guid));
		W(attr(w, "name", m->title[0] != '\0' ? m->title : NULL));
		W(user_attr(w, "creatingUser", m->coder));
		W(attr(w, "creationDateTime", m->created));
		W(user_attr(w, "modifyingUser", m->coder));
		W(attr(w, "modifiedDateTime", m->modified));
		W(xmlTextWriterWriteElement(w, XC "PlainTextContent", XC m->text));
		W(xmlTextWriterEndElement(w));
	}
	W(xmlTextWriterEndElement(w));
	return 0;
}

static int
write_project(xmlTextWriterPtr w, const struct qda *q, struct export_qda_sources *srcs)
{
	struct anno_article arts = { 0 };
	char now[32], guid[37];
	time_t t = time(NULL);
	struct tm tm;
	size_t i;
	int rc = 0;

	gmtime_r(&t, &tm);
	strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
	W(xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL));
	W(xmlTextWriterStartElementNS(w, NULL, XC "Project", XC QDE_NS));
	W(attr(w, "name", "dossier"));
	W(attr(w, "origin", "dossier " PACKAGE_VERSION));
	W(attr(w, "creationDateTime", now));
	if (q->ncoders > 0) {
		W(xmlTextWriterStartElement(w, XC "Users"));
		for (i = 0; i < q->ncoders; i++) {
			store_name_uuid("user", q->coders[i], guid);
			W(xmlTextWriterStartElement(w, XC "User"));
			W(attr(w, "guid", guid));
			W(attr(w, "name", q->coders[i]));
			W(xmlTextWriterEndElement(w));
		}
		W(xmlTextWriterEndElement(w));
	}
	if (q->ntags > 0) {
		W(xmlTextWriterStartElement(w, XC "CodeBook"));
		if (write_codes(w, q, 0) != 0)
			return -1;
		W(xmlTextWriterEndElement(w));
	}
	if (q->narticles > 0) {
		W(xmlTextWriterStartElement(w, XC "Sources"));
		srcs->v = xcalloc(q->narticles, sizeof *srcs->v);
		for (i = 0; i < q->narticles && rc == 0; i++) {
			rc = write_source(w, q, &arts, q->articles[i], &srcs->v[i]);
			if (srcs->v[i].text != NULL)
				srcs->n++;
		}
		anno_article_free(&arts);
		if (rc != 0)
			return -1;
		W(xmlTextWriterEndElement(w));
	}
	if (write_notes(w, q) != 0 || note_refs(w, q, STORE_MEMO_PROJECT, 0) != 0)
		return -1;
	W(xmlTextWriterEndElement(w));
	W(xmlTextWriterEndDocument(w));
	return 0;
}

void
export_qda_sources_free(struct export_qda_sources *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i].text);
	free(s->v);
	memset(s, 0, sizeof *s);
}

/* Runs WRITE over a libxml2 writer into OUT. */
static int
with_writer(struct buf *out, int (*write)(xmlTextWriterPtr, const struct qda *,
    struct export_qda_sources *), const struct qda *q, struct export_qda_sources *srcs)
{
	xmlBufferPtr xb = xmlBufferCreate();
	xmlTextWriterPtr w;
	int rc;

	if (xb == NULL || (w = xmlNewTextWriterMemory(xb, 0)) == NULL) {
		xmlBufferFree(xb);
		return err_set("out of memory for the project's XML");
	}
	xmlTextWriterSetIndent(w, 1);
	rc = write(w, q, srcs);
	xmlFreeTextWriter(w);      /* flushes into xb */
	if (rc == 0)
		buf_add(out, xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
	xmlBufferFree(xb);
	return rc;
}

int
export_qde(struct store *st, const struct store_anno_filter *f, struct buf *out,
    struct export_qda_sources *srcs)
{
	struct qda q;
	int rc;

	memset(srcs, 0, sizeof *srcs);
	if (qda_read(st, f, &q) != 0) {
		qda_free(&q);
		return -1;
	}
	rc = with_writer(out, write_project, &q, srcs);
	qda_free(&q);
	if (rc != 0)
		export_qda_sources_free(srcs);
	return rc;
}

static int
write_codebook(xmlTextWriterPtr w, const struct qda *q, struct export_qda_sources *srcs)
{
	(void)srcs;
	W(xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL));
	W(xmlTextWriterStartElementNS(w, NULL, XC "CodeBook", XC QDC_NS));
	W(attr(w, "origin", "dossier " PACKAGE_VERSION));
	if (write_codes(w, q, 1) != 0)
		return -1;
	W(xmlTextWriterEndElement(w));
	W(xmlTextWriterEndDocument(w));
	return 0;
}

int
export_qdc(struct store *st, struct buf *out)
{
	struct store_memo_filter mf = { .kind = STORE_MEMO_TAG };
	struct qda q;
	int rc;

	memset(&q, 0, sizeof q);
	q.st = st;
	if (store_tag_list(st, &q.tags, &q.ntags) != 0 ||
	    store_memo_list(st, &mf, &q.memos, &q.nmemos) != 0) {
		qda_free(&q);
		return -1;
	}
	if (q.ntags == 0) {
		qda_free(&q);
		return err_set("the codebook has no tags to export");
	}
	rc = with_writer(out, write_codebook, &q, NULL);
	qda_free(&q);
	return rc;
}

#ifdef HAVE_LIBZIP
/* Adds LEN bytes as NAME to the archive (libzip copies nothing: DATA must
 * live until zip_close). */
static int
zip_put(zip_t *z, const char *name, const void *data, size_t len)
{
	zip_source_t *s = zip_source_buffer(z, data, len, 0);

	if (s == NULL || zip_file_add(z, name, s, ZIP_FL_ENC_UTF_8) < 0) {
		zip_source_free(s);
		return err_set("adding %s to the project: %s", name, zip_strerror(z));
	}
	return 0;
}

int
export_qdpx(struct store *st, const struct store_anno_filter *f, struct buf *out)
{
	struct export_qda_sources srcs;
	zip_source_t *src;
	zip_error_t ze;
	zip_stat_t zs;
	zip_t *z;
	struct buf xml, raw;
	size_t i;
	char name[64];
	int rc = 0;

	buf_init(&xml);
	buf_init(&raw);
	if (export_qde(st, f, &raw, &srcs) != 0) {
		buf_free(&raw);
		return -1;
	}
	/* What goes in is made safe as every export is (the bodies were
	 * tidied at import, so their positions stay). */
	text_safe(raw.data != NULL ? raw.data : "", raw.len, TEXT_SAFE_LINES, &xml);
	buf_free(&raw);
	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(NULL, 0, 0, &ze)) == NULL ||
	    (z = zip_open_from_source(src, ZIP_TRUNCATE, &ze)) == NULL) {
		rc = err_set("making the project's ZIP: %s", zip_error_strerror(&ze));
		zip_source_free(src);
		goto done;
	}
	zip_source_keep(src);
	rc = zip_put(z, "project.qde", xml.data, xml.len);
	for (i = 0; i < srcs.n && rc == 0; i++) {
		snprintf(name, sizeof name, "Sources/%s", srcs.v[i].name);
		rc = zip_put(z, name, srcs.v[i].text, srcs.v[i].len);
	}
	if (rc != 0) {
		zip_discard(z);
		zip_source_free(src);
		goto done;
	}
	if (zip_close(z) < 0) {
		rc = err_set("writing the project's ZIP: %s", zip_strerror(z));
		zip_discard(z);
		zip_source_free(src);
		goto done;
	}
	/* The archive now lives in SRC: copy it out. */
	if (zip_source_stat(src, &zs) < 0 || zip_source_open(src) < 0) {
		rc = err_set("reading the project's ZIP back");
	} else {
		buf_grow(out, (size_t)zs.size);
		if (zip_source_read(src, out->data + out->len, zs.size) != (zip_int64_t)zs.size)
			rc = err_set("reading the project's ZIP back");
		else {
			out->len += (size_t)zs.size;
			out->data[out->len] = '\0';
		}
		zip_source_close(src);
	}
	zip_source_free(src);
done:
	zip_error_fini(&ze);
	export_qda_sources_free(&srcs);
	buf_free(&xml);
	return rc;
}
#else
int
export_qdpx(struct store *st, const struct store_anno_filter *f, struct buf *out)
{
	(void)st;
	(void)f;
	(void)out;
	return err_set("this dossier was built without libzip: no .qdpx projects "
	    "(Debian: apt-get install libzip-dev, then configure again); --format qdc "
	    "writes the codebook");
}
#endif
