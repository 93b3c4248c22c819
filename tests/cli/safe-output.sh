#!/bin/bash
# tests/cli/safe-output.sh: nothing an article, a file name or a note
# carries reaches the terminal or an export as a control character. Pages
# with escapes in their canonical link, site name and title, file names
# with ESC and a newline, a note with an escape: every command is run on
# them, and its standard output and error are searched for C0 and C1
# control bytes (other than newline and tab; CR only as CSV's CR LF) and
# for bytes that are not UTF-8.
. "$top_srcdir/tests/tui/lib.sh"

db="$TEST_TMP/s.db"
in="$TEST_TMP/in"
mkdir -p "$in"
esc=$'\033' bel=$'\007' c1=$'\xc2\x9b' osc1=$'\xc2\x9d'
evil="$in/evil${esc}]2;FILE-TITLE${bel}.html"
nl="$in/two"$'\n'"lines${esc}[31m.txt"

printf '<html><head><meta charset="utf-8"><title>Title %s[31mred%s[0m</title>
<meta property="og:site_name" content="Wire%s[1m %sstrong Outlet">
<link rel="canonical" href="https://x.example/%s]2;PWNED-TITLE%s%s]52;c;UFdORUQ=%s%s0;C1-TITLE">
</head><body><article><p>Body with %s]0;BODY-TITLE%s an escape and a %s31m C1 CSI.</p>
<p>The corridor talks resumed in Brussels on Monday, officials said.</p>
<p>Sergey Lavrov said the corridor would reopen within a week.</p></article></body></html>\n' \
	"$esc" "$esc" "$esc" "$c1" "$esc" "$bel" "$esc" "$bel" "$osc1" "$esc" "$bel" "$c1" >"$evil"
# UTF-7 hides an ESC as +ABs-; a byte that is not UTF-8 makes dossier look
# at the declared charset at all.
printf '<html><head><meta charset="UTF-7"><link rel="canonical" href="https://y.example/+ABs-]2;UTF7-TITLE+AAc-"><title>Seven</title></head><body><p>Seven bits \xff and the Lachin corridor.</p></body></html>\n' >"$in/seven.html"
printf 'Two lines\n\nNUL \0 inside.\n' >"$nl"

out="$TEST_TMP/out"
ran=" "
# check NAME ARGS...: runs `dossier ARGS` (stdin from /dev/null) and looks
# at everything it printed.
check() {
	local name=$1 bad
	shift
	"$DOSSIER" --db "$db" "$@" </dev/null >"$out" 2>&1
	ran="$ran${name} "
	bad=$(sed 's/\r$//' "$out" | LC_ALL=C grep -naP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]' | head -3)
	if [ -z "$bad" ] && iconv -f UTF-8 -t UTF-8 "$out" >/dev/null 2>&1; then
		tap_ok 0 "$name: $(head -c 100 "$out" | tr '\n' ' ')"
	else
		tap_ok 1 "$name: control or invalid bytes"
		tap_diag "$(od -c "$out" | head -20)"
	fi
}

