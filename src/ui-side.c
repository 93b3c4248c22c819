/*
 * ui-side.c: the pane beside the article. Its upper part lists the open
 * article's actors and agreements grouped by kind with their mention
 * counts; its lower part holds results: the statements of the actor
 * selected there, the statements related to the one under the article's
 * cursor (`r`), every statement by an actor (`*`) or every mention of an
 * agreement (`#`) across the corpus. Enter on an actor selects it (its
 * mentions stand out, ]m steps through them, its statements are listed);
 * Enter on a statement or mention jumps there, in its own article, through
 * the jump list, so Ctrl-o comes back. The results are asked for from any
 * pane: `r`, `*` and `#` on the article's cursor land here.
 *
 * The results outlive a jump: after following one related statement the
 * others are still there to follow.
 *
 * `*` and `#` read their results a page at a time, as tig reads a long
 * log: the first page at once, the next when the selection or the screen
 * reaches the end of what is read, each after the last row read (by its
 * key, so the hundredth page costs what the first does). Nothing counts
 * them all: the status line says how many are read, "50+" while there
 * may be more.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define DOSSIER_UI_INTERNAL
#include "store.h"
#include "text.h"
#include "ui.h"

/* ROW_QUOTE: a heading with words under it (the statement results are
 * related to), drawn as a place is but never selected. */
enum row_kind { ROW_HEADING, ROW_ENTITY, ROW_PLACE, ROW_TEXT, ROW_QUOTE };

/* Lines of a statement's words shown under who said it and where. */
#define SUB_LINES 2

struct row {
	enum row_kind kind;
	enum ui_object obj;      /* the entity's kind, for its colour */
	char *text;              /* the line (a place: who and where) */
	char *sub;               /* a place's second line: the words */
	size_t count;            /* an entity's mentions */
	int64_t entity;          /* ROW_ENTITY */
	int found;               /* ROW_ENTITY: a name found from context */
	int64_t article;         /* ROW_PLACE: where to jump */
	size_t start;
	/* ROW_PLACE: sub wrapped to the pane (at most SUB_LINES lines). */
	int wrapped;             /* the width it was wrapped for, 0: not yet */
	int nsub;
	int cut;                 /* more lines than SUB_LINES: the last ends in … */
	size_t sub_off[SUB_LINES], sub_len[SUB_LINES];
};

struct part {
	struct row *v;
	size_t n;
};

/* What the results of `*` or `#` continue with: the entity, and the
 * place of the last row read, the next page's start. */
struct more {
	enum { MORE_NONE, MORE_STATEMENTS, MORE_MENTIONS } kind;
	int64_t entity;
	char *name;              /* the entity's, for the status line */
	char *published;         /* the last row's article's date, or NULL */
	int64_t article, id;     /* ...its article and (a statement's) id */
	size_t start;            /* ...its start */
	size_t read;             /* results read */
	int more;                /* the last page was full: there may be more */
};

/* The view's rows (v->rows) run over the actors, then the results. */
struct side {
	struct ui_view *v;
	int64_t article;         /* the article the actors are of */
	struct part actors, results;
	struct more more;
};

#define RELATED_MAX 50
/* Rows of `*` and `#` read at a time: a few screens. */
#define RESULTS_PAGE 50

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

static void
more_clear(struct more *m)
{
	free(m->name);
	free(m->published);
	memset(m, 0, sizeof *m);
}

