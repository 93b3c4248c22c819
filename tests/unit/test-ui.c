/*
 * test-ui.c: the reader's parts that need no terminal: key names and
 * sequences, counts, keymaps, theme colours, the command and config
 * grammar with its file:line errors, and cell widths of hostile text.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DOSSIER_UI_INTERNAL
#include "tap.h"
#include "ui.h"

static void
test_key_names(void)
{
	int c[UI_KEY_MAXSEQ + 1];
	struct buf b;

	is_int(ui_keys_parse("j", c, UI_KEY_MAXSEQ), 1, "one key");
	is_int(c[0], 'j', "j is j");
	is_int(ui_keys_parse("]s", c, UI_KEY_MAXSEQ), 2, "a sequence of two");
	ok(c[0] == ']' && c[1] == 's', "]s is ] then s");
	is_int(ui_keys_parse("<C-d>", c, UI_KEY_MAXSEQ), 1, "<C-d>");
	is_int(c[0], 4, "<C-d> is Ctrl-d");
	ui_keys_parse("^D", c, UI_KEY_MAXSEQ);
	is_int(c[0], 4, "^D is Ctrl-d too");
	ui_keys_parse("<ctrl-D>", c, UI_KEY_MAXSEQ);
	is_int(c[0], 4, "names ignore case");
	ui_keys_parse("<PgDn>", c, UI_KEY_MAXSEQ);
	is_int(c[0], UI_KEY_CURSES(KEY_NPAGE), "<PgDn> is the curses key");
	ui_keys_parse("<Space>", c, UI_KEY_MAXSEQ);
	is_int(c[0], ' ', "<Space>");
	ui_keys_parse("<lt>", c, UI_KEY_MAXSEQ);
	is_int(c[0], '<', "<lt> is <");
	ui_keys_parse("<C-i>", c, UI_KEY_MAXSEQ);
	is_int(c[0], UI_KEY_CTRL_I, "<C-i> is told apart from <Tab>");
	ui_keys_parse("\xc3\xa9", c, UI_KEY_MAXSEQ);
	is_int(c[0], 0xe9, "a UTF-8 key is its code point");
	is_int(ui_keys_parse("<bogus>", c, UI_KEY_MAXSEQ), -1, "an unknown name fails");
	ok(strstr(err_msg(), "<bogus>") != NULL, "naming it (%s)", err_msg());
	is_int(ui_keys_parse("", c, UI_KEY_MAXSEQ), -1, "an empty key fails");
	is_int(ui_keys_parse("abcde", c, UI_KEY_MAXSEQ), -1, "too long a sequence fails");
	is_int(ui_keys_parse("\xff", c, UI_KEY_MAXSEQ), -1, "invalid UTF-8 fails");
	is_int(ui_keys_parse("\xc0\x80", c, UI_KEY_MAXSEQ), -1, "an overlong NUL fails");
	is_int(ui_keys_parse("\xed\xa0\x80", c, UI_KEY_MAXSEQ), -1, "a surrogate fails");
	is_int(ui_keys_parse("\xf7\xbf\xbf\xbf", c, UI_KEY_MAXSEQ), -1, "past U+10FFFF fails");
	ok(ui_keys_parse("<C-^>", c, UI_KEY_MAXSEQ) == 1 && c[0] == 30, "<C-^>, as help names it");
	ok(ui_keys_parse("<C-_>", c, UI_KEY_MAXSEQ) == 1 && c[0] == 31, "<C-_>, as help names it");

	buf_init(&b);
	ui_key_name(4, &b);
	is_str(b.data, "<C-d>", "Ctrl-d is named <C-d>");
	buf_reset(&b);
	ui_key_name(UI_KEY_ENTER, &b);
	is_str(b.data, "<Enter>", "Enter");
	buf_reset(&b);
	ui_key_name('<', &b);
	is_str(b.data, "<lt>", "< is named so it parses back");
	buf_reset(&b);
	ui_key_name(UI_KEY_CURSES(KEY_F(5)), &b);
	is_str(b.data, "<F5>", "F5");
	buf_reset(&b);
	ui_key_name(0xe9, &b);
	is_str(b.data, "\xc3\xa9", "a letter is itself");
	buf_free(&b);
}

static enum ui_action
feed(struct ui *ui, enum ui_keymap km, const char *keys, int *count)
{
	enum ui_action a = UI_ACT_NONE;
	int pending = 0, unbound = 0, c;

	*count = 0;
	for (; *keys != '\0'; keys++) {
		c = *keys;
		a = ui_keys_feed(ui, km, c, count, &pending, &unbound);
		if (!pending)
			break;
	}
	return a;
}

static void
test_bindings(void)
{
	struct ui ui;
	struct buf b;
	int count, pending, unbound;

	memset(&ui, 0, sizeof ui);
	ok(ui_keys_init(&ui) == 0, "the default bindings parse");
	is_int(feed(&ui, UI_KM_LIST, "j", &count), UI_ACT_MOVE_DOWN, "j moves down");
	is_int(feed(&ui, UI_KM_ARTICLE, "]s", &count), UI_ACT_NEXT_STATEMENT, "]s");
	is_int(feed(&ui, UI_KM_ARTICLE, "5j", &count), UI_ACT_MOVE_DOWN, "5j is j");
	is_int(count, 5, "with a count of 5");
	is_int(feed(&ui, UI_KM_ARTICLE, "?", &count), UI_ACT_SEARCH_BACKWARD,
	    "? searches backward in the article");
	is_int(feed(&ui, UI_KM_LIST, "?", &count), UI_ACT_HELP, "and is help elsewhere");
	ui_keys_feed(&ui, UI_KM_LIST, ']', &count, &pending, &unbound);
	ok(pending && !unbound, "] alone waits for the next key");
	buf_init(&b);
	ui_keys_pending(&ui, &b);
	is_str(b.data, "]", "the pending keys are shown");
	ui_keys_feed(&ui, UI_KM_LIST, 'z', &count, &pending, &unbound);
	ok(!pending && unbound, "]z is not bound");
	ok(ui_keys_bind(&ui, UI_KM_ARTICLE, "x", UI_ACT_RELATED) == 0, "bind x in the article");
	is_int(feed(&ui, UI_KM_ARTICLE, "x", &count), UI_ACT_RELATED, "x is related there");
	ui_keys_feed(&ui, UI_KM_LIST, 'x', &count, &pending, &unbound);
	ok(unbound, "and nothing in the list");
	ok(ui_keys_bind(&ui, UI_KM_GENERIC, "j", UI_ACT_NONE) == 0, "bind j none");
	ui_keys_feed(&ui, UI_KM_LIST, 'j', &count, &pending, &unbound);
	ok(unbound, "unbinds j");
	buf_reset(&b);
	is_int(ui_keys_for(&ui, UI_KM_GENERIC, UI_ACT_MOVE_DOWN, &b), 2, "two keys left for move-down");
	is_str(b.data, "<Down>, <C-n>", "listed for help");
	is_int(ui_action_find("next-statement"), UI_ACT_NEXT_STATEMENT, "actions by name");
	is_int(ui_action_find("nope"), UI_ACT_NONE, "an unknown action");
	is_int(ui_keymap_find("side"), UI_KM_SIDE, "keymaps by name");
	buf_free(&b);
	ui_keys_free(&ui);
}

static void
test_colours(void)
{
	short c = 99;

	ok(ui_theme_color("default", &c) == 0 && c == -1, "default is -1");
	ok(ui_theme_color("red", &c) == 0 && c == 1, "red is 1");
	ok(ui_theme_color("bright-blue", &c) == 0 && c == 12, "bright-blue is 12");
	ok(ui_theme_color("color123", &c) == 0 && c == 123, "color123");
	ok(ui_theme_color("255", &c) == 0 && c == 255, "255");
	ok(ui_theme_color("256", &c) != 0, "256 is out of range");
	ok(ui_theme_color("mauve", &c) != 0, "an unknown name fails");
	ok(strstr(err_msg(), "mauve") != NULL, "naming it");
	ok(ui_theme_color("", &c) != 0, "empty fails");
}

static void
test_commands(void)
{
	struct ui ui;
	char *path;
	FILE *f;

	memset(&ui, 0, sizeof ui);
	ui.running = 1;
	ui_keys_init(&ui);
	ok(ui_command(&ui, "set theme light") == 0 && ui.opt.theme != NULL &&
	    strcmp(ui.opt.theme, "light") == 0, "set theme (before the terminal: kept)");
	ok(ui_command(&ui, "set mouse off") == 0 && ui.opt.mouse == 0, "set mouse off");
	ok(ui_command(&ui, "set mouse maybe") != 0, "set mouse maybe fails");
	ok(ui_command(&ui, "set colour red") != 0, "an unknown setting fails");
	ok(ui_command(&ui, "set fetch-jobs 4") == 0 && ui_command(&ui, "set fetch-timeout 30") == 0,
	    "set fetch-jobs and fetch-timeout (dossier fetch reads them)");
	ok(ui_command(&ui, "set coder alice") == 0 && ui_command(&ui, "set coder Ana Lima") == 0,
	    "set coder (annotating reads it) is a known setting");
	ok(ui_command(&ui, "set fetch-jobs 0") != 0 && strstr(err_msg(), "1 to 1000") != NULL,
	    "set fetch-jobs 0 fails (%s)", err_msg());
	ok(ui_command(&ui, "bind article K move-up") == 0, "bind with a keymap");
	ok(ui_command(&ui, "bind nowhere K move-up") != 0, "an unknown keymap fails");
	ok(ui_command(&ui, "bind K fly") != 0 && strstr(err_msg(), "fly") != NULL,
	    "an unknown action fails, naming it");
	ok(ui_command(&ui, "frobnicate") != 0, "an unknown command fails");
	ok(ui_command(&ui, "   ") == 0, "a blank line is nothing");
	ok(ui_command(&ui, "theme") != 0 && ui.message == NULL,
	    "theme without a name in the config is an error, not a message");
	ok(ui_command(&ui, "quit") != 0 && ui.running == 1 && strstr(err_msg(), "reader") != NULL,
	    "quit in a config file is an error, not the end of the reader");
	ui.live = 1;
	ok(ui_command(&ui, "quit") == 0 && ui.running == 0, "quit at the prompt");
	ui.live = 0;

	path = xasprintf("%s/config", tap_tmpdir());
	f = fopen(path, "w");
	fputs("# comment\nbind J move-down\nbind x no-such-action\n\n  set mouse on\nset x\n", f);
	fclose(f);
	ui_config_load(&ui, path);
	ok(ui.message != NULL && strstr(ui.message, ":3: unknown action 'no-such-action'") != NULL,
	    "a bad line is named by file:line (%s)", ui.message ? ui.message : "no message");
	ok(ui.message != NULL && strstr(ui.message, "2 bad lines in the config") != NULL,
	    "and the others counted (%s)", ui.message ? ui.message : "no message");
	ok(ui.config_bad == 2 && ui.config_errors != NULL &&
	    strstr(ui.config_errors, ":3: unknown action 'no-such-action'") != NULL &&
	    strstr(ui.config_errors, ":6: ") != NULL,
	    "each bad line is listed by file:line (%s)", ui.config_errors ? ui.config_errors : "none");
	ok(ui.opt.mouse == 1, "the lines after a bad one still apply");
	free(ui.message);
	ui.message = NULL;
	ui_config_load(&ui, "/nonexistent/dossier/config");
	ok(ui.message == NULL && ui.config_errors == NULL && ui.config_bad == 0,
	    "a missing config file is not an error");
	free(path);
	free(ui.opt.theme);
	ui_keys_free(&ui);
}

static void
test_widths(void)
{
	is_int(ui_text_width("abc", 3), 3, "ASCII: a cell each");
	is_int(ui_text_width("\xc3\xa9", 2), 1, "é: one cell");
	is_int(ui_text_width("\xe6\xbc\xa2", 3), 2, "a CJK ideograph: two cells");
	is_int(ui_text_width("e\xcc\x81", 3), 1, "a combining mark: none of its own");
	is_int(ui_text_width("\x1b", 1), 2, "ESC is drawn as ^[");
	is_int(ui_text_width("\xe2\x80\xae", 3), 8, "a bidi override is drawn as <U+202E>, as the layout measures it");
	is_int(ui_text_width("\xff", 1), 4, "an invalid byte is drawn as <FF>");
	is_int((long long)ui_text_fit("ab\xe6\xbc\xa2" "c", 6, 3), 2,
	    "a wide character that does not fit is left out whole");
	is_int((long long)ui_text_fit("abc", 3, 10), 3, "all of it when it fits");
}

int
main(void)
{
	test_key_names();
	test_bindings();
	test_colours();
	test_commands();
	test_widths();
	return tap_done();
}
