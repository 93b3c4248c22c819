/*
 * fuzz-ui-config.c: arbitrary text as the reader's config file (set, bind,
 * theme and the other commands), read the way the reader reads it before
 * the terminal is set up.
 *
 * Checks, beyond no crash and no leak: a file with bad lines leaves one
 * message, on one line, "FILE:LINE: ...", and a list of them all, each
 * "FILE:LINE: ..." naming a line the file has, one a line, at most as
 * many as the file has lines, in the order of the file; and every key a
 * word of the file names is shown by a name that reads back as that key
 * (help lists keys by the names config takes).
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

static void
remove_file(void)
{
	unlink(input_path);
	free(input_path);
}

/* The message is the list's first line; the list names each bad line
 * once, in order, and counts them right. */
static void
check_errors(const struct ui *ui, size_t lines)
{
	size_t plen = strlen(input_path);
	unsigned long at, last = 0;
	const char *line, *end;
	char *one;
	int n = 0;

	if ((ui->message == NULL) != (ui->config_errors == NULL))
		abort();
	if (ui->message == NULL)
		return;
	input_file_check_message(ui->message, lines);
	if (strncmp(ui->message, ui->config_errors, strcspn(ui->config_errors, "\n")) != 0)
		abort();
	for (line = ui->config_errors; (end = strchr(line, '\n')) != NULL; line = end + 1) {
		one = xstrndup(line, (size_t)(end - line));
		input_file_check_message(one, lines);
		at = strtoul(one + plen + 1, NULL, 10);
		free(one);
		if (at <= last)
			abort();
		last = at;
		n++;
	}
	if (*line != '\0' || n != ui->config_bad || (size_t)n > lines)
		abort();
}

/* Each key a word names is shown by a name that parses back to it. */
static void
check_key_names(const char *text, size_t len)
{
	char *copy = xstrndup(text, len), *word, *save = NULL;
	int codes[UI_KEY_MAXSEQ], back[UI_KEY_MAXSEQ], n, i;
	struct buf name;

	buf_init(&name);
	for (word = strtok_r(copy, " \t\r\n", &save); word != NULL;
	    word = strtok_r(NULL, " \t\r\n", &save)) {
		n = ui_keys_parse(word, codes, UI_KEY_MAXSEQ);
		for (i = 0; i < n; i++) {
			buf_reset(&name);
			ui_key_name(codes[i], &name);
			if (ui_keys_parse(name.data, back, UI_KEY_MAXSEQ) != 1 || back[0] != codes[i])
				abort();
		}
	}
	err_clear();
	buf_free(&name);
	free(copy);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ui ui;
	size_t lines;

	if (input_path == NULL) {
		input_file_make("");
		atexit(remove_file);
	}
	lines = input_file_write(data, size);
	memset(&ui, 0, sizeof ui);
	ui.running = 1;
	ui.opt.mouse = 1;
	if (ui_keys_init(&ui) != 0)
		abort();
	ui_config_load(&ui, input_path);
	check_errors(&ui, lines);
	if (memchr(data, '\0', size) == NULL)
		check_key_names((const char *)data, size);
	ui_keys_free(&ui);
	free(ui.opt.theme);
	free(ui.message);
	free(ui.config_errors);
	return 0;
}
