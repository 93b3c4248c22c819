/*
 * ui-claim.c: what a claim is, beyond its text: who makes it (the
 * speaker), about whom (the target), and how it stands (unverified,
 * supported, disputed, false). `c` on a highlight opens this popup. The
 * speaker starts as the one the statement around the highlight names.
 * Typing in a field narrows the actors of the knowledge base to those
 * whose name or alias holds the text; the arrows choose one; Tab moves
 * between fields; Enter saves all three at once (one undoable change).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#define DOSSIER_UI_INTERNAL
#include "anno.h"
#include "store.h"
#include "text.h"
#include "ui.h"

#define CHOICES 8

enum { F_SPEAKER, F_TARGET, F_STATUS, F_COUNT };

struct actor_field {
	int64_t id;
	char *name;             /* the chosen actor, or NULL */
	struct buf typed;       /* what is typed to narrow the choices */
};

struct claim {
	struct ui_overlay o;
	int64_t anno;
	int field;
	struct actor_field actors[2];
	enum store_anno_status status;
	struct store_actor *choices;   /* the rows of v (v.rows.sel: marked) */
	size_t nchoices;
	struct ui_view v;
};

static const char *const status_label[] = {
	"none", "unverified", "supported", "disputed", "false",
};

static void
load_choices(struct ui *ui, struct claim *c)
{
	const char *typed = c->field < F_STATUS && c->actors[c->field].typed.data ?
	    c->actors[c->field].typed.data : "";

	store_actor_list_free(c->choices, c->nchoices);
	c->choices = NULL;
	c->nchoices = 0;
	if (c->field < F_STATUS && store_anno_actors(ui->st, ui_article_id(ui), typed, CHOICES, &c->choices,
	    &c->nchoices) != 0)
		ui_error(ui, "%s", err_msg());
	memset(&c->v.rows, 0, sizeof c->v.rows);
	ui_view_set_rows(ui, &c->v, c->nchoices, 0);
}

/* Takes the marked choice into the field, when something was typed. */
static void
take_choice(struct claim *c)
{
	struct actor_field *f;

	if (c->field >= F_STATUS)
		return;
	f = &c->actors[c->field];
	if (f->typed.len == 0)
		return;
	if (c->v.rows.sel < c->nchoices) {
		free(f->name);
		f->name = xstrdup(c->choices[c->v.rows.sel].name);
		f->id = c->choices[c->v.rows.sel].id;
	}
	buf_reset(&f->typed);
}

static void
move_field(struct ui *ui, struct claim *c, int dir)
{
	take_choice(c);
	c->field = (c->field + F_COUNT + dir) % F_COUNT;
	load_choices(ui, c);
}

static void
save(struct ui *ui, struct claim *c)
{
	take_choice(c);
	if (anno_set_claim(ui->anno->s, c->anno, c->actors[F_SPEAKER].id, c->actors[F_TARGET].id,
	    c->status) != 0) {
		ui_error(ui, "%s", err_msg());
		return;
	}
	ui_anno_reload(ui);
	ui_message(ui, "claim saved: %s, about %s, %s",
	    c->actors[F_SPEAKER].name ? c->actors[F_SPEAKER].name : "no speaker",
	    c->actors[F_TARGET].name ? c->actors[F_TARGET].name : "no one in particular",
	    status_label[c->status]);
}

