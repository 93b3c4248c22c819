/*
 * extract-described.c: agreements and events the text names by what they
 * are rather than by a name (data/described.txt).
 *
 * News often gives an agreement no name at all: "the latest ceasefire
 * proposal", "the hostage deal", "мирного договора", "sülh sazişi",
 * "son ateşkes teklifine". Such a phrase is a word of what the agreement
 * is about ([agreement-topics]: peace, ceasefire, nuclear, ...) before a
 * word of what kind of text it is ([agreement-nouns]: deal, treaty,
 * proposal, ...), with an optional word of its stage before them
 * ([modifiers]: latest, final, son, ...). An event is named so after the
 * place or state it happened in ("the Gaza war", "the Alaska summit",
 * "the war in Gaza": [event-nouns]), and a capitalized name is an event's
 * when its last word is one of [event-heads] ("Munich Security
 * Conference", "Münhen Təhlükəsizlik Konfransı"). A news site cited by
 * its address ("Aysor.am", "news.am") is an outlet, an organization. A
 * ministry named without its state ("МИД", "ԱԳՆ-ից", "Dışişleri
 * Bakanlığı") is the one of its kind named last, else a found one. An
 * attack named by its day ("the October 7 attack") is an event. An
 * agreement or war so described that the knowledge base holds ("the 2020
 * war", "the 44-day war", "the Russian-brokered ceasefire") is that one
 * (extract-resolve.c), not a found name.
 *
 * A list word ending in '*' stands for the word with up to MAX_ENDING
 * more letters, so one line holds every case of an inflected noun
 * ("договор*": договора, договору, договором). The phrases found are
 * candidates of their kind, shown as found until the user adds them to
 * the knowledge base or hides them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract-int.h"

#define MAX_ENDING 7      /* letters a '*' word may add: "müqavilələrinin" */
#define MAX_TOPICS 3      /* "hostage and ceasefire deal": topics in a row */
#define D_BUCKETS 1024    /* of a phrase's first two bytes (a power of two) */

enum dclass {
	D_MODIFIER, D_TOPIC, D_NOUN, D_EVENT_NOUN, D_EVENT_LINK, D_EVENT_HEAD, D_DOMAIN,
	D_FOREIGN_MINISTRY, D_DEFENCE_MINISTRY, D_DATED_EVENT, D_NAMED_NOUN, D_LINK, D_SUBJECT,
	D_POSTLINK, D_BODY_EVENT, D_COUNT, D_MEASURE, D_STANDALONE, D_CITED_BEFORE, D_CITED_AFTER,
	D_WAR_NOUN, D_KIND_CEASEFIRE, D_KIND_PEACE, D_KIND_STATEMENT, D_KIND_WAR, D_KIND_GENOCIDE,
	D_KIND_REVOLUTION, D_THREE_PARTY, D_BROKERED, D_LEN_DAYS, D_LEN_WEEKS, D_LEN_MONTHS,
	D_UNMADE, D_SIGNED, D_DATE_LINK, D_DATE_BEFORE, D_ANAPHOR_DET, D_WEEKDAY, D_COMPOUND, D_NCLASSES
};

static const char *const section_names[D_NCLASSES] = {
	"modifiers", "agreement-topics", "agreement-nouns", "event-nouns", "event-links", "event-heads",
	"outlet-domains", "foreign-ministries", "defence-ministries", "dated-event-nouns",
	"named-agreement-nouns", "agreement-links", "agreement-subjects", "agreement-postlinks",
	"body-event-nouns", "agreement-counts", "agreement-measures", "standalone-topics",
	"outlet-cited-before", "outlet-cited-after", "war-nouns", "kind-ceasefire", "kind-peace",
	"kind-statement", "kind-war", "kind-genocide", "kind-revolution", "three-party", "brokered",
	"length-days", "length-weeks", "length-months", "unmade", "signed", "date-links",
	"date-before-words", "anaphor-determiners", "weekdays", "topic-compounds",
};

/* The classes whose words say what kind of agreement or event a name or
 * a description is, in the order of their bits (EXTRACT_KIND_*). */
static const int kind_classes[] = {
	D_KIND_CEASEFIRE, D_KIND_PEACE, D_KIND_STATEMENT, D_KIND_WAR, D_KIND_GENOCIDE,
	D_KIND_REVOLUTION, D_THREE_PARTY, D_UNMADE,
};

struct dword {
	char *key;
	uint32_t klen;
	int prefix;           /* a '*' word: more letters may follow */
};

struct dpattern {
	struct dword *w;
	size_t n;
};

struct extract_described {
	struct dpattern *p[D_NCLASSES];
	size_t n[D_NCLASSES];
	/* Each class's phrases sorted by the bucket of their first word's
	 * first two bytes (of a one-byte word, of that byte alone), and
	 * where each bucket's run of them starts: a token is tried against
	 * the few phrases that can start with it, most against none. */
	uint32_t at[D_NCLASSES][D_BUCKETS + 1];
	/* the first bytes the phrases of each class start with: most
	 * tokens are passed over at one look */
	unsigned char first[D_NCLASSES][256];
	struct extract_text t;   /* for cutting lines into tokens */
};

static int
section_of(const char *name)
{
	size_t i;

	for (i = 0; i < D_NCLASSES; i++)
		if (strcmp(section_names[i], name) == 0)
			return (int)i;
	return -1;
}

/* One line: its words cut and folded as text is, the last token of a
 * '*' word marked as a prefix. */
static int
add_line(void *arg, const char *path, unsigned lineno, const char *section, char *line)
{
	struct extract_described *d = arg;
	struct dpattern p = { NULL, 0 };
	char *word, *save = NULL;
	size_t len, i;
	int cls, prefix;

	if (section == NULL)
		return err_set("%s:%u: expected a [section] line first", path, lineno);
	if ((cls = section_of(section)) < 0)
		return err_set("%s:%u: unknown section [%s]", path, lineno, section);
	for (word = strtok_r(line, " \t", &save); word != NULL; word = strtok_r(NULL, " \t", &save)) {
		len = strlen(word);
		prefix = len > 1 && word[len - 1] == '*';
		if (prefix)
			word[--len] = '\0';
		if (strchr(word, '*') != NULL || extract_text_set(&d->t, word, len) != 0 ||
		    d->t.ntok == 0)
			goto bad;
		p.w = xreallocarray(p.w, p.n + d->t.ntok, sizeof *p.w);
		for (i = 0; i < d->t.ntok; i++) {
			p.w[p.n].key = xstrndup(d->t.tok[i].key, d->t.tok[i].klen);
			p.w[p.n].klen = d->t.tok[i].klen;
			p.w[p.n].prefix = prefix && i + 1 == d->t.ntok;
			p.n++;
		}
	}
	if (p.n == 0)
		goto bad;
	d->first[cls][(unsigned char)p.w[0].key[0]] = 1;
	d->p[cls] = xreallocarray(d->p[cls], d->n[cls] + 1, sizeof *d->p[cls]);
	d->p[cls][d->n[cls]++] = p;
	return 0;
bad:
	for (i = 0; i < p.n; i++)
		free(p.w[i].key);
	free(p.w);
	return err_set("%s:%u: expected words, a '*' only at a word's end", path, lineno);
}

/* The bucket of a word starting KEY, LEN bytes long; LEN 1 when only
 * its first byte is to count. */
static size_t
bucket_of(const char *key, size_t len)
{
	size_t h = (size_t)(unsigned char)key[0] * 31;

	h += len >= 2 ? (unsigned char)key[1] : 256u;
	return h & (D_BUCKETS - 1);
}

static size_t
pattern_bucket(const struct dpattern *p)
{
	return bucket_of(p->w[0].key, p->w[0].klen);
}

