/*
 * store-entity.c: the knowledge base as the database keeps it (entities,
 * aliases, roles; parties in entities.attrs); the mentions extraction
 * finds are store-mention.c's. The shipped files are written in with origin 'kb' and replaced
 * whenever they change; the user's additions have origin 'user' and are
 * never touched by that; candidates found by extraction wait with origin
 * 'candidate' until the user promotes or dismisses them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "kb.h"
#include "store-int.h"
#include "util.h"

/* Steps S to its end; 0 when it finished, else the error. */
static int
done(struct store *st, sqlite3_stmt *s, const char *what)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : store_err(st, what);
}

/* ---- the shipped knowledge base --------------------------------------- */

/* The shipped entity E: written or updated, its 'kb' aliases and roles
 * replaced. The user's entity of that name keeps its kind, date and
 * parties. */
static int
sync_entity(struct store *st, const struct kb_entity *e, int64_t *idp)
{
	sqlite3_stmt *s;
	int64_t id;
	int rc;

	s = store_stmt(st,
	    "INSERT INTO entities (name, kind, origin, status, date, attrs)"
	    " VALUES (?1, ?2, 'kb', 'active', ?3, NULL)"
	    " ON CONFLICT (name) DO UPDATE SET"
	    "  kind = CASE WHEN origin = 'user' THEN kind ELSE excluded.kind END,"
	    "  date = CASE WHEN origin = 'user' THEN date ELSE excluded.date END,"
	    "  attrs = CASE WHEN origin = 'user' THEN attrs ELSE NULL END,"
	    "  status = CASE WHEN origin = 'candidate' THEN 'active' ELSE status END,"
	    "  origin = CASE WHEN origin = 'candidate' THEN 'kb' ELSE origin END"
	    " RETURNING id");
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, e->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, kb_kind_name(e->kind), -1, SQLITE_STATIC);
	if (e->date != NULL)
		sqlite3_bind_text(s, 3, e->date, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW)
		return store_err(st, "writing the knowledge base");
	if ((s = store_stmt(st, "DELETE FROM aliases WHERE entity_id = ?1 AND origin = 'kb'")) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if (done(st, s, "writing the knowledge base") != 0)
		return -1;
	if ((s = store_stmt(st, "DELETE FROM roles WHERE entity_id = ?1 AND origin = 'kb'")) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	*idp = id;
	return done(st, s, "writing the knowledge base");
}

/* E's roles of origin O, added to entity ID. */
static int
add_roles(struct store *st, const struct kb_entity *e, int64_t id, enum kb_origin o)
{
	const char *origin = kb_origin_name(o);
	sqlite3_stmt *s;
	size_t i;

	for (i = 0; i < e->nroles; i++) {
		const struct kb_role *r = &e->roles[i];
		char *text;

		if (r->origin != o)
			continue;
		s = store_stmt(st, "INSERT INTO roles (entity_id, role, since, until, origin)"
		    " SELECT ?1, ?2, ?3, ?4, ?5 WHERE NOT EXISTS (SELECT 1 FROM roles"
		    "  WHERE entity_id = ?1 AND role = ?2 AND since IS ?3 AND until IS ?4)");
		if (s == NULL)
			return -1;
		text = r->of_name != NULL ? xasprintf("%s of %s", r->title, r->of_name)
		    : xstrdup(r->title);
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_text(s, 2, text, -1, SQLITE_TRANSIENT);
		if (r->since != NULL)
			sqlite3_bind_text(s, 3, r->since, -1, SQLITE_STATIC);
		if (r->until != NULL)
			sqlite3_bind_text(s, 4, r->until, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 5, origin, -1, SQLITE_STATIC);
		free(text);
		if (done(st, s, "writing the knowledge base") != 0)
			return -1;
	}
	return 0;
}

/* BASE (an entity's attributes, NULL for none) with E's parties and
 * source added, as JSON: *OUT is NULL when there are none. A party
 * already listed is not listed again. */
static int
attrs_of(struct store *st, const struct kb_entity *e, const char *base, char **out)
{
	sqlite3_stmt *s;
	char *v = base != NULL ? xstrdup(base) : NULL;
	size_t i;
	int rc = SQLITE_ROW;

	for (i = 0; i < e->nparties + (e->source != NULL) && rc == SQLITE_ROW; i++) {
		s = i < e->nparties
		    ? store_stmt(st, "SELECT CASE WHEN EXISTS (SELECT 1 FROM json_each(?1, '$.parties')"
		      " WHERE value = ?2) THEN ?1 ELSE json_insert(coalesce(?1,"
		      " json_object('parties', json_array())), '$.parties[#]', ?2) END")
		    : store_stmt(st, "SELECT json_set(coalesce(?1, json_object()), '$.source', ?2)");
		if (s == NULL) {
			free(v);
			return -1;
		}
		if (v != NULL)
			sqlite3_bind_text(s, 1, v, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 2, i < e->nparties ? e->party_names[i] : e->source, -1,
		    SQLITE_STATIC);
		free(v);
		v = NULL;
		if ((rc = sqlite3_step(s)) == SQLITE_ROW)
			v = store_col_text(s, 0);
		sqlite3_reset(s);
	}
	*out = v;
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_err(st, "writing the knowledge base");
}

/* E's parties and source added to entity ID's attributes when the entity
 * is of origin O (a user's entity keeps its own). */
static int
add_attrs(struct store *st, const struct kb_entity *e, int64_t id, enum kb_origin o)
{
	const char *origin = kb_origin_name(o);
	sqlite3_stmt *s;
	char *base, *v;
	int rc;

	if (e->nparties == 0 && e->source == NULL)
		return 0;
	if ((s = store_stmt(st, "SELECT attrs FROM entities WHERE id = ?1 AND origin = ?2")) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, origin, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	base = rc == SQLITE_ROW ? store_col_text(s, 0) : NULL;
	sqlite3_reset(s);
	if (rc != SQLITE_ROW) {
		free(base);
		return rc == SQLITE_DONE ? 0 : store_err(st, "writing the knowledge base");
	}
	rc = attrs_of(st, e, base, &v);
	free(base);
	if (rc != 0)
		return -1;
	if ((s = store_stmt(st, "UPDATE entities SET attrs = ?2 WHERE id = ?1")) == NULL) {
		free(v);
		return -1;
	}
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, v, -1, SQLITE_TRANSIENT);
	free(v);
	return done(st, s, "writing the knowledge base");
}

/* E's aliases, roles, parties and source of origin O, added to entity ID. */
static int
add_details(struct store *st, const struct kb_entity *e, int64_t id, enum kb_origin o)
{
	const char *origin = kb_origin_name(o);
	size_t i;

	for (i = 0; i < e->naliases; i++)
		if (e->aliases[i].origin == o && store_alias_add(st, id, e->aliases[i].text, origin) != 0)
			return -1;
	return add_roles(st, e, id, o) == 0 ? add_attrs(st, e, id, o) : -1;
}

/* ---- the shipped knowledge base into a new database -------------------- */

/* A new database (no entity, alias or role yet) has nothing for the
 * shipped entities to meet: each is a new row, with the id the upsert
 * would give it (one more than the last), and each alias a new row.
 * So they go in sixteen rows to an insert. The upsert with RETURNING and
 * its two deletes cost about 140,000 instructions an entity (five
 * temporary tables, a statement journal); a plain insert of one row
 * 87,000 (its CHECK lists are built into temporary tables each time);
 * sixteen rows to an insert 39,000 a row. */
#define KB_AT 16
#define E1 "(?, ?, ?, 'kb', 'active', ?, ?)"
#define E4 E1 ", " E1 ", " E1 ", " E1
#define A1 "(?, ?, 'kb')"
#define A4 A1 ", " A1 ", " A1 ", " A1

static int
kb_is_new(struct store *st, int *yes)
{
	/* An insert of many rows into entities looks each new id up in every
	 * table that refers to it, and nothing indexes the annotations' speaker
	 * and target: a database with annotations (and no entities) takes the
	 * upsert instead. */
	int64_t none = 0;
	int rc = store_int_query(st, "SELECT NOT EXISTS (SELECT 1 FROM entities)"
	    " AND NOT EXISTS (SELECT 1 FROM aliases) AND NOT EXISTS (SELECT 1 FROM roles)"
	    " AND NOT EXISTS (SELECT 1 FROM annotations)", &none, "writing the knowledge base");

	*yes = none == 1;
	return rc;
}

/* The shipped entities IDX[0, N), ids ID[0, N): one insert. */
static int
put_entities(struct store *st, const struct kb *kb, const int *idx, const int64_t *id, size_t n)
{
	sqlite3_stmt *s;
	char *attrs[KB_AT];
	size_t j, k;
	int rc = 0;

	for (j = 0; j < n; j++)
		if (attrs_of(st, &kb->ents[idx[j]], NULL, &attrs[j]) != 0) {
			for (k = 0; k < j; k++)
				free(attrs[k]);
			return -1;
		}
	s = store_stmt(st, n == KB_AT
	    ? "INSERT INTO entities (id, name, kind, origin, status, date, attrs) VALUES "
	      E4 ", " E4 ", " E4 ", " E4
	    : "INSERT INTO entities (id, name, kind, origin, status, date, attrs) VALUES " E1);
	if (s == NULL)
		rc = -1;
	for (j = 0; j < n && rc == 0; j++) {
		const struct kb_entity *e = &kb->ents[idx[j]];
		int b = (int)(5 * j);

		sqlite3_bind_int64(s, b + 1, id[j]);
		sqlite3_bind_text(s, b + 2, e->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, b + 3, kb_kind_name(e->kind), -1, SQLITE_STATIC);
		if (e->date != NULL)
			sqlite3_bind_text(s, b + 4, e->date, -1, SQLITE_STATIC);
		if (attrs[j] != NULL)
			sqlite3_bind_text(s, b + 5, attrs[j], -1, SQLITE_STATIC);
	}
	if (rc == 0)
		rc = done(st, s, "writing the knowledge base");
	for (j = 0; j < n; j++)
		free(attrs[j]);
	return rc;
}

/* The aliases ALIAS[0, N) of the entities ID[0, N): one insert. */
static int
put_aliases(struct store *st, const char *const *alias, const int64_t *id, size_t n)
{
	sqlite3_stmt *s = store_stmt(st, n == KB_AT
	    ? "INSERT INTO aliases (entity_id, alias, origin) VALUES " A4 ", " A4 ", " A4 ", " A4
	    : "INSERT INTO aliases (entity_id, alias, origin) VALUES " A1);
	size_t j;

	if (s == NULL)
		return -1;
	for (j = 0; j < n; j++) {
		sqlite3_bind_int64(s, (int)(2 * j + 1), id[j]);
		sqlite3_bind_text(s, (int)(2 * j + 2), alias[j], -1, SQLITE_STATIC);
	}
	return done(st, s, "writing the knowledge base");
}

/* Every shipped entity of KB into a new database, its parties and source
 * in its row (an update of the row a party cost as much as its insert);
 * the roles as store_kb_sync writes them, an entity at a time. */
static int
kb_write_new(struct store *st, const struct kb *kb)
{
	int64_t *ids = xreallocarray(NULL, kb->n + 1, sizeof *ids), aid[KB_AT], eid[KB_AT];
	const char *atext[KB_AT];
	int idx[KB_AT];
	size_t i, j, n = 0, na = 0, k;
	int64_t next = 1;
	int rc = 0;

	for (i = 0; i < kb->n && rc == 0; i++) {
		if (kb->ents[i].origin != KB_ORIGIN_KB)
			continue;
		ids[i] = next++;
		idx[n] = (int)i;
		eid[n++] = ids[i];
		if (n == KB_AT) {
			rc = put_entities(st, kb, idx, eid, n);
			n = 0;
		}
	}
	for (k = 0; k < n && rc == 0; k++)
		rc = put_entities(st, kb, idx + k, eid + k, 1);
	for (i = 0; i < kb->n && rc == 0; i++) {
		const struct kb_entity *e = &kb->ents[i];

		if (e->origin != KB_ORIGIN_KB)
			continue;
		for (j = 0; j < e->naliases && rc == 0; j++) {
			if (e->aliases[j].origin != KB_ORIGIN_KB)
				continue;
			atext[na] = e->aliases[j].text;
			aid[na++] = ids[i];
			if (na == KB_AT) {
				rc = put_aliases(st, atext, aid, na);
				na = 0;
			}
		}
	}
	for (k = 0; k < na && rc == 0; k++)
		rc = put_aliases(st, atext + k, aid + k, 1);
	for (i = 0; i < kb->n && rc == 0; i++)
		if (kb->ents[i].origin == KB_ORIGIN_KB)
			rc = add_roles(st, &kb->ents[i], ids[i], KB_ORIGIN_KB);
	free(ids);
	return rc;
}

int
store_kb_sync(struct store *st, const struct kb *kb)
{
	size_t i;
	int64_t id = 0;
	int fresh = 0;

	if (store_begin(st) != 0)
		return -1;
	if (kb_is_new(st, &fresh) != 0)
		goto fail;
	if (fresh) {
		if (kb_write_new(st, kb) != 0)
			goto fail;
		return store_commit(st);
	}
	for (i = 0; i < kb->n; i++) {
		const struct kb_entity *e = &kb->ents[i];

		if (e->origin == KB_ORIGIN_KB && (sync_entity(st, e, &id) != 0 ||
		    add_details(st, e, id, KB_ORIGIN_KB) != 0))
			goto fail;
	}
	return store_commit(st);
fail:
	store_rollback(st);
	return -1;
}

int
store_kb_add_user(struct store *st, const struct kb *kb, int idx, int64_t *id)
{
	const struct kb_entity *e = &kb->ents[idx];
	sqlite3_stmt *s;

	if (store_entity_add(st, kb_kind_name(e->kind), e->name, "user", NULL, id) != 0)
		return -1;
	if (e->date != NULL) {
		s = store_stmt(st, "UPDATE entities SET date = ?2 WHERE id = ?1 AND origin = 'user'");
		if (s == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, *id);
		sqlite3_bind_text(s, 2, e->date, -1, SQLITE_STATIC);
		if (done(st, s, "adding an entity") != 0)
			return -1;
	}
	return add_details(st, e, *id, KB_ORIGIN_USER);
}

/* ---- reading the knowledge base ---------------------------------------- */

struct idmap {
	int *idx;
	int64_t max;
};

static int
map_get(const struct idmap *m, int64_t id)
{
	return id >= 0 && id <= m->max ? m->idx[id] : -1;
}

static enum kb_origin
origin_of(const char *s)
{
	enum kb_origin o = KB_ORIGIN_KB;

	if (s != NULL)
		kb_origin_parse(s, &o);
	return o;
}

static int
load_entities(struct store *st, struct kb *kb, struct idmap *map)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT max(id) FROM entities");
	enum kb_kind kind;
	int rc, idx;
	int64_t id;

	if (s == NULL)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		map->max = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	map->idx = xreallocarray(NULL, (size_t)map->max + 1, sizeof *map->idx);
	memset(map->idx, 0xFF, ((size_t)map->max + 1) * sizeof *map->idx);
	s = store_stmt(st, "SELECT id, name, kind, origin, status, date,"
	    " CASE WHEN json_valid(attrs) THEN json_extract(attrs, '$.source') END"
	    " FROM entities ORDER BY id");
	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(s, 1);
		const char *k = (const char *)sqlite3_column_text(s, 2);
		const char *status = (const char *)sqlite3_column_text(s, 4);
		const char *date = (const char *)sqlite3_column_text(s, 5);

		id = sqlite3_column_int64(s, 0);
		if (name == NULL || k == NULL || kb_kind_parse(k, &kind) != 0 || id > map->max)
			continue;
		idx = kb_add(kb, kind, name, origin_of((const char *)sqlite3_column_text(s, 3)));
		if (idx < 0)
			continue;
		kb->ents[idx].id = id;
		kb->ents[idx].dismissed = status != NULL && strcmp(status, "dismissed") == 0;
		if (date != NULL)
			kb_set_date(kb, idx, date);
		kb_set_source(kb, idx, (const char *)sqlite3_column_text(s, 6));
		map->idx[id] = idx;
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_err(st, "reading the knowledge base");
}

