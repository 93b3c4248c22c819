/*
 * text.h: Unicode text for the rest of dossier, on libunistring. Knows
 * nothing of SQLite, curses or articles: it takes bytes and returns byte
 * offsets.
 *
 *   text-utf8.c     UTF-8 validation/repair, NFC, case folding with an
 *                   offset map back to the original bytes
 *   text-segment.c  paragraphs, sentences (rules + abbreviation data file),
 *                   words
 *   text-offset.c   characters <-> bytes, character boundaries, and the
 *                   one binary search over sorted spans, lines and tokens
 *   text-similar.c  how much two texts share (word triples), for telling
 *                   a new version of an article from another article
 *   text-lang.c     the languages of data/lang/: telling which one a text
 *                   is in, its stemmer and its nouns' endings
 *   text-stem.c     the stem of a word in a language (libstemmer)
 *   text-layout.c   wrapping to a width in terminal cells, grapheme-safe,
 *                   offset <-> (line, column) maps, safe display of control
 *                   and format characters, per-paragraph per-width cache
 *
 * All offsets are byte offsets, spans are half-open [start, end).
 */
#ifndef DOSSIER_TEXT_H
#define DOSSIER_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <unictype.h>

#include "util.h"

struct text_span {
	size_t start, end;
};

/* ---- text-lang.c ---------------------------------------------------- */

/* One language, from data/lang/CODE.txt (see the files for the format). */
struct text_lang {
	char *code;           /* "ru" */
	char *name;           /* "Russian" */
	char *stemmer;        /* Snowball algorithm name ("russian"), or NULL */
	const uc_script_t *script;
	int fallback;         /* its script's language when no letter tells */
	int verb_final;       /* the verb ends the clause (subject-object-verb) */
	ucs4_t *letters;      /* letters that tell it among its script's */
	size_t nletters;
	ucs4_t *never;        /* letters it does not use */
	size_t nnever;
	char **endings;       /* case and possessive endings, case-folded,
	                         longest first */
	size_t nendings;
	size_t *ending_len;   /* their lengths in bytes */
	char **stem_endings;  /* endings a name loses before those ("а" of
	                         "Москва": "Москвы") */
	size_t nstem;
	size_t min_stem;      /* letters a stem keeps, at least */
};

struct text_langs {
	struct text_lang *v;
	size_t n;
};

/* Reads DATADIR/lang/CODE.txt; errors name the file and line. */
int text_langs_load(const char *datadir, struct text_langs **out);
void text_langs_free(struct text_langs *ls);
const struct text_lang *text_lang_find(const struct text_langs *ls, const char *code);
/* The language of S by its first few thousand letters, or NULL. */
const struct text_lang *text_lang_detect(const struct text_langs *ls, const char *s,
    size_t len);
/* Bytes of W's first CHARS characters, or SIZE_MAX when it has fewer. */
size_t text_lang_min_bytes(const char *w, size_t n, size_t chars);

/* ---- text-stem.c ---------------------------------------------------- */

/* The stem of a lower-case word in LANG (Snowball's stemmer, else the
 * word without its longest listed ending). */
struct text_stemmer;
struct text_stemmer *text_stemmer_new(const struct text_lang *lang);
void text_stemmer_free(struct text_stemmer *ts);
/* W's stem, valid until the next call; its length in *len. */
const char *text_stem(struct text_stemmer *ts, const char *w, size_t n, size_t *len);

/* ---- text-utf8.c ---------------------------------------------------- */

struct text_utf8_report {
	size_t replaced;      /* invalid sequences replaced by U+FFFD */
	size_t first_bad;     /* byte offset (in the input) of the first one */
	size_t nul_at;        /* offset of the first NUL byte, or SIZE_MAX */
};

/* Appends IN to OUT with every invalid UTF-8 sequence replaced by U+FFFD
 * (NUL bytes are kept and reported, for the caller to refuse). */
void text_utf8_repair(const char *in, size_t len, struct buf *out,
    struct text_utf8_report *rep);
/* Appends IN, text in the character set CHARSET (an iconv name, as a
 * document declares it), to OUT as UTF-8. Each byte CHARSET leaves
 * undefined (0x81 in windows-1252), or a sequence cut short at the end,
 * becomes one U+FFFD, counted in REP with the input offset of the first
 * (nul_at is not set: NUL bytes are refused before). Returns -1 (err_set)
 * for a character set iconv does not know, one that does not keep ASCII
 * markup as it is (UTF-7, EBCDIC, UTF-16) or one whose converter does not
 * produce valid UTF-8; OUT is then unchanged. */
int text_decode(const char *charset, const char *in, size_t len, struct buf *out,
    struct text_utf8_report *rep);
