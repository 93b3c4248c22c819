/*
 * store-snippet.c: the snippet under each search result, at the cost of
 * what it shows.
 *
 * FTS5's own snippet() scores a candidate window at every match by going
 * over every other match, and tokenises the whole column to find sentence
 * starts: for a word that a 4 MB article holds thousands of times that is
 * quadratic, seconds per result. dossier_snippet() takes the matches'
 * token positions from FTS5 (xInst, read from the index), picks the window
 * of NTOKENS tokens that holds the most distinct phrases (then the most
 * matches, then the earliest; the body before the notes before the
 * title), and tokenises the column only as far as that window's end: the
 * cost follows the number of matches and the window's place, never the
 * matches squared.
 *
 *   dossier_snippet(articles_fts, OPEN, CLOSE, ELLIPSIS, NTOKENS)
 *
 * writes the window's text with OPEN and CLOSE around each matched token,
 * and ELLIPSIS where text was left out before or after it. With no match
 * (a query on another column only) it shows the body's first tokens.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store-int.h"
#include "util.h"

/* Columns of articles_fts (store-schema.c, schema 17). */
enum { COL_BODY = 0, COL_TITLE = 1, COL_NOTES = 2 };
/* In the order a tie prefers. */
static const int column_order[] = { COL_BODY, COL_NOTES, COL_TITLE };

struct inst {
	int col, off, phrase;
};

static int
inst_cmp(const void *a, const void *b)
{
	const struct inst *x = a, *y = b;

	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	return x->phrase - y->phrase;
}

static int
col_rank(int col)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(column_order); i++)
		if (column_order[i] == col)
			return (int)i;
	return (int)ARRAY_LEN(column_order);
}

/* The window chosen: column, first token, and the matched token ranges in
 * it ([from, to) token offsets, in order). */
struct window {
	int col, start, ntokens;
	int *marks;          /* pairs */
	size_t nmarks;
};

/* Slides a window of W tokens over the sorted instances; two pointers,
 * with a count per phrase, so the choice costs O(instances). */
static void
choose(const Fts5ExtensionApi *api, Fts5Context *fts, struct inst *v, int n, int w,
    struct window *out)
{
	int nphrase = api->xPhraseCount(fts), i, j = 0, distinct = 0;
	int best_i = -1, best_j = 0, best_d = -1, best_total = -1, k;
	int *count = xcalloc((size_t)(nphrase > 0 ? nphrase : 1), sizeof *count);

	for (i = 0; i < n; i++) {
		if (j < i) {
			j = i;
			distinct = 0;
			memset(count, 0, (size_t)(nphrase > 0 ? nphrase : 1) * sizeof *count);
		}
		while (j < n && v[j].col == v[i].col && v[j].off < v[i].off + w) {
			if (count[v[j].phrase]++ == 0)
				distinct++;
			j++;
		}
		if (distinct > best_d || (distinct == best_d && (j - i > best_total ||
		    (j - i == best_total && col_rank(v[i].col) < col_rank(v[best_i].col))))) {
			best_d = distinct;
			best_total = j - i;
			best_i = i;
			best_j = j;
		}
		if (--count[v[i].phrase] == 0)
			distinct--;
	}
	free(count);
	{
		int first = v[best_i].off, last = v[best_j - 1].off, span = last - first + 1;
		/* Two tokens before the first match: a result list is narrow,
		 * and what matched should be in its first columns. */
		int lead = span + 2 <= w ? 2 : w > span ? w - span : 0;

		out->col = v[best_i].col;
		out->start = first > lead ? first - lead : 0;
		out->ntokens = w;
	}
	out->marks = xreallocarray(NULL, (size_t)(best_j - best_i) * 2 + 1, sizeof *out->marks);
	out->nmarks = 0;
	for (k = best_i; k < best_j; k++) {
		int from = v[k].off, to = from + api->xPhraseSize(fts, v[k].phrase);
		size_t m = out->nmarks;
		/* Overlapping phrases are marked as one stretch. */
		if (m > 0 && from <= out->marks[2 * m - 1]) {
			if (to > out->marks[2 * m - 1])
				out->marks[2 * m - 1] = to;
			continue;
		}
		out->marks[2 * m] = from;
		out->marks[2 * m + 1] = to;
		out->nmarks++;
	}
}

/* Walks the column's tokens up to the window's end, noting the bytes the
 * window and its marks cover. */
struct walk {
	const struct window *w;
	int pos;                 /* index of the next token */
	int begin, end;          /* bytes of the window's text */
	int *mark_bytes;         /* per mark: first byte, end byte */
	size_t mark;
	int more;                /* a token follows the window */
};

#define WALK_DONE 1000   /* not an SQLite code: stops xTokenize early */

