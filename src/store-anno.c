/*
 * store-anno.c: the rows of the user's annotations: annotations, tags and
 * annotation_tags. (Notes reach the full-text index through the triggers
 * in store-schema.c, so that a corpus search finds what the user wrote.)
 *
 * Durability: annotation writes run in store_anno_begin/commit, which turn
 * synchronous=FULL on for the transaction (the connection's default,
 * NORMAL in WAL mode, may lose the last commits on power loss; a person's
 * notes must not). The change is on disk when store_anno_commit returns,
 * and only then may the screen say so.
 *
 * Nothing here deletes an annotation: deleting is a state. Only tags are
 * removed (merged away), and anno.c keeps what undo needs to restore them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store-int.h"
#include "util.h"

static const char *const state_names[] = {
	[STORE_ANNO_ACTIVE] = "active",
	[STORE_ANNO_ORPHANED] = "orphaned",
	[STORE_ANNO_DELETED] = "deleted",
	[STORE_ANNO_SUPERSEDED] = "superseded",
};

static const char *const status_names[] = {
	[STORE_ANNO_NOSTATUS] = NULL,
	[STORE_ANNO_UNVERIFIED] = "unverified",
	[STORE_ANNO_SUPPORTED] = "supported",
	[STORE_ANNO_DISPUTED] = "disputed",
	[STORE_ANNO_FALSE] = "false",
};

const char *
store_anno_state_name(enum store_anno_state s)
{
	return (size_t)s < ARRAY_LEN(state_names) ? state_names[s] : "active";
}

int
store_anno_state_parse(const char *name, enum store_anno_state *out)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(state_names); i++) {
		if (name != NULL && strcmp(name, state_names[i]) == 0) {
			*out = (enum store_anno_state)i;
			return 0;
		}
	}
	return err_set("unknown annotation state '%s' (active, orphaned, deleted, superseded)",
	    name ? name : "");
}

const char *
store_anno_status_name(enum store_anno_status s)
{
	return (size_t)s < ARRAY_LEN(status_names) ? status_names[s] : NULL;
}

int
store_anno_status_parse(const char *name, enum store_anno_status *out)
{
	size_t i;

	if (name == NULL || name[0] == '\0' || strcmp(name, "none") == 0) {
		*out = STORE_ANNO_NOSTATUS;
		return 0;
	}
	for (i = 1; i < ARRAY_LEN(status_names); i++) {
		if (strcmp(name, status_names[i]) == 0) {
			*out = (enum store_anno_status)i;
			return 0;
		}
	}
	return err_set("unknown status '%s' (unverified, supported, disputed, false, none)",
	    name);
}

/* ---- structs ------------------------------------------------------------ */

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

void
store_anno_free(struct store_anno *a)
{
	size_t i;

	if (a == NULL)
		return;
	free(a->quote);
	free(a->prefix);
	free(a->suffix);
	free(a->note);
	free(a->anchor);
	free(a->created);
	free(a->modified);
	free(a->coder);
	free(a->speaker);
	free(a->target);
	free(a->was_quote);
	for (i = 0; i < a->ntags; i++) {
		free(a->tags[i].name);
		free(a->tags[i].color);
	}
	free(a->tags);
	memset(a, 0, sizeof *a);
}

void
store_anno_list_free(struct store_anno *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		store_anno_free(&rows[i]);
	free(rows);
}

void
store_anno_copy(struct store_anno *dst, const struct store_anno *src)
{
	size_t i;

	*dst = *src;
	dst->quote = dup_or_null(src->quote);
	dst->prefix = dup_or_null(src->prefix);
	dst->suffix = dup_or_null(src->suffix);
	dst->note = dup_or_null(src->note);
	dst->anchor = dup_or_null(src->anchor);
	dst->created = dup_or_null(src->created);
	dst->modified = dup_or_null(src->modified);
	dst->coder = dup_or_null(src->coder);
	dst->speaker = dup_or_null(src->speaker);
	dst->was_quote = dup_or_null(src->was_quote);
	dst->target = dup_or_null(src->target);
	dst->tags = src->ntags > 0 ? xreallocarray(NULL, src->ntags, sizeof *dst->tags) : NULL;
	for (i = 0; i < src->ntags; i++) {
		dst->tags[i].id = src->tags[i].id;
		dst->tags[i].name = dup_or_null(src->tags[i].name);
		dst->tags[i].color = dup_or_null(src->tags[i].color);
	}
}

