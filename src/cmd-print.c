/*
 * cmd-print.c: the small pieces of output and argument reading that
 * several commands share, so that every listing cuts text and reads
 * counts the same way.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"

void
cmd_print_excerpt(const char *text, size_t max)
{
	const unsigned char *s = (const unsigned char *)(text ? text : "");
	size_t n = 0;
	int space = 0;

	for (; *s != '\0'; s++) {
		if (*s == '\n' || *s == '\t' || *s == '\r' || *s == ' ') {
			space = n > 0;
			continue;
		}
		/* Cut only before a character's first byte. */
		if (n >= max && (*s & 0xC0) != 0x80) {
			fputs("\xE2\x80\xA6", stdout);
			return;
		}
		if (space) {
			putchar(' ');
			n++;
			space = 0;
		}
		putchar(*s);
		n++;
	}
}

int
cmd_parse_count(const char *s, size_t *out)
{
	char *end;
	unsigned long long v;

	/* strtoull would take "-1" and " 5"; a count is digits only. */
	if (s[0] < '0' || s[0] > '9')
		return -1;
	v = strtoull(s, &end, 10);
	if (*end != '\0')
		return -1;
	*out = (size_t)v;
	return 0;
}

int
cmd_parse_id(const char *s, int64_t *out)
{
	char *end;
	long long v;

	if (s[0] < '0' || s[0] > '9')
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (*end != '\0' || errno == ERANGE || v <= 0)
		return -1;
	*out = (int64_t)v;
	return 0;
}
