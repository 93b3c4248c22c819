#!/bin/bash
# tests/cli/schema-check.sh: a database missing part of its schema (a table
# dropped by hand or by another program) is found by `check`, which
# compares it with the schema the migrations make, and search says the
# database is damaged instead of "SQL logic error".
. "$top_srcdir/tests/tui/lib.sh"

: "${PYTHON3:=python3}"
[ -n "$PYTHON3" ] || PYTHON3=python3
DB="$TEST_TMP/s.db"
ART="$TEST_TMP/talks.txt"
d() { "$DOSSIER" --db "$DB" "$@"; }
sql() { "$PYTHON3" -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()' "$@"; }
cat >"$ART" <<'TXT'
Talks in Moscow

The foreign ministers met in Moscow on Tuesday. The minister said the corridor would reopen within a week.
TXT
d -q import "$ART" && d check >/dev/null; tap_ok $? "a sound database passes check"

cp "$DB" "$TEST_TMP/keep.db"
sql "$DB" "DROP TABLE mentions"
err=$(d check 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "damaged: missing from its schema: table mentions, index mentions_entity" <<<"$err"
tap_ok $? "check finds a dropped table ($err)"

cp "$TEST_TMP/keep.db" "$DB"
sql "$DB" "DROP TRIGGER annotations_fts_ai"
err=$(d check 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "trigger annotations_fts_ai" <<<"$err"
tap_ok $? "and a dropped trigger ($err)"

cp "$TEST_TMP/keep.db" "$DB"
sql "$DB" "DROP TABLE articles_fts_idx"
err=$(d search corridor 2>&1); rc=$?
[ $rc -eq 1 ] && [ "$(wc -l <<<"$err")" -eq 1 ] && ! grep -q "SQL logic error" <<<"$err" &&
	grep -q "damaged: missing from its schema: table articles_fts_idx; run 'dossier check'" <<<"$err"
tap_ok $? "search on a database missing part of its index says so ($err)"

tap_done