static int
walk_token(void *arg, int flags, const char *token, int ntoken, int start, int end)
{
	struct walk *k = arg;
	const struct window *w = k->w;
	int idx;

	(void)token;
	(void)ntoken;
	if (flags & FTS5_TOKEN_COLOCATED)
		return SQLITE_OK;
	idx = k->pos++;
	if (idx >= w->start + w->ntokens) {
		k->more = 1;
		return WALK_DONE;
	}
	if (idx < w->start)
		return SQLITE_OK;
	if (idx == w->start)
		k->begin = start;
	k->end = end;
	while (k->mark < w->nmarks && idx >= w->marks[2 * k->mark + 1])
		k->mark++;
	if (k->mark < w->nmarks && idx >= w->marks[2 * k->mark]) {
		if (idx == w->marks[2 * k->mark] || k->mark_bytes[2 * k->mark] < 0)
			k->mark_bytes[2 * k->mark] = start;
		k->mark_bytes[2 * k->mark + 1] = end;
	}
	return SQLITE_OK;
}

static const char *
arg_text(sqlite3_value **v, int n, int i, const char *dflt)
{
	const unsigned char *t = i < n ? sqlite3_value_text(v[i]) : NULL;

	return t != NULL ? (const char *)t : dflt;
}

static void
snippet_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nval,
    sqlite3_value **val)
{
	const char *open = arg_text(val, nval, 0, ""), *close = arg_text(val, nval, 1, "");
	const char *ellipsis = arg_text(val, nval, 2, "…"), *text;
	int ntok = nval > 3 ? sqlite3_value_int(val[3]) : 16, ninst = 0, len = 0, i, rc;
	struct window w = { COL_BODY, 0, 0, NULL, 0 };
	struct walk k;
	struct inst *v;
	struct buf out;
	size_t m;
	int at;

	if (ntok < 1 || ntok > 64)
		ntok = 16;
	w.ntokens = ntok;
	if ((rc = api->xInstCount(fts, &ninst)) != SQLITE_OK) {
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	if (ninst > 0) {
		v = xreallocarray(NULL, (size_t)ninst, sizeof *v);
		for (i = 0; i < ninst; i++)
			if ((rc = api->xInst(fts, i, &v[i].phrase, &v[i].col, &v[i].off)) != SQLITE_OK) {
				free(v);
				sqlite3_result_error_code(ctx, rc);
				return;
			}
		qsort(v, (size_t)ninst, sizeof *v, inst_cmp);
		choose(api, fts, v, ninst, ntok, &w);
		free(v);
	}
	if ((rc = api->xColumnText(fts, w.col, &text, &len)) != SQLITE_OK) {
		free(w.marks);
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	memset(&k, 0, sizeof k);
	k.w = &w;
	k.begin = k.end = -1;
	k.mark_bytes = xreallocarray(NULL, w.nmarks * 2 + 1, sizeof *k.mark_bytes);
	for (m = 0; m < w.nmarks * 2; m++)
		k.mark_bytes[m] = -1;
	rc = text != NULL ? api->xTokenize(fts, text, len, &k, walk_token) : SQLITE_OK;
	if (rc != SQLITE_OK && rc != WALK_DONE) {
		free(w.marks);
		free(k.mark_bytes);
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	buf_init(&out);
	if (k.begin >= 0) {
		if (k.begin > 0)
			buf_adds(&out, ellipsis);
		at = k.begin;
		for (m = 0; m < w.nmarks; m++) {
			int from = k.mark_bytes[2 * m], to = k.mark_bytes[2 * m + 1];
			if (from < at || to < from)
				continue;
			buf_add(&out, text + at, (size_t)(from - at));
			buf_adds(&out, open);
			buf_add(&out, text + from, (size_t)(to - from));
			buf_adds(&out, close);
			at = to;
		}
		buf_add(&out, text + at, (size_t)(k.end - at));
		if (k.more)
			buf_adds(&out, ellipsis);
	}
	free(w.marks);
	free(k.mark_bytes);
	sqlite3_result_text(ctx, out.data ? out.data : "", (int)out.len, SQLITE_TRANSIENT);
	buf_free(&out);
}

int
store_snippet_register(struct store *st)
{
	sqlite3 *db = store_sqlite(st);
	fts5_api *api = NULL;
	sqlite3_stmt *s;

	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &s, NULL) != SQLITE_OK)
		return store_err(st, "finding FTS5");
	sqlite3_bind_pointer(s, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(s);
	sqlite3_finalize(s);
	if (api == NULL || api->iVersion < 2)
		return err_set("%s: this SQLite has no FTS5", store_path(st));
	if (api->xCreateFunction(api, "dossier_snippet", NULL, snippet_fn, NULL) != SQLITE_OK)
		return store_err(st, "adding the snippet function");
	return store_rank_register(st, api);
}
