/*
 * cmd-import.c: `dossier import PATH...`: files, directories (walked),
 * standard input and http(s) URLs (fetched, feeds.c) into the database,
 * through the pipeline in import.c.
 * This file only draws: progress on a terminal, each refusal and warning
 * as one line, and a summary.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "feeds.h"
#include "import.h"
#include "util.h"

static int cmd_import_exec(struct cmd_ctx *, const struct args *);

static const char *const formats[] = { "text", "html", "feed", NULL };

const struct cmd_entry cmd_import_entry = {
	.spec = {
		.name = "import",
		.summary = "import articles from files, directories, - (stdin) or http(s) URLs",
		.options = (const struct args_option[]){
			{ "max-size", 0, "SIZE", ARGS_WORD, NULL, "refuse files larger than SIZE (e.g. 16M)" },
			{ "format", 0, "FORMAT", ARGS_CHOICE, formats, "read every file as text, html or feed" },
			{ "no-extract", 0, NULL, ARGS_WORD, NULL, "store without finding actors and statements" },
			{ "quiet", 'q', NULL, ARGS_WORD, NULL, "no progress or warnings" },
			{ NULL },
		},
		.params = (const struct args_param[]){
			{ "PATH|URL", ARGS_FILE, NULL, ARGS_MORE, "nothing to import" },
			{ NULL },
		},
	},
	.exec = cmd_import_exec,
};

struct progress {
	int bar;                 /* drawing a progress bar (stderr is a terminal) */
	int drawn;               /* a bar is on the screen now */
	int quiet;
	size_t total, done;
	double start, last;
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
draw_bar(struct progress *p, int force)
{
	double t = clock_seconds(), elapsed = t - p->start, rate;
	size_t width = 24, filled;
	char bar[32];
	long eta;

	if (!p->bar || (!force && t - p->last < 0.1))
		return;
	p->last = t;
	rate = elapsed > 0 ? (double)p->done / elapsed : 0;
	eta = rate > 0 ? (long)((double)(p->total - p->done) / rate + 0.5) : 0;
	filled = p->total ? width * p->done / p->total : 0;
	memset(bar, '#', filled);
	memset(bar + filled, '.', width - filled);
	bar[width] = '\0';
	fprintf(stderr, "\r\033[K[%s] %zu/%zu files  %.1f/s  ETA %ld:%02ld", bar, p->done,
	    p->total, rate, eta / 60, eta % 60);
	fflush(stderr);
	p->drawn = 1;
}

static void
on_event(void *arg, const struct import_event *ev)
{
	struct progress *p = arg;

	switch (ev->what) {
	case IMPORT_REFUSED:
		clear_bar(p);
		cmd_eprintf("dossier: import: %s\n", ev->message);
		break;
	case IMPORT_WARNING:
		if (!p->quiet) {
			clear_bar(p);
			warn_print("%s", ev->message);
		}
		break;
	case IMPORT_FILE_DONE:
		p->done++;
		draw_bar(p, 0);
		break;
	case IMPORT_ARTICLE:
		break;
	}
}

static void
on_page(void *arg, const struct feeds_event *ev)
{
	struct progress *p = arg;

	p->done++;
	if (ev->error != NULL) {
		clear_bar(p);
		cmd_eprintf("dossier: import: %s\n", ev->error);
	}
	draw_bar(p, 0);
}

static int
is_url(const char *s)
{
	return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0;
}

