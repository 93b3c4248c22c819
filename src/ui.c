/*
 * ui.c: the reader's loop. It owns the terminal (set up, restored on every
 * way out), reads keys and mouse events, feeds keys through the key table
 * to an action, hands the action to the focused view (then to the article
 * for article actions, then to the global handlers here), and redraws
 * what the actions marked dirty, from the model, each frame.
 *
 * Geometry: three panes side by side on terminals at least UI_WIDE_COLS
 * wide (list | article | side, each with a title row), else one pane at a
 * time, switched with Tab; a status bar and a message/command line below.
 * Under UI_MIN_COLS x UI_MIN_ROWS only a short message is drawn.
 */
#include "config.h"

#include <errno.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DOSSIER_UI_INTERNAL
#include "store.h"
#include "ui.h"

#include <term.h>

/* The one global: what a signal handler may touch. */
static volatile sig_atomic_t ui_signalled;

/* The terminal is restored by whichever way out comes first. */
static volatile sig_atomic_t ui_curses_active;

static void
on_quit_signal(int sig)
{
	ui_signalled = sig;
}

static void
on_fatal_signal(int sig)
{
	if (ui_curses_active) {
		ui_curses_active = 0;
		endwin();
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

/* The store's interrupt check: a query under way when a signal asks the
 * reader to end stops there, rather than run on with no one to show it
 * to. */
static int
interrupt_check(void *arg)
{
	(void)arg;
	return ui_signalled != 0;
}

/* The terminal went away without a SIGHUP reaching us (a hang-up the
 * kernel did not signal, a closed pipe): input only ever fails now. */
static int
terminal_gone(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };

	return poll(&p, 1, 0) > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

static void
restore_at_exit(void)
{
	if (ui_curses_active) {
		ui_curses_active = 0;
		endwin();
	}
}

static void
install_signals(void)
{
	struct sigaction sa;
	static const int quit_sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	static const int fatal_sigs[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
	size_t i;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_quit_signal;   /* no SA_RESTART: getch returns */
	for (i = 0; i < ARRAY_LEN(quit_sigs); i++)
		sigaction(quit_sigs[i], &sa, NULL);
	sa.sa_handler = on_fatal_signal;
	sa.sa_flags = SA_RESETHAND;
	for (i = 0; i < ARRAY_LEN(fatal_sigs); i++)
		sigaction(fatal_sigs[i], &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sa.sa_flags = 0;
	sigaction(SIGPIPE, &sa, NULL);
}

static void
reset_signals(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS,
		SIGFPE, SIGILL, SIGABRT };
	size_t i;

	for (i = 0; i < ARRAY_LEN(sigs); i++)
		signal(sigs[i], SIG_DFL);
}

void
ui_mark(struct ui *ui, unsigned dirty)
{
	ui->dirty |= dirty;
}

static void
set_message(struct ui *ui, int error, const char *fmt, va_list ap)
{
	struct buf b;

	buf_init(&b);
	buf_vprintf(&b, fmt, ap);
	free(ui->message);
	ui->message = buf_detach(&b, NULL);
	ui->message_error = error;
	ui->message_sticky = 1;
	ui_mark(ui, UI_DIRTY_STATUS);
}

void
ui_message(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_message(ui, 0, fmt, ap);
	va_end(ap);
}

void
ui_error(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_message(ui, 1, fmt, ap);
	va_end(ap);
	if (ui->live)
		beep();
}

static void
clear_message(struct ui *ui)
{
	if (ui->message == NULL)
		return;
	free(ui->message);
	ui->message = NULL;
	ui_mark(ui, UI_DIRTY_STATUS);
}

struct ui_view *
ui_view(struct ui *ui, enum ui_view_id id)
{
	return &ui->views[id];
}

/* ---- geometry ------------------------------------------------------ */

static int
clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static void
place(struct ui_view *v, int y, int x, int h, int w)
{
	v->shown = 1;
	v->ty = y;
	v->y = y + 1;
	v->x = x;
	v->h = h - 1;
	v->w = w;
}

static void
layout(struct ui *ui)
{
	int ph, lw, sw, aw, i;

	getmaxyx(stdscr, ui->rows, ui->cols);
	ui->too_small = ui->cols < UI_MIN_COLS || ui->rows < UI_MIN_ROWS;
	ui->narrow = ui->cols < UI_WIDE_COLS;
	for (i = 0; i < UI_VIEW_COUNT; i++)
		ui->views[i].shown = 0;
	if (ui->too_small)
		return;
	ph = ui->rows - 2;
	if (ui->help_open) {
		place(&ui->views[UI_VIEW_HELP], 0, 0, ph, ui->cols);
	} else if (ui->narrow) {
		/* One pane on screen; the others keep its geometry, so what
		 * they do while hidden (opening an article) fits the screen. */
		for (i = 0; i < 3; i++) {
			place(&ui->views[i], 0, 0, ph, ui->cols);
			ui->views[i].shown = i == (int)ui->focus;
		}
	} else {
		lw = ui->list_folded ? 0 : clamp(ui->cols * 3 / 10, 30, 48);
		sw = clamp(ui->cols / 4, 26, 44);
		aw = ui->cols - lw - sw - (lw > 0) - 1;
		if (lw > 0)
			place(&ui->views[UI_VIEW_LIST], 0, 0, ph, lw);
		place(&ui->views[UI_VIEW_ARTICLE], 0, lw + (lw > 0), ph, aw);
		place(&ui->views[UI_VIEW_SIDE], 0, ui->cols - sw, ph, sw);
	}
	for (i = 0; i < UI_VIEW_COUNT; i++) {
		struct ui_view *v = &ui->views[i];
		if (v->h > 0 && v->ops->resize != NULL)
			v->ops->resize(ui, v);
	}
}

static int
focusable(struct ui *ui, enum ui_view_id id)
{
	return id != UI_VIEW_HELP && !(id == UI_VIEW_LIST && ui->list_folded);
}

void
ui_focus(struct ui *ui, enum ui_view_id id)
{
	if (id == UI_VIEW_LIST && ui->list_folded) {
		ui->list_folded = 0;
		ui_mark(ui, UI_DIRTY_LAYOUT);
	}
	if (ui->focus == id)
		return;
	ui->focus = id;
	/* In narrow mode focus decides which pane is on screen. */
	ui_mark(ui, ui->narrow ? UI_DIRTY_LAYOUT : UI_DIRTY_ALL);
}

static void
focus_step(struct ui *ui, int dir)
{
	int id = (int)ui->focus, i;

	for (i = 0; i < 3; i++) {
		id = (id + dir + 3) % 3;
		if (focusable(ui, (enum ui_view_id)id))
			break;
	}
	ui_focus(ui, (enum ui_view_id)id);
}

/* ---- drawing ------------------------------------------------------- */

static void
draw_title(struct ui *ui, struct ui_view *v, enum ui_view_id id)
{
	struct ui_style st = ui_style(ui, ui->focus == id || id == UI_VIEW_HELP ?
	    UI_OBJ_TITLE_FOCUS : UI_OBJ_TITLE);
	struct buf b;
	int x = v->x, i;

	ui_draw_fill(ui, v->ty, v->x, v->w, st);
	if (ui->narrow && id != UI_VIEW_HELP) {
		/* Tabs, so the other panes are not forgotten. */
		for (i = 0; i < 3; i++) {
			struct ui_style ts = ui_style(ui, i == (int)id ? UI_OBJ_TITLE_FOCUS : UI_OBJ_TITLE);
			if (!focusable(ui, (enum ui_view_id)i) && i != (int)id)
				continue;
			x += ui_draw_str(ui, v->ty, x, v->x + v->w - x, " ", ts);
			x += ui_draw_str(ui, v->ty, x, v->x + v->w - x, ui->views[i].ops->name, ts);
			x += ui_draw_str(ui, v->ty, x, v->x + v->w - x, " ", ts);
		}
		x += ui_draw_str(ui, v->ty, x, v->x + v->w - x, " ", st);
	} else {
		x += ui_draw_str(ui, v->ty, x, v->w, " ", st);
		x += ui_draw_str(ui, v->ty, x, v->x + v->w - x, v->ops->name, st);
		x += ui_draw_str(ui, v->ty, x, v->x + v->w - x, "  ", st);
	}
	if (v->ops->title != NULL) {
		buf_init(&b);
		v->ops->title(ui, v, &b);
		ui_draw_text(ui, v->ty, x, v->x + v->w - x, b.data, b.len, st);
		buf_free(&b);
	}
}

static void
draw_view(struct ui *ui, enum ui_view_id id)
{
	struct ui_view *v = &ui->views[id];
	struct ui_style normal = ui_style(ui, UI_OBJ_NORMAL);
	int r;

	draw_title(ui, v, id);
	for (r = 0; r < v->h; r++)
		ui_draw_fill(ui, v->y + r, v->x, v->w, normal);
	v->ops->draw(ui, v);
}

static void
draw_separators(struct ui *ui)
{
	struct ui_style st = ui_style(ui, UI_OBJ_SEPARATOR);
	int i, r;

	for (i = 0; i < UI_VIEW_COUNT; i++) {
		struct ui_view *v = &ui->views[i];
		if (!v->shown || v->x == 0)
			continue;
		/* A Unicode line where the locale allows, so screen dumps read
		 * as lines too; the terminal's line-drawing set elsewhere. */
		for (r = v->ty; r < v->y + v->h; r++) {
			if (ui->utf8)
				ui_draw_str(ui, r, v->x - 1, 1, "\u2502", st);
			else {
				ui_style_apply(ui, st);
				mvaddch(r, v->x - 1, ACS_VLINE);
			}
		}
	}
}

static void
draw_too_small(struct ui *ui)
{
	char msg[64];

	erase();
	snprintf(msg, sizeof msg, "dossier needs %dx%d", UI_MIN_COLS, UI_MIN_ROWS);
	ui_draw_str(ui, 0, 0, ui->cols, msg, ui_style(ui, UI_OBJ_NORMAL));
	if (ui->rows > 1) {
		snprintf(msg, sizeof msg, "(now %dx%d; q quits)", ui->cols, ui->rows);
		ui_draw_str(ui, 1, 0, ui->cols, msg, ui_style(ui, UI_OBJ_NORMAL));
	}
	curs_set(0);
}

/* The terminal cursor sits where the focused view says (the article's
 * cursor), or on the command line, or is hidden. */
static void
place_cursor(struct ui *ui)
{
	struct ui_view *v = &ui->views[ui->focus];
	int row, col;

	if (ui_prompt_active(ui))
		return;   /* placed by the prompt */
	if (ui->overlay != NULL) {
		if (ui->overlay->cursor != NULL && ui->overlay->cursor(ui, ui->overlay, &row, &col)) {
			move(row, col);
			curs_set(1);
		} else
			curs_set(0);
		return;
	}
	if (!ui->help_open && v->shown && v->ops->cursor != NULL &&
	    v->ops->cursor(ui, v, &row, &col)) {
		move(v->y + row, v->x + col);
		curs_set(1);
		return;
	}
	curs_set(0);
}

static void
draw(struct ui *ui)
{
	int i;

	if (ui->dirty & UI_DIRTY_LAYOUT) {
		layout(ui);
		ui_style_apply(ui, ui_style(ui, UI_OBJ_NORMAL));
		erase();
		ui->dirty = UI_DIRTY_ALL;
	}
	if (ui->too_small) {
		draw_too_small(ui);
	} else {
		for (i = 0; i < UI_VIEW_COUNT; i++) {
			if (ui->views[i].shown && (ui->dirty & (1u << i)))
				draw_view(ui, (enum ui_view_id)i);
		}
		draw_separators(ui);
		if (ui->overlay != NULL)
			ui->overlay->draw(ui, ui->overlay);
		ui_status_draw(ui);
		place_cursor(ui);
	}
	ui->dirty = 0;
	refresh();
}

/* ---- actions ------------------------------------------------------- */

static void
suspend(struct ui *ui)
{
	struct sigaction dfl, old;

	endwin();
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGTSTP, &dfl, &old);
	raise(SIGTSTP);
	/* Continued: the shell may have changed the size and the screen. */
	sigaction(SIGTSTP, &old, NULL);
	reset_prog_mode();
	clearok(curscr, TRUE);
	ui_mark(ui, UI_DIRTY_LAYOUT);
}

static void
toggle_list(struct ui *ui)
{
	ui->list_folded = !ui->list_folded;
	if (ui->list_folded && ui->focus == UI_VIEW_LIST)
		ui->focus = UI_VIEW_ARTICLE;
	ui_message(ui, ui->list_folded ? "list folded (L unfolds)" : "list unfolded");
	ui_mark(ui, UI_DIRTY_LAYOUT);
}

static void
open_help(struct ui *ui)
{
	ui->help_open = 1;
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
		focus_step(ui, 1);
		return 1;
	case UI_ACT_FOCUS_PREV:
		focus_step(ui, -1);
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
	case UI_ACT_JUMP_BACK:
		if (ui_jump_back(ui) != 0)
			ui_message(ui, "at the oldest place in the jump list");
		return 1;
	case UI_ACT_JUMP_FORWARD:
		if (ui_jump_forward(ui) != 0)
			ui_message(ui, "at the newest place in the jump list");
		return 1;
	case UI_ACT_SEARCH_CORPUS:
		ui_prompt_open(ui, 'F');
		return 1;
	case UI_ACT_PROMPT:
		ui_prompt_open(ui, ':');
		return 1;
	case UI_ACT_HELP:
		open_help(ui);
		return 1;
	case UI_ACT_REDRAW:
		clearok(curscr, TRUE);
		ui_mark(ui, UI_DIRTY_LAYOUT);
		return 1;
	case UI_ACT_SUSPEND:
		suspend(ui);
		return 1;
	case UI_ACT_CANCEL:
		clear_message(ui);
		return 1;
	default:
		return 0;
	}
}

void
ui_run_action(struct ui *ui, enum ui_action a, int count)
{
	struct ui_view *v;

	if (ui->help_open) {
		v = &ui->views[UI_VIEW_HELP];
		if (v->ops->action(ui, v, a, count))
			return;
		if (a != UI_ACT_QUIT && a != UI_ACT_BACK && a != UI_ACT_CANCEL &&
		    a != UI_ACT_SUSPEND && a != UI_ACT_REDRAW && a != UI_ACT_PROMPT) {
			ui->help_open = 0;
			ui_mark(ui, UI_DIRTY_LAYOUT);
		}
	}
	if (ui_anno_action(ui, a, count))
		return;
	v = &ui->views[ui->focus];
	if (v->ops->action != NULL && v->ops->action(ui, v, a, count))
		return;
	/* Article actions work from the other panes too, on the open article. */
	if (ui->focus != UI_VIEW_ARTICLE && ui_action_keymap(a) == UI_KM_ARTICLE) {
		v = &ui->views[UI_VIEW_ARTICLE];
		if (v->ops->action(ui, v, a, count))
			return;
	}
	if (global_action(ui, a))
		return;
	ui_message(ui, "%s: nothing to do here", ui_action_name(a));
}

/* ---- input --------------------------------------------------------- */

static int
normalise(int rc, wint_t wc)
{
	if (rc == KEY_CODE_YES) {
		switch (wc) {
		case KEY_ENTER:
			return UI_KEY_ENTER;
		case KEY_BACKSPACE:
			return UI_KEY_BACKSPACE;
		default:
			return UI_KEY_CURSES((int)wc);
		}
	}
	if (wc == '\n' || wc == '\r')
		return UI_KEY_ENTER;
	if (wc == 8)
		return UI_KEY_BACKSPACE;
	return (int)wc;
}

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

	if (getmouse(&ev) != OK || ui->too_small)
		return;
	id = view_at(ui, ev.y, ev.x);
	if (id == UI_VIEW_COUNT)
		return;
	v = &ui->views[id];
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		enum ui_action a = (ev.bstate & BUTTON4_PRESSED) ? UI_ACT_MOVE_UP : UI_ACT_MOVE_DOWN;
		if (v->ops->action != NULL)
			v->ops->action(ui, v, a, 3);
		return;
	}
	if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_DOUBLE_CLICKED)) {
		if (id != UI_VIEW_HELP)
			ui_focus(ui, id);
		if (ev.y >= v->y && v->ops->click != NULL)
			v->ops->click(ui, v, ev.y - v->y, ev.x - v->x,
			    (ev.bstate & BUTTON1_DOUBLE_CLICKED) ? 2 : 1);
	}
	/* A drag in the article selects, from where it was pressed to where
	 * it is released. */
	if (ev.bstate & BUTTON1_PRESSED)
		ui_anno_drag_start(ui, id);
	if ((ev.bstate & BUTTON1_RELEASED) && ui_anno_dragging(ui)) {
		if (id == UI_VIEW_ARTICLE && ev.y >= v->y)
			v->ops->click(ui, v, ev.y - v->y, ev.x - v->x, 1);
		ui_anno_drag_end(ui);
	}
}

