/*
 * ui-article.c: the reading view. The open article is shown as its title,
 * a line of metadata, a blank line, then the body's paragraphs with a
 * blank line between them, all wrapped by the text module's layout (which
 * also makes every byte safe to draw). Layout is lazy and cached per
 * paragraph, so opening an article, paging, or G in a 10 MB one costs
 * what the screen shows, not what the article holds.
 *
 * The cursor is a byte offset into the body, the unit every other part of
 * dossier speaks (statements, mentions, highlights, search hits); where
 * it is on screen is derived each frame. A display line is named by its
 * part, its text line (byte offsets) and whether it is the blank line
 * after that text line's paragraph; never by a line number, which would
 * need the whole article laid out.
 *
 * Statements, mentions, annotations and search hits are layers of styled
 * byte ranges drawn over the text, later layers over earlier ones.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#define DOSSIER_UI_INTERNAL
#include "store.h"
#include "text.h"
#include "ui.h"

enum part { PART_TITLE, PART_META, PART_BODY, PART_COUNT };

struct pos {
	int part;
	struct text_line ln;
	int gap;               /* the blank line after ln's paragraph */
};

struct layer {
	struct ui_span *v;
	size_t n;
};

/* Search: case-insensitive unless the pattern has capitals (smartcase). */
struct search {
	char *pattern;
	char *folded;          /* the pattern, case-folded */
	size_t flen;
	int exact;             /* the pattern has capitals: match as typed */
	int backward;
};

struct article {
	int64_t id;
	struct store_article a;
	char *meta;
	struct text_layout *lay[PART_COUNT];
	struct text_span *paras;
	size_t npara;
	struct layer layers[UI_LAYER_COUNT];
	struct store_statement *sts;   /* those in the window, in text order */
	size_t nsts;
	size_t win_lo, win_hi;         /* the body range whose marks are read */
	int win_loaded;
	struct store_entity *ents;     /* grouped by kind */
	size_t nents;
	int ents_loaded;
	int64_t selected;              /* the actor ]m steps through */
	size_t cur;            /* the cursor: a byte offset in the body */
	int goal;              /* column j/k keep; -1: the cursor's own */
	struct pos top;
	int width;
	struct search search;
};

/* Lines of context kept around the cursor when scrolling. */
#define SCROLLOFF 2
/* Statements and mentions are read for what is shown and this many bytes
 * of body each side, so that paging reads them seldom and opening an
 * article costs what the screen shows, however long the article. */
#define MARK_MARGIN ((size_t)32768)
/* Search folds the body in windows this large, so memory stays small. */
#define SEARCH_CHUNK 65536

static struct article *
A(struct ui *ui)
{
	return ui->views[UI_VIEW_ARTICLE].priv;
}

/* ---- display lines ------------------------------------------------- */

/* A blank line between the header and the body. */
static int
gap_after_part(struct article *ar, int part)
{
	return part == PART_META || (part == PART_TITLE && ar->lay[PART_META] == NULL);
}

static int
part_first(struct article *ar, int part, struct pos *p)
{
	for (; part < PART_COUNT; part++) {
		if (ar->lay[part] != NULL && text_layout_first(ar->lay[part], &p->ln)) {
			p->part = part;
			p->gap = 0;
			return 1;
		}
	}
	return 0;
}

static int
part_last(struct article *ar, int part, struct pos *p)
{
	for (; part >= 0; part--) {
		if (ar->lay[part] != NULL && text_layout_last(ar->lay[part], &p->ln)) {
			p->part = part;
			p->gap = gap_after_part(ar, part);
			return 1;
		}
	}
	return 0;
}

static int
next_pos(struct article *ar, struct pos *p)
{
	struct text_line out;

	if (p->gap) {
		if (p->part == PART_BODY) {
			if (!text_layout_para_first(ar->lay[PART_BODY], p->ln.para + 1, &out))
				return 0;
			p->ln = out;
			p->gap = 0;
			return 1;
		}
		return part_first(ar, p->part + 1, p);
	}
	if (text_layout_next(ar->lay[p->part], &p->ln, &out)) {
		if (p->part == PART_BODY && out.para != p->ln.para)
			p->gap = 1;
		else
			p->ln = out;
		return 1;
	}
	if (gap_after_part(ar, p->part)) {
		p->gap = 1;
		return 1;
	}
	return part_first(ar, p->part + 1, p);
}

static int
prev_pos(struct article *ar, struct pos *p)
{
	struct text_line out;

	if (p->gap) {
		p->gap = 0;
		return 1;
	}
	if (text_layout_prev(ar->lay[p->part], &p->ln, &out)) {
		p->gap = p->part == PART_BODY && out.para != p->ln.para;
		p->ln = out;
		return 1;
	}
	return p->part > 0 && part_last(ar, p->part - 1, p);
}

static int
pos_cmp(const struct pos *a, const struct pos *b)
{
	if (a->part != b->part)
		return a->part < b->part ? -1 : 1;
	if (a->ln.start != b->ln.start)
		return a->ln.start < b->ln.start ? -1 : 1;
	return a->gap - b->gap;
}

static int
is_body(const struct pos *p)
{
	return p->part == PART_BODY && !p->gap;
}

static struct pos
pos_of(struct article *ar, size_t off)
{
	struct pos p;

	memset(&p, 0, sizeof p);
	if (text_layout_line_at(ar->lay[PART_BODY], off, &p.ln)) {
		p.part = PART_BODY;
		return p;
	}
	/* No body: the end of the header stands in. */
	part_last(ar, PART_META, &p);
	return p;
}

/* ---- layers -------------------------------------------------------- */

static int
span_cmp(const void *a, const void *b)
{
	const struct ui_span *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

static void
set_layer(struct article *ar, enum ui_layer layer, const struct ui_span *v, size_t n)
{
	struct layer *l = &ar->layers[layer];

	free(l->v);
	l->v = NULL;
	l->n = 0;
	if (n == 0)
		return;
	l->v = xreallocarray(NULL, n, sizeof *v);
	memcpy(l->v, v, n * sizeof *v);
	l->n = n;
	qsort(l->v, n, sizeof *v, span_cmp);
}

void
ui_article_set_layer(struct ui *ui, enum ui_layer layer, const struct ui_span *v, size_t n)
{
	set_layer(A(ui), layer, v, n);
	ui_mark(ui, UI_DIRTY_ARTICLE);
}

/* Index of the last span starting at or before off, or n. */
static size_t
last_starting(const struct ui_span *v, size_t n, size_t off)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].start <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo == 0 ? n : lo - 1;
}

