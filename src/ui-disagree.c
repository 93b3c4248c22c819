/*
 * ui-disagree.c: where two coders differ, in a popup (`:intercoder
 * --coders A,B [--tag T]`, the shell's grammar). Over it, each tag's
 * agreement, kappa and alpha; then one row for each sentence one of them
 * coded with a tag and the other did not: the tag, who coded it, the
 * article and the sentence's words. The units and their marks are
 * anno_intercoder_load's, as `dossier intercoder` counts them. Enter opens
 * the article at the sentence through the jump list (Ctrl-o comes back)
 * and says how each coder coded that sentence: both codings, side by
 * side. Esc closes.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define DOSSIER_UI_INTERNAL
#include "anno.h"
#include "args.h"
#include "store.h"
#include "text.h"
#include "ui.h"

/* One disagreement: a tag and a unit. */
struct differ {
	size_t tag, unit;
};

/* An article's title and body, read when a row of it is first drawn. */
struct article_text {
	int64_t id;
	struct store_anno_article a;
};

struct disagree {
	struct ui_overlay o;
	struct ui_view v;
	struct anno_intercoder ic;
	char *coders;                  /* "A,B" split in place: ic.coder points in */
	char *tag;
	struct differ *rows;
	size_t nrows;
	struct article_text *texts;
	size_t ntexts;
	char *summary;                 /* each tag's coefficients */
};

static const struct store_anno_article *
article_of(struct ui *ui, struct disagree *d, int64_t id)
{
	size_t i;

	for (i = 0; i < d->ntexts; i++)
		if (d->texts[i].id == id)
			return &d->texts[i].a;
	d->texts = xreallocarray(d->texts, d->ntexts + 1, sizeof *d->texts);
	d->texts[d->ntexts].id = id;
	if (store_anno_article_get(ui->st, id, &d->texts[d->ntexts].a) != 0) {
		err_clear();
		memset(&d->texts[d->ntexts].a, 0, sizeof d->texts[d->ntexts].a);
	}
	return &d->texts[d->ntexts++].a;
}

/* Row I's article, its sentence's number and span, and who coded it. */
static const struct anno_units_article *
row_place(const struct disagree *d, size_t i, size_t *n, const struct text_span **sent,
    const char **who)
{
	const struct anno_units_article *art = anno_intercoder_place(&d->ic, d->rows[i].unit, n);
	unsigned m = d->ic.tags[d->rows[i].tag].mark[d->rows[i].unit];

	*sent = &art->sent[*n - 1];
	*who = d->ic.coder[m == 1 ? 0 : 1];
	return art;
}

static int
differ_draw(struct ui *ui, struct ui_view *v, size_t i, int y, struct ui_style st)
{
	struct disagree *d = v->priv;
	const struct text_span *sent;
	const struct anno_units_article *art;
	const struct store_anno_article *a;
	const char *who, *tag = d->ic.tags[d->rows[i].tag].name;
	int x = v->x + 1, end = v->x + v->w;
	struct buf b;
	size_t n;

	art = row_place(d, i, &n, &sent, &who);
	a = article_of(ui, d, art->id);
	buf_init(&b);
	buf_printf(&b, "%s", tag);
	ui_draw_cut(ui, y, x, 16 < end - x ? 16 : end - x, b.data, b.len,
	    ui_style_over(st, ui_anno_tag_style(ui, tag, NULL)));
	x = v->x + 18;
	buf_reset(&b);
	buf_printf(&b, "%s only", who);
	if (x < end)
		ui_draw_cut(ui, y, x, 14 < end - x ? 14 : end - x, b.data, b.len,
		    ui_style_over(st, ui_style(ui, UI_OBJ_SPEAKER)));
	x += 15;
	buf_reset(&b);
	buf_printf(&b, "#%lld:%zu", (long long)art->id, n);
	if (x < end)
		ui_draw_cut(ui, y, x, 9 < end - x ? 9 : end - x, b.data, b.len,
		    ui_style_over(st, ui_style(ui, UI_OBJ_SIDE_COUNT)));
	x += 10;
	buf_reset(&b);
	if (a->body != NULL && sent->end <= a->body_len)
		buf_add(&b, a->body + sent->start, sent->end - sent->start);
	ui_anno_flatten(&b, 0);
	if (x < end && b.len > 0)
		ui_draw_cut(ui, y, x, end - x, b.data, b.len, st);
	buf_free(&b);
	return 1;
}

