#!/bin/bash
# tests/cli/html.sh: web pages through `dossier import`: the article found
# and its metadata stored, hostile pages (100,000 nested blocks, a 20 MB
# page, text only in scripts, broken and declared encodings) imported with
# a warning rather than refused, and the user's own extraction rules.
. "$top_srcdir/tests/tui/lib.sh"

H="$top_srcdir/tests/data/html"
D="$TEST_TMP/in"
mkdir -p "$D"
db="$TEST_TMP/a.db"
imp() { "$DOSSIER" --db "$db" import "$@"; }
field() {  # field ID KEY: a field of `show --json`
	local v
	v=$("$DOSSIER" --db "$db" show --json "$1" |
		"$PYTHON3" -c 'import json,sys; v = json.load(sys.stdin).get(sys.argv[1]); print("" if v is None else v)' "$2")
	printf '%s\n' "$v"
}
last_id() { "$DOSSIER" --db "$db" list --limit 0 --json |
	"$PYTHON3" -c 'import json,sys; print(max(a["id"] for a in json.load(sys.stdin)))'; }

err=$(imp "$H/jsonld.html" 2>&1); rc=$?
id=$(last_id)
[ $rc -eq 0 ] && [ "$(field "$id" title)" = "Weir holds back spring flood" ] &&
	[ "$(field "$id" published)" = "2023-03-14T07:30:00Z" ] &&
	[ "$(field "$id" outlet)" = "Valley Courier" ]
tap_ok $? "JSON-LD metadata stored: title, published, outlet (got $rc: $err)"

err=$(imp "$H/noscript.html" 2>&1); rc=$?
[ $rc -eq 0 ] && printf '%s\n' "$err" | grep -q "noscript.html: .*warn\|noscript.html: " &&
	printf '%s\n' "$err" | grep -q "imported 1 article"
tap_ok $? "text only in <noscript>: imported, with a warning naming the file (got $rc: $err)"

err=$(imp "$H/articlebody-script.html" 2>&1); rc=$?
id=$(last_id)
[ $rc -eq 0 ] && field "$id" body | grep -q "held back the spring flood" &&
	! field "$id" body | grep -q "window.app"
tap_ok $? "text only in <script>: the JSON-LD articleBody, no code (got $rc: $err)"

err=$(imp "$H/whole-page.html" 2>&1); rc=$?
[ $rc -eq 0 ] && printf '%s\n' "$err" | grep -q "whole-page.html: no block of the page reads as its article"
tap_ok $? "no block wins: the whole page, with a warning (got $rc: $err)"

err=$(imp "$H/broken-utf8.html" 2>&1); rc=$?
id=$(last_id)
[ $rc -eq 0 ] && printf '%s\n' "$err" | grep -q "broken-utf8.html: invalid UTF-8 at byte" &&
	field "$id" body | grep -q $'caf\xef\xbf\xbd by the weir'
tap_ok $? "UTF-8 declared, Latin-1 bytes: U+FFFD and a warning (got $rc: $err)"

err=$(imp "$H/declared-1252.html" 2>&1); rc=$?
id=$(last_id)
[ $rc -eq 0 ] && field "$id" body | grep -q $'caf\xc3\xa9 by the weir reopened on Tuesday \xe2\x80\x93 after'
tap_ok $? "windows-1252 declared: converted (got $rc: $err)"

# What cleaning left out is shown by show --dropped, with the reason.
imp "$H/captions.html" >/dev/null 2>&1
id=$(last_id)
[ "$(field "$id" authors)" = "Ana Ruiz, Li Wei" ] &&
	field "$id" captions | grep -q "The new weir at dawn" &&
	"$DOSSIER" --db "$db" show "$id" | grep -q "^authors: Ana Ruiz, Li Wei$"