static int
claim_key(struct ui *ui, struct ui_overlay *o, int code)
{
	struct claim *c = (struct claim *)o;
	struct actor_field *f = c->field < F_STATUS ? &c->actors[c->field] : NULL;

	switch (code) {
	case UI_KEY_ESC:
	case UI_KEY_CTRL('c'):
		return 0;
	case UI_KEY_ENTER:
		save(ui, c);
		return 0;
	case '\t':
		move_field(ui, c, 1);
		return 1;
	case UI_KEY_CURSES(KEY_BTAB):
		move_field(ui, c, -1);
		return 1;
	case UI_KEY_CURSES(KEY_DOWN):
	case UI_KEY_CTRL('n'):
		if (f == NULL)
			move_field(ui, c, 1);
		else
			ui_view_move(ui, &c->v, UI_ACT_MOVE_DOWN, 1);
		return 1;
	case UI_KEY_CURSES(KEY_UP):
	case UI_KEY_CTRL('p'):
		if (f == NULL)
			move_field(ui, c, -1);
		else
			ui_view_move(ui, &c->v, UI_ACT_MOVE_UP, 1);
		return 1;
	case UI_KEY_CURSES(KEY_LEFT):
	case UI_KEY_CURSES(KEY_RIGHT):
	case ' ':
		if (f == NULL) {
			int d = code == UI_KEY_CURSES(KEY_LEFT) ? -1 : 1;
			c->status = (enum store_anno_status)(((int)c->status + 5 + d) % 5);
			return 1;
		}
		break;
	case UI_KEY_BACKSPACE:
		if (f == NULL)
			return 1;
		if (f->typed.len > 0) {
			/* One character off what was typed. */
			size_t n = text_char_prev(f->typed.data, f->typed.len);

			f->typed.len = n;
			f->typed.data[n] = '\0';
		} else {
			free(f->name);       /* nothing typed: clear the actor */
			f->name = NULL;
			f->id = 0;
		}
		load_choices(ui, c);
		return 1;
	default:
		break;
	}
	if (f != NULL && code >= 0x20 && code < 0x7f) {
		buf_addc(&f->typed, (char)code);
		load_choices(ui, c);
	}
	return 1;
}

static void
field_line(struct ui *ui, struct claim *c, int i, int y, int x, int w)
{
	static const char *const label[F_COUNT] = { "Speaker", "Target", "Status" };
	struct ui_style st = ui_popup_style(ui, 0), fs = ui_popup_style(ui, c->field == i);
	struct buf b;

	buf_init(&b);
	if (i == F_STATUS)
		buf_printf(&b, "< %s >", status_label[c->status]);
	else if (c->actors[i].typed.len > 0)
		buf_printf(&b, "%s_", c->actors[i].typed.data);
	else
		buf_adds(&b, c->actors[i].name ? c->actors[i].name : "(none)");
	ui_draw_str(ui, y, x, 9, label[i], st);
	ui_draw_fill(ui, y, x + 9, w - 9, fs);
	ui_draw_cut(ui, y, x + 10, w - 11, b.data, b.len, fs);
	buf_free(&b);
}

/* A choice of actor: a row of the view under the field. */
static int
choice_draw_row(struct ui *ui, struct ui_view *v, size_t i, int y, struct ui_style base)
{
	struct claim *c = v->priv;
	struct buf b;

	buf_init(&b);
	buf_printf(&b, "%s (%s)", c->choices[i].name, c->choices[i].kind);
	ui_draw_cut(ui, y, v->x + 1, v->w - 2, b.data, b.len, base);
	buf_free(&b);
	return 1;
}

/* The marked choice shows only once something is typed: before that
 * the field keeps the actor it has. */
static int
choice_selectable(struct ui *ui, struct ui_view *v, size_t i)
{
	struct claim *c = v->priv;

	(void)ui;
	(void)i;
	return c->field < F_STATUS && c->actors[c->field].typed.len > 0;
}

static const struct ui_view_ops choice_ops = {
	.name = "Actors",
	.draw_row = choice_draw_row,
	.selectable = choice_selectable,
};

/* More choices than rows: how many are above and below, in the labels'
 * column beside the first and last row shown. */
static void
draw_more(struct ui *ui, struct claim *c, int x, struct ui_style st)
{
	size_t shown = ui_view_fits(ui, &c->v, c->v.rows.top), below;
	char s[32];

	if (c->v.rows.top > 0) {
		snprintf(s, sizeof s, "\u2191%zu more", c->v.rows.top);
		ui_draw_cut(ui, c->v.y, x, 8, s, strlen(s), st);
	}
	below = c->nchoices > c->v.rows.top + shown ? c->nchoices - c->v.rows.top - shown : 0;
	if (below > 0) {
		snprintf(s, sizeof s, "\u2193%zu more", below);
		ui_draw_cut(ui, c->v.y + c->v.h - 1, x, 8, s, strlen(s), st);
	}
}