/* The span covering off (the latest-starting one of those that do). */
static const struct ui_span *
span_at(const struct layer *l, size_t off)
{
	size_t i = last_starting(l->v, l->n, off), k;

	if (i == l->n)
		return NULL;
	/* Spans may nest or overlap: look back a little for one still open. */
	for (k = 0; k < 16; k++, i--) {
		if (l->v[i].end > off)
			return &l->v[i];
		if (i == 0)
			break;
	}
	return NULL;
}

static void ensure_window(struct ui *ui, struct article *ar, size_t lo, size_t hi);

static const struct store_statement *
statement_at(struct ui *ui, struct article *ar, size_t off)
{
	size_t lo = 0, hi;

	ensure_window(ui, ar, off, off + 1);
	hi = ar->nsts;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ar->sts[mid].start <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0 && ar->sts[lo - 1].end > off)
		return &ar->sts[lo - 1];
	return NULL;
}

/* ---- opening ------------------------------------------------------- */

static void
free_analysis(struct article *ar)
{
	store_statement_list_free(ar->sts, ar->nsts);
	store_entity_list_free(ar->ents, ar->nents);
	ar->sts = NULL;
	ar->nsts = 0;
	ar->ents = NULL;
	ar->nents = 0;
	ar->win_loaded = 0;
	ar->ents_loaded = 0;
}

static void
close_article(struct article *ar)
{
	int i;

	if (ar->id > 0)
		store_article_free(&ar->a);
	for (i = 0; i < PART_COUNT; i++) {
		text_layout_free(ar->lay[i]);
		ar->lay[i] = NULL;
	}
	for (i = 0; i < UI_LAYER_COUNT; i++)
		set_layer(ar, (enum ui_layer)i, NULL, 0);
	free_analysis(ar);
	ar->selected = 0;
	free(ar->meta);
	free(ar->paras);
	ar->meta = NULL;
	ar->paras = NULL;
	ar->npara = 0;
	ar->id = 0;
	ar->cur = 0;
	ar->goal = -1;
	memset(&ar->top, 0, sizeof ar->top);
}

static struct text_layout *
one_paragraph(const char *s, int width)
{
	struct text_span sp = { 0, strlen(s) };
	struct text_layout *l;

	if (sp.end == 0)
		return NULL;
	l = text_layout_new(s, sp.end, &sp, 1);
	text_layout_set_width(l, width);
	return l;
}

/* The paragraphs found at import; an article stored without them is
 * split here the same way. */
static void
load_paragraphs(struct ui *ui, struct article *ar)
{
	struct text_span *sp = NULL;
	size_t n = 0;

	if (store_paragraphs_get(ui->st, ar->id, &sp, &n) == 0 && n > 0) {
		ar->paras = sp;
		ar->npara = n;
		return;
	}
	err_clear();
	free(sp);
	ar->npara = text_paragraphs(ar->a.body, ar->a.body_len, &ar->paras);
}

static void
build(struct ui *ui, struct article *ar)
{
	struct buf m;
	int w = ar->width > 2 ? ar->width : 78;

	buf_init(&m);
	if (ar->a.outlet != NULL && ar->a.outlet[0] != '\0')
		buf_printf(&m, "%s", ar->a.outlet);
	if (ar->a.published != NULL && ar->a.published[0] != '\0')
		buf_printf(&m, "%s%s", m.len ? " | " : "", ar->a.published);
	if (ar->a.dateline != NULL && ar->a.dateline[0] != '\0')
		buf_printf(&m, "%s%s", m.len ? " | " : "", ar->a.dateline);
	buf_addc(&m, '\0');
	ar->meta = buf_detach(&m, NULL);
	ar->lay[PART_TITLE] = one_paragraph(ar->a.title, w);
	ar->lay[PART_META] = one_paragraph(ar->meta, w);
	load_paragraphs(ui, ar);
	ar->lay[PART_BODY] = text_layout_new(ar->a.body, ar->a.body_len, ar->paras, ar->npara);
	text_layout_set_width(ar->lay[PART_BODY], w);
}

static void
set_width(struct article *ar, int w)
{
	int i;

	if (w < 2 || w == ar->width)
		return;
	ar->width = w;
	for (i = 0; i < PART_COUNT; i++) {
		if (ar->lay[i] != NULL)
			text_layout_set_width(ar->lay[i], w);
	}
}

/* The width text is wrapped to: the pane less a cell each side. */
static int
text_width(struct ui *ui)
{
	int w = ui->views[UI_VIEW_ARTICLE].w - 2;

	return w >= 2 ? w : 2;
}

static int
rows(struct ui *ui)
{
	int h = ui->views[UI_VIEW_ARTICLE].h;

	return h > 0 ? h : 1;
}

static void keep_cursor(struct ui *ui, struct article *ar);

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

/*
 * What extraction found in the body's range [lo, hi) (widened by the
 * margin): its statements, and the mentions of its listed entities as
 * the mention layer (each span carrying its entity). Only spans are read,
 * never words, so the cost is a row per mark shown. A failure leaves the
 * article readable, just plain; it is said on the message line.
 */
