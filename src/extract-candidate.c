/*
 * extract-candidate.c: names the knowledge base does not know yet, typed by
 * the words around them (data/names.txt). News style introduces a person
 * with a title and the full name ("Turkish Foreign Minister Hakan Fidan",
 * "Mr Witkoff") or an apposition ("Majed al-Ansari, the spokesperson of
 * ..."), then uses the surname alone; an organization's or agreement's
 * name holds its head noun ("Federal Security Service", "Abraham Accords",
 * "the Doha agreement"); a place stands before a place noun ("Kursk
 * region"), after "the city of", or after "in". A run of capitalized words
 * (with "of", "bin" and the like between them) claimed by no alias becomes
 * a candidate entity of that kind; later uses of a person's surname are
 * its mentions too. Candidates are shown apart, as found, until the user
 * promotes or dismisses them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "extract-int.h"

#define MAX_NAME_WORDS 4      /* a person's name */
#define MAX_BODY_WORDS 8      /* "Organization for Security and Co-operation in Europe" */
#define MAX_PLACE_WORDS 3     /* a place alone after "in" */
#define MAX_TITLE_TAIL 4      /* words between a title and the name */
#define MAX_APPOSITION_REACH 10 /* tokens from a title to the comma before
                                   the name it is in apposition with */
#define MAX_VERB_REACH 8     /* adverbs and auxiliaries between a name and its verb */
#define MAX_ASIDE 20          /* tokens of an aside between a name and its verb */
#define MAX_SYLLABLE 5        /* bytes of a romanized Korean syllable ("chung") */
#define MAX_ACRONYM 8         /* letters of an abbreviation defined in the text */
#define MAX_SMALL_WORD 3      /* letters of a word no abbreviation takes a letter
                                 from ("of", "for", "the", "о", "по") */

static int
is_key(const struct extract_tok *k, const char *s)
{
	return k->klen == strlen(s) && memcmp(k->key, s, k->klen) == 0;
}

/* Whether token K may be part of a name: a capitalized word that is no
 * cue word ("Tuesday", "The", "He", "В") and no other mention. */
static int
name_word(const struct extract_ctx *c, size_t k)
{
	const struct extract_tok *t;
	size_t other;

	if (k >= c->t.ntok)
		return 0;
	t = &c->t.tok[k];
	if (!t->word || !t->upper || c->ment_at[k] >= 0)
		return 0;
	return !extract_cue_from(c, k, CUE_STOPWORD, &other) &&
	    !extract_cue_from(c, k, CUE_SKIP, &other) &&
	    !extract_cue_from(c, k, CUE_PRONOUN, &other) &&
	    !extract_cue_from(c, k, CUE_POSSESSIVE, &other) &&
	    !extract_cue_from(c, k, CUE_MONTH, &other) &&
	    !extract_cue_from(c, k, CUE_TITLE, &other) &&
	    /* "В Газпроме заявили": a sentence's first preposition */
	    !(extract_cue_from(c, k, CUE_LOCATIVE, &other) && other == k);
}

/* A hyphen written tight between tokens K - 1 and K + 1. */
static int
tight_hyphen(const struct extract_ctx *c, size_t k)
{
	const struct extract_tok *t = c->t.tok;

	return k > 0 && k + 1 < c->t.ntok && is_key(&t[k], "-") && t[k].start == t[k - 1].end &&
	    t[k + 1].start == t[k].end;
}

/* A lower-case particle ("bin", "al-"), or with BODY a joiner ("of"),
 * at K that a name word follows: the token after it, else 0. */
static size_t
joiner_at(const struct extract_ctx *c, size_t k, int body)
{
	size_t other;

	if (k >= c->t.ntok || c->t.tok[k].upper)
		return 0;
	if (!extract_cue_from(c, k, CUE_PARTICLE, &other) &&
	    !(body && extract_cue_from(c, k, CUE_JOINER, &other)))
		return 0;
	if (name_word(c, other + 1))
		return other + 1;
	if (tight_hyphen(c, other + 1) && name_word(c, other + 2))
		return other + 2;
	return 0;
}

/* A Korean given name is two syllables joined by a hyphen, the second in
 * lower case ("Kim Yong-chol", "Moon Jae-in", "Chung Eui-yong", the
 * Revised Romanization's and McCune-Reischauer's usual spelling in
 * English news): the token ending it when K, the first syllable, is the
 * second word of the name (after the family name) and both syllables are
 * short, else 0. A capitalized word before a longer lower-case word
 * ("Moscow-based") is no such name. */
static size_t
given_syllable(const struct extract_ctx *c, size_t k, size_t words)
{
	const struct extract_tok *t = c->t.tok;
	size_t i;

	if (words != 2 || !tight_hyphen(c, k + 1) || k + 2 >= c->t.ntok || !t[k + 2].word ||
	    t[k + 2].upper || t[k].klen > MAX_SYLLABLE || t[k + 2].klen > MAX_SYLLABLE)
		return 0;
	for (i = 0; i < t[k + 2].klen; i++)
		if (t[k + 2].key[i] < 'a' || t[k + 2].key[i] > 'z')
			return 0;
	return k + 2;
}

