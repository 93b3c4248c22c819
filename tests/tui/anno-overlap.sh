#!/bin/bash
# tests/tui/anno-overlap.sh: where highlights overlap under the cursor,
# t, a, c and d say which one they take ("2 of 2 here") and o picks the
# next one, so d deletes the one named, the one t showed.
. "$top_srcdir/tests/tui/lib.sh"

ART="$TEST_TMP/talks.txt"
printf 'Talks in Moscow\n\nObservers expect another round of negotiations next month.\n' >"$ART"
"$DOSSIER" -q import "$ART" || echo "Bail out! import failed"
"$DOSSIER" annotate 1 --quote "Observers expect another round" --tag fact >/dev/null &&
	"$DOSSIER" annotate 1 --quote "Observers expect" --tag denial >/dev/null ||
	echo "Bail out! annotate failed"

tui_start -x 140 -y 24
tui_expect "the list shows the article" "Talks in Moscow"
tui_keys Enter
tui_expect "the article opens, the cursor on both highlights" " READ "
tui_keys t
tui_expect "t names the highlight it tags, and that there are two" \
	'highlight "Observers expect" (denial), 2 of 2 here (o: the next)'
tui_expect "its picker ticks that one's tag" "[x] n     denial"
tui_keys q
tui_wait_gone "Tags of this highlight" >/dev/null
tui_keys o
tui_expect "o picks the other" \
	'highlight "Observers expect another round" (fact), 1 of 2 here (o: the next)'
tui_keys t
tui_expect "t now takes it" "[x] f     fact"
tui_keys q
tui_wait_gone "Tags of this highlight" >/dev/null
tui_keys d
tui_expect "d deletes the one picked, and says which" \
	'highlight deleted (u undoes): "Observers expect another round" (fact), 1 of 2 here'
"$DOSSIER" annotations --state deleted | grep -q $'\tfact\tObservers expect another round\t'
tap_ok $? "the one deleted is the one named"
"$DOSSIER" annotations | grep -q $'\tdenial\tObservers expect\t'; tap_ok $? "the other is still there"
tui_keys o
tui_expect "with one left, o names it" 'highlight "Observers expect" (denial)'
tui_keys Q
tui_wait_exit >/dev/null
tap_done
