#!/bin/bash
# tests/tui/cut-marks.sh: nothing is cut off without a sign, and popups
# keep their frames. At 40x10 the tag picker shows what fits of the
# codebook with a row saying how many more, and its keys inside the
# frame; the claim editor's actor choices stop above its keys, with how
# many more beside them. At 160 columns the help's columns are as wide as
# their texts. Whole screens.
. "$top_srcdir/tests/tui/lib.sh"

printf 'Talks in Moscow\n\nThe foreign ministers met in Moscow on Tuesday. Sergey Lavrov said a peace treaty was close.\n' >"$TEST_TMP/a.txt"
"$DOSSIER" -q import "$TEST_TMP/a.txt" || echo "Bail out! import failed"

tui_start -x 40 -y 10
tui_expect "the list shows the article" "Talks in Moscow"
tui_keys Enter
tui_type "]s"
tui_expect "on the statement" "statement 1 of 1"
tui_type "t"
tui_expect_screen "40x10: the tag picker: four tags, how many more, its keys in the frame" <<'SCREEN'
 ┌─ Tag ──────────────────────────────┐
 │ [ ] c     claim                    │
 │ [ ] n     denial                   │
 │ [ ] d     demand                   │
 │ [ ] a     accusation               │
 │ ↓ 4 more below (Down)              │
 │ key: tag  Enter: tag marked  Esc:… │
 └────────────────────────────────────┘
 TAG  para 1/1  52%  Sergey Lavrov sa…
statement 1 of 1
SCREEN
tui_keys Down Down Down Down Down
tui_expect_screen "40x10: the picker scrolled: more above and below" <<'SCREEN'
 ┌─ Tag ──────────────────────────────┐
 │ [ ] d     demand                   │
 │ [ ] a     accusation               │
 │ [ ] p     proposal                 │
 │ [ ] m     commitment               │
 │ ↕ 2 more above, 2 below            │
 │ key: tag  Enter: tag marked  Esc:… │
 └────────────────────────────────────┘
 TAG  para 1/1  52%  Sergey Lavrov sa…
SCREEN
tui_keys Escape
tui_type "V"
tui_type "t"
tui_type "c"
tui_expect "tagged claim" "tagged claim"
tui_keys Tab
tui_expect_screen "40x10: the claim editor: choices above its keys, how many more" <<'SCREEN'
 L┌─ Claim ──────────────────────────┐
 T│ Speaker   Sergey Lavrov          │
  │ Target    (none)                 │
 T│ Status    < unverified >         │n
 T│           Russia (state)         │
 t│ ↓6 more   Sergey Lavrov (perso…  │
  │ type to find  Tab: next  Enter:… │
  └──────────────────────────────────┘
 CLAIM  para 1/1  100%  Sergey Lavrov…
tagged claim (Tab, or c later: its spea…
SCREEN
tui_keys Escape
tui_stop

tui_start -x 160 -y 45
tui_expect "the list shows the article" "Talks in Moscow"
tui_keys F1
tui_expect "the help" "Help  keys and commands"
tui_keys G
tui_expect "the help's end" ":export"
tui_screen | grep -q ':export  *\[--format F\] \[--tag T\] \[--article ID\] \[--all\] FILE  *export annotations'
tap_ok $? "160 columns: the :export line whole"
tui_screen | grep -q ':tag  *add NAME .*… *edit the codebook'"'"'s tags'
tap_ok $? "... the longer :tag line cut with a mark, its help whole"
tui_keys Q
tui_wait_exit >/dev/null
tap_done
