/*
 * ui-view.c: what every row-based view does, written once. A view on
 * this base holds its rows' model (struct ui_rows: how many are known,
 * whether more can be fetched, the selected and the top row) and fills in
 * the row ops (draw a row, how many lines it takes, whether it can be
 * selected, fetch rows, open one); this file moves the selection, pages,
 * keeps the selection on screen, draws the rows in the cursor's style,
 * turns a click into a row and finds words in the rows (/ ? n N in a view
 * whose rows have words). The panes (list,
 * side pane) and the popups (annotation browser, tag picker, completion)
 * are all views on it; ui.c reaches them only through their ops.
 *
 * Invariant: sel and top are < n whenever n > 0, and top <= sel; a view
 * whose rows change calls ui_view_set_rows and the rest follows.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#define DOSSIER_UI_INTERNAL
#include "store.h"
#include "text.h"
#include "ui.h"

static int
row_lines(struct ui *ui, struct ui_view *v, size_t i)
{
	return v->ops->row_lines != NULL ? v->ops->row_lines(ui, v, i) : v->row_h > 0 ? v->row_h : 1;
}

static int
selectable(struct ui *ui, struct ui_view *v, size_t i)
{
	return i < v->rows.n && (v->ops->selectable == NULL || v->ops->selectable(ui, v, i));
}

/* Rows past n become known (a paged view reads them); 1 when row i is. */
static int
have(struct ui *ui, struct ui_view *v, size_t i)
{
	if (i >= v->rows.n && v->rows.more && v->ops->fetch != NULL)
		v->ops->fetch(ui, v, v->rows.n, i + 1 - v->rows.n);
	return i < v->rows.n;
}

size_t
ui_view_fits(struct ui *ui, struct ui_view *v, size_t top)
{
	size_t i;
	int used = 0;

	for (i = top; i < v->rows.n; i++) {
		used += row_lines(ui, v, i);
		if (used > v->h)
			break;
	}
	if (i == top && v->rows.n == 0) {
		int per = v->row_h > 0 ? v->row_h : 1;
		return v->h / per > 0 ? (size_t)(v->h / per) : 1;
	}
	return i > top ? i - top : 1;
}

/* Rows of the fixed height that fit: what a page is before rows are read. */
static size_t
page_rows(struct ui *ui, struct ui_view *v)
{
	int per = v->row_h > 0 ? v->row_h : 1;

	if (v->ops->row_lines != NULL)
		return ui_view_fits(ui, v, v->rows.top);
	return v->h / per > 0 ? (size_t)(v->h / per) : 1;
}

void
ui_view_keep_visible(struct ui *ui, struct ui_view *v)
{
	struct ui_rows *r = &v->rows;
	size_t vis;

	if (r->n == 0) {
		r->sel = r->top = 0;
		return;
	}
	if (r->sel >= r->n)
		r->sel = r->n - 1;
	if (r->sel < r->top)
		r->top = r->sel;
	if (v->ops->row_lines == NULL) {
		vis = page_rows(ui, v);
		if (r->sel >= r->top + vis)
			r->top = r->sel - vis + 1;
		if (r->top + vis > r->n)
			r->top = r->n > vis ? r->n - vis : 0;
		return;
	}
	while (r->top < r->sel && r->sel >= r->top + ui_view_fits(ui, v, r->top))
		r->top++;
}

void
ui_view_set_rows(struct ui *ui, struct ui_view *v, size_t n, int more)
{
	v->rows.n = n;
	v->rows.more = more;
	ui_view_keep_visible(ui, v);
}

/* Steps the selection over N selectable rows (negative: up). */
static void
step(struct ui *ui, struct ui_view *v, long n)
{
	size_t i = v->rows.sel;

	while (n > 0 && have(ui, v, i + 1)) {
		i++;
		if (selectable(ui, v, i)) {
			v->rows.sel = i;
			n--;
		}
	}
	while (n < 0 && i > 0) {
		i--;
		if (selectable(ui, v, i)) {
			v->rows.sel = i;
			n++;
		}
	}
}

