/*
 * ui-help.c: the `?` view. Every line is generated from the live key table
 * and the command table, so it shows the user's own bindings and can never
 * fall behind the code: keymap by keymap, each action with its keys, then
 * the actions bound nowhere, then the `:` commands. Above them all, while
 * the config file has bad lines, each of them (the status line has room
 * for one).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#define DOSSIER_UI_INTERNAL
#include "text.h"
#include "ui.h"

enum help_kind { HELP_ENTRY, HELP_HEADING, HELP_TEXT };

struct help_line {
	enum help_kind kind;
	char *keys, *name, *help;   /* HELP_HEADING, HELP_TEXT: name alone */
};

struct help {
	struct help_line *v;
	size_t n, cap;
	size_t top;
};

static struct help *
H(struct ui_view *v)
{
	return v->priv;
}

static void
add(struct help *h, enum help_kind kind, char *keys, const char *name, const char *help)
{
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 128;
		h->v = xreallocarray(h->v, h->cap, sizeof *h->v);
	}
	h->v[h->n].kind = kind;
	h->v[h->n].keys = keys;
	h->v[h->n].name = xstrdup(name);
	h->v[h->n].help = xstrdup(help);
	h->n++;
}

static void
help_clear(struct help *h)
{
	size_t i;

	for (i = 0; i < h->n; i++) {
		free(h->v[i].keys);
		free(h->v[i].name);
		free(h->v[i].help);
	}
	h->n = 0;
}

static const char *const keymap_titles[UI_KM_COUNT] = {
	[UI_KM_GENERIC] = "Everywhere",
	[UI_KM_LIST] = "In the article list",
	[UI_KM_ARTICLE] = "In the article",
	[UI_KM_SIDE] = "In the side pane",
	[UI_KM_SELECT] = "While selecting (v)",
};

/* An action's line; under "Everywhere" its help says where one of its
 * keys means something else (? searches backward in the article). */
static void
add_action(struct ui *ui, struct help *h, char *keys, enum ui_action a, int km)
{
	struct buf note;

	buf_init(&note);
	buf_adds(&note, ui_action_help(a));
	buf_adds(&note, " (");
	if (km != UI_KM_GENERIC || ui_keys_shadows(ui, a, &note) == 0) {
		add(h, HELP_ENTRY, keys, ui_action_name(a), ui_action_help(a));
	} else {
		buf_adds(&note, ")");
		add(h, HELP_ENTRY, keys, ui_action_name(a), note.data);
	}
	buf_free(&note);
}

/* The config's bad lines, each wrapped to WIDTH cells (a path is long;
 * nothing of a line is cut off). */
static void
add_config_errors(struct ui *ui, struct help *h, int width)
{
	struct text_line *ln = NULL;
	const char *line, *end;
	struct buf b;
	size_t n, i;

	buf_init(&b);
	buf_printf(&b, "Bad lines in the config (%d; they were skipped, the rest loaded)",
	    ui->config_bad);
	add(h, HELP_HEADING, NULL, b.data, "");
	for (line = ui->config_errors; (end = strchr(line, '\n')) != NULL; line = end + 1) {
		n = text_wrap(line, (size_t)(end - line), width > 2 ? width : 2, &ln);
		for (i = 0; i < n; i++) {
			buf_reset(&b);
			if (i > 0)
				buf_adds(&b, "  ");
			buf_add(&b, line + ln[i].start, ln[i].content_end - ln[i].start);
			add(h, HELP_TEXT, NULL, b.data, "");
		}
		free(ln);
		ln = NULL;
	}
	buf_free(&b);
}

static void
build(struct ui *ui, struct help *h, int width)
{
	struct buf b;
	const struct ui_command_info *c;
	int km, a, any, bound;
	size_t i;

	help_clear(h);
	buf_init(&b);
	if (ui->config_errors != NULL)
		add_config_errors(ui, h, width - 4);
	for (km = 0; km < UI_KM_COUNT; km++) {
		any = 0;
		for (a = 1; a < UI_ACT_COUNT; a++) {
			buf_reset(&b);
			if (ui_keys_for(ui, (enum ui_keymap)km, (enum ui_action)a, &b) == 0)
				continue;
			if (!any++)
				add(h, HELP_HEADING, NULL, keymap_titles[km], "");
			add_action(ui, h, buf_detach(&b, NULL), (enum ui_action)a, km);
		}
	}
	any = 0;
	for (a = 1; a < UI_ACT_COUNT; a++) {
		for (km = 0, bound = 0; km < UI_KM_COUNT && !bound; km++) {
			buf_reset(&b);
			bound = ui_keys_for(ui, (enum ui_keymap)km, (enum ui_action)a, &b) > 0;
		}
		if (bound)
			continue;
		if (!any++)
			add(h, HELP_HEADING, NULL, "Not bound to a key (:NAME runs one; bind KEY NAME binds it)", "");
		add(h, HELP_ENTRY, xstrdup(""), ui_action_name((enum ui_action)a),
		    ui_action_help((enum ui_action)a));
	}
	add(h, HELP_HEADING, NULL, "Commands (type : first; Tab completes)", "");
	for (i = 0; (c = ui_command_info(i)) != NULL; i++) {
		buf_reset(&b);
		buf_printf(&b, ":%s", c->name);
		add(h, HELP_ENTRY, buf_detach(&b, NULL), c->args, c->help);
	}
	buf_free(&b);
}