static int
by_bucket(const void *a, const void *b)
{
	size_t x = pattern_bucket(a), y = pattern_bucket(b);

	return x < y ? -1 : x > y;
}

/* Sorts each class's phrases by bucket and notes where each run starts.
 * The order of a class's phrases is free: a token's longest phrase is
 * the same whichever is tried first. */
static void
index_buckets(struct extract_described *d)
{
	size_t c, i, b;

	for (c = 0; c < D_NCLASSES; c++) {
		if (d->n[c] > 0)
			qsort(d->p[c], d->n[c], sizeof *d->p[c], by_bucket);
		for (i = 0, b = 0; b <= D_BUCKETS; b++) {
			while (i < d->n[c] && pattern_bucket(&d->p[c][i]) < b)
				i++;
			d->at[c][b] = (uint32_t)i;
		}
	}
}

int
extract_described_load(const char *dir, struct extract_described **out)
{
	struct extract_described *d = xcalloc(1, sizeof *d);
	char *path = xasprintf("%s/described.txt", dir);
	int rc;

	extract_text_init(&d->t);
	rc = path_read_sections(path, add_line, d);
	free(path);
	if (rc != 0) {
		extract_described_free(d);
		*out = NULL;
		return -1;
	}
	index_buckets(d);
	*out = d;
	return 0;
}

void
extract_described_free(struct extract_described *d)
{
	size_t c, i, j;

	if (d == NULL)
		return;
	for (c = 0; c < D_NCLASSES; c++) {
		for (i = 0; i < d->n[c]; i++) {
			for (j = 0; j < d->p[c][i].n; j++)
				free(d->p[c][i].w[j].key);
			free(d->p[c][i].w);
		}
		free(d->p[c]);
	}
	extract_text_free(&d->t);
	free(d);
}

/* Whether token K touches the token before (after) it: no space. */
static int
tight_before(const struct extract_ctx *c, size_t k)
{
	return k > 0 && c->t.tok[k].start == c->t.tok[k - 1].end;
}

