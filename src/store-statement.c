/*
 * store-statement.c: statements (who said what, as byte spans of an
 * article) and the ranked links between related statements of different
 * articles. Each statement also keeps the features related statements are
 * found by (key terms, named agreements and places); the keys index
 * (related_terms, statement_terms: schema 13, filled when statements are
 * linked, emptied by a trigger) finds the statements sharing one, newest
 * first.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store-int.h"
#include "util.h"

int
store_statement_add(struct store *st, const struct store_statement_in *in, int64_t *id)
{
	sqlite3_stmt *s = store_stmt(st,
	    "INSERT INTO statements (article_id, speaker_id, start, end, verb, quote_start,"
	    " quote_end, terms, entities, published) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
	    " (SELECT published FROM articles WHERE id = ?1))");

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, in->article_id);
	if (in->speaker_id != 0)
		sqlite3_bind_int64(s, 2, in->speaker_id);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)in->start);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)in->end);
	store_bind_text(s, 5, in->verb, 0);
	if (in->quote_end > in->quote_start) {
		sqlite3_bind_int64(s, 6, (sqlite3_int64)in->quote_start);
		sqlite3_bind_int64(s, 7, (sqlite3_int64)in->quote_end);
	}
	store_bind_text(s, 8, in->terms, 0);
	store_bind_text(s, 9, in->entities, 0);
	if (sqlite3_step(s) != SQLITE_DONE) {
		sqlite3_reset(s);
		return store_err(st, "adding a statement");
	}
	sqlite3_reset(s);
	*id = sqlite3_last_insert_rowid(store_sqlite(st));
	return 0;
}

void
store_statement_list_free(struct store_statement *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		store_statement_clear(&rows[i]);
	free(rows);
}

void
store_statement_clear(struct store_statement *r)
{
	free(r->speaker);
	free(r->verb);
	free(r->title);
	free(r->published);
	free(r->text);
	memset(r, 0, sizeof *r);
}

/* The columns every statement query selects, in read_row's order. */
#define STATEMENT_COLUMNS \
	"s.id, s.article_id, coalesce(s.speaker_id, 0), e.name, s.start, s.end, s.verb," \
	" coalesce(s.quote_start, 0), coalesce(s.quote_end, 0), a.title, a.published"
#define STATEMENT_JOINS \
	" JOIN articles a ON a.id = s.article_id LEFT JOIN entities e ON e.id = s.speaker_id"

static void
read_row(sqlite3_stmt *s, struct store_statement *r)
{
	r->id = sqlite3_column_int64(s, 0);
	r->article_id = sqlite3_column_int64(s, 1);
	r->speaker_id = sqlite3_column_int64(s, 2);
	r->speaker = store_col_text(s, 3);
	r->start = (size_t)sqlite3_column_int64(s, 4);
	r->end = (size_t)sqlite3_column_int64(s, 5);
	r->verb = store_col_text(s, 6);
	r->quote_start = (size_t)sqlite3_column_int64(s, 7);
	r->quote_end = (size_t)sqlite3_column_int64(s, 8);
	r->title = store_col_text(s, 9);
	r->published = store_col_text(s, 10);
	r->text = NULL;
	r->score = sqlite3_column_count(s) > 11 ? sqlite3_column_double(s, 11) : 0;
}

/* The rows' words, each article's rows (adjacent in every list) read as
 * one range from the first start to the last end: the pages of a body
 * past the last row shown are never read. */
static void
fill_words(struct store *st, struct store_statement *rows, size_t n)
{
	struct store_body_cache c = { 0 };
	size_t i, j, lo, hi;

	for (i = 0; i < n; i = j) {
		lo = rows[i].start;
		hi = rows[i].end;
		for (j = i + 1; j < n && rows[j].article_id == rows[i].article_id; j++) {
			lo = rows[j].start < lo ? rows[j].start : lo;
			hi = rows[j].end > hi ? rows[j].end : hi;
		}
		/* A range that fails (a row past the body's end) leaves each row
		 * to read its own span. */
		if (j - i > 1)
			(void)store_body_load(st, &c, rows[i].article_id, lo, hi);
		for (; i < j; i++)
			rows[i].text = store_body_words(st, &c, rows[i].article_id, rows[i].start,
			    rows[i].end);
	}
	store_body_cache_free(&c);
}

