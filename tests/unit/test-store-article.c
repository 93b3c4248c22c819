/* test-store-article.c: articles, spans, list order, state, content
 * hashes, full-text search and the JSON renderings. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/store-int.h"   /* the rows themselves */
#include "tap.h"
#include "test-db.h"
#include "util.h"

static struct store *st;

static int
exec(const char *sql)
{
	return sqlite3_exec(store_sqlite(st), sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* The query plan as one string, to check that a query uses its index. */
static char *
plan(const char *sql)
{
	char *q = xasprintf("EXPLAIN QUERY PLAN %s", sql);
	struct buf b;
	sqlite3_stmt *s;

	buf_init(&b);
	if (sqlite3_prepare_v2(store_sqlite(st), q, -1, &s, NULL) == SQLITE_OK) {
		while (sqlite3_step(s) == SQLITE_ROW) {
			buf_adds(&b, (const char *)sqlite3_column_text(s, 3));
			buf_adds(&b, "; ");
		}
		sqlite3_finalize(s);
	}
	free(q);
	return buf_detach(&b, NULL);
}

static int
fts_ok(void)
{
	return exec("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)");
}

static int
json_valid(const char *json)
{
	sqlite3_stmt *s;
	int v = 0;

	if (json == NULL)
		return 0;
	sqlite3_prepare_v2(store_sqlite(st), "SELECT json_valid(?1)", -1, &s, NULL);
	sqlite3_bind_text(s, 1, json, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return v;
}

static void
test_sha256(void)
{
	struct store_sha256 h;
	char hex[65], hex2[65];
	const char *msg = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	size_t i;

	store_sha256_init(&h);
	store_sha256_hex(&h, hex);
	is_str(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
	    "sha256 of nothing");
	store_sha256_init(&h);
	store_sha256_add(&h, "abc", 3);
	store_sha256_hex(&h, hex);
	is_str(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
	    "sha256 of abc");
	store_sha256_init(&h);
	store_sha256_add(&h, msg, strlen(msg));
	store_sha256_hex(&h, hex);
	is_str(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
	    "sha256 of the two-block test vector");
	store_sha256_init(&h);
	for (i = 0; i < strlen(msg); i++)
		store_sha256_add(&h, msg + i, 1);
	store_sha256_hex(&h, hex2);
	is_str(hex2, hex, "byte-at-a-time gives the same hash");
}

static int64_t
add(const char *title, const char *body, const char *source, const char *published,
    enum store_added *how)
{
	struct store_article a = { 0 };
	int64_t id = -1;

	a.title = xstrdup(title);
	a.body = xstrdup(body);
	a.body_len = strlen(body);
	a.source = source ? xstrdup(source) : NULL;
	a.published = published ? xstrdup(published) : NULL;
	a.format = xstrdup("text");
	if (store_begin(st) == 0 && store_article_add(st, &a, how) == 0 && store_commit(st) == 0)
		id = a.id;
	else
		diag("add failed: %s", err_msg());
	store_article_free(&a);
	return id;
}

static void
test_add_and_get(void)
{
	struct store_article a = { 0 }, b;
	struct text_span p[2] = { { 0, 5 }, { 7, 12 } }, s[3] = { { 0, 2 }, { 3, 5 }, { 7, 12 } };
	struct text_span *got;
	enum store_added how;
	size_t n;
	int64_t id, id2, id3;
	int rc;

	a.title = xstrdup("Talks in Munich");
	a.body = xstrdup("Hello\n\nworld");
	a.body_len = 12;
	a.source = xstrdup("/tmp/a.txt");
	a.outlet = xstrdup("The Ledger");
	a.published = xstrdup("2023-02-18");
	a.dateline = xstrdup("MUNICH");
	a.format = xstrdup("text");
	a.comments = xstrdup("first!");
	ok(store_begin(st) == 0 && store_article_add(st, &a, &how) == 0, "adds an article");
	is_int(how, STORE_ADDED, "reported as new");
	ok(a.id > 0 && a.hash != NULL && strlen(a.hash) == 64 && a.imported != NULL,
	    "id, hash and import time filled in");
	ok(store_spans_add(st, a.id, p, 2, s, 3) == 0, "adds paragraphs and sentences");
	ok(store_commit(st) == 0, "commits");
	ok(store_article_get(st, a.id, &b) == 0, "reads it back");
	is_str(b.title, "Talks in Munich", "title");
	is_mem(b.body, b.body_len, "Hello\n\nworld", 12, "body");
	is_str(b.comments, "first!", "comments kept apart");
	is_str(b.dateline, "MUNICH", "dateline");
	is_str(b.outlet, "The Ledger", "outlet");
	is_str(b.published, "2023-02-18", "date");
	is_str(b.hash, a.hash, "hash");
	is_int(b.previous_id, 0, "no previous version");
	store_article_free(&b);
	ok(store_paragraphs_get(st, a.id, &got, &n) == 0 && n == 2 && got[1].start == 7 &&
	    got[1].end == 12, "paragraph spans round-trip");
	free(got);
	ok(store_sentences_get(st, a.id, &got, &n) == 0 && n == 3 && got[1].start == 3,
	    "sentence spans round-trip");
	free(got);

	id = a.id;
	store_article_free(&a);
	id2 = add("Talks in Munich", "Hello\n\nworld", "/elsewhere.txt", NULL, &how);
	/* Same title and body but no comments: different content. */
	ok(id2 != id && how == STORE_ADDED, "comments are part of the content");
	id3 = add("Talks in Munich", "Hello\n\nworld", "/other.txt", NULL, &how);
	ok(id3 == id2 && how == STORE_DUPLICATE, "identical content is a duplicate, even "
	    "from another file");
	id3 = add("Talks in Munich", "Hello\n\nworld, updated", "/elsewhere.txt", NULL, &how);
	/* Whether it is a version is the import's decision (it compares the
	 * texts); the store lists the candidates and records the link. */
	ok(id3 > id2 && how == STORE_ADDED, "changed content from the same source is added");
	{
		int64_t ids[4];
		size_t count;

		ok(store_article_by_source(st, "/elsewhere.txt", ids, 4, &count) == 0 && count == 2 &&
		    ids[0] == id3 && ids[1] == id2, "a source's articles, newest first");
	}
	ok(store_begin(st) == 0 && store_article_set_previous(st, id3, id2) == 0 &&
	    store_commit(st) == 0 && store_article_get(st, id3, &b) == 0 && b.previous_id == id2,
	    "linked to the previous version");
	store_article_free(&b);
	rc = store_article_get(st, 999999, &b);
	ok(rc == -1 && strstr(err_msg(), "999999") != NULL, "missing article named: %s",
	    err_msg());
	ok(fts_ok() == 0, "full-text index consistent after adds");
}

static void
test_rollback(void)
{
	enum store_added how;
	struct store_article a = { 0 };
	int64_t before = db_int(st, "SELECT count(*) FROM articles");

	a.title = xstrdup("Rolled back");
	a.body = xstrdup("zebra unicorn");
	a.body_len = strlen(a.body);
	a.format = xstrdup("text");
	ok(store_begin(st) == 0 && store_article_add(st, &a, &how) == 0 &&
	    store_rollback(st) == 0, "add then roll back");
	is_int(db_int(st, "SELECT count(*) FROM articles"), before, "nothing left behind");
	is_int(db_int(st, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'unicorn'"),
	    0, "nor in the index");
	store_article_free(&a);
}

static void
test_page(void)
{
	struct store_article_brief *rows;
	enum store_added how;
	int64_t n, ids[5];
	size_t k, i, idx;
	char *p;

	exec("DELETE FROM spans; DELETE FROM articles");
	ids[0] = add("undated one", "u1", NULL, NULL, &how);
	ids[1] = add("old", "o", NULL, "2023-01-01", &how);
	ids[2] = add("new", "n", NULL, "2024-05-01", &how);
	ids[3] = add("undated two", "u2", NULL, NULL, &how);
	ids[4] = add("same day", "s", NULL, "2024-05-01", &how);
	ok(store_article_count(st, &n) == 0 && n == 5, "count");
	ok(store_article_page(st, 0, 10, &rows, &k) == 0 && k == 5, "whole list");
	ok(k == 5 && rows[0].id == ids[4] && rows[1].id == ids[2] && rows[2].id == ids[1] &&
	    rows[3].id == ids[3] && rows[4].id == ids[0],
	    "newest first, later import first on the same day, undated last");
	is_str(k ? rows[0].title : NULL, "same day", "brief title");
	store_article_brief_free(rows, k);
	ok(store_article_page(st, 1, 2, &rows, &k) == 0 && k == 2 && rows[0].id == ids[2] &&
	    rows[1].id == ids[1], "a page in the middle");
	store_article_brief_free(rows, k);
	ok(store_article_page(st, 5, 2, &rows, &k) == 0 && k == 0 && rows == NULL,
	    "past the end is empty");
	for (i = 0; i < 5; i++) {
		int64_t want[5] = { ids[4], ids[2], ids[1], ids[3], ids[0] };
		ok(store_article_index(st, want[i], &idx) == 0 && idx == i,
		    "index of list row %zu", i);
	}
	ok(store_article_index(st, 424242, &idx) == -1, "index of a missing article fails");
	p = plan("SELECT a.id FROM articles a ORDER BY a.published DESC, a.id DESC LIMIT 5");
	ok(strstr(p, "TEMP B-TREE") == NULL && strstr(p, "articles_order") != NULL,
	    "list order is read from the index: %s", p);
	free(p);
}

static void
test_state(void)
{
	char *v;

	ok(store_state_get(st, "reader.position", &v) == 0 && v == NULL, "unset key is NULL");
	ok(store_state_set(st, "reader.position", "12") == 0, "set");
	ok(store_state_set(st, "reader.position", "13") == 0, "set again replaces");
	ok(store_state_get(st, "reader.position", &v) == 0 && v != NULL && strcmp(v, "13") == 0,
	    "get");
	free(v);
	ok(store_state_set(st, "reader.position", NULL) == 0 &&
	    store_state_get(st, "reader.position", &v) == 0 && v == NULL, "unset");
}

static void
test_search(void)
{
	struct store_hit *hits;
	enum store_added how;
	int64_t a, b, c;
	size_t n;
	char *json, *p;
	int rc;

	exec("DELETE FROM articles");
	a = add("Checkpoints on the corridor", "The minister spoke about traffic.", NULL,
	    "2023-02-28", &how);
	b = add("A meeting in Moscow", "Questions about checkpoints came up late in the talks.",
	    NULL, "2023-07-25", &how);
	c = add("Kosovo comparison", "He compared it to an agreement between Belgrade and "
	    "Priština on local self-government.", NULL, NULL, &how);
	ok(store_search(st, "checkpoints", 0, 10, "[", "]", &hits, &n) == 0 && n == 2,
	    "two articles match");
	ok(n == 2 && hits[0].id == a && hits[1].id == b, "a title match ranks first");
	ok(n == 2 && strstr(hits[1].snippet, "[checkpoints]") != NULL,
	    "snippet marks the term: %s", n == 2 ? hits[1].snippet : "");
	ok(n == 2 && strcmp(hits[0].published, "2023-02-28") == 0, "hit carries its date");
	store_hits_free(hits, n);
	ok(store_search(st, "checkpoints", 1, 1, "[", "]", &hits, &n) == 0 && n == 1 &&
	    hits[0].id == b, "offset and limit page the ranking");
	store_hits_free(hits, n);
	ok(store_search(st, "pristina", 0, 10, "[", "]", &hits, &n) == 0 && n == 1 &&
	    hits[0].id == c, "diacritics folded: pristina finds Priština");
	store_hits_free(hits, n);
	rc = store_search(st, "\"checkpoints AND", 0, 10, "[", "]", &hits, &n);
	ok(rc == -1 && strstr(err_msg(), "bad search query") != NULL &&
	    strchr(err_msg(), '\n') == NULL, "malformed query: one line: %s", err_msg());
	ok(store_search(st, "nosuchcolumn: x", 0, 10, "[", "]", &hits, &n) == -1,
	    "unknown column refused");
	ok(store_search(st, "zzzz", 0, 10, "[", "]", &hits, &n) == 0 && n == 0,
	    "no match is no rows");
	p = plan("SELECT f.rowid FROM articles_fts f JOIN articles a ON a.id = f.rowid"
	    " WHERE articles_fts MATCH 'x' ORDER BY f.rank LIMIT 5");
	ok(strstr(p, "TEMP B-TREE") == NULL, "ranking is not re-sorted by SQLite: %s", p);
	free(p);

	/* Notes are searchable, and stay consistent through every change. */
	{
		char *sql = xasprintf("INSERT INTO annotations(uuid, article_id, start, end, quote,"
		    " note) VALUES ('u2', %lld, 0, 3, 'The', 'compare with the walrus memo')",
		    (long long)a);
		ok(exec(sql) == 0, "annotation with a note added");
		free(sql);
	}
	ok(store_search(st, "walrus", 0, 10, "[", "]", &hits, &n) == 0 && n == 1 &&
	    hits[0].id == a, "note text is searchable");
	store_hits_free(hits, n);
	ok(fts_ok() == 0, "index consistent after a note");
	ok(exec("UPDATE annotations SET note = 'now about penguins' WHERE uuid = 'u2'") == 0 &&
	    fts_ok() == 0, "note edited, index consistent");
	ok(store_search(st, "walrus", 0, 10, "[", "]", &hits, &n) == 0 && n == 0,
	    "old note text gone");
	ok(store_search(st, "penguins", 0, 10, "[", "]", &hits, &n) == 0 && n == 1,
	    "new note text found");
	store_hits_free(hits, n);
	ok(exec("UPDATE annotations SET state = 'deleted' WHERE uuid = 'u2'") == 0 &&
	    fts_ok() == 0 && store_search(st, "penguins", 0, 10, "[", "]", &hits, &n) == 0 &&
	    n == 0, "deleted annotation's note no longer found");
	ok(exec("DELETE FROM annotations") == 0 && fts_ok() == 0, "annotations removed");

	rc = store_json_search(st, "checkpoints", 0, 10, "[", "]", &json);
	ok(rc == 0 && json_valid(json) && strstr(json, "\"snippet\":") != NULL,
	    "search as JSON: %s", json ? json : "");
	free(json);
	ok(store_json_search(st, "AND AND", 0, 10, "[", "]", &json) == -1 &&
	    strstr(err_msg(), "bad search query") != NULL, "JSON search reports a bad query");
	ok(store_json_search(st, "zzzz", 0, 10, "[", "]", &json) == 0 && json != NULL &&
	    strcmp(json, "[]") == 0, "no match is an empty JSON array");
	free(json);
}

/* A query matching more articles than the ranking window: the newest
 * matches are ranked, pages beyond the window are still reachable, and an
 * unlimited search ranks them all. */
static void
test_search_window(void)
{
	struct store_hit *hits;
	struct store_article a = { 0 };
	enum store_added how;
	size_t n, i, total = 4100;
	int64_t oldest = 0;
	int rc = 0;

	store_begin(st);
	for (i = 0; i < total && rc == 0; i++) {
		a.title = xasprintf("Numbered %zu", i);
		a.body = xasprintf("A common word, wombat, in article %zu.", i);
		a.body_len = strlen(a.body);
		a.format = xstrdup("text");
		rc = store_article_add(st, &a, &how);
		if (i == 0)
			oldest = a.id;
		store_article_free(&a);
	}
	ok(rc == 0 && store_commit(st) == 0, "%zu articles sharing a word", total);
	rc = store_search(st, "wombat", 0, 10, "[", "]", &hits, &n);
	ok(rc == 0 && n == 10, "a page of a very common word");
	store_hits_free(hits, n);
	rc = store_search(st, "wombat", total - 5, 10, "[", "]", &hits, &n);
	ok(rc == 0 && n == 5, "its last page is reachable (%zu rows)", n);
	store_hits_free(hits, n);
	rc = store_search(st, "wombat", 0, SIZE_MAX, "[", "]", &hits, &n);
	ok(rc == 0 && n == total, "unlimited: every match (%zu)", n);
	for (i = 0; rc == 0 && i < n && hits[i].id != oldest; i++)
		;
	ok(i < n, "including the oldest");
	store_hits_free(hits, n);
	rc = store_search(st, "wombat AND", 0, 10, "[", "]", &hits, &n);
	ok(rc == -1 && strstr(err_msg(), "bad search query") != NULL,
	    "a bad query is reported before ranking: %s", err_msg());
	exec("DELETE FROM articles");
}

static void
test_json(void)
{
	enum store_added how;
	int64_t id;
	char *json;
	int rc;

	id = add("Quotes \"and\" back\\slashes", "Line one\nLine \"two\"\ttab", NULL,
	    "2023-03-20", &how);
	rc = store_json_page(st, 0, 100, &json);
	ok(rc == 0 && json_valid(json) && strstr(json, "\\\"and\\\"") != NULL,
	    "list as JSON escapes quotes: %s", json ? json : "");
	free(json);
	rc = store_json_article(st, id, 1, &json);
	ok(rc == 0 && json_valid(json) && strstr(json, "\"comments\":null") != NULL &&
	    strstr(json, "\\n") != NULL, "article as JSON: %s", json ? json : "");
	free(json);
	ok(store_json_article(st, id, 0, &json) == 0 && strstr(json, "comments") == NULL,
	    "comments only when asked");
	free(json);
	rc = store_json_article(st, 777777, 0, &json);
	ok(rc == -1 && strstr(err_msg(), "777777"), "missing article as JSON: %s", err_msg());
	exec("DELETE FROM articles");
	ok(store_json_page(st, 0, 100, &json) == 0 && strcmp(json, "[]") == 0,
	    "empty list is []");
	free(json);
}

/* The position of each article, from the counts kept per year and day,
 * and the page from each one by its key, agree with the list as paged by
 * offset, through inserts, a changed date and deletions. */
static int
positions_agree(const char *when)
{
	struct store_article_brief *all = NULL, *at = NULL;
	size_t n = 0, m = 0, i, idx;
	int64_t count = -1;
	int good = 1;

	if (store_article_page(st, 0, 100000, &all, &n) != 0 ||
	    store_article_count(st, &count) != 0)
		return 0;
	if ((size_t)count != n) {
		diag("%s: count %lld, list %zu", when, (long long)count, n);
		good = 0;
	}
	for (i = 0; good && i < n; i++) {
		if (store_article_index(st, all[i].id, &idx) != 0 || idx != i) {
			diag("%s: article %lld is row %zu, index says %zu", when,
			    (long long)all[i].id, i, idx);
			good = 0;
		}
		if (store_article_page_at(st, all[i].id, 3, &at, &m) != 0 ||
		    m != (n - i < 3 ? n - i : 3) || (m > 0 && at[0].id != all[i].id) ||
		    (m > 2 && at[2].id != all[i + 2].id)) {
			diag("%s: the page at article %lld is wrong (%zu rows)", when,
			    (long long)all[i].id, m);
			good = 0;
		}
		store_article_brief_free(at, m);
		at = NULL;
		if (store_article_page_before(st, all[i].id, 2, &at, &m) != 0 ||
		    m != (i < 2 ? i : 2) || (m > 0 && at[m - 1].id != all[i - 1].id) ||
		    (m > 1 && at[0].id != all[i - 2].id)) {
			diag("%s: the page before article %lld is wrong (%zu rows)", when,
			    (long long)all[i].id, m);
			good = 0;
		}
		store_article_brief_free(at, m);
		at = NULL;
	}
	if (store_article_page_last(st, 4, &at, &m) != 0 || m != (n < 4 ? n : 4) ||
	    (m > 0 && at[m - 1].id != all[n - 1].id) || (m > 3 && at[0].id != all[n - 4].id)) {
		diag("%s: the last page is wrong (%zu rows)", when, m);
		good = 0;
	}
	store_article_brief_free(at, m);
	store_article_brief_free(all, n);
	return good;
}

static void
test_positions(void)
{
	static const char *const dates[] = { "2024-03-01", "2024-03-01", "2024-03-02",
		"2023-12-31", NULL, "2024-03-01T10:00:00Z", NULL, "1999", "2024-03-02", NULL,
		"2031-01-01", "2024-02-29" };
	enum store_added how;
	size_t i, idx;
	char title[32], body[32];
	char *p;

	exec("DELETE FROM articles");
	for (i = 0; i < ARRAY_LEN(dates); i++) {
		snprintf(title, sizeof title, "position %zu", i);
		snprintf(body, sizeof body, "body %zu", i);
		add(title, body, NULL, dates[i], &how);
	}
	ok(positions_agree("inserted"), "positions and pages by key agree with the list");
	exec("UPDATE articles SET published = '2024-03-01' WHERE title = 'position 4'");
	exec("UPDATE articles SET published = NULL WHERE title = 'position 10'");
	ok(positions_agree("dates changed"), "and after dates change");
	exec("DELETE FROM articles WHERE title IN ('position 0', 'position 6', 'position 7')");
	ok(positions_agree("deleted"), "and after deletions");
	is_int(db_int(st, "SELECT count(*) FROM list_years WHERE n <= 0"), 0,
	    "no empty buckets are left");
	ok(store_article_index(st, 999999, &idx) == -1, "a missing article has no position");
	p = plan("SELECT count(*) FROM articles WHERE published = '2024-03-01' AND id > 3");
	ok(strstr(p, "articles_order") != NULL, "the count within a day uses the index (%s)", p);
	free(p);
	p = plan("SELECT a.id FROM articles a WHERE (a.published, a.id) <= ('2024', 3)"
	    " ORDER BY a.published DESC, a.id DESC LIMIT 5");
	ok(strstr(p, "articles_order") != NULL && strstr(p, "TEMP B-TREE") == NULL,
	    "a page by key is an index range (%s)", p);
	free(p);
	p = plan("SELECT a.id FROM articles a WHERE (a.published, a.id) > ('2024', 3)"
	    " ORDER BY a.published, a.id LIMIT 5");
	ok(strstr(p, "articles_order") != NULL && strstr(p, "TEMP B-TREE") == NULL,
	    "so is the page before it (%s)", p);
	free(p);
	exec("DELETE FROM articles");
}

/* Spans are packed as varints (schema 17): lists of every shape come
 * back as they went in, and a damaged list is refused with the article
 * named, not read as other offsets. */
static void
test_spans(void)
{
	struct text_span big[3] = { { 0, 300 }, { 70000, 4000000000u }, { 4000000001u, 4294967295u } };
	struct text_span back[3] = { { 10, 20 }, { 5, 15 }, { 15, 15 } };
	struct text_span *got;
	size_t n;
	int64_t id = add("spans", "body of spans", NULL, NULL, &(enum store_added){ 0 });

	ok(store_begin(st) == 0 && store_spans_add(st, id, big, 3, NULL, 0) == 0 &&
	    store_commit(st) == 0, "large offsets and an empty list are stored");
	ok(store_paragraphs_get(st, id, &got, &n) == 0 && n == 3 && got[0].end == 300 &&
	    got[1].start == 70000 && got[1].end == 4000000000u && got[2].start == 4000000001u &&
	    got[2].end == 4294967295u, "offsets up to 2^32 - 1 round-trip");
	free(got);
	ok(store_sentences_get(st, id, &got, &n) == 0 && n == 0 && got == NULL,
	    "the empty list is empty");
	exec("DELETE FROM spans WHERE article_id = (SELECT max(id) FROM articles)");
	ok(store_begin(st) == 0 && store_spans_add(st, id, back, 3, back, 1) == 0 &&
	    store_commit(st) == 0, "spans that start before the last one ended are stored");
	ok(store_paragraphs_get(st, id, &got, &n) == 0 && n == 3 && got[1].start == 5 &&
	    got[1].end == 15 && got[2].start == 15 && got[2].end == 15,
	    "and come back in their order");
	free(got);
	is_int(db_int(st, "SELECT length(sentences) FROM spans WHERE article_id = (SELECT max(id) FROM articles)"),
	    2, "a span of 10 bytes 10 bytes in takes 2 bytes, not 8");
	exec("UPDATE spans SET paragraphs = x'80' WHERE article_id = (SELECT max(id) FROM articles)");
	ok(store_paragraphs_get(st, id, &got, &n) == -1 && n == 0 && got == NULL &&
	    strstr(err_msg(), "damaged") != NULL, "a cut-off list is refused (%s)", err_msg());
	err_clear();
}

int
main(void)
{
	char *path = xasprintf("%s/a.db", tap_tmpdir());

	test_sha256();
	if (store_open(path, 0, &st) != 0)
		tap_bail("cannot open %s: %s", path, err_msg());
	test_add_and_get();
	test_rollback();
	test_page();
	test_state();
	test_search();
	test_search_window();
	test_json();
	test_positions();
	test_spans();
	ok(store_check(st, 1) == 0, "database intact at the end");
	store_close(st);
	free(path);
	return tap_done();
}
