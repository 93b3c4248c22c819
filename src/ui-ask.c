/*
 * ui-ask.c: a yes-or-no question in a popup, for a step that cannot be
 * undone (writing over an existing file). `y` does it; `n`, `q`, Esc and
 * Ctrl-C leave everything as it was; other keys are ignored, so a stray
 * key never answers.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#define DOSSIER_UI_INTERNAL
#include "ui.h"

struct ask {
	struct ui_overlay o;
	char *question;
	ui_ask_fn *yes;
	void *arg;
	void (*free_arg)(void *arg);
	const char *declined;      /* said when the answer is no */
};

static int
ask_key(struct ui *ui, struct ui_overlay *o, int code)
{
	struct ask *a = (struct ask *)o;

	switch (code) {
	case 'y':
	case 'Y':
		if (a->yes(ui, a->arg) != 0)
			ui_error(ui, "%s", err_msg());
		return 0;
	case 'n':
	case 'N':
	case 'q':
	case UI_KEY_ESC:
	case UI_KEY_CTRL('c'):
		ui_message(ui, "%s", a->declined);
		return 0;
	default:
		return 1;
	}
}

static void
ask_draw(struct ui *ui, struct ui_overlay *o)
{
	struct ask *a = (struct ask *)o;
	size_t len = strlen(a->question);
	int w = ui_text_width(a->question, len) + 6, y, x;

	if (w < 30)
		w = 30;
	if (w > ui->cols - 2)
		w = ui->cols - 2;
	ui_popup_box(ui, 5, w, "Replace?", &y, &x);
	ui_draw_text(ui, y, x, w - 4, a->question, len, ui_popup_style(ui, 0));
	ui_draw_str(ui, y + 2, x, w - 4, "y: yes   n: no",
	    ui_style_over(ui_popup_style(ui, 0), ui_style(ui, UI_OBJ_SIDE_COUNT)));
}

static void
ask_free(struct ui_overlay *o)
{
	struct ask *a = (struct ask *)o;

	if (a->free_arg != NULL)
		a->free_arg(a->arg);
	free(a->question);
	free(a);
}

void
ui_ask(struct ui *ui, const char *question, const char *declined, ui_ask_fn *yes, void *arg,
    void (*free_arg)(void *arg))
{
	struct ask *a = xcalloc(1, sizeof *a);

	a->o.draw = ask_draw;
	a->o.key = ask_key;
	a->o.free = ask_free;
	a->o.mode = "ASK";
	a->question = xstrdup(question);
	a->declined = declined;
	a->yes = yes;
	a->arg = arg;
	a->free_arg = free_arg;
	ui_overlay_open(ui, &a->o);
}
