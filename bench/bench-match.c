/*
 * bench-match.c: how fast the alias matcher runs, for comparison with
 * `LC_ALL=C grep -F -i -o -f aliases.txt` over the same files.
 *
 *   bench-match [-q] KB FILE|DIR...
 *
 * KB is a knowledge-base file or directory in the dossier-kb(5) format, or
 * a plain list of aliases (one a line) when its name ends in ".txt".
 * Directories are read recursively. Reading the files is timed apart from
 * matching; matching includes case folding, tokens, telling the file's
 * language, names with that language's case endings (data/lang/) and the
 * longest-match choice, exactly as an import does it. Prints one summary line (and with
 * -v one line per match: FILE:START-END:ENTITY).
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "../src/extract-int.h"   /* the matcher alone */
#include "cmd.h"
#include "kb.h"
#include "util.h"

static int verbose;

struct run {
	const struct kb *kb;
	struct text_langs *langs;   /* NULL: none could be read */
	struct extract_matcher *m;
	struct extract_text text;
	struct extract_hit *hits;
	size_t cap, files, bytes, matches;
	double read_s, match_s;
};

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
warn_cb(void *arg, const char *msg)
{
	(void)arg;
	fprintf(stderr, "bench-match: %s\n", msg);
}

static int
load_kb(const char *path, struct kb *kb)
{
	struct stat st;
	size_t len = strlen(path), n = 0;
	char *text, *line, *save = NULL;

	if (stat(path, &st) != 0) {
		fprintf(stderr, "bench-match: %s: cannot read\n", path);
		return -1;
	}
	if (S_ISDIR(st.st_mode))
		return kb_load_dir(kb, path, KB_ORIGIN_KB, warn_cb, NULL) < 0 ? -1 : 0;
	if (len > 4 && strcmp(path + len - 4, ".txt") == 0) {
		if (path_read_file(path, (size_t)1 << 30, &text, &len) != 0)
			return -1;
		for (line = strtok_r(text, "\n", &save); line != NULL;
		    line = strtok_r(NULL, "\n", &save)) {
			char *name = xasprintf("alias %zu", n++);
			int idx = kb_add(kb, KB_PLACE, name, KB_ORIGIN_KB);
			kb_add_alias(kb, idx, line, KB_ORIGIN_KB);
			free(name);
		}
		free(text);
		return 0;
	}
	if (kb_load_file(kb, path, KB_ORIGIN_KB, warn_cb, NULL) < 0)
		return -1;
	kb_resolve(kb, warn_cb, NULL);
	return 0;
}

static void
match_file(struct run *r, const char *path)
{
	double t0 = now(), t1;
	char *s;
	size_t len, n, i;

	if (path_read_file(path, (size_t)1 << 31, &s, &len) != 0) {
		err_print(NULL);
		return;
	}
	t1 = now();
	r->read_s += t1 - t0;
	if (extract_text_set(&r->text, s, len) != 0) {
		err_print(NULL);
		free(s);
		return;
	}
	n = extract_match_lang(r->m, &r->text, text_lang_detect(r->langs, s, len), &r->hits,
	    &r->cap);
	r->match_s += now() - t1;
	r->files++;
	r->bytes += len;
	r->matches += n;
	for (i = 0; verbose && i < n; i++)
		printf("%s:%zu-%zu:%s\n", path, r->hits[i].start, r->hits[i].end,
		    r->kb->ents[r->hits[i].entity].name);
	free(s);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
walk(struct run *r, const char *path)
{
	struct stat st;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, i;
	DIR *d;

	if (stat(path, &st) != 0) {
		fprintf(stderr, "bench-match: %s: cannot read\n", path);
		return;
	}
	if (!S_ISDIR(st.st_mode)) {
		match_file(r, path);
		return;
	}
	if ((d = opendir(path)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		names = xreallocarray(names, n + 1, sizeof *names);
		names[n++] = xasprintf("%s/%s", path, de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, by_name);
	for (i = 0; i < n; i++) {
		walk(r, names[i]);
		free(names[i]);
	}
	free(names);
}

int
main(int argc, char **argv)
{
	struct run r;
	struct kb *kb = kb_new();
	double t0;
	int i = 1;

	memset(&r, 0, sizeof r);
	if (i < argc && strcmp(argv[i], "-v") == 0) {
		verbose = 1;
		i++;
	}
	if (argc - i < 2) {
		fprintf(stderr, "usage: bench-match [-v] KB FILE|DIR...\n");
		return EXIT_USAGE;
	}
	if (load_kb(argv[i++], kb) != 0) {
		err_print(NULL);
		kb_free(kb);
		return EXIT_FAIL;
	}
	t0 = now();
	if (text_langs_load(path_data_dir(), &r.langs) != 0)
		err_print("no languages");
	extract_matcher_new_langs(kb, r.langs, &r.m);
	r.kb = kb;
	fprintf(stderr, "bench-match: %zu entities, %zu patterns, automaton built in %.3f s\n",
	    kb->n, extract_matcher_size(r.m), now() - t0);
	extract_text_init(&r.text);
	for (; i < argc; i++)
		walk(&r, argv[i]);
	printf("bench-match: %zu files, %.1f MB, %zu matches, read %.3f s, "
	    "match %.3f s, %.1f MB/s\n", r.files, (double)r.bytes / 1e6, r.matches,
	    r.read_s, r.match_s, r.match_s > 0 ? (double)r.bytes / 1e6 / r.match_s : 0.0);
	extract_text_free(&r.text);
	free(r.hits);
	extract_matcher_free(r.m);
	text_langs_free(r.langs);
	kb_free(kb);
	return EXIT_OK;
}
