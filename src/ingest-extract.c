/*
 * ingest-extract.c: finding the article in a web page. A page is an
 * article among menus, related stories, share buttons, captions and
 * footers; which blocks are the article is judged from the page itself:
 *
 *   1. take out what is never article text: scripts, forms and hidden
 *      blocks, blocks whose ARIA role is navigation or the like, and
 *      blocks whose class or id words are 'unlikely' (data/extract.txt)
 *   2. score every paragraph (a <p>, <pre>, <td>, or a block with no
 *      block inside it) by its length and commas, and hand the score to
 *      the blocks that hold it: all of it to the parent, half to the
 *      grandparent, less further up; a block starts from its tag's and
 *      its class words' weights, and loses the share of its text that
 *      is link text
 *   3. the best block wins; a parent that scores higher than it takes
 *      its place, and its siblings join it when they score near it or
 *      read as paragraphs of prose
 *   4. inside the winner, lists, tables and blocks that read as
 *      furniture (mostly links, images or form fields, few commas) are
 *      taken out; captions, credits and bylines go to their own fields
 *
 * When the result is short (under a long paragraph), the steps run again
 * on a copy of the page with fewer removals, as Readability does, and
 * the longest result wins. When no block wins, the page's whole text is
 * the article and the caller warns. Nothing taken out is lost: its text
 * goes to 'dropped' with the reason.
 *
 * Every walk over the tree is iterative: a page of 100,000 nested blocks
 * must not overflow the stack.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest-int.h"
#include "util.h"

#define MIN_PARAGRAPH 25        /* shorter text does not score */
#define SHORT_RESULT 500        /* under this, try again with fewer removals */
#define MAX_ANCESTORS 5
#define DROPPED_MAX ((size_t)256 * 1024)
#define CAPTION_MAX 400         /* a longer "caption" block is article text */
#define BYLINE_MAX 120
#define MAX_COPY_DEPTH 1000
#define LIST_NOT_PROSE 100      /* list items beyond the paragraphs in furniture */     /* deeper pages are not copied for a retry */

enum { TRY_STRIP_UNLIKELY = 1, TRY_WEIGH_CLASSES = 2, TRY_CLEAN = 4, TRY_ALL = 7 };

/* What one element holds; reached through node->_private. */
struct ninfo {
	double score;
	int candidate;           /* score was initialized */
	size_t text, links;      /* characters of text, of text inside <a> */
	size_t commas, paras, imgs, lis, inputs, embeds, headings;
	struct hint_match hm;
};

struct extraction {
	const struct ingest_hints *h;
	int flags;
	struct arena arena;      /* the ninfos */
	struct extract_result *out;
};

void
extract_result_free(struct extract_result *r)
{
	buf_free(&r->body), buf_free(&r->captions), buf_free(&r->bylines);
	buf_free(&r->dropped);
}

static int
is_el(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcasecmp((const char *)n->name, name) == 0;
}

static int
name_in(const xmlNode *n, const char *const *list, size_t len)
{
	size_t i;

	if (n->type != XML_ELEMENT_NODE)
		return 0;
	for (i = 0; i < len; i++) {
		if (strcasecmp((const char *)n->name, list[i]) == 0)
			return 1;
	}
	return 0;
}

static const char *const block_tags[] = {
	"address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dir",
	"div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
	"h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol",
	"p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
	"tr", "ul",
};

static int
is_block(const xmlNode *n)
{
	return name_in(n, block_tags, ARRAY_LEN(block_tags));
}

static struct ninfo *
info(const xmlNode *n)
{
	return n->_private;
}

/* Characters of S with runs of white space counted once, and its commas
 * added to *COMMAS. */
static size_t
chars_and_commas(const char *s, size_t *commas)
{
	size_t n = 0;
	int space = 1;

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
			if (!space)
				n++;
			space = 1;
			continue;
		}
		space = 0;
		if ((c & 0xc0) != 0x80)
			n++;
		/* The comma, and those of Chinese, Japanese and Arabic. */
		if (c == ',' ||
		    (c == 0xef && (unsigned char)s[1] == 0xbc && (unsigned char)s[2] == 0x8c) ||
		    (c == 0xe3 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x81) ||
		    (c == 0xd8 && (unsigned char)s[1] == 0x8c))
			(*commas)++;
	}
	return n;
}

