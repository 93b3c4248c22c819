/*
 * ingest-chrome.c: the page-chrome rules of data/chrome.txt. Which lines
 * of a saved page are buttons, links to other stories, advertisements or
 * the start of the reader comments is knowledge about web sites and their
 * language, so it lives in that file, where a user can add the phrases of
 * the sites they read (in ~/.config/dossier/chrome.txt, read after it).
 *
 * A rule is "KIND PATTERN". A pattern matches a whole line (trimmed),
 * ignoring ASCII case and treating any run of white space as one space;
 * '*' matches any text (the first one is captured: a date or an outlet
 * name), '#' one or more digits, and '\' makes the next character plain.
 * Lines longer than CHROME_MAX_LINE bytes are article text, never chrome,
 * so a rule like "Ad for *" cannot eat a paragraph.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest-int.h"
#include "util.h"

#define CHROME_MAX_LINE 160

struct rule {
	enum ingest_rule kind;
	char *pattern;
};

struct month {
	char *name;
	int number;
};

struct ingest_chrome {
	struct rule *rules;
	size_t n, cap;
	struct month *months;
	size_t nmonths, capmonths;
};

static const struct {
	const char *name;
	enum ingest_rule kind;
} kinds[] = {
	{ "drop", RULE_DROP }, { "link", RULE_LINK }, { "comments", RULE_COMMENTS },
	{ "date", RULE_DATE }, { "outlet", RULE_OUTLET },
};

struct ingest_chrome *
ingest_chrome_new(void)
{
	return xcalloc(1, sizeof(struct ingest_chrome));
}

void
ingest_chrome_free(struct ingest_chrome *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++)
		free(c->rules[i].pattern);
	for (i = 0; i < c->nmonths; i++)
		free(c->months[i].name);
	free(c->rules);
	free(c->months);
	free(c);
}

static int
is_blank(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r';
}

static int
add_months(struct ingest_chrome *c, const char *name, size_t lineno, const char *s,
    const char *end)
{
	const char *w;
	char *num_end;
	long number = strtol(s, &num_end, 10);

	if (num_end == s || number < 1 || number > 12 || num_end > end)
		return err_set("%s: line %zu: a month line is 'month NUMBER NAME...'", name,
		    lineno);
	for (s = num_end; s < end;) {
		while (s < end && is_blank(*s))
			s++;
		for (w = s; s < end && !is_blank(*s); s++)
			;
		if (s == w)
			break;
		if (c->nmonths == c->capmonths) {
			c->capmonths = c->capmonths ? c->capmonths * 2 : 32;
			c->months = xreallocarray(c->months, c->capmonths, sizeof *c->months);
		}
		c->months[c->nmonths].name = xstrndup(w, (size_t)(s - w));
		c->months[c->nmonths++].number = (int)number;
	}
	return 0;
}

static int
add_line(struct ingest_chrome *c, const char *name, size_t lineno, const char *s,
    const char *end)
{
	const char *k = s, *pat;
	size_t i, klen;

	while (s < end && !is_blank(*s))
		s++;
	klen = (size_t)(s - k);
	while (s < end && is_blank(*s))
		s++;
	while (end > s && is_blank(end[-1]))
		end--;
	pat = s;
	if (klen == 5 && strncmp(k, "month", 5) == 0)
		return add_months(c, name, lineno, pat, end);
	for (i = 0; i < ARRAY_LEN(kinds); i++) {
		if (strlen(kinds[i].name) == klen && strncmp(k, kinds[i].name, klen) == 0)
			break;
	}
	if (i == ARRAY_LEN(kinds))
		return err_set("%s: line %zu: unknown rule '%.*s' (expected drop, link, comments, "
		    "date, outlet or month)", name, lineno, (int)klen, k);
	if (pat == end)
		return err_set("%s: line %zu: '%s' needs a pattern", name, lineno, kinds[i].name);
	if ((kinds[i].kind == RULE_DATE || kinds[i].kind == RULE_OUTLET) &&
	    memchr(pat, '*', (size_t)(end - pat)) == NULL)
		return err_set("%s: line %zu: a %s pattern needs a '*' for the %s", name, lineno,
		    kinds[i].name, kinds[i].kind == RULE_DATE ? "date" : "name");
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 32;
		c->rules = xreallocarray(c->rules, c->cap, sizeof *c->rules);
	}
	c->rules[c->n].kind = kinds[i].kind;
	c->rules[c->n++].pattern = xstrndup(pat, (size_t)(end - pat));
	return 0;
}

int
ingest_rule_lines(const char *name, const char *text, size_t len, ingest_rule_line_fn *fn,
    void *arg)
{
	const char *s = text, *end = text + len, *eol;
	size_t lineno = 0;

	for (; s < end; s = eol + 1) {
		eol = memchr(s, '\n', (size_t)(end - s));
		if (eol == NULL)
			eol = end;
		lineno++;
		while (s < eol && is_blank(*s))
			s++;
		if (s == eol || *s == '#')
			continue;
		if (fn(arg, name, lineno, s, eol) != 0)
			return -1;
	}
	return 0;
}

int
ingest_rule_file(const char *path, ingest_rule_line_fn *fn, void *arg)
{
	char *data;
	size_t len;
	int rc;

	if (path_read_file(path, 1 << 20, &data, &len) != 0)
		return -1;
	rc = ingest_rule_lines(path, data, len, fn, arg);
	free(data);
	return rc;
}

static int
chrome_line(void *c, const char *name, size_t lineno, const char *s, const char *end)
{
	return add_line(c, name, lineno, s, end);
}

int
ingest_chrome_add(struct ingest_chrome *c, const char *name, const char *text, size_t len)
{
	return ingest_rule_lines(name, text, len, chrome_line, c);
}

int
ingest_chrome_add_file(struct ingest_chrome *c, const char *path)
{
	return ingest_rule_file(path, chrome_line, c);
}

static int
is_space(char ch)
{
	return ch == ' ' || ch == '\t';
}

/* Matches pattern [p, pe) against the whole of [s, se). The first '*'
 * records its span in cap[0..1]. */
