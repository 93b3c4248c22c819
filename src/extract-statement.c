/*
 * extract-statement.c: who says what. A sentence is a statement of an
 * actor when
 *
 *   - a quotation opening in it is attributed to the actor after it closes
 *     ("...," Lavrov said; "...," said the minister), the statement then
 *     running over every sentence of the quotation;
 *   - the actor is the subject of a reporting verb (data/verbs.txt),
 *     outside quotation marks. The subject is found walking back from the
 *     verb over adverbs and auxiliaries ("also", "has"), comma-bounded
 *     asides ("Lavrov, who was visiting Baku, said") and to a name, a
 *     pronoun (the person who spoke last), "the X side" (the state), "the
 *     Azerbaijani foreign minister" (the person in that role, per the
 *     knowledge base), or "the sides" (the most prominent person so far);
 *   - "according to X", "in X's view" or "a call from X" names it;
 *   - a line of its own names the speaker and ends in a colon ("Sergey
 *     Lavrov:"): the paragraph after it is what they said.
 *
 * A reporting verb after a negation or a modal ("did not say", "would
 * say"), in a clause opened by a condition ("if"), or in a sentence that
 * asks a question reports nothing.
 *
 * An unattributed quotation that follows a statement in the same paragraph
 * continues it. Nothing inside quotation marks is attributed anew: a
 * quoted "The Armenian side has said" is part of the quoting statement.
 */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "extract-int.h"

#define NO_ONE INT_MIN
#define ATTRIBUTION_WINDOW 10   /* tokens after a closing quote */
#define ASIDE_MAX 30            /* tokens in one comma-bounded aside */
#define FORWARD_MAX 6           /* "said Russian Foreign Minister Sergey Lavrov" */
#define PENDING_MAX 12          /* paragraphs a quotation may run over unmarked */
#define LABEL_MAX 8             /* tokens of a "Speaker Name:" line */
#define TOPIC_MAX 6             /* tokens of a phrase opening a verb-final clause */
#define CREDIT_MAX 12           /* tokens of "Как сообщает X," opening a sentence */
#define DATELINE_WORDS 4        /* words in one piece of a dateline ("UNITED NATIONS (AP) —") */
#define DATELINE_PIECES 3       /* "Москва. 5 января. INTERFAX.RU - ..." */

struct quote {
	size_t open, close;   /* tokens of the marks; close is the paragraph's
	                         last token when the quote is not closed */
};

/* A word's folded bytes, as extract_tok keeps them. */
struct word_key {
	const char *key;
	uint32_t klen;
	uint32_t hash;
};

struct attr {
	struct extract_ctx *c;
	unsigned char *in_quote;
	struct quote *q;
	size_t nq;
	int last_person;
	int last_speaker;     /* of the last statement: "the statement said" */
	size_t last_end;      /* the last statement's last sentence, or SIZE_MAX */
	int last_state;       /* the last state that spoke: "the government said" */
	size_t cur;           /* sentence being read */
	int *group_second;    /* "the two ministers": the other one, or NO_ONE */
	long pending;         /* a quotation left open at a paragraph's end
	                         whose closing mark may come later, or -1 */
	size_t pending_paras; /* paragraphs without quotation marks since */
	int *body_before;     /* per token: bodies_before() */
	struct word_key *inner_caps; /* index_inner_caps() */
	size_t ninner_caps;
};

static int
is_key(const struct extract_tok *k, const char *s)
{
	return k->klen == strlen(s) && memcmp(k->key, s, k->klen) == 0;
}

static int
opens(const struct extract_tok *k)
{
	return is_key(k, "\xE2\x80\x9C") || is_key(k, "\xC2\xAB") || is_key(k, "\xE2\x80\x9E");
}

static int
closes(const struct extract_tok *k)
{
	return is_key(k, "\xE2\x80\x9D") || is_key(k, "\xC2\xBB");
}

static void
push_quote(struct attr *A, size_t open, size_t close)
{
	A->q = xreallocarray(A->q, A->nq + 1, sizeof *A->q);
	A->q[A->nq].open = open;
	A->q[A->nq].close = close;
	A->nq++;
	memset(A->in_quote + open + 1, 1, close > open ? close - open - 1 : 0);
}

/*
 * Quotations of one paragraph (tokens [lo, hi)), outermost only. Curly
 * quotes nest ("...“Kosovo Serbian ... bodies”. I think...,” Lavrov said"),
 * straight ones alternate; a quotation still open at the end of the
 * paragraph ends there, unless a later paragraph, with no quotation marks
 * in those between, begins its marks with the closing one: then it runs
 * to that mark (a quotation of several paragraphs, opened once and closed
 * once, "«... / ... »,- ասել է Լավրովը").
 */
static void
find_quotes(struct attr *A, size_t lo, size_t hi)
{
	const struct extract_tok *t = A->c->t.tok;
	size_t stack[16], depth = 0, k, from;
	unsigned char straight[16];
	int marks = 0;

	for (k = lo; k < hi; k++) {
		if (t[k].word)
			continue;
		if (is_key(&t[k], "\"") || opens(&t[k]) || closes(&t[k]))
			marks++;
		/* The closing mark of a quotation opened paragraphs before,
		 * with none between ("«... / ... »,- ասել է Լավրովը"). */
		if (closes(&t[k]) && depth == 0 && marks == 1 && A->pending >= 0) {
			from = A->q[A->pending].close;
			A->q[A->pending].close = k;
			memset(A->in_quote + from, 1, k - from);
			A->pending = -1;
			continue;
		}
		if (is_key(&t[k], "\"")) {
			if (depth > 0 && straight[depth - 1]) {
				if (--depth == 0)
					push_quote(A, stack[0], k);
			} else if (depth < ARRAY_LEN(stack)) {
				straight[depth] = 1;
				stack[depth++] = k;
			}
		} else if (opens(&t[k]) && depth < ARRAY_LEN(stack)) {
			straight[depth] = 0;
			stack[depth++] = k;
		} else if (closes(&t[k]) && depth > 0) {
			if (--depth == 0)
				push_quote(A, stack[0], k);
		}
	}
	if (depth > 0 && hi > lo && !straight[0]) {
		push_quote(A, stack[0], hi - 1);
		A->pending = (long)A->nq - 1;
		A->pending_paras = 0;
	} else if (depth > 0 && hi > lo) {
		push_quote(A, stack[0], hi - 1);
		A->pending = -1;
	} else if (marks > 0 || ++A->pending_paras > PENDING_MAX)
		A->pending = -1;
}

static int
is_person(const struct extract_ctx *c, int e)
{
	if (e == NO_ONE)
		return 0;
	return (e < 0 ? c->cand[-e - 1].kind : c->kb->ents[e].kind) == KB_PERSON;
}

static size_t
first_at(const struct extract_ctx *c, int e)
{
	size_t i, first = SIZE_MAX;

	for (i = 0; i < c->nm; i++)
		if (c->m[i].entity == e && c->m_first[i] < first)
			first = c->m_first[i];
	return first;
}

/* The entity of the mention ending exactly at K, or NO_ONE. */
static int
mention_to(const struct extract_ctx *c, size_t k)
{
	int m = k < c->t.ntok ? c->ment_at[k] : -1;

	return m >= 0 && c->m_last[m] == k ? c->m[m].entity : NO_ONE;
}

static int
mention_from(const struct extract_ctx *c, size_t k, size_t *last)
{
	int m = k < c->t.ntok ? c->ment_at[k] : -1;

	if (m < 0 || c->m_first[m] != k)
		return NO_ONE;
	*last = c->m_last[m];
	return c->m[m].entity;
}

/* The most prominent person named before token END: most mentions, then
 * the earliest. "The foreign ministers reiterated" is reported for the
 * host, who is named first and most; *SECOND (may be NULL) is the next
 * most prominent, the other of "the two ministers", or NO_ONE. */
static int
more_salient(const struct extract_ctx *c, int a, size_t na, int b, size_t nb)
{
	return na > nb || (na == nb && first_at(c, a) < first_at(c, b));
}

static int
salient(const struct extract_ctx *c, size_t end, int *second)
{
	struct { int e; size_t n; } seen[64];
	size_t nseen = 0, i, j, best = 0;
	int e;

	for (i = 0; i < c->nm; i++) {
		e = c->m[i].entity;
		if (c->m_last[i] >= end || !is_person(c, e))
			continue;
		for (j = 0; j < nseen && seen[j].e != e; j++)
			;
		if (j == nseen) {
			if (nseen == ARRAY_LEN(seen))
				continue;
			seen[nseen].e = e;
			seen[nseen++].n = 0;
		}
		seen[j].n++;
	}
	if (second != NULL)
		*second = NO_ONE;
	if (nseen == 0)
		return NO_ONE;
	/* Mentions are in text order except those added after the aliases;
	 * ties go to the one named first. */
	for (j = 1; j < nseen; j++)
		if (more_salient(c, seen[j].e, seen[j].n, seen[best].e, seen[best].n))
			best = j;
	for (j = 0, i = SIZE_MAX; second != NULL && j < nseen; j++)
		if (j != best && (i == SIZE_MAX || more_salient(c, seen[j].e, seen[j].n, seen[i].e,
		    seen[i].n)))
			i = j;
	if (second != NULL && i != SIZE_MAX)
		*second = seen[i].e;
	return seen[best].e;
}

/* Whether tokens [from, to) are only what may stand between "and" and a
 * person's name: titles, the state or body they hold them in, "the"
 * ("Aliyev and Armenian Prime Minister Nikol Pashinyan"). */
static int
only_titles(const struct extract_ctx *c, size_t from, size_t to)
{
	size_t k = from, other, last;
	int e;

	while (k < to) {
		/* "Both Lavrov and Bayramov said" */
		if (extract_cue_from(c, k, CUE_TITLE, &other) ||
		    extract_cue_from(c, k, CUE_DETERMINER, &other) ||
		    extract_cue_from(c, k, CUE_SKIP, &other))
			k = other + 1;
		else if ((e = mention_from(c, k, &last)) >= 0 && last < to &&
		    c->kb->ents[e].kind != KB_PERSON)
			k = last + 1;
		else
			return 0;
	}
	return k == to;
}

/* The actor named before "and" when a name starting at token F follows it
 * past its titles ("X and Prime Minister Y"); *G is where that one's name
 * starts. NO_ONE when F does not follow "and". */
static int
partner_of(const struct extract_ctx *c, size_t f, size_t *g)
{
	size_t a, other;
	int e;

	/* back from the second name over its titles to "and" */
	for (a = f; a-- > 1 && f - a <= FORWARD_MAX;)
		if (extract_cue_to(c, a, CUE_AND, &other) && other == a)
			break;
	if (a == 0 || a + 1 > f || f - a > FORWARD_MAX || !extract_cue_to(c, a, CUE_AND, &other) ||
	    other != a || !only_titles(c, a + 1, f))
		return NO_ONE;
	e = mention_to(c, a - 1);
	if (e != NO_ONE)
		*g = c->m_first[c->ment_at[a - 1]];
	return e;
}

/* The pair of people named together last as a sentence's subject before
 * token END ("President X and Prime Minister Y signed"): "the two
 * leaders" are they, whoever was named most. Sets *second to the other;
 * NO_ONE when no pair was named. With ACTORS set, states and bodies pair
 * too; the pair's name starts at token FLOOR or later. */
static int
pair_before(const struct extract_ctx *c, size_t end, int *second, int actors, size_t floor)
{
	size_t k, g;
	int b, e;

	for (k = end; k-- > 2 && k >= floor;) {
		b = mention_to(c, k);
		if (b == NO_ONE || !(actors ? extract_is_actor(c, b) : is_person(c, b)))
			continue;
		e = partner_of(c, c->m_first[c->ment_at[k]], &g);
		if (e == NO_ONE || !(actors ? extract_is_actor(c, e) : is_person(c, e)) || e == b)
			continue;
		/* the pair is its sentence's subject, not the people someone
		 * met ("talks with his counterparts, X and Y") */
		if (only_titles(c, c->sent_tok[extract_sentence_of(c, g)], g)) {
			if (second != NULL)
				*second = b;
			return e;
		}
	}
	return NO_ONE;
}

static char *
fold_words(const struct extract_ctx *c, size_t first, size_t last, char *buf, size_t size)
{
	size_t k, n = 0;

	for (k = first; k <= last && n + c->t.tok[k].klen + 2 < size; k++) {
		if (k > first)
			buf[n++] = ' ';
		memcpy(buf + n, c->t.tok[k].key, c->t.tok[k].klen);
		n += c->t.tok[k].klen;
	}
	buf[n] = '\0';
	return buf;
}

/* Whether a role held for entity OF is one of STATE's: OF is STATE, or a
 * body of it, named "... of STATE" ("Spokesperson of the Ministry of
 * Foreign Affairs of Qatar" is Qatar's spokesperson). */
static int
held_for(const struct extract_ctx *c, int of, int state)
{
	const char *p;

	if (of == state)
		return 1;
	if (of < 0 || c->kb->ents[of].kind != KB_ORGANIZATION || state < 0)
		return 0;
	for (p = strstr(c->kb->ents[of].name, " of "); p != NULL; p = strstr(p + 1, " of "))
		if (kb_lookup(c->kb, p + 4) == state)
			return 1;
	return 0;
}

/* An article without a date is read as news of today: a role that ended
 * before it ("President of Azerbaijan, 1993-2003") is nobody's now. */
