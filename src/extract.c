/*
 * extract.c: one article from start to end, and what the steps share.
 *
 * The order matters: aliases first (the knowledge base is the surest
 * evidence), then agreements by date and by parties, which may only use
 * words no alias claimed, then agreements and events named by what they
 * are ("the latest ceasefire proposal", "the Gaza war"), then unknown
 * names typed by their context, then anaphora
 * ("the agreement" is the agreement named last, whichever way it was
 * named), and only then statements, which need every actor in place.
 * Last the title: the knowledge base's names in it and the names the body
 * found, matched again there; it makes no statement and no new name.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract-int.h"

struct extractor {
	const struct kb *kb;
	struct extract_matcher *matcher;
	struct extract_lex *lex;
	struct text_langs *langs;
	struct extract_roman *roman;
	char ***heads;        /* by kb index: NULL-terminated head nouns */
	struct extract_dated *dated;
	size_t ndated;
	struct extract_described *described;
	unsigned *kinds;      /* by kb index: EXTRACT_KIND_* of its names */
	struct extract_titles *titles;
};

static void
make_dated(struct extractor *x)
{
	size_t i;
	long f, l;

	x->dated = xreallocarray(NULL, x->kb->n + 1, sizeof *x->dated);
	for (i = 0; i < x->kb->n; i++) {
		const struct kb_entity *e = &x->kb->ents[i];

		if (e->kind != KB_AGREEMENT || e->dismissed || kb_date_range(e->date, &f, &l) != 0)
			continue;
		x->dated[x->ndated].idx = (int)i;
		x->dated[x->ndated].first = f;
		x->dated[x->ndated++].last = l;
	}
}

/* What kind of agreement or event each one's name and aliases say
 * ("ceasefire", "war"), read once: a description is matched against
 * them (extract-resolve.c). */
static void
make_kinds(struct extractor *x)
{
	size_t i, j;

	x->kinds = xcalloc(x->kb->n + 1, sizeof *x->kinds);
	for (i = 0; x->described != NULL && i < x->kb->n; i++) {
		const struct kb_entity *e = &x->kb->ents[i];

		if (e->kind != KB_AGREEMENT && e->kind != KB_EVENT)
			continue;
		x->kinds[i] = extract_described_name_kinds(x->described, e->name);
		for (j = 0; j < e->naliases; j++)
			x->kinds[i] |= extract_described_name_kinds(x->described, e->aliases[j].text);
	}
}

const struct extract_titles *
extractor_titles(const struct extractor *x)
{
	return x->titles;
}

const unsigned *
extractor_kinds(const struct extractor *x)
{
	return x->kinds;
}

const struct extract_dated *
extract_dated_agreements(const struct extractor *x, size_t *n)
{
	*n = x->ndated;
	return x->dated;
}

/*
 * The head nouns that refer back to a place or organization: the last
 * word of its name or of an alias, when written in lower case ("Lachin
 * corridor": "the corridor"; "Russian peacekeepers": "the peacekeepers").
 * A capitalized last word is a name, not a noun ("European Union").
 */
static char **
heads_of(const struct kb_entity *e, struct extract_text *t)
{
	char **h = NULL;
	size_t n = 0, i, j;

	for (i = 0; i <= e->naliases; i++) {
		const char *name = i == 0 ? e->name : e->aliases[i - 1].text;
		const struct extract_tok *last;

		if (extract_text_set(t, name, strlen(name)) != 0 || t->ntok < 2)
			continue;
		last = &t->tok[t->ntok - 1];
		if (!last->word || last->upper)
			continue;
		for (j = 0; j < n; j++)
			if (strlen(h[j]) == last->klen && memcmp(h[j], last->key, last->klen) == 0)
				break;
		if (j < n)
			continue;
		h = xreallocarray(h, n + 2, sizeof *h);
		h[n++] = xstrndup(last->key, last->klen);
		h[n] = NULL;
	}
	return h;
}

