/*
 * ui-article-search.c: searching the open article, `/` forward and `?`
 * backward, n and N for the next and previous hit, as in less and vim:
 * case-insensitive unless the pattern has capitals (smartcase), wrapping
 * at either end with a word said. A layer of the article: the hits on
 * screen are coloured, and only those are looked for when drawing, so a
 * 10 MB article costs what its screen does. The pattern outlives the
 * article: n goes on in the next one opened.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#define DOSSIER_UI_INTERNAL
#include "text.h"
#include "ui.h"

/* Search folds the body in windows this large, so memory stays small. */
#define SEARCH_CHUNK 65536

/* Hits counted for "hit 3 of 12" at most; past it, "of more than". */
#define COUNT_MAX 100000
/* The part of the body counted: a key press never waits for a pass over
 * a 20 MB article (a news article is well under this); past it the
 * count says "at least". */
#define COUNT_BYTES ((size_t)1 << 20)

/* One word looked for. */
struct term {
	char *text;
	char *folded;          /* case-folded */
	size_t flen;
	int exact;             /* it has capitals: match as typed */
};

/* A search: what was typed after / or ?, or the words of a corpus search
 * (F) whose result was opened, any of which is a hit. */
struct search {
	char *pattern;         /* as typed, for the messages */
	struct term *terms;
	size_t nterms;
	size_t longest;        /* the longest term's bytes */
	int backward;
	/* Where every hit of the pattern in one article starts, found once
	 * (the first n after a search) for the count n and N say. */
	int64_t counted;       /* the article they are of, or 0 */
	size_t *starts, nstarts;
	size_t counted_to;     /* the body was counted up to here */
};

static void
search_free(struct search *s)
{
	size_t i;

	for (i = 0; i < s->nterms; i++) {
		free(s->terms[i].text);
		free(s->terms[i].folded);
	}
	free(s->terms);
	free(s->pattern);
	free(s->starts);
	memset(s, 0, sizeof *s);
}

/* Adds WORD[0, len) as a term; SMART: capitals make it match as typed. */
static int
add_term(struct search *s, const char *word, size_t len, int smart)
{
	struct text_fold f;
	struct term *t;

	if (text_fold(word, len, &f) != 0)
		return -1;
	s->terms = xreallocarray(s->terms, s->nterms + 1, sizeof *s->terms);
	t = &s->terms[s->nterms++];
	t->text = xstrndup(word, len);
	t->folded = xstrndup(f.s, f.len);
	t->flen = f.len;
	/* Folding changed something: the word has capitals. */
	t->exact = smart && (f.len != len || memcmp(f.s, word, f.len) != 0);
	text_fold_free(&f);
	if (len > s->longest)
		s->longest = len;
	return 0;
}

static int
set_pattern(struct search *s, const char *pattern)
{
	search_free(s);
	s->pattern = xstrdup(pattern);
	return add_term(s, pattern, strlen(pattern), 1);
}

/* The words of a full-text query (FTS5's syntax): its operators (AND, OR,
 * NOT, NEAR), quotes, brackets, prefix stars and column names left out;
 * each word is a term, in any case. 0 when it has one at least. */
static int
set_query(struct search *s, const char *query)
{
	const char *p = query, *w;
	size_t n;

	search_free(s);
	s->pattern = xstrdup(query);
	while (*p != '\0') {
		p += strspn(p, " \t\"()*^+-:,");
		w = p;
		p += strcspn(p, " \t\"()*^+-:,");
		n = (size_t)(p - w);
		if (n == 0 || *p == ':')
			continue;   /* a column's name */
		if ((n == 3 && (memcmp(w, "AND", 3) == 0 || memcmp(w, "NOT", 3) == 0)) ||
		    (n == 2 && memcmp(w, "OR", 2) == 0) || (n == 4 && memcmp(w, "NEAR", 4) == 0))
			continue;
		if (add_term(s, w, n, 0) != 0)
			return -1;
	}
	return s->nterms > 0 ? 0 : -1;
}

