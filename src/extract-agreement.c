/*
 * extract-agreement.c: agreements the text names without an alias.
 *
 * Writers vary how they name an agreement ("the November 9, 2020
 * agreement", "the first tripartite statement dated 9-10 November 2020",
 * "the agreement signed in November 2020") but nearly always give its date
 * or its parties. So a date next to an agreement word names the knowledge
 * base's agreement of that date, and "an agreement between Belgrade and
 * Pristina" the one whose parties those are. Later "the agreement" (or
 * "the document", "It [the agreement]", "this deal", "the ceasefire",
 * "это соглашение", "bu razılaşma", "այդ համաձայնագիրը") refers back to
 * the agreement named last whose names say the kind its noun does, if it
 * was named a few sentences before at most; a found agreement as much as
 * one of the knowledge base.
 */
#include "config.h"

#include <string.h>

#include "extract-int.h"

#define WORD_BEFORE_DATE 5   /* "the agreement signed in November 2020" */
#define WORD_AFTER_DATE 2    /* "the November 9, 2020 agreement" */
#define BETWEEN_AFTER_WORD 4 /* "the agreement signed between X and Y" */

static int has_party(const struct kb_entity *e, int who);

struct date {
	size_t first, last;   /* tokens */
	long from, to;        /* YYYYMMDD */
};

static int
is_key(const struct extract_tok *k, const char *s)
{
	return k->klen == strlen(s) && memcmp(k->key, s, k->klen) == 0;
}

/* The value of a number token ("9", "9th"), or -1. */
static long
number(const struct extract_tok *k, int allow_ordinal)
{
	long v = 0;
	uint32_t i;

	if (!k->word || k->klen > 6)
		return -1;
	for (i = 0; i < k->klen && k->key[i] >= '0' && k->key[i] <= '9'; i++)
		v = v * 10 + (k->key[i] - '0');
	if (i == 0)
		return -1;
	if (i == k->klen)
		return v;
	if (allow_ordinal && k->klen - i == 2 &&
	    (memcmp(k->key + i, "st", 2) == 0 || memcmp(k->key + i, "nd", 2) == 0 ||
	     memcmp(k->key + i, "rd", 2) == 0 || memcmp(k->key + i, "th", 2) == 0))
		return v;
	return -1;
}

static long
year_at(const struct extract_ctx *c, size_t k)
{
	long y;

	if (k >= c->t.ntok || c->t.tok[k].klen != 4)
		return -1;
	y = number(&c->t.tok[k], 0);
	return y >= 1800 && y <= 2200 ? y : -1;
}

static long
day_at(const struct extract_ctx *c, size_t k)
{
	long d;

	if (k >= c->t.ntok)
		return -1;
	d = number(&c->t.tok[k], 1);
	return d >= 1 && d <= 31 ? d : -1;
}

/* A month name at K: its number, with *end the last token (a period after
 * an abbreviation included). */
static int
month_at(const struct extract_ctx *c, size_t k, size_t *end)
{
	uint32_t i;

	if (k >= c->t.ntok)
		return 0;
	for (i = c->cue_first[k]; i != UINT32_MAX; i = c->next_first[i]) {
		const struct extract_occ *o = &c->cue[i];

		if (EXTRACT_CUE_CLASS(o->payload) != CUE_MONTH)
			continue;
		*end = o->last;
		if (o->last + 1 < c->t.ntok && is_key(&c->t.tok[o->last + 1], "."))
			++*end;
		return (int)EXTRACT_CUE_VALUE(o->payload);
	}
	return 0;
}

/* "9-10", "9–10", "9/10", "9 and 10". */
static int
is_range_mark(const struct extract_ctx *c, size_t k)
{
	const struct extract_tok *t = &c->t.tok[k];
	size_t other;

	return is_key(t, "-") || is_key(t, "/") || is_key(t, "\xE2\x80\x93") ||
	    is_key(t, "\xE2\x80\x94") || (extract_cue_from(c, k, CUE_AND, &other) && other == k);
}