/* The name starting at K: its last token, or K - 1 when there is none.
 * Hyphens join ("Amir-Abdollahian"), as do particles ("Badr bin Hamad
 * al-Busaidi") and, in the name of a BODY, joiners ("Ministry of Foreign
 * Affairs"). *WORDS counts its capitalized words. */
static size_t
name_run(const struct extract_ctx *c, size_t k, size_t max, int body, size_t *words)
{
	size_t last = k - 1, next;

	*words = 0;
	while (*words < max && name_word(c, k)) {
		last = k;
		(*words)++;
		if (!body && (next = given_syllable(c, k, *words)) != 0) {
			last = next;
			break;
		}
		next = tight_hyphen(c, k + 1) ? k + 2 : 0;
		if (next != 0 && !name_word(c, next))
			next = joiner_at(c, next, body);
		if (next == 0)
			next = joiner_at(c, k + 1, body);
		k = next != 0 ? next : k + 1;
	}
	return last;
}

char *
extract_span_text(const struct extract_ctx *c, size_t first, size_t last)
{
	struct buf b;
	size_t k;
	char *s;

	buf_init(&b);
	for (k = first; k <= last; k++) {
		if (k > first && c->t.tok[k].start > c->t.tok[k - 1].end)
			buf_addc(&b, ' ');
		buf_add(&b, c->in->body + c->t.tok[k].start, c->t.tok[k].end - c->t.tok[k].start);
	}
	s = arena_strndup(c->a, b.data ? b.data : "", b.len);
	buf_free(&b);
	return s;
}

static int
add_candidate(struct extract_ctx *c, const char *name, enum kb_kind kind, const char *role)
{
	size_t i;

	for (i = 0; i < c->ncand; i++)
		if (strcmp(c->cand[i].name, name) == 0)
			return c->cand[i].kind == kind ? (int)i : -1;
	if (c->ncand == c->candcap) {
		c->candcap = c->candcap ? c->candcap * 2 : 8;
		c->cand = xreallocarray(c->cand, c->candcap, sizeof *c->cand);
	}
	c->cand[c->ncand].name = name;
	c->cand[c->ncand].kind = kind;
	c->cand[c->ncand].role = role;
	return (int)c->ncand++;
}

int
extract_candidate_add(struct extract_ctx *c, const char *name, enum kb_kind kind)
{
	if (kb_find(c->kb, name) >= 0)
		return -1;
	return add_candidate(c, name, kind, NULL);
}

/* Records NAME as a candidate of KIND mentioned over [first, last], unless
 * the knowledge base knows the name (or the user dismissed it). Returns
 * the candidate's number or -1. */
static int
found(struct extract_ctx *c, size_t first, size_t last, const char *name, enum kb_kind kind,
    const char *role, enum extract_how how)
{
	int cand;

	if (kb_find(c->kb, name) >= 0 || !extract_free(c, first, last))
		return -1;
	if ((cand = add_candidate(c, name, kind, role)) >= 0)
		extract_add_mention(c, first, last, -cand - 1, how);
	return cand;
}

/* "Turkish Foreign Minister": the title held for the state before it. */
static const char *
role_of(struct extract_ctx *c, size_t tf, size_t tl)
{
	int m = tf > 0 ? c->ment_at[tf - 1] : -1;
	const char *title = extract_span_text(c, tf, tl);
	char *r;
	int e;

	if (m < 0 || (e = c->m[m].entity) < 0 || c->kb->ents[e].kind != KB_STATE)
		return title;
	r = xasprintf("%s of %s", title, c->kb->ents[e].name);
	title = arena_strndup(c->a, r, strlen(r));
	free(r);
	return title;
}

/* Later uses of the surname alone are mentions of ENTITY (a candidate or
 * a known person). */
static void
surname_mentions(struct extract_ctx *c, size_t from, size_t last, int entity)
{
	const struct extract_tok *s = &c->t.tok[last], *t;
	/* "Mecid el-Ensari": the surname is "el-Ensari", "El-Ensari" later */
	int hyphened = last >= 2 && tight_hyphen(c, last - 1);
	size_t k;

	for (k = from; k < c->t.ntok; k++) {
		t = &c->t.tok[k];
		if (!extract_tok_same(t, s) || c->ment_at[k] >= 0)
			continue;
		/* "El-Ensari" is another name than "Ensari". */
		if (k >= 2 && tight_hyphen(c, k - 1)) {
			if (hyphened && c->t.tok[k - 2].upper && c->ment_at[k - 2] < 0 &&
			    extract_tok_same(&c->t.tok[k - 2], &c->t.tok[last - 2]))
				extract_add_mention(c, k - 2, k, entity, EXTRACT_TITLE);
		} else if (t->upper)
			extract_add_mention(c, k, k, entity, EXTRACT_TITLE);
	}
}

/* The known person whose Latin name has the consonants of the words in
 * FOLDED (BYTES of it, case-folded, one space apart), spelled in Latin
 * letters by the article's language: as its own names are, else as it
 * writes foreign ones ("Жозеп" is "Josep"), or -1. */
static int
roman_person(struct extract_ctx *c, const char *folded, size_t bytes)
{
	struct extract_spelling *sp;
	size_t n;
	int e = -1;

	if (bytes > 0 && (n = extract_lex_spell(c->lx, c->lang->code, folded, bytes, &sp)) > 0) {
		e = extract_roman_find(extractor_roman(c->x), sp, n);
		free(sp);
	}
	return e;
}

