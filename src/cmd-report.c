/*
 * cmd-report.c: `dossier report KIND`: what the user's coding adds up to
 * (store-report.c and store-report-matrix.c count it), shown as an
 * aligned table, as CSV (--csv), as JSON (--json) or as a picture
 * (--chart): bars for a frequency, a co-occurrence or a timeline's
 * months, a heat map of shaded cells for a matrix. --csv and --json give
 * the numbers behind the picture asked for.
 *
 * Every string from the database is made safe (text_safe) before it is
 * measured, and printed through cmd_write: a title or a tag name carries
 * no escape to the terminal, and the columns line up with what is shown.
 */
#include "config.h"

#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cmd.h"
#include "export.h"
#include "store.h"
#include "text.h"
#include "util.h"

static int cmd_report_exec(struct cmd_ctx *, const struct args *);

static const char *const per_choices[] = { "article", "outlet", "month", "speaker", NULL };
static const char *const axis_choices[] = { "speaker", "article", "agreement", NULL };
static const char *const within_choices[] = { "sentence", "overlap", NULL };

/* The options every report takes, after its own. */
#define REPORT_OPTIONS \
	{ "tag", 0, "TAG", ARGS_TAG, NULL, "only this tag and the tags nested in it" }, \
	{ "limit", 0, "N", ARGS_COUNT, NULL, "only the first N rows" }, \
	{ "chart", 0, NULL, ARGS_WORD, NULL, "draw it: bars, or a heat map for a matrix" }, \
	{ "ascii", 0, NULL, ARGS_WORD, NULL, "draw the chart in ASCII" }, \
	{ "csv", 0, NULL, ARGS_WORD, NULL, "print CSV (with --chart, the numbers drawn)" }, \
	{ "json", 0, NULL, ARGS_WORD, NULL, "print JSON (with --chart, the numbers drawn)" }, \
	{ NULL }

static const struct cmd_entry report_frequency = {
	.spec = { .name = "frequency", .summary = "per tag: segments and articles",
	    .options = (const struct args_option[]){
	    { "per", 0, "WHAT", ARGS_CHOICE, per_choices,
	      "each tag per article, outlet, month or speaker" },
	    REPORT_OPTIONS } },
	.exec = cmd_report_exec,
};
static const struct cmd_entry report_matrix = {
	.spec = { .name = "matrix",
	    .summary = "tags against speakers, articles or the agreements named beside them",
	    .options = (const struct args_option[]){ REPORT_OPTIONS },
	    .params = (const struct args_param[]){ { "AXIS", ARGS_CHOICE, axis_choices, 0,
	    "needs what to set the tags against: speaker, article or agreement" }, { NULL } } },
	.exec = cmd_report_exec,
};
static const struct cmd_entry report_cooccurrence = {
	.spec = { .name = "cooccurrence", .summary = "tags (and entities) that share a sentence",
	    .options = (const struct args_option[]){
	    { "within", 0, "UNIT", ARGS_CHOICE, within_choices,
	      "sentence (the default), or overlap: tags on overlapping highlights" },
	    { "entities", 0, NULL, ARGS_WORD, NULL, "each tag with the entities named with it, too" },
	    REPORT_OPTIONS } },
	.exec = cmd_report_exec,
};
static const struct cmd_entry report_timeline = {
	.spec = { .name = "timeline",
	    .summary = "statements of an actor or naming an entity, by month, with their tags",
	    .options = (const struct args_option[]){
	    { "by", 0, "NAME", ARGS_ACTOR, NULL, "the statements this actor made" },
	    { "about", 0, "NAME", ARGS_ACTOR, NULL, "the statements that name this entity" },
	    REPORT_OPTIONS } },
	.exec = cmd_report_exec,
};

const struct cmd_entry cmd_report_entry = {
	.spec = {
		.name = "report",
		.summary = "count the coding: tag frequencies, matrices, co-occurrence, timelines",
		.subs = CMD_SUBS(&report_frequency.spec, &report_matrix.spec,
		    &report_cooccurrence.spec, &report_timeline.spec),
	},
	.exec = cmd_report_exec,
};

/* What the command line asked for. */
struct report_opts {
	const char *kind, *axis, *tag, *by, *about, *within;
	int csv, json, chart, ascii, entities;
	size_t limit;
};

/* A text column is cut to this many cells in a table (a statement's text
 * to TEXT_CELLS), with "…" where it was cut. */
#define LABEL_CELLS 40
#define TEXT_CELLS 60
/* A heat map's column is at most this wide (a tag's name is cut). */
#define HEAT_CELLS 12

/* ---- cells as they are shown ------------------------------------------------ */

