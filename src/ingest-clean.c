/*
 * ingest-clean.c: from the lines a parser found to what a person reads as
 * the article. The same steps for every format:
 *
 *   1. tidy each line: control characters out, every kind of space one
 *      space, runs collapsed, ends trimmed (text from outside is hostile)
 *   2. page chrome out, by the rules of data/chrome.txt: buttons and
 *      banners dropped, "Next Article" dropped with the headline after it,
 *      date and outlet lines noted, and everything after a "1 comment"
 *      marker set apart as reader comments
 *   3. hard-wrapped plain text joined back into paragraphs
 *   4. the title: the markup's title when there is one (a first line that
 *      repeats it is dropped), else a short first line (kept once when it
 *      is repeated), else the first sentence, shortened
 *   5. a dateline ("MOSCOW — ...") noted as the place; it stays in the body
 *   6. structure: a paragraph that repeats an earlier one word for word (a
 *      teaser above its own article) and a line that is the title twice
 *      are dropped
 *
 * The body is the paragraphs with a blank line between them. The outlet,
 * link, authors, language and captions from the markup are tidied as in
 * step 1. Every line dropped is
 * kept, with the reason, in 'dropped' (after what extraction left out of
 * a web page), so that nothing is lost unseen.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "util.h"

#define TITLE_MAX_BYTES 200    /* a longer first line is a paragraph */
#define TITLE_MAX_WORDS 25
#define TITLE_CUT_CHARS 80     /* a title made from a sentence is cut here */
#define DATELINE_MAX 80
#define REPEAT_MIN 40          /* shorter paragraphs may repeat in an article */

struct line {
	char *s;       /* tidied, NUL-terminated; "" for a blank line */
	size_t len;
};

struct lines {
	struct line *v;
	size_t n, cap;
};

static void
lines_push(struct lines *l, char *s, size_t len)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n].s = s;
	l->v[l->n++].len = len;
}

static void
lines_free(struct lines *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].s);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

void
ingest_clean_free(struct ingest_clean *c)
{
	free(c->title), free(c->body), free(c->comments), free(c->dateline);
	free(c->published), free(c->outlet), free(c->link), free(c->dropped);
	free(c->authors), free(c->language), free(c->captions);
	memset(c, 0, sizeof *c);
}

/* Length of the UTF-8 sequence at s (valid UTF-8 is given) and its code
 * point. */
static size_t
decode(const unsigned char *s, size_t len, unsigned *cp)
{
	if (s[0] < 0x80 || len < 2) {
		*cp = s[0];
		return 1;
	}
	if (s[0] < 0xe0 || len < 3) {
		*cp = (unsigned)(s[0] & 0x1f) << 6 | (s[1] & 0x3f);
		return 2;
	}
	if (s[0] < 0xf0 || len < 4) {
		*cp = (unsigned)(s[0] & 0x0f) << 12 | (unsigned)(s[1] & 0x3f) << 6 | (s[2] & 0x3f);
		return 3;
	}
	*cp = (unsigned)(s[0] & 0x07) << 18 | (unsigned)(s[1] & 0x3f) << 12 |
	    (unsigned)(s[2] & 0x3f) << 6 | (s[3] & 0x3f);
	return 4;
}

static int
is_space_cp(unsigned cp)
{
	return cp == ' ' || cp == '\t' || cp == '\f' || cp == '\v' || cp == 0xa0 ||
	    cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x202f || cp == 0x205f ||
	    cp == 0x3000;
}

/* Invisible characters that carry nothing in an article and confuse
 * matching: controls, zero-width space, the byte-order mark. Joiners and
 * direction marks stay: some scripts need them. */
static int
is_dropped_cp(unsigned cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || cp == 0x200b ||
	    cp == 0xfeff;
}

/* Bytes of the terminal escape sequence at P (ESC first), all dropped: a
 * control sequence "ESC [ parameters final" (colours, cursor moves,
 * ECMA-48), so a text pasted from a terminal keeps no "[31m" behind; any
 * other ESC goes alone (what follows it may be a link's own text). */
