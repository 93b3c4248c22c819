/*
 * store-page.c: a page of a list of rows newest article first (the
 * article's date descending, undated last, then its id descending, then
 * the row's place in the article), after the last row of the page before
 * (a key, not an offset), for the lists that follow one entity across the
 * corpus: statements by an actor or about an entity, mentions of an
 * entity.
 *
 * Its cost does not grow with the corpus or with how often the entity
 * occurs. (Statements by an actor come off their own index in list
 * order, schema 18: store-statement.c asks for the few's query whatever
 * their count.) The list's rows are counted first, but only up to FEW:
 *
 *   - fewer than FEW: they are all read through the entity's own index
 *     and sorted (at most FEW rows, whatever the page; for statements
 *     about an entity, counted by its mentions, the statements of at most
 *     FEW articles);
 *   - FEW or more: the articles are walked newest first through
 *     articles_order, from the last row's article on, and each is looked
 *     up for the entity's rows by index, until the page is full. With R
 *     rows spread over N articles, a page of P rows visits about
 *     P * N / R articles, fewer than P * N / FEW.
 *
 * Rows skipped (--offset) are skipped inside the queries: OFFSET on the
 * sorted short list, and on the long one whole articles passed over by a
 * count of their rows through the index, then OFFSET within the article
 * the page starts in; no row skipped is read out or joined to its
 * article.
 *
 * FEW balances the two at a million articles and pages of 50 rows:
 * sqrt(50 * 1,000,000) is about 7,000, so at most 8,192 rows sorted in
 * the first case and about 6,100 articles looked up in the second. A
 * frequent entity whose rows all lie in old articles is the walk's worst
 * case: it reads the newer articles before it finds them.
 */
#include "config.h"

#include <stdint.h>

#include "store-int.h"

#define FEW 8192

struct page {
	struct store *st;
	const struct store_page_sql *q;
	int64_t key1, key2;
	size_t left;          /* rows the page can still take */
	size_t skip;          /* rows still to skip before the page */
	void (*row)(void *arg, sqlite3_stmt *s);
	void *arg;
	const char *what;
};

static sqlite3_int64
sql_limit(size_t n)
{
	return n > INT64_MAX ? -1 : (sqlite3_int64)n;
}

/* An OFFSET: SQLite reads a negative one as none. */
static sqlite3_int64
sql_offset(size_t n)
{
	return n > INT64_MAX ? INT64_MAX : (sqlite3_int64)n;
}

static void
bind_keys(const struct page *p, sqlite3_stmt *s, sqlite3_int64 limit)
{
	sqlite3_bind_int64(s, 1, p->key1);
	sqlite3_bind_int64(s, 2, p->key2);
	sqlite3_bind_int64(s, 7, limit);
}

