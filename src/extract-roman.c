/*
 * extract-roman.c: a known person named in another script or language.
 * The knowledge base spells most people once, in English ("Dmitry
 * Peskov", "Majed Al-Ansari"); Russian, Armenian, Turkish and Azerbaijani
 * news spell them in their own letters ("Дмитрий Песков", "Mecid
 * el-Ensari"). Spelled in Latin letters by the language's [romanize]
 * lines (data/lang/), such a name keeps the English one's consonants
 * while its vowels drift (Dmitriy/Dmitry, Ensari/Ansari) and "kh" may
 * be the English "h" (Khakan/Hakan). So people are
 * indexed by the consonants of each word of their Latin names, and a name
 * found after a title is looked up under its own; a key two people share
 * finds neither. A foreign name is written in the language's letters by
 * how it sounds, not by the usual romanization's reverse ("Josep" is
 * "Жозеп", "Lajcak" "Лайчак"), so a name no one's key has is tried
 * again with the other Latin spellings the language's lines give each
 * letter group, and names the one person some choice of them finds.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract-int.h"

struct roman_entry {
	char *key;
	int entity;           /* -1: more than one person */
};

struct extract_roman {
	struct roman_entry *v;
	size_t n;
};

static int
is_vowel(char ch)
{
	return strchr("aeiouy", ch) != NULL;
}

/* The consonant key of LATIN into OUT: ASCII letters only, vowels and
 * doubled letters dropped, words one space apart ("el-Ensari" is one
 * word). The number of words, -1 when LATIN holds another letter. */
static int
key_words(const char *latin, size_t n, struct buf *out)
{
	size_t i;
	int words = 0;
	char ch, prev = ' ';

	buf_reset(out);
	for (i = 0; i < n; i++) {
		ch = latin[i];
		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if (ch == ' ') {
			if (prev != ' ' && out->len > 0)
				buf_addc(out, ' ');
			prev = ' ';
			continue;
		}
		if (ch == '-' || ch == '\'' || ch == '.')
			continue;
		if (ch < 'a' || ch > 'z')
			return -1;
		if (prev == ' ')
			words++;
		/* "c" before "e", "i" or "y" is an "s" in English, French and
		 * Spanish names ("Bruce", "Vance": Russian "Брюс", "Вэнс"),
		 * and stays a "c", the "k" of "Carlos" ("Карлос"), elsewhere */
		if (ch == 'c' && i + 1 < n && strchr("eiyEIY", latin[i + 1]) != NULL)
			ch = 's';
		/* "kh" is one sound that English often writes "h" (Russian
		 * "Хакан" is "Khakan", the Turkish minister "Hakan") */
		if (ch == 'h' && prev == 'k' && out->len > 0 && out->data[out->len - 1] == 'k')
			out->data[out->len - 1] = 'h';
		else if (!is_vowel(ch) && ch != prev)
			buf_addc(out, ch);
		prev = ch;
	}
	while (out->len > 0 && out->data[out->len - 1] == ' ')
		out->data[--out->len] = '\0';
	return words;
}

/* The key of a name of two words or more; 0 when LATIN is none. */
static int
roman_key(const char *latin, size_t n, struct buf *out)
{
	return key_words(latin, n, out) >= 2 && out->len > 0;
}

static int
by_key(const void *a, const void *b)
{
	const struct roman_entry *x = a, *y = b;

	return strcmp(x->key, y->key);
}

struct extract_roman *
extract_roman_new(const struct kb *kb)
{
	struct extract_roman *r = xcalloc(1, sizeof *r);
	struct buf key;
	size_t i, j, w;

	buf_init(&key);
	for (i = 0; i < kb->n; i++) {
		const struct kb_entity *p = &kb->ents[i];

		if (p->kind != KB_PERSON)
			continue;
		for (j = 0; j <= p->naliases; j++) {
			const char *name = j == 0 ? p->name : p->aliases[j - 1].text;

			if (!roman_key(name, strlen(name), &key))
				continue;
			r->v = xreallocarray(r->v, r->n + 1, sizeof *r->v);
			r->v[r->n].key = xstrndup(key.data, key.len);
			r->v[r->n++].entity = (int)i;
		}
	}
	buf_free(&key);
	if (r->n > 0)
		qsort(r->v, r->n, sizeof *r->v, by_key);
	/* One entry a key; a key of two people names neither. */
	for (i = 0, w = 0; i < r->n; i++) {
		if (w > 0 && strcmp(r->v[w - 1].key, r->v[i].key) == 0) {
			if (r->v[w - 1].entity != r->v[i].entity)
				r->v[w - 1].entity = -1;
			free(r->v[i].key);
			continue;
		}
		r->v[w++] = r->v[i];
	}
	r->n = w;
	return r;
}