static size_t
escape_len(const unsigned char *p, size_t len)
{
	size_t i;

	if (len < 2 || p[1] != '[')
		return 1;
	for (i = 2; i < len && p[i] >= 0x20 && p[i] <= 0x3f; i++)
		;    /* parameter and intermediate bytes */
	return i < len && p[i] >= 0x40 && p[i] <= 0x7e ? i + 1 : 1;
}

/* Step 1 for [s, s+len): a malloc'd tidy copy. */
static char *
tidy(const char *s, size_t len, size_t *out_len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	struct buf b;
	int space = 0;
	unsigned cp;
	size_t n;

	buf_init(&b);
	buf_grow(&b, len);
	while (p < end) {
		/* Plain ASCII words, and the single spaces between them, are
		 * copied in runs (a run never starts or ends with a space, so
		 * what the slow path below does with spaces is unchanged). */
		const unsigned char *run = p;
		while (p < end && ((*p > 0x20 && *p < 0x7f) || (*p == ' ' && p > run &&
		    p + 1 < end && p[1] > 0x20 && p[1] < 0x7f)))
			p++;
		if (p > run) {
			if (space && b.len > 0)
				buf_addc(&b, ' ');
			space = 0;
			buf_add(&b, run, (size_t)(p - run));
			continue;
		}
		n = decode(p, (size_t)(end - p), &cp);
		if (cp == 0x1b)
			n = escape_len(p, (size_t)(end - p));
		if (is_space_cp(cp))
			space = 1;
		else if (!is_dropped_cp(cp)) {
			if (space && b.len > 0)
				buf_addc(&b, ' ');
			space = 0;
			buf_add(&b, p, n);
		}
		p += n;
	}
	*out_len = b.len;
	return buf_detach(&b, NULL);
}

/* Step 1 for a field of one line (outlet, link, authors): NULL when
 * nothing is left. */
static char *
tidy_field(const char *s)
{
	size_t len;
	char *t = tidy(s, strlen(s), &len);

	if (len == 0) {
		free(t);
		return NULL;
	}
	return t;
}

/* Step 1 for each line of TEXT (captions), empty lines left out: NULL
 * when nothing is left. */