/* The safe-text rule, for every string that leaves dossier for a terminal
 * or an export (titles, bodies, links, outlets, notes, file names, error
 * messages): each control character (C0, DEL, C1) is replaced by its
 * visible stand-in and each byte that is not UTF-8 by U+FFFD, so nothing
 * written can move a cursor, set a window title or the clipboard. The
 * reader draws the same stand-ins (text_draw_next). */
#define TEXT_SAFE_LINES 1   /* keep line feeds, tabs and CR LF as they are */
/* Appends S[0, LEN) to OUT made safe; FLAGS is 0 or TEXT_SAFE_LINES. */
void text_safe(const char *s, size_t len, int flags, struct buf *out);
/* The stand-in for control character UC: "^[" for ESC (C0 and DEL as ^X),
 * "<U+0085>" for the others. Writes it NUL-terminated; returns its length. */
size_t text_standin(uint32_t uc, char out[16]);
/* Replaces OUT's contents with the NFC form of IN (valid UTF-8). */
int text_nfc(const char *in, size_t len, struct buf *out);

/* Case-folded text with a map back: map[i] is the offset in the original of
 * the character that folded byte i came from; map[len] = original length.
 * A match folded[a, b) is original[map[a], map[b]) when b is at a character
 * start (map[b] is then the start of the next original character). */
struct text_fold {
	char *s;
	size_t len;
	size_t *map;
};
int text_fold(const char *s, size_t len, struct text_fold *out);
void text_fold_free(struct text_fold *f);

/* ---- text-segment.c ------------------------------------------------- */

/* Sentence rules loaded from data files (abbreviations). */
struct text_rules;
/* Loads PATH (one abbreviation per line, '#' comments), e.g.
 * path_data_file("abbrev.txt"). Errors name the file and line. */
int text_rules_load(const char *path, struct text_rules **out);
void text_rules_free(struct text_rules *r);

/* Paragraphs: runs of non-blank lines separated by blank lines or single
 * newlines (news text puts one paragraph per line); spans exclude the
 * surrounding whitespace. Returns the count; *out is malloc'd. */
size_t text_paragraphs(const char *s, size_t len, struct text_span **out);
/* Sentences of the text s[0, len) (normally one paragraph; offsets are
 * relative to s). Returns the count; *out is malloc'd. */
size_t text_sentences(const struct text_rules *r, const char *s, size_t len,
    struct text_span **out);
/* Words (spans of letters/digits, per u8_wordbreaks), relative to s. */
size_t text_words(const char *s, size_t len, struct text_span **out);

/* Start of the next word after the one at OFF (LEN when none), and start
 * of the word before OFF (0 when none), per u8_wordbreaks; for "w"/"b"
 * style motion. Cost is local to OFF, also in a huge paragraph. */
size_t text_word_next(const char *s, size_t len, size_t off);
size_t text_word_prev(const char *s, size_t len, size_t off);

/* ---- text-offset.c ------------------------------------------------- */

/* Character boundaries in valid UTF-8 (a character is a code point). */
/* OFF, or the start of the character whose inside it is. */
size_t text_char_start(const char *s, size_t off);
/* Start of the character ending just before OFF (0 at 0). */
size_t text_char_prev(const char *s, size_t off);
/* Start of the character after the one at OFF (LEN at or past the end). */
size_t text_char_next(const char *s, size_t len, size_t off);

/* Characters (code points) in s[0, len): what the W3C annotation model
 * and the command line count. */
size_t text_chars(const char *s, size_t len);
/* The byte offset where character CHARS starts (LEN for the end): 0, or
 * -1 when the text has fewer characters. */
int text_char_offset(const char *s, size_t len, size_t chars, size_t *byte);

/* The same both ways for a long text looked up many times (every
 * annotation of an article): a count kept every few KB makes each lookup
 * cost a block, not the text before it. S is kept by the caller. */
struct text_charmap {
	const char *s;
	size_t len;
	size_t *marks;       /* characters before each block */
	size_t nmarks;
};
void text_charmap_init(struct text_charmap *m, const char *s, size_t len);
void text_charmap_free(struct text_charmap *m);
/* Characters before byte BYTE (clamped to the length). */
size_t text_charmap_chars(const struct text_charmap *m, size_t byte);
/* As text_char_offset. */
int text_charmap_byte(const struct text_charmap *m, size_t chars, size_t *byte);

/* The one binary search: the first index in [0, n) at which PAST(arg, i)
 * holds, N when none, for a PAST that stays true once true (a sorted
 * list asked "does element i come after what I look for?"). */
size_t text_search(size_t n, int (*past)(const void *arg, size_t i), const void *arg);
/* In spans sorted by start: the index of the span containing OFF, else of
 * the first span after it (N when there is none; the spans must not
 * overlap). */
