/* test-text-segment.c: the abbreviation file, paragraphs, sentences and
 * words; and the seed articles: every statement listed in the gold files
 * must begin a sentence the segmenter finds. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "text.h"

static struct text_rules *rules;

/* The spans of s joined with '|', for comparing with a written answer. */
static char *
joined(const char *s, const struct text_span *v, size_t n)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	buf_adds(&b, "");
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addc(&b, '|');
		buf_add(&b, s + v[i].start, v[i].end - v[i].start);
	}
	return buf_detach(&b, NULL);
}

static void
sent_case(const char *s, const char *want, const char *name)
{
	struct text_span *v;
	size_t n = text_sentences(rules, s, strlen(s), &v);
	char *got = joined(s, v, n);

	is_str(got, want, "sentences: %s", name);
	free(got);
	free(v);
}

static void
test_rules(void)
{
	char *path = path_data_file("abbrev.txt"), bad[512];
	struct text_rules *r;
	FILE *f;

	if (!ok(text_rules_load(path, &rules) == 0, "loads %s", path))
		diag("%s", err_msg());
	free(path);
	if (rules == NULL)
		tap_bail("cannot go on without the abbreviation list");

	snprintf(bad, sizeof bad, "%s/bad.txt", tap_tmpdir());
	f = fopen(bad, "w");
	fputs("# comment\n[abbreviations]\nMr.\n[nonsense]\n", f);
	fclose(f);
	ok(text_rules_load(bad, &r) == -1 && r == NULL, "unknown section refused");
	ok(strstr(err_msg(), "bad.txt:4:") != NULL, "error names file:line: %s", err_msg());

	f = fopen(bad, "w");
	fputs("Mr.\n\nDr\n", f);
	fclose(f);
	ok(text_rules_load(bad, &r) == -1, "abbreviation without period refused");
	ok(strstr(err_msg(), "bad.txt:3:") != NULL, "error names line 3: %s", err_msg());

	f = fopen(bad, "w");
	fputs("[starters]\nThe End\n", f);
	fclose(f);
	ok(text_rules_load(bad, &r) == -1, "entry with space refused");
	ok(strstr(err_msg(), "bad.txt:2:") != NULL, "error names line 2: %s", err_msg());

	f = fopen(bad, "w");
	fputs("  Mr.  \r\n[may-end]\r\nU.S.\r\n", f);
	fclose(f);
	ok(text_rules_load(bad, &r) == 0, "CRLF and spaces are fine");
	text_rules_free(r);

	snprintf(bad, sizeof bad, "%s/missing.txt", tap_tmpdir());
	ok(text_rules_load(bad, &r) == -1, "missing file is an error");
	ok(strstr(err_msg(), "missing.txt") != NULL, "error names the file: %s", err_msg());
	text_rules_free(NULL);
}

static void
test_paragraphs(void)
{
	const char *s = "  First para.\n\nSecond\tone \r\n\n \xC2\xA0Third\xE2\x80\xA9" "Fourth\n";
	struct text_span *v;
	size_t n = text_paragraphs(s, strlen(s), &v);
	char *got = joined(s, v, n);

	is_str(got, "First para.|Second\tone|Third|Fourth", "paragraphs split and trimmed");
	is_int((long long)v[0].start, 2, "offsets into the input");
	free(got);
	free(v);
	n = text_paragraphs("", 0, &v);
	is_int((long long)n, 0, "no paragraphs in empty text");
	free(v);
	n = text_paragraphs(" \n\t\n", 4, &v);
	is_int((long long)n, 0, "no paragraphs in blank text");
	free(v);
}

