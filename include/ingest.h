/*
 * ingest.h: turning files into articles. Knows nothing of SQLite: it takes
 * bytes and returns documents (one per file, or one per feed item) and then
 * cleans each into title, body and comments.
 *
 *   ingest-detect.c  refusing what is not text (NUL, binary, UTF-16) and
 *                    telling plain text, HTML and feeds apart
 *   ingest-plain.c   plain text: lines as they are
 *   ingest-html.c    HTML with libxml2's HTML parser: the text of the page's
 *                    article as one line per block, with its metadata
 *   ingest-extract.c which blocks of a web page are its article (scoring by
 *                    text, links and the hints of data/extract.txt)
 *   ingest-hints.c   the rules of data/extract.txt
 *   ingest-meta.c    a page's title, authors, dates, outlet, address and
 *                    language (JSON-LD, meta tags, markup)
 *   ingest-feed.c    RSS 2.0 / RSS 1.0 / Atom with libxml2's XML parser (no
 *                    network, no entity expansion): one document per item
 *   ingest-xml.c     what the two libxml2 parsers share: attributes read
 *                    without entity expansion, libxml2 kept off stderr
 *   ingest-date.c    dates in the forms feeds and pages use, as ISO 8601
 *   ingest-chrome.c  the page-chrome patterns of data/chrome.txt
 *   ingest-clean.c   page chrome out, title found, comments kept apart,
 *                    dateline noted, whitespace and control characters tidied
 *   ingest-subs.c    subscription lists: OPML 2.0 and newsboat's urls file
 *
 * Text handed in must be valid UTF-8 (ingest_decode first); text handed
 * out is valid UTF-8, not yet NFC.
 *
 * SQLite is used here only as a JSON parser, on an in-memory connection
 * (JSON-LD in web pages); no database is opened.
 */
#ifndef DOSSIER_INGEST_H
#define DOSSIER_INGEST_H

#include <stddef.h>

#include "text.h"

enum ingest_format {
	INGEST_AUTO = 0,   /* decide from content and name */
	INGEST_TEXT,
	INGEST_HTML,
	INGEST_FEED,       /* RSS or Atom; the document says which */
};

/* What a parser found in one document or feed item, before cleaning. */
struct ingest_doc {
	char *title;       /* from markup (<title>, og:title, item title), or NULL */
	char *text;        /* one paragraph per line; blank lines between blocks */
	char *link;        /* the item's or page's own URL, or NULL */
	char *published;   /* ISO 8601 ("2023-02-28" or "2023-02-28T10:00:00Z"), or NULL */
	char *outlet;      /* site or feed name, or NULL */
	char *authors;     /* "Ana Ruiz, Li Wei", or NULL */
	char *modified;    /* ISO 8601 like published, or NULL */
	char *language;    /* "en", "pt-BR" as the page declares it, or NULL */
	char *captions;    /* figure captions and image credits, one per line, or NULL */
	char *dropped;     /* "REASON\tTEXT" lines extraction left out, or NULL */
	char *warning;     /* what the caller should warn about, or NULL */
	const char *format;   /* "text", "html", "rss", "atom" */
	/* A feed item's identity, with its link: the item's own id (RSS guid,
	 * Atom id), and the feed's (Atom feed id, else the channel's link),
	 * each NULL when the feed gives none. */
	char *id;
	char *feed;
};

struct ingest_docs {
	struct ingest_doc *v;
	size_t n, cap;
};
void ingest_docs_free(struct ingest_docs *d);
/* Appends an empty document and returns it. */
struct ingest_doc *ingest_docs_add(struct ingest_docs *d);
/* The text in B as one line (a title): line breaks as spaces, trailing
 * spaces dropped; malloc'd, or NULL when nothing is left. B is consumed. */
char *ingest_one_line(struct buf *b);

/* ---- ingest-detect.c ------------------------------------------------ */

