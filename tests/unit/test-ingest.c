/* test-ingest.c: refusing non-text, format detection, the HTML and feed
 * parsers (including malformed and hostile input), dates and the chrome
 * rule file. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ingest.h"
#include "tap.h"
#include "util.h"

#define S(lit) lit, sizeof(lit) - 1

static void
test_check(void)
{
	static const char nul[] = "hello\0world";
	char ctl[100];
	int rc;

	ok(ingest_check_text(S("Plain text.\nWith lines.\n")) == 0, "plain text accepted");
	ok(ingest_check_text(S("\xef\xbb\xbfWith a BOM")) == 0, "UTF-8 BOM accepted");
	rc = ingest_check_text(nul, sizeof nul - 1);
	ok(rc == -1 && strstr(err_msg(), "NUL byte at byte 5") != NULL, "NUL named with offset: %s",
	    err_msg());
	rc = ingest_check_text(S("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
	ok(rc == -1 && strstr(err_msg(), "PNG") != NULL, "PNG named: %s", err_msg());
	rc = ingest_check_text(S("%PDF-1.7\n"));
	ok(rc == -1 && strstr(err_msg(), "PDF") != NULL, "PDF named: %s", err_msg());
	rc = ingest_check_text(S("\xff\xfeh\0i\0"));
	ok(rc == -1 && strstr(err_msg(), "UTF-16") != NULL, "UTF-16 named: %s", err_msg());
	memset(ctl, 'a', sizeof ctl);
	memset(ctl, '\x01', 20);
	ok(ingest_check_text(ctl, sizeof ctl) == 0, "a fifth of control bytes is still text");
	ok(ingest_check_text(S("Title\n\n\x1b[1mbold\x1b[0m and \x1b[31mred\x1b[0m.\n")) == 0,
	    "terminal escape codes (5 control bytes in 42) are text");
	ok(ingest_control_bytes(S("a\x1b[1mb\tc\r\nd\x7f")) == 2, "control bytes counted");
	memset(ctl, '\x01', 60);
	rc = ingest_check_text(ctl, sizeof ctl);
	ok(rc == -1 && strstr(err_msg(), "control") != NULL, "control bytes throughout refused: %s",
	    err_msg());
	memset(ctl, 'a', sizeof ctl);
	memset(ctl, '\xfa', 60);
	rc = ingest_check_text(ctl, sizeof ctl);
	ok(rc == -1 && strstr(err_msg(), "not UTF-8") != NULL, "bytes not UTF-8 throughout refused: %s",
	    err_msg());
	ok(ingest_check_text(S("<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss>"
	    "\xcf\xf0\xe8\xe2\xe5\xf2\xcf\xf0\xe8\xe2\xe5\xf2\xcf\xf0\xe8\xe2\xe5\xf2"
	    "\xcf\xf0\xe8\xe2\xe5\xf2\xcf\xf0\xe8\xe2\xe5\xf2\xcf\xf0\xe8\xe2\xe5\xf2"
	    "\xcf\xf0\xe8\xe2\xe5\xf2\xcf\xf0\xe8\xe2\xe5\xf2\xcf\xf0\xe8\xe2\xe5\xf2"
	    "</rss>")) == 0, "a declared character set's bytes are text");
	ok(strchr(err_msg(), '\n') == NULL, "messages are one line");
}

static void
test_detect(void)
{
	is_int(ingest_detect("a.txt", S("Just words.")), INGEST_TEXT, "text by content");
	is_int(ingest_detect("a", S("Just words.")), INGEST_TEXT, "no extension: text");
	is_int(ingest_detect("a.html", S("Just words.")), INGEST_HTML, "html by extension");
	is_int(ingest_detect("a.txt", S("<!DOCTYPE html><html><p>x")), INGEST_HTML,
	    "html doctype wins over .txt");
	is_int(ingest_detect("a", S("\n  <html lang=en><body>x")), INGEST_HTML, "<html> root");
	is_int(ingest_detect("a.txt", S("<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\">")),
	    INGEST_FEED, "rss root after declaration and comment");
	is_int(ingest_detect(NULL, S("\xef\xbb\xbf<?xml version='1.0'?><feed xmlns='x'>")),
	    INGEST_FEED, "atom root after a BOM");
	is_int(ingest_detect("x", S("<rdf:RDF xmlns:rdf='r'>")), INGEST_FEED, "RSS 1.0 root");
	is_int(ingest_detect("a.atom", S("<?xml version='1.0'?><unknown/>")), INGEST_FEED,
	    "other XML: by extension");
	is_int(ingest_detect("a.txt", S("<b>bold</b> words")), INGEST_TEXT,
	    "a tag in text does not make HTML");
	is_int(ingest_format_parse("feed"), INGEST_FEED, "format names");
	is_int(ingest_format_parse("pdf"), INGEST_AUTO, "unknown format name");
	ok(ingest_known_extension("dir/a.HTML") && ingest_known_extension("x.rss") &&
	    !ingest_known_extension("README") && !ingest_known_extension("a.png") &&
	    !ingest_known_extension(".txt"), "known extensions");
}

static void
test_charset(void)
{
	char *cs;

	cs = ingest_declared_charset(S("<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss/>"));
	is_str(cs, "windows-1251", "XML declaration's encoding");
	free(cs);
	cs = ingest_declared_charset(S("<html><head><meta charset=ISO-8859-1><title>"));
	is_str(cs, "ISO-8859-1", "meta charset");
	free(cs);
	cs = ingest_declared_charset(S("<meta http-equiv=\"Content-Type\" "
	    "content=\"text/html; charset=koi8-r\">"));
	is_str(cs, "koi8-r", "http-equiv content type");
	free(cs);
	cs = ingest_declared_charset(S("<meta charset=\"utf-8\">"));
	ok(cs == NULL, "UTF-8 is no conversion");
	free(cs);
	ok(ingest_declared_charset(S("<p>nothing declared")) == NULL, "none declared");
}

/* The shipped extraction rules (data/extract.txt), which also name the
 * meta tags a page's metadata is read from. */