static int
read_rows(struct store *st, sqlite3_stmt *s, struct store_statement **rows, size_t *n)
{
	size_t cap = 0;
	int rc;

	*rows = NULL;
	*n = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*rows = xreallocarray(*rows, cap, sizeof **rows);
		}
		read_row(s, &(*rows)[(*n)++]);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_statement_list_free(*rows, *n);
		*rows = NULL;
		*n = 0;
		return store_err(st, "reading statements");
	}
	fill_words(st, *rows, *n);
	return 0;
}

int
store_statement_get(struct store *st, int64_t id, struct store_statement *out)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT " STATEMENT_COLUMNS
	    " FROM statements s" STATEMENT_JOINS " WHERE s.id = ?1");
	int rc;

	memset(out, 0, sizeof *out);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_row(s, out);
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return err_set("no statement %lld", (long long)id);
	if (rc != SQLITE_ROW)
		return store_err(st, "reading a statement");
	fill_words(st, out, 1);
	return 0;
}

int
store_article_statements(struct store *st, int64_t article, struct store_statement **rows,
    size_t *n)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT " STATEMENT_COLUMNS
	    " FROM statements s" STATEMENT_JOINS " WHERE s.article_id = ?1 ORDER BY s.start");

	*rows = NULL;
	*n = 0;
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, article);
	return read_rows(st, s, rows, n);
}

/* A page of statements read into a growing array. */
struct found {
	struct store_statement *rows;
	size_t n, cap;
};

static void
found_row(void *arg, sqlite3_stmt *s)
{
	struct found *f = arg;

	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 16;
		f->rows = xreallocarray(f->rows, f->cap, sizeof *f->rows);
	}
	read_row(s, &f->rows[f->n++]);
}

/* The lists of statements store_page reads (store-int.h): ?1 the
 * speaker (BY), ?2 an entity named inside the statement (ABOUT), each 0
 * for any. The statement's own article, speaker and words come with it;
 * CROSS JOIN keeps the statements the outer loop, read through the index
 * named. */
#define FIND_FROM(index) " FROM statements s INDEXED BY " index \
	" CROSS JOIN articles a ON a.id = s.article_id LEFT JOIN entities e ON e.id = s.speaker_id"
#define FIND_BY "(?1 = 0 OR s.speaker_id = ?1)"
/* The mention's start bounded on both sides: one range of the article's
 * mentions, the statement's, not every mention after its start. */
#define FIND_ABOUT \
	"(?2 = 0 OR EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = s.article_id" \
	" AND m.start BETWEEN s.start AND s.end AND m.entity_id = ?2 AND m.end <= s.end))"
#define FIND_AFTER STORE_PAGE_AFTER("a.published", "a.id", "s.start", "s.id")
#define FIND_ORDER " ORDER BY a.published DESC, a.id DESC, s.start, s.id LIMIT ?7 OFFSET ?9"
/* An article's statements after (?5, ?6): through (article_id, start);
 * counted there alone, when they are to be skipped. */
#define FIND_IN_WHERE " WHERE s.article_id = ?4 AND (s.start, s.id) > (?5, ?6) AND " \
	FIND_BY " AND " FIND_ABOUT
#define FIND_IN "SELECT " STATEMENT_COLUMNS FIND_FROM("statements_article") FIND_IN_WHERE \
	" ORDER BY s.start, s.id LIMIT ?7 OFFSET ?9"
#define FIND_IN_COUNT "SELECT count(*) FROM statements s INDEXED BY statements_article" \
	FIND_IN_WHERE

/* By a speaker: the speaker's index, which holds each statement's
 * article date (schema 18) and so is in the list's order; the page is
 * read off it in that order, never sorted, and ends at its last row.
 * The place the page follows is checked against the index's columns,
 * before the statement's row or its article is read. */