/* The results go, and with them what `*` or `#` would read next. */
static void
results_clear(struct side *s)
{
	part_clear(&s->results);
	more_clear(&s->more);
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
has_words(const struct row *r)
{
	return r != NULL && (r->kind == ROW_PLACE || r->kind == ROW_QUOTE);
}

static int
lines(const struct row *r)
{
	if (!has_words(r))
		return 1;
	return 1 + (r->nsub > 0 ? r->nsub : 1);
}

/* Wraps a place's words to width cells (by the text module's rules). */
static void
wrap_row(struct row *r, int width)
{
	struct text_line *ln = NULL;
	size_t n, i;

	if (!has_words(r) || r->wrapped == width)
		return;
	r->wrapped = width;
	n = text_wrap(r->sub, strlen(r->sub), width > 2 ? width : 2, &ln);
	r->nsub = n < SUB_LINES ? (int)n : SUB_LINES;
	r->cut = n > SUB_LINES;
	for (i = 0; i < (size_t)r->nsub; i++) {
		r->sub_off[i] = ln[i].start;
		r->sub_len[i] = ln[i].content_end - ln[i].start;
	}
	free(ln);
}

/* The rows changed: the base learns their number. */
static void
rows_changed(struct ui *ui, struct side *s)
{
	ui_view_set_rows(ui, s->v, nrows(s), s->more.more);
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
	int found = 0;

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
		/* Names found from context come last, under a heading of their
		 * own, in their own colour, with their kind. */
		if (e[i].origin != NULL && strcmp(e[i].origin, "candidate") == 0) {
			if (!found) {
				part_add(&s->actors, ROW_HEADING,
				    xstrdup("Found (+ adds, - hides)"));
				found = 1;
			}
			r = part_add(&s->actors, ROW_ENTITY, xasprintf("%s (%s)", e[i].name,
			    e[i].kind != NULL ? e[i].kind : "?"));
			r->obj = UI_OBJ_SIDE_FOUND;
			r->found = 1;
		} else {
			if (kind == NULL || strcmp(kind, e[i].kind != NULL ? e[i].kind : "") != 0) {
				kind = e[i].kind != NULL ? e[i].kind : "";
				part_add(&s->actors, ROW_HEADING, xstrdup(kind_heading(kind)));
			}
			r = part_add(&s->actors, ROW_ENTITY, xstrdup(e[i].name));
			r->obj = ui_kind_object(e[i].kind);
		}
		r->count = e[i].mentions;
		r->entity = e[i].id;
	}
}

/* A statement as a result row: its article's date, who and in which
 * article, then its words. */
static void
add_statement(struct ui *ui, struct part *p, const struct store_statement *st)
{
	struct row *r;
	const char *who = st->speaker != NULL ? st->speaker : "(unknown speaker)";
	char date[16] = "";

	if (st->published != NULL && st->published[0] != '\0')
		snprintf(date, sizeof date, "%.10s  ", st->published);
	if (st->article_id == ui_article_id(ui) || st->title == NULL)
		r = part_add(p, ROW_PLACE, xasprintf("%s%s", date, who));
	else
		r = part_add(p, ROW_PLACE, xasprintf("%s%s | %s", date, who, st->title));
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
	if (n == 0 && none != NULL)
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

	rows_changed(ui, s);
	s->v->rows.sel = s->actors.n;
	for (i = s->actors.n; i < nrows(s); i++) {
		if (selectable(row(s, i))) {
			s->v->rows.sel = i;
			break;
		}
	}
	s->v->rows.top = s->actors.n;
	ui_focus(ui, UI_VIEW_SIDE);
	ui_mark(ui, UI_DIRTY_SIDE | UI_DIRTY_STATUS);
}

void
ui_side_related(struct ui *ui)
{
	struct side *s = S(ui);
	const struct store_statement *st = ui_article_statement(ui);
	struct store_statement *v = NULL;
	struct row *head;
	const char *body;
	size_t n = 0, len;

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
	results_clear(s);
	/* Headed by the statement itself: who said it, then its words. */
	head = part_add(&s->results, ROW_QUOTE, st->speaker != NULL ?
	    xasprintf("Related to what %s said:", st->speaker) :
	    xstrdup("Related to this statement:"));
	body = ui_article_body(ui, &len);
	head->sub = body != NULL && st->end <= len ?
	    xstrndup(body + st->start, st->end - st->start) : xstrdup("");
	add_statements(ui, &s->results, v, n, "No related statements.");
	ui_message(ui, "%zu related statement%s; Enter jumps, Ctrl-o comes back", n,
	    n == 1 ? "" : "s");
	show_results(ui, s);
}

