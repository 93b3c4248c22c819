/*
 * anno-anchor.c: where a highlight is, in a form that survives a change to
 * the text. An anchor is the W3C pair of selectors: a position (byte
 * offsets here) and a quote with up to ANNO_CONTEXT_CHARS characters of
 * context on each side. When an article is imported again in a changed
 * version, anno_anchor_place finds each highlight in the new text, trying
 * the most certain placement first.
 *
 * Pure on purpose: no SQLite, no curses, only bytes in and offsets out, so
 * it is tested alone (tests/unit/test-anno-anchor.c).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "anno.h"
#include "util.h"

/* The fuzzy search compares every character of the quote with every
 * character of the searched text; past this many comparisons it searches
 * only a window around the old position, so that one long highlight in a
 * long article costs tens of milliseconds, not seconds. */
#define FUZZY_BUDGET ((size_t)32 * 1000 * 1000)

static int
is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

size_t
anno_utf8_chars(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		n += !is_cont((unsigned char)s[i]);
	return n;
}

int
anno_utf8_offset(const char *s, size_t len, size_t chars, size_t *byte)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		if (is_cont((unsigned char)s[i]))
			continue;
		if (n++ == chars) {
			*byte = i;
			return 0;
		}
	}
	if (n == chars) {
		*byte = len;
		return 0;
	}
	return -1;
}

/* Steps back over up to N characters before byte AT. */
static size_t
back_chars(const char *s, size_t at, size_t n)
{
	while (at > 0 && n > 0) {
		at--;
		if (!is_cont((unsigned char)s[at]))
			n--;
	}
	while (at > 0 && is_cont((unsigned char)s[at]))
		at--;
	return at;
}

static size_t
fwd_chars(const char *s, size_t len, size_t at, size_t n)
{
	while (at < len && n > 0) {
		at++;
		while (at < len && is_cont((unsigned char)s[at]))
			at++;
		n--;
	}
	return at;
}

void
anno_anchor_free(struct anno_anchor *a)
{
	free(a->quote);
	free(a->prefix);
	free(a->suffix);
	a->quote = a->prefix = a->suffix = NULL;
}

int
anno_anchor_make(const char *body, size_t len, size_t start, size_t end,
    struct anno_anchor *out)
{
	size_t p, q;

	memset(out, 0, sizeof *out);
	if (start >= end || end > len)
		return err_set("span %zu-%zu is empty or outside the text (%zu bytes)",
		    start, end, len);
	if (is_cont((unsigned char)body[start]) ||
	    (end < len && is_cont((unsigned char)body[end])))
		return err_set("span %zu-%zu does not start and end on character boundaries",
		    start, end);
	p = back_chars(body, start, ANNO_CONTEXT_CHARS);
	q = fwd_chars(body, len, end, ANNO_CONTEXT_CHARS);
	out->start = start;
	out->end = end;
	out->quote = xstrndup(body + start, end - start);
	out->prefix = xstrndup(body + p, start - p);
	out->suffix = xstrndup(body + end, q - end);
	return 0;
}

const char *
anno_placed_name(enum anno_placed p)
{
	switch (p) {
	case ANNO_PLACED_EXACT: return "exact";
	case ANNO_PLACED_CONTEXT: return "context";
	case ANNO_PLACED_QUOTE: return "quote";
	case ANNO_PLACED_FUZZY: return "fuzzy";
	case ANNO_PLACED_NONE: break;
	}
	return NULL;
}

/* How many bytes of the old context agree with the text around an
 * occurrence at [at, at+qlen): the prefix compared backwards from the
 * quote, the suffix forwards. */
static size_t
context_agreement(const char *body, size_t len, size_t at, size_t qlen,
    const struct anno_anchor *old, int *whole)
{
	size_t plen = strlen(old->prefix), slen = strlen(old->suffix), a = 0, b = 0;
	size_t after = at + qlen;

	while (a < plen && a < at && body[at - 1 - a] == old->prefix[plen - 1 - a])
		a++;
	while (b < slen && after + b < len && body[after + b] == old->suffix[b])
		b++;
	*whole = a == plen && b == slen;
	return a + b;
}

static size_t
distance(size_t a, size_t b)
{
	return a > b ? a - b : b - a;
}

/* Every verbatim occurrence of the quote, scored: whole context beats
 * partial context, more context beats less, nearer beats farther. */
static enum anno_placed
place_verbatim(const char *body, size_t len, const struct anno_anchor *old,
    size_t *start)
{
	size_t qlen = strlen(old->quote), at = 0, best_ctx = 0, best_dist = SIZE_MAX;
	int found = 0, best_whole = 0, whole;
	const char *hit;

	while (at + qlen <= len &&
	    (hit = memmem(body + at, len - at, old->quote, qlen)) != NULL) {
		size_t pos = (size_t)(hit - body);
		size_t ctx = context_agreement(body, len, pos, qlen, old, &whole);
		size_t dist = distance(pos, old->start);
		int better = !found || whole > best_whole ||
		    (whole == best_whole && (ctx > best_ctx ||
		    (ctx == best_ctx && dist < best_dist)));

		if (better) {
			found = 1;
			best_whole = whole;
			best_ctx = ctx;
			best_dist = dist;
			*start = pos;
		}
		at = pos + 1;
	}
	if (!found)
		return ANNO_PLACED_NONE;
	return best_whole ? ANNO_PLACED_CONTEXT : ANNO_PLACED_QUOTE;
}

/* Decodes valid UTF-8 into code points; *offs[i] is the byte offset of
 * character i, offs[n] = len. */