/* Appends a hit unless it repeats one found in the window before. */
static void
add_hit(struct ui_span **out, size_t *n, size_t a, size_t b)
{
	if (*n > 0 && (*out)[*n - 1].start >= a)
		return;
	if (b <= a)
		b = a + 1;
	/* The array doubles (16, 32, 64...: sized by this function since *n
	 * was last 0), so a word found 100,000 times is not copied once per
	 * hit. */
	if (*n == 0 || (*n >= 16 && (*n & (*n - 1)) == 0))
		*out = xreallocarray(*out, *n == 0 ? 16 : *n * 2, sizeof **out);
	(*out)[(*n)++] = (struct ui_span){ .start = a, .end = b, .obj = UI_OBJ_SEARCH_HIT };
}

/* Hits of one term in body[a, b), by folding that window. */
static void
hits_in(const struct term *s, const char *body, size_t a, size_t b, struct ui_span **out,
    size_t *n, size_t max)
{
	const char *p;
	size_t plen = strlen(s->text), i;
	struct text_fold f;

	if (s->exact) {
		for (p = body + a; *n < max && (size_t)(body + b - p) >= plen &&
		    (p = memmem(p, (size_t)(body + b - p), s->text, plen)) != NULL; p++)
			add_hit(out, n, (size_t)(p - body), (size_t)(p - body) + plen);
		return;
	}
	if (text_fold(body + a, b - a, &f) != 0) {
		err_clear();
		return;
	}
	for (i = 0; *n < max && i + s->flen <= f.len; i++) {
		p = memmem(f.s + i, f.len - i, s->folded, s->flen);
		if (p == NULL)
			break;
		i = (size_t)(p - f.s);
		add_hit(out, n, a + f.map[i], a + f.map[i + s->flen]);
	}
	text_fold_free(&f);
}

/*
 * Every match of term T in body[from, to), in order, into *out (at most max).
 * Case-folded matching works on windows of SEARCH_CHUNK bytes overlapping
 * by enough for a match across their seam, so a 10 MB article never needs
 * its whole folded copy and offset map at once.
 */
static void
find_term(const struct search *s, const struct term *t, const char *body, size_t len,
    size_t from, size_t to, struct ui_span **out, size_t *n, size_t max)
{
	size_t overlap = 4 * (s->longest + 8), a, b, next;

	*n = 0;
	if (t->flen == 0 || to > len)
		to = len;
	if (t->flen == 0)
		return;
	for (a = text_char_start(body, from); a < to && *n < max; a = next) {
		b = a + SEARCH_CHUNK < to ? text_char_start(body, a + SEARCH_CHUNK) : to;
		if (b <= a)
			b = to;
		hits_in(t, body, a, b, out, n, max);
		if (b >= to)
			break;
		next = b > overlap ? text_char_start(body, b - overlap) : 0;
		if (next <= a)
			next = b;
	}
}

static int
hit_cmp(const void *x, const void *y)
{
	const struct ui_span *a = x, *b = y;

	return a->start != b->start ? (a->start < b->start ? -1 : 1) :
	    (a->end > b->end ? -1 : a->end < b->end);
}

/* Every hit of any term in body[from, to), in order of start (at most
 * max); of two starting at one place, the longer. */
static void
find_all(const struct search *s, const char *body, size_t len, size_t from, size_t to,
    struct ui_span **out, size_t *n, size_t max)
{
	struct ui_span *v = NULL;
	size_t nv = 0, i, k;

	if (s->nterms == 1) {
		find_term(s, &s->terms[0], body, len, from, to, out, n, max);
		return;
	}
	*n = 0;
	for (i = 0; i < s->nterms; i++) {
		find_term(s, &s->terms[i], body, len, from, to, &v, &nv, max);
		if (nv == 0)
			continue;
		*out = xreallocarray(*out, *n + nv + 1, sizeof **out);
		memcpy(*out + *n, v, nv * sizeof *v);
		*n += nv;
	}
	free(v);
	if (*n > 1)
		qsort(*out, *n, sizeof **out, hit_cmp);
	for (i = k = 0; i < *n; i++) {
		if (k == 0 || (*out)[k - 1].start != (*out)[i].start)
			(*out)[k++] = (*out)[i];
	}
	*n = k < max ? k : max;
}

