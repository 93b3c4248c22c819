#!/bin/bash
# tests/tui/anno-browser.sh: the annotation browser (M) in columns: tags,
# the article's title (cut with "…" when long, never running into the
# quote), then the quote, its speaker, note and coder, aligned on every
# row, the last cut with "…" where it does not fit;
# Ctrl-u clears the filter as on a shell's line.
. "$top_srcdir/tests/tui/lib.sh"

printf 'Talks in Moscow between the foreign ministers of Armenia and Azerbaijan end without a date\n\nObservers expect another round of negotiations next month. Diplomats said a peace treaty was close.\n' >"$TEST_TMP/a.txt"
printf 'Short\n\nThe minister said the corridor would reopen.\n' >"$TEST_TMP/b.txt"
"$DOSSIER" -q import "$TEST_TMP/a.txt" "$TEST_TMP/b.txt" || echo "Bail out! import failed"
# Each row names its coder: one named here, not the login running the test.
mkdir -p "$XDG_CONFIG_HOME/dossier" && echo "set coder ana" >"$XDG_CONFIG_HOME/dossier/config"
a=$("$DOSSIER" list | awk '/Talks in Moscow/ { print $1 }')
b=$("$DOSSIER" list | awk '/Short/ { print $1 }')
{ "$DOSSIER" annotate "$a" --quote "Observers expect another round" --tag fact --tag claim --note check &&
	"$DOSSIER" annotate "$a" --quote "Diplomats said" &&
	"$DOSSIER" annotate "$b" --quote "the corridor would reopen" --tag demand; } >/dev/null ||
	echo "Bail out! annotate failed"

tui_start -x 100 -y 14
tui_expect "started" " LIST "
tui_keys M
tui_expect_screen "the browser's columns are aligned and the long title is cut with a mark" <<'SCREEN'
 ┌─ Annotations ──────────────────────────────────────────────────────────────────────────────────┐
 │ filter: _                                                                                      │
 │ 3 annotations   words, tag:, speaker:, coder:, status:, state:   Enter: open   Esc: close      │
 │                                                                                                │
 │ claim,fact        Talks in Moscow between the f…  "Observers expect another round"  check  — … │
 │ -                 Talks in Moscow between the f…  "Diplomats said"  — ana                      │
 │ demand            Short                           "the corridor would reopen"  — ana           │
 │                                                                                                │
 │                                                                                                │
 │                                                                                                │
 │                                                                                                │
 └────────────────────────────────────────────────────────────────────────────────────────────────┘
 ANNOTATIONS  1/2 0%
SCREEN
tui_type corr
tui_expect "a filter narrows the list" "1 annotation "
tui_keys C-u
tui_expect "Ctrl-u clears the filter" "3 annotations"
tui_expect "and the filter line is empty" "filter: _ "
tui_keys Escape
tui_keys Q
tui_wait_exit >/dev/null
tap_done
