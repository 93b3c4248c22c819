/*
 * store-int.h: what the store's own files share and nobody else sees: the
 * SQLite connection, the prepared-statement cache and the helpers every
 * query uses, the schema, and the body cache of the row readers. Only
 * src/store-*.c (and the store's unit tests, which look at the rows
 * directly) include it, so <sqlite3.h> reaches no other module.
 */
#ifndef DOSSIER_STORE_INT_H
#define DOSSIER_STORE_INT_H

#include <sqlite3.h>

#include "store.h"

/* store.c: the connection and a cache of prepared statements keyed by
 * the SQL text's address (pass string literals). The statement returned
 * is reset and its bindings cleared. */
sqlite3 *store_sqlite(struct store *st);
sqlite3_stmt *store_stmt(struct store *st, const char *sql);
/* Records sqlite's message for the failed call as the error; returns -1. */
int store_err(struct store *st, const char *what);
/* Runs SQL (a literal, as store_stmt) and reads its first row's first
 * column into *VALUE; 0, or the error named WHAT when there is no row. */
int store_int_query(struct store *st, const char *sql, int64_t *value, const char *what);
/* Runs SQL (a literal, as store_stmt) that returns no row to its end; 0,
 * or the error named WHAT. */
int store_exec(struct store *st, const char *sql, const char *what);
/* Runs SQL with ID bound to ?1 to its end (store-entity.c); 0, or the
 * error named WHAT. */
int store_exec_id(struct store *st, const char *sql, int64_t id, const char *what);
/* Column I of the current row as a malloc'd string; NULL for SQL NULL. */
char *store_col_text(sqlite3_stmt *s, int i);
/* Steps S (bound, from store_stmt) to its end, its first column read
 * into *ids (malloc'd; NULL when *n is 0), and resets it; 0, or the
 * error named WHAT with nothing kept. */
int store_col_ids(struct store *st, sqlite3_stmt *s, const char *what, int64_t **ids,
    size_t *n);
/* Binds T, or SQL NULL when T is NULL. The value is copied only when
 * COPY is set: without it T must stay unchanged until the statement has
 * been stepped. */
int store_bind_text(sqlite3_stmt *s, int i, const char *t, int copy);

/* store-body.c: the words of bytes [start, end) of an article's body
 * (malloc'd; NULL when the body is gone or the span is out of range),
 * read through one blob handle that moves from article to article. The
 * cache holds bytes [from, from + len) of article ID's body: a page's
 * rows of one article load their whole range first (store_body_load, 0
 * or -1 as the words would be NULL) and are then cut from memory. Start
 * it zeroed; free it before the connection is used to write. */
struct store_body_cache {
	int64_t id;
	char *body;
	size_t from, len;
	sqlite3_blob *blob;     /* on articles.body of row blob_id, or NULL */
	int64_t blob_id;
	size_t size;            /* that body's length in bytes */
};
int store_body_load(struct store *st, struct store_body_cache *c, int64_t article,
    size_t start, size_t end);
char *store_body_words(struct store *st, struct store_body_cache *c, int64_t article,
    size_t start, size_t end);
void store_body_cache_free(struct store_body_cache *c);

/* store-page.c: a page of a list newest article first (store.h's struct
 * store_after), for a list that follows an entity across the corpus. Its
 * queries take ?1 and ?2 (the list's keys: an entity, 0 for none), ?7 (a
 * count of rows) and:
 *   count  the list's rows counted, at most ?7 of them;
 *   few    the list's rows after the place STORE_PAGE_AFTER names, in list
 *          order, at most ?7 (read when the list is short);
 *   in     article ?4's rows of the list after (start, id) (?5, ?6), in
 *          the article's order, at most ?7, looked up by index (read for
 *          each article, newest first, when the list is long);
 *   in_count  the rows "in" would read, counted through the index;
 * and few and in skip the first ?9 rows (OFFSET ?9).
 * ROW reads each row of the page (at most LIMIT; SIZE_MAX: all), in list
 * order, after SKIP rows skipped. ARTICLE (0: any) keeps to one article.
 * COUNTED is what store_page_count found for Q and the keys, or -1 when
 * not counted yet. WHAT names the errors. */
