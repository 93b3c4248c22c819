/*
 * export-json.c: annotations as a W3C Web Annotation collection, and the
 * reverse: merging such a file into a database.
 *
 * Each annotation object is built by SQLite (store_anno_json), so every
 * string in the file is quoted by json_object; this file only adds the
 * collection around them, whose text is fixed. Import reads the objects
 * with store_anno_json_read and decides, annotation by annotation, which
 * article it belongs to, where in that article's body it is, and whether
 * it is new, newer or already known (by its urn:uuid id).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "anno.h"
#include "export.h"
#include "util.h"

int
export_json(struct store *st, const struct store_anno_filter *f, struct buf *out)
{
	struct export_articles arts = { 0 };
	struct store_anno *rows;
	size_t n, i;

	if (store_anno_list(st, f, &rows, &n) != 0)
		return -1;
	buf_printf(out,
	    "{\n"
	    "  \"@context\": \"http://www.w3.org/ns/anno.jsonld\",\n"
	    "  \"type\": \"AnnotationCollection\",\n"
	    "  \"label\": \"dossier annotations\",\n"
	    "  \"total\": %zu,\n"
	    "  \"first\": {\n"
	    "    \"type\": \"AnnotationPage\",\n"
	    "    \"startIndex\": 0,\n"
	    "    \"items\": [", n);
	for (i = 0; i < n; i++) {
		const struct store_anno_article *art;
		size_t span[2];
		char *json;

		if (export_article(st, &arts, rows[i].article_id, &art) != 0 ||
		    store_anno_json(st, rows[i].id,
		    export_char_span(&arts, &rows[i], &span[0], &span[1]) ? span : NULL, &json) != 0) {
			export_articles_free(&arts);
			store_anno_list_free(rows, n);
			return -1;
		}
		buf_adds(out, i > 0 ? ",\n      " : "\n      ");
		buf_adds(out, json);
		free(json);
	}
	buf_adds(out, n > 0 ? "\n    ]\n  }\n}\n" : "]\n  }\n}\n");
	export_articles_free(&arts);
	store_anno_list_free(rows, n);
	return 0;
}

/* ---- import ----------------------------------------------------------------- */

void
export_import_report_free(struct export_import_report *r)
{
	size_t i;

	for (i = 0; i < r->nproblems; i++)
		free(r->problems[i]);
	free(r->problems);
	memset(r, 0, sizeof *r);
}

static void
problem(struct export_import_report *r, char *line)
{
	r->problems = xreallocarray(r->problems, r->nproblems + 1, sizeof *r->problems);
	r->problems[r->nproblems++] = line;
}

/* "urn:uuid:" followed by 36 hex digits and dashes in the 8-4-4-4-12 form;
 * the uuid is copied lower-cased. */
static int
parse_urn(const char *id, char uuid[37])
{
	static const char prefix[] = "urn:uuid:";
	size_t i;

	if (id == NULL || strncasecmp(id, prefix, sizeof prefix - 1) != 0)
		return -1;
	id += sizeof prefix - 1;
	for (i = 0; i < 36; i++) {
		char c = id[i];
		int dash = i == 8 || i == 13 || i == 18 || i == 23;
		if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
		    (c >= 'A' && c <= 'F')))
			return -1;
		uuid[i] = (char)(c >= 'A' && c <= 'F' ? c - 'A' + 'a' : c);
	}
	uuid[36] = '\0';
	return id[36] == '\0' ? 0 : -1;
}

/* Places A (quote selector, character offsets when HAS_POSITION) in the
 * article's body: at the given offsets when the quote is there, else by
 * the anchoring search, else orphaned. */
static void
place(struct store_anno *a, int has_position, const struct export_articles *arts,
    struct export_import_report *rep)
{
	const struct store_anno_article *art = &arts->cur;
	struct anno_anchor old, now;
	size_t s = 0, e = 0;
	enum anno_placed p = ANNO_PLACED_NONE;

	if (a->prefix == NULL)
		a->prefix = xstrdup("");
	if (a->suffix == NULL)
		a->suffix = xstrdup("");
	old = (struct anno_anchor){ 0, 0, a->quote, a->prefix, a->suffix };
	if (has_position && export_byte_offset(arts, a->start, &s) == 0 &&
	    export_byte_offset(arts, a->end, &e) == 0) {
		old.start = s;
		old.end = e;
	}
	p = anno_anchor_place(art->body, art->body_len, &old, &s, &e);
	if (p != ANNO_PLACED_NONE && anno_anchor_make(art->body, art->body_len, s, e, &now) == 0) {
		free(a->quote);
		free(a->prefix);
		free(a->suffix);
		a->quote = now.quote;
		a->prefix = now.prefix;
		a->suffix = now.suffix;
		a->start = now.start;
		a->end = now.end;
		/* Placed exactly where it was exported: nothing to say about
		 * it. Placed otherwise: say how, as anno-carry.c does. */
		free(a->anchor);
		a->anchor = p == ANNO_PLACED_EXACT ? NULL : xstrdup(anno_placed_name(p));
		if (a->state == STORE_ANNO_ORPHANED)
			a->state = STORE_ANNO_ACTIVE;
		return;
	}
	if (a->state == STORE_ANNO_ACTIVE)
		rep->orphaned++;
	a->start = a->end = 0;
	if (a->state == STORE_ANNO_ACTIVE)
		a->state = STORE_ANNO_ORPHANED;
}