static void
load_window(struct ui *ui, struct article *ar, size_t lo, size_t hi)
{
	struct store_mark *m = NULL;
	struct ui_span *spans;
	size_t nm = 0, ns = 0, i;

	store_statement_list_free(ar->sts, ar->nsts);
	ar->sts = NULL;
	ar->nsts = 0;
	ar->win_lo = lo > MARK_MARGIN ? lo - MARK_MARGIN : 0;
	ar->win_hi = hi + MARK_MARGIN < ar->a.body_len ? hi + MARK_MARGIN : SIZE_MAX;
	ar->win_loaded = 1;
	if (store_article_statement_marks(ui->st, ar->id, ar->win_lo, ar->win_hi, &ar->sts,
	    &ar->nsts) != 0 ||
	    store_article_marks(ui->st, ar->id, ar->win_lo, ar->win_hi, &m, &nm) != 0) {
		ui_error(ui, "%s", err_msg());
		store_statement_list_free(ar->sts, ar->nsts);
		ar->sts = NULL;
		ar->nsts = 0;
		set_layer(ar, UI_LAYER_MENTION, NULL, 0);
		set_layer(ar, UI_LAYER_STATEMENT, NULL, 0);
		return;
	}
	spans = xreallocarray(NULL, (nm > ar->nsts ? nm : ar->nsts) + 1, sizeof *spans);
	for (i = 0; i < nm; i++) {
		if (m[i].end > ar->a.body_len)
			continue;
		spans[ns++] = (struct ui_span){ .start = m[i].start, .end = m[i].end,
		    .obj = ui_kind_object(m[i].kind), .id = m[i].id };
	}
	set_layer(ar, UI_LAYER_MENTION, spans, ns);
	for (i = 0; i < ar->nsts; i++)
		spans[i] = (struct ui_span){ .start = ar->sts[i].start, .end = ar->sts[i].end,
		    .obj = UI_OBJ_STATEMENT, .id = ar->sts[i].id };
	set_layer(ar, UI_LAYER_STATEMENT, spans, ar->nsts);
	free(spans);
	free(m);
}

/* The marks of [lo, hi) are at hand, read anew only when that range
 * leaves the window read last. */
static void
ensure_window(struct ui *ui, struct article *ar, size_t lo, size_t hi)
{
	if (ar->id <= 0 || (ar->win_loaded && lo >= ar->win_lo && hi <= ar->win_hi))
		return;
	load_window(ui, ar, lo, hi);
}

/* The article's entities with their counts (the side pane's actors):
 * counting them reads every mention of the article, so it is done once
 * the article is on screen (ui_article_idle), or when something needs it. */
static void
ensure_ents(struct ui *ui, struct article *ar)
{
	if (ar->id <= 0 || ar->ents_loaded)
		return;
	ar->ents_loaded = 1;
	if (store_article_entities(ui->st, ar->id, 0, &ar->ents, &ar->nents) != 0)
		ui_error(ui, "%s", err_msg());
}

int
ui_article_actors_counted(struct ui *ui)
{
	struct article *ar = A(ui);

	return ar == NULL || ar->id <= 0 || ar->ents_loaded;
}

int
ui_article_idle(struct ui *ui)
{
	struct article *ar = A(ui);

	if (ar == NULL || ar->id <= 0 || ar->ents_loaded)
		return 0;
	ensure_ents(ui, ar);
	ui_side_refresh(ui);
	return 1;
}

int
ui_article_open(struct ui *ui, int64_t id, size_t offset)
{
	struct article *ar = A(ui);
	struct store_article a;
	int other = ar->id != id;

	memset(&a, 0, sizeof a);
	if (store_article_get(ui->st, id, &a) != 0)
		return -1;
	close_article(ar);
	ar->a = a;
	ar->id = id;
	ar->width = 0;
	set_width(ar, text_width(ui));
	build(ui, ar);
	part_first(ar, PART_TITLE, &ar->top);
	if (offset > ar->a.body_len)
		offset = ar->a.body_len;
	ar->cur = offset;
	keep_cursor(ui, ar);
	ui_anno_article_opened(ui);
	ui_side_refresh(ui);
	/* Wherever the article was opened from (a jump, the jump list, an
	 * annotation), the list's selection follows it. */
	if (other)
		ui_list_select_id(ui, id);
	ui_mark(ui, UI_DIRTY_ALL);
	return 0;
}

const struct store_statement *
ui_article_statement(struct ui *ui)
{
	struct article *ar = A(ui);

	return ar->id > 0 ? statement_at(ui, ar, ar->cur) : NULL;
}

const struct store_entity *
ui_article_entities(struct ui *ui, size_t *n)
{
	struct article *ar = A(ui);

	*n = ar->nents;
	return ar->ents;
}

int64_t
ui_article_entity_at(struct ui *ui)
{
	struct article *ar = A(ui);
	const struct ui_span *s;

	if (ar->id <= 0)
		return 0;
	ensure_window(ui, ar, ar->cur, ar->cur + 1);
	s = span_at(&ar->layers[UI_LAYER_MENTION], ar->cur);
	return s != NULL ? s->id : 0;
}

void
ui_article_select_entity(struct ui *ui, int64_t id)
{
	A(ui)->selected = id;
	ui_mark(ui, UI_DIRTY_ARTICLE | UI_DIRTY_SIDE);
}

int64_t
ui_article_selected_entity(struct ui *ui)
{
	return A(ui)->selected;
}

int64_t
ui_article_id(struct ui *ui)
{
	struct article *ar = A(ui);

	return ar != NULL ? ar->id : 0;
}

const char *
ui_article_body(struct ui *ui, size_t *len)
{
	struct article *ar = A(ui);

	*len = ar != NULL && ar->id > 0 ? ar->a.body_len : 0;
	return ar != NULL && ar->id > 0 ? ar->a.body : NULL;
}

size_t
ui_article_offset(struct ui *ui)
{
	struct article *ar = A(ui);

	return ar != NULL ? ar->cur : 0;
}

/* ---- scrolling and the cursor ------------------------------------- */

static int
scrolloff(struct ui *ui)
{
	return rows(ui) > 3 * SCROLLOFF + 2 ? SCROLLOFF : 0;
}

/* Moves p up to n lines (negative: up); returns how many it moved. */
static long
walk(struct article *ar, struct pos *p, long n)
{
	long moved = 0;

	while (n > 0 && next_pos(ar, p)) {
		n--;
		moved++;
	}
	while (n < 0 && prev_pos(ar, p)) {
		n++;
		moved--;
	}
	return moved;
}

/* Scrolls so the cursor's line is on screen with SCROLLOFF lines of
 * context where the article has them. Every walk is bounded by the
 * screen's height. */
