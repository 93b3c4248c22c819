/*
 * ingest-meta.c: what a web page says about itself: title, authors,
 * publication and modification dates, outlet, canonical address and
 * language. Pages say it several ways at once, and the most deliberate
 * one wins:
 *
 *   1. JSON-LD (<script type="application/ld+json">): the first object
 *      whose schema.org @type is an article ("NewsArticle", "BlogPosting":
 *      a type ending in Article or Posting), anywhere in the script, also
 *      inside an @graph; its headline, author names, datePublished,
 *      dateModified, publisher name, inLanguage and articleBody
 *   2. <meta> tags: Open Graph, Twitter cards, article:*, Dublin Core,
 *      named by the meta-* rules of data/extract.txt in the order tried
 *   3. the markup: <h1>, <title>, <time datetime>, <html lang>, a date in
 *      the canonical address's path (/2023/02/28/)
 *
 * JSON is read with SQLite's JSON functions on an in-memory connection
 * (no database is opened): a page's JSON is as hostile as its HTML, and
 * SQLite's parser is tested far beyond anything written here.
 *
 * A title from <title> or og:title often ends with the outlet
 * ("Talks in Munich | The Ledger"): the part after the last separator is
 * dropped when it names the outlet, or when it is short and the rest is a
 * headline.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sqlite3.h>

#include "ingest-int.h"
#include "util.h"

#define MAX_AUTHORS 10
#define BYLINE_TEXT_MAX 200     /* a longer "byline" block is something else */

static int
is_el(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcasecmp((const char *)n->name, name) == 0;
}

static const xmlNode *
find(const xmlNode *root, const char *name)
{
	const xmlNode *n;

	for (n = root; n != NULL; n = ingest_tree_next(n, root, 1)) {
		if (is_el(n, name))
			return n;
	}
	return NULL;
}

static char *
prop(const xmlNode *n, const char *name)
{
	char *v = ingest_xml_attr(n, name);
	char *r = NULL;
	size_t i, len;

	if (v == NULL)
		return NULL;
	/* Trimmed, white space runs as one space. */
	len = strlen(v);
	for (i = 0; i < len && isspace((unsigned char)v[i]); i++)
		;
	if (i < len)
		r = xstrdup(v + i);
	free(v);
	if (r != NULL) {
		struct buf b;
		buf_init(&b);
		buf_adds(&b, r);
		free(r);
		r = ingest_one_line(&b);
	}
	return r;
}

/* <meta property|name|itemprop=KEY content=...>: the first with content. */
static char *
meta(const xmlNode *root, const char *key)
{
	static const char *const attrs[] = { "property", "name", "itemprop" };
	const xmlNode *n;
	char *v, *c;
	size_t i;
	int match;

	for (n = root; n != NULL; n = ingest_tree_next(n, root, 1)) {
		if (!is_el(n, "meta"))
			continue;
		for (i = 0; i < ARRAY_LEN(attrs); i++) {
			v = prop(n, attrs[i]);
			match = v != NULL && strcasecmp(v, key) == 0;
			free(v);
			if (match && (c = prop(n, "content")) != NULL)
				return c;
		}
	}
	return NULL;
}

/* The content of the first meta tag an extract.txt rule of KIND names
 * (meta-title, meta-published...), trying the names in their order. */
static char *
first_meta(const xmlNode *root, const struct ingest_hints *h, enum hint_kind kind)
{
	const char *key;
	char *v;
	size_t i = 0;

	while ((key = ingest_hints_next(h, kind, &i)) != NULL) {
		if ((v = meta(root, key)) != NULL)
			return v;
	}
	return NULL;
}

/* ATTR of the first ELEM (with rel=REL when REL is given). */
static char *
attr_of_first(const xmlNode *root, const char *elem, const char *attr, const char *rel)
{
	const xmlNode *n;
	char *v, *relv;
	int ok;

	for (n = root; n != NULL; n = ingest_tree_next(n, root, 1)) {
		if (!is_el(n, elem))
			continue;
		relv = rel != NULL ? prop(n, "rel") : NULL;
		ok = rel == NULL || (relv != NULL && strcasecmp(relv, rel) == 0);
		free(relv);
		if (ok && (v = prop(n, attr)) != NULL)
			return v;
	}
	return NULL;
}

static char *
text_of(const xmlNode *n)
{
	struct buf b;

	buf_init(&b);
	ingest_html_node_text(n, &b);
	return ingest_one_line(&b);
}

