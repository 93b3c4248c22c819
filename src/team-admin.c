/*
 * team-admin.c: `team init` (the server's schema), `team join` (a local
 * database linked to the team) and what `team status` shows.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "team-int.h"
#include "util.h"

int
team_available(void)
{
	return 1;
}

int
team_init(const char *url, int *from, int *to)
{
	char *server = team_conninfo_safe(url, NULL);
	PGconn *c = NULL;
	int v, rc = -1;

	*from = *to = 0;
	if (server == NULL)
		return -1;
	if (team_connect(url, &c) != 0)
		goto done;
	/* One transaction: the schema is made or upgraded whole, or not at
	 * all; the lock keeps two administrators from upgrading at once. */
	if (team_exec(c, "BEGIN; CREATE SCHEMA IF NOT EXISTS dossier;"
	    "CREATE TABLE IF NOT EXISTS dossier.meta (key text PRIMARY KEY, value text NOT NULL);"
	    "LOCK TABLE dossier.meta IN EXCLUSIVE MODE", server) != 0)
		goto done;
	if (team_server_version(c, &v) != 0)
		goto done;
	*from = *to = v;
	if (v > team_schema_version()) {
		err_set("%s: the team's schema is version %d, newer than this dossier knows (%d): "
		    "upgrade dossier; nothing was changed", server, v, team_schema_version());
		goto done;
	}
	for (; v < team_schema_version(); v++) {
		char what[64];
		snprintf(what, sizeof what, "%s: schema version %d", "migrating", v + 1);
		if (team_exec(c, team_schema_sql(v + 1), what) != 0)
			goto done;
	}
	{
		char sql[160];
		snprintf(sql, sizeof sql, "INSERT INTO dossier.meta VALUES ('schema', '%d')"
		    " ON CONFLICT (key) DO UPDATE SET value = excluded.value; COMMIT", v);
		if (team_exec(c, sql, server) != 0)
			goto done;
	}
	*to = v;
	rc = 0;
done:
	if (c != NULL)
		PQfinish(c);
	free(server);
	return rc;
}

int
team_whoami(PGconn *c, char **coder, int *lead)
{
	PGresult *r = PQexec(c, "SELECT current_user,"
	    " pg_has_role(current_user, 'dossier_lead', 'MEMBER'),"
	    " pg_has_role(current_user, 'dossier_coder', 'MEMBER')");

	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		team_pg_err(c, r, "asking the server who this is");
		PQclear(r);
		return -1;
	}
	*coder = xstrdup(PQgetvalue(r, 0, 0));
	*lead = strcmp(PQgetvalue(r, 0, 1), "t") == 0;
	if (strcmp(PQgetvalue(r, 0, 2), "t") != 0) {
		err_set("role %s is no coder of this team (its administrator grants it "
		    "dossier_coder)", *coder);
		free(*coder);
		*coder = NULL;
		PQclear(r);
		return -1;
	}
	PQclear(r);
	return 0;
}

int
team_join(struct store *st, const char *url, char **coder, int *pw_given)
{
	char *server = team_conninfo_safe(url, pw_given), *node = NULL, *had = NULL;
	char uuid[37];
	PGconn *c = NULL;
	int lead = 0, rc = -1;

	*coder = NULL;
	if (server == NULL)
		return -1;
	if (store_state_get(st, TEAM_STATE_SERVER, &had) != 0)
		goto done;
	if (had != NULL && strcmp(had, server) != 0) {
		err_set("%s: already joined to another team (%s)", store_path(st), had);
		goto done;
	}
	if (team_connect(url, &c) != 0 || team_server_check(c, server) != 0 ||
	    team_whoami(c, coder, &lead) != 0)
		goto done;
	if (store_state_get(st, TEAM_STATE_NODE, &node) != 0)
		goto done;
	if (store_begin(st) != 0)
		goto done;
	if (node == NULL) {
		/* This database's name among the team's: ties between versions
		 * of equal time go to the higher. */
		store_anno_uuid(uuid);
		if (store_state_set(st, TEAM_STATE_NODE, uuid) != 0)
			goto fail;
	}
	if (store_state_set(st, TEAM_STATE_SERVER, server) != 0 ||
	    store_state_set(st, TEAM_STATE_CODER, *coder) != 0 ||
	    store_state_set(st, TEAM_STATE_LEAD, lead ? "1" : "0") != 0 ||
	    store_sync_join(st) != 0 || store_commit(st) != 0)
		goto fail;
	rc = 0;
	goto done;
fail:
	store_rollback(st);
	free(*coder);
	*coder = NULL;
done:
	if (c != NULL)
		PQfinish(c);
	free(server);
	free(node);
	free(had);
	return rc;
}

void
team_status_free(struct team_status *s)
{
	free(s->server);
	free(s->coder);
	free(s->last_sync);
	memset(s, 0, sizeof *s);
}

int
team_status_get(struct store *st, struct team_status *out)
{
	char *lead = NULL;

	memset(out, 0, sizeof *out);
	if (store_state_get(st, TEAM_STATE_SERVER, &out->server) != 0 ||
	    store_state_get(st, TEAM_STATE_CODER, &out->coder) != 0 ||
	    store_state_get(st, TEAM_STATE_LAST, &out->last_sync) != 0 ||
	    store_state_get(st, TEAM_STATE_LEAD, &lead) != 0)
		goto fail;
	if (out->server == NULL) {
		free(lead);
		return 0;
	}
	out->lead = lead != NULL && strcmp(lead, "1") == 0;
	free(lead);
	lead = NULL;
	if (store_sync_waiting(st, out->coder, out->lead, out->waiting, &out->kept) != 0 ||
	    store_sync_lost(st, NULL, &out->lost) != 0)
		goto fail;
	return 0;
fail:
	free(lead);
	team_status_free(out);
	return -1;
}
