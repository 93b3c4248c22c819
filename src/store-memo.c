/*
 * store-memo.c: memos (schema 8). A memo is text the analyst writes about
 * the project, an article, a tag or a highlight, as qualitative analysis
 * tools keep them beside the coding. Its target is one of three nullable
 * columns (so each is a real foreign key); the kind is which one is set.
 * The guid is its identity across an exchange: a memo read again with the
 * same guid replaces the one stored.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store-int.h"
#include "store.h"
#include "util.h"

static const char *const kind_names[] = { "project", "article", "tag", "annotation" };
/* The column of each kind's target (none for the project). */
static const char *const kind_columns[] = { NULL, "article_id", "tag_id", "annotation_id" };

const char *
store_memo_kind_name(enum store_memo_kind k)
{
	return (size_t)k < ARRAY_LEN(kind_names) ? kind_names[k] : "?";
}

int
store_memo_kind_parse(const char *name, enum store_memo_kind *out)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(kind_names); i++) {
		if (strcmp(name, kind_names[i]) == 0) {
			*out = (enum store_memo_kind)i;
			return 0;
		}
	}
	return -1;
}

void
store_memo_free(struct store_memo *m)
{
	if (m == NULL)
		return;
	free(m->title);
	free(m->text);
	free(m->coder);
	free(m->created);
	free(m->modified);
	free(m->target_name);
	memset(m, 0, sizeof *m);
}

void
store_memo_list_free(struct store_memo *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		store_memo_free(&rows[i]);
	free(rows);
}

/* 0 when the target of M exists, else -1 naming it. */
static int
target_exists(struct store *st, const struct store_memo *m)
{
	static const char *const sql[] = {
		NULL,
		"SELECT 1 FROM articles WHERE id = ?1",
		"SELECT 1 FROM tags WHERE id = ?1",
		"SELECT 1 FROM annotations WHERE id = ?1",
	};
	sqlite3_stmt *s;
	int rc;

	if (m->kind == STORE_MEMO_PROJECT)
		return 0;
	if ((size_t)m->kind >= ARRAY_LEN(sql))
		return err_set("a memo of unknown kind %d", (int)m->kind);
	if ((s = store_stmt(st, sql[m->kind])) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, m->target);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return store_err(st, "finding a memo's target");
	return err_set("no %s %lld for the memo", store_memo_kind_name(m->kind),
	    (long long)m->target);
}

int
store_memo_put(struct store *st, struct store_memo *m, int flags)
{
	sqlite3_stmt *s = store_stmt(st,
	    "INSERT INTO memos (guid, article_id, tag_id, annotation_id, title, text, coder,"
	    "  created, modified)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
	    "  coalesce(?8, strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
	    "  coalesce(?9, strftime('%Y-%m-%dT%H:%M:%fZ','now')))"
	    " ON CONFLICT (guid) DO UPDATE SET article_id = excluded.article_id,"
	    "  tag_id = excluded.tag_id, annotation_id = excluded.annotation_id,"
	    "  title = excluded.title, text = excluded.text,"
	    "  coder = coalesce(excluded.coder, coder),"
	    "  modified = CASE WHEN ?8 IS NULL THEN strftime('%Y-%m-%dT%H:%M:%fZ','now')"
	    "    ELSE excluded.modified END"
	    " RETURNING id, created, modified");
	int keep = (flags & STORE_ANNO_KEEP_TIMES) != 0, rc;

	if (s == NULL)
		return -1;
	if (target_exists(st, m) != 0) {
		sqlite3_reset(s);
		return -1;
	}
	if (m->guid[0] == '\0')
		store_anno_uuid(m->guid);
	sqlite3_bind_text(s, 1, m->guid, -1, SQLITE_TRANSIENT);
	if (m->kind != STORE_MEMO_PROJECT)
		sqlite3_bind_int64(s, 1 + (int)m->kind, m->target);
	store_bind_text(s, 5, m->title != NULL ? m->title : "", 0);
	store_bind_text(s, 6, m->text != NULL ? m->text : "", 0);
	store_bind_text(s, 7, m->coder, 0);
	store_bind_text(s, 8, keep ? m->created : NULL, 0);
	store_bind_text(s, 9, keep ? m->modified : NULL, 0);
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		return store_err(st, "saving a memo");
	}
	m->id = sqlite3_column_int64(s, 0);
	free(m->created);
	free(m->modified);
	m->created = store_col_text(s, 1);
	m->modified = store_col_text(s, 2);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc == SQLITE_DONE ? 0 : store_err(st, "saving a memo");
}

#define MEMO_SELECT \
	"SELECT m.id, m.guid, m.article_id, m.tag_id, m.annotation_id, m.title, m.text," \
	" m.coder, m.created, m.modified," \
	" CASE WHEN m.article_id IS NOT NULL THEN" \
	"   (SELECT title FROM articles WHERE id = m.article_id)" \
	"  WHEN m.tag_id IS NOT NULL THEN (SELECT name FROM tags WHERE id = m.tag_id)" \
	"  WHEN m.annotation_id IS NOT NULL THEN" \
	"   (SELECT quote FROM annotations WHERE id = m.annotation_id) END" \
	" FROM memos m"