/* ---- dropped text ----------------------------------------------------- */

static void
note_dropped(struct extraction *x, const char *reason, const xmlNode *n)
{
	struct buf t;
	size_t i, start;

	if (x->out->dropped.len >= DROPPED_MAX)
		return;
	buf_init(&t);
	ingest_html_node_text(n, &t);
	for (i = 0; i < t.len;) {
		start = i;
		while (i < t.len && t.data[i] != '\n')
			i++;
		if (i > start) {
			buf_adds(&x->out->dropped, reason);
			buf_addc(&x->out->dropped, '\t');
			buf_add(&x->out->dropped, t.data + start, i - start);
			buf_addc(&x->out->dropped, '\n');
		}
		i++;
	}
	buf_free(&t);
}

/* Takes N out of the tree, keeping its text in 'dropped'; returns the node
 * a walk goes on with. */
static xmlNode *
drop(struct extraction *x, xmlNode *n, const xmlNode *root, const char *reason)
{
	xmlNode *next = ingest_tree_next(n, root, 0);

	if (reason != NULL)
		note_dropped(x, reason, n);
	xmlUnlinkNode(n);
	xmlFreeNode(n);
	return next;
}

/* ---- step 1 ------------------------------------------------------------ */

static int
never_unlikely(const xmlNode *n)
{
	static const char *const keep[] = { "body", "html", "a", "article", "main", "table",
		"tbody", "tr", "td", "th", "code", "pre" };

	return name_in(n, keep, ARRAY_LEN(keep));
}

/* Elements whose content is code or markup, not text a person sees: taken
 * out without a note in 'dropped'. */
static int
is_code(const xmlNode *n)
{
	static const char *const code[] = { "script", "style", "noscript", "template", "svg",
		"math", "head", "link", "meta", "object", "embed", "canvas", "iframe" };

	return name_in(n, code, ARRAY_LEN(code));
}

static struct ninfo *
attach(struct extraction *x, xmlNode *n)
{
	struct ninfo *in = arena_alloc(&x->arena, sizeof *in);

	memset(in, 0, sizeof *in);
	n->_private = in;
	return in;
}

/* Is N hidden by its inline style (display: none, visibility: hidden)? */
static int
styled_hidden(const xmlNode *n)
{
	char *v = ingest_xml_attr(n, "style");
	char squeezed[256];
	size_t i, k = 0;
	int h;

	if (v == NULL)
		return 0;
	for (i = 0; v[i] != '\0' && k + 1 < sizeof squeezed; i++) {
		if (v[i] != ' ' && v[i] != '\t' && v[i] != '\n')
			squeezed[k++] = (char)(v[i] >= 'A' && v[i] <= 'Z' ? v[i] + 32 : v[i]);
	}
	squeezed[k] = '\0';
	free(v);
	h = strstr(squeezed, "display:none") != NULL ||
	    strstr(squeezed, "visibility:hidden") != NULL;
	return h;
}

/* Step 1 over the tree under ROOT; the elements that stay get their
 * ninfo, with their hints. */
static void
strip(struct extraction *x, xmlNode *root)
{
	xmlNode *n = root->children;
	struct hint_match hm;

	attach(x, root);
	ingest_hints_node(x->h, root, &info(root)->hm);
	while (n != NULL) {
		if (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE) {
			n = drop(x, n, root, NULL);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE) {
			n = ingest_tree_next(n, root, 0);
			continue;
		}
		if (ingest_html_skipped(n) || styled_hidden(n)) {
			n = drop(x, n, root, is_code(n) ? NULL : "hidden");
			continue;
		}
		if (ingest_hints_element(x->h, (const char *)n->name)) {
			n = drop(x, n, root, "element");
			continue;
		}
		ingest_hints_node(x->h, n, &hm);
		if (HINT_HAS(&hm, HINT_ROLE)) {
			n = drop(x, n, root, "role");
			continue;
		}
		if ((x->flags & TRY_STRIP_UNLIKELY) && HINT_HAS(&hm, HINT_UNLIKELY) &&
		    !HINT_HAS(&hm, HINT_MAYBE) && !never_unlikely(n) &&
		    !HINT_HAS(&hm, HINT_CAPTION) && !HINT_HAS(&hm, HINT_BYLINE)) {
			n = drop(x, n, root, "unlikely");
			continue;
		}
		attach(x, n)->hm = hm;
		n = ingest_tree_next(n, root, 1);
	}
}