static const char *
today(void)
{
	static char buf[16];
	time_t now;
	struct tm tm;

	if (buf[0] == '\0') {
		now = time(NULL);
		if (gmtime_r(&now, &tm) == NULL || strftime(buf, sizeof buf, "%Y-%m-%d", &tm) == 0)
			buf[0] = '\0';
	}
	return buf[0] != '\0' ? buf : NULL;
}

/* Whether CUE fits the title TITLE of a role, or the head of it before
 * an "of" the knowledge base did not split off: "press secretary" fits
 * "Press Secretary of the President" (of Russia), whose "of" names no
 * entity of its own. */
static int
title_fits(const char *cue, const char *title)
{
	size_t n = strlen(cue);

	return extract_title_fits(cue, title) ||
	    (strncasecmp(title, cue, n) == 0 && strncmp(title + n, " of ", 4) == 0);
}

static int
holds(const struct extract_ctx *c, int e, const char *cue, int state)
{
	const struct kb_entity *p;
	size_t i;

	if (e < 0 || c->kb->ents[e].kind != KB_PERSON)
		return 0;
	p = &c->kb->ents[e];
	for (i = 0; i < p->nroles; i++)
		if (title_fits(cue, p->roles[i].title) && (state < 0 || held_for(c, p->roles[i].of, state)) &&
		    kb_role_active(&p->roles[i], c->in->date != NULL ? c->in->date : today()))
			return 1;
	return 0;
}

/* Whether E is a person found from context whose title, read where the
 * name was found ("Estonian Defence Minister Peeter Saar": "Defence
 * Minister of Estonia"), fits CUE, of STATE when that is given. */
static int
found_holds(const struct extract_ctx *c, int e, const char *cue, int state)
{
	const struct extract_candidate *p;
	const char *of;
	char title[128];
	size_t n;

	if (e >= 0 || e == NO_ONE)
		return 0;
	p = &c->cand[-e - 1];
	if (p->kind != KB_PERSON || p->role == NULL)
		return 0;
	of = strstr(p->role, " of ");
	n = of != NULL ? (size_t)(of - p->role) : strlen(p->role);
	if (n >= sizeof title)
		return 0;
	memcpy(title, p->role, n);
	title[n] = '\0';
	if (!extract_title_fits(cue, title))
		return 0;
	return state < 0 || (of != NULL && kb_lookup(c->kb, of + 4) == state);
}

/* The last person named before token END who holds a role of state or
 * body E, or NO_ONE. */
static int
member_before(const struct extract_ctx *c, size_t end, int e)
{
	const struct kb_entity *p;
	const char *date = c->in->date != NULL ? c->in->date : today();
	size_t k, i;
	int who;

	for (k = end; k-- > 0;) {
		who = mention_to(c, k);
		if (who < 0 || c->kb->ents[who].kind != KB_PERSON)
			continue;
		p = &c->kb->ents[who];
		for (i = 0; i < p->nroles; i++)
			if (held_for(c, p->roles[i].of, e) && kb_role_active(&p->roles[i], date))
				return who;
	}
	return NO_ONE;
}

/* The person "the [Azerbaijani] foreign minister" (tokens [tf, tl]; its
 * folded words CUE for by_title)
 * means: the last one named before who holds the role, else the only one
 * in the knowledge base who holds it at the article's date (today's for
 * an article without one). */
static int
by_title(const struct extract_ctx *c, const char *cue, size_t tf, int state)
{
	const struct extract_title_holder *h;
	size_t k, i, n;
	int e, found = NO_ONE;

	for (k = tf; k-- > 0;) {
		e = mention_to(c, k);
		if (e != NO_ONE && (holds(c, e, cue, state) || found_holds(c, e, cue, state)))
			return e;
	}
	if (c->in->date == NULL && today() == NULL)
		return NO_ONE;
	/* Among those a role of whom the title may fit only: the people
	 * with roles grow with the corpus. */
	h = extract_titles_find(extractor_titles(c->x), cue, &n);
	for (i = 0; i < n; i++)
		if (holds(c, h[i].entity, cue, state)) {
			if (found != NO_ONE)
				return NO_ONE;
			found = h[i].entity;
		}
	return found;
}

/* The state whose body E is ("Ministry of Foreign Affairs of Russia":
 * Russia), E itself when it is a state, else NO_ONE. */
static int
state_of_body(const struct extract_ctx *c, int e)
{
	const char *p;
	int s;

	if (e < 0)
		return NO_ONE;
	if (c->kb->ents[e].kind == KB_STATE)
		return e;
	if (c->kb->ents[e].kind != KB_ORGANIZATION)
		return NO_ONE;
	for (p = strstr(c->kb->ents[e].name, " of "); p != NULL; p = strstr(p + 1, " of "))
		if ((s = kb_lookup(c->kb, p + 4)) >= 0 && c->kb->ents[s].kind == KB_STATE)
			return s;
	return NO_ONE;
}

/* The folded words of the title at tokens [TF, TL] into CUE (N bytes),
 * or the title they are a form of. */
static void
role_cue(const struct extract_ctx *c, size_t tf, size_t tl, char *cue, size_t n)
{
	const char *role;

	fold_words(c, tf, tl, cue, n);
	if ((role = extract_lex_title(c->lx, cue)) != NULL)
		snprintf(cue, n, "%s", role);
}

static int
by_role(const struct extract_ctx *c, size_t tf, size_t tl, int state)
{
	char cue[128];
	size_t k;
	int e;

	/* "глава российской дипломатии": the state named inside the title */
	for (k = tf; state < 0 && k <= tl; k++)
		if (c->ment_at[k] >= 0 && (e = c->m[c->ment_at[k]].entity) >= 0 &&
		    c->kb->ents[e].kind == KB_STATE)
			state = e;
	role_cue(c, tf, tl, cue, sizeof cue);
	return by_title(c, cue, tf, state);
}

/* "The foreign ministers of Estonia and Oman said": A and B are the
 * states or bodies named after a group's words ending at token GL (its
 * first token GF). The holders of the title in each; else the two
 * themselves. Sets *second. */
static int
holders_of(const struct extract_ctx *c, size_t gf, size_t gl, int a, int b, int *second)
{
	char cue[128];
	size_t n, other;
	int pa, pb;

	if (extract_cue_from(c, gf, CUE_DETERMINER, &other) && other < gl)
		gf = other + 1;
	fold_words(c, gf, gl, cue, sizeof cue);
	/* the plural of the title ("ministers"): its singular */
	n = strlen(cue);
	if (n > 1 && cue[n - 1] == 's')
		cue[n - 1] = '\0';
	pa = by_title(c, cue, gf, a);
	pb = by_title(c, cue, gf, b);
	if (is_person(c, pa) && is_person(c, pb) && pa != pb) {
		*second = pb;
		return pa;
	}
	*second = b;
	return a;
}

/* by_role() for state or body E; a body's title nobody of it holds is
 * read as the title alone, as before a name of no state ("the EU
 * commissioner"), but then only a title that fits whole. */
static int
by_role_of(const struct extract_ctx *c, size_t tf, size_t tl, int e)
{
	const struct kb_entity *p;
	char cue[128];
	size_t i;
	int who = by_role(c, tf, tl, e), body;

	if (e >= 0 && (who != NO_ONE || c->kb->ents[e].kind != KB_ORGANIZATION))
		return who;
	if (e >= 0)
		who = by_role(c, tf, tl, -1);
	/* with no body before the title, the one its genitive names after
	 * it, in a language whose genitive is an ending ("пресс-секретаря
	 * Минобороны России") */
	body = NO_ONE;
	if (e < 0 && c->lang != NULL && c->lang->nendings > 0 && tl + 1 < c->t.ntok &&
	    c->ment_at[tl + 1] >= 0 && c->m_first[c->ment_at[tl + 1]] == tl + 1)
		body = c->m[c->ment_at[tl + 1]].entity;
	if (who < 0 || c->kb->ents[who].kind != KB_PERSON ||
	    (e < 0 && (body < 0 || c->kb->ents[body].kind != KB_ORGANIZATION)))
		return who;
	/* The body named is no part of the title read alone, so the head of a
	 * title whose "of" names another office does not fit: the press
	 * secretary of a ministry is not the "Press Secretary of the
	 * President". */
	role_cue(c, tf, tl, cue, sizeof cue);
	p = &c->kb->ents[who];
	for (i = 0; i < p->nroles; i++)
		if (extract_title_fits(cue, p->roles[i].title))
			return who;
	return NO_ONE;
}

static int
is_comma_like(const struct extract_tok *k)
{
	return is_key(k, ",") || is_key(k, "\xE2\x80\x94") || is_key(k, "\xE2\x80\x93");
}

/* "X's" ending at K (tokens X ' s): X's entity, else NO_ONE. In a
 * language whose names take case endings, any ending after the apostrophe
 * ("Lavrov'un", "Lavrov'a göre"), or none ("Lavrovun sözlərinə görə"). */
static int
possessor(const struct extract_ctx *c, size_t k)
{
	int inflects = c->lang != NULL && c->lang->nendings > 0;

	if (inflects && k < c->t.ntok && mention_to(c, k) != NO_ONE)
		return mention_to(c, k);
	if (k < 2 || !is_key(&c->t.tok[k - 1], "'") ||
	    !(is_key(&c->t.tok[k], "s") || (inflects && c->t.tok[k].word)))
		return NO_ONE;
	return mention_to(c, k - 2);
}

/* Russian, Azerbaijani, Armenian, Turkish: a noun phrase starts a clause
 * with no "the" (their names take case endings, English's do not). */
static int
articleless(const struct extract_ctx *c)
{
	return c->lang != NULL && c->lang->nendings > 0;
}

/* For each token, the organization of the knowledge base named last before
 * it, or NO_ONE ("the ministry" is that one): made in one pass, so that
 * looking it up costs nothing however long the article. */
static int *
bodies_before(const struct extract_ctx *c)
{
	int *v = xreallocarray(NULL, c->t.ntok + 1, sizeof *v), last = NO_ONE, e;
	size_t k;

	size_t f, other;

	for (k = 0; k <= c->t.ntok; k++) {
		v[k] = last;
		e = mention_to(c, k);
		if (e < 0 || c->kb->ents[e].kind != KB_ORGANIZATION)
			continue;
		/* "told Reuters": the outlet spoken to is no body the text
		 * goes on about */
		f = c->m_first[c->ment_at[k]];
		if (f > 0 && extract_cue_to(c, f - 1, CUE_DETERMINER, &other))
			f = other;
		if (f > 0 && extract_cue_to(c, f - 1, CUE_VERB, &other))
			continue;
		last = e;
	}
	return v;
}

/* The state or body opening the sentence before sentence S as its subject
 * ("The Estonian foreign ministry summoned ..."), past a determiner, or
 * NO_ONE. */
static int
opening_actor(const struct attr *A, size_t s)
{
	const struct extract_ctx *c = A->c;
	size_t k, other, last;
	int e;

	if (s == 0)
		return NO_ONE;
	for (k = c->sent_tok[s - 1]; k < c->sent_tok[s] && !c->t.tok[k].word; k++)
		;
	if (k < c->sent_tok[s] && extract_cue_from(c, k, CUE_DETERMINER, &other))
		k = other + 1;
	if (k >= c->sent_tok[s] || A->in_quote[k])
		return NO_ONE;
	e = mention_from(c, k, &last);
	return e != NO_ONE && !is_person(c, e) && extract_is_actor(c, e) ? e : NO_ONE;
}

/* Whether a phrase starting at token G opens its clause, which starts
 * at LB: nothing but adverbs and punctuation before it ("Также министр
 * сообщил", "..., — отметил министр"). */
static int
opens_clause(const struct extract_ctx *c, size_t g, size_t lb)
{
	size_t f;

	while (g > lb && extract_cue_to(c, g - 1, CUE_SKIP, &f) && f >= lb)
		g = f;
	return g == lb || !c->t.tok[g - 1].word;
}

/* The person "he" or "she" at token K stands for: the person who is the
 * subject of its own sentence, the name opening it past its titles and
 * outside quotation marks ("Lavrov arrived in Baku, where he said",
 * "Foreign Minister Lavrov met X and he said"), else the person who spoke
 * or was named last. A name after a preposition or a possessive name is
 * no subject ("After a call with Lavrov, he said", "Lavrov's aide said
 * he"), so the person before stands. */
static int
pronoun_person(const struct attr *A, size_t k)
{
	const struct extract_ctx *c = A->c;
	size_t j, last, other;
	int e;

	for (j = c->sent_tok[extract_sentence_of(c, k)]; j < k; j++) {
		if (A->in_quote[j] || !c->t.tok[j].word)
			continue;
		if ((e = mention_from(c, j, &last)) != NO_ONE) {
			if (last >= k)
				break;
			if (is_person(c, e))
				return last + 1 < k && is_key(&c->t.tok[last + 1], "'") ? A->last_person : e;
			/* "Russian Foreign Minister Lavrov": the state the
			 * title is held in */
			j = last;
		} else if (extract_cue_from(c, j, CUE_TITLE, &other) ||
		    extract_cue_from(c, j, CUE_DETERMINER, &other) ||
		    extract_cue_from(c, j, CUE_SKIP, &other))
			j = other;
		else
			break;
	}
	return A->last_person;
}

