#!/bin/bash
# tests/tui/hangup.sh: a reader busy with the database when its terminal
# hangs up ends at once, the terminal given back, instead of finishing
# what it was doing for no one. Here it is waiting to write while another
# program holds the database's write lock (for as long as the test runs).
. "$top_srcdir/tests/tui/lib.sh"

py=${PYTHON3:-python3}
tui_start -x 120 -y 30
tui_expect "started" " List  "
tui_keys :
tui_type focus-list
tui_keys Enter Enter
tui_expect "an article open" " READ  "

# Another program takes the write lock and keeps it until the test ends.
fifo="$TEST_TMP/holder"
mkfifo "$fifo"
"$py" -c '
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
c.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(60)
' "$DOSSIER_DB" >"$fifo" &
holder=$!
read -r said <"$fifo"
[ "$said" = locked ]; tap_ok $? "another program holds the write lock"

# A write from the reader now waits for the lock.
tui_keys :
tui_type "tag add waiting 33 w"
tui_keys Enter
tui_wait "added tag waiting" 1 && busy=0 || busy=1
tap_ok $((! busy)) "the reader is waiting for the lock" || true
kill -s HUP "$(tui_pid)"
st=$(tui_wait_exit 4)
[ "$st" = 129 ]; tap_ok $? "SIGHUP ends it while the other program still holds the lock ($st)"
kill -0 "$holder" 2>/dev/null; tap_ok $? "(the lock was still held)"
tui_expect_restored "the terminal is restored"
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null

# The tag was not written, and the database is as it was.
"$py" -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
sys.exit(c.execute("SELECT count(*) FROM tags WHERE name = ?", ("waiting",)).fetchone()[0])
' "$DOSSIER_DB"
tap_ok $? "nothing half-written"
tap_done
