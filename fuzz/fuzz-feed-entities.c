/*
 * fuzz-feed-entities.c: feeds whose attributes hold entity references,
 * with an internal subset taken from the input. The input's first line is
 * the value of an Atom link's href and of an RSS guid's isPermaLink (the
 * attributes dossier reads), the rest the document type's internal subset
 * (empty: no DOCTYPE). Invariants: a feed is either refused with a
 * one-line message, or each item's link is valid UTF-8 no longer than the
 * document (no entity is ever expanded into it); a
 * well-formed document in which libxml2 itself finds an entity declared is
 * never imported.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "ingest.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* No link is longer than the document it came from: nothing was expanded
 * into it (a link from a guid's text may be as long as that text). */
static void
check_docs(const struct ingest_docs *d, size_t doclen)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		const char *l = d->v[i].link;
		if (l != NULL && (strlen(l) > doclen ||
		    u8_check((const uint8_t *)l, strlen(l)) != NULL))
			abort();
	}
}

/* Does libxml2, left to itself (no network, no substitution), read DOC
 * as well-formed with an entity declared in it? */
static int
declares_entity(const char *doc, size_t len)
{
	xmlDoc *x = xmlReadMemory(doc, (int)len, NULL, "UTF-8", XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	int r = 0;

	if (x != NULL && x->intSubset != NULL)
		r = (x->intSubset->entities != NULL &&
		    xmlHashSize((xmlHashTablePtr)x->intSubset->entities) > 0) ||
		    (x->intSubset->pentities != NULL &&
		    xmlHashSize((xmlHashTablePtr)x->intSubset->pentities) > 0);
	xmlFreeDoc(x);
	return r;
}

static void
one(const char *doc, size_t len)
{
	int declares = declares_entity(doc, len);
	struct ingest_docs d = { 0 };
	int rc = ingest_feed(doc, len, &d);

	if (rc != 0 && strchr(err_msg(), '\n') != NULL)
		abort();
	if (rc == 0 && declares)
		abort();
	if (rc == 0)
		check_docs(&d, len);
	ingest_docs_free(&d);
}

/* The document: an XML declaration, the DOCTYPE ROOT with SUBSET when
 * there is one, then HEAD, the attribute value, TAIL. */
static void
build(struct buf *b, const char *root, const char *subset, size_t slen, const char *head,
    const struct buf *value, const char *tail)
{
	struct text_utf8_report rep;

	buf_reset(b);
	buf_adds(b, "<?xml version=\"1.0\"?>\n");
	if (slen > 0) {
		buf_printf(b, "<!DOCTYPE %s [\n", root);
		text_utf8_repair(subset, slen, b, &rep);
		buf_adds(b, "\n]>\n");
	}
	buf_adds(b, head);
	buf_add(b, value->data != NULL ? value->data : "", value->len);
	buf_adds(b, tail);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data, *nl = memchr(in, '\n', size);
	size_t vlen = nl != NULL ? (size_t)(nl - in) : size;
	const char *subset = nl != NULL ? nl + 1 : in + size;
	size_t slen = size - (size_t)(subset - in);
	struct text_utf8_report rep;
	struct buf b, t;

	/* The parsers take UTF-8 (ingest_decode comes first, as in import). */
	buf_init(&t);
	text_utf8_repair(in, vlen, &t, &rep);
	buf_init(&b);
	build(&b, "feed", subset, slen, "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
	    "<title>Wire</title><entry><title>One</title><link href=\"", &t,
	    "\"/><content>Text.</content></entry></feed>\n");
	one(b.data, b.len);
	build(&b, "rss", subset, slen, "<rss version=\"2.0\"><channel><title>Wire</title>"
	    "<item><title>One</title><guid isPermaLink=\"", &t,
	    "\">https://wire.example/one</guid><description>Text.</description>"
	    "</item></channel></rss>\n");
	one(b.data, b.len);
	buf_free(&b);
	buf_free(&t);
	return 0;
}