/* ---- JSON-LD ------------------------------------------------------------ */

struct jsonld {
	char *headline, *published, *modified, *body, *language, *outlet;
	struct buf authors;     /* names, one per line */
};

static char *
column_text(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s != NULL && s[0] != '\0' ? xstrdup((const char *)s) : NULL;
}

/* The first article object of JSON, as JSON text, or NULL. */
static char *
article_object(sqlite3 *db, const char *json)
{
	static const char sql[] =
	    "SELECT t.value FROM json_tree(?1) AS t WHERE t.type = 'object' AND EXISTS "
	    "(SELECT 1 FROM json_each(t.value, '$.\"@type\"') AS y "
	    " WHERE y.value LIKE '%Article' OR y.value LIKE '%Posting') ORDER BY t.id LIMIT 1";
	sqlite3_stmt *st;
	char *r = NULL;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		r = column_text(st, 0);
	sqlite3_finalize(st);
	return r;
}

static void
read_article(sqlite3 *db, const char *obj, struct jsonld *j)
{
	static const char fields[] =
	    "SELECT json_extract(?1, '$.headline'), json_extract(?1, '$.datePublished'), "
	    "json_extract(?1, '$.dateModified'), json_extract(?1, '$.articleBody'), "
	    "json_extract(?1, '$.inLanguage'), "
	    "coalesce(json_extract(?1, '$.publisher.name'), "
	    "         json_extract(?1, '$.publisher[0].name'))";
	/* An author is a name, an object with a name, or a list of either. */
	static const char authors[] =
	    "SELECT CASE a.type WHEN 'text' THEN a.value "
	    "       WHEN 'object' THEN json_extract(a.value, '$.name') END "
	    "FROM json_each(CASE json_type(?1, '$.author') WHEN 'array' "
	    "               THEN json_extract(?1, '$.author') "
	    "               ELSE json_array(json_extract(?1, '$.author')) END) AS a";
	sqlite3_stmt *st;
	char **slots[] = { &j->headline, &j->published, &j->modified, &j->body, &j->language,
		&j->outlet };
	size_t i, n = 0;

	if (sqlite3_prepare_v2(db, fields, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, obj, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			for (i = 0; i < ARRAY_LEN(slots); i++) {
				if (*slots[i] == NULL &&
				    sqlite3_column_type(st, (int)i) == SQLITE_TEXT)
					*slots[i] = column_text(st, (int)i);
			}
		}
		sqlite3_finalize(st);
	}
	if (j->authors.len > 0)
		return;
	if (sqlite3_prepare_v2(db, authors, -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, obj, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW && n < MAX_AUTHORS) {
		const unsigned char *name = sqlite3_column_text(st, 0);
		if (name != NULL && name[0] != '\0' && strchr((const char *)name, '\n') == NULL) {
			buf_adds(&j->authors, (const char *)name);
			buf_addc(&j->authors, '\n');
			n++;
		}
	}
	sqlite3_finalize(st);
}

/* JSON-LD scripts hold JSON, sometimes wrapped in a CDATA comment. */
static char *
script_json(const xmlNode *n)
{
	xmlChar *c = xmlNodeGetContent(n);
	const char *s, *e;
	char *r = NULL;

	if (c == NULL)
		return NULL;
	s = strpbrk((const char *)c, "{[");
	e = s != NULL ? strrchr(s, s[0] == '{' ? '}' : ']') : NULL;
	if (e != NULL)
		r = xstrndup(s, (size_t)(e - s + 1));
	xmlFree(c);
	return r;
}

static void
read_jsonld(const xmlNode *root, struct jsonld *j)
{
	const xmlNode *n;
	sqlite3 *db = NULL;
	char *type, *json, *obj;

	for (n = root; n != NULL; n = ingest_tree_next(n, root, 1)) {
		if (!is_el(n, "script"))
			continue;
		type = prop(n, "type");
		if (type == NULL || strcasecmp(type, "application/ld+json") != 0) {
			free(type);
			continue;
		}
		free(type);
		if ((json = script_json(n)) == NULL)
			continue;
		if (db == NULL && sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE |
		    SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY, NULL) != SQLITE_OK) {
			free(json);
			break;
		}
		obj = article_object(db, json);
		if (obj != NULL)
			read_article(db, obj, j);
		free(obj);
		free(json);
		if (j->headline != NULL)
			break;
	}
	sqlite3_close(db);
}

