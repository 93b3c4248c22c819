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

/* The rows' count, selection and top are the view's (v->rows): known
 * rows (search: ranked so far), whether a search has more. */
struct list {
	struct ui_view *v;
	char *query;                        /* NULL: all articles */
	struct store_article_brief *rows;   /* all: items [off, off + n) */
	size_t off, n;
	struct store_hit *hits;             /* search: items [0, count) */
	size_t saved_sel, saved_top;        /* the list's place during a search */
	int64_t followed;                   /* the article the selection followed */
	int64_t restored;                   /* the row reopened at the start */
	int failed;                         /* last fetch failed: said once */
};

/* Snippets mark the matched words with these; body text that contains
 * them only highlights wrongly. */
#define MARK_OPEN "\x02"
#define MARK_CLOSE "\x03"
#define SEARCH_PAGE 100

static void select_id(struct ui *ui, int64_t id);
static int64_t selected_id(struct ui *ui);

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
		store_hits_free(l->hits, l->v->rows.n);
	l->hits = NULL;
}

/* Lines per item: two (title, then date and outlet, or the snippet of a
 * search hit) in a narrow pane or for search results. */
static void
set_item_lines(struct ui_view *v, const struct list *l)
{
	v->row_h = v->w < 60 || l->query != NULL ? 2 : 1;
}

static size_t
visible_items(const struct ui_view *v)
{
	int n = v->h / (v->row_h > 0 ? v->row_h : 1);

	return n > 0 ? (size_t)n : 1;
}

/* Search results come in ranked pages; the next is read when the cursor
 * or the screen reaches past what is known. */
