/*
 * test-ingest-extract.c: finding the article and the metadata of a web
 * page, one small page of tests/data/html/ per rule (each page says in a
 * comment what it tests). Pages go through ingest_html with the shipped
 * data/extract.txt, then ingest_clean with data/chrome.txt, as import
 * does; the checks look at the body and the fields.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "tap.h"
#include "text.h"
#include "util.h"

static struct ingest_hints *hints;
static struct ingest_chrome *chrome;
static struct text_rules *rules;

struct page {
	struct ingest_docs docs;
	struct ingest_doc *doc;
	struct ingest_clean clean;
	int ok;
};

static void
load(struct page *p, const char *name)
{
	const char *top = getenv("top_srcdir");
	char *path = xasprintf("%s/tests/data/html/%s", top != NULL ? top : ".", name);
	char *data;
	size_t len;

	memset(p, 0, sizeof *p);
	if (path_read_file(path, 1 << 20, &data, &len) != 0) {
		diag("%s", err_msg());
		free(path);
		return;
	}
	free(path);
	if (ingest_html(data, len, hints, &p->docs) != 0 || p->docs.n != 1) {
		diag("%s: %s", name, err_msg());
		free(data);
		return;
	}
	free(data);
	p->doc = &p->docs.v[0];
	if (ingest_clean(chrome, rules, p->doc, &p->clean) != 0) {
		diag("%s: %s", name, err_msg());
		return;
	}
	p->ok = 1;
}

static void
unload(struct page *p)
{
	if (p->ok)
		ingest_clean_free(&p->clean);
	ingest_docs_free(&p->docs);
}

static int
has(const char *s, const char *part)
{
	return s != NULL && strstr(s, part) != NULL;
}

static const char *
body(const struct page *p)
{
	return p->ok ? p->clean.body : "";
}

static void
test_scoring(void)
{
	struct page p;

	load(&p, "score-paragraphs.html");
	ok(p.ok && has(body(&p), "new weir") && has(body(&p), "second weir further north"),
	    "score: the long paragraphs with commas are the article");
	ok(p.ok && !has(body(&p), "Sport") && !has(body(&p), "Copyright"),
	    "score: the menu and the footer are not");
	ok(p.ok && p.doc->warning == NULL, "score: no warning when a block wins");
	ok(p.ok && has(p.doc->dropped, "Copyright") && has(p.doc->dropped, "Weather"),
	    "score: what was left out is kept as dropped");
	unload(&p);

	load(&p, "class-hints.html");
	ok(p.ok && has(body(&p), "new weir") && !has(body(&p), "Farmers"),
	    "hints: the comment thread's class keeps it out");
	unload(&p);

	load(&p, "link-density.html");
	ok(p.ok && has(body(&p), "new weir") && !has(body(&p), "rail fares"),
	    "links: a block of link titles is not the article");
	unload(&p);

	load(&p, "siblings.html");
	ok(p.ok && has(body(&p), "new weir") && has(body(&p), "Farmers") &&
	    has(body(&p), "cost less than planned") && has(body(&p), "second weir"),
	    "siblings: the parts of the article join the winner");
	ok(p.ok && !has(body(&p), "Buy a boat"), "siblings: the advert does not");
	unload(&p);

	load(&p, "amp.html");
	ok(p.ok && has(body(&p), "new weir") && has(body(&p), "Farmers") &&
	    !has(body(&p), "Advertisement") && !has(body(&p), "Sections") &&
	    !has(body(&p), "Share this") && !has(body(&p), "cookies"),
	    "AMP: the article without the ad, menu, share bar and consent elements");
	ok(p.ok && has(p.doc->dropped, "element\tAdvertisement") &&
	    has(p.doc->dropped, "element\tSections of the Valley Courier") &&
	    has(p.doc->captions, "The new weir at dawn on Tuesday."),
	    "AMP: what the element rules took out is dropped with its reason; the caption kept");
	unload(&p);

	load(&p, "itemprop-body.html");
	ok(p.ok && has(body(&p), "new weir") && has(body(&p), "Farmers") &&
	    !has(body(&p), "I live downstream") && !has(body(&p), "second weir"),
	    "itemprop=articleBody: the block the page names is the article, alone");
	unload(&p);

	load(&p, "role-hidden.html");
	ok(p.ok && has(body(&p), "new weir") && has(body(&p), "Farmers"),
	    "roles: the article is found");
	ok(p.ok && !has(body(&p), "Sections") && !has(body(&p), "Most read") &&
	    !has(body(&p), "Hidden text") && !has(body(&p), "Another hidden"),
	    "roles: navigation, sidebar and hidden blocks are not the article");
	unload(&p);
}

static void
test_kept(void)
{
	struct page p;

	load(&p, "table-list.html");
	ok(p.ok && has(body(&p), "\n\nWater levels this week\n\n"), "kept: a heading, alone");
	ok(p.ok && has(body(&p), "\n\nMonday 3.1 m\n\n") && has(body(&p), "Day Level"),
	    "kept: a table as rows of text");
	ok(p.ok && has(body(&p), "said the mayor."), "kept: a block quote");
	ok(p.ok && has(body(&p), "\n\nThe weir is 40 metres wide.\n\nIt took"),
	    "kept: a list, an item per paragraph");
	unload(&p);

	load(&p, "captions.html");
	ok(p.ok && has(body(&p), "new weir") && has(body(&p), "Farmers"),
	    "captions: the article is whole");
	ok(p.ok && !has(body(&p), "at dawn") && !has(body(&p), "Tom Hale") &&
	    !has(body(&p), "Ana Ruiz"), "captions: caption, credit and byline are not in the body");
	ok(p.ok && has(p.doc->captions, "The new weir at dawn on Tuesday.") &&
	    has(p.doc->captions, "Photo: Tom Hale"), "captions: kept in their own field");
	is_str(p.ok ? p.doc->authors : NULL, "Ana Ruiz, Li Wei", "captions: the byline's names");
	unload(&p);
}

static void
test_metadata(void)
{
	struct page p;

	load(&p, "jsonld.html");
	is_str(p.ok ? p.clean.title : NULL, "Weir holds back spring flood",
	    "JSON-LD: the headline");
	is_str(p.ok ? p.doc->authors : NULL, "Ana Ruiz, Li Wei", "JSON-LD: the authors");
	is_str(p.ok ? p.doc->published : NULL, "2023-03-14T07:30:00Z",
	    "JSON-LD: datePublished, in UTC");
	is_str(p.ok ? p.doc->modified : NULL, "2023-03-15T10:00:00Z", "JSON-LD: dateModified");
	is_str(p.ok ? p.doc->outlet : NULL, "Valley Courier", "JSON-LD: the publisher");
	is_str(p.ok ? p.doc->language : NULL, "en-GB", "<html lang>");
	unload(&p);

	load(&p, "meta-tags.html");
	is_str(p.ok ? p.clean.title : NULL, "Weir holds back flood",
	    "meta: <title> without its outlet");
	is_str(p.ok ? p.doc->authors : NULL, "Ana Ruiz", "meta: the author");
	is_str(p.ok ? p.doc->published : NULL, "2023-03-14", "meta: the date in the address");
	is_str(p.ok ? p.doc->link : NULL, "https://courier.example/2023/03/14/weir-holds",
	    "meta: the canonical address");
	is_str(p.ok ? p.doc->language : NULL, "pt-BR", "meta: the language");
	unload(&p);

	load(&p, "open-graph.html");
	is_str(p.ok ? p.clean.title : NULL, "Weir holds back spring flood",
	    "Open Graph: og:title over a <title> that says more");
	is_str(p.ok ? p.doc->published : NULL, "2023-03-14T07:30:00Z",
	    "Open Graph: article:published_time, in UTC");
	is_str(p.ok ? p.doc->modified : NULL, "2023-03-15T10:00:00Z",
	    "Open Graph: article:modified_time, in UTC");
	is_str(p.ok ? p.doc->outlet : NULL, "Valley Courier", "Open Graph: og:site_name");
	is_str(p.ok ? p.doc->language : NULL, "en-GB", "Open Graph: og:locale as a language tag");
	unload(&p);

	load(&p, "twitter-time.html");
	is_str(p.ok ? p.clean.title : NULL, "Weir holds back spring flood",
	    "Twitter card: twitter:title over <title>");
	is_str(p.ok ? p.doc->published : NULL, "2023-03-14T07:30:00Z",
	    "markup: the date of <time datetime>");
	unload(&p);

	load(&p, "h1-title.html");
	is_str(p.ok ? p.clean.title : NULL, "Weir holds back spring flood",
	    "markup: the <h1> that <title> holds with more around it");
	ok(p.ok && !has(body(&p), "Weir holds back spring flood"),
	    "markup: the headline is not in the body (%s)", body(&p));
	unload(&p);
}

static void
test_fallbacks(void)
{
	struct page p;

	load(&p, "articlebody-script.html");
	ok(p.ok && has(body(&p), "held back the spring flood") && has(body(&p), "relieved"),
	    "scripts: the JSON-LD articleBody is the article");
	ok(p.ok && !has(body(&p), "window.app") && !has(body(&p), "Loading"),
	    "scripts: code is never text");
	unload(&p);

	load(&p, "noscript.html");
	ok(p.ok && has(body(&p), "held back the spring flood") && !has(body(&p), "document.write"),
	    "noscript: what the page shows without scripts");
	ok(p.ok && p.doc->warning != NULL, "noscript: with a warning");
	unload(&p);

	load(&p, "whole-page.html");
	ok(p.ok && has(body(&p), "River closed") && has(body(&p), "Stay away"),
	    "no block wins: the whole page");
	ok(p.ok && has(p.doc->warning, "whole text"), "no block wins: with a warning");
	unload(&p);
}

/* 100,000 nested blocks: the parser keeps them all, the tree is flattened
 * below 200 levels, and no walk recurses past that; the text above, at the
 * bottom of and after the nesting is the article, in its order. */
