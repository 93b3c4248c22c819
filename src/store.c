/*
 * store.c: opening the database, its connection-wide settings, the cache of
 * prepared statements and transaction nesting. The tables themselves are in
 * store-schema.c; each kind of row has its own store-*.c file.
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

/* Statement cache: open addressing on the SQL text's address. dossier has
 * some two hundred distinct statements (store_stmt's callers), and a
 * connection uses those of one command or view: a table of four times that
 * never fills. If it did, further statements would go through one uncached
 * slot, and preparing the next would finalize one a caller may still be
 * stepping (a paged walk steps one statement while it runs another). */
#define STMT_CACHE 1024
/* How long a second dossier waits for the first one's write to finish. */
#define BUSY_TIMEOUT_MS 5000
/* The page cache of a STORE_BULK connection (negative: KiB; SQLite's
 * default is 2 MiB). An import reads and writes index pages all over a
 * large database (mentions by entity, related statements' keys and links
 * back to older statements): with the default, most of them are read
 * again from the file for every batch. */
#define BULK_CACHE "-16384"
/* ... and its WAL is copied into the database every this many bytes of
 * pages (SQLite's default is 1,000 pages): an import's batches rewrite the
 * same index pages, which are then copied once rather than once a batch. */
#define BULK_CHECKPOINT_BYTES (64 * 1024 * 1024)
/* Statement and savepoint journals are kept in memory up to this many
 * bytes (SQLite's default is 64 KiB), in a temporary file past it. One
 * block of this size, not temp_store = MEMORY's list of 1 KiB blocks,
 * which SQLite walks from its first at the end of every statement that
 * may need undoing (a multi-row insert, an insert with foreign keys on):
 * inside a savepoint holding thousands of pages each such statement costs
 * as much as all written before it. Less than 128 KiB: SQLite moves the
 * block to the file in one write, and its Unix layer writes at most
 * 131,071 bytes at a time, reporting a longer write as a full disk. Set
 * once for the process, before SQLite's first use (store_open). Not
 * temp_store = MEMORY for an import either, though an article that
 * changes more than the block above leaves the journals of its batch's
 * later articles in the file: in memory, the walk at the end of each
 * statement grows with the article's own pages, and one article of a few
 * megabytes (a hundred thousand mentions) took three times as long. */
#define STMT_JOURNAL_BYTES (120 * 1024)

/* With STORE_MMAP, reads go through a memory map of this much of the file
 * rather than read(2) into SQLite's page cache: opening a 10 MB article
 * then costs a copy out of the map, not a copy per page and a cache to
 * hold them. */
#define MMAP_BYTES "268435456"

/* The page size of a new database (SQLite's default is 4,096). Most of the
 * file is article bodies of a few kilobytes, each longer than a page: a
 * row keeps between a tenth and all of a page of it in its table's leaf and
 * the rest in overflow pages, which are full, so what a row leaves empty
 * is in the leaves, about half a row's share a row. Smaller pages leave
 * less: 1,024 makes a database of 20,000 generated articles 5% smaller
 * than 4,096 (bench/RESULTS.md, "Database size"); searches, the list,
 * opening an article and the import cost the same processor time within
 * the noise (3%). An existing file keeps the page size it was made with. */
#define PAGE_SIZE "1024"

struct stmt_slot {
	const char *sql;
	sqlite3_stmt *stmt;
};

struct store {
	sqlite3 *db;
	char *path;
	int readonly;
	int damaged;                 /* corruption seen: no more writes */
	int depth;                   /* store_begin nesting */
	struct stmt_slot cache[STMT_CACHE];
	sqlite3_stmt *uncached;      /* last statement that did not fit */
	int (*check)(void *);        /* store_set_interrupt */
	void *check_arg;
	int busy_ms;                 /* how long to wait for a lock */
	int counts;                  /* the schema is current: a commit is
	                              * followed by keeping the positional
	                              * report counts */
	int counting;                /* keeping them (its own commit keeps none) */
	struct store_stems *stems;   /* search's stemmers (store-stem.c) */
};

char *
store_col_text(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t != NULL ? xstrndup((const char *)t, (size_t)sqlite3_column_bytes(s, i)) : NULL;
}

