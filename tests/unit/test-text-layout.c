/* test-text-layout.c: wrapping, cell widths, offset <-> cell maps, safe
 * display of control and format characters, the lazy line cache; then a
 * seeded property test over random UTF-8 paragraphs. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <unistr.h>

#include "tap.h"
#include "text.h"

/* What a line draws, with control stand-ins in braces: "a{^[}b". */
static char *
drawn(const struct text_layout *l, const struct text_line *ln)
{
	struct text_draw_iter it;
	struct text_draw d;
	struct buf b;

	buf_init(&b);
	buf_adds(&b, "");
	text_draw_begin(&it, l, ln);
	while (text_draw_next(&it, &d)) {
		if (d.kind == TEXT_DRAW_CONTROL)
			buf_addc(&b, '{');
		buf_add(&b, d.s, d.len);
		if (d.kind == TEXT_DRAW_CONTROL)
			buf_addc(&b, '}');
	}
	return buf_detach(&b, NULL);
}

/* All lines of one paragraph S at WIDTH, drawn and joined with '|'. */
static char *
wrapped(const char *s, size_t len, int width)
{
	struct text_span one = { 0, len };
	struct text_layout *l = text_layout_new(s, len, &one, 1);
	struct text_line ln;
	struct buf b;
	int more;

	buf_init(&b);
	buf_adds(&b, "");
	text_layout_set_width(l, width);
	for (more = text_layout_first(l, &ln); more; more = text_layout_next(l, &ln, &ln)) {
		char *d = drawn(l, &ln);
		if (b.len > 0)
			buf_addc(&b, '|');
		buf_adds(&b, d);
		free(d);
	}
	text_layout_free(l);
	return buf_detach(&b, NULL);
}

static void
wrap_case(const char *s, int width, const char *want, const char *name)
{
	char *got = wrapped(s, strlen(s), width);

	is_str(got, want, "wrap %s", name);
	free(got);
}

/* Column of byte OFF of S laid out as one paragraph, first line. */
static int
col_of(const char *s, int width, size_t off)
{
	struct text_span one = { 0, strlen(s) };
	struct text_layout *l = text_layout_new(s, strlen(s), &one, 1);
	struct text_line ln;
	int col;

	text_layout_set_width(l, width);
	text_layout_line_at(l, off, &ln);
	col = text_layout_col(l, &ln, off);
	text_layout_free(l);
	return col;
}

