/*
 * ingest-feed.c: RSS 2.0, RSS 1.0 and Atom feed files, read with libxml2's
 * XML parser. Each item becomes a document with its own title, link, date
 * and text; the feed's title is the outlet.
 *
 * The parser never reaches the network, loads no external DTD and does not
 * substitute entities, and neither the text gatherer below nor the
 * attribute reader (ingest_xml_attr) follows entity references: a hostile
 * feed cannot make a few bytes grow without bound. News feeds have no use
 * for entities of their own, so a feed that declares one is refused as
 * soon as the parser meets the declaration, before libxml2 does any work
 * on it. A feed that is not well-formed is refused with the parser's line
 * and reason rather than half-imported.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "ingest-int.h"
#include "ingest.h"
#include "util.h"

static int
is_named(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

static const xmlNode *
child(const xmlNode *parent, const char *name)
{
	const xmlNode *n;

	for (n = parent->children; n != NULL; n = n->next) {
		if (is_named(n, name))
			return n;
	}
	return NULL;
}

static void
gather(const xmlNode *n, struct buf *b)
{
	for (; n != NULL; n = n->next) {
		if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
		    n->content != NULL)
			buf_adds(b, (const char *)n->content);
		else if (n->type == XML_ELEMENT_NODE)
			gather(n->children, b);
	}
}

/* The text inside N, trimmed; NULL when empty. */
static char *
text_of(const xmlNode *n)
{
	struct buf b;
	size_t start = 0;

	if (n == NULL)
		return NULL;
	buf_init(&b);
	gather(n->children, &b);
	while (b.len > 0 && strchr(" \t\r\n", b.data[b.len - 1]) != NULL)
		b.data[--b.len] = '\0';
	while (start < b.len && strchr(" \t\r\n", b.data[start]) != NULL)
		start++;
	if (start == b.len) {
		buf_free(&b);
		return NULL;
	}
	if (start > 0) {
		char *t = xstrdup(b.data + start);
		buf_free(&b);
		return t;
	}
	return buf_detach(&b, NULL);
}

static char *
date_of(const xmlNode *n)
{
	char *raw = text_of(n), out[21];
	int rc;

	if (raw == NULL)
		return NULL;
	rc = ingest_date(NULL, raw, strlen(raw), out);
	free(raw);
	return rc == 0 ? xstrdup(out) : NULL;
}

/* Markup given as escaped text (RSS description, Atom type="html"). */
static void
html_text(const xmlNode *n, struct buf *out)
{
	char *html = text_of(n);

	if (html != NULL)
		ingest_html_fragment_text(html, strlen(html), out);
	free(html);
}

/* Atom type="xhtml": the markup is the element's children. */
static void
xhtml_text(const xmlNode *n, struct buf *out)
{
	xmlBuffer *xb = xmlBufferCreate();
	const xmlNode *c;

	for (c = n->children; c != NULL; c = c->next)
		xmlNodeDump(xb, n->doc, (xmlNode *)(uintptr_t)c, 0, 0);
	ingest_html_fragment_text((const char *)xmlBufferContent(xb),
	    (size_t)xmlBufferLength(xb), out);
	xmlBufferFree(xb);
}

static void
atom_text(const xmlNode *n, struct buf *out)
{
	char *type = ingest_xml_attr(n, "type"), *t;

	if (type != NULL && (strcmp(type, "html") == 0 || strcmp(type, "text/html") == 0))
		html_text(n, out);
	else if (type != NULL && (strcmp(type, "xhtml") == 0 ||
	    strcmp(type, "application/xhtml+xml") == 0))
		xhtml_text(n, out);
	else if ((t = text_of(n)) != NULL) {
		buf_adds(out, t);
		buf_addc(out, '\n');
		free(t);
	}
	free(type);
}

static char *
atom_title(const xmlNode *n)
{
	struct buf b;

	if (n == NULL)
		return NULL;
	buf_init(&b);
	atom_text(n, &b);
	return ingest_one_line(&b);
}

