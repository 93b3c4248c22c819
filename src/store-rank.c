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

/* What is the same for every row of one query. */
struct rank_data {
	int nphrase;
	double avgdl;         /* tokens per document */
	double *idf;          /* per phrase */
	double *freq;         /* per phrase, the current row's, weighted */
};

static unsigned long counted;   /* documents counted, for tests of the cost */

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
    struct rank_data **out)
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

/* dossier_rank(W1, W2, ...): the weights of the columns, in order. */
static void
rank_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
    int nval, sqlite3_value **val)
{
	struct rank_data *d;
	double score = 0.0, dl;
	int rc, n = 0, i, ip, ic, io, ntok = 0;

	rc = rank_data(api, fts, api->xUserData(fts), &d);
	if (rc == SQLITE_OK) {
		memset(d->freq, 0, sizeof *d->freq * (size_t)d->nphrase);
		rc = api->xInstCount(fts, &n);
	}
	for (i = 0; rc == SQLITE_OK && i < n; i++)
		if ((rc = api->xInst(fts, i, &ip, &ic, &io)) == SQLITE_OK)
			d->freq[ip] += nval > ic ? sqlite3_value_double(val[ic]) : 1.0;
	if (rc == SQLITE_OK)
		rc = api->xColumnSize(fts, -1, &ntok);
	if (rc != SQLITE_OK) {
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	dl = (double)ntok;
	for (i = 0; i < d->nphrase; i++)
		score += d->idf[i] * ((d->freq[i] * (BM25_K1 + 1.0)) /
		    (d->freq[i] + BM25_K1 * (1 - BM25_B + BM25_B * dl / d->avgdl)));
	sqlite3_result_double(ctx, -1.0 * score);
}

unsigned long
store_rank_counted(void)
{
	return counted;
}

int
store_rank_register(struct store *st, fts5_api *api)
{
	if (api->xCreateFunction(api, "dossier_rank", st, rank_fn, NULL) != SQLITE_OK)
		return store_err(st, "adding the ranking function");
	return 0;
}