static void
keep_cursor(struct ui *ui, struct article *ar)
{
	struct pos c = pos_of(ar, ar->cur), p;
	int h = rows(ui), so = scrolloff(ui), i;
	long below;

	p = c;
	walk(ar, &p, -so);
	if (pos_cmp(&p, &ar->top) < 0) {
		ar->top = p;
		return;
	}
	p = ar->top;
	for (i = 0; i < h - so; i++) {
		if (pos_cmp(&p, &c) >= 0)
			return;
		if (!next_pos(ar, &p))
			return;
	}
	/* Below the screen: the cursor goes so lines above the bottom, or
	 * lower when the article ends sooner. */
	p = c;
	below = walk(ar, &p, so);
	p = c;
	walk(ar, &p, -(h - 1 - below));
	ar->top = p;
}

static int
cursor_col(struct article *ar)
{
	struct pos c = pos_of(ar, ar->cur);

	if (!is_body(&c))
		return 0;
	return text_layout_col(ar->lay[PART_BODY], &c.ln, ar->cur);
}

static void
place_cursor(struct article *ar, const struct pos *p, int col)
{
	if (!is_body(p))
		return;
	ar->cur = text_layout_off(ar->lay[PART_BODY], &p->ln, col);
}

/* Moves the cursor n body lines (negative: up), keeping its column. */
static void
move_lines(struct ui *ui, struct article *ar, long n)
{
	struct pos p = pos_of(ar, ar->cur), q;
	int col = ar->goal >= 0 ? ar->goal : cursor_col(ar);
	long want = n;

	while (n != 0) {
		q = p;
		do {
			if (!(n > 0 ? next_pos(ar, &q) : prev_pos(ar, &q)))
				goto out;
		} while (!is_body(&q));
		p = q;
		n += n > 0 ? -1 : 1;
	}
out:
	place_cursor(ar, &p, col);
	ar->goal = col;
	keep_cursor(ui, ar);
	/* At the first line, going up shows the header too. */
	if (want < 0 && n != 0)
		part_first(ar, PART_TITLE, &ar->top);
}

/* Scrolls the view n lines and brings the cursor back onto the screen. */
static void
scroll_view(struct ui *ui, struct article *ar, long n)
{
	struct pos p, c, end;
	int h = rows(ui), so = scrolloff(ui), col;

	/* Not past the point where the last line is at the top. */
	if (n > 0) {
		part_last(ar, PART_BODY, &end);
		for (p = ar->top; n > 0 && pos_cmp(&p, &end) < 0 && next_pos(ar, &p); n--)
			;
		ar->top = p;
	} else {
		walk(ar, &ar->top, n);
	}
	col = ar->goal >= 0 ? ar->goal : cursor_col(ar);
	c = pos_of(ar, ar->cur);
	p = ar->top;
	walk(ar, &p, so);
	if (pos_cmp(&c, &p) < 0) {
		while (!is_body(&p) && next_pos(ar, &p))
			;
		place_cursor(ar, &p, col);
	} else {
		p = ar->top;
		walk(ar, &p, h - 1 - so);
		if (pos_cmp(&c, &p) > 0) {
			while (!is_body(&p) && prev_pos(ar, &p))
				;
			place_cursor(ar, &p, col);
		}
	}
	ar->goal = col;
}

/* The cursor's row on screen, or -1 when it is not shown. */
static int
cursor_row(struct ui *ui, struct article *ar)
{
	struct pos p = ar->top, c = pos_of(ar, ar->cur);
	int r;

	for (r = 0; r < rows(ui); r++) {
		if (pos_cmp(&p, &c) == 0)
			return r;
		if (!next_pos(ar, &p))
			break;
	}
	return -1;
}

/* Ctrl-d / Ctrl-u as in vim: the text scrolls n lines and the cursor
 * keeps its row, so the two undo each other; at either end of the
 * article the cursor moves instead. */
static void
half_page(struct ui *ui, struct article *ar, long n)
{
	int row = cursor_row(ui, ar), col = ar->goal >= 0 ? ar->goal : cursor_col(ar);
	struct pos p, end;
	long moved;

	if (row < 0) {
		move_lines(ui, ar, n);
		return;
	}
	p = ar->top;
	if (n > 0) {
		part_last(ar, PART_BODY, &end);
		for (moved = 0; moved < n && pos_cmp(&p, &end) < 0 && next_pos(ar, &p); moved++)
			;
	} else {
		moved = -walk(ar, &p, n);
	}
	ar->top = p;
	walk(ar, &p, row);
	while (!is_body(&p) && (n > 0 ? next_pos(ar, &p) : prev_pos(ar, &p)))
		;
	if (!is_body(&p))
		while (!is_body(&p) && (n > 0 ? prev_pos(ar, &p) : next_pos(ar, &p)))
			;
	place_cursor(ar, &p, col);
	ar->goal = col;
	if (moved < (n > 0 ? n : -n))
		move_lines(ui, ar, n > 0 ? n - moved : n + moved);
	keep_cursor(ui, ar);
	ar->goal = col;
}

void
ui_article_goto(struct ui *ui, size_t offset)
{
	struct article *ar = A(ui);

	if (ar->id <= 0)
		return;
	if (offset > ar->a.body_len)
		offset = ar->a.body_len;
	ar->cur = offset;
	ar->goal = -1;
	keep_cursor(ui, ar);
	ui_mark(ui, UI_DIRTY_ARTICLE | UI_DIRTY_STATUS | UI_DIRTY_SIDE);
}

static void
go_first(struct ui *ui, struct article *ar)
{
	ui_jump_push(ui);
	part_first(ar, PART_TITLE, &ar->top);
	ar->cur = ar->npara > 0 ? ar->paras[0].start : 0;
	ar->goal = -1;
	keep_cursor(ui, ar);
}

static void
go_last(struct ui *ui, struct article *ar)
{
	struct text_line ln;

	ui_jump_push(ui);
	if (text_layout_last(ar->lay[PART_BODY], &ln))
		ar->cur = ln.start;
	ar->goal = -1;
	keep_cursor(ui, ar);
}

/* ---- stepping through structure ------------------------------------ */

/* The first span starting after off (dir > 0) or the last starting
 * before it (dir < 0); NULL when none. */
