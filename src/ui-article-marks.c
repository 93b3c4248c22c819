/*
 * ui-article-marks.c: what extraction found in the open article, as two
 * layers of the reading view: its statements (the one under the cursor
 * stands out, and the status bar names its speaker) and the mentions of
 * actors and agreements (the selected actor's stand out more). ]s [s ]m
 * [m step through them. Statements and mentions are read for a window
 * around what is shown, so opening a 10 MB article or paging through it
 * costs a row per mark on screen; each next one beyond the window is found
 * by the store's index. The article's actors with their counts (the side
 * pane's upper part) are counted once the article is on screen.
 *
 * Both layers share one state, the statement layer's: the window read.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#define DOSSIER_UI_INTERNAL
#include "store.h"
#include "text.h"
#include "ui.h"

/* Statements and mentions are read for what is shown and this many bytes
 * of body each side, so that paging reads them seldom. */
#define MARK_MARGIN ((size_t)32768)

struct marks {
	int64_t article;               /* whose marks these are */
	struct store_statement *sts;   /* those in the window, in text order */
	size_t nsts;
	struct ui_spans mentions;      /* the window's, sorted, each with its entity */
	size_t win_lo, win_hi;         /* the body range whose marks are read */
	int win_loaded;
	struct store_entity *ents;     /* grouped by kind */
	size_t nents;
	int ents_loaded;
	int64_t selected;              /* the actor ]m steps through */
};

static struct marks *
M(struct ui *ui)
{
	struct ui_layer *l = ui_article_layer(ui, &ui_statement_layer);

	return l != NULL ? l->priv : NULL;
}

enum ui_object
ui_kind_object(const char *kind)
{
	static const struct {
		const char *kind;
		enum ui_object obj;
	} kinds[] = {
		{ "person", UI_OBJ_PERSON },
		{ "state", UI_OBJ_STATE },
		{ "organization", UI_OBJ_ORGANIZATION },
		{ "place", UI_OBJ_PLACE },
		{ "agreement", UI_OBJ_AGREEMENT },
		{ "event", UI_OBJ_EVENT },
	};
	size_t i;

	for (i = 0; kind != NULL && i < ARRAY_LEN(kinds); i++) {
		if (strcmp(kind, kinds[i].kind) == 0)
			return kinds[i].obj;
	}
	return UI_OBJ_NORMAL;
}

static void
drop_window(struct marks *m)
{
	store_statement_list_free(m->sts, m->nsts);
	m->sts = NULL;
	m->nsts = 0;
	m->mentions.n = 0;
	m->win_loaded = 0;
}

static void
drop_all(struct marks *m)
{
	drop_window(m);
	store_entity_list_free(m->ents, m->nents);
	m->ents = NULL;
	m->nents = 0;
	m->ents_loaded = 0;
	m->selected = 0;
}

/*
 * What extraction found in the body's range [lo, hi) (widened by the
 * margin): its statements, and the mentions of its listed entities (each
 * span carrying its entity). Only spans are read, never words, so the
 * cost is a row per mark shown. A failure leaves the article readable,
 * just plain; it is said on the message line.
 */
static void
load_window(struct ui *ui, struct marks *m, size_t lo, size_t hi)
{
	struct store_mark *mk = NULL;
	size_t nm = 0, len, i;

	ui_article_body(ui, &len);
	drop_window(m);
	m->win_lo = lo > MARK_MARGIN ? lo - MARK_MARGIN : 0;
	m->win_hi = hi + MARK_MARGIN < len ? hi + MARK_MARGIN : SIZE_MAX;
	m->win_loaded = 1;
	if (store_article_statement_marks(ui->st, m->article, m->win_lo, m->win_hi, &m->sts,
	    &m->nsts) != 0 ||
	    store_article_marks(ui->st, m->article, m->win_lo, m->win_hi, &mk, &nm) != 0) {
		ui_error(ui, "%s", err_msg());
		store_statement_list_free(m->sts, m->nsts);
		m->sts = NULL;
		m->nsts = 0;
		free(mk);
		return;
	}
	for (i = 0; i < nm; i++) {
		if (mk[i].end <= len)
			ui_spans_add(&m->mentions, (struct ui_span){ .start = mk[i].start,
			    .end = mk[i].end, .obj = ui_kind_object(mk[i].kind), .id = mk[i].id });
	}
	ui_spans_sort(&m->mentions);
	free(mk);
}