/* Refuses input that is not text: a known binary signature, UTF-16/32, a
 * NUL byte, or bytes that are control bytes or not UTF-8 (unless a
 * character set is declared) throughout. A few control bytes, such as a
 * terminal's escape codes, are text: import tidies them. The message (via
 * err_set) says why and where, without the file name (the caller adds it). */
int ingest_check_text(const char *data, size_t len);
/* Control bytes in DATA other than tab, line ends and form feed: what
 * import tidies out of a text and warns of. */
size_t ingest_control_bytes(const char *data, size_t len);
/* The format from the content when it is clear (an XML declaration or
 * root, a doctype or <html>), else from NAME's extension, else text. */
enum ingest_format ingest_detect(const char *name, const char *data, size_t len);
/* "text", "html", "feed"; INGEST_AUTO for anything else. */
enum ingest_format ingest_format_parse(const char *s);
/* Does NAME end in an extension dossier imports when walking a directory
 * (.txt .text .htm .html .xhtml .xml .rss .atom)? */
int ingest_known_extension(const char *name);
/* The character set an HTML or XML document declares in its first bytes
 * (meta charset, XML declaration), malloc'd; NULL when none. */
char *ingest_declared_charset(const char *data, size_t len);
/* The text of a file as the parsers take it (valid UTF-8), appended to
 * OUT: the bytes themselves when they are UTF-8; else, for HTML and feeds
 * that declare a character set, the text decoded from it (*CHARSET is that
 * name, malloc'd); else the bytes with invalid sequences replaced. Either
 * way REP counts the bytes replaced by U+FFFD and gives the first one's
 * offset. Returns -1, with the text repaired as UTF-8 and the reason in
 * err_msg(), when the declared character set cannot be used. */
int ingest_decode(enum ingest_format format, const char *data, size_t len, struct buf *out,
    struct text_utf8_report *rep, char **charset);

/* ---- ingest-hints.c ------------------------------------------------- */

/* The rules of data/extract.txt (see that file and dossier(1)): what the
 * class, id, role and itemprop words of a page's blocks say about them. */
struct ingest_hints;
struct ingest_hints *ingest_hints_new(void);
void ingest_hints_free(struct ingest_hints *h);
/* Adds the rules of TEXT (NAME names it in errors, with the line) or of
 * the file PATH, after those already there. */
int ingest_hints_add(struct ingest_hints *h, const char *name, const char *text, size_t len);
int ingest_hints_add_file(struct ingest_hints *h, const char *path);

/* ---- parsers -------------------------------------------------------- */

/* Each appends one document per article to OUT. DATA is valid UTF-8
 * (ingest_decode); a character set the document declares is not looked at
 * again. Errors name no file (the caller adds it) but name the line where
 * the parser gives one. libxml2 prints nothing of its own. HINTS (may be
 * NULL: structure alone) guide finding a web page's article. */
int ingest_plain(const char *data, size_t len, struct ingest_docs *out);
int ingest_html(const char *data, size_t len, const struct ingest_hints *hints,
    struct ingest_docs *out);
int ingest_feed(const char *data, size_t len, struct ingest_docs *out);
/* Dispatches on FORMAT (not INGEST_AUTO). */
int ingest_parse(enum ingest_format format, const char *data, size_t len,
    const struct ingest_hints *hints, struct ingest_docs *out);

/* ingest-html.c, for the feed parser too: the text of an HTML fragment
 * (an item's description), one line per block, appended to OUT. */
int ingest_html_fragment_text(const char *html, size_t len, struct buf *out);

/* ---- ingest-date.c -------------------------------------------------- */

/* Parses RFC 822/1123 ("Tue, 28 Feb 2023 10:15:00 +0400"), ISO 8601 /
 * RFC 3339 ("2023-02-28", "2023-02-28T10:15:00+04:00") and, with month
 * names from the chrome rules, "February 28, 2023" / "28 February 2023".
 * Writes "YYYY-MM-DD" or, when a time is given, "YYYY-MM-DDTHH:MM:SSZ" in
 * UTC into OUT (at least 21 bytes). Returns 0, or -1 when S is not a date. */
