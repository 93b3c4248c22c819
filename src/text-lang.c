/*
 * text-lang.c: the languages dossier knows, from data/lang/CODE.txt: what
 * tells a text in one of them (its script, letters only it uses among the
 * languages of that script), which Snowball stemmer the search index uses
 * for it, and the case and possessive endings its nouns take, by which
 * the alias matcher finds "Лаврова" for "Лавров". Which letters mark a
 * language and which endings it has are knowledge of that language, kept
 * in its file with the sources they were checked against.
 *
 * A file's [language] section is read here, as are [endings] and
 * [stem-endings]; its other sections (reporting verbs and cues) belong to
 * extract-lex.c, which reads the same files.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unicase.h>
#include <unistr.h>

#include "text.h"

#define DETECT_LETTERS 4096   /* letters read to tell a language */
#define NEVER_HITS 2          /* letters it does not use that rule it out */

static void
add_word(char ***v, size_t *n, const char *w)
{
	struct text_fold f;

	if (text_fold(w, strlen(w), &f) != 0)
		return;
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = xstrndup(f.s, f.len);
	text_fold_free(&f);
}

static int
add_letters(ucs4_t **v, size_t *n, const char *s, const char *path, unsigned lineno)
{
	const uint8_t *p = (const uint8_t *)s;
	ucs4_t uc;
	int k;

	while (*p != '\0') {
		if (*p == ' ') {
			p++;
			continue;
		}
		if ((k = u8_mbtouc(&uc, p, strlen((const char *)p))) <= 0 || uc == 0xFFFD)
			return err_set("%s:%u: letters: not UTF-8", path, lineno);
		*v = xreallocarray(*v, *n + 1, sizeof **v);
		(*v)[(*n)++] = uc;
		p += k;
	}
	return 0;
}

static int
language_line(struct text_lang *l, const char *path, unsigned lineno, char *line)
{
	char *value = line + strcspn(line, " \t");

	if (*value != '\0')
		*value++ = '\0';
	value += strspn(value, " \t");
	if (strcmp(line, "code") == 0 && *value != '\0' && l->code == NULL)
		l->code = xstrdup(value);
	else if (strcmp(line, "name") == 0 && *value != '\0')
		l->name = xstrdup(value);
	else if (strcmp(line, "stemmer") == 0 && *value != '\0')
		l->stemmer = xstrdup(value);
	else if (strcmp(line, "script") == 0) {
		if ((l->script = uc_script_byname(value)) == NULL)
			return err_set("%s:%u: no script is called \"%s\"", path, lineno, value);
	} else if (strcmp(line, "letters") == 0)
		return add_letters(&l->letters, &l->nletters, value, path, lineno);
	else if (strcmp(line, "never") == 0)
		return add_letters(&l->never, &l->nnever, value, path, lineno);
	else if (strcmp(line, "fallback") == 0 && strcmp(value, "yes") == 0)
		l->fallback = 1;
	else if (strcmp(line, "verb-final") == 0 && strcmp(value, "yes") == 0)
		l->verb_final = 1;
	else if (strcmp(line, "min-stem") == 0 && strtoul(value, NULL, 10) > 0)
		l->min_stem = strtoul(value, NULL, 10);
	else
		return err_set("%s:%u: expected code, name, stemmer, script, letters, never,"
		    " fallback yes, verb-final yes or min-stem N", path, lineno);
	return 0;
}

static int
lang_line(void *arg, const char *path, unsigned lineno, const char *section, char *line)
{
	struct text_lang *l = arg;
	char *w, *save = NULL;

	if (section == NULL)
		return err_set("%s:%u: expected a [section] line first", path, lineno);
	if (strcmp(section, "language") == 0)
		return language_line(l, path, lineno, line);
	if (strcmp(section, "endings") != 0 && strcmp(section, "stem-endings") != 0)
		return 0;   /* extract-lex.c's */
	for (w = strtok_r(line, " \t", &save); w != NULL; w = strtok_r(NULL, " \t", &save)) {
		if (section[0] == 'e')
			add_word(&l->endings, &l->nendings, w);
		else
			add_word(&l->stem_endings, &l->nstem, w);
	}
	return 0;
}

static int
longest_first(const void *a, const void *b)
{
	size_t x = strlen(*(char *const *)a), y = strlen(*(char *const *)b);

	return x < y ? 1 : x > y ? -1 : strcmp(*(char *const *)a, *(char *const *)b);
}

static void
lang_free(struct text_lang *l)
{
	size_t i;

	free(l->code);
	free(l->name);
	free(l->stemmer);
	free(l->letters);
	free(l->never);
	for (i = 0; i < l->nendings; i++)
		free(l->endings[i]);
	free(l->endings);
	free(l->ending_len);
	for (i = 0; i < l->nstem; i++)
		free(l->stem_endings[i]);
	free(l->stem_endings);
}

