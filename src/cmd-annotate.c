/*
 * cmd-annotate.c: `dossier annotate`: highlights a span of an article from
 * the command line, with tags, a note and the claim's speaker, target and
 * status, for scripts and for the durability tests. The span is given in
 * characters (START END, end exclusive) or as text to find (--quote).
 * Prints the new annotation's id and urn only once it is on disk.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anno.h"
#include "cmd.h"
#include "text.h"
#include "util.h"

static int cmd_annotate_exec(struct cmd_ctx *, const struct args *);

static const char *const statuses[] = { "unverified", "supported", "disputed", "false", NULL };

const struct cmd_entry cmd_annotate_entry = {
	.spec = {
		.name = "annotate",
		.summary = "highlight a span of an article, with tags and a note",
		.options = (const struct args_option[]){
			{ "quote", 'q', "TEXT", ARGS_WORD, NULL, "the span is where TEXT occurs (instead of START END)" },
			{ "nth", 0, "N", ARGS_COUNT, NULL, "with --quote: its Nth occurrence (default 1)" },
			{ "tag", 't', "TAG", ARGS_TAG, NULL, "tag it (repeatable; a new tag is created)" },
			{ "note", 'n', "TEXT", ARGS_WORD, NULL, "a note on it" },
			{ "speaker", 0, "NAME", ARGS_ACTOR, NULL, "a claim: who makes it" },
			{ "target", 0, "NAME", ARGS_ACTOR, NULL, "a claim: whom it is about" },
			{ "status", 0, "STATUS", ARGS_CHOICE, statuses, "a claim: how far it is verified" },
			{ NULL },
		},
		.params = (const struct args_param[]){
			{ "ARTICLE", ARGS_ARTICLE, NULL, 0, "needs an article id and either START END or --quote" },
			{ "START", ARGS_COUNT, NULL, ARGS_OPTIONAL, NULL },
			{ "END", ARGS_COUNT, NULL, ARGS_OPTIONAL, NULL },
			{ NULL },
		},
	},
	.exec = cmd_annotate_exec,
};

struct opts {
	const char *quote, *note, *speaker, *target, *status;
	const char *const *tags;
	size_t ntags;
	long nth;
};

static int
parse_num(const char *s, long long *out)
{
	char *end;

	*out = strtoll(s, &end, 10);
	return end != s && *end == '\0' && *out >= 0 ? 0 : -1;
}

/* The byte span the arguments name in BODY. */
static int
find_span(const struct store_anno_article *art, const struct opts *o, char **pos,
    int npos, size_t *start, size_t *end)
{
	long long a, b;

	if (o->quote != NULL) {
		const char *at = art->body, *hit = NULL;
		long k;

		if (o->quote[0] == '\0')
			return err_set("--quote needs some text");
		for (k = 0; k < o->nth; k++) {
			hit = strstr(at, o->quote);
			if (hit == NULL)
				return err_set("article %lld: '%s' %s", (long long)art->id, o->quote,
				    k == 0 ? "is not in its text" : "does not occur that often");
			at = hit + 1;
		}
		*start = (size_t)(hit - art->body);
		*end = *start + strlen(o->quote);
		return 0;
	}
	if (npos != 2 || parse_num(pos[0], &a) != 0 || parse_num(pos[1], &b) != 0 || a >= b)
		return err_set("START END must be character offsets with START < END");
	if (text_char_offset(art->body, art->body_len, (size_t)a, start) != 0 ||
	    text_char_offset(art->body, art->body_len, (size_t)b, end) != 0)
		return err_set("article %lld: %lld-%lld is past its end (%zu characters)",
		    (long long)art->id, a, b, text_chars(art->body, art->body_len));
	return 0;
}

static int
entity(struct store *st, const char *name, int64_t *id)
{
	*id = 0;
	if (name == NULL)
		return 0;
	if (store_anno_entity_find(st, name, id) != 0)
		return -1;
	if (*id == 0)
		return err_set("no actor named '%s' in the knowledge base", name);
	return 0;
}

static int
add(struct store *st, long long article, const struct opts *o, char **pos, int npos)
{
	struct store_anno_article art;
	struct anno_session *s = NULL;
	struct anno_new n = { 0 };
	struct store_anno a;
	int64_t id;
	int rc;

	rc = store_anno_article_get(st, article, &art);
	if (rc == 1)
		return err_set("%s: no article %lld", store_path(st), article);
	if (rc != 0)
		return -1;
	n.article_id = article;
	n.body = art.body;
	n.len = art.body_len;
	n.tags = o->tags;
	n.ntags = o->ntags;
	n.note = o->note;
	rc = find_span(&art, o, pos, npos, &n.start, &n.end);
	if (rc == 0)
		rc = entity(st, o->speaker, &n.speaker_id);
	if (rc == 0)
		rc = entity(st, o->target, &n.target_id);
	if (rc == 0)
		rc = store_anno_status_parse(o->status, &n.status);
	if (rc == 0)
		rc = anno_session_open(st, &s);
	if (rc == 0)
		rc = anno_add(s, &n, &id);
	if (rc == 0 && (rc = store_anno_get(st, id, &a)) == 0) {
		/* Committed durably by now: safe to confirm. */
		cmd_printf("%lld\turn:uuid:%s\n", (long long)id, a.uuid);
		store_anno_free(&a);
	}
	anno_session_free(s);
	store_anno_article_free(&art);
	return rc;
}

static int
cmd_annotate_exec(struct cmd_ctx *ctx, const struct args *a)
{
	struct opts o = { .nth = 1 };
	struct store *st;
	long long article, nth;
	char *const *tags;
	const char *v;
	int rc;

	o.ntags = args_values(a, "tag", &tags);
	o.tags = (const char *const *)tags;
	o.note = args_get(a, "note");
	o.quote = args_get(a, "quote");
	o.speaker = args_get(a, "speaker");
	o.target = args_get(a, "target");
	o.status = args_get(a, "status");
	if ((v = args_get(a, "nth")) != NULL) {
		if (parse_num(v, &nth) != 0 || nth < 1)
			return cmd_usage_error(a, "--nth needs a number from 1");
		o.nth = (long)nth;
	}
	if (parse_num(a->argv[0], &article) != 0 || (o.quote == NULL && a->argc != 3) ||
	    (o.quote != NULL && a->argc != 1))
		return cmd_usage_error(a, "needs an article id and either START END or --quote");
	if ((st = cmd_store(ctx, 0)) == NULL)
		return EXIT_FAIL;
	rc = add(st, article, &o, a->argv + 1, (int)a->argc - 1);
	if (rc != 0) {
		err_print("annotate");
		return EXIT_FAIL;
	}
	return EXIT_OK;
}
