#!/bin/bash
# tests/tui/report-view.sh: the reports in the reader (:report, %). The
# seed articles coded as tests/cli/report.sh codes them, so the counts
# are those worked out there by hand; here each count opens exactly the
# highlights it counts (an exact tag, a speaker, a month), Enter on one
# opens its article, % comes back to the report where it was, Esc goes
# back from the segments to the report. A matrix is a heat map whose
# legend says what each shade stands for; without a UTF-8 locale the
# shades are ASCII. A co-occurrence's pair and a tag x agreement cell,
# counts the store makes from positions, open their highlights too: those
# of either tag on the sentences the pair shares (or the overlapping
# pair), those whose sentence names the agreement.
. "$top_srcdir/tests/tui/lib.sh"

SEEDS="$SEEDS_DIR/seeds"
[ -d "$SEEDS" ] || { echo "Bail out! seed corpus missing: $SEEDS"; exit 1; }
d() { "$DOSSIER" "$@"; }
d -q import "$SEEDS"/00[0-4]_*.txt >/dev/null 2>&1 || echo "Bail out! import failed"
"${PYTHON3:-python3}" - "$DOSSIER_DB" <<'PY' || echo "Bail out! dating failed"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for i, d in enumerate(["2023-01-10", "2023-01-25", "2023-02-28", "2023-03-02", "2023-03-21"], 1):
    db.execute("UPDATE articles SET published = ?, outlet = ? WHERE id = ?",
               (d, "Outlet " + ("A" if i % 2 else "B"), i))
db.commit()
PY
a() { d annotate "$@" >/dev/null || echo "Bail out! annotate $*"; }
a 3 --quote "there would not be checkpoints on the Lachin Corridor" --tag claim \
	--speaker "Sergey Lavrov"
a 3 --quote "in strict conformity with the November 9, 2020 agreement" --tag claim --tag fact \
	--speaker "Sergey Lavrov"
a 3 --quote "traffic through the Lachin corridor must be regulated" --tag demand \
	--speaker "Sergey Lavrov"
a 3 --quote "The setting up of any checkpoint there is not envisioned" --tag denial \
	--speaker "Sergey Lavrov"
a 3 --quote "strict conformity" --tag claim/unverified --speaker "Sergey Lavrov"
a 5 --quote "called on Armenia’s allies" --tag demand --speaker "Ararat Mirzoyan"
a 5 --quote "is ready to assist Armenia and Azerbaijan" --tag commitment --speaker "Sergey Lavrov"
a 4 --quote "do not align with the Declaration" --tag accusation --speaker Azerbaijan
a 1 --quote "Lachin corridor" --tag claim --speaker "Sergey Lavrov"
gone=$(d annotate 2 --quote "Lachin" --tag claim --speaker "Sergey Lavrov" | cut -f1)
d delete-annotation "$gone" >/dev/null || echo "Bail out! delete failed"

# The rows of the popup that show a quote: the segments listed.
quotes() { tui_screen | grep -c '^ │ #[0-9].*"'; }
# Esc back from the segments, Esc again to close: each waited for, as
# Esc and the next key too close together read as Alt and that key.
close_report() {
	tui_keys Escape
	tui_wait_gone "back to the report" 5
	tui_keys Escape
	tui_wait_gone "Report:" 5
}

tui_start -x 110 -y 20
tui_expect "started" " LIST "

# --- a matrix: a heat map whose cells open their segments -----------------------
tui_keys :
tui_type "report matrix speaker"
tui_keys Enter
tui_expect "the matrix opens on its first cell, with the count" "claim x Sergey Lavrov: 3"
tui_expect "its legend says which counts each shade stands for" "▒▒ 1  ▓▓ 2  ██ 3"
tui_expect "a row is a speaker's cells shaded by their count" \
	"Ararat Mirzoyan              ▒▒▒▒▒▒"
tui_keys l
tui_expect "l selects the next cell" "denial x Sergey Lavrov: 1"
tui_keys Enter
tui_expect "Enter lists the segments behind the cell" "1 segment: denial x Sergey Lavrov"
tui_expect "...the one highlight it counts" '"The setting up of any checkpoint there is not'
[ "$(quotes)" -eq 1 ]; tap_ok $? "one row for a count of 1"
tui_keys Escape
tui_expect "Esc goes back to the report, on the same cell" "denial x Sergey Lavrov: 1"
tui_keys h Enter
tui_expect "claim x Sergey Lavrov: three segments" "3 segments: claim x Sergey Lavrov"
sleep 0.3
n=$(quotes)
# Four live claims would be five with claim/unverified, and six with the
# deleted one: the cell counts its own tag's live highlights only.
[ "$n" -eq 3 ]; tap_ok $? "three rows: not the nested tag's, not the deleted one ($n)"
tui_expect "in article order: article 1's first" '#1      "Lachin corridor" (Sergey Lavrov)'

