/*
 * extract-lex.c: the cue words extraction reads around names, loaded from
 * data files (data/verbs.txt, data/cues.txt, data/terms.txt) because they
 * are knowledge of English news style, not of the program. Every cue
 * phrase goes into one automaton whose payload is its class (and, for
 * months, the month's number); an article is scanned once for all of them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract-int.h"

#define LEX_MAX_FILE ((size_t)4 * 1024 * 1024)
#define MIN_STEM 4

struct suffix {
	char *suffix, *replacement;
	char **except;
	size_t nexcept;
};

struct extract_lex {
	struct extract_ac *ac;
	struct suffix *suffixes;
	size_t nsuffixes;
	char **skip_suffixes;
	size_t nskip;
	char **prefixes;
	size_t nprefixes;
};

static const struct {
	const char *name;
	int cls;             /* -1: a list of suffixes, not phrases */
} sections[] = {
	{ "skip", CUE_SKIP },
	{ "skip-suffixes", -1 },
	{ "pronouns", CUE_PRONOUN },
	{ "possessives", CUE_POSSESSIVE },
	{ "group", CUE_GROUP },
	{ "side", CUE_SIDE },
	{ "titles", CUE_TITLE },
	{ "proxies", CUE_PROXY },
	{ "according", CUE_ACCORDING },
	{ "view", CUE_VIEW },
	{ "nominal", CUE_NOMINAL },
	{ "agreement-words", CUE_AGREEMENT },
	{ "anaphora", CUE_ANAPHORA },
	{ "months", CUE_MONTH },
	{ "between", CUE_BETWEEN },
	{ "and", CUE_AND },
	{ "determiners", CUE_DETERMINER },
	{ "stopwords", CUE_STOPWORD },
	{ "suffixes", -2 },
	{ "prefixes", -3 },
};

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

static int
add_suffix(struct extract_lex *lx, char *line)
{
	struct suffix *sf;
	char *tok, *save = NULL;

	lx->suffixes = xreallocarray(lx->suffixes, lx->nsuffixes + 1, sizeof *lx->suffixes);
	sf = &lx->suffixes[lx->nsuffixes++];
	memset(sf, 0, sizeof *sf);
	for (tok = strtok_r(line, " \t", &save); tok != NULL; tok = strtok_r(NULL, " \t", &save)) {
		if (sf->suffix == NULL)
			sf->suffix = xstrdup(tok);
		else if (tok[0] == '-') {
			sf->except = xreallocarray(sf->except, sf->nexcept + 1, sizeof *sf->except);
			sf->except[sf->nexcept++] = xstrdup(tok + 1);
		} else if (sf->replacement == NULL)
			sf->replacement = xstrdup(tok);
		else
			return -1;
	}
	return sf->suffix != NULL ? 0 : -1;
}

/* One line of SECTION (index into sections[]). */
static int
add_line(struct extract_lex *lx, const char *file, unsigned line, int section, char *text)
{
	char *sp;
	long month;

	switch (sections[section].cls) {
	case -1:
		lx->skip_suffixes = xreallocarray(lx->skip_suffixes, lx->nskip + 1,
		    sizeof *lx->skip_suffixes);
		lx->skip_suffixes[lx->nskip++] = xstrdup(text);
		return 0;
	case -3:
		lx->prefixes = xreallocarray(lx->prefixes, lx->nprefixes + 1, sizeof *lx->prefixes);
		lx->prefixes[lx->nprefixes++] = xstrdup(text);
		return 0;
	case -2:
		if (add_suffix(lx, text) != 0)
			return err_set("%s:%u: expected SUFFIX [REPLACEMENT] [-EXCEPT...]", file, line);
		return 0;
	case CUE_MONTH:
		sp = strrchr(text, ' ');
		month = sp != NULL ? strtol(sp + 1, NULL, 10) : 0;
		if (month < 1 || month > 12)
			return err_set("%s:%u: expected a month name and its number (1-12)", file, line);
		*sp = '\0';
		extract_ac_add(lx->ac, trim(text), EXTRACT_CUE(CUE_MONTH, month), 0);
		return 0;
	default:
		if (extract_ac_add(lx->ac, text, EXTRACT_CUE(sections[section].cls, 0), 0) != 0)
			return err_set("%s:%u: expected a word or phrase", file, line);
		return 0;
	}
}

/* Reads FILE; lines before any section header belong to DEFAULT_SECTION
 * (-1: none allowed). */
