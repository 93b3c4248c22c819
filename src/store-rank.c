/*
 * store-rank.c: the ranking of search results, dossier_rank(): FTS5's
 * bm25 with the weights the schema gives its columns, but with a cost that
 * does not grow with the collection.
 *
 *   ... WHERE articles_fts MATCH ?1 AND rank MATCH 'dossier_rank(1.0, 10.0, 4.0)'
 *
 * bm25 weighs each phrase of a query by how rare it is (its inverse
 * document frequency), and FTS5's own bm25 counts a phrase's documents by
 * walking its whole posting list: a common word of a million articles is
 * 800,000 rows read for every search, however few results are ranked
 * (store-search.c ranks only the newest matches). dossier_rank counts at
 * most RANK_COUNT documents of a phrase, from the oldest; past that it
 * estimates the count from how far into the range of article ids the last
 * one counted lies (ids grow with import, so a phrase spread evenly over
 * time is estimated well, and the weight of a common word hardly changes
 * with its exact count anyway). A phrase with no more than RANK_COUNT
 * documents is counted exactly, and the score is then bm25's, to the bit.
 *
 * It is a function of a query ("rank MATCH"), not the index's stored
 * 'rank' option, so the schema stays as it is and any other reader of the
 * database still ranks by bm25.
 *
 * A value after the weights, dossier_rank(W1, W2, W3, TOP), says that only
 * the best TOP rows will be read (a page and the rows before it). bm25
 * needs each row's length, a lookup in the index's table of sizes: at a
 * million articles the rows of a window lie on as many pages of it, most
 * of the pages a search reads. A row's score can only fall as its length
 * grows, and the length is at least the offset of its last match in each
 * column, so a row whose score at that length is already below the TOP
 * best scored so far cannot be among them: it is given that bound, which
 * keeps it below them, without reading its length. The rows that can be
 * returned are scored in full, so their scores and order are bm25's.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "store-int.h"
#include "util.h"

#define RANK_COUNT 2000       /* documents counted per phrase, at most */
#define BM25_K1 1.2           /* FTS5's bm25 constants */
#define BM25_B 0.75
#define RANK_TOP_MAX 100000   /* a larger TOP ranks every row in full */

/* What is the same for every row of one query. */
struct rank_data {
	int nphrase, ncol;
	double avgdl;         /* tokens per document */
	double *idf;          /* per phrase */
	double *freq;         /* per phrase, the current row's, weighted */
	int *span;            /* per column, the current row's tokens up to its last match */
	size_t top, ntop;     /* the best scores wanted, and so far */
	double *best;         /* those, the lowest first (a heap) */
};

static unsigned long counted;   /* documents counted, for tests of the cost */
static unsigned long sized;     /* rows whose length was read, likewise */

struct phrase_count {
	sqlite3_int64 n, last;   /* documents counted, the id of the last */
};

static int
count_cb(const Fts5ExtensionApi *api, Fts5Context *fts, void *arg)
{
	struct phrase_count *c = arg;

	c->last = api->xRowid(fts);
	counted++;
	return ++c->n >= RANK_COUNT ? SQLITE_DONE : SQLITE_OK;
}

static void
rank_data_free(void *p)
{
	struct rank_data *d = p;

	if (d == NULL)
		return;
	free(d->idf);
	free(d->freq);
	free(d->span);
	free(d->best);
	free(d);
}

/* The lowest and highest article ids, the range the phrase counts are
 * estimated over: two lookups at the ends of the table (min and max in one
 * SELECT would read all of it). */
static int
id_range(struct store *st, sqlite3_int64 *lo, sqlite3_int64 *hi)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT (SELECT min(id) FROM articles), (SELECT max(id) FROM articles)");
	int rc;

	if (s == NULL)
		return SQLITE_ERROR;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*lo = sqlite3_column_int64(s, 0);
		*hi = sqlite3_column_int64(s, 1);
		rc = SQLITE_OK;
	}
	sqlite3_reset(s);
	return rc;
}

/* The documents that have phrase I: counted up to RANK_COUNT, estimated
 * beyond. */
static int
phrase_docs(const Fts5ExtensionApi *api, Fts5Context *fts, struct store *st, int i,
    sqlite3_int64 nrow, double *docs)
{
	struct phrase_count c = { 0, 0 };
	sqlite3_int64 lo = 0, hi = 0;
	double est;
	int rc;

	if ((rc = api->xQueryPhrase(fts, i, &c, count_cb)) != SQLITE_OK)
		return rc;
	*docs = (double)c.n;
	if (c.n < RANK_COUNT)
		return SQLITE_OK;
	if ((rc = id_range(st, &lo, &hi)) != SQLITE_OK)
		return rc;
	if (c.last >= lo && hi > lo) {
		est = (double)c.n * ((double)(hi - lo) + 1.0) / ((double)(c.last - lo) + 1.0);
		*docs = est < (double)nrow ? est : (double)nrow;
	}
	return SQLITE_OK;
}

