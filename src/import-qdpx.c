/*
 * import-qdpx.c: a REFI-QDA project (.qdpx: project.qde and its sources in
 * a ZIP; or the project's XML alone) or codebook (.qdc) read into the
 * database, as another QDA tool or dossier wrote it:
 *
 *   Users          coder names, by GUID
 *   Codes          tags, nested codes as parent/child, #RRGGBB as the
 *                  nearest tag colour; a code's Description a memo on it
 *   TextSources    articles (the name as title, the plain text as body),
 *                  imported as any text is, so a project read twice, or
 *                  into the database it came from, finds them stored
 *   selections     highlights with their GUID as id, placed by their
 *                  quote and context (anno_import_rows), so a changed
 *                  text still finds them; Codings their tags, the
 *                  Description their note, the creating user their coder
 *   Notes          memos on what refers to them (the project, a code, a
 *                  source, a selection), keeping their GUIDs
 *
 * Anything else (pictures, PDF, audio, cases, variables, sets) is named
 * in the report as left out. The XML is parsed by libxml2 without
 * network access or entity expansion; a document with a DTD is refused.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#ifdef HAVE_LIBZIP
#include <zip.h>
#endif

#include "anno.h"
#include "export.h"
#include "import.h"
#include "text.h"
#include "util.h"

#define QDPX_MAX ((size_t)512 << 20)   /* the largest project read */
#define CONTEXT_CHARS 32                /* a highlight's context each side */

/* A GUID and what it stands for. */
struct ref {
	char guid[37];
	char *name;                /* a coder, a tag (full path), a memo's text */
	int64_t id;                /* an article, or 0 */
};
struct refs {
	struct ref *v;
	size_t n;
};

struct note {
	char guid[37];
	char *title, *text, *coder, *created, *modified;
	enum store_memo_kind kind; /* set by what refers to it */
	int64_t target;
	char *anno_guid;           /* for a selection's: resolved after import */
	int referred;
};

struct qdpx {
	struct store *st;
	struct anno_session *s;
	struct importer *im;
	const char *name;          /* the file, for messages */
#ifdef HAVE_LIBZIP
	zip_t *zip;
#endif
	struct refs users, codes;
	struct note *notes;
	size_t nnotes;
	struct store_anno_in *items;
	size_t nitems;
	int64_t last_article;      /* set by the import's report */
	struct import_qdpx_report *rep;
};

static void
refs_free(struct refs *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		free(r->v[i].name);
	free(r->v);
}

/* A GUID as the schema writes it ("{...}" or not, any case), lower-cased
 * without braces; -1 when it is not one. */
static int
guid_of(const char *s, char out[37])
{
	size_t i, len = s != NULL ? strlen(s) : 0;

	if (len == 38 && s[0] == '{' && s[37] == '}') {
		s++;
		len = 36;
	}
	if (len != 36)
		return -1;
	for (i = 0; i < 36; i++) {
		char c = s[i];
		int dash = i == 8 || i == 13 || i == 18 || i == 23;
		if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
		    (c >= 'A' && c <= 'F')))
			return -1;
		out[i] = (char)(c >= 'A' && c <= 'F' ? c - 'A' + 'a' : c);
	}
	out[36] = '\0';
	return 0;
}

static struct ref *
ref_find(const struct refs *r, const char *guid)
{
	char g[37];
	size_t i;

	if (guid_of(guid, g) != 0)
		return NULL;
	for (i = 0; i < r->n; i++)
		if (strcmp(r->v[i].guid, g) == 0)
			return &r->v[i];
	return NULL;
}

static void
ref_add(struct refs *r, const char *guid, const char *name)
{
	r->v = xreallocarray(r->v, r->n + 1, sizeof *r->v);
	memset(&r->v[r->n], 0, sizeof r->v[r->n]);
	if (guid_of(guid, r->v[r->n].guid) != 0)
		r->v[r->n].guid[0] = '\0';
	r->v[r->n].name = xstrdup(name);
	r->n++;
}

static char *
prop(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *s = v != NULL ? xstrdup((const char *)v) : NULL;

	xmlFree(v);
	return s;
}

