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

/* What a row shows, from either source. */
struct item {
	int64_t id;
	const char *title, *published, *outlet, *snippet;
	int annotations;
};

struct list {
	char *query;                        /* NULL: all articles */
	size_t count;                       /* rows known (search: so far) */
	int more;                           /* search: rows beyond count */
	size_t top, sel;                    /* item indices */
	struct store_article_brief *rows;   /* all: items [off, off + n) */
	size_t off, n;
	struct store_hit *hits;             /* search: items [0, count) */
	size_t saved_sel, saved_top;        /* the list's place during a search */
	int failed;                         /* last fetch failed: said once */
};

/* Snippets mark the matched words with these; body text that contains
 * them only highlights wrongly. */
#define MARK_OPEN "\x02"
#define MARK_CLOSE "\x03"
#define SEARCH_PAGE 100

static struct list *
L(struct ui *ui)
{
	return ui->views[UI_VIEW_LIST].priv;
}

static void
fetch_failed(struct ui *ui, struct list *l)
{
	if (!l->failed)
		ui_error(ui, "%s", err_msg());
	l->failed = 1;
}

static void
drop_rows(struct list *l)
{
	store_article_brief_free(l->rows, l->n);
	l->rows = NULL;
	l->n = 0;
	l->off = 0;
	if (l->hits != NULL)
		store_hits_free(l->hits, l->count);
	l->hits = NULL;
}

/* Lines per item: two (title, then date and outlet, or the snippet of a
 * search hit) in a narrow pane or for search results. */
static int
item_lines(const struct ui_view *v, const struct list *l)
{
	return v->w < 60 || l->query != NULL ? 2 : 1;
}

static size_t
visible_items(const struct ui_view *v, const struct list *l)
{
	int n = v->h / item_lines(v, l);

	return n > 0 ? (size_t)n : 1;
}

/* Search results come in ranked pages; the next is read when the cursor
 * or the screen reaches past what is known. */
static void
ensure_hits(struct ui *ui, struct list *l, size_t upto)
{
	struct store_hit *page = NULL;
	size_t n = 0;

	while (l->more && l->count < upto) {
		if (store_search(ui->st, l->query, l->count, SEARCH_PAGE, MARK_OPEN, MARK_CLOSE,
		    &page, &n) != 0) {
			l->more = 0;
			fetch_failed(ui, l);
			return;
		}
		l->hits = xreallocarray(l->hits, l->count + n + 1, sizeof *l->hits);
		memcpy(l->hits + l->count, page, n * sizeof *page);
		free(page);
		l->count += n;
		l->more = n == SEARCH_PAGE;
	}
}

/* Moving a screen past either end of the rows at hand: the next rows are
 * read by the key of the row at that end, so paging through the list
 * costs the same at row 90,000 as at the top. 0 when [from, from + want)
 * is not next to the window (the caller reads it by offset). */
static int
extend_by_key(struct ui *ui, struct list *l, size_t from, size_t want)
{
	struct store_article_brief *before = NULL, *after = NULL;
	size_t nb = 0, na = 0;
	int64_t anchor;

	if (l->rows == NULL || l->n == 0)
		return 0;
	if (from >= l->off + l->n && from < l->off + l->n + want) {
		anchor = l->rows[l->n - 1].id;
		if (store_article_page_at(ui->st, anchor, 3 * want, &after, &na) != 0 || na == 0)
			goto fail;
		store_article_brief_free(l->rows, l->n);
		l->off += l->n - 1;
		l->rows = after;
		l->n = na;
		return 1;
	}
	if (from < l->off && from + 2 * want >= l->off) {
		anchor = l->rows[0].id;
		if (store_article_page_before(ui->st, anchor, 2 * want, &before, &nb) != 0 ||
		    store_article_page_at(ui->st, anchor, want, &after, &na) != 0 || nb > l->off)
			goto fail;
		store_article_brief_free(l->rows, l->n);
		l->rows = xreallocarray(before, nb + na + 1, sizeof *l->rows);
		memcpy(l->rows + nb, after, na * sizeof *after);
		free(after);
		l->off -= nb;
		l->n = nb + na;
		return 1;
	}
	return 0;
fail:
	store_article_brief_free(before, nb);
	store_article_brief_free(after, na);
	err_clear();
	return 0;
}

