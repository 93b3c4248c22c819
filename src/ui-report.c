/*
 * ui-report.c: the coding reports in the reader (`:report KIND ...`, the
 * shell's grammar; `%` goes back to the last one). The store counts
 * (store-report*.c, the same queries `dossier report` prints); this view
 * draws a frequency or a co-occurrence as bars, one a row, in the tag's
 * colour, and a matrix as a heat map of shaded cells, the selected cell
 * showing its number. Enter on a row (a matrix: on its cell, h and l
 * move between cells) lists the segments behind its count; Enter there
 * opens the article at one, through the jump list, and the report is
 * kept so that `%` returns to it where it was (Ctrl-o returns in the
 * article). Esc goes back from the segments to the report, then closes.
 * A timeline opens the timeline view (ui-timeline.c).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#define DOSSIER_UI_INTERNAL
#include "args.h"
#include "store.h"
#include "text.h"
#include "ui.h"

/* A label column is at most this wide; a matrix's cell between these. */
#define LABEL_CELLS 28
#define CELL_MIN 3
#define CELL_MAX 10
/* The segments listed behind a count (the count says how many there are). */
#define MAX_SEGMENTS 1000

struct ui_report {
	struct ui_overlay o;
	struct ui_view v;              /* the report's rows */
	struct ui_view segv;           /* the segments behind one count */
	char *kind, *tag;              /* what was asked, to ask again */
	struct store_report_query q;
	struct store_report r;
	int matrix, ascii;
	size_t bar;                    /* the column drawn as bars (first count) */
	size_t col;                    /* a matrix: the selected column */
	int64_t max;                   /* the largest count drawn */
	int *width;                    /* each column's cells as drawn */
	char *labelled;                /* a matrix: the rows whose label is read */
	int segments;                  /* the segments are shown */
	struct store_anno *segs;
	size_t nsegs, segtotal;
	char *segwhat;                 /* "claim x Sergey Lavrov" */
	char *axis;                    /* the axis word, or NULL */
	int kept;                      /* ui->report holds it: closing keeps it */
	int jumped;                    /* Enter went to a segment */
};

static int
is_count(enum store_report_kind k)
{
	return k == STORE_REPORT_COUNT || k == STORE_REPORT_CELL;
}

/* A cell as shown: a label's text, a count's number ("-" for none). */
static void
cell_text(const struct store_report *r, size_t row, size_t col, struct buf *out)
{
	const struct store_report_cell *c = store_report_at(r, row, col);

	if (r->cols[col].kind == STORE_REPORT_TEXT)
		buf_adds(out, c->text != NULL ? c->text : "-");
	else
		buf_printf(out, "%lld", (long long)c->n);
}

static int
clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Widths: a label's widest value (and heading), capped; a count's
 * widest number; a matrix's cells by their tag's name. Ids are not shown. */
static void
measure(struct ui_report *p)
{
	const struct store_report *r = &p->r;
	struct buf b;
	size_t i, j;
	int64_t big;

	free(p->width);
	p->width = xcalloc(r->ncols + 1, sizeof *p->width);
	buf_init(&b);
	p->bar = r->ncols;
	p->max = 0;
	for (j = 0; j < r->ncols; j++) {
		enum store_report_kind k = r->cols[j].kind;

		if (k == STORE_REPORT_ID)
			continue;
		if (is_count(k) && p->bar == r->ncols && !p->matrix)
			p->bar = j;
		p->width[j] = ui_text_width(r->cols[j].name, strlen(r->cols[j].name));
		/* A count's widest is its largest (counts are not negative):
		 * no row is formatted. */
		big = 0;
		for (i = 0; i < r->nrows; i++) {
			const struct store_report_cell *c = store_report_at(r, i, j);

			if (k != STORE_REPORT_TEXT) {
				big = c->n > big ? c->n : big;
				continue;
			}
			/* A matrix's labels: those of the first screen, read. */
			if (p->matrix && !p->labelled[i])
				continue;
			buf_reset(&b);
			cell_text(r, i, j, &b);
			if (ui_text_width(b.data, b.len) > p->width[j])
				p->width[j] = ui_text_width(b.data, b.len);
		}
		if (k != STORE_REPORT_TEXT) {
			buf_reset(&b);
			buf_printf(&b, "%lld", (long long)big);
			if ((int)b.len > p->width[j])
				p->width[j] = (int)b.len;
		}
		if ((j == p->bar || k == STORE_REPORT_CELL) && big > p->max)
			p->max = big;
		if (k == STORE_REPORT_TEXT)
			p->width[j] = clamp(p->width[j], 1, LABEL_CELLS);
		else if (k == STORE_REPORT_CELL)
			p->width[j] = clamp(p->width[j], CELL_MIN, CELL_MAX);
	}
	buf_free(&b);
}

