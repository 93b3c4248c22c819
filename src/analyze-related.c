/*
 * analyze-related.c: linking new statements to related ones.
 *
 * A new statement is compared only with candidates that share one of
 * its rarest terms, its speaker or an agreement or place it names (the
 * most recent statements of each, a few for each of its other terms).
 * The candidates are read through indexes, newest first and no more than
 * are taken: the keys index (related_terms numbers each key and counts
 * its statements, the df the idf comes from; statement_terms lists each
 * key's statements; schema 13: a batch's statements join it when they
 * are linked) and statements by speaker. So the cost of linking a statement does not grow with the
 * corpus, and neither does memory: only the batch's statements and a
 * bounded cache of parsed candidates and keys are held. The keys index
 * does not change while a batch is linked and its statements share many
 * keys: each key's statements are read from the index once a batch, as
 * far as some statement needs them, and gone through in memory after
 * (LISTED_MAX ids at most). Its best LINKS
 * candidates are linked to it, and it to them, so an older statement
 * learns of newer ones without being compared again.
 *
 * Links back touch rows all over the links table, so new statements are
 * linked in batches (every FLUSH_AT of them, and at the end of a run) and
 * the batch is written in key order: per article, the pages written
 * would cost more than the article itself. The caller links a batch
 * between articles (analyze_related_due), not inside an article's
 * savepoint: there every page the flush changes would first be copied
 * to the savepoint's journal. The state key "related.linked" holds the
 * last statement id linked, so a later run links what this one did not
 * get to.
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
#define CACHE_STATEMENTS 65536  /* parsed candidates kept, at most */
#define CACHE_KEYS 262144       /* keys' numbers and df kept, at most */
#define LIST_FIRST 16           /* ids read the first time a key is asked for */
#define LISTED_MAX (1 << 20)    /* keys' statement ids kept in a flush, at most */

struct stmt {
	int64_t id, article, speaker, voice;
	uint32_t *terms;      /* key numbers, ascending */
	uint16_t *counts;
	double *w;            /* their tf-idf weights, unit length */
	uint32_t nterms;
	uint32_t *eterms;     /* the agreements and places named ("@id"), ascending */
	double *ew;           /* their idf */
	uint32_t nents;
	uint32_t stamp;       /* the round that last took it as a candidate */
};

/* A key: its number in related_terms and its df, read in flush EPOCH. */
struct key {
	char *text;
	uint32_t id;
	int64_t df;
	uint32_t epoch;
};

/* The statements having a key, newest first, as far as read in this
 * flush: the keys index does not change while a flush links, and the
 * statements of a batch share many keys, so each key's list is read
 * from the database once a flush and gone through in memory after. */
struct keylist {
	uint32_t key;         /* 0: a free slot */
	int done;             /* read to its end */
	int64_t *ids;
	size_t n, cap;
};

/* A speaker's other statements, newest first, as far as read for the
 * statements of one article (ids LO to HI): each of that article's
 * statements by the speaker asks for the same rows, and no statement is
 * written while a flush links. */
struct spoken {
	int64_t speaker, lo, hi;
	struct keylist l;
};

/* A statement to be linked with the batch. */
struct pend {
	int64_t id, article, speaker;
	char *terms, *entities;
};

struct analyze_related {
	int loaded;
	int64_t linked;       /* the last statement linked */
	struct pend *pending; /* the batch: statements still to be linked */
	size_t npending, pendcap;
	struct store_link *rows;   /* links of the batch, both ways */
	size_t nrows, rowcap;
	struct key *keys;     /* open addressing on the text */
	size_t keycap, nkeys;
	struct stmt *cache;   /* parsed candidates */
	size_t ncache, cachecap;
	int64_t *slot_id;     /* statement id -> index in cache, open addressing */
	uint32_t *slot;
	size_t slotcap;
	struct keylist *lists;     /* open addressing on the key */
	size_t listcap, nlists, listed;
	struct spoken *spoken;     /* of the article being linked */
	size_t nspoken, spokencap;
	int64_t nstatements;  /* the corpus's count, read at each flush */
	uint32_t epoch;       /* of flushes (keys' df) */
	uint32_t round;       /* of candidate rounds (stamps) */
	uint64_t rows_read;
	int64_t (*voice)(void *arg, int64_t speaker);
	void *arg;
};

