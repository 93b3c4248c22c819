#!/bin/bash
# tests/cli/import-link-fail.sh: the related statements are linked after
# their batch is committed (import.c, link_batch). When that linking
# fails, the articles of the batch stay stored, the one whose statements
# filled it among them, and the import tells every article it stored:
# the count it prints is the count the database holds. A trigger that
# refuses every link stands in for the failure.
. "$top_srcdir/tests/tui/lib.sh"

in="$TEST_TMP/in"
db="$TEST_TMP/links.db"
mkdir -p "$in"
# Four statements an article: the linker's batch fills within the run.
awk -v dir="$in" 'BEGIN {
	for (i = 1; i <= 1200; i++) {
		f = sprintf("%s/a%04d.txt", dir, i)
		printf "Corridor talks %d\n\n", i > f
		printf "Foreign Minister Sergei Lavrov said on Monday that the corridor talks in Geneva would go on, round %d.\n\n", i > f
		printf "Prime Minister Nikol Pashinyan said the corridor must stay open, round %d.\n\n", i > f
		printf "President Ilham Aliyev said the road was open, round %d.\n\n", i > f
		printf "Lavrov said the talks in Geneva would resume, round %d.\n", i > f
		close(f)
	}
}'
"$DOSSIER" -q --db "$db" import "$in/a0001.txt"
sqlite3 "$db" "CREATE TRIGGER refuse_links BEFORE INSERT ON statement_links
  BEGIN SELECT RAISE(ABORT, 'links refused'); END;"
"$DOSSIER" --db "$db" import "$in" >"$TEST_TMP/out" 2>"$TEST_TMP/err"
rc=$?
[ "$rc" -ne 0 ] && grep -q "linking statements: links refused" "$TEST_TMP/err"
tap_ok $? "a failed linking is an error of the import (exit $rc: $(head -1 "$TEST_TMP/err"))"
told=$(sed -n 's/^imported \([0-9]*\) article.*/\1/p' "$TEST_TMP/err" "$TEST_TMP/out" | tail -1)
held=$(sqlite3 "$db" "SELECT count(*) FROM articles")
[ -n "$told" ] && [ "$held" -gt 1 ] && [ $((told + 1)) -eq "$held" ]
tap_ok $? "every article stored is told as imported ($told told, $held held with the first)"
n=$(sqlite3 "$db" "SELECT count(*) FROM articles a WHERE NOT EXISTS
  (SELECT 1 FROM statements s WHERE s.article_id = a.id)")
[ "$n" = 0 ]
tap_ok $? "the stored articles keep their statements ($n without)"
sqlite3 "$db" "DROP TRIGGER refuse_links"
"$DOSSIER" -q --db "$db" import "$in" >/dev/null 2>&1
[ "$(sqlite3 "$db" "SELECT count(*) FROM articles")" = 1200 ] &&
	[ "$(sqlite3 "$db" "SELECT count(*) FROM statement_links")" -gt 0 ]
tap_ok $? "the import run again stores the rest and links them"
tap_done
