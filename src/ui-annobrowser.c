/*
 * ui-annobrowser.c: every annotation of the corpus in one list
 * (`:annotations`, or M), narrowed as one types: words filter the quote,
 * note and speaker; tag:NAME (nested tags included), speaker:NAME,
 * coder:NAME, status:STATUS and state:STATE (or state:all) filter those
 * fields. Each row names its coder.
 * Enter opens the article at the highlight; Esc closes.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#define DOSSIER_UI_INTERNAL
#include "anno.h"
#include "store.h"
#include "text.h"
#include "ui.h"

/* The list shows at most this many; the count says how many match. */
#define MAX_ROWS 1000

struct title {
	int64_t id;
	char *title;
};

/* The matching annotations are the rows of a view (v.rows). */
struct browser {
	struct ui_overlay o;
	struct ui_view v;
	struct buf filter;
	struct store_anno *rows;
	size_t n, total;
	struct title *titles;     /* of the articles shown so far */
	size_t ntitles;
	char *problem;            /* a filter word not understood */
};

/* Splits the filter into the store's filter; the strings point into
 * WORDS, a copy the caller frees. */
static void
parse_filter(struct browser *b, char *words, struct store_anno_filter *f, struct buf *text)
{
	char *w, *save = NULL;

	memset(f, 0, sizeof *f);
	f->status = -1;
	free(b->problem);
	b->problem = NULL;
	for (w = strtok_r(words, " ", &save); w != NULL; w = strtok_r(NULL, " ", &save)) {
		enum store_anno_status status;
		enum store_anno_state state;

		if (strncmp(w, "tag:", 4) == 0)
			f->tag = w + 4;
		else if (strncmp(w, "speaker:", 8) == 0)
			f->speaker = w + 8;
		else if (strncmp(w, "coder:", 6) == 0)
			f->coder = w + 6;
		else if (strncmp(w, "status:", 7) == 0 && store_anno_status_parse(w + 7, &status) == 0)
			f->status = (int)status;
		else if (strcmp(w, "state:all") == 0)
			f->states = STORE_ANNO_ALL;
		else if (strncmp(w, "state:", 6) == 0 && store_anno_state_parse(w + 6, &state) == 0)
			f->states |= STORE_ANNO_STATE_BIT(state);
		else if (strncmp(w, "status:", 7) == 0 || strncmp(w, "state:", 6) == 0) {
			if (b->problem == NULL)
				b->problem = xstrdup(err_msg());
			err_clear();
		} else
			buf_printf(text, "%s%s", text->len ? " " : "", w);
	}
	f->text = text->len > 0 ? text->data : NULL;
}

static void
query(struct ui *ui, struct browser *b)
{
	char *words = xstrdup(b->filter.data ? b->filter.data : "");
	struct store_anno_filter f;
	struct buf text;

	buf_init(&text);
	parse_filter(b, words, &f, &text);
	store_anno_list_free(b->rows, b->n);
	b->rows = NULL;
	b->n = b->total = 0;
	f.limit = MAX_ROWS;
	if (store_anno_list(ui->st, &f, &b->rows, &b->n) != 0 ||
	    store_anno_count(ui->st, &f, &b->total) != 0) {
		ui_error(ui, "%s", err_msg());
		err_clear();
	}
	memset(&b->v.rows, 0, sizeof b->v.rows);
	ui_view_set_rows(ui, &b->v, b->n, 0);
	buf_free(&text);
	free(words);
}

static const char *
title_of(struct ui *ui, struct browser *b, int64_t id)
{
	struct store_anno_article art;
	size_t i;

	for (i = 0; i < b->ntitles; i++) {
		if (b->titles[i].id == id)
			return b->titles[i].title;
	}
	b->titles = xreallocarray(b->titles, b->ntitles + 1, sizeof *b->titles);
	b->titles[b->ntitles].id = id;
	if (store_anno_article_get(ui->st, id, &art) == 0) {
		b->titles[b->ntitles].title = xstrdup(art.title ? art.title : "");
		store_anno_article_free(&art);
	} else {
		err_clear();
		b->titles[b->ntitles].title = xstrdup("?");
	}
	return b->titles[b->ntitles++].title;
}