#define FIND_BY_AFTER STORE_PAGE_AFTER("s.published", "s.article_id", "s.start", "s.id")
static const struct store_page_sql find_by = {
	"SELECT count(*) FROM (SELECT 1 FROM statements INDEXED BY statements_speaker"
	" WHERE speaker_id = ?1 LIMIT ?7)",
	"SELECT " STATEMENT_COLUMNS FIND_FROM("statements_speaker_order")
	" WHERE s.speaker_id = ?1 AND " FIND_BY_AFTER " AND " FIND_ABOUT
	" ORDER BY s.published DESC, s.article_id DESC, s.start, s.id LIMIT ?7 OFFSET ?9",
	FIND_IN,
	FIND_IN_COUNT,
};

/* About an entity, by anyone: the statements of the articles that
 * mention it, counted by its mentions (a statement about it holds one). */
static const struct store_page_sql find_about = {
	"SELECT count(*) FROM (SELECT 1 FROM mentions INDEXED BY mentions_entity"
	" WHERE entity_id = ?2 LIMIT ?7)",
	"SELECT " STATEMENT_COLUMNS " FROM (SELECT DISTINCT article_id FROM mentions"
	" INDEXED BY mentions_entity WHERE entity_id = ?2) x"
	" CROSS JOIN statements s INDEXED BY statements_article ON s.article_id = x.article_id"
	" CROSS JOIN articles a ON a.id = s.article_id LEFT JOIN entities e ON e.id = s.speaker_id"
	" WHERE " FIND_BY " AND " FIND_ABOUT " AND " FIND_AFTER FIND_ORDER,
	FIND_IN,
	FIND_IN_COUNT,
};

/* Every statement. */
static const struct store_page_sql find_all = {
	"SELECT count(*) FROM (SELECT 1 FROM statements LIMIT ?7)",
	"SELECT " STATEMENT_COLUMNS " FROM statements s" STATEMENT_JOINS
	" WHERE " FIND_AFTER FIND_ORDER,
	FIND_IN,
	FIND_IN_COUNT,
};

int
store_statements_find(struct store *st, int64_t article, int64_t by, int64_t about,
    const struct store_after *after, size_t skip, size_t limit, struct store_statement **rows,
    size_t *n)
{
	const struct store_page_sql *q = by != 0 ? &find_by : about != 0 ? &find_about : &find_all;
	struct found f = { NULL, 0, 0 };
	int64_t nby, nabout, counted = -1;

	*rows = NULL;
	*n = 0;
	/* By a speaker and about an entity: through whichever of the two is
	 * rarer, so a frequent speaker's page about a rare entity does not
	 * walk the corpus looking for it. (Both frequent and seldom together
	 * is the walk's worst case still.) */
	if (by != 0 && about != 0 && article == 0) {
		if (store_page_count(st, &find_by, by, about, &nby) != 0 ||
		    store_page_count(st, &find_about, by, about, &nabout) != 0)
			return -1;
		q = nabout < nby ? &find_about : &find_by;
		counted = nabout < nby ? nabout : nby;   /* not counted again */
	}
	/* The speaker's index is in list order: its page is read off it
	 * whatever the speaker's count (store_page's few), never by walking
	 * the articles, which would visit at least the articles holding the
	 * rows it reads there. */
	if (q == &find_by)
		counted = 0;
	if (store_page(st, q, by, about, article, after, skip, limit, counted, found_row, &f,
	    "reading statements") != 0) {
		store_statement_list_free(f.rows, f.n);
		return -1;
	}
	fill_words(st, f.rows, f.n);
	*rows = f.rows;
	*n = f.n;
	return 0;
}

/* A statement's links (stored both ways, so all of them from it). */
#define LINKS_OF \
	"(SELECT to_id AS other, score FROM statement_links WHERE from_id = ?1)"

