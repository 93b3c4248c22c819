#!/bin/bash
# tests/tui/navigate.sh: moving through the list, opening an article,
# reading it with less/vi motions, focus, folding the list, help, back.
. "$top_srcdir/tests/tui/lib.sh"

tui_start -x 120 -y 30
tui_expect "the list is shown" "LIST  1/"
n=$(tui_screen | sed -n 's/.* LIST  1\/\([0-9]*\) .*/\1/p' | head -n 1)
[ -n "$n" ] && [ "$n" -ge 3 ]; tap_ok $? "there are sample articles to move through ($n)"

tui_keys j
tui_expect "j moves down" "LIST  2/$n"
tui_keys k
tui_expect "k moves up" "LIST  1/$n"
tui_keys G
tui_expect "G goes to the last article" "LIST  $n/$n 100%"
tui_keys g
tui_expect "g goes to the first" "LIST  1/$n 0%"
tui_type 2j
tui_expect "a count repeats the motion (2j)" "LIST  3/$n"
tui_keys Down Up Down
tui_expect "arrows move too" "LIST  4/$n"
tui_keys g

# The article the list shows first, as the command line sees it.
id=$("$DOSSIER" list --limit 1 | awk '{print $1}')
title=$("$DOSSIER" list --limit 1 | sed 's/.*  //' | cut -c 1-30)
last=$("$DOSSIER" show "$id" | awk 'NF { w = $NF } END { print w }')
tui_keys Enter
tui_expect "Enter opens the article: its title is on the pane's title row" "Article  $title"
tui_expect "the reading mode shows on the status bar" "READ  para 1/"
tui_keys Space
tui_wait_gone "  0%"; tap_ok $? "Space pages down"
tui_keys G
tui_expect "G goes to the last line: 100%" "  100%"
tui_expect "which shows the end of the article" "$last"
tui_keys g
tui_expect "g goes back to the top" "  0%"
tui_keys C-d
tui_wait_gone "  0%"; tap_ok $? "Ctrl-d moves half a screen"
tui_keys C-u
tui_expect "Ctrl-u moves back" "  0%"

tui_keys Tab
tui_expect "Tab focuses the side pane" " SIDE"
tui_keys Tab
tui_expect "Tab again focuses the list" " LIST"
tui_keys BTab
tui_expect "Shift-Tab goes back to the side pane" " SIDE"
tui_keys BTab
tui_expect "and to the article" " READ"

tui_keys L
tui_wait_gone " List  "; tap_ok $? "L folds the list away"
tui_expect "and says how to unfold it" "list folded"
tui_keys L
tui_expect "L unfolds it" " List  "

tui_keys q
tui_expect "q in the article goes back to the list" " LIST"
tui_keys '?'
tui_expect "? opens the help" "keys and commands"
tui_expect "the help lists bindings from the key table" "move-down"
tui_expect "with their keys" "j, <Down>"
tui_keys G
tui_expect "and, at its end, the commands" ":theme"
tui_keys q
tui_wait_gone "keys and commands"; tap_ok $? "q closes the help"
tui_expect "back in the list" " LIST"

tui_keys x
tui_expect "an unbound key says so" "x is not bound"
tui_keys q
st=$(tui_wait_exit)
[ "$st" = 0 ]; tap_ok $? "q in the list quits (status $st)"

# It reopens where it was left: the article, and the pane.
tui_stop
tui_start -x 120 -y 30
tui_expect "the next start reopens the last article" "Article  $title"

tap_done
