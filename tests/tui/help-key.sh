#!/bin/bash
# tests/tui/help-key.sh: ? is the help everywhere but in the article,
# where it searches backward as in less; F1 is the help everywhere. What
# the reader says agrees: the first start's message, the message for a
# key that is not bound (naming the key that opens the help there), and
# the help's own line for the help key.
. "$top_srcdir/tests/tui/lib.sh"

tui_start -x 100 -y 30
tui_expect "the first start says how to get help, and where ? is not it" \
	"New database: imported 10 sample articles. Help: F1, or ? outside the article."
tui_keys '?'
tui_expect "? in the list opens the help" " HELP "
tui_expect "whose line for the help key says where ? is something else" \
	"show this help (article: ? is search-backward)"
tui_keys q
tui_expect "q closes it" " LIST "
tui_keys x
tui_expect "in the list, an unbound key names ? for the help" "x is not bound (? lists the keys)"
tui_keys Enter
tui_expect "an article opens" " READ "
tui_keys '?'
tui_expect "? in the article searches backward" "?"
[ "$(tui_screen | tail -n 1)" = "?" ]; tap_ok $? "the search line is open, not the help"
tui_keys Escape
tui_keys x
tui_expect "in the article, an unbound key names F1 for the help" "x is not bound (<F1> lists the keys)"
tui_keys F1
tui_expect "F1 opens the help from the article" " HELP "
tui_keys q
tui_expect "back in the article" " READ "
tui_keys Q
tui_wait_exit >/dev/null
tap_done
