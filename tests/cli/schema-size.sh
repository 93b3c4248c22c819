#!/bin/bash
# tests/cli/schema-size.sh: schema 17 (a smaller file). A database in the
# layout before it (spans 8 bytes each in two tables, the full-text index
# with the title first) is migrated on opening: every span, every search
# (phrases, NEAR, a column filter, the ranking and snippets) and the
# reader's paragraphs are what they were, the file passes check, and the
# same rows take less room; `check --recover` on an old file carries its
# spans over too. New files have 1,024-byte pages.
. "$top_srcdir/tests/tui/lib.sh"

: "${PYTHON3:=python3}"
[ -n "$PYTHON3" ] || PYTHON3=python3
SEEDS="$SEEDS_DIR/seeds"
DB="$TEST_TMP/z.db"
d() { "$DOSSIER" --db "$DB" "$@"; }
sql() { "$PYTHON3" -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for row in c.execute(sys.argv[2]): print(*row, sep="|")
c.commit()' "$@"; }
# The bytes of the full-text index's blocks.
index_bytes() { sql "$1" "SELECT sum(length(block)) FROM articles_fts_data"; }
searches() {
	for q in '"foreign minister"' 'NEAR(lachin corridor, 3)' 'title:lachin' 'peace OR treaty' \
	    'negotiat*'; do
		d search "$q" || return 1
	done
}

d -q import "$SEEDS"; tap_ok $? "the seed articles import"
[ "$(sql "$DB" "PRAGMA user_version")" = 19 ] &&
	sql "$DB" "SELECT sql FROM sqlite_schema WHERE name = 'articles_fts'" |
	grep -q "fts5( *body, title, notes"
tap_ok $? "a new database (schema 19) has the body as the index's first column"
[ "$(sql "$DB" "PRAGMA page_size")" = 1024 ]; tap_ok $? "and 1,024-byte pages"
sql "$DB" "SELECT article_id, hex(paragraphs), hex(sentences) FROM spans ORDER BY 1" \
	>"$TEST_TMP/spans.new"
n=$(wc -l <"$TEST_TMP/spans.new")
searches >"$TEST_TMP/search.new"
[ "$n" -ge 5 ] && [ "$(grep -c . "$TEST_TMP/search.new")" -gt 10 ]
tap_ok $? "spans of $n articles and the searches' results noted"

# FILE taken back to schema 15: step 16's report counts go (their
# triggers on the coding, the articles, spans, mentions and entities, then
# their tables), and step 17's layout.
back_to_15() {
	local t
	for t in $(sql "$1" "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND
	    (name LIKE '%stale%' OR name LIKE 'coding_tag_articles%' OR name LIKE 'coding_counts_tag%'
	    OR name LIKE 'coding_article_pairs%' OR name = 'articles_coding_au')"); do
		sql "$1" "DROP TRIGGER $t" || return 1
	done
	for t in coding_tag_articles coding_months coding_outlets coding_article_pairs \
	    coding_pairs coding_stale; do
		sql "$1" "DROP TABLE $t" || return 1
	done
	"$PYTHON3" "$top_srcdir/tests/cli/schema-before-17.py" "$1" &&
		sql "$1" "PRAGMA user_version = 15"
}

cp "$DB" "$TEST_TMP/new.db"
back_to_15 "$DB" &&
	[ "$(sql "$DB" "SELECT count(*) FROM sentences WHERE length(spans) % 8 = 0")" = "$n" ]
tap_ok $? "the database taken back to schema 15 (spans 8 bytes each)"
old=$(index_bytes "$DB")
old_spans=$(sql "$DB" "SELECT (SELECT sum(length(spans)) FROM paragraphs) +
  (SELECT sum(length(spans)) FROM sentences)")
d check >/dev/null && [ "$(sql "$DB" "PRAGMA user_version")" = 15 ]
tap_ok $? "check finds the old file sound without migrating it"
cp "$DB" "$TEST_TMP/old.db"

searches >"$TEST_TMP/search.old" && [ "$(sql "$DB" "PRAGMA user_version")" = 19 ]
tap_ok $? "a search opens it and migrates it (to 19)"
cmp -s "$TEST_TMP/search.new" "$TEST_TMP/search.old"
tap_ok $? "phrase, NEAR, column and prefix searches find, rank and show the same"
sql "$DB" "SELECT article_id, hex(paragraphs), hex(sentences) FROM spans ORDER BY 1" \
	>"$TEST_TMP/spans.old"
cmp -s "$TEST_TMP/spans.new" "$TEST_TMP/spans.old" &&
	[ "$(sql "$DB" "SELECT count(*) FROM sqlite_schema WHERE name IN ('paragraphs', 'sentences')")" = 0 ]
tap_ok $? "every article's spans carried over, packed as import packs them"
d check >/dev/null; tap_ok $? "the migrated file passes check"
new=$(index_bytes "$DB")
new_spans=$(sql "$DB" "SELECT sum(length(paragraphs) + length(sentences)) FROM spans")
[ -n "$old" ] && [ -n "$new" ] && [ $((new * 100)) -lt $((old * 90)) ]
tap_ok $? "the same articles' index takes at least 10% less room ($old bytes before, $new after)"
[ -n "$old_spans" ] && [ -n "$new_spans" ] && [ $((new_spans * 2)) -lt "$old_spans" ]
tap_ok $? "and their spans less than half ($old_spans bytes before, $new_spans after)"

# The reader's paragraphs come from the stored spans.
id=$(sql "$DB" "SELECT article_id FROM spans ORDER BY length(paragraphs) DESC LIMIT 1")
d show "$id" >"$TEST_TMP/show.txt" && grep -q . "$TEST_TMP/show.txt"
tap_ok $? "show reads the migrated article $id"

# Salvage of an old file packs its spans as the upgrade does.
rm -f "$TEST_TMP/rec.db"
"$DOSSIER" --db "$TEST_TMP/old.db" check --recover "$TEST_TMP/rec.db" >/dev/null 2>&1 &&
	sql "$TEST_TMP/rec.db" "SELECT article_id, hex(paragraphs), hex(sentences) FROM spans ORDER BY 1" \
	>"$TEST_TMP/spans.rec" && cmp -s "$TEST_TMP/spans.new" "$TEST_TMP/spans.rec"
tap_ok $? "check --recover on the old file carries every article's spans over"
# A damaged page of an old file's sentence spans costs only the lists on
# it: every article keeps its paragraphs.
cp "$TEST_TMP/old.db" "$TEST_TMP/bad.db"
page=$(sql "$TEST_TMP/bad.db" "PRAGMA page_size")
pg=$(sqlite3 "$TEST_TMP/bad.db" "SELECT max(pageno) FROM dbstat WHERE name = 'sentences'")
"$PYTHON3" -c 'import sys
with open(sys.argv[1], "r+b") as f:
    f.seek((int(sys.argv[2]) - 1) * int(sys.argv[3])); f.write(b"\xff" * int(sys.argv[3]))' \
	"$TEST_TMP/bad.db" "$pg" "$page"
rm -f "$TEST_TMP/rec2.db"
"$DOSSIER" --db "$TEST_TMP/bad.db" check --recover "$TEST_TMP/rec2.db" >/dev/null 2>&1
[ $? = 3 ] && [ -n "$pg" ] && [ "$(sql "$TEST_TMP/rec2.db" "SELECT count(*) FROM spans WHERE length(paragraphs) > 0")" = \
	"$(sql "$TEST_TMP/new.db" "SELECT count(*) FROM spans WHERE length(paragraphs) > 0")" ]
tap_ok $? "check --recover of an old file whose sentence spans' page $pg is damaged keeps every article's paragraphs"

# A coded article's spans damaged in a way only their decoding sees:
# check names it, and --recover drops them and finishes.
C="$TEST_TMP/coded.db"
"$DOSSIER" --db "$C" -q import "$SEEDS" &&
	cid=$(sql "$C" "SELECT article_id FROM spans ORDER BY article_id LIMIT 1") &&
	"$DOSSIER" --db "$C" annotate --quote "the" --tag claim "$cid" >/dev/null &&
	cp "$C" "$TEST_TMP/coded15.db" &&
	sql "$C" "UPDATE spans SET sentences = x'ff' WHERE article_id = $cid"
tap_ok $? "a coded article's sentence spans made undecodable"
rm -f "$TEST_TMP/rec3.db"
! "$DOSSIER" --db "$C" check >/dev/null 2>&1 &&
	out=$("$DOSSIER" --db "$C" check --recover "$TEST_TMP/rec3.db" 2>&1)
[ $? = 3 ] && [[ $out == *"1 rows or pages could not be read"* ]] &&
	"$DOSSIER" --db "$TEST_TMP/rec3.db" check >/dev/null 2>&1 &&
	[ "$(sql "$TEST_TMP/rec3.db" "SELECT count(*) FROM annotations WHERE state = 'active'")" = 1 ]
tap_ok $? "check names it; check --recover finishes, counts them lost, keeps the highlight, and its file passes check"

# An upgrade stopped between steps 16 and 17 (here step 17 refused: a
# table in its way) leaves a sound file at 16: check says so.
M="$TEST_TMP/coded15.db"
back_to_15 "$M" && sql "$M" "CREATE TABLE spans (x)" &&
	! "$DOSSIER" --db "$M" list >/dev/null 2>&1 &&
	[ "$(sql "$M" "PRAGMA user_version")" = 16 ] && sql "$M" "DROP TABLE spans"
tap_ok $? "an upgrade that stops after step 16 leaves schema 16"
"$DOSSIER" --db "$M" check >/dev/null; tap_ok $? "check finds it sound"
"$DOSSIER" --db "$M" list >/dev/null && [ "$(sql "$M" "PRAGMA user_version")" = 19 ] &&
	"$DOSSIER" --db "$M" check >/dev/null &&
	"$DOSSIER" --db "$M" report cooccurrence --csv >/dev/null
tap_ok $? "the next command finishes the upgrade; check passes and the counts are read"
tap_done
