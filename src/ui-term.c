/*
 * ui-term.c: the reader's terminal. It is set up (raw keys, keypad,
 * colours, Ctrl-i told apart from Tab where the terminal can) and given
 * back as it was on every way out: the end of the loop, a signal asking
 * the reader to end (recorded, for the loop to end at the next key or
 * query), a fatal signal, exit(). Ctrl-z hands it to the shell and takes
 * it back.
 */
#include "config.h"

#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DOSSIER_UI_INTERNAL
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
int
ui_term_interrupt(void *arg)
{
	(void)arg;
	return ui_signalled != 0;
}

int
ui_term_signalled(void)
{
	return ui_signalled;
}

/* The longest a read of a key waits before the loop looks for signals and
 * a terminal gone away. */
#define KEY_TIMEOUT_MS 500

void
ui_term_key_wait(int busy)
{
	timeout(busy ? 0 : KEY_TIMEOUT_MS);
}

void
ui_term_clear_signal(void)
{
	ui_signalled = 0;
}

/* The terminal went away without a SIGHUP reaching us (a hang-up the
 * kernel did not signal, a closed pipe): input only ever fails now. */
/* 1 when the loop should end: a signal came, or the terminal is gone. */
int
ui_term_gone(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };

	if (!ui_signalled && poll(&p, 1, 0) > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0)
		ui_signalled = SIGHUP;
	return ui_signalled != 0;
}

static void
restore_at_exit(void)
{
	if (ui_curses_active) {
		ui_curses_active = 0;
		endwin();
	}
}

void
ui_term_signals(void)
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
	atexit(restore_at_exit);
}

void
ui_term_reset_signals(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS,
		SIGFPE, SIGILL, SIGABRT };
	size_t i;

	for (i = 0; i < ARRAY_LEN(sigs); i++)
		signal(sigs[i], SIG_DFL);
}

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

int
ui_term_init(struct ui *ui)
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
	timeout(KEY_TIMEOUT_MS);
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

void
ui_term_end(struct ui *ui)
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

void
ui_term_suspend(struct ui *ui)
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

/* A key from get_wch as a key code (UI_KEY_*). */
int
ui_term_key(int rc, wint_t wc)
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
