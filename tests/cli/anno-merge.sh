#!/bin/bash
# tests/cli/anno-merge.sh: import-annotations decides which copy of a known
# annotation is newer by the instant its `modified` names, whatever offset
# the file writes it with; a time that is not one is refused by name and
# nothing is overwritten.
. "$top_srcdir/tests/tui/lib.sh"

: "${PYTHON3:=python3}"
[ -n "$PYTHON3" ] || PYTHON3=python3
DB="$TEST_TMP/m.db"
ART="$TEST_TMP/talks.txt"
d() { "$DOSSIER" --db "$DB" "$@"; }

cat >"$ART" <<'TXT'
Talks in Moscow

The foreign ministers met in Moscow on Tuesday. The minister said the corridor would reopen within a week. Officials in Baku did not comment on the talks.
TXT
d -q import "$ART"; tap_ok $? "article imported"
d annotate 1 --quote "would reopen within a week" --note "mine, written here" >/dev/null &&
	d annotate 1 --quote "did not comment" --note "second" >/dev/null
tap_ok $? "two annotations"
# Their times are set so that the file's copies below are older or newer
# than them by a known margin.
"$PYTHON3" - "$DB" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE annotations SET modified = '2024-03-01T09:30:00.000Z'")
db.commit()
PY
d export --format json -o "$TEST_TMP/mine.json"; tap_ok $? "exported"

# edit.py IN OUT NOTE MODIFIED [INDEX]: the INDEXth annotation's note and
# modified time changed, as another program or database would write them.
edit() {
	"$PYTHON3" - "$@" <<'PY'
import json, sys
src, dst, note, modified = sys.argv[1:5]
index = int(sys.argv[5]) if len(sys.argv) > 5 else 0
doc = json.load(open(src, encoding="utf-8"))
a = doc["first"]["items"][index]
for b in a["body"]:
    if b.get("purpose") == "commenting":
        b["value"] = note
a["modified"] = modified
json.dump(doc, open(dst, "w", encoding="utf-8"))
PY
}
note() { d annotations | awk -F'\t' -v q="$1" '$6 == q { print $7 }'; }

# 10:00+04:00 is 06:00Z, three and a half hours before the local 09:30Z, yet
# "2024-03-01T10:00" sorts after "2024-03-01T09:30" as text.
edit "$TEST_TMP/mine.json" "$TEST_TMP/older.json" "older, from Baku" "2024-03-01T10:00:00+04:00"
err=$(d import-annotations "$TEST_TMP/older.json" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q "0 updated, 2 unchanged" <<<"$err"
tap_ok $? "an older edit written with an offset is not newer ($err)"
[ "$(note "would reopen within a week")" = "mine, written here" ]
tap_ok $? "the local note is kept"

# 05:00-05:00 is 10:00Z: later, though it sorts before as text.
edit "$TEST_TMP/mine.json" "$TEST_TMP/newer.json" "newer, from New York" "2024-03-01T05:00:00.5-05:00"
err=$(d import-annotations "$TEST_TMP/newer.json" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q "1 updated, 1 unchanged" <<<"$err"
tap_ok $? "a newer edit written with a negative offset wins ($err)"
[ "$(note "would reopen within a week")" = "newer, from New York" ]
tap_ok $? "its note replaces the local one"
err=$(d import-annotations "$TEST_TMP/newer.json" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q "0 updated, 2 unchanged" <<<"$err"
tap_ok $? "importing it again changes nothing ($err)"
out=$(d check 2>&1); tap_ok $? "the imports kept the report counts with the coding: check passes ($out)"

# The same instant as the one now stored, in other words: the same.
edit "$TEST_TMP/mine.json" "$TEST_TMP/same.json" "same instant" "2024-03-01T10:00:00.500+00:00"
err=$(d import-annotations "$TEST_TMP/same.json" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q "0 updated, 2 unchanged" <<<"$err" &&
	[ "$(note "would reopen within a week")" = "newer, from New York" ]
tap_ok $? "the same instant in another offset is unchanged ($err)"

# Not a time at all: "~" sorts after every digit, so as text it always won.
for bad in "~ tomorrow" "2024-03-01" "2024-02-30T10:00:00Z" "2024-03-01T10:00:00"; do
	edit "$TEST_TMP/mine.json" "$TEST_TMP/bad.json" "should not land" "$bad" 1
	err=$(d import-annotations "$TEST_TMP/bad.json" 2>&1); rc=$?
	[ $rc -eq 3 ] && [ "$(grep -c 'is not an RFC 3339' <<<"$err")" -eq 1 ] &&
		grep -q "bad.json: urn:uuid:[0-9a-f-]*: modified '$bad' is not an RFC 3339" <<<"$err" &&
		grep -q "1 unchanged, 1 refused" <<<"$err" && [ "$(note "did not comment")" = "second" ]
	tap_ok $? "modified '$bad': refused by name, the rest goes on, status 3 ($err)"
done

# A database whose copy carries a broken time (written by an earlier
# version that stored the file's text) is left alone, and says so.
"$PYTHON3" - "$DB" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE annotations SET modified = 'yesterday' WHERE quote = 'did not comment'")
db.commit()
PY
edit "$TEST_TMP/mine.json" "$TEST_TMP/fine.json" "should not land either" "2030-01-01T00:00:00Z" 1
err=$(d import-annotations "$TEST_TMP/fine.json" 2>&1); rc=$?
[ $rc -eq 3 ] && grep -q "this database's copy has modified 'yesterday'" <<<"$err" &&
	[ "$(note "did not comment")" = "second" ]
tap_ok $? "a broken local time: nothing overwritten, named ($err)"

tap_done