#define MAX_FORMS 8           /* a word's readings tried: itself and stems */

/* The readings of token K for a name lookup: the word, then the word
 * without each case ending of the article's language that it ends in
 * ("Фиданом": "фидан"), the language's shortest stem kept. Their
 * lengths in bytes into LEN; their number. */
static size_t
name_forms(const struct extract_ctx *c, size_t k, size_t *len)
{
	const struct extract_tok *t = &c->t.tok[k];
	const struct text_lang *lg = c->lang;
	size_t n = 0, i, e, keep;

	len[n++] = t->klen;
	keep = text_lang_min_bytes(t->key, t->klen, lg->min_stem);
	for (i = 0; keep != SIZE_MAX && i < lg->nendings && n < MAX_FORMS; i++) {
		e = lg->ending_len[i];
		if (e > 0 && e <= t->klen - keep &&
		    memcmp(t->key + t->klen - e, lg->endings[i], e) == 0)
			len[n++] = t->klen - e;
	}
	return n;
}

/* The known person tokens [first, last] (two or three words) name in
 * the article's language and script, in any case ("Дмитрий Песков",
 * "с Хаканом Фиданом", "Հիքմեթ Հաջիևը"), or -1: the name as written,
 * else each of two or three words as written or without a case ending. */
static int
known_person(struct extract_ctx *c, size_t first, size_t last)
{
	size_t len[3][MAX_FORMS], n[3], w = last - first + 1, at[3] = { 0, 0, 0 }, i, k;
	struct buf folded;
	int e = -1;

	if (c->lang == NULL)
		return -1;
	/* as written, hyphens and all ("Mecid el-Ensari") */
	buf_init(&folded);
	for (k = first; k <= last; k++) {
		if (k > first && c->t.tok[k].start > c->t.tok[k - 1].end)
			buf_addc(&folded, ' ');
		buf_add(&folded, c->t.tok[k].key, c->t.tok[k].klen);
	}
	e = roman_person(c, folded.data, folded.len);
	if (e >= 0 || c->lang->nendings == 0 || w < 2 || w > 3) {
		buf_free(&folded);
		return e;
	}
	for (i = 0; i < w; i++) {
		if (!c->t.tok[first + i].word) {
			buf_free(&folded);
			return -1;
		}
		n[i] = name_forms(c, first + i, len[i]);
	}
	/* every combination of the words' readings, the first word's
	 * changing fastest */
	while (e < 0) {
		buf_reset(&folded);
		for (i = 0; i < w; i++) {
			if (i > 0)
				buf_addc(&folded, ' ');
			buf_add(&folded, c->t.tok[first + i].key, len[i][at[i]]);
		}
		e = roman_person(c, folded.data, folded.len);
		for (i = 0; i < w && ++at[i] == n[i]; i++)
			at[i] = 0;
		if (i == w)
			break;
	}
	buf_free(&folded);
	return e;
}

static void
person(struct extract_ctx *c, size_t first, size_t last, const char *role)
{
	int cand, e = known_person(c, first, last);
	/* "Kim Yong-chol" is "Kim" later: a Korean family name comes first */
	size_t sur = last >= 2 && tight_hyphen(c, last - 1) && !c->t.tok[last].upper ? first : last;
	size_t from;

	/* "спецпредставитель по Западным Балканам Мирослав Лайчак": what
	 * the title is for, capitalized, before a known person's full name;
	 * FROM is checked before it goes down, so it never passes below
	 * FIRST, nor below 0 for a one-word name at token 0 */
	for (from = last; e < 0 && from > first + 1 && last - from < 2;)
		if ((e = known_person(c, --from, last)) >= 0)
			first = from;
	if (e >= 0 && extract_add_mention(c, first, last, e, EXTRACT_ALIAS) >= 0) {
		surname_mentions(c, last + 1, sur, e);
		return;
	}
	cand = found(c, first, last, extract_span_text(c, first, last), KB_PERSON, role, EXTRACT_TITLE);
	if (cand >= 0)
		surname_mentions(c, last + 1, sur, -cand - 1);
}

static int head_class(const struct extract_ctx *, size_t, size_t);

/* "Ալիևի օգնական Հիքմեթ Հաջիևը", "встретился с Хаканом Фиданом": in a
 * language whose names take case endings, a full name of two or three
 * words is a known person's wherever it stands, when spelled in Latin
 * letters it has the consonants of that person's name (and of no one
 * else's); the aliases hold the English spellings, seldom these. 1 when
 * it was. */
static int
known_anywhere(struct extract_ctx *c, size_t first, size_t last, size_t words)
{
	int e;

	if (c->lang == NULL || c->lang->nendings == 0 || words < 2 || words > 3 ||
	    last - first + 1 != words || (e = known_person(c, first, last)) < 0 ||
	    extract_add_mention(c, first, last, e, EXTRACT_ALIAS) < 0)
		return 0;
	surname_mentions(c, last + 1, last, e);
	return 1;
}

/* "then president Juan Manuel Santos": a place's name (Santos, a city
 * of Brazil) written one space after a titled person's given names, and
 * ending the run of capitals, is the surname, no place: the place's
 * mention becomes the person's, over the whole name. 1 when it did. */