void
ui_set_mouse(struct ui *ui, int on)
{
	const char *kmous, *term = getenv("TERM");

	ui->opt.mouse = on;
	/* Only terminals that report the mouse in their input stream (xterm
	 * and its kin). On the Linux console ncurses would load the gpm
	 * library behind our back instead (which leaks); no mouse there. */
	kmous = ui->live ? tigetstr("kmous") : NULL;
	if (kmous != NULL && kmous != (char *)-1 && kmous[0] != '\0' &&
	    (term == NULL || strncmp(term, "linux", 5) != 0))
		mousemask(on ? (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_DOUBLE_CLICKED |
		    BUTTON1_RELEASED | BUTTON4_PRESSED | BUTTON5_PRESSED) : 0, NULL);
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
		clear_message(ui);
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
	a = ui_keys_feed(ui, ui_anno_keymap(ui, v->ops->keymap), code, &count, &pending,
	    &unbound);
	ui_mark(ui, UI_DIRTY_STATUS);
	if (pending)
		return;
	if (unbound) {
		struct buf b;
		buf_init(&b);
		ui_key_name(code, &b);
		ui_message(ui, "%s is not bound (? lists the keys)", b.data);
		buf_free(&b);
		return;
	}
	ui_run_action(ui, a, count);
}

/* ---- set-up and the loop ------------------------------------------- */

