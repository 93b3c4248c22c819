#!/bin/bash
# tests/tui/layout.sh: whole screens where the layout is the point: the
# three panes side by side, the tag picker over them, one pane at a time
# with tabs on a narrow terminal, the side pane's rows and its selection;
# then / n N finding rows in the side pane.
# A character out of place anywhere fails the test.
. "$top_srcdir/tests/tui/lib.sh"

ART="$TEST_TMP/talks.txt"
# (Its title names no actor: the side pane counts the body's mentions alone.)
cat >"$ART" <<'TXT'
Talks this week

The foreign ministers met in Moscow on Tuesday. The minister said the corridor would reopen within a week. Officials in Baku did not comment on the talks.

Observers expect another round of negotiations next month.
TXT
"$DOSSIER" -q import "$ART" || echo "Bail out! import failed"

tui_start -x 100 -y 14
tui_expect_screen "the first screen: the list, no article, no side" <<'SCREEN'
 List  1 article              │ Article                                  │ Side
 Talks this week              │ No article open. Choose one in the list a│ No article open.
                              │                                          │
                              │                                          │
                              │                                          │
                              │                                          │
                              │                                          │
                              │                                          │
                              │                                          │
                              │                                          │
                              │                                          │
                              │                                          │
 LIST  1/1 100%
SCREEN

tui_keys Enter
tui_expect_screen "three panes: the list, the article wrapped, its actors" <<'SCREEN'
 List  1 article              │ Article  Talks this week                 │ Side  2 actors and agree…
 Talks this week              │ Talks this week                          │ States
                              │                                          │  Azerbaijan            1
                              │ The foreign ministers met in Moscow on   │  Russia                1
                              │ Tuesday. The minister said the corridor  │
                              │ would reopen within a week. Officials in │
                              │ Baku did not comment on the talks.       │
                              │                                          │
                              │ Observers expect another round of        │
                              │ negotiations next month.                 │
                              │                                          │ Annotations (0)
                              │                                          │ v select, t tag, a note
 READ  para 1/2  0%
SCREEN

tui_keys V t
tui_expect_screen "the tag picker over the panes" <<'SCREEN'
 List  1 article            ┌─ Tag ────────────────────────────────────┐ │ Side  2 actors and agree…
 Talks this week            │ [ ] c     claim                          │ │ States
                            │ [ ] n     denial                         │ │  Azerbaijan            1
                            │ [ ] d     demand                         │ │  Russia                1
                            │ [ ] a     accusation                     │ │
                            │ [ ] p     proposal                       │ │
                            │ [ ] m     commitment                     │ │
                            │ [ ] f     fact                           │ │
                            │ [ ] o     opinion                        │ │
                            │ something presented as true              │ │
                            │ key: tag  Enter: tag marked  Esc: cancel │ │ Annotations (0)
                            └──────────────────────────────────────────┘ │ v select, t tag, a note
 TAG  para 1/2  21%
SCREEN

tui_keys c
tui_expect_screen "c ticks claim; the side pane lists the highlight" <<'SCREEN'
 List  1 article            ┌─ Tags of this highlight ─────────────────┐ │ Side  2 actors and agree…
 Talks this week            │ [x] c     claim                          │ │ States
                            │ [ ] n     denial                         │ │  Azerbaijan            1
                            │ [ ] d     demand                         │ │  Russia                1
                            │ [ ] a     accusation                     │ │
                            │ [ ] p     proposal                       │ │
                            │ [ ] m     commitment                     │ │
                            │ [ ] f     fact                           │ │
                            │ [ ] o     opinion                        │ │
                            │ something presented as true              │ │
                            │ key: add/remove  Enter: done  Tab: claim │ │ Annotations (1)
                            └──────────────────────────────────────────┘ │   claim  "The foreign m…
 TAG  para 1/2  21%
tagged claim (Tab, or c later: its speaker, target and status)
SCREEN

tui_keys Escape
tui_resize 60 14
tui_expect_screen "60 columns: one pane, the others as tabs" <<'SCREEN'
 List  Article  Side  Talks this week
 Talks this week

 The foreign ministers met in Moscow on Tuesday. The
 minister said the corridor would reopen within a week.
 Officials in Baku did not comment on the talks.

 Observers expect another round of negotiations next month.




 READ  para 1/2  21%
tagged claim (Tab, or c later: its speaker, target and stat…
SCREEN

tui_keys Tab
tui_expect_screen "Tab shows the side pane, its first actor selected" <<'SCREEN'
 List  Article  Side  2 actors and agreements
 States
  Azerbaijan                                              1
  Russia                                                  1






 Annotations (1)
   claim  "The foreign ministers met in Moscow on Tuesday."
 SIDE  Azerbaijan
SCREEN

tui_keys j
tui_expect_screen "j moves the selection to the next actor" <<'SCREEN'
 List  Article  Side  2 actors and agreements
 States
  Azerbaijan                                              1
  Russia                                                  1






 Annotations (1)
   claim  "The foreign ministers met in Moscow on Tuesday."
 SIDE  Russia
SCREEN

# / in the side pane finds rows by their words (the view base's search).
tui_keys /
tui_type "azer"
tui_keys Enter
tui_expect "/ in the side pane finds the row, round from the end" " SIDE  Azerbaijan"
tui_expect "and says what it looked for" "/azer"
tui_keys /
tui_type "RUSS"
tui_keys Enter
tui_expect "in any case" " SIDE  Russia"
tui_keys n
tui_expect "n goes on, round to the same row, the only one" " SIDE  Russia"
tui_keys /
tui_type "a"
tui_keys Enter
tui_expect "/a: the next row with an a, round from the end" " SIDE  Azerbaijan"
tui_keys N
tui_expect "N goes back, round to the last row" " SIDE  Russia"
tui_expect "and says so" "?a"
tui_keys /
tui_type "nowhere"
tui_keys Enter
tui_expect "words no row holds are said" "not found: nowhere"
tui_expect "and the selection stays" " SIDE  Russia"

tui_keys Q
st=$(tui_wait_exit)
[ "$st" = 0 ]; tap_ok $? "quits (status $st)"
tap_done