int
store_col_ids(struct store *st, sqlite3_stmt *s, const char *what, int64_t **ids, size_t *n)
{
	size_t cap = 0;
	int rc;

	*ids = NULL;
	*n = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			*ids = xreallocarray(*ids, cap, sizeof **ids);
		}
		(*ids)[(*n)++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return 0;
	free(*ids);
	*ids = NULL;
	*n = 0;
	return store_err(st, what);
}

int
store_bind_text(sqlite3_stmt *s, int i, const char *t, int copy)
{
	if (t == NULL)
		return sqlite3_bind_null(s, i);
	return sqlite3_bind_text(s, i, t, -1, copy ? SQLITE_TRANSIENT : SQLITE_STATIC);
}

int
store_err(struct store *st, const char *what)
{
	int code = sqlite3_errcode(st->db) & 0xff;

	if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) {
		st->damaged = 1;
		return err_set("%s: damaged (%s: %s); nothing more will be written to it: "
		    "run 'dossier check', and 'dossier check --recover NEW.db' to salvage it",
		    st->path, what, sqlite3_errmsg(st->db));
	}
	if (code == SQLITE_INTERRUPT)
		return err_set("%s: %s: interrupted", st->path, what);
	if (code == SQLITE_READONLY)
		return err_set("%s: %s: the database is read-only", st->path, what);
	if (code == SQLITE_FULL || sqlite3_system_errno(st->db) == ENOSPC ||
	    sqlite3_system_errno(st->db) == EFBIG)
		return err_set("%s: %s: the disk is full (what was committed is kept; "
		    "free space and retry)", st->path, what);
	/* A short write leaves no errno behind: most often the disk filled. */
	if (sqlite3_extended_errcode(st->db) == SQLITE_IOERR_WRITE)
		return err_set("%s: %s: a write failed; is the disk full? (what was committed "
		    "is kept)", st->path, what);
	if (code == SQLITE_BUSY)
		return err_set("%s: %s: the database is locked by another program "
		    "(waited 5 seconds); try again", st->path, what);
	return err_set("%s: %s: %s", st->path, what, sqlite3_errmsg(st->db));
}

/* How many virtual machine steps between two looks at the interrupt
 * check: a few microseconds of work, so a query stops within a
 * millisecond of being asked to. */
#define INTERRUPT_STEPS 4096

void
store_set_interrupt(struct store *st, int (*check)(void *arg), void *arg)
{
	st->check = check;
	st->check_arg = arg;
	sqlite3_progress_handler(st->db, check != NULL ? INTERRUPT_STEPS : 0, check, arg);
}

/* Waiting for another program's write: up to BUSY_TIMEOUT_MS in short
 * sleeps, each ended early by the interrupt check, so that a program asked
 * to end does not first wait out someone else's transaction. */
#define BUSY_SLEEP_MS 10

void
store_set_lock_wait(struct store *st, int ms)
{
	st->busy_ms = ms >= 0 ? ms : BUSY_TIMEOUT_MS;
}

static int
busy_wait(void *arg, int count)
{
	struct store *st = arg;

	if (st->check != NULL && st->check(st->check_arg))
		return 0;
	if ((long)count * BUSY_SLEEP_MS >= st->busy_ms)
		return 0;
	sqlite3_sleep(BUSY_SLEEP_MS);
	return 1;
}

sqlite3 *
store_sqlite(struct store *st)
{
	return st->db;
}

const char *
store_path(const struct store *st)
{
	return st->path;
}

int
store_is_readonly(const struct store *st)
{
	return st->readonly;
}

int
store_int_query(struct store *st, const char *sql, int64_t *value, const char *what)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	int rc;

	if (s == NULL)
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*value = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : store_err(st, what);
}

int
store_exec(struct store *st, const char *sql, const char *what)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	int rc;

	if (s == NULL)
		return -1;
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_err(st, what);
}

int
store_data_version(struct store *st, int64_t *version)
{
	return store_int_query(st, "PRAGMA data_version", version, "reading the data version");
}

