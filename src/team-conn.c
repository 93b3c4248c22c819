/*
 * team-conn.c: connecting to the team's server. Connection strings are
 * libpq's (postgresql:// URLs or key=value strings, ~/.pgpass, the PG*
 * variables, sslmode and the rest): dossier adds only a time limit and
 * its name, and never keeps, prints or reports a password.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "team-int.h"
#include "util.h"

/* The first line of MSG, without libpq's trailing newline. */
static char *
first_line(const char *msg)
{
	size_t n = strcspn(msg != NULL ? msg : "", "\n");

	return xstrndup(msg != NULL ? msg : "", n);
}

int
team_pg_err(PGconn *c, const PGresult *r, const char *what)
{
	const char *m = r != NULL ? PQresultErrorMessage(r) : NULL;
	char *line;

	if (m == NULL || *m == '\0')
		m = c != NULL ? PQerrorMessage(c) : "no connection";
	line = first_line(m);
	/* libpq's messages begin with "ERROR:  " for the server's. */
	err_set("%s: %s", what, strncmp(line, "ERROR:  ", 8) == 0 ? line + 8 : line);
	free(line);
	return -1;
}

/* VALUE quoted for a key=value connection string when it needs it. */
static void
add_value(struct buf *b, const char *value)
{
	const char *p;

	if (*value != '\0' && strpbrk(value, " \t\n\\'") == NULL) {
		buf_adds(b, value);
		return;
	}
	buf_addc(b, '\'');
	for (p = value; *p != '\0'; p++) {
		if (*p == '\'' || *p == '\\')
			buf_addc(b, '\\');
		buf_addc(b, *p);
	}
	buf_addc(b, '\'');
}

char *
team_conninfo_safe(const char *conninfo, int *had_password)
{
	PQconninfoOption *opts, *o;
	char *msg = NULL;
	struct buf b;

	if (had_password != NULL)
		*had_password = 0;
	if ((opts = PQconninfoParse(conninfo, &msg)) == NULL) {
		char *line = first_line(msg);
		/* libpq's message names the problem, not the string. */
		err_set("not a connection string or postgresql:// address: %s",
		    msg != NULL ? line : "out of memory");
		free(line);
		PQfreemem(msg);
		return NULL;
	}
	buf_init(&b);
	for (o = opts; o->keyword != NULL; o++) {
		if (o->val == NULL)
			continue;
		if (strcmp(o->keyword, "password") == 0) {
			if (had_password != NULL)
				*had_password = 1;
			continue;
		}
		if (b.len > 0)
			buf_addc(&b, ' ');
		buf_printf(&b, "%s=", o->keyword);
		add_value(&b, o->val);
	}
	PQconninfoFree(opts);
	return buf_detach(&b, NULL);
}

/* The server's notices ("already exists, skipping") are not the user's
 * business; its errors come back with the results. */
static void
no_notices(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

int
team_connect(const char *conninfo, PGconn **out)
{
	/* The time limit first: the string's own, if it has one, comes after
	 * and wins. */
	const char *const keys[] = { "connect_timeout", "application_name", "dbname", NULL };
	const char *const vals[] = { "10", "dossier", conninfo, NULL };
	PGconn *c = PQconnectdbParams(keys, vals, 1);
	char *safe;

	*out = NULL;
	if (c == NULL)
		return err_set("connecting to the team's server: out of memory");
	if (PQstatus(c) == CONNECTION_OK) {
		PQsetNoticeProcessor(c, no_notices, NULL);
		*out = c;
		return 0;
	}
	safe = team_conninfo_safe(conninfo, NULL);
	team_pg_err(c, NULL, safe != NULL ? safe : "the team's server");
	free(safe);
	PQfinish(c);
	return -1;
}

int
team_exec(PGconn *c, const char *sql, const char *what)
{
	PGresult *r = PQexec(c, sql);
	int ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;

	if (!ok)
		team_pg_err(c, r, what);
	PQclear(r);
	return ok ? 0 : -1;
}

int
team_server_version(PGconn *c, int *version)
{
	PGresult *r = PQexec(c, "SELECT to_regclass('dossier.meta') IS NOT NULL");
	int has;

	*version = 0;
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		team_pg_err(c, r, "reading the team's schema");
		PQclear(r);
		return -1;
	}
	has = strcmp(PQgetvalue(r, 0, 0), "t") == 0;
	PQclear(r);
	if (!has)
		return 0;
	r = PQexec(c, "SELECT value FROM dossier.meta WHERE key = 'schema'");
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		team_pg_err(c, r, "reading the team's schema");
		PQclear(r);
		return -1;
	}
	if (PQntuples(r) > 0)
		*version = (int)strtol(PQgetvalue(r, 0, 0), NULL, 10);
	PQclear(r);
	return 0;
}

int
team_server_check(PGconn *c, const char *server)
{
	int v;

	if (team_server_version(c, &v) != 0)
		return -1;
	if (v == 0)
		return err_set("%s: no dossier team there (run 'dossier team init' on it first)",
		    server);
	if (v > team_schema_version())
		return err_set("%s: the team's schema is version %d, newer than this dossier "
		    "knows (%d): upgrade dossier; nothing was changed", server, v,
		    team_schema_version());
	if (v < team_schema_version())
		return err_set("%s: the team's schema is version %d, older than this dossier's "
		    "(%d): its administrator runs 'dossier team init' to upgrade it", server, v,
		    team_schema_version());
	return 0;
}
