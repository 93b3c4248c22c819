/* test-ingest-clean.c: titles, page chrome, comments, datelines, date and
 * outlet lines, hard-wrapped text, hostile characters; and the seed
 * articles against what a human reader marked in boilerplate.tsv. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "tap.h"
#include "text.h"
#include "util.h"

static struct ingest_chrome *chrome;
static struct text_rules *rules;

/* Cleans TEXT as plain text (or with FORMAT and TITLE hint). */
static int
clean_as(const char *text, const char *format, const char *hint, struct ingest_clean *out)
{
	struct ingest_doc doc = { 0 };

	doc.text = (char *)(uintptr_t)text;
	doc.title = (char *)(uintptr_t)hint;
	doc.format = format;
	return ingest_clean(chrome, rules, &doc, out);
}

static int
clean(const char *text, struct ingest_clean *out)
{
	return clean_as(text, "text", NULL, out);
}

static void
test_titles(void)
{
	struct ingest_clean c;

	ok(clean("A short heading\n\nThe first paragraph. It goes on.\nSecond one.\n", &c) == 0,
	    "cleans");
	is_str(c.title, "A short heading", "short first line is the title");
	is_str(c.body, "The first paragraph. It goes on.\n\nSecond one.",
	    "title out of the body; paragraphs apart by a blank line");
	ok(c.comments == NULL && c.dateline == NULL, "no comments, no dateline");
	ingest_clean_free(&c);

	clean("Heading twice\nHeading twice\nBody text here.\n", &c);
	is_str(c.title, "Heading twice", "duplicated heading: title");
	is_str(c.body, "Body text here.", "kept once");
	ingest_clean_free(&c);

	clean("Is this a question?\nBody.\n", &c);
	is_str(c.title, "Is this a question?", "a question can be a title");
	ingest_clean_free(&c);

	clean("This first line ends like a sentence.\nSecond line.\n", &c);
	is_str(c.title, "This first line ends like a sentence", "a sentence is not a heading; "
	    "its text is the title without the stop");
	is_str(c.body, "This first line ends like a sentence.\n\nSecond line.",
	    "and it stays in the body");
	ingest_clean_free(&c);

	clean("The Foreign Minister of a country said on Tuesday that there would be no "
	    "checkpoints on the road, against the wishes of its neighbour, who wanted them. "
	    "Then more.\n", &c);
	is_str(c.title, "The Foreign Minister of a country said on Tuesday that there would be "
	    "no…", "long first sentence shortened at a word");
	ingest_clean_free(&c);

	clean("Mr. Smith went to Washington on Monday.\n", &c);
	is_str(c.title, "Mr. Smith went to Washington on Monday",
	    "a one-line article: its sentence (abbreviations respected)");
	is_str(c.body, "Mr. Smith went to Washington on Monday.", "body intact");
	ingest_clean_free(&c);

	clean_as("Page Title\nBody from a page.\n", "html", "Page Title", &c);
	is_str(c.title, "Page Title", "markup title");
	is_str(c.body, "Body from a page.", "first line repeating it dropped");
	ingest_clean_free(&c);

	clean_as("Some Heading\nBody.\n", "html", "Other  Title ", &c);
	is_str(c.title, "Other Title", "markup title tidied");
	is_str(c.body, "Some Heading\n\nBody.", "a different first line stays");
	ingest_clean_free(&c);

	ok(clean("\n  \n", &c) == -1 && strstr(err_msg(), "no article text") != NULL,
	    "nothing left: an error");
	ok(clean("No time to read?\nGet a summary\n", &c) == -1, "only chrome: an error");
}

