/*
 * ingest-target.h: the body of the fuzz-ingest-* targets: arbitrary bytes imported the way `dossier import` reads a
 * file: refused if not text, decoded (from a declared character set, or
 * repaired), parsed as FUZZ_FORMAT (plain text,
 * HTML or a feed: one build of this file per format) and each document
 * cleaned with the shipped chrome and sentence rules. Invariants: the
 * decoded text is valid UTF-8, with no more replacements than bytes, the
 * first inside the input; every cleaned title, body and comment is valid
 * UTF-8, and the outlet and link hold no control character either;
 * nothing crashes or leaks. A target that builds its input itself defines
 * FUZZ_OWN_INPUT and calls fuzz_ingest() from its LLVMFuzzerTestOneInput.
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

/* A one-line field from the markup (outlet, link): UTF-8 without C0, DEL
 * or C1 controls. */
static void
check_field(const char *s)
{
	const unsigned char *p;

	check_utf8(s);
	for (p = (const unsigned char *)s; p != NULL && *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7f || (p[0] == 0xC2 && p[1] >= 0x80 && p[1] < 0xA0))
			abort();
	}
}

static void
fuzz_ingest(enum ingest_format fmt, const char *data, size_t size)
{
	struct text_utf8_report rep;
	struct ingest_docs docs = { 0 };
	struct ingest_clean clean;
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
	if (ingest_check_text(data, size) != 0)
		return;
	buf_init(&text);
	if (fmt == INGEST_AUTO)
		fmt = ingest_detect("fuzz", data, size);
	ingest_decode(fmt, data, size, &text, &rep, &charset);
	free(charset);
	buf_addc(&text, '\0');
	text.len--;
	if (u8_check((const uint8_t *)text.data, text.len) != NULL || rep.replaced > size ||
	    (rep.replaced > 0 && rep.first_bad >= size))
		abort();
	if (ingest_parse(fmt, text.data, text.len, &docs) == 0) {
		for (i = 0; i < docs.n; i++) {
			if (ingest_clean(chrome, rules, &docs.v[i], &clean) != 0)
				continue;
			check_utf8(clean.title);
			check_utf8(clean.body);
			check_utf8(clean.comments);
			check_field(clean.outlet);
			check_field(clean.link);
			ingest_clean_free(&clean);
		}
	}
	ingest_docs_free(&docs);
	buf_free(&text);
}

#ifndef FUZZ_OWN_INPUT
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_ingest(FUZZ_FORMAT, (const char *)data, size);
	return 0;
}
#endif
