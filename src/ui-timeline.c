/*
 * ui-timeline.c: an actor's statements (or those naming an agreement)
 * over time, in a popup: oldest first, under a heading for each month
 * of publication with a bar of how many statements it has, each row
 * with its date, speaker, the tags of the highlights over it and its
 * words. The rows are store_report_timeline's, the table `dossier report
 * timeline` prints. Enter opens the article at the statement through the
 * jump list, so Ctrl-o comes back; Esc closes. T opens it for the actor
 * under the cursor, `:timeline NAME` or `:report timeline --by NAME` for
 * anyone.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#define DOSSIER_UI_INTERNAL
#include "store.h"
#include "text.h"
#include "ui.h"

/* The columns of the timeline table (store.h). */
enum { C_MONTH, C_PUBLISHED, C_STATEMENT, C_ARTICLE, C_SPEAKER, C_TAGS, C_TITLE, C_TEXT };

/* A line of the view: a month's heading or a statement (a table row). */
struct line {
	size_t row;
	int heading;
	int64_t count;          /* a heading: statements in its month */
};

struct timeline {
	struct ui_overlay o;
	struct ui_view v;
	struct store_report r;
	struct line *lines;
	size_t nlines;
	int64_t max;            /* the busiest month's statements */
	char *who;
};

static const char *
text_of(const struct timeline *t, size_t row, size_t col)
{
	return store_report_at(&t->r, row, col)->text;
}