static void
test_chrome(void)
{
	struct ingest_clean c;

	clean("top of page\n\nThe Title\n\nNo time to read?\nGet a summary\n\nPara one.\n"
	    "Ad for subscribing to The Daily\nPara two.\n\nPrevious Article\n\n"
	    "Some other story entirely\n\nNext Article\n\nYet another headline\n"
	    "bottom of page\n", &c);
	is_str(c.title, "The Title", "title after chrome");
	is_str(c.body, "Para one.\n\nPara two.", "chrome and the linked headlines dropped");
	ingest_clean_free(&c);

	clean("Title\nBody.\nPrevious Article\nNext Article\nThe next headline\n", &c);
	is_str(c.body, "Body.", "link followed by a link: both dropped, the headline too");
	ingest_clean_free(&c);

	clean("Title\nBody.\nNext Article\nThis long paragraph is not a headline but text that "
	    "goes on and on past any length that a headline would have on a page, with clause "
	    "after clause after clause after clause, and then more clauses still.\n", &c);
	ok(strstr(c.body, "This long paragraph") != NULL, "a paragraph after a link stays");
	ingest_clean_free(&c);

	clean("Title\nBody.\n3 comments\nFirst!\nAd for something\nMarch 3, 2023\nSecond.\n", &c);
	is_str(c.body, "Body.", "comments out of the body");
	is_str(c.comments, "First!\n\nMarch 3, 2023\n\nSecond.",
	    "comments apart, chrome dropped, a comment's date kept");
	ok(c.published == NULL, "a comment's date is not the article's");
	ingest_clean_free(&c);

	clean("Title\nPublished: February 28, 2023\nBody.\n© 2023 The Ledger\n", &c);
	is_str(c.published, "2023-02-28", "date line read");
	is_str(c.outlet, "The Ledger", "outlet line read");
	is_str(c.body, "Body.", "both out of the body");
	ingest_clean_free(&c);

	clean("Title\nPublished: by the ministry\nBody.\n", &c);
	ok(c.published == NULL && strstr(c.body, "Published: by the ministry") != NULL,
	    "a date rule without a date leaves the line");
	ingest_clean_free(&c);
}

static void
test_dateline(void)
{
	struct ingest_clean c;

	clean("MOSCOW \xe2\x80\x94 On March 20, the ministers met. More.\nTwo.\n", &c);
	is_str(c.dateline, "MOSCOW", "dateline recorded");
	is_str(c.title, "On March 20, the ministers met", "title skips the dateline");
	ok(strncmp(c.body, "MOSCOW \xe2\x80\x94 On", 10) == 0, "and the body keeps it");
	ingest_clean_free(&c);

	clean("Title\nBAKU, Azerbaijan \xe2\x80\x93 Talks went on.\n", &c);
	is_str(c.dateline, "BAKU, Azerbaijan", "dateline with a country");
	ingest_clean_free(&c);

	clean("Title\nNATO \xe2\x80\x94 the alliance \xe2\x80\x94 met.\n", &c);
	ok(c.dateline == NULL, "lower case after the dash: not a dateline");
	ingest_clean_free(&c);

	clean("Title\nThe UN said so \xe2\x80\x94 Then.\n", &c);
	ok(c.dateline == NULL, "not at the start: not a dateline");
	ingest_clean_free(&c);
}

static void
test_tidy(void)
{
	struct ingest_clean c;

	clean("Ti\x01tle\x1b[31m\nA\tbody\xc2\xa0with \xe2\x80\x8bodd   spaces\xc2\x85.\r\n", &c);
	is_str(c.title, "Title", "control characters removed from the title, a terminal's colour "
	    "code whole");
	is_str(c.body, "A body with odd spaces.", "tabs, no-break and wide spaces, zero-width "
	    "and C1 controls tidied");
	ingest_clean_free(&c);

	clean("Wrapped\n\nThis paragraph was wrapped by a mail program at about\n"
	    "seventy characters, so each line is about the same length\nand ends short.\n\n"
	    "A second wrapped paragraph follows here, again broken by\nthe same program.\n", &c);
	is_str(c.body, "This paragraph was wrapped by a mail program at about seventy characters, "
	    "so each line is about the same length and ends short.\n\nA second wrapped "
	    "paragraph follows here, again broken by the same program.",
	    "hard-wrapped paragraphs joined");
	ingest_clean_free(&c);

	clean_as("Heading\nA list item of moderate length, one per line here\n"
	    "Another list item of moderate length, one per line\n", "html", NULL, &c);
	ok(strstr(c.body, "here\n\nAnother") != NULL, "HTML lines are never joined");
	ingest_clean_free(&c);
}

