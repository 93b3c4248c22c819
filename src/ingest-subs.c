/*
 * ingest-subs.c: lists of subscriptions, as other readers keep them:
 * OPML (what newsboat, Feedly and most readers export) and newsboat's own
 * `urls` file. Both give URLs with a name and tags; nothing here checks
 * that a URL answers, only that the list can be read.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "ingest-int.h"
#include "ingest.h"
#include "util.h"

void
ingest_subs_free(struct ingest_subs *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->v[i].url);
		free(s->v[i].name);
		free(s->v[i].tags);
	}
	for (i = 0; i < s->nskipped; i++)
		free(s->skipped[i]);
	free(s->v);
	free(s->skipped);
	memset(s, 0, sizeof *s);
}

static struct ingest_sub *
subs_add(struct ingest_subs *s, char *url)
{
	struct ingest_sub *sub;

	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->v = xreallocarray(s->v, s->cap, sizeof *s->v);
	}
	sub = &s->v[s->n++];
	memset(sub, 0, sizeof *sub);
	sub->url = url;
	return sub;
}

static void
skip(struct ingest_subs *s, unsigned line, const char *why)
{
	s->skipped = xreallocarray(s->skipped, s->nskipped + 1, sizeof *s->skipped);
	s->skipped[s->nskipped++] = xasprintf("line %u: %s", line, why);
}

/* Appends TAG (LEN bytes) to the comma-separated list in B; commas in the
 * tag become spaces, so the list splits back into the same tags. */
static void
tag_add(struct buf *b, const char *tag, size_t len)
{
	size_t i;

	while (len > 0 && (*tag == ' ' || *tag == '\t')) {
		tag++;
		len--;
	}
	while (len > 0 && (tag[len - 1] == ' ' || tag[len - 1] == '\t'))
		len--;
	if (len == 0)
		return;
	if (b->len > 0)
		buf_addc(b, ',');
	for (i = 0; i < len; i++)
		buf_addc(b, tag[i] == ',' ? ' ' : tag[i]);
}

static char *
tags_of(struct buf *b)
{
	return b->len > 0 ? buf_detach(b, NULL) : (buf_free(b), NULL);
}

/* ---- OPML ------------------------------------------------------------- */

static int
is_named(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

/* The folders an outline sits in, outermost first, are its tags beside
 * its own category ("a,b" or "/a/b" paths, as OPML 2.0 writes them). */
struct folders {
	const char *v[16];
	size_t n;
};

static void
opml_outlines(const xmlNode *parent, struct folders *in, struct ingest_subs *out)
{
	const xmlNode *n;

	for (n = parent->children; n != NULL; n = n->next) {
		char *url, *title, *cat;
		struct buf tags;
		size_t i;

		if (!is_named(n, "outline"))
			continue;
		title = ingest_xml_attr(n, "title");
		if (title == NULL)
			title = ingest_xml_attr(n, "text");
		if ((url = ingest_xml_attr(n, "xmlUrl")) == NULL) {
			/* A folder: its outlines take its title as a tag. */
			if (in->n < ARRAY_LEN(in->v)) {
				in->v[in->n++] = title;
				opml_outlines(n, in, out);
				in->n--;
			} else {
				opml_outlines(n, in, out);
			}
			free(title);
			continue;
		}
		buf_init(&tags);
		for (i = 0; i < in->n; i++)
			if (in->v[i] != NULL)
				tag_add(&tags, in->v[i], strlen(in->v[i]));
		if ((cat = ingest_xml_attr(n, "category")) != NULL) {
			const char *p = cat, *e;

			for (; *p != '\0'; p = *e != '\0' ? e + 1 : e) {
				e = p + strcspn(p, ",");
				/* "/Politics/Caucasus": the last part of a path */
				const char *last = p;
				for (const char *q = p; q < e; q++)
					if (*q == '/')
						last = q + 1;
				tag_add(&tags, last, (size_t)(e - last));
			}
			free(cat);
		}
		struct ingest_sub *sub = subs_add(out, url);
		sub->name = title;
		sub->tags = tags_of(&tags);
	}
}

int
ingest_opml(const char *data, size_t len, struct ingest_subs *out)
{
	struct folders in = { { NULL }, 0 };
	const xmlNode *root, *body = NULL, *n;
	xmlDoc *x;
	int entity;

	if (ingest_xml_read(data, len, &x, &entity) != 0) {
		if (entity > 0)
			return err_set("declares an entity at line %d; OPML has no use for them, so "
			    "the file is refused", entity);
		return -1;
	}
	root = xmlDocGetRootElement(x);
	if (!is_named(root, "opml")) {
		err_set("not an OPML file (the document is <%s>)",
		    root != NULL ? (const char *)root->name : "empty");
		xmlFreeDoc(x);
		return -1;
	}
	for (n = root->children; n != NULL; n = n->next)
		if (is_named(n, "body"))
			body = n;
	if (body != NULL)
		opml_outlines(body, &in, out);
	xmlFreeDoc(x);
	return 0;
}

/* ---- newsboat's urls file --------------------------------------------- */

/* The next word of a line from *P: a run without blanks, or text in
 * double quotes (a backslash takes the next character as it is). Returns
 * its length in OUT's text, or -1 at the end of the line. */
static int
next_word(const char **p, const char *end, struct buf *out)
{
	const char *s = *p;

	buf_reset(out);
	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	if (s >= end)
		return -1;
	if (*s == '"') {
		for (s++; s < end && *s != '"'; s++) {
			if (*s == '\\' && s + 1 < end)
				s++;
			buf_addc(out, *s);
		}
		if (s < end)
			s++;
	} else {
		while (s < end && *s != ' ' && *s != '\t')
			buf_addc(out, *s++);
	}
	*p = s;
	return 0;
}

int
ingest_urls(const char *data, size_t len, struct ingest_subs *out)
{
	const char *p = data, *end = data + len, *eol;
	struct buf word, tags;
	unsigned line = 0;

	buf_init(&word);
	for (; p < end; p = eol < end ? eol + 1 : end) {
		const char *s;
		char *url, *name = NULL;

		line++;
		eol = memchr(p, '\n', (size_t)(end - p));
		if (eol == NULL)
			eol = end;
		s = p;
		if (next_word(&s, eol > p && eol[-1] == '\r' ? eol - 1 : eol, &word) != 0 ||
		    word.len == 0 || word.data[0] == '#')
			continue;
		if (strncmp(word.data, "query:", 6) == 0 || strncmp(word.data, "exec:", 5) == 0 ||
		    strncmp(word.data, "filter:", 7) == 0) {
			skip(out, line, "newsboat's query, exec and filter feeds are not fetched");
			continue;
		}
		if (strncmp(word.data, "http://", 7) != 0 && strncmp(word.data, "https://", 8) != 0) {
			skip(out, line, "not an http or https URL");
			continue;
		}
		url = xstrdup(word.data);
		buf_init(&tags);
		while (next_word(&s, eol > p && eol[-1] == '\r' ? eol - 1 : eol, &word) == 0) {
			if (word.data == NULL || word.len == 0)
				continue;
			if (word.data[0] == '~') {
				free(name);
				name = word.len > 1 ? xstrdup(word.data + 1) : NULL;
			} else if (word.data[0] == '!') {
				continue;   /* newsboat's "hidden" mark */
			} else {
				tag_add(&tags, word.data, word.len);
			}
		}
		struct ingest_sub *sub = subs_add(out, url);
		sub->name = name;
		sub->tags = tags_of(&tags);
	}
	buf_free(&word);
	return 0;
}
