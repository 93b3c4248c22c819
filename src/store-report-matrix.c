/*
 * store-report-matrix.c: the reports that count tags two ways at once:
 * tags against speakers, articles or the agreements named beside them
 * (store_report_matrix), and tags (and entities) that go together, in
 * one sentence or in overlapping highlights (store_report_cooccurrence).
 * Their counts are tallied in C from the highlights, article by article:
 * by the reports that need positions, each article's as the report counts
 * of schema 16 keep them (store_report_pairs_count, kept up to date by
 * store-report-counts.c), which the reports read instead unless told to
 * count directly. The table they fill, the counting rules and the cost
 * are store-report.c's.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store-int.h"
#include "store.h"
#include "text.h"
#include "util.h"

/* ---- tallies: counts of (row, column) pairs made in C ------------------------- */

struct hit {
	int64_t row, col, n;
};
struct tally {
	struct hit *v;
	size_t n, cap;
};

static void
tally_add(struct tally *t, int64_t row, int64_t col, int64_t n)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 256;
		t->v = xreallocarray(t->v, t->cap, sizeof *t->v);
	}
	t->v[t->n++] = (struct hit){ row, col, n };
}

static int
hit_cmp(const void *a, const void *b)
{
	const struct hit *x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return 0;
}

/* Sorts the hits by (row, col) and adds up each pair's into one. */
static void
tally_sum(struct tally *t)
{
	size_t i, k = 0;

	if (t->n == 0)
		return;
	qsort(t->v, t->n, sizeof *t->v, hit_cmp);
	for (i = 1; i < t->n; i++) {
		if (hit_cmp(&t->v[i], &t->v[k]) == 0)
			t->v[k].n += t->v[i].n;
		else
			t->v[++k] = t->v[i];
	}
	t->n = k + 1;
}

/* ---- highlights with their tags, article by article ------------------------- */

/* The highlights a positional report looks at: active, with a tag (of
 * Q's), in article and position order; one row per (highlight, tag). */
struct coded {
	int64_t id, article, tag;
	size_t start, end;
};

static int
coded_read(struct store *st, const char *tag, int64_t article, struct coded **out, size_t *n)
{
	/* One article's (the kept counts made again): by its index. */
	sqlite3_stmt *s = article != 0 ? store_stmt(st,
	    "SELECT a.id, a.article_id, a.start, a.end, x.tag_id FROM annotations a"
	    " JOIN annotation_tags x ON x.annotation_id = a.id"
	    " WHERE a.article_id = ?2 AND a.state = 'active' AND ?1 IS NULL"
	    " ORDER BY a.start, a.id, x.tag_id")
	    : store_stmt(st,
	    "SELECT a.id, a.article_id, a.start, a.end, t.id" STORE_REPORT_CODED_FROM
	    " WHERE a.state = 'active' AND " STORE_REPORT_TAG_IN("t.name", "?1")
	    " ORDER BY a.article_id, a.start, a.id, t.id");
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (s == NULL)
		return -1;
	store_bind_text(s, 1, tag, 1);
	if (article != 0)
		sqlite3_bind_int64(s, 2, article);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 256;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		(*out)[*n].id = sqlite3_column_int64(s, 0);
		(*out)[*n].article = sqlite3_column_int64(s, 1);
		(*out)[*n].start = (size_t)sqlite3_column_int64(s, 2);
		(*out)[*n].end = (size_t)sqlite3_column_int64(s, 3);
		(*out)[*n].tag = sqlite3_column_int64(s, 4);
		(*n)++;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return store_err(st, "reading highlights");
	}
	return 0;
}

/* Entities named (not candidates, not dismissed) by a mention starting in
 * [lo, hi) of ARTICLE; KIND NULL for any kind. Calls FN for each mention. */
static int
mentions_in(struct store *st, int64_t article, size_t lo, size_t hi, const char *kind,
    void (*fn)(void *arg, int64_t entity), void *arg)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT m.entity_id FROM mentions m JOIN entities e ON e.id = m.entity_id"
	    " WHERE m.article_id = ?1 AND m.start >= ?2 AND m.start < ?3"
	    " AND e.status = 'active' AND e.origin <> 'candidate'"
	    " AND (?4 IS NULL OR e.kind = ?4)");
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, article);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)lo);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)hi);
	store_bind_text(s, 4, kind, 0);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		fn(arg, sqlite3_column_int64(s, 0));
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_err(st, "reading mentions");
}

/* A small set of ids (what one highlight or sentence names). */
struct idset {
	int64_t *v;
	size_t n, cap;
};

