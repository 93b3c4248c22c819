/*
 * feeds.c: fetching subscriptions and pages into articles (see feeds.h).
 *
 * One fetcher runs the whole batch: feeds first, in the order given, and
 * the pages their summary-only items lead to, queued as the items are
 * imported, so pages of one feed download while the next feed is parsed.
 * Everything stored goes through the importer, in its batches, as
 * `dossier import` does: the same refusals, duplicates and versions. A
 * batch spans feeds while their bodies keep arriving, and is committed
 * as soon as none is waiting. A feed's validators are written only after
 * its items are, in the same transaction or a later one, so a run cut
 * short asks for the feed again rather than miss it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "feeds.h"
#include "util.h"

struct job {
	const struct store_feed *feed;   /* NULL for a page asked for by URL */
	int page;                        /* an item's page (or a URL), not a feed */
	const char *item;                /* the item whose page it is, or NULL */
};

struct feeds_run {
	struct store *st;
	struct importer *im;             /* made when the first body arrives */
	struct import_opts import;
	struct fetcher *f;
	const struct feeds_opts *o;
	struct feeds_stats *stats;
	struct feeds_stats counts;
	struct arena jobs;               /* every job of the run, freed at its end */
	const struct store_feed *feed;   /* whose document is being imported */
	int importing_feed;              /* a feed document (not a page) */
	int db_failed;
};

static void
tell(struct feeds_run *r, enum feeds_what what, const struct store_feed *feed, const char *error,
    int not_modified)
{
	struct feeds_event ev = { what, feed, error, not_modified };

	if (r->o->report != NULL)
		r->o->report(r->o->arg, &ev);
}

static void
queue(struct feeds_run *r, const char *url, const struct store_feed *feed, int page,
    const char *item)
{
	struct job *j = arena_alloc(&r->jobs, sizeof *j);
	struct fetch_req req = { url, NULL, NULL, j };

	j->feed = feed;
	j->page = page;
	j->item = item != NULL ? arena_strndup(&r->jobs, item, strlen(item)) : NULL;
	if (!page && feed != NULL) {
		req.etag = feed->etag;
		req.last_modified = feed->last_modified;
	}
	fetcher_add(r->f, &req);
}

/* Has an article come from LINK already (an item's page fetched before)? */
static int
stored_from(struct feeds_run *r, const char *link)
{
	int64_t id;
	size_t n = 0;

	if (store_article_by_source(r->st, link, &id, 1, &n) != 0)
		return 0;
	return n > 0;
}

/* Every article the importer hears of: tied to its feed, and, for a feed's
 * item that is only a summary (or has no text at all), its page queued. */
static void
on_import(void *arg, const struct import_event *ev)
{
	struct feeds_run *r = arg;
	int want_page = 0;

	if (r->o->import.report != NULL)
		r->o->import.report(r->o->import.arg, ev);
	if (r->db_failed)
		return;
	if (ev->what == IMPORT_ARTICLE && r->feed != NULL &&
	    store_feed_article(r->st, r->feed->id, ev->id) != 0)
		r->db_failed = 1;
	if (!r->importing_feed || r->feed == NULL || ev->link == NULL ||
	    fetch_url_check(ev->link) != 0)
		return;
	if (ev->what == IMPORT_ARTICLE)
		want_page = ev->how != STORE_DUPLICATE && (r->feed->full_text || ev->summary);
	else if (ev->what == IMPORT_REFUSED)
		want_page = !stored_from(r, ev->link);
	if (want_page)
		queue(r, ev->link, r->feed, 1, ev->what == IMPORT_ARTICLE ? ev->item : NULL);
}

/* The importer is made when the first document arrives: its knowledge
 * base and rules take a while to load, and a run of 304s needs none. */
static int
importer_ready(struct feeds_run *r)
{
	if (r->im == NULL && importer_new(r->st, &r->import, &r->im) != 0) {
		r->db_failed = 1;
		return -1;
	}
	return 0;
}

static void
feed_done(struct feeds_run *r, const struct store_feed *feed, const struct fetch_result *res)
{
	const struct import_stats *is;
	size_t had_articles, had_refused;
	char *name, *why = NULL;
	int rc;

	r->stats->feeds++;
	if (res->error != NULL) {
		r->stats->failed++;
		if (store_feed_fetched(r->st, feed->id, res->status, NULL, NULL, res->error) != 0)
			r->db_failed = 1;
		tell(r, FEEDS_FEED_DONE, feed, res->error, 0);
		return;
	}
	if (res->not_modified) {
		r->stats->unchanged++;
		if (store_feed_fetched(r->st, feed->id, 304, NULL, NULL, NULL) != 0)
			r->db_failed = 1;
		tell(r, FEEDS_FEED_DONE, feed, NULL, 1);
		return;
	}
	if (importer_ready(r) != 0)
		return;
	is = importer_stats(r->im);
	name = fetch_url_safe(feed->url);
	if (ingest_detect(res->final_url, res->body, res->len) != INGEST_FEED) {
		why = xasprintf("%s: not a feed (the server sent %s)", name,
		    res->content_type != NULL ? res->content_type : "no RSS or Atom");
	} else {
		had_articles = is->added + is->versions + is->duplicates;
		had_refused = is->refused;
		r->feed = feed;
		r->importing_feed = 1;
		rc = import_data_as(r->im, INGEST_FEED, name, feed->url, res->body, res->len);
		r->feed = NULL;
		r->importing_feed = 0;
		if (rc != 0) {
			r->db_failed = 1;
			free(name);
			return;
		}
		/* Nothing of it stored and something refused: the document
		 * itself was (not well-formed, no items). */
		if (is->added + is->versions + is->duplicates == had_articles &&
		    is->refused > had_refused)
			why = xasprintf("%s: not a usable feed (see the refusal above)", name);
	}
	if (why != NULL)
		r->stats->failed++;
	if (store_feed_fetched(r->st, feed->id, res->status, why ? NULL : res->etag,
	    why ? NULL : res->last_modified, why) != 0)
		r->db_failed = 1;
	tell(r, FEEDS_FEED_DONE, feed, why, 0);
	free(why);
	free(name);
}