/* A subject phrase ending at K, other than a bare name: "the Armenian
 * side", "the Azerbaijani foreign minister", "the sides", "he",
 * "Pashinyan's office". */
static int
phrase_to(const struct attr *A, size_t k, size_t lb)
{
	const struct extract_ctx *c = A->c;
	size_t f, g, other;
	int e, held;

	if (extract_cue_to(c, k, CUE_PRONOUN, &f) && f == k)
		return pronoun_person(A, k);
	/* "The ministry summoned the envoy. It said": the state or body
	 * opening the sentence before as its subject */
	if (extract_cue_to(c, k, CUE_NEUTER, &f) && f == k)
		return opening_actor(A, extract_sentence_of(c, k));
	/* "Estonia and Oman signed it. They said": the pair that was the
	 * subject of this sentence or the one before, else nobody */
	if (extract_cue_to(c, k, CUE_PLURAL, &f) && f == k) {
		g = extract_sentence_of(c, k);
		e = pair_before(c, f, A->group_second, 1, c->sent_tok[g > 0 ? g - 1 : g]);
		/* "Two Egyptian sources said ... They added": the state or
		 * body whose officials spoke in the sentence before */
		if (e == NO_ONE && A->last_end != SIZE_MAX && A->last_end + 1 == g &&
		    A->last_speaker != NO_ONE && !is_person(c, A->last_speaker))
			e = A->last_speaker;
		return e;
	}
	if (extract_cue_to(c, k, CUE_GROUP, &f) && f >= lb) {
		if ((e = pair_before(c, f, A->group_second, 0, 0)) != NO_ONE)
			return e;
		/* "Армения и Азербайджан провели переговоры. Стороны
		 * заявили": the states or bodies named together just before */
		g = extract_sentence_of(c, f);
		if ((e = pair_before(c, f, A->group_second, 1, c->sent_tok[g > 0 ? g - 1 : g])) != NO_ONE)
			return e;
		return salient(c, f, A->group_second);
	}
	if (extract_cue_to(c, k, CUE_PROXY, &f) && f > lb) {
		e = possessor(c, f - 1);
		if (e != NO_ONE && extract_is_actor(c, e))
			return e;
		if (extract_cue_to(c, f - 1, CUE_POSSESSIVE, &other))
			return A->last_person;
		/* "Israel's Prime Minister's Office": the office of the
		 * person holding the role */
		if (f >= lb + 3 && is_key(&c->t.tok[f - 2], "'") && is_key(&c->t.tok[f - 1], "s") &&
		    extract_cue_to(c, f - 3, CUE_TITLE, &other) && other >= lb &&
		    is_person(c, e = phrase_to(A, f - 3, lb)))
			return e;
	}
	/* "The statement emphasized", "В заявлении говорится": the
	 * document of whoever spoke last. */
	if (extract_cue_to(c, k, CUE_DOCUMENT, &f) && f >= lb) {
		/* "Türkiye Dışişleri Bakanlığından yapılan açıklamada":
		 * the document of the actor named before it */
		e = f > lb ? mention_to(c, f - 1) : NO_ONE;
		if (e != NO_ONE && extract_is_actor(c, e))
			return e;
		return A->last_speaker;
	}
	/* "The ministry also accused Yerevan": the organization named last */
	if (extract_cue_to(c, k, CUE_BODY, &f) && f >= lb)
		return A->body_before[f];
	/* "Zakharova said ... The diplomat also recalled", "Дипломат
	 * также напомнила": one official of no state or body named, right
	 * after a person's statement, is that person named again (the
	 * "second reference" of cues.txt's [officials]). */
	if (extract_cue_to(c, k, CUE_OFFICIAL, &f) && f >= lb &&
	    is_person(c, A->last_speaker) && A->last_end != SIZE_MAX &&
	    A->last_end + 1 >= extract_sentence_of(c, k) && k + 1 < c->t.ntok &&
	    mention_from(c, k + 1, &other) == NO_ONE &&
	    ((f > lb && mention_to(c, f - 1) == NO_ONE && extract_cue_to(c, f - 1, CUE_DETERMINER, &other) &&
	    opens_clause(c, other, lb)) || (articleless(c) && opens_clause(c, f, lb))))
		return A->last_speaker;
	/* "The government also demanded": the state that spoke last. */
	if (extract_cue_to(c, k, CUE_SIDE, &f) && f > lb && mention_to(c, f - 1) == NO_ONE &&
	    extract_cue_to(c, f - 1, CUE_DETERMINER, &other) && other + 1 == f)
		return A->last_state;
	/* "Estonia's government said", "Russia's military said", "the
	 * EU's delegation said" */
	if (extract_cue_to(c, k, CUE_SIDE, &f) && f >= lb + 3 && is_key(&c->t.tok[f - 2], "'") &&
	    is_key(&c->t.tok[f - 1], "s") && (e = mention_to(c, f - 3)) >= 0 &&
	    (c->kb->ents[e].kind == KB_STATE || c->kb->ents[e].kind == KB_ORGANIZATION))
		return e;
	if (extract_cue_to(c, k, CUE_SIDE, &f) && f > lb) {
		e = mention_to(c, f - 1);
		/* a state's side, a state's or a body's officials */
		if (e >= 0 && (c->kb->ents[e].kind == KB_STATE || c->kb->ents[e].kind == KB_ORGANIZATION)) {
			g = c->m_first[c->ment_at[f - 1]];
			/* "the Omani senior official": the one of Oman named before */
			if (g > lb && extract_cue_to(c, g - 1, CUE_DETERMINER, &other) &&
			    extract_cue_to(c, k, CUE_OFFICIAL, &other) && other == f &&
			    (held = member_before(c, g, e)) != NO_ONE)
				return held;
			if (g > lb && (extract_cue_to(c, g - 1, CUE_DETERMINER, &other) ||
			    extract_cue_to(c, g - 1, CUE_QUANTIFIER, &other)))
				return e;
			/* Languages without articles: "Azərbaycan tərəfi
			 * bildirib"; and the bare plural that opens a clause
			 * ("Estonian officials said", "“...,” Omani sources
			 * said"), which English writes with no article. */
			if (g == lb)
				return e;
		}
	}
	if (extract_cue_to(c, k, CUE_TITLE, &f) && f >= lb) {
		e = f > lb ? mention_to(c, f - 1) : NO_ONE;
		g = f;
		/* "the Qatari foreign ministry spokesperson", "Katar Dışişleri
		 * Sözcüsü": the state's or the body's */
		if (e >= 0 && (c->kb->ents[e].kind == KB_STATE ||
		    c->kb->ents[e].kind == KB_ORGANIZATION))
			g = c->m_first[c->ment_at[f - 1]];
		else
			e = -1;
		if (g > lb && extract_cue_to(c, g - 1, CUE_DETERMINER, &other))
			return by_role_of(c, f, k, e);
		/* Languages without articles: "Nazir hesab edir ki", and
		 * after the quotation: "..." , - nazir əlavə edib */
		if (opens_clause(c, g, lb) && articleless(c)) {
			/* "глава МИД России": the title ends inside the
			 * body's name, whose state it is */
			if (e < 0 && c->ment_at[k] >= 0 && c->m_first[c->ment_at[k]] == k &&
			    (held = state_of_body(c, c->m[c->ment_at[k]].entity)) != NO_ONE)
				return by_role(c, f, k, held);
			return by_role_of(c, f, k, e);
		}
		/* "Russia's foreign minister", "Rusiyanın xarici işlər naziri" */
		e = f > lb ? possessor(c, f - 1) : NO_ONE;
		if (e >= 0 && extract_is_actor(c, e) && c->kb->ents[e].kind != KB_PERSON)
			return by_role(c, f, k, e);
	}
	return NO_ONE;
}

/* The person a title names when state or body E's mention ends at K:
 * "the foreign minister of Russia", and in a language whose genitive is
 * an ending, "глава МИД России". NO_ONE when it is no such phrase or
 * nobody held the role. */
static int
role_of_mention(const struct attr *A, size_t k, size_t lb, int e)
{
	const struct extract_ctx *c = A->c;
	size_t g, f, other;

	if (e < 0 || c->kb->ents[e].kind == KB_PERSON || c->ment_at[k] < 0)
		return NO_ONE;
	g = c->m_first[c->ment_at[k]];
	if (g >= lb + 3 && is_key(&c->t.tok[g - 1], "of") &&
	    extract_cue_to(c, g - 2, CUE_TITLE, &f) && f > lb &&
	    extract_cue_to(c, f - 1, CUE_DETERMINER, &other))
		return by_role(c, f, g - 2, e);
	if (c->lang != NULL && c->lang->nendings > 0 && g > lb &&
	    extract_cue_to(c, g - 1, CUE_TITLE, &f) && f >= lb)
		return by_role(c, f, g - 1, e);
	/* "Глава МИД России заявил": the title ends inside the body's
	 * name, the role is of the body's state */
	if (c->lang != NULL && c->lang->nendings > 0 && extract_cue_to(c, g, CUE_TITLE, &f) &&
	    f >= lb && f < g && opens_clause(c, f, lb) && state_of_body(c, e) != NO_ONE)
		return by_role(c, f, g, state_of_body(c, e));
	return NO_ONE;
}

/* Whether the comma at token P, inside an aside that ends at token K,
 * only sets off a place or state named after it ("Oman's capital, Muscat,"):
 * the place's name runs to the next comma, the word before P is no name. */
static int
place_apposition(const struct extract_ctx *c, size_t p, size_t k, size_t lb)
{
	size_t last;
	int e = mention_from(c, p + 1, &last);

	if (e < 0 || p <= lb || last + 1 > k || !is_comma_like(&c->t.tok[last + 1]) ||
	    mention_to(c, p - 1) != NO_ONE || !c->t.tok[p - 1].word)
		return 0;
	return c->kb->ents[e].kind == KB_PLACE || c->kb->ents[e].kind == KB_STATE;
}

/* Whether the actor whose first token is F, after a title and a
 * preposition other than "of" ("The U.N. envoy for Libya said", "the
 * chief negotiator for the EU told"), is the title's scope rather than
 * the subject; sets *TITLE to the title's last token. A spokesperson
 * speaks for the scope ("a spokeswoman for the EU said": the EU), so a
 * title that is a proxy has none. No token before LB counts. */
static int
title_scope(const struct extract_ctx *c, size_t f, size_t lb, size_t *title)
{
	const struct extract_tok *t = c->t.tok;
	size_t g;

	if (f >= lb + 3 && extract_cue_to(c, f - 1, CUE_DETERMINER, &g) && g == f - 1)
		f--;
	if (f < lb + 2 || !t[f - 1].word || t[f - 1].upper || is_key(&t[f - 1], "of") ||
	    !extract_cue_to(c, f - 2, CUE_TITLE, &g) || g < lb ||
	    extract_cue_to(c, f - 2, CUE_PROXY, &g))
		return 0;
	*title = f - 2;
	return 1;
}

/*
 * Whether the actor named right before token F (past adverbs) opens its
 * clause, which starts at LB or after a comma: only titles, states and
 * bodies stand before it ("Глава МИД России Сергей Лавров в Баку"),
 * or one capitalised word opening the clause. A person after a
 * preposition or another noun ("После переговоров с Лавровым в Кремле
 * заявили", "В ответ на слова Захаровой в МИД заявили") is an object,
 * and the body after "в" speaks.
 */
static size_t subject_end(const struct attr *, size_t, size_t);

static int
subject_opens(const struct attr *A, size_t f, size_t lb)
{
	const struct extract_ctx *c = A->c;
	const struct extract_tok *t = c->t.tok;
	size_t g = subject_end(A, f, lb), h, other;
	int e, person = 0;

	while (g > lb) {
		if (!t[g - 1].word) {
			if (is_comma_like(&t[g - 1]) || is_key(&t[g - 1], ":"))
				return 1;
			g--;
		} else if ((e = mention_to(c, g - 1)) != NO_ONE && (!is_person(c, e) || !person)) {
			person |= is_person(c, e);
			h = c->m_first[c->ment_at[g - 1]];
			/* "Лавров и Байрамов в Баку заявили" */
			if (partner_of(c, h, &other) != NO_ONE)
				h = other;
			g = h;
		} else if ((extract_cue_to(c, g - 1, CUE_TITLE, &h) ||
		    extract_cue_to(c, g - 1, CUE_DETERMINER, &h) ||
		    extract_cue_to(c, g - 1, CUE_SKIP, &h)) && h >= lb) {
			g = h;
		} else {
			return t[g - 1].upper && (g - 1 == lb || !t[g - 2].word);
		}
	}
	return 1;
}

/*
 * The actor who is the subject of the verb starting at token V, walking
 * back no further than token LB.
 */
