/*
 * cmd-version.c: `dossier version`: the version, the libraries it runs on,
 * and where it keeps and finds its files, for bug reports.
 */
#include "config.h"

#include <stdio.h>

#include <curses.h>
#include <libxml/xmlversion.h>
#include <sqlite3.h>
#include <unistring/version.h>

#include "cmd.h"
#include "util.h"

static int cmd_version_exec(struct cmd_ctx *, const struct args *);

const struct cmd_entry cmd_version_entry = {
	.spec = {
		.name = "version",
		.summary = "show the version, libraries and paths",
	},
	.exec = cmd_version_exec,
};

static int
cmd_version_exec(struct cmd_ctx *ctx, const struct args *a)
{
	(void)a;
	cmd_printf("dossier %s\n", PACKAGE_VERSION);
	cmd_printf("sqlite %s, %s, libxml2 %s, libunistring %d.%d\n", sqlite3_libversion(),
	    curses_version(), LIBXML_DOTTED_VERSION, _libunistring_version >> 8,
	    _libunistring_version & 0xff);
	cmd_printf("database: %s\n", ctx->db_path);
	cmd_printf("data:     %s\n", path_data_dir());
	cmd_printf("themes:   %s\n", path_theme_dir());
	return EXIT_OK;
}
