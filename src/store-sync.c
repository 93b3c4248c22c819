/*
 * store-sync.c: what sharing with a team needs of the local database,
 * as rows: the queue of this database's own changes, each change as a
 * record (kind, key, version, JSON), and the records others made written
 * back. The team module (team.h) carries them to and from the server and
 * knows nothing of SQLite; this file knows nothing of the server.
 *
 * Kinds and keys: an article by its content hash (articles never change,
 * so an article record is written once), a tag of the codebook by its
 * uuid, an annotation by its uuid. Triggers (schema 10) queue a record's
 * kind and key in sync_outbox when the row changes; the record is built
 * from the row as it is when it is sent, so ten edits between two syncs
 * send one record.
 *
 * Versions are hybrid logical clocks: the time in milliseconds (for an
 * annotation, when it was last modified; for the rest, when it is first
 * sent) shifted 16 bits left, raised to one more than the highest version
 * this database has seen when that is higher, so a change made after
 * pulling another's always outranks it, whatever the two machines'
 * clocks say. Ties go to the higher node (the uuid of the database that
 * wrote it). The version given is kept in the queue, so sending a record
 * again after an interrupted sync sends the same version.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store-int.h"
#include "util.h"

static const char *const kinds[] = { "article", "tag", "annotation" };

const char *
store_sync_kind_name(enum store_sync_kind k)
{
	return kinds[k];
}

int
store_sync_kind_parse(const char *name, enum store_sync_kind *out)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(kinds); i++)
		if (strcmp(name, kinds[i]) == 0) {
			*out = (enum store_sync_kind)i;
			return 0;
		}
	return err_set("unknown kind of record '%s'", name);
}

void
store_sync_rec_free(struct store_sync_rec *r)
{
	free(r->key);
	free(r->node);
	free(r->coder);
	free(r->body);
	free(r->base_node);
	memset(r, 0, sizeof *r);
}

void
store_sync_recs_free(struct store_sync_rec *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		store_sync_rec_free(&rows[i]);
	free(rows);
}

static int
run(struct store *st, const char *sql, const char *what)
{
	char *msg = NULL;

	if (sqlite3_exec(store_sqlite(st), sql, NULL, NULL, &msg) != SQLITE_OK) {
		err_set("%s: %s: %s", store_path(st), what, msg ? msg : "error");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int
store_sync_join(struct store *st)
{
	if (store_begin(st) != 0)
		return -1;
	if (run(st, "DELETE FROM sync_on; INSERT INTO sync_on(applying) VALUES (0);"
	    /* What the team has already had from here (joining again) is not
	     * sent again. */
	    "INSERT OR IGNORE INTO sync_outbox(kind, key) SELECT 'article', hash FROM articles"
	    "  WHERE hash NOT IN (SELECT key FROM sync_versions WHERE kind = 'article');"
	    "INSERT OR IGNORE INTO sync_outbox(kind, key) SELECT 'tag', uuid FROM tags"
	    "  WHERE uuid NOT IN (SELECT key FROM sync_versions WHERE kind = 'tag');"
	    "INSERT OR IGNORE INTO sync_outbox(kind, key) SELECT 'annotation', uuid"
	    "  FROM annotations"
	    "  WHERE uuid NOT IN (SELECT key FROM sync_versions WHERE kind = 'annotation');",
	    "joining a team") != 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st);
}

/* The records that may be sent: an annotation only when CODER (?1) made
 * it (or nobody is named: this database's own from before coders), a
 * tag's change only with the codebook's right (?2), though anyone adds a
 * new tag. */
#define SENDABLE \
	" (o.kind <> 'annotation' OR EXISTS (SELECT 1 FROM annotations a WHERE a.uuid = o.key" \
	"   AND (a.coder IS NULL OR a.coder = ?1)))" \
	" AND (o.kind <> 'tag' OR ?2 OR (v.hlc IS NULL AND EXISTS" \
	"   (SELECT 1 FROM tags t WHERE t.uuid = o.key)))"