int
store_related(struct store *st, int64_t statement, size_t limit,
    struct store_statement **rows, size_t *n)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT " STATEMENT_COLUMNS ", l.score"
	    " FROM " LINKS_OF " l JOIN statements s ON s.id = l.other" STATEMENT_JOINS
	    " ORDER BY l.score DESC, s.id LIMIT ?2");

	*rows = NULL;
	*n = 0;
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, statement);
	sqlite3_bind_int64(s, 2, limit > INT64_MAX ? -1 : (sqlite3_int64)limit);
	return read_rows(st, s, rows, n);
}

/* ---- JSON ------------------------------------------------------------- */

/* Appends row R as a JSON object (SQLite quotes it). */
static int
statement_json(struct store *st, const struct store_statement *r, int with_score, struct buf *out)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT json_object('id', ?1, 'article', ?2, 'title', ?3, 'speaker_id', nullif(?4, 0),"
	    " 'speaker', ?5, 'start', ?6, 'end', ?7, 'verb', ?8, 'quote_start', nullif(?9, 0),"
	    " 'quote_end', nullif(?10, 0), 'text', ?11, 'published', ?12)");
	sqlite3_stmt *sc = store_stmt(st, "SELECT json_set(?1, '$.score', round(?2, 4))");
	char *obj;
	int rc;

	if (s == NULL || sc == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, r->id);
	sqlite3_bind_int64(s, 2, r->article_id);
	sqlite3_bind_text(s, 3, r->title, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, r->speaker_id);
	sqlite3_bind_text(s, 5, r->speaker, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 6, (sqlite3_int64)r->start);
	sqlite3_bind_int64(s, 7, (sqlite3_int64)r->end);
	sqlite3_bind_text(s, 8, r->verb, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 9, (sqlite3_int64)r->quote_start);
	sqlite3_bind_int64(s, 10, (sqlite3_int64)r->quote_end);
	sqlite3_bind_text(s, 11, r->text, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 12, r->published, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	obj = rc == SQLITE_ROW ? store_col_text(s, 0) : NULL;
	sqlite3_reset(s);
	if (obj == NULL)
		return store_err(st, "making JSON");
	if (with_score) {
		sqlite3_bind_text(sc, 1, obj, -1, SQLITE_TRANSIENT);
		sqlite3_bind_double(sc, 2, r->score);
		free(obj);
		rc = sqlite3_step(sc);
		obj = rc == SQLITE_ROW ? store_col_text(sc, 0) : NULL;
		sqlite3_reset(sc);
		if (obj == NULL)
			return store_err(st, "making JSON");
	}
	buf_adds(out, out->len > 1 ? "," : "");
	buf_adds(out, obj);
	free(obj);
	return 0;
}

int
store_json_statements(struct store *st, const struct store_statement *rows, size_t n,
    int with_score, char **json)
{
	struct buf out;
	size_t i;
	int rc = 0;

	buf_init(&out);
	buf_addc(&out, '[');
	for (i = 0; i < n && rc == 0; i++)
		rc = statement_json(st, &rows[i], with_score, &out);
	buf_addc(&out, ']');
	if (rc != 0) {
		buf_free(&out);
		return -1;
	}
	*json = buf_detach(&out, NULL);
	return 0;
}

/* ---- the related-statement index ----------------------------------------- */

/* The columns of a profile, in read_profile's order. */
#define PROFILE_COLUMNS "s.id, s.article_id, coalesce(s.speaker_id, 0), s.terms, s.entities"

static int
read_profiles(struct store *st, sqlite3_stmt *s,
    int (*row)(void *arg, const struct store_profile_row *r), void *arg)
{
	struct store_profile_row r;
	int rc, stop = 0;

	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.id = sqlite3_column_int64(s, 0);
		r.article_id = sqlite3_column_int64(s, 1);
		r.speaker_id = sqlite3_column_int64(s, 2);
		r.terms = (const char *)sqlite3_column_text(s, 3);
		r.entities = (const char *)sqlite3_column_text(s, 4);
		stop = row(arg, &r);
	}
	sqlite3_reset(s);
	if (stop < 0)
		return -1;
	return stop > 0 || rc == SQLITE_DONE ? 0 : store_err(st, "reading statements");
}

