#!/bin/bash
# tests/tui/anno-count.sh: ]a and [a say where they are: "annotation 2
# of 3" (two highlights starting at one place are one stop).
. "$top_srcdir/tests/tui/lib.sh"

printf 'Talks in Moscow\n\nThe foreign ministers met in Moscow on Tuesday. Officials in Baku did not comment. Diplomats said a peace treaty was close.\n' >"$TEST_TMP/a.txt"
"$DOSSIER" -q import "$TEST_TMP/a.txt" || echo "Bail out! import failed"
{ "$DOSSIER" annotate 1 --quote "ministers met" --tag fact &&
	"$DOSSIER" annotate 1 --quote "Officials in Baku" --tag claim &&
	"$DOSSIER" annotate 1 --quote "Officials" --tag denial &&
	"$DOSSIER" annotate 1 --quote "peace treaty" --tag claim; } >/dev/null || echo "Bail out! annotate failed"

tui_start -x 120 -y 20
tui_expect "the list shows the article" "Talks in Moscow"
tui_keys Enter
tui_expect "it opens" " READ "
tui_type "]a"
tui_expect "]a: the first of three stops" "annotation 1 of 3"
tui_type "]a"
tui_expect "]a: the second" "annotation 2 of 3"
tui_type "]a"
tui_expect "]a: the third" "annotation 3 of 3"
tui_type "[a"
tui_expect "[a: back to the second" "annotation 2 of 3"
tui_keys Q
tui_wait_exit >/dev/null
tap_done