/* ---- the seed articles against boilerplate.tsv ------------------------ */

static int
has_line_starting(const char *text, const char *want)
{
	const char *s = text;
	size_t n = strlen(want);

	if (text == NULL)
		return 0;
	for (;;) {
		if (strncmp(s, want, n) == 0)
			return 1;
		s = strchr(s, '\n');
		if (s == NULL)
			return 0;
		s++;
	}
}

static int
clean_seed(const char *dir, const char *file, struct ingest_clean *c)
{
	struct ingest_docs docs = { NULL, 0, 0 };
	char *path = xasprintf("%s/seeds/%s", dir, file), *data;
	size_t len;
	int rc = -1;

	if (path_read_file(path, 1 << 20, &data, &len) == 0) {
		if (ingest_plain(data, len, &docs) == 0 && docs.n == 1)
			rc = ingest_clean(chrome, rules, &docs.v[0], c);
		free(data);
	}
	if (rc != 0)
		diag("%s: %s", path, err_msg());
	ingest_docs_free(&docs);
	free(path);
	return rc;
}

static void
test_seeds(void)
{
	const char *dir = tap_seeds_dir();
	char *path = xasprintf("%s/seeds-gold/boilerplate.tsv", dir), *data, *line, *save;
	struct ingest_clean c;
	size_t len, checked = 0;

	if (path_read_file(path, 1 << 20, &data, &len) != 0)
		tap_bail("%s", err_msg());
	for (line = strtok_r(data, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
		char *file = line, *role, *text;

		if (line[0] == '#' || (role = strchr(line, '\t')) == NULL)
			continue;
		*role++ = '\0';
		if ((text = strchr(role, '\t')) == NULL)
			continue;
		*text++ = '\0';
		if (!ok(clean_seed(dir, file, &c) == 0, "%s cleans", file))
			continue;
		if (strcmp(role, "title") == 0) {
			is_str(c.title, text, "%s: title", file);
			ok(!has_line_starting(c.body, text), "%s: title not repeated in the body", file);
		} else if (strcmp(role, "chrome") == 0) {
			ok(!has_line_starting(c.body, text) && !has_line_starting(c.comments, text),
			    "%s: chrome '%s' gone", file, text);
		} else if (strcmp(role, "comments") == 0) {
			ok(has_line_starting(c.comments, text), "%s: comment kept", file);
			ok(!has_line_starting(c.body, text), "%s: comment not in the body", file);
		} else
			ok(0, "%s: unknown role '%s' in boilerplate.tsv", file, role);
		checked++;
		ingest_clean_free(&c);
	}
	ok(checked >= 10, "boilerplate.tsv read (%zu lines checked)", checked);
	/* Seeds without a title line in the gold: a shortened first sentence,
	 * and the dateline of 004 recorded. */
	if (clean_seed(dir, "004_4acc096c17fb1e04.txt", &c) == 0) {
		is_str(c.dateline, "MOSCOW", "004: dateline recorded as the place");
		ok(c.title != NULL && strncmp(c.title, "On March 20", 11) == 0,
		    "004: title from the first sentence after the dateline: %s", c.title);
		ingest_clean_free(&c);
	}
	free(data);
	free(path);
}

int
main(void)
{
	char *p;

	chrome = ingest_chrome_new();
	p = path_data_file("chrome.txt");
	if (ingest_chrome_add_file(chrome, p) != 0)
		tap_bail("%s", err_msg());
	free(p);
	p = path_data_file("abbrev.txt");
	if (text_rules_load(p, &rules) != 0)
		tap_bail("%s", err_msg());
	free(p);
	test_titles();
	test_chrome();
	test_dateline();
	test_tidy();
	test_seeds();
	ingest_chrome_free(chrome);
	text_rules_free(rules);
	return tap_done();
}
