/*
 * ui-list.c: the library view: one row per article (date, outlet, title,
 * annotation count), or the results of a corpus search.
 *
 * The list never holds the corpus: it knows the row count and keeps a
 * window of rows around what is shown, fetched a page at a time from the
 * store, so the first screen costs the same at a thousand articles as at
 * a hundred thousand.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#define DOSSIER_UI_INTERNAL
#include "store.h"
#include "ui.h"

struct list {
	char *query;                        /* NULL: all articles */
	size_t count;
	size_t top, sel;                    /* item indices */
	struct store_article_brief *rows;   /* items [off, off + n) */
	size_t off, n;
	int failed;                         /* last fetch failed: say so once */
};

static struct list *
L(struct ui *ui)
{
	return ui->views[UI_VIEW_LIST].priv;
}

/* Where the rows come from: all articles, or a search. */
static int
source_count(struct ui *ui, struct list *l, size_t *n)
{
	int64_t c = 0;

	if (l->query != NULL) {
		if (store_search_count(ui->st, l->query, &c) != 0)
			return -1;
	} else if (store_article_count(ui->st, &c) != 0) {
		return -1;
	}
	*n = c > 0 ? (size_t)c : 0;
	return 0;
}

static int
source_page(struct ui *ui, struct list *l, size_t off, size_t limit,
    struct store_article_brief **rows, size_t *n)
{
	if (l->query != NULL)
		return store_search_page(ui->st, l->query, off, limit, rows, n);
	return store_article_page(ui->st, off, limit, rows, n);
}

static void
drop_rows(struct list *l)
{
	store_article_brief_free(l->rows, l->n);
	l->rows = NULL;
	l->n = 0;
	l->off = 0;
}

/* Lines per item: two (title, then date and outlet) in a narrow pane. */
static int
item_lines(const struct ui_view *v)
{
	return v->w < 60 ? 2 : 1;
}

static size_t
visible_items(const struct ui_view *v)
{
	int n = v->h / item_lines(v);

	return n > 0 ? (size_t)n : 1;
}

/* Makes rows [from, from + want) present, fetching a window around them. */
static void
ensure_rows(struct ui *ui, struct list *l, size_t from, size_t want)
{
	struct store_article_brief *rows = NULL;
	size_t n = 0, off;

	if (from >= l->count)
		return;
	if (from + want > l->count)
		want = l->count - from;
	if (l->rows != NULL && from >= l->off && from + want <= l->off + l->n)
		return;
	off = from > want ? from - want : 0;
	if (source_page(ui, l, off, want * 3, &rows, &n) != 0) {
		if (!l->failed)
			ui_error(ui, "%s", err_msg());
		l->failed = 1;
		return;
	}
	l->failed = 0;
	drop_rows(l);
	l->rows = rows;
	l->n = n;
	l->off = off;
}

static const struct store_article_brief *
row(struct list *l, size_t i)
{
	if (l->rows == NULL || i < l->off || i >= l->off + l->n)
		return NULL;
	return &l->rows[i - l->off];
}

static void
keep_visible(struct ui_view *v, struct list *l)
{
	size_t vis = visible_items(v);

	if (l->count == 0) {
		l->sel = l->top = 0;
		return;
	}
	if (l->sel >= l->count)
		l->sel = l->count - 1;
	if (l->sel < l->top)
		l->top = l->sel;
	else if (l->sel >= l->top + vis)
		l->top = l->sel - vis + 1;
	if (l->top + vis > l->count)
		l->top = l->count > vis ? l->count - vis : 0;
}

static int
reload(struct ui *ui, struct list *l)
{
	size_t n = 0;

	drop_rows(l);
	if (source_count(ui, l, &n) != 0)
		return -1;
	l->count = n;
	l->top = l->sel = 0;
	return 0;
}

static int
list_init(struct ui *ui, struct ui_view *v)
{
	struct list *l = xcalloc(1, sizeof *l);

	v->priv = l;
	return reload(ui, l);
}

static void
list_free(struct ui *ui, struct ui_view *v)
{
	struct list *l = v->priv;

	(void)ui;
	drop_rows(l);
	free(l->query);
	free(l);
	v->priv = NULL;
}

