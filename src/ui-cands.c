/*
 * ui-cands.c: completion candidates, for every line that completes with
 * Tab (the `:` line, the annotation browser's filter): a set of strings,
 * what they share, which of them a typed word matches, and the sources
 * more than one line draws on (the codebook's tags, file names).
 *
 * A typed word matches a candidate at its start or at the start of any of
 * its words, so "Lav" finds "Sergey Lavrov" as "Serg" does; matches at the
 * start come first.
 */
#include "config.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define DOSSIER_UI_INTERNAL
#include "store.h"
#include "ui.h"

void
ui_cands_add(struct ui_cands *c, const char *s)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		if (strcmp(c->v[i], s) == 0)
			return;
	}
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->v = xreallocarray(c->v, c->cap, sizeof *c->v);
	}
	c->v[c->n++] = xstrdup(s);
}

void
ui_cands_free(struct ui_cands *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->v[i]);
	free(c->v);
	memset(c, 0, sizeof *c);
}

size_t
ui_cands_common(const struct ui_cands *c)
{
	size_t i, k, lcp;

	if (c->n == 0)
		return 0;
	lcp = strlen(c->v[0]);
	for (i = 1; i < c->n; i++) {
		for (k = 0; k < lcp && c->v[i][k] == c->v[0][k]; k++)
			;
		lcp = k;
	}
	return lcp;
}

/* 1 when WORD (LEN bytes) begins a word of S after its first: after a
 * blank. */
static int
matches_inner_word(const char *s, const char *word, size_t len)
{
	const char *p;

	for (p = s; (p = strpbrk(p, " \t")) != NULL; ) {
		p += strspn(p, " \t");
		if (strncasecmp(p, word, len) == 0)
			return 1;
	}
	return 0;
}

void
ui_cands_filter(const struct ui_cands *all, const char *word, size_t len, struct ui_cands *out)
{
	size_t i;

	for (i = 0; i < all->n; i++) {
		if (strncasecmp(all->v[i], word, len) == 0)
			ui_cands_add(out, all->v[i]);
	}
	if (len == 0)
		return;
	for (i = 0; i < all->n; i++) {
		if (matches_inner_word(all->v[i], word, len))
			ui_cands_add(out, all->v[i]);
	}
}

void
ui_cands_tags(struct ui *ui, struct ui_cands *out)
{
	struct store_tag *t = NULL;
	size_t n = 0, i;

	if (ui->st == NULL || store_tag_list(ui->st, &t, &n) != 0) {
		err_clear();
		return;
	}
	for (i = 0; i < n; i++)
		ui_cands_add(out, t[i].name);
	store_tag_list_free(t, n);
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
ui_cands_paths(const char *word, size_t len, struct ui_cands *out)
{
	const char *slash = NULL, *p;
	char *dir, *path;
	struct dirent *e;
	struct stat sb;
	size_t first;
	DIR *d;

	for (p = word; p < word + len; p++) {
		if (*p == '/')
			slash = p;
	}
	/* "a/b" lists a/, "/b" lists /, "b" lists the current directory. */
	dir = slash == NULL ? xstrdup(".") : xstrndup(word, slash == word ? 1 : (size_t)(slash - word));
	if ((d = opendir(dir)) == NULL) {
		free(dir);
		return;
	}
	p = slash == NULL ? word : slash + 1;
	first = out->n;
	while ((e = readdir(d)) != NULL) {
		size_t base = (size_t)(word + len - p);

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		/* Hidden files only when the name typed starts with a dot. */
		if (e->d_name[0] == '.' && (base == 0 || *p != '.'))
			continue;
		if (strncmp(e->d_name, p, base) != 0)
			continue;
		path = xasprintf("%.*s%s", (int)(p - word), word, e->d_name);
		/* A directory ends in '/', so the next Tab goes into it. */
		if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
			char *with = xasprintf("%s/", path);
			free(path);
			path = with;
		}
		ui_cands_add(out, path);
		free(path);
	}
	closedir(d);
	free(dir);
	qsort(out->v + first, out->n - first, sizeof *out->v, compare_names);
}