static int
subject_before(const struct attr *A, size_t v, size_t lb)
{
	const struct extract_ctx *c = A->c;
	const struct extract_tok *t = c->t.tok;
	size_t k = v, f, g, asides = 0, p;
	int e, held;

	while (k-- > lb) {
		e = mention_to(c, k);
		/* "ԱԳՆ-ն", "ԱՄՆ-ն": an abbreviation's ending after a hyphen */
		if (e == NO_ONE && articleless(c) && k >= lb + 2 && t[k].word && !t[k].upper &&
		    is_key(&t[k - 1], "-") && (e = mention_to(c, k - 2)) != NO_ONE)
			k -= 2;
		/* "Лавров в интервью ТАСС заявил": the outlet spoken through
		 * stands between the subject and the verb; so does the place
		 * spoken in ("Lavrov in Baku said"), unless no one stands
		 * before it ("Officials in Moscow said": the place's state).
		 * So does a body after a one-word preposition ("в", "in",
		 * "at") with no one before it: "В МИД России заявили",
		 * "Источник в МИД России сообщил"; one after a longer cue is
		 * an outlet spoken through ("в интервью ТАСС"), no subject. */
		if (e != NO_ONE && c->m_first[c->ment_at[k]] > lb &&
		    extract_cue_to(c, c->m_first[c->ment_at[k]] - 1, CUE_MEDIUM, &f) && f >= lb) {
			held = subject_before(A, f, lb);
			if (held != NO_ONE && f + 1 == c->m_first[c->ment_at[k]] && !subject_opens(A, f, lb))
				held = NO_ONE;
			if (held != NO_ONE || e < 0)
				return held;
			if (c->kb->ents[e].kind != KB_PLACE && c->kb->ents[e].kind != KB_STATE &&
			    f + 1 != c->m_first[c->ment_at[k]])
				return held;
		}
		if (e != NO_ONE && (held = role_of_mention(A, k, lb, e)) != NO_ONE)
			return held;
		/* "Prime Minister X of Estonia said": the state is the
		 * person's, named after the name (the style of The New York
		 * Times) */
		if (e != NO_ONE && !is_person(c, e) && (f = c->m_first[c->ment_at[k]]) >= lb + 2 &&
		    is_key(&t[f - 1], "of") && is_person(c, held = mention_to(c, f - 2)))
			return held;
		/* An actor that is a title's scope: the one holding the
		 * title speaks, or no one known. */
		if (e != NO_ONE && !is_person(c, e) &&
		    title_scope(c, c->m_first[c->ment_at[k]], lb, &f))
			return phrase_to(A, f, lb);
		if (e != NO_ONE && !extract_is_actor(c, e))
			return NO_ONE;
		if (e != NO_ONE) {
			/* "Lavrov and Bayramov said": both, when the pair opens
			 * the clause */
			f = lb;
			held = partner_of(c, c->m_first[c->ment_at[k]], &f);
			for (p = lb; p < f && !t[p].word; p++)
				;
			/* "The foreign ministers of Estonia and Oman said" */
			if (held != NO_ONE && held != e && !is_person(c, held) && !is_person(c, e) &&
			    extract_is_actor(c, held) && f >= p + 2 &&
			    extract_cue_to(c, f - 1, CUE_JOINER, &g) && g == f - 1 &&
			    extract_cue_to(c, f - 2, CUE_GROUP, &g) && g == p)
				return holders_of(c, g, f - 2, held, e, A->group_second);
			if (held != NO_ONE && held != e && extract_is_actor(c, held) && f >= lb &&
			    only_titles(c, p, f)) {
				*A->group_second = e;
				return held;
			}
			return e;
		}
		if ((e = phrase_to(A, k, lb)) != NO_ONE)
			return e;
		if (extract_cue_to(c, k, CUE_SKIP, &f) && f >= lb) {
			k = f;
			continue;
		}
		if (t[k].word && !t[k].upper && extract_lex_skip_suffix(c->lx, t[k].key, t[k].klen))
			continue;
		if (is_comma_like(&t[k]) && asides++ < 2) {
			/* An aside: back to the comma that opened it, past a
			 * place set off inside it ("who mediated in Oman's
			 * capital, Muscat, confirmed"). */
			for (p = k; p-- > lb && k - p < ASIDE_MAX;)
				if ((is_comma_like(&t[p]) && !place_apposition(c, p, k, lb)) ||
				    A->in_quote[p] || opens(&t[p]) || closes(&t[p]))
					break;
			if (p + 1 <= lb || k - p >= ASIDE_MAX || !is_comma_like(&t[p]))
				return NO_ONE;
			/* "The head of the council, Kevin Hassett, told": the
			 * aside is the name of the phrase before it. */
			if (asides == 1 && is_person(c, e = mention_from(c, p + 1, &f)) && f + 1 == k)
				return e;
			k = p;
			continue;
		}
		return NO_ONE;
	}
	return NO_ONE;
}

/* The person named right after a title ending at token T, past the
 * titles, states and bodies, and (in a language whose genitive is an
 * ending) the words it governs: "министр иностранных дел Армении X". */
static int
named_after(const struct attr *A, size_t t, size_t hi)
{
	const struct extract_ctx *c = A->c;
	size_t j = t + 1, last, other;
	int e;

	if (c->ment_at[t] >= 0)
		j = c->m_last[c->ment_at[t]] + 1;
	for (; j < hi && j <= t + FORWARD_MAX; j++) {
		e = mention_from(c, j, &last);
		if (is_person(c, e))
			return e;
		if (e != NO_ONE && extract_is_actor(c, e))
			j = last;
		else if (extract_cue_from(c, j, CUE_TITLE, &other))
			/* "главы МИД России X": the title ends inside the body's name */
			j = c->ment_at[other] >= 0 ? c->m_last[c->ment_at[other]] : other;
		else if (!(articleless(c) && c->t.tok[j].word && !c->t.tok[j].upper && e == NO_ONE))
			return NO_ONE;
	}
	return NO_ONE;
}

/* An unnamed official or source given after a verb or "according to",
 * the phrase starting at token K: "a senior Estonian official", "one
 * Omani source" (phrase_to() reads it back from its noun), and "a source
 * in the Russian foreign ministry", "источник в МИД России", "sources
 * close to the delegation": the state or body named after the noun, past
 * a preposition or two and "the". NO_ONE when no such phrase starts at K. */
static int
official_ahead(const struct attr *A, size_t k, size_t hi)
{
	const struct extract_ctx *c = A->c;
	size_t j, n, end, last, other, words;
	int e;

	for (j = k; j < hi && j <= k + FORWARD_MAX; j++) {
		if (A->in_quote[j] || extract_cue_from(c, j, CUE_VERB, &other))
			return NO_ONE;
		if (extract_cue_from(c, j, CUE_SIDE, &end))
			break;
	}
	if (j >= hi || j > k + FORWARD_MAX)
		return NO_ONE;
	if ((e = phrase_to(A, end, k)) != NO_ONE)
		return e;
	/* The noun with no state before it, only "a", "two", "senior":
	 * "Western diplomats in Tallinn" are not Estonia's. */
	for (n = k; n < j; n = other + 1)
		if (!extract_cue_from(c, n, CUE_DETERMINER, &other) &&
		    !extract_cue_from(c, n, CUE_QUANTIFIER, &other))
			return NO_ONE;
	for (n = end + 1, words = 0; n < hi && words <= 2;) {
		if (extract_cue_from(c, n, CUE_DETERMINER, &other)) {
			n = other + 1;
			continue;
		}
		if ((e = mention_from(c, n, &last)) != NO_ONE)
			return !is_person(c, e) && extract_is_actor(c, e) ? e : NO_ONE;
		if (!c->t.tok[n].word || c->t.tok[n].upper || A->in_quote[n])
			return NO_ONE;
		n++;
		words++;
	}
	return NO_ONE;
}

/* "said Lavrov", "said the minister", "said Russian Foreign Minister
 * Sergey Lavrov": the subject starting at token FIRST, after a verb. */
static int
subject_from(const struct attr *A, size_t first, size_t hi)
{
	const struct extract_ctx *c = A->c;
	size_t k, last, other;
	int e, held, titled = 0;

	for (k = first; k < hi && k <= first + FORWARD_MAX - 1; k++) {
		/* "заявил помощник президента России X": the genitives a
		 * title governs, in a language whose genitive is an ending */
		if (titled && articleless(c) && c->t.tok[k].word && !c->t.tok[k].upper &&
		    c->ment_at[k] < 0)
			continue;
		e = mention_from(c, k, &last);
		/* "deyip İran'ın ...": a name in a case of its own is no subject. */
		if (e != NO_ONE && articleless(c) && last + 1 < hi && is_key(&c->t.tok[last + 1], "'"))
			return NO_ONE;
		/* "сообщил РИА Новости источник в МИД России", "заявил ТАСС
		 * глава МИД": the outlet told, in the dative, stands between
		 * the verb and its subject. */
		if (e >= 0 && k == first && articleless(c) && c->kb->ents[e].kind == KB_ORGANIZATION &&
		    (extract_cue_from(c, last + 1, CUE_TITLE, &other) ||
		    official_ahead(A, last + 1, hi) != NO_ONE)) {
			k = last;
			continue;
		}
		if (e != NO_ONE) {
			if (is_person(c, e) || extract_is_actor(c, e)) {
				/* "Russian Foreign Minister X": the state is an adjective. */
				if (e >= 0 && c->kb->ents[e].kind == KB_STATE &&
				    extract_cue_from(c, last + 1, CUE_TITLE, &other)) {
					/* "the Russian foreign minister" with no
					 * name after it: the one holding the role */
					if (!is_person(c, mention_from(c, other + 1, &last)) &&
					    (e = phrase_to(A, other, first)) != NO_ONE)
						return e;
					k = other;
					continue;
				}
				/* "said NATO Secretary General Mark Rutte": the
				 * body is the title's, the one named after the
				 * title speaks. */
				if (!is_person(c, e) && extract_cue_from(c, last + 1, CUE_TITLE, &other) &&
				    is_person(c, held = named_after(A, other, hi)))
					return held;
				/* "министр иностранных дел РФ Сергей Лавров": the
				 * state is the title's, the name follows. */
				if (!is_person(c, e) && is_person(c, mention_from(c, last + 1, &other)))
					return mention_from(c, last + 1, &other);
				return e;
			}
			return NO_ONE;
		}
		/* "said a senior Estonian official", "сообщил источник в
		 * МИД России" */
		if (!titled && (e = official_ahead(A, k, hi)) != NO_ONE)
			return e;
		/* "said the ministry": the organization named last */
		if (!titled && k == first && extract_cue_from(c, k, CUE_BODY, &other) &&
		    A->body_before[k] != NO_ONE)
			return A->body_before[k];
		if (extract_cue_from(c, k, CUE_TITLE, &other) ||
		    extract_cue_from(c, k, CUE_DETERMINER, &other)) {
			/* "сообщил министр иностранных дел Армении X": the
			 * person named after the title, before its role */
			if ((e = named_after(A, other, hi)) != NO_ONE)
				return e;
			e = phrase_to(A, other, k);
			if (e != NO_ONE)
				return e;
			/* "глава МИД Армении X": the title ends inside the body's name */
			if (c->ment_at[other] >= 0)
				other = c->m_last[c->ment_at[other]];
			titled = 1;
			k = other;
			continue;
		}
		if (extract_cue_from(c, k, CUE_PRONOUN, &other) && other == k)
			return A->last_person;
		/* "Об этом говорится в заявлении МИД России": the actor whose
		 * document it is */
		if (!titled && extract_cue_from(c, k, CUE_DOCUMENT, &other) &&
		    (e = mention_from(c, other + 1, &last)) != NO_ONE && extract_is_actor(c, e))
			return e;
		return NO_ONE;
	}
	return NO_ONE;
}

/* subject_from() after the verb ending at token V */
static int
subject_after(const struct attr *A, size_t v, size_t hi)
{
	return subject_from(A, v + 1, hi);
}

/* "according to X", "according to Pashinyan's office", "according to
 * his office" starting at K. */
static int
subject_after_cue(const struct attr *A, size_t k, size_t hi)
{
	const struct extract_ctx *c = A->c;
	size_t last, other, from = k;
	int e, held;

	if (k >= hi)
		return NO_ONE;
	if (extract_cue_from(c, k, CUE_POSSESSIVE, &other) &&
	    extract_cue_from(c, other + 1, CUE_PROXY, &other))
		return A->last_person;
	/* "according to him,", "Ըստ նրա՝": a pronoun alone, the phrase
	 * closed by punctuation, is the person who spoke last */
	if ((extract_cue_from(c, k, CUE_PRONOUN, &other) ||
	    extract_cue_from(c, k, CUE_POSSESSIVE, &other)) && other == k && k + 1 < hi &&
	    !c->t.tok[k + 1].word && !A->in_quote[k])
		return A->last_person;
	/* "according to the ministry": the organization named last */
	if (extract_cue_from(c, k, CUE_BODY, &other) && A->body_before[k] != NO_ONE)
		return A->body_before[k];
	if (extract_cue_from(c, k, CUE_DETERMINER, &other))
		k = other + 1;
	/* "according to the foreign minister", "как подчеркнул министр" */
	if (extract_cue_from(c, k, CUE_TITLE, &other) && (e = phrase_to(A, other, from)) != NO_ONE)
		return e;
	e = mention_from(c, k, &last);
	if (is_person(c, e))
		return e;
	/* "по словам российского министра": the state is the title's */
	if (e >= 0 && c->kb->ents[e].kind == KB_STATE && extract_cue_from(c, last + 1, CUE_TITLE, &other) &&
	    (held = phrase_to(A, other, k)) != NO_ONE)
		return held;
	/* "according to a senior Estonian official", "как сообщил
	 * источник в МИД России" */
	if (e == NO_ONE && (e = official_ahead(A, from, hi)) != NO_ONE)
		return e;
	/* "по словам главы МИД России Сергея Лаврова", "according to
	 * Russian Foreign Minister Sergei Lavrov": the person named after
	 * the title and its body */
	if (k > 0) {
		int p = named_after(A, k - 1, hi);

		if (is_person(c, p))
			return p;
	}
	return e != NO_ONE && extract_is_actor(c, e) ? e : NO_ONE;
}