void
store_anno_tag_add(struct store_anno *a, int64_t id, const char *name, const char *color)
{
	size_t i, at = a->ntags;

	for (i = 0; i < a->ntags; i++) {
		if (a->tags[i].id == id)
			return;
		/* Kept sorted by name, as reads return them. */
		if (at == a->ntags && name != NULL && a->tags[i].name != NULL &&
		    strcmp(name, a->tags[i].name) < 0)
			at = i;
	}
	a->tags = xreallocarray(a->tags, a->ntags + 1, sizeof *a->tags);
	memmove(&a->tags[at + 1], &a->tags[at], (a->ntags - at) * sizeof *a->tags);
	a->tags[at].id = id;
	a->tags[at].name = dup_or_null(name);
	a->tags[at].color = dup_or_null(color);
	a->ntags++;
}

int
store_anno_tag_remove(struct store_anno *a, int64_t id)
{
	size_t i;

	for (i = 0; i < a->ntags; i++) {
		if (a->tags[i].id != id)
			continue;
		free(a->tags[i].name);
		free(a->tags[i].color);
		memmove(&a->tags[i], &a->tags[i + 1], (a->ntags - i - 1) * sizeof *a->tags);
		a->ntags--;
		return 1;
	}
	return 0;
}

void
store_tag_free(struct store_tag *t)
{
	if (t == NULL)
		return;
	free(t->name);
	free(t->color);
	free(t->key);
	memset(t, 0, sizeof *t);
}

void
store_tag_list_free(struct store_tag *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		store_tag_free(&rows[i]);
	free(rows);
}

void
store_anno_article_free(struct store_anno_article *a)
{
	if (a == NULL)
		return;
	free(a->title);
	free(a->source);
	free(a->hash);
	free(a->outlet);
	free(a->published);
	free(a->body);
	memset(a, 0, sizeof *a);
}

/* ---- transactions --------------------------------------------------------- */

static int
set_synchronous(struct store *st, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(store_sqlite(st), sql, NULL, NULL, &msg) != SQLITE_OK) {
		err_set("%s: %s", store_path(st), msg ? msg : "cannot set synchronous");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int
store_anno_begin(struct store *st)
{
	int outer = sqlite3_get_autocommit(store_sqlite(st));

	if (store_is_readonly(st))
		return err_set("%s: the database is read-only", store_path(st));
	/* Only the outermost transaction chooses how its commit is synced:
	 * the setting cannot mean anything half way through. */
	if (outer && set_synchronous(st, "PRAGMA synchronous = FULL") != 0)
		return -1;
	if (store_begin(st) != 0) {
		if (outer)
			set_synchronous(st, "PRAGMA synchronous = NORMAL");
		return -1;
	}
	return 0;
}

int
store_anno_commit(struct store *st)
{
	int rc = store_commit(st);

	if (sqlite3_get_autocommit(store_sqlite(st)))
		set_synchronous(st, "PRAGMA synchronous = NORMAL");
	return rc;
}

int
store_anno_rollback(struct store *st)
{
	int rc = store_rollback(st);

	if (sqlite3_get_autocommit(store_sqlite(st)))
		set_synchronous(st, "PRAGMA synchronous = NORMAL");
	return rc;
}

/* ---- annotations -------------------------------------------------------- */

void
store_anno_uuid(char out[37])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char r[16];
	size_t i, o = 0;

	sqlite3_randomness(sizeof r, r);
	r[6] = (unsigned char)((r[6] & 0x0F) | 0x40);   /* version 4 */
	r[8] = (unsigned char)((r[8] & 0x3F) | 0x80);   /* RFC 4122 variant */
	for (i = 0; i < sizeof r; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[r[i] >> 4];
		out[o++] = hex[r[i] & 0x0F];
	}
	out[o] = '\0';
}

