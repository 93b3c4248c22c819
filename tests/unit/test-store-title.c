/* test-store-title.c: the entities an article's title names (schema 19,
 * store-mention.c, store-entity.c). They are written by
 * store_title_mentions_add, counted in an article's entity list like a
 * mention (a title-only entity's first place the top of the article),
 * listed among an entity's mentions with the title's words and before
 * the body's of their article, paged after the last row's place (through
 * the sorted few and through the walk over the articles), and dropped
 * with the article's analysis and with a dismissed candidate. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/store-int.h"   /* the connection, to build the rows */
#include "tap.h"
#include "util.h"

#define ARTICLES 5000

/* Entity 1 in every article's body (at 36) and every title; entity 2,
 * a candidate, in the titles of every 250th article only. A seventh of
 * the articles is undated. */
#define BUILD \
	"INSERT INTO entities(id, name, kind, origin) VALUES (1, 'Often', 'person', 'kb')," \
	" (2, 'Seldom', 'person', 'candidate');" \
	"WITH RECURSIVE i(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM i WHERE k < %d)" \
	" INSERT INTO articles(id, title, format, body, hash, published)" \
	" SELECT k, 'Often and Seldom ' || k, 'text'," \
	" 'Often said that Seldom spoke there. Often said more.', 'h' || k," \
	" CASE WHEN k %% 7 = 0 THEN NULL" \
	" ELSE date('2020-01-01', '+' || (k * 37 %% 300) || ' days') END FROM i;" \
	"INSERT INTO mentions(article_id, start, end, entity_id) SELECT id, 36, 41, 1 FROM articles;"

static struct store *
build(void)
{
	char *path = xasprintf("%s/title.db", tap_tmpdir());
	char *sql = xasprintf("BEGIN;" BUILD "COMMIT;", ARTICLES);
	struct store_mention_in often = { 1, 0, 5, "alias" }, seldom = { 2, 10, 16, "alias" };
	struct store *st;
	int64_t k;

	if (store_open(path, 0, &st) != 0)
		tap_bail("cannot open %s: %s", path, err_msg());
	if (sqlite3_exec(store_sqlite(st), sql, NULL, NULL, NULL) != SQLITE_OK)
		tap_bail("building %s: %s", path, sqlite3_errmsg(store_sqlite(st)));
	if (store_begin(st) != 0)
		tap_bail("%s", err_msg());
	for (k = 1; k <= ARTICLES; k++)
		if (store_title_mentions_add(st, k, &often, 1) != 0 ||
		    (k % 250 == 3 && store_title_mentions_add(st, k, &seldom, 1) != 0))
			tap_bail("adding title mentions: %s", err_msg());
	if (store_commit(st) != 0)
		tap_bail("%s", err_msg());
	free(sql);
	free(path);
	return st;
}

