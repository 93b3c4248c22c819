/* test-store-maint.c: backup, integrity checks and salvage of a damaged file. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
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


/* The rows of the tables salvage copies (not the derived ones) in PATH. */
static int
rows(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	int n = 0;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_list WHERE schema = 'main'"
	    " AND type = 'table' AND name NOT LIKE 'sqlite_%'", -1, &s, NULL) != SQLITE_OK)
		tap_bail("%s: cannot list tables: %s", path, sqlite3_errmsg(db));
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(s, 0);
		char *sql;

		if (store_schema_derived(name))
			continue;
		sql = sqlite3_mprintf("SELECT count(*) FROM \"%w\"", name);
		n += count(path, sql);
		sqlite3_free(sql);
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n;
}

static uint64_t
varint(const unsigned char *p, const unsigned char **end)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < 8 && (p[i] & 0x80); i++)
		v = (v << 7) | (p[i] & 0x7f);
	v = i < 8 ? (v << 7) | p[i] : (v << 8) | p[i];
	*end = p + i + 1;
	return v;
}

/* The page of PATH that is a table leaf whose first row's key is between
 * LO and HI (read off the file's own b-tree pages), or 0. */
static int
leaf_of(const char *path, int64_t lo, int64_t hi)
{
	int size = count(path, "PRAGMA page_size"), pages = count(path, "PRAGMA page_count");
	unsigned char *buf = xmalloc((size_t)size);
	const unsigned char *c;
	int fd = open(path, O_RDONLY), page, found = 0;
	int64_t key;

	for (page = 2; fd >= 0 && page <= pages && !found; page++) {
		if (pread(fd, buf, (size_t)size, (off_t)size * (page - 1)) != size ||
		    buf[0] != 0x0d || (buf[3] << 8 | buf[4]) == 0)
			continue;
		c = buf + (buf[8] << 8 | buf[9]);
		if (c >= buf + size - 18)
			continue;
		varint(c, &c);
		key = (int64_t)varint(c, &c);
		if (key >= lo && key <= hi)
			found = page;
	}
	if (fd >= 0)
		close(fd);
	free(buf);
	return found;
}

/* The key of the last row on the table leaf PAGE of PATH; *ROWS, if not
 * NULL, is set to how many rows it holds. */
static int64_t
leaf_rows(const char *path, int page, int *rows)
{
	int size = count(path, "PRAGMA page_size");
	unsigned char *buf = xmalloc((size_t)size);
	const unsigned char *c;
	int fd = open(path, O_RDONLY), cells;
	int64_t key = -1;

	if (fd >= 0 && pread(fd, buf, (size_t)size, (off_t)size * (page - 1)) == size &&
	    buf[0] == 0x0d && (cells = buf[3] << 8 | buf[4]) > 0) {
		c = buf + (buf[8 + 2 * (cells - 1)] << 8 | buf[9 + 2 * (cells - 1)]);
		varint(c, &c);
		key = (int64_t)varint(c, &c);
		if (rows != NULL)
			*rows = cells;
	}
	if (fd >= 0)
		close(fd);
	free(buf);
	return key;
}

static int64_t
leaf_last(const char *path, int page)
{
	return leaf_rows(path, page, NULL);
}

/* A copy of the sound file DB at BAD with page PAGE overwritten. */
static void
damaged_copy(const char *db, const char *bad, int page)
{
	struct store *st;

	unlink(bad);
	if (store_open(db, STORE_READONLY, &st) != 0 || store_backup(st, bad) != 0)
		tap_bail("%s", err_msg());
	store_close(st);
	damage(bad, (off_t)count(db, "PRAGMA page_size") * (page - 1),
	    (size_t)count(db, "PRAGMA page_size"));
}

static void
remove_db(const char *path)
{
	char *side;

	unlink(path);
	side = xasprintf("%s-wal", path);
	unlink(side);
	free(side);
	side = xasprintf("%s-shm", path);
	unlink(side);
	free(side);
}

/*
 * Damage in a table's upper pages: salvage reports what it lost as one
 * loss a damaged stretch of keys, never more than the file holds, and a
 * stretch wider than any fixed number of steps does not end the table.
 */
