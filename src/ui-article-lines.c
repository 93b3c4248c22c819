/*
 * ui-article-lines.c: the reading view's lines, cursor and scrolling. The
 * article is shown as its title, a line of metadata, a blank line, then
 * the body's paragraphs with a blank line between them, all wrapped by
 * the text module's layout (which also makes every byte safe to draw).
 * Layout is lazy and cached per paragraph, so opening an article, paging,
 * or G in a 10 MB one costs what the screen shows, not what it holds.
 * Every walk here is bounded by the screen's height.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui-article.h"

/* A blank line between the header and the body. */
static int
gap_after_part(struct article *ar, int part)
{
	return part == PART_META || (part == PART_TITLE && ar->lay[PART_META] == NULL);
}

/* Parts shown as paragraphs with a blank line between them. */
static int
in_paragraphs(int part)
{
	return part == PART_BODY || part == PART_COMMENTS;
}

int
article_part_first(struct article *ar, int part, struct pos *p)
{
	for (; part < PART_COUNT; part++) {
		if (ar->lay[part] != NULL && text_layout_first(ar->lay[part], &p->ln)) {
			p->part = part;
			p->gap = 0;
			return 1;
		}
	}
	return 0;
}

int
article_part_last(struct article *ar, int part, struct pos *p)
{
	for (; part >= 0; part--) {
		if (ar->lay[part] != NULL && text_layout_last(ar->lay[part], &p->ln)) {
			p->part = part;
			p->gap = gap_after_part(ar, part);
			return 1;
		}
	}
	return 0;
}

int
article_next_pos(struct article *ar, struct pos *p)
{
	struct text_line out;

	if (p->gap) {
		if (in_paragraphs(p->part)) {
			if (!text_layout_para_first(ar->lay[p->part], p->ln.para + 1, &out))
				return 0;
			p->ln = out;
			p->gap = 0;
			return 1;
		}
		return article_part_first(ar, p->part + 1, p);
	}
	if (text_layout_next(ar->lay[p->part], &p->ln, &out)) {
		if (in_paragraphs(p->part) && out.para != p->ln.para)
			p->gap = 1;
		else
			p->ln = out;
		return 1;
	}
	if (gap_after_part(ar, p->part)) {
		p->gap = 1;
		return 1;
	}
	return article_part_first(ar, p->part + 1, p);
}

int
article_prev_pos(struct article *ar, struct pos *p)
{
	struct text_line out;

	if (p->gap) {
		p->gap = 0;
		return 1;
	}
	if (text_layout_prev(ar->lay[p->part], &p->ln, &out)) {
		p->gap = in_paragraphs(p->part) && out.para != p->ln.para;
		p->ln = out;
		return 1;
	}
	return p->part > 0 && article_part_last(ar, p->part - 1, p);
}

int
article_pos_cmp(const struct pos *a, const struct pos *b)
{
	if (a->part != b->part)
		return a->part < b->part ? -1 : 1;
	if (a->ln.start != b->ln.start)
		return a->ln.start < b->ln.start ? -1 : 1;
	return a->gap - b->gap;
}

int
article_is_body(const struct pos *p)
{
	return p->part == PART_BODY && !p->gap;
}

struct pos
article_pos_of(struct article *ar, size_t off)
{
	struct pos p;

	memset(&p, 0, sizeof p);
	if (text_layout_line_at(ar->lay[PART_BODY], off, &p.ln)) {
		p.part = PART_BODY;
		return p;
	}
	/* No body: the end of the header stands in. */
	article_part_last(ar, PART_META, &p);
	return p;
}

static struct text_layout *
one_paragraph(const char *s, int width)
{
	struct text_span sp = { 0, strlen(s) };
	struct text_layout *l;

	if (sp.end == 0)
		return NULL;
	l = text_layout_new(s, sp.end, &sp, 1);
	text_layout_set_width(l, width);
	return l;
}

/* The paragraphs found at import; an article stored without them is
 * split here the same way. */
static void
load_paragraphs(struct ui *ui, struct article *ar)
{
	struct text_span *sp = NULL;
	size_t n = 0;

	if (store_paragraphs_get(ui->st, ar->id, &sp, &n) == 0 && n > 0) {
		ar->paras = sp;
		ar->npara = n;
		return;
	}
	err_clear();
	free(sp);
	ar->npara = text_paragraphs(ar->a.body, ar->a.body_len, &ar->paras);
}