struct ingest_chrome;
int ingest_date(const struct ingest_chrome *months, const char *s, size_t len, char out[21]);

/* ---- ingest-chrome.c ------------------------------------------------ */

/* The rules of data/chrome.txt (see that file and dossier(1)). */
enum ingest_rule {
	RULE_DROP,       /* the line is page chrome */
	RULE_LINK,       /* the line and the headline after it ("Next Article") */
	RULE_COMMENTS,   /* the line starts the reader comments ("1 comment") */
	RULE_DATE,       /* a date line; the '*' part is the date */
	RULE_OUTLET,     /* an outlet line ("© 2023 *"); the '*' part is the name */
	RULE_NONE,
};
struct ingest_chrome *ingest_chrome_new(void);
void ingest_chrome_free(struct ingest_chrome *c);
/* Adds the rules of TEXT (the file format; NAME names it in errors, with
 * the line) or of the file PATH. Later rules come after earlier ones. */
int ingest_chrome_add(struct ingest_chrome *c, const char *name, const char *text,
    size_t len);
int ingest_chrome_add_file(struct ingest_chrome *c, const char *path);
/* The first rule LINE (trimmed) matches, with the '*' part in
 * [*cap_start, *cap_end) of LINE when the rule has one. */
enum ingest_rule ingest_chrome_match(const struct ingest_chrome *c, const char *line,
    size_t len, size_t *cap_start, size_t *cap_end);
/* Month number (1-12) for a month name or abbreviation, else 0. */
int ingest_chrome_month(const struct ingest_chrome *c, const char *name, size_t len);

/* ---- ingest-clean.c ------------------------------------------------- */

struct ingest_clean {
	char *title;       /* never NULL on success */
	char *body;        /* paragraphs separated by blank lines */
	size_t body_len;
	char *comments;    /* NULL when none */
	char *dateline;    /* "MOSCOW" of "MOSCOW — ...", or NULL */
	char *published;   /* from a date line when the document had none */
	char *outlet;      /* the document's, tidied; else from an outlet line */
	char *link;        /* the document's, tidied; NULL when none */
	char *authors;     /* the document's, tidied; NULL when none */
	char *language;    /* the document's, tidied; NULL when none */
	char *captions;    /* the document's, each line tidied; NULL when none */
	char *dropped;     /* "REASON\tTEXT" lines left out (the document's own
	                    * first), or NULL */
};
void ingest_clean_free(struct ingest_clean *c);
/* Cleans DOC with the chrome rules (may be NULL: no chrome removed) and
 * the sentence rules (for a title made from the first sentence). Fails
 * when no body text remains, except for a feed item with a title or a
 * link: its page has the text, so it is kept with an empty body. */
int ingest_clean(const struct ingest_chrome *chrome, const struct text_rules *rules,
    const struct ingest_doc *doc, struct ingest_clean *out);

/* ---- ingest-subs.c -------------------------------------------------- */

/* A subscription as a list gives it. */
struct ingest_sub {
	char *url;
	char *name;     /* NULL when none */
	char *tags;     /* "a,b" or NULL (a comma in a tag becomes a space) */
};
struct ingest_subs {
	struct ingest_sub *v;
	size_t n, cap;
	char **skipped;     /* "line 4: ..." for each entry left out */
	size_t nskipped;
};
void ingest_subs_free(struct ingest_subs *s);
/* The feeds of an OPML file (any version): every <outline> with an
 * xmlUrl, its title (else its text) as the name, its category and the
 * titles of the outlines it is nested in as tags. Read as feeds are (no
 * entities, no network). Fails when DATA is not OPML. */
int ingest_opml(const char *data, size_t len, struct ingest_subs *out);
/* newsboat's urls file: one feed a line, the URL then its tags, a tag in
 * double quotes when it has spaces, "~NAME" the feed's name; '#' starts a
 * comment line. What dossier cannot fetch (newsboat's query:, exec: and
 * filter: feeds) is skipped with the line's number. */
int ingest_urls(const char *data, size_t len, struct ingest_subs *out);
#endif
