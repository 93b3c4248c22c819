/*
 * fuzz-replay.c: a main() for the fuzz targets, so make check replays the
 * inputs that once crashed them (tests/data/fuzz/<target>/) under the
 * ordinary build and its sanitizers, without clang's libFuzzer. The target
 * is named by the program's name: tests/fuzz/replay-<target>.
 */
#include "config.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
main(int argc, char **argv)
{
	const char *top = getenv("top_srcdir"), *name = strrchr(argv[0], '/');
	char *dir, **files = NULL;
	size_t n = 0, i, len;
	struct dirent *e;
	DIR *d;

	(void)argc;
	name = name ? name + 1 : argv[0];
	if (strncmp(name, "replay-", 7) == 0)
		name += 7;
	dir = xasprintf("%s/tests/data/fuzz/fuzz-%s", top ? top : ".", name);
	if ((d = opendir(dir)) == NULL)
		tap_bail("%s: cannot open", dir);
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		files = xreallocarray(files, n + 1, sizeof *files);
		files[n++] = xasprintf("%s/%s", dir, e->d_name);
	}
	closedir(d);
	qsort(files, n, sizeof *files, cmp);
	for (i = 0; i < n; i++) {
		char *data;
		if (path_read_file(files[i], 64u << 20, &data, &len) != 0)
			tap_bail("%s", err_msg());
		LLVMFuzzerTestOneInput((const uint8_t *)data, len);
		ok(1, "replayed %s", strrchr(files[i], '/') + 1);
		free(data);
		free(files[i]);
	}
	ok(n > 0, "%s holds regression inputs", dir);
	free(files);
	free(dir);
	return tap_done();
}
