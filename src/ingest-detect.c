/*
 * ingest-detect.c: the first look at a file's bytes. It refuses what is not
 * text with a reason a person can act on ("a PNG image", "UTF-16 text"),
 * and tells plain text, HTML and feeds apart, trusting the content over
 * the file name because saved pages are often misnamed.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

#include "ingest.h"
#include "util.h"

/* Signatures of binary formats people are likely to have lying beside
 * their articles. */
static const struct {
	const char *magic;
	size_t len;
	const char *what;
} signatures[] = {
	{ "%PDF-", 5, "a PDF document" },
	{ "\x89PNG", 4, "a PNG image" },
	{ "GIF8", 4, "a GIF image" },
	{ "\xff\xd8\xff", 3, "a JPEG image" },
	{ "RIFF", 4, "a RIFF (WebP, WAV or AVI) file" },
	{ "PK\x03\x04", 4, "a ZIP archive (or DOCX/EPUB/ODT)" },
	{ "\x1f\x8b", 2, "gzip-compressed data" },
	{ "BZh", 3, "bzip2-compressed data" },
	{ "\xfd" "7zXZ", 5, "xz-compressed data" },
	{ "\x28\xb5\x2f\xfd", 4, "zstd-compressed data" },
	{ "7z\xbc\xaf", 4, "a 7-Zip archive" },
	{ "\x7f" "ELF", 4, "an executable" },
	{ "\xd0\xcf\x11\xe0", 4, "an old Microsoft Office document" },
	{ "SQLite format 3", 15, "an SQLite database" },
	{ "OggS", 4, "an Ogg media file" },
	{ "ID3", 3, "an MP3 file" },
};