int
store_kb_load(struct store *st, struct kb *kb)
{
	struct idmap map = { NULL, 0 };
	sqlite3_stmt *s;
	int rc = SQLITE_DONE, idx;

	if (load_entities(st, kb, &map) != 0)
		goto fail;
	if ((s = store_stmt(st, "SELECT entity_id, alias, origin FROM aliases")) == NULL)
		goto fail;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if ((idx = map_get(&map, sqlite3_column_int64(s, 0))) >= 0)
			kb_add_alias(kb, idx, (const char *)sqlite3_column_text(s, 1),
			    origin_of((const char *)sqlite3_column_text(s, 2)));
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		goto fail_sql;
	if ((s = store_stmt(st, "SELECT entity_id, role, since, until, origin FROM roles")) == NULL)
		goto fail;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if ((idx = map_get(&map, sqlite3_column_int64(s, 0))) >= 0)
			kb_add_role(kb, idx, (const char *)sqlite3_column_text(s, 1),
			    (const char *)sqlite3_column_text(s, 2),
			    (const char *)sqlite3_column_text(s, 3),
			    origin_of((const char *)sqlite3_column_text(s, 4)));
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		goto fail_sql;
	s = store_stmt(st, "SELECT e.id, j.value FROM entities e, json_each(e.attrs, '$.parties') j"
	    " WHERE e.attrs IS NOT NULL AND json_valid(e.attrs)");
	if (s == NULL)
		goto fail;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if ((idx = map_get(&map, sqlite3_column_int64(s, 0))) >= 0)
			kb_add_party(kb, idx, (const char *)sqlite3_column_text(s, 1));
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		goto fail_sql;
	free(map.idx);
	return 0;
fail_sql:
	store_err(st, "reading the knowledge base");
fail:
	free(map.idx);
	return -1;
}