static int
surname_place(struct extract_ctx *c, size_t first, size_t last, size_t words, const char *role)
{
	const struct extract_tok *t = c->t.tok;
	size_t p = last + 1;
	const char *name;
	int m, cand;

	if (words < 1 || words >= MAX_NAME_WORDS || p >= c->t.ntok || (m = c->ment_at[p]) < 0 ||
	    c->m_first[m] != p || c->m_last[m] != p || c->m[m].entity < 0 ||
	    c->kb->ents[c->m[m].entity].kind != KB_PLACE || !t[p].upper ||
	    t[p].start != t[last].end + 1 || name_word(c, p + 1) || !extract_free(c, first, last))
		return 0;
	name = extract_span_text(c, first, p);
	if (kb_find(c->kb, name) >= 0 || (cand = add_candidate(c, name, KB_PERSON, role)) < 0)
		return 0;
	extract_set_mention(c, m, first, p, -cand - 1, EXTRACT_TITLE);
	surname_mentions(c, p + 1, p, -cand - 1);
	return 1;
}

/* "envoy for Syria Geir Pedersen", "envoy to Western Sahara Staffan de
 * Mistura": a title's complement of "to", "for" or "on" and a known
 * state, place or body stands between the title and the name; the token
 * after it (counted in *LOWER, as a full name must follow), else FIRST. */
static size_t
title_for(const struct extract_ctx *c, size_t first, size_t *lower)
{
	const struct extract_tok *t = c->t.tok;
	size_t k = first + 1;
	int m, e;

	if (k + 1 >= c->t.ntok || t[first].upper ||
	    !(is_key(&t[first], "to") || is_key(&t[first], "for") || is_key(&t[first], "on")))
		return first;
	if (is_key(&t[k], "the"))
		k++;
	if (k >= c->t.ntok || (m = c->ment_at[k]) < 0 || c->m_first[m] != k ||
	    (e = c->m[m].entity) < 0 || (c->kb->ents[e].kind != KB_STATE &&
	    c->kb->ents[e].kind != KB_PLACE && c->kb->ents[e].kind != KB_ORGANIZATION))
		return first;
	(*lower)++;
	return c->m_last[m] + 1;
}

/* People after a title: "Foreign Minister X", "Mr. X"; after one in
 * lower case a full name of two words or more ("foreign ministry
 * spokesperson Majed Al-Ansari"); in a language whose genitive is an
 * ending, past the state the title is held for ("министр иностранных дел
 * Ирана Аббас Аракчи"). */
static void
after_titles(struct extract_ctx *c)
{
	size_t k, tf, first, last, words, lower;
	int m, role;

	for (k = 0; k + 1 < c->t.ntok; k++) {
		/* a role ("lawmaker", "депутат") is no title of a speaker,
		 * but introduces a full name as a title does in lower case */
		role = 0;
		if (!extract_cue_to(c, k, CUE_TITLE, &tf) &&
		    !(role = extract_cue_to(c, k, CUE_ROLE, &tf)))
			continue;
		first = is_key(&c->t.tok[k + 1], ".") ? k + 2 : k + 1;
		lower = role;
		first = title_for(c, first, &lower);
		/* Past the state, and past the genitives the title governs
		 * ("пресс-секретарь президента РФ Дмитрий Песков"). */
		while (c->lang != NULL && c->lang->nendings > 0 && first < c->t.ntok &&
		    first <= k + MAX_TITLE_TAIL) {
			if ((m = c->ment_at[first]) >= 0 && c->m[m].entity >= 0 &&
			    c->kb->ents[c->m[m].entity].kind == KB_STATE)
				first = c->m_last[m] + 1;
			else if (c->t.tok[first].word && m < 0 && (!c->t.tok[first].upper ||
			    extract_tok_caps(&c->t, first))) {
				/* and a body's abbreviation: "директор МАГАТЭ" */
				first++;
				lower++;
			} else
				break;
		}
		/* A person's name is no abbreviation ("Глава МИД"). */
		if (extract_tok_caps(&c->t, first))
			continue;
		last = name_run(c, first, MAX_NAME_WORDS, 0, &words);
		if (last + 1 == first || ((!c->t.tok[tf].upper || lower > 0) && words < 2))
			continue;
		/* "Prezident Administrasiyasının Xarici": a body's name after
		 * the title, typed by its head noun later on. */
		if (head_class(c, first, last) >= 0)
			continue;
		/* "Sözcüsü Dmitriy Peskov": a first name before a known
		 * person's surname is no name of its own. */
		if (last + 1 < c->t.ntok && (m = c->ment_at[last + 1]) >= 0 && c->m_first[m] == last + 1 &&
		    c->m[m].entity >= 0 && c->kb->ents[c->m[m].entity].kind == KB_PERSON)
			continue;
		if (!surname_place(c, first, last, words, role_of(c, tf, k)))
			person(c, first, last, role_of(c, tf, k));
		k = last;
	}
}

/* The class of the last head noun among tokens [first, last], or -1. */
static int
head_class(const struct extract_ctx *c, size_t first, size_t last)
{
	size_t k = last + 1, other;

	while (k-- > first) {
		if (extract_cue_from(c, k, CUE_ORG_HEAD, &other))
			return CUE_ORG_HEAD;
		if (extract_cue_from(c, k, CUE_AGREEMENT_HEAD, &other))
			return CUE_AGREEMENT_HEAD;
		if (extract_cue_from(c, k, CUE_PLACE_HEAD, &other))
			return CUE_PLACE_HEAD;
	}
	return -1;
}

