/*
 * kb-parse.c: the knowledge-base file format, dossier-kb(5): one entity a
 * line, tab-separated,
 *
 *   KIND  NAME  [ALIASES  [DATE  [ROLES  [PARTIES  [SOURCE]]]]]
 *
 * lists inside a field separated by '|'. One entity a line keeps the files
 * easy to diff, sort and grep, and the same text serves `dossier kb
 * import/export`. A line that cannot be read is reported (file:line and
 * what was expected) and skipped; the rest of the file loads, because one
 * typo should not cost the user every other entity.
 */
#include "config.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kb.h"
#include "util.h"

#define KB_MAX_FILE ((size_t)64 * 1024 * 1024)
#define KB_FIELDS 7

static const char en_dash[] = "\xE2\x80\x93";

struct parse {
	struct kb *kb;
	const char *file;
	unsigned line;
	enum kb_origin origin;
	kb_warn_fn *warn;
	void *arg;
};

static int complain(struct parse *p, const char *fmt, ...) PRINTFLIKE(2, 3);

static int
complain(struct parse *p, const char *fmt, ...)
{
	struct buf b;
	va_list ap;

	if (p->warn != NULL) {
		buf_init(&b);
		buf_printf(&b, "%s:%u: ", p->file, p->line);
		va_start(ap, fmt);
		buf_vprintf(&b, fmt, ap);
		va_end(ap);
		p->warn(p->arg, b.data);
		buf_free(&b);
	}
	return -1;
}

/* Splits S at '|' in place; returns the number of non-empty parts. */
static size_t
split_list(char *s, char **parts, size_t max)
{
	size_t n = 0;
	char *bar;

	while (s != NULL && n < max) {
		bar = strchr(s, '|');
		if (bar != NULL)
			*bar++ = '\0';
		s = path_trim_field(s);
		if (*s != '\0')
			parts[n++] = s;
		s = bar;
	}
	return n;
}

static size_t
count_bars(const char *s)
{
	size_t n = 1;

	for (; *s != '\0'; s++)
		n += *s == '|';
	return n;
}

static int
valid_date(const char *s)
{
	long f, l;

	return kb_date_range(s, &f, &l) == 0;
}

/* "Foreign Minister of Armenia, 2021-08-19–" adds the role with its dates. */
static int
parse_role(struct parse *p, int idx, char *text)
{
	char *comma = strrchr(text, ','), *range, *dash, *since, *until;
	size_t dlen = 3;

	range = comma != NULL ? path_trim_field(comma + 1) : NULL;
	if (range == NULL || !((*range >= '0' && *range <= '9') ||
	    strncmp(range, en_dash, 3) == 0 || strncmp(range, "--", 2) == 0)) {
		kb_add_role(p->kb, idx, text, NULL, NULL, p->origin);
		return 0;
	}
	*comma = '\0';
	dash = strstr(range, en_dash);
	if (dash == NULL) {
		dash = strstr(range, "--");
		dlen = 2;
	}
	if (dash == NULL)
		return complain(p, "role '%s': expected SINCE\xE2\x80\x93UNTIL after the comma "
		    "(either may be empty)", text);
	*dash = '\0';
	since = path_trim_field(range);
	until = path_trim_field(dash + dlen);
	if ((*since != '\0' && !valid_date(since)) || (*until != '\0' && !valid_date(until)))
		return complain(p, "role '%s': expected dates YYYY[-MM[-DD]] in "
		    "SINCE\xE2\x80\x93UNTIL", text);
	kb_add_role(p->kb, idx, path_trim_field(text), since, until, p->origin);
	return 0;
}

static int
parse_line(struct parse *p, char *line)
{
	char *field[KB_FIELDS + 1], *s = line, *tab, **list;
	size_t nf = 0, i, j, n;
	enum kb_kind kind;
	int idx;

	while (s != NULL && nf <= KB_FIELDS) {
		tab = strchr(s, '\t');
		if (tab != NULL)
			*tab++ = '\0';
		field[nf++] = path_trim_field(s);
		s = tab;
	}
	if (nf > KB_FIELDS)
		return complain(p, "expected at most 7 tab-separated fields");
	if (kb_kind_parse(field[0], &kind) != 0)
		return complain(p, "expected a kind (person, state, organization, place, "
		    "agreement or event) in the first field, got '%s'", field[0]);
	if (nf < 2 || field[1][0] == '\0')
		return complain(p, "expected a name in the second field");
	if (nf > 3 && field[3][0] != '\0' && !valid_date(field[3]))
		return complain(p, "expected a date YYYY[-MM[-DD]] or FROM/TO in the "
		    "fourth field, got '%s'", field[3]);
	idx = kb_add(p->kb, kind, field[1], p->origin);
	if (idx < 0)
		return complain(p, "%s", err_msg());
	if (p->kb->ents[idx].file == NULL) {
		p->kb->ents[idx].file = p->file;
		p->kb->ents[idx].line = p->line;
	}
	for (i = 2; i < nf; i++) {
		if (i == 3) {
			if (field[3][0] != '\0')
				kb_set_date(p->kb, idx, field[3]);
			continue;
		}
		if (i == 6) {
			kb_set_source(p->kb, idx, field[6]);
			continue;
		}
		list = xreallocarray(NULL, count_bars(field[i]), sizeof *list);
		n = split_list(field[i], list, count_bars(field[i]));
		for (j = 0; j < n; j++) {
			if (i == 2)
				kb_add_alias(p->kb, idx, list[j], p->origin);
			else if (i == 4)
				parse_role(p, idx, list[j]);
			else
				kb_add_party(p->kb, idx, list[j]);
		}
		free(list);
	}
	return 0;
}