/* Can terminal type TERM put the cursor anywhere? A "dumb" or hard-copy
 * terminal cannot, and curses would draw every screen as a stream of
 * garbage on it. Asked of terminfo before curses writes anything. */
static int
can_address(const char *term)
{
	const char *cup;
	int err = 0, ok;

	if (setupterm((char *)(uintptr_t)term, STDOUT_FILENO, &err) != OK)
		return -1;
	cup = tigetstr((char *)(uintptr_t)"cup");
	ok = cup != NULL && cup != (char *)-1;
	del_curterm(cur_term);
	return ok;
}

static int
init_terminal(struct ui *ui)
{
	const char *term = getenv("TERM");

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return err_set("the reader needs a terminal (try 'dossier --help' for the commands)");
	if (term == NULL || term[0] == '\0')
		return err_set("TERM is not set; the reader needs to know the terminal");
	if (can_address(term) == 0)
		return err_set("terminal type '%s' cannot move the cursor, which the reader "
		    "needs", term);
	ui->screen = newterm(NULL, stdout, stdin);
	if (ui->screen == NULL)
		return err_set("cannot use terminal type '%s' (is its terminfo installed?)", term);
	ui_curses_active = 1;
	set_term(ui->screen);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	timeout(500);
	curs_set(0);
	/* Terminals that report Ctrl-i apart from Tab (CSI u, xterm's
	 * modifyOtherKeys) get it as its own key. */
	define_key("\033[105;5u", UI_KEY_CTRL_I - UI_KEY_FN);
	define_key("\033[27;5;105~", UI_KEY_CTRL_I - UI_KEY_FN);
	ui->utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	ui->colors = 0;
	if (has_colors() && start_color() == OK) {
		use_default_colors();
		ui->colors = 1;
	}
	return 0;
}

