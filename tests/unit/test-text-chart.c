/* test-text-chart.c: the reports' pictures in cells: bar lengths (eighths
 * of a cell, whole cells in ASCII), the smallest mark for a small count,
 * shade levels and the values each stands for, widths and cutting. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "text.h"

/* The bar for VALUE of MAX on WIDTH, as a string (static). */
static const char *
bar(int64_t value, int64_t max, int width, int ascii, int *cells)
{
	static char out[256];
	struct buf b;

	buf_init(&b);
	*cells = text_bar(&b, value, max, width, ascii);
	snprintf(out, sizeof out, "%s", b.data != NULL ? b.data : "");
	buf_free(&b);
	return out;
}

static void
test_bars(void)
{
	int cells;

	is_str(bar(3, 3, 4, 0, &cells), "\xE2\x96\x88\xE2\x96\x88\xE2\x96\x88\xE2\x96\x88",
	    "the largest value fills the width");
	is_int(cells, 4, "in 4 cells");
	/* 1 of 3 on 4 cells: 32/3 = 10.67 eighths, 11: one full and 3/8. */
	is_str(bar(1, 3, 4, 0, &cells), "\xE2\x96\x88\xE2\x96\x8D", "eighths, rounded");
	is_int(cells, 2, "a part cell counts as a cell");
	is_str(bar(1, 1000, 4, 0, &cells), "\xE2\x96\x8F", "a small value: one eighth, never none");
	is_str(bar(0, 5, 4, 0, &cells), "", "0 draws nothing");
	is_int(cells, 0, "and takes no cell");
	is_str(bar(2, 3, 9, 1, &cells), "######", "ASCII: whole cells (2/3 of 9)");
	is_str(bar(1, 1000, 9, 1, &cells), "#", "ASCII: at least one mark");
	is_str(bar(7, 3, 5, 1, &cells), "#####", "never past the width");
	is_int(text_bar_cells(1, 3, 4, 0), 2, "text_bar_cells says the same as text_bar");
	is_int(text_bar_cells(1, 3, 40, 0), 14, "1 of 3 on 40 cells: 107 eighths, 14 cells");
	is_int(text_bar_cells(5, 0, 40, 0), 0, "no scale, no bar");
}

static void
test_shades(void)
{
	int64_t lo, hi, v;
	int level, prev = 0;

	is_int(text_shade_level(0, 8), 0, "0 is blank");
	is_int(text_shade_level(1, 8), 1, "1 of 8: the lightest");
	is_int(text_shade_level(2, 8), 1, "2 of 8: the lightest");
	is_int(text_shade_level(3, 8), 2, "3 of 8: the second");
	is_int(text_shade_level(8, 8), 4, "the largest is the darkest");
	is_int(text_shade_level(1, 3), 2, "1 of 3: ceil(4/3), the second");
	is_int(text_shade_level(1, 1), 4, "1 of 1: the darkest");
	text_shade_range(2, 8, &lo, &hi);
	ok(lo == 3 && hi == 4, "level 2 of max 8 stands for 3-4 (%lld-%lld)", (long long)lo,
	    (long long)hi);
	text_shade_range(1, 3, &lo, &hi);
	ok(lo > hi, "level 1 of max 3 stands for nothing");
	/* Every value falls in the range of its level, and levels rise. */
	for (v = 1; v <= 1000; v++) {
		level = text_shade_level(v, 1000);
		text_shade_range(level, 1000, &lo, &hi);
		if (v < lo || v > hi || level < prev)
			break;
		prev = level;
	}
	ok(v == 1001, "each of 1..1000 lies in its level's range, levels never fall (at %lld)",
	    (long long)v);
	is_str(text_shade(4, 0), "\xE2\x96\x88", "the darkest: full block");
	is_str(text_shade(1, 0), "\xE2\x96\x91", "the lightest: light shade");
	is_str(text_shade(2, 1), ":", "ASCII shades");
	is_str(text_shade(0, 1), " ", "blank");
}

static void
test_cells(void)
{
	const char *s = "Łódź 東京 e\xCC\x81";   /* a combining accent at the end */

	is_int(text_cells("abc", 3), 3, "ASCII: a cell a byte");
	is_int(text_cells(s, strlen(s)), 4 + 1 + 4 + 1 + 1, "wide and combining characters");
	is_int((long long)text_fit(s, strlen(s), 6), (long long)strlen("Łódź "),
	    "a wide character that does not fit is left out whole");
	is_int((long long)text_fit(s, strlen(s), 100), (long long)strlen(s), "all fits");
	is_int((long long)text_fit("abc", 3, 0), 0, "nothing fits in 0 cells");
}

int
main(void)
{
	test_bars();
	test_shades();
	test_cells();
	return tap_done();
}
