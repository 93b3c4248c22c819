/*
 * fuzz-ui-config.c: arbitrary text as the reader's config file (set, bind,
 * theme and the other commands), read the way the reader reads it before
 * the terminal is set up.
 *
 * Checks, beyond no crash and no leak: a file with bad lines leaves one
 * message, on one line, "FILE:LINE: ..." naming a line the file has, with
 * at most as many bad lines counted as there are lines; and every key a
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

/* "(and N more bad lines)", if there, counts at most the file's lines. */
static void
check_message(const char *msg, size_t lines)
{
	unsigned long more = 0;
	const char *and;

	input_file_check_message(msg, lines);
	/* The file's name has no blanks: the first " (and " is the count's. */
	if ((and = strstr(msg, " (and ")) != NULL && strstr(and, " more bad lines)") != NULL)
		more = strtoul(and + 6, NULL, 10);
	if (more + 1 > lines)
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
	if (ui.message != NULL)
		check_message(ui.message, lines);
	if (memchr(data, '\0', size) == NULL)
		check_key_names((const char *)data, size);
	ui_keys_free(&ui);
	free(ui.opt.theme);
	free(ui.message);
	return 0;
}