static int
bind_id(sqlite3_stmt *s, int i, int64_t v)
{
	return v != 0 ? sqlite3_bind_int64(s, i, v) : sqlite3_bind_null(s, i);
}

static int
put_tags(struct store *st, const struct store_anno *a)
{
	sqlite3_stmt *s;
	size_t i;

	s = store_stmt(st, "DELETE FROM annotation_tags WHERE annotation_id = ?1");
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, a->id);
	if (sqlite3_step(s) != SQLITE_DONE)
		return store_err(st, "writing annotation tags");
	for (i = 0; i < a->ntags; i++) {
		/* A tag removed meanwhile (by another reader) is skipped rather
		 * than failing the whole change. */
		s = store_stmt(st, "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id)"
		    " SELECT ?1, id FROM tags WHERE id = ?2");
		if (s == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, a->id);
		sqlite3_bind_int64(s, 2, a->tags[i].id);
		if (sqlite3_step(s) != SQLITE_DONE)
			return store_err(st, "writing annotation tags");
	}
	return 0;
}

/* What is stored under A's uuid now: its id (0 when none) and whether
 * the columns the full-text index depends on would change. */
void
store_name_uuid(const char *kind, const char *name, char out[37])
{
	struct store_sha256 h;
	char hex[65];
	size_t i, o = 0;

	store_sha256_init(&h);
	store_sha256_add(&h, "dossier:", 8);
	store_sha256_add(&h, kind, strlen(kind));
	store_sha256_add(&h, ":", 1);
	store_sha256_add(&h, name, strlen(name));
	store_sha256_hex(&h, hex);
	/* The layout of a name-based UUID (version 8, RFC 9562's custom one). */
	hex[12] = '8';
	hex[16] = "89ab"[(hex[16] >= 'a' ? hex[16] - 'a' + 10 : hex[16] - '0') & 3];
	for (i = 0; i < 32; i++) {
		if (i == 8 || i == 12 || i == 16 || i == 20)
			out[o++] = '-';
		out[o++] = hex[i];
	}
	out[o] = '\0';
}

static int
stored(struct store *st, const struct store_anno *a, int64_t *id, int *indexed_change)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT id, note IS NOT ?2 OR state IS NOT ?3 OR article_id IS NOT ?4"
	    " FROM annotations WHERE uuid = ?1");
	int rc;

	*id = 0;
	*indexed_change = 0;
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, a->uuid, -1, SQLITE_TRANSIENT);
	store_bind_text(s, 2, a->note != NULL && a->note[0] != '\0' ? a->note : NULL, 1);
	store_bind_text(s, 3, store_anno_state_name(a->state), 1);
	sqlite3_bind_int64(s, 4, a->article_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		*indexed_change = sqlite3_column_int(s, 1);
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_err(st, "reading an annotation");
}

/* Binds A's columns as ?1..?17 in the order of the INSERT below (the
 * UPDATEs use some of them; ?17 keeps every number below it valid). */
static void
bind_anno(sqlite3_stmt *s, const struct store_anno *a, int flags)
{
	sqlite3_bind_text(s, 1, a->uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, a->article_id);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)a->start);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)a->end);
	store_bind_text(s, 5, a->quote ? a->quote : "", 1);
	store_bind_text(s, 6, a->prefix ? a->prefix : "", 1);
	store_bind_text(s, 7, a->suffix ? a->suffix : "", 1);
	store_bind_text(s, 8, a->note != NULL && a->note[0] != '\0' ? a->note : NULL, 1);
	bind_id(s, 9, a->speaker_id);
	bind_id(s, 10, a->target_id);
	store_bind_text(s, 11, store_anno_status_name(a->status), 1);
	store_bind_text(s, 12, store_anno_state_name(a->state), 1);
	store_bind_text(s, 13, a->anchor, 1);
	bind_id(s, 14, a->previous_id);
	store_bind_text(s, 15, a->created, 1);
	store_bind_text(s, 16, (flags & STORE_ANNO_KEEP_TIMES) ? a->modified : NULL, 1);
	store_bind_text(s, 17, a->coder != NULL && a->coder[0] != '\0' ? a->coder : NULL, 1);
}