static void
test_wrap(void)
{
	struct text_line *v;
	size_t n;
	char *s;

	wrap_case("The quick brown fox jumps over the lazy dog", 10,
	    "The quick |brown fox |jumps over|the lazy |dog", "english");
	n = text_wrap("The quick brown fox", 19, 10, &v);
	is_int((long long)n, 2, "text_wrap count");
	is_int((long long)v[0].end, 10, "first line ends after the space");
	is_int((long long)v[0].content_end, 9, "content ends before it");
	is_int(v[0].cells, 9, "first line cells");
	is_int(v[1].cells, 9, "second line cells");
	free(v);
	wrap_case("中文字符测试", 5, "中文|字符|测试", "CJK is two cells a character");
	wrap_case("中文字符测试", 4, "中文|字符|测试", "CJK at an exact fit");
	wrap_case("Արարատ Միրզոյան", 8, "Արարատ |Միրզոյան", "Armenian");
	wrap_case("Сергей Лавров", 6, "Сергей|Лавров", "Cyrillic");
	wrap_case("Əliyev Ceyhun Bayramov şğı", 13, "Əliyev Ceyhun|Bayramov şğı", "Azerbaijani");
	/* e + U+0301 six times: one cell per cluster, never split. */
	wrap_case("e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81", 3,
	    "e\xCC\x81" "e\xCC\x81" "e\xCC\x81|e\xCC\x81" "e\xCC\x81" "e\xCC\x81",
	    "combining marks stay on their base");
	/* A family (man ZWJ woman ZWJ girl) is one two-cell cluster. */
	wrap_case("👨‍👩‍👧👨‍👩‍👧", 2, "👨‍👩‍👧|👨‍👩‍👧", "ZWJ sequences are never split");
	is_int(col_of("a👨‍👩‍👧b", 80, 19), 3, "ZWJ sequence takes two cells");
	is_int(col_of("a👨‍👩‍👧b", 80, 5), 1, "offset inside the sequence maps to its start");
	wrap_case("🇦🇲🇦🇿", 2, "🇦🇲|🇦🇿", "flags are pairs of regional indicators");
	wrap_case("ok 👍🏽 fine", 80, "ok 👍🏽 fine", "skin tone modifier");
	is_int(col_of("ok 👍🏽 fine", 80, 11), 5, "modifier joins its emoji");
	wrap_case("a\tb", 80, "a       b", "tab to column 8");
	is_int(col_of("a\tb", 80, 2), 8, "column after a tab");
	is_int(col_of("abcdefgh\tb", 80, 9), 16, "tab at a tab stop is a full stop");
	wrap_case("abcdefghi\tj", 10, "abcdefghi |j", "tab clipped to the line and hung");
	wrap_case("ab   cd", 3, "ab |cd", "spaces hang past the width, undrawn");
	wrap_case("well-known", 6, "well-|known", "break after a hyphen");
	/* UAX #14 LB29: no break between a full stop, comma or colon and the
	 * letter after it (libunistring 1.0 offers one). Each line overflows
	 * inside the abbreviation, and it moves down whole. */
	wrap_case("signed by the U.S. envoy", 15, "signed by the |U.S. envoy",
	    "U.S. is not broken after U.");
	wrap_case("signed by the U.S.A. envoy", 16, "signed by the |U.S.A. envoy",
	    "nor U.S.A. after U.S.");
	wrap_case("in Washington, D.C. today", 17, "in Washington, |D.C. today",
	    "nor D.C.");
	wrap_case("say, e.g. the envoy", 7, "say, |e.g. |the |envoy", "nor e.g.");
	wrap_case("well-known U.S.-led talks", 13, "well-known |U.S.-led |talks",
	    "nor U.S.-led before its hyphen");
	wrap_case("x a,b", 4, "x |a,b", "a comma between letters either");

	/* A 5,000-character word: broken at cluster boundaries, 80 a line. */
	s = xmalloc(5001);
	memset(s, 'x', 5000);
	s[5000] = '\0';
	n = text_wrap(s, 5000, 80, &v);
	is_int((long long)n, 63, "5,000-character word in 63 lines");
	is_int(v[0].cells, 80, "full lines");
	is_int(v[62].cells, 40, "last line holds the rest");
	free(v);
	free(s);
	{
		struct buf b;
		size_t i, bad = 0;

		buf_init(&b);
		buf_adds(&b, "See https://example.com/");
		for (i = 0; i < 5000; i++)
			buf_addc(&b, "abcdefghij/?=&.-_~%0123"[i % 23]);
		buf_adds(&b, " and more.");
		n = text_wrap(b.data, b.len, 80, &v);
		for (i = 0; i < n; i++)
			if (v[i].cells > 80 || (i > 0 && v[i].start != v[i - 1].end))
				bad++;
		ok(n >= 63 && bad == 0 && v[n - 1].end == b.len,
		    "5,000-character URL wraps within 80 cells (%zu lines)", n);
		free(v);
		buf_free(&b);
	}
	n = text_wrap("", 0, 80, &v);
	is_int((long long)n, 0, "empty text has no lines");
	free(v);
	wrap_case("x", 1, "x", "width below 2 is taken as 2");
}