/* ---- step 2 ------------------------------------------------------------ */

static void
detach_all(xmlNode *root)
{
	xmlNode *n;

	for (n = root; n != NULL; n = ingest_tree_next(n, root, 1)) {
		if (n->type == XML_ELEMENT_NODE)
			n->_private = NULL;
	}
}

/* Adds what N holds (a text node's characters, an element's totals and
 * the element itself) to its parent. */
static void
add_to_parent(xmlNode *n, const xmlNode *root)
{
	static const char *const headings[] = { "h1", "h2", "h3", "h4", "h5", "h6" };
	struct ninfo *in, *pin;
	size_t commas = 0, text;

	if (n == root || n->parent == NULL || n->parent->type != XML_ELEMENT_NODE ||
	    (pin = info(n->parent)) == NULL)
		return;
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content == NULL)
			return;
		text = chars_and_commas((const char *)n->content, &commas);
		pin->text += text;
		pin->commas += commas;
		return;
	}
	if (n->type != XML_ELEMENT_NODE || (in = info(n)) == NULL)
		return;
	if (is_el(n, "a"))
		in->links = in->text;
	pin->text += in->text;
	pin->links += in->links;
	pin->commas += in->commas;
	pin->paras += in->paras + is_el(n, "p");
	pin->imgs += in->imgs + is_el(n, "img");
	pin->lis += in->lis + is_el(n, "li");
	pin->inputs += in->inputs + is_el(n, "input");
	pin->embeds += in->embeds + (is_el(n, "embed") || is_el(n, "object") ||
	    is_el(n, "iframe"));
	pin->headings += in->headings + (name_in(n, headings, ARRAY_LEN(headings)) ? 1 : 0);
}

/* Counts text, link text, commas and the elements that tell prose from
 * furniture for every element under ROOT, children before parents. */
static void
measure(struct extraction *x, xmlNode *root)
{
	xmlNode *n = root;

	(void)x;
	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		/* N has no children left to visit: finish it, then its
		 * parents as long as it was their last child. */
		for (;;) {
			add_to_parent(n, root);
			if (n == root) {
				n = NULL;
				break;
			}
			if (n->next != NULL) {
				n = n->next;
				break;
			}
			n = n->parent;
		}
	}
}

static double
link_density(const struct ninfo *in)
{
	return in->text > 0 ? (double)in->links / (double)in->text : 0;
}

static void
init_candidate(struct extraction *x, xmlNode *n)
{
	struct ninfo *in = info(n);

	if (in == NULL || in->candidate)
		return;
	in->candidate = 1;
	in->score = ingest_hints_tag(x->h, (const char *)n->name);
	if (x->flags & TRY_WEIGH_CLASSES)
		in->score += in->hm.weight;
}

static int
has_block_child(const xmlNode *n)
{
	const xmlNode *c;

	for (c = n->children; c != NULL; c = c->next) {
		if (is_block(c))
			return 1;
	}
	return 0;
}

/* Is N a paragraph for scoring: a <p>, <pre> or <td>, or a block holding
 * no other block? */
static const char *const holders[] = { "div", "section", "article", "main", "blockquote",
	"center" };

static int
scores_as_paragraph(const xmlNode *n)
{
	static const char *const paras[] = { "p", "pre", "td" };

	if (name_in(n, paras, ARRAY_LEN(paras)))
		return 1;
	return name_in(n, holders, ARRAY_LEN(holders)) && !has_block_child(n);
}

/* The characters and commas of the text directly in N (not in a block
 * child): a <div> of text runs between <br>s is prose too. */