/* Whether token K is a word in capitals throughout ("SUKHUM", "AP",
 * "INTERFAX"), Latin or Cyrillic. */
static int
all_caps(const struct extract_ctx *c, size_t k)
{
	const unsigned char *b = (const unsigned char *)c->in->body;
	size_t i, e = c->t.tok[k].end;

	if (!c->t.tok[k].word || !c->t.tok[k].upper || e < c->t.tok[k].start + 2)
		return 0;
	for (i = c->t.tok[k].start; i < e; i++)
		if ((b[i] >= 'a' && b[i] <= 'z') || (i + 1 < e && ((b[i] == 0xD0 && b[i + 1] >= 0xB0) ||
		    (b[i] == 0xD1 && b[i + 1] < 0xA0))))
			return 0;
	return 1;
}

/* Whether token K is a number ("19", "2026"). */
static int
numeral(const struct extract_tok *k)
{
	return k->klen > 0 && k->key[0] >= '0' && k->key[0] <= '9';
}

/* Whether sentence D is a piece of a dateline: a few words with no
 * reporting verb and no quotation, a place, a date or a credit ("SUKHUM.",
 * "Москва.", "5 января.", "UNITED NATIONS (AP) —"). Every word is a
 * number, a month with its capital, a word after a day's number (the
 * month in a language whose months the lexicon lacks: "19 января") or a
 * capitalised word;
 * any other word in lower case is a verb or a noun of a sentence of its
 * own ("NATO expanded.", "Inflation hit 9 percent."). A piece has a
 * number or a word in capitals throughout, or is a name alone that the
 * article finds ("Москва."), not any word with a capital ("Thanks."). */
static int
dateline_piece(const struct extract_ctx *c, size_t d)
{
	const struct extract_tok *t = c->t.tok;
	size_t k, o, words = 0, marked = 0, a = c->sent_tok[d], b = c->sent_tok[d + 1];
	int e;

	if (a == b)
		return 0;
	for (k = a; k < b; k++) {
		if (opens(&t[k]) || closes(&t[k]) || extract_cue_from(c, k, CUE_VERB, &o))
			return 0;
		if (!t[k].word)
			continue;
		if (++words > DATELINE_WORDS)
			return 0;
		if (t[k].upper && extract_cue_from(c, k, CUE_MONTH, &o)) {
			marked++;
			words += o - k;
			k = o;
			continue;
		}
		if (!t[k].upper && !numeral(&t[k]) && !(k > a && numeral(&t[k - 1]) && t[k - 1].klen <= 2))
			return 0;
		marked += numeral(&t[k]) || all_caps(c, k);
	}
	if (marked > 0)
		return 1;
	/* a name alone: a place the article knows, no person */
	for (k = a; k < b && !t[k].word; k++)
		;
	e = mention_from(c, k, &o);
	if (e == NO_ONE || is_person(c, e))
		return 0;
	for (k = o + 1; k < b && !t[k].word; k++)
		;
	return k == b;
}

/* The sentence a statement found in sentence S0 starts with: the first of
 * its paragraph when every one before S0 in it is a piece of a dateline.
 * A wire story's first paragraph opens with its place, date and credit,
 * which the splitter may cut into pieces ("SUKHUM. March 13 (Interfax) -
 * ...", "Москва. 5 января. INTERFAX.RU - ..."); they belong to the
 * sentence that follows them. */
static size_t
dateline_start(const struct extract_ctx *c, size_t s0)
{
	size_t d = s0;

	while (d > 0 && s0 - d < DATELINE_PIECES && c->para_of_sent[d - 1] == c->para_of_sent[s0] &&
	    dateline_piece(c, d - 1))
		d--;
	if (d == s0 || (d > 0 && c->para_of_sent[d - 1] == c->para_of_sent[s0]))
		return s0;
	return d;
}

static struct extract_statement *
add_statement(struct attr *A, size_t s0, size_t s1, int who)
{
	struct extract_ctx *c = A->c;
	struct extract_statement *st;

	if (c->nst == c->stcap) {
		c->stcap = c->stcap ? c->stcap * 2 : 16;
		c->st = xreallocarray(c->st, c->stcap, sizeof *c->st);
	}
	st = &c->st[c->nst++];
	memset(st, 0, sizeof *st);
	st->start = c->in->sentences[dateline_start(c, s0)].start;
	st->end = c->in->sentences[s1].end;
	st->speaker = who;
	st->has_speaker = 1;
	return st;
}

static void
set_span(const struct extract_ctx *c, size_t first, size_t last, size_t *start, size_t *end)
{
	*start = c->t.tok[first].start;
	*end = c->t.tok[last].end;
}

/* The first quotation opening in sentence S, or -1. */
static long
quote_opening_in(const struct attr *A, size_t s)
{
	const struct extract_ctx *c = A->c;
	size_t i;

	for (i = 0; i < A->nq; i++)
		if (A->q[i].open >= c->sent_tok[s] && A->q[i].open < c->sent_tok[s + 1])
			return (long)i;
	return -1;
}

/* Token V, or the first of the adverbs ("also", "has") right before it
 * after LB: where the verb's subject ends. */
static size_t
subject_end(const struct attr *A, size_t v, size_t lb)
{
	size_t k = v, f;

	while (k > lb && extract_cue_to(A->c, k - 1, CUE_SKIP, &f) && f >= lb)
		k = f;
	return k;
}

/* Whether no word comes before token K in its sentence. */
static int
first_word(const struct extract_ctx *c, size_t k)
{
	size_t j;

	for (j = c->sent_tok[extract_sentence_of(c, k)]; j < k; j++)
		if (c->t.tok[j].word)
			return 0;
	return 1;
}

static int
cmp_word(const void *a, const void *b)
{
	const struct word_key *x = a, *y = b;

	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	if (x->klen != y->klen)
		return x->klen < y->klen ? -1 : 1;
	return memcmp(x->key, y->key, x->klen);
}

/* The words with a capital that are not the first of their sentence,
 * sorted, for capitalized_inside(). */
static void
index_inner_caps(struct attr *A)
{
	const struct extract_ctx *c = A->c;
	const struct extract_tok *t = c->t.tok;
	size_t s, k, n = 0;
	int seen;

	A->inner_caps = xreallocarray(NULL, c->t.ntok + 1, sizeof *A->inner_caps);
	for (s = 0; s < c->in->nsentences; s++)
		for (k = c->sent_tok[s], seen = 0; k < c->sent_tok[s + 1]; k++) {
			if (!t[k].word)
				continue;
			if (seen && t[k].upper) {
				A->inner_caps[n].key = t[k].key;
				A->inner_caps[n].klen = t[k].klen;
				A->inner_caps[n++].hash = t[k].hash;
			}
			seen = 1;
		}
	qsort(A->inner_caps, n, sizeof *A->inner_caps, cmp_word);
	A->ninner_caps = n;
}

/* Whether the word of token K has a capital somewhere in the text where
 * it is not the first word of a sentence: a name's capital is its own, a
 * common noun's or a pronoun's ("Analysts", "Это") only the sentence's. */
static int
capitalized_inside(const struct attr *A, size_t k)
{
	const struct extract_tok *t = &A->c->t.tok[k];
	struct word_key w = { t->key, t->klen, t->hash };

	return A->ninner_caps > 0 &&
	    bsearch(&w, A->inner_caps, A->ninner_caps, sizeof *A->inner_caps, cmp_word) != NULL;
}

/* Whether the subject of the verb at token V is a name nobody knows: the
 * word right before it (past adverbs such as "also"), after LB, is
 * capitalized, names no entity, found or known, and begins or ends no cue
 * (no title, pronoun, body or group word), in a language whose verb does
 * not end the clause. '"...," Mohamad said, adding he ...' is what
 * someone not found said: neither a name after the verb, nor "he", nor
 * the person named before said it. A word after a person named in the
 * clause is no subject ("Lavrov on Telegram said"), and the first word of
 * a sentence is a name only when the text writes it with a capital
 * elsewhere too ("Analysts said", "Это подтвердил X" are not). */
static int
unknown_subject(const struct attr *A, size_t v, size_t lb)
{
	const struct extract_ctx *c = A->c;
	size_t k = subject_end(A, v, lb), j;

	/* where the verb ends the clause, the word before it may be its
	 * object ("Նա Երևանին մեղադրել է") */
	if (k <= lb || (c->lang != NULL && c->lang->verb_final))
		return 0;
	k--;
	if (!c->t.tok[k].word || !c->t.tok[k].upper || A->in_quote[k] || c->ment_at[k] >= 0 ||
	    c->mask_to[k] != 0 || c->mask_from[k] != 0)
		return 0;
	for (j = lb; j < k; j++)
		if (!A->in_quote[j] && c->ment_at[j] >= 0 && is_person(c, c->m[c->ment_at[j]].entity))
			return 0;
	return !first_word(c, k) || capitalized_inside(A, k);
}

/* The person a name nobody knows before the verb at token V
 * (unknown_subject()) is on second reference by the first word of their
 * name: "Malaysian Foreign Minister Mohamad Hasan ... Mohamad said",
 * "Hun Manet ... Hun said", as news names people whose given name or
 * family name comes first (Thai, Malay, Ethiopian, Khmer, Chinese). The
 * one person of two words or more mentioned before V whose name's first
 * word it is, or NO_ONE (none, or two). */
static int
given_name(const struct attr *A, size_t v, size_t lb)
{
	const struct extract_ctx *c = A->c;
	size_t k = subject_end(A, v, lb) - 1, i;
	const struct extract_tok *w = &c->t.tok[k], *f;
	int who = NO_ONE, e;

	for (i = 0; i < c->nm; i++) {
		e = c->m[i].entity;
		f = &c->t.tok[c->m_first[i]];
		if (c->m_first[i] >= k || !is_person(c, e) || c->m_last[i] == c->m_first[i] || f->klen != w->klen ||
		    memcmp(f->key, w->key, w->klen) != 0 || e == who)
			continue;
		if (who != NO_ONE)
			return NO_ONE;
		who = e;
	}
	return who;
}

/* The attribution after quotation Q: "," Lavrov said / said Lavrov /
 * according to X. Sets *who and the verb's tokens. */
static int
attribution(const struct attr *A, const struct quote *q, int *who, size_t *vf, size_t *vl)
{
	const struct extract_ctx *c = A->c;
	size_t s = extract_sentence_of(c, q->close), hi = c->sent_tok[s + 1], k, other;

	for (k = q->close + 1; k < hi && k <= q->close + ATTRIBUTION_WINDOW; k++) {
		if (opens(&c->t.tok[k]) || is_key(&c->t.tok[k], "\""))
			return 0;
		if (extract_cue_from(c, k, CUE_ACCORDING, &other)) {
			*who = subject_after_cue(A, other + 1, hi);
			*vf = k;
			*vl = other;
			return *who != NO_ONE;
		}
		if (!extract_cue_from(c, k, CUE_VERB, &other))
			continue;
		*who = subject_before(A, k, q->close + 1);
		if (*who == NO_ONE && unknown_subject(A, k, q->close + 1) &&
		    (*who = given_name(A, k, q->close + 1)) == NO_ONE)
			return 0;
		if (*who == NO_ONE)
			*who = subject_after(A, other, hi);
		*vf = k;
		*vl = other;
		return *who != NO_ONE;
	}
	return 0;
}

/* Whether the attribution after quotation Q names someone nobody knows
 * ('"...," Okonkwo replied'): the quotation is theirs, not the last
 * speaker's going on. */
static int
unknown_attribution(const struct attr *A, const struct quote *q)
{
	const struct extract_ctx *c = A->c;
	size_t s = extract_sentence_of(c, q->close), hi = c->sent_tok[s + 1], k, other;

	for (k = q->close + 1; k < hi && k <= q->close + ATTRIBUTION_WINDOW; k++) {
		if (opens(&c->t.tok[k]) || is_key(&c->t.tok[k], "\""))
			return 0;
		if (extract_cue_from(c, k, CUE_VERB, &other))
			return subject_before(A, k, q->close + 1) == NO_ONE &&
			    unknown_subject(A, k, q->close + 1) && given_name(A, k, q->close + 1) == NO_ONE;
	}
	return 0;
}

/* In a language whose verb ends the clause, a phrase for an actor that
 * opens the sentence and is set off from the rest by a comma or a topic
 * particle ("İranlı yetkili ise, ... söylemişti"), or a group of speakers
 * ("Bakanlar ... konuşuyor"): the subject of the verb at V. */
static int
topic_subject(const struct attr *A, size_t lo, size_t v)
{
	const struct extract_ctx *c = A->c;
	size_t j, f, other;
	int e;

	for (j = lo + 1; j < v && j <= lo + TOPIC_MAX; j++) {
		if (A->in_quote[j - 1])
			return NO_ONE;
		/* the cheap tests first: phrase_to may read the roles */
		if (!(extract_cue_to(c, j - 1, CUE_GROUP, &f) && f == lo) &&
		    !is_comma_like(&c->t.tok[j]) && !extract_cue_from(c, j, CUE_SKIP, &other))
			continue;
		if ((e = phrase_to(A, j - 1, lo)) != NO_ONE)
			return e;
		/* "Beyaz Saray da ... doğruladı": a state or a body opening
		 * the sentence, set off by a comma or a particle */
		if ((e = mention_to(c, j - 1)) != NO_ONE && c->m_first[c->ment_at[j - 1]] == lo &&
		    extract_is_actor(c, e))
			return e;
	}
	return NO_ONE;
}

