#!/bin/bash
# tests/tui/search.sh: / ? n N in the article with highlighted hits, and
# F / :search over the corpus with the results in the list pane.
. "$top_srcdir/tests/tui/lib.sh"

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
tui_expect "the search moves to a hit and says what it searched" "/$word"
tui_expect_sgr "the hits are highlighted (search-hit colour)" '48;5;214'
p1=$(tui_screen | sed -n 's/.* READ  .*  \([0-9]*\)%.*/\1/p')
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
tui_expect "lower case matches any case" "/$lower"

tui_keys '?'
tui_expect "? in the article searches backward" "COMMAND"
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