static void
make_heads(struct extractor *x)
{
	struct extract_text t;
	size_t i;

	extract_text_init(&t);
	x->heads = xcalloc(x->kb->n + 1, sizeof *x->heads);
	for (i = 0; i < x->kb->n; i++)
		if (x->kb->ents[i].kind == KB_PLACE || x->kb->ents[i].kind == KB_ORGANIZATION)
			x->heads[i] = heads_of(&x->kb->ents[i], &t);
	extract_text_free(&t);
}

const char *const *
extractor_heads(const struct extractor *x, int e)
{
	return e >= 0 && (size_t)e < x->kb->n ? (const char *const *)x->heads[e] : NULL;
}

const struct extract_described *
extractor_described(const struct extractor *x)
{
	return x->described;
}

const struct extract_roman *
extractor_roman(const struct extractor *x)
{
	return x->roman;
}

int
extractor_new(const struct kb *kb, const char *datadir, struct extractor **out)
{
	struct extractor *x = xcalloc(1, sizeof *x);

	*out = NULL;
	x->kb = kb;
	if (extract_lex_load(datadir, &x->lex) != 0 || text_langs_load(datadir, &x->langs) != 0 ||
	    extract_described_load(datadir, &x->described) != 0) {
		extract_lex_free(x->lex);
		text_langs_free(x->langs);
		free(x);
		return -1;
	}
	extract_matcher_new_langs(kb, x->langs, &x->matcher);
	x->roman = extract_roman_new(kb);
	make_heads(x);
	make_dated(x);
	make_kinds(x);
	x->titles = extract_titles_new(kb);
	*out = x;
	return 0;
}

void
extractor_free(struct extractor *x)
{
	if (x == NULL)
		return;
	extract_matcher_free(x->matcher);
	extract_roman_free(x->roman);
	extract_lex_free(x->lex);
	text_langs_free(x->langs);
	extract_described_free(x->described);
	for (size_t i = 0; x->heads != NULL && i < x->kb->n; i++) {
		for (char **h = x->heads[i]; h != NULL && *h != NULL; h++)
			free(*h);
		free(x->heads[i]);
	}
	free(x->heads);
	free(x->dated);
	free(x->kinds);
	extract_titles_free(x->titles);
	free(x);
}

#define NIL UINT32_MAX

int
extract_cue_from(const struct extract_ctx *c, size_t k, int cls, size_t *other)
{
	uint32_t i;
	int found = 0;

	if (k >= c->t.ntok || !(c->mask_from[k] & (UINT64_C(1) << cls)))
		return 0;
	for (i = c->cue_first[k]; i != NIL; i = c->next_first[i]) {
		if ((int)EXTRACT_CUE_CLASS(c->cue[i].payload) != cls)
			continue;
		if (!found || c->cue[i].last > *other)
			*other = c->cue[i].last;
		found = 1;
	}
	return found;
}

int
extract_cue_to(const struct extract_ctx *c, size_t k, int cls, size_t *other)
{
	uint32_t i;
	int found = 0;

	if (k >= c->t.ntok || !(c->mask_to[k] & (UINT64_C(1) << cls)))
		return 0;
	for (i = c->cue_last[k]; i != NIL; i = c->next_last[i]) {
		if ((int)EXTRACT_CUE_CLASS(c->cue[i].payload) != cls)
			continue;
		if (!found || c->cue[i].first < *other)
			*other = c->cue[i].first;
		found = 1;
	}
	return found;
}

int
extract_cue_in(const struct extract_ctx *c, size_t k, int cls)
{
	return k < c->t.ntok && (c->mask_in[k] & (UINT64_C(1) << cls)) != 0;
}

int
extract_free(const struct extract_ctx *c, size_t first, size_t last)
{
	size_t k;

	for (k = first; k <= last && k < c->t.ntok; k++)
		if (c->ment_at[k] >= 0)
			return 0;
	return 1;
}

void
extract_set_mention(struct extract_ctx *c, int m, size_t first, size_t last, int entity,
    enum extract_how how)
{
	size_t k;

	c->m[m].start = c->t.tok[first].start;
	c->m[m].end = c->t.tok[last].end;
	c->m[m].entity = entity;
	c->m[m].how = how;
	c->m_first[m] = first;
	c->m_last[m] = last;
	for (k = first; k <= last; k++)
		c->ment_at[k] = m;
}

