/*
 * ui-anno.c: annotating in the reader. It keeps the open article's
 * annotations and draws them as the article's annotation layer (in their
 * tags' colours, overlaps underlined so both stay visible), keeps the
 * selection (from `v` to the cursor), and runs the annotation actions:
 * tag, note, claim, delete, undo and redo, stepping with ]a/[a. The
 * popups it opens are in ui-tagpick.c, ui-note.c, ui-claim.c and
 * ui-annobrowser.c.
 *
 * Nothing here writes SQL: every change goes through anno.h, which
 * commits it durably; only after that returns does the screen say so.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DOSSIER_UI_INTERNAL
#include "anno.h"
#include "export.h"
#include "store.h"
#include "ui.h"

/* ---- state ------------------------------------------------------------ */

int
ui_anno_init(struct ui *ui)
{
	struct ui_anno *an = xcalloc(1, sizeof *an);
	char *path;

	ui->anno = an;
	if (store_is_readonly(ui->st))
		an->disabled = xstrdup("the database is read-only: annotations cannot be changed");
	else if (anno_session_open(ui->st, &an->s) != 0)
		an->disabled = xasprintf("annotations are off: %s", err_msg());
	/* The default codebook's colours, to tell a tag the user recoloured
	 * (drawn in its own colour) from one the theme styles. */
	path = path_data_file("codebook.tsv");
	if (anno_codebook_load(path, &an->codes, &an->ncodes) != 0)
		err_clear();
	free(path);
	ui_anno_reload_tags(ui);
	return 0;
}

static void
free_spans(struct ui_anno *an)
{
	free(an->sents);
	free(an->paras);
	an->sents = an->paras = NULL;
	an->nsents = an->nparas = 0;
	an->spans_article = 0;
}

void
ui_anno_free(struct ui *ui)
{
	struct ui_anno *an = ui->anno;

	if (an == NULL)
		return;
	ui_overlay_close(ui);
	anno_session_free(an->s);
	store_anno_list_free(an->rows, an->n);
	store_tag_list_free(an->tags, an->ntags);
	anno_codebook_free(an->codes, an->ncodes);
	free_spans(an);
	free(an->disabled);
	free(an);
	ui->anno = NULL;
}

void
ui_anno_reload_tags(struct ui *ui)
{
	struct ui_anno *an = ui->anno;

	store_tag_list_free(an->tags, an->ntags);
	an->tags = NULL;
	an->ntags = 0;
	if (store_tag_list(ui->st, &an->tags, &an->ntags) != 0)
		err_clear();
}

int
ui_anno_writable(struct ui *ui)
{
	if (ui->anno->s != NULL)
		return 1;
	ui_error(ui, "%s", ui->anno->disabled);
	return 0;
}

/* ---- styles ----------------------------------------------------------- */

/* The theme objects of the default codebook's tags. */
static const struct {
	const char *name;
	enum ui_object obj;
} tag_objects[] = {
	{ "claim", UI_OBJ_TAG_CLAIM },
	{ "denial", UI_OBJ_TAG_DENIAL },
	{ "demand", UI_OBJ_TAG_DEMAND },
	{ "accusation", UI_OBJ_TAG_ACCUSATION },
	{ "proposal", UI_OBJ_TAG_PROPOSAL },
	{ "commitment", UI_OBJ_TAG_COMMITMENT },
	{ "fact", UI_OBJ_TAG_FACT },
	{ "opinion", UI_OBJ_TAG_OPINION },
};

static const char *
default_color(const struct ui_anno *an, const char *name)
{
	size_t i;

	for (i = 0; i < an->ncodes; i++) {
		if (strcmp(an->codes[i].name, name) == 0)
			return an->codes[i].color ? an->codes[i].color : "";
	}
	return NULL;
}

static int
plain(struct ui_style st)
{
	return st.fg < 0 && st.bg < 0 && st.attr == A_NORMAL;
}

/* A tag's highlight: its own colour as background once the user gave it
 * one; the theme's style for the default codebook's tags otherwise; the
 * theme's plain highlight for the rest. Underlined where a theme has no
 * style for it, so a highlight is never invisible. */