static char *
tidy_lines(const char *text)
{
	const char *s = text, *eol;
	struct buf b;
	size_t len;
	char *t;

	buf_init(&b);
	while (*s != '\0') {
		eol = strchr(s, '\n');
		if (eol == NULL)
			eol = s + strlen(s);
		t = tidy(s, (size_t)(eol - s), &len);
		if (len > 0) {
			buf_add(&b, t, len);
			buf_addc(&b, '\n');
		}
		free(t);
		s = *eol != '\0' ? eol + 1 : eol;
	}
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

static void
split_lines(const char *text, struct lines *out)
{
	const char *s = text, *eol;
	size_t len;
	char *t;

	while (*s != '\0') {
		eol = strchr(s, '\n');
		if (eol == NULL)
			eol = s + strlen(s);
		t = tidy(s, (size_t)(eol - s), &len);
		lines_push(out, t, len);
		s = *eol != '\0' ? eol + 1 : eol;
	}
}

struct seen_key { uint64_t h; size_t i; };

static int
cmp_seen(const void *a, const void *b)
{
	const struct seen_key *x = a, *y = b;

	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

static size_t
next_nonblank(const struct lines *l, size_t i)
{
	while (i < l->n && l->v[i].len == 0)
		i++;
	return i;
}

/* What step 2 found besides the lines it kept. */
struct found {
	char *published, *outlet;
	struct buf *dropped;
};

/* Notes line [s, s+len) as dropped for REASON. */
static void
note_drop(struct buf *dropped, const char *reason, const char *s, size_t len)
{
	if (len == 0)
		return;
	buf_adds(dropped, reason);
	buf_addc(dropped, '\t');
	buf_add(dropped, s, len);
	buf_addc(dropped, '\n');
}

static void
note_capture(char **slot, const char *s, size_t a, size_t b)
{
	while (a < b && s[a] == ' ')
		a++;
	while (b > a && s[b - 1] == ' ')
		b--;
	if (*slot == NULL && b > a)
		*slot = xstrndup(s + a, b - a);
}

/* Step 2: moves the lines of IN into BODY or COMMENTS, or frees them. */
static void
drop_chrome(const struct ingest_chrome *c, struct lines *in, struct lines *body,
    struct lines *comments, struct found *f)
{
	struct lines *to = body;
	size_t i, j, a, b;
	char date[21];

	for (i = 0; i < in->n; i++) {
		struct line *ln = &in->v[i];
		enum ingest_rule r = ln->len > 0
		    ? ingest_chrome_match(c, ln->s, ln->len, &a, &b) : RULE_NONE;

		switch (r) {
		case RULE_NONE:
			lines_push(to, ln->s, ln->len);
			ln->s = NULL;
			continue;
		case RULE_DROP:
			note_drop(f->dropped, "chrome", ln->s, ln->len);
			break;
		case RULE_LINK:
			/* The headline of the other story follows, unless the
			 * next thing is more chrome or a whole paragraph. */
			j = next_nonblank(in, i + 1);
			if (j < in->n && in->v[j].len <= TITLE_MAX_BYTES &&
			    ingest_chrome_match(c, in->v[j].s, in->v[j].len, NULL, NULL) == RULE_NONE) {
				for (; i < j; i++) {
					note_drop(f->dropped, "link", in->v[i].s, in->v[i].len);
					free(in->v[i].s), in->v[i].s = NULL;
				}
				note_drop(f->dropped, "link", in->v[i].s, in->v[i].len);
				break;
			}
			note_drop(f->dropped, "link", ln->s, ln->len);
			break;
		case RULE_COMMENTS:
			note_drop(f->dropped, "comments", ln->s, ln->len);
			to = comments;
			break;
		case RULE_DATE:
			/* A date among the comments is a comment's. */
			if (to == comments) {
				lines_push(to, ln->s, ln->len);
				ln->s = NULL;
				continue;
			}
			if (f->published == NULL && ingest_date(c, ln->s + a, b - a, date) == 0)
				f->published = xstrdup(date);
			note_drop(f->dropped, "date", ln->s, ln->len);
			break;
		case RULE_OUTLET:
			note_capture(&f->outlet, ln->s, a, b);
			note_drop(f->dropped, "outlet", ln->s, ln->len);
			break;
		}
		free(in->v[i].s);
		in->v[i].s = NULL;
	}
	free(in->v);
	in->v = NULL;
	in->n = in->cap = 0;
}

/* Does the line end where a sentence or clause may end? */
static int
ends_closed(const struct line *ln)
{
	const char *s = ln->s;
	size_t n = ln->len;

	while (n > 0 && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')'))
		n--;
	if (n >= 3 && (memcmp(s + n - 3, "\xe2\x80\x9d", 3) == 0 ||
	    memcmp(s + n - 3, "\xe2\x80\xa6", 3) == 0))
		return 1;
	return n > 0 && strchr(".!?:;", s[n - 1]) != NULL;
}

/* Step 3: a block of two or more lines of similar width (no line longer
 * than a typewriter's), most of them broken in mid-sentence, is one
 * paragraph hard-wrapped; it is joined. Text with one paragraph per line
 * ends nearly every line with a stop and is left alone. */
static void
join_wrapped(struct lines *l)
{
	struct lines out = { NULL, 0, 0 };
	size_t i = 0, j, k, max, w, open;
	int wrapped;
	struct buf b;

	while (i < l->n) {
		if (l->v[i].len == 0) {
			lines_push(&out, l->v[i].s, 0);
			i++;
			continue;
		}
		for (j = i, max = 0; j < l->n && l->v[j].len > 0; j++) {
			w = text_chars(l->v[j].s, l->v[j].len);
			max = w > max ? w : max;
		}
		wrapped = j - i >= 2 && max <= 100 && max >= 40;
		for (k = i, open = 0; wrapped && k + 1 < j; k++) {
			wrapped = text_chars(l->v[k].s, l->v[k].len) * 10 >= max * 6;
			open += !ends_closed(&l->v[k]);
		}
		wrapped = wrapped && open * 2 >= j - i - 1;
		if (!wrapped) {
			for (; i < j; i++)
				lines_push(&out, l->v[i].s, l->v[i].len);
			continue;
		}
		buf_init(&b);
		for (k = i; k < j; k++) {
			if (k > i)
				buf_addc(&b, ' ');
			buf_add(&b, l->v[k].s, l->v[k].len);
			free(l->v[k].s);
		}
		w = b.len;
		lines_push(&out, buf_detach(&b, NULL), w);
		i = j;
	}
	free(l->v);
	*l = out;
}

/* Blank lines only separated blocks; from here on every line is a
 * paragraph. */
static void
drop_blank(struct lines *l)
{
	size_t i, n = 0;

	for (i = 0; i < l->n; i++) {
		if (l->v[i].len == 0)
			free(l->v[i].s);
		else
			l->v[n++] = l->v[i];
	}
	l->n = n;
}

static void
remove_line(struct lines *l, size_t i)
{
	free(l->v[i].s);
	memmove(l->v + i, l->v + i + 1, (l->n - i - 1) * sizeof *l->v);
	l->n--;
}

static size_t
words(const char *s, size_t len)
{
	size_t i, n = len > 0;

	for (i = 0; i < len; i++)
		n += s[i] == ' ';
	return n;
}

/* A heading: short, and not ending the way a sentence or a clause does. */
static int
title_like(const struct line *ln)
{
	const char *s = ln->s;
	size_t n = ln->len;

	if (n == 0 || n > TITLE_MAX_BYTES || words(s, n) > TITLE_MAX_WORDS)
		return 0;
	while (n > 0 && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')'))
		n--;
	if (n >= 3 && memcmp(s + n - 3, "\xe2\x80\x9d", 3) == 0)   /* ” */
		n -= 3;
	return n > 0 && s[n - 1] != '.' && s[n - 1] != ',' && s[n - 1] != ';' &&
	    s[n - 1] != ':';
}

