#!/bin/bash
# tests/cli/salvage.sh: `check --recover` on a sound database copies
# everything: every table of the schema, rowid and WITHOUT ROWID alike,
# row for row, the derived ones (list counts, the full-text index, the
# related statements' keys) rebuilt equal; status 0 and nothing reported
# lost.
. "$top_srcdir/tests/tui/lib.sh"

: "${PYTHON3:=python3}"
[ -n "$PYTHON3" ] || PYTHON3=python3
SEEDS="$SEEDS_DIR/seeds"
[ -d "$SEEDS" ] || { echo "Bail out! seed corpus missing: $SEEDS"; exit 1; }
DB="$TEST_TMP/s.db"
d() { "$DOSSIER" --db "$DB" "$@"; }

d -q import "$SEEDS"; tap_ok $? "the seed articles imported"
# A database that has joined a team: what it changes is queued for the
# next sync (schema step 10), and it keeps versions, merges and history.
"$PYTHON3" -c 'import sqlite3,sys; db = sqlite3.connect(sys.argv[1]); db.execute("INSERT INTO sync_on VALUES (0)"); db.commit()' "$DB"
d annotate 1 0 20 --tag claim --note "first note" >/dev/null &&
	d annotate 2 5 30 --tag denial --tag claim --note "second" >/dev/null &&
	d annotate 2 40 60 >/dev/null && d kb add person 'Aylin Example' Example >/dev/null &&
	d memo add --article 1 "memo on the corridor" >/dev/null
tap_ok $? "annotations, tags, a memo and a user's entity"
# A subscription and an article it brought (as `dossier fetch` records it),
# and what a team sync keeps: versions, a tag merge, a lost conflict.
d feed add https://example.org/feed.xml --name Example --tag news >/dev/null &&
	"$PYTHON3" -c 'import sqlite3,sys; db = sqlite3.connect(sys.argv[1]); db.execute("INSERT INTO feed_articles VALUES (1, 1)"); db.execute("INSERT INTO sync_versions VALUES (\x27tag\x27, \x27t-1\x27, 1, \x27n-1\x27)"); db.execute("INSERT INTO sync_tag_merges VALUES (\x27t-2\x27, \x27t-1\x27)"); db.execute("INSERT INTO sync_history (kind, key, value, coder, winner) VALUES (\x27annotation\x27, \x27a-1\x27, \x27old\x27, \x27bob\x27, \x27new\x27)"); db.commit()' "$DB"
tap_ok $? "a feed and an article it brought"

"$PYTHON3" - "$DB" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
# What the salvage has to carry: every kind of table holds rows.
# (fts_pending is empty outside a transaction, by design; so is coding_stale
# after dossier's own writes.)
empty = [n for n, in db.execute(
    "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'"
    " AND name NOT LIKE 'sqlite_%' AND name NOT IN ('fts_pending', 'coding_stale')")
    if db.execute('SELECT count(*) FROM "%s"' % n).fetchone()[0] == 0]
kinds = {wr for wr, in db.execute(
    "SELECT wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table'")}
assert not empty, "empty tables: %s" % empty
assert kinds == {0, 1}, kinds
PY
tap_ok $? "every table holds rows, rowid and WITHOUT ROWID ones"

out=$(d check --recover "$TEST_TMP/new.db" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q "^recovered [0-9]* rows into" <<<"$out" && ! grep -q "could not be read" <<<"$out"
tap_ok $? "salvage of a sound database: status 0, nothing lost ($out)"

"$PYTHON3" - "$DB" "$TEST_TMP/new.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[2])
db.execute("ATTACH ? AS old", (sys.argv[1],))
bad = []
# The keys index numbers its keys as they come: compared by the keys.
keyed = {"related_terms": "SELECT term, df FROM %s.related_terms",
         "statement_terms": "SELECT r.term, t.statement_id FROM %s.statement_terms t"
                            " JOIN %s.related_terms r ON r.id = t.term_id"}
for name, q in keyed.items():
    for a, b in (("old", "main"), ("main", "old")):
        n = db.execute("SELECT count(*) FROM (%s EXCEPT %s)" % (q.replace("%s", a), q.replace("%s", b))).fetchone()[0]
        if n:
            bad.append("%s: %d keys in %s only" % (name, n, a))
for name, wr in db.execute(
        "SELECT name, wr FROM pragma_table_list WHERE schema = 'old' AND type = 'table'"
        " AND name NOT LIKE 'sqlite_%' AND name NOT IN ('related_terms', 'statement_terms')").fetchall():
    cols = "*" if wr else "rowid, *"
    for a, b in (("old", "main"), ("main", "old")):
        n = db.execute('SELECT count(*) FROM (SELECT %s FROM %s."%s" EXCEPT SELECT %s FROM %s."%s")'
                       % (cols, a, name, cols, b, name)).fetchone()[0]
        if n:
            bad.append("%s: %d rows in %s only" % (name, n, a))
# The full-text index answers as the original's does.
for q in ("lavrov", "notes:first", "corridor OR treaty"):
    a = db.execute("SELECT rowid FROM main.articles_fts WHERE articles_fts MATCH ? ORDER BY rowid", (q,)).fetchall()
    if not a:
        bad.append("search %s finds nothing" % q)
a = db.execute("SELECT rowid FROM main.memos_fts WHERE memos_fts MATCH 'corridor'").fetchall()
if not a or a != db.execute("SELECT id FROM main.memos WHERE text LIKE '%corridor%'").fetchall():
    bad.append("the memos' index finds %s" % a)
assert not bad, bad
PY
tap_ok $? "every table's rows are the same in the salvaged copy"
[ "$("$DOSSIER" --db "$TEST_TMP/new.db" search lavrov | wc -l)" = "$(d search lavrov | wc -l)" ] &&
	[ "$("$DOSSIER" --db "$TEST_TMP/new.db" list | wc -l)" = "$(d list | wc -l)" ] &&
	[ "$("$DOSSIER" --db "$TEST_TMP/new.db" mentions Lavrov | wc -l)" = "$(d mentions Lavrov | wc -l)" ]
tap_ok $? "search, list and mentions answer the same"
"$DOSSIER" --db "$TEST_TMP/new.db" check >/dev/null; tap_ok $? "the copy passes check"

tap_done
