/*
 * cmd-feed.c: `dossier feed`: the subscriptions. Add one (a name and tags
 * optional), list them with what their servers last said, remove or
 * rename one, and exchange them with other readers: OPML in and out, and
 * newsboat's urls file in. `dossier fetch` reads them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "feeds.h"
#include "ingest.h"
#include "store.h"
#include "util.h"

static int cmd_feed_exec(struct cmd_ctx *, const struct args *);

#define FEED_SUB(var, sub, text, opts, ...) \
	static const struct cmd_entry var = { \
		.spec = { .name = sub, .summary = text, .options = opts, \
		    .params = (const struct args_param[]){ __VA_ARGS__ } }, \
		.exec = cmd_feed_exec, \
	}
#define FEED_P(name, kind, flags) { name, kind, NULL, flags, NULL }

static const struct args_option add_options[] = {
	{ "name", 0, "NAME", ARGS_WORD, NULL, "the feed's name (else its URL is shown)" },
	{ "tag", 0, "TAG", ARGS_WORD, NULL, "a tag (again for more)" },
	{ "full-text", 0, NULL, ARGS_WORD, NULL, "fetch every item's page, not only summaries'" },
	{ NULL },
};

FEED_SUB(sub_add, "add", "subscribe to an http or https feed", add_options,
    FEED_P("URL", ARGS_WORD, 0), { NULL });
FEED_SUB(sub_list, "list", "the feeds: id, name, URL, last fetch, status, articles, errors",
    NULL, { NULL });
FEED_SUB(sub_remove, "remove", "end subscriptions (their articles stay)", NULL,
    FEED_P("FEED", ARGS_WORD, ARGS_MORE), { NULL });
FEED_SUB(sub_rename, "rename", "rename a feed", NULL, FEED_P("FEED", ARGS_WORD, 0),
    FEED_P("NAME", ARGS_WORD, 0), { NULL });
FEED_SUB(sub_import, "import", "subscribe to the feeds of an OPML file or newsboat's urls file",
    NULL, FEED_P("FILE", ARGS_FILE, 0), { NULL });
FEED_SUB(sub_export, "export", "the subscriptions as OPML 2.0 on standard output", NULL,
    { NULL });

const struct cmd_entry cmd_feed_entry = {
	.spec = {
		.name = "feed",
		.summary = "subscribe to feeds, list, rename and remove them; OPML and newsboat urls",
		.subs = CMD_SUBS(&sub_add.spec, &sub_list.spec, &sub_remove.spec,
		    &sub_rename.spec, &sub_import.spec, &sub_export.spec),
		.default_sub = "list",
	},
	.exec = cmd_feed_exec,
};

/* The size of a subscription list read (OPML files of thousands of
 * feeds are a few megabytes). */
#define FEED_LIST_MAX ((size_t)64 << 20)

static int
feed_add(struct store *st, const char *url, const char *name, const char *tags, int full_text)
{
	int64_t id;

	if (fetch_url_check(url) != 0)
		return err_prefix("%s", url);
	if (store_feed_add(st, url, name, tags, full_text, &id) != 0)
		return -1;
	cmd_printf("%lld\t%s\n", (long long)id, name != NULL ? name : url);
	return 0;
}

static int
feed_list(struct store *st)
{
	struct store_feed *v;
	size_t n, i;

	if (store_feed_list(st, &v, &n) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		char *url = fetch_url_safe(v[i].url);

		cmd_printf("%lld\t%s\t%s\t%s\t%s\t%lld\t%lld\n", (long long)v[i].id,
		    v[i].name != NULL ? v[i].name : "-", url,
		    v[i].last_fetch != NULL ? v[i].last_fetch : "never",
		    v[i].last_status != NULL ? v[i].last_status : "-", (long long)v[i].articles,
		    (long long)v[i].errors);
		free(url);
	}
	store_feed_list_free(v, n);
	return 0;
}

static int
feed_remove(struct store *st, size_t argc, char *const *argv)
{
	struct store_feed f;
	size_t i;
	int failed = 0;

	for (i = 0; i < argc; i++) {
		if (store_feed_find(st, argv[i], &f) != 0 || store_feed_remove(st, f.id) != 0) {
			err_print("feed remove");
			failed = 1;
		}
		store_feed_free(&f);
	}
	return failed ? 1 : 0;
}

static int
feed_rename(struct store *st, const char *key, const char *name)
{
	struct store_feed f;
	int rc;

	if (store_feed_find(st, key, &f) != 0)
		return -1;
	rc = store_feed_rename(st, f.id, name[0] != '\0' ? name : NULL);
	store_feed_free(&f);
	return rc;
}