static void
idset_add(void *arg, int64_t id)
{
	struct idset *s = arg;
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->v[i] == id)
			return;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 8;
		s->v = xreallocarray(s->v, s->cap, sizeof *s->v);
	}
	s->v[s->n++] = id;
}

/* ---- matrices -------------------------------------------------------------------- */

static int pairs_kept(struct store *st, const struct store_report_query *q, int kind,
    struct tally *t);

/* Tag ids to names, in the codebook's order: a matrix's columns. */
struct tagnames {
	int64_t *id;
	char **name;
	size_t n;
};

static int
tagnames_read(struct store *st, struct tagnames *t)
{
	/* Names only: the codebook's list (store_tag_list) adds up each
	 * tag's uses too. */
	sqlite3_stmt *s = store_stmt(st, "SELECT id, name FROM tags ORDER BY id");
	size_t cap = 0;
	int rc;

	memset(t, 0, sizeof *t);
	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (t->n == cap) {
			cap = cap ? cap * 2 : 16;
			t->id = xreallocarray(t->id, cap, sizeof *t->id);
			t->name = xreallocarray(t->name, cap, sizeof *t->name);
		}
		t->id[t->n] = sqlite3_column_int64(s, 0);
		t->name[t->n++] = store_col_text(s, 1);
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_err(st, "listing tags");
}

static void
tagnames_free(struct tagnames *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->name[i]);
	free(t->id);
	free(t->name);
}

static size_t
tag_index(const struct tagnames *t, int64_t id)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->id[i] == id)
			return i;
	return t->n;
}

char *
store_report_label(struct store *st, enum store_report_per per, int64_t id)
{
	sqlite3_stmt *s = store_stmt(st, per == STORE_PER_ARTICLE
	    ? "SELECT title FROM articles WHERE id = ?1" : "SELECT name FROM entities WHERE id = ?1");
	char *name = NULL;

	if (s == NULL || id == 0)
		return NULL;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) == SQLITE_ROW)
		name = store_col_text(s, 0);
	sqlite3_reset(s);
	return name;
}

struct matrow {
	int64_t id, total;
	size_t first;       /* its first hit */
	char *label;
};

static int
matrow_cmp(const void *a, const void *b)
{
	const struct matrow *x = a, *y = b;

	if (x->total != y->total)
		return x->total > y->total ? -1 : 1;
	/* Rows without a speaker or agreement last, then by id. */
	if ((x->id == 0) != (y->id == 0))
		return x->id == 0 ? 1 : -1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Makes the table of tallied hits (row: an article or entity, col: a tag
 * id): one column per tag used, in the codebook's order; rows most coded
 * first. */
static int
matrix_table(struct store *st, const struct store_report_query *q, struct tally *t,
    struct store_report *r)
{
	static const char *const names[][2] = {
		[STORE_PER_ARTICLE] = { "article", "title" },
		[STORE_PER_SPEAKER] = { "speaker_id", "speaker" },
		[STORE_PER_AGREEMENT] = { "agreement_id", "agreement" },
	};
	struct tagnames tags;
	struct matrow *rows = NULL;
	size_t nrows = 0, i, k, *colof = NULL, ncol = 0, cap = 0;
	char *used;

	if (tagnames_read(st, &tags) != 0)
		return -1;
	tally_sum(t);
	used = xcalloc(tags.n + 1, 1);
	for (i = 0; i < t->n; i++) {
		used[tag_index(&tags, t->v[i].col)] = 1;
		if (nrows == 0 || rows[nrows - 1].id != t->v[i].row) {
			rows = xreallocarray(rows, nrows + 1, sizeof *rows);
			rows[nrows++] = (struct matrow){ t->v[i].row, 0, i, NULL };
		}
		rows[nrows - 1].total += t->v[i].n;
	}
	colof = xreallocarray(NULL, tags.n + 1, sizeof *colof);
	store_report_col_add(r, names[q->per][0], STORE_REPORT_ID);
	store_report_col_add(r, names[q->per][1], STORE_REPORT_TEXT);
	for (i = 0; i < tags.n; i++) {
		colof[i] = used[i] ? 2 + ncol++ : 0;
		if (used[i])
			store_report_col_add(r, tags.name[i], STORE_REPORT_CELL);
	}
	store_report_col_add(r, "total", STORE_REPORT_COUNT);
	if (nrows > 1)
		qsort(rows, nrows, sizeof *rows, matrow_cmp);
	if (q->limit > 0 && nrows > q->limit)
		nrows = q->limit;
	for (i = 0; i < nrows; i++) {
		struct store_report_cell *c = store_report_row_add(r, &cap);
		c[0].n = rows[i].id;
		c[1].text = q->labels_later ? NULL : store_report_label(st, q->per, rows[i].id);
		for (k = rows[i].first; k < t->n && t->v[k].row == rows[i].id; k++) {
			size_t ti = tag_index(&tags, t->v[k].col);
			if (ti < tags.n)
				c[colof[ti]].n = t->v[k].n;
		}
		c[r->ncols - 1].n = rows[i].total;
	}
	free(rows);
	free(colof);
	free(used);
	tagnames_free(&tags);
	return 0;
}

/* Tag against speaker or article: the report counts, added up in the
 * tally. */
static int
matrix_grouped(struct store *st, const struct store_report_query *q, struct tally *t)
{
	sqlite3_stmt *s = store_stmt(st, q->per == STORE_PER_ARTICLE
	    ? "SELECT c.article_id, c.tag_id, c.n" STORE_REPORT_COUNTS_FROM
	      " WHERE " STORE_REPORT_TAG_IN("t.name", "?1")
	    : "SELECT c.speaker_id, c.tag_id, c.n" STORE_REPORT_SPEAKERS_FROM
	      " WHERE " STORE_REPORT_TAG_IN("t.name", "?1"));
	int rc;

	if (s == NULL)
		return -1;
	store_bind_text(s, 1, q->tag, 1);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		tally_add(t, sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1),
		    sqlite3_column_int64(s, 2));
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_err(st, "counting tags");
}

