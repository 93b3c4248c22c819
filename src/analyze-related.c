/*
 * analyze-related.c: the related-statement index of an import run.
 *
 * Every statement's features (key terms with counts, speaker, the state
 * it speaks for, agreements and places) are held in memory, with posting
 * lists per term, per speaker and per agreement, read from the database
 * once and then kept up to date as articles come in. A new statement is
 * compared only with candidates that share one of its rarest terms, its
 * speaker or an agreement (the most recent ones of each list), so the
 * cost of an article does not grow with the corpus. Its best LINKS
 * candidates are linked to it, and it to them, so an older statement
 * learns of newer ones.
 *
 * Links back touch rows all over the links table, so new statements are
 * linked in batches (every FLUSH_AT of them, and at the end of a run) and
 * the batch is written in key order: per article, the pages written
 * would cost more than the article itself. The
 * state key "related.linked" holds the last statement id linked, so a
 * later run links what this one did not get to.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "extract.h"
#include "util.h"

#define LINKS 6             /* links made from each statement */
#define MIN_SCORE 0.05      /* below this, statements are not related */
#define RARE_TERMS 3        /* its rarest terms find the most candidates: */
#define PER_RARE_TERM 16    /* the newest statements sharing each */
#define PER_TERM 3          /* and so many for each of its other terms */
#define MAX_TERMS 12
#define PER_SPEAKER 8
#define PER_ENTITY 8
#define FLUSH_AT 4096       /* statements linked together in one go */

struct vec {
	uint32_t *v;
	size_t n, cap;
};

struct stmt {
	int64_t id, article, speaker, voice;
	uint32_t *terms;      /* term ids, ascending */
	uint16_t *counts;
	double *w;            /* their tf-idf weights, unit length */
	uint32_t nterms;
	int64_t *ents;        /* entity ids, ascending */
	uint32_t *eterms;     /* the same as term ids ("@id"), ascending */
	double *ew;           /* their idf */
	uint32_t nents;
	size_t weighed_at;    /* the index's size when w and ew were computed */
	int dead;
};

/* int64 -> posting list, open addressing. */
struct map {
	int64_t *key;
	struct vec *val;
	size_t cap, n;
};

struct row {
	int64_t from, to;
	double score;
};

struct analyze_related {
	int loaded;
	struct vec pending;   /* statements still to be linked */
	struct row *rows;     /* links of the batch, both ways */
	size_t nrows, rowcap;
	/* terms: open addressing on the string */
	char **tkey;
	uint32_t *tid;
	size_t tcap, nterms;
	uint32_t *df;
	struct vec *post;
	size_t termcap;
	struct stmt *s;
	size_t n, cap;
	struct map speakers, ents;
	uint32_t *stamp;
	uint32_t epoch;
};

static void
vec_push(struct vec *v, uint32_t x)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 4;
		v->v = xreallocarray(v->v, v->cap, sizeof *v->v);
	}
	v->v[v->n++] = x;
}

static uint64_t
mix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdull;
	x ^= x >> 33;
	return x;
}

static struct vec *map_get(struct map *m, int64_t key, int make);

static void
map_grow(struct map *m)
{
	struct map big = { NULL, NULL, m->cap ? m->cap * 2 : 256, 0 };
	size_t i;

	big.key = xcalloc(big.cap, sizeof *big.key);
	big.val = xcalloc(big.cap, sizeof *big.val);
	for (i = 0; i < m->cap; i++)
		if (m->key[i] != 0)
			*map_get(&big, m->key[i], 1) = m->val[i];
	free(m->key);
	free(m->val);
	*m = big;
}

/* The list for KEY (never 0); made when MAKE, else NULL when missing. */
static struct vec *
map_get(struct map *m, int64_t key, int make)
{
	size_t i;

	if (make && (m->n + 1) * 2 > m->cap)
		map_grow(m);
	if (m->cap == 0)
		return NULL;
	for (i = mix((uint64_t)key) & (m->cap - 1); m->key[i] != 0; i = (i + 1) & (m->cap - 1))
		if (m->key[i] == key)
			return &m->val[i];
	if (!make)
		return NULL;
	m->key[i] = key;
	m->n++;
	return &m->val[i];
}

static void
map_free(struct map *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->val[i].v);
	free(m->key);
	free(m->val);
	memset(m, 0, sizeof *m);
}

