/*
 * extract-token.c: the view of a text every extraction step reads. The
 * text is case-folded (text_fold, which keeps a map back to the original
 * bytes) and cut into tokens: words of letters, marks and digits, and
 * single punctuation characters. Matching phrases token by token makes
 * every match whole-word and indifferent to how much white space or which
 * apostrophe a writer used, and each token keeps its original byte span so
 * a match is an exact range of the stored body.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "extract-int.h"

enum { C_SEP, C_WORD, C_PUNCT, C_DROP };

/* ASCII classes: letters and digits make words; brackets are dropped
 * (editorial insertions read as part of the text). */
static unsigned char ascii_class[128];

static void
init_classes(void)
{
	int c;

	if (ascii_class['a'] == C_WORD)
		return;
	for (c = 0; c < 128; c++) {
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
			ascii_class[c] = C_WORD;
		else if ((c <= ' ' && c != '\n') || c == 127)
			ascii_class[c] = C_SEP;     /* '\n' is punctuation: no match crosses a paragraph */
		else if (c == '[' || c == ']')
			ascii_class[c] = C_DROP;
		else
			ascii_class[c] = C_PUNCT;
	}
}

/* The class of a non-ASCII character, and the key punctuation reads as
 * (the ASCII apostrophe or hyphen for their typographic variants). */
static int
uni_class(ucs4_t uc, const char **key, uint32_t *klen)
{
	*key = NULL;
	if (uc_is_general_category_withtable(uc, UC_CATEGORY_MASK_L | UC_CATEGORY_MASK_M |
	    UC_CATEGORY_MASK_N))
		return C_WORD;
	if (uc_is_general_category_withtable(uc, UC_CATEGORY_MASK_Z | UC_CATEGORY_MASK_Cc) ||
	    uc == 0xFEFF || uc == 0x200B)
		return C_SEP;
	switch (uc) {
	case 0x2018: case 0x2019: case 0x02BC: case 0x2032:
		*key = "'";
		*klen = 1;
		break;
	case 0x2010: case 0x2011: case 0x00AD:
		*key = "-";
		*klen = 1;
		break;
	default:
		break;
	}
	return C_PUNCT;
}

void
extract_text_init(struct extract_text *t)
{
	memset(t, 0, sizeof *t);
	init_classes();
}

static void
free_keys(struct extract_text *t)
{
	size_t i;

	for (i = 0; i < t->nold; i++)
		free(t->old[i]);
	free(t->old);
	t->old = NULL;
	t->nold = 0;
	t->nkeys = 0;
}

void
extract_text_free(struct extract_text *t)
{
	text_fold_free(&t->fold);
	free(t->tok);
	free_keys(t);
	free(t->keys);
	memset(t, 0, sizeof *t);
}

static struct extract_tok *
push(struct extract_text *t)
{
	if (t->ntok == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 1024;
		t->tok = xreallocarray(t->tok, t->cap, sizeof *t->tok);
	}
	return &t->tok[t->ntok++];
}

static int
starts_upper(const char *s, size_t n)
{
	ucs4_t uc;
	unsigned char c = (unsigned char)s[0];

	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	if (u8_mbtouc(&uc, (const uint8_t *)s, n) <= 0)
		return 0;
	return uc_is_general_category(uc, UC_UPPERCASE_LETTER) ||
	    uc_is_general_category(uc, UC_TITLECASE_LETTER);
}

/* Folding turns a capital dotted I ("İLHAM") into i and a combining dot,
 * while the same name in lower case has a plain i: the dot goes, so both
 * spellings meet. Such a word's key is a copy without the dots. */
static const char *
undotted(struct extract_text *t, size_t ws, size_t i, uint32_t *klen, uint32_t *h)
{
	const char *f = t->fold.s;
	size_t j, n = 0;
	char *key;

	if (t->nkeys + (i - ws) > t->keycap) {
		/* Keys already made point into the old block; keep it. */
		t->old = xreallocarray(t->old, t->nold + 1, sizeof *t->old);
		t->old[t->nold++] = t->keys;
		t->keycap = (i - ws) + 4096;
		t->keys = xmalloc(t->keycap);
		t->nkeys = 0;
	}
	key = t->keys + t->nkeys;
	*h = 2166136261u;
	for (j = ws; j < i; j++) {
		if (j > ws && f[j - 1] == 'i' && j + 1 < i && (unsigned char)f[j] == 0xCC &&
		    (unsigned char)f[j + 1] == 0x87) {
			j++;
			continue;
		}
		key[n++] = f[j];
		*h = (*h ^ (unsigned char)f[j]) * 16777619u;
	}
	t->nkeys += n;
	*klen = (uint32_t)n;
	return key;
}

