/*
 * test-feeds.c: the pure parts of subscriptions: reading OPML and
 * newsboat's urls file (ingest-subs.c), writing OPML and reading it back
 * (feeds-opml.c), and the URL checks and the hiding of credentials in
 * messages (fetch.c). No network.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "feeds.h"
#include "fetch.h"
#include "ingest.h"
#include "tap.h"
#include "util.h"

static const char *
or_null(const char *s)
{
	return s != NULL ? s : "(null)";
}

static void
test_urls(void)
{
	static const char urls[] =
	    "# comment\r\n"
	    "https://a.example/rss\r\n"
	    "  https://b.example/feed \"~B \\\"quoted\\\" name\" tag1 \"tag two\" !hide x,y\n"
	    "\n"
	    "query:Unread:unread = \"yes\"\n"
	    "filter:~/f:https://c.example/\n"
	    "gopher://d.example/\n"
	    "https://e.example/\"\"";
	struct ingest_subs s = { 0 };

	is_int(ingest_urls(urls, sizeof urls - 1, &s), 0, "urls: read");
	is_int((long long)s.n, 3, "urls: three feeds");
	if (s.n == 3) {
		is_str(s.v[0].url, "https://a.example/rss", "urls: CRLF line, no tags");
		ok(s.v[0].name == NULL && s.v[0].tags == NULL, "urls: no name, no tags");
		is_str(s.v[1].url, "https://b.example/feed", "urls: leading blanks");
		is_str(or_null(s.v[1].name), "B \"quoted\" name", "urls: ~name in quotes, escapes");
		is_str(or_null(s.v[1].tags), "tag1,tag two,x y", "urls: tags; ! marks left out; "
		    "a comma in a tag becomes a space");
		is_str(s.v[2].url, "https://e.example/\"\"", "urls: quotes inside a URL word");
	}
	is_int((long long)s.nskipped, 3, "urls: query, filter and gopher lines skipped");
	if (s.nskipped == 3) {
		is_str(s.skipped[0], "line 5: newsboat's query, exec and filter feeds are not fetched",
		    "urls: skipped with the line");
		is_str(s.skipped[2], "line 7: not an http or https URL", "urls: other schemes");
	}
	ingest_subs_free(&s);
}

static void
test_opml(void)
{
	static const char opml[] =
	    "<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><head/><body>\n"
	    "<outline text=\"Folder &amp; co\"><outline text=\"Inner\">\n"
	    "  <outline text=\"T\" xmlUrl=\"https://a.example/?a=1&amp;b=2\" category=\"x,/p/q\"/>\n"
	    "</outline></outline>\n"
	    "<outline title=\"Titled\" text=\"ignored\" xmlUrl=\"https://b.example/\"/>\n"
	    "<outline xmlUrl=\"https://c.example/\"/>\n"
	    "</body></opml>\n";
	static const char entity[] =
	    "<?xml version=\"1.0\"?>\n<!DOCTYPE opml [<!ENTITY a \"aaaa\">]>\n<opml/>";
	struct ingest_subs s = { 0 };

	is_int(ingest_opml(opml, sizeof opml - 1, &s), 0, "opml: read");
	is_int((long long)s.n, 3, "opml: three feeds");
	if (s.n == 3) {
		is_str(s.v[0].url, "https://a.example/?a=1&b=2", "opml: the URL unescaped");
		is_str(or_null(s.v[0].tags), "Folder & co,Inner,x,q", "opml: folders and categories "
		    "(a path's last part) as tags");
		is_str(or_null(s.v[1].name), "Titled", "opml: title before text");
		ok(s.v[2].name == NULL && s.v[2].tags == NULL, "opml: no name, no tags");
	}
	ingest_subs_free(&s);
	ok(ingest_opml(entity, sizeof entity - 1, &s) != 0 && strstr(err_msg(), "entity at line 2"),
	    "opml: an entity declaration is refused (%s)", err_msg());
	ingest_subs_free(&s);
	ok(ingest_opml("<rss/>", 6, &s) != 0 && strstr(err_msg(), "not an OPML file"),
	    "opml: another document is refused (%s)", err_msg());
	ingest_subs_free(&s);
	ok(ingest_opml("<opml><body>", 12, &s) != 0 && strstr(err_msg(), "not well-formed"),
	    "opml: a broken file is refused (%s)", err_msg());
	ingest_subs_free(&s);
}

static void
test_opml_round_trip(void)
{
	static char u1[] = "https://a.example/x?a=1&b=<2>", n1[] = "Fish & \"Chips\" <Ltd>",
	    t1[] = "news,long tag", u2[] = "http://b.example/";
	struct store_feed v[2] = { { 0 } };
	struct ingest_subs s = { 0 };
	struct buf out;

	v[0].url = u1;
	v[0].name = n1;
	v[0].tags = t1;
	v[1].url = u2;
	buf_init(&out);
	is_int(feeds_opml_write(v, 2, &out), 0, "opml write");
	ok(strstr(out.data, "<opml version=\"2.0\">") != NULL, "opml write: version 2.0");
	is_int(ingest_opml(out.data, out.len, &s), 0, "opml write: read back");
	is_int((long long)s.n, 2, "round trip: two feeds");
	if (s.n == 2) {
		is_str(s.v[0].url, u1, "round trip: URL");
		is_str(or_null(s.v[0].name), n1, "round trip: name");
		is_str(or_null(s.v[0].tags), t1, "round trip: tags");
		is_str(or_null(s.v[1].name), u2, "round trip: a feed without a name has its URL");
	}
	ingest_subs_free(&s);
	buf_free(&out);
}

static void
test_urls_safe(void)
{
	char *s;

	s = fetch_url_safe("https://user:secret@example.org/feed?x=1");
	is_str(s, "https://***@example.org/feed?x=1", "credentials hidden");
	free(s);
	s = fetch_url_safe("https://example.org/feed");
	is_str(s, "https://example.org/feed", "a URL without credentials unchanged");
	free(s);
	is_int(fetch_url_check("https://example.org/"), 0, "https accepted");
	is_int(fetch_url_check("http://127.0.0.1:8080/f.xml"), 0, "http with a port accepted");
	ok(fetch_url_check("file:///etc/passwd") != 0 && strstr(err_msg(), "a file URL"),
	    "file:// refused (%s)", err_msg());
	ok(fetch_url_check("example.org/feed") != 0, "no scheme refused");
	ok(fetch_url_check("ftp://example.org/") != 0, "ftp refused");
	ok(strncmp(fetch_user_agent(), "dossier/" PACKAGE_VERSION " ", 9 + strlen(PACKAGE_VERSION))
	    == 0, "User-Agent: %s", fetch_user_agent());
}

int
main(void)
{
	test_urls();
	test_opml();
	test_opml_round_trip();
	test_urls_safe();
	return tap_done();
}
