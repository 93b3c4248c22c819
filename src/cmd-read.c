/*
 * cmd-read.c: `dossier` with no command (or `dossier read`): the reader.
 * Opens the database; on an empty one imports the bundled sample articles
 * first, so the first start shows something to read, and says so on the
 * status line; then hands over to the ui module until the user quits.
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "import.h"
#include "store.h"
#include "ui.h"
#include "util.h"

static int cmd_read_exec(struct cmd_ctx *, const struct args *);

const struct cmd_entry cmd_read_entry = {
	.spec = {
		.name = "read",
		.summary = "open the reader (the default with no command)",
		.options = (const struct args_option[]){
			{ "keys", 0, NULL, ARGS_WORD, NULL,
			  "list the key bindings (keymap, keys, action, help) and exit" },
			{ NULL },
		},
	},
	.exec = cmd_read_exec,
};

/* Imports the samples into an empty, writable database. Returns the
 * message for the status line (malloc'd), or NULL. */
static char *
first_start(struct store *st)
{
	size_t imported = 0;
	int64_t n = 0;

	if (store_article_count(st, &n) != 0) {
		err_print("read");
		return NULL;
	}
	if (n > 0 || store_is_readonly(st))
		return NULL;
	if (import_samples(st, &imported) != 0)
		return xasprintf("could not import the sample articles: %s", err_msg());
	if (imported == 0)
		return NULL;
	/* ? is help everywhere but in the article, where it searches
	 * backward as in less; F1 is help everywhere. */
	return xasprintf("New database: imported %zu sample article%s. Help: F1, or ? outside the article.",
	    imported, imported == 1 ? "" : "s");
}

/* The grammar of the shell's command NAME, for the reader's `:` line. */
static const struct args_spec *
command_spec(const char *name)
{
	const struct cmd_entry *e = cmd_find(name);

	return e != NULL ? &e->spec : NULL;
}

static int
cmd_read_exec(struct cmd_ctx *ctx, const struct args *a)
{
	struct ui_start start = { 0 };
	struct store *st;
	char *msg;
	int rc;

	if (args_has(a, "keys")) {
		if (ui_print_keys(stdout) != 0) {
			err_print("read");
			return EXIT_FAIL;
		}
		return EXIT_OK;
	}
	st = cmd_store(ctx, STORE_MMAP);
	if (st == NULL)
		return EXIT_FAIL;
	msg = first_start(st);
	start.message = msg;
	start.command = command_spec;
	rc = ui_run(st, &start);
	free(msg);
	if (rc != 0) {
		err_print("read");
		return EXIT_FAIL;
	}
	if (start.signal != 0) {
		/* Ended by a signal: say so to the parent the usual way, once
		 * the database is closed. */
		cmd_ctx_free(ctx);
		signal(start.signal, SIG_DFL);
		raise(start.signal);
	}
	return EXIT_OK;
}
