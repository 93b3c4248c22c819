/*
 * store-state.c: small settings kept in the database rather than in the
 * configuration file, because they belong to this collection of articles
 * (where the reader left off, whether the samples were offered, ...).
 */
#include "config.h"

#include <stdlib.h>

#include "store-int.h"
#include "util.h"

int
store_state_get(struct store *st, const char *key, char **value)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT value FROM state WHERE key = ?1");
	const unsigned char *v;
	int rc;

	*value = NULL;
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && (v = sqlite3_column_text(s, 0)) != NULL)
		*value = xstrndup((const char *)v, (size_t)sqlite3_column_bytes(s, 0));
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_err(st, "reading a setting");
	return 0;
}

/* A NULL value removes the key. */
int
store_state_set(struct store *st, const char *key, const char *value)
{
	sqlite3_stmt *s = store_stmt(st, value != NULL
	    ? "INSERT INTO state(key, value) VALUES (?1, ?2)"
	      " ON CONFLICT(key) DO UPDATE SET value = excluded.value"
	    : "DELETE FROM state WHERE key = ?1");
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	if (value != NULL)
		sqlite3_bind_text(s, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_err(st, "saving a setting");
	return 0;
}