struct store_page_sql {
	const char *count, *few, *in, *in_count;
};
int store_page(struct store *st, const struct store_page_sql *q, int64_t key1, int64_t key2,
    int64_t article, const struct store_after *after, size_t skip, size_t limit,
    int64_t counted, void (*row)(void *arg, sqlite3_stmt *s), void *arg, const char *what);
/* How many rows Q's count finds for the keys, up to store_page's bound:
 * of two lists that hold a page's rows, the shorter is the one to page. */
int store_page_count(struct store *st, const struct store_page_sql *q, int64_t key1,
    int64_t key2, int64_t *n);
/* SQL: the row (its article's date PUB and id ART, its place POS and ID in
 * the article) comes after the place ?3..?6 (when ?8 is set), in list
 * order: the dated newest first, the undated last. */
#define STORE_PAGE_AFTER(pub, art, pos, id) \
	"(?8 = 0 OR CASE WHEN ?3 IS NULL THEN " pub " IS NULL AND (" art " < ?4 OR (" art \
	" = ?4 AND (" pos ", " id ") > (?5, ?6))) ELSE " pub " IS NULL OR " pub " < ?3 OR" \
	" (" pub " = ?3 AND (" art " < ?4 OR (" art " = ?4 AND (" pos ", " id ") > (?5, ?6))))" \
	" END)"

/* store-report.c: what the report queries share (store-report.c: the
 * frequency and timeline reports and JSON; store-report-matrix.c: the
 * matrices and co-occurrence). A table is filled by adding every column,
 * then rows of empty cells; STORE_REPORT_CUT keeps the first LIMIT rows
 * (0: all). */
void store_report_col_add(struct store_report *r, const char *name,
    enum store_report_kind kind);
struct store_report_cell *store_report_row_add(struct store_report *r, size_t *cap);
void store_report_cut(struct store_report *r, size_t limit);
/* SQL: a tag and the tags nested in it ("claim" takes "claim/economic"). */
#define STORE_REPORT_TAG_IN(col, param) \
	"(" param " IS NULL OR " col " = " param " OR substr(" col ", 1, length(" param ") + 1)" \
	" = " param " || '/')"
/* SQL: the report counts (schema 14: the live highlights per tag,
 * article and speaker, 0 for none, as c.n), read tag by tag: with --tag,
 * that tag's rows only. What needs no positions reads these. */
#define STORE_REPORT_COUNTS_FROM " FROM tags t CROSS JOIN coding_counts c ON c.tag_id = t.id"
/* The same per tag and speaker (c.n; c.arts: the articles), a row a cell
 * of the matrix per speaker. */
#define STORE_REPORT_SPEAKERS_FROM \
	" FROM tags t CROSS JOIN coding_speakers c ON c.tag_id = t.id"
/* SQL: a month or outlet of the report counts per month or outlet
 * (schema 16, where NULL is kept as '' and a value after '=') as it was. */
#define STORE_REPORT_KEY_TEXT(col) "(CASE " col " WHEN '' THEN NULL ELSE substr(" col ", 2) END)"
/* SQL: the tagged highlights, read tag by tag (CROSS JOIN keeps that
 * order): with --tag, through the tag's index, that tag's highlights only. */
#define STORE_REPORT_CODED_FROM \
	" FROM tags t CROSS JOIN annotation_tags x ON x.tag_id = t.id" \
	" CROSS JOIN annotations a ON a.id = x.annotation_id"

/* store-report-matrix.c: what each article adds to the positional
 * reports, as the report counts of schema 16 keep it (coding_article_pairs):
 * kind STORE_PAIRS_AGREEMENT, an agreement (A) named in the sentences of a
 * highlight with tag B; STORE_PAIRS_SENTENCE, two tags (A < B) coding one
 * sentence, or a tag and an entity named there (B, the entity's id
 * negated); STORE_PAIRS_OVERLAP, the same for overlapping highlights. */
#define STORE_PAIRS_AGREEMENT 1
#define STORE_PAIRS_SENTENCE 2
#define STORE_PAIRS_OVERLAP 3
/* Counts the active highlights of ARTICLE (0: of every article) as the
 * reports do and calls EMIT for each (article, kind, a, b) with its count,
 * in that order; stops at EMIT's nonzero return, which it returns. */
int store_report_pairs_count(struct store *st, int64_t article,
    int (*emit)(void *arg, int64_t article, int kind, int64_t a, int64_t b, int64_t n),
    void *arg);