int
store_statement_profiles_after(struct store *st, int64_t after,
    int (*row)(void *arg, const struct store_profile_row *r), void *arg)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT " PROFILE_COLUMNS " FROM statements s"
	    " WHERE s.id > ?1 ORDER BY s.id");

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, after);
	return read_profiles(st, s, row, arg);
}

/* A key of a statement, while a batch is indexed. */
struct keyed {
	char *key;
	int64_t statement, term;
};

static int
by_key(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	if (c != 0)
		return c;
	return x->statement < y->statement ? -1 : x->statement > y->statement;
}

static int
by_term(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;

	if (x->term != y->term)
		return x->term < y->term ? -1 : 1;
	return x->statement < y->statement ? -1 : x->statement > y->statement;
}

void
store_keys_start(struct store_keys *k, const char *text, int ents)
{
	k->p = text != NULL ? text : "";
	k->ents = ents;
	k->name[0] = '\0';
}

int
store_keys_next(struct store_keys *k, const char **key, size_t *len, long *count)
{
	const char *p = k->p, *e, *colon;
	long long v;

	for (;;) {
		while (*p == ' ')
			p++;
		if (*p == '\0') {
			k->p = p;
			return 0;
		}
		e = p + strcspn(p, " ");
		k->p = e;
		*count = 1;
		if (k->ents) {
			v = strtoll(p, NULL, 10);
			if (v > 0) {
				snprintf(k->name, sizeof k->name, "@%lld", v);
				*key = k->name;
				*len = strlen(k->name);
				return 1;
			}
		} else {
			colon = memchr(p, ':', (size_t)(e - p));
			if (colon != p) {
				*key = p;
				*len = (size_t)((colon != NULL ? colon : e) - p);
				if (colon != NULL)
					*count = strtol(colon + 1, NULL, 10);
				return 1;
			}
		}
		p = e;
	}
}

/* Appends statement ID's keys in TEXT (ENTS as store_keys_start) to K. */
static void
keys_of(int64_t id, const char *text, int ents, struct keyed **k, size_t *n, size_t *cap)
{
	struct store_keys r;
	const char *key;
	size_t len;
	long count;

	store_keys_start(&r, text, ents);
	while (store_keys_next(&r, &key, &len, &count)) {
		if (*n == *cap) {
			*cap = *cap ? *cap * 2 : 256;
			*k = xreallocarray(*k, *cap, sizeof **k);
		}
		(*k)[*n].statement = id;
		(*k)[*n].term = 0;
		(*k)[(*n)++].key = xstrndup(key, len);
	}
}

