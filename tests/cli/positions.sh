#!/bin/bash
# tests/cli/positions.sh: every position a command shows counts characters,
# as `annotate START END` and the exports do: a mention's or a statement's
# numbers, fed back to `annotate`, highlight exactly its words; --bytes
# gives the stored byte offsets for tools that slice bytes.
. "$top_srcdir/tests/tui/lib.sh"

db="$TEST_TMP/p.db"
d() { "$DOSSIER" --db "$db" "$@"; }
py=${PYTHON3:-python3}

# Cyrillic, a dash and guillemets before the name: 2 or 3 bytes a character.
printf 'Talks in Baku\n\nВ Москве — «переговоры». Sergey Lavrov said on Monday that the talks would go on, and the ministers agreed.\n' >"$TEST_TMP/t.txt"
d -q import "$TEST_TMP/t.txt" >/dev/null 2>&1; tap_ok $? "the article imports"

read -r s e < <(d mentions --json Lavrov | "$py" -c '
import json, sys
m = json.load(sys.stdin)[0]
print(m["start"], m["end"])')
[ "$s $e" = "25 38" ]; tap_ok $? "mentions --json: characters (got $s $e)"
d annotate 1 "$s" "$e" >/dev/null
quote=$(d annotations --json | "$py" -c '
import json, sys
a = json.load(sys.stdin)[0]
print([x for x in a["target"]["selector"] if x["type"] == "TextQuoteSelector"][0]["exact"])')
[ "$quote" = "Sergey Lavrov" ]; tap_ok $? "annotate with those numbers highlights the mention (got '$quote')"

d mentions Lavrov | grep -q ' 25-38 '; tap_ok $? "mentions: the same characters in its table"
read -r s e < <(d mentions --json --bytes Lavrov | "$py" -c '
import json, sys
m = json.load(sys.stdin)[0]
print(m["start"], m["end"])')

bytes=$("$py" -c '
import sys
t = "В Москве — «переговоры». "
print(len(t.encode()), len((t + "Sergey Lavrov").encode()))')
[ "$s $e" = "$bytes" ]; tap_ok $? "mentions --json --bytes: byte offsets (got $s $e, want $bytes)"

read -r s e < <(d statements --json | "$py" -c '
import json, sys
m = json.load(sys.stdin)[0]
print(m["start"], m["end"])')
d annotate 1 "$s" "$e" >/dev/null
quote=$(d annotations --json | "$py" -c '
import json, sys
a = json.load(sys.stdin)[-1]
print([x for x in a["target"]["selector"] if x["type"] == "TextQuoteSelector"][0]["exact"])')
[[ $quote == "Sergey Lavrov said on Monday"*"ministers agreed." ]]
tap_ok $? "statements --json: characters, the statement's words (got '$quote')"
d statements --json --bytes | grep -q '"start":46,'; tap_ok $? "statements --json --bytes: byte offsets"

first=$(d actors --json 1 | "$py" -c 'import json, sys; print([e for e in json.load(sys.stdin) if e["name"] == "Sergey Lavrov"][0]["first"])')
[ "$first" = 25 ]; tap_ok $? "actors ARTICLE --json: the first mention in characters (got $first)"
first=$(d actors --json --bytes 1 | "$py" -c 'import json, sys; print([e for e in json.load(sys.stdin) if e["name"] == "Sergey Lavrov"][0]["first"])')
[ "$first" = 46 ]; tap_ok $? "actors --json --bytes: in bytes (got $first)"

man=$(sed -n '/^\.SH POSITIONS/,/^\.SH [A-Z]/p' "$top_srcdir/man/dossier.1")
grep -q 'counts characters' <<<"$man" && grep -qF -- '\-\-bytes' <<<"$man"
tap_ok $? "the man page says positions are characters and names --bytes"

tap_done
