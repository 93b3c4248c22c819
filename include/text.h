/*
 * text.h: Unicode text for the rest of dossier, on libunistring. Knows
 * nothing of SQLite, curses or articles: it takes bytes and returns byte
 * offsets.
 *
 *   text-utf8.c     UTF-8 validation/repair, NFC, case folding with an
 *                   offset map back to the original bytes
 *   text-segment.c  paragraphs, sentences (rules + abbreviation data file),
 *                   words
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

#include "util.h"

struct text_span {
	size_t start, end;
};

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

#endif
