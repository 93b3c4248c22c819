/*
 * ingest-int.h: what the files of the ingest module share and nothing
 * else needs: the libxml2 helpers of both parsers, the HTML text walker,
 * the extraction hints matched against an element, main-content
 * extraction and page metadata. These work on libxml2's tree, which no
 * other module sees.
 */
#ifndef DOSSIER_INGEST_INT_H
#define DOSSIER_INGEST_INT_H

#include <libxml/tree.h>

#include "ingest.h"

/* The node after N in a pre-order walk of the tree under ROOT: into N's
 * children when DESCEND, else on to what follows N; NULL at the end.
 * Every walk of a page is iterative: pages nest deep. */
static inline xmlNode *
ingest_tree_next(const xmlNode *n, const xmlNode *root, int descend)
{
	if (descend && n->type == XML_ELEMENT_NODE && n->children != NULL)
		return n->children;
	while (n != NULL && n != root) {
		if (n->next != NULL)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

/* ---- ingest-xml.c --------------------------------------------------- */

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

/* ---- ingest-html.c -------------------------------------------------- */

/* Appends the text under N as one line per block (paragraph, heading,
 * list item, table row), white space collapsed as a browser would. */
void ingest_html_node_text(const xmlNode *n, struct buf *out);
/* Is N an element whose subtree is never text a person reads (script,
 * style, forms, embedded objects, hidden)? */
int ingest_html_skipped(const xmlNode *n);

/* ---- ingest-chrome.c ------------------------------------------------ */

/* The rules files (chrome.txt, extract.txt) share their shape: one rule a
 * line, blank lines and lines starting with '#' skipped, leading blanks
 * trimmed. FN gets each rule line [s, end) with its number; its error
 * stops the reading. NAME names the text in FN's messages. */
typedef int ingest_rule_line_fn(void *arg, const char *name, size_t lineno, const char *s,
    const char *end);
int ingest_rule_lines(const char *name, const char *text, size_t len, ingest_rule_line_fn *fn,
    void *arg);
/* The same for the file PATH (at most 1 MB). */
int ingest_rule_file(const char *path, ingest_rule_line_fn *fn, void *arg);

/* ---- ingest-hints.c ------------------------------------------------- */

enum hint_kind {
	HINT_POSITIVE, HINT_NEGATIVE, HINT_UNLIKELY, HINT_MAYBE, HINT_ROLE,
	HINT_CAPTION, HINT_BYLINE, HINT_SHARE, HINT_TAG, HINT_BYWORD, HINT_BYJOIN,
	HINT_ELEMENT,
	/* The names of <meta> tags that give a page's metadata, in the order
	 * they are tried. */
	HINT_META_TITLE, HINT_META_PUBLISHED, HINT_META_MODIFIED, HINT_META_AUTHOR,
	HINT_META_LANGUAGE, HINT_META_OUTLET, HINT_META_ADDRESS, HINT_META_DESCRIPTION,
};
struct hint_match {
	int weight;        /* positive rules' weights less negative ones' */
	unsigned flags;    /* 1 << kind for every kind that matched */
};
#define HINT_HAS(m, kind) (((m)->flags >> (kind)) & 1u)
/* What the rules say of element N's class, id, role and itemprop. */
void ingest_hints_node(const struct ingest_hints *h, const xmlNode *n, struct hint_match *m);
/* The 'tag' weight of an element name, 0 when no rule names it. */
int ingest_hints_tag(const struct ingest_hints *h, const char *tag);
/* Does an 'element' rule name this element (never article text)? */
int ingest_hints_element(const struct ingest_hints *h, const char *tag);
/* The words of the rules of KIND in the order the rules files give them:
 * the first at or after word *I, with *I moved past it; NULL after the
 * last. Start with *I = 0. */
const char *ingest_hints_next(const struct ingest_hints *h, enum hint_kind kind, size_t *i);
/* Is [s, s+len) a word of a rule of KIND (ignoring case)? */
int ingest_hints_word(const struct ingest_hints *h, enum hint_kind kind, const char *s,
    size_t len);

/* ---- ingest-extract.c ----------------------------------------------- */

/* What extraction found besides the article's text. */
struct extract_result {
	struct buf body;       /* one line per block */
	struct buf captions;   /* figure captions and image credits, one per line */
	struct buf bylines;    /* author lines, one per line */
	struct buf dropped;    /* "REASON\tTEXT" lines for what was left out */
	int whole_page;        /* no block won: the page's whole text (1), or the
	                        * text of its <noscript> blocks (2) */
};
void extract_result_free(struct extract_result *r);
/* Finds the article in DOC (which it changes: blocks that are not the
 * article are taken out of the tree). Never fails: a page where no block
 * wins gives its whole text, with whole_page set. */
void ingest_extract(xmlDoc *doc, const struct ingest_hints *h, struct extract_result *out);

/* ---- ingest-meta.c -------------------------------------------------- */

/* The metadata of a page: reads DOC before extraction changes it and
 * fills the metadata fields of OUT (title, authors, dates, outlet, link,
 * language; HINTS name the byline blocks) and, when the page carries one
 * in JSON-LD, ARTICLE_BODY (malloc'd, or NULL). */
void ingest_meta(const xmlDoc *doc, const struct ingest_hints *hints, struct ingest_doc *out,
    char **article_body);
/* The page's description (the meta-description tags of HINTS), or NULL. */
char *ingest_meta_description(const xmlDoc *doc, const struct ingest_hints *hints);
/* The names in author lines ("By Ana Ruiz and Li Wei" -> "Ana Ruiz, Li
 * Wei"), one line per byline, by the byword and byjoin rules; NULL when
 * none. */
char *ingest_byline_names(const struct ingest_hints *h, const char *lines);

#endif
