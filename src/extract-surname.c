/*
 * extract-surname.c: a known person named in full, then by surname alone.
 * News style names a person once in full ("Арарат Мирзоян", "Maros
 * Sefcovic") and then by the surname ("По словам Мирзояна", "Sefcovic
 * told reporters"); the knowledge base cannot list every surname in every
 * script as an alias of its own (a bare "Aliyev" is two presidents). So
 * for each person named in an article, the last word of each of its
 * names of two words or more is, after that person's first mention and
 * with the case endings of the article's language, a mention of that
 * person, unless another person named in the article has the same
 * surname.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract-int.h"

#define MIN_SURNAME_CHARS 3   /* "Yi" or "Un" alone names nobody surely */

struct surnames {
	struct extract_ac *ac;
	size_t *first;        /* by kb index: the token of its first mention */
	int *seen;            /* kb indexes of the people named */
	size_t nseen;
};

/* Whether token K of T is a hyphen written tight between two words. */
static int
tight_hyphen(const struct extract_text *t, size_t k)
{
	const struct extract_tok *h = &t->tok[k];

	return k > 0 && k + 1 < t->ntok && h->klen == 1 && h->key[0] == '-' &&
	    h->start == t->tok[k - 1].end && t->tok[k + 1].start == h->end;
}

/* Files the last word of each name of person E in S->ac. */
static void
add_person(struct surnames *S, const struct kb_entity *p, int e, struct extract_text *tmp)
{
	size_t i;

	for (i = 0; i <= p->naliases; i++) {
		const char *name = i == 0 ? p->name : p->aliases[i - 1].text;
		const struct extract_tok *last;
		size_t first;
		char *word;

		if (extract_text_set(tmp, name, strlen(name)) != 0 || tmp->ntok < 2)
			continue;
		first = tmp->ntok - 1;
		last = &tmp->tok[first];
		if (!last->word || !last->upper ||
		    text_lang_min_bytes(last->key, last->klen, MIN_SURNAME_CHARS) == SIZE_MAX)
			continue;
		/* "al-Busaidi": the surname is the hyphenated whole. */
		while (first >= 2 && tight_hyphen(tmp, first - 1))
			first -= 2;
		if (first == 0)
			continue;
		word = xstrndup(name + tmp->tok[first].start, last->end - tmp->tok[first].start);
		extract_ac_add(S->ac, word, (uint32_t)e, 0);
		free(word);
	}
}

/* Whether an occurrence other than O at the same token names another
 * person: the surname is shared and names neither. */
static int
shared(const struct extract_occ *occ, size_t n, size_t o)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (i != o && occ[i].first == occ[o].first && occ[i].payload != occ[o].payload)
			return 1;
	return 0;
}

void
extract_surnames(struct extract_ctx *c, const struct text_langs *langs)
{
	struct surnames S;
	struct extract_text tmp;
	struct extract_occ *occ = NULL;
	size_t nocc = 0, cap = 0, i, j, k;
	int e;

	memset(&S, 0, sizeof S);
	S.ac = extract_ac_new();
	S.seen = xreallocarray(NULL, c->nm + 1, sizeof *S.seen);
	S.first = xreallocarray(NULL, c->nm + 1, sizeof *S.first);
	extract_text_init(&tmp);
	for (i = 0; i < c->nm; i++) {
		e = c->m[i].entity;
		if (e < 0 || c->kb->ents[e].kind != KB_PERSON)
			continue;
		for (j = 0; j < S.nseen && S.seen[j] != e; j++)
			;
		if (j < S.nseen) {
			if (c->m_first[i] < S.first[j])
				S.first[j] = c->m_first[i];
			continue;
		}
		S.seen[S.nseen] = e;
		S.first[S.nseen++] = c->m_first[i];
		add_person(&S, &c->kb->ents[e], e, &tmp);
	}
	extract_text_free(&tmp);
	if (extract_ac_phrases(S.ac) > 0) {
		extract_ac_build(S.ac);
		extract_ac_inflect(S.ac, langs);
		extract_ac_scan_lang(S.ac, &c->t, c->lang, &occ, &nocc, &cap);
	}
	for (i = 0; i < nocc; i++) {
		k = occ[i].first;
		if (!c->t.tok[k].upper || !extract_free(c, k, occ[i].last) || shared(occ, nocc, i))
			continue;
		/* "El-Ensari" is another name than "Ensari". */
		if (k >= 2 && tight_hyphen(&c->t, k - 1))
			continue;
		for (j = 0; j < S.nseen && S.seen[j] != (int)occ[i].payload; j++)
			;
		if (j < S.nseen && k > S.first[j])
			extract_add_mention(c, k, occ[i].last, (int)occ[i].payload, EXTRACT_ANAPHORA);
	}
	free(occ);
	free(S.seen);
	free(S.first);
	extract_ac_free(S.ac);
}
