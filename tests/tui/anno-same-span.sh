#!/bin/bash
# tests/tui/anno-same-span.sh: selecting words that are already
# highlighted (V on a tagged sentence, or v over exactly its words) and
# tagging or writing a note puts the tag or note on that highlight; no
# second highlight of the same words is made. A selection that only
# overlaps a highlight still makes its own.
. "$top_srcdir/tests/tui/lib.sh"

ART="$TEST_TMP/talks.txt"
printf 'Talks in Moscow\n\nThe foreign ministers met in Moscow on Tuesday. Officials in Baku did not comment.\n' >"$ART"
"$DOSSIER" -q import "$ART" || echo "Bail out! import failed"
rows() { "$DOSSIER" annotations | cut -f 3,5,6; }

tui_start -x 120 -y 24
tui_expect "the list shows the article" "Talks in Moscow"
tui_keys Enter
tui_expect "the article opens" " READ "
tui_keys V t c
tui_expect "V t c tags the sentence" "tagged claim"
tui_keys Enter
tui_wait_gone "Tags of this highlight" >/dev/null
tui_keys V t
tui_expect "V t again: the picker is the highlight's own" "Tags of this highlight"
tui_expect "with its tag ticked" "[x] c     claim"
tui_keys f
tui_expect "f adds a second tag" "tagged fact"
tui_keys Enter
tui_wait_gone "Tags of this highlight" >/dev/null
got=$(rows)
[ "$got" = $'0-47\tclaim,fact\tThe foreign ministers met in Moscow on Tuesday.' ]
tap_ok $? "one highlight with both tags (got: $(echo $got))"
tui_keys V a
tui_expect "V a on it: the note goes on the highlight" "Note"
tui_screen | grep -q "Note on a new highlight"; tap_ok $((! $?)) "not on a new one"
tui_type "checked"
tui_keys Escape
tui_expect "the note is saved" "note saved"
[ "$("$DOSSIER" annotations | wc -l)" -eq 1 ]; tap_ok $? "still one highlight"
# v e e: "The foreign", overlapping the sentence: a highlight of its own.
tui_keys v e w e t o
tui_expect "a selection inside it is tagged" "tagged opinion"
tui_keys Enter
[ "$("$DOSSIER" annotations | wc -l)" -eq 2 ]; tap_ok $? "a selection of other words makes its own"
tui_keys Q
tui_wait_exit >/dev/null
tap_done
