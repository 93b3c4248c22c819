#!/bin/bash
# tests/tui/related-pane.sh: r heads the side pane with the statement the
# results are related to (who said it and its words, cut with a mark when
# longer than the lines shown), and each related statement shows its
# article's date. Whole screens, at 160 columns and at 100.
. "$top_srcdir/tests/tui/lib.sh"

printf 'Corridor talks\n\nThe ministers met in Moscow on Tuesday. Sergey Lavrov said the Lachin corridor must reopen for civilian traffic under Russian peacekeepers, and that the blockade had to end within days.\n' >"$TEST_TMP/a.txt"
printf 'Blockade goes on\n\nOfficials in Baku did not comment. Sergey Lavrov said on Friday that the Lachin corridor must reopen for civilian traffic and the blockade end.\n' >"$TEST_TMP/b.txt"
printf 'Third\n\nArarat Mirzoyan said the Lachin corridor blockade was a humanitarian crisis for civilian traffic.\n' >"$TEST_TMP/c.txt"
"$DOSSIER" -q import "$TEST_TMP/a.txt" "$TEST_TMP/b.txt" "$TEST_TMP/c.txt" || echo "Bail out! import failed"
# Plain text carries no date: give the articles theirs.
"${PYTHON3:-python3}" - "$DOSSIER_DB" <<'PY' || echo "Bail out! dates not set"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for i, d in ((1, "2026-03-20"), (2, "2026-03-24"), (3, "2026-03-25")):
    db.execute("UPDATE articles SET published = ? WHERE id = ?", (d, i))
db.commit()
PY

tui_start -x 160 -y 14
tui_expect "the list shows the articles" "Corridor talks"
tui_keys G Enter
tui_expect "Corridor talks opens" "Article  Corridor talks"
tui_type "]s"
tui_expect "the cursor on Lavrov's statement" "Sergey Lavrov says"
tui_type "r"
tui_expect_screen "160 columns: headed by the statement, dated rows" <<'SCREEN'
 List  3 articles                               │ Article  Corridor talks                                              │ Side  4 actors and agreements
 Third                                          │ Corridor talks                                                       │ Related to what Sergey Lavrov said:
  2026-03-25                                    │ 2026-03-20                                                           │    Sergey Lavrov said the Lachin
 Blockade goes on                               │                                                                      │    corridor must reopen for civilian…
  2026-03-24                                    │ The ministers met in Moscow on Tuesday. Sergey Lavrov said the       │  2026-03-24  Sergey Lavrov | Blockade…
 Corridor talks                                 │ Lachin corridor must reopen for civilian traffic under Russian       │    Sergey Lavrov said on Friday that
  2026-03-20                                    │ peacekeepers, and that the blockade had to end within days.          │    the Lachin corridor must reopen fo…
                                                │                                                                      │  2026-03-25  Ararat Mirzoyan | Third
                                                │                                                                      │    Ararat Mirzoyan said the Lachin
                                                │                                                                      │    corridor blockade was a…
                                                │                                                                      │ Annotations (0)
                                                │                                                                      │ v select, t tag, a note
 SIDE  result 1/2  Sergey Lavrov says
2 related statements; Enter jumps, Ctrl-o comes back
SCREEN
tui_resize 100 14
tui_expect_screen "100 columns: what does not fit ends in a mark" <<'SCREEN'
 List  3 articles             │ Article  Corridor talks                  │ Side  4 actors and agree…
 Third                        │ Corridor talks                           │ Related to what Sergey …
  2026-03-25                  │ 2026-03-20                               │    Sergey Lavrov said
 Blockade goes on             │                                          │    the Lachin corridor…
  2026-03-24                  │ The ministers met in Moscow on Tuesday.  │  2026-03-24  Sergey Lav…
 Corridor talks               │ Sergey Lavrov said the Lachin corridor   │    Sergey Lavrov said on
  2026-03-20                  │ must reopen for civilian traffic under   │    Friday that the…
                              │ Russian peacekeepers, and that the       │  2026-03-25  Ararat Mir…
                              │ blockade had to end within days.         │    Ararat Mirzoyan said
                              │                                          │    the Lachin corridor…
                              │                                          │ Annotations (0)
                              │                                          │ v select, t tag, a note
 SIDE  result 1/2  Sergey Lavrov says
2 related statements; Enter jumps, Ctrl-o comes back
SCREEN
tui_keys Q
tui_wait_exit >/dev/null
tap_done
