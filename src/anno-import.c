/*
 * anno-import.c: merging annotations from a W3C Web Annotation document
 * (what `dossier export` writes, from this database or another) into the
 * database. SQLite's JSON functions read the document (store-anno-json.c);
 * here each annotation is matched to its article, placed in its body the
 * way a carried-over one is (anno_place: the exported position when the
 * quote is there, else the anchoring search, else orphaned), its tags and
 * actors are found by name, and it is added, or replaces the stored copy
 * when its modification is later. Annotations are written only through
 * this module: the export module only reads them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "anno.h"
#include "text.h"
#include "util.h"

void
anno_import_report_free(struct anno_import_report *r)
{
	size_t i;

	for (i = 0; i < r->nproblems; i++)
		free(r->problems[i]);
	free(r->problems);
	memset(r, 0, sizeof *r);
}

static void
problem(struct anno_import_report *r, char *line)
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
 * article's body as anno_place does for a new version: at the given
 * offsets when the quote is there, else by the anchoring search, else
 * orphaned. */
static void
place(struct store_anno *a, int has_position, const struct anno_article *art,
    struct anno_import_report *rep)
{
	struct anno_anchor old;
	size_t s = 0, e = 0;
	int was_active = a->state == STORE_ANNO_ACTIVE;
	enum anno_placed p;

	if (a->prefix == NULL)
		a->prefix = xstrdup("");
	if (a->suffix == NULL)
		a->suffix = xstrdup("");
	old = (struct anno_anchor){ 0, 0, a->quote, a->prefix, a->suffix };
	if (has_position && anno_byte_offset(art, a->start, &s) == 0 &&
	    anno_byte_offset(art, a->end, &e) == 0) {
		old.start = s;
		old.end = e;
	}
	p = anno_place(a, art->cur.body, art->cur.body_len, &old);
	/* Placed exactly where it was exported: nothing to say about it.
	 * Placed otherwise: say how, as a carried-over one does. */
	if (p == ANNO_PLACED_EXACT) {
		free(a->anchor);
		a->anchor = NULL;
	} else if (p == ANNO_PLACED_NONE) {
		a->start = a->end = 0;
		if (was_active)
			rep->orphaned++;
	}
}

/* Tags by name, created (without colour or key) when missing. */
static int
resolve_tags(struct store *st, struct store_anno *a, const char *urn,
    struct anno_import_report *rep)
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
    const char *urn, struct anno_import_report *rep)
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
    struct anno_article *art, struct anno_import_report *rep)
{
	struct store_anno *a = &in->a, old;
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
	if (anno_article_load(st, art, article_id, NULL) != 0)
		return -1;
	a->article_id = article_id;
	place(a, in->has_position, art, rep);
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
	/* Indexed once per article at the end, not once per note. */
	if (store_fts_defer(st, a->article_id) != 0)
		return -1;
	return store_anno_put(st, a, STORE_ANNO_KEEP_TIMES);
}

int
anno_import_rows(struct store *st, const char *name, struct store_anno_in *items, size_t n,
    struct anno_import_report *rep)
{
	struct anno_article art = { 0 };
	size_t i;

	if (store_anno_begin(st) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (merge_one(st, &items[i], i + 1, &art, rep) != 0) {
			store_anno_rollback(st);
			anno_article_free(&art);
			return err_prefix("%s: annotation %zu", name, i + 1);
		}
	}
	anno_article_free(&art);
	if (store_fts_flush(st) != 0) {
		store_anno_rollback(st);
		return err_prefix("%s", name);
	}
	return store_anno_commit(st);
}

int
anno_json_import(struct store *st, const char *name, const char *json, size_t len,
    struct anno_import_report *rep)
{
	struct store_anno_in *items;
	size_t n;
	int rc;

	memset(rep, 0, sizeof *rep);
	if (store_anno_json_read(st, name, json, len, &items, &n) != 0)
		return -1;
	rc = anno_import_rows(st, name, items, n, rep);
	store_anno_in_free(items, n);
	return rc;
}