/* How coder C coded the sentence: the tags of C's highlights over it. */
static void
coding_of(const struct disagree *d, int c, int64_t article, const struct text_span *sent,
    struct buf *out)
{
	size_t r, t, k = 0;

	buf_printf(out, "%s: ", d->ic.coder[c]);
	for (r = 0; r < d->ic.nrows[c]; r++) {
		const struct store_anno *a = &d->ic.rows[c][r];

		if (a->article_id != article || a->end <= sent->start || a->start >= sent->end)
			continue;
		for (t = 0; t < a->ntags; t++)
			buf_printf(out, "%s%s", k++ ? ", " : "", a->tags[t].name);
		if (a->ntags == 0)
			buf_printf(out, "%s(no tag)", k++ ? ", " : "");
	}
	if (k == 0)
		buf_adds(out, "nothing");
}

static void
differ_open(struct ui *ui, struct ui_view *v, size_t i)
{
	struct disagree *d = v->priv;
	const struct text_span *sent;
	const struct anno_units_article *art;
	const char *who;
	struct buf b;
	size_t n;

	art = row_place(d, i, &n, &sent, &who);
	ui_article_jump_push(ui);
	if (ui_article_open(ui, art->id, sent->start) != 0) {
		ui_error(ui, "%s", err_msg());
		return;
	}
	ui_focus(ui, UI_VIEW_ARTICLE);
	buf_init(&b);
	buf_printf(&b, "sentence %zu, %s: ", n, d->ic.tags[d->rows[i].tag].name);
	coding_of(d, 0, art->id, sent, &b);
	buf_adds(&b, "; ");
	coding_of(d, 1, art->id, sent, &b);
	ui_message(ui, "%s", b.data);
	buf_free(&b);
}

static int
differ_text(struct ui *ui, struct ui_view *v, size_t i, struct buf *out)
{
	struct disagree *d = v->priv;

	(void)ui;
	buf_adds(out, d->ic.tags[d->rows[i].tag].name);
	return 1;
}

static const struct ui_view_ops differ_ops = {
	.name = "Disagreements",
	.draw_row = differ_draw,
	.open = differ_open,
	.row_text = differ_text,
};

static void
disagree_draw(struct ui *ui, struct ui_overlay *o)
{
	struct disagree *d = (struct disagree *)o;
	struct ui_style st = ui_popup_style(ui, 0);
	struct ui_style dim = ui_style_over(st, ui_style(ui, UI_OBJ_SIDE_COUNT));
	int w = ui->cols - 2, h = ui->rows - 2, y, x;
	struct buf head;

	buf_init(&head);
	buf_printf(&head, "Disagreements: %s and %s", d->ic.coder[0], d->ic.coder[1]);
	if (d->tag != NULL)
		buf_printf(&head, " (tag %s)", d->tag);
	ui_popup_box(ui, h, w, head.data, &y, &x);
	w -= 4;
	ui_draw_cut(ui, y, x, w, d->summary, strlen(d->summary), dim);
	buf_reset(&head);
	buf_printf(&head, "%zu disagreement%s over %zu sentences of %zu articles   Enter: go to it"
	    "   Esc: close", d->nrows, d->nrows == 1 ? "" : "s", d->ic.units, d->ic.narts);
	ui_draw_cut(ui, y + 1, x, w, head.data, head.len, dim);
	buf_free(&head);
	ui_view_draw_in(ui, &d->v, y + 3, x, h - 5, w, "they agree on every sentence");
}

