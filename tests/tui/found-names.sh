#!/bin/bash
# tests/tui/found-names.sh: names the knowledge base does not know, found
# from the words around them, show in the side pane under Found in their
# own style; + adds one to the user's knowledge base, - hides one.
. "$top_srcdir/tests/tui/lib.sh"

printf 'Talks in Varnholt\n\nForeign Minister Tamsin Holloway arrived on Monday. Holloway said the talks would last two days. Fighting went on near the city of Pellham.\n' >"$TEST_TMP/a.txt"
"$DOSSIER" -q import "$TEST_TMP/a.txt" || echo "Bail out! import failed"

tui_start -x 110 -y 24
tui_expect "the list shows the article" "Talks in Varnholt"
tui_keys Enter
tui_expect "it opens" " READ "
tui_keys Tab
tui_expect "Tab focuses the side pane" " SIDE "
tui_expect "found names have a heading of their own" "Found (+ adds, - hides)"
tui_expect "a found person, with its kind" "Tamsin Holloway (person)"
tui_expect "a found place, with its kind" "Pellham (place)"
tui_expect_sgr "drawn in the side-found style (italic, colour 180)" '\[3m.\[38;5;180mPellham \(place\)'
tui_keys +
tui_expect "+ adds the found person to the knowledge base" "Tamsin Holloway (person): added to your knowledge base"
tui_expect "it is listed among the people now" "People"
"$DOSSIER" kb export 2>/dev/null | grep -q 'Tamsin Holloway'
tap_ok $? "kb export: the promoted person is the user's"
tui_keys j
tui_keys -
tui_expect "- hides the found place" "Pellham (place): hidden"
tui_wait_gone "Found (+ adds" >/dev/null
tap_ok $? "nothing is left under Found"
"$DOSSIER" actors --candidates 1 2>/dev/null | grep -q Pellham
[ $? -ne 0 ]
tap_ok $? "the hidden place is no longer a found name of the article"
tui_keys g +
tui_expect "+ on a known name says what it acts on" "+ acts on a name under Found in the side pane"
tui_keys Q
tui_wait_exit >/dev/null
tap_done
