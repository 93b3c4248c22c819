#!/bin/bash
# tests/cli/statements.sh: the ways English news attributes speech, each
# with the speaker a careful reader would name (tests/data/statements-en.txt).
. "$top_srcdir/tests/tui/lib.sh"

db="$TEST_TMP/s.db"
d() { "$DOSSIER" --db "$db" "$@"; }
py=${PYTHON3:-python3}

d -q import "$top_srcdir/tests/data/statements-en.txt" >/dev/null 2>&1
tap_ok $? "the article imports"

# "speaker<TAB>first words" of each statement, in text order.
got=$(d statements --json | "$py" -c '
import json, sys
for s in sorted(json.load(sys.stdin), key=lambda s: s["start"]):
    print((s["speaker"] or "-") + "\t" + " ".join(s["text"].split()[:4]))')
expect() {  # expect SPEAKER FIRST-WORDS WHAT
	grep -qxF "$1	$2" <<<"$got"; tap_ok $? "$3: $1 (got: $(grep -F "$2" <<<"$got" | cut -f1))"
}
expect 'Sergey Lavrov' "Russia's foreign minister said" "a role at the article's date"
expect 'Jeyhun Bayramov' 'The foreign minister of' "the role of a state, insisted"
expect 'Nikol Pashinyan' "In a statement, Pashinyan's" "in a statement, X's office said"
expect 'Antony Blinken' 'Blinken was quoted as' "was quoted as saying"
expect 'Josep Borrell' 'Borrell tweeted that progress' "tweeted"
expect 'Charles Michel' 'In remarks by Charles' "remarks by X"
expect 'Maria Zakharova' 'Zakharova warned that sanctions' "warned"
expect 'Emmanuel Macron' 'Macron repeated that France' "repeated"
n=$(grep -c . <<<"$got")
[ "$n" -eq 9 ]; tap_ok $? "nine statements (got $n)"

# A quotation left open at the end of a paragraph goes on in the next:
# one statement, Aliyev's, over both paragraphs.
span=$(d statements --json | "$py" -c '
import json, sys
a = [s for s in json.load(sys.stdin) if s["speaker"] == "Ilham Aliyev"]
print(len(a), "Nobody can close it" in a[0]["text"] if a else "")')
[ "$span" = "1 True" ]; tap_ok $? "a quotation carried across paragraphs keeps its speaker (got $span)"

tap_done
