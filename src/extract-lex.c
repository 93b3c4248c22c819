/*
 * extract-lex.c: the cue words extraction reads around names, loaded from
 * data files (data/verbs.txt, data/cues.txt, data/terms.txt for English,
 * and the cue sections of each data/lang/CODE.txt) because they are
 * knowledge of news style in each language, not of the program. Every
 * English cue phrase goes into one automaton whose payload is its class
 * (and, for months, the month's number), each other language's into one
 * of its own; an article is scanned for English and for its language.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract-int.h"

#define MIN_STEM 4

struct suffix {
	char *suffix, *replacement;
	char **except;
	size_t nexcept;
};

/* One letter (or letter group) of a language and its Latin spellings:
 * the first as English-language news spells the language's own names,
 * the others those of foreign names the language writes with it. */
struct roman {
	char *from;           /* case-folded */
	char **to;
	size_t nto;
};

/* The cues of one language of data/lang/ besides English. */
struct lang_cues {
	char *code;
	struct extract_ac *ac;
	struct roman *roman;  /* longest "from" first */
	size_t nroman;
};

/* A title in another language and the English one roles are written in. */
struct title_map {
	char *phrase;         /* case-folded, words separated by one space */
	char *english;
};

struct extract_lex {
	struct extract_ac *ac;
	struct lang_cues *langs;
	size_t nlangs;
	struct title_map *titles;
	size_t ntitles;
	struct suffix *suffixes;
	size_t nsuffixes;
	char **skip_suffixes;
	size_t nskip;
	char **prefixes;
	size_t nprefixes;
	char **body_stems;
	size_t nbody_stems;
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
	{ "verbs", CUE_VERB },
	{ "organization-heads", CUE_ORG_HEAD },
	{ "agreement-heads", CUE_AGREEMENT_HEAD },
	{ "place-heads", CUE_PLACE_HEAD },
	{ "place-before", CUE_PLACE_BEFORE },
	{ "locatives", CUE_LOCATIVE },
	{ "joiners", CUE_JOINER },
	{ "particles", CUE_PARTICLE },
	{ "refers-back", CUE_BACKREF },
	{ "romanize", -4 },
	{ "body-stems", -5 },
	{ "quantifiers", CUE_QUANTIFIER },
	{ "participles", CUE_PARTICIPLE },
	{ "documents", CUE_DOCUMENT },
	{ "relays", CUE_RELAY },
	{ "bodies", CUE_BODY },
	{ "officials", CUE_OFFICIAL },
	{ "unasserted", CUE_UNASSERTED },
	{ "conditions", CUE_CONDITION },
	{ "media", CUE_MEDIUM },
	{ "credits", CUE_CREDIT },
	{ "roles", CUE_ROLE },
	{ "plural-pronouns", CUE_PLURAL },
	{ "neuter-pronouns", CUE_NEUTER },
};

/* Sections of data/lang/ files that text-lang.c reads. */
static const char *const text_sections[] = { "language", "endings", "stem-endings" };

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

/* "министр иностранных дел = Foreign Minister" (EQ points at " = "):
 * the phrase is cut at EQ for the automaton, and kept folded with its
 * English title for roles. */
static int
add_title(struct extract_lex *lx, char *text, char *eq)
{
	struct extract_text t;
	struct buf b;
	size_t i;
	char *english = eq + 3;

	while (eq > text && (eq[-1] == ' ' || eq[-1] == '\t'))
		eq--;
	*eq = '\0';
	english += strspn(english, " \t");
	if (*english == '\0')
		return -1;
	extract_text_init(&t);
	buf_init(&b);
	if (extract_text_set(&t, text, strlen(text)) == 0)
		for (i = 0; i < t.ntok; i++) {
			if (i > 0)
				buf_addc(&b, ' ');
			buf_add(&b, t.tok[i].key, t.tok[i].klen);
		}
	extract_text_free(&t);
	lx->titles = xreallocarray(lx->titles, lx->ntitles + 1, sizeof *lx->titles);
	lx->titles[lx->ntitles].phrase = buf_detach(&b, NULL);
	lx->titles[lx->ntitles++].english = xstrdup(english);
	return 0;
}