static void
claim_draw(struct ui *ui, struct ui_overlay *o)
{
	struct claim *c = (struct claim *)o;
	struct ui_style st = ui_popup_style(ui, 0);
	struct ui_style dim = ui_style_over(st, ui_style(ui, UI_OBJ_SIDE_COUNT));
	int w = ui->cols - 4 > 56 ? 56 : ui->cols - 4, h = CHOICES + 8, y, x, i, hint, top;
	const char *keys = c->field < F_STATUS ?
	    "type to find  Tab: next  Enter: save  Esc: cancel" :
	    "Left/Right: status  Tab: next  Enter: save  Esc: cancel";

	if (h > ui->rows - 2)
		h = ui->rows - 2;   /* as the box is */
	ui_popup_box(ui, h, w, "Claim", &y, &x);
	w -= 4;
	for (i = 0; i < F_COUNT; i++)
		field_line(ui, c, i, y + i, x, w);
	/* The keys on the box's last inner row; the choices between the
	 * fields and it, with blank rows around them where there is room. */
	hint = y + h - 3;
	top = h >= CHOICES + 8 ? y + 4 : y + 3;
	if (c->field < F_STATUS) {
		c->v.y = top;
		c->v.x = x + 9;
		c->v.h = hint - top - (h >= CHOICES + 8);
		c->v.w = w - 9;
		if (c->v.h > 0) {
			ui_view_draw_rows(ui, &c->v);
			draw_more(ui, c, x, dim);
		}
		if (c->nchoices == 0 && c->v.h > 0)
			ui_draw_cut(ui, top, x + 10, w - 11, "no actor by that name", 21, dim);
	}
	ui_draw_cut(ui, hint, x, w, keys, strlen(keys), dim);
}

static void
claim_free(struct ui_overlay *o)
{
	struct claim *c = (struct claim *)o;
	int i;

	for (i = 0; i < 2; i++) {
		free(c->actors[i].name);
		buf_free(&c->actors[i].typed);
	}
	store_actor_list_free(c->choices, c->nchoices);
	free(c);
}

static int
is_claim(const struct store_anno *a)
{
	size_t i;

	for (i = 0; i < a->ntags; i++) {
		if (strncmp(a->tags[i].name, "claim", 5) == 0 &&
		    (a->tags[i].name[5] == '\0' || a->tags[i].name[5] == '/'))
			return 1;
	}
	return 0;
}

void
ui_claim_open(struct ui *ui, int64_t id)
{
	struct store_anno a;
	struct claim *c;
	int i;

	if (id == 0) {
		const struct store_anno *here = ui_anno_at(ui, ui_article_offset(ui));
		if (here == NULL) {
			ui_message(ui, "no highlight under the cursor: tag one claim first (t)");
			return;
		}
		id = here->id;
	}
	if (store_anno_get(ui->st, id, &a) != 0) {
		ui_error(ui, "%s", err_msg());
		return;
	}
	c = xcalloc(1, sizeof *c);
	c->o.draw = claim_draw;
	c->o.key = claim_key;
	c->o.free = claim_free;
	c->o.mode = "CLAIM";
	c->v.ops = &choice_ops;
	c->v.popup = 1;
	c->v.priv = c;
	c->v.h = CHOICES;
	c->anno = id;
	for (i = 0; i < 2; i++)
		buf_init(&c->actors[i].typed);
	c->actors[F_SPEAKER].id = a.speaker_id;
	c->actors[F_SPEAKER].name = a.speaker ? xstrdup(a.speaker) : NULL;
	c->actors[F_TARGET].id = a.target_id;
	c->actors[F_TARGET].name = a.target ? xstrdup(a.target) : NULL;
	/* A claim nobody has checked yet is unverified. */
	c->status = a.status == STORE_ANNO_NOSTATUS && is_claim(&a) ? STORE_ANNO_UNVERIFIED :
	    a.status;
	store_anno_free(&a);
	load_choices(ui, c);
	ui_overlay_open(ui, &c->o);
}
