/* test-util.c: buffers, arena, error messages, paths and atomic writes. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tap.h"
#include "util.h"

static void
test_buf(void)
{
	struct buf b;
	char *s;
	size_t len, i;

	buf_init(&b);
	for (i = 0; i < 1000; i++)
		buf_printf(&b, "%zu,", i);
	ok(b.len == strlen(b.data), "buf stays NUL-terminated");
	ok(strncmp(b.data, "0,1,2,", 6) == 0, "buf keeps order");
	s = buf_detach(&b, &len);
	is_int((long long)len, (long long)strlen(s), "detach returns length");
	ok(b.data == NULL && b.len == 0, "detach resets");
	free(s);
	s = buf_detach(&b, &len);
	is_str(s, "", "detach of empty buffer gives empty string");
	free(s);
	buf_grow(&b, 100);
	s = buf_detach(&b, &len);
	ok(len == 0 && s[0] == '\0', "a grown but empty buffer is the empty string");
	free(s);
}

static void
test_arena(void)
{
	struct arena a;
	char *p, *q;
	int i;

	arena_init(&a);
	p = arena_strndup(&a, "hello world", 5);
	is_str(p, "hello", "arena_strndup copies n bytes");
	for (i = 0; i < 10000; i++)
		q = arena_alloc(&a, 100);
	ok(((uintptr_t)q % sizeof(void *)) == 0, "arena allocations aligned");
	q = arena_alloc(&a, 1 << 20);
	memset(q, 0, 1 << 20);
	ok(1, "arena serves a block larger than its block size");
	is_str(p, "hello", "earlier allocation intact");
	arena_free(&a);
}

static void
test_err(void)
{
	char *saved;

	is_int(err_set("%s: bad at byte %d", "x.txt", 12), -1, "err_set returns -1");
	is_str(err_msg(), "x.txt: bad at byte 12", "err_msg");
	err_prefix("import");
	is_str(err_msg(), "import: x.txt: bad at byte 12", "err_prefix");
	saved = err_save();
	err_set("a failure handled where it happened");
	err_restore(saved);
	is_str(err_msg(), "import: x.txt: bad at byte 12", "err_restore puts the pending message back");
	err_clear();
	saved = err_save();
	ok(saved == NULL, "err_save: none pending");
	err_set("handled");
	err_restore(saved);
	is_str(err_msg(), "unknown error", "err_restore of none leaves none");
}

static void
test_paths(void)
{
	const char *tmp = tap_tmpdir();
	char *dir = xasprintf("%s/a/b/c", tmp), *file, *data;
	struct stat st;
	size_t len;

	ok(path_mkdir_private(dir) == 0, "mkdir -p");
	ok(stat(dir, &st) == 0 && (st.st_mode & 0777) == 0700, "directory is private");
	file = xasprintf("%s/f.txt", dir);
	ok(path_write_atomic(file, "abc", 3) == 0, "atomic write");
	ok(path_read_file(file, 100, &data, &len) == 0 && len == 3 && memcmp(data, "abc", 3) == 0,
	    "read back");
	free(data);
	ok(path_read_file(file, 2, &data, &len) == -1 && strstr(err_msg(), "limit") != NULL,
	    "size limit names the limit");
	ok(path_read_file("/nonexistent/x", 2, &data, &len) == -1 &&
	    strstr(err_msg(), "/nonexistent/x") != NULL, "missing file names the file");
	setenv("XDG_DATA_HOME", tmp, 1);
	unsetenv("DOSSIER_DB");
	free(file);
	file = path_default_db();
	ok(strstr(file, "/dossier/dossier.db") != NULL && strncmp(file, tmp, strlen(tmp)) == 0,
	    "XDG_DATA_HOME places the database");
	free(file);
	setenv("DOSSIER_DB", "/x/y.db", 1);
	file = path_default_db();
	is_str(file, "/x/y.db", "DOSSIER_DB overrides");
	free(file);
	free(dir);
}

int
main(void)
{
	test_buf();
	test_arena();
	test_err();
	test_paths();
	return tap_done();
}
