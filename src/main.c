/*
 * main.c: parses the global options, then hands the rest of the command line
 * to one subcommand from cmd-table.c. With no subcommand, dossier opens the
 * reader. Everything else lives in the modules.
 */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"
#include "util.h"

static void
usage(FILE *f)
{
	const struct cmd_entry *const *e;

	fprintf(f,
	    "usage: dossier [--db PATH] [--quiet] [COMMAND [ARGS...]]\n"
	    "\n"
	    "A terminal reader and annotator for news articles. With no command,\n"
	    "opens the reader.\n"
	    "\n"
	    "Options:\n"
	    "  --db PATH      use the database PATH (default $DOSSIER_DB, else\n"
	    "                 $XDG_DATA_HOME/dossier/dossier.db)\n"
	    "  -q, --quiet    no progress or warnings\n"
	    "  -h, --help     show this help\n"
	    "  -V, --version  show the version\n"
	    "\n"
	    "Commands:\n");
	for (e = cmd_table; *e != NULL; e++) {
		if (!((*e)->spec.flags & ARGS_HIDDEN))
			fprintf(f, "  %-18s %s\n", (*e)->spec.name, (*e)->spec.summary);
	}
	fprintf(f, "\n'dossier COMMAND --help' shows a command's options. See dossier(1) for more.\n");
}

int
main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct cmd_ctx ctx = { 0 };
	const struct cmd_entry *cmd;
	char *default_db = NULL;
	const char *name;
	int c, rc;

	setlocale(LC_ALL, "");
	/* Everything dossier creates is the user's alone (the database, its
	 * WAL and shared memory, exports, the history), from the first file
	 * on rather than mended by chmod after someone could read it. */
	umask(077);
	/* Past a file-size limit a write should fail with EFBIG, which SQLite
	 * reports and rolls back, not kill the process mid-transaction. */
	signal(SIGXFSZ, SIG_IGN);
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+qhV", options, NULL)) != -1) {
		switch (c) {
		case 'd':
			ctx.db_path = optarg;
			break;
		case 'q':
			ctx.quiet = 1;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		case 'V':
			cmd_printf("dossier %s\n", PACKAGE_VERSION);
			return EXIT_OK;
		default:
			if (optopt != 0 && optopt != '?')
				cmd_eprintf("dossier: unknown option -%c (see dossier --help)\n", optopt);
			else
				cmd_eprintf("dossier: unknown or incomplete option %s (see dossier --help)\n",
				    argv[optind - 1]);
			return EXIT_USAGE;
		}
	}
	warn_set_quiet(ctx.quiet);
	if (ctx.db_path == NULL)
		ctx.db_path = default_db = path_default_db();

	name = optind < argc ? argv[optind] : "read";
	if (strcmp(name, "help") == 0) {
		usage(stdout);
		free(default_db);
		return EXIT_OK;
	}
	cmd = cmd_find(name);
	if (cmd == NULL) {
		cmd_eprintf("dossier: unknown command '%s' (see dossier --help)\n", name);
		free(default_db);
		return EXIT_USAGE;
	}
	/* The command sees its own name as argv[0], as getopt expects. */
	if (optind < argc)
		rc = cmd_run(&ctx, cmd, argc - optind, argv + optind);
	else {
		static char read_name[] = "read";
		char *none[] = { read_name, NULL };
		rc = cmd_run(&ctx, cmd, 1, none);
	}
	cmd_ctx_free(&ctx);
	free(default_db);
	return rc;
}