/* The next page's start: the place of the last row read. */
static void
more_after(struct more *m, const char *published, int64_t article, size_t start, int64_t id)
{
	free(m->published);
	m->published = published != NULL ? xstrdup(published) : NULL;
	m->article = article;
	m->start = start;
	m->id = id;
}

static void
add_mentions(struct part *p, struct store_mention *m, size_t n, const char *none)
{
	struct row *r;
	size_t i;

	for (i = 0; i < n; i++) {
		r = part_add(p, ROW_PLACE, xstrdup(m[i].title != NULL ? m[i].title : "?"));
		r->sub = xstrdup(m[i].text != NULL ? m[i].text : "");
		r->article = m[i].article_id;
		/* A mention in the title is shown from the top of its article. */
		r->start = m[i].in_title ? 0 : m[i].start;
		r->obj = UI_OBJ_ARTICLE_TITLE;
	}
	if (n == 0 && none != NULL)
		part_add(p, ROW_TEXT, xstrdup(none));
	store_mention_list_free(m, n);
}

/* Reads the next page of `*` or `#` under the results; -1 (said) when
 * the store fails, and then no more is read. */
static int
next_page(struct ui *ui, struct side *s)
{
	struct more *m = &s->more;
	struct store_after after = { m->published, m->article, m->start, m->id };
	const struct store_after *from = m->read > 0 ? &after : NULL;
	struct store_statement *v = NULL;
	struct store_mention *w = NULL;
	size_t n = 0;
	int rc;

	if (m->kind == MORE_STATEMENTS) {
		rc = store_statements_find(ui->st, 0, m->entity, 0, from, 0, RESULTS_PAGE, &v, &n);
		if (rc == 0 && n > 0)
			more_after(m, v[n - 1].published, v[n - 1].article_id, v[n - 1].start,
			    v[n - 1].id);
		if (rc == 0)
			add_statements(ui, &s->results, v, n, m->read == 0 ? "No statements." : NULL);
	} else {
		rc = store_entity_mentions(ui->st, m->entity, from, 0, RESULTS_PAGE, &w, &n);
		if (rc == 0 && n > 0) {
			store_mention_after(&w[n - 1], &after);
			more_after(m, after.published, after.article, after.start, after.id);
		}
		if (rc == 0)
			add_mentions(&s->results, w, n, m->read == 0 ? "No mentions." : NULL);
	}
	if (rc != 0) {
		m->more = 0;
		ui_error(ui, "%s", err_msg());
		return -1;
	}
	m->read += n;
	m->more = n == RESULTS_PAGE;
	ui_message(ui, "%zu%s %s%s %s %s", m->read, m->more ? "+" : "",
	    m->kind == MORE_STATEMENTS ? "statement" : "mention",
	    m->read == 1 && !m->more ? "" : "s", m->kind == MORE_STATEMENTS ? "by" : "of", m->name);
	return 0;
}

/* `*` and `#`: the first page of the entity's results, under a heading. */
static void
first_page(struct ui *ui, int kind, int64_t entity, const char *heading)
{
	struct side *s = S(ui);
	char *name = entity_name(ui, entity);

	results_clear(s);
	s->more.kind = kind;
	s->more.entity = entity;
	s->more.name = name;
	part_add(&s->results, ROW_HEADING, xasprintf("%s %s, all articles", heading, name));
	if (next_page(ui, s) != 0) {
		results_clear(s);
		rows_changed(ui, s);
		ui_mark(ui, UI_DIRTY_SIDE);
		return;
	}
	show_results(ui, s);
}

void
ui_side_statements_by(struct ui *ui, int64_t entity)
{
	first_page(ui, MORE_STATEMENTS, entity, "Statements by");
}

