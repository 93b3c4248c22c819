/*
 * ui.c: the reader's loop and its panes. It reads keys and mouse events,
 * feeds keys through the key table to an action, hands the action to the
 * views through their ops (those that take it from any pane first, then
 * the focused one, then the one whose keymap it is, then the others), and
 * redraws what the actions marked dirty, from the model, each frame. It
 * knows views only by their ops (ui_view_table, ui-views.c) and no view
 * by name. The panes' places on the screen and the frame are
 * ui-pane.c's; the terminal itself is ui-term.c's.
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define DOSSIER_UI_INTERNAL
#include "store.h"
#include "ui.h"

/* ---- actions ------------------------------------------------------- */

/* The longest one turn of a background fetch keeps the loop (a key
 * pressed ends it sooner). */
#define FETCH_TURN_MS 100

static void
toggle_list(struct ui *ui)
{
	ui->list_folded = !ui->list_folded;
	if (ui->list_folded && ui->focus == UI_VIEW_LIST)
		ui->focus = UI_VIEW_ARTICLE;
	ui_message(ui, ui->list_folded ? "list folded (L unfolds)" : "list unfolded");
	ui_mark(ui, UI_DIRTY_LAYOUT);
}

static int
global_action(struct ui *ui, enum ui_action a)
{
	switch (a) {
	case UI_ACT_QUIT:
		ui->running = 0;
		return 1;
	case UI_ACT_BACK:
		if (ui->help_open) {
			ui->help_open = 0;
			ui_mark(ui, UI_DIRTY_LAYOUT);
			return 1;
		}
		ui->running = 0;
		return 1;
	case UI_ACT_FOCUS_NEXT:
		ui_focus_step(ui, 1);
		return 1;
	case UI_ACT_FOCUS_PREV:
		ui_focus_step(ui, -1);
		return 1;
	case UI_ACT_FOCUS_LIST:
		ui_focus(ui, UI_VIEW_LIST);
		return 1;
	case UI_ACT_FOCUS_ARTICLE:
		ui_focus(ui, UI_VIEW_ARTICLE);
		return 1;
	case UI_ACT_FOCUS_SIDE:
		ui_focus(ui, UI_VIEW_SIDE);
		return 1;
	case UI_ACT_TOGGLE_LIST:
		toggle_list(ui);
		return 1;
	case UI_ACT_PROMPT:
		ui_prompt_open(ui, ':', &ui_command_line);
		return 1;
	case UI_ACT_FETCH:
		ui_fetch_start(ui);
		return 1;
	case UI_ACT_REPORT:
		ui_report_reopen(ui);
		return 1;
	case UI_ACT_TIMELINE:
		ui_timeline_here(ui);
		return 1;
	case UI_ACT_HELP:
		ui->help_open = 1;
		ui_mark(ui, UI_DIRTY_LAYOUT);
		return 1;
	case UI_ACT_REDRAW:
		clearok(curscr, TRUE);
		ui_views_reload(ui, 1);
		ui_mark(ui, UI_DIRTY_LAYOUT);
		return 1;
	case UI_ACT_SUSPEND:
		ui_term_suspend(ui);
		return 1;
	case UI_ACT_CANCEL:
		ui_clear_message(ui);
		return 1;
	default:
		return 0;
	}
}

/* The panes other than the focused one that may take an action of
 * another keymap (`]s` pressed in the list is the article's): the one
 * whose keymap it is first. */
static int
other_panes(struct ui *ui, enum ui_action a, int count)
{
	enum ui_keymap km = ui_action_keymap(a);
	int i, pass;

	if (km == UI_KM_GENERIC)
		return 0;
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < UI_VIEW_COUNT; i++) {
			struct ui_view *v = &ui->views[i];
			if (i == (int)ui->focus || i == UI_VIEW_HELP || (v->ops->keymap == km) != !pass)
				continue;
			if (ui_view_action(ui, v, a, count))
				return 1;
		}
	}
	return 0;
}

