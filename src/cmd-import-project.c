/*
 * cmd-import-project.c: `dossier import-project`: a REFI-QDA project
 * (.qdpx) or codebook (.qdc) from another QDA tool, or from dossier: its
 * codes become tags, its text sources articles, its coded selections
 * highlights (keeping their GUIDs, so a second import changes nothing),
 * its notes memos. What cannot be kept is named, one line each, and the
 * status says some of it was refused.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "import.h"
#include "util.h"

static int cmd_import_project_exec(struct cmd_ctx *, const struct args *);

const struct cmd_entry cmd_import_project_entry = {
	.spec = {
		.name = "import-project",
		.summary = "read a REFI-QDA project (.qdpx) or codebook (.qdc)",
		.params = (const struct args_param[]){
			{ "FILE", ARGS_FILE, NULL, 0, "needs a .qdpx or .qdc file" },
			{ NULL },
		},
	},
	.exec = cmd_import_project_exec,
};

static int
cmd_import_project_exec(struct cmd_ctx *ctx, const struct args *a)
{
	struct import_qdpx_report rep;
	const char *path = a->argv[0];
	struct store *st;
	size_t i;
	int rc;

	if ((st = cmd_store(ctx, 0)) == NULL)
		return EXIT_FAIL;
	rc = import_qdpx(st, path, &rep);
	for (i = 0; i < rep.nproblems; i++)
		warn_print("%s", rep.problems[i]);
	for (i = 0; i < rep.annos.nproblems; i++)
		warn_print("%s: %s", path, rep.annos.problems[i]);
	if (rc != 0) {
		import_qdpx_report_free(&rep);
		err_print("import-project");
		return EXIT_FAIL;
	}
	if (!ctx->quiet)
		cmd_eprintf("imported project %s: %zu sources (%zu new), %zu tags added, %zu recoloured, "
		    "%zu annotations added, %zu updated, %zu unchanged, %zu orphaned, %zu memos; "
		    "%zu refused\n", path, rep.sources, rep.sources_added, rep.tags_added,
		    rep.tags_recoloured, rep.annos.added, rep.annos.updated, rep.annos.unchanged,
		    rep.annos.orphaned, rep.memos, rep.refused);
	rc = rep.refused > 0 ? EXIT_PARTIAL : EXIT_OK;
	import_qdpx_report_free(&rep);
	return rc;
}
