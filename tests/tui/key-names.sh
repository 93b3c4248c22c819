#!/bin/bash
# tests/tui/key-names.sh: every key name the man page lists for `bind`
# works through the config file, typed as a person types it; the
# examples of bindings in the README and the man page work as written;
# <C-j> and <C-h>, which a terminal sends as Enter and Backspace, are
# refused with the key to bind instead.
. "$top_srcdir/tests/tui/lib.sh"

man="$top_srcdir/man/dossier.1"
readme="$top_srcdir/README.md"
cfg="$XDG_CONFIG_HOME/dossier/config"
mkdir -p "${cfg%/*}"

# The names listed after "or by name:" in the man page's bind entry.
names=$(sed -n '/^or by name:$/,/^[^.]/p' "$man" | grep '^\.BR <' | sed 's/\\-/-/g' | grep -o '<[^>]*>')
[ "$(printf '%s\n' "$names" | wc -l)" -ge 10 ]; tap_ok $? "the man page lists key names: $(echo $names)"

# How tmux types each of them.
tmux_key() {
	case $1 in
	'<Enter>') echo Enter ;; '<Esc>') echo Escape ;; '<Tab>') echo Tab ;;
	'<S-Tab>') echo BTab ;; '<Space>') echo Space ;; '<BS>') echo BSpace ;;
	'<Up>') echo Up ;; '<PgDn>') echo NPage ;; '<Home>') echo Home ;;
	'<F1>') echo F1 ;; '<C-d>') echo C-d ;; '<lt>') echo '<' ;;
	*) return 1 ;;
	esac
}

# Each name bound to `last` in the list's keymap (no name listed has it
# by default): the key takes the list to its last row, g back.
: >"$cfg"
for n in $names; do
	echo "bind list $n last" >>"$cfg"
done
tui_start -x 100 -y 24
tui_expect "started" " LIST  1/10 "
tui_screen | grep -q ':[0-9]*: '; tap_ok $((! $?)) "the config's bindings are all taken"
for n in $names; do
	if ! k=$(tmux_key "$n"); then
		tap_ok 1 "the test knows how to type $n"
		continue
	fi
	tui_keys "$k"
	tui_wait " LIST  10/10 " 5; tap_ok $? "bind list $n last: the key goes to the last article"
	tui_keys g
	tui_wait " LIST  1/10 " 5
done
tui_keys Q
tui_wait_exit >/dev/null
tui_stop

# The examples: bind lines of the README's config and the man page's.
examples=$( { awk '/^Keys are rebound/ { on = 1 } on && /^```/ { if (++f == 2) exit; next }
	on && f == 1' "$readme" | grep '^bind '
	sed -n '/take effect. For example:$/,/^\.fi/p' "$man" | grep '^bind ' | sed 's/\\-/-/g'; } | sort -u)
[ -n "$examples" ]; tap_ok $? "the README and the man page give bind examples"
printf '%s\n' "$examples" >"$cfg"
export DOSSIER_DB="$TEST_TMP/examples.db"
ART="$TEST_TMP/talks.txt"
printf 'Talks in Moscow\n\nThe weather was mild on Tuesday in the city.\n\nSergey Lavrov said the talks were useful. Jeyhun Bayramov said a treaty was close.\n' >"$ART"
"$DOSSIER" -q import "$ART" || echo "Bail out! import failed"
tui_start -x 120 -y 24
tui_expect "started with the examples" " LIST "
tui_screen | grep -q ':[0-9]*: '; tap_ok $((! $?)) "the examples are all taken"
tui_keys Enter
tui_expect "the article opens" " READ "
while read -r _ km key action; do
	[ -n "$action" ] || { action=$key; key=$km; km=generic; }
	k=$(tmux_key "$key") || k=$key
	# Where to go first, and what the action shows from there.
	case $action in
	next-statement) first=g want="Sergey Lavrov says" ;;
	prev-statement) first=G want="Jeyhun Bayramov says" ;;
	related) first=G want="Related to" ;;
	*) tap_ok 1 "the test knows what $action shows"; continue ;;
	esac
	tui_keys "$first"
	tui_wait_gone "$want" 5
	tui_keys "$k"
	tui_expect "bind $km $key $action works as written" "$want"
done <<<"$examples"
tui_keys Q
tui_wait_exit >/dev/null
tui_stop

# Keys a terminal sends as others are refused, naming the key to bind.
printf 'bind <C-j> next-statement\nbind ^H help\n' >"$cfg"
tui_start -x 160 -y 24
tui_expect "<C-j> is refused: it is Enter on a terminal" \
	"config:1: '<C-j>' is <Enter> on a terminal: bind <Enter> or another key"
tui_keys Q
tui_wait_exit >/dev/null
tap_done
