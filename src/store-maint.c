/*
 * store-maint.c: keeping a database healthy: online backup and salvage of a
 * damaged file.
 *
 * Backup uses SQLite's online backup API, so it is consistent even while a
 * reader or an import has the database open. Salvage (`dossier check
 * --recover`) copies every row that can still be read, table by table as
 * the damaged file declares them (read from its schema, never a list kept
 * here), into a new database with the current schema: a damaged page
 * loses the rows on it, not the rest of a person's notes. Derived data
 * (the full-text index, the list's counts) is not copied but rebuilt.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store-int.h"
#include "util.h"

/* The first bytes of the files SQLite writes: a database, a WAL (either
 * byte order of checksums) and a rollback journal. */
static int
is_sqlite_file(const char *path)
{
	static const unsigned char db[16] = "SQLite format 3";
	static const unsigned char journal[8] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };
	static const unsigned char wal[3] = { 0x37, 0x7f, 0x06 };
	unsigned char head[16];
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return 0;
	n = read(fd, head, sizeof head);
	close(fd);
	return (n >= 16 && memcmp(head, db, 16) == 0) ||
	    (n >= 8 && memcmp(head, journal, 8) == 0) ||
	    (n >= 4 && memcmp(head, wal, 3) == 0 && (head[3] == 0x82 || head[3] == 0x83));
}

int
store_check_target(const struct store *st, const char *path, int any_database)
{
	static const char *const sides[] = { "", "-wal", "-shm", "-journal" };
	struct stat target, own;
	size_t i;

	if (lstat(path, &target) != 0)
		return errno == ENOENT ? 0 : err_set("%s: %s", path, strerror(errno));
	/* A link is replaced, not followed, but one that leads to the
	 * database is still a mistake worth stopping. */
	if (S_ISLNK(target.st_mode) && stat(path, &target) != 0)
		return 0;
	for (i = 0; i < ARRAY_LEN(sides); i++) {
		char *name = xasprintf("%s%s", store_path(st), sides[i]);
		int same = stat(name, &own) == 0 && own.st_dev == target.st_dev &&
		    own.st_ino == target.st_ino;
		free(name);
		if (same && i == 0)
			return err_set("%s: is the database in use; refusing to write over it", path);
		if (same)
			return err_set("%s: is the %s file of the database in use (%s); refusing "
			    "to write over it", path, sides[i] + 1, store_path(st));
	}
	if (!S_ISREG(target.st_mode))
		return err_set("%s: not a regular file; refusing to replace it", path);
	if (!any_database && is_sqlite_file(path))
		return err_set("%s: a SQLite database file; refusing to write over it", path);
	return 0;
}

int
store_backup(struct store *st, const char *path)
{
	sqlite3 *dst = NULL;
	sqlite3_backup *b;
	char *tmp;
	int rc, fd;

	if (store_check_target(st, path, 1) != 0)
		return -1;
	/* A new file of mode 0600: a copy of a person's notes is as private
	 * as the original. An empty file is an empty database to SQLite. */
	if ((fd = path_temp_beside(path, &tmp)) < 0)
		return -1;
	close(fd);
	if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW,
	    NULL) != SQLITE_OK) {
		err_set("%s: cannot create: %s", path, dst ? sqlite3_errmsg(dst) : "out of memory");
		goto fail;
	}
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
/* Seeks spent looking for a sound stretch inside the keys the doubling
 * jumped over, per damaged stretch. */
#define SALVAGE_PROBES 512

/* One query's text, or NULL (with sqlite's message as the error) when it
 * cannot be built. */
static char *
query_text(sqlite3 *db, const char *sql, const char *table)
{
	sqlite3_stmt *s;
	char *out = NULL;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(s, 1, table, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0) != NULL)
		out = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return out;
}

/* Whether the scan for the rows from KEY on meets damage at once. It runs
 * outside any transaction, so its read ends with it, and the pager's
 * error state with it. */
static int
scan_fails(sqlite3_stmt *after, sqlite3_int64 key)
{
	int rc;

	sqlite3_bind_int64(after, 1, key);
	rc = sqlite3_step(after);
	sqlite3_reset(after);
	return rc != SQLITE_ROW && rc != SQLITE_DONE;
}

