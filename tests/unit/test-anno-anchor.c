/* test-anno-anchor.c: anchoring alone (no database): quote and context,
 * and finding a highlight again after the text changed before, inside or
 * after it, when it is repeated, and when it is gone. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anno.h"
#include "tap.h"
#include "text.h"
#include "util.h"

static const char BASE[] =
    "The foreign ministers met in Moscow on Tuesday. "
    "The minister said the corridor would reopen within a week. "
    "Officials in Baku did not comment on the talks. "
    "Observers expect another round of negotiations next month.";

static const char QUOTE[] = "the corridor would reopen within a week";

/* An anchor on the first occurrence of Q in TEXT. */
static void
anchor_on(const char *text, const char *q, struct anno_anchor *a)
{
	const char *at = strstr(text, q);

	if (at == NULL || anno_anchor_make(text, strlen(text), (size_t)(at - text),
	    (size_t)(at - text) + strlen(q), a) != 0)
		tap_bail("cannot anchor '%s': %s", q, err_msg());
}

/* Places OLD in TEXT; *got is the text found (malloc'd) or NULL. */
static enum anno_placed
place(const char *text, const struct anno_anchor *old, char **got, size_t *start)
{
	size_t s = 0, e = 0;
	enum anno_placed p = anno_anchor_place(text, strlen(text), old, &s, &e);

	*got = p != ANNO_PLACED_NONE ? xstrndup(text + s, e - s) : NULL;
	if (start != NULL)
		*start = s;
	return p;
}

static char *
replace(const char *text, const char *what, const char *with)
{
	const char *at = strstr(text, what);

	if (at == NULL)
		tap_bail("'%s' not in the text", what);
	return xasprintf("%.*s%s%s", (int)(at - text), text, with, at + strlen(what));
}

static void
test_make(void)
{
	struct anno_anchor a;
	const char *cyr = "Министр иностранных дел заявил, что коридор откроется через неделю.";
	const char *q = strstr(cyr, "коридор");

	anchor_on(BASE, QUOTE, &a);
	is_str(a.quote, QUOTE, "quote is the span");
	is_int((long long)strlen(a.prefix), 32, "prefix: 32 characters");
	is_str(a.prefix, "w on Tuesday. The minister said ", "prefix text");
	is_str(a.suffix, ". Officials in Baku did not comm", "suffix: 32 characters after");
	anno_anchor_free(&a);

	ok(anno_anchor_make(cyr, strlen(cyr), (size_t)(q - cyr), (size_t)(q - cyr) + strlen("коридор"),
	    &a) == 0, "anchors in Cyrillic text");
	is_int((long long)text_chars(a.prefix, strlen(a.prefix)), 32,
	    "context counts characters, not bytes");
	is_str(a.suffix, " откроется через неделю.", "suffix stops at the end of the text");
	anno_anchor_free(&a);

	ok(anno_anchor_make(BASE, strlen(BASE), 0, 3, &a) == 0 && strcmp(a.prefix, "") == 0,
	    "no prefix at the start of the text");
	anno_anchor_free(&a);
	ok(anno_anchor_make(BASE, strlen(BASE), 5, 5, &a) == -1, "empty span refused");
	ok(anno_anchor_make(BASE, strlen(BASE), 5, strlen(BASE) + 1, &a) == -1,
	    "span past the end refused: %s", err_msg());
	ok(anno_anchor_make(cyr, strlen(cyr), 1, 4, &a) == -1,
	    "span inside a character refused: %s", err_msg());
}

static void
test_same_text(void)
{
	struct anno_anchor a;
	char *got;
	size_t s;

	anchor_on(BASE, QUOTE, &a);
	is_int(place(BASE, &a, &got, &s), ANNO_PLACED_EXACT, "unchanged text: exact");
	ok(s == a.start && got && strcmp(got, QUOTE) == 0, "same offsets");
	free(got);
	anno_anchor_free(&a);
}

static void
test_insert_before(void)
{
	struct anno_anchor a;
	char *text = replace(BASE, "The foreign", "In a long-awaited meeting, the foreign");
	char *got;
	size_t s;

	anchor_on(BASE, QUOTE, &a);
	is_int(place(text, &a, &got, &s), ANNO_PLACED_CONTEXT,
	    "text inserted before: found by quote and context");
	is_str(got, QUOTE, "same quote");
	is_int((long long)s, (long long)(strstr(text, QUOTE) - text), "at its new offset");
	free(got);
	free(text);
	anno_anchor_free(&a);
}

