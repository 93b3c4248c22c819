#!/bin/bash
# tests/cli/memo.sh: memos through the real binary: on the project, an
# article, a tag and a highlight; listed by target and in a fixed order,
# found by the full-text search, shown, edited (words, standard input,
# title), removed; the coder recorded; a merged tag's memos follow it; an
# older database gains the table; bad input is a one-line error that
# changes nothing.
. "$top_srcdir/tests/tui/lib.sh"

SEEDS="$SEEDS_DIR/seeds"
[ -d "$SEEDS" ] || { echo "Bail out! seed corpus missing: $SEEDS"; exit 1; }
DB="$TEST_TMP/m.db"
mkdir -p "$TEST_TMP/cfg/dossier"
echo "set coder ana" >"$TEST_TMP/cfg/dossier/config"
d() { XDG_CONFIG_HOME="$TEST_TMP/cfg" "$DOSSIER" --db "$DB" "$@"; }

d -q import "$SEEDS"/00[0-1]_*.txt >/dev/null 2>&1
hl=$(d annotate 1 --quote "Lavrov" --tag claim | cut -f1)
d tag add claim/economic >/dev/null

# A new database's codebook comes with its descriptions as the tags' memos
# (data/codebook.tsv), by nobody; they are the user's to edit or remove.
[ "$(d memo list --tag claim | cut -f2-)" = $'tag claim\t-\t-\tsomething presented as true' ] &&
	[ "$(d memo list | wc -l)" -eq 8 ] && [ "$(d memo list --search contradicted | cut -f2)" = "tag denial" ]
tap_ok $? "the codebook's descriptions are the tags' first memos"
for i in 1 2 3 4 5 6 7 8; do d memo remove $i || echo "memo remove $i failed" >&2; done
[ -z "$(d memo list)" ]
tap_ok $? "and can be removed"

