/*
 * ui-side.c: the pane beside the article. Its upper part lists the open
 * article's actors and agreements grouped by kind with their mention
 * counts; its lower part holds results: the statements of the actor
 * selected there, the statements related to the one under the article's
 * cursor (`r`), every statement by an actor (`*`) or every mention of an
 * agreement (`#`) across the corpus. Enter on an actor selects it (its
 * mentions stand out, ]m steps through them, its statements are listed);
 * Enter on a statement or mention jumps there, in its own article, through
 * the jump list, so Ctrl-o comes back.
 *
 * The results outlive a jump: after following one related statement the
 * others are still there to follow.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#define DOSSIER_UI_INTERNAL
#include "store.h"
#include "text.h"
#include "ui.h"

enum row_kind { ROW_HEADING, ROW_ENTITY, ROW_PLACE, ROW_TEXT };

/* Lines of a statement's words shown under who said it and where. */
#define SUB_LINES 2

struct row {
	enum row_kind kind;
	enum ui_object obj;      /* the entity's kind, for its colour */
	char *text;              /* the line (a place: who and where) */
	char *sub;               /* a place's second line: the words */
	size_t count;            /* an entity's mentions */
	int64_t entity;          /* ROW_ENTITY */
	int64_t article;         /* ROW_PLACE: where to jump */
	size_t start;
	/* ROW_PLACE: sub wrapped to the pane (at most SUB_LINES lines). */
	int wrapped;             /* the width it was wrapped for, 0: not yet */
	int nsub;
	size_t sub_off[SUB_LINES], sub_len[SUB_LINES];
};

struct part {
	struct row *v;
	size_t n;
};

struct side {
	int64_t article;         /* the article the actors are of */
	struct part actors, results;
	size_t sel, top;         /* row indices over actors then results */
};

#define RELATED_MAX 50

static struct side *
S(struct ui *ui)
{
	return ui->views[UI_VIEW_SIDE].priv;
}

static void
part_clear(struct part *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		free(p->v[i].text);
		free(p->v[i].sub);
	}
	free(p->v);
	p->v = NULL;
	p->n = 0;
}

static struct row *
part_add(struct part *p, enum row_kind kind, char *text)
{
	struct row *r;

	p->v = xreallocarray(p->v, p->n + 1, sizeof *p->v);
	r = &p->v[p->n++];
	memset(r, 0, sizeof *r);
	r->kind = kind;
	r->obj = UI_OBJ_NORMAL;
	r->text = text;
	return r;
}

static size_t
nrows(struct side *s)
{
	return s->actors.n + s->results.n;
}

static struct row *
row(struct side *s, size_t i)
{
	if (i < s->actors.n)
		return &s->actors.v[i];
	if (i - s->actors.n < s->results.n)
		return &s->results.v[i - s->actors.n];
	return NULL;
}

static int
selectable(const struct row *r)
{
	return r != NULL && (r->kind == ROW_ENTITY || r->kind == ROW_PLACE);
}

static int
lines(const struct row *r)
{
	if (r == NULL || r->kind != ROW_PLACE)
		return 1;
	return 1 + (r->nsub > 0 ? r->nsub : 1);
}

/* Wraps a place's words to width cells (by the text module's rules). */
static void
wrap_row(struct row *r, int width)
{
	struct text_line *ln = NULL;
	size_t n, i;

	if (r->kind != ROW_PLACE || r->wrapped == width)
		return;
	r->wrapped = width;
	n = text_wrap(r->sub, strlen(r->sub), width > 2 ? width : 2, &ln);
	r->nsub = n < SUB_LINES ? (int)n : SUB_LINES;
	for (i = 0; i < (size_t)r->nsub; i++) {
		r->sub_off[i] = ln[i].start;
		r->sub_len[i] = ln[i].content_end - ln[i].start;
	}
	free(ln);
}

/* Every row's height depends on the pane's width: wrap them for it. */
static void
wrap_all(struct side *s, const struct ui_view *v)
{
	size_t i;

	struct row *r;

	/* Drawn from column 3 of the pane's inner width (draw_row). */
	for (i = 0; i < nrows(s); i++) {
		if ((r = row(s, i)) != NULL)
			wrap_row(r, v->w - 5);
	}
}

/* ---- filling ------------------------------------------------------- */

