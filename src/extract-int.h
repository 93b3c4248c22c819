/*
 * extract-int.h: the pieces extraction is built from, shared by
 * src/extract-*.c and nobody else (the matcher's benchmark and fuzz target
 * and the unit tests reach in on purpose): tokens, the phrase automaton,
 * the alias matcher, the cue words and the per-article context the steps
 * pass along. The rest of dossier sees extract.h only.
 */
#ifndef DOSSIER_EXTRACT_INT_H
#define DOSSIER_EXTRACT_INT_H

#include "extract.h"

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
/* Whether word K is written in capitals ("МАГАТЭ", "NATO"): its first two
 * letters are. */
int extract_tok_caps(const struct extract_text *t, size_t k);
/* Whether tokens A and B, of one text or two, have the same key (the
 * same word, folded). */
int extract_tok_same(const struct extract_tok *a, const struct extract_tok *b);

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
/* The matches of the last scan (extract_match_lang, HITS its NHITS) that
 * lie inside one of HITS and begin after it does ("Gaza" of "the war in
 * Gaza"), non-overlapping, the longest winning, in text order. */
size_t extract_match_inside(const struct extract_matcher *m, const struct extract_text *t,
    const struct extract_hit *hits, size_t nhits, struct extract_hit **in, size_t *cap);

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
	CUE_QUANTIFIER,   /* "two" of "two Egyptian sources": stands for "the" there */
	CUE_PARTICIPLE,   /* "söyleyen X": a reporting participle, the speaker after it */
	CUE_DOCUMENT,     /* "the statement said": what the last speaker issued */
	CUE_RELAY,        /* ", сообщает ТАСС": an outlet passing on the last speaker's words */
	CUE_BODY,         /* "the ministry said": the organization named last */
	CUE_OFFICIAL,     /* "the Omani official": one person of the state, named before */
	CUE_UNASSERTED,   /* "did not", "would": the reporting verb after it reports nothing */
	CUE_CONDITION,    /* "if": a reporting verb in the clause it opens reports nothing */
	CUE_NEUTER,       /* "it": the state or body opening the sentence before */
	CUE_PLURAL,       /* "they": the pair named together just before */
	CUE_MEDIUM,       /* "в интервью ТАСС заявил": the outlet spoken through is no subject */
	CUE_CREDIT,       /* "Reporting by X": a wire credit names journalists (names.txt) */
	CUE_ROLE,         /* "lawmaker X", "депутат X": a person's role, no speaker's title (names.txt) */
	CUE_MONTH_WORD,   /* a month's word in any letter case ("Марта" too): a date may be there */
	CUE_NCLASSES
};
/* A token's cue classes are bits of a uint64_t (extract_ctx's masks). */
_Static_assert(CUE_NCLASSES <= 64, "cue classes fit the masks' bits");

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
/* A letter group of a word in another script and its Latin spellings
 * (the usual one first), or one byte the [romanize] lines leave as it is
 * (S: a space, a hyphen, a Latin letter). */
struct extract_spelling {
	const char *s;                /* the byte, or NULL */
	const char *const *latin;
	size_t n;
};
/* S (N bytes, case-folded) cut into letter groups as the [romanize]
 * lines of language CODE say, into *OUT (freed by the caller); their
 * number, 0 when CODE has no such lines. */
size_t extract_lex_spell(const struct extract_lex *lx, const char *code, const char *s, size_t n,
    struct extract_spelling **out);
/* Strips one suffix from a key term in place ("checkpoints" ->
 * "checkpoint"), per terms.txt; returns the new length. */
size_t extract_lex_stem(const struct extract_lex *lx, char *w, size_t n);
/* Whether W ends in a suffix of [skip-suffixes] ("vehemently"). */
int extract_lex_skip_suffix(const struct extract_lex *lx, const char *w, size_t n);
/* Whether W ends in a part of [body-stems] after another part and at most
 * a case ending: a body's compound name ("Газпроме", "Роскосмосе"). */
int extract_lex_body_stem(const struct extract_lex *lx, const char *w, size_t n);
#define EXTRACT_CUE(cls, value) ((uint32_t)(cls) << 16 | (uint32_t)(value))
#define EXTRACT_CUE_CLASS(p) ((p) >> 16)
#define EXTRACT_CUE_VALUE(p) ((p) & 0xFFFF)

/* ---- names across scripts (extract-roman.c) ------------------------ */

/* The people of a knowledge base by the consonants of their Latin names
 * ("Majed Al-Ansari": "mjd lnsr"), so that a name spelled in another
 * script or language ("Mecid el-Ensari", "Дмитрий Песков") finds them. */