/* "Iran's Foreign Ministry", "the Foreign Ministry of Qatar": the state a
 * body's name belongs to widens the name (not the mention, which stays
 * the state's), so that two ministries are two candidates. */
static const char *
body_name(struct extract_ctx *c, size_t first, size_t last)
{
	size_t from = first, to = last, before = first;
	int m;

	/* "Iran's Foreign Ministry": the state before the possessive */
	if (first >= 3 && is_key(&c->t.tok[first - 1], "s") && is_key(&c->t.tok[first - 2], "'"))
		before = first - 2;
	if (before >= 1 && (m = c->ment_at[before - 1]) >= 0 && c->m[m].entity >= 0 &&
	    c->kb->ents[c->m[m].entity].kind == KB_STATE)
		from = c->m_first[m];
	if (last + 2 < c->t.ntok && is_key(&c->t.tok[last + 1], "of") &&
	    (m = c->ment_at[last + 2]) >= 0 && c->m[m].entity >= 0 &&
	    c->kb->ents[c->m[m].entity].kind == KB_STATE)
		to = c->m_last[m];
	return extract_span_text(c, from, to);
}

/* "X, the spokesperson of ...", "X, Qatar's foreign minister": a comma,
 * then a title within a few words. */
static int
apposition(const struct extract_ctx *c, size_t last, size_t *tf, size_t *tl)
{
	size_t k, other;

	if (last + 2 >= c->t.ntok || !is_key(&c->t.tok[last + 1], ","))
		return 0;
	for (k = last + 2; k < c->t.ntok && k <= last + 6; k++) {
		if (extract_cue_from(c, k, CUE_TITLE, &other)) {
			*tf = k;
			*tl = other;
			return 1;
		}
		if (!c->t.tok[k].word && !is_key(&c->t.tok[k], "'"))
			return 0;
	}
	return 0;
}

/* "The head of the Council of Economic Advisers, Kevin Hassett, told":
 * the name between commas names the titled phrase before it, a title
 * within a few words before the first comma, in the same clause. */
static int
titled_apposition(const struct extract_ctx *c, size_t first, size_t last)
{
	size_t k, other;

	if (first < 3 || last + 1 >= c->t.ntok || !is_key(&c->t.tok[first - 1], ",") ||
	    !is_key(&c->t.tok[last + 1], ","))
		return 0;
	for (k = first - 1; k-- > 0 && first - 1 - k <= MAX_APPOSITION_REACH;) {
		if (extract_cue_to(c, k, CUE_TITLE, &other))
			return 1;
		if (!c->t.tok[k].word && !is_key(&c->t.tok[k], "'") && !is_key(&c->t.tok[k], "."))
			return 0;
	}
	return 0;
}

/* The name of a body, agreement or place with its head noun in it, over
 * [first, last] of WORDS capitalized words: 1 when it is one. */
static int
headed(struct extract_ctx *c, size_t first, size_t last, size_t words)
{
	size_t other = last, k;
	int head;

	/* "Munich Security Conference", "the Alaska Summit" */
	if (extract_described_event_head(c, last) && extract_described_event(c, first, last, words))
		return 1;
	head = head_class(c, first, last);
	/* "Prezident Administrasiyasının Xarici siyasət şöbəsi": where the
	 * head noun ends a body's name (Azerbaijani, Turkish, Armenian),
	 * capitalized words after it begin another name */
	if (head >= 0 && c->lang != NULL && c->lang->verb_final) {
		for (k = last + 1; k-- > first && !extract_cue_from(c, k, head, &other);)
			;
		/* the head noun runs from k to other */
		while (last > other)
			if (c->t.tok[last--].word)
				words--;
	}
	if (head < 0 || words < 2)
		return head >= 0;
	if (head == CUE_ORG_HEAD)
		found(c, first, last, body_name(c, first, last), KB_ORGANIZATION, NULL, EXTRACT_CONTEXT);
	else
		found(c, first, last, extract_span_text(c, first, last),
		    head == CUE_AGREEMENT_HEAD ? KB_AGREEMENT : KB_PLACE, NULL, EXTRACT_CONTEXT);
	return 1;
}

/* "Maros Sefcovic said", "Мариус Петров также заявил": a reporting verb
 * follows the name at K, past adverbs and auxiliaries (cues.txt [skip]). */
static int
reports_after(const struct extract_ctx *c, size_t k)
{
	size_t other, end = k + MAX_VERB_REACH, p;

	/* "Marta Kivi, a senior analyst at ..., said", "X, who heads ...,
	 * said": past one aside set off by commas */
	if (k < c->t.ntok && is_key(&c->t.tok[k], ",")) {
		for (p = k + 1; p < c->t.ntok && p <= k + MAX_ASIDE && (c->t.tok[p].word ||
		    is_key(&c->t.tok[p], "'") || is_key(&c->t.tok[p], "-")); p++)
			;
		if (p < c->t.ntok && p <= k + MAX_ASIDE && is_key(&c->t.tok[p], ",")) {
			k = p + 1;
			end = k + MAX_VERB_REACH;
		}
	}
	while (k < c->t.ntok && k < end) {
		if (extract_cue_from(c, k, CUE_VERB, &other))
			return 1;
		if (extract_cue_from(c, k, CUE_SKIP, &other))
			k = other + 1;
		else if (c->t.tok[k].word && !c->t.tok[k].upper &&
		    extract_lex_skip_suffix(c->lx, c->t.tok[k].key, c->t.tok[k].klen))
			k++;
		else
			return 0;
	}
	return 0;
}

