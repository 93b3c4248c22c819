/*
 * ui-article.c: the reading view. The open article is a sequence of
 * display blocks: its title, a line of metadata, then the body's
 * paragraphs, a blank line between them. A block is wrapped to the pane's
 * width only when it is shown (or stepped over), so opening an article or
 * jumping to its end costs what the screen shows, not what the article
 * holds.
 *
 * The cursor is a byte offset into the body, the unit every other part of
 * dossier speaks (statements, mentions, highlights, search hits); the
 * screen position is derived from it each frame. The view scrolls to keep
 * the cursor's line visible.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#define DOSSIER_UI_INTERNAL
#include "store.h"
#include "ui.h"

enum block_kind { BLOCK_TITLE, BLOCK_META, BLOCK_BODY };

struct block {
	enum block_kind kind;
	const char *text;      /* the title, the meta line or the body */
	size_t start, end;     /* bytes of text */
};

/* A display line: block b, line l of its wrapped lines; l == nlines(b)
 * is the blank line after the block. */
struct pos {
	size_t b, l;
};

struct article {
	int64_t id;
	struct store_article a;
	char *meta;
	struct block *blocks;
	size_t nblocks;
	size_t cur;            /* cursor: byte offset in the body */
	struct pos top;
	int width;             /* the width blocks are laid out for */
	char *pattern;         /* last search */
	int backward;
};

static struct article *
A(struct ui *ui)
{
	return ui->views[UI_VIEW_ARTICLE].priv;
}

/* ---- layout adapter ------------------------------------------------ */

static size_t
nlines(struct article *ar, size_t b)
{
	(void)ar;
	(void)b;
	return 1;
}

static void
line_span(struct article *ar, struct pos p, size_t *s, size_t *e)
{
	struct block *bl = &ar->blocks[p.b];

	if (p.l >= nlines(ar, p.b)) {
		*s = *e = bl->end;
		return;
	}
	*s = bl->start;
	*e = bl->end;
}

static size_t
line_of(struct article *ar, size_t b, size_t off)
{
	(void)ar;
	(void)b;
	(void)off;
	return 0;
}

/* ---- positions ----------------------------------------------------- */

static int
next_pos(struct article *ar, struct pos *p)
{
	if (p->l < nlines(ar, p->b)) {
		p->l++;
		return 1;
	}
	if (p->b + 1 >= ar->nblocks)
		return 0;
	p->b++;
	p->l = 0;
	return 1;
}

static int
prev_pos(struct article *ar, struct pos *p)
{
	if (p->l > 0) {
		p->l--;
		return 1;
	}
	if (p->b == 0)
		return 0;
	p->b--;
	p->l = nlines(ar, p->b);
	return 1;
}

static int
pos_cmp(struct pos a, struct pos b)
{
	if (a.b != b.b)
		return a.b < b.b ? -1 : 1;
	return a.l < b.l ? -1 : a.l > b.l;
}