static void
jsonld_free(struct jsonld *j)
{
	free(j->headline), free(j->published), free(j->modified), free(j->body);
	free(j->language), free(j->outlet);
	buf_free(&j->authors);
}

/* ---- fields ------------------------------------------------------------- */

static char *
iso_date(char *raw)
{
	char out[21];
	int ok;

	if (raw == NULL)
		return NULL;
	ok = ingest_date(NULL, raw, strlen(raw), out) == 0;
	free(raw);
	return ok ? xstrdup(out) : NULL;
}

/* The number written by the N digits at S, or -1 when they are not all
 * digits. */
static int
digits(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* A date in an address's path: /2023/02/28/ or /2023-02-28. */
static char *
url_date(const char *url)
{
	const char *s;
	int y, m, d;
	char sep;

	if (url == NULL)
		return NULL;
	for (s = strchr(url, '/'); s != NULL; s = strchr(s + 1, '/')) {
		if ((y = digits(s + 1, 4)) < 0)
			continue;
		sep = s[5];
		if ((sep != '/' && sep != '-') || (m = digits(s + 6, 2)) < 0 || s[8] != sep ||
		    (d = digits(s + 9, 2)) < 0)
			continue;
		if (y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)
			return xasprintf("%04d-%02d-%02d", y, m, d);
	}
	return NULL;
}

static size_t
word_count(const char *s, size_t len)
{
	size_t i, n = 0;
	int in = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == ' ')
			in = 0;
		else if (!in)
			in = 1, n++;
	}
	return n;
}

static int
names_outlet(const char *part, size_t len, const char *outlet)
{
	size_t olen;

	if (outlet == NULL || len == 0)
		return 0;
	olen = strlen(outlet);
	if (olen == 0)
		return 0;
	if (olen <= len) {
		size_t i;
		for (i = 0; i + olen <= len; i++) {
			if (strncasecmp(part + i, outlet, olen) == 0)
				return 1;
		}
		return 0;
	}
	return len >= 4 && strncasecmp(outlet, part, len) == 0;
}

/* The separators that join a headline and its outlet in a page title. */
static const char *const separators[] = {
	" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ", " \xc2\xbb ", " \xc2\xb7 ",
	" / ", " \xe2\x80\xa2 ",
};

/* TITLE without an outlet before or after it; changes TITLE in place. */
static void
strip_outlet(char *title, const char *outlet)
{
	const char *last = NULL, *first = NULL, *p;
	size_t i, seplen = 0, firstlen = 0, len = strlen(title), head, tail;

	for (i = 0; i < ARRAY_LEN(separators); i++) {
		size_t sl = strlen(separators[i]);
		for (p = strstr(title, separators[i]); p != NULL; p = strstr(p + 1, separators[i])) {
			if (last == NULL || p > last)
				last = p, seplen = sl;
			if (first == NULL || p < first)
				first = p, firstlen = sl;
		}
	}
	if (last == NULL)
		return;
	head = (size_t)(last - title);
	tail = len - head - seplen;
	if (names_outlet(last + seplen, tail, outlet) ||
	    (outlet == NULL && word_count(last + seplen, tail) <= 3 &&
	    word_count(title, head) >= 4)) {
		title[head] = '\0';
		strip_outlet(title, outlet);
		return;
	}
	/* "The Ledger | Talks in Munich" */
	head = (size_t)(first - title);
	if (names_outlet(title, head, outlet) && word_count(first + firstlen,
	    len - head - firstlen) >= 2)
		memmove(title, first + firstlen, len - head - firstlen + 1);
}

static char *
page_title(const xmlNode *root, const struct ingest_hints *h, const struct jsonld *j,
    const char *outlet)
{
	const xmlNode *n;
	char *t = j->headline != NULL ? xstrdup(j->headline) : NULL, *h1 = NULL;
	struct buf b;

	if (t == NULL)
		t = first_meta(root, h, HINT_META_TITLE);
	if (t == NULL && (n = find(root, "title")) != NULL) {
		xmlChar *c = xmlNodeGetContent(n);
		buf_init(&b);
		if (c != NULL)
			buf_adds(&b, (const char *)c);
		xmlFree(c);
		t = ingest_one_line(&b);
	}
	if ((n = find(root, "h1")) != NULL)
		h1 = text_of(n);
	if (t == NULL) {
		t = h1;
		h1 = NULL;
	}
	if (t != NULL) {
		strip_outlet(t, outlet);
		/* The headline on the page, when the title holds it with
		 * more around it than an outlet's name. */
		if (h1 != NULL && strlen(h1) >= 10 && strlen(h1) < strlen(t) &&
		    strstr(t, h1) != NULL) {
			free(t);
			t = h1;
			h1 = NULL;
		}
	}
	free(h1);
	return t;
}

