/*
 * extract-ac.c: an Aho-Corasick automaton whose symbols are word tokens.
 *
 * Phrases are cut into tokens the way texts are (extract-token.c); each
 * distinct token of any phrase gets a number, and the automaton runs over
 * those numbers. A text token that is in no phrase sends the automaton
 * straight back to the root, so the common case costs one hash probe per
 * token, and matches can only begin and end on token boundaries: whole
 * words by construction. Transitions from the root are a dense array;
 * deeper ones sit in one hash table keyed by (state, word).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract-int.h"

#define NONE UINT32_MAX

struct word_slot {
	uint32_t hash, id;
	uint32_t off, len;    /* key bytes in the pool */
};

struct pattern {
	uint32_t ntok, payload;
	uint32_t next_same;   /* another pattern with the same tokens, or NONE */
	uint32_t exact;       /* pool offset of its original tokens, or NONE */
};

struct extract_ac {
	struct word_slot *wslot;
	size_t wcap, nwords;
	char *pool;
	size_t plen, pcap;
	/* states; 0 is the root */
	uint32_t *fail, *out, *dict, *child, *sibling, *word;
	size_t nstates, scap;
	uint32_t *root_next;
	/* goto for states other than the root */
	uint64_t *gkey;
	uint32_t *gval;
	size_t gcap, gn;
	struct pattern *pat;
	size_t npat, patcap;
	struct extract_text scratch;
};

static uint32_t
pool_add(struct extract_ac *ac, const char *s, size_t n)
{
	uint32_t off;

	if (ac->plen + n + 1 > ac->pcap) {
		ac->pcap = (ac->plen + n + 1) * 2;
		ac->pool = xrealloc(ac->pool, ac->pcap);
	}
	off = (uint32_t)ac->plen;
	memcpy(ac->pool + off, s, n);
	ac->pool[off + n] = '\0';
	ac->plen += n + 1;
	return off;
}

static uint32_t
word_find(const struct extract_ac *ac, const char *key, uint32_t len, uint32_t hash)
{
	size_t i, mask = ac->wcap - 1;
	const struct word_slot *w;

	for (i = hash & mask;; i = (i + 1) & mask) {
		w = &ac->wslot[i];
		if (w->id == NONE)
			return NONE;
		if (w->hash == hash && w->len == len && memcmp(ac->pool + w->off, key, len) == 0)
			return w->id;
	}
}

static void
word_grow(struct extract_ac *ac)
{
	struct word_slot *old = ac->wslot;
	size_t oldcap = ac->wcap, i, j;

	ac->wcap = oldcap ? oldcap * 2 : 1024;
	ac->wslot = xreallocarray(NULL, ac->wcap, sizeof *ac->wslot);
	for (i = 0; i < ac->wcap; i++)
		ac->wslot[i].id = NONE;
	for (i = 0; i < oldcap; i++) {
		if (old[i].id == NONE)
			continue;
		for (j = old[i].hash & (ac->wcap - 1); ac->wslot[j].id != NONE;
		    j = (j + 1) & (ac->wcap - 1))
			;
		ac->wslot[j] = old[i];
	}
	free(old);
}

static uint32_t
word_intern(struct extract_ac *ac, const char *key, uint32_t len, uint32_t hash)
{
	uint32_t id = word_find(ac, key, len, hash);
	size_t i;

	if (id != NONE)
		return id;
	if ((ac->nwords + 1) * 2 > ac->wcap)
		word_grow(ac);
	for (i = hash & (ac->wcap - 1); ac->wslot[i].id != NONE; i = (i + 1) & (ac->wcap - 1))
		;
	ac->wslot[i].hash = hash;
	ac->wslot[i].len = len;
	ac->wslot[i].off = pool_add(ac, key, len);
	ac->wslot[i].id = (uint32_t)ac->nwords++;
	return ac->wslot[i].id;
}

static size_t
gslot(uint64_t key, size_t cap)
{
	return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 20) & (cap - 1);
}

static uint32_t
goto_get(const struct extract_ac *ac, uint32_t st, uint32_t w)
{
	uint64_t key = (uint64_t)st << 32 | w;
	size_t i;

	for (i = gslot(key, ac->gcap);; i = (i + 1) & (ac->gcap - 1)) {
		if (ac->gval[i] == 0)
			return 0;
		if (ac->gkey[i] == key)
			return ac->gval[i];
	}
}

