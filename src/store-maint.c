/*
 * store-maint.c: keeping a database healthy: online backup and salvage of a
 * damaged file.
 *
 * Backup uses SQLite's online backup API, so it is consistent even while a
 * reader or an import has the database open. Salvage (`dossier check
 * --recover`) copies every row that can still be read, table by table, into
 * a new database with the current schema: a damaged page loses the rows on
 * it, not the rest of a person's notes. The full-text index is not copied
 * but rebuilt.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store-int.h"
#include "util.h"

int
store_backup(struct store *st, const char *path)
{
	char *tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
	sqlite3 *dst = NULL;
	sqlite3_backup *b;
	int rc;

	if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		err_set("%s: cannot create: %s", path, dst ? sqlite3_errmsg(dst) : "out of memory");
		goto fail;
	}
	/* A copy of a person's notes is as private as the original. */
	chmod(tmp, 0600);
	b = sqlite3_backup_init(dst, "main", store_sqlite(st), "main");
	if (b == NULL) {
		err_set("%s: backup failed: %s", path, sqlite3_errmsg(dst));
		goto fail;
	}
	/* Copy in steps so a long backup lets other connections write between
	 * them; -1 would hold the read lock for the whole copy. */
	do {
		rc = sqlite3_backup_step(b, 1024);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		err_set("%s: backup failed: %s", path, sqlite3_errstr(rc));
		goto fail;
	}
	if (sqlite3_close(dst) != SQLITE_OK) {
		dst = NULL;
		err_set("%s: cannot finish the backup", path);
		goto fail;
	}
	dst = NULL;
	if (rename(tmp, path) != 0) {
		err_set("%s: cannot move the backup into place", path);
		goto fail;
	}
	free(tmp);
	return 0;
fail:
	if (dst != NULL)
		sqlite3_close(dst);
	unlink(tmp);
	free(tmp);
	return -1;
}

#define SALVAGE_BATCH 256

/* Copies the readable rows of one table. A bulk copy stops at the first
 * damaged page, so rowid tables are copied row by row: each row is read on
 * its own, and a damaged one costs only itself. Tables without rowid are
 * small link tables, copied whole or counted as lost. */
static void
salvage_table(sqlite3 *dst, const char *table, int has_rowid, size_t *copied, size_t *lost)
{
	sqlite3_stmt *ids = NULL, *ins = NULL;
	sqlite3_int64 last;
	size_t batch = 0;
	char *sql;
	int rc, retries;

	if (!has_rowid) {
		sql = sqlite3_mprintf("INSERT OR IGNORE INTO main.\"%w\" SELECT * FROM old.\"%w\"",
		    table, table);
		if (sqlite3_exec(dst, sql, NULL, NULL, NULL) == SQLITE_OK)
			*copied += (size_t)sqlite3_changes(dst);
		else
			(*lost)++;
		sqlite3_free(sql);
		return;
	}
	sql = sqlite3_mprintf("SELECT rowid FROM old.\"%w\" WHERE rowid > ? ORDER BY rowid", table);
	rc = sqlite3_prepare_v2(dst, sql, -1, &ids, NULL);
	sqlite3_free(sql);
	sql = sqlite3_mprintf("INSERT OR IGNORE INTO main.\"%w\" "
	    "SELECT * FROM old.\"%w\" WHERE rowid = ?", table, table);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(dst, sql, -1, &ins, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK) {
		(*lost)++;
		goto done;
	}
	/* A scan that meets a damaged page is restarted just past the last
	 * row it read; seeks reach the rows beyond through the interior pages. */
	last = INT64_MIN;
	for (retries = 0; retries < 100000; retries++) {
		sqlite3_reset(ids);
		sqlite3_bind_int64(ids, 1, last);
		while ((rc = sqlite3_step(ids)) == SQLITE_ROW) {
			last = sqlite3_column_int64(ids, 0);
			sqlite3_bind_int64(ins, 1, last);
			if (sqlite3_step(ins) == SQLITE_DONE)
				*copied += (size_t)sqlite3_changes(dst);
			else
				(*lost)++;
			sqlite3_reset(ins);
			/* Damage met by an insert can roll back its transaction:
			 * commit now and then, so it takes only the rows since. */
			if (++batch % SALVAGE_BATCH == 0 || sqlite3_get_autocommit(dst))
				sqlite3_exec(dst, sqlite3_get_autocommit(dst) ? "BEGIN" : "COMMIT; BEGIN",
				    NULL, NULL, NULL);
		}
		if (rc == SQLITE_DONE || last == INT64_MAX)
			break;
		(*lost)++;
		last++;
		/* The pager stays in its error state until the read transaction
		 * that met the damage ends: end it, keeping what was copied. */
		sqlite3_reset(ids);
		sqlite3_exec(dst, "COMMIT; BEGIN", NULL, NULL, NULL);
	}
done:
	sqlite3_finalize(ins);
	sqlite3_finalize(ids);
}

int
store_recover(const char *damaged, const char *out, size_t *copied, size_t *lost)
{
	/* Tables in dependency order; FTS is rebuilt, not copied. */
	static const struct {
		const char *name;
		int has_rowid;
	} tables[] = {
		{ "articles", 1 }, { "paragraphs", 0 }, { "sentences", 0 },
		{ "entities", 1 }, { "aliases", 0 }, { "roles", 1 }, { "mentions", 1 },
		{ "statements", 1 }, { "statement_links", 0 }, { "tags", 1 },
		{ "annotations", 1 }, { "annotation_tags", 0 }, { "state", 0 },
	};
	struct store *st;
	sqlite3 *db;
	char *sql;
	size_t i;

	*copied = *lost = 0;
	if (access(out, F_OK) == 0)
		return err_set("%s: already exists; recovery writes a new database", out);
	if (store_open(out, 0, &st) != 0)
		return -1;
	db = store_sqlite(st);
	sql = sqlite3_mprintf("ATTACH %Q AS old", damaged);
	if (sqlite3_exec(db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		sqlite3_free(sql);
		err_set("%s: cannot read: %s", damaged, sqlite3_errmsg(db));
		store_close(st);
		return -1;
	}
	sqlite3_free(sql);
	/* One transaction a table: a damaged page met in a later table can
	 * roll back the transaction it is met in, and must not take the
	 * articles already copied with it. */
	for (i = 0; i < ARRAY_LEN(tables); i++) {
		sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
		salvage_table(db, tables[i].name, tables[i].has_rowid, copied, lost);
		sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	}
	sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	/* The index is derived data: rebuild it from what was salvaged
	 * rather than trust the damaged copy's. */
	sqlite3_exec(db, "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
	    NULL, NULL, NULL);
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	sqlite3_exec(db, "DETACH old", NULL, NULL, NULL);
	sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	store_close(st);
	return 0;
}