# --- a segment opens its article; % comes back --------------------------------------
tui_keys Enter
tui_expect "Enter on a segment opens its article" "Article  Lachin Corridor Talks"
tui_wait_gone "Report: matrix" 5
! tui_screen | grep -q "Report: matrix"; tap_ok $? "and the popup is gone"
tui_keys %
tui_expect "% comes back to the segments where they were" "3 segments: claim x Sergey Lavrov"
tui_keys Escape
tui_expect "and back to the report" "claim x Sergey Lavrov: 3"
tui_keys Escape
tui_wait_gone "Report: matrix" 5
! tui_screen | grep -q "Report: matrix"; tap_ok $? "Esc closes the report"

# --- frequencies: bars; a row opens what it counts -----------------------------------
tui_keys :
tui_type "report frequency"
tui_keys Enter
tui_expect "a frequency: one row a tag, most used first, in the tag's colour" \
	"│ claim            ██████"
b3=$(tui_screen | grep '│ claim  ' | grep -o '█' | wc -l)
b1=$(tui_screen | grep '│ denial  ' | grep -o '█' | wc -l)
# 3 against 1: the bars share one scale (1's bar ends in an eighth).
[ "$b3" -gt 0 ] && [ $((b1 * 3)) -le "$b3" ] && [ $(((b1 + 1) * 3)) -gt "$b3" ]
tap_ok $? "one scale: claim's bar ($b3 cells) is three times denial's ($b1 and a part)"
# The theme gives demand a background (a highlight's); its bar's blocks
# are drawn in that colour.
demand=$(awk '$1 == "color" && $2 == "tag-demand" { print $4 }' "$top_srcdir/themes/default.theme")
tui_expect_sgr "a bar is drawn in its tag's colour from the theme ($demand)" \
	"demand.*38;5;${demand}m█"
tui_expect "an unused tag has no bar" "│ opinion                                                                                      0        0"
tui_keys Enter
tui_expect "the tag's row opens its own highlights, not the nested tag's" "3 segments: claim"
close_report
tui_keys :
tui_type "report frequency --per month"
tui_keys Enter
tui_expect "per month: the first row" "│ accusation       2023-03 ███"
tui_keys j j Enter
tui_expect "a month's row opens the highlights of that month's articles" \
	"2 segments: claim x 2023-02"
[ "$(quotes)" -eq 2 ]; tap_ok $? "two rows"
close_report

# --- co-occurrence: a pair's count opens the highlights that make it --------------------------
tui_keys :
tui_type "report cooccurrence"
tui_keys Enter
tui_expect "co-occurrence opens" "Report: cooccurrence"
tui_expect "its first pair: claim and demand in one sentence" "│ claim  demand           tag    ██"
tui_keys Enter
tui_expect "the pair opens the highlights of either tag on the sentence they share" \
	"2 segments: claim + demand, in one sentence"
tui_expect "demand's" '#3      "traffic through the Lachin corridor must be regulated"'
tui_expect "and claim's" '#3      "in strict conformity with the November 9, 2020 agreement"'
[ "$(quotes)" -eq 2 ]; tap_ok $? "those two alone (not claim's other sentences)"
tui_keys Enter
tui_wait_gone "Report:" 5
tui_expect "Enter opens the article of the first" "│ Outlet A | 2023-02-28"
tui_keys %
tui_expect "% comes back to the pair's highlights" "2 segments: claim + demand"
close_report
tui_keys :
tui_type "report cooccurrence --within overlap --tag fact"
tui_keys Enter
tui_expect "overlaps with fact" "│ claim fact "
tui_keys Enter
tui_expect "an overlap pair opens its highlights: here one with both tags" \
	"1 segment: claim + fact, overlapping"