struct ui_style
ui_anno_tag_style(struct ui *ui, const char *name, const char *color)
{
	const char *dflt = name != NULL ? default_color(ui->anno, name) : NULL;
	struct ui_style st = { -1, -1, A_NORMAL };
	short c;
	size_t i;

	if (color != NULL && (dflt == NULL || strcmp(dflt, color) != 0) &&
	    ui_theme_color(color, &c) == 0) {
		st.bg = c;
		return st;
	}
	err_clear();
	st = ui_style(ui, UI_OBJ_HIGHLIGHT);
	for (i = 0; name != NULL && i < ARRAY_LEN(tag_objects); i++) {
		if (strcmp(tag_objects[i].name, name) == 0 &&
		    !plain(ui_style(ui, tag_objects[i].obj)))
			st = ui_style(ui, tag_objects[i].obj);
	}
	if (plain(st))
		st.attr = A_UNDERLINE;
	return st;
}

/* An annotation is drawn in the colour of its first tag in codebook
 * order (the lowest tag id). */
static struct ui_style
anno_style(struct ui *ui, const struct store_anno *a)
{
	const struct store_anno_tag *first = NULL;
	size_t i;

	for (i = 0; i < a->ntags; i++) {
		if (first == NULL || a->tags[i].id < first->id)
			first = &a->tags[i];
	}
	return ui_anno_tag_style(ui, first ? first->name : NULL, first ? first->color : NULL);
}

/* ---- the article's annotations ---------------------------------------- */

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * The annotation layer: the body cut at every highlight's ends into runs
 * each covered by the same highlights. A run is drawn in the colour of
 * its innermost (shortest) highlight, and underlined where highlights
 * overlap, so that each of them stays visible.
 */
static void
build_layer(struct ui *ui)
{
	struct ui_anno *an = ui->anno;
	struct ui_span *v = NULL;
	size_t *cuts = xreallocarray(NULL, 2 * an->n + 1, sizeof *cuts), ncut = 0, nv = 0, i, k;

	for (i = 0; i < an->n; i++) {
		if (an->rows[i].state != STORE_ANNO_ACTIVE)
			continue;
		cuts[ncut++] = an->rows[i].start;
		cuts[ncut++] = an->rows[i].end;
	}
	qsort(cuts, ncut, sizeof *cuts, cmp_size);
	for (k = 0; k + 1 < ncut; k++) {
		const struct store_anno *inner = NULL;
		size_t a = cuts[k], b = cuts[k + 1], cover = 0;

		if (a == b)
			continue;
		for (i = 0; i < an->n; i++) {
			const struct store_anno *r = &an->rows[i];
			if (r->state != STORE_ANNO_ACTIVE || r->start > a || r->end < b)
				continue;
			cover++;
			if (inner == NULL || r->end - r->start < inner->end - inner->start)
				inner = r;
		}
		if (inner == NULL)
			continue;
		v = xreallocarray(v, nv + 1, sizeof *v);
		v[nv] = (struct ui_span){ .start = a, .end = b, .obj = UI_OBJ_HIGHLIGHT,
		    .id = inner->id, .styled = 1, .style = anno_style(ui, inner) };
		if (cover > 1)
			v[nv].style.attr |= A_UNDERLINE;
		nv++;
	}
	ui_article_set_layer(ui, UI_LAYER_ANNOTATION, v, nv);
	free(v);
	free(cuts);
}

void
ui_anno_reload(struct ui *ui)
{
	struct ui_anno *an = ui->anno;
	struct store_anno_filter f = { .status = -1 };

	store_anno_list_free(an->rows, an->n);
	an->rows = NULL;
	an->n = 0;
	an->article = ui_article_id(ui);
	if (an->article > 0) {
		f.article_id = an->article;
		if (store_anno_list(ui->st, &f, &an->rows, &an->n) != 0)
			ui_error(ui, "%s", err_msg());
	}
	build_layer(ui);
	ui_side_refresh(ui);
	ui_mark(ui, UI_DIRTY_ARTICLE | UI_DIRTY_SIDE | UI_DIRTY_LIST);
}

void
ui_anno_article_opened(struct ui *ui)
{
	struct ui_anno *an = ui->anno;

	if (an == NULL)
		return;
	if (an->article != ui_article_id(ui)) {
		an->selecting = 0;
		free_spans(an);
	}
	ui_anno_reload(ui);
}

const struct store_anno *
ui_anno_at(struct ui *ui, size_t off)
{
	struct ui_anno *an = ui->anno;
	const struct store_anno *best = NULL;
	size_t i;

	for (i = 0; i < an->n; i++) {
		const struct store_anno *r = &an->rows[i];
		if (r->state != STORE_ANNO_ACTIVE || r->start > off || r->end <= off)
			continue;
		if (best == NULL || r->end - r->start < best->end - best->start ||
		    (r->end - r->start == best->end - best->start && r->id > best->id))
			best = r;
	}
	return best;
}