check import import "$evil" "$in/seven.html" "$nl" "$in/missing${esc}[2J.html"
check list list
check show show 1
check show show --comments 2
check show show --json 1
check show show "1${esc}[2J"
check search search corridor
check search search --json corridor
check search search "${esc}]2;X${bel}"
check actors actors
check actors actors 1
check mentions mentions "Brussels${esc}[31m"
check statements statements
check statements statements --by "${esc}[31mnobody"
check related related 1
check related related "${esc}[1m"
check annotate annotate 1 --quote "corridor talks" --tag "claim" --note "note ${esc}]52;c;UFdORUQ=${bel} ${c1}31m"
check annotations annotations
check annotations annotations --json
check annotations annotations --speaker "${esc}]2;X${bel}"
check tag tag
check tag tag add "bad${esc}[31m"
check tag tag
check report report frequency
check report report frequency --per outlet --chart
check report report matrix article --chart
check report report matrix speaker --csv
check report report cooccurrence --entities --json
check report report timeline --by "Sergey Lavrov"
check report report frequency --tag "${esc}[31mx"
check report report timeline --about "${esc}]2;X${bel}"
check intercoder intercoder --coders "${esc}]2;X${bel},b"
check intercoder intercoder --coders "a,${esc}[31mb" --json
check memo memo add --title "t${esc}]2;X${bel}" "memo ${esc}[31m red ${c1}31m"
check memo memo add --tag "${esc}[31mx" "x"
check memo memo list
check memo memo list --json
check memo memo show 1
check memo memo list --search "${esc}[31m"
# Feeds: names, addresses and the network's errors come back on the screen.
# Port 9 on this machine refuses at once; nothing leaves it.
check feed feed add "http://127.0.0.1:9/${esc}]2;X${bel}.xml" --name "wire${esc}[31m"
check feed feed add "http://127.0.0.1:9/feed.xml" --name "wire${esc}[31m two"
check feed feed list
check feed feed export
check feed feed rename "wire${esc}[31m two" "w${c1}31m"
check fetch fetch --timeout 5
check fetch fetch "${esc}]2;X${bel}"
check import import "http://127.0.0.1:9/${esc}[2J.html"
check export export --format json
check export export --format csv
check export export --format markdown
check export export -o "$in/no-dir${esc}[2J/x.json"
printf '{"bad json' >"$in/notes${esc}[31m.json"
check import-annotations import-annotations "$in/notes${esc}[31m.json"
check import-annotations import-annotations "$in/missing${esc}]2;X${bel}.json"
check kb kb export --all
check kb kb show "Sergey Lavrov"
check kb kb import "$in/kb${esc}[31m.tsv"
check eval eval "$in/gold${esc}[2J"
check delete-annotation delete-annotation 1
check delete-annotation delete-annotation "${esc}[31m"
check check check
check backup backup "$in/backup${esc}]2;X${bel}.db"
check backup backup "$in/no-dir${esc}[2J/b.db"
check version version
check read read
check unknown-command "${esc}]2;X${bel}"
check unknown-option "--${esc}[31m"

# Every command in dossier's own list was run above.
missing=""
for c in $("$DOSSIER" --help | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }'); do
	case $ran in *" $c "*) ;; *) missing="$missing $c" ;; esac
done
[ -z "$missing" ]; tap_ok $? "every command was run (missing:${missing:- none})"

# What was stored is tidied at import, as titles and bodies are.
"$DOSSIER" --db "$db" show --json 1 | "$PYTHON3" -c '
import json, sys
a = json.load(sys.stdin)
for k in ("title", "source", "outlet", "body"):
    v = a[k] or ""
    assert not any(ord(c) < 32 and c != "\n" or 0x7f <= ord(c) < 0xa0 for c in v), (k, v)
assert a["source"] == "https://x.example/]2;PWNED-TITLE]52;c;UFdORUQ=0;C1-TITLE", a["source"]
assert a["outlet"] == "Wire strong Outlet", a["outlet"]'
tap_ok $? "the stored link, outlet, title and body hold no control character"
"$DOSSIER" --db "$db" show 2 | grep -qx 'source: https://y.example/+ABs-]2;UTF7-TITLE+AAc-'
tap_ok $? "a UTF-7 link is not decoded into an escape"
"$DOSSIER" --db "$db" import "$nl" 2>&1 | grep -q "^dossier: import: $in/two^Jlines^\[\[31m.txt: NUL byte"
tap_ok $? "a file name with a newline and ESC is printed with stand-ins"
"$DOSSIER" --db "$db" export --format csv -o "$TEST_TMP/a.csv"
[ -s "$TEST_TMP/a.csv" ] && ! sed 's/\r$//' "$TEST_TMP/a.csv" | LC_ALL=C grep -qaP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]'
tap_ok $? "an export written to a file holds no control character either"
tap_done
