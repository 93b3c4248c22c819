/*
 * input-file.h: for fuzz targets whose parser reads a file by name (the
 * reader's theme and config files): the input written to one temporary
 * file per process, and the check every message about such a file must
 * pass, "FILE:LINE: what" on one line, LINE a line the file has.
 */
#ifndef DOSSIER_FUZZ_INPUT_FILE_H
#define DOSSIER_FUZZ_INPUT_FILE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

static char *input_path;

/* Makes the file, its name ending in SUFFIX (the theme loader wants
 * ".theme"); the caller removes it at exit. */
static void
input_file_make(const char *suffix)
{
	const char *tmp = getenv("TMPDIR");
	int fd;

	input_path = xasprintf("%s/dossier-fuzz-XXXXXX%s",
	    tmp != NULL && tmp[0] == '/' ? tmp : "/tmp", suffix);
	if ((fd = mkstemps(input_path, (int)strlen(suffix))) < 0)
		abort();
	close(fd);
}

/* Writes the input to the file; returns how many lines it has. */
static size_t
input_file_write(const uint8_t *data, size_t size)
{
	FILE *f = fopen(input_path, "wb");
	size_t lines = 1, i;

	if (f == NULL || (size > 0 && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
		abort();
	for (i = 0; i < size; i++)
		lines += data[i] == '\n';
	return lines;
}

/* Aborts unless MSG is one line "FILE:LINE: ..." with LINE in 1..LINES. */
static void
input_file_check_message(const char *msg, size_t lines)
{
	size_t plen = strlen(input_path);
	unsigned long line;
	char *end;

	if (strchr(msg, '\n') != NULL || strncmp(msg, input_path, plen) != 0 || msg[plen] != ':')
		abort();
	line = strtoul(msg + plen + 1, &end, 10);
	if (end == msg + plen + 1 || strncmp(end, ": ", 2) != 0 || line < 1 || line > lines)
		abort();
}

#endif