/* The marks of [lo, hi) are at hand, read anew only when that range
 * leaves the window read last. */
static void
ensure_window(struct ui *ui, struct marks *m, size_t lo, size_t hi)
{
	if (m->article <= 0 || (m->win_loaded && lo >= m->win_lo && hi <= m->win_hi))
		return;
	load_window(ui, m, lo, hi);
}

/* The article's entities with their counts (the side pane's actors):
 * counting them reads every mention of the article, so it is done once
 * the article is on screen (the layer's idle), or when something needs it. */
static void
ensure_ents(struct ui *ui, struct marks *m)
{
	struct store_entity *found = NULL;
	size_t nfound = 0;

	if (m->article <= 0 || m->ents_loaded)
		return;
	m->ents_loaded = 1;
	if (store_article_entities(ui->st, m->article, 0, &m->ents, &m->nents) != 0) {
		ui_error(ui, "%s", err_msg());
		return;
	}
	/* Then the names found from context, which the side pane shows apart. */
	if (store_article_entities(ui->st, m->article, 1, &found, &nfound) != 0) {
		ui_error(ui, "%s", err_msg());
		return;
	}
	if (nfound > 0) {
		m->ents = xreallocarray(m->ents, m->nents + nfound, sizeof *m->ents);
		memcpy(m->ents + m->nents, found, nfound * sizeof *found);
		m->nents += nfound;
	}
	free(found);
}

struct statement_key {
	const struct marks *m;
	size_t off;
};

static int
statement_past(const void *arg, size_t i)
{
	const struct statement_key *k = arg;

	return k->m->sts[i].start > k->off;
}

static const struct store_statement *
statement_at(struct ui *ui, struct marks *m, size_t off)
{
	struct statement_key k = { m, off };
	size_t lo;

	ensure_window(ui, m, off, off + 1);
	lo = text_search(m->nsts, statement_past, &k);
	if (lo == 0 || m->sts[lo - 1].end <= off)
		return NULL;
	/* Two speakers of one sentence ("the two leaders said"): the first,
	 * as `dossier statements` lists them. */
	while (lo > 1 && m->sts[lo - 2].start == m->sts[lo - 1].start &&
	    m->sts[lo - 2].end > off)
		lo--;
	return &m->sts[lo - 1];
}

/* ---- what the other views ask ------------------------------------------- */

int
ui_article_actors_counted(struct ui *ui)
{
	struct marks *m = M(ui);

	return m == NULL || m->article <= 0 || m->ents_loaded;
}

const struct store_statement *
ui_article_statement(struct ui *ui)
{
	struct marks *m = M(ui);

	return m != NULL && m->article > 0 ? statement_at(ui, m, ui_article_offset(ui)) : NULL;
}

const struct store_entity *
ui_article_entities(struct ui *ui, size_t *n)
{
	struct marks *m = M(ui);

	*n = m != NULL ? m->nents : 0;
	return m != NULL ? m->ents : NULL;
}

/* The entity mentioned under the cursor, or 0. */
static int64_t
entity_at(struct ui *ui, struct marks *m)
{
	size_t cur = ui_article_offset(ui);
	const struct ui_span *s;

	if (m->article <= 0)
		return 0;
	ensure_window(ui, m, cur, cur + 1);
	s = ui_spans_at(&m->mentions, cur);
	return s != NULL ? s->id : 0;
}

void
ui_article_select_entity(struct ui *ui, int64_t id)
{
	struct marks *m = M(ui);

	if (m != NULL)
		m->selected = id;
	ui_mark(ui, UI_DIRTY_ARTICLE | UI_DIRTY_SIDE);
}

int64_t
ui_article_selected_entity(struct ui *ui)
{
	struct marks *m = M(ui);

	return m != NULL ? m->selected : 0;
}