/* The cells of R as the safe strings shown ("-" for none), with their
 * widths; counts as numbers. */
struct shown {
	char **s;
	int *w;
	int *colw;
};

static int
is_count(enum store_report_kind k)
{
	return k == STORE_REPORT_COUNT || k == STORE_REPORT_CELL;
}

/* S made safe and cut to MAX cells ("…" at the end of a cut), malloc'd. */
static char *
safe_cut(const char *s, int max, int *width)
{
	struct buf b;
	char *safe, *cut;
	size_t len;

	buf_init(&b);
	text_safe(s, strlen(s), 0, &b);
	safe = buf_detach(&b, &len);
	*width = text_cells(safe, len);
	if (max <= 0 || *width <= max)
		return safe;
	cut = xasprintf("%.*s\xE2\x80\xA6", (int)text_fit(safe, len, max - 1), safe);
	free(safe);
	*width = text_cells(cut, strlen(cut));
	return cut;
}

static char *
cell_string(const struct store_report *r, size_t row, size_t col, int max, int *width)
{
	const struct store_report_cell *c = store_report_at(r, row, col);
	char num[32];

	if (r->cols[col].kind == STORE_REPORT_TEXT)
		return safe_cut(c->text != NULL ? c->text : "-", max, width);
	if (r->cols[col].kind == STORE_REPORT_ID && c->n == 0)
		return safe_cut("-", 0, width);
	snprintf(num, sizeof num, "%lld", (long long)c->n);
	return safe_cut(num, 0, width);
}

/* The widest a column's text may be: a statement's text is given more. */
static int
col_max(const struct store_report *r, size_t col)
{
	if (r->cols[col].kind != STORE_REPORT_TEXT)
		return 0;
	return strcmp(r->cols[col].name, "text") == 0 ? TEXT_CELLS : LABEL_CELLS;
}

/* HEADING_MAX: the widest a tag's heading is shown (0: whole); below 0,
 * no headings are shown (a bar chart), and only the cells count. */
static void
shown_make(const struct store_report *r, struct shown *sh, int heading_max)
{
	size_t i, j, n = r->nrows * r->ncols;
	int w;

	sh->s = xcalloc(n + 1, sizeof *sh->s);
	sh->w = xcalloc(n + 1, sizeof *sh->w);
	sh->colw = xcalloc(r->ncols + 1, sizeof *sh->colw);
	for (j = 0; j < r->ncols && heading_max >= 0; j++) {
		free(safe_cut(r->cols[j].name, r->cols[j].kind == STORE_REPORT_CELL ? heading_max : 0,
		    &w));
		sh->colw[j] = w;
	}
	for (i = 0; i < r->nrows; i++)
		for (j = 0; j < r->ncols; j++) {
			size_t k = i * r->ncols + j;
			sh->s[k] = cell_string(r, i, j, col_max(r, j), &sh->w[k]);
			if (sh->w[k] > sh->colw[j])
				sh->colw[j] = sh->w[k];
		}
}

static void
shown_free(const struct store_report *r, struct shown *sh)
{
	size_t i;

	for (i = 0; i < r->nrows * r->ncols; i++)
		free(sh->s[i]);
	free(sh->s);
	free(sh->w);
	free(sh->colw);
}

/* Appends S (W cells) padded to WIDTH, on the right for a number. */
static void
pad(struct buf *b, const char *s, int w, int width, int right)
{
	int i;

	if (right)
		for (i = w; i < width; i++)
			buf_addc(b, ' ');
	buf_adds(b, s);
	if (!right)
		for (i = w; i < width; i++)
			buf_addc(b, ' ');
}

/* Prints line B without the spaces at its end, and empties it. */
static void
put_line(struct buf *b)
{
	while (b->len > 0 && b->data[b->len - 1] == ' ')
		b->len--;
	buf_addc(b, '\n');
	cmd_write(stdout, b->data, b->len);
	buf_reset(b);
}

/* Column J's heading, made safe and cut to MAX cells (0: whole). */
static void
heading(struct buf *b, const struct store_report *r, size_t j, int max, int width)
{
	int w;
	char *h = safe_cut(r->cols[j].name, max, &w);

	pad(b, h, w, width, is_count(r->cols[j].kind));
	free(h);
}

/* ---- the table --------------------------------------------------------------- */

/* With GROUP, the first column's values are headings, each over its
 * rows (a timeline's months, a frequency's tags), and the rows are
 * indented under them without it. */
