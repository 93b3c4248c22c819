/*
 * extract-resolve.c: an agreement or event the text describes, resolved
 * to the knowledge base's one entity that fits the description.
 *
 * News names an agreement or a war it has named before by what it is:
 * "the Russian-brokered ceasefire", "the 2015 peace agreement", "the
 * 44-day war", "the 2020 war". Each description says some of four
 * things: what kind it is (its words against the words of each entity's
 * names: a ceasefire, a peace, a statement; a war, a genocide, a
 * revolution), who its parties are (the states it names, and when it
 * names fewer than two, the states the article names most), when (a year, a month and a year, else
 * the latest before the article's date) and, for a war, how long it
 * lasted. The entity is taken only when exactly one fits all that is
 * said: a description that fits two is left a description, and so is
 * one that says no kind, or says a text not yet agreed ("the new deal",
 * "the ceasefire proposal").
 */
#include "config.h"

#include <string.h>

#include "extract-int.h"

#define MAX_PARTIES 4     /* states a description names */
#define YEAR_GAP 2        /* "the war of 2020": words between head and year */

struct want {
	unsigned kinds;
	int parties[MAX_PARTIES];
	size_t nparties;
	long from, to;        /* YYYYMMDD the date must overlap, or 0 */
	long days;            /* the length, or 0 */
	long before;          /* the article's date: the latest before it */
};

static long
year_of(const struct extract_tok *t)
{
	long y = 0;
	uint32_t i;

	if (!t->word || t->klen != 4)
		return -1;
	for (i = 0; i < 4; i++) {
		if (t->key[i] < '0' || t->key[i] > '9')
			return -1;
		y = y * 10 + (t->key[i] - '0');
	}
	return y >= 1800 && y <= 2099 ? y : -1;
}

static int
is_key(const struct extract_tok *t, const char *s)
{
	return t->klen == strlen(s) && memcmp(t->key, s, t->klen) == 0;
}

/* The year in [first, last], or just after it ("the war of 2020", "the
 * 2020 war"), with its month when one is written just before it ("the
 * November 2020 ceasefire"): the days it spans in W. */
static void
when(const struct extract_ctx *c, size_t first, size_t last, struct want *w)
{
	size_t k, yk = SIZE_MAX, start, s = extract_sentence_of(c, first), hi = c->sent_tok[s + 1];
	uint32_t i;
	long y = -1, m = 0;

	for (k = first; k <= last && yk == SIZE_MAX; k++)
		if ((y = year_of(&c->t.tok[k])) >= 0)
			yk = k;
	for (k = last + 1; yk == SIZE_MAX && k < hi && k <= last + YEAR_GAP; k++) {
		if ((y = year_of(&c->t.tok[k])) >= 0)
			yk = k;
		else if (!is_key(&c->t.tok[k], "of") && !is_key(&c->t.tok[k], "in"))
			break;
	}
	if (yk == SIZE_MAX)
		return;
	if (yk > 0 && extract_cue_to(c, yk - 1, CUE_MONTH, &start))
		for (i = c->cue_first[start]; i != UINT32_MAX; i = c->next_first[i])
			if (EXTRACT_CUE_CLASS(c->cue[i].payload) == CUE_MONTH && c->cue[i].last == yk - 1)
				m = (long)EXTRACT_CUE_VALUE(c->cue[i].payload);
	w->from = y * 10000 + (m > 0 ? m * 100 : 100) + 1;
	w->to = y * 10000 + (m > 0 ? m * 100 : 1200) + 31;
}

static void
add_party(struct want *w, int e)
{
	size_t i;

	for (i = 0; i < w->nparties; i++)
		if (w->parties[i] == e)
			return;
	if (w->nparties < MAX_PARTIES)
		w->parties[w->nparties++] = e;
}

static int
state_at(const struct extract_ctx *c, size_t k)
{
	int m = k < c->t.ntok ? c->ment_at[k] : -1, e;

	if (m < 0 || (e = c->m[m].entity) < 0 || c->kb->ents[e].kind != KB_STATE)
		return -1;
	return e;
}

/* The states a description names: inside it ("the Russian-brokered
 * ceasefire", "the Armenia-Azerbaijan war") or after "between" just
 * after it ("the war between Armenia and Azerbaijan"). */
static void
parties_named(const struct extract_ctx *c, size_t first, size_t last, struct want *w)
{
	size_t k, other;
	int e;

	for (k = first; k <= last; k++)
		if ((e = state_at(c, k)) >= 0)
			add_party(w, e);
	if (last + 1 >= c->t.ntok || !extract_cue_from(c, last + 1, CUE_BETWEEN, &other))
		return;
	for (k = other + 1; k < c->t.ntok && k <= other + 6; k++) {
		if ((e = state_at(c, k)) >= 0) {
			add_party(w, e);
			k = c->m_last[c->ment_at[k]];
		} else if (!extract_cue_from(c, k, CUE_AND, &other) &&
		    !extract_cue_from(c, k, CUE_DETERMINER, &other))
			break;
	}
}

