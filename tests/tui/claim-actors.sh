#!/bin/bash
# tests/tui/claim-actors.sh: the claim editor (c) suggests the article's
# own actors first, the most mentioned first, before the rest of the
# knowledge base by name.
. "$top_srcdir/tests/tui/lib.sh"

printf 'Talks in Moscow\n\nObservers expect another round. Jeyhun Bayramov said a peace treaty was close, and Bayramov met Ararat Mirzoyan.\n' >"$TEST_TMP/a.txt"
"$DOSSIER" -q import "$TEST_TMP/a.txt" || echo "Bail out! import failed"

tui_start -x 100 -y 20
tui_expect "the list shows the article" "Talks in Moscow"
tui_keys Enter
tui_expect "it opens" " READ "
tui_keys V t c
tui_expect "the sentence is tagged claim" "tagged claim"
tui_keys q c
tui_expect "c opens the claim editor" "Speaker"
choices=$(tui_screen | grep -oE '│ +[^│(]+ \((person|state|organization)\)' | sed 's/^│ *//' | head -n 3)
[ "$(printf '%s
' "$choices" | head -n 2)" = $'Jeyhun Bayramov (person)
Ararat Mirzoyan (person)' ]
tap_ok $? "the article's actors come first, the most mentioned first (got: $(echo $choices))"
tui_keys Escape
tui_keys Q
tui_wait_exit >/dev/null
tap_done
