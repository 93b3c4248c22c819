/* test-text-utf8.c: repair of invalid UTF-8, NFC, case folding and its
 * offset map, with expectations worked out by hand. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "text.h"

#define FFFD "\xEF\xBF\xBD"

static void
repair_case(const char *in, size_t len, const char *want, size_t wantlen,
    size_t nrep, size_t first, const char *name)
{
	struct buf b;
	struct text_utf8_report rep;

	buf_init(&b);
	text_utf8_repair(in, len, &b, &rep);
	is_mem(b.data, b.len, want, wantlen, "repair %s: output", name);
	is_int((long long)rep.replaced, (long long)nrep, "repair %s: count", name);
	is_int((long long)rep.first_bad, (long long)first, "repair %s: first bad", name);
	buf_free(&b);
}

#define REPAIR(in, want, n, first, name) \
	repair_case(in, sizeof(in) - 1, want, sizeof(want) - 1, n, first, name)

static void
test_repair(void)
{
	struct buf b;
	struct text_utf8_report rep;

	REPAIR("plain ASCII", "plain ASCII", 0, SIZE_MAX, "ascii");
	REPAIR("Лавров “q”", "Лавров “q”", 0, SIZE_MAX, "valid non-ASCII");
	REPAIR("a\xFF" "b", "a" FFFD "b", 1, 1, "stray byte");
	REPAIR("ab\xE2\x82", "ab" FFFD, 1, 2, "truncated at end");
	REPAIR("\xE2\x82x", FFFD "x", 1, 0, "truncated in middle");
	/* Surrogates and values above U+10FFFF are not maximal subparts of
	 * anything, so each byte is replaced. */
	REPAIR("\xED\xA0\x80", FFFD FFFD FFFD, 3, 0, "surrogate");
	REPAIR("\xF4\x90\x80\x80", FFFD FFFD FFFD FFFD, 4, 0, "above U+10FFFF");
	REPAIR("\xC0\xAF", FFFD FFFD, 2, 0, "overlong slash");
	REPAIR("x\xF0\x9F\x98", "x" FFFD, 1, 1, "truncated emoji");
	REPAIR("\x80\x80", FFFD FFFD, 2, 0, "lone continuations");
	REPAIR("\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80", 0, SIZE_MAX, "emoji");

	buf_init(&b);
	text_utf8_repair("ab\0c\0", 5, &b, &rep);
	is_mem(b.data, b.len, "ab\0c\0", 5, "NUL bytes are kept");
	is_int((long long)rep.nul_at, 2, "first NUL reported");
	is_int((long long)rep.replaced, 0, "NUL is not a replacement");
	buf_reset(&b);
	text_utf8_repair("abc", 3, &b, &rep);
	is_int((long long)rep.nul_at, (long long)SIZE_MAX, "no NUL: SIZE_MAX");
	/* Appends, as documented. */
	text_utf8_repair("d", 1, &b, &rep);
	is_str(b.data, "abcd", "repair appends");
	buf_free(&b);
}

static void
test_nfc(void)
{
	struct buf b;

	buf_init(&b);
	ok(text_nfc("e\xCC\x81t\xC3\xA9", 6, &b) == 0, "nfc ok");
	is_str(b.data, "\xC3\xA9t\xC3\xA9", "e + combining acute composes to é");
	ok(text_nfc("plain", 5, &b) == 0, "nfc ascii ok");
	is_str(b.data, "plain", "nfc replaces contents");
	/* Armenian has no compositions; it must come out unchanged. */
	ok(text_nfc("Արարատ", strlen("Արարատ"), &b) == 0, "nfc armenian ok");
	is_str(b.data, "Արարատ", "armenian unchanged");
	/* Angstrom sign is a singleton decomposition to Å. */
	ok(text_nfc("\xE2\x84\xAB", 3, &b) == 0, "nfc angstrom ok");
	is_str(b.data, "\xC3\x85", "U+212B becomes U+00C5");
	ok(text_nfc("a\xFF", 2, &b) == -1, "invalid UTF-8 is an error");
	ok(strstr(err_msg(), "UTF-8") != NULL, "error says why: %s", err_msg());
	buf_free(&b);
}