void
ui_article_speaker(struct ui *ui, struct buf *out)
{
	const struct store_statement *s = ui_article_statement(ui);

	if (s != NULL && s->speaker != NULL)
		buf_printf(out, "  %s says", s->speaker);
}

static int
is_agreement(struct ui *ui, struct marks *m, int64_t id)
{
	size_t i;

	ensure_ents(ui, m);
	for (i = 0; id != 0 && i < m->nents; i++) {
		if (m->ents[i].id == id)
			return m->ents[i].kind != NULL && strcmp(m->ents[i].kind, "agreement") == 0;
	}
	return 0;
}

int64_t
ui_article_actor_here(struct ui *ui)
{
	struct marks *m = M(ui);
	const struct store_statement *st = ui_article_statement(ui);
	int64_t id;

	if (m == NULL)
		return 0;
	id = entity_at(ui, m);
	if (id == 0 && st != NULL)
		id = st->speaker_id;
	if (id == 0)
		id = m->selected;
	if (id == 0)
		ui_message(ui, "no actor here: put the cursor on a name or a statement");
	return id;
}

int64_t
ui_article_agreement_here(struct ui *ui)
{
	struct marks *m = M(ui);
	const struct store_statement *st = ui_article_statement(ui);
	int64_t id;
	size_t i;

	if (m == NULL)
		return 0;
	id = entity_at(ui, m);
	if (!is_agreement(ui, m, id))
		id = is_agreement(ui, m, m->selected) ? m->selected : 0;
	for (i = 0; id == 0 && st != NULL && i < m->mentions.n; i++) {
		const struct ui_span *s = &m->mentions.v[i];
		if (s->start >= st->start && s->end <= st->end && is_agreement(ui, m, s->id))
			id = s->id;
	}
	if (id == 0)
		ui_message(ui, "no agreement here: put the cursor on one");
	return id;
}

/* ---- the layers ---------------------------------------------------------- */

/* Whether the article's title names the actor ID, whose
 * body has no mention: titles' mentions are counted in the side pane but
 * are no place in the text to step to. */
static int
in_title_only(struct ui *ui, int64_t article, int64_t id)
{
	int named;

	if (store_title_names(ui->st, article, id, &named) != 0) {
		err_clear();
		return 0;
	}
	return named;
}

/* Statements and mentions (of actor id, or of any when it is 0) are read
 * for the screen only: the store finds each next one by its index,
 * however far into the article. */
static void
step_mark(struct ui *ui, struct marks *m, enum store_mark_kind kind, int dir, long count,
    int64_t id, const char *what)
{
	size_t off = ui_article_offset(ui), at, k, n;
	int rc = 1, moved = 0;

	while (count-- > 0 &&
	    (rc = store_article_mark_step(ui->st, kind, m->article, id, off, dir, &at)) == 0) {
		off = at;
		moved = 1;
	}
	if (rc < 0) {
		ui_error(ui, "%s", err_msg());
		return;
	}
	if (!moved) {
		rc = store_article_mark_step(ui->st, kind, m->article, id, SIZE_MAX, -1, &at);
		if (rc < 0)
			err_clear();
		if (rc == 1 && kind == STORE_MARK_MENTION && id != 0 &&
		    in_title_only(ui, m->article, id))
			ui_message(ui, "no %s in the text, only in the title", what);
		else if (rc == 1)
			ui_message(ui, "no %s in this article", what);
		else
			ui_message(ui, "no %s %s here", what, dir > 0 ? "after" : "before");
		return;
	}
	ui_article_goto(ui, off);
	/* Where this one is among them: "statement 3 of 12". */
	if (store_article_mark_rank(ui->st, kind, m->article, id, off, &k, &n) != 0) {
		ui_error(ui, "%s", err_msg());
		return;
	}
	ui_message(ui, "%s %zu of %zu", kind == STORE_MARK_STATEMENT ? "statement" : "mention",
	    k, n);
}