void
ui_run_action(struct ui *ui, enum ui_action a, int count)
{
	struct ui_view *v;
	int i;

	if (ui->help_open) {
		v = &ui->views[UI_VIEW_HELP];
		if (ui_view_action(ui, v, a, count))
			return;
		if (a != UI_ACT_QUIT && a != UI_ACT_BACK && a != UI_ACT_CANCEL &&
		    a != UI_ACT_SUSPEND && a != UI_ACT_REDRAW && a != UI_ACT_PROMPT) {
			ui->help_open = 0;
			ui_mark(ui, UI_DIRTY_LAYOUT);
		}
	}
	for (i = 0; i < UI_VIEW_COUNT; i++) {
		v = &ui->views[i];
		if (v->ops->action_first != NULL && v->ops->action_first(ui, v, a, count))
			return;
	}
	if (ui_view_action(ui, &ui->views[ui->focus], a, count) || other_panes(ui, a, count) ||
	    global_action(ui, a))
		return;
	ui_message(ui, "%s: nothing to do here", ui_action_name(a));
}

/* ---- input --------------------------------------------------------- */

static enum ui_view_id
view_at(struct ui *ui, int y, int x)
{
	int i;

	for (i = 0; i < UI_VIEW_COUNT; i++) {
		struct ui_view *v = &ui->views[i];
		if (v->shown && y >= v->ty && y < v->y + v->h && x >= v->x && x < v->x + v->w)
			return (enum ui_view_id)i;
	}
	return UI_VIEW_COUNT;
}

static void
mouse_event(struct ui *ui)
{
	MEVENT ev;
	enum ui_view_id id;
	struct ui_view *v;
	int i, press;

	if (getmouse(&ev) != OK || ui->too_small)
		return;
	id = view_at(ui, ev.y, ev.x);
	if (id == UI_VIEW_COUNT)
		return;
	v = &ui->views[id];
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		enum ui_action a = (ev.bstate & BUTTON4_PRESSED) ? UI_ACT_MOVE_UP : UI_ACT_MOVE_DOWN;
		ui_view_action(ui, v, a, 3);
		return;
	}
	if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_DOUBLE_CLICKED)) {
		if (id != UI_VIEW_HELP)
			ui_focus(ui, id);
		if (ev.y >= v->y)
			ui_view_clicked(ui, v, ev.y - v->y, ev.x - v->x,
			    (ev.bstate & BUTTON1_DOUBLE_CLICKED) ? 2 : 1);
	}
	/* Pressed and let go, for the views that follow a drag. */
	if (!(ev.bstate & (BUTTON1_PRESSED | BUTTON1_RELEASED)))
		return;
	press = (ev.bstate & BUTTON1_PRESSED) != 0;
	for (i = 0; i < UI_VIEW_COUNT; i++) {
		struct ui_view *w = &ui->views[i];
		if (w->ops->mouse != NULL)
			w->ops->mouse(ui, w, press, ev.y - w->y, ev.x - w->x, i == (int)id);
	}
}

/* The keymap keys go to: the focused view's, unless a view says
 * otherwise for now (a selection under way). */
static enum ui_keymap
keymap(struct ui *ui, struct ui_view *focused)
{
	enum ui_keymap km = focused->ops->keymap;
	int i;

	for (i = 0; i < UI_VIEW_COUNT; i++) {
		struct ui_view *v = &ui->views[i];
		if (v->ops->keymap_now != NULL)
			km = v->ops->keymap_now(ui, v, km);
	}
	return km;
}

static void
key(struct ui *ui, int code)
{
	struct ui_view *v = &ui->views[ui->help_open ? UI_VIEW_HELP : ui->focus];
	enum ui_action a;
	int count, pending, unbound;

	if (ui->message_sticky)
		ui->message_sticky = 0;
	else
		ui_clear_message(ui);
	if (ui_prompt_active(ui)) {
		ui_prompt_key(ui, code);
		return;
	}
	if (ui->overlay != NULL) {
		ui_overlay_key(ui, code);
		return;
	}
	if (ui->too_small) {
		/* Only the ways out work until the terminal grows. */
		if (code == 'q' || code == 'Q')
			ui->running = 0;
		return;
	}
	a = ui_keys_feed(ui, keymap(ui, v), code, &count, &pending, &unbound);
	ui_mark(ui, UI_DIRTY_STATUS);
	if (pending)
		return;
	if (unbound) {
		struct buf b, h;
		buf_init(&b);
		buf_init(&h);
		ui_key_name(code, &b);
		/* Named by what opens the help here: ? searches in the article. */
		if (ui_keys_working(ui, keymap(ui, v), UI_ACT_HELP, &h) > 0) {
			char *comma = strchr(h.data, ',');
			if (comma != NULL)
				*comma = '\0';
			ui_message(ui, "%s is not bound (%s lists the keys)", b.data, h.data);
		} else {
			ui_message(ui, "%s is not bound (:help lists the keys)", b.data);
		}
		buf_free(&h);
		buf_free(&b);
		return;
	}
	ui_run_action(ui, a, count);
}

