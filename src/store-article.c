/*
 * store-article.c: articles and their paragraph and sentence spans. Import
 * adds them (one article per transaction, owned by the caller); the reader
 * and the list/show commands page through them newest first.
 *
 * The list order is (published DESC, id DESC), with undated articles
 * last; the index articles_order serves it, so a page reads only its rows.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store-int.h"
#include "util.h"

void
store_article_free(struct store_article *a)
{
	if (a == NULL)
		return;
	free(a->title), free(a->source), free(a->outlet), free(a->published);
	free(a->authors), free(a->language), free(a->modified), free(a->captions);
	free(a->dropped), free(a->item);
	free(a->dateline), free(a->format), free(a->body), free(a->comments);
	free(a->hash), free(a->imported);
	memset(a, 0, sizeof *a);
}

void
store_article_brief_free(struct store_article_brief *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(rows[i].title), free(rows[i].published), free(rows[i].outlet);
	free(rows);
}

/* The hash covers everything a reader sees of the article, with a byte
 * that cannot occur in the text between fields so that moving a line from
 * the title into the body changes it; and a feed item's identity after
 * another such byte (WITH_ITEM), so that two items with the same text are
 * two articles. */
static void
content_hash(const struct store_article *a, int with_item, char out[65])
{
	static const unsigned char sep = 0xff, item_sep = 0xfe;
	struct store_sha256 h;

	store_sha256_init(&h);
	store_sha256_add(&h, a->title, strlen(a->title));
	store_sha256_add(&h, &sep, 1);
	store_sha256_add(&h, a->body, a->body_len);
	if (a->comments != NULL) {
		store_sha256_add(&h, &sep, 1);
		store_sha256_add(&h, a->comments, strlen(a->comments));
	}
	if (with_item && a->item != NULL) {
		store_sha256_add(&h, &item_sep, 1);
		store_sha256_add(&h, a->item, strlen(a->item));
	}
	store_sha256_hex(&h, out);
}

/* A feed item stored before items had an identity (schema 7) has the hash
 * of its text alone: the item met again with that text takes the row over
 * (its identity, its new hash), which makes it a duplicate rather than
 * the same article twice. 1 when a row was taken over. */
static int
adopt_legacy(struct store *st, struct store_article *a)
{
	static const char sql[] =
	    "UPDATE articles SET item = ?1, hash = ?2"
	    " WHERE hash = ?3 AND item IS NULL AND format = ?4"
	    "   AND NOT EXISTS (SELECT 1 FROM articles WHERE hash = ?2)"
	    " RETURNING id";
	char legacy[65];
	sqlite3_stmt *s;
	int rc;

	if (a->item == NULL)
		return 0;
	content_hash(a, 0, legacy);
	if ((s = store_stmt(st, sql)) == NULL)
		return -1;
	store_bind_text(s, 1, a->item, 0);
	sqlite3_bind_text(s, 2, a->hash, 64, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, legacy, 64, SQLITE_STATIC);
	store_bind_text(s, 4, a->format != NULL ? a->format : "text", 0);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		a->id = sqlite3_column_int64(s, 0);
		rc = sqlite3_step(s);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_err(st, "giving an article its feed item");
	return a->id != 0;
}

