#!/bin/bash
# tests/tui/resize.sh: panes side by side when wide, one at a time when
# narrow, a short message below 40x10, and back without losing the place.
. "$top_srcdir/tests/tui/lib.sh"

tui_start -x 120 -y 30
tui_expect "wide: three panes side by side" " Side"
tui_keys Enter
tui_expect "an article is open" "  0%"
tui_type 3j
tui_wait_gone "  0%"; tap_ok $? "3j moves into the article"
pos=$(tui_screen | sed -n 's/.* READ  .*  \([0-9]*\)%.*/\1/p')

tui_resize 80 24
tui_expect "narrow: one pane at a time, tabs name the others" " List  Article  Side "
tui_screen | grep -q '│'; [ $? -ne 0 ]; tap_ok $? "narrow: no pane separators"
tui_expect "the place in the article is kept" "  $pos%"
tui_keys Tab
tui_expect "Tab switches to the next pane" " SIDE"
tui_keys Tab
tui_expect "and to the list" " LIST  1/"

tui_resize 40 10
tui_expect "40x10 still works" " LIST  1/"
tui_keys j
tui_expect "and takes keys" " LIST  2/"
tui_keys k

tui_resize 39 10
tui_expect "below 40x10 a short message" "dossier needs 40x10"
tui_keys j j
tui_resize 30 5
tui_expect "smaller still: the message, no crash" "dossier needs"
tui_resize 120 30
tui_expect "back to wide: three panes again" " Side"
tui_expect "with the list where it was" " LIST  1/"
tui_keys Tab
tui_expect "and the article where it was" "  $pos%"
tui_keys Q
st=$(tui_wait_exit)
[ "$st" = 0 ]; tap_ok $? "quits (status $st)"
tui_expect_restored "terminal restored"

tap_done
