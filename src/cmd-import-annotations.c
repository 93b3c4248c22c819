/*
 * cmd-import-annotations.c: `dossier import-annotations`: merges a W3C
 * Web Annotation JSON file (such as `dossier export` writes, from this or
 * another database) by annotation id: new ones are added, known ones
 * updated only when the file's copy is newer, so a second import changes
 * nothing. Annotations whose article is not here are refused by name.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "anno.h"
#include "cmd.h"
#include "util.h"

static int cmd_import_annotations_exec(struct cmd_ctx *, const struct args *);

const struct cmd_entry cmd_import_annotations_entry = {
	.spec = {
		.name = "import-annotations",
		.summary = "merge annotations from a W3C JSON export",
		.params = (const struct args_param[]){
			{ "FILE.json|-", ARGS_FILE, NULL, 0, "needs one file" },
			{ NULL },
		},
	},
	.exec = cmd_import_annotations_exec,
};

/* Large enough for hundreds of thousands of annotations. */
#define MAX_IMPORT ((size_t)512 << 20)

static int
cmd_import_annotations_exec(struct cmd_ctx *ctx, const struct args *a)
{
	struct anno_import_report rep;
	const char *path, *name;
	struct store *st;
	size_t len, i;
	char *text;
	int rc;

	path = a->argv[0];
	name = path[0] == '-' && path[1] == '\0' ? "standard input" : path;
	if (path_read_file(path, MAX_IMPORT, &text, &len) != 0) {
		err_print("import-annotations");
		return EXIT_FAIL;
	}
	if ((st = cmd_store(ctx, 0)) == NULL) {
		free(text);
		return EXIT_FAIL;
	}
	rc = anno_json_import(st, name, text, len, &rep);
	free(text);
	if (rc != 0) {
		err_print("import-annotations");
		return EXIT_FAIL;
	}
	for (i = 0; i < rep.nproblems; i++)
		warn_print("%s: %s", name, rep.problems[i]);
	if (!ctx->quiet)
		cmd_eprintf("imported annotations from %s: %zu added, %zu updated, %zu unchanged, "
		    "%zu refused, %zu orphaned (quote not found)\n", name, rep.added, rep.updated, rep.unchanged,
		    rep.refused, rep.orphaned);
	rc = rep.refused > 0 ? EXIT_PARTIAL : EXIT_OK;
	anno_import_report_free(&rep);
	return rc;
}