static void
page_done(struct feeds_run *r, const struct job *j, const struct fetch_result *res)
{
	const struct store_feed *feed = j->feed;
	char *name;

	r->stats->pages++;
	if (res->error != NULL) {
		r->stats->pages_failed++;
		tell(r, FEEDS_PAGE_DONE, feed, res->error, 0);
		return;
	}
	if (importer_ready(r) != 0)
		return;
	name = fetch_url_safe(res->url);
	r->feed = feed;
	if (import_item_page(r->im, j->item, name, res->url, res->body, res->len) != 0)
		r->db_failed = 1;
	r->feed = NULL;
	free(name);
	tell(r, FEEDS_PAGE_DONE, feed, NULL, 0);
}

static void
on_fetched(void *arg, const struct fetch_result *res)
{
	struct feeds_run *r = arg;
	struct job *j = res->user;

	if (!r->db_failed) {
		if (j->page)
			page_done(r, j, res);
		else
			feed_done(r, j->feed, res);
	}
	/* When no other document has arrived, the next may be a while
	 * coming: the write lock is not held meanwhile. Otherwise the batch
	 * goes on into the next feed (the importer still commits it when
	 * it is full or old enough), so a first fetch commits a few times,
	 * not once a feed. */
	if (!r->db_failed && r->im != NULL && fetcher_ended(r->f) == 0 &&
	    importer_commit(r->im) != 0)
		r->db_failed = 1;
}

static int
run_start(struct feeds_run *r, struct store *st, const struct feeds_opts *o)
{
	struct import_opts io = o->import;
	struct fetch_opts fo = o->fetch;

	r->st = st;
	r->o = o;
	r->stats = &r->counts;
	arena_init(&r->jobs);
	io.report = on_import;
	io.arg = r;
	if (fo.max_size == 0)
		fo.max_size = io.max_size != 0 ? io.max_size : IMPORT_MAX_SIZE;
	r->import = io;
	return fetcher_new(&fo, &r->f);
}

int
feeds_start(struct store *st, const struct store_feed *v, size_t n,
    const struct feeds_opts *opts, struct feeds_run **out)
{
	struct feeds_run *r = xcalloc(1, sizeof *r);
	size_t i;

	*out = NULL;
	if (run_start(r, st, opts) != 0) {
		arena_free(&r->jobs);
		free(r);
		return -1;
	}
	for (i = 0; i < n; i++)
		queue(r, v[i].url, &v[i], 0, NULL);
	*out = r;
	return 0;
}

int
feeds_start_page(struct store *st, const char *url, const char *item,
    const struct feeds_opts *opts, struct feeds_run **out)
{
	if (feeds_start(st, NULL, 0, opts, out) != 0)
		return -1;
	queue(*out, url, NULL, 1, item);
	return 0;
}

size_t
feeds_step(struct feeds_run *r, int timeout_ms, int wake_fd)
{
	size_t left;

	if (r->db_failed)
		return 0;
	left = fetcher_step(r->f, timeout_ms, wake_fd, on_fetched, r);
	/* The caller (the reader) does other work until the next step: what
	 * arrived is committed, and no write lock is held meanwhile. */
	if (!r->db_failed && r->im != NULL && importer_commit(r->im) != 0)
		r->db_failed = 1;
	return r->db_failed ? 0 : left;
}

const struct feeds_stats *
feeds_progress(const struct feeds_run *r)
{
	return &r->counts;
}

int
feeds_finish(struct feeds_run *r, struct feeds_stats *stats, struct import_stats *import_stats)
{
	int rc;

	if (!r->db_failed)
		fetcher_run(r->f, on_fetched, r);
	rc = r->db_failed ? -1 : r->im != NULL ? importer_finish(r->im) : 0;
	if (stats != NULL)
		*stats = r->counts;
	if (import_stats != NULL) {
		memset(import_stats, 0, sizeof *import_stats);
		if (r->im != NULL)
			*import_stats = *importer_stats(r->im);
	}
	importer_free(r->im);
	fetcher_free(r->f);
	arena_free(&r->jobs);
	free(r);
	return rc;
}

void
feeds_cancel(struct feeds_run *r)
{
	if (r == NULL)
		return;
	fetcher_free(r->f);
	if (r->im != NULL)
		importer_finish(r->im);
	importer_free(r->im);
	arena_free(&r->jobs);
	free(r);
}

int
feeds_fetch(struct store *st, const struct store_feed *v, size_t n,
    const struct feeds_opts *opts, struct feeds_stats *stats,
    struct import_stats *import_stats)
{
	struct feeds_run *r;

	if (feeds_start(st, v, n, opts, &r) != 0)
		return -1;
	return feeds_finish(r, stats, import_stats);
}

int
feeds_fetch_pages(struct store *st, char *const *urls, size_t n,
    const struct feeds_opts *opts, struct feeds_stats *stats,
    struct import_stats *import_stats)
{
	struct feeds_run *r;
	size_t i;

	if (feeds_start(st, NULL, 0, opts, &r) != 0)
		return -1;
	for (i = 0; i < n; i++)
		queue(r, urls[i], NULL, 1, NULL);
	return feeds_finish(r, stats, import_stats);
}
