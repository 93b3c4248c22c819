#!/bin/bash
# tests/cli/kb-dated.sh: the shipped dated events and agreements go by
# their names with the date in parentheses too, as data/kb/gen/dated-names
# makes them today, and a reader's marks that name them so are scored as
# the entity found.
. "$top_srcdir/tests/tui/lib.sh"

db="$TEST_TMP/k.db"
d() { "$DOSSIER" --db "$db" "$@"; }
py=${PYTHON3:-python3}

d kb show 'Second Karabakh War (2020)' 2>&1 | head -1 | grep -q '^Second Nagorno-Karabakh War (event, shipped)$'
tap_ok $? "a war by an alias and its year"
d kb show 'Jeddah Declaration (May 2023)' 2>&1 | head -1 | grep -q '^Jeddah Declaration (Sudan, 2023) (agreement, shipped)$'
tap_ok $? "an agreement by its name and the month it was signed in"
d kb show 'Second Karabakh War (2021)' >/dev/null 2>&1
[ $? -eq 1 ]; tap_ok $? "a year that is not the war's names nothing"

mkdir -p "$TEST_TMP/gen"
cp "$top_srcdir"/data/kb/*.tsv "$TEST_TMP/gen/"
if "$py" "$top_srcdir/data/kb/gen/dated-names" "$TEST_TMP/gen" 2>"$TEST_TMP/gen.err" &&
	diff -u "$top_srcdir/data/kb/dated-names.tsv" "$TEST_TMP/gen/dated-names.tsv" >"$TEST_TMP/gen.diff"; then
	why=
else
	why=" ($(cat "$TEST_TMP/gen.err" "$TEST_TMP/gen.diff" 2>/dev/null | head -5 | tr '\n' ' '))"
fi
[ -z "$why" ]; tap_ok $? "data/kb/dated-names.tsv is what data/kb/gen/dated-names makes$why"

# eval: the reader's "Second Karabakh War (2020)" is the war found
mkdir -p "$TEST_TMP/texts" "$TEST_TMP/gold"
printf 'Talks resume\n\nArmenia and Azerbaijan met. Both recalled the war of 2020 again.\n' \
	>"$TEST_TMP/texts/001_a.txt"
printf '001_a.txt\tstate\tArmenia\tArmenia\n001_a.txt\tstate\tAzerbaijan\tAzerbaijan\n001_a.txt\tevent\tSecond Karabakh War (2020)\twar of 2020\n' \
	>"$TEST_TMP/gold/entities.tsv"
: >"$TEST_TMP/gold/statements.tsv"
"$DOSSIER" --db "$TEST_TMP/e.db" -q import "$TEST_TMP/texts" >/dev/null 2>&1
out=$("$DOSSIER" --db "$TEST_TMP/e.db" eval "$TEST_TMP/gold" 2>&1)
grep -q 'entities     recall 1.000 (3/3)  precision 1.000 (3/3)' <<<"$out"
tap_ok $? "eval: a reader's name with the war's year is the war found ($(head -3 <<<"$out" | tr '\n' ' '))"

tap_done