static void
print_table(const struct store_report *r, int group)
{
	struct shown sh;
	struct buf line;
	size_t i, j, from = group ? 1 : 0;

	shown_make(r, &sh, 0);
	buf_init(&line);
	buf_adds(&line, group ? "  " : "");
	for (j = from; j < r->ncols; j++) {
		buf_adds(&line, j > from ? "  " : "");
		heading(&line, r, j, 0, sh.colw[j]);
	}
	put_line(&line);
	for (i = 0; i < r->nrows; i++) {
		if (group && (i == 0 || strcmp(sh.s[i * r->ncols], sh.s[(i - 1) * r->ncols]) != 0)) {
			buf_adds(&line, sh.s[i * r->ncols]);
			put_line(&line);
		}
		buf_adds(&line, group ? "  " : "");
		for (j = from; j < r->ncols; j++) {
			size_t k = i * r->ncols + j;
			buf_adds(&line, j > from ? "  " : "");
			pad(&line, sh.s[k], sh.w[k], sh.colw[j], r->cols[j].kind != STORE_REPORT_TEXT);
		}
		put_line(&line);
	}
	buf_free(&line);
	shown_free(r, &sh);
}

/* ---- CSV ----------------------------------------------------------------------- */

static void
print_csv(const struct store_report *r)
{
	struct buf out;
	size_t i, j;
	char num[32];

	buf_init(&out);
	for (j = 0; j < r->ncols; j++)
		export_csv_field(&out, r->cols[j].name, j == 0);
	buf_adds(&out, "\r\n");
	for (i = 0; i < r->nrows; i++) {
		for (j = 0; j < r->ncols; j++) {
			const struct store_report_cell *c = store_report_at(r, i, j);
			const char *v = c->text;
			if (r->cols[j].kind != STORE_REPORT_TEXT) {
				snprintf(num, sizeof num, "%lld", (long long)c->n);
				v = r->cols[j].kind == STORE_REPORT_ID && c->n == 0 ? NULL : num;
			}
			export_csv_field(&out, v, j == 0);
		}
		buf_adds(&out, "\r\n");
	}
	cmd_write(stdout, out.data != NULL ? out.data : "", out.len);
	buf_free(&out);
}

/* ---- pictures ------------------------------------------------------------------- */

/* The terminal's width: standard output's, else $COLUMNS, else 80. */
static int
term_width(void)
{
	struct winsize ws;
	const char *env = getenv("COLUMNS");
	char *end;
	long w;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if (env != NULL && (w = strtol(env, &end, 10)) > 0 && *end == '\0' && w < 10000)
		return (int)w;
	return 80;
}

/* The column a bar chart draws: the first count. */
static size_t
bar_col(const struct store_report *r)
{
	size_t j;

	for (j = 0; j < r->ncols; j++)
		if (is_count(r->cols[j].kind))
			return j;
	return r->ncols;
}

/* One row a bar: the labels as in the table, the bar, the number. The
 * bars share one scale, the largest value filling the width left. */
static void
print_bars(const struct store_report *r, int ascii)
{
	struct shown sh;
	struct buf line;
	size_t i, j, v = bar_col(r);
	int64_t max = 0;
	int labels = 0, bars;

	if (v == r->ncols)
		return;
	shown_make(r, &sh, -1);
	for (j = 0; j < v; j++)
		labels += sh.colw[j] + 2;
	for (i = 0; i < r->nrows; i++)
		if (store_report_at(r, i, v)->n > max)
			max = store_report_at(r, i, v)->n;
	bars = term_width() - labels - sh.colw[v] - 1;
	if (bars < 10)
		bars = 10;
	buf_init(&line);
	for (i = 0; i < r->nrows; i++) {
		size_t k = i * r->ncols;
		int drawn;
		for (j = 0; j < v; j++) {
			pad(&line, sh.s[k + j], sh.w[k + j], sh.colw[j], r->cols[j].kind != STORE_REPORT_TEXT);
			buf_adds(&line, "  ");
		}
		drawn = text_bar(&line, store_report_at(r, i, v)->n, max, bars, ascii);
		pad(&line, "", 0, bars - drawn + 1, 0);
		buf_adds(&line, sh.s[k + v]);
		put_line(&line);
	}
	buf_free(&line);
	shown_free(r, &sh);
}

/* Under a heat map, which values each shade stands for. */
static void
heat_legend(int64_t max, int ascii)
{
	struct buf line;
	int64_t lo, hi;
	int level;

	buf_init(&line);
	for (level = 1; level <= TEXT_SHADES; level++) {
		text_shade_range(level, max, &lo, &hi);
		if (lo > hi)
			continue;
		buf_printf(&line, "%s%s%s ", line.len > 0 ? "  " : "", text_shade(level, ascii),
		    text_shade(level, ascii));
		if (lo == hi)
			buf_printf(&line, "%lld", (long long)lo);
		else
			buf_printf(&line, "%lld-%lld", (long long)lo, (long long)hi);
	}
	put_line(&line);
	buf_free(&line);
}