/* Letters (UTF-8 lead bytes) in S[0, N). */
static size_t
letters(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

static int
word_is(const struct dword *w, const struct extract_tok *t)
{
	if (t->klen == w->klen)
		return memcmp(t->key, w->key, w->klen) == 0;
	return w->prefix && t->word && t->klen > w->klen && memcmp(t->key, w->key, w->klen) == 0 &&
	    letters(t->key + w->klen, t->klen - w->klen) <= MAX_ENDING;
}

/* The longest phrase of class CLS at token K among the phrases of
 * bucket B, the token after it, else BEST. */
static size_t
longest_in(const struct extract_ctx *c, const struct extract_described *d, int cls,
    size_t b, size_t k, size_t best)
{
	size_t i, j;

	for (i = d->at[cls][b]; i < d->at[cls][b + 1]; i++) {
		const struct dpattern *p = &d->p[cls][i];

		if (k + p->n > c->t.ntok || k + p->n <= best)
			continue;
		for (j = 0; j < p->n; j++)
			if (c->ment_at[k + j] >= 0 || !word_is(&p->w[j], &c->t.tok[k + j]))
				break;
		if (j == p->n)
			best = k + p->n;
	}
	return best;
}

/* The longest phrase of class CLS at token K, free of mentions: the
 * token after it, else K. A phrase whose first word is longer than a
 * byte starts with the token's first two bytes; one of a byte, with
 * its first. */
static size_t
phrase_at(const struct extract_ctx *c, int cls, size_t k)
{
	const struct extract_described *d = extractor_described(c->x);
	const struct extract_tok *t;
	size_t best, two, one;

	if (d == NULL || k >= c->t.ntok || c->t.tok[k].klen == 0 ||
	    !d->first[cls][(unsigned char)c->t.tok[k].key[0]])
		return k;
	t = &c->t.tok[k];
	one = bucket_of(t->key, 1);
	best = longest_in(c, d, cls, one, k, k);
	if (t->klen >= 2 && (two = bucket_of(t->key, t->klen)) != one)
		best = longest_in(c, d, cls, two, k, best);
	return best;
}

/* The bits (EXTRACT_KIND_*) of the kinds token T's word says. */
static unsigned
token_kinds(const struct extract_described *d, const struct extract_tok *t)
{
	unsigned bits = 0;
	size_t i, j;

	for (i = 0; i < ARRAY_LEN(kind_classes); i++)
		for (j = 0; j < d->n[kind_classes[i]]; j++)
			if (d->p[kind_classes[i]][j].n == 1 &&
			    word_is(&d->p[kind_classes[i]][j].w[0], t)) {
				bits |= 1u << i;
				break;
			}
	return bits;
}

unsigned
extract_described_kinds(const struct extract_ctx *c, size_t first, size_t last)
{
	const struct extract_described *d = extractor_described(c->x);
	unsigned bits = 0;
	size_t k;

	for (k = first; d != NULL && k <= last && k < c->t.ntok; k++)
		if (c->t.tok[k].word)
			bits |= token_kinds(d, &c->t.tok[k]);
	return bits;
}

unsigned
extract_described_name_kinds(struct extract_described *d, const char *name)
{
	unsigned bits = 0;
	size_t k;

	if (extract_text_set(&d->t, name, strlen(name)) != 0)
		return 0;
	for (k = 0; k < d->t.ntok; k++)
		if (d->t.tok[k].word)
			bits |= token_kinds(d, &d->t.tok[k]);
	return bits;
}

size_t
extract_described_anaphor(const struct extract_ctx *c, size_t k, unsigned *kinds)
{
	static const int heads[] = { D_NOUN, D_NAMED_NOUN, D_KIND_CEASEFIRE, D_KIND_STATEMENT };
	const struct extract_described *d = extractor_described(c->x);
	size_t i, at = phrase_at(c, D_ANAPHOR_DET, k);

	if (d == NULL || at == k || at >= c->t.ntok || !c->t.tok[at].word)
		return k;
	for (i = 0; i < ARRAY_LEN(heads); i++)
		if (phrase_at(c, heads[i], at) == at + 1)
			break;
	if (i == ARRAY_LEN(heads) || (*kinds = token_kinds(d, &c->t.tok[at])) & EXTRACT_KIND_UNMADE)
		return k;
	/* "the ceasefire regime", "bu atəşkəs rejimi": a word that may say
	 * what a text is about ([agreement-topics]) before a noun it makes
	 * a compound with ([topic-compounds], [agreement-nouns]) is that
	 * noun's, not a text's name; before a verb ("the ceasefire was
	 * violated", "bu atəşkəs pozulub") it is the text's */
	if (phrase_at(c, D_TOPIC, at) == at + 1 && (phrase_at(c, D_COMPOUND, at + 1) > at + 1 ||
	    phrase_at(c, D_NOUN, at + 1) > at + 1))
		return k;
	*kinds &= EXTRACT_KIND_AGREEMENT;
	return at + 1;
}

int
extract_described_event_head(const struct extract_ctx *c, size_t k)
{
	return k < c->t.ntok && phrase_at(c, D_EVENT_HEAD, k) == k + 1;
}

/* "соглашения о прекращении огня", "an agreement on a ceasefire": the
 * noun at AT (after K's modifier, if any) says what kind of text, and
 * what it is about follows a word of [agreement-links], past an article,
 * as a topic or a phrase of [agreement-subjects]; the token after it,
 * else K. */
static size_t
subject_after(const struct extract_ctx *c, size_t k, size_t at)
{
	size_t next = phrase_at(c, D_NOUN, at), end, other;

	if (next == at || (at = phrase_at(c, D_LINK, next)) == next)
		return k;
	if (at < c->t.ntok && c->ment_at[at] < 0 && (extract_cue_from(c, at, CUE_DETERMINER, &other) ||
	    extract_cue_from(c, at, CUE_QUANTIFIER, &other)))
		at = other + 1;
	if ((end = phrase_at(c, D_SUBJECT, at)) == at && (end = phrase_at(c, D_TOPIC, at)) == at)
		return k;
	return end;
}

/* Whether token K is a number of at most MAXLEN digits, free of
 * mentions; its value in *V. */
static int
digits_at(const struct extract_ctx *c, size_t k, uint32_t maxlen, long *v)
{
	const struct extract_tok *t = &c->t.tok[k];
	uint32_t i;

	if (k >= c->t.ntok || !t->word || c->ment_at[k] >= 0 || t->klen == 0 || t->klen > maxlen)
		return 0;
	for (*v = 0, i = 0; i < t->klen; i++) {
		if (t->key[i] < '0' || t->key[i] > '9')
			return 0;
		*v = *v * 10 + (t->key[i] - '0');
	}
	return 1;
}

/* "20-point", "three-phase", "60-day", "60-օրյա": a count (digits or a
 * word of [agreement-counts]), a hyphen or a space, and a word of
 * [agreement-measures]; the token after it, else K. */
static size_t
measure_at(const struct extract_ctx *c, size_t k)
{
	const struct extract_tok *t = c->t.tok;
	size_t at, next;
	long v;

	if (k >= c->t.ntok || (!digits_at(c, k, 3, &v) && phrase_at(c, D_COUNT, k) != k + 1))
		return k;
	at = k + 1;
	if (at + 1 < c->t.ntok && t[at].klen == 1 && t[at].key[0] == '-' && tight_before(c, at) &&
	    tight_before(c, at + 1))
		at++;
	return (next = phrase_at(c, D_MEASURE, at)) > at ? next : k;
}

/* "the 2015 agreement": "the" before K and a year at K. */
static int
dated_at(const struct extract_ctx *c, size_t k)
{
	size_t other;
	long y;

	return k > 0 && extract_cue_to(c, k - 1, CUE_DETERMINER, &other) && digits_at(c, k, 4, &y) &&
	    c->t.tok[k].klen == 4 && y >= 1900 && y <= 2099;
}

/* "latest ceasefire proposal": a modifier (optional), topics, a noun
 * from K; or a noun and what it is about after it (subject_after). A
 * measure or a year may come first ("the 20-point plan", "the 2015
 * nuclear deal"): then the noun needs no topic before it; after a
 * measure, a topic of [standalone-topics] needs no noun after it ("a
 * 60-day ceasefire"). The token after it, else K. */
static size_t
agreement_at(const struct extract_ctx *c, size_t k)
{
	size_t at = phrase_at(c, D_MODIFIER, k), next, topics = 0, and, last = 0;
	int measured = 0, sized = 0;

	if ((next = measure_at(c, at)) > at) {
		at = next;
		measured = sized = 1;
	} else if (at == k && dated_at(c, k)) {
		at = k + 1;
		measured = 1;
	}

	for (;;) {
		next = phrase_at(c, D_TOPIC, at);
		if (next == at)
			break;
		last = at;
		at = next;
		topics++;
		/* "hostage and ceasefire deal" */
		if (topics < MAX_TOPICS && at + 1 < c->t.ntok &&
		    extract_cue_from(c, at, CUE_AND, &and) && and == at &&
		    phrase_at(c, D_TOPIC, at + 1) > at + 1)
			at++;
		if (topics == MAX_TOPICS)
			break;
	}
	/* "atəşkəs haqqında razılaşma", "հրադադարի մասին համաձայնագիր" */
	if (topics > 0 && (next = phrase_at(c, D_POSTLINK, at)) > at &&
	    phrase_at(c, D_NOUN, next) > next)
		at = next;
	if (topics == 0 && !measured)
		return subject_after(c, k, at);
	if ((next = phrase_at(c, D_NOUN, at)) == at)
		return sized && topics > 0 && phrase_at(c, D_STANDALONE, last) == at ? at : k;
	return next;
}

/* The mention M (a place's, state's or body's) widened over [first,
 * last] into a found name of KIND. NAMED: M's entity is still named in
 * it ("the war in Gaza", "саммит ШОС"), not a word of a proper name
 * ("the Global Baku Forum"). */
static void
widen_into(struct extract_ctx *c, int m, size_t first, size_t last, enum kb_kind kind, int named)
{
	const char *name = extract_span_text(c, first, last);
	int cand = extract_candidate_add(c, name, kind);

	if (cand < 0)
		return;
	if (named)
		extract_keep_inner(c, m, first);
	extract_set_mention(c, m, first, last, -cand - 1, EXTRACT_CONTEXT);
}

/* The mention of the knowledge base's entity of kind KIND (or a place's
 * or state's, for KB_PLACE) ending (ENDS) or starting at token K, or -1. */
static int
mention_of(const struct extract_ctx *c, size_t k, int ends, enum kb_kind want)
{
	int m = k < c->t.ntok ? c->ment_at[k] : -1;
	enum kb_kind kind;

	if (m < 0 || c->m[m].entity < 0 || (ends ? c->m_last[m] : c->m_first[m]) != k)
		return -1;
	kind = c->kb->ents[c->m[m].entity].kind;
	if (want == KB_PLACE)
		return kind == KB_PLACE || kind == KB_STATE ? m : -1;
	return kind == want ? m : -1;
}

/* The place or state mention ending at token K, or -1. */
static int
where_at(const struct extract_ctx *c, size_t k, int ends)
{
	return mention_of(c, k, ends, KB_PLACE);
}

#define MAX_EVENT_WORDS 3     /* capitalized words of an event's name before its place */

/* Whether token K is a Roman numeral counting editions, I to C ("VIII",
 * "XXIV"): written as numerals are, tens then units, so that a word of
 * those letters ("CIVIL", "LI") is none. */
static int
roman_numeral(const struct extract_ctx *c, size_t k)
{
	static const char *const tens[] = { "", "x", "xx", "xxx", "xl", "l", "lx", "lxx", "lxxx", "xc" };
	static const char *const units[] = { "", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix" };
	const struct extract_tok *t = &c->t.tok[k];
	size_t i, j, n;

	if (t->klen == 0 || !t->upper || (!extract_tok_caps(&c->t, k) && t->klen > 1))
		return 0;
	if (t->klen == 1 && t->key[0] == 'c')
		return 1;
	for (i = 0; i < ARRAY_LEN(tens); i++) {
		n = strlen(tens[i]);
		if (n > t->klen || memcmp(t->key, tens[i], n) != 0)
			continue;
		for (j = 0; j < ARRAY_LEN(units); j++)
			if (strlen(units[j]) == t->klen - n && memcmp(t->key + n, units[j], t->klen - n) == 0)
				return i + j > 0;
	}
	return 0;
}

/* Where an event's name that holds its place at token FIRST starts:
 * capitalized words free of mentions, and an edition's Roman numeral,
 * just before the place ("VIII Qlobal Bakı Forumu", "the Global Baku
 * Forum"). */
static size_t
named_before(const struct extract_ctx *c, size_t first)
{
	size_t k = first, other, n = 0;

	while (k > 0 && n < MAX_EVENT_WORDS && c->t.tok[k - 1].word && c->t.tok[k - 1].upper &&
	    c->ment_at[k - 1] < 0 && !roman_numeral(c, k - 1) &&
	    /* a sentence's first word is capitalized whatever it is */
	    c->sent_tok[extract_sentence_of(c, k - 1)] != k - 1 &&
	    !extract_cue_from(c, k - 1, CUE_STOPWORD, &other) &&
	    !extract_cue_from(c, k - 1, CUE_SKIP, &other) &&
	    !extract_cue_from(c, k - 1, CUE_TITLE, &other) &&
	    !extract_cue_from(c, k - 1, CUE_MONTH, &other)) {
		k--;
		n++;
	}
	if (k > 0 && roman_numeral(c, k - 1) && c->ment_at[k - 1] < 0)
		k--;
	return k;
}

int
extract_described_event(struct extract_ctx *c, size_t first, size_t last, size_t words)
{
	int m = first > 0 ? where_at(c, first - 1, 1) : -1, cand;

	if (m >= 0) {
		widen_into(c, m, named_before(c, c->m_first[m]), last, KB_EVENT, 0);
		return 1;
	}
	if (words < 2)
		return 0;
	if ((cand = extract_candidate_add(c, extract_span_text(c, first, last), KB_EVENT)) >= 0)
		extract_add_mention(c, first, last, -cand - 1, EXTRACT_CONTEXT);
	return 1;
}

/* The mention of a place, state or body that ends, with a hyphen
 * written tight, just before mention M ("Russia-" of "Russia-Ukraine"),
 * or -1. */
static int
pair_before(const struct extract_ctx *c, int m)
{
	size_t f = c->m_first[m];
	int p;

	if (f < 2 || c->t.tok[f - 1].klen != 1 || c->t.tok[f - 1].key[0] != '-' ||
	    !tight_before(c, f - 1) || !tight_before(c, f))
		return -1;
	if ((p = where_at(c, f - 2, 1)) < 0)
		p = mention_of(c, f - 2, 1, KB_ORGANIZATION);
	return p;
}

/* Drops mention P, which a wider name takes in; the last mention moves
 * into its place. Returns the index mention M has after that. */
static int
drop_mention(struct extract_ctx *c, int p, int m)
{
	size_t last = c->nm - 1, k;

	for (k = c->m_first[p]; k <= c->m_last[p]; k++)
		c->ment_at[k] = -1;
	if ((size_t)p != last) {
		c->m[p] = c->m[last];
		c->m_first[p] = c->m_first[last];
		c->m_last[p] = c->m_last[last];
		for (k = c->m_first[p]; k <= c->m_last[p]; k++)
			c->ment_at[k] = p;
		if ((size_t)m == last)
			m = p;
	}
	c->nm--;
	return m;
}

/* "the Gaza war", "the war in Gaza": an event noun next to a place;
 * "the Russia-Ukraine war", "the Israel-Hamas war": next to a pair of
 * them, one a place or state, written with a hyphen. */
static size_t
event_at(struct extract_ctx *c, size_t k)
{
	size_t next = phrase_at(c, D_EVENT_NOUN, k), link, first;
	int m, p = -1;

	if (next == k || c->t.tok[k].upper)
		return k;
	if (k > 0 && ((m = where_at(c, k - 1, 1)) >= 0 ||
	    ((m = mention_of(c, k - 1, 1, KB_ORGANIZATION)) >= 0 && (p = pair_before(c, m)) >= 0 &&
	    where_at(c, c->m_last[p], 1) >= 0))) {
		if (p < 0)
			p = pair_before(c, m);
		first = p >= 0 ? c->m_first[p] : c->m_first[m];
		if (p >= 0)
			m = drop_mention(c, p, m);
		widen_into(c, m, first, next - 1, KB_EVENT, 1);
		return next;
	}
	link = phrase_at(c, D_EVENT_LINK, next);
	if (link > next && (m = where_at(c, link, 0)) >= 0 && c->m_last[m] == c->m_first[m]) {
		widen_into(c, m, k, c->m_last[m], KB_EVENT, 1);
		return c->m_last[m] + 1;
	}
	return k;
}

/* "the Washington agreement", "the Jeddah Declaration", "Vaşinqton
 * razılaşmalarının": a place or state named just before a word of
 * [named-agreement-nouns] names an agreement after the place it was
 * made in. In English, where a bare "Russian agreement" may be anybody's,
 * "the" before the place or a capitalized noun is wanted too; the other
 * languages have no such article. The token after it, else K. */
static size_t
named_agreement_at(struct extract_ctx *c, size_t k)
{
	size_t next = phrase_at(c, D_NAMED_NOUN, k), other, first;
	int m;

	if (next == k || k == 0 || (m = where_at(c, k - 1, 1)) < 0)
		return k;
	first = c->m_first[m];
	if (!c->t.tok[k].upper && (c->lang == NULL || c->lang->nendings == 0) &&
	    !(first > 0 && extract_cue_to(c, first - 1, CUE_DETERMINER, &other)))
		return k;
	widen_into(c, m, first, next - 1, KB_AGREEMENT, 1);
	return next;
}

/* "the NATO summit", "саммит ШОС", "ATƏT sammiti": a word of
 * [body-event-nouns] just after or before a body the knowledge base
 * knows is that body's meeting, an event. The token after it, else K. */
static size_t
body_event_at(struct extract_ctx *c, size_t k)
{
	size_t next = phrase_at(c, D_BODY_EVENT, k);
	int m;

	if (next == k)
		return k;
	if (k > 0 && (m = mention_of(c, k - 1, 1, KB_ORGANIZATION)) >= 0) {
		widen_into(c, m, c->m_first[m], next - 1, KB_EVENT, 1);
		return next;
	}
	if ((m = mention_of(c, next, 0, KB_ORGANIZATION)) >= 0) {
		widen_into(c, m, k, c->m_last[m], KB_EVENT, 1);
		return c->m_last[m] + 1;
	}
	return k;
}

/* The days a measure from K to AT says ("44-day": 44, "6-week": 42): a
 * count in digits and a unit of [length-*]; -1 for a length it cannot
 * read ("two-week", "a 20-point"), which must resolve to nothing. */
static long
length_days(const struct extract_ctx *c, size_t k, size_t at)
{
	static const struct {
		int cls;
		long days;
	} units[] = { { D_LEN_DAYS, 1 }, { D_LEN_WEEKS, 7 }, { D_LEN_MONTHS, 30 } };
	size_t i, u;
	long v;

	if (!digits_at(c, k, 3, &v))
		return -1;
	for (u = at; u-- > k + 1;)
		for (i = 0; i < ARRAY_LEN(units); i++)
			if (phrase_at(c, units[i].cls, u) == u + 1)
				return v * units[i].days;
	return -1;
}

#define FIRST_YEAR 1800    /* the earliest war a year names */

static int
key_is(const struct extract_tok *t, const char *s)
{
	return t->klen == strlen(s) && memcmp(t->key, s, t->klen) == 0;
}

/* Whether token K is a year an event may be dated by: four digits from
 * FIRST_YEAR to the article's year (to 2099 when it has no date), so
 * "3000 war veterans" names no war. */
static int
event_year_at(const struct extract_ctx *c, size_t k)
{
	long y, f, l, last = 2099;

	if (!digits_at(c, k, 4, &y) || c->t.tok[k].klen != 4)
		return 0;
	if (c->in->date != NULL && kb_date_range(c->in->date, &f, &l) == 0)
		last = f / 10000;
	return y >= FIRST_YEAR && y <= last;
}

/* Whether token K ends a determiner or is "a". */
static int
article_at(const struct extract_ctx *c, size_t k)
{
	size_t other;

	return extract_cue_to(c, k, CUE_DETERMINER, &other) || key_is(&c->t.tok[k], "a");
}

/* Whether the year at K stands where a year names a war: after "the",
 * "a" or "of" ("the 2020 war", "of 2020 war"), after "the" or "a" and
 * one lower-case word ("the bloody 2020 war"), after a possessive
 * ("Azerbaijan's 2020 war"), or as a possessive itself ("2020's war");
 * the word after it in *HEAD. "About 1990 war veterans" is a count of
 * people. */
static int
year_before_at(const struct extract_ctx *c, size_t k, size_t *head)
{
	const struct extract_tok *t = c->t.tok;

	if (!event_year_at(c, k))
		return 0;
	if (k + 2 < c->t.ntok && key_is(&t[k + 1], "'") && key_is(&t[k + 2], "s") &&
	    tight_before(c, k + 1) && tight_before(c, k + 2)) {
		*head = k + 3;
		return 1;
	}
	*head = k + 1;
	if (k >= 3 && key_is(&t[k - 1], "s") && key_is(&t[k - 2], "'") && t[k - 3].word &&
	    tight_before(c, k - 2) && tight_before(c, k - 1))
		return 1;
	if (k > 0 && (article_at(c, k - 1) || key_is(&t[k - 1], "of")))
		return 1;
	/* "the bloody 2020 war": one word between, not after "of" ("of
	 * about 1990 war veterans") */
	return k >= 2 && t[k - 1].word && !t[k - 1].upper &&
	    !(t[k - 1].key[0] >= '0' && t[k - 1].key[0] <= '9') && article_at(c, k - 2);
}

/* "the 2020 war", "the war of 2020", "the 1994 genocide": a year and a
 * word of [war-nouns] or of the genocide's and revolution's kinds, which
 * names an event only when the knowledge base holds the one it fits
 * (extract-resolve.c); the token after it, else K. "The 2020 war
 * veterans" names the war too. */
static size_t
dated_war_at(struct extract_ctx *c, size_t k)
{
	const struct extract_tok *t = c->t.tok;
	size_t at, next, head = k;
	int e;

	if (t[k].klen == 4 && !year_before_at(c, k, &head))
		head = k;
	if ((next = phrase_at(c, D_WAR_NOUN, head)) == head &&
	    (next = phrase_at(c, D_KIND_GENOCIDE, head)) == head &&
	    (next = phrase_at(c, D_KIND_REVOLUTION, head)) == head)
		return k;
	if (head == k) {
		/* "the war of 2020": the year must follow */
		at = next;
		if (at + 1 >= c->t.ntok || !(key_is(&t[at], "of") || key_is(&t[at], "in")) ||
		    !event_year_at(c, at + 1))
			return k;
		next = at + 2;
	}
	if ((e = extract_resolve(c, KB_EVENT, k, next - 1, 0)) < 0)
		return k;
	extract_add_mention(c, k, next - 1, e, EXTRACT_PATTERN);
	return next;
}

/* "the Russian-brokered ceasefire", "the U.S.-mediated truce": a state
 * named just before a hyphen and a word of [brokered] is a party of the
 * agreement after it, a topic or a noun (agreement_at). Named so, the
 * agreement is the knowledge base's one it fits, else nothing is taken
 * here; the token after it, else K. */
static size_t
brokered_at(struct extract_ctx *c, size_t k)
{
	const struct extract_tok *t = c->t.tok;
	size_t at, next;
	int m, e;

	if (k < 2 || t[k - 1].klen != 1 || t[k - 1].key[0] != '-' || !tight_before(c, k - 1) ||
	    !tight_before(c, k) || (m = where_at(c, k - 2, 1)) < 0 ||
	    c->kb->ents[c->m[m].entity].kind != KB_STATE ||
	    (at = phrase_at(c, D_BROKERED, k)) == k)
		return k;
	if ((next = agreement_at(c, at)) == at && (next = phrase_at(c, D_TOPIC, at)) == at)
		return k;
	if ((e = extract_resolve(c, KB_AGREEMENT, c->m_first[m], next - 1, 0)) < 0)
		return k;
	extract_set_mention(c, m, c->m_first[m], next - 1, e, EXTRACT_PATTERN);
	return next;
}

/* "the 12-day war", "44-дневной войны", "44 günlük müharibə",
 * "44-օրյա պատերազմ": a war told by its length, a measure and a word of
 * [war-nouns], is an event; a meeting so told ("a three-day summit") is
 * any such meeting, no one event. The token after it, else K. */
static size_t
measured_event_at(struct extract_ctx *c, size_t k)
{
	size_t at = measure_at(c, k), next;
	int cand, e;

	if (at == k || (next = phrase_at(c, D_WAR_NOUN, at)) == at)
		return k;
	if ((e = extract_resolve(c, KB_EVENT, k, next - 1, length_days(c, k, at))) >= 0) {
		extract_add_mention(c, k, next - 1, e, EXTRACT_PATTERN);
		return next;
	}
	cand = extract_candidate_add(c, extract_span_text(c, k, next - 1), KB_EVENT);
	if (cand >= 0)
		extract_add_mention(c, k, next - 1, -cand - 1, EXTRACT_CONTEXT);
	return next;
}

/* "Aysor.am", "news.am reports": a news site cited by its address is an
 * outlet. A word, a full stop and a domain of [outlet-domains], written
 * tight, that is no part of a longer address ("www.x.am", "x.am/news"; a
 * full stop and the end of the paragraph after it are none): the token
 * after it, else K. */
static size_t
outlet_at(struct extract_ctx *c, size_t k)
{
	const struct extract_tok *t = c->t.tok;
	size_t end;
	int cand;

	if (k + 2 >= c->t.ntok || !t[k].word || t[k + 1].klen != 1 || t[k + 1].key[0] != '.' ||
	    !tight_before(c, k + 1) || !tight_before(c, k + 2) ||
	    (end = phrase_at(c, D_DOMAIN, k + 2)) != k + 3)
		return k;
	if ((tight_before(c, k) && (t[k - 1].word || (t[k - 1].klen == 1 &&
	    strchr("./@:", t[k - 1].key[0]) != NULL))) || (end < c->t.ntok && tight_before(c, end) && t[end].klen == 1 &&
	    (t[end].key[0] == '/' || t[end].key[0] == '.') && end + 1 < c->t.ntok &&
	    tight_before(c, end + 1) && t[end + 1].word))
		return k;
	cand = extract_candidate_add(c, extract_span_text(c, k, k + 2), KB_ORGANIZATION);
	if (cand >= 0)
		extract_add_mention(c, k, k + 2, -cand - 1, EXTRACT_CONTEXT);
	return end;
}

#define MAX_OUTLET_WORDS 5    /* words of an outlet's name in quotation marks */
#define MAX_OUTLET_RUN 3      /* capitalized words of one not quoted */

/* Whether token K is a quotation mark. */
static int
quote_mark(const struct extract_tok *t)
{
	return (t->klen == 1 && t->key[0] == '"') || (t->klen == 2 && (memcmp(t->key, "\xC2\xAB", 2) == 0 ||
	    memcmp(t->key, "\xC2\xBB", 2) == 0)) || (t->klen == 3 &&
	    (memcmp(t->key, "\xE2\x80\x9C", 3) == 0 || memcmp(t->key, "\xE2\x80\x9D", 3) == 0 ||
	    memcmp(t->key, "\xE2\x80\x9E", 3) == 0));
}

/* Whether tokens [first, last] may be an outlet's name: free of
 * mentions, holding a word, no sentence's end inside. */
static int
outlet_words(const struct extract_ctx *c, size_t first, size_t last)
{
	size_t k, words = 0;

	if (first > last || last - first >= MAX_OUTLET_WORDS || !extract_free(c, first, last))
		return 0;
	for (k = first; k <= last; k++) {
		if (c->t.tok[k].word)
			words++;
		else if (quote_mark(&c->t.tok[k]) || c->t.tok[k].key[0] == ',' ||
		    c->t.tok[k].key[0] == '!' || c->t.tok[k].key[0] == '?')
			return 0;
	}
	return words > 0;
}

/* A word's case ending written tight after the name ending at K
 * ("\"Report\"un"): the name's last token, else K. */
static size_t
suffix_before(const struct extract_ctx *c, size_t k)
{
	const struct extract_tok *t = c->t.tok;

	if (k >= 2 && tight_before(c, k) && t[k].word && !t[k].upper &&
	    letters(t[k].key, t[k].klen) <= 4 && (quote_mark(&t[k - 1]) ||
	    (t[k - 1].klen == 1 && (t[k - 1].key[0] == '\'' || t[k - 1].key[0] == '-'))))
		return k - 1;
	return k;
}

/* Whether token K may be a word of an outlet's name written without
 * quotation marks: capitalized, no mention and no cue word. */
static int
outlet_word(const struct extract_ctx *c, size_t k)
{
	const struct extract_tok *t = &c->t.tok[k];
	size_t other;

	return t->word && t->upper && c->ment_at[k] < 0 &&
	    !extract_cue_from(c, k, CUE_STOPWORD, &other) && !extract_cue_from(c, k, CUE_SKIP, &other) &&
	    !extract_cue_from(c, k, CUE_PRONOUN, &other) &&
	    !extract_cue_from(c, k, CUE_POSSESSIVE, &other) &&
	    !extract_cue_from(c, k, CUE_DETERMINER, &other) &&
	    !extract_cue_from(c, k, CUE_MONTH, &other) && !extract_cue_from(c, k, CUE_TITLE, &other) &&
	    !extract_cue_in(c, k, CUE_BACKREF) && !extract_cue_in(c, k, CUE_NEUTER);
}

/* The outlet's name that ends at token LAST: in quotation marks ("“Ölkə.Az”
 * xəbər verir", "” turanın səsi ” xəbər verir"), or one capitalized word
 * ("APA xəbər verir"): its first token, and its last in *END, or
 * SIZE_MAX. */
static size_t
outlet_ending(const struct extract_ctx *c, size_t last, size_t *end)
{
	const struct extract_tok *t = c->t.tok;
	size_t k;

	if (quote_mark(&t[last])) {
		for (k = last; k-- > 0 && last - k <= MAX_OUTLET_WORDS + 1;)
			if (quote_mark(&t[k])) {
				*end = last - 1;
				return outlet_words(c, k + 1, last - 1) ? k + 1 : SIZE_MAX;
			}
		return SIZE_MAX;
	}
	*end = last;
	if (!t[last].word || !t[last].upper || c->ment_at[last] >= 0)
		return SIZE_MAX;
	/* "İctimai Rəy xəbər verir": the capitalized words before it in
	 * the sentence, no cue word ("Bunu APA xəbər verir") */
	for (k = last; k > 0 && last - k + 1 < MAX_OUTLET_RUN && outlet_word(c, k - 1) &&
	    extract_sentence_of(c, k - 1) == extract_sentence_of(c, last);)
		k--;
	return k;
}

/* Whether the quotation [first, last] after a verb of writing reads as
 * what was written, not as who wrote it ("пишет «мы готовы к диалогу»"):
 * a lower-case first word, more words than a name has, or a sentence's
 * end at its end. */
static int
quoted_clause(const struct extract_ctx *c, size_t first, size_t last)
{
	const struct extract_tok *t = c->t.tok;
	size_t k, words = 0;

	for (k = first; k <= last; k++)
		words += t[k].word;
	if (!t[first].word || !t[first].upper || words > MAX_OUTLET_RUN)
		return 1;
	return (t[last].klen == 1 && strchr(".;:", t[last].key[0]) != NULL) ||
	    (t[last].klen == 3 && memcmp(t[last].key, "\xE2\x80\xA6", 3) == 0);
}

/* Whether the one capitalized word at token K after the verb of writing
 * at token VERB looks like an outlet's name, not a surname ("пишет
 * Смирнов"): in capitals ("пишет РБК"), in Latin letters where the verb
 * is in another script ("пишет Bloomberg"), or a word, a full stop and a
 * word written tight ("пишет Ölkə.Az"); the name's last token in *END. */
static int
outlet_alone(const struct extract_ctx *c, size_t verb, size_t k, size_t *end)
{
	const struct extract_tok *t = c->t.tok;
	unsigned char lead = (unsigned char)c->t.s[t[k].start];

	*end = k;
	if (k + 2 < c->t.ntok && t[k + 1].klen == 1 && t[k + 1].key[0] == '.' && tight_before(c, k + 1) &&
	    tight_before(c, k + 2) && t[k + 2].word && c->ment_at[k + 2] < 0) {
		*end = k + 2;
		return 1;
	}
	return extract_tok_caps(&c->t, k) || (lead < 0x80 &&
	    (unsigned char)c->t.s[t[verb].start] >= 0x80);
}

/* The outlet's name that starts at token FIRST, after the verb of
 * writing at VERB, likewise ("сообщает «Интерфакс»", "пишет Bloomberg"):
 * its first token, its last in *END, or SIZE_MAX. Two or three
 * capitalized words unquoted may be a person's name ("пишет Иван
 * Петров"): only one is taken, and only one that looks like no surname. */
static size_t
outlet_starting(const struct extract_ctx *c, size_t verb, size_t first, size_t *end)
{
	const struct extract_tok *t = c->t.tok;
	size_t k;

	if (first >= c->t.ntok)
		return SIZE_MAX;
	if (quote_mark(&t[first])) {
		for (k = first + 1; k < c->t.ntok && k - first <= MAX_OUTLET_WORDS + 1; k++)
			if (quote_mark(&t[k])) {
				*end = k - 1;
				return k > first + 1 && outlet_words(c, first + 1, k - 1) &&
				    !quoted_clause(c, first + 1, k - 1) ? first + 1 : SIZE_MAX;
			}
		return SIZE_MAX;
	}
	if (!t[first].word || !t[first].upper || c->ment_at[first] >= 0 ||
	    (first + 1 < c->t.ntok && t[first + 1].word && t[first + 1].upper) ||
	    !outlet_alone(c, verb, first, end))
		return SIZE_MAX;
	return first;
}

/* "“Ölkə.Az” xəbər verir", "\"Report\"un məlumatına görə", "сообщает
 * «Интерфакс»": a news outlet cited for what follows, by the words of
 * [outlet-cited-after] after its name or of [outlet-cited-before] before
 * it, is an organization. The token after what was read, else K. */
static size_t
cited_outlet_at(struct extract_ctx *c, size_t k)
{
	size_t next, first, end, last;
	int cand;

	if ((next = phrase_at(c, D_CITED_AFTER, k)) > k && k > 0 &&
	    (first = outlet_ending(c, suffix_before(c, k - 1), &end)) != SIZE_MAX) {
		last = end;
	} else if ((next = phrase_at(c, D_CITED_BEFORE, k)) > k) {
		/* "հաղորդում է Caliber.Az-ը": a site by its address */
		if ((end = outlet_at(c, next)) > next)
			return end;
		if ((first = outlet_starting(c, k, next, &end)) == SIZE_MAX)
			return k;
		last = end;
		next = end + 1;
	} else
		return k;
	cand = extract_candidate_add(c, extract_span_text(c, first, last), KB_ORGANIZATION);
	if (cand >= 0)
		extract_add_mention(c, first, last, -cand - 1, EXTRACT_CONTEXT);
	return next;
}

/* "ԱԳՆ-ից", "Bakanlığı'nın": a case ending written after a hyphen or an
 * apostrophe, tight, belongs to the name ending at LAST; the name's last
 * token. */
static size_t
with_ending(const struct extract_ctx *c, size_t last)
{
	const struct extract_tok *t = c->t.tok;

	if (last + 2 < c->t.ntok && tight_before(c, last + 1) && tight_before(c, last + 2) &&
	    t[last + 1].klen == 1 && (t[last + 1].key[0] == '-' || t[last + 1].key[0] == '\'') &&
	    t[last + 2].word && !t[last + 2].upper && letters(t[last + 2].key, t[last + 2].klen) <= 4 &&
	    c->ment_at[last + 2] < 0)
		return last + 2;
	return last;
}

/* The nearest ministry of the knowledge base before token K whose name
 * starts with PREFIX ("Ministry of Foreign Affairs of "), or -1. */
static int
ministry_before(const struct extract_ctx *c, size_t k, const char *prefix)
{
	size_t n = strlen(prefix);
	int m, e;

	while (k-- > 0) {
		if ((m = c->ment_at[k]) < 0 || (e = c->m[m].entity) < 0)
			continue;
		if (c->kb->ents[e].kind == KB_ORGANIZATION &&
		    strncmp(c->kb->ents[e].name, prefix, n) == 0)
			return e;
		k = c->m_first[m];
	}
	return -1;
}

/* "МИД", "ԱԳՆ-ից", "Dışişleri Bakanlığı", "the foreign ministry": a
 * ministry named without its state is the one of that kind named last,
 * else a found organization under the words the text uses. A state
 * just before it ("Russia's foreign ministry") is the knowledge base's
 * part, not this one's, and a title's words ("Глава МИД") are the
 * title's: nothing is found then. */
static size_t
ministry_at(struct extract_ctx *c, size_t k)
{
	static const struct {
		int cls;
		const char *prefix;
	} kinds[] = {
		{ D_FOREIGN_MINISTRY, "Ministry of Foreign Affairs of " },
		{ D_DEFENCE_MINISTRY, "Ministry of Defence of " },
	};
	size_t i, next, last, before = k;
	int e, cand;

	if (k >= 2 && c->t.tok[k - 1].klen == 1 && c->t.tok[k - 1].key[0] == 's' &&
	    c->t.tok[k - 2].klen == 1 && c->t.tok[k - 2].key[0] == '\'')
		before = k - 2;
	/* nor in a title: "Глава МИД", "foreign ministry spokesperson" */
	if ((before > 0 && where_at(c, before - 1, 1) >= 0) || extract_cue_in(c, k, CUE_TITLE))
		return k;
	for (i = 0; i < ARRAY_LEN(kinds); i++) {
		if ((next = phrase_at(c, kinds[i].cls, k)) == k)
			continue;
		last = with_ending(c, next - 1);
		if ((e = ministry_before(c, k, kinds[i].prefix)) >= 0) {
			extract_add_mention(c, k, last, e, EXTRACT_ANAPHORA);
			return last + 1;
		}
		cand = extract_candidate_add(c, extract_span_text(c, k, last), KB_ORGANIZATION);
		if (cand >= 0)
			extract_add_mention(c, k, last, -cand - 1, EXTRACT_CONTEXT);
		return last + 1;
	}
	return k;
}

/* A day of the month at K ("7", "7th"), free of mentions. */
static int
day_at(const struct extract_ctx *c, size_t k)
{
	const struct extract_tok *t = &c->t.tok[k];
	long d = 0;
	uint32_t i;

	if (k >= c->t.ntok || !t->word || c->ment_at[k] >= 0 || t->klen > 4)
		return 0;
	for (i = 0; i < t->klen && t->key[i] >= '0' && t->key[i] <= '9'; i++)
		d = d * 10 + (t->key[i] - '0');
	return i > 0 && (i == t->klen || t->klen - i == 2) && d >= 1 && d <= 31;
}

#define DATED_EVENT_GAP 2   /* "the October 7 terror onslaught" */

/* "the October 7 attack", "the 7 October terror onslaught": a day and
 * its month, at most DATED_EVENT_GAP words, and a word of
 * [dated-event-nouns]: the token after it, else K. */
static size_t
dated_event_at(struct extract_ctx *c, size_t k)
{
	size_t e, at, next, gap;
	int cand;

	if (extract_cue_from(c, k, CUE_MONTH, &e) && extract_free(c, k, e) && day_at(c, e + 1))
		at = e + 2;
	else if (day_at(c, k) && extract_cue_from(c, k + 1, CUE_MONTH, &e) && extract_free(c, k + 1, e))
		at = e + 1;
	else
		return k;
	for (gap = 0; gap <= DATED_EVENT_GAP && at < c->t.ntok; gap++, at++) {
		if ((next = phrase_at(c, D_DATED_EVENT, at)) > at) {
			cand = extract_candidate_add(c, extract_span_text(c, k, next - 1), KB_EVENT);
			if (cand >= 0)
				extract_add_mention(c, k, next - 1, -cand - 1, EXTRACT_CONTEXT);
			return next;
		}
		if (!c->t.tok[at].word || c->ment_at[at] >= 0)
			return k;
	}
	return k;
}

#define JOINT_DATE_GAP 4     /* "the declaration of November 9, 2020" */
#define JOINT_SIGNED_GAP 14  /* "signed by the leaders of Armenia, Russia, and Azerbaijan on" */

/* The month named from K, 1 to 12, its last token in *END; else 0. */
static long
month_from(const struct extract_ctx *c, size_t k, size_t *end)
{
	uint32_t i;

	if (k >= c->t.ntok || !extract_cue_from(c, k, CUE_MONTH, end))
		return 0;
	for (i = c->cue_first[k]; i != UINT32_MAX; i = c->next_first[i])
		if (EXTRACT_CUE_CLASS(c->cue[i].payload) == CUE_MONTH && c->cue[i].last == *end)
			return (long)EXTRACT_CUE_VALUE(c->cue[i].payload);
	return 0;
}

/* The day of the month at K (day_at), else 0. */
static long
day_value(const struct extract_ctx *c, size_t k)
{
	long d;

	return k < c->t.ntok && day_at(c, k) && digits_at(c, k, 2, &d) ? d : 0;
}

/* A year at K, 1900 to 2099, else 0. */
static long
year_value(const struct extract_ctx *c, size_t k)
{
	long y;

	return k < c->t.ntok && c->t.tok[k].klen == 4 && digits_at(c, k, 4, &y) && y >= 1900 &&
	    y <= 2099 ? y : 0;
}

/* The date written after a text's name ending at LAST, in its sentence:
 * "of November 9", "of 9 November 2020", "от 9 ноября 2020 года", ",
 * принятая 9 ноября 2020 года", "signed by the leaders of Armenia,
 * Russia, and Azerbaijan on November 9, 2020": its year, month and day
 * in Y, M, D, each 0 when not said (M -1 for a day of the week, which
 * is the article's week's). A month's day is the number just
 * before or after it; the night of "9-10 November" is its second day,
 * which names the same text. */
static void
date_after(const struct extract_ctx *c, size_t last, long *y, long *m, long *d)
{
	size_t k, end, hi = c->sent_tok[extract_sentence_of(c, last) + 1], next;
	unsigned gap, limit = JOINT_DATE_GAP;
	long v;

	*y = *m = *d = 0;
	/* the gap counts words: "of 25-26 November" is three of them */
	for (k = last + 1, gap = 0; k < hi && gap < limit; gap += c->t.tok[k].word, k++) {
		if ((v = year_value(c, k)) > 0) {
			*y = v;
			return;
		}
		if ((v = month_from(c, k, &end)) > 0) {
			if (*m > 0)
				return;
			*m = v;
			if ((*d = k > last + 1 ? day_value(c, k - 1) : 0) == 0 &&
			    (*d = day_value(c, end + 1)) > 0)
				end++;
			k = end;
			continue;
		}
		/* after the month only its day's comma, then the year */
		if (*m > 0 && !(c->t.tok[k].klen == 1 && c->t.tok[k].key[0] == ','))
			return;
		/* "signed by the three leaders, which Azerbaijan says Armenia
		 * broke on ...": after the signers a comma only goes on to
		 * another of them */
		if (limit > JOINT_DATE_GAP && key_is(&c->t.tok[k], ",") && k + 1 < hi &&
		    !extract_cue_from(c, k + 1, CUE_AND, &next) &&
		    (c->ment_at[k + 1] < 0 || !extract_is_actor(c, c->m[c->ment_at[k + 1]].entity)))
			return;
		if (!c->t.tok[k].word || day_value(c, k) > 0 || phrase_at(c, D_DATE_LINK, k) > k)
			continue;
		/* "signed at the White House on Friday": a day of the
		 * article's week, no past text's */
		if (phrase_at(c, D_WEEKDAY, k) > k) {
			*y = *d = 0;
			*m = -1;
			return;
		}
		if ((next = phrase_at(c, D_SIGNED, k)) > k) {
			k = next - 1;
			limit = gap + JOINT_SIGNED_GAP;
			continue;
		}
		/* "signed by the leaders of ...": words up to the date */
		if (limit == JOINT_DATE_GAP)
			return;
	}
}

#define JOINT_BEFORE_GAP 10  /* "2020 թվականի նոյեմբերի 9-ի" */

/* Whether a word that may be a date's stands before FIRST in its
 * sentence, at most JOINT_BEFORE_GAP words back: a month in any letter
 * case, or a day with its ending ("26th", "26-da", "26-ի"). */
static int
date_word_before(const struct extract_ctx *c, size_t first)
{
	size_t lo = c->sent_tok[extract_sentence_of(c, first)], k, end;
	unsigned gap = 0;
	long v;

	for (k = first; k > lo && gap < JOINT_BEFORE_GAP; k--) {
		gap += c->t.tok[k - 1].word;
		if (extract_cue_from(c, k - 1, CUE_MONTH_WORD, &end))
			return 1;
		if (day_at(c, k - 1) && !digits_at(c, k - 1, 4, &v))
			return 1;
		if (digits_at(c, k - 1, 2, &v) && v >= 1 && v <= 31 && k + 1 < c->t.ntok &&
		    key_is(&c->t.tok[k], "-") && tight_before(c, k) && tight_before(c, k + 1) &&
		    c->t.tok[k + 1].word)
			return 1;
	}
	return 0;
}

/* The date written before a text's name starting at FIRST, in its
 * sentence, as Azerbaijani and Armenian write it: "10 noyabr 2020-ci il
 * tarixli bəyanat", "2020 թվականի նոյեմբերի 9-ի հայտարարություն". Its
 * year, month and day in Y, M, D (each 0 when not said; a day only with
 * its month) and its first token in *START (FIRST when none). Only
 * numbers, months, hyphens and words of [date-before-words] and
 * [signed] stand between the name and the date. */
static void
date_before(const struct extract_ctx *c, size_t first, long *y, long *m, long *d, size_t *start)
{
	size_t lo = c->sent_tok[extract_sentence_of(c, first)], k = first, from, end;
	long v, day = 0;
	unsigned gap;

	*y = *m = *d = 0;
	*start = first;
	for (gap = 0; k > lo && gap < JOINT_BEFORE_GAP; gap++) {
		const struct extract_tok *t = &c->t.tok[--k];

		if (c->ment_at[k] >= 0)
			break;
		if ((v = year_value(c, k)) > 0) {
			if (*y > 0)
				break;
			*y = v;
		} else if (extract_cue_to(c, k, CUE_MONTH, &from) && from >= lo &&
		    (v = month_from(c, from, &end)) > 0 && end == k) {
			if (*m > 0)
				break;
			*m = v;
			k = from;
		} else if ((v = day_value(c, k)) > 0) {
			if (day > 0)
				break;
			day = v;
		} else if ((t->klen == 1 && t->key[0] == '-') ||
		    (t->word && (phrase_at(c, D_DATE_BEFORE, k) == k + 1 ||
		    phrase_at(c, D_SIGNED, k) == k + 1))) {
			continue;
		} else {
			break;
		}
		*start = k;
	}
	if (*m > 0)
		*d = day;
}

int
extract_described_one_side(const struct extract_ctx *c, size_t k, int three)
{
	int m, e;

	if (k >= 2 && key_is(&c->t.tok[k - 1], "s") && key_is(&c->t.tok[k - 2], "'") &&
	    tight_before(c, k - 1) && tight_before(c, k - 2))
		return 1;
	if (k == 0 || (m = c->ment_at[k - 1]) < 0 || c->m_last[m] != k - 1)
		return 0;
	e = c->m[m].entity;
	if (e >= 0 && c->kb->ents[e].kind == KB_PLACE)
		return 1;
	return !three && extract_is_actor(c, e);
}

/* A statement or declaration three states signed, by its date or by
 * being three parties': "the trilateral statement", "the trilateral
 * declaration of November 9", "заявления от 9 ноября 2020 года",
 * "трёхсторонняя декларация, принятая 9 ноября 2020 года", "üçtərəfli
 * bəyanat", "եռակողմ հայտարարություն", "the 2020 trilateral statement".
 * Only the knowledge base's one it fits (extract_resolve_statement) is
 * taken. The token after it, else K. */
static size_t
joint_statement_at(struct extract_ctx *c, size_t k)
{
	size_t at = k, three, next, from = k, other;
	long before = 0, y, m, d;
	int e;

	if (dated_at(c, k)) {
		before = year_value(c, k);
		at = k + 1;
	}
	three = phrase_at(c, D_THREE_PARTY, at);
	if ((next = phrase_at(c, D_KIND_STATEMENT, three)) == three)
		return k;
	if (extract_described_one_side(c, k, three > at))
		return k;
	date_after(c, next - 1, &y, &m, &d);
	if (m < 0)
		return k;
	if (y == 0)
		y = before;
	if (y == 0 && m == 0) {
		date_before(c, k, &y, &m, &d, &from);
		/* "noyabrın 26-da imzalanmış ...", a date written but not
		 * read: some text of that day, not the first of its parties */
		if (y == 0 && m == 0 && date_word_before(c, k))
			return k;
	}
	/* "a trilateral statement", "two trilateral statements", "the
	 * latest trilateral statement", no date said: a new one, or one of
	 * several, not the first */
	if (y == 0 && m == 0 && k > 0 && (extract_cue_to(c, k - 1, CUE_QUANTIFIER, &other) ||
	    phrase_at(c, D_MODIFIER, k - 1) == k))
		return k;
	if ((e = extract_resolve_statement(c, from, next - 1, y, m, d)) < 0)
		return k;
	extract_add_mention(c, from, next - 1, e, EXTRACT_PATTERN);
	return next;
}

/* An agreement described (agreement_at): the knowledge base's one it
 * fits, else a found name under the words the text uses. The token
 * after it, else K. */
static size_t
described_agreement_at(struct extract_ctx *c, size_t k)
{
	size_t next = agreement_at(c, k);
	int e, cand;

	if (next == k)
		return k;
	if ((e = extract_resolve(c, KB_AGREEMENT, k, next - 1, 0)) >= 0)
		extract_add_mention(c, k, next - 1, e, EXTRACT_PATTERN);
	else if ((cand = extract_candidate_add(c, extract_span_text(c, k, next - 1),
	    KB_AGREEMENT)) >= 0)
		extract_add_mention(c, k, next - 1, -cand - 1, EXTRACT_CONTEXT);
	return next;
}

void
extract_described(struct extract_ctx *c)
{
	size_t k, next;

	if (extractor_described(c->x) == NULL)
		return;
	for (k = 0; k < c->t.ntok; k++) {
		if (c->ment_at[k] >= 0 || !c->t.tok[k].word)
			continue;
		if ((next = brokered_at(c, k)) > k || (next = dated_war_at(c, k)) > k ||
		    (next = joint_statement_at(c, k)) > k || (next = described_agreement_at(c, k)) > k ||
		    (next = named_agreement_at(c, k)) > k || (next = body_event_at(c, k)) > k ||
		    (next = event_at(c, k)) > k || (next = outlet_at(c, k)) > k ||
		    (next = ministry_at(c, k)) > k || (next = dated_event_at(c, k)) > k ||
		    (next = cited_outlet_at(c, k)) > k || (next = measured_event_at(c, k)) > k)
			k = next - 1;
	}
}