static const struct ui_span *
step(const struct ui_span *v, size_t n, size_t off, int dir)
{
	size_t i = last_starting(v, n, off);

	if (dir > 0) {
		i = i == n ? 0 : i + 1;
		return i < n ? &v[i] : NULL;
	}
	if (i == n)
		return NULL;
	if (v[i].start == off)
		return i > 0 ? &v[i - 1] : NULL;
	return &v[i];
}

/* Moves the cursor count spans of a layer on (dir > 0) or back; with id
 * set, only spans standing for it count. */
static void
step_layer(struct ui *ui, struct article *ar, enum ui_layer layer, int dir, long count,
    int64_t id, const char *what)
{
	const struct layer *l = &ar->layers[layer];
	const struct ui_span *s = NULL, *t;
	size_t off = ar->cur;

	while (count > 0 && (t = step(l->v, l->n, off, dir)) != NULL) {
		off = t->start;
		if (id != 0 && t->id != id)
			continue;
		s = t;
		count--;
	}
	if (s == NULL) {
		if (l->n == 0)
			ui_message(ui, "no %s in this article", what);
		else
			ui_message(ui, "no %s %s here", what, dir > 0 ? "after" : "before");
		return;
	}
	ui_article_goto(ui, s->start);
}

/* The same for statements and mentions (of actor id, or of any when it
 * is 0), which are read for the screen only: the store finds each next
 * one by its index, however far into the article. */
static void
step_mark(struct ui *ui, struct article *ar, enum store_mark_kind kind, int dir, long count,
    int64_t id, const char *what)
{
	size_t off = ar->cur, at;
	int rc = 1, moved = 0;

	while (count-- > 0 &&
	    (rc = store_article_mark_step(ui->st, kind, ar->id, id, off, dir, &at)) == 0) {
		off = at;
		moved = 1;
	}
	if (rc < 0) {
		ui_error(ui, "%s", err_msg());
		return;
	}
	if (!moved) {
		rc = store_article_mark_step(ui->st, kind, ar->id, id, SIZE_MAX, -1, &at);
		if (rc < 0)
			err_clear();
		if (rc == 1)
			ui_message(ui, "no %s in this article", what);
		else
			ui_message(ui, "no %s %s here", what, dir > 0 ? "after" : "before");
		return;
	}
	ui_article_goto(ui, off);
}

static void
step_paragraph(struct ui *ui, struct article *ar, int dir, long count)
{
	size_t p;

	if (ar->npara == 0)
		return;
	p = text_layout_para_at(ar->lay[PART_BODY], ar->cur);
	while (count-- > 0) {
		if (dir > 0 && p + 1 < ar->npara)
			p++;
		else if (dir < 0 && ar->cur > ar->paras[p].start)
			;   /* first to this paragraph's start */
		else if (dir < 0 && p > 0)
			p--;
		ar->cur = ar->paras[p].start;
	}
	ar->goal = -1;
	keep_cursor(ui, ar);
}

/* ---- search -------------------------------------------------------- */

static void
search_free(struct search *s)
{
	free(s->pattern);
	free(s->folded);
	memset(s, 0, sizeof *s);
}

static int
set_pattern(struct search *s, const char *pattern)
{
	struct text_fold f;

	if (text_fold(pattern, strlen(pattern), &f) != 0)
		return -1;
	search_free(s);
	s->pattern = xstrdup(pattern);
	s->folded = xstrndup(f.s, f.len);
	s->flen = f.len;
	/* Folding changed something: the pattern has capitals. */
	s->exact = f.len != strlen(pattern) || memcmp(f.s, pattern, f.len) != 0;
	text_fold_free(&f);
	return 0;
}

/* A UTF-8 character boundary at or before i. */
static size_t
char_start(const char *s, size_t i)
{
	while (i > 0 && (s[i] & 0xc0) == 0x80)
		i--;
	return i;
}

/* Appends a hit unless it repeats one found in the window before. */
static void
add_hit(struct ui_span **out, size_t *n, size_t a, size_t b)
{
	if (*n > 0 && (*out)[*n - 1].start >= a)
		return;
	if (b <= a)
		b = a + 1;
	*out = xreallocarray(*out, *n + 1, sizeof **out);
	(*out)[(*n)++] = (struct ui_span){ .start = a, .end = b, .obj = UI_OBJ_SEARCH_HIT };
}

/* Hits in body[a, b), by folding that window. */
static void
hits_in(struct article *ar, size_t a, size_t b, struct ui_span **out, size_t *n, size_t max)
{
	const struct search *s = &ar->search;
	const char *body = ar->a.body, *p;
	size_t plen = strlen(s->pattern), i;
	struct text_fold f;

	if (s->exact) {
		for (p = body + a; *n < max && (size_t)(body + b - p) >= plen &&
		    (p = memmem(p, (size_t)(body + b - p), s->pattern, plen)) != NULL; p++)
			add_hit(out, n, (size_t)(p - body), (size_t)(p - body) + plen);
		return;
	}
	if (text_fold(body + a, b - a, &f) != 0) {
		err_clear();
		return;
	}
	for (i = 0; *n < max && i + s->flen <= f.len; i++) {
		p = memmem(f.s + i, f.len - i, s->folded, s->flen);
		if (p == NULL)
			break;
		i = (size_t)(p - f.s);
		add_hit(out, n, a + f.map[i], a + f.map[i + s->flen]);
	}
	text_fold_free(&f);
}

/*
 * Every match in body[from, to), in order, into *out (at most max).
 * Case-folded matching works on windows of SEARCH_CHUNK bytes overlapping
 * by enough for a match across their seam, so a 10 MB article never needs
 * its whole folded copy and offset map at once.
 */
