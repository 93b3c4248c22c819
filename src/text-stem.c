/*
 * text-stem.c: the stem of a word in a language: Snowball's stemmer
 * (libstemmer) where the language's file names one, else the word without
 * the longest of its listed endings that leaves the language's shortest
 * stem (Azerbaijani has no Snowball stemmer, and its endings are few and
 * regular). Search uses stems to find "checkpoints" for "checkpoint" and
 * "переговорах" for "переговоры".
 */
#include "config.h"

#include <libstemmer.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

struct text_stemmer {
	const struct text_lang *lang;
	struct sb_stemmer *sb;    /* NULL: endings only */
	char *out;                /* the last stem */
	size_t cap;
};

struct text_stemmer *
text_stemmer_new(const struct text_lang *lang)
{
	struct text_stemmer *ts = xcalloc(1, sizeof *ts);

	ts->lang = lang;
	if (lang->stemmer != NULL)
		ts->sb = sb_stemmer_new(lang->stemmer, "UTF_8");
	return ts;
}

void
text_stemmer_free(struct text_stemmer *ts)
{
	if (ts == NULL)
		return;
	if (ts->sb != NULL)
		sb_stemmer_delete(ts->sb);
	free(ts->out);
	free(ts);
}

const char *
text_stem(struct text_stemmer *ts, const char *w, size_t n, size_t *len)
{
	const struct text_lang *l = ts->lang;
	const sb_symbol *s;
	size_t i, k, keep;

	if (ts->sb != NULL && n < INT_MAX &&
	    (s = sb_stemmer_stem(ts->sb, (const sb_symbol *)w, (int)n)) != NULL) {
		*len = (size_t)sb_stemmer_length(ts->sb);
		return (const char *)s;
	}
	*len = n;
	keep = text_lang_min_bytes(w, n, l->min_stem);
	for (i = 0; i < l->nendings && keep != SIZE_MAX; i++) {
		k = strlen(l->endings[i]);
		if (n >= k && n - k >= keep && memcmp(w + n - k, l->endings[i], k) == 0) {
			*len = n - k;
			break;
		}
	}
	if (*len + 1 > ts->cap) {
		ts->cap = *len + 64;
		ts->out = xrealloc(ts->out, ts->cap);
	}
	memcpy(ts->out, w, *len);
	ts->out[*len] = '\0';
	return ts->out;
}
