/*
 * endings.c: writes the endings by which search finds the other forms of
 * a word in a language with a Snowball stemmer (data/search/CODE.txt).
 *
 *   cc -O2 -o endings data/search/gen/endings.c -lstemmer
 *   ./endings english 100 < /usr/share/dict/american-english
 *
 * Search (src/store-stem.c) cuts a query word to the longest prefix it
 * shares with its stem and asks the index for that prefix plus each
 * ending; the stem decides which of the terms found are forms of the
 * word. So the endings wanted are those by which one form of a word
 * differs from the prefix another form of it shares with their stem. This
 * reads a word list (Debian's wamerican), groups its lower-case words by
 * their Snowball stem, and for every two words A and B of a group counts
 * B less the prefix A shares with the stem. An ending found in at least
 * MIN groups is printed, most groups first: rarer ones are the spelling
 * of a few words, not of the language.
 */
/* strdup and strndup, outside C11 */
#define _POSIX_C_SOURCE 200809L

#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct word {
	char *w, *stem;
};

struct ending {
	char *e;
	int groups, last;
};

static struct ending *ends;
static size_t nends, capends;

static int
by_stem(const void *a, const void *b)
{
	return strcmp(((const struct word *)a)->stem, ((const struct word *)b)->stem);
}

static int
by_groups(const void *a, const void *b)
{
	const struct ending *x = a, *y = b;

	return x->groups != y->groups ? y->groups - x->groups : strcmp(x->e, y->e);
}

static void
count(const char *e, int group)
{
	size_t i;

	for (i = 0; i < nends; i++)
		if (strcmp(ends[i].e, e) == 0)
			break;
	if (i == nends) {
		if (nends == capends) {
			capends = capends ? capends * 2 : 256;
			if ((ends = realloc(ends, capends * sizeof *ends)) == NULL)
				exit(1);
		}
		ends[nends].e = strdup(e);
		ends[nends].groups = 0;
		ends[nends++].last = -1;
	}
	if (ends[i].last != group) {
		ends[i].last = group;
		ends[i].groups++;
	}
}

static size_t
shared(const char *a, const char *b)
{
	size_t n = 0;

	while (a[n] != '\0' && a[n] == b[n])
		n++;
	return n;
}

int
main(int argc, char **argv)
{
	struct sb_stemmer *sb;
	struct word *v = NULL;
	size_t n = 0, cap = 0, i, j, k, g0;
	char line[256];
	int min, group = 0;

	if (argc != 3 || (sb = sb_stemmer_new(argv[1], "UTF_8")) == NULL ||
	    (min = atoi(argv[2])) < 1) {
		fprintf(stderr, "usage: endings ALGORITHM MIN < WORDS\n");
		return 2;
	}
	while (fgets(line, sizeof line, stdin) != NULL) {
		const sb_symbol *s;
		size_t len = strcspn(line, "\n");
		int plain = len > 0;

		line[len] = '\0';
		for (k = 0; k < len; k++)   /* lower-case words only: no names, no "'s" */
			plain = plain && ((line[k] >= 'a' && line[k] <= 'z') ||
			    (unsigned char)line[k] >= 0x80);
		if (!plain)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 4096;
			if ((v = realloc(v, cap * sizeof *v)) == NULL)
				return 1;
		}
		s = sb_stemmer_stem(sb, (const sb_symbol *)line, (int)len);
		v[n].w = strdup(line);
		v[n++].stem = strndup((const char *)s, (size_t)sb_stemmer_length(sb));
	}
	qsort(v, n, sizeof *v, by_stem);
	for (g0 = 0; g0 < n; g0 = i, group++) {
		for (i = g0; i < n && strcmp(v[i].stem, v[g0].stem) == 0; i++)
			;
		for (j = g0; j < i; j++)
			for (k = g0; k < i; k++) {
				size_t p = shared(v[j].w, v[j].stem);

				if (strncmp(v[k].w, v[j].w, p) == 0)
					count(v[k].w + p, group);
			}
	}
	qsort(ends, nends, sizeof *ends, by_groups);
	for (i = 0; i < nends && ends[i].groups >= min; i++)
		printf("%s\t%d\n", ends[i].e[0] ? ends[i].e : "-", ends[i].groups);
	/* Freed, so that a leak checker run on it (the sanitizer build of
	 * the tests) has nothing to say and its output is whole. */
	for (i = 0; i < n; i++)
		free(v[i].w), free(v[i].stem);
	free(v);
	for (i = 0; i < nends; i++)
		free(ends[i].e);
	free(ends);
	sb_stemmer_delete(sb);
	return fflush(stdout) == 0 ? 0 : 1;
}