/* Makes items [from, from + want) present, fetching a window around them. */
static void
ensure_rows(struct ui *ui, struct list *l, size_t from, size_t want)
{
	struct store_article_brief *rows = NULL;
	size_t n = 0, off;

	if (l->query != NULL) {
		ensure_hits(ui, l, from + want + 1);
		return;
	}
	if (from >= l->count)
		return;
	if (from + want > l->count)
		want = l->count - from;
	if (l->rows != NULL && from >= l->off && from + want <= l->off + l->n)
		return;
	if (extend_by_key(ui, l, from, want) && from >= l->off &&
	    (from + want <= l->off + l->n || l->off + l->n == l->count))
		return;
	/* The end of the list (G) is read backwards from its last row. */
	if (from + 2 * want >= l->count && l->count > 3 * want &&
	    store_article_page_last(ui->st, 3 * want, &rows, &n) == 0 && n == 3 * want) {
		store_article_brief_free(l->rows, l->n);
		l->rows = rows;
		l->n = n;
		l->off = l->count - n;
		return;
	}
	store_article_brief_free(rows, n);
	rows = NULL;
	n = 0;
	err_clear();
	off = from > want ? from - want : 0;
	if (store_article_page(ui->st, off, want * 3, &rows, &n) != 0) {
		fetch_failed(ui, l);
		return;
	}
	l->failed = 0;
	store_article_brief_free(l->rows, l->n);
	l->rows = rows;
	l->n = n;
	l->off = off;
}

static int
item(struct list *l, size_t i, struct item *it)
{
	memset(it, 0, sizeof *it);
	if (l->query != NULL) {
		if (i >= l->count)
			return 0;
		it->id = l->hits[i].id;
		it->title = l->hits[i].title;
		it->published = l->hits[i].published;
		it->outlet = l->hits[i].outlet;
		it->snippet = l->hits[i].snippet;
		return 1;
	}
	if (l->rows == NULL || i < l->off || i >= l->off + l->n)
		return 0;
	it->id = l->rows[i - l->off].id;
	it->title = l->rows[i - l->off].title;
	it->published = l->rows[i - l->off].published;
	it->outlet = l->rows[i - l->off].outlet;
	it->annotations = l->rows[i - l->off].annotations;
	return 1;
}

