#!/bin/bash
# tests/cli/anno-versions.sh: importing a changed version of an article
# carries its annotations over: moved text is found, a changed quote is
# placed fuzzily, a deleted one is kept as orphaned; nothing is dropped.
. "$top_srcdir/tests/tui/lib.sh"

: "${PYTHON3:=python3}"
[ -n "$PYTHON3" ] || PYTHON3=python3
DB="$TEST_TMP/v.db"
ART="$TEST_TMP/talks.txt"
d() { "$DOSSIER" --db "$DB" "$@"; }

cat >"$ART" <<'TXT'
Talks in Moscow

The foreign ministers met in Moscow on Tuesday. The minister said the corridor would reopen within a week. Officials in Baku did not comment on the talks.

Observers expect another round of negotiations next month.
TXT
d -q import "$ART"; tap_ok $? "first version imported"
d annotate 1 --quote "would reopen within a week" --tag claim --note "check the date" >/dev/null &&
	d annotate 1 --quote "did not comment" --tag denial --note "silence" >/dev/null &&
	d annotate 1 --quote "Observers expect another round" --tag opinion >/dev/null
tap_ok $? "three annotations"

cat >"$ART" <<'TXT'
Talks in Moscow

Update: The foreign ministers met in Moscow on Tuesday. The minister said the corridor would fully reopen within a week.

Observers expect another round of negotiations next month.
TXT
err=$(d import "$ART" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q "1 annotation of the earlier version could not be placed" <<<"$err"
tap_ok $? "second version imported; the orphan is reported ($err)"

out=$(d annotations --article 2)
grep -q $'\tactive\tclaim\twould fully reopen within a week\tcheck the date$' <<<"$out"
tap_ok $? "a changed quote is placed on its new text, note kept"
grep -q $'\tactive\topinion\tObservers expect another round\t' <<<"$out"
tap_ok $? "moved text is found"
grep -q $'\t-\torphaned\tdenial\tdid not comment\tsilence$' <<<"$out"
tap_ok $? "a deleted quote is kept as orphaned, with its note"
[ "$(d annotations --article 1 --state superseded | wc -l)" -eq 3 ]
tap_ok $? "the old version's annotations are marked superseded"
[ "$(d annotations --article 1 | wc -l)" -eq 0 ]; tap_ok $? "and no longer live"
d search silence | grep -q "Talks in Moscow"; tap_ok $? "the orphan's note is still found by search"

d export -o "$TEST_TMP/v.json"
"$PYTHON3" - "$TEST_TMP/v.json" <<'PY'
import json, sys
items = json.load(open(sys.argv[1]))["first"]["items"]
orphan = next(i for i in items if i["dossier:state"] == "orphaned")
types = [s["type"] for s in orphan["target"]["selector"]]
assert types == ["TextQuoteSelector"], types
assert len(items) == 3
PY
tap_ok $? "an orphan is exported with its quote only, no position"

d -q import "$ART"
[ "$(d annotations --state all | wc -l)" -eq 6 ]; tap_ok $? "importing the same version again changes nothing"
tap_done
