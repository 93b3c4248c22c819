/*
 * fts5-floor.c: the floor for import throughput. Inserts plain-text
 * articles into a bare SQLite FTS5 table and nothing else, with the same
 * connection settings as dossier's store (WAL, synchronous=NORMAL), the
 * same tokenizer, and one transaction per article as dossier's import
 * commits. No cleaning, no segmentation, no extraction: whatever dossier
 * import does beyond this is the price of its features, and bench/run
 * reports import throughput as a ratio to this program's.
 *
 *   fts5-floor [--one-transaction] DB PATH...
 *
 * PATH is a .txt file or a directory (recursive). --one-transaction puts
 * every insert in a single transaction instead: the bulk-load floor, for
 * context (dossier never imports that way, so a crash loses at most one
 * article).
 *
 * Each file's first line is the title and the rest the body, as in the
 * corpus bench/gen-corpus writes. Prints "ARTICLES BYTES" on stdout.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

struct floor {
	sqlite3 *db;
	sqlite3_stmt *begin, *insert, *commit;
	int one_transaction;
	long long articles, bytes;
	char *data;
	size_t cap;
};

static int
fail(const char *what, const char *detail)
{
	fprintf(stderr, "fts5-floor: %s: %s\n", what, detail);
	return -1;
}

static int
prepare(struct floor *f, const char *sql, sqlite3_stmt **out)
{
	if (sqlite3_prepare_v2(f->db, sql, -1, out, NULL) != SQLITE_OK)
		return fail(sql, sqlite3_errmsg(f->db));
	return 0;
}

static int
open_db(struct floor *f, const char *path)
{
	char *msg = NULL;

	if (sqlite3_open(path, &f->db) != SQLITE_OK)
		return fail(path, sqlite3_errmsg(f->db));
	if (sqlite3_exec(f->db,
	    "PRAGMA journal_mode = WAL;"
	    "PRAGMA synchronous = NORMAL;"
	    "CREATE VIRTUAL TABLE IF NOT EXISTS floor USING fts5("
	    "  title, body, tokenize = 'unicode61 remove_diacritics 2');",
	    NULL, NULL, &msg) != SQLITE_OK) {
		fail(path, msg != NULL ? msg : "cannot create the table");
		sqlite3_free(msg);
		return -1;
	}
	if (prepare(f, "BEGIN", &f->begin) != 0 ||
	    prepare(f, "INSERT INTO floor(title, body) VALUES (?, ?)", &f->insert) != 0 ||
	    prepare(f, "COMMIT", &f->commit) != 0)
		return -1;
	return 0;
}

static int
step(struct floor *f, sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return fail("sqlite", sqlite3_errmsg(f->db));
	return 0;
}

static int
read_all(struct floor *f, const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	size_t n;

	if (fp == NULL)
		return fail(path, strerror(errno));
	*len = 0;
	for (;;) {
		if (f->cap - *len < 65536) {
			f->cap = f->cap * 2 + 65536;
			f->data = realloc(f->data, f->cap);
			if (f->data == NULL) {
				fclose(fp);
				return fail(path, "out of memory");
			}
		}
		n = fread(f->data + *len, 1, f->cap - *len, fp);
		*len += n;
		if (n == 0)
			break;
	}
	if (ferror(fp)) {
		fclose(fp);
		return fail(path, "read error");
	}
	fclose(fp);
	return 0;
}

/* One article, one transaction: the unit dossier's import commits. */
static int
insert_file(struct floor *f, const char *path)
{
	size_t len, tlen;
	const char *nl, *body;

	if (read_all(f, path, &len) != 0)
		return -1;
	nl = memchr(f->data, '\n', len);
	tlen = nl != NULL ? (size_t)(nl - f->data) : len;
	body = nl != NULL ? nl + 1 : f->data + len;
	while (body < f->data + len && (*body == '\n' || *body == '\r'))
		body++;
	if (!f->one_transaction && step(f, f->begin) != 0)
		return -1;
	sqlite3_bind_text(f->insert, 1, f->data, (int)tlen, SQLITE_STATIC);
	sqlite3_bind_text(f->insert, 2, body, (int)(f->data + len - body), SQLITE_STATIC);
	if (step(f, f->insert) != 0 || (!f->one_transaction && step(f, f->commit) != 0))
		return -1;
	f->articles++;
	f->bytes += (long long)len;
	return 0;
}

static int
has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Files in name order, so both the floor and dossier see one order. */
static int
insert_path(struct floor *f, const char *path)
{
	struct stat sb;
	struct dirent *de;
	char **names = NULL, *sub;
	size_t n = 0, i;
	DIR *d;
	int rc = 0;

	if (stat(path, &sb) != 0)
		return fail(path, strerror(errno));
	if (!S_ISDIR(sb.st_mode))
		return insert_file(f, path);
	if ((d = opendir(path)) == NULL)
		return fail(path, strerror(errno));
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		names = realloc(names, (n + 1) * sizeof *names);
		if (names == NULL || (names[n] = strdup(de->d_name)) == NULL) {
			closedir(d);
			return fail(path, "out of memory");
		}
		n++;
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp_names);
	for (i = 0; i < n; i++) {
		size_t len = strlen(path) + strlen(names[i]) + 2;
		if (rc == 0 && (sub = malloc(len)) != NULL) {
			snprintf(sub, len, "%s/%s", path, names[i]);
			if (stat(sub, &sb) == 0 && (S_ISDIR(sb.st_mode) || has_suffix(sub, ".txt")))
				rc = insert_path(f, sub);
			free(sub);
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

int
main(int argc, char **argv)
{
	struct floor f = { 0 };
	int i = 1, rc = 0;

	if (argc > 1 && strcmp(argv[1], "--one-transaction") == 0) {
		f.one_transaction = 1;
		i++;
	}
	if (argc - i < 2) {
		fprintf(stderr, "usage: fts5-floor [--one-transaction] DB PATH...\n");
		return 2;
	}
	if (open_db(&f, argv[i]) != 0)
		rc = 1;
	if (rc == 0 && f.one_transaction && step(&f, f.begin) != 0)
		rc = 1;
	for (i++; rc == 0 && i < argc; i++)
		if (insert_path(&f, argv[i]) != 0)
			rc = 1;
	if (rc == 0 && f.one_transaction && step(&f, f.commit) != 0)
		rc = 1;
	sqlite3_finalize(f.begin);
	sqlite3_finalize(f.insert);
	sqlite3_finalize(f.commit);
	sqlite3_close(f.db);
	free(f.data);
	if (rc == 0)
		printf("%lld %lld\n", f.articles, f.bytes);
	return rc;
}
