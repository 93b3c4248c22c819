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
 * finds neither.
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
 * word). 0 when LATIN holds another letter or fewer than two words. */
static int
roman_key(const char *latin, size_t n, struct buf *out)
{
	size_t i, words = 0;
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
			return 0;
		if (prev == ' ')
			words++;
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
	return words >= 2 && out->len > 0;
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

int
extract_roman_find(const struct extract_roman *r, const char *latin, size_t n)
{
	struct roman_entry want, *hit;
	struct buf key;
	int e = -1;

	buf_init(&key);
	if (r->n > 0 && roman_key(latin, n, &key)) {
		want.key = key.data;
		want.entity = -1;
		hit = bsearch(&want, r->v, r->n, sizeof *r->v, by_key);
		e = hit != NULL ? hit->entity : -1;
	}
	buf_free(&key);
	return e;
}
