#!/bin/bash
# tests/tui/other-writers.sh: what another program writes while the
# reader is open (an import, `dossier annotate`) is seen without a key
# (PRAGMA data_version, looked at between keys and while waiting for
# one), and the cursors stay: the list's on its article, the article's
# at its place. Ctrl-l reads again too.
. "$top_srcdir/tests/tui/lib.sh"

printf 'Talks in Moscow\n\nThe foreign ministers met in Moscow on Tuesday. Officials in Baku did not comment. Sergey Lavrov said a peace treaty was close.\n' >"$TEST_TMP/a.txt"
printf 'Border talks\n\nArmenia and Azerbaijan agreed on the border. Nikol Pashinyan said the work would go on.\n' >"$TEST_TMP/b.txt"
printf 'Third text\n\nA third text about Moscow.\n' >"$TEST_TMP/c.txt"
"$DOSSIER" -q import "$TEST_TMP/a.txt" "$TEST_TMP/b.txt" || echo "Bail out! import failed"

tui_start -x 120 -y 20
tui_expect "the list counts two" "List  2 articles"
tui_keys j
tui_expect "the list's selection on the second row" " LIST  2/2"
tui_keys Enter
tui_expect "Talks in Moscow opens" "Article  Talks in Moscow"
tui_expect "no annotation yet" "Annotations (0)"
tui_type "]s"
tui_expect "the cursor on Lavrov's statement" "Sergey Lavrov says"

"$DOSSIER" annotate 1 --quote "Officials in Baku" --tag claim >/dev/null || echo "Bail out! annotate failed"
tui_expect "another program's annotation is seen without a key" "Annotations (1)"
tui_expect "...with its quote in the side pane" "claim  \"Officials in Baku\""
tui_expect "...and the list's count" "Talks in Moscow                  1"
tui_expect "the article's cursor stayed on the statement" "Sergey Lavrov says"

"$DOSSIER" -q import "$TEST_TMP/c.txt" || echo "Bail out! import failed"
tui_expect "another program's import is seen without a key" "List  3 articles"
tui_expect "the new article is listed" " Third text"
tui_keys Tab Tab
tui_expect "the list's selection stayed on its article (now the third row)" " LIST  3/3"

"$DOSSIER" annotate 1 --quote "peace treaty" --tag fact >/dev/null || echo "Bail out! annotate failed"
tui_keys C-l
tui_expect "Ctrl-l: the second annotation" "Annotations (2)"
tui_expect "Ctrl-l: the selection still on its article" " LIST  3/3"

tui_keys Q
tui_wait_exit >/dev/null
tap_done
