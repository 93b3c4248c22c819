#!/bin/bash
# tests/cli/team-records.sh: what else a team shares, through a real
# PostgreSQL (tests/cli/team-lib.sh): memos (two coders; an edit conflict
# between two databases of one coder, last writer wins with the loser
# kept; a removed memo travels as a tombstone; row-level security keeps a
# coder's memo theirs), the knowledge base the users add to (kb add, kb
# alias, kb unalias, kb remove reach the other coder, whose articles are
# analysed again), `sync --conflicts`, which lists past conflicts with
# both values, coders and times, and a sync with nothing new that asks
# the server one query.
. "$top_srcdir/tests/tui/lib.sh"
. "$top_srcdir/tests/cli/team-lib.sh"

pg_start

# The memo whose text is $2 in database $1: its id.
memo_id() { sqlite3 "$TEST_TMP/$1.db" "SELECT id FROM memos WHERE text = '$2'"; }

"$DOSSIER" team init "$(pg_url admin)" >/dev/null 2>&1 && pg_coder alice && pg_coder bob
as alice -q import "$SEEDS"/000_*.txt >/dev/null 2>&1
as alice team join "$(pg_url alice)" >/dev/null 2>&1 && as alice sync >/dev/null 2>&1 &&
	as bob team join "$(pg_url bob)" >/dev/null 2>&1 && as bob sync >/dev/null 2>&1
tap_ok $? "two coders on one team"

# Memos: alice's reach bob under her name, on the same article.
aid=$(sqlite3 "$TEST_TMP/alice.db" "SELECT id FROM articles LIMIT 1")
bid=$(sqlite3 "$TEST_TMP/bob.db" "SELECT id FROM articles LIMIT 1")
as alice memo add --title "Frame" "Lachin is read as a humanitarian matter" >/dev/null &&
	as alice memo add --article "$aid" "check the date of the statement" >/dev/null
# (The first memo seeds the codebook, whose descriptions are the tags' memos.)
out=$(as alice sync 2>&1) && out="$out / $(as bob sync 2>&1)"
as bob memo list --coder alice | grep -q "Lachin is read as a humanitarian matter" &&
	as bob memo list --article "$bid" | grep -q "check the date of the statement"
tap_ok $? "alice's memos reach bob, under her name and on the article ($out)"

# Bob answers with a memo of his; his edit of hers is his database's only.
as bob memo add --article "$bid" "the date is 9-10 November 2020" >/dev/null
as bob memo edit "$(memo_id bob 'check the date of the statement')" "bob rewrote this" >/dev/null
out=$(as bob sync 2>&1) && out="$out / $(as alice sync 2>&1)"
as alice memo list --coder bob | grep -q "the date is 9-10 November 2020" &&
	as alice memo list | grep -q "check the date of the statement" &&
	! as alice memo list | grep -q "bob rewrote this" &&
	[ "$(psql_as admin "SELECT count(*) FROM dossier.records WHERE kind = 'memo' AND body->>'text' = 'bob rewrote this'")" -eq 0 ]
tap_ok $? "bob's memo reaches alice; his edit of hers is not sent ($out)"

# The server's row-level security: bob cannot write alice's memo himself.
key=$(psql_as admin "SELECT key FROM dossier.records WHERE kind = 'memo' AND coder = 'alice' LIMIT 1")
was=$(psql_as admin "SELECT body::text FROM dossier.records WHERE key = '$key'")
bhlc=$(psql_as admin "SELECT hlc FROM dossier.records WHERE key = '$key'")
bnode=$(psql_as admin "SELECT node FROM dossier.records WHERE key = '$key'")
# Over her version: refused. Never having seen it (the same guid made in
# two databases): his loses, kept in the history.
e1=$(psql_as bob "SELECT dossier.put('memo', '$key', 9000000000000000000, 'zz', 'bob', false, '{}', $bhlc, '$bnode')" 2>&1); r1=$?
e2=$(psql_as bob "SELECT outcome FROM dossier.put('memo', '$key', 9000000000000000000, 'zz', 'bob', false, '{}', NULL, NULL)" 2>&1)
n=$(psql_as bob "WITH u AS (UPDATE dossier.records SET body = '{}' WHERE key = '$key' RETURNING 1) SELECT count(*) FROM u" 2>&1)
[ -n "$key" ] && [ $r1 -ne 0 ] && grep -q "row-level security" <<<"$e1" && [ "$e2" = lost ] &&
	[ "$n" = 0 ] && [ "$(psql_as admin "SELECT body::text FROM dossier.records WHERE key = '$key'")" = "$was" ]