static void
find_all(struct article *ar, size_t from, size_t to, struct ui_span **out, size_t *n,
    size_t max)
{
	const char *body = ar->a.body;
	size_t overlap = 4 * (strlen(ar->search.pattern) + 8), a, b, next;

	*n = 0;
	if (ar->search.flen == 0 || to > ar->a.body_len)
		to = ar->a.body_len;
	if (ar->search.flen == 0)
		return;
	for (a = char_start(body, from); a < to && *n < max; a = next) {
		b = a + SEARCH_CHUNK < to ? char_start(body, a + SEARCH_CHUNK) : to;
		if (b <= a)
			b = to;
		hits_in(ar, a, b, out, n, max);
		if (b >= to)
			break;
		next = b > overlap ? char_start(body, b - overlap) : 0;
		if (next <= a)
			next = b;
	}
}

/* The nearest hit after off (dir > 0) or before it (dir < 0); at off
 * itself too when inclusive. Scans outward a window at a time. */
static int
find_hit(struct article *ar, size_t off, int dir, int inclusive, size_t *hit)
{
	struct ui_span *v = NULL;
	size_t n = 0, len = ar->a.body_len, a, b, i, win = (size_t)SEARCH_CHUNK * 4;
	size_t extra = 4 * strlen(ar->search.pattern);
	int found = 0;

	if (dir > 0) {
		for (a = off; a < len && !found; a += win) {
			find_all(ar, a, a + win + extra, &v, &n, SIZE_MAX);
			for (i = 0; i < n && !found; i++) {
				if (v[i].start > off || (inclusive && v[i].start == off)) {
					*hit = v[i].start;
					found = 1;
				}
			}
		}
	} else {
		for (b = off + extra < len ? off + extra : len; b > 0 && !found; b = a) {
			a = b > win ? b - win : 0;
			find_all(ar, a, b, &v, &n, SIZE_MAX);
			for (i = n; i > 0 && !found; i--) {
				if (v[i - 1].start < off || (inclusive && v[i - 1].start == off)) {
					*hit = v[i - 1].start;
					found = 1;
				}
			}
		}
	}
	free(v);
	return found;
}

static void
search_step(struct ui *ui, struct article *ar, int dir)
{
	size_t hit;

	if (ar->search.pattern == NULL) {
		ui_message(ui, "no search yet: / searches forward, ? backward");
		return;
	}
	if (ar->search.backward)
		dir = -dir;
	if (find_hit(ar, ar->cur, dir, 0, &hit)) {
		ui_jump_push(ui);
		ui_article_goto(ui, hit);
		ui_message(ui, "%c%s", dir > 0 ? '/' : '?', ar->search.pattern);
		return;
	}
	/* Wrap around, as less and vim do, and say so. */
	if (find_hit(ar, dir > 0 ? 0 : ar->a.body_len, dir, 1, &hit)) {
		ui_jump_push(ui);
		ui_article_goto(ui, hit);
		ui_message(ui, dir > 0 ? "search hit BOTTOM, continuing at TOP" :
		    "search hit TOP, continuing at BOTTOM");
		return;
	}
	ui_error(ui, "not found: %s", ar->search.pattern);
}

void
ui_article_search(struct ui *ui, const char *pattern, int backward)
{
	struct article *ar = A(ui);

	if (ar->id <= 0) {
		ui_message(ui, "no article open to search");
		return;
	}
	if (pattern[0] != '\0' && set_pattern(&ar->search, pattern) != 0) {
		ui_error(ui, "%s", err_msg());
		return;
	}
	if (ar->search.pattern == NULL) {
		ui_message(ui, "no search yet");
		return;
	}
	ar->search.backward = backward;
	search_step(ui, ar, 1);
	ui_mark(ui, UI_DIRTY_ARTICLE);
}

/* ---- actions ------------------------------------------------------- */

static const struct store_entity *
entity(struct article *ar, int64_t id)
{
	size_t i;

	for (i = 0; id != 0 && i < ar->nents; i++) {
		if (ar->ents[i].id == id)
			return &ar->ents[i];
	}
	return NULL;
}

static int
is_agreement(struct ui *ui, struct article *ar, int64_t id)
{
	const struct store_entity *e;

	ensure_ents(ui, ar);
	e = entity(ar, id);

	return e != NULL && e->kind != NULL && strcmp(e->kind, "agreement") == 0;
}

/* `*`: the actor named under the cursor, else the speaker of the
 * statement there, else the one selected in the side pane. */
static void
actor_statements(struct ui *ui, struct article *ar)
{
	const struct store_statement *st = statement_at(ui, ar, ar->cur);
	int64_t id = ui_article_entity_at(ui);

	if (id == 0 && st != NULL)
		id = st->speaker_id;
	if (id == 0)
		id = ar->selected;
	if (id == 0) {
		ui_message(ui, "no actor here: put the cursor on a name or a statement");
		return;
	}
	ui_side_statements_by(ui, id);
}

/* `#`: the agreement named under the cursor, else the selected entity if
 * it is one, else the first agreement the current statement names. */
static void
agreement_mentions(struct ui *ui, struct article *ar)
{
	const struct store_statement *st = statement_at(ui, ar, ar->cur);
	const struct layer *l = &ar->layers[UI_LAYER_MENTION];
	int64_t id = ui_article_entity_at(ui);
	size_t i;

	if (!is_agreement(ui, ar, id))
		id = is_agreement(ui, ar, ar->selected) ? ar->selected : 0;
	for (i = 0; id == 0 && st != NULL && i < l->n; i++) {
		if (l->v[i].start >= st->start && l->v[i].end <= st->end &&
		    is_agreement(ui, ar, l->v[i].id))
			id = l->v[i].id;
	}
	if (id == 0) {
		ui_message(ui, "no agreement here: put the cursor on one");
		return;
	}
	ui_side_mentions_of(ui, id);
}