static void
test_controls(void)
{
	char in[8], want[32], *got;
	unsigned c;
	size_t raw = 0;

	/* Every C0 control (tab aside) and DEL as ^X between two letters. */
	for (c = 0; c < 0x20; c++) {
		if (c == '\t')
			continue;
		snprintf(in, sizeof in, "a%cb", (char)c);
		snprintf(want, sizeof want, "a{^%c}b", (char)(c ^ 0x40));
		got = wrapped(in, 3, 80);
		if (!is_str(got, want, "C0 0x%02X drawn visibly", c))
			raw++;
		free(got);
	}
	got = wrapped("a\x7f" "b", 3, 80);
	is_str(got, "a{^?}b", "DEL drawn as ^?");
	free(got);
	got = wrapped("a\x1b]0;title\x07" "b", strlen("a\x1b]0;title\x07" "b"), 80);
	is_str(got, "a{^[}]0;title{^G}b", "OSC title sequence is inert");
	free(got);
	got = wrapped("\x1b[31mred\x1b[0m", strlen("\x1b[31mred\x1b[0m"), 80);
	is_str(got, "{^[}[31mred{^[}[0m", "SGR colour sequence is inert");
	free(got);
	/* Every C1 control, encoded in UTF-8 (C2 80 .. C2 9F). */
	for (c = 0x80; c < 0xA0; c++) {
		in[0] = 'a';
		in[1] = (char)0xC2;
		in[2] = (char)c;
		in[3] = 'b';
		snprintf(want, sizeof want, "a{<U+%04X>}b", c);
		got = wrapped(in, 4, 80);
		is_str(got, want, "C1 U+%04X drawn visibly", c);
		free(got);
	}
	/* Bidi embeddings, overrides, isolates and other format characters. */
	{
		static const struct { const char *in, *want; } f[] = {
			{ "a\xE2\x80\xAA" "b", "a{<U+202A>}b" },
			{ "a\xE2\x80\xAB" "b", "a{<U+202B>}b" },
			{ "a\xE2\x80\xAC" "b", "a{<U+202C>}b" },
			{ "a\xE2\x80\xAD" "b", "a{<U+202D>}b" },
			{ "a\xE2\x80\xAE" "b", "a{<U+202E>}b" },
			{ "a\xE2\x81\xA6" "b", "a{<U+2066>}b" },
			{ "a\xE2\x81\xA7" "b", "a{<U+2067>}b" },
			{ "a\xE2\x81\xA8" "b", "a{<U+2068>}b" },
			{ "a\xE2\x81\xA9" "b", "a{<U+2069>}b" },
			{ "a\xE2\x80\x8E" "b", "a{<U+200E>}b" },
			{ "a\xE2\x80\x8F" "b", "a{<U+200F>}b" },
			{ "a\xE2\x80\x8B" "b", "a{<U+200B>}b" },
			{ "a\xEF\xBB\xBF" "b", "a{<U+FEFF>}b" },
			{ "a\xC2\xAD" "b", "a{<U+00AD>}b" },
			{ "a\xD8\x9C" "b", "a{<U+061C>}b" },
			{ "a\xE2\x80\xA8" "b", "a{<U+2028>}b" },
			{ "a\xE2\x80\xA9" "b", "a{<U+2029>}b" },
			{ "a\xF3\xA0\x81\x81" "b", "a{<U+E0041>}b" },
			{ "\xE2\x80\x8D" "x", "{<U+200D>}x" },
			{ "\xCC\x81" "a", "{\xE2\x97\x8C\xCC\x81}a" },
			{ "a\xEF\xBF\xBD" "b", "a{\xEF\xBF\xBD}b" },
			{ "a\xFF" "b", "a{\xEF\xBF\xBD}b" },
			{ "a\xC2\xA0" "b", "a\xC2\xA0" "b" },
		};
		size_t i;

		for (i = 0; i < ARRAY_LEN(f); i++) {
			got = wrapped(f[i].in, strlen(f[i].in), 80);
			is_str(got, f[i].want, "format character %zu drawn as %s", i, f[i].want);
			free(got);
		}
	}
	is_int(col_of("a\xE2\x80\xAE" "b", 80, 4), 9, "<U+202E> takes its 8 cells");
	is_int(col_of("a\x1b" "b", 80, 2), 3, "^[ takes 2 cells");
	got = wrapped("\xE2\x80\xAE", 3, 5);
	is_str(got, "{<U+20}", "a stand-in is cut to a narrow line");
	free(got);
	/* All 0x00-0x1F and 0x7F-0x9F in one paragraph: nothing raw comes out. */
	{
		struct buf b;
		size_t i;

		buf_init(&b);
		for (c = 0; c < 0xA0; c++) {
			if (c >= 0x80) {
				buf_addc(&b, (char)0xC2);
				buf_addc(&b, (char)c);
			} else if (c < 0x20 || c == 0x7F)
				buf_addc(&b, (char)c);
		}
		got = wrapped(b.data, b.len, 20);
		for (i = 0; got[i]; i++) {
			unsigned char u = (unsigned char)got[i];
			if (u < 0x20 || u == 0x7F ||
			    (u == 0xC2 && (unsigned char)got[i + 1] < 0xA0))
				raw++;
		}
		is_int((long long)raw, 0, "no raw control byte in any drawn line");
		buf_free(&b);
		free(got);
	}
}

