#!/bin/bash
# tests/cli/hostile-input.sh: files made to lose text or blow up on import:
# bytes the declared character set leaves undefined, nesting deeper than
# libxml2's default limit, entities in feed attributes. Nothing is lost
# without a word, libxml2 never speaks on its own, nothing expands.
. "$top_srcdir/tests/tui/lib.sh"

H="$top_srcdir/tests/data/hostile"
db="$TEST_TMP/h.db"
d() { "$DOSSIER" --db "$db" "$@"; }
body() { d show --json "$1" | "$PYTHON3" -c 'import json,sys; print(json.load(sys.stdin)["body"])'; }
source_of() { d show --json "$1" | "$PYTHON3" -c 'import json,sys; print(json.load(sys.stdin)["source"] or "")'; }

# 6. A byte windows-1252 leaves undefined: U+FFFD in its place, one
# warning naming the file and the offset, the rest of the page kept.
err=$(d import "$H/undefined-byte.html" 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$err" = "dossier: warning: $H/undefined-byte.html: byte 148 is not windows-1252: replaced with U+FFFD (1 byte in all)
imported 1 article, 0 duplicates, 0 refused" ]
tap_ok $? "an undefined byte: one warning with file and offset, no libxml2 lines (got $rc: $err)"
b=$(body 1)
grep -q "^The byte � has no meaning in windows-1252.$" <<<"$b" &&
	grep -q "^Café society met on Tuesday.$" <<<"$b" &&
	grep -q "^This paragraph comes after it and must survive.$" <<<"$b"
tap_ok $? "the text after the byte is kept, converted ($b)"

# Nesting past 256 levels: the text inside and after the deep part is kept.
deep() {  # deep N TAG
	printf '<html><head><title>Deep %s %s</title></head><body><p>Before the deep part.</p>' "$1" "$2"
	for ((i = 0; i < $1; i++)); do printf '<%s>' "$2"; done
	printf 'Inside the deep part.'
	for ((i = 0; i < $1; i++)); do printf '</%s>' "$2"; done
	printf '<p>After the deep part.</p></body></html>\n'
}
deep 300 div >"$TEST_TMP/deep-div.html"
deep 5000 span >"$TEST_TMP/deep-span.html"
deep 2000 nav >"$TEST_TMP/deep-nav.html"
err=$(d import "$TEST_TMP/deep-div.html" "$TEST_TMP/deep-span.html" "$TEST_TMP/deep-nav.html" 2>&1); rc=$?
# Each page is three short lines, none of which reads as an article more
# than the others: dossier says it took the page's whole text, and that is
# all that is said.
[ $rc -eq 0 ] && [ "$err" = "dossier: warning: $TEST_TMP/deep-div.html: no block of the page reads as its article; imported the page's whole text
dossier: warning: $TEST_TMP/deep-span.html: no block of the page reads as its article; imported the page's whole text
dossier: warning: $TEST_TMP/deep-nav.html: no block of the page reads as its article; imported the page's whole text
imported 3 articles, 0 duplicates, 0 refused" ]
tap_ok $? "deeply nested pages import without a word from libxml2 (got $rc: $err)"
[ "$(body 2)" = "Before the deep part.

Inside the deep part.

After the deep part." ]; tap_ok $? "300 nested blocks: nothing after them is lost ($(body 2))"
[ "$(body 3)" = "Before the deep part.

Inside the deep part.After the deep part." ] ||
[ "$(body 3)" = "Before the deep part. Inside the deep part.

After the deep part." ] || [ "$(body 3)" = "Before the deep part.

Inside the deep part.

After the deep part." ]
tap_ok $? "5000 nested inline elements: nothing lost ($(body 3))"
[ "$(body 4)" = "Before the deep part.

After the deep part." ]; tap_ok $? "what deep navigation holds stays out, what follows it is kept ($(body 4))"

# 8. A feed declaring entities, one of them expanding in an attribute to
# a megabyte: refused at the declaration, in no time, one line.
start=$(date +%s)
err=$(d import "$H/entity-attr.atom" 2>&1); rc=$?
[ $rc -eq 3 ] && [ "$err" = "dossier: import: $H/entity-attr.atom: declares an entity at line 3; news feeds have no use for them, so the feed is refused
imported 0 articles, 0 duplicates, 1 refused" ]
tap_ok $? "a feed declaring entities is refused with one line naming it (got $rc: $err)"
[ $(( $(date +%s) - start )) -lt 5 ]; tap_ok $? "and at once"
# An attribute longer than any link (9000 bytes) is taken as absent, not cut.
long=$(head -c 9000 /dev/zero | tr '\0' 'x')
printf '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>Long link</title><link href="https://wire.example/%s"/><content>A long link.</content></entry>
<entry><title>Short link</title><link href="https://wire.example/a&amp;b"/><content>A short link.</content></entry>
</feed>\n' "$long" >"$TEST_TMP/long.atom"
err=$(d import "$TEST_TMP/long.atom" 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$(source_of 5)" = "$TEST_TMP/long.atom#1" ] &&
	[ "$(source_of 6)" = "https://wire.example/a&b" ]
tap_ok $? "an over-long attribute is not stored; a predefined entity still reads ($(source_of 5); $(source_of 6))"

# A FIFO where a user file is read never hangs: the user's chrome.txt, a
# file of annotations, a knowledge-base file.
mkdir -p "$XDG_CONFIG_HOME/dossier"
mkfifo "$XDG_CONFIG_HOME/dossier/chrome.txt" "$TEST_TMP/notes.json" "$TEST_TMP/kb.tsv"
err=$(timeout 20 "$DOSSIER" --db "$TEST_TMP/f.db" import "$H/undefined-byte.html" 2>&1); rc=$?
[ $rc -eq 1 ] && grep -qx "dossier: import: $XDG_CONFIG_HOME/dossier/chrome.txt: not a regular file (a FIFO)" <<<"$err"
tap_ok $? "a FIFO as chrome.txt: one line naming it, no hang (got $rc: $err)"
rm "$XDG_CONFIG_HOME/dossier/chrome.txt"
err=$(timeout 20 "$DOSSIER" --db "$db" import-annotations "$TEST_TMP/notes.json" 2>&1); rc=$?
[ $rc -ne 124 ] && [ $rc -ne 0 ] && grep -q "notes.json: not a regular file (a FIFO)" <<<"$err"
tap_ok $? "a FIFO as an annotation file: refused, no hang (got $rc: $err)"
err=$(timeout 20 "$DOSSIER" --db "$db" kb import "$TEST_TMP/kb.tsv" 2>&1); rc=$?
[ $rc -ne 124 ] && [ $rc -ne 0 ] && grep -q "kb.tsv: not a regular file (a FIFO)" <<<"$err"
tap_ok $? "a FIFO as a knowledge-base file: refused, no hang (got $rc: $err)"

# The directory walk follows a symbolic link only to a file inside the
# tree it was given; a file named on the command line is read as named.
T="$TEST_TMP/tree"
mkdir -p "$T/sub"
printf 'Outside the tree

A secret kept outside the tree.
' >"$TEST_TMP/secret.txt"
printf 'Inside the tree

An article inside the tree.
' >"$T/sub/real.txt"
ln -s "$TEST_TMP/secret.txt" "$T/shadow.txt"
ln -s "sub/real.txt" "$T/alias.txt"
err=$(d import "$T" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -qx "dossier: warning: $T/shadow.txt: a symbolic link out of the directory given (to $TEST_TMP/secret.txt); not followed (name the file itself to import it)" <<<"$err" &&
	grep -qx "imported 1 article, 1 duplicate, 0 refused" <<<"$err"
tap_ok $? "a link out of the tree is not followed, with a warning; one inside is (got $rc: $err)"
[ -z "$(d search secret)" ]; tap_ok $? "the file outside the tree was not imported"
err=$(d import "$T/shadow.txt" 2>&1); rc=$?
[ $rc -eq 0 ] && [ -n "$(d search secret)" ]; tap_ok $? "named on the command line, the link is followed ($err)"

# Outlet names keep what follows a control character.
printf '<html><head><title>Outlet</title><meta property="og:site_name" content="Caucasus\001 Wire\033[1m Service"></head><body><p>Text of the outlet test.</p></body></html>\n' >"$TEST_TMP/outlet.html"
d -q import "$TEST_TMP/outlet.html"
o=$(d show --json "$(d search --json 'outlet test' | "$PYTHON3" -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')" |
	"$PYTHON3" -c 'import json,sys; print(json.load(sys.stdin)["outlet"])')
[ "$o" = "Caucasus Wire Service" ]; tap_ok $? "an outlet with control characters is kept whole, without them and the colour code ($o)"

tap_done
