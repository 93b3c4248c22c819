/*
 * fuzz-text-segment.c: repaired text through paragraph, sentence and word
 * segmentation with the shipped abbreviation list. Invariants: every span
 * lies inside its container, spans are ordered and never overlap.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "text.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct text_rules *rules;

static void
check_spans(const struct text_span *sp, size_t n, size_t len)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (sp[i].start > sp[i].end || sp[i].end > len)
			abort();
		if (i > 0 && sp[i].start < sp[i - 1].end)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct text_utf8_report rep;
	struct text_span *paras, *sents, *words;
	struct buf text;
	size_t np, ns, nw, i;

	if (rules == NULL) {
		char *path = path_data_file("abbrev.txt");
		if (text_rules_load(path, &rules) != 0)
			abort();
		free(path);
	}
	buf_init(&text);
	text_utf8_repair((const char *)data, size, &text, &rep);
	buf_addc(&text, '\0');
	text.len--;
	np = text_paragraphs(text.data, text.len, &paras);
	check_spans(paras, np, text.len);
	for (i = 0; i < np; i++) {
		const char *p = text.data + paras[i].start;
		size_t plen = paras[i].end - paras[i].start;

		ns = text_sentences(rules, p, plen, &sents);
		check_spans(sents, ns, plen);
		free(sents);
		nw = text_words(p, plen, &words);
		check_spans(words, nw, plen);
		free(words);
	}
	free(paras);
	buf_free(&text);
	return 0;
}