static void
test_maps(void)
{
	const char *s = "Արարատ Միրզոյան met Сергей Лавров";
	struct text_span one = { 0, strlen(s) };
	struct text_layout *l = text_layout_new(s, strlen(s), &one, 1);
	struct text_line ln;
	size_t m = 13, c = 34;  /* byte offsets of Մ and of С */

	text_layout_set_width(l, 80);
	ok(text_layout_line_at(l, m, &ln), "line at Մ");
	is_int(text_layout_col(l, &ln, m), 7, "Մ at column 7");
	is_int((long long)text_layout_off(l, &ln, 7), (long long)m, "column 7 is Մ");
	is_int(text_layout_col(l, &ln, m + 1), 7, "inside Մ is Մ's column");
	is_int(text_layout_col(l, &ln, c), 20, "С at column 20");
	is_int((long long)text_layout_off(l, &ln, 20), (long long)c, "column 20 is С");
	is_int((long long)text_layout_off(l, &ln, 500), (long long)strlen(s),
	    "past the end of the last line: the end");
	is_int(text_layout_col(l, &ln, strlen(s)), 33, "the end is after the last cell");
	text_layout_set_width(l, 16);
	ok(text_layout_line_at(l, c, &ln), "line at С at width 16");
	is_int(text_layout_col(l, &ln, c), 4, "С at column 4 of its line");
	is_int((long long)ln.start, 30, "that line starts at met");
	text_layout_free(l);

	s = "中文 text";
	one.end = strlen(s);
	l = text_layout_new(s, strlen(s), &one, 1);
	text_layout_line_at(l, 0, &ln);
	is_int((long long)text_layout_off(l, &ln, 1), 0, "right half of 中 is 中");
	is_int((long long)text_layout_off(l, &ln, 2), 3, "column 2 is 文");
	is_int(text_layout_col(l, &ln, 7), 5, "t after two wide characters and a space");
	text_layout_free(l);

	s = "a👨‍👩‍👧e\xCC\x81z";
	is_int((long long)text_grapheme_next(s, strlen(s), 0), 1, "grapheme next over a");
	is_int((long long)text_grapheme_next(s, strlen(s), 1), 19, "grapheme next over the family");
	is_int((long long)text_grapheme_next(s, strlen(s), 19), 22, "grapheme next over e + acute");
	is_int((long long)text_grapheme_prev(s, strlen(s), 22), 19, "grapheme prev to e");
	is_int((long long)text_grapheme_prev(s, strlen(s), 19), 1, "grapheme prev to the family");
	is_int((long long)text_grapheme_prev(s, strlen(s), 1), 0, "grapheme prev to a");
	is_int((long long)text_grapheme_next(s, strlen(s), 23), 23, "grapheme next at the end");

	s = "Сергей Лавров, said: “no”.";
	is_int((long long)text_word_next(s, strlen(s), 0), 13, "next word Лавров");
	is_int((long long)text_word_next(s, strlen(s), 13), 27, "next word said");
	is_int((long long)text_word_next(s, strlen(s), 27), 36, "next word no");
	is_int((long long)text_word_next(s, strlen(s), 36), strlen(s), "no word after no");
	is_int((long long)text_word_prev(s, strlen(s), strlen(s)), 36, "prev word no");
	is_int((long long)text_word_prev(s, strlen(s), 27), 13, "prev word Лавров");
	is_int((long long)text_word_prev(s, strlen(s), 17), 13, "prev word from inside Лавров");
	is_int((long long)text_word_prev(s, strlen(s), 13), 0, "prev word Сергей");
	{
		struct text_span v[] = { { 0, 5 }, { 6, 10 }, { 12, 20 } };
		is_int((long long)text_span_find(v, 3, 0), 0, "span find: in the first");
		is_int((long long)text_span_find(v, 3, 5), 1, "span find: in a gap, the next");
		is_int((long long)text_span_find(v, 3, 13), 2, "span find: in the last");
		is_int((long long)text_span_find(v, 3, 20), 3, "span find: after all");
	}
}