static const char *
kind_heading(const char *kind)
{
	static const struct {
		const char *kind, *heading;
	} h[] = {
		{ "person", "People" },
		{ "state", "States" },
		{ "organization", "Organizations" },
		{ "place", "Places" },
		{ "agreement", "Agreements" },
		{ "event", "Events" },
	};
	size_t i;

	for (i = 0; kind != NULL && i < ARRAY_LEN(h); i++) {
		if (strcmp(kind, h[i].kind) == 0)
			return h[i].heading;
	}
	return "Others";
}

static void
fill_actors(struct ui *ui, struct side *s)
{
	const struct store_entity *e;
	const char *kind = NULL;
	size_t n, i;
	struct row *r;

	part_clear(&s->actors);
	s->article = ui_article_id(ui);
	if (s->article <= 0)
		return;
	e = ui_article_entities(ui, &n);
	if (n == 0) {
		part_add(&s->actors, ROW_TEXT, xstrdup(ui_article_actors_counted(ui) ?
		    "No actors found in this article." : "Counting actors..."));
		return;
	}
	for (i = 0; i < n; i++) {
		if (kind == NULL || strcmp(kind, e[i].kind != NULL ? e[i].kind : "") != 0) {
			kind = e[i].kind != NULL ? e[i].kind : "";
			part_add(&s->actors, ROW_HEADING, xstrdup(kind_heading(kind)));
		}
		r = part_add(&s->actors, ROW_ENTITY, xstrdup(e[i].name));
		r->obj = ui_kind_object(e[i].kind);
		r->count = e[i].mentions;
		r->entity = e[i].id;
	}
}

/* A statement as a result row: who and in which article, then its words. */
static void
add_statement(struct ui *ui, struct part *p, const struct store_statement *st)
{
	struct row *r;
	const char *who = st->speaker != NULL ? st->speaker : "(unknown speaker)";

	if (st->article_id == ui_article_id(ui) || st->title == NULL)
		r = part_add(p, ROW_PLACE, xstrdup(who));
	else
		r = part_add(p, ROW_PLACE, xasprintf("%s | %s", who, st->title));
	r->sub = xstrdup(st->text != NULL ? st->text : "");
	r->article = st->article_id;
	r->start = st->start;
	r->obj = UI_OBJ_SPEAKER;
}

static void
add_statements(struct ui *ui, struct part *p, struct store_statement *v, size_t n,
    const char *none)
{
	size_t i;

	for (i = 0; i < n; i++)
		add_statement(ui, p, &v[i]);
	if (n == 0)
		part_add(p, ROW_TEXT, xstrdup(none));
	store_statement_list_free(v, n);
}

static char *
entity_name(struct ui *ui, int64_t id)
{
	struct store_entity e;
	char *name;

	memset(&e, 0, sizeof e);
	if (store_entity_get(ui->st, id, &e) != 0) {
		err_clear();
		return xasprintf("entity %lld", (long long)id);
	}
	name = xstrdup(e.name != NULL ? e.name : "?");
	store_entity_free(&e);
	return name;
}

/* Puts the selection on the first result and the focus on the pane. */
static void
show_results(struct ui *ui, struct side *s)
{
	size_t i;

	s->sel = s->actors.n;
	for (i = s->actors.n; i < nrows(s); i++) {
		if (selectable(row(s, i))) {
			s->sel = i;
			break;
		}
	}
	s->top = s->actors.n;
	ui_focus(ui, UI_VIEW_SIDE);
	ui_mark(ui, UI_DIRTY_SIDE | UI_DIRTY_STATUS);
}

void
ui_side_related(struct ui *ui)
{
	struct side *s = S(ui);
	const struct store_statement *st = ui_article_statement(ui);
	struct store_statement *v = NULL;
	size_t n = 0;

	if (ui_article_id(ui) <= 0) {
		ui_message(ui, "no article open");
		return;
	}
	if (st == NULL) {
		ui_message(ui, "the cursor is not on a statement (]s goes to the next one)");
		return;
	}
	if (store_related(ui->st, st->id, RELATED_MAX, &v, &n) != 0) {
		ui_error(ui, "%s", err_msg());
		return;
	}
	part_clear(&s->results);
	part_add(&s->results, ROW_HEADING, xasprintf("Related to %s",
	    st->speaker != NULL ? st->speaker : "this statement"));
	add_statements(ui, &s->results, v, n, "No related statements.");
	ui_message(ui, "%zu related statement%s; Enter jumps, Ctrl-o comes back", n,
	    n == 1 ? "" : "s");
	show_results(ui, s);
}

