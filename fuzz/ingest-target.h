/*
 * ingest-target.h: the body of the fuzz-ingest-* targets: arbitrary bytes imported the way `dossier import` reads a
 * file: refused if not text, decoded (from a declared character set, or
 * repaired), parsed as FUZZ_FORMAT (plain text,
 * HTML or a feed: one build of this file per format) and each document
 * cleaned with the shipped chrome and sentence rules. Invariants: every
 * cleaned title, body and comment is valid UTF-8; nothing crashes or leaks.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "ingest.h"
#include "text.h"
#include "util.h"

#ifndef FUZZ_FORMAT
#define FUZZ_FORMAT INGEST_AUTO
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct ingest_chrome *chrome;
static struct text_rules *rules;

static void
check_utf8(const char *s)
{
	if (s != NULL && u8_check((const uint8_t *)s, strlen(s)) != NULL)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct text_utf8_report rep;
	struct ingest_docs docs = { 0 };
	struct ingest_clean clean;
	enum ingest_format fmt = FUZZ_FORMAT;
	struct buf text;
	char *charset;
	size_t i;

	if (chrome == NULL) {
		char *c = path_data_file("chrome.txt"), *a = path_data_file("abbrev.txt");
		chrome = ingest_chrome_new();
		if (ingest_chrome_add_file(chrome, c) != 0 || text_rules_load(a, &rules) != 0)
			abort();
		free(c);
		free(a);
	}
	if (ingest_check_text((const char *)data, size) != 0)
		return 0;
	buf_init(&text);
	if (fmt == INGEST_AUTO)
		fmt = ingest_detect("fuzz", (const char *)data, size);
	ingest_decode(fmt, (const char *)data, size, &text, &rep, &charset);
	free(charset);
	buf_addc(&text, '\0');
	text.len--;
	if (u8_check((const uint8_t *)text.data, text.len) != NULL || rep.replaced > size)
		abort();
	if (ingest_parse(fmt, text.data, text.len, &docs) == 0) {
		for (i = 0; i < docs.n; i++) {
			if (ingest_clean(chrome, rules, &docs.v[i], &clean) != 0)
				continue;
			check_utf8(clean.title);
			check_utf8(clean.body);
			check_utf8(clean.comments);
			ingest_clean_free(&clean);
		}
	}
	ingest_docs_free(&docs);
	buf_free(&text);
	return 0;
}
