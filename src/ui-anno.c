/*
 * ui-anno.c: the reader's annotation state, below everything that
 * annotates: the open article's annotations and the highlight spans made
 * of them (in their tags' colours, overlaps underlined so both stay
 * visible), the codebook, the selection (from `v` to the cursor), what an
 * action applies to, and the `:tag` and `:export` commands. The layer
 * that draws and runs the annotation actions is ui-anno-layer.c; the
 * popups it opens are ui-tagpick.c, ui-note.c, ui-claim.c and
 * ui-annobrowser.c, and all of them call down to here.
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
#include "args.h"
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
	free(an->hl.v);
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
		    !ui_style_plain(ui_style(ui, tag_objects[i].obj)))
			st = ui_style(ui, tag_objects[i].obj);
	}
	if (ui_style_plain(st))
		st.attr = A_UNDERLINE;
	return st;
}

/* An annotation is drawn in the colour of its first tag in codebook
 * order (the lowest tag id). */
struct ui_style
ui_anno_style(struct ui *ui, const struct store_anno *a)
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
 * The highlight spans: the body cut at every highlight's ends into runs
 * each covered by the same highlights. A run is drawn in the colour of
 * its innermost (shortest) highlight, and underlined where highlights
 * overlap, so that each of them stays visible.
 */
static void
build_spans(struct ui *ui)
{
	struct ui_anno *an = ui->anno;
	size_t *cuts = xreallocarray(NULL, 2 * an->n + 1, sizeof *cuts), ncut = 0, i, k;
	struct ui_span sp;

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
		sp = (struct ui_span){ .start = a, .end = b, .obj = UI_OBJ_HIGHLIGHT,
		    .id = inner->id, .styled = 1, .style = ui_anno_style(ui, inner) };
		if (cover > 1)
			sp.style.attr |= A_UNDERLINE;
		ui_spans_add(&an->hl, sp);
	}
	free(cuts);
}

/* An article was opened: a selection does not outlive its article. */
void
ui_anno_opened(struct ui *ui)
{
	struct ui_anno *an = ui->anno;

	if (an->article != ui_article_id(ui)) {
		an->selecting = 0;
		free_spans(an);
	}
	ui_anno_reload(ui);
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
	an->hl.n = 0;
	build_spans(ui);
	ui_views_refresh(ui);
	ui_mark(ui, UI_DIRTY_ARTICLE | UI_DIRTY_SIDE | UI_DIRTY_LIST);
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
		if (r->id == an->chosen)
			return r;       /* the one the user picked with o */
		if (best == NULL || r->end - r->start < best->end - best->start ||
		    (r->end - r->start == best->end - best->start && r->id > best->id))
			best = r;
	}
	return best;
}

/* The highlights over OFF in a fixed order: by start, then the older first. */
static int
before(const struct store_anno *a, const struct store_anno *b)
{
	return a->start != b->start ? a->start < b->start : a->id < b->id;
}

size_t
ui_anno_here(struct ui *ui, size_t off, size_t *which)
{
	struct ui_anno *an = ui->anno;
	const struct store_anno *at = ui_anno_at(ui, off);
	size_t i, n = 0, k = 1;

	*which = 0;
	for (i = 0; at != NULL && i < an->n; i++) {
		const struct store_anno *r = &an->rows[i];
		if (r->state != STORE_ANNO_ACTIVE || r->start > off || r->end <= off)
			continue;
		n++;
		if (before(r, at))
			k++;
	}
	if (n > 0)
		*which = k;
	return n;
}