static void
test_sentences(void)
{
	sent_case("Mr. Smith went to Washington. He met Dr. Jones.",
	    "Mr. Smith went to Washington.|He met Dr. Jones.", "titles");
	sent_case("J. Smith arrived. U.S. Secretary of State Antony Blinken spoke.",
	    "J. Smith arrived.|U.S. Secretary of State Antony Blinken spoke.",
	    "initial and U.S. before a name");
	sent_case("He flew to the U.S. The visit was short.",
	    "He flew to the U.S.|The visit was short.", "U.S. ending a sentence");
	sent_case("“It calls for movement,” Lavrov said. “In our contacts, we try. "
	    "The setting up of any checkpoint there is not envisioned.” The blockade continues.",
	    "“It calls for movement,” Lavrov said.|“In our contacts, we try.|"
	    "The setting up of any checkpoint there is not envisioned.”|The blockade continues.",
	    "quotation over several sentences");
	sent_case("“Why?” he asked. Nobody answered.",
	    "“Why?” he asked.|Nobody answered.", "question inside a quote");
	sent_case("MOSCOW — On March 20, they met. It went well.",
	    "MOSCOW —|On March 20, they met.|It went well.", "dateline");
	sent_case("BAKU, Azerbaijan (AP) — Talks ended.",
	    "BAKU, Azerbaijan (AP) —|Talks ended.", "longer dateline");
	sent_case("The talks — held in Baku — ended. Next came lunch.",
	    "The talks — held in Baku — ended.|Next came lunch.", "em dashes");
	sent_case("NATO — the alliance — said no.", "NATO — the alliance — said no.",
	    "capitals before a dash are not always a dateline");
	sent_case("Wait... What happened?! Nothing…  Really.",
	    "Wait...|What happened?!|Nothing…|Really.", "runs of stops");
	sent_case("The price rose 5.6 percent. Then it fell.",
	    "The price rose 5.6 percent.|Then it fell.", "decimal point");
	sent_case("See e.g. Smith. The end.", "See e.g. Smith.|The end.", "e.g.");
	sent_case("E.g. this one. It holds.", "E.g. this one.|It holds.", "capitalized e.g.");
	sent_case("It happened on Jan. 17 in St. Petersburg (Russia). Later (in May) it rained.",
	    "It happened on Jan. 17 in St. Petersburg (Russia).|Later (in May) it rained.",
	    "months, saints and brackets");
	sent_case("Արարատ Միրզոյանը ժամանեց։ Նա հանդիպեց Լավրովին։",
	    "Արարատ Միրզոյանը ժամանեց։|Նա հանդիպեց Լավրովին։", "Armenian full stop");
	sent_case("Արարատ Միրզոյանը ժամանեց: Նա հանդիպեց Լավրովին:",
	    "Արարատ Միրզոյանը ժամանեց:|Նա հանդիպեց Լավրովին:",
	    "Armenian full stop typed as a colon");
	sent_case("The list: Apples and pears.", "The list: Apples and pears.",
	    "a colon after a Latin letter ends nothing");
	sent_case("Коми кыв\xD4\x81: Вот это слово.", "Коми кыв\xD4\x81: Вот это слово.",
	    "a colon after a Cyrillic Supplement letter (U+0501) ends nothing");
	sent_case("Сергей Лавров заявил. Он уехал в Баку.",
	    "Сергей Лавров заявил.|Он уехал в Баку.", "Cyrillic");
	sent_case("Ceyhun Bayramov danışdı. Əliyev isə susdu.",
	    "Ceyhun Bayramov danışdı.|Əliyev isə susdu.", "Azerbaijani capital schwa");
	sent_case("我们到了。他走了。", "我们到了。|他走了。", "CJK full stops need no space");
	sent_case("(He left.) She stayed.", "(He left.)|She stayed.", "bracketed sentence");
	sent_case("Sentence one.The next", "Sentence one.The next", "no space, no break");
	sent_case("He said: “Stop.” “Go,” she replied.",
	    "He said: “Stop.”|“Go,” she replied.", "quote after quote");
	sent_case("1. First point is here.", "1. First point is here.", "list number");
	sent_case("It was 2020. 2021 was worse.", "It was 2020.|2021 was worse.",
	    "a sentence may start with a digit");
	sent_case("Call No. 5 now.", "Call No. 5 now.", "No. before a number");
	sent_case("Prof. J.R.R. Tolkien wrote it.", "Prof. J.R.R. Tolkien wrote it.",
	    "initials run");
	sent_case("It ended at 5 p.m. The crowd left.", "It ended at 5 p.m.|The crowd left.",
	    "p.m. before a starter");
	sent_case("They met at 5 p.m. Tuesday.", "They met at 5 p.m. Tuesday.",
	    "p.m. before a name");
	sent_case("  A b.   C d.  ", "A b.|C d.", "spaces trimmed");
	sent_case("Ends without a stop", "Ends without a stop", "no stop");
	sent_case("Mr.\xC2\xA0Smith. Next.", "Mr.\xC2\xA0Smith.|Next.", "no-break space does not break");
	sent_case("He said so. 'Really,' she said.", "He said so.|'Really,' she said.",
	    "straight quotes");
	sent_case("", "", "empty");
}

