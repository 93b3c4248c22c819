/*
 * text-segment.c: paragraphs, sentences and words of an article body, as
 * byte spans. Every sentence the extractor reads, every statement it finds
 * and every sentence motion in the reader comes from here.
 *
 * libunistring has no sentence breaker, so sentences follow rules of our
 * own: a stop (. ! ? … and the stops of other scripts), any closing quotes
 * or brackets after it (they stay with the sentence), then white space and
 * the start of a new sentence: a letter that is not lower case, a digit, or
 * an opening quote or bracket. Abbreviations come from a data file
 * (data/abbrev.txt) in three kinds: those that never end a sentence ("Mr."),
 * those that end one only before a typical sentence opener ("U.S." in "the
 * U.S. The visit") and the list of such openers. Initials ("J. Smith") and
 * letter-period runs ("U.N.") are recognized without a list. A dateline
 * ("MOSCOW —") at the start of a paragraph is a span of its own, so the
 * first sentence starts with its own first word. Full stops of CJK text
 * end a sentence without a following space.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>
#include <uniwbrk.h>

#include "text.h"

/* ---- a set of short strings ------------------------------------------ */

struct strset {
	char **slot;      /* open addressing; NULL is empty */
	size_t cap, n;    /* cap is a power of two */
};

static uint32_t
hash_bytes(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static int
strset_has(const struct strset *set, const char *s, size_t n)
{
	size_t i;

	if (set->cap == 0)
		return 0;
	for (i = hash_bytes(s, n) & (set->cap - 1); set->slot[i] != NULL;
	    i = (i + 1) & (set->cap - 1))
		if (strlen(set->slot[i]) == n && memcmp(set->slot[i], s, n) == 0)
			return 1;
	return 0;
}

static void
strset_add(struct strset *set, const char *s, size_t n)
{
	size_t i;

	if (strset_has(set, s, n))
		return;
	if ((set->n + 1) * 2 > set->cap) {
		struct strset big = { NULL, set->cap ? set->cap * 2 : 64, 0 };

		big.slot = xcalloc(big.cap, sizeof *big.slot);
		for (i = 0; i < set->cap; i++)
			if (set->slot[i] != NULL) {
				size_t j = hash_bytes(set->slot[i], strlen(set->slot[i])) &
				    (big.cap - 1);
				while (big.slot[j] != NULL)
					j = (j + 1) & (big.cap - 1);
				big.slot[j] = set->slot[i];
				big.n++;
			}
		free(set->slot);
		*set = big;
	}
	for (i = hash_bytes(s, n) & (set->cap - 1); set->slot[i] != NULL;
	    i = (i + 1) & (set->cap - 1))
		;
	set->slot[i] = xstrndup(s, n);
	set->n++;
}

static void
strset_free(struct strset *set)
{
	size_t i;

	for (i = 0; i < set->cap; i++)
		free(set->slot[i]);
	free(set->slot);
	set->slot = NULL;
	set->cap = set->n = 0;
}

/* ---- rules ------------------------------------------------------------ */

enum { SEC_ABBREV, SEC_MAYEND, SEC_STARTERS };

struct text_rules {
	struct strset abbrev;    /* never end a sentence */
	struct strset mayend;    /* end one before a starter or a quote */
	struct strset starters;  /* words that typically open a sentence */
};

static int
rules_line(struct text_rules *r, int *sec, const char *p, size_t n,
    const char *path, size_t lineno)
{
	size_t i;

	if (p[0] == '[') {
		if (n == 15 && memcmp(p, "[abbreviations]", 15) == 0)
			*sec = SEC_ABBREV;
		else if (n == 9 && memcmp(p, "[may-end]", 9) == 0)
			*sec = SEC_MAYEND;
		else if (n == 10 && memcmp(p, "[starters]", 10) == 0)
			*sec = SEC_STARTERS;
		else
			return err_set("%s:%zu: unknown section %.*s (expected "
			    "[abbreviations], [may-end] or [starters])", path, lineno,
			    (int)n, p);
		return 0;
	}
	for (i = 0; i < n; i++)
		if (p[i] == ' ' || p[i] == '\t')
			return err_set("%s:%zu: one entry per line, without spaces: "
			    "'%.*s'", path, lineno, (int)n, p);
	if (*sec == SEC_STARTERS) {
		if (p[n - 1] == '.')
			return err_set("%s:%zu: a starter is a word, without a period: "
			    "'%.*s'", path, lineno, (int)n, p);
		strset_add(&r->starters, p, n);
		return 0;
	}
	if (p[n - 1] != '.' || n < 2)
		return err_set("%s:%zu: an abbreviation ends with a period: '%.*s'",
		    path, lineno, (int)n, p);
	strset_add(*sec == SEC_ABBREV ? &r->abbrev : &r->mayend, p, n);
	return 0;
}

int
text_rules_load(const char *path, struct text_rules **out)
{
	struct text_rules *r;
	char *data;
	size_t len, pos = 0, lineno = 0;
	int sec = SEC_ABBREV;

	*out = NULL;
	if (path_read_file(path, 1 << 20, &data, &len) != 0)
		return -1;
	r = xcalloc(1, sizeof *r);
	while (pos < len) {
		const char *p = data + pos, *nl = memchr(p, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - p) : len - pos;

		pos += n + 1;
		lineno++;
		while (n > 0 && (p[n - 1] == '\r' || p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		while (n > 0 && (*p == ' ' || *p == '\t')) {
			p++;
			n--;
		}
		if (n == 0 || *p == '#')
			continue;
		if (rules_line(r, &sec, p, n, path, lineno) != 0) {
			free(data);
			text_rules_free(r);
			return -1;
		}
	}
	free(data);
	*out = r;
	return 0;
}

void
text_rules_free(struct text_rules *r)
{
	if (r == NULL)
		return;
	strset_free(&r->abbrev);
	strset_free(&r->mayend);
	strset_free(&r->starters);
	free(r);
}

/* ---- characters ------------------------------------------------------- */

/* Decodes the character at s[i] (valid UTF-8 assumed; a bad byte decodes
 * as U+FFFD of length 1). */
static size_t
dec(const char *s, size_t len, size_t i, ucs4_t *uc)
{
	unsigned char c = (unsigned char)s[i];

	if (c < 0x80) {
		*uc = c;
		return 1;
	}
	return (size_t)u8_mbtouc(uc, (const uint8_t *)s + i, len - i);
}

/* White space between sentences and words. No-break spaces are not: they
 * are put there so that the two sides stay together. */
static int
is_break_space(ucs4_t uc)
{
	if (uc < 0x80)
		return uc == ' ' || (uc >= '\t' && uc <= '\r');
	return uc == 0x85 || uc == 0x1680 || (uc >= 0x2000 && uc <= 0x200A &&
	    uc != 0x2007) || uc == 0x2028 || uc == 0x2029 || uc == 0x205F ||
	    uc == 0x3000;
}

/* Spaces trimmed from the ends of a paragraph, no-break ones included. */
static int
is_trim_space(ucs4_t uc)
{
	return is_break_space(uc) || uc == 0xA0 || uc == 0x2007 || uc == 0x202F ||
	    uc == 0xFEFF;
}

static int
is_line_break(ucs4_t uc)
{
	return uc == '\n' || uc == '\r' || uc == '\v' || uc == '\f' || uc == 0x85 ||
	    uc == 0x2028 || uc == 0x2029;
}

enum { STOP_NONE, STOP_SPACED, STOP_CJK };

static int
stop_kind(ucs4_t uc)
{
	switch (uc) {
	case '.': case '!': case '?':
	case 0x2026:                    /* … */
	case 0x203C: case 0x2047: case 0x2048: case 0x2049:  /* ‼ ⁇ ⁈ ⁉ */
	case 0x0589:                    /* Armenian full stop */
	case 0x037E:                    /* Greek question mark */
	case 0x061F: case 0x06D4:       /* Arabic question mark, full stop */
	case 0x0964: case 0x0965:       /* Devanagari danda */
	case 0x1362:                    /* Ethiopic full stop */
		return STOP_SPACED;
	case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF61:
		return STOP_CJK;
	default:
		return STOP_NONE;
	}
}

/* A colon after an Armenian letter at S[I]: Armenian text often types
 * its full stop "։" as the colon it looks like ("... ասել է: Այս ...");
 * Armenian's own colon is another sign ("․"). Source:
 * https://en.wikipedia.org/wiki/Armenian_punctuation */
static int
armenian_colon(const char *s, size_t i)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned c;

	/* The letter before is two bytes in UTF-8; only the Armenian capitals
	 * (U+0531..U+0556) and small letters (U+0560..U+0588) count, not the
	 * Cyrillic Supplement or the Hebrew points that share the lead bytes. */
	if (s[i] != ':' || i < 2 || (u[i - 2] & 0xE0) != 0xC0 || (u[i - 1] & 0xC0) != 0x80)
		return 0;
	c = (unsigned)(u[i - 2] & 0x1F) << 6 | (u[i - 1] & 0x3F);
	return (c >= 0x0531 && c <= 0x0556) || (c >= 0x0560 && c <= 0x0588);
}

/* Closing quotes and brackets stay with the sentence before them. */
static int
is_closer(ucs4_t uc)
{
	switch (uc) {
	case '"': case '\'': case ')': case ']': case '}':
	case 0x2019: case 0x201D: case 0x00BB: case 0x203A:
	case 0x300D: case 0x300F: case 0x3011: case 0x3015:
	case 0xFF09: case 0xFF3D: case 0xFF5D:
		return 1;
	default:
		return 0;
	}
}

/* Opening quotes and brackets belong to the sentence after them. */
static int
is_opener(ucs4_t uc)
{
	switch (uc) {
	case '"': case '\'': case '(': case '[': case '{':
	case 0x2018: case 0x201C: case 0x201A: case 0x201E:
	case 0x00AB: case 0x2039: case 0x00BF: case 0x00A1:
	case 0x300C: case 0x300E: case 0x3010: case 0x3014:
	case 0xFF08: case 0xFF3B: case 0xFF5B:
		return 1;
	default:
		return 0;
	}
}

/* A letter that may begin a sentence: any letter but a lower-case one
 * (scripts without case begin with whatever letter they like), or a digit. */
static int
is_sentence_initial(ucs4_t uc)
{
	if (uc < 0x80)
		return (uc >= 'A' && uc <= 'Z') || (uc >= '0' && uc <= '9');
	if (uc_is_general_category(uc, UC_CATEGORY_Ll))
		return 0;
	return uc_is_general_category(uc, UC_CATEGORY_L) ||
	    uc_is_general_category(uc, UC_CATEGORY_Nd);
}

static int
is_upper(ucs4_t uc)
{
	if (uc < 0x80)
		return uc >= 'A' && uc <= 'Z';
	return uc_is_general_category(uc, UC_CATEGORY_Lu) ||
	    uc_is_general_category(uc, UC_CATEGORY_Lt);
}

static int
is_letter(ucs4_t uc)
{
	if (uc < 0x80)
		return (uc | 32) >= 'a' && (uc | 32) <= 'z';
	return uc_is_general_category(uc, UC_CATEGORY_L);
}

static int
is_digit(ucs4_t uc)
{
	return uc >= '0' && uc <= '9';
}

/* ---- span vectors ----------------------------------------------------- */

struct spans {
	struct text_span *v;
	size_t n, cap;
};

static void
spans_push(struct spans *sp, size_t start, size_t end)
{
	if (start >= end)
		return;
	if (sp->n == sp->cap) {
		sp->cap = sp->cap ? sp->cap * 2 : 16;
		sp->v = xreallocarray(sp->v, sp->cap, sizeof *sp->v);
	}
	sp->v[sp->n].start = start;
	sp->v[sp->n].end = end;
	sp->n++;
}

static size_t
spans_done(struct spans *sp, struct text_span **out)
{
	if (sp->v == NULL)
		sp->v = xmalloc(sizeof *sp->v);  /* callers may always free */
	*out = sp->v;
	return sp->n;
}

/* ---- paragraphs ------------------------------------------------------- */

/* Narrows [*a, *b) to exclude spaces at both ends. */
static void
trim(const char *s, size_t *a, size_t *b)
{
	size_t n, p;
	ucs4_t uc;

	while (*a < *b && (n = dec(s, *b, *a, &uc)) && is_trim_space(uc))
		*a += n;
	while (*b > *a) {
		p = text_char_prev(s, *b);
		dec(s, *b, p, &uc);
		if (!is_trim_space(uc))
			break;
		*b = p;
	}
}

size_t
text_paragraphs(const char *s, size_t len, struct text_span **out)
{
	struct spans sp = { NULL, 0, 0 };
	size_t i = 0, start = 0, n, a, b;
	ucs4_t uc;

	/* Every line break ends a paragraph: news text has one per line, and a
	 * break the reader could not draw inside a paragraph has no place. */
	while (i < len) {
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		n = dec(s, len, i, &uc);
		if (is_line_break(uc)) {
			a = start;
			b = i;
			trim(s, &a, &b);
			spans_push(&sp, a, b);
			start = i + n;
		}
		i += n;
	}
	a = start;
	b = len;
	trim(s, &a, &b);
	spans_push(&sp, a, b);
	return spans_done(&sp, out);
}

/* ---- sentences -------------------------------------------------------- */

/*
 * A dateline opening a paragraph: a first word in capitals ("MOSCOW",
 * "BAKU, Azerbaijan (AP)") up to a dash with spaces around it, followed by
 * a capital or a digit. Returns the offset just after the dash, or 0.
 */
static size_t
dateline_end(const char *s, size_t len, size_t start)
{
	size_t i = start, n, caps = 0, limit = start + 80;
	ucs4_t uc;

	while (i < len && (n = dec(s, len, i, &uc)) && is_letter(uc)) {
		if (!is_upper(uc))
			return 0;
		caps++;
		i += n;
	}
	if (caps < 2)
		return 0;
	while (i < len && i < limit) {
		n = dec(s, len, i, &uc);
		if ((uc == 0x2014 || uc == 0x2013) && i > start && s[i - 1] == ' ' &&
		    i + n < len && s[i + n] == ' ') {
			size_t j = i + n + 1;

			if (j < len && (dec(s, len, j, &uc), is_upper(uc) || is_digit(uc)))
				return i + n;
			return 0;
		}
		if (stop_kind(uc) != STOP_NONE && uc != '.')
			return 0;
		i += n;
	}
	return 0;
}

/* Is [a, b) a run of single letters each followed by a period ("J.",
 * "U.N.")? Such tokens are initials or acronyms. */
static int
is_initials(const char *s, size_t a, size_t b)
{
	size_t i = a, n, letters = 0;
	ucs4_t uc;

	while (i < b) {
		n = dec(s, b, i, &uc);
		if (!is_letter(uc) || i + n >= b || s[i + n] != '.')
			return 0;
		if (letters == 0 && !is_upper(uc))
			return 0;
		letters++;
		i += n + 1;
	}
	return letters > 0;
}

/* Is the token s[a, b) (it ends with the period) in SET, as written or,
 * for an entry starting in lower case, with its first letter capitalized? */
static int
token_in(const struct strset *set, const char *s, size_t a, size_t b)
{
	char tmp[64];

	if (strset_has(set, s + a, b - a))
		return 1;
	if (b - a < sizeof tmp && s[a] >= 'A' && s[a] <= 'Z') {
		memcpy(tmp, s + a, b - a);
		tmp[0] = (char)(tmp[0] + 32);
		return strset_has(set, tmp, b - a);
	}
	return 0;
}

/* The word (letters) starting at s[i]: is it a listed sentence starter? */
static int
next_is_starter(const struct text_rules *r, const char *s, size_t len, size_t i)
{
	size_t j = i, n;
	ucs4_t uc;

	while (j < len && (n = dec(s, len, j, &uc)) && is_letter(uc))
		j += n;
	return j > i && strset_has(&r->starters, s + i, j - i);
}

/*
 * Does the period at s[dot] end the sentence begun at START, given that
 * white space follows and the next sentence would start at NEXT (after any
 * opening quotes, which OPENED says were there)?
 */
static int
period_ends(const struct text_rules *r, const char *s, size_t len, size_t start,
    size_t dot, size_t next, int opened)
{
	size_t a = dot, n;
	ucs4_t uc;
	int mayend;

	/* The token: back to white space, then past any opening marks. */
	while (a > start) {
		size_t p = text_char_prev(s, a);
		dec(s, len, p, &uc);
		if (is_break_space(uc))
			break;
		a = p;
	}
	while (a < dot && (n = dec(s, len, a, &uc)) && is_opener(uc))
		a += n;
	if (a == dot)
		return 1;
	if (r != NULL && token_in(&r->abbrev, s, a, dot + 1))
		return 0;
	/* "1. First point" at the start: a list number, not a sentence. */
	if (a == start) {
		size_t k = a;
		while (k < dot && is_digit((ucs4_t)s[k]))
			k++;
		if (k == dot)
			return 0;
	}
	mayend = is_initials(s, a, dot + 1) ||
	    (r != NULL && token_in(&r->mayend, s, a, dot + 1));
	if (!mayend)
		return 1;
	if (opened)
		return 1;
	return r != NULL && next_is_starter(r, s, len, next);
}

size_t
text_sentences(const struct text_rules *r, const char *s, size_t len,
    struct text_span **out)
{
	struct spans sp = { NULL, 0, 0 };
	size_t i, start, n, d;
	ucs4_t uc;

	start = 0;
	while (start < len && (n = dec(s, len, start, &uc)) && is_trim_space(uc))
		start += n;
	d = dateline_end(s, len, start);
	if (d != 0) {
		spans_push(&sp, start, d);
		start = d;
		while (start < len && (n = dec(s, len, start, &uc)) && is_trim_space(uc))
			start += n;
	}
	i = start;
	while (i < len) {
		size_t j, end, next, w;
		int kind, single, opened = 0;

		/* Most bytes are ASCII letters: skip them without decoding. */
		if ((unsigned char)s[i] < 0x80 && s[i] != '.' && s[i] != '!' &&
		    s[i] != '?' && !armenian_colon(s, i)) {
			i++;
			continue;
		}
		n = dec(s, len, i, &uc);
		kind = uc == ':' ? STOP_SPACED : stop_kind(uc);
		if (kind == STOP_NONE) {
			i += n;
			continue;
		}
		single = uc == '.';
		for (j = i + n; j < len && (n = dec(s, len, j, &uc)) && stop_kind(uc) != STOP_NONE; j += n)
			single = 0;
		for (end = j; end < len && (n = dec(s, len, end, &uc)) && is_closer(uc); end += n)
			;
		for (w = end; w < len && (n = dec(s, len, w, &uc)) && is_break_space(uc); w += n)
			;
		if (w >= len)
			break;
		if (kind != STOP_CJK) {
			if (w == end) {
				i = j;
				continue;
			}
			for (next = w; next < len && (n = dec(s, len, next, &uc)) && is_opener(uc); next += n)
				opened = 1;
			if (next >= len || (!opened && !is_sentence_initial(uc)) ||
			    (single && !period_ends(r, s, len, start, i, next, opened))) {
				i = j;
				continue;
			}
		}
		spans_push(&sp, start, end);
		start = i = w;
	}
	/* The last sentence runs to the end, without trailing space. */
	n = len;
	trim(s, &start, &n);
	spans_push(&sp, start, n);
	return spans_done(&sp, out);
}

/* ---- words ------------------------------------------------------------ */

/* A u8_wordbreaks segment is a word when it starts with a letter or digit;
 * spaces and punctuation come as segments of their own. */
static int
is_word_char(ucs4_t uc)
{
	return uc_is_alnum(uc) || uc_is_general_category(uc, UC_CATEGORY_L) ||
	    uc_is_general_category(uc, UC_CATEGORY_N);
}

/* Calls FN with each word of s[a, b) (offsets into s) until it returns 0. */
static void
each_word(const char *s, size_t a, size_t b, int (*fn)(void *, size_t, size_t),
    void *arg)
{
	char *brk;
	size_t i, w = a;
	ucs4_t uc;

	if (b <= a)
		return;
	brk = xmalloc(b - a);
	u8_wordbreaks((const uint8_t *)s + a, b - a, brk);
	for (i = a + 1; i <= b; i++) {
		if (i < b && !brk[i - a])
			continue;
		dec(s, b, w, &uc);
		if (is_word_char(uc) && !fn(arg, w, i))
			break;
		w = i;
	}
	free(brk);
}

static int
collect_word(void *arg, size_t a, size_t b)
{
	spans_push(arg, a, b);
	return 1;
}

size_t
text_words(const char *s, size_t len, struct text_span **out)
{
	struct spans sp = { NULL, 0, 0 };

	each_word(s, 0, len, collect_word, &sp);
	return spans_done(&sp, out);
}

struct word_seek {
	size_t off, found;
	int have;
};

static int
first_after(void *arg, size_t a, size_t b)
{
	struct word_seek *ws = arg;

	(void)b;
	if (a > ws->off) {
		ws->found = a;
		ws->have = 1;
		return 0;
	}
	return 1;
}

static int
last_before(void *arg, size_t a, size_t b)
{
	struct word_seek *ws = arg;

	(void)b;
	if (a >= ws->off)
		return 0;
	ws->found = a;
	ws->have = 1;
	return 1;
}

/* Word motion looks at a window around OFF, widened until it finds a word
 * or reaches the end, so it stays cheap in a huge paragraph. Words are
 * found from a window start that may fall inside a word; the word found
 * is then a tail, which is why the window starts well before OFF. */
size_t
text_word_next(const char *s, size_t len, size_t off)
{
	size_t back = 64, ahead = 256, a, b;
	struct word_seek ws = { off, 0, 0 };

	if (off >= len)
		return len;
	off = text_char_start(s, off);
	ws.off = off;
	a = off > back ? text_char_prev(s, off - back + 1) : 0;
	for (;;) {
		b = len - off > ahead ? text_char_prev(s, off + ahead + 1) : len;
		each_word(s, a, b, first_after, &ws);
		if (ws.have && (ws.found + 16 < b || b == len))
			return ws.found;
		if (b == len)
			return len;
		ws.have = 0;
		ahead *= 4;
	}
}

size_t
text_word_prev(const char *s, size_t len, size_t off)
{
	size_t back = 256, a;
	struct word_seek ws = { 0, 0, 0 };

	if (off > len)
		off = len;
	if (off < len)
		off = text_char_start(s, off);
	ws.off = off;
	for (;;) {
		a = off > back ? text_char_prev(s, off - back + 1) : 0;
		each_word(s, a, off, last_before, &ws);
		/* A word found at the window's start may be the tail of a longer
		 * one: look further back unless at the text's start. */
		if ((ws.have && ws.found > a) || a == 0)
			return ws.have ? ws.found : 0;
		ws.have = 0;
		back *= 4;
	}
}
