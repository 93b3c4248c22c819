/*
 * cmd-team.c: `dossier team init URL` (make or upgrade the team's schema
 * on a PostgreSQL server), `team join URL` (link this database to it, as
 * the role the URL connects as) and `team status` (the server, the coder,
 * the last sync, what waits to be sent). URL is anything libpq takes: a
 * postgresql:// address or a key=value string; passwords come from
 * ~/.pgpass or PGPASSWORD and are never kept or shown.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "team.h"
#include "util.h"

static int cmd_team_exec(struct cmd_ctx *, const struct args *);

#define TEAM_SUB(var, sub, text, ...) \
	static const struct cmd_entry var = { \
		.spec = { .name = sub, .summary = text, \
		    .params = (const struct args_param[]){ __VA_ARGS__ } }, \
		.exec = cmd_team_exec, \
	}

TEAM_SUB(team_init_entry, "init", "make (or upgrade) the team's schema on a PostgreSQL server",
    { "URL", ARGS_WORD, NULL, 0, "needs the server's URL" }, { NULL });
TEAM_SUB(team_join_entry, "join", "link this database to the team at URL",
    { "URL", ARGS_WORD, NULL, 0, "needs the server's URL" }, { NULL });
TEAM_SUB(team_status_entry, "status", "the server, the coder, the last sync, what waits",
    { NULL });

const struct cmd_entry cmd_team_entry = {
	.spec = {
		.name = "team",
		.summary = "share the corpus, codebook and annotations with a team (PostgreSQL)",
		.subs = CMD_SUBS(&team_init_entry.spec, &team_join_entry.spec,
		    &team_status_entry.spec),
		.default_sub = "status",
	},
	.exec = cmd_team_exec,
};

static int
init(const char *url)
{
	int from, to;

	if (team_init(url, &from, &to) != 0) {
		err_print("team init");
		return EXIT_FAIL;
	}
	if (from == to)
		cmd_printf("the team's schema is already version %d\n", to);
	else if (from == 0)
		cmd_printf("made the team's schema (version %d)\n", to);
	else
		cmd_printf("upgraded the team's schema from version %d to %d\n", from, to);
	return EXIT_OK;
}

static int
join(struct cmd_ctx *ctx, const char *url)
{
	struct store *st = cmd_store(ctx, 0);
	char *coder = NULL;
	int pw = 0;

	if (st == NULL)
		return EXIT_FAIL;
	if (team_join(st, url, &coder, &pw) != 0) {
		err_print("team join");
		return EXIT_FAIL;
	}
	cmd_printf("joined the team as %s; 'dossier sync' sends and fetches the changes\n", coder);
	if (pw)
		warn_print("team join: the password in the address was used once and not kept: "
		    "put it in ~/.pgpass (or PGPASSWORD) for the syncs");
	free(coder);
	return EXIT_OK;
}

static int
status(struct cmd_ctx *ctx)
{
	struct store *st = cmd_store(ctx, STORE_READONLY | STORE_NOCREATE);
	struct team_status s;
	struct buf b;

	if (st == NULL)
		return EXIT_FAIL;
	if (team_status_get(st, &s) != 0) {
		err_print("team status");
		return EXIT_FAIL;
	}
	if (s.server == NULL) {
		cmd_printf("no team: 'dossier team join URL' links this database to one\n");
		return EXIT_OK;
	}
	cmd_printf("server:    %s\n", s.server);
	cmd_printf("coder:     %s%s\n", s.coder, s.lead ? " (lead: may change the codebook)" : "");
	cmd_printf("last sync: %s\n", s.last_sync != NULL ? s.last_sync : "never");
	buf_init(&b);
	team_counts_text(s.waiting, &b);
	cmd_printf("waiting:   %s\n", b.data);
	buf_free(&b);
	if (s.kept > 0)
		cmd_printf("kept here: %zu changes this coder may not send (others' annotations, "
		    "codebook changes)\n", s.kept);
	if (s.lost > 0)
		cmd_printf("conflicts: %zu values lost to a newer one, kept in the history "
		    "(dossier sync --conflicts lists them)\n", s.lost);
	team_status_free(&s);
	return EXIT_OK;
}

static int
cmd_team_exec(struct cmd_ctx *ctx, const struct args *a)
{
	const char *sub = a->spec->name;

	if (strcmp(sub, "init") == 0)
		return init(a->argv[0]);
	if (strcmp(sub, "join") == 0)
		return join(ctx, a->argv[0]);
	return status(ctx);
}