/* Step 5: "MOSCOW —", "BAKU, Azerbaijan (AP) –": a first word in capitals
 * up to a spaced dash, soon, followed by a capital or a digit. Returns the
 * length of the place, 0 if there is no dateline. */
static size_t
dateline(const char *s, size_t len)
{
	size_t i = 0, caps = 0, place;

	while (i < len && ((s[i] >= 'A' && s[i] <= 'Z') || (unsigned char)s[i] >= 0x80)) {
		caps += (unsigned char)s[i] < 0x80;
		i++;
	}
	if (caps < 2 || (i < len && s[i] >= 'a' && s[i] <= 'z'))
		return 0;
	for (; i + 4 < len && i < DATELINE_MAX; i++) {
		if (s[i] == ' ' && s[i + 1] == '\xe2' && s[i + 2] == '\x80' &&
		    (s[i + 3] == '\x94' || s[i + 3] == '\x93') && i + 5 < len && s[i + 4] == ' ') {
			char next = s[i + 5];
			if (!((next >= 'A' && next <= 'Z') || (next >= '0' && next <= '9') ||
			    (unsigned char)next >= 0x80 || next == '"'))
				return 0;
			place = i;
			while (place > 0 && (s[place - 1] == ',' || s[place - 1] == ' '))
				place--;
			return place;
		}
		if (s[i] == '.' && i + 1 < len && s[i + 1] == ' ' && caps > 0 && i > 0 &&
		    s[i - 1] >= 'a' && s[i - 1] <= 'z')
			return 0;   /* a sentence ended first */
	}
	return 0;
}

/* A title from the first sentence of LN (after any dateline), cut at a
 * word boundary near TITLE_CUT_CHARS with an ellipsis. */
