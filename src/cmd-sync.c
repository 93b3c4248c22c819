/*
 * cmd-sync.c: `dossier sync`: sends this database's changes to its team
 * and fetches everyone else's (team-sync.c), then says what moved and
 * lists the conflicts, one a line.
 */
#include "config.h"

#include "cmd.h"
#include "team.h"
#include "util.h"

static int cmd_sync_exec(struct cmd_ctx *, const struct args *);

const struct cmd_entry cmd_sync_entry = {
	.spec = {
		.name = "sync",
		.summary = "send this database's changes to the team and fetch the others'",
	},
	.exec = cmd_sync_exec,
};

static int
cmd_sync_exec(struct cmd_ctx *ctx, const struct args *a)
{
	struct store *st = cmd_store(ctx, 0);
	struct team_sync_summary sum;
	size_t i;
	int rc;

	(void)a;
	if (st == NULL)
		return EXIT_FAIL;
	rc = team_sync(st, &sum);
	for (i = 0; i < sum.nlines; i++)
		cmd_printf("%s\n", sum.lines[i]);
	if (rc != 0) {
		err_print("sync");
		team_sync_summary_free(&sum);
		return EXIT_FAIL;
	}
	cmd_printf("sent %zu articles, %zu tags, %zu annotations; received %zu articles, %zu tags, "
	    "%zu annotations; %zu conflicts\n", sum.sent[STORE_SYNC_ARTICLE],
	    sum.sent[STORE_SYNC_TAG], sum.sent[STORE_SYNC_ANNOTATION],
	    sum.received[STORE_SYNC_ARTICLE], sum.received[STORE_SYNC_TAG],
	    sum.received[STORE_SYNC_ANNOTATION], sum.conflicts);
	team_sync_summary_free(&sum);
	return EXIT_OK;
}