/* ---- the selection ------------------------------------------------------ */

/* The sentences and paragraphs of the open article, read once. */
static void
load_spans(struct ui *ui, struct ui_select_text *t)
{
	struct ui_anno *an = ui->anno;
	int64_t id = ui_article_id(ui);

	if (an->spans_article != id) {
		free_spans(an);
		if (store_sentences_get(ui->st, id, &an->sents, &an->nsents) != 0 ||
		    store_paragraphs_get(ui->st, id, &an->paras, &an->nparas) != 0)
			err_clear();
		an->spans_article = id;
	}
	t->body = ui_article_body(ui, &t->len);
	t->sents = an->sents;
	t->nsents = an->nsents;
	t->paras = an->paras;
	t->nparas = an->nparas;
}

void
ui_anno_before_draw(struct ui *ui)
{
	struct ui_anno *an = ui->anno;
	struct ui_span sp;
	const char *body;
	size_t len;

	if (an == NULL)
		return;
	body = ui_article_body(ui, &len);
	if (!an->selecting || body == NULL ||
	    ui_select_span(body, len, an->anchor, ui_article_offset(ui), &sp.start, &sp.end) != 0) {
		ui_article_set_layer(ui, UI_LAYER_SELECTION, NULL, 0);
		return;
	}
	sp.obj = UI_OBJ_SELECTION;
	sp.styled = 1;
	sp.style = ui_style(ui, UI_OBJ_SELECTION);
	if (plain(sp.style))
		sp.style.attr = A_REVERSE;
	ui_article_set_layer(ui, UI_LAYER_SELECTION, &sp, 1);
}

enum ui_keymap
ui_anno_keymap(struct ui *ui, enum ui_keymap km)
{
	if (ui->anno != NULL && ui->anno->selecting && ui->focus == UI_VIEW_ARTICLE &&
	    ui_article_id(ui) > 0)
		return UI_KM_SELECT;
	return km;
}

const char *
ui_anno_mode(struct ui *ui)
{
	if (ui->overlay != NULL && ui->overlay->mode != NULL)
		return ui->overlay->mode;
	if (ui->anno != NULL && ui->anno->selecting && ui_article_id(ui) > 0)
		return "SELECT";
	return NULL;
}

void
ui_anno_drag_start(struct ui *ui, enum ui_view_id id)
{
	struct ui_anno *an = ui->anno;

	if (an == NULL)
		return;
	an->dragging = id == UI_VIEW_ARTICLE && ui_article_id(ui) > 0 && ui->overlay == NULL;
	an->drag_from = ui_article_offset(ui);
	/* A press starts afresh: the selection there was is let go. */
	if (an->dragging && an->selecting)
		ui_anno_end_selection(ui);
}

int
ui_anno_dragging(struct ui *ui)
{
	return ui->anno != NULL && ui->anno->dragging;
}

void
ui_anno_drag_end(struct ui *ui)
{
	struct ui_anno *an = ui->anno;

	an->dragging = 0;
	/* Released where it was pressed: a click, not a selection. */
	if (ui_article_offset(ui) == an->drag_from)
		return;
	an->selecting = 1;
	an->anchor = an->drag_from;
	ui_message(ui, "selected: t tags, a notes, Esc stops");
	ui_mark(ui, UI_DIRTY_ARTICLE | UI_DIRTY_STATUS);
}

void
ui_anno_end_selection(struct ui *ui)
{
	ui->anno->selecting = 0;
	ui_mark(ui, UI_DIRTY_ARTICLE | UI_DIRTY_STATUS);
}

/* What an annotation action applies to: the selection, else the
 * highlight under the cursor (*id), else (when SENTENCE) the sentence
 * under the cursor. 0 when there is something. */
