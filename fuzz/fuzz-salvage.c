/*
 * fuzz-salvage.c: a sound database of random rows, salvaged with
 * `check --recover`, must come back whole. The input fills every table of
 * the schema (found in the schema itself, so a table added later is
 * fuzzed too; derived ones are left to their triggers): each value is
 * NULL, a small integer (so keys collide), a short text, or one of the
 * words the schema's own CHECK constraints name; rows a constraint refuses
 * are skipped, and some rows are deleted again to leave gaps; a
 * statement's date is then made its article's, as storing it does. Then
 * store_recover must report nothing lost, and every table (the derived
 * ones kept by triggers included) must hold the same rows, rowids kept,
 * with a sound full-text index. The related keys index is filled when
 * statements are linked, not by a trigger, so raw rows never reach it and
 * its numbers follow the order keys arrive: the salvage builds it again
 * from the statements, and it is checked for agreeing with itself
 * instead (each key's count its statements, each statement there).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/store-int.h"   /* which tables a salvage rebuilds */
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct input {
	const uint8_t *p, *end;
};

static int
next(struct input *in)
{
	return in->p < in->end ? *in->p++ : -1;
}

static char *dir;

static void
exec_or_abort(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "%s: %s\n", sql, msg);
		abort();
	}
}

/* The quoted words of the schema's SQL: what its CHECKs accept. */
static char **
schema_words(sqlite3 *db, size_t *n)
{
	sqlite3_stmt *s;
	char **w = NULL;

	*n = 0;
	if (sqlite3_prepare_v2(db, "SELECT group_concat(sql, ' ') FROM sqlite_schema", -1, &s,
	    NULL) != SQLITE_OK || sqlite3_step(s) != SQLITE_ROW)
		abort();
	for (const char *p = (const char *)sqlite3_column_text(s, 0); p != NULL && *p; p++) {
		const char *q;
		if (*p != '\'' || (q = strchr(p + 1, '\'')) == NULL)
			continue;
		w = xreallocarray(w, *n + 1, sizeof *w);
		w[(*n)++] = xstrndup(p + 1, (size_t)(q - p - 1));
		p = q;
	}
	sqlite3_finalize(s);
	return w;
}

static void
bind_value(sqlite3_stmt *s, int i, struct input *in, char **words, size_t nwords)
{
	int b = next(in), k = b >= 0 ? b & 3 : 0, v = b >= 0 ? b >> 2 : 0;
	char text[8];

	switch (k) {
	case 0:
		sqlite3_bind_null(s, i);
		break;
	case 1:
		sqlite3_bind_int(s, i, v % 8);
		break;
	case 2:
		snprintf(text, sizeof text, "w%c%c", 'a' + v % 5, 'a' + (v / 5) % 5);
		sqlite3_bind_text(s, i, text, -1, SQLITE_TRANSIENT);
		break;
	default:
		if (nwords > 0)
			sqlite3_bind_text(s, i, words[(size_t)v % nwords], -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(s, i);
		break;
	}
}

/* Inserts one row into TABLE from the input; a refused row is skipped. */
static void
insert_row(sqlite3 *db, const char *table, struct input *in, char **words, size_t nwords)
{
	sqlite3_stmt *s;
	struct buf q;
	char *sql;
	int i, ncols;

	sql = sqlite3_mprintf("SELECT * FROM \"%w\"", table);
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		abort();
	ncols = sqlite3_column_count(s);
	sqlite3_finalize(s);
	sqlite3_free(sql);
	sql = sqlite3_mprintf("INSERT INTO \"%w\" VALUES (", table);
	buf_init(&q);
	buf_adds(&q, sql);
	sqlite3_free(sql);
	for (i = 0; i < ncols; i++)
		buf_adds(&q, i > 0 ? ", ?" : "?");
	buf_adds(&q, ")");
	if (sqlite3_prepare_v2(db, q.data, -1, &s, NULL) != SQLITE_OK) {
		fprintf(stderr, "%s: %s\n", q.data, sqlite3_errmsg(db));
		abort();
	}
	buf_free(&q);
	for (i = 1; i <= ncols; i++)
		bind_value(s, i, in, words, nwords);
	sqlite3_step(s);
	sqlite3_finalize(s);
}

/* The tables the linking of statements fills (store_related_index). */
static int
filled_by_linking(const char *table)
{
	return strcmp(table, "related_terms") == 0 || strcmp(table, "statement_terms") == 0;
}

static void
count_is_zero(sqlite3 *db, const char *what, const char *sql)
{
	sqlite3_stmt *s;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK ||
	    sqlite3_step(s) != SQLITE_ROW)
		abort();
	if (sqlite3_column_int(s, 0) != 0) {
		fprintf(stderr, "the salvaged keys index: %d %s\n", sqlite3_column_int(s, 0), what);
		abort();
	}
	sqlite3_finalize(s);
}