/* "according to Maros Sefcovic", and after a quotation or a comma
 * "said Maros Sefcovic": a cue that names a speaker after it ends at K. */
static int
reports_before(const struct extract_ctx *c, size_t k)
{
	size_t other;
	const struct extract_tok *t;

	if (extract_cue_to(c, k, CUE_ACCORDING, &other) || extract_cue_to(c, k, CUE_NOMINAL, &other))
		return 1;
	if (!extract_cue_to(c, k, CUE_VERB, &other) || other == 0)
		return 0;
	t = &c->t.tok[other - 1];
	return is_key(t, ",") || is_key(t, "\xE2\x80\x9D") || is_key(t, "\xC2\xBB") || is_key(t, "\"");
}

/* Whether the words at A and B begin in one script: a preposition governs
 * names of its own language ("в Сухуме"); a name in another script after
 * it is a platform or an outlet quoted as it spells itself ("в Youtube"). */
static ucs4_t initial(const struct extract_ctx *c, size_t k);

static int
same_script(const struct extract_ctx *c, size_t a, size_t b)
{
	const uc_script_t *sa = uc_script(initial(c, a)), *sb = uc_script(initial(c, b));

	return sa != NULL && sa == sb;
}

#define BODY_ENDING 4   /* bytes of a case ending: two Cyrillic letters */

/* Whether the name [first, last] after a locative has a body's shape,
 * not a place's: a word in capitals ("в ФСИН"), a compound name's last
 * part of [body-stems] ("в Газпроме", "в Роскосмосе"), or its last word,
 * less a case ending, speaking in the article as a subject ("Роскосмос
 * сообщил"): a body that speaks is no place. After a locative it is
 * people in the place who speak ("в Кремле заявили", "в Ереване
 * сообщили": officials there said), which says nothing of its kind. */
static int
body_shaped(const struct extract_ctx *c, size_t first, size_t last)
{
	const struct extract_tok *t = c->t.tok, *u;
	size_t k, j, stem, cut, other;

	for (k = first; k <= last; k++)
		if (extract_tok_caps(&c->t, k) ||
		    extract_lex_body_stem(c->lx, t[k].key, t[k].klen))
			return 1;
	/* the stem: the word less up to two letters, four letters at least */
	for (stem = t[last].klen, cut = 0; cut < 2 && stem > 0; cut++)
		while (stem > 0 && (t[last].key[--stem] & 0xC0) == 0x80)
			;
	if (stem < 8 && stem < t[last].klen)
		stem = t[last].klen;
	for (k = 0; k < c->t.ntok; k++) {
		u = &t[k];
		if (!u->word || !u->upper || u->klen < stem || u->klen > stem + BODY_ENDING ||
		    memcmp(u->key, t[last].key, stem) != 0)
			continue;
		/* straight after the name, not past an aside: "в Сухум, где
		 * ..., заявили" is someone else speaking */
		if (k + 1 >= c->t.ntok || is_key(&t[k + 1], ",") || !reports_after(c, k + 1))
			continue;
		/* the name's first word: back over its capitalized words, to
		 * a locative before it if one is there */
		for (j = k; j > 0 && !extract_cue_to(c, j - 1, CUE_LOCATIVE, &other) &&
		    t[j - 1].word && t[j - 1].upper && same_script(c, j - 1, k); j--)
			;
		if (j == 0 || !extract_cue_to(c, j - 1, CUE_LOCATIVE, &other))
			return 1;
	}
	return 0;
}

/* Types the name [first, last] of WORDS capitalized words, without
 * joiners, by its context. */
static void
type_run(struct extract_ctx *c, size_t first, size_t last, size_t words)
{
	const struct extract_tok *t = c->t.tok;
	size_t other, next = last + 1, tf, tl;

	/* "the Doha agreement", "the Kursk region" */
	if (next < c->t.ntok && !t[next].upper) {
		if (first > 0 && extract_cue_to(c, first - 1, CUE_DETERMINER, &other) &&
		    extract_cue_from(c, next, CUE_AGREEMENT, &other)) {
			found(c, first, other, extract_span_text(c, first, other), KB_AGREEMENT, NULL,
			    EXTRACT_CONTEXT);
			return;
		}
		if (extract_cue_from(c, next, CUE_PLACE_HEAD, &other)) {
			found(c, first, other, extract_span_text(c, first, other), KB_PLACE, NULL, EXTRACT_CONTEXT);
			return;
		}
	}
	/* "FM Sihasak says": an office's abbreviation of [roles] in
	 * capitals before a name is no given name ("AJ Brennan" is one) */
	if (words >= 2 && extract_tok_caps(&c->t, first) &&
	    extract_cue_from(c, first, CUE_ROLE, &other) && other == first && t[first + 1].word) {
		first++;
		words--;
	}
	/* A full name (two words or more) that speaks is a person's; the
	 * title of an apposition is the role ("X, a spokeswoman for ...":
	 * "the spokeswoman" is X later on). */
	if (words >= 2 && words <= MAX_NAME_WORDS && apposition(c, last, &tf, &tl)) {
		person(c, first, last, role_of(c, tf, tl));
		return;
	}
	if (words >= 2 && words <= MAX_NAME_WORDS &&
	    (titled_apposition(c, first, last) || reports_after(c, next) ||
	    (first > 0 && reports_before(c, first - 1)))) {
		person(c, first, last, NULL);
		return;
	}
	if (first > 0 && (extract_cue_to(c, first - 1, CUE_PLACE_BEFORE, &other) ||
	    (extract_cue_to(c, first - 1, CUE_LOCATIVE, &other) && words <= MAX_PLACE_WORDS &&
	    same_script(c, other, first) && !(next + 1 < c->t.ntok && is_key(&t[next], "'")) &&
	    !body_shaped(c, first, last))))
		found(c, first, last, extract_span_text(c, first, last), KB_PLACE, NULL, EXTRACT_CONTEXT);
}