void
ui_view_select(struct ui *ui, struct ui_view *v, size_t i)
{
	have(ui, v, i);
	v->rows.sel = i < v->rows.n ? i : v->rows.n > 0 ? v->rows.n - 1 : 0;
	if (v->rows.n > 0 && !selectable(ui, v, v->rows.sel)) {
		step(ui, v, 1);
		if (!selectable(ui, v, v->rows.sel))
			step(ui, v, -1);
	}
	ui_view_keep_visible(ui, v);
}

void
ui_view_dirty(struct ui *ui, struct ui_view *v)
{
	if (v >= ui->views && v < ui->views + UI_VIEW_COUNT)
		ui_mark(ui, (1u << (v - ui->views)) | UI_DIRTY_STATUS);
	else
		ui_mark(ui, UI_DIRTY_ALL);
}

int
ui_view_move(struct ui *ui, struct ui_view *v, enum ui_action a, int count)
{
	struct ui_rows *r = &v->rows;
	long n = count > 0 ? count : 1, page = (long)page_rows(ui, v);
	long half = page / 2 > 0 ? page / 2 : 1;

	switch (a) {
	case UI_ACT_MOVE_DOWN:
		step(ui, v, n);
		break;
	case UI_ACT_MOVE_UP:
		step(ui, v, -n);
		break;
	case UI_ACT_PAGE_DOWN:
		/* A page on: the row that was below the screen comes to its top. */
		step(ui, v, page * n);
		r->top = r->sel;
		break;
	case UI_ACT_PAGE_UP:
		step(ui, v, -page * n);
		r->top = r->top > (size_t)(page * n) ? r->top - (size_t)(page * n) : 0;
		break;
	case UI_ACT_HALF_DOWN:
		step(ui, v, half);
		break;
	case UI_ACT_HALF_UP:
		step(ui, v, -half);
		break;
	case UI_ACT_FIRST:
		r->top = 0;
		ui_view_select(ui, v, 0);
		if (count > 1)
			step(ui, v, count - 1);
		break;
	case UI_ACT_LAST:
		/* A count goes to that row; else to the last row known (a
		 * paged view does not read every row to find its end). */
		ui_view_select(ui, v, count > 0 ? (size_t)count - 1 : r->n > 0 ? r->n - 1 : 0);
		break;
	default:
		return 0;
	}
	ui_view_keep_visible(ui, v);
	ui_view_dirty(ui, v);
	return 1;
}

/* The style a row is drawn on: the cursor's on the selected row (dimmer
 * when the view is not focused), the popup's in a popup. */
static struct ui_style
row_style(struct ui *ui, struct ui_view *v, int selected)
{
	struct ui_style normal = ui_style(ui, UI_OBJ_NORMAL);
	int focused = v == &ui->views[ui->focus];

	if (v->popup)
		return ui_popup_style(ui, selected);
	if (!selected)
		return normal;
	return ui_style_over(normal, ui_style(ui, focused ? UI_OBJ_CURSOR : UI_OBJ_CURSOR_UNFOCUSED));
}

void
ui_view_draw_rows(struct ui *ui, struct ui_view *v)
{
	struct ui_rows *r = &v->rows;
	size_t i, vis;
	int y = 0, k, h;

	ui_view_keep_visible(ui, v);
	vis = page_rows(ui, v);
	if (v->ops->fetch != NULL)
		v->ops->fetch(ui, v, r->top, vis);
	for (i = r->top; i < r->n; i++) {
		int sel = i == r->sel && selectable(ui, v, i);
		struct ui_style base = row_style(ui, v, sel);

		h = row_lines(ui, v, i);
		if (y + h > v->h)
			break;
		if (sel || v->popup) {
			for (k = 0; k < h; k++)
				ui_draw_fill(ui, v->y + y + k, v->x, v->w, base);
		}
		if (!v->ops->draw_row(ui, v, i, v->y + y, base))
			break;
		y += h;
	}
}

size_t
ui_view_row_at(struct ui *ui, struct ui_view *v, int row)
{
	size_t i;
	int y = 0;

	for (i = v->rows.top; i < v->rows.n; i++) {
		y += row_lines(ui, v, i);
		if (y > row)
			return i;
	}
	return SIZE_MAX;
}