static long
month_last_day(long y, long m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : days[m - 1];
}

static int
set(struct date *d, size_t first, size_t last, long y, long m, long d1, long d2)
{
	if (d1 > month_last_day(y, m) || d2 > month_last_day(y, m) || d2 < d1)
		return 0;
	d->first = first;
	d->last = last;
	d->from = y * 10000 + m * 100 + d1;
	d->to = y * 10000 + m * 100 + d2;
	return 1;
}

/* "November 9, 2020", "November 9-10, 2020", "November 2020". */
static int
month_first(const struct extract_ctx *c, size_t i, struct date *d)
{
	size_t k, e;
	long m = month_at(c, i, &e), d1, d2, y;

	if (m == 0)
		return 0;
	k = e + 1;
	if ((y = year_at(c, k)) > 0)
		return set(d, i, k, y, m, 1, month_last_day(y, m));
	if ((d1 = day_at(c, k)) < 0)
		return 0;
	k++;
	if (k + 1 < c->t.ntok && is_range_mark(c, k) && (d2 = day_at(c, k + 1)) > 0)
		k += 2;
	else
		d2 = d1;
	if (k < c->t.ntok && is_key(&c->t.tok[k], ","))
		k++;
	if ((y = year_at(c, k)) < 0)
		return 0;
	return set(d, i, k, y, m, d1, d2);
}

/* "9 November 2020", "9-10 November 2020", "the 9th of November 2020". */
static int
day_first(const struct extract_ctx *c, size_t i, struct date *d)
{
	size_t k = i + 1, e;
	long d1 = day_at(c, i), d2, m, y;

	if (d1 < 0)
		return 0;
	d2 = d1;
	if (k + 1 < c->t.ntok && is_range_mark(c, k) && day_at(c, k + 1) > 0) {
		d2 = day_at(c, k + 1);
		k += 2;
	}
	if (k < c->t.ntok && is_key(&c->t.tok[k], "of"))
		k++;
	if ((m = month_at(c, k, &e)) == 0)
		return 0;
	if ((y = year_at(c, e + 1)) < 0)
		return 0;
	return set(d, i, e + 1, y, m, d1, d2);
}

/* "9.11.2020" and "2020-11-09". */
static int
numeric(const struct extract_ctx *c, size_t i, struct date *d)
{
	const struct extract_tok *t = c->t.tok;
	long a, b, y;

	if (i + 4 >= c->t.ntok)
		return 0;
	if ((y = year_at(c, i)) > 0 && is_key(&t[i + 1], "-") && is_key(&t[i + 3], "-") &&
	    (a = number(&t[i + 2], 0)) >= 1 && a <= 12 && (b = day_at(c, i + 4)) > 0 &&
	    t[i + 2].klen == 2 && t[i + 4].klen == 2)
		return set(d, i, i + 4, y, a, b, b);
	if ((a = day_at(c, i)) > 0 && is_key(&t[i + 1], ".") && is_key(&t[i + 3], ".") &&
	    (b = number(&t[i + 2], 0)) >= 1 && b <= 12 && (y = year_at(c, i + 4)) > 0)
		return set(d, i, i + 4, y, b, a, a);
	return 0;
}

/* The one dated agreement of the KB whose date overlaps D, or -1. */
static int
agreement_on(const struct extract_ctx *c, const struct date *d)
{
	const struct extract_dated *v;
	size_t i, n;
	int found = -1;

	v = extract_dated_agreements(c->x, &n);
	for (i = 0; i < n; i++) {
		if (v[i].first > d->to || d->from > v[i].last)
			continue;
		if (found >= 0)
			return -1;   /* ambiguous: better nothing than a guess */
		found = v[i].idx;
	}
	return found;
}

