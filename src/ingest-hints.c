/*
 * ingest-hints.c: the rules of data/extract.txt, which say what the class,
 * id, role and itemprop words of a web page's blocks tell about them
 * ("article-body" is the article, "related-stories" is not). How sites
 * name their parts is knowledge about the web, not code, so it lives in
 * that file, where a user can add the words of the sites they read.
 *
 * A rule is "KIND [WEIGHT] WORD...". Matching is per element: the words of
 * its attributes are gathered once and every rule that matches is noted,
 * so each rule counts at most once per element whatever number of its
 * words match (as a positive class and a positive id count once each in
 * Readability, whose scoring this follows in spirit).
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest-int.h"
#include "util.h"

enum word_mode { WORD_EXACT, WORD_PREFIX, WORD_SUFFIX, WORD_INSIDE };

struct word {
	char *s;              /* lower case, without its '*' */
	size_t len;
	enum word_mode mode;
	size_t rule;          /* index into rules */
};

struct rule {
	enum hint_kind kind;
	int weight;
};

struct ingest_hints {
	struct rule *rules;
	size_t nrules, caprules;
	struct word *words;
	size_t nwords, capwords;
};

static const struct {
	const char *name;
	enum hint_kind kind;
	int weighted;
} kinds[] = {
	{ "positive", HINT_POSITIVE, 1 }, { "negative", HINT_NEGATIVE, 1 },
	{ "unlikely", HINT_UNLIKELY, 0 }, { "maybe", HINT_MAYBE, 0 },
	{ "role", HINT_ROLE, 0 }, { "caption", HINT_CAPTION, 0 },
	{ "byline", HINT_BYLINE, 0 }, { "share", HINT_SHARE, 0 }, { "tag", HINT_TAG, 1 },
	{ "byword", HINT_BYWORD, 0 }, { "byjoin", HINT_BYJOIN, 0 },
	{ "element", HINT_ELEMENT, 0 },
	{ "meta-title", HINT_META_TITLE, 0 }, { "meta-published", HINT_META_PUBLISHED, 0 },
	{ "meta-modified", HINT_META_MODIFIED, 0 }, { "meta-author", HINT_META_AUTHOR, 0 },
	{ "meta-language", HINT_META_LANGUAGE, 0 }, { "meta-outlet", HINT_META_OUTLET, 0 },
	{ "meta-address", HINT_META_ADDRESS, 0 },
	{ "meta-description", HINT_META_DESCRIPTION, 0 },
};

/* Rules whose words are the names of meta tags, matched whole. */
static int
is_meta_kind(enum hint_kind kind)
{
	return kind >= HINT_META_TITLE && kind <= HINT_META_DESCRIPTION;
}

struct ingest_hints *
ingest_hints_new(void)
{
	return xcalloc(1, sizeof(struct ingest_hints));
}

void
ingest_hints_free(struct ingest_hints *h)
{
	size_t i;

	if (h == NULL)
		return;
	for (i = 0; i < h->nwords; i++)
		free(h->words[i].s);
	free(h->words);
	free(h->rules);
	free(h);
}

static int
is_blank(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r';
}

static void
add_word(struct ingest_hints *h, const char *w, size_t len, size_t rule)
{
	struct word *nw;
	int lead = len > 0 && w[0] == '*', trail = len > 1 && w[len - 1] == '*';
	size_t i;

	if (h->nwords == h->capwords) {
		h->capwords = h->capwords ? h->capwords * 2 : 128;
		h->words = xreallocarray(h->words, h->capwords, sizeof *h->words);
	}
	nw = &h->words[h->nwords++];
	w += lead;
	len -= (size_t)lead + (size_t)trail;
	nw->s = xstrndup(w, len);
	for (i = 0; i < len; i++)
		nw->s[i] = (char)tolower((unsigned char)nw->s[i]);
	nw->len = len;
	nw->mode = lead && trail ? WORD_INSIDE : lead ? WORD_SUFFIX : trail ? WORD_PREFIX
	    : WORD_EXACT;
	nw->rule = rule;
}

