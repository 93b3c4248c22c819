#!/bin/bash
# tests/tui/safe-terminal.sh: the terminal stays the user's. A page whose
# canonical link carries OSC 0 (window title) and OSC 52 (clipboard) is
# shown by `dossier show` in a tmux pane and changes neither; a terminal
# that cannot place the cursor (TERM=dumb) is refused with one line; a FIFO
# as the configuration file does not hang the reader.
. "$top_srcdir/tests/tui/lib.sh"

esc=$'\033' bel=$'\007'
page="$TEST_TMP/page.html"
printf '<html><head><title>Hostile link</title><link rel="canonical" href="https://x.example/%s]0;PWNED-TITLE%s%s]52;c;UFdORUQ=%s"><meta property="og:site_name" content="Out%s]2;OUTLET-TITLE%slet"></head><body><p>The corridor talks resumed on Monday.</p></body></html>\n' \
	"$esc" "$bel" "$esc" "$bel" "$esc" "$bel" >"$page"
"$DOSSIER" -q import "$page"; tap_ok $? "the page imports"

tmux_ set-option -g set-clipboard on >/dev/null 2>&1
tmux_ set-option -g allow-rename on >/dev/null 2>&1
tui_start_shell -x 120 -y 20
tui_wait '$ '
before=$(tui_format '#{pane_title}')
tui_type "'$DOSSIER' show \$(\"$DOSSIER\" search --json corridor | sed -n 's/.*\"id\": *\\([0-9]*\\).*/\\1/p' | head -1); echo DONE"
tui_keys Enter
tui_expect "show prints the article" "source: https://x.example/"
tui_wait "DONE"
title=$(tui_format '#{pane_title}')
case $title in *PWNED*|*OUTLET*) false ;; *) [ "$title" = "$before" ] ;; esac
tap_ok $? "the pane title is untouched ($title)"
tmux_ show-buffer >/dev/null 2>&1
[ $? -ne 0 ]; tap_ok $? "the clipboard (tmux buffer) is untouched"
tui_expect "the link is shown without its escapes" "source: https://x.example/]0;PWNED-TITLE]52;c;UFdORUQ="
tui_expect "the outlet too" "outlet: Out]2;OUTLET-TITLElet"
tui_stop

# TERM=dumb: one line, status 1, as for an unknown terminal.
tui_start_shell -x 160 -y 10
tui_wait '$ '
tui_type "TERM=dumb '$DOSSIER'; echo STATUS=\$?"
tui_keys Enter
tui_expect "TERM=dumb: the reader does not start" "STATUS=1"
screen=$(tui_screen | grep -v '^\$' | grep .)
[ "$screen" = "dossier: read: terminal type 'dumb' cannot move the cursor, which the reader needs
STATUS=1" ]
tap_ok $? "TERM=dumb: one line saying why, nothing else drawn ($screen)"
tui_stop

# A FIFO as the configuration file: the reader starts and says so.
mkdir -p "$XDG_CONFIG_HOME/dossier"
mkfifo "$XDG_CONFIG_HOME/dossier/config"
tui_start
tui_expect "a FIFO as config: the reader starts anyway" " List  "
tui_expect "and names the file" "config: not a regular file (a FIFO)"
tui_keys Q
st=$(tui_wait_exit); [ "$st" = 0 ]; tap_ok $? "quits (status $st)"
tui_stop
tap_done
