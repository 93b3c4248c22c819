/*
 * cmd-delete-annotation.c: `dossier delete-annotation`: deletes
 * annotations by id or urn:uuid. Deleted annotations are kept, marked
 * deleted (`dossier annotations --state deleted` lists them), as the
 * reader keeps them for undo.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "anno.h"
#include "cmd.h"
#include "util.h"

static int cmd_delete_annotation_exec(struct cmd_ctx *, const struct args *);

const struct cmd_entry cmd_delete_annotation_entry = {
	.spec = {
		.name = "delete-annotation",
		.summary = "delete annotations (kept, marked deleted)",
		.params = (const struct args_param[]){
			{ "ID|URN", ARGS_WORD, NULL, ARGS_MORE, "needs annotation ids" },
			{ NULL },
		},
	},
	.exec = cmd_delete_annotation_exec,
};

/* An id, a uuid or a urn:uuid to the annotation's id; 0 when unknown. */
static int
resolve(struct store *st, const char *arg, int64_t *id)
{
	struct store_anno a;
	char *end;
	int rc;

	*id = strtoll(arg, &end, 10);
	if (end != arg && *end == '\0' && *id > 0)
		return 0;
	if (strncasecmp(arg, "urn:uuid:", 9) == 0)
		arg += 9;
	rc = store_anno_get_uuid(st, arg, &a);
	*id = rc == 0 ? a.id : 0;
	if (rc == 0)
		store_anno_free(&a);
	return rc < 0 ? -1 : 0;
}

static int
cmd_delete_annotation_exec(struct cmd_ctx *ctx, const struct args *a)
{
	struct anno_session *s;
	struct store *st;
	int64_t id;
	size_t i, failed = 0;

	if ((st = cmd_store(ctx, 0)) == NULL)
		return EXIT_FAIL;
	if (anno_session_open(st, &s) != 0) {
		err_print("delete-annotation");
		return EXIT_FAIL;
	}
	for (i = 0; i < a->argc; i++) {
		if (resolve(st, a->argv[i], &id) != 0 || (id == 0 &&
		    err_set("no annotation '%s'", a->argv[i]) != 0) || anno_delete(s, id) != 0) {
			err_print("delete-annotation");
			failed++;
			continue;
		}
		cmd_printf("%lld\n", (long long)id);
	}
	anno_session_free(s);
	if (failed == 0)
		return EXIT_OK;
	return failed == a->argc ? EXIT_FAIL : EXIT_PARTIAL;
}
