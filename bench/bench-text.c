/*
 * bench-text: throughput of the text engine as the import and the reader
 * use it. Every file named (directories are walked) is split into
 * paragraphs and sentences and every paragraph is wrapped at width 80
 * through the layout cache; the bytes processed and MB/s are printed.
 *
 *   bench-text [--width N] PATH...
 *   bench-text --screen FILE [--rows N]   time to lay out and draw the
 *                                         first, a middle and the last
 *                                         screen of one article
 *
 * Reading the files is not timed; UTF-8 repair is, since every article
 * goes through it before the rest.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cmd.h"
#include "text.h"

struct totals {
	size_t files, bytes, paras, sentences, lines;
	double secs;
};

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Segments and wraps one article; the timed part. */
static void
process(const struct text_rules *rules, const char *data, size_t len, int width,
    struct totals *t)
{
	struct text_utf8_report rep;
	struct text_span *paras, *sents;
	struct text_layout *l;
	struct text_line ln;
	struct buf b;
	size_t np, i;
	int more;

	buf_init(&b);
	text_utf8_repair(data, len, &b, &rep);
	np = text_paragraphs(b.data, b.len, &paras);
	for (i = 0; i < np; i++) {
		t->sentences += text_sentences(rules, b.data + paras[i].start,
		    paras[i].end - paras[i].start, &sents);
		free(sents);
	}
	l = text_layout_new(b.data, b.len, paras, np);
	text_layout_set_width(l, width);
	for (more = text_layout_first(l, &ln); more; more = text_layout_next(l, &ln, &ln))
		t->lines++;
	text_layout_free(l);
	free(paras);
	buf_free(&b);
	t->paras += np;
	t->bytes += len;
	t->files++;
}

static int
walk(const struct text_rules *rules, const char *path, int width, struct totals *t)
{
	struct stat st;
	char *data;
	size_t len;
	double t0;

	if (stat(path, &st) != 0)
		return err_set("%s: cannot read", path);
	if (S_ISDIR(st.st_mode)) {
		struct dirent **names;
		int n = scandir(path, &names, NULL, alphasort), i, rc = 0;

		if (n < 0)
			return err_set("%s: cannot list the directory", path);
		for (i = 0; i < n; i++) {
			if (rc == 0 && names[i]->d_name[0] != '.') {
				char *sub = xasprintf("%s/%s", path, names[i]->d_name);
				rc = walk(rules, sub, width, t);
				free(sub);
			}
			free(names[i]);
		}
		free(names);
		return rc;
	}
	if (!S_ISREG(st.st_mode))
		return 0;
	if (path_read_file(path, (size_t)1 << 30, &data, &len) != 0)
		return -1;
	t0 = now();
	process(rules, data, len, width, t);
	t->secs += now() - t0;
	free(data);
	return 0;
}

static volatile size_t drawn_bytes;  /* keeps the drawing from being optimized out */

/* Lays out and draws ROWS lines from LN on, as the reader does. */
static void
draw_screen(struct text_layout *l, struct text_line ln, int rows, int down)
{
	struct text_draw_iter it;
	struct text_draw d;
	size_t sink = 0;
	int r;

	for (r = 0; r < rows; r++) {
		text_draw_begin(&it, l, &ln);
		while (text_draw_next(&it, &d))
			sink += d.len;
		if (!(down ? text_layout_next(l, &ln, &ln) : text_layout_prev(l, &ln, &ln)))
			break;
	}
	drawn_bytes += sink;
}

static int
screens(const char *path, int width, int rows)
{
	struct text_span *paras;
	struct text_layout *l;
	struct text_line ln;
	struct buf b;
	struct text_utf8_report rep;
	char *data;
	size_t len, np;
	double t0, first, middle, last, resize;

	if (path_read_file(path, (size_t)1 << 30, &data, &len) != 0)
		return -1;
	buf_init(&b);
	text_utf8_repair(data, len, &b, &rep);
	free(data);
	np = text_paragraphs(b.data, b.len, &paras);

	t0 = now();
	l = text_layout_new(b.data, b.len, paras, np);
	text_layout_set_width(l, width);
	if (text_layout_first(l, &ln))
		draw_screen(l, ln, rows, 1);
	first = now() - t0;

	t0 = now();
	if (text_layout_line_at(l, b.len / 2, &ln))
		draw_screen(l, ln, rows, 1);
	middle = now() - t0;

	t0 = now();
	if (text_layout_last(l, &ln))
		draw_screen(l, ln, rows, 0);
	last = now() - t0;

	t0 = now();
	text_layout_set_width(l, width - 7);
	if (text_layout_last(l, &ln))
		draw_screen(l, ln, rows, 0);
	resize = now() - t0;

	printf("%s: %zu bytes, %zu paragraph(s), width %d, %d rows\n", path, b.len, np,
	    width, rows);
	printf("first screen   %8.3f ms\n", first * 1e3);
	printf("middle screen  %8.3f ms\n", middle * 1e3);
	printf("last screen    %8.3f ms\n", last * 1e3);
	printf("resize, last   %8.3f ms\n", resize * 1e3);
	text_layout_free(l);
	free(paras);
	buf_free(&b);
	return 0;
}

static void
usage(void)
{
	fputs("usage: bench-text [--width N] PATH...\n"
	    "       bench-text --screen FILE [--width N] [--rows N]\n", stderr);
	exit(EXIT_USAGE);
}

static int
number(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < 1 || v > 100000)
		usage();
	return (int)v;
}

int
main(int argc, char **argv)
{
	struct text_rules *rules = NULL;
	struct totals t = { 0, 0, 0, 0, 0, 0 };
	const char *screen = NULL;
	char *path;
	int i, width = 80, rows = 40, nfiles = 0;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--width") == 0 && i + 1 < argc)
			width = number(argv[++i]);
		else if (strcmp(argv[i], "--rows") == 0 && i + 1 < argc)
			rows = number(argv[++i]);
		else if (strcmp(argv[i], "--screen") == 0 && i + 1 < argc)
			screen = argv[++i];
		else
			usage();
	}
	if (screen != NULL) {
		if (screens(screen, width, rows) != 0) {
			err_print("bench-text");
			return EXIT_FAIL;
		}
		return EXIT_OK;
	}
	if (i == argc)
		usage();
	path = path_data_file("abbrev.txt");
	if (text_rules_load(path, &rules) != 0) {
		err_print("bench-text");
		free(path);
		return EXIT_FAIL;
	}
	free(path);
	for (; i < argc; i++, nfiles++)
		if (walk(rules, argv[i], width, &t) != 0) {
			err_print("bench-text");
			text_rules_free(rules);
			return EXIT_FAIL;
		}
	text_rules_free(rules);
	printf("%zu files, %zu bytes, %zu paragraphs, %zu sentences, %zu lines at width %d\n",
	    t.files, t.bytes, t.paras, t.sentences, t.lines, width);
	printf("segmentation + wrapping: %.3f s, %.1f MB/s\n", t.secs,
	    t.secs > 0 ? (double)t.bytes / 1e6 / t.secs : 0.0);
	return EXIT_OK;
}