static uint64_t
mix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdull;
	x ^= x >> 33;
	return x;
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

struct analyze_related *
analyze_related_new(void)
{
	return xcalloc(1, sizeof(struct analyze_related));
}

static void
stmt_clear(struct stmt *s)
{
	free(s->terms);
	free(s->counts);
	free(s->eterms);
	free(s->w);
	free(s->ew);
	memset(s, 0, sizeof *s);
}

static void
keys_clear(struct analyze_related *r)
{
	size_t i;

	for (i = 0; i < r->keycap; i++)
		free(r->keys[i].text);
	free(r->keys);
	r->keys = NULL;
	r->keycap = r->nkeys = 0;
}

static void
cache_clear(struct analyze_related *r)
{
	size_t i;

	for (i = 0; i < r->ncache; i++)
		stmt_clear(&r->cache[i]);
	r->ncache = 0;
	if (r->slotcap > 0)
		memset(r->slot_id, 0, r->slotcap * sizeof *r->slot_id);
}

static void
spoken_clear(struct analyze_related *r)
{
	size_t i;

	for (i = 0; i < r->nspoken; i++)
		free(r->spoken[i].l.ids);
	r->nspoken = 0;
}

static void
lists_clear(struct analyze_related *r)
{
	size_t i;

	for (i = 0; i < r->listcap; i++)
		free(r->lists[i].ids);
	free(r->lists);
	r->lists = NULL;
	r->listcap = r->nlists = r->listed = 0;
	spoken_clear(r);
	free(r->spoken);
	r->spoken = NULL;
	r->spokencap = 0;
}

static void
clear(struct analyze_related *r)
{
	size_t i;

	for (i = 0; i < r->npending; i++) {
		free(r->pending[i].terms);
		free(r->pending[i].entities);
	}
	free(r->pending);
	free(r->rows);
	keys_clear(r);
	lists_clear(r);
	cache_clear(r);
	free(r->cache);
	free(r->slot_id);
	free(r->slot);
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
	uint64_t rows = r->rows_read;

	clear(r);
	r->rows_read = rows;
}

uint64_t
analyze_related_rows_read(const struct analyze_related *r)
{
	return r->rows_read;
}

void
analyze_related_forget(struct analyze_related *r, int64_t article)
{
	size_t i, k = 0;

	for (i = 0; i < r->npending; i++) {
		if (r->pending[i].article == article) {
			free(r->pending[i].terms);
			free(r->pending[i].entities);
		} else
			r->pending[k++] = r->pending[i];
	}
	r->npending = k;
	/* Its statements' ids may be given again to new ones, and its keys
	 * numbers. */
	cache_clear(r);
	keys_clear(r);
	lists_clear(r);
}

/* ---- keys ----------------------------------------------------------------- */

static void
keys_grow(struct analyze_related *r)
{
	struct key *old = r->keys;
	size_t ocap = r->keycap, i, j;

	r->keycap = ocap ? ocap * 2 : 1024;
	r->keys = xcalloc(r->keycap, sizeof *r->keys);
	for (i = 0; i < ocap; i++) {
		if (old[i].text == NULL)
			continue;
		for (j = hash_str(old[i].text, strlen(old[i].text)) & (r->keycap - 1);
		    r->keys[j].text != NULL; j = (j + 1) & (r->keycap - 1))
			;
		r->keys[j] = old[i];
	}
	free(old);
}

/* Key TEXT (N bytes) with its number and a df read in this flush; NULL
 * on error. Its number is 0 when no statement has it. */
