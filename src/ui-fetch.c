/*
 * ui-fetch.c: R (`:fetch`): the subscriptions fetched while the user
 * reads. The loop gives the fetch its turns between key presses
 * (ui_fetch_step); a turn waits on the network only until a key arrives,
 * so typing is never held up by a slow server. Articles appear in the
 * list as they are imported; the message line counts feeds, articles and
 * failures, and names the last failure when the run ends.
 *
 * Opening a feed item kept as its summary fetches its page the same way
 * (ui_fetch_summary): the article extracted from it is stored as the item's
 * next version, and shown in the summary's place if the user is still
 * reading it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DOSSIER_UI_INTERNAL
#include "feeds.h"
#include "ui.h"

struct ui_fetch {
	struct feeds_run *run;
	struct feeds_opts opts;
	struct store_feed *feeds;
	size_t nfeeds;
	size_t articles, shown;     /* imported, and listed so far */
	size_t failed;
	char *last_error;
	int64_t page_of;            /* ui_fetch_summary: the summary's article */
	char *page_item;
};

static void
on_import(void *arg, const struct import_event *ev)
{
	struct ui_fetch *f = arg;

	if (ev->what == IMPORT_ARTICLE && ev->how != STORE_DUPLICATE)
		f->articles++;
}

static void
on_feed(void *arg, const struct feeds_event *ev)
{
	struct ui_fetch *f = arg;

	if (ev->error != NULL) {
		f->failed++;
		free(f->last_error);
		f->last_error = xstrdup(ev->error);
	}
}

static void
fetch_free(struct ui_fetch *f)
{
	store_feed_list_free(f->feeds, f->nfeeds);
	free(f->last_error);
	free(f->page_item);
	free(f);
}

int
ui_fetch_start(struct ui *ui)
{
	struct ui_fetch *f;
	long value;

	if (ui->fetch != NULL) {
		ui_message(ui, "fetching already");
		return 0;
	}
	f = xcalloc(1, sizeof *f);
	if (store_feed_list(ui->st, &f->feeds, &f->nfeeds) != 0) {
		ui_error(ui, "%s", err_msg());
		fetch_free(f);
		return -1;
	}
	if (f->nfeeds == 0) {
		ui_message(ui, "no subscriptions (dossier feed add URL)");
		fetch_free(f);
		return 0;
	}
	/* ui-config.c checked them when the file was read. */
	if (path_config_number(NULL, "fetch-jobs", 1, 1000, &value) == 0)
		f->opts.fetch.jobs = (unsigned)value;
	if (path_config_number(NULL, "fetch-timeout", 1, 1000, &value) == 0)
		f->opts.fetch.timeout = value;
	f->opts.import.report = on_import;
	f->opts.import.arg = f;
	f->opts.report = on_feed;
	f->opts.arg = f;
	if (feeds_start(ui->st, f->feeds, f->nfeeds, &f->opts, &f->run) != 0) {
		ui_error(ui, "fetch: %s", err_msg());
		fetch_free(f);
		return -1;
	}
	ui->fetch = f;
	ui_message(ui, "fetching %zu feed%s", f->nfeeds, f->nfeeds == 1 ? "" : "s");
	return 0;
}

/* The newest article of ITEM, or 0. */
static int64_t
item_newest(struct ui *ui, const char *item)
{
	int64_t id = 0;
	size_t n = 0;

	if (store_article_by_item(ui->st, item, &id, 1, &n) != 0 || n == 0)
		return 0;
	return id;
}