int
store_sync_waiting(struct store *st, const char *coder, int codebook,
    size_t waiting[STORE_SYNC_KINDS], size_t *kept)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT o.kind, " SENDABLE ", count(*) FROM sync_outbox o"
	    " LEFT JOIN sync_versions v USING (kind, key) GROUP BY 1, 2");
	enum store_sync_kind k = STORE_SYNC_ARTICLE;
	int rc;

	memset(waiting, 0, STORE_SYNC_KINDS * sizeof *waiting);
	*kept = 0;
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, coder, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, codebook);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		size_t count = (size_t)sqlite3_column_int64(s, 2);
		if (!sqlite3_column_int(s, 1))
			*kept += count;
		else if (store_sync_kind_parse((const char *)sqlite3_column_text(s, 0), &k) == 0)
			waiting[k] += count;
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_err(st, "counting what waits to be sent");
}

/* Milliseconds since 1970 now. */
static int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t
store_sync_tick(int64_t *clock, int64_t ms)
{
	int64_t v = ms << 16;

	if (v <= *clock)
		v = *clock + 1;
	*clock = v;
	return v;
}

/* The record of R->kind and R->key as the row is now: its JSON, whether
 * it is a tombstone, its coder, and for an annotation the time it was
 * last modified (*ms, else left). A row that is gone is a tombstone. */
static int
build(struct store *st, struct store_sync_rec *r, int64_t *ms)
{
	static const char *const sql[] = {
		[STORE_SYNC_ARTICLE] =
		    "SELECT json_object('title', a.title, 'source', a.source, 'outlet', a.outlet,"
		    " 'published', a.published, 'dateline', a.dateline, 'format', a.format,"
		    " 'body', a.body, 'comments', a.comments, 'authors', a.authors,"
		    " 'language', a.language, 'modified', a.modified, 'captions', a.captions,"
		    " 'item', a.item, 'summary', a.summary, 'previous', p.hash), 0, NULL, NULL"
		    " FROM articles a LEFT JOIN articles p ON p.id = a.previous_id"
		    " WHERE a.hash = ?1",
		[STORE_SYNC_TAG] =
		    "SELECT json_object('name', name, 'color', color, 'key', key), 0, NULL, NULL"
		    " FROM tags WHERE uuid = ?1",
		[STORE_SYNC_ANNOTATION] =
		    "SELECT json_object('article', ar.hash, 'start', a.start, 'end', a.end,"
		    " 'quote', a.quote, 'prefix', a.prefix, 'suffix', a.suffix, 'note', a.note,"
		    " 'speaker', sp.name, 'target', tg.name, 'status', a.status, 'state', a.state,"
		    " 'anchor', a.anchor, 'previous', pa.uuid, 'created', a.created,"
		    " 'modified', a.modified, 'tags', json((SELECT json_group_array(t.uuid)"
		    "   FROM annotation_tags x JOIN tags t ON t.id = x.tag_id"
		    "   WHERE x.annotation_id = a.id))),"
		    " a.state = 'deleted', a.coder,"
		    " CAST((julianday(a.modified) - 2440587.5) * 86400000 AS INTEGER)"
		    " FROM annotations a JOIN articles ar ON ar.id = a.article_id"
		    " LEFT JOIN entities sp ON sp.id = a.speaker_id"
		    " LEFT JOIN entities tg ON tg.id = a.target_id"
		    " LEFT JOIN annotations pa ON pa.id = a.previous_id WHERE a.uuid = ?1",
	};
	sqlite3_stmt *s = store_stmt(st, sql[r->kind]);
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, r->key, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		r->body = store_col_text(s, 0);
		r->deleted = sqlite3_column_int(s, 1);
		r->coder = store_col_text(s, 2);
		if (sqlite3_column_type(s, 3) != SQLITE_NULL)
			*ms = sqlite3_column_int64(s, 3);
	}
	sqlite3_reset(s);
	if (rc == SQLITE_DONE && r->kind == STORE_SYNC_TAG) {
		/* A tag removed: merged into another, or simply gone. */
		sqlite3_stmt *m = store_stmt(st, "SELECT json_object('merged_into', into_uuid)"
		    " FROM sync_tag_merges WHERE uuid = ?1");
		if (m == NULL)
			return -1;
		sqlite3_bind_text(m, 1, r->key, -1, SQLITE_STATIC);
		if (sqlite3_step(m) == SQLITE_ROW)
			r->body = store_col_text(m, 0);
		sqlite3_reset(m);
		r->deleted = 1;
		return 0;
	}
	if (rc != SQLITE_ROW)
		return store_err(st, "reading a record to send");
	return 0;
}

