/*
 * ingest-xml.c: the pieces of libxml2 use the HTML, feed and OPML parsers
 * share: a reader of XML that refuses entity declarations, and an
 * attribute reader that never expands entity references.
 * libxml2's own reading of an attribute (xmlGetProp) expands entity
 * references, so a 26 KB feed declaring nested entities gave a 40 MB link;
 * and some of its errors go to stderr whatever the parser options say.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <libxml/SAX2.h>
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

/* The text is UTF-8 already (ingest_decode): the declared encoding is not
 * acted on again. */
#define XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
	XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC)

/* The parser goes on after the first error and reports what follows from
 * it; the first one is where the problem is. */
struct first_error {
	int line;
	char msg[200];
	int entity;          /* the line declaring an entity, which stops the parse */
};

static void
refuse_entity(void *data, const xmlChar *name, int type, const xmlChar *public_id,
    const xmlChar *system_id, xmlChar *content)
{
	xmlParserCtxt *ctxt = data;
	struct first_error *fe = ctxt->_private;

	(void)name, (void)type, (void)public_id, (void)system_id, (void)content;
	if (fe->entity == 0)
		fe->entity = xmlSAX2GetLineNumber(ctxt) > 0 ? xmlSAX2GetLineNumber(ctxt) : 1;
	xmlStopParser(ctxt);
}

static void
refuse_unparsed_entity(void *data, const xmlChar *name, const xmlChar *public_id,
    const xmlChar *system_id, const xmlChar *notation)
{
	(void)notation;
	refuse_entity(data, name, 0, public_id, system_id, NULL);
}

static void
keep_first_error(void *data, xmlErrorPtr e)
{
	struct first_error *fe = ((xmlParserCtxt *)data)->_private;
	char *p;
	size_t n;

	if (fe == NULL || fe->line != 0 || e == NULL || e->level < XML_ERR_ERROR)
		return;
	fe->line = e->line > 0 ? e->line : 1;
	snprintf(fe->msg, sizeof fe->msg, "%s", e->message != NULL ? e->message : "error");
	n = strlen(fe->msg);
	while (n > 0 && (fe->msg[n - 1] == '\n' || fe->msg[n - 1] == ' '))
		fe->msg[--n] = '\0';
	/* libxml2 quotes the document in some messages (a URI running over
	 * a line end): the message stays one line. */
	for (p = fe->msg; (p = strpbrk(p, "\n\r\t")) != NULL; )
		*p = ' ';
}

static int
parse_error(const struct first_error *fe)
{
	if (fe->line == 0)
		return err_set("not well-formed XML");
	return err_set("not well-formed XML at line %d: %s", fe->line, fe->msg);
}

int
ingest_xml_read(const char *data, size_t len, xmlDoc **out, int *entity_line)
{
	struct first_error fe = { 0, "", 0 };
	xmlParserCtxt *ctxt;
	xmlDoc *x;
	int rc = 0;

	*out = NULL;
	*entity_line = 0;
	if (len > INT32_MAX)
		return err_set("too large for the XML parser");
	if ((ctxt = xmlNewParserCtxt()) == NULL)
		return err_set("cannot start the XML parser");
	ingest_xml_quiet();
	ctxt->_private = &fe;
	ctxt->sax->serror = keep_first_error;
	ctxt->sax->entityDecl = refuse_entity;
	ctxt->sax->unparsedEntityDecl = refuse_unparsed_entity;
	x = xmlCtxtReadMemory(ctxt, data, (int)len, NULL, "UTF-8", XML_OPTIONS);
	if (fe.entity != 0) {
		*entity_line = fe.entity;
		rc = err_set("declares an entity at line %d", fe.entity);
	} else if (x == NULL || !ctxt->wellFormed) {
		rc = parse_error(&fe);
	}
	if (rc != 0)
		xmlFreeDoc(x);
	else
		*out = x;
	xmlFreeParserCtxt(ctxt);
	return rc;
}