static void
end_terminal(struct ui *ui)
{
	if (ui_curses_active) {
		ui_curses_active = 0;
		endwin();
	}
	if (ui->screen != NULL) {
		delscreen(ui->screen);
		ui->screen = NULL;
	}
}

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

static const char *const focus_names[] = { "list", "article", "side" };

/* The list and the status line, before anything else is read: the
 * article reopened next may be a long one. */
static void
first_frame(struct ui *ui)
{
	ui_style_apply(ui, ui_style(ui, UI_OBJ_NORMAL));
	erase();
	ui->dirty = UI_DIRTY_LIST | UI_DIRTY_STATUS;
	draw(ui);
	ui->dirty = UI_DIRTY_ALL;
}

/* Reopens where the user left off: the list's row, then (once the list
 * is on screen) the article, the cursor, the pane. */
static void
restore_place(struct ui *ui)
{
	char *id = NULL, *off = NULL, *focus = NULL, *row = NULL;
	int64_t aid, rid = 0;
	size_t i;

	if (store_state_get(ui->st, "reader.article", &id) != 0 ||
	    store_state_get(ui->st, "reader.offset", &off) != 0 ||
	    store_state_get(ui->st, "reader.focus", &focus) != 0 ||
	    store_state_get(ui->st, "reader.row", &row) != 0) {
		err_clear();
		goto out;
	}
	if (id == NULL)
		goto out;
	aid = strtoll(id, NULL, 10);
	if (row != NULL) {
		/* "INDEX ID": the list's selected row and where it was. */
		rid = strtoll(row + strcspn(row, " "), NULL, 10);
		if (rid > 0)
			ui_list_select_id(ui, rid);
	}
	first_frame(ui);
	if (aid > 0 && ui_article_open(ui, aid, off != NULL ? strtoull(off, NULL, 10) : 0) != 0) {
		err_clear();
		goto out;
	}
	/* Opening made the list follow the article: the row saved wins. */
	if (rid > 0)
		ui_list_select_id(ui, rid);
	for (i = 0; focus != NULL && i < ARRAY_LEN(focus_names); i++) {
		if (strcmp(focus, focus_names[i]) == 0)
			ui->focus = (enum ui_view_id)i;
	}
out:
	free(id);
	free(off);
	free(focus);
	free(row);
}