/* ---- set-up and the loop ------------------------------------------- */

static void
load_theme(struct ui *ui)
{
	const char *nc = getenv("NO_COLOR");
	int warnings;

	ui_theme_builtin(ui);
	if (ui->opt.theme == NULL)
		ui->opt.theme = xstrdup(nc != NULL && nc[0] != '\0' ? "mono" : "default");
	/* Without colours a colour theme would hide what it marks. */
	if (!ui->colors && strcmp(ui->opt.theme, "mono") != 0) {
		free(ui->opt.theme);
		ui->opt.theme = xstrdup("mono");
	}
	if (ui_theme_load(ui, ui->opt.theme, &warnings) != 0 || warnings > 0)
		ui_error(ui, "%s", err_msg());
}


/* Reopens where the user left off, each view its own part (the list's
 * row, the article and its cursor) in two passes around the first frame
 * (the article reopened may be a long one), then the focused pane. */
static void
restore_place(struct ui *ui)
{
	char *focus = NULL;
	int i, pass, more = 0;

	for (pass = 0; pass < 2 && (pass == 0 || more); pass++) {
		if (pass == 1)
			ui_pane_first_frame(ui);
		for (i = 0; i < UI_VIEW_COUNT; i++) {
			if (ui->views[i].ops->restore != NULL &&
			    ui->views[i].ops->restore(ui, &ui->views[i], pass))
				more = 1;
		}
	}
	if (store_state_get(ui->st, "reader.focus", &focus) != 0)
		err_clear();
	for (i = 0; focus != NULL && i < UI_VIEW_COUNT; i++) {
		if (i != UI_VIEW_HELP && strcasecmp(focus, ui->views[i].ops->name) == 0)
			ui->focus = (enum ui_view_id)i;
	}
	free(focus);
}

static void
save_place(struct ui *ui)
{
	int i;

	if (store_is_readonly(ui->st))
		return;
	for (i = 0; i < UI_VIEW_COUNT; i++) {
		if (ui->views[i].ops->save != NULL)
			ui->views[i].ops->save(ui, &ui->views[i]);
	}
	if (ui->focus != UI_VIEW_HELP) {
		char *name = xstrdup(ui->views[ui->focus].ops->name);
		size_t k;

		for (k = 0; name[k] != '\0'; k++)
			name[k] = (char)(name[k] >= 'A' && name[k] <= 'Z' ? name[k] - 'A' + 'a' : name[k]);
		store_state_set(ui->st, "reader.focus", name);
		free(name);
	}
	err_clear();
}

static int
init_views(struct ui *ui)
{
	size_t i;

	ui->nlayers = ui_layer_count;
	ui->layers = xcalloc(ui->nlayers + 1, sizeof *ui->layers);
	for (i = 0; i < ui->nlayers; i++)
		ui->layers[i].ops = ui_layer_table[i];
	for (i = 0; i < UI_VIEW_COUNT; i++) {
		ui->views[i].ops = ui_view_table[i];
		if (ui->views[i].ops->init != NULL && ui->views[i].ops->init(ui, &ui->views[i]) != 0)
			return -1;
	}
	return 0;
}

static void
free_ui(struct ui *ui)
{
	int i;

	ui_fetch_stop(ui);
	ui_sync_free(ui);
	ui_overlay_close(ui);
	ui_report_free(ui);
	for (i = 0; i < UI_VIEW_COUNT; i++) {
		if (ui->views[i].ops != NULL && ui->views[i].ops->free != NULL)
			ui->views[i].ops->free(ui, &ui->views[i]);
		free(ui->views[i].find);
	}
	free(ui->layers);
	ui_prompt_free(ui);
	ui_keys_free(ui);
	ui_theme_free(ui);
	ui_jumps_free(&ui->jumps);
	free(ui->opt.theme);
	free(ui->message);
	free(ui->config_path);
	free(ui->config_errors);
}