void
ui_anno_jump(struct ui *ui, const struct store_anno *a)
{
	int orphan = a->state != STORE_ANNO_ACTIVE;

	ui_article_jump_push(ui);
	if (ui_article_open(ui, a->article_id, orphan ? 0 : a->start) != 0) {
		ui_error(ui, "%s", err_msg());
		return;
	}
	ui_focus(ui, UI_VIEW_ARTICLE);
	if (orphan)
		ui_message(ui, "this highlight is %s: its text is not in this version",
		    store_anno_state_name(a->state));
	else if (a->was_quote != NULL)
		ui_message(ui, "this highlight's words changed in this version: was \"%s\", now \"%s\"",
		    a->was_quote, a->quote);
}

/* Tab after "tag:": the codebook's tags that the typed start matches.
 * One is put in whole; several are extended to what they share and
 * listed on the status line. */
static void
complete_filter(struct ui *ui, struct browser *b)
{
	struct ui_cands all = { 0 }, match = { 0 };
	const char *word;
	size_t start, len, common;

	for (start = b->filter.len; start > 0 && b->filter.data[start - 1] != ' '; start--)
		;
	word = b->filter.data != NULL ? b->filter.data + start : "";
	if (strncmp(word, "tag:", 4) != 0) {
		ui_message(ui, "Tab completes a tag after tag:");
		return;
	}
	len = b->filter.len - start - 4;
	ui_cands_tags(ui, &all);
	ui_cands_filter(&all, word + 4, len, &match);
	common = ui_cands_common(&match);
	if (match.n == 0) {
		ui_message(ui, "no tag begins with '%s'", word + 4);
	} else if (match.n == 1 || common > len) {
		b->filter.len = start + 4;
		b->filter.data[b->filter.len] = '\0';
		buf_add(&b->filter, match.v[0], match.n == 1 ? strlen(match.v[0]) : common);
		if (match.n == 1)
			buf_addc(&b->filter, ' ');
		query(ui, b);
	}
	if (match.n > 1) {
		struct buf list;
		size_t i;

		buf_init(&list);
		for (i = 0; i < match.n; i++)
			buf_printf(&list, "%s%s", i ? " " : "", match.v[i]);
		ui_message(ui, "%s", list.data);
		buf_free(&list);
	}
	ui_cands_free(&all);
	ui_cands_free(&match);
}

static int
browse_key(struct ui *ui, struct ui_overlay *o, int code)
{
	struct browser *b = (struct browser *)o;

	if (ui_view_move(ui, &b->v, ui_view_popup_motion(code), 1))
		return 1;
	switch (code) {
	case UI_KEY_ESC:
	case UI_KEY_CTRL('c'):
		return 0;
	case UI_KEY_ENTER:
		ui_view_open(ui, &b->v);
		return 0;
	case '\t':
		complete_filter(ui, b);
		return 1;
	case UI_KEY_CTRL('u'):
		/* As on a shell's line: the whole filter goes. */
		buf_reset(&b->filter);
		buf_addc(&b->filter, '\0');
		b->filter.len = 0;
		query(ui, b);
		return 1;
	case UI_KEY_BACKSPACE:
		if (b->filter.len > 0) {
			size_t n = text_char_prev(b->filter.data, b->filter.len);

			b->filter.len = n;
			b->filter.data[n] = '\0';
			query(ui, b);
		}
		return 1;
	default:
		if (code >= 0x20 && code != 0x7f && code < 0x80) {
			buf_addc(&b->filter, (char)code);
			query(ui, b);
		}
		return 1;
	}
}

static void
browse_open(struct ui *ui, struct ui_view *v, size_t i)
{
	struct browser *b = v->priv;

	ui_anno_jump(ui, &b->rows[i]);
}

/* Draws S in a column of WIDTH cells at X, with at least one blank after
 * it: a text that does not fit ends in "…", so one column never runs
 * into the next and a cut is seen. */
static void
draw_column(struct ui *ui, int y, int x, int width, const char *s, size_t len, struct ui_style st)
{
	if (width >= 2)
		ui_draw_cut(ui, y, x, width - 1, s, len, st);
}

