/*
 * extract-eval.c: how close extraction comes to what a careful reader
 * marks. The gold directory holds entities.tsv (per article, the canonical
 * names of what it names, and the forms it spells them in), statements.tsv
 * (the first words of each
 * attributed sentence, with its speaker) and related.tsv (groups of
 * statements in different articles that speak to one point). Given what
 * was found, this computes recall and precision of entities per article
 * and of statements (sentence and speaker), and the share of related
 * pairs where the other member is among a statement's first five related
 * statements. It knows nothing of the database: the caller gathers what
 * was found.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extract.h"

#define TOP_RELATED 5

struct gold_row {
	char *file, *a, *b;   /* entities: name, kind; statements: speaker, prefix;
	                         related: group, prefix */
	char *forms;          /* entities: the surface forms, " | " between
	                         them, or NULL */
};

struct gold_table {
	struct gold_row *r;
	size_t n;
};

struct extract_gold {
	struct gold_table ent, st, rel;
	char **files;
	size_t nfiles;
};

static void
add_file(struct extract_gold *g, const char *file)
{
	size_t i;

	for (i = 0; i < g->nfiles; i++)
		if (strcmp(g->files[i], file) == 0)
			return;
	g->files = xreallocarray(g->files, g->nfiles + 1, sizeof *g->files);
	g->files[g->nfiles++] = xstrdup(file);
}

/* Reads DIR/NAME: tab-separated rows, '#' comments. COLS names which
 * columns go to (file, a, b), and CFORMS (-1: none) the column of forms,
 * which a row may lack. An OPTIONAL file may be missing: a gold without
 * related.tsv scores entities and statements only. */
static int
load_table(struct extract_gold *g, const char *dir, const char *name, int cf, int ca, int cb,
    int cforms, struct gold_table *t, int optional)
{
	char *path = xasprintf("%s/%s", dir, name), *text, *line, *next, *f[6];
	size_t len, nf;
	unsigned lineno = 0;

	if (optional && access(path, F_OK) != 0 && errno == ENOENT) {
		free(path);
		return 0;
	}
	if (path_read_file(path, (size_t)16 << 20, &text, &len) != 0) {
		free(path);
		return -1;
	}
	for (line = text; line != NULL; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		lineno++;
		if (line[0] == '#' || line[0] == '\0' || line[0] == '\r')
			continue;
		for (nf = 0; nf < ARRAY_LEN(f) && line != NULL; nf++) {
			f[nf] = line;
			line = strchr(line, '\t');
			if (line != NULL)
				*line++ = '\0';
		}
		if ((int)nf <= cf || (int)nf <= ca || (int)nf <= cb) {
			err_set("%s:%u: expected at least %d tab-separated fields", path, lineno,
			    (ca > cb ? ca : cb) + 1);
			free(text);
			free(path);
			return -1;
		}
		f[nf - 1][strcspn(f[nf - 1], "\r")] = '\0';
		t->r = xreallocarray(t->r, t->n + 1, sizeof *t->r);
		t->r[t->n].file = xstrdup(f[cf]);
		t->r[t->n].a = xstrdup(f[ca]);
		t->r[t->n].b = xstrdup(f[cb]);
		t->r[t->n].forms = cforms >= 0 && (int)nf > cforms ? xstrdup(f[cforms]) : NULL;
		t->n++;
		add_file(g, f[cf]);
	}
	free(text);
	free(path);
	return 0;
}

int
extract_gold_load(const char *dir, struct extract_gold **out)
{
	struct extract_gold *g = xcalloc(1, sizeof *g);

	*out = NULL;
	if (load_table(g, dir, "entities.tsv", 0, 2, 1, 3, &g->ent, 0) != 0 ||
	    load_table(g, dir, "statements.tsv", 0, 1, 2, -1, &g->st, 0) != 0 ||
	    load_table(g, dir, "related.tsv", 1, 0, 2, -1, &g->rel, 1) != 0) {
		extract_gold_free(g);
		return -1;
	}
	*out = g;
	return 0;
}

static void
table_free(struct gold_table *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		free(t->r[i].file);
		free(t->r[i].a);
		free(t->r[i].b);
		free(t->r[i].forms);
	}
	free(t->r);
}

void
extract_gold_free(struct extract_gold *g)
{
	size_t i;

	if (g == NULL)
		return;
	table_free(&g->ent);
	table_free(&g->st);
	table_free(&g->rel);
	for (i = 0; i < g->nfiles; i++)
		free(g->files[i]);
	free(g->files);
	free(g);
}

