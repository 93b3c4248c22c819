/*
 * store.h: the SQLite database that holds everything dossier knows: articles,
 * their sentences, entities and mentions, statements and their links, and
 * the user's annotations. Nothing outside store-*.c writes SQL; the reader
 * and the commands call the functions declared here.
 *
 * Positions are byte offsets into an article's stored body (NFC UTF-8,
 * never changed after import).
 */
#ifndef DOSSIER_STORE_H
#define DOSSIER_STORE_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

struct store;

enum store_flags {
	STORE_READONLY = 1 << 0,   /* open without writing, even if writable */
	STORE_NOCREATE = 1 << 1,   /* fail if the file does not exist */
};

/* store.c */
int store_open(const char *path, int flags, struct store **out);
void store_close(struct store *st);
const char *store_path(const struct store *st);
int store_is_readonly(const struct store *st);
/* One writer transaction; store_commit/rollback end it. Nested calls are
 * counted so an outer caller owns the transaction. */
int store_begin(struct store *st);
int store_commit(struct store *st);
int store_rollback(struct store *st);
/* Runs PRAGMA integrity_check (full) or quick_check; 0 when "ok". */
int store_check(struct store *st, int full);

/* For store-*.c only: the connection and a cache of prepared statements
 * keyed by the SQL text's address (pass string literals). The statement
 * returned is reset and its bindings cleared. */
sqlite3 *store_sqlite(struct store *st);
sqlite3_stmt *store_stmt(struct store *st, const char *sql);
/* Records sqlite's message for the failed call as the error; returns -1. */
int store_err(struct store *st, const char *what);

/* store-schema.c */
#define STORE_SCHEMA_VERSION 1
/* Creates or migrates the schema to STORE_SCHEMA_VERSION, keeping every row.
 * Refuses a database from a newer version. */
int store_schema_migrate(struct store *st);
/* The SQL that created schema version V (1..STORE_SCHEMA_VERSION); used
 * by tests to build an old database and migrate it forward. */
const char *store_schema_sql(int version);

#endif
