/*
 * ui-tagpick.c: the codebook picker that `t` opens. It lists the tags
 * with their keys and colours and ticks the ones the highlight has. A
 * tag's key (or Space on the marked row) adds or removes it at once, so a
 * highlight takes several tags in one visit; the first tag given to a
 * selection or sentence is what makes it a highlight. Enter or Esc
 * closes; Tab goes on to the claim's speaker, target and status.
 * Every change is committed before the picker shows it ticked.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#define DOSSIER_UI_INTERNAL
#include "anno.h"
#include "store.h"
#include "ui.h"

/* The codebook's tags are the rows of a view (v.rows.sel: the marked one). */
struct tagpick {
	struct ui_overlay o;
	struct ui_view v;
	struct ui_anno_target t;   /* t.id becomes set with the first tag */
	int changed;
};

static int
has_tag(struct ui *ui, int64_t id, int64_t tag)
{
	const struct ui_anno *an = ui->anno;
	size_t i, k;

	for (i = 0; i < an->n; i++) {
		if (an->rows[i].id != id)
			continue;
		for (k = 0; k < an->rows[i].ntags; k++) {
			if (an->rows[i].tags[k].id == tag)
				return 1;
		}
	}
	return 0;
}

/* Adds or removes tag row r; says what it did once it is stored. */
static void
toggle(struct ui *ui, struct tagpick *p, size_t r)
{
	const struct store_tag *tag = &ui->anno->tags[r];
	int now = 1;

	p->v.rows.sel = r;
	if (p->t.id == 0) {
		if (ui_anno_create(ui, &p->t, tag->name, NULL) != 0)
			return;
	} else if (anno_toggle_tag(ui->anno->s, p->t.id, tag->id, &now) != 0) {
		ui_error(ui, "%s", err_msg());
		return;
	}
	p->changed = 1;
	ui_anno_reload(ui);
	if (now && strncmp(tag->name, "claim", 5) == 0 && (tag->name[5] == '\0' || tag->name[5] == '/'))
		ui_message(ui, "tagged %s (Tab, or c later: its speaker, target and status)",
		    tag->name);
	else
		ui_message(ui, "%s %s", now ? "tagged" : "untagged", tag->name);
}

static int
row_for_key(struct ui *ui, int code)
{
	const struct ui_anno *an = ui->anno;
	size_t i;

	for (i = 0; i < an->ntags; i++) {
		const char *k = an->tags[i].key;
		if (k != NULL && (unsigned char)k[0] == code && k[1] == '\0')
			return (int)i;
	}
	return -1;
}

static int
pick_key(struct ui *ui, struct ui_overlay *o, int code)
{
	struct tagpick *p = (struct tagpick *)o;
	size_t n = ui->anno->ntags;
	int r = row_for_key(ui, code);

	if (r >= 0) {
		toggle(ui, p, (size_t)r);
		return 1;
	}
	switch (code) {
	case 'j':
		ui_view_move(ui, &p->v, UI_ACT_MOVE_DOWN, 1);
		return 1;
	case 'k':
		ui_view_move(ui, &p->v, UI_ACT_MOVE_UP, 1);
		return 1;
	case ' ':
		if (n > 0)
			toggle(ui, p, p->v.rows.sel);
		return 1;
	case UI_KEY_ENTER:
		if (!p->changed && n > 0)
			toggle(ui, p, p->v.rows.sel);
		return 0;
	case '\t':
		/* On to the claim's speaker, target and status. */
		if (p->t.id != 0)
			ui_claim_open(ui, p->t.id);   /* replaces the picker */
		return 1;
	case UI_KEY_ESC:
	case UI_KEY_CTRL('c'):
	case 'q':
		return 0;
	default:
		ui_view_move(ui, &p->v, ui_view_popup_motion(code), 1);
		return 1;
	}
}

static int
pick_draw_row(struct ui *ui, struct ui_view *v, size_t i, int y, struct ui_style st)
{
	struct tagpick *p = v->priv;
	const struct store_tag *t = &ui->anno->tags[i];
	int x = v->x + 1, w = v->w - 2, used;
	struct buf b;

	buf_init(&b);
	buf_printf(&b, "%s %s  ", has_tag(ui, p->t.id, t->id) ? "[x]" : "[ ]", t->key ? t->key : " ");
	used = ui_draw_text(ui, y, x, w, b.data, b.len, st);
	used += ui_draw_str(ui, y, x + used, 2, "  ",
	    ui_style_over(st, ui_anno_tag_style(ui, t->name, t->color)));
	buf_reset(&b);
	buf_printf(&b, " %s", t->name);
	ui_draw_cut(ui, y, x + used, w - used, b.data, b.len, st);
	buf_free(&b);
	return 1;
}

