/*
 * feeds-opml.c: the subscriptions as OPML 2.0, the list every feed reader
 * reads. libxml2's writer does the escaping, so a name with "<" or "&"
 * goes out as the reader will read it back. A control character has no
 * place in XML (and the file may be printed on a terminal): names, links
 * and tags go out with text_safe's visible stand-ins instead.
 */
#include "config.h"

#include <string.h>

#include <libxml/xmlwriter.h>

#include "feeds.h"
#include "text.h"
#include "util.h"

/* libxml2 takes its strings as const xmlChar *. */
#define XC(s) ((const xmlChar *)(s))

/* One attribute, its value made safe first. */
static int
attribute(xmlTextWriterPtr w, const char *name, const char *value, struct buf *tmp)
{
	buf_reset(tmp);
	text_safe(value, strlen(value), 0, tmp);
	buf_addc(tmp, '\0');
	return xmlTextWriterWriteAttribute(w, XC(name), XC(tmp->data));
}

static int
outline(xmlTextWriterPtr w, const struct store_feed *f, struct buf *tmp)
{
	const char *name = f->name != NULL ? f->name : f->url;

	if (xmlTextWriterStartElement(w, XC("outline")) < 0 ||
	    xmlTextWriterWriteAttribute(w, XC("type"), XC("rss")) < 0 ||
	    attribute(w, "text", name, tmp) < 0 || attribute(w, "title", name, tmp) < 0 ||
	    attribute(w, "xmlUrl", f->url, tmp) < 0)
		return -1;
	if (f->tags != NULL && attribute(w, "category", f->tags, tmp) < 0)
		return -1;
	return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

int
feeds_opml_write(const struct store_feed *v, size_t n, struct buf *out)
{
	xmlBufferPtr xb = xmlBufferCreate();
	xmlTextWriterPtr w;
	struct buf tmp;
	size_t i;
	int rc = 0;

	if (xb == NULL || (w = xmlNewTextWriterMemory(xb, 0)) == NULL) {
		xmlBufferFree(xb);
		return err_set("cannot start the XML writer");
	}
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, XC("  "));
	if (xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0 ||
	    xmlTextWriterStartElement(w, XC("opml")) < 0 ||
	    xmlTextWriterWriteAttribute(w, XC("version"), XC("2.0")) < 0 ||
	    xmlTextWriterStartElement(w, XC("head")) < 0 ||
	    xmlTextWriterWriteElement(w, XC("title"), XC("dossier subscriptions")) < 0 ||
	    xmlTextWriterEndElement(w) < 0 ||
	    xmlTextWriterStartElement(w, XC("body")) < 0)
		rc = -1;
	buf_init(&tmp);
	for (i = 0; i < n && rc == 0; i++)
		rc = outline(w, &v[i], &tmp);
	buf_free(&tmp);
	if (rc == 0 && xmlTextWriterEndDocument(w) < 0)
		rc = -1;
	xmlFreeTextWriter(w);
	if (rc == 0)
		buf_add(out, xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
	xmlBufferFree(xb);
	return rc == 0 ? 0 : err_set("writing OPML failed");
}