size_t text_span_find(const struct text_span *v, size_t n, size_t off);
/* The spans [*first, *last] that [start, end) overlaps (an empty range as
 * the character at START); 0, or 1 when it overlaps none. */
int text_span_overlap(const struct text_span *v, size_t n, size_t start, size_t end,
    size_t *first, size_t *last);
/* The index of the last span starting at or before OFF; N when none. */
size_t text_span_last(const struct text_span *v, size_t n, size_t off);
/* ---- text-similar.c ------------------------------------------------- */

/* A text as the sorted set of its word triples, hashed (see the file). */
struct text_shingles {
	uint64_t *v;
	size_t n;
};
void text_shingles(const char *s, size_t len, struct text_shingles *out);
void text_shingles_free(struct text_shingles *s);
/* The share of the smaller set's triples found in the other: 0 (nothing
 * in common) to 1 (the smaller text is all in the larger). Two empty
 * texts share everything. */
double text_shared(const struct text_shingles *a, const struct text_shingles *b);

/* ---- text-layout.c -------------------------------------------------- */

/*
 * Terminal layout of one article body (NFC UTF-8) split into paragraphs
 * (text_paragraphs). Lines are found lazily and cached per paragraph for
 * the current width, so drawing a screen costs work proportional to the
 * screen, whatever the size of the article; a resize drops the cache and
 * re-wraps only what is shown next.
 *
 * Wrapping: break opportunities are UAX #14 (u8_possible_linebreaks);
 * widths are uc_width per character summed over a grapheme cluster (UAX
 * #29, u8_grapheme_breaks: a ZWJ emoji sequence is one cluster, and the
 * characters joined after a ZWJ take no cells of their own); wide CJK take
 * 2 cells, combining marks 0. A line is filled greedily; spaces at its end
 * hang past the width and are not drawn. A word longer than the line (a
 * 5,000-character URL) is broken at cluster boundaries. A cluster is never
 * split. Tabs advance to the next multiple of the tab width (8) measured
 * from the line's start.
 *
 * Safe display: C0 controls and DEL are drawn as ^@ .. ^_ and ^? (ESC is
 * ^[), C1 controls, format characters (Cf: bidi embeddings, overrides and
 * isolates U+202A-U+202E and U+2066-U+2069, marks, soft hyphen, BOM, tag
 * characters, ...), line/paragraph separators and unassigned code points as
 * <U+XXXX>; ZWJ and ZWNJ are kept inside a cluster (emoji, Indic). A
 * combining mark with nothing to attach to is drawn on a dotted circle.
 * These items are TEXT_DRAW_CONTROL, to be drawn in the theme's control
 * colour, and take the cells of what is drawn. U+FFFD is drawn as itself
 * but also flagged as control. No byte that is not printable UTF-8 ever
 * comes out of the draw iterator.
 *
 * Laziness: a paragraph of up to TEXT_LAYOUT_JUMP bytes is laid out whole
 * the first time one of its lines is asked for. A longer one is laid out
 * in pieces, only where asked: it has sync points, one just after the
 * first space at or after each multiple of TEXT_LAYOUT_JUMP bytes, where a
 * line always ends (so one line in about a thousand may end a little
 * early). Sync points depend on the text alone, so the line holding any
 * offset is found exactly by wrapping from the nearest line start known
 * before it, the end of a cached line or a sync point, which is never
 * more than about TEXT_LAYOUT_JUMP bytes of work: the first screen of a
 * 10 MB paragraph, G to its end, a search hit in its middle and scrolling
 * back up from there all cost about the same, and give the same lines as
 * laying out the whole paragraph from its start would. Lines are
 * identified by byte offsets, never by a line number, which would need the
 * whole paragraph laid out.
 */
#define TEXT_LAYOUT_JUMP 65536

struct text_layout;

struct text_line {
	size_t para;         /* paragraph index */
	size_t start, end;   /* body offsets; end is the next line's start, or
	                      * the paragraph's end for its last line */
	size_t content_end;  /* end without the spaces hanging at the end */
	int cells;           /* cells taken by [start, content_end) */
};

/* A layout of BODY (kept by the caller while the layout lives) with its
 * paragraphs PARAS (copied; sorted, not overlapping), at width 80. */
struct text_layout *text_layout_new(const char *body, size_t len,
    const struct text_span *paras, size_t npara);
void text_layout_free(struct text_layout *l);
/* Width in cells (at least 2; less is taken as 2). Changing it drops the
 * cached lines: a struct text_line from before is stale, so look the line
 * up again with text_layout_line_at(l, old.start, &ln) (that keeps the
 * top of the screen on the same text across a resize). */