static int
rank_data(const Fts5ExtensionApi *api, Fts5Context *fts, struct store *st,
    int nval, sqlite3_value **val, struct rank_data **out)
{
	struct rank_data *d = api->xGetAuxdata(fts, 0);
	sqlite3_int64 nrow = 0, ntok = 0;
	double docs, idf;
	int rc, i;

	if ((*out = d) != NULL)
		return SQLITE_OK;
	d = xcalloc(1, sizeof *d);
	d->nphrase = api->xPhraseCount(fts);
	d->idf = xcalloc((size_t)d->nphrase + 1, sizeof *d->idf);
	d->freq = xcalloc((size_t)d->nphrase + 1, sizeof *d->freq);
	d->ncol = api->xColumnCount(fts);
	d->span = xcalloc((size_t)d->ncol + 1, sizeof *d->span);
	if (nval > d->ncol && sqlite3_value_int64(val[d->ncol]) > 0 &&
	    sqlite3_value_int64(val[d->ncol]) <= RANK_TOP_MAX) {
		d->top = (size_t)sqlite3_value_int64(val[d->ncol]);
		d->best = xcalloc(d->top, sizeof *d->best);
	}
	rc = api->xRowCount(fts, &nrow);
	if (rc == SQLITE_OK)
		rc = api->xColumnTotalSize(fts, -1, &ntok);
	if (rc == SQLITE_OK)
		d->avgdl = nrow > 0 ? (double)ntok / (double)nrow : 1.0;
	for (i = 0; rc == SQLITE_OK && i < d->nphrase; i++)
		if ((rc = phrase_docs(api, fts, st, i, nrow, &docs)) == SQLITE_OK) {
			/* bm25's, as FTS5 computes it */
			idf = log(((double)nrow - docs + 0.5) / (docs + 0.5));
			d->idf[i] = idf <= 0.0 ? 1e-6 : idf;
		}
	if (rc == SQLITE_OK)
		rc = api->xSetAuxdata(fts, d, rank_data_free);
	else
		rank_data_free(d);
	*out = rc == SQLITE_OK ? d : NULL;
	return rc;
}

/* bm25's sum for the current row's frequencies at length DL. */
static double
score_at(const struct rank_data *d, double dl)
{
	double score = 0.0;
	int i;

	for (i = 0; i < d->nphrase; i++)
		score += d->idf[i] * ((d->freq[i] * (BM25_K1 + 1.0)) /
		    (d->freq[i] + BM25_K1 * (1 - BM25_B + BM25_B * dl / d->avgdl)));
	return score;
}

/* Keeps SCORE if it is among the best d->top so far. */
static void
keep_best(struct rank_data *d, double score)
{
	size_t i = 0, c;
	double t;

	if (d->ntop < d->top) {
		/* up from the end */
		for (i = d->ntop++; i > 0 && d->best[(i - 1) / 2] > score; i = (i - 1) / 2)
			d->best[i] = d->best[(i - 1) / 2];
		d->best[i] = score;
		return;
	}
	if (score <= d->best[0])
		return;
	/* the lowest replaced, down from the root */
	for (;;) {
		c = 2 * i + 1;
		if (c >= d->top)
			break;
		if (c + 1 < d->top && d->best[c + 1] < d->best[c])
			c++;
		if ((t = d->best[c]) >= score)
			break;
		d->best[i] = t;
		i = c;
	}
	d->best[i] = score;
}

/* dossier_rank(W1, W2, ...[, TOP]): the weights of the columns, in order,
 * and the rows wanted (see the top). */
static void
rank_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
    int nval, sqlite3_value **val)
{
	struct rank_data *d;
	double score;
	int rc, n = 0, i, ip, ic, io, ntok = 0, low = 0;

	rc = rank_data(api, fts, api->xUserData(fts), nval, val, &d);
	if (rc == SQLITE_OK) {
		memset(d->freq, 0, sizeof *d->freq * (size_t)d->nphrase);
		memset(d->span, 0, sizeof *d->span * (size_t)d->ncol);
		rc = api->xInstCount(fts, &n);
	}
	for (i = 0; rc == SQLITE_OK && i < n; i++)
		if ((rc = api->xInst(fts, i, &ip, &ic, &io)) == SQLITE_OK) {
			d->freq[ip] += nval > ic && ic < d->ncol ? sqlite3_value_double(val[ic]) : 1.0;
			if (ic >= 0 && ic < d->ncol && io >= d->span[ic])
				d->span[ic] = io + 1;
		}
	if (rc == SQLITE_OK && d->top > 0 && d->ntop == d->top) {
		for (i = 0; i < d->ncol; i++)
			low += d->span[i];
		/* at least this long, so scoring no higher */
		if ((score = score_at(d, (double)low)) < d->best[0]) {
			sqlite3_result_double(ctx, -1.0 * score);
			return;
		}
	}
	if (rc == SQLITE_OK)
		rc = api->xColumnSize(fts, -1, &ntok);
	if (rc != SQLITE_OK) {
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	sized++;
	score = score_at(d, (double)ntok);
	if (d->top > 0)
		keep_best(d, score);
	sqlite3_result_double(ctx, -1.0 * score);
}

unsigned long
store_rank_counted(void)
{
	return counted;
}

unsigned long
store_rank_sized(void)
{
	return sized;
}

int
store_rank_register(struct store *st, fts5_api *api)
{
	if (api->xCreateFunction(api, "dossier_rank", st, rank_fn, NULL) != SQLITE_OK)
		return store_err(st, "adding the ranking function");
	return 0;
}
