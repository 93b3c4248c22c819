/*
 * cmd-export.c: `dossier export`: the user's annotations as W3C Web
 * Annotation JSON, CSV or a Markdown report, to standard output or to a
 * file written atomically (a crash never leaves half an export behind),
 * never over the database and over an existing file only with --force.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"
#include "export.h"
#include "util.h"

static int cmd_export_exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_export_entry = {
	.name = "export",
	.usage = "[--format json|csv|markdown] [--tag TAG] [--article ID] [--all] "
	    "[-o FILE [--force]]",
	.summary = "export annotations (W3C JSON, CSV, Markdown)",
	.exec = cmd_export_exec,
};

static int
emit(const char *path, const struct buf *b)
{
	if (path != NULL && strcmp(path, "-") != 0)
		return path_write_atomic(path, b->data, b->len);
	if (fwrite(b->data, 1, b->len, stdout) != b->len || fflush(stdout) != 0)
		return err_set("standard output: write failed");
	return 0;
}

static int
cmd_export_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "tag", required_argument, NULL, 't' },
		{ "article", required_argument, NULL, 'a' },
		{ "all", no_argument, NULL, 'A' },
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 },
	};
	struct store_anno_filter f = { .status = -1 };
	enum export_format fmt = EXPORT_JSON;
	const char *out = NULL;
	struct store *st;
	struct buf b;
	int c, rc, force = 0;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "f:t:a:o:", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (export_format_parse(optarg, &fmt) != 0)
				return cmd_usage_error(&cmd_export_entry, "%s", err_msg());
			break;
		case 't': f.tag = optarg; break;
		case 'a':
			if (cmd_parse_id(optarg, &f.article_id) != 0)
				return cmd_usage_error(&cmd_export_entry, "--article needs an id");
			break;
		case 'A': f.states = STORE_ANNO_ALL; break;
		case 'o': out = optarg; break;
		case 'F': force = 1; break;
		default:
			return cmd_usage_error(&cmd_export_entry, "unknown or incomplete option %s",
			    argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cmd_usage_error(&cmd_export_entry, "unexpected argument '%s'", argv[optind]);
	if ((st = cmd_store(ctx, STORE_READONLY)) == NULL)
		return EXIT_FAIL;
	if (cmd_check_output(st, out, force) != 0) {
		err_print("export");
		return EXIT_FAIL;
	}
	buf_init(&b);
	rc = export_write(st, &f, fmt, &b);
	if (rc == 0)
		rc = emit(out, &b);
	buf_free(&b);
	if (rc != 0) {
		err_print("export");
		return EXIT_FAIL;
	}
	return EXIT_OK;
}
