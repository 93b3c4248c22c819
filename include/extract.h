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

/* ---- the text as tokens (extract-token.c) -------------------------- */

/* A word (letters, marks, digits) or one punctuation character; white
 * space separates tokens and square brackets are dropped, so "four
 * [trilateral] statements" reads as "four trilateral statements". */
struct extract_tok {
	const char *key;      /* case-folded bytes; typographic apostrophes and
	                         hyphens are the ASCII ones */
	uint32_t klen;
	uint32_t hash;
	size_t start, end;    /* the original bytes */
	unsigned char word;   /* 1 for a word, 0 for punctuation */
	unsigned char upper;  /* the original starts with a capital letter */
};

/* One text and its tokens; reusable across texts (extract_text_set frees
 * what the previous text needed). */
struct extract_text {
	const char *s;
	size_t len;
	struct text_fold fold;
	struct extract_tok *tok;
	size_t ntok, cap;
	char *keys;           /* keys that are not a span of fold.s */
	size_t nkeys, keycap;
	char **old;           /* earlier key blocks, still pointed to */
	size_t nold;
};

void extract_text_init(struct extract_text *t);
int extract_text_set(struct extract_text *t, const char *s, size_t len);
void extract_text_free(struct extract_text *t);
/* Index of the first token starting at or after byte OFF. */
size_t extract_tok_at(const struct extract_text *t, size_t off);

/* ---- phrase automaton (extract-ac.c) ------------------------------- */

/* A set of phrases matched over tokens: one Aho-Corasick automaton whose
 * alphabet is the set of words in the phrases, so a token costs one hash
 * probe and whole-word matching comes for free. */
struct extract_ac;

struct extract_occ {
	size_t first, last;   /* token indexes, inclusive */
	uint32_t payload;
};

struct extract_ac *extract_ac_new(void);
void extract_ac_free(struct extract_ac *ac);
/* Adds PHRASE (any case; folded here). With exact set, a match must also
 * have the phrase's letter case. Returns -1 for a phrase without tokens. */
int extract_ac_add(struct extract_ac *ac, const char *phrase, uint32_t payload, int exact);
/* Builds the failure links; call once after the last add. */
void extract_ac_build(struct extract_ac *ac);
size_t extract_ac_phrases(const struct extract_ac *ac);
/* Appends every occurrence in T (overlapping ones too) to *occ (growable:
 * *n entries used of *cap). */
void extract_ac_scan(const struct extract_ac *ac, const struct extract_text *t,
    struct extract_occ **occ, size_t *n, size_t *cap);
/* Files each phrase word also under the stems LANGS' [stem-endings] make
 * of it; call after extract_ac_build. */
void extract_ac_inflect(struct extract_ac *ac, const struct text_langs *langs);
/* extract_ac_scan where a token may be a phrase word with one of LANG's
 * case endings (LANG NULL: none). */
void extract_ac_scan_lang(const struct extract_ac *ac, const struct extract_text *t,
    const struct text_lang *lang, struct extract_occ **occ, size_t *n, size_t *cap);

/* ---- the alias matcher (extract-match.c) --------------------------- */

struct extract_matcher;

struct extract_hit {
	size_t first, last;   /* tokens, inclusive */
	size_t start, end;    /* bytes of the original */
	int entity;           /* kb index */
};

/* Builds the automaton over every alias and canonical name of every
 * entity in KB that is not dismissed. Aliases in capitals only ("EU")
 * match only in capitals. With LANGS (may be NULL), aliases also match
 * with the case endings of the text's language (extract_match_lang). */
int extract_matcher_new(const struct kb *kb, struct extract_matcher **out);
int extract_matcher_new_langs(const struct kb *kb, const struct text_langs *langs,
    struct extract_matcher **out);
void extract_matcher_free(struct extract_matcher *m);
size_t extract_matcher_size(const struct extract_matcher *m);
/* The matches in T, whole words, non-overlapping, the longest winning
 * where they overlap, in text order. *hits is growable as above. */