static void goto_put(struct extract_ac *ac, uint32_t st, uint32_t w, uint32_t to);

static void
goto_grow(struct extract_ac *ac)
{
	uint64_t *okey = ac->gkey;
	uint32_t *oval = ac->gval;
	size_t ocap = ac->gcap, i;

	ac->gcap = ocap ? ocap * 2 : 1024;
	ac->gkey = xcalloc(ac->gcap, sizeof *ac->gkey);
	ac->gval = xcalloc(ac->gcap, sizeof *ac->gval);
	ac->gn = 0;
	for (i = 0; i < ocap; i++)
		if (oval[i] != 0)
			goto_put(ac, (uint32_t)(okey[i] >> 32), (uint32_t)okey[i], oval[i]);
	free(okey);
	free(oval);
}

static void
goto_put(struct extract_ac *ac, uint32_t st, uint32_t w, uint32_t to)
{
	uint64_t key = (uint64_t)st << 32 | w;
	size_t i;

	if ((ac->gn + 1) * 2 > ac->gcap)
		goto_grow(ac);
	for (i = gslot(key, ac->gcap); ac->gval[i] != 0; i = (i + 1) & (ac->gcap - 1))
		;
	ac->gkey[i] = key;
	ac->gval[i] = to;
	ac->gn++;
}

static uint32_t
new_state(struct extract_ac *ac)
{
	size_t n = ac->nstates;

	if (n == ac->scap) {
		ac->scap = ac->scap ? ac->scap * 2 : 1024;
		ac->fail = xreallocarray(ac->fail, ac->scap, sizeof *ac->fail);
		ac->out = xreallocarray(ac->out, ac->scap, sizeof *ac->out);
		ac->dict = xreallocarray(ac->dict, ac->scap, sizeof *ac->dict);
		ac->child = xreallocarray(ac->child, ac->scap, sizeof *ac->child);
		ac->sibling = xreallocarray(ac->sibling, ac->scap, sizeof *ac->sibling);
		ac->word = xreallocarray(ac->word, ac->scap, sizeof *ac->word);
	}
	ac->fail[n] = 0;
	ac->out[n] = NONE;
	ac->dict[n] = 0;
	ac->child[n] = NONE;
	ac->sibling[n] = NONE;
	ac->word[n] = NONE;
	ac->nstates++;
	return (uint32_t)n;
}

struct extract_ac *
extract_ac_new(void)
{
	struct extract_ac *ac = xcalloc(1, sizeof *ac);

	extract_text_init(&ac->scratch);
	word_grow(ac);
	goto_grow(ac);
	new_state(ac);
	return ac;
}

void
extract_ac_free(struct extract_ac *ac)
{
	if (ac == NULL)
		return;
	free(ac->wslot);
	free(ac->pool);
	free(ac->fail);
	free(ac->out);
	free(ac->dict);
	free(ac->child);
	free(ac->sibling);
	free(ac->word);
	free(ac->root_next);
	free(ac->gkey);
	free(ac->gval);
	free(ac->pat);
	extract_text_free(&ac->scratch);
	free(ac);
}

/* The child of ST on word W, made when missing. */
static uint32_t
child_of(struct extract_ac *ac, uint32_t st, uint32_t w)
{
	uint32_t c;

	for (c = ac->child[st]; c != NONE; c = ac->sibling[c])
		if (ac->word[c] == w)
			return c;
	c = new_state(ac);
	ac->word[c] = w;
	ac->sibling[c] = ac->child[st];
	ac->child[st] = c;
	if (st != 0)
		goto_put(ac, st, w, c);
	return c;
}

