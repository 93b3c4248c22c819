/*
 * ingest-html.c: saved web pages, read with libxml2's HTML parser (never
 * by stripping tags by hand). The parser recovers from any mess a page
 * holds and never touches the network.
 *
 * What comes out is the text of the page's article as one line per block
 * element (paragraph, heading, list item, table row), with the page's
 * metadata (ingest-meta.c). Which blocks are the article is
 * ingest-extract.c's judgement; when it finds none, the page's whole text
 * is taken, and when the page shows no text without scripts, the article
 * or description its metadata carries, each with a warning. Scripts,
 * styles, navigation, forms and asides are never text a person reads as
 * the article. Page chrome that survives (share buttons, "Next Article")
 * is the common cleaning step's job, ingest-clean.c.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "ingest-int.h"
#include "util.h"

/* The text is UTF-8 already (ingest_decode), so a charset the page
 * declares is not acted on again. XML_PARSE_HUGE (libxml2 2.9's HTML
 * parser takes it; there is no HTML_ name for it yet) lifts the limits of 256
 * levels of nesting and 10 MB per text node, past which it dropped the
 * rest of the page without a word; the depth the walks below see is
 * bounded by flatten_deep instead. */
#define HTML_OPTIONS (HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | \
	HTML_PARSE_RECOVER | XML_PARSE_HUGE | HTML_PARSE_IGNORE_ENC)

/* Deeper elements are taken out and their children put in their place. */
#define MAX_NEST 200

static const char *const skipped[] = {
	"script", "style", "noscript", "template", "svg", "math", "iframe", "object",
	"embed", "canvas", "nav", "aside", "form", "button", "select", "textarea", "input",
	"head", "title", "meta", "link", "audio", "video", "map",
};

static const char *const blocks[] = {
	"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
	"blockquote", "pre", "table", "tr", "thead", "tbody", "tfoot", "caption", "section",
	"article", "header", "footer", "main", "figure", "figcaption", "address", "hr", "br",
	"details", "summary", "center", "body", "html",
};

static int
name_in(const xmlChar *name, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (strcasecmp((const char *)name, list[i]) == 0)
			return 1;
	}
	return 0;
}

static int
is_named(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcasecmp((const char *)n->name, name) == 0;
}

/* Lines of text with white space collapsed as a browser would. */
struct lines {
	struct buf *out;
	size_t line_start;   /* offset in out where the current line began */
	int space;           /* white space seen since the last character */
};

static void
line_end(struct lines *l)
{
	if (l->out->len > l->line_start) {
		buf_addc(l->out, '\n');
		l->line_start = l->out->len;
	}
	l->space = 0;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static void
add_text(struct lines *l, const char *s, int pre)
{
	const char *run;

	while (*s != '\0') {
		if (pre && *s == '\n') {
			line_end(l);
			s++;
		} else if (is_space(*s)) {
			l->space = 1;
			s++;
		} else {
			for (run = s; *s != '\0' && !is_space(*s); s++)
				;
			if (l->space && l->out->len > l->line_start)
				buf_addc(l->out, ' ');
			l->space = 0;
			buf_add(l->out, run, (size_t)(s - run));
		}
	}
}

static int
has_attr(const xmlNode *n, const char *name)
{
	const xmlAttr *a;

	for (a = n->properties; a != NULL; a = a->next) {
		if (strcmp((const char *)a->name, name) == 0)
			return 1;
	}
	return 0;
}

static int
hidden(const xmlNode *n)
{
	char *v;
	int h = 0;

	if (has_attr(n, "hidden"))
		return 1;
	v = ingest_xml_attr(n, "aria-hidden");
	if (v != NULL)
		h = strcasecmp(v, "true") == 0;
	free(v);
	return h;
}

int
ingest_html_skipped(const xmlNode *n)
{
	return n->type == XML_ELEMENT_NODE && (name_in(n->name, skipped, ARRAY_LEN(skipped)) ||
	    hidden(n));
}

static void
walk(struct lines *l, const xmlNode *n, int pre)
{
	for (; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content != NULL)
				add_text(l, (const char *)n->content, pre);
			continue;
		}
		/* Entity references are not followed: an XML document could
		 * otherwise make a few bytes expand without bound. */
		if (n->type != XML_ELEMENT_NODE || name_in(n->name, skipped, ARRAY_LEN(skipped)) ||
		    hidden(n))
			continue;
		if (name_in(n->name, blocks, ARRAY_LEN(blocks))) {
			line_end(l);
			walk(l, n->children, pre || is_named(n, "pre"));
			line_end(l);
		} else {
			if (is_named(n, "td") || is_named(n, "th"))
				l->space = 1;
			walk(l, n->children, pre);
		}
	}
}

/* Puts K before REF among REF's siblings. Not xmlAddPrevSibling, which
 * merges adjacent text nodes and frees the one it merged. */
static void
insert_before(xmlNode *ref, xmlNode *k)
{
	k->parent = ref->parent;
	k->next = ref;
	k->prev = ref->prev;
	if (ref->prev != NULL)
		ref->prev->next = k;
	else
		ref->parent->children = k;
	ref->prev = k;
}

/* Replaces element C with its children (a block's with a space either
 * side, so words stay apart) and frees it; a skipped or hidden element
 * goes whole. Returns what now follows C's place's predecessor. */
