/*
 * store-sync.c: what sharing with a team needs of the local database,
 * as rows: the queue of this database's own changes, each change as a
 * record (kind, key, version, JSON), and the records others made written
 * back. The team module (team.h) carries them to and from the server and
 * knows nothing of SQLite; this file knows nothing of the server.
 *
 * Kinds and keys: an article by its content hash (articles never change,
 * so an article record is written once), a tag of the codebook by its
 * uuid, an annotation by its uuid, a memo by its guid, and what the user
 * added to the knowledge base by the entity's kind and name ("person:Ann
 * Linde": the entity, when the user added it, and the aliases the user
 * gave it, shipped entity or not). Triggers (schemas 10, 11) queue a record's
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

static const char *const kinds[] = { "article", "tag", "annotation", "memo", "entity" };

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
	    "  WHERE uuid NOT IN (SELECT key FROM sync_versions WHERE kind = 'annotation');"
	    "INSERT OR IGNORE INTO sync_outbox(kind, key) SELECT 'memo', guid FROM memos"
	    "  WHERE guid NOT IN (SELECT key FROM sync_versions WHERE kind = 'memo');"
	    "INSERT OR IGNORE INTO sync_outbox(kind, key) SELECT 'entity', kind || ':' || name"
	    "  FROM entities e WHERE (origin = 'user' OR EXISTS (SELECT 1 FROM aliases l"
	    "   WHERE l.entity_id = e.id AND l.origin = 'user'))"
	    "  AND kind || ':' || name NOT IN (SELECT key FROM sync_versions"
	    "   WHERE kind = 'entity');",
	    "joining a team") != 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st);
}

/* The records that may be sent: an annotation only when CODER (?1) made
 * it (or nobody is named: this database's own from before coders), a
 * memo unless another coder wrote it (one removed was this coder's: the
 * trigger queues no other), a tag's change only with the codebook's
 * right (?2), though anyone adds a new tag. */
#define SENDABLE \
	" (o.kind <> 'annotation' OR EXISTS (SELECT 1 FROM annotations a WHERE a.uuid = o.key" \
	"   AND (a.coder IS NULL OR a.coder = ?1)))" \
	" AND (o.kind <> 'memo' OR NOT EXISTS (SELECT 1 FROM memos m WHERE m.guid = o.key" \
	"   AND m.coder <> ?1))" \
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
		[STORE_SYNC_MEMO] =
		    "SELECT json_object('title', m.title, 'text', m.text, 'created', m.created,"
		    " 'modified', m.modified, 'article', ar.hash, 'tag', t.uuid,"
		    " 'annotation', an.uuid), 0, m.coder,"
		    " CAST((julianday(m.modified) - 2440587.5) * 86400000 AS INTEGER)"
		    " FROM memos m LEFT JOIN articles ar ON ar.id = m.article_id"
		    " LEFT JOIN tags t ON t.id = m.tag_id"
		    " LEFT JOIN annotations an ON an.id = m.annotation_id WHERE m.guid = ?1",
		/* An entity the user did not add, with no alias of the user's
		 * left, is a tombstone: the team has nothing of the user's
		 * there any more. */
		[STORE_SYNC_ENTITY] =
		    "SELECT json_object('kind', e.kind, 'name', e.name, 'user', e.origin = 'user',"
		    " 'date', e.date, 'attrs', e.attrs, 'aliases', json((SELECT json_group_array(alias)"
		    "   FROM (SELECT alias FROM aliases WHERE entity_id = e.id AND origin = 'user'"
		    "   ORDER BY alias)))),"
		    " e.origin <> 'user' AND NOT EXISTS (SELECT 1 FROM aliases l"
		    "   WHERE l.entity_id = e.id AND l.origin = 'user'), NULL, NULL"
		    " FROM entities e WHERE e.kind = substr(?1, 1, instr(?1, ':') - 1)"
		    " AND e.name = substr(?1, instr(?1, ':') + 1)",
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
	if (rc == SQLITE_DONE && (r->kind == STORE_SYNC_MEMO || r->kind == STORE_SYNC_ENTITY)) {
		/* A memo removed; an entity removed (or no longer the user's). */
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
	    " ORDER BY CASE o.kind WHEN 'article' THEN 0 WHEN 'entity' THEN 1 WHEN 'tag' THEN 2"
	    "  WHEN 'annotation' THEN 3 ELSE 4 END, o.key"
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
		if (r->coder == NULL &&
		    (r->kind == STORE_SYNC_ANNOTATION || r->kind == STORE_SYNC_MEMO))
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

/* Keeps the value LOST (R's row as it was here, of version LOST->hlc, 0
 * when it had none yet) in the history, as having lost to WINNER's
 * value WON (NULL when it is not here yet: it comes with the pull, and
 * store_sync_apply keeps it beside). */
static int
keep_lost(struct store *st, const struct store_sync_rec *r, const struct store_sync_rec *lost,
    const char *winner, const struct store_sync_rec *won)
{
	sqlite3_stmt *s = store_stmt(st, "INSERT INTO sync_history(kind, key, value, coder, winner,"
	    " hlc, winner_value, winner_hlc) VALUES (?1, ?2, ?3, ?4, ?5, nullif(?6, 0), ?7,"
	    " nullif(?8, 0))");
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, kinds[r->kind], -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, r->key, -1, SQLITE_STATIC);
	store_bind_text(s, 3, lost->body, 0);
	store_bind_text(s, 4, lost->coder, 0);
	store_bind_text(s, 5, winner, 0);
	sqlite3_bind_int64(s, 6, lost->hlc);
	store_bind_text(s, 7, won != NULL ? won->body : NULL, 0);
	sqlite3_bind_int64(s, 8, won != NULL ? won->hlc : 0);
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
		if (lost[i] ? keep_lost(st, r, r, winners[i], NULL) != 0
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
	    " RETURNING hlc");
	struct store_sync_rec mine = { 0 };
	int64_t ms = 0, hlc = 0;
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, kinds[r->kind], -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, r->key, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		hlc = sqlite3_column_int64(s, 0);
		rc = sqlite3_step(s);
	}
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
	mine.hlc = hlc;
	rc = keep_lost(st, r, &mine, r->coder, r);
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