/* The nearest hit after off (dir > 0) or before it (dir < 0); at off
 * itself too when inclusive. Scans outward a window at a time. */
static int
find_hit(const struct search *s, const char *body, size_t len, size_t off, int dir,
    int inclusive, size_t *hit)
{
	struct ui_span *v = NULL;
	size_t n = 0, a, b, i, win = (size_t)SEARCH_CHUNK * 4;
	size_t extra = 4 * s->longest;
	int found = 0;

	if (dir > 0) {
		for (a = off; a < len && !found; a += win) {
			find_all(s, body, len, a, a + win + extra, &v, &n, SIZE_MAX);
			for (i = 0; i < n && !found; i++) {
				if (v[i].start > off || (inclusive && v[i].start == off)) {
					*hit = v[i].start;
					found = 1;
				}
			}
		}
	} else {
		for (b = off + extra < len ? off + extra : len; b > 0 && !found; b = a) {
			a = b > win ? b - win : 0;
			find_all(s, body, len, a, b, &v, &n, SIZE_MAX);
			for (i = n; i > 0 && !found; i--) {
				if (v[i - 1].start < off || (inclusive && v[i - 1].start == off)) {
					*hit = v[i - 1].start;
					found = 1;
				}
			}
		}
	}
	free(v);
	return found;
}

/* The hits' starts in the open article, found once per pattern and
 * article: one pass over the body in folded windows, as the search's. */
static void
count_hits(struct ui *ui, struct search *s, const char *body, size_t len)
{
	struct ui_span *v = NULL;
	size_t n = 0, i, to = len;

	if (s->counted == ui_article_id(ui))
		return;
	if (to > COUNT_BYTES)
		to = text_char_start(body, COUNT_BYTES);
	find_all(s, body, len, 0, to, &v, &n, COUNT_MAX + 1);
	s->counted_to = to;
	free(s->starts);
	s->starts = xreallocarray(NULL, n + 1, sizeof *s->starts);
	for (i = 0; i < n; i++)
		s->starts[i] = v[i].start;
	s->nstarts = n;
	s->counted = ui_article_id(ui);
	free(v);
}

struct start_key {
	const size_t *v;
	size_t off;
};

static int
start_past(const void *arg, size_t i)
{
	const struct start_key *k = arg;

	return k->v[i] > k->off;
}

/* "hit 3 of 12" for the hit at HIT, after WHAT ("/word", or the wrap). */
static void
say_hit(struct ui *ui, struct search *s, size_t hit, const char *what)
{
	size_t len;
	const char *body = ui_article_body(ui, &len);
	struct start_key k;
	size_t at;

	count_hits(ui, s, body, len);
	k.v = s->starts;
	k.off = hit;
	at = text_search(s->nstarts, start_past, &k);
	if (hit >= s->counted_to)
		ui_message(ui, "%s  (hits past the first %zu MB are not counted)", what,
		    COUNT_BYTES >> 20);
	else if (s->counted_to < len && s->nstarts <= COUNT_MAX)
		ui_message(ui, "%s  hit %zu of at least %zu", what, at, s->nstarts);
	else if (s->nstarts > COUNT_MAX)
		ui_message(ui, "%s  hit %zu of more than %d", what, at, COUNT_MAX);
	else
		ui_message(ui, "%s  hit %zu of %zu", what, at, s->nstarts);
}

static void
search_step(struct ui *ui, struct search *s, int dir)
{
	size_t hit, len;
	const char *body = ui_article_body(ui, &len);

	if (s->pattern == NULL) {
		ui_message(ui, "no search yet: / searches forward, ? backward");
		return;
	}
	if (body == NULL)
		return;
	if (s->backward)
		dir = -dir;
	if (find_hit(s, body, len, ui_article_offset(ui), dir, 0, &hit)) {
		struct buf what;

		ui_article_jump_push(ui);
		ui_article_goto(ui, hit);
		buf_init(&what);
		buf_printf(&what, "%c%s", dir > 0 ? '/' : '?', s->pattern);
		say_hit(ui, s, hit, what.data);
		buf_free(&what);
		return;
	}
	/* Wrap around, as less and vim do, and say so. */
	if (find_hit(s, body, len, dir > 0 ? 0 : len, dir, 1, &hit)) {
		ui_article_jump_push(ui);
		ui_article_goto(ui, hit);
		say_hit(ui, s, hit, dir > 0 ? "search hit BOTTOM, continuing at TOP" :
		    "search hit TOP, continuing at BOTTOM");
		return;
	}
	ui_error(ui, "not found: %s", s->pattern);
}