static void
test_insert_after(void)
{
	struct anno_anchor a;
	char *far = replace(BASE, "next month.", "next month, diplomats said.");
	char *near = replace(BASE, "within a week. ", "within a week, he added. ");
	char *got;
	size_t s;

	anchor_on(BASE, QUOTE, &a);
	is_int(place(far, &a, &got, &s), ANNO_PLACED_EXACT,
	    "text inserted well after: exact");
	free(got);
	is_int(place(near, &a, &got, &s), ANNO_PLACED_QUOTE,
	    "text inserted just after (context changed): found by quote");
	ok(got && strcmp(got, QUOTE) == 0 && s == a.start, "at the same place");
	free(got);
	free(far);
	free(near);
	anno_anchor_free(&a);
}

static void
test_insert_inside(void)
{
	struct anno_anchor a;
	char *text = replace(BASE, "would reopen", "would fully reopen");
	char *got;

	anchor_on(BASE, QUOTE, &a);
	is_int(place(text, &a, &got, NULL), ANNO_PLACED_FUZZY,
	    "text inserted inside the quote: fuzzy match");
	is_str(got, "the corridor would fully reopen within a week",
	    "the match spans the changed quote");
	free(got);
	free(text);
	anno_anchor_free(&a);
	/* A word longer than the fuzzy bound, in a short quote: the unchanged
	 * context on both sides still places it. */
	anchor_on(BASE, "would reopen within a week", &a);
	text = replace(BASE, "would reopen", "would fully reopen");
	is_int(place(text, &a, &got, NULL), ANNO_PLACED_FUZZY,
	    "long insertion in a short quote: placed between its context");
	is_str(got, "would fully reopen within a week", "the whole changed quote, no more");
	free(got);
	free(text);
	anno_anchor_free(&a);
	anchor_on(BASE, QUOTE, &a);
	text = replace(BASE, "within a week", "within one week");
	is_int(place(text, &a, &got, NULL), ANNO_PLACED_FUZZY, "a word changed: fuzzy match");
	is_str(got, "the corridor would reopen within one week", "the changed quote");
	free(got);
	free(text);
	anno_anchor_free(&a);
}

static void
test_repeated(void)
{
	const char *text =
	    "Aliyev said: we want peace. Pashinyan later said: we want peace. "
	    "Both sides said so.";
	struct anno_anchor a;
	const char *second = strstr(strstr(text, "we want peace") + 1, "we want peace");
	char *changed, *got;
	size_t s;

	ok(anno_anchor_make(text, strlen(text), (size_t)(second - text),
	    (size_t)(second - text) + strlen("we want peace"), &a) == 0, "anchor the second one");
	changed = xasprintf("Update: %s", text);
	is_int(place(changed, &a, &got, &s), ANNO_PLACED_CONTEXT, "repeated quote, moved");
	ok(s == (size_t)(strstr(strstr(changed, "we want peace") + 1, "we want peace") - changed),
	    "the second occurrence is chosen by its context");
	free(got);
	free(changed);
	/* Both contexts changed: the one with more of its context wins. */
	changed = replace(text, "Pashinyan later said:", "Pashinyan then said:");
	is_int(place(changed, &a, &got, &s), ANNO_PLACED_QUOTE, "context changed: quote");
	ok(s == (size_t)(strstr(strstr(changed, "we want peace") + 1, "we want peace") - changed),
	    "still the second occurrence");
	free(got);
	free(changed);
	anno_anchor_free(&a);
}

static void
test_deleted(void)
{
	struct anno_anchor a;
	char *text = replace(BASE, "The minister said the corridor would reopen within a week. ", "");
	char *got;

	anchor_on(BASE, QUOTE, &a);
	is_int(place(text, &a, &got, NULL), ANNO_PLACED_NONE, "quote deleted: not placed");
	ok(got == NULL, "nothing returned");
	free(text);
	anno_anchor_free(&a);
	anchor_on(BASE, "Baku", &a);
	text = replace(BASE, "Baku", "Yerevan");
	is_int(place(text, &a, &got, NULL), ANNO_PLACED_NONE,
	    "a short quote is never matched fuzzily");
	free(text);
	anno_anchor_free(&a);
	is_int((long long)anno_fuzzy_bound(40), 8, "fuzzy bound: a fifth of the quote");
}

static void
test_multibyte_fuzzy(void)
{
	const char *text = "Премьер-министр Армении Никол Пашинян заявил о готовности подписать договор.";
	struct anno_anchor a;
	char *changed, *got;

	anchor_on(text, "заявил о готовности подписать договор", &a);
	changed = replace(text, "о готовности", "о полной готовности");
	is_int(place(changed, &a, &got, NULL), ANNO_PLACED_FUZZY, "fuzzy in Cyrillic");
	is_str(got, "заявил о полной готовности подписать договор",
	    "match ends on character boundaries");
	free(got);
	free(changed);
	/* The text before changed as well: placed from its unchanged suffix. */
	{
		char *step = replace(text, "Премьер-министр Армении",
		    "Глава армянского правительства");
		changed = replace(step, "о готовности", "о своей полной готовности");
		free(step);
	}
	is_int(place(changed, &a, &got, NULL), ANNO_PLACED_FUZZY,
	    "prefix and quote changed: placed back from the suffix");
	is_str(got, "заявил о своей полной готовности подписать договор",
	    "the whole new quote, on character boundaries");
	free(got);
	free(changed);
	anno_anchor_free(&a);
}