/* Whether token K opens a line (spaces before it aside). */
static int
line_start(const struct extract_ctx *c, size_t k)
{
	size_t s = c->t.tok[k].start;

	while (s > 0 && (c->in->body[s - 1] == ' ' || c->in->body[s - 1] == '\t'))
		s--;
	return s == 0 || c->in->body[s - 1] == '\n';
}

/* "(Reporting by Yomna Ehab and Enas Alashray; Editing by Leslie Adler)",
 * "By Ana Dumbadze": the full names a credit line gives, one after
 * another, are the journalists'. A credit opens a line or follows "(",
 * ";" or "*"; "by" alone opens only a line (elsewhere it is a
 * preposition: "signed by Foreign Minister X"). */
static void
credits(struct extract_ctx *c)
{
	const struct extract_tok *t = c->t.tok;
	size_t k, cf, first, last, words, other;

	for (k = 0; k + 1 < c->t.ntok; k++) {
		if (!extract_cue_to(c, k, CUE_CREDIT, &cf))
			continue;
		if (!line_start(c, cf) && (cf == k || cf == 0 || !(is_key(&t[cf - 1], "(") ||
		    is_key(&t[cf - 1], ";") || is_key(&t[cf - 1], "*"))))
			continue;
		/* the names, with "and" or a comma between them */
		for (first = k + 1;; first = other + 1) {
			last = name_run(c, first, MAX_NAME_WORDS, 0, &words);
			if (words < 2)
				break;
			person(c, first, last, NULL);
			k = other = last + 1;
			if (other + 1 >= c->t.ntok ||
			    (!is_key(&t[other], ",") && !extract_cue_from(c, other, CUE_AND, &other)))
				break;
		}
	}
}

/* The first character of token K's key, 0 when none. */
static ucs4_t
initial(const struct extract_ctx *c, size_t k)
{
	const struct extract_tok *t = &c->t.tok[k];
	ucs4_t uc;

	if (t->klen == 0 || u8_mbtouc(&uc, (const uint8_t *)t->key, t->klen) <= 0)
		return 0;
	return uc;
}

static int
by_char(const void *a, const void *b)
{
	ucs4_t x = *(const ucs4_t *)a, y = *(const ucs4_t *)b;

	return x < y ? -1 : x > y;
}

/* The letters of token K's key, sorted, into L (at most MAX_ACRONYM):
 * their number, or 0 when the token is longer or holds no letter. */
static size_t
letters(const struct extract_ctx *c, size_t k, ucs4_t *l)
{
	const struct extract_tok *t = &c->t.tok[k];
	const uint8_t *p = (const uint8_t *)t->key, *end = p + t->klen;
	size_t n = 0;
	int len;

	while (p < end) {
		if (n == MAX_ACRONYM || (len = u8_mbtouc(&l[n], p, (size_t)(end - p))) <= 0)
			return 0;
		n++;
		p += len;
	}
	if (n > 0)
		qsort(l, n, sizeof *l, by_char);
	return n;
}

/* Whether token K is a small word an abbreviation passes over ("of",
 * "the", "о"): lower case and short. */
static int
small_word(const struct extract_ctx *c, size_t k)
{
	const struct extract_tok *t = &c->t.tok[k];

	return t->word && !t->upper &&
	    u8_mbsnlen((const uint8_t *)t->key, t->klen) <= MAX_SMALL_WORD;
}

/* The name an abbreviation in brackets at token A stands for: the words
 * before "(" that give it one letter each, in any order ("Collective
 * Security Treaty Organization (CSTO)", "Democratic Forces for the
 * Liberation of Rwanda (FDLR)", "Организация Договора о коллективной
 * безопасности (ОДКБ)"), small words passed over, a word after a
 * hyphen only when capitalized ("Co-operation"). Its first token, or
 * SIZE_MAX. */