int
store_article_add(struct store *st, struct store_article *a, enum store_added *how)
{
	/* One statement per article: a duplicate hash inserts nothing (and
	 * fires no trigger). */
	static const char sql[] =
	    "INSERT INTO articles(title, source, outlet, published, dateline, format,"
	    "  body, comments, hash, previous_id, authors, language, modified, captions,"
	    "  dropped, item, summary)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)"
	    " ON CONFLICT(hash) DO NOTHING"
	    " RETURNING id, imported, previous_id";
	static const char dup_sql[] = "SELECT id FROM articles WHERE hash = ?1";
	char hash[65];
	sqlite3_stmt *s;
	int rc;

	content_hash(a, 1, hash);
	free(a->hash);
	a->hash = xstrdup(hash);
	a->id = 0;
	if ((rc = adopt_legacy(st, a)) != 0) {
		*how = STORE_DUPLICATE;
		return rc < 0 ? -1 : 0;
	}
	if ((s = store_stmt(st, sql)) == NULL)
		return -1;
	store_bind_text(s, 1, a->title, 0);
	store_bind_text(s, 2, a->source, 0);
	store_bind_text(s, 3, a->outlet, 0);
	store_bind_text(s, 4, a->published, 0);
	store_bind_text(s, 5, a->dateline, 0);
	store_bind_text(s, 6, a->format != NULL ? a->format : "text", 0);
	sqlite3_bind_text(s, 7, a->body, (int)a->body_len, SQLITE_STATIC);
	store_bind_text(s, 8, a->comments, 0);
	sqlite3_bind_text(s, 9, a->hash, 64, SQLITE_STATIC);
	if (a->previous_id != 0)
		sqlite3_bind_int64(s, 10, a->previous_id);
	else
		sqlite3_bind_null(s, 10);
	store_bind_text(s, 11, a->authors, 0);
	store_bind_text(s, 12, a->language, 0);
	store_bind_text(s, 13, a->modified, 0);
	store_bind_text(s, 14, a->captions, 0);
	store_bind_text(s, 15, a->dropped, 0);
	store_bind_text(s, 16, a->item, 0);
	sqlite3_bind_int(s, 17, a->summary != 0);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		a->id = sqlite3_column_int64(s, 0);
		free(a->imported);
		a->imported = store_col_text(s, 1);
		a->previous_id = sqlite3_column_int64(s, 2);
		*how = a->previous_id != 0 ? STORE_VERSION : STORE_ADDED;
		rc = sqlite3_step(s);
		sqlite3_reset(s);
		return rc == SQLITE_DONE ? 0 : store_err(st, "adding an article");
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_err(st, "adding an article");
	if ((s = store_stmt(st, dup_sql)) == NULL)
		return -1;
	sqlite3_bind_text(s, 1, a->hash, 64, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_reset(s);
		return store_err(st, "finding a duplicate article");
	}
	a->id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	*how = STORE_DUPLICATE;
	return 0;
}

/* Up to MAX ids that SQL (?1 the key, ?2 the limit) gives, in IDS. */
static int
ids_by(struct store *st, const char *sql, const char *key, int64_t *ids, size_t max,
    size_t *n)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	int rc;

	*n = 0;
	if (s == NULL)
		return -1;
	store_bind_text(s, 1, key, 0);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)max);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < max)
		ids[(*n)++] = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_err(st, "finding earlier versions");
}

int
store_article_by_source(struct store *st, const char *source, int64_t *ids, size_t max,
    size_t *n)
{
	return ids_by(st, "SELECT id FROM articles WHERE source = ?1 ORDER BY id DESC LIMIT ?2",
	    source, ids, max, n);
}

int
store_article_by_item(struct store *st, const char *item, int64_t *ids, size_t max, size_t *n)
{
	return ids_by(st, "SELECT id FROM articles WHERE item = ?1 ORDER BY id DESC LIMIT ?2",
	    item, ids, max, n);
}

int
store_article_by_title(struct store *st, const char *title, int64_t *ids, size_t max, size_t *n)
{
	return ids_by(st, "SELECT id FROM articles WHERE title = ?1 ORDER BY id DESC LIMIT ?2",
	    title, ids, max, n);
}

int
store_article_set_previous(struct store *st, int64_t id, int64_t previous_id)
{
	sqlite3_stmt *s = store_stmt(st, "UPDATE articles SET previous_id = ?2 WHERE id = ?1");
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, previous_id);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_err(st, "linking a new version");
}

/*
 * Spans are stored packed (see schema 17): for each span, the distance
 * from the previous span's end to its start (zigzag, so a span that
 * starts before the last one ended still fits) and its length, each an
 * unsigned LEB128 varint. A sentence of a hundred bytes after a space
 * costs 2 or 3 bytes instead of 8.
 */
static void
varint_put(struct buf *b, uint64_t v)
{
	while (v >= 0x80) {
		buf_addc(b, (char)(unsigned char)(v | 0x80));
		v >>= 7;
	}
	buf_addc(b, (char)(unsigned char)v);
}

/* The varint at *P (before END), or -1 when it runs past END or is longer
 * than an offset can be. */
static int64_t
varint_get(const unsigned char **p, const unsigned char *end)
{
	uint64_t v = 0;
	int shift;

	for (shift = 0; *p < end && shift < 35; shift += 7) {
		unsigned char c = *(*p)++;
		v |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80))
			return (int64_t)v;
	}
	return -1;
}

