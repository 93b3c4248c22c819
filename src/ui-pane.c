/*
 * ui-pane.c: the panes on the screen. Three side by side on terminals at
 * least UI_WIDE_COLS wide (list | article | side, each with a title row),
 * else one at a time, switched with Tab (the title row then shows them
 * all as tabs); the help over all of them; a status bar and a
 * message/command line below; under UI_MIN_COLS x UI_MIN_ROWS only a
 * short message. A frame draws the panes marked dirty from their models
 * (through their ops), the popup over them, the status bar, and puts the
 * terminal's cursor where the focused view or the popup says.
 */
#include "config.h"

#include <stdio.h>

#define DOSSIER_UI_INTERNAL
#include "ui.h"

/* ---- geometry ------------------------------------------------------ */

static int
clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static void
place(struct ui_view *v, int y, int x, int h, int w)
{
	v->shown = 1;
	v->ty = y;
	v->y = y + 1;
	v->x = x;
	v->h = h - 1;
	v->w = w;
}

void
ui_pane_layout(struct ui *ui)
{
	int ph, lw, sw, aw, i;

	getmaxyx(stdscr, ui->rows, ui->cols);
	ui->too_small = ui->cols < UI_MIN_COLS || ui->rows < UI_MIN_ROWS;
	ui->narrow = ui->cols < UI_WIDE_COLS;
	for (i = 0; i < UI_VIEW_COUNT; i++)
		ui->views[i].shown = 0;
	if (ui->too_small)
		return;
	ph = ui->rows - 2;
	if (ui->help_open) {
		place(&ui->views[UI_VIEW_HELP], 0, 0, ph, ui->cols);
	} else if (ui->narrow) {
		/* One pane on screen; the others keep its geometry, so what
		 * they do while hidden (opening an article) fits the screen. */
		for (i = 0; i < 3; i++) {
			place(&ui->views[i], 0, 0, ph, ui->cols);
			ui->views[i].shown = i == (int)ui->focus;
		}
	} else {
		lw = ui->list_folded ? 0 : clamp(ui->cols * 3 / 10, 30, 48);
		sw = clamp(ui->cols / 4, 26, 44);
		aw = ui->cols - lw - sw - (lw > 0) - 1;
		if (lw > 0)
			place(&ui->views[UI_VIEW_LIST], 0, 0, ph, lw);
		place(&ui->views[UI_VIEW_ARTICLE], 0, lw + (lw > 0), ph, aw);
		place(&ui->views[UI_VIEW_SIDE], 0, ui->cols - sw, ph, sw);
	}
	for (i = 0; i < UI_VIEW_COUNT; i++) {
		struct ui_view *v = &ui->views[i];
		if (v->h > 0 && v->ops->resize != NULL)
			v->ops->resize(ui, v);
	}
}

/* ---- drawing ------------------------------------------------------- */

static void
draw_title(struct ui *ui, struct ui_view *v, enum ui_view_id id)
{
	struct ui_style st = ui_style(ui, ui->focus == id || id == UI_VIEW_HELP ?
	    UI_OBJ_TITLE_FOCUS : UI_OBJ_TITLE);
	struct buf b;
	int x = v->x, i;

	ui_draw_fill(ui, v->ty, v->x, v->w, st);
	if (ui->narrow && id != UI_VIEW_HELP) {
		/* Tabs, so the other panes are not forgotten. */
		for (i = 0; i < 3; i++) {
			struct ui_style ts = ui_style(ui, i == (int)id ? UI_OBJ_TITLE_FOCUS : UI_OBJ_TITLE);
			if (!ui_focusable(ui, (enum ui_view_id)i) && i != (int)id)
				continue;
			x += ui_draw_str(ui, v->ty, x, v->x + v->w - x, " ", ts);
			x += ui_draw_str(ui, v->ty, x, v->x + v->w - x, ui->views[i].ops->name, ts);
			x += ui_draw_str(ui, v->ty, x, v->x + v->w - x, " ", ts);
		}
		x += ui_draw_str(ui, v->ty, x, v->x + v->w - x, " ", st);
	} else {
		x += ui_draw_str(ui, v->ty, x, v->w, " ", st);
		x += ui_draw_str(ui, v->ty, x, v->x + v->w - x, v->ops->name, st);
		x += ui_draw_str(ui, v->ty, x, v->x + v->w - x, "  ", st);
	}
	if (v->ops->title != NULL) {
		buf_init(&b);
		v->ops->title(ui, v, &b);
		ui_draw_cut(ui, v->ty, x, v->x + v->w - x, b.data, b.len, st);
		buf_free(&b);
	}
}

