/*
 * text-layout.c: how an article body goes onto a terminal: which bytes go
 * on which line at a given width, which cells each cluster takes, and what
 * is actually sent to the terminal for it. The reader draws from here and
 * maps cursors, search hits and highlights between byte offsets and cells
 * with it; the approach (lazy per-paragraph line cache, restart points in
 * huge paragraphs, safe stand-ins for control characters) is described in
 * text.h.
 *
 * Everything here works on one "item" at a time: a grapheme cluster, or a
 * control/format character on its own, or a tab. measure() says how many
 * bytes and cells an item takes; wrapping, column mapping and drawing all
 * use it, so they cannot disagree.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#include "text.h"

#define BACK 64        /* context before a line start for UAX #14 */
#define CLUSTER_DRAW 32 /* at most this many bytes of one cluster are drawn */

struct lrec {          /* a cached line; offsets relative to its paragraph */
	size_t start, end, cend;
	int cells;
};

struct pcache {        /* the lines known in one paragraph, sorted */
	struct lrec *v;
	size_t n, cap;
};

struct text_layout {
	const char *body;
	size_t len;
	struct text_span *paras;
	size_t npara;
	int width, tab;
	struct pcache *pc;
	char *brk;             /* scratch for u8_possible_linebreaks */
	size_t brkcap;
};

/* ---- items ------------------------------------------------------------ */

enum what {
	W_ASCII,     /* a printable ASCII byte */
	W_SPACE,     /* a breaking space: hangs at a line's end */
	W_TAB,
	W_CARET,     /* C0 or DEL as ^X */
	W_CODE,      /* <U+XXXX> */
	W_BAD,       /* a byte that is not UTF-8: drawn as U+FFFD */
	W_CLUSTER,   /* a grapheme cluster, drawn as itself */
	W_ORPHAN,    /* a cluster starting with a zero-width mark */
};

struct item {
	size_t end;      /* end of the item's bytes */
	size_t drawlen;  /* for clusters: bytes drawn (a prefix) */
	int w;           /* cells */
	enum what what;
	ucs4_t uc;       /* the first character */
};

static int
is_zw_joiner(ucs4_t uc)
{
	return uc == 0x200D || uc == 0x200C;
}

/* Characters never sent as they are: controls, format characters, line
 * and paragraph separators, unassigned code points. */
static int
is_unsafe(ucs4_t uc)
{
	if (uc < 0xA0)
		return uc < 0x20 || uc >= 0x7F;
	return uc_is_general_category_withtable(uc, UC_CATEGORY_MASK_Cc |
	    UC_CATEGORY_MASK_Cf | UC_CATEGORY_MASK_Cs | UC_CATEGORY_MASK_Cn |
	    UC_CATEGORY_MASK_Zl | UC_CATEGORY_MASK_Zp) || uc_width(uc, "UTF-8") < 0;
}

/* Spaces a line may break after and that hang at its end (not no-break
 * ones, which join words). */
static int
is_hanging_space(ucs4_t uc)
{
	return uc == ' ' || uc == 0x1680 || (uc >= 0x2000 && uc <= 0x200A &&
	    uc != 0x2007) || uc == 0x205F || uc == 0x3000;
}

static int
code_width(ucs4_t uc)
{
	return uc > 0xFFFFF ? 10 : uc > 0xFFFF ? 9 : 8;  /* <U+XXXX> */
}

static size_t
decode(const char *t, size_t n, size_t i, ucs4_t *uc)
{
	return (size_t)u8_mbtouc(uc, (const uint8_t *)t + i, n - i);
}

/*
 * End of the grapheme cluster starting at t[i] (whose first character is
 * C0, L0 bytes). Pairwise rules suffice except for emoji ZWJ sequences and
 * regional-indicator pairs, which need the whole-run rules of
 * u8_grapheme_breaks; those are run on a small window.
 */
