/* test-store-body.c: the words of statements and mentions cut from their
 * article's body through the blob handle (store-body.c): several rows of
 * one article, rows of several, a span ending at the body's end, offsets
 * past it and an article gone give what reading the whole body gave; a
 * handle that failed to move to an article serves the next one; and a
 * span at the start of a long body reads a few of its pages, not all. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/store-int.h"   /* the body cache and the connection */
#include "tap.h"
#include "util.h"

#define SHORT "Short body, one statement."

static char *long_body;
static size_t long_len;

static void
exec(struct store *st, const char *sql)
{
	if (sqlite3_exec(store_sqlite(st), sql, NULL, NULL, NULL) != SQLITE_OK)
		tap_bail("%s: %s", sql, sqlite3_errmsg(store_sqlite(st)));
}

/* Article 1 is long (sentences numbered, so every span is its own text),
 * article 2 short; entity 1 speaks and is mentioned in both. */
static struct store *
build(const char *path)
{
	struct store *st;
	sqlite3_stmt *s;
	struct buf b;
	int i;

	buf_init(&b);
	for (i = 0; i < 2000; i++)
		buf_printf(&b, "Sentence %04d is here. ", i);
	long_body = buf_detach(&b, &long_len);
	if (store_open(path, 0, &st) != 0)
		tap_bail("cannot open %s: %s", path, err_msg());
	exec(st, "INSERT INTO entities(id, name, kind) VALUES (1, 'Often', 'person')");
	if (sqlite3_prepare_v2(store_sqlite(st), "INSERT INTO articles(id, title, format, body,"
	    " hash, published) VALUES (?1, 't', 'text', ?2, 'h' || ?1, ?3)", -1, &s, NULL) !=
	    SQLITE_OK)
		tap_bail("insert: %s", sqlite3_errmsg(store_sqlite(st)));
	sqlite3_bind_int64(s, 1, 1);
	sqlite3_bind_text(s, 2, long_body, (int)long_len, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, "2024-01-02", -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE)
		tap_bail("article 1: %s", sqlite3_errmsg(store_sqlite(st)));
	sqlite3_reset(s);
	sqlite3_bind_int64(s, 1, 2);
	sqlite3_bind_text(s, 2, SHORT, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, "2024-01-01", -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE)
		tap_bail("article 2: %s", sqlite3_errmsg(store_sqlite(st)));
	sqlite3_finalize(s);
	return st;
}

static void
add_spans(struct store *st)
{
	char *sql = xasprintf(
	    "INSERT INTO statements(article_id, speaker_id, start, end, published) VALUES"
	    " (1, 1, 23, 46, '2024-01-02'), (1, 1, 0, 23, '2024-01-02'),"
	    " (1, 1, %zu, %zu, '2024-01-02'), (1, 1, %zu, %zu, '2024-01-02'),"
	    " (2, 1, 0, 10, '2024-01-01'), (2, 1, 12, 26, '2024-01-01');"
	    "INSERT INTO mentions(article_id, start, end, entity_id) VALUES"
	    " (1, 0, 8, 1), (1, %zu, %zu, 1), (2, 0, 5, 1), (2, 20, 99, 1);",
	    long_len - 23, long_len, long_len - 10, long_len + 5, long_len - 14, long_len - 10);

	exec(st, sql);
	free(sql);
}

/* The words as the whole body gives them: NULL past its end. */
static char *
want(int64_t article, size_t start, size_t end)
{
	const char *body = article == 1 ? long_body : SHORT;
	size_t len = article == 1 ? long_len : strlen(SHORT);

	return start <= end && end <= len ? xstrndup(body + start, end - start) : NULL;
}

static void
test_statements(struct store *st)
{
	struct store_statement *v;
	size_t n, i;
	int same = 1;

	if (store_article_statements(st, 1, &v, &n) != 0)
		tap_bail("statements of 1: %s", err_msg());
	is_int((long long)n, 4, "four statements in the long article");
	for (i = 0; i < n; i++) {
		char *w = want(1, v[i].start, v[i].end);

		if ((w == NULL) != (v[i].text == NULL) || (w != NULL && strcmp(w, v[i].text) != 0)) {
			diag("row %zu [%zu, %zu): got %s", i, v[i].start, v[i].end,
			    v[i].text ? v[i].text : "NULL");
			same = 0;
		}
		free(w);
	}
	ok(same, "several rows of one article: each its own words, one past the end none");
	if (n == 4) {
		is_str(v[0].text, "Sentence 0000 is here. ", "the first row, at the body's start");
		is_str(v[2].text, "Sentence 1999 is here. ", "a span ending at the body's end");
		ok(v[3].text == NULL, "a span past the body's end has no words");
	}
	store_statement_list_free(v, n);

	if (store_statements_find(st, 0, 1, 0, NULL, 0, SIZE_MAX, &v, &n) != 0)
		tap_bail("statements by 1: %s", err_msg());
	is_int((long long)n, 6, "six statements by the speaker, in two articles");
	if (n == 6) {
		is_str(v[0].text, "Sentence 0000 is here. ", "by: the newest article's first row");
		ok(v[3].text == NULL, "by: the row past the end has none");
		is_str(v[4].text, "Short body", "by: the next article's first row");
		is_str(v[5].text, "one statement.", "by: and its second");
	}
	store_statement_list_free(v, n);
}

