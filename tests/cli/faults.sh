#!/bin/bash
# tests/cli/faults.sh: database faults. A read-only file, a lock held past
# the timeout, a full disk, a truncated or corrupted file and a file from a
# newer dossier each get one clear line, and lose nothing.
. "$top_srcdir/tests/tui/lib.sh"

in="$TEST_TMP/in"
mkdir -p "$in"
for i in $(seq 1 40); do
	{ echo "Article number $i on the corridor talks"; echo
	  for j in $(seq 1 40); do echo "Paragraph $j of article $i says the talks on the corridor went on."; done
	} >"$in/a$i.txt"
done
db="$TEST_TMP/d.db"
count() { sqlite3 "$1" "SELECT count(*) FROM articles"; }
oneline() { [ "$(printf '%s\n' "$1" | grep -c .)" -eq 1 ]; }

"$DOSSIER" -q --db "$db" import "$in/a1.txt" "$in/a2.txt"; tap_ok $? "a database with two articles"

# Read-only: opens for reading, refuses to write, says why.
chmod 0444 "$db"
out=$("$DOSSIER" --db "$db" list 2>&1); st=$?
[ $st -eq 0 ] && grep -q "Article number 1" <<<"$out"; tap_ok $? "a read-only database can be read"
err=$("$DOSSIER" -q --db "$db" import "$in/a3.txt" 2>&1); st=$?
[ $st -ne 0 ] && oneline "$err" && grep -q "read-only" <<<"$err" && grep -qF "$db" <<<"$err"
tap_ok $? "writing to it: one line naming the file and 'read-only' (status $st: $err)"
chmod 0600 "$db"
[ "$(count "$db")" = 2 ]; tap_ok $? "nothing changed"

# Locked by another process beyond the timeout.
"${PYTHON3:-python3}" - "$db" "$TEST_TMP/locked" <<'PY' &
import sqlite3, sys, time, os
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").close()
time.sleep(12)
c.execute("ROLLBACK")
PY
holder=$!
for _ in $(seq 1 200); do [ -f "$TEST_TMP/locked" ] && break; sleep 0.05; done
err=$("$DOSSIER" -q --db "$db" import "$in/a3.txt" 2>&1); st=$?
[ $st -ne 0 ] && grep -q "locked" <<<"$err" && grep -qF "$db" <<<"$err"
tap_ok $? "a lock held past the timeout: an error naming the file (status $st: $err)"
kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null
"$DOSSIER" -q --db "$db" import "$in/a3.txt"; tap_ok $? "once the lock is gone, the import works"
[ "$(count "$db")" = 3 ]; tap_ok $? "three articles"

# Full disk: a file-size limit makes writes fail part-way (100 KiB: less
# than the batch of 37 articles writes to the log).
err=$( (ulimit -f 100; "$DOSSIER" -q --db "$db" import "$in") 2>&1); st=$?
[ $st -ne 0 ] && grep -qE "disk is full|disk full" <<<"$err"
tap_ok $? "a full disk: the import fails with a message (status $st: $(head -1 <<<"$err"))"
"$DOSSIER" --db "$db" check >/dev/null; tap_ok $? "the database is sound afterwards"
n=$(count "$db")
[ "$n" -ge 3 ]; tap_ok $? "no article was lost ($n stored)"
"$DOSSIER" -q --db "$db" import "$in"; tap_ok $? "with room again, the rest imports"
[ "$(count "$db")" = 40 ]; tap_ok $? "all 40 articles, none twice"

# Newer schema: refused, not downgraded.
cp "$db" "$TEST_TMP/newer.db"
sqlite3 "$TEST_TMP/newer.db" "PRAGMA user_version = 999"
err=$("$DOSSIER" --db "$TEST_TMP/newer.db" list 2>&1); st=$?
[ $st -ne 0 ] && oneline "$err" && grep -q "newer" <<<"$err"
tap_ok $? "a database from a newer dossier is refused (status $st: $err)"
[ "$(sqlite3 "$TEST_TMP/newer.db" "PRAGMA user_version")" = 999 ]; tap_ok $? "and left as it was"

