/*
 * cmd-backup.c: `dossier backup PATH`: a consistent copy of the database
 * made with SQLite's online backup API, safe while the reader is open.
 */
#include "config.h"

#include <stdio.h>

#include "cmd.h"
#include "store.h"
#include "util.h"

static int cmd_backup_exec(struct cmd_ctx *, const struct args *);

const struct cmd_entry cmd_backup_entry = {
	.spec = {
		.name = "backup",
		.summary = "copy the database safely, even while it is in use",
		.params = (const struct args_param[]){
			{ "PATH", ARGS_FILE, NULL, 0, "needs one PATH" },
			{ NULL },
		},
	},
	.exec = cmd_backup_exec,
};

static int
cmd_backup_exec(struct cmd_ctx *ctx, const struct args *a)
{
	const char *path = a->argv[0];
	struct store *st;

	if (store_open(ctx->db_path, STORE_READONLY | STORE_NOCREATE | STORE_NOUPGRADE, &st) != 0) {
		err_print("backup");
		return EXIT_FAIL;
	}
	if (store_backup(st, path) != 0) {
		err_print("backup");
		store_close(st);
		return EXIT_FAIL;
	}
	store_close(st);
	if (!ctx->quiet)
		cmd_printf("backed up %s to %s\n", ctx->db_path, path);
	return EXIT_OK;
}
