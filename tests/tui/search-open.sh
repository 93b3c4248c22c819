#!/bin/bash
# tests/tui/search-open.sh: an article opened from F's results opens at
# the first hit of the query's words, which are its search now (n and N
# step through them, not an earlier / search's word), and when the
# search is left the list's selection is on that article.
. "$top_srcdir/tests/tui/lib.sh"

expect_at() {  # expect_at NAME WORD: the article's cursor is on WORD
	local deadline=$(( $(date +%s%N) + TUI_DEADLINE * 1000000000 ))
	while [ "$(date +%s%N)" -lt "$deadline" ]; do
		tui_at_cursor | grep -q "^$2" && { tap_ok 0 "$1"; return 0; }
		sleep 0.02
	done
	tap_ok 1 "$1"
	tap_diag "want the cursor on '$2'; at the cursor: $(tui_at_cursor)"
}

printf 'Corridor talks\n\nThe ministers met in Moscow on Tuesday. Sergey Lavrov said the Lachin corridor must reopen, and that the blockade had to end within days.\n' >"$TEST_TMP/a.txt"
printf 'Blockade goes on\n\nOfficials in Baku did not comment. The Lachin blockade went on for a third month.\n' >"$TEST_TMP/b.txt"
printf 'Third\n\nNothing about it here at all, not even Moscow.\n' >"$TEST_TMP/c.txt"
"$DOSSIER" -q import "$TEST_TMP/a.txt" "$TEST_TMP/b.txt" "$TEST_TMP/c.txt" || echo "Bail out! import failed"

tui_start -x 120 -y 20
tui_expect "the list: Third first" " LIST  1/3"
tui_keys Enter
tui_expect "Third opens" "Article  Third"
tui_type "/Moscow"
tui_keys Enter
tui_expect "an earlier search in the article" "/Moscow  hit 1 of 1"

tui_keys F
tui_type "lavrov blockade"
tui_keys Enter
tui_expect "F: one result" "1 article match"
tui_keys Enter
tui_expect "the result opens" "Article  Corridor talks"
tui_expect "at the first hit of the query's words, counted" '"lavrov blockade" (n, N: the next, previous)  hit 1 of 2'
expect_at "the cursor on the first hit" "Lavrov"
tui_type "n"
tui_expect "n: the query's next word, not the earlier search's" "hit 2 of 2"
expect_at "the cursor on blockade" "blockade"
tui_type "N"
expect_at "N: back to Lavrov" "Lavrov"

tui_keys q
tui_expect "q: back to the results" "search \"lavrov blockade\""
tui_keys q
tui_expect "q again: all articles" "List  3 articles"
tui_expect "the selection on the article opened from the results" " LIST  3/3"

tui_keys Q
tui_wait_exit >/dev/null
tap_done