/* A matrix: its labels, then each tag's cell as a shade filling the
 * column, then the row's total; the shades share one scale. */
static void
print_heat(const struct store_report *r, int ascii)
{
	struct shown sh;
	struct buf line;
	size_t i, j;
	int64_t max = 0;

	shown_make(r, &sh, HEAT_CELLS);
	for (i = 0; i < r->nrows; i++)
		for (j = 0; j < r->ncols; j++)
			if (r->cols[j].kind == STORE_REPORT_CELL && store_report_at(r, i, j)->n > max)
				max = store_report_at(r, i, j)->n;
	buf_init(&line);
	for (j = 0; j < r->ncols; j++) {
		int cell = r->cols[j].kind == STORE_REPORT_CELL;
		if (cell && sh.colw[j] > HEAT_CELLS)
			sh.colw[j] = HEAT_CELLS;
		buf_adds(&line, j > 0 ? " " : "");
		heading(&line, r, j, cell ? HEAT_CELLS : 0, sh.colw[j]);
	}
	put_line(&line);
	for (i = 0; i < r->nrows; i++) {
		for (j = 0; j < r->ncols; j++) {
			size_t k = i * r->ncols + j;
			int c;
			buf_adds(&line, j > 0 ? " " : "");
			if (r->cols[j].kind != STORE_REPORT_CELL) {
				pad(&line, sh.s[k], sh.w[k], sh.colw[j], r->cols[j].kind != STORE_REPORT_TEXT);
				continue;
			}
			for (c = 0; c < sh.colw[j]; c++)
				buf_adds(&line, text_shade(text_shade_level(store_report_at(r, i, j)->n, max),
				    ascii));
		}
		put_line(&line);
	}
	buf_free(&line);
	if (max > 0)
		heat_legend(max, ascii);
	shown_free(r, &sh);
}

/* ---- memos --------------------------------------------------------------------------- */

/* Under a frequency's table, the memos on the tags it counts (the
 * codebook's descriptions and what the coders wrote), so that what a tag
 * means is read beside how often it was used. */
static int
print_tag_memos(struct store *st, const struct store_report *r)
{
	struct store_memo_filter f = { .kind = STORE_MEMO_TAG };
	struct store_memo *rows;
	size_t n, i, k, shown = 0;

	if (store_memo_list(st, &f, &rows, &n) != 0)
		return -1;
	for (i = 0; i < n; i++)
		for (k = 0; k < r->nrows; k++) {
			const char *tag = store_report_at(r, k, 0)->text;

			if (tag == NULL || rows[i].target_name == NULL ||
			    strcmp(tag, rows[i].target_name) != 0)
				continue;
			if (shown++ == 0)
				cmd_printf("\nmemos:\n");
			cmd_memo_print_row(&rows[i]);
			break;
		}
	store_memo_list_free(rows, n);
	return 0;
}

/* ---- the command ------------------------------------------------------------------ */

/* Whether the codebook has TAG or a tag nested in it, or a one-line error. */
static int
tag_known(struct store *st, const char *tag)
{
	int rc = store_report_tag_known(st, tag);

	if (rc < 0)
		err_print("report");
	else if (rc == 0)
		cmd_eprintf("dossier: report: no tag is named '%s' (dossier tag lists them)\n", tag);
	return rc == 1 ? 0 : -1;
}

/* Checks what O asks for and fills Q; a message and -1 when it is not a
 * report. */
static int
query_make(const struct report_opts *o, struct store_report_query *q)
{
	memset(q, 0, sizeof *q);
	q->tag = o->tag;
	q->limit = o->limit;
	if (o->csv && o->json)
		return err_set("--csv or --json, not both");
	if (o->ascii && !o->chart)
		return err_set("--ascii draws a --chart in ASCII; add --chart");
	if (strcmp(o->kind, "frequency") == 0) {
		if (o->axis != NULL && (store_report_per_parse(o->axis, &q->per) != 0 ||
		    q->per == STORE_PER_AGREEMENT))
			return err_set("a frequency is --per article, outlet, month or speaker, not '%s'",
			    o->axis);
		return 0;
	}
	if (strcmp(o->kind, "matrix") == 0) {
		if (o->axis == NULL || store_report_per_parse(o->axis, &q->per) != 0 ||
		    (q->per != STORE_PER_SPEAKER && q->per != STORE_PER_ARTICLE &&
		    q->per != STORE_PER_AGREEMENT))
			return err_set("a matrix is of tags against speaker, article or agreement%s%s%s",
			    o->axis ? ", not '" : "", o->axis ? o->axis : "", o->axis ? "'" : "");
		return 0;
	}
	if (strcmp(o->kind, "cooccurrence") == 0) {
		if (o->within != NULL && strcmp(o->within, "sentence") != 0 &&
		    strcmp(o->within, "overlap") != 0)
			return err_set("--within is sentence or overlap, not '%s'", o->within);
		q->overlap = o->within != NULL && strcmp(o->within, "overlap") == 0;
		q->entities = o->entities;
		return 0;
	}
	if (strcmp(o->kind, "timeline") == 0) {
		if (o->by == NULL && o->about == NULL)
			return err_set("a timeline needs --by NAME or --about NAME");
		q->months = o->chart;
		return 0;
	}
	return err_set("no report '%s' (frequency, matrix, cooccurrence, timeline)", o->kind);
}