static struct ingest_hints *hints;

static struct ingest_doc *
html1(struct ingest_docs *d, const char *html)
{
	memset(d, 0, sizeof *d);
	if (ingest_html(html, strlen(html), hints, d) != 0 || d->n != 1) {
		diag("ingest_html failed: %s", err_msg());
		return NULL;
	}
	return &d->v[0];
}

static void
test_html(void)
{
	struct ingest_docs d;
	struct ingest_doc *doc;

	doc = html1(&d,
	    "<!DOCTYPE html><html><head><title>Talks | The Ledger</title>"
	    "<meta property=\"og:title\" content=\"Talks in Munich\">"
	    "<meta property=\"og:site_name\" content=\"The Ledger\">"
	    "<meta property=\"article:published_time\" content=\"2023-02-18T10:30:00+01:00\">"
	    "<link rel=\"canonical\" href=\"https://example.org/talks\">"
	    "<style>p { color: red }</style><script>var x = '<p>not text</p>';</script>"
	    "</head><body><nav><a href=/>Home</a> <a href=/w>World</a></nav>"
	    "<article><h1>Talks   in\nMunich</h1><p>First <b>bold</b> paragraph &amp; more.</p>"
	    "<p>Second&nbsp;one<br>with a break.</p><ul><li>one</li><li>two</li></ul>"
	    "<table><tr><td>a</td><td>b</td></tr></table>"
	    "<div hidden>secret</div><form><input value=x>Search</form></article>"
	    "<footer>© 2023</footer></body></html>");
	ok(doc != NULL, "parses a page");
	if (doc != NULL) {
		is_str(doc->title, "Talks in Munich", "og:title");
		is_str(doc->outlet, "The Ledger", "og:site_name");
		is_str(doc->published, "2023-02-18T09:30:00Z", "published time in UTC");
		is_str(doc->link, "https://example.org/talks", "canonical link");
		is_str(doc->format, "html", "format");
		is_str(doc->text, "Talks in Munich\nFirst bold paragraph & more.\n"
		    "Second\xc2\xa0one\nwith a break.\none\ntwo\na b\n",
		    "article text: one line per block, no script, style, nav, form or hidden");
	}
	ingest_docs_free(&d);

	/* Without rules the meta tags name nothing: the <title> it is. */
	memset(&d, 0, sizeof d);
	ok(ingest_html(S("<html><head><title>Talks in Munich</title>"
	    "<meta property=\"og:title\" content=\"Other\"></head><body><p>Text.</p>"), NULL,
	    &d) == 0 && d.n == 1 && d.v[0].title != NULL &&
	    strcmp(d.v[0].title, "Talks in Munich") == 0 && d.v[0].outlet == NULL,
	    "no rules: the meta tags are not read, the <title> is the title");
	ingest_docs_free(&d);

	doc = html1(&d, "<html><head><title>Only a title</title></head><body>"
	    "<article><p>short related</p></article>"
	    "<article><p>The main story has by far the most text in it.</p><p>Two.</p></article>"
	    "<time datetime=\"2022-11-09\">then</time></body></html>");
	if (ok(doc != NULL, "page with several articles")) {
		is_str(doc->text, "The main story has by far the most text in it.\nTwo.\n",
		    "the longest <article> is the story");
		is_str(doc->title, "Only a title", "<title> when nothing better");
	}
	ingest_docs_free(&d);

	doc = html1(&d, "<html><body><main><h1>Heading</h1><p>Text <time datetime=\"2021-05-04\">"
	    "May 4</time>.</p></main></body></html>");
	if (ok(doc != NULL, "page with <main>")) {
		is_str(doc->title, "Heading", "h1 as title");
		is_str(doc->published, "2021-05-04", "<time datetime> as the date");
	}
	ingest_docs_free(&d);

	doc = html1(&d, "<p>Unclosed <b>bold <i>and italic<p>Next para<div>and <<< junk >>> "
	    "&bogus; </span></table>");
	if (ok(doc != NULL, "malformed HTML recovers")) {
		ok(strstr(doc->text, "Unclosed bold and italic") != NULL &&
		    strstr(doc->text, "Next para") != NULL, "its text is kept: %s", doc->text);
	}
	ingest_docs_free(&d);

	memset(&d, 0, sizeof d);
	ok(ingest_html(S("   "), NULL, &d) == -1 || (d.n == 1 && d.v[0].text[0] == '\0'),
	    "blank HTML gives no text");
	ingest_docs_free(&d);

	/* Latin-1 bytes converted when the page says so. */
	memset(&d, 0, sizeof d);
	{
		static const char latin1[] =
		    "<html><head><meta charset=windows-1252></head><body><p>caf\xe9</p>"
		    "<p>odd \x81 byte</p><p>after it</p>";
		struct text_utf8_report rep;
		struct buf t;
		char *cs;

		buf_init(&t);
		ok(ingest_decode(INGEST_HTML, S(latin1), &t, &rep, &cs) == 0 && cs != NULL &&
		    strcmp(cs, "windows-1252") == 0 && rep.replaced == 1 &&
		    rep.first_bad == (size_t)(strchr(latin1, '\x81') - latin1),
		    "an undefined byte of the declared charset is counted at its offset");
		ok(ingest_html(t.data, t.len, NULL, &d) == 0 && d.n == 1 &&
		    strcmp(d.v[0].text, "caf\xc3\xa9\nodd \xef\xbf\xbd byte\nafter it\n") == 0,
		    "declared charset converted to UTF-8, U+FFFD in its place, nothing lost: %s",
		    d.n == 1 ? d.v[0].text : "");
		free(cs);
		buf_reset(&t);
		ok(ingest_decode(INGEST_HTML, S("<meta charset=utf-7><p>+ABs-\xff</p>"), &t, &rep,
		    &cs) == -1 && cs == NULL && rep.replaced == 1 && strstr(t.data, "+ABs-") != NULL,
		    "UTF-7 (markup not kept as ASCII) is not decoded: %s", err_msg());
		buf_free(&t);
	}
	ingest_docs_free(&d);
}