static void
read_memo(sqlite3_stmt *s, struct store_memo *m)
{
	const char *guid = (const char *)sqlite3_column_text(s, 1);
	int k;

	memset(m, 0, sizeof *m);
	m->id = sqlite3_column_int64(s, 0);
	snprintf(m->guid, sizeof m->guid, "%s", guid != NULL ? guid : "");
	m->kind = STORE_MEMO_PROJECT;
	for (k = STORE_MEMO_ARTICLE; k <= STORE_MEMO_ANNOTATION; k++) {
		if (sqlite3_column_type(s, 1 + k) != SQLITE_NULL) {
			m->kind = (enum store_memo_kind)k;
			m->target = sqlite3_column_int64(s, 1 + k);
		}
	}
	m->title = store_col_text(s, 5);
	m->text = store_col_text(s, 6);
	m->coder = store_col_text(s, 7);
	m->created = store_col_text(s, 8);
	m->modified = store_col_text(s, 9);
	m->target_name = store_col_text(s, 10);
	if (m->title == NULL)
		m->title = xstrdup("");
	if (m->text == NULL)
		m->text = xstrdup("");
}

int
store_memo_get(struct store *st, int64_t id, struct store_memo *out)
{
	sqlite3_stmt *s = store_stmt(st, MEMO_SELECT " WHERE m.id = ?1");
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_memo(s, out);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_DONE ? 1 : store_err(st, "reading a memo");
}

int
store_memo_list(struct store *st, const struct store_memo_filter *f,
    struct store_memo **rows, size_t *n)
{
	struct buf sql;
	sqlite3_stmt *s;
	size_t cap = 0;
	int rc;

	*rows = NULL;
	*n = 0;
	buf_init(&sql);
	buf_adds(&sql, MEMO_SELECT);
	if (f->match != NULL)
		buf_adds(&sql, " JOIN memos_fts ON memos_fts.rowid = m.id AND memos_fts MATCH ?1");
	buf_adds(&sql, " WHERE 1");
	if (f->kind == STORE_MEMO_PROJECT)
		buf_adds(&sql, " AND m.article_id IS NULL AND m.tag_id IS NULL"
		    " AND m.annotation_id IS NULL");
	else if (f->kind > 0 && (size_t)f->kind < ARRAY_LEN(kind_columns))
		buf_printf(&sql, f->target != 0 ? " AND m.%s = ?2" : " AND m.%s IS NOT NULL",
		    kind_columns[f->kind]);
	if (f->coder != NULL)
		buf_adds(&sql, " AND m.coder = ?3");
	buf_adds(&sql, f->match != NULL ? " ORDER BY memos_fts.rank, m.id" :
	    " ORDER BY CASE WHEN m.tag_id IS NOT NULL THEN 1 WHEN m.article_id IS NOT NULL THEN 2"
	    " WHEN m.annotation_id IS NOT NULL THEN 3 ELSE 0 END,"
	    " coalesce(m.tag_id, m.article_id, m.annotation_id), m.id");
	if (sqlite3_prepare_v2(store_sqlite(st), sql.data, -1, &s, NULL) != SQLITE_OK) {
		buf_free(&sql);
		return store_err(st, "listing memos");
	}
	buf_free(&sql);
	if (f->match != NULL)
		sqlite3_bind_text(s, 1, f->match, -1, SQLITE_STATIC);
	if (f->target != 0)
		sqlite3_bind_int64(s, 2, f->target);
	if (f->coder != NULL)
		sqlite3_bind_text(s, 3, f->coder, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			*rows = xreallocarray(*rows, cap, sizeof **rows);
		}
		read_memo(s, &(*rows)[(*n)++]);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		store_memo_list_free(*rows, *n);
		*rows = NULL;
		*n = 0;
		return f->match != NULL ? err_set("%s: memos matching '%s': %s", store_path(st),
		    f->match, sqlite3_errmsg(store_sqlite(st))) : store_err(st, "listing memos");
	}
	return 0;
}

int
store_memo_delete(struct store *st, int64_t id)
{
	sqlite3_stmt *s = store_stmt(st, "DELETE FROM memos WHERE id = ?1");

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) != SQLITE_DONE) {
		sqlite3_reset(s);
		return store_err(st, "removing a memo");
	}
	sqlite3_reset(s);
	return sqlite3_changes(store_sqlite(st)) > 0 ? 0 : 1;
}

int
store_memo_move_tag(struct store *st, int64_t from, int64_t into)
{
	sqlite3_stmt *s = store_stmt(st, "UPDATE memos SET tag_id = ?2 WHERE tag_id = ?1");

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, from);
	sqlite3_bind_int64(s, 2, into);
	if (sqlite3_step(s) != SQLITE_DONE) {
		sqlite3_reset(s);
		return store_err(st, "moving a tag's memos");
	}
	sqlite3_reset(s);
	return 0;
}
