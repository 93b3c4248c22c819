/*
 * test-db.h: one value read back from a test's database, for the unit tests
 * that check what the store wrote through its own functions.
 */
#ifndef DOSSIER_TEST_DB_H
#define DOSSIER_TEST_DB_H

struct store;

/* The first column of SQL's first row as an integer; -1 when the query
 * fails or has no row. */
long long db_int(struct store *st, const char *sql);
/* The same as a new string (free it); NULL when there is none. */
char *db_text(struct store *st, const char *sql);

#endif