void
ui_anno_say_which(struct ui *ui, const struct store_anno *at, const char *done)
{
	struct buf b;
	size_t which, n = ui_anno_here(ui, ui_article_offset(ui), &which), i;
	size_t q = at->quote != NULL ? strlen(at->quote) : 0;

	if (n < 2 && done[0] == '\0')
		return;
	buf_init(&b);
	buf_adds(&b, done[0] != '\0' ? done : "highlight");
	if (q > 0) {
		size_t cut = q > 40 ? ui_text_fit(at->quote, q, 39) : q;
		buf_adds(&b, " \"");
		buf_add(&b, at->quote, cut);
		buf_adds(&b, cut < q ? "…\"" : "\"");
	}
	for (i = 0; i < at->ntags; i++)
		buf_printf(&b, "%s%s", i == 0 ? " (" : ", ", at->tags[i].name);
	if (at->ntags > 0)
		buf_addc(&b, ')');
	if (n >= 2)
		buf_printf(&b, ", %zu of %zu here (o: the next)", which, n);
	ui_message(ui, "%s", b.data);
	buf_free(&b);
}

void
ui_anno_other(struct ui *ui)
{
	struct ui_anno *an = ui->anno;
	size_t off = ui_article_offset(ui), i;
	const struct store_anno *at = ui_anno_at(ui, off), *next = NULL, *first = NULL;

	if (at == NULL) {
		ui_message(ui, "no highlight under the cursor");
		return;
	}
	/* The next in the order ui_anno_here counts, round to the first. */
	for (i = 0; i < an->n; i++) {
		const struct store_anno *r = &an->rows[i];
		if (r->state != STORE_ANNO_ACTIVE || r->start > off || r->end <= off)
			continue;
		if (first == NULL || before(r, first))
			first = r;
		if (before(at, r) && (next == NULL || before(r, next)))
			next = r;
	}
	at = next != NULL ? next : first;
	if (at == NULL)
		return;
	an->chosen = at->id;
	ui_mark(ui, UI_DIRTY_SIDE | UI_DIRTY_STATUS);
	ui_anno_say_which(ui, at, "highlight");
}

/* The newest live highlight of exactly [start, end), or NULL. */
static const struct store_anno *
same_span(struct ui_anno *an, size_t start, size_t end)
{
	const struct store_anno *best = NULL;
	size_t i;

	for (i = 0; i < an->n; i++) {
		const struct store_anno *r = &an->rows[i];
		if (r->state == STORE_ANNO_ACTIVE && r->start == start && r->end == end &&
		    (best == NULL || r->id > best->id))
			best = r;
	}
	return best;
}

/* ---- the selection ------------------------------------------------------ */