void
ui_view_click(struct ui *ui, struct ui_view *v, int row, int clicks)
{
	size_t i = ui_view_row_at(ui, v, row);

	if (i == SIZE_MAX || !selectable(ui, v, i))
		return;
	if (clicks > 1 || i == v->rows.sel) {
		v->rows.sel = i;
		if (v->ops->open != NULL)
			v->ops->open(ui, v, i);
		return;
	}
	v->rows.sel = i;
	ui_view_dirty(ui, v);
}

void
ui_view_open(struct ui *ui, struct ui_view *v)
{
	if (v->rows.n > 0 && have(ui, v, v->rows.sel) && selectable(ui, v, v->rows.sel) &&
	    v->ops->open != NULL)
		v->ops->open(ui, v, v->rows.sel);
}

void
ui_view_position(struct ui *ui, struct ui_view *v, struct buf *out)
{
	const struct ui_rows *r = &v->rows;

	(void)ui;
	if (r->n == 0)
		buf_adds(out, "0/0");
	else
		buf_printf(out, "%zu/%zu%s %zu%%", r->sel + 1, r->n, r->more ? "+" : "",
		    r->n > 1 ? r->sel * 100 / (r->n - 1) : 100);
}

/* Does TEXT contain WORD, case folded by the text module? */
static int
contains(const char *text, const char *word)
{
	struct text_fold t, w;
	int found;

	if (text_fold(text, strlen(text), &t) != 0) {
		err_clear();
		return 0;
	}
	if (text_fold(word, strlen(word), &w) != 0) {
		err_clear();
		text_fold_free(&t);
		return 0;
	}
	found = w.len == 0 || memmem(t.s, t.len, w.s, w.len) != NULL;
	text_fold_free(&t);
	text_fold_free(&w);
	return found;
}

int
ui_view_find(struct ui *ui, struct ui_view *v, const char *word, int dir)
{
	struct buf text;
	size_t i = v->rows.sel, tried;

	if (v->ops->row_text == NULL || v->rows.n == 0)
		return -1;
	buf_init(&text);
	for (tried = 0; tried < v->rows.n; tried++) {
		i = dir < 0 ? (i == 0 ? v->rows.n - 1 : i - 1) : (i + 1) % v->rows.n;
		buf_reset(&text);
		if (selectable(ui, v, i) && v->ops->row_text(ui, v, i, &text) &&
		    contains(text.data != NULL ? text.data : "", word)) {
			buf_free(&text);
			v->rows.sel = i;
			ui_view_keep_visible(ui, v);
			ui_view_dirty(ui, v);
			return 0;
		}
	}
	buf_free(&text);
	return -1;
}

/* ---- what the loop calls: the view's op, else the base's ---------- */

/* The line typed after / or ? in a view with rows: the next row (the
 * previous with ?) holding the words. */
static int
find_submit(struct ui *ui, int kind, const char *line)
{
	struct ui_view *v = &ui->views[ui->focus];

	if (line[0] != '\0') {
		free(v->find);
		v->find = xstrdup(line);
	}
	if (v->find == NULL) {
		ui_message(ui, "no search yet");
		return 0;
	}
	v->find_back = kind == '?';
	if (ui_view_find(ui, v, v->find, v->find_back ? -1 : 1) != 0)
		return err_set("not found: %s", v->find);
	ui_message(ui, "%c%s", kind, v->find);
	return 0;
}

static const struct ui_prompt_ops find_line = {
	.submit = find_submit,
};

/* /, ?, n and N in a view whose rows have words (ops->row_text). */
static int
find_action(struct ui *ui, struct ui_view *v, enum ui_action a)
{
	int dir;

	switch (a) {
	case UI_ACT_SEARCH_FORWARD:
	case UI_ACT_SEARCH_BACKWARD:
		ui_prompt_open(ui, a == UI_ACT_SEARCH_FORWARD ? '/' : '?', &find_line);
		return 1;
	case UI_ACT_SEARCH_NEXT:
	case UI_ACT_SEARCH_PREV:
		if (v->find == NULL) {
			ui_message(ui, "no search yet: / searches forward, ? backward");
			return 1;
		}
		dir = (a == UI_ACT_SEARCH_NEXT) != v->find_back ? 1 : -1;
		if (ui_view_find(ui, v, v->find, dir) != 0)
			ui_error(ui, "not found: %s", v->find);
		else
			ui_message(ui, "%c%s", dir > 0 ? '/' : '?', v->find);
		return 1;
	default:
		return 0;
	}
}

