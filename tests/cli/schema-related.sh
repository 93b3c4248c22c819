#!/bin/bash
# tests/cli/schema-related.sh: a database of schema 12 (statements with
# their key terms, no keys index) is migrated: the keys index is filled
# from the stored statements, the same as import makes it; related
# statements are unchanged; the index then takes in the statements of new
# articles as they are linked (through it), and a deletion takes them out.
. "$top_srcdir/tests/tui/lib.sh"

: "${PYTHON3:=python3}"
[ -n "$PYTHON3" ] || PYTHON3=python3
SEEDS="$SEEDS_DIR/seeds"
DB="$TEST_TMP/r.db"
d() { "$DOSSIER" --db "$DB" "$@"; }
sql() { "$PYTHON3" -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute("PRAGMA foreign_keys = ON")
for row in c.execute(sys.argv[2]): print(*row, sep="|")
c.commit()' "$@"; }
# The keys index as text: each key's df (keys no statement has left
# out: a key keeps its number), and each key's statements.
keys() {
	sql "$1" "SELECT term, df FROM related_terms WHERE df > 0 ORDER BY term" &&
	sql "$1" "SELECT r.term, t.statement_id FROM statement_terms t JOIN related_terms r
	  ON r.id = t.term_id ORDER BY 1, 2"
}
# Whether every df is what statement_terms holds, and the empty key's the count.
sound() {
	[ "$(sql "$1" "SELECT count(*) FROM related_terms r WHERE term <> '' AND df <>
	  (SELECT count(*) FROM statement_terms t WHERE t.term_id = r.id)")" = 0 ] &&
	[ "$(sql "$1" "SELECT (SELECT df FROM related_terms WHERE term = '') =
	  (SELECT count(*) FROM statements)")" = 1 ]
}

d -q import "$SEEDS"; tap_ok $? "the seed articles import with extraction"
n=$(sql "$DB" "SELECT count(*) FROM statement_terms")
[ "$n" -gt 100 ] && sound "$DB"; tap_ok $? "import fills the keys index ($n rows), each df its statements"
keys "$DB" >"$TEST_TMP/keys.new"
sid=$(sql "$DB" "SELECT from_id FROM statement_links GROUP BY from_id ORDER BY count(*) DESC, from_id LIMIT 1")
d related "$sid" >"$TEST_TMP/related.new"; tap_ok $? "related $sid"

# Back to 12: the keys index of step 13 goes, and so do the report counts of
# steps 14 and 16 (their tables, and the triggers on the coding, the
# articles, spans, mentions and entities that keep them), and step 17's
# layout of the spans and the full-text index.
sql "$DB" "DROP TRIGGER statements_keys_ad" &&
	sql "$DB" "DROP TABLE statement_terms" && sql "$DB" "DROP TABLE related_terms" &&
	for t in $(sql "$DB" "SELECT name FROM sqlite_schema WHERE type = 'trigger'
	    AND sql LIKE '%coding_%'"); do
		sql "$DB" "DROP TRIGGER $t" || break
	done &&
	for t in $(sql "$DB" "SELECT name FROM sqlite_schema WHERE type = 'table'
	    AND name LIKE 'coding\_%' ESCAPE '\'"); do
		sql "$DB" "DROP TABLE $t" || break
	done &&
	"$PYTHON3" "$top_srcdir/tests/cli/schema-before-17.py" "$DB" &&
	sql "$DB" "PRAGMA user_version = 12"
tap_ok $? "the database made one of schema 12"
out=$(d check 2>&1) && [ "$(sql "$DB" "PRAGMA user_version")" = 12 ]
tap_ok $? "check finds it sound without migrating it, report counts and all ($out)"
d list >/dev/null; tap_ok $? "a command opens it"
[ "$(sql "$DB" "PRAGMA user_version")" -ge 13 ] && d check >/dev/null
tap_ok $? "it is migrated past schema 13 and sound"
keys "$DB" | diff "$TEST_TMP/keys.new" - >&2; tap_ok $? "the keys index filled from the statements is the one import made"
d related "$sid" | diff "$TEST_TMP/related.new" - >&2; tap_ok $? "related statements unchanged"

cat >"$TEST_TMP/talks.txt" <<'TXT'
Corridor talks

Published: 2025-04-02

Sergey Lavrov said the transport corridor through Armenia would reopen for trade after the talks, as agreed with Yerevan.
TXT
before=$(sql "$DB" "SELECT df FROM related_terms WHERE term = ''")
d -q import "$TEST_TMP/talks.txt"; tap_ok $? "an article imports into the migrated database"
new=$(sql "$DB" "SELECT max(id) FROM statements")
[ "$(sql "$DB" "SELECT df FROM related_terms WHERE term = ''")" -gt "$before" ] && sound "$DB" &&
	[ "$(sql "$DB" "SELECT count(*) FROM statement_terms WHERE statement_id = $new")" -gt 2 ]
tap_ok $? "its statements join the keys index"
[ "$(d related "$new" | wc -l)" -gt 1 ]; tap_ok $? "and are linked to related ones"

art=$(sql "$DB" "SELECT article_id FROM statements WHERE id = $new")
sql "$DB" "DELETE FROM articles WHERE id = $art" && sound "$DB" &&
	[ "$(sql "$DB" "SELECT count(*) FROM statement_terms WHERE statement_id = $new")" = 0 ] &&
	keys "$DB" | diff "$TEST_TMP/keys.new" - >&2
tap_ok $? "deleting the article takes its statements out of the index again"

tap_done