struct extract_roman;

struct extract_roman *extract_roman_new(const struct kb *kb);
void extract_roman_free(struct extract_roman *r);
/* The person whose Latin name has the consonants of the name spelled
 * SP[0, N) with each group's usual Latin spelling; failing that, of the
 * one person some other choice of the groups' spellings names; or -1
 * (none, or more than one). */
int extract_roman_find(const struct extract_roman *r, const struct extract_spelling *sp, size_t n);
const struct extract_roman *extractor_roman(const struct extractor *x);

/* extract-titles.c: the knowledge base's people with roles, indexed by
 * the last word of each title less its ending of gender, so that who
 * holds a title is looked for among the few it can fit. */
struct extract_titles;
struct extract_title_holder {
	char *key;
	int entity;
};

struct extract_titles *extract_titles_new(const struct kb *kb);
void extract_titles_free(struct extract_titles *t);
/* The people some role of whom CUE may fit ("foreign minister",
 * "spokeswoman"), each once, *N of them: every one extract_title_fits
 * finds, and perhaps more; extract_title_fits tells. */
const struct extract_title_holder *extract_titles_find(const struct extract_titles *t,
    const char *cue, size_t *n);
/* Whether CUE names the role TITLE: "foreign minister" the role "Foreign
 * Minister"; a one-word title ("minister", "spokeswoman") any role ending
 * in that word but for its ending of gender. */
int extract_title_fits(const char *cue, const char *title);
/* The length of WORD without an ending of gender ("spokes" of
 * "spokeswoman", "spokesman" and "spokesperson"; "chair" of "chairman"),
 * or LEN. */
size_t extract_sex_neutral(const char *word, size_t len);
const struct extract_titles *extractor_titles(const struct extractor *x);

/* The nouns that refer back to place or organization E ("the corridor"),
 * NULL-terminated, or NULL. */
const char *const *extractor_heads(const struct extractor *x, int e);

/* ---- one article in the making (extract.c) ------------------------- */

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
	uint64_t *mask_from, *mask_to, *mask_in;   /* cue classes per token, as bits */
	/* mentions so far, and which one covers each token (-1: none) */
	struct extract_mention *m;
	size_t nm, mcap;
	size_t *m_first, *m_last;   /* token ranges of the mentions */
	int *ment_at;
	/* mentions of the knowledge base's entities that a wider name took
	 * in ("Gaza" of "the war in Gaza"): in the result, not in ment_at */
	struct extract_mention *inner;
	size_t ninner, innercap;
	struct extract_candidate *cand;
	size_t ncand, candcap;
	struct extract_statement *st;
	size_t nst, stcap;
	size_t *sent_tok;           /* first token of each sentence, and ntok */
	size_t *para_of_sent;
	/* per knowledge base entity, 1 when the article names it: read
	 * once, when a joint text's parties are first looked for
	 * (extract-resolve.c) */
	unsigned char *named;
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
/* Keeps mention M, of an entity of the knowledge base, in the result
 * before a wider name from token FIRST takes its words in: the place of
 * "the war in Gaza" is named there as much as the war. */
void extract_keep_inner(struct extract_ctx *c, int m, size_t first);
/* Makes mention M cover tokens [first, last] as ENTITY, found HOW: a
 * mention widened over the words around it that are its name too. */
