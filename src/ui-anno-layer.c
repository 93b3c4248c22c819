/*
 * ui-anno-layer.c: annotating, as layers of the reading view. The
 * highlights layer colours the open article's highlights, runs the
 * annotation actions (select, tag, note, claim, delete, undo, redo, ]a
 * and [a), turns a mouse drag into a selection and lists the article's
 * annotations at the foot of the side pane; the selection layer colours
 * the selection over everything else. Nothing else in the reader knows
 * annotations are there: the article view asks its layers (struct
 * ui_layer_ops), and the state and the popups are below this file.
 *
 * Nothing here writes SQL: every change goes through anno.h, which
 * commits it durably; only after that returns does the screen say so.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#define DOSSIER_UI_INTERNAL
#include "anno.h"
#include "store.h"
#include "ui.h"

/* The highlights over [from, to). */
static void
anno_spans(struct ui *ui, struct ui_layer *l, size_t from, size_t to, struct ui_spans *out)
{
	const struct ui_spans *hl = &ui->anno->hl;
	size_t i;

	(void)l;
	for (i = 0; i < hl->n; i++) {
		if (hl->v[i].end > from && hl->v[i].start < to)
			ui_spans_add(out, hl->v[i]);
	}
}

static void
anno_opened(struct ui *ui, struct ui_layer *l)
{
	(void)l;
	ui_anno_opened(ui);
}

/* Another program annotated: the highlights are read again; a selection
 * under way stays. */
static void
anno_reload(struct ui *ui, struct ui_layer *l)
{
	(void)l;
	ui_anno_reload(ui);
}

static int
anno_init(struct ui *ui, struct ui_layer *l)
{
	(void)l;
	return ui_anno_init(ui);
}

static void
anno_free(struct ui *ui, struct ui_layer *l)
{
	(void)l;
	ui_anno_free(ui);
}

/* The selection, from its anchor to the cursor, over everything else. */
static void
selection_spans(struct ui *ui, struct ui_layer *l, size_t from, size_t to,
    struct ui_spans *out)
{
	struct ui_anno *an = ui->anno;
	struct ui_span sp = { 0 };
	const char *body;
	size_t len;

	(void)l;
	(void)from;
	(void)to;
	body = ui_article_body(ui, &len);
	if (!an->selecting || body == NULL ||
	    ui_select_span(body, len, an->anchor, ui_article_offset(ui), &sp.start, &sp.end) != 0)
		return;
	sp.obj = UI_OBJ_SELECTION;
	sp.styled = 1;
	sp.style = ui_style(ui, UI_OBJ_SELECTION);
	if (ui_style_plain(sp.style))
		sp.style.attr = A_REVERSE;
	ui_spans_add(out, sp);
}

/* While a selection is open, keys extend it (the "select" keymap). */
static enum ui_keymap
anno_keymap(struct ui *ui, struct ui_layer *l, enum ui_keymap km)
{
	(void)l;
	if (ui->anno->selecting && ui->focus == UI_VIEW_ARTICLE &&
	    ui_article_id(ui) > 0)
		return UI_KM_SELECT;
	return km;
}

static const char *
anno_mode(struct ui *ui, struct ui_layer *l)
{
	(void)l;
	if (ui->anno->selecting && ui_article_id(ui) > 0)
		return "SELECT";
	return NULL;
}

static void
anno_press(struct ui *ui, struct ui_layer *l, int in_article)
{
	struct ui_anno *an = ui->anno;

	(void)l;
	an->dragging = in_article && ui_article_id(ui) > 0 && ui->overlay == NULL;
	an->drag_from = ui_article_offset(ui);
	/* A press starts afresh: the selection there was is let go. */
	if (an->dragging && an->selecting)
		ui_anno_end_selection(ui);
}

static int
anno_dragging(struct ui *ui, struct ui_layer *l)
{
	(void)l;
	return ui->anno->dragging;
}

static void
anno_release(struct ui *ui, struct ui_layer *l)
{
	struct ui_anno *an = ui->anno;

	(void)l;
	an->dragging = 0;
	/* Released where it was pressed: a click, not a selection. */
	if (ui_article_offset(ui) == an->drag_from)
		return;
	an->selecting = 1;
	an->anchor = an->drag_from;
	ui_message(ui, "selected: t tags, a notes, Esc stops");
	ui_mark(ui, UI_DIRTY_ARTICLE | UI_DIRTY_STATUS);
}

