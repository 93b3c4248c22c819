/*
 * team-schema.c: the team's schema on the PostgreSQL server, and its
 * forward migrations. Everything lives in the schema "dossier";
 * dossier.meta holds the version. migrations[v-1] takes a server from
 * version v-1 to v, all in the one transaction of `team init`, so a
 * failed upgrade leaves the old version whole. A client refuses a server
 * newer than it knows (its records might mean more than it can keep).
 *
 * The tables: records, one row per record (kind, key) with its version
 * (hlc, node), the coder (PostgreSQL role) who wrote it and seq, a
 * sequence number given at every write, by which clients pull what is
 * new since they last looked. Writers take one advisory lock for their
 * transaction (dossier.put's callers do, in team-sync.c), so writes commit
 * in the order of their seq and a reader that has seen seq N has seen
 * everything before it. history keeps every value that lost a conflict.
 *
 * Access: roles dossier_coder (every coder) and dossier_lead (who may
 * change the codebook). Row-level security: everyone reads everything;
 * a coder adds and changes only annotations and memos under their own
 * name; anyone adds an article or a new tag, and adds to the knowledge
 * base; only a lead changes or removes a tag.
 * Nothing is ever deleted: a deletion is a tombstone (deleted true).
 */
#include "config.h"

#include <stddef.h>

#include "team-int.h"
#include "util.h"

/* dossier.put, with FIRST_WRITE: what a write does to a record it finds
 * that it never saw (migration 2 adds the memos' case). */
#define PUT_FUNCTION(CREATE, FIRST_WRITE) \
	CREATE " FUNCTION dossier.put(p_kind text, p_key text, p_hlc bigint, p_node text," \
	"    p_coder text, p_deleted boolean, p_body jsonb, p_base_hlc bigint, p_base_node text," \
	"    OUT outcome text, OUT winner text)" \
	"LANGUAGE plpgsql AS $$" \
	"DECLARE cur dossier.records%ROWTYPE; conflict boolean; n bigint;" \
	"BEGIN" \
	"  winner := NULL;" \
	"  SELECT * INTO cur FROM dossier.records r WHERE r.kind = p_kind AND r.key = p_key;" \
	"  IF NOT FOUND THEN" \
	"    INSERT INTO dossier.records(kind, key, hlc, node, coder, deleted, body)" \
	"      VALUES (p_kind, p_key, p_hlc, p_node, p_coder, p_deleted, p_body);" \
	"    outcome := 'new'; RETURN;" \
	"  END IF;" \
	"  IF p_kind = 'article' OR (cur.hlc = p_hlc AND cur.node = p_node) THEN" \
	"    outcome := 'same'; RETURN;" \
	"  END IF;" \
	FIRST_WRITE \
	"  conflict := p_base_hlc IS NULL OR cur.hlc <> p_base_hlc OR cur.node <> p_base_node;" \
	"  IF (cur.hlc, cur.node) < (p_hlc, p_node) THEN" \
	"    UPDATE dossier.records r SET hlc = p_hlc, node = p_node, coder = p_coder," \
	"      deleted = p_deleted, body = p_body, seq = nextval('dossier.seq')" \
	"      WHERE r.kind = p_kind AND r.key = p_key;" \
	"    GET DIAGNOSTICS n = ROW_COUNT;" \
	"    IF n = 0 THEN" \
	"      RAISE EXCEPTION insufficient_privilege USING MESSAGE =" \
	"        format('%s may not change %s %s (row-level security)', current_user, p_kind, p_key);" \
	"    END IF;" \
	"    IF conflict AND cur.body IS DISTINCT FROM p_body THEN" \
	"      INSERT INTO dossier.history(kind, key, hlc, node, coder, deleted, body," \
	"          winner_hlc, winner_node, winner_coder)" \
	"        VALUES (p_kind, p_key, cur.hlc, cur.node, cur.coder, cur.deleted, cur.body," \
	"          p_hlc, p_node, p_coder);" \
	"      outcome := 'won'; winner := cur.coder; RETURN;" \
	"    END IF;" \
	"    outcome := 'updated'; RETURN;" \
	"  END IF;" \
	"  INSERT INTO dossier.history(kind, key, hlc, node, coder, deleted, body," \
	"      winner_hlc, winner_node, winner_coder)" \
	"    VALUES (p_kind, p_key, p_hlc, p_node, p_coder, p_deleted, p_body," \
	"      cur.hlc, cur.node, cur.coder);" \
	"  outcome := 'lost'; winner := cur.coder;" \
	"END $$;"

