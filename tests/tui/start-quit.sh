#!/bin/bash
# tests/tui/start-quit.sh: the first start. On an empty database the reader
# imports the bundled samples, says so, shows them in the list; q quits
# with status 0 and gives the terminal back as it found it.
. "$top_srcdir/tests/tui/lib.sh"

tui_start -x 120 -y 30
tui_expect "the status line says the samples were imported" "imported"
tui_expect "the list pane shows its title" " List "
n=$(tui_screen | sed -n 's/.* List  \([0-9][0-9]*\) articles\{0,1\}.*/\1/p' | head -n 1)
[ -n "$n" ] && [ "$n" -gt 0 ]; tap_ok $? "the list counts the sample articles (${n:-none})"
tui_expect "the status bar shows the list mode and position" "LIST  1/$n"
tui_expect "the three panes are there" " Side"

tui_keys q
st=$(tui_wait_exit)
[ "$st" = 0 ]; tap_ok $? "q in the list quits with status 0 (got $st)"
tui_expect_restored "the terminal is restored"

# A second start does not import again.
tui_stop
tui_start -x 120 -y 30
tui_expect "second start shows the list" "LIST  1/$n"
tui_screen | grep -q "imported"; [ $? -ne 0 ]; tap_ok $? "no import message the second time"
tui_keys q
st=$(tui_wait_exit)
[ "$st" = 0 ]; tap_ok $? "quits again with status 0 (got $st)"

# Without a terminal: one line saying so, status 1.
err=$("$DOSSIER" </dev/null 2>&1 >/dev/null); rc=$?
[ $rc -eq 1 ] && [ "$(wc -l <<<"$err")" -eq 1 ] && grep -q "needs a terminal" <<<"$err"
tap_ok $? "no terminal: one line, status 1 (got $rc: $err)"

# The key table, printed.
out=$("$DOSSIER" read --keys); rc=$?
[ $rc -eq 0 ] && grep -q $'^article\t?\tsearch-backward\t' <<<"$out" &&
	grep -q $'^generic\t\]s\tnext-statement\t' <<<"$out"
tap_ok $? "read --keys lists the bindings by keymap"
"$DOSSIER" read --frobnicate >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ]; tap_ok $? "read with a bad argument: status 2 (got $rc)"

tap_done