size_t
extract_gold_files(const struct extract_gold *g, const char *const **files)
{
	*files = (const char *const *)g->files;
	return g->nfiles;
}

static int
present(const struct extract_eval_input *in, const char *file)
{
	size_t i;

	for (i = 0; i < in->nfiles; i++)
		if (strcmp(in->files[i], file) == 0)
			return 1;
	return 0;
}

static double
ratio(size_t a, size_t b)
{
	return b > 0 ? (double)a / (double)b : 0.0;
}

/* Whether FORMS (" | " between them) holds NAME. */
static int
among_forms(const char *forms, const char *name)
{
	size_t n = strlen(name);
	const char *p = forms, *end;

	while (p != NULL && *p != '\0') {
		end = strstr(p, " | ");
		if ((end != NULL ? (size_t)(end - p) : strlen(p)) == n && strncmp(p, name, n) == 0)
			return 1;
		p = end != NULL ? end + 3 : NULL;
	}
	return 0;
}

/* Whether NAME, found in FILE, is the gold's entity CANONICAL there: its
 * canonical name, or, for a name found from context (which has no
 * canonical name but the article's spelling), one of the forms the reader
 * saw it under in that file. */
static int
names(const struct extract_gold *g, const char *file, const char *canonical, const char *name,
    int found)
{
	size_t i;

	if (name == NULL)
		return 0;
	if (strcmp(name, canonical) == 0)
		return 1;
	for (i = 0; found && i < g->ent.n; i++)
		if (strcmp(g->ent.r[i].file, file) == 0 && strcmp(g->ent.r[i].a, canonical) == 0 &&
		    g->ent.r[i].forms != NULL && among_forms(g->ent.r[i].forms, name))
			return 1;
	return 0;
}

/*
 * The entities the gold's canonical names are names of, by the caller's
 * known(): the reader's name for an entity may be another of its names
 * than the one the knowledge base puts first, and what was found is
 * the same entity all the same. Resolved once per gold row; 0 where the
 * caller knows no such entity (then only the name itself matches).
 */
struct known_ids {
	int64_t *ent;         /* per gold entity row, of the row's kind */
	int64_t *st;          /* per gold statement row, of its speaker */
};

/* The kind the gold gives the entity CANONICAL in FILE, or NULL. */
static const char *
gold_kind(const struct extract_gold *g, const char *file, const char *canonical)
{
	size_t i;

	for (i = 0; i < g->ent.n; i++)
		if (strcmp(g->ent.r[i].file, file) == 0 && strcmp(g->ent.r[i].a, canonical) == 0)
			return g->ent.r[i].b;
	return NULL;
}

/* Whether NAME is the name the entity ID found in FILE goes by. */
static int
own_name(const struct extract_eval_input *in, const char *file, int64_t id, const char *name)
{
	size_t j;

	for (j = 0; j < in->nentities; j++)
		if (in->entities[j].id == id && strcmp(in->entities[j].file, file) == 0)
			return strcmp(in->entities[j].name, name) == 0;
	return 0;
}

static void
known_resolve(const struct extract_gold *g, const struct extract_eval_input *in,
    struct known_ids *k)
{
	unsigned char *twice;
	size_t i, j;

	k->ent = xcalloc(g->ent.n + 1, sizeof *k->ent);
	k->st = xcalloc(g->st.n + 1, sizeof *k->st);
	if (in->known == NULL)
		return;
	for (i = 0; i < g->ent.n; i++)
		if (present(in, g->ent.r[i].file))
			k->ent[i] = in->known(in->known_arg, g->ent.r[i].a, g->ent.r[i].b);
	/* Two of a file's rows that are names of one entity (the reader
	 * listing it twice) are not both met by the one entity found: the
	 * row of its own name keeps it (met by that name), else the first of
	 * them; the others are not read through the knowledge base. */
	twice = xcalloc(g->ent.n + 1, sizeof *twice);
	for (i = 0; i < g->ent.n; i++) {
		size_t keep = i;

		if (k->ent[i] == 0 || twice[i])
			continue;
		for (j = i; j < g->ent.n; j++)
			if (k->ent[j] == k->ent[i] && strcmp(g->ent.r[j].file, g->ent.r[i].file) == 0 &&
			    own_name(in, g->ent.r[j].file, k->ent[j], g->ent.r[j].a))
				keep = j;
		for (j = i; j < g->ent.n; j++)
			if (j != keep && k->ent[j] == k->ent[i] &&
			    strcmp(g->ent.r[j].file, g->ent.r[i].file) == 0)
				twice[j] = 1;
	}
	for (i = 0; i < g->ent.n; i++)
		if (twice[i])
			k->ent[i] = 0;
	free(twice);
	for (i = 0; i < g->st.n; i++)
		if (present(in, g->st.r[i].file))
			k->st[i] = in->known(in->known_arg, g->st.r[i].a,
			    gold_kind(g, g->st.r[i].file, g->st.r[i].a));
}