tap_ok $? "captions and authors stored and shown"
# Control characters in the page's fields (an escape sequence in an
# author's name, a caption, the language) never reach the database.
printf '<html lang="pt\033]0;x\007"><head><title>Weir</title><meta name="author" content="Ana\033[2J Ruiz"></head><body><article><p>The river authority said on Tuesday that the new weir had held back the flood.</p><figure><img src="w.jpg"><figcaption>The weir \033[31mat dawn</figcaption></figure></article></body></html>\n' \
	>"$D/controls.html"
imp "$D/controls.html" >/dev/null 2>&1
id=$(last_id)
# An escape sequence in an attribute is tidied whole; in a text node the
# HTML parser drops the ESC byte itself, so what followed it is text.
[ "$(field "$id" authors)" = "Ana Ruiz" ] && [ "$(field "$id" language)" = "pt" ] &&
	[ "$(field "$id" captions)" = "The weir [31mat dawn" ]
tap_ok $? "control characters in authors, language and captions left out ($(field "$id" authors | od -c | head -2))"
imp "$H/score-paragraphs.html" >/dev/null 2>&1
id=$(last_id)
out=$("$DOSSIER" --db "$db" show --dropped "$id"); rc=$?
[ $rc -eq 0 ] && printf '%s\n' "$out" | grep -q $'^outside\tCopyright the Valley Courier' &&
	printf '%s\n' "$out" | grep -q $'Weather'
tap_ok $? "show --dropped: the left-out blocks with their reason (got $rc: $out)"
imp "$H/amp.html" >/dev/null 2>&1
id=$(last_id)
out=$("$DOSSIER" --db "$db" show --dropped "$id"); rc=$?
[ $rc -eq 0 ] && printf '%s\n' "$out" | grep -q $'^element\tAdvertisement: the ad' &&
	! field "$id" body | grep -q "Advertisement"
tap_ok $? "an AMP page: its ad element out of the body, and shown by show --dropped (got $rc: $out)"
"$DOSSIER" --db "$db" show --dropped --json "$id" >/dev/null 2>&1
[ $? -eq 2 ]; tap_ok $? "show --dropped --json: a usage error"

# Plain text: the same structural cleaning.
cat >"$D/plain.txt" <<'TXT'
Weir holds back flood

Weir holds back flood Weir holds back flood

By ,

weir-at-dawn.jpg

The river authority said on Tuesday that the new weir had held back the spring flood.

Engineers had warned that the old embankment would not survive another wet season.

The river authority said on Tuesday that the new weir had held back the spring flood.

