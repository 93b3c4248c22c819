/*
 * store-search.c: full-text search over titles, bodies and annotation
 * notes (FTS5, unicode61 with diacritics removed, so "Əliyev" and
 * "Aliyev"-style spellings meet where the folding allows). Each plain word
 * of a query is widened to the other forms of it in the index first
 * (store-stem.c), the form written ranking first.
 *
 * Ranking is bm25 with the weights set in the schema (body 1, title 10,
 * notes 4, as the index's 'rank' option has them), computed by
 * dossier_rank (store-rank.c), which counts a word's documents without
 * reading all of them as FTS5's bm25 does; "rank MATCH" names it for the
 * query and "ORDER BY rank" is handed to FTS5 itself, so SQLite does not
 * sort, and the snippet is computed only for the rows returned.
 *
 * Ranking has to score every match, and a common word matches most of a
 * large collection: scoring 80,000 articles takes a quarter of a second.
 * So a query is ranked among its SEARCH_WINDOW most recently imported
 * matches (or more, when the page asked for lies beyond them). Finding
 * where that window starts is a walk down the rowid-ordered match list,
 * which costs next to nothing; a query with fewer matches is ranked whole.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store-int.h"
#include "util.h"

/* The plain and the JSON search share this text, so both agree on order
 * and snippets. Newlines between paragraphs become spaces: a snippet is
 * one line of a result list. The ranking is told how many rows the page
 * and those before it take (?8, 0 for all): the others' scores it may
 * bound instead of computing (store-rank.c). */
#define RANK_MATCH " f.rank MATCH 'dossier_rank(1.0, 10.0, 4.0, ' || ?8 || ')'"
#define SNIPPET \
	"  replace(replace(dossier_snippet(articles_fts, ?2, ?3, '…', 16)," \
	"    char(10, 10), ' '), char(10), ' ') AS snippet,"
#define SEARCH_SELECT \
	"SELECT f.rowid AS id, a.title AS title, a.published AS published," \
	"  a.outlet AS outlet," SNIPPET \
	"  f.rank AS rank" \
	" FROM articles_fts f JOIN articles a ON a.id = f.rowid" \
	" WHERE articles_fts MATCH ?1 AND" RANK_MATCH " AND f.rowid >= ?6" \
	" ORDER BY f.rank LIMIT ?4 OFFSET ?5"
/* When a query was widened to other forms of its words (store-stem.c),
 * the articles that match it as written (?7) come first, ranked as they
 * would be without the widening, then those that match only other forms.
 * Two rankings are merged here, so SQLite sorts: the page is chosen by id
 * and rank alone, and the snippets are made for its rows only, each
 * against the query its row was ranked by (a snippet in the sort would be
 * made for every match of the window). The other forms' ranking leaves
 * out the matches as written inside the index ("(?1) NOT (?7)"), so they
 * are not ranked twice (ranking is most of a search's work: a name
 * written one way in most of its matches was ranked about twice over);
 * a phrase after NOT has no instance in a row it matches, so it adds 0
 * to bm25's sum and the scores are those of ?1 alone, to the bit. */
#define SEARCH_EXACT_FIRST \
	"WITH exact AS MATERIALIZED (" \
	"  SELECT f.rowid AS id, f.rank AS rank FROM articles_fts f" \
	"  WHERE articles_fts MATCH ?7 AND" RANK_MATCH " AND f.rowid >= ?6)" \
	"SELECT t.id AS id, a.title AS title, a.published AS published," \
	"  a.outlet AS outlet," SNIPPET " t.rank AS rank FROM (" \
	"  SELECT id, rank, other FROM (" \
	"    SELECT id, rank, 0 AS other FROM exact" \
	"    UNION ALL" \
	"    SELECT f.rowid, f.rank, 1 FROM articles_fts f" \
	"    WHERE articles_fts MATCH '(' || ?1 || ') NOT (' || ?7 || ')' AND" RANK_MATCH \
	"      AND f.rowid >= ?6)" \
	"  ORDER BY other, rank LIMIT ?4 OFFSET ?5) t" \
	" CROSS JOIN articles_fts f ON f.rowid = t.id JOIN articles a ON a.id = t.id" \
	" WHERE articles_fts MATCH CASE t.other WHEN 0 THEN ?7 ELSE ?1 END" \
	" ORDER BY t.other, t.rank"

#define SEARCH_WINDOW 4000

static const char search_sql[] = SEARCH_SELECT;
static const char search_exact_sql[] = SEARCH_EXACT_FIRST;
static const char window_sql[] =
    "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1"
    " ORDER BY rowid DESC LIMIT 1 OFFSET ?2";
static const char search_json_sql[] =
    "SELECT json_group_array(json_object('id', id, 'title', title,"
    "  'published', published, 'outlet', outlet, 'snippet', snippet, 'rank', rank))"
    " FROM (" SEARCH_SELECT ")";
static const char search_exact_json_sql[] =
    "SELECT json_group_array(json_object('id', id, 'title', title,"
    "  'published', published, 'outlet', outlet, 'snippet', snippet, 'rank', rank))"
    " FROM (" SEARCH_EXACT_FIRST ")";

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