static size_t
cluster_end(const char *t, size_t n, size_t i, ucs4_t c0, size_t l0)
{
	size_t j = i + l0, k, win;
	ucs4_t prev = c0, c;
	char brk[256], *p;

	if (c0 >= 0x1F1E6 && c0 <= 0x1F1FF)
		goto context;
	while (j < n) {
		if ((unsigned char)t[j] < 0x80 && prev < 0x80 && prev != '\r')
			return j;  /* nothing attaches to an ASCII character */
		k = decode(t, n, j, &c);
		if (c == 0x200D)
			goto context;
		if (uc_is_grapheme_break(prev, c))
			return j;
		prev = c;
		j += k;
	}
	return n;
context:
	for (win = 64;; win *= 4) {
		size_t m = n - i < win ? n - i : win;

		p = m <= sizeof brk ? brk : xmalloc(m);
		u8_grapheme_breaks((const uint8_t *)t + i, m, p);
		for (k = 1; k < m && !p[k]; k++)
			;
		if (p != brk)
			free(p);
		/* A break found before the window's end is certain; at the end
		 * the cluster may go on. */
		if (k < m || i + m == n)
			return i + k;
	}
}

static void
measure(const struct text_layout *l, const char *t, size_t n, size_t i, int col,
    struct item *it)
{
	unsigned char c = (unsigned char)t[i];
	size_t len = 1, j, k;
	ucs4_t uc;
	int w, cw, joined;

	it->uc = c;
	it->end = i + 1;
	it->drawlen = 1;
	if (c == '\t') {
		it->what = W_TAB;
		it->w = col >= l->width ? 1 : l->tab - col % l->tab;
		if (col < l->width && it->w > l->width - col)
			it->w = l->width - col;
		return;
	}
	if (c < 0x20 || c == 0x7F) {
		it->what = W_CARET;
		it->w = 2;
		return;
	}
	if (c < 0x80) {
		it->what = c == ' ' ? W_SPACE : W_ASCII;
		it->w = 1;
		if (i + 1 < n && (unsigned char)t[i + 1] >= 0x80) {
			/* A combining mark may follow even an ASCII letter. */
			it->end = cluster_end(t, n, i, c, 1);
			if (it->end > i + 1)
				goto cluster;
		}
		return;
	}
	len = decode(t, n, i, &uc);
	it->uc = uc;
	it->end = i + len;
	if (uc == 0xFFFD && (len != 3 || memcmp(t + i, "\xEF\xBF\xBD", 3) != 0)) {
		it->what = W_BAD;
		it->w = 1;
		return;
	}
	if (is_unsafe(uc)) {
		it->what = W_CODE;
		it->w = code_width(uc) < l->width ? code_width(uc) : l->width;
		return;
	}
	it->end = cluster_end(t, n, i, uc, len);
	if (is_hanging_space(uc) && it->end == i + len) {
		it->what = W_SPACE;
		it->w = uc_width(uc, "UTF-8");
		if (it->w < 1)
			it->w = 1;
		return;
	}
cluster:
	/* The cells of a cluster: its characters' widths, except those joined
	 * on by a ZWJ and skin-tone modifiers, which change how the emoji before
	 * them looks rather than add one; only as much as fits the line and CLUSTER_DRAW bytes is
	 * drawn and counted. A format character inside ends the cluster, so it
	 * is shown on its own. */
	w = uc_width(it->uc, "UTF-8");
	it->what = W_CLUSTER;
	if (w <= 0) {
		it->what = W_ORPHAN;
		w = 1;
	}
	joined = it->uc == 0x200D;
	for (j = i + (it->uc < 0x80 ? 1 : len), k = j; j < it->end; j += len) {
		len = decode(t, n, j, &uc);
		if (is_unsafe(uc) && !is_zw_joiner(uc)) {
			it->end = j;
			break;
		}
		cw = joined || uc_is_property_emoji_modifier(uc) ? 0 : uc_width(uc, "UTF-8");
		joined = uc == 0x200D;
		if (cw < 0)
			cw = 0;
		if (j + len - i > CLUSTER_DRAW - (it->what == W_ORPHAN ? 3 : 0) ||
		    w + cw > l->width)
			break;
		w += cw;
		k = j + len;
	}
	it->drawlen = k - i;
	it->w = w;
}

/* ---- wrapping ---------------------------------------------------------- */

