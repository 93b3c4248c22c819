/* test-store-search.c: search's ranking (dossier_rank against FTS5's
 * bm25) and that a search's work stays the same as the store grows. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/store-int.h"   /* the counters of the cost */
#include "tap.h"
#include "util.h"

static struct store *st;

static const char *const words[] = {
	"ceasefire", "corridor", "checkpoint", "checkpoints", "talks", "border",
	"delimitation", "cargo", "treaty", "minister", "convoy", "envoy",
};

/* Adds articles FROM..TO-1, article I with the words whose bit is set in a
 * mix of I, so that the words have different counts and lengths differ. */
static int
add_range(size_t from, size_t to)
{
	struct store_article a = { 0 };
	enum store_added how;
	struct buf body, title;
	size_t i, w;
	int rc = store_begin(st);

	buf_init(&body);
	buf_init(&title);
	for (i = from; i < to && rc == 0; i++) {
		body.len = title.len = 0;
		buf_printf(&title, "Report %zu", i);
		buf_printf(&body, "Article %zu says", i);
		for (w = 0; w < ARRAY_LEN(words); w++)
			if ((i * 2654435761u >> (w + 3)) & 1)
				buf_printf(&body, " %s", words[w]);
		if (i % 4 == 0)
			buf_printf(&body, " quarterly");
		if (i % 7 == 0)
			buf_printf(&title, " on the %s", words[i / 7 % ARRAY_LEN(words)]);
		buf_addc(&body, '\0');
		buf_addc(&title, '\0');
		a.title = xstrdup(title.data);
		a.body = xstrdup(body.data);
		a.body_len = strlen(a.body);
		a.format = xstrdup("text");
		rc = store_article_add(st, &a, &how);
		store_article_free(&a);
	}
	buf_free(&body);
	buf_free(&title);
	return rc == 0 ? store_commit(st) : -1;
}

/* The rowids and ranks of QUERY ranked by RANK (NULL: the index's own
 * bm25), as "id:rank id:rank ..." (or "id id ..." without SCORES). */
static char *
ranking(const char *query, const char *rank, int scores)
{
	char *sql = xasprintf("SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ?1%s"
	    " ORDER BY rank, rowid", rank ? " AND rank MATCH ?2" : "");
	sqlite3_stmt *s;
	struct buf b;

	buf_init(&b);
	if (sqlite3_prepare_v2(store_sqlite(st), sql, -1, &s, NULL) == SQLITE_OK) {
		sqlite3_bind_text(s, 1, query, -1, SQLITE_STATIC);
		if (rank != NULL)
			sqlite3_bind_text(s, 2, rank, -1, SQLITE_STATIC);
		while (sqlite3_step(s) == SQLITE_ROW)
			if (scores)
				buf_printf(&b, "%lld:%.12g ", (long long)sqlite3_column_int64(s, 0),
				    sqlite3_column_double(s, 1));
			else
				buf_printf(&b, "%lld ", (long long)sqlite3_column_int64(s, 0));
		sqlite3_finalize(s);
	}
	free(sql);
	buf_addc(&b, '\0');
	return buf_detach(&b, NULL);
}

static void
test_same_as_bm25(void)
{
	static const char *const queries[] = {
		"ceasefire", "corridor OR convoy", "\"cargo treaty\"", "ceasefire NOT corridor",
		"title:checkpoint", "envoy minister talks", "report",
	};
	char *ours, *theirs;
	size_t i;

	ok(add_range(0, 600) == 0, "600 articles");
	for (i = 0; i < ARRAY_LEN(queries); i++) {
		theirs = ranking(queries[i], NULL, 1);
		ours = ranking(queries[i], "dossier_rank(1.0, 10.0, 4.0)", 1);
		ok(strlen(theirs) > 10 && strcmp(ours, theirs) == 0,
		    "%s: the order and scores of bm25", queries[i]);
		if (strcmp(ours, theirs) != 0)
			diag("bm25 %.200s\nours %.200s", theirs, ours);
		free(ours);
		free(theirs);
	}
}

