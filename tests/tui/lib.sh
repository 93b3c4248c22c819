# tests/tui/lib.sh: drive the real dossier binary inside tmux, the way a
# person uses it: keys in, screen text out. Sourced by tests/tui/*.sh and
# tests/cli/*.sh. Output is TAP.
#
#   tui_start [-x COLS] [-y ROWS] [-e VAR=VALUE]... [-- ARGS...]
#   tui_start_shell [-x COLS] [-y ROWS]  an interactive bash instead
#   tui_keys KEY...            tmux send-keys (names as tmux knows them)
#   tui_type TEXT              literal text
#   tui_wait TEXT [SECONDS]    poll the screen until TEXT shows (default $TUI_DEADLINE s)
#   tui_wait_gone TEXT [SECONDS]
#   tui_screen [-e]            the screen now (-e keeps colour escapes)
#   tui_expect NAME TEXT       ok if the screen shows TEXT within the deadline
#   tui_expect_sgr NAME REGEX  ok if capture-pane -e matches REGEX (colours)
#   tui_expect_screen NAME <<EOF  ok if the screen equals the text (trailing
#                              blanks ignored); prints a diff otherwise
#   tui_wait_exit [SECONDS]    wait for dossier to end; echoes its exit status
#   tui_resize COLS ROWS
#   tui_at_cursor              the text from the cursor to the end of its row
#   tui_pid                    the process id of dossier (for kill)
#   tui_stop                   end tmux and dossier, ready for a new tui_start
#   tui_format FORMAT          a tmux format about the pane ('#{pane_dead}')
#   tui_expect_restored NAME   ok if the ended program gave the terminal back
#
# Each test gets a fresh temporary home: database, config and data dirs.

set -u

: "${DOSSIER:?DOSSIER must name the dossier binary}"
: "${TMUX_BIN:=tmux}"
[ -n "$TMUX_BIN" ] || TMUX_BIN=tmux

# How long a wait for the screen may last before it counts as failed. Waits
# end as soon as the screen is right, so a generous deadline costs nothing
# when all is well; it absorbs a sanitizer build on a loaded machine.
: "${TUI_DEADLINE:=20}"

TEST_TMP=$(mktemp -d "${TMPDIR:-/tmp}/dossier-tui.XXXXXX")
TUI_SOCKET="$TEST_TMP/tmux.sock"
TUI_TARGET="dossier-test"
TUI_STATUS="$TEST_TMP/exit-status"
export HOME="$TEST_TMP/home"
export XDG_DATA_HOME="$HOME/.local/share"
export XDG_CONFIG_HOME="$HOME/.config"
export DOSSIER_DB="$XDG_DATA_HOME/dossier/dossier.db"
unset NO_COLOR TMUX
mkdir -p "$HOME"

_tap_n=0
_tap_failed=0

tap_ok() {  # tap_ok STATUS NAME
	_tap_n=$((_tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $_tap_n - $2"
	else
		echo "not ok $_tap_n - $2"
		_tap_failed=$((_tap_failed + 1))
	fi
}

tap_diag() {
	printf '%s\n' "$@" | sed 's/^/# /'
}

tap_done() {
	echo "1..$_tap_n"
	[ "$_tap_failed" -eq 0 ]
}

tmux_() {
	"$TMUX_BIN" -S "$TUI_SOCKET" -f /dev/null "$@"
}

_tui_cleanup() {
	tmux_ kill-server >/dev/null 2>&1
	[ -n "${TAP_KEEP_TMP:-}" ] && return
	# A program killed with its terminal may still be writing its last
	# state: try again once it has had a moment.
	rm -rf "$TEST_TMP" 2>/dev/null || { sleep 0.5; rm -rf "$TEST_TMP"; }
}
trap _tui_cleanup EXIT

tui_start() {
	local cols=80 rows=24 envs=()
	while [ $# -gt 0 ]; do
		case "$1" in
		-x) cols=$2; shift 2 ;;
		-y) rows=$2; shift 2 ;;
		-e) envs+=("$2"); shift 2 ;;
		--) shift; break ;;
		*) break ;;
		esac
	done
	# The shell stays to write the exit status: tmux does not always reap
	# a pane's process promptly, so #{pane_dead_status} can stay empty.
	local cmd="cd '$TEST_TMP' && env TERM=${TUI_TERM:-xterm-256color} ${envs[*]:-} '$DOSSIER'"
	local a
	for a in "$@"; do cmd="$cmd '$a'"; done
	cmd="$cmd; echo \$? >'$TUI_STATUS'"
	rm -f "$TUI_STATUS"
	tmux_ new-session -d -s "$TUI_TARGET" -x "$cols" -y "$rows" "$cmd" || return 1
	tmux_ set-option -t "$TUI_TARGET" remain-on-exit on >/dev/null
	tmux_ set-option -t "$TUI_TARGET" status off >/dev/null
}

# tui_start_shell [-x COLS] [-y ROWS]: an interactive bash (no rc files,
# prompt "$ ") in the pane instead of dossier, for what needs a shell with
# job control around the program (Ctrl-z, fg). Type the commands.
tui_start_shell() {
	local cols=80 rows=24
	while [ $# -gt 0 ]; do
		case "$1" in
		-x) cols=$2; shift 2 ;;
		-y) rows=$2; shift 2 ;;
		*) break ;;
		esac
	done
	tmux_ new-session -d -s "$TUI_TARGET" -x "$cols" -y "$rows" \
	    "cd '$TEST_TMP' && exec env TERM=${TUI_TERM:-xterm-256color} PS1='$ ' bash --norc --noprofile -i" ||
	    return 1
	tmux_ set-option -t "$TUI_TARGET" remain-on-exit on >/dev/null
	tmux_ set-option -t "$TUI_TARGET" status off >/dev/null
}

