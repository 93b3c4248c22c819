#!/bin/bash
# tests/tui/export-format.sh: the reader's :export says which format it
# wrote and why: JSON by default for a name that is neither .csv nor .md
# (x.txt), CSV for a .csv name, and what --format asks for.
. "$top_srcdir/tests/tui/lib.sh"

printf 'Talks in Moscow\n\nThe foreign ministers met in Moscow on Tuesday. The minister said the corridor would reopen within a week.\n' >"$TEST_TMP/talks.txt"
{ "$DOSSIER" -q import "$TEST_TMP/talks.txt" &&
	"$DOSSIER" annotate 1 --quote "would reopen" --tag claim >/dev/null; } || echo "Bail out! set-up failed"

tui_start -x 160 -y 30
tui_expect "reader starts" "Talks in Moscow"

tui_keys ':'
tui_type "export x.txt"
tui_keys Enter
tui_expect ":export x.txt names JSON and why" \
	"exported 1 annotation to x.txt as W3C Web Annotation JSON (the default: the name ends neither in .csv nor in .md; --format chooses)"
head -c 1 "$TEST_TMP/x.txt" | grep -q '{'; tap_ok $? "x.txt holds JSON"

tui_keys ':'
tui_type "export notes.csv"
tui_keys Enter
tui_expect ":export notes.csv names CSV and why" "exported 1 annotation to notes.csv as CSV (the name ends in .csv)"

tui_keys ':'
tui_type "export y.txt --format markdown"
tui_keys Enter
tui_expect ":export --format names the option" "exported 1 annotation to y.txt as Markdown (--format)"
grep -q '^> would reopen$' "$TEST_TMP/y.txt"; tap_ok $? "y.txt holds Markdown"

tui_keys Q
tui_wait_exit >/dev/null
tap_done