static void
draw_view(struct ui *ui, enum ui_view_id id)
{
	struct ui_view *v = &ui->views[id];
	struct ui_style normal = ui_style(ui, UI_OBJ_NORMAL);
	int r;

	draw_title(ui, v, id);
	for (r = 0; r < v->h; r++)
		ui_draw_fill(ui, v->y + r, v->x, v->w, normal);
	ui_view_draw(ui, v);
}

static void
draw_separators(struct ui *ui)
{
	struct ui_style st = ui_style(ui, UI_OBJ_SEPARATOR);
	int i, r;

	for (i = 0; i < UI_VIEW_COUNT; i++) {
		struct ui_view *v = &ui->views[i];
		if (!v->shown || v->x == 0)
			continue;
		/* A Unicode line where the locale allows, so screen dumps read
		 * as lines too; the terminal's line-drawing set elsewhere. */
		for (r = v->ty; r < v->y + v->h; r++) {
			if (ui->utf8)
				ui_draw_str(ui, r, v->x - 1, 1, "\u2502", st);
			else {
				ui_style_apply(ui, st);
				mvaddch(r, v->x - 1, ACS_VLINE);
			}
		}
	}
}

static void
draw_too_small(struct ui *ui)
{
	char msg[64];

	erase();
	snprintf(msg, sizeof msg, "dossier needs %dx%d", UI_MIN_COLS, UI_MIN_ROWS);
	ui_draw_str(ui, 0, 0, ui->cols, msg, ui_style(ui, UI_OBJ_NORMAL));
	if (ui->rows > 1) {
		snprintf(msg, sizeof msg, "(now %dx%d; q quits)", ui->cols, ui->rows);
		ui_draw_str(ui, 1, 0, ui->cols, msg, ui_style(ui, UI_OBJ_NORMAL));
	}
	curs_set(0);
}

/* The terminal cursor sits where the focused view says (the article's
 * cursor), or on the command line, or is hidden. */
static void
place_cursor(struct ui *ui)
{
	struct ui_view *v = &ui->views[ui->focus];
	int row, col;

	if (ui_prompt_active(ui))
		return;   /* placed by the prompt */
	if (ui->overlay != NULL) {
		if (ui->overlay->cursor != NULL && ui->overlay->cursor(ui, ui->overlay, &row, &col)) {
			move(row, col);
			curs_set(1);
		} else
			curs_set(0);
		return;
	}
	if (!ui->help_open && v->shown && v->ops->cursor != NULL &&
	    v->ops->cursor(ui, v, &row, &col)) {
		move(v->y + row, v->x + col);
		curs_set(1);
		return;
	}
	curs_set(0);
}

void
ui_pane_draw(struct ui *ui)
{
	int i;

	if (ui->dirty & UI_DIRTY_LAYOUT) {
		ui_pane_layout(ui);
		ui_style_apply(ui, ui_style(ui, UI_OBJ_NORMAL));
		erase();
		ui->dirty = UI_DIRTY_ALL;
	}
	if (ui->too_small) {
		draw_too_small(ui);
	} else {
		for (i = 0; i < UI_VIEW_COUNT; i++) {
			if (ui->views[i].shown && (ui->dirty & (1u << i)))
				draw_view(ui, (enum ui_view_id)i);
		}
		draw_separators(ui);
		if (ui->overlay != NULL)
			ui->overlay->draw(ui, ui->overlay);
		ui_status_draw(ui);
		place_cursor(ui);
	}
	ui->dirty = 0;
	refresh();
}

/* The list and the status line, before anything else is read: the
 * article reopened next may be a long one. */
void
ui_pane_first_frame(struct ui *ui)
{
	ui_style_apply(ui, ui_style(ui, UI_OBJ_NORMAL));
	erase();
	ui->dirty = UI_DIRTY_LIST | UI_DIRTY_STATUS;
	ui_pane_draw(ui);
	ui->dirty = UI_DIRTY_ALL;
}