/* Tags by name, created (without colour or key) when missing. */
static int
resolve_tags(struct store *st, struct store_anno *a, const char *urn,
    struct export_import_report *rep)
{
	struct store_anno_tag *in = a->tags;
	size_t n = a->ntags, i;
	int rc = 0;

	a->tags = NULL;
	a->ntags = 0;
	for (i = 0; i < n; i++) {
		struct store_tag t = { 0 };
		int found = 0;

		if (rc == 0 && anno_tag_name_check(in[i].name) != 0)
			problem(rep, xasprintf("%s: tag left out: %s", urn, err_msg()));
		else if (rc == 0) {
			found = store_tag_find(st, in[i].name, &t);
			if (found == 1) {
				t.name = xstrdup(in[i].name);
				found = store_tag_put(st, &t);
			}
			if (found == 0)
				store_anno_tag_add(a, t.id, t.name, t.color);
			else
				rc = -1;
			store_tag_free(&t);
		}
		free(in[i].name);
		free(in[i].color);
	}
	free(in);
	return rc;
}

static int
resolve_entity(struct store *st, const char *name, int64_t *id, const char *what,
    const char *urn, struct export_import_report *rep)
{
	*id = 0;
	if (name == NULL)
		return 0;
	if (store_anno_entity_find(st, name, id) != 0)
		return -1;
	if (*id == 0)
		problem(rep, xasprintf("%s: %s '%s' is not in this database's knowledge base; "
		    "left out", urn, what, name));
	return 0;
}

/* Stores one annotation read from the file; refusals go in the report,
 * and only a database error returns -1. */
static int
merge_one(struct store *st, struct store_anno_in *in, size_t index,
    struct export_articles *arts, struct export_import_report *rep)
{
	struct store_anno *a = &in->a, old;
	const struct store_anno_article *art;
	struct anno_time modified = { 0, 0 };
	int64_t article_id;
	char urn[64];
	int rc;

	if (parse_urn(in->id, a->uuid) != 0) {
		rep->refused++;
		problem(rep, xasprintf("annotation %zu: id '%s' is not a urn:uuid", index,
		    in->id ? in->id : ""));
		return 0;
	}
	snprintf(urn, sizeof urn, "urn:uuid:%s", a->uuid);
	if (a->modified != NULL && anno_time_parse(a->modified, &modified) != 0) {
		rep->refused++;
		problem(rep, xasprintf("%s: modified '%s' is not an RFC 3339 date-time "
		    "(2024-03-01T09:30:00Z, or with an offset)", urn, a->modified));
		return 0;
	}
	if (a->quote == NULL || a->quote[0] == '\0') {
		rep->refused++;
		problem(rep, xasprintf("%s: no TextQuoteSelector with the quoted text", urn));
		return 0;
	}
	if (store_anno_article_match(st, in->hash, in->source, &article_id) != 0)
		return -1;
	if (article_id == 0) {
		rep->refused++;
		problem(rep, xasprintf("%s: its article (%s) is not in this database", urn,
		    in->source ? in->source : in->hash ? in->hash : "unnamed"));
		return 0;
	}
	if (export_article(st, arts, article_id, &art) != 0)
		return -1;
	a->article_id = article_id;
	place(a, in->has_position, arts, rep);
	if (resolve_tags(st, a, urn, rep) != 0 ||
	    resolve_entity(st, a->speaker, &a->speaker_id, "speaker", urn, rep) != 0 ||
	    resolve_entity(st, a->target, &a->target_id, "target", urn, rep) != 0)
		return -1;
	rc = store_anno_get_uuid(st, a->uuid, &old);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		/* Known: the later modification wins, as instants (the
		 * file may write another offset); equal means the same. */
		struct anno_time here;
		int newer = 0, bad_here = 0;

		if (a->modified != NULL && old.modified != NULL) {
			bad_here = anno_time_parse(old.modified, &here) != 0;
			newer = !bad_here && anno_time_cmp(&modified, &here) > 0;
		}
		if (bad_here) {
			rep->refused++;
			problem(rep, xasprintf("%s: this database's copy has modified '%s', "
			    "not a date-time; left as it is", urn, old.modified));
		}
		store_anno_free(&old);
		if (bad_here)
			return 0;
		if (!newer) {
			rep->unchanged++;
			return 0;
		}
		rep->updated++;
	} else
		rep->added++;
	return store_anno_put(st, a, STORE_ANNO_KEEP_TIMES);
}

int
export_json_import(struct store *st, const char *name, const char *json, size_t len,
    struct export_import_report *rep)
{
	struct store_anno_in *items;
	struct export_articles arts = { 0 };
	size_t n, i;

	memset(rep, 0, sizeof *rep);
	if (store_anno_json_read(st, name, json, len, &items, &n) != 0)
		return -1;
	if (store_anno_begin(st) != 0) {
		store_anno_in_free(items, n);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (merge_one(st, &items[i], i + 1, &arts, rep) != 0) {
			store_anno_rollback(st);
			export_articles_free(&arts);
			store_anno_in_free(items, n);
			return err_prefix("%s: annotation %zu", name, i + 1);
		}
	}
	export_articles_free(&arts);
	store_anno_in_free(items, n);
	return store_anno_commit(st);
}