static void
salvage_upper_damage(const char *dir, const char *db)
{
	char *bad = xasprintf("%s/upper.db", dir), *out = xasprintf("%s/upper-rec.db", dir);
	char *sparse = xasprintf("%s/sparse.db", dir);
	struct store *st;
	size_t copied, lost;
	int n, root, leaf, i, on_leaf = -1;

	n = rows(db);
	root = count(db, "SELECT rootpage FROM sqlite_schema WHERE name = 'articles'");
	damaged_copy(db, bad, root);
	remove_db(out);
	ok(store_recover(bad, out, &copied, &lost) == 0, "salvage past a damaged table root");
	ok(lost >= 1 && lost <= (size_t)n, "what is lost is at most what the file held "
	    "(%zu lost of %d rows)", lost, n);
	is_int((int)copied, rows(out), "what is said copied is in the new file");

	/* Articles 150,000 ids apart, a leaf page or so each: a leaf in the
	 * middle damaged does not take the articles after it. */
	if (store_open(sparse, 0, &st) != 0)
		tap_bail("%s", err_msg());
	sqlite3_exec(store_sqlite(st), "BEGIN", NULL, NULL, NULL);
	for (i = 1; i <= 200; i++) {
		char *sql = sqlite3_mprintf("INSERT INTO articles(id, title, format, body, hash) "
		    "VALUES (%d * 150000, 't%d', 'text', printf('%%.*c', 3000, 'y'), 's%d')",
		    i, i, i);
		sqlite3_exec(store_sqlite(st), sql, NULL, NULL, NULL);
		sqlite3_free(sql);
	}
	sqlite3_exec(store_sqlite(st), "COMMIT", NULL, NULL, NULL);
	sqlite3_exec(store_sqlite(st), "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
	store_close(st);
	is_int(count(sparse, "SELECT count(*) FROM articles"), 200, "sparse articles written");
	if ((leaf = leaf_of(sparse, 95 * 150000, 105 * 150000)) == 0)
		tap_bail("%s: no leaf page of the articles in the middle", sparse);
	leaf_rows(sparse, leaf, &on_leaf);
	damaged_copy(sparse, bad, leaf);
	remove_db(out);
	ok(store_recover(bad, out, &copied, &lost) == 0, "salvage past a damaged leaf");
	n = count(out, "SELECT count(*) FROM articles WHERE id > 110 * 150000");
	is_int(n, 90, "the articles after a damaged leaf of sparse ids are kept");
	n = count(out, "SELECT count(*) FROM articles");
	is_int(n, 200 - on_leaf, "only the %d rows on the damaged leaf are not copied, not the "
	    "rows read before it (%zu lost)", on_leaf, lost);
	ok(lost >= 1 && (int)lost <= 200 - n, "the damaged leaf is counted lost, no more than "
	    "the rows not copied (%zu lost, %d of 200 copied)", lost, n);
	free(bad);
	free(out);
	free(sparse);
}

/* Articles 1..N of small bodies, several to a leaf, in a new file at PATH. */
static void
dense(const char *path, int n)
{
	struct store *st;
	int i;

	remove_db(path);
	if (store_open(path, 0, &st) != 0)
		tap_bail("%s", err_msg());
	sqlite3_exec(store_sqlite(st), "BEGIN", NULL, NULL, NULL);
	for (i = 1; i <= n; i++) {
		char *sql = sqlite3_mprintf("INSERT INTO articles(id, title, format, body, hash) "
		    "VALUES (%d, 't%d', 'text', printf('%%.*c', 400, 'z'), 'd%d')", i, i, i);
		sqlite3_exec(store_sqlite(st), sql, NULL, NULL, NULL);
		sqlite3_free(sql);
	}
	sqlite3_exec(store_sqlite(st), "COMMIT", NULL, NULL, NULL);
	sqlite3_exec(store_sqlite(st), "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
	store_close(st);
}

/*
 * Ids one after another, as dossier gives them: the row just after a
 * damaged leaf starts the next leaf, and a seek to it passes while a
 * seek to one less descends into the damage. Every row after the
 * damaged leaf is kept, that first one too.
 */
static void
salvage_dense(const char *dir)
{
	char *db = xasprintf("%s/dense.db", dir), *bad = xasprintf("%s/dense-bad.db", dir);
	char *out = xasprintf("%s/dense-rec.db", dir), *sql;
	size_t copied, lost;
	int leaf;
	int64_t last = -1;

	dense(db, 600);
	if ((leaf = leaf_of(db, 300, 320)) == 0 || (last = leaf_last(db, leaf)) < 300)
		tap_bail("%s: no leaf page of the articles in the middle", db);
	damaged_copy(db, bad, leaf);
	remove_db(out);
	ok(store_recover(bad, out, &copied, &lost) == 0, "salvage past a damaged leaf of dense ids");
	sql = xasprintf("SELECT count(*) FROM articles WHERE id > %lld", (long long)last);
	is_int(count(out, sql), 600 - (int)last, "every article after the damaged leaf is kept, "
	    "the first after it too (leaf ends at %lld)", (long long)last);
	free(sql);
	is_int((int)copied, rows(out), "what is said copied is in the new file");

	/* Five damaged leaves, one sound, six damaged: steps doubling from
	 * the first damage are wider than the sound leaf by the time they
	 * reach it, and one lands in the second damage. */
	{
		int page[12], i, size = count(db, "PRAGMA page_size");
		int64_t first = 300, sound_lo = 0, sound_hi = 0;

		for (i = 0; i < 12; i++) {
			if ((page[i] = leaf_of(db, first, i == 0 ? 320 : first)) == 0 ||
			    (last = leaf_last(db, page[i])) < first)
				tap_bail("%s: no leaf from article %lld", db, (long long)first);
			if (i == 5) {
				sound_lo = first;
				sound_hi = last;
			}
			first = last + 1;
		}
		damaged_copy(db, bad, page[0]);
		for (i = 1; i < 12; i++)
			if (i != 5)
				damage(bad, (off_t)size * (page[i] - 1), (size_t)size);
		remove_db(out);
		ok(store_recover(bad, out, &copied, &lost) == 0,
		    "salvage past two damaged stretches with a sound leaf between");
		sql = xasprintf("SELECT count(*) FROM articles WHERE id BETWEEN %lld AND %lld",
		    (long long)sound_lo, (long long)sound_hi);
		is_int(count(out, sql), (int)(sound_hi - sound_lo + 1), "the sound leaf between "
		    "them is kept (%lld..%lld)", (long long)sound_lo, (long long)sound_hi);
		free(sql);
		sql = xasprintf("SELECT count(*) FROM articles WHERE id > %lld", (long long)last);
		is_int(count(out, sql), 600 - (int)last, "and every article after the second");
		free(sql);
		ok(lost >= 2, "each damaged stretch counted lost (%zu)", lost);
		is_int((int)copied, rows(out), "what is said copied is in the new file");
	}
	free(db);
	free(bad);
	free(out);
}

/*
 * A new file that cannot grow (the file size limit, its signal ignored):
 * every row of the damaged file is either copied or counted lost, and
 * what is said copied is in the new file.
 */
static void
salvage_full(const char *dir)
{
	char *db = xasprintf("%s/many.db", dir), *out = xasprintf("%s/full-rec.db", dir);
	struct rlimit was, lim;
	struct store *st;
	size_t copied, lost;
	int n;

	/* Rows in many commits' worth, so the disk fills between them. */
	if (store_open(db, 0, &st) != 0)
		tap_bail("%s", err_msg());
	sqlite3_exec(store_sqlite(st), "BEGIN; WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL"
	    " SELECT n + 1 FROM i WHERE n < 3000) INSERT INTO articles(title, format, body, hash)"
	    " SELECT 'm' || n, 'text', printf('%.*c', 300, 'z'), 'm' || n FROM i; COMMIT;"
	    " PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
	store_close(st);
	n = rows(db);
	is_int(n, 3000, "a file of 3000 small articles");

	if (getrlimit(RLIMIT_FSIZE, &was) != 0)
		tap_bail("getrlimit: %s", strerror(errno));
	signal(SIGXFSZ, SIG_IGN);
	lim = was;
	lim.rlim_cur = 1200 * 1024;
	if (was.rlim_max != RLIM_INFINITY && was.rlim_max < lim.rlim_cur)
		lim.rlim_cur = was.rlim_max;
	remove_db(out);
	if (setrlimit(RLIMIT_FSIZE, &lim) != 0)
		tap_bail("setrlimit: %s", strerror(errno));
	store_recover(db, out, &copied, &lost);
	setrlimit(RLIMIT_FSIZE, &was);
	signal(SIGXFSZ, SIG_DFL);
	ok(lost > 0, "a full disk loses rows (%zu copied, %zu lost)", copied, lost);
	ok(copied + lost >= (size_t)n, "every row copied or counted lost (%zu + %zu of %d)",
	    copied, lost, n);
	ok(access(out, F_OK) != 0 || (int)copied <= rows(out),
	    "no row said copied is missing from the new file (%zu said, %d there)",
	    copied, access(out, F_OK) == 0 ? rows(out) : 0);
	free(db);
	free(out);
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
	salvage_upper_damage(dir, db);
	salvage_dense(dir);
	salvage_full(dir);
	free(db);
	free(copy);
	free(bad);
	free(out);
	return tap_done();
}