/* Writes a memo R, or removes it for a tombstone. 1 when its target
 * (article, tag or annotation) is not here. */
static int
apply_memo(struct store *st, const struct store_sync_rec *r)
{
	sqlite3_stmt *del = store_stmt(st, "DELETE FROM memos WHERE guid = ?1");
	sqlite3_stmt *target = store_stmt(st,
	    "SELECT (SELECT id FROM articles WHERE hash = json_extract(?1, '$.article')),"
	    " (SELECT id FROM tags WHERE uuid = coalesce((SELECT into_uuid FROM sync_tag_merges"
	    "   WHERE uuid = json_extract(?1, '$.tag')), json_extract(?1, '$.tag'))),"
	    " (SELECT id FROM annotations WHERE uuid = json_extract(?1, '$.annotation')),"
	    " json_extract(?1, '$.article') IS NOT NULL, json_extract(?1, '$.tag') IS NOT NULL,"
	    " json_extract(?1, '$.annotation') IS NOT NULL");
	sqlite3_stmt *put = store_stmt(st,
	    "INSERT INTO memos(guid, article_id, tag_id, annotation_id, title, text, coder,"
	    "  created, modified)"
	    " VALUES (?1, ?3, ?4, ?5, coalesce(json_extract(?2, '$.title'), ''),"
	    "  coalesce(json_extract(?2, '$.text'), ''), ?6,"
	    "  coalesce(json_extract(?2, '$.created'), strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
	    "  coalesce(json_extract(?2, '$.modified'), strftime('%Y-%m-%dT%H:%M:%fZ','now')))"
	    " ON CONFLICT(guid) DO UPDATE SET article_id = excluded.article_id,"
	    "  tag_id = excluded.tag_id, annotation_id = excluded.annotation_id,"
	    "  title = excluded.title, text = excluded.text, coder = excluded.coder,"
	    "  modified = excluded.modified");
	int64_t ids[3] = { 0, 0, 0 };
	int i, rc, missing = 0;

	if (del == NULL || target == NULL || put == NULL)
		return -1;
	if (r->deleted || r->body == NULL) {
		sqlite3_bind_text(del, 1, r->key, -1, SQLITE_STATIC);
		rc = sqlite3_step(del);
		sqlite3_reset(del);
		return rc == SQLITE_DONE ? 0 : store_err(st, "removing a memo the team removed");
	}
	sqlite3_bind_text(target, 1, r->body, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(target)) == SQLITE_ROW)
		for (i = 0; i < 3; i++) {
			ids[i] = sqlite3_column_int64(target, i);
			if (ids[i] == 0 && sqlite3_column_int(target, 3 + i))
				missing = 1;
		}
	sqlite3_reset(target);
	if (rc != SQLITE_ROW)
		return store_err(st, "reading a memo's target");
	if (missing) {
		err_set("its article, tag or highlight is not here");
		return 1;
	}
	sqlite3_bind_text(put, 1, r->key, -1, SQLITE_STATIC);
	sqlite3_bind_text(put, 2, r->body, -1, SQLITE_STATIC);
	for (i = 0; i < 3; i++)
		if (ids[i] != 0)
			sqlite3_bind_int64(put, 3 + i, ids[i]);
	store_bind_text(put, 6, r->coder, 0);
	rc = sqlite3_step(put);
	sqlite3_reset(put);
	return rc == SQLITE_DONE ? 0 : store_err(st, "writing a team's memo");
}

