#!/bin/bash
# tests/cli/export-offsets.sh: character offsets in exports of a long
# article written in three scripts, where byte and character positions
# part early: what JSON and CSV say is what the text holds, on both sides
# of the blocks the exporter counts characters in, and importing the JSON
# into another database puts each highlight back on the same characters.
. "$top_srcdir/tests/tui/lib.sh"

: "${PYTHON3:=python3}"
[ -n "$PYTHON3" ] || PYTHON3=python3
DB="$TEST_TMP/a.db" DB2="$TEST_TMP/b.db" ART="$TEST_TMP/long.txt"
d() { "$DOSSIER" --db "$DB" "$@"; }

# About 60 KB: Latin, Armenian and Cyrillic sentences in turn, numbered so
# that no two are alike.
"$PYTHON3" - "$ART" <<'PY'
import sys
words = ["Lachin road talks resumed", "Լաչինի միջանցք բանակցություններ", "переговоры в Москве продолжились"]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("Offsets across blocks\n\n")
    for p in range(40):
        f.write(" ".join(f"{words[(p + i) % 3]} {p}-{i}." for i in range(12)) + "\n\n")
PY
d import --no-extract "$ART" >/dev/null; tap_ok $? "the long article imports"
ID=$(d list --json | "$PYTHON3" -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
# Spans at the start, straddling each 4096-byte edge (the blocks the
# exporter counts characters in) and at the end, in characters.
spans=$("$PYTHON3" - "$DB" "$ID" <<'PY'
import sqlite3, sys
body = sqlite3.connect(sys.argv[1]).execute("SELECT body FROM articles WHERE id = ?",
                                            (int(sys.argv[2]),)).fetchone()[0]
raw = body.encode("utf-8")
assert len(raw) > 4 * 4096 and len(raw) > len(body) * 1.3, "too short or too plain"
print(0, 7)
for edge in range(4096, len(raw), 4096):
    c = len(raw[:edge].decode("utf-8", "ignore"))
    print(c - 5, c + 5)
print(len(body) - 9, len(body))
PY
)
[ "$(wc -l <<<"$spans")" -ge 6 ]; tap_ok $? "spans across $(($(wc -l <<<"$spans") - 2)) block edges"
fails=0
while read -r s e; do
	d annotate "$ID" "$s" "$e" --tag fact >/dev/null || fails=$((fails + 1))
done <<<"$spans"
[ $fails -eq 0 ]; tap_ok $? "highlights made by character offsets"

d export --format json -o "$TEST_TMP/out.json" && d export --format csv -o "$TEST_TMP/out.csv"
tap_ok $? "exported as JSON and CSV"
"$PYTHON3" - "$DB" "$ID" "$TEST_TMP/out.json" "$TEST_TMP/out.csv" "$spans" <<'PY'
import csv, json, sqlite3, sys
db, art, jpath, cpath, spans = sys.argv[1:6]
body = sqlite3.connect(db).execute("SELECT body FROM articles WHERE id = ?", (int(art),)).fetchone()[0]
want = sorted(tuple(map(int, l.split())) for l in spans.splitlines())
got = []
for a in json.load(open(jpath, encoding="utf-8"))["first"]["items"]:
    sel = {s["type"]: s for s in a["target"]["selector"]}
    pos, quote = sel["TextPositionSelector"], sel["TextQuoteSelector"]
    assert body[pos["start"]:pos["end"]] == quote["exact"], (pos, quote)
    got.append((pos["start"], pos["end"]))
assert sorted(got) == want, (sorted(got), want)
with open(cpath, newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
assert sorted((int(r["start"]), int(r["end"])) for r in rows) == want, rows
for r in rows:
    assert body[int(r["start"]):int(r["end"])] == r["quote"], r
PY
tap_ok $? "JSON and CSV positions are the characters the quotes are at"

"$DOSSIER" --db "$DB2" import --no-extract "$ART" >/dev/null &&
	"$DOSSIER" --db "$DB2" import-annotations "$TEST_TMP/out.json" >/dev/null
tap_ok $? "the JSON imports into another database holding the same article"
"$DOSSIER" --db "$DB2" export --format json -o "$TEST_TMP/again.json"
"$PYTHON3" - "$TEST_TMP/out.json" "$TEST_TMP/again.json" <<'PY'
import json, sys
def spans(p):
    out = []
    for a in json.load(open(p, encoding="utf-8"))["first"]["items"]:
        sel = {s["type"]: s for s in a["target"]["selector"]}
        out.append((a["id"], sel["TextPositionSelector"]["start"], sel["TextPositionSelector"]["end"]))
    return sorted(out)
a, b = spans(sys.argv[1]), spans(sys.argv[2])
assert a == b, (a, b)
PY
tap_ok $? "re-exported from there: the same ids on the same characters"
tap_done