static void
save_place(struct ui *ui)
{
	char num[32];
	int64_t id = ui_article_id(ui);

	if (store_is_readonly(ui->st))
		return;
	if (id > 0) {
		snprintf(num, sizeof num, "%lld", (long long)id);
		store_state_set(ui->st, "reader.article", num);
		snprintf(num, sizeof num, "%zu", ui_article_offset(ui));
		store_state_set(ui->st, "reader.offset", num);
	}
	id = ui_list_selected_index(ui) != SIZE_MAX ? ui_list_selected_id(ui) : 0;
	if (id > 0) {
		char row[64];
		snprintf(row, sizeof row, "%zu %lld", ui_list_selected_index(ui), (long long)id);
		store_state_set(ui->st, "reader.row", row);
	}
	if (ui->focus < ARRAY_LEN(focus_names))
		store_state_set(ui->st, "reader.focus", focus_names[ui->focus]);
	err_clear();
}

static int
init_views(struct ui *ui)
{
	static const struct ui_view_ops *const ops[UI_VIEW_COUNT] = {
		[UI_VIEW_LIST] = &ui_list_ops,
		[UI_VIEW_ARTICLE] = &ui_article_ops,
		[UI_VIEW_SIDE] = &ui_side_ops,
		[UI_VIEW_HELP] = &ui_help_ops,
	};
	int i;

	for (i = 0; i < UI_VIEW_COUNT; i++) {
		ui->views[i].ops = ops[i];
		if (ops[i]->init != NULL && ops[i]->init(ui, &ui->views[i]) != 0)
			return -1;
	}
	return 0;
}