/* One line of SECTION (index into sections[]) into AC. */
static int
add_line(struct extract_lex *lx, struct extract_ac *ac, const char *file, unsigned line,
    int section, char *text)
{
	char *sp;
	long month;

	switch (sections[section].cls) {
	case -1:
		lx->skip_suffixes = xreallocarray(lx->skip_suffixes, lx->nskip + 1,
		    sizeof *lx->skip_suffixes);
		lx->skip_suffixes[lx->nskip++] = xstrdup(text);
		return 0;
	case -5:
		lx->body_stems = xreallocarray(lx->body_stems, lx->nbody_stems + 1,
		    sizeof *lx->body_stems);
		lx->body_stems[lx->nbody_stems++] = xstrdup(text);
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
		while (sp > text && (sp[-1] == ' ' || sp[-1] == '\t'))
			sp--;
		*sp = '\0';
		/* in the case written: "may" is no May, "Марта" no марта */
		extract_ac_add(ac, text, EXTRACT_CUE(CUE_MONTH, month), 1);
		extract_ac_add(ac, text, EXTRACT_CUE(CUE_MONTH_WORD, month), 0);
		return 0;
	case CUE_TITLE:
		if ((sp = strstr(text, " = ")) != NULL && add_title(lx, text, sp) != 0)
			return err_set("%s:%u: expected TITLE = ENGLISH TITLE", file, line);
		/* FALLTHROUGH */
	default:
		if (extract_ac_add(ac, text, EXTRACT_CUE(sections[section].cls, 0), 0) != 0)
			return err_set("%s:%u: expected a word or phrase", file, line);
		return 0;
	}
}

/* "ж zh j": a letter group of LC's language and its Latin spellings. */
static int
add_roman(struct lang_cues *lc, const char *file, unsigned line, char *text)
{
	char *tok, *save = NULL;
	struct text_fold f;
	struct roman r;
	size_t i;

	if (lc == NULL || (tok = strtok_r(text, " \t", &save)) == NULL || text_fold(tok, strlen(tok), &f) != 0)
		return err_set("%s:%u: expected LETTERS LATIN...", file, line);
	r.from = xstrndup(f.s, f.len);
	text_fold_free(&f);
	r.to = NULL;
	r.nto = 0;
	while ((tok = strtok_r(NULL, " \t", &save)) != NULL) {
		r.to = xreallocarray(r.to, r.nto + 1, sizeof *r.to);
		r.to[r.nto++] = xstrdup(tok);
	}
	if (r.nto == 0) {
		free(r.from);
		return err_set("%s:%u: expected LETTERS LATIN...", file, line);
	}
	lc->roman = xreallocarray(lc->roman, lc->nroman + 1, sizeof *lc->roman);
	for (i = lc->nroman; i > 0 && strlen(lc->roman[i - 1].from) < strlen(r.from); i--)
		lc->roman[i] = lc->roman[i - 1];
	lc->roman[i] = r;
	lc->nroman++;
	return 0;
}

struct loading {
	struct extract_lex *lx;
	struct extract_ac *ac;   /* where phrases go */
	struct lang_cues *lc;    /* a data/lang/ file's language, or NULL */
	int lang;                /* a data/lang/ file: no suffix lists there */
	int default_section;     /* before any header; -1: none allowed */
};

static int
cue_line(void *arg, const char *path, unsigned lineno, const char *name, char *line)
{
	struct loading *ld = arg;
	int section = ld->default_section;
	size_t i;

	if (name != NULL) {
		for (i = 0; i < ARRAY_LEN(text_sections); i++)
			if (ld->lang && strcmp(name, text_sections[i]) == 0)
				return 0;
		for (section = -1, i = 0; i < ARRAY_LEN(sections); i++)
			if (strcmp(name, sections[i].name) == 0)
				section = (int)i;
		if (section < 0 || (ld->lang && sections[section].cls < 0 && sections[section].cls != -4) ||
		    (!ld->lang && sections[section].cls == -4))
			return err_set("%s:%u: unknown section [%s]", path, lineno, name);
	}
	if (section < 0)
		return err_set("%s:%u: expected a [section] line first", path, lineno);
	if (sections[section].cls == -4)
		return add_roman(ld->lc, path, lineno, line);
	return add_line(ld->lx, ld->ac, path, lineno, section, line);
}

/* Reads DIR/NAME into AC; lines before any section header belong to
 * DEFAULT_SECTION (-1: none allowed). */
static int
load_file(struct extract_lex *lx, struct extract_ac *ac, struct lang_cues *lc, const char *dir,
    const char *name, int default_section, int lang)
{
	struct loading ld = { lx, ac, lc, lang, default_section };
	char *path = xasprintf("%s/%s", dir, name);
	int rc = path_read_sections(path, cue_line, &ld);

	free(path);
	return rc;
}