static int
article_action(struct ui *ui, struct ui_view *v, enum ui_action a, int count)
{
	struct article *ar = v->priv;
	long n = count > 0 ? count : 1, h = rows(ui);

	if (ar->id <= 0) {
		if (ui_action_keymap(a) == UI_KM_ARTICLE || (ui->focus == UI_VIEW_ARTICLE &&
		    a >= UI_ACT_MOVE_DOWN && a <= UI_ACT_LAST)) {
			ui_message(ui, "no article open: Enter opens one from the list");
			return 1;
		}
		return 0;
	}
	switch (a) {
	case UI_ACT_MOVE_DOWN:
		move_lines(ui, ar, n);
		break;
	case UI_ACT_MOVE_UP:
		move_lines(ui, ar, -n);
		break;
	case UI_ACT_PAGE_DOWN:
		scroll_view(ui, ar, n * (h > 3 ? h - 2 : 1));
		break;
	case UI_ACT_PAGE_UP:
		scroll_view(ui, ar, -n * (h > 3 ? h - 2 : 1));
		break;
	case UI_ACT_HALF_DOWN:
		half_page(ui, ar, h / 2 > 0 ? h / 2 : 1);
		break;
	case UI_ACT_HALF_UP:
		half_page(ui, ar, -(h / 2 > 0 ? h / 2 : 1));
		break;
	case UI_ACT_FIRST:
		go_first(ui, ar);
		break;
	case UI_ACT_LAST:
		go_last(ui, ar);
		break;
	case UI_ACT_BACK:
		ui_focus(ui, UI_VIEW_LIST);
		return 1;
	case UI_ACT_NEXT_PARAGRAPH:
	case UI_ACT_PREV_PARAGRAPH:
		step_paragraph(ui, ar, a == UI_ACT_NEXT_PARAGRAPH ? 1 : -1, n);
		break;
	case UI_ACT_NEXT_STATEMENT:
	case UI_ACT_PREV_STATEMENT:
		step_mark(ui, ar, STORE_MARK_STATEMENT, a == UI_ACT_NEXT_STATEMENT ? 1 : -1, n, 0,
		    "statements");
		break;
	case UI_ACT_NEXT_ANNOTATION:
	case UI_ACT_PREV_ANNOTATION:
		step_layer(ui, ar, UI_LAYER_ANNOTATION, a == UI_ACT_NEXT_ANNOTATION ? 1 : -1, n, 0,
		    "annotations");
		break;
	case UI_ACT_NEXT_MENTION:
	case UI_ACT_PREV_MENTION:
		step_mark(ui, ar, STORE_MARK_MENTION, a == UI_ACT_NEXT_MENTION ? 1 : -1, n,
		    ar->selected, ar->selected != 0 ? "mentions of the selected actor" : "mentions");
		break;
	case UI_ACT_RELATED:
		ui_side_related(ui);
		return 1;
	case UI_ACT_ACTOR_STATEMENTS:
		actor_statements(ui, ar);
		return 1;
	case UI_ACT_AGREEMENT_MENTIONS:
		agreement_mentions(ui, ar);
		return 1;
	case UI_ACT_SEARCH_FORWARD:
		ui_prompt_open(ui, '/');
		return 1;
	case UI_ACT_SEARCH_BACKWARD:
		ui_prompt_open(ui, '?');
		return 1;
	case UI_ACT_SEARCH_NEXT:
		search_step(ui, ar, 1);
		break;
	case UI_ACT_SEARCH_PREV:
		search_step(ui, ar, -1);
		break;
	default:
		return 0;
	}
	ui_mark(ui, UI_DIRTY_ARTICLE | UI_DIRTY_STATUS | UI_DIRTY_SIDE);
	return 1;
}

/* ---- drawing ------------------------------------------------------- */

static struct ui_style
part_style(struct ui *ui, int part)
{
	struct ui_style n = ui_style(ui, UI_OBJ_NORMAL);

	switch (part) {
	case PART_TITLE:
		return ui_style_over(n, ui_style(ui, UI_OBJ_ARTICLE_TITLE));
	case PART_META:
		return ui_style_over(n, ui_style(ui, UI_OBJ_ARTICLE_META));
	default:
		return n;
	}
}

/* The style of body byte off: the base, then each layer's span over it. */
static struct ui_style
style_at(struct ui *ui, struct article *ar, struct ui_style base, size_t off,
    const struct store_statement *current)
{
	struct ui_style st = base;
	const struct ui_span *s;
	int i;

	for (i = 0; i < UI_LAYER_COUNT; i++) {
		if (i == UI_LAYER_STATEMENT) {
			const struct store_statement *t = statement_at(ui, ar, off);
			if (t != NULL)
				st = ui_style_over(st, ui_style(ui, t == current ?
				    UI_OBJ_STATEMENT_CURRENT : UI_OBJ_STATEMENT));
			continue;
		}
		s = span_at(&ar->layers[i], off);
		if (s != NULL)
			st = ui_style_over(st, s->styled ? s->style : ui_style(ui, s->obj));
		/* The selected actor's mentions stand out from the others. */
		if (s != NULL && i == UI_LAYER_MENTION && s->id == ar->selected)
			st.attr |= A_BOLD | A_UNDERLINE;
	}
	return st;
}

static void
draw_line(struct ui *ui, struct ui_view *v, struct article *ar, int row, const struct pos *p,
    int is_cursor, const struct store_statement *current)
{
	struct ui_style base = part_style(ui, p->part), st;
	struct ui_style ctl = ui_style(ui, UI_OBJ_CONTROL);
	struct text_draw_iter it;
	struct text_draw d;

	if (is_cursor) {
		base = ui_style_over(base, ui_style(ui, ui->focus == UI_VIEW_ARTICLE ?
		    UI_OBJ_CURSOR : UI_OBJ_CURSOR_UNFOCUSED));
		ui_draw_fill(ui, v->y + row, v->x, v->w, base);
	}
	if (p->gap)
		return;
	text_draw_begin(&it, ar->lay[p->part], &p->ln);
	while (text_draw_next(&it, &d)) {
		st = p->part == PART_BODY ? style_at(ui, ar, base, d.start, current) : base;
		if (d.kind == TEXT_DRAW_CONTROL)
			st = ui_style_over(st, ctl);
		if (d.col + d.cells > v->w - 2)
			break;
		ui_draw_text(ui, v->y + row, v->x + 1 + d.col, d.cells, d.s, d.len, st);
	}
}

/* The body bytes [*from, *to) on screen; *from is SIZE_MAX when none. */
static void
shown_range(struct ui *ui, struct article *ar, size_t *from, size_t *to)
{
	struct pos p = ar->top;
	int r;

	*from = SIZE_MAX;
	*to = 0;
	for (r = 0; r < rows(ui); r++) {
		if (p.part == PART_BODY) {
			if (*from == SIZE_MAX)
				*from = p.ln.start;
			*to = p.ln.end;
		}
		if (!next_pos(ar, &p))
			break;
	}
}

