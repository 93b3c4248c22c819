/* test-store-layer.c: the reader's marks over an article (mentions and
 * statements as bare spans, for a range of the body), the steps from one
 * to the next, and the article body read whole. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/store-int.h"   /* the rows themselves */
#include "tap.h"
#include "util.h"

static struct store *st;

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

/* A long article: a mention of A every 1,000 bytes from 100, of B at
 * 50,500 only, of the candidate C at 600; a statement by A every 10,000
 * bytes from 0, each 5,000 long. */
#define BODY_LEN 100000

static int64_t art, ent_a, ent_b, ent_c;

static void
setup(void)
{
	struct store_article a = { 0 };
	struct store_mention_in m;
	struct store_statement_in s;
	enum store_added how;
	size_t i;
	int64_t sid;
	int fail = 0;

	a.title = xstrdup("A long record");
	a.body = xmalloc(BODY_LEN + 1);
	memset(a.body, 'x', BODY_LEN);
	for (i = 0; i < BODY_LEN; i += 10)
		a.body[i] = ' ';
	a.body[BODY_LEN] = '\0';
	a.body_len = BODY_LEN;
	a.format = xstrdup("text");
	fail |= store_begin(st);
	fail |= store_article_add(st, &a, &how);
	art = a.id;
	fail |= store_entity_add(st, "person", "Anna Alpha", "user", NULL, &ent_a);
	fail |= store_entity_add(st, "agreement", "Beta Accord", "user", NULL, &ent_b);
	fail |= store_entity_add(st, "person", "Carl Candidate", "candidate", NULL, &ent_c);
	memset(&m, 0, sizeof m);
	m.how = "alias";
	for (i = 100; i < BODY_LEN; i += 1000) {
		m.entity_id = ent_a;
		m.start = i;
		m.end = i + 10;
		fail |= store_mentions_add(st, art, &m, 1);
	}
	m.entity_id = ent_b, m.start = 50500, m.end = 50520;
	fail |= store_mentions_add(st, art, &m, 1);
	m.entity_id = ent_c, m.start = 600, m.end = 610;
	fail |= store_mentions_add(st, art, &m, 1);
	memset(&s, 0, sizeof s);
	s.article_id = art;
	s.speaker_id = ent_a;
	s.verb = "said";
	for (i = 0; i < BODY_LEN; i += 10000) {
		s.start = i;
		s.end = i + 5000;
		fail |= store_statement_add(st, &s, &sid);
	}
	fail |= store_commit(st);
	if (fail)
		tap_bail("setting up: %s", err_msg());
	store_article_free(&a);
}

static void
test_body(void)
{
	struct store_article a;

	ok(store_article_get(st, art, &a) == 0, "the article reads back");
	is_int((long long)a.body_len, BODY_LEN, "body whole");
	ok(a.body[BODY_LEN] == '\0' && a.body[0] == ' ' && a.body[1] == 'x', "and terminated");
	store_article_free(&a);
	ok(store_article_get(st, art + 100, &a) == -1, "a missing article fails");
}

static void
test_marks(void)
{
	struct store_mark *m = NULL;
	struct store_statement *s = NULL;
	size_t n = 0, i;
	int sorted = 1, none_c = 1;

	ok(store_article_marks(st, art, 20000, 30000, &m, &n) == 0, "marks of a range");
	/* 20,100 ... 29,100 start inside; 19,100 is the last one before. */
	is_int((long long)n, 11, "those starting inside and the last one before");
	ok(n > 0 && m[0].start == 19100 && m[n - 1].start == 29100, "first %zu, last %zu",
	    n ? m[0].start : 0, n ? m[n - 1].start : 0);
	ok(n > 0 && m[0].id == ent_a && strcmp(m[0].kind, "person") == 0, "with entity and kind");
	free(m);

	ok(store_article_marks(st, art, 50000, 51000, &m, &n) == 0, "a range with an agreement");
	for (i = 0; i < n; i++) {
		if (i > 0 && m[i].start < m[i - 1].start)
			sorted = 0;
	}
	ok(sorted && n == 3 && m[2].id == ent_b && strcmp(m[2].kind, "agreement") == 0,
	    "in text order, the agreement's kind too (%zu)", n);
	free(m);

	ok(store_article_marks(st, art, 0, 2000, &m, &n) == 0, "the start of the article");
	for (i = 0; i < n; i++)
		if (m[i].id == ent_c)
			none_c = 0;
	ok(none_c && n == 2, "a candidate's mention is not a mark (%zu)", n);
	free(m);

	ok(store_article_statement_marks(st, art, 25000, 35000, &s, &n) == 0,
	    "statements of a range");
	ok(n == 2 && s[0].start == 20000 && s[1].start == 30000,
	    "the one reaching into it from before, and the one inside (%zu)", n);
	ok(n > 0 && s[0].speaker != NULL && strcmp(s[0].speaker, "Anna Alpha") == 0 &&
	    s[0].verb != NULL && s[0].text == NULL && s[0].title == NULL,
	    "with speaker and verb, no words");
	store_statement_list_free(s, n);
}

static void
test_steps(void)
{
	size_t at = 0;

	ok(store_article_mark_step(st, STORE_MARK_STATEMENT, art, 0, 20000, 1, &at) == 0 &&
	    at == 30000, "the next statement");
	ok(store_article_mark_step(st, STORE_MARK_STATEMENT, art, 0, 20000, -1, &at) == 0 &&
	    at == 10000, "the previous one");
	ok(store_article_mark_step(st, STORE_MARK_STATEMENT, art, 0, 90000, 1, &at) == 1,
	    "none after the last");
	ok(store_article_mark_step(st, STORE_MARK_MENTION, art, ent_b, 0, 1, &at) == 0 &&
	    at == 50500, "the next mention of one entity, far ahead");
	ok(store_article_mark_step(st, STORE_MARK_MENTION, art, ent_b, 50500, 1, &at) == 1,
	    "and none after it");
	ok(store_article_mark_step(st, STORE_MARK_MENTION, art, 0, 100, 1, &at) == 0 &&
	    at == 1100, "the next mention of any listed entity skips the candidate");
	ok(store_article_mark_step(st, STORE_MARK_MENTION, art, 0, SIZE_MAX, -1, &at) == 0 &&
	    at == 99100, "the last one");
}

static void
test_plans(void)
{
	char *p = plan("SELECT start FROM mentions WHERE entity_id = 1 AND article_id = 1"
	    " AND start > 5 ORDER BY start LIMIT 1");

	ok(strstr(p, "mentions_entity") != NULL && strstr(p, "TEMP B-TREE") == NULL,
	    "a mention of an entity is found by its index (%s)", p);
	free(p);
	p = plan("SELECT start FROM statements WHERE article_id = 1 AND start > 5"
	    " ORDER BY start LIMIT 1");
	ok(strstr(p, "statements_article") != NULL && strstr(p, "TEMP B-TREE") == NULL,
	    "a statement by its index (%s)", p);
	free(p);
}

int
main(void)
{
	char *path = xasprintf("%s/layer.db", tap_tmpdir());

	if (store_open(path, 0, &st) != 0)
		tap_bail("cannot open %s: %s", path, err_msg());
	setup();
	test_body();
	test_marks();
	test_steps();
	test_plans();
	store_close(st);
	free(path);
	return tap_done();
}