/* The line typed after / or ?. */
static int
search_submit(struct ui *ui, int kind, const char *pattern)
{
	struct ui_layer *l = ui_article_layer(ui, &ui_search_layer);
	struct search *s = l->priv;

	if (ui_article_id(ui) <= 0) {
		ui_message(ui, "no article open to search");
		return 0;
	}
	if (pattern[0] != '\0' && set_pattern(s, pattern) != 0)
		return -1;
	if (s->pattern == NULL) {
		ui_message(ui, "no search yet");
		return 0;
	}
	s->backward = kind == '?';
	search_step(ui, s, 1);
	ui_mark(ui, UI_DIRTY_ARTICLE);
	return 0;
}

void
ui_article_search_query(struct ui *ui, const char *query)
{
	struct ui_layer *l = ui_article_layer(ui, &ui_search_layer);
	struct search *s = l->priv;
	const char *body;
	struct buf what;
	size_t len, hit;

	body = ui_article_body(ui, &len);
	if (body == NULL || set_query(s, query) != 0) {
		err_clear();
		return;
	}
	ui_mark(ui, UI_DIRTY_ARTICLE);
	if (!find_hit(s, body, len, 0, 1, 1, &hit)) {
		ui_message(ui, "the words of \"%s\" are not in the text as written (a stem, or "
		    "the title, matched)", query);
		return;
	}
	ui_article_goto(ui, hit);
	buf_init(&what);
	buf_printf(&what, "\"%s\" (n, N: the next, previous)", query);
	say_hit(ui, s, hit, what.data);
	buf_free(&what);
}

static const struct ui_prompt_ops search_line = {
	.submit = search_submit,
};

static int
search_action(struct ui *ui, struct ui_layer *l, enum ui_action a, int count)
{
	(void)count;
	switch (a) {
	case UI_ACT_SEARCH_FORWARD:
		ui_prompt_open(ui, '/', &search_line);
		return 1;
	case UI_ACT_SEARCH_BACKWARD:
		ui_prompt_open(ui, '?', &search_line);
		return 1;
	case UI_ACT_SEARCH_NEXT:
	case UI_ACT_SEARCH_PREV:
		search_step(ui, l->priv, a == UI_ACT_SEARCH_NEXT ? 1 : -1);
		ui_mark(ui, UI_DIRTY_ARTICLE | UI_DIRTY_STATUS | UI_DIRTY_SIDE);
		return 1;
	default:
		return 0;
	}
}

/* The hits on what is about to be drawn (and a match's length beyond,
 * for one that starts on screen and ends below it). */
static void
search_spans(struct ui *ui, struct ui_layer *l, size_t from, size_t to, struct ui_spans *out)
{
	struct search *s = l->priv;
	struct ui_span *v = NULL;
	size_t n = 0, len, i, extra;
	const char *body = ui_article_body(ui, &len);

	if (s->pattern == NULL || body == NULL)
		return;
	extra = 4 * s->longest;
	find_all(s, body, len, from, to + extra < len ? to + extra : len, &v, &n, 4096);
	for (i = 0; i < n; i++)
		ui_spans_add(out, v[i]);
	free(v);
}

static int
search_init(struct ui *ui, struct ui_layer *l)
{
	(void)ui;
	l->priv = xcalloc(1, sizeof(struct search));
	return 0;
}

static void
search_layer_free(struct ui *ui, struct ui_layer *l)
{
	(void)ui;
	if (l->priv == NULL)
		return;
	search_free(l->priv);
	free(l->priv);
	l->priv = NULL;
}

const struct ui_layer_ops ui_search_layer = {
	.name = "search",
	.init = search_init,
	.free = search_layer_free,
	.spans = search_spans,
	.action = search_action,
};