static uint32_t
hash_str(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static uint32_t term_id(struct analyze_related *r, const char *s, size_t n);

static void
term_grow(struct analyze_related *r)
{
	char **okey = r->tkey;
	uint32_t *oid = r->tid;
	size_t ocap = r->tcap, i, j;

	r->tcap = ocap ? ocap * 2 : 1024;
	r->tkey = xcalloc(r->tcap, sizeof *r->tkey);
	r->tid = xcalloc(r->tcap, sizeof *r->tid);
	for (i = 0; i < ocap; i++) {
		if (okey[i] == NULL)
			continue;
		for (j = hash_str(okey[i], strlen(okey[i])) & (r->tcap - 1); r->tkey[j] != NULL;
		    j = (j + 1) & (r->tcap - 1))
			;
		r->tkey[j] = okey[i];
		r->tid[j] = oid[i];
	}
	free(okey);
	free(oid);
}

static uint32_t
term_id(struct analyze_related *r, const char *s, size_t n)
{
	size_t i;

	if ((r->nterms + 1) * 2 > r->tcap)
		term_grow(r);
	for (i = hash_str(s, n) & (r->tcap - 1); r->tkey[i] != NULL; i = (i + 1) & (r->tcap - 1))
		if (strlen(r->tkey[i]) == n && memcmp(r->tkey[i], s, n) == 0)
			return r->tid[i];
	r->tkey[i] = xstrndup(s, n);
	r->tid[i] = (uint32_t)r->nterms;
	if (r->nterms == r->termcap) {
		r->termcap = r->termcap ? r->termcap * 2 : 1024;
		r->df = xreallocarray(r->df, r->termcap, sizeof *r->df);
		r->post = xreallocarray(r->post, r->termcap, sizeof *r->post);
	}
	r->df[r->nterms] = 0;
	memset(&r->post[r->nterms], 0, sizeof r->post[0]);
	return (uint32_t)r->nterms++;
}

struct analyze_related *
analyze_related_new(void)
{
	return xcalloc(1, sizeof(struct analyze_related));
}

static void
clear(struct analyze_related *r)
{
	size_t i;

	for (i = 0; i < r->tcap; i++)
		free(r->tkey[i]);
	free(r->tkey);
	free(r->tid);
	for (i = 0; i < r->nterms; i++)
		free(r->post[i].v);
	free(r->post);
	free(r->df);
	for (i = 0; i < r->n; i++) {
		free(r->s[i].terms);
		free(r->s[i].counts);
		free(r->s[i].ents);
		free(r->s[i].eterms);
		free(r->s[i].w);
		free(r->s[i].ew);
	}
	free(r->s);
	map_free(&r->speakers);
	map_free(&r->ents);
	free(r->stamp);
	free(r->pending.v);
	free(r->rows);
	memset(r, 0, sizeof *r);
}

void
analyze_related_free(struct analyze_related *r)
{
	if (r == NULL)
		return;
	clear(r);
	free(r);
}

void
analyze_related_reset(struct analyze_related *r)
{
	clear(r);
}

void
analyze_related_forget(struct analyze_related *r, int64_t article)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (r->s[i].article == article)
			r->s[i].dead = 1;
}

static int
by_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

static int
by_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

struct tc {
	uint32_t id;
	uint16_t count;
};

static void
push_tc(struct tc **v, size_t *n, size_t *cap, uint32_t id, unsigned count)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[*n].id = id;
	(*v)[(*n)++].count = (uint16_t)(count ? count : 1);
}

/* Parses "term[:count] ..." into S's sorted term ids. */
static void
parse_terms(struct analyze_related *r, struct stmt *s, const char *t)
{
	struct tc *tmp = NULL;
	const char *p = t != NULL ? t : "", *e, *colon;    /* NULL: no terms */
	size_t n = 0, cap = 0, i;

	while (*p != '\0') {
		while (*p == ' ')
			p++;
		e = p + strcspn(p, " ");
		if (e == p)
			break;
		colon = memchr(p, ':', (size_t)(e - p));
		push_tc(&tmp, &n, &cap, term_id(r, p, (size_t)((colon ? colon : e) - p)),
		    colon ? (unsigned)strtoul(colon + 1, NULL, 10) : 1);
		p = e;
	}
	/* Sorted by id: tmp's first member is the id. */
	if (n > 1)
		qsort(tmp, n, sizeof *tmp, by_u32);
	s->terms = xreallocarray(NULL, n + 1, sizeof *s->terms);
	s->counts = xreallocarray(NULL, n + 1, sizeof *s->counts);
	s->nterms = 0;
	for (i = 0; i < n; i++) {
		if (s->nterms > 0 && s->terms[s->nterms - 1] == tmp[i].id)
			continue;
		s->terms[s->nterms] = tmp[i].id;
		s->counts[s->nterms++] = tmp[i].count;
	}
	free(tmp);
}