static void
add_inner(struct extract_ctx *c, const struct extract_mention *m)
{
	if (c->ninner == c->innercap) {
		c->innercap = c->innercap ? c->innercap * 2 : 8;
		c->inner = xreallocarray(c->inner, c->innercap, sizeof *c->inner);
	}
	c->inner[c->ninner++] = *m;
}

void
extract_keep_inner(struct extract_ctx *c, int m, size_t first)
{
	/* The store keeps one mention at a start: the wider name's, so the
	 * place that begins it ("Gaza" of "the Gaza war") is not kept. */
	if (c->m[m].entity >= 0 && c->m_first[m] > first)
		add_inner(c, &c->m[m]);
}

/* An alias found inside the alias of an event or agreement of the
 * knowledge base ("Gaza" of its event "the war in Gaza", "Azerbaijan"
 * of "the Armenia-Azerbaijan peace treaty"), a name of its own there. */
static void
inner_hit(struct extract_ctx *c, const struct extract_hit *h)
{
	int m = c->ment_at[h->first];
	struct extract_mention in;
	enum kb_kind kind;

	if (m < 0 || c->m[m].entity < 0 || c->m[m].entity == h->entity ||
	    c->m_first[m] >= h->first || c->m_last[m] < h->last)
		return;
	kind = c->kb->ents[c->m[m].entity].kind;
	if (kind != KB_EVENT && kind != KB_AGREEMENT)
		return;
	kind = c->kb->ents[h->entity].kind;
	if (kind == KB_EVENT || kind == KB_AGREEMENT)
		return;
	in.start = h->start;
	in.end = h->end;
	in.entity = h->entity;
	in.how = EXTRACT_ALIAS;
	add_inner(c, &in);
}

int
extract_add_mention(struct extract_ctx *c, size_t first, size_t last, int entity,
    enum extract_how how)
{
	struct extract_mention *m;
	size_t k;

	if (last >= c->t.ntok || !extract_free(c, first, last))
		return -1;
	if (c->nm == c->mcap) {
		c->mcap = c->mcap ? c->mcap * 2 : 64;
		c->m = xreallocarray(c->m, c->mcap, sizeof *c->m);
		c->m_first = xreallocarray(c->m_first, c->mcap, sizeof *c->m_first);
		c->m_last = xreallocarray(c->m_last, c->mcap, sizeof *c->m_last);
	}
	m = &c->m[c->nm];
	m->start = c->t.tok[first].start;
	m->end = c->t.tok[last].end;
	m->entity = entity;
	m->how = how;
	c->m_first[c->nm] = first;
	c->m_last[c->nm] = last;
	for (k = first; k <= last; k++)
		c->ment_at[k] = (int)c->nm;
	return (int)c->nm++;
}

int
extract_is_actor(const struct extract_ctx *c, int entity)
{
	enum kb_kind kind = entity < 0 ? c->cand[-entity - 1].kind : c->kb->ents[entity].kind;

	/* Of the names found from context only people speak: a body's name
	 * found by its head noun is often a part of the subject ("the head
	 * of the Council of Economic Advisers, X, told"), not the speaker. */
	if (entity < 0)
		return kind == KB_PERSON;
	switch (kind) {
	case KB_PERSON:
	case KB_STATE:
	case KB_ORGANIZATION:
		return 1;
	default:
		return 0;
	}
}