static void
extend(struct ui *ui, enum ui_action a, int count)
{
	struct ui_select_text t;
	size_t cur = ui_article_offset(ui), to;

	ui_anno_text(ui, &t);
	if (t.body == NULL)
		return;
	while (count-- > 0) {
		to = ui_select_motion(&t, a, cur);
		if (to == cur)
			break;
		cur = to;
	}
	ui_article_goto(ui, cur);
}

static void
select_sentence(struct ui *ui)
{
	struct ui_select_text t;
	size_t s, e;

	ui_anno_text(ui, &t);
	if (t.body == NULL || ui_select_sentence(&t, ui_article_offset(ui), &s, &e) != 0) {
		ui_message(ui, "no sentence here");
		return;
	}
	ui->anno->anchor = s;
	ui->anno->selecting = 1;
	ui_article_goto(ui, ui_select_last_char(t.body, e));
}

static void
toggle_selection(struct ui *ui)
{
	struct ui_anno *an = ui->anno;

	if (an->selecting) {
		ui_anno_end_selection(ui);
		return;
	}
	an->selecting = 1;
	an->anchor = ui_article_offset(ui);
	ui_message(ui, "selecting: w b e ( ) { } j k extend, t tags, a notes, Esc stops");
	ui_mark(ui, UI_DIRTY_ARTICLE | UI_DIRTY_STATUS);
}

static void
delete_here(struct ui *ui)
{
	const struct store_anno *a = ui_anno_at(ui, ui_article_offset(ui));
	int64_t id;

	if (a == NULL) {
		ui_message(ui, "no highlight under the cursor");
		return;
	}
	id = a->id;
	if (anno_delete(ui->anno->s, id) != 0) {
		ui_error(ui, "%s", err_msg());
		return;
	}
	/* Named before the reload frees it, where several overlap. */
	if (ui_anno_here(ui, ui_article_offset(ui), &(size_t){ 0 }) > 1)
		ui_anno_say_which(ui, a, "highlight deleted (u undoes):");
	else
		ui_message(ui, "highlight deleted (u undoes)");
	ui_anno_reload(ui);
}

/* After undo or redo: show the annotation it touched, opening its
 * article when another one is open. */
static void
show_changed(struct ui *ui, int64_t id)
{
	struct store_anno a;

	ui_anno_reload_tags(ui);
	if (id == 0 || store_anno_get(ui->st, id, &a) != 0) {
		err_clear();
		ui_anno_reload(ui);
		return;
	}
	if (a.article_id != ui_article_id(ui))
		ui_article_open(ui, a.article_id, a.start);   /* reloads */
	else {
		ui_anno_reload(ui);
		if (a.state == STORE_ANNO_ACTIVE)
			ui_article_goto(ui, a.start);
	}
	store_anno_free(&a);
}

static void
undo_redo(struct ui *ui, int redo)
{
	const char *what;
	int64_t id;
	int rc = redo ? anno_redo(ui->anno->s, &what, &id) : anno_undo(ui->anno->s, &what, &id);

	if (rc < 0) {
		ui_error(ui, "%s", err_msg());
		return;
	}
	if (rc == 0) {
		ui_message(ui, redo ? "nothing to redo" : "nothing to undo");
		return;
	}
	ui->anno->selecting = 0;
	show_changed(ui, id);
	ui_message(ui, "%s: %s", redo ? "redone" : "undone", what);
}

/* "annotation 2 of 5": where ]a and [a stop (the distinct starts of
 * the live highlights), counted to OFF. */
static void
say_position(struct ui *ui, size_t off)
{
	struct ui_anno *an = ui->anno;
	size_t i, j, k = 0, n = 0;

	for (i = 0; i < an->n; i++) {
		if (an->rows[i].state != STORE_ANNO_ACTIVE)
			continue;
		for (j = 0; j < i; j++) {
			if (an->rows[j].state == STORE_ANNO_ACTIVE && an->rows[j].start == an->rows[i].start)
				break;
		}
		if (j < i)
			continue;       /* a start already counted */
		n++;
		if (an->rows[i].start <= off)
			k++;
	}
	if (n > 0)
		ui_message(ui, "annotation %zu of %zu", k, n);
}