# Truncated: found at open, writes refused, salvage suggested and working.
sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$db" "$TEST_TMP/cut.db"
size=$(stat -c %s "$TEST_TMP/cut.db")
truncate -s $((size / 2)) "$TEST_TMP/cut.db"
err=$("$DOSSIER" -q --db "$TEST_TMP/cut.db" import "$in/a1.txt" 2>&1); st=$?
[ $st -ne 0 ] && grep -q "damaged" <<<"$err" && grep -q "check --recover" <<<"$err"
tap_ok $? "writing to a truncated file is refused, salvage suggested (status $st: $err)"
err=$("$DOSSIER" --db "$TEST_TMP/cut.db" check 2>&1); st=$?
[ $st -ne 0 ] && grep -q "check --recover" <<<"$err"; tap_ok $? "check finds the damage (status $st)"
# Cut in half, even the schema is gone: salvage says so in one line.
err=$("$DOSSIER" --db "$TEST_TMP/cut.db" check --recover "$TEST_TMP/none.db" 2>&1); st=$?
[ $st -ne 0 ] && oneline "$err" && grep -qF "$TEST_TMP/cut.db" <<<"$err"
tap_ok $? "salvage of an unreadable file: one line naming it (status $st: $err)"

# Damaged pages in the middle: found, and salvaged around.
cp "$db" "$TEST_TMP/holes.db"
pages=$(( $(stat -c %s "$TEST_TMP/holes.db") / 4096 ))
# The same bytes every run: random ones now and then made a page that
# looked like a b-tree page with 200,000 cells, and the salvage a lottery.
yes 'damaged page' | head -c $((3 * 4096)) |
	dd of="$TEST_TMP/holes.db" bs=4096 seek=$((pages / 2)) count=3 conv=notrunc status=none
err=$("$DOSSIER" --db "$TEST_TMP/holes.db" check 2>&1); st=$?
[ $st -ne 0 ] && grep -q "check --recover" <<<"$err"; tap_ok $? "check finds damaged pages (status $st)"
out=$("$DOSSIER" --db "$TEST_TMP/holes.db" check --recover "$TEST_TMP/saved.db" 2>&1)
grep -q "recovered" <<<"$out"; tap_ok $? "check --recover salvages ($out)"
"$DOSSIER" --db "$TEST_TMP/saved.db" check >/dev/null; tap_ok $? "the salvaged database is sound"
n=$(count "$TEST_TMP/saved.db")
[ "$n" -ge 30 ]; tap_ok $? "it holds the readable articles ($n of 40)"
"$DOSSIER" --db "$TEST_TMP/saved.db" search corridor >/dev/null; tap_ok $? "and search works on it"

# Garbage where the database should be.
head -c 8192 /dev/urandom >"$TEST_TMP/junk.db"
err=$("$DOSSIER" --db "$TEST_TMP/junk.db" list 2>&1); st=$?
[ $st -ne 0 ] && oneline "$err" && grep -qF "$TEST_TMP/junk.db" <<<"$err"
tap_ok $? "a file that is not a database: one line naming it (status $st: $err)"

# Backup while another process writes.
"$DOSSIER" --db "$db" backup "$TEST_TMP/backup.db" >/dev/null; tap_ok $? "backup"
[ "$(count "$TEST_TMP/backup.db")" = 40 ]; tap_ok $? "the backup holds every article"

# SIGKILL during an import leaves every article either whole or absent.
kdb="$TEST_TMP/kill.db"
# Start from a created database: a kill while the schema itself is being
# created leaves an empty file that read-only commands cannot use yet.
"$DOSSIER" -q --db "$kdb" import "$in/a1.txt"
for round in 1 2 3; do
	"$DOSSIER" -q --db "$kdb" import "$in" &
	pid=$!
	sleep "0.$((RANDOM % 9 + 1))"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	"$DOSSIER" --db "$kdb" check >/dev/null; tap_ok $? "SIGKILL round $round: the database is sound"
	bad=$(sqlite3 "$kdb" "SELECT count(*) FROM articles a WHERE NOT EXISTS
		(SELECT 1 FROM articles_fts WHERE articles_fts MATCH 'corridor' AND rowid = a.id)")
	[ "$bad" = 0 ]; tap_ok $? "SIGKILL round $round: every stored article is fully indexed"
done
"$DOSSIER" -q --db "$kdb" import "$in"; tap_ok $? "a later import completes the batch"
[ "$(count "$kdb")" = 40 ]; tap_ok $? "with each article once"

tap_done