static const struct ui_view_ops pick_ops = {
	.name = "Tag",
	.draw_row = pick_draw_row,
};

/* The marked tag's first memo (what the code means: the codebook's
 * description, or the user's own), on the line under the tags. One
 * indexed read a frame while the picker is open. */
static void
draw_memo(struct ui *ui, const struct store_tag *t, int y, int x, int w)
{
	struct store_memo_filter f = { .kind = STORE_MEMO_TAG, .target = t->id };
	struct store_memo *rows;
	struct buf line;
	size_t n;

	if (store_memo_list(ui->st, &f, &rows, &n) != 0) {
		err_clear();
		return;
	}
	if (n > 0) {
		buf_init(&line);
		buf_adds(&line, rows[0].text);
		ui_anno_flatten(&line, 0);
		ui_draw_text(ui, y, x, w, line.data, line.len,
		    ui_style_over(ui_popup_style(ui, 0), ui_style(ui, UI_OBJ_SIDE_COUNT)));
		buf_free(&line);
	}
	store_memo_list_free(rows, n);
}

static void
pick_draw(struct ui *ui, struct ui_overlay *o)
{
	struct tagpick *p = (struct tagpick *)o;
	const struct ui_anno *an = ui->anno;
	struct ui_style dim = ui_style_over(ui_popup_style(ui, 0), ui_style(ui, UI_OBJ_SIDE_COUNT));
	const char *keys = p->t.id ? "key: add/remove  Enter: done  Tab: claim" :
	    "key: tag  Enter: tag marked  Esc: cancel";
	int h = (int)an->ntags + 4, w = 44, y, x;
	size_t below;
	char more[96];

	if (w > ui->cols - 2)
		w = ui->cols - 2;
	if (h > ui->rows - 2)
		h = ui->rows - 2;   /* as the box is */
	ui_popup_box(ui, h, w, p->t.id ? "Tags of this highlight" : "Tag", &y, &x);
	/* The tags, a row under them, and the keys on the box's last inner
	 * row: on a short screen the tags scroll, and that row says how many
	 * more there are. */
	p->v.y = y;
	p->v.x = x - 1;
	p->v.w = w - 2;
	p->v.h = h - 4 > 0 ? h - 4 : 1;
	ui_view_set_rows(ui, &p->v, an->ntags, 0);
	ui_view_keep_visible(ui, &p->v);
	ui_view_draw_rows(ui, &p->v);
	below = an->ntags - p->v.rows.top - ui_view_fits(ui, &p->v, p->v.rows.top);
	if (p->v.rows.top > 0 || below > 0) {
		if (p->v.rows.top > 0 && below > 0)
			snprintf(more, sizeof more, "%s %zu more above, %zu below",
			    ui->utf8 ? "\u2195" : "|", p->v.rows.top, below);
		else if (below > 0)
			snprintf(more, sizeof more, "%s %zu more below (Down)",
			    ui->utf8 ? "\u2193" : "v", below);
		else
			snprintf(more, sizeof more, "%s %zu more above (Up)",
			    ui->utf8 ? "\u2191" : "^", p->v.rows.top);
		ui_draw_cut(ui, y + p->v.h, x, w - 4, more, strlen(more), dim);
	} else if (p->v.rows.sel < an->ntags) {
		draw_memo(ui, &an->tags[p->v.rows.sel], y + p->v.h, x, w - 4);
	}
	ui_draw_cut(ui, y + h - 3, x, w - 4, keys, strlen(keys), dim);
}

static void
pick_free(struct ui_overlay *o)
{
	free(o);
}

void
ui_tagpick_open(struct ui *ui)
{
	struct tagpick *p;
	struct ui_anno_target t;

	if (ui_anno_target(ui, 1, &t) != 0)
		return;
	if (ui->anno->ntags == 0) {
		ui_message(ui, "the codebook is empty: :tag add NAME makes a tag");
		return;
	}
	p = xcalloc(1, sizeof *p);
	p->o.draw = pick_draw;
	p->o.key = pick_key;
	p->o.free = pick_free;
	p->o.mode = "TAG";
	p->v.ops = &pick_ops;
	p->v.popup = 1;
	p->v.priv = p;
	p->v.h = 1;
	ui_view_set_rows(ui, &p->v, ui->anno->ntags, 0);
	p->t = t;
	ui_overlay_open(ui, &p->o);
}