/* Parses "id id ..." into S's entities, numbered like terms ("@id") so
 * that their document frequencies are counted the same way. */
static void
parse_ents(struct analyze_related *r, struct stmt *s, const char *t)
{
	char *end, key[32];
	long long v;
	size_t cap = 0, i, k = 0;

	s->ents = NULL;
	s->eterms = NULL;
	s->nents = 0;
	while (t != NULL && *t != '\0') {
		v = strtoll(t, &end, 10);
		if (end == t)
			break;
		t = end;
		if (v <= 0)
			continue;
		if (s->nents == cap) {
			cap = cap ? cap * 2 : 4;
			s->ents = xreallocarray(s->ents, cap, sizeof *s->ents);
		}
		s->ents[s->nents++] = v;
	}
	if (s->nents > 1)
		qsort(s->ents, s->nents, sizeof *s->ents, by_i64);
	s->eterms = xreallocarray(NULL, s->nents + 1, sizeof *s->eterms);
	for (i = 0; i < s->nents; i++) {
		if (i > 0 && s->ents[i] == s->ents[i - 1])
			continue;
		snprintf(key, sizeof key, "@%lld", (long long)s->ents[i]);
		s->ents[k] = s->ents[i];
		s->eterms[k++] = term_id(r, key, strlen(key));
	}
	s->nents = (uint32_t)k;
	if (k > 1)
		qsort(s->eterms, k, sizeof *s->eterms, by_u32);
}

/* Adds a statement to the index; returns its index. */
static size_t
add(struct analyze_related *r, int64_t id, int64_t article, int64_t speaker, int64_t voice,
    const char *terms, const char *ents)
{
	struct stmt *s;
	size_t idx = r->n, i;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 1024;
		r->s = xreallocarray(r->s, r->cap, sizeof *r->s);
		r->stamp = xreallocarray(r->stamp, r->cap, sizeof *r->stamp);
	}
	s = &r->s[r->n++];
	memset(s, 0, sizeof *s);
	r->stamp[idx] = 0;
	s->id = id;
	s->article = article;
	s->speaker = speaker;
	s->voice = voice;
	parse_ents(r, s, ents);
	parse_terms(r, s, terms);
	for (i = 0; i < s->nterms; i++) {
		r->df[s->terms[i]]++;
		vec_push(&r->post[s->terms[i]], (uint32_t)idx);
	}
	for (i = 0; i < s->nents; i++)
		r->df[s->eterms[i]]++;
	if (speaker != 0)
		vec_push(map_get(&r->speakers, speaker, 1), (uint32_t)idx);
	for (i = 0; i < s->nents; i++)
		vec_push(map_get(&r->ents, s->ents[i], 1), (uint32_t)idx);
	return idx;
}

#define LINKED_KEY "related.linked"

struct loader {
	struct analyze_related *r;
	int64_t linked;       /* statements up to this id are linked */
	int64_t (*voice)(void *arg, int64_t speaker);
	void *arg;
};

static int
load_row(void *arg, const struct store_profile_row *row)
{
	struct loader *l = arg;
	size_t idx;

	idx = add(l->r, row->id, row->article_id, row->speaker_id,
	    row->speaker_id ? l->voice(l->arg, row->speaker_id) : 0, row->terms, row->entities);
	if (row->id > l->linked)
		vec_push(&l->r->pending, (uint32_t)idx);
	return 0;
}

static int
load(struct analyze_related *r, struct store *st, int64_t (*voice)(void *, int64_t), void *arg)
{
	struct loader l = { r, 0, voice, arg };
	char *v = NULL;

	if (r->loaded)
		return 0;
	r->loaded = 1;
	if (store_state_get(st, LINKED_KEY, &v) != 0)
		return -1;
	l.linked = v != NULL ? strtoll(v, NULL, 10) : 0;
	free(v);
	return store_statement_profiles(st, load_row, &l);
}

/* ---- scoring -------------------------------------------------------------- */

static double
idf(const struct analyze_related *r, uint32_t t)
{
	return log(1.0 + (double)r->n / (double)(r->df[t] ? r->df[t] : 1));
}