static int
run(struct cmd_ctx *ctx, const struct args *a, const struct report_opts *o)
{
	struct store_report_query q;
	struct store_report r;
	struct store *st;
	char *json;
	int rc, positional;

	if (query_make(o, &q) != 0)
		return cmd_usage_error(a, "%s", err_msg());
	/* The matrix per agreement and the co-occurrences count again the
	 * articles coded since their counts were kept, and keep them: they
	 * write (on a file that cannot be written, they count directly). */
	positional = strcmp(o->kind, "cooccurrence") == 0 ||
	    (strcmp(o->kind, "matrix") == 0 && q.per == STORE_PER_AGREEMENT);
	if ((st = cmd_store(ctx, (positional ? 0 : STORE_READONLY) | STORE_NOCREATE)) == NULL)
		return EXIT_FAIL;
	if ((o->tag != NULL && tag_known(st, o->tag) != 0) ||
	    (o->by != NULL && cmd_entity(st, "report", o->by, &q.by) != 0) ||
	    (o->about != NULL && cmd_entity(st, "report", o->about, &q.about) != 0))
		return EXIT_FAIL;
	if (strcmp(o->kind, "frequency") == 0)
		rc = store_report_frequency(st, &q, &r);
	else if (strcmp(o->kind, "matrix") == 0)
		rc = store_report_matrix(st, &q, &r);
	else if (strcmp(o->kind, "cooccurrence") == 0)
		rc = store_report_cooccurrence(st, &q, &r);
	else
		rc = store_report_timeline(st, &q, &r);
	if (rc != 0) {
		err_print("report");
		return EXIT_FAIL;
	}
	if (o->json) {
		rc = store_report_json(st, &r, &json);
		if (rc == 0) {
			cmd_puts(json);
			free(json);
		} else
			err_print("report");
	} else if (o->csv)
		print_csv(&r);
	else if (o->chart && strcmp(o->kind, "matrix") == 0)
		print_heat(&r, o->ascii || strcmp(nl_langinfo(CODESET), "UTF-8") != 0);
	else if (o->chart)
		print_bars(&r, o->ascii || strcmp(nl_langinfo(CODESET), "UTF-8") != 0);
	else {
		print_table(&r, (strcmp(o->kind, "timeline") == 0 && !q.months) ||
		    (strcmp(o->kind, "frequency") == 0 && q.per != STORE_PER_NONE));
		if (strcmp(o->kind, "frequency") == 0 && q.per == STORE_PER_NONE &&
		    (rc = print_tag_memos(st, &r)) != 0)
			err_print("report");
	}
	store_report_free(&r);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

static int
cmd_report_exec(struct cmd_ctx *ctx, const struct args *a)
{
	struct report_opts o = { 0 };
	const char *limit = args_get(a, "limit");

	o.kind = a->spec->name;
	if (strcmp(o.kind, "frequency") == 0)
		o.axis = args_get(a, "per");
	else if (strcmp(o.kind, "matrix") == 0)
		o.axis = a->argv[0];
	else if (strcmp(o.kind, "cooccurrence") == 0) {
		o.within = args_get(a, "within");
		o.entities = args_has(a, "entities");
	} else {
		o.by = args_get(a, "by");
		o.about = args_get(a, "about");
	}
	o.tag = args_get(a, "tag");
	o.chart = args_has(a, "chart");
	o.ascii = args_has(a, "ascii");
	o.csv = args_has(a, "csv");
	o.json = args_has(a, "json");
	if (limit != NULL && cmd_parse_count(limit, &o.limit) != 0)
		return cmd_usage_error(a, "--limit needs a number, not '%s'", limit);
	return run(ctx, a, &o);
}