void
article_build(struct ui *ui, struct article *ar)
{
	struct buf m;
	int w = ar->width > 2 ? ar->width : 78;

	buf_init(&m);
	if (ar->a.outlet != NULL && ar->a.outlet[0] != '\0')
		buf_printf(&m, "%s", ar->a.outlet);
	if (ar->a.authors != NULL && ar->a.authors[0] != '\0')
		buf_printf(&m, "%s%s", m.len ? " | " : "", ar->a.authors);
	if (ar->a.published != NULL && ar->a.published[0] != '\0')
		buf_printf(&m, "%s%s", m.len ? " | " : "", ar->a.published);
	if (ar->a.dateline != NULL && ar->a.dateline[0] != '\0')
		buf_printf(&m, "%s%s", m.len ? " | " : "", ar->a.dateline);
	if (ar->a.language != NULL && ar->a.language[0] != '\0')
		buf_printf(&m, "%s[%s]", m.len ? " | " : "", ar->a.language);
	buf_addc(&m, '\0');
	ar->meta = buf_detach(&m, NULL);
	ar->lay[PART_TITLE] = one_paragraph(ar->a.title, w);
	ar->lay[PART_META] = one_paragraph(ar->meta, w);
	load_paragraphs(ui, ar);
	ar->lay[PART_BODY] = text_layout_new(ar->a.body, ar->a.body_len, ar->paras, ar->npara);
	text_layout_set_width(ar->lay[PART_BODY], w);
	article_build_comments(ar);
}

/* The comments come after the body under a heading that says what they
 * are (and which key folds them); their paragraphs are the text's own. */
void
article_build_comments(struct article *ar)
{
	struct buf t;
	const char *c = ar->a.comments;
	int w = ar->width > 2 ? ar->width : 78;

	text_layout_free(ar->lay[PART_COMMENTS]);
	ar->lay[PART_COMMENTS] = NULL;
	free(ar->comments);
	free(ar->cparas);
	ar->comments = NULL;
	ar->cparas = NULL;
	ar->ncparas = 0;
	if (c == NULL || c[strspn(c, " \t\r\n")] == '\0')
		return;
	buf_init(&t);
	if (ar->comments_open)
		buf_printf(&t, "\u2500\u2500 Reader comments (not part of the article): z folds\n\n%s",
		    c);
	else
		buf_adds(&t, "\u2500\u2500 Reader comments (not part of the article): z unfolds");
	ar->comments = buf_detach(&t, NULL);
	ar->ncparas = text_paragraphs(ar->comments, strlen(ar->comments), &ar->cparas);
	ar->lay[PART_COMMENTS] = text_layout_new(ar->comments, strlen(ar->comments), ar->cparas,
	    ar->ncparas);
	text_layout_set_width(ar->lay[PART_COMMENTS], w);
}

void
article_set_width(struct article *ar, int w)
{
	int i;

	if (w < 2 || w == ar->width)
		return;
	ar->width = w;
	for (i = 0; i < PART_COUNT; i++) {
		if (ar->lay[i] != NULL)
			text_layout_set_width(ar->lay[i], w);
	}
}

/* The width text is wrapped to: the pane less a cell each side. */
int
article_text_width(const struct article *ar)
{
	int w = ar->v->w - 2;

	return w >= 2 ? w : 2;
}

int
article_rows(const struct article *ar)
{
	int h = ar->v->h;

	return h > 0 ? h : 1;
}

static int
scrolloff(const struct article *ar)
{
	return article_rows(ar) > 3 * SCROLLOFF + 2 ? SCROLLOFF : 0;
}

/* Moves p up to n lines (negative: up); returns how many it moved. */
long
article_walk(struct article *ar, struct pos *p, long n)
{
	long moved = 0;

	while (n > 0 && article_next_pos(ar, p)) {
		n--;
		moved++;
	}
	while (n < 0 && article_prev_pos(ar, p)) {
		n++;
		moved--;
	}
	return moved;
}

/* Scrolls so the cursor's line is on screen with SCROLLOFF lines of
 * context where the article has them. Every walk is bounded by the
 * screen's height. */
void
article_keep_cursor(struct article *ar)
{
	struct pos c = article_pos_of(ar, ar->cur), p;
	int h = article_rows(ar), so = scrolloff(ar), i;
	long below;

	p = c;
	article_walk(ar, &p, -so);
	if (article_pos_cmp(&p, &ar->top) < 0) {
		ar->top = p;
		return;
	}
	p = ar->top;
	for (i = 0; i < h - so; i++) {
		if (article_pos_cmp(&p, &c) >= 0)
			return;
		if (!article_next_pos(ar, &p))
			return;
	}
	/* Below the screen: the cursor goes so lines above the bottom, or
	 * lower when the article ends sooner. */
	p = c;
	below = article_walk(ar, &p, so);
	p = c;
	article_walk(ar, &p, -(h - 1 - below));
	ar->top = p;
}

static int
cursor_col(struct article *ar)
{
	struct pos c = article_pos_of(ar, ar->cur);

	if (!article_is_body(&c))
		return 0;
	return text_layout_col(ar->lay[PART_BODY], &c.ln, ar->cur);
}

void
article_place_cursor(struct article *ar, const struct pos *p, int col)
{
	if (!article_is_body(p))
		return;
	ar->cur = text_layout_off(ar->lay[PART_BODY], &p->ln, col);
}

