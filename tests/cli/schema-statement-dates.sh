#!/bin/bash
# tests/cli/schema-statement-dates.sh: schema 18 (each statement carries
# its article's date, and the speaker's index is in the order of a page
# by that speaker). Import copies the date; a database of schema 17 is
# migrated on opening: every statement gets its article's date, the pages
# by a speaker are what they were, and the file passes check with the
# schema a new file has. An article dated again, undated or dated for the
# first time moves its statements in the speaker's list.
. "$top_srcdir/tests/tui/lib.sh"

: "${PYTHON3:=python3}"
[ -n "$PYTHON3" ] || PYTHON3=python3
SEEDS="$SEEDS_DIR/seeds"
DB="$TEST_TMP/d.db"
d() { "$DOSSIER" --db "$DB" "$@"; }
sql() { "$PYTHON3" -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for row in c.execute(sys.argv[2]): print(*row, sep="|")
c.commit()' "$@"; }
# The statements whose date is not their article's.
stale() {
	sql "$1" "SELECT count(*) FROM statements s JOIN articles a ON a.id = s.article_id
	  WHERE s.published IS NOT a.published"
}
# The ids of a list of statements (JSON on stdin), one line.
ids() { "$PYTHON3" -c 'import json, sys; print(*(r["id"] for r in json.load(sys.stdin)))'; }
# The speaker's statements in list order, by one sort over the articles'
# own dates: the dated newest first, the undated last, then the place.
want() {
	sql "$DB" "SELECT s.id FROM statements s JOIN articles a ON a.id = s.article_id
	  JOIN entities e ON e.id = s.speaker_id WHERE e.name = '$1'
	  ORDER BY a.published IS NULL, a.published DESC, a.id DESC, s.start, s.id" | tr '\n' ' ' |
		sed 's/ $//'
}
# Every statement by NAME, whole and as pages of 4 after rows skipped.
pages() {
	local k
	d statements --by "$1" --limit 0 --json | ids || return 1
	for k in 0 4 8 12 16 20 24; do
		d statements --by "$1" --limit 4 --offset "$k" --json | ids || return 1
	done
}

d -q import "$SEEDS"; tap_ok $? "the seed articles import with extraction"
who=$(sql "$DB" "SELECT e.name FROM statements s JOIN entities e ON e.id = s.speaker_id
  GROUP BY e.id ORDER BY count(DISTINCT s.article_id) DESC, count(*) DESC LIMIT 1")
n=$(sql "$DB" "SELECT count(*) FROM statements s JOIN entities e ON e.id = s.speaker_id
  WHERE e.name = '$who'")
[ "$(sql "$DB" "PRAGMA user_version")" = 19 ] && [ "$n" -ge 8 ] && [ "$(stale "$DB")" = 0 ]
tap_ok $? "a new database is schema 19; $who's $n statements carry their articles' dates"

# Dates for the articles, two sharing one and one left undated, so the
# list orders by date, by article and by place.
sql "$DB" "UPDATE articles SET published = CASE id % 4 WHEN 0 THEN NULL WHEN 1 THEN '2024-03-02'
  WHEN 2 THEN '2024-03-02' ELSE '2023-11-20' END" &&
	[ "$(stale "$DB")" = 0 ] && [ "$(sql "$DB" "SELECT count(DISTINCT published)
	  FROM statements")" = 2 ]
tap_ok $? "articles dated: their statements' dates follow (trigger)"
pages "$who" >"$TEST_TMP/pages.new" &&
	[ "$(head -1 "$TEST_TMP/pages.new")" = "$(want "$who")" ] &&
	[ "$(tail -n +2 "$TEST_TMP/pages.new" | tr '\n' ' ' | tr -s ' ' | sed 's/ $//')" = \
	    "$(want "$who")" ]
tap_ok $? "statements --by: the list and its pages of 4 are in list order"

# Back to 17: the statements lose their dates, the speaker's index is on
# the speaker alone, the trigger goes.
cp "$DB" "$TEST_TMP/new.db"
"$PYTHON3" "$top_srcdir/tests/cli/schema-before-18.py" "$DB" &&
	sql "$DB" "PRAGMA user_version = 17" &&
	[ -z "$(sql "$DB" "SELECT name FROM pragma_table_info('statements')
	  WHERE name = 'published'")" ]
tap_ok $? "the database made one of schema 17"
out=$(d check 2>&1) && [ "$(sql "$DB" "PRAGMA user_version")" = 17 ]
tap_ok $? "check finds it sound without migrating it ($out)"
d list >/dev/null; tap_ok $? "a command opens it"
[ "$(sql "$DB" "PRAGMA user_version")" = 19 ] && [ "$(stale "$DB")" = 0 ] &&
	[ "$(sql "$DB" "SELECT count(*) FROM statements WHERE published IS NOT NULL")" -gt 0 ]
tap_ok $? "migrated to 19 (through 18): every statement carries its article's date"
schema() {
	sql "$1" "SELECT type, name, sql FROM sqlite_schema WHERE name IN ('statements',
	  'statements_speaker', 'statements_speaker_order', 'statements_published_au') ORDER BY name"
}
[ "$(schema "$DB")" = "$(schema "$TEST_TMP/new.db")" ] && [ -n "$(schema "$DB")" ]
tap_ok $? "the statements, the speaker's two indexes and the trigger as a new database has them"
out=$(d check 2>&1); tap_ok $? "check finds the migrated file sound ($out)"
pages "$who" >"$TEST_TMP/pages.18" && cmp -s "$TEST_TMP/pages.new" "$TEST_TMP/pages.18"
tap_ok $? "statements --by: the list and its pages are what they were"
plan=$(sql "$DB" "EXPLAIN QUERY PLAN SELECT id FROM statements INDEXED BY statements_speaker_order
  WHERE speaker_id = 1 ORDER BY published DESC, article_id DESC, start, id LIMIT 4")
grep -q "statements_speaker_order" <<<"$plan" && ! grep -q "TEMP B-TREE" <<<"$plan"
tap_ok $? "the migrated index is in list order ($plan)"
# The related statements' linker reads a speaker's statements by id,
# newest first, a few at a time: off the index on the speaker alone,
# never a sort of every statement of the speaker.
plan=$(sql "$DB" "EXPLAIN QUERY PLAN SELECT id FROM statements INDEXED BY statements_speaker
  WHERE speaker_id = 1 AND id NOT BETWEEN 5 AND 9 AND id < 100 ORDER BY id DESC")
grep -q "statements_speaker " <<<"$plan" && ! grep -q "TEMP B-TREE" <<<"$plan"
tap_ok $? "a speaker's statements by id, newest first, without a sort ($plan)"

# The article of the speaker's last statement dated newest, the one of
# the first undated: they move to the head and the tail of the list.
last=$(want "$who" | awk '{ print $NF }')
first=$(want "$who" | awk '{ print $1 }')
sql "$DB" "UPDATE articles SET published = '2031-01-01'
  WHERE id = (SELECT article_id FROM statements WHERE id = $last)" &&
	sql "$DB" "UPDATE articles SET published = NULL
	  WHERE id = (SELECT article_id FROM statements WHERE id = $first)" &&
	[ "$(stale "$DB")" = 0 ]
tap_ok $? "two articles dated again: their statements' dates follow"
art() { sql "$DB" "SELECT article_id FROM statements WHERE id = $1"; }
got=$(d statements --by "$who" --limit 0 --json | ids)
[ "$got" = "$(want "$who")" ] && [ "$(art "$(awk '{ print $1 }' <<<"$got")")" = "$(art "$last")" ] &&
	[ "$(art "$(awk '{ print $NF }' <<<"$got")")" = "$(art "$first")" ] &&
	[ "$got" != "$(head -1 "$TEST_TMP/pages.18")" ]
tap_ok $? "statements --by: they moved, the newest first, the undated last"
d statements --by "$who" --limit 3 --offset 1 --json | ids >"$TEST_TMP/page"
[ "$(cat "$TEST_TMP/page")" = "$(want "$who" | cut -d' ' -f2-4)" ]
tap_ok $? "and a page of 3 after 1 skipped is that part of the new order"
tap_done
