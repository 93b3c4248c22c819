#!/bin/bash
# tests/cli/team.sh: a team on one corpus through a real PostgreSQL
# (a private cluster: tests/cli/team-lib.sh). The administrator makes the
# schema; two coders (alice, bob) and a lead (lena) join with their own
# databases; articles, the codebook and annotations travel both ways; an
# edit conflict between two databases of one coder is resolved last-
# writer-wins with the losing value kept; a merge of tags while another
# coder tags with the merged one; passwords never shown or kept; a stopped
# server is a one-line error and local work goes on; a newer schema is
# refused; row-level security stops a coder's own SQL from changing
# another's annotation.
. "$top_srcdir/tests/tui/lib.sh"
. "$top_srcdir/tests/cli/team-lib.sh"

pg_start

out=$("$DOSSIER" team init "postgresql://admin:admin-secret@127.0.0.1:$PG_PORT/team" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -qx "made the team's schema (version 2)" <<<"$out" &&
	! grep -q admin-secret <<<"$out"
tap_ok $? "team init makes the schema ($out)"
out=$("$DOSSIER" team init "$(pg_url admin)" 2>&1)
grep -qx "the team's schema is already version 2" <<<"$out"
tap_ok $? "team init again: nothing to do ($out)"

pg_coder alice && pg_coder bob && pg_coder lena lead
tap_ok $? "coders are roles: alice, bob, lena (lead)"

as alice -q import "$SEEDS"/00[0-1]_*.txt >/dev/null 2>&1
as alice tag add claim >/dev/null
as alice annotate 1 --quote "Lavrov then clarified" --tag claim --note "first" >/dev/null
out=$(as alice team join "$(pg_url alice)" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q "joined the team as alice" <<<"$out"
tap_ok $? "alice joins ($out)"
out=$(as alice team status)
grep -q "^coder: *alice$" <<<"$out" && grep -q "^last sync: *never" <<<"$out" &&
	grep -q "^waiting: *2 articles, [0-9]* tags, 1 annotations" <<<"$out"
tap_ok $? "team status before the first sync ($out)"
out=$(as alice sync 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q "^sent 2 articles, [0-9]* tags, 1 annotations, [0-9]* memos, [0-9]* entities; received 0" <<<"$out"
tap_ok $? "alice's first sync sends everything ($out)"

out=$(as bob team join "$(pg_url bob)" 2>&1) && out=$(as bob sync 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q "received 2 articles, [0-9]* tags, 1 annotations" <<<"$out" &&
	[ "$(as bob list | wc -l)" -eq 2 ] &&
	as bob annotations --coder alice | grep -q "Lavrov then clarified"
tap_ok $? "bob's empty database receives the articles and alice's annotation ($out)"

out=$(as alice team join "$(pg_url alice)" 2>&1) && st=$(as alice team status)
grep -q "^waiting: *0 articles, 0 tags, 0 annotations" <<<"$st"
tap_ok $? "joining the same team again sends nothing again ($st)"

# Bob codes too; alice sees his work under his name.
# (Article ids are each database's own: bob's may differ from alice's.)
bid=$(sqlite3 "$TEST_TMP/bob.db" "SELECT id FROM articles WHERE instr(body, 'Participants explored')")
as bob annotate "$bid" --quote "Participants explored" --tag claim --note "bob's" >/dev/null ||
	echo "bob annotate failed" >&2
as bob sync >/dev/null 2>&1 && out=$(as alice sync 2>&1)
grep -q "received 0 articles, 0 tags, 1 annotations" <<<"$out" &&
	as alice annotations --coder bob | grep -q "Participants explored"
tap_ok $? "bob's annotation reaches alice under his name ($out)"
out=$(as alice sync 2>&1)
grep -qx "sent 0 articles, 0 tags, 0 annotations, 0 memos, 0 entities; received 0 articles, 0 tags, 0 annotations, 0 memos, 0 entities; 0 conflicts" <<<"$out"
tap_ok $? "a sync with nothing new moves nothing ($out)"

# An edit conflict: alice edits one note on two databases (laptop, desk)
# before either syncs. The later edit wins everywhere; the earlier one is
# kept in the history and named in the summary.
as alice backup "$TEST_TMP/desk.db" >/dev/null
sqlite3 "$TEST_TMP/desk.db" "UPDATE state SET value = 'desk-node-0000' WHERE key = 'team.node'"
id=$(as alice annotations --coder alice | cut -f1 | head -1)
# (No command edits a note in place; the reader's edit is an UPDATE of the
# row like these, and the triggers queue it the same way.)
sqlite3 "$TEST_TMP/desk.db" "UPDATE annotations SET note = 'desk''s words', modified = strftime('%Y-%m-%dT%H:%M:%fZ','now', '-1 second') WHERE id = $id"
sleep 0.1
sqlite3 "$TEST_TMP/alice.db" "UPDATE annotations SET note = 'laptop''s words', modified = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = $id"
as alice sync >/dev/null 2>&1
out=$(as alice/desk sync 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q "^conflict: annotation .*: alice's newer value kept; this one is in the history" <<<"$out" &&
	[ "$(sqlite3 "$TEST_TMP/desk.db" "SELECT note FROM annotations WHERE id = $id")" = "laptop's words" ] &&
	[ "$(sqlite3 "$TEST_TMP/desk.db" "SELECT json_extract(value, '$.note') FROM sync_history")" = "desk's words" ] &&
	as alice/desk team status | grep -q "^conflicts: *1 values lost"
tap_ok $? "edit conflict: the later edit wins, the earlier is kept and listed ($out)"

# Passwords: used when given, never kept, printed or put in an error.
out=$(as lena team join "postgresql://lena:lena-pw@127.0.0.1:$PG_PORT/team" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q "joined the team as lena" <<<"$out" && grep -q "not kept" <<<"$out" &&
	! grep -q "lena-pw" <<<"$out" && ! sqlite3 "$TEST_TMP/lena.db" .dump | grep -q "lena-pw" &&
	! as lena team status | grep -q "lena-pw"
tap_ok $? "a password in the address is used, not kept or shown ($out)"
out=$(as bob/wrong team join "postgresql://bob:not-his@127.0.0.1:$PG_PORT/team" 2>&1); rc=$?
[ $rc -eq 1 ] && [ "$(wc -l <<<"$out")" -eq 1 ] && grep -q "password authentication failed" <<<"$out" &&
	! grep -q "not-his" <<<"$out"
tap_ok $? "a wrong password: one line, without it ($out)"
as lena sync >/dev/null 2>&1
tap_ok $? "the lead syncs"

# The codebook: alice adds 'assertion' and uses it; bob tags with it
# while lena (the lead) merges it into 'claim'. Everyone ends with claim.
aid=$(sqlite3 "$TEST_TMP/alice.db" "SELECT id FROM articles WHERE instr(body, 'Both ministers')")
as alice annotate "$aid" --quote "Both ministers" --tag assertion >/dev/null
as alice sync >/dev/null 2>&1 && as bob sync >/dev/null 2>&1 && as lena sync >/dev/null 2>&1
bid=$(sqlite3 "$TEST_TMP/bob.db" "SELECT id FROM articles WHERE instr(body, 'These initiatives')")
as bob annotate "$bid" --quote "These initiatives" --tag assertion >/dev/null
as lena tag merge assertion claim >/dev/null
out=$(as lena sync 2>&1) && out="$out / $(as bob sync 2>&1)" && out="$out / $(as alice sync 2>&1)" &&
	as lena sync >/dev/null 2>&1 && as bob sync >/dev/null 2>&1; rc=$?
[ $rc -eq 0 ] &&
	for who in alice bob lena; do
		! as $who tag list | grep -q "^assertion" &&
			as $who annotations --tag claim | grep -q "These initiatives" &&
			as $who annotations --tag claim | grep -q "Both ministers" || exit 1
	done &&
	[ "$(psql_as admin "SELECT count(*) FROM dossier.records WHERE kind = 'annotation' AND body->'tags' ? (SELECT key FROM dossier.records WHERE kind = 'tag' AND body->>'merged_into' IS NOT NULL)")" -eq 0 ]
tap_ok $? "a merge of tags while another tags with the merged one: both end on the tag merged into ($out)"
# What the syncs wrote kept the report counts with the coding (check compares them).
out=$(for who in alice bob lena; do as $who check 2>&1 || exit 1; done); tap_ok $? "after the syncs every database passes check, its report counts included ($out)"

# Only a lead changes the codebook: bob's rename stays his.
as bob tag rename claim my-claim >/dev/null
out=$(as bob sync 2>&1) && st=$(as bob team status)
grep -q "^kept here: *1 " <<<"$st" &&
	[ "$(psql_as admin "SELECT count(*) FROM dossier.records WHERE kind = 'tag' AND body->>'name' = 'my-claim'")" -eq 0 ]
tap_ok $? "a coder's rename of a tag is not sent ($st)"
as bob tag rename my-claim claim >/dev/null

# The server stopped: one line, and local work goes on.
pg_ctl_ stop -m fast
as alice annotate "$aid" --quote "Both ministers voiced" --tag claim >/dev/null
ok=$?
out=$(as alice sync 2>&1); rc=$?
[ $ok -eq 0 ] && [ $rc -eq 1 ] && [ "$(wc -l <<<"$out")" -eq 1 ] &&
	grep -q "^dossier: sync: .*port=$PG_PORT.*Connection refused" <<<"$out" &&
	as alice team status | grep -q "^waiting: *0 articles, 0 tags, 1 annotations"
tap_ok $? "server stopped: a one-line error, the annotation is kept and waits ($out)"
pg_ctl_ start -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories= -c fsync=off"
out=$(as alice sync 2>&1)
grep -q "^sent 0 articles, 0 tags, 1 annotations" <<<"$out"
tap_ok $? "server back: the next sync sends it ($out)"

# A server schema newer than this dossier: refused, nothing changed.
psql_as admin "UPDATE dossier.meta SET value = '99' WHERE key = 'schema'"
as alice annotate "$aid" --quote "voiced their" --tag claim >/dev/null
before=$(sqlite3 "$TEST_TMP/alice.db" "SELECT count(*) FROM sync_outbox")
out=$(as alice sync 2>&1); rc=$?
out2=$("$DOSSIER" team init "$(pg_url admin)" 2>&1); rc2=$?
[ $rc -eq 1 ] && grep -q "schema is version 99, newer than this dossier knows (2)" <<<"$out" &&
	[ $rc2 -eq 1 ] && grep -q "newer than this dossier knows" <<<"$out2" &&
	[ "$(sqlite3 "$TEST_TMP/alice.db" "SELECT count(*) FROM sync_outbox")" = "$before" ] &&
	[ "$(psql_as admin "SELECT value FROM dossier.meta")" = 99 ]
tap_ok $? "a newer server schema is refused by sync and init ($out / $out2)"
psql_as admin "UPDATE dossier.meta SET value = '2' WHERE key = 'schema'"

# Row-level security: bob's own SQL cannot change alice's annotation.
key=$(psql_as admin "SELECT key FROM dossier.records WHERE kind = 'annotation' AND coder = 'alice' ORDER BY seq LIMIT 1")
was=$(psql_as admin "SELECT body::text FROM dossier.records WHERE key = '$key'")
n=$(psql_as bob "WITH u AS (UPDATE dossier.records SET body = '{}' WHERE key = '$key' RETURNING 1) SELECT count(*) FROM u" 2>&1)
e1=$(psql_as bob "SELECT dossier.put('annotation', '$key', 9000000000000000000, 'zz', 'alice', false, '{}', NULL, NULL)" 2>&1); r1=$?
e2=$(psql_as bob "SELECT dossier.put('annotation', '$key', 9000000000000000000, 'zz', 'bob', false, '{}', NULL, NULL)" 2>&1); r2=$?
e3=$(psql_as bob "INSERT INTO dossier.records(kind, key, hlc, node, coder, body) VALUES ('annotation', 'x', 1, 'n', 'alice', '{}')" 2>&1); r3=$?
e4=$(psql_as bob "DELETE FROM dossier.records WHERE key = '$key'" 2>&1); r4=$?
[ "$n" = 0 ] && [ $r1 -ne 0 ] && grep -q "row-level security" <<<"$e1" && [ $r2 -ne 0 ] &&
	[ $r3 -ne 0 ] && grep -q "row-level security" <<<"$e3" && [ $r4 -ne 0 ] &&
	[ "$(psql_as admin "SELECT body::text FROM dossier.records WHERE key = '$key'")" = "$was" ]
tap_ok $? "bob's SQL cannot change alice's annotation (update: $n rows; $e1; $e2; $e3; $e4)"

tap_done