static size_t
expansion(const struct extract_ctx *c, size_t a)
{
	const struct extract_tok *t = c->t.tok;
	ucs4_t want[MAX_ACRONYM], got[MAX_ACRONYM];
	size_t n = letters(c, a, want), have = 0, k = a - 1, first = SIZE_MAX;

	if (n < 2)
		return SIZE_MAX;
	while (k-- > 0 && have < n) {
		if (!t[k].word) {
			if (!tight_hyphen(c, k) && !is_key(&t[k], "'"))
				return SIZE_MAX;
			continue;
		}
		if (k >= 2 && tight_hyphen(c, k - 1) && !t[k].upper)
			continue;
		if (small_word(c, k))
			continue;
		got[have++] = initial(c, k);
		first = k;
	}
	if (have < n || !t[first].upper)
		return SIZE_MAX;
	qsort(got, n, sizeof *got, by_char);
	return memcmp(got, want, n * sizeof *got) == 0 ? first : SIZE_MAX;
}

/* The state mention ending just before token K, or -1. */
static int
state_before(const struct extract_ctx *c, size_t k)
{
	int m = k > 0 ? c->ment_at[k - 1] : -1;

	return m >= 0 && c->m[m].entity >= 0 && c->kb->ents[c->m[m].entity].kind == KB_STATE ?
	    m : -1;
}

/* Where the name of a body starting at token FIRST starts with the
 * state or the pair of states it belongs to, as body_name() widens it:
 * "Thailand-Cambodia General Border Committee (GBC)", with a hyphen or
 * an en dash between them. The abbreviation
 * leaves them out; the mentions stay the states'. */
static size_t
paired(const struct extract_ctx *c, size_t first)
{
	int m = state_before(c, first);
	size_t f;

	if (m < 0)
		return first;
	f = c->m_first[m];
	if (f >= 2 && (tight_hyphen(c, f - 1) || (is_key(&c->t.tok[f - 1], "\xE2\x80\x93") &&
	    c->t.tok[f - 1].start == c->t.tok[f - 2].end && c->t.tok[f].start == c->t.tok[f - 1].end)) &&
	    (m = state_before(c, f - 1)) >= 0)
		f = c->m_first[m];
	return f;
}

/* "the Collective Security Treaty Organization (CSTO)", then "CSTO": a
 * name the text gives with its abbreviation in brackets is a found name
 * (typed by its head noun, else a body), or, when an alias of the
 * knowledge base covers it, that entity; each use of the abbreviation is
 * its mention. A name holding one other mention ("... of Rwanda") takes
 * that mention over; a found name inside it becomes the whole. */
static void
abbreviations(struct extract_ctx *c)
{
	const struct extract_tok *t = c->t.tok;
	size_t k, a, first, last, j;
	int m, inner, entity, head, cand;
	enum kb_kind kind;
	const char *name;

	for (k = 0; k + 2 < c->t.ntok; k++) {
		a = k + 1;
		if (!is_key(&t[k], "(") || !is_key(&t[a + 1], ")") || !extract_tok_caps(&c->t, a) ||
		    c->ment_at[a] >= 0 || k == 0 || (first = expansion(c, a)) == SIZE_MAX)
			continue;
		last = k - 1;
		for (inner = -1, m = -2, j = first; j <= last; j++) {
			if (c->ment_at[j] < 0 || c->ment_at[j] == inner)
				continue;
			if (inner >= 0 || c->m_first[c->ment_at[j]] < first ||
			    c->m_last[c->ment_at[j]] > last) {
				m = -1;
				break;
			}
			inner = c->ment_at[j];
		}
		if (m == -1)
			continue;
		if (inner >= 0 && c->m_first[inner] == first && c->m_last[inner] == last) {
			entity = c->m[inner].entity;
		} else {
			head = head_class(c, first, last);
			kind = head == CUE_AGREEMENT_HEAD ? KB_AGREEMENT : head == CUE_PLACE_HEAD ?
			    KB_PLACE : extract_described_event_head(c, last) ? KB_EVENT : KB_ORGANIZATION;
			name = extract_span_text(c, paired(c, first), last);
			/* A found name inside it ("Grain Accord" of "Northern
			 * Grain Accord (NGA)") was a part of this one. */
			if (inner >= 0 && c->m[inner].entity < 0 && kb_find(c->kb, name) < 0) {
				cand = -c->m[inner].entity - 1;
				c->cand[cand].name = name;
				c->cand[cand].kind = kind;
			} else if ((cand = extract_candidate_add(c, name, kind)) < 0)
				continue;
			entity = -cand - 1;
			if (inner < 0)
				inner = extract_add_mention(c, first, last, entity, EXTRACT_CONTEXT);
			if (inner < 0)
				continue;
			extract_set_mention(c, inner, first, last, entity, EXTRACT_CONTEXT);
		}
		for (j = 0; j < c->t.ntok; j++)
			if (extract_tok_same(&t[j], &t[a]) && extract_tok_caps(&c->t, j))
				extract_add_mention(c, j, j, entity, EXTRACT_CONTEXT);
		k = a + 1;
	}
}

void
extract_candidates(struct extract_ctx *c)
{
	size_t k, last, words;

	abbreviations(c);
	after_titles(c);
	credits(c);
	for (k = 0; k < c->t.ntok; k++) {
		if (!name_word(c, k) || (k > 0 && name_word(c, k - 1)))
			continue;
		last = name_run(c, k, MAX_BODY_WORDS, 1, &words);
		if (last + 1 == k || headed(c, k, last, words))
			continue;
		last = name_run(c, k, MAX_NAME_WORDS, 0, &words);
		if (!known_anywhere(c, k, last, words))
			type_run(c, k, last, words);
		k = last;
	}
}