void
ui_side_mentions_of(struct ui *ui, int64_t entity)
{
	first_page(ui, MORE_MENTIONS, entity, "Mentions of");
}

/* The selected actor's statements in this article, under the actors. */
static void
actor_here(struct ui *ui, struct side *s, int64_t entity)
{
	struct store_statement *v = NULL;
	size_t n = 0;
	char *name;

	if (store_statements_find(ui->st, ui_article_id(ui), entity, 0, NULL, 0, SIZE_MAX, &v,
	    &n) != 0) {
		ui_error(ui, "%s", err_msg());
		return;
	}
	name = entity_name(ui, entity);
	results_clear(s);
	part_add(&s->results, ROW_HEADING, xasprintf("Statements by %s here", name));
	add_statements(ui, &s->results, v, n, "None in this article (* looks everywhere).");
	free(name);
}

void
ui_side_refresh(struct ui *ui)
{
	struct side *s = S(ui);
	struct ui_rows *r = &s->v->rows;
	int on_results = r->sel >= s->actors.n;
	size_t in_results = r->sel - (on_results ? s->actors.n : 0), sel;

	fill_actors(ui, s);
	rows_changed(ui, s);
	/* Keep the selection where it was within the results. */
	if (on_results && s->results.n > 0)
		sel = s->actors.n + in_results;
	else
		sel = 0;
	if (sel >= nrows(s))
		sel = 0;
	while (sel < nrows(s) && !selectable(row(s, sel)))
		sel++;
	r->sel = sel < nrows(s) ? sel : 0;
	r->top = 0;
	ui_mark(ui, UI_DIRTY_SIDE);
}

/* ---- the view ------------------------------------------------------ */

static int
side_init(struct ui *ui, struct ui_view *v)
{
	struct side *s = xcalloc(1, sizeof *s);

	(void)ui;
	s->v = v;
	v->priv = s;
	return 0;
}

static void
side_free(struct ui *ui, struct ui_view *v)
{
	struct side *s = v->priv;

	(void)ui;
	part_clear(&s->actors);
	results_clear(s);
	free(s);
	v->priv = NULL;
}

/* A row's height depends on the pane's width: its words are wrapped for
 * it (drawn from column 3 of the pane's inner width, side_draw_row). */
static int
side_row_lines(struct ui *ui, struct ui_view *v, size_t i)
{
	struct row *r = row(v->priv, i);

	(void)ui;
	if (r != NULL)
		wrap_row(r, v->w - 5);
	return lines(r);
}

static int
side_selectable(struct ui *ui, struct ui_view *v, size_t i)
{
	(void)ui;
	return selectable(row(v->priv, i));
}

static int
side_draw_row(struct ui *ui, struct ui_view *v, size_t i, int y, struct ui_style base)
{
	const struct row *r = row(v->priv, i);
	struct ui_style st;
	char num[32];
	int x = v->x + 1, w = v->w - 2, cw, k;

	if (r == NULL)
		return 0;
	switch (r->kind) {
	case ROW_HEADING:
		ui_draw_cut(ui, y, x, w, r->text, strlen(r->text), ui_style_over(base,
		    ui_style(ui, UI_OBJ_SIDE_HEADING)));
		break;
	case ROW_TEXT:
		ui_draw_cut(ui, y, x + 1, w - 1, r->text, strlen(r->text), base);
		break;
	case ROW_ENTITY:
		cw = snprintf(num, sizeof num, " %zu", r->count);
		st = ui_style_over(base, ui_style(ui, r->obj));
		if (r->entity == ui_article_selected_entity(ui))
			st.attr |= A_BOLD | A_UNDERLINE;
		ui_draw_cut(ui, y, x + 1, w - 1 - cw, r->text, strlen(r->text), st);
		ui_draw_str(ui, y, x + w - cw, cw, num,
		    ui_style_over(base, ui_style(ui, UI_OBJ_SIDE_COUNT)));
		break;
	case ROW_PLACE:
	case ROW_QUOTE:
		if (r->kind == ROW_QUOTE)
			ui_draw_cut(ui, y, x, w, r->text, strlen(r->text), ui_style_over(base,
			    ui_style(ui, UI_OBJ_SIDE_HEADING)));
		else
			ui_draw_cut(ui, y, x + 1, w - 1, r->text, strlen(r->text),
			    ui_style_over(base, ui_style(ui, r->obj)));
		for (k = 0; k < r->nsub; k++) {
			int used = ui_draw_text(ui, y + 1 + k, x + 3, w - 3, r->sub + r->sub_off[k],
			    r->sub_len[k], base);
			/* Words left unshown: the last line shown says so. */
			if (r->cut && k == r->nsub - 1)
				ui_draw_cut(ui, y + 1 + k, x + 3, used + 1 <= w - 3 ? used + 1 : w - 3,
				    r->sub + r->sub_off[k], strlen(r->sub + r->sub_off[k]), base);
		}
		break;
	}
	return 1;
}

