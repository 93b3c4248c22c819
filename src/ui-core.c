/*
 * ui-core.c: the state every part of the reader changes, below all of
 * them: what needs drawing next frame, the message line, which pane has
 * the focus, the mouse. Views, popups and commands call these; the loop
 * (ui.c) reads the state they leave.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define DOSSIER_UI_INTERNAL
#include "ui.h"

void
ui_mark(struct ui *ui, unsigned dirty)
{
	ui->dirty |= dirty;
}

static void
set_message(struct ui *ui, int error, const char *fmt, va_list ap)
{
	free(ui->message);
	ui->message = xvasprintf(fmt, ap);
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

void
ui_clear_message(struct ui *ui)
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


int
ui_focusable(struct ui *ui, enum ui_view_id id)
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

void
ui_focus_step(struct ui *ui, int dir)
{
	int id = (int)ui->focus, i;

	for (i = 0; i < 3; i++) {
		id = (id + dir + 3) % 3;
		if (ui_focusable(ui, (enum ui_view_id)id))
			break;
	}
	ui_focus(ui, (enum ui_view_id)id);
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