/* ---- the user's additions and candidates -------------------------------- */

/* The id and kind of the entity NAME: 1 when there is one, 0 when not. */
static int
by_name(struct store *st, const char *name, int64_t *id, char **kind)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT id, kind FROM entities WHERE name = ?1");
	int rc;

	*id = 0;
	*kind = NULL;
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		*kind = store_col_text(s, 1);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		store_err(st, "finding an entity");
		return -1;
	}
	/* NULL only when SQLite ran out of memory: the column is NOT NULL. */
	if (rc == SQLITE_ROW && *kind == NULL)
		return err_set("out of memory finding an entity");
	return rc == SQLITE_ROW;
}

int
store_entity_add(struct store *st, const char *kind, const char *name, const char *origin,
    const char *role, int64_t *id)
{
	sqlite3_stmt *s;
	char *have;
	int rc;

	/* Extraction meets the same candidates article after article: the
	 * common case is one lookup. */
	if ((rc = by_name(st, name, id, &have)) < 0)
		return -1;
	if (rc == 1) {
		rc = strcmp(have, kind) == 0 ? 0
		    : err_set("'%s' is already a %s, not a %s", name, have, kind);
		free(have);
		return rc;
	}
	s = store_stmt(st, "INSERT INTO entities (name, kind, origin) VALUES (?1, ?2, ?3)");
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, origin, -1, SQLITE_STATIC);
	if (done(st, s, "adding an entity") != 0)
		return -1;
	*id = sqlite3_last_insert_rowid(store_sqlite(st));
	if (role == NULL)
		return 0;
	s = store_stmt(st, "INSERT INTO roles (entity_id, role, origin) VALUES (?1, ?2, ?3)");
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, *id);
	sqlite3_bind_text(s, 2, role, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, origin, -1, SQLITE_STATIC);
	return done(st, s, "adding a role");
}

