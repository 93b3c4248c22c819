/* test-analyze-related.c: linking new statements reads their candidates
 * through the keys index, not the corpus: the rows a run reads follow the
 * statements it links, whatever the corpus's size; the right statement is
 * found; the keys index follows statements removed; a linking that fails
 * and is rolled back leaves the same rows, once linked again, as one that
 * did not fail. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "analyze.h"
#include "store.h"
#include "../../src/store-int.h"   /* the rows themselves */
#include "tap.h"
#include "util.h"

#define PER_ARTICLE 20

static int64_t
no_voice(void *arg, int64_t speaker)
{
	(void)arg;
	(void)speaker;
	return 0;
}

/* Article number I of the generated corpus, with its statements: every
 * one says "talks" (a common term), one of 40 topics, and a term of its
 * own, which article PAIR's statement of the same place shares (PAIR is
 * I, but for the article added to see what it is linked to). Linked in
 * a run of R. */
static int
add_article(struct store *st, struct analyze_related *r, int i, int pair, int64_t *first)
{
	struct analyze_statement as[PER_ARTICLE];
	char body[64], terms[PER_ARTICLE][96];
	struct store_article a;
	struct store_statement_in in;
	enum store_added how;
	int k, rc;

	snprintf(body, sizeof body, "Article %d.\n", i);
	memset(&a, 0, sizeof a);
	a.title = body;
	a.body = body;
	a.body_len = strlen(body);
	a.source = body;
	a.format = (char *)(uintptr_t)"text";
	rc = store_begin(st) || store_article_add(st, &a, &how);
	for (k = 0; k < PER_ARTICLE && rc == 0; k++) {
		snprintf(terms[k], sizeof terms[k], "talk:2 topic%d pair%d_%d", (i * PER_ARTICLE + k) % 40,
		    pair, k);
		memset(&in, 0, sizeof in);
		in.article_id = a.id;
		in.end = 1;
		in.terms = terms[k];
		in.entities = "";
		rc = store_statement_add(st, &in, &as[k].id);
		as[k].article = a.id;
		as[k].speaker = as[k].voice = 0;
		as[k].terms = terms[k];
		as[k].entities = "";
	}
	if (first != NULL)
		*first = as[0].id;
	if (rc == 0)
		rc = analyze_related_add(r, st, as, PER_ARTICLE, no_voice, NULL);
	rc = rc == 0 ? store_commit(st) : (store_rollback(st), -1);
	free(a.hash);
	free(a.imported);
	return rc;
}

/* Grows the corpus to N articles in one run. */
static void
grow(struct store *st, int *have, int n)
{
	struct analyze_related *r = analyze_related_new();
	int rc = 0;

	/* One transaction: each article is a savepoint of it. A full batch
	 * is linked between articles, in a transaction of its own, as an
	 * import does. */
	rc = store_begin(st);
	for (; *have < n && rc == 0; ++*have) {
		rc = add_article(st, r, *have, *have, NULL);
		if (rc == 0 && analyze_related_due(r))
			rc = store_commit(st) || analyze_related_finish(r, st, no_voice, NULL) ||
			    store_begin(st);
	}
	rc = rc == 0 ? store_commit(st) : (store_rollback(st), -1);
	if (rc == 0)
		rc = analyze_related_finish(r, st, no_voice, NULL);
	if (rc != 0)
		tap_bail("growing the corpus: %s", err_msg());
	analyze_related_free(r);
}

/* The rows a run adding one article (sharing terms with article PAIR)
 * reads; FIRST: its first statement. */
static uint64_t
one_more(struct store *st, int *have, int pair, int64_t *first)
{
	struct analyze_related *r = analyze_related_new();
	uint64_t rows;

	if (add_article(st, r, *have, pair, first) != 0 || analyze_related_finish(r, st, no_voice, NULL) != 0)
		tap_bail("adding an article: %s", err_msg());
	++*have;
	rows = analyze_related_rows_read(r);
	analyze_related_free(r);
	return rows;
}

static int
links_to(struct store *st, int64_t from, int64_t article)
{
	struct store_statement *rows;
	size_t n, i;
	int hit = 0;

	if (store_related(st, from, 6, &rows, &n) != 0)
		tap_bail("related: %s", err_msg());
	for (i = 0; i < n; i++)
		hit |= rows[i].article_id == article;
	store_statement_list_free(rows, n);
	return hit;
}

/* The keys of TEXT as store_keys_next reads them, "key*count" joined. */
static char *
keys(const char *text, int ents)
{
	struct store_keys k;
	struct buf b;
	const char *key;
	size_t len;
	long count;

	buf_init(&b);
	store_keys_start(&k, text, ents);
	while (store_keys_next(&k, &key, &len, &count))
		buf_printf(&b, "%s%.*s*%ld", b.len > 0 ? " " : "", (int)len, key, count);
	buf_addc(&b, '\0');
	return b.data;
}

