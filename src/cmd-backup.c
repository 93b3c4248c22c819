/*
 * cmd-backup.c: `dossier backup PATH`: a consistent copy of the database
 * made with SQLite's online backup API, safe while the reader is open.
 */
#include "config.h"

#include <stdio.h>

#include "cmd.h"
#include "store.h"
#include "util.h"

static int cmd_backup_exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_backup_entry = {
	.name = "backup",
	.usage = "PATH",
	.summary = "copy the database safely, even while it is in use",
	.exec = cmd_backup_exec,
};

static int
cmd_backup_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct store *st;

	if (argc != 2)
		return cmd_usage_error(&cmd_backup_entry, "needs one PATH");
	if (store_open(ctx->db_path, STORE_READONLY | STORE_NOCREATE | STORE_NOUPGRADE, &st) != 0) {
		err_print("backup");
		return EXIT_FAIL;
	}
	if (store_backup(st, argv[1]) != 0) {
		err_print("backup");
		store_close(st);
		return EXIT_FAIL;
	}
	store_close(st);
	if (!ctx->quiet)
		cmd_printf("backed up %s to %s\n", ctx->db_path, argv[1]);
	return EXIT_OK;
}