int
store_alias_add(struct store *st, int64_t entity_id, const char *alias, const char *origin)
{
	sqlite3_stmt *s = store_stmt(st,
	    "INSERT INTO aliases (entity_id, alias, origin) VALUES (?1, ?2, ?3)"
	    " ON CONFLICT DO UPDATE SET origin = excluded.origin WHERE excluded.origin = 'user'");

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, entity_id);
	sqlite3_bind_text(s, 2, alias, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, origin, -1, SQLITE_STATIC);
	return done(st, s, "adding an alias");
}

int
store_entity_find(struct store *st, const char *name, int64_t *id)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT id FROM entities WHERE name = ?1 AND status = 'active'"
	    " UNION ALL SELECT id FROM entities WHERE name = ?1 COLLATE NOCASE AND status = 'active'"
	    " UNION ALL SELECT a.entity_id FROM aliases a JOIN entities e ON e.id = a.entity_id"
	    "  WHERE a.alias = ?1 COLLATE NOCASE AND e.status = 'active' LIMIT 1");
	int rc;

	*id = 0;
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_err(st, "finding an entity");
}

void
store_entity_free(struct store_entity *e)
{
	free(e->name);
	free(e->kind);
	free(e->origin);
	free(e->status);
	free(e->date);
}

void
store_entity_list_free(struct store_entity *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		store_entity_free(&rows[i]);
	free(rows);
}