int
ingest_check_text(const char *data, size_t len)
{
	const unsigned char *s = (const unsigned char *)data;
	size_t i, n, bad = 0, step;
	const char *nul;
	char *declared;
	ucs4_t uc;
	int r = 0;

	for (i = 0; i < ARRAY_LEN(signatures); i++) {
		if (len >= signatures[i].len &&
		    memcmp(data, signatures[i].magic, signatures[i].len) == 0)
			return err_set("binary file (%s), not text", signatures[i].what);
	}
	if (len >= 2 && ((s[0] == 0xff && s[1] == 0xfe) || (s[0] == 0xfe && s[1] == 0xff)))
		return err_set("UTF-16 or UTF-32 text; convert it to UTF-8 first");
	nul = memchr(data, '\0', len);
	if (nul != NULL)
		return err_set("NUL byte at byte %zu: binary data, not text", (size_t)(nul - data));
	/* As git decides: a NUL makes a file binary, a few other control bytes
	 * (a terminal's escape codes pasted in) do not, and import tidies them.
	 * A file with no NUL is binary only when text is not what it holds:
	 * most of its first 64 KiB control bytes or, when it declares no
	 * character set to convert from, bytes that are not UTF-8. */
	n = len < 65536 ? len : 65536;
	for (i = 0; i < n; i++)
		if (s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\f')
			bad++;
	declared = ingest_declared_charset(data, n);
	for (i = 0; declared == NULL && i < n; i += step) {
		step = 1;
		if (s[i] >= 0x80 && (r = u8_mbtoucr(&uc, s + i, n - i)) > 0)
			step = (size_t)r;
		else if (s[i] >= 0x80 && r != -2)
			bad++;
	}
	free(declared);
	if (n > 0 && bad * 2 > n)
		return err_set("binary data (%zu of the first %zu bytes are control bytes or not "
		    "UTF-8), not text", bad, n);
	return 0;
}

size_t
ingest_control_bytes(const char *data, size_t len)
{
	const unsigned char *s = (const unsigned char *)data;
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if ((s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\f') ||
		    s[i] == 0x7f)
			n++;
	return n;
}

static int
prefix_ci(const char *s, const char *end, const char *p)
{
	size_t n = strlen(p);

	return (size_t)(end - s) >= n && strncasecmp(s, p, n) == 0;
}

static const char *
skip_space(const char *s, const char *end)
{
	while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f'))
		s++;
	return s;
}

/* Skips "<?...?>", "<!--...-->" and "<!DOCTYPE ...>" (with an internal
 * subset) before the root element; returns where the root's name starts,
 * or NULL when the text does not begin with markup. */
static const char *
root_name(const char *s, const char *end, int *doctype_html)
{
	const char *p;

	*doctype_html = 0;
	for (;;) {
		s = skip_space(s, end);
		if (s >= end || *s != '<')
			return NULL;
		if (prefix_ci(s, end, "<?")) {
			p = memmem(s, (size_t)(end - s), "?>", 2);
			if (p == NULL)
				return NULL;
			s = p + 2;
		} else if (prefix_ci(s, end, "<!--")) {
			p = memmem(s, (size_t)(end - s), "-->", 3);
			if (p == NULL)
				return NULL;
			s = p + 3;
		} else if (prefix_ci(s, end, "<!doctype")) {
			int depth = 0;

			if (prefix_ci(skip_space(s + 9, end), end, "html"))
				*doctype_html = 1;
			for (p = s; p < end; p++) {
				if (*p == '[')
					depth++;
				else if (*p == ']')
					depth--;
				else if (*p == '>' && depth <= 0)
					break;
			}
			if (p >= end)
				return NULL;
			s = p + 1;
		} else
			return s + 1;
	}
}

static int
name_is(const char *s, const char *end, const char *name)
{
	size_t n = strlen(name);

	return (size_t)(end - s) > n && strncasecmp(s, name, n) == 0 &&
	    (s[n] == '>' || s[n] == ' ' || s[n] == '\t' || s[n] == '\n' || s[n] == '\r' ||
	     s[n] == '/');
}

static const char *
extension(const char *name)
{
	const char *slash = strrchr(name, '/'), *dot = strrchr(name, '.');

	if (dot == NULL || (slash != NULL && dot < slash) || dot == name ||
	    (slash != NULL && dot == slash + 1))
		return "";
	return dot + 1;
}

static enum ingest_format
format_of_extension(const char *name)
{
	const char *ext = extension(name);

	if (strcasecmp(ext, "htm") == 0 || strcasecmp(ext, "html") == 0 ||
	    strcasecmp(ext, "xhtml") == 0)
		return INGEST_HTML;
	if (strcasecmp(ext, "xml") == 0 || strcasecmp(ext, "rss") == 0 ||
	    strcasecmp(ext, "atom") == 0)
		return INGEST_FEED;
	if (strcasecmp(ext, "txt") == 0 || strcasecmp(ext, "text") == 0)
		return INGEST_TEXT;
	return INGEST_AUTO;
}

int
ingest_known_extension(const char *name)
{
	return format_of_extension(name) != INGEST_AUTO;
}

enum ingest_format
ingest_detect(const char *name, const char *data, size_t len)
{
	const char *end = data + (len < 8192 ? len : 8192), *root;
	enum ingest_format by_name = name != NULL ? format_of_extension(name) : INGEST_AUTO;
	int doctype_html;

	if (end - data >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		data += 3;
	root = root_name(data, end, &doctype_html);
	if (root != NULL) {
		if (name_is(root, end, "rss") || name_is(root, end, "feed") ||
		    name_is(root, end, "rdf:RDF"))
			return INGEST_FEED;
		if (doctype_html || name_is(root, end, "html") || name_is(root, end, "head") ||
		    name_is(root, end, "body"))
			return INGEST_HTML;
	}
	if (by_name != INGEST_AUTO)
		return by_name;
	return INGEST_TEXT;
}

enum ingest_format
ingest_format_parse(const char *s)
{
	if (strcmp(s, "text") == 0)
		return INGEST_TEXT;
	if (strcmp(s, "html") == 0)
		return INGEST_HTML;
	if (strcmp(s, "feed") == 0 || strcmp(s, "rss") == 0 || strcmp(s, "atom") == 0)
		return INGEST_FEED;
	return INGEST_AUTO;
}

/* The value after "NAME=" (quoted or not) within [s, end). */
static char *
attr_value(const char *s, const char *end)
{
	const char *v;
	char q = 0;

	while (s < end && (*s == ' ' || *s == '='))
		s++;
	if (s < end && (*s == '"' || *s == '\''))
		q = *s++;
	for (v = s; v < end && *v != q && *v != ';' && *v != '>' && *v != ' ' &&
	    (q != 0 || (*v != '"' && *v != '\'' && *v != '/')); v++)
		;
	if (v == s || v - s > 40)
		return NULL;
	return xstrndup(s, (size_t)(v - s));
}

static int
is_utf8_name(const char *cs)
{
	return strcasecmp(cs, "utf-8") == 0 || strcasecmp(cs, "utf8") == 0 ||
	    strcasecmp(cs, "us-ascii") == 0 || strcasecmp(cs, "ascii") == 0;
}

char *
ingest_declared_charset(const char *data, size_t len)
{
	const char *end = data + (len < 4096 ? len : 4096), *p;
	char *cs = NULL;

	p = data;
	if (end - p >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		return NULL;
	p = skip_space(p, end);
	if (prefix_ci(p, end, "<?xml")) {
		const char *close = memmem(p, (size_t)(end - p), "?>", 2);
		const char *enc = close ? memmem(p, (size_t)(close - p), "encoding", 8) : NULL;
		if (enc != NULL)
			cs = attr_value(enc + 8, close);
	}
	/* Every byte of the first 4 KiB of every file: a 'c' is looked for
	 * before the word is compared. */
	for (p = data; cs == NULL && p + 8 < end; p++) {
		if ((*p | 0x20) != 'c')
			continue;
		if (strncasecmp(p, "charset=", 8) == 0 || strncasecmp(p, "charset ", 8) == 0)
			cs = attr_value(p + 7, end);
	}
	if (cs != NULL && is_utf8_name(cs)) {
		free(cs);
		cs = NULL;
	}
	return cs;
}

int
ingest_decode(enum ingest_format format, const char *data, size_t len, struct buf *out,
    struct text_utf8_report *rep, char **charset)
{
	size_t start = out->len;

	*charset = NULL;
	text_utf8_repair(data, len, out, rep);
	if (rep->replaced == 0 || format == INGEST_TEXT ||
	    (*charset = ingest_declared_charset(data, len)) == NULL)
		return 0;
	/* Not UTF-8, and the document says what it is: read it as that. */
	out->len = start;
	if (text_decode(*charset, data, len, out, rep) == 0)
		return 0;
	free(*charset);
	*charset = NULL;
	out->len = start;
	text_utf8_repair(data, len, out, rep);
	return -1;
}