static int
is(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* The text of child element NAME of N (malloc'd), or NULL. */
static char *
child_text(xmlNodePtr n, const char *name)
{
	xmlNodePtr c;

	for (c = n->children; c != NULL; c = c->next) {
		if (is(c, name)) {
			xmlChar *v = xmlNodeGetContent(c);
			char *s = xstrdup(v != NULL ? (const char *)v : "");
			xmlFree(v);
			return s;
		}
	}
	return NULL;
}

static void
problem(struct qdpx *q, char *line)
{
	struct import_qdpx_report *r = q->rep;

	r->problems = xreallocarray(r->problems, r->nproblems + 1, sizeof *r->problems);
	r->problems[r->nproblems++] = line;
}

/* ---- notes (memos) ----------------------------------------------------- */

static struct note *
note_find(struct qdpx *q, const char *guid)
{
	char g[37];
	size_t i;

	if (guid_of(guid, g) != 0)
		return NULL;
	for (i = 0; i < q->nnotes; i++)
		if (strcmp(q->notes[i].guid, g) == 0)
			return &q->notes[i];
	return NULL;
}

static void
read_notes(struct qdpx *q, xmlNodePtr notes)
{
	xmlNodePtr n;

	for (n = notes->children; n != NULL; n = n->next) {
		struct note *m;
		char *guid, *user;
		struct ref *u;

		if (!is(n, "Note"))
			continue;
		guid = prop(n, "guid");
		q->notes = xreallocarray(q->notes, q->nnotes + 1, sizeof *q->notes);
		m = &q->notes[q->nnotes];
		memset(m, 0, sizeof *m);
		if (guid_of(guid, m->guid) != 0) {
			problem(q, xasprintf("%s: a note's guid '%s' is not a GUID; left out", q->name,
			    guid != NULL ? guid : ""));
			free(guid);
			q->rep->refused++;
			continue;
		}
		free(guid);
		m->title = prop(n, "name");
		m->text = child_text(n, "PlainTextContent");
		if (m->text == NULL)
			m->text = child_text(n, "Description");
		user = prop(n, "creatingUser");
		u = ref_find(&q->users, user);
		m->coder = u != NULL ? xstrdup(u->name) : NULL;
		free(user);
		m->created = prop(n, "creationDateTime");
		m->modified = prop(n, "modifiedDateTime");
		m->kind = STORE_MEMO_PROJECT;
		q->nnotes++;
	}
}

/* The NoteRef children of N name notes on KIND TARGET (or, for a
 * selection, on the highlight ANNO_GUID). */
static void
refer_notes(struct qdpx *q, xmlNodePtr n, enum store_memo_kind kind, int64_t target,
    const char *anno_guid)
{
	xmlNodePtr c;

	for (c = n->children; c != NULL; c = c->next) {
		char *guid;
		struct note *m;

		if (!is(c, "NoteRef"))
			continue;
		guid = prop(c, "targetGUID");
		if ((m = note_find(q, guid)) != NULL) {
			m->kind = kind;
			m->target = target;
			free(m->anno_guid);
			m->anno_guid = anno_guid != NULL ? xstrdup(anno_guid) : NULL;
			m->referred = 1;
		}
		free(guid);
	}
}

/* ---- users and codes --------------------------------------------------- */

static void
read_users(struct qdpx *q, xmlNodePtr users)
{
	xmlNodePtr u;

	for (u = users->children; u != NULL; u = u->next) {
		char *guid, *name;

		if (!is(u, "User"))
			continue;
		guid = prop(u, "guid");
		name = prop(u, "name");
		if (name == NULL)
			name = prop(u, "id");
		if (name != NULL && name[0] != '\0')
			ref_add(&q->users, guid, name);
		free(guid);
		free(name);
	}
}

/* A code's name as a part of a tag name: '/' nests tags here, so one
 * inside a name is written as '-'; blanks around it are dropped. */
static char *
tag_part(const char *name)
{
	char *s = xstrdup(name != NULL ? name : ""), *p;
	size_t len;

	for (p = s; *p != '\0'; p++)
		if (*p == '/' || (unsigned char)*p < 0x20)
			*p = *p == '/' ? '-' : ' ';
	for (p = s; *p == ' '; p++)
		;
	memmove(s, p, strlen(p) + 1);
	for (len = strlen(s); len > 0 && s[len - 1] == ' '; len--)
		s[len - 1] = '\0';
	return s;
}

/* Makes tag NAME exist with COLOR (#RRGGBB, may be NULL): created when
 * missing, recoloured when the file gives another colour. */
static int
ensure_tag(struct qdpx *q, const char *name, const char *rgb, int64_t *id)
{
	struct store_tag t;
	char *color = rgb != NULL ? export_qda_color(rgb) : NULL;
	int rc = store_tag_find(q->st, name, &t);

	if (rc < 0) {
		free(color);
		return -1;
	}
	if (rc == 1) {
		rc = anno_tag_create(q->s, name, color, NULL, id);
		if (rc == 0)
			q->rep->tags_added++;
	} else {
		*id = t.id;
		if (color != NULL && (t.color == NULL || strcmp(t.color, color) != 0)) {
			rc = anno_tag_set_color(q->s, name, color);
			if (rc == 0)
				q->rep->tags_recoloured++;
		}
		store_tag_free(&t);
	}
	free(color);
	return rc;
}

/* A tag's memo from a code's Description, unless one with that text is
 * there already (the same codebook read twice). */
static int
description_memo(struct qdpx *q, int64_t tag, const char *text)
{
	struct store_memo_filter f = { .kind = STORE_MEMO_TAG, .target = tag };
	struct store_memo *rows, m;
	size_t n, i;
	int rc = 0, have = 0;

	if (store_memo_list(q->st, &f, &rows, &n) != 0)
		return -1;
	for (i = 0; i < n; i++)
		have |= strcmp(rows[i].text, text) == 0;
	store_memo_list_free(rows, n);
	if (have)
		return 0;
	memset(&m, 0, sizeof m);
	m.kind = STORE_MEMO_TAG;
	m.target = tag;
	m.title = xstrdup("");
	m.text = xstrdup(text);
	rc = store_memo_put(q->st, &m, 0);
	if (rc == 0)
		q->rep->memos++;
	store_memo_free(&m);
	return rc;
}

static int
read_codes(struct qdpx *q, xmlNodePtr codes, const char *parent)
{
	xmlNodePtr c;

	for (c = codes->children; c != NULL; c = c->next) {
		char *guid, *name, *part, *path, *codable, *color, *desc;
		int64_t id = 0;
		int rc = 0;

		if (!is(c, "Code"))
			continue;
		guid = prop(c, "guid");
		name = prop(c, "name");
		part = tag_part(name);
		path = parent != NULL ? xasprintf("%s/%s", parent, part) : xstrdup(part);
		codable = prop(c, "isCodable");
		color = prop(c, "color");
		desc = child_text(c, "Description");
		if (part[0] == '\0' || anno_tag_name_check(path) != 0) {
			problem(q, xasprintf("%s: code '%s' left out: %s", q->name, name ? name : "",
			    part[0] == '\0' ? "it has no name" : err_msg()));
		} else {
			ref_add(&q->codes, guid, path);
			/* A code that only groups others is no tag of its own. */
			if (codable == NULL || strcmp(codable, "false") != 0 ||
			    (desc != NULL && desc[0] != '\0')) {
				rc = ensure_tag(q, path, color, &id);
				if (rc == 0 && desc != NULL && desc[0] != '\0')
					rc = description_memo(q, id, desc);
				if (rc == 0)
					refer_notes(q, c, STORE_MEMO_TAG, id, NULL);
			}
			if (rc == 0)
				rc = read_codes(q, c, path);
		}
		free(guid);
		free(name);
		free(part);
		free(path);
		free(codable);
		free(color);
		free(desc);
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* ---- sources ------------------------------------------------------------ */

static void
on_import(void *arg, const struct import_event *ev)
{
	struct qdpx *q = arg;

	if (ev->what == IMPORT_ARTICLE) {
		q->last_article = ev->id;
		if (ev->how == STORE_ADDED || ev->how == STORE_VERSION)
			q->rep->sources_added++;
	} else if (ev->what == IMPORT_WARNING || ev->what == IMPORT_REFUSED) {
		problem(q, xstrdup(ev->message));
	}
}

/* The text of a source: its PlainTextContent, or the file its
 * plainTextPath names in the archive ("internal://NAME" is
 * Sources/NAME). NULL with a problem reported. */
static char *
source_text(struct qdpx *q, xmlNodePtr src, const char *title, size_t *len)
{
	char *text = child_text(src, "PlainTextContent"), *path;

	if (text != NULL) {
		*len = strlen(text);
		return text;
	}
	path = prop(src, "plainTextPath");
	if (path == NULL) {
		problem(q, xasprintf("%s: source '%s' has no plain text; left out", q->name, title));
		return NULL;
	}
#ifdef HAVE_LIBZIP
	if (q->zip != NULL && strncmp(path, "internal://", 11) == 0) {
		char *entry = xasprintf("Sources/%s", path + 11);
		zip_stat_t zs;
		zip_file_t *f;

		if (zip_stat(q->zip, entry, ZIP_FL_NOCASE, &zs) == 0 && zs.size < QDPX_MAX &&
		    (f = zip_fopen(q->zip, entry, ZIP_FL_NOCASE)) != NULL) {
			text = xmalloc((size_t)zs.size + 1);
			if (zip_fread(f, text, zs.size) == (zip_int64_t)zs.size) {
				text[zs.size] = '\0';
				*len = (size_t)zs.size;
			} else {
				free(text);
				text = NULL;
			}
			zip_fclose(f);
		}
		if (text == NULL)
			problem(q, xasprintf("%s: %s (source '%s') cannot be read from the project; "
			    "left out", q->name, entry, title));
		free(entry);
		free(path);
		return text;
	}
#endif
	problem(q, xasprintf("%s: source '%s' is at '%s', outside the project; left out", q->name,
	    title, path));
	free(path);
	return NULL;
}

/* Characters [s, e) of TEXT as a malloc'd string, by the map. */
static char *
chars(const struct text_charmap *m, const char *text, size_t s, size_t e)
{
	size_t bs = 0, be = 0;

	if (text_charmap_byte(m, s, &bs) != 0)
		bs = m->len;
	if (text_charmap_byte(m, e, &be) != 0)
		be = m->len;
	return xstrndup(text + bs, be > bs ? be - bs : 0);
}

static void
read_selection(struct qdpx *q, xmlNodePtr sel, const char *text, const struct text_charmap *map,
    size_t nchars, const char *hash)
{
	char *guid = prop(sel, "guid"), *sp = prop(sel, "startPosition");
	char *ep = prop(sel, "endPosition"), *user = prop(sel, "creatingUser"), *end;
	struct store_anno_in *in;
	unsigned long long s = 0, e = 0;
	char g[37];
	struct ref *u;
	xmlNodePtr c;

	if (guid_of(guid, g) != 0 || sp == NULL || ep == NULL ||
	    (s = strtoull(sp, &end, 10), *end != '\0') ||
	    (e = strtoull(ep, &end, 10), *end != '\0') || s >= e || e > nchars) {
		problem(q, xasprintf("%s: selection %s: %s; left out", q->name, guid ? guid : "",
		    guid_of(guid, g) != 0 ? "its guid is not a GUID" :
		    "its positions are not a span of the text"));
		q->rep->refused++;
		goto done;
	}
	q->items = xreallocarray(q->items, q->nitems + 1, sizeof *q->items);
	in = &q->items[q->nitems++];
	memset(in, 0, sizeof *in);
	in->id = xasprintf("urn:uuid:%s", g);
	in->hash = xstrdup(hash);
	in->has_position = 1;
	in->a.start = (size_t)s;
	in->a.end = (size_t)e;
	in->a.quote = chars(map, text, (size_t)s, (size_t)e);
	in->a.prefix = chars(map, text, s > CONTEXT_CHARS ? (size_t)s - CONTEXT_CHARS : 0,
	    (size_t)s);
	in->a.suffix = chars(map, text, (size_t)e,
	    e + CONTEXT_CHARS < nchars ? (size_t)e + CONTEXT_CHARS : nchars);
	in->a.note = child_text(sel, "Description");
	if (in->a.note != NULL && in->a.note[0] == '\0') {
		free(in->a.note);
		in->a.note = NULL;
	}
	in->a.status = STORE_ANNO_NOSTATUS;
	in->a.state = STORE_ANNO_ACTIVE;
	u = ref_find(&q->users, user);
	in->a.coder = u != NULL ? xstrdup(u->name) : NULL;
	in->a.created = prop(sel, "creationDateTime");
	in->a.modified = prop(sel, "modifiedDateTime");
	if (in->a.modified == NULL && in->a.created != NULL)
		in->a.modified = xstrdup(in->a.created);
	for (c = sel->children; c != NULL; c = c->next) {
		xmlNodePtr r;

		if (!is(c, "Coding"))
			continue;
		for (r = c->children; r != NULL; r = r->next) {
			char *target;
			struct ref *code;

			if (!is(r, "CodeRef"))
				continue;
			target = prop(r, "targetGUID");
			/* Tags are resolved by name on import; the id only keeps
			 * them apart until then. */
			if ((code = ref_find(&q->codes, target)) != NULL)
				store_anno_tag_add(&in->a, (int64_t)in->a.ntags + 1, code->name, NULL);
			else
				problem(q, xasprintf("%s: selection %s: code %s is not in the codebook; "
				    "left out", q->name, g, target ? target : ""));
			free(target);
		}
	}
	refer_notes(q, sel, STORE_MEMO_ANNOTATION, 0, g);
done:
	free(guid);
	free(sp);
	free(ep);
	free(user);
}

static int
read_source(struct qdpx *q, xmlNodePtr src)
{
	char *title = prop(src, "name"), *text, *doc;
	struct store_anno_article art;
	struct text_charmap map;
	size_t len = 0, nchars;
	xmlNodePtr c;
	int rc;

	if (title == NULL || title[0] == '\0') {
		free(title);
		title = xstrdup("untitled");
	}
	if ((text = source_text(q, src, title, &len)) == NULL) {
		free(title);
		q->rep->refused++;
		return 0;
	}
	/* Imported as a text file is: the title, a blank line, the text. */
	doc = xasprintf("%s\n\n%s", title, text);
	q->last_article = 0;
	rc = import_data_as(q->im, INGEST_TEXT, q->name, NULL, doc, strlen(doc));
	free(doc);
	if (rc != 0 || q->last_article == 0) {
		if (rc == 0) {
			problem(q, xasprintf("%s: source '%s' was not imported", q->name, title));
			q->rep->refused++;
		}
		free(title);
		free(text);
		return rc;
	}
	q->rep->sources++;
	if (store_anno_article_get(q->st, q->last_article, &art) != 0) {
		free(title);
		free(text);
		return -1;
	}
	text_charmap_init(&map, text, len);
	nchars = text_charmap_chars(&map, len);
	for (c = src->children; c != NULL; c = c->next)
		if (is(c, "PlainTextSelection"))
			read_selection(q, c, text, &map, nchars, art.hash);
	refer_notes(q, src, STORE_MEMO_ARTICLE, q->last_article, NULL);
	text_charmap_free(&map);
	store_anno_article_free(&art);
	free(title);
	free(text);
	return 0;
}

static int
read_sources(struct qdpx *q, xmlNodePtr sources)
{
	xmlNodePtr c;

	for (c = sources->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is(c, "TextSource")) {
			if (read_source(q, c) != 0)
				return -1;
		} else {
			char *name = prop(c, "name");
			problem(q, xasprintf("%s: %s '%s' left out (dossier keeps text sources)",
			    q->name, (const char *)c->name, name != NULL ? name : ""));
			free(name);
			q->rep->refused++;
		}
	}
	return 0;
}

/* ---- the memos, once their targets are stored -------------------------- */

static int
store_notes(struct qdpx *q)
{
	size_t i;
	int rc = 0;

	if (q->nnotes == 0)
		return 0;
	if (store_anno_begin(q->st) != 0)
		return -1;
	for (i = 0; i < q->nnotes && rc == 0; i++) {
		struct note *n = &q->notes[i];
		struct store_memo m;

		memset(&m, 0, sizeof m);
		memcpy(m.guid, n->guid, sizeof m.guid);
		m.kind = n->kind;
		m.target = n->target;
		if (n->anno_guid != NULL) {
			struct store_anno a;
			int got = store_anno_get_uuid(q->st, n->anno_guid, &a);
			if (got < 0) {
				rc = -1;
				break;
			}
			if (got == 1) {
				/* Its highlight was refused: the memo goes to the project. */
				m.kind = STORE_MEMO_PROJECT;
				m.target = 0;
			} else {
				m.target = a.id;
				store_anno_free(&a);
			}
		}
		m.title = xstrdup(n->title != NULL ? n->title : "");
		m.text = xstrdup(n->text != NULL ? n->text : "");
		m.coder = n->coder != NULL ? xstrdup(n->coder) : NULL;
		m.created = n->created != NULL ? xstrdup(n->created) : NULL;
		m.modified = n->modified != NULL ? xstrdup(n->modified) : NULL;
		rc = store_memo_put(q->st, &m, n->created != NULL && n->modified != NULL ?
		    STORE_ANNO_KEEP_TIMES : 0);
		store_memo_free(&m);
		if (rc == 0)
			q->rep->memos++;
	}
	if (rc != 0) {
		store_anno_rollback(q->st);
		return err_prefix("%s: notes", q->name);
	}
	return store_anno_commit(q->st);
}

/* ---- the document ------------------------------------------------------ */

static int
read_project(struct qdpx *q, xmlNodePtr root)
{
	xmlNodePtr c;

	/* Users and notes first: the rest refers to them. */
	for (c = root->children; c != NULL; c = c->next) {
		if (is(c, "Users"))
			read_users(q, c);
		else if (is(c, "Notes"))
			read_notes(q, c);
	}
	for (c = root->children; c != NULL; c = c->next) {
		if (is(c, "CodeBook")) {
			xmlNodePtr k;
			for (k = c->children; k != NULL; k = k->next)
				if (is(k, "Codes") && read_codes(q, k, NULL) != 0)
					return -1;
		}
	}
	for (c = root->children; c != NULL; c = c->next) {
		if (is(c, "Sources") && read_sources(q, c) != 0)
			return -1;
		else if (is(c, "Cases") || is(c, "Variables") || is(c, "Sets") || is(c, "Graphs") ||
		    is(c, "Links"))
			problem(q, xasprintf("%s: %s left out (dossier has no such thing)", q->name,
			    (const char *)c->name));
	}
	refer_notes(q, root, STORE_MEMO_PROJECT, 0, NULL);
	if (importer_finish(q->im) != 0)
		return -1;
	if (q->nitems > 0 && anno_import_rows(q->st, q->name, q->items, q->nitems,
	    &q->rep->annos) != 0)
		return -1;
	return store_notes(q);
}

static int
read_xml(struct qdpx *q, const char *data, size_t len)
{
	xmlDocPtr doc;
	xmlNodePtr root;
	int rc;

	if (len > (size_t)INT32_MAX)
		return err_set("%s: too large", q->name);
	doc = xmlReadMemory(data, (int)len, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING | XML_PARSE_NOBLANKS);
	if (doc == NULL) {
		const xmlError *e = xmlGetLastError();
		const char *m = e != NULL && e->message != NULL ? e->message : "parse error";
		size_t ml = strlen(m);

		while (ml > 0 && (m[ml - 1] == '\n' || m[ml - 1] == ' '))
			ml--;
		return err_set("%s: line %d: not well-formed XML: %.*s", q->name,
		    e != NULL ? e->line : 0, (int)ml, m);
	}
	if (doc->intSubset != NULL) {
		xmlFreeDoc(doc);
		return err_set("%s: declares a DTD; a REFI-QDA document has none", q->name);
	}
	root = xmlDocGetRootElement(doc);
	if (root != NULL && is(root, "Project")) {
		rc = read_project(q, root);
	} else if (root != NULL && is(root, "CodeBook")) {
		xmlNodePtr k;
		rc = 0;
		for (k = root->children; k != NULL && rc == 0; k = k->next)
			if (is(k, "Codes"))
				rc = read_codes(q, k, NULL);
	} else {
		rc = err_set("%s: not a REFI-QDA project or codebook (its root is <%s>)", q->name,
		    root != NULL ? (const char *)root->name : "nothing");
	}
	xmlFreeDoc(doc);
	return rc;
}

#ifdef HAVE_LIBZIP
static int
read_zip(struct qdpx *q, const char *data, size_t len)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_stat_t zs;
	zip_file_t *f;
	char *xml;
	int rc;

	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(data, len, 0, &ze)) == NULL ||
	    (q->zip = zip_open_from_source(src, ZIP_RDONLY, &ze)) == NULL) {
		rc = err_set("%s: not a readable ZIP: %s", q->name, zip_error_strerror(&ze));
		zip_source_free(src);
		zip_error_fini(&ze);
		return rc;
	}
	zip_error_fini(&ze);
	if (zip_stat(q->zip, "project.qde", ZIP_FL_NOCASE, &zs) != 0 || zs.size >= QDPX_MAX ||
	    (f = zip_fopen(q->zip, "project.qde", ZIP_FL_NOCASE)) == NULL)
		return err_set("%s: no project.qde in the archive", q->name);
	xml = xmalloc((size_t)zs.size + 1);
	if (zip_fread(f, xml, zs.size) != (zip_int64_t)zs.size) {
		zip_fclose(f);
		free(xml);
		return err_set("%s: project.qde cannot be read: %s", q->name, zip_strerror(q->zip));
	}
	zip_fclose(f);
	rc = read_xml(q, xml, (size_t)zs.size);
	free(xml);
	return rc;
}
#endif