void
ui_side_statements_by(struct ui *ui, int64_t entity)
{
	struct side *s = S(ui);
	struct store_statement *v = NULL;
	size_t n = 0;
	char *name;

	if (store_statements_find(ui->st, 0, entity, 0, &v, &n) != 0) {
		ui_error(ui, "%s", err_msg());
		return;
	}
	name = entity_name(ui, entity);
	part_clear(&s->results);
	part_add(&s->results, ROW_HEADING, xasprintf("Statements by %s, all articles", name));
	add_statements(ui, &s->results, v, n, "No statements.");
	ui_message(ui, "%zu statement%s by %s", n, n == 1 ? "" : "s", name);
	free(name);
	show_results(ui, s);
}

void
ui_side_mentions_of(struct ui *ui, int64_t entity)
{
	struct side *s = S(ui);
	struct store_mention *m = NULL;
	struct row *r;
	size_t n = 0, i;
	char *name;

	if (store_entity_mentions(ui->st, entity, 0, &m, &n) != 0) {
		ui_error(ui, "%s", err_msg());
		return;
	}
	name = entity_name(ui, entity);
	part_clear(&s->results);
	part_add(&s->results, ROW_HEADING, xasprintf("Mentions of %s, all articles", name));
	for (i = 0; i < n; i++) {
		r = part_add(&s->results, ROW_PLACE, xstrdup(m[i].title != NULL ? m[i].title : "?"));
		r->sub = xstrdup(m[i].text != NULL ? m[i].text : "");
		r->article = m[i].article_id;
		r->start = m[i].start;
		r->obj = UI_OBJ_ARTICLE_TITLE;
	}
	if (n == 0)
		part_add(&s->results, ROW_TEXT, xstrdup("No mentions."));
	ui_message(ui, "%zu mention%s of %s", n, n == 1 ? "" : "s", name);
	store_mention_list_free(m, n);
	free(name);
	show_results(ui, s);
}

/* The selected actor's statements in this article, under the actors. */
static void
actor_here(struct ui *ui, struct side *s, int64_t entity)
{
	struct store_statement *v = NULL;
	size_t n = 0;
	char *name;

	if (store_statements_find(ui->st, ui_article_id(ui), entity, 0, &v, &n) != 0) {
		ui_error(ui, "%s", err_msg());
		return;
	}
	name = entity_name(ui, entity);
	part_clear(&s->results);
	part_add(&s->results, ROW_HEADING, xasprintf("Statements by %s here", name));
	add_statements(ui, &s->results, v, n, "None in this article (* looks everywhere).");
	free(name);
}

void
ui_side_refresh(struct ui *ui)
{
	struct side *s = S(ui);
	int on_results = s->sel >= s->actors.n;
	size_t in_results = s->sel - (on_results ? s->actors.n : 0);

	fill_actors(ui, s);
	/* Keep the selection where it was within the results. */
	if (on_results && s->results.n > 0)
		s->sel = s->actors.n + in_results;
	else
		s->sel = 0;
	if (s->sel >= nrows(s))
		s->sel = 0;
	while (s->sel < nrows(s) && !selectable(row(s, s->sel)))
		s->sel++;
	if (s->sel >= nrows(s))
		s->sel = 0;
	s->top = 0;
	ui_mark(ui, UI_DIRTY_SIDE);
}

/* ---- the view ------------------------------------------------------ */

static int
side_init(struct ui *ui, struct ui_view *v)
{
	(void)ui;
	v->priv = xcalloc(1, sizeof(struct side));
	return 0;
}

static void
side_free(struct ui *ui, struct ui_view *v)
{
	struct side *s = v->priv;

	(void)ui;
	part_clear(&s->actors);
	part_clear(&s->results);
	free(s);
	v->priv = NULL;
}

/* Rows from top that fit in h lines. */
static size_t
fits(struct side *s, size_t top, int h)
{
	size_t i;
	int used = 0;

	for (i = top; i < nrows(s); i++) {
		used += lines(row(s, i));
		if (used > h)
			break;
	}
	return i - top;
}

static void
keep_visible(struct ui_view *v, struct side *s)
{
	wrap_all(s, v);
	if (s->sel < s->top)
		s->top = s->sel;
	while (s->top < s->sel && s->sel >= s->top + fits(s, s->top, v->h))
		s->top++;
}