static void
known_free(struct known_ids *k)
{
	free(k->ent);
	free(k->st);
}

/* Whether entity J found is the gold's entity row I. */
static int
same_entity(const struct extract_gold *g, const struct extract_eval_input *in,
    const struct known_ids *k, size_t i, size_t j)
{
	const struct gold_row *r = &g->ent.r[i];
	const struct extract_eval_entity *e = &in->entities[j];

	return strcmp(e->file, r->file) == 0 &&
	    (names(g, r->file, r->a, e->name, e->found) || (k->ent[i] != 0 && e->id == k->ent[i]));
}

/* Whether statement S found has the speaker of the gold's statement row I. */
static int
same_speaker(const struct extract_gold *g, const struct known_ids *k, size_t i,
    const struct extract_eval_statement *s)
{
	const struct gold_row *r = &g->st.r[i];

	return names(g, r->file, r->a, s->speaker, s->speaker_found) ||
	    (k->st[i] != 0 && s->speaker_id == k->st[i]);
}

static void
eval_entities(const struct extract_gold *g, const struct extract_eval_input *in,
    const struct known_ids *k, struct extract_eval_scores *sc, struct buf *misses)
{
	size_t i, j;
	enum kb_kind kind;
	int found;

	for (i = 0; i < g->ent.n; i++) {
		const struct gold_row *r = &g->ent.r[i];

		if (!present(in, r->file))
			continue;
		sc->ent_gold++;
		for (found = 0, j = 0; j < in->nentities && !found; j++)
			found = same_entity(g, in, k, i, j);
		sc->ent_hit_gold += found;
		if (kb_kind_parse(r->b, &kind) == 0) {
			sc->kind_gold[kind]++;
			sc->kind_hit[kind] += found;
		}
		if (!found && misses != NULL)
			buf_printf(misses, "entity missed\t%s\t%s\n", r->file, r->a);
	}
	for (j = 0; j < in->nentities; j++) {
		for (found = 0, i = 0; i < g->ent.n && !found; i++)
			found = same_entity(g, in, k, i, j);
		sc->ent_pred++;
		sc->ent_hit_pred += found;
		if (!found && misses != NULL)
			buf_printf(misses, "entity extra\t%s\t%s\n", in->entities[j].file,
			    in->entities[j].name);
	}
}

/* Whether TEXT starts with PREFIX, a run of white space in either the
 * same as one in the other: a statement's text is stored with its runs
 * of spaces made one ("ARMENPRESS.  According" is "ARMENPRESS. According"),
 * the marks quote the article as written. */
static int
starts(const char *text, const char *prefix)
{
	if (text == NULL)
		return 0;
	while (*prefix != '\0') {
		if (isspace((unsigned char)*prefix)) {
			if (!isspace((unsigned char)*text))
				return 0;
			while (isspace((unsigned char)*prefix))
				prefix++;
			while (isspace((unsigned char)*text))
				text++;
			continue;
		}
		if (*text++ != *prefix++)
			return 0;
	}
	return 1;
}

/* The statement found at the sentence PREFIX of FILE, or SIZE_MAX; of
 * several there (a sentence with two speakers), the one with the speaker
 * of the gold's statement row ROW when ROW is not SIZE_MAX. */
static size_t
statement_at(const struct extract_gold *g, const struct extract_eval_input *in,
    const struct known_ids *k, const char *file, const char *prefix, size_t row)
{
	size_t j, any = SIZE_MAX;

	for (j = 0; j < in->nstatements; j++) {
		const struct extract_eval_statement *s = &in->statements[j];

		if (strcmp(s->file, file) != 0 || !starts(s->text, prefix))
			continue;
		if (row == SIZE_MAX || same_speaker(g, k, row, s))
			return j;
		if (any == SIZE_MAX)
			any = j;
	}
	return any;
}