#define NOW "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

/* An explicit INSERT or UPDATE, not an upsert: the full-text triggers on
 * annotations must see exactly one change. The note, state and article
 * are written only when they change, since writing them makes the
 * triggers re-index the whole article. */
static sqlite3_stmt *
write_stmt(struct store *st, int64_t id, int indexed_change)
{
	if (id == 0)
		return store_stmt(st,
		    "INSERT INTO annotations (uuid, article_id, start, end, quote, prefix, suffix,"
		    "  note, speaker_id, target_id, status, state, anchor, previous_id, created,"
		    "  modified, coder) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
		    "  ?13, ?14, coalesce(?15, " NOW "), coalesce(?16, " NOW "), ?17)"
		    " RETURNING id, created, modified");
	if (indexed_change)
		return store_stmt(st,
		    "UPDATE annotations SET article_id = ?2, start = ?3, end = ?4, quote = ?5,"
		    "  prefix = ?6, suffix = ?7, note = ?8, speaker_id = ?9, target_id = ?10,"
		    "  status = ?11, state = ?12, anchor = ?13, previous_id = ?14,"
		    "  modified = coalesce(?16, " NOW "), coder = coalesce(?17, coder)"
		    " WHERE uuid = ?1 RETURNING id, created, modified");
	return store_stmt(st,
	    "UPDATE annotations SET start = ?3, end = ?4, quote = ?5,"
	    "  prefix = ?6, suffix = ?7, speaker_id = ?9, target_id = ?10,"
	    "  status = ?11, anchor = ?13, previous_id = ?14,"
	    "  modified = coalesce(?16, " NOW "), coder = coalesce(?17, coder)"
	    " WHERE uuid = ?1 RETURNING id, created, modified");
}

int
store_anno_put(struct store *st, struct store_anno *a, int flags)
{
	sqlite3_stmt *s;
	int64_t id;
	int indexed_change, rc;

	if (a->uuid[0] == '\0')
		store_anno_uuid(a->uuid);
	if (stored(st, a, &id, &indexed_change) != 0)
		return -1;
	if ((s = write_stmt(st, id, indexed_change)) == NULL)
		return -1;
	bind_anno(s, a, flags);
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(s);
		return store_err(st, "saving an annotation");
	}
	a->id = sqlite3_column_int64(s, 0);
	free(a->created);
	free(a->modified);
	a->created = store_col_text(s, 1);
	a->modified = store_col_text(s, 2);
	/* RETURNING rows are produced after the change; step to the end so
	 * the statement is finished before the next one. */
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_err(st, "saving an annotation");
	return put_tags(st, a);
}

#define ANNO_SELECT \
	"SELECT a.id, a.uuid, a.article_id, a.start, a.end, a.quote, a.prefix, a.suffix," \
	" a.note, a.speaker_id, a.target_id, a.status, a.state, a.anchor, a.previous_id," \
	" a.created, a.modified, sp.name, tg.name, a.coder," \
	" CASE WHEN pv.quote IS NOT a.quote THEN pv.quote END" \
	" FROM annotations a LEFT JOIN entities sp ON sp.id = a.speaker_id" \
	" LEFT JOIN entities tg ON tg.id = a.target_id" \
	" LEFT JOIN annotations pv ON pv.id = a.previous_id"

static int
read_tags(struct store *st, struct store_anno *a)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT t.id, t.name, t.color FROM annotation_tags x JOIN tags t ON t.id = x.tag_id"
	    " WHERE x.annotation_id = ?1 ORDER BY t.name");
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, a->id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		a->tags = xreallocarray(a->tags, a->ntags + 1, sizeof *a->tags);
		a->tags[a->ntags].id = sqlite3_column_int64(s, 0);
		a->tags[a->ntags].name = store_col_text(s, 1);
		a->tags[a->ntags].color = store_col_text(s, 2);
		a->ntags++;
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_err(st, "reading annotation tags");
}