static void
test_paragraphs(void)
{
	const char *s = "First paragraph here.\n\nSecond one, a bit longer.\nThird.";
	struct text_span *p;
	size_t np = text_paragraphs(s, strlen(s), &p);
	struct text_layout *l = text_layout_new(s, strlen(s), p, np);
	struct text_line ln, a;
	struct buf b;
	int more;

	text_layout_set_width(l, 12);
	buf_init(&b);
	buf_adds(&b, "");
	for (more = text_layout_first(l, &ln); more; more = text_layout_next(l, &ln, &ln))
		buf_printf(&b, "%zu:%.*s/", ln.para, (int)(ln.content_end - ln.start), s + ln.start);
	is_str(b.data, "0:First/0:paragraph/0:here./1:Second one,/1:a bit/1:longer./2:Third./",
	    "lines run across paragraphs");
	buf_reset(&b);
	for (more = text_layout_last(l, &ln); more; more = text_layout_prev(l, &ln, &ln))
		buf_printf(&b, "%.*s/", (int)(ln.content_end - ln.start), s + ln.start);
	is_str(b.data, "Third./longer./a bit/Second one,/here./paragraph/First/",
	    "and back again");
	ok(text_layout_line_at(l, 22, &a) && a.para == 0 && a.end == 21,
	    "between paragraphs: the last line before");
	ok(text_layout_line_at(l, 1000, &a) && a.para == 2, "past the end: the last line");
	ok(!text_layout_prev(l, &(struct text_line){ 0, 0, 6, 5, 5 }, &a), "nothing before the first");
	text_layout_set_width(l, 80);
	ok(text_layout_first(l, &ln) && ln.end == 21, "a new width re-wraps");
	is_int((long long)text_layout_para_at(l, 30), 1, "para_at");
	text_layout_free(l);
	free(p);
	buf_free(&b);
	l = text_layout_new("", 0, NULL, 0);
	ok(!text_layout_first(l, &ln) && !text_layout_last(l, &ln) &&
	    !text_layout_line_at(l, 0, &ln), "no paragraphs, no lines");
	text_layout_free(l);
}

/* ---- random text ------------------------------------------------------ */

static uint64_t rng = 0x9E3779B97F4A7C15u;

static unsigned
rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static const char *const pieces[] = {
	"a", "b", "Z", "word", "the", "Lavrov", " ", " ", " ", "  ", "\t", ".", ",",
	"-", "/", "“", "”", "—", "中", "文", "한", "e\xCC\x81", "\xCC\x81", "\xCC\x88",
	"Ա", "ր", "Сергей", "Əliyev", "ş", "ğ", "ı", "👍", "👍🏽", "👨‍👩‍👧", "🇦🇲",
	"🇦", "\xE2\x80\x8D", "\x1b", "\x07", "\n", "\r", "\x7f", "\xC2\x85", "\xC2\x9B",
	"\xE2\x80\xAE", "\xE2\x81\xA6", "\xE2\x80\x8B", "\xC2\xAD", "\xEF\xBB\xBF",
	"\xC2\xA0", "\xE3\x80\x80", "\xEF\xBF\xBD", "ש", "ع", "ก\xE0\xB8\xB1", "1", "42",
	"\xF0\x9F\x8F\xB3\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x8C\x88", "\xE2\x9D\xA4\xEF\xB8\x8F",
	"\xE1\x84\x80\xE1\x85\xA1", "\xF3\xA0\x81\x81",
};

static void
random_text(struct buf *b, size_t pieces_n)
{
	size_t i;

	buf_reset(b);
	for (i = 0; i < pieces_n; i++) {
		/* Now and then a long run without spaces. */
		if (rnd(200) == 0) {
			size_t k, m = 20 + rnd(300);
			for (k = 0; k < m; k++)
				buf_addc(b, (char)('a' + rnd(26)));
			continue;
		}
		buf_adds(b, pieces[rnd(ARRAY_LEN(pieces))]);
	}
}