static void
compare(sqlite3 *db)
{
	sqlite3_stmt *t;

	if (sqlite3_prepare_v2(db, "SELECT name, wr FROM pragma_table_list"
	    " WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'", -1, &t,
	    NULL) != SQLITE_OK)
		abort();
	while (sqlite3_step(t) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(t, 0);
		const char *cols = sqlite3_column_int(t, 1) ? "*" : "rowid, *";
		int way;

		if (filled_by_linking(name))
			continue;
		for (way = 0; way < 2; way++) {
			sqlite3_stmt *s;
			char *sql = sqlite3_mprintf("SELECT count(*) FROM (SELECT %s FROM %s.\"%w\""
			    " EXCEPT SELECT %s FROM %s.\"%w\")", cols, way ? "old" : "main", name,
			    cols, way ? "main" : "old", name);
			if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK ||
			    sqlite3_step(s) != SQLITE_ROW)
				abort();
			if (sqlite3_column_int(s, 0) != 0) {
				fprintf(stderr, "%s: %d rows only in the %s file\n", name,
				    sqlite3_column_int(s, 0), way ? "salvaged" : "original");
				abort();
			}
			sqlite3_finalize(s);
			sqlite3_free(sql);
		}
	}
	sqlite3_finalize(t);
	count_is_zero(db, "keys whose count is not their statements'",
	    "SELECT count(*) FROM related_terms k WHERE k.term <> '' AND k.df <>"
	    " (SELECT count(*) FROM statement_terms p WHERE p.term_id = k.id)");
	count_is_zero(db, "postings of no statement",
	    "SELECT count(*) FROM statement_terms p WHERE NOT EXISTS"
	    " (SELECT 1 FROM statements WHERE id = p.statement_id)");
	exec_or_abort(db, "INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = { data, data + size };
	char *src, *out, **tables = NULL, **words;
	size_t ntables = 0, nwords, i, copied, lost;
	struct store *st;
	sqlite3_stmt *s;
	sqlite3 *db;
	int b;

	if (dir == NULL) {
		/* Each run writes two databases: on a disk, fsync sets the pace
		 * (two runs a second), so TMPDIR may name a memory file system. */
		const char *tmp = getenv("TMPDIR");
		char *tmpl = xasprintf("%s/fuzz-salvage.XXXXXX", tmp != NULL && *tmp ? tmp : "/tmp");
		if (mkdtemp(tmpl) == NULL)
			abort();
		dir = tmpl;
	}
	src = xasprintf("%s/sound.db", dir);
	out = xasprintf("%s/salvaged.db", dir);
	unlink(src);
	unlink(out);
	if (store_open(src, 0, &st) != 0)
		abort();
	db = store_sqlite(st);
	exec_or_abort(db, "PRAGMA foreign_keys = OFF");
	if (sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_list WHERE schema = 'main'"
	    " AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name", -1, &s,
	    NULL) != SQLITE_OK)
		abort();
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(s, 0);
		/* Derived rows are made again by the salvage; an article's spans
		 * are packed lists that `check` decodes, so random bytes there
		 * are damage (the salvage drops them), not a sound database. */
		if (store_schema_derived(name) || strcmp(name, "spans") == 0)
			continue;
		tables = xreallocarray(tables, ntables + 1, sizeof *tables);
		tables[ntables++] = xstrdup(name);
	}
	sqlite3_finalize(s);
	words = schema_words(db, &nwords);
	exec_or_abort(db, "BEGIN");
	while ((b = next(&in)) >= 0) {
		const char *table = tables[(size_t)(b & 0x7f) % ntables];
		if (b & 0x80) {
			/* A gap: the row with the next byte as its rowid goes. */
			char *sql = sqlite3_mprintf("DELETE FROM \"%w\" WHERE rowid = %d", table,
			    next(&in) & 7);
			sqlite3_exec(db, sql, NULL, NULL, NULL);
			sqlite3_free(sql);
		} else
			insert_row(db, table, &in, words, nwords);
	}
	/* A statement's date is its article's, copied when the statement is
	 * stored and kept by a trigger after (schema 18): a sound database
	 * holds no other, and the salvage sets it from the article again. */
	exec_or_abort(db, "UPDATE statements SET published ="
	    " (SELECT published FROM articles WHERE id = statements.article_id)");
	exec_or_abort(db, "COMMIT");
	store_close(st);

	if (store_recover(src, out, &copied, &lost) != 0) {
		fprintf(stderr, "salvage failed: %s\n", err_msg());
		abort();
	}
	if (lost != 0) {
		fprintf(stderr, "salvage of a sound database lost %zu (copied %zu)\n", lost, copied);
		abort();
	}
	if (sqlite3_open(out, &db) != SQLITE_OK)
		abort();
	{
		char *sql = sqlite3_mprintf("ATTACH %Q AS old", src);
		exec_or_abort(db, sql);
		sqlite3_free(sql);
	}
	compare(db);
	sqlite3_close(db);
	for (i = 0; i < ntables; i++)
		free(tables[i]);
	free(tables);
	for (i = 0; i < nwords; i++)
		free(words[i]);
	free(words);
	unlink(src);
	unlink(out);
	free(src);
	free(out);
	return 0;
}