/* Moves the cursor n body lines (negative: up), keeping its column. */
void
article_move_lines(struct article *ar, long n)
{
	struct pos p = article_pos_of(ar, ar->cur), q;
	int col = ar->goal >= 0 ? ar->goal : cursor_col(ar);
	long want = n;

	while (n != 0) {
		q = p;
		do {
			if (!(n > 0 ? article_next_pos(ar, &q) : article_prev_pos(ar, &q)))
				goto out;
		} while (!article_is_body(&q));
		p = q;
		n += n > 0 ? -1 : 1;
	}
out:
	article_place_cursor(ar, &p, col);
	ar->goal = col;
	article_keep_cursor(ar);
	/* At the first line, going up shows the header too. */
	if (want < 0 && n != 0)
		article_part_first(ar, PART_TITLE, &ar->top);
}

/* The top line when the article's last line is at the foot of the
 * screen: as in less, paging forward stops there, so the screen is
 * never left holding the end of the text and blank rows under it. */
static void
last_top(struct article *ar, struct pos *p)
{
	if (!article_part_last(ar, PART_COUNT - 1, p))
		article_part_last(ar, PART_META, p);
	article_walk(ar, p, -(article_rows(ar) - 1));
}

/* Moves the top down up to n lines, not past last_top; returns how
 * many it moved. */
static long
scroll_down(struct article *ar, long n)
{
	struct pos end, p = ar->top;
	long moved = 0;

	last_top(ar, &end);
	while (moved < n && article_pos_cmp(&p, &end) < 0 && article_next_pos(ar, &p))
		moved++;
	ar->top = p;
	return moved;
}

/* Scrolls the view n lines and brings the cursor back onto the screen.
 * With the end of the article already shown, a page forward takes the
 * cursor to the last line instead, as vi's does; the text stays put. */
void
article_scroll(struct article *ar, long n)
{
	struct pos p, c;
	int h = article_rows(ar), so = scrolloff(ar), col;

	if (n > 0) {
		if (scroll_down(ar, n) == 0) {
			col = ar->goal >= 0 ? ar->goal : cursor_col(ar);
			if (article_part_last(ar, PART_BODY, &p))
				article_place_cursor(ar, &p, col);
			ar->goal = col;
			return;
		}
	} else {
		article_walk(ar, &ar->top, n);
	}
	col = ar->goal >= 0 ? ar->goal : cursor_col(ar);
	c = article_pos_of(ar, ar->cur);
	p = ar->top;
	article_walk(ar, &p, so);
	if (article_pos_cmp(&c, &p) < 0) {
		while (!article_is_body(&p) && article_next_pos(ar, &p))
			;
		article_place_cursor(ar, &p, col);
	} else {
		p = ar->top;
		article_walk(ar, &p, h - 1 - so);
		if (article_pos_cmp(&c, &p) > 0) {
			while (!article_is_body(&p) && article_prev_pos(ar, &p))
				;
			article_place_cursor(ar, &p, col);
		}
	}
	ar->goal = col;
}

/* The cursor's row on screen, or -1 when it is not shown. */
static int
cursor_row(struct article *ar)
{
	struct pos p = ar->top, c = article_pos_of(ar, ar->cur);
	int r;

	for (r = 0; r < article_rows(ar); r++) {
		if (article_pos_cmp(&p, &c) == 0)
			return r;
		if (!article_next_pos(ar, &p))
			break;
	}
	return -1;
}

/* Ctrl-d / Ctrl-u as in vim: the text scrolls n lines and the cursor
 * keeps its row, so the two undo each other; at either end of the
 * article the cursor moves instead. */
void
article_half_page(struct article *ar, long n)
{
	int row = cursor_row(ar), col = ar->goal >= 0 ? ar->goal : cursor_col(ar);
	struct pos p;
	long moved;

	if (row < 0) {
		article_move_lines(ar, n);
		return;
	}
	if (n > 0) {
		moved = scroll_down(ar, n);
		p = ar->top;
	} else {
		p = ar->top;
		moved = -article_walk(ar, &p, n);
		ar->top = p;
	}
	article_walk(ar, &p, row);
	while (!article_is_body(&p) && (n > 0 ? article_next_pos(ar, &p) : article_prev_pos(ar, &p)))
		;
	if (!article_is_body(&p))
		while (!article_is_body(&p) && (n > 0 ? article_prev_pos(ar, &p) : article_next_pos(ar, &p)))
			;
	article_place_cursor(ar, &p, col);
	ar->goal = col;
	if (moved < (n > 0 ? n : -n))
		article_move_lines(ar, n > 0 ? n - moved : n + moved);
	article_keep_cursor(ar);
	ar->goal = col;
}

/* How far through the article the cursor is, by bytes; on the last line
 * it is 100%, as in less and vim, whatever the length of that line. */
size_t
article_percent(struct article *ar)
{
	struct text_layout *l = ar->lay[PART_BODY];
	struct text_line ln, next;

	if (ar->a.body_len == 0)
		return 100;
	if (l != NULL && text_layout_line_at(l, ar->cur, &ln) && !text_layout_next(l, &ln, &next))
		return 100;
	return ar->cur * 100 / ar->a.body_len;
}