static const struct key *
key_get(struct analyze_related *r, struct store *st, const char *text, size_t n)
{
	struct key *k;
	int64_t id, df;
	size_t i;

	if (r->nkeys >= CACHE_KEYS)
		keys_clear(r);
	if ((r->nkeys + 1) * 2 > r->keycap)
		keys_grow(r);
	for (i = hash_str(text, n) & (r->keycap - 1); r->keys[i].text != NULL;
	    i = (i + 1) & (r->keycap - 1))
		if (strncmp(r->keys[i].text, text, n) == 0 && r->keys[i].text[n] == '\0')
			break;
	k = &r->keys[i];
	if (k->text != NULL && k->epoch == r->epoch)
		return k;
	if (store_related_key(st, text, n, &id, &df) != 0)
		return NULL;
	r->rows_read++;
	if (k->text == NULL) {
		k->text = xstrndup(text, n);
		r->nkeys++;
	}
	k->id = id > 0 && id <= UINT32_MAX ? (uint32_t)id : 0;
	k->df = df;
	k->epoch = r->epoch;
	return k;
}

/* ---- statements ------------------------------------------------------------ */

struct tc {
	uint32_t id;
	uint32_t count;
	int64_t df;
};

static int
by_id(const void *a, const void *b)
{
	uint32_t x = ((const struct tc *)a)->id, y = ((const struct tc *)b)->id;

	return x < y ? -1 : x > y;
}

static void
push_tc(struct tc **v, size_t *n, size_t *cap, const struct key *k, long count)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[*n].id = k->id;
	(*v)[*n].count = count > 0 && count < UINT16_MAX ? (uint32_t)count : 1;
	(*v)[(*n)++].df = k->df > 0 ? k->df : 1;
}

/* The keys of "term[:count] ..." (TERMS) or "id id ..." (ENTS) that some
 * statement has (all of them, once S is stored), sorted by number and
 * distinct, with their df as read now. */
static int
keys_of(struct analyze_related *r, struct store *st, const char *text, int ents,
    struct tc **out, size_t *nout)
{
	const struct key *k;
	struct store_keys kr;
	const char *key;
	size_t n = 0, cap = 0, i, d = 0, len;
	long count;

	*out = NULL;
	store_keys_start(&kr, text, ents);
	while (store_keys_next(&kr, &key, &len, &count)) {
		if ((k = key_get(r, st, key, len)) == NULL) {
			free(*out);
			*out = NULL;
			return -1;
		}
		if (k->id != 0)
			push_tc(out, &n, &cap, k, count);
	}
	if (n > 1)
		qsort(*out, n, sizeof **out, by_id);
	for (i = 0; i < n; i++)
		if (d == 0 || (*out)[d - 1].id != (*out)[i].id)
			(*out)[d++] = (*out)[i];
	*nout = d;
	return 0;
}

static double
idf(const struct analyze_related *r, int64_t df)
{
	return log(1.0 + (double)r->nstatements / (double)(df > 0 ? df : 1));
}

/*
 * Reads S's keys from TERMS and ENTS and weighs them: tf-idf weights of
 * unit length, and the idf of what it names, with the df of now. A
 * cached candidate keeps its weights while cached: document frequencies
 * move slowly, and scoring a candidate must not cost a log per term.
 * DFS, unless NULL, is given the terms' df.
 */
static int
parse(struct analyze_related *r, struct store *st, struct stmt *s, const char *terms,
    const char *ents, int64_t **dfs)
{
	struct tc *t = NULL, *en = NULL;
	size_t nt = 0, ne = 0, i;
	double norm = 0;

	if (keys_of(r, st, terms, 0, &t, &nt) != 0 || keys_of(r, st, ents, 1, &en, &ne) != 0) {
		free(t);
		return -1;
	}
	s->terms = xreallocarray(NULL, nt + 1, sizeof *s->terms);
	s->counts = xreallocarray(NULL, nt + 1, sizeof *s->counts);
	s->w = xreallocarray(NULL, nt + 1, sizeof *s->w);
	for (i = 0; i < nt; i++) {
		s->terms[i] = t[i].id;
		s->counts[i] = (uint16_t)t[i].count;
		s->w[i] = (double)t[i].count * idf(r, t[i].df);
		norm += s->w[i] * s->w[i];
	}
	s->nterms = (uint32_t)nt;
	if (dfs != NULL) {
		*dfs = xreallocarray(NULL, nt + 1, sizeof **dfs);
		for (i = 0; i < nt; i++)
			(*dfs)[i] = t[i].df;
	}
	norm = norm > 0 ? sqrt(norm) : 1;
	for (i = 0; i < nt; i++)
		s->w[i] /= norm;
	s->eterms = xreallocarray(NULL, ne + 1, sizeof *s->eterms);
	s->ew = xreallocarray(NULL, ne + 1, sizeof *s->ew);
	for (i = 0; i < ne; i++) {
		s->eterms[i] = en[i].id;
		s->ew[i] = idf(r, en[i].df);
	}
	s->nents = (uint32_t)ne;
	free(t);
	free(en);
	return 0;
}

