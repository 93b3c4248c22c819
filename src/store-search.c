/*
 * store-search.c: full-text search over titles, bodies and annotation
 * notes (FTS5, unicode61 with diacritics removed, so "Əliyev" and
 * "Aliyev"-style spellings meet where the folding allows).
 *
 * Ranking is FTS5's bm25 with the weights set in the schema (the index's
 * 'rank' option). "ORDER BY rank" is handed to FTS5 itself, so SQLite does
 * not sort, and the snippet is computed only for the rows returned.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "util.h"

/* The plain and the JSON search share this text, so both agree on order
 * and snippets. Newlines between paragraphs become spaces: a snippet is
 * one line of a result list. */
#define SEARCH_SELECT \
	"SELECT f.rowid AS id, a.title AS title, a.published AS published," \
	"  a.outlet AS outlet," \
	"  replace(replace(snippet(articles_fts, -1, ?2, ?3, '…', 16)," \
	"    char(10, 10), ' '), char(10), ' ') AS snippet," \
	"  f.rank AS rank" \
	" FROM articles_fts f JOIN articles a ON a.id = f.rowid" \
	" WHERE articles_fts MATCH ?1 ORDER BY f.rank LIMIT ?4 OFFSET ?5"

static const char search_sql[] = SEARCH_SELECT;
static const char search_json_sql[] =
    "SELECT json_group_array(json_object('id', id, 'title', title,"
    "  'published', published, 'outlet', outlet, 'snippet', snippet, 'rank', rank))"
    " FROM (" SEARCH_SELECT ")";

void
store_hits_free(struct store_hit *hits, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(hits[i].title), free(hits[i].published), free(hits[i].outlet);
		free(hits[i].snippet);
	}
	free(hits);
}

static char *
column_dup(sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);

	return t != NULL ? xstrndup((const char *)t, (size_t)sqlite3_column_bytes(s, col)) : NULL;
}

static void
bind(sqlite3_stmt *s, const char *query, size_t offset, size_t limit,
    const char *mark_open, const char *mark_close)
{
	sqlite3_bind_text(s, 1, query, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, mark_open != NULL ? mark_open : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, mark_close != NULL ? mark_close : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, limit > INT64_MAX ? -1 : (sqlite3_int64)limit);
	sqlite3_bind_int64(s, 5, (sqlite3_int64)offset);
}

/* FTS5 reports a malformed query as a plain SQLITE_ERROR ("fts5: syntax
 * error near ...", "no such column: ..."); anything else is the database's
 * problem, not the query's. */
static int
search_err(struct store *st, const char *query)
{
	sqlite3 *db = store_sqlite(st);

	if (sqlite3_errcode(db) == SQLITE_ERROR)
		return err_set("bad search query '%s': %s", query, sqlite3_errmsg(db));
	return store_err(st, "searching");
}

int
store_search(struct store *st, const char *query, size_t offset, size_t limit,
    const char *mark_open, const char *mark_close, struct store_hit **hits, size_t *n)
{
	sqlite3_stmt *s = store_stmt(st, search_sql);
	struct store_hit *v = NULL;
	size_t len = 0, cap = 0;
	int rc;

	*hits = NULL;
	*n = 0;
	if (s == NULL)
		return -1;
	bind(s, query, offset, limit, mark_open, mark_close);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (len == cap) {
			cap = cap ? cap * 2 : 16;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[len].id = sqlite3_column_int64(s, 0);
		v[len].title = column_dup(s, 1);
		v[len].published = column_dup(s, 2);
		v[len].outlet = column_dup(s, 3);
		v[len].snippet = column_dup(s, 4);
		len++;
	}
	if (rc != SQLITE_DONE) {
		search_err(st, query);
		sqlite3_reset(s);
		store_hits_free(v, len);
		return -1;
	}
	sqlite3_reset(s);
	*hits = v;
	*n = len;
	return 0;
}

int
store_json_search(struct store *st, const char *query, size_t offset, size_t limit,
    const char *mark_open, const char *mark_close, char **json)
{
	sqlite3_stmt *s = store_stmt(st, search_json_sql);

	*json = NULL;
	if (s == NULL)
		return -1;
	bind(s, query, offset, limit, mark_open, mark_close);
	if (sqlite3_step(s) != SQLITE_ROW) {
		search_err(st, query);
		sqlite3_reset(s);
		return -1;
	}
	*json = column_dup(s, 0);
	sqlite3_reset(s);
	return 0;
}