static size_t
own_text(const xmlNode *n, size_t *commas)
{
	const xmlNode *c;
	size_t len = 0;
	struct ninfo *in;

	*commas = 0;
	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content != NULL)
			len += chars_and_commas((const char *)c->content, commas);
		else if (c->type == XML_ELEMENT_NODE && !is_block(c) && (in = info(c)) != NULL) {
			len += in->text;
			*commas += in->commas;
		}
	}
	return len;
}

static void
score_into_ancestors(struct extraction *x, xmlNode *from, size_t len, size_t commas,
    const xmlNode *root)
{
	double score = 1.0 + (double)commas + (double)(len / 100 > 3 ? 3 : len / 100);
	xmlNode *a;
	int level;

	for (a = from, level = 0; a != NULL && a != root->parent && level < MAX_ANCESTORS;
	    a = a->parent, level++) {
		if (a->type != XML_ELEMENT_NODE || info(a) == NULL)
			break;
		init_candidate(x, a);
		info(a)->score += level == 0 ? score : level == 1 ? score / 2 : score / (level * 3);
	}
}

static void
score(struct extraction *x, xmlNode *root)
{
	xmlNode *n;
	struct ninfo *in;
	size_t commas, len;

	for (n = root; n != NULL; n = ingest_tree_next(n, root, 1)) {
		if (n->type != XML_ELEMENT_NODE || (in = info(n)) == NULL)
			continue;
		if (scores_as_paragraph(n)) {
			if (in->text >= MIN_PARAGRAPH && n->parent != NULL)
				score_into_ancestors(x, n->parent, in->text, in->commas, root);
		} else if (name_in(n, holders, ARRAY_LEN(holders)) &&
		    (len = own_text(n, &commas)) >= MIN_PARAGRAPH) {
			score_into_ancestors(x, n, len, commas, root);
		}
	}
	for (n = root; n != NULL; n = ingest_tree_next(n, root, 1)) {
		if (n->type == XML_ELEMENT_NODE && (in = info(n)) != NULL && in->candidate)
			in->score *= 1.0 - link_density(in);
	}
}

/* ---- step 3 ------------------------------------------------------------ */

#define TOP_CANDIDATES 5
#define SHARED_ANCESTOR 3       /* this many near-best candidates in one block */

static int
contains(const xmlNode *a, const xmlNode *n)
{
	for (; n != NULL; n = n->parent) {
		if (n == a)
			return 1;
	}
	return 0;
}

/* The best candidate; when several others score near it (the article is
 * split into blocks that each score alone) the block that holds three of
 * them wins instead. */
static xmlNode *
best_candidate(xmlNode *root)
{
	xmlNode *top[TOP_CANDIDATES] = { NULL }, *n, *a;
	struct ninfo *in;
	size_t i, k, held;

	for (n = root; n != NULL; n = ingest_tree_next(n, root, 1)) {
		if (n->type != XML_ELEMENT_NODE || (in = info(n)) == NULL || !in->candidate)
			continue;
		for (i = 0; i < TOP_CANDIDATES; i++) {
			if (top[i] == NULL || in->score > info(top[i])->score) {
				for (k = TOP_CANDIDATES - 1; k > i; k--)
					top[k] = top[k - 1];
				top[i] = n;
				break;
			}
		}
	}
	if (top[0] == NULL)
		return NULL;
	for (a = top[0]->parent; a != NULL && a != root; a = a->parent) {
		for (i = 1, held = 0; i < TOP_CANDIDATES && top[i] != NULL; i++) {
			if (info(top[i])->score >= 0.75 * info(top[0])->score && contains(a, top[i]))
				held++;
		}
		if (held >= SHARED_ANCESTOR) {
			/* The holder must be scored to be climbed from. */
			if (info(a) == NULL)
				return top[0];
			if (!info(a)->candidate) {
				info(a)->candidate = 1;
				info(a)->score = info(top[0])->score;
			}
			return a;
		}
	}
	return top[0];
}

/* A parent that scores above the winner (its text is spread over several
 * children, none winning alone) takes its place; so does a parent whose
 * only element child the winner is. */