/* Hands S's rows to the caller until they end or the page is full. */
static int
take(struct page *p, sqlite3_stmt *s)
{
	int rc = SQLITE_DONE;

	while (p->left > 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		p->row(p->arg, s);
		p->left--;
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_err(p->st, p->what);
}

static void
bind_place(sqlite3_stmt *s, int64_t article, sqlite3_int64 start, int64_t id)
{
	sqlite3_bind_int64(s, 4, article);
	sqlite3_bind_int64(s, 5, start);
	sqlite3_bind_int64(s, 6, id);
}

/* How many of ARTICLE's rows come after (START, ID): counted through the
 * index when they may all be skipped, so they are not read. */
static int
count_in(struct page *p, int64_t article, sqlite3_int64 start, int64_t id, int64_t *n)
{
	sqlite3_stmt *s = store_stmt(p->st, p->q->in_count);
	int rc;

	*n = 0;
	if (s == NULL)
		return -1;
	bind_keys(p, s, -1);
	bind_place(s, article, start, id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*n = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : store_err(p->st, p->what);
}

/* ARTICLE's rows after (START, ID) in the article's order, the rows
 * still to skip skipped. With MORE, articles follow: one whose rows are
 * all skipped is counted, not read. */
static int
in_article(struct page *p, int64_t article, sqlite3_int64 start, int64_t id, int more)
{
	sqlite3_stmt *s;
	int64_t n;

	if (more && p->skip > 0) {
		if (count_in(p, article, start, id, &n) != 0)
			return -1;
		if ((uint64_t)n <= p->skip) {
			p->skip -= (size_t)n;
			return 0;
		}
	}
	if ((s = store_stmt(p->st, p->q->in)) == NULL)
		return -1;
	bind_keys(p, s, sql_limit(p->left));
	bind_place(s, article, start, id);
	sqlite3_bind_int64(s, 9, sql_offset(p->skip));
	p->skip = 0;
	return take(p, s);
}

/* The rows of each article W gives (bound), in its order, until the
 * page is full. */
static int
walk(struct page *p, sqlite3_stmt *w)
{
	int rc = SQLITE_DONE;

	while (p->left > 0 && (rc = sqlite3_step(w)) == SQLITE_ROW) {
		if (in_article(p, sqlite3_column_int64(w, 0), -1, 0, 1) != 0) {
			sqlite3_reset(w);
			return -1;
		}
	}
	sqlite3_reset(w);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_err(p->st, p->what);
}

/* The articles after AFTER's in list order, walked (all when NULL). */
static int
walk_after(struct page *p, const struct store_after *after)
{
	sqlite3_stmt *w;

	if (after == NULL) {
		w = store_stmt(p->st, "SELECT id FROM articles INDEXED BY articles_order"
		    " ORDER BY published DESC, id DESC");
		return w == NULL ? -1 : walk(p, w);
	}
	if (after->published != NULL) {
		w = store_stmt(p->st, "SELECT id FROM articles INDEXED BY articles_order"
		    " WHERE (published, id) < (?1, ?2) ORDER BY published DESC, id DESC");
		if (w == NULL)
			return -1;
		sqlite3_bind_text(w, 1, after->published, -1, SQLITE_STATIC);
		sqlite3_bind_int64(w, 2, after->article);
		if (walk(p, w) != 0)
			return -1;
	}
	w = store_stmt(p->st, "SELECT id FROM articles INDEXED BY articles_order"
	    " WHERE published IS NULL AND id < ?1 ORDER BY published DESC, id DESC");
	if (w == NULL)
		return -1;
	sqlite3_bind_int64(w, 1, after->published != NULL ? INT64_MAX : after->article);
	return walk(p, w);
}

/* How many rows the list has, counted up to FEW. */
static int
count_few(struct page *p, int64_t *n)
{
	sqlite3_stmt *s = store_stmt(p->st, p->q->count);
	int rc;

	*n = 0;
	if (s == NULL)
		return -1;
	bind_keys(p, s, FEW);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*n = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : store_err(p->st, p->what);
}

int
store_page_count(struct store *st, const struct store_page_sql *q, int64_t key1, int64_t key2,
    int64_t *n)
{
	struct page p = { st, q, key1, key2, 0, 0, NULL, NULL, "counting" };

	return count_few(&p, n);
}

int
store_page(struct store *st, const struct store_page_sql *q, int64_t key1, int64_t key2,
    int64_t article, const struct store_after *after, size_t skip, size_t limit,
    int64_t counted, void (*row)(void *arg, sqlite3_stmt *s), void *arg, const char *what)
{
	struct page p = { st, q, key1, key2, limit, skip, row, arg, what };
	sqlite3_stmt *s;
	int64_t n = counted;

	if (limit == 0)
		return 0;
	if (article != 0) {
		if (after != NULL && after->article != article)
			return 0;
		return after != NULL ?
		    in_article(&p, article, (sqlite3_int64)after->start, after->id, 0) :
		    in_article(&p, article, -1, 0, 0);
	}
	if (n < 0 && count_few(&p, &n) != 0)
		return -1;
	if (n < FEW) {
		if ((s = store_stmt(st, q->few)) == NULL)
			return -1;
		bind_keys(&p, s, sql_limit(limit));
		if (after != NULL) {
			store_bind_text(s, 3, after->published, 0);
			sqlite3_bind_int64(s, 4, after->article);
			sqlite3_bind_int64(s, 5, (sqlite3_int64)after->start);
			sqlite3_bind_int64(s, 6, after->id);
			sqlite3_bind_int(s, 8, 1);
		} else {
			sqlite3_bind_int(s, 8, 0);
		}
		sqlite3_bind_int64(s, 9, sql_offset(skip));
		return take(&p, s);
	}
	if (after != NULL &&
	    in_article(&p, after->article, (sqlite3_int64)after->start, after->id, 1) != 0)
		return -1;
	return walk_after(&p, after);
}
