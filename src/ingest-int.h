/*
 * ingest-int.h: what the two libxml2 parsers of the ingest module
 * (ingest-html.c, ingest-feed.c) share; not for other modules.
 */
#ifndef DOSSIER_INGEST_INT_H
#define DOSSIER_INGEST_INT_H

#include <libxml/tree.h>

/* The longest attribute value read: links, dates and names are far
 * shorter, and a value past it is taken as absent rather than cut. */
#define INGEST_ATTR_MAX 8192

/* The value of attribute NAME of element N as the document writes it,
 * malloc'd; NULL when it is absent, empty or longer than INGEST_ATTR_MAX.
 * Entity references in it are left out, never expanded: a few bytes of a
 * hostile document cannot become megabytes here. */
char *ingest_xml_attr(const xmlNode *n, const char *name);

/* Makes libxml2 keep its own messages (encoding and I/O errors reported
 * outside any parser) off stderr; the parsers report what matters in
 * their own words. Call before parsing; cheap after the first call. */
void ingest_xml_quiet(void);
/* DATA (UTF-8) as an XML tree, read without the network, a DTD or entity
 * substitution; a document that declares an entity is refused as soon as
 * the parser meets the declaration (*ENTITY_LINE is its line), one that
 * is not well-formed with the parser's first line and reason. */
int ingest_xml_read(const char *data, size_t len, xmlDoc **out, int *entity_line);

#endif
