/*
 * fuzz-extract-match.c: the alias matcher over arbitrary text. An input
 * holding a NUL byte is a knowledge base (dossier-kb(5)) before it and the
 * text after it; one without is text matched against the shipped
 * knowledge base, and then analysed whole (mentions, agreements,
 * statements) as an import would.
 *
 * Checks, beyond no crash and no leak: hits come in text order without
 * overlapping; each is whole tokens and its bytes are those tokens'; its
 * entity is a live one of the knowledge base; and the hit's own text,
 * matched alone, is one hit over all of it for the same entity (a match
 * never depends on the words around it). Extraction's mentions and
 * statements lie inside the text, in order.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../src/extract-int.h"   /* the matcher alone */
#include "kb.h"
#include "text.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct kb *shipped;
static struct extract_matcher *shipped_m;
static struct extractor *shipped_x;
static struct text_rules *rules;

static void
ignore(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

static void
setup(void)
{
	char *dir = path_data_file("kb"), *abbrev = path_data_file("abbrev.txt");

	shipped = kb_new();
	if (kb_load_dir(shipped, dir, KB_ORIGIN_KB, ignore, NULL) < 0 ||
	    extract_matcher_new(shipped, &shipped_m) != 0 ||
	    extractor_new(shipped, path_data_dir(), &shipped_x) != 0 ||
	    text_rules_load(abbrev, &rules) != 0)
		abort();
	free(dir);
	free(abbrev);
}

/* The hit's bytes matched alone give one hit over all of them. */
static void
check_alone(const struct extract_matcher *m, const char *s, const struct extract_hit *h)
{
	struct extract_text t;
	struct extract_hit *hits = NULL;
	size_t cap = 0, n;

	extract_text_init(&t);
	if (extract_text_set(&t, s + h->start, h->end - h->start) != 0)
		abort();
	n = extract_match(m, &t, &hits, &cap);
	if (n != 1 || hits[0].start != 0 || hits[0].end != h->end - h->start ||
	    hits[0].entity != h->entity)
		abort();
	free(hits);
	extract_text_free(&t);
}

static void
check_hits(const struct kb *kb, const struct extract_matcher *m, const struct extract_text *t,
    const struct extract_hit *h, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (h[i].first > h[i].last || h[i].last >= t->ntok)
			abort();
		if (i > 0 && h[i].first <= h[i - 1].last)
			abort();
		if (h[i].start != t->tok[h[i].first].start || h[i].end != t->tok[h[i].last].end ||
		    h[i].start >= h[i].end || h[i].end > t->len)
			abort();
		if (h[i].entity < 0 || (size_t)h[i].entity >= kb->n || kb->ents[h[i].entity].dismissed)
			abort();
		check_alone(m, t->s, &h[i]);
	}
}

static void
match(const struct kb *kb, const struct extract_matcher *m, const char *s, size_t len)
{
	struct extract_text t;
	struct extract_hit *hits = NULL;
	size_t cap = 0, n;

	extract_text_init(&t);
	if (extract_text_set(&t, s, len) != 0)
		abort();
	n = extract_match(m, &t, &hits, &cap);
	check_hits(kb, m, &t, hits, n);
	free(hits);
	extract_text_free(&t);
}

/* Paragraphs and sentences as the import finds them, then extraction. */
static void
analyse(const char *s, size_t len)
{
	struct text_span *p = NULL, *sp = NULL, *sent = NULL;
	struct extract_input in;
	struct extract_result r;
	struct arena a;
	size_t np, ns, i, j, total = 0;

	np = text_paragraphs(s, len, &p);
	for (i = 0; i < np; i++) {
		ns = text_sentences(rules, s + p[i].start, p[i].end - p[i].start, &sp);
		sent = xreallocarray(sent, total + ns + 1, sizeof *sent);
		for (j = 0; j < ns; j++) {
			sent[total].start = p[i].start + sp[j].start;
			sent[total++].end = p[i].start + sp[j].end;
		}
		free(sp);
		sp = NULL;
	}
	memset(&in, 0, sizeof in);
	in.body = s;
	in.len = len;
	in.paragraphs = p;
	in.nparagraphs = np;
	in.sentences = sent;
	in.nsentences = total;
	in.date = "2020-11-10";
	arena_init(&a);
	if (extract_article(shipped_x, &in, &a, &r) != 0)
		abort();
	for (i = 0; i < r.nmentions; i++) {
		if (r.mentions[i].start >= r.mentions[i].end || r.mentions[i].end > len ||
		    (i > 0 && r.mentions[i].start < r.mentions[i - 1].start))
			abort();
		if (r.mentions[i].entity >= 0 ? (size_t)r.mentions[i].entity >= shipped->n
		    : (size_t)(-r.mentions[i].entity - 1) >= r.ncandidates)
			abort();
	}
	for (i = 0; i < r.nstatements; i++) {
		if (r.statements[i].start >= r.statements[i].end || r.statements[i].end > len ||
		    (i > 0 && r.statements[i].start < r.statements[i - 1].start))
			abort();
	}
	arena_free(&a);
	free(sent);
	free(p);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data, *nul = memchr(in, '\0', size);
	struct text_utf8_report rep;
	struct buf raw, text;

	if (shipped == NULL)
		setup();
	/* The text as an import stores it: valid UTF-8 in NFC, no NUL. */
	buf_init(&raw);
	buf_init(&text);
	if (nul != NULL)
		text_utf8_repair(nul + 1, size - (size_t)(nul + 1 - in), &raw, &rep);
	else
		text_utf8_repair(in, size, &raw, &rep);
	if (rep.nul_at == SIZE_MAX && text_nfc(raw.data != NULL ? raw.data : "", raw.len, &text) == 0) {
		buf_addc(&text, '\0');
		text.len--;
		if (nul != NULL) {
			struct kb *kb = kb_new();
			struct extract_matcher *m;

			kb_parse(kb, "fuzz.tsv", in, (size_t)(nul - in), KB_ORIGIN_USER, ignore, NULL);
			kb_resolve(kb, ignore, NULL);
			if (extract_matcher_new(kb, &m) != 0)
				abort();
			match(kb, m, text.data, text.len);
			extract_matcher_free(m);
			kb_free(kb);
		} else {
			match(shipped, shipped_m, text.data, text.len);
			analyse(text.data, text.len);
		}
	}
	buf_free(&raw);
	buf_free(&text);
	return 0;
}