static void
test_words(void)
{
	const char *s = "Pashinyan’s office, 9-10 November 2020. Արարատ Միրզոյան; Əliyev.";
	struct text_span *v;
	size_t n = text_words(s, strlen(s), &v);
	char *got = joined(s, v, n);

	is_str(got, "Pashinyan’s|office|9|10|November|2020|Արարատ|Միրզոյան|Əliyev",
	    "words by u8_wordbreaks");
	free(got);
	free(v);
	s = "ʻOumuamua 3.5 km";
	n = text_words(s, strlen(s), &v);
	got = joined(s, v, n);
	is_str(got, "ʻOumuamua|3.5|km", "modifier letter and decimal number");
	free(got);
	free(v);
	n = text_words("", 0, &v);
	is_int((long long)n, 0, "no words in empty text");
	free(v);
}

/* All sentences of a file, with their offsets into it. */
struct doc {
	char *text;
	size_t len;
	struct text_span *sent;
	size_t nsent;
};

static int
doc_load(const char *seeds, const char *file, struct doc *d)
{
	char path[4096];
	struct text_span *par, *v;
	size_t np, i, j, n;

	memset(d, 0, sizeof *d);
	snprintf(path, sizeof path, "%s/seeds/%s", seeds, file);
	if (path_read_file(path, 1 << 24, &d->text, &d->len) != 0)
		return -1;
	np = text_paragraphs(d->text, d->len, &par);
	for (i = 0; i < np; i++) {
		n = text_sentences(rules, d->text + par[i].start,
		    par[i].end - par[i].start, &v);
		d->sent = xreallocarray(d->sent, d->nsent + n + 1, sizeof *d->sent);
		for (j = 0; j < n; j++) {
			d->sent[d->nsent].start = par[i].start + v[j].start;
			d->sent[d->nsent].end = par[i].start + v[j].end;
			d->nsent++;
		}
		free(v);
	}
	free(par);
	return 0;
}

static int
starts_sentence(const struct doc *d, const char *words)
{
	size_t i, n = strlen(words);

	for (i = 0; i < d->nsent; i++)
		if (d->sent[i].end - d->sent[i].start >= n &&
		    memcmp(d->text + d->sent[i].start, words, n) == 0)
			return 1;
	return 0;
}

/* Checks each gold line of FILE; FCOL and WCOL are the columns (from 0)
 * of the article file name and of the sentence's first words. */