/* A long text and a long quote take the windowed search. */
static void
test_long(void)
{
	struct buf b;
	struct anno_anchor a;
	char *changed, *got;
	size_t i, qs, qe;

	buf_init(&b);
	for (i = 0; i < 4000; i++)
		buf_printf(&b, "Sentence %zu of the filler text says nothing. ", i);
	qs = b.len;
	for (i = 0; i < 40; i++)
		buf_printf(&b, "The quoted passage, part %zu, is what matters here. ", i);
	qe = b.len - 1;
	for (i = 0; i < 4000; i++)
		buf_printf(&b, "More filler %zu follows the passage. ", i);
	ok(anno_anchor_make(b.data, b.len, qs, qe, &a) == 0, "long quote anchored");
	changed = replace(b.data, "part 17,", "part seventeen,");
	is_int(place(changed, &a, &got, NULL), ANNO_PLACED_FUZZY,
	    "long quote in a long text: found by the windowed search");
	ok(got != NULL && strstr(got, "part seventeen,") != NULL, "with the change");
	free(got);
	free(changed);
	anno_anchor_free(&a);
	buf_free(&b);
}

/* The plain dynamic programme the bit-parallel distance must agree with. */
static size_t
naive_distance(const uint32_t *a, size_t m, const uint32_t *b, size_t n)
{
	size_t *row = calloc(n + 1, sizeof *row), i, j, d;

	for (j = 0; j <= n; j++)
		row[j] = j;
	for (i = 1; i <= m; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (j = 1; j <= n; j++) {
			size_t up = row[j], c = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < c)
				c = up + 1;
			if (row[j - 1] + 1 < c)
				c = row[j - 1] + 1;
			diag = up;
			row[j] = c;
		}
	}
	d = row[n];
	free(row);
	return d;
}

/* Random strings over a small alphabet with one two-byte and one
 * three-byte character, at lengths around the 64-row block edges. */
static void
test_edit_distance(void)
{
	static const char *const alphabet[] = { "a", "b", "c", "\xc3\xa9", "\xe2\x80\x94" };
	static const uint32_t cps[] = { 'a', 'b', 'c', 0xE9, 0x2014 };
	static const size_t lens[] = { 0, 1, 2, 5, 63, 64, 65, 127, 128, 129, 200 };
	unsigned seed = 7;
	size_t x, y, mismatches = 0, cases = 0;

	for (x = 0; x < sizeof lens / sizeof *lens; x++)
		for (y = 0; y < sizeof lens / sizeof *lens; y++) {
			uint32_t a[200], b[200];
			struct buf sa, sb;
			size_t i;

			buf_init(&sa);
			buf_init(&sb);
			for (i = 0; i < lens[x]; i++) {
				seed = seed * 1103515245u + 12345u;
				a[i] = cps[(seed >> 16) % 5];
				buf_adds(&sa, alphabet[(seed >> 16) % 5]);
			}
			for (i = 0; i < lens[y]; i++) {
				seed = seed * 1103515245u + 12345u;
				/* b mostly copies a, so distances stay small and the
				 * cheap diagonal paths are exercised too. */
				size_t k = (seed >> 16) % 5;
				if (i < lens[x] && (seed >> 20) % 4 != 0)
					k = a[i] == 'a' ? 0 : a[i] == 'b' ? 1 : a[i] == 'c' ? 2 : a[i] == 0xE9 ? 3 : 4;
				b[i] = cps[k];
				buf_adds(&sb, alphabet[k]);
			}
			cases++;
			if (anno_edit_distance(sa.data ? sa.data : "", sa.len, sb.data ? sb.data : "", sb.len) !=
			    naive_distance(a, lens[x], b, lens[y]))
				mismatches++;
			buf_free(&sa);
			buf_free(&sb);
		}
	is_int((long)mismatches, 0, "bit-parallel edit distance agrees with the plain one on %zu pairs", cases);
	is_int((long)anno_edit_distance("kitten", 6, "sitting", 7), 3, "kitten/sitting: 3");
}

int
main(void)
{
	test_make();
	test_same_text();
	test_insert_before();
	test_insert_after();
	test_insert_inside();
	test_repeated();
	test_deleted();
	test_multibyte_fuzzy();
	test_long();
	test_edit_distance();
	return tap_done();
}
