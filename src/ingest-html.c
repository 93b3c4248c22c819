/*
 * ingest-html.c: saved web pages, read with libxml2's HTML parser (never
 * by stripping tags by hand). The parser recovers from any mess a page
 * holds and never touches the network.
 *
 * What comes out is the text of the page's article as one line per block
 * element (paragraph, heading, list item, table row), with the title, date,
 * site name and canonical link from the page's metadata. Scripts, styles,
 * navigation, forms and asides are not text a person reads as the article.
 * Page chrome that survives (share buttons, "Next Article") is the common
 * cleaning step's job, ingest-clean.c.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "ingest-int.h"
#include "ingest.h"
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

/* Appends the text under N, one line per block. */
static void
node_text(const xmlNode *n, struct buf *out)
{
	struct lines l = { out, out->len, 0 };

	line_end(&l);
	walk(&l, n->children, is_named(n, "pre"));
	line_end(&l);
}

/* The text of N as one line (a title), or NULL when it has none. */
static char *
inline_text(const xmlNode *n)
{
	struct buf b;

	buf_init(&b);
	node_text(n, &b);
	return ingest_one_line(&b);
}

static const xmlNode *
find(const xmlNode *n, const char *name)
{
	const xmlNode *r;

	for (; n != NULL; n = n->next) {
		if (is_named(n, name))
			return n;
		if (n->type == XML_ELEMENT_NODE && (r = find(n->children, name)) != NULL)
			return r;
	}
	return NULL;
}

static size_t
text_length(const xmlNode *n)
{
	struct buf b;
	size_t len;

	buf_init(&b);
	node_text(n, &b);
	len = b.len;
	buf_free(&b);
	return len;
}

/* The longest <article>: pages list related stories as articles too, and
 * the one being read has the most text. */
static void
longest_article(const xmlNode *n, const xmlNode **best, size_t *best_len)
{
	size_t len;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || name_in(n->name, skipped, ARRAY_LEN(skipped)))
			continue;
		if (is_named(n, "article")) {
			len = text_length(n);
			if (len > *best_len) {
				*best = n;
				*best_len = len;
			}
			continue;
		}
		longest_article(n->children, best, best_len);
	}
}

static const xmlNode *
content_root(const xmlDoc *doc)
{
	const xmlNode *top = xmlDocGetRootElement(doc), *r = NULL;
	size_t len = 0;

	if (top == NULL)
		return NULL;
	longest_article(top, &r, &len);
	if (r != NULL)
		return r;
	if ((r = find(top, "main")) != NULL)
		return r;
	if ((r = find(top, "body")) != NULL)
		return r;
	return top;
}

/* <meta property|name|itemprop=KEY content=...>: the first match. */
static char *
meta(const xmlNode *n, const char *key)
{
	static const char *const attrs[] = { "property", "name", "itemprop" };
	char *r;
	size_t i;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_named(n, "meta")) {
			for (i = 0; i < ARRAY_LEN(attrs); i++) {
				char *v = ingest_xml_attr(n, attrs[i]);
				int match = v != NULL && strcasecmp(v, key) == 0;
				free(v);
				if (match && (r = ingest_xml_attr(n, "content")) != NULL)
					return r;
			}
		}
		if ((r = meta(n->children, key)) != NULL)
			return r;
	}
	return NULL;
}

static char *
first_meta(const xmlNode *top, const char *const *keys, size_t n)
{
	char *v;
	size_t i;

	for (i = 0; i < n; i++) {
		if ((v = meta(top, keys[i])) != NULL)
			return v;
	}
	return NULL;
}

static char *
attr_of_first(const xmlNode *top, const char *elem, const char *attr, const char *rel)
{
	const xmlNode *n;
	char *r = NULL;

	for (n = top; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_named(n, elem)) {
			char *relv = rel ? ingest_xml_attr(n, "rel") : NULL;
			int ok = rel == NULL || (relv != NULL && strcasecmp(relv, rel) == 0);
			free(relv);
			if (ok && (r = ingest_xml_attr(n, attr)) != NULL)
				return r;
		}
		if ((r = attr_of_first(n->children, elem, attr, rel)) != NULL)
			return r;
	}
	return NULL;
}

static char *
page_date(const xmlNode *top, const xmlNode *root)
{
	static const char *const keys[] = {
		"article:published_time", "datePublished", "date", "pubdate", "dc.date",
		"dc.date.issued", "dcterms.created", "og:published_time", "article:modified_time",
	};
	char *raw = first_meta(top, keys, ARRAY_LEN(keys)), out[21];

	if (raw == NULL)
		raw = attr_of_first(root->children, "time", "datetime", NULL);
	if (raw == NULL)
		return NULL;
	if (ingest_date(NULL, raw, strlen(raw), out) != 0) {
		free(raw);
		return NULL;
	}
	free(raw);
	return xstrdup(out);
}

static char *
page_title(const xmlNode *top, const xmlNode *root)
{
	static const char *const keys[] = { "og:title", "twitter:title", "headline" };
	const xmlNode *n;
	char *t = first_meta(top, keys, ARRAY_LEN(keys));

	if (t == NULL && (n = find(root->children, "h1")) != NULL)
		t = inline_text(n);
	if (t == NULL && (n = find(top, "title")) != NULL)
		t = inline_text(n);
	return t;
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
ingest_html(const char *data, size_t len, struct ingest_docs *out)
{
	static const char *const site[] = { "og:site_name", "application-name", "publisher" };
	const xmlNode *top, *root;
	struct ingest_doc *doc;
	xmlDoc *x;
	struct buf b;

	if (len > INT32_MAX)
		return err_set("too large for the HTML parser");
	x = parse(data, len);
	if (x == NULL || (root = content_root(x)) == NULL) {
		xmlFreeDoc(x);
		return err_set("no HTML document found");
	}
	top = xmlDocGetRootElement(x);
	buf_init(&b);
	node_text(root, &b);
	doc = ingest_docs_add(out);
	doc->text = buf_detach(&b, NULL);
	doc->title = page_title(top, root);
	doc->published = page_date(top, root);
	doc->outlet = first_meta(top, site, ARRAY_LEN(site));
	doc->link = attr_of_first(top, "link", "href", "canonical");
	if (doc->link == NULL)
		doc->link = meta(top, "og:url");
	doc->format = "html";
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
	body = find(xmlDocGetRootElement(x), "body");
	if (body != NULL)
		node_text(body, out);
	xmlFreeDoc(x);
	return 0;
}