static int
spans_pack(struct buf *b, int64_t id, const struct text_span *v, size_t n)
{
	size_t i, last = 0;

	for (i = 0; i < n; i++) {
		if (v[i].end > UINT32_MAX || v[i].start > v[i].end)
			return err_set("article %lld: text span %zu-%zu cannot be stored",
			    (long long)id, v[i].start, v[i].end);
		varint_put(b, v[i].start >= last ? (uint64_t)(v[i].start - last) << 1 :
		    ((uint64_t)(last - v[i].start) << 1) - 1);
		varint_put(b, (uint64_t)(v[i].end - v[i].start));
		last = v[i].end;
	}
	return 0;
}

/* Unpacks LEN bytes at P; -1 (and nothing in *OUT) on a malformed list. */
static int
spans_unpack(const unsigned char *p, size_t len, struct text_span **out, size_t *n)
{
	const unsigned char *end = p + len;
	struct text_span *v = NULL;
	size_t k = 0, cap = 0;
	int64_t last = 0;

	while (p < end) {
		int64_t d = varint_get(&p, end), l = varint_get(&p, end), start;

		if (d < 0 || l < 0)
			goto bad;
		start = d & 1 ? last - ((d + 1) >> 1) : last + (d >> 1);
		if (start < 0 || start + l > UINT32_MAX)
			goto bad;
		if (k == cap)
			v = xreallocarray(v, cap = cap ? cap * 2 : 16, sizeof *v);
		v[k].start = (size_t)start;
		v[k].end = (size_t)(start + l);
		last = start + l;
		k++;
	}
	*out = v;
	*n = k;
	return 0;
bad:
	free(v);
	*out = NULL;
	*n = 0;
	return -1;
}

int
store_spans_add(struct store *st, int64_t id, const struct text_span *paras, size_t npara,
    const struct text_span *sents, size_t nsent)
{
	sqlite3_stmt *s = store_stmt(st,
	    "INSERT INTO spans(article_id, paragraphs, sentences) VALUES (?1, ?2, ?3)");
	struct buf p, q;
	int rc;

	if (s == NULL)
		return -1;
	buf_init(&p);
	buf_init(&q);
	if (spans_pack(&p, id, paras, npara) != 0 || spans_pack(&q, id, sents, nsent) != 0) {
		buf_free(&p);
		buf_free(&q);
		return -1;
	}
	sqlite3_bind_int64(s, 1, id);
	/* A blob of no bytes, not NULL, when there are none. */
	sqlite3_bind_blob(s, 2, p.len > 0 ? p.data : "", (int)p.len, SQLITE_STATIC);
	sqlite3_bind_blob(s, 3, q.len > 0 ? q.data : "", (int)q.len, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	buf_free(&p);
	buf_free(&q);
	return rc == SQLITE_DONE ? 0 : store_err(st, "adding text spans");
}

static int
spans_get(struct store *st, const char *sql, int64_t id, struct text_span **out, size_t *n)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	int rc, bad = 0;

	*out = NULL;
	*n = 0;
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		bad = spans_unpack(sqlite3_column_blob(s, 0), (size_t)sqlite3_column_bytes(s, 0),
		    out, n) != 0;
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_err(st, "reading text spans");
	if (bad)
		return err_set("%s: article %lld: its text spans are damaged", store_path(st),
		    (long long)id);
	return 0;
}

int
store_paragraphs_get(struct store *st, int64_t id, struct text_span **out, size_t *n)
{
	return spans_get(st, "SELECT paragraphs FROM spans WHERE article_id = ?1", id, out, n);
}

int
store_sentences_get(struct store *st, int64_t id, struct text_span **out, size_t *n)
{
	return spans_get(st, "SELECT sentences FROM spans WHERE article_id = ?1", id, out, n);
}

/* dossier_spans_pack(BLOB): a list in the format before schema 17 (8
 * bytes a span, two 4-byte little-endian offsets) in today's; schema 17
 * and a salvage of an older file call it. NULL stays NULL. */