/* BASE + OFF, added unsigned: OFF may not fit in an sqlite3_int64, the
 * key it gives does. */
static sqlite3_int64
key_plus(sqlite3_int64 base, uint64_t off)
{
	uint64_t key = (uint64_t)base + off;

	return (sqlite3_int64)key;
}

/* The first key in (LO, HI] that lets the scan read, LO failing and HI
 * passing, found by halving. */
static sqlite3_int64
halve(sqlite3_stmt *after, sqlite3_int64 lo, sqlite3_int64 hi)
{
	while ((uint64_t)hi - (uint64_t)lo > 1) {
		sqlite3_int64 mid = key_plus(lo, ((uint64_t)hi - (uint64_t)lo) / 2);

		if (scan_fails(after, mid))
			lo = mid;
		else
			hi = mid;
	}
	return hi;
}

/*
 * A key in (BAD, BAD + SPAN) that lets the scan read, the lowest found
 * by probing the keys ever more finely (half the span apart, then a
 * quarter...) until SALVAGE_PROBES seeks are spent; *BELOW is set to a
 * failing key under it. 0 if none is found.
 */
static int
sound_between(sqlite3_stmt *after, sqlite3_int64 bad, uint64_t span, sqlite3_int64 *at,
    sqlite3_int64 *below)
{
	uint64_t gap, j;
	int probes = 0;

	for (gap = span / 2; gap > 0; gap /= 2) {
		for (j = 1; j * gap < span; j += 2) {
			sqlite3_int64 key = key_plus(bad, j * gap);

			if (++probes > SALVAGE_PROBES)
				return 0;
			if (!scan_fails(after, key)) {
				*at = key;
				*below = key_plus(bad, (j - 1) * gap);
				return 1;
			}
		}
	}
	return 0;
}

/*
 * The key from which the scan reads again, after the one past BAD failed:
 * steps of 1, 2, 4... until a scan passes, then halving back to the first
 * key that lets it, so a damaged stretch costs a few dozen seeks however
 * many keys it spans. The scan restarts at that key, not past it: a seek
 * to the first key of the sound page after the damage passes, a seek to
 * one less descends into the damaged page. INT64_MAX when the damage runs
 * to the end of the keys.
 *
 * Whether a seek fails is not monotone in the key: two damaged stretches
 * with a sound one between look like one to steps wider than the sound
 * one. So the keys jumped over are probed more finely (sound_between);
 * where a seek into them passes, the scan restarts at the first key
 * there, reads the sound stretch and meets the second damage on its own.
 */
static sqlite3_int64
past_damage(sqlite3_stmt *after, sqlite3_int64 bad)
{
	sqlite3_int64 lo = bad, hi, step = 1, at, below;

	for (;;) {
		hi = lo > INT64_MAX - step ? INT64_MAX : lo + step;
		if (!scan_fails(after, hi))
			break;
		if (hi == INT64_MAX)
			return sound_between(after, bad, (uint64_t)hi - (uint64_t)bad, &at, &below) ?
			    halve(after, below, at) : INT64_MAX;
		lo = hi;
		if (step <= INT64_MAX / 2)
			step *= 2;
	}
	if (sound_between(after, bad, (uint64_t)lo - (uint64_t)bad, &at, &below))
		return halve(after, below, at);
	return halve(after, lo, hi);
}

/* One column of a row's key, copied (sqlite3_value_dup). */
struct saved_key {
	sqlite3_value *v;
};

/* The keys of the rows copied since the last commit, to copy them again. */
struct uncommitted {
	struct saved_key *key; /* nkey to a row */
	int nkey;
	size_t rows;
};

static void
uncommitted_clear(struct uncommitted *u)
{
	size_t i;

	for (i = 0; i < u->rows * (size_t)u->nkey; i++)
		sqlite3_value_free(u->key[i].v);
	u->rows = 0;
}

/* Copies the rows of U again by their keys, in a transaction of their
 * own; how many it copied, or -1 (rolled back). */