int
ui_view_action(struct ui *ui, struct ui_view *v, enum ui_action a, int count)
{
	if (v->ops->action != NULL && v->ops->action(ui, v, a, count))
		return 1;
	if (v->ops->draw_row == NULL)
		return 0;
	if (a == UI_ACT_OPEN) {
		ui_view_open(ui, v);
		return 1;
	}
	/* Finding words: in the focused view only (elsewhere the keys are
	 * the article's). */
	if (v->ops->row_text != NULL && v == &ui->views[ui->focus] && find_action(ui, v, a))
		return 1;
	return ui_view_move(ui, v, a, count);
}

void
ui_view_draw_in(struct ui *ui, struct ui_view *v, int y, int x, int h, int w, const char *empty)
{
	if (h < 1)
		return;
	v->y = y;
	v->x = x - 1;
	v->h = h;
	v->w = w + 1;
	ui_view_draw_rows(ui, v);
	if (v->rows.n == 0 && empty != NULL)
		ui_draw_str(ui, y, x, w, empty, ui_popup_style(ui, 0));
}

void
ui_view_draw(struct ui *ui, struct ui_view *v)
{
	if (v->ops->draw != NULL)
		v->ops->draw(ui, v);
	else if (v->ops->draw_row != NULL)
		ui_view_draw_rows(ui, v);
}

void
ui_view_clicked(struct ui *ui, struct ui_view *v, int row, int col, int clicks)
{
	if (v->ops->click != NULL)
		v->ops->click(ui, v, row, col, clicks);
	else if (v->ops->draw_row != NULL)
		ui_view_click(ui, v, row, clicks);
}

void
ui_view_where(struct ui *ui, struct ui_view *v, struct buf *out)
{
	if (v->ops->position != NULL)
		v->ops->position(ui, v, out);
	else if (v->ops->draw_row != NULL)
		ui_view_position(ui, v, out);
}

enum ui_action
ui_view_popup_motion(int code)
{
	switch (code) {
	case UI_KEY_CURSES(KEY_DOWN):
	case UI_KEY_CTRL('n'):
		return UI_ACT_MOVE_DOWN;
	case UI_KEY_CURSES(KEY_UP):
	case UI_KEY_CTRL('p'):
		return UI_ACT_MOVE_UP;
	case UI_KEY_CURSES(KEY_NPAGE):
		return UI_ACT_PAGE_DOWN;
	case UI_KEY_CURSES(KEY_PPAGE):
		return UI_ACT_PAGE_UP;
	default:
		return UI_ACT_NONE;
	}
}

enum ui_action
ui_view_list_motion(int code)
{
	switch (code) {
	case 'j':
		return UI_ACT_MOVE_DOWN;
	case 'k':
		return UI_ACT_MOVE_UP;
	case 'g':
	case UI_KEY_CURSES(KEY_HOME):
		return UI_ACT_FIRST;
	case 'G':
	case UI_KEY_CURSES(KEY_END):
		return UI_ACT_LAST;
	default:
		return ui_view_popup_motion(code);
	}
}

void
ui_views_refresh(struct ui *ui)
{
	int i;

	for (i = 0; i < UI_VIEW_COUNT; i++) {
		if (ui->views[i].ops != NULL && ui->views[i].ops->refresh != NULL)
			(ui->views[i].ops->refresh)(ui, &ui->views[i]);
	}
}

int
ui_views_reload(struct ui *ui, int force)
{
	int64_t version = 0;
	int i;

	if (ui->overlay != NULL || ui_prompt_active(ui))
		return 0;
	if (store_data_version(ui->st, &version) != 0) {
		err_clear();
		return 0;
	}
	if (ui->data_version == 0)
		ui->data_version = version;
	if (version == ui->data_version && !force)
		return 0;
	ui->data_version = version;
	for (i = 0; i < UI_VIEW_COUNT; i++) {
		if (ui->views[i].ops != NULL && ui->views[i].ops->reload != NULL)
			(ui->views[i].ops->reload)(ui, &ui->views[i]);
	}
	ui_mark(ui, UI_DIRTY_ALL);
	return 1;
}