/* The first and last columns the matrix cursor takes: the cells and the
 * total. */
static size_t
first_cell(const struct ui_report *p)
{
	size_t j;

	for (j = 0; j < p->r.ncols && p->r.cols[j].kind != STORE_REPORT_CELL; j++)
		;
	return j;
}

/* A matrix reads a row's label (an article's title, a name) when the
 * row is first shown or searched, not all of them before the first
 * screen: over 40,000 coded articles their titles took a second. The
 * matrix per article reads a row's cells then too (its rows come in
 * order from the articles' counts); the heat map's scale grows with
 * what is read. */
static void
row_label(struct ui *ui, struct ui_report *p, size_t i)
{
	size_t j;

	if (!p->matrix || i >= p->r.nrows || p->labelled[i])
		return;
	p->labelled[i] = 1;
	if (store_report_matrix_row(ui->st, &p->q, &p->r, i) != 0)
		ui_error(ui, "%s", err_msg());
	for (j = 0; j < p->r.ncols; j++)
		if (p->r.cols[j].kind == STORE_REPORT_CELL && store_report_at(&p->r, i, j)->n > p->max)
			p->max = store_report_at(&p->r, i, j)->n;
}

static int
run_query(struct ui *ui, struct ui_report *p)
{
	size_t i;
	int rc;

	store_report_free(&p->r);
	p->q.tag = p->tag;
	p->q.labels_later = p->matrix;
	if (strcmp(p->kind, "matrix") == 0)
		rc = store_report_matrix(ui->st, &p->q, &p->r);
	else if (strcmp(p->kind, "cooccurrence") == 0)
		rc = store_report_cooccurrence(ui->st, &p->q, &p->r);
	else
		rc = store_report_frequency(ui->st, &p->q, &p->r);
	if (rc != 0)
		return -1;
	free(p->labelled);
	p->labelled = xcalloc(p->r.nrows + 1, 1);
	for (i = 0; i < p->r.nrows && i < (size_t)p->v.h; i++)
		row_label(ui, p, i);
	measure(p);
	if (p->matrix && (p->col < first_cell(p) || p->col >= p->r.ncols))
		p->col = first_cell(p);
	ui_view_set_rows(ui, &p->v, p->r.nrows, 0);
	return 0;
}

/* ---- the segments behind a count --------------------------------------- */

static const char *
text_at(const struct store_report *r, size_t row, const char *col)
{
	size_t j;

	for (j = 0; j < r->ncols; j++)
		if (strcmp(r->cols[j].name, col) == 0)
			return store_report_at(r, row, j)->text;
	return NULL;
}

static int64_t
id_at(const struct store_report *r, size_t row, const char *col)
{
	size_t j;

	for (j = 0; j < r->ncols; j++)
		if (strcmp(r->cols[j].name, col) == 0)
			return store_report_at(r, row, j)->n;
	return 0;
}

/* The annotation filter whose highlights a row's count (a matrix: the
 * selected cell's) counts; WHAT says it in words. (Not for a count the
 * store makes from positions: see positional().) */
