#!/bin/bash
# tests/tui/theme.sh: themes switch live and show in the drawn attributes;
# NO_COLOR and colourless terminals get mono; every supported TERM works.
. "$top_srcdir/tests/tui/lib.sh"

colours() {  # the 256-colour SGR codes on screen, one per line
	tui_screen -e | grep -o '[34]8;5;[0-9]*' | sort -u
}

tui_start -x 120 -y 30
tui_expect "starts with the default theme" "LIST  1/"
tui_expect_sgr "default: the focused title and mode in colour 24" '48;5;24([^0-9]|$)'

tui_keys :
tui_type "theme mono"
tui_keys Enter
# The typed ":theme mono" shows before Enter is read: wait for it to go.
tui_wait_gone ":theme mono"
tui_expect ":theme mono switches live" "theme mono"
[ -z "$(colours)" ]; tap_ok $? "mono draws no colour"
tui_screen -e | grep -q $'\e\\[[0-9;]*7m'; tap_ok $? "mono marks the focus in reverse video"

tui_keys :
tui_type "theme sol"
tui_keys Tab
tui_expect "Tab completes theme names" ":theme solarized-dark"
tui_keys Enter
tui_expect "and the theme loads" "theme solarized-dark"
tui_expect_sgr "solarized-dark: its background (234)" '48;5;234([^0-9]|$)'

tui_keys :
tui_type "theme light"
tui_keys Enter
tui_expect ":theme light" "theme light"
tui_expect_sgr "light: its focus colour (25)" '48;5;25([^0-9]|$)'

tui_keys :
tui_type "theme nosuch"
tui_keys Enter
tui_expect "an unknown theme is an error naming it" "no theme 'nosuch'"

tui_keys :
tui_type "th"
tui_keys Tab
tui_expect "Tab completes command names" ":theme"
tui_keys C-u
tui_type "set "
tui_keys Tab
tui_expect "Tab lists the choices when there are several" "theme mouse"
tui_keys Escape Q
st=$(tui_wait_exit)
[ "$st" = 0 ]; tap_ok $? "quits (status $st)"

# A broken theme file: the bad line is named, the rest still loads.
mkdir -p "$TEST_TMP/themes"
cp "$DOSSIER_THEMEDIR"/*.theme "$TEST_TMP/themes/"
printf 'color title-focus 231 88 bold\ncolor nosuch-object red default\ncolor status 16 226\n' \
	>"$TEST_TMP/themes/broken.theme"
tui_stop
tui_start -x 120 -y 30 -e DOSSIER_THEMEDIR="$TEST_TMP/themes"
tui_expect "started with a copy of the themes" "LIST  1/"
tui_keys :
tui_type "theme broken"
tui_keys Enter
tui_expect "the bad line is named by file and line" "broken.theme:2: unknown object 'nosuch-object'"
tui_expect_sgr "the lines after it still load" '48;5;226([^0-9]|$)'
tui_keys Q
tui_wait_exit >/dev/null

tui_stop
tui_start -x 120 -y 30 -e NO_COLOR=1
tui_expect "NO_COLOR: starts" "LIST  1/"
[ -z "$(colours)" ]; tap_ok $? "NO_COLOR selects mono"
tui_keys Q
tui_wait_exit >/dev/null

for term in xterm-256color screen-256color tmux-256color linux vt100; do
	tui_stop
	TUI_TERM=$term tui_start -x 100 -y 24
	tui_expect "TERM=$term: the panes are drawn" " List  10 articles"
	tui_keys :
	tui_type focus-list
	tui_keys Enter
	tui_expect "TERM=$term: keys work" " LIST  "
	tui_keys Enter
	tui_expect "TERM=$term: an article opens" " READ  "
	if [ "$term" = linux ]; then
		[ -z "$(colours)" ]; tap_ok $? "TERM=linux: no 256-colour codes on an 8-colour terminal"
		tui_expect_sgr "TERM=linux: the theme falls back to the basic colours" $'\e\\[([0-9;]*;)?4[0-7](;[0-9;]*)?m'
	fi
	if [ "$term" = vt100 ]; then
		[ -z "$(tui_screen -e | grep -oE $'\e\\[([0-9;]*;)?[34][0-7](;[0-9;]*)?m')" ]
		tap_ok $? "TERM=vt100: no colour at all (mono)"
	fi
	tui_keys Q
	st=$(tui_wait_exit)
	[ "$st" = 0 ]; tap_ok $? "TERM=$term: quits (status $st)"
	tui_expect_restored "TERM=$term: terminal restored"
done
tap_done
