/*
 * ui-select.c: the motions that extend a selection in the article, by
 * words, sentences and paragraphs, as vi's visual mode does. The moving
 * end of a selection is the article's cursor, and it is inclusive: the
 * selection covers the character under it, so `e` selects a whole word.
 * Going forward a motion stops on the last character of a unit, going
 * back on its first, so a selection grows and shrinks by whole units.
 *
 * Pure (text in, offsets out): sentences and paragraphs are the spans
 * stored at import, words come from the text module.
 */
#include "config.h"

#include <stdlib.h>

#define DOSSIER_UI_INTERNAL
#include "store.h"
#include "text.h"
#include "ui.h"

size_t
ui_select_last_char(const char *s, size_t end)
{
	return text_char_prev(s, end);
}

static int
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

int
ui_select_span(const char *s, size_t len, size_t a, size_t b, size_t *lo, size_t *hi)
{
	size_t x = a < b ? a : b, y = a < b ? b : a;

	if (x >= len)
		return -1;
	if (y >= len)
		y = ui_select_last_char(s, len);
	/* The end is the character under the cursor, included. */
	y = text_char_next(s, len, y);
	while (x < y && blank(s[x]))
		x++;
	while (y > x && blank(s[y - 1]))
		y--;
	*lo = x;
	*hi = y;
	return y > x ? 0 : -1;
}

/* Forward: the last character of the unit holding CUR when CUR is before
 * it, else of the next unit. Back: the unit's first character when CUR is
 * past it, else the previous unit's. */
static size_t
by_spans(const char *body, const struct text_span *v, size_t n, size_t cur, int dir)
{
	size_t i = text_span_last(v, n, cur);

	if (n == 0)
		return cur;
	if (dir > 0) {
		if (i < n && cur < v[i].end) {
			size_t last = ui_select_last_char(body, v[i].end);
			if (cur < last)
				return last;
		}
		i = i == n ? 0 : i + 1;
		return i < n ? ui_select_last_char(body, v[i].end) : cur;
	}
	if (i == n)
		return cur;
	if (cur > v[i].start)
		return v[i].start;
	return i > 0 ? v[i - 1].start : cur;
}

/* The words of paragraph p as absolute spans (*out malloc'd). */
static size_t
para_words(const struct ui_select_text *t, size_t p, struct text_span **out)
{
	const struct text_span *pp = &t->paras[p];
	struct text_span *w = NULL;
	size_t n = text_words(t->body + pp->start, pp->end - pp->start, &w), i;

	*out = n > 0 ? xreallocarray(NULL, n, sizeof **out) : NULL;
	for (i = 0; i < n; i++) {
		(*out)[i].start = pp->start + w[i].start;
		(*out)[i].end = pp->start + w[i].end;
	}
	free(w);
	return n;
}

/* w, e, b: within the cursor's paragraph, else the next (previous) one
 * that has words. */
static size_t
by_words(const struct ui_select_text *t, enum ui_action a, size_t cur)
{
	int dir = a == UI_ACT_WORD_PREV ? -1 : 1;
	size_t p = text_span_last(t->paras, t->nparas, cur), steps;

	if (t->nparas == 0)
		return cur;
	if (p == t->nparas)
		p = 0;
	for (steps = 0; steps < 64 && p < t->nparas; steps++) {
		struct text_span *w;
		size_t n = para_words(t, p, &w), i, to = cur;
		int found = 0;

		for (i = 0; i < n && !found && dir > 0; i++) {
			size_t last = ui_select_last_char(t->body, w[i].end);
			if (a == UI_ACT_WORD_NEXT && w[i].start > cur)
				to = w[i].start, found = 1;
			else if (a == UI_ACT_WORD_END && last > cur)
				to = last, found = 1;
		}
		for (i = n; i > 0 && !found && dir < 0; i--) {
			if (w[i - 1].start < cur)
				to = w[i - 1].start, found = 1;
		}
		free(w);
		if (found)
			return to;
		if (dir < 0 && p == 0)
			break;
		p = dir > 0 ? p + 1 : p - 1;
	}
	return cur;
}

size_t
ui_select_motion(const struct ui_select_text *t, enum ui_action a, size_t cur)
{
	switch (a) {
	case UI_ACT_WORD_NEXT:
	case UI_ACT_WORD_END:
	case UI_ACT_WORD_PREV:
		return by_words(t, a, cur);
	case UI_ACT_SENTENCE_NEXT:
	case UI_ACT_SENTENCE_PREV:
		if (t->nsents > 0)
			return by_spans(t->body, t->sents, t->nsents, cur,
			    a == UI_ACT_SENTENCE_NEXT ? 1 : -1);
		/* An article stored without sentences: its paragraphs. */
		/* fall through */
	case UI_ACT_PARAGRAPH_END:
	case UI_ACT_PARAGRAPH_START:
		return by_spans(t->body, t->paras, t->nparas, cur,
		    a == UI_ACT_PARAGRAPH_END || a == UI_ACT_SENTENCE_NEXT ? 1 : -1);
	default:
		return cur;
	}
}

int
ui_select_sentence(const struct ui_select_text *t, size_t off, size_t *start, size_t *end)
{
	const struct text_span *v = t->nsents > 0 ? t->sents : t->paras;
	size_t n = t->nsents > 0 ? t->nsents : t->nparas, i = text_span_last(v, n, off);

	if (i == n) {
		if (n == 0)
			return -1;
		i = 0;
	}
	*start = v[i].start;
	*end = v[i].end;
	return *end > *start ? 0 : -1;
}