static void
eval_statements(const struct extract_gold *g, const struct extract_eval_input *in,
    const struct known_ids *k, struct extract_eval_scores *sc, struct buf *misses)
{
	size_t i, j;
	int found;

	for (i = 0; i < g->st.n; i++) {
		const struct gold_row *r = &g->st.r[i];

		if (!present(in, r->file))
			continue;
		sc->st_gold++;
		j = statement_at(g, in, k, r->file, r->b, i);
		found = j != SIZE_MAX && same_speaker(g, k, i, &in->statements[j]);
		sc->st_hit_gold += found;
		if (!found && misses != NULL)
			buf_printf(misses, "statement missed\t%s\t%s\t%s%s%s\n", r->file, r->a, r->b,
			    j != SIZE_MAX ? "\tfound with speaker " : "",
			    j != SIZE_MAX && in->statements[j].speaker ? in->statements[j].speaker : "");
	}
	for (j = 0; j < in->nstatements; j++) {
		const struct extract_eval_statement *s = &in->statements[j];

		for (found = 0, i = 0; i < g->st.n && !found; i++)
			found = strcmp(s->file, g->st.r[i].file) == 0 && starts(s->text, g->st.r[i].b) &&
			    same_speaker(g, k, i, s);
		sc->st_pred++;
		sc->st_hit_pred += found;
		if (!found && misses != NULL)
			buf_printf(misses, "statement extra\t%s\t%s\t%.60s\n", s->file,
			    s->speaker ? s->speaker : "-", s->text ? s->text : "");
	}
}

static int
in_top(const struct extract_eval_statement *s, size_t target)
{
	size_t k;

	for (k = 0; k < s->nrelated && k < TOP_RELATED; k++)
		if (s->related[k] == target)
			return 1;
	return 0;
}

/* Each ordered pair of group members in different articles: is the
 * second among the first's top related statements? */
static void
eval_related(const struct extract_gold *g, const struct extract_eval_input *in,
    struct extract_eval_scores *sc, struct buf *misses)
{
	size_t i, j, a, b;
	int hit;

	for (i = 0; i < g->rel.n; i++) {
		const struct gold_row *x = &g->rel.r[i];

		if (!present(in, x->file))
			continue;
		for (j = 0; j < g->rel.n; j++) {
			const struct gold_row *y = &g->rel.r[j];

			if (i == j || strcmp(x->a, y->a) != 0 || strcmp(x->file, y->file) == 0 ||
			    !present(in, y->file))
				continue;
			sc->rel_pairs++;
			a = statement_at(g, in, NULL, x->file, x->b, SIZE_MAX);
			b = statement_at(g, in, NULL, y->file, y->b, SIZE_MAX);
			hit = a != SIZE_MAX && b != SIZE_MAX && in_top(&in->statements[a], b);
			sc->rel_hits += hit;
			if (!hit && misses != NULL)
				buf_printf(misses, "related missed\t%s\t%s: %.40s -> %s: %.40s%s\n", x->a,
				    x->file, x->b, y->file, y->b, a == SIZE_MAX ? " (no statement)" :
				    b == SIZE_MAX ? " (target no statement)" : "");
		}
	}
}

void
extract_eval(const struct extract_gold *g, const struct extract_eval_input *in,
    struct extract_eval_scores *sc, struct buf *misses)
{
	struct known_ids k;
	size_t i;

	memset(sc, 0, sizeof *sc);
	sc->gold_files = g->nfiles;
	for (i = 0; i < g->nfiles; i++)
		sc->files += present(in, g->files[i]);
	known_resolve(g, in, &k);
	eval_entities(g, in, &k, sc, misses);
	eval_statements(g, in, &k, sc, misses);
	eval_related(g, in, sc, misses);
	known_free(&k);
	sc->ent_recall = ratio(sc->ent_hit_gold, sc->ent_gold);
	sc->ent_precision = ratio(sc->ent_hit_pred, sc->ent_pred);
	sc->st_recall = ratio(sc->st_hit_gold, sc->st_gold);
	sc->st_precision = ratio(sc->st_hit_pred, sc->st_pred);
	sc->rel_found = ratio(sc->rel_hits, sc->rel_pairs);
}
