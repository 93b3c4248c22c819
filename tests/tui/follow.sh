#!/bin/bash
# tests/tui/follow.sh: the list's selection follows the article shown,
# however it was opened: a jump to a related statement in another
# article, then Ctrl-o back.
. "$top_srcdir/tests/tui/lib.sh"

py=${PYTHON3:-python3}
tui_start -x 140 -y 40
tui_expect "started" " List  "

# An article with a statement related to one in another article, as in
# jumps.sh: which statement (its rank) and the other article's id.
plan=$("$DOSSIER" list | awk '{print $1}' | while read -r a; do
	"$DOSSIER" statements --json "$a" | DOSSIER="$DOSSIER" "$py" -c '
import json, os, subprocess, sys
sts = json.load(sys.stdin)
for k, s in enumerate(sts):
    rel = json.loads(subprocess.run([os.environ["DOSSIER"], "related", "--json", str(s["id"])],
        capture_output=True, text=True).stdout or "[]")
    rel = [r for r in rel if r["article"] != s["article"]]
    if rel:
        print(s["article"], k + 1, rel[0]["article"], sep="\t")
        break
' 2>/dev/null
done | head -n 1)
IFS=$'\t' read -r art rank other <<<"$plan"
[ -n "$other" ]; tap_ok $? "the samples have a statement related to another article ($plan)"
total=$("$DOSSIER" list | wc -l)
row=$("$DOSSIER" list | awk -v a="$art" '$1 == a { print NR; exit }')
orow=$("$DOSSIER" list | awk -v a="$other" '$1 == a { print NR; exit }')
# The list's position on the status bar: "ROW/TOTAL PERCENT%".
at() { echo " $1/$total $(( ($1 - 1) * 100 / (total - 1) ))%"; }

tui_keys g
[ "$row" -gt 1 ] && tui_type "$((row - 1))j"
tui_expect "the list selects the article" "$(at "$row")"
tui_keys Enter
tui_type "$rank]s"
tui_keys r
tui_expect "r lists the related statements" " SIDE  result 1/"
tui_keys Enter
tui_expect "Enter jumps to the other article" " READ  "
tui_keys :
tui_type focus-list
tui_keys Enter
tui_expect "the list's selection followed to it" "$(at "$orow")"
tui_keys C-o
tui_keys :
tui_type focus-list
tui_keys Enter
tui_expect "Ctrl-o: the selection follows back" "$(at "$row")"
tui_keys q
tui_wait_exit >/dev/null
tap_done