/* The rows a layer of the article keeps at the pane's foot (the first
 * that asks), and which layer. */
static int
layer_rows(struct ui *ui, int h, struct ui_layer **which)
{
	size_t i;
	int n;

	*which = NULL;
	for (i = 0; i < ui->nlayers; i++) {
		struct ui_layer *l = &ui->layers[i];
		if (l->ops->side_rows != NULL && l->ops->side_draw != NULL &&
		    (n = l->ops->side_rows(ui, l, h)) > 0) {
			*which = l;
			return n;
		}
	}
	return 0;
}

/* What / finds in a row: its line and a statement's words. */
static int
side_row_text(struct ui *ui, struct ui_view *v, size_t i, struct buf *out)
{
	const struct row *r = row(v->priv, i);

	(void)ui;
	if (r == NULL)
		return 0;
	buf_printf(out, "%s %s", r->text, r->sub != NULL ? r->sub : "");
	return 1;
}

static void
side_draw(struct ui *ui, struct ui_view *v)
{
	struct side *s = v->priv;
	struct ui_layer *l;
	int annh;

	if (ui_article_id(ui) <= 0 && s->results.n == 0) {
		ui_draw_str(ui, v->y, v->x + 1, v->w - 1, "No article open.",
		    ui_style(ui, UI_OBJ_NORMAL));
		return;
	}
	/* The bottom rows are the article's layers' (its annotations). */
	annh = layer_rows(ui, v->h, &l);
	v->h -= annh;
	if (s->article != ui_article_id(ui)) {
		fill_actors(ui, s);
		rows_changed(ui, s);
	}
	ui_view_draw_rows(ui, v);
	v->h += annh;
	if (l != NULL)
		l->ops->side_draw(ui, l, v->y + v->h - annh, v->x, annh, v->w);
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
	size_t sel = v->rows.sel;
	const struct row *r = row(s, sel);

	(void)ui;
	if (r == NULL || !selectable(r))
		return;
	if (sel >= s->actors.n) {
		size_t i, k = 0, n = 0;
		for (i = 0; i < s->results.n; i++) {
			if (s->results.v[i].kind == ROW_PLACE) {
				n++;
				if (s->actors.n + i <= sel)
					k++;
			}
		}
		buf_printf(out, "result %zu/%zu%s", k, n, s->more.more ? "+" : "");
	} else {
		buf_printf(out, "%s", r->text);
	}
}

static void
side_open(struct ui *ui, struct ui_view *v, size_t i)
{
	struct side *s = v->priv;
	struct row *r = row(s, i);
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
			results_clear(s);
			ui_message(ui, "no actor selected");
		}
		rows_changed(ui, s);
		ui_mark(ui, UI_DIRTY_SIDE | UI_DIRTY_STATUS | UI_DIRTY_ARTICLE);
		return;
	}
	id = r->article;
	start = r->start;
	ui_article_jump_push(ui);
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

