#!/bin/bash
# tests/tui/history.sh: the command line's history outlives the reader, as
# less keeps ~/.lesshst: a private file in the XDG state directory, one
# section per kind of line, bounded, written whole each time.
. "$top_srcdir/tests/tui/lib.sh"

hist="$HOME/.local/state/dossier/history"

tui_start -x 120 -y 30
tui_expect "started" " List  "
tui_keys :
tui_type "theme mono"
tui_keys Enter
tui_expect "a command runs" "theme mono"
tui_keys q
tui_wait_exit >/dev/null
[ -f "$hist" ]; tap_ok $? "the history is kept in the XDG state directory"
[ "$(stat -c %a "$hist" 2>/dev/null)" = 600 ]; tap_ok $? "readable by its owner only"
grep -qx '"theme mono' "$hist"; tap_ok $? "with the command in it"

tui_stop
tui_start -x 120 -y 30
tui_expect "started again" " List  "
tui_keys :
tui_keys Up
tui_expect "Up on the command line recalls the last run's command" ":theme mono"
tui_keys Escape
tui_keys q
tui_wait_exit >/dev/null

# A file longer than the bound (another program's, or an older one) is
# cut to the newest lines when the next line is added.
{
	echo ".command"
	for i in $(seq 1 300); do echo "\"theme old-$i"; done
	echo ".search"
	echo '"peacekeepers'
} >"$hist"
tui_stop
tui_start -x 120 -y 30
tui_expect "started a third time" " List  "
tui_keys :
tui_type "theme default"
tui_keys Enter
tui_expect "another command runs" "theme default"
tui_keys q
tui_wait_exit >/dev/null
n=$(grep -c '^"' "$hist")
[ "$n" -le 101 ]; tap_ok $? "the file stays bounded ($n lines)"
sed -n '/^\.command$/,/^\.search$/p' "$hist" | grep -qx '"theme default'
tap_ok $? "with the newest command kept, among the commands"
grep -qx '"theme old-300' "$hist"; tap_ok $? "and the newest of the old ones"
grep -qx '"theme old-1' "$hist"; tap_ok $((! $?)) "but not the oldest"
grep -qx '"peacekeepers' "$hist"; tap_ok $? "the search history is kept beside it"
tap_done
