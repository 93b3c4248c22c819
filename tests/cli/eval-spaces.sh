#!/bin/bash
# tests/cli/eval-spaces.sh: eval finds a statement by its first words as
# the marks quote them from the article, two spaces where the article has
# two, though the statement's text is stored with its runs of spaces made
# one.
. "$top_srcdir/tests/tui/lib.sh"

db="$TEST_TMP/s.db"
d() { "$DOSSIER" --db "$db" "$@"; }

printf 'Talks resume\n\nAfter the talks,  Lavrov said on Monday that the text was ready.\n' >"$TEST_TMP/talks.txt"
d -q import "$TEST_TMP/talks.txt" >/dev/null 2>&1
tap_ok $? "the article imports"
mkdir -p "$TEST_TMP/g"
printf '# file\tkind\tname\tforms\ntalks.txt\tperson\tSergey Lavrov\tLavrov\n' >"$TEST_TMP/g/entities.tsv"
printf '# file\tspeaker\tfirst words\ntalks.txt\tSergey Lavrov\tAfter the talks,  Lavrov said\n' \
	>"$TEST_TMP/g/statements.tsv"
out=$(d eval "$TEST_TMP/g")
grep -q 'statements *recall 1.000 (1/1) *precision 1.000 (1/1)' <<<"$out"
tap_ok $? "eval: two spaces in the marks meet one in the statement (got: $(tr '\n' ' ' <<<"$out"))"
printf '# file\tspeaker\tfirst words\ntalks.txt\tSergey Lavrov\tAfter the talks, Lavrov asked\n' \
	>"$TEST_TMP/g/statements.tsv"
out=$(d eval "$TEST_TMP/g")
grep -q 'statements *recall 0.000 (0/1)' <<<"$out"
tap_ok $? "eval: other words still meet nothing (got: $(tr '\n' ' ' <<<"$out"))"
printf '# file\tspeaker\tfirst words\ntalks.txt\tSergey Lavrov\tAfter the talks,Lavrov said\n' \
	>"$TEST_TMP/g/statements.tsv"
out=$(d eval "$TEST_TMP/g")
grep -q 'statements *recall 0.000 (0/1)' <<<"$out"
tap_ok $? "eval: no space where the statement has one meets nothing (got: $(tr '\n' ' ' <<<"$out"))"

tap_done