static long
recopy(sqlite3 *dst, sqlite3_stmt *ins, const struct uncommitted *u)
{
	size_t r;
	long n = 0;
	int i;

	if (sqlite3_exec(dst, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	for (r = 0; r < u->rows; r++) {
		for (i = 0; i < u->nkey; i++)
			sqlite3_bind_value(ins, i + 1, u->key[r * (size_t)u->nkey + (size_t)i].v);
		if (sqlite3_step(ins) != SQLITE_DONE) {
			sqlite3_reset(ins);
			break;
		}
		n += sqlite3_changes(dst);
		sqlite3_reset(ins);
	}
	if (r == u->rows && sqlite3_exec(dst, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
		return n;
	if (!sqlite3_get_autocommit(dst))
		sqlite3_exec(dst, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/*
 * Ends the transaction of the rows copied since the last commit. After a
 * scan met damage in the old file, SQLite refuses the commit: the rows
 * are rolled back and copied again by their keys (a seek to a key does
 * not step onto the damaged page). What cannot be is counted lost.
 */
static void
salvage_commit(sqlite3 *dst, sqlite3_stmt *ins, struct uncommitted *u, size_t *pending,
    size_t *copied, size_t *lost)
{
	long again;

	if (!sqlite3_get_autocommit(dst) &&
	    sqlite3_exec(dst, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		if (!sqlite3_get_autocommit(dst))
			sqlite3_exec(dst, "ROLLBACK", NULL, NULL, NULL);
		again = ins != NULL && u->rows > 0 ? recopy(dst, ins, u) : -1;
		*copied -= *pending;
		if (again < 0) {
			*lost += *pending;
		} else {
			*copied += (size_t)again;
			if ((size_t)again < *pending)
				*lost += *pending - (size_t)again;
		}
	}
	*pending = 0;
	uncommitted_clear(u);
}

/*
 * Copies the readable rows of one table, as the damaged file declares it:
 * a rowid table by rowid (kept), a WITHOUT ROWID table by its primary key.
 * Only the columns both files have are copied. Rows are read in key order,
 * each on its own, so a damaged row costs only itself; a scan that meets a
 * damaged page is restarted past it by a seek on the first key column
 * (past_damage), which works while that column is an integer, as every
 * key in dossier's schema is. A damaged stretch of keys is counted as one
 * loss: how many rows it held cannot be read.
 */
static void
salvage_table(sqlite3 *dst, const char *table, int has_rowid, size_t *copied, size_t *lost)
{
	sqlite3_stmt *first = NULL, *after = NULL, *ins = NULL, *scan;
	char *cols, *key, *k1, *marks, *sql;
	const char *p;
	sqlite3_int64 floor = INT64_MIN;
	size_t batch = 0, pending = 0;   /* rows copied since the last commit */
	struct uncommitted u = { NULL, 0, 0 };
	int rc, nkey, failed, started = 0, integral = 1;

	sqlite3_exec(dst, "BEGIN", NULL, NULL, NULL);
	cols = query_text(dst, "SELECT group_concat(printf('\"%w\"', name), ', ')"
	    " FROM pragma_table_info(?1, 'main')"
	    " WHERE name IN (SELECT name FROM pragma_table_info(?1, 'old'))", table);
	key = has_rowid ? xstrdup("rowid") : query_text(dst,
	    "SELECT group_concat(printf('\"%w\"', name), ', ') FROM"
	    " (SELECT name FROM pragma_table_info(?1, 'old') WHERE pk > 0 ORDER BY pk)", table);
	k1 = has_rowid ? xstrdup("rowid") : query_text(dst,
	    "SELECT printf('\"%w\"', name) FROM pragma_table_info(?1, 'old') WHERE pk = 1",
	    table);
	marks = query_text(dst, has_rowid ? "SELECT '?1'" :
	    "SELECT group_concat('?' || pk, ', ') FROM"
	    " (SELECT pk FROM pragma_table_info(?1, 'old') WHERE pk > 0 ORDER BY pk)", table);
	if (cols == NULL || key == NULL || k1 == NULL || marks == NULL) {
		(*lost)++;
		goto done;
	}
	for (p = marks, nkey = 1; *p != '\0'; p++)
		nkey += *p == ',';
	u.nkey = nkey;
	u.key = xcalloc((size_t)SALVAGE_BATCH * (size_t)nkey, sizeof *u.key);
	/* The scan reads each row whole (the insert reads it again): damage
	 * in a row's own pages (a body's overflow) is met by the scan, which
	 * restarts past it, not by the insert, whose error can roll back the
	 * rows copied since the last commit. */
	sql = sqlite3_mprintf("SELECT %s, %s FROM old.\"%w\" ORDER BY %s", key, cols, table, key);
	rc = sqlite3_prepare_v2(dst, sql, -1, &first, NULL);
	sqlite3_free(sql);
	sql = sqlite3_mprintf("SELECT %s, %s FROM old.\"%w\" WHERE %s >= ?1 ORDER BY %s", key, cols,
	    table, k1, key);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(dst, sql, -1, &after, NULL);
	sqlite3_free(sql);
	sql = sqlite3_mprintf("INSERT OR IGNORE INTO main.\"%w\"(%s%s) SELECT %s%s FROM old.\"%w\""
	    " WHERE (%s) = (%s)", table, has_rowid ? "rowid, " : "", cols,
	    has_rowid ? "rowid, " : "", cols, table, key, marks);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(dst, sql, -1, &ins, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK) {
		(*lost)++;
		goto done;
	}
	/* Every turn starts past a larger key than the last: it ends. */
	for (scan = first;; scan = after) {
		int i;

		failed = 0;
		while ((rc = sqlite3_step(scan)) == SQLITE_ROW) {
			for (i = 0; i < nkey; i++)
				sqlite3_bind_value(ins, i + 1, sqlite3_column_value(scan, i));
			integral = sqlite3_column_type(scan, 0) == SQLITE_INTEGER;
			floor = sqlite3_column_int64(scan, 0);
			started = 1;
			if (sqlite3_step(ins) != SQLITE_DONE) {
				/* The pager is now in its error state and would
				 * fail every row after this one: the row is lost,
				 * and the scan restarts past it. Were the copies
				 * since the last commit rolled back with it, they
				 * are lost too; if not, they are still to commit. */
				sqlite3_reset(ins);
				if (sqlite3_get_autocommit(dst)) {
					*copied -= pending;
					*lost += pending;
					pending = 0;
					uncommitted_clear(&u);
				}
				failed = 1;
				break;
			}
			*copied += (size_t)sqlite3_changes(dst);
			pending += (size_t)sqlite3_changes(dst);
			if (u.rows < SALVAGE_BATCH) {
				for (i = 0; i < nkey; i++)
					u.key[u.rows * (size_t)nkey + (size_t)i].v =
					    sqlite3_value_dup(sqlite3_column_value(scan, i));
				u.rows++;
			}
			sqlite3_reset(ins);
			/* Damage met by an insert can roll back its transaction:
			 * commit now and then, so it takes only the rows since. */
			if (++batch % SALVAGE_BATCH == 0 || sqlite3_get_autocommit(dst)) {
				salvage_commit(dst, ins, &u, &pending, copied, lost);
				sqlite3_exec(dst, "BEGIN", NULL, NULL, NULL);
			}
		}
		sqlite3_reset(scan);
		if (rc == SQLITE_DONE && !failed)
			break;
		(*lost)++;
		/* The pager stays in its error state until the read transaction
		 * that met the damage ends: end it, keeping what was copied. */
		salvage_commit(dst, ins, &u, &pending, copied, lost);
		if ((started && (!integral || floor == INT64_MAX)) || (!started && !has_rowid)) {
			sqlite3_exec(dst, "BEGIN", NULL, NULL, NULL);
			break;
		}
		/* A row the new file refused was read whole: the scan goes on
		 * from the next one. Damage the scan met lies past the last row
		 * read: the scan goes on past it. */
		if (!failed)
			floor = past_damage(after, floor);
		else
			floor++;   /* not INT64_MAX: that ended the table above */
		started = 1;
		sqlite3_exec(dst, "BEGIN", NULL, NULL, NULL);
		if (floor == INT64_MAX && !failed)
			break;
		sqlite3_bind_int64(after, 1, floor);
	}
done:
	salvage_commit(dst, ins, &u, &pending, copied, lost);
	sqlite3_finalize(ins);
	sqlite3_finalize(after);
	sqlite3_finalize(first);
	free(u.key);
	free(cols);
	free(key);
	free(k1);
	free(marks);
}

/* The tables of the damaged file as it declares them (not virtual ones or
 * their shadow tables: the full-text index is rebuilt), in the order they
 * were created, where the new file has a table of that name whose rows
 * are not derived from others. */
static int
salvage_tables(sqlite3 *dst, size_t *copied, size_t *lost)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(dst, "SELECT o.name, NOT o.wr FROM pragma_table_list o"
	    " JOIN pragma_table_list m ON m.name = o.name AND m.schema = 'main' AND m.type = 'table'"
	    " WHERE o.schema = 'old' AND o.type = 'table' AND o.name NOT LIKE 'sqlite_%'"
	    " ORDER BY (SELECT rowid FROM old.sqlite_schema WHERE name = o.name)",
	    -1, &s, NULL) != SQLITE_OK)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(s, 0);
		/* One transaction a table: a damaged page met in a later table
		 * can roll back the transaction it is met in, and must not take
		 * the articles already copied with it. */
		if (name != NULL && !store_schema_derived(name))
			salvage_table(dst, name, sqlite3_column_int(s, 1), copied, lost);
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The old list of ARTICLE's spans in TABLE (paragraphs or sentences),
 * read with *S (made on first use), copied into *blob (NULL when it has
 * none); -1 when its page cannot be read. */
static int
old_spans_read(sqlite3 *dst, const char *table, int64_t article, sqlite3_stmt **s,
    struct buf *blob)
{
	char *sql;
	int rc;

	buf_reset(blob);
	if (*s == NULL) {
		sql = sqlite3_mprintf("SELECT spans FROM old.%s WHERE article_id = ?1", table);
		rc = sqlite3_prepare_v2(dst, sql, -1, s, NULL);
		sqlite3_free(sql);
		if (rc != SQLITE_OK)
			return -1;
	}
	sqlite3_bind_int64(*s, 1, article);
	rc = sqlite3_step(*s);
	if (rc == SQLITE_ROW)
		buf_add(blob, sqlite3_column_blob(*s, 0), (size_t)sqlite3_column_bytes(*s, 0));
	sqlite3_reset(*s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* Articles whose old spans are read before they are written (the LIMIT
 * of salvage_old_spans's query). */
#define SPANS_CHUNK 256

/* A file from before schema 17 keeps an article's spans in two tables of
 * 8 bytes a span: they are packed into today's one row (as the upgrade
 * does), for the articles that were salvaged, so that a damaged page
 * costs only the lists on it, as for every other table (salvage_table).
 * The old lists are read outside any transaction, a chunk of articles at
 * a time: a damaged page met inside one leaves it unable to go on (even
 * to commit), and would take the chunk's good lists with it. */
static void
salvage_old_spans(sqlite3 *dst, size_t *copied, size_t *lost)
{
	sqlite3_stmt *s, *paras = NULL, *sents = NULL, *ins = NULL;
	struct buf p[SPANS_CHUNK], q[SPANS_CHUNK];
	int64_t id[SPANS_CHUNK], last = 0;
	int old = 0, more = 1;
	size_t n, i;

	if (sqlite3_prepare_v2(dst, "SELECT count(*) FROM pragma_table_list"
	    " WHERE schema = 'old' AND type = 'table' AND name IN ('paragraphs', 'sentences')",
	    -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		old = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	if (old != 2)
		return;
	if (sqlite3_prepare_v2(dst, "SELECT id FROM main.articles WHERE id > ?1 ORDER BY id"
	    " LIMIT 256", -1, &s, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(dst, "INSERT OR IGNORE INTO"
	    " main.spans(article_id, paragraphs, sentences) VALUES (?1,"
	    " dossier_spans_pack(?2), dossier_spans_pack(?3))", -1, &ins, NULL) != SQLITE_OK) {
		sqlite3_finalize(s);
		(*lost)++;
		return;
	}
	for (i = 0; i < SPANS_CHUNK; i++) {
		buf_init(&p[i]);
		buf_init(&q[i]);
	}
	while (more) {
		sqlite3_bind_int64(s, 1, last);
		for (n = 0; n < SPANS_CHUNK && sqlite3_step(s) == SQLITE_ROW; n++)
			id[n] = last = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
		more = n == SPANS_CHUNK;
		for (i = 0; i < n; i++) {
			*lost += (size_t)(old_spans_read(dst, "paragraphs", id[i], &paras, &p[i]) != 0);
			*lost += (size_t)(old_spans_read(dst, "sentences", id[i], &sents, &q[i]) != 0);
		}
		sqlite3_exec(dst, "BEGIN", NULL, NULL, NULL);
		for (i = 0; i < n; i++) {
			if (p[i].len == 0 && q[i].len == 0)
				continue;
			sqlite3_bind_int64(ins, 1, id[i]);
			sqlite3_bind_blob(ins, 2, p[i].len > 0 ? p[i].data : "", (int)p[i].len,
			    SQLITE_STATIC);
			sqlite3_bind_blob(ins, 3, q[i].len > 0 ? q[i].data : "", (int)q[i].len,
			    SQLITE_STATIC);
			if (sqlite3_step(ins) == SQLITE_DONE)
				*copied += (size_t)sqlite3_changes(dst);
			else
				(*lost)++;
			sqlite3_reset(ins);
		}
		sqlite3_exec(dst, "COMMIT", NULL, NULL, NULL);
	}
	for (i = 0; i < SPANS_CHUNK; i++) {
		buf_free(&p[i]);
		buf_free(&q[i]);
	}
	sqlite3_finalize(s);
	sqlite3_finalize(paras);
	sqlite3_finalize(sents);
	sqlite3_finalize(ins);
}

/* A salvaged spans row whose lists do not decode (damage SQLite's own
 * checks cannot see) is dropped and counted lost: what counts again from
 * the spans (the report counts, next) must be able to read every one. */
static void
salvage_check_spans(struct store *st, size_t *lost)
{
	sqlite3 *db = store_sqlite(st);
	sqlite3_stmt *s;
	int64_t *bad = NULL;
	size_t nbad = 0, i;

	if (sqlite3_prepare_v2(db, "SELECT article_id FROM main.spans", -1, &s, NULL) != SQLITE_OK)
		return;
	while (sqlite3_step(s) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(s, 0);
		struct text_span *v = NULL;
		size_t n = 0;

		if (store_paragraphs_get(st, id, &v, &n) == 0) {
			free(v);
			v = NULL;
			if (store_sentences_get(st, id, &v, &n) == 0) {
				free(v);
				continue;
			}
		}
		bad = xreallocarray(bad, nbad + 1, sizeof *bad);
		bad[nbad++] = id;
	}
	sqlite3_finalize(s);
	if (nbad > 0 && sqlite3_prepare_v2(db, "DELETE FROM main.spans WHERE article_id = ?1",
	    -1, &s, NULL) == SQLITE_OK) {
		for (i = 0; i < nbad; i++) {
			sqlite3_reset(s);
			sqlite3_bind_int64(s, 1, bad[i]);
			if (sqlite3_step(s) == SQLITE_DONE)
				(*lost)++;
		}
		sqlite3_finalize(s);
	}
	free(bad);
}

int
store_recover(const char *damaged, const char *out, size_t *copied, size_t *lost)
{
	struct store *st;
	sqlite3 *db;
	char *sql;

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
	/* A schema too damaged to list loses everything but says so. */
	if (salvage_tables(db, copied, lost) != 0)
		(*lost)++;
	salvage_old_spans(db, copied, lost);
	salvage_check_spans(st, lost);
	sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	/* Derived data is made again from what was salvaged rather than
	 * trusted from the damaged copy. */
	if (store_schema_rebuild(st) != 0) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		store_close(st);
		return -1;
	}
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	sqlite3_exec(db, "DETACH old", NULL, NULL, NULL);
	sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	store_close(st);
	return 0;
}
