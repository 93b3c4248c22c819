/*
 * cmd-annotations.c: `dossier annotations`: lists annotations, filtered
 * like the reader's annotation browser. One line each, tab-separated:
 * id, article, start-end (characters; "-" for an orphan), state, tags,
 * quote, note; or with --json an array of W3C Web Annotation objects.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anno.h"
#include "cmd.h"
#include "export.h"
#include "util.h"

static int cmd_annotations_exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_annotations_entry = {
	.name = "annotations",
	.usage = "[--article ID] [--tag TAG] [--speaker NAME] [--status STATUS]"
	    " [--state STATE|all]... [--text TEXT] [--json]",
	.summary = "list annotations",
	.exec = cmd_annotations_exec,
};

/* Article text and notes on one line of the listing: line ends and tabs
 * as spaces; what else is a control character goes through the safe-text
 * rule like every other printed string. */
static void
put_clean(const char *s)
{
	struct buf b;
	size_t i;

	if (s == NULL)
		return;
	buf_init(&b);
	buf_adds(&b, s);
	for (i = 0; i < b.len; i++) {
		if (b.data[i] == '\n' || b.data[i] == '\t' || b.data[i] == '\r')
			b.data[i] = ' ';
	}
	cmd_write(stdout, b.data != NULL ? b.data : "", b.len);
	buf_free(&b);
}

static int
print_line(struct store *st, struct export_articles *arts, const struct store_anno *a)
{
	const struct store_anno_article *art;
	size_t i, s, e;

	if (export_article(st, arts, a->article_id, &art) != 0)
		return -1;
	cmd_printf("%lld\t%lld\t", (long long)a->id, (long long)a->article_id);
	if (export_char_span(arts, a, &s, &e))
		cmd_printf("%zu-%zu", s, e);
	else
		putchar('-');
	cmd_printf("\t%s\t", store_anno_state_name(a->state));
	for (i = 0; i < a->ntags; i++) {
		if (i > 0)
			putchar(',');
		put_clean(a->tags[i].name);
	}
	putchar('\t');
	put_clean(a->quote);
	putchar('\t');
	put_clean(a->note);
	putchar('\n');
	return 0;
}

static int
list(struct store *st, const struct store_anno_filter *f, int json)
{
	struct export_articles arts = { 0 };
	struct store_anno *rows;
	size_t n, i;
	int rc = 0;

	if (store_anno_list(st, f, &rows, &n) != 0)
		return -1;
	if (json)
		fputs("[", stdout);
	for (i = 0; i < n && rc == 0; i++) {
		const struct store_anno_article *art;
		size_t span[2];
		char *obj;

		if (!json) {
			rc = print_line(st, &arts, &rows[i]);
			continue;
		}
		if ((rc = export_article(st, &arts, rows[i].article_id, &art)) == 0 &&
		    (rc = store_anno_json(st, rows[i].id,
		    export_char_span(&arts, &rows[i], &span[0], &span[1]) ? span : NULL, &obj)) == 0) {
			cmd_printf("%s\n%s", i > 0 ? "," : "", obj);
			free(obj);
		}
	}
	if (json)
		fputs("\n]\n", stdout);
	export_articles_free(&arts);
	store_anno_list_free(rows, n);
	return rc;
}

static int
parse_states(const char *arg, unsigned *states)
{
	enum store_anno_state s;

	if (strcmp(arg, "all") == 0) {
		*states = STORE_ANNO_ALL;
		return 0;
	}
	if (store_anno_state_parse(arg, &s) != 0)
		return -1;
	*states |= STORE_ANNO_STATE_BIT(s);
	return 0;
}

static int
cmd_annotations_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option options[] = {
		{ "article", required_argument, NULL, 'a' },
		{ "tag", required_argument, NULL, 't' },
		{ "speaker", required_argument, NULL, 's' },
		{ "status", required_argument, NULL, 'S' },
		{ "state", required_argument, NULL, 'x' },
		{ "text", required_argument, NULL, 'q' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 },
	};
	struct store_anno_filter f = { .status = -1 };
	const char *speaker = NULL;
	enum store_anno_status status;
	struct store *st;
	int c, json = 0;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "a:t:j", options, NULL)) != -1) {
		switch (c) {
		case 'a':
			if (cmd_parse_id(optarg, &f.article_id) != 0)
				return cmd_usage_error(&cmd_annotations_entry, "--article needs an id");
			break;
		case 't': f.tag = optarg; break;
		case 's': speaker = optarg; break;
		case 'S':
			if (store_anno_status_parse(optarg, &status) != 0)
				return cmd_usage_error(&cmd_annotations_entry, "%s", err_msg());
			f.status = (int)status;
			break;
		case 'x':
			if (parse_states(optarg, &f.states) != 0)
				return cmd_usage_error(&cmd_annotations_entry, "%s", err_msg());
			break;
		case 'q': f.text = optarg; break;
		case 'j': json = 1; break;
		default:
			return cmd_usage_error(&cmd_annotations_entry, "unknown or incomplete option %s",
			    argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cmd_usage_error(&cmd_annotations_entry, "unexpected argument '%s'",
		    argv[optind]);
	if ((st = cmd_store(ctx, STORE_READONLY)) == NULL)
		return EXIT_FAIL;
	if (speaker != NULL) {
		if (store_anno_entity_find(st, speaker, &f.speaker_id) != 0) {
			err_print("annotations");
			return EXIT_FAIL;
		}
		if (f.speaker_id == 0) {
			cmd_eprintf("dossier: annotations: no actor named '%s'\n", speaker);
			return EXIT_FAIL;
		}
	}
	if (list(st, &f, json) != 0) {
		err_print("annotations");
		return EXIT_FAIL;
	}
	return EXIT_OK;
}