static int
is_safe_output(const char *s, size_t n)
{
	size_t i = 0;
	ucs4_t uc;

	if (u8_check((const uint8_t *)s, n) != NULL)
		return 0;
	while (i < n) {
		int k = u8_mbtouc(&uc, (const uint8_t *)s + i, n - i);
		if (uc < 0x20 || (uc >= 0x7F && uc < 0xA0) || (uc >= 0x202A && uc <= 0x202E) ||
		    (uc >= 0x2066 && uc <= 0x2069) || uc == 0x200E || uc == 0x200F ||
		    uc == 0xFEFF || uc == 0xAD || uc == 0x2028 || uc == 0x2029 ||
		    (uc >= 0xE0000 && uc <= 0xE007F))
			return 0;
		i += (size_t)k;
	}
	return 1;
}

static int
standin_at(const char *s, size_t i)
{
	ucs4_t uc;

	u8_mbtouc_unsafe(&uc, (const uint8_t *)s + i, 4);
	return uc < 0x20 || (uc >= 0x7F && uc < 0xA0) ||
	    uc_is_general_category_withtable(uc, UC_CATEGORY_MASK_Cf |
	    UC_CATEGORY_MASK_Cn | UC_CATEGORY_MASK_Zl | UC_CATEGORY_MASK_Zp);
}

static size_t
prev_char(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[--i] & 0xC0) == 0x80)
		;
	return i;
}

/* Is OFF one of the layout's sync points (text.h), where a line ends in a
 * long paragraph whatever the opportunities? */
static int
is_sync(const char *s, size_t len, size_t off)
{
	size_t m = off / TEXT_LAYOUT_JUMP, base = m * TEXT_LAYOUT_JUMP, i;

	if (m == 0)
		return 0;
	for (i = base + 1; i < len && i < base + 4096; i++)
		if (s[i - 1] == ' ' && s[i] > ' ' && s[i] < 0x7F)
			return i == off;
	return 1;  /* the rarer rules: accept */
}

/* Checks one paragraph at one width; returns the number of violations,
 * with a diagnostic for the first. */
static int
check_one(const char *s, size_t len, int width, const char *gb, const char *lb)
{
	struct text_span one = { 0, len };
	struct text_layout *l = text_layout_new(s, len, &one, 1);
	struct text_line ln;
	size_t expect = 0;
	int more, bad = 0;

	text_layout_set_width(l, width);
	for (more = text_layout_first(l, &ln); more && !bad; more = text_layout_next(l, &ln, &ln)) {
		struct text_draw_iter it;
		struct text_draw d;
		size_t at = ln.start;
		int col = 0;

		if (ln.start != expect) {
			diag("line starts at %zu, want %zu", ln.start, expect);
			bad++;
		}
		if (ln.end <= ln.start || ln.content_end > ln.end || ln.cells > width) {
			diag("line [%zu,%zu) content %zu cells %d width %d", ln.start, ln.end,
			    ln.content_end, ln.cells, width);
			bad++;
		}
		/* A control or format character is shown on its own, so a line
		 * may start right after one (CR LF), or with one (a tag
		 * character, which UAX #29 attaches to what is before it). */
		if (!gb[ln.start] && !standin_at(s, ln.start) &&
		    !standin_at(s, prev_char(s, ln.start))) {
			diag("line starts inside a grapheme cluster at %zu", ln.start);
			bad++;
		}
		/* A line ends at a UAX #14 opportunity, or has none at all (at a
		 * cluster boundary: UAX #14 allows a break between a space and a
		 * combining mark, which are one cluster) and breaks where the
		 * width runs out. */
		if (ln.end < len && lb[ln.end] != UC_BREAK_POSSIBLE && !is_sync(s, len, ln.end)) {
			size_t q;

			for (q = ln.start + 1; q < ln.end; q++)
				if (lb[q] == UC_BREAK_POSSIBLE && gb[q]) {
					diag("line [%zu,%zu) ends at no opportunity, but %zu is one: [%.*s] [%.*s]",
					    ln.start, ln.end, q, (int)(q - ln.start), s + ln.start, (int)(ln.end - q), s + q);
					bad++;
					break;
				}
		}
		text_draw_begin(&it, l, &ln);
		while (text_draw_next(&it, &d)) {
			if (d.start != at || d.col != col || d.cells < 1 || d.col + d.cells > width ||
			    !is_safe_output(d.s, d.len)) {
				diag("item [%zu,%zu) col %d cells %d at %zu col %d width %d", d.start,
				    d.end, d.col, d.cells, at, col, width);
				bad++;
				break;
			}
			/* byte -> cell -> byte on every item (cluster) start */
			if (text_layout_col(l, &ln, d.start) != d.col ||
			    text_layout_off(l, &ln, d.col) != d.start ||
			    text_layout_off(l, &ln, d.col + d.cells - 1) != d.start) {
				diag("round trip fails at %zu (col %d)", d.start, d.col);
				bad++;
			}
			at = d.end;
			col += d.cells;
		}
		/* Only hanging spaces may be left undrawn. */
		for (; at < ln.end && !bad; at++)
			if (s[at] != ' ' && s[at] != '\t' && (unsigned char)s[at] < 0x80) {
				diag("undrawn non-space at %zu in [%zu,%zu)", at, ln.start, ln.end);
				bad++;
			}
		if (ln.cells > col && !bad) {
			diag("cells %d but drew %d", ln.cells, col);
			bad++;
		}
		expect = ln.end;
	}
	if (!bad && expect != len) {
		diag("lines end at %zu, text at %zu", expect, len);
		bad++;
	}
	text_layout_free(l);
	return bad;
}

