/*
 * ui-overlay.c: popups over the panes (the tag picker, the note and claim
 * editors, the annotation browser). While one is open it takes every key;
 * it is drawn after the panes each frame, so the panes under it never need
 * to know. A popup may open another from its key handler (the picker
 * hands over to the claim editor): the old one is then freed once its
 * handler has returned, never under it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#define DOSSIER_UI_INTERNAL
#include "ui.h"

void
ui_overlay_open(struct ui *ui, struct ui_overlay *o)
{
	struct ui_overlay *old = ui->overlay;

	ui->overlay = o;
	if (old != NULL && !old->busy)
		old->free(old);
	ui_keys_reset(ui);
	ui_mark(ui, UI_DIRTY_ALL);
}

void
ui_overlay_close(struct ui *ui)
{
	struct ui_overlay *o = ui->overlay;

	if (o == NULL)
		return;
	ui->overlay = NULL;
	if (!o->busy)
		o->free(o);
	/* What was under the popup is drawn again. */
	ui_mark(ui, UI_DIRTY_LAYOUT);
}

void
ui_overlay_key(struct ui *ui, int code)
{
	struct ui_overlay *o = ui->overlay;
	int keep;

	o->busy = 1;
	keep = o->key(ui, o, code);
	o->busy = 0;
	if (ui->overlay != o)
		o->free(o);           /* replaced or closed by its handler */
	else if (!keep)
		ui_overlay_close(ui);
	ui_mark(ui, UI_DIRTY_ALL);
}

struct ui_style
ui_popup_style(struct ui *ui, int cursor)
{
	struct ui_style base = ui_style_over(ui_style(ui, UI_OBJ_NORMAL),
	    ui_style(ui, UI_OBJ_POPUP)), cur;

	if (!cursor)
		return base;
	cur = ui_style(ui, UI_OBJ_POPUP_CURSOR);
	if (ui_style_plain(cur))
		cur.attr = A_REVERSE;
	return ui_style_over(base, cur);
}

void
ui_popup_box(struct ui *ui, int h, int w, const char *title, int *y, int *x)
{
	struct ui_style st = ui_popup_style(ui, 0);
	struct ui_style frame = ui_style_over(st, ui_style(ui, UI_OBJ_SEPARATOR));
	const char *hz = ui->utf8 ? "─" : "-", *vt = ui->utf8 ? "│" : "|";
	const char *c[4] = { "+", "+", "+", "+" };
	int top, left, r, i;

	if (ui->utf8) {
		c[0] = "┌";
		c[1] = "┐";
		c[2] = "└";
		c[3] = "┘";
	}
	if (w > ui->cols)
		w = ui->cols;
	if (h > ui->rows - 2)
		h = ui->rows - 2;
	top = (ui->rows - 2 - h) / 2;
	left = (ui->cols - w) / 2;
	for (r = 0; r < h; r++) {
		int edge = r == 0 || r == h - 1;

		ui_draw_fill(ui, top + r, left, w, st);
		ui_draw_str(ui, top + r, left, 1, edge ? c[r == 0 ? 0 : 2] : vt, frame);
		ui_draw_str(ui, top + r, left + w - 1, 1, edge ? c[r == 0 ? 1 : 3] : vt, frame);
		for (i = 1; edge && i < w - 1; i++)
			ui_draw_str(ui, top + r, left + i, 1, hz, frame);
	}
	if (title != NULL && w > 6) {
		struct buf t;

		buf_init(&t);
		buf_printf(&t, " %s ", title);
		ui_draw_text(ui, top, left + 2, w - 4, t.data, t.len,
		    ui_style_over(st, ui_style(ui, UI_OBJ_SIDE_HEADING)));
		buf_free(&t);
	}
	*y = top + 1;
	*x = left + 2;
}