static void
fold_case(const char *in, const char *want, const size_t *wantmap, const char *name)
{
	struct text_fold f;
	size_t i, n = strlen(want);
	int good = 1;

	ok(text_fold(in, strlen(in), &f) == 0, "fold %s: ok", name);
	is_mem(f.s, f.len, want, n, "fold %s: text", name);
	if (wantmap != NULL && f.len == n) {
		for (i = 0; i <= n; i++)
			if (f.map[i] != wantmap[i]) {
				diag("map[%zu] = %zu, want %zu", i, f.map[i], wantmap[i]);
				good = 0;
			}
		ok(good, "fold %s: map", name);
	}
	ok(f.map[f.len] == strlen(in), "fold %s: map[len] = original length", name);
	text_fold_free(&f);
}

static void
test_fold(void)
{
	/* Straße: S t r a ß(2 bytes) e; ß folds to "ss", both from byte 4. */
	static const size_t strasse[] = { 0, 1, 2, 3, 4, 4, 6, 7 };
	/* İ (U+0130, 2 bytes) folds to i + U+0307 (3 bytes), all from byte 0. */
	static const size_t ilham[] = { 0, 0, 0, 2, 3, 4, 5, 6 };
	/* Ə (2 bytes) -> ə (2 bytes): both bytes come from the character at 0. */
	static const size_t aliyev[] = { 0, 0, 2, 3, 4, 5, 6, 7 };
	/* Ş ğ ı: Ş folds to ş, ğ and dotless ı have no folding. */
	static const size_t sgi[] = { 0, 0, 2, 2, 4, 4, 6 };
	/* ẞ (3 bytes) -> "ss" */
	static const size_t capsharp[] = { 0, 0, 3, 4 };
	struct text_fold f;
	const char *s;

	fold_case("Straße", "strasse", strasse, "sharp s");
	fold_case("\xE1\xBA\x9E" "X", "ssx", capsharp, "capital sharp s");
	fold_case("Արարատ Միրզոյան", "արարատ միրզոյան", NULL, "armenian");
	fold_case("Əliyev", "əliyev", aliyev, "azerbaijani schwa");
	fold_case("Ceyhun Bayramov", "ceyhun bayramov", NULL, "ceyhun");
	fold_case("Şğı", "şğı", sgi, "s-cedilla g-breve dotless i");
	fold_case("İlham", "i\xCC\x87lham", ilham, "dotted capital I");
	fold_case("Сергей Лавров", "сергей лавров", NULL, "cyrillic");
	fold_case("ΣΟΦΊΑ", "σοφία", NULL, "greek");
	fold_case("", "", NULL, "empty");
	fold_case("AbC-09 [X]", "abc-09 [x]", NULL, "ascii");

	/* A match in folded text maps back to the original bytes. */
	s = "Minister LAVROV said";
	ok(text_fold(s, strlen(s), &f) == 0, "fold sentence");
	{
		const char *hit = strstr(f.s, "lavrov");
		size_t a = (size_t)(hit - f.s), b = a + 6;
		is_int((long long)f.map[a], 9, "match start maps back");
		is_int((long long)f.map[b], 15, "match end maps back");
	}
	text_fold_free(&f);

	s = "Groß Straße";
	ok(text_fold(s, strlen(s), &f) == 0, "fold with expansion");
	{
		const char *hit = strstr(f.s, "strasse");
		size_t a = (size_t)(hit - f.s), b = a + 7;
		is_int((long long)f.map[a], 6, "match after ß maps back");
		is_int((long long)f.map[b], (long long)strlen(s), "end maps to original end");
	}
	text_fold_free(&f);

	/* Invalid bytes are kept as they are and do not break the map. */
	ok(text_fold("A\xFF" "B", 3, &f) == 0, "fold invalid");
	is_mem(f.s, f.len, "a\xFF" "b", 3, "invalid byte kept");
	is_int((long long)f.map[2], 2, "map after invalid byte");
	text_fold_free(&f);

	/* The replacement character itself folds to itself. */
	ok(text_fold(FFFD "A", 4, &f) == 0, "fold U+FFFD");
	is_mem(f.s, f.len, FFFD "a", 4, "U+FFFD kept");
	text_fold_free(&f);

	/* A long mixed text: the map is monotone and lands on char starts. */
	{
		struct buf b;
		size_t i, bad = 0;

		buf_init(&b);
		for (i = 0; i < 5000; i++)
			buf_adds(&b, "Ərdoğan İZMİR Straße ΣΟΦΊΑ Лавров AbC ");
		ok(text_fold(b.data, b.len, &f) == 0, "fold long text");
		for (i = 1; i <= f.len; i++)
			if (f.map[i] < f.map[i - 1] ||
			    ((unsigned char)b.data[f.map[i]] & 0xC0) == 0x80)
				bad++;
		is_int((long long)bad, 0, "map monotone and on character starts");
		text_fold_free(&f);
		buf_free(&b);
	}
	text_fold_free(NULL);
}

