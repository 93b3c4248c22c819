#!/bin/bash
# tests/tui/comments.sh: the reader comments kept apart at import follow
# the article, folded under a heading that says what they are; z unfolds
# and folds them. They are no part of the text: no statement is found in
# them and ]s does not go there.
. "$top_srcdir/tests/tui/lib.sh"

printf 'Talks this week\n\nThe foreign ministers met in Moscow on Tuesday. Sergey Lavrov said a peace treaty was close.\n\nOfficials in Baku did not comment.\n\n2 comments\nSergey Lavrov said nothing of the kind, wrote one reader.\n\nAnother reader thinks the talks were a waste of time.\n' >"$TEST_TMP/a.txt"
"$DOSSIER" -q import "$TEST_TMP/a.txt" || echo "Bail out! import failed"
"$DOSSIER" show --comments 1 | grep -q 'waste of time'; tap_ok $? "the comments are kept apart"
n=$("$DOSSIER" statements --json | grep -o '"id"' | wc -l)
[ "$n" -eq 1 ]; tap_ok $? "one statement: none from the comments ($n)"

tui_start -x 100 -y 16
tui_expect "the list shows the article" "Talks this week"
tui_keys Enter
tui_expect_screen "folded after the article, marked as comments" <<'SCREEN'
 List  1 article              │ Article  Talks this week                 │ Side  4 actors and agree…
 Talks this week              │ Talks this week                          │ People
                              │                                          │  Sergey Lavrov         1
                              │ The foreign ministers met in Moscow on   │ States
                              │ Tuesday. Sergey Lavrov said a peace      │  Azerbaijan            1
                              │ treaty was close.                        │  Russia                1
                              │                                          │ Agreements
                              │ Officials in Baku did not comment.       │  Armenia-Azerbaijan p… 1
                              │ ── Reader comments (not part of the      │
                              │ article): z unfolds                      │
                              │                                          │
                              │                                          │
                              │                                          │ Annotations (0)
                              │                                          │ v select, t tag, a note
 READ  para 1/2  0%
SCREEN
tui_type "]s"
tui_expect "]s: the article's one statement" "statement 1 of 1"
tui_type "]s"
tui_expect "]s again: none in the comments" "no statements after here"

tui_type "z"
tui_expect_screen "z unfolds them under their heading" <<'SCREEN'
 List  1 article              │ Article  Talks this week                 │ Side  4 actors and agree…
 Talks this week              │ ── Reader comments (not part of the      │ People
                              │ article): z folds                        │  Sergey Lavrov         1
                              │                                          │ States
                              │ Sergey Lavrov said nothing of the kind,  │  Azerbaijan            1
                              │ wrote one reader.                        │  Russia                1
                              │                                          │ Agreements
                              │ Another reader thinks the talks were a   │  Armenia-Azerbaijan p… 1
                              │ waste of time.                           │
                              │                                          │
                              │                                          │
                              │                                          │
                              │                                          │ Annotations (0)
                              │                                          │ v select, t tag, a note
 READ  para 1/2  37%  Sergey Lavrov says
reader comments unfolded: not part of the article (z folds them)
SCREEN
tui_type "z"
tui_expect "z folds them again" "reader comments folded"
tui_wait_gone "waste of time" >/dev/null; tap_ok $? "the comments are hidden again"
tui_expect "the article is back around the cursor" "Officials in Baku did not comment."

tui_keys Q
tui_wait_exit >/dev/null
tap_done
