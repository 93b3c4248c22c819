/*
 * cmd-fetch.c: `dossier fetch [FEED...]`: every subscription, or those
 * named, fetched and imported (feeds.c). This file only draws: a
 * progress bar on a terminal, one line per failed feed or page, and a
 * summary; the status is 3 when anything failed.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "feeds.h"
#include "util.h"

static int cmd_fetch_exec(struct cmd_ctx *, const struct args *);

const struct cmd_entry cmd_fetch_entry = {
	.spec = {
		.name = "fetch",
		.summary = "fetch the subscribed feeds (or those named) and import what is new",
		.options = (const struct args_option[]){
			{ "jobs", 'j', "N", ARGS_COUNT, NULL, "transfers at a time (set fetch-jobs; 8)" },
			{ "timeout", 0, "SECONDS", ARGS_COUNT, NULL,
			  "the longest a transfer may take (set fetch-timeout; 60)" },
			{ "no-extract", 0, NULL, ARGS_WORD, NULL, "store without finding actors and statements" },
			{ "quiet", 'q', NULL, ARGS_WORD, NULL, "no progress, refusals or summary" },
			{ NULL },
		},
		.params = (const struct args_param[]){
			{ "FEED", ARGS_WORD, NULL, ARGS_OPTIONAL | ARGS_MORE, NULL },
			{ NULL },
		},
	},
	.exec = cmd_fetch_exec,
};

struct progress {
	int bar, drawn, quiet;
	size_t total, done, articles, errors;
};

static void
clear_bar(struct progress *p)
{
	if (p->drawn) {
		fputs("\r\033[K", stderr);
		p->drawn = 0;
	}
}

static void
draw_bar(struct progress *p)
{
	size_t width = 24, filled = p->total ? width * p->done / p->total : 0;
	char bar[32];

	if (!p->bar)
		return;
	memset(bar, '#', filled);
	memset(bar + filled, '.', width - filled);
	bar[width] = '\0';
	fprintf(stderr, "\r\033[K[%s] %zu/%zu feeds  %zu articles  %zu errors", bar, p->done,
	    p->total, p->articles, p->errors);
	fflush(stderr);
	p->drawn = 1;
}

static void
on_import(void *arg, const struct import_event *ev)
{
	struct progress *p = arg;

	if (ev->what == IMPORT_ARTICLE && ev->how != STORE_DUPLICATE) {
		p->articles++;
	} else if (ev->what == IMPORT_REFUSED && !p->quiet) {
		clear_bar(p);
		cmd_eprintf("dossier: fetch: %s\n", ev->message);
	} else if (ev->what == IMPORT_WARNING && !p->quiet) {
		clear_bar(p);
		warn_print("%s", ev->message);
	}
}

static void
on_feed(void *arg, const struct feeds_event *ev)
{
	struct progress *p = arg;

	if (ev->what == FEEDS_FEED_DONE)
		p->done++;
	if (ev->error != NULL) {
		p->errors++;
		clear_bar(p);
		cmd_eprintf("dossier: fetch: %s\n", ev->error);
	}
	draw_bar(p);
}

static void
summary(const struct feeds_stats *f, const struct import_stats *s)
{
	cmd_eprintf("fetched %zu feed%s (%zu unchanged, %zu failed)", f->feeds,
	    f->feeds == 1 ? "" : "s", f->unchanged, f->failed);
	if (f->pages > 0)
		cmd_eprintf(" and %zu page%s (%zu failed)", f->pages, f->pages == 1 ? "" : "s",
		    f->pages_failed);
	cmd_eprintf(": ");
	cmd_import_summary(s);
}

static int
cmd_fetch_exec(struct cmd_ctx *ctx, const struct args *a)
{
	struct feeds_opts opts = { 0 };
	struct progress prog = { 0 };
	struct feeds_stats fstats;
	struct import_stats istats;
	struct store_feed *v = NULL;
	struct store *st;
	size_t n = 0, i;
	long value;
	int rc = 0;

	if (args_has(a, "quiet"))
		ctx->quiet = 1;
	opts.import.no_extract = args_has(a, "no-extract");
	if (path_config_number(args_get(a, "jobs"), "fetch-jobs", 1, 1000, &value) != 0)
		return cmd_usage_error(a, "fetch-jobs: a number from 1 to 1000");
	opts.fetch.jobs = (unsigned)value;
	if (path_config_number(args_get(a, "timeout"), "fetch-timeout", 1, 1000, &value) != 0)
		return cmd_usage_error(a, "fetch-timeout: seconds, from 1 to 1000");
	opts.fetch.timeout = value;
	warn_set_quiet(ctx->quiet);
	if ((st = cmd_store(ctx, STORE_BULK)) == NULL)
		return EXIT_FAIL;
	if (a->argc == 0) {
		if (store_feed_list(st, &v, &n) != 0) {
			err_print("fetch");
			return EXIT_FAIL;
		}
	} else {
		v = xcalloc(a->argc, sizeof *v);
		for (i = 0; i < a->argc; i++) {
			if (store_feed_find(st, a->argv[i], &v[n]) != 0) {
				err_print("fetch");
				rc = 1;
			} else {
				n++;
			}
		}
	}
	prog.quiet = ctx->quiet;
	prog.bar = !ctx->quiet && isatty(STDERR_FILENO);
	prog.total = n;
	opts.import.report = on_import;
	opts.import.arg = &prog;
	opts.report = on_feed;
	opts.arg = &prog;
	draw_bar(&prog);
	if (feeds_fetch(st, v, n, &opts, &fstats, &istats) != 0) {
		clear_bar(&prog);
		err_print("fetch");
		store_feed_list_free(v, n);
		return EXIT_FAIL;
	}
	clear_bar(&prog);
	if (!ctx->quiet)
		summary(&fstats, &istats);
	store_feed_list_free(v, n);
	return rc != 0 || fstats.failed > 0 || fstats.pages_failed > 0 ? EXIT_PARTIAL : EXIT_OK;
}