static int
fetch_page(struct ui *ui, int64_t id, const char *url, const char *item)
{
	struct ui_fetch *f;
	char *host;

	/* A fetch under way fetches the pages of the summaries it brings;
	 * this one is asked for again when it is opened next. */
	if (ui->fetch != NULL || url == NULL || item == NULL || fetch_url_check(url) != 0 ||
	    item_newest(ui, item) != id)
		return 0;
	f = xcalloc(1, sizeof *f);
	f->page_of = id;
	f->page_item = xstrdup(item);
	f->opts.import.report = on_import;
	f->opts.import.arg = f;
	f->opts.report = on_feed;
	f->opts.arg = f;
	if (path_config_number(NULL, "fetch-timeout", 1, 1000, &f->opts.fetch.timeout) != 0)
		f->opts.fetch.timeout = 0;
	if (feeds_start_page(ui->st, url, item, &f->opts, &f->run) != 0) {
		ui_error(ui, "fetch: %s", err_msg());
		fetch_free(f);
		return -1;
	}
	ui->fetch = f;
	host = fetch_url_safe(url);
	ui_message(ui, "a summary: fetching the article from %s", host);
	free(host);
	return 0;
}

void
ui_fetch_summary(struct ui *ui)
{
	const struct store_article *a = ui_article_shown(ui);
	int64_t id = a != NULL ? a->id : 0;

	if (id == ui->summary_seen)
		return;
	ui->summary_seen = id;
	if (a != NULL && a->summary)
		fetch_page(ui, id, a->source, a->item);
}

/* The page of a summary has come (or not): shown in its place if the
 * summary is still what the user reads. */
static void
page_finish(struct ui *ui, struct ui_fetch *f, int failed)
{
	int64_t newest;

	if (failed || f->failed > 0) {
		ui_error(ui, "the article's page: %s", f->last_error != NULL ? f->last_error :
		    err_msg());
		return;
	}
	newest = item_newest(ui, f->page_item);
	ui_list_reload(ui);
	if (newest == 0 || newest == f->page_of) {
		ui_message(ui, "the article's page holds no more than its summary");
		return;
	}
	if (ui_article_id(ui) == f->page_of) {
		if (ui_article_open(ui, newest, 0) != 0) {
			ui_error(ui, "%s", err_msg());
			return;
		}
		ui_message(ui, "the whole article, from its page (the summary is its first version)");
	} else {
		ui_message(ui, "the article's page is stored as a new version of the summary");
	}
}

static void
show_progress(struct ui *ui, struct ui_fetch *f)
{
	const struct feeds_stats *s = feeds_progress(f->run);

	ui_message(ui, "fetching: %zu/%zu feeds, %zu new article%s, %zu failed", s->feeds,
	    f->nfeeds, f->articles, f->articles == 1 ? "" : "s", f->failed);
	if (f->articles != f->shown) {
		f->shown = f->articles;
		ui_list_reload(ui);
	}
}

static void
finish(struct ui *ui, struct ui_fetch *f)
{
	struct feeds_stats s;
	struct import_stats is;

	ui->fetch = NULL;
	if (f->page_of != 0) {
		page_finish(ui, f, feeds_finish(f->run, &s, &is) != 0);
		fetch_free(f);
		return;
	}
	if (feeds_finish(f->run, &s, &is) != 0) {
		ui_error(ui, "fetch: %s", err_msg());
	} else if (f->failed > 0) {
		ui_error(ui, "fetched %zu feeds: %zu new articles, %zu failed (last: %s)", s.feeds,
		    is.added + is.versions, f->failed, f->last_error);
	} else {
		ui_message(ui, "fetched %zu feed%s: %zu new article%s", s.feeds,
		    s.feeds == 1 ? "" : "s", is.added + is.versions,
		    is.added + is.versions == 1 ? "" : "s");
	}
	ui_list_reload(ui);
	fetch_free(f);
}

int
ui_fetch_step(struct ui *ui, int timeout_ms)
{
	struct ui_fetch *f = ui->fetch;
	size_t left;

	if (f == NULL)
		return 0;
	left = feeds_step(f->run, timeout_ms, STDIN_FILENO);
	if (left == 0)
		finish(ui, f);
	else if (f->page_of == 0)
		show_progress(ui, f);
	return 1;
}

void
ui_fetch_stop(struct ui *ui)
{
	if (ui->fetch == NULL)
		return;
	feeds_cancel(ui->fetch->run);
	fetch_free(ui->fetch);
	ui->fetch = NULL;
}
