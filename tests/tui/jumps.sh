#!/bin/bash
# tests/tui/jumps.sh: stepping through statements, the side pane's actors,
# related statements and the jump to one in another article, then Ctrl-o
# back and forward again; * and # across the corpus.
. "$top_srcdir/tests/tui/lib.sh"

py=${PYTHON3:-python3}
tui_start -x 140 -y 40
tui_expect "started" " List  "
tui_keys :
tui_type focus-list
tui_keys Enter g

# What the analysis found, as the command line reports it: the first
# article in the list with a statement that has a related statement in
# another article; which statement that is (its rank in the article) and
# where the best related one is. A sentence said by two ("the two leaders
# said") is passed over: [s and ]s step by sentence, so its second speaker
# is never the one stepped to.
plan=$("$DOSSIER" list | awk '{print $1}' | while read -r a; do
	"$DOSSIER" statements --json "$a" | DOSSIER="$DOSSIER" "$py" -c '
import json, os, subprocess, sys
sts = json.load(sys.stdin)
for k, s in enumerate(sts):
    if sum(t["start"] == s["start"] for t in sts) > 1:
        continue
    rel = json.loads(subprocess.run([os.environ["DOSSIER"], "related", "--json", str(s["id"])],
        capture_output=True, text=True).stdout or "[]")
    rel = [r for r in rel if r["article"] != s["article"]]
    if rel:
        print(s["article"], k + 1, s["speaker"], rel[0]["title"][:30], sep="\t")
        break
' 2>/dev/null
done | head -n 1)
IFS=$'\t' read -r art rank speaker other <<<"$plan"
[ -n "$art" ]; tap_ok $? "the samples have a statement with a related one elsewhere ($plan)"
row=$("$DOSSIER" list | awk -v a="$art" '$1 == a { print NR; exit }')
title=$("$DOSSIER" list | awk -v a="$art" '$1 == a' | sed 's/.*  //' | cut -c 1-30)

[ "$row" -gt 1 ] && tui_type "$((row - 1))j"
tui_keys Enter
tui_expect "the article opens" "Article  $title"
actor=$("$DOSSIER" actors --json "$art" | "$py" -c 'import json,sys; print(json.load(sys.stdin)[0]["name"][:24])')
tui_expect "the side pane lists its actors" "$actor"

tui_type "$rank]s"
tui_expect "]s steps to the statement; the status bar names its speaker" "$speaker says"
tui_keys r
tui_expect "r lists the related statements in the side pane" "Related to what $speaker said:"
tui_expect "and focuses it on the first" " SIDE  result 1/"
tui_keys Enter
tui_expect "Enter jumps to the related statement's article" "Article  $other"
tui_expect "with the reading focus there" " READ  "
tui_keys C-o
tui_expect "Ctrl-o comes back to the first article" "Article  $title"
tui_expect "on the statement it left" "$speaker says"
tui_keys C-y
tui_expect "Ctrl-y (jump-forward) goes there again" "Article  $other"
tui_keys C-o
tui_expect "and Ctrl-o back" "Article  $title"

tui_keys '*'
tui_expect "* lists every statement by the speaker" "Statements by $speaker"
tui_keys q
tui_expect "q in the side pane returns to the article" " READ  "
tui_keys '[s'
tui_keys ']s'
tui_expect "[s and ]s step back and forth" "$speaker says"

# An agreement, from the side pane: select it, then #. The first article
# in the list that names one (the samples must have one: a test that
# skipped here would prove nothing).
plan=$("$DOSSIER" list | awk '{print $1}' | while read -r a; do
	"$DOSSIER" actors --json "$a" | "$py" -c '
import json,sys
a = [e["name"] for e in json.load(sys.stdin) if e["kind"] == "agreement"]
if a:
    print(sys.argv[1], a[0][:24], sep="\t")' "$a"
done | head -n 1)
IFS=$'\t' read -r agr_art agr <<<"$plan"
[ -n "$agr" ]; tap_ok $? "the samples have an article naming an agreement ($plan)"
agr_row=$("$DOSSIER" list | awk -v a="$agr_art" '$1 == a { print NR; exit }')
agr_title=$("$DOSSIER" list | awk -v a="$agr_art" '$1 == a' | sed 's/.*  //' | cut -c 1-30)
tui_keys :
tui_type focus-list
tui_keys Enter g
[ "$agr_row" -gt 1 ] && tui_type "$((agr_row - 1))j"
tui_keys Enter
tui_expect "the article naming it opens" "Article  $agr_title"
tui_keys Tab
tui_expect "Tab focuses the side pane" " SIDE  "
tui_keys g
for i in $(seq 1 40); do
	pos=$(tui_screen | sed -n 's/.* SIDE  //p')
	case "$pos" in "$agr"*) break ;; esac
	tui_keys j
	tui_wait_gone " SIDE  $pos" 2
done
tui_expect "j moves down to the agreement in the side pane" " SIDE  $agr"
tui_keys '#'
tui_expect "# lists the mentions of an agreement everywhere" "Mentions of"
tui_expect "of that agreement" "of $agr"

tui_keys Q
st=$(tui_wait_exit)
[ "$st" = 0 ]; tap_ok $? "quits (status $st)"

# Highlights made elsewhere are drawn in their tag's colour; ]a reaches them.
quote=$("$DOSSIER" show "$art" | awk 'NF { l = $0 } END { print l }' | cut -d' ' -f1-4)
"$DOSSIER" annotate "$art" --quote "$quote" --tag claim >/dev/null
tap_ok $? "an annotation on the article's last paragraph ($quote)"
tui_stop
tui_start -x 140 -y 40
tui_expect "the reader reopens the article" "Article  $title"
tui_expect "the list counts the annotation" "1 │"
tui_keys :
tui_type focus-article
tui_keys Enter g
tui_expect "at its top" "  0%"
tui_keys ']a'
tui_wait_gone "  0%"; tap_ok $? "]a moves to the annotation"
tui_expect "which is on screen" "$quote"
tui_expect_sgr "drawn in the claim colour" '48;5;25([^0-9]|$)'
tui_keys '[a'
tui_expect "[a finds nothing before it" "no annotations before here"
tui_keys Q
tui_wait_exit >/dev/null
tap_done
