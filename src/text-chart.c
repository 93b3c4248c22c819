/*
 * text-chart.c: numbers drawn in terminal cells, for the reports' pictures
 * and tables: a bar's length (in eighths of a cell with Unicode's block
 * elements U+2588..U+258F, in whole cells of '#' in ASCII), a count's
 * shade in a heat map (four levels of U+2591..U+2588, or of ". : * #"),
 * and a text's width in cells and the part of it that fits.
 *
 * Invariants: a bar is never longer than its width; a value above 0 gets
 * at least the smallest mark (an eighth, or one '#'), so a small count is
 * never drawn as none; 0 is drawn as nothing. Shade levels split 1..MAX
 * into TEXT_SHADES equal parts (level = ceil(SHADES * v / MAX)), so the
 * largest value is always the darkest and the legend can say which
 * values each shade stands for (text_shade_range).
 */
#include "config.h"

#include <unistr.h>
#include <uniwidth.h>

#include "text.h"

/* Eighths of a cell for VALUE out of MAX on WIDTH cells (or whole cells,
 * with ASCII), rounded to the nearest. */
static int64_t
bar_units(int64_t value, int64_t max, int width, int per_cell)
{
	int64_t units, most = (int64_t)width * per_cell;

	if (value <= 0 || max <= 0 || width <= 0)
		return 0;
	if (value >= max)
		return most;
	units = (int64_t)((double)value * (double)most / (double)max + 0.5);
	return units < 1 ? 1 : units > most ? most : units;
}

int
text_bar_cells(int64_t value, int64_t max, int width, int ascii)
{
	int64_t u = bar_units(value, max, width, ascii ? 1 : 8);

	return (int)(ascii ? u : (u + 7) / 8);
}

int
text_bar(struct buf *out, int64_t value, int64_t max, int width, int ascii)
{
	/* U+2588 FULL BLOCK, then U+2589..U+258F: seven eighths to one. */
	static const char *const part[8] = { "", "\xE2\x96\x8F", "\xE2\x96\x8E", "\xE2\x96\x8D",
		"\xE2\x96\x8C", "\xE2\x96\x8B", "\xE2\x96\x8A", "\xE2\x96\x89" };
	int64_t u = bar_units(value, max, width, ascii ? 1 : 8), i;

	if (ascii) {
		for (i = 0; i < u; i++)
			buf_addc(out, '#');
		return (int)u;
	}
	for (i = 0; i < u / 8; i++)
		buf_adds(out, "\xE2\x96\x88");
	buf_adds(out, part[u % 8]);
	return (int)((u + 7) / 8);
}

int
text_shade_level(int64_t value, int64_t max)
{
	int64_t level;

	if (value <= 0 || max <= 0)
		return 0;
	if (value >= max)
		return TEXT_SHADES;
	level = (value * TEXT_SHADES + max - 1) / max;
	return level < 1 ? 1 : (int)level;
}

void
text_shade_range(int level, int64_t max, int64_t *lo, int64_t *hi)
{
	/* v is at level k when (k-1) * max < SHADES * v <= k * max. */
	*lo = (level - 1) * max / TEXT_SHADES + 1;
	*hi = level * max / TEXT_SHADES;
}

const char *
text_shade(int level, int ascii)
{
	static const char *const utf8[TEXT_SHADES + 1] = { " ", "\xE2\x96\x91", "\xE2\x96\x92",
		"\xE2\x96\x93", "\xE2\x96\x88" };
	static const char *const plain[TEXT_SHADES + 1] = { " ", ".", ":", "*", "#" };

	if (level < 0)
		level = 0;
	if (level > TEXT_SHADES)
		level = TEXT_SHADES;
	return ascii ? plain[level] : utf8[level];
}

/* The cells character UC takes: what uc_width says, and 1 for what it
 * does not know (safe text has no control characters left). */
static int
char_cells(ucs4_t uc)
{
	int w = uc_width(uc, "UTF-8");

	return w < 0 ? 1 : w;
}

int
text_cells(const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	ucs4_t uc;
	int w = 0, n;

	while (p < end && (n = u8_mbtouc(&uc, p, (size_t)(end - p))) > 0) {
		w += char_cells(uc);
		p += n;
	}
	return w;
}

size_t
text_fit(const char *s, size_t len, int width)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	ucs4_t uc;
	int w = 0, n, cw;

	while (p < end && (n = u8_mbtouc(&uc, p, (size_t)(end - p))) > 0) {
		cw = char_cells(uc);
		if (w + cw > width)
			break;
		w += cw;
		p += n;
	}
	return (size_t)(p - (const uint8_t *)s);
}