int
store_sync_outbox(struct store *st, const char *node, const char *coder, int codebook,
    size_t max, int64_t *clock, struct store_sync_rec **rows, size_t *n)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT o.kind, o.key, o.hlc, v.hlc, v.node FROM sync_outbox o"
	    " LEFT JOIN sync_versions v USING (kind, key) WHERE" SENDABLE
	    " ORDER BY CASE o.kind WHEN 'article' THEN 0 WHEN 'tag' THEN 1 ELSE 2 END, o.key"
	    " LIMIT ?3");
	sqlite3_stmt *set;
	struct store_sync_rec *v = NULL;
	size_t i, count = 0, cap = 0;
	int rc;

	*rows = NULL;
	*n = 0;
	if (s == NULL)
		return -1;
	if (store_begin(st) != 0)
		return -1;
	sqlite3_bind_text(s, 1, coder, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, codebook);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)max);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_sync_rec *r;

		if (count == cap) {
			cap = cap ? cap * 2 : 64;
			v = xreallocarray(v, cap, sizeof *v);
		}
		r = &v[count++];
		memset(r, 0, sizeof *r);
		if (store_sync_kind_parse((const char *)sqlite3_column_text(s, 0), &r->kind) != 0) {
			count--;
			continue;
		}
		r->key = store_col_text(s, 1);
		r->hlc = sqlite3_column_int64(s, 2);
		r->base_hlc = sqlite3_column_int64(s, 3);
		r->base_node = store_col_text(s, 4);
		r->node = xstrdup(node);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_err(st, "reading what waits to be sent");
		goto fail;
	}
	if ((set = store_stmt(st, "UPDATE sync_outbox SET hlc = ?3 WHERE kind = ?1 AND key = ?2"))
	    == NULL)
		goto fail;
	for (i = 0; i < count; i++) {
		struct store_sync_rec *r = &v[i];
		int64_t ms = now_ms();

		if (build(st, r, &ms) != 0)
			goto fail;
		if (r->coder == NULL && r->kind == STORE_SYNC_ANNOTATION)
			r->coder = xstrdup(coder);
		if (r->hlc != 0) {
			if (r->hlc > *clock)
				*clock = r->hlc;
			continue;
		}
		r->hlc = store_sync_tick(clock, ms);
		sqlite3_bind_text(set, 1, kinds[r->kind], -1, SQLITE_STATIC);
		sqlite3_bind_text(set, 2, r->key, -1, SQLITE_STATIC);
		sqlite3_bind_int64(set, 3, r->hlc);
		rc = sqlite3_step(set);
		sqlite3_reset(set);
		if (rc != SQLITE_DONE) {
			store_err(st, "giving a record its version");
			goto fail;
		}
	}
	if (store_commit(st) != 0)
		goto fail_done;
	*rows = v;
	*n = count;
	return 0;
fail:
	store_rollback(st);
fail_done:
	store_sync_recs_free(v, count);
	return -1;
}

static int
set_version(struct store *st, const struct store_sync_rec *r)
{
	sqlite3_stmt *s = store_stmt(st, "INSERT OR REPLACE INTO sync_versions(kind, key, hlc, node)"
	    " VALUES (?1, ?2, ?3, ?4)");
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, kinds[r->kind], -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, r->key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, r->hlc);
	sqlite3_bind_text(s, 4, r->node, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_err(st, "recording a version");
}

/* Keeps VALUE (R's row as it was here) in the history, as having lost to
 * WINNER. */
