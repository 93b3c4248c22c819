/*
 * cmd-annotate.c: `dossier annotate`: highlights a span of an article from
 * the command line, with tags, a note and the claim's speaker, target and
 * status, for scripts and for the durability tests. The span is given in
 * characters (START END, end exclusive) or as text to find (--quote).
 * Prints the new annotation's id and urn only once it is on disk.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anno.h"
#include "cmd.h"
#include "text.h"
#include "util.h"

static int cmd_annotate_exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_annotate_entry = {
	.name = "annotate",
	.usage = "ARTICLE (START END | --quote TEXT [--nth N]) [--tag TAG]... [--note TEXT]"
	    " [--speaker NAME] [--target NAME] [--status STATUS]",
	.summary = "highlight a span of an article, with tags and a note",
	.exec = cmd_annotate_exec,
};

struct opts {
	const char *quote, *note, *speaker, *target, *status;
	const char **tags;
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
		printf("%lld\turn:uuid:%s\n", (long long)id, a.uuid);
		store_anno_free(&a);
	}
	anno_session_free(s);
	store_anno_article_free(&art);
	return rc;
}

static int
cmd_annotate_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option options[] = {
		{ "tag", required_argument, NULL, 't' },
		{ "note", required_argument, NULL, 'n' },
		{ "quote", required_argument, NULL, 'q' },
		{ "nth", required_argument, NULL, 'N' },
		{ "speaker", required_argument, NULL, 's' },
		{ "target", required_argument, NULL, 'T' },
		{ "status", required_argument, NULL, 'S' },
		{ NULL, 0, NULL, 0 },
	};
	struct opts o = { .nth = 1 };
	struct store *st;
	long long article, nth;
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "t:n:q:", options, NULL)) != -1) {
		switch (c) {
		case 't':
			o.tags = xreallocarray(o.tags, o.ntags + 1, sizeof *o.tags);
			o.tags[o.ntags++] = optarg;
			break;
		case 'n': o.note = optarg; break;
		case 'q': o.quote = optarg; break;
		case 's': o.speaker = optarg; break;
		case 'T': o.target = optarg; break;
		case 'S': o.status = optarg; break;
		case 'N':
			if (parse_num(optarg, &nth) != 0 || nth < 1) {
				free(o.tags);
				return cmd_usage_error(&cmd_annotate_entry, "--nth needs a number from 1");
			}
			o.nth = (long)nth;
			break;
		default:
			free(o.tags);
			return cmd_usage_error(&cmd_annotate_entry, "unknown or incomplete option %s",
			    argv[optind - 1]);
		}
	}
	if (optind >= argc || parse_num(argv[optind], &article) != 0 ||
	    (o.quote == NULL && argc - optind != 3) || (o.quote != NULL && argc - optind != 1)) {
		free(o.tags);
		return cmd_usage_error(&cmd_annotate_entry,
		    "needs an article id and either START END or --quote");
	}
	if ((st = cmd_store(ctx, 0)) == NULL) {
		free(o.tags);
		return EXIT_FAIL;
	}
	rc = add(st, article, &o, argv + optind + 1, argc - optind - 1);
	free(o.tags);
	if (rc != 0) {
		err_print("annotate");
		return EXIT_FAIL;
	}
	return EXIT_OK;
}