/* Adds DF to KEY's df, made when new; *term its number. */
static int
count_key(struct store *st, const char *key, int64_t df, int64_t *term)
{
	sqlite3_stmt *up = store_stmt(st, "INSERT INTO related_terms(term, df) VALUES (?1, ?2)"
	    " ON CONFLICT(term) DO UPDATE SET df = df + ?2 RETURNING id");
	int rc;

	if (up == NULL)
		return -1;
	sqlite3_bind_text(up, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(up, 2, df);
	rc = sqlite3_step(up);
	*term = rc == SQLITE_ROW ? sqlite3_column_int64(up, 0) : 0;
	while (rc == SQLITE_ROW)
		rc = sqlite3_step(up);
	sqlite3_reset(up);
	return rc == SQLITE_DONE ? 0 : store_err(st, "indexing statements' keys");
}

/*
 * Each distinct key of the batch is counted once (its df moved by its
 * statements in the batch), and the (key, statement) rows are written in
 * key order: the index's pages are visited once each, not once per
 * statement.
 */
#define TERMS_AT 16
#define T1 "(?, ?)"
#define T4 T1 ", " T1 ", " T1 ", " T1
#define T16 T4 ", " T4 ", " T4 ", " T4

int
store_related_index(struct store *st, const struct store_profile_row *rows, size_t nrows)
{
	sqlite3_stmt *in = store_stmt(st, "INSERT OR IGNORE INTO statement_terms(term_id,"
	    " statement_id) VALUES (?1, ?2)");
	sqlite3_stmt *many = store_stmt(st, "INSERT OR IGNORE INTO statement_terms(term_id,"
	    " statement_id) VALUES " T16);
	struct keyed *k = NULL;
	size_t n = 0, cap = 0, i, j, d = 0;
	int64_t term = 0;
	int rc;

	if (in == NULL || many == NULL)
		return -1;
	for (i = 0; i < nrows; i++) {
		keys_of(rows[i].id, rows[i].terms, 0, &k, &n, &cap);
		keys_of(rows[i].id, rows[i].entities, 1, &k, &n, &cap);
	}
	if (n > 1)
		qsort(k, n, sizeof *k, by_key);
	/* The same key twice in a statement is one. */
	for (i = 0; i < n; i++) {
		if (d > 0 && k[d - 1].statement == k[i].statement && strcmp(k[d - 1].key, k[i].key) == 0) {
			free(k[i].key);
			continue;
		}
		k[d++] = k[i];
	}
	n = d;
	/* The empty key counts every statement. */
	rc = count_key(st, "", (int64_t)nrows, &term);
	for (i = 0; i < n && rc == 0; i = j) {
		for (j = i + 1; j < n && strcmp(k[j].key, k[i].key) == 0; j++)
			;
		rc = count_key(st, k[i].key, (int64_t)(j - i), &term);
		for (d = i; d < j; d++)
			k[d].term = term;
	}
	if (n > 1 && rc == 0)
		qsort(k, n, sizeof *k, by_term);
	/* TERMS_AT rows an insert, the rest one by one. */
	for (i = 0; i < n && rc == 0; i += j) {
		sqlite3_stmt *s = n - i >= TERMS_AT ? many : in;

		for (j = 0; j < (s == many ? TERMS_AT : 1); j++) {
			sqlite3_bind_int64(s, (int)(2 * j + 1), k[i + j].term);
			sqlite3_bind_int64(s, (int)(2 * j + 2), k[i + j].statement);
		}
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = store_err(st, "indexing statements' keys");
		sqlite3_reset(s);
	}
	for (i = 0; i < n; i++)
		free(k[i].key);
	free(k);
	return rc;
}

int
store_related_key(struct store *st, const char *key, size_t len, int64_t *id, int64_t *df)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT id, df FROM related_terms WHERE term = ?1");
	int rc;

	*id = 0;
	*df = 0;
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, key, (int)len, SQLITE_STATIC);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		*df = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_err(st, "reading a term");
}

int
store_statement_profile(struct store *st, int64_t id,
    int (*row)(void *arg, const struct store_profile_row *r), void *arg)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT " PROFILE_COLUMNS " FROM statements s"
	    " WHERE s.id = ?1");

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	return read_profiles(st, s, row, arg);
}

/* Reads ids from S until EACH says stop. */
static int
read_ids(struct store *st, sqlite3_stmt *s, int (*each)(void *arg, int64_t id), void *arg)
{
	int rc, stop = 0;

	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW)
		stop = each(arg, sqlite3_column_int64(s, 0));
	sqlite3_reset(s);
	if (stop < 0)
		return -1;
	return stop > 0 || rc == SQLITE_DONE ? 0 : store_err(st, "reading statements");
}

/* Both read an index alone, backwards from its newest entry, and stop
 * when EACH says so: a key's cost is what the caller takes, not its
 * list (the caller keeps what it read of a key's and asks for the rest
 * below its last). */
int
store_related_by(struct store *st, int64_t speaker, int64_t lo, int64_t hi, int64_t below,
    int (*each)(void *arg, int64_t id), void *arg)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT id FROM statements INDEXED BY statements_speaker"
	    " WHERE speaker_id = ?1 AND id NOT BETWEEN ?2 AND ?3 AND id < ?4 ORDER BY id DESC");

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, speaker);
	sqlite3_bind_int64(s, 2, lo);
	sqlite3_bind_int64(s, 3, hi);
	sqlite3_bind_int64(s, 4, below);
	return read_ids(st, s, each, arg);
}