/* text-offset.c: characters and bytes, and the binary search. */
static void
test_offsets(void)
{
	const char *s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80" "b";  /* aé€😀b */
	struct text_span v[3] = { { 2, 4 }, { 6, 9 }, { 12, 20 } };
	struct text_charmap m;
	struct buf big;
	size_t b, i, bad = 0;

	is_int((long long)text_chars(s, strlen(s)), 5, "characters counted");
	ok(text_char_offset(s, strlen(s), 3, &b) == 0 && b == 6, "character 3 at byte 6");
	ok(text_char_offset(s, strlen(s), 5, &b) == 0 && b == strlen(s), "end offset");
	ok(text_char_offset(s, strlen(s), 6, &b) == -1, "past the end refused");
	is_int((long long)text_char_start(s, 4), 3, "inside the euro sign: its start");
	is_int((long long)text_char_start(s, 3), 3, "a start stays");
	is_int((long long)text_char_prev(s, 6), 3, "the character before the emoji");
	is_int((long long)text_char_prev(s, 0), 0, "nothing before the start");
	is_int((long long)text_char_next(s, strlen(s), 6), 10, "past the emoji");
	is_int((long long)text_char_next(s, strlen(s), 11), 11, "at the end stays");

	is_int((long long)text_span_find(v, 3, 0), 0, "before the first span");
	is_int((long long)text_span_find(v, 3, 7), 1, "inside the second");
	is_int((long long)text_span_find(v, 3, 9), 2, "at a span's end: the next");
	is_int((long long)text_span_find(v, 3, 25), 3, "after the last");
	is_int((long long)text_span_last(v, 3, 1), 3, "none starts before 1");
	is_int((long long)text_span_last(v, 3, 6), 1, "starts at 6");
	is_int((long long)text_span_last(v, 3, 11), 1, "between spans: the one before");
	is_int((long long)text_span_last(v, 3, 99), 2, "past all: the last");
	is_int((long long)text_span_last(v, 0, 5), 0, "no spans");

	/* The block index agrees with counting from the start everywhere. */
	buf_init(&big);
	for (i = 0; i < 3000; i++)
		buf_adds(&big, "Лавров, \xE2\x82\xAC 5 \xF0\x9F\x98\x80 ok. ");
	text_charmap_init(&m, big.data, big.len);
	for (i = 0; i <= big.len; i += 37) {
		size_t c = text_chars(big.data, i), back;

		if (text_char_start(big.data, i) != i && i < big.len)
			continue;
		if (text_charmap_chars(&m, i) != c || text_charmap_byte(&m, c, &back) != 0 ||
		    back != i)
			bad++;
	}
	is_int((long long)bad, 0, "charmap both ways agrees with counting");
	ok(text_charmap_byte(&m, text_chars(big.data, big.len), &b) == 0 && b == big.len,
	    "charmap: the end");
	ok(text_charmap_byte(&m, text_chars(big.data, big.len) + 1, &b) == -1,
	    "charmap: past the end refused");
	text_charmap_free(&m);
	buf_free(&big);
}

#define SL(lit) lit, sizeof(lit) - 1

