/*
 * text-offset.c: moving between the ways a position in a text is counted.
 * Everything dossier stores is a byte offset into valid UTF-8; the W3C
 * annotation model, the command line and the cleaner's limits count
 * characters (code points); and every sorted list of positions (spans,
 * lines, tokens) is searched by the same binary search. These are the one
 * implementation of each, so that a character is never counted two ways.
 *
 * The text is valid UTF-8 (text_utf8_repair has run), so a character
 * starts at every byte that is not a continuation byte (10xxxxxx).
 */
#include "config.h"

#include <stdlib.h>

#include "text.h"

#define CHARMAP_BLOCK 4096

static int
is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

size_t
text_char_start(const char *s, size_t off)
{
	while (off > 0 && is_cont((unsigned char)s[off]))
		off--;
	return off;
}

size_t
text_char_prev(const char *s, size_t off)
{
	return off == 0 ? 0 : text_char_start(s, off - 1);
}

size_t
text_char_next(const char *s, size_t len, size_t off)
{
	if (off >= len)
		return len;
	for (off++; off < len && is_cont((unsigned char)s[off]); off++)
		;
	return off;
}

size_t
text_chars(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		n += !is_cont((unsigned char)s[i]);
	return n;
}

int
text_char_offset(const char *s, size_t len, size_t chars, size_t *byte)
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

/* ---- an indexed map for long texts -------------------------------------- */

void
text_charmap_init(struct text_charmap *m, const char *s, size_t len)
{
	size_t k;

	m->s = s;
	m->len = len;
	m->nmarks = len / CHARMAP_BLOCK + 1;
	m->marks = xreallocarray(NULL, m->nmarks, sizeof *m->marks);
	m->marks[0] = 0;
	for (k = 1; k < m->nmarks; k++)
		m->marks[k] = m->marks[k - 1] +
		    text_chars(s + (k - 1) * CHARMAP_BLOCK, CHARMAP_BLOCK);
}

void
text_charmap_free(struct text_charmap *m)
{
	free(m->marks);
	m->marks = NULL;
	m->nmarks = 0;
}

size_t
text_charmap_chars(const struct text_charmap *m, size_t byte)
{
	size_t k;

	if (byte > m->len)
		byte = m->len;
	k = byte / CHARMAP_BLOCK;
	return m->marks[k] + text_chars(m->s + k * CHARMAP_BLOCK, byte - k * CHARMAP_BLOCK);
}

struct mark_key {
	const struct text_charmap *m;
	size_t chars;
};

static int
mark_past(const void *arg, size_t i)
{
	const struct mark_key *k = arg;

	return k->m->marks[i] > k->chars;
}

int
text_charmap_byte(const struct text_charmap *m, size_t chars, size_t *byte)
{
	struct mark_key want = { m, chars };
	size_t k, at;

	if (m->nmarks == 0)
		return -1;
	/* The last block that starts at or before the character (block 0
	 * starts at character 0, so there is one). */
	k = text_search(m->nmarks, mark_past, &want) - 1;
	if (text_char_offset(m->s + k * CHARMAP_BLOCK, m->len - k * CHARMAP_BLOCK,
	    chars - m->marks[k], &at) != 0)
		return -1;
	*byte = k * CHARMAP_BLOCK + at;
	return 0;
}

/* ---- searching sorted lists --------------------------------------------- */

size_t
text_search(size_t n, int (*past)(const void *arg, size_t i), const void *arg)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (past(arg, mid))
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

struct span_key {
	const struct text_span *v;
	size_t off;
};

static int
ends_after(const void *arg, size_t i)
{
	const struct span_key *k = arg;

	return k->v[i].end > k->off;
}

static int
starts_after(const void *arg, size_t i)
{
	const struct span_key *k = arg;

	return k->v[i].start > k->off;
}

size_t
text_span_find(const struct text_span *v, size_t n, size_t off)
{
	struct span_key k = { v, off };

	/* The first span ending after OFF holds it or comes after it. */
	return text_search(n, ends_after, &k);
}

int
text_span_overlap(const struct text_span *v, size_t n, size_t start, size_t end,
    size_t *first, size_t *last)
{
	size_t i = text_span_find(v, n, start), j;

	/* An empty range [start, start) counts as the character at START. */
	if (i == n || v[i].start >= (end > start ? end : start + 1))
		return 1;
	for (j = i; j + 1 < n && v[j + 1].start < end; j++)
		;
	*first = i;
	*last = j;
	return 0;
}

size_t
text_span_last(const struct text_span *v, size_t n, size_t off)
{
	struct span_key k = { v, off };
	size_t i = text_search(n, starts_after, &k);

	return i == 0 ? n : i - 1;
}