/* The pages SQLite reads (from its cache or the file), the documents
 * dossier_rank counts and the index lookups widening makes for a page of
 * results of QUERY. The pages are mostly the ranking of the window of
 * newest matches; a posting list of this store is a few dozen pages, so
 * it is the two counters that show whether a cost follows the store. */
static void
cost(const char *query, long long *pages, unsigned long *counted, unsigned long *probes)
{
	struct store_hit *hits;
	int cur = 0, hi = 0, miss = 0;
	unsigned long c0 = store_rank_counted(), p0 = store_stem_probes(st);
	size_t n;

	sqlite3_db_status(store_sqlite(st), SQLITE_DBSTATUS_CACHE_HIT, &cur, &hi, 1);
	sqlite3_db_status(store_sqlite(st), SQLITE_DBSTATUS_CACHE_MISS, &cur, &hi, 1);
	if (store_search(st, query, 0, 20, "[", "]", &hits, &n) != 0)
		tap_bail("search %s: %s", query, err_msg());
	store_hits_free(hits, n);
	sqlite3_db_status(store_sqlite(st), SQLITE_DBSTATUS_CACHE_HIT, &cur, &hi, 1);
	sqlite3_db_status(store_sqlite(st), SQLITE_DBSTATUS_CACHE_MISS, &miss, &hi, 1);
	*pages = (long long)cur + miss;
	*counted = store_rank_counted() - c0;
	*probes = store_stem_probes(st) - p0;
}

static void
test_bounded(void)
{
	static const char *const queries[] = {
		"checkpoints", "ceasefire corridor", "\"cargo treaty\"", "ceasefire NOT corridor",
	};
	long long small[ARRAY_LEN(queries)], large;
	unsigned long csmall[ARRAY_LEN(queries)], psmall[ARRAY_LEN(queries)], clarge, plarge;
	unsigned long lsmall[ARRAY_LEN(queries)];
	size_t i;

	ok(add_range(600, 12000) == 0, "12,000 articles");
	for (i = 0; i < ARRAY_LEN(queries); i++) {
		unsigned long l0 = store_stem_leaves(st);

		cost(queries[i], &small[i], &csmall[i], &psmall[i]);
		lsmall[i] = store_stem_leaves(st) - l0;
	}
	ok(add_range(12000, 48000) == 0, "48,000 articles");
	for (i = 0; i < ARRAY_LEN(queries); i++) {
		cost(queries[i], &large, &clarge, &plarge);
		/* A quoted phrase is not widened: no leaves read. */
		ok(plarge == psmall[i] && (lsmall[i] > 0) == (queries[i][0] != '"'),
		    "%s: as many index probes at 48,000 articles as at 12,000 (%lu, %lu)",
		    queries[i], plarge, psmall[i]);
		/* of some 60 to 100 candidate forms a word has, only those
		 * the index's leaves hold are probed */
		ok(plarge < 8, "%s: %lu probes, of forms the index has", queries[i], plarge);
		ok(clarge > 0 && clarge <= csmall[i] + csmall[i] / 4,
		    "%s: documents counted for ranking stay bounded (%lu at 12,000, %lu at 48,000)",
		    queries[i], csmall[i], clarge);
		ok(large < small[i] * 3 / 2,
		    "%s: pages read stay bounded (%lld at 12,000, %lld at 48,000)",
		    queries[i], small[i], large);
	}
}

/* A word a NOT leaves out stays as written, as the query written is
 * ranked first: the matches then leave out that word alone, both those
 * ranked as written and those of other forms; and an OR of its forms is
 * not evaluated against every match. */