static int
is_alnum_ascii(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

/*
 * The common case of where a line that overflows at item I breaks: I is
 * in a plain ASCII word (or is the punctuation right after one) preceded
 * by spaces, and before the spaces is an ASCII character that does not
 * open a bracket. UAX #14 then allows a break after the spaces (LB18)
 * and none inside the word (LB13, LB28, LB23), so the break is at the
 * word's start without asking u8_possible_linebreaks. SP/SPCOL are the
 * start and column of the last run of spaces the line went through.
 */
static int
quick_break(const char *t, size_t s, size_t i, size_t sp, int spcol,
    struct lrec *out)
{
	unsigned char c = (unsigned char)t[i], b;
	size_t j = i, k;

	while (j > s && is_alnum_ascii((unsigned char)t[j - 1]))
		j--;
	if (!is_alnum_ascii(c) && (j == i || strchr(".,:;!?", c) == NULL || c == '\0'))
		return 0;
	if (j <= s || t[j - 1] != ' ')
		return 0;
	for (k = j - 1; k > s && t[k - 1] == ' '; k--)
		;
	if (k <= s || k != sp)
		return 0;
	b = (unsigned char)t[k - 1];
	if (b >= 0x80 || b < 0x20 || b == '(' || b == '[' || b == '{')
		return 0;
	out->start = s;
	out->end = j;
	out->cend = k;
	out->cells = spcol;
	return 1;
}

/* UAX #14 LB29 (IS x AL/HL): no break between a full stop, comma, colon
 * or semicolon and the letter after it, so "U.S." and "e.g." stay whole.
 * libunistring 1.0 offers a break there; this takes it back. */
static int
infix_separator(ucs4_t c)
{
	switch (c) {
	case ',': case '.': case ':': case ';':
	case 0x037E: case 0x0589: case 0x060C: case 0x060D: case 0x07F8: case 0x2044:
	case 0xFE10: case 0xFE13: case 0xFE14:
		return 1;
	default:
		return 0;
	}
}

static void
forbid_infix_breaks(const char *t, size_t lo, size_t hi, char *brk)
{
	const uint8_t *s = (const uint8_t *)t;
	size_t p;
	ucs4_t c, b;

	for (p = lo + 1; p < hi; p++) {
		if (brk[p - lo] != UC_BREAK_POSSIBLE)
			continue;
		if (u8_mbtouc(&c, s + p, hi - p) <= 0 || !uc_is_general_category(c, UC_CATEGORY_L))
			continue;
		if (u8_prev(&b, s + p, s + lo) != NULL && infix_separator(b))
			brk[p - lo] = UC_BREAK_PROHIBITED;
	}
}

/*
 * Where a line from S that overflows at item I breaks, in general: the
 * last UAX #14 opportunity at an item start in (S, I], computed by
 * u8_possible_linebreaks on the end of the line (with some context
 * before), or on all of it when the end has none. With none at all, the
 * line breaks at I, a cluster boundary. CEND/CELLS describe [S, I).
 */
static void
slow_break(struct text_layout *l, const char *t, size_t n, size_t s, size_t i,
    size_t cend, int cells, struct lrec *out)
{
	size_t lo = i - s > 160 ? text_char_start(t, i - 160) : s > BACK ? text_char_start(t, s - BACK) : 0;
	size_t hi = n - i > 16 ? text_char_start(t, i + 16) : n, p, best, bcend = s, ce;
	int col, bcells = 0, cl;
	struct item it;

	for (;;) {
		if (hi - lo > l->brkcap) {
			l->brkcap = hi - lo;
			free(l->brk);
			l->brk = xmalloc(l->brkcap);
		}
		u8_possible_linebreaks((const uint8_t *)t + lo, hi - lo, "UTF-8", l->brk);
		forbid_infix_breaks(t, lo, hi, l->brk);
		best = s;
		col = cl = 0;
		for (p = s, ce = s; p <= i; p = it.end) {
			if (p > s && p >= lo && l->brk[p - lo] == UC_BREAK_POSSIBLE) {
				best = p;
				bcend = ce;
				bcells = cl;
			}
			if (p == i)
				break;
			measure(l, t, n, p, col, &it);
			col += it.w;
			if (it.what != W_SPACE && it.what != W_TAB) {
				ce = it.end;
				cl = col;
			}
		}
		if (best > s) {
			out->start = s;
			out->end = best;
			out->cend = bcend;
			out->cells = bcells;
			return;
		}
		if (lo <= s)
			break;
		lo = s > BACK ? text_char_start(t, s - BACK) : 0;
	}
	out->start = s;
	out->end = i;
	out->cend = cend;
	out->cells = cells;
}

/* One line of paragraph text t[0, n) from S, not crossing STOP. */
static void
wrap_line(struct text_layout *l, const char *t, size_t n, size_t s, size_t stop,
    struct lrec *out)
{
	size_t i = s, cend = s, sp = s;
	int width = l->width, col = 0, cells = 0, spcol = 0, inspace = 0;
	struct item it;

	while (i < stop) {
		unsigned char c = (unsigned char)t[i];

		/* Printable ASCII not followed by a combining mark. */
		if (c >= 0x20 && c < 0x7F && (i + 1 == n || (unsigned char)t[i + 1] < 0x80)) {
			if (c == ' ') {
				if (!inspace) {
					sp = i;
					spcol = col;
					inspace = 1;
				}
				col++;
				i++;
				continue;
			}
			if (col >= width && i > s)
				goto wrap;
			inspace = 0;
			i++;
			cend = i;
			cells = ++col;
			continue;
		}
		measure(l, t, n, i, col, &it);
		if (it.what == W_SPACE || it.what == W_TAB) {
			if (!inspace) {
				sp = i;
				spcol = col;
				inspace = 1;
			}
			col += it.w;
			i = it.end;
			continue;
		}
		if (col + it.w > width && i > s)
			goto wrap;
		inspace = 0;
		col += it.w;
		i = it.end;
		cend = i;
		cells = col;
	}
	out->start = s;
	out->end = i < stop ? i : stop;
	out->cend = cend < out->end ? cend : out->end;
	out->cells = cells;
	return;
wrap:
	if (!quick_break(t, s, i, sp, spcol, out))
		slow_break(l, t, n, s, i, cend, cells, out);
}

/* ---- the line cache --------------------------------------------------- */

static const char *
ptext(const struct text_layout *l, size_t p, size_t *n)
{
	*n = l->paras[p].end - l->paras[p].start;
	return l->body + l->paras[p].start;
}

struct line_key {
	const struct pcache *pc;
	size_t off;
};

static int
line_past(const void *arg, size_t i)
{
	const struct line_key *k = arg;

	return k->pc->v[i].start > k->off;
}

/* Index of the last cached line starting at or before OFF, or -1. */
static long
find_le(const struct pcache *pc, size_t off)
{
	struct line_key k = { pc, off };

	return (long)text_search(pc->n, line_past, &k) - 1;
}

/* Lays out lines of paragraph P from FROM (a line start) until one reaches
 * past WANT or STOP (the next cached line start, or the end) is reached,
 * and puts them in the cache. */
static void
fill(struct text_layout *l, size_t p, size_t from, size_t stop, size_t want)
{
	struct pcache *pc = &l->pc[p];
	struct lrec *tmp = NULL, r;
	size_t n, k = 0, cap = 0, s = from, at;
	const char *t = ptext(l, p, &n);

	while (s < stop) {
		wrap_line(l, t, n, s, stop, &r);
		if (k == cap) {
			cap = cap ? cap * 2 : 64;
			tmp = xreallocarray(tmp, cap, sizeof *tmp);
		}
		tmp[k++] = r;
		s = r.end;
		/* A few lines past the one wanted: the reader asks for the
		 * next ones right after. */
		if (r.end > want && k >= 64)
			break;
	}
	if (k == 0)
		return;
	if (pc->n + k > pc->cap) {
		while (pc->n + k > pc->cap)
			pc->cap = pc->cap ? pc->cap * 2 : 16;
		pc->v = xreallocarray(pc->v, pc->cap, sizeof *pc->v);
	}
	at = (size_t)(find_le(pc, from) + 1);
	memmove(pc->v + at + k, pc->v + at, (pc->n - at) * sizeof *pc->v);
	memcpy(pc->v + at, tmp, k * sizeof *tmp);
	pc->n += k;
	free(tmp);
}

/*
 * Sync points: in a paragraph longer than TEXT_LAYOUT_JUMP, a line always
 * ends at the first position after a space at or after each multiple of
 * TEXT_LAYOUT_JUMP (else at a cluster boundary near there). They depend on the
 * text only, so any line can be laid out exactly from the sync point before
 * it, however far into the paragraph.
 */
static size_t
sync_point(const char *t, size_t n, size_t m)
{
	size_t base = m * TEXT_LAYOUT_JUMP, i, lim;
	const uint8_t *e;

	if (m == 0)
		return 0;
	if (base >= n)
		return n;
	lim = n - base > 4096 ? base + 4096 : n;
	/* After a space before a printable ASCII character: a break
	 * opportunity and a cluster boundary for sure. */
	for (i = base + 1; i < lim; i++)
		if (t[i - 1] == ' ' && t[i] > ' ' && t[i] < 0x7F)
			return i;
	/* Between two ASCII characters: at least a cluster boundary. */
	for (i = base + 1; i < lim; i++)
		if ((unsigned char)t[i - 1] < 0x80 && t[i - 1] != '\r' &&
		    (unsigned char)t[i] < 0x80)
			return i;
	base = text_char_start(t, base);
	e = u8_grapheme_next((const uint8_t *)t + base, (const uint8_t *)t + n);
	return e ? (size_t)(e - (const uint8_t *)t) : n;
}

/* The last sync point at or before OFF (0 for none). */
static size_t
sync_before(const char *t, size_t n, size_t off)
{
	size_t m = off / TEXT_LAYOUT_JUMP, q;

	for (; m > 0; m--)
		if ((q = sync_point(t, n, m)) <= off)
			return q;
	return 0;
}

/* The first sync point after OFF (N for none). */
static size_t
sync_after(const char *t, size_t n, size_t off)
{
	size_t m = off / TEXT_LAYOUT_JUMP, q;

	for (;; m++) {
		q = sync_point(t, n, m);
		if (q > off || q >= n)
			return q > off ? q : n;
	}
}

/* The cached line of paragraph P holding relative offset OFF, laying out
 * what is needed: from the end of the cached line before OFF, or from the
 * sync point before OFF when that is nearer, up to the next cached line or
 * sync point. */
static const struct lrec *
line_rel(struct text_layout *l, size_t p, size_t off)
{
	static const struct lrec empty = { 0, 0, 0, 0 };
	struct pcache *pc = &l->pc[p];
	size_t n, from, stop, sb;
	const char *t = ptext(l, p, &n);
	long k;

	if (n == 0)
		return &empty;
	if (off >= n)
		off = n - 1;
	if (pc->n == 0 && n <= TEXT_LAYOUT_JUMP)
		fill(l, p, 0, n, SIZE_MAX);
	k = find_le(pc, off);
	if (k >= 0 && off < pc->v[k].end)
		return &pc->v[k];
	from = k >= 0 ? pc->v[k].end : 0;
	stop = (size_t)(k + 1) < pc->n ? pc->v[k + 1].start : n;
	if (n > TEXT_LAYOUT_JUMP) {
		sb = sync_before(t, n, off);
		if (sb > from)
			from = sb;
		sb = sync_after(t, n, from);
		if (sb < stop)
			stop = sb;
	}
	fill(l, p, from, stop, off);
	k = find_le(pc, off);
	return &pc->v[k];
}

static int
make_line(const struct text_layout *l, size_t p, const struct lrec *r,
    struct text_line *out)
{
	size_t base = l->paras[p].start;

	out->para = p;
	out->start = base + r->start;
	out->end = base + r->end;
	out->content_end = base + r->cend;
	out->cells = r->cells;
	return 1;
}

static void
drop_cache(struct text_layout *l)
{
	size_t p;

	for (p = 0; p < l->npara; p++) {
		free(l->pc[p].v);
		l->pc[p].v = NULL;
		l->pc[p].n = l->pc[p].cap = 0;
	}
}

/* ---- public ----------------------------------------------------------- */

struct text_layout *
text_layout_new(const char *body, size_t len, const struct text_span *paras,
    size_t npara)
{
	struct text_layout *l = xcalloc(1, sizeof *l);

	l->body = body;
	l->len = len;
	l->npara = npara;
	l->paras = xreallocarray(NULL, npara ? npara : 1, sizeof *l->paras);
	if (npara)
		memcpy(l->paras, paras, npara * sizeof *paras);
	l->pc = xcalloc(npara ? npara : 1, sizeof *l->pc);
	l->width = 80;
	l->tab = 8;
	return l;
}

void
text_layout_free(struct text_layout *l)
{
	if (l == NULL)
		return;
	drop_cache(l);
	free(l->pc);
	free(l->paras);
	free(l->brk);
	free(l);
}

void
text_layout_set_width(struct text_layout *l, int width)
{
	if (width < 2)
		width = 2;
	if (width != l->width) {
		l->width = width;
		drop_cache(l);
	}
}

size_t
text_layout_para_at(const struct text_layout *l, size_t off)
{
	size_t p = text_span_last(l->paras, l->npara, off);

	return p < l->npara ? p : 0;
}

int
text_layout_para_first(struct text_layout *l, size_t para, struct text_line *out)
{
	if (para >= l->npara)
		return 0;
	return make_line(l, para, line_rel(l, para, 0), out);
}

int
text_layout_first(struct text_layout *l, struct text_line *out)
{
	return text_layout_para_first(l, 0, out);
}

int
text_layout_last(struct text_layout *l, struct text_line *out)
{
	size_t p;

	if (l->npara == 0)
		return 0;
	p = l->npara - 1;
	return make_line(l, p, line_rel(l, p, SIZE_MAX), out);
}

int
text_layout_line_at(struct text_layout *l, size_t off, struct text_line *out)
{
	size_t p;

	if (l->npara == 0)
		return 0;
	p = text_layout_para_at(l, off);
	off = off > l->paras[p].start ? off - l->paras[p].start : 0;
	return make_line(l, p, line_rel(l, p, off), out);
}

int
text_layout_next(struct text_layout *l, const struct text_line *ln,
    struct text_line *out)
{
	size_t p = ln->para;

	if (p >= l->npara)
		return 0;
	if (ln->end < l->paras[p].end)
		return make_line(l, p, line_rel(l, p, ln->end - l->paras[p].start), out);
	return text_layout_para_first(l, p + 1, out);
}

int
text_layout_prev(struct text_layout *l, const struct text_line *ln,
    struct text_line *out)
{
	size_t p = ln->para;

	if (p >= l->npara)
		return 0;
	if (ln->start > l->paras[p].start)
		return make_line(l, p, line_rel(l, p, ln->start - 1 - l->paras[p].start), out);
	if (p == 0)
		return 0;
	return make_line(l, p - 1, line_rel(l, p - 1, SIZE_MAX), out);
}

int
text_layout_col(const struct text_layout *l, const struct text_line *ln, size_t off)
{
	size_t base = l->paras[ln->para].start, n, i = ln->start - base;
	size_t end = ln->end - base;
	const char *t = l->body + base;
	struct item it;
	int col = 0;

	n = l->paras[ln->para].end - base;
	off = off > base ? off - base : 0;
	while (i < end) {
		measure(l, t, n, i, col, &it);
		if (off < it.end)
			return col;
		col += it.w;
		i = it.end;
	}
	return col;
}

size_t
text_layout_off(const struct text_layout *l, const struct text_line *ln, int col)
{
	size_t base = l->paras[ln->para].start, n, i = ln->start - base;
	size_t end = ln->end - base, last = i;
	const char *t = l->body + base;
	struct item it;
	int c = 0;

	n = l->paras[ln->para].end - base;
	while (i < end) {
		measure(l, t, n, i, c, &it);
		if (col < c + it.w)
			return base + i;
		c += it.w;
		last = i;
		i = it.end;
	}
	return base + (end == n ? end : last);
}

size_t
text_wrap(const char *s, size_t len, int width, struct text_line **out)
{
	struct text_span one = { 0, len };
	struct text_layout *l = text_layout_new(s, len, &one, 1);
	struct text_line *v = NULL, ln;
	size_t n = 0, cap = 0;
	int more;

	text_layout_set_width(l, width);
	for (more = len > 0 && text_layout_first(l, &ln); more;
	    more = text_layout_next(l, &ln, &ln)) {
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[n++] = ln;
	}
	text_layout_free(l);
	*out = v != NULL ? v : xmalloc(sizeof *v);
	return n;
}

size_t
text_grapheme_next(const char *s, size_t len, size_t off)
{
	ucs4_t uc;
	size_t n;

	if (off >= len)
		return len;
	off = text_char_start(s, off);
	n = decode(s, len, off, &uc);
	return cluster_end(s, len, off, uc, n);
}

size_t
text_grapheme_prev(const char *s, size_t len, size_t off)
{
	size_t a, b, prev;

	if (off > len)
		off = len;
	if (off == 0)
		return 0;
	/* Walk forward from a point some way back; clusters are short, and the
	 * walk falls into step with the true boundaries at once. */
	a = off > 64 ? text_char_start(s, off - 64) : 0;
	prev = a;
	for (b = a; b < off; b = text_grapheme_next(s, len, b))
		prev = b;
	return prev;
}

/* ---- drawing ---------------------------------------------------------- */

void
text_draw_begin(struct text_draw_iter *it, const struct text_layout *l,
    const struct text_line *ln)
{
	it->l = l;
	it->base = l->paras[ln->para].start;
	it->t = l->body + it->base;
	it->n = l->paras[ln->para].end - it->base;
	it->i = ln->start - it->base;
	it->end = ln->end - it->base;
	it->col = 0;
}

int
text_draw_next(struct text_draw_iter *it, struct text_draw *d)
{
	const struct text_layout *l = it->l;
	struct item m;
	size_t k;

	if (it->i >= it->end)
		return 0;
	/* Measured against the whole paragraph, as in wrapping, so that the
	 * widths agree. */
	measure(l, it->t, it->n, it->i, it->col, &m);
	if ((m.what == W_SPACE || m.what == W_TAB) && it->col + m.w > l->width)
		return 0;  /* hanging spaces are not drawn */
	d->start = it->base + it->i;
	d->end = it->base + m.end;
	d->col = it->col;
	d->cells = m.w;
	d->kind = TEXT_DRAW_TEXT;
	d->s = it->t + it->i;
	d->len = m.drawlen;
	switch (m.what) {
	case W_ASCII:
	case W_CLUSTER:
		if (m.uc == 0xFFFD)
			d->kind = TEXT_DRAW_CONTROL;
		break;
	case W_SPACE:
	case W_TAB:
		/* Any breaking space is drawn as plain spaces of its width. */
		for (k = 0; k < (size_t)m.w && k < sizeof it->rep; k++)
			it->rep[k] = ' ';
		d->s = it->rep;
		d->len = k;
		break;
	case W_CARET:
		d->len = text_standin(m.uc, it->rep);
		d->s = it->rep;
		d->kind = TEXT_DRAW_CONTROL;
		break;
	case W_CODE:
		text_standin(m.uc, it->rep);
		d->s = it->rep;
		d->len = (size_t)m.w;  /* cut to the width when the line is narrower */
		d->kind = TEXT_DRAW_CONTROL;
		break;
	case W_BAD:
		d->s = "\xEF\xBF\xBD";
		d->len = 3;
		d->kind = TEXT_DRAW_CONTROL;
		break;
	case W_ORPHAN:
		memcpy(it->rep, "\xE2\x97\x8C", 3);  /* U+25CC dotted circle */
		memcpy(it->rep + 3, it->t + it->i, m.drawlen);
		d->s = it->rep;
		d->len = 3 + m.drawlen;
		d->kind = TEXT_DRAW_CONTROL;
		break;
	}
	it->col += m.w;
	it->i = m.end;
	return 1;
}