/* Work a view left for when no key waits; 1 when one did some. */
static int
idle(struct ui *ui)
{
	int i;

	for (i = 0; i < UI_VIEW_COUNT; i++) {
		if (ui->views[i].ops->idle != NULL && ui->views[i].ops->idle(ui, &ui->views[i]))
			return 1;
	}
	return 0;
}

static void
loop(struct ui *ui)
{
	wint_t wc;
	int rc;

	while (ui->running && !ui_term_signalled()) {
		/* After each key, and each wait for one that timed out. */
		ui_views_reload(ui, 0);
		if (ui->dirty)
			ui_pane_draw(ui);
		if (idle(ui))
			continue;
		ui_fetch_summary(ui);
		/* A fetch takes the time until a key arrives; the key is then
		 * read at once. */
		if (ui->fetch != NULL)
			ui_fetch_step(ui, FETCH_TURN_MS);
		ui_sync_due(ui);
		ui_term_key_wait(ui->fetch != NULL);
		rc = get_wch(&wc);
		if (rc == ERR) {
			ui_term_gone();
			continue;
		}
		if (rc == KEY_CODE_YES && wc == KEY_RESIZE) {
			ui_mark(ui, UI_DIRTY_LAYOUT);
			continue;
		}
		if (rc == KEY_CODE_YES && wc == KEY_MOUSE) {
			mouse_event(ui);
			continue;
		}
		key(ui, ui_term_key(rc, wc));
	}
}

int
ui_run(struct store *st, struct ui_start *start)
{
	struct ui ui;
	char *config_msg = NULL;
	const char *line, *end;
	int rc = 0;

	memset(&ui, 0, sizeof ui);
	ui.st = st;
	ui.command = start != NULL ? start->command : NULL;
	ui.running = 1;
	ui.run = ui_run_action;
	ui.opt.mouse = 1;
	ui.focus = UI_VIEW_LIST;
	ui.dirty = UI_DIRTY_LAYOUT;
	if (ui_keys_init(&ui) != 0 || ui_prompt_init(&ui) != 0) {
		free_ui(&ui);
		return -1;
	}
	ui.config_path = path_config_file();
	ui_config_load(&ui, ui.config_path);
	if (ui.message != NULL)
		config_msg = xstrdup(ui.message);
	/* Before the terminal is taken: on the screen the reader gives back
	 * when it ends, and in whatever stderr is kept in. */
	for (line = ui.config_errors; line != NULL && *line != '\0'; line = end + 1) {
		if ((end = strchr(line, '\n')) == NULL)
			break;
		fprintf(stderr, "dossier: %.*s\n", (int)(end - line), line);
	}
	ui_term_signals();
	if (ui_term_init(&ui) != 0) {
		ui_term_reset_signals();
		free(config_msg);
		free_ui(&ui);
		return -1;
	}
	load_theme(&ui);
	ui.live = 1;
	ui_set_mouse(&ui, ui.opt.mouse);
	if (init_views(&ui) != 0) {
		rc = -1;
		goto out;
	}
	store_set_interrupt(st, ui_term_interrupt, NULL);
	ui_sync_init(&ui);
	ui_pane_layout(&ui);   /* the article reopens at its place on this screen */
	restore_place(&ui);
	if (config_msg != NULL)
		ui_error(&ui, "%s", config_msg);
	else if (start != NULL && start->message != NULL)
		ui_message(&ui, "%s", start->message);
	loop(&ui);
	/* Saving the place is quick: let it finish even after a signal, but
	 * then without waiting for another program's lock. */
	store_set_interrupt(st, NULL, NULL);
	if (ui_term_signalled())
		store_set_lock_wait(st, 0);
	save_place(&ui);
	store_set_lock_wait(st, -1);
out:
	store_set_interrupt(st, NULL, NULL);
	ui_term_end(&ui);
	ui_term_reset_signals();
	if (start != NULL)
		start->signal = ui_term_signalled();
	ui_term_clear_signal();
	free(config_msg);
	free_ui(&ui);
	return rc;
}
