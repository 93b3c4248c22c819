/*
 * anno.h: the user's annotations: highlights anchored in an article's
 * text, tags from a codebook, notes, and for claims a speaker, a target
 * and a verification status; every change durable and undoable.
 *
 *   anno-anchor.c    where a highlight is, as offsets plus the quote and
 *                    its context, and finding it again in a changed text
 *                    (pure: no SQLite, tested alone)
 *   anno-codebook.c  the codebook file (data/codebook.tsv), tag names and
 *                    colours, and seeding the tags of a new database
 *   anno.c           changes to annotations and tags, each committed
 *                    durably and recorded in the session's undo log
 *   anno-carry.c     placing an annotation in a changed text, and
 *                    carrying annotations over to a new version of an
 *                    article when it is imported again
 *   anno-import.c    merging annotations from a W3C JSON document
 *   anno-article.c   an annotation's article, read once for a run of its
 *                    annotations, and its offsets in characters
 *   anno-time.c      the times of annotations as instants, for deciding
 *                    which copy is newer (pure, tested alone)
 *
 * The rows themselves are struct store_anno / store_tag (store.h).
 */
#ifndef DOSSIER_ANNO_H
#define DOSSIER_ANNO_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"
#include "text.h"

/* ---- anno-anchor.c ---------------------------------------------------- */

/* Characters (code points) of context kept on each side of a quote. */
#define ANNO_CONTEXT_CHARS 32

/* W3C TextPositionSelector (bytes here) + TextQuoteSelector. */
struct anno_anchor {
	size_t start, end;
	char *quote, *prefix, *suffix;
};
void anno_anchor_free(struct anno_anchor *a);
/* Anchors body[start, end): fails unless 0 <= start < end <= len and both
 * ends fall on character boundaries of the (valid UTF-8) body. */
int anno_anchor_make(const char *body, size_t len, size_t start, size_t end,
    struct anno_anchor *out);

/* How an anchor was found again, best first. */
enum anno_placed {
	ANNO_PLACED_NONE,      /* nowhere: the annotation is orphaned */
	ANNO_PLACED_EXACT,     /* same offsets, same quote and context */
	ANNO_PLACED_CONTEXT,   /* the quote with its whole context, moved */
	ANNO_PLACED_QUOTE,     /* the quote, context changed; nearest wins */
	ANNO_PLACED_FUZZY,     /* a close match within the edit bound */
};
const char *anno_placed_name(enum anno_placed p);  /* NULL for NONE */
/* Finds OLD in BODY: first the quote with its context (nearest the old
 * offset if several), then the quote alone (most context, then nearest),
 * then fuzzily: the text between the unchanged prefix and suffix when it
 * is within an edit distance of half the quote's length, else the
 * closest approximate match anywhere within a fifth of its length. On
 * success *start and *end are byte offsets on character boundaries. */
enum anno_placed anno_anchor_place(const char *body, size_t len,
    const struct anno_anchor *old, size_t *start, size_t *end);
/* The largest edit distance a fuzzy match of a QUOTE_CHARS quote may
 * have (0: too short to match fuzzily). */
size_t anno_fuzzy_bound(size_t quote_chars);
/* Levenshtein distance, in characters, between two valid UTF-8 strings. */
size_t anno_edit_distance(const char *a, size_t alen, const char *b, size_t blen);

/* ---- anno-codebook.c -------------------------------------------------- */

/* One line of a codebook file: "name<TAB>colour<TAB>key<TAB>description". */
struct anno_code {
	char *name, *color, *key, *description;
};
/* Parses a codebook file; errors name the file and line. */
int anno_codebook_parse(const char *path, const char *text, size_t len,
    struct anno_code **out, size_t *n);
int anno_codebook_load(const char *path, struct anno_code **out, size_t *n);
void anno_codebook_free(struct anno_code *codes, size_t n);
/* The first time a database is used for annotations, fills its tags from
 * the default codebook (path_data_file("codebook.tsv")). Never again
 * afterwards, so tags the user removed or merged stay gone. */
int anno_codebook_seed(struct store *st);

/* Checks on what users type; 0 when fine, else -1 with a message. */
int anno_tag_name_check(const char *name);   /* "claim", "claim/unverified" */
int anno_color_check(const char *color);     /* "red", "brightred", "214" */
int anno_key_check(const char *key);         /* one printable ASCII char */
/* A colour or key as typed: "none" means none (NULL), whoever reads it. */
const char *anno_none(const char *word);

/* ---- anno.c ----------------------------------------------------------- */

/* The changes one reader (or one command) makes, in order, for undo and
 * redo. Every change is committed durably before the function returns. */