static xmlNode *
climb(xmlNode *top, const xmlNode *root)
{
	double last = info(top)->score, threshold = last / 3;
	xmlNode *p;
	const xmlNode *c;
	int elements;

	for (p = top->parent; p != NULL && p != root && info(p) != NULL; p = p->parent) {
		if (!info(p)->candidate)
			continue;
		if (info(p)->score < threshold)
			break;
		if (info(p)->score > last) {
			top = p;
			break;
		}
		last = info(p)->score;
	}
	for (p = top->parent; p != NULL && p != root && info(p) != NULL; p = p->parent) {
		for (c = p->children, elements = 0; c != NULL; c = c->next)
			elements += c->type == XML_ELEMENT_NODE;
		if (elements != 1)
			break;
		top = p;
	}
	return top;
}

static int
same_class(const xmlNode *a, const xmlNode *b)
{
	char *ca = ingest_xml_attr(a, "class");
	char *cb = ingest_xml_attr(b, "class");
	int same = ca != NULL && cb != NULL && strcmp(ca, cb) == 0;

	free(ca);
	free(cb);
	return same;
}

/* Does the text of N end a sentence somewhere (". " or a final '.')? */
static int
has_sentence_end(const xmlNode *n)
{
	struct buf t;
	int yes;

	buf_init(&t);
	ingest_html_node_text(n, &t);
	while (t.len > 0 && (t.data[t.len - 1] == '\n' || t.data[t.len - 1] == ' '))
		t.len--;
	buf_addc(&t, '\0');
	yes = strstr(t.data, ". ") != NULL || (t.len > 1 && t.data[t.len - 2] == '.');
	buf_free(&t);
	return yes;
}

static int
sibling_joins(const xmlNode *s, const xmlNode *top)
{
	const struct ninfo *in = info(s), *tin = info(top);
	double threshold = tin->score * 0.2, bonus;
	double ld;

	if (in == NULL)
		return 0;
	if (threshold < 10)
		threshold = 10;
	bonus = same_class(s, top) ? tin->score * 0.2 : 0;
	if (in->candidate && in->score + bonus >= threshold)
		return 1;
	if (!is_el(s, "p"))
		return 0;
	ld = link_density(in);
	if (in->text > 80 && ld < 0.25)
		return 1;
	return in->text > 0 && in->text <= 80 && ld == 0 && has_sentence_end(s);
}

/* ---- step 4 ------------------------------------------------------------ */

static int
is_list(const xmlNode *n)
{
	return is_el(n, "ul") || is_el(n, "ol");
}

static int
inside(const xmlNode *n, const char *name, const xmlNode *stop)
{
	for (n = n->parent; n != NULL && n != stop; n = n->parent) {
		if (is_el(n, name))
			return 1;
	}
	return 0;
}

/* Does a list, table or block inside the article read as furniture? */
static int
furniture(const struct extraction *x, const xmlNode *n, const xmlNode *top)
{
	const struct ninfo *in = info(n);
	int weight = (x->flags & TRY_WEIGH_CLASSES) ? in->hm.weight : 0;
	double ld, paras;
	int list = is_list(n);

	if (in->text == 0)
		return in->imgs == 0 && in->embeds == 0 && !is_el(n, "table");
	if (weight + (in->candidate ? in->score : 0) < 0)
		return 1;
	if (in->commas >= 10)
		return 0;
	if (is_el(n, "table") && in->lis == 0 && in->links * 2 < in->text)
		return 0;   /* a data table */
	ld = link_density(in);
	paras = (double)in->paras;
	if (in->imgs > 1 && paras / (double)in->imgs < 0.5 && !inside(n, "figure", top))
		return 1;
	/* Many more list items than paragraphs: a menu, not prose. */
	if (!list && in->lis > in->paras + LIST_NOT_PROSE && !is_el(n, "table"))
		return 1;
	if ((double)in->inputs > paras / 3)
		return 1;
	if (!list && in->text < MIN_PARAGRAPH && (in->imgs == 0 || in->imgs > 2) && ld > 0 &&
	    in->headings == 0)
		return 1;
	if (!list && weight < 25 && ld > 0.2)
		return 1;
	if (list && ld > 0.8 && in->lis >= 3)
		return 1;   /* a list of links: other stories */
	if (weight >= 25 && ld > 0.5)
		return 1;
	if ((in->embeds == 1 && in->text < 75) || in->embeds > 1)
		return 1;
	return 0;
}

