/* test-store-page.c: statements by an actor or about an entity, and an
 * entity's mentions, a page at a time (store-page.c): pages after the
 * last row's key join to the whole list in its order, through the walk
 * over the articles (an entity in every article) and through the sorted
 * few (an entity in a few); and the first page's work, counted in SQLite
 * virtual machine steps, stays the same when the corpus grows fourfold. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/store-int.h"   /* the connection, to count its steps */
#include "tap.h"
#include "util.h"

/* Entity 1 is in every article: two statements (three in every fifth,
 * two at one start) and two mentions; entity 2 in twenty articles. A
 * seventh of the articles is undated, the rest spread over 300 days, so
 * many share a date. Each statement carries its article's date, as
 * store_statement_add copies it (schema 18). */
#define BUILD \
	"INSERT INTO entities(id, name, kind) VALUES (1, 'Often', 'person'), (2, 'Seldom', 'person');" \
	"WITH RECURSIVE i(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM i WHERE k < %d)" \
	" INSERT INTO articles(id, title, format, body, hash, published)" \
	" SELECT k, 'a' || k, 'text', 'Often said that Seldom spoke there. Often said more.'," \
	" 'h' || k, CASE WHEN k %% 7 = 0 THEN NULL" \
	" ELSE date('2020-01-01', '+' || (k * 37 %% 300) || ' days') END FROM i;" \
	"INSERT INTO statements(article_id, speaker_id, start, end, published)" \
	" SELECT id, 1, 0, 35, published FROM articles;" \
	"INSERT INTO statements(article_id, speaker_id, start, end, published)" \
	" SELECT id, 1, 36, 52, published FROM articles;" \
	"INSERT INTO statements(article_id, speaker_id, start, end, published)" \
	" SELECT id, 1, 0, 35, published FROM articles WHERE id %% 5 = 0;" \
	"INSERT INTO statements(article_id, speaker_id, start, end, published)" \
	" SELECT id, 2, 0, 35, published FROM articles WHERE id %% (%d / 20) = 3;" \
	"INSERT INTO mentions(article_id, start, end, entity_id) SELECT id, 0, 5, 1 FROM articles;" \
	"INSERT INTO mentions(article_id, start, end, entity_id) SELECT id, 36, 41, 1 FROM articles;" \
	"INSERT INTO mentions(article_id, start, end, entity_id) SELECT id, 16, 22, 2 FROM articles" \
	" WHERE id %% (%d / 20) = 3;"

static struct store *
build(const char *name, int n)
{
	char *path = xasprintf("%s/%s", tap_tmpdir(), name);
	char *sql = xasprintf("BEGIN;" BUILD "COMMIT;", n, n, n);
	struct store *st;

	if (store_open(path, 0, &st) != 0)
		tap_bail("cannot open %s: %s", path, err_msg());
	if (sqlite3_exec(store_sqlite(st), sql, NULL, NULL, NULL) != SQLITE_OK)
		tap_bail("building %s: %s", path, sqlite3_errmsg(store_sqlite(st)));
	free(sql);
	free(path);
	return st;
}

/* The list's expected keys in its order, by one sort of every row. */
static char *
expected(struct store *st, const char *sql)
{
	sqlite3_stmt *s;
	struct buf b;

	buf_init(&b);
	if (sqlite3_prepare_v2(store_sqlite(st), sql, -1, &s, NULL) != SQLITE_OK)
		tap_bail("%s: %s", sql, sqlite3_errmsg(store_sqlite(st)));
	while (sqlite3_step(s) == SQLITE_ROW)
		buf_printf(&b, "%lld:%lld ", sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1));
	sqlite3_finalize(s);
	return buf_detach(&b, NULL);
}

#define ORDER " ORDER BY a.published DESC, a.id DESC"
#define BY_SQL(who) "SELECT s.article_id, s.id FROM statements s JOIN articles a" \
	" ON a.id = s.article_id WHERE s.speaker_id = " who ORDER ", s.start, s.id"
