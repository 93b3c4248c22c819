#!/bin/bash
# tests/cli/statement-lists.sh: `statements` and `related` on the command
# line print a header naming their columns and each statement's date, and
# a speaker's name too long for its column is cut with "…", so the
# statements still start in one column.
. "$top_srcdir/tests/tui/lib.sh"

db="$TEST_TMP/l.db"
d() { "$DOSSIER" --db "$db" "$@"; }

long='Bartholomew Maximilian Featherstonehaugh-Cholmondeley'
d kb add person "$long" Featherstonehaugh-Cholmondeley >/dev/null; tap_ok $? "a person with a long name"
cat >"$TEST_TMP/a.txt" <<'TXT'
Border talks resume

Published: 2025-03-14

Featherstonehaugh-Cholmondeley said on Friday that the border talks would resume in April after the winter pause.

Sergey Lavrov said on Friday that the border talks would resume in April, a month later than planned.
TXT
cat >"$TEST_TMP/b.txt" <<'TXT'
Border talks to resume in April

Published: 2025-03-20

Sergey Lavrov said the border talks would resume in April after the winter pause, as agreed in March.
TXT
d -q import "$TEST_TMP/a.txt" "$TEST_TMP/b.txt" >/dev/null 2>&1; tap_ok $? "two dated articles import"

out=$(d statements)
head -1 <<<"$out" | grep -q '^ *ID  *ARTICLE  *DATE  *SPEAKER  *STATEMENT$'
tap_ok $? "statements: a header names the columns ($(head -1 <<<"$out"))"
grep -q '2025-03-14 .*Sergey Lavrov .*Sergey Lavrov said on Friday' <<<"$out"
tap_ok $? "statements: each line has its article's date"
line=$(grep 'Featherstonehaugh-Cholmondeley said' <<<"$out")
grep -q '  Bartholomew Maximilian [^ ]*…  Featherstonehaugh-Cholmondeley said' <<<"$line"; tap_ok $? "a long speaker name is cut with …"
# The statement column starts at the same place on every line.
cols=$(tail -n +2 <<<"$out" | while IFS= read -r l; do
	p=${l%%Featherstonehaugh-Cholmondeley said*}; [ "$p" = "$l" ] && p=${l%%Sergey Lavrov said*}
	printf '%s\n' "${#p}"; done | sort -u | wc -l)
[ "$cols" -eq 1 ]; tap_ok $? "the statements start in one column (got $cols starts)"

sid=$(d statements --by Lavrov | awk '/2025-03-20/ { print $1 }')
out=$(d related "$sid"); rc=$?
[ $rc -eq 0 ] && head -1 <<<"$out" | grep -q '^ *ID  *ARTICLE  *DATE  *SPEAKER  *STATEMENT$' &&
	grep -q '^SCORE  *ID  *ARTICLE  *DATE  *SPEAKER  *STATEMENT$' <<<"$out" &&
	grep -q '^[0-9.]*  .*2025-03-14' <<<"$out"
tap_ok $? "related: headers, and the related statements' dates"

tap_done