static void
free_ui(struct ui *ui)
{
	int i;

	ui_anno_free(ui);
	for (i = 0; i < UI_VIEW_COUNT; i++) {
		if (ui->views[i].ops != NULL && ui->views[i].ops->free != NULL)
			ui->views[i].ops->free(ui, &ui->views[i]);
	}
	ui_prompt_free(ui);
	ui_keys_free(ui);
	ui_theme_free(ui);
	ui_jumps_free(&ui->jumps);
	free(ui->opt.theme);
	free(ui->message);
	free(ui->config_path);
}

static void
loop(struct ui *ui)
{
	wint_t wc;
	int rc;

	while (ui->running) {
		if (ui_signalled)
			break;
		if (ui->dirty)
			draw(ui);
		if (ui_article_idle(ui))
			continue;
		rc = get_wch(&wc);
		if (rc == ERR) {
			if (!ui_signalled && terminal_gone())
				ui_signalled = SIGHUP;
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
		key(ui, normalise(rc, wc));
	}
}

int
ui_run(struct store *st, struct ui_start *start)
{
	struct ui ui;
	char *config_msg = NULL;
	int rc = 0;

	memset(&ui, 0, sizeof ui);
	ui.st = st;
	ui.running = 1;
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
	install_signals();
	atexit(restore_at_exit);
	if (init_terminal(&ui) != 0) {
		reset_signals();
		free(config_msg);
		free_ui(&ui);
		return -1;
	}
	load_theme(&ui);
	ui.live = 1;
	ui_set_mouse(&ui, ui.opt.mouse);
	if (init_views(&ui) != 0 || ui_anno_init(&ui) != 0) {
		rc = -1;
		goto out;
	}
	store_set_interrupt(st, interrupt_check, NULL);
	layout(&ui);   /* the article reopens at its place on this screen */
	restore_place(&ui);
	if (config_msg != NULL)
		ui_error(&ui, "%s", config_msg);
	else if (start != NULL && start->message != NULL)
		ui_message(&ui, "%s", start->message);
	loop(&ui);
	/* Saving the place is quick: let it finish even after a signal, but
	 * then without waiting for another program's lock. */
	store_set_interrupt(st, NULL, NULL);
	if (ui_signalled)
		store_set_lock_wait(st, 0);
	save_place(&ui);
	store_set_lock_wait(st, -1);
out:
	store_set_interrupt(st, NULL, NULL);
	end_terminal(&ui);
	reset_signals();
	if (start != NULL)
		start->signal = ui_signalled;
	ui_signalled = 0;
	free(config_msg);
	free_ui(&ui);
	return rc;
}
