#!/bin/bash
# tests/tui/mouse.sh: a click focuses a pane and selects a row, a second
# click opens it, the wheel scrolls. The terminal's reports are typed into
# the pane as xterm sends them (SGR 1006: ESC [ < button ; column ; row M).
. "$top_srcdir/tests/tui/lib.sh"

click() {  # click COLUMN ROW (1-based, as the terminal counts)
	tui_type $'\e'"[<0;$1;$2M"$'\e'"[<0;$1;$2m"
}

tui_start -x 120 -y 30
tui_expect "started" " LIST  1/"
[ "$(tui_format '#{mouse_any_flag}')" = 1 ]; tap_ok $? "the reader asks the terminal for the mouse"
click 5 6
tui_expect "a click selects the list row under it" " LIST  3/"
click 5 6
tui_expect "a second click opens it" " READ  "
tui_type $'\e[<65;60;10M'
tui_wait_gone "  0%"; tap_ok $? "the wheel scrolls the article"
click 110 3
tui_expect "a click on the side pane focuses it" " SIDE"
click 5 2
tui_expect "a click on the list focuses it" " LIST  1/"
tui_keys Q
st=$(tui_wait_exit)
[ "$st" = 0 ]; tap_ok $? "quits (status $st)"
tui_expect_restored "mouse reporting is switched off again"

tap_done
