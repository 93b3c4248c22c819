/*
 * ui-article.c: the reading view. It opens an article, moves its cursor,
 * takes the reading actions and draws the lines ui-article-lines.c lays
 * out. The cursor is a byte offset into the body, the unit every other
 * part of dossier speaks (statements, mentions, highlights, search hits);
 * where it is on screen is derived each frame.
 *
 * What is coloured over the text comes from layers (struct ui_layer_ops):
 * before a frame each layer gives its spans over the bytes shown, and the
 * style of a byte is the text's, then each layer's span over it, in the
 * layers' order. Layers also take the actions on the cursor they know
 * (]s, n, v, t...), some before the focused pane (a selection's Esc).
 * The view knows none of them by name: they come from ui_layer_table.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui-article.h"

static struct article *
A(struct ui *ui)
{
	return ui->views[UI_VIEW_ARTICLE].priv;
}

/* ---- spans ---------------------------------------------------------- */

void
ui_spans_add(struct ui_spans *s, struct ui_span sp)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->v = xreallocarray(s->v, s->cap, sizeof *s->v);
	}
	s->v[s->n++] = sp;
}

static int
span_cmp(const void *a, const void *b)
{
	const struct ui_span *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

void
ui_spans_sort(struct ui_spans *s)
{
	if (s->n > 1)
		qsort(s->v, s->n, sizeof *s->v, span_cmp);
}

struct span_key {
	const struct ui_span *v;
	size_t off;
};

static int
span_past(const void *arg, size_t i)
{
	const struct span_key *k = arg;

	return k->v[i].start > k->off;
}

/* Index of the last span starting at or before off, or n. */
static size_t
last_starting(const struct ui_span *v, size_t n, size_t off)
{
	struct span_key k = { v, off };
	size_t i = text_search(n, span_past, &k);

	return i == 0 ? n : i - 1;
}

const struct ui_span *
ui_spans_at(const struct ui_spans *s, size_t off)
{
	size_t i = last_starting(s->v, s->n, off), k;

	if (i == s->n)
		return NULL;
	/* Spans may nest or overlap: look back a little for one still open. */
	for (k = 0; k < 16; k++, i--) {
		if (s->v[i].end > off)
			return &s->v[i];
		if (i == 0)
			break;
	}
	return NULL;
}

struct ui_layer *
ui_article_layer(struct ui *ui, const struct ui_layer_ops *ops)
{
	size_t i;

	for (i = 0; i < ui->nlayers; i++) {
		if (ui->layers[i].ops == ops)
			return &ui->layers[i];
	}
	return NULL;
}

/* ---- opening --------------------------------------------------------- */

static void
close_article(struct ui *ui, struct article *ar)
{
	size_t i;

	if (ar->id > 0)
		store_article_free(&ar->a);
	for (i = 0; i < PART_COUNT; i++) {
		text_layout_free(ar->lay[i]);
		ar->lay[i] = NULL;
	}
	for (i = 0; i < ui->nlayers; i++)
		ar->spans[i].n = 0;
	free(ar->meta);
	free(ar->paras);
	free(ar->comments);
	free(ar->cparas);
	ar->comments = NULL;
	ar->cparas = NULL;
	ar->ncparas = 0;
	ar->comments_open = 0;
	ar->meta = NULL;
	ar->paras = NULL;
	ar->npara = 0;
	ar->id = 0;
	ar->cur = 0;
	ar->goal = -1;
	memset(&ar->top, 0, sizeof ar->top);
}

int
ui_article_open(struct ui *ui, int64_t id, size_t offset)
{
	struct article *ar = A(ui);
	struct store_article a;
	size_t i;

	memset(&a, 0, sizeof a);
	if (store_article_get(ui->st, id, &a) != 0)
		return -1;
	close_article(ui, ar);
	ar->a = a;
	ar->id = id;
	ar->width = 0;
	article_set_width(ar, article_text_width(ar));
	article_build(ui, ar);
	article_part_first(ar, PART_TITLE, &ar->top);
	if (offset > ar->a.body_len)
		offset = ar->a.body_len;
	ar->cur = offset;
	article_keep_cursor(ar);
	for (i = 0; i < ui->nlayers; i++) {
		if (ui->layers[i].ops->opened != NULL)
			ui->layers[i].ops->opened(ui, &ui->layers[i]);
	}
	/* The other views follow (the list's selection, the side pane). */
	ui_views_refresh(ui);
	ui_mark(ui, UI_DIRTY_ALL);
	return 0;
}

int64_t
ui_article_id(struct ui *ui)
{
	struct article *ar = A(ui);

	return ar != NULL ? ar->id : 0;
}

const char *
ui_article_body(struct ui *ui, size_t *len)
{
	struct article *ar = A(ui);

	*len = ar != NULL && ar->id > 0 ? ar->a.body_len : 0;
	return ar != NULL && ar->id > 0 ? ar->a.body : NULL;
}

const struct store_article *
ui_article_shown(struct ui *ui)
{
	struct article *ar = A(ui);

	return ar != NULL && ar->id > 0 ? &ar->a : NULL;
}

size_t
ui_article_offset(struct ui *ui)
{
	struct article *ar = A(ui);

	return ar != NULL ? ar->cur : 0;
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
	ar->goal = -1;
	article_keep_cursor(ar);
	ui_mark(ui, UI_DIRTY_ARTICLE | UI_DIRTY_STATUS | UI_DIRTY_SIDE);
}

/* ---- the jump list --------------------------------------------------- */

void
ui_article_jump_push(struct ui *ui)
{
	struct article *ar = A(ui);

	ui_jump_push(&ui->jumps, (struct ui_jump){ ar->id, ar->cur });
}

static void
jump(struct ui *ui, int back)
{
	struct article *ar = A(ui);
	struct ui_jump to;

	if ((back ? ui_jump_back(&ui->jumps, (struct ui_jump){ ar->id, ar->cur }, &to) :
	    ui_jump_forward(&ui->jumps, &to)) != 0) {
		ui_message(ui, back ? "at the oldest place in the jump list" :
		    "at the newest place in the jump list");
		return;
	}
	if (to.article == ar->id)
		ui_article_goto(ui, to.offset);
	else if (ui_article_open(ui, to.article, to.offset) != 0)
		ui_error(ui, "%s", err_msg());
}

/* ---- actions ---------------------------------------------------------- */

static void
step_paragraph(struct article *ar, int dir, long count)
{
	size_t p;

	if (ar->npara == 0)
		return;
	p = text_layout_para_at(ar->lay[PART_BODY], ar->cur);
	while (count-- > 0) {
		if (dir > 0 && p + 1 < ar->npara)
			p++;
		else if (dir < 0 && ar->cur > ar->paras[p].start)
			;   /* first to this paragraph's start */
		else if (dir < 0 && p > 0)
			p--;
		ar->cur = ar->paras[p].start;
	}
	ar->goal = -1;
	article_keep_cursor(ar);
}

static void
go_first(struct ui *ui, struct article *ar)
{
	ui_article_jump_push(ui);
	article_part_first(ar, PART_TITLE, &ar->top);
	ar->cur = ar->npara > 0 ? ar->paras[0].start : 0;
	ar->goal = -1;
	article_keep_cursor(ar);
}

static void
go_last(struct ui *ui, struct article *ar)
{
	struct text_line ln;

	ui_article_jump_push(ui);
	if (text_layout_last(ar->lay[PART_BODY], &ln))
		ar->cur = ln.start;
	ar->goal = -1;
	article_keep_cursor(ar);
}

/* The layers that take actions before the focused pane, or after it. */
static int
layer_action(struct ui *ui, int first, enum ui_action a, int count)
{
	size_t i;

	for (i = 0; i < ui->nlayers; i++) {
		const struct ui_layer_ops *o = ui->layers[i].ops;
		if (o->action != NULL && o->first == first && o->action(ui, &ui->layers[i], a, count))
			return 1;
	}
	return 0;
}

/* z: the reader comments unfolded, from their heading at the top of the
 * pane, or folded again, the text back around the cursor (which stays in
 * the body: comments take no statements, highlights or cursor). */
static void
toggle_comments(struct ui *ui, struct article *ar)
{
	if (ar->id <= 0)
		return;
	if (ar->lay[PART_COMMENTS] == NULL) {
		ui_message(ui, "this article has no reader comments");
		return;
	}
	ar->comments_open = !ar->comments_open;
	if (ar->top.part == PART_COMMENTS)
		article_part_first(ar, PART_TITLE, &ar->top);
	article_build_comments(ar);
	if (ar->comments_open) {
		article_part_first(ar, PART_COMMENTS, &ar->top);
		ui_message(ui, "reader comments unfolded: not part of the article (z folds them)");
	} else {
		article_keep_cursor(ar);
		ui_message(ui, "reader comments folded");
	}
}

static int
article_action_first(struct ui *ui, struct ui_view *v, enum ui_action a, int count)
{
	(void)v;
	switch (a) {
	case UI_ACT_JUMP_BACK:
	case UI_ACT_JUMP_FORWARD:
		jump(ui, a == UI_ACT_JUMP_BACK);
		return 1;
	default:
		return layer_action(ui, 1, a, count);
	}
}

static int
article_action(struct ui *ui, struct ui_view *v, enum ui_action a, int count)
{
	struct article *ar = v->priv;
	long n = count > 0 ? count : 1, h = article_rows(ar);

	if (ar->id <= 0) {
		if (ui_action_keymap(a) == UI_KM_ARTICLE || (ui->focus == UI_VIEW_ARTICLE &&
		    a >= UI_ACT_MOVE_DOWN && a <= UI_ACT_LAST)) {
			ui_message(ui, "no article open: Enter opens one from the list");
			return 1;
		}
		return 0;
	}
	switch (a) {
	case UI_ACT_MOVE_DOWN:
		article_move_lines(ar, n);
		break;
	case UI_ACT_MOVE_UP:
		article_move_lines(ar, -n);
		break;
	case UI_ACT_PAGE_DOWN:
		article_scroll(ar, n * (h > 3 ? h - 2 : 1));
		break;
	case UI_ACT_PAGE_UP:
		article_scroll(ar, -n * (h > 3 ? h - 2 : 1));
		break;
	case UI_ACT_HALF_DOWN:
		article_half_page(ar, h / 2 > 0 ? h / 2 : 1);
		break;
	case UI_ACT_HALF_UP:
		article_half_page(ar, -(h / 2 > 0 ? h / 2 : 1));
		break;
	case UI_ACT_FIRST:
		go_first(ui, ar);
		break;
	case UI_ACT_LAST:
		go_last(ui, ar);
		break;
	case UI_ACT_BACK:
		ui_focus(ui, UI_VIEW_LIST);
		return 1;
	case UI_ACT_NEXT_PARAGRAPH:
	case UI_ACT_PREV_PARAGRAPH:
		step_paragraph(ar, a == UI_ACT_NEXT_PARAGRAPH ? 1 : -1, n);
		break;
	case UI_ACT_TOGGLE_COMMENTS:
		toggle_comments(ui, ar);
		break;
	default:
		if (!layer_action(ui, 0, a, count))
			return 0;
		break;
	}
	ui_mark(ui, UI_DIRTY_ARTICLE | UI_DIRTY_STATUS | UI_DIRTY_SIDE);
	return 1;
}

static enum ui_keymap
article_keymap_now(struct ui *ui, struct ui_view *v, enum ui_keymap km)
{
	size_t i;

	(void)v;
	for (i = 0; i < ui->nlayers; i++) {
		if (ui->layers[i].ops->keymap != NULL)
			km = ui->layers[i].ops->keymap(ui, &ui->layers[i], km);
	}
	return km;
}

static const char *
article_mode_now(struct ui *ui, struct ui_view *v)
{
	const char *m = NULL;
	size_t i;

	(void)v;
	for (i = 0; i < ui->nlayers && m == NULL; i++) {
		if (ui->layers[i].ops->mode != NULL)
			m = ui->layers[i].ops->mode(ui, &ui->layers[i]);
	}
	return m;
}

static int
article_idle(struct ui *ui, struct ui_view *v)
{
	size_t i;

	(void)v;
	for (i = 0; i < ui->nlayers; i++) {
		if (ui->layers[i].ops->idle != NULL && ui->layers[i].ops->idle(ui, &ui->layers[i]))
			return 1;
	}
	return 0;
}

/* Another program wrote: each layer reads its part of the open article
 * again (the body never changes, so the lines and the cursor stay). */
static void
article_reload(struct ui *ui, struct ui_view *v)
{
	struct article *ar = v->priv;
	size_t i;

	if (ar->id <= 0)
		return;
	for (i = 0; i < ui->nlayers; i++) {
		if (ui->layers[i].ops->reload != NULL)
			ui->layers[i].ops->reload(ui, &ui->layers[i]);
	}
	ui_views_refresh(ui);
}

/* ---- drawing ---------------------------------------------------------- */

static struct ui_style
part_style(struct ui *ui, int part)
{
	struct ui_style n = ui_style(ui, UI_OBJ_NORMAL);

	switch (part) {
	case PART_TITLE:
		return ui_style_over(n, ui_style(ui, UI_OBJ_ARTICLE_TITLE));
	case PART_META:
	case PART_COMMENTS:
		return ui_style_over(n, ui_style(ui, UI_OBJ_ARTICLE_META));
	default:
		return n;
	}
}

/* The style of body byte off: the base, then each layer's span over it. */
static struct ui_style
style_at(struct ui *ui, struct article *ar, struct ui_style base, size_t off)
{
	struct ui_style st = base;
	const struct ui_span *s;
	size_t i;

	for (i = 0; i < ui->nlayers; i++) {
		s = ui_spans_at(&ar->spans[i], off);
		if (s != NULL)
			st = ui_style_over(st, s->styled ? s->style : ui_style(ui, s->obj));
	}
	return st;
}

static void
draw_line(struct ui *ui, struct ui_view *v, struct article *ar, int row, const struct pos *p,
    int is_cursor)
{
	struct ui_style base = part_style(ui, p->part), st;
	struct ui_style ctl = ui_style(ui, UI_OBJ_CONTROL);
	struct text_draw_iter it;
	struct text_draw d;

	if (is_cursor) {
		base = ui_style_over(base, ui_style(ui, ui->focus == UI_VIEW_ARTICLE ?
		    UI_OBJ_CURSOR : UI_OBJ_CURSOR_UNFOCUSED));
		ui_draw_fill(ui, v->y + row, v->x, v->w, base);
	}
	if (p->gap)
		return;
	text_draw_begin(&it, ar->lay[p->part], &p->ln);
	while (text_draw_next(&it, &d)) {
		st = p->part == PART_BODY ? style_at(ui, ar, base, d.start) : base;
		if (d.kind == TEXT_DRAW_CONTROL)
			st = ui_style_over(st, ctl);
		if (d.col + d.cells > v->w - 2)
			break;
		ui_draw_text(ui, v->y + row, v->x + 1 + d.col, d.cells, d.s, d.len, st);
	}
}

/* The body bytes [*from, *to) on screen; *from is SIZE_MAX when none. */
static void
shown_range(struct article *ar, size_t *from, size_t *to)
{
	struct pos p = ar->top;
	int r;

	*from = SIZE_MAX;
	*to = 0;
	for (r = 0; r < article_rows(ar); r++) {
		if (p.part == PART_BODY) {
			if (*from == SIZE_MAX)
				*from = p.ln.start;
			*to = p.ln.end;
		}
		if (!article_next_pos(ar, &p))
			break;
	}
}

/* Each layer's spans over what is about to be drawn. */
static void
ask_layers(struct ui *ui, struct article *ar, size_t from, size_t to)
{
	size_t i;

	for (i = 0; i < ui->nlayers; i++) {
		ar->spans[i].n = 0;
		if (from != SIZE_MAX && ui->layers[i].ops->spans != NULL) {
			ui->layers[i].ops->spans(ui, &ui->layers[i], from, to, &ar->spans[i]);
			ui_spans_sort(&ar->spans[i]);
		}
	}
}

static void
article_draw(struct ui *ui, struct ui_view *v)
{
	struct article *ar = v->priv;
	struct pos p, c;
	size_t from, to;
	int r;

	if (ar->id <= 0) {
		ui_draw_str(ui, v->y, v->x + 1, v->w - 1,
		    "No article open. Choose one in the list and press Enter.",
		    ui_style(ui, UI_OBJ_NORMAL));
		return;
	}
	article_set_width(ar, article_text_width(ar));
	shown_range(ar, &from, &to);
	ask_layers(ui, ar, from, to);
	c = article_pos_of(ar, ar->cur);
	p = ar->top;
	for (r = 0; r < v->h; r++) {
		draw_line(ui, v, ar, r, &p, article_pos_cmp(&p, &c) == 0);
		if (!article_next_pos(ar, &p))
			break;
	}
}

static int
article_cursor(struct ui *ui, struct ui_view *v, int *row, int *col)
{
	struct article *ar = v->priv;
	struct pos p = ar->top, c;
	int r;

	(void)ui;
	if (ar->id <= 0)
		return 0;
	c = article_pos_of(ar, ar->cur);
	for (r = 0; r < v->h; r++) {
		if (article_pos_cmp(&p, &c) == 0) {
			*row = r;
			*col = 1 + (article_is_body(&c) ? text_layout_col(ar->lay[PART_BODY], &c.ln, ar->cur) : 0);
			if (*col >= v->w)
				*col = v->w - 1;
			return 1;
		}
		if (!article_next_pos(ar, &p))
			break;
	}
	return 0;
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
	if (ar->npara > 0)
		buf_printf(out, "para %zu/%zu  ", text_layout_para_at(ar->lay[PART_BODY], ar->cur) + 1,
		    ar->npara);
	buf_printf(out, "%zu%%", article_percent(ar));
}

static void
article_resize(struct ui *ui, struct ui_view *v)
{
	struct article *ar = v->priv;

	(void)ui;
	if (ar->id <= 0)
		return;
	if (article_text_width(ar) != ar->width) {
		size_t top = ar->top.part == PART_BODY ? ar->top.ln.start : SIZE_MAX;
		article_set_width(ar, article_text_width(ar));
		if (top == SIZE_MAX)
			article_part_first(ar, PART_TITLE, &ar->top);
		else
			ar->top = article_pos_of(ar, top);
	}
	article_keep_cursor(ar);
}

static void
article_click(struct ui *ui, struct ui_view *v, int row, int col, int clicks)
{
	struct article *ar = v->priv;
	struct pos p = ar->top;

	(void)clicks;
	if (ar->id <= 0)
		return;
	if (article_walk(ar, &p, row) != row || !article_is_body(&p))
		return;
	article_place_cursor(ar, &p, col > 0 ? col - 1 : 0);
	ar->goal = -1;
	ui_mark(ui, UI_DIRTY_ARTICLE | UI_DIRTY_STATUS | UI_DIRTY_SIDE);
}

/* The mouse, for the layers: a drag in the article selects, from where
 * it was pressed to where it is let go. */
static void
article_mouse(struct ui *ui, struct ui_view *v, int press, int row, int col, int inside)
{
	size_t i;
	int dragging = 0;

	for (i = 0; i < ui->nlayers; i++) {
		const struct ui_layer_ops *o = ui->layers[i].ops;
		if (press && o->press != NULL)
			o->press(ui, &ui->layers[i], inside);
		if (!press && o->dragging != NULL && o->dragging(ui, &ui->layers[i]))
			dragging = 1;
	}
	if (press || !dragging)
		return;
	if (inside && row >= 0)
		article_click(ui, v, row, col, 1);
	for (i = 0; i < ui->nlayers; i++) {
		if (ui->layers[i].ops->release != NULL)
			ui->layers[i].ops->release(ui, &ui->layers[i]);
	}
}

/* Where the reader was: the article and its cursor. */
static void
article_save(struct ui *ui, struct ui_view *v)
{
	struct article *ar = v->priv;
	char num[32];

	if (ar->id <= 0)
		return;
	snprintf(num, sizeof num, "%lld", (long long)ar->id);
	store_state_set(ui->st, "reader.article", num);
	snprintf(num, sizeof num, "%zu", ar->cur);
	store_state_set(ui->st, "reader.offset", num);
}

/* The article saved is read before the first frame and opened after it:
 * it may be a long one. */
static int
article_restore(struct ui *ui, struct ui_view *v, int pass)
{
	struct article *ar = v->priv;
	char *id = NULL, *off = NULL;

	if (pass == 1) {
		if (ui_article_open(ui, ar->reopen, ar->reopen_off) != 0)
			err_clear();
		return 0;
	}
	if (store_state_get(ui->st, "reader.article", &id) == 0 &&
	    store_state_get(ui->st, "reader.offset", &off) == 0 && id != NULL) {
		ar->reopen = strtoll(id, NULL, 10);
		ar->reopen_off = off != NULL ? strtoull(off, NULL, 10) : 0;
	}
	err_clear();
	free(id);
	free(off);
	return ar->reopen > 0;
}

static int
article_init(struct ui *ui, struct ui_view *v)
{
	struct article *ar = xcalloc(1, sizeof *ar);
	size_t i;

	ar->goal = -1;
	ar->v = v;
	ar->spans = xcalloc(ui->nlayers + 1, sizeof *ar->spans);
	v->priv = ar;
	for (i = 0; i < ui->nlayers; i++) {
		if (ui->layers[i].ops->init != NULL && ui->layers[i].ops->init(ui, &ui->layers[i]) != 0)
			return -1;
	}
	return 0;
}

static void
article_free(struct ui *ui, struct ui_view *v)
{
	struct article *ar = v->priv;
	size_t i;

	if (ar == NULL)
		return;
	for (i = 0; i < ui->nlayers; i++) {
		if (ui->layers[i].ops->free != NULL)
			ui->layers[i].ops->free(ui, &ui->layers[i]);
	}
	close_article(ui, ar);
	for (i = 0; i < ui->nlayers; i++)
		free(ar->spans[i].v);
	free(ar->spans);
	free(ar);
	v->priv = NULL;
}

const struct ui_view_ops ui_article_ops = {
	.name = "Article",
	.mode = "READ",
	.keymap = UI_KM_ARTICLE,
	.init = article_init,
	.free = article_free,
	.draw = article_draw,
	.title = article_title,
	.action = article_action,
	.action_first = article_action_first,
	.keymap_now = article_keymap_now,
	.mode_now = article_mode_now,
	.idle = article_idle,
	.reload = article_reload,
	.mouse = article_mouse,
	.click = article_click,
	.position = article_position,
	.resize = article_resize,
	.cursor = article_cursor,
	.save = article_save,
	.restore = article_restore,
};
