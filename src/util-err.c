/*
 * util-err.c: the one place error messages are kept between the function
 * that found the problem and the command that reports it (cmd-print.c
 * prints it).
 *
 * The message is a single static buffer because dossier is single-threaded
 * and a failure is always reported (or cleared) before the next one.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static char err_buf[1024];

int
err_set(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err_buf, sizeof err_buf, fmt, ap);
	va_end(ap);
	return -1;
}

int
err_prefix(const char *fmt, ...)
{
	char old[sizeof err_buf];
	size_t n;
	va_list ap;

	memcpy(old, err_buf, sizeof old);
	va_start(ap, fmt);
	vsnprintf(err_buf, sizeof err_buf, fmt, ap);
	va_end(ap);
	n = strlen(err_buf);
	if (n + 2 < sizeof err_buf) {
		memcpy(err_buf + n, ": ", 2);
		n += 2;
		memcpy(err_buf + n, old, sizeof err_buf - n - 1);
		err_buf[sizeof err_buf - 1] = '\0';
	}
	return -1;
}

const char *
err_msg(void)
{
	return err_buf[0] != '\0' ? err_buf : "unknown error";
}

void
err_clear(void)
{
	err_buf[0] = '\0';
}

char *
err_save(void)
{
	return err_buf[0] != '\0' ? xstrdup(err_buf) : NULL;
}

void
err_restore(char *saved)
{
	if (saved != NULL)
		snprintf(err_buf, sizeof err_buf, "%s", saved);
	else
		err_clear();
	free(saved);
}

_Noreturn void
die_oom(size_t n)
{
	if (n > 0)
		fprintf(stderr, "dossier: out of memory (allocating %zu bytes)\n", n);
	else
		fprintf(stderr, "dossier: out of memory\n");
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		die_oom(n);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		die_oom(n * size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		die_oom(n);
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		die_oom(SIZE_MAX);
	return xrealloc(p, n * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	struct buf b;

	buf_init(&b);
	buf_vprintf(&b, fmt, ap);
	return buf_detach(&b, NULL);
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}
