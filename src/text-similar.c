/*
 * text-similar.c: how much of one text another shares, to tell a new
 * version of an article (edited, grown, cut) from a different article that
 * happens to carry the same link (feeds whose items all link to a site's
 * home page, pages with the same wrong rel=canonical).
 *
 * A text is taken as the set of its word triples (three consecutive words,
 * per text_words, case as written), each hashed to 64 bits; a text of
 * fewer than three words is one "triple" of all its words. The share is
 * the number of triples the two sets have in common over the size of the
 * smaller set: an article that grew from three paragraphs to fifteen still
 * shares all of the first version's, and one that lost half of itself
 * shares all of what is left, while two unrelated articles share close to
 * none. Cost is linear in the texts plus a sort of their triples.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* FNV-1a over BYTES, continuing from H. */
static uint64_t
fnv(uint64_t h, const char *bytes, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)bytes[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

static int
by_value(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

void
text_shingles(const char *s, size_t len, struct text_shingles *out)
{
	struct text_span *w = NULL;
	size_t nw = text_words(s, len, &w), i, k, n = 0;
	size_t per = nw < 3 ? nw : 3, count = nw < 3 ? (nw > 0) : nw - 2;
	uint64_t *v = count > 0 ? xreallocarray(NULL, count, sizeof *v) : NULL, h;

	for (i = 0; i < count; i++) {
		h = 0xcbf29ce484222325ULL;
		for (k = 0; k < per; k++) {
			h = fnv(h, s + w[i + k].start, w[i + k].end - w[i + k].start);
			h = fnv(h, " ", 1);
		}
		v[i] = h;
	}
	if (count > 1)
		qsort(v, count, sizeof *v, by_value);
	for (i = 0; i < count; i++) {
		if (n == 0 || v[n - 1] != v[i])
			v[n++] = v[i];
	}
	free(w);
	out->v = v;
	out->n = n;
}

void
text_shingles_free(struct text_shingles *s)
{
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

double
text_shared(const struct text_shingles *a, const struct text_shingles *b)
{
	size_t i = 0, j = 0, common = 0, smaller = a->n < b->n ? a->n : b->n;

	if (smaller == 0)
		return a->n == b->n ? 1.0 : 0.0;
	while (i < a->n && j < b->n) {
		if (a->v[i] < b->v[j])
			i++;
		else if (a->v[i] > b->v[j])
			j++;
		else
			common++, i++, j++;
	}
	return (double)common / (double)smaller;
}