/* ]a / [a: from one highlight's start to the next. */
static void
step(struct ui *ui, int dir, int count)
{
	struct ui_anno *an = ui->anno;
	size_t off = ui_article_offset(ui), i, best;
	int found;

	while (count-- > 0) {
		found = 0;
		best = 0;
		for (i = 0; i < an->n; i++) {
			size_t s = an->rows[i].start;
			if (an->rows[i].state != STORE_ANNO_ACTIVE)
				continue;
			if (dir > 0 ? s > off && (!found || s < best) : s < off && (!found || s > best)) {
				best = s;
				found = 1;
			}
		}
		if (!found) {
			ui_message(ui, an->n == 0 ? "no annotations in this article" :
			    dir > 0 ? "no annotations after here" : "no annotations before here");
			break;
		}
		off = best;
	}
	if (off != ui_article_offset(ui)) {
		ui_article_jump_push(ui);
		ui_article_goto(ui, off);
		say_position(ui, off);
	}
}

static int
needs_article(enum ui_action a)
{
	switch (a) {
	case UI_ACT_SELECT:
	case UI_ACT_SELECT_SENTENCE:
	case UI_ACT_TAG:
	case UI_ACT_NOTE:
	case UI_ACT_NOTE_EDITOR:
	case UI_ACT_CLAIM:
	case UI_ACT_DELETE_ANNOTATION:
	case UI_ACT_OTHER_HIGHLIGHT:
	case UI_ACT_WORD_NEXT:
	case UI_ACT_WORD_PREV:
	case UI_ACT_WORD_END:
	case UI_ACT_SENTENCE_NEXT:
	case UI_ACT_SENTENCE_PREV:
	case UI_ACT_PARAGRAPH_END:
	case UI_ACT_PARAGRAPH_START:
		return 1;
	default:
		return 0;
	}
}

static int
writes(enum ui_action a)
{
	return a == UI_ACT_TAG || a == UI_ACT_NOTE || a == UI_ACT_NOTE_EDITOR ||
	    a == UI_ACT_CLAIM || a == UI_ACT_DELETE_ANNOTATION || a == UI_ACT_UNDO ||
	    a == UI_ACT_REDO;
}

/* The annotation actions, taken before the focused pane: they work from
 * any pane on the open article, and a selection under way takes Esc. */
static int
anno_action(struct ui *ui, struct ui_layer *l, enum ui_action a, int count)
{
	struct ui_anno *an = ui->anno;
	int n = count > 0 ? count : 1;

	(void)l;
	if (an->selecting && (a == UI_ACT_CANCEL || a == UI_ACT_BACK)) {
		ui_anno_end_selection(ui);
		return 1;
	}
	if (a == UI_ACT_NEXT_ANNOTATION || a == UI_ACT_PREV_ANNOTATION) {
		if (ui_article_id(ui) <= 0)
			return 0;
		step(ui, a == UI_ACT_NEXT_ANNOTATION ? 1 : -1, n);
		return 1;
	}
	if (needs_article(a) && ui_article_id(ui) <= 0) {
		ui_message(ui, "no article open: Enter opens one from the list");
		return 1;
	}
	if (writes(a) && !ui_anno_writable(ui))
		return 1;
	switch (a) {
	case UI_ACT_SELECT:
		toggle_selection(ui);
		return 1;
	case UI_ACT_SELECT_SENTENCE:
		select_sentence(ui);
		return 1;
	case UI_ACT_WORD_NEXT:
	case UI_ACT_WORD_PREV:
	case UI_ACT_WORD_END:
	case UI_ACT_SENTENCE_NEXT:
	case UI_ACT_SENTENCE_PREV:
	case UI_ACT_PARAGRAPH_END:
	case UI_ACT_PARAGRAPH_START:
		extend(ui, a, n);
		return 1;
	case UI_ACT_TAG:
		ui_tagpick_open(ui);
		return 1;
	case UI_ACT_OTHER_HIGHLIGHT:
		ui_anno_other(ui);
		return 1;
	case UI_ACT_NOTE:
	case UI_ACT_NOTE_EDITOR:
		ui_note_open(ui, a == UI_ACT_NOTE_EDITOR);
		return 1;
	case UI_ACT_CLAIM:
		ui_claim_open(ui, 0);
		return 1;
	case UI_ACT_DELETE_ANNOTATION:
		delete_here(ui);
		return 1;
	case UI_ACT_UNDO:
	case UI_ACT_REDO:
		undo_redo(ui, a == UI_ACT_REDO);
		return 1;
	case UI_ACT_BROWSE_ANNOTATIONS:
		ui_anno_browse(ui, "");
		return 1;
	default:
		return 0;
	}
}