/* The body block holding offset off (the last one starting at or before). */
static size_t
block_of(struct article *ar, size_t off)
{
	size_t lo = 0, hi = ar->nblocks, found = 0;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		struct block *bl = &ar->blocks[mid];
		if (bl->kind != BLOCK_BODY || bl->start <= off) {
			found = mid;
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return found;
}

static struct pos
pos_of(struct article *ar, size_t off)
{
	struct pos p;

	p.b = block_of(ar, off);
	p.l = ar->blocks[p.b].kind == BLOCK_BODY ? line_of(ar, p.b, off) : 0;
	return p;
}

/* The body offset a display line stands for (its first byte). */
static size_t
offset_of(struct article *ar, struct pos p)
{
	size_t s, e;

	while (ar->blocks[p.b].kind != BLOCK_BODY) {
		if (p.b + 1 >= ar->nblocks)
			return 0;
		p.b++;
		p.l = 0;
	}
	line_span(ar, p, &s, &e);
	return s;
}

/* ---- opening ------------------------------------------------------- */

static void
add_block(struct article *ar, enum block_kind kind, const char *text, size_t s, size_t e)
{
	ar->blocks = xreallocarray(ar->blocks, ar->nblocks + 1, sizeof *ar->blocks);
	ar->blocks[ar->nblocks].kind = kind;
	ar->blocks[ar->nblocks].text = text;
	ar->blocks[ar->nblocks].start = s;
	ar->blocks[ar->nblocks].end = e;
	ar->nblocks++;
}

static void
close_article(struct article *ar)
{
	if (ar->id > 0)
		store_article_free(&ar->a);
	free(ar->meta);
	free(ar->blocks);
	ar->meta = NULL;
	ar->blocks = NULL;
	ar->nblocks = 0;
	ar->id = 0;
	ar->cur = 0;
	memset(&ar->top, 0, sizeof ar->top);
}

static void
build_blocks(struct article *ar)
{
	struct buf m;
	const char *body = ar->a.body;
	size_t i = 0, s;

	buf_init(&m);
	if (ar->a.outlet != NULL)
		buf_printf(&m, "%s", ar->a.outlet);
	if (ar->a.published != NULL)
		buf_printf(&m, "%s%s", m.len ? " · " : "", ar->a.published);
	if (ar->a.dateline != NULL)
		buf_printf(&m, "%s%s", m.len ? " · " : "", ar->a.dateline);
	ar->meta = buf_detach(&m, NULL);
	add_block(ar, BLOCK_TITLE, ar->a.title, 0, strlen(ar->a.title));
	if (ar->meta[0] != '\0')
		add_block(ar, BLOCK_META, ar->meta, 0, strlen(ar->meta));
	while (i < ar->a.body_len) {
		while (i < ar->a.body_len && (body[i] == '\n' || body[i] == ' '))
			i++;
		s = i;
		while (i < ar->a.body_len && body[i] != '\n')
			i++;
		if (i > s)
			add_block(ar, BLOCK_BODY, body, s, i);
	}
	if (ar->nblocks == 0 || ar->blocks[ar->nblocks - 1].kind != BLOCK_BODY)
		add_block(ar, BLOCK_BODY, body, ar->a.body_len, ar->a.body_len);
}

int
ui_article_open(struct ui *ui, int64_t id, size_t offset)
{
	struct article *ar = A(ui);
	struct store_article a;

	memset(&a, 0, sizeof a);
	if (store_article_get(ui->st, id, &a) != 0)
		return -1;
	close_article(ar);
	ar->a = a;
	ar->id = id;
	build_blocks(ar);
	ui_article_goto(ui, offset);
	ar->top.b = 0;
	ar->top.l = 0;
	ui_side_refresh(ui);
	ui_mark(ui, UI_DIRTY_ALL);
	return 0;
}

int64_t
ui_article_id(struct ui *ui)
{
	struct article *ar = A(ui);

	return ar != NULL ? ar->id : 0;
}

size_t
ui_article_offset(struct ui *ui)
{
	struct article *ar = A(ui);

	return ar != NULL ? ar->cur : 0;
}

/* ---- scrolling ----------------------------------------------------- */

static int
rows(struct ui *ui)
{
	int h = ui->views[UI_VIEW_ARTICLE].h;

	return h > 0 ? h : 1;
}

/* Scrolls so the cursor's line is on screen, with a little context. */
static void
keep_cursor(struct ui *ui, struct article *ar)
{
	struct pos c = pos_of(ar, ar->cur), p;
	int h = rows(ui), off = h > 6 ? 2 : 0, i;

	p = c;
	for (i = 0; i < off && prev_pos(ar, &p); i++)
		;
	if (pos_cmp(p, ar->top) < 0) {
		ar->top = p;
		return;
	}
	p = ar->top;
	for (i = 0; i < h - 1 - off; i++) {
		if (pos_cmp(p, c) >= 0)
			return;
		if (!next_pos(ar, &p))
			return;
	}
	if (pos_cmp(p, c) >= 0)
		return;
	/* Cursor below the screen: put it off lines above the bottom. */
	p = c;
	for (i = 0; i < h - 1 - off && prev_pos(ar, &p); i++)
		;
	ar->top = p;
}

void
ui_article_goto(struct ui *ui, size_t offset)
{
	struct article *ar = A(ui);

	if (ar->id <= 0)
		return;
	if (offset > ar->a.body_len)
		offset = ar->a.body_len;
	ar->cur = offset;
	keep_cursor(ui, ar);
	ui_mark(ui, UI_DIRTY_ARTICLE | UI_DIRTY_STATUS | UI_DIRTY_SIDE);
}

/* Moves the cursor n display lines (negative: up), onto body lines. */
static void
move_lines(struct ui *ui, struct article *ar, long n)
{
	struct pos p = pos_of(ar, ar->cur);

	while (n > 0 && next_pos(ar, &p))
		n--;
	while (n < 0 && prev_pos(ar, &p))
		n++;
	ar->cur = offset_of(ar, p);
	keep_cursor(ui, ar);
}

static void
scroll_page(struct ui *ui, struct article *ar, long n)
{
	struct pos p = ar->top;
	long moved = 0;

	while (n > 0 && next_pos(ar, &p)) {
		n--;
		moved++;
	}
	while (n < 0 && prev_pos(ar, &p)) {
		n++;
		moved--;
	}
	ar->top = p;
	move_lines(ui, ar, moved);
}

static int
article_action(struct ui *ui, struct ui_view *v, enum ui_action a, int count)
{
	struct article *ar = v->priv;
	long n = count > 0 ? count : 1, h = rows(ui);

	if (ar->id <= 0) {
		if (ui_action_keymap(a) == UI_KM_ARTICLE || a == UI_ACT_MOVE_DOWN) {
			ui_message(ui, "no article open: Enter opens one from the list");
			return 1;
		}
		return 0;
	}
	switch (a) {
	case UI_ACT_MOVE_DOWN:
		move_lines(ui, ar, n);
		break;
	case UI_ACT_MOVE_UP:
		move_lines(ui, ar, -n);
		break;
	case UI_ACT_PAGE_DOWN:
		scroll_page(ui, ar, n * (h > 2 ? h - 2 : 1));
		break;
	case UI_ACT_PAGE_UP:
		scroll_page(ui, ar, -n * (h > 2 ? h - 2 : 1));
		break;
	case UI_ACT_HALF_DOWN:
		scroll_page(ui, ar, h / 2);
		break;
	case UI_ACT_HALF_UP:
		scroll_page(ui, ar, -(h / 2));
		break;
	case UI_ACT_FIRST:
		ui_jump_push(ui);
		ar->top.b = ar->top.l = 0;
		ar->cur = 0;
		keep_cursor(ui, ar);
		break;
	case UI_ACT_LAST:
		ui_jump_push(ui);
		ar->cur = offset_of(ar, (struct pos){ ar->nblocks - 1,
		    nlines(ar, ar->nblocks - 1) > 0 ? nlines(ar, ar->nblocks - 1) - 1 : 0 });
		keep_cursor(ui, ar);
		break;
	case UI_ACT_BACK:
		ui_focus(ui, UI_VIEW_LIST);
		return 1;
	default:
		return 0;
	}
	ui_mark(ui, UI_DIRTY_ARTICLE | UI_DIRTY_STATUS | UI_DIRTY_SIDE);
	return 1;
}

/* ---- drawing ------------------------------------------------------- */

static struct ui_style
block_style(struct ui *ui, enum block_kind k)
{
	struct ui_style n = ui_style(ui, UI_OBJ_NORMAL);

	switch (k) {
	case BLOCK_TITLE:
		return ui_style_over(n, ui_style(ui, UI_OBJ_ARTICLE_TITLE));
	case BLOCK_META:
		return ui_style_over(n, ui_style(ui, UI_OBJ_ARTICLE_META));
	default:
		return n;
	}
}

static void
article_draw(struct ui *ui, struct ui_view *v)
{
	struct article *ar = v->priv;
	struct pos p = ar->top, c;
	struct ui_style cur = ui_style_over(ui_style(ui, UI_OBJ_NORMAL),
	    ui_style(ui, ui->focus == UI_VIEW_ARTICLE ? UI_OBJ_CURSOR : UI_OBJ_CURSOR_UNFOCUSED));
	int r;
	size_t s, e;

	if (ar->id <= 0) {
		ui_draw_str(ui, v->y, v->x + 1, v->w - 1,
		    "No article open. Choose one in the list and press Enter.",
		    ui_style(ui, UI_OBJ_NORMAL));
		return;
	}
	c = pos_of(ar, ar->cur);
	for (r = 0; r < v->h; r++) {
		struct block *bl = &ar->blocks[p.b];
		struct ui_style st = block_style(ui, bl->kind);
		int on_cursor = pos_cmp(p, c) == 0 && bl->kind == BLOCK_BODY;
		if (on_cursor) {
			st = ui_style_over(st, cur);
			ui_draw_fill(ui, v->y + r, v->x, v->w, st);
		}
		line_span(ar, p, &s, &e);
		if (e > s)
			ui_draw_text(ui, v->y + r, v->x + 1, v->w - 2, bl->text + s, e - s, st);
		if (!next_pos(ar, &p))
			break;
	}
}

static void
article_title(struct ui *ui, struct ui_view *v, struct buf *out)
{
	struct article *ar = v->priv;

	(void)ui;
	if (ar->id > 0)
		buf_adds(out, ar->a.title);
}

static void
article_position(struct ui *ui, struct ui_view *v, struct buf *out)
{
	struct article *ar = v->priv;

	(void)ui;
	if (ar->id <= 0) {
		buf_adds(out, "no article");
		return;
	}
	buf_printf(out, "%zu%%", ar->a.body_len > 0 ? ar->cur * 100 / ar->a.body_len : 100);
}

void
ui_article_speaker(struct ui *ui, struct buf *out)
{
	(void)ui;
	(void)out;
}

void
ui_article_search(struct ui *ui, const char *pattern, int backward)
{
	struct article *ar = A(ui);

	(void)backward;
	if (pattern[0] != '\0') {
		free(ar->pattern);
		ar->pattern = xstrdup(pattern);
	}
}

static void
article_resize(struct ui *ui, struct ui_view *v)
{
	struct article *ar = v->priv;

	if (ar->id > 0 && v->w != ar->width) {
		ar->width = v->w;
		ar->top = pos_of(ar, offset_of(ar, ar->top));
	}
	if (ar->id > 0)
		keep_cursor(ui, ar);
}

static int
article_init(struct ui *ui, struct ui_view *v)
{
	(void)ui;
	v->priv = xcalloc(1, sizeof(struct article));
	return 0;
}

static void
article_free(struct ui *ui, struct ui_view *v)
{
	struct article *ar = v->priv;

	(void)ui;
	close_article(ar);
	free(ar->pattern);
	free(ar);
	v->priv = NULL;
}

const struct ui_view_ops ui_article_ops = {
	.name = "Article",
	.keymap = UI_KM_ARTICLE,
	.init = article_init,
	.free = article_free,
	.draw = article_draw,
	.title = article_title,
	.action = article_action,
	.position = article_position,
	.resize = article_resize,
};