/* The sentences and paragraphs of the open article, read once. */
void
ui_anno_text(struct ui *ui, struct ui_select_text *t)
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
	ui_anno_text(ui, &txt);
	if (an->selecting) {
		if (ui_select_span(txt.body, txt.len, an->anchor, cur, &t->start, &t->end) != 0) {
			ui_message(ui, "the selection is empty");
			return -1;
		}
		/* Selecting what is already highlighted (V on a tagged
		 * sentence) names that highlight: a tag or note goes on it,
		 * not on a second highlight of the same words. */
		if ((at = same_span(an, t->start, t->end)) != NULL) {
			t->id = at->id;
			an->selecting = 0;
			ui_mark(ui, UI_DIRTY_ARTICLE | UI_DIRTY_STATUS);
		}
		return 0;
	}
	if ((at = ui_anno_at(ui, cur)) != NULL) {
		t->id = at->id;
		t->start = at->start;
		t->end = at->end;
		ui_anno_say_which(ui, at, "");
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

/* ---- :tag --------------------------------------------------------------- */

/* The shell's `tag` subcommands (cmd-tag.c), parsed by the same entry:
 * "none" as a colour or key means none, here as there. */
int
ui_anno_tag_command(struct ui *ui, const struct args *a)
{
	struct anno_session *s = ui->anno->s;
	const char *sub = a->spec->name;
	char *const *v = a->argv;
	int rc;

	if (s == NULL)
		return err_set("%s", ui->anno->disabled);
	if (strcmp(sub, "list") == 0)
		return err_set("the tags are listed in the picker (t) and the help");
	if (strcmp(sub, "add") == 0)
		rc = anno_tag_create(s, v[0], a->argc > 1 ? anno_none(v[1]) : NULL,
		    a->argc > 2 ? anno_none(v[2]) : NULL, NULL);
	else if (strcmp(sub, "rename") == 0)
		rc = anno_tag_rename(s, v[0], v[1]);
	else if (strcmp(sub, "color") == 0 || strcmp(sub, "colour") == 0)
		rc = anno_tag_set_color(s, v[0], anno_none(v[1]));
	else if (strcmp(sub, "key") == 0)
		rc = anno_tag_set_key(s, v[0], anno_none(v[1]));
	else
		rc = anno_tag_merge(s, v[0], v[1]);
	if (rc != 0)
		return -1;
	ui_anno_reload_tags(ui);
	ui_anno_reload(ui);
	if (strcmp(sub, "add") == 0)
		ui_message(ui, "added tag %s", v[0]);
	else if (strcmp(sub, "rename") == 0)
		ui_message(ui, "renamed tag %s to %s", v[0], v[1]);
	else if (strcmp(sub, "merge") == 0)
		ui_message(ui, "merged tag %s into %s", v[0], v[1]);
	else
		ui_message(ui, "%s of tag %s is now %s", sub, v[0], v[1]);
	return 0;
}

/* ---- :export ---------------------------------------------------------------- */

struct export_job {
	char *path;
	enum export_format fmt;
	const char *why;                 /* why that format (export_format_why) */
	char *tag;                       /* the filter's, kept with the job */
	struct store_anno_filter f;
};

static void
export_job_free(void *arg)
{
	struct export_job *j = arg;

	free(j->path);
	free(j->tag);
	free(j);
}

static int
export_now(struct ui *ui, void *arg)
{
	const struct export_job *j = arg;
	struct buf b;
	size_t n = 0;
	int rc;

	/* Asked again: the file may have changed while the question was up. */
	if (store_check_target(ui->st, j->path, 0) != 0)
		return -1;
	buf_init(&b);
	rc = export_write(ui->st, &j->f, j->fmt, &b);
	if (rc == 0)
		rc = path_write_atomic(j->path, b.data ? b.data : "", b.len);
	if (rc == 0 && store_anno_count(ui->st, &j->f, &n) == 0)
		ui_message(ui, "exported %zu annotation%s to %s as %s (%s)", n, n == 1 ? "" : "s",
		    j->path, export_format_name(j->fmt), j->why);
	buf_free(&b);
	return rc;
}

/* Never over the database or another SQLite file; over an existing file
 * only when the reader says yes (or the line says --force, as in the
 * shell). */
int
ui_anno_export_command(struct ui *ui, const struct args *a)
{
	const char *home = getenv("HOME"), *file, *v, *why;
	struct export_job *j;
	enum export_format fmt;
	int64_t article = 0;
	struct stat sb;
	char *q;
	int rc;

	file = a->argc > 0 ? a->argv[0] : args_get(a, "output");
	if (file == NULL)
		return err_set("export needs a FILE to write");
	fmt = export_format_for(file);
	why = export_format_why(fmt, NULL);
	if ((v = args_get(a, "format")) != NULL) {
		if (export_format_parse(v, &fmt) != 0)
			return -1;
		why = export_format_why(fmt, "--format");
	}
	if ((v = args_get(a, "article")) != NULL && (article = strtoll(v, NULL, 10)) <= 0)
		return err_set("--article needs an id");
	j = xcalloc(1, sizeof *j);
	j->fmt = fmt;
	j->why = why;
	j->path = file[0] == '~' && file[1] == '/' && home != NULL ?
	    xasprintf("%s%s", home, file + 1) : xstrdup(file);
	j->tag = args_get(a, "tag") != NULL ? xstrdup(args_get(a, "tag")) : NULL;
	j->f.status = -1;
	j->f.tag = j->tag;
	j->f.article_id = article;
	if (args_has(a, "all"))
		j->f.states = STORE_ANNO_ALL;
	if (store_check_target(ui->st, j->path, 0) != 0) {
		export_job_free(j);
		return -1;
	}
	if (args_has(a, "force") || lstat(j->path, &sb) != 0) {
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



