#!/bin/bash
# tests/cli/search-stem.sh: search finds the other forms of a word, in the
# languages of data/lang/, with the form written ranked first; quoted
# phrases stay exact.
. "$top_srcdir/tests/tui/lib.sh"

db="$TEST_TMP/s.db"
d() { "$DOSSIER" --db "$db" "$@"; }
py=${PYTHON3:-python3}
seeds="$SEEDS_DIR/seeds"
[ -d "$seeds" ] || { echo "Bail out! seed corpus not found at $seeds"; exit 1; }

d -q import "$seeds" >/dev/null 2>&1
d -q import "$top_srcdir/tests/data/lang" >/dev/null 2>&1
titles() { d search --json "$1" | "$py" -c '
import json, sys
print("|".join(h["title"] for h in json.load(sys.stdin)))'; }

# The seed article that says only "checkpoints" is found by "checkpoint".
only_plural=$(grep -l 'checkpoints' "$seeds"/*.txt | while read -r f; do
	grep -qw 'checkpoint' "$f" || head -1 "$f"; done | head -1)
[ -n "$only_plural" ]; tap_ok $? "a seed article says checkpoints and never checkpoint"
got=$(titles checkpoint)
grep -qF "$only_plural" <<<"$got"; tap_ok $? "search checkpoint finds it (got $got)"
first=$(cut -d'|' -f1 <<<"$got")
! [ "$first" = "$only_plural" ]; tap_ok $? "an article with the exact form ranks above it"
n_exact=$(d search --json '"checkpoint"' | "$py" -c 'import json,sys; print(len(json.load(sys.stdin)))')
n_all=$(d search --json checkpoint | "$py" -c 'import json,sys; print(len(json.load(sys.stdin)))')
[ "$n_exact" -lt "$n_all" ]; tap_ok $? "a quoted word stays exact ($n_exact exact, $n_all all forms)"
d search --json 'checkpoints' | grep -qF "$first"; tap_ok $? "the plural finds the singular"

got=$(titles 'переговоры')
grep -q 'Переговоры в Баку' <<<"$got"; tap_ok $? "ru: переговоры (got $got)"
got=$(titles 'Лаврову')
grep -q 'Переговоры в Баку' <<<"$got"; tap_ok $? "ru: Лаврову finds Лаврова and Лавровым (got $got)"
got=$(titles 'danışıq')
grep -q 'Danışıqlar' <<<"$got"; tap_ok $? "az: danışıq finds danışıqlar (got $got)"
got=$(titles 'title:talk')
[ "$got" = "Lachin Corridor Talks: Civilian Access, Peace Negotiations, and Regional Stability|Russian Side Stresses Urgent Need to Unblock Lachin Corridor in Trilateral Talks" ]
tap_ok $? "a column filter keeps to its column, other forms included (got $got)"
err=$(d search 'lachin AND' 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "bad search query 'lachin AND'" <<<"$err"
tap_ok $? "a bad query is named as the user wrote it (got $err)"

tap_done