static int
segment_filter(struct ui_report *p, size_t row, struct store_anno_filter *f, struct buf *what)
{
	const struct store_report *r = &p->r;
	const char *label = NULL;

	memset(f, 0, sizeof *f);
	f->status = -1;
	if (p->matrix) {
		int cell = r->cols[p->col].kind == STORE_REPORT_CELL;

		f->tag = cell ? r->cols[p->col].name : p->tag;
		f->tag_exact = cell;
		buf_adds(what, cell ? r->cols[p->col].name : p->tag ? p->tag : "every tag");
	} else {
		f->tag = text_at(r, row, "tag");
		f->tag_exact = 1;
		buf_adds(what, f->tag != NULL ? f->tag : "?");
	}
	switch (p->q.per) {
	case STORE_PER_ARTICLE:
		f->article_id = id_at(r, row, "article");
		label = text_at(r, row, "title");
		break;
	case STORE_PER_SPEAKER:
		f->speaker_id = id_at(r, row, "speaker_id");
		if (f->speaker_id == 0)
			f->speaker_id = STORE_ANNO_NO_SPEAKER;
		label = text_at(r, row, "speaker");
		if (label == NULL)
			label = "no speaker";
		break;
	case STORE_PER_OUTLET:
		label = text_at(r, row, "outlet");
		f->outlet = label != NULL ? label : "";
		if (label == NULL)
			label = "no outlet";
		break;
	case STORE_PER_MONTH:
		label = text_at(r, row, "month");
		f->month = label != NULL ? label : "";
		if (label == NULL)
			label = "undated";
		break;
	default:
		break;
	}
	if (label != NULL)
		buf_printf(what, " x %s", label);
	return 0;
}

/* Whether a count is one the store makes from positions (the tags and
 * entities of a sentence, overlapping highlights, the agreements named
 * beside a highlight): its highlights are asked of the report itself. */
static int
positional(const struct ui_report *p)
{
	return strcmp(p->kind, "cooccurrence") == 0 || p->q.per == STORE_PER_AGREEMENT;
}

/* The highlights behind a positional count, the first MAX_SEGMENTS read. */
static int
positional_read(struct ui *ui, struct ui_report *p, size_t row, struct buf *what)
{
	const struct store_report *r = &p->r;
	int64_t *ids = NULL;
	size_t n = 0, i;
	int rc;

	if (p->matrix) {
		const char *tag = r->cols[p->col].kind == STORE_REPORT_CELL ? r->cols[p->col].name
		    : NULL;
		const char *agreement = text_at(r, row, "agreement");

		rc = store_report_matrix_segments(ui->st, &p->q, id_at(r, row, "agreement_id"), tag,
		    &ids, &n);
		buf_printf(what, "%s x %s", tag != NULL ? tag : p->tag != NULL ? p->tag : "every tag",
		    agreement != NULL ? agreement : "?");
	} else {
		const char *a = text_at(r, row, "a"), *b = text_at(r, row, "b");
		const char *kind = text_at(r, row, "b_kind");

		rc = store_report_cooccurrence_segments(ui->st, &p->q, a, b, kind, &ids, &n);
		buf_printf(what, "%s + %s", a != NULL ? a : "?", b != NULL ? b : "?");
		if (kind != NULL && strcmp(kind, "tag") != 0)
			buf_printf(what, " (%s)", kind);
		buf_adds(what, p->q.overlap ? ", overlapping" : ", in one sentence");
	}
	if (rc != 0)
		return -1;
	p->segtotal = n;
	p->segs = xcalloc(n < MAX_SEGMENTS ? n + 1 : MAX_SEGMENTS, sizeof *p->segs);
	for (i = 0; i < n && p->nsegs < MAX_SEGMENTS && rc == 0; i++) {
		rc = store_anno_get(ui->st, ids[i], &p->segs[p->nsegs]);
		if (rc == 0)
			p->nsegs++;
		else if (rc == 1)
			rc = 0;
	}
	free(ids);
	return rc;
}