static void
draw_item(struct ui *ui, struct ui_view *v, int y, const struct store_article_brief *r,
    struct ui_style base, int open)
{
	struct ui_style date = ui_style_over(base, ui_style(ui, UI_OBJ_LIST_DATE));
	struct ui_style outlet = ui_style_over(base, ui_style(ui, UI_OBJ_LIST_OUTLET));
	struct ui_style count = ui_style_over(base, ui_style(ui, UI_OBJ_LIST_COUNT));
	struct ui_style title = open ? ui_style_over(base,
	    (struct ui_style){ -1, -1, A_BOLD }) : base;
	const char *pub = r->published != NULL ? r->published : "";
	const char *out = r->outlet != NULL ? r->outlet : "";
	char num[32] = "";
	int x = v->x + 1, end = v->x + v->w - 1, cw = 0;

	ui_draw_fill(ui, y, v->x, v->w, base);
	if (r->annotations > 0) {
		cw = snprintf(num, sizeof num, " %d", r->annotations);
		ui_draw_str(ui, y, end - cw, cw, num, count);
	}
	if (item_lines(v) == 2) {
		ui_draw_str(ui, y, x, end - cw - x, r->title, title);
		ui_draw_fill(ui, y + 1, v->x, v->w, base);
		x += ui_draw_text(ui, y + 1, x + 1, 10, pub, strlen(pub), date) + 2;
		ui_draw_str(ui, y + 1, x, end - x, out, outlet);
		return;
	}
	x += ui_draw_text(ui, y, x, 10, pub, strlen(pub), date);
	x = v->x + 13;
	if (v->w >= 80) {
		ui_draw_str(ui, y, x, 16, out, outlet);
		x += 18;
	}
	ui_draw_str(ui, y, x, end - cw - x - 1, r->title, title);
}

static void
list_draw(struct ui *ui, struct ui_view *v)
{
	struct list *l = v->priv;
	struct ui_style normal = ui_style(ui, UI_OBJ_NORMAL);
	struct ui_style cur = ui_style_over(normal, ui_style(ui, ui->focus == UI_VIEW_LIST ?
	    UI_OBJ_CURSOR : UI_OBJ_CURSOR_UNFOCUSED));
	size_t vis = visible_items(v), i;
	int lines = item_lines(v);
	int64_t open = ui_article_id(ui);

	if (l->count == 0) {
		ui_draw_str(ui, v->y, v->x + 1, v->w - 1, l->query != NULL ?
		    "No article matches. q goes back to all articles." :
		    "No articles yet. Import some with 'dossier import FILE...'.", normal);
		return;
	}
	keep_visible(v, l);
	ensure_rows(ui, l, l->top, vis);
	for (i = 0; i < vis && l->top + i < l->count; i++) {
		const struct store_article_brief *r = row(l, l->top + i);
		if (r == NULL)
			break;
		draw_item(ui, v, v->y + (int)i * lines, r, l->top + i == l->sel ? cur : normal,
		    r->id == open);
	}
}

static void
list_title(struct ui *ui, struct ui_view *v, struct buf *out)
{
	struct list *l = v->priv;

	(void)ui;
	if (l->query != NULL)
		buf_printf(out, "search \"%s\": %zu", l->query, l->count);
	else
		buf_printf(out, "%zu article%s", l->count, l->count == 1 ? "" : "s");
}

static void
list_position(struct ui *ui, struct ui_view *v, struct buf *out)
{
	struct list *l = v->priv;

	(void)ui;
	if (l->count == 0)
		buf_adds(out, "0/0");
	else
		buf_printf(out, "%zu/%zu %zu%%", l->sel + 1, l->count,
		    l->count > 1 ? l->sel * 100 / (l->count - 1) : 100);
}

static void
open_selected(struct ui *ui, struct list *l)
{
	const struct store_article_brief *r;

	ensure_rows(ui, l, l->sel, 1);
	r = row(l, l->sel);
	if (r == NULL)
		return;
	if (r->id != ui_article_id(ui)) {
		ui_jump_push(ui);
		if (ui_article_open(ui, r->id, 0) != 0) {
			ui_error(ui, "%s", err_msg());
			return;
		}
	}
	ui_focus(ui, UI_VIEW_ARTICLE);
	ui_mark(ui, UI_DIRTY_ALL);
}

static void
move_sel(struct list *l, long delta)
{
	if (delta < 0 && (size_t)-delta > l->sel)
		l->sel = 0;
	else
		l->sel += (size_t)delta;
	if (l->count > 0 && l->sel >= l->count)
		l->sel = l->count - 1;
}

