#!/bin/bash
# tests/tui/mark-counts.sh: ]s [s, ]m [m and the search's n N say where
# they are: "statement 2 of 3", "mention 1 of 4", "hit 2 of 3", the
# count of the whole article however little of it is on screen.
. "$top_srcdir/tests/tui/lib.sh"

printf 'Talks in Moscow\n\nSergey Lavrov said the talks in Moscow were useful. Ararat Mirzoyan said the corridor must reopen. The weather was cold. Jeyhun Bayramov said Baku was ready to sign in Moscow or elsewhere, and that moscow time suited him.\n' >"$TEST_TMP/a.txt"
"$DOSSIER" -q import "$TEST_TMP/a.txt" || echo "Bail out! import failed"
n=$("$DOSSIER" statements --json 2>/dev/null | grep -o '"id"' | wc -l)
[ "$n" -eq 3 ]; tap_ok $? "the article has three statements ($n)"

tui_start -x 120 -y 20
tui_expect "the list shows the article" "Talks in Moscow"
tui_keys Enter
tui_expect "it opens" " READ "
# The cursor opens on the first statement's first word.
tui_type "]s"
tui_expect "]s: the second of three" "statement 2 of 3"
tui_type "]s"
tui_expect "]s: the third" "statement 3 of 3"
tui_type "[s"
tui_expect "[s: back to the second" "statement 2 of 3"
tui_type "[s"
tui_expect "[s: the first" "statement 1 of 3"
tui_type "]m"
tui_expect "]m: the second mention of any actor" "mention 2 of "
tui_type "[m"
tui_expect "[m: the first" "mention 1 of "

tui_keys g
tui_type "/moscow"
tui_keys Enter
tui_expect "/moscow: the first of three hits (case folded)" "/moscow  hit 1 of 3"
tui_type "n"
tui_expect "n: the second" "/moscow  hit 2 of 3"
tui_type "n"
tui_expect "n: the third" "/moscow  hit 3 of 3"
tui_type "n"
tui_expect "n past the last wraps, and counts from the top" "continuing at TOP  hit 1 of 3"
tui_type "N"
tui_expect "N: back to the third" "hit 3 of 3"
tui_keys g
tui_type "/Moscow"
tui_keys Enter
tui_expect "/Moscow (capitals: as typed): a count of its own" "/Moscow  hit 1 of 2"

tui_keys Q
tui_wait_exit >/dev/null
tap_done
