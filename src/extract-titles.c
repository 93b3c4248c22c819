/*
 * extract-titles.c: who holds a title. "The foreign minister said" names
 * the one person of the knowledge base whose role the title fits. The
 * people with roles grow with the corpus (a person found after a title,
 * "Defence Minister Peeter Saar", is stored with it), so they are indexed
 * once, when the extractor is made, under each whole title and under its
 * last word less its ending of gender ("minister", "spokes"): a cue of
 * more words fits a role only when it is the whole title, a one-word cue
 * only when the last words are the same but for that ending, so a lookup
 * reads the people under its own key, not every holder.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract-int.h"
#include "util.h"

struct extract_titles {
	struct extract_title_holder *e;   /* by key, then entity; each pair once */
	size_t n;
};

size_t
extract_sex_neutral(const char *word, size_t len)
{
	static const char *const ends[] = { "woman", "man", "person" };
	size_t i, n;

	for (i = 0; i < ARRAY_LEN(ends); i++) {
		n = strlen(ends[i]);
		if (len > n + 2 && strncasecmp(word + len - n, ends[i], n) == 0)
			return len - n;
	}
	return len;
}

/* Whether one-word titles A and B are the same but for the ending of
 * gender: the spokeswoman is the ministry's Spokesperson. */
static int
same_title(const char *a, const char *b)
{
	size_t na = extract_sex_neutral(a, strlen(a)), nb = extract_sex_neutral(b, strlen(b));

	return na == nb && strncasecmp(a, b, na) == 0 &&
	    (na < strlen(a) || strlen(a) == strlen(b)) && (nb < strlen(b) || strlen(a) == strlen(b));
}

int
extract_title_fits(const char *cue, const char *title)
{
	const char *sp;

	if (strcasecmp(cue, title) == 0)
		return 1;
	if (strchr(cue, ' ') != NULL)
		return 0;
	sp = strrchr(title, ' ');
	return same_title(cue, sp != NULL ? sp + 1 : title);
}

/* The keys of a title, in ASCII lower case as strcasecmp compares:
 * "w" and its last word less its ending of gender, which a one-word cue
 * fitting it has; "t" and the whole of it, which a cue of more words
 * fitting it is. */
static char *
key_of(char kind, const char *text, size_t n)
{
	char *key = xmalloc(n + 2);
	size_t i;

	key[0] = kind;
	for (i = 0; i < n; i++)
		key[i + 1] = text[i] >= 'A' && text[i] <= 'Z' ? (char)(text[i] - 'A' + 'a') : text[i];
	key[n + 1] = '\0';
	return key;
}

static char *
word_key(const char *title)
{
	const char *w = strrchr(title, ' ');

	w = w != NULL ? w + 1 : title;
	return key_of('w', w, extract_sex_neutral(w, strlen(w)));
}

static char *
title_key(const char *title)
{
	return key_of('t', title, strlen(title));
}

/* The key a cue is looked up under: a cue of more words fits a title
 * only when it is the whole title, one word any title ending in it. */
static char *
cue_key(const char *cue)
{
	return strchr(cue, ' ') != NULL ? title_key(cue) : word_key(cue);
}

static int
by_key(const void *a, const void *b)
{
	const struct extract_title_holder *x = a, *y = b;
	int d = strcmp(x->key, y->key);

	return d != 0 ? d : (x->entity > y->entity) - (x->entity < y->entity);
}

struct extract_titles *
extract_titles_new(const struct kb *kb)
{
	struct extract_titles *t = xcalloc(1, sizeof *t);
	size_t i, j, cap = 0, n;

	for (i = 0; i < kb->nholders; i++) {
		const struct kb_entity *p = &kb->ents[kb->holders[i]];

		if (p->kind != KB_PERSON)
			continue;
		for (j = 0; j < p->nroles; j++) {
			if (t->n + 2 > cap) {
				cap = cap != 0 ? 2 * cap : 64;
				t->e = xreallocarray(t->e, cap, sizeof *t->e);
			}
			t->e[t->n].key = word_key(p->roles[j].title);
			t->e[t->n++].entity = kb->holders[i];
			t->e[t->n].key = title_key(p->roles[j].title);
			t->e[t->n++].entity = kb->holders[i];
		}
	}
	if (t->n > 1)
		qsort(t->e, t->n, sizeof *t->e, by_key);
	/* a person with two roles of one key is read once */
	for (i = n = 0; i < t->n; i++) {
		if (n > 0 && by_key(&t->e[n - 1], &t->e[i]) == 0) {
			free(t->e[i].key);
			continue;
		}
		t->e[n++] = t->e[i];
	}
	t->n = n;
	return t;
}

void
extract_titles_free(struct extract_titles *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->n; i++)
		free(t->e[i].key);
	free(t->e);
	free(t);
}

const struct extract_title_holder *
extract_titles_find(const struct extract_titles *t, const char *cue, size_t *n)
{
	struct extract_title_holder probe;
	size_t lo = 0, hi = t->n, mid;

	*n = 0;
	if (t->n == 0)
		return NULL;
	probe.key = cue_key(cue);
	probe.entity = -1;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (by_key(&t->e[mid], &probe) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (*n = 0; lo + *n < t->n && strcmp(t->e[lo + *n].key, probe.key) == 0; (*n)++)
		;
	free(probe.key);
	return t->e + lo;
}
