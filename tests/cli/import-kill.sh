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
	# The index is written every few seconds, not every batch
	# (IMPORT_INDEX_SECONDS): an article committed since then waits in
	# fts_pending, and is not in the index yet.
	waiting=$(q "SELECT count(*) FROM fts_pending")
	tap_diag "round $round: $waiting of them waiting to be indexed"
	bad=$(q "SELECT count(*) FROM articles a WHERE NOT EXISTS
		(SELECT 1 FROM articles_fts WHERE articles_fts MATCH 'corridor AND geneva' AND rowid = a.id)
		AND id NOT IN (SELECT article_id FROM fts_pending)")
	[ "$bad" = 0 ]; tap_ok $? "SIGKILL round $round: every stored article is fully indexed or waits ($bad neither)"
	bad=$(q "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'corridor'
		AND (rowid IN (SELECT article_id FROM fts_pending) OR rowid NOT IN (SELECT id FROM articles))")
	[ "$bad" = 0 ]; tap_ok $? "SIGKILL round $round: none waiting or not stored is indexed ($bad)"
	indexed=$(q "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'corridor'")
	[ "$indexed" = $((stored - waiting)) ]; tap_ok $? "SIGKILL round $round: and nothing else is ($indexed)"
	left=$(q "SELECT count(*) FROM state WHERE key = 'fts.defer'")
	[ "$left" = 0 ]; tap_ok $? "SIGKILL round $round: no deferral left on ($left)"
	settings=$(q "SELECT group_concat(k || '=' || v, ' ') FROM articles_fts_config WHERE k <> 'rank'")
	[ "$settings" = "automerge=16 crisismerge=64 version=4" ]
	tap_ok $? "SIGKILL round $round: the index's settings are the schema's ($settings)"
done

# Importing only what is stored already stores nothing, and indexes what
# the killed imports left waiting.
waiting=$(q "SELECT count(*) FROM fts_pending")
out=$("$DOSSIER" --db "$db" import "$in/r1/k0001.txt" 2>&1); st=$?
[ $st -eq 0 ] && grep -q "^imported 0 articles, 1 duplicate, 0 refused$" <<<"$out"
tap_ok $? "an import of a stored article stores nothing (status $st): $out"
bad=$(q "SELECT count(*) FROM articles a WHERE NOT EXISTS
	(SELECT 1 FROM articles_fts WHERE articles_fts MATCH 'corridor AND geneva' AND rowid = a.id)")
left=$(q "SELECT count(*) FROM fts_pending")
[ "$bad" = 0 ] && [ "$left" = 0 ]
tap_ok $? "and indexes the $waiting articles that waited ($bad not indexed, $left still waiting)"
out=$("$DOSSIER" --db "$db" import "$in" 2>&1); st=$?
[ $st -eq 0 ]; tap_ok $? "a later import completes the batch (status $st)"
grep -q "^imported $((n - before)) articles, $before duplicates, 0 refused$" <<<"$out"
tap_ok $? "storing the $((n - before)) left, the $before stored known as duplicates: $out"
[ "$(q "SELECT count(*) FROM articles")" = $n ]; tap_ok $? "all $n articles stored"
[ "$(q "SELECT count(DISTINCT title) FROM articles")" = $n ]; tap_ok $? "each once"
bad=$(q "SELECT count(*) FROM articles a WHERE NOT EXISTS
	(SELECT 1 FROM articles_fts WHERE articles_fts MATCH 'corridor AND geneva' AND rowid = a.id)")
[ "$bad" = 0 ]; tap_ok $? "and every one indexed"
indexed=$(q "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'corridor'")
left=$(q "SELECT count(*) FROM fts_pending")
[ "$indexed" = $n ] && [ "$left" = 0 ]; tap_ok $? "once ($indexed), none waiting ($left)"
"$DOSSIER" --db "$db" check >/dev/null; tap_ok $? "the database is sound at the end"

tap_done