static void
draw_row(struct ui *ui, struct ui_view *v, int y, const struct row *r, int selected)
{
	struct ui_style normal = ui_style(ui, UI_OBJ_NORMAL), base = normal, st;
	char num[32];
	int x = v->x + 1, w = v->w - 2, cw, k;

	if (selected) {
		base = ui_style_over(normal, ui_style(ui, ui->focus == UI_VIEW_SIDE ?
		    UI_OBJ_CURSOR : UI_OBJ_CURSOR_UNFOCUSED));
		ui_draw_fill(ui, y, v->x, v->w, base);
		if (r->kind == ROW_PLACE)
			ui_draw_fill(ui, y + 1, v->x, v->w, base);
	}
	switch (r->kind) {
	case ROW_HEADING:
		ui_draw_str(ui, y, x, w, r->text, ui_style_over(base,
		    ui_style(ui, UI_OBJ_SIDE_HEADING)));
		break;
	case ROW_TEXT:
		ui_draw_str(ui, y, x + 1, w - 1, r->text, base);
		break;
	case ROW_ENTITY:
		cw = snprintf(num, sizeof num, " %zu", r->count);
		st = ui_style_over(base, ui_style(ui, r->obj));
		if (r->entity == ui_article_selected_entity(ui))
			st.attr |= A_BOLD | A_UNDERLINE;
		ui_draw_str(ui, y, x + 1, w - 1 - cw, r->text, st);
		ui_draw_str(ui, y, x + w - cw, cw, num,
		    ui_style_over(base, ui_style(ui, UI_OBJ_SIDE_COUNT)));
		break;
	case ROW_PLACE:
		ui_draw_str(ui, y, x + 1, w - 1, r->text, ui_style_over(base, ui_style(ui, r->obj)));
		for (k = 0; k < r->nsub; k++) {
			if (selected && k > 0)
				ui_draw_fill(ui, y + 1 + k, v->x, v->w, base);
			ui_draw_text(ui, y + 1 + k, x + 3, w - 3, r->sub + r->sub_off[k], r->sub_len[k],
			    base);
		}
		break;
	}
}

static void
side_draw(struct ui *ui, struct ui_view *v)
{
	struct side *s = v->priv;
	size_t i;
	int y = 0, annh;

	if (ui_article_id(ui) <= 0 && s->results.n == 0) {
		ui_draw_str(ui, v->y, v->x + 1, v->w - 1, "No article open.",
		    ui_style(ui, UI_OBJ_NORMAL));
		return;
	}
	/* The bottom rows list the article's annotations (ui-anno.c). */
	annh = ui_anno_side_rows(ui, v->h);
	v->h -= annh;
	if (s->article != ui_article_id(ui))
		fill_actors(ui, s);
	keep_visible(v, s);
	for (i = s->top; i < nrows(s); i++) {
		const struct row *r = row(s, i);
		if (y + lines(r) > v->h)
			break;
		draw_row(ui, v, v->y + y, r, i == s->sel && selectable(r));
		y += lines(r);
	}
	v->h += annh;
	ui_anno_side_draw(ui, v->y + v->h - annh, v->x, annh, v->w);
}

static void
side_title(struct ui *ui, struct ui_view *v, struct buf *out)
{
	struct side *s = v->priv;
	size_t i, n = 0;

	(void)ui;
	for (i = 0; i < s->actors.n; i++)
		n += s->actors.v[i].kind == ROW_ENTITY;
	if (s->article > 0)
		buf_printf(out, "%zu actor%s and agreement%s", n, n == 1 ? "" : "s",
		    n == 1 ? "" : "s");
}

static void
side_position(struct ui *ui, struct ui_view *v, struct buf *out)
{
	struct side *s = v->priv;
	const struct row *r = row(s, s->sel);

	(void)ui;
	if (r == NULL || !selectable(r))
		return;
	if (s->sel >= s->actors.n) {
		size_t i, k = 0, n = 0;
		for (i = 0; i < s->results.n; i++) {
			if (s->results.v[i].kind == ROW_PLACE) {
				n++;
				if (s->actors.n + i <= s->sel)
					k++;
			}
		}
		buf_printf(out, "result %zu/%zu", k, n);
	} else {
		buf_printf(out, "%s", r->text);
	}
}

static void
move_sel(struct side *s, long n)
{
	size_t i = s->sel;

	while (n > 0 && i + 1 < nrows(s)) {
		i++;
		if (selectable(row(s, i))) {
			s->sel = i;
			n--;
		}
	}
	while (n < 0 && i > 0) {
		i--;
		if (selectable(row(s, i))) {
			s->sel = i;
			n++;
		}
	}
}