static void
test_not_as_written(void)
{
	static const struct {
		const char *query, *widened;
	} cases[] = {
		{ "checkpoint", "(checkpoint OR \"checkpoints\")" },
		{ "talks NOT checkpoint", "talks NOT checkpoint" },
		{ "checkpoint NOT talks", "(checkpoint OR \"checkpoints\") NOT talks" },
		{ "talks NOT (checkpoint OR border) AND checkpoint",
		  "talks NOT (checkpoint OR border) AND (checkpoint OR \"checkpoints\")" },
		{ "talks NOT body:checkpoint", "talks NOT body:checkpoint" },
		/* FTS5 ANDs the terms side by side after a NOT before the NOT */
		{ "talks NOT \"border\" checkpoint", "talks NOT \"border\" checkpoint" },
		{ "talks NOT border OR checkpoint",
		  "talks NOT border OR (checkpoint OR \"checkpoints\")" },
		/* a group beside a term: the AND written out */
		{ "checkpoint talks", "(checkpoint OR \"checkpoints\") AND talks" },
		{ "talks checkpoint", "talks AND (checkpoint OR \"checkpoints\")" },
		{ "talks \"border\" checkpoint border",
		  "talks \"border\" AND (checkpoint OR \"checkpoints\") AND border" },
		{ "talks body:checkpoint", "talks AND body:(checkpoint OR \"checkpoints\")" },
		{ "talks {title body}: checkpoint",
		  "talks AND {title body}: (checkpoint OR \"checkpoints\")" },
		{ "{title body}: checkpoint talks",
		  "{title body}: (checkpoint OR \"checkpoints\") AND talks" },
		{ "checkpoint ^talks", "(checkpoint OR \"checkpoints\") AND ^talks" },
		{ "talks border", "talks border" },
		/* a NEAR group is a term; NEAR without "(" is a plain word */
		{ "checkpoint NEAR(talks border)",
		  "(checkpoint OR \"checkpoints\") AND NEAR(talks border)" },
		{ "checkpoint NEAR(talks border, 5)",
		  "(checkpoint OR \"checkpoints\") AND NEAR(talks border, 5)" },
		{ "checkpoint body:NEAR(talks border)",
		  "(checkpoint OR \"checkpoints\") AND body:NEAR(talks border)" },
		{ "checkpoint NEAR talks", "(checkpoint OR \"checkpoints\") AND NEAR talks" },
		/* "-" opens a column filter: the AND goes before it */
		{ "checkpoint -title:border", "(checkpoint OR \"checkpoints\") AND -title:border" },
		{ "checkpoint -title:border talks",
		  "(checkpoint OR \"checkpoints\") AND -title:border talks" },
		{ "talks -title:checkpoint",
		  "talks AND -title:(checkpoint OR \"checkpoints\")" },
		{ "checkpoint - {title notes} : border",
		  "(checkpoint OR \"checkpoints\") AND - {title notes} : border" },
		/* "+" and "^" with spaces after them: the word after is as written */
		{ "convoy talks + checkpoint", "convoy talks + checkpoint" },
		{ "checkpoint talks + border",
		  "(checkpoint OR \"checkpoints\") AND talks + border" },
		{ "\"talks\" + checkpoint", "\"talks\" + checkpoint" },
		{ "checkpoint ^ report", "(checkpoint OR \"checkpoints\") AND ^ report" },
		{ "talks ^ checkpoint", "talks ^ checkpoint" },
		{ "checkpoint ^ \"report\"", "(checkpoint OR \"checkpoints\") AND ^ \"report\"" },
	};
	struct store_hit *hits;
	sqlite3_stmt *s;
	size_t i, n, with_other = 0, with_word = 0;
	char *w;

	for (i = 0; i < ARRAY_LEN(cases); i++) {
		w = store_widen_query(st, cases[i].query);
		ok(w != NULL && strcmp(w, cases[i].widened) == 0, "%s: widened to %s",
		    cases[i].query, cases[i].widened);
		if (w != NULL && strcmp(w, cases[i].widened) != 0)
			diag("got %s", w);
		free(w);
	}
	if (store_search(st, "talks NOT checkpoint", 0, 200, "[", "]", &hits, &n) != 0)
		tap_bail("search: %s", err_msg());
	if (sqlite3_prepare_v2(store_sqlite(st), "SELECT"
	    " EXISTS (SELECT 1 FROM articles_fts WHERE rowid = ?1 AND articles_fts MATCH 'checkpoint'),"
	    " EXISTS (SELECT 1 FROM articles_fts WHERE rowid = ?1 AND articles_fts MATCH 'checkpoints')",
	    -1, &s, NULL) != SQLITE_OK)
		tap_bail("%s", sqlite3_errmsg(store_sqlite(st)));
	for (i = 0; i < n; i++) {
		sqlite3_bind_int64(s, 1, hits[i].id);
		if (sqlite3_step(s) == SQLITE_ROW) {
			with_word += (size_t)sqlite3_column_int(s, 0);
			with_other += (size_t)sqlite3_column_int(s, 1);
		}
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	store_hits_free(hits, n);
	ok(n > 0 && with_word == 0 && with_other > 0,
	    "talks NOT checkpoint: %zu hits, none with the word, %zu with another form",
	    n, with_other);
	/* A widened word beside another: a query, not a syntax error. */
	for (i = 0; i < 2; i++) {
		const char *q = i == 0 ? "checkpoint talks" : "talks checkpoint";

		ok(store_search(st, q, 0, 20, "[", "]", &hits, &n) == 0 && n == 20,
		    "%s: a page of hits (%s)", q, n == 20 ? "20" : err_msg());
		store_hits_free(hits, n);
	}
}

/* Whether FTS5 accepts QUERY, with its rows in ROWS (*NROWS). */
static int
fts5_rows(const char *query, sqlite3_int64 **rows, size_t *nrows)
{
	sqlite3_stmt *s;
	int rc;

	*rows = NULL;
	*nrows = 0;
	if (sqlite3_prepare_v2(store_sqlite(st), "SELECT rowid FROM articles_fts"
	    " WHERE articles_fts MATCH ?1", -1, &s, NULL) != SQLITE_OK)
		tap_bail("%s", sqlite3_errmsg(store_sqlite(st)));
	sqlite3_bind_text(s, 1, query, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*rows = xreallocarray(*rows, *nrows + 1, sizeof **rows);
		(*rows)[(*nrows)++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE;
}

/* Queries FTS5 accepts stay queries once widened, and a search finds at
 * least the rows FTS5 finds for them as written (other forms add more). */
static void
test_widened_valid(void)
{
	static const char *const queries[] = {
		"checkpoint NEAR(talks border)", "checkpoint NEAR(talks border, 5)",
		"checkpoint body:NEAR(talks border)", "checkpoint -title:border",
		"checkpoint -title:border talks", "talks -title:checkpoint",
		"checkpoint - {title notes} : border", "convoy talks + border",
		"checkpoint talks + border", "\"talks\" + border", "convoy corridor + checkpoint",
		"checkpoint corridor + checkpoint", "\"corridor\" + checkpoint", "checkpoint ^ report",
		"checkpoint ^\"report\"", "checkpoint NOT -title:border",
		"checkpoint NEAR talks",   /* last: no article has "near" */
	};
	struct store_hit *hits;
	sqlite3_int64 *rows;
	size_t i, j, k, n, nrows, found;
	char *w;

	for (i = 0; i < ARRAY_LEN(queries); i++) {
		if (!fts5_rows(queries[i], &rows, &nrows))
			tap_bail("FTS5 refuses %s", queries[i]);
		free(rows);
		rows = NULL;
		w = store_widen_query(st, queries[i]);
		ok(w != NULL && fts5_rows(w, &rows, &nrows), "%s: FTS5 accepts it widened (%s)",
		    queries[i], w != NULL ? w : "NULL");
		free(rows);
		free(w);
		fts5_rows(queries[i], &rows, &nrows);
		if (store_search(st, queries[i], 0, SIZE_MAX, NULL, NULL, &hits, &n) != 0) {
			ok(0, "%s: searched (%s)", queries[i], err_msg());
			free(rows);
			continue;
		}
		for (j = found = 0; j < nrows; j++)
			for (k = 0; k < n; k++)
				if (hits[k].id == rows[j]) {
					found++;
					break;
				}
		ok((nrows > 0 || i == ARRAY_LEN(queries) - 1) && found == nrows,
		    "%s: all %zu rows of FTS5 among %zu hits", queries[i], nrows, n);
		store_hits_free(hits, n);
		free(rows);
	}
}

/* The matches of a widened query that are not matches as written are
 * ranked by "(widened) NOT (written)" (store-search.c), so the matches as
 * written are not ranked twice: every such row must keep the score the
 * widened query alone gives it, to the bit, whatever the query as
 * written holds (words ANDed, NOT, OR, a column). */
static void
test_other_forms_scores(void)
{
	static const char *const queries[] = {
		"checkpoint", "checkpoint AND talks", "talks AND checkpoint", "checkpoint NOT talks",
		"talks NOT border AND checkpoint", "checkpoint OR border", "body:checkpoint",
	};
	static const char sql[] =
	    "WITH o(id, r) AS MATERIALIZED (SELECT rowid, rank FROM articles_fts"
	    "  WHERE articles_fts MATCH '(' || ?1 || ') NOT (' || ?2 || ')'"
	    "  AND rank MATCH 'dossier_rank(1.0, 10.0, 4.0)'),"
	    " t(id, r) AS MATERIALIZED (SELECT rowid, rank FROM articles_fts"
	    "  WHERE articles_fts MATCH ?1 AND rank MATCH 'dossier_rank(1.0, 10.0, 4.0)')"
	    " SELECT count(*), total(o.r <> t.r), (SELECT count(*) FROM o) FROM o JOIN t USING (id)";
	sqlite3_stmt *s;
	size_t i;
	char *w;

	if (sqlite3_prepare_v2(store_sqlite(st), sql, -1, &s, NULL) != SQLITE_OK)
		tap_bail("other forms: %s", sqlite3_errmsg(store_sqlite(st)));
	for (i = 0; i < ARRAY_LEN(queries); i++) {
		long long n = 0, differ = -1, all = -1;

		if ((w = store_widen_query(st, queries[i])) == NULL)
			tap_bail("widen %s: %s", queries[i], err_msg());
		sqlite3_bind_text(s, 1, w, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, queries[i], -1, SQLITE_STATIC);
		if (sqlite3_step(s) == SQLITE_ROW) {
			n = sqlite3_column_int64(s, 0);
			differ = sqlite3_column_int64(s, 1);
			all = sqlite3_column_int64(s, 2);
		}
		sqlite3_reset(s);
		ok(strcmp(w, queries[i]) != 0 && n > 0 && n == all && differ == 0,
		    "%s: %lld rows of other forms only, each with the widened query's score"
		    " (%lld differ)", queries[i], n, differ);
		free(w);
	}
	sqlite3_finalize(s);
}

/* The largest relative difference between dossier_rank's score and
 * bm25's over the articles QUERY matches. */
static double
worst_ratio(const char *query)
{
	static const char sql[] =
	    "WITH o(id, r) AS MATERIALIZED (SELECT rowid, rank FROM articles_fts"
	    "  WHERE articles_fts MATCH ?1 AND rank MATCH 'dossier_rank(1.0, 10.0, 4.0)'"
	    "  ORDER BY rowid),"
	    " t(id, r) AS MATERIALIZED (SELECT rowid, rank FROM articles_fts"
	    "  WHERE articles_fts MATCH ?1 ORDER BY rowid)"
	    " SELECT max(abs(o.r - t.r) / abs(t.r)) FROM o JOIN t USING (id)";
	sqlite3_stmt *s;
	double worst = 1.0;

	if (sqlite3_prepare_v2(store_sqlite(st), sql, -1, &s, NULL) != SQLITE_OK)
		tap_bail("worst_ratio: %s", sqlite3_errmsg(store_sqlite(st)));
	sqlite3_bind_text(s, 1, query, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL)
		worst = sqlite3_column_double(s, 0);
	sqlite3_finalize(s);
	return worst;
}

/* A word of every fourth article, more than the ranking counts: its
 * count is estimated from where the last one counted lies, which for an
 * even spread is near enough to keep bm25's order. */
static void
test_estimate(void)
{
	char *ours, *theirs;
	double worst;

	theirs = ranking("quarterly", NULL, 0);
	ours = ranking("quarterly", "dossier_rank(1.0, 10.0, 4.0)", 0);
	ok(strlen(theirs) > 10 && strcmp(ours, theirs) == 0,
	    "12,000 articles of 48,000 have the word: bm25's order");
	free(ours);
	free(theirs);
	/* With two words, each weighed by its own estimated count, the order
	 * alone would not show a wrong estimate: the scores must be bm25's,
	 * near enough (counting only the first 2,000 would give "quarterly"
	 * a weight three times too high). */
	worst = worst_ratio("quarterly OR cargo");
	ok(worst < 0.02, "two words past the count: every score within 2%% of bm25's (worst %.4f)",
	    worst);
}

/* The length of the first K entries of a ranking's text. */
static size_t
first_entries(const char *r, size_t k)
{
	const char *p = r;

	while (k-- > 0 && (p = strchr(p, ' ')) != NULL)
		p++;
	return p != NULL ? (size_t)(p - r) : strlen(r);
}

/* Told that only the best TOP rows are wanted, the ranking bounds the
 * others' scores instead of reading their lengths: the best TOP must be
 * the same rows with the same scores, and fewer lengths read. */
/* Widening reads the leaves its candidate forms lie on and probes only
 * those it finds there: the forms found are those probing every
 * candidate finds, in an index of many segments, some of them merged in
 * part into another (their first leaves gone, their b-tree not), and
 * with a row deleted (its terms still in the leaves). */
static void
test_leaves(void)
{
	static const char *const stems[] = {
		"checkpoint", "convoy", "talk", "corridor", "border", "monitor", "a", "negotiat",
		"observer", "withdraw",
	};
	static const char *const ends[] = {
		"", "s", "ed", "ing", "er", "ers", "ation", "ations", "ly", "ness",
	};
	static const char *const queries[] = {
		"checkpoint", "checkpoints", "convoys", "talk", "talking", "corridor", "borders",
		"monitoring", "a", "negotiation", "observers", "withdrawing", "withdrawness",
		"unknownword",
	};
	char *path = xasprintf("%s/leaves.db", tap_tmpdir()), *leaves, *every, *gone = NULL;
	struct store *keep = st;
	sqlite3_stmt *add = NULL;
	struct buf body;
	sqlite3 *db;
	size_t i, k, same = 0, widened = 0, probed = 0;
	int64_t trimmed = 0;
	unsigned long p0;
	const char *w;
	int rc = 0;

	if (store_open(path, 0, &st) != 0)
		tap_bail("cannot open %s: %s", path, err_msg());
	/* Written straight into the index, in segments of 1,000 rows that
	 * are not merged as they are written. */
	db = store_sqlite(st);
	rc = sqlite3_exec(db, "INSERT INTO articles_fts(articles_fts, rank) VALUES('automerge', 0)",
	    NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO articles_fts(rowid, body, title, notes)"
	    " VALUES(?1, ?2, 'Report', '')", -1, &add, NULL) != SQLITE_OK;
	buf_init(&body);
	for (i = 0; i < 8000 && rc == 0; i++) {
		if (i % 1000 == 0)
			rc = sqlite3_exec(db, i > 0 ? "COMMIT; BEGIN" : "BEGIN", NULL, NULL, NULL) != SQLITE_OK;
		body.len = 0;   /* no numbers: the merge below is to end among words */
		buf_printf(&body, "Article");
		for (k = 0; k < ARRAY_LEN(stems) * ARRAY_LEN(ends); k++)
			if ((i * 2654435761u + k * 40503u) % 97 < 3 + k % 7)
				buf_printf(&body, " %s%s", stems[k / ARRAY_LEN(ends)],
				    ends[k % ARRAY_LEN(ends)]);
		if (i == 1234)   /* in this article alone, then deleted */
			buf_printf(&body, " withdrawnesses");
		buf_addc(&body, '\0');
		if (i == 1234)
			gone = xstrdup(body.data);
		sqlite3_bind_int64(add, 1, (int64_t)i + 1);
		sqlite3_bind_text(add, 2, body.data, -1, SQLITE_STATIC);
		rc = rc || sqlite3_step(add) != SQLITE_DONE;
		sqlite3_reset(add);
	}
	sqlite3_finalize(add);
	buf_free(&body);
	ok(rc == 0 && sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK,
	    "8,000 rows in 8 segments");
	/* A few pages of a merge of any two segments or more, twice: the
	 * second leaves out the first leaves of the segments merged. */
	if (rc == 0 && sqlite3_exec(db,
	    "INSERT INTO articles_fts(articles_fts, rank) VALUES('merge', -2);"
	    "INSERT INTO articles_fts(articles_fts, rank) VALUES('merge', -2)", NULL, NULL, NULL) == SQLITE_OK)
		rc = store_int_query(st, "SELECT count(*) FROM (SELECT id >> 37 AS seg,"
		    " min(id & 0x7fffffff) AS first FROM articles_fts_data"
		    " WHERE id >= 1 << 37 AND (id >> 31) & 63 = 0 GROUP BY seg) WHERE first > 1",
		    &trimmed, "segments");
	ok(rc == 0 && trimmed > 0, "a merge in part: %lld segments keep their later leaves only",
	    (long long)trimmed);
	rc = sqlite3_prepare_v2(db, "INSERT INTO articles_fts(articles_fts, rowid, body, title, notes)"
	    " VALUES('delete', 1235, ?1, 'Report', '')", -1, &add, NULL) != SQLITE_OK;
	if (rc == 0) {
		sqlite3_bind_text(add, 1, gone, -1, SQLITE_STATIC);
		rc = sqlite3_step(add) != SQLITE_DONE;
	}
	sqlite3_finalize(add);
	free(gone);
	ok(rc == 0, "the row with 'withdrawnesses' deleted from the index");
	for (i = 0; i < ARRAY_LEN(queries); i++) {
		store_stem_read_leaves(st, 0);
		every = store_widen_query(st, queries[i]);
		store_stem_read_leaves(st, 1);
		p0 = store_stem_probes(st);
		leaves = store_widen_query(st, queries[i]);
		for (k = 0, w = leaves; w != NULL && (w = strstr(w, " OR ")) != NULL; w++)
			k++;
		/* none but the forms found, and the one of the deleted article */
		if (store_stem_probes(st) - p0 <= k + 1)
			probed++;
		else
			diag("%s: %lu probes for %zu forms", queries[i], store_stem_probes(st) - p0, k);
		same += leaves != NULL && every != NULL && strcmp(leaves, every) == 0;
		widened += leaves != NULL && strchr(leaves, '(') != NULL;
		if (leaves == NULL || every == NULL || strcmp(leaves, every) != 0)
			diag("%s: %s from the leaves, %s probing every form", queries[i],
			    leaves ? leaves : "(null)", every ? every : "(null)");
		if (strcmp(queries[i], "withdrawness") == 0)
			ok(leaves != NULL && strstr(leaves, "withdrawnesses") == NULL,
			    "a form only a deleted article had is not offered (%s)", leaves);
		free(leaves);
		free(every);
	}
	ok(same == ARRAY_LEN(queries) && widened >= ARRAY_LEN(queries) - 2,
	    "%zu of %zu queries widened alike from the leaves and probing every form (%zu widened)",
	    same, ARRAY_LEN(queries), widened);
	ok(probed == ARRAY_LEN(queries),
	    "%zu of %zu queries probe only the forms their leaves hold", probed, ARRAY_LEN(queries));
	/* Inside a transaction the rows written wait in FTS5's memory, not
	 * in the leaves: a form only they have is offered all the same. */
	rc = sqlite3_exec(db, "BEGIN; INSERT INTO articles_fts(rowid, body, title, notes)"
	    " VALUES(9001, 'Article zephyrs', 'Report', '')", NULL, NULL, NULL);
	leaves = store_widen_query(st, "zephyr");
	ok(rc == SQLITE_OK && leaves != NULL && strstr(leaves, "zephyrs") != NULL,
	    "in a transaction, a form only its rows have is offered (%s)", leaves);
	free(leaves);
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	/* A segment number FTS5 would not write (the table edited by hand):
	 * the leaves are not read, every form is probed, the search ends. */
	every = store_widen_query(st, "checkpoint");
	rc = sqlite3_exec(db, "INSERT INTO articles_fts_idx VALUES(1.5, x'30', 2)", NULL, NULL, NULL);
	leaves = store_widen_query(st, "checkpoint");
	ok(rc == SQLITE_OK && leaves != NULL && every != NULL && strcmp(leaves, every) == 0,
	    "a segment number out of order: every form probed (%s)", leaves);
	free(leaves);
	free(every);
	store_close(st);
	st = keep;
	free(path);
}

static void
test_top(void)
{
	static const char *const queries[] = {
		"ceasefire", "corridor OR convoy", "\"cargo treaty\"", "ceasefire NOT corridor",
		"title:checkpoint", "envoy minister talks", "report",
	};
	static const size_t tops[] = { 1, 20, 57 };
	char *all, *best, *rank;
	unsigned long sall, sbest;
	size_t i, j, len;

	for (i = 0; i < ARRAY_LEN(queries); i++)
		for (j = 0; j < ARRAY_LEN(tops); j++) {
			rank = xasprintf("dossier_rank(1.0, 10.0, 4.0, %zu)", tops[j]);
			sall = store_rank_sized();
			all = ranking(queries[i], "dossier_rank(1.0, 10.0, 4.0)", 1);
			sall = store_rank_sized() - sall;
			sbest = store_rank_sized();
			best = ranking(queries[i], rank, 1);
			sbest = store_rank_sized() - sbest;
			len = first_entries(all, tops[j]);
			ok(len > 4 && first_entries(best, tops[j]) == len &&
			    strncmp(all, best, len) == 0 && sbest <= sall,
			    "%s: the best %zu as when all are scored (lengths read: %lu of %lu)",
			    queries[i], tops[j], sbest, sall);
			if (strncmp(all, best, len) != 0)
				diag("all  %.200s\nbest %.200s", all, best);
			/* a word of a fifth of the articles, in the body only */
			if (i == 0 && j == 1)
				ok(sbest < sall / 4, "%s: lengths read for the best 20, %lu of %lu",
				    queries[i], sbest, sall);
			free(all);
			free(best);
			free(rank);
		}
}

int
main(void)
{
	char *path = xasprintf("%s/s.db", tap_tmpdir());

	if (store_open(path, 0, &st) != 0)
		tap_bail("cannot open %s: %s", path, err_msg());
	test_same_as_bm25();
	test_not_as_written();
	test_widened_valid();
	test_other_forms_scores();
	test_bounded();
	test_estimate();
	test_top();
	test_leaves();
	store_close(st);
	free(path);
	return tap_done();
}