static int
marks_action(struct ui *ui, struct ui_layer *l, enum ui_action a, int count)
{
	struct marks *m = l->priv;
	long n = count > 0 ? count : 1;

	switch (a) {
	case UI_ACT_NEXT_STATEMENT:
	case UI_ACT_PREV_STATEMENT:
		step_mark(ui, m, STORE_MARK_STATEMENT, a == UI_ACT_NEXT_STATEMENT ? 1 : -1, n, 0,
		    "statements");
		return 1;
	case UI_ACT_NEXT_MENTION:
	case UI_ACT_PREV_MENTION:
		step_mark(ui, m, STORE_MARK_MENTION, a == UI_ACT_NEXT_MENTION ? 1 : -1, n,
		    m->selected, m->selected != 0 ? "mentions of the selected actor" : "mentions");
		return 1;
	default:
		return 0;
	}
}

/* The statements over [from, to), the one under the cursor standing out.
 * The window read covers the cursor too, so it does not move under the
 * statement the status bar names. */
static void
statement_spans(struct ui *ui, struct ui_layer *l, size_t from, size_t to,
    struct ui_spans *out)
{
	struct marks *m = l->priv;
	size_t cur = ui_article_offset(ui), i;
	const struct store_statement *current;

	ensure_window(ui, m, from < cur ? from : cur, (to > cur ? to : cur) + 1);
	current = statement_at(ui, m, cur);
	for (i = 0; i < m->nsts; i++) {
		if (m->sts[i].end <= from || m->sts[i].start >= to)
			continue;
		ui_spans_add(out, (struct ui_span){ .start = m->sts[i].start, .end = m->sts[i].end,
		    .obj = &m->sts[i] == current ? UI_OBJ_STATEMENT_CURRENT : UI_OBJ_STATEMENT,
		    .id = m->sts[i].id });
	}
}

/* The mentions over [from, to); the selected actor's stand out. */
static void
mention_spans(struct ui *ui, struct ui_layer *l, size_t from, size_t to, struct ui_spans *out)
{
	struct marks *m = M(ui);
	size_t i;

	(void)l;
	if (m == NULL)
		return;
	ensure_window(ui, m, from, to);
	for (i = 0; i < m->mentions.n; i++) {
		struct ui_span s = m->mentions.v[i];

		if (s.end <= from || s.start >= to)
			continue;
		if (s.id == m->selected && m->selected != 0) {
			s.styled = 1;
			s.style = ui_style(ui, s.obj);
			s.style.attr |= A_BOLD | A_UNDERLINE;
		}
		ui_spans_add(out, s);
	}
}

static void
marks_opened(struct ui *ui, struct ui_layer *l)
{
	struct marks *m = l->priv;

	drop_all(m);
	m->article = ui_article_id(ui);
}

/* Another program changed the database (the knowledge base edited and
 * the article analysed again): its marks and actors are read again; the
 * actor selected stays selected. */
static void
marks_reload(struct ui *ui, struct ui_layer *l)
{
	struct marks *m = l->priv;
	int64_t selected = m->selected;

	(void)ui;
	drop_all(m);
	m->selected = selected;
}

/* Once the article is on screen: its actors are counted, and the views
 * that show them are told. */
static int
marks_idle(struct ui *ui, struct ui_layer *l)
{
	struct marks *m = l->priv;

	if (m->article <= 0 || m->ents_loaded)
		return 0;
	ensure_ents(ui, m);
	ui_views_refresh(ui);
	return 1;
}

static int
marks_init(struct ui *ui, struct ui_layer *l)
{
	(void)ui;
	l->priv = xcalloc(1, sizeof(struct marks));
	return 0;
}

static void
marks_free(struct ui *ui, struct ui_layer *l)
{
	struct marks *m = l->priv;

	(void)ui;
	if (m == NULL)
		return;
	drop_all(m);
	free(m->mentions.v);
	free(m);
	l->priv = NULL;
}

const struct ui_layer_ops ui_statement_layer = {
	.name = "statements",
	.init = marks_init,
	.free = marks_free,
	.opened = marks_opened,
	.reload = marks_reload,
	.spans = statement_spans,
	.action = marks_action,
	.idle = marks_idle,
};

const struct ui_layer_ops ui_mention_layer = {
	.name = "mentions",
	.spans = mention_spans,
};