static void
open_row(struct ui *ui, struct side *s)
{
	struct row *r = row(s, s->sel);
	int64_t id;
	size_t start;

	if (!selectable(r))
		return;
	if (r->kind == ROW_ENTITY) {
		id = r->entity == ui_article_selected_entity(ui) ? 0 : r->entity;
		ui_article_select_entity(ui, id);
		if (id != 0) {
			/* A copy: actor_here rebuilds rows, so r is not used after it. */
			char *name = xstrdup(r->text);
			actor_here(ui, s, id);
			ui_message(ui, "%s selected: ]m and [m step through the mentions, * lists "
			    "every statement", name);
			free(name);
		} else {
			part_clear(&s->results);
			ui_message(ui, "no actor selected");
		}
		return;
	}
	id = r->article;
	start = r->start;
	ui_jump_push(ui);
	if (id == ui_article_id(ui)) {
		ui_article_goto(ui, start);
	} else {
		if (ui_article_open(ui, id, start) != 0) {
			ui_error(ui, "%s", err_msg());
			return;
		}
	}
	ui_focus(ui, UI_VIEW_ARTICLE);
}

static int
side_action(struct ui *ui, struct ui_view *v, enum ui_action a, int count)
{
	struct side *s = v->priv;
	struct row *r = row(s, s->sel);
	long n = count > 0 ? count : 1, page;

	wrap_all(s, v);
	page = (long)fits(s, s->top, v->h);
	switch (a) {
	case UI_ACT_MOVE_DOWN:
		move_sel(s, n);
		break;
	case UI_ACT_MOVE_UP:
		move_sel(s, -n);
		break;
	case UI_ACT_PAGE_DOWN:
	case UI_ACT_HALF_DOWN:
		move_sel(s, a == UI_ACT_PAGE_DOWN ? page : page / 2 + 1);
		break;
	case UI_ACT_PAGE_UP:
	case UI_ACT_HALF_UP:
		move_sel(s, -(a == UI_ACT_PAGE_UP ? page : page / 2 + 1));
		break;
	case UI_ACT_FIRST:
		s->sel = 0;
		if (!selectable(row(s, 0)))
			move_sel(s, 1);
		s->top = 0;
		break;
	case UI_ACT_LAST:
		s->sel = nrows(s) > 0 ? nrows(s) - 1 : 0;
		if (!selectable(row(s, s->sel)))
			move_sel(s, -1);
		break;
	case UI_ACT_OPEN:
		open_row(ui, s);
		break;
	case UI_ACT_BACK:
		ui_focus(ui, UI_VIEW_ARTICLE);
		return 1;
	case UI_ACT_ACTOR_STATEMENTS:
		if (r == NULL || r->kind != ROW_ENTITY)
			return 0;   /* the article's own `*` */
		ui_side_statements_by(ui, r->entity);
		return 1;
	case UI_ACT_AGREEMENT_MENTIONS:
		if (r == NULL || r->kind != ROW_ENTITY)
			return 0;
		ui_side_mentions_of(ui, r->entity);
		return 1;
	default:
		return 0;
	}
	keep_visible(v, s);
	ui_mark(ui, UI_DIRTY_SIDE | UI_DIRTY_STATUS | UI_DIRTY_ARTICLE);
	return 1;
}

static void
side_click(struct ui *ui, struct ui_view *v, int r, int col, int clicks)
{
	struct side *s = v->priv;
	size_t i;
	int y = 0;

	(void)col;
	wrap_all(s, v);
	for (i = s->top; i < nrows(s); i++) {
		y += lines(row(s, i));
		if (y > r)
			break;
	}
	if (i >= nrows(s) || !selectable(row(s, i)))
		return;
	if (clicks > 1 || i == s->sel) {
		s->sel = i;
		open_row(ui, s);
		return;
	}
	s->sel = i;
	ui_mark(ui, UI_DIRTY_SIDE | UI_DIRTY_STATUS);
}

static void
side_resize(struct ui *ui, struct ui_view *v)
{
	(void)ui;
	keep_visible(v, v->priv);
}

const struct ui_view_ops ui_side_ops = {
	.name = "Side",
	.keymap = UI_KM_SIDE,
	.init = side_init,
	.free = side_free,
	.draw = side_draw,
	.title = side_title,
	.action = side_action,
	.click = side_click,
	.position = side_position,
	.resize = side_resize,
};