static int
keep_lost(struct store *st, const struct store_sync_rec *r, const char *value,
    const char *coder, const char *winner)
{
	sqlite3_stmt *s = store_stmt(st, "INSERT INTO sync_history(kind, key, value, coder, winner)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)");
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, kinds[r->kind], -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, r->key, -1, SQLITE_STATIC);
	store_bind_text(s, 3, value, 0);
	store_bind_text(s, 4, coder, 0);
	store_bind_text(s, 5, winner, 0);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_err(st, "keeping a value that lost");
}

int
store_sync_sent(struct store *st, const struct store_sync_rec *rows, size_t n,
    const int *lost, const char *const *winners)
{
	sqlite3_stmt *s;
	size_t i;

	if (store_begin(st) != 0)
		return -1;
	if ((s = store_stmt(st, "DELETE FROM sync_outbox WHERE kind = ?1 AND key = ?2 AND hlc = ?3"))
	    == NULL)
		goto fail;
	for (i = 0; i < n; i++) {
		const struct store_sync_rec *r = &rows[i];
		int rc;

		sqlite3_bind_text(s, 1, kinds[r->kind], -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, r->key, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 3, r->hlc);
		rc = sqlite3_step(s);
		sqlite3_reset(s);
		if (rc != SQLITE_DONE) {
			store_err(st, "taking a sent record off the queue");
			goto fail;
		}
		/* A record edited again meanwhile stays queued, with no version
		 * yet; one that lost is kept in the history, and the winner
		 * comes with the pull. */
		if (lost[i] ? keep_lost(st, r, r->body, r->coder, winners[i]) != 0
		    : set_version(st, r) != 0)
			goto fail;
	}
	return store_commit(st);
fail:
	store_rollback(st);
	return -1;
}

int
store_sync_apply_begin(struct store *st)
{
	if (store_begin(st) != 0)
		return -1;
	if (run(st, "UPDATE sync_on SET applying = 1", "writing what others changed") != 0) {
		store_rollback(st);
		return -1;
	}
	return 0;
}

int
store_sync_apply_end(struct store *st, int commit)
{
	if (!commit)
		return store_rollback(st);
	if (run(st, "UPDATE sync_on SET applying = 0", "writing what others changed") != 0 ||
	    store_fts_flush(st) != 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st);
}

int
store_sync_newer(struct store *st, const struct store_sync_rec *r)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT hlc, node FROM sync_versions"
	    " WHERE kind = ?1 AND key = ?2");
	int rc, newer = 1;

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, kinds[r->kind], -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, r->key, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		int64_t h = sqlite3_column_int64(s, 0);
		const char *node = (const char *)sqlite3_column_text(s, 1);
		newer = r->hlc > h || (r->hlc == h && strcmp(r->node, node ? node : "") > 0);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_err(st, "reading a version");
	return newer;
}

/* A change of this database's own to R's row that was never sent (a
 * codebook change without the right to make it, or one made during the
 * sync): R, newer, replaces it; the value is kept in the history. */
static int
drop_pending(struct store *st, const struct store_sync_rec *r, int *lost)
{
	sqlite3_stmt *s = store_stmt(st, "DELETE FROM sync_outbox WHERE kind = ?1 AND key = ?2"
	    " RETURNING 1");
	struct store_sync_rec mine = { 0 };
	int64_t ms = 0;
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, kinds[r->kind], -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, r->key, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_err(st, "reading the queue");
	if (sqlite3_changes(store_sqlite(st)) == 0 || r->kind == STORE_SYNC_ARTICLE)
		return 0;
	mine.kind = r->kind;
	mine.key = r->key;
	if (build(st, &mine, &ms) != 0)
		return -1;
	mine.key = NULL;
	rc = keep_lost(st, r, mine.body, mine.coder, r->coder);
	store_sync_rec_free(&mine);
	*lost = 1;
	return rc;
}

/* Writes a tag R (not a tombstone). A tag of the same name under another
 * uuid that was never shared is the same tag: it takes R's uuid. One that
 * was shared keeps its name, and R's is told apart. */