static int
disagree_key(struct ui *ui, struct ui_overlay *o, int code)
{
	struct disagree *d = (struct disagree *)o;

	if (ui_view_move(ui, &d->v, ui_view_list_motion(code), 0))
		return 1;
	switch (code) {
	case UI_KEY_ENTER:
		ui_view_open(ui, &d->v);
		return d->nrows == 0;
	case 'q':
	case UI_KEY_ESC:
	case UI_KEY_CTRL('c'):
		return 0;
	default:
		return 1;
	}
}

static void
disagree_free(struct ui_overlay *o)
{
	struct disagree *d = (struct disagree *)o;
	size_t i;

	anno_intercoder_free(&d->ic);
	for (i = 0; i < d->ntexts; i++)
		store_anno_article_free(&d->texts[i].a);
	free(d->texts);
	free(d->rows);
	free(d->summary);
	free(d->coders);
	free(d->tag);
	free(d);
}

/* "claim 92.6% kappa 0.625 alpha 0.632   demand ..." */
static char *
summary_of(const struct anno_intercoder *ic)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < ic->ntags; i++) {
		struct anno_agree_table t;
		struct anno_agree r;

		anno_intercoder_table(ic, &ic->tags[i], &t);
		anno_agree(&t, &r);
		buf_printf(&b, "%s%s %.1f%%", i ? "   " : "", ic->tags[i].name, r.percent);
		if (isnan(r.kappa))
			buf_adds(&b, " kappa n/a");
		else
			buf_printf(&b, " kappa %.3f", r.kappa);
		if (isnan(r.alpha))
			buf_adds(&b, " alpha n/a");
		else
			buf_printf(&b, " alpha %.3f", r.alpha);
	}
	if (b.data == NULL)
		buf_adds(&b, "no tag coded by either");
	return buf_detach(&b, NULL);
}

int
ui_disagree_command(struct ui *ui, const struct args *a)
{
	const char *coders = args_get(a, "coders"), *tag = args_get(a, "tag");
	struct disagree *d;
	char *comma;
	size_t t, u;

	if (args_has(a, "json"))
		return err_set("--json is for the shell: the reader lists the disagreements");
	if (coders == NULL)
		return err_set("--coders A,B is required");
	d = xcalloc(1, sizeof *d);
	d->coders = xstrdup(coders);
	comma = strchr(d->coders, ',');
	if (comma != NULL)
		*comma = '\0';
	if (comma == NULL || d->coders[0] == '\0' || comma[1] == '\0' ||
	    strchr(comma + 1, ',') != NULL || strcmp(d->coders, comma + 1) == 0) {
		disagree_free(&d->o);
		return err_set("--coders needs two different names, as A,B");
	}
	d->ic.coder[0] = d->coders;
	d->ic.coder[1] = comma + 1;
	d->tag = tag != NULL ? xstrdup(tag) : NULL;
	d->ic.tag = d->tag;
	if (anno_intercoder_load(ui->st, &d->ic) != 0) {
		disagree_free(&d->o);
		return -1;
	}
	/* Tag by tag (by name), then in the order of the articles' units. */
	for (t = 0; t < d->ic.ntags; t++)
		for (u = 0; u < d->ic.units; u++) {
			unsigned m = d->ic.tags[t].mark[u];

			if (m != 1 && m != 2)
				continue;
			d->rows = xreallocarray(d->rows, d->nrows + 1, sizeof *d->rows);
			d->rows[d->nrows++] = (struct differ){ t, u };
		}
	d->summary = summary_of(&d->ic);
	d->o.draw = disagree_draw;
	d->o.key = disagree_key;
	d->o.free = disagree_free;
	d->o.mode = "DISAGREEMENTS";
	d->v.ops = &differ_ops;
	d->v.popup = 1;
	d->v.priv = d;
	d->v.h = ui->rows > 7 ? ui->rows - 7 : 1;
	ui_view_set_rows(ui, &d->v, d->nrows, 0);
	ui_overlay_open(ui, &d->o);
	return 0;
}