static char *
sentence_title(const struct text_rules *rules, const struct line *ln)
{
	struct text_span *spans = NULL;
	size_t n, a = 0, b = ln->len, cut, nchars, i;
	struct buf t;

	n = text_sentences(rules, ln->s, ln->len, &spans);
	if (n > 0) {
		a = spans[0].start, b = spans[0].end;
		/* The splitter gives a dateline a span of its own. */
		if (n > 1 && b - a >= 3 && (memcmp(ln->s + b - 3, "\xe2\x80\x94", 3) == 0 ||
		    memcmp(ln->s + b - 3, "\xe2\x80\x93", 3) == 0))
			a = spans[1].start, b = spans[1].end;
	}
	free(spans);
	if (b > a + 1 && ln->s[b - 1] == '.' && ln->s[b - 2] != '.')
		b--;
	buf_init(&t);
	nchars = text_chars(ln->s + a, b - a);
	if (nchars <= TITLE_CUT_CHARS) {
		buf_add(&t, ln->s + a, b - a);
		return buf_detach(&t, NULL);
	}
	/* The byte where character TITLE_CUT_CHARS starts, then back to a space. */
	text_char_offset(ln->s + a, b - a, TITLE_CUT_CHARS, &i);
	i += a;
	for (cut = i; cut > a && ln->s[cut] != ' '; cut--)
		;
	if (cut == a)
		cut = i;
	while (cut > a && (ln->s[cut - 1] == ',' || ln->s[cut - 1] == ' ' ||
	    ln->s[cut - 1] == ';' || ln->s[cut - 1] == ':'))
		cut--;
	buf_add(&t, ln->s + a, cut - a);
	buf_adds(&t, "…");
	return buf_detach(&t, NULL);
}

static int
line_is(const struct line *ln, const char *s, size_t len)
{
	return ln->len == len && memcmp(ln->s, s, len) == 0;
}

/* Is LN the title twice, "Talks resume Talks resume"? */
static int
title_twice(const struct line *ln, const char *title, size_t len)
{
	return len > 0 && ln->len == 2 * len + 1 && ln->s[len] == ' ' &&
	    memcmp(ln->s, title, len) == 0 && memcmp(ln->s + len + 1, title, len) == 0;
}

static int
same_line(const struct lines *l, const struct seen_key *v, size_t a, size_t b)
{
	const struct line *x = &l->v[v[a].i], *y = &l->v[v[b].i];

	return v[a].h == v[b].h && x->len == y->len && x->len >= REPEAT_MIN &&
	    memcmp(x->s, y->s, x->len) == 0;
}

/* Step 6: a paragraph that repeats an earlier one, and the title twice on
 * a line, are dropped. Paragraphs are compared by a hash first, so a long
 * article costs a sort, not a comparison of every pair. */
static void
drop_repeats(struct lines *l, const char *title, struct buf *dropped)
{
	struct seen_key *v;
	size_t i, n = 0, tlen = title != NULL ? strlen(title) : 0;
	unsigned char *gone;

	if (l->n == 0)
		return;
	v = xreallocarray(NULL, l->n, sizeof *v);
	gone = xcalloc(l->n, 1);
	for (i = 0; i < l->n; i++) {
		uint64_t h = 1469598103934665603ULL;
		size_t k;
		for (k = 0; k < l->v[i].len; k++)
			h = (h ^ (unsigned char)l->v[i].s[k]) * 1099511628211ULL;
		v[i].h = h;
		v[i].i = i;
	}
	qsort(v, l->n, sizeof *v, cmp_seen);
	for (i = 1; i < l->n; i++) {
		/* Sorted by hash, then position: of two copies the later goes.
		 * Short lines ("Photo", a name) repeat in real articles, and a
		 * paragraph found three times or more is the text's own
		 * (a refrain), not a teaser and its body. */
		if (same_line(l, v, i - 1, i) && !(i >= 2 && same_line(l, v, i - 2, i)) &&
		    !(i + 1 < l->n && same_line(l, v, i, i + 1)))
			gone[v[i].i] = 1;
	}
	for (i = 0; i < l->n; i++) {
		if (gone[i] || title_twice(&l->v[i], title, tlen)) {
			note_drop(dropped, gone[i] ? "repeat" : "title", l->v[i].s, l->v[i].len);
			free(l->v[i].s);
		} else
			l->v[n++] = l->v[i];
	}
	l->n = n;
	free(v);
	free(gone);
}