/* 1 when the JSON object BODY has true (or a number not 0) at PATH. */
static int
json_true(struct store *st, const char *body, const char *path)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT coalesce(json_extract(?1, ?2), 0) <> 0");
	int v = 0;

	if (s == NULL)
		return 0;
	sqlite3_bind_text(s, 1, body, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, path, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	return v;
}

/* The local entity of R's kind and name: *id (0 when none), whether it
 * is the user's, and how many claims name it as speaker or target. 1
 * (with the reason set) when the name is an entity's of another kind. */
static int
entity_of(struct store *st, const struct store_sync_rec *r, int64_t *id, int *user,
    int64_t *claims)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT e.id, e.origin = 'user',"
	    " e.kind = substr(?1, 1, instr(?1, ':') - 1), (SELECT count(*) FROM annotations a"
	    "  WHERE a.speaker_id = e.id OR a.target_id = e.id)"
	    " FROM entities e WHERE e.name = substr(?1, instr(?1, ':') + 1)");
	int rc, same = 1;

	*id = *claims = 0;
	*user = 0;
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, r->key, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		*user = sqlite3_column_int(s, 1);
		same = sqlite3_column_int(s, 2);
		*claims = sqlite3_column_int64(s, 3);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_err(st, "reading an entity");
	if (!same) {
		err_set("the name is another kind of entity's here");
		return 1;
	}
	return 0;
}

/* Writes the user's addition R to the knowledge base: the entity (made,
 * or a candidate of that name made the user's) and exactly the user's
 * aliases R lists; a tombstone takes the user's aliases away, and the
 * entity when it was the user's. 1 when it cannot be written here (the
 * name is another kind's; an entity removed that a claim here names),
 * with the reason in err_msg(). */
static int
apply_entity(struct store *st, const struct store_sync_rec *r)
{
	sqlite3_stmt *add = store_stmt(st, "INSERT INTO entities(name, kind, origin, date, attrs)"
	    " VALUES (substr(?1, instr(?1, ':') + 1), substr(?1, 1, instr(?1, ':') - 1), 'user',"
	    "  json_extract(?2, '$.date'), json_extract(?2, '$.attrs'))");
	sqlite3_stmt *mine = store_stmt(st, "UPDATE entities SET origin = 'user', status = 'active',"
	    " date = coalesce(json_extract(?2, '$.date'), date),"
	    " attrs = coalesce(json_extract(?2, '$.attrs'), attrs)"
	    " WHERE id = ?1 AND origin <> 'kb'");
	sqlite3_stmt *drop = store_stmt(st, "DELETE FROM aliases WHERE entity_id = ?1"
	    " AND origin = 'user' AND alias NOT IN (SELECT value FROM json_each(?2, '$.aliases'))");
	sqlite3_stmt *give = store_stmt(st, "INSERT OR IGNORE INTO aliases(entity_id, alias, origin)"
	    " SELECT ?1, value, 'user' FROM json_each(?2, '$.aliases')");
	int64_t id, claims;
	int user, rc;

	if (add == NULL || mine == NULL || drop == NULL || give == NULL)
		return -1;
	if ((rc = entity_of(st, r, &id, &user, &claims)) != 0)
		return rc;
	if (r->deleted || r->body == NULL) {
		if (id == 0)
			return 0;
		sqlite3_bind_int64(drop, 1, id);
		sqlite3_bind_null(drop, 2);
		rc = sqlite3_step(drop);
		sqlite3_reset(drop);
		if (rc != SQLITE_DONE)
			return store_err(st, "removing the team's aliases");
		if (!user)
			return 0;
		/* As kb remove, which a claim's speaker or target refuses. */
		if (claims > 0) {
			err_set("a claim here names it as speaker or target: kept");
			return 1;
		}
		return store_entity_remove(st, id);
	}
	if (id == 0 && json_true(st, r->body, "$.user")) {
		sqlite3_bind_text(add, 1, r->key, -1, SQLITE_STATIC);
		sqlite3_bind_text(add, 2, r->body, -1, SQLITE_STATIC);
		rc = sqlite3_step(add);
		sqlite3_reset(add);
		if (rc != SQLITE_DONE)
			return store_err(st, "adding the team's entity");
		id = sqlite3_last_insert_rowid(store_sqlite(st));
	} else if (id != 0 && !user && json_true(st, r->body, "$.user")) {
		sqlite3_bind_int64(mine, 1, id);
		sqlite3_bind_text(mine, 2, r->body, -1, SQLITE_STATIC);
		rc = sqlite3_step(mine);
		sqlite3_reset(mine);
		if (rc != SQLITE_DONE)
			return store_err(st, "taking the team's entity");
	}
	if (id == 0)
		return 0;        /* aliases for a shipped entity this dossier lacks */
	sqlite3_bind_int64(drop, 1, id);
	sqlite3_bind_text(drop, 2, r->body, -1, SQLITE_STATIC);
	rc = sqlite3_step(drop);
	sqlite3_reset(drop);
	if (rc == SQLITE_DONE) {
		sqlite3_bind_int64(give, 1, id);
		sqlite3_bind_text(give, 2, r->body, -1, SQLITE_STATIC);
		rc = sqlite3_step(give);
		sqlite3_reset(give);
	}
	return rc == SQLITE_DONE ? 0 : store_err(st, "writing the team's aliases");
}