/* The sentences of ARTICLE, read once for a run of its highlights. */
struct sentences {
	int64_t article;
	struct text_span *v;
	size_t n;
};

static int
sentences_load(struct store *st, struct sentences *s, int64_t article)
{
	if (s->article == article && article != 0)
		return 0;
	free(s->v);
	s->v = NULL;
	s->n = 0;
	s->article = article;
	return store_sentences_get(st, article, &s->v, &s->n);
}

/* The bytes of the sentences a highlight overlaps (the highlight itself
 * when it overlaps none). */
static void
sentence_range(const struct sentences *s, const struct coded *c, size_t *lo, size_t *hi)
{
	size_t i, j;

	if (text_span_overlap(s->v, s->n, c->start, c->end, &i, &j) != 0) {
		*lo = c->start;
		*hi = c->end;
		return;
	}
	*lo = s->v[i].start < c->start ? s->v[i].start : c->start;
	*hi = s->v[j].end > c->end ? s->v[j].end : c->end;
}

/* One count of a report whose highlights are asked for: the two keys
 * of its hit (a tag x agreement cell: the agreement, the tag, 0 for the
 * row's total; a co-occurrence: a tag and a tag or ENTITY_KEY), the
 * highlights found behind it. */
struct want {
	int64_t row, col;
	size_t *at;          /* while counting: the rows of the coded array */
	size_t n, cap;
	int64_t *ids;        /* then: their highlights, in article and position order */
	size_t nids;
};

static void
want_add(struct want *w, size_t at)
{
	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 64;
		w->at = xreallocarray(w->at, w->cap, sizeof *w->at);
	}
	w->at[w->n++] = at;
}

static int
size_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/* The rows found, in the coded array's order (article, position), as
 * highlight ids, each once (one highlight's rows are adjacent). */
static void
want_ids(struct want *w, const struct coded *cv)
{
	size_t i;

	if (w->n > 1)
		qsort(w->at, w->n, sizeof *w->at, size_cmp);
	w->ids = xreallocarray(NULL, w->n + 1, sizeof *w->ids);
	w->nids = 0;
	for (i = 0; i < w->n; i++)
		if (w->nids == 0 || w->ids[w->nids - 1] != cv[w->at[i]].id)
			w->ids[w->nids++] = cv[w->at[i]].id;
	free(w->at);
	w->at = NULL;
	w->n = w->cap = 0;
}

static int
idset_has(const struct idset *s, int64_t id)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->v[i] == id)
			return 1;
	return 0;
}

/* Tag against the agreements named in a highlight's sentences: each
 * highlight counts once for each agreement named there. WANT, when not
 * NULL, collects the highlights of its cell. */
static int
agreements_tally(struct store *st, const struct coded *cv, size_t n, struct tally *t,
    struct want *want)
{
	struct sentences sent = { 0 };
	struct idset named = { 0 };
	size_t i, k, lo, hi;
	int rc = 0;