static int
list_action(struct ui *ui, struct ui_view *v, enum ui_action a, int count)
{
	struct list *l = v->priv;
	long n = count > 0 ? count : 1, page = (long)visible_items(v);

	switch (a) {
	case UI_ACT_MOVE_DOWN:
		move_sel(l, n);
		break;
	case UI_ACT_MOVE_UP:
		move_sel(l, -n);
		break;
	case UI_ACT_PAGE_DOWN:
		move_sel(l, page * n);
		l->top = l->sel;
		break;
	case UI_ACT_PAGE_UP:
		move_sel(l, -page * n);
		l->top = l->top > (size_t)page ? l->top - (size_t)page : 0;
		break;
	case UI_ACT_HALF_DOWN:
		move_sel(l, page / 2 > 0 ? page / 2 : 1);
		break;
	case UI_ACT_HALF_UP:
		move_sel(l, -(page / 2 > 0 ? page / 2 : 1));
		break;
	case UI_ACT_FIRST:
		l->sel = count > 0 ? (size_t)count - 1 : 0;
		move_sel(l, 0);
		break;
	case UI_ACT_LAST:
		l->sel = count > 0 ? (size_t)count - 1 : (l->count > 0 ? l->count - 1 : 0);
		move_sel(l, 0);
		break;
	case UI_ACT_OPEN:
		open_selected(ui, l);
		return 1;
	case UI_ACT_BACK:
		if (l->query == NULL)
			return 0;   /* quits */
		ui_list_search(ui, NULL);
		return 1;
	case UI_ACT_SEARCH_FORWARD:
		ui_prompt_open(ui, 'F');
		return 1;
	default:
		return 0;
	}
	keep_visible(v, l);
	ui_mark(ui, UI_DIRTY_LIST | UI_DIRTY_STATUS);
	return 1;
}

static void
list_click(struct ui *ui, struct ui_view *v, int r, int col, int clicks)
{
	struct list *l = v->priv;
	size_t i = l->top + (size_t)(r / item_lines(v));

	(void)col;
	if (i >= l->count)
		return;
	if (clicks > 1 || i == l->sel) {
		l->sel = i;
		open_selected(ui, l);
		return;
	}
	l->sel = i;
	ui_mark(ui, UI_DIRTY_LIST | UI_DIRTY_STATUS);
}

static void
list_resize(struct ui *ui, struct ui_view *v)
{
	(void)ui;
	keep_visible(v, v->priv);
}

void
ui_list_select_id(struct ui *ui, int64_t id)
{
	struct list *l = L(ui);
	size_t idx;

	if (l->query != NULL || store_article_index(ui->st, id, &idx) != 0) {
		err_clear();
		return;
	}
	l->sel = idx;
	keep_visible(&ui->views[UI_VIEW_LIST], l);
	ui_mark(ui, UI_DIRTY_LIST);
}

int64_t
ui_list_selected_id(struct ui *ui)
{
	struct list *l = L(ui);
	const struct store_article_brief *r;

	ensure_rows(ui, l, l->sel, 1);
	r = row(l, l->sel);
	return r != NULL ? r->id : 0;
}

int
ui_list_search(struct ui *ui, const char *query)
{
	struct list *l = L(ui);
	char *old = l->query;
	int64_t open = ui_article_id(ui);

	l->query = query != NULL && query[0] != '\0' ? xstrdup(query) : NULL;
	if (reload(ui, l) != 0) {
		free(l->query);
		l->query = old;
		reload(ui, l);
		return -1;
	}
	free(old);
	if (l->query == NULL && open > 0)
		ui_list_select_id(ui, open);
	if (l->query != NULL)
		ui_message(ui, "%zu article%s match \"%s\" (q returns to all articles)", l->count,
		    l->count == 1 ? "" : "s", l->query);
	ui_focus(ui, UI_VIEW_LIST);
	ui_mark(ui, UI_DIRTY_ALL);
	return 0;
}

const struct ui_view_ops ui_list_ops = {
	.name = "List",
	.keymap = UI_KM_LIST,
	.init = list_init,
	.free = list_free,
	.draw = list_draw,
	.title = list_title,
	.action = list_action,
	.click = list_click,
	.position = list_position,
	.resize = list_resize,
};