static int
apply_tag(struct store *st, const struct store_sync_rec *r)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT t.uuid, v.hlc IS NOT NULL FROM tags t LEFT JOIN sync_versions v"
	    " ON v.kind = 'tag' AND v.key = t.uuid"
	    " WHERE t.name = json_extract(?2, '$.name') AND t.uuid <> ?1");
	sqlite3_stmt *put;
	char *other = NULL;
	int shared = 0, rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, r->key, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, r->body, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		other = store_col_text(s, 0);
		shared = sqlite3_column_int(s, 1);
	}
	sqlite3_reset(s);
	if (other != NULL && !shared) {
		/* The local one becomes R: its links stay, its queue entry goes. */
		sqlite3_stmt *u = store_stmt(st, "SELECT 1 FROM tags WHERE uuid = ?1");
		int exists;
		if (u == NULL)
			goto fail;
		sqlite3_bind_text(u, 1, r->key, -1, SQLITE_STATIC);
		exists = sqlite3_step(u) == SQLITE_ROW;
		sqlite3_reset(u);
		if (!exists) {
			sqlite3_stmt *m = store_stmt(st, "UPDATE tags SET uuid = ?1 WHERE uuid = ?2");
			sqlite3_stmt *q = store_stmt(st,
			    "DELETE FROM sync_outbox WHERE kind = 'tag' AND key = ?1");
			if (m == NULL || q == NULL)
				goto fail;
			sqlite3_bind_text(m, 1, r->key, -1, SQLITE_STATIC);
			sqlite3_bind_text(m, 2, other, -1, SQLITE_STATIC);
			rc = sqlite3_step(m);
			sqlite3_reset(m);
			sqlite3_bind_text(q, 1, other, -1, SQLITE_STATIC);
			if (rc != SQLITE_DONE || sqlite3_step(q) != SQLITE_DONE) {
				sqlite3_reset(q);
				store_err(st, "taking a team's tag");
				goto fail;
			}
			sqlite3_reset(q);
			free(other);
			other = NULL;
		}
	}
	put = store_stmt(st,
	    "INSERT INTO tags(uuid, name, color, key) VALUES (?1,"
	    "  CASE WHEN ?3 THEN json_extract(?2, '$.name') || ' (' || substr(?1, 1, 8) || ')'"
	    "  ELSE json_extract(?2, '$.name') END,"
	    "  json_extract(?2, '$.color'), json_extract(?2, '$.key'))"
	    " ON CONFLICT(uuid) DO UPDATE SET name = excluded.name, color = excluded.color,"
	    "  key = excluded.key");
	if (put == NULL)
		goto fail;
	sqlite3_bind_text(put, 1, r->key, -1, SQLITE_STATIC);
	sqlite3_bind_text(put, 2, r->body, -1, SQLITE_STATIC);
	sqlite3_bind_int(put, 3, other != NULL);
	rc = sqlite3_step(put);
	sqlite3_reset(put);
	free(other);
	return rc == SQLITE_DONE ? 0 : store_err(st, "writing a team's tag");
fail:
	free(other);
	return -1;
}

/* A tag removed by its tombstone R: merged into another (its links move
 * there first, and this database's own annotations among them are queued,
 * since they changed), or simply gone. */
