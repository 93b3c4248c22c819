#!/bin/bash
# tests/tui/theme-looks.sh: what the shipped themes promise. The man page
# lists every object a theme colours; in mono a highlight, an agreement and
# an event each look different; light draws text on the terminal's own
# background in the terminal's own foreground (readable on a dark one).
. "$top_srcdir/tests/tui/lib.sh"

py=${PYTHON3:-python3}
sgr() { tui_screen -e | "$py" "$top_srcdir/tests/tui/sgr.py" "$@"; }

# The objects of the man page's Themes section, as the page reads.
man_objects=$(sed -n '/^The objects are/,/^A bad line/p' "$top_srcdir/man/dossier.1" |
	sed 's/\\-/-/g')
for f in "$top_srcdir"/themes/*.theme; do
	for obj in $(awk '$1 == "color" { print $2 }' "$f"); do
		grep -qE "(^|[ \"])$obj([ \",]|$)" <<<"$man_objects" ||
			missing="${missing:-} $(basename "$f"):$obj"
	done
done
[ -z "${missing:-}" ]; tap_ok $? "the man page lists every object the themes colour${missing:+ (not:$missing)}"

tui_start -x 160 -y 40 -e NO_COLOR=1
tui_expect "started" " List  "
# Article 1 of the samples names an event and an agreement.
"$DOSSIER" annotate 1 --quote "about an hour" --tag claim >/dev/null
event=$("$DOSSIER" mentions --json 'Munich Security Conference' |
	"$py" -c 'import json,sys; print(json.load(sys.stdin)[0]["text"])')
agreement=$("$DOSSIER" mentions --json 'Armenia-Azerbaijan peace treaty' |
	"$py" -c 'import json,sys; print([m["text"] for m in json.load(sys.stdin) if m["article"] == 1][0])')
tui_keys Escape Escape Q
tui_wait_exit >/dev/null
tui_stop
tui_start -x 160 -y 40 -e NO_COLOR=1
tui_expect "mono (NO_COLOR)" " List  "
# Article 1 is the oldest: the list's last row.
for cmd in focus-list last; do
	tui_keys :
	tui_type "$cmd"
	tui_keys Enter
done
tui_expect "the list at article 1" " LIST  10/"
tui_keys Enter
tui_expect "article 1 open, its event shown" "$event"
tui_expect "and its agreement" "$agreement"
tui_expect "and the highlight" "about an hour"
hl=$(sgr style "about an hour")
ag=$(sgr style "$agreement")
ev=$(sgr style "$event")
tap_diag "mono: highlight '$hl', agreement '$ag', event '$ev'"
[ "$hl" != "$ag" ] && [ "$hl" != "$ev" ] && [ "$ag" != "$ev" ]
tap_ok $? "mono: highlight, agreement and event each look different"
case "$hl$ag$ev" in *fg=[0-9]* | *bg=[0-9]*) false ;; esac
tap_ok $? "mono: still no colour"

tui_keys :
tui_type "theme light"
tui_keys Enter
tui_expect ":theme light" "theme light"
dark=$(sgr dark-text)
[ -z "$dark" ]; tap_ok $? "light: no near-black text on the terminal's own background${dark:+ ($dark)}"
# The pane's title bar shows it first; the article's own title line second.
title=$(sgr style "Blinken brings Aliyev" 2)
case "$title" in "fg=default bg=default"*) true ;; *) false ;; esac
tap_ok $? "light: the article's title in the terminal's foreground ($title)"
tui_keys :
tui_type help
tui_keys Enter
tui_expect "the help view" "keys and commands"
dark=$(sgr dark-text)
[ -z "$dark" ]; tap_ok $? "light: help headings readable too${dark:+ ($dark)}"
tui_keys q Q
st=$(tui_wait_exit)
[ "$st" = 0 ]; tap_ok $? "quits (status $st)"
tap_done
