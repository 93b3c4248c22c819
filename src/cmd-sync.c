/*
 * cmd-sync.c: `dossier sync`: sends this database's changes to its team
 * and fetches everyone else's (team-sync.c), then says what moved and
 * lists the conflicts, one a line. `sync --conflicts` lists, without the
 * server, every conflict this database lost: both values (the fields in
 * which they differ), whose they were and when each was made.
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
		.options = (const struct args_option[]){
		    { "conflicts", 'c', NULL, ARGS_WORD, NULL,
		      "list the conflicts this database lost (from its history; no server)" },
		    { "json", 'j', NULL, ARGS_WORD, NULL, "with --conflicts: print JSON" },
		    { NULL } },
	},
	.exec = cmd_sync_exec,
};

static int
conflicts(struct cmd_ctx *ctx, int json)
{
	struct store *st = cmd_store(ctx, STORE_READONLY | STORE_NOCREATE);
	struct store_sync_conflict *rows;
	size_t i, n;

	if (st == NULL)
		return EXIT_FAIL;
	if (store_sync_conflicts(st, &rows, &n) != 0) {
		err_print("sync --conflicts");
		return EXIT_FAIL;
	}
	if (json)
		cmd_printf("[");
	for (i = 0; i < n; i++) {
		const struct store_sync_conflict *c = &rows[i];

		if (json) {
			cmd_printf("%s%s", i > 0 ? ",\n" : "\n", c->json);
			continue;
		}
		cmd_printf("%s  %s %s%s%s\n", c->at, c->kind, c->key,
		    c->fields != NULL ? ": " : "", c->fields != NULL ? c->fields : "");
		cmd_printf("  lost: %s, %s: %s\n", c->coder != NULL ? c->coder : "(nobody named)",
		    c->time != NULL ? c->time : "never sent",
		    c->value != NULL ? c->value : "(removed)");
		if (c->winner_time == NULL)
			cmd_printf("  won:  %s (its value has not arrived yet: dossier sync)\n",
			    c->winner != NULL ? c->winner : "?");
		else
			cmd_printf("  won:  %s, %s: %s\n", c->winner != NULL ? c->winner : "?",
			    c->winner_time, c->winner_value != NULL ? c->winner_value : "(removed)");
	}
	if (json)
		cmd_printf("%s]\n", n > 0 ? "\n" : "");
	else if (n == 0)
		cmd_printf("no conflicts\n");
	store_sync_conflicts_free(rows, n);
	return EXIT_OK;
}

static int
cmd_sync_exec(struct cmd_ctx *ctx, const struct args *a)
{
	struct store *st;
	struct team_sync_summary sum;
	struct buf sent, got;
	size_t i;
	int rc;

	if (args_has(a, "conflicts"))
		return conflicts(ctx, args_has(a, "json"));
	if (args_has(a, "json"))
		return cmd_usage_error(a, "--json goes with --conflicts (a sync prints its summary)");
	if ((st = cmd_store(ctx, 0)) == NULL)
		return EXIT_FAIL;
	rc = team_sync(st, &sum);
	for (i = 0; i < sum.nlines; i++)
		cmd_printf("%s\n", sum.lines[i]);
	if (rc != 0) {
		err_print("sync");
		team_sync_summary_free(&sum);
		return EXIT_FAIL;
	}
	buf_init(&sent);
	buf_init(&got);
	team_counts_text(sum.sent, &sent);
	team_counts_text(sum.received, &got);
	cmd_printf("sent %s; received %s; %zu conflicts\n", sent.data, got.data, sum.conflicts);
	buf_free(&sent);
	buf_free(&got);
	team_sync_summary_free(&sum);
	return EXIT_OK;
}