/* An agreement word no mention has claimed near date D, in its sentence. */
static int
word_near(const struct extract_ctx *c, const struct date *d, size_t *wf, size_t *wl)
{
	size_t s = extract_sentence_of(c, d->first), lo = c->sent_tok[s], hi = c->sent_tok[s + 1];
	size_t k, other;

	for (k = d->last + 1; k < hi && k <= d->last + 1 + WORD_AFTER_DATE; k++)
		if (extract_cue_from(c, k, CUE_AGREEMENT, &other) && extract_free(c, k, other)) {
			*wf = k;
			*wl = other;
			return 1;
		}
	for (k = d->first; k-- > lo && k + WORD_BEFORE_DATE + 1 >= d->first;)
		if (extract_cue_to(c, k, CUE_AGREEMENT, &other) && extract_free(c, other, k)) {
			*wf = other;
			*wl = k;
			return 1;
		}
	return 0;
}

static int
span_has_agreement(const struct extract_ctx *c, size_t first, size_t last)
{
	size_t k;

	for (k = first; k <= last; k++)
		if (c->ment_at[k] >= 0 && c->m[c->ment_at[k]].entity >= 0 &&
		    c->kb->ents[c->m[c->ment_at[k]].entity].kind == KB_AGREEMENT)
			return 1;
	return 0;
}

static void
by_date(struct extract_ctx *c)
{
	struct date d;
	size_t i, wf, wl, lo, hi;
	int ag;

	for (i = 0; i < c->t.ntok; i++) {
		const struct extract_tok *t = &c->t.tok[i];

		/* A date starts with a number or a month's name. */
		if (c->ment_at[i] >= 0 || !t->word || ((t->key[0] < '0' || t->key[0] > '9') &&
		    !(c->mask_from[i] & (UINT64_C(1) << CUE_MONTH))))
			continue;
		if (!month_first(c, i, &d) && !day_first(c, i, &d) && !numeric(c, i, &d))
			continue;
		/* "Lavrov's statement of 9 November 2020": his, not the
		 * joint text of that day */
		if (word_near(c, &d, &wf, &wl) && (ag = agreement_on(c, &d)) >= 0 &&
		    !((extract_described_kinds(c, wf, wl) & EXTRACT_KIND_STATEMENT) &&
		    extract_described_one_side(c, wf, 0))) {
			lo = wf < d.first ? wf : d.first;
			hi = wl > d.last ? wl : d.last;
			if (extract_free(c, lo, hi))
				extract_add_mention(c, lo, hi, ag, EXTRACT_PATTERN);
			else if (!span_has_agreement(c, lo, hi))
				extract_add_mention(c, wf, wl, ag, EXTRACT_PATTERN);
		}
		i = d.last;
	}
}

/* The mention starting at K (after an optional "the"), with its entity. */
static int
mention_from(const struct extract_ctx *c, size_t k, size_t *last)
{
	size_t other;
	int m;

	if (extract_cue_from(c, k, CUE_DETERMINER, &other))
		k = other + 1;
	if (k >= c->t.ntok || (m = c->ment_at[k]) < 0 || c->m_first[m] != k || c->m[m].entity < 0)
		return -1;
	*last = c->m_last[m];
	return c->m[m].entity;
}

static int
has_party(const struct kb_entity *e, int who)
{
	size_t i;

	for (i = 0; i < e->nparties; i++)
		if (e->parties[i] == who)
			return 1;
	return 0;
}

/* The agreement between X and Y: the only one with exactly those two
 * parties, else the only one with both among its parties. */
static int
agreement_between(const struct kb *kb, int x, int y)
{
	int exact = -1, some = -1, nexact = 0, nsome = 0;
	size_t i;

	for (i = 0; i < kb->n; i++) {
		const struct kb_entity *e = &kb->ents[i];

		if (e->kind != KB_AGREEMENT || e->dismissed || !has_party(e, x) || !has_party(e, y))
			continue;
		some = (int)i;
		nsome++;
		if (e->nparties == 2) {
			exact = (int)i;
			nexact++;
		}
	}
	if (nexact == 1)
		return exact;
	return nsome == 1 ? some : -1;
}