/* One reading of the stored features for the keys index and the linker. */
static void
test_keys(void)
{
	char *s;

	is_str(s = keys("talks:3  ceasefire :2 geneva:", 0), "talks*3 ceasefire*1 geneva*0",
	    "terms: counts read, an empty term skipped");
	free(s);
	is_str(s = keys(" 12 x -4 0 40", 1), "@12*1 @40*1", "entities: @id, nothing below 1");
	free(s);
	is_str(s = keys(NULL, 0), "", "no terms");
	free(s);
}

static void
exec_sql(struct store *st, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(store_sqlite(st), sql, NULL, NULL, &msg) != SQLITE_OK)
		tap_bail("%s: %s", sql, msg);
}

/* What linking wrote: links with a checksum of their scores, the keys
 * index's rows and the sum of its df, the last statement linked. */
static char *
linked(struct store *st)
{
	sqlite3_stmt *s;
	char *out;

	if (sqlite3_prepare_v2(store_sqlite(st), "SELECT (SELECT count(*) || ' ' ||"
	    " printf('%.6f', sum(score * from_id + to_id)) FROM statement_links) || ' / ' ||"
	    " (SELECT count(*) FROM statement_terms) || ' ' || (SELECT count(*) || ' ' || sum(df)"
	    " FROM related_terms) || ' / ' || (SELECT value FROM state WHERE key ="
	    " 'related.linked')", -1, &s, NULL) != SQLITE_OK || sqlite3_step(s) != SQLITE_ROW)
		tap_bail("reading the links: %s", sqlite3_errmsg(store_sqlite(st)));
	out = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return out;
}

/* Rows linking writes: links, keys index, keys. */
static char *
written(struct store *st)
{
	sqlite3_stmt *s;
	char *out;

	if (sqlite3_prepare_v2(store_sqlite(st), "SELECT (SELECT count(*) FROM statement_links)"
	    " || ' ' || (SELECT count(*) FROM statement_terms) || ' ' || (SELECT count(*) FROM"
	    " related_terms WHERE df > 0)", -1, &s, NULL) != SQLITE_OK || sqlite3_step(s) != SQLITE_ROW)
		tap_bail("reading the rows: %s", sqlite3_errmsg(store_sqlite(st)));
	out = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return out;
}

/* Articles 0..N-1 in one run, linked at the end; with FAIL the linking
 * of the first half fails at its last write (a trigger refuses the
 * last statement's id), is rolled back, and the run goes on. */
static char *
run_failing(const char *name, int n, int fail)
{
	char *path = xasprintf("%s/%s", tap_tmpdir(), name), *rows;
	struct analyze_related *r = analyze_related_new();
	struct store *st;
	int i, rc = 0;

	if (store_open(path, 0, &st) != 0)
		tap_bail("%s", err_msg());
	for (i = 0; i < n && rc == 0; i++) {
		rc = add_article(st, r, i, i, NULL);
		if (rc == 0 && fail && i == n / 2 - 1) {
			exec_sql(st, "CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.state"
			    " WHEN NEW.key = 'related.linked' BEGIN SELECT RAISE(ABORT, 'refused'); END");
			ok(analyze_related_finish(r, st, no_voice, NULL) != 0,
			    "the linking fails at its last write");
			is_str(rows = written(st), "0 0 0", "and leaves no link, key or df behind");
			free(rows);
			exec_sql(st, "DROP TRIGGER refuse");
		}
	}
	if (rc != 0 || analyze_related_finish(r, st, no_voice, NULL) != 0)
		tap_bail("%s: %s", name, err_msg());
	rows = linked(st);
	analyze_related_free(r);
	store_close(st);
	free(path);
	return rows;
}

static void
test_failed_link(void)
{
	char *plain = run_failing("plain.db", 60, 0), *failed = run_failing("failed.db", 60, 1);

	diag("linked: %s", plain);
	is_str(failed, plain, "linked again after a failure: the same links, keys and df");
	free(plain);
	free(failed);
}

int
main(void)
{
	char *path = xasprintf("%s/r.db", tap_tmpdir());
	struct store *st;
	uint64_t small, large;
	int64_t first;
	int have = 0;

	test_keys();
	test_failed_link();
	if (store_open(path, 0, &st) != 0)
		tap_bail("%s", err_msg());
	grow(st, &have, 150);
	small = one_more(st, &have, 50, &first);
	diag("linking %d statements into %d: %llu rows read", PER_ARTICLE, (have - 1) * PER_ARTICLE,
	    (unsigned long long)small);
	ok(small < (uint64_t)(have - 1) * PER_ARTICLE,
	    "a run linking one article reads fewer rows than the corpus has statements (%llu)",
	    (unsigned long long)small);
	/* Articles are numbered from 1. */
	ok(links_to(st, first, 51), "its statement is linked to the one sharing its rare term");
	grow(st, &have, 1200);
	large = one_more(st, &have, 50, &first);
	diag("linking %d statements into %d: %llu rows read", PER_ARTICLE, (have - 1) * PER_ARTICLE,
	    (unsigned long long)large);
	ok(large <= small + small / 5,
	    "into eight times the corpus it reads as much (%llu rows, %llu before)",
	    (unsigned long long)large, (unsigned long long)small);
	ok(links_to(st, first, 51), "and finds the statement sharing its rare term");
	store_close(st);
	free(path);
	return tap_done();
}