static int
segments_read(struct ui *ui, struct ui_report *p)
{
	struct store_anno_filter f;
	struct buf what;
	int rc;

	if (p->r.nrows == 0)
		return err_set("no row to open");
	row_label(ui, p, p->v.rows.sel);
	buf_init(&what);
	store_anno_list_free(p->segs, p->nsegs);
	p->segs = NULL;
	p->nsegs = p->segtotal = 0;
	if (positional(p))
		rc = positional_read(ui, p, p->v.rows.sel, &what);
	else if ((rc = segment_filter(p, p->v.rows.sel, &f, &what)) == 0) {
		f.limit = MAX_SEGMENTS;
		rc = store_anno_list(ui->st, &f, &p->segs, &p->nsegs);
		if (rc == 0)
			rc = store_anno_count(ui->st, &f, &p->segtotal);
	}
	free(p->segwhat);
	p->segwhat = buf_detach(&what, NULL);
	if (rc != 0)
		return -1;
	ui_view_set_rows(ui, &p->segv, p->nsegs, 0);
	return 0;
}

static void
segments_open(struct ui *ui, struct ui_report *p)
{
	memset(&p->segv.rows, 0, sizeof p->segv.rows);
	if (segments_read(ui, p) != 0) {
		ui_error(ui, "%s", err_msg());
		err_clear();
		return;
	}
	p->segments = 1;
}

static void
segment_jump(struct ui *ui, struct ui_view *v, size_t i)
{
	struct ui_report *p = v->priv;

	/* The popup closes; ui->report keeps it, so `%` comes back to it. */
	p->jumped = 1;
	ui_anno_jump(ui, &p->segs[i]);
}

static int
segment_draw_row(struct ui *ui, struct ui_view *v, size_t i, int y, struct ui_style st)
{
	struct ui_report *p = v->priv;
	const struct store_anno *a = &p->segs[i];
	struct ui_style dim = ui_style_over(st, ui_style(ui, UI_OBJ_SIDE_COUNT));
	struct buf t;
	int x = v->x + 1, w = v->w - 1, left = 8;

	buf_init(&t);
	buf_printf(&t, "#%lld", (long long)a->article_id);
	if (a->state != STORE_ANNO_ACTIVE)
		buf_printf(&t, " (%s)", store_anno_state_name(a->state));
	if (left >= 2)
		ui_draw_cut(ui, y, x, left - 1, t.data, t.len, dim);
	buf_reset(&t);
	buf_printf(&t, "\"%s\"", a->quote);
	if (a->speaker != NULL)
		buf_printf(&t, " (%s)", a->speaker);
	if (a->note != NULL)
		buf_printf(&t, "  %s", a->note);
	ui_anno_flatten(&t, 0);
	ui_draw_cut(ui, y, x + left, w - left, t.data, t.len, st);
	buf_free(&t);
	return 1;
}

static const struct ui_view_ops segment_ops = {
	.name = "Segments",
	.draw_row = segment_draw_row,
	.open = segment_jump,
};

/* ---- the report's rows ---------------------------------------------------- */

/* The style a tag's bars and shades are drawn in, else DEF: its colour
 * in the codebook or the theme. A highlight's colour is a background,
 * which a block element would hide under its foreground: here it is
 * the foreground, so the blocks are that colour; an underline (a theme
 * without colours) is left off a bar. */
static struct ui_style
tag_style(struct ui *ui, const char *name, struct ui_style def)
{
	size_t i;

	for (i = 0; name != NULL && ui->anno != NULL && i < ui->anno->ntags; i++)
		if (strcmp(ui->anno->tags[i].name, name) == 0) {
			struct ui_style t = ui_anno_tag_style(ui, name, ui->anno->tags[i].color);

			if (t.fg < 0 && t.bg >= 0) {
				t.fg = t.bg;
				t.bg = -1;
			}
			t.attr &= ~(attr_t)A_UNDERLINE;
			return ui_style_over(def, t);
		}
	return def;
}

