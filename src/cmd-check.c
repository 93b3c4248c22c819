/*
 * cmd-check.c: `dossier check [--quick] [--recover NEW.db]`: verify the
 * database's integrity, or salvage what can be read of a damaged one into
 * a new file (the damaged file is never modified).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "store.h"
#include "util.h"

static int cmd_check_exec(struct cmd_ctx *, const struct args *);

const struct cmd_entry cmd_check_entry = {
	.spec = {
		.name = "check",
		.summary = "check the database's integrity, or salvage a damaged one",
		.options = (const struct args_option[]){
			{ "quick", 0, NULL, ARGS_WORD, NULL, "a faster check that skips the indexes' contents" },
			{ "recover", 0, "NEW.db", ARGS_FILE, NULL, "copy every readable row into a new database" },
			{ NULL },
		},
	},
	.exec = cmd_check_exec,
};

static int
recover(struct cmd_ctx *ctx, const char *out)
{
	size_t copied, lost;

	if (store_recover(ctx->db_path, out, &copied, &lost) != 0) {
		err_print("check");
		return EXIT_FAIL;
	}
	cmd_printf("recovered %zu rows into %s", copied, out);
	if (lost > 0)
		cmd_printf("; %zu rows or pages could not be read", lost);
	cmd_printf("\n");
	return lost > 0 ? EXIT_PARTIAL : EXIT_OK;
}

static int
cmd_check_exec(struct cmd_ctx *ctx, const struct args *a)
{
	const char *recover_to = NULL;
	struct store *st;
	int quick;

	quick = args_has(a, "quick");
	recover_to = args_get(a, "recover");
	if (recover_to != NULL)
		return recover(ctx, recover_to);
	if (store_open(ctx->db_path, STORE_READONLY | STORE_NOCREATE | STORE_NOUPGRADE, &st) != 0) {
		err_print("check");
		return EXIT_FAIL;
	}
	if (store_check(st, !quick) != 0) {
		err_print("check");
		cmd_eprintf("dossier: check: to salvage what can be read: dossier check --recover NEW.db\n");
		store_close(st);
		return EXIT_FAIL;
	}
	store_close(st);
	cmd_printf("%s: ok\n", ctx->db_path);
	return EXIT_OK;
}
