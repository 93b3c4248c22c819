#!/bin/bash
# tests/tui/timeline.sh: an actor's timeline in the reader. The seed
# articles dated by month; `:timeline NAME` shows the statements under a
# heading for each month with their number (the same as `dossier report
# timeline --chart --csv` counts) and a bar, each with its tags; Enter
# goes to the statement in its article, Ctrl-o comes back to where the
# reader was; T opens the timeline of the actor under the cursor.
. "$top_srcdir/tests/tui/lib.sh"

SEEDS="$SEEDS_DIR/seeds"
[ -d "$SEEDS" ] || { echo "Bail out! seed corpus missing: $SEEDS"; exit 1; }
d() { "$DOSSIER" "$@"; }
d -q import "$SEEDS"/00[0-4]_*.txt >/dev/null 2>&1 || echo "Bail out! import failed"
"${PYTHON3:-python3}" - "$DOSSIER_DB" <<'PY' || echo "Bail out! dating failed"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for i, d in enumerate(["2023-01-10", "2023-01-25", "2023-02-28", "2023-03-02", "2023-03-21"], 1):
    db.execute("UPDATE articles SET published = ? WHERE id = ?", (d, i))
db.commit()
PY
d annotate 3 --quote "The setting up of any checkpoint there is not envisioned" --tag denial \
	--speaker "Sergey Lavrov" >/dev/null || echo "Bail out! annotate failed"
# The months and their statements, as the command counts them.
months=$(d report timeline --by "Sergey Lavrov" --chart --csv | tr -d '\r' | tail -n +2 | cut -d, -f1,2)
[ -n "$months" ] || echo "Bail out! no timeline"
total=$(cut -d, -f2 <<<"$months" | paste -sd+ | bc)
# The statement carrying the tag: its first words, as the timeline shows them.
denial=$(d report timeline --by "Sergey Lavrov" --tag denial --csv | tr -d '\r' | tail -n +2)
[ "$(wc -l <<<"$denial")" -eq 1 ] || echo "Bail out! one denial expected"

tui_start -x 110 -y 30
tui_expect "started" " LIST "
# Reading the newest article (5, March): the place Ctrl-o comes back to.
tui_keys Enter
tui_expect "an article is open" " READ "
here=$(tui_screen | sed -n 1p)
tui_keys :
tui_type "timeline Sergey Lavrov"
tui_keys Enter
tui_expect "the timeline of an actor" "Timeline: Sergey Lavrov"
tui_expect "with the number of statements" "$total statements"
ok=0
while IFS=, read -r m n; do
	tui_screen | grep -Eq "│ $m  [█▏▎▍▌▋▊▉]+ $n +│" || { ok=1; tap_diag "month $m: $n not shown"; }
done <<<"$months"
tap_ok $ok "a heading a month, with a bar and its statements: $(tr '\n' ' ' <<<"$months")"
first=$(head -1 <<<"$months" | cut -d, -f1)
tui_screen | sed -n 3p | grep -q "│ $first  "; tap_ok $? "the oldest month first"
tui_expect "a statement shows its tags" "Sergey Lavrov [denial]"
# The cursor starts on the first statement (headings are passed over):
# j once for each statement shown above the tagged one (rows indented
# under a heading are statements), which is in article 3.
screen=$(tui_screen)
row=$(grep -n "Sergey Lavrov \[denial\]" <<<"$screen" | head -1 | cut -d: -f1)
steps=$(head -n $((row - 1)) <<<"$screen" | grep -c '^ │   [0-9-]')
for _ in $(seq 1 "$steps"); do tui_keys j; done
tui_keys Enter
tui_expect "Enter goes to the statement, in its article" "Article  Russian Foreign Minister Sergey Lavro"
tui_expect "the cursor is on it: the status names its speaker" "Sergey Lavrov says"
tui_wait_gone "Timeline:" 5
tui_keys C-o
tui_wait "$here" 10
[ "$(tui_screen | sed -n 1p)" = "$here" ]; tap_ok $? "Ctrl-o comes back to the article read before"
# T: the actor under the cursor, else the statement's speaker.
tui_keys C-y
tui_expect "Ctrl-y goes forward to the statement again" "Sergey Lavrov says"
tui_keys T
tui_expect "T opens the timeline of the statement's speaker" "Timeline: Sergey Lavrov"
tui_keys Escape
tui_wait_gone "Timeline:" 5
tui_keys :
tui_type "timeline Nobody At All"
tui_keys Enter
tui_expect "an unknown name is a one-line error" "no actor or agreement called 'Nobody At All'"
tui_keys Q
tui_wait_exit >/dev/null
tap_done