static int
add_line(struct ingest_hints *h, const char *name, size_t lineno, const char *s,
    const char *end)
{
	const char *k = s, *w;
	size_t i, klen, rule;
	long weight = 0;
	char *num_end;

	while (s < end && !is_blank(*s))
		s++;
	klen = (size_t)(s - k);
	for (i = 0; i < ARRAY_LEN(kinds); i++) {
		if (strlen(kinds[i].name) == klen && strncmp(k, kinds[i].name, klen) == 0)
			break;
	}
	if (i == ARRAY_LEN(kinds))
		return err_set("%s: line %zu: unknown rule '%.*s' (expected positive, negative, "
		    "unlikely, maybe, role, caption, byline, share, tag, byword, byjoin, "
		    "element or meta-*)", name, lineno,
		    (int)klen, k);
	while (s < end && is_blank(*s))
		s++;
	if (kinds[i].weighted) {
		weight = strtol(s, &num_end, 10);
		if (num_end == s || num_end > end || weight < -1000 || weight > 1000 ||
		    (num_end < end && !is_blank(*num_end)))
			return err_set("%s: line %zu: '%s' needs a weight (a number from -1000 "
			    "to 1000) before its words", name, lineno, kinds[i].name);
		s = num_end;
	}
	if (h->nrules == h->caprules) {
		h->caprules = h->caprules ? h->caprules * 2 : 32;
		h->rules = xreallocarray(h->rules, h->caprules, sizeof *h->rules);
	}
	rule = h->nrules++;
	h->rules[rule].kind = kinds[i].kind;
	h->rules[rule].weight = (int)weight;
	for (klen = 0;; klen++) {
		while (s < end && is_blank(*s))
			s++;
		for (w = s; s < end && !is_blank(*s); s++)
			;
		if (s == w)
			break;
		if (s - w == 1 && *w == '*')
			return err_set("%s: line %zu: '*' alone matches every block", name, lineno);
		if (is_meta_kind(kinds[i].kind) && memchr(w, '*', (size_t)(s - w)) != NULL)
			return err_set("%s: line %zu: '%s' names whole meta tags, without '*'", name,
			    lineno, kinds[i].name);
		add_word(h, w, (size_t)(s - w), rule);
	}
	if (klen == 0)
		return err_set("%s: line %zu: '%s' needs at least one word", name, lineno,
		    kinds[i].name);
	return 0;
}

static int
hints_line(void *h, const char *name, size_t lineno, const char *s, const char *end)
{
	return add_line(h, name, lineno, s, end);
}

int
ingest_hints_add(struct ingest_hints *h, const char *name, const char *text, size_t len)
{
	return ingest_rule_lines(name, text, len, hints_line, h);
}

int
ingest_hints_add_file(struct ingest_hints *h, const char *path)
{
	return ingest_rule_file(path, hints_line, h);
}

/* Does word W match the name or name part [s, s+len) (lower case)? */
static int
word_matches(const struct word *w, const char *s, size_t len)
{
	size_t i;

	if (w->len > len)
		return 0;
	switch (w->mode) {
	case WORD_EXACT:
		return w->len == len && memcmp(w->s, s, len) == 0;
	case WORD_PREFIX:
		return memcmp(w->s, s, w->len) == 0;
	case WORD_SUFFIX:
		return memcmp(w->s, s + len - w->len, w->len) == 0;
	case WORD_INSIDE:
		for (i = 0; i + w->len <= len; i++) {
			if (memcmp(w->s, s + i, w->len) == 0)
				return 1;
		}
		return 0;
	}
	return 0;
}

/* Notes in HIT every rule one of whose words matches [s, s+len). */
static void
match_token(const struct ingest_hints *h, const char *s, size_t len, unsigned char *hit)
{
	size_t i;

	for (i = 0; i < h->nwords; i++) {
		if (!hit[h->words[i].rule] && word_matches(&h->words[i], s, len))
			hit[h->words[i].rule] = 1;
	}
}

/* The names of one attribute value, and their parts. */
static void
match_value(const struct ingest_hints *h, const char *v, unsigned char *hit)
{
	char tok[64];
	size_t n, a, b;

	while (*v != '\0') {
		while (*v != '\0' && isspace((unsigned char)*v))
			v++;
		for (n = 0; *v != '\0' && !isspace((unsigned char)*v); v++) {
			if (n < sizeof tok)
				tok[n++] = (char)tolower((unsigned char)*v);
		}
		if (n == 0)
			break;
		match_token(h, tok, n, hit);
		for (a = 0; a < n; a = b + 1) {
			for (b = a; b < n && tok[b] != '-' && tok[b] != '_'; b++)
				;
			if (b > a && (a > 0 || b < n))
				match_token(h, tok + a, b - a, hit);
		}
	}
}

