/*
 * bench-extract: dossier's article extraction alone, over saved web pages,
 * for bench/extract-score (quality against a dev set) and bench/run (speed
 * against Readability.js). For each PAGE it does what import does before
 * the database (the text decoded to UTF-8 as import decodes it, the HTML parser,
 * extraction, metadata, cleaning with the shipped rules) and, with
 * --out DIR, writes DIR/N.txt: "title:", "authors:", "published:",
 * "language:" lines, a blank line, then the body. Reports the pages and
 * the processor seconds spent on them (reading files excluded) on standard error.
 *
 *     bench-extract [--out DIR] [--repeat N] PAGE...
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "ingest.h"
#include "text.h"
#include "util.h"

struct page {
	char *data;
	size_t len;
};

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
write_result(const char *dir, size_t i, const struct ingest_doc *d,
    const struct ingest_clean *c)
{
	char *path = xasprintf("%s/%zu.txt", dir, i);
	FILE *f = fopen(path, "w");

	if (f == NULL) {
		perror(path);
		exit(1);
	}
	fprintf(f, "title: %s\nauthors: %s\npublished: %s\nlanguage: %s\n\n%s\n",
	    c->title != NULL ? c->title : "", c->authors != NULL ? c->authors : "",
	    d->published != NULL ? d->published : (c->published != NULL ? c->published : ""),
	    c->language != NULL ? c->language : "", c->body != NULL ? c->body : "");
	fclose(f);
	free(path);
}

/* One page, as import_data reads it; returns 0 when an article came out. */
static int
extract_page(const struct ingest_hints *hints, const struct ingest_chrome *chrome,
    const struct text_rules *rules, const struct page *p, const char *out, size_t i)
{
	struct ingest_docs docs = { NULL, 0, 0 };
	struct text_utf8_report rep;
	struct ingest_clean c;
	struct buf text;
	char *charset = NULL;
	int rc = -1;

	buf_init(&text);
	/* A character set that cannot be used leaves the text repaired as
	 * UTF-8, as import goes on with it. */
	(void)ingest_decode(INGEST_HTML, p->data, p->len, &text, &rep, &charset);
	if (ingest_html(text.data != NULL ? text.data : "", text.len, hints, &docs) == 0 &&
	    docs.n == 1 && ingest_clean(chrome, rules, &docs.v[0], &c) == 0) {
		if (out != NULL)
			write_result(out, i, &docs.v[0], &c);
		ingest_clean_free(&c);
		rc = 0;
	}
	ingest_docs_free(&docs);
	buf_free(&text);
	free(charset);
	return rc;
}

int
main(int argc, char **argv)
{
	struct ingest_hints *hints = ingest_hints_new();
	struct ingest_chrome *chrome = ingest_chrome_new();
	struct text_rules *rules = NULL;
	const char *out = NULL;
	struct page *pages;
	size_t n = 0, i, refused = 0;
	long repeat = 1, r;
	char *path;
	double t0, t;
	int a;

	pages = xcalloc((size_t)argc, sizeof *pages);
	for (a = 1; a < argc; a++) {
		if (strcmp(argv[a], "--out") == 0 && a + 1 < argc) {
			out = argv[++a];
		} else if (strcmp(argv[a], "--repeat") == 0 && a + 1 < argc) {
			repeat = strtol(argv[++a], NULL, 10);
		} else if (path_read_file(argv[a], (size_t)1 << 30, &pages[n].data,
		    &pages[n].len) != 0) {
			err_print("bench-extract");
			return 1;
		} else
			n++;
	}
	path = path_data_file("extract.txt");
	if (ingest_hints_add_file(hints, path) != 0) {
		err_print("bench-extract");
		return 1;
	}
	free(path);
	path = path_data_file("chrome.txt");
	if (ingest_chrome_add_file(chrome, path) != 0) {
		err_print("bench-extract");
		return 1;
	}
	free(path);
	path = path_data_file("abbrev.txt");
	if (text_rules_load(path, &rules) != 0) {
		err_print("bench-extract");
		return 1;
	}
	free(path);
	t0 = now();
	for (r = 0; r < repeat; r++) {
		for (i = 0; i < n; i++) {
			if (extract_page(hints, chrome, rules, &pages[i], r == 0 ? out : NULL,
			    i) != 0 && r == 0) {
				fprintf(stderr, "bench-extract: page %zu: %s\n", i, err_msg());
				refused++;
			}
		}
	}
	t = now() - t0;
	fprintf(stderr, "pages %zu refused %zu seconds %.6f\n", n * (size_t)repeat, refused, t);
	for (i = 0; i < n; i++)
		free(pages[i].data);
	free(pages);
	ingest_hints_free(hints);
	ingest_chrome_free(chrome);
	text_rules_free(rules);
	return 0;
}
