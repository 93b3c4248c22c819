#!/bin/bash
# tests/tui/config.sh: the config file (set, bind), errors that name
# file:line while the rest still loads, and the same commands live.
. "$top_srcdir/tests/tui/lib.sh"

cfg="$XDG_CONFIG_HOME/dossier/config"
mkdir -p "$(dirname "$cfg")"
cat >"$cfg" <<'CFG'
# a comment, then settings
set theme mono
bind x no-such-action
bind article K move-up
bind J move-down
set mouse off
CFG

tui_start -x 120 -y 30
tui_expect "a bad line is reported by file and line" "$cfg:3: unknown action 'no-such-action'"
tui_expect "the lines after it still load: J is bound" " LIST  1/"
tui_keys J
tui_expect "J moves down" " LIST  2/"
[ -z "$(tui_screen -e | grep -o '[34]8;5;[0-9]*')" ]; tap_ok $? "set theme mono applied"
[ "$(tui_format '#{mouse_any_flag}')" = 0 ]; tap_ok $? "set mouse off: no mouse reporting"

tui_keys :
tui_type "set mouse on"
tui_keys Enter
tui_expect ":set mouse on" "mouse on"
[ "$(tui_format '#{mouse_any_flag}')" = 1 ]; tap_ok $? "the terminal reports the mouse now"

tui_keys :
tui_type "bind <C-x> last"
tui_keys Enter
tui_expect ":bind works live" "<C-x> bound to last"
tui_keys C-x
tui_expect "the new binding works" " LIST  10/"
tui_keys :
tui_type "bind j none"
tui_keys Enter
tui_keys j
tui_expect "a key bound to none is unbound" "j is not bound"
tui_keys '?'
tui_expect "help shows the new binding" "<C-x>"
tui_keys q

tui_keys :
tui_type "tag color cla"
tui_keys Tab
tui_expect "Tab completes tag names" ":tag color claim"
tui_keys C-u
tui_type "actor sergey"
tui_keys Tab
actor=$("$DOSSIER" actors | awk '$2 == "Sergey" { print $2 " " $3; exit }')
tui_expect "Tab completes actor names, spaces and all (${actor:-none})" ":actor ${actor:-Sergey}"
tui_keys Escape

tui_keys :
tui_type "bind Z frobnicate"
tui_keys Enter
tui_expect "a bad :bind says what is wrong" "unknown action 'frobnicate'"
tui_keys :
tui_type "nonsense"
tui_keys Enter
tui_expect "an unknown command says so" "unknown command 'nonsense'"
tui_keys : Up
tui_expect "Up recalls the last command" ":nonsense"
tui_keys Up
tui_expect "and the one before" ":bind Z frobnicate"
tui_keys Escape
tui_keys :
tui_type "first"
tui_keys Enter
tui_expect "actions run by name" " LIST  1/"
tui_keys :
tui_type quit
tui_keys Enter
st=$(tui_wait_exit)
[ "$st" = 0 ]; tap_ok $? ":quit quits (status $st)"

# A config that cannot be read at all is one message, not a failure.
tui_stop
rm -f "$cfg"
mkdir "$cfg"
tui_start -x 120 -y 30
tui_expect "an unreadable config is reported" "$cfg"
tui_expect "and the reader still runs" " List  "
tui_keys Q
tui_wait_exit >/dev/null

tap_done
