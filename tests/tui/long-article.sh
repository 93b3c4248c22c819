#!/bin/bash
# tests/tui/long-article.sh: an article far longer than the screen, whose
# statements come after 200 KB of plain text. The reader reads its
# statements and mentions for what is shown only; stepping with ]s and [s
# still reaches those far away, the status bar names their speakers, and
# the side pane counts the actors of the whole article.
. "$top_srcdir/tests/tui/lib.sh"

py=${PYTHON3:-python3}
sample="$top_srcdir/data/samples/05-moscow-trilateral.txt"
long="$TEST_TMP/long.txt"
# 200 KB of plain paragraphs, then the sample's text.
"$py" - "$sample" "$long" <<'PY'
import sys
body = open(sys.argv[1], encoding="utf-8").read().split("\n\n", 3)[3]
filler = "\n\n".join("Plain words of paragraph %d go on here without a name in them, "
                     "line after line. " % k * 12 for k in range(200))
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write("A very long dispatch\n\n" + filler + "\n\n" + body)
PY
"$DOSSIER" import "$long" >/dev/null 2>&1
art=$("$DOSSIER" list | awk '/A very long dispatch/ { print $1; exit }')
plan=$("$DOSSIER" statements --json "$art" | "$py" -c '
import json, sys
sts = json.load(sys.stdin)
if sts and sts[0]["start"] > 150000 and sts[0]["speaker"] and sts[-1]["speaker"]:
    print(sts[0]["speaker"], sts[-1]["speaker"], sep="\t")
' 2>/dev/null)
IFS=$'\t' read -r first last <<<"$plan"
[ -n "$first" ]; tap_ok $? "the long article's statements are past its plain start ($plan)"
[ -n "$first" ] || { tap_done; exit; }

tui_start -x 140 -y 40
tui_expect "started" " List  "
row=$("$DOSSIER" list | awk -v a="$art" '$1 == a { print NR; exit }')
tui_keys g
[ "${row:-1}" -gt 1 ] && tui_type "$((row - 1))j"
tui_keys Enter
tui_expect "the long article opens" "Article  A very long dispatch"
actor=$("$DOSSIER" actors --json "$art" | "$py" -c 'import json,sys; print(json.load(sys.stdin)[0]["name"][:24])')
tui_expect "the side pane lists the actors of the whole article" "$actor"

tui_screen | grep -qF "$first says"; tap_ok $((! $?)) "at the top, no statement under the cursor"
tui_type "]s"
tui_expect "]s reaches the first statement, 150 KB on; the status names its speaker" \
	"$first says"
tui_keys g
tui_wait_gone "$first says"; tap_ok $? "g: back at the top"
tui_keys G
tui_type "[s"
tui_expect "G then [s: the last statement" "$last says"
tui_keys q q
tui_wait_exit >/dev/null
tap_done