/* One number SQL gives. */
static long long
count(struct store *st, const char *sql)
{
	sqlite3_stmt *s;
	long long n = -1;

	if (sqlite3_prepare_v2(store_sqlite(st), sql, -1, &s, NULL) != SQLITE_OK)
		tap_bail("%s: %s", sql, sqlite3_errmsg(store_sqlite(st)));
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

static const struct store_entity *
entity_in(const struct store_entity *rows, size_t n, int64_t id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (rows[i].id == id)
			return &rows[i];
	return NULL;
}

static void
test_entities(struct store *st)
{
	struct store_entity *rows, *cands;
	const struct store_entity *e;
	size_t n, nc;

	if (store_article_entities(st, 3, 0, &rows, &n) != 0 ||
	    store_article_entities(st, 3, 1, &cands, &nc) != 0)
		tap_bail("entities: %s", err_msg());
	e = entity_in(rows, n, 1);
	ok(e != NULL && e->mentions == 2 && e->first == 36 && e->articles == 1,
	    "an entity of the body and the title: two mentions, the first the body's");
	e = entity_in(cands, nc, 2);
	ok(e != NULL && e->mentions == 1 && e->first == 0,
	    "an entity of the title alone is in the list, one mention, at the article's top");
	store_entity_list_free(rows, n);
	store_entity_list_free(cands, nc);
	if (store_article_entities(st, 4, 1, &cands, &nc) != 0)
		tap_bail("entities: %s", err_msg());
	ok(entity_in(cands, nc, 2) == NULL, "not in an article whose title does not name it");
	store_entity_list_free(cands, nc);
}

/* The list of ENTITY's mentions ("article:t|b start " each), whole and
 * in pages of SIZE after the last row's place; checks each row's words. */
static char *
pages(struct store *st, int64_t entity, size_t size, int *words_ok)
{
	struct store_after after = { NULL, 0, 0, 0 };
	struct store_mention *m;
	struct buf b;
	char *published = NULL;
	size_t n, i;
	int first = 1;

	buf_init(&b);
	do {
		if (store_entity_mentions(st, entity, first ? NULL : &after, 0, size, &m, &n) != 0)
			tap_bail("paging: %s", err_msg());
		for (i = 0; i < n; i++) {
			buf_printf(&b, "%lld:%c%zu ", (long long)m[i].article_id,
			    m[i].in_title ? 't' : 'b', m[i].start);
			if (m[i].text == NULL || strcmp(m[i].text, entity == 1 ? "Often" : "Seldom") != 0 ||
			    strcmp(m[i].how, m[i].in_title ? "headline" : "alias") != 0)
				*words_ok = 0;
		}
		if (n > 0) {
			store_mention_after(&m[n - 1], &after);
			free(published);
			published = after.published != NULL ? xstrdup(after.published) : NULL;
			after.published = published;
		}
		store_mention_list_free(m, n);
		first = 0;
	} while (n == size && size != SIZE_MAX);
	free(published);
	return buf_detach(&b, NULL);
}

static void
test_mentions(struct store *st)
{
	char *whole, *paged, *rare, *rare_paged;
	int words = 1;

	whole = pages(st, 1, SIZE_MAX, &words);
	paged = pages(st, 1, 7, &words);
	rare = pages(st, 2, SIZE_MAX, &words);
	rare_paged = pages(st, 2, 3, &words);
	ok(strcmp(whole, paged) == 0 && strlen(whole) > 0,
	    "a frequent entity's mentions, title and body, in pages of 7 join to the list");
	ok(strcmp(rare, rare_paged) == 0 && strlen(rare) > 0,
	    "a title-only entity's mentions in pages of 3 join to the list");
	ok(strstr(whole, "3:t0 3:b36 ") != NULL, "in an article the title's mention comes first");
	is_int((long long)(strlen(rare) > 0 ? count(st, "SELECT count(*) FROM title_mentions"
	    " WHERE entity_id = 2") : 0), ARTICLES / 250, "the title-only entity's every article");
	ok(words, "each row has its words (the title's for a title's mention) and its how");
	free(whole), free(paged), free(rare), free(rare_paged);
}

static void
test_clear(struct store *st)
{
	struct store_entity e;

	if (store_begin(st) != 0 || store_analysis_clear(st, 3) != 0 || store_commit(st) != 0)
		tap_bail("clearing: %s", err_msg());
	is_int(count(st, "SELECT count(*) FROM title_mentions WHERE article_id = 3"), 0,
	    "an article's analysis cleared: its title's mentions go too");
	if (store_entity_dismiss(st, 2) != 0)
		tap_bail("dismissing: %s", err_msg());
	is_int(count(st, "SELECT count(*) FROM title_mentions WHERE entity_id = 2"), 0,
	    "a dismissed candidate's title mentions go");
	if (store_exec_id(st, "DELETE FROM articles WHERE id = ?1", 5, "deleting") != 0)
		tap_bail("deleting: %s", err_msg());
	is_int(count(st, "SELECT count(*) FROM title_mentions WHERE article_id = 5"), 0,
	    "a deleted article's title mentions go (foreign key)");
	if (store_entity_get(st, 1, &e) != 0)
		tap_bail("%s", err_msg());
	is_int((long long)e.mentions, 2LL * ARTICLES - 4, "an entity counts its title mentions");
	store_entity_free(&e);
}

/* An article's mentions of an entity, its title's and its body's, read
 * as the walk over the articles reads them: the body's a range of the
 * entity's index in page order, never sorted whole (SQLite orders a
 * constant's column within it as it goes), merged with the title's few,
 * so a page costs the same in an article that names the entity a
 * million times. */
static void
test_in_article_plan(struct store *st)
{
	sqlite3 *db = store_sqlite(st);
	struct store_mention *rows = NULL;
	sqlite3_stmt *s, *e;
	struct buf plan;
	size_t n = 0;
	int found = 0;
	char *q, *body, *title;

	if (store_entity_mentions(st, 1, NULL, 0, 50, &rows, &n) != 0 || n != 50)
		tap_bail("a page of the frequent entity's mentions: %s", err_msg());
	store_mention_list_free(rows, n);
	buf_init(&plan);
	for (s = sqlite3_next_stmt(db, NULL); s != NULL; s = sqlite3_next_stmt(db, s)) {
		if (strstr(sqlite3_sql(s), "t.article_id = ?4") == NULL ||
		    strstr(sqlite3_sql(s), "ORDER BY pos, pid") == NULL)
			continue;
		found++;
		q = xasprintf("EXPLAIN QUERY PLAN %s", sqlite3_sql(s));
		if (sqlite3_prepare_v2(db, q, -1, &e, NULL) != SQLITE_OK)
			tap_bail("%s: %s", q, sqlite3_errmsg(db));
		while (sqlite3_step(e) == SQLITE_ROW)
			buf_printf(&plan, "%s; ", (const char *)sqlite3_column_text(e, 3));
		sqlite3_finalize(e);
		free(q);
	}
	buf_addc(&plan, '\0');
	body = strstr(plan.data, "LEFT; ");
	title = body != NULL ? strstr(body, "RIGHT; ") : NULL;
	if (title != NULL)
		*title = '\0';
	ok(found == 1 && strstr(plan.data, "MERGE (UNION ALL)") != NULL && title != NULL &&
	    strstr(body, "SEARCH m USING INDEX mentions_entity") != NULL &&
	    strstr(body, "USE TEMP B-TREE FOR ORDER BY") == NULL,
	    "an article's mentions of an entity: the body's read off its index in page order "
	    "(only a title's few sorted), merged with the title's: %s", plan.data);
	buf_free(&plan);
}

int
main(void)
{
	struct store *st = build();

	test_entities(st);
	test_mentions(st);
	test_in_article_plan(st);
	test_clear(st);
	store_close(st);
	return tap_done();
}