int
text_langs_load(const char *datadir, struct text_langs **out)
{
	struct text_langs *ls = xcalloc(1, sizeof *ls);
	char *dir = xasprintf("%s/lang", datadir), **names, *path;
	size_t n, i, k;
	int rc = 0;

	*out = NULL;
	if (path_list_dir(dir, ".txt", &names, &n) != 0) {
		free(dir);
		free(ls);
		return err_prefix("the languages");
	}
	ls->v = xcalloc(n + 1, sizeof *ls->v);
	for (i = 0; i < n; i++) {
		struct text_lang *l = &ls->v[ls->n];

		path = xasprintf("%s/%s", dir, names[i]);
		if (rc == 0) {
			memset(l, 0, sizeof *l);
			l->min_stem = 3;
			if (path_read_sections(path, lang_line, l) != 0)
				rc = -1;
			else if (l->code == NULL)
				rc = err_set("%s: no code in its [language] section", path);
			if (rc == 0) {
				if (l->nendings > 1)    /* English has none: no qsort(NULL, 0) */
					qsort(l->endings, l->nendings, sizeof *l->endings, longest_first);
				l->ending_len = xreallocarray(NULL, l->nendings + 1,
				    sizeof *l->ending_len);
				for (k = 0; k < l->nendings; k++)
					l->ending_len[k] = strlen(l->endings[k]);
				ls->n++;
			} else
				lang_free(l);
		}
		free(path);
		free(names[i]);
	}
	free(names);
	free(dir);
	if (rc != 0) {
		text_langs_free(ls);
		return -1;
	}
	*out = ls;
	return 0;
}

void
text_langs_free(struct text_langs *ls)
{
	size_t i;

	if (ls == NULL)
		return;
	for (i = 0; i < ls->n; i++)
		lang_free(&ls->v[i]);
	free(ls->v);
	free(ls);
}

const struct text_lang *
text_lang_find(const struct text_langs *ls, const char *code)
{
	size_t i;

	for (i = 0; ls != NULL && code != NULL && i < ls->n; i++)
		if (strcmp(ls->v[i].code, code) == 0)
			return &ls->v[i];
	return NULL;
}

static int
has_letter(const ucs4_t *v, size_t n, ucs4_t uc)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i] == uc)
			return 1;
	return 0;
}

/*
 * The script most of the first letters are in picks the candidates; among
 * them, one whose unused letters appear is out, and the one whose own
 * letters appear most wins, else the script's fallback ("ə" tells
 * Azerbaijani from Turkish; no "ı" nor "ş" leaves Latin text English).
 */
const struct text_lang *
text_lang_detect(const struct text_langs *ls, const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	const uc_script_t *scripts[8];
	size_t nscripts = 0, count[8] = { 0 }, letters = 0, i, best;
	size_t *own, *never;
	const struct text_lang *pick = NULL;
	const uc_script_t *sc;
	ucs4_t uc;
	int k;

	if (ls == NULL || ls->n == 0)
		return NULL;
	own = xcalloc(ls->n, sizeof *own);
	never = xcalloc(ls->n, sizeof *never);
	while (p < end && letters < DETECT_LETTERS) {
		if (*p < 0x80) {
			uc = *p++;
			if (!((uc | 0x20) >= 'a' && (uc | 0x20) <= 'z'))
				continue;
		} else {
			if ((k = u8_mbtouc(&uc, p, (size_t)(end - p))) <= 0)
				break;
			p += k;
			if (!uc_is_alpha(uc))
				continue;
			uc = uc_tolower(uc);
		}
		letters++;
		sc = uc_script(uc);
		for (i = 0; i < nscripts && scripts[i] != sc; i++)
			;
		if (i == nscripts && nscripts < ARRAY_LEN(scripts))
			scripts[nscripts++] = sc;
		if (i < nscripts)
			count[i]++;
		if (uc < 0x80)
			continue;
		for (i = 0; i < ls->n; i++) {
			own[i] += (size_t)has_letter(ls->v[i].letters, ls->v[i].nletters, uc);
			never[i] += (size_t)has_letter(ls->v[i].never, ls->v[i].nnever, uc);
		}
	}
	for (best = 0, i = 1; i < nscripts; i++)
		if (count[i] > count[best])
			best = i;
	if (nscripts > 0) {
		sc = scripts[best];
		for (i = 0; i < ls->n; i++) {
			const struct text_lang *l = &ls->v[i];

			if (l->script != sc || never[i] >= NEVER_HITS)
				continue;
			if (pick == NULL || own[i] > own[pick - ls->v] ||
			    (own[i] == own[pick - ls->v] && l->fallback && !pick->fallback))
				pick = l;
		}
		if (pick != NULL && own[pick - ls->v] == 0 && !pick->fallback)
			for (i = 0; i < ls->n; i++)
				if (ls->v[i].script == sc && ls->v[i].fallback && never[i] < NEVER_HITS)
					pick = &ls->v[i];
	}
	free(own);
	free(never);
	return pick;
}

size_t
text_lang_min_bytes(const char *w, size_t n, size_t chars)
{
	size_t b;

	return text_char_offset(w, n, chars, &b) == 0 ? b : SIZE_MAX;
}
