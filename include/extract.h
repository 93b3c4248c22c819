/*
 * extract.h: what an article says and who says it. Given an article body
 * (with its paragraph and sentence spans) and a knowledge base, extract
 * finds the mentions of entities, agreements named by date or by their
 * parties, unknown actors introduced by a title, and the statements actors
 * make; and it gives each statement the features related statements are
 * ranked by. It never touches the database: results live in an arena the
 * caller frees, so the module is tested on plain text.
 *
 *   extract-token.c      case folding and tokens: the one view of the text
 *                        every other step reads
 *   extract-ac.c         Aho-Corasick automaton over word tokens
 *   extract-match.c      the alias matcher: whole words, longest match wins
 *   extract-lex.c        cue words from data files (verbs.txt, cues.txt,
 *                        terms.txt)
 *   extract-agreement.c  agreements by date and by parties; anaphora
 *   extract-candidate.c  unknown names typed by their context
 *   extract-statement.c  attribution: reporting verbs and quotations
 *   extract-related.c    key terms and the related-statement score
 *   extract.c            one article, start to end
 *
 * Offsets are byte offsets into the body; spans are half-open.
 */
#ifndef DOSSIER_EXTRACT_H
#define DOSSIER_EXTRACT_H

#include <stddef.h>
#include <stdint.h>

#include "kb.h"
#include "text.h"
#include "util.h"

/* ---- one article (extract.c) --------------------------------------- */

/* Everything built once per run: the KB, its matcher and the cue words. */
struct extractor;

/* KB stays the caller's and must outlive the extractor. */
int extractor_new(const struct kb *kb, const char *datadir, struct extractor **out);
void extractor_free(struct extractor *x);

struct extract_input {
	const char *body;
	size_t len;
	const struct text_span *paragraphs;   /* absolute, in order */
	size_t nparagraphs;
	const struct text_span *sentences;    /* absolute, in order */
	size_t nsentences;
	const char *date;                     /* YYYY-MM-DD published, or NULL */
	const char *title;                    /* the article's title, or NULL */
	const char *lang;                     /* language code ("ru"), or NULL:
	                                         told from the body */
};

enum extract_how {
	EXTRACT_ALIAS,      /* an alias of the entity */
	EXTRACT_PATTERN,    /* an agreement by its date or parties */
	EXTRACT_ANAPHORA,   /* "the agreement" after one was named */
	EXTRACT_TITLE,      /* an unknown name after a title: a candidate */
	EXTRACT_CONTEXT,    /* an unknown name typed by the words around it */
};

/* An entity is a KB index (entity >= 0) or a candidate (entity < 0:
 * candidate number -entity - 1 of the result). */
struct extract_mention {
	size_t start, end;
	int entity;
	enum extract_how how;
};

struct extract_candidate {
	const char *name;
	enum kb_kind kind;
	const char *role;     /* "Foreign Minister of Turkey" or NULL */
};

struct extract_term {
	const char *term;     /* folded, stemmed */
	unsigned count;
};

struct extract_statement {
	size_t start, end;            /* the sentence(s) */
	int speaker;                  /* as extract_mention.entity; see below */
	int has_speaker;
	size_t verb_start, verb_end;  /* the reporting verb, or 0, 0 */
	size_t quote_start, quote_end;/* the quotation, or 0, 0 */
	struct extract_term *terms;   /* key terms, for related statements */
	size_t nterms;
	int *entities;                /* agreements and places it names */
	size_t nentities;
};

struct extract_result {
	struct extract_mention *mentions;       /* in text order */
	size_t nmentions;
	struct extract_statement *statements;   /* in text order */
	size_t nstatements;
	struct extract_candidate *candidates;
	size_t ncandidates;
	/* The entities the title names, at byte offsets into the title, in
	 * its order: the knowledge base's (an agreement or event only when
	 * the body names it or a party to it) and the names the body found; how is
	 * EXTRACT_ALIAS. */
	struct extract_mention *title_mentions;
	size_t ntitle_mentions;
};

/* Analyses one article. Everything in *out is allocated in A. */
int extract_article(const struct extractor *x, const struct extract_input *in,
    struct arena *a, struct extract_result *out);

/* ---- related statements (extract-related.c) ------------------------ */

/* What a statement is compared by. Speakers are database ids here, since
 * related statements span articles; terms and entities are numbers the
 * caller gives them, with weights from the corpus it knows. */
struct extract_profile {
	int64_t id, article;
	int64_t speaker;          /* 0 when none */
	int64_t speaker_for;      /* the state or body the speaker speaks for */
	const uint32_t *terms;    /* key terms, ascending, distinct */
	const double *weights;    /* their tf-idf weights, unit length */
	size_t nterms;
	const uint32_t *ents;     /* agreements and places named, ascending */
	const double *ent_idf;    /* their inverse document frequencies */
	size_t nents;
	double max_idf;           /* the idf of something named once */
};

/* How related two statements are, in [0, ~1.6]: the cosine of their term
 * weights; plus the agreements and places both name, weighted by how
 * rarely they are named (a shared rare agreement says more than the
 * corridor every article names); plus a share for the same speaker or one
 * speaking for the other's state. */
double extract_related_score(const struct extract_profile *a, const struct extract_profile *b);

/* ---- measuring against a reader's marks (extract-eval.c) ------------- */

/* The gold files of a directory (entities.tsv, statements.tsv,
 * related.tsv; see the corpus README). */
struct extract_gold;
int extract_gold_load(const char *dir, struct extract_gold **out);
void extract_gold_free(struct extract_gold *g);
/* The article file names the gold speaks of. */
size_t extract_gold_files(const struct extract_gold *g, const char *const **files);

struct extract_eval_entity {
	const char *file, *name;      /* one per entity found in the file */
	const char *kind;
	int64_t id;                   /* as the caller's known() answers */
	int found;                    /* a name found from context, spelled as
	                                 the article spells it */
};

struct extract_eval_statement {
	const char *file;
	const char *text;             /* the statement's words */
	const char *speaker;          /* canonical name, or NULL */
	int64_t speaker_id;           /* as the caller's known() answers; 0: none */
	int speaker_found;            /* the speaker is a name found from context */
	const size_t *related;        /* indexes of its related statements in
	                                 the same array, best first */
	size_t nrelated;
};

struct extract_eval_input {
	const char *const *files;     /* the gold's files that were found */
	size_t nfiles;
	const struct extract_eval_entity *entities;
	size_t nentities;
	const struct extract_eval_statement *statements;
	size_t nstatements;
	/* The entity the reader's canonical NAME (of KIND; NULL: any) is a
	 * name of, canonical or alias, 0 when none: a reader may call an
	 * entity by another of its names ("ASEAN", "Sukhum") than the one
	 * the knowledge base puts first. May be NULL. */
	int64_t (*known)(void *arg, const char *name, const char *kind);
	void *known_arg;
};

struct extract_eval_scores {
	size_t files, gold_files;
	size_t ent_gold, ent_hit_gold, ent_pred, ent_hit_pred;
	size_t st_gold, st_hit_gold, st_pred, st_hit_pred;
	size_t rel_pairs, rel_hits;
	size_t kind_gold[KB_NKINDS], kind_hit[KB_NKINDS];   /* entity recall by kind */
	double ent_recall, ent_precision, st_recall, st_precision, rel_found;
};

/* Scores what was found against the gold, for the files found. With
 * MISSES set, appends one line per miss or extra (for diagnosis). */
void extract_eval(const struct extract_gold *g, const struct extract_eval_input *in,
    struct extract_eval_scores *sc, struct buf *misses);

#endif