/* The file name entities point to lives as long as the KB. */
static const char *
keep_name(struct kb *kb, const char *name)
{
	size_t i;

	for (i = 0; i < kb->nfiles; i++)
		if (strcmp(kb->files[i], name) == 0)
			return kb->files[i];
	kb->files = xreallocarray(kb->files, kb->nfiles + 1, sizeof *kb->files);
	kb->files[kb->nfiles] = xstrdup(name);
	return kb->files[kb->nfiles++];
}

size_t
kb_parse(struct kb *kb, const char *name, const char *text, size_t len,
    enum kb_origin origin, kb_warn_fn *warn, void *arg)
{
	struct parse p = { kb, keep_name(kb, name), 0, origin, warn, arg };
	const char *s = text, *end = text + len, *nl;
	size_t skipped = 0;
	char *line;

	while (s < end) {
		nl = memchr(s, '\n', (size_t)(end - s));
		if (nl == NULL)
			nl = end;
		p.line++;
		line = xstrndup(s, (size_t)(nl - s));
		if (line[strspn(line, " \t\r")] != '\0' && line[0] != '#') {
			if (memchr(s, '\0', (size_t)(nl - s)) != NULL)
				skipped += complain(&p, "expected text, found a NUL byte") != 0;
			else
				skipped += parse_line(&p, line) != 0;
		}
		free(line);
		s = nl + 1;
	}
	return skipped;
}

int
kb_load_file(struct kb *kb, const char *path, enum kb_origin origin,
    kb_warn_fn *warn, void *arg)
{
	char *text;
	size_t len, skipped;

	if (path_read_file(path, KB_MAX_FILE, &text, &len) != 0)
		return -1;
	skipped = kb_parse(kb, path, text, len, origin, warn, arg);
	free(text);
	return (int)skipped;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
kb_load_dir(struct kb *kb, const char *dir, enum kb_origin origin,
    kb_warn_fn *warn, void *arg)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL, *path;
	size_t n = 0, i, len;
	int skipped = 0, r;

	if (d == NULL)
		return err_set("%s: cannot read the knowledge base directory", dir);
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len < 5 || strcmp(de->d_name + len - 4, ".tsv") != 0)
			continue;
		names = xreallocarray(names, n + 1, sizeof *names);
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof *names, by_name);
	for (i = 0; i < n; i++) {
		path = xasprintf("%s/%s", dir, names[i]);
		r = kb_load_file(kb, path, origin, warn, arg);
		if (r < 0 && warn != NULL)
			warn(arg, err_msg());
		skipped += r < 0 ? 1 : r;
		free(path);
		free(names[i]);
	}
	free(names);
	kb_resolve(kb, warn, arg);
	return skipped;
}

/* Starts item of a '|' list: a tab first when the field is not yet open
 * (pending counts the tabs owed), else the separator. */
static void
item(struct buf *out, size_t *pending)
{
	if (*pending == 0) {
		buf_adds(out, " | ");
		return;
	}
	for (; *pending > 0; (*pending)--)
		buf_addc(out, '\t');
}

void
kb_format(const struct kb *kb, int idx, int only_user, struct buf *out)
{
	const struct kb_entity *e = &kb->ents[idx];
	int all = !only_user || e->origin == KB_ORIGIN_USER;
	size_t i, pending = 1, start = out->len, n = 0;

	if (e->origin == KB_ORIGIN_CANDIDATE)
		return;
	buf_printf(out, "%s\t%s", kb_kind_name(e->kind), e->name);
	for (i = 0; i < e->naliases; i++) {
		if (!all && e->aliases[i].origin != KB_ORIGIN_USER)
			continue;
		item(out, &pending);
		buf_adds(out, e->aliases[i].text);
		n++;
	}
	pending++;
	if (all && e->date != NULL) {
		item(out, &pending);
		buf_adds(out, e->date);
	}
	pending++;
	for (i = 0; i < e->nroles; i++) {
		const struct kb_role *r = &e->roles[i];

		if (!all && r->origin != KB_ORIGIN_USER)
			continue;
		item(out, &pending);
		buf_adds(out, r->title);
		if (r->of_name != NULL)
			buf_printf(out, " of %s", r->of_name);
		if (r->since != NULL || r->until != NULL)
			buf_printf(out, ", %s%s%s", r->since ? r->since : "", en_dash,
			    r->until ? r->until : "");
		n++;
	}
	pending++;
	for (i = 0; all && i < e->nparties; i++) {
		item(out, &pending);
		buf_adds(out, e->party_names[i]);
	}
	pending++;
	if (all && e->source != NULL) {
		item(out, &pending);
		buf_adds(out, e->source);
	}
	if (!all && n == 0) {
		out->len = start;
		out->data[start] = '\0';
		return;
	}
	buf_addc(out, '\n');
}