/* store-report-counts.c: the positional report counts kept up to date. */
/* Counts again the articles listed stale (coding_stale) and replaces their
 * rows; 0 when the counts are current, 1 when they cannot be made so here
 * (a read-only database or file, a write that failed: another program's
 * lock held too long): count directly; -1 when the list cannot be read. */
int store_report_counts_refresh(struct store *st);
/* Makes every article's counts again (a migration, a salvage); inside the
 * caller's transaction. */
int store_report_counts_fill(struct store *st);
/* How many rows of the per-article counts of articles not listed stale
 * differ from the counting made again (*n; 0 when they agree). */
int store_report_counts_differ(struct store *st, int64_t *n);

/* store-rank.c: dossier_rank(), bm25 at a cost bounded whatever the
 * size of the collection (registered with dossier_snippet). */
int store_rank_register(struct store *st, fts5_api *api);
/* Documents dossier_rank has counted in this process, and the index
 * lookups search's widening has made on ST: what the tests of their cost
 * count. */
unsigned long store_rank_counted(void);
/* Rows whose length dossier_rank has read in this process. */
unsigned long store_rank_sized(void);
unsigned long store_stem_probes(struct store *st);
/* The leaves of the index's segments widening has read on ST. */
unsigned long store_stem_leaves(struct store *st);
/* Whether widening on ST reads the leaves its candidate forms lie on (1,
 * as it does) or probes every candidate (0, what the tests compare with);
 * -1 when its stemmers cannot be made. */
int store_stem_read_leaves(struct store *st, int on);
/* store-stem.c: the connection's stemmers, freed with the store. */
struct store_stems;
struct store_stems **store_stems_slot(struct store *st);
void store_stems_free(struct store_stems *ss);

/* store-snippet.c: registers dossier_snippet(articles_fts, OPEN, CLOSE,
 * ELLIPSIS, NTOKENS) on the connection: the search result's snippet,
 * chosen from FTS5's match positions, at the cost of what it shows. */
int store_snippet_register(struct store *st);
/* store-article.c: dossier_spans_pack(), for schema 17 and salvage. */
int store_spans_register(struct store *st);

/* A random (version 4) uuid, as SQL: what a tag is known by in a team. */
#define STORE_SYNC_NEW_UUID \
	"(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||" \
	" substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) ||" \
	" substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))"


/* Present in state only inside a writer's transaction (store_fts_defer_new
 * to store_fts_flush or store_fts_hold): new articles wait in fts_pending
 * instead of going into the full-text index (schema 15). */
#define FTS_DEFER_KEY "fts.defer"

/* store-schema.c */
#define STORE_SCHEMA_VERSION 19
/* Creates or migrates the schema to STORE_SCHEMA_VERSION, keeping every row.
 * Refuses a database from a newer version. */
int store_schema_migrate(struct store *st);
/* Appends to MISSING (", "-separated "table mentions", "trigger x") what
 * the migrations create that the database lacks: a dropped table, index,
 * view or trigger. Only for a database at the current version. */
int store_schema_missing(struct store *st, struct buf *missing);
/* 0 when the open file is dossier's to use: its application id is
 * dossier's, or it has no schema yet, or it is a database an older
 * dossier made (known by its tables); else -1 with a one-line refusal.
 * Reads only: store_open asks before anything is written. */
int store_schema_identify(struct store *st);
/* 1 when the database's schema is older than this dossier's (or it lacks
 * the application id), 0 when it is current (or newer:
 * store_schema_migrate refuses that), -1 on error. */
int store_schema_outdated(struct store *st);
/* 1 when TABLE holds data derived from other tables (not copied by a
 * salvage: store_schema_rebuild makes it again), else 0. Virtual tables
 * (the full-text index) and their shadow tables are derived too. */
int store_schema_derived(const char *table);
/* Makes every derived table and index again from the rows it derives
 * from; inside the caller's transaction. */
int store_schema_rebuild(struct store *st);
/* How many rows of the report counts (per tag, article and speaker, and
 * per tag and speaker) differ from the coding they count (in *n; 0 when
 * they agree). */
int store_schema_counts_stale(struct store *st, int64_t *n);
/* The SQL that created schema version V (1..STORE_SCHEMA_VERSION); used
 * by tests to build an old database and migrate it forward. */
const char *store_schema_sql(int version);

#endif