/* Draws S at X in WIDTH cells (right-aligned when RIGHT); returns the
 * next column, one blank after. */
static int
draw_col(struct ui *ui, int y, int x, int width, const char *s, size_t len, int right,
    struct ui_style st)
{
	int w = ui_text_width(s, len);

	if (right && w < width)
		ui_draw_str(ui, y, x + width - w, w, s, st);
	else
		ui_draw_cut(ui, y, x, width, s, len, st);
	return x + width + 1;
}

/* The columns drawn before the bar (a row's labels; no ids). */
static int
draw_labels(struct ui *ui, struct ui_report *p, size_t i, int y, int x, int end,
    struct ui_style st)
{
	const struct store_report *r = &p->r;
	struct buf b;
	size_t j;

	buf_init(&b);
	for (j = 0; j < r->ncols && x < end; j++) {
		if (r->cols[j].kind != STORE_REPORT_TEXT)
			continue;
		if (p->matrix ? j >= first_cell(p) : j >= p->bar)
			break;
		buf_reset(&b);
		cell_text(r, i, j, &b);
		ui_anno_flatten(&b, 0);
		x = draw_col(ui, y, x, p->width[j] < end - x ? p->width[j] : end - x, b.data, b.len,
		    0, j == 0 && !p->matrix ? tag_style(ui, b.data, st) : st);
	}
	buf_free(&b);
	return x;
}

/* The counts after the bar: their width in all. */
static int
counts_width(const struct ui_report *p)
{
	size_t j;
	int w = 0;

	for (j = p->bar; j < p->r.ncols; j++)
		w += p->width[j] + 1;
	return w;
}

static int
bar_row(struct ui *ui, struct ui_report *p, size_t i, int y, struct ui_style st)
{
	const struct store_report *r = &p->r;
	struct ui_view *v = &p->v;
	int end = v->x + v->w, x, room;
	struct buf b;
	size_t j;

	x = draw_labels(ui, p, i, y, v->x + 1, end, st);
	room = end - x - counts_width(p);
	buf_init(&b);
	if (room >= 4 && p->bar < r->ncols) {
		const char *tag = strcmp(p->kind, "cooccurrence") == 0 ? NULL : text_at(r, i, "tag");

		text_bar(&b, store_report_at(r, i, p->bar)->n, p->max, room - 1, p->ascii);
		ui_draw_str(ui, y, x, room - 1, b.data,
		    tag != NULL ? tag_style(ui, tag, st) : ui_style_over(st, ui_style(ui,
		    UI_OBJ_LIST_COUNT)));
		x += room;
	}
	for (j = p->bar; j < r->ncols && x < end; j++) {
		buf_reset(&b);
		cell_text(r, i, j, &b);
		x = draw_col(ui, y, x, p->width[j], b.data, b.len, 1, st);
	}
	buf_free(&b);
	return 1;
}

static int
heat_row(struct ui *ui, struct ui_report *p, size_t i, int y, struct ui_style st)
{
	const struct store_report *r = &p->r;
	struct ui_view *v = &p->v;
	int end = v->x + v->w, x, c;
	struct buf b;
	size_t j;

	x = draw_labels(ui, p, i, y, v->x + 1, end, st);
	buf_init(&b);
	for (j = first_cell(p); j < r->ncols && x + p->width[j] <= end; j++) {
		int64_t n = store_report_at(r, i, j)->n;
		int here = i == v->rows.sel && j == p->col;

		buf_reset(&b);
		if (r->cols[j].kind != STORE_REPORT_CELL || here) {
			/* The total, and the selected cell: the number. */
			buf_printf(&b, "%lld", (long long)n);
			if (here)
				ui_draw_fill(ui, y, x, p->width[j], ui_popup_style(ui, 0));
			x = draw_col(ui, y, x, p->width[j], b.data, b.len, 1,
			    here ? ui_popup_style(ui, 0) : st);
			continue;
		}
		for (c = 0; c < p->width[j]; c++)
			buf_adds(&b, text_shade(text_shade_level(n, p->max), p->ascii));
		ui_draw_str(ui, y, x, p->width[j], b.data, tag_style(ui, r->cols[j].name, st));
		x += p->width[j] + 1;
	}
	buf_free(&b);
	return 1;
}