static xmlNode *
unwrap(xmlDoc *doc, xmlNode *parent, xmlNode *c)
{
	xmlNode *before = c->prev, *k, *next;
	int block = name_in(c->name, blocks, ARRAY_LEN(blocks));

	if (!name_in(c->name, skipped, ARRAY_LEN(skipped)) && !hidden(c)) {
		if (block)
			insert_before(c, xmlNewDocText(doc, (const xmlChar *)" "));
		for (k = c->children; k != NULL; k = next) {
			next = k->next;
			insert_before(c, k);
		}
		c->children = c->last = NULL;
		if (block)
			insert_before(c, xmlNewDocText(doc, (const xmlChar *)" "));
	}
	xmlUnlinkNode(c);
	xmlFreeNode(c);
	return before != NULL ? before->next : parent->children;
}

/*
 * Takes every element nested more than MAX_NEST deep out of the tree and
 * puts its children in its place, so that no text is lost (libxml2 cut
 * the page there) and every walk over the tree recurses at most MAX_NEST
 * deep. Each node moves at most once; the walk keeps no stack.
 */
static void
flatten_deep(xmlDoc *doc, xmlNode *top)
{
	xmlNode *n = top, *c;
	size_t depth = 0;

	while (n != NULL) {
		if (depth == MAX_NEST && n->type == XML_ELEMENT_NODE) {
			for (c = n->children; c != NULL; )
				c = c->type == XML_ELEMENT_NODE ? unwrap(doc, n, c) : c->next;
		}
		if (n->children != NULL && depth < MAX_NEST) {
			n = n->children;
			depth++;
			continue;
		}
		while (n != top && n->next == NULL) {
			n = n->parent;
			depth--;
		}
		n = n == top ? NULL : n->next;
	}
}

void
ingest_html_node_text(const xmlNode *n, struct buf *out)
{
	struct lines l = { out, out->len, 0 };

	line_end(&l);
	walk(&l, n->children, is_named(n, "pre"));
	line_end(&l);
}

static const xmlNode *
find_body(const xmlNode *n)
{
	for (; n != NULL; n = n->next) {
		if (is_named(n, "body"))
			return n;
		if (n->type == XML_ELEMENT_NODE && is_named(n, "html"))
			return find_body(n->children);
	}
	return NULL;
}

/* The lines of TEXT (JSON-LD articleBody, a description) as the body. */
static void
text_lines(const char *text, struct buf *out)
{
	for (; *text != '\0'; text++) {
		if (*text == '\r')
			continue;
		buf_addc(out, *text);
	}
	buf_addc(out, '\n');
}

static size_t
letters(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80 && s[i] != ' ' && s[i] != '\n';
	return n;
}

/* The page as a tree no deeper than MAX_NEST, or NULL. */
static xmlDoc *
parse(const char *data, size_t len)
{
	xmlDoc *x;

	ingest_xml_quiet();
	x = htmlReadMemory(data, (int)len, NULL, "UTF-8", HTML_OPTIONS);
	if (x != NULL && xmlDocGetRootElement(x) != NULL)
		flatten_deep(x, xmlDocGetRootElement(x));
	return x;
}

int
ingest_html(const char *data, size_t len, const struct ingest_hints *hints,
    struct ingest_docs *out)
{
	struct extract_result r;
	struct ingest_doc *doc;
	char *article_body = NULL, *description;
	xmlDoc *x;
	size_t body_len;

	if (len > INT32_MAX)
		return err_set("too large for the HTML parser");
	x = parse(data, len);
	if (x == NULL || xmlDocGetRootElement(x) == NULL) {
		xmlFreeDoc(x);
		return err_set("no HTML document found");
	}
	doc = ingest_docs_add(out);
	doc->format = "html";
	ingest_meta(x, hints, doc, &article_body);
	ingest_extract(x, hints, &r);
	body_len = letters(r.body.data != NULL ? r.body.data : "", r.body.len);
	/* The article as the page states it in its JSON-LD, when what the
	 * blocks gave is much less of it (a page that fills its article in
	 * with scripts). */
	if (article_body != NULL && letters(article_body, strlen(article_body)) > 2 * body_len +
	    200) {
		buf_reset(&r.body);
		text_lines(article_body, &r.body);
		r.whole_page = 0;
	} else if (r.whole_page == 2 && body_len > 0) {
		doc->warning = xstrdup("the page shows its text only without scripts; imported "
		    "its <noscript> text");
	} else if (r.whole_page && body_len > 0 && r.body.data != NULL &&
	    memchr(r.body.data, '\n', r.body.len) != r.body.data + r.body.len - 1) {
		/* A page of one block has nothing to choose between. */
		doc->warning = xstrdup("no block of the page reads as its article; imported "
		    "the page's whole text");
	} else if (body_len == 0) {
		description = article_body;
		article_body = NULL;
		if (description == NULL)
			description = ingest_meta_description(x, hints);
		if (description != NULL) {
			text_lines(description, &r.body);
			doc->warning = xstrdup("the page shows no text without scripts; imported "
			    "its description");
		}
		free(description);
	}
	free(article_body);
	doc->text = buf_detach(&r.body, NULL);
	if (r.captions.len > 0)
		doc->captions = buf_detach(&r.captions, NULL);
	if (r.dropped.len > 0)
		doc->dropped = buf_detach(&r.dropped, NULL);
	if (doc->authors == NULL && r.bylines.len > 0)
		doc->authors = ingest_byline_names(hints, r.bylines.data);
	extract_result_free(&r);
	xmlFreeDoc(x);
	return 0;
}

int
ingest_html_fragment_text(const char *html, size_t len, struct buf *out)
{
	const xmlNode *body;
	xmlDoc *x;

	if (len == 0)
		return 0;
	if (len > INT32_MAX)
		return err_set("too large for the HTML parser");
	x = parse(html, len);
	if (x == NULL)
		return 0;
	body = find_body(xmlDocGetRootElement(x));
	if (body != NULL)
		ingest_html_node_text(body, out);
	xmlFreeDoc(x);
	return 0;
}
