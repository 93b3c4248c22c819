/* test-ui-select.c: the motions that extend a selection (words,
 * sentences, paragraphs) and the span a selection makes, on a text with
 * its sentence and paragraph spans, without a terminal. */
#include "config.h"

#include <string.h>

#define DOSSIER_UI_INTERNAL
#include "store.h"
#include "tap.h"
#include "ui.h"

/* Two paragraphs; the first has two sentences. */
static const char TEXT[] =
    "The talks ended. Both sides left.\n\nÉlite negotiators will return.";

static size_t
at(const char *s)
{
	const char *p = strstr(TEXT, s);

	if (p == NULL)
		tap_bail("'%s' not in the text", s);
	return (size_t)(p - TEXT);
}

static size_t
end_of(const char *s)
{
	return at(s) + strlen(s);
}

int
main(void)
{
	struct text_span sents[3], paras[2];
	struct ui_select_text t;
	size_t lo, hi, s, e;

	sents[0] = (struct text_span){ at("The talks"), end_of("ended.") };
	sents[1] = (struct text_span){ at("Both"), end_of("left.") };
	sents[2] = (struct text_span){ at("Élite"), end_of("return.") };
	paras[0] = (struct text_span){ at("The talks"), end_of("left.") };
	paras[1] = sents[2];
	t = (struct ui_select_text){ TEXT, strlen(TEXT), sents, paras, 3, 2 };

	is_int((long long)ui_select_motion(&t, UI_ACT_WORD_NEXT, 0), (long long)at("talks"),
	    "w: start of the next word");
	is_int((long long)ui_select_motion(&t, UI_ACT_WORD_END, 0), (long long)at("e talks"),
	    "e: last character of the word");
	is_int((long long)ui_select_motion(&t, UI_ACT_WORD_END, at("e talks")),
	    (long long)at("s ended"), "e again: end of the next word");
	is_int((long long)ui_select_motion(&t, UI_ACT_WORD_PREV, at("alks")),
	    (long long)at("talks"), "b: start of the word");
	is_int((long long)ui_select_motion(&t, UI_ACT_WORD_NEXT, at("left")),
	    (long long)at("Élite"), "w crosses into the next paragraph");
	is_int((long long)ui_select_motion(&t, UI_ACT_WORD_PREV, at("Élite")),
	    (long long)at("left"), "b crosses back");
	is_int((long long)ui_select_motion(&t, UI_ACT_SENTENCE_NEXT, 0),
	    (long long)at(". Both"), ") : last character of the sentence");
	is_int((long long)ui_select_motion(&t, UI_ACT_SENTENCE_NEXT, at(". Both")),
	    (long long)at(".\n"), ") again: end of the next sentence");
	is_int((long long)ui_select_motion(&t, UI_ACT_SENTENCE_PREV, at("sides")),
	    (long long)at("Both"), "( : start of the sentence");
	is_int((long long)ui_select_motion(&t, UI_ACT_SENTENCE_PREV, at("Both")),
	    0, "( again: the one before");
	is_int((long long)ui_select_motion(&t, UI_ACT_PARAGRAPH_END, 0), (long long)at(".\n"),
	    "} : end of the paragraph");
	is_int((long long)ui_select_motion(&t, UI_ACT_PARAGRAPH_START, at("return")),
	    (long long)at("Élite"), "{ : start of the paragraph");
	is_int((long long)ui_select_motion(&t, UI_ACT_PARAGRAPH_END, strlen(TEXT) - 1),
	    (long long)(strlen(TEXT) - 1), "} at the end stays");

	ok(ui_select_span(TEXT, strlen(TEXT), at("talks"), at("d."), &lo, &hi) == 0 &&
	    lo == at("talks") && hi == end_of("ended"), "a span includes the cursor's character");
	ok(ui_select_span(TEXT, strlen(TEXT), at("d."), at("talks"), &lo, &hi) == 0 &&
	    lo == at("talks") && hi == end_of("ended"), "either way round");
	ok(ui_select_span(TEXT, strlen(TEXT), at(" Both"), at("Both") + 3, &lo, &hi) == 0 &&
	    lo == at("Both"), "blanks at the edges are left out");
	ok(ui_select_span(TEXT, strlen(TEXT), at("\n\n"), at("\n\n") + 1, &lo, &hi) == -1,
	    "a selection of blanks is empty");
	ok(ui_select_span(TEXT, strlen(TEXT), at("lite") - 2, at("lite") - 2, &lo, &hi) == 0 &&
	    hi - lo == 2, "a two-byte character is taken whole");
	is_int((long long)ui_select_last_char(TEXT, at("lite")), (long long)at("Élite"),
	    "the character before an offset, multi-byte");

	ok(ui_select_sentence(&t, at("sides"), &s, &e) == 0 && s == at("Both") &&
	    e == end_of("left."), "V: the sentence under the cursor");
	ok(ui_select_sentence(&t, at("\n\n"), &s, &e) == 0 && s == at("Both"),
	    "between paragraphs: the sentence before");
	t.nsents = 0;
	ok(ui_select_sentence(&t, at("sides"), &s, &e) == 0 && s == 0 && e == end_of("left."),
	    "without sentences: the paragraph");
	return tap_done();
}
