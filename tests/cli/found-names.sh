#!/bin/bash
# tests/cli/found-names.sh: names the knowledge base lacks, typed by the
# words around them (data/names.txt), shown as found, counted by eval,
# and promoted or dismissed by the user.
. "$top_srcdir/tests/tui/lib.sh"

db="$TEST_TMP/f.db"
d() { "$DOSSIER" --db "$db" "$@"; }

d -q import "$top_srcdir/tests/data/found-names.txt" >/dev/null 2>&1
tap_ok $? "the article imports"
out=$(d actors --candidates)
kind_of() {  # the kind heading above NAME in the list
	awk -v n="$1" '/^[a-z]+$/ { k = $1 } index($0, n) { print k; exit }' <<<"$out"
}
check() {  # check NAME KIND WHY
	local k
	k=$(kind_of "$1")
	[ "$k" = "$2" ]; tap_ok $? "$3: $1 is a $2 (got '${k:-nothing}')"
}
check 'Tamsin Holloway' person "after a title"
check 'Quentin Marlowe' person "after Mr."
check 'Northern Reconstruction Fund' organization "a body's head noun"
check 'Glenmoor Accords' agreement "an agreement's head noun"
check 'Varrick agreement' agreement "the X agreement"
check 'Varnholt Basin region' place "before a place noun"
check 'Pellham' place "after the city of"
check 'Corvell' place "after in"
! grep -q 'Marlowe team\|Officials\|Refugees\|Fighting' <<<"$out"
tap_ok $? "capitalized words without a typing context are no names"

d statements --by 'Quentin Marlowe' | grep -q 'talks would last'
tap_ok $? "a found person speaks"

# eval counts them: a gold that lists two found names and one missed.
mkdir -p "$TEST_TMP/gold"
printf '# file\tkind\tname\tforms\nfound-names.txt\tperson\tTamsin Holloway\tTamsin Holloway\nfound-names.txt\tagreement\tGlenmoor Accords\tGlenmoor Accords\nfound-names.txt\tperson\tNobody Here\tNobody Here\n' >"$TEST_TMP/gold/entities.tsv"
printf '# file\tspeaker\tfirst words\n' >"$TEST_TMP/gold/statements.tsv"
out=$(d eval "$TEST_TMP/gold"); rc=$?
[ $rc -eq 0 ] && grep -q 'recall 0.667 (2/3)' <<<"$out"
tap_ok $? "eval counts found names (got: $(head -2 <<<"$out" | tail -1))"

# A found name has no canonical name, only the article's spelling: it is
# the gold's entity, and a speaker is the right one, when the reader saw
# the entity under that spelling in the article.
mkdir -p "$TEST_TMP/gold2"
printf '# file\tkind\tname\tforms\nfound-names.txt\tperson\tT. Holloway (minister)\tTamsin Holloway | Holloway\nfound-names.txt\tperson\tQ. Marlowe\tQuentin Marlowe\n' >"$TEST_TMP/gold2/entities.tsv"
printf '# file\tspeaker\tfirst words\nfound-names.txt\tQ. Marlowe\tMr. Quentin Marlowe, the spokesperson\nfound-names.txt\tT. Holloway (minister)\tHolloway said the Marlowe team\n' >"$TEST_TMP/gold2/statements.tsv"
out=$(d eval "$TEST_TMP/gold2")
grep -q 'entities *recall 1.000 (2/2)' <<<"$out" && grep -q 'statements *recall 1.000 (2/2)' <<<"$out"
tap_ok $? "eval: found names match the gold by the forms the reader saw (got: $(tr '\n' ' ' <<<"$out"))"
# The wrong found person is no hit: Marlowe did not say the second.
printf '# file\tspeaker\tfirst words\nfound-names.txt\tQ. Marlowe\tMr. Quentin Marlowe, the spokesperson\nfound-names.txt\tQ. Marlowe\tHolloway said the Marlowe team\n' >"$TEST_TMP/gold2/statements.tsv"
d eval "$TEST_TMP/gold2" | grep -q 'statements *recall 0.500 (1/2)'
tap_ok $? "eval: a found speaker under another entity's forms is the wrong speaker"

d kb promote 'Glenmoor Accords' >/dev/null 2>&1 && d actors | grep -q 'Glenmoor Accords' &&
	! d actors --candidates | grep -q 'Glenmoor Accords'
tap_ok $? "kb promote: a found agreement joins the knowledge base"
d kb export | grep -q "^agreement	Glenmoor Accords"; tap_ok $? "kb export: with its kind"
d kb dismiss 'Corvell' >/dev/null 2>&1 && ! d actors --candidates | grep -q Corvell
tap_ok $? "kb dismiss: a found place is hidden"
d -q import "$top_srcdir/tests/data/found-names.txt" >/dev/null 2>&1
printf 'Later\n\nMore talks are due in Corvell.\n' >"$TEST_TMP/later.txt"
d -q import "$TEST_TMP/later.txt" >/dev/null 2>&1
! d actors --candidates | grep -q Corvell; tap_ok $? "and is not found again"

tap_done
