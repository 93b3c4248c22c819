/*
 * cmd-print.c: the small pieces of output and argument reading that
 * several commands share, so that every listing cuts text and reads
 * counts the same way, and nothing a command prints can reach the
 * terminal as a control sequence: an article's link, a file's name or a
 * note may hold an escape (a window title, the clipboard by OSC 52), and
 * every byte of them goes out through text_safe.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "import.h"
#include "text.h"

static int warn_quiet;

static void
put_safe(FILE *f, const char *s, size_t len, int flags)
{
	struct buf b;

	buf_init(&b);
	text_safe(s, len, flags, &b);
	fwrite(b.data != NULL ? b.data : "", 1, b.len, f);
	buf_free(&b);
}

void
cmd_write(FILE *f, const char *s, size_t len)
{
	put_safe(f, s, len, TEXT_SAFE_LINES);
}

void
cmd_write_line(FILE *f, const char *s, size_t len)
{
	put_safe(f, s, len, 0);
}

/* Standard output keeps the line ends of what it prints (an article's
 * paragraphs); a message on standard error is one line, whatever the file
 * name or text in it holds: only its final line end is kept. */
static void
vprint(FILE *f, const char *fmt, va_list ap)
{
	struct buf b;
	int message = f == stderr, nl;

	buf_init(&b);
	buf_vprintf(&b, fmt, ap);
	nl = message && b.len > 0 && b.data[b.len - 1] == '\n';
	put_safe(f, b.data != NULL ? b.data : "", b.len - (size_t)nl,
	    message ? 0 : TEXT_SAFE_LINES);
	if (nl)
		fputc('\n', f);
	buf_free(&b);
}

void
cmd_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprint(stdout, fmt, ap);
	va_end(ap);
}

void
cmd_eprintf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprint(stderr, fmt, ap);
	va_end(ap);
}

void
cmd_veprintf(const char *fmt, va_list ap)
{
	vprint(stderr, fmt, ap);
}

void
cmd_puts(const char *s)
{
	cmd_write(stdout, s, strlen(s));
	putchar('\n');
}

void
err_print(const char *context)
{
	if (context != NULL)
		cmd_eprintf("dossier: %s: %s\n", context, err_msg());
	else
		cmd_eprintf("dossier: %s\n", err_msg());
}

void
warn_set_quiet(int quiet)
{
	warn_quiet = quiet;
}

void
warn_print(const char *fmt, ...)
{
	va_list ap;

	if (warn_quiet)
		return;
	fputs("dossier: warning: ", stderr);
	va_start(ap, fmt);
	vprint(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
cmd_print_excerpt(const char *text, size_t max)
{
	const char *s = text ? text : "";
	size_t len = strlen(s), i = 0, next, n = 0;
	int space = 0;
	struct buf b;

	buf_init(&b);
	for (; i < len; i = next) {
		next = text_char_next(s, len, i);
		if (s[i] == '\n' || s[i] == '\t' || s[i] == '\r' || s[i] == ' ') {
			space = n > 0;
			continue;
		}
		/* Cut only between characters. */
		if (n >= max) {
			buf_adds(&b, "\xE2\x80\xA6");
			break;
		}
		if (space) {
			buf_addc(&b, ' ');
			n++;
			space = 0;
		}
		buf_add(&b, s + i, next - i);
		n += next - i;
	}
	cmd_write(stdout, b.data != NULL ? b.data : "", b.len);
	buf_free(&b);
}

void
cmd_print_cell(const char *s, int width)
{
	struct buf b;
	const char *t;
	size_t len;
	int w;

	buf_init(&b);
	text_safe(s != NULL ? s : "", s != NULL ? strlen(s) : 0, 0, &b);
	t = b.data != NULL ? b.data : "";
	len = b.len;
	w = text_cells(t, len);
	if (w > width) {
		len = text_fit(t, len, width - 1);
		w = text_cells(t, len) + 1;
	}
	fwrite(t, 1, len, stdout);
	if (len < b.len)
		fputs("\xE2\x80\xA6", stdout);
	printf("%*s", width - w, "");
	buf_free(&b);
}

/* The columns of a statement list (statements, related). */
#define STATEMENT_SPEAKER_CELLS 24

void
cmd_print_statement_header(int with_score)
{
	if (with_score)
		fputs("SCORE  ", stdout);
	printf("%6s  %7s  %-10s  %-*s  %s\n", "ID", "ARTICLE", "DATE", STATEMENT_SPEAKER_CELLS,
	    "SPEAKER", "STATEMENT");
}

void
cmd_print_statement(const struct store_statement *r, int with_score, size_t excerpt)
{
	if (with_score)
		printf("%.3f  ", r->score);
	printf("%6lld  %7lld  ", (long long)r->id, (long long)r->article_id);
	cmd_print_cell(r->published, 10);
	fputs("  ", stdout);
	cmd_print_cell(r->speaker != NULL ? r->speaker : "-", STATEMENT_SPEAKER_CELLS);
	fputs("  ", stdout);
	cmd_print_excerpt(r->text, excerpt);
	putchar('\n');
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

int
cmd_count_option(const struct args *a, const char *name, size_t *out)
{
	const char *v = args_get(a, name);

	if (v != NULL && cmd_parse_count(v, out) != 0)
		return cmd_usage_error(a, "'%s' is not a count", v);
	return 0;
}

size_t
cmd_page_span(size_t limit)
{
	return limit == 0 || limit == SIZE_MAX ? SIZE_MAX : limit + 1;
}

size_t
cmd_page_cut(size_t n, size_t offset, size_t limit)
{
	size_t shown = n;

	if (limit != 0 && shown > limit) {
		shown = limit;
		cmd_eprintf("%zu shown: --offset %zu for the next, --limit 0 for all\n", limit,
		    offset + limit);
	}
	return shown;
}

void
cmd_import_summary(const struct import_stats *s)
{
	cmd_eprintf("imported %zu article%s", s->added + s->versions,
	    s->added + s->versions == 1 ? "" : "s");
	if (s->versions > 0)
		cmd_eprintf(" (%zu new version%s)", s->versions, s->versions == 1 ? "" : "s");
	cmd_eprintf(", %zu duplicate%s, %zu refused", s->duplicates,
	    s->duplicates == 1 ? "" : "s", s->refused);
	/* The highlights that a new version moved under the user's feet. */
	if (s->anno_changed > 0)
		cmd_eprintf(", %zu highlight%s on changed words", s->anno_changed,
		    s->anno_changed == 1 ? "" : "s");
	if (s->anno_stayed > 0)
		cmd_eprintf(", %zu highlight%s left on the earlier version", s->anno_stayed,
		    s->anno_stayed == 1 ? "" : "s");
	cmd_eprintf("\n");
}
