/*
 * analyze-eval.c: gathers what the database holds for the gold's articles
 * (their entities, statements and each statement's related statements)
 * and has extract_eval score it. `dossier eval` and the quality test use
 * it, so both measure exactly what a user would see.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "extract.h"
#include "util.h"

struct gathered {
	struct extract_eval_entity *ent;
	size_t nent;
	struct extract_eval_statement *st;
	int64_t *sid;
	size_t nst;
	const char **files;
	size_t nfiles;
	char **owned;         /* strings to free */
	size_t nowned;
};

static const char *
own(struct gathered *g, char *s)
{
	g->owned = xreallocarray(g->owned, g->nowned + 1, sizeof *g->owned);
	g->owned[g->nowned++] = s;
	return s;
}

/* Whether NAME is among the names found from context in FILE (gathered
 * first): such a speaker is named as the article spells it. */
static int
found_here(const struct gathered *g, const char *file, const char *name)
{
	size_t i;

	for (i = 0; i < g->nent; i++)
		if (g->ent[i].found && strcmp(g->ent[i].file, file) == 0 &&
		    strcmp(g->ent[i].name, name) == 0)
			return 1;
	return 0;
}

static int
gather_article(struct store *st, struct gathered *g, const char *file, int64_t id)
{
	struct store_entity *e;
	struct store_statement *s;
	size_t ne, ns, i;
	int found;

	/* The knowledge base's entities, then the names found from context:
	 * what the side pane shows. */
	for (found = 0; found <= 1; found++) {
		if (store_article_entities(st, id, found, &e, &ne) != 0)
			return -1;
		g->ent = xreallocarray(g->ent, g->nent + ne + 1, sizeof *g->ent);
		for (i = 0; i < ne; i++) {
			g->ent[g->nent].file = file;
			g->ent[g->nent].found = found;
			g->ent[g->nent].id = e[i].id;
			g->ent[g->nent].kind = e[i].kind != NULL ? own(g, e[i].kind) : NULL;
			g->ent[g->nent++].name = own(g, e[i].name);
			e[i].name = e[i].kind = NULL;
		}
		store_entity_list_free(e, ne);
	}
	if (store_article_statements(st, id, &s, &ns) != 0)
		return -1;
	g->st = xreallocarray(g->st, g->nst + ns + 1, sizeof *g->st);
	g->sid = xreallocarray(g->sid, g->nst + ns + 1, sizeof *g->sid);
	for (i = 0; i < ns; i++) {
		memset(&g->st[g->nst], 0, sizeof g->st[0]);
		g->st[g->nst].file = file;
		g->st[g->nst].text = s[i].text ? own(g, s[i].text) : NULL;
		g->st[g->nst].speaker = s[i].speaker ? own(g, s[i].speaker) : NULL;
		g->st[g->nst].speaker_id = s[i].speaker_id;
		g->st[g->nst].speaker_found = s[i].speaker != NULL && found_here(g, file, s[i].speaker);
		s[i].text = s[i].speaker = NULL;
		g->sid[g->nst++] = s[i].id;
	}
	store_statement_list_free(s, ns);
	return 0;
}

/* What known() reads with, and whether the store failed it. */
struct known_ctx {
	struct store *st;
	int failed;
};

/* The entity NAME is a name of (canonical or alias, letter case aside),
 * of KIND when given, or 0: how the reader's canonical names are read.
 * A store error is kept for analyze_eval, which fails with it. */
static int64_t
known(void *arg, const char *name, const char *kind)
{
	struct known_ctx *k = arg;
	struct store_entity e;
	int64_t id;
	int same;

	if (k->failed)
		return 0;
	if (store_entity_find(k->st, name, &id) != 0) {
		k->failed = 1;
		return 0;
	}
	if (id == 0 || kind == NULL)
		return id;
	if (store_entity_get(k->st, id, &e) != 0) {
		k->failed = 1;
		return 0;
	}
	same = e.kind != NULL && strcmp(e.kind, kind) == 0;
	store_entity_free(&e);
	return same ? id : 0;
}

/* Each statement's related ones, as indexes among the gathered. */
static int
gather_related(struct store *st, struct gathered *g)
{
	struct store_statement *r;
	size_t n, i, k, j;
	size_t *idx;

	for (i = 0; i < g->nst; i++) {
		if (store_related(st, g->sid[i], 5, &r, &n) != 0)
			return -1;
		idx = xreallocarray(NULL, n + 1, sizeof *idx);
		for (k = 0; k < n; k++) {
			idx[k] = SIZE_MAX;
			for (j = 0; j < g->nst; j++)
				if (g->sid[j] == r[k].id)
					idx[k] = j;
		}
		g->st[i].related = idx;
		g->st[i].nrelated = n;
		store_statement_list_free(r, n);
	}
	return 0;
}

static void
gathered_free(struct gathered *g)
{
	size_t i;

	for (i = 0; i < g->nst; i++)
		free((size_t *)(uintptr_t)g->st[i].related);
	for (i = 0; i < g->nowned; i++)
		free(g->owned[i]);
	free(g->owned);
	free(g->ent);
	free(g->st);
	free(g->sid);
	free(g->files);
}

int
analyze_eval(struct store *st, const char *gold_dir, struct extract_eval_scores *sc,
    struct buf *misses)
{
	struct extract_gold *gold;
	struct extract_eval_input in;
	struct gathered g;
	struct known_ctx kc = { st, 0 };
	const char *const *files;
	size_t nfiles, i;
	int64_t id;
	int rc = 0;

	if (extract_gold_load(gold_dir, &gold) != 0)
		return -1;
	memset(&g, 0, sizeof g);
	nfiles = extract_gold_files(gold, &files);
	g.files = xreallocarray(NULL, nfiles + 1, sizeof *g.files);
	for (i = 0; i < nfiles && rc == 0; i++) {
		if ((rc = store_article_by_file(st, files[i], &id)) != 0 || id == 0)
			continue;
		g.files[g.nfiles++] = files[i];
		rc = gather_article(st, &g, files[i], id);
	}
	if (rc == 0)
		rc = gather_related(st, &g);
	if (rc == 0 && g.nfiles == 0)
		rc = err_set("%s: none of its articles is in the database (import them first)",
		    gold_dir);
	if (rc == 0) {
		memset(&in, 0, sizeof in);
		in.files = g.files;
		in.nfiles = g.nfiles;
		in.entities = g.ent;
		in.nentities = g.nent;
		in.statements = g.st;
		in.nstatements = g.nst;
		in.known = known;
		in.known_arg = &kc;
		extract_eval(gold, &in, sc, misses);
		if (kc.failed)
			rc = -1;
	}
	gathered_free(&g);
	extract_gold_free(gold);
	return rc;
}