int
store_sync_entity_touched(struct store *st, const struct store_sync_rec *r,
    struct store_sync_touched *t)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT substr(?1, instr(?1, ':') + 1)"
	    " UNION SELECT value FROM json_each(?2, '$.aliases')"
	    " UNION SELECT l.alias FROM aliases l JOIN entities e ON e.id = l.entity_id"
	    "  WHERE e.name = substr(?1, instr(?1, ':') + 1) AND l.origin = 'user'");
	int64_t id, claims, *ids = NULL;
	size_t n = 0;
	int user, rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, r->key, -1, SQLITE_STATIC);
	store_bind_text(s, 2, r->deleted ? NULL : r->body, 0);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		t->words = xreallocarray(t->words, t->nwords + 1, sizeof *t->words);
		t->words[t->nwords++] = store_col_text(s, 0);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_err(st, "reading an entity's names");
	if (!r->deleted || (rc = entity_of(st, r, &id, &user, &claims)) != 0 || id == 0)
		return rc < 0 ? -1 : 0;
	/* Gone: the articles that named it, as kb remove analyses again. */
	if (store_entity_articles(st, id, &ids, &n) != 0)
		return -1;
	t->ids = xreallocarray(t->ids, t->nids + n + 1, sizeof *t->ids);
	if (n > 0)
		memcpy(t->ids + t->nids, ids, n * sizeof *ids);
	t->nids += n;
	free(ids);
	return 0;
}

void
store_sync_touched_free(struct store_sync_touched *t)
{
	size_t i;

	for (i = 0; i < t->nwords; i++)
		free(t->words[i]);
	free(t->words);
	free(t->ids);
	memset(t, 0, sizeof *t);
}

int
store_sync_lost_there(struct store *st, const struct store_sync_rec *lost, const char *winner,
    const struct store_sync_rec *won)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT 1 FROM sync_history"
	    " WHERE kind = ?1 AND key = ?2 AND hlc = ?3");
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, kinds[lost->kind], -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, lost->key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, lost->hlc);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return 0;       /* lost as it was sent: kept then */
	if (rc != SQLITE_DONE)
		return store_err(st, "reading the sync history");
	return keep_lost(st, lost, lost, winner, won != NULL && won->hlc != 0 ? won : NULL);
}

/* A value that lost here before its winner came: the winner is kept
 * beside it now. */