static void
index_cues(struct extract_ctx *c)
{
	size_t n = c->t.ntok, i;

	c->cue_first = xreallocarray(NULL, n + 1, sizeof *c->cue_first);
	c->cue_last = xreallocarray(NULL, n + 1, sizeof *c->cue_last);
	memset(c->cue_first, 0xFF, (n + 1) * sizeof *c->cue_first);
	memset(c->cue_last, 0xFF, (n + 1) * sizeof *c->cue_last);
	c->next_first = xreallocarray(NULL, c->ncue + 1, sizeof *c->next_first);
	c->next_last = xreallocarray(NULL, c->ncue + 1, sizeof *c->next_last);
	c->mask_from = xcalloc(n + 1, sizeof *c->mask_from);
	c->mask_to = xcalloc(n + 1, sizeof *c->mask_to);
	c->mask_in = xcalloc(n + 1, sizeof *c->mask_in);
	for (i = c->ncue; i-- > 0;) {
		const struct extract_occ *o = &c->cue[i];
		uint64_t bit = UINT64_C(1) << EXTRACT_CUE_CLASS(o->payload);
		size_t k;

		c->next_first[i] = c->cue_first[o->first];
		c->cue_first[o->first] = (uint32_t)i;
		c->next_last[i] = c->cue_last[o->last];
		c->cue_last[o->last] = (uint32_t)i;
		c->mask_from[o->first] |= bit;
		c->mask_to[o->last] |= bit;
		for (k = o->first; k <= o->last; k++)
			c->mask_in[k] |= bit;
	}
}

/* First token of each sentence (sent_tok[nsentences] = ntok) and the
 * paragraph each sentence is in. */
static void
index_sentences(struct extract_ctx *c)
{
	const struct extract_input *in = c->in;
	size_t i, p = 0;

	c->sent_tok = xreallocarray(NULL, in->nsentences + 1, sizeof *c->sent_tok);
	c->para_of_sent = xreallocarray(NULL, in->nsentences + 1, sizeof *c->para_of_sent);
	for (i = 0; i < in->nsentences; i++) {
		c->sent_tok[i] = extract_tok_at(&c->t, in->sentences[i].start);
		while (p + 1 < in->nparagraphs && in->paragraphs[p].end <= in->sentences[i].start)
			p++;
		c->para_of_sent[i] = p;
	}
	c->sent_tok[in->nsentences] = c->t.ntok;
}

struct sent_key {
	const struct extract_ctx *c;
	size_t tok;
};

/* Does sentence I end after token TOK? */
static int
sent_past(const void *arg, size_t i)
{
	const struct sent_key *k = arg;

	return k->c->sent_tok[i + 1] > k->tok;
}

size_t
extract_sentence_of(const struct extract_ctx *c, size_t tok)
{
	struct sent_key k = { c, tok };
	size_t n = c->in->nsentences, i;

	if (n == 0)
		return 0;
	i = text_search(n, sent_past, &k);
	return i < n ? i : n - 1;
}

static int
by_start(const void *a, const void *b)
{
	const struct extract_mention *x = a, *y = b;

	/* a name and one inside it at one start (none is kept so): the
	 * wider first, the one the store keeps */
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end > y->end ? -1 : x->end < y->end;
}

static void
ctx_free(struct extract_ctx *c)
{
	extract_text_free(&c->t);
	free(c->cue);
	free(c->cue_first);
	free(c->cue_last);
	free(c->next_first);
	free(c->next_last);
	free(c->mask_from);
	free(c->mask_to);
	free(c->mask_in);
	free(c->m);
	free(c->m_first);
	free(c->m_last);
	free(c->ment_at);
	free(c->inner);
	free(c->cand);
	free(c->st);
	free(c->sent_tok);
	free(c->para_of_sent);
	free(c->named);
}

/* Copies what the result keeps into the arena. */
static void
finish(struct extract_ctx *c, struct extract_result *out)
{
	out->nmentions = c->nm + c->ninner;
	out->mentions = arena_alloc(c->a, (out->nmentions + 1) * sizeof *out->mentions);
	if (c->nm > 0)
		memcpy(out->mentions, c->m, c->nm * sizeof *c->m);
	if (c->ninner > 0)
		memcpy(out->mentions + c->nm, c->inner, c->ninner * sizeof *c->inner);
	qsort(out->mentions, out->nmentions, sizeof *out->mentions, by_start);
	out->ncandidates = c->ncand;
	out->candidates = arena_alloc(c->a, (c->ncand + 1) * sizeof *out->candidates);
	if (c->ncand > 0)
		memcpy(out->candidates, c->cand, c->ncand * sizeof *c->cand);
	out->nstatements = c->nst;
	out->statements = arena_alloc(c->a, (c->nst + 1) * sizeof *out->statements);
	if (c->nst > 0)
		memcpy(out->statements, c->st, c->nst * sizeof *c->st);
}