static void
stmt_from(struct stmt *s, const struct store_profile_row *row, int64_t voice)
{
	memset(s, 0, sizeof *s);
	s->id = row->id;
	s->article = row->article_id;
	s->speaker = row->speaker_id;
	s->voice = voice;
}

/* The index in the cache of statement ID, or -1. */
static long
cache_find(const struct analyze_related *r, int64_t id)
{
	size_t i;

	if (r->slotcap == 0)
		return -1;
	for (i = mix((uint64_t)id) & (r->slotcap - 1); r->slot_id[i] != 0;
	    i = (i + 1) & (r->slotcap - 1))
		if (r->slot_id[i] == id)
			return (long)r->slot[i];
	return -1;
}

static void
slots_grow(struct analyze_related *r)
{
	size_t i, j, cap = r->slotcap ? r->slotcap * 2 : 1024;

	free(r->slot_id);
	free(r->slot);
	r->slot_id = xcalloc(cap, sizeof *r->slot_id);
	r->slot = xcalloc(cap, sizeof *r->slot);
	r->slotcap = cap;
	for (j = 0; j < r->ncache; j++) {
		for (i = mix((uint64_t)r->cache[j].id) & (cap - 1); r->slot_id[i] != 0;
		    i = (i + 1) & (cap - 1))
			;
		r->slot_id[i] = r->cache[j].id;
		r->slot[i] = (uint32_t)j;
	}
}

struct parsing {
	struct analyze_related *r;
	struct store *st;
	long idx;
};

/* Parses ROW into the cache. */
static int
cache_row(void *arg, const struct store_profile_row *row)
{
	struct parsing *p = arg;
	struct analyze_related *r = p->r;
	struct stmt *s;
	size_t i;

	if ((r->ncache + 1) * 2 > r->slotcap)
		slots_grow(r);
	if (r->ncache == r->cachecap) {
		r->cachecap = r->cachecap ? r->cachecap * 2 : 1024;
		r->cache = xreallocarray(r->cache, r->cachecap, sizeof *r->cache);
	}
	s = &r->cache[r->ncache];
	stmt_from(s, row, row->speaker_id ? r->voice(r->arg, row->speaker_id) : 0);
	if (parse(r, p->st, s, row->terms, row->entities, NULL) != 0) {
		stmt_clear(s);
		return -1;
	}
	for (i = mix((uint64_t)row->id) & (r->slotcap - 1); r->slot_id[i] != 0;
	    i = (i + 1) & (r->slotcap - 1))
		;
	r->slot_id[i] = row->id;
	r->slot[i] = (uint32_t)r->ncache;
	p->idx = (long)r->ncache++;
	return 1;
}

/* Statement ID from the cache, read and parsed when new: its index, or
 * -1 on error, -2 when there is no such statement. */
static long
cached(struct analyze_related *r, struct store *st, int64_t id)
{
	struct parsing p = { r, st, -2 };
	long x = cache_find(r, id);

	if (x >= 0)
		return x;
	r->rows_read++;
	if (store_statement_profile(st, id, cache_row, &p) != 0)
		return -1;
	return p.idx;
}

/* ---- scoring -------------------------------------------------------------- */

static void
profile_of(const struct analyze_related *r, const struct stmt *s, struct extract_profile *p)
{
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
	p->max_idf = log(1.0 + (double)r->nstatements);
}