tap_ok $? "bob may not change alice's memo on the server ($e1; $e2; $n)"

# An edit conflict: alice edits one memo on two databases before either
# syncs; the later edit wins on both, the earlier is kept in the history.
as alice backup "$TEST_TMP/desk.db" >/dev/null
sqlite3 "$TEST_TMP/desk.db" "UPDATE state SET value = 'desk-node-0000' WHERE key = 'team.node'"
as alice/desk memo edit "$(memo_id desk 'Lachin is read as a humanitarian matter')" "desk reading" >/dev/null
sleep 0.2
as alice memo edit "$(memo_id alice 'Lachin is read as a humanitarian matter')" "laptop reading" >/dev/null
as alice sync >/dev/null 2>&1
out=$(as alice/desk sync 2>&1); rc=$?
out="$out / $(as bob sync 2>&1)"
[ $rc -eq 0 ] && grep -q "^conflict: memo .*: alice's newer value kept; this one is in the history" <<<"$out" &&
	[ -n "$(memo_id desk "laptop reading")" ] && [ -z "$(memo_id desk "desk reading")" ] &&
	[ -n "$(memo_id bob "laptop reading")" ] &&
	[ "$(sqlite3 "$TEST_TMP/desk.db" "SELECT json_extract(value, '$.text') FROM sync_history")" = "desk reading" ]
tap_ok $? "memo edit conflict: the later edit wins everywhere, the earlier is kept ($out)"