static void
spans_pack_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *p;
	struct text_span *v;
	struct buf b;
	size_t n, i;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	p = sqlite3_value_blob(argv[0]);
	n = (size_t)sqlite3_value_bytes(argv[0]) / 8;
	v = xreallocarray(NULL, n + 1, sizeof *v);
	for (i = 0; i < n; i++) {
		v[i].start = (uint32_t)p[8 * i] | (uint32_t)p[8 * i + 1] << 8 |
		    (uint32_t)p[8 * i + 2] << 16 | (uint32_t)p[8 * i + 3] << 24;
		v[i].end = (uint32_t)p[8 * i + 4] | (uint32_t)p[8 * i + 5] << 8 |
		    (uint32_t)p[8 * i + 6] << 16 | (uint32_t)p[8 * i + 7] << 24;
		/* A damaged span is left out rather than refuse the file. */
		if (v[i].start > v[i].end)
			v[i].start = v[i].end;
	}
	buf_init(&b);
	spans_pack(&b, 0, v, n);
	free(v);
	sqlite3_result_blob(ctx, b.len > 0 ? b.data : "", (int)b.len, SQLITE_TRANSIENT);
	buf_free(&b);
}

int
store_spans_register(struct store *st)
{
	if (sqlite3_create_function(store_sqlite(st), "dossier_spans_pack", 1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, spans_pack_fn, NULL, NULL) != SQLITE_OK)
		return store_err(st, "registering the span packer");
	return 0;
}

/* The body straight into its own buffer: a column value of that size
 * would be assembled by SQLite and then copied again, and a 10 MB body is
 * what decides how long opening an article takes. */
static int
read_body(struct store *st, int64_t id, struct store_article *a)
{
	sqlite3_blob *b = NULL;
	int len;

	if (sqlite3_blob_open(store_sqlite(st), "main", "articles", "body", id, 0, &b) !=
	    SQLITE_OK) {
		sqlite3_blob_close(b);
		return store_err(st, "reading an article's body");
	}
	len = sqlite3_blob_bytes(b);
	a->body = xmalloc((size_t)len + 1);
	if (len > 0 && sqlite3_blob_read(b, a->body, len, 0) != SQLITE_OK) {
		sqlite3_blob_close(b);
		return store_err(st, "reading an article's body");
	}
	sqlite3_blob_close(b);
	a->body[len] = '\0';
	a->body_len = (size_t)len;
	return 0;
}

int
store_article_get(struct store *st, int64_t id, struct store_article *a)
{
	static const char sql[] =
	    "SELECT id, title, source, outlet, published, dateline, format,"
	    "  comments, hash, imported, previous_id, authors, language, modified, captions,"
	    "  item, summary"
	    " FROM articles WHERE id = ?1";
	sqlite3_stmt *s = store_stmt(st, sql);
	int rc;

	memset(a, 0, sizeof *a);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(s);
		return err_set("no article %lld", (long long)id);
	}
	if (rc != SQLITE_ROW) {
		sqlite3_reset(s);
		return store_err(st, "reading an article");
	}
	a->id = sqlite3_column_int64(s, 0);
	a->title = store_col_text(s, 1);
	a->source = store_col_text(s, 2);
	a->outlet = store_col_text(s, 3);
	a->published = store_col_text(s, 4);
	a->dateline = store_col_text(s, 5);
	a->format = store_col_text(s, 6);
	a->comments = store_col_text(s, 7);
	a->hash = store_col_text(s, 8);
	a->imported = store_col_text(s, 9);
	a->previous_id = sqlite3_column_int64(s, 10);
	a->authors = store_col_text(s, 11);
	a->language = store_col_text(s, 12);
	a->modified = store_col_text(s, 13);
	a->captions = store_col_text(s, 14);
	a->item = store_col_text(s, 15);
	a->summary = sqlite3_column_int(s, 16);
	sqlite3_reset(s);
	if (read_body(st, id, a) != 0) {
		store_article_free(a);
		return -1;
	}
	return 0;
}

int
store_article_count(struct store *st, int64_t *n)
{
	/* Kept by triggers per year (schema 2): a handful of rows, however
	 * many articles. */
	return store_int_query(st, "SELECT CAST(total(n) AS INTEGER) FROM list_years", n,
	    "counting articles");
}

#define BRIEF_COLUMNS \
	"SELECT a.id, a.title, a.published, a.outlet," \
	"  (SELECT count(*) FROM annotations n" \
	"   WHERE n.article_id = a.id AND n.state = 'active')"

