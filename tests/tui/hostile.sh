#!/bin/bash
# tests/tui/hostile.sh: an article written to attack the terminal (OSC 52
# clipboard, OSC 0 title, CSI colours and cursor moves, DCS, C1 controls,
# bidi overrides) is shown as visible text and changes nothing outside the
# reader; huge articles (a 20 MB single line, a million combining marks, a
# hundred thousand tiny paragraphs) open and answer keys.
. "$top_srcdir/tests/tui/lib.sh"

in="$TEST_TMP/in"
mkdir -p "$in"
"${PYTHON3:-python3}" - "$in" <<'PY'
import sys
d = sys.argv[1]
esc = "\x1b"
body = ("Attack on the terminal\n\n"
        "Clipboard " + esc + "]52;c;UFdORUQ=\x07 end.\n"
        "Title " + esc + "]0;PWNED-TITLE\x07 end.\n"
        "Colour " + esc + "[31;1mRED" + esc + "[0m and " + esc + "[2J" + esc + "[H moves.\n"
        "Device " + esc + "P+q544e" + esc + "\\ control string.\n"
        "Eight-bit \u009b31m CSI and \u009d0;C1-TITLE\u009c here.\n"
        "Reversed \u202eSIHT DAER\u202c and isolate \u2067abc\u2069 text.\n"
        "Bell \x07 backspace \x08 delete \x7f end.\n")
open(d + "/attack.txt", "w", encoding="utf-8").write(body)
line = ("Lachin corridor talks resumed in Brussels on Monday. " * 400000)[:20 * 1024 * 1024]
open(d + "/line.txt", "w").write("A very long line\n\n" + line + "\n")
open(d + "/marks.txt", "w", encoding="utf-8").write("A million marks\n\nBase a" + "\u0301" * 1000000 + " after.\n")
open(d + "/paras.txt", "w").write("Many paragraphs\n\n" + "".join("Paragraph %d.\n\n" % i for i in range(100000)))
PY

"$DOSSIER" -q import "$in/attack.txt"; tap_ok $? "the hostile article imports"

tmux_ set-option -g set-clipboard on >/dev/null 2>&1
tui_start -x 120 -y 30
tui_expect "reader starts" " List  "
tui_keys :
tui_type "search attack"
tui_keys Enter
tui_expect "found" "Attack on the terminal"
tui_keys Enter
tui_expect "article opens" "Clipboard"
# Import tidies control characters out of the text it stores: what is
# left of each sequence is plain, harmless text.
tui_expect "the clipboard sequence is inert text" "Clipboard ]52;c;UFdORUQ= end."
tui_expect "the title sequence is inert text" "Title ]0;PWNED-TITLE end."
# A control sequence (ESC [ ... final) goes whole, leaving no "[31m".
tui_expect "the colour sequences are tidied out whole" "Colour RED and moves."
tui_expect "bidi override is shown, not obeyed" "<U+202E>SIHT DAER<U+202C>"
title=$(tui_format '#{pane_title}')
case $title in *PWNED*|*C1-TITLE*) false ;; *) true ;; esac
tap_ok $? "the pane title is untouched ($title)"
tmux_ show-buffer >/dev/null 2>&1
[ $? -ne 0 ]; tap_ok $? "the clipboard (tmux buffer) is untouched"
raw=$(tui_screen -e)
grep -q $'\e\\]' <<<"$raw"; [ $? -ne 0 ]; tap_ok $? "no OSC sequence reaches the terminal"
grep -q $'\eP' <<<"$raw"; [ $? -ne 0 ]; tap_ok $? "no DCS sequence reaches the terminal"
grep -q $'\e\\[31;1m' <<<"$raw"; [ $? -ne 0 ]; tap_ok $? "the article's colour sequence is not replayed"
grep -q "RED" <<<"$(tui_screen)"; tap_ok $? "the text around the sequences is there"
tui_keys Q
st=$(tui_wait_exit); [ "$st" = 0 ]; tap_ok $? "quits (status $st)"
tui_stop

# A database written by something else may hold raw controls in a body:
# the reader itself draws each one visibly (^[ and <U+...>), never raw.
"${PYTHON3:-python3}" - "$DOSSIER_DB" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
body = ("Raw controls\n\nClip \x1b]52;c;UFdORUQ=\x07 and title \x1b]0;RAW-TITLE\x07 and "
        "colour \x1b[31;1mRED\x1b[0m and C1 \u009b32m and DEL \x7f and NUL-free end.\n")
db.execute("INSERT INTO articles(title, format, body, hash) VALUES ('Raw controls', 'text', ?, 'raw')",
           (body,))
db.commit()
PY
tui_start -x 120 -y 30
tui_expect "reader starts (raw)" " List  "
tui_keys :
tui_type "search raw"
tui_keys Enter
tui_expect "found (raw)" "Raw controls"
tui_keys Enter
tui_expect "ESC is drawn as ^[ and BEL as ^G" "Clip ^[]52;c;UFdORUQ=^G and title ^[]0;RAW-TITLE^G"
tui_expect "CSI is drawn as text" "^[[31;1mRED^[[0m"
tui_expect "C1 CSI is drawn visibly" "C1 <U+009B>32m"
tui_expect "DEL is drawn visibly" "DEL ^? and"
title=$(tui_format '#{pane_title}')
case $title in *RAW-TITLE*) false ;; *) true ;; esac
tap_ok $? "the pane title is untouched by raw text ($title)"
tmux_ show-buffer >/dev/null 2>&1
[ $? -ne 0 ]; tap_ok $? "the clipboard is untouched by raw text"
raw=$(tui_screen -e)
grep -q $'\e\\]' <<<"$raw"; [ $? -ne 0 ]; tap_ok $? "no raw OSC in the pane (capture-pane -e)"
grep -q $'\e\\[31;1m' <<<"$raw"; [ $? -ne 0 ]; tap_ok $? "no raw article colour in the pane"
grep -q $'\x7f' <<<"$raw"; [ $? -ne 0 ]; tap_ok $? "no raw DEL in the pane"
tui_keys Q
tui_wait_exit >/dev/null
tui_stop

# Huge articles: each opens, G reaches its end, and the reader still answers.
"$DOSSIER" -q import --max-size 64M "$in/line.txt" "$in/marks.txt" "$in/paras.txt"
tap_ok $? "the huge articles import"
for t in "A very long line" "A million marks" "Many paragraphs"; do
	tui_start -x 100 -y 30
	# It reopens the article read last, which may be the 20 MB one.
	tui_expect "$t: reader starts" " List  " 20
	tui_keys :
	tui_type "search \"$t\""
	tui_keys Enter
	tui_expect "$t: found" "$t"
	tui_keys Enter
	tui_expect "$t: opens" " READ  " 20
	tui_keys G
	tui_expect "$t: G goes to the end" "100%" 20
	tui_keys g
	tui_expect "$t: g goes back to the top" " 0%" 20
	tui_keys Q
	st=$(tui_wait_exit 20); [ "$st" = 0 ]; tap_ok $? "$t: quits (status $st)"
	tui_stop
done
tap_done