static int
report_draw_row(struct ui *ui, struct ui_view *v, size_t i, int y, struct ui_style st)
{
	struct ui_report *p = v->priv;

	row_label(ui, p, i);
	return p->matrix ? heat_row(ui, p, i, y, st) : bar_row(ui, p, i, y, st);
}

static void
report_open_row(struct ui *ui, struct ui_view *v, size_t i)
{
	(void)i;
	segments_open(ui, v->priv);
}

static int
report_row_text(struct ui *ui, struct ui_view *v, size_t i, struct buf *out)
{
	struct ui_report *p = v->priv;
	size_t j;

	row_label(ui, p, i);
	for (j = 0; j < p->r.ncols; j++)
		if (p->r.cols[j].kind == STORE_REPORT_TEXT) {
			cell_text(&p->r, i, j, out);
			buf_addc(out, ' ');
		}
	return 1;
}

static const struct ui_view_ops report_ops = {
	.name = "Report",
	.draw_row = report_draw_row,
	.open = report_open_row,
	.row_text = report_row_text,
};

/* The headings over the rows: the labels', then each cell's tag (a
 * matrix) or the counts'. */
static void
draw_headings(struct ui *ui, struct ui_report *p, int y, int x, int w, struct ui_style st)
{
	const struct store_report *r = &p->r;
	int end = x + w, room;
	size_t j;

	st = ui_style_over(st, ui_style(ui, UI_OBJ_SIDE_HEADING));
	for (j = 0; j < r->ncols && x < end; j++) {
		const char *name = r->cols[j].name;
		int cell = r->cols[j].kind == STORE_REPORT_CELL;

		if (r->cols[j].kind == STORE_REPORT_ID)
			continue;
		if (!p->matrix && j == p->bar) {
			room = end - x - counts_width(p);
			x += room >= 4 ? room : 0;
		}
		if (x + p->width[j] > end)
			break;
		x = draw_col(ui, y, x, p->width[j], name, strlen(name),
		    is_count(r->cols[j].kind) && !cell, cell ? tag_style(ui, name, st) : st);
	}
}

/* Under a heat map: which counts each shade stands for. */
static void
legend(struct ui_report *p, struct buf *out)
{
	int64_t lo, hi;
	int level;

	for (level = 1; level <= TEXT_SHADES && p->max > 0; level++) {
		text_shade_range(level, p->max, &lo, &hi);
		if (lo > hi)
			continue;
		buf_printf(out, "  %s%s ", text_shade(level, p->ascii), text_shade(level, p->ascii));
		if (lo == hi)
			buf_printf(out, "%lld", (long long)lo);
		else
			buf_printf(out, "%lld-%lld", (long long)lo, (long long)hi);
	}
}