static void
by_parties(struct extract_ctx *c)
{
	size_t i, k, wl, xl, yl, other;
	int x, y, ag;

	for (i = 0; i < c->ncue; i++) {
		const struct extract_occ *o = &c->cue[i];

		if (EXTRACT_CUE_CLASS(o->payload) != CUE_AGREEMENT || !extract_free(c, o->first, o->last))
			continue;
		wl = o->last;
		for (k = wl + 1; k < c->t.ntok && k <= wl + BETWEEN_AFTER_WORD; k++)
			if (extract_cue_from(c, k, CUE_BETWEEN, &other))
				break;
		if (k >= c->t.ntok || k > wl + BETWEEN_AFTER_WORD)
			continue;
		if ((x = mention_from(c, k + 1, &xl)) < 0 || !extract_cue_from(c, xl + 1, CUE_AND, &other))
			continue;
		if ((y = mention_from(c, other + 1, &yl)) < 0)
			continue;
		if ((ag = agreement_between(c->kb, x, y)) >= 0)
			extract_add_mention(c, o->first, o->last, ag, EXTRACT_PATTERN);
	}
}

/* Whether the alias hit I of the knowledge base, when it names an
 * agreement in lower-case words only ("peace talks", "the grain deal"),
 * has one of the agreement's parties named in the article too: such words
 * describe many agreements, and name this one only where its parties are
 * the subject ("peace talks" in an article on Sudan are not Armenia's and
 * Azerbaijan's treaty). A name with a capital is always its agreement's. */
int
extract_agreement_grounded(const struct extract_ctx *c, const struct extract_hit *hits,
    size_t nhits, size_t i)
{
	const struct kb_entity *e = &c->kb->ents[hits[i].entity];
	size_t k, j;

	if (e->kind != KB_AGREEMENT || e->nparties == 0)
		return 1;
	for (k = hits[i].first; k <= hits[i].last; k++)
		if (c->t.tok[k].upper)
			return 1;
	for (j = 0; j < nhits; j++)
		if (has_party(e, hits[j].entity))
			return 1;
	return 0;
}

void
extract_agreements(struct extract_ctx *c)
{
	by_date(c);
	by_parties(c);
}

#define RECENT 16

/* "the corridor" after "the Lachin corridor": the place or organization
 * named last whose head noun is the word after "the" (tokens k, k + 1). */
static int
by_head(const struct extract_ctx *c, size_t k, const int *recent, size_t nrecent)
{
	const struct extract_tok *w = &c->t.tok[k + 1];
	const char *const *h;
	size_t other, i;

	if (k + 1 >= c->t.ntok || !w->word || c->ment_at[k + 1] >= 0 ||
	    !extract_cue_from(c, k, CUE_DETERMINER, &other) || other != k)
		return -1;
	for (i = nrecent; i-- > 0;)
		for (h = extractor_heads(c->x, recent[i]); h != NULL && *h != NULL; h++)
			if (strlen(*h) == w->klen && memcmp(*h, w->key, w->klen) == 0)
				return recent[i];
	return -1;
}

static void
remember(int *recent, size_t *n, int e)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (recent[i] == e) {
			memmove(recent + i, recent + i + 1, (*n - i - 1) * sizeof *recent);
			(*n)--;
			break;
		}
	if (*n == RECENT) {
		memmove(recent, recent + 1, (RECENT - 1) * sizeof *recent);
		(*n)--;
	}
	recent[(*n)++] = e;
}

#define ANAPHORA_SENTENCES 3   /* an agreement's last mention to "the agreement" */

/* An agreement named in the text: entity (as extract_mention.entity),
 * the kinds its names say and the sentence it was named in last. */
