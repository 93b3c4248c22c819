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
 *
 * In a language whose nouns take case endings (text-lang.c), a text
 * token that is no phrase word is tried without each ending its language
 * lists, longest first, keeping the language's shortest stem: "Лаврова"
 * reads as "лавров", "Azərbaycanın" as "azərbaycan". A phrase word that
 * loses an ending of its own before the case ending ("Москва", "Москвы")
 * is also filed under that stem. Only whole tokens lose listed endings,
 * so a short name never matches inside another word, and a phrase that
 * must match in capitals (an acronym) never matches inflected.
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
	unsigned char lower_first; /* its first word is written in lower case */
};

struct word_table {
	struct word_slot *slot;
	size_t cap, n;
};

/* A language's endings by their last byte: a word is tried only with the
 * endings it can end in (most of the dozens a language has are
 * passed over at once), in the language's order, longest first. */
struct ending_index {
	const struct text_lang *lang;
	uint32_t at[257];     /* where the endings of each last byte start in list */
	uint32_t *list;       /* ending numbers; an empty ending under every byte */
};

struct extract_ac {
	struct word_table words;   /* phrase words by key */
	struct word_table stems;   /* phrase words by stem, id as above */
	char *pool;
	size_t plen, pcap;
	/* states; 0 is the root */
	uint32_t *fail, *out, *dict, *child, *sibling, *word;
	size_t nstates, scap;
	uint32_t *root_next;
	uint32_t *root_child;      /* while phrases are added: the root's child
	                              on each word (0: none), as root_next */
	size_t rcap;
	/* goto for states other than the root */
	uint64_t *gkey;
	uint32_t *gval;
	size_t gcap, gn;
	struct pattern *pat;
	size_t npat, patcap;
	struct extract_text scratch;
	struct ending_index *eidx; /* of each language given to extract_ac_inflect */
	size_t neidx;
	/* per word: 1 when some phrase writes it in lower case; a word every
	 * phrase capitalizes is a name's, read as an inflection only where
	 * the text capitalizes it too ("самое" is no case of "Самоа") */
	unsigned char *lower;
	size_t lcap;
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
table_find(const struct word_table *wt, const char *pool, const char *key, uint32_t len,
    uint32_t hash)
{
	size_t i, mask = wt->cap - 1;
	const struct word_slot *w;

	for (i = hash & mask;; i = (i + 1) & mask) {
		w = &wt->slot[i];
		if (w->id == NONE)
			return NONE;
		if (w->hash == hash && w->len == len && memcmp(pool + w->off, key, len) == 0)
			return w->id;
	}
}

static void
table_grow(struct word_table *wt)
{
	struct word_slot *old = wt->slot;
	size_t oldcap = wt->cap, i, j;

	wt->cap = oldcap ? oldcap * 2 : 1024;
	wt->slot = xreallocarray(NULL, wt->cap, sizeof *wt->slot);
	for (i = 0; i < wt->cap; i++)
		wt->slot[i].id = NONE;
	for (i = 0; i < oldcap; i++) {
		if (old[i].id == NONE)
			continue;
		for (j = old[i].hash & (wt->cap - 1); wt->slot[j].id != NONE;
		    j = (j + 1) & (wt->cap - 1))
			;
		wt->slot[j] = old[i];
	}
	free(old);
}

/* Files KEY under ID unless the key is there already; returns the id it
 * is filed under. */
static uint32_t
table_put(struct extract_ac *ac, struct word_table *wt, const char *key, uint32_t len,
    uint32_t hash, uint32_t id)
{
	uint32_t old = table_find(wt, ac->pool, key, len, hash);
	size_t i;

	if (old != NONE)
		return old;
	if ((wt->n + 1) * 2 > wt->cap)
		table_grow(wt);
	for (i = hash & (wt->cap - 1); wt->slot[i].id != NONE; i = (i + 1) & (wt->cap - 1))
		;
	wt->slot[i].hash = hash;
	wt->slot[i].len = len;
	wt->slot[i].off = pool_add(ac, key, len);
	wt->slot[i].id = id;
	wt->n++;
	return id;
}

/* Files stem KEY under ID, beside any other word with the same stem
 * ("южн" is "южный", "южная" and "южной"): the stems table may hold a
 * key more than once, each with its own id. */
static void
stem_put(struct extract_ac *ac, const char *key, uint32_t len, uint32_t hash, uint32_t id)
{
	struct word_table *wt = &ac->stems;
	size_t i;

	if (wt->cap == 0 || (wt->n + 1) * 2 > wt->cap)
		table_grow(wt);
	for (i = hash & (wt->cap - 1); wt->slot[i].id != NONE; i = (i + 1) & (wt->cap - 1))
		if (wt->slot[i].id == id && wt->slot[i].hash == hash && wt->slot[i].len == len &&
		    memcmp(ac->pool + wt->slot[i].off, key, len) == 0)
			return;
	wt->slot[i].hash = hash;
	wt->slot[i].len = len;
	wt->slot[i].off = pool_add(ac, key, len);
	wt->slot[i].id = id;
	wt->n++;
}

/* The next word after slot *AT filed under stem KEY, or NONE; *AT starts
 * at SIZE_MAX. */
static uint32_t
stem_next(const struct extract_ac *ac, const char *key, uint32_t len, uint32_t hash, size_t *at)
{
	const struct word_table *wt = &ac->stems;
	size_t mask = wt->cap - 1, i;

	if (wt->cap == 0)
		return NONE;
	for (i = *at == SIZE_MAX ? hash & mask : (*at + 1) & mask; wt->slot[i].id != NONE;
	    i = (i + 1) & mask)
		if (wt->slot[i].hash == hash && wt->slot[i].len == len &&
		    memcmp(ac->pool + wt->slot[i].off, key, len) == 0) {
			*at = i;
			return wt->slot[i].id;
		}
	return NONE;
}

static uint32_t
word_find(const struct extract_ac *ac, const char *key, uint32_t len, uint32_t hash)
{
	return table_find(&ac->words, ac->pool, key, len, hash);
}

static uint32_t
word_intern(struct extract_ac *ac, const char *key, uint32_t len, uint32_t hash)
{
	return table_put(ac, &ac->words, key, len, hash, (uint32_t)ac->words.n);
}

/* The tokenizer's hash of a key (FNV-1a). */
static uint32_t
key_hash(const char *key, size_t len)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)key[i]) * 16777619u;
	return h;
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
	table_grow(&ac->words);
	goto_grow(ac);
	new_state(ac);
	return ac;
}