static void
test_mentions(struct store *st)
{
	struct store_mention *m;
	size_t n;

	if (store_entity_mentions(st, 1, NULL, 0, SIZE_MAX, &m, &n) != 0)
		tap_bail("mentions of 1: %s", err_msg());
	is_int((long long)n, 4, "four mentions in two articles");
	if (n == 4) {
		is_str(m[0].text, "Sentence", "a mention at the start of the long body");
		is_str(m[1].text, "1999", "one near its end, in the same article");
		is_str(m[2].text, "Short", "one in the short body");
		ok(m[3].text == NULL, "one past the short body's end has no words");
	}
	store_mention_list_free(m, n);
}

static void
test_handle(struct store *st)
{
	struct store_body_cache c = { 0 };
	char *w;

	exec(st, "INSERT INTO articles(id, title, format, body, hash) VALUES"
	    " (4, 't', 'text', 'Gone soon.', 'h4'); DELETE FROM articles WHERE id = 4;");
	w = store_body_words(st, &c, 1, 9, 13);
	is_str(w, "0000", "the handle opened on an article");
	free(w);
	ok(store_body_words(st, &c, 4, 0, 4) == NULL, "an article deleted has no words");
	w = store_body_words(st, &c, 2, 0, 5);
	is_str(w, "Short", "the next article is read after the handle failed to move");
	free(w);
	ok(store_body_words(st, &c, 99, 0, 1) == NULL, "an article that never was has none");
	ok(store_body_words(st, &c, 2, 5, 4) == NULL, "a span ending before it starts has none");
	is_int(store_body_load(st, &c, 1, 0, long_len + 1), -1, "a range past the end loads nothing");
	w = store_body_words(st, &c, 1, long_len - 4, long_len);
	is_str(w, "re. ", "and the article's rows inside it still read");
	free(w);
	is_int(store_body_load(st, &c, 1, 23, 69), 0, "a range loaded once");
	w = store_body_words(st, &c, 1, 46, 69);
	is_str(w, "Sentence 0002 is here. ", "a row inside it is cut from it");
	free(w);
	store_body_cache_free(&c);
	ok(c.blob == NULL && c.body == NULL, "freed: no handle is left open");
}

/* Pages SQLite read from the file since the last call. */
static int
misses(struct store *st)
{
	int cur = 0, hi = 0;

	sqlite3_db_status(store_sqlite(st), SQLITE_DBSTATUS_CACHE_MISS, &cur, &hi, 1);
	return cur;
}

static void
test_pages(const char *path)
{
	struct store_body_cache c = { 0 };
	struct store *st;
	int64_t page = 0;
	char *w, *head;
	int first, last, whole;
	size_t n;

	if (store_open(path, 0, &st) != 0)
		tap_bail("cannot open %s: %s", path, err_msg());
	if (store_int_query(st, "PRAGMA page_size", &page, "page size") != 0)
		tap_bail("%s", err_msg());
	whole = (int)(long_len / (size_t)page);
	misses(st);
	w = store_body_words(st, &c, 1, 0, 23);
	first = misses(st);
	free(w);
	store_body_cache_free(&c);
	store_close(st);
	if (store_open(path, 0, &st) != 0)
		tap_bail("cannot open %s: %s", path, err_msg());
	misses(st);
	w = store_body_words(st, &c, 1, long_len - 23, long_len);
	last = misses(st);
	free(w);
	store_body_cache_free(&c);
	ok(first + whole / 2 < last, "a span at the start reads %d pages, one at the end %d"
	    " (the body is %d pages)", first, last, whole);
	store_close(st);

	if (store_open(path, 0, &st) != 0)
		tap_bail("cannot open %s: %s", path, err_msg());
	misses(st);
	if (store_article_body_head(st, 1, 46, &head, &n) != 0)
		tap_bail("head: %s", err_msg());
	ok(misses(st) < whole / 2, "the body's first 46 bytes read a few of its pages");
	is_mem(head, n, long_body, 46, "its first 46 bytes");
	free(head);
	if (store_article_body_head(st, 2, 1000, &head, &n) != 0)
		tap_bail("head: %s", err_msg());
	is_str(head, SHORT, "more than the body asked: all of it");
	is_int((long long)n, (long long)strlen(SHORT), "and its length");
	free(head);
	is_int(store_article_body_head(st, 99, 10, &head, &n), -1, "no such article: an error");
	is_str(err_msg(), "no article 99", "naming it");
	ok(head == NULL && n == 0, "and nothing kept");
	store_close(st);
}

int
main(void)
{
	char *path = xasprintf("%s/body.db", tap_tmpdir());
	struct store *st = build(path);

	add_spans(st);
	test_statements(st);
	test_mentions(st);
	test_handle(st);
	store_close(st);
	test_pages(path);
	free(long_body);
	free(path);
	return tap_done();
}
