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

/* "dossier" or "dossier tag": what comes before the name of A's command. */
static const char *
prefix_of(const struct args *a, char *buf, size_t size)
{
	if (a->parent == NULL)
		return "dossier";
	snprintf(buf, size, "dossier %s", a->parent->name);
	return buf;
}

int
cmd_usage_error(const struct args *a, const char *fmt, ...)
{
	char buf[64];
	const char *prefix = prefix_of(a, buf, sizeof buf);
	struct buf usage;
	va_list ap;

	cmd_eprintf("dossier: %s%s%s: ", a->parent ? a->parent->name : "",
	    a->parent ? " " : "", a->spec->name);
	va_start(ap, fmt);
	cmd_veprintf(fmt, ap);
	va_end(ap);
	buf_init(&usage);
	args_usage(a->spec, &usage);
	fprintf(stderr, "\nusage: %s %s%s%s\n", prefix, a->spec->name, usage.len ? " " : "",
	    usage.len ? usage.data : "");
	buf_free(&usage);
	return EXIT_USAGE;
}

int
cmd_run(struct cmd_ctx *ctx, const struct cmd_entry *e, int argc, char **argv)
{
	struct args a;
	struct buf help;
	char prefix[64];
	int rc = args_parse(&e->spec, argc, argv, &a);

	if (rc < 0) {
		rc = cmd_usage_error(&a, "%s", err_msg());
	} else if (rc == ARGS_HELP) {
		buf_init(&help);
		args_help(a.spec, prefix_of(&a, prefix, sizeof prefix), &help);
		fputs(help.data, stdout);
		buf_free(&help);
		rc = EXIT_OK;
	} else {
		rc = cmd_of(&a)->exec(ctx, &a);
	}
	args_free(&a);
	return rc;
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

int
cmd_entity(struct store *st, const char *cmd, const char *name, int64_t *id)
{
	if (store_entity_find(st, name, id) != 0) {
		err_print(cmd);
		return -1;
	}
	if (*id == 0) {
		cmd_eprintf("dossier: %s: no entity is named '%s'\n", cmd, name);
		return -1;
	}
	return 0;
}