struct scored {
	uint32_t idx;
	int64_t id;
	double score;
};

static int
by_score(const struct scored *x, const struct scored *y)
{
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

struct cands {
	uint32_t *v;          /* indexes in the cache */
	size_t n, cap;
};

/* Takes the candidates one list gives, until LIMIT new ones. */
struct gathering {
	struct analyze_related *r;
	struct store *st;
	struct cands *c;
	int64_t article;
	size_t limit, taken;
};

static int
take(void *arg, int64_t id)
{
	struct gathering *g = arg;
	struct analyze_related *r = g->r;
	long x;

	if ((x = cached(r, g->st, id)) == -1)
		return -1;
	if (x < 0 || r->cache[x].stamp == r->round || r->cache[x].article == g->article)
		return 0;
	r->cache[x].stamp = r->round;
	if (g->c->n == g->c->cap) {
		g->c->cap = g->c->cap ? g->c->cap * 2 : 64;
		g->c->v = xreallocarray(g->c->v, g->c->cap, sizeof *g->c->v);
	}
	g->c->v[g->c->n++] = (uint32_t)x;
	return ++g->taken >= g->limit ? 1 : 0;
}

/* ---- keys' lists ------------------------------------------------------------ */

/* KEY's list (made empty when new). */
static struct keylist *
list_get(struct analyze_related *r, uint32_t key)
{
	struct keylist *old = r->lists;
	size_t ocap = r->listcap, i, j;

	if ((r->nlists + 1) * 2 > r->listcap) {
		r->listcap = ocap ? ocap * 2 : 1024;
		r->lists = xcalloc(r->listcap, sizeof *r->lists);
		for (i = 0; i < ocap; i++) {
			if (old[i].key == 0)
				continue;
			for (j = mix(old[i].key) & (r->listcap - 1); r->lists[j].key != 0;
			    j = (j + 1) & (r->listcap - 1))
				;
			r->lists[j] = old[i];
		}
		free(old);
	}
	for (i = mix(key) & (r->listcap - 1); r->lists[i].key != 0;
	    i = (i + 1) & (r->listcap - 1))
		if (r->lists[i].key == key)
			return &r->lists[i];
	r->lists[i].key = key;
	r->nlists++;
	return &r->lists[i];
}

struct reading {
	struct analyze_related *r;
	struct keylist *l;
	size_t want, got;
};

static int
list_row(void *arg, int64_t id)
{
	struct reading *d = arg;
	struct keylist *l = d->l;

	d->r->rows_read++;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : LIST_FIRST;
		l->ids = xreallocarray(l->ids, l->cap, sizeof *l->ids);
	}
	l->ids[l->n++] = id;
	return ++d->got >= d->want ? 1 : 0;
}

/* The statements of the article being linked: from lo to hi. */
struct own {
	int64_t article, lo, hi;
};

/* Reads more of L, KEY's list or (KEY 0) SPEAKER's statements outside
 * the article OWN: as many again as it holds. */
static int
list_more(struct analyze_related *r, struct store *st, uint32_t key, int64_t speaker,
    const struct own *own, struct keylist *l)
{
	struct reading d = { r, l, l->n < LIST_FIRST ? LIST_FIRST : l->n, 0 };
	int64_t below = l->n > 0 ? l->ids[l->n - 1] : INT64_MAX;

	if ((key != 0 ? store_related_having_below(st, key, below, list_row, &d)
	    : store_related_by(st, speaker, own->lo, own->hi, below, list_row, &d)) != 0)
		return -1;
	if (key != 0)
		r->listed += d.got;    /* the keys' lists are dropped past LISTED_MAX */
	if (d.got < d.want)
		l->done = 1;
	return 0;
}

/* SPEAKER's list for the article OWN (made empty when new); the lists
 * of an article before are dropped. */