static int
section_index(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(sections); i++)
		if (strcmp(sections[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* Each language's cues, from DIR/lang/CODE.txt, in an automaton of its own:
 * "o" is a pronoun in Azerbaijani text, not in English. */
static int
load_langs(struct extract_lex *lx, const char *dir)
{
	char *ldir = xasprintf("%s/lang", dir), **names;
	size_t n, i;
	int rc;

	if ((rc = path_list_dir(ldir, ".txt", &names, &n)) != 0)
		err_prefix("the languages");
	for (i = 0; i < n; i++) {
		struct lang_cues *lc;

		if (rc == 0) {
			lx->langs = xreallocarray(lx->langs, lx->nlangs + 1, sizeof *lx->langs);
			lc = &lx->langs[lx->nlangs++];
			lc->code = xstrndup(names[i], strlen(names[i]) - 4);
			lc->ac = extract_ac_new();
			lc->roman = NULL;
			lc->nroman = 0;
			rc = load_file(lx, lc->ac, lc, ldir, names[i], -1, 1);
			extract_ac_build(lc->ac);
		}
		free(names[i]);
	}
	free(names);
	free(ldir);
	return rc;
}

int
extract_lex_load(const char *dir, struct extract_lex **out)
{
	struct extract_lex *lx = xcalloc(1, sizeof *lx);

	*out = NULL;
	lx->ac = extract_ac_new();
	/* The verbs file has no sections: every line is a reporting verb. */
	if (load_file(lx, lx->ac, NULL, dir, "verbs.txt", section_index("verbs"), 0) != 0 ||
	    load_file(lx, lx->ac, NULL, dir, "cues.txt", -1, 0) != 0 ||
	    load_file(lx, lx->ac, NULL, dir, "terms.txt", -1, 0) != 0 ||
	    load_file(lx, lx->ac, NULL, dir, "names.txt", -1, 0) != 0 || load_langs(lx, dir) != 0) {
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
	size_t i, j, k;

	if (lx == NULL)
		return;
	extract_ac_free(lx->ac);
	for (i = 0; i < lx->nlangs; i++) {
		free(lx->langs[i].code);
		extract_ac_free(lx->langs[i].ac);
		for (j = 0; j < lx->langs[i].nroman; j++) {
			free(lx->langs[i].roman[j].from);
			for (k = 0; k < lx->langs[i].roman[j].nto; k++)
				free(lx->langs[i].roman[j].to[k]);
			free(lx->langs[i].roman[j].to);
		}
		free(lx->langs[i].roman);
	}
	free(lx->langs);
	for (i = 0; i < lx->ntitles; i++) {
		free(lx->titles[i].phrase);
		free(lx->titles[i].english);
	}
	free(lx->titles);
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
	for (i = 0; i < lx->nbody_stems; i++)
		free(lx->body_stems[i]);
	free(lx->body_stems);
	free(lx);
}

const struct extract_ac *
extract_lex_ac(const struct extract_lex *lx)
{
	return lx->ac;
}

const char *
extract_lex_title(const struct extract_lex *lx, const char *phrase)
{
	size_t i;

	for (i = 0; i < lx->ntitles; i++)
		if (strcmp(lx->titles[i].phrase, phrase) == 0)
			return lx->titles[i].english;
	return NULL;
}

const struct extract_ac *
extract_lex_ac_lang(const struct extract_lex *lx, const char *code)
{
	size_t i;

	for (i = 0; code != NULL && i < lx->nlangs; i++)
		if (strcmp(lx->langs[i].code, code) == 0)
			return lx->langs[i].ac;
	return NULL;
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

#define BODY_ENDING 4     /* bytes of a case ending after a body's stem: two Cyrillic letters */

int
extract_lex_body_stem(const struct extract_lex *lx, const char *w, size_t n)
{
	size_t i, k, off;

	for (i = 0; i < lx->nbody_stems; i++) {
		k = strlen(lx->body_stems[i]);
		if (n <= k)
			continue;
		/* a part after another ("Газ|пром|е"), not the word itself */
		for (off = n - k > BODY_ENDING ? n - k - BODY_ENDING : 1; off + k <= n; off++)
			if (memcmp(w + off, lx->body_stems[i], k) == 0)
				return 1;
	}
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

size_t
extract_lex_spell(const struct extract_lex *lx, const char *code, const char *s, size_t n,
    struct extract_spelling **out)
{
	const struct lang_cues *lc = NULL;
	struct extract_spelling *v = NULL;
	size_t i, k, len, nv = 0;

	*out = NULL;
	for (i = 0; code != NULL && i < lx->nlangs; i++)
		if (strcmp(lx->langs[i].code, code) == 0)
			lc = &lx->langs[i];
	if (lc == NULL || lc->nroman == 0)
		return 0;
	for (k = 0; k < n; k += len) {
		v = xreallocarray(v, nv + 1, sizeof *v);
		for (i = 0; i < lc->nroman; i++) {
			len = strlen(lc->roman[i].from);
			if (len <= n - k && memcmp(s + k, lc->roman[i].from, len) == 0)
				break;
		}
		if (i < lc->nroman) {
			v[nv].s = NULL;
			v[nv].latin = (const char *const *)lc->roman[i].to;
			v[nv++].n = lc->roman[i].nto;
		} else {
			len = 1;
			v[nv].s = s + k;
			v[nv].latin = NULL;
			v[nv++].n = 0;
		}
	}
	*out = v;
	return nv;
}