static const char rss[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n"
    "<channel><title>Caucasus Wire</title><link>https://wire.example</link>\n"
    "<item><title>First &amp; foremost</title><link>https://wire.example/1</link>\n"
    "<pubDate>Tue, 28 Feb 2023 10:15:00 +0400</pubDate>\n"
    "<description>&lt;p&gt;Escaped &lt;b&gt;HTML&lt;/b&gt; body.&lt;/p&gt;&lt;p&gt;Two.&lt;/p&gt;"
    "</description></item>\n"
    "<item><title>Second</title><guid isPermaLink=\"false\">tag:2</guid>\n"
    "<pubDate>Mon, 20 Mar 2023 09:00:00 GMT</pubDate>\n"
    "<description>short</description>\n"
    "<content:encoded><![CDATA[<p>Full text wins.</p>]]></content:encoded></item>\n"
    "</channel></rss>\n";

static void
test_rss(void)
{
	struct ingest_docs d = { 0 };

	ok(ingest_feed(rss, sizeof rss - 1, &d) == 0 && d.n == 2, "RSS 2.0: two items");
	if (d.n == 2) {
		is_str(d.v[0].title, "First & foremost", "item title");
		is_str(d.v[0].link, "https://wire.example/1", "item link");
		is_str(d.v[0].published, "2023-02-28T06:15:00Z", "RFC 822 date in UTC");
		is_str(d.v[0].outlet, "Caucasus Wire", "channel title is the outlet");
		is_str(d.v[0].text, "Escaped HTML body.\nTwo.\n", "escaped HTML description");
		is_str(d.v[0].format, "rss", "format");
		ok(d.v[1].link == NULL, "guid that is not a permalink is no link");
		is_str(d.v[1].text, "Full text wins.\n", "content:encoded over description");
		is_str(d.v[1].published, "2023-03-20T09:00:00Z", "GMT date");
	}
	ingest_docs_free(&d);
}

static void
test_atom(void)
{
	static const char atom[] =
	    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title type=\"text\">Ledger</title>\n"
	    "<entry><title type=\"html\">A &lt;i&gt;big&lt;/i&gt; day</title>\n"
	    "<link rel=\"self\" href=\"https://l.example/self\"/>"
	    "<link href=\"https://l.example/a\"/>\n"
	    "<updated>2023-07-26T08:00:00Z</updated><published>2023-07-25T18:30:00+03:00</published>\n"
	    "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
	    "<p>First para.</p><p>Second <em>para</em>.</p></div></content></entry>\n"
	    "<entry><title>Plain</title><link rel=\"alternate\" href=\"https://l.example/b\"/>"
	    "<updated>2023-07-27T00:00:00Z</updated>"
	    "<summary>Just a summary.</summary></entry>\n"
	    "<entry><title>Html</title><updated>2023-07-28</updated>"
	    "<content type=\"html\">&lt;p&gt;Escaped.&lt;/p&gt;</content></entry>\n"
	    "</feed>\n";
	static const char rdf[] =
	    "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
	    " xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
	    "<channel><title>Old style</title></channel>"
	    "<item><title>One</title><link>https://o.example/1</link><dc:date>2023-01-02</dc:date>"
	    "<description>Body one.</description></item></rdf:RDF>";
	struct ingest_docs d = { 0 };

	ok(ingest_feed(atom, sizeof atom - 1, &d) == 0 && d.n == 3, "Atom: three entries");
	if (d.n == 3) {
		is_str(d.v[0].title, "A big day", "html title as text");
		is_str(d.v[0].link, "https://l.example/a", "alternate link, not self");
		is_str(d.v[0].published, "2023-07-25T15:30:00Z", "published over updated");
		is_str(d.v[0].text, "First para.\nSecond para.\n", "xhtml content");
		is_str(d.v[0].outlet, "Ledger", "feed title is the outlet");
		is_str(d.v[1].text, "Just a summary.\n", "summary when no content");
		is_str(d.v[1].published, "2023-07-27T00:00:00Z", "updated when not published");
		is_str(d.v[2].text, "Escaped.\n", "html content");
		is_str(d.v[2].format, "atom", "format");
	}
	ingest_docs_free(&d);
	ok(ingest_feed(rdf, sizeof rdf - 1, &d) == 0 && d.n == 1, "RSS 1.0: one item");
	if (d.n == 1) {
		is_str(d.v[0].published, "2023-01-02", "dc:date");
		is_str(d.v[0].outlet, "Old style", "channel title");
	}
	ingest_docs_free(&d);
}

static void
test_bad_feeds(void)
{
	static const char broken[] =
	    "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>\n"
	    "<item><title>Unclosed</title>\n<description>text</item>\n</channel></rss>\n";
	static const char laughs[] =
	    "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n"
	    " <!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
	    " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
	    " <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
	    " <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
	    " <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
	    " <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
	    " <!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
	    "]>\n<rss version=\"2.0\"><channel><title>t</title>"
	    "<item><title>Laughs &g; end</title><description>body</description></item>"
	    "</channel></rss>\n";
	static const char external[] =
	    "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n"
	    " <!ENTITY ext SYSTEM \"file:///etc/passwd\">\n"
	    " <!ENTITY net SYSTEM \"http://192.0.2.1/x\">\n"
	    "]>\n<rss version=\"2.0\"><channel><title>t</title>"
	    "<item><title>Ext &net;</title><description>body &ext; here</description></item>"
	    "</channel></rss>\n";
	struct ingest_docs d = { 0 };
	clock_t t0;
	int rc;

	rc = ingest_feed(broken, sizeof broken - 1, &d);
	ok(rc == -1 && strstr(err_msg(), "not well-formed XML at line 4:") != NULL &&
	    strchr(err_msg(), '\n') == NULL, "malformed feed refused with its line: %s", err_msg());
	ingest_docs_free(&d);
	rc = ingest_feed(S("<?xml version=\"1.0\"?><html><p>x</p></html>"), &d);
	ok(rc == -1 && strstr(err_msg(), "not an RSS or Atom feed") != NULL,
	    "other XML refused: %s", err_msg());
	ingest_docs_free(&d);
	rc = ingest_feed(S("<rss version=\"2.0\"><channel><title>t</title></channel></rss>"),
	    &d);
	ok(rc == -1 && strstr(err_msg(), "without items") != NULL, "feed without items: %s",
	    err_msg());
	ingest_docs_free(&d);
	rc = ingest_feed(S(""), &d);
	ok(rc == -1, "empty feed refused: %s", err_msg());
	ingest_docs_free(&d);

	t0 = clock();
	rc = ingest_feed(laughs, sizeof laughs - 1, &d);
	ok(rc == -1 && strstr(err_msg(), "declares an entity at line 3") != NULL &&
	    strchr(err_msg(), '\n') == NULL, "entity amplification refused at its declaration: %s",
	    err_msg());
	ok((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0, "and takes no time to speak of");
	ingest_docs_free(&d);
	rc = ingest_feed(external, sizeof external - 1, &d);
	ok(rc == -1 && d.n == 0 && strstr(err_msg(), "declares an entity at line 3") != NULL,
	    "a feed declaring external entities is refused: %s", err_msg());
	ingest_docs_free(&d);
}

static void
test_dates(struct ingest_chrome *c)
{
	char out[21];

	ok(ingest_date(NULL, S("2023-02-28"), out) == 0 && strcmp(out, "2023-02-28") == 0,
	    "ISO date");
	ok(ingest_date(NULL, S("2023-02-28T23:30:00-02:00"), out) == 0 &&
	    strcmp(out, "2023-03-01T01:30:00Z") == 0, "ISO with zone crosses midnight: %s", out);
	ok(ingest_date(NULL, S("2023-02-28 10:15:30.123Z"), out) == 0 &&
	    strcmp(out, "2023-02-28T10:15:30Z") == 0, "fractional seconds, space separator");
	ok(ingest_date(NULL, S("Sat, 18 Feb 2023 14:00:00 EST"), out) == 0 &&
	    strcmp(out, "2023-02-18T19:00:00Z") == 0, "RFC 822 named zone: %s", out);
	ok(ingest_date(NULL, S("18 Feb 2023"), out) == 0 && strcmp(out, "2023-02-18") == 0,
	    "day month year without time");
	ok(ingest_date(c, S("February 28, 2023"), out) == 0 && strcmp(out, "2023-02-28") == 0,
	    "month name from the rules");
	ok(ingest_date(c, S("Tuesday, 28 February 2023"), out) == 0 &&
	    strcmp(out, "2023-02-28") == 0, "leading weekday");
	ok(ingest_date(c, S("Sept. 5, 2024"), out) == 0 && strcmp(out, "2024-09-05") == 0,
	    "abbreviation with a period");
	ok(ingest_date(NULL, S("February 28, 2023"), out) == -1,
	    "no month names without the rules");
	ok(ingest_date(c, S("2023-02-30"), out) == -1, "30 February refused");
	ok(ingest_date(c, S("03/04/2023"), out) == -1, "ambiguous numeric date refused");
	ok(ingest_date(c, S("March 2023"), out) == -1, "no day: not a date");
	ok(ingest_date(c, S("The talks of March 3, 2023"), out) == -1, "a sentence is not a date");
	ok(ingest_date(c, S("May 4"), out) == -1, "no year: not a date");
	ok(ingest_date(c, S("2023-13-01"), out) == -1, "month 13 refused");
}

static struct ingest_chrome *
test_chrome(void)
{
	struct ingest_chrome *c = ingest_chrome_new();
	char *path = path_data_file("chrome.txt");
	size_t a, b;
	int rc;

	ok(ingest_chrome_add(c, "t", S("# comment\n\ndrop  No time to read?\n"
	    "link Next  Article\ncomments # comment\ncomments # comments\n"
	    "outlet © # *\ndate Published: *\ndrop Ad for *\nmonth 3 March Mar\n")) == 0,
	    "rules parse");
	is_int(ingest_chrome_match(c, S("No time to read?"), &a, &b), RULE_DROP, "exact line");
	is_int(ingest_chrome_match(c, S("  no TIME to   read?  "), &a, &b), RULE_DROP,
	    "case and spaces ignored");
	is_int(ingest_chrome_match(c, S("No time to read? Never."), &a, &b), RULE_NONE,
	    "whole line only");
	is_int(ingest_chrome_match(c, S("next article"), &a, &b), RULE_LINK, "link rule");
	is_int(ingest_chrome_match(c, S("1 comment"), &a, &b), RULE_COMMENTS, "# is digits");
	is_int(ingest_chrome_match(c, S("24 comments"), &a, &b), RULE_COMMENTS, "more digits");
	is_int(ingest_chrome_match(c, S("no comments"), &a, &b), RULE_NONE, "# needs a digit");
	ok(ingest_chrome_match(c, S("© 2023 The Ledger"), &a, &b) == RULE_OUTLET &&
	    b - a == 10 && memcmp("© 2023 The Ledger" + a, "The Ledger", 10) == 0,
	    "outlet captured");
	ok(ingest_chrome_match(c, S("Published: March 3, 2023"), &a, &b) == RULE_DATE,
	    "date line");
	is_int(ingest_chrome_match(c, S("Published: by the ministry"), &a, &b), RULE_NONE,
	    "date rule needs a date");
	is_int(ingest_chrome_month(c, S("mar")), 3, "month lookup ignores case");
	{
		char para[300];
		memset(para, 'x', sizeof para);
		memcpy(para, "Ad for ", 7);
		is_int(ingest_chrome_match(c, para, sizeof para, &a, &b), RULE_NONE,
		    "a long line is never chrome");
	}
	ingest_chrome_free(c);

	c = ingest_chrome_new();
	rc = ingest_chrome_add(c, "u.txt", S("drop x\n\nfrob y\n"));
	ok(rc == -1 && strstr(err_msg(), "u.txt: line 3: unknown rule 'frob'") != NULL,
	    "unknown rule named with file and line: %s", err_msg());
	rc = ingest_chrome_add(c, "u.txt", S("date Published\n"));
	ok(rc == -1 && strstr(err_msg(), "line 1") != NULL && strstr(err_msg(), "'*'"),
	    "date rule without '*': %s", err_msg());
	rc = ingest_chrome_add(c, "u.txt", S("month 13 Undecember\n"));
	ok(rc == -1 && strstr(err_msg(), "month"), "bad month line: %s", err_msg());
	rc = ingest_chrome_add(c, "u.txt", S("drop\n"));
	ok(rc == -1 && strstr(err_msg(), "needs a pattern"), "rule without pattern: %s",
	    err_msg());
	ingest_chrome_free(c);

	c = ingest_chrome_new();
	rc = ingest_chrome_add_file(c, path);
	ok(rc == 0, "the shipped chrome.txt loads: %s", rc ? err_msg() : path);
	free(path);
	return c;
}

int
main(void)
{
	struct ingest_chrome *c;
	char *path;

	test_check();
	test_detect();
	test_charset();
	hints = ingest_hints_new();
	path = path_data_file("extract.txt");
	if (ingest_hints_add_file(hints, path) != 0)
		diag("%s", err_msg());
	free(path);
	test_html();
	ingest_hints_free(hints);
	test_rss();
	test_atom();
	test_bad_feeds();
	c = test_chrome();
	test_dates(c);
	ingest_chrome_free(c);
	return tap_done();
}