static int
same_month(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* A heading before each month's first statement, counting its rows. */
static void
make_lines(struct timeline *t)
{
	size_t i, head = 0;

	t->lines = xcalloc(2 * t->r.nrows + 1, sizeof *t->lines);
	for (i = 0; i < t->r.nrows; i++) {
		if (i == 0 || !same_month(text_of(t, i, C_MONTH), text_of(t, i - 1, C_MONTH))) {
			head = t->nlines;
			t->lines[t->nlines++] = (struct line){ i, 1, 0 };
		}
		t->lines[t->nlines++] = (struct line){ i, 0, 0 };
		if (++t->lines[head].count > t->max)
			t->max = t->lines[head].count;
	}
}

static int
line_selectable(struct ui *ui, struct ui_view *v, size_t i)
{
	struct timeline *t = v->priv;

	(void)ui;
	return !t->lines[i].heading;
}

/* The style of a statement's first tag, else BASE. */
static struct ui_style
tags_style(struct ui *ui, const char *tags, struct ui_style base)
{
	size_t i, n;

	if (tags == NULL || ui->anno == NULL)
		return base;
	n = strcspn(tags, ";");
	for (i = 0; i < ui->anno->ntags; i++)
		if (strlen(ui->anno->tags[i].name) == n && strncmp(ui->anno->tags[i].name, tags, n) == 0)
			return ui_style_over(base, ui_anno_tag_style(ui, ui->anno->tags[i].name,
			    ui->anno->tags[i].color));
	return base;
}

static int
line_draw(struct ui *ui, struct ui_view *v, size_t i, int y, struct ui_style st)
{
	struct timeline *t = v->priv;
	const struct line *ln = &t->lines[i];
	int x = v->x + 1, end = v->x + v->w, w;
	const char *s;
	struct buf b;

	buf_init(&b);
	if (ln->heading) {
		struct ui_style head = ui_style_over(st, ui_style(ui, UI_OBJ_SIDE_HEADING));

		s = text_of(t, ln->row, C_MONTH);
		ui_draw_str(ui, y, x, end - x, s != NULL ? s : "undated", head);
		x += 9;
		if (end - x > 12) {
			w = text_bar(&b, ln->count, t->max, (end - x) / 2, !ui->utf8);
			ui_draw_str(ui, y, x, w, b.data, ui_style_over(st, ui_style(ui, UI_OBJ_STATEMENT)));
			buf_reset(&b);
			buf_printf(&b, "%lld", (long long)ln->count);
			ui_draw_str(ui, y, x + w + 1, end - x - w - 1, b.data,
			    ui_style_over(st, ui_style(ui, UI_OBJ_SIDE_COUNT)));
		}
		buf_free(&b);
		return 1;
	}
	x += 2;
	s = text_of(t, ln->row, C_PUBLISHED);
	buf_printf(&b, "%.10s", s != NULL ? s : "-");
	x += ui_draw_str(ui, y, x, end - x, b.data, ui_style_over(st,
	    ui_style(ui, UI_OBJ_LIST_DATE))) + 1;
	s = text_of(t, ln->row, C_SPEAKER);
	if (s != NULL && x < end) {
		w = ui_text_width(s, strlen(s));
		w = w > 20 ? 20 : w;
		ui_draw_cut(ui, y, x, w < end - x ? w : end - x, s, strlen(s),
		    ui_style_over(st, ui_style(ui, UI_OBJ_SPEAKER)));
		x += w + 1;
	}
	s = text_of(t, ln->row, C_TAGS);
	if (s != NULL && x < end) {
		buf_reset(&b);
		buf_printf(&b, "[%s]", s);
		x += ui_draw_cut(ui, y, x, end - x, b.data, b.len, tags_style(ui, s, st)) + 1;
	}
	s = text_of(t, ln->row, C_TEXT);
	if (s != NULL && x < end) {
		buf_reset(&b);
		buf_adds(&b, s);
		ui_anno_flatten(&b, 0);
		ui_draw_cut(ui, y, x, end - x, b.data, b.len, st);
	}
	buf_free(&b);
	return 1;
}

static void
line_open(struct ui *ui, struct ui_view *v, size_t i)
{
	struct timeline *t = v->priv;
	int64_t id = store_report_at(&t->r, t->lines[i].row, C_STATEMENT)->n;
	struct store_statement s;

	if (store_statement_get(ui->st, id, &s) != 0) {
		ui_error(ui, "%s", err_msg());
		err_clear();
		return;
	}
	ui_article_jump_push(ui);
	if (ui_article_open(ui, s.article_id, s.start) != 0)
		ui_error(ui, "%s", err_msg());
	else
		ui_focus(ui, UI_VIEW_ARTICLE);
	store_statement_clear(&s);
}

static int
line_text(struct ui *ui, struct ui_view *v, size_t i, struct buf *out)
{
	struct timeline *t = v->priv;
	const char *s = text_of(t, t->lines[i].row, C_TEXT);

	(void)ui;
	if (t->lines[i].heading || s == NULL)
		return 0;
	buf_adds(out, s);
	return 1;
}

static const struct ui_view_ops timeline_ops = {
	.name = "Timeline",
	.draw_row = line_draw,
	.selectable = line_selectable,
	.open = line_open,
	.row_text = line_text,
};

static void
timeline_draw(struct ui *ui, struct ui_overlay *o)
{
	struct timeline *t = (struct timeline *)o;
	struct ui_style st = ui_popup_style(ui, 0);
	int w = ui->cols - 2, h = ui->rows - 2, y, x;
	struct buf head;

	buf_init(&head);
	buf_printf(&head, "Timeline: %s", t->who);
	ui_popup_box(ui, h, w, head.data, &y, &x);
	w -= 4;
	buf_reset(&head);
	buf_printf(&head, "%zu statement%s   Enter: go to it (Ctrl-o comes back)   Esc: close",
	    t->r.nrows, t->r.nrows == 1 ? "" : "s");
	ui_draw_cut(ui, y, x, w, head.data, head.len,
	    ui_style_over(st, ui_style(ui, UI_OBJ_SIDE_COUNT)));
	buf_free(&head);
	ui_view_draw_in(ui, &t->v, y + 1, x, h - 3, w, "no statement");
}

static int
timeline_key(struct ui *ui, struct ui_overlay *o, int code)
{
	struct timeline *t = (struct timeline *)o;

	if (ui_view_move(ui, &t->v, ui_view_list_motion(code), 0))
		return 1;
	switch (code) {
	case UI_KEY_ENTER:
		ui_view_open(ui, &t->v);
		return 0;
	case 'q':
	case UI_KEY_ESC:
	case UI_KEY_CTRL('c'):
		return 0;
	default:
		return 1;
	}
}

static void
timeline_free(struct ui_overlay *o)
{
	struct timeline *t = (struct timeline *)o;

	store_report_free(&t->r);
	free(t->lines);
	free(t->who);
	free(t);
}

/* An entity's name, for the title. */
static void
entity_name(struct ui *ui, int64_t id, struct buf *out)
{
	struct store_entity e;

	if (store_entity_get(ui->st, id, &e) == 0) {
		buf_adds(out, e.name);
		store_entity_free(&e);
	} else {
		err_clear();
		buf_printf(out, "#%lld", (long long)id);
	}
}

int
ui_timeline_open(struct ui *ui, int64_t by, int64_t about, const char *tag)
{
	struct store_report_query q = { .tag = tag, .by = by, .about = about };
	struct timeline *t = xcalloc(1, sizeof *t);
	struct buf who;

	if (store_report_timeline(ui->st, &q, &t->r) != 0) {
		free(t);
		return -1;
	}
	buf_init(&who);
	if (by != 0)
		entity_name(ui, by, &who);
	if (about != 0) {
		buf_adds(&who, by != 0 ? ", about " : "about ");
		entity_name(ui, about, &who);
	}
	if (tag != NULL)
		buf_printf(&who, " (tag %s)", tag);
	t->who = buf_detach(&who, NULL);
	make_lines(t);
	t->o.draw = timeline_draw;
	t->o.key = timeline_key;
	t->o.free = timeline_free;
	t->o.mode = "TIMELINE";
	t->v.ops = &timeline_ops;
	t->v.popup = 1;
	t->v.priv = t;
	t->v.h = ui->rows > 5 ? ui->rows - 5 : 1;
	ui_view_set_rows(ui, &t->v, t->nlines, 0);
	ui_view_select(ui, &t->v, 0);
	ui_overlay_open(ui, &t->o);
	return 0;
}

void
ui_timeline_here(struct ui *ui)
{
	int64_t id = ui_article_actor_here(ui);

	if (id != 0 && ui_timeline_open(ui, id, 0, NULL) != 0) {
		ui_error(ui, "%s", err_msg());
		err_clear();
	}
}