sqlite3_stmt *
store_stmt(struct store *st, const char *sql)
{
	size_t h = ((uintptr_t)sql >> 3) % STMT_CACHE, i;
	sqlite3_stmt *s;

	for (i = 0; i < STMT_CACHE; i++) {
		struct stmt_slot *slot = &st->cache[(h + i) % STMT_CACHE];
		if (slot->sql == sql) {
			sqlite3_reset(slot->stmt);
			sqlite3_clear_bindings(slot->stmt);
			return slot->stmt;
		}
		if (slot->sql == NULL) {
			if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
			    &s, NULL) != SQLITE_OK) {
				store_err(st, "preparing a query");
				return NULL;
			}
			slot->sql = sql;
			slot->stmt = s;
			return s;
		}
	}
	sqlite3_finalize(st->uncached);
	st->uncached = NULL;
	if (sqlite3_prepare_v2(st->db, sql, -1, &st->uncached, NULL) != SQLITE_OK) {
		store_err(st, "preparing a query");
		return NULL;
	}
	return st->uncached;
}

static int
exec(struct store *st, const char *sql)
{
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_err(st, sql);
	return 0;
}

/* Runs a statement of transaction control with the interrupt check
 * off: SQLite can report an interrupt of one whose work is done (a
 * COMMIT made, a BEGIN begun), and the count of open transactions
 * (depth) would then be wrong. They are short. */
static int
txn_quiet(struct store *st, const char *sql)
{
	int rc;

	if (st->check != NULL)
		sqlite3_progress_handler(st->db, 0, NULL, NULL);
	rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	if (st->check != NULL)
		sqlite3_progress_handler(st->db, INTERRUPT_STEPS, st->check, st->check_arg);
	return rc;
}

/* The same, an error set as exec's. */
static int
txn(struct store *st, const char *sql)
{
	return txn_quiet(st, sql) == SQLITE_OK ? 0 : store_err(st, sql);
}

/* A nested store_begin is a savepoint, so that one part of a larger
 * transaction (an article of an import's batch) can fail and be undone
 * without the rest. */
int
store_begin(struct store *st)
{
	if (st->depth > 0) {
		if (txn(st, "SAVEPOINT nested") != 0)
			return -1;
		st->depth++;
		return 0;
	}
	st->depth++;
	if (st->damaged || st->readonly) {
		st->depth = 0;
		if (st->damaged)
			return err_set("%s: damaged; refusing to write to it: "
			    "run 'dossier check --recover NEW.db' to salvage it", st->path);
		return err_set("%s: the database is read-only", st->path);
	}
	if (txn(st, "BEGIN IMMEDIATE") != 0) {
		st->depth = 0;
		return -1;
	}
	return 0;
}

int
store_commit(struct store *st)
{
	if (st->depth == 0)
		return 0;
	if (--st->depth > 0)
		return txn(st, "RELEASE nested");
	if (txn(st, "COMMIT") != 0) {
		(void)txn_quiet(st, "ROLLBACK");
		return -1;
	}
	/* The articles the transaction listed stale are counted again for
	 * the positional reports (store-report-counts.c), so that dossier's
	 * own writes leave none listed. After the commit, in a transaction
	 * of its own: an interrupt or an I/O error in the counting ends only
	 * that one (SQLite rolls the whole transaction back on those), never
	 * the write; not kept, the articles stay listed and the next report
	 * counts them. */
	if (st->counts && !st->damaged && !st->counting) {
		st->counting = 1;
		(void)store_report_counts_refresh(st);
		st->counting = 0;
	}
	return 0;
}

int
store_rollback(struct store *st)
{
	if (st->depth == 0)
		return 0;
	/* A failed statement may have ended the whole transaction already
	 * (SQLITE_FULL, an I/O error): then nothing is left to undo. */
	if (sqlite3_get_autocommit(st->db)) {
		st->depth = 0;
		return 0;
	}
	if (st->depth > 1) {
		st->depth--;
		return txn(st, "ROLLBACK TO nested") != 0 || txn(st, "RELEASE nested") != 0
		    ? -1 : 0;
	}
	st->depth = 0;
	return txn(st, "ROLLBACK");
}

