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

static int cmd_tag_exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_tag_entry = {
	.name = "tag",
	.usage = "[list | add NAME [COLOR [KEY]] | rename NAME NEW | color NAME COLOR|none"
	    " | key NAME KEY|none | merge FROM INTO]",
	.summary = "list and edit the tags of the codebook",
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

static const char *
none(const char *s)
{
	return strcmp(s, "none") == 0 ? NULL : s;
}

/* Runs subcommand ARGV[0]; returns -1 on failure, -2 on misuse. */
static int
run(struct anno_session *s, int argc, char **argv)
{
	const char *sub = argv[0];

	if (strcmp(sub, "list") == 0 && argc == 1)
		return list(anno_session_store(s));
	if (strcmp(sub, "add") == 0 && argc >= 2 && argc <= 4)
		return anno_tag_create(s, argv[1], argc > 2 ? none(argv[2]) : NULL,
		    argc > 3 ? none(argv[3]) : NULL, NULL);
	if (strcmp(sub, "rename") == 0 && argc == 3)
		return anno_tag_rename(s, argv[1], argv[2]);
	if ((strcmp(sub, "color") == 0 || strcmp(sub, "colour") == 0) && argc == 3)
		return anno_tag_set_color(s, argv[1], none(argv[2]));
	if (strcmp(sub, "key") == 0 && argc == 3)
		return anno_tag_set_key(s, argv[1], none(argv[2]));
	if (strcmp(sub, "merge") == 0 && argc == 3)
		return anno_tag_merge(s, argv[1], argv[2]);
	return -2;
}

static int
cmd_tag_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static char list_name[] = "list";
	char *deflt[] = { list_name, NULL };
	struct anno_session *s;
	struct store *st;
	int rc;

	if (argc < 2) {
		argv = deflt;
		argc = 1;
	} else {
		argv++;
		argc--;
	}
	if ((st = cmd_store(ctx, 0)) == NULL)
		return EXIT_FAIL;
	if (anno_session_open(st, &s) != 0) {
		err_print("tag");
		return EXIT_FAIL;
	}
	rc = run(s, argc, argv);
	anno_session_free(s);
	if (rc == -2)
		return cmd_usage_error(&cmd_tag_entry, "unknown subcommand or wrong arguments: %s",
		    argv[0]);
	if (rc != 0) {
		err_print("tag");
		return EXIT_FAIL;
	}
	return EXIT_OK;
}
