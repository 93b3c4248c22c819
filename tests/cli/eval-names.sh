#!/bin/bash
# tests/cli/eval-names.sh: eval reads the reader's canonical names through
# the knowledge base: an entity the reader calls by another of its names
# (an alias) is the entity found, of the same kind only, as entity and as
# speaker.
. "$top_srcdir/tests/tui/lib.sh"

db="$TEST_TMP/e.db"
d() { "$DOSSIER" --db "$db" "$@"; }

d -q kb add organization 'Western Reconstruction Fund' 'Westfund' >/dev/null 2>&1 &&
	d -q kb alias 'Western Reconstruction Fund' 'WRF' >/dev/null 2>&1
tap_ok $? "the entity and its aliases are added"
printf 'Fund sets terms\n\nThe Western Reconstruction Fund said on Monday that the loans would wait for a ceasefire.\n' \
	>"$TEST_TMP/fund.txt"
d -q import "$TEST_TMP/fund.txt" >/dev/null 2>&1
tap_ok $? "the article imports"
d statements | grep -q 'Western Reconstruction Fund'
tap_ok $? "the fund speaks, under its canonical name"

gold() {  # gold DIR NAME KIND: the fund marked as NAME of KIND, and its statement
	mkdir -p "$1"
	printf '# file\tkind\tname\tforms\nfund.txt\t%s\t%s\tWestern Reconstruction Fund\n' "$3" "$2" \
		>"$1/entities.tsv"
	printf '# file\tspeaker\tfirst words\nfund.txt\t%s\tThe Western Reconstruction Fund said\n' "$2" \
		>"$1/statements.tsv"
}
gold "$TEST_TMP/g1" 'WRF' organization
out=$(d eval "$TEST_TMP/g1")
grep -q 'entities *recall 1.000 (1/1) *precision 1.000' <<<"$out" &&
	grep -q 'statements *recall 1.000 (1/1)' <<<"$out"
tap_ok $? "eval: the reader's name is an alias of the entity found (got: $(tr '\n' ' ' <<<"$out"))"
gold "$TEST_TMP/g2" 'westfund' organization
d eval "$TEST_TMP/g2" | grep -q 'entities *recall 1.000 (1/1)'
tap_ok $? "eval: letter case aside"
gold "$TEST_TMP/g3" 'WRF' place
out=$(d eval "$TEST_TMP/g3")
grep -q 'entities *recall 0.000 (0/1)' <<<"$out"
tap_ok $? "eval: an alias of an entity of another kind is not the reader's entity (got: $(tr '\n' ' ' <<<"$out"))"
gold "$TEST_TMP/g4" 'Eastern Reconstruction Fund' organization
out=$(d eval "$TEST_TMP/g4")
grep -q 'entities *recall 0.000 (0/1)' <<<"$out" && grep -q 'statements *recall 0.000 (0/1)' <<<"$out"
tap_ok $? "eval: a name the knowledge base does not know matches nothing (got: $(tr '\n' ' ' <<<"$out"))"

# The reader listing one entity twice, under two of its names: the one
# entity found meets the row of its own name, not both.
mkdir -p "$TEST_TMP/g5"
printf '# file\tkind\tname\tforms\nfund.txt\torganization\tWRF\tWRF\nfund.txt\torganization\tWestern Reconstruction Fund\tWestern Reconstruction Fund\n' \
	>"$TEST_TMP/g5/entities.tsv"
printf '# file\tspeaker\tfirst words\n' >"$TEST_TMP/g5/statements.tsv"
out=$(d eval "$TEST_TMP/g5")
grep -q 'entities *recall 0.500 (1/2)' <<<"$out"
tap_ok $? "eval: one entity found meets one of two rows naming it (got: $(tr '\n' ' ' <<<"$out"))"
printf '# file\tkind\tname\tforms\nfund.txt\torganization\tWRF\tWRF\nfund.txt\torganization\tWestfund\tWestfund\n' \
	>"$TEST_TMP/g5/entities.tsv"
out=$(d eval "$TEST_TMP/g5")
grep -q 'entities *recall 0.500 (1/2) *precision 1.000 (1/1)' <<<"$out"
tap_ok $? "eval: two rows under two of its aliases, one met (got: $(tr '\n' ' ' <<<"$out"))"

# A database eval cannot read names from: an error, not lower figures.
cp "$db" "$TEST_TMP/broken.db"
sqlite3 "$TEST_TMP/broken.db" "DROP INDEX aliases_alias; ALTER TABLE aliases RENAME TO aliases_gone" 2>/dev/null
err=$("$DOSSIER" --db "$TEST_TMP/broken.db" eval "$TEST_TMP/g1" 2>&1 >/dev/null); rc=$?
[ $rc -ne 0 ] && [ "$(grep -c . <<<"$err")" -eq 1 ] && grep -q 'alias' <<<"$err"
tap_ok $? "eval: a store error ends it with one line (got $rc: $err)"

tap_done
