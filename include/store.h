/*
 * store.h: the SQLite database that holds everything dossier knows: articles,
 * their sentences, entities and mentions, statements and their links, and
 * the user's annotations. Nothing outside store-*.c writes SQL; the reader
 * and the commands call the functions declared here.
 *
 * Positions are byte offsets into an article's stored body (NFC UTF-8,
 * never changed after import).
 */
#ifndef DOSSIER_STORE_H
#define DOSSIER_STORE_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

struct store;

enum store_flags {
	STORE_READONLY = 1 << 0,   /* open without writing, even if writable */
	STORE_NOCREATE = 1 << 1,   /* fail if the file does not exist */
};

/* store.c */
int store_open(const char *path, int flags, struct store **out);
void store_close(struct store *st);
const char *store_path(const struct store *st);
int store_is_readonly(const struct store *st);
/* One writer transaction; store_commit/rollback end it. Nested calls are
 * counted so an outer caller owns the transaction. */
int store_begin(struct store *st);
int store_commit(struct store *st);
int store_rollback(struct store *st);
/* Runs PRAGMA integrity_check (full) or quick_check; 0 when "ok". */
int store_check(struct store *st, int full);

/* For store-*.c only: the connection and a cache of prepared statements
 * keyed by the SQL text's address (pass string literals). The statement
 * returned is reset and its bindings cleared. */
sqlite3 *store_sqlite(struct store *st);
sqlite3_stmt *store_stmt(struct store *st, const char *sql);
/* Records sqlite's message for the failed call as the error; returns -1. */
int store_err(struct store *st, const char *what);

/* store-article.c: articles, their paragraphs and sentences, search. */
struct store_article {
	int64_t id;
	char *title, *source, *outlet, *published, *dateline, *format;
	char *body;           /* NFC UTF-8 */
	size_t body_len;
	char *comments;       /* NULL when none */
	char *hash, *imported;
	int64_t previous_id;  /* 0 when none */
};
void store_article_free(struct store_article *a);   /* frees members, not a */

/* One line of the article list. */
struct store_article_brief {
	int64_t id;
	char *title, *published, *outlet;
	int annotations;
};
void store_article_brief_free(struct store_article_brief *rows, size_t n);

/* Loads one article (body included). Returns 0, or -1 with a message
 * naming the id when there is no such article. */
int store_article_get(struct store *st, int64_t id, struct store_article *out);
int store_article_count(struct store *st, int64_t *n);
/* Rows [offset, offset+limit) of the list in its order (newest first);
 * reads only those rows. *rows is malloc'd. */
int store_article_page(struct store *st, size_t offset, size_t limit,
    struct store_article_brief **rows, size_t *n);
/* Position of an article in that order (for reopening where one left off). */
int store_article_index(struct store *st, int64_t id, size_t *index);

/* How store_article_add found the article. */
enum store_added {
	STORE_ADDED,       /* new */
	STORE_DUPLICATE,   /* same content already stored: nothing written */
	STORE_VERSION,     /* a changed version of a stored source: added, linked */
};

/* Adds an article. The caller fills title, body/body_len (NFC UTF-8),
 * format and optionally source, outlet, published, dateline, comments;
 * the store fills hash and, on STORE_ADDED/STORE_VERSION, id, imported and
 * previous_id (the newest earlier article from the same source). On
 * STORE_DUPLICATE, id is the existing article's and nothing is written.
 * Call inside store_begin/store_commit with the article's other rows. */
int store_article_add(struct store *st, struct store_article *a, enum store_added *how);

/* Paragraphs and sentences as byte spans of the body, in order. */
struct store_span {
	size_t start, end;
};
int store_paragraphs_add(struct store *st, int64_t article_id,
    const struct store_span *spans, size_t n);
int store_sentences_add(struct store *st, int64_t article_id,
    const struct store_span *spans, size_t n);
/* *spans is malloc'd (NULL when n is 0). */
int store_paragraphs_get(struct store *st, int64_t article_id,
    struct store_span **spans, size_t *n);
int store_sentences_get(struct store *st, int64_t article_id,
    struct store_span **spans, size_t *n);

/* store-hash.c: SHA-256, for content hashes. */
struct store_sha256 {
	uint32_t h[8];
	uint64_t total;
	unsigned char blk[64];
	size_t used;
};
void store_sha256_init(struct store_sha256 *s);
void store_sha256_add(struct store_sha256 *s, const void *data, size_t len);
/* Finishes and writes 64 lower-case hex digits and a NUL. */
void store_sha256_hex(struct store_sha256 *s, char out[65]);

/* store-search.c: full-text search (FTS5 query syntax) ranked by bm25 with
 * title matches weighted over body matches. */
struct store_hit {
	int64_t id;
	char *title, *published, *outlet;
	char *snippet;     /* body (or title/notes) excerpt, matches marked */
};
void store_hits_free(struct store_hit *hits, size_t n);
/* Rows [offset, offset+limit) of the ranked result; only those rows are
 * read. MARK_OPEN/MARK_CLOSE surround each matched term in the snippet.
 * A malformed query fails with a one-line message quoting it. */
int store_search(struct store *st, const char *query, size_t offset, size_t limit,
    const char *mark_open, const char *mark_close, struct store_hit **hits, size_t *n);

/* The same as JSON, built by SQLite's JSON functions (*json malloc'd):
 * [{"id":…,"title":…,"published":…,"outlet":…,"snippet":…,"rank":…}, …] */
int store_json_search(struct store *st, const char *query, size_t offset, size_t limit,
    const char *mark_open, const char *mark_close, char **json);

/* store-json.c: articles as JSON for --json, built by SQLite's JSON
 * functions, never by hand. *json is malloc'd. */
/* [{"id":…,"published":…,"outlet":…,"title":…,"annotations":…}, …] */
int store_json_page(struct store *st, size_t offset, size_t limit, char **json);
/* {"id":…,"title":…,…,"body":…[,"comments":…]} */
int store_json_article(struct store *st, int64_t id, int with_comments, char **json);

/* store-state.c: small settings kept in the database (reader position). */
/* *value is malloc'd, or NULL when the key is unset. A NULL value unsets. */
int store_state_get(struct store *st, const char *key, char **value);
int store_state_set(struct store *st, const char *key, const char *value);

/* store-maint.c */
/* A consistent copy at PATH (written to a temporary file, then renamed). */
int store_backup(struct store *st, const char *path);
/* Copies every readable row of DAMAGED into a new database OUT (which must
 * not exist). Counts rows copied and rows or pages lost. */
int store_recover(const char *damaged, const char *out, size_t *copied, size_t *lost);

/* store-schema.c */
#define STORE_SCHEMA_VERSION 1
/* Creates or migrates the schema to STORE_SCHEMA_VERSION, keeping every row.
 * Refuses a database from a newer version. */
int store_schema_migrate(struct store *st);
/* The SQL that created schema version V (1..STORE_SCHEMA_VERSION); used
 * by tests to build an old database and migrate it forward. */
const char *store_schema_sql(int version);

#endif