static char *
page_published(const xmlNode *root, const struct ingest_hints *h, const struct jsonld *j,
    const char *link)
{
	char *d = NULL;

	if (j->published != NULL)
		d = iso_date(xstrdup(j->published));
	if (d == NULL)
		d = iso_date(first_meta(root, h, HINT_META_PUBLISHED));
	if (d == NULL)
		d = iso_date(attr_of_first(root, "time", "datetime", NULL));
	if (d == NULL)
		d = url_date(link);
	return d;
}

static char *
page_modified(const xmlNode *root, const struct ingest_hints *h, const struct jsonld *j)
{
	char *d = NULL;

	if (j->modified != NULL)
		d = iso_date(xstrdup(j->modified));
	if (d == NULL)
		d = iso_date(first_meta(root, h, HINT_META_MODIFIED));
	return d;
}

/* An author name, not an address ("https://facebook.com/x") or a list. */
static int
is_name(const char *s)
{
	return s != NULL && s[0] != '\0' && strstr(s, "://") == NULL && strlen(s) < 200;
}

/* The names in the first short block whose class or id says it is the
 * byline ("By Ana Ruiz"), anywhere on the page. */
static char *
byline_block(const xmlNode *root, const struct ingest_hints *h)
{
	const xmlNode *n;
	struct hint_match m;
	struct buf b;
	char *names;

	for (n = root; n != NULL; n = ingest_tree_next(n, root, 1)) {
		if (n->type != XML_ELEMENT_NODE || ingest_html_skipped(n))
			continue;
		ingest_hints_node(h, n, &m);
		if (!HINT_HAS(&m, HINT_BYLINE))
			continue;
		buf_init(&b);
		ingest_html_node_text(n, &b);
		if (b.len == 0 || b.len > BYLINE_TEXT_MAX) {
			buf_free(&b);
			continue;
		}
		buf_addc(&b, '\0');
		names = ingest_byline_names(h, b.data);
		buf_free(&b);
		if (names != NULL)
			return names;
	}
	return NULL;
}

static char *
page_authors(const xmlNode *root, const struct ingest_hints *h, const struct jsonld *j)
{
	const char *key;
	struct buf b;
	const xmlNode *n;
	char *v, *rel;
	size_t i;

	buf_init(&b);
	for (i = 0; i < j->authors.len; i++) {
		char c = j->authors.data[i];
		if (c == '\n' && i + 1 < j->authors.len)
			buf_adds(&b, ", ");
		else if (c != '\n')
			buf_addc(&b, c);
	}
	if (b.len > 0)
		return ingest_one_line(&b);
	for (i = 0; (key = ingest_hints_next(h, HINT_META_AUTHOR, &i)) != NULL;) {
		v = meta(root, key);
		if (is_name(v)) {
			buf_free(&b);
			return v;
		}
		free(v);
	}
	for (n = root; n != NULL; n = ingest_tree_next(n, root, 1)) {
		if (!is_el(n, "a") && !is_el(n, "span"))
			continue;
		rel = prop(n, is_el(n, "a") ? "rel" : "itemprop");
		if (rel != NULL && strcasecmp(rel, "author") == 0 && (v = text_of(n)) != NULL &&
		    is_name(v)) {
			free(rel);
			buf_free(&b);
			return v;
		}
		free(rel);
	}
	buf_free(&b);
	return byline_block(root, h);
}