/* In a language whose verb ends the clause ("Ceyhun Bayramov 2026-cı
 * ildə ... bildirib"), the subject may stand far from it: a pronoun
 * opening the sentence, else the first person named in the sentence
 * before the verb V, not in a case of its own ("Lavrov'a"). */
static int
verb_final_subject(const struct attr *A, size_t lo, size_t v)
{
	const struct extract_ctx *c = A->c;
	size_t k, last;
	int e;

	if (c->lang == NULL || !c->lang->verb_final)
		return NO_ONE;
	/* "Նա Երևանին մեղադրել է": a pronoun opening the sentence */
	for (k = lo; k < v && !c->t.tok[k].word; k++)
		;
	if (k < v && !A->in_quote[k] && extract_cue_from(c, k, CUE_PRONOUN, &last) && last == k)
		return A->last_person;
	for (k = lo; k < v; k++) {
		if (A->in_quote[k] || (e = mention_from(c, k, &last)) == NO_ONE)
			continue;
		if (is_person(c, e) && !(last + 1 < v && is_key(&c->t.tok[last + 1], "'")))
			return e;
		k = last;
	}
	return topic_subject(A, lo, v);
}

/* Where the clause after a news credit opening tokens [LO, V) starts:
 * a clause that names the outlet passing the words on, set off by a comma
 * or the Armenian comma "՝" ("Как сообщает ТАСС, об этом заявил X",
 * "Ինչպես հաղորդում է X-ը, այս մասին ասել է Y", "«X»-ի հաղորդմամբ՝ այս
 * մասին հայտարարել է Y"); LO when there is none. The outlet's name may
 * stand in quotation marks. */
static size_t
after_credit(const struct attr *A, size_t lo, size_t v)
{
	const struct extract_ctx *c = A->c;
	size_t k, other;
	int relay = 0;

	for (k = lo; k < v && k <= lo + CREDIT_MAX; k++) {
		if (!A->in_quote[k] && extract_cue_from(c, k, CUE_RELAY, &other)) {
			relay = 1;
			k = other;
			continue;
		}
		if (A->in_quote[k] || opens(&c->t.tok[k]) || closes(&c->t.tok[k]))
			continue;
		if (is_comma_like(&c->t.tok[k]) || is_key(&c->t.tok[k], "\xD5\x9D"))
			return relay ? k + 1 : lo;
	}
	return lo;
}

/* Whether the verb at token V opens its clause (tokens [LO, V) are only
 * a refers-back phrase, adverbs and punctuation, after a news credit):
 * "Об этом заявил X", where the subject follows the verb. */
static int
verb_first(const struct attr *A, size_t lo, size_t v)
{
	const struct extract_ctx *c = A->c;
	size_t k = after_credit(A, lo, v), other;

	while (k < v) {
		if (extract_cue_from(c, k, CUE_BACKREF, &other) ||
		    extract_cue_from(c, k, CUE_SKIP, &other))
			k = other + 1;
		else if (!c->t.tok[k].word && !A->in_quote[k])
			k++;
		else
			return 0;
	}
	return k == v;
}

/* Whether the verb at token V opens a clause after a comma or a dash,
 * past adverbs: "The talks will go on, said X", "Москва готова, заявил
 * X", where the subject follows the verb. */
static int
after_comma(const struct attr *A, size_t lo, size_t v)
{
	const struct extract_ctx *c = A->c;
	size_t k = v, f;

	while (k > lo) {
		if (extract_cue_to(c, k - 1, CUE_SKIP, &f) && f >= lo)
			k = f;
		else
			return is_comma_like(&c->t.tok[k - 1]) && !A->in_quote[k - 1];
	}
	return 0;
}

/* Whether the subject WHO after the verb ending at token V closes its
 * clause, as an inverted attribution's does ("..., said the State
 * Department.", ", заметил Мирзоян.", "..., said X, the ministry's
 * spokesman"): the last word before the sentence's end, a comma or a dash
 * ends WHO's name, or a title, body or role right after it ("said
 * Armenia's foreign ministry"). A name followed by more of the clause is
 * the subject of the words reported ("said Armenia had shelled villages
 * near Tavush", "told Armenia to stop talking to the president"), however
 * that clause ends. With no name of WHO's after the verb (a title, a body,
 * a pronoun), that last word must end one of these. */
static int
subject_closes(const struct attr *A, size_t v, size_t hi, int who)
{
	const struct extract_ctx *c = A->c;
	const struct extract_tok *t = c->t.tok;
	size_t k, w = SIZE_MAX, f, named = SIZE_MAX;
	int m;

	for (k = v + 1; k < hi && !(!A->in_quote[k] && (is_comma_like(&t[k]) || opens(&t[k]) ||
	    closes(&t[k]))); k++) {
		if (t[k].word)
			w = k;
		m = c->ment_at[k];
		if (named == SIZE_MAX && m >= 0 && c->m_first[m] == k && c->m[m].entity == who)
			named = c->m_last[m];
	}
	if (w == SIZE_MAX || A->in_quote[w])
		return 0;
	if (named != SIZE_MAX) {
		if (named >= w)
			return 1;
		if (!(extract_cue_to(c, w, CUE_TITLE, &f) || extract_cue_to(c, w, CUE_BODY, &f) ||
		    extract_cue_to(c, w, CUE_OFFICIAL, &f) || extract_cue_to(c, w, CUE_ROLE, &f)) ||
		    f <= named)
			return 0;
		/* only the possessive's "'s" between the name and the title */
		for (k = named + 1; k < f; k++)
			if (t[k].word && !is_key(&t[k], "s"))
				return 0;
		return 1;
	}
	return mention_to(c, w) != NO_ONE || extract_cue_to(c, w, CUE_TITLE, &f) ||
	    extract_cue_to(c, w, CUE_BODY, &f) || extract_cue_to(c, w, CUE_OFFICIAL, &f) ||
	    extract_cue_to(c, w, CUE_PRONOUN, &f) || extract_cue_to(c, w, CUE_ROLE, &f);
}

/* Whether the comma before the verb at token V closes an aside after the
 * sentence's subject: "Azerbaijan's Defence Ministry, in a statement on
 * Friday, said ...", "Russia, in a statement, told ...". The words before
 * the first comma are names only (with "the" and "'s"), the last an actor,
 * and no reporting verb stands between the two commas. */
static int
aside_before(const struct attr *A, size_t lo, size_t v)
{
	const struct extract_ctx *c = A->c;
	const struct extract_tok *t = c->t.tok;
	size_t k = v, f, first = SIZE_MAX, second, o;
	int e;

	while (k > lo && extract_cue_to(c, k - 1, CUE_SKIP, &f) && f >= lo)
		k = f;
	if (k == lo || !is_comma_like(&t[k - 1]))
		return 0;
	second = k - 1;
	for (k = lo; k < second && first == SIZE_MAX; k++)
		if (!A->in_quote[k] && is_comma_like(&t[k]))
			first = k;
	if (first == SIZE_MAX || first == lo)
		return 0;
	for (k = first + 1; k < second; k++)
		if (extract_cue_from(c, k, CUE_VERB, &o))
			return 0;
	e = mention_to(c, first - 1);
	if (e == NO_ONE || !(is_person(c, e) || extract_is_actor(c, e)))
		return 0;
	/* "Armenia, Azerbaijan and Russia signed ...": a name after the
	 * first comma followed by "and" or another comma makes that comma a
	 * list's, the whole list the subject. */
	k = first + 1;
	if (extract_cue_from(c, k, CUE_DETERMINER, &o) && o < second)
		k = o + 1;
	if (mention_from(c, k, &o) != NO_ONE && o + 1 < second &&
	    (is_comma_like(&t[o + 1]) || (extract_cue_from(c, o + 1, CUE_AND, &f) && f < second)))
		return 0;
	for (k = after_credit(A, lo, first); k < first; k++) {
		if (!t[k].word || c->ment_at[k] >= 0)
			continue;
		if (extract_cue_from(c, k, CUE_DETERMINER, &o) && o < first)
			k = o;
		else if (!(is_key(&t[k], "s") && k > lo && !t[k - 1].word))
			return 0;
	}
	return 1;
}

/* "Lavrov struck an optimistic tone, saying ...", "Iran hit back on
 * Monday, accusing ...": a reporting verb after a comma with no subject of
 * its own is a participle whose subject is the main clause's, the person,
 * state or body opening the sentence [LO, V). NO_ONE otherwise. */
static int
participle_subject(const struct attr *A, size_t lo, size_t v)
{
	const struct extract_ctx *c = A->c;
	size_t j = lo;
	int e;

	if (!after_comma(A, lo, v))
		return NO_ONE;
	while (j < v && !c->t.tok[j].word)
		j++;
	if (j >= v || A->in_quote[j])
		return NO_ONE;
	/* the subject as it would stand after a verb: "the Russian
	 * foreign minister", "Russian Foreign Minister X" */
	e = subject_from(A, j, v);
	return e != NO_ONE && (is_person(c, e) || extract_is_actor(c, e)) ? e : NO_ONE;
}

/* Whether sentence S says, before its cue at token V or with the cue
 * itself, outside quotation marks, that it refers back: "Об этом",
 * "bunu", "X made the remarks". */
static int
refers_back(const struct attr *A, size_t s, size_t v)
{
	const struct extract_ctx *c = A->c;
	size_t k, other;

	for (k = c->sent_tok[s]; k <= v && k < c->sent_tok[s + 1]; k++)
		if (!A->in_quote[k] && extract_cue_from(c, k, CUE_BACKREF, &other))
			return 1;
	return 0;
}

/* "Сейчас нам важно понять ... . Очевидно, что ..., — заявил X.": direct
 * speech written with no quotation marks, closed by a comma (or "!",
 * "?") and a dash before the reporting verb at V in sentence S, the
 * convention of Russian, Azerbaijani and Armenian text; the speech runs
 * back to its paragraph's start. Source: Д. Э. Розенталь, Справочник по
 * правописанию и стилистике, "Знаки препинания при прямой речи";
 * https://ru.wikipedia.org/wiki/Прямая_речь */
static int
dash_speech(const struct attr *A, size_t s, size_t v)
{
	const struct extract_ctx *c = A->c;
	const struct extract_tok *t = c->t.tok;

	return v >= c->sent_tok[s] + 2 && !A->in_quote[v - 1] && !A->in_quote[v - 2] &&
	    (is_key(&t[v - 1], "\xE2\x80\x94") || is_key(&t[v - 1], "\xE2\x80\x93") ||
	    is_key(&t[v - 1], "-")) &&
	    (is_key(&t[v - 2], ",") || is_key(&t[v - 2], "!") || is_key(&t[v - 2], "?") ||
	    is_key(&t[v - 2], "\xE2\x80\xA6"));
}

/* "Лавров: переговоры продолжатся.", "Lavrov: We are ready.": a person
 * named at the start of sentence S, right before a colon, with a
 * sentence after it that ends in a stop: the headline style of a
 * speaker's words (a subheading, "Lavrov: a profile", has no stop). That
 * person, with the name and the colon in *vf, *vl; else NO_ONE. */
static int
inline_label(const struct attr *A, size_t s, size_t *vf, size_t *vl)
{
	const struct extract_ctx *c = A->c;
	size_t lo = c->sent_tok[s], hi = c->sent_tok[s + 1], last, end = hi;
	int e;

	while (end > lo && c->t.tok[end - 1].start >= c->in->sentences[s].end)
		end--;
	while (lo < hi && !c->t.tok[lo].word)
		lo++;
	if (lo >= end || A->in_quote[lo] || !is_person(c, e = mention_from(c, lo, &last)) ||
	    last + 2 >= end || !is_key(&c->t.tok[last + 1], ":") || !c->t.tok[last + 2].word)
		return NO_ONE;
	if (!is_key(&c->t.tok[end - 1], ".") && !is_key(&c->t.tok[end - 1], "!") &&
	    !is_key(&c->t.tok[end - 1], "\xD6\x89") && !is_key(&c->t.tok[end - 1], "\xE2\x80\xA6"))
		return NO_ONE;
	*vf = lo;
	*vl = last + 1;
	return e;
}

/* The person whose name ends the sentence (tokens before HI) after token
 * V, outside quotation marks, or NO_ONE: the one who said what came before
 * ends the sentence that says so ("Об этом ... заявил журналистам ...
 * X", "այս մասին ... հայտնել է ... մամուլի քարտուղար X"). */
static int
person_after(const struct attr *A, size_t v, size_t hi)
{
	const struct extract_ctx *c = A->c;
	size_t k = hi;
	int e;

	while (k > v + 1 && !c->t.tok[k - 1].word)
		k--;
	if (k <= v + 1 || A->in_quote[k - 1])
		return NO_ONE;
	e = mention_to(c, k - 1);
	return is_person(c, e) ? e : NO_ONE;
}

/* Whether the reporting verb at token V reports nothing: a negation or a
 * modal stands between it and its subject ("did not say", "would say
 * nothing", "не заявил"), or a condition opens its clause ("If X says
 * no, ..."). */
