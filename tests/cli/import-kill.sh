#!/bin/bash
# tests/cli/import-kill.sh: SIGKILL during an import that spans many
# batches (import.h, IMPORT_BATCH). Each round kills the import after
# a batch has been committed; every article stored must then be whole
# (its text to the end, its sentences) and fully indexed, and importing
# the same files again must complete the import without storing any
# article twice. Each round imports its own directory, so a round
# always has articles left to store even when an earlier round's import
# ran to its end before the kill reached it (a fast machine).
. "$top_srcdir/tests/tui/lib.sh"

rounds=3
per_round=1500
n=$((rounds * per_round))
in="$TEST_TMP/in"
for round in $(seq 1 $rounds); do mkdir -p "$in/r$round"; done
awk -v n=$n -v per=$per_round -v dir="$in" 'BEGIN {
	for (i = 1; i <= n; i++) {
		f = sprintf("%s/r%d/k%04d.txt", dir, int((i - 1) / per) + 1, i)
		printf "Kill test article %d on the corridor talks\n\n", i > f
		for (j = 1; j <= 6; j++)
			printf "Paragraph %d of article %d says the talks on the corridor went on in Geneva.\n\n", j, i > f
		printf "End of article %d.\n", i > f
		close(f)
	}
}'
db="$TEST_TMP/kill.db"
q() { sqlite3 "$db" "$1"; }

# Start from a created database: a kill while the schema itself is being
# created leaves an empty file that read-only commands cannot use yet.
"$DOSSIER" -q --db "$db" import "$in/r1/k0001.txt"
before=1
for round in $(seq 1 $rounds); do
	"$DOSSIER" -q --db "$db" import "$in/r$round" &
	pid=$!
	# Killed once a batch of this run is committed, a little later.
	for _ in $(seq 1 400); do
		[ "$(q "SELECT count(*) FROM articles" 2>/dev/null || echo 0)" -gt "$before" ] && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.02
	done
	sleep "0.0$((RANDOM % 10))"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	st=$?
	stored=$(q "SELECT count(*) FROM articles")
	if [ $st -eq 137 ]; then
		tap_diag "round $round: $stored of $n stored when killed"
	else
		tap_diag "round $round: the import ended (status $st) before the kill; $stored of $n stored"
	fi
	[ "$stored" -gt "$before" ]; tap_ok $? "SIGKILL round $round: batches were committed ($stored)"
	before=$stored
	"$DOSSIER" --db "$db" check >/dev/null; tap_ok $? "SIGKILL round $round: the database is sound"
	bad=$(q "SELECT count(*) FROM articles
		WHERE body NOT LIKE '%End of article ' || substr(title, 19, instr(substr(title, 19), ' ') - 1) || '.'
		   OR NOT EXISTS (SELECT 1 FROM spans s WHERE s.article_id = articles.id
		       AND length(s.sentences) > 0 AND length(s.paragraphs) > 0)")
	[ "$bad" = 0 ]; tap_ok $? "SIGKILL round $round: every stored article is whole ($bad not)"
	bad=$(q "SELECT count(*) FROM articles a WHERE NOT EXISTS
		(SELECT 1 FROM articles_fts WHERE articles_fts MATCH 'corridor AND geneva' AND rowid = a.id)")
	[ "$bad" = 0 ]; tap_ok $? "SIGKILL round $round: every stored article is fully indexed ($bad not)"
	indexed=$(q "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'corridor'")
	[ "$indexed" = "$stored" ]; tap_ok $? "SIGKILL round $round: and nothing else is ($indexed)"
	left=$(q "SELECT (SELECT count(*) FROM fts_pending) + (SELECT count(*) FROM state WHERE key = 'fts.defer')")
	[ "$left" = 0 ]; tap_ok $? "SIGKILL round $round: no article waits to be indexed ($left)"
done
out=$("$DOSSIER" --db "$db" import "$in" 2>&1); st=$?
[ $st -eq 0 ]; tap_ok $? "a later import completes the batch (status $st)"
grep -q "^imported $((n - before)) articles, $before duplicates, 0 refused$" <<<"$out"
tap_ok $? "storing the $((n - before)) left, the $before stored known as duplicates: $out"
[ "$(q "SELECT count(*) FROM articles")" = $n ]; tap_ok $? "all $n articles stored"
[ "$(q "SELECT count(DISTINCT title) FROM articles")" = $n ]; tap_ok $? "each once"
bad=$(q "SELECT count(*) FROM articles a WHERE NOT EXISTS
	(SELECT 1 FROM articles_fts WHERE articles_fts MATCH 'corridor AND geneva' AND rowid = a.id)")
[ "$bad" = 0 ]; tap_ok $? "and every one indexed"
"$DOSSIER" --db "$db" check >/dev/null; tap_ok $? "the database is sound at the end"

tap_done