[ "$(d memo add "Following the corridor talks through spring.")" = 1 ] &&
	[ "$(d memo add --article 2 --title Sources "Compare with the ministry's transcript.")" = 2 ] &&
	[ "$(d memo add --tag claim "An assertion someone can check.")" = 3 ] &&
	[ "$(d memo add --annotation "$hl" "Who else said it?")" = 4 ] &&
	[ "$(printf 'Economic claims:\nprices, trade.\n' | d memo add --tag claim/economic -)" = 5 ]
tap_ok $? "memo add on the project, an article, a tag, a highlight, and from standard input"

out=$(d memo list)
expected="1	project	ana	-	Following the corridor talks through spring.
3	tag claim	ana	-	An assertion someone can check.
5	tag claim/economic	ana	-	Economic claims: prices, trade.
2	article 2	ana	Sources	Compare with the ministry's transcript.
4	annotation $hl	ana	-	Who else said it?"
[ "$out" = "$expected" ]
tap_ok $? "memo list: the project's, the tags', the articles', the highlights'"
[ "$out" = "$expected" ] || tap_diag "$out"

[ "$(d memo list --project | cut -f1)" = 1 ] && [ "$(d memo list --tag claim | cut -f1)" = 3 ] &&
	[ "$(d memo list --article 2 | cut -f1)" = 2 ] &&
	[ "$(d memo list --annotation "$hl" | cut -f1)" = 4 ] && [ -z "$(d memo list --article 1)" ]
tap_ok $? "memo list by target"

[ "$(d memo list --search transcript | cut -f1)" = 2 ] &&
	[ "$(d memo list --search 'corr*' | cut -f1)" = 1 ] &&
	[ "$(d memo list --search 'prices AND trade' | cut -f1)" = 5 ] &&
	[ "$(d memo list --search Sources | cut -f1)" = 2 ] && [ -z "$(d memo list --search nowhere)" ]
tap_ok $? "memo list --search finds memos by their words, prefixes and titles"

# Where the coding is reported, its memos are reachable: search lists the
# memos it finds after the articles; a frequency lists the tags' memos.
out=$(d search transcript)
[ "$(sed -n '/^memos:$/,$p' <<<"$out")" = "memos:
2	article 2	ana	Sources	Compare with the ministry's transcript." ] &&
	! d search nowhere | grep -q '^memos:' &&
	d search --json transcript | python3 -c 'import json, sys; assert isinstance(json.load(sys.stdin), list)'
tap_ok $? "search: the memos it finds after the articles (--json: the articles' array as before)"
[ "$out" != "" ] || tap_diag "$out"
out=$(d report frequency | sed -n '/^memos:$/,$p')
[ "$out" = "memos:
3	tag claim	ana	-	An assertion someone can check.
5	tag claim/economic	ana	-	Economic claims: prices, trade." ]
tap_ok $? "report frequency: the memos on the tags it counts, under the table"
[ -n "$out" ] || tap_diag "$(d report frequency)"

out=$(d memo show 5)
grep -qx 'memo 5 on tag claim/economic' <<<"$out" && grep -qx 'coder: ana' <<<"$out" &&
	grep -qE '^guid: [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' <<<"$out" &&
	[ "$(tail -n 2 <<<"$out")" = $'Economic claims:\nprices, trade.' ]
tap_ok $? "memo show: target, coder, a GUID, the text with its lines"

python3 - "$(d memo list --json)" <<'EOF'
import json, sys
j = json.loads(sys.argv[1])
assert [m["id"] for m in j] == [1, 3, 5, 2, 4], j
assert j[0]["kind"] == "project" and "target" not in j[0], j[0]
assert j[1]["kind"] == "tag" and j[1]["on"] == "claim", j[1]
assert j[3]["kind"] == "article" and j[3]["target"] == 2 and j[3]["title"] == "Sources", j[3]
assert j[4]["kind"] == "annotation" and j[4]["on"] == "Lavrov", j[4]
assert j[2]["text"] == "Economic claims:\nprices, trade.", j[2]
assert all(m["coder"] == "ana" for m in j)
EOF
tap_ok $? "memo list --json: kind, target, what it is on, title, text and coder"

guid=$(d memo show 2 | sed -n 's/^guid: //p')
d memo edit 2 "Checked against the transcript." && d memo edit 2 --title Checked &&
	out=$(d memo show 2) && grep -qx 'title: Checked' <<<"$out" &&
	[ "$(tail -n 1 <<<"$out")" = "Checked against the transcript." ] &&
	grep -qx "guid: $guid" <<<"$out" && [ "$(d memo list --search spring | cut -f1)" = 1 ] &&
	[ -z "$(d memo list --search ministry)" ] && [ "$(d memo list --search checked | cut -f1)" = 2 ]
tap_ok $? "memo edit replaces text and title, keeps the guid, and the search follows"

echo "Wholly rewritten." | d memo edit 1 - && [ "$(d memo list --project | cut -f5)" = "Wholly rewritten." ]
tap_ok $? "memo edit - reads standard input"

XDG_CONFIG_HOME="$TEST_TMP/none" LOGNAME=bo "$DOSSIER" --db "$DB" memo add "bo's memo" >/dev/null &&
	[ "$(d memo list --coder bo | cut -f1,3)" = $'6\tbo' ]
tap_ok $? "without 'set coder' the login name is the memo's coder; --coder filters"

d tag merge claim/economic claim && [ "$(d memo list --tag claim | cut -f1)" = $'3\n5' ]
tap_ok $? "a merged tag's memos go to the tag it joins"

d memo remove 6 && [ -z "$(d memo list --coder bo)" ] && [ -z "$(d memo list --search bo)" ]
tap_ok $? "memo remove takes it out of the list and the search"

before=$(d memo list --json)
err=$(d memo add --tag nope "x" 2>&1 >/dev/null); rc=$?
[ $rc -eq 1 ] && [ "$err" = "dossier: memo: no tag 'nope'" ]
tap_ok $? "a memo on an unknown tag: one line, status 1"
err=$(d memo add --article 99 "x" 2>&1 >/dev/null); rc=$?
[ $rc -eq 1 ] && [ "$err" = "dossier: memo: no article 99 for the memo" ]
tap_ok $? "a memo on a missing article: one line, status 1 ($err)"
err=$(d memo add --article 1 --tag claim "x" 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] && grep -q "one target" <<<"$err"
tap_ok $? "two targets: a usage error"
err=$(printf '\n\n' | d memo add - 2>&1 >/dev/null); rc=$?
[ $rc -eq 1 ] && [ "$err" = "dossier: memo: a memo needs some text" ]
tap_ok $? "an empty memo is refused"
err=$(d memo show 42 2>&1 >/dev/null); rc=$?
[ $rc -eq 1 ] && [ "$err" = "dossier: memo: no memo 42" ]
tap_ok $? "an unknown memo: one line, status 1"
err=$(d memo list --search '"unbalanced' 2>&1 >/dev/null); rc=$?
[ $rc -eq 1 ] && [ "$(wc -l <<<"$err")" -eq 1 ] && grep -q "memos matching" <<<"$err"
tap_ok $? "a bad search query: one line naming it"
[ "$(d memo list --json)" = "$before" ]
tap_ok $? "the refused commands changed nothing"

# The Markdown export: the project's memos first, an article's under it.
d memo add --article 1 --title "On *Lavrov*" $'First line\n- not a list' >/dev/null
md=$(d export --format markdown)
python3 - "$md" <<'EOF'
import sys
md = sys.argv[1]
p = md.index("## Project memos\n\n**Memo** (ana)\n\n> Wholly rewritten.\n")
a = md.index("**Memo: On \\*Lavrov\\*** (ana)\n\n> First line\n> \\- not a list\n")
h = md.index("\n## ", p + 5)
assert p < h < a < md.index("### claim"), (p, h, a)
EOF
tap_ok $? "export --format markdown: project memos first, an article's under its heading, escaped"

# An older database (schema 7, before memos) gains the table when opened.
OLD="$TEST_TMP/old.db"
"$DOSSIER" --db "$OLD" -q import "$SEEDS"/000_*.txt >/dev/null 2>&1
# (Schema 9's title index, 10's and 11's team objects, 12's date index, 13's
# related keys, 14's and 16's report counts go too, and 17's spans and index
# layout: a schema 7 database had none of them.)
sqlite3 "$OLD" "DROP TABLE memos; DROP TABLE memos_fts; DROP INDEX articles_title; DROP INDEX articles_dates;
DROP TRIGGER tags_uuid; DROP TRIGGER articles_sync_ai; DROP TRIGGER tags_sync_ai;
DROP TRIGGER tags_sync_au; DROP TRIGGER tags_sync_ad; DROP TRIGGER annotations_sync_ai;
DROP TRIGGER annotations_sync_au; DROP TRIGGER annotation_tags_sync_ai;
DROP TRIGGER annotation_tags_sync_ad; DROP TABLE sync_on; DROP TABLE sync_outbox;
DROP TABLE sync_versions; DROP TABLE sync_tag_merges; DROP TABLE sync_history;
DROP TRIGGER entities_sync_ai; DROP TRIGGER entities_sync_au; DROP TRIGGER entities_sync_ad;
DROP TRIGGER aliases_sync_ai; DROP TRIGGER aliases_sync_ad;
DROP TRIGGER statements_keys_ad;
DROP TABLE statement_terms; DROP TABLE related_terms;
DROP TRIGGER annotation_tags_counts_ai; DROP TRIGGER annotation_tags_counts_ad;
DROP TRIGGER annotation_tags_counts_au; DROP TRIGGER annotations_counts_au;
DROP TRIGGER annotations_counts_ai; DROP TRIGGER annotations_counts_bd;
DROP TABLE coding_counts; DROP TABLE coding_speakers; DROP TABLE coding_articles;
DROP TRIGGER articles_coding_au; DROP TRIGGER annotations_stale_ai;
DROP TRIGGER annotations_stale_au; DROP TRIGGER annotations_stale_ad;
DROP TRIGGER annotation_tags_stale_ai; DROP TRIGGER annotation_tags_stale_au;
DROP TRIGGER annotation_tags_stale_ad; DROP TRIGGER spans_stale_ai;
DROP TRIGGER spans_stale_au; DROP TRIGGER spans_stale_ad;
DROP TRIGGER mentions_stale_ai; DROP TRIGGER mentions_stale_au; DROP TRIGGER mentions_stale_ad;
DROP TRIGGER entities_stale_au; DROP TABLE coding_tag_articles; DROP TABLE coding_months;
DROP TABLE coding_outlets; DROP TABLE coding_article_pairs; DROP TABLE coding_pairs;
DROP TABLE coding_stale;
DROP INDEX tags_uuid; ALTER TABLE tags DROP COLUMN uuid;" &&
	"${PYTHON3:-python3}" "$top_srcdir/tests/cli/schema-before-17.py" "$OLD" &&
	sqlite3 "$OLD" "PRAGMA user_version = 7;"
"$DOSSIER" --db "$OLD" memo add --article 1 "after the upgrade" >/dev/null &&
	[ "$("$DOSSIER" --db "$OLD" memo list --search upgrade | cut -f2)" = "article 1" ] &&
	"$DOSSIER" --db "$OLD" check >/dev/null 2>&1
tap_ok $? "a schema 7 database is migrated and checks clean"
tap_done