Your email address will not be published. Required fields are marked *
TXT
imp "$D/plain.txt" >/dev/null 2>&1
id=$(last_id)
b=$(field "$id" body)
[ "$b" = "The river authority said on Tuesday that the new weir had held back the spring flood.

Engineers had warned that the old embankment would not survive another wet season." ]
tap_ok $? "plain text: title twice, empty byline, image name, repeated paragraph, comment form out (got: $b)"
out=$("$DOSSIER" --db "$db" show --dropped "$id")
printf '%s\n' "$out" | grep -q $'^repeat\tThe river authority' &&
	printf '%s\n' "$out" | grep -q $'^title\tWeir holds back flood Weir' &&
	printf '%s\n' "$out" | grep -q $'^chrome\tweir-at-dawn.jpg'
tap_ok $? "plain text: each dropped line kept with its reason (got: $out)"

# 100,000 nested blocks, and a 20 MB page: generated here, never committed.
"$PYTHON3" - "$D" <<'PY'
import sys
d = sys.argv[1]
with open(d + "/deep.html", "w") as f:
    s = "the council met again on Monday, and the talks went on late into the night."
    f.write("<html><head><title>Deep page</title></head><body><p>Before the deep part: " + s +
            "</p>" + "<div>" * 100000 + "<p>At the bottom: " + s + "</p>" + "</div>" * 100000 +
            "<p>After the deep part: " + s + "</p></body></html>")
para = ("<p>" + "The council met again on Monday, and the talks on the weir went on late "
        "into the night, the clerk said. " * 4 + "</p>\n")
nav = '<div class="related"><a href="/x">Another story</a> <a href="/y">And another</a></div>\n'
with open(d + "/big.html", "w") as f:
    f.write("<html><head><title>Council talks</title></head><body><article>")
    n = 0
    while n < 20 * 1000 * 1000:
        f.write(para + nav)
        n += len(para) + len(nav)
    f.write("</article></body></html>")
PY
# The parser keeps every level and the tree is flattened below 200: the
# page imports without a word, and the text above, at the bottom of and
# after the nesting is the article, in its order, nothing else.
err=$(imp "$D/deep.html" 2>&1); rc=$?
id=$(last_id)
s="the council met again on Monday, and the talks went on late into the night."
[ $rc -eq 0 ] && [ "$err" = "imported 1 article, 0 duplicates, 0 refused" ] &&
	[ "$(field "$id" title)" = "Deep page" ] &&
	[ "$(field "$id" body)" = "Before the deep part: $s

At the bottom: $s

After the deep part: $s" ]
tap_ok $? "100,000 nested blocks: imported whole, in order, without a word (got $rc: $err; $(field "$id" body))"
err=$(imp --max-size 32M "$D/big.html" 2>&1); rc=$?
id=$(last_id)
[ $rc -eq 0 ] && printf '%s\n' "$err" | grep -q "imported 1 article" &&
	field "$id" body | head -c 200 | grep -q "The council met again" &&
	! field "$id" body | grep -q "Another story"
tap_ok $? "a 20 MB page: imported, related links out (got $rc: $err)"

# The user's rules come after the shipped ones: a class named here is
# taken out of every page.
mkdir -p "$HOME/.config/dossier"
cp "$H/siblings.html" "$D/siblings.html"
imp "$D/siblings.html" >/dev/null 2>&1
id=$(last_id)
field "$id" body | grep -q "Farmers"
tap_ok $? "siblings: every part of the article"
"$DOSSIER" --db "$db" annotate "$id" --quote "cost less than planned" --note "check the budget" \
	>/dev/null
printf 'share       part\n' >"$HOME/.config/dossier/extract.txt"
err=$(imp "$D/siblings.html" 2>&1); rc=$?
id2=$(last_id)
[ $rc -eq 0 ] && [ "$id2" != "$id" ] && ! field "$id2" body | grep -q "Farmers" &&
	[ "$(field "$id2" previous_id)" = "$id" ]
tap_ok $? "a user's rule re-cleans the page: a new version without those blocks (got $rc: $err)"
out=$("$DOSSIER" --db "$db" annotations --article "$id2")
printf '%s\n' "$out" | grep -q $'\tactive\t\tcost less than planned\tcheck the budget$'
tap_ok $? "and the note on the page is carried over to the re-cleaned version (got: $out)"
printf 'frobnicate 5 part\n' >"$HOME/.config/dossier/extract.txt"
err=$(imp "$D/siblings.html" 2>&1); rc=$?
[ $rc -ne 0 ] && printf '%s\n' "$err" | grep -q "extract.txt: line 1: unknown rule 'frobnicate'"
tap_ok $? "a bad user rule: one line naming the file and the line (got $rc: $err)"
# A meta tag the shipped rules do not know gives the title once the
# user's rules name it.
rm -f "$HOME/.config/dossier/extract.txt"
printf '<html><head><title>Valley Courier: home</title><meta name="vc:headline" content="Weir holds, says authority"></head><body><article><p>The river authority said on Tuesday that the weir had held back the spring flood.</p></article></body></html>\n' \
	>"$D/own-meta.html"
imp "$D/own-meta.html" >/dev/null 2>&1
first=$(field "$(last_id)" title)
printf 'meta-title  vc:headline\n' >"$HOME/.config/dossier/extract.txt"
imp "$D/own-meta.html" >/dev/null 2>&1
[ "$first" = "Valley Courier: home" ] &&
	[ "$(field "$(last_id)" title)" = "Weir holds, says authority" ]
tap_ok $? "a user's meta-title rule: the page's own headline tag gives the title (before: $first)"
rm -f "$HOME/.config/dossier/extract.txt"

tap_done
