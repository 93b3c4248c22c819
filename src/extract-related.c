/*
 * extract-related.c: what related statements are compared by, and how.
 *
 * Each statement gets its key terms (content words, stopwords out,
 * stemmed by the rules of terms.txt so "checkpoints" meets "checkpoint";
 * names left out, since they are compared as speakers and entities) and
 * the agreements and places it names. Two statements are
 * related by the cosine of their tf-idf term weights, plus what they name
 * in common (weighted by rarity), plus a share for the same speaker or one
 * speaking for the other's state. Near-identical reports of one remark
 * have a cosine near 1 and so rank first. The weights are computed by the
 * caller, who knows the corpus the idf comes from.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract-int.h"

#define W_ENTITIES 0.4
#define W_SPEAKER 0.05
#define W_SIDE 0.02

#define MAX_TERM 64

struct tally {
	char *term;
	unsigned count;
};

static int
by_term(const void *a, const void *b)
{
	return strcmp(((const struct tally *)a)->term, ((const struct tally *)b)->term);
}

static int
is_number(const struct extract_tok *k)
{
	uint32_t i;

	for (i = 0; i < k->klen; i++)
		if (k->key[i] < '0' || k->key[i] > '9')
			return 0;
	return 1;
}

/* Whether token K may be a key term: no stopword, number, name (what
 * names mean is compared as entities and speakers), title, "side", month
 * or day (a date is no topic). Reporting verbs stay: "called for" a thing
 * is nearer to another call for it than to a remark about it. */
static int
term_token(const struct extract_ctx *c, size_t k)
{
	const struct extract_tok *tok = &c->t.tok[k];

	if (!tok->word || tok->klen < 3 || tok->klen >= MAX_TERM || is_number(tok) ||
	    c->ment_at[k] >= 0)
		return 0;
	return !extract_cue_in(c, k, CUE_STOPWORD) && !extract_cue_in(c, k, CUE_TITLE) && !extract_cue_in(c, k, CUE_SIDE) &&
	    !extract_cue_in(c, k, CUE_MONTH) && !extract_cue_in(c, k, CUE_SKIP);
}

/* Appends the key terms of tokens [from, to) to TL, each counting W. */
static void
tally(const struct extract_ctx *c, size_t from, size_t to, unsigned w, struct arena *a,
    struct tally **tl, size_t *n, size_t *cap)
{
	const struct extract_text *t = &c->t;
	char buf[MAX_TERM];
	size_t k, len;

	for (k = from; k < to && k < t->ntok; k++) {
		if (!term_token(c, k))
			continue;
		memcpy(buf, t->tok[k].key, t->tok[k].klen);
		len = extract_lex_stem(c->lx, buf, t->tok[k].klen);
		if (*n == *cap) {
			*cap = *cap ? *cap * 2 : 32;
			*tl = xreallocarray(*tl, *cap, sizeof **tl);
		}
		(*tl)[*n].term = arena_strndup(a, buf, len);
		(*tl)[*n].count = w;
		(*n)++;
	}
}

/* The key terms of the article's bytes [start, end), counted. */
static size_t
collect(const struct extract_ctx *c, size_t start, size_t end, struct arena *a,
    struct extract_term **out)
{
	const struct extract_text *t = &c->t;
	struct tally *tl = NULL;
	size_t n = 0, cap = 0, i, distinct = 0;

	tally(c, extract_tok_at(t, start), extract_tok_at(t, end), 1, a, &tl, &n, &cap);
	if (n > 0)
		qsort(tl, n, sizeof *tl, by_term);
	*out = arena_alloc(a, (n + 1) * sizeof **out);
	for (i = 0; i < n; i++) {
		if (distinct > 0 && strcmp((*out)[distinct - 1].term, tl[i].term) == 0) {
			(*out)[distinct - 1].count += tl[i].count;
			continue;
		}
		(*out)[distinct].term = tl[i].term;
		(*out)[distinct].count = tl[i].count;
		distinct++;
	}
	free(tl);
	return distinct;
}

static void
add_entity(struct extract_statement *st, struct arena *a, int e, size_t *cap)
{
	size_t i;
	int *grown;

	for (i = 0; i < st->nentities; i++)
		if (st->entities[i] == e)
			return;
	if (st->nentities == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		grown = arena_alloc(a, *cap * sizeof *grown);
		if (st->nentities > 0)
			memcpy(grown, st->entities, st->nentities * sizeof *grown);
		st->entities = grown;
	}
	st->entities[st->nentities++] = e;
}

void
extract_statement_features(struct extract_ctx *c)
{
	size_t i, j, cap;

	for (i = 0; i < c->nst; i++) {
		struct extract_statement *st = &c->st[i];

		st->nterms = collect(c, st->start, st->end, c->a, &st->terms);
		cap = 0;
		for (j = 0; j < c->nm; j++) {
			const struct extract_mention *m = &c->m[j];

			if (m->entity < 0 || m->start < st->start || m->end > st->end)
				continue;
			if (c->kb->ents[m->entity].kind == KB_AGREEMENT ||
			    c->kb->ents[m->entity].kind == KB_PLACE)
				add_entity(st, c->a, m->entity, &cap);
		}
	}
}

static double
cosine(const struct extract_profile *a, const struct extract_profile *b)
{
	size_t i = 0, j = 0;
	double sum = 0;

	while (i < a->nterms && j < b->nterms) {
		if (a->terms[i] == b->terms[j])
			sum += a->weights[i++] * b->weights[j++];
		else if (a->terms[i] < b->terms[j])
			i++;
		else
			j++;
	}
	return sum;
}

/*
 * The idf mass of what both name over the mass of what either names, times
 * how rare the shared names are (their idf against that of a name used
 * once): 1 for the same rare agreement alone, little for the corridor
 * every article names.
 */
static double
named_together(const struct extract_profile *a, const struct extract_profile *b)
{
	size_t i = 0, j = 0;
	double shared = 0, either = 0, rare = 0;

	if (a->nents == 0 || b->nents == 0 || a->max_idf <= 0)
		return 0;
	while (i < a->nents || j < b->nents) {
		if (j >= b->nents || (i < a->nents && a->ents[i] < b->ents[j]))
			either += a->ent_idf[i++];
		else if (i >= a->nents || b->ents[j] < a->ents[i])
			either += b->ent_idf[j++];
		else {
			shared += a->ent_idf[i];
			rare += a->ent_idf[i] * a->ent_idf[i];
			either += a->ent_idf[i];
			i++;
			j++;
		}
	}
	return shared > 0 ? rare / (a->max_idf * either) : 0;
}

double
extract_related_score(const struct extract_profile *a, const struct extract_profile *b)
{
	double score = cosine(a, b) + W_ENTITIES * named_together(a, b);

	if (a->speaker != 0 && a->speaker == b->speaker)
		score += W_SPEAKER;
	else if ((a->speaker_for != 0 && (a->speaker_for == b->speaker_for ||
	    a->speaker_for == b->speaker)) || (b->speaker_for != 0 && b->speaker_for == a->speaker))
		score += W_SIDE;
	return score;
}
