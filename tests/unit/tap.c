/*
 * tap.c: the TAP helper. Output goes to stdout, one line per check, with
 * "# " diagnostics explaining a failure where it happened.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tap.h"

static int tap_count, tap_failed;
static char tap_dir[256];

static void
vline(int cond, const char *fmt, va_list ap)
{
	printf("%sok %d - ", cond ? "" : "not ", ++tap_count);
	vprintf(fmt, ap);
	putchar('\n');
	if (!cond)
		tap_failed++;
}

int
tap_ok(int cond, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vline(cond, fmt, ap);
	va_end(ap);
	if (!cond)
		printf("#   failed at %s:%d\n", file, line);
	fflush(stdout);
	return cond;
}

int
tap_is_int(long long got, long long want, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	int cond = got == want;

	va_start(ap, fmt);
	vline(cond, fmt, ap);
	va_end(ap);
	if (!cond)
		printf("#   failed at %s:%d\n#        got: %lld\n#   expected: %lld\n",
		    file, line, got, want);
	fflush(stdout);
	return cond;
}

int
tap_is_str(const char *got, const char *want, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	int cond = (got == NULL && want == NULL) ||
	    (got != NULL && want != NULL && strcmp(got, want) == 0);

	va_start(ap, fmt);
	vline(cond, fmt, ap);
	va_end(ap);
	if (!cond)
		printf("#   failed at %s:%d\n#        got: '%s'\n#   expected: '%s'\n",
		    file, line, got ? got : "(null)", want ? want : "(null)");
	fflush(stdout);
	return cond;
}

int
tap_is_mem(const void *got, size_t gotlen, const void *want, size_t wantlen,
    const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	int cond = gotlen == wantlen && (gotlen == 0 || memcmp(got, want, gotlen) == 0);

	va_start(ap, fmt);
	vline(cond, fmt, ap);
	va_end(ap);
	if (!cond)
		printf("#   failed at %s:%d\n#        got: '%.*s' (%zu bytes)\n"
		    "#   expected: '%.*s' (%zu bytes)\n", file, line, (int)gotlen,
		    (const char *)got, gotlen, (int)wantlen, (const char *)want, wantlen);
	fflush(stdout);
	return cond;
}

void
tap_diag(const char *fmt, ...)
{
	va_list ap;

	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

void
tap_skip(const char *why)
{
	printf("ok %d # SKIP %s\n", ++tap_count, why);
}

void
tap_bail(const char *fmt, ...)
{
	va_list ap;

	fputs("Bail out! ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	exit(1);
}

static void
rm_tmpdir(void)
{
	char cmd[300];

	if (tap_dir[0] != '\0' && getenv("TAP_KEEP_TMP") == NULL) {
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", tap_dir);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", tap_dir);
	}
}

const char *
tap_tmpdir(void)
{
	const char *base = getenv("TMPDIR");

	if (tap_dir[0] != '\0')
		return tap_dir;
	snprintf(tap_dir, sizeof tap_dir, "%s/dossier-test.XXXXXX", base ? base : "/tmp");
	if (mkdtemp(tap_dir) == NULL)
		tap_bail("cannot create a temporary directory");
	atexit(rm_tmpdir);
	return tap_dir;
}

const char *
tap_seeds_dir(void)
{
	static char path[4096];
	const char *env = getenv("SEEDS_DIR");
	struct stat st;

	snprintf(path, sizeof path, "%s/seeds", env ? env : "../shared/corpus");
	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
		tap_bail("seed corpus not found at %s (set SEEDS_DIR)", path);
	snprintf(path, sizeof path, "%s", env ? env : "../shared/corpus");
	return path;
}

int
tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}