static void
keep_visible(struct ui_view *v, struct list *l)
{
	size_t vis = visible_items(v, l);

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
	int64_t n = 0;

	drop_rows(l);
	l->count = 0;
	l->top = l->sel = 0;
	l->failed = 0;
	if (l->query != NULL) {
		l->more = 1;
		ensure_hits(ui, l, SEARCH_PAGE);
		return l->failed ? -1 : 0;
	}
	l->more = 0;
	if (store_article_count(ui->st, &n) != 0)
		return -1;
	l->count = n > 0 ? (size_t)n : 0;
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

/* A snippet with its matches (between the marks) in the hit style. */
static void
draw_snippet(struct ui *ui, int y, int x, int width, const char *s, struct ui_style base)
{
	struct ui_style hit = ui_style_over(base, ui_style(ui, UI_OBJ_SEARCH_HIT));
	int in = 0;
	size_t n;

	while (*s != '\0' && width > 0) {
		n = strcspn(s, MARK_OPEN MARK_CLOSE);
		if (n > 0) {
			int w = ui_draw_text(ui, y, x, width, s, n, in ? hit : base);
			x += w;
			width -= w;
			s += n;
			continue;
		}
		in = *s == MARK_OPEN[0];
		s++;
	}
}

static void
draw_item(struct ui *ui, struct ui_view *v, struct list *l, int y, const struct item *it,
    struct ui_style base, int open)
{
	struct ui_style date = ui_style_over(base, ui_style(ui, UI_OBJ_LIST_DATE));
	struct ui_style outlet = ui_style_over(base, ui_style(ui, UI_OBJ_LIST_OUTLET));
	struct ui_style count = ui_style_over(base, ui_style(ui, UI_OBJ_LIST_COUNT));
	struct ui_style title = open ? ui_style_over(base,
	    (struct ui_style){ -1, -1, A_BOLD }) : base;
	const char *pub = it->published != NULL ? it->published : "";
	const char *out = it->outlet != NULL ? it->outlet : "";
	char num[32] = "";
	int x = v->x + 1, end = v->x + v->w - 1, cw = 0;

	ui_draw_fill(ui, y, v->x, v->w, base);
	if (it->annotations > 0) {
		cw = snprintf(num, sizeof num, " %d", it->annotations);
		ui_draw_str(ui, y, end - cw, cw, num, count);
	}
	if (item_lines(v, l) == 2) {
		ui_draw_str(ui, y, x, end - cw - x, it->title, title);
		ui_draw_fill(ui, y + 1, v->x, v->w, base);
		x += 1 + ui_draw_text(ui, y + 1, x + 1, 10, pub, strlen(pub), date) + 2;
		if (it->snippet != NULL)
			draw_snippet(ui, y + 1, x, end - x, it->snippet, base);
		else
			ui_draw_str(ui, y + 1, x, end - x, out, outlet);
		return;
	}
	ui_draw_text(ui, y, x, 10, pub, strlen(pub), date);
	x = v->x + 13;
	if (v->w >= 80) {
		ui_draw_str(ui, y, x, 16, out, outlet);
		x += 18;
	}
	ui_draw_str(ui, y, x, end - cw - x - 1, it->title, title);
}

static void
list_draw(struct ui *ui, struct ui_view *v)
{
	struct list *l = v->priv;
	struct ui_style normal = ui_style(ui, UI_OBJ_NORMAL);
	struct ui_style cur = ui_style_over(normal, ui_style(ui, ui->focus == UI_VIEW_LIST ?
	    UI_OBJ_CURSOR : UI_OBJ_CURSOR_UNFOCUSED));
	size_t vis = visible_items(v, l), i;
	int lines = item_lines(v, l);
	int64_t open = ui_article_id(ui);
	struct item it;

	if (l->count == 0) {
		ui_draw_str(ui, v->y, v->x + 1, v->w - 1, l->query != NULL ?
		    "No article matches. q goes back to all articles." :
		    "No articles yet. Import some with 'dossier import FILE...'.", normal);
		return;
	}
	keep_visible(v, l);
	ensure_rows(ui, l, l->top, vis);
	for (i = 0; i < vis && item(l, l->top + i, &it); i++)
		draw_item(ui, v, l, v->y + (int)i * lines, &it, l->top + i == l->sel ? cur : normal,
		    it.id == open);
}

static void
list_title(struct ui *ui, struct ui_view *v, struct buf *out)
{
	struct list *l = v->priv;

	(void)ui;
	if (l->query != NULL)
		buf_printf(out, "search \"%s\": %zu%s", l->query, l->count, l->more ? "+" : "");
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
		buf_printf(out, "%zu/%zu%s %zu%%", l->sel + 1, l->count, l->more ? "+" : "",
		    l->count > 1 ? l->sel * 100 / (l->count - 1) : 100);
}

static void
open_selected(struct ui *ui, struct list *l)
{
	struct item it;

	ensure_rows(ui, l, l->sel, 1);
	if (!item(l, l->sel, &it))
		return;
	if (it.id != ui_article_id(ui)) {
		ui_jump_push(ui);
		if (ui_article_open(ui, it.id, 0) != 0) {
			ui_error(ui, "%s", err_msg());
			return;
		}
	}
	ui_focus(ui, UI_VIEW_ARTICLE);
	ui_mark(ui, UI_DIRTY_ALL);
}

/* Moves the selection; in search results, reading past the known rows
 * fetches the next page first. */
static void
move_sel(struct ui *ui, struct list *l, long delta)
{
	size_t to;

	if (delta < 0 && (size_t)-delta > l->sel)
		to = 0;
	else
		to = l->sel + (size_t)delta;
	if (l->query != NULL && to >= l->count)
		ensure_hits(ui, l, to + 1);
	l->sel = to;
	if (l->count > 0 && l->sel >= l->count)
		l->sel = l->count - 1;
	if (l->count == 0)
		l->sel = 0;
}

static int
list_action(struct ui *ui, struct ui_view *v, enum ui_action a, int count)
{
	struct list *l = v->priv;
	long n = count > 0 ? count : 1, page = (long)visible_items(v, l);

	switch (a) {
	case UI_ACT_MOVE_DOWN:
		move_sel(ui, l, n);
		break;
	case UI_ACT_MOVE_UP:
		move_sel(ui, l, -n);
		break;
	case UI_ACT_PAGE_DOWN:
		move_sel(ui, l, page * n);
		l->top = l->sel;
		break;
	case UI_ACT_PAGE_UP:
		move_sel(ui, l, -page * n);
		l->top = l->top > (size_t)page ? l->top - (size_t)page : 0;
		break;
	case UI_ACT_HALF_DOWN:
		move_sel(ui, l, page / 2 > 0 ? page / 2 : 1);
		break;
	case UI_ACT_HALF_UP:
		move_sel(ui, l, -(page / 2 > 0 ? page / 2 : 1));
		break;
	case UI_ACT_FIRST:
		l->sel = 0;
		move_sel(ui, l, count > 0 ? count - 1 : 0);
		break;
	case UI_ACT_LAST:
		if (count > 0) {
			l->sel = 0;
			move_sel(ui, l, count - 1);
		} else {
			/* Search results: only as far as what has been ranked. */
			l->sel = l->count > 0 ? l->count - 1 : 0;
		}
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
	size_t i = l->top + (size_t)(r / item_lines(v, l));

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

/* Index of article id among the rows at hand, or SIZE_MAX. */
static size_t
loaded_index(struct list *l, int64_t id)
{
	size_t i;

	for (i = 0; l->rows != NULL && i < l->n; i++) {
		if (l->rows[i].id == id)
			return l->off + i;
	}
	return SIZE_MAX;
}

/*
 * Selects the row of article id. When it is not among the rows at hand,
 * its position comes from the counts the store keeps per day and the rows
 * around it are read by its key, so following an article to row 90,000
 * costs what following it to row 9 does: nothing here counts or skips the
 * rows before it.
 */
void
ui_list_select_id(struct ui *ui, int64_t id)
{
	struct list *l = L(ui);
	struct ui_view *v = &ui->views[UI_VIEW_LIST];
	struct store_article_brief *before = NULL, *after = NULL;
	size_t idx, nb = 0, na = 0, vis = visible_items(v, l);

	if (l->query != NULL || id <= 0)
		return;
	idx = loaded_index(l, id);
	if (idx == SIZE_MAX) {
		if (store_article_index(ui->st, id, &idx) != 0 ||
		    store_article_page_before(ui->st, id, vis, &before, &nb) != 0 ||
		    store_article_page_at(ui->st, id, 2 * vis, &after, &na) != 0 || na == 0 ||
		    nb > idx) {
			store_article_brief_free(before, nb);
			store_article_brief_free(after, na);
			err_clear();
			return;
		}
		store_article_brief_free(l->rows, l->n);
		l->rows = xreallocarray(before, nb + na, sizeof *l->rows);
		memcpy(l->rows + nb, after, na * sizeof *after);
		free(after);
		l->n = nb + na;
		l->off = idx - nb;
		/* Articles imported meanwhile: the count follows. */
		if (idx + na > l->count)
			l->count = idx + na;
	}
	if (idx == l->sel)
		return;
	l->sel = idx;
	keep_visible(v, l);
	ui_mark(ui, UI_DIRTY_LIST | UI_DIRTY_STATUS);
}

size_t
ui_list_selected_index(struct ui *ui)
{
	struct list *l = L(ui);

	return l->query != NULL ? SIZE_MAX : l->sel;
}

int64_t
ui_list_selected_id(struct ui *ui)
{
	struct list *l = L(ui);
	struct item it;

	ensure_rows(ui, l, l->sel, 1);
	return item(l, l->sel, &it) ? it.id : 0;
}

int
ui_list_search(struct ui *ui, const char *query)
{
	struct list *l = L(ui);
	char *old = l->query;

	if (old == NULL) {
		l->saved_sel = l->sel;
		l->saved_top = l->top;
	}
	l->query = query != NULL && query[0] != '\0' ? xstrdup(query) : NULL;
	if (reload(ui, l) != 0) {
		free(l->query);
		l->query = old;
		reload(ui, l);
		return -1;
	}
	free(old);
	if (l->query == NULL) {
		/* Back where the list was before the search. */
		l->sel = l->saved_sel < l->count ? l->saved_sel : 0;
		l->top = l->saved_top < l->count ? l->saved_top : 0;
	}
	if (l->query != NULL)
		ui_message(ui, "%zu%s article%s match \"%s\" (q returns to all articles)", l->count,
		    l->more ? "+" : "", l->count == 1 && !l->more ? "" : "s", l->query);
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