int
store_related_having_below(struct store *st, int64_t key, int64_t below,
    int (*each)(void *arg, int64_t id), void *arg)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT statement_id FROM statement_terms"
	    " WHERE term_id = ?1 AND statement_id < ?2 ORDER BY statement_id DESC");

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, key);
	sqlite3_bind_int64(s, 2, below);
	return read_ids(st, s, each, arg);
}

/* The statement inserting N links (cached per N: one per count). */
static sqlite3_stmt *
links_insert(struct store *st, size_t n)
{
	static char sql[STORE_LINKS_MAX][64 + STORE_LINKS_MAX * 24];
	size_t i;

	if (sql[n - 1][0] == '\0') {
		struct buf b;

		buf_init(&b);
		buf_adds(&b, "INSERT OR REPLACE INTO statement_links (from_id, to_id, score) VALUES ");
		for (i = 0; i < n; i++)
			buf_printf(&b, "%s(?%zu, ?%zu, ?%zu)", i ? ", " : "", 3 * i + 1, 3 * i + 2,
			    3 * i + 3);
		snprintf(sql[n - 1], sizeof sql[n - 1], "%s", b.data);
		buf_free(&b);
	}
	return store_stmt(st, sql[n - 1]);
}

int
store_links_put(struct store *st, const struct store_link *v, size_t n)
{
	sqlite3_stmt *s;
	size_t i, j, k;

	/* Many rows a statement: far less work per row than one at a time. */
	for (i = 0; i < n; i += k) {
		k = n - i < STORE_LINKS_MAX ? n - i : STORE_LINKS_MAX;
		if ((s = links_insert(st, k)) == NULL)
			return -1;
		for (j = 0; j < k; j++) {
			sqlite3_bind_int64(s, (int)(3 * j + 1), v[i + j].from);
			sqlite3_bind_int64(s, (int)(3 * j + 2), v[i + j].to);
			sqlite3_bind_double(s, (int)(3 * j + 3), v[i + j].score);
		}
		if (sqlite3_step(s) != SQLITE_DONE) {
			sqlite3_reset(s);
			return store_err(st, "linking statements");
		}
		sqlite3_reset(s);
	}
	return 0;
}

int
store_json_numbers(struct store *st, const char *const *names, const double *values, size_t n,
    char **json)
{
	struct buf sql;
	sqlite3_stmt *s;
	size_t i;
	int rc;

	*json = NULL;
	buf_init(&sql);
	buf_adds(&sql, "SELECT json_object(");
	for (i = 0; i < n; i++)
		buf_printf(&sql, "%s?%zu, ?%zu", i ? ", " : "", 2 * i + 1, 2 * i + 2);
	buf_adds(&sql, ")");
	rc = sqlite3_prepare_v2(store_sqlite(st), sql.data, -1, &s, NULL);
	buf_free(&sql);
	if (rc != SQLITE_OK)
		return store_err(st, "making JSON");
	for (i = 0; i < n; i++) {
		sqlite3_bind_text(s, (int)(2 * i + 1), names[i], -1, SQLITE_STATIC);
		if (values[i] == (double)(int64_t)values[i])
			sqlite3_bind_int64(s, (int)(2 * i + 2), (int64_t)values[i]);
		else
			sqlite3_bind_double(s, (int)(2 * i + 2), values[i]);
	}
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*json = store_col_text(s, 0);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : store_err(st, "making JSON");
}

int
store_json_quote(struct store *st, const char *str, char **json)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT json_quote(?1)");
	int rc;

	*json = NULL;
	if (s == NULL)
		return -1;
	store_bind_text(s, 1, str, 1);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*json = store_col_text(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW && *json != NULL ? 0 : store_err(st, "making JSON");
}