static int
apply_tag_gone(struct store *st, const struct store_sync_rec *r, const char *coder)
{
	sqlite3_stmt *q = store_stmt(st,
	    "INSERT OR REPLACE INTO sync_outbox(kind, key) SELECT 'annotation', a.uuid"
	    " FROM tags t JOIN annotation_tags x ON x.tag_id = t.id"
	    " JOIN annotations a ON a.id = x.annotation_id"
	    " WHERE t.uuid = ?1 AND (a.coder IS NULL OR a.coder = ?2)"
	    "  AND EXISTS (SELECT 1 FROM tags i WHERE i.uuid = ?3)");
	sqlite3_stmt *mv = store_stmt(st,
	    "UPDATE OR IGNORE annotation_tags SET tag_id = (SELECT id FROM tags WHERE uuid = ?2)"
	    " WHERE tag_id = (SELECT id FROM tags WHERE uuid = ?1)"
	    "  AND EXISTS (SELECT 1 FROM tags WHERE uuid = ?2)");
	sqlite3_stmt *mg = store_stmt(st,
	    "INSERT OR REPLACE INTO sync_tag_merges(uuid, into_uuid) VALUES (?1, ?2)");
	sqlite3_stmt *del = store_stmt(st, "DELETE FROM tags WHERE uuid = ?1");
	char *into = NULL;
	int rc = SQLITE_DONE;

	if (q == NULL || mv == NULL || mg == NULL || del == NULL)
		return -1;
	if (r->body != NULL) {
		sqlite3_stmt *j = store_stmt(st, "SELECT json_extract(?1, '$.merged_into')");
		if (j == NULL)
			return -1;
		sqlite3_bind_text(j, 1, r->body, -1, SQLITE_STATIC);
		if (sqlite3_step(j) == SQLITE_ROW)
			into = store_col_text(j, 0);
		sqlite3_reset(j);
	}
	if (into != NULL) {
		sqlite3_bind_text(q, 1, r->key, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 2, coder, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 3, into, -1, SQLITE_STATIC);
		rc = sqlite3_step(q);
		sqlite3_reset(q);
		if (rc == SQLITE_DONE) {
			sqlite3_bind_text(mv, 1, r->key, -1, SQLITE_STATIC);
			sqlite3_bind_text(mv, 2, into, -1, SQLITE_STATIC);
			rc = sqlite3_step(mv);
			sqlite3_reset(mv);
		}
		if (rc == SQLITE_DONE) {
			sqlite3_bind_text(mg, 1, r->key, -1, SQLITE_STATIC);
			sqlite3_bind_text(mg, 2, into, -1, SQLITE_STATIC);
			rc = sqlite3_step(mg);
			sqlite3_reset(mg);
		}
	}
	free(into);
	if (rc == SQLITE_DONE) {
		sqlite3_bind_text(del, 1, r->key, -1, SQLITE_STATIC);
		rc = sqlite3_step(del);
		sqlite3_reset(del);
	}
	return rc == SQLITE_DONE ? 0 : store_err(st, "removing a tag the team removed");
}

/* Writes an annotation R, with its tags (a merged tag's links go to the
 * tag it was merged into). 1 when its article is not here. */