int
store_check(struct store *st, int full)
{
	sqlite3_stmt *s;
	struct buf problems;
	int rc;

	if (sqlite3_prepare_v2(st->db, full ? "PRAGMA integrity_check" : "PRAGMA quick_check",
	    -1, &s, NULL) != SQLITE_OK)
		return store_err(st, "checking integrity");
	buf_init(&problems);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *row = (const char *)sqlite3_column_text(s, 0);
		if (row != NULL && strcmp(row, "ok") != 0) {
			if (problems.len > 0)
				buf_adds(&problems, "; ");
			buf_adds(&problems, row);
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		buf_free(&problems);
		return err_set("%s: damaged: %s", st->path, sqlite3_errstr(rc));
	}
	/* SQLite's check finds nothing wrong with a dropped table: the
	 * schema is compared with the one the migrations make. */
	if (problems.len == 0) {
		struct buf missing;

		buf_init(&missing);
		if (store_schema_missing(st, &missing) != 0) {
			buf_free(&missing);
			buf_free(&problems);
			return -1;
		}
		if (missing.len > 0)
			buf_printf(&problems, "missing from its schema: %s", missing.data);
		buf_free(&missing);
	}
	/* Nor with derived counts that no longer count what they derive from. */
	if (problems.len == 0) {
		int64_t stale;

		if (store_schema_counts_stale(st, &stale) != 0) {
			buf_free(&problems);
			return -1;
		}
		if (stale > 0)
			buf_printf(&problems, "the report counts differ from the coding in"
			    " %lld rows (check --recover makes them again)", (long long)stale);
	}
	if (problems.len > 0) {
		err_set("%s: damaged: %s", st->path, problems.data);
		buf_free(&problems);
		return -1;
	}
	buf_free(&problems);
	return 0;
}

/* The WAL checkpoint of a bulk writer, BULK_CHECKPOINT_BYTES whatever the
 * file's page size. */
static int
bulk_checkpoint(struct store *st)
{
	sqlite3_stmt *s;
	char sql[64];
	int size = 0;

	if (sqlite3_prepare_v2(st->db, "PRAGMA page_size", -1, &s, NULL) != SQLITE_OK)
		return store_err(st, "reading the page size");
	if (sqlite3_step(s) == SQLITE_ROW)
		size = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	snprintf(sql, sizeof sql, "PRAGMA wal_autocheckpoint = %d",
	    BULK_CHECKPOINT_BYTES / (size > 0 ? size : 4096));
	return exec(st, sql);
}

static int
configure(struct store *st, int flags)
{
	if (sqlite3_busy_handler(st->db, busy_wait, st) != SQLITE_OK)
		return store_err(st, "setting busy timeout");
	/* Before the journal mode, the first setting that writes. */
	if (store_schema_identify(st) != 0)
		return -1;
	if (store_snippet_register(st) != 0 || store_spans_register(st) != 0)
		return -1;
	if (exec(st, "PRAGMA foreign_keys = ON") != 0 ||
	    ((flags & STORE_MMAP) && exec(st, "PRAGMA mmap_size = " MMAP_BYTES) != 0))
		return -1;
	/* Before the journal mode: a page size set once the file is in WAL
	 * mode never applies. On a file with pages it does nothing. */
	if (!st->readonly &&
	    (exec(st, "PRAGMA page_size = " PAGE_SIZE) != 0 ||
	     exec(st, "PRAGMA journal_mode = WAL") != 0 ||
	     exec(st, "PRAGMA synchronous = NORMAL") != 0 ||
	     ((flags & STORE_BULK) && (exec(st, "PRAGMA cache_size = " BULK_CACHE) != 0 ||
	     bulk_checkpoint(st) != 0))))
		return -1;
	return 0;
}

/* A file whose every write bit is off was made read-only on purpose, even
 * for root, whom access(2) would let write. */
static int
writable(const char *path)
{
	struct stat sb;

	if (access(path, W_OK) != 0)
		return 0;
	return stat(path, &sb) == 0 && (sb.st_mode & 0222) != 0;
}

/* A file shorter than its own page count says was cut off (a copy that
 * stopped, a full disk). SQLite would only notice when a query reaches a
 * missing page, perhaps in the middle of a write; this costs two pragmas
 * and a stat. Pages may legitimately live in the WAL instead, so the check
 * applies only when the WAL is empty. */