static void
read_row(sqlite3_stmt *s, struct store_anno *a)
{
	const char *uuid = (const char *)sqlite3_column_text(s, 1);

	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(s, 0);
	snprintf(a->uuid, sizeof a->uuid, "%s", uuid ? uuid : "");
	a->article_id = sqlite3_column_int64(s, 2);
	a->start = (size_t)sqlite3_column_int64(s, 3);
	a->end = (size_t)sqlite3_column_int64(s, 4);
	a->quote = store_col_text(s, 5);
	a->prefix = store_col_text(s, 6);
	a->suffix = store_col_text(s, 7);
	a->note = store_col_text(s, 8);
	a->speaker_id = sqlite3_column_int64(s, 9);
	a->target_id = sqlite3_column_int64(s, 10);
	if (store_anno_status_parse((const char *)sqlite3_column_text(s, 11), &a->status) != 0)
		a->status = STORE_ANNO_NOSTATUS;
	if (store_anno_state_parse((const char *)sqlite3_column_text(s, 12), &a->state) != 0)
		a->state = STORE_ANNO_ACTIVE;
	a->anchor = store_col_text(s, 13);
	a->previous_id = sqlite3_column_int64(s, 14);
	a->created = store_col_text(s, 15);
	a->modified = store_col_text(s, 16);
	a->speaker = store_col_text(s, 17);
	a->target = store_col_text(s, 18);
	a->coder = store_col_text(s, 19);
	a->was_quote = store_col_text(s, 20);
}

static int
get_one(struct store *st, sqlite3_stmt *s, struct store_anno *out)
{
	int rc;

	memset(out, 0, sizeof *out);
	rc = sqlite3_step(s);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(s);
		return 1;
	}
	if (rc != SQLITE_ROW)
		return store_err(st, "reading an annotation");
	read_row(s, out);
	sqlite3_reset(s);
	if (read_tags(st, out) != 0) {
		store_anno_free(out);
		return -1;
	}
	return 0;
}

int
store_anno_get(struct store *st, int64_t id, struct store_anno *out)
{
	sqlite3_stmt *s = store_stmt(st, ANNO_SELECT " WHERE a.id = ?1");

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	return get_one(st, s, out);
}

int
store_anno_get_uuid(struct store *st, const char *uuid, struct store_anno *out)
{
	sqlite3_stmt *s = store_stmt(st, ANNO_SELECT " WHERE a.uuid = ?1");

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, uuid, -1, SQLITE_TRANSIENT);
	return get_one(st, s, out);
}

/* One WHERE clause for lists and counts, every condition optional. */
#define ANNO_FILTER \
	" WHERE (?1 = 0 OR a.article_id = ?1)" \
	" AND (?2 IS NULL OR EXISTS (SELECT 1 FROM annotation_tags x" \
	"  JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = a.id" \
	"  AND (t.name = ?2 OR (?14 = 0 AND substr(t.name, 1, length(?2) + 1) = ?2 || '/'))))" \
	" AND (?3 = 0 OR a.speaker_id = ?3 OR (?3 < 0 AND a.speaker_id IS NULL))" \
	" AND (?12 IS NULL OR EXISTS (SELECT 1 FROM articles o WHERE o.id = a.article_id" \
	"  AND coalesce(o.outlet, '') = ?12))" \
	" AND (?13 IS NULL OR EXISTS (SELECT 1 FROM articles o WHERE o.id = a.article_id" \
	"  AND coalesce(substr(o.published, 1, 7), '') = ?13))" \
	" AND (?4 < 0 OR coalesce(a.status, '') = ?5)" \
	" AND (?6 & (1 << CASE a.state WHEN 'active' THEN 0 WHEN 'orphaned' THEN 1" \
	"  WHEN 'deleted' THEN 2 ELSE 3 END)) <> 0" \
	" AND (?7 IS NULL OR instr(lower(a.quote), lower(?7)) > 0" \
	"  OR instr(lower(coalesce(a.note, '')), lower(?7)) > 0" \
	"  OR instr(lower(coalesce(sp.name, '')), lower(?7)) > 0)" \
	" AND (?10 IS NULL OR instr(lower(coalesce(sp.name, '')), lower(?10)) > 0)" \
	" AND (?11 IS NULL OR a.coder = ?11)"

