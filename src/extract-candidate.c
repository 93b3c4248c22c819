/*
 * extract-candidate.c: people the knowledge base does not know yet. News
 * style introduces a person with a title and the full name ("Turkish
 * Foreign Minister Hakan Fidan", "President Kassym-Jomart Tokayev"), then
 * uses the surname alone. A run of capitalized words after a capitalized
 * title, claimed by no alias, becomes a candidate entity; later uses of
 * its last word in the article are its mentions too. Candidates are shown
 * apart until the user promotes or dismisses them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract-int.h"

#define MAX_NAME_WORDS 4

/* Whether token K may be part of a name: a capitalized word that is no
 * cue word ("Tuesday", "The") and no other mention. */
static int
name_word(const struct extract_ctx *c, size_t k)
{
	const struct extract_tok *t = &c->t.tok[k];
	size_t other;

	if (k >= c->t.ntok || !t->word || !t->upper || c->ment_at[k] >= 0)
		return 0;
	return !extract_cue_from(c, k, CUE_STOPWORD, &other) &&
	    !extract_cue_from(c, k, CUE_SKIP, &other) &&
	    !extract_cue_from(c, k, CUE_MONTH, &other) &&
	    !extract_cue_from(c, k, CUE_TITLE, &other);
}

/* The name starting at K: its last token, or K - 1 when there is none.
 * Hyphens join ("Amir-Abdollahian"). */
static size_t
name_run(const struct extract_ctx *c, size_t k)
{
	size_t last = k - 1, words = 0;

	while (words < MAX_NAME_WORDS && name_word(c, k)) {
		last = k;
		words++;
		if (k + 2 < c->t.ntok && c->t.tok[k + 1].klen == 1 && c->t.tok[k + 1].key[0] == '-' &&
		    c->t.tok[k + 1].start == c->t.tok[k].end && name_word(c, k + 2))
			k += 2;
		else
			k++;
	}
	return last;
}

static char *
span_text(const struct extract_ctx *c, size_t first, size_t last)
{
	struct buf b;
	size_t k;
	char *s;

	buf_init(&b);
	for (k = first; k <= last; k++) {
		if (k > first && c->t.tok[k].start > c->t.tok[k - 1].end)
			buf_addc(&b, ' ');
		buf_add(&b, c->in->body + c->t.tok[k].start, c->t.tok[k].end - c->t.tok[k].start);
	}
	s = arena_strndup(c->a, b.data ? b.data : "", b.len);
	buf_free(&b);
	return s;
}

static int
add_candidate(struct extract_ctx *c, const char *name, const char *role)
{
	size_t i;

	for (i = 0; i < c->ncand; i++)
		if (strcmp(c->cand[i].name, name) == 0)
			return (int)i;
	if (c->ncand == c->candcap) {
		c->candcap = c->candcap ? c->candcap * 2 : 8;
		c->cand = xreallocarray(c->cand, c->candcap, sizeof *c->cand);
	}
	c->cand[c->ncand].name = name;
	c->cand[c->ncand].kind = KB_PERSON;
	c->cand[c->ncand].role = role;
	return (int)c->ncand++;
}

/* "Turkish Foreign Minister": the title held for the state before it. */
static const char *
role_of(struct extract_ctx *c, size_t tf, size_t tl)
{
	int m = tf > 0 ? c->ment_at[tf - 1] : -1;
	const char *title = span_text(c, tf, tl);
	char *r;
	int e;

	if (m < 0 || (e = c->m[m].entity) < 0 || c->kb->ents[e].kind != KB_STATE)
		return title;
	r = xasprintf("%s of %s", title, c->kb->ents[e].name);
	title = arena_strndup(c->a, r, strlen(r));
	free(r);
	return title;
}

/* Later uses of the surname alone are mentions of the candidate. */
static void
surname_mentions(struct extract_ctx *c, size_t from, size_t last, int cand)
{
	const struct extract_tok *s = &c->t.tok[last];
	size_t k;

	for (k = from; k < c->t.ntok; k++) {
		const struct extract_tok *t = &c->t.tok[k];

		if (t->upper && t->hash == s->hash && t->klen == s->klen &&
		    memcmp(t->key, s->key, t->klen) == 0 && c->ment_at[k] < 0)
			extract_add_mention(c, k, k, -cand - 1, EXTRACT_TITLE);
	}
}

void
extract_candidates(struct extract_ctx *c)
{
	size_t k, tf, last;
	const char *name, *role;
	int idx, cand;

	for (k = 0; k + 1 < c->t.ntok; k++) {
		if (!extract_cue_to(c, k, CUE_TITLE, &tf) || !c->t.tok[tf].upper)
			continue;
		last = name_run(c, k + 1);
		if (last == k)
			continue;
		name = span_text(c, k + 1, last);
		idx = kb_find(c->kb, name);
		if (idx >= 0)
			continue;   /* known, or dismissed by the user */
		role = role_of(c, tf, k);
		cand = add_candidate(c, name, role);
		extract_add_mention(c, k + 1, last, -cand - 1, EXTRACT_TITLE);
		surname_mentions(c, last + 1, last, cand);
		k = last;
	}
}