/* Ends the word f[ws, i) as a token; dots tells that it holds a dotted i. */
static void
end_word(struct extract_text *t, size_t ws, size_t i, uint32_t h, int dots)
{
	struct extract_tok *k = push(t);
	const size_t *map = t->fold.map;

	k->key = t->fold.s + ws;
	k->klen = (uint32_t)(i - ws);
	if (dots)
		k->key = undotted(t, ws, i, &k->klen, &h);
	k->hash = h;
	k->start = map[ws];
	k->end = map[i];
	k->word = 1;
	k->upper = (unsigned char)starts_upper(t->s + k->start, k->end - k->start);
}

static void
punct(struct extract_text *t, size_t i, size_t n, const char *key, uint32_t klen)
{
	struct extract_tok *k = push(t);
	uint32_t j, h = 2166136261u;

	if (key == NULL) {
		key = t->fold.s + i;
		klen = (uint32_t)n;
	}
	for (j = 0; j < klen; j++)
		h = (h ^ (unsigned char)key[j]) * 16777619u;
	k->key = key;
	k->klen = klen;
	k->hash = h;
	k->start = t->fold.map[i];
	k->end = t->fold.map[i + n];
	k->word = 0;
	k->upper = 0;
}

int
extract_text_set(struct extract_text *t, const char *s, size_t len)
{
	const unsigned char *f;
	size_t i = 0, n, ws = 0, flen;
	uint32_t h = 0, klen = 0;
	int inword = 0, dots = 0, cls, r;
	const char *key;
	ucs4_t uc = 0;

	init_classes();
	text_fold_free(&t->fold);
	free_keys(t);
	t->ntok = 0;
	t->s = s;
	t->len = len;
	if (text_fold(s, len, &t->fold) != 0)
		return -1;
	f = (const unsigned char *)t->fold.s;
	flen = t->fold.len;
	while (i < flen) {
		/* The common case: a run of ASCII letters and digits. */
		if (f[i] < 0x80 && ascii_class[f[i]] == C_WORD) {
			if (!inword) {
				inword = 1;
				dots = 0;
				ws = i;
				h = 2166136261u;
			}
			do
				h = (h ^ f[i++]) * 16777619u;
			while (i < flen && f[i] < 0x80 && ascii_class[f[i]] == C_WORD);
			continue;
		}
		n = 1;
		key = NULL;
		if (f[i] < 0x80)
			cls = ascii_class[f[i]];
		else {
			r = u8_mbtouc(&uc, f + i, flen - i);
			n = r > 0 ? (size_t)r : 1;
			cls = uni_class(uc, &key, &klen);
		}
		if (cls == C_WORD) {
			if (!inword) {
				inword = 1;
				dots = 0;
				ws = i;
				h = 2166136261u;
			}
			if (uc == 0x0307 && i > ws && f[i - 1] == 'i') {
				dots = 1;
				i += n;
				continue;
			}
			for (; n > 0; n--)
				h = (h ^ f[i++]) * 16777619u;
			continue;
		}
		if (inword) {
			end_word(t, ws, i, h, dots);
			inword = 0;
		}
		if (cls == C_PUNCT)
			punct(t, i, n, key, klen);
		i += n;
	}
	if (inword)
		end_word(t, ws, flen, h, dots);
	return 0;
}

struct tok_key {
	const struct extract_text *t;
	size_t off;
};

static int
tok_past(const void *arg, size_t i)
{
	const struct tok_key *k = arg;

	return k->t->tok[i].start >= k->off;
}

size_t
extract_tok_at(const struct extract_text *t, size_t off)
{
	struct tok_key k = { t, off };

	return text_search(t->ntok, tok_past, &k);
}

int
extract_tok_caps(const struct extract_text *t, size_t k)
{
	const struct extract_tok *w;
	int n;
	ucs4_t uc;

	if (k >= t->ntok || !t->tok[k].word || !t->tok[k].upper)
		return 0;
	w = &t->tok[k];
	n = u8_mbtouc(&uc, (const uint8_t *)t->s + w->start, w->end - w->start);
	if (n <= 0 || w->start + (size_t)n >= w->end)
		return 0;
	return starts_upper(t->s + w->start + n, w->end - w->start - (size_t)n);
}

int
extract_tok_same(const struct extract_tok *a, const struct extract_tok *b)
{
	return a->hash == b->hash && a->klen == b->klen && memcmp(a->key, b->key, a->klen) == 0;
}