static void
test_deep(void)
{
	static const char s[] = "the council met again on Monday, and the talks went on late "
	    "into the night.";
	struct ingest_docs d = { NULL, 0, 0 };
	struct buf b, want;
	int i;

	buf_init(&b);
	buf_init(&want);
	buf_printf(&b, "<html><head><title>Deep</title></head><body><p>Before: %s</p>", s);
	for (i = 0; i < 100000; i++)
		buf_adds(&b, "<div class=\"x\">");
	buf_printf(&b, "<p>At the bottom: %s</p>", s);
	for (i = 0; i < 100000; i++)
		buf_adds(&b, "</div>");
	buf_printf(&b, "<p>After: %s</p></body></html>", s);
	buf_printf(&want, "Before: %s\nAt the bottom: %s\nAfter: %s\n", s, s, s);
	ok(ingest_html(b.data, b.len, hints, &d) == 0 && d.n == 1 && d.v[0].warning == NULL &&
	    d.v[0].text != NULL && strcmp(d.v[0].text, want.data) == 0,
	    "100,000 nested blocks: the three paragraphs, in order, no warning (%s)",
	    d.n == 1 && d.v[0].text != NULL ? d.v[0].text : err_msg());
	ingest_docs_free(&d);
	buf_free(&want);
	buf_free(&b);
}

int
main(void)
{
	char *path;

	hints = ingest_hints_new();
	chrome = ingest_chrome_new();
	path = path_data_file("extract.txt");
	if (ingest_hints_add_file(hints, path) != 0)
		tap_bail("%s", err_msg());
	free(path);
	path = path_data_file("chrome.txt");
	if (ingest_chrome_add_file(chrome, path) != 0)
		tap_bail("%s", err_msg());
	free(path);
	path = path_data_file("abbrev.txt");
	if (text_rules_load(path, &rules) != 0)
		tap_bail("%s", err_msg());
	free(path);

	test_scoring();
	test_kept();
	test_metadata();
	test_fallbacks();
	test_deep();

	ingest_hints_free(hints);
	ingest_chrome_free(chrome);
	text_rules_free(rules);
	return tap_done();
}