/* Step 4. */
static char *
find_title(const struct text_rules *rules, const char *hint, struct lines *body)
{
	char *title;
	size_t len;

	if (hint != NULL) {
		title = tidy(hint, strlen(hint), &len);
		if (len > 0) {
			while (body->n > 1 && line_is(&body->v[0], title, len))
				remove_line(body, 0);
			return title;
		}
		free(title);
	}
	if (body->n > 1 && title_like(&body->v[0])) {
		title = xstrndup(body->v[0].s, body->v[0].len);
		len = body->v[0].len;
		while (body->n > 1 && line_is(&body->v[0], title, len))
			remove_line(body, 0);
		return title;
	}
	return sentence_title(rules, &body->v[0]);
}

static char *
join(const struct lines *l, size_t *len)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < l->n; i++) {
		if (i > 0)
			buf_add(&b, "\n\n", 2);
		buf_add(&b, l->v[i].s, l->v[i].len);
	}
	return buf_detach(&b, len);
}

/* A feed item with no text of its own (an image, or nothing) is still an
 * item: its title (else its link) names it, and its page has the text.
 * NULL for anything else, which is refused. */
static char *
item_title(const struct ingest_doc *doc)
{
	char *title = NULL;

	if (doc->format == NULL || (strcmp(doc->format, "rss") != 0 &&
	    strcmp(doc->format, "atom") != 0))
		return NULL;
	if (doc->title != NULL)
		title = tidy_field(doc->title);
	if (title == NULL && doc->link != NULL)
		title = tidy_field(doc->link);
	return title;
}

int
ingest_clean(const struct ingest_chrome *chrome, const struct text_rules *rules,
    const struct ingest_doc *doc, struct ingest_clean *out)
{
	struct lines raw = { NULL, 0, 0 }, body = { NULL, 0, 0 }, comments = { NULL, 0, 0 };
	struct buf dropped;
	struct found f = { NULL, NULL, &dropped };
	size_t place;

	memset(out, 0, sizeof *out);
	buf_init(&dropped);
	if (doc->dropped != NULL)
		buf_adds(&dropped, doc->dropped);
	split_lines(doc->text != NULL ? doc->text : "", &raw);
	drop_chrome(chrome, &raw, &body, &comments, &f);
	if (doc->format != NULL && strcmp(doc->format, "text") == 0)
		join_wrapped(&body);
	drop_blank(&body);
	drop_blank(&comments);
	if (body.n == 0 && (out->title = item_title(doc)) == NULL) {
		lines_free(&body);
		lines_free(&comments);
		free(f.published), free(f.outlet);
		buf_free(&dropped);
		return err_set("no article text found");
	}
	if (body.n > 0) {
		out->title = find_title(rules, doc->title, &body);
		drop_repeats(&body, out->title, &dropped);
		if (body.n == 0) {
			/* Every line was the title: the title is the text. */
			lines_push(&body, xstrdup(out->title), strlen(out->title));
		}
		if ((place = dateline(body.v[0].s, body.v[0].len)) != 0)
			out->dateline = xstrndup(body.v[0].s, place);
	}
	out->body = join(&body, &out->body_len);
	if (comments.n > 0)
		out->comments = join(&comments, NULL);
	out->published = f.published;
	/* The markup's outlet and link are outside text like the title, and
	 * are tidied the same way. */
	out->outlet = doc->outlet != NULL ? tidy_field(doc->outlet) : NULL;
	if (out->outlet == NULL)
		out->outlet = f.outlet;
	else
		free(f.outlet);
	out->link = doc->link != NULL ? tidy_field(doc->link) : NULL;
	out->authors = doc->authors != NULL ? tidy_field(doc->authors) : NULL;
	out->language = doc->language != NULL ? tidy_field(doc->language) : NULL;
	out->captions = doc->captions != NULL ? tidy_lines(doc->captions) : NULL;
	out->dropped = dropped.len > 0 ? buf_detach(&dropped, NULL) : NULL;
	buf_free(&dropped);
	lines_free(&body);
	lines_free(&comments);
	return 0;
}