static void
rss_item(const xmlNode *item, const char *outlet, const char *feed, struct ingest_docs *out)
{
	struct ingest_doc *doc = ingest_docs_add(out);
	const xmlNode *n;
	struct buf b;
	char *perma;

	doc->format = "rss";
	doc->id = text_of(child(item, "guid"));
	doc->feed = feed != NULL ? xstrdup(feed) : NULL;
	doc->title = text_of(child(item, "title"));
	doc->link = text_of(child(item, "link"));
	if (doc->link == NULL && (n = child(item, "guid")) != NULL) {
		perma = ingest_xml_attr(n, "isPermaLink");
		if (perma == NULL || strcmp(perma, "false") != 0)
			doc->link = text_of(n);
		free(perma);
	}
	doc->published = date_of(child(item, "pubDate"));
	if (doc->published == NULL)
		doc->published = date_of(child(item, "date"));
	doc->outlet = outlet != NULL ? xstrdup(outlet) : NULL;
	buf_init(&b);
	n = child(item, "encoded");
	if (n == NULL)
		n = child(item, "description");
	if (n != NULL)
		html_text(n, &b);
	doc->text = buf_detach(&b, NULL);
}

static char *
atom_link(const xmlNode *entry)
{
	const xmlNode *n;
	char *rel, *href;

	for (n = entry->children; n != NULL; n = n->next) {
		if (!is_named(n, "link"))
			continue;
		rel = ingest_xml_attr(n, "rel");
		if (rel == NULL || strcmp(rel, "alternate") == 0) {
			free(rel);
			if ((href = ingest_xml_attr(n, "href")) != NULL)
				return href;
			continue;
		}
		free(rel);
	}
	return NULL;
}

static void
atom_entry(const xmlNode *entry, const char *outlet, const char *feed, struct ingest_docs *out)
{
	struct ingest_doc *doc = ingest_docs_add(out);
	const xmlNode *n;
	struct buf b;

	doc->format = "atom";
	doc->id = text_of(child(entry, "id"));
	doc->feed = feed != NULL ? xstrdup(feed) : NULL;
	doc->title = atom_title(child(entry, "title"));
	doc->link = atom_link(entry);
	doc->published = date_of(child(entry, "published"));
	if (doc->published == NULL)
		doc->published = date_of(child(entry, "updated"));
	doc->outlet = outlet != NULL ? xstrdup(outlet) : NULL;
	buf_init(&b);
	if ((n = child(entry, "content")) == NULL)
		n = child(entry, "summary");
	if (n != NULL)
		atom_text(n, &b);
	doc->text = buf_detach(&b, NULL);
}

int
ingest_feed(const char *data, size_t len, struct ingest_docs *out)
{
	const xmlNode *root, *chan, *n;
	char *outlet = NULL, *feed = NULL;
	size_t before = out->n;
	xmlDoc *x;
	int rc = 0, entity = 0;

	if (ingest_xml_read(data, len, &x, &entity) != 0) {
		if (entity > 0)
			return err_set("declares an entity at line %d; news feeds have no use for "
			    "them, so the feed is refused", entity);
		return -1;
	}
	root = xmlDocGetRootElement(x);
	if (is_named(root, "rss") || is_named(root, "RDF")) {
		chan = child(root, "channel");
		outlet = chan != NULL ? text_of(child(chan, "title")) : NULL;
		feed = chan != NULL ? text_of(child(chan, "link")) : NULL;
		/* RSS 2.0 puts items in the channel, RSS 1.0 beside it. */
		for (n = chan != NULL ? chan->children : NULL; n != NULL; n = n->next) {
			if (is_named(n, "item"))
				rss_item(n, outlet, feed, out);
		}
		for (n = root->children; n != NULL; n = n->next) {
			if (is_named(n, "item"))
				rss_item(n, outlet, feed, out);
		}
	} else if (is_named(root, "feed")) {
		outlet = atom_title(child(root, "title"));
		feed = text_of(child(root, "id"));
		for (n = root->children; n != NULL; n = n->next) {
			if (is_named(n, "entry"))
				atom_entry(n, outlet, feed, out);
		}
	} else {
		rc = err_set("not an RSS or Atom feed (the document is <%s>)",
		    root != NULL ? (const char *)root->name : "empty");
		goto done;
	}
	if (out->n == before)
		rc = err_set("a feed without items");
done:
	free(outlet);
	free(feed);
	xmlFreeDoc(x);
	return rc;
}
