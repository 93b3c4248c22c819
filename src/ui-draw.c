/*
 * ui-draw.c: putting text on the screen, clipped to a number of cells.
 *
 * Everything drawn comes from outside (titles, outlets, bodies) and is
 * hostile: a control character written to the terminal could move the
 * cursor or change its state. So every string goes through one walker
 * that turns control and format characters and invalid bytes into visible
 * glyphs in the "control" style (text_standin's "^[" and "<U+200E>", the
 * ones the layout measures and the commands print), and measures each
 * character with libunistring's uc_width, so what is drawn and what is
 * measured can never disagree.
 */
#include "config.h"

#include <string.h>
#include <unictype.h>
#include <unistr.h>
#include <uniwidth.h>
#include <wchar.h>

#define DOSSIER_UI_INTERNAL
#include "text.h"
#include "ui.h"

/* What one character becomes on screen. */
struct glyph {
	int len;          /* bytes consumed */
	int cells;        /* 0 for a mark joined to the previous cell */
	int control;      /* drawn as the visible text in vis */
	ucs4_t uc;
	char vis[16];     /* text_standin's size */
};

static int
is_invisible_format(ucs4_t uc)
{
	/* Joiners and the soft hyphen shape text and are safe to drop. */
	return uc == 0x200C || uc == 0x200D || uc == 0x00AD;
}

static void
next_glyph(const char *s, size_t len, struct glyph *g)
{
	int n = u8_mbtoucr(&g->uc, (const uint8_t *)s, len);
	int w;

	g->control = 0;
	if (n < 0) {
		g->len = 1;
		g->control = 1;
		snprintf(g->vis, sizeof g->vis, "<%02X>", (unsigned char)s[0]);
		g->cells = 4;
		return;
	}
	g->len = n;
	if (g->uc == '\t') {
		g->uc = ' ';
		g->cells = 1;
		return;
	}
	if (g->uc < 0x20 || g->uc == 0x7f) {
		g->control = 1;
		g->cells = (int)text_standin(g->uc, g->vis);
		return;
	}
	if (is_invisible_format(g->uc)) {
		g->cells = -1;   /* skipped */
		return;
	}
	if ((g->uc >= 0x80 && g->uc < 0xa0) || uc_is_general_category(g->uc, UC_CATEGORY_Cf) ||
	    uc_is_general_category(g->uc, UC_CATEGORY_Cs) ||
	    uc_is_general_category(g->uc, UC_CATEGORY_Zl) ||
	    uc_is_general_category(g->uc, UC_CATEGORY_Zp)) {
		g->control = 1;
		g->cells = (int)text_standin(g->uc, g->vis);
		return;
	}
	w = uc_width(g->uc, "UTF-8");
	if (w < 0) {
		g->control = 1;
		g->cells = (int)text_standin(g->uc, g->vis);
		return;
	}
	g->cells = w;
}

int
ui_text_width(const char *s, size_t len)
{
	struct glyph g;
	size_t i = 0;
	int w = 0;

	while (i < len) {
		next_glyph(s + i, len - i, &g);
		if (g.cells > 0)
			w += g.cells;
		i += (size_t)g.len;
	}
	return w;
}

size_t
ui_text_fit(const char *s, size_t len, int width)
{
	struct glyph g;
	size_t i = 0;
	int w = 0;

	while (i < len) {
		next_glyph(s + i, len - i, &g);
		if (g.cells > 0 && w + g.cells > width)
			break;
		if (g.cells > 0)
			w += g.cells;
		i += (size_t)g.len;
	}
	return i;
}

/* Characters wait here until the style changes or the end, then go out in
 * one addnwstr call. */
struct run {
	wchar_t w[256];
	int n;
};

static void
flush(struct run *r)
{
	if (r->n > 0)
		addnwstr(r->w, r->n);
	r->n = 0;
}

static void
put(struct run *r, wchar_t c)
{
	if (r->n == (int)ARRAY_LEN(r->w))
		flush(r);
	r->w[r->n++] = c;
}

int
ui_draw_text(struct ui *ui, int y, int x, int width, const char *s, size_t len,
    struct ui_style st)
{
	struct ui_style ctl = ui_style_over(st, ui_style(ui, UI_OBJ_CONTROL));
	struct glyph g;
	struct run r;
	size_t i = 0;
	int used = 0, k, base = 0;

	if (width <= 0)
		return 0;
	r.n = 0;
	move(y, x);
	ui_style_apply(ui, st);
	while (i < len) {
		next_glyph(s + i, len - i, &g);
		i += (size_t)g.len;
		if (g.cells < 0)
			continue;
		if (!ui->utf8 && !g.control && g.uc >= 0x80) {
			/* The terminal cannot show it: one visible placeholder. */
			g.uc = '?';
			g.cells = 1;
		}
		if (used + g.cells > width)
			break;
		if (g.control) {
			flush(&r);
			ui_style_apply(ui, ctl);
			for (k = 0; g.vis[k] != '\0'; k++)
				put(&r, (wchar_t)g.vis[k]);
			flush(&r);
			ui_style_apply(ui, st);
			used += g.cells;
			base = 0;
			continue;
		}
		if (g.cells == 0 && !base) {
			/* A combining mark with nothing to sit on: give it a base. */
			if (used + 1 > width)
				break;
			put(&r, L' ');
			used++;
		}
		put(&r, (wchar_t)g.uc);
		used += g.cells;
		base = 1;
	}
	flush(&r);
	return used;
}

int
ui_draw_str(struct ui *ui, int y, int x, int width, const char *s, struct ui_style st)
{
	return ui_draw_text(ui, y, x, width, s, strlen(s), st);
}

void
ui_draw_fill(struct ui *ui, int y, int x, int width, struct ui_style st)
{
	if (width <= 0)
		return;
	ui_style_apply(ui, st);
	move(y, x);
	while (width-- > 0)
		addch(' ');
}

int
ui_draw_cut(struct ui *ui, int y, int x, int width, const char *s, size_t len,
    struct ui_style st)
{
	size_t fit;
	int used;

	if (width <= 0)
		return 0;
	if (ui_text_width(s, len) <= width)
		return ui_draw_text(ui, y, x, width, s, len, st);
	fit = ui_text_fit(s, len, width - 1);
	used = ui_draw_text(ui, y, x, width - 1, s, fit, st);
	return used + ui_draw_str(ui, y, x + used, 1, ui->utf8 ? "\u2026" : ">", st);
}
