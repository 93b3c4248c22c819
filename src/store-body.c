/*
 * store-body.c: the words of a span of an article's body, for statements,
 * mentions and reports, which keep their words as byte ranges of the body.
 *
 * Only the bytes a span needs are read, through SQLite's incremental blob
 * I/O: a body averages several pages and sits in a chain of overflow
 * pages, and a page of statements by a speaker touches dozens of articles
 * in a file larger than memory, so reading each body whole read pages
 * past every span that nobody shows. The chain is still walked from its
 * start up to a span's end (SQLite finds a page by the one before), so
 * what is saved is the body after the last span read.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store-int.h"
#include "util.h"

static void
forget(struct store_body_cache *c)
{
	free(c->body);
	c->body = NULL;
	c->from = 0;
	c->len = 0;
}

/* Closes the handle for good: one that failed to move (sqlite3_blob_reopen
 * aborts it) or to read (its row changed under it) is of no more use, and
 * the next article opens a new one. */
static void
drop(struct store_body_cache *c)
{
	sqlite3_blob_close(c->blob);
	c->blob = NULL;
	c->blob_id = 0;
}

/* Points the handle at ARTICLE's body; 0, or -1 when it has none. */
static int
point(struct store *st, struct store_body_cache *c, int64_t article)
{
	int rc;

	if (c->blob != NULL && c->blob_id == article)
		return 0;
	if (c->blob != NULL)
		rc = sqlite3_blob_reopen(c->blob, article);
	else
		rc = sqlite3_blob_open(store_sqlite(st), "main", "articles", "body", article, 0,
		    &c->blob);
	if (rc != SQLITE_OK) {
		drop(c);
		return -1;
	}
	c->blob_id = article;
	c->size = (size_t)sqlite3_blob_bytes(c->blob);
	return 0;
}

int
store_body_load(struct store *st, struct store_body_cache *c, int64_t article, size_t start,
    size_t end)
{
	forget(c);
	c->id = article;
	/* An empty body counts as none, as a column read of it gives none. */
	if (start > end || point(st, c, article) != 0 || c->size == 0 || end > c->size)
		return -1;
	c->body = xmalloc(end - start + 1);
	if (end > start && sqlite3_blob_read(c->blob, c->body, (int)(end - start), (int)start) !=
	    SQLITE_OK) {
		drop(c);
		forget(c);
		return -1;
	}
	c->body[end - start] = '\0';
	c->from = start;
	c->len = end - start;
	return 0;
}

char *
store_body_words(struct store *st, struct store_body_cache *c, int64_t article, size_t start,
    size_t end)
{
	if (start > end)
		return NULL;
	if (c->id != article || c->body == NULL || start < c->from || end > c->from + c->len) {
		if (store_body_load(st, c, article, start, end) != 0)
			return NULL;
	}
	return xstrndup(c->body + (start - c->from), end - start);
}

void
store_body_cache_free(struct store_body_cache *c)
{
	free(c->body);
	sqlite3_blob_close(c->blob);
	memset(c, 0, sizeof *c);
}

int
store_article_body_head(struct store *st, int64_t id, size_t len, char **body, size_t *n)
{
	sqlite3_blob *b = NULL;
	size_t size;

	*body = NULL;
	*n = 0;
	if (sqlite3_blob_open(store_sqlite(st), "main", "articles", "body", id, 0, &b) !=
	    SQLITE_OK) {
		int gone = sqlite3_errcode(store_sqlite(st)) == SQLITE_ERROR;

		sqlite3_blob_close(b);
		return gone ? err_set("no article %lld", (long long)id) :
		    store_err(st, "reading an article's body");
	}
	size = (size_t)sqlite3_blob_bytes(b);
	if (len > size)
		len = size;
	*body = xmalloc(len + 1);
	if (len > 0 && sqlite3_blob_read(b, *body, (int)len, 0) != SQLITE_OK) {
		store_err(st, "reading an article's body");
		sqlite3_blob_close(b);
		free(*body);
		*body = NULL;
		return -1;
	}
	sqlite3_blob_close(b);
	(*body)[len] = '\0';
	*n = len;
	return 0;
}