static void
endings_free(struct extract_ac *ac)
{
	size_t i;

	for (i = 0; i < ac->neidx; i++)
		free(ac->eidx[i].list);
	free(ac->eidx);
	ac->eidx = NULL;
	ac->neidx = 0;
}

/* LG's endings indexed by their last byte. */
static void
endings_index(struct ending_index *x, const struct text_lang *lg)
{
	size_t i, b, e;
	uint32_t fill[256];

	x->lang = lg;
	memset(x->at, 0, sizeof x->at);
	for (i = 0; i < lg->nendings; i++) {
		e = lg->ending_len[i];
		for (b = 0; b < 256; b++)
			if (e == 0 || (unsigned char)lg->endings[i][e - 1] == b)
				x->at[b + 1]++;
	}
	for (b = 0; b < 256; b++)
		x->at[b + 1] += x->at[b];
	x->list = xreallocarray(NULL, x->at[256] + 1, sizeof *x->list);
	memcpy(fill, x->at, sizeof fill);
	for (i = 0; i < lg->nendings; i++) {
		e = lg->ending_len[i];
		for (b = 0; b < 256; b++)
			if (e == 0 || (unsigned char)lg->endings[i][e - 1] == b)
				x->list[fill[b]++] = (uint32_t)i;
	}
}

void
extract_ac_free(struct extract_ac *ac)
{
	if (ac == NULL)
		return;
	free(ac->words.slot);
	free(ac->stems.slot);
	free(ac->pool);
	free(ac->fail);
	free(ac->out);
	free(ac->dict);
	free(ac->child);
	free(ac->sibling);
	free(ac->word);
	free(ac->root_next);
	free(ac->root_child);
	free(ac->gkey);
	free(ac->gval);
	free(ac->pat);
	free(ac->lower);
	extract_text_free(&ac->scratch);
	endings_free(ac);
	free(ac);
}

