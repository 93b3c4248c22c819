/*
 * text-similar.c: how much of one text another shares, to tell a new
 * version of an article (edited, grown, cut) from a different article that
 * happens to carry the same link (feeds whose items all link to a site's
 * home page, pages with the same wrong rel=canonical).
 *
 * A text is taken as the set of its word triples (three consecutive words,
 * case as written), each hashed to 64 bits; a text of fewer than three
 * words is one "triple" of all its words. Words here are runs of bytes
 * between white space and ASCII punctuation: this runs at memory speed on
 * a 10 MB article (libunistring's word breaks took seconds), and for
 * scripts written without spaces a "word" is the run between punctuation,
 * which still tells an edited text from another one. The share is the
 * number of triples the two sets have in common over the size of the
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

/* Sorts V (N hashes) in place: least significant digit radix sort, four
 * passes of 16 bits. A 10 MB article has about 1.6 million triples, and
 * qsort's calls to a comparison took most of an import's time. */
static void
sort_hashes(uint64_t *v, size_t n)
{
	uint64_t *tmp = xreallocarray(NULL, n, sizeof *tmp), *from = v, *to = tmp, *swap;
	size_t *count = xcalloc(65536, sizeof *count), i, sum, c;
	unsigned shift;

	for (shift = 0; shift < 64; shift += 16) {
		memset(count, 0, 65536 * sizeof *count);
		for (i = 0; i < n; i++)
			count[(from[i] >> shift) & 0xFFFF]++;
		for (i = 0, sum = 0; i < 65536; i++) {
			c = count[i];
			count[i] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			to[count[(from[i] >> shift) & 0xFFFF]++] = from[i];
		swap = from, from = to, to = swap;
	}
	/* Four passes: the sorted hashes are back in V. */
	free(tmp);
	free(count);
}

static int
is_break(unsigned char c)
{
	return c <= ' ' || c == 0x7f || (c < 0x80 && !((c >= '0' && c <= '9') ||
	    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')));
}

/* The next word at or after *I in S: its span, or 0 when none is left. */
static int
next_word(const char *s, size_t len, size_t *i, struct text_span *w)
{
	while (*i < len && is_break((unsigned char)s[*i]))
		(*i)++;
	if (*i == len)
		return 0;
	w->start = *i;
	while (*i < len && !is_break((unsigned char)s[*i]))
		(*i)++;
	w->end = *i;
	return 1;
}

/* One value for three word hashes in order (a 64-bit mix, so that the
 * same words in another order give another value). */
static uint64_t
triple(uint64_t a, uint64_t b, uint64_t c)
{
	uint64_t h = a * 0x9E3779B97F4A7C15ULL;

	h = (h ^ (h >> 29) ^ b) * 0xBF58476D1CE4E5B9ULL;
	h = (h ^ (h >> 32) ^ c) * 0x94D049BB133111EBULL;
	return h ^ (h >> 31);
}

void
text_shingles(const char *s, size_t len, struct text_shingles *out)
{
	struct text_span w;
	uint64_t word[3] = { 0, 0, 0 }, *v = NULL;
	size_t i = 0, n = 0, have = 0, cap = 0, count = 0;

	/* Each word is hashed once; a rolling window holds the last three. */
	while (next_word(s, len, &i, &w)) {
		word[0] = word[1];
		word[1] = word[2];
		word[2] = fnv(0xcbf29ce484222325ULL, s + w.start, w.end - w.start);
		if (++have < 3)
			continue;
		if (count == cap) {
			cap = cap ? cap * 2 : 256;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[count++] = triple(word[0], word[1], word[2]);
	}
	if (count == 0 && have > 0) {
		/* Fewer than three words: they are the one "triple". */
		v = xmalloc(sizeof *v);
		v[count++] = triple(word[0], word[1], word[2]);
	}
	if (count > 1)
		sort_hashes(v, count);
	for (i = 0; i < count; i++) {
		if (n == 0 || v[n - 1] != v[i])
			v[n++] = v[i];
	}
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