static int
browse_draw_row(struct ui *ui, struct ui_view *v, size_t i, int y, struct ui_style st)
{
	struct browser *b = v->priv;
	const struct store_anno *a = &b->rows[i];
	struct ui_style dim = ui_style_over(st, ui_style(ui, UI_OBJ_SIDE_COUNT));
	int x = v->x + 1, w = v->w - 1, used;
	struct buf t;
	size_t k;

	buf_init(&t);
	for (k = 0; k < a->ntags; k++)
		buf_printf(&t, "%s%s", k ? "," : "", a->tags[k].name);
	if (a->ntags == 0)
		buf_adds(&t, "-");
	if (a->state != STORE_ANNO_ACTIVE)
		buf_printf(&t, " (%s)", store_anno_state_name(a->state));
	else if (a->was_quote != NULL)
		buf_adds(&t, " (changed)");
	/* Three columns, the same on every row: tags, the article's
	 * title, then the quote with its speaker and note. */
	used = w / 5;
	draw_column(ui, y, x, used, t.data, t.len, dim);
	buf_reset(&t);
	buf_adds(&t, title_of(ui, b, a->article_id));
	ui_anno_flatten(&t, 0);
	draw_column(ui, y, x + used, w / 3, t.data, t.len, dim);
	used += w / 3 + 1;
	buf_reset(&t);
	buf_printf(&t, "\"%s\"", a->quote);
	if (a->was_quote != NULL)
		buf_printf(&t, " (was \"%s\")", a->was_quote);
	if (a->speaker != NULL)
		buf_printf(&t, " (%s)", a->speaker);
	if (a->note != NULL)
		buf_printf(&t, "  %s", a->note);
	/* Whose it is: in a team, or after another coder's export, not
	 * everything is one's own. */
	if (a->coder != NULL)
		buf_printf(&t, "  — %s", a->coder);
	ui_anno_flatten(&t, 0);
	ui_draw_cut(ui, y, x + used, w - used, t.data, t.len, st);
	buf_free(&t);
	return 1;
}

static const struct ui_view_ops browse_ops = {
	.name = "Annotations",
	.draw_row = browse_draw_row,
	.open = browse_open,
};

static void
browse_draw(struct ui *ui, struct ui_overlay *o)
{
	struct browser *b = (struct browser *)o;
	struct ui_style st = ui_popup_style(ui, 0);
	int w = ui->cols - 2, h = ui->rows - 2, y, x;
	struct buf head;

	ui_popup_box(ui, h, w, "Annotations", &y, &x);
	w -= 4;
	buf_init(&head);
	buf_printf(&head, "filter: %s_", b->filter.data ? b->filter.data : "");
	ui_draw_text(ui, y, x, w, head.data, head.len, st);
	buf_reset(&head);
	if (b->problem != NULL)
		buf_adds(&head, b->problem);
	else
		buf_printf(&head, "%zu annotation%s%s   words, tag:, speaker:, coder:, status:, state:"
		    "   Enter: open   Esc: close", b->total, b->total == 1 ? "" : "s",
		    b->total > b->n ? " (the first shown)" : "");
	ui_draw_text(ui, y + 1, x, w, head.data, head.len,
	    ui_style_over(st, ui_style(ui, b->problem ? UI_OBJ_ERROR : UI_OBJ_SIDE_COUNT)));
	buf_free(&head);
	ui_view_draw_in(ui, &b->v, y + 3, x, h - 5, w, "no annotation matches");
}

static int
browse_cursor(struct ui *ui, struct ui_overlay *o, int *y, int *x)
{
	struct browser *b = (struct browser *)o;
	int h = ui->rows - 2 > 0 ? ui->rows - 2 : 1;

	*y = (ui->rows - 2 - h) / 2 + 1;
	*x = (ui->cols - (ui->cols - 2)) / 2 + 2 + 8 +
	    ui_text_width(b->filter.data ? b->filter.data : "", b->filter.len);
	return *x < ui->cols;
}

static void
browse_free(struct ui_overlay *o)
{
	struct browser *b = (struct browser *)o;
	size_t i;

	buf_free(&b->filter);
	store_anno_list_free(b->rows, b->n);
	for (i = 0; i < b->ntitles; i++)
		free(b->titles[i].title);
	free(b->titles);
	free(b->problem);
	free(b);
}

int
ui_anno_browse(struct ui *ui, const char *filter)
{
	struct browser *b = xcalloc(1, sizeof *b);

	b->o.draw = browse_draw;
	b->o.key = browse_key;
	b->o.cursor = browse_cursor;
	b->o.free = browse_free;
	b->o.mode = "ANNOTATIONS";
	b->v.ops = &browse_ops;
	b->v.popup = 1;
	b->v.priv = b;
	b->v.h = ui->rows > 7 ? ui->rows - 7 : 1;
	buf_init(&b->filter);
	buf_adds(&b->filter, filter != NULL ? filter : "");
	query(ui, b);
	ui_overlay_open(ui, &b->o);
	return 0;
}
