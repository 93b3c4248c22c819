/*
 * store-statement.c: statements (who said what, as byte spans of an
 * article) and the ranked links between related statements of different
 * articles. Each statement also keeps the features related statements are
 * found by (key terms, named agreements and places), so the index can be
 * rebuilt in memory when an import run starts.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "util.h"

static char *
col_text(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t != NULL ? xstrndup((const char *)t, (size_t)sqlite3_column_bytes(s, i)) : NULL;
}

static void
bind_opt_text(sqlite3_stmt *s, int i, const char *t)
{
	if (t != NULL)
		sqlite3_bind_text(s, i, t, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

int
store_statement_add(struct store *st, const struct store_statement_in *in, int64_t *id)
{
	sqlite3_stmt *s = store_stmt(st,
	    "INSERT INTO statements (article_id, speaker_id, start, end, verb, quote_start,"
	    " quote_end, terms, entities) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, in->article_id);
	if (in->speaker_id != 0)
		sqlite3_bind_int64(s, 2, in->speaker_id);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)in->start);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)in->end);
	bind_opt_text(s, 5, in->verb);
	if (in->quote_end > in->quote_start) {
		sqlite3_bind_int64(s, 6, (sqlite3_int64)in->quote_start);
		sqlite3_bind_int64(s, 7, (sqlite3_int64)in->quote_end);
	}
	bind_opt_text(s, 8, in->terms);
	bind_opt_text(s, 9, in->entities);
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

	for (i = 0; i < n; i++) {
		free(rows[i].speaker);
		free(rows[i].verb);
		free(rows[i].title);
		free(rows[i].text);
	}
	free(rows);
}

/* The columns every statement query selects, in read_row's order. */
#define STATEMENT_COLUMNS \
	"s.id, s.article_id, coalesce(s.speaker_id, 0), e.name, s.start, s.end, s.verb," \
	" coalesce(s.quote_start, 0), coalesce(s.quote_end, 0), a.title," \
	" CAST(substr(CAST(a.body AS BLOB), s.start + 1, s.end - s.start) AS TEXT)"
#define STATEMENT_JOINS \
	" JOIN articles a ON a.id = s.article_id LEFT JOIN entities e ON e.id = s.speaker_id"

static void
read_row(sqlite3_stmt *s, struct store_statement *r)
{
	r->id = sqlite3_column_int64(s, 0);
	r->article_id = sqlite3_column_int64(s, 1);
	r->speaker_id = sqlite3_column_int64(s, 2);
	r->speaker = col_text(s, 3);
	r->start = (size_t)sqlite3_column_int64(s, 4);
	r->end = (size_t)sqlite3_column_int64(s, 5);
	r->verb = col_text(s, 6);
	r->quote_start = (size_t)sqlite3_column_int64(s, 7);
	r->quote_end = (size_t)sqlite3_column_int64(s, 8);
	r->title = col_text(s, 9);
	r->text = col_text(s, 10);
	r->score = sqlite3_column_count(s) > 11 ? sqlite3_column_double(s, 11) : 0;
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
	return rc == SQLITE_ROW ? 0 : store_err(st, "reading a statement");
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

/* BY a speaker and ABOUT an entity named inside the statement (0: any). */
#define FIND_WHERE \
	" WHERE (?1 = 0 OR s.speaker_id = ?1) AND (?2 = 0 OR EXISTS (SELECT 1 FROM mentions m" \
	"  WHERE m.article_id = s.article_id AND m.entity_id = ?2 AND m.start >= s.start" \
	"  AND m.end <= s.end)) AND (?3 = 0 OR s.article_id = ?3)" \
	" ORDER BY a.published DESC, a.id DESC, s.start"

int
store_statements_find(struct store *st, int64_t article, int64_t by, int64_t about,
    struct store_statement **rows, size_t *n)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT " STATEMENT_COLUMNS
	    " FROM statements s" STATEMENT_JOINS FIND_WHERE);

	*rows = NULL;
	*n = 0;
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, by);
	sqlite3_bind_int64(s, 2, about);
	sqlite3_bind_int64(s, 3, article);
	return read_rows(st, s, rows, n);
}

/* A statement's links, made from it or to it, each other statement once. */
#define LINKS_OF \
	"(SELECT other, max(score) AS score FROM (" \
	"  SELECT to_id AS other, score FROM statement_links WHERE from_id = ?1" \
	"  UNION ALL SELECT from_id, score FROM statement_links WHERE to_id = ?1)" \
	" GROUP BY other)"

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