#define ABOUT_SQL(what) "SELECT s.article_id, s.id FROM statements s JOIN articles a" \
	" ON a.id = s.article_id WHERE EXISTS (SELECT 1 FROM mentions m WHERE" \
	" m.article_id = s.article_id AND m.entity_id = " what " AND m.start >= s.start" \
	" AND m.end <= s.end)" ORDER ", s.start, s.id"
#define MENTIONS_SQL(what) "SELECT m.article_id, m.start FROM mentions m JOIN articles a" \
	" ON a.id = m.article_id WHERE m.entity_id = " what ORDER ", m.start"

/* Every page of SIZE of a list (statements BY, ABOUT; else mentions of
 * ENTITY), each after the last row of the one before, as keys. */
static char *
paged(struct store *st, int64_t by, int64_t about, int64_t entity, size_t size)
{
	struct store_after after;
	struct buf b;
	char *published = NULL;
	size_t n, i, pages = 0;
	int first = 1, rc;

	buf_init(&b);
	do {
		struct store_statement *v = NULL;
		struct store_mention *m = NULL;

		after.published = published;
		if (entity == 0) {
			rc = store_statements_find(st, 0, by, about, first ? NULL : &after, 0, size, &v,
			    &n);
			for (i = 0; rc == 0 && i < n; i++)
				buf_printf(&b, "%lld:%lld ", (long long)v[i].article_id,
				    (long long)v[i].id);
			if (rc == 0 && n > 0) {
				free(published);
				published = v[n - 1].published ? xstrdup(v[n - 1].published) : NULL;
				after.article = v[n - 1].article_id;
				after.start = v[n - 1].start;
				after.id = v[n - 1].id;
			}
			store_statement_list_free(v, n);
		} else {
			rc = store_entity_mentions(st, entity, first ? NULL : &after, 0, size, &m, &n);
			for (i = 0; rc == 0 && i < n; i++)
				buf_printf(&b, "%lld:%zu ", (long long)m[i].article_id, m[i].start);
			if (rc == 0 && n > 0) {
				free(published);
				published = m[n - 1].published ? xstrdup(m[n - 1].published) : NULL;
				after.article = m[n - 1].article_id;
				after.start = m[n - 1].start;
				after.id = 0;
			}
			store_mention_list_free(m, n);
		}
		if (rc != 0)
			tap_bail("paging: %s", err_msg());
		first = 0;
	} while (n == size && ++pages < 100000);
	free(published);
	return buf_detach(&b, NULL);
}

/* Each list, for a frequent and a rare entity, paged: the pages joined
 * must be the whole list in order (page 0: pages as long as the store). */
static void
test_pages(struct store *st, const char *what, size_t size)
{
	static const struct {
		int64_t by, about, mentions;
		size_t page;
		const char *sql, *label;
	} cases[] = {
		{ 1, 0, 0, 0, BY_SQL("1"), "by the frequent speaker join to the list" },
		{ 2, 0, 0, 3, BY_SQL("2"), "by the rare speaker join to the list" },
		{ 0, 1, 0, 0, ABOUT_SQL("1"), "about the frequent entity join to the list" },
		{ 0, 2, 0, 4, ABOUT_SQL("2"), "about the rare entity join to the list" },
		{ 1, 2, 0, 4, "SELECT s.article_id, s.id FROM statements s JOIN articles a"
		    " ON a.id = s.article_id WHERE s.speaker_id = 1 AND s.start = 0"
		    " AND s.article_id % (SELECT count(*) / 20 FROM articles) = 3" ORDER
		    ", s.start, s.id",
		    "by the frequent speaker about the rare entity join to the list" },
		{ 0, 0, 1, 0, MENTIONS_SQL("1"), "of the frequent entity's mentions join" },
		{ 0, 0, 2, 6, MENTIONS_SQL("2"), "of the rare entity's mentions join" },
	};
	char *got, *want;
	size_t i, page;

	for (i = 0; i < ARRAY_LEN(cases); i++) {
		page = cases[i].page ? cases[i].page : size;
		got = paged(st, cases[i].by, cases[i].about, cases[i].mentions, page);
		want = expected(st, cases[i].sql);
		ok(strcmp(got, want) == 0 && strlen(want) > 0, "%s: pages of %zu %s", what, page,
		    cases[i].label);
		free(got), free(want);
	}
}