static int
unasserted(const struct attr *A, size_t lo, size_t v)
{
	const struct extract_ctx *c = A->c;
	const struct extract_tok *t = c->t.tok;
	size_t k = v, f;

	while (k > lo) {
		if (extract_cue_to(c, k - 1, CUE_UNASSERTED, &f) && f >= lo)
			return 1;
		if (extract_cue_to(c, k - 1, CUE_SKIP, &f) && f >= lo)
			k = f;
		else if (t[k - 1].word && !t[k - 1].upper &&
		    extract_lex_skip_suffix(c->lx, t[k - 1].key, t[k - 1].klen))
			k--;
		else
			break;
	}
	for (k = v; k > lo && !(is_comma_like(&t[k - 1]) && !A->in_quote[k - 1]); k--)
		if (!A->in_quote[k - 1] && extract_cue_to(c, k - 1, CUE_CONDITION, &f) && f >= lo)
			return 1;
	return 0;
}

/* Whether sentence S asks rather than reports: it ends in a question mark
 * outside quotation marks ("Will X say ...?"). */
static int
asks(const struct attr *A, size_t s)
{
	const struct extract_ctx *c = A->c;
	size_t k = c->sent_tok[s + 1];

	while (k > c->sent_tok[s] && c->t.tok[k - 1].start >= c->in->sentences[s].end)
		k--;
	return k > c->sent_tok[s] && is_key(&c->t.tok[k - 1], "?") && !A->in_quote[k - 1];
}

/* "Об этом РИА Новости сообщил источник в МИД России": in a language
 * whose nouns take case endings, the organization WHO found right before
 * the verb at V (ending at VL) is the outlet told, in the dative, when a
 * person or an unnamed official follows the verb as its subject: that
 * one, else NO_ONE. */
static int
outlet_told(const struct attr *A, size_t v, size_t vl, size_t hi, int who)
{
	const struct extract_ctx *c = A->c;
	int e;

	if (!articleless(c) || who < 0 || c->kb->ents[who].kind != KB_ORGANIZATION || v == 0 ||
	    mention_to(c, v - 1) != who)
		return NO_ONE;
	if ((e = official_ahead(A, vl + 1, hi)) != NO_ONE ||
	    is_person(c, e = subject_after(A, vl, hi)))
		return e;
	return NO_ONE;
}

/* Whether the word at K ends in one of the language's case endings
 * ("Lavrovun", "Лаврову", "Լավրովի"). */
static int
inflected(const struct extract_ctx *c, size_t k)
{
	const struct extract_tok *t = &c->t.tok[k];
	size_t i, n;

	if (c->lang == NULL)
		return 0;
	for (i = 0; i < c->lang->nendings; i++) {
		n = c->lang->ending_len[i];
		if (t->klen > n && memcmp(t->key + t->klen - n, c->lang->endings[i], n) == 0)
			return 1;
	}
	return 0;
}

/* Lower-case words an object may have between an inflected name and the
 * subject's ("Lavrovun təklifini Bayramov"). */
#define OBJECT_WORDS 2

/* After an inflected name ending before token K: 1 when a person's name
 * follows within OBJECT_WORDS lower-case words, before AND (its first
 * token in *J); -1 when a capitalised word nobody is known by does (a
 * subject nobody knows: "Лаврову Петров возразил"); else 0. */
static int
subject_past_object(const struct attr *A, size_t k, size_t and, size_t *j)
{
	const struct extract_ctx *c = A->c;
	size_t other;

	for (*j = k; *j < and && *j <= k + OBJECT_WORDS; (*j)++) {
		if (A->in_quote[*j] || !c->t.tok[*j].word)
			return 0;
		if (is_person(c, mention_from(c, *j, &other)))
			return 1;
		if (c->t.tok[*j].upper)
			return mention_from(c, *j, &other) == NO_ONE ? -1 : 0;
	}
	return 0;
}

/* The token after the comma that closes a phrase opening the clause at
 * LO, before AND ("With Lavrov at his side, Bayramov ...", "Unlike
 * Lavrov, ...", "After Putin spoke, the Kremlin ..."): the clause's
 * first word is a capitalised word that names no one and is no title,
 * determiner or pronoun (a preposition, an adverb, a conjunction). LO
 * when the clause opens with no such phrase. */
static size_t
past_opening(const struct attr *A, size_t lo, size_t and)
{
	const struct extract_ctx *c = A->c;
	const struct extract_tok *t = c->t.tok;
	size_t k, other;

	if (lo >= and || !t[lo].word || !t[lo].upper || mention_from(c, lo, &other) != NO_ONE ||
	    extract_cue_from(c, lo, CUE_TITLE, &other) ||
	    extract_cue_from(c, lo, CUE_DETERMINER, &other) ||
	    extract_cue_from(c, lo, CUE_QUANTIFIER, &other) ||
	    extract_cue_from(c, lo, CUE_PRONOUN, &other))
		return lo;
	for (k = lo + 1; k + 1 < and; k++) {
		if (A->in_quote[k])
			return lo;
		if (is_key(&t[k], ","))
			return k + 1;
	}
	return lo;
}

/*
 * The subject of the predicate that opens the clause starting at token
 * LO, before token AND: the walk back from its first word that is neither
 * a name, a capitalised word, a title, a pronoun, an adverb nor a
 * possessive ending ("В Кремле отказались ...", "He declined ...",
 * "Bayramov bildirib ..."), or from the end of the first person's name.
 * NO_ONE when that first predicate has no
 * subject anyone knows ("Phumtham thanked Trump": not Trump).
 */
static int
clause_subject(const struct attr *A, size_t lo, size_t and)
{
	const struct extract_ctx *c = A->c;
	const struct extract_tok *t = c->t.tok;
	size_t k, other, f, j;
	int e, first = NO_ONE, who, past;

	k = lo = past_opening(A, lo, and);
	while (k < and) {
		if (A->in_quote[k])
			return NO_ONE;
		/* A name in an oblique case followed by another person's
		 * name is an object put first; the last name before the verb
		 * is the subject ("Lavrovun təklifini Bayramov rədd edib",
		 * "Лаврову Байрамов возразил", "Լավրովի առաջարկը Միրզոյանը
		 * մերժել է"). */
		if (articleless(c) && is_person(c, mention_from(c, k, &other)) && inflected(c, other) &&
		    (past = subject_past_object(A, other + 1, and, &j)) != 0) {
			if (past < 0)
				return NO_ONE;
			k = j;
			continue;
		}
		/* A person's name ends the subject, unless it is a
		 * possessor ("Lavrov's aide") or a title's scope before the
		 * holder's name ("Помощник Путина Ушаков"); a name after it is
		 * the object of a verb that comes last ("Bayramov Lavrovun
		 * təklifini müzakirə etməyib"). */
		if (is_person(c, e = mention_from(c, k, &other)) && other + 1 < and &&
		    !is_key(&t[other + 1], "'") && !(k > lo && extract_cue_to(c, k - 1, CUE_TITLE, &f) &&
		    is_person(c, mention_from(c, other + 1, &f)))) {
			/* "Trump and Putin met ... and said": the pair, read
			 * from the end of the second name */
			if (extract_cue_from(c, other + 1, CUE_AND, &f) && f + 1 < and &&
			    is_person(c, mention_from(c, f + 1, &j)) && j + 1 < and)
				other = j;
			return subject_before(A, other + 1, lo);
		}
		if (first == NO_ONE && e != NO_ONE && extract_is_actor(c, e))
			first = e;
		/* A lower-case word is passed over whole when it is a name or
		 * a cue, alone when the lexicon skips it; any other ends the
		 * walk. Marks, capitals and a possessive's "s" are passed. */
		if (t[k].word && !t[k].upper &&
		    !(k > lo && is_key(&t[k - 1], "'") && is_key(&t[k], "s"))) {
			if (e != NO_ONE ||
			    extract_cue_from(c, k, CUE_TITLE, &other) ||
			    extract_cue_from(c, k, CUE_DETERMINER, &other) ||
			    extract_cue_from(c, k, CUE_QUANTIFIER, &other) ||
			    extract_cue_from(c, k, CUE_PRONOUN, &other) ||
			    extract_cue_from(c, k, CUE_MEDIUM, &other) ||
			    extract_cue_from(c, k, CUE_SKIP, &other)) {
				k = other + 1;
				continue;
			}
			if (!extract_lex_skip_suffix(c->lx, t[k].key, t[k].klen))
				break;
		}
		k++;
	}
	if (k >= and)
		return NO_ONE;
	/* A state or body other than the clause's first actor is the
	 * object of a verb that comes last ("Azərbaycan XİN Ermənistanın
	 * bəyanatını şərh etməyib"), no subject. */
	who = subject_before(A, k, lo);
	return who == NO_ONE || is_person(c, who) || first == NO_ONE || who == first ? who : NO_ONE;
}

/*
 * Two predicates joined by "and" share their subject: "X declined to
 * comment ... and added", "В Кремле отказались комментировать заявление
 * Y и добавили", "X bildirib və əlavə edib". A reporting verb right after
 * the conjunction (past adverbs) is the first predicate's subject's, not
 * the word's before the conjunction, and a noun of saying the first
 * predicate governs ("комментировать заявление Y") reports nothing of Y's.
 * Coordination of verb phrases:
 * https://en.wikipedia.org/wiki/Coordination_(linguistics) . The speaker,
 * with the verb in *VF, *VL; else NO_ONE.
 */
static int
shared_subject(const struct attr *A, size_t lo, size_t hi, size_t *vf, size_t *vl)
{
	const struct extract_ctx *c = A->c;
	size_t k, g, f, other;
	int who;

	for (k = lo + 1; k < hi; k++) {
		if (A->in_quote[k] || !extract_cue_from(c, k, CUE_VERB, &other) || unasserted(A, lo, k))
			continue;
		g = subject_end(A, k, lo);
		if (g <= lo + 1 || A->in_quote[g - 1] || !extract_cue_to(c, g - 1, CUE_AND, &f) ||
		    f != g - 1)
			continue;
		if ((who = clause_subject(A, lo, f)) == NO_ONE)
			return NO_ONE;
		*vf = k;
		*vl = other;
		return who;
	}
	return NO_ONE;
}

/* A statement in sentence S by a verb, "according to", "in X's view" or
 * "a call from X"; sets the cue's tokens. */
static int
by_verb(const struct attr *A, size_t s, size_t *vf, size_t *vl)
{
	const struct extract_ctx *c = A->c;
	size_t lo = c->sent_tok[s], hi = c->sent_tok[s + 1], k, other, f;
	int who, told, unknown = 0;

	if (asks(A, s))
		return NO_ONE;
	if ((who = inline_label(A, s, vf, vl)) != NO_ONE)
		return who;
	if ((who = shared_subject(A, lo, hi, vf, vl)) != NO_ONE)
		return who;
	for (k = lo; k < hi; k++) {
		if (A->in_quote[k])
			continue;
		*vf = k;
		if (extract_cue_from(c, k, CUE_VERB, &other) && !unasserted(A, lo, k) &&
		    unknown_subject(A, k, lo)) {
			if ((who = given_name(A, k, lo)) != NO_ONE) {
				*vl = other;
				return who;
			}
			/* the sentence's subject is a name nobody knows:
			 * "he", "adding", a name after the verb are theirs;
			 * only a report of someone named in it is another's
			 * ("Hun said Trump told him") */
			unknown = 1;
			k = other;
			continue;
		}
		if (unknown && extract_cue_from(c, k, CUE_VERB, &other) && (after_comma(A, lo, k) ||
		    ((f = subject_end(A, k, lo)) > lo && extract_cue_to(c, f - 1, CUE_PRONOUN, &f)))) {
			k = other;
			continue;
		}
		if (extract_cue_from(c, k, CUE_VERB, &other) && !unasserted(A, lo, k)) {
			*vl = other;
			/* "..., добавила Захарова", "..., said the State
			 * Department": a verb right after a comma whose
			 * subject follows it; walking back over the clause
			 * before the comma would reach a state or a body the
			 * clause talks about. A person before the verb still
			 * speaks ("Lavrov, in Baku, told Blinken"), as does an
			 * actor before an aside ("Russia, in a statement, told
			 * Armenia to withdraw"); the one after the verb must
			 * close the clause. */
			if (after_comma(A, lo, k) && !aside_before(A, lo, k) &&
			    (who = subject_after(A, other, hi)) != NO_ONE && subject_closes(A, other, hi, who) &&
			    !is_person(c, subject_before(A, k, lo)))
				return who;
			if ((who = subject_before(A, k, lo)) != NO_ONE &&
			    (told = outlet_told(A, k, other, hi, who)) != NO_ONE)
				return told;
			if (who != NO_ONE || (who = verb_final_subject(A, lo, k)) != NO_ONE)
				return who;
			if ((verb_first(A, lo, k) || after_comma(A, lo, k)) &&
			    (who = subject_after(A, other, hi)) != NO_ONE)
				return who;
			/* "Об этом ... заявил журналистам ... X", "այս մասին
			 * ... հայտնել է ... X": a sentence that says who said
			 * the one before names them after the verb. */
			if (refers_back(A, s, k) && (who = person_after(A, other, hi)) != NO_ONE)
				return who;
			if ((who = participle_subject(A, lo, k)) != NO_ONE)
				return who;
		}
		/* ", сообщает ТАСС": the outlet passes on the words of the
		 * one who spoke last; it is no speaker itself. */
		if (extract_cue_from(c, k, CUE_RELAY, &other) && A->last_speaker != NO_ONE &&
		    (verb_first(A, lo, k) || after_comma(A, lo, k))) {
			*vl = other;
			return A->last_speaker;
		}
		/* "... söyleyen El-Ensari": the participle's noun speaks. */
		if (extract_cue_from(c, k, CUE_PARTICIPLE, &other)) {
			*vl = other;
			if ((who = subject_after(A, other, hi)) != NO_ONE)
				return who;
		}
		if (extract_cue_from(c, k, CUE_ACCORDING, &other)) {
			*vl = other;
			if ((who = subject_after_cue(A, other + 1, hi)) != NO_ONE)
				return who;
		}
		if (extract_cue_from(c, k, CUE_NOMINAL, &other)) {
			*vl = other;
			if ((who = subject_after_cue(A, other + 1, hi)) != NO_ONE)
				return who;
		}
		if (extract_cue_from(c, k, CUE_VIEW, &other) && k > lo) {
			*vl = other;
			who = possessor(c, k - 1);
			if (who != NO_ONE && extract_is_actor(c, who))
				return who;
			if (extract_cue_to(c, k - 1, CUE_POSSESSIVE, &f) && A->last_person != NO_ONE)
				return A->last_person;
			/* "Nazirin sözlərinə görə", "Պետքարտուղարի խոսքով" */
			if ((who = phrase_to(A, k - 1, lo)) != NO_ONE)
				return who;
		}
	}
	return NO_ONE;
}