/* Appends the rows of S (BRIEF_COLUMNS) to *rows, at most LIMIT in all. */
static int
read_briefs(struct store *st, sqlite3_stmt *s, size_t limit, struct store_article_brief **rows,
    size_t *n)
{
	size_t cap = *n;
	int rc;

	while (*n < limit && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_article_brief *r;
		if (*n == cap) {
			cap = cap ? cap * 2 : (limit < 64 ? limit + 1 : 64);
			*rows = xreallocarray(*rows, cap, sizeof **rows);
		}
		r = &(*rows)[(*n)++];
		r->id = sqlite3_column_int64(s, 0);
		r->title = store_col_text(s, 1);
		r->published = store_col_text(s, 2);
		r->outlet = store_col_text(s, 3);
		r->annotations = sqlite3_column_int(s, 4);
	}
	if (*n >= limit)
		rc = SQLITE_DONE;
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_article_brief_free(*rows, *n);
		*rows = NULL;
		*n = 0;
		return store_err(st, "listing articles");
	}
	return 0;
}

int
store_article_page(struct store *st, size_t offset, size_t limit,
    struct store_article_brief **rows, size_t *n)
{
	sqlite3_stmt *s = store_stmt(st, BRIEF_COLUMNS
	    " FROM articles a ORDER BY a.published DESC, a.id DESC LIMIT ?1 OFFSET ?2");

	*rows = NULL;
	*n = 0;
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, limit > INT64_MAX ? -1 : (sqlite3_int64)limit);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)offset);
	return read_briefs(st, s, limit, rows, n);
}

/* An article's place in the list: its date (NULL when undated) and its
 * buckets (see schema 2), and the bound above every date in its day.
 * 1 when there is no such article. */
static int
list_key(struct store *st, int64_t id, sqlite3_stmt **key)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT published,"
	    " CASE WHEN published IS NULL THEN id >> 16 ELSE substr(published, 1, 4) END,"
	    " CASE WHEN published IS NULL THEN id >> 8 ELSE substr(published, 1, 10) END,"
	    " substr(published, 1, 10) || char(1114111) FROM articles WHERE id = ?1");
	int rc;

	*key = s;
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		return 0;
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return 1;
	return store_err(st, "finding an article in the list");
}

int
store_article_index(struct store *st, int64_t id, size_t *index)
{
	/* The later years, the later days of its year, then the articles
	 * before it in its own day (or its block of undated ids): each an
	 * index range, none growing with the corpus. */
	sqlite3_stmt *k, *s = store_stmt(st,
	    "SELECT CAST((SELECT total(n) FROM list_years WHERE k > ?1)"
	    " + (SELECT total(n) FROM list_days WHERE k1 = ?1 AND k2 > ?2) AS INTEGER)"
	    " + CASE WHEN ?3 IS NULL THEN (SELECT count(*) FROM articles"
	    "   WHERE published IS NULL AND id > ?4 AND id < (?2 + 1) * 256)"
	    " ELSE (SELECT count(*) FROM articles WHERE published > ?3 AND published < ?5)"
	    "   + (SELECT count(*) FROM articles WHERE published = ?3 AND id > ?4) END");
	int rc;

	if (s == NULL)
		return -1;
	if ((rc = list_key(st, id, &k)) != 0)
		return rc < 0 ? -1 : err_set("no article %lld", (long long)id);
	sqlite3_bind_value(s, 1, sqlite3_column_value(k, 1));
	sqlite3_bind_value(s, 2, sqlite3_column_value(k, 2));
	sqlite3_bind_value(s, 3, sqlite3_column_value(k, 0));
	sqlite3_bind_int64(s, 4, id);
	sqlite3_bind_value(s, 5, sqlite3_column_value(k, 3));
	sqlite3_reset(k);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*index = (size_t)sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : store_err(st, "finding an article in the list");
}

int
store_article_page_at(struct store *st, int64_t id, size_t limit,
    struct store_article_brief **rows, size_t *n)
{
	/* From the article on by its key, the dated ones, then the undated. */
	sqlite3_stmt *k, *dated = store_stmt(st, BRIEF_COLUMNS " FROM articles a"
	    " WHERE (a.published, a.id) <= (?1, ?2)"
	    " ORDER BY a.published DESC, a.id DESC LIMIT ?3");
	sqlite3_stmt *undated = store_stmt(st, BRIEF_COLUMNS " FROM articles a"
	    " WHERE a.published IS NULL AND a.id <= ?1 ORDER BY a.published DESC, a.id DESC"
	    " LIMIT ?2");
	sqlite3_int64 lim = limit > INT64_MAX ? -1 : (sqlite3_int64)limit;
	int rc, is_dated;