/* Columns: id, name, kind, origin, status, date, mentions, first, articles. */
static void
read_entity(sqlite3_stmt *s, struct store_entity *e)
{
	e->id = sqlite3_column_int64(s, 0);
	e->name = store_col_text(s, 1);
	e->kind = store_col_text(s, 2);
	e->origin = store_col_text(s, 3);
	e->status = store_col_text(s, 4);
	e->date = store_col_text(s, 5);
	e->mentions = (size_t)sqlite3_column_int64(s, 6);
	e->first = (size_t)sqlite3_column_int64(s, 7);
	e->articles = sqlite3_column_int64(s, 8);
}

static int
read_entities(struct store *st, sqlite3_stmt *s, struct store_entity **rows, size_t *n)
{
	size_t cap = 0;
	int rc;

	*rows = NULL;
	*n = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*rows = xreallocarray(*rows, cap, sizeof **rows);
		}
		read_entity(s, &(*rows)[(*n)++]);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_entity_list_free(*rows, *n);
		*rows = NULL;
		*n = 0;
		return store_err(st, "reading entities");
	}
	return 0;
}

int
store_entity_get(struct store *st, int64_t id, struct store_entity *out)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT e.id, e.name, e.kind, e.origin, e.status, e.date,"
	    "  (SELECT count(*) FROM mentions WHERE entity_id = e.id) +"
	    "  (SELECT count(*) FROM title_mentions WHERE entity_id = e.id), 0,"
	    "  (SELECT count(*) FROM (SELECT article_id FROM mentions WHERE entity_id = e.id"
	    "   UNION SELECT article_id FROM title_mentions WHERE entity_id = e.id))"
	    " FROM entities e WHERE e.id = ?1");
	int rc;

	memset(out, 0, sizeof *out);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_entity(s, out);
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return err_set("no entity %lld", (long long)id);
	if (rc != SQLITE_ROW) {
		store_err(st, "reading an entity");
		return -1;
	}
	return 0;
}