static void
check_truncated(struct store *st)
{
	sqlite3_stmt *s;
	sqlite3_int64 pages = 0, size = 0;
	struct stat sb;
	char *wal;
	int wal_empty;

	wal = xasprintf("%s-wal", st->path);
	wal_empty = stat(wal, &sb) != 0 || sb.st_size == 0;
	free(wal);
	if (!wal_empty || stat(st->path, &sb) != 0)
		return;
	if (sqlite3_prepare_v2(st->db, "SELECT page_count * page_size FROM "
	    "pragma_page_count(), pragma_page_size()", -1, &s, NULL) != SQLITE_OK)
		return;
	if (sqlite3_step(s) == SQLITE_ROW) {
		pages = sqlite3_column_int64(s, 0);
		size = (sqlite3_int64)sb.st_size;
	}
	sqlite3_finalize(s);
	if (size < pages)
		st->damaged = 1;
}

/* A new empty file of mode 0600 (a person's notes are private), never
 * through a link someone planted. */
static int
create_private(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);

	/* Another dossier may have made it a moment ago: that one is fine. */
	if (fd < 0 && errno == EEXIST)
		return 0;
	if (fd < 0)
		return err_set("%s: cannot create the database: %s", path, strerror(errno));
	close(fd);
	return 0;
}

/* Process-wide settings, before SQLite is first used. If something used it
 * earlier, SQLite refuses them and its defaults stay: slower, not wrong. */
static void
sqlite_setup(void)
{
	static int done;

	if (done)
		return;
	done = 1;
	sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, STMT_JOURNAL_BYTES);
}

int
store_open(const char *path, int flags, struct store **out)
{
	struct store *st;
	struct stat sb;
	int oflags, created, in_memory;

	*out = NULL;
	sqlite_setup();
	/* An in-memory database (the fuzz targets' and tests') has no file. */
	in_memory = strcmp(path, ":memory:") == 0;
	created = in_memory || stat(path, &sb) != 0;
	if (created && !in_memory && (flags & STORE_NOCREATE))
		return err_set("%s: no such database", path);
	/* SQLite would make its journal beside a device (/dev/null-journal). */
	if (!created && !S_ISREG(sb.st_mode))
		return err_set("%s: not a regular file; refusing to use it as a database", path);
	/* Made here, private from the start: SQLite gives the WAL and the
	 * shared-memory file the database's mode when it creates them. */
	if (created && !in_memory && !(flags & STORE_READONLY) &&
	    (path_mkdir_parent(path) != 0 || create_private(path) != 0))
		return -1;
	st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	st->readonly = (flags & STORE_READONLY) != 0;
	st->busy_ms = BUSY_TIMEOUT_MS;
	if (!st->readonly && !created && !writable(path))
		st->readonly = 1;
	oflags = st->readonly ? SQLITE_OPEN_READONLY
	    : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(path, &st->db, oflags, NULL) != SQLITE_OK) {
		err_set("%s: cannot open database: %s", path,
		    st->db ? sqlite3_errmsg(st->db) : "out of memory");
		goto fail;
	}
	sqlite3_extended_result_codes(st->db, 1);
	if (configure(st, flags) != 0)
		goto fail;
	if ((flags & STORE_READONLY) && (flags & STORE_NOUPGRADE) &&
	    store_schema_outdated(st) == 1)
		goto opened;
	if ((flags & STORE_READONLY) && !created && writable(path) &&
	    store_schema_outdated(st) == 1) {
		/* A reading command on a database an older dossier made: it is
		 * upgraded once, through a writing connection, rather than every
		 * read being refused until some command happens to write. */
		struct store *rw;

		store_close(st);
		if (store_open(path, (flags & ~STORE_READONLY) | STORE_NOCREATE, &rw) != 0)
			return -1;
		store_close(rw);
		return store_open(path, flags, out);
	}
	if (store_schema_migrate(st) != 0)
		goto fail;
	st->counts = !st->readonly;
opened:
	if (!created)
		check_truncated(st);
	*out = st;
	return 0;
fail:
	store_close(st);
	return -1;
}

void
store_close(struct store *st)
{
	size_t i;

	if (st == NULL)
		return;
	for (i = 0; i < STMT_CACHE; i++)
		sqlite3_finalize(st->cache[i].stmt);
	sqlite3_finalize(st->uncached);
	store_stems_free(st->stems);
	if (st->db != NULL)
		sqlite3_close(st->db);
	free(st->path);
	free(st);
}

struct store_stems **
store_stems_slot(struct store *st)
{
	return &st->stems;
}
