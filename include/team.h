/*
 * team.h: a team on one corpus, through a PostgreSQL server.
 *
 * The local SQLite database stays the only thing the reader and the
 * commands query; a team shares its articles, codebook and annotations
 * through a server whose schema `team init` makes (team-schema.c) and to
 * which `team join` links a database. `sync` sends the database's own
 * changes (store-sync.c queues them) and writes back everyone else's.
 *
 *   team-conn.c    connecting (libpq's connection strings, ~/.pgpass,
 *                  PG* variables); strings and messages without passwords
 *   team-schema.c  the server's schema and its migrations
 *   team-admin.c   init, join, status
 *   team-sync.c    one sync: push, then pull
 *   team-none.c    the same functions in a build without libpq: each
 *                  says so
 *
 * Passwords are never stored, printed or put in a message: a connection
 * string is kept and shown without one (team_conninfo_safe), and the
 * password for a sync comes from ~/.pgpass or PGPASSWORD, as libpq's own
 * tools take it.
 */
#ifndef DOSSIER_TEAM_H
#define DOSSIER_TEAM_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

struct buf;

/* N, a count for each kind of record, as "2 articles, 0 tags, ...". */
void team_counts_text(const size_t n[STORE_SYNC_KINDS], struct buf *out);

/* 1 when this dossier was built with libpq. */
int team_available(void);

/* Creates the team's schema on the server URL names, or brings it up to
 * this dossier's version; *from and *to say which. Refuses a server whose
 * schema is newer. Needs a role that may create schemas and roles. */
int team_init(const char *url, int *from, int *to);

/* Links ST to the team at URL as the role URL connects as (the coder):
 * checks the server's schema, stores the connection string without its
 * password and queues everything ST holds for the first sync. *coder is
 * the role's name (malloc'd); *pw_given 1 when URL carried a password,
 * which was used but not kept. */
int team_join(struct store *st, const char *url, char **coder, int *pw_given);

struct team_status {
	char *server;        /* the connection string, without password; NULL: no team */
	char *coder;
	char *last_sync;     /* ISO time, NULL when never */
	size_t waiting[STORE_SYNC_KINDS];
	size_t kept;         /* queued, never to be sent (not this coder's) */
	size_t lost;         /* values that lost a conflict, kept in the history */
	int lead;            /* may change the codebook (as last seen) */
};
void team_status_free(struct team_status *s);
/* What ST knows of its team, without asking the server. */
int team_status_get(struct store *st, struct team_status *out);

/* One line of a sync's summary: a conflict, or a record that could not
 * be written. */
struct team_sync_summary {
	size_t sent[STORE_SYNC_KINDS], received[STORE_SYNC_KINDS];
	size_t conflicts, missing;
	char **lines;
	size_t nlines;
};
void team_sync_summary_free(struct team_sync_summary *s);
/* Sends ST's queued changes and writes back the team's, in batches: one
 * server transaction and one local transaction per batch, so a sync cut
 * off anywhere leaves both sides whole and the next one goes on from
 * there. */
int team_sync(struct store *st, struct team_sync_summary *sum);

#endif