static void
ensure_hits(struct ui *ui, struct list *l, size_t upto)
{
	struct store_hit *page = NULL;
	size_t n = 0;

	struct ui_rows *r = &l->v->rows;

	while (r->more && r->n < upto) {
		if (store_search(ui->st, l->query, r->n, SEARCH_PAGE, MARK_OPEN, MARK_CLOSE,
		    &page, &n) != 0) {
			r->more = 0;
			fetch_failed(ui, l);
			return;
		}
		l->hits = xreallocarray(l->hits, r->n + n + 1, sizeof *l->hits);
		memcpy(l->hits + r->n, page, n * sizeof *page);
		free(page);
		r->n += n;
		r->more = n == SEARCH_PAGE;
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
	size_t n = 0, off, count = l->v->rows.n;

	if (l->query != NULL) {
		ensure_hits(ui, l, from + want + 1);
		return;
	}
	if (from >= count)
		return;
	if (from + want > count)
		want = count - from;
	if (l->rows != NULL && from >= l->off && from + want <= l->off + l->n)
		return;
	if (extend_by_key(ui, l, from, want) && from >= l->off &&
	    (from + want <= l->off + l->n || l->off + l->n == count))
		return;
	/* The end of the list (G) is read backwards from its last row. */
	if (from + 2 * want >= count && count > 3 * want &&
	    store_article_page_last(ui->st, 3 * want, &rows, &n) == 0 && n == 3 * want) {
		store_article_brief_free(l->rows, l->n);
		l->rows = rows;
		l->n = n;
		l->off = count - n;
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
		if (i >= l->v->rows.n)
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

static int
reload(struct ui *ui, struct list *l)
{
	struct ui_rows *r = &l->v->rows;
	int64_t n = 0;

	drop_rows(l);
	memset(r, 0, sizeof *r);
	l->failed = 0;
	set_item_lines(l->v, l);
	if (l->query != NULL) {
		r->more = 1;
		ensure_hits(ui, l, SEARCH_PAGE);
		return l->failed ? -1 : 0;
	}
	if (store_article_count(ui->st, &n) != 0)
		return -1;
	r->n = n > 0 ? (size_t)n : 0;
	return 0;
}

static int
list_init(struct ui *ui, struct ui_view *v)
{
	struct list *l = xcalloc(1, sizeof *l);

	v->priv = l;
	l->v = v;
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
draw_item(struct ui *ui, struct ui_view *v, int y, const struct item *it, struct ui_style base,
    int open)
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

	if (it->annotations > 0) {
		cw = snprintf(num, sizeof num, " %d", it->annotations);
		ui_draw_str(ui, y, end - cw, cw, num, count);
	}
	if (v->row_h == 2) {
		ui_draw_str(ui, y, x, end - cw - x, it->title, title);
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

static int
list_draw_row(struct ui *ui, struct ui_view *v, size_t i, int y, struct ui_style base)
{
	struct list *l = v->priv;
	struct item it;

	if (!item(l, i, &it))
		return 0;
	draw_item(ui, v, y, &it, base, it.id == ui_article_id(ui));
	return 1;
}

static void
list_draw(struct ui *ui, struct ui_view *v)
{
	struct list *l = v->priv;

	if (v->rows.n == 0) {
		ui_draw_str(ui, v->y, v->x + 1, v->w - 1, l->query != NULL ?
		    "No article matches. q goes back to all articles." :
		    "No articles yet. Import some with 'dossier import FILE...'.",
		    ui_style(ui, UI_OBJ_NORMAL));
		return;
	}
	set_item_lines(v, l);
	ui_view_draw_rows(ui, v);
}

/* The base asks for rows before it draws or moves onto them. */
static void
list_fetch(struct ui *ui, struct ui_view *v, size_t from, size_t want)
{
	ensure_rows(ui, v->priv, from, want);
}

static void
list_title(struct ui *ui, struct ui_view *v, struct buf *out)
{
	struct list *l = v->priv;

	(void)ui;
	if (l->query != NULL)
		buf_printf(out, "search \"%s\": %zu%s", l->query, v->rows.n, v->rows.more ? "+" : "");
	else
		buf_printf(out, "%zu article%s", v->rows.n, v->rows.n == 1 ? "" : "s");
}

static void
list_open(struct ui *ui, struct ui_view *v, size_t i)
{
	struct list *l = v->priv;
	struct item it;

	ensure_rows(ui, l, i, 1);
	if (!item(l, i, &it))
		return;
	if (it.id != ui_article_id(ui)) {
		ui_article_jump_push(ui);
		if (ui_article_open(ui, it.id, 0) != 0) {
			ui_error(ui, "%s", err_msg());
			return;
		}
	}
	ui_focus(ui, UI_VIEW_ARTICLE);
	ui_mark(ui, UI_DIRTY_ALL);
}

/* The line typed after F. */
static int
corpus_submit(struct ui *ui, int kind, const char *line)
{
	(void)kind;
	return ui_list_search(ui, line);
}

static const struct ui_prompt_ops corpus_line = {
	.submit = corpus_submit,
};

static int
list_action(struct ui *ui, struct ui_view *v, enum ui_action a, int count)
{
	struct list *l = v->priv;

	(void)count;
	switch (a) {
	case UI_ACT_BACK:
		if (l->query == NULL)
			return 0;   /* quits */
		ui_list_search(ui, NULL);
		return 1;
	case UI_ACT_SEARCH_FORWARD:
		ui_prompt_open(ui, 'F', &corpus_line);
		return 1;
	default:
		return 0;
	}
}

/* F works from any pane. */
static int
list_action_first(struct ui *ui, struct ui_view *v, enum ui_action a, int count)
{
	(void)v;
	(void)count;
	if (a != UI_ACT_SEARCH_CORPUS)
		return 0;
	ui_prompt_open(ui, 'F', &corpus_line);
	return 1;
}

/* Wherever an article was opened from (a jump, the jump list, an
 * annotation), the selection follows it. */
static void
list_refresh(struct ui *ui, struct ui_view *v)
{
	struct list *l = v->priv;
	int64_t id = ui_article_id(ui);

	if (id == l->followed)
		return;
	l->followed = id;
	select_id(ui, id);
}

/* The selected row, "INDEX ID", when the list shows all articles. */
static void
list_save(struct ui *ui, struct ui_view *v)
{
	struct list *l = v->priv;
	int64_t id = l->query == NULL ? selected_id(ui) : 0;
	char row[64];

	if (id <= 0)
		return;
	snprintf(row, sizeof row, "%zu %lld", v->rows.sel, (long long)id);
	store_state_set(ui->st, "reader.row", row);
}

/* The row saved, before the first frame; again once the article reopened
 * (which the selection followed): the row saved wins. */
static int
list_restore(struct ui *ui, struct ui_view *v, int pass)
{
	struct list *l = v->priv;
	char *row = NULL;

	if (pass == 0) {
		if (store_state_get(ui->st, "reader.row", &row) != 0)
			err_clear();
		if (row != NULL)
			l->restored = strtoll(row + strcspn(row, " "), NULL, 10);
		free(row);
	}
	if (l->restored > 0)
		select_id(ui, l->restored);
	return 0;
}

static void
list_resize(struct ui *ui, struct ui_view *v)
{
	set_item_lines(v, v->priv);
	ui_view_keep_visible(ui, v);
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
static void
select_id(struct ui *ui, int64_t id)
{
	struct list *l = L(ui);
	struct ui_view *v = &ui->views[UI_VIEW_LIST];
	struct store_article_brief *before = NULL, *after = NULL;
	size_t idx, nb = 0, na = 0, vis = visible_items(v);

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
		if (idx + na > v->rows.n)
			v->rows.n = idx + na;
	}
	if (idx == v->rows.sel)
		return;
	v->rows.sel = idx;
	ui_view_keep_visible(ui, v);
	ui_view_dirty(ui, v);
}

static int64_t
selected_id(struct ui *ui)
{
	struct list *l = L(ui);
	struct item it;

	ensure_rows(ui, l, l->v->rows.sel, 1);
	return item(l, l->v->rows.sel, &it) ? it.id : 0;
}

void
ui_list_reload(struct ui *ui)
{
	struct list *l = L(ui);
	int64_t id;
	size_t top;

	if (l->query != NULL)
		return;   /* a search's results stay as they were found */
	id = selected_id(ui);
	top = l->v->rows.top;
	if (reload(ui, l) != 0)
		return;
	/* The screen stays as it was unless the selected article moved off it. */
	l->v->rows.top = top < l->v->rows.n ? top : 0;
	if (id != 0)
		select_id(ui, id);
	ui_mark(ui, UI_DIRTY_ALL);
}

/* Another program imported or annotated: counts and rows are read again. */
static void
list_reload(struct ui *ui, struct ui_view *v)
{
	(void)v;
	ui_list_reload(ui);
}

int
ui_list_search(struct ui *ui, const char *query)
{
	struct list *l = L(ui);
	struct ui_rows *r = &l->v->rows;
	char *old = l->query;

	if (old == NULL) {
		l->saved_sel = r->sel;
		l->saved_top = r->top;
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
		r->sel = l->saved_sel < r->n ? l->saved_sel : 0;
		r->top = l->saved_top < r->n ? l->saved_top : 0;
	}
	if (l->query != NULL)
		ui_message(ui, "%zu%s article%s match \"%s\" (q returns to all articles)", r->n,
		    r->more ? "+" : "", r->n == 1 && !r->more ? "" : "s", l->query);
	ui_focus(ui, UI_VIEW_LIST);
	ui_mark(ui, UI_DIRTY_ALL);
	return 0;
}

const struct ui_view_ops ui_list_ops = {
	.name = "List",
	.mode = "LIST",
	.keymap = UI_KM_LIST,
	.init = list_init,
	.free = list_free,
	.draw = list_draw,
	.title = list_title,
	.action = list_action,
	.resize = list_resize,
	.refresh = list_refresh,
	.reload = list_reload,
	.action_first = list_action_first,
	.save = list_save,
	.restore = list_restore,
	.draw_row = list_draw_row,
	.fetch = list_fetch,
	.open = list_open,
};