	for (i = 0; i < n && rc == 0; i++) {
		if ((rc = sentences_load(st, &sent, cv[i].article)) != 0)
			break;
		/* The rows of one highlight (one per tag) share its sentences. */
		if (i == 0 || cv[i].id != cv[i - 1].id) {
			named.n = 0;
			sentence_range(&sent, &cv[i], &lo, &hi);
			rc = mentions_in(st, cv[i].article, lo, hi, "agreement", idset_add, &named);
		}
		for (k = 0; k < named.n; k++)
			tally_add(t, named.v[k], cv[i].tag, 1);
		if (want != NULL && idset_has(&named, want->row) &&
		    (want->col == 0 || want->col == cv[i].tag))
			want_add(want, i);
	}
	free(named.v);
	free(sent.v);
	return rc;
}

static int
matrix_agreements(struct store *st, const struct store_report_query *q, struct tally *t,
    struct want *want)
{
	struct coded *cv;
	size_t n;
	int rc;

	if (coded_read(st, q->tag, 0, &cv, &n) != 0)
		return -1;
	rc = agreements_tally(st, cv, n, t, want);
	if (rc == 0 && want != NULL)
		want_ids(want, cv);
	free(cv);
	return rc;
}

/* Fills row I of an article matrix made by matrix_articles: its cells
 * from the report counts of its article (a seek per tag). */
static int
article_cells(struct store *st, struct store_report *r, size_t i)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT t.name, sum(c.n)" STORE_REPORT_COUNTS_FROM " AND c.article_id = ?1"
	    " GROUP BY t.id");
	struct store_report_cell *c = &r->cells[i * r->ncols];
	size_t j;
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, c[0].n);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(s, 0);
		for (j = 2; name != NULL && j + 1 < r->ncols; j++)
			if (strcmp(r->cols[j].name, name) == 0)
				c[j].n = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_err(st, "counting an article's tags");
}

/* Tag against article over every tag: the rows in coding_articles's
 * order (most coded first, as matrix_table sorts), only as many as the
 * limit asks; with LABELS_LATER their labels and cells are left for
 * store_report_matrix_row, so that the reader's first screen reads the
 * top of that index and no more. */
static int
matrix_articles(struct store *st, const struct store_report_query *q, struct store_report *r)
{
	struct tagnames tags;
	sqlite3_stmt *s;
	size_t i, cap = 0;
	int rc = 0;

	if (tagnames_read(st, &tags) != 0)
		return -1;
	store_report_col_add(r, "article", STORE_REPORT_ID);
	store_report_col_add(r, "title", STORE_REPORT_TEXT);
	s = store_stmt(st, "SELECT EXISTS (SELECT 1 FROM coding_counts WHERE tag_id = ?1)");
	for (i = 0; s != NULL && i < tags.n && rc == 0; i++) {
		sqlite3_bind_int64(s, 1, tags.id[i]);
		if ((rc = sqlite3_step(s)) == SQLITE_ROW && sqlite3_column_int(s, 0))
			store_report_col_add(r, tags.name[i], STORE_REPORT_CELL);
		rc = rc == SQLITE_ROW ? 0 : store_err(st, "counting tags");
		sqlite3_reset(s);
	}
	tagnames_free(&tags);
	if (s == NULL || rc != 0)
		return -1;
	store_report_col_add(r, "total", STORE_REPORT_COUNT);
	s = store_stmt(st, "SELECT article_id, n FROM coding_articles"
	    " ORDER BY n DESC, article_id LIMIT ?1");
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, q->limit > 0 ? (sqlite3_int64)q->limit : -1);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_report_cell *c = store_report_row_add(r, &cap);
		c[0].n = sqlite3_column_int64(s, 0);
		c[r->ncols - 1].n = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_err(st, "reading the articles' counts");
	for (i = 0; !q->labels_later && i < r->nrows; i++)
		if (store_report_matrix_row(st, q, r, i) != 0)
			return -1;
	return 0;
}

int
store_report_matrix_row(struct store *st, const struct store_report_query *q,
    struct store_report *r, size_t i)
{
	struct store_report_cell *c;
	size_t j;

	if (i >= r->nrows || r->ncols < 3)
		return 0;
	c = &r->cells[i * r->ncols];
	if (c[1].text == NULL)
		c[1].text = store_report_label(st, q->per, c[0].n);
	if (q->per != STORE_PER_ARTICLE)
		return 0;
	/* A row read has a count in some cell: its total is theirs. */
	for (j = 2; j + 1 < r->ncols; j++)
		if (c[j].n != 0)
			return 0;
	return c[r->ncols - 1].n != 0 ? article_cells(st, r, i) : 0;
}

int
store_report_matrix(struct store *st, const struct store_report_query *q,
    struct store_report *r)
{
	struct tally t = { 0 };
	int rc;