int
ui_anno_target(struct ui *ui, int sentence, struct ui_anno_target *t)
{
	struct ui_anno *an = ui->anno;
	const struct store_anno *at;
	struct ui_select_text txt;
	size_t cur = ui_article_offset(ui);

	memset(t, 0, sizeof *t);
	t->article = ui_article_id(ui);
	if (t->article <= 0) {
		ui_message(ui, "no article open: Enter opens one from the list");
		return -1;
	}
	load_spans(ui, &txt);
	if (an->selecting) {
		if (ui_select_span(txt.body, txt.len, an->anchor, cur, &t->start, &t->end) != 0) {
			ui_message(ui, "the selection is empty");
			return -1;
		}
		return 0;
	}
	if ((at = ui_anno_at(ui, cur)) != NULL) {
		t->id = at->id;
		t->start = at->start;
		t->end = at->end;
		return 0;
	}
	if (sentence && ui_select_sentence(&txt, cur, &t->start, &t->end) == 0)
		return 0;
	ui_message(ui, "no highlight here: v selects text, V a sentence");
	return -1;
}

/* Creates the highlight T names (with TAG, NOTE: either may be NULL); on
 * success T names it and the selection is over. */
int
ui_anno_create(struct ui *ui, struct ui_anno_target *t, const char *tag, const char *note)
{
	struct anno_new n = { 0 };
	const char *tags[1] = { tag };
	size_t len;

	n.article_id = t->article;
	n.body = ui_article_body(ui, &len);
	n.len = len;
	n.start = t->start;
	n.end = t->end;
	n.tags = tags;
	n.ntags = tag != NULL;
	n.note = note;
	if (anno_add(ui->anno->s, &n, &t->id) != 0) {
		ui_error(ui, "%s", err_msg());
		return -1;
	}
	ui->anno->selecting = 0;
	ui_anno_reload(ui);
	return 0;
}

/* ---- actions ------------------------------------------------------------ */