/* The states the article names most: the first, and the second when
 * named at least twice and half as often; the mentions, not the words,
 * are counted. */
static void
parties_most(const struct extract_ctx *c, struct want *w)
{
	int best[2] = { -1, -1 }, nbest[2] = { 0, 0 }, e, n;
	size_t i, j;

	for (i = 0; i < c->nm; i++) {
		if ((e = c->m[i].entity) < 0 || c->kb->ents[e].kind != KB_STATE ||
		    e == best[0] || e == best[1])
			continue;
		for (n = 0, j = 0; j < c->nm; j++)
			n += c->m[j].entity == e;
		if (n > nbest[0]) {
			best[1] = best[0];
			nbest[1] = nbest[0];
			best[0] = e;
			nbest[0] = n;
		} else if (n > nbest[1]) {
			best[1] = e;
			nbest[1] = n;
		}
	}
	if (best[0] >= 0)
		add_party(w, best[0]);
	if (best[1] >= 0 && nbest[1] >= 2 && 2 * nbest[1] >= nbest[0])
		add_party(w, best[1]);
}

static int
fits(const struct extract_ctx *c, int idx, const struct want *w, long *first)
{
	const struct kb_entity *e = &c->kb->ents[idx];
	const unsigned *kinds = extractor_kinds(c->x);
	unsigned need = w->kinds & ~(EXTRACT_KIND_THREE | EXTRACT_KIND_UNMADE);
	long f, l, len;
	size_t i, j;

	if (e->dismissed || e->date == NULL || kb_date_range(e->date, &f, &l) != 0)
		return 0;
	if ((kinds[idx] & need) != need)
		return 0;
	if ((w->kinds & EXTRACT_KIND_THREE) && e->nparties != 3)
		return 0;
	for (i = 0; i < w->nparties; i++) {
		for (j = 0; j < e->nparties && e->parties[j] != w->parties[i]; j++)
			;
		if (j == e->nparties)
			return 0;
	}
	if (w->from > 0 && (f > w->to || l < w->from))
		return 0;
	if (w->days > 0) {
		/* YYYYMMDD to days, near enough for a length: months of 30.4 */
		len = ((l / 10000 - f / 10000) * 3652 + ((l / 100) % 100 - (f / 100) % 100) * 304) / 10 +
		    (l % 100 - f % 100) + 1;
		if (len - w->days > w->days / 10 + 1 || w->days - len > w->days / 10 + 1)
			return 0;
	}
	if (w->from == 0 && w->days == 0 && (w->before == 0 || f > w->before))
		return 0;
	*first = f;
	return 1;
}

static long
article_date(const struct extract_ctx *c)
{
	const char *d = c->in->date;
	long f, l;

	return d != NULL && kb_date_range(d, &f, &l) == 0 ? f : 0;
}

int
extract_resolve(const struct extract_ctx *c, enum kb_kind kind, size_t first, size_t last,
    long days)
{
	struct want w;
	size_t i;
	long f, best_f = 0;
	int found = -1, n = 0;

	if (extractor_kinds(c->x) == NULL)
		return -1;
	memset(&w, 0, sizeof w);
	w.kinds = extract_described_kinds(c, first, last);
	/* precision first: one of a text not yet agreed ("the latest
	 * ceasefire proposal") is none the knowledge base holds */
	if (w.kinds & EXTRACT_KIND_UNMADE)
		return -1;
	/* a length said that cannot be read ("the two-week war") is no
	 * length left unsaid: the latest war would be taken for it */
	if (days < 0)
		return -1;
	w.days = days;
	w.before = article_date(c);
	when(c, first, last, &w);
	/* an agreement's description that says neither its kind nor its
	 * year ("the trade deal") would be the latest before the article,
	 * whichever it is; its year alone narrows it ("the 1921 treaty") */
	if (kind == KB_AGREEMENT && !(w.kinds & EXTRACT_KIND_AGREEMENT) && w.from == 0)
		return -1;
	parties_named(c, first, last, &w);
	/* one state named is as often the broker as a side: the sides are
	 * then the states the article is about */
	if (w.nparties < 2)
		parties_most(c, &w);
	if (w.nparties == 0)
		return -1;
	for (i = 0; i < c->kb->n; i++) {
		if (c->kb->ents[i].kind != kind || !fits(c, (int)i, &w, &f))
			continue;
		if (w.from > 0 || w.days > 0) {
			found = (int)i;
			n++;
		} else if (found < 0 || f > best_f) {
			/* no date said: the latest before the article */
			found = (int)i;
			best_f = f;
			n = 1;
		} else if (f == best_f)
			n++;
	}
	return n == 1 ? found : -1;
}