/* ---- the title ------------------------------------------------------ */

/* The title's words and which of them a mention took. */
struct title_pass {
	struct extract_text t;
	unsigned char *taken;
	struct extract_mention *m;
	size_t n, cap;
};

/* Takes title tokens FIRST..LAST for ENTITY, unless one is taken. */
static void
title_add(struct title_pass *p, size_t first, size_t last, int entity)
{
	size_t k;

	for (k = first; k <= last; k++)
		if (p->taken[k])
			return;
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 8;
		p->m = xreallocarray(p->m, p->cap, sizeof *p->m);
	}
	p->m[p->n].start = p->t.tok[first].start;
	p->m[p->n].end = p->t.tok[last].end;
	p->m[p->n].entity = entity;
	p->m[p->n++].how = EXTRACT_ALIAS;
	for (k = first; k <= last; k++)
		p->taken[k] = 1;
}

/* Whether the body names ENTITY. */
static int
body_names(const struct extract_ctx *c, int entity)
{
	size_t i;

	for (i = 0; i < c->nm; i++)
		if (c->m[i].entity == entity)
			return 1;
	return 0;
}

/* Whether the body names agreement or event E, or one of its parties. */
static int
body_grounds(const struct extract_ctx *c, int e)
{
	const struct kb_entity *ent = &c->kb->ents[e];
	size_t j;

	if (body_names(c, e))
		return 1;
	for (j = 0; j < ent->nparties; j++)
		if (ent->parties[j] >= 0 && body_names(c, ent->parties[j]))
			return 1;
	return 0;
}

/* The knowledge base's names in the title, as the body's are matched
 * (the language's case endings too). An agreement or event only when
 * the body names it or one of its parties: the body's own rule, a capital
 * grounds a name, cannot hold in a headline whose every word has one
 * ("Peace Talks Resume" is no particular treaty). */
static void
title_aliases(const struct extract_ctx *c, struct title_pass *p)
{
	struct extract_hit *hits = NULL;
	size_t cap = 0, n, i;
	enum kb_kind kind;

	n = extract_match_lang(c->x->matcher, &p->t, c->lang, &hits, &cap);
	for (i = 0; i < n; i++) {
		kind = c->kb->ents[hits[i].entity].kind;
		if ((kind == KB_AGREEMENT || kind == KB_EVENT) && !body_grounds(c, hits[i].entity))
			continue;
		title_add(p, hits[i].first, hits[i].last, hits[i].entity);
	}
	free(hits);
}

/* A name the body found, by its tokens in the body. */
struct body_name {
	size_t first, last;
	int entity;
};

static int
by_length(const void *a, const void *b)
{
	const struct body_name *x = a, *y = b;
	size_t lx = x->last - x->first, ly = y->last - y->first;

	return lx > ly ? -1 : lx < ly;
}

/* Whether title token J on begins the body's tokens N (same keys). */
static int
same_words(const struct extract_ctx *c, const struct title_pass *p, size_t j,
    const struct body_name *n)
{
	size_t k;

	if (j + (n->last - n->first) >= p->t.ntok)
		return 0;
	for (k = 0; k <= n->last - n->first; k++)
		if (!extract_tok_same(&c->t.tok[n->first + k], &p->t.tok[j + k]))
			return 0;
	return 1;
}

/*
 * The names the body found (a candidate typed by its context, a known
 * person by the surname alone), where the title has the same words: the
 * longest first. Only names the body wrote with a capital, not "the
 * agreement" or a name by its description; and never a name the title
 * alone has, since a headline's capitals are no evidence of one.
 */