static void
extend(struct ui *ui, enum ui_action a, int count)
{
	struct ui_select_text t;
	size_t cur = ui_article_offset(ui), to;

	load_spans(ui, &t);
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

	load_spans(ui, &t);
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
	ui_anno_reload(ui);
	ui_message(ui, "highlight deleted (u undoes)");
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
		ui_jump_push(ui);
		ui_article_goto(ui, off);
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

int
ui_anno_action(struct ui *ui, enum ui_action a, int count)
{
	struct ui_anno *an = ui->anno;
	int n = count > 0 ? count : 1;

	if (an == NULL)
		return 0;
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

/* ---- :tag --------------------------------------------------------------- */

int
ui_anno_tag_command(struct ui *ui, int argc, char **argv)
{
	struct anno_session *s = ui->anno->s;
	const char *sub = argv[1];
	int rc;

	if (s == NULL)
		return err_set("%s", ui->anno->disabled);
	if (strcmp(sub, "add") == 0 && argc >= 3)
		rc = anno_tag_create(s, argv[2], argc > 3 ? argv[3] : NULL, argc > 4 ? argv[4] : NULL,
		    NULL);
	else if (strcmp(sub, "rename") == 0 && argc == 4)
		rc = anno_tag_rename(s, argv[2], argv[3]);
	else if ((strcmp(sub, "color") == 0 || strcmp(sub, "colour") == 0) && argc == 4)
		rc = anno_tag_set_color(s, argv[2], strcmp(argv[3], "none") == 0 ? NULL : argv[3]);
	else if (strcmp(sub, "key") == 0 && argc == 4)
		rc = anno_tag_set_key(s, argv[2], strcmp(argv[3], "none") == 0 ? NULL : argv[3]);
	else if (strcmp(sub, "merge") == 0 && argc == 4)
		rc = anno_tag_merge(s, argv[2], argv[3]);
	else
		return err_set("usage: tag add NAME [COLOR [KEY]] | rename NAME NEW | "
		    "color NAME COLOR | key NAME KEY | merge FROM INTO");
	if (rc != 0)
		return -1;
	ui_anno_reload_tags(ui);
	ui_anno_reload(ui);
	if (strcmp(sub, "add") == 0)
		ui_message(ui, "added tag %s", argv[2]);
	else if (strcmp(sub, "rename") == 0)
		ui_message(ui, "renamed tag %s to %s", argv[2], argv[3]);
	else if (strcmp(sub, "merge") == 0)
		ui_message(ui, "merged tag %s into %s", argv[2], argv[3]);
	else
		ui_message(ui, "%s of tag %s is now %s", sub, argv[2], argv[3]);
	return 0;
}

/* ---- :export ---------------------------------------------------------------- */

/* The format a file's name asks for: .csv, .md/.markdown, else JSON. */
static enum export_format
format_of(const char *path)
{
	const char *dot = strrchr(path, '.');

	if (dot != NULL && strcmp(dot, ".csv") == 0)
		return EXPORT_CSV;
	if (dot != NULL && (strcmp(dot, ".md") == 0 || strcmp(dot, ".markdown") == 0))
		return EXPORT_MARKDOWN;
	return EXPORT_JSON;
}

struct export_job {
	char *path;
	enum export_format fmt;
};

static void
export_job_free(void *arg)
{
	struct export_job *j = arg;

	free(j->path);
	free(j);
}

static int
export_now(struct ui *ui, void *arg)
{
	const struct export_job *j = arg;
	struct store_anno_filter f = { .status = -1 };
	struct buf b;
	size_t n = 0;
	int rc;

	/* Asked again: the file may have changed while the question was up. */
	if (store_check_target(ui->st, j->path, 0) != 0)
		return -1;
	buf_init(&b);
	rc = export_write(ui->st, &f, j->fmt, &b);
	if (rc == 0)
		rc = path_write_atomic(j->path, b.data ? b.data : "", b.len);
	if (rc == 0 && store_anno_count(ui->st, &f, &n) == 0)
		ui_message(ui, "exported %zu annotation%s to %s", n, n == 1 ? "" : "s", j->path);
	buf_free(&b);
	return rc;
}

/* Never over the database or another SQLite file; over an existing file
 * only when the reader says yes. */
int
ui_anno_export_command(struct ui *ui, int argc, char **argv)
{
	enum export_format fmt = format_of(argv[1]);
	const char *home = getenv("HOME");
	struct export_job *j;
	struct stat sb;
	char *q;
	int rc;

	if (argc > 2 && export_format_parse(argv[2], &fmt) != 0)
		return -1;
	j = xcalloc(1, sizeof *j);
	j->fmt = fmt;
	j->path = argv[1][0] == '~' && argv[1][1] == '/' && home != NULL ?
	    xasprintf("%s%s", home, argv[1] + 1) : xstrdup(argv[1]);
	if (store_check_target(ui->st, j->path, 0) != 0) {
		export_job_free(j);
		return -1;
	}
	if (lstat(j->path, &sb) != 0) {
		rc = export_now(ui, j);
		export_job_free(j);
		return rc;
	}
	q = xasprintf("%s exists. Replace it?", j->path);
	ui_ask(ui, q, "export not written", export_now, j, export_job_free);
	free(q);
	return 0;
}

/* ---- the side pane -------------------------------------------------------- */

void
ui_anno_flatten(struct buf *b, size_t from)
{
	size_t i;

	for (i = from; i < b->len; i++) {
		if (b->data[i] == '\n' || b->data[i] == '\r' || b->data[i] == '\t')
			b->data[i] = ' ';
	}
}

static void
side_line(struct ui *ui, int y, int x, int w, const struct store_anno *a, int here)
{
	struct ui_style n = ui_style(ui, UI_OBJ_NORMAL);
	struct ui_style sw = anno_style(ui, a);
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
	ui_draw_text(ui, y, x + 2 + used, w - 3 - used, b.data, b.len, n);
	buf_free(&b);
}

int
ui_anno_side_rows(struct ui *ui, int h)
{
	size_t want;

	if (ui->anno == NULL || ui_article_id(ui) <= 0 || h < 6)
		return 0;
	/* A heading and a line each, up to a third of the pane; with none
	 * yet, the heading and how to make one. */
	want = ui->anno->n + 1 < 2 ? 2 : ui->anno->n + 1;
	return want < (size_t)(h / 3) ? (int)want : h / 3;
}

void
ui_anno_side_draw(struct ui *ui, int y, int x, int h, int w)
{
	struct ui_anno *an = ui->anno;
	struct ui_style head = ui_style_over(ui_style(ui, UI_OBJ_NORMAL),
	    ui_style(ui, UI_OBJ_SIDE_HEADING));
	const struct store_anno *here;
	struct buf b;
	size_t i, first = 0, at = SIZE_MAX;
	int r;

	if (an == NULL || h < 2 || ui_article_id(ui) <= 0)
		return;
	buf_init(&b);
	buf_printf(&b, "Annotations (%zu)", an->n);
	ui_draw_str(ui, y, x + 1, w - 1, b.data, head);
	buf_free(&b);
	if (an->n == 0) {
		ui_draw_str(ui, y + 1, x + 1, w - 1, "v selects, t tags, a notes",
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