void text_layout_set_width(struct text_layout *l, int width);

/* The paragraph holding body offset OFF, or the one before it when OFF is
 * between paragraphs (0 before the first). Needs npara > 0. */
size_t text_layout_para_at(const struct text_layout *l, size_t off);

/* Each returns 1 with *out filled, or 0 when there is no such line (no
 * paragraphs; before the first line; after the last). */
int text_layout_first(struct text_layout *l, struct text_line *out);
int text_layout_last(struct text_layout *l, struct text_line *out);
/* The line holding body offset OFF; an offset between paragraphs gives
 * the last line of the paragraph before, one past the end the last line. */
int text_layout_line_at(struct text_layout *l, size_t off, struct text_line *out);
/* The first line of paragraph PARA. */
int text_layout_para_first(struct text_layout *l, size_t para, struct text_line *out);
/* The line after / before LN, crossing into the next / previous paragraph
 * (compare out->para with ln->para to draw a gap between paragraphs). */
int text_layout_next(struct text_layout *l, const struct text_line *ln,
    struct text_line *out);
int text_layout_prev(struct text_layout *l, const struct text_line *ln,
    struct text_line *out);

/* Cell column in LN of body offset OFF (an offset inside a cluster gives
 * the cluster's column; LN->end or beyond gives the column after the last
 * cell, which may exceed the width when spaces hang at the end). */
int text_layout_col(const struct text_layout *l, const struct text_line *ln,
    size_t off);
/* Body offset of the cluster covering cell COL of LN (a column inside a
 * wide character gives its start). Past the last cluster: LN->end for the
 * paragraph's last line, else the start of the last cluster, so the
 * result is always on LN. */
size_t text_layout_off(const struct text_layout *l, const struct text_line *ln,
    int col);

/* Cursor motion by what the user sees as one character: the next/previous
 * grapheme cluster boundary in s[0, len) (len / 0 at the ends). */
size_t text_grapheme_next(const char *s, size_t len, size_t off);
size_t text_grapheme_prev(const char *s, size_t len, size_t off);

/* Wraps one paragraph s[0, len) to WIDTH without a cache (for short texts
 * such as notes). Returns the line count; *out is malloc'd; offsets are
 * relative to s and para is 0. */
size_t text_wrap(const char *s, size_t len, int width, struct text_line **out);

/* Drawing a line: what to put in which cells. Every item's bytes are safe
 * to send to the terminal as they are. */
enum text_draw_kind {
	TEXT_DRAW_TEXT,     /* the article's own characters (or spaces for a tab) */
	TEXT_DRAW_CONTROL,  /* a visible stand-in: draw in the control colour */
};

struct text_draw {
	size_t start, end;  /* body bytes this item stands for */
	int col, cells;     /* where it is drawn: [col, col + cells) */
	enum text_draw_kind kind;
	const char *s;      /* bytes to draw; valid until the next call */
	size_t len;
};

struct text_draw_iter {   /* private; on the caller's stack */
	const struct text_layout *l;
	const char *t;
	size_t base, n, i, end;
	int col;
	char rep[48];
};

/* Items of LN from left to right; spaces hanging past the width are left
 * out, so no item reaches past the width. */
void text_draw_begin(struct text_draw_iter *it, const struct text_layout *l,
    const struct text_line *ln);
/* Returns 1 with *d filled, 0 after the last item. */
int text_draw_next(struct text_draw_iter *it, struct text_draw *d);

/* ---- text-chart.c: numbers drawn in cells (reports' pictures) ---------- */

/* Appends a bar for VALUE out of MAX on WIDTH cells: Unicode block
 * elements in eighths of a cell, or '#' in whole cells with ASCII; at
 * least the smallest mark for a VALUE above 0, nothing for 0. Returns the
 * cells it takes (text_bar_cells says the same without drawing). */
int text_bar(struct buf *out, int64_t value, int64_t max, int width, int ascii);
int text_bar_cells(int64_t value, int64_t max, int width, int ascii);
/* A heat map's shade of VALUE out of MAX: 0 for 0, else 1..TEXT_SHADES,
 * each level an equal part of 1..MAX; the values level L stands for,
 * [*lo, *hi] (empty when lo > hi); and its glyph (one cell). */
#define TEXT_SHADES 4
int text_shade_level(int64_t value, int64_t max);
void text_shade_range(int level, int64_t max, int64_t *lo, int64_t *hi);
const char *text_shade(int level, int ascii);
/* Cells S[0, LEN) (safe text: text_safe's output) takes, per uc_width;
 * and the bytes of its longest prefix of whole characters within WIDTH. */
int text_cells(const char *s, size_t len);
size_t text_fit(const char *s, size_t len, int width);

#endif
