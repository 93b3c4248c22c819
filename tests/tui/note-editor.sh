#!/bin/bash
# tests/tui/note-editor.sh: the note in $VISUAL (A). The editor gets the
# note as a text file, ending in a newline, so a line the editor appends
# is a line of its own; the newline the editor leaves at the end is not
# kept as part of the note, and a note the editor leaves alone comes back
# exactly as it was.
. "$top_srcdir/tests/tui/lib.sh"

ART="$TEST_TMP/talks.txt"
printf 'Talks in Moscow\n\nThe foreign ministers met in Moscow on Tuesday. Officials in Baku did not comment.\n' >"$ART"
"$DOSSIER" -q import "$ART" || echo "Bail out! import failed"
"$DOSSIER" annotate 1 --quote "The foreign ministers" --note $'first line\nsecond line' >/dev/null ||
	echo "Bail out! annotate failed"
# The editor appends a line, as `echo ... >>` or a user typing at the end
# with a newline-terminated file does; with ED_KEEP it changes nothing.
cat >"$TEST_TMP/editor.sh" <<'SH'
#!/bin/sh
cp "$1" "$1.seen"
[ -n "${ED_KEEP:-}" ] || printf 'third line\n' >>"$1"
SH
chmod +x "$TEST_TMP/editor.sh"
note() {
	"$DOSSIER" annotations --json | "${PYTHON3:-python3}" -c '
import json, sys
print(repr([b["value"] for b in json.load(sys.stdin)[0]["body"] if b["purpose"] == "commenting"][0]))'
}

tui_start -x 100 -y 24 -e "VISUAL=$TEST_TMP/editor.sh" -e "TMPDIR=$TEST_TMP"
tui_expect "the list shows the article" "Talks in Moscow"
tui_keys Enter
tui_expect "the article opens" " READ "
tui_keys A
tui_expect "A saves what the editor wrote" "note saved"
seen=$(ls "$TEST_TMP"/dossier-note-*.txt.seen 2>/dev/null | head -n 1)
[ -n "$seen" ] && [ "$(tail -c 1 "$seen" | od -An -tx1 | tr -d ' ')" = 0a ]
tap_ok $? "the editor's file ends in a newline"
got=$(note)
[ "$got" = "'first line\\nsecond line\\nthird line'" ]
tap_ok $? "the appended line is a line of its own, and its newline is not kept (got $got)"
tui_keys Q
tui_wait_exit >/dev/null
tui_stop

rm -f "$TEST_TMP"/dossier-note-*.seen
tui_start -x 100 -y 24 -e "VISUAL=$TEST_TMP/editor.sh" -e "TMPDIR=$TEST_TMP" -e ED_KEEP=1
tui_expect "reopened" " READ "
tui_keys A
tui_expect "A with an editor that changes nothing says so" "note left as it was"
got=$(note)
[ "$got" = "'first line\\nsecond line\\nthird line'" ]
tap_ok $? "the note comes back exactly as it was (got $got)"
tui_keys Q
tui_wait_exit >/dev/null
tap_done