static void
test_safe(void)
{
	struct buf b;

	buf_init(&b);
	text_safe(SL("a\x1b]2;x\x07" "b\x7f"), 0, &b);
	is_str(b.data, "a^[]2;x^Gb^?", "C0 and DEL as ^X");
	buf_reset(&b);
	text_safe(SL("csi \xc2\x9b" "31m nel \xc2\x85 nbsp \xc2\xa0"), 0, &b);
	is_str(b.data, "csi <U+009B>31m nel <U+0085> nbsp \xc2\xa0", "C1 as <U+XXXX>, NBSP kept");
	buf_reset(&b);
	text_safe(SL("bad \xff\xc3 end"), 0, &b);
	is_str(b.data, "bad \xef\xbf\xbd\xef\xbf\xbd end", "invalid bytes as U+FFFD");
	buf_reset(&b);
	text_safe(SL("l1\nl2\tx\r\nl3\ry"), TEXT_SAFE_LINES, &b);
	is_str(b.data, "l1\nl2\tx\r\nl3^My", "with lines: LF, tab and CR LF kept, a lone CR not");
	buf_reset(&b);
	text_safe(SL("l1\nl2\tx"), 0, &b);
	is_str(b.data, "l1^Jl2^Ix", "one line: LF and tab shown");
	buf_free(&b);
}

static void
test_decode(void)
{
	struct text_utf8_report rep;
	struct buf b;

	buf_init(&b);
	ok(text_decode("windows-1252", SL("caf\xe9 \x81 \x80"), &b, &rep) == 0 &&
	    strcmp(b.data, "caf\xc3\xa9 \xef\xbf\xbd \xe2\x82\xac") == 0 && rep.replaced == 1 &&
	    rep.first_bad == 5, "windows-1252: 0x81 becomes U+FFFD at its offset, the rest kept");
	buf_reset(&b);
	ok(text_decode("shift_jis", SL("\x82\xa0\x82"), &b, &rep) == 0 &&
	    strcmp(b.data, "\xe3\x81\x82\xef\xbf\xbd") == 0 && rep.replaced == 1 &&
	    rep.first_bad == 2, "a sequence cut short at the end: U+FFFD");
	buf_reset(&b);
	ok(text_decode("utf-7", "+ABs-", 5, &b, &rep) == -1 && b.len == 0,
	    "UTF-7 refused: %s", err_msg());
	ok(text_decode("no-such-set", "x", 1, &b, &rep) == -1, "unknown set: %s", err_msg());
	buf_reset(&b);
	ok(text_decode("\x02UTF-8", SL("a\xf4\xa7\xa7\xa7z"), &b, &rep) == -1 && b.len == 0,
	    "a converter that lets a sequence above U+10FFFF through is refused: %s", err_msg());
	buf_free(&b);
}

static void
test_shared(void)
{
	static const char a[] = "The foreign ministers met in Moscow on Tuesday to discuss "
	    "the corridor and the border.";
	static const char grown[] = "Update: The foreign ministers met in Moscow on Tuesday to "
	    "discuss the corridor and the border. They agreed to meet again in a month.";
	static const char other[] = "Thousands of visitors came to the old town square for the "
	    "opening day of the harvest festival.";
	struct text_shingles sa, sg, so, se;

	text_shingles(a, sizeof a - 1, &sa);
	text_shingles(grown, sizeof grown - 1, &sg);
	text_shingles(other, sizeof other - 1, &so);
	text_shingles("", 0, &se);
	ok(text_shared(&sa, &sg) >= 0.9, "a grown version shares nearly all of the first: %.2f",
	    text_shared(&sa, &sg));
	ok(text_shared(&sa, &so) < 0.1, "another article shares nearly nothing: %.2f",
	    text_shared(&sa, &so));
	ok(text_shared(&sa, &sa) == 1.0 && text_shared(&se, &se) == 1.0 &&
	    text_shared(&sa, &se) == 0.0, "itself 1, two empty texts 1, empty and not 0");
	text_shingles_free(&sa), text_shingles_free(&sg);
	text_shingles_free(&so), text_shingles_free(&se);
}

int
main(void)
{
	test_offsets();
	test_repair();
	test_nfc();
	test_fold();
	test_safe();
	test_decode();
	test_shared();
	return tap_done();
}
