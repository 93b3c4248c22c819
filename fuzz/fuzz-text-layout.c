/*
 * fuzz-text-layout.c: repaired text laid out at a width chosen by the input
 * and drawn line by line. Invariants: no drawn item is wider than the line,
 * no drawn byte is a C0/C1 control or DEL, lines follow each other without
 * gaps inside a paragraph, and offset -> column -> offset lands on the line.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "text.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_draw(const struct text_layout *l, const struct text_line *ln, int width)
{
	struct text_draw_iter it;
	struct text_draw d;
	size_t i;

	text_draw_begin(&it, l, ln);
	while (text_draw_next(&it, &d)) {
		if (d.col < 0 || d.col + d.cells > width)
			abort();
		for (i = 0; i < d.len; i++) {
			unsigned char c = (unsigned char)d.s[i];
			if (c < 0x20 || c == 0x7f)
				abort();
			/* C1 controls are U+0080..U+009F: 0xC2 0x80..0x9F. */
			if (c == 0xc2 && i + 1 < d.len && (unsigned char)d.s[i + 1] < 0xa0)
				abort();
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct text_utf8_report rep;
	struct text_layout *l;
	struct text_line ln, next;
	struct text_span *paras;
	struct buf text;
	size_t np, lines = 0, off;
	int width;

	if (size < 1)
		return 0;
	width = 2 + data[0] % 120;
	buf_init(&text);
	text_utf8_repair((const char *)data + 1, size - 1, &text, &rep);
	buf_addc(&text, '\0');
	text.len--;
	np = text_paragraphs(text.data, text.len, &paras);
	l = text_layout_new(text.data, text.len, paras, np);
	text_layout_set_width(l, width);
	if (text_layout_first(l, &ln)) {
		do {
			if (ln.start > ln.end || ln.end > text.len || ln.cells > width)
				abort();
			check_draw(l, &ln, width);
			off = text_layout_off(l, &ln, text_layout_col(l, &ln, ln.start));
			if (off < ln.start || off > ln.end)
				abort();
			if (!text_layout_next(l, &ln, &next))
				break;
			if (next.para == ln.para && next.start != ln.end)
				abort();
			ln = next;
		} while (++lines < 100000);
	}
	if (text_layout_last(l, &ln) && text_layout_line_at(l, text.len / 2, &next) &&
	    next.start > next.end)
		abort();
	text_layout_free(l);
	free(paras);
	buf_free(&text);
	return 0;
}
