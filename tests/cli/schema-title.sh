#!/bin/bash
# tests/cli/schema-title.sh: schema 19 (the entities an article's title
# names, in title_mentions). A database of schema 18 is migrated on
# opening by creating the empty table and its index, no row of another
# table written; it then passes check with the schema a new file has, and
# an article analysed again (an entity added that its title names) gains
# its title's mentions as a new import would.
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
schema() {
	sql "$1" "SELECT type, name, sql FROM sqlite_schema WHERE name LIKE 'title_mentions%'
	  ORDER BY name"
}
# Every row of the tables the step must not write, as one checksum.
rows() {
	sql "$1" "SELECT (SELECT count(*) || ':' || coalesce(sum(start * 7 + end), 0) FROM mentions)
	  || '/' || (SELECT count(*) FROM statements) || '/' || (SELECT count(*) FROM articles)"
}

printf 'Eritrea warns the Kolmar Assembly\n\nThe port was open on Monday, the minister said.\n' \
	>"$TEST_TMP/red.txt"
d -q import "$SEEDS" "$TEST_TMP/red.txt"; tap_ok $? "the seed articles and one more import"
red=$(sql "$DB" "SELECT id FROM articles WHERE title LIKE 'Eritrea warns%'")
n=$(sql "$DB" "SELECT count(*) FROM title_mentions")
[ "$(sql "$DB" "PRAGMA user_version")" = 19 ] && [ "$n" -gt 0 ] &&
	[ "$(sql "$DB" "SELECT count(*) FROM title_mentions WHERE article_id = $red")" = 1 ]
tap_ok $? "a new database is schema 19; its titles name $n entities"
cp "$DB" "$TEST_TMP/new.db"

"$PYTHON3" "$top_srcdir/tests/cli/schema-before-19.py" "$DB" &&
	sql "$DB" "PRAGMA user_version = 18" && [ -z "$(schema "$DB")" ]
tap_ok $? "the database made one of schema 18"
before=$(rows "$DB")
out=$(d check 2>&1) && [ "$(sql "$DB" "PRAGMA user_version")" = 18 ]
tap_ok $? "check finds it sound without migrating it ($out)"
d list >/dev/null; tap_ok $? "a command opens it"
[ "$(sql "$DB" "PRAGMA user_version")" = 19 ] &&
	[ "$(sql "$DB" "SELECT count(*) FROM title_mentions")" = 0 ] && [ "$(rows "$DB")" = "$before" ]
tap_ok $? "migrated to 19: the table made empty, no other row written"
[ "$(schema "$DB")" = "$(schema "$TEST_TMP/new.db")" ] && [ -n "$(schema "$DB")" ]
tap_ok $? "the table and its index as a new database has them"
out=$(d check 2>&1); tap_ok $? "check finds the migrated file sound ($out)"

d -q kb add organization 'Kolmar Assembly' >/dev/null 2>&1 &&
	[ "$(sql "$DB" "SELECT group_concat(e.name, ',') FROM (SELECT e.name FROM title_mentions t
	  JOIN entities e ON e.id = t.entity_id WHERE t.article_id = $red ORDER BY t.start) e")" = \
	    "Eritrea,Kolmar Assembly" ]
tap_ok $? "an old article analysed again gains its title's mentions"
d actors "$red" | grep -Eq '^ +[0-9]+ +Eritrea +1 mention'
tap_ok $? "and its actors name the title's state"
tap_done
