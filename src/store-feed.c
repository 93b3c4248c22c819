/*
 * store-feed.c: subscriptions (the feeds table, schema 5). A feed row
 * keeps what its server said last (validators, status, failures in a
 * row), so the next fetch can ask "changed since?" and `feed list` can
 * say which feeds are failing. Each write is one statement, so it needs
 * no transaction of its own.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store-int.h"
#include "store.h"
#include "util.h"

#define FEED_SELECT \
	"SELECT f.id, f.url, f.name, f.tags, f.full_text, f.etag, f.last_modified," \
	" f.last_fetch, f.last_status, f.errors," \
	" (SELECT count(*) FROM feed_articles a WHERE a.feed_id = f.id) FROM feeds f"

void
store_feed_free(struct store_feed *f)
{
	if (f == NULL)
		return;
	free(f->url);
	free(f->name);
	free(f->tags);
	free(f->etag);
	free(f->last_modified);
	free(f->last_fetch);
	free(f->last_status);
	memset(f, 0, sizeof *f);
}

void
store_feed_list_free(struct store_feed *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		store_feed_free(&v[i]);
	free(v);
}

static void
read_feed(sqlite3_stmt *s, struct store_feed *f)
{
	f->id = sqlite3_column_int64(s, 0);
	f->url = store_col_text(s, 1);
	f->name = store_col_text(s, 2);
	f->tags = store_col_text(s, 3);
	f->full_text = sqlite3_column_int(s, 4);
	f->etag = store_col_text(s, 5);
	f->last_modified = store_col_text(s, 6);
	f->last_fetch = store_col_text(s, 7);
	f->last_status = store_col_text(s, 8);
	f->errors = sqlite3_column_int64(s, 9);
	f->articles = sqlite3_column_int64(s, 10);
}

int
store_feed_add(struct store *st, const char *url, const char *name, const char *tags,
    int full_text, int64_t *id)
{
	sqlite3_stmt *s = store_stmt(st,
	    "INSERT INTO feeds(url, name, tags, full_text) VALUES (?1, ?2, ?3, ?4) RETURNING id");
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, url, -1, SQLITE_TRANSIENT);
	store_bind_text(s, 2, name, 1);
	store_bind_text(s, 3, tags, 1);
	sqlite3_bind_int(s, 4, full_text != 0);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		rc = sqlite3_step(s);
	}
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc == SQLITE_CONSTRAINT_UNIQUE)
		return err_set("%s: subscribed already", url);
	return store_err(st, "adding a feed");
}

int
store_feed_list(struct store *st, struct store_feed **v, size_t *n)
{
	sqlite3_stmt *s = store_stmt(st, FEED_SELECT " ORDER BY f.id");
	struct store_feed *rows = NULL;
	size_t count = 0;
	int rc;

	*v = NULL;
	*n = 0;
	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		rows = xreallocarray(rows, count + 1, sizeof *rows);
		read_feed(s, &rows[count++]);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_feed_list_free(rows, count);
		return store_err(st, "listing feeds");
	}
	*v = rows;
	*n = count;
	return 0;
}

int
store_feed_find(struct store *st, const char *key, struct store_feed *out)
{
	/* An id first, then a name, then a URL: a name that looks like a
	 * number is still found by its id's absence. */
	sqlite3_stmt *s = store_stmt(st, FEED_SELECT
	    " WHERE f.id = CAST(?1 AS INTEGER) AND CAST(f.id AS TEXT) = ?1"
	    "  OR f.name = ?1 OR f.url = ?1"
	    " ORDER BY f.id = CAST(?1 AS INTEGER) DESC, f.name = ?1 DESC LIMIT 1");
	int rc;

	memset(out, 0, sizeof *out);
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_feed(s, out);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return err_set("no feed '%s' (an id, a name or a URL from `dossier feed list`)", key);
	return store_err(st, "finding a feed");
}

static int
run_one(struct store *st, sqlite3_stmt *s, const char *what)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_err(st, what);
}

int
store_feed_remove(struct store *st, int64_t id)
{
	sqlite3_stmt *s = store_stmt(st, "DELETE FROM feeds WHERE id = ?1");

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	return run_one(st, s, "removing a feed");
}

int
store_feed_rename(struct store *st, int64_t id, const char *name)
{
	sqlite3_stmt *s = store_stmt(st, "UPDATE feeds SET name = ?2 WHERE id = ?1");

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	store_bind_text(s, 2, name, 1);
	return run_one(st, s, "renaming a feed");
}

int
store_feed_fetched(struct store *st, int64_t id, long status, const char *etag,
    const char *last_modified, const char *error)
{
	sqlite3_stmt *s = store_stmt(st,
	    "UPDATE feeds SET last_fetch = strftime('%Y-%m-%dT%H:%M:%SZ','now'),"
	    " last_status = coalesce(?5, ?2),"
	    " errors = CASE WHEN ?5 IS NULL THEN 0 ELSE errors + 1 END,"
	    " etag = CASE WHEN ?5 IS NULL AND ?2 <> 304 THEN ?3 ELSE etag END,"
	    " last_modified = CASE WHEN ?5 IS NULL AND ?2 <> 304 THEN ?4 ELSE last_modified END"
	    " WHERE id = ?1");

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, status);
	store_bind_text(s, 3, etag, 1);
	store_bind_text(s, 4, last_modified, 1);
	store_bind_text(s, 5, error, 1);
	return run_one(st, s, "recording a fetch");
}

int
store_feed_article(struct store *st, int64_t id, int64_t article)
{
	sqlite3_stmt *s = store_stmt(st,
	    "INSERT OR IGNORE INTO feed_articles(feed_id, article_id) VALUES (?1, ?2)");

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, article);
	return run_one(st, s, "recording a feed's article");
}
