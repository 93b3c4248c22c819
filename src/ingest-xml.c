/*
 * ingest-xml.c: the pieces of libxml2 use the HTML and feed parsers share.
 * libxml2's own reading of an attribute (xmlGetProp) expands entity
 * references, so a 26 KB feed declaring nested entities gave a 40 MB link;
 * and some of its errors go to stderr whatever the parser options say.
 */
#include "config.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "ingest-int.h"
#include "util.h"

char *
ingest_xml_attr(const xmlNode *n, const char *name)
{
	const xmlAttr *a;
	const xmlNode *c;
	struct buf b;

	if (n == NULL || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (a = n->properties; a != NULL; a = a->next) {
		if (strcmp((const char *)a->name, name) == 0)
			break;
	}
	if (a == NULL)
		return NULL;
	buf_init(&b);
	for (c = a->children; c != NULL && b.len <= INGEST_ATTR_MAX; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content != NULL)
			buf_adds(&b, (const char *)c->content);
	}
	if (b.len == 0 || b.len > INGEST_ATTR_MAX) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

static void
say_nothing(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void
report_nothing(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

void
ingest_xml_quiet(void)
{
	static int done;

	if (done)
		return;
	xmlSetGenericErrorFunc(NULL, say_nothing);
	xmlSetStructuredErrorFunc(NULL, report_nothing);
	done = 1;
}