/*
 * S's tf-idf weights (unit length) and its names' idf. They are computed
 * once and again only when the index has doubled since: document
 * frequencies move slowly, and scoring a candidate must not cost a log
 * per term.
 */
static void
weigh(const struct analyze_related *r, struct stmt *s)
{
	double norm = 0;
	size_t i;

	if (s->w != NULL && r->n <= 2 * s->weighed_at)
		return;
	if (s->w == NULL) {
		s->w = xreallocarray(NULL, s->nterms + 1, sizeof *s->w);
		s->ew = xreallocarray(NULL, s->nents + 1, sizeof *s->ew);
	}
	for (i = 0; i < s->nterms; i++) {
		s->w[i] = (double)s->counts[i] * idf(r, s->terms[i]);
		norm += s->w[i] * s->w[i];
	}
	norm = norm > 0 ? sqrt(norm) : 1;
	for (i = 0; i < s->nterms; i++)
		s->w[i] /= norm;
	for (i = 0; i < s->nents; i++)
		s->ew[i] = idf(r, s->eterms[i]);
	s->weighed_at = r->n;
}

static void
profile_of(const struct analyze_related *r, struct stmt *s, struct extract_profile *p)
{
	weigh(r, s);
	p->id = s->id;
	p->article = s->article;
	p->speaker = s->speaker;
	p->speaker_for = s->voice;
	p->terms = s->terms;
	p->weights = s->w;
	p->nterms = s->nterms;
	p->ents = s->eterms;
	p->ent_idf = s->ew;
	p->nents = s->nents;
	p->max_idf = log(1.0 + (double)r->n);
}

struct scored {
	uint32_t idx;
	double score;
};

