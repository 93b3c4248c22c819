/*
 * analyze.h: where extraction meets the database. The import pipeline
 * hands each stored article to an analyzer, which runs extract on it and
 * writes what it found (mentions, candidates, statements) in the
 * article's transaction, and between articles the links between their
 * statements and related ones elsewhere. The commands that change the knowledge base use
 * it to analyse stored articles again.
 *
 *   analyze.c          the knowledge base from files and database; one
 *                      article; re-analysis
 *   analyze-related.c  the related-statement index, kept in memory for a
 *                      run and updated incrementally, both ways
 *
 * extract stays free of SQLite and store free of extraction: this module
 * is the only one that knows both.
 */
#ifndef DOSSIER_ANALYZE_H
#define DOSSIER_ANALYZE_H

#include <stddef.h>
#include <stdint.h>

#include "kb.h"
#include "store.h"
#include "util.h"

struct analyzer;

/* Writes the shipped knowledge base (data/kb/) into the database when it
 * changed since last time, reads the whole knowledge base back (with the
 * user's additions) and builds the matcher: once per run. Problems in the
 * shipped files are reported through warn (may be NULL) and skipped. */
int analyzer_new(struct store *st, kb_warn_fn *warn, void *arg, struct analyzer **out);
void analyzer_free(struct analyzer *an);
const struct kb *analyzer_kb(const struct analyzer *an);

/* Analyses one stored article: body, its paragraph and sentence spans,
 * its publication date (ISO, may be NULL) and its title (may be NULL).
 * Call inside the article's transaction; previous results for it must
 * have been cleared. */
int analyzer_article(struct analyzer *an, int64_t article, const char *body, size_t len,
    const struct text_span *paragraphs, size_t np, const struct text_span *sentences,
    size_t ns, const char *published, const char *title);

/* Links the statements of the articles analysed since the last call to
 * related statements (a batch: see analyze-related.c), in a transaction
 * of its own. Call at the end of a run, and between articles when
 * analyzer_link_due says the batch is full (analyzer_article does not
 * link: inside an article's savepoint every page the linking changes
 * would be journalled first); what a run leaves unlinked is linked by
 * the next. analyzer_link does the same in the caller's transaction,
 * which the caller rolls back when it fails. */
int analyzer_link_due(const struct analyzer *an);
int analyzer_link(struct analyzer *an);
int analyzer_finish(struct analyzer *an);

/* Analyses stored articles again (one transaction each): all of them, or
 * with WORDS set those whose text contains one of the phrases (new names
 * just added to the knowledge base). *count tells how many. */
int analyzer_refresh(struct analyzer *an, const char *const *words, size_t nwords,
    size_t *count);
/* The same for the N articles IDS (those that named an entity removed). */
int analyzer_refresh_ids(struct analyzer *an, const int64_t *ids, size_t n, size_t *count);

/* ---- analyze-eval.c -------------------------------------------------- */

struct extract_eval_scores;
/* Scores the database's analysis of the gold's articles (found by file
 * name in their source) against GOLD_DIR; misses as extract_eval. */
int analyze_eval(struct store *st, const char *gold_dir, struct extract_eval_scores *sc,
    struct buf *misses);

/* ---- analyze-related.c (for analyze.c) ------------------------------ */

struct analyze_related;

struct analyze_statement {
	int64_t id, article, speaker, voice;  /* voice: the state it speaks for */
	const char *terms;                    /* "term[:count] ..." */
	const char *entities;                 /* "id id ..." */
};

struct analyze_related *analyze_related_new(void);
void analyze_related_free(struct analyze_related *r);
/* Adds the statements of one new article (stored already) to the batch,
 * to be linked to related ones (and they back) when it is linked; the
 * first time, statements an earlier run left unlinked join it. VOICE gives the voice of a speaker id.
 * Call in the article's transaction. It does not link: see below. */
int analyze_related_add(struct analyze_related *r, struct store *st,
    const struct analyze_statement *s, size_t n,
    int64_t (*voice)(void *arg, int64_t speaker), void *arg);
/* The batch is full: link it now, before the next article is added. */
int analyze_related_due(const struct analyze_related *r);
/* Links what is pending, in the caller's transaction. When it fails the
 * caller must roll that transaction back: the batch is forgotten, to be
 * read again from the database. */
int analyze_related_link(struct analyze_related *r, struct store *st,
    int64_t (*voice)(void *arg, int64_t speaker), void *arg);
/* Links what is still pending, in a transaction of its own. */
int analyze_related_finish(struct analyze_related *r, struct store *st,
    int64_t (*voice)(void *arg, int64_t speaker), void *arg);
/* Forgets the batch and what is cached, to be read again; or only the
 * statements of one article (whose analysis was cleared). */
void analyze_related_reset(struct analyze_related *r);
void analyze_related_forget(struct analyze_related *r, int64_t article);
/* Rows of the database read to link statements so far: what linking
 * costs, which follows the statements linked, not the corpus. */
uint64_t analyze_related_rows_read(const struct analyze_related *r);

#endif
