/*
 * team-int.h: what the team module's files share: the libpq connection
 * and the server schema. No other module sees <libpq-fe.h>.
 */
#ifndef DOSSIER_TEAM_INT_H
#define DOSSIER_TEAM_INT_H

#include "team.h"

/* team-schema.c */
int team_schema_version(void);
const char *team_schema_sql(int version);

#ifdef HAVE_LIBPQ
#include <libpq-fe.h>

/* team-conn.c: connects to CONNINFO (a URL or key=value string); on
 * failure, -1 with one line naming the server (never the password). */
int team_connect(const char *conninfo, PGconn **out);
/* CONNINFO without its password, as a key=value string (malloc'd); NULL
 * with a message when it does not parse. *had_password set when it had
 * one (may be NULL). */
char *team_conninfo_safe(const char *conninfo, int *had_password);
/* The first line of the connection's (or result's) error, after WHAT. */
int team_pg_err(PGconn *c, const PGresult *r, const char *what);
/* Runs SQL (no parameters) expecting no rows; -1 with the message. */
int team_exec(PGconn *c, const char *sql, const char *what);
/* The server's schema version: 0 when it has none; -1 on error. */
int team_server_version(PGconn *c, int *version);
/* The server is usable by this dossier: a team schema, not newer, not
 * older. */
int team_server_check(PGconn *c, const char *server);
/* team-admin.c: the role connected (the coder) and whether it leads. */
int team_whoami(PGconn *c, char **coder, int *lead);
#endif

/* Keys in the local database's state table. */
#define TEAM_STATE_SERVER "team.server"
#define TEAM_STATE_CODER "team.coder"
#define TEAM_STATE_NODE "team.node"
#define TEAM_STATE_LEAD "team.lead"
#define TEAM_STATE_SEQ "sync.seq"
#define TEAM_STATE_HISTORY "sync.history"
#define TEAM_STATE_CLOCK "sync.clock"
#define TEAM_STATE_LAST "sync.last"

#endif
