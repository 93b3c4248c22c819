/*
 * cmd-tag.c: `dossier tag`: the codebook from the command line, as the
 * reader's :tag command edits it: list the tags (name, colour, key, live
 * annotations), add one, rename (nested tags follow), recolour, rebind
 * its key, or merge one into another.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "anno.h"
#include "cmd.h"
#include "util.h"

static int cmd_tag_exec(struct cmd_ctx *, const struct args *);

#define TAG_SUB(var, sub, text, ...) \
	static const struct cmd_entry var = { \
		.spec = { .name = sub, .summary = text, \
		    .params = (const struct args_param[]){ __VA_ARGS__ } }, \
		.exec = cmd_tag_exec, \
	}

#define TAG_P(name, kind) { name, kind, NULL, 0, NULL }
#define TAG_OPT(name, kind) { name, kind, NULL, ARGS_OPTIONAL, NULL }

TAG_SUB(tag_list, "list", "the tags: name, colour, key, live annotations", { NULL });
TAG_SUB(tag_add, "add", "a new tag (COLOR or KEY none: without one)", TAG_P("NAME", ARGS_WORD),
    TAG_OPT("COLOR", ARGS_WORD), TAG_OPT("KEY", ARGS_WORD), { NULL });
TAG_SUB(tag_rename, "rename", "rename a tag (the tags nested in it follow)",
    TAG_P("NAME", ARGS_TAG), TAG_P("NEW", ARGS_WORD), { NULL });
TAG_SUB(tag_color, "color", "recolour a tag (none: no colour)", TAG_P("NAME", ARGS_TAG),
    TAG_P("COLOR", ARGS_WORD), { NULL });
static const struct cmd_entry tag_colour = {
	.spec = { .name = "colour", .summary = "the same as color", .flags = ARGS_HIDDEN,
	    .params = (const struct args_param[]){ TAG_P("NAME", ARGS_TAG),
	    TAG_P("COLOR", ARGS_WORD), { NULL } } },
	.exec = cmd_tag_exec,
};
TAG_SUB(tag_key, "key", "bind the tag picker's key (none: no key)", TAG_P("NAME", ARGS_TAG),
    TAG_P("KEY", ARGS_WORD), { NULL });
TAG_SUB(tag_merge, "merge", "move FROM's annotations to INTO and remove FROM",
    TAG_P("FROM", ARGS_TAG), TAG_P("INTO", ARGS_TAG), { NULL });

const struct cmd_entry cmd_tag_entry = {
	.spec = {
		.name = "tag",
		.summary = "list and edit the tags of the codebook",
		.subs = CMD_SUBS(&tag_list.spec, &tag_add.spec, &tag_rename.spec, &tag_color.spec,
		    &tag_colour.spec, &tag_key.spec, &tag_merge.spec),
		.default_sub = "list",
	},
	.exec = cmd_tag_exec,
};

static int
list(struct store *st)
{
	struct store_tag *tags;
	size_t n, i;

	if (store_tag_list(st, &tags, &n) != 0)
		return -1;
	for (i = 0; i < n; i++)
		cmd_printf("%s\t%s\t%s\t%lld\n", tags[i].name, tags[i].color ? tags[i].color : "-",
		    tags[i].key ? tags[i].key : "-", (long long)tags[i].uses);
	store_tag_list_free(tags, n);
	return 0;
}

/* Runs the subcommand A names. "none" as a colour or key means none, as
 * everywhere tags are edited. */
static int
run(struct anno_session *s, const struct args *a)
{
	const char *sub = a->spec->name;
	char *const *v = a->argv;

	if (strcmp(sub, "list") == 0)
		return list(anno_session_store(s));
	if (strcmp(sub, "add") == 0)
		return anno_tag_create(s, v[0], a->argc > 1 ? anno_none(v[1]) : NULL,
		    a->argc > 2 ? anno_none(v[2]) : NULL, NULL);
	if (strcmp(sub, "rename") == 0)
		return anno_tag_rename(s, v[0], v[1]);
	if (strcmp(sub, "color") == 0 || strcmp(sub, "colour") == 0)
		return anno_tag_set_color(s, v[0], anno_none(v[1]));
	if (strcmp(sub, "key") == 0)
		return anno_tag_set_key(s, v[0], anno_none(v[1]));
	return anno_tag_merge(s, v[0], v[1]);
}

static int
cmd_tag_exec(struct cmd_ctx *ctx, const struct args *a)
{
	struct anno_session *s;
	struct store *st;
	int rc;

	if ((st = cmd_store(ctx, 0)) == NULL)
		return EXIT_FAIL;
	if (anno_session_open(st, &s) != 0) {
		err_print("tag");
		return EXIT_FAIL;
	}
	rc = run(s, a);
	anno_session_free(s);
	if (rc != 0) {
		err_print("tag");
		return EXIT_FAIL;
	}
	return EXIT_OK;
}