static void
add_lines(struct buf *to, const xmlNode *n)
{
	ingest_html_node_text(n, to);
}

/* Step 4 on the tree under TOP (one chosen block). */
static void
tidy(struct extraction *x, xmlNode *top)
{
	static const char *const conditional[] = { "form", "fieldset", "table", "ul", "ol",
		"div", "section", "aside", "header", "footer", "dl" };
	xmlNode *n = top->children;
	struct ninfo *in;

	while (n != NULL) {
		if (n->type != XML_ELEMENT_NODE || (in = info(n)) == NULL) {
			n = ingest_tree_next(n, top, 0);
			continue;
		}
		if (is_el(n, "figcaption") || (HINT_HAS(&in->hm, HINT_CAPTION) &&
		    in->text <= CAPTION_MAX && !is_el(n, "figure"))) {
			add_lines(&x->out->captions, n);
			n = drop(x, n, top, NULL);
			continue;
		}
		if (HINT_HAS(&in->hm, HINT_BYLINE) && in->text <= BYLINE_MAX && in->paras == 0) {
			add_lines(&x->out->bylines, n);
			n = drop(x, n, top, NULL);
			continue;
		}
		if (HINT_HAS(&in->hm, HINT_SHARE) && in->text < SHORT_RESULT) {
			n = drop(x, n, top, "share");
			continue;
		}
		if ((x->flags & TRY_WEIGH_CLASSES) && (is_el(n, "h1") || is_el(n, "h2")) &&
		    in->hm.weight < 0) {
			n = drop(x, n, top, "heading");
			continue;
		}
		if ((x->flags & TRY_CLEAN) && name_in(n, conditional, ARRAY_LEN(conditional)) &&
		    furniture(x, n, top)) {
			n = drop(x, n, top, "furniture");
			continue;
		}
		n = ingest_tree_next(n, top, 1);
	}
}

/* ---- one attempt and the fallbacks ------------------------------------- */

static xmlNode *
find_body(xmlNode *root)
{
	xmlNode *n;

	for (n = root; n != NULL; n = ingest_tree_next(n, root, 1)) {
		if (is_el(n, "body"))
			return n;
	}
	return root;
}

/* The element itemprop="articleBody", which a page gives its article. */
static xmlNode *
marked_body(xmlNode *root)
{
	xmlNode *n;
	char *v;
	int yes;

	for (n = root; n != NULL; n = ingest_tree_next(n, root, 1)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		v = ingest_xml_attr(n, "itemprop");
		yes = v != NULL && strcasecmp(v, "articleBody") == 0;
		free(v);
		if (yes && info(n) != NULL && info(n)->text >= SHORT_RESULT)
			return n;
	}
	return NULL;
}

/* One attempt on DOC with FLAGS; the body text goes to OUT->body. */
static void
attempt(struct extraction *x, xmlDoc *doc)
{
	xmlNode *root = xmlDocGetRootElement(doc), *body, *top, *parent, *s, *next;
	xmlNode *chosen;
	int marked;

	if (root == NULL)
		return;
	body = find_body(root);
	strip(x, body);
	measure(x, body);
	score(x, body);
	top = marked_body(body);
	/* The block the page itself names as its article is all of it: no
	 * sibling joins it. */
	marked = top != NULL;
	if (top == NULL) {
		top = best_candidate(body);
		if (top == NULL || info(top)->score <= 0) {
			detach_all(body);
			return;
		}
		top = climb(top, body);
	}
	/* The chosen blocks are moved, in page order, under one new element,
	 * and what stays behind is what was not chosen. */
	chosen = xmlNewDocNode(doc, NULL, (const xmlChar *)"div", NULL);
	parent = top->parent;
	if (parent == NULL || top == body || marked) {
		xmlUnlinkNode(top);
		xmlAddChild(chosen, top);
	} else {
		for (s = parent->children; s != NULL; s = next) {
			next = s->next;
			if (s == top || (s->type == XML_ELEMENT_NODE && sibling_joins(s, top))) {
				xmlUnlinkNode(s);
				xmlAddChild(chosen, s);
			}
		}
	}
	/* xmlAddChild may merge adjacent text nodes; infos stay with
	 * their elements. */
	tidy(x, chosen);
	detach_all(body);
	detach_all(chosen);
	note_dropped(x, "outside", body);
	add_lines(&x->out->body, chosen);
	xmlFreeNode(chosen);
}