/* FTS5 reports a malformed query as a plain SQLITE_ERROR ("fts5: syntax
 * error near ...", "no such column: ..."); anything else is the database's
 * problem, not the query's. */
static int
search_err(struct store *st, const char *query)
{
	sqlite3 *db = store_sqlite(st);

	if (sqlite3_errcode(db) == SQLITE_ERROR) {
		/* A table of the index dropped makes FTS5 say "SQL logic
		 * error" whatever the query: say what is really wrong. */
		struct buf missing;
		char *msg = xstrdup(sqlite3_errmsg(db));
		int rc;

		buf_init(&missing);
		if (store_schema_missing(st, &missing) == 0 && missing.len > 0)
			rc = err_set("%s: damaged: missing from its schema: %s; run 'dossier check'",
			    store_path(st), missing.data);
		else
			rc = err_set("bad search query '%s': %s", query, msg);
		buf_free(&missing);
		free(msg);
		return rc;
	}
	return store_err(st, "searching");
}

/* The lowest rowid of the window of matches to rank (see the top). */
static int
window_start(struct store *st, const char *query, const char *shown, size_t offset,
    size_t limit, sqlite3_int64 *start)
{
	sqlite3_stmt *s = store_stmt(st, window_sql);
	size_t want = SEARCH_WINDOW;
	int rc;

	*start = INT64_MIN;
	if (s == NULL)
		return -1;
	if (limit <= SIZE_MAX - offset && offset + limit > want)
		want = offset + limit;
	if (limit > SIZE_MAX - offset || want > INT64_MAX)
		return 0;
	sqlite3_bind_text(s, 1, query, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)want - 1);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*start = sqlite3_column_int64(s, 0);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		search_err(st, shown);
		sqlite3_reset(s);
		return -1;
	}
	sqlite3_reset(s);
	return 0;
}

static void
bind(sqlite3_stmt *s, const char *query, const char *exact, size_t offset, size_t limit,
    const char *mark_open, const char *mark_close, sqlite3_int64 start)
{
	sqlite3_bind_text(s, 1, query, -1, SQLITE_STATIC);
	if (strcmp(query, exact) != 0)
		sqlite3_bind_text(s, 7, exact, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, mark_open != NULL ? mark_open : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, mark_close != NULL ? mark_close : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, limit > INT64_MAX ? -1 : (sqlite3_int64)limit);
	sqlite3_bind_int64(s, 5, (sqlite3_int64)offset);
	sqlite3_bind_int64(s, 6, start);
	sqlite3_bind_int64(s, 8, limit <= INT64_MAX && offset <= INT64_MAX - limit ?
	    (sqlite3_int64)(offset + limit) : 0);
}

int
store_search(struct store *st, const char *query, size_t offset, size_t limit,
    const char *mark_open, const char *mark_close, struct store_hit **hits, size_t *n)
{
	sqlite3_stmt *s;
	struct store_hit *v = NULL;
	size_t len = 0, cap = 0;
	sqlite3_int64 start;
	char *wide;
	int rc;

	*hits = NULL;
	*n = 0;
	if ((wide = store_widen_query(st, query)) == NULL)
		return -1;
	s = store_stmt(st, strcmp(wide, query) != 0 ? search_exact_sql : search_sql);
	if (s == NULL || window_start(st, wide, query, offset, limit, &start) != 0) {
		free(wide);
		return -1;
	}
	bind(s, wide, query, offset, limit, mark_open, mark_close, start);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (len == cap) {
			cap = cap ? cap * 2 : 16;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[len].id = sqlite3_column_int64(s, 0);
		v[len].title = store_col_text(s, 1);
		v[len].published = store_col_text(s, 2);
		v[len].outlet = store_col_text(s, 3);
		v[len].snippet = store_col_text(s, 4);
		len++;
	}
	if (rc != SQLITE_DONE) {
		search_err(st, query);
		sqlite3_reset(s);
		store_hits_free(v, len);
		free(wide);
		return -1;
	}
	sqlite3_reset(s);
	free(wide);
	*hits = v;
	*n = len;
	return 0;
}

int
store_json_search(struct store *st, const char *query, size_t offset, size_t limit,
    const char *mark_open, const char *mark_close, char **json)
{
	sqlite3_stmt *s;
	sqlite3_int64 start;
	char *wide;
	int rc = -1;

	*json = NULL;
	if ((wide = store_widen_query(st, query)) == NULL)
		return -1;
	s = store_stmt(st, strcmp(wide, query) != 0 ? search_exact_json_sql : search_json_sql);
	if (s != NULL && window_start(st, wide, query, offset, limit, &start) == 0) {
		bind(s, wide, query, offset, limit, mark_open, mark_close, start);
		if (sqlite3_step(s) != SQLITE_ROW)
			search_err(st, query);
		else {
			*json = store_col_text(s, 0);
			rc = 0;
		}
		sqlite3_reset(s);
	}
	free(wide);
	return rc;
}