struct anno_session;
int anno_session_open(struct store *st, struct anno_session **out);
void anno_session_free(struct anno_session *s);
struct store *anno_session_store(struct anno_session *s);
/* Who the session's new annotations are recorded as made by: the config's
 * `set coder NAME`, else the login name; NULL when neither is known. */
const char *anno_session_coder(const struct anno_session *s);

/* A new highlight of body[start, end) of an article. */
struct anno_new {
	int64_t article_id;
	const char *body;        /* NULL: read from the store */
	size_t len;
	size_t start, end;       /* bytes */
	const char *const *tags; /* names; created when missing */
	size_t ntags;
	const char *note;
	int64_t speaker_id;      /* 0: the speaker of the statement that
	                          * contains the span, if there is one */
	int64_t target_id;
	enum store_anno_status status;
};
int anno_add(struct anno_session *s, const struct anno_new *n, int64_t *id);
int anno_delete(struct anno_session *s, int64_t id);
/* NOTE NULL or "" removes the note. */
int anno_set_note(struct anno_session *s, int64_t id, const char *note);
/* The note edited from ORIG (what the editor was given) to NOTE: when
 * another program changed the stored note meanwhile and NOTE only adds to
 * the end of ORIG, the addition goes after the note as it is now, in one
 * transaction, so neither writer's words are lost. */
int anno_edit_note(struct anno_session *s, int64_t id, const char *orig, const char *note);
/* Adds the tag if the annotation lacks it, else removes it; *now says
 * which (1 added, 0 removed). */
int anno_toggle_tag(struct anno_session *s, int64_t id, int64_t tag_id, int *now);
/* Speaker and target are entity ids (0: none). */
int anno_set_claim(struct anno_session *s, int64_t id, int64_t speaker_id,
    int64_t target_id, enum store_anno_status status);

/* Tags of the codebook; these changes are undoable too. */
int anno_tag_create(struct anno_session *s, const char *name, const char *color,
    const char *key, int64_t *id);
int anno_tag_rename(struct anno_session *s, const char *name, const char *new_name);
/* COLOR NULL clears it; so does KEY NULL for anno_tag_set_key. */
int anno_tag_set_color(struct anno_session *s, const char *name, const char *color);
int anno_tag_set_key(struct anno_session *s, const char *name, const char *key);
/* Every annotation tagged FROM is tagged INTO instead and FROM goes. */
int anno_tag_merge(struct anno_session *s, const char *from, const char *into);

/* Undoes (redoes) the last change; returns 1 when one was undone
 * (redone), 0 when there was nothing to undo (redo), -1 on error. *what
 * (may be NULL) describes the change, e.g. "delete annotation 12"; *id the
 * annotation it touched (0 for a change to tags only). */
int anno_undo(struct anno_session *s, const char **what, int64_t *id);
int anno_redo(struct anno_session *s, const char **what, int64_t *id);
size_t anno_undo_depth(const struct anno_session *s);
size_t anno_redo_depth(const struct anno_session *s);

/* ---- anno-time.c ------------------------------------------------------ */

/* An instant: seconds since 1970-01-01T00:00:00Z and nanoseconds. */
struct anno_time {
	int64_t sec;
	long nsec;
};
/* Parses an RFC 3339 date-time with any offset ("2024-03-01T09:30:00Z",
 * "2024-03-01T13:30:00.25+04:00"); -1 for anything else. */
int anno_time_parse(const char *s, struct anno_time *out);
/* <0, 0, >0 as A is before, the same instant as, or after B. */
int anno_time_cmp(const struct anno_time *a, const struct anno_time *b);

/* ---- anno-agree.c ----------------------------------------------------- */

/* Two coders on one tag over the same units: how many units each pair of
 * values (coded with the tag or not) took. */
struct anno_agree_table {
	long both, first_only, second_only, neither;
};
/* Percentage agreement (0..100), Cohen's kappa and Krippendorff's alpha
 * (nominal, two coders); kappa and alpha are NAN where undefined (no
 * chance disagreement: all units alike, or none). */
struct anno_agree {
	long units;
	double percent, kappa, alpha;
};
void anno_agree(const struct anno_agree_table *t, struct anno_agree *out);

/* ---- anno-intercoder.c -------------------------------------------------- */

/* Two coders' work over the articles both coded: the units are those
 * articles' stored sentences; a coder coded a unit with a tag when one of
 * that coder's active highlights with the tag overlaps it. */
struct anno_units_article {
	int64_t id;
	struct text_span *sent;
	size_t nsent, base;            /* where its units start in the run */
};
/* One tag: per unit, bit 0 when the first coder coded it, bit 1 the
 * second. */