/* Article, then position; orphans last, since their offsets belong to
 * another version; then creation. The same annotations come out in the
 * same order from any database holding them. */
#define ANNO_ORDER \
	" ORDER BY a.article_id, a.state = 'orphaned'," \
	" CASE WHEN a.state = 'orphaned' THEN 0 ELSE a.start END," \
	" CASE WHEN a.state = 'orphaned' THEN 0 ELSE a.end END, a.created, a.uuid"

static void
bind_filter(sqlite3_stmt *s, const struct store_anno_filter *f, int paged)
{
	static const struct store_anno_filter all = { .status = -1 };
	const char *status;

	if (f == NULL)
		f = &all;
	sqlite3_bind_int64(s, 1, f->article_id);
	store_bind_text(s, 2, f->tag, 1);
	sqlite3_bind_int64(s, 3, f->speaker_id);
	sqlite3_bind_int(s, 4, f->status);
	status = f->status > 0 ? store_anno_status_name((enum store_anno_status)f->status) : NULL;
	sqlite3_bind_text(s, 5, status ? status : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 6, (int)(f->states != 0 ? f->states : STORE_ANNO_LIVE));
	store_bind_text(s, 7, f->text != NULL && f->text[0] != '\0' ? f->text : NULL, 1);
	store_bind_text(s, 10, f->speaker != NULL && f->speaker[0] != '\0' ? f->speaker : NULL, 1);
	store_bind_text(s, 11, f->coder != NULL && f->coder[0] != '\0' ? f->coder : NULL, 1);
	store_bind_text(s, 12, f->outlet, 1);
	store_bind_text(s, 13, f->month, 1);
	sqlite3_bind_int(s, 14, f->tag_exact);
	if (paged) {
		sqlite3_bind_int64(s, 8, f->limit > 0 ? (sqlite3_int64)f->limit : -1);
		sqlite3_bind_int64(s, 9, (sqlite3_int64)f->offset);
	}
}

int
store_anno_list(struct store *st, const struct store_anno_filter *f,
    struct store_anno **rows, size_t *n)
{
	sqlite3_stmt *s = store_stmt(st, ANNO_SELECT ANNO_FILTER
	    ANNO_ORDER " LIMIT ?8 OFFSET ?9");
	struct store_anno *v = NULL;
	size_t count = 0, i;
	int rc;

	*rows = NULL;
	*n = 0;
	if (s == NULL)
		return -1;
	bind_filter(s, f, 1);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		v = xreallocarray(v, count + 1, sizeof *v);
		read_row(s, &v[count++]);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_anno_list_free(v, count);
		return store_err(st, "listing annotations");
	}
	for (i = 0; i < count; i++) {
		if (read_tags(st, &v[i]) != 0) {
			store_anno_list_free(v, count);
			return -1;
		}
	}
	*rows = v;
	*n = count;
	return 0;
}

int
store_anno_coder_known(struct store *st, const char *coder)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT EXISTS (SELECT 1 FROM annotations WHERE coder = ?1)");
	int rc, known;

	if (s == NULL)
		return -1;
	store_bind_text(s, 1, coder, 1);
	rc = sqlite3_step(s);
	known = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : -1;
	sqlite3_reset(s);
	return known < 0 ? store_err(st, "looking for a coder") : known;
}