/* The opportunities UAX #14 gives, with LB29 (no break between a full
 * stop, comma, colon or semicolon and a letter) where libunistring 1.0
 * offers one. */
static void
lb29(const char *s, size_t len, char *lb)
{
	size_t p;
	ucs4_t c;

	for (p = 1; p < len; p++) {
		if (lb[p] != UC_BREAK_POSSIBLE || strchr(".,:;", s[p - 1]) == NULL)
			continue;
		if (u8_mbtouc(&c, (const uint8_t *)s + p, len - p) > 0 &&
		    uc_is_general_category(c, UC_CATEGORY_L))
			lb[p] = UC_BREAK_PROHIBITED;
	}
}

static void
test_property(void)
{
	struct buf b;
	char *gb = NULL, *lb = NULL;
	int i, failed = 0, first = -1;

	buf_init(&b);
	for (i = 0; i < 3000; i++) {
		size_t n = i < 2990 ? 1 + rnd(120) : 20000 + rnd(20000);
		int width = 2 + (int)rnd(i % 3 ? 40 : 100);

		random_text(&b, n);
		gb = xrealloc(gb, b.len + 1);
		u8_grapheme_breaks((const uint8_t *)b.data, b.len, gb);
		if (b.len > 0)
			gb[0] = 1;
		lb = xrealloc(lb, b.len + 1);
		u8_possible_linebreaks((const uint8_t *)b.data, b.len, "UTF-8", lb);
		lb29(b.data, b.len, lb);
		if (check_one(b.data, b.len, width, gb, lb) != 0) {
			failed++;
			if (first < 0) {
				first = i;
				diag("case %d (width %d, %zu bytes) failed", i, width, b.len);
			}
		}
	}
	is_int(failed, 0, "3,000 random paragraphs: lines tile the text, fit the width, "
	    "start on cluster boundaries, end at break opportunities, draw safely and map "
	    "both ways");
	free(gb);
	free(lb);
	buf_free(&b);
}

/* A 2 MB paragraph (bench/bench-text measures 10 MB): the first and last
 * screens come from the lazy cache; the last lines equal those of a full
 * layout, and so do lines found by jumping into the middle. */
