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
#include "ui.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *path;

static void
remove_file(void)
{
	unlink(path);
	free(path);
}

static void
setup(void)
{
	const char *tmp = getenv("TMPDIR");
	int fd;

	path = xasprintf("%s/dossier-fuzz-config-XXXXXX", tmp != NULL && tmp[0] == '/' ? tmp : "/tmp");
	if ((fd = mkstemp(path)) < 0)
		abort();
	close(fd);
	atexit(remove_file);
}

static void
write_input(const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || (size > 0 && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
		abort();
}

/* "PATH:LINE: what", one line, LINE within the file; "(and N more bad
 * lines)" at most as many as the file has. */
static void
check_message(const char *msg, size_t lines)
{
	size_t plen = strlen(path);
	unsigned long line, more = 0;
	const char *and;
	char *end;

	if (strchr(msg, '\n') != NULL || strncmp(msg, path, plen) != 0 || msg[plen] != ':')
		abort();
	line = strtoul(msg + plen + 1, &end, 10);
	if (end == msg + plen + 1 || strncmp(end, ": ", 2) != 0 || line < 1 || line > lines)
		abort();
	if ((and = strstr(end, " (and ")) != NULL && strstr(and, " more bad lines)") != NULL)
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
	size_t lines = 1, i;

	if (path == NULL)
		setup();
	for (i = 0; i < size; i++)
		lines += data[i] == '\n';
	write_input(data, size);
	memset(&ui, 0, sizeof ui);
	ui.running = 1;
	ui.opt.mouse = 1;
	if (ui_keys_init(&ui) != 0)
		abort();
	ui_config_load(&ui, path);
	if (ui.message != NULL)
		check_message(ui.message, lines);
	if (memchr(data, '\0', size) == NULL)
		check_key_names((const char *)data, size);
	ui_keys_free(&ui);
	free(ui.opt.theme);
	free(ui.message);
	return 0;
}
