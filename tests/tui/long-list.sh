#!/bin/bash
# tests/tui/long-list.sh: a list many screens long. Its end (G) is read
# backwards from the last row, and moving on from the rows at hand reads
# the next ones by the key of the row at the edge; either way each row
# shows the article the list command puts there.
. "$top_srcdir/tests/tui/lib.sh"

dir="$TEST_TMP/many"
mkdir -p "$dir"
for i in $(seq 1 150); do
	d=$(printf '2020-%02d-%02d' $(( (i - 1) / 28 + 1 )) $(( (i - 1) % 28 + 1 )))
	printf 'Dispatch number %03d\n\nPublished: %s\n\nPlain words for dispatch %d.\n' \
		"$i" "$d" "$i" >"$dir/a$i.txt"
done
for i in $(seq 1 5); do
	printf 'Undated note %d\n\nPlain words without a date, note %d.\n' "$i" "$i" >"$dir/n$i.txt"
done
"$DOSSIER" import "$dir" >/dev/null 2>&1
"$DOSSIER" list --limit 1000 >"$TEST_TMP/list"
total=$(wc -l <"$TEST_TMP/list")
[ "$total" -ge 155 ]; tap_ok $? "a long list ($total articles)"
title() {
	local t
	t=$(sed -n "${1}p" "$TEST_TMP/list" | grep -o 'Dispatch number [0-9]*\|Undated note [0-9]*')
	echo "${t:-(no row $1)}"
}
# The selected row, from the status bar's "ROW/TOTAL".
row() { tui_screen | grep -o " [0-9]*/$total " | head -n 1 | tr -d ' ' | cut -d/ -f1; }

tui_start -x 140 -y 24
tui_expect "started" " List  "
tui_keys :
tui_type focus-list
tui_keys Enter G
tui_expect "G: the last row" " $total/$total 100%"
tui_expect "shows the list's last article" "$(title "$total")"
tui_type "45k"
r=$((total - 45))
tui_expect "45k: back past the rows read for G" " $r/$total "
tui_expect "the row there is the list's" "$(title "$r")"
tui_keys g
tui_expect "g: the first row" " 1/$total "
tui_type "25j"
tui_expect "25j" " 26/$total "
for i in 1 2 3 4 5 6; do tui_keys PageDown; done
tui_wait_gone " 26/$total "
r=$(row)
[ "${r:-0}" -gt 26 ]; tap_ok $? "PageDown moves on ($r)"
tui_expect "paging reads on by key: the row there is the list's" "$(title "${r:-0}")"
tui_keys q
tui_wait_exit >/dev/null
tap_done