void
extract_roman_free(struct extract_roman *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++)
		free(r->v[i].key);
	free(r->v);
	free(r);
}

/* The first entry whose key is not below the first LEN bytes of KEY. */
static size_t
lower_bound(const struct extract_roman *r, const char *key, size_t len)
{
	size_t lo = 0, hi = r->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strncmp(r->v[mid].key, key, len) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static const struct roman_entry *
lookup(const struct extract_roman *r, const char *key)
{
	size_t i = lower_bound(r, key, strlen(key) + 1);

	return i < r->n && strcmp(r->v[i].key, key) == 0 ? &r->v[i] : NULL;
}

/* Whether each word of KEY has two consonants or more: a name of
 * shorter words ("Ли Цян") spelled another way would too often be
 * someone else's, or a pair of common words. */
static int
long_words(const char *key)
{
	size_t n;

	for (; *key != '\0'; key += n + (key[n] == ' ')) {
		n = strcspn(key, " ");
		if (n < 2)
			return 0;
	}
	return 1;
}

/* The choices of spellings tried for one name at most: each group
 * spelled a way no person's key begins with is cut short, so a name
 * reaches this only when many people's keys are alike. */
#define MAX_CHOICES 4096

/* A depth-first walk through the spellings of a name's letter groups. */
struct spelling_walk {
	const struct extract_roman *r;
	const struct extract_spelling *sp;
	size_t n;
	struct buf latin, key;
	unsigned choices;
	int found;            /* -2: no one yet; -1: more than one */
};

/* Whether some person's key begins with that of the spelling so far,
 * its last letter aside: the next group may yet make a "k" the "h" of
 * "kh", a "c" the "s" of "ce". */
static int
may_lead(struct spelling_walk *w)
{
	size_t i, len;

	if (key_words(w->latin.data, w->latin.len, &w->key) < 0)
		return 0;
	if (w->key.len < 2)
		return 1;
	len = w->key.len - 1;
	i = lower_bound(w->r, w->key.data, len);
	return i < w->r->n && strncmp(w->r->v[i].key, w->key.data, len) == 0;
}

static void
walk(struct spelling_walk *w, size_t i)
{
	const struct roman_entry *hit;
	size_t at = w->latin.len, j;

	if (w->found == -1 || ++w->choices > MAX_CHOICES)
		return;
	if (i == w->n) {
		if (!roman_key(w->latin.data, w->latin.len, &w->key) ||
		    (hit = lookup(w->r, w->key.data)) == NULL)
			return;
		if (w->found == -2 || hit->entity == -1)
			w->found = hit->entity;
		else if (w->found != hit->entity)
			w->found = -1;
		return;
	}
	if (i > 0 && !may_lead(w))
		return;
	if (w->sp[i].latin == NULL) {
		buf_addc(&w->latin, *w->sp[i].s);
		walk(w, i + 1);
	} else
		for (j = 0; j < w->sp[i].n; j++) {
			w->latin.len = at;
			buf_adds(&w->latin, w->sp[i].latin[j]);
			walk(w, i + 1);
		}
	w->latin.len = at;
	if (w->latin.data != NULL)
		w->latin.data[at] = '\0';
}

int
extract_roman_find(const struct extract_roman *r, const struct extract_spelling *sp, size_t n)
{
	const struct roman_entry *hit;
	struct spelling_walk w;
	size_t i;

	memset(&w, 0, sizeof w);
	buf_init(&w.latin);
	buf_init(&w.key);
	for (i = 0; i < n; i++) {
		if (sp[i].latin == NULL)
			buf_addc(&w.latin, *sp[i].s);
		else
			buf_adds(&w.latin, sp[i].latin[0]);
	}
	w.found = -2;
	if (r->n > 0 && roman_key(w.latin.data, w.latin.len, &w.key)) {
		if ((hit = lookup(r, w.key.data)) != NULL)
			w.found = hit->entity;
		else if (long_words(w.key.data)) {
			w.r = r;
			w.sp = sp;
			w.n = n;
			buf_reset(&w.latin);
			walk(&w, 0);
			if (w.choices > MAX_CHOICES)
				w.found = -1;
		}
	}
	buf_free(&w.latin);
	buf_free(&w.key);
	return w.found < 0 ? -1 : w.found;
}
