/*
 * anno-intercoder.c: two coders' work over the articles both of them
 * coded, as units (the stored sentences of those articles) marked tag by
 * tag with who coded each: what `dossier intercoder` turns into
 * agreement coefficients (anno_agree) and the reader into its list of
 * disagreements.
 *
 * A coder coded a unit with a tag when one of that coder's active
 * highlights carrying the tag overlaps the sentence; so each tag gives
 * every unit one of four outcomes (both, only A, only B, neither). Only
 * active highlights count: an orphaned one's offsets belong to another
 * version of the article, and a deleted one was withdrawn.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "anno.h"
#include "store.h"
#include "text.h"
#include "util.h"

void
anno_intercoder_free(struct anno_intercoder *ic)
{
	size_t i;

	for (i = 0; i < 2; i++)
		store_anno_list_free(ic->rows[i], ic->nrows[i]);
	for (i = 0; i < ic->narts; i++)
		free(ic->arts[i].sent);
	free(ic->arts);
	for (i = 0; i < ic->ntags; i++) {
		free(ic->tags[i].name);
		free(ic->tags[i].mark);
	}
	free(ic->tags);
	ic->rows[0] = ic->rows[1] = NULL;
	ic->nrows[0] = ic->nrows[1] = 0;
	ic->arts = NULL;
	ic->tags = NULL;
	ic->narts = ic->units = ic->ntags = 0;
}

static int
tag_wanted(const char *want, const char *name)
{
	size_t k;

	if (want == NULL)
		return 1;
	k = strlen(want);
	return strncmp(name, want, k) == 0 && (name[k] == '\0' || name[k] == '/');
}

/* The articles in both coders' rows (each list is in article order),
 * with their sentences. */
static int
common_articles(struct store *st, struct anno_intercoder *ic)
{
	size_t i = 0, j = 0;

	while (i < ic->nrows[0] && j < ic->nrows[1]) {
		int64_t a = ic->rows[0][i].article_id, b = ic->rows[1][j].article_id;
		struct anno_units_article *u;

		if (a < b || b < a) {
			if (a < b)
				i++;
			else
				j++;
			continue;
		}
		ic->arts = xreallocarray(ic->arts, ic->narts + 1, sizeof *ic->arts);
		u = &ic->arts[ic->narts++];
		memset(u, 0, sizeof *u);
		u->id = a;
		u->base = ic->units;
		if (store_sentences_get(st, a, &u->sent, &u->nsent) != 0)
			return -1;
		ic->units += u->nsent;
		while (i < ic->nrows[0] && ic->rows[0][i].article_id == a)
			i++;
		while (j < ic->nrows[1] && ic->rows[1][j].article_id == a)
			j++;
	}
	return 0;
}

static struct anno_units_tag *
tag_for(struct anno_intercoder *ic, const char *name)
{
	size_t i;

	for (i = 0; i < ic->ntags; i++)
		if (strcmp(ic->tags[i].name, name) == 0)
			return &ic->tags[i];
	ic->tags = xreallocarray(ic->tags, ic->ntags + 1, sizeof *ic->tags);
	ic->tags[ic->ntags].name = xstrdup(name);
	ic->tags[ic->ntags].mark = xcalloc(ic->units > 0 ? ic->units : 1, 1);
	return &ic->tags[ic->ntags++];
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const struct anno_units_tag *)a)->name,
	    ((const struct anno_units_tag *)b)->name);
}

/* Marks the units each coder's highlights overlap, tag by tag. */
static void
mark_units(struct anno_intercoder *ic)
{
	size_t c, r, k, t, first, last, u;

	for (c = 0; c < 2; c++) {
		for (r = 0, k = 0; r < ic->nrows[c]; r++) {
			const struct store_anno *a = &ic->rows[c][r];
			const struct anno_units_article *art;

			while (k < ic->narts && ic->arts[k].id < a->article_id)
				k++;
			if (k == ic->narts || ic->arts[k].id != a->article_id)
				continue;
			art = &ic->arts[k];
			if (text_span_overlap(art->sent, art->nsent, a->start, a->end, &first,
			    &last) != 0)
				continue;
			for (t = 0; t < a->ntags; t++) {
				struct anno_units_tag *tu;

				if (!tag_wanted(ic->tag, a->tags[t].name))
					continue;
				tu = tag_for(ic, a->tags[t].name);
				for (u = first; u <= last; u++)
					tu->mark[art->base + u] |= (unsigned char)(1u << c);
			}
		}
	}
	if (ic->ntags > 1)
		qsort(ic->tags, ic->ntags, sizeof *ic->tags, by_name);
}

static int
load_coders(struct store *st, struct anno_intercoder *ic)
{
	size_t c;

	for (c = 0; c < 2; c++) {
		struct store_anno_filter f = { .status = -1,
			.states = STORE_ANNO_STATE_BIT(STORE_ANNO_ACTIVE), .coder = ic->coder[c] };
		int known = store_anno_coder_known(st, ic->coder[c]);

		if (known < 0)
			return -1;
		if (known == 0)
			return err_set("no annotations by a coder named '%s'", ic->coder[c]);
		if (store_anno_list(st, &f, &ic->rows[c], &ic->nrows[c]) != 0)
			return -1;
	}
	return 0;
}

int
anno_intercoder_load(struct store *st, struct anno_intercoder *ic)
{
	struct store_tag tag;
	int rc;

	rc = load_coders(st, ic);
	if (rc == 0 && ic->tag != NULL && (rc = store_tag_find(st, ic->tag, &tag)) >= 0) {
		if (rc == 1)
			rc = err_set("no tag named '%s' (dossier tag lists them)", ic->tag);
		else
			store_tag_free(&tag);
	}
	if (rc == 0)
		rc = common_articles(st, ic);
	if (rc == 0 && ic->narts == 0)
		rc = err_set("'%s' and '%s' have coded no article in common", ic->coder[0],
		    ic->coder[1]);
	if (rc != 0)
		return -1;
	mark_units(ic);
	return 0;
}

void
anno_intercoder_table(const struct anno_intercoder *ic, const struct anno_units_tag *tu,
    struct anno_agree_table *t)
{
	size_t u;

	memset(t, 0, sizeof *t);
	for (u = 0; u < ic->units; u++) {
		switch (tu->mark[u]) {
		case 3: t->both++; break;
		case 1: t->first_only++; break;
		case 2: t->second_only++; break;
		default: t->neither++; break;
		}
	}
}

const struct anno_units_article *
anno_intercoder_place(const struct anno_intercoder *ic, size_t u, size_t *sentence)
{
	size_t k = 0;

	while (k + 1 < ic->narts && ic->arts[k + 1].base <= u)
		k++;
	*sentence = u - ic->arts[k].base + 1;
	return &ic->arts[k];
}