static int
glob(const char *p, const char *pe, const char *s, const char *se, const char **cap,
    int capturing)
{
	const char *t;

	while (p < pe) {
		if (*p == '*') {
			for (t = se; t >= s; t--) {
				if (glob(p + 1, pe, t, se, cap, 0)) {
					if (capturing) {
						cap[0] = s;
						cap[1] = t;
					}
					return 1;
				}
			}
			return 0;
		}
		if (*p == '#') {
			if (s >= se || !isdigit((unsigned char)*s))
				return 0;
			while (s < se && isdigit((unsigned char)*s))
				s++;
			p++;
			continue;
		}
		if (is_space(*p)) {
			if (s >= se || !is_space(*s))
				return 0;
			while (p < pe && is_space(*p))
				p++;
			while (s < se && is_space(*s))
				s++;
			continue;
		}
		if (*p == '\\' && p + 1 < pe)
			p++;
		if (s >= se || tolower((unsigned char)*p) != tolower((unsigned char)*s))
			return 0;
		p++, s++;
	}
	return s == se;
}

enum ingest_rule
ingest_chrome_match(const struct ingest_chrome *c, const char *line, size_t len,
    size_t *cap_start, size_t *cap_end)
{
	const char *s = line, *se = line + len, *cap[2];
	size_t i;

	if (c == NULL)
		return RULE_NONE;
	while (s < se && is_space(*s))
		s++;
	while (se > s && is_space(se[-1]))
		se--;
	if (s == se || se - s > CHROME_MAX_LINE)
		return RULE_NONE;
	for (i = 0; i < c->n; i++) {
		const char *p = c->rules[i].pattern;
		cap[0] = cap[1] = s;
		char date[21];
		if (glob(p, p + strlen(p), s, se, cap, memchr(p, '*', strlen(p)) != NULL)) {
			/* A date rule is about dates: "Published by the
			 * ministry" is not one. */
			if (c->rules[i].kind == RULE_DATE &&
			    ingest_date(c, cap[0], (size_t)(cap[1] - cap[0]), date) != 0)
				continue;
			if (cap_start != NULL)
				*cap_start = (size_t)(cap[0] - line);
			if (cap_end != NULL)
				*cap_end = (size_t)(cap[1] - line);
			return c->rules[i].kind;
		}
	}
	return RULE_NONE;
}

int
ingest_chrome_month(const struct ingest_chrome *c, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < c->nmonths; i++) {
		if (strlen(c->months[i].name) == len && strncasecmp(c->months[i].name, name, len) == 0)
			return c->months[i].number;
	}
	return 0;
}