/* Hits of the search on what is about to be drawn, as the search layer. */
static void
visible_hits(struct article *ar, size_t from, size_t to)
{
	struct ui_span *v = NULL;
	size_t n = 0;

	if (ar->search.pattern != NULL && from != SIZE_MAX)
		find_all(ar, from, to + 4 * strlen(ar->search.pattern) < ar->a.body_len ?
		    to + 4 * strlen(ar->search.pattern) : ar->a.body_len, &v, &n, 4096);
	set_layer(ar, UI_LAYER_SEARCH, v, n);
	free(v);
}

static void
article_draw(struct ui *ui, struct ui_view *v)
{
	struct article *ar = v->priv;
	struct pos p, c;
	const struct store_statement *current;
	size_t from, to;
	int r;

	if (ar->id <= 0) {
		ui_draw_str(ui, v->y, v->x + 1, v->w - 1,
		    "No article open. Choose one in the list and press Enter.",
		    ui_style(ui, UI_OBJ_NORMAL));
		return;
	}
	set_width(ar, text_width(ui));
	shown_range(ui, ar, &from, &to);
	/* Every mark drawn is read before the first is looked up, so the
	 * window does not move under the statement held in current. */
	if (from != SIZE_MAX)
		ensure_window(ui, ar, from < ar->cur ? from : ar->cur,
		    (to > ar->cur ? to : ar->cur) + 1);
	visible_hits(ar, from, to);
	ui_anno_before_draw(ui);
	c = pos_of(ar, ar->cur);
	current = statement_at(ui, ar, ar->cur);
	p = ar->top;
	for (r = 0; r < v->h; r++) {
		draw_line(ui, v, ar, r, &p, pos_cmp(&p, &c) == 0, current);
		if (!next_pos(ar, &p))
			break;
	}
}

static int
article_cursor(struct ui *ui, struct ui_view *v, int *row, int *col)
{
	struct article *ar = v->priv;
	struct pos p = ar->top, c;
	int r;

	(void)ui;
	if (ar->id <= 0)
		return 0;
	c = pos_of(ar, ar->cur);
	for (r = 0; r < v->h; r++) {
		if (pos_cmp(&p, &c) == 0) {
			*row = r;
			*col = 1 + (is_body(&c) ? text_layout_col(ar->lay[PART_BODY], &c.ln, ar->cur) : 0);
			if (*col >= v->w)
				*col = v->w - 1;
			return 1;
		}
		if (!next_pos(ar, &p))
			break;
	}
	return 0;
}

static void
article_title(struct ui *ui, struct ui_view *v, struct buf *out)
{
	struct article *ar = v->priv;

	(void)ui;
	if (ar->id > 0)
		buf_adds(out, ar->a.title);
}

/* How far through the article the cursor is, by bytes; on the last line
 * it is 100%, as in less and vim, whatever the length of that line. */
static size_t
cursor_percent(struct article *ar)
{
	struct text_layout *l = ar->lay[PART_BODY];
	struct text_line ln, next;

	if (ar->a.body_len == 0)
		return 100;
	if (l != NULL && text_layout_line_at(l, ar->cur, &ln) && !text_layout_next(l, &ln, &next))
		return 100;
	return ar->cur * 100 / ar->a.body_len;
}

static void
article_position(struct ui *ui, struct ui_view *v, struct buf *out)
{
	struct article *ar = v->priv;

	(void)ui;
	if (ar->id <= 0) {
		buf_adds(out, "no article");
		return;
	}
	if (ar->npara > 0)
		buf_printf(out, "para %zu/%zu  ", text_layout_para_at(ar->lay[PART_BODY], ar->cur) + 1,
		    ar->npara);
	buf_printf(out, "%zu%%", cursor_percent(ar));
}

void
ui_article_speaker(struct ui *ui, struct buf *out)
{
	struct article *ar = A(ui);
	const struct store_statement *s;

	if (ar == NULL || ar->id <= 0)
		return;
	s = statement_at(ui, ar, ar->cur);
	if (s != NULL && s->speaker != NULL)
		buf_printf(out, "  %s says", s->speaker);
}

static void
article_resize(struct ui *ui, struct ui_view *v)
{
	struct article *ar = v->priv;

	if (ar->id <= 0)
		return;
	if (text_width(ui) != ar->width) {
		size_t top = ar->top.part == PART_BODY ? ar->top.ln.start : SIZE_MAX;
		set_width(ar, text_width(ui));
		if (top == SIZE_MAX)
			part_first(ar, PART_TITLE, &ar->top);
		else
			ar->top = pos_of(ar, top);
	}
	keep_cursor(ui, ar);
}

static void
article_click(struct ui *ui, struct ui_view *v, int row, int col, int clicks)
{
	struct article *ar = v->priv;
	struct pos p = ar->top;

	(void)clicks;
	if (ar->id <= 0)
		return;
	if (walk(ar, &p, row) != row || !is_body(&p))
		return;
	place_cursor(ar, &p, col > 0 ? col - 1 : 0);
	ar->goal = -1;
	ui_mark(ui, UI_DIRTY_ARTICLE | UI_DIRTY_STATUS | UI_DIRTY_SIDE);
}

static int
article_init(struct ui *ui, struct ui_view *v)
{
	struct article *ar = xcalloc(1, sizeof *ar);

	(void)ui;
	ar->goal = -1;
	v->priv = ar;
	return 0;
}

static void
article_free(struct ui *ui, struct ui_view *v)
{
	struct article *ar = v->priv;

	(void)ui;
	close_article(ar);
	search_free(&ar->search);
	free(ar);
	v->priv = NULL;
}

const struct ui_view_ops ui_article_ops = {
	.name = "Article",
	.keymap = UI_KM_ARTICLE,
	.init = article_init,
	.free = article_free,
	.draw = article_draw,
	.title = article_title,
	.action = article_action,
	.click = article_click,
	.position = article_position,
	.resize = article_resize,
	.cursor = article_cursor,
};
