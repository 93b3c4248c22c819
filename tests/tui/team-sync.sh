#!/bin/bash
# tests/tui/team-sync.sh: a team's sync from the reader, on a private
# PostgreSQL cluster (tests/cli/team-lib.sh): the status bar shows the last
# sync; :sync brings another coder's annotation, which the annotation
# browser shows with its coder's name and finds by coder:NAME; set
# sync-interval takes minutes and refuses anything else; a sync runs in
# the background: while the server keeps it waiting, the status bar says
# "syncing" and keys are answered, and its summary comes when it ends; a
# server gone is one line on the message row, and the reader goes on.
. "$top_srcdir/tests/tui/lib.sh"
. "$top_srcdir/tests/cli/team-lib.sh"

pg_start
"$DOSSIER" team init "$(pg_url admin)" >/dev/null && pg_coder alice && pg_coder bob ||
	{ echo "Bail out! no team"; exit 1; }

mkdir -p "$XDG_CONFIG_HOME/dossier" "$TEST_TMP/bobcfg/dossier"
echo "set coder alice" >"$XDG_CONFIG_HOME/dossier/config"
echo "set coder bob" >"$TEST_TMP/bobcfg/dossier/config"
bob() { XDG_CONFIG_HOME="$TEST_TMP/bobcfg" "$DOSSIER" --db "$TEST_TMP/bob.db" "$@"; }
"$DOSSIER" -q import "$SEEDS"/00[0-1]_*.txt >/dev/null 2>&1
"$DOSSIER" team join "$(pg_url alice)" >/dev/null && "$DOSSIER" sync >/dev/null &&
	bob team join "$(pg_url bob)" >/dev/null && bob sync >/dev/null
tap_ok $? "alice and bob join; alice's articles reach bob"
bid=$(sqlite3 "$TEST_TMP/bob.db" "SELECT id FROM articles WHERE instr(body, 'Participants explored')")
bob annotate "$bid" --quote "Participants explored" --tag claim --note "bob's reading" >/dev/null &&
	bob sync >/dev/null
tap_ok $? "bob codes a span and syncs"

tui_start -x 140 -y 30
tui_expect "the status bar says when the last sync was" "  synced "
tui_screen | grep -qE "LIST .* synced [0-9]{2}:[0-9]{2}$"
tap_ok $? "as a time of day"
tui_keys :
tui_type "sync"
tui_keys Enter
# (bob's database made the default codebook's tags when he first
# tagged; they come too.)
tui_expect ":sync brings bob's annotation" "received 0 articles, 8 tags, 1 annotations, "
tui_keys :
tui_type "annotations"
tui_keys Enter
tui_type "coder:bob"
tui_expect "the browser shows it with its coder's name" "bob's reading  — bob"
tui_expect "and finds it by coder:bob" "│ 1 annotation "
tui_keys Escape
tui_keys :
tui_type "set sync-interval soon"
tui_keys Enter
tui_expect "a bad interval is refused" "sync-interval: expected minutes from 0 (none) to 1440, not 'soon'"
tui_keys :
tui_type "set sync-interval 5"
tui_keys Enter
tui_expect "set sync-interval 5" "sync every 5 minutes"

# A slow server: another session holds the team's write lock (as a long
# push of another coder's would), so alice's push waits on the server.
# The reader answers keys meanwhile; the sync ends once the lock goes.
"$DOSSIER" annotate 1 --quote "Lavrov then clarified" --tag claim >/dev/null ||
	echo "alice annotate failed" >&2
printf '%s\n' "SELECT pg_advisory_lock(1685025651);" \
	"\\! touch '$TEST_TMP/locked'; while [ ! -e '$TEST_TMP/release' ]; do sleep 0.1; done" \
	"SELECT pg_advisory_unlock(1685025651);" >"$TEST_TMP/lock.sql"
psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U admin -d team -f "$TEST_TMP/lock.sql" >"$TEST_TMP/lock.out" 2>&1 &
lockpid=$!
for _ in $(seq 200); do [ -e "$TEST_TMP/locked" ] && break; sleep 0.05; done
waiting() {  # alice's sync is on the server, waiting for the lock
	[ "$(psql_as admin "SELECT count(*) FROM pg_stat_activity WHERE usename = 'alice' AND wait_event_type = 'Lock'")" = 1 ]
}
tui_keys :
tui_type "sync"
tui_keys Enter
tui_expect "the status bar says a sync is under way" "  syncing"
for _ in $(seq 200); do waiting && break; sleep 0.05; done
waiting
tap_ok $? "the sync waits on the server"
tui_keys :
tui_type "set sync-interval 7"
tui_keys Enter
tui_expect "a key is answered while the sync waits" "sync every 7 minutes"
waiting && tui_screen | grep -q "  syncing"
tap_ok $? "and the sync was still waiting then"
touch "$TEST_TMP/release"
wait "$lockpid"
tui_expect "the sync ends when the server lets it: its summary" "synced: sent 0 articles, 0 tags, 1 annotations"
tui_screen | grep -qE "LIST .* synced [0-9]{2}:[0-9]{2}$"
tap_ok $? "and the status bar says when it ended"

pg_ctl_ stop -m fast
tui_keys :
tui_type "sync"
tui_keys Enter
tui_expect "a server gone: one line" "port=$PG_PORT: connection to server at \"127.0.0.1\", port $PG_PORT failed: Connection refused"
tui_keys j
tui_expect "the reader goes on" " LIST  2/"
tui_keys q
tui_wait_exit
tap_ok $? "the reader quits"
tap_done