/* The child of ST on word W, made when missing. Found by the root's
 * array or the goto table, not by walking the siblings: the root has a
 * child for every first word of the knowledge base's names, and a walk
 * made adding them quadratic (the most of the analyzer's start-up). */
static uint32_t
child_of(struct extract_ac *ac, uint32_t st, uint32_t w)
{
	uint32_t c;
	size_t n;

	if (st == 0) {
		if (w >= ac->rcap) {
			n = ac->rcap ? ac->rcap : 1024;
			while (n <= w)
				n *= 2;
			ac->root_child = xreallocarray(ac->root_child, n, sizeof *ac->root_child);
			memset(ac->root_child + ac->rcap, 0, (n - ac->rcap) * sizeof *ac->root_child);
			ac->rcap = n;
		}
		if (ac->root_child[w] != 0)
			return ac->root_child[w];
	} else if ((c = goto_get(ac, st, w)) != 0) {
		return c;
	}
	c = new_state(ac);
	ac->word[c] = w;
	ac->sibling[c] = ac->child[st];
	ac->child[st] = c;
	if (st != 0)
		goto_put(ac, st, w, c);
	else
		ac->root_child[w] = c;
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
		uint32_t w = word_intern(ac, k->key, k->klen, k->hash);

		if (w >= ac->lcap) {
			size_t cap = ac->lcap ? ac->lcap : 256;

			while (cap <= w)
				cap *= 2;
			ac->lower = xreallocarray(ac->lower, cap, 1);
			memset(ac->lower + ac->lcap, 0, cap - ac->lcap);
			ac->lcap = cap;
		}
		if (!k->upper)
			ac->lower[w] = 1;
		st = child_of(ac, st, w);
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
	p->lower_first = !t->tok[0].upper;
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
	ac->root_next = xcalloc(ac->words.n + 1, sizeof *ac->root_next);
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

/* The bytes of the UTF-8 character starting with byte B. */
static size_t
char_len(unsigned char b)
{
	return b < 0xc0 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
}

/* Whether token FIRST of T opens a sentence: the text's first, or the
 * first after a full stop, a question or exclamation mark, the Armenian
 * full stop or a line break. */
static int
opens_sentence(const struct extract_text *t, size_t first)
{
	const struct extract_tok *prev;
	size_t i;

	if (first == 0)
		return 1;
	prev = &t->tok[first - 1];
	for (i = prev->end; i < t->tok[first].start; i++)
		if (t->s[i] == '\n')
			return 1;
	return !prev->word && (prev->end - prev->start == 1 ? strchr(".!?", t->s[prev->start]) != NULL :
	    prev->end - prev->start == 2 && memcmp(t->s + prev->start, "\xd6\x89", 2) == 0);
}

/* Whether token K of T is a word opening with a digit. */
static int
number_at(const struct extract_text *t, size_t k)
{
	return k < t->ntok && t->tok[k].word && t->tok[k].klen > 0 && t->tok[k].key[0] >= '0' &&
	    t->tok[k].key[0] <= '9';
}

/* Whether the text tokens [first, first + ntok) have P's letter case; a
 * word written in lower case may open a sentence capitalized when a
 * number follows it, as a month's day does ("Նոյեմբերի 26-ի ...",
 * "Noyabrın 26-da ..."); a given name opening one does not ("Марта Кос
 * заявила", "Ноябрь Пашинян провел"), nor mid-sentence. */
static int
exact_ok(const struct extract_ac *ac, const struct pattern *p,
    const struct extract_text *t, size_t first)
{
	const char *piece = ac->pool + p->exact;
	size_t i, n, a, b;

	for (i = 0; i < p->ntok; i++) {
		const struct extract_tok *k = &t->tok[first + i];
		n = strlen(piece);
		if (k->end - k->start != n || memcmp(t->s + k->start, piece, n) != 0) {
			/* the same word but its first letter, folded alike */
			a = char_len((unsigned char)t->s[k->start]);
			b = char_len((unsigned char)piece[0]);
			if (i > 0 || !k->upper || !p->lower_first ||
			    !opens_sentence(t, first) || !number_at(t, first + p->ntok) ||
			    k->end - k->start < a || n < b || k->end - k->start - a != n - b ||
			    memcmp(t->s + k->start + a, piece + b, n - b) != 0)
				return 0;
		}
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

/* Whether W ends in SUFFIX leaving at least MIN characters. */
static int
strips(const char *w, size_t n, const char *suffix, size_t k, size_t min)
{
	size_t keep = text_lang_min_bytes(w, n, min);

	return keep != SIZE_MAX && n >= k && n - k >= keep && memcmp(w + n - k, suffix, k) == 0;
}

void
extract_ac_inflect(struct extract_ac *ac, const struct text_langs *langs)
{
	size_t i, j, l, n = ac->words.cap, k;
	uint32_t id, len;
	char *key;

	endings_free(ac);
	if (langs != NULL && langs->n > 0)
		ac->eidx = xcalloc(langs->n, sizeof *ac->eidx);
	for (l = 0; langs != NULL && l < langs->n; l++)
		if (langs->v[l].nendings > 0)
			endings_index(&ac->eidx[ac->neidx++], &langs->v[l]);
	for (l = 0; langs != NULL && l < langs->n; l++) {
		const struct text_lang *lg = &langs->v[l];

		for (i = 0; i < n && lg->nstem > 0; i++) {
			if ((id = ac->words.slot[i].id) == NONE)
				continue;
			len = ac->words.slot[i].len;
			for (j = 0; j < lg->nstem; j++) {
				k = strlen(lg->stem_endings[j]);
				if (!strips(ac->pool + ac->words.slot[i].off, len, lg->stem_endings[j], k,
				    lg->min_stem))
					continue;
				/* The pool may move while the stem is added. */
				key = xstrndup(ac->pool + ac->words.slot[i].off, len - k);
				stem_put(ac, key, (uint32_t)(len - k), key_hash(key, len - k), id);
				free(key);
			}
		}
	}
}

/* Whether a phrase ends at state ST, itself or one it ends with. */
static int
phrase_ends(const struct extract_ac *ac, uint32_t st)
{
	return ac->out[st] != NONE || ac->dict[st] != 0;
}

/* Whether word W leads on from state ST (into *NEXT), and to the end
 * of a phrase. */
static int
leads(const struct extract_ac *ac, uint32_t st, uint32_t w, uint32_t *next, int *ends)
{
	if (w == NONE || (*next = step(ac, st, w)) == 0)
		return 0;
	*ends = phrase_ends(ac, *next);
	return 1;
}

/* The phrase word token K is an inflection of in LANG that leads on from
 * state ST, or NONE. One that ends a phrase wins over one that only
 * starts one: "Армении" is "Армения" + "и" sooner than "Армен" + "ии"
 * (the first name of "Армен Саркисян"), though endings are tried longest
 * first. */
static uint32_t inflected(const struct extract_ac *, const struct extract_tok *,
    const struct text_lang *, uint32_t, const struct extract_tok *);

/* Whether token K, as written or inflected, goes on along the phrase at
 * state ST (no failure link back to where another phrase begins). */
static int
goes_on(const struct extract_ac *ac, const struct extract_tok *k, const struct text_lang *lang,
    uint32_t st)
{
	uint32_t w = word_find(ac, k->key, k->klen, k->hash);

	if (w != NONE && goto_get(ac, st, w) != 0)
		return 1;
	return k->word && inflected(ac, k, lang, st, k) != NONE;
}

static uint32_t
inflected(const struct extract_ac *ac, const struct extract_tok *k, const struct text_lang *lang,
    uint32_t st, const struct extract_tok *after)
{
	const struct ending_index *x = NULL;
	size_t i, e, n, keep, at, end, slot;
	uint32_t h, w, next, first = NONE;
	int ends;

	/* What the stem keeps is the token's, whatever the ending: counted
	 * once, not once an ending (strips() for each would walk the token
	 * as many times as the language has endings). */
	keep = text_lang_min_bytes(k->key, k->klen, lang->min_stem);
	if (keep == SIZE_MAX)    /* keep <= klen otherwise */
		return NONE;
	for (i = 0; i < ac->neidx && x == NULL; i++)
		if (ac->eidx[i].lang == lang)
			x = &ac->eidx[i];
	if (x != NULL && k->klen > 0) {
		at = x->at[(unsigned char)k->key[k->klen - 1]];
		end = x->at[(unsigned char)k->key[k->klen - 1] + 1];
	} else {
		x = NULL;
		at = 0;
		end = lang->nendings;
	}
	for (; at < end; at++) {
		i = x != NULL ? x->list[at] : at;
		e = lang->ending_len[i];
		if (e > k->klen - keep || (e > 0 && k->key[k->klen - 1] != lang->endings[i][e - 1]) ||
		    memcmp(k->key + k->klen - e, lang->endings[i], e) != 0)
			continue;
		n = k->klen - e;
		h = key_hash(k->key, n);
		/* the word itself, then each word with that stem */
		w = word_find(ac, k->key, (uint32_t)n, h);
		slot = SIZE_MAX;
		for (;;) {
			if (after == k) {
				/* goes_on()'s question */
				if (w != NONE && (k->upper || w >= ac->lcap || ac->lower[w]) &&
				    goto_get(ac, st, w) != 0)
					return w;
			} else if (w != NONE && (k->upper || w >= ac->lcap || ac->lower[w]) &&
			    leads(ac, st, w, &next, &ends)) {
				if (ends)
					return w;
				/* "Южного Кавказа": "южн" is "южный" and
				 * "южная"; the one the next word goes on from */
				if (after != NULL && goes_on(ac, after, lang, next))
					return w;
				if (first == NONE)
					first = w;
			}
			if ((w = stem_next(ac, k->key, (uint32_t)n, h, &slot)) == NONE)
				break;
		}
	}
	return first;
}

/* Token I of T as written only begins a longer phrase; as an inflection
 * it may end one: the Armenian genitive "Հայաստանի" is the first word of
 * "Հայաստանի Հանրապետություն" and "Հայաստան" + "ի". The phrases it ends
 * as an inflection are emitted while the scan goes on along the longer
 * one; which of overlapping occurrences stands is the caller's choice,
 * as for a phrase that begins a longer one ("Russia", "Russia Today"). */
static void
shorter_inflected(const struct extract_ac *ac, const struct extract_text *t, size_t i,
    const struct extract_tok *k, const struct text_lang *lang, uint32_t st,
    struct extract_occ **occ, size_t *n, size_t *cap)
{
	uint32_t w, to, o;

	if ((w = inflected(ac, k, lang, st, NULL)) == NONE || (to = step(ac, st, w)) == 0 ||
	    !phrase_ends(ac, to))
		return;
	o = ac->out[to] != NONE ? to : ac->dict[to];
	for (; o != 0; o = ac->dict[o])
		emit(ac, o, t, i, occ, n, cap);
}

void
extract_ac_scan_lang(const struct extract_ac *ac, const struct extract_text *t,
    const struct text_lang *lang, struct extract_occ **occ, size_t *n, size_t *cap)
{
	uint32_t st = 0, w, o, next;
	size_t i;

	if (ac->root_next == NULL)
		return;
	if (lang != NULL && lang->nendings == 0)
		lang = NULL;
	for (i = 0; i < t->ntok; i++) {
		const struct extract_tok *k = &t->tok[i];

		w = word_find(ac, k->key, k->klen, k->hash);
		next = w != NONE ? step(ac, st, w) : 0;
		/* A word of one alias may be another's inflection ("России"
		 * in "Информационное агентство России" and of "Россия"):
		 * where the word leads nowhere, its inflection may. */
		if (next == 0 && lang != NULL && k->word &&
		    (o = inflected(ac, k, lang, st, i + 1 < t->ntok ? &t->tok[i + 1] : NULL)) != NONE) {
			w = o;
			next = step(ac, st, w);
		} else if (next != 0 && lang != NULL && k->word && !phrase_ends(ac, next))
			shorter_inflected(ac, t, i, k, lang, st, occ, n, cap);
		if (w == NONE) {
			st = 0;
			continue;
		}
		st = next;
		if (st == 0)
			continue;
		o = ac->out[st] != NONE ? st : ac->dict[st];
		for (; o != 0; o = ac->dict[o])
			emit(ac, o, t, i, occ, n, cap);
	}
}

void
extract_ac_scan(const struct extract_ac *ac, const struct extract_text *t,
    struct extract_occ **occ, size_t *n, size_t *cap)
{
	extract_ac_scan_lang(ac, t, NULL, occ, n, cap);
}