#define KIND_ORDER \
	"CASE e.kind WHEN 'person' THEN 0 WHEN 'state' THEN 1 WHEN 'organization' THEN 2" \
	" WHEN 'place' THEN 3 WHEN 'agreement' THEN 4 ELSE 5 END"

/* Per entity (id): its mentions in the body and in the title, each
 * counted as one (n); the first in the body (first), 0, the top of the
 * article, for one its title alone names; the articles that name it. The
 * rows of each table WHERE keeps, by the same column names. */
#define ENTITY_TALLY(where) \
	"SELECT entity_id AS id, count(*) AS n," \
	"  coalesce(min(CASE WHEN body THEN start END), 0) AS first," \
	"  count(DISTINCT article_id) AS articles" \
	" FROM (SELECT entity_id, article_id, start, 1 AS body FROM mentions " where \
	"  UNION ALL SELECT entity_id, article_id, 0, 0 FROM title_mentions " where ")" \
	" GROUP BY entity_id"

/* Counted per entity first, then joined: one join per entity, not per
 * mention (an article may have a million). */
#define ENTITY_COUNTS(where) \
	"SELECT e.id, e.name, e.kind, e.origin, e.status, e.date, x.n, x.first, x.articles" \
	" FROM (" ENTITY_TALLY(where) ") x" \
	" JOIN entities e ON e.id = x.id" \
	" WHERE (e.origin = 'candidate') = ?2 AND e.status = 'active'" \
	" ORDER BY " KIND_ORDER ", x.n DESC, e.name"

int
store_article_entities(struct store *st, int64_t article, int candidates,
    struct store_entity **rows, size_t *n)
{
	/* Two queries, so that one article's are read by its key alone. */
	sqlite3_stmt *s = store_stmt(st, article != 0
	    ? ENTITY_COUNTS("WHERE article_id = ?1") : ENTITY_COUNTS("WHERE ?1 = 0"));

	*rows = NULL;
	*n = 0;
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, article);
	sqlite3_bind_int(s, 2, candidates != 0);
	return read_entities(st, s, rows, n);
}

int
store_exec_id(struct store *st, const char *sql, int64_t id, const char *what)
{
	sqlite3_stmt *s = store_stmt(st, sql);

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	return done(st, s, what);
}

static int
candidate_check(struct store *st, int64_t id)
{
	struct store_entity e;
	int rc;

	if (store_entity_get(st, id, &e) != 0)
		return -1;
	/* origin and status are NOT NULL columns: NULL only when SQLite ran
	 * out of memory reading them. */
	rc = e.origin != NULL && strcmp(e.origin, "candidate") == 0 && e.status != NULL &&
	    strcmp(e.status, "active") == 0 ? 0
	    : err_set("'%s' is not a candidate", e.name != NULL ? e.name : "?");
	store_entity_free(&e);
	return rc;
}

int
store_entity_promote(struct store *st, int64_t id)
{
	if (candidate_check(st, id) != 0 || store_begin(st) != 0)
		return -1;
	if (store_exec_id(st, "UPDATE entities SET origin = 'user' WHERE id = ?1", id,
	    "promoting a candidate") != 0 ||
	    store_exec_id(st, "INSERT OR IGNORE INTO aliases (entity_id, alias, origin)"
	    " SELECT id, name, 'user' FROM entities WHERE id = ?1", id, "promoting a candidate") != 0 ||
	    store_exec_id(st, "UPDATE roles SET origin = 'user' WHERE entity_id = ?1", id,
	    "promoting a candidate") != 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st);
}