static int
load_file(struct extract_lex *lx, const char *dir, const char *name, int default_section)
{
	char *path = xasprintf("%s/%s", dir, name), *text, *line, *next, *l;
	int section = default_section, rc = 0;
	unsigned lineno = 0;
	size_t len, i;

	if (path_read_file(path, LEX_MAX_FILE, &text, &len) != 0) {
		free(path);
		return -1;
	}
	for (line = text; line != NULL && rc == 0; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		lineno++;
		l = trim(line);
		if (*l == '\0' || *l == '#')
			continue;
		if (*l == '[') {
			char *close = strchr(l, ']');
			section = -1;
			if (close != NULL) {
				*close = '\0';
				for (i = 0; i < ARRAY_LEN(sections); i++)
					if (strcmp(l + 1, sections[i].name) == 0)
						section = (int)i;
			}
			if (section < 0)
				rc = err_set("%s:%u: unknown section [%s]", path, lineno, l + 1);
			continue;
		}
		if (section < 0)
			rc = err_set("%s:%u: expected a [section] line first", path, lineno);
		else
			rc = add_line(lx, path, lineno, section, l);
	}
	free(text);
	free(path);
	return rc;
}

/* The verbs file has no sections: every line is a reporting verb. */
static int
load_verbs(struct extract_lex *lx, const char *dir)
{
	char *path = xasprintf("%s/verbs.txt", dir), *text, *line, *next, *l;
	unsigned lineno = 0;
	size_t len;
	int rc = 0;

	if (path_read_file(path, LEX_MAX_FILE, &text, &len) != 0) {
		free(path);
		return -1;
	}
	for (line = text; line != NULL && rc == 0; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		lineno++;
		l = trim(line);
		if (*l == '\0' || *l == '#')
			continue;
		if (extract_ac_add(lx->ac, l, EXTRACT_CUE(CUE_VERB, 0), 0) != 0)
			rc = err_set("%s:%u: expected a verb or phrase", path, lineno);
	}
	free(text);
	free(path);
	return rc;
}

int
extract_lex_load(const char *dir, struct extract_lex **out)
{
	struct extract_lex *lx = xcalloc(1, sizeof *lx);

	*out = NULL;
	lx->ac = extract_ac_new();
	if (load_verbs(lx, dir) != 0 || load_file(lx, dir, "cues.txt", -1) != 0 ||
	    load_file(lx, dir, "terms.txt", -1) != 0) {
		extract_lex_free(lx);
		return -1;
	}
	extract_ac_build(lx->ac);
	*out = lx;
	return 0;
}

void
extract_lex_free(struct extract_lex *lx)
{
	size_t i, j;

	if (lx == NULL)
		return;
	extract_ac_free(lx->ac);
	for (i = 0; i < lx->nsuffixes; i++) {
		free(lx->suffixes[i].suffix);
		free(lx->suffixes[i].replacement);
		for (j = 0; j < lx->suffixes[i].nexcept; j++)
			free(lx->suffixes[i].except[j]);
		free(lx->suffixes[i].except);
	}
	free(lx->suffixes);
	for (i = 0; i < lx->nskip; i++)
		free(lx->skip_suffixes[i]);
	free(lx->skip_suffixes);
	for (i = 0; i < lx->nprefixes; i++)
		free(lx->prefixes[i]);
	free(lx->prefixes);
	free(lx);
}

const struct extract_ac *
extract_lex_ac(const struct extract_lex *lx)
{
	return lx->ac;
}

static int
ends_with(const char *w, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n >= k && memcmp(w + n - k, suffix, k) == 0;
}

int
extract_lex_skip_suffix(const struct extract_lex *lx, const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < lx->nskip; i++)
		if (n > strlen(lx->skip_suffixes[i]) + 2 && ends_with(w, n, lx->skip_suffixes[i]))
			return 1;
	return 0;
}

#define MIN_AFTER_PREFIX 5

size_t
extract_lex_stem(const struct extract_lex *lx, char *w, size_t n)
{
	size_t i, j, k;

	for (i = 0; i < lx->nprefixes; i++) {
		k = strlen(lx->prefixes[i]);
		if (n >= k + MIN_AFTER_PREFIX && memcmp(w, lx->prefixes[i], k) == 0) {
			memmove(w, w + k, n - k);
			n -= k;
			break;
		}
	}

	for (i = 0; i < lx->nsuffixes; i++) {
		const struct suffix *sf = &lx->suffixes[i];

		k = strlen(sf->suffix);
		if (n < k + MIN_STEM || !ends_with(w, n, sf->suffix))
			continue;
		for (j = 0; j < sf->nexcept; j++)
			if (ends_with(w, n, sf->except[j]))
				break;
		if (j < sf->nexcept)
			continue;
		n -= k;
		if (sf->replacement != NULL) {
			/* Replacements are never longer than their suffix. */
			size_t r = strlen(sf->replacement);
			if (r <= k) {
				memcpy(w + n, sf->replacement, r);
				n += r;
			}
		}
		return n;
	}
	return n;
}