/* A urls file starts with a URL or a comment; OPML with "<" (after a
 * byte-order mark and blanks). */
static int
starts_with_markup(const char *p, size_t len)
{
	size_t i = len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;

	while (i < len && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
		i++;
	return i < len && p[i] == '<';
}

/* OPML when the file is XML, else newsboat's urls file. */
static int
feed_import(struct store *st, const char *path, int quiet)
{
	struct ingest_subs subs = { 0 };
	size_t len, i, added = 0, had = 0, refused = 0;
	char *data;
	int rc;

	if (path_read_file(path, FEED_LIST_MAX, &data, &len) != 0)
		return -1;
	if (starts_with_markup(data, len))
		rc = ingest_opml(data, len, &subs);
	else
		rc = ingest_urls(data, len, &subs);
	free(data);
	if (rc != 0) {
		ingest_subs_free(&subs);
		return err_prefix("%s", path);
	}
	for (i = 0; i < subs.nskipped; i++) {
		cmd_eprintf("dossier: feed import: %s: %s\n", path, subs.skipped[i]);
		refused++;
	}
	for (i = 0; i < subs.n; i++) {
		struct ingest_sub *s = &subs.v[i];
		int64_t id;

		if (fetch_url_check(s->url) != 0) {
			cmd_eprintf("dossier: feed import: %s: %s: %s\n", path, s->url, err_msg());
			refused++;
		} else if (store_feed_add(st, s->url, s->name, s->tags, 0, &id) == 0) {
			added++;
		} else if (strstr(err_msg(), "subscribed already") != NULL) {
			had++;
		} else {
			ingest_subs_free(&subs);
			return -1;
		}
	}
	if (!quiet)
		cmd_eprintf("added %zu feed%s, %zu subscribed already, %zu refused\n", added,
		    added == 1 ? "" : "s", had, refused);
	ingest_subs_free(&subs);
	return refused > 0 ? 1 : 0;
}

static int
feed_export(struct store *st)
{
	struct store_feed *v;
	struct buf out;
	size_t n;
	int rc;

	if (store_feed_list(st, &v, &n) != 0)
		return -1;
	buf_init(&out);
	rc = feeds_opml_write(v, n, &out);
	if (rc == 0 && fwrite(out.data, 1, out.len, stdout) != out.len)
		rc = err_set("writing standard output failed");
	buf_free(&out);
	store_feed_list_free(v, n);
	return rc;
}

/* Tags given with --tag, as the list the store keeps ("a,b"). */
static int
tags_of(const struct args *a, struct buf *tags)
{
	char *const *v;
	size_t n = args_values(a, "tag", &v), i;

	for (i = 0; i < n; i++) {
		if (v[i][0] == '\0' || strchr(v[i], ',') != NULL)
			return cmd_usage_error(a, "a tag is a word without commas, not '%s'", v[i]);
		if (tags->len > 0)
			buf_addc(tags, ',');
		buf_adds(tags, v[i]);
	}
	return 0;
}

static int
cmd_feed_exec(struct cmd_ctx *ctx, const struct args *a)
{
	const char *sub = a->spec->name;
	struct store *st;
	struct buf tags;
	int rc;

	buf_init(&tags);
	if (strcmp(sub, "add") == 0 && (rc = tags_of(a, &tags)) != 0) {
		buf_free(&tags);
		return rc;
	}
	if ((st = cmd_store(ctx, 0)) == NULL) {
		buf_free(&tags);
		return EXIT_FAIL;
	}
	if (strcmp(sub, "add") == 0)
		rc = feed_add(st, a->argv[0], args_get(a, "name"), tags.len > 0 ? tags.data : NULL,
		    args_has(a, "full-text"));
	else if (strcmp(sub, "list") == 0)
		rc = feed_list(st);
	else if (strcmp(sub, "remove") == 0)
		rc = feed_remove(st, a->argc, a->argv);
	else if (strcmp(sub, "rename") == 0)
		rc = feed_rename(st, a->argv[0], a->argv[1]);
	else if (strcmp(sub, "import") == 0)
		rc = feed_import(st, a->argv[0], ctx->quiet);
	else
		rc = feed_export(st);
	buf_free(&tags);
	if (rc < 0) {
		char context[32];

		snprintf(context, sizeof context, "feed %s", sub);
		err_print(context);
		return EXIT_FAIL;
	}
	return rc > 0 ? EXIT_PARTIAL : EXIT_OK;
}