/* A page of SIZE of a list (as paged()) after SKIP rows, as keys. */
static char *
skipped(struct store *st, int64_t by, int64_t about, int64_t entity, size_t skip, size_t size)
{
	struct store_statement *v = NULL;
	struct store_mention *m = NULL;
	struct buf b;
	size_t n = 0, i;
	int rc;

	buf_init(&b);
	if (entity == 0) {
		rc = store_statements_find(st, 0, by, about, NULL, skip, size, &v, &n);
		for (i = 0; rc == 0 && i < n; i++)
			buf_printf(&b, "%lld:%lld ", (long long)v[i].article_id, (long long)v[i].id);
		store_statement_list_free(v, n);
	} else {
		rc = store_entity_mentions(st, entity, NULL, skip, size, &m, &n);
		for (i = 0; rc == 0 && i < n; i++)
			buf_printf(&b, "%lld:%zu ", (long long)m[i].article_id, m[i].start);
		store_mention_list_free(m, n);
	}
	if (rc != 0)
		tap_bail("skipping: %s", err_msg());
	buf_addc(&b, '\0');
	return buf_detach(&b, NULL);
}

/* Rows [SKIP, SKIP + SIZE) of LIST (keys separated by spaces). */
static char *
slice(const char *list, size_t skip, size_t size)
{
	const char *p = list, *start;
	size_t i;

	for (i = 0; i < skip && *p != '\0'; i++)
		p = strchr(p, ' ') + 1;
	start = p;
	for (i = 0; i < size && *p != '\0'; i++)
		p = strchr(p, ' ') + 1;
	return xstrndup(start, (size_t)(p - start));
}

/* --offset: a page after rows skipped is that slice of the whole list,
 * in both ways of reading it (the sorted few and the walk, whose skip
 * passes over whole articles by their count and into the one it ends
 * in), and past the end is empty. */
static void
test_skip(struct store *st, const char *what)
{
	static const struct {
		int64_t by, about, mentions;
		const char *sql, *label;
	} cases[] = {
		{ 1, 0, 0, BY_SQL("1"), "by the frequent speaker" },
		{ 2, 0, 0, BY_SQL("2"), "by the rare speaker" },
		{ 0, 1, 0, ABOUT_SQL("1"), "about the frequent entity" },
		{ 0, 2, 0, ABOUT_SQL("2"), "about the rare entity" },
		{ 1, 2, 0, "SELECT s.article_id, s.id FROM statements s JOIN articles a"
		    " ON a.id = s.article_id WHERE s.speaker_id = 1 AND s.start = 0"
		    " AND s.article_id % (SELECT count(*) / 20 FROM articles) = 3" ORDER
		    ", s.start, s.id", "by the frequent speaker about the rare entity" },
		{ 0, 0, 1, MENTIONS_SQL("1"), "mentions of the frequent entity" },
		{ 0, 0, 2, MENTIONS_SQL("2"), "mentions of the rare entity" },
	};
	static const size_t skips[] = { 1, 2, 3, 17, 4999, 5000, 5001 };
	char *want, *got, *part;
	size_t i, k, bad, tried;

	for (i = 0; i < ARRAY_LEN(cases); i++) {
		want = expected(st, cases[i].sql);
		bad = tried = 0;
		for (k = 0; k < ARRAY_LEN(skips); k++) {
			got = skipped(st, cases[i].by, cases[i].about, cases[i].mentions, skips[k], 7);
			part = slice(want, skips[k], 7);
			tried++;
			if (strcmp(got, part) != 0) {
				if (bad++ == 0)
					diag("skip %zu: got %.80s, want %.80s", skips[k], got, part);
			}
			free(got), free(part);
		}
		ok(bad == 0 && strlen(want) > 0, "%s: %s, each of %zu pages after rows skipped is"
		    " that slice of the list", what, cases[i].label, tried);
		free(want);
	}
}

static long long steps;

static int
count_step(void *arg)
{
	(void)arg;
	steps++;
	return 0;
}

