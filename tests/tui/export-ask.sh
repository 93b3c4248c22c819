#!/bin/bash
# tests/tui/export-ask.sh: the reader's :export never writes over the
# database, and asks before it replaces an existing file: n keeps the
# file as it was, y replaces it; --force, as in the shell, replaces it
# without a question (but still never the database).
. "$top_srcdir/tests/tui/lib.sh"

ART="$TEST_TMP/talks.txt"
cat >"$ART" <<'TXT'
Talks in Moscow

The foreign ministers met in Moscow on Tuesday. The minister said the corridor would reopen within a week.
TXT
"$DOSSIER" -q import "$ART" && "$DOSSIER" annotate 1 --quote "would reopen" --note "check" >/dev/null ||
	echo "Bail out! set-up failed"
echo "my own notes" >"$TEST_TMP/notes.md"
articles() { "${PYTHON3:-python3}" -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM articles").fetchone()[0])' "$DOSSIER_DB"; }

tui_start -x 100 -y 30
tui_expect "reader starts" "Talks in Moscow"

tui_keys ':'
tui_type "export $DOSSIER_DB"
tui_keys Enter
tui_expect ":export over the database is refused" "dossier.db: is the database in use"
[ "$(articles)" = 1 ]; tap_ok $? "the database is intact"

tui_keys ':'
tui_type "export $TEST_TMP/notes.md"
tui_keys Enter
tui_expect ":export over an existing file asks first" "notes.md exists. Replace it?"
tui_keys x
tui_expect "another key does not answer" "y: yes   n: no"
tui_keys n
tui_expect "n: not written" "export not written"
[ "$(cat "$TEST_TMP/notes.md")" = "my own notes" ]; tap_ok $? "the file is as it was"

tui_keys ':'
tui_type "export $TEST_TMP/notes.md"
tui_keys Enter
tui_wait "Replace it?" >/dev/null
tui_keys y
tui_expect "y: replaced" "exported 1 annotation to $TEST_TMP/notes.md"
grep -q '^> would reopen$' "$TEST_TMP/notes.md"; tap_ok $? "as Markdown, from its name"

tui_keys ':'
tui_type "export $TEST_TMP/fresh.json"
tui_keys Enter
tui_expect "a new file is written without a question" "exported 1 annotation to $TEST_TMP/fresh.json"
[ "$(stat -c %a "$TEST_TMP/fresh.json")" = 600 ]; tap_ok $? "and private"

tui_keys ':'
tui_type "export --force $DOSSIER_DB"
tui_keys Enter
tui_expect ":export --force over the database is refused too" "dossier.db: is the database in use"
[ "$(articles)" = 1 ]; tap_ok $? "the database is intact"

tui_keys ':'
tui_type "export --force --format csv $TEST_TMP/notes.md"
tui_keys Enter
tui_expect ":export --force replaces without a question" \
	"exported 1 annotation to $TEST_TMP/notes.md"
head -1 "$TEST_TMP/notes.md" | grep -q '^id,article,title,'; tap_ok $? "as CSV, as --format says"

tui_keys Q
st=$(tui_wait_exit)
[ "$st" = 0 ]; tap_ok $? "quits with status 0 (got $st)"
tap_done