static void
check_gold(const char *seeds, const char *gold, int fcol, int wcol)
{
	char path[4096], *data, *line, *save = NULL;
	size_t len, lines = 0;

	snprintf(path, sizeof path, "%s/seeds-gold/%s", seeds, gold);
	if (path_read_file(path, 1 << 24, &data, &len) != 0)
		tap_bail("%s", err_msg());
	for (line = strtok_r(data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *f[8], *p = line;
		int nf = 0;
		struct doc d;

		if (line[0] == '#' || line[0] == '\0')
			continue;
		while (nf < 8 && p != NULL) {
			f[nf++] = p;
			p = strchr(p, '\t');
			if (p != NULL)
				*p++ = '\0';
		}
		if (nf <= wcol || nf <= fcol) {
			ok(0, "%s: malformed line '%s'", gold, line);
			continue;
		}
		if (doc_load(seeds, f[fcol], &d) != 0) {
			ok(0, "%s", err_msg());
			continue;
		}
		lines++;
		ok(starts_sentence(&d, f[wcol]), "%s: %s starts a sentence: %s", gold,
		    f[fcol], f[wcol]);
		free(d.text);
		free(d.sent);
	}
	ok(lines > 0, "%s has lines to check", gold);
	free(data);
}

/* Over the seeds: sentences are in order, separated only by white space,
 * and none but a paragraph's first starts in lower case. */
static void
check_seed_shapes(const char *seeds)
{
	static const char *files[] = {
		"000_ab6cf303251600eb.txt", "001_4da024a5a7a9d0c0.txt",
		"002_3362ed2f4686983c.txt", "003_087e10ad7f5da170.txt",
		"004_4acc096c17fb1e04.txt",
	};
	size_t k, i, total = 0, bad = 0;

	for (k = 0; k < ARRAY_LEN(files); k++) {
		struct doc d;

		if (doc_load(seeds, files[k], &d) != 0) {
			ok(0, "%s", err_msg());
			continue;
		}
		for (i = 1; i < d.nsent; i++) {
			unsigned char c = (unsigned char)d.text[d.sent[i].start];
			size_t j;
			int newline = 0;

			if (d.sent[i].start < d.sent[i - 1].end)
				bad++;
			for (j = d.sent[i - 1].end; j < d.sent[i].start; j++) {
				if (d.text[j] == '\n')
					newline = 1;
				else if (d.text[j] != ' ')
					bad++;
			}
			/* Inside a paragraph, a sentence never starts in lower case. */
			if (!newline && c >= 'a' && c <= 'z') {
				diag("%s: sentence starts in lower case: %.40s", files[k],
				    d.text + d.sent[i].start);
				bad++;
			}
		}
		total += d.nsent;
		free(d.text);
		free(d.sent);
	}
	is_int((long long)bad, 0, "seed sentences are well formed (%zu sentences)", total);
}

/* Random text from pieces that matter to the rules: sentences and words
 * are in order, inside the text, non-empty, and sentences neither start
 * nor end with white space. */
static void
test_random(void)
{
	static const char *const pieces[] = {
		"Mr.", "U.S.", "J.", "e.g.", "No.", "word", "The", "he", " ", " ", "  ", ".",
		"!", "?", "…", "...", "“", "”", "\"", "'", "(", ")", "—", "MOSCOW", " — ",
		"Сергей", "Արարատ", "։", "中文", "。", "1", "2020", "\xC2\xA0", "\t", "Əliyev",
		"\xCC\x81", "\xE2\x80\xAE", "\x1b", "\xFF",
	};
	uint64_t x = 88172645463325252u;
	struct buf b;
	int c, bad = 0;

	buf_init(&b);
	for (c = 0; c < 3000 && !bad; c++) {
		struct text_span *v;
		size_t n, i, k, m;

		buf_reset(&b);
		buf_adds(&b, "");
		for (k = 0, m = (size_t)(x % 60); k < m; k++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			buf_adds(&b, pieces[x % ARRAY_LEN(pieces)]);
		}
		n = text_sentences(rules, b.data, b.len, &v);
		for (i = 0; i < n; i++) {
			unsigned char f = (unsigned char)b.data[v[i].start];
			unsigned char l = (unsigned char)b.data[v[i].end - 1];

			if (v[i].start >= v[i].end || v[i].end > b.len ||
			    (i > 0 && v[i].start < v[i - 1].end) || f == ' ' || l == ' ' ||
			    f == '\t' || l == '\t') {
				diag("case %d: bad sentence %zu [%zu,%zu) in '%s'", c, i, v[i].start,
				    v[i].end, b.data);
				bad++;
				break;
			}
		}
		free(v);
		n = text_words(b.data, b.len, &v);
		for (i = 0; i < n; i++)
			if (v[i].start >= v[i].end || v[i].end > b.len ||
			    (i > 0 && v[i].start < v[i - 1].end)) {
				diag("case %d: bad word %zu", c, i);
				bad++;
				break;
			}
		free(v);
		n = text_paragraphs(b.data, b.len, &v);
		for (i = 0; i < n; i++)
			if (v[i].start >= v[i].end || v[i].end > b.len ||
			    (i > 0 && v[i].start <= v[i - 1].end)) {
				diag("case %d: bad paragraph %zu", c, i);
				bad++;
				break;
			}
		free(v);
	}
	is_int(bad, 0, "random text: paragraphs, sentences and words are ordered, "
	    "non-empty and trimmed");
	buf_free(&b);
}

int
main(void)
{
	const char *seeds = tap_seeds_dir();

	test_rules();
	test_paragraphs();
	test_sentences();
	test_words();
	test_random();
	check_gold(seeds, "statements.tsv", 0, 2);
	check_gold(seeds, "related.tsv", 1, 2);
	check_seed_shapes(seeds);
	text_rules_free(rules);
	return tap_done();
}
