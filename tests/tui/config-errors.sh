#!/bin/bash
# tests/tui/config-errors.sh: every bad line of the config file is listed
# with its file and line number: on stderr as the reader starts (so on the
# screen it gives back, and in whatever keeps stderr), and in the help view,
# which scrolls; the status line names the first and how many there are.
. "$top_srcdir/tests/tui/lib.sh"

cfg="$XDG_CONFIG_HOME/dossier/config"
mkdir -p "$(dirname "$cfg")"
{
	echo "# fourteen bad lines among good ones"
	echo "bind J move-down"
	for i in $(seq 1 14); do
		echo "frobnicate$i"
		echo "set mouse on"
	done
} >"$cfg"
bad_lines=$(grep -n '^frobnicate' "$cfg" | cut -d: -f1)

tui_start -x 120 -y 40
tui_expect "the status line names the first bad line" "$cfg:3: unknown command 'frobnicate1'"
tui_expect "and how many there are" "14 bad lines in the config"
tui_keys J
tui_expect "the good lines load (J bound)" " LIST  2/"
tui_keys Q
st=$(tui_wait_exit)
[ "$st" = 0 ]; tap_ok $? "quits (status $st)"
# The pane's scrollback too: the line tmux writes when the program ends
# may scroll the first of them out of view.
screen=$(tmux_ capture-pane -t "$TUI_TARGET" -p -S -100)
missing=
for n in $bad_lines; do
	grep -qF "dossier: $cfg:$n: unknown command 'frobnicate" <<<"$screen" || missing="$missing $n"
done
[ -z "$missing" ]; tap_ok $? "each bad line was written on stderr with file and line${missing:+ (not:$missing)}"
[ -z "$missing" ] || tap_diag "$screen"
! grep -q "more bad lines" <<<"$screen"; tap_ok $? "none is left out as a count"

# On a small screen the help view holds them all and scrolls to each.
tui_stop
tui_start -x 80 -y 12
tui_expect "a small screen" " LIST  "
tui_keys '?'
tui_expect "the help starts with the bad lines" "Bad lines in the config (14"
# A line too long for the screen is wrapped, not cut: read rows joined.
joined() { tui_screen | sed 's/^ *//; s/ *$//' | tr '\n' ' '; }
grep -qF "$cfg:3: unknown command 'frobnicate1'" <<<"$(joined)"
tap_ok $? "the first, whole"
last=$(echo "$bad_lines" | tail -n 1)
! tui_screen | grep -qF "$cfg:$last:"; tap_ok $? "the last is below the screen at first"
for top in 5 9 13 17 21; do
	tui_keys C-d
	tui_wait "HELP  line $top of" >/dev/null || break
done
tui_expect "the help scrolls" "HELP  line 21 of"
grep -qF "$cfg:$last: unknown command 'frobnicate14'" <<<"$(joined)"
tap_ok $? "and shows the last, whole"
tui_keys q Q
st=$(tui_wait_exit)
[ "$st" = 0 ]; tap_ok $? "quits (status $st)"

# A good config: no such section.
tui_stop
echo "bind J move-down" >"$cfg"
tui_start -x 80 -y 12
tui_expect "a good config" " LIST  "
tui_keys '?'
tui_expect "the help opens" "keys and commands"
! tui_screen | grep -q "Bad lines"; tap_ok $? "no bad-lines section without bad lines"
tui_keys q Q
tui_wait_exit >/dev/null
tap_done