	memset(r, 0, sizeof *r);
	/* Every tag's articles, the first few or for the reader: the
	 * articles' counts in order. All of them: one pass is cheaper. */
	if (q->per == STORE_PER_ARTICLE && q->tag == NULL && (q->limit > 0 || q->labels_later))
		rc = matrix_articles(st, q, r);
	else {
		if (q->per == STORE_PER_SPEAKER || q->per == STORE_PER_ARTICLE)
			rc = matrix_grouped(st, q, &t);
		else if (q->per == STORE_PER_AGREEMENT) {
			if ((rc = pairs_kept(st, q, STORE_PAIRS_AGREEMENT, &t)) == 1)
				rc = matrix_agreements(st, q, &t, NULL);
		}
		else
			rc = err_set("a matrix is of tags against speakers, articles or agreements");
		if (rc == 0)
			rc = matrix_table(st, q, &t, r);
	}
	free(t.v);
	if (rc != 0)
		store_report_free(r);
	return rc;
}

/* ---- co-occurrence ------------------------------------------------------------- */

/* In a hit of co-occurrence, the column is a tag's id, or an entity's as
 * its negative: the two kinds share one tally. */
#define ENTITY_KEY(id) (-(id))

/* Counts each pair of distinct keys in V once: the tags of one unit, and
 * (the first NTAGS of V being tags) each tag with each entity after. */
static void
pairs_add(struct tally *t, const int64_t *v, size_t n, size_t ntags)
{
	size_t i, j;

	for (i = 0; i < ntags; i++)
		for (j = i + 1; j < n; j++) {
			if (j < ntags && v[i] != v[j])
				tally_add(t, v[i] < v[j] ? v[i] : v[j], v[i] < v[j] ? v[j] : v[i], 1);
			else if (j >= ntags)
				tally_add(t, v[i], v[j], 1);
		}
}

/* A sentence that makes WANT's count: the highlights of its article
 * (CV[FROM, TO)) with either tag that overlap it. */
static void
want_sentence(struct want *want, const struct coded *cv, size_t from, size_t to,
    const struct text_span *sent)
{
	size_t k, first, last;

	for (k = from; k < to; k++)
		if ((cv[k].tag == want->row || cv[k].tag == want->col) &&
		    text_span_overlap(sent, 1, cv[k].start, cv[k].end, &first, &last) == 0)
			want_add(want, k);
}

/* Sentences as units: in each article, the tags coding each sentence
 * (and with ENTITIES the entities it names); each pair once a sentence. */
static int
cooc_sentences(struct store *st, const struct store_report_query *q,
    const struct coded *cv, size_t n, struct tally *t, struct want *want)
{
	struct sentences sent = { 0 };
	struct idset *units = NULL, named = { 0 };
	size_t i = 0, k, u, j, first, last;
	int rc = 0;

	while (i < n && rc == 0) {
		int64_t art = cv[i].article;
		size_t end = i;

		while (end < n && cv[end].article == art)
			end++;
		if ((rc = sentences_load(st, &sent, art)) != 0)
			break;
		units = xcalloc(sent.n + 1, sizeof *units);
		for (k = i; k < end; k++) {
			if (text_span_overlap(sent.v, sent.n, cv[k].start, cv[k].end, &first, &last) != 0)
				continue;
			for (u = first; u <= last; u++)
				idset_add(&units[u], cv[k].tag);
		}
		for (u = 0; u < sent.n && rc == 0; u++) {
			if (units[u].n == 0)
				continue;
			named.n = 0;
			for (j = 0; j < units[u].n; j++)
				idset_add(&named, units[u].v[j]);
			if (q->entities) {
				struct idset ents = { 0 };
				rc = mentions_in(st, art, sent.v[u].start, sent.v[u].end, NULL, idset_add,
				    &ents);
				for (j = 0; j < ents.n; j++)
					idset_add(&named, ENTITY_KEY(ents.v[j]));
				free(ents.v);
			}
			pairs_add(t, named.v, named.n, units[u].n);
			if (want != NULL && idset_has(&named, want->row) && idset_has(&named, want->col))
				want_sentence(want, cv, i, end, &sent.v[u]);
		}
		for (u = 0; u < sent.n; u++)
			free(units[u].v);
		free(units);
		i = end;
	}
	free(named.v);
	free(sent.v);
	return rc;
}

/* The entity of the last mention starting before OFF in ARTICLE, when it
 * reaches past OFF (mentions do not overlap each other, so no earlier one
 * can); 0 when none. */