static struct keylist *
spoken_get(struct analyze_related *r, int64_t speaker, const struct own *own)
{
	struct spoken *sp;
	size_t i;

	if (r->nspoken > 0 && (r->spoken[0].lo != own->lo || r->spoken[0].hi != own->hi))
		spoken_clear(r);
	for (i = 0; i < r->nspoken; i++)
		if (r->spoken[i].speaker == speaker)
			return &r->spoken[i].l;
	if (r->nspoken == r->spokencap) {
		r->spokencap = r->spokencap ? r->spokencap * 2 : 16;
		r->spoken = xreallocarray(r->spoken, r->spokencap, sizeof *r->spoken);
	}
	sp = &r->spoken[r->nspoken++];
	memset(sp, 0, sizeof *sp);
	sp->speaker = speaker;
	sp->lo = own->lo;
	sp->hi = own->hi;
	return &sp->l;
}

/* Adds the newest LIMIT statements of another article having key KEY (or
 * by SPEAKER, when KEY is 0) not yet taken this round. */
static int
gather(struct analyze_related *r, struct store *st, int64_t key, int64_t speaker,
    size_t limit, const struct own *own, struct cands *c)
{
	struct gathering g = { r, st, c, own->article, limit, 0 };
	struct keylist *l;
	size_t i = 0;
	int rc;

	/* A speaker's list is read once for all the article's statements by
	 * that speaker (spoken_get); a key's is kept across articles. */
	if (key == 0) {
		l = spoken_get(r, speaker, own);
	} else {
		if (r->listed >= LISTED_MAX)
			lists_clear(r);
		l = list_get(r, (uint32_t)key);
	}
	for (;;) {
		for (; i < l->n; i++) {
			if (l->ids[i] >= own->lo && l->ids[i] <= own->hi)
				continue;
			if ((rc = take(&g, l->ids[i])) != 0)
				return rc < 0 ? -1 : 0;
		}
		if (l->done)
			return 0;
		if (list_more(r, st, (uint32_t)key, speaker, own, l) != 0)
			return -1;
	}
}

/* The candidates of S: the newest statements sharing one of its terms
 * (more of them for its rarest terms), its speaker, or an agreement or
 * place it names. DF: its terms' df. */