int
extract_ac_add(struct extract_ac *ac, const char *phrase, uint32_t payload, int exact)
{
	struct extract_text *t = &ac->scratch;
	struct pattern *p;
	uint32_t st = 0, idx, *link;
	size_t i;

	if (extract_text_set(t, phrase, strlen(phrase)) != 0 || t->ntok == 0)
		return -1;
	for (i = 0; i < t->ntok; i++) {
		const struct extract_tok *k = &t->tok[i];
		st = child_of(ac, st, word_intern(ac, k->key, k->klen, k->hash));
	}
	if (ac->npat == ac->patcap) {
		ac->patcap = ac->patcap ? ac->patcap * 2 : 256;
		ac->pat = xreallocarray(ac->pat, ac->patcap, sizeof *ac->pat);
	}
	idx = (uint32_t)ac->npat++;
	p = &ac->pat[idx];
	p->ntok = (uint32_t)t->ntok;
	p->payload = payload;
	p->next_same = NONE;
	p->exact = NONE;
	if (exact) {
		/* The original tokens, each NUL-terminated, one after another. */
		for (i = 0; i < t->ntok; i++) {
			uint32_t off = pool_add(ac, phrase + t->tok[i].start,
			    t->tok[i].end - t->tok[i].start);
			if (i == 0)
				p->exact = off;
		}
	}
	for (link = &ac->out[st]; *link != NONE; link = &ac->pat[*link].next_same)
		;
	*link = idx;
	return 0;
}

size_t
extract_ac_phrases(const struct extract_ac *ac)
{
	return ac->npat;
}

static uint32_t
step(const struct extract_ac *ac, uint32_t st, uint32_t w)
{
	uint32_t g;

	for (;;) {
		if (st == 0)
			return ac->root_next[w];
		g = goto_get(ac, st, w);
		if (g != 0)
			return g;
		st = ac->fail[st];
	}
}

void
extract_ac_build(struct extract_ac *ac)
{
	uint32_t *queue = xreallocarray(NULL, ac->nstates, sizeof *queue);
	size_t head = 0, tail = 0;
	uint32_t s, c, f;

	free(ac->root_next);
	ac->root_next = xcalloc(ac->nwords + 1, sizeof *ac->root_next);
	for (c = ac->child[0]; c != NONE; c = ac->sibling[c]) {
		ac->root_next[ac->word[c]] = c;
		ac->fail[c] = 0;
		ac->dict[c] = 0;
		queue[tail++] = c;
	}
	while (head < tail) {
		s = queue[head++];
		for (c = ac->child[s]; c != NONE; c = ac->sibling[c]) {
			f = step(ac, ac->fail[s], ac->word[c]);
			ac->fail[c] = f;
			ac->dict[c] = ac->out[f] != NONE ? f : ac->dict[f];
			queue[tail++] = c;
		}
	}
	free(queue);
}

/* Whether the text tokens [first, first + ntok) have P's letter case. */
static int
exact_ok(const struct extract_ac *ac, const struct pattern *p,
    const struct extract_text *t, size_t first)
{
	const char *piece = ac->pool + p->exact;
	size_t i, n;

	for (i = 0; i < p->ntok; i++) {
		const struct extract_tok *k = &t->tok[first + i];
		n = strlen(piece);
		if (k->end - k->start != n || memcmp(t->s + k->start, piece, n) != 0)
			return 0;
		piece += n + 1;
	}
	return 1;
}

static void
emit(const struct extract_ac *ac, uint32_t st, const struct extract_text *t, size_t last,
    struct extract_occ **occ, size_t *n, size_t *cap)
{
	uint32_t p;
	size_t first;

	for (p = ac->out[st]; p != NONE; p = ac->pat[p].next_same) {
		first = last + 1 - ac->pat[p].ntok;
		if (ac->pat[p].exact != NONE && !exact_ok(ac, &ac->pat[p], t, first))
			continue;
		if (*n == *cap) {
			*cap = *cap ? *cap * 2 : 256;
			*occ = xreallocarray(*occ, *cap, sizeof **occ);
		}
		(*occ)[*n].first = first;
		(*occ)[*n].last = last;
		(*occ)[*n].payload = ac->pat[p].payload;
		(*n)++;
	}
}

void
extract_ac_scan(const struct extract_ac *ac, const struct extract_text *t,
    struct extract_occ **occ, size_t *n, size_t *cap)
{
	uint32_t st = 0, w, o;
	size_t i;

	if (ac->root_next == NULL)
		return;
	for (i = 0; i < t->ntok; i++) {
		const struct extract_tok *k = &t->tok[i];

		w = word_find(ac, k->key, k->klen, k->hash);
		if (w == NONE) {
			st = 0;
			continue;
		}
		st = step(ac, st, w);
		if (st == 0)
			continue;
		o = ac->out[st] != NONE ? st : ac->dict[st];
		for (; o != 0; o = ac->dict[o])
			emit(ac, o, t, i, occ, n, cap);
	}
}