static const char *const migrations[] = {
	/* 1: records, history, the two roles and their rights. */
	"DO $$ BEGIN"
	"  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dossier_coder') THEN"
	"    CREATE ROLE dossier_coder NOLOGIN;"
	"  END IF;"
	"  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dossier_lead') THEN"
	"    CREATE ROLE dossier_lead NOLOGIN IN ROLE dossier_coder;"
	"  END IF;"
	"END $$;"
	"GRANT USAGE ON SCHEMA dossier TO dossier_coder;"
	"GRANT SELECT ON dossier.meta TO dossier_coder;"
	"CREATE SEQUENCE dossier.seq;"
	"CREATE TABLE dossier.records ("
	"  kind text NOT NULL CHECK (kind IN ('article', 'tag', 'annotation')),"
	"  key text NOT NULL,"
	"  hlc bigint NOT NULL,"
	"  node text NOT NULL,"
	"  coder text NOT NULL DEFAULT current_user,"
	"  deleted boolean NOT NULL DEFAULT false,"
	"  body jsonb,"
	"  seq bigint NOT NULL DEFAULT nextval('dossier.seq'),"
	"  PRIMARY KEY (kind, key));"
	"CREATE INDEX records_seq ON dossier.records(seq);"
	"CREATE TABLE dossier.history ("
	"  seq bigint NOT NULL DEFAULT nextval('dossier.seq'),"
	"  kind text NOT NULL, key text NOT NULL,"
	"  hlc bigint NOT NULL, node text NOT NULL, coder text NOT NULL,"
	"  deleted boolean NOT NULL, body jsonb,"
	"  winner_hlc bigint NOT NULL, winner_node text NOT NULL, winner_coder text NOT NULL,"
	"  at timestamptz NOT NULL DEFAULT now());"
	"CREATE INDEX history_node ON dossier.history(node, seq);"
	"GRANT SELECT, INSERT, UPDATE ON dossier.records, dossier.history TO dossier_coder;"
	"GRANT USAGE ON SEQUENCE dossier.seq TO dossier_coder;"
	"ALTER TABLE dossier.records ENABLE ROW LEVEL SECURITY;"
	"ALTER TABLE dossier.history ENABLE ROW LEVEL SECURITY;"
	"CREATE POLICY read ON dossier.records FOR SELECT USING (true);"
	"CREATE POLICY add ON dossier.records FOR INSERT WITH CHECK ("
	"  kind IN ('article', 'tag') OR (kind = 'annotation' AND coder = current_user));"
	"CREATE POLICY own ON dossier.records FOR UPDATE"
	"  USING (kind = 'annotation' AND coder = current_user)"
	"  WITH CHECK (kind = 'annotation' AND coder = current_user);"
	"CREATE POLICY codebook ON dossier.records FOR UPDATE TO dossier_lead"
	"  USING (kind = 'tag') WITH CHECK (kind = 'tag');"
	"CREATE POLICY read ON dossier.history FOR SELECT USING (true);"
	"CREATE POLICY add ON dossier.history FOR INSERT WITH CHECK (winner_coder = current_user"
	"  OR coder = current_user);"
	/* One record written, last writer wins: a newer version replaces the
	 * row (the older value goes to history when it was not the version
	 * the writer's change was made over: a conflict); an older one goes
	 * to history itself. An article never changes. It runs as its caller,
	 * so row-level security holds; an update that security hides is an
	 * error, not a silent nothing. */
	PUT_FUNCTION("CREATE", "")
	"GRANT EXECUTE ON FUNCTION dossier.put(text, text, bigint, text, text, boolean, jsonb,"
	"  bigint, text) TO dossier_coder;",

	/* 2: memos (a coder adds and changes only their own, as annotations)
	 * and the knowledge base the users add to (entities, by kind and
	 * name: any coder adds or changes one, as kb add and kb alias do
	 * locally). */
	"ALTER TABLE dossier.records DROP CONSTRAINT records_kind_check;"
	"ALTER TABLE dossier.records ADD CONSTRAINT records_kind_check"
	"  CHECK (kind IN ('article', 'tag', 'annotation', 'memo', 'entity'));"
	"DROP POLICY add ON dossier.records;"
	"CREATE POLICY add ON dossier.records FOR INSERT WITH CHECK ("
	"  kind IN ('article', 'tag', 'entity')"
	"  OR (kind IN ('annotation', 'memo') AND coder = current_user));"
	"DROP POLICY own ON dossier.records;"
	"CREATE POLICY own ON dossier.records FOR UPDATE"
	"  USING (kind IN ('annotation', 'memo') AND coder = current_user)"
	"  WITH CHECK (kind IN ('annotation', 'memo') AND coder = current_user);"
	"CREATE POLICY knowledge ON dossier.records FOR UPDATE"
	"  USING (kind = 'entity') WITH CHECK (kind = 'entity');"
	/* A memo another coder sent first under the same guid, which this
	 * writer never saw: the same memo made in two databases (a tag's
	 * description from the codebook every new database starts with, a
	 * project imported twice). With the same title and text it is the
	 * same; else it loses (kept in history), not an error that would
	 * stop the rest of the batch. */
	PUT_FUNCTION("CREATE OR REPLACE",
	"  IF p_kind = 'memo' AND cur.coder <> current_user AND p_base_hlc IS NULL THEN"
	"    IF cur.body->'title' IS NOT DISTINCT FROM p_body->'title'"
	"        AND cur.body->'text' IS NOT DISTINCT FROM p_body->'text' THEN"
	"      outcome := 'same'; RETURN;"
	"    END IF;"
	"    INSERT INTO dossier.history(kind, key, hlc, node, coder, deleted, body,"
	"        winner_hlc, winner_node, winner_coder)"
	"      VALUES (p_kind, p_key, p_hlc, p_node, p_coder, p_deleted, p_body,"
	"        cur.hlc, cur.node, cur.coder);"
	"    outcome := 'lost'; winner := cur.coder; RETURN;"
	"  END IF;"),
};

int
team_schema_version(void)
{
	return (int)ARRAY_LEN(migrations);
}

const char *
team_schema_sql(int version)
{
	if (version < 1 || version > (int)ARRAY_LEN(migrations))
		return NULL;
	return migrations[version - 1];
}

void
team_counts_text(const size_t n[STORE_SYNC_KINDS], struct buf *out)
{
	static const char *const plural[STORE_SYNC_KINDS] = {
		"articles", "tags", "annotations", "memos", "entities",
	};
	size_t k;

	for (k = 0; k < STORE_SYNC_KINDS; k++)
		buf_printf(out, "%s%zu %s", k > 0 ? ", " : "", n[k], plural[k]);
}
