#!/bin/bash
# tests/tui/signals.sh: the terminal comes back on SIGTERM, SIGHUP and
# SIGINT (and the place is kept), and after Ctrl-z and a resume.
. "$top_srcdir/tests/tui/lib.sh"

for sig in TERM HUP INT; do
	tui_stop
	tui_start -x 120 -y 30
	tui_expect "SIG$sig: started" " List  "
	tui_keys :
	tui_type focus-list
	tui_keys Enter Enter
	tui_expect "SIG$sig: an article open" " READ  "
	kill -s "$sig" "$(tui_pid)"
	st=$(tui_wait_exit)
	want=$((128 + $(kill -l "$sig")))
	[ "$st" = "$want" ]; tap_ok $? "SIG$sig ends the reader as that signal ($st, want $want)"
	tui_expect_restored "SIG$sig: terminal restored"
done

tui_stop
tui_start -x 120 -y 30
tui_expect "the place was saved on the signal" " READ  "
tui_keys Q
tui_wait_exit >/dev/null

# Ctrl-z needs a shell with job control around the reader, as in real use.
tui_stop
tui_start_shell -x 120 -y 30
tui_expect "a shell" "$"
tui_type "'$DOSSIER'"
tui_keys Enter
tui_expect "the reader runs under the shell" " READ  "
tui_keys C-z
tui_expect "Ctrl-z stops the reader: the shell says so" "Stopped"
[ "$(tui_format '#{alternate_on}')" = 0 ]; tap_ok $? "and the terminal is given back"
tui_type fg
tui_keys Enter
tui_expect "fg brings the screen back" " READ  "
tui_expect "all of it" " List  "
tui_wait_gone "Stopped"; tap_ok $? "nothing of the shell left on the screen"
tui_keys j
tui_expect "keys work again" " READ  "
tui_keys Q
tui_type 'echo "exit status $?"'
tui_keys Enter
tui_expect "quits after the resume with status 0" "exit status 0"

tap_done
