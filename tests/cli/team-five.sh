#!/bin/bash
# tests/cli/team-five.sh: five coders on one team server (a private
# cluster: tests/cli/team-lib.sh): concurrent syncs leave every database
# with everyone's annotations, once each; the server killed with SIGKILL
# in the middle of a large sync and restarted loses nothing and doubles
# nothing, and the next sync completes it.
. "$top_srcdir/tests/tui/lib.sh"
. "$top_srcdir/tests/cli/team-lib.sh"

pg_start

live() {  # live WHO: annotations in WHO's database, and distinct uuids
	sqlite3 "$TEST_TMP/$1.db" "SELECT count(*) || ' ' || count(DISTINCT uuid) FROM annotations"
}

"$DOSSIER" team init "$(pg_url admin)" >/dev/null
CODERS="ann ben cat dov eva"
tap_diag "start $(date +%T)"
for who in $CODERS; do pg_coder "$who"; done
as ann -q import "$SEEDS"/00[0-3]_*.txt >/dev/null 2>&1
as ann team join "$(pg_url ann)" >/dev/null && as ann sync >/dev/null
for who in ben cat dov eva; do
	as "$who" team join "$(pg_url "$who")" >/dev/null && as "$who" sync >/dev/null || exit 1
done
tap_ok $? "five coders join and take the corpus"

# Each codes three spans of every article, then all five sync at once.
for who in $CODERS; do
	for id in $(sqlite3 "$TEST_TMP/$who.db" "SELECT id FROM articles"); do
		for q in 1 2 3; do
			quote=$(sqlite3 "$TEST_TMP/$who.db" \
				"SELECT substr(body, 1 + $q * 40, 12) FROM articles WHERE id = $id")
			as "$who" annotate "$id" --quote "$quote" --tag claim --note "$who $q" >/dev/null ||
				echo "annotate failed: $who $id $quote" >&2
		done
	done
done
tap_diag "coded at $(date +%T)"
pids=()
for who in $CODERS; do as "$who" sync >"$TEST_TMP/$who.out" 2>&1 & pids+=($!); done
rc=0
for p in "${pids[@]}"; do wait "$p" || rc=1; done
for who in $CODERS; do as "$who" sync >/dev/null 2>&1 || rc=1; done
total=$(psql_as admin "SELECT count(*) FROM dossier.records WHERE kind = 'annotation'")
same=1
for who in $CODERS; do [ "$(live "$who")" = "$total $total" ] || same=0; done
[ $rc -eq 0 ] && [ "$total" -eq 60 ] && [ $same -eq 1 ]
tap_ok $? "five concurrent syncs: every database holds all $total annotations once ($(for w in $CODERS; do printf '%s=%s ' "$w" "$(live "$w")"; done))"

# A large sync, with the server killed under it.
sqlite3 "$TEST_TMP/ann.db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000)
INSERT INTO annotations(uuid, article_id, start, end, quote, note, coder)
SELECT lower(hex(randomblob(16))), 1, 0, 8, substr(a.body, 1, 8), 'bulk ' || i, 'ann'
FROM n, articles a WHERE a.id = 1"
want=$(sqlite3 "$TEST_TMP/ann.db" "SELECT count(*) FROM annotations")
as ann sync >"$TEST_TMP/kill.out" 2>&1 &
sp=$!
# Kill the server as soon as part of the batch is in.
for _ in $(seq 200); do
	n=$(psql_as admin "SELECT count(*) FROM dossier.records WHERE kind = 'annotation'" 2>/dev/null)
	[ "${n:-0}" -gt "$total" ] && break
	sleep 0.05
done
pg_kill
wait "$sp"; krc=$?
mid=$(sqlite3 "$TEST_TMP/ann.db" "SELECT count(*) FROM sync_outbox")
tap_diag "sync under SIGKILL: status $krc, $mid records still queued: $(head -c 300 "$TEST_TMP/kill.out")"
pg_ctl_ start -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories= -c fsync=off"
t0=$(date +%s.%N); as ann sync >/dev/null 2>&1; rc=$?; t1=$(date +%s.%N); as ben sync >/dev/null 2>&1 || rc=1; t2=$(date +%s.%N); tap_diag "ann sync $(echo "$t1 - $t0" | bc) s, ben $(echo "$t2 - $t1" | bc) s"
server=$(psql_as admin "SELECT count(*) || ' ' || count(DISTINCT key) FROM dossier.records WHERE kind = 'annotation'")
[ $rc -eq 0 ] && [ "$krc" -ne 0 ] && [ "$mid" -gt 0 ] && [ "$server" = "$want $want" ] &&
	[ "$(live ben)" = "$want $want" ] && [ "$(sqlite3 "$TEST_TMP/ann.db" "SELECT count(*) FROM sync_outbox")" -eq 0 ] &&
	sqlite3 "$TEST_TMP/ann.db" "PRAGMA integrity_check" | grep -qx ok
tap_ok $? "server killed mid-sync: nothing lost or doubled, the next sync completes it (server $server, ben $(live ben), want $want)"

tap_done