/* The virtual machine steps of a page of SIZE after SKIP rows; when FULL,
 * the list must fill it. */
static long long
page_steps(struct store *st, int64_t by, int64_t about, int64_t entity, size_t skip,
    size_t size, int full)
{
	struct store_statement *v = NULL;
	struct store_mention *m = NULL;
	size_t n = 0;
	int rc;

	steps = 0;
	sqlite3_progress_handler(store_sqlite(st), 1, count_step, NULL);
	if (entity == 0) {
		rc = store_statements_find(st, 0, by, about, NULL, skip, size, &v, &n);
		store_statement_list_free(v, n);
	} else {
		rc = store_entity_mentions(st, entity, NULL, skip, size, &m, &n);
		store_mention_list_free(m, n);
	}
	sqlite3_progress_handler(store_sqlite(st), 0, NULL, NULL);
	if (rc != 0 || (full && n != size))
		tap_bail("page after %zu: %zu rows: %s", skip, n, rc != 0 ? err_msg() : "");
	return steps;
}

/* Rows skipped are skipped in the queries: in the walk (a long list)
 * whole articles are passed over by their count through the index, not
 * read and joined to their article, nor are the rows given their words
 * (for statements, a query each). */
static void
test_skip_cost(struct store *st)
{
	static const struct {
		const char *name;
		int64_t by, about, entity;
	} lists[] = {
		{ "statements by the frequent speaker", 1, 0, 0 },
		{ "statements about the frequent entity", 0, 1, 0 },
		{ "mentions of the frequent entity", 0, 0, 1 },
	};
	size_t i;

	for (i = 0; i < ARRAY_LEN(lists); i++) {
		long long skip = page_steps(st, lists[i].by, lists[i].about, lists[i].entity,
		    5000, 50, 1);
		long long read = page_steps(st, lists[i].by, lists[i].about, lists[i].entity,
		    0, 5050, 1);

		/* Both count the list up to 8,192 first (some 68,000 steps;
		 * not by a speaker, whose index is in list order); a row
		 * skipped costs less than half a row read. */
		ok(skip < read * 3 / 4, "%s: 50 rows after 5,000 skipped cost %lld steps, 5,050 read"
		    " %lld", lists[i].name, skip, read);
	}
}

static void
test_bounded(struct store *small, struct store *large)
{
	static const struct {
		const char *name;
		int64_t by, about, entity;
	} lists[] = {
		{ "statements by the frequent speaker", 1, 0, 0 },
		{ "statements by the rare speaker", 2, 0, 0 },
		{ "statements about the frequent entity", 0, 1, 0 },
		{ "statements about the rare entity", 0, 2, 0 },
		{ "statements by the frequent speaker about the rare entity", 1, 2, 0 },
		{ "mentions of the frequent entity", 0, 0, 1 },
		{ "mentions of the rare entity", 0, 0, 2 },
	};
	size_t i;

	for (i = 0; i < ARRAY_LEN(lists); i++) {
		long long a = page_steps(small, lists[i].by, lists[i].about, lists[i].entity, 0, 50, 0);
		long long b = page_steps(large, lists[i].by, lists[i].about, lists[i].entity, 0, 50, 0);

		/* Four times the articles and rows: the same work, give or
		 * take the depth of an index and where the newest rows lie;
		 * and under what counting the rows of a long list up to the
		 * store's threshold (8,192 index entries) and a page cost. */
		ok(b < a * 3 / 2 + 2000 && b < 100000,
		    "%s: the first page costs %lld steps at 40,000 articles, %lld at 10,000",
		    lists[i].name, b, a);
	}
}

/* The query a page by a speaker ran (the store keeps its statements
 * prepared): read off the speaker's index in page order, sorting nothing
 * (its plan names no temporary b-tree, and it ran no sort) and scanning
 * no table whole. */