static int
candidates(struct analyze_related *r, struct store *st, const struct stmt *s,
    const int64_t *df, const struct own *own, struct cands *c)
{
	uint32_t rare[RARE_TERMS];
	int64_t rdf[RARE_TERMS];
	size_t nrare = 0, k, j;
	int rc = 0;

	c->n = 0;
	if (++r->round == 0) {
		for (k = 0; k < r->ncache; k++)
			r->cache[k].stamp = 0;
		r->round = 1;
	}
	for (k = 0; k < s->nterms; k++) {
		if (df[k] < 2)
			continue;
		for (j = nrare; j > 0 && rdf[j - 1] > df[k]; j--)
			if (j < RARE_TERMS) {
				rare[j] = rare[j - 1];
				rdf[j] = rdf[j - 1];
			}
		if (j < RARE_TERMS) {
			rare[j] = s->terms[k];
			rdf[j] = df[k];
			if (nrare < RARE_TERMS)
				nrare++;
		}
	}
	for (k = 0; k < nrare && rc == 0; k++)
		rc = gather(r, st, rare[k], 0, PER_RARE_TERM, own, c);
	for (k = 0; k < s->nterms && k < MAX_TERMS && rc == 0; k++)
		if (df[k] >= 2)
			rc = gather(r, st, s->terms[k], 0, PER_TERM, own, c);
	if (s->speaker != 0 && rc == 0)
		rc = gather(r, st, 0, s->speaker, PER_SPEAKER, own, c);
	for (k = 0; k < s->nents && rc == 0; k++)
		rc = gather(r, st, s->eterms[k], 0, PER_ENTITY, own, c);
	return rc;
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

/* Links S to its best candidates (both ways, to be written with the
 * batch). */
static void
link(struct analyze_related *r, const struct stmt *s, const struct cands *c)
{
	struct extract_profile pa, pb;
	struct scored best[LINKS], x;
	size_t k, j, n = 0;

	profile_of(r, s, &pa);
	/* The best LINKS, kept in order as they come: no sort of them all. */
	for (k = 0; k < c->n; k++) {
		const struct stmt *o = &r->cache[c->v[k]];

		if (o->id == s->id)
			continue;
		profile_of(r, o, &pb);
		x.idx = c->v[k];
		x.id = o->id;
		x.score = extract_related_score(&pa, &pb);
		if (x.score < MIN_SCORE || (n == LINKS && by_score(&x, &best[n - 1]) >= 0))
			continue;
		for (j = n < LINKS ? n++ : n - 1; j > 0 && by_score(&x, &best[j - 1]) < 0; j--)
			best[j] = best[j - 1];
		best[j] = x;
	}
	for (k = 0; k < n; k++) {
		push_row(r, s->id, best[k].id, best[k].score);
		push_row(r, best[k].id, s->id, best[k].score);
	}
}

static int
by_key(const void *a, const void *b)
{
	const struct store_link *x = a, *y = b;

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
	size_t i, n = 0;

	if (r->nrows > 1)
		qsort(r->rows, r->nrows, sizeof *r->rows, by_key);
	for (i = 0; i < r->nrows; i++) {
		/* Linked both ways by the batch: the best, sorted first. */
		if (n > 0 && r->rows[n - 1].from == r->rows[i].from &&
		    r->rows[n - 1].to == r->rows[i].to)
			continue;
		r->rows[n++] = r->rows[i];
	}
	r->nrows = 0;
	return store_links_put(st, r->rows, n);
}

#define LINKED_KEY "related.linked"

static void
pend(struct analyze_related *r, int64_t id, int64_t article, int64_t speaker, const char *terms,
    const char *entities)
{
	struct pend *p;

	if (r->npending == r->pendcap) {
		r->pendcap = r->pendcap ? r->pendcap * 2 : 256;
		r->pending = xreallocarray(r->pending, r->pendcap, sizeof *r->pending);
	}
	p = &r->pending[r->npending++];
	p->id = id;
	p->article = article;
	p->speaker = speaker;
	p->terms = terms != NULL ? xstrdup(terms) : NULL;
	p->entities = entities != NULL ? xstrdup(entities) : NULL;
}

/* Links pending statement P: its keys as they are now, its candidates,
 * its best ones. */
static int
link_one(struct analyze_related *r, struct store *st, const struct pend *p,
    const struct own *own, struct cands *c)
{
	struct stmt s;
	int64_t *df = NULL;
	int rc;

	memset(&s, 0, sizeof s);
	s.id = p->id;
	s.article = p->article;
	s.speaker = p->speaker;
	s.voice = p->speaker ? r->voice(r->arg, p->speaker) : 0;
	rc = parse(r, st, &s, p->terms, p->entities, &df);
	if (rc == 0)
		rc = candidates(r, st, &s, df, own, c);
	if (rc == 0)
		link(r, &s, c);
	free(df);
	stmt_clear(&s);
	return rc;
}

/* Links every pending statement, in the caller's transaction. */
static int
flush(struct analyze_related *r, struct store *st)
{
	struct cands c = { NULL, 0, 0 };
	const struct key *all;
	struct own own = { 0, 0, -1 };
	int64_t max = 0;
	size_t i, j;
	int rc = 0;

	/* The batch's keys join the index first: it is compared with itself
	 * too, and its terms count in the idf. */
	if (r->npending > 0) {
		struct store_profile_row *rows = xreallocarray(NULL, r->npending, sizeof *rows);

		for (i = 0; i < r->npending; i++) {
			rows[i].id = r->pending[i].id;
			rows[i].article_id = r->pending[i].article;
			rows[i].speaker_id = r->pending[i].speaker;
			rows[i].terms = r->pending[i].terms;
			rows[i].entities = r->pending[i].entities;
		}
		rc = store_related_index(st, rows, r->npending);
		free(rows);
		if (rc != 0)
			return -1;
	}
	/* The index has changed: every key's list is read again. */
	lists_clear(r);
	/* A new epoch: every key's df is read again, once. */
	if (++r->epoch == 0) {
		keys_clear(r);
		r->epoch = 1;
	}
	if ((all = key_get(r, st, "", 0)) == NULL)
		return -1;
	r->nstatements = all->df;
	for (i = 0; i < r->npending && rc == 0; i++) {
		if (r->ncache >= CACHE_STATEMENTS)
			cache_clear(r);
		/* An article's statements are stored together: ids in a row. */
		if (r->pending[i].article != own.article || r->pending[i].id > own.hi) {
			own.article = r->pending[i].article;
			own.lo = own.hi = r->pending[i].id;
			for (j = i + 1; j < r->npending && r->pending[j].article == own.article; j++)
				own.hi = r->pending[j].id;
		}
		rc = link_one(r, st, &r->pending[i], &own, &c);
		if (r->pending[i].id > max)
			max = r->pending[i].id;
	}
	free(c.v);
	lists_clear(r);
	if (rc == 0)
		rc = write_rows(r, st);
	/* Ids of statements deleted may be given again: never back. */
	if (rc == 0 && max > r->linked) {
		char num[32];

		r->linked = max;

		snprintf(num, sizeof num, "%lld", (long long)max);
		rc = store_state_set(st, LINKED_KEY, num);
	}
	if (rc != 0) {
		r->nrows = 0;
		return -1;
	}
	for (i = 0; i < r->npending; i++) {
		free(r->pending[i].terms);
		free(r->pending[i].entities);
	}
	r->npending = 0;
	return 0;
}

struct loader {
	struct analyze_related *r;
	int64_t before;       /* statements from this id on are the caller's */
};

static int
load_row(void *arg, const struct store_profile_row *row)
{
	struct loader *l = arg;

	l->r->rows_read++;
	if (l->before > 0 && row->id >= l->before)
		return 1;
	pend(l->r, row->id, row->article_id, row->speaker_id, row->terms, row->entities);
	return 0;
}

/* The first time: what an earlier run stored but did not link (it was
 * cut short) is pending too, up to statement BEFORE (0: all). */
static int
load(struct analyze_related *r, struct store *st, int64_t before,
    int64_t (*voice)(void *, int64_t), void *arg)
{
	struct loader l = { r, before };
	char *v = NULL;

	r->voice = voice;
	r->arg = arg;
	if (r->loaded)
		return 0;
	r->loaded = 1;
	if (store_state_get(st, LINKED_KEY, &v) != 0)
		return -1;
	r->linked = v != NULL ? strtoll(v, NULL, 10) : 0;
	free(v);
	return store_statement_profiles_after(st, r->linked, load_row, &l);
}

int
analyze_related_add(struct analyze_related *r, struct store *st,
    const struct analyze_statement *s, size_t n,
    int64_t (*voice)(void *arg, int64_t speaker), void *arg)
{
	size_t i;

	if (load(r, st, n > 0 ? s[0].id : 0, voice, arg) != 0)
		return -1;
	for (i = 0; i < n; i++)
		pend(r, s[i].id, s[i].article, s[i].speaker, s[i].terms, s[i].entities);
	return 0;
}

int
analyze_related_due(const struct analyze_related *r)
{
	return r->npending >= FLUSH_AT;
}

int
analyze_related_link(struct analyze_related *r, struct store *st,
    int64_t (*voice)(void *arg, int64_t speaker), void *arg)
{
	if (load(r, st, 0, voice, arg) != 0)
		return -1;
	if (r->npending == 0)
		return 0;
	if (flush(r, st) == 0)
		return 0;
	/* The caller rolls the flush back: the keys' numbers and df read or
	 * given in it, the last statement linked and the pending statements
	 * (some of them in the index now) are all read again from what
	 * stays, so no statement is counted in the df twice. */
	analyze_related_reset(r);
	return -1;
}

int
analyze_related_finish(struct analyze_related *r, struct store *st,
    int64_t (*voice)(void *arg, int64_t speaker), void *arg)
{
	if (load(r, st, 0, voice, arg) != 0)
		return -1;
	if (r->npending == 0)
		return 0;
	if (store_begin(st) != 0)
		return -1;
	if (analyze_related_link(r, st, voice, arg) != 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st);
}