/* "en", "en-GB": from <html lang>, a content-language or og:locale. */
static char *
page_language(const xmlNode *root, const struct ingest_hints *h, const struct jsonld *j)
{
	char *l = attr_of_first(root, "html", "lang", NULL), *p;
	const xmlNode *n;

	if (l == NULL)
		l = j->language != NULL ? xstrdup(j->language) : NULL;
	if (l == NULL)
		l = first_meta(root, h, HINT_META_LANGUAGE);
	if (l == NULL) {
		for (n = root; n != NULL && l == NULL; n = ingest_tree_next(n, root, 1)) {
			if (!is_el(n, "meta"))
				continue;
			p = prop(n, "http-equiv");
			if (p != NULL && strcasecmp(p, "content-language") == 0)
				l = prop(n, "content");
			free(p);
		}
	}
	if (l == NULL)
		return NULL;
	for (p = l; *p != '\0'; p++) {
		if (*p == '_')
			*p = '-';
		if (!isalnum((unsigned char)*p) && *p != '-') {
			*p = '\0';
			break;
		}
	}
	if (l[0] == '\0') {
		free(l);
		return NULL;
	}
	return l;
}

void
ingest_meta(const xmlDoc *doc, const struct ingest_hints *hints, struct ingest_doc *out,
    char **article_body)
{
	const xmlNode *root = xmlDocGetRootElement(doc);
	struct jsonld j;

	*article_body = NULL;
	if (root == NULL)
		return;
	memset(&j, 0, sizeof j);
	buf_init(&j.authors);
	read_jsonld(root, &j);
	out->outlet = first_meta(root, hints, HINT_META_OUTLET);
	if (out->outlet == NULL && j.outlet != NULL)
		out->outlet = xstrdup(j.outlet);
	out->link = attr_of_first(root, "link", "href", "canonical");
	if (out->link == NULL)
		out->link = first_meta(root, hints, HINT_META_ADDRESS);
	out->title = page_title(root, hints, &j, out->outlet);
	out->authors = page_authors(root, hints, &j);
	out->published = page_published(root, hints, &j, out->link);
	out->modified = page_modified(root, hints, &j);
	out->language = page_language(root, hints, &j);
	*article_body = j.body;
	j.body = NULL;
	jsonld_free(&j);
}

char *
ingest_meta_description(const xmlDoc *doc, const struct ingest_hints *hints)
{
	const xmlNode *root = xmlDocGetRootElement(doc);

	return root != NULL ? first_meta(root, hints, HINT_META_DESCRIPTION) : NULL;
}

/* Appends the names of one author line [s, e) to OUT. */
static void
byline_line(const struct ingest_hints *h, const char *s, const char *e, struct buf *out)
{
	const char *w, *we, *name = NULL, *name_end = NULL;
	size_t words = 0;
	int first = 1;

	for (w = s; w < e; w = we) {
		while (w < e && *w == ' ')
			w++;
		for (we = w; we < e && *we != ' '; we++)
			;
		if (we == w)
			break;
		/* A separator (| - or a dash), a date or a time ends the
		 * names. */
		if (*w == '|' || *w == '-' || isdigit((unsigned char)*w) ||
		    (we - w == 3 && memcmp(w, "\xe2\x80", 2) == 0))
			break;
		if (first && ingest_hints_word(h, HINT_BYWORD, w, (size_t)(we - w - (we[-1] == ':'))))
			continue;
		first = 0;
		if (ingest_hints_word(h, HINT_BYJOIN, w, (size_t)(we - w)) || *w == ',') {
			if (name != NULL && words <= 5) {
				if (out->len > 0)
					buf_adds(out, ", ");
				buf_add(out, name, (size_t)(name_end - name));
			}
			name = NULL;
			words = 0;
			continue;
		}
		if (name == NULL)
			name = w;
		name_end = we;
		words++;
		if (we[-1] == ',') {
			name_end--;
			if (words <= 5 && name_end > name) {
				if (out->len > 0)
					buf_adds(out, ", ");
				buf_add(out, name, (size_t)(name_end - name));
			}
			name = NULL;
			words = 0;
		}
	}
	if (name != NULL && words <= 5 && name_end > name) {
		if (out->len > 0)
			buf_adds(out, ", ");
		buf_add(out, name, (size_t)(name_end - name));
	}
}

char *
ingest_byline_names(const struct ingest_hints *h, const char *lines)
{
	const char *s = lines, *e;
	struct buf out;

	buf_init(&out);
	while (*s != '\0') {
		e = strchr(s, '\n');
		if (e == NULL)
			e = s + strlen(s);
		byline_line(h, s, e, &out);
		s = *e != '\0' ? e + 1 : e;
		if (out.len > 0)
			break;     /* the first author line names the authors */
	}
	return ingest_one_line(&out);
}