static size_t
count_chars(const struct buf *b)
{
	size_t i, n = 0;

	for (i = 0; i < b->len; i++)
		n += ((unsigned char)b->data[i] & 0xc0) != 0x80 && b->data[i] != '\n';
	return n;
}

static void
result_init(struct extract_result *r)
{
	memset(r, 0, sizeof *r);
	buf_init(&r->body), buf_init(&r->captions), buf_init(&r->bylines);
	buf_init(&r->dropped);
}

/* The text of every <noscript> under ROOT: a page that shows its article
 * only without scripts keeps it there. */
static void
noscript_text(xmlNode *root, struct buf *out)
{
	xmlNode *n;

	for (n = root; n != NULL; n = ingest_tree_next(n, root, !is_el(n, "noscript"))) {
		if (is_el(n, "noscript"))
			ingest_html_node_text(n, out);
	}
}

/* Is the tree under ROOT deeper than MAX? libxml2 copies a tree by
 * recursion, so a page nested that deep is not copied. */
static int
deeper_than(const xmlNode *root, size_t max)
{
	const xmlNode *n = root;
	size_t depth = 0;

	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			if (++depth > max)
				return 1;
			continue;
		}
		while (n != NULL && n != root && n->next == NULL) {
			n = n->parent;
			depth--;
		}
		if (n == NULL || n == root)
			break;
		n = n->next;
	}
	return 0;
}

void
ingest_extract(xmlDoc *doc, const struct ingest_hints *h, struct extract_result *out)
{
	static const int tries[] = { TRY_ALL, TRY_WEIGH_CLASSES | TRY_CLEAN, TRY_CLEAN, 0 };
	struct extract_result best, cur;
	struct extraction x;
	xmlDoc *copy;
	size_t i, best_len = 0, len;
	xmlNode *root;

	result_init(out);
	result_init(&best);
	root = xmlDocGetRootElement(doc);
	if (root != NULL && deeper_than(root, MAX_COPY_DEPTH)) {
		/* One attempt on the page itself; no fallback but its text. */
		memset(&x, 0, sizeof x);
		x.h = h;
		x.flags = TRY_ALL;
		x.out = out;
		arena_init(&x.arena);
		attempt(&x, doc);
		arena_free(&x.arena);
		if (count_chars(&out->body) == 0)
			out->whole_page = 1;
		return;
	}
	for (i = 0; i < ARRAY_LEN(tries); i++) {
		memset(&x, 0, sizeof x);
		x.h = h;
		x.flags = tries[i];
		result_init(&cur);
		x.out = &cur;
		arena_init(&x.arena);
		/* Every attempt works on a copy, so the next one, and
		 * the whole page when none wins, start from the page. */
		if ((copy = xmlCopyDoc(doc, 1)) == NULL)
			break;
		attempt(&x, copy);
		xmlFreeDoc(copy);
		arena_free(&x.arena);
		len = count_chars(&cur.body);
		if (len > best_len) {
			extract_result_free(&best);
			best = cur;
			best_len = len;
		} else
			extract_result_free(&cur);
		if (best_len >= SHORT_RESULT)
			break;
	}
	if (best_len > 0) {
		*out = best;
		return;
	}
	extract_result_free(&best);
	/* No block won: the whole page, then what it shows without scripts. */
	out->whole_page = 1;
	root = xmlDocGetRootElement(doc);
	if (root == NULL)
		return;
	ingest_html_node_text(find_body(root), &out->body);
	if (count_chars(&out->body) == 0) {
		noscript_text(root, &out->body);
		out->whole_page = 2;
	}
}