tui_keys() {
	tmux_ send-keys -t "$TUI_TARGET" "$@"
}

tui_type() {
	tmux_ send-keys -t "$TUI_TARGET" -l -- "$1"
}

tui_screen() {
	if [ "${1:-}" = -e ]; then
		tmux_ capture-pane -t "$TUI_TARGET" -p -e
	else
		tmux_ capture-pane -t "$TUI_TARGET" -p
	fi
}

# tui_at_cursor: the text under the terminal's cursor, to the end of its
# row (where the reader draws the article's cursor).
tui_at_cursor() {
	local pos
	pos=$(tui_format '#{cursor_y} #{cursor_x}')
	tui_screen | "${PYTHON3:-python3}" -c '
import sys
y, x = map(int, sys.argv[1].split())
rows = sys.stdin.read().split("\n")
print(rows[y][x:] if y < len(rows) else "")' "$pos"
}

tui_resize() {
	tmux_ resize-window -t "$TUI_TARGET" -x "$1" -y "$2"
}

# Polls every 20 ms so a test waits only as long as the program needs.
tui_wait() {
	local text=$1 deadline=$(( $(date +%s%N) + ${2:-$TUI_DEADLINE} * 1000000000 ))
	while [ "$(date +%s%N)" -lt "$deadline" ]; do
		tui_screen | grep -qF -- "$text" && return 0
		sleep 0.02
	done
	return 1
}

tui_wait_gone() {
	local text=$1 deadline=$(( $(date +%s%N) + ${2:-$TUI_DEADLINE} * 1000000000 ))
	while [ "$(date +%s%N)" -lt "$deadline" ]; do
		tui_screen | grep -qF -- "$text" || return 0
		sleep 0.02
	done
	return 1
}

tui_expect() {
	local name=$1 text=$2
	if tui_wait "$text" "${3:-$TUI_DEADLINE}"; then
		tap_ok 0 "$name"
	else
		tap_ok 1 "$name"
		tap_diag "expected on screen: $text" "screen was:"
		tui_screen | tap_diag "$(cat)"
	fi
}

# tui_expect_sgr NAME REGEX: ok if the screen with its colour escapes
# (capture-pane -e) matches REGEX (grep -E) within the deadline.
tui_expect_sgr() {
	local name=$1 re=$2 deadline=$(( $(date +%s%N) + TUI_DEADLINE * 1000000000 ))
	while :; do
		tui_screen -e | grep -qE -- "$re" && { tap_ok 0 "$name"; return 0; }
		[ "$(date +%s%N)" -ge "$deadline" ] && break
		sleep 0.02
	done
	tap_ok 1 "$name"
	tap_diag "no match for $re in the screen's escapes"
	return 1
}

tui_expect_screen() {
	local name=$1 want got deadline
	want=$(sed 's/[[:space:]]*$//')
	deadline=$(( $(date +%s%N) + TUI_DEADLINE * 1000000000 ))
	while :; do
		got=$(tui_screen | sed 's/[[:space:]]*$//')
		# Trailing blank lines are not part of what a reader sees.
		got=$(printf '%s\n' "$got" | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}')
		[ "$got" = "$want" ] && { tap_ok 0 "$name"; return 0; }
		[ "$(date +%s%N)" -ge "$deadline" ] && break
		sleep 0.02
	done
	tap_ok 1 "$name"
	diff <(printf '%s\n' "$want") <(printf '%s\n' "$got") | tap_diag "$(cat)"
	return 1
}

tui_pane_dead() {
	[ "$(tmux_ display-message -t "$TUI_TARGET" -p '#{pane_dead}' 2>/dev/null)" = 1 ]
}

tui_wait_exit() {
	local deadline=$(( $(date +%s%N) + ${1:-5} * 1000000000 ))
	while [ "$(date +%s%N)" -lt "$deadline" ]; do
		if [ -s "$TUI_STATUS" ]; then
			cat "$TUI_STATUS"
			return 0
		fi
		sleep 0.02
	done
	echo timeout
	return 1
}

# tui_pid: the process id of dossier in the pane (for signals).
tui_pid() {
	pgrep -P "$(tui_format '#{pane_pid}')" | head -n 1
}

# tui_stop: ends the tmux server (and dossier in it), waiting until it is
# gone so that a following tui_start gets a fresh one.
tui_stop() {
	local deadline=$(( $(date +%s%N) + TUI_DEADLINE * 1000000000 ))
	tmux_ kill-server >/dev/null 2>&1
	while [ -S "$TUI_SOCKET" ] && [ "$(date +%s%N)" -lt "$deadline" ]; do
		sleep 0.02
	done
	rm -f "$TUI_SOCKET"
}

# tui_format FORMAT: a tmux format about the pane, e.g. '#{alternate_on}'
# (after the program ends: was the terminal given back as it was?).
tui_format() {
	tmux_ display-message -t "$TUI_TARGET" -p "$1"
}

# tui_expect_restored NAME: after dossier ended, the terminal is back to
# normal: main screen, no mouse reporting, no application keypad mode.
tui_expect_restored() {
	local got
	got=$(tui_format '#{alternate_on}#{mouse_any_flag}#{keypad_cursor_flag}')
	if [ "$got" = 000 ]; then
		tap_ok 0 "$1"
	else
		tap_ok 1 "$1"
		tap_diag "alternate screen, mouse, keypad flags: $got (want 000)"
	fi
}
