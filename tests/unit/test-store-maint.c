/* test-store-maint.c: backup, integrity checks and salvage of a damaged file. */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../src/store-int.h"   /* the rows themselves */
#include "tap.h"
#include "util.h"

static int
count(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	int n = -1;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			n = sqlite3_column_int(s, 0);
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return n;
}

/* Many articles, so the file spans many pages and damage hits only some. */
static void
fill(struct store *st, int n)
{
	static int next;
	sqlite3 *db = store_sqlite(st);
	char sql[512];
	int i;

	sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	for (i = next; i < next + n; i++) {
		snprintf(sql, sizeof sql, "INSERT INTO articles(title, format, body, hash) "
		    "VALUES ('t%d', 'text', printf('%%.*c', 3000, 'x'), 'h%d')", i, i);
		sqlite3_exec(db, sql, NULL, NULL, NULL);
	}
	next += n;
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
}

static void
damage(const char *path, off_t at, size_t n)
{
	char junk[4096];
	int fd = open(path, O_WRONLY);

	memset(junk, 0xA5, sizeof junk);
	if (n > sizeof junk)
		n = sizeof junk;
	if (fd < 0 || pwrite(fd, junk, n, at) != (ssize_t)n)
		tap_bail("cannot damage %s", path);
	close(fd);
}

int
main(void)
{
	const char *dir = tap_tmpdir();
	char *db = xasprintf("%s/a.db", dir), *copy = xasprintf("%s/copy.db", dir);
	char *bad = xasprintf("%s/bad.db", dir), *out = xasprintf("%s/rec.db", dir);
	struct store *st;
	size_t copied, lost;
	int rc, page_size;

	if (store_open(db, 0, &st) != 0)
		tap_bail("%s", err_msg());
	fill(st, 200);
	ok(store_backup(st, copy) == 0, "backup written");
	store_close(st);
	is_int(count(copy, "SELECT count(*) FROM articles"), 200, "backup has every article");
	{
		struct stat sb;
		ok(stat(copy, &sb) == 0 && (sb.st_mode & 0777) == 0600, "backup is private");
	}
	ok(store_open(copy, STORE_READONLY, &st) == 0 && store_check(st, 1) == 0,
	    "backup passes the integrity check");
	store_close(st);
	if (store_open(db, 0, &st) != 0)
		tap_bail("%s", err_msg());
	fill(st, 1);
	ok(store_backup(st, copy) == 0, "backup over an existing file");
	store_close(st);
	is_int(count(copy, "SELECT count(*) FROM articles"), 201, "it was replaced whole");

	/* Damage a page of a copy in the middle of its article pages. */
	page_size = count(db, "PRAGMA page_size");
	if (store_open(db, STORE_READONLY, &st) != 0 || store_backup(st, bad) != 0)
		tap_bail("%s", err_msg());
	store_close(st);
	damage(bad, (off_t)page_size * 240, (size_t)page_size);
	ok(store_open(bad, STORE_READONLY, &st) == 0, "a damaged file still opens");
	rc = store_check(st, 1);
	ok(rc == -1 && strstr(err_msg(), "damaged") != NULL,
	    "the integrity check finds the damage: %s", err_msg());
	store_close(st);
	ok(store_recover(bad, out, &copied, &lost) == 0, "salvage runs");
	ok(copied > 100, "most rows salvaged (%zu copied, %zu lost)", copied, lost);
	ok(store_open(out, STORE_READONLY, &st) == 0 && store_check(st, 1) == 0,
	    "the salvaged database is sound");
	store_close(st);
	ok(store_recover(bad, out, &copied, &lost) == -1 && strstr(err_msg(), "exists") != NULL,
	    "salvage never overwrites: %s", err_msg());
	free(db);
	free(copy);
	free(bad);
	free(out);
	return tap_done();
}
