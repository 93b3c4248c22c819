/*
 * store-report-counts.c: the positional report counts (schema 16) kept
 * up to date. What each article adds to the matrix per agreement and to
 * the co-occurrences is counted in C (store_report_pairs_count), since
 * it needs the highlights' sentences; triggers list an article in
 * coding_stale whenever something that counting reads changes, in the
 * writer's transaction, and coding_pairs (the sums over the articles)
 * follows coding_article_pairs by trigger. A report first counts the
 * stale articles again (a few, after a session's coding), then reads the
 * sums; a migration or a salvage counts every coded article; check
 * compares the rows of the articles not listed with a count made again.
 */
#include "config.h"

#include <stdlib.h>

#include "store-int.h"
#include "store.h"
#include "util.h"

static int
insert_pair(void *arg, int64_t article, int kind, int64_t a, int64_t b, int64_t n)
{
	struct store *st = arg;
	sqlite3_stmt *s = store_stmt(st, "INSERT INTO coding_article_pairs"
	    "(article_id, kind, a, b, n) VALUES (?1, ?2, ?3, ?4, ?5)");
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, article);
	sqlite3_bind_int(s, 2, kind);
	sqlite3_bind_int64(s, 3, a);
	sqlite3_bind_int64(s, 4, b);
	sqlite3_bind_int64(s, 5, n);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_err(st, "keeping the report counts");
}

/* Runs one statement of SQL taking ARTICLE as ?1 (or none). */
static int
run(struct store *st, const char *sql, int64_t article, const char *what)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	int rc;

	if (s == NULL)
		return -1;
	if (article != 0)
		sqlite3_bind_int64(s, 1, article);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_err(st, what);
}

/* The articles listed stale, in id order (*ids malloc'd). */
static int
stale_read(struct store *st, int64_t **ids, size_t *n)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT article_id FROM coding_stale ORDER BY 1");

	*ids = NULL;
	*n = 0;
	if (s == NULL)
		return -1;
	return store_col_ids(st, s, "reading the report counts", ids, n);
}

int
store_report_counts_refresh(struct store *st)
{
	int64_t *ids;
	size_t n, i;
	int rc = 0;

	if (stale_read(st, &ids, &n) != 0)
		return -1;
	if (n == 0)
		return 0;
	if (store_is_readonly(st) || sqlite3_db_readonly(store_sqlite(st), "main") == 1 ||
	    store_begin(st) != 0) {
		free(ids);
		return 1;
	}
	for (i = 0; i < n && rc == 0; i++) {
		rc = run(st, "DELETE FROM coding_article_pairs WHERE article_id = ?1", ids[i],
		    "keeping the report counts");
		if (rc == 0)
			rc = store_report_pairs_count(st, ids[i], insert_pair, st);
		if (rc == 0)
			rc = run(st, "DELETE FROM coding_stale WHERE article_id = ?1", ids[i],
			    "keeping the report counts");
	}
	free(ids);
	/* Not kept (another program's lock held too long): the report
	 * counts directly this time. */
	if (rc != 0 || store_commit(st) != 0) {
		if (rc != 0)
			store_rollback(st);
		return 1;
	}
	return 0;
}

int
store_report_counts_fill(struct store *st)
{
	if (run(st, "DELETE FROM coding_article_pairs", 0, "keeping the report counts") != 0 ||
	    run(st, "DELETE FROM coding_pairs", 0, "keeping the report counts") != 0 ||
	    run(st, "DELETE FROM coding_stale", 0, "keeping the report counts") != 0)
		return -1;
	return store_report_pairs_count(st, 0, insert_pair, st);
}

/* The counting made again, row by row, against the rows kept (read in
 * the same order), skipping the articles listed stale. */
struct compare {
	struct store *st;
	sqlite3_stmt *kept;
	int kept_rc;             /* the last step's: SQLITE_ROW while rows remain */
	const int64_t *stale;
	size_t nstale;
	int64_t differ;
};

static int
is_stale(const struct compare *c, int64_t article)
{
	size_t lo = 0, hi = c->nstale;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->stale[mid] == article)
			return 1;
		if (c->stale[mid] < article)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* -1, 0 or 1 as the kept row stands to (article, kind, a, b). */
static int
kept_cmp(sqlite3_stmt *s, int64_t article, int kind, int64_t a, int64_t b)
{
	int64_t v[4] = { article, kind, a, b };
	int i;

	for (i = 0; i < 4; i++) {
		int64_t k = sqlite3_column_int64(s, i);
		if (k != v[i])
			return k < v[i] ? -1 : 1;
	}
	return 0;
}

static int
compare_pair(void *arg, int64_t article, int kind, int64_t a, int64_t b, int64_t n)
{
	struct compare *c = arg;
	int cmp = 1;

	if (is_stale(c, article))
		return 0;
	/* Kept rows before this one were not counted again. */
	while (c->kept_rc == SQLITE_ROW && (cmp = kept_cmp(c->kept, article, kind, a, b)) < 0) {
		c->differ++;
		c->kept_rc = sqlite3_step(c->kept);
	}
	if (c->kept_rc == SQLITE_ROW && cmp == 0) {
		c->differ += sqlite3_column_int64(c->kept, 4) != n;
		c->kept_rc = sqlite3_step(c->kept);
	} else
		c->differ++;
	return c->kept_rc == SQLITE_ROW || c->kept_rc == SQLITE_DONE ? 0
	    : store_err(c->st, "comparing the report counts");
}

int
store_report_counts_differ(struct store *st, int64_t *n)
{
	struct compare c = { st, NULL, SQLITE_DONE, NULL, 0, 0 };
	int64_t *stale;
	int rc;

	*n = 0;
	if (stale_read(st, &stale, &c.nstale) != 0)
		return -1;
	c.stale = stale;
	c.kept = store_stmt(st, "SELECT article_id, kind, a, b, n FROM coding_article_pairs"
	    " WHERE article_id NOT IN (SELECT article_id FROM coding_stale)"
	    " ORDER BY article_id, kind, a, b");
	if (c.kept == NULL) {
		free(stale);
		return -1;
	}
	c.kept_rc = sqlite3_step(c.kept);
	rc = store_report_pairs_count(st, 0, compare_pair, &c);
	/* Kept rows after the last one counted again. */
	while (rc == 0 && c.kept_rc == SQLITE_ROW) {
		c.differ++;
		c.kept_rc = sqlite3_step(c.kept);
	}
	if (rc == 0 && c.kept_rc != SQLITE_DONE)
		rc = store_err(st, "comparing the report counts");
	sqlite3_reset(c.kept);
	free(stale);
	*n = c.differ;
	return rc;
}