void
import_qdpx_report_free(struct import_qdpx_report *r)
{
	size_t i;

	for (i = 0; i < r->nproblems; i++)
		free(r->problems[i]);
	free(r->problems);
	anno_import_report_free(&r->annos);
	memset(r, 0, sizeof *r);
}

int
import_qdpx(struct store *st, const char *path, struct import_qdpx_report *rep)
{
	struct import_opts opts = { 0 };
	struct qdpx q;
	char *data;
	size_t len, i;
	int rc;

	memset(rep, 0, sizeof *rep);
	memset(&q, 0, sizeof q);
	q.st = st;
	q.name = path;
	q.rep = rep;
	if (path_read_file(path, QDPX_MAX, &data, &len) != 0)
		return -1;
	opts.report = on_import;
	opts.arg = &q;
	if (anno_session_open(st, &q.s) != 0 || importer_new(st, &opts, &q.im) != 0) {
		anno_session_free(q.s);
		free(data);
		return -1;
	}
	if (len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0) {
#ifdef HAVE_LIBZIP
		rc = read_zip(&q, data, len);
#else
		rc = err_set("%s: a .qdpx project is a ZIP, and this dossier was built without "
		    "libzip (Debian: apt-get install libzip-dev, then configure again)", path);
#endif
	} else {
		rc = read_xml(&q, data, len);
	}
#ifdef HAVE_LIBZIP
	if (q.zip != NULL)
		zip_discard(q.zip);
#endif
	importer_free(q.im);
	anno_session_free(q.s);
	refs_free(&q.users);
	refs_free(&q.codes);
	for (i = 0; i < q.nnotes; i++) {
		free(q.notes[i].title);
		free(q.notes[i].text);
		free(q.notes[i].coder);
		free(q.notes[i].created);
		free(q.notes[i].modified);
		free(q.notes[i].anno_guid);
	}
	free(q.notes);
	store_anno_in_free(q.items, q.nitems);
	free(data);
	rep->refused += rep->annos.refused;
	return rc;
}
