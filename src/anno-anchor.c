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
#include <unistr.h>

#include "anno.h"
#include "text.h"
#include "util.h"

/* The fuzzy search compares every character of the quote with every
 * character of the searched text; past this many comparisons it searches
 * only a window around the old position, so that one long highlight in a
 * long article costs tens of milliseconds, not seconds. */
#define FUZZY_BUDGET ((size_t)32 * 1000 * 1000)

/* Steps back over up to N characters before byte AT. */
static size_t
back_chars(const char *s, size_t at, size_t n)
{
	for (; at > 0 && n > 0; n--)
		at = text_char_prev(s, at);
	return at;
}

static size_t
fwd_chars(const char *s, size_t len, size_t at, size_t n)
{
	for (; at < len && n > 0; n--)
		at = text_char_next(s, len, at);
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
	if (text_char_start(body, start) != start ||
	    (end < len && text_char_start(body, end) != end))
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
	size_t n = text_chars(s, len), i = 0, k = 0;

	*cps = xreallocarray(NULL, n + 1, sizeof **cps);
	*offs = xreallocarray(NULL, n + 1, sizeof **offs);
	while (i < len) {
		size_t next = text_char_next(s, len, i);
		ucs4_t cp;

		u8_mbtouc(&cp, (const uint8_t *)s + i, next - i);
		(*offs)[k] = i;
		(*cps)[k++] = cp;
		i = next;
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
	want = text_chars(body, old->start < len ? old->start : len);
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

/*
 * A pattern prepared for bit-parallel alignment (Myers 1999, in blocks of
 * 64 rows): for each distinct character of the pattern, a bit mask per
 * block of the rows where it occurs. One text character then advances a
 * whole column of the edit-distance table in ceil(m / 64) word steps
 * instead of m cell updates, which is what makes a 2,000-character
 * highlight cheap to re-place.
 */
struct bitpat {
	uint32_t *chars;   /* the distinct characters, sorted */
	uint64_t *eq;      /* eq[c * blocks + b] */
	size_t nchars, blocks, m;
};

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

struct char_key {
	const struct bitpat *bp;
	uint32_t c;
};

static int
char_past(const void *arg, size_t i)
{
	const struct char_key *k = arg;

	return k->bp->chars[i] >= k->c;
}

/* Index of C among the pattern's distinct characters; nchars if absent. */
static size_t
bitpat_index(const struct bitpat *bp, uint32_t c)
{
	struct char_key k = { bp, c };
	size_t i = text_search(bp->nchars, char_past, &k);

	return i < bp->nchars && bp->chars[i] == c ? i : bp->nchars;
}

static const uint64_t *
bitpat_eq(const struct bitpat *bp, uint32_t c)
{
	size_t i = bitpat_index(bp, c);

	return i < bp->nchars ? bp->eq + i * bp->blocks : NULL;
}

static void
bitpat_init(struct bitpat *bp, const uint32_t *p, size_t m)
{
	size_t i, n = 0;

	bp->m = m;
	bp->blocks = (m + 63) / 64;
	bp->chars = xreallocarray(NULL, m + 1, sizeof *bp->chars);
	if (m > 0)
		memcpy(bp->chars, p, m * sizeof *p);
	qsort(bp->chars, m, sizeof *bp->chars, cmp_u32);
	for (i = 0; i < m; i++)
		if (n == 0 || bp->chars[n - 1] != bp->chars[i])
			bp->chars[n++] = bp->chars[i];
	bp->nchars = n;
	bp->eq = xcalloc(n * bp->blocks + 1, sizeof *bp->eq);
	for (i = 0; i < m; i++) {
		uint64_t *row = bp->eq + bitpat_index(bp, p[i]) * bp->blocks;

		row[i / 64] |= (uint64_t)1 << (i % 64);
	}
}

static void
bitpat_free(struct bitpat *bp)
{
	free(bp->chars);
	free(bp->eq);
}

/*
 * One block of 64 rows advanced by one text column. *pv and *mv are the
 * block's vertical differences (+1 and -1 bits) between the column before
 * and this one; HIN is the horizontal difference entering the block's top
 * row, and the one leaving its row HIGH is returned.
 */
static int
advance_block(uint64_t *pv, uint64_t *mv, uint64_t eq, int hin, uint64_t high)
{
	uint64_t xv, xh, ph, mh;
	int hout = 0;

	xv = eq | *mv;
	if (hin < 0)
		eq |= 1;
	xh = (((eq & *pv) + *pv) ^ *pv) | eq;
	ph = *mv | ~(xh | *pv);
	mh = *pv & xh;
	if (ph & high)
		hout = 1;
	else if (mh & high)
		hout = -1;
	ph <<= 1;
	mh <<= 1;
	if (hin < 0)
		mh |= 1;
	else if (hin > 0)
		ph |= 1;
	*pv = mh | ~(xv | ph);
	*mv = ph & xv;
	return hout;
}

/*
 * Edit distances of the whole pattern against every prefix t[0, j) of the
 * text, j = 0..n: the alignment anchored at the text's start (so the top
 * row rises by one per column). The row is malloc'd.
 */
static size_t *
align(const struct bitpat *bp, const uint32_t *t, size_t n)
{
	size_t *row = xreallocarray(NULL, n + 1, sizeof *row), j, b, score = bp->m;
	uint64_t *pv = xreallocarray(NULL, bp->blocks + 1, sizeof *pv);
	uint64_t *mv = xcalloc(bp->blocks + 1, sizeof *mv);
	uint64_t last = (uint64_t)1 << ((bp->m + 63) % 64);

	for (b = 0; b < bp->blocks; b++)
		pv[b] = ~(uint64_t)0;    /* first column: distance i at row i */
	row[0] = score;
	for (j = 1; j <= n; j++) {
		const uint64_t *eq = bitpat_eq(bp, t[j - 1]);
		int h = 1;

		for (b = 0; b < bp->blocks; b++)
			h = advance_block(&pv[b], &mv[b], eq ? eq[b] : 0, h,
			    b + 1 < bp->blocks ? (uint64_t)1 << 63 : last);
		score = bp->blocks > 0 ? (size_t)((ptrdiff_t)score + h) : j;
		row[j] = score;
	}
	free(pv);
	free(mv);
	return row;
}

size_t
anno_edit_distance(const char *a, size_t alen, const char *b, size_t blen)
{
	uint32_t *ca, *cb;
	size_t *oa, *ob, m = decode(a, alen, &ca, &oa), n = decode(b, blen, &cb, &ob), *row, d;
	struct bitpat bp;

	bitpat_init(&bp, ca, m);
	row = align(&bp, cb, n);
	d = row[n];
	free(row);
	bitpat_free(&bp);
	free(ca);
	free(cb);
	free(oa);
	free(ob);
	return d;
}

static void
reverse(uint32_t *v, size_t n)
{
	size_t i;

	for (i = 0; i < n / 2; i++) {
		uint32_t t = v[i];
		v[i] = v[n - 1 - i];
		v[n - 1 - i] = t;
	}
}

/* Characters of the other side's context compared at a loose end. */
#define EDGE_CHARS 8

/* How far the text at a loose end of a candidate differs from the old
 * context there: before START against the prefix's end (BEFORE), or
 * after END against the suffix's start. */
static size_t
edge_cost(const char *body, size_t len, const struct anno_anchor *old, size_t at, int before)
{
	if (before) {
		size_t plen = strlen(old->prefix), p = back_chars(old->prefix, plen, EDGE_CHARS);

		return anno_edit_distance(body + back_chars(body, at, EDGE_CHARS),
		    at - back_chars(body, at, EDGE_CHARS), old->prefix + p, plen - p);
	}
	return anno_edit_distance(body + at, fwd_chars(body, len, at, EDGE_CHARS) - at, old->suffix,
	    fwd_chars(old->suffix, strlen(old->suffix), 0, EDGE_CHARS));
}

/*
 * The new version of the quote next to an unchanged context: the text
 * from A up to the suffix at B when both are known; with one side known,
 * the span running from A forwards (or from B backwards, Q then being the
 * reversed quote) within WIN bytes whose cost is least, counting both its
 * distance to the quote and how well its loose end agrees with the old
 * context there (so that a word inserted near the loose end is taken in
 * rather than traded for a cheaper truncated match). 0 when one fits.
 */
static int
fit(const char *body, size_t len, const struct anno_anchor *old, const struct bitpat *q,
    size_t bound, size_t a, size_t b, int have_a, int have_b, size_t win, size_t *cost,
    size_t *start, size_t *end)
{
	uint32_t *t;
	size_t *offs, *row, n, from, to, j, best = SIZE_MAX, best_j = 0;

	from = have_a ? a : (b > win ? b - win : 0);
	to = have_b ? b : (a + win < len ? a + win : len);
	/* A window cut by bytes is narrowed to whole characters. */
	if (text_char_start(body, from) != from)
		from = text_char_next(body, len, from);
	if (to < len)
		to = text_char_start(body, to);
	if (to <= from)
		return -1;
	n = decode(body + from, to - from, &t, &offs);
	if (!have_a)
		reverse(t, n);
	row = align(q, t, n);
	for (j = have_a && have_b ? n : 1; j <= n; j++) {
		size_t s = have_a ? from : from + offs[n - j], e = have_a ? from + offs[j] : to, c;

		if (row[j] > bound)
			continue;
		c = row[j] + (have_a && have_b ? 0 : edge_cost(body, len, old, have_a ? e : s, !have_a));
		if (c < best || (c == best && distance(j, q->m) < distance(best_j, q->m))) {
			best = c;
			best_j = j;
			*start = s;
			*end = e;
		}
	}
	free(row);
	free(t);
	free(offs);
	*cost = best;
	return best != SIZE_MAX && *end > *start ? 0 : -1;
}

/*
 * The quote was edited but its context was not (or not on both sides):
 * the new quote is the text next to the unchanged prefix or suffix that
 * is closest to the old quote, within an edit distance of half its
 * length, more than the general fuzzy search allows because the context
 * makes the placement certain. Catches a word inserted into a short
 * quote, and a quote reworded in place.
 */
/* A context found more often than this is no longer a landmark: only the
 * occurrences nearest the old position are tried, which bounds the cost
 * of a context repeated all through a long article. */
#define BETWEEN_HITS 16

struct hit {
	size_t at, dist;
};

static int
cmp_hit(const void *a, const void *b)
{
	const struct hit *x = a, *y = b;

	if (x->dist != y->dist)
		return x->dist < y->dist ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

/* The occurrences of CTX in the body nearest WANT, at most BETWEEN_HITS,
 * nearest first; *hits is malloc'd. */
static size_t
context_hits(const char *body, size_t len, const char *ctx, size_t clen, size_t want,
    struct hit **hits)
{
	size_t n = 0, cap = 0, at;
	const char *hit;

	*hits = NULL;
	for (at = 0; at + clen <= len && (hit = memmem(body + at, len - at, ctx, clen)) != NULL;
	    at = (size_t)(hit - body) + 1) {
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			*hits = xreallocarray(*hits, cap, sizeof **hits);
		}
		(*hits)[n].at = (size_t)(hit - body);
		(*hits)[n].dist = distance((size_t)(hit - body), want);
		n++;
	}
	if (n > 0)
		qsort(*hits, n, sizeof **hits, cmp_hit);
	return n < BETWEEN_HITS ? n : BETWEEN_HITS;
}

static enum anno_placed
place_between(const char *body, size_t len, const struct anno_anchor *old,
    size_t *start, size_t *end)
{
	size_t plen = strlen(old->prefix), slen = strlen(old->suffix), qlen = strlen(old->quote);
	size_t win = 2 * qlen + 8, best = SIZE_MAX, best_dist = SIZE_MAX, m, bound, side;
	uint32_t *q;
	size_t *qo;
	struct bitpat fwd, bwd;
	int found = 0;

	m = decode(old->quote, qlen, &q, &qo);
	free(qo);
	if (m < 4) {
		free(q);
		return ANNO_PLACED_NONE;
	}
	bound = m / 2;
	bitpat_init(&fwd, q, m);
	reverse(q, m);
	bitpat_init(&bwd, q, m);
	/* Side 0: after each occurrence of the prefix (with the suffix after
	 * it when it is there); side 1: before each occurrence of the suffix. */
	for (side = 0; side < 2; side++) {
		const char *ctx = side == 0 ? old->prefix : old->suffix;
		size_t clen = side == 0 ? plen : slen, nhits, h;
		struct hit *hits;

		if (clen == 0)
			continue;
		nhits = context_hits(body, len, ctx, clen,
		    side == 0 ? (old->start > plen ? old->start - plen : 0) : old->start + qlen, &hits);
		for (h = 0; h < nhits; h++) {
			size_t a = hits[h].at + clen, b = hits[h].at, cost, s = 0, e = 0;
			const char *sfx = NULL;
			int ok;

			if (side == 0 && slen > 0) {
				size_t lim = a + win + slen < len ? a + win + slen : len;
				sfx = memmem(body + a, lim - a, old->suffix, slen);
			}
			if (side == 0)
				ok = fit(body, len, old, &fwd, bound, a, sfx ? (size_t)(sfx - body) : 0, 1,
				    sfx != NULL, win, &cost, &s, &e) == 0;
			else
				ok = fit(body, len, old, &bwd, bound, 0, b, 0, 1, win, &cost, &s, &e) == 0;
			if (ok && (cost < best || (cost == best && distance(s, old->start) < best_dist))) {
				best = cost;
				best_dist = distance(s, old->start);
				*start = s;
				*end = e;
				found = 1;
			}
		}
		free(hits);
		if (found)
			break;    /* the prefix side found it; the suffix side is a fallback */
	}
	bitpat_free(&fwd);
	bitpat_free(&bwd);
	free(q);
	return found ? ANNO_PLACED_FUZZY : ANNO_PLACED_NONE;
}

/* A fuzzy match that begins or ends in the spaces around the quote's
 * words is trimmed to the words. */
static void
trim_spaces(const char *body, size_t *start, size_t *end)
{
	while (*end > *start && (body[*start] == ' ' || body[*start] == '\n'))
		(*start)++;
	while (*end > *start && (body[*end - 1] == ' ' || body[*end - 1] == '\n'))
		(*end)--;
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
	p = place_between(body, len, old, start, end);
	if (p == ANNO_PLACED_NONE)
		p = place_fuzzy(body, len, old, start, end);
	if (p == ANNO_PLACED_FUZZY) {
		size_t s0 = *start, e0 = *end;

		trim_spaces(body, start, end);
		if (*start == *end) {
			*start = s0;
			*end = e0;
		}
	}
	return p;
}