struct named {
	int e;
	unsigned kinds;
	size_t sent;
};

/* The agreement mention M names, with its kinds in *N; 0 when M names
 * something else. */
static int
agreement_of(const struct extract_ctx *c, int m, struct named *n)
{
	int e = c->m[m].entity;

	if (e >= 0 ? c->kb->ents[e].kind != KB_AGREEMENT : c->cand[-e - 1].kind != KB_AGREEMENT)
		return 0;
	n->e = e;
	n->kinds = (e >= 0 && extractor_kinds(c->x) != NULL ? extractor_kinds(c->x)[e] :
	    extract_described_kinds(c, c->m_first[m], c->m_last[m])) & EXTRACT_KIND_AGREEMENT;
	n->sent = extract_sentence_of(c, c->m_first[m]);
	return 1;
}

/* Files A as the agreement named last; named again, it keeps the kinds
 * its earlier names said ("the hostage and ceasefire deal", then "the
 * deal": still a ceasefire). */
static void
remember_named(struct named *named, size_t *n, struct named *a)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (named[i].e == a->e) {
			a->kinds |= named[i].kinds;
			memmove(named + i, named + i + 1, (*n - i - 1) * sizeof *named);
			(*n)--;
			break;
		}
	if (*n == RECENT) {
		memmove(named, named + 1, (RECENT - 1) * sizeof *named);
		(*n)--;
	}
	named[(*n)++] = *a;
}

/* The agreement "the agreement" (the words [first, last], whose noun
 * says KINDS) refers to: the one named last, within ANAPHORA_SENTENCES
 * sentences, whose names say every kind its noun does ("the
 * ceasefire" is no declaration's); else -1 with *FOUND 0. */
static int
antecedent(const struct extract_ctx *c, size_t first, unsigned kinds, const struct named *named,
    size_t n, int *found)
{
	size_t sent = extract_sentence_of(c, first), i;

	*found = 0;
	for (i = n; i-- > 0;) {
		if (sent - named[i].sent > ANAPHORA_SENTENCES)
			continue;
		if ((kinds & ~named[i].kinds) == 0) {
			*found = 1;
			return named[i].e;
		}
	}
	return -1;
}

void
extract_anaphora(struct extract_ctx *c)
{
	struct named named[RECENT], a;
	int recent[RECENT], m, e, found;
	size_t k, other, nrecent = 0, nnamed = 0;
	unsigned kinds;

	for (k = 0; k < c->t.ntok; k++) {
		m = c->ment_at[k];
		if (m >= 0) {
			e = c->m[m].entity;
			if (c->m_first[m] == k && agreement_of(c, m, &a))
				remember_named(named, &nnamed, &a);
			if (c->m_first[m] == k && e >= 0 && (c->kb->ents[e].kind == KB_PLACE ||
			    c->kb->ents[e].kind == KB_ORGANIZATION))
				remember(recent, &nrecent, e);
			continue;
		}
		/* "the agreement", "It [the agreement]", "this deal", "это
		 * соглашение": the agreement named last of its kind */
		kinds = 0;
		if (!extract_cue_from(c, k, CUE_ANAPHORA, &other) || !extract_free(c, k, other))
			other = extract_described_anaphor(c, k, &kinds) - 1;
		else
			kinds = extract_described_kinds(c, k, other) & EXTRACT_KIND_AGREEMENT;
		if (other + 1 > k && (e = antecedent(c, k, kinds, named, nnamed, &found), found)) {
			m = extract_add_mention(c, k, other, e, EXTRACT_ANAPHORA);
			if (m >= 0 && agreement_of(c, m, &a))
				remember_named(named, &nnamed, &a);
			k = other;
			continue;
		}
		if ((e = by_head(c, k, recent, nrecent)) >= 0) {
			extract_add_mention(c, k, k + 1, e, EXTRACT_ANAPHORA);
			k++;
		}
	}
}
