#!/bin/bash
# tests/cli/annotations.sh: annotate, annotations, delete-annotation, tag,
# export (JSON, CSV and Markdown, each read back by a real parser) and
# import-annotations (merge by id, round trip into another database).
. "$top_srcdir/tests/tui/lib.sh"

: "${PYTHON3:=python3}"
[ -n "$PYTHON3" ] || PYTHON3=python3
SEEDS="$SEEDS_DIR/seeds"
[ -d "$SEEDS" ] || { echo "Bail out! seed corpus missing: $SEEDS"; exit 1; }
FIXTURE="$top_srcdir/tests/cli/anno-fixture.py"
S0="$SEEDS/000_ab6cf303251600eb.txt"
S1="$SEEDS/001_4da024a5a7a9d0c0.txt"
DB="$TEST_TMP/a.db"

d() { "$DOSSIER" --db "$DB" "$@"; }
py() { "$PYTHON3" - "$@"; }

d tag >/dev/null; tap_ok $? "a new database gets the codebook"
read -r A0 A1 < <("$PYTHON3" "$FIXTURE" "$DB" "$S0" "$S1" | tr '\n' ' ')
[ -n "$A0" ] && [ -n "$A1" ]; tap_ok $? "two seed articles stored ($A0, $A1)"

# --- annotate -------------------------------------------------------------------
NOTE=$'He said "no", then\nyes, with a \\ backslash, a tab\there, \xe2\x80\xa8 and ümlauts'
out=$(d annotate "$A0" --quote "Lachin corridor" --tag claim --tag claim/unverified \
	--note "$NOTE" --status disputed); rc=$?
[ $rc -eq 0 ] && [[ $out =~ ^[0-9]+$'\t'urn:uuid:[0-9a-f-]{36}$ ]]
tap_ok $? "annotate --quote prints id and urn once stored ($out)"
ID1=${out%%$'\t'*}
out=$(d annotate "$A0" 0 6 --tag fact); rc=$?
[ $rc -eq 0 ]; tap_ok $? "annotate START END (characters)"
ID2=${out%%$'\t'*}
out=$(d annotate "$A1" --quote "Lavrov" --nth 2 --tag opinion --note "second Lavrov"); rc=$?
[ $rc -eq 0 ]; tap_ok $? "annotate --nth"
ID3=${out%%$'\t'*}

