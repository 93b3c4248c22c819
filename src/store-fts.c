/*
 * store-fts.c: the full-text index written apart from the rows it
 * indexes. Many notes of one article changed in one transaction take the
 * article out of the index once and put it back once (store_fts_defer,
 * store_fts_flush); an import batch's new articles wait in fts_pending
 * (store_fts_defer_new), and the index is written in batches larger than
 * the transactions that store the articles. FTS5 writes a segment
 * of the index whenever the terms it holds in memory pass its 'hashsize'
 * (1 MiB by default: some four hundred articles) or the transaction or a
 * savepoint ends, and merges sixteen segments of a level into one of the
 * next (automerge), a little at every write, so every article's postings
 * are written again once a level: in a database of a million articles,
 * three or four. Fewer, larger segments mean fewer levels and fewer
 * merges. So an import commits its articles every batch with their rows
 * in fts_pending (store_fts_hold), and indexes those of several batches
 * at once (store_fts_index), with FTS5 allowed to hold all their terms and
 * write them as one segment, and a level merged whole when it is full.
 *
 * The options are rows of FTS5's configuration table, read by every
 * connection: they are set for the one statement that indexes and put
 * back as they were in the same transaction, so no other connection ever
 * sees them.
 */
#include "config.h"


#include "store-int.h"
#include "util.h"

/* FTS5's own 'hashsize', 'automerge' and 'crisismerge' when its
 * configuration has none (fts5_config.c, FTS5_DEFAULT_HASHSIZE,
 * FTS5_DEFAULT_AUTOMERGE, FTS5_DEFAULT_CRISISMERGE). */
#define FTS5_HASHSIZE_DEFAULT 1048576
#define FTS5_AUTOMERGE_DEFAULT 4
#define FTS5_CRISISMERGE_DEFAULT 16

int
store_fts_defer(struct store *st, int64_t article_id)
{
	if (store_exec_id(st, "INSERT INTO articles_fts(articles_fts, rowid, title, body, notes)"
	    " SELECT 'delete', id, title, body, notes FROM articles_text WHERE id = ?1"
	    " AND id NOT IN (SELECT article_id FROM fts_pending)", article_id,
	    "taking an article out of the index") != 0)
		return -1;
	return store_exec_id(st, "INSERT OR IGNORE INTO fts_pending(article_id) VALUES (?1)",
	    article_id, "deferring the index");
}

int
store_fts_defer_new(struct store *st)
{
	return store_exec(st, "INSERT OR IGNORE INTO state(key, value)"
	    " VALUES ('" FTS_DEFER_KEY "', '1')", "deferring the index");
}

int
store_fts_flush(struct store *st)
{
	char *msg = NULL;

	if (sqlite3_exec(store_sqlite(st),
	    "DELETE FROM state WHERE key = '" FTS_DEFER_KEY "';"
	    "INSERT INTO articles_fts(rowid, title, body, notes)"
	    "  SELECT id, title, body, notes FROM articles_text"
	    "  WHERE id IN (SELECT article_id FROM fts_pending);"
	    "DELETE FROM fts_pending;", NULL, NULL, &msg) != SQLITE_OK) {
		err_set("%s: indexing notes: %s", store_path(st), msg ? msg : "error");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int
store_fts_hold(struct store *st)
{
	return store_exec(st, "DELETE FROM state WHERE key = '" FTS_DEFER_KEY "'",
	    "keeping articles for the index");
}

int
store_fts_waiting(struct store *st, int *any)
{
	int64_t v = 0;
	int rc = store_int_query(st, "SELECT EXISTS (SELECT 1 FROM fts_pending)", &v,
	    "counting articles to index");

	*any = v != 0;
	return rc;
}

/* An FTS5 option of articles_fts as it was before this import changed it:
 * its row in the configuration table, or none (FTS5's default). */
struct fts_option {
	const char *name;
	int had;
	sqlite3_int64 value;
	sqlite3_int64 missing;   /* what FTS5 takes when there is no row */
};

static int
option_set(struct store *st, const char *name, sqlite3_int64 value)
{
	sqlite3_stmt *s = store_stmt(st,
	    "INSERT INTO articles_fts(articles_fts, rank) VALUES (?1, ?2)");
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, value);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_err(st, "setting the index's merging");
}

/* Saves O's value and sets it to VALUE. */
static int
option_push(struct store *st, struct fts_option *o, sqlite3_int64 value)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT v FROM articles_fts_config WHERE k = ?1");
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, o->name, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if ((o->had = rc == SQLITE_ROW))
		o->value = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_err(st, "reading the index's settings");
	return option_set(st, o->name, value);
}

/* Puts O back as it was: the value, or no row (the value FTS5 takes for
 * none set first, so that this connection's copy of it is the same). */
static int
option_pop(struct store *st, const struct fts_option *o)
{
	sqlite3_stmt *d;
	int rc;

	if (option_set(st, o->name, o->had ? o->value : o->missing) != 0)
		return -1;
	if (o->had)
		return 0;
	if ((d = store_stmt(st, "DELETE FROM articles_fts_config WHERE k = ?1")) == NULL)
		return -1;
	sqlite3_bind_text(d, 1, o->name, -1, SQLITE_STATIC);
	rc = sqlite3_step(d);
	sqlite3_reset(d);
	return rc == SQLITE_DONE ? 0 : store_err(st, "restoring the index's settings");
}

int
store_fts_index(struct store *st, size_t hash_bytes)
{
	struct fts_option hash = { "hashsize", 0, 0, FTS5_HASHSIZE_DEFAULT };
	struct fts_option merge = { "automerge", 0, 0, FTS5_AUTOMERGE_DEFAULT };
	struct fts_option crisis = { "crisismerge", 0, 0, FTS5_CRISISMERGE_DEFAULT };
	sqlite3_int64 level;
	int waiting;

	/* A batch of duplicates, or a fetch committing to wait: no settings
	 * written for nothing to index. */
	if (store_fts_waiting(st, &waiting) != 0)
		return -1;
	if (!waiting)
		return store_fts_flush(st);
	if (option_push(st, &hash, (sqlite3_int64)hash_bytes) != 0 ||
	    option_push(st, &merge, 0) != 0)
		return -1;
	/* No merging a little at every write: automerge spends on merges as
	 * many leaves as the index has levels for every leaf written, three
	 * or four at a million articles, whatever the size of the segments.
	 * Instead a level is merged whole when it holds as many segments as
	 * automerge allows one (FTS5's crisis merge), so searches see no more
	 * segments than before, and the fewer, larger segments are rewritten
	 * fewer times. A table without automerge keeps its crisis merge. */
	level = merge.had ? merge.value : merge.missing;
	if ((level >= 2 && option_push(st, &crisis, level) != 0) || store_fts_flush(st) != 0)
		return -1;
	/* The segment is written, and merged, when the next statement on the
	 * table begins (FTS5 writes what it holds at a statement's
	 * savepoint): the first option put back, with the others still set. */
	if (option_pop(st, &hash) != 0 || (level >= 2 && option_pop(st, &crisis) != 0) ||
	    option_pop(st, &merge) != 0)
		return -1;
	return 0;
}