/* The URLs of ARGV, fetched and imported; their counts added to STATS. */
static int
import_urls(struct store *st, const struct import_opts *io, struct progress *prog, int argc,
    char **argv, struct import_stats *stats, size_t *failed)
{
	struct feeds_opts fo = { 0 };
	struct feeds_stats fs;
	struct import_stats is;
	char **urls = xcalloc((size_t)argc + 1, sizeof *urls);
	size_t n = 0;
	int i, rc;

	for (i = 0; i < argc; i++)
		if (is_url(argv[i]))
			urls[n++] = argv[i];
	*failed = 0;
	if (n == 0) {
		free(urls);
		return 0;
	}
	fo.import = *io;
	fo.report = on_page;
	fo.arg = prog;
	rc = feeds_fetch_pages(st, urls, n, &fo, &fs, &is);
	free(urls);
	*failed = fs.pages_failed;
	stats->files += fs.pages;
	stats->added += is.added;
	stats->versions += is.versions;
	stats->duplicates += is.duplicates;
	stats->refused += is.refused;
	stats->warnings += is.warnings;
	return rc;
}

/* "16M", "512k", "1048576": bytes. */
static int
parse_size(const char *s, size_t *out)
{
	char *end;
	unsigned long long v = strtoull(s, &end, 10);
	unsigned shift = 0;

	if (end == s || s[0] == '-')
		return -1;
	switch (*end) {
	case 'k': case 'K': shift = 10; end++; break;
	case 'm': case 'M': shift = 20; end++; break;
	case 'g': case 'G': shift = 30; end++; break;
	default: break;
	}
	if ((*end == 'b' || *end == 'B') && end[1] == '\0')
		end++;
	if (*end != '\0' || v == 0 || v > (SIZE_MAX >> shift))
		return -1;
	*out = (size_t)(v << shift);
	return 0;
}

static int
cmd_import_exec(struct cmd_ctx *ctx, const struct args *a)
{
	struct import_opts opts = { 0 };
	struct import_list list = { NULL, 0, 0 };
	struct progress prog = { 0 };
	struct import_stats stats;
	size_t urls = 0, failed = 0;
	struct importer *im;
	struct store *st;
	size_t i;
	const char *v;
	int rc = 0, stdin_seen = 0;

	if ((v = args_get(a, "max-size")) != NULL && parse_size(v, &opts.max_size) != 0)
		return cmd_usage_error(a, "bad size '%s' (e.g. 16M)", v);
	if ((v = args_get(a, "format")) != NULL &&
	    (opts.format = ingest_format_parse(v)) == INGEST_AUTO)
		return cmd_usage_error(a, "unknown format '%s' (text, html or feed)", v);
	if (args_has(a, "quiet"))
		ctx->quiet = 1;
	opts.no_extract = args_has(a, "no-extract");
	for (i = 0; i < a->argc; i++) {
		if (strcmp(a->argv[i], "-") == 0 && stdin_seen++)
			return cmd_usage_error(a, "standard input given twice");
	}
	warn_set_quiet(ctx->quiet);
	if ((st = cmd_store(ctx, STORE_BULK)) == NULL)
		return EXIT_FAIL;
	prog.quiet = ctx->quiet;
	prog.bar = !ctx->quiet && isatty(STDERR_FILENO);
	opts.report = on_event;
	opts.arg = &prog;
	if (importer_new(st, &opts, &im) != 0) {
		err_print("import");
		return EXIT_FAIL;
	}
	for (i = 0; i < a->argc; i++) {
		if (is_url(a->argv[i]))
			urls++;
		else
			import_collect(im, a->argv[i], &list);
	}
	prog.total = list.n + urls;
	prog.start = prog.last = clock_seconds();
	draw_bar(&prog, 1);
	for (i = 0; i < list.n && rc == 0; i++)
		rc = import_file(im, list.v[i]);
	if (rc == 0)
		rc = importer_finish(im);
	stats = *importer_stats(im);
	if (rc == 0)
		rc = import_urls(st, &opts, &prog, (int)a->argc, a->argv, &stats, &failed);
	clear_bar(&prog);
	if (rc != 0)
		err_print("import");
	if (!ctx->quiet)
		cmd_import_summary(&stats);
	rc = rc != 0 ? EXIT_FAIL : stats.refused > 0 || failed > 0 ? EXIT_PARTIAL : EXIT_OK;
	import_list_free(&list);
	importer_free(im);
	return rc;
}