static int
by_score(const void *a, const void *b)
{
	const struct scored *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

struct cands {
	struct scored *v;
	size_t n, cap;
};

/* Adds the newest LIMIT statements of list V not yet seen this round. */
static void
gather(struct analyze_related *r, const struct vec *v, size_t limit, int64_t article,
    struct cands *c)
{
	size_t i, taken = 0;
	uint32_t x;

	if (v == NULL)
		return;
	for (i = v->n; i-- > 0 && taken < limit;) {
		x = v->v[i];
		if (r->stamp[x] == r->epoch || r->s[x].dead || r->s[x].article == article)
			continue;
		r->stamp[x] = r->epoch;
		taken++;
		if (c->n == c->cap) {
			c->cap = c->cap ? c->cap * 2 : 64;
			c->v = xreallocarray(c->v, c->cap, sizeof *c->v);
		}
		c->v[c->n++].idx = x;
	}
}

/* The candidates of statement I: the newest statements sharing one of
 * its terms (more of them for its rarest terms), its speaker, or an
 * agreement or place it names. */
static void
candidates(struct analyze_related *r, size_t i, struct cands *c)
{
	const struct stmt *s = &r->s[i];
	uint32_t rare[RARE_TERMS];
	size_t nrare = 0, k, j;

	c->n = 0;
	if (++r->epoch == 0) {
		memset(r->stamp, 0, r->cap * sizeof *r->stamp);
		r->epoch = 1;
	}
	for (k = 0; k < s->nterms; k++) {
		uint32_t t = s->terms[k];

		if (r->df[t] < 2)
			continue;
		for (j = nrare; j > 0 && r->df[rare[j - 1]] > r->df[t]; j--)
			if (j < RARE_TERMS)
				rare[j] = rare[j - 1];
		if (j < RARE_TERMS) {
			rare[j] = t;
			if (nrare < RARE_TERMS)
				nrare++;
		}
	}
	for (k = 0; k < nrare; k++)
		gather(r, &r->post[rare[k]], PER_RARE_TERM, s->article, c);
	for (k = 0; k < s->nterms && k < MAX_TERMS; k++)
		if (r->df[s->terms[k]] >= 2)
			gather(r, &r->post[s->terms[k]], PER_TERM, s->article, c);
	if (s->speaker != 0)
		gather(r, map_get(&r->speakers, s->speaker, 0), PER_SPEAKER, s->article, c);
	for (k = 0; k < s->nents; k++)
		gather(r, map_get(&r->ents, s->ents[k], 0), PER_ENTITY, s->article, c);
}

static void
push_row(struct analyze_related *r, int64_t from, int64_t to, double score)
{
	if (r->nrows == r->rowcap) {
		r->rowcap = r->rowcap ? r->rowcap * 2 : 4096;
		r->rows = xreallocarray(r->rows, r->rowcap, sizeof *r->rows);
	}
	r->rows[r->nrows].from = from;
	r->rows[r->nrows].to = to;
	r->rows[r->nrows++].score = score;
}

/* Links statement I to its best candidates (both ways, to be written with
 * the batch). */
static void
link(struct analyze_related *r, size_t i, struct cands *c)
{
	struct stmt *s = &r->s[i];
	struct extract_profile pa, pb;
	struct scored best[LINKS], x;
	size_t k, j, n = 0;

	profile_of(r, s, &pa);
	/* The best LINKS, kept in order as they come: no sort of them all. */
	for (k = 0; k < c->n; k++) {
		profile_of(r, &r->s[c->v[k].idx], &pb);
		x.idx = c->v[k].idx;
		x.score = extract_related_score(&pa, &pb);
		if (x.score < MIN_SCORE || (n == LINKS && by_score(&x, &best[n - 1]) >= 0))
			continue;
		for (j = n < LINKS ? n++ : n - 1; j > 0 && by_score(&x, &best[j - 1]) < 0; j--)
			best[j] = best[j - 1];
		best[j] = x;
	}
	for (k = 0; k < n; k++) {
		push_row(r, s->id, r->s[best[k].idx].id, best[k].score);
		push_row(r, r->s[best[k].idx].id, s->id, best[k].score);
	}
}

static int
by_key(const void *a, const void *b)
{
	const struct row *x = a, *y = b;

	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	if (x->to != y->to)
		return x->to < y->to ? -1 : 1;
	return x->score > y->score ? -1 : x->score < y->score;
}

/* Writes the batch's links in key order: the table's pages are each
 * visited once, however scattered the older statements are. */
static int
write_rows(struct analyze_related *r, struct store *st)
{
	int64_t to[STORE_LINKS_MAX];
	double score[STORE_LINKS_MAX];
	size_t i, n;

	if (r->nrows > 1)
		qsort(r->rows, r->nrows, sizeof *r->rows, by_key);
	for (i = 0; i < r->nrows;) {
		int64_t from = r->rows[i].from;

		for (n = 0; i < r->nrows && r->rows[i].from == from && n < STORE_LINKS_MAX; i++) {
			if (n > 0 && to[n - 1] == r->rows[i].to)
				continue;   /* linked both ways by the batch: the best */
			to[n] = r->rows[i].to;
			score[n++] = r->rows[i].score;
		}
		if (store_links_put(st, from, to, score, n) != 0)
			return -1;
	}
	r->nrows = 0;
	return 0;
}

/* Links every pending statement, in the caller's transaction. */
static int
flush(struct analyze_related *r, struct store *st)
{
	struct cands c = { NULL, 0, 0 };
	int64_t max = 0;
	size_t i;
	int rc = 0;

	for (i = 0; i < r->pending.n && rc == 0; i++) {
		size_t k = r->pending.v[i];

		if (r->s[k].dead)
			continue;
		candidates(r, k, &c);
		link(r, k, &c);
		if (r->s[k].id > max)
			max = r->s[k].id;
	}
	free(c.v);
	if (rc == 0)
		rc = write_rows(r, st);
	if (rc == 0 && max > 0) {
		char num[32];

		snprintf(num, sizeof num, "%lld", (long long)max);
		rc = store_state_set(st, LINKED_KEY, num);
	}
	if (rc == 0)
		r->pending.n = 0;
	return rc;
}

int
analyze_related_add(struct analyze_related *r, struct store *st,
    const struct analyze_statement *s, size_t n,
    int64_t (*voice)(void *arg, int64_t speaker), void *arg)
{
	size_t i;

	if (load(r, st, voice, arg) != 0)
		return -1;
	for (i = 0; i < n; i++)
		vec_push(&r->pending, (uint32_t)add(r, s[i].id, s[i].article, s[i].speaker,
		    s[i].speaker ? voice(arg, s[i].speaker) : 0, s[i].terms, s[i].entities));
	return r->pending.n >= FLUSH_AT ? flush(r, st) : 0;
}

int
analyze_related_finish(struct analyze_related *r, struct store *st,
    int64_t (*voice)(void *arg, int64_t speaker), void *arg)
{
	if (load(r, st, voice, arg) != 0)
		return -1;
	if (r->pending.n == 0)
		return 0;
	if (store_begin(st) != 0)
		return -1;
	if (flush(r, st) != 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st);
}
