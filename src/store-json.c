/*
 * store-json.c: the article list and one article as JSON, for the --json
 * output of `dossier list` and `dossier show`. SQLite's json_object and
 * json_group_array do all quoting and escaping.
 */
#include "config.h"

#include <stdlib.h>

#include "store-int.h"
#include "util.h"

static int
one_text(struct store *st, sqlite3_stmt *s, const char *what, char **json)
{
	const unsigned char *t;
	int rc = sqlite3_step(s);

	*json = NULL;
	if (rc == SQLITE_ROW && (t = sqlite3_column_text(s, 0)) != NULL)
		*json = xstrndup((const char *)t, (size_t)sqlite3_column_bytes(s, 0));
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_err(st, what);
	return 0;
}

int
store_json_page(struct store *st, size_t offset, size_t limit, char **json)
{
	static const char sql[] =
	    "SELECT json_group_array(json_object('id', id, 'published', published,"
	    "  'outlet', outlet, 'title', title, 'annotations', annotations))"
	    " FROM (SELECT a.id, a.published, a.outlet, a.title,"
	    "  (SELECT count(*) FROM annotations n"
	    "   WHERE n.article_id = a.id AND n.state = 'active') AS annotations"
	    "  FROM articles a ORDER BY a.published DESC, a.id DESC LIMIT ?1 OFFSET ?2)";
	sqlite3_stmt *s = store_stmt(st, sql);

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, limit > INT64_MAX ? -1 : (sqlite3_int64)limit);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)offset);
	return one_text(st, s, "listing articles", json);
}

int
store_json_article(struct store *st, int64_t id, int with_comments, char **json)
{
	static const char sql[] =
	    "SELECT json_object('id', id, 'title', title, 'published', published,"
	    "  'outlet', outlet, 'source', source, 'dateline', dateline, 'format', format,"
	    "  'imported', imported, 'previous_id', previous_id, 'hash', hash,"
	    "  'authors', authors, 'language', language, 'modified', modified,"
	    "  'captions', captions, 'summary', json(iif(summary, 'true', 'false')),"
	    "  'body', body)"
	    " FROM articles WHERE id = ?1";
	static const char sql_comments[] =
	    "SELECT json_object('id', id, 'title', title, 'published', published,"
	    "  'outlet', outlet, 'source', source, 'dateline', dateline, 'format', format,"
	    "  'imported', imported, 'previous_id', previous_id, 'hash', hash,"
	    "  'authors', authors, 'language', language, 'modified', modified,"
	    "  'captions', captions, 'summary', json(iif(summary, 'true', 'false')),"
	    "  'body', body, 'comments', comments)"
	    " FROM articles WHERE id = ?1";
	sqlite3_stmt *s = store_stmt(st, with_comments ? sql_comments : sql);

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if (one_text(st, s, "reading an article", json) != 0)
		return -1;
	if (*json == NULL)
		return err_set("no article %lld", (long long)id);
	return 0;
}