int
store_entity_dismiss(struct store *st, int64_t id)
{
	if (candidate_check(st, id) != 0 || store_begin(st) != 0)
		return -1;
	if (store_exec_id(st, "UPDATE entities SET status = 'dismissed' WHERE id = ?1", id,
	    "dismissing a candidate") != 0 ||
	    store_exec_id(st, "DELETE FROM mentions WHERE entity_id = ?1", id,
	    "dismissing a candidate") != 0 ||
	    store_exec_id(st, "DELETE FROM title_mentions WHERE entity_id = ?1", id,
	    "dismissing a candidate") != 0 ||
	    store_exec_id(st, "DELETE FROM statement_links WHERE (from_id, to_id) IN"
	    " (SELECT l.to_id, l.from_id FROM statements s JOIN statement_links l"
	    "  ON l.from_id = s.id WHERE s.speaker_id = ?1)", id, "dismissing a candidate") != 0 ||
	    store_exec_id(st, "DELETE FROM statements WHERE speaker_id = ?1", id,
	    "dismissing a candidate") != 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st);
}

/* ---- undoing the user's additions --------------------------------------- */

/* One integer a query gives (0 when no row). */
static int
count_of(struct store *st, const char *sql, int64_t id, const char *text, int64_t *n)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	int rc;

	*n = 0;
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, text, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_err(st, "reading the knowledge base");
}

int
store_entity_articles(struct store *st, int64_t id, int64_t **ids, size_t *n)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT article_id FROM mentions WHERE entity_id = ?1"
	    " UNION SELECT article_id FROM title_mentions WHERE entity_id = ?1"
	    " UNION SELECT article_id FROM statements WHERE speaker_id = ?1");

	*ids = NULL;
	*n = 0;
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	return store_col_ids(st, s, "reading an entity's articles", ids, n);
}

int
store_entity_remove(struct store *st, int64_t id)
{
	struct store_entity e;
	int64_t claims;
	int rc = 0;

	if (store_entity_get(st, id, &e) != 0)
		return -1;
	if (e.origin == NULL || strcmp(e.origin, "user") != 0)
		rc = err_set("'%s' is %s, not the user's: only what kb add, kb import or kb "
		    "promote made can be removed", e.name, e.origin != NULL &&
		    strcmp(e.origin, "candidate") == 0 ? "a candidate (kb dismiss drops it)" :
		    "shipped with dossier");
	/* A claim's speaker or target is the user's writing: never unset. */
	else if (count_of(st, "SELECT count(*) FROM annotations WHERE (speaker_id = ?1 OR"
	    " target_id = ?1) AND ?2 IS NULL", id, NULL, &claims) != 0)
		rc = -1;
	else if (claims > 0)
		rc = err_set("'%s' is the speaker or target of %lld claim%s: change %s first", e.name,
		    (long long)claims, claims == 1 ? "" : "s", claims == 1 ? "it" : "them");
	if (rc == 0 && store_begin(st) != 0)
		rc = -1;
	else if (rc == 0) {
		/* Mentions, aliases and roles go with it (ON DELETE CASCADE); its
		 * statements are made again by the analysis that follows. */
		if (store_exec_id(st, "DELETE FROM statement_links WHERE from_id IN (SELECT id FROM"
		    " statements WHERE speaker_id = ?1) OR to_id IN (SELECT id FROM statements"
		    " WHERE speaker_id = ?1)", id, "removing an entity") != 0 ||
		    store_exec_id(st, "DELETE FROM statements WHERE speaker_id = ?1", id,
		    "removing an entity") != 0 ||
		    store_exec_id(st, "DELETE FROM entities WHERE id = ?1", id, "removing an entity") != 0) {
			store_rollback(st);
			rc = -1;
		} else {
			rc = store_commit(st);
		}
	}
	store_entity_free(&e);
	return rc;
}

