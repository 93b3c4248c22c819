#!/bin/bash
# tests/cli/read.sh: `dossier list`, `show` and `search` on the sample
# articles: plain and --json output (parsed back), paging, errors.
. "$top_srcdir/tests/tui/lib.sh"

db="$TEST_TMP/r.db"
run() { "$DOSSIER" --db "$db" "$@"; }

err=$(run list 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q 'no such database' <<<"$err"; tap_ok $? "list without a database: one line, status 1 (got $rc: $err)"
run -q import "$DOSSIER_DATADIR/samples"; tap_ok $? "samples imported"
n=$(ls "$DOSSIER_DATADIR"/samples/*.txt | wc -l)

out=$(run list); rc=$?
[ $rc -eq 0 ] && [ "$(wc -l <<<"$out")" -eq "$n" ]; tap_ok $? "list: one line per article"
first=$(head -1 <<<"$out")
grep -qE '^ +[0-9]+  2025-08-08  Caucasus Ledger +Aliyev and Pashinyan initial' <<<"$first"
tap_ok $? "newest first: id, date, outlet, title (got: $first)"
out2=$(run list --limit 3 --offset 2)
[ "$out2" = "$(sed -n 3,5p <<<"$out")" ]; tap_ok $? "--limit and --offset page the list"

run list --json | "$PYTHON3" -c '
import json, sys
rows = json.load(sys.stdin)
assert len(rows) == '"$n"', len(rows)
assert all(set(r) == {"id", "published", "outlet", "title", "annotations"} for r in rows)
dates = [r["published"] for r in rows]
assert dates == sorted(dates, reverse=True), dates'
tap_ok $? "list --json parses, newest first"
[ "$(run list --json --limit 1 --offset 1000)" = "[]" ]; tap_ok $? "an empty page is []"

id=$(run search --json '"Munich Security Conference"' | "$PYTHON3" -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
out=$(run show "$id"); rc=$?
[ $rc -eq 0 ] && [ "$(head -1 <<<"$out")" = "Blinken brings Aliyev and Pashinyan to one table in Munich" ] &&
	grep -qx 'date: 2023-02-18' <<<"$out" && grep -qx 'outlet: Caucasus Ledger' <<<"$out" &&
	! grep -q 'No time to read' <<<"$out" && ! grep -q 'Next Article' <<<"$out"
tap_ok $? "show: title, date, outlet, cleaned text (got $rc)"

id=$(run search --json 'Kosovo' | "$PYTHON3" -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
out=$(run show "$id")
grep -qx 'place: MOSCOW' <<<"$out" && ! grep -q 'strange choice' <<<"$out"
tap_ok $? "show: the dateline's place; comments left out"
out=$(run show --comments "$id")
grep -q -- '--- reader comments ---' <<<"$out" && grep -q 'strange choice' <<<"$out"
tap_ok $? "show --comments adds them"
run show --json --comments "$id" | "$PYTHON3" -c '
import json, sys
a = json.load(sys.stdin)
assert a["dateline"] == "MOSCOW" and "strange choice" in a["comments"] and a["body"].startswith("MOSCOW"), a'
tap_ok $? "show --json parses, with the comments"

err=$(run show 99999 2>&1); rc=$?
[ $rc -eq 1 ] && [ "$err" = "dossier: show: no article 99999" ]; tap_ok $? "show of a missing id: one line, status 1 (got $rc: $err)"
err=$(run show abc 2>&1); rc=$?
[ $rc -eq 2 ]; tap_ok $? "show of a non-number: usage error"

out=$(run search checkpoint); rc=$?
[ $rc -eq 0 ] && grep -q '\[checkpoint\]' <<<"$out" && grep -q 'Azerbaijan sets up a checkpoint' <<<"$(head -1 <<<"$out")"
tap_ok $? "search: a title match first, terms marked in the snippet (got $rc)"
run search --json 'lachin OR karabakh' | "$PYTHON3" -c '
import json, sys
hits = json.load(sys.stdin)
assert len(hits) >= 5, len(hits)
ranks = [h["rank"] for h in hits]
assert ranks == sorted(ranks), ranks
assert all("[" in h["snippet"] for h in hits), hits'
tap_ok $? "search --json parses, ranked, with snippets"
[ "$(run search --json --limit 2 karabakh | "$PYTHON3" -c 'import json,sys; print(len(json.load(sys.stdin)))')" = 2 ]
tap_ok $? "search --limit"
out=$(run search zzzznothing); rc=$?
[ $rc -eq 0 ] && [ -z "$out" ]; tap_ok $? "no match: no output, status 0"
err=$(run search 'lachin AND' 2>&1); rc=$?
[ $rc -eq 1 ] && [ "$(wc -l <<<"$err")" -eq 1 ] && grep -q "bad search query 'lachin AND'" <<<"$err"
tap_ok $? "bad FTS syntax: one line, status 1 (got $rc: $err)"
err=$(run search 2>&1); rc=$?
[ $rc -eq 2 ]; tap_ok $? "search without a query: usage error"

tap_done