static int
mention_across(struct store *st, int64_t article, size_t off, int64_t *entity)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT m.entity_id, m.end > ?2 FROM mentions m JOIN entities e ON e.id = m.entity_id"
	    " WHERE m.article_id = ?1 AND m.start < ?2"
	    " AND e.status = 'active' AND e.origin <> 'candidate'"
	    " ORDER BY m.start DESC LIMIT 1");
	int rc;

	*entity = 0;
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, article);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)off);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && sqlite3_column_int(s, 1))
		*entity = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_err(st, "reading mentions");
}

/* One pair of overlapping highlights: the first's tags TAGS, the
 * other's rows B[0, NB). Each pair of two different tags, one from each
 * side, counts once, however the two sides hold them. */
static void
pair_overlap(struct tally *t, const struct idset *tags, const struct coded *b, size_t nb)
{
	struct idset seen = { 0 };
	size_t i, j;

	for (i = 0; i < tags->n; i++)
		for (j = 0; j < nb; j++) {
			int64_t x = tags->v[i], y = b[j].tag, lo = x < y ? x : y, hi = x < y ? y : x;
			size_t before = seen.n;
			/* The pair as one number for the set: tag ids are small. */
			if (x == y)
				continue;
			idset_add(&seen, lo * ((int64_t)1 << 31) + hi);
			if (seen.n > before)
				tally_add(t, lo, hi, 1);
		}
	free(seen.v);
}

/* Whether a pair of overlapping highlights makes WANT's count: one has
 * (in TAGS) one of its tags, the other (B[0, NB)) the other. */
static int
want_overlap(const struct want *want, const struct idset *tags, const struct coded *b, size_t nb)
{
	int brow = 0, bcol = 0;
	size_t j;

	for (j = 0; j < nb; j++) {
		brow |= b[j].tag == want->row;
		bcol |= b[j].tag == want->col;
	}
	return (idset_has(tags, want->row) && bcol) || (idset_has(tags, want->col) && brow);
}

/* Overlapping highlights as units: each pair of highlights that overlap
 * (or one highlight with two tags) counts each pair of their tags once;
 * with ENTITIES, each highlight counts each entity of a mention it
 * overlaps once for each of its tags. */
static int
cooc_overlaps(struct store *st, const struct store_report_query *q,
    const struct coded *cv, size_t n, struct tally *t, struct want *want)
{
	struct idset tags = { 0 }, ents = { 0 };
	size_t i, j, jend, k, end;
	int64_t across;
	int rc = 0;

	for (i = 0; i < n && rc == 0; i = end) {
		/* cv[i, end): one highlight's rows, a tag each. */
		for (end = i; end < n && cv[end].id == cv[i].id; end++)
			;
		tags.n = 0;
		for (k = i; k < end; k++)
			idset_add(&tags, cv[k].tag);
		pairs_add(t, tags.v, tags.n, tags.n);
		if (want != NULL && idset_has(&tags, want->row) && idset_has(&tags, want->col))
			want_add(want, i);
		/* Later highlights of the same article that start before this
		 * one ends (the rows are in start order), one at a time. */
		for (j = end; j < n && cv[j].article == cv[i].article && cv[j].start < cv[i].end;
		    j = jend) {
			for (jend = j; jend < n && cv[jend].id == cv[j].id; jend++)
				;
			pair_overlap(t, &tags, cv + j, jend - j);
			if (want != NULL && want_overlap(want, &tags, cv + j, jend - j)) {
				want_add(want, i);
				want_add(want, j);
			}
		}
		if (!q->entities)
			continue;
		ents.n = 0;
		rc = mention_across(st, cv[i].article, cv[i].start, &across);
		if (rc == 0 && across != 0)
			idset_add(&ents, across);
		if (rc == 0)
			rc = mentions_in(st, cv[i].article, cv[i].start, cv[i].end, NULL, idset_add,
			    &ents);
		for (k = 0; k < ents.n; k++)
			for (j = 0; j < tags.n; j++)
				tally_add(t, tags.v[j], ENTITY_KEY(ents.v[k]), 1);
		if (want != NULL && want->col < 0 && idset_has(&tags, want->row) &&
		    idset_has(&ents, -want->col))
			want_add(want, i);
	}
	free(tags.v);
	free(ents.v);
	return rc;
}

/* A key of a co-occurrence pair as its name and kind ("tag" or the
 * entity's kind). */
static void
key_name(struct store *st, const struct tagnames *tags, int64_t key, char **name, char **kind)
{
	sqlite3_stmt *s;
	size_t i;

	*name = *kind = NULL;
	if (key > 0) {
		i = tag_index(tags, key);
		*name = i < tags->n ? xstrdup(tags->name[i]) : NULL;
		*kind = xstrdup("tag");
		return;
	}
	if ((s = store_stmt(st, "SELECT name, kind FROM entities WHERE id = ?1")) == NULL)
		return;
	sqlite3_bind_int64(s, 1, -key);
	if (sqlite3_step(s) == SQLITE_ROW) {
		*name = store_col_text(s, 0);
		*kind = store_col_text(s, 1);
	}
	sqlite3_reset(s);
}

