/* test-store-fts.c: articles committed waiting for the full-text index
 * (store_fts_hold) and indexed later, several batches as one segment
 * (store_fts_index), the index's settings left as they were. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/store-int.h"   /* the rows themselves */
#include "tap.h"
#include "util.h"

static struct store *st;

/* The first column of the first row of SQL as an integer; -1 on error. */
static int64_t
count(const char *sql)
{
	sqlite3_stmt *s;
	int64_t n = -1;

	if (sqlite3_prepare_v2(store_sqlite(st), sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

/* The index's settings, one string. */
static char *
settings(void)
{
	sqlite3_stmt *s;
	char *v = NULL;

	if (sqlite3_prepare_v2(store_sqlite(st), "SELECT group_concat(k || '=' || v, ' ')"
	    " FROM (SELECT k, v FROM articles_fts_config ORDER BY k)", -1, &s, NULL) != SQLITE_OK)
		return xstrdup("");
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0) != NULL)
		v = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return v != NULL ? v : xstrdup("");
}

/* Segments of the index: the segment id is a data row's id over 2^37
 * (fts5_index.c, FTS5_SEGMENT_ROWID); rows 1 and 10 are the averages and
 * the structure. */
static int64_t
segments(void)
{
	return count("SELECT count(DISTINCT id >> 37) FROM articles_fts_data WHERE id > 10");
}

/* One SQLite varint of B (N bytes) at *I. */
static int64_t
varint(const unsigned char *b, int n, int *i)
{
	int64_t v = 0;
	int j;

	for (j = 0; j < 9 && *i < n; j++) {
		unsigned char c = b[(*i)++];

		if (j == 8)
			return (v << 8) | c;
		v = (v << 7) | (c & 0x7f);
		if (!(c & 0x80))
			break;
	}
	return v;
}

/* The index's structure (fts5_index.c): a cookie, then varints nLevel,
 * nSegment and nWriteCounter (the leaves written with automerge on), then
 * for each level nMerge and nSeg and each segment's id and first and last
 * page. Sets *COUNTER and *MOST (the most segments a level holds); -1 for
 * a structure of another version than the one read here. */
static int
structure(int64_t *counter, int64_t *most)
{
	sqlite3_stmt *s;
	const unsigned char *b;
	int64_t levels, segs;
	int n, i = 4, l, k, rc = -1;

	*counter = *most = -1;
	if (sqlite3_prepare_v2(store_sqlite(st), "SELECT block FROM articles_fts_data"
	    " WHERE id = 10", -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW) {
		b = sqlite3_column_blob(s, 0);
		n = sqlite3_column_bytes(s, 0);
		if (n > 8 && b[4] != 0xff) {
			levels = varint(b, n, &i);
			varint(b, n, &i);
			*counter = varint(b, n, &i);
			*most = 0;
			for (l = 0; l < levels && i < n; l++) {
				varint(b, n, &i);
				segs = varint(b, n, &i);
				if (segs > *most)
					*most = segs;
				for (k = 0; k < 3 * segs; k++)
					varint(b, n, &i);
			}
			rc = i == n ? 0 : -1;
		}
	}
	sqlite3_finalize(s);
	return rc;
}

static int64_t
merge_counter(void)
{
	int64_t counter, most;

	return structure(&counter, &most) == 0 ? counter : -1;
}

static int64_t
level_most(void)
{
	int64_t counter, most;

	return structure(&counter, &most) == 0 ? most : -1;
}

static int64_t
matching(const char *q)
{
	char *sql = xasprintf("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '%s'", q);
	int64_t n = count(sql);

	free(sql);
	return n;
}

/* Stores N articles from number FIRST in one transaction, waiting for the
 * index (an import's batch that does not write the index); each has
 * WORDS words of its own, so that their terms take megabytes. */
static int
batch(int first, int n, int words)
{
	struct buf body;
	int i, j, rc = 0;

	if (store_begin(st) != 0 || store_fts_defer_new(st) != 0)
		return -1;
	buf_init(&body);
	for (i = first; i < first + n && rc == 0; i++) {
		struct store_article a = { 0 };
		enum store_added how;

		buf_reset(&body);
		buf_printf(&body, "Article %d on the corridor talks.", i);
		for (j = 0; j < words; j++)
			buf_printf(&body, " w%dx%d", i, j);
		a.title = xasprintf("Batch article %d", i);
		a.body = xstrdup(body.data);
		a.body_len = body.len;
		a.format = xstrdup("text");
		rc = store_article_add(st, &a, &how);
		store_article_free(&a);
	}
	buf_free(&body);
	if (rc == 0)
		rc = store_fts_hold(st);
	if (rc != 0) {
		diag("batch failed: %s", err_msg());
		store_rollback(st);
		return -1;
	}
	return store_commit(st);
}

static int
index_all(size_t hash)
{
	if (store_begin(st) != 0)
		return -1;
	if ((hash > 0 ? store_fts_index(st, hash) : store_fts_flush(st)) != 0) {
		diag("indexing failed: %s", err_msg());
		store_rollback(st);
		return -1;
	}
	return store_commit(st);
}

int
main(void)
{
	char *path = xasprintf("%s/fts.db", tap_tmpdir());
	char *before, *after;
	int64_t seg;
	int waiting;

	if (store_open(path, 0, &st) != 0)
		tap_bail("cannot open %s: %s", path, err_msg());
	before = settings();

	ok(batch(0, 50, 10) == 0 && batch(50, 50, 10) == 0, "two batches committed");
	is_int(count("SELECT count(*) FROM articles"), 100, "their articles are stored");
	is_int(matching("corridor"), 0, "and not in the index yet");
	is_int(count("SELECT count(*) FROM fts_pending"), 100, "they wait in fts_pending");
	is_int(count("SELECT count(*) FROM state WHERE key = '" FTS_DEFER_KEY "'"), 0,
	    "no deferral is left on after the commit");
	ok(store_fts_waiting(st, &waiting) == 0 && waiting, "store_fts_waiting says so");

	/* An article added outside a batch goes into the index at once. */
	ok(store_begin(st) == 0, "a writer outside the import");
	{
		struct store_article a = { 0 };
		enum store_added how;

		a.title = xstrdup("A note on the corridor");
		a.body = xstrdup("Written by hand.");
		a.body_len = strlen(a.body);
		a.format = xstrdup("text");
		ok(store_article_add(st, &a, &how) == 0 && store_commit(st) == 0,
		    "adds an article");
		store_article_free(&a);
	}
	is_int(matching("corridor"), 1, "which is indexed; those waiting still wait");

	seg = segments();
	ok(index_all((size_t)64 << 20) == 0, "the waiting articles are indexed");
	is_int(matching("corridor"), 101, "every article once");
	is_int(matching("w7x3"), 1, "each with its own words");
	is_int(count("SELECT count(*) FROM fts_pending"), 0, "none waits");
	ok(store_fts_waiting(st, &waiting) == 0 && !waiting, "store_fts_waiting says none");
	is_int(segments() - seg, 1, "two batches made one segment");
	after = settings();
	is_str(after, before, "the index's settings are as they were");
	free(after);

	/* Terms of more than FTS5's default hashsize (1 MiB): a plain flush
	 * writes several segments, store_fts_index one. */
	ok(batch(1000, 400, 300) == 0, "a batch of many words");
	seg = segments();
	ok(index_all(0) == 0, "indexed by store_fts_flush");
	ok(segments() - seg > 1, "in %lld segments", (long long)(segments() - seg));
	ok(batch(2000, 400, 300) == 0, "the same again");
	seg = segments();
	ok(index_all((size_t)64 << 20) == 0, "indexed by store_fts_index");
	is_int(segments() - seg, 1, "in one segment");
	is_int(matching("w2399x299"), 1, "the last word of the last article is found");

	/* FTS5's automerge folds segments together as they are written,
	 * counting in the structure the leaves written while it is on; an
	 * import's index writes leave merging to later writers and to the
	 * crisis merge (64 segments on a level). */
	{
		int64_t w0, w1, w2;
		int i, rc = 0;

		w0 = merge_counter();
		for (i = 0; i < 4 && rc == 0; i++)
			rc = batch(4000 + 20 * i, 20, 200) || index_all(0);
		w1 = merge_counter();
		ok(rc == 0 && w0 >= 0 && w1 > w0, "flushes count for automerge (%lld to %lld)",
		    (long long)w0, (long long)w1);
		for (i = 0; i < 4 && rc == 0; i++)
			rc = batch(5000 + 20 * i, 20, 200) || index_all((size_t)64 << 20);
		w2 = merge_counter();
		ok(rc == 0 && w2 == w1, "index writes run without it (%lld)", (long long)w2);
	}

	/* A level is merged whole when it holds automerge's 16 segments. */
	{
		int64_t most = 0, w = merge_counter();
		int i, rc = 0;

		for (i = 0; i < 40 && rc == 0; i++) {
			rc = batch(6000 + 5 * i, 5, 20) || index_all((size_t)64 << 20);
			if (level_most() > most)
				most = level_most();
		}
		ok(rc == 0 && most > 0 && most < 16, "40 index writes: at most %lld segments a level",
		    (long long)most);
		is_int(merge_counter(), w, "and none counted for automerge");
	}

	/* A setting of the database's own is kept, not replaced by FTS5's
	 * default. */
	ok(sqlite3_exec(store_sqlite(st), "INSERT INTO articles_fts(articles_fts, rank)"
	    " VALUES ('hashsize', 2097152)", NULL, NULL, NULL) == SQLITE_OK, "a hashsize set");
	before = (free(before), settings());
	ok(batch(3000, 10, 10) == 0 && index_all((size_t)64 << 20) == 0, "another index write");
	after = settings();
	is_str(after, before, "keeps it: %s", after);
	free(after);
	free(before);

	ok(sqlite3_exec(store_sqlite(st), "INSERT INTO articles_fts(articles_fts, rank)"
	    " VALUES ('integrity-check', 1)", NULL, NULL, NULL) == SQLITE_OK,
	    "the index matches the articles");
	ok(store_check(st, 1) == 0, "database intact at the end");
	store_close(st);
	free(path);
	return tap_done();
}