static void
report_draw(struct ui *ui, struct ui_overlay *o)
{
	struct ui_report *p = (struct ui_report *)o;
	struct ui_style st = ui_popup_style(ui, 0);
	struct ui_style dim = ui_style_over(st, ui_style(ui, UI_OBJ_SIDE_COUNT));
	int w = ui->cols - 2, h = ui->rows - 2, y, x;
	struct ui_view *v = p->segments ? &p->segv : &p->v;
	struct buf head;

	buf_init(&head);
	buf_printf(&head, "Report: %s", p->kind);
	if (p->axis != NULL)
		buf_printf(&head, " %s %s", p->matrix ? "x" : "per", p->axis);
	if (p->tag != NULL)
		buf_printf(&head, " (tag %s)", p->tag);
	ui_popup_box(ui, h, w, head.data, &y, &x);
	w -= 4;
	buf_reset(&head);
	if (p->segments) {
		buf_printf(&head, "%zu segment%s: %s%s   Enter: open   Esc: back to the report",
		    p->segtotal, p->segtotal == 1 ? "" : "s", p->segwhat,
		    p->segtotal > p->nsegs ? " (the first shown)" : "");
		ui_draw_cut(ui, y, x, w, head.data, head.len, dim);
	} else {
		if (p->matrix && p->r.nrows > 0) {
			const char *row;

			row_label(ui, p, p->v.rows.sel);
			row = store_report_at(&p->r, p->v.rows.sel, 1)->text;

			buf_printf(&head, "%s x %s: %lld", p->r.cols[p->col].name, row ? row : "-",
			    (long long)store_report_at(&p->r, p->v.rows.sel, p->col)->n);
			legend(p, &head);
			buf_adds(&head, "   h/l: cell");
		} else
			buf_printf(&head, "%zu row%s", p->r.nrows, p->r.nrows == 1 ? "" : "s");
		buf_adds(&head, "   Enter: the segments   Esc: close");
		ui_draw_cut(ui, y, x, w, head.data, head.len, dim);
		draw_headings(ui, p, y + 1, x, w, st);
	}
	buf_free(&head);
	ui_view_draw_in(ui, v, y + 2, x, h - 4, w,
	    p->segments ? "no segment" : "nothing coded yet");
}

/* h and l: the matrix's cell to the left or right (the total last). */
static void
cell_step(struct ui *ui, struct ui_report *p, int dir)
{
	if (!p->matrix)
		return;
	if (dir < 0 && p->col > first_cell(p))
		p->col--;
	else if (dir > 0 && p->col + 1 < p->r.ncols)
		p->col++;
	ui_view_dirty(ui, &p->v);
}

static int
report_key(struct ui *ui, struct ui_overlay *o, int code)
{
	struct ui_report *p = (struct ui_report *)o;
	struct ui_view *v = p->segments ? &p->segv : &p->v;

	if (ui_view_move(ui, v, ui_view_list_motion(code), 0))
		return 1;
	switch (code) {
	case 'h':
	case UI_KEY_CURSES(KEY_LEFT):
		cell_step(ui, p, -1);
		return 1;
	case 'l':
	case UI_KEY_CURSES(KEY_RIGHT):
		cell_step(ui, p, 1);
		return 1;
	case UI_KEY_ENTER:
		p->jumped = 0;
		ui_view_open(ui, v);
		/* A segment opened closes the popup; a row opened its segments. */
		return !p->jumped;
	case 'q':
	case UI_KEY_ESC:
	case UI_KEY_CTRL('c'):
		if (p->segments) {
			p->segments = 0;
			return 1;
		}
		return 0;
	default:
		return 1;
	}
}

static void
report_free(struct ui_overlay *o)
{
	struct ui_report *p = (struct ui_report *)o;

	if (p->kept)
		return;
	store_report_free(&p->r);
	store_anno_list_free(p->segs, p->nsegs);
	free(p->segwhat);
	free(p->width);
	free(p->labelled);
	free(p->kind);
	free(p->axis);
	free(p->tag);
	free(p);
}

void
ui_report_free(struct ui *ui)
{
	struct ui_report *p = ui->report;

	ui->report = NULL;
	if (p == NULL)
		return;
	/* Open, it is freed when the popup closes. */
	p->kept = 0;
	if (ui->overlay != &p->o)
		report_free(&p->o);
}

/* Shown, and held by ui->report (the last report) until another replaces
 * it or the reader ends. */
static void
show(struct ui *ui, struct ui_report *p)
{
	p->kept = 1;
	ui->report = p;
	ui_overlay_open(ui, &p->o);
}