size_t extract_match(const struct extract_matcher *m, const struct extract_text *t,
    struct extract_hit **hits, size_t *cap);
/* The same in a text in LANG (NULL: none): aliases with its endings too. */
size_t extract_match_lang(const struct extract_matcher *m, const struct extract_text *t,
    const struct text_lang *lang, struct extract_hit **hits, size_t *cap);

/* ---- cue words (extract-lex.c) ------------------------------------- */

/* Classes of cue phrases, from data/verbs.txt, data/cues.txt,
 * data/names.txt and data/lang/. */
enum extract_cue {
	CUE_VERB,         /* reporting verbs: said, called for, ... */
	CUE_SKIP,         /* may stand between subject and verb: also, has */
	CUE_PRONOUN,      /* he, she */
	CUE_POSSESSIVE,   /* his, her ("in his view") */
	CUE_GROUP,        /* the sides, both ministers */
	CUE_SIDE,         /* "the Armenian side", "the Russian government" */
	CUE_TITLE,        /* foreign minister, president */
	CUE_PROXY,        /* "Pashinyan's office" speaks for Pashinyan */
	CUE_ACCORDING,    /* according to X */
	CUE_VIEW,         /* in X's view */
	CUE_NOMINAL,      /* "a call from X" */
	CUE_AGREEMENT,    /* agreement, statement, treaty, ... */
	CUE_ANAPHORA,     /* the agreement, the document */
	CUE_MONTH,        /* payload value: 1..12 */
	CUE_BETWEEN,      /* between (parties of an agreement) */
	CUE_AND,          /* and */
	CUE_DETERMINER,   /* the */
	CUE_STOPWORD,     /* no key term (data/terms.txt) */
	CUE_ORG_HEAD,     /* a name with "Ministry" is an organization (names.txt) */
	CUE_AGREEMENT_HEAD, /* ... with "Accords" an agreement */
	CUE_PLACE_HEAD,   /* "Kursk region" */
	CUE_PLACE_BEFORE, /* "the city of Rafah" */
	CUE_LOCATIVE,     /* "in Antalya" */
	CUE_JOINER,       /* "of" inside "Ministry of Foreign Affairs" */
	CUE_PARTICLE,     /* "bin" inside "Badr bin Hamad al-Busaidi" */
	CUE_BACKREF,      /* "Об этом заявил X": X said the sentence before */
	CUE_NCLASSES
};

struct extract_lex;

/* Loads verbs.txt, cues.txt, terms.txt and lang/CODE.txt from DIR (normally
 * path_data_dir()). Errors name the file and line. */
int extract_lex_load(const char *dir, struct extract_lex **out);
void extract_lex_free(struct extract_lex *lx);
/* For the pieces below (extract-*.c): the English cues, and those of
 * the language CODE (NULL when it has none). */
const struct extract_ac *extract_lex_ac(const struct extract_lex *lx);
const struct extract_ac *extract_lex_ac_lang(const struct extract_lex *lx, const char *code);
/* The English title ("Foreign Minister") a title in another language
 * stands for ("министр иностранных дел": folded, words one space apart),
 * per the "TITLE = ENGLISH" lines of [titles]; NULL when none. */
const char *extract_lex_title(const struct extract_lex *lx, const char *phrase);
/* Strips one suffix from a key term in place ("checkpoints" ->
 * "checkpoint"), per terms.txt; returns the new length. */
size_t extract_lex_stem(const struct extract_lex *lx, char *w, size_t n);
/* Whether W ends in a suffix of [skip-suffixes] ("vehemently"). */
int extract_lex_skip_suffix(const struct extract_lex *lx, const char *w, size_t n);
#define EXTRACT_CUE(cls, value) ((uint32_t)(cls) << 16 | (uint32_t)(value))
#define EXTRACT_CUE_CLASS(p) ((p) >> 16)
#define EXTRACT_CUE_VALUE(p) ((p) & 0xFFFF)

