/*
 * cmd-feed.c: `dossier feed`: the subscriptions. Add one (a name and tags
 * optional), list them with what their servers last said, remove or
 * rename one, and exchange them with other readers: OPML in and out, and
 * newsboat's urls file in. `dossier fetch` reads them.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "feeds.h"
#include "ingest.h"
#include "store.h"
#include "util.h"

static int cmd_feed_exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_feed_entry = {
	.name = "feed",
	.usage = "add URL [--name NAME] [--tag TAG]... [--full-text] | list | remove FEED... |"
	    " rename FEED NAME | import FILE | export",
	.summary = "subscribe to feeds, list, rename and remove them; OPML and newsboat urls",
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
feed_remove(struct store *st, int argc, char **argv)
{
	struct store_feed f;
	int i, failed = 0;

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
add_tag(struct buf *tags, const char *tag)
{
	if (tag[0] == '\0' || strchr(tag, ',') != NULL)
		return -1;
	if (tags->len > 0)
		buf_addc(tags, ',');
	buf_adds(tags, tag);
	return 0;
}

static int
run_add(struct store *st, int argc, char **argv)
{
	static const struct option options[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "tag", required_argument, NULL, 't' },
		{ "full-text", no_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *name = NULL;
	struct buf tags;
	int c, full_text = 0, rc;

	buf_init(&tags);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (c) {
		case 'n':
			name = optarg;
			break;
		case 't':
			if (add_tag(&tags, optarg) != 0) {
				buf_free(&tags);
				return cmd_usage_error(&cmd_feed_entry, "a tag is a word without "
				    "commas, not '%s'", optarg);
			}
			break;
		case 'f':
			full_text = 1;
			break;
		default:
			buf_free(&tags);
			return cmd_usage_error(&cmd_feed_entry, "unknown option %s", argv[optind - 1]);
		}
	}
	if (argc - optind != 1) {
		buf_free(&tags);
		return cmd_usage_error(&cmd_feed_entry, "feed add takes one URL");
	}
	rc = feed_add(st, argv[optind], name, tags.len > 0 ? tags.data : NULL, full_text);
	buf_free(&tags);
	if (rc != 0) {
		err_print("feed add");
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

static int
cmd_feed_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "list";
	struct store *st;
	int rc;

	if (strcmp(sub, "add") != 0 && strcmp(sub, "list") != 0 && strcmp(sub, "remove") != 0 &&
	    strcmp(sub, "rename") != 0 && strcmp(sub, "import") != 0 && strcmp(sub, "export") != 0)
		return cmd_usage_error(&cmd_feed_entry, "unknown subcommand '%s'", sub);
	if ((strcmp(sub, "list") == 0 || strcmp(sub, "export") == 0) && argc > 2)
		return cmd_usage_error(&cmd_feed_entry, "feed %s takes no arguments", sub);
	if (strcmp(sub, "remove") == 0 && argc < 3)
		return cmd_usage_error(&cmd_feed_entry, "feed remove needs a FEED");
	if (strcmp(sub, "rename") == 0 && argc != 4)
		return cmd_usage_error(&cmd_feed_entry, "feed rename takes FEED and NAME");
	if (strcmp(sub, "import") == 0 && argc != 3)
		return cmd_usage_error(&cmd_feed_entry, "feed import takes one FILE");
	if ((st = cmd_store(ctx, 0)) == NULL)
		return EXIT_FAIL;
	if (strcmp(sub, "add") == 0)
		return run_add(st, argc - 1, argv + 1);
	if (strcmp(sub, "list") == 0)
		rc = feed_list(st);
	else if (strcmp(sub, "remove") == 0)
		rc = feed_remove(st, argc - 2, argv + 2);
	else if (strcmp(sub, "rename") == 0)
		rc = feed_rename(st, argv[2], argv[3]);
	else if (strcmp(sub, "import") == 0)
		rc = feed_import(st, argv[2], ctx->quiet);
	else
		rc = feed_export(st);
	if (rc < 0) {
		err_print(strcmp(sub, "list") == 0 ? "feed list" : strcmp(sub, "rename") == 0
		    ? "feed rename" : strcmp(sub, "import") == 0 ? "feed import" : "feed export");
		return EXIT_FAIL;
	}
	return rc > 0 ? EXIT_PARTIAL : EXIT_OK;
}