#define STATEMENT_JSON \
	"json_object('id', id, 'article', article_id, 'title', title, 'speaker_id'," \
	" nullif(speaker_id, 0), 'speaker', speaker, 'start', start, 'end', end, 'verb', verb," \
	" 'quote_start', quote_start, 'quote_end', quote_end, 'text', text"
#define STATEMENT_SUBQUERY_COLUMNS \
	"s.id AS id, s.article_id AS article_id, coalesce(s.speaker_id, 0) AS speaker_id," \
	" e.name AS speaker, s.start AS start, s.end AS end, s.verb AS verb," \
	" s.quote_start AS quote_start, s.quote_end AS quote_end, a.title AS title," \
	" CAST(substr(CAST(a.body AS BLOB), s.start + 1, s.end - s.start) AS TEXT) AS text"

static int
one_json(struct store *st, sqlite3_stmt *s, const char *what, char **json)
{
	int rc = sqlite3_step(s);

	*json = rc == SQLITE_ROW ? col_text(s, 0) : NULL;
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_err(st, what);
	if (*json == NULL)
		*json = xstrdup("[]");
	return 0;
}

int
store_json_statements(struct store *st, int64_t article, int64_t by, int64_t about,
    char **json)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT json_group_array(" STATEMENT_JSON "))"
	    " FROM (SELECT " STATEMENT_SUBQUERY_COLUMNS " FROM statements s" STATEMENT_JOINS
	    FIND_WHERE ")");

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, by);
	sqlite3_bind_int64(s, 2, about);
	sqlite3_bind_int64(s, 3, article);
	return one_json(st, s, "listing statements", json);
}

int
store_json_related(struct store *st, int64_t statement, size_t limit, char **json)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT json_group_array(" STATEMENT_JSON
	    ", 'score', round(score, 4)))"
	    " FROM (SELECT " STATEMENT_SUBQUERY_COLUMNS ", l.score AS score"
	    "  FROM " LINKS_OF " l JOIN statements s ON s.id = l.other" STATEMENT_JOINS
	    "  ORDER BY l.score DESC, s.id LIMIT ?2)");

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, statement);
	sqlite3_bind_int64(s, 2, limit > INT64_MAX ? -1 : (sqlite3_int64)limit);
	return one_json(st, s, "listing related statements", json);
}

/* ---- the related-statement index ----------------------------------------- */

int
store_statement_profiles(struct store *st,
    int (*row)(void *arg, const struct store_profile_row *r), void *arg)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT id, article_id, coalesce(speaker_id, 0), terms,"
	    " entities FROM statements ORDER BY id");
	struct store_profile_row r;
	int rc;

	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.id = sqlite3_column_int64(s, 0);
		r.article_id = sqlite3_column_int64(s, 1);
		r.speaker_id = sqlite3_column_int64(s, 2);
		r.terms = (const char *)sqlite3_column_text(s, 3);
		r.entities = (const char *)sqlite3_column_text(s, 4);
		if (row(arg, &r) != 0) {
			sqlite3_reset(s);
			return -1;
		}
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_err(st, "reading statements");
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
			buf_printf(&b, "%s(?1, ?%zu, ?%zu)", i ? ", " : "", 2 * i + 2, 2 * i + 3);
		snprintf(sql[n - 1], sizeof sql[n - 1], "%s", b.data);
		buf_free(&b);
	}
	return store_stmt(st, sql[n - 1]);
}

int
store_links_put(struct store *st, int64_t from, const int64_t *to, const double *score,
    size_t n)
{
	sqlite3_stmt *s;
	size_t i, k;

	/* Many rows a statement: far less work per row than one at a time. */
	for (i = 0; i < n; i += k) {
		k = n - i < STORE_LINKS_MAX ? n - i : STORE_LINKS_MAX;
		if ((s = links_insert(st, k)) == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, from);
		for (size_t j = 0; j < k; j++) {
			sqlite3_bind_int64(s, (int)(2 * j + 2), to[i + j]);
			sqlite3_bind_double(s, (int)(2 * j + 3), score[i + j]);
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
store_link_put(struct store *st, int64_t from, int64_t to, double score)
{
	sqlite3_stmt *s = store_stmt(st, "INSERT OR REPLACE INTO statement_links"
	    " (from_id, to_id, score) VALUES (?1, ?2, ?3)");

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, from);
	sqlite3_bind_int64(s, 2, to);
	sqlite3_bind_double(s, 3, score);
	if (sqlite3_step(s) != SQLITE_DONE) {
		sqlite3_reset(s);
		return store_err(st, "linking statements");
	}
	sqlite3_reset(s);
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
		*json = col_text(s, 0);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : store_err(st, "making JSON");
}