static int
apply_annotation(struct store *st, const struct store_sync_rec *r)
{
	sqlite3_stmt *put = store_stmt(st,
	    "INSERT INTO annotations(uuid, article_id, start, end, quote, prefix, suffix, note,"
	    "  speaker_id, target_id, status, state, anchor, previous_id, created, modified, coder)"
	    " SELECT ?1, ar.id, json_extract(?2, '$.start'), json_extract(?2, '$.end'),"
	    "  json_extract(?2, '$.quote'), coalesce(json_extract(?2, '$.prefix'), ''),"
	    "  coalesce(json_extract(?2, '$.suffix'), ''), json_extract(?2, '$.note'),"
	    "  (SELECT id FROM entities WHERE name = json_extract(?2, '$.speaker')),"
	    "  (SELECT id FROM entities WHERE name = json_extract(?2, '$.target')),"
	    "  json_extract(?2, '$.status'), coalesce(json_extract(?2, '$.state'), 'active'),"
	    "  json_extract(?2, '$.anchor'),"
	    "  (SELECT id FROM annotations WHERE uuid = json_extract(?2, '$.previous')),"
	    "  coalesce(json_extract(?2, '$.created'), strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
	    "  coalesce(json_extract(?2, '$.modified'), strftime('%Y-%m-%dT%H:%M:%fZ','now')), ?3"
	    " FROM articles ar WHERE ar.hash = json_extract(?2, '$.article')"
	    " ON CONFLICT(uuid) DO UPDATE SET article_id = excluded.article_id,"
	    "  start = excluded.start, end = excluded.end, quote = excluded.quote,"
	    "  prefix = excluded.prefix, suffix = excluded.suffix, note = excluded.note,"
	    "  speaker_id = excluded.speaker_id, target_id = excluded.target_id,"
	    "  status = excluded.status, state = excluded.state, anchor = excluded.anchor,"
	    "  previous_id = excluded.previous_id, modified = excluded.modified,"
	    "  coder = excluded.coder");
	sqlite3_stmt *clear = store_stmt(st, "DELETE FROM annotation_tags WHERE annotation_id ="
	    " (SELECT id FROM annotations WHERE uuid = ?1)");
	sqlite3_stmt *tags = store_stmt(st,
	    "INSERT OR IGNORE INTO annotation_tags(annotation_id, tag_id)"
	    " SELECT a.id, t.id FROM annotations a, json_each(?2, '$.tags') j"
	    " JOIN tags t ON t.uuid = coalesce((SELECT into_uuid FROM sync_tag_merges m"
	    "   WHERE m.uuid = j.value), j.value)"
	    " WHERE a.uuid = ?1");
	int rc;

	sqlite3_stmt *art = store_stmt(st, "SELECT id FROM articles"
	    " WHERE hash = json_extract(?1, '$.article')");
	int64_t article = 0;

	if (put == NULL || clear == NULL || tags == NULL || art == NULL)
		return -1;
	/* The article's notes are indexed once at the end of the batch
	 * (store_sync_apply_end): an upsert fires both the insert's and the
	 * update's triggers, which would take its row out of the index
	 * twice. */
	sqlite3_bind_text(art, 1, r->body, -1, SQLITE_STATIC);
	if (sqlite3_step(art) == SQLITE_ROW)
		article = sqlite3_column_int64(art, 0);
	sqlite3_reset(art);
	if (article == 0)
		return 1;
	if (store_fts_defer(st, article) != 0)
		return -1;
	sqlite3_bind_text(put, 1, r->key, -1, SQLITE_STATIC);
	sqlite3_bind_text(put, 2, r->body, -1, SQLITE_STATIC);
	store_bind_text(put, 3, r->coder, 0);
	rc = sqlite3_step(put);
	sqlite3_reset(put);
	if (rc != SQLITE_DONE)
		return store_err(st, "writing a team's annotation");
	if (sqlite3_changes(store_sqlite(st)) == 0)
		return 1;
	sqlite3_bind_text(clear, 1, r->key, -1, SQLITE_STATIC);
	rc = sqlite3_step(clear);
	sqlite3_reset(clear);
	if (rc == SQLITE_DONE) {
		sqlite3_bind_text(tags, 1, r->key, -1, SQLITE_STATIC);
		sqlite3_bind_text(tags, 2, r->body, -1, SQLITE_STATIC);
		rc = sqlite3_step(tags);
		sqlite3_reset(tags);
	}
	return rc == SQLITE_DONE ? 0 : store_err(st, "writing a team's annotation's tags");
}

int
store_sync_apply(struct store *st, const struct store_sync_rec *r, const char *coder,
    int *lost)
{
	int rc;

	*lost = 0;
	if (drop_pending(st, r, lost) != 0)
		return -1;
	switch (r->kind) {
	case STORE_SYNC_TAG:
		rc = r->deleted ? apply_tag_gone(st, r, coder) : apply_tag(st, r);
		break;
	case STORE_SYNC_ANNOTATION:
		if (r->body == NULL)
			return err_set("annotation %s: the team's record has no value", r->key);
		rc = apply_annotation(st, r);
		break;
	case STORE_SYNC_ARTICLE:
	default:
		rc = 0;          /* written by the caller (import_synced) */
		break;
	}
	if (rc != 0)
		return rc;
	return set_version(st, r);
}