int
store_anno_count(struct store *st, const struct store_anno_filter *f, size_t *n)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT count(*) FROM annotations a"
	    " LEFT JOIN entities sp ON sp.id = a.speaker_id" ANNO_FILTER);

	if (s == NULL)
		return -1;
	bind_filter(s, f, 0);
	if (sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_reset(s);
		return store_err(st, "counting annotations");
	}
	*n = (size_t)sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return 0;
}

/* ---- tags ------------------------------------------------------------------ */

static void
read_tag(sqlite3_stmt *s, struct store_tag *t)
{
	t->id = sqlite3_column_int64(s, 0);
	t->name = store_col_text(s, 1);
	t->color = store_col_text(s, 2);
	t->key = store_col_text(s, 3);
	t->uses = sqlite3_column_int64(s, 4);
}

/* A tag with its live highlights, from the report counts (schema 14):
 * a row a speaker, not a pass over the coding. */
#define TAG_SELECT \
	"SELECT t.id, t.name, t.color, t.key, (SELECT coalesce(sum(c.n), 0)" \
	" FROM coding_speakers c WHERE c.tag_id = t.id) FROM tags t"

int
store_tag_list(struct store *st, struct store_tag **rows, size_t *n)
{
	sqlite3_stmt *s = store_stmt(st, TAG_SELECT " ORDER BY t.id");
	struct store_tag *v = NULL;
	size_t count = 0;
	int rc;

	*rows = NULL;
	*n = 0;
	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		v = xreallocarray(v, count + 1, sizeof *v);
		read_tag(s, &v[count++]);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_tag_list_free(v, count);
		return store_err(st, "listing tags");
	}
	*rows = v;
	*n = count;
	return 0;
}

static int
tag_one(struct store *st, sqlite3_stmt *s, struct store_tag *out)
{
	int rc = sqlite3_step(s);

	memset(out, 0, sizeof *out);
	if (rc == SQLITE_ROW)
		read_tag(s, out);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_DONE ? 1 : store_err(st, "reading a tag");
}

int
store_tag_find(struct store *st, const char *name, struct store_tag *out)
{
	sqlite3_stmt *s = store_stmt(st, TAG_SELECT " WHERE t.name = ?1");

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_TRANSIENT);
	return tag_one(st, s, out);
}

int
store_tag_get(struct store *st, int64_t id, struct store_tag *out)
{
	sqlite3_stmt *s = store_stmt(st, TAG_SELECT " WHERE t.id = ?1");

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	return tag_one(st, s, out);
}

int
store_tag_put(struct store *st, struct store_tag *t)
{
	sqlite3_stmt *s = store_stmt(st,
	    "INSERT INTO tags (id, name, color, key) VALUES (?1, ?2, ?3, ?4)"
	    " ON CONFLICT (id) DO UPDATE SET name = excluded.name, color = excluded.color,"
	    "  key = excluded.key RETURNING id");
	int rc;

	if (s == NULL)
		return -1;
	bind_id(s, 1, t->id);
	sqlite3_bind_text(s, 2, t->name, -1, SQLITE_TRANSIENT);
	store_bind_text(s, 3, t->color, 1);
	store_bind_text(s, 4, t->key, 1);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		t->id = sqlite3_column_int64(s, 0);
		rc = sqlite3_step(s);
	}
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc == SQLITE_CONSTRAINT_UNIQUE)
		return err_set("%s: a tag named '%s' exists already", store_path(st), t->name);
	return store_err(st, "saving a tag");
}

int
store_tag_delete(struct store *st, int64_t id)
{
	sqlite3_stmt *s = store_stmt(st, "DELETE FROM tags WHERE id = ?1");

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) != SQLITE_DONE)
		return store_err(st, "removing a tag");
	return 0;
}

/* ---- articles and entities, as annotations see them ------------------------- */