void
ingest_hints_node(const struct ingest_hints *h, const xmlNode *n, struct hint_match *m)
{
	static const char *const attrs[] = { "class", "id", "role", "itemprop" };
	unsigned char stack_hit[128], *hit;
	char *v;
	size_t i;

	memset(m, 0, sizeof *m);
	if (h == NULL || h->nrules == 0 || n->type != XML_ELEMENT_NODE)
		return;
	hit = h->nrules <= sizeof stack_hit ? stack_hit : xmalloc(h->nrules);
	memset(hit, 0, h->nrules);
	for (i = 0; i < ARRAY_LEN(attrs); i++) {
		v = ingest_xml_attr(n, attrs[i]);
		if (v == NULL)
			continue;
		if (i == 2) {
			/* Role rules read the role only; the other rules
			 * read it as a class name ("main", "article"). */
			unsigned char *rhit = xcalloc(h->nrules, 1);
			size_t r;
			match_value(h, v, rhit);
			for (r = 0; r < h->nrules; r++) {
				if (rhit[r] && h->rules[r].kind == HINT_ROLE)
					m->flags |= 1u << HINT_ROLE;
				else if (rhit[r])
					hit[r] = 1;
			}
			free(rhit);
		} else
			match_value(h, v, hit);
		free(v);
	}
	for (i = 0; i < h->nrules; i++) {
		if (!hit[i] || h->rules[i].kind == HINT_TAG || h->rules[i].kind == HINT_ROLE ||
		    h->rules[i].kind == HINT_BYWORD || h->rules[i].kind == HINT_BYJOIN ||
		    h->rules[i].kind == HINT_ELEMENT || is_meta_kind(h->rules[i].kind))
			continue;
		m->flags |= 1u << h->rules[i].kind;
		if (h->rules[i].kind == HINT_POSITIVE)
			m->weight += h->rules[i].weight;
		else if (h->rules[i].kind == HINT_NEGATIVE)
			m->weight -= h->rules[i].weight;
	}
	if (hit != stack_hit)
		free(hit);
}

int
ingest_hints_tag(const struct ingest_hints *h, const char *tag)
{
	size_t i, len = strlen(tag);

	if (h == NULL)
		return 0;
	for (i = 0; i < h->nwords; i++) {
		const struct word *w = &h->words[i];
		if (h->rules[w->rule].kind == HINT_TAG && w->len == len &&
		    strncasecmp(w->s, tag, len) == 0)
			return h->rules[w->rule].weight;
	}
	return 0;
}

int
ingest_hints_element(const struct ingest_hints *h, const char *tag)
{
	char name[64];
	size_t i, len;

	if (h == NULL)
		return 0;
	for (len = 0; tag[len] != '\0'; len++) {
		if (len == sizeof name)
			return 0;
		name[len] = (char)tolower((unsigned char)tag[len]);
	}
	for (i = 0; i < h->nwords; i++) {
		if (h->rules[h->words[i].rule].kind == HINT_ELEMENT &&
		    word_matches(&h->words[i], name, len))
			return 1;
	}
	return 0;
}

const char *
ingest_hints_next(const struct ingest_hints *h, enum hint_kind kind, size_t *i)
{
	if (h == NULL)
		return NULL;
	for (; *i < h->nwords; (*i)++) {
		if (h->rules[h->words[*i].rule].kind == kind)
			return h->words[(*i)++].s;
	}
	return NULL;
}

int
ingest_hints_word(const struct ingest_hints *h, enum hint_kind kind, const char *s, size_t len)
{
	size_t i;

	if (h == NULL)
		return 0;
	for (i = 0; i < h->nwords; i++) {
		const struct word *w = &h->words[i];
		if (h->rules[w->rule].kind == kind && w->len == len && strncasecmp(w->s, s, len) == 0)
			return 1;
	}
	return 0;
}