# sync --conflicts: both values (the fields that differ), coders, times.
out=$(as alice/desk sync --conflicts 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q "^20[0-9-]*T[0-9:]*Z  memo [0-9a-f-]*: modified, text$" <<<"$out" &&
	grep -q "^  lost: alice, 20[0-9-]*T[0-9:.]*Z: .*\"text\":\"desk reading\"" <<<"$out" &&
	grep -q "^  won:  alice, 20[0-9-]*T[0-9:.]*Z: .*\"text\":\"laptop reading\"" <<<"$out"
tap_ok $? "sync --conflicts lists the conflict: both values, coders and times ($out)"
json=$(as alice/desk sync --conflicts --json 2>&1)
python3 - "$json" <<'EOF'
import json, sys
rows = json.loads(sys.argv[1])
assert len(rows) == 1, rows
c = rows[0]
assert c["kind"] == "memo", c
assert c["lost"]["coder"] == "alice" and c["won"]["coder"] == "alice", c
assert c["lost"]["value"]["text"] == "desk reading", c
assert c["won"]["value"]["text"] == "laptop reading", c
assert c["lost"]["fields"]["text"] == "desk reading" and "title" not in c["lost"]["fields"], c
assert c["lost"]["time"] < c["won"]["time"], c
EOF
tap_ok $? "sync --conflicts --json: both whole values, the fields that differ, ordered times ($json)"
# The other order: the desk's edit reaches the team first, the laptop's
# later one replaces it there. The desk learns at its next sync, and
# keeps the conflict for sync --conflicts with the value that won.
mid=$(memo_id alice "laptop reading")
as alice/desk memo edit "$(memo_id desk "laptop reading")" "desk again" >/dev/null
sleep 0.2
as alice memo edit "$mid" "laptop again" >/dev/null
as alice/desk sync >/dev/null 2>&1 && as alice sync >/dev/null 2>&1
out=$(as alice/desk sync 2>&1)
json=$(as alice/desk sync --conflicts --json 2>&1)
grep -q "^conflict: memo .*: alice's later value replaced this database's" <<<"$out" &&
	python3 - "$json" <<'EOF'
import json, sys
rows = json.loads(sys.argv[1])
assert len(rows) == 2, rows
c = rows[1]
assert c["lost"]["value"]["text"] == "desk again", c
assert c["won"]["value"]["text"] == "laptop again", c
assert c["lost"]["time"] < c["won"]["time"], c
EOF
tap_ok $? "a value replaced on the server later is listed too, with the one that replaced it ($out; $json)"

out=$(as bob sync --conflicts 2>&1) && json=$(as bob sync --conflicts --json 2>&1)
[ "$out" = "no conflicts" ] && [ "$json" = "[]" ]
tap_ok $? "no conflicts: said so ($out; $json)"
out=$(as bob sync --json 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q "json goes with --conflicts" <<<"$out"
tap_ok $? "sync --json alone is refused ($out)"

# A memo removed travels as a tombstone (bob's unsent edit of it loses).
key=$(psql_as admin "SELECT key FROM dossier.records WHERE body->>'text' = 'check the date of the statement'")
as alice memo remove "$(memo_id alice 'check the date of the statement')" >/dev/null
out=$(as alice sync 2>&1) && out="$out / $(as bob sync 2>&1)"
[ -n "$key" ] && [ -z "$(memo_id bob 'bob rewrote this')" ] &&
	[ "$(sqlite3 "$TEST_TMP/bob.db" "SELECT count(*) FROM memos WHERE guid = '$key'")" -eq 0 ] &&
	[ "$(psql_as admin "SELECT deleted FROM dossier.records WHERE kind = 'memo' AND key = '$key'")" = t ] &&
	grep -q "conflict: memo $key: alice's value kept" <<<"$out"
tap_ok $? "a memo removed is removed on the other database too ($out)"

# The knowledge base: alice's kb add reaches bob, whose article is
# analysed again: the new entity's mention is there.
as alice -q kb add event "communication routes" "opening communication routes" >/dev/null 2>&1
out=$(as alice sync 2>&1) && out="$out / $(as bob sync 2>&1)"
grep -q "1 entities; received" <<<"$out" &&
	as bob kb show "communication routes" | grep -q "^communication routes (event, user)" &&
	as bob kb show "communication routes" | grep -q "aliases  opening communication routes" &&
	as bob actors | grep -q "communication routes  *1 mention  in 1 article"
tap_ok $? "kb add reaches the other coder, whose articles are analysed again ($out)"

# kb alias on a shipped entity, and kb unalias.
as bob -q kb alias "Nikol Pashinyan" "the Armenian premier" >/dev/null 2>&1
out=$(as bob sync 2>&1) && out="$out / $(as alice sync 2>&1)"
as alice kb show "Nikol Pashinyan" | grep -q "the Armenian premier" &&
	[ "$(psql_as admin "SELECT body->>'user' FROM dossier.records WHERE kind = 'entity' AND key = 'person:Nikol Pashinyan'")" = 0 ]
tap_ok $? "kb alias on a shipped entity reaches the other coder ($out)"
as bob -q kb unalias "Nikol Pashinyan" "the Armenian premier" >/dev/null 2>&1
out=$(as bob sync 2>&1) && out="$out / $(as alice sync 2>&1)"
! as alice kb show "Nikol Pashinyan" | grep -q "the Armenian premier" &&
	as alice kb show "Nikol Pashinyan" | grep -q "Pashinian"
tap_ok $? "kb unalias takes the user's alias away there too, the shipped ones stay ($out)"

# kb remove: the entity and its mentions go on the other database.
as alice -q kb remove "communication routes" >/dev/null 2>&1
out=$(as alice sync 2>&1) && out="$out / $(as bob sync 2>&1)"
! as bob kb show "communication routes" >/dev/null 2>&1 &&
	! as bob actors | grep -q "communication routes" &&
	[ "$(sqlite3 "$TEST_TMP/bob.db" "SELECT count(*) FROM entities WHERE name = 'communication routes'")" -eq 0 ]
tap_ok $? "kb remove removes the entity and its mentions there too ($out)"

# A sync with nothing to send and nothing new asks the server one thing
# after connecting: the server logs every statement alice's sessions run.
psql_as admin "ALTER ROLE alice SET log_statement = 'all'" >/dev/null
as alice sync >/dev/null 2>&1
statements() { grep -cE "LOG: +(statement|execute [^:]*):" "$PG_DIR/log"; }
before=$(statements)
out=$(as alice sync 2>&1); rc=$?
after=$(statements)
[ $rc -eq 0 ] && [ $((after - before)) -eq 1 ] &&
	grep -qx "sent 0 articles, 0 tags, 0 annotations, 0 memos, 0 entities; received 0 articles, 0 tags, 0 annotations, 0 memos, 0 entities; 0 conflicts" <<<"$out"
tap_ok $? "a sync with nothing new is one query after connecting ($((after - before)) statements; $out)"
as bob memo add "one more" >/dev/null && as bob sync >/dev/null 2>&1
before=$(statements)
out=$(as alice sync 2>&1)
after=$(statements)
[ $((after - before)) -gt 1 ] && grep -q "received 0 articles, 0 tags, 0 annotations, 1 memos" <<<"$out"
tap_ok $? "and one with something new goes on to pull it ($((after - before)) statements; $out)"

tap_done