/* Whether the article names every party of entity IDX, and the
 * sentence of token K no state that is not one: a three-party text of
 * other states ("the trilateral declaration" of Azerbaijan, Turkey and
 * Pakistan) is not the one of Armenia, Azerbaijan and Russia. */
static int
parties_named_in_article(struct extract_ctx *c, int idx, size_t k)
{
	const struct kb_entity *e = &c->kb->ents[idx];
	size_t i, j, s = extract_sentence_of(c, k), lo = c->sent_tok[s], hi = c->sent_tok[s + 1];
	int p;

	/* the entities named, marked once an article: a scan of every
	 * mention for each party of each text was quadratic */
	if (c->named == NULL) {
		c->named = xcalloc(c->kb->n + 1, 1);
		for (i = 0; i < c->nm; i++)
			if (c->m[i].entity >= 0)
				c->named[c->m[i].entity] = 1;
	}
	for (j = 0; j < e->nparties; j++)
		if (e->parties[j] < 0 || !c->named[e->parties[j]])
			return 0;
	for (i = lo; i < hi; i++) {
		if ((p = state_at(c, i)) < 0)
			continue;
		for (j = 0; j < e->nparties && e->parties[j] != p; j++)
			;
		if (j == e->nparties)
			return 0;
	}
	return 1;
}

/* Whether the days F to L (YYYYMMDD) meet month M's day D (the whole
 * month when D is 0) of some year. */
static int
meets_month(long f, long l, long m, long d)
{
	long y;

	for (y = f / 10000; y <= l / 10000; y++)
		if (y * 10000 + m * 100 + (d > 0 ? d : 1) <= l &&
		    y * 10000 + m * 100 + (d > 0 ? d : 31) >= f)
			return 1;
	return 0;
}

int
extract_resolve_statement(struct extract_ctx *c, size_t first, size_t last, long y,
    long m, long d)
{
	const unsigned *kinds = extractor_kinds(c->x);
	const struct extract_dated *v;
	unsigned said;
	long a = article_date(c), f, l, lo = 0, hi = 0, best_f = 0;
	size_t i, nv;
	int found = -1, n = 0;

	if (kinds == NULL)
		return -1;
	said = extract_described_kinds(c, first, last);
	if (!(said & EXTRACT_KIND_STATEMENT) || (said & EXTRACT_KIND_UNMADE))
		return -1;
	/* "a statement" of one side's office is no joint text: without
	 * "trilateral" only its day names one */
	if (!(said & EXTRACT_KIND_THREE) && (m == 0 || d == 0))
		return -1;
	/* "in a statement on November 9" of one side: news writes a day of
	 * the article's year (or, after its date, of the year before)
	 * without the year; only "trilateral" calls up a past year's text */
	if (!(said & EXTRACT_KIND_THREE) && y == 0) {
		if (a <= 0)
			return -1;
		y = a / 10000 - (a / 10000 * 10000 + m * 100 + d > a);
	}
	if (y > 0) {
		lo = y * 10000 + (m > 0 ? m * 100 + (d > 0 ? d : 1) : 101);
		hi = y * 10000 + (m > 0 ? m * 100 + (d > 0 ? d : 31) : 1231);
	}
	/* the dated agreements, their dates read once for the extractor */
	v = extract_dated_agreements(c->x, &nv);
	for (i = 0; i < nv; i++) {
		const struct kb_entity *e = &c->kb->ents[v[i].idx];

		f = v[i].first;
		l = v[i].last;
		if (!(kinds[v[i].idx] & EXTRACT_KIND_STATEMENT) || e->nparties < 2 ||
		    ((said & EXTRACT_KIND_THREE) && e->nparties != 3) || (a > 0 && f > a) ||
		    !parties_named_in_article(c, v[i].idx, first))
			continue;
		if (y > 0 && (f > hi || l < lo))
			continue;
		if (y == 0 && m > 0 && !meets_month(f, l, m, d))
			continue;
		if (y > 0 || (m > 0 && d == 0)) {
			/* a year, or a month without its day: every text of
			 * them fits alike ("of November": 2020's and 2021's) */
			found = v[i].idx;
			n++;
		} else if (m > 0) {
			/* "the declaration of November 9" in an article of May
			 * 2023: the 9 November of a year not after the
			 * article's date, the latest of them, which is 2020
			 * when only that year's is a text of its parties */
			if (found < 0 || f > best_f) {
				found = v[i].idx;
				best_f = f;
				n = 1;
			} else if (f == best_f)
				n++;
		} else if (found < 0 || f < best_f) {
			/* no date said: the first of its parties' texts, which
			 * the later ones are named against by their date */
			found = v[i].idx;
			best_f = f;
			n = 1;
		} else if (f == best_f)
			n++;
	}
	return n == 1 ? found : -1;
}
