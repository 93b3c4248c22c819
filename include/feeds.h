/*
 * feeds.h: subscriptions fetched into articles. The one place where fetch
 * (HTTP), import (the pipeline) and store (the feeds table) meet:
 *
 *   feeds table → fetch (validators sent) → 304: nothing to do
 *                                         → a feed: import_data_as(FEED)
 *     → each item stored (new, duplicate or new version, as any import)
 *     → an item with no text or a summary (IMPORT_SUMMARY_MAX; full-text
 *       feed: every item) → its page fetched → import_item_page, the same
 *       pipeline: the page is the item's next version
 *
 * A failure is one line naming the feed and the reason; it is recorded
 * on the feed (last status, errors in a row) and touches nothing else
 * stored. It prints nothing: the caller hears of progress through a
 * callback, as with import.
 */
#ifndef DOSSIER_FEEDS_H
#define DOSSIER_FEEDS_H

#include <stddef.h>
#include <stdint.h>

#include "fetch.h"
#include "import.h"
#include "ingest.h"
#include "store.h"

enum feeds_what {
	FEEDS_FEED_DONE,    /* a feed was fetched (or failed) */
	FEEDS_PAGE_DONE,    /* an item's page was fetched (or failed) */
};

struct feeds_event {
	enum feeds_what what;
	const struct store_feed *feed;
	const char *error;      /* one line, or NULL */
	int not_modified;       /* FEED_DONE: a 304 */
};

struct feeds_opts {
	struct fetch_opts fetch;    /* max_size 0: the import limit */
	struct import_opts import;  /* its report hears of every article */
	void (*report)(void *arg, const struct feeds_event *ev);
	void *arg;
};

struct feeds_stats {
	size_t feeds, unchanged, failed;       /* feeds fetched, 304s, failures */
	size_t pages, pages_failed;            /* items' pages fetched */
};

/* A fetch run in steps, for a caller with other work (the reader): start
 * it, step it when there is time (a step returns after TIMEOUT_MS, or as
 * soon as WAKE_FD, when not -1, is readable: a key was pressed), and
 * finish it, which runs what is left. V must outlive the run. A step
 * returns the transfers not yet ended (0: done, or the database failed,
 * which feeds_finish reports). */
struct feeds_run;
int feeds_start(struct store *st, const struct store_feed *v, size_t n,
    const struct feeds_opts *opts, struct feeds_run **out);
/* A run of one page: the page at URL of the feed item ITEM (an article
 * stored as its summary), stored as the item's next version. */
int feeds_start_page(struct store *st, const char *url, const char *item,
    const struct feeds_opts *opts, struct feeds_run **out);
size_t feeds_step(struct feeds_run *r, int timeout_ms, int wake_fd);
const struct feeds_stats *feeds_progress(const struct feeds_run *r);
int feeds_finish(struct feeds_run *r, struct feeds_stats *stats,
    struct import_stats *import_stats);
/* Ends a run at once (the reader quits): transfers under way are dropped;
 * what was imported stays, as an interrupted import leaves it. */
void feeds_cancel(struct feeds_run *r);

/* Fetches the N feeds of V (from store_feed_list or store_feed_find) and
 * imports what they bring. Returns -1 only when the database failed;
 * failed feeds are counted in STATS. */
int feeds_fetch(struct store *st, const struct store_feed *v, size_t n,
    const struct feeds_opts *opts, struct feeds_stats *stats,
    struct import_stats *import_stats);

/* Fetches pages (`dossier import URL`) and imports each as its content
 * says (HTML, a feed, text). */
int feeds_fetch_pages(struct store *st, char *const *urls, size_t n,
    const struct feeds_opts *opts, struct feeds_stats *stats,
    struct import_stats *import_stats);

/* The feeds as an OPML 2.0 document, appended to OUT: one outline per
 * feed with its name as title and text, its URL as xmlUrl and its tags
 * as category. */
int feeds_opml_write(const struct store_feed *v, size_t n, struct buf *out);

#endif
