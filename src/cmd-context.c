/*
 * cmd-context.c: what all commands share: opening the database once,
 * reporting a misused command the same way everywhere, and where a
 * command may write a file.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"
#include "store.h"
#include "util.h"

struct store *
cmd_store(struct cmd_ctx *ctx, int flags)
{
	if (ctx->store != NULL)
		return ctx->store;
	if (store_open(ctx->db_path, flags | ctx->store_flags, &ctx->store) != 0) {
		err_print(NULL);
		return NULL;
	}
	return ctx->store;
}

void
cmd_ctx_free(struct cmd_ctx *ctx)
{
	store_close(ctx->store);
	ctx->store = NULL;
}

int
cmd_usage_error(const struct cmd_entry *e, const char *fmt, ...)
{
	va_list ap;

	cmd_eprintf("dossier: %s: ", e->name);
	va_start(ap, fmt);
	cmd_veprintf(fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nusage: dossier %s %s\n", e->name, e->usage);
	return EXIT_USAGE;
}

int
cmd_check_output(const struct store *st, const char *path, int force)
{
	struct stat sb;

	if (path == NULL || strcmp(path, "-") == 0)
		return 0;
	if (store_check_target(st, path, 0) != 0)
		return -1;
	if (!force && lstat(path, &sb) == 0)
		return err_set("%s: already exists; --force replaces it", path);
	return 0;
}