void
ui_report_reopen(struct ui *ui)
{
	struct ui_report *p = ui->report;

	if (p == NULL) {
		ui_message(ui, "no report yet: :report frequency, matrix AXIS or cooccurrence");
		return;
	}
	/* What another program (or this one) coded since is counted. */
	if (run_query(ui, p) != 0 || (p->segments && segments_read(ui, p) != 0)) {
		ui_error(ui, "%s", err_msg());
		err_clear();
		return;
	}
	show(ui, p);
}

/* A timeline's --by and --about (an actor or agreement by name). */
static int
timeline_command(struct ui *ui, const struct args *a, const char *tag)
{
	const char *by = args_get(a, "by"), *about = args_get(a, "about");
	int64_t byid = 0, aboutid = 0;

	if (by == NULL && about == NULL)
		return err_set("a timeline needs --by NAME or --about NAME");
	if (by != NULL && (store_entity_find(ui->st, by, &byid) != 0 || byid == 0))
		return err_set("no actor called '%s' (Tab completes names)", by);
	if (about != NULL && (store_entity_find(ui->st, about, &aboutid) != 0 || aboutid == 0))
		return err_set("no actor or agreement called '%s' (Tab completes names)", about);
	return ui_timeline_open(ui, byid, aboutid, tag);
}

int
ui_report_command(struct ui *ui, const struct args *a)
{
	static const char *const printing[] = { "csv", "json", "chart", "ascii", NULL };
	const char *kind = a->spec->name, *tag = args_get(a, "tag"), *limit = args_get(a, "limit");
	const char *const *pr;
	struct ui_report *p;
	char *end;

	for (pr = printing; *pr != NULL; pr++)
		if (args_has(a, *pr))
			return err_set("--%s is for the shell: the reader draws the report", *pr);
	if (a->parent == NULL)
		return err_set("report what? frequency, matrix AXIS, cooccurrence or timeline");
	if (tag != NULL && store_report_tag_known(ui->st, tag) != 1)
		return err_set("no tag is named '%s' (Tab completes tags)", tag);
	if (strcmp(kind, "timeline") == 0)
		return timeline_command(ui, a, tag);
	p = xcalloc(1, sizeof *p);
	p->kind = xstrdup(kind);
	p->tag = tag != NULL ? xstrdup(tag) : NULL;
	p->matrix = strcmp(kind, "matrix") == 0;
	p->ascii = !ui->utf8;
	/* Each kind's own options: asking for another's is a mistake. */
	if (p->matrix)
		p->axis = xstrdup(a->argv[0]);
	else if (strcmp(kind, "frequency") == 0 && args_get(a, "per") != NULL)
		p->axis = xstrdup(args_get(a, "per"));
	if (limit != NULL)
		p->q.limit = (size_t)strtoull(limit, &end, 10);
	if (p->axis != NULL && store_report_per_parse(p->axis, &p->q.per) != 0) {
		err_set("no axis '%s' (article, outlet, month, speaker, agreement)", p->axis);
		report_free(&p->o);
		return -1;
	}
	if (strcmp(kind, "cooccurrence") == 0) {
		const char *within = args_get(a, "within");

		p->q.overlap = within != NULL && strcmp(within, "overlap") == 0;
		p->q.entities = args_has(a, "entities");
	}
	p->o.draw = report_draw;
	p->o.key = report_key;
	p->o.free = report_free;
	p->o.mode = "REPORT";
	p->v.ops = &report_ops;
	p->v.popup = 1;
	p->v.priv = p;
	p->v.h = ui->rows > 6 ? ui->rows - 6 : 1;
	p->segv.ops = &segment_ops;
	p->segv.popup = 1;
	p->segv.priv = p;
	p->segv.h = p->v.h;
	if (run_query(ui, p) != 0) {
		report_free(&p->o);
		return -1;
	}
	/* The last report is forgotten for this one. */
	ui_report_free(ui);
	show(ui, p);
	return 0;
}
