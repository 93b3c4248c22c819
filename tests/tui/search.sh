#!/bin/bash
# tests/tui/search.sh: / ? n N in the article with highlighted hits, and
# F / :search over the corpus with the results in the list pane.
. "$top_srcdir/tests/tui/lib.sh"

# ok when, once the command line has closed, the message row says $2 and
# which hit of how many it is ("/word  hit 1 of 2"), and the cursor is on
# a hit of $3 (in any case).
expect_hit() {
	local name=$1 said=$2 word=$3 deadline=$(( $(date +%s%N) + TUI_DEADLINE * 1000000000 ))
	local row
	while [ "$(date +%s%N)" -lt "$deadline" ]; do
		row=$(tui_screen | tail -n 1 | sed 's/ *$//')
		if [ "$(printf '%s' "$row" | sed 's/  hit [1-9][0-9]* of [1-9][0-9]*$//')" = "$said" ] &&
		    [ "$row" != "$said" ] &&
		    ! tui_screen | grep -q " COMMAND " &&
		    tui_at_cursor | grep -qi "^$word"; then
			tap_ok 0 "$name"
			return 0
		fi
		sleep 0.02
	done
	tap_ok 1 "$name"
	tap_diag "want the message '$said' and the cursor on '$word'; at the cursor: $(tui_at_cursor)"
	tui_screen | tap_diag "$(cat)"
	return 1
}
percent() {
	tui_screen | sed -n 's/.* READ  .*  \([0-9]*\)%.*/\1/p'
}

tui_start -x 120 -y 30
tui_expect "the list is shown" "LIST  1/"
tui_keys Enter
tui_expect "an article is open" "  0%"

# Every word is searched for in the article's own text, read at run time.
id=$("$DOSSIER" list --limit 1 | awk '{print $1}')
word=$("$DOSSIER" show "$id" | tr -cs 'A-Za-z' '\n' | awk 'length($0) >= 7' |
	sort | uniq -c | sort -rn | awk '$1 >= 2 { print $2; exit }')
[ -n "$word" ]; tap_ok $? "a word that occurs twice in the article ($word)"

tui_keys /
tui_expect "/ opens the search line" "COMMAND"
tui_type "$word"
tui_keys Enter
expect_hit "the search moves to a hit and says what it searched" "/$word" "$word"
tui_expect_sgr "the hits are highlighted (search-hit colour)" '48;5;214'
p1=$(percent)
tui_keys n
tui_wait_gone "  $p1%"; tap_ok $? "n goes to the next hit"
tui_keys N
tui_expect "N goes back to the previous one" "  $p1%"

lower=$(printf '%s' "$word" | tr 'A-Z' 'a-z')
upper=$(printf '%s' "$word" | tr 'a-z' 'A-Z')
tui_keys g /
tui_type "$upper"
tui_keys Enter
tui_expect "capitals search as typed (smartcase): no match" "not found: $upper"
tui_keys g /
tui_type "$lower"
tui_keys Enter
expect_hit "lower case matches any case" "/$lower" "$lower"

# From the end, ? finds the last hit before the cursor, and n goes on
# backward (to an earlier hit, or round from the top to the bottom).
tui_keys G
tui_expect "G goes to the end" "100%"
tui_keys '?'
tui_expect "? opens the search line" "COMMAND"
tui_type "$lower"
tui_keys Enter
expect_hit "? searches backward from the cursor to a hit" "?$lower" "$lower"
p2=$(percent)
[ -n "$p2" ] && [ "$p2" -lt 100 ]; tap_ok $? "the hit is before the end ($p2%)"
tui_keys n
tui_wait_gone "  $p2%"
p3=$(percent)
if tui_screen | grep -q "search hit TOP, continuing at BOTTOM"; then
	tap_ok 0 "n after ? goes on backward (round from the top)"
else
	[ -n "$p3" ] && [ "$p3" -lt "$p2" ]; tap_ok $? "n after ? goes on backward ($p2% then $p3%)"
fi
tui_at_cursor | grep -qi "^$lower"; tap_ok $? "onto a hit again"

tui_keys '?'
tui_expect "? in the article opens the search line" "COMMAND"
tui_type "zzqqxx"
tui_keys Enter
tui_expect "a missing word is reported" "not found: zzqqxx"
tui_keys Escape

# The corpus: results replace the list, q restores it.
tui_keys F
tui_expect "F asks for a corpus search" "search all:"
tui_type "Lachin"
tui_keys Enter
tui_expect "the results are in the list pane" 'search "Lachin":'
tui_expect "with the list focused" " LIST  1/"
tui_expect_sgr "snippets mark the matched word" '48;5;214'
n=$(tui_screen | sed -n 's/.*search "Lachin": \([0-9]*\).*/\1/p' | head -n 1)
want=$("$DOSSIER" search Lachin | grep -c .)
[ -n "$n" ] && [ "$n" -gt 0 ]; tap_ok $? "some articles match ($n; the search command finds $want lines)"
tui_keys Enter
tui_expect "Enter opens a result" " READ"
tui_keys q q
tui_expect "q in the results goes back to all articles" " articles"
tui_keys :
tui_type "search Lachin"
tui_keys Enter
tui_expect ":search does the same" 'search "Lachin":'
tui_keys F
tui_type '"unbalanced'
tui_keys Enter
tui_expect "a malformed query is reported" "bad search query"
tui_keys Escape q q
st=$(tui_wait_exit)
[ "$st" = 0 ]; tap_ok $? "quits (status $st)"

tap_done