int
store_alias_remove(struct store *st, int64_t id, const char *alias)
{
	sqlite3_stmt *s;
	int64_t user, any;

	if (count_of(st, "SELECT count(*) FROM aliases WHERE entity_id = ?1 AND alias = ?2"
	    " COLLATE NOCASE AND origin = 'user'", id, alias, &user) != 0 ||
	    count_of(st, "SELECT count(*) FROM aliases WHERE entity_id = ?1 AND alias = ?2"
	    " COLLATE NOCASE", id, alias, &any) != 0)
		return -1;
	if (any == 0)
		return err_set("'%s' is not one of its aliases", alias);
	if (user == 0)
		return err_set("'%s' is an alias shipped with dossier, not the user's", alias);
	s = store_stmt(st, "DELETE FROM aliases WHERE entity_id = ?1 AND alias = ?2"
	    " COLLATE NOCASE AND origin = 'user'");
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, alias, -1, SQLITE_STATIC);
	return done(st, s, "removing an alias");
}

/* ---- JSON ------------------------------------------------------------------ */

static int
one_json(struct store *st, sqlite3_stmt *s, const char *what, char **json)
{
	int rc = sqlite3_step(s);

	*json = rc == SQLITE_ROW ? store_col_text(s, 0) : NULL;
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_err(st, what);
	if (*json == NULL)
		*json = xstrdup("[]");
	return 0;
}

/* One object a row, in the subquery's order; each one's first mention in
 * characters when CHARS (the article's map) is given. */
int
store_json_entities(struct store *st, int64_t article, int candidates,
    const struct text_charmap *chars, char **json)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT json_object('id', id, 'name', name, 'kind', kind,"
	    "  'origin', origin, 'date', date, 'mentions', n, 'first', first,"
	    "  'articles', articles,"
	    "  'roles', (SELECT json_group_array(json_object('role', r.role, 'since', r.since,"
	    "    'until', r.until)) FROM roles r WHERE r.entity_id = y.id)), first"
	    " FROM (SELECT e.id, e.name, e.kind, e.origin, e.date, x.n, x.first, x.articles"
	    "  FROM (" ENTITY_TALLY("WHERE article_id = ?1 OR ?1 = 0") ") x"
	    "  JOIN entities e ON e.id = x.id"
	    "  WHERE (e.origin = 'candidate') = ?2 AND e.status = 'active'"
	    "  ORDER BY " KIND_ORDER ", x.n DESC, e.name) y");
	sqlite3_stmt *set = store_stmt(st, "SELECT json_set(?1, '$.first', ?2)");
	struct buf out;
	char *obj;
	int rc;

	if (s == NULL || set == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, article);
	sqlite3_bind_int(s, 2, candidates != 0);
	buf_init(&out);
	buf_addc(&out, '[');
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		obj = store_col_text(s, 0);
		if (chars != NULL && obj != NULL) {
			sqlite3_bind_text(set, 1, obj, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(set, 2, (sqlite3_int64)text_charmap_chars(chars,
			    (size_t)sqlite3_column_int64(s, 1)));
			free(obj);
			obj = sqlite3_step(set) == SQLITE_ROW ? store_col_text(set, 0) : NULL;
			sqlite3_reset(set);
		}
		if (obj == NULL) {
			rc = SQLITE_ERROR;
			break;
		}
		buf_adds(&out, out.len > 1 ? "," : "");
		buf_adds(&out, obj);
		free(obj);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		buf_free(&out);
		return store_err(st, "listing entities");
	}
	buf_addc(&out, ']');
	*json = buf_detach(&out, NULL);
	return 0;
}

int
store_json_kb(struct store *st, int only_user, char **json)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT json_group_array(json_object('id', e.id, 'kind', e.kind, 'name', e.name,"
	    "  'origin', e.origin, 'date', e.date,"
	    "  'aliases', (SELECT json_group_array(alias) FROM aliases a WHERE a.entity_id = e.id"
	    "   AND (?1 = 0 OR e.origin = 'user' OR a.origin = 'user')),"
	    "  'roles', (SELECT json_group_array(json_object('role', r.role, 'since', r.since,"
	    "   'until', r.until)) FROM roles r WHERE r.entity_id = e.id"
	    "   AND (?1 = 0 OR e.origin = 'user' OR r.origin = 'user')),"
	    "  'parties', coalesce(json_extract(e.attrs, '$.parties'), json_array()),"
	    "  'source', json_extract(e.attrs, '$.source')))"
	    " FROM (SELECT * FROM entities WHERE origin != 'candidate' AND (?1 = 0"
	    "  OR origin = 'user' OR id IN (SELECT entity_id FROM aliases WHERE origin = 'user')"
	    "  OR id IN (SELECT entity_id FROM roles WHERE origin = 'user'))"
	    "  ORDER BY kind, name) e");

	if (s == NULL)
		return -1;
	sqlite3_bind_int(s, 1, only_user != 0);
	return one_json(st, s, "listing the knowledge base", json);
}