err=$(d annotate "$A0" --quote "no such words anywhere" 2>&1); rc=$?
[ $rc -eq 1 ] && [ "$(wc -l <<<"$err")" -eq 1 ] && grep -q "not in its text" <<<"$err"
tap_ok $? "a quote not in the article: one line, status 1 ($err)"
err=$(d annotate 999 0 5 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "no article 999" <<<"$err"; tap_ok $? "unknown article named"
err=$(d annotate "$A0" 5 5 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "START < END" <<<"$err"; tap_ok $? "empty span refused"
err=$(d annotate "$A0" 0 99999999 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "past its end" <<<"$err"; tap_ok $? "span past the end refused"
err=$(d annotate "$A0" 2>&1); rc=$?
[ $rc -eq 2 ]; tap_ok $? "missing span: usage error"
err=$(d annotate "$A0" 0 5 --status maybe 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "unknown status 'maybe'" <<<"$err"; tap_ok $? "unknown status refused"

# --- annotations ------------------------------------------------------------------
out=$(d annotations)
[ "$(wc -l <<<"$out")" -eq 3 ]; tap_ok $? "three annotations listed"
grep -q $'^'"$ID1"$'\t'"$A0"$'\t[0-9]*-[0-9]*\tactive\tclaim,claim/unverified\tLachin corridor\t' <<<"$out"
tap_ok $? "line: id, article, span, state, tags, quote, note"
! grep -q $'\x01' <<<"$out" && [ "$(grep -c '' <<<"$out")" -eq 3 ]
tap_ok $? "a note's line breaks do not break the listing"
[ "$(d annotations --tag claim | wc -l)" -eq 1 ]; tap_ok $? "--tag claim (nested tags included)"
[ "$(d annotations --article "$A1" | wc -l)" -eq 1 ]; tap_ok $? "--article"
[ "$(d annotations --text LAVROV | wc -l)" -eq 1 ]; tap_ok $? "--text, any case"
[ "$(d annotations --status disputed | wc -l)" -eq 1 ]; tap_ok $? "--status"
d annotations --json >"$TEST_TMP/list.json"
py "$TEST_TMP/list.json" <<'EOF'
import json, sys
items = json.load(open(sys.argv[1], encoding="utf-8"))
assert len(items) == 3, items
assert all(i["type"] == "Annotation" and i["id"].startswith("urn:uuid:") for i in items)
EOF
tap_ok $? "--json is a JSON array of annotations"

out=$(d delete-annotation "$ID3"); rc=$?
[ $rc -eq 0 ] && [ "$out" = "$ID3" ]; tap_ok $? "delete-annotation"
[ "$(d annotations | wc -l)" -eq 2 ]; tap_ok $? "deleted one not listed"
d annotations --state deleted | grep -q "second Lavrov"; tap_ok $? "but kept, marked deleted"
err=$(d delete-annotation 12345 2>&1); rc=$?
[ $rc -eq 1 ]; tap_ok $? "deleting an unknown annotation fails ($err)"

# --- notes in the full-text index -----------------------------------------------------
py "$DB" "$A0" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'notes:ümlauts'").fetchall()
assert rows == [(int(sys.argv[2]),)], rows
rows = db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'notes:second'").fetchall()
assert rows == [], rows
EOF
tap_ok $? "notes are found by full-text search; deleted ones are not"

# --- tags -------------------------------------------------------------------------------
d tag add rumour 214 r && d tag | grep -q $'^rumour\t214\tr\t0$'; tap_ok $? "tag add"
err=$(d tag add gossip red r 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "key 'r' already belongs to tag 'rumour'" <<<"$err"
tap_ok $? "a key in use is refused"
d tag rename claim assertion && d tag | grep -q $'^assertion/unverified\t'
tap_ok $? "tag rename carries nested tags"
d tag rename assertion claim && d tag color claim bright-yellow && \
	d tag | grep -q $'^claim\tbright-yellow\tc\t1$'; tap_ok $? "tag color"
d tag merge rumour opinion && ! d tag | grep -q '^rumour'; tap_ok $? "tag merge"
err=$(d tag frobnicate 2>&1); rc=$?
[ $rc -eq 2 ]; tap_ok $? "unknown tag subcommand: usage error"

# --- export: JSON -------------------------------------------------------------------------
d export --format json -o "$TEST_TMP/out.json"; rc=$?
[ $rc -eq 0 ] && [ -z "$(find "$TEST_TMP" -name 'out.json.tmp*')" ]
tap_ok $? "export -o writes the file (no temporary left)"
py "$TEST_TMP/out.json" "$DB" "$NOTE" <<'EOF'
import json, sqlite3, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
db = sqlite3.connect(sys.argv[2])
assert doc["type"] == "AnnotationCollection" and doc["total"] == 2, doc
items = doc["first"]["items"]
assert len(items) == 2
for a in items:
    assert a["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert a["type"] == "Annotation" and a["id"].startswith("urn:uuid:")
    sel = {s["type"]: s for s in a["target"]["selector"]}
    pos, quote = sel["TextPositionSelector"], sel["TextQuoteSelector"]
    h = a["dossier:article"]["hash"]
    body, = db.execute("SELECT body FROM articles WHERE hash = ?", (h,)).fetchone()
    # Positions are characters (code points), as the W3C model counts them.
    assert body[pos["start"]:pos["end"]] == quote["exact"], (pos, quote)
    assert body[:pos["start"]].endswith(quote["prefix"]) and len(quote["prefix"]) <= 32
    assert body[pos["end"]:].startswith(quote["suffix"]) and len(quote["suffix"]) <= 32
first = next(a for a in items
             if any(s.get("exact") == "Lachin corridor" for s in a["target"]["selector"]))
tags = [b["value"] for b in first["body"] if b["purpose"] == "tagging"]
notes = [b["value"] for b in first["body"] if b["purpose"] == "commenting"]
assert tags == ["claim", "claim/unverified"], tags
assert notes == [sys.argv[3]], (notes, sys.argv[3])
assert first["dossier:status"] == "disputed"
EOF
tap_ok $? "JSON: W3C objects, both selectors in characters, tags and the note intact"

# --- export: CSV --------------------------------------------------------------------------------
d export --format csv -o "$TEST_TMP/out.csv"
py "$TEST_TMP/out.csv" "$NOTE" <<'EOF'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    raw = f.read()
assert raw.endswith("\r\n"), "records end with CRLF"
rows = list(csv.DictReader(raw.splitlines(keepends=True)))
assert len(rows) == 2, rows
r = next(r for r in rows if r["quote"] == "Lachin corridor")
assert r["note"] == sys.argv[2], (r["note"], sys.argv[2])
assert r["tags"] == "claim; claim/unverified" and r["status"] == "disputed"
assert r["id"].startswith("urn:uuid:") and r["state"] == "active"
assert list(rows[0].keys())[:6] == ["id", "article", "title", "start", "end", "quote"]
EOF
tap_ok $? "CSV: read back by Python's csv module, note with quotes and line breaks intact"

# --- export: Markdown ---------------------------------------------------------------------------
d export --format markdown >"$TEST_TMP/out.md"
grep -q '^# Annotations$' "$TEST_TMP/out.md" && grep -q '^## Lachin Corridor Talks' "$TEST_TMP/out.md" &&
	grep -q '^### claim$' "$TEST_TMP/out.md" && grep -q '^> Lachin corridor$' "$TEST_TMP/out.md" &&
	grep -q '^Status: disputed$' "$TEST_TMP/out.md"
tap_ok $? "Markdown: article, tag, quote and status"
[ "$(d export --format markdown --tag fact | grep -c '^> ')" -eq 1 ]; tap_ok $? "--tag filters the export"
err=$(d export --format yaml 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q "unknown format 'yaml'" <<<"$err"; tap_ok $? "unknown format: usage error"

# --- import-annotations ---------------------------------------------------------------------------
DB2="$TEST_TMP/b.db"
"$DOSSIER" --db "$DB2" tag >/dev/null
"$PYTHON3" "$FIXTURE" "$DB2" "$S1" "$S0" >/dev/null   # same articles, other ids
err=$("$DOSSIER" --db "$DB2" import-annotations "$TEST_TMP/out.json" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q "2 added, 0 updated, 0 unchanged, 0 refused" <<<"$err"
tap_ok $? "import into a database with the same articles ($err)"
"$DOSSIER" --db "$DB2" export --format json -o "$TEST_TMP/again.json"
py "$TEST_TMP/out.json" "$TEST_TMP/again.json" <<'EOF'
import json, sys
a = json.load(open(sys.argv[1]))["first"]["items"]
b = json.load(open(sys.argv[2]))["first"]["items"]
key = lambda x: x["id"]
assert sorted(a, key=key) == sorted(b, key=key), "annotations differ"
EOF
tap_ok $? "export -> import -> export gives the same annotations"
err=$("$DOSSIER" --db "$DB2" import-annotations "$TEST_TMP/out.json" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q "0 added, 0 updated, 2 unchanged" <<<"$err"
tap_ok $? "a second import duplicates nothing ($err)"
[ "$("$DOSSIER" --db "$DB2" annotations | wc -l)" -eq 2 ]; tap_ok $? "still two annotations"

DB3="$TEST_TMP/c.db"
"$DOSSIER" --db "$DB3" tag >/dev/null
"$PYTHON3" "$FIXTURE" "$DB3" "$S1" >/dev/null
err=$("$DOSSIER" --db "$DB3" import-annotations - <"$TEST_TMP/out.json" 2>&1); rc=$?
[ $rc -eq 3 ] && grep -q "urn:uuid:.*is not in this database" <<<"$err"
tap_ok $? "annotations of a missing article are refused by name, status 3"
printf '{"type": "Annotation", ' >"$TEST_TMP/bad.json"
err=$("$DOSSIER" --db "$DB3" import-annotations "$TEST_TMP/bad.json" 2>&1); rc=$?
[ $rc -eq 1 ] && [ "$(wc -l <<<"$err")" -eq 1 ] && grep -q "bad.json" <<<"$err"
tap_ok $? "malformed JSON: one line naming the file ($err)"
# SQLite 3.40 would take an object as a label and then read outside its parse.
printf '{"items": [{{"a": 1}: 0}]}' >"$TEST_TMP/label.json"
err=$("$DOSSIER" --db "$DB3" import-annotations "$TEST_TMP/label.json" 2>&1); rc=$?
[ $rc -eq 1 ] && [ "$(wc -l <<<"$err")" -eq 1 ] && grep -q "label.json: .*byte 13: an object's label" <<<"$err"
tap_ok $? "an object as a label: refused at its byte ($err)"

tap_done