/* + and - on a found name: the user's knowledge base gains it, or it is
 * hidden (its mentions and statements dropped, not found again). */
static void
judge_found(struct ui *ui, const struct row *r, int promote)
{
	char *name;
	int rc;

	if (ui->focus != UI_VIEW_SIDE || r == NULL || r->kind != ROW_ENTITY || !r->found) {
		ui_message(ui, "%s acts on a name under Found in the side pane", promote ? "+" : "-");
		return;
	}
	name = xstrdup(r->text);
	rc = promote ? store_entity_promote(ui->st, r->entity) : store_entity_dismiss(ui->st, r->entity);
	if (rc != 0)
		ui_error(ui, "%s", err_msg());
	else {
		ui_message(ui, promote ? "%s: added to your knowledge base" : "%s: hidden", name);
		ui_views_reload(ui, 1);
	}
	free(name);
}

static int
side_action(struct ui *ui, struct ui_view *v, enum ui_action a, int count)
{
	struct row *r = row(v->priv, v->rows.sel);
	int64_t id = 0;

	(void)count;
	switch (a) {
	case UI_ACT_BACK:
		ui_focus(ui, UI_VIEW_ARTICLE);
		return 1;
	case UI_ACT_RELATED:
		ui_side_related(ui);
		return 1;
	case UI_ACT_ACTOR_STATEMENTS:
		/* The actor selected here, else the article's own `*`. */
		if (ui->focus == UI_VIEW_SIDE && r != NULL && r->kind == ROW_ENTITY)
			id = r->entity;
		else if (ui_article_id(ui) > 0)
			id = ui_article_actor_here(ui);
		else
			ui_message(ui, "no article open: Enter opens one from the list");
		if (id != 0)
			ui_side_statements_by(ui, id);
		return 1;
	case UI_ACT_PROMOTE_FOUND:
	case UI_ACT_DISMISS_FOUND:
		judge_found(ui, r, a == UI_ACT_PROMOTE_FOUND);
		return 1;
	case UI_ACT_AGREEMENT_MENTIONS:
		if (ui->focus == UI_VIEW_SIDE && r != NULL && r->kind == ROW_ENTITY)
			id = r->entity;
		else if (ui_article_id(ui) > 0)
			id = ui_article_agreement_here(ui);
		else
			ui_message(ui, "no article open: Enter opens one from the list");
		if (id != 0)
			ui_side_mentions_of(ui, id);
		return 1;
	default:
		return 0;
	}
}

/* The base wants rows [from, from + want): the next pages of `*` or `#`
 * are read while they would show past the end of what is read. */
static void
side_fetch(struct ui *ui, struct ui_view *v, size_t from, size_t want)
{
	struct side *s = v->priv;
	size_t had = nrows(s);

	while (s->more.more && from + want >= nrows(s) && next_page(ui, s) == 0)
		;
	/* Set here, not through ui_view_set_rows: this runs while the rows
	 * are drawn, which keep their place. */
	v->rows.n = nrows(s);
	v->rows.more = s->more.more;
	if (nrows(s) != had)
		ui_mark(ui, UI_DIRTY_SIDE | UI_DIRTY_STATUS);
}

static void
side_resize(struct ui *ui, struct ui_view *v)
{
	ui_view_keep_visible(ui, v);
}

static void
side_refresh(struct ui *ui, struct ui_view *v)
{
	(void)v;
	ui_side_refresh(ui);
}

const struct ui_view_ops ui_side_ops = {
	.name = "Side",
	.mode = "SIDE",
	.keymap = UI_KM_SIDE,
	.init = side_init,
	.free = side_free,
	.draw = side_draw,
	.title = side_title,
	.action = side_action,
	.position = side_position,
	.resize = side_resize,
	.refresh = side_refresh,
	.draw_row = side_draw_row,
	.row_lines = side_row_lines,
	.selectable = side_selectable,
	.open = side_open,
	.row_text = side_row_text,
	.fetch = side_fetch,
};
