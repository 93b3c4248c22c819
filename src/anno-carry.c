/*
 * anno-carry.c: when an article is imported again in a changed version,
 * its annotations follow it. Each live annotation of the old version is
 * placed in the new body (anno_anchor_place) and stored there as a new
 * annotation that remembers where it came from (previous_id), and the old
 * one is marked superseded, never removed. One that cannot be placed
 * stays live on the old version, where its quote still is: marking it
 * superseded would take it out of the reader, the counts and the
 * listings, and an orphaned copy on the new version would say less than
 * the old one in its place.
 *
 * The import calls anno_carry_over after it has stored the new version;
 * everything happens in one transaction, the import's when it has one.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "anno.h"
#include "util.h"

static void
count(struct anno_carry_report *rep, enum anno_placed p)
{
	switch (p) {
	case ANNO_PLACED_EXACT: rep->exact++; break;
	case ANNO_PLACED_CONTEXT:
	case ANNO_PLACED_QUOTE: rep->moved++; break;
	case ANNO_PLACED_FUZZY: rep->fuzzy++; break;
	case ANNO_PLACED_NONE: rep->stayed++; break;
	}
}

enum anno_placed
anno_place(struct store_anno *a, const char *body, size_t len, const struct anno_anchor *was)
{
	struct anno_anchor now;
	size_t start = 0, end = 0;
	enum anno_placed p = anno_anchor_place(body, len, was, &start, &end);

	if (p != ANNO_PLACED_NONE && anno_anchor_make(body, len, start, end, &now) == 0) {
		free(a->quote);
		free(a->prefix);
		free(a->suffix);
		a->start = now.start;
		a->end = now.end;
		a->quote = now.quote;
		a->prefix = now.prefix;
		a->suffix = now.suffix;
		free(a->anchor);
		a->anchor = xstrdup(anno_placed_name(p));
		if (a->state == STORE_ANNO_ORPHANED)
			a->state = STORE_ANNO_ACTIVE;
		return p;
	}
	if (a->state == STORE_ANNO_ACTIVE)
		a->state = STORE_ANNO_ORPHANED;
	return ANNO_PLACED_NONE;
}

/* The copy of OLD that lives in the new version. */
static int
carry_one(struct store *st, const struct store_anno_article *art, struct store_anno *old,
    struct anno_carry_report *rep)
{
	struct anno_anchor was = { old->start, old->end, old->quote, old->prefix, old->suffix };
	struct store_anno a;
	enum anno_placed p;
	int rc;

	store_anno_copy(&a, old);
	a.id = 0;
	a.uuid[0] = '\0';
	a.article_id = art->id;
	a.previous_id = old->id;
	free(a.modified);
	a.modified = NULL;
	free(a.anchor);
	a.anchor = NULL;
	a.state = STORE_ANNO_ACTIVE;
	p = anno_place(&a, art->body, art->body_len, &was);
	if (p == ANNO_PLACED_NONE) {
		/* It stays live where its quote still is (see the top). */
		store_anno_free(&a);
		count(rep, p);
		return 0;
	}
	/* Placed on other words than it quoted (a fuzzy match): said, so
	 * that a coded quote is never rewritten unseen. */
	if (strcmp(a.quote, old->quote) != 0)
		rep->changed++;
	rc = store_anno_put(st, &a, 0);
	store_anno_free(&a);
	if (rc != 0)
		return -1;
	count(rep, p);
	old->state = STORE_ANNO_SUPERSEDED;
	return store_anno_put(st, old, 0);
}

int
anno_carry_over(struct store *st, int64_t old_id, int64_t new_id,
    struct anno_carry_report *rep)
{
	struct store_anno_filter f = { .article_id = old_id, .status = -1,
	    .states = STORE_ANNO_LIVE };
	struct store_anno_article art;
	struct store_anno *rows = NULL;
	size_t n = 0, i;
	int rc;

	memset(rep, 0, sizeof *rep);
	if (old_id == new_id)
		return err_set("article %lld cannot be its own newer version", (long long)old_id);
	rc = store_anno_article_get(st, new_id, &art);
	if (rc == 1)
		return err_set("%s: no article %lld", store_path(st), (long long)new_id);
	if (rc != 0)
		return -1;
	if (store_anno_begin(st) != 0)
		goto fail_art;
	if (store_anno_list(st, &f, &rows, &n) != 0)
		goto fail;
	for (i = 0; i < n; i++) {
		if (carry_one(st, &art, &rows[i], rep) != 0)
			goto fail;
	}
	store_anno_list_free(rows, n);
	store_anno_article_free(&art);
	return store_anno_commit(st);
fail:
	store_anno_rollback(st);
	store_anno_list_free(rows, n);
fail_art:
	store_anno_article_free(&art);
	return err_prefix("carrying annotations of article %lld to %lld", (long long)old_id,
	    (long long)new_id);
}
