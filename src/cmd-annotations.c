/*
 * cmd-annotations.c: `dossier annotations`: lists annotations, filtered
 * like the reader's annotation browser. One line each, tab-separated:
 * id, article, start-end (characters; "-" for an orphan), state, tags,
 * quote, note; or with --json an array of W3C Web Annotation objects.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anno.h"
#include "cmd.h"
#include "export.h"
#include "util.h"

static int cmd_annotations_exec(struct cmd_ctx *, const struct args *);

static const char *const statuses[] = { "unverified", "supported", "disputed", "false", NULL };
static const char *const state_names[] = { "active", "orphaned", "deleted", "superseded", "all", NULL };

const struct cmd_entry cmd_annotations_entry = {
	.spec = {
		.name = "annotations",
		.summary = "list annotations",
		.options = (const struct args_option[]){
			{ "article", 'a', "ID", ARGS_ARTICLE, NULL, "only this article's" },
			{ "tag", 't', "TAG", ARGS_TAG, NULL, "only with this tag (or one nested in it)" },
			{ "speaker", 0, "NAME", ARGS_ACTOR, NULL, "only claims by this actor" },
			{ "coder", 0, "NAME", ARGS_WORD, NULL, "only those made by this coder" },
			{ "status", 0, "STATUS", ARGS_CHOICE, statuses, "only claims of this status" },
			{ "state", 0, "STATE", ARGS_CHOICE, state_names, "these states (repeatable; default active and orphaned)" },
			{ "text", 0, "TEXT", ARGS_WORD, NULL, "only those whose quote, note or speaker contains TEXT" },
			{ "json", 'j', NULL, ARGS_WORD, NULL, "print JSON" },
			{ NULL },
		},
	},
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
print_line(struct store *st, struct anno_article *arts, const struct store_anno *a)
{
	const struct store_anno_article *art;
	size_t i, s, e;

	if (anno_article_load(st, arts, a->article_id, &art) != 0)
		return -1;
	cmd_printf("%lld\t%lld\t", (long long)a->id, (long long)a->article_id);
	if (anno_char_span(arts, a, &s, &e))
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
	/* A new version changed its words: the old ones beside the new. */
	if (a->was_quote != NULL) {
		cmd_printf(" [changed, was: ");
		put_clean(a->was_quote);
		putchar(']');
	}
	putchar('\t');
	put_clean(a->note);
	putchar('\n');
	return 0;
}

static int
list(struct store *st, const struct store_anno_filter *f, int json)
{
	struct anno_article arts = { 0 };
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
		if ((rc = anno_article_load(st, &arts, rows[i].article_id, &art)) == 0 &&
		    (rc = store_anno_json(st, rows[i].id,
		    anno_char_span(&arts, &rows[i], &span[0], &span[1]) ? span : NULL, &obj)) == 0) {
			cmd_printf("%s\n%s", i > 0 ? "," : "", obj);
			free(obj);
		}
	}
	if (json)
		fputs("\n]\n", stdout);
	anno_article_free(&arts);
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
cmd_annotations_exec(struct cmd_ctx *ctx, const struct args *a)
{
	struct store_anno_filter f = { .status = -1 };
	const char *speaker = NULL;
	enum store_anno_status status;
	struct store *st;
	const char *v;
	char *const *vs;
	size_t i, n;
	int json;

	if ((v = args_get(a, "article")) != NULL && cmd_parse_id(v, &f.article_id) != 0)
		return cmd_usage_error(a, "--article needs an id");
	f.tag = args_get(a, "tag");
	speaker = args_get(a, "speaker");
	if ((v = args_get(a, "status")) != NULL) {
		if (store_anno_status_parse(v, &status) != 0)
			return cmd_usage_error(a, "%s", err_msg());
		f.status = (int)status;
	}
	for (i = 0, n = args_values(a, "state", &vs); i < n; i++) {
		if (parse_states(vs[i], &f.states) != 0)
			return cmd_usage_error(a, "%s", err_msg());
	}
	f.text = args_get(a, "text");
	f.coder = args_get(a, "coder");
	json = args_has(a, "json");
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
	if (f.coder != NULL) {
		int known = store_anno_coder_known(st, f.coder);

		if (known < 0) {
			err_print("annotations");
			return EXIT_FAIL;
		}
		if (known == 0) {
			cmd_eprintf("dossier: annotations: no annotations by a coder named '%s'\n",
			    f.coder);
			return EXIT_FAIL;
		}
	}
	if (list(st, &f, json) != 0) {
		err_print("annotations");
		return EXIT_FAIL;
	}
	return EXIT_OK;
}