static int
help_init(struct ui *ui, struct ui_view *v)
{
	(void)ui;
	v->priv = xcalloc(1, sizeof(struct help));
	return 0;
}

static void
help_free(struct ui *ui, struct ui_view *v)
{
	struct help *h = H(v);

	(void)ui;
	help_clear(h);
	free(h->v);
	free(h);
	v->priv = NULL;
}

static void
help_draw(struct ui *ui, struct ui_view *v)
{
	struct help *h = H(v);
	struct ui_style normal = ui_style(ui, UI_OBJ_NORMAL);
	struct ui_style key = ui_style_over(normal, ui_style(ui, UI_OBJ_HELP_KEY));
	struct ui_style head = ui_style_over(normal, ui_style(ui, UI_OBJ_HELP_HEADING));
	int kw = v->w >= 80 ? 22 : v->w / 3, nw = v->w >= 80 ? 22 : v->w / 3, hw = 0, r;
	size_t i;

	build(ui, h, v->w);
	/* On a wide screen the key column grows to its longest text (up to a
	 * quarter of the width) and the name column to what the longest help
	 * text leaves, so that only what cannot fit is cut (with a mark). */
	for (i = 0; v->w >= 120 && i < h->n; i++) {
		int k, m, t;

		if (h->v[i].kind != HELP_ENTRY || h->v[i].keys == NULL)
			continue;
		k = ui_text_width(h->v[i].keys, strlen(h->v[i].keys)) + 2;
		m = ui_text_width(h->v[i].name, strlen(h->v[i].name)) + 2;
		t = ui_text_width(h->v[i].help, strlen(h->v[i].help));
		if (k > kw)
			kw = k < v->w / 4 ? k : v->w / 4;
		if (m > nw)
			nw = m;
		if (t > hw)
			hw = t;
	}
	if (nw > v->w - 2 - kw - hw)
		nw = v->w - 2 - kw - hw > 22 ? v->w - 2 - kw - hw : 22;
	if (h->top + (size_t)v->h > h->n)
		h->top = h->n > (size_t)v->h ? h->n - (size_t)v->h : 0;
	for (r = 0, i = h->top; r < v->h && i < h->n; r++, i++) {
		struct help_line *l = &h->v[i];
		if (l->kind == HELP_HEADING) {
			ui_draw_cut(ui, v->y + r, v->x + 1, v->w - 1, l->name, strlen(l->name), head);
			continue;
		}
		if (l->kind == HELP_TEXT) {
			ui_draw_str(ui, v->y + r, v->x + 2, v->w - 2, l->name, normal);
			continue;
		}
		/* Each column ends in "…" where its text does not fit. */
		ui_draw_cut(ui, v->y + r, v->x + 2, kw - 1, l->keys, strlen(l->keys), key);
		ui_draw_cut(ui, v->y + r, v->x + 2 + kw, nw - 1, l->name, strlen(l->name), normal);
		ui_draw_cut(ui, v->y + r, v->x + 2 + kw + nw, v->w - 2 - kw - nw, l->help,
		    strlen(l->help), normal);
	}
}

static void
help_title(struct ui *ui, struct ui_view *v, struct buf *out)
{
	(void)ui;
	(void)v;
	buf_adds(out, "keys and commands (q closes)");
}

static int
help_action(struct ui *ui, struct ui_view *v, enum ui_action a, int count)
{
	struct help *h = H(v);
	size_t n = count > 0 ? (size_t)count : 1, page = v->h > 1 ? (size_t)v->h - 1 : 1;

	switch (a) {
	case UI_ACT_MOVE_DOWN:
		h->top += n;
		break;
	case UI_ACT_MOVE_UP:
		h->top = h->top > n ? h->top - n : 0;
		break;
	case UI_ACT_PAGE_DOWN:
	case UI_ACT_HALF_DOWN:
		h->top += a == UI_ACT_PAGE_DOWN ? page : page / 2;
		break;
	case UI_ACT_PAGE_UP:
	case UI_ACT_HALF_UP:
		n = a == UI_ACT_PAGE_UP ? page : page / 2;
		h->top = h->top > n ? h->top - n : 0;
		break;
	case UI_ACT_FIRST:
		h->top = 0;
		break;
	case UI_ACT_LAST:
		h->top = h->n;
		break;
	case UI_ACT_HELP:
	case UI_ACT_BACK:
		ui->help_open = 0;
		ui_mark(ui, UI_DIRTY_LAYOUT);
		return 1;
	default:
		return 0;
	}
	ui_mark(ui, UI_DIRTY_HELP | UI_DIRTY_STATUS);
	return 1;
}

static void
help_position(struct ui *ui, struct ui_view *v, struct buf *out)
{
	struct help *h = H(v);

	(void)ui;
	buf_printf(out, "line %zu of %zu", h->top + 1, h->n);
}

const struct ui_view_ops ui_help_ops = {
	.name = "Help",
	.keymap = UI_KM_GENERIC,
	.init = help_init,
	.free = help_free,
	.draw = help_draw,
	.title = help_title,
	.action = help_action,
	.position = help_position,
};