	*rows = NULL;
	*n = 0;
	if (dated == NULL || undated == NULL)
		return -1;
	if ((rc = list_key(st, id, &k)) != 0)
		return rc < 0 ? -1 : err_set("no article %lld", (long long)id);
	is_dated = sqlite3_column_type(k, 0) != SQLITE_NULL;
	if (is_dated) {
		sqlite3_bind_value(dated, 1, sqlite3_column_value(k, 0));
		sqlite3_bind_int64(dated, 2, id);
		sqlite3_bind_int64(dated, 3, lim);
	}
	sqlite3_reset(k);
	if (is_dated && read_briefs(st, dated, limit, rows, n) != 0)
		return -1;
	if (*n >= limit)
		return 0;
	sqlite3_bind_int64(undated, 1, is_dated ? INT64_MAX : id);
	sqlite3_bind_int64(undated, 2, lim);
	return read_briefs(st, undated, limit, rows, n);
}

static void
reverse_briefs(struct store_article_brief *v, size_t n)
{
	size_t i;

	for (i = 0; i < n / 2; i++) {
		struct store_article_brief t = v[i];
		v[i] = v[n - 1 - i];
		v[n - 1 - i] = t;
	}
}

/* The end of the list backwards: the undated articles with ids above ID,
 * then the dated ones, oldest first (turned round by the callers). */
static int
tail_after(struct store *st, int64_t id, size_t limit, struct store_article_brief **rows,
    size_t *n)
{
	sqlite3_int64 lim = limit > INT64_MAX ? -1 : (sqlite3_int64)limit;
	sqlite3_stmt *s = store_stmt(st, BRIEF_COLUMNS " FROM articles a"
	    " WHERE a.published IS NULL AND a.id > ?1 ORDER BY a.published, a.id LIMIT ?2");

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, lim);
	if (read_briefs(st, s, limit, rows, n) != 0)
		return -1;
	s = store_stmt(st, BRIEF_COLUMNS " FROM articles a"
	    " WHERE a.published IS NOT NULL ORDER BY a.published, a.id LIMIT ?1");
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, lim);
	return *n < limit ? read_briefs(st, s, limit, rows, n) : 0;
}

int
store_article_page_before(struct store *st, int64_t id, size_t limit,
    struct store_article_brief **rows, size_t *n)
{
	/* Backwards from the article by its key: the undated ones after it
	 * (when it is undated), then the dated ones, then turned round. */
	sqlite3_stmt *k, *s;
	sqlite3_int64 lim = limit > INT64_MAX ? -1 : (sqlite3_int64)limit;
	int rc;

	*rows = NULL;
	*n = 0;
	if ((rc = list_key(st, id, &k)) != 0)
		return rc < 0 ? -1 : err_set("no article %lld", (long long)id);
	if (sqlite3_column_type(k, 0) != SQLITE_NULL) {
		s = store_stmt(st, BRIEF_COLUMNS " FROM articles a"
		    " WHERE (a.published, a.id) > (?1, ?2) ORDER BY a.published, a.id LIMIT ?3");
		if (s == NULL) {
			sqlite3_reset(k);
			return -1;
		}
		sqlite3_bind_value(s, 1, sqlite3_column_value(k, 0));
		sqlite3_bind_int64(s, 2, id);
		sqlite3_bind_int64(s, 3, lim);
		sqlite3_reset(k);
		if (read_briefs(st, s, limit, rows, n) != 0)
			return -1;
	} else {
		sqlite3_reset(k);
		if (tail_after(st, id, limit, rows, n) != 0)
			return -1;
	}
	reverse_briefs(*rows, *n);
	return 0;
}

int
store_article_page_last(struct store *st, size_t limit, struct store_article_brief **rows,
    size_t *n)
{
	*rows = NULL;
	*n = 0;
	if (tail_after(st, INT64_MIN, limit, rows, n) != 0)
		return -1;
	reverse_briefs(*rows, *n);
	return 0;
}

int
store_article_dropped(struct store *st, int64_t id, char **out)
{
	static const char sql[] = "SELECT dropped FROM articles WHERE id = ?1";
	sqlite3_stmt *s = store_stmt(st, sql);
	int rc;

	*out = NULL;
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = store_col_text(s, 0);
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return err_set("no article %lld", (long long)id);
	return rc == SQLITE_ROW ? 0 : store_err(st, "reading an article");
}