static int
count_cmp(const void *a, const void *b)
{
	const struct hit *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return hit_cmp(a, b);
}

int
store_report_cooccurrence(struct store *st, const struct store_report_query *q,
    struct store_report *r)
{
	struct tally t = { 0 };
	struct tagnames tags;
	struct coded *cv;
	size_t n, i, cap = 0;
	int rc;

	memset(r, 0, sizeof *r);
	/* The kept counts; else every tag's highlights: a pair with the tag
	 * asked for may have any other tag on its other side. */
	rc = pairs_kept(st, q, q->overlap ? STORE_PAIRS_OVERLAP : STORE_PAIRS_SENTENCE, &t);
	if (rc == 1) {
		free(t.v);
		t = (struct tally){ 0 };
		if (coded_read(st, NULL, 0, &cv, &n) != 0)
			return -1;
		rc = q->overlap ? cooc_overlaps(st, q, cv, n, &t, NULL)
		    : cooc_sentences(st, q, cv, n, &t, NULL);
		free(cv);
	}
	if (rc != 0 || tagnames_read(st, &tags) != 0) {
		free(t.v);
		return -1;
	}
	tally_sum(&t);
	if (t.n > 1)
		qsort(t.v, t.n, sizeof *t.v, count_cmp);
	store_report_col_add(r, "a", STORE_REPORT_TEXT);
	store_report_col_add(r, "b", STORE_REPORT_TEXT);
	store_report_col_add(r, "b_kind", STORE_REPORT_TEXT);
	store_report_col_add(r, q->overlap ? "overlaps" : "sentences", STORE_REPORT_COUNT);
	for (i = 0; i < t.n; i++) {
		struct store_report_cell *c;
		char *a, *akind, *b, *bkind;

		key_name(st, &tags, t.v[i].row, &a, &akind);
		key_name(st, &tags, t.v[i].col, &b, &bkind);
		free(akind);
		/* With --tag, the pairs that hold that tag (or one nested in it). */
		if (q->tag != NULL && !(a != NULL && store_tag_within(a, q->tag)) &&
		    !(t.v[i].col > 0 && b != NULL && store_tag_within(b, q->tag))) {
			free(a);
			free(b);
			free(bkind);
			continue;
		}
		c = store_report_row_add(r, &cap);
		c[0].text = a;
		c[1].text = b;
		c[2].text = bkind;
		c[3].n = t.v[i].n;
	}
	free(t.v);
	tagnames_free(&tags);
	store_report_cut(r, q->limit);
	return 0;
}

/* ---- the highlights behind one count ---------------------------------------- */

/* A tag's id by its exact name: 0 when there is none. */
static int64_t
tag_id(const struct tagnames *tags, const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < tags->n; i++)
		if (strcmp(tags->name[i], name) == 0)
			return tags->id[i];
	return 0;
}

int
store_report_matrix_segments(struct store *st, const struct store_report_query *q,
    int64_t row, const char *tag, int64_t **ids, size_t *n)
{
	struct tally t = { 0 };
	struct tagnames tags;
	struct want w = { 0 };
	int rc;

	*ids = NULL;
	*n = 0;
	if (q->per != STORE_PER_AGREEMENT)
		return err_set("a matrix per speaker or article lists its cells with the"
		    " annotations' filter");
	if (tagnames_read(st, &tags) != 0)
		return -1;
	w.row = row;
	w.col = tag_id(&tags, tag);
	tagnames_free(&tags);
	if (tag != NULL && w.col == 0)
		return err_set("no tag is named '%s'", tag);
	rc = matrix_agreements(st, q, &t, &w);
	free(t.v);
	if (rc != 0) {
		free(w.at);
		free(w.ids);
		return -1;
	}
	*ids = w.ids;
	*n = w.nids;
	return 0;
}

/* An entity's key in a co-occurrence by the name and kind its row shows:
 * the first of that name and kind the report could have counted. */
static int
entity_key(struct store *st, const char *name, const char *kind, int64_t *key)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT id FROM entities WHERE name = ?1 AND kind = ?2"
	    " AND status = 'active' AND origin <> 'candidate' ORDER BY id LIMIT 1");
	int rc;

	*key = 0;
	if (s == NULL)
		return -1;
	store_bind_text(s, 1, name, 0);
	store_bind_text(s, 2, kind, 0);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*key = ENTITY_KEY(sqlite3_column_int64(s, 0));
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_err(st, "finding an entity");
	return *key != 0 ? 0 : err_set("no %s is named '%s'", kind, name);
}