static void
side_line(struct ui *ui, int y, int x, int w, const struct store_anno *a, int here)
{
	struct ui_style n = ui_style(ui, UI_OBJ_NORMAL);
	struct ui_style sw = ui_anno_style(ui, a);
	struct buf b;
	size_t i;
	int used;

	if (here)
		n = ui_style_over(n, ui_style(ui, UI_OBJ_CURSOR_UNFOCUSED));
	ui_draw_fill(ui, y, x, w, n);
	/* A swatch in the highlight's colour, then tags and the quote. */
	used = ui_draw_str(ui, y, x + 1, 2, a->state == STORE_ANNO_ORPHANED ? "?" : " ",
	    ui_style_over(n, sw));
	buf_init(&b);
	for (i = 0; i < a->ntags; i++)
		buf_printf(&b, "%s%s", i ? "," : "", a->tags[i].name);
	if (a->ntags == 0)
		buf_adds(&b, "-");
	buf_printf(&b, "%s ", a->note != NULL ? "*" : "");
	used += 1 + ui_draw_text(ui, y, x + 2 + used, w - 3 - used, b.data, b.len,
	    ui_style_over(n, ui_style(ui, UI_OBJ_SIDE_COUNT)));
	buf_reset(&b);
	buf_printf(&b, "\"%s\"", a->quote);
	ui_anno_flatten(&b, 0);
	ui_draw_cut(ui, y, x + 2 + used, w - 3 - used, b.data, b.len, n);
	buf_free(&b);
}

/* The side pane's foot: the article's annotations. */
static int
anno_side_rows(struct ui *ui, struct ui_layer *l, int h)
{
	size_t want;

	(void)l;
	if (ui_article_id(ui) <= 0 || h < 6)
		return 0;
	/* A heading and a line each, up to a third of the pane; with none
	 * yet, the heading and how to make one. */
	want = ui->anno->n + 1 < 2 ? 2 : ui->anno->n + 1;
	return want < (size_t)(h / 3) ? (int)want : h / 3;
}

static void
anno_side_draw(struct ui *ui, struct ui_layer *l, int y, int x, int h, int w)
{
	struct ui_anno *an = ui->anno;
	struct ui_style head = ui_style_over(ui_style(ui, UI_OBJ_NORMAL),
	    ui_style(ui, UI_OBJ_SIDE_HEADING));
	const struct store_anno *here;
	struct buf b;
	size_t i, first = 0, at = SIZE_MAX;
	int r;

	(void)l;
	if (h < 2 || ui_article_id(ui) <= 0)
		return;
	buf_init(&b);
	buf_printf(&b, "Annotations (%zu)", an->n);
	ui_draw_cut(ui, y, x + 1, w - 1, b.data, b.len, head);
	buf_free(&b);
	if (an->n == 0) {
		static const char hint[] = "v select, t tag, a note";
		ui_draw_cut(ui, y + 1, x + 1, w - 1, hint, sizeof hint - 1,
		    ui_style(ui, UI_OBJ_SIDE_COUNT));
		return;
	}
	here = ui_anno_at(ui, ui_article_offset(ui));
	for (i = 0; i < an->n; i++) {
		if (here != NULL && &an->rows[i] == here)
			at = i;
	}
	/* Keep the highlight under the cursor in view. */
	if (at != SIZE_MAX && at >= (size_t)(h - 1))
		first = at - (size_t)(h - 2);
	for (r = 1, i = first; r < h && i < an->n; r++, i++)
		side_line(ui, y + r, x, w, &an->rows[i], i == at);
}

const struct ui_layer_ops ui_anno_layer = {
	.name = "annotations",
	.init = anno_init,
	.free = anno_free,
	.opened = anno_opened,
	.reload = anno_reload,
	.spans = anno_spans,
	.first = 1,
	.action = anno_action,
	.keymap = anno_keymap,
	.mode = anno_mode,
	.press = anno_press,
	.dragging = anno_dragging,
	.release = anno_release,
	.side_rows = anno_side_rows,
	.side_draw = anno_side_draw,
};

const struct ui_layer_ops ui_selection_layer = {
	.name = "selection",
	.spans = selection_spans,
};