struct anno_units_tag {
	char *name;
	unsigned char *mark;
};
struct anno_intercoder {
	const char *coder[2];          /* given */
	const char *tag;               /* given: NULL, or it and those nested in it */
	struct store_anno *rows[2];    /* each coder's active highlights */
	size_t nrows[2];
	struct anno_units_article *arts;
	size_t narts, units;
	struct anno_units_tag *tags;   /* by name */
	size_t ntags;
};
/* Reads both coders' highlights and marks the units; -1 with a message
 * for an unknown coder or tag, or no article in common. */
int anno_intercoder_load(struct store *st, struct anno_intercoder *ic);
void anno_intercoder_free(struct anno_intercoder *ic);
/* A tag's four counts over the units. */
void anno_intercoder_table(const struct anno_intercoder *ic, const struct anno_units_tag *tu,
    struct anno_agree_table *t);
/* The article of unit U, and the sentence's number in it (from 1). */
const struct anno_units_article *anno_intercoder_place(const struct anno_intercoder *ic,
    size_t u, size_t *sentence);

/* ---- anno-carry.c ----------------------------------------------------- */

struct anno_carry_report {
	size_t exact, moved, fuzzy;   /* moved: by context or quote */
	size_t stayed;                /* not placed: left live on the old version */
	size_t changed;               /* placed, on words that changed (was_quote) */
};
/* Called by the import once a new version NEW_ID of article OLD_ID is
 * stored (inside the import's transaction or alone): every live
 * annotation of the old version is placed in the new body and stored
 * there, and only then is the old one marked superseded. One that cannot
 * be placed stays live on the old version, where its text is: superseding
 * never hides an annotation. Running it twice carries nothing twice. */
int anno_carry_over(struct store *st, int64_t old_id, int64_t new_id,
    struct anno_carry_report *rep);
/* Places annotation A, last anchored as WAS, in BODY[0, len): where
 * anno_anchor_place finds it, A takes the new span, quote and context,
 * says how in a->anchor, and an orphaned one becomes active again; where
 * it does not, an active one becomes orphaned and the rest of A is left
 * as it was. Returns how it was placed. The one way an annotation moves
 * to another text, for a new version and for an imported document. */
enum anno_placed anno_place(struct store_anno *a, const char *body, size_t len,
    const struct anno_anchor *was);

/* ---- anno-article.c --------------------------------------------------- */

/* The article of each annotation in a list, read once per run of
 * annotations of the same article (lists come in article order), with the
 * characters before each block of its body counted once, so that a
 * character offset costs one block's scan, not the body's. Zeroed to
 * start. */
struct anno_article {
	struct store_anno_article cur;
	int loaded;
	struct text_charmap chars;   /* of cur.body */
};
/* Makes article ID the current one (read only when it is not already);
 * *OUT (when not NULL) is it. */
int anno_article_load(struct store *st, struct anno_article *c, int64_t id,
    const struct store_anno_article **out);
void anno_article_free(struct anno_article *c);
/* Character offsets of an annotation in the loaded article's body; 0 when
 * it is orphaned (its offsets then belong to another version). */
int anno_char_span(const struct anno_article *c, const struct store_anno *a, size_t *start,
    size_t *end);
/* Byte offset of character CHARS of the loaded article's body; -1 when
 * past its end. */
int anno_byte_offset(const struct anno_article *c, size_t chars, size_t *byte);

/* ---- anno-import.c ---------------------------------------------------- */

struct anno_import_report {
	size_t added, updated, unchanged, refused, orphaned;
	char **problems;          /* one line for each refusal or loss */
	size_t nproblems;
};
void anno_import_report_free(struct anno_import_report *r);
/* Merges the annotations of a W3C JSON document (NAME for messages) into
 * the database, matching by id: a new id is added, a known one is updated
 * when the file's copy was modified later, else left alone; so importing
 * the same file twice adds nothing the second time. An annotation whose
 * article is not in the database is refused (and listed in the report);
 * one whose quote cannot be found in the article is kept as orphaned.
 * All in one durable transaction. */
int anno_json_import(struct store *st, const char *name, const char *json, size_t len,
    struct anno_import_report *rep);
/* The same for annotations already read (ITEMS, as store_anno_json_read
 * makes them: ids "urn:uuid:...", character offsets, tag names), counted
 * into REP (which the caller zeroes). */
int anno_import_rows(struct store *st, const char *name, struct store_anno_in *items, size_t n,
    struct anno_import_report *rep);

#endif