int
store_report_cooccurrence_segments(struct store *st, const struct store_report_query *q,
    const char *a, const char *b, const char *b_kind, int64_t **ids, size_t *n)
{
	struct tally t = { 0 };
	struct tagnames tags;
	struct want w = { 0 };
	struct coded *cv;
	size_t ncv;
	int rc = 0;

	*ids = NULL;
	*n = 0;
	if (tagnames_read(st, &tags) != 0)
		return -1;
	w.row = tag_id(&tags, a);
	if (b_kind == NULL || strcmp(b_kind, "tag") == 0)
		w.col = tag_id(&tags, b);
	else
		rc = entity_key(st, b, b_kind, &w.col);
	tagnames_free(&tags);
	if (rc != 0)
		return -1;
	if (w.row == 0 || w.col == 0)
		return err_set("no tag is named '%s'", w.row == 0 ? a : b);
	if (coded_read(st, NULL, 0, &cv, &ncv) != 0)
		return -1;
	rc = q->overlap ? cooc_overlaps(st, q, cv, ncv, &t, &w)
	    : cooc_sentences(st, q, cv, ncv, &t, &w);
	if (rc == 0)
		want_ids(&w, cv);
	free(cv);
	free(t.v);
	free(w.at);
	if (rc != 0) {
		free(w.ids);
		return -1;
	}
	*ids = w.ids;
	*n = w.nids;
	return 0;
}

/* ---- what each article adds to the positional reports (schema 16) ------------ */

int
store_report_pairs_count(struct store *st, int64_t article,
    int (*emit)(void *arg, int64_t article, int kind, int64_t a, int64_t b, int64_t n),
    void *arg)
{
	/* Entities always: a report without them leaves their pairs out. */
	static const struct store_report_query sentences = { .entities = 1 },
	    overlaps = { .entities = 1, .overlap = 1 };
	struct coded *cv;
	size_t n, i, end, k;
	int rc = 0, kind;

	if (coded_read(st, NULL, article, &cv, &n) != 0)
		return -1;
	for (i = 0; i < n && rc == 0; i = end) {
		for (end = i; end < n && cv[end].article == cv[i].article; end++)
			;
		for (kind = STORE_PAIRS_AGREEMENT; kind <= STORE_PAIRS_OVERLAP && rc == 0; kind++) {
			struct tally t = { 0 };

			if (kind == STORE_PAIRS_AGREEMENT)
				rc = agreements_tally(st, cv + i, end - i, &t, NULL);
			else if (kind == STORE_PAIRS_SENTENCE)
				rc = cooc_sentences(st, &sentences, cv + i, end - i, &t, NULL);
			else
				rc = cooc_overlaps(st, &overlaps, cv + i, end - i, &t, NULL);
			if (rc == 0)
				tally_sum(&t);
			for (k = 0; rc == 0 && k < t.n; k++)
				rc = emit(arg, cv[i].article, kind, t.v[k].row, t.v[k].col, t.v[k].n);
			free(t.v);
		}
	}
	free(cv);
	return rc;
}

/* The kept counts of KIND (store_report_pairs_count's) into T: for the
 * matrix per agreement, of Q's tags only; for a co-occurrence without
 * entities, the pairs of two tags only. 1 when they cannot be brought up
 * to date here (Q asks to count directly, or the database is read-only):
 * the caller counts from the highlights. */
static int
pairs_kept(struct store *st, const struct store_report_query *q, int kind, struct tally *t)
{
	sqlite3_stmt *s;
	int rc;

	if (q->direct)
		return 1;
	if ((rc = store_report_counts_refresh(st)) != 0)
		return rc;
	s = store_stmt(st, "SELECT c.a, c.b, c.n FROM coding_pairs c LEFT JOIN tags t ON t.id = c.b"
	    " WHERE c.kind = ?2 AND (NOT ?4 OR " STORE_REPORT_TAG_IN("t.name", "?1") ")"
	    " AND (?3 OR c.b > 0)");
	if (s == NULL)
		return -1;
	store_bind_text(s, 1, q->tag, 1);
	sqlite3_bind_int(s, 2, kind);
	sqlite3_bind_int(s, 3, kind == STORE_PAIRS_AGREEMENT || q->entities);
	sqlite3_bind_int(s, 4, kind == STORE_PAIRS_AGREEMENT);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		tally_add(t, sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1),
		    sqlite3_column_int64(s, 2));
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_err(st, "reading the report counts");
}