int
store_sync_article(struct store *st, const char *hash, const char *json,
    struct store_article *a, int *here)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT json_extract(?1, '$.title'), json_extract(?1, '$.source'),"
	    " json_extract(?1, '$.outlet'), json_extract(?1, '$.published'),"
	    " json_extract(?1, '$.dateline'), json_extract(?1, '$.format'),"
	    " json_extract(?1, '$.body'), json_extract(?1, '$.comments'),"
	    " json_extract(?1, '$.authors'), json_extract(?1, '$.language'),"
	    " json_extract(?1, '$.modified'), json_extract(?1, '$.captions'),"
	    " json_extract(?1, '$.item'), coalesce(json_extract(?1, '$.summary'), 0),"
	    " (SELECT id FROM articles WHERE hash = json_extract(?1, '$.previous')),"
	    " EXISTS (SELECT 1 FROM articles WHERE hash = ?2)");
	int rc;

	memset(a, 0, sizeof *a);
	*here = 0;
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, json, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		a->title = store_col_text(s, 0);
		a->source = store_col_text(s, 1);
		a->outlet = store_col_text(s, 2);
		a->published = store_col_text(s, 3);
		a->dateline = store_col_text(s, 4);
		a->format = store_col_text(s, 5);
		a->body = store_col_text(s, 6);
		a->body_len = a->body != NULL ? (size_t)sqlite3_column_bytes(s, 6) : 0;
		a->comments = store_col_text(s, 7);
		a->authors = store_col_text(s, 8);
		a->language = store_col_text(s, 9);
		a->modified = store_col_text(s, 10);
		a->captions = store_col_text(s, 11);
		a->item = store_col_text(s, 12);
		a->summary = sqlite3_column_int(s, 13);
		a->previous_id = sqlite3_column_int64(s, 14);
		*here = sqlite3_column_int(s, 15);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW)
		return store_err(st, "reading a team's article");
	if (a->title == NULL || a->body == NULL || a->format == NULL) {
		store_article_free(a);
		return err_set("article %s: the team's record lacks its title, text or format", hash);
	}
	return 0;
}

int
store_sync_tag_merged(struct store *st, int64_t from, int64_t into)
{
	sqlite3_stmt *s = store_stmt(st,
	    "INSERT OR REPLACE INTO sync_tag_merges(uuid, into_uuid)"
	    " SELECT f.uuid, i.uuid FROM tags f, tags i WHERE f.id = ?1 AND i.id = ?2");
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, from);
	sqlite3_bind_int64(s, 2, into);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_err(st, "noting a merge of tags");
}

int
store_sync_new_tags(struct store *st, char ***names, char ***uuids, size_t *n)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT t.name, t.uuid FROM sync_outbox o JOIN tags t ON t.uuid = o.key"
	    " WHERE o.kind = 'tag' AND NOT EXISTS (SELECT 1 FROM sync_versions v"
	    "  WHERE v.kind = 'tag' AND v.key = o.key)");
	size_t cap = 0;
	int rc;

	*names = *uuids = NULL;
	*n = 0;
	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*names = xreallocarray(*names, cap, sizeof **names);
			*uuids = xreallocarray(*uuids, cap, sizeof **uuids);
		}
		(*names)[*n] = store_col_text(s, 0);
		(*uuids)[(*n)++] = store_col_text(s, 1);
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_err(st, "listing new tags");
}

int
store_sync_tag_adopt(struct store *st, const char *uuid, const char *team_uuid)
{
	sqlite3_stmt *u = store_stmt(st, "UPDATE tags SET uuid = ?2 WHERE uuid = ?1");
	sqlite3_stmt *q = store_stmt(st, "DELETE FROM sync_outbox WHERE kind = 'tag' AND key = ?1");
	int rc;

	if (u == NULL || q == NULL || store_sync_apply_begin(st) != 0)
		return -1;
	sqlite3_bind_text(u, 1, uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(u, 2, team_uuid, -1, SQLITE_STATIC);
	rc = sqlite3_step(u);
	sqlite3_reset(u);
	if (rc == SQLITE_DONE) {
		sqlite3_bind_text(q, 1, uuid, -1, SQLITE_STATIC);
		rc = sqlite3_step(q);
		sqlite3_reset(q);
	}
	if (rc != SQLITE_DONE) {
		store_err(st, "taking the team's tag");
		store_sync_apply_end(st, 0);
		return -1;
	}
	return store_sync_apply_end(st, 1);
}

int
store_sync_lost(struct store *st, const char *coder, size_t *n)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT count(*) FROM sync_history"
	    " WHERE ?1 IS NULL OR coder = ?1");
	int rc;

	*n = 0;
	if (s == NULL)
		return -1;
	store_bind_text(s, 1, coder, 0);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*n = (size_t)sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : store_err(st, "reading the sync history");
}