/* Whether a quotation left open runs to the end of sentence S: news
 * style leaves a quotation that goes on in the next paragraph unclosed. */
static int
open_at_end(const struct attr *A, size_t s)
{
	const struct extract_ctx *c = A->c;
	size_t i;

	for (i = 0; i < A->nq; i++) {
		const struct extract_tok *k = &c->t.tok[A->q[i].close];

		if (A->q[i].close >= c->sent_tok[s] && A->q[i].close < c->sent_tok[s + 1] &&
		    !closes(k) && !is_key(k, "\""))
			return 1;
	}
	return 0;
}

/* Whether quotation Q ends a sentence with its own stop, inside its
 * marks or just after them ("“... a date.”", "“...”."): prose someone
 * said, not a quoted subheading, which news writes with no stop. */
static int
quote_is_prose(const struct attr *A, const struct quote *q)
{
	const struct extract_ctx *c = A->c;
	const struct extract_tok *t = c->t.tok;
	size_t k = q->close;

	if (k == 0 || (!closes(&t[k]) && !is_key(&t[k], "\"")))
		return 0;
	if (is_key(&t[k - 1], ".") || is_key(&t[k - 1], "!") || is_key(&t[k - 1], "?") ||
	    is_key(&t[k - 1], "\xE2\x80\xA6"))
		return 1;
	/* "“...”.", "“...” - dedi", "“...”, he went on": more after the
	 * marks in the same paragraph; a subheading stands alone */
	return k + 1 < c->t.ntok &&
	    t[k + 1].start < c->in->paragraphs[c->para_of_sent[extract_sentence_of(c, k)]].end;
}

/* Whether sentence S ends in a colon: "He told reporters:" and the
 * quotation in the paragraph after it. */
static int
ends_in_colon(const struct attr *A, size_t s)
{
	const struct extract_ctx *c = A->c;
	size_t k = c->sent_tok[s + 1];

	while (k > c->sent_tok[s] && c->t.tok[k - 1].start >= c->in->sentences[s].end)
		k--;
	return k > c->sent_tok[s] && is_key(&c->t.tok[k - 1], ":");
}

/* A line that names a speaker and ends in a colon, the paragraph after
 * it being what they said ("Rusya Dışişleri Bakanı Lavrov:", "Sergey
 * Lavrov:"): the speaker, with the label's tokens in *vf, *vl; else
 * NO_ONE. */
static int
label_of(const struct attr *A, size_t s, size_t *vf, size_t *vl)
{
	const struct extract_ctx *c = A->c;
	size_t lo = c->sent_tok[s], hi = c->sent_tok[s + 1], k, other;
	int who;

	/* the sentence's own tokens, without the line break after it */
	while (hi > lo && c->t.tok[hi - 1].start >= c->in->sentences[s].end)
		hi--;
	if (s + 1 >= c->in->nsentences || hi <= lo + 1 || hi - lo > LABEL_MAX ||
	    (s > 0 && c->para_of_sent[s - 1] == c->para_of_sent[s]) ||
	    c->para_of_sent[s + 1] == c->para_of_sent[s] || !is_key(&c->t.tok[hi - 1], ":"))
		return NO_ONE;
	/* "Lavrov told reporters in Moscow:" is a sentence with its verb,
	 * not a label: the verb names the speaker, a place before the
	 * colon does not */
	for (k = lo; k < hi; k++)
		if (extract_cue_from(c, k, CUE_VERB, &other))
			return NO_ONE;
	who = subject_before(A, hi - 1, lo);
	if (who == NO_ONE || !(is_person(c, who) || extract_is_actor(c, who)))
		return NO_ONE;
	*vf = lo;
	*vl = hi - 1;
	return who;
}

/* The person the next "he" or "she" means, after sentence S. */
static void
track_person(struct attr *A, size_t s, const struct extract_statement *st)
{
	const struct extract_ctx *c = A->c;
	size_t k, other;
	int e;

	if (st != NULL && is_person(c, st->speaker)) {
		A->last_person = st->speaker;
		return;
	}
	for (k = c->sent_tok[s]; k < c->sent_tok[s + 1]; k++) {
		/* "Moon has stressed ... He insists": a subject nobody
		 * knows is whom "he" stands for next */
		if (!A->in_quote[k] && extract_cue_from(c, k, CUE_VERB, &other)) {
			if (unknown_subject(A, k, c->sent_tok[s]) &&
			    given_name(A, k, c->sent_tok[s]) == NO_ONE) {
				A->last_person = NO_ONE;
				return;
			}
			break;
		}
	}
	for (k = c->sent_tok[s]; k < c->sent_tok[s + 1]; k++) {
		e = mention_to(c, k);
		if (is_person(c, e)) {
			A->last_person = e;
			return;
		}
	}
}

/* Whether sentence S is in a paragraph after the first that repeats the
 * article's title (a page that prints its headline again further down):
 * a headline is no one's statement, and the article says again whatever
 * it reports. The first paragraph is never skipped: a plain-text file, a
 * page without a title or a feed item whose description is its title
 * has its title made from it, and it is the article's lead. */
static int
repeats_title(const struct extract_ctx *c, size_t s)
{
	const char *b = c->in->body, *t = c->in->title;
	size_t a, e, tl;

	if (t == NULL || c->para_of_sent[s] == c->para_of_sent[0])
		return 0;
	a = c->in->paragraphs[c->para_of_sent[s]].start;
	e = c->in->paragraphs[c->para_of_sent[s]].end;
	while (a < e && b[a] == ' ')
		a++;
	while (e > a && (b[e - 1] == ' ' || b[e - 1] == '.'))
		e--;
	while (*t == ' ')
		t++;
	tl = strlen(t);
	while (tl > 0 && (t[tl - 1] == ' ' || t[tl - 1] == '.'))
		tl--;
	return tl > 0 && e - a == tl && memcmp(b + a, t, tl) == 0;
}

void
extract_statements(struct extract_ctx *c)
{
	struct attr A;
	struct extract_statement *st, *prev = NULL;
	size_t s, p, end, vf = 0, vl = 0, n = c->in->nsentences, lo, hi;
	long qi;
	int who, second = NO_ONE;

	memset(&A, 0, sizeof A);
	A.c = c;
	A.last_person = NO_ONE;
	A.last_speaker = NO_ONE;
	A.last_end = SIZE_MAX;
	A.last_state = NO_ONE;
	A.group_second = &second;
	A.pending = -1;
	A.in_quote = xcalloc(c->t.ntok + 1, 1);
	A.body_before = bodies_before(c);
	index_inner_caps(&A);
	for (p = 0; p < c->in->nparagraphs; p++) {
		lo = extract_tok_at(&c->t, c->in->paragraphs[p].start);
		hi = extract_tok_at(&c->t, c->in->paragraphs[p].end);
		find_quotes(&A, lo, hi);
	}
	for (s = 0; s < n; s = end + 1) {
		end = s;
		st = NULL;
		second = NO_ONE;
		if (repeats_title(c, s)) {
			track_person(&A, s, NULL);
			prev = NULL;
			continue;
		}
		qi = quote_opening_in(&A, s);
		if (qi < 0 && (who = label_of(&A, s, &vf, &vl)) != NO_ONE) {
			/* "Lavrov:" and his words in the paragraph after */
			for (end = s + 1; end + 1 < n && c->para_of_sent[end + 1] == c->para_of_sent[s + 1];
			    end++)
				;
			st = add_statement(&A, s + 1, end, who);
		} else if (qi >= 0 && attribution(&A, &A.q[qi], &who, &vf, &vl)) {
			end = extract_sentence_of(c, A.q[qi].close);
			st = add_statement(&A, s, end, who);
		} else if ((who = by_verb(&A, s, &vf, &vl)) != NO_ONE) {
			if (qi >= 0)
				end = extract_sentence_of(c, A.q[qi].close);
			/* "Об этом заявил X", "..., bunu X bildirib": what X said
			 * is what came before, back to its paragraph's start. */
			if (s > 0 && prev != NULL && prev->end == c->in->sentences[s - 1].end &&
			    !is_person(c, prev->speaker) && is_person(c, who) && refers_back(&A, s, vf)) {
				/* "..., ԱՄՆ-ն ասել է: Այս մասին հայտարարել է X":
				 * what the state said is what X said. */
				prev->speaker = who;
				A.last_speaker = who;
				track_person(&A, s, prev);
				continue;
			}
			if (s > 0 && (prev == NULL || prev->end <= c->in->sentences[s - 1].start) &&
			    refers_back(&A, s, vf)) {
				for (p = s - 1; p > 0 && c->para_of_sent[p - 1] == c->para_of_sent[s - 1] &&
				    (prev == NULL || prev->end <= c->in->sentences[p - 1].start); p--)
					;
				st = add_statement(&A, p, s - 1, who);
			} else if (s > 0 && c->para_of_sent[s - 1] == c->para_of_sent[s] &&
			    (prev == NULL || prev->end <= c->in->sentences[s - 1].start) &&
			    dash_speech(&A, s, vf)) {
				for (p = s - 1; p > 0 && c->para_of_sent[p - 1] == c->para_of_sent[s] &&
				    (prev == NULL || prev->end <= c->in->sentences[p - 1].start); p--)
					;
				st = add_statement(&A, p, end, who);
			} else
				st = add_statement(&A, s, end, who);
		} else if (qi >= 0 && prev != NULL && A.q[qi].open <= c->sent_tok[s] + 1 &&
		    prev->end >= c->in->sentences[s - 1].end && !ends_in_colon(&A, s - 1) &&
		    (c->para_of_sent[s] == c->para_of_sent[s - 1] || open_at_end(&A, s - 1)) &&
		    !unknown_attribution(&A, &A.q[qi])) {
			/* The same speaker goes on quoting. */
			end = extract_sentence_of(c, A.q[qi].close);
			prev->end = c->in->sentences[end].end;
			continue;
		} else if (qi >= 0 && prev != NULL && A.q[qi].open <= c->sent_tok[s] + 1 &&
		    prev->end >= c->in->sentences[s - 1].end && (ends_in_colon(&A, s - 1) ||
		    (is_person(c, prev->speaker) && !open_at_end(&A, s - 1) &&
		    quote_is_prose(&A, &A.q[qi])))) {
			/* "X told reporters:" and the quotation after it: the
			 * sentence that introduces it and the quotation are
			 * each a statement of X. Or a paragraph that opens with
			 * a quotation nobody is named for, after one whose last
			 * sentence a person said: news quotes the same speaker
			 * on ("X said ... / “...”"), a new quotation, so a
			 * statement of its own. */
			end = extract_sentence_of(c, A.q[qi].close);
			st = add_statement(&A, s, end, prev->speaker);
			vf = A.q[qi].open;
			vl = A.q[qi].close;
		}
		if (st != NULL) {
			set_span(c, vf, vl, &st->verb_start, &st->verb_end);
			if (qi >= 0)
				set_span(c, A.q[qi].open, A.q[qi].close, &st->quote_start, &st->quote_end);
			/* "The two ministers agreed": each of them speaks. */
			if (second != NO_ONE && second != who) {
				struct extract_statement copy = *st;

				*add_statement(&A, 0, 0, second) = copy;
				st = &c->st[c->nst - 1];
				st->speaker = second;
				st = &c->st[c->nst - 2];
			}
		}
		if (st != NULL) {
			A.last_speaker = st->speaker;
			A.last_end = end;
			if (st->speaker >= 0 && c->kb->ents[st->speaker].kind == KB_STATE)
				A.last_state = st->speaker;
		}
		for (; s <= end; s++)
			track_person(&A, s, st);
		prev = st;
	}
	free(A.in_quote);
	free(A.body_before);
	free(A.inner_caps);
	free(A.q);
}