static void
test_huge(void)
{
	struct buf b;
	struct text_span one;
	struct text_layout *l;
	struct text_line ln, *full;
	size_t nfull, i, k, mismatch = 0;
	int row, more;

	buf_init(&b);
	while (b.len < 2u << 20) {
		static const char *const w[] = { "Lavrov ", "said ", "the ", "corridor ",
			"must ", "remain ", "open, ", "Bayramov ", "replied. ", "“No ",
			"checkpoints.” ", "Արարատ ", "Միրզոյան ", "中文字符 ", "peacekeeping " };
		buf_adds(&b, w[rnd(ARRAY_LEN(w))]);
	}
	b.len--;  /* no trailing space */
	one.start = 0;
	one.end = b.len;
	nfull = text_wrap(b.data, b.len, 80, &full);
	l = text_layout_new(b.data, b.len, &one, 1);
	ok(text_layout_first(l, &ln) && ln.start == full[0].start && ln.end == full[0].end,
	    "first line of a 2 MB paragraph");
	for (row = 0, more = 1; row < 50 && more; row++)
		more = text_layout_next(l, &ln, &ln);
	ok(ln.start == full[50].start, "50 lines down by the cache");
	ok(text_layout_last(l, &ln) && ln.end == b.len && ln.start == full[nfull - 1].start,
	    "last line (G) equals the full layout's");
	for (row = 0; row < 100; row++) {
		if (ln.start != full[nfull - 1 - (size_t)row].start)
			mismatch++;
		text_layout_prev(l, &ln, &ln);
	}
	is_int((long long)mismatch, 0, "last 100 lines, walked up, equal the full layout's");
	/* Jumps to the middle, as a search hit would. */
	for (k = 0, mismatch = 0; k < 200; k++) {
		size_t off = rnd((unsigned)b.len), lo = 0, hi = nfull;

		text_layout_line_at(l, off, &ln);
		while (lo < hi) {  /* the last full line starting at or before off */
			size_t mid = lo + (hi - lo) / 2;
			if (full[mid].start <= off)
				lo = mid + 1;
			else
				hi = mid;
		}
		i = lo - 1;
		if (ln.start != full[i].start || ln.end != full[i].end)
			mismatch++;
	}
	is_int((long long)mismatch, 0, "lines found by jumping equal the full layout's");
	text_layout_free(l);
	free(full);
	buf_free(&b);
}

/* The seed articles' own paragraphs (curly quotes, apostrophes, em dashes,
 * non-breaking spaces) at a few widths, under the same checks. */
static void
test_seeds(void)
{
	static const char *const files[] = {
		"000_ab6cf303251600eb.txt", "001_4da024a5a7a9d0c0.txt",
		"002_3362ed2f4686983c.txt", "003_087e10ad7f5da170.txt",
		"004_4acc096c17fb1e04.txt",
	};
	static const int widths[] = { 12, 37, 80 };
	const char *seeds = tap_seeds_dir();
	size_t k, i, w, paras = 0;
	int bad = 0;

	for (k = 0; k < ARRAY_LEN(files); k++) {
		char path[4096], *data, *gb, *lb;
		struct text_span *p;
		size_t len, np;

		snprintf(path, sizeof path, "%s/seeds/%s", seeds, files[k]);
		if (path_read_file(path, 1 << 24, &data, &len) != 0)
			tap_bail("%s", err_msg());
		np = text_paragraphs(data, len, &p);
		for (i = 0; i < np; i++) {
			const char *t = data + p[i].start;
			size_t n = p[i].end - p[i].start;

			gb = xmalloc(n + 1);
			lb = xmalloc(n + 1);
			u8_grapheme_breaks((const uint8_t *)t, n, gb);
			u8_possible_linebreaks((const uint8_t *)t, n, "UTF-8", lb);
			for (w = 0; w < ARRAY_LEN(widths); w++)
				bad += check_one(t, n, widths[w], gb, lb);
			free(gb);
			free(lb);
		}
		paras += np;
		free(p);
		free(data);
	}
	is_int(bad, 0, "%zu seed paragraphs wrap cleanly at widths 12, 37 and 80", paras);
	/* Curly quotes, apostrophes and em dashes are one cell each. */
	is_int(col_of("Azerbaijan’s “swift” MOSCOW — On", 80, strlen("Azerbaijan’s “swift” MOSCOW — ")),
	    30, "’ “ ” — take one cell each");
}

int
main(void)
{
	test_wrap();
	test_controls();
	test_maps();
	test_paragraphs();
	test_property();
	test_seeds();
	test_huge();
	return tap_done();
}
