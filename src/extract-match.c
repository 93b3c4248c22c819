/*
 * extract-match.c: the alias matcher. Every alias and canonical name of the
 * knowledge base goes into one automaton (extract-ac.c), built once per
 * import run. A scan yields every occurrence, overlapping ones included;
 * the longest then wins ("Russian peacekeepers" over "Russian", "Munich
 * Security Conference" over "Munich"), and the survivors come back in text
 * order with the byte ranges of the original text.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "extract-int.h"

struct extract_matcher {
	struct extract_ac *ac;
	struct extract_occ *occ;   /* scratch for one scan */
	size_t nocc, occcap;
};

/*
 * An alias written in capitals only ("EU", "U.S.", "ОДКБ") is an acronym:
 * matched case-insensitively it would find the pronoun "us" and the French
 * "un", so it must match exactly.
 */
static int
is_acronym(const char *s)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t upper = 0;
	ucs4_t uc;
	int n;

	while (*p != '\0') {
		n = u8_mbtouc(&uc, p, strlen((const char *)p));
		if (n <= 0)
			return 0;
		if (uc_is_general_category(uc, UC_LOWERCASE_LETTER))
			return 0;
		if (uc_is_general_category(uc, UC_UPPERCASE_LETTER))
			upper++;
		p += n;
	}
	return upper >= 2;
}

int
extract_matcher_new(const struct kb *kb, struct extract_matcher **out)
{
	return extract_matcher_new_langs(kb, NULL, out);
}

int
extract_matcher_new_langs(const struct kb *kb, const struct text_langs *langs,
    struct extract_matcher **out)
{
	struct extract_matcher *m = xcalloc(1, sizeof *m);
	size_t i, j;

	m->ac = extract_ac_new();
	for (i = 0; i < kb->n; i++) {
		const struct kb_entity *e = &kb->ents[i];

		if (e->dismissed)
			continue;
		extract_ac_add(m->ac, e->name, (uint32_t)i, is_acronym(e->name));
		for (j = 0; j < e->naliases; j++)
			extract_ac_add(m->ac, e->aliases[j].text, (uint32_t)i,
			    is_acronym(e->aliases[j].text));
	}
	extract_ac_build(m->ac);
	extract_ac_inflect(m->ac, langs);
	*out = m;
	return 0;
}

void
extract_matcher_free(struct extract_matcher *m)
{
	if (m == NULL)
		return;
	extract_ac_free(m->ac);
	free(m->occ);
	free(m);
}

size_t
extract_matcher_size(const struct extract_matcher *m)
{
	return extract_ac_phrases(m->ac);
}

static size_t
span_len(const struct extract_text *t, const struct extract_occ *o)
{
	return t->tok[o->last].end - t->tok[o->first].start;
}

/*
 * Occurrences arrive ordered by their last token, so the hits already kept
 * that overlap a new one are at the end of the list: the new one replaces
 * them when it is longer than each, else it is dropped. Equal lengths keep
 * the leftmost, and the same phrase for two entities the KB's order.
 * Adds O to the N HITS kept so far; returns how many are kept now.
 */
static size_t
keep_longest(const struct extract_text *t, const struct extract_occ *o,
    struct extract_hit **hits, size_t n, size_t *cap)
{
	size_t k, j, len = span_len(t, o);
	struct extract_hit *h;

	for (k = n; k > 0 && (*hits)[k - 1].last >= o->first; k--)
		;
	for (j = k; j < n; j++)
		if ((*hits)[j].end - (*hits)[j].start >= len)
			return n;
	n = k;
	if (n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*hits = xreallocarray(*hits, *cap, sizeof **hits);
	}
	h = &(*hits)[n++];
	h->first = o->first;
	h->last = o->last;
	h->start = t->tok[o->first].start;
	h->end = t->tok[o->last].end;
	h->entity = (int)o->payload;
	return n;
}

/* The longest occurrence at each place (keep_longest). */
size_t
extract_match(const struct extract_matcher *m, const struct extract_text *t,
    struct extract_hit **hits, size_t *cap)
{
	return extract_match_lang(m, t, NULL, hits, cap);
}

size_t
extract_match_lang(const struct extract_matcher *cm, const struct extract_text *t,
    const struct text_lang *lang, struct extract_hit **hits, size_t *cap)
{
	/* The scratch space is the matcher's; a matcher serves one thread. */
	struct extract_matcher *m = (struct extract_matcher *)(uintptr_t)cm;
	size_t i, n = 0;

	m->nocc = 0;
	extract_ac_scan_lang(m->ac, t, lang, &m->occ, &m->nocc, &m->occcap);
	for (i = 0; i < m->nocc; i++)
		n = keep_longest(t, &m->occ[i], hits, n, cap);
	return n;
}

size_t
extract_match_inside(const struct extract_matcher *m, const struct extract_text *t,
    const struct extract_hit *hits, size_t nhits, struct extract_hit **in, size_t *cap)
{
	size_t i, j = 0, n = 0;

	for (i = 0; i < m->nocc; i++) {
		const struct extract_occ *o = &m->occ[i];

		while (j < nhits && hits[j].last < o->last)
			j++;
		if (j == nhits || hits[j].first >= o->first)
			continue;
		/* the longest at each place, as extract_match_lang keeps them */
		n = keep_longest(t, o, in, n, cap);
	}
	return n;
}
