#!/bin/bash
# tests/cli/anno-copies.sh: a changed copy of an article saved under another
# path is its new version when the title is the same and the texts are
# near-identical (IMPORT_COPY_SHARE of word triples, text_shared): linked,
# with the annotations carried over. The same title over another text, or
# a near-identical text under another title, stays an article of its own.
. "$top_srcdir/tests/tui/lib.sh"

DB="$TEST_TMP/c.db"
d() { "$DOSSIER" --db "$DB" "$@"; }
mkdir -p "$TEST_TMP/first" "$TEST_TMP/later"

body='The foreign ministers met in Moscow on Tuesday for talks that lasted five hours. The minister said the corridor would reopen within a week, and that the border commissions would meet again in March. Officials in Baku did not comment on the talks. Observers expect another round of negotiations next month, possibly in Washington or Brussels, where both sides have met before.'
printf 'Talks in Moscow\n\n%s\n' "$body" >"$TEST_TMP/first/talks.txt"
d -q import "$TEST_TMP/first/talks.txt"; tap_ok $? "first copy imported"
d annotate 1 --quote "did not comment" --tag denial --note silence >/dev/null; tap_ok $? "annotated"

# The same article, edited a little, saved elsewhere.
printf 'Talks in Moscow\n\n%s Updated on Wednesday.\n' "${body/five hours/six hours}" >"$TEST_TMP/later/talks-copy.txt"
err=$(d import "$TEST_TMP/later/talks-copy.txt" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q "(1 new version)" <<<"$err"
tap_ok $? "a changed copy under another path is a new version ($err)"
prev=$(sqlite3 "$DB" "SELECT previous_id FROM articles WHERE id = 2")
[ "$prev" = 1 ]; tap_ok $? "linked to the first (previous $prev)"
out=$(d annotations --article 2)
grep -q $'\tactive\tdenial\tdid not comment\tsilence$' <<<"$out"
tap_ok $? "its annotation is carried over ($out)"
[ "$(d annotations --article 1 --state superseded | wc -l)" -eq 1 ]
tap_ok $? "and the first copy's is superseded"

# Another article under the same title: its own.
printf 'Talks in Moscow\n\nA trade delegation arrived in Moscow to discuss grain exports and the price of fertiliser for the coming season, with no date set for a deal.\n' >"$TEST_TMP/later/other.txt"
err=$(d import "$TEST_TMP/later/other.txt" 2>&1)
grep -q "imported 1 article, " <<<"$err" && ! grep -q "new version" <<<"$err"
tap_ok $? "the same title over another text is a new article ($err)"
[ -z "$(sqlite3 "$DB" "SELECT previous_id FROM articles WHERE id = 3")" ]
tap_ok $? "not linked"

# The same text under another title: not linked by text alone.
printf 'Ministers meet in Moscow\n\n%s\n' "$body" >"$TEST_TMP/later/retitled.txt"
err=$(d import "$TEST_TMP/later/retitled.txt" 2>&1)
! grep -q "new version" <<<"$err"; tap_ok $? "another title is not a version ($err)"

# Half the text changed: the same title is not enough.
half='The foreign ministers met in Moscow on Tuesday for talks that lasted five hours. The minister said the corridor would reopen within a week, and that the border commissions would meet again in March. A second delegation from Yerevan arrived late in the evening and left before dawn, and the press conference planned for noon was cancelled without a reason given.'
printf 'Talks in Moscow\n\n%s\n' "$half" >"$TEST_TMP/later/half.txt"
err=$(d import "$TEST_TMP/later/half.txt" 2>&1)
! grep -q "new version" <<<"$err"; tap_ok $? "a copy with half its text changed is its own article ($err)"
grep -q "IMPORT_COPY_SHARE\|near-identical" "$top_srcdir/man/dossier.1"
tap_ok $? "the man page documents the measure"
tap_done
