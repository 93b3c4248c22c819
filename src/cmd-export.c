/*
 * cmd-export.c: `dossier export`: the user's annotations as W3C Web
 * Annotation JSON, CSV or a Markdown report, to standard output or to a
 * file written atomically (a crash never leaves half an export behind),
 * never over the database and over an existing file only with --force.
 * Written to a file, it says on standard error how many annotations went
 * there and in which format, and why that one (--format, or the file's
 * name), so a JSON file named x.txt is no surprise.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"
#include "export.h"
#include "util.h"

static int cmd_export_exec(struct cmd_ctx *, const struct args *);

static const char *const formats[] = { "json", "csv", "markdown", NULL };

const struct cmd_entry cmd_export_entry = {
	.spec = {
		.name = "export",
		.summary = "export annotations (W3C JSON, CSV, Markdown)",
		.options = (const struct args_option[]){
			{ "format", 'f', "FORMAT", ARGS_CHOICE, formats, "json (W3C Web Annotation), csv or markdown; by default the file name's (.csv, .md), else json" },
			{ "tag", 't', "TAG", ARGS_TAG, NULL, "only annotations with this tag (or one nested in it)" },
			{ "article", 'a', "ID", ARGS_ARTICLE, NULL, "only this article's" },
			{ "coder", 0, "NAME", ARGS_WORD, NULL, "only annotations made by this coder" },
			{ "all", 0, NULL, ARGS_WORD, NULL, "orphaned, deleted and superseded ones too" },
			{ "output", 'o', "FILE", ARGS_FILE, NULL, "write FILE instead of standard output" },
			{ "force", 0, NULL, ARGS_WORD, NULL, "replace FILE when it exists (never the database or another SQLite file)" },
			{ NULL },
		},
		.params = (const struct args_param[]){
			{ "FILE", ARGS_FILE, NULL, ARGS_OPTIONAL, NULL },
			{ NULL },
		},
	},
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
cmd_export_exec(struct cmd_ctx *ctx, const struct args *a)
{
	struct store_anno_filter f = { .status = -1 };
	enum export_format fmt = EXPORT_JSON;
	const char *out = NULL, *why;
	size_t n = 0;
	struct store *st;
	struct buf b;
	const char *v;
	int rc, force;

	out = a->argc > 0 ? a->argv[0] : args_get(a, "output");
	if (a->argc > 0 && args_has(a, "output"))
		return cmd_usage_error(a, "one file: FILE or -o FILE");
	/* Written to a file, the format is its name's unless said. */
	if (out != NULL)
		fmt = export_format_for(out);
	why = export_format_why(fmt, NULL);
	if ((v = args_get(a, "format")) != NULL) {
		if (export_format_parse(v, &fmt) != 0)
			return cmd_usage_error(a, "%s", err_msg());
		why = export_format_why(fmt, "--format");
	}
	f.tag = args_get(a, "tag");
	f.coder = args_get(a, "coder");
	if ((v = args_get(a, "article")) != NULL && cmd_parse_id(v, &f.article_id) != 0)
		return cmd_usage_error(a, "--article needs an id");
	if (args_has(a, "all"))
		f.states = STORE_ANNO_ALL;
	force = args_has(a, "force");
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
	if (rc == 0 && out != NULL && strcmp(out, "-") != 0 && !ctx->quiet)
		rc = store_anno_count(st, &f, &n);
	if (rc != 0) {
		err_print("export");
		return EXIT_FAIL;
	}
	if (out != NULL && strcmp(out, "-") != 0 && !ctx->quiet)
		cmd_eprintf("exported %zu annotation%s to %s as %s (%s)\n", n, n == 1 ? "" : "s", out,
		    export_format_name(fmt), why);
	return EXIT_OK;
}