static void
test_by_plan(struct store *st)
{
	sqlite3 *db = store_sqlite(st);
	struct store_statement *v = NULL;
	sqlite3_stmt *s, *e;
	struct buf plan;
	const char *sql;
	char *q;
	size_t n = 0;
	int found = 0, sorts = 0, scans = 0;

	if (store_statements_find(st, 0, 1, 0, NULL, 0, 50, &v, &n) != 0 || n != 50)
		tap_bail("a page by the frequent speaker: %s", err_msg());
	store_statement_list_free(v, n);
	buf_init(&plan);
	for (s = sqlite3_next_stmt(db, NULL); s != NULL; s = sqlite3_next_stmt(db, s)) {
		sql = sqlite3_sql(s);
		if (strstr(sql, "INDEXED BY statements_speaker_order") == NULL ||
		    strstr(sql, "ORDER BY") == NULL)
			continue;
		found++;
		sorts += sqlite3_stmt_status(s, SQLITE_STMTSTATUS_SORT, 0);
		scans += sqlite3_stmt_status(s, SQLITE_STMTSTATUS_FULLSCAN_STEP, 0);
		q = xasprintf("EXPLAIN QUERY PLAN %s", sql);
		if (sqlite3_prepare_v2(db, q, -1, &e, NULL) != SQLITE_OK)
			tap_bail("%s: %s", q, sqlite3_errmsg(db));
		while (sqlite3_step(e) == SQLITE_ROW)
			buf_printf(&plan, "%s; ", (const char *)sqlite3_column_text(e, 3));
		sqlite3_finalize(e);
		free(q);
	}
	buf_addc(&plan, '\0');
	ok(found == 1 && strstr(plan.data, "statements_speaker_order (speaker_id=?)") != NULL &&
	    strstr(plan.data, "TEMP B-TREE") == NULL && sorts == 0 && scans == 0,
	    "a page by a speaker is a range of the speaker's index in page order: %s", plan.data);
	buf_free(&plan);
	/* Neither counted (8,192 index entries, some 68,000 steps) nor
	 * sorted: about 30 steps a row. */
	n = (size_t)page_steps(st, 1, 0, 0, 0, 50, 1);
	ok(n < 4000, "a page of 50 by the speaker in every article costs %zu steps", n);
}

/* Articles dated again, undated and dated for the first time: their
 * statements move with them in the speaker's list (the trigger keeps
 * each statement's copy of the date), paged through the index. */
static void
test_redated(struct store *st)
{
	static const char sql[] =
	    "UPDATE articles SET published = CASE"
	    " WHEN id % 7 = 0 THEN date('2021-06-01', '+' || (id % 13) || ' days')"
	    " WHEN id % 11 = 0 THEN NULL"
	    " ELSE date(published, '-' || (id % 400) || ' days') END WHERE id % 3 = 0";
	char *got, *want;
	int64_t stale = -1;
	sqlite3_stmt *s;

	if (sqlite3_exec(store_sqlite(st), sql, NULL, NULL, NULL) != SQLITE_OK)
		tap_bail("re-dating: %s", sqlite3_errmsg(store_sqlite(st)));
	if (sqlite3_prepare_v2(store_sqlite(st), "SELECT count(*) FROM statements s JOIN articles a"
	    " ON a.id = s.article_id WHERE s.published IS NOT a.published", -1, &s, NULL)
	    == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		stale = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	ok(stale == 0, "articles dated again: no statement keeps the old date (%lld)",
	    (long long)stale);
	got = paged(st, 1, 0, 0, 997);
	want = expected(st, BY_SQL("1"));
	ok(strcmp(got, want) == 0 && strlen(want) > 0,
	    "articles dated again: pages by the frequent speaker join to the list in its new order");
	free(got), free(want);
	got = paged(st, 2, 0, 0, 3);
	want = expected(st, BY_SQL("2"));
	ok(strcmp(got, want) == 0 && strlen(want) > 0,
	    "articles dated again: pages by the rare speaker join to the list in its new order");
	free(got), free(want);
}

int
main(void)
{
	struct store *small = build("small.db", 10000), *large = build("large.db", 40000);

	test_pages(small, "10,000 articles", 997);
	test_skip(small, "10,000 articles");
	test_skip_cost(small);
	test_bounded(small, large);
	test_by_plan(small);
	test_redated(small);
	store_close(small);
	store_close(large);
	return tap_done();
}