static size_t
decode(const char *s, size_t len, uint32_t **cps, size_t **offs)
{
	size_t n = anno_utf8_chars(s, len), i = 0, k = 0;

	*cps = xreallocarray(NULL, n + 1, sizeof **cps);
	*offs = xreallocarray(NULL, n + 1, sizeof **offs);
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp = c;
		size_t extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;

		(*offs)[k] = i;
		if (extra > 0)
			cp = c & (0x3F >> extra);
		for (i++; extra > 0 && i < len && is_cont((unsigned char)s[i]); extra--, i++)
			cp = (cp << 6) | ((unsigned char)s[i] & 0x3F);
		(*cps)[k++] = cp;
	}
	(*offs)[k] = len;
	return k;
}

struct fuzzy_best {
	size_t cost, start, end, dist;   /* in characters of the window */
	int found;
};

/* Of two alignments, the cheaper; at equal cost, the one starting nearer
 * the old position, so that a word inserted into the quote is taken in
 * rather than the quote's first word given up at the same cost. */
static int
better(size_t c1, size_t f1, size_t c2, size_t f2, size_t want)
{
	return c1 < c2 || (c1 == c2 && distance(f1, want) < distance(f2, want));
}

/*
 * Approximate matching (Sellers): the cost of the best alignment of the
 * whole pattern with any substring of the text ending at each position,
 * one text column at a time. With Ukkonen's cut-off only rows that can
 * still be within the bound K are computed; every other cell holds K+1,
 * a stand-in for "too far" that can never produce a cost within K. Each
 * cell carries the column its alignment started at, so a match's start is
 * known without a second pass.
 */
static void
sellers(const uint32_t *p, size_t m, const uint32_t *t, size_t n, size_t k,
    size_t want, struct fuzzy_best *best)
{
	size_t *cost = xreallocarray(NULL, m + 1, sizeof *cost);
	size_t *from = xreallocarray(NULL, m + 1, sizeof *from);
	size_t i, j, lact = k < m ? k : m;

	for (i = 0; i <= m; i++) {
		cost[i] = i <= k ? i : k + 1;
		from[i] = 0;
	}
	for (j = 1; j <= n; j++) {
		size_t dc = cost[0], df = from[0], r = lact + 1 < m ? lact + 1 : m;

		cost[0] = 0;
		from[0] = j;
		for (i = 1; i <= r; i++) {
			size_t oc = cost[i], of = from[i];
			size_t c = dc + (p[i - 1] != t[j - 1]), f = df;

			if (better(cost[i - 1] + 1, from[i - 1], c, f, want)) {
				c = cost[i - 1] + 1;     /* pattern char left out */
				f = from[i - 1];
			}
			if (better(oc + 1, of, c, f, want)) {
				c = oc + 1;              /* extra text char */
				f = of;
			}
			cost[i] = c > k ? k + 1 : c;
			from[i] = f;
			dc = oc;
			df = of;
		}
		lact = r;
		while (lact > 0 && cost[lact] > k)
			lact--;
		if (lact == m) {
			size_t d = distance(from[m], want);
			if (!best->found || cost[m] < best->cost ||
			    (cost[m] == best->cost && d < best->dist)) {
				best->found = 1;
				best->cost = cost[m];
				best->start = from[m];
				best->end = j;
				best->dist = d;
			}
		}
	}
	free(cost);
	free(from);
}

size_t
anno_fuzzy_bound(size_t quote_chars)
{
	/* Under 8 characters a fuzzy match is a guess, not a placement. */
	return quote_chars < 8 ? 0 : quote_chars / 5;
}

static enum anno_placed
place_fuzzy(const char *body, size_t len, const struct anno_anchor *old,
    size_t *start, size_t *end)
{
	uint32_t *pat, *txt;
	size_t *poffs, *toffs, m, n, k, want, lo = 0, hi;
	struct fuzzy_best best = { 0 };

	m = decode(old->quote, strlen(old->quote), &pat, &poffs);
	free(poffs);
	k = anno_fuzzy_bound(m);
	if (k == 0) {
		free(pat);
		return ANNO_PLACED_NONE;
	}
	n = decode(body, len, &txt, &toffs);
	want = anno_utf8_chars(body, old->start < len ? old->start : len);
	hi = n;
	if (m * n > FUZZY_BUDGET) {
		size_t w = FUZZY_BUDGET / m / 2;
		lo = want > w ? want - w : 0;
		hi = want + m + w < n ? want + m + w : n;
	}
	sellers(pat, m, txt + lo, hi - lo, k, want - lo, &best);
	if (best.found && best.end > best.start) {
		*start = toffs[lo + best.start];
		*end = toffs[lo + best.end];
	}
	free(pat);
	free(txt);
	free(toffs);
	return best.found && best.end > best.start ? ANNO_PLACED_FUZZY : ANNO_PLACED_NONE;
}

enum anno_placed
anno_anchor_place(const char *body, size_t len, const struct anno_anchor *old,
    size_t *start, size_t *end)
{
	size_t qlen = strlen(old->quote), at = 0;
	enum anno_placed p;
	int whole;

	if (qlen == 0)
		return ANNO_PLACED_NONE;
	if (old->start + qlen <= len && memcmp(body + old->start, old->quote, qlen) == 0) {
		context_agreement(body, len, old->start, qlen, old, &whole);
		if (whole) {
			*start = old->start;
			*end = old->start + qlen;
			return ANNO_PLACED_EXACT;
		}
	}
	p = place_verbatim(body, len, old, &at);
	if (p != ANNO_PLACED_NONE) {
		*start = at;
		*end = at + qlen;
		return p;
	}
	return place_fuzzy(body, len, old, start, end);
}
