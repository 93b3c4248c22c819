/*
 * fuzz-ui-theme.c: arbitrary text as a colour theme file, loaded by the
 * reader on three curses screens (256, 16 and 8 colours; output to
 * /dev/null) and every element's style then drawn alone and over each
 * other, as the panes layer them.
 *
 * Checks, beyond no crash and no leak: the load succeeds (a bad line is
 * skipped, never fatal); bad lines are at most the lines there are, and
 * the message names the file and a line it has, on one line; every
 * colour is "default" (-1) or 0-255; and the colour pairs handed out stay
 * within what the terminal has.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DOSSIER_UI_INTERNAL
#include "input-file.h"
#include "ui.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const terms[] = { "xterm-256color", "xterm-16color", "xterm" };
static SCREEN *screens[3];
static FILE *out, *in;

static void
teardown(void)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(screens); i++) {
		set_term(screens[i]);
		endwin();
		delscreen(screens[i]);
	}
	fclose(out);
	fclose(in);
	unlink(input_path);
	free(input_path);
}

static void
setup(void)
{
	size_t i;

	input_file_make(".theme");
	if ((out = fopen("/dev/null", "w")) == NULL || (in = fopen("/dev/null", "r")) == NULL)
		abort();
	for (i = 0; i < ARRAY_LEN(terms); i++) {
		screens[i] = newterm(terms[i], out, in);
		if (screens[i] == NULL || start_color() != OK)
			abort();
		use_default_colors();
	}
	atexit(teardown);
}

static void
apply(struct ui *ui, struct ui_style s)
{
	short pair;
	attr_t attr;

	ui_style_apply(ui, s);
	if (attr_get(&attr, &pair, NULL) != OK || pair < 0 || pair >= COLOR_PAIRS)
		abort();
}

/* Draws every style alone, over "normal" and over the one before it, as
 * the panes layer them: more pairs than an 8-colour terminal has. */
static void
draw_all(struct ui *ui)
{
	struct ui_style normal = ui_style(ui, UI_OBJ_NORMAL), prev = normal;
	int o;

	for (o = 0; o < UI_OBJ_COUNT; o++) {
		struct ui_style s = ui_style(ui, (enum ui_object)o);

		if (s.fg < -1 || s.fg > 255 || s.bg < -1 || s.bg > 255)
			abort();
		apply(ui, s);
		apply(ui, ui_style_over(normal, s));
		apply(ui, ui_style_over(prev, s));
		prev = s;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ui ui;
	size_t lines, i;
	int warnings;

	if (input_path == NULL)
		setup();
	lines = input_file_write(data, size);
	for (i = 0; i < ARRAY_LEN(screens); i++) {
		set_term(screens[i]);
		memset(&ui, 0, sizeof ui);
		ui.colors = 1;
		ui.live = 1;
		if (ui_theme_load(&ui, input_path, &warnings) != 0)
			abort();
		if (warnings < 0 || (size_t)warnings > lines)
			abort();
		if (warnings > 0)
			input_file_check_message(err_msg(), lines);
		draw_all(&ui);
		ui_theme_free(&ui);
		err_clear();
	}
	return 0;
}
