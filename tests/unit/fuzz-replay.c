/*
 * fuzz-replay.c: a main() for the fuzz targets, so make check runs them
 * under the ordinary build and its sanitizers, without clang's libFuzzer:
 * on the inputs that once crashed them (tests/data/fuzz/<target>/) and on
 * their seeds (fuzz/seeds/<target>/), whose properties the target checks
 * too. The target is named by the program's name: tests/fuzz/replay-<target>.
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

/* Appends DIR's files (not hidden ones), sorted, to the n in *files and
 * returns the new count; a DIR that does not exist adds none. */
static size_t
add_dir(const char *dir, char ***files, size_t n)
{
	size_t first = n;
	struct dirent *e;
	DIR *d;

	if ((d = opendir(dir)) == NULL)
		return n;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		*files = xreallocarray(*files, n + 1, sizeof **files);
		(*files)[n++] = xasprintf("%s/%s", dir, e->d_name);
	}
	closedir(d);
	if (n - first > 1)
		qsort(*files + first, n - first, sizeof **files, cmp);
	return n;
}

int
main(int argc, char **argv)
{
	const char *top = getenv("top_srcdir"), *name = strrchr(argv[0], '/');
	char *crashes, *seeds, **files = NULL;
	size_t n = 0, i, len;

	(void)argc;
	name = name ? name + 1 : argv[0];
	if (strncmp(name, "replay-", 7) == 0)
		name += 7;
	crashes = xasprintf("%s/tests/data/fuzz/fuzz-%s", top ? top : ".", name);
	seeds = xasprintf("%s/fuzz/seeds/fuzz-%s", top ? top : ".", name);
	n = add_dir(crashes, &files, n);
	n = add_dir(seeds, &files, n);
	for (i = 0; i < n; i++) {
		char *data;
		if (path_read_file(files[i], 64u << 20, &data, &len) != 0)
			tap_bail("%s", err_msg());
		LLVMFuzzerTestOneInput((const uint8_t *)data, len);
		ok(1, "replayed %s", files[i] + strlen(top ? top : ".") + 1);
		free(data);
		free(files[i]);
	}
	ok(n > 0, "%s or %s holds inputs", crashes, seeds);
	free(files);
	free(crashes);
	free(seeds);
	return tap_done();
}