void extract_set_mention(struct extract_ctx *c, int m, size_t first, size_t last, int entity,
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
/* A dated agreement of the knowledge base (not dismissed): its index and
 * the first and last day of its date. */
struct extract_dated {
	int idx;
	long first, last;
};
/* The extractor's dated agreements, in the knowledge base's order: their
 * dates read once when it is made, not once a date in an article. */
const struct extract_dated *extract_dated_agreements(const struct extractor *x, size_t *n);
/* Whether alias hit I of HITS may stand: an agreement named in lower-case
 * words only needs one of its parties among HITS. */
int extract_agreement_grounded(const struct extract_ctx *c, const struct extract_hit *hits,
    size_t nhits, size_t i);
void extract_anaphora(struct extract_ctx *c);
/* extract-surname.c: a known person's surname alone after the full name,
 * with the case endings of LANGS. */
void extract_surnames(struct extract_ctx *c, const struct text_langs *langs);
/* extract-candidate.c: unknown names typed by their context. */
void extract_candidates(struct extract_ctx *c);
/* The text of tokens [first, last] as written (one space where there is
 * any), in the article's arena. */
char *extract_span_text(const struct extract_ctx *c, size_t first, size_t last);
/* NAME as a found name of KIND (no mention): its candidate number, or -1
 * when the knowledge base knows it or it is another kind's. */
int extract_candidate_add(struct extract_ctx *c, const char *name, enum kb_kind kind);

/* extract-described.c: agreements and events named by what they are
 * ("the latest ceasefire proposal", "the Gaza war"), data/described.txt. */
struct extract_described;
int extract_described_load(const char *dir, struct extract_described **out);
void extract_described_free(struct extract_described *d);
const struct extract_described *extractor_described(const struct extractor *x);
void extract_described(struct extract_ctx *c);
/* What kind of agreement or event words say, as bits: the [kind-*]
 * sections of described.txt, and [three-party] ("trilateral"). */
#define EXTRACT_KIND_CEASEFIRE   (1u << 0)
#define EXTRACT_KIND_PEACE       (1u << 1)
#define EXTRACT_KIND_STATEMENT   (1u << 2)
#define EXTRACT_KIND_WAR         (1u << 3)
#define EXTRACT_KIND_GENOCIDE    (1u << 4)
#define EXTRACT_KIND_REVOLUTION  (1u << 5)
#define EXTRACT_KIND_THREE       (1u << 6)
#define EXTRACT_KIND_UNMADE      (1u << 7)   /* a text not yet agreed: "proposal", "new" */
#define EXTRACT_KIND_AGREEMENT \
	(EXTRACT_KIND_CEASEFIRE | EXTRACT_KIND_PEACE | EXTRACT_KIND_STATEMENT)
/* The kinds the words of tokens [first, last] say. */
unsigned extract_described_kinds(const struct extract_ctx *c, size_t first, size_t last);
/* The kinds the words of NAME (a knowledge base name or alias) say. */
unsigned extract_described_name_kinds(struct extract_described *d, const char *name);
/* The kinds each knowledge base entity's name and aliases say, by index. */
const unsigned *extractor_kinds(const struct extractor *x);

/* extract-resolve.c: a description of an agreement or event resolved to
 * the knowledge base's one entity of KIND it fits: the kinds its words
 * say, the parties it names (else the article's most-named states), the
 * year in or after it (else the latest before the article's date) and
 * its length in DAYS (0: none said, -1: one said that cannot be read).
 * The entity, or -1 when none or more than
 * one fits. */
int extract_resolve(const struct extract_ctx *c, enum kb_kind kind, size_t first, size_t last,
    long days);
/* A statement or declaration [first, last] resolved to the knowledge
 * base's one of two or more parties, every one named in the article and
 * no other state in its sentence: the one of the year, month and day
 * Y, M, D said (0: not said; a month and day without a year, with
 * "trilateral" the latest of any year, without it the article's year's;
 * a month without its day, every text of it); with none said, a
 * "trilateral" one, the first of its parties; never one after the
 * article's date. The entity, or -1 when none or more than one fits. */
int extract_resolve_statement(struct extract_ctx *c, size_t first, size_t last, long y,
    long m, long d);
/* "this agreement", "the ceasefire", "это соглашение", "bu razılaşma",
 * "այդ համաձայնագիրը": a word of [anaphor-determiners] at K and a
 * word naming a signed text or a ceasefire after it (no proposal's or
 * plan's). The token after it, the kinds its noun says in *KINDS; else
 * K. */
size_t extract_described_anaphor(const struct extract_ctx *c, size_t k, unsigned *kinds);
/* Whether the text whose name starts at K is named after whoever or
 * wherever is written just before it: "the Russian statement of 9
 * November", "Lavrov's statement", "the Armenian foreign ministry's
 * statement" (one side's, though on the day of a joint one), and with
 * THREE ("trilateral") "the Sochi trilateral statement" (a place's, as
 * the states may stand before a joint one). */
int extract_described_one_side(const struct extract_ctx *c, size_t k, int three);
/* Whether token K is an event's head noun ("Summit", "Konfransı"). */
int extract_described_event_head(const struct extract_ctx *c, size_t k);
/* The capitalized name [first, last] of WORDS words ending in an event's
 * head noun, with a place or state named just before it: 1 when it was
 * taken as a found event. */
int extract_described_event(struct extract_ctx *c, size_t first, size_t last, size_t words);
/* extract-statement.c */
void extract_statements(struct extract_ctx *c);
/* extract-related.c: terms and entities of each statement. */
void extract_statement_features(struct extract_ctx *c);

#endif