static int
keep_winner(struct store *st, const struct store_sync_rec *r)
{
	sqlite3_stmt *s = store_stmt(st, "UPDATE sync_history SET winner_value = ?3,"
	    " winner_hlc = ?4 WHERE kind = ?1 AND key = ?2 AND winner_hlc IS NULL");
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, kinds[r->kind], -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, r->key, -1, SQLITE_STATIC);
	store_bind_text(s, 3, r->body, 0);
	sqlite3_bind_int64(s, 4, r->hlc);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_err(st, "keeping the value that won");
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
		if ((rc = apply_annotation(st, r)) == 1)
			err_set("its article is not here");
		break;
	case STORE_SYNC_MEMO:
		rc = apply_memo(st, r);
		break;
	case STORE_SYNC_ENTITY:
		rc = apply_entity(st, r);
		break;
	case STORE_SYNC_ARTICLE:
	default:
		rc = 0;          /* written by the caller (import_synced) */
		break;
	}
	if (rc != 0)
		return rc;
	if (keep_winner(st, r) != 0)
		return -1;
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

void
store_sync_conflicts_free(struct store_sync_conflict *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(rows[i].kind);
		free(rows[i].key);
		free(rows[i].at);
		free(rows[i].coder);
		free(rows[i].time);
		free(rows[i].value);
		free(rows[i].winner);
		free(rows[i].winner_time);
		free(rows[i].winner_value);
		free(rows[i].fields);
		free(rows[i].json);
	}
	free(rows);
}

/* A version's time (its milliseconds) as ISO 8601. */
#define HLC_TIME(col) \
	"strftime('%Y-%m-%dT%H:%M:%fZ', (" col " >> 16) / 1000.0, 'unixepoch')"

int
store_sync_conflicts(struct store *st, struct store_sync_conflict **rows, size_t *n)
{
	/* Only what differs between the two values is shown: the fields of
	 * either whose values are not the same in the other. */
	sqlite3_stmt *s = store_stmt(st,
	    "WITH c AS (SELECT h.*, " HLC_TIME("h.hlc") " AS time,"
	    "  " HLC_TIME("h.winner_hlc") " AS winner_time,"
	    "  (SELECT json_group_object(k, json(v)) FROM (SELECT l.key AS k,"
	    "    json_quote(json_extract(h.value, '$.\"' || l.key || '\"')) AS v"
	    "    FROM json_each(h.value) l WHERE h.winner_hlc IS NOT NULL"
	    "    AND json_quote(json_extract(h.winner_value, '$.\"' || l.key || '\"'))"
	    "     IS NOT json_quote(l.value))) AS lost_fields,"
	    "  (SELECT json_group_object(k, json(v)) FROM (SELECT w.key AS k,"
	    "    json_quote(json_extract(h.winner_value, '$.\"' || w.key || '\"')) AS v"
	    "    FROM json_each(h.winner_value) w"
	    "    WHERE json_quote(json_extract(h.value, '$.\"' || w.key || '\"'))"
	    "     IS NOT json_quote(w.value))) AS won_fields"
	    "  FROM sync_history h)"
	    " SELECT id, kind, key, at, coder, time, value, winner, winner_time, winner_value,"
	    "  (SELECT group_concat(k, ', ') FROM (SELECT key AS k FROM json_each(lost_fields)"
	    "   UNION SELECT key FROM json_each(won_fields))),"
	    "  json_object('id', id, 'kind', kind, 'key', key, 'at', at,"
	    "   'lost', json_object('coder', coder, 'time', time, 'value', json(value),"
	    "    'fields', json(lost_fields)),"
	    "   'won', json_object('coder', winner, 'time', winner_time,"
	    "    'value', json(winner_value), 'fields', json(won_fields))),"
	    "  lost_fields, won_fields"
	    " FROM c ORDER BY id");
	struct store_sync_conflict *v = NULL;
	size_t count = 0;
	int rc;

	*rows = NULL;
	*n = 0;
	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_sync_conflict *c;

		v = xreallocarray(v, count + 1, sizeof *v);
		c = &v[count++];
		c->id = sqlite3_column_int64(s, 0);
		c->kind = store_col_text(s, 1);
		c->key = store_col_text(s, 2);
		c->at = store_col_text(s, 3);
		c->coder = store_col_text(s, 4);
		c->time = store_col_text(s, 5);
		c->value = store_col_text(s, 12);
		if (c->value == NULL)
			c->value = store_col_text(s, 6);
		c->winner = store_col_text(s, 7);
		c->winner_time = store_col_text(s, 8);
		c->winner_value = store_col_text(s, 13);
		if (c->winner_value == NULL)
			c->winner_value = store_col_text(s, 9);
		c->fields = store_col_text(s, 10);
		c->json = store_col_text(s, 11);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_sync_conflicts_free(v, count);
		return store_err(st, "reading the sync history");
	}
	*rows = v;
	*n = count;
	return 0;
}