int
store_anno_article_get(struct store *st, int64_t id, struct store_anno_article *out)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT id, previous_id, title, source, hash, outlet, published, body"
	    " FROM articles WHERE id = ?1");
	int rc;

	memset(out, 0, sizeof *out);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(s, 0);
		out->previous_id = sqlite3_column_int64(s, 1);
		out->title = store_col_text(s, 2);
		out->source = store_col_text(s, 3);
		out->hash = store_col_text(s, 4);
		out->outlet = store_col_text(s, 5);
		out->published = store_col_text(s, 6);
		out->body_len = (size_t)sqlite3_column_bytes(s, 7);
		out->body = xstrndup(out->body_len > 0 ? (const char *)sqlite3_column_text(s, 7) : "",
		    out->body_len);
	}
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_DONE ? 1 : store_err(st, "reading an article");
}

static int
one_id(struct store *st, sqlite3_stmt *s, int64_t *id, const char *what)
{
	int rc = sqlite3_step(s);

	*id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_err(st, what);
	return 0;
}

int
store_anno_article_match(struct store *st, const char *hash, const char *source,
    int64_t *id)
{
	sqlite3_stmt *s;

	*id = 0;
	if (hash != NULL && hash[0] != '\0') {
		s = store_stmt(st, "SELECT id FROM articles WHERE hash = ?1");
		if (s == NULL)
			return -1;
		sqlite3_bind_text(s, 1, hash, -1, SQLITE_TRANSIENT);
		if (one_id(st, s, id, "finding an article") != 0 || *id != 0)
			return *id != 0 ? 0 : -1;
	}
	if (source == NULL || source[0] == '\0')
		return 0;
	/* The newest version: the one no other version names as previous. */
	s = store_stmt(st, "SELECT a.id FROM articles a WHERE a.source = ?1 AND NOT EXISTS"
	    " (SELECT 1 FROM articles n WHERE n.previous_id = a.id) ORDER BY a.id DESC LIMIT 1");
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, source, -1, SQLITE_TRANSIENT);
	return one_id(st, s, id, "finding an article");
}

int
store_anno_entity_find(struct store *st, const char *name, int64_t *id)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT id FROM entities WHERE name = ?1 COLLATE NOCASE"
	    " UNION ALL SELECT entity_id FROM aliases WHERE alias = ?1 LIMIT 1");

	*id = 0;
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_TRANSIENT);
	return one_id(st, s, id, "finding an entity");
}

int
store_anno_speaker_at(struct store *st, int64_t article_id, size_t start, size_t end,
    int64_t *speaker_id)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT speaker_id FROM statements WHERE article_id = ?1 AND start <= ?2"
	    " AND end >= ?3 AND speaker_id IS NOT NULL ORDER BY end - start LIMIT 1");

	*speaker_id = 0;
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, article_id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)start);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)end);
	return one_id(st, s, speaker_id, "finding a statement's speaker");
}

int
store_anno_actors(struct store *st, int64_t article, const char *text, size_t limit,
    struct store_actor **rows, size_t *n)
{
	/* The article's own actors first, the most mentioned first (one
	 * indexed count per actor matched), then the rest by name. */
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT e.id, e.name, e.kind FROM entities e"
	    " WHERE e.kind IN ('person', 'state', 'organization') AND e.status = 'active'"
	    " AND (instr(lower(e.name), lower(?1)) > 0 OR EXISTS (SELECT 1 FROM aliases a"
	    "  WHERE a.entity_id = e.id AND instr(lower(a.alias), lower(?1)) > 0))"
	    " ORDER BY (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id"
	    "  AND m.article_id = ?3) DESC, e.name LIMIT ?2");
	struct store_actor *v = NULL;
	size_t count = 0;
	int rc;

	*rows = NULL;
	*n = 0;
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, limit > 0 ? (sqlite3_int64)limit : -1);
	sqlite3_bind_int64(s, 3, article);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		v = xreallocarray(v, count + 1, sizeof *v);
		v[count].id = sqlite3_column_int64(s, 0);
		v[count].name = store_col_text(s, 1);
		v[count].kind = store_col_text(s, 2);
		count++;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_actor_list_free(v, count);
		return store_err(st, "listing actors");
	}
	*rows = v;
	*n = count;
	return 0;
}

void
store_actor_list_free(struct store_actor *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(rows[i].name);
		free(rows[i].kind);
	}
	free(rows);
}
