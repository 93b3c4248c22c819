/*
 * cmd-print.c: the small pieces of output and argument reading that
 * several commands share, so that every listing cuts text and reads
 * counts the same way.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "text.h"

void
cmd_print_excerpt(const char *text, size_t max)
{
	const char *s = text ? text : "";
	size_t len = strlen(s), i = 0, next, n = 0;
	int space = 0;

	for (; i < len; i = next) {
		next = text_char_next(s, len, i);
		if (s[i] == '\n' || s[i] == '\t' || s[i] == '\r' || s[i] == ' ') {
			space = n > 0;
			continue;
		}
		/* Cut only between characters. */
		if (n >= max) {
			fputs("\xE2\x80\xA6", stdout);
			return;
		}
		if (space) {
			putchar(' ');
			n++;
			space = 0;
		}
		fwrite(s + i, 1, next - i, stdout);
		n += next - i;
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
cmd_parse_id(const char *s, int64_t *id)
{
	char *end;
	long long v;

	if (s[0] < '0' || s[0] > '9')
		return -1;
	v = strtoll(s, &end, 10);
	if (*end != '\0' || v <= 0)
		return -1;
	*id = v;
	return 0;
}

int
cmd_count_option(const struct args *a, const char *name, size_t *out)
{
	const char *v = args_get(a, name);

	if (v != NULL && cmd_parse_count(v, out) != 0)
		return cmd_usage_error(a, "'%s' is not a count", v);
	return 0;
}