/* ---- one article (extract.c) --------------------------------------- */

/* Everything built once per run: the KB, its matcher and the cue words. */
struct extractor;

/* KB stays the caller's and must outlive the extractor. */
int extractor_new(const struct kb *kb, const char *datadir, struct extractor **out);
void extractor_free(struct extractor *x);
const struct kb *extractor_kb(const struct extractor *x);
const struct extract_lex *extractor_lex(const struct extractor *x);
/* The languages of data/lang/. */
const struct text_langs *extractor_langs(const struct extractor *x);
/* The nouns that refer back to place or organization E ("the corridor"),
 * NULL-terminated, or NULL. */
const char *const *extractor_heads(const struct extractor *x, int e);

struct extract_input {
	const char *body;
	size_t len;
	const struct text_span *paragraphs;   /* absolute, in order */
	size_t nparagraphs;
	const struct text_span *sentences;    /* absolute, in order */
	size_t nsentences;
	const char *date;                     /* YYYY-MM-DD published, or NULL */
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
};

/* Analyses one article. Everything in *out is allocated in A. */
int extract_article(const struct extractor *x, const struct extract_input *in,
    struct arena *a, struct extract_result *out);

/* ---- for extract-*.c only: one article in the making --------------- */

struct extract_ctx {
	const struct extractor *x;
	const struct kb *kb;
	const struct extract_lex *lx;
	const struct extract_input *in;
	const struct text_lang *lang;   /* the article's, or NULL */
	struct arena *a;
	struct extract_text t;
	/* cue occurrences, chained per first and per last token */
	struct extract_occ *cue;
	size_t ncue, cuecap;
	uint32_t *cue_first, *cue_last, *next_first, *next_last;
	uint32_t *mask_from, *mask_to, *mask_in;   /* cue classes per token, as bits */
	/* mentions so far, and which one covers each token (-1: none) */
	struct extract_mention *m;
	size_t nm, mcap;
	size_t *m_first, *m_last;   /* token ranges of the mentions */
	int *ment_at;
	struct extract_candidate *cand;
	size_t ncand, candcap;
	struct extract_statement *st;
	size_t nst, stcap;
	size_t *sent_tok;           /* first token of each sentence, and ntok */
	size_t *para_of_sent;
};

/* The longest cue of class CLS starting (ending) at token K: 1 and the
 * other end in *other, else 0. */
int extract_cue_from(const struct extract_ctx *c, size_t k, int cls, size_t *other);
int extract_cue_to(const struct extract_ctx *c, size_t k, int cls, size_t *other);
/* Whether token K is in any cue occurrence of class CLS. */
int extract_cue_in(const struct extract_ctx *c, size_t k, int cls);
/* Adds a mention over tokens [first, last] unless one is there already;
 * returns its index or -1. */
int extract_add_mention(struct extract_ctx *c, size_t first, size_t last, int entity,
    enum extract_how how);
/* The sentence token K is in. */
size_t extract_sentence_of(const struct extract_ctx *c, size_t k);
/* Whether tokens [first, last] are all free of mentions. */
int extract_free(const struct extract_ctx *c, size_t first, size_t last);
/* The person, state or organization (or candidate) a mention names, as
 * extract_mention.entity; 0 when it names something else. */
int extract_is_actor(const struct extract_ctx *c, int entity);

/* extract-agreement.c: agreements named by date or parties; anaphora. */
void extract_agreements(struct extract_ctx *c);
void extract_anaphora(struct extract_ctx *c);
/* extract-candidate.c: unknown names typed by their context. */
void extract_candidates(struct extract_ctx *c);
/* extract-statement.c */
void extract_statements(struct extract_ctx *c);
/* extract-related.c: terms and entities of each statement. */
void extract_statement_features(struct extract_ctx *c);

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
};

struct extract_eval_statement {
	const char *file;
	const char *text;             /* the statement's words */
	const char *speaker;          /* canonical name, or NULL */
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
