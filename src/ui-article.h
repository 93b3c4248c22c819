/*
 * ui-article.h: the reading view's own state, shared by its two files and
 * by no one else: ui-article.c (the view: opening, actions, drawing, its
 * layers) and ui-article-lines.c (display lines, the cursor and
 * scrolling, over the text module's lazy layout).
 *
 * A display line is named by its part, its text line (byte offsets) and
 * whether it is the blank line after that text line's paragraph; never by
 * a line number, which would need the whole article laid out.
 */
#ifndef DOSSIER_UI_ARTICLE_H
#define DOSSIER_UI_ARTICLE_H

#define DOSSIER_UI_INTERNAL
#include "store.h"
#include "text.h"
#include "ui.h"

/* PART_COMMENTS: the reader comments kept apart at import, after the
 * body: one heading line while folded, the heading and the comments when
 * unfolded. Never body bytes, so no layer (statements, highlights) and
 * no cursor reaches them. */
enum part { PART_TITLE, PART_META, PART_BODY, PART_COMMENTS, PART_COUNT };

struct pos {
	int part;
	struct text_line ln;
	int gap;               /* the blank line after ln's paragraph */
};

struct article {
	struct ui_view *v;
	int64_t id;
	struct store_article a;
	char *meta;
	char *comments;        /* PART_COMMENTS' text (heading, comments), or NULL */
	struct text_span *cparas;
	size_t ncparas;
	int comments_open;     /* unfolded */
	struct text_layout *lay[PART_COUNT];
	struct text_span *paras;
	size_t npara;
	struct ui_spans *spans;  /* per layer (ui->layers), for what is shown */
	size_t cur;            /* the cursor: a byte offset in the body */
	int goal;              /* column j/k keep; -1: the cursor's own */
	struct pos top;
	int width;
	int64_t reopen;        /* the article to reopen at the start, or 0 */
	size_t reopen_off;
};

/* Lines of context kept around the cursor when scrolling. */
#define SCROLLOFF 2

/* ui-article-lines.c */
int article_part_first(struct article *ar, int part, struct pos *p);
int article_part_last(struct article *ar, int part, struct pos *p);
int article_next_pos(struct article *ar, struct pos *p);
int article_prev_pos(struct article *ar, struct pos *p);
int article_pos_cmp(const struct pos *a, const struct pos *b);
int article_is_body(const struct pos *p);
/* The display line holding body offset off. */
struct pos article_pos_of(struct article *ar, size_t off);
/* Lays the title, the metadata and the body out (lazily) at the width. */
void article_build(struct ui *ui, struct article *ar);
/* Lays the reader comments out, folded or not (ar->comments_open). */
void article_build_comments(struct article *ar);
void article_set_width(struct article *ar, int w);
/* The width text is wrapped to, and the rows shown. */
int article_text_width(const struct article *ar);
int article_rows(const struct article *ar);
/* Moves p up to n lines (negative: up); returns how many it moved. */
long article_walk(struct article *ar, struct pos *p, long n);
/* Scrolls so the cursor's line is on screen with its context. */
void article_keep_cursor(struct article *ar);
void article_place_cursor(struct article *ar, const struct pos *p, int col);
/* j/k, PgDn/PgUp, Ctrl-d/Ctrl-u. */
void article_move_lines(struct article *ar, long n);
void article_scroll(struct article *ar, long n);
void article_half_page(struct article *ar, long n);
/* How far through the article the cursor is, by bytes (the last line: 100). */
size_t article_percent(struct article *ar);

#endif