[ "$(quotes)" -eq 1 ]; tap_ok $? "one row"
tui_keys Escape
tui_wait_gone "back to the report" 5
tui_keys j Enter
tui_expect "or the two highlights that overlap" "2 segments: fact + claim/unverified, overlapping"
tui_expect "the one with fact" '#3      "in strict conformity with the November 9, 2020 agreement"'
tui_expect "the one inside it with claim/unverified" '#3      "strict conformity" (Sergey Lavrov)'
close_report

# --- tag x agreement: a cell opens the highlights beside the agreement ------------------------
tui_keys :
tui_type "report matrix agreement"
tui_keys Enter
tui_expect "the matrix per agreement opens on its first cell" \
	"claim x Trilateral statement of 9-10 November 2020: 2"
tui_keys Enter
tui_expect "the cell opens the claims whose sentence names the agreement" \
	"2 segments: claim x Trilateral statement of 9-10 November 2020"
tui_expect "one in article 1" '#1      "Lachin corridor" (Sergey Lavrov)'
tui_expect "one in article 3" '#3      "in strict conformity with the November 9, 2020 agreement"'
[ "$(quotes)" -eq 2 ]; tap_ok $? "those two"
tui_keys Enter
tui_wait_gone "Report:" 5
tui_expect "Enter opens article 1 through the jump list" "│ Outlet A | 2023-01-10"
tui_keys %
tui_expect "% comes back to the cell's highlights" \
	"2 segments: claim x Trilateral statement of 9-10 November 2020"
tui_keys Escape
tui_wait_gone "back to the report" 5
tui_keys l l l l l l
tui_expect "l to the total" "total x Trilateral statement of 9-10 November 2020: 5"
tui_keys Enter
tui_expect "the total lists each highlight once (5 counts of tags, 4 highlights)" \
	"4 segments: every tag x Trilateral statement of 9-10 November 2020"
[ "$(quotes)" -eq 4 ]; tap_ok $? "four rows"
close_report

# --- errors ---------------------------------------------------------------------------------
tui_keys :
tui_type "report matrix outlet"
tui_keys Enter
tui_expect "a matrix of a wrong axis is a one-line error" "a matrix is of tags against speakers, articles or agreements"
tui_keys :
tui_type "report frequency --tag nosuch"
tui_keys Enter
tui_expect "an unknown tag is a one-line error" "no tag is named 'nosuch'"
tui_keys Q
tui_wait_exit >/dev/null
tui_stop

# --- ASCII without a UTF-8 locale -------------------------------------------------------------
tui_start -x 110 -y 20 -e LC_ALL=C -e LANG=C
tui_expect "started in the C locale" "List  5 articles"
tui_keys :
tui_type "report matrix speaker"
tui_keys Enter
tui_expect "the shades are ASCII (1 of 3 is the second of four levels)" \
	"Ararat Mirzoyan              ::::::"
tui_expect "and so is the legend" "Lavrov: 3  :: 1  ** 2  ## 3"
tui_keys Escape
tui_wait_gone "Report:" 5
tui_keys Q
tui_wait_exit >/dev/null
tui_stop

# --- a matrix reads the labels of the rows it shows, as it shows them -------------------------
# Two more speakers: five rows, four on a screen of ten lines.
a 1 --quote "Lachin corridor" --tag demand --speaker "Nikol Pashinyan"
a 1 --quote "Lachin corridor" --tag denial --speaker "Ilham Aliyev"
tui_start -x 110 -y 10
tui_expect "started on a short terminal" "List  5 articles"
tui_keys :
tui_type "report matrix speaker"
tui_keys Enter
tui_expect "the matrix opens" "claim x Sergey Lavrov: 3"
# A speaker's row: its label, then its cells.
labelled() { tui_screen | grep -cE '^ │ [A-Z][A-Za-z ]+ {2,}'; }
[ "$(labelled)" -eq 4 ]; tap_ok $? "four rows shown, each with its speaker"
tui_keys G
last='claim x (Ilham Aliyev|Nikol Pashinyan|Ararat Mirzoyan|Azerbaijan): 0'
for _ in $(seq 100); do tui_screen | grep -qE "$last" && break; sleep 0.05; done
tui_screen | grep -qE "$last" || { tui_screen | sed "s/^/# /"; false; }
tap_ok $? "G: the last row, its label read as it is shown, named in the cell's line"
[ "$(labelled)" -eq 4 ]; tap_ok $? "and every row shown has its label"
tui_keys Escape
tui_wait_gone "Report:" 5
tui_keys Q
tui_wait_exit >/dev/null
tap_done