static void
title_body_names(const struct extract_ctx *c, struct title_pass *p)
{
	struct body_name *v = xreallocarray(NULL, c->nm + 1, sizeof *v);
	size_t n = 0, i, j;

	for (i = 0; i < c->nm; i++) {
		if (c->m[i].how == EXTRACT_ANAPHORA || c->m[i].how == EXTRACT_PATTERN ||
		    !c->t.tok[c->m_first[i]].upper)
			continue;
		v[n].first = c->m_first[i];
		v[n].last = c->m_last[i];
		v[n++].entity = c->m[i].entity;
	}
	qsort(v, n, sizeof *v, by_length);
	for (i = 0; i < n; i++)
		for (j = 0; j < p->t.ntok; j++)
			if (same_words(c, p, j, &v[i]))
				title_add(p, j, j + (v[i].last - v[i].first), v[i].entity);
	free(v);
}

/* The title's mentions into OUT, in title order. */
static int
extract_title(const struct extract_ctx *c, struct extract_result *out)
{
	struct title_pass p;

	if (c->in->title == NULL || c->in->title[0] == '\0')
		return 0;
	memset(&p, 0, sizeof p);
	extract_text_init(&p.t);
	if (extract_text_set(&p.t, c->in->title, strlen(c->in->title)) != 0) {
		extract_text_free(&p.t);
		return -1;
	}
	p.taken = xcalloc(p.t.ntok + 1, 1);
	title_aliases(c, &p);
	title_body_names(c, &p);
	if (p.n > 1)
		qsort(p.m, p.n, sizeof *p.m, by_start);
	out->ntitle_mentions = p.n;
	out->title_mentions = arena_alloc(c->a, (p.n + 1) * sizeof *out->title_mentions);
	if (p.n > 0)
		memcpy(out->title_mentions, p.m, p.n * sizeof *p.m);
	free(p.m);
	free(p.taken);
	extract_text_free(&p.t);
	return 0;
}

int
extract_article(const struct extractor *x, const struct extract_input *in,
    struct arena *a, struct extract_result *out)
{
	struct extract_ctx c;
	struct extract_hit *hits = NULL, *inside = NULL;
	const struct extract_ac *lac;
	size_t nhits, ninside, cap = 0, insidecap = 0, i;

	memset(out, 0, sizeof *out);
	memset(&c, 0, sizeof c);
	c.x = x;
	c.kb = x->kb;
	c.lx = x->lex;
	c.in = in;
	c.a = a;
	extract_text_init(&c.t);
	if (extract_text_set(&c.t, in->body, in->len) != 0) {
		ctx_free(&c);
		return -1;
	}
	c.lang = in->lang != NULL ? text_lang_find(x->langs, in->lang)
	    : text_lang_detect(x->langs, in->body, in->len);
	extract_ac_scan(extract_lex_ac(x->lex), &c.t, &c.cue, &c.ncue, &c.cuecap);
	if (c.lang != NULL && (lac = extract_lex_ac_lang(x->lex, c.lang->code)) != NULL)
		extract_ac_scan(lac, &c.t, &c.cue, &c.ncue, &c.cuecap);
	index_cues(&c);
	index_sentences(&c);
	c.ment_at = xreallocarray(NULL, c.t.ntok + 1, sizeof *c.ment_at);
	memset(c.ment_at, 0xFF, (c.t.ntok + 1) * sizeof *c.ment_at);

	nhits = extract_match_lang(x->matcher, &c.t, c.lang, &hits, &cap);
	for (i = 0; i < nhits; i++)
		if (extract_agreement_grounded(&c, hits, nhits, i))
			extract_add_mention(&c, hits[i].first, hits[i].last, hits[i].entity,
			    EXTRACT_ALIAS);
	ninside = extract_match_inside(x->matcher, &c.t, hits, nhits, &inside, &insidecap);
	for (i = 0; i < ninside; i++)
		inner_hit(&c, &inside[i]);
	free(inside);
	free(hits);
	extract_surnames(&c, x->langs);
	extract_agreements(&c);
	extract_described(&c);
	extract_candidates(&c);
	extract_anaphora(&c);
	extract_statements(&c);
	extract_statement_features(&c);
	finish(&c, out);
	if (extract_title(&c, out) != 0) {
		ctx_free(&c);
		return -1;
	}
	ctx_free(&c);
	return 0;
}
