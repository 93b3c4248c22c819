#!/bin/bash
# tests/cli/options.sh: global options, dispatch and exit statuses.
. "$top_srcdir/tests/tui/lib.sh"

out=$("$DOSSIER" --help); rc=$?
[ $rc -eq 0 ] && grep -q '^usage: dossier' <<<"$out"; tap_ok $? "--help prints usage and exits 0"
out=$("$DOSSIER" --version); rc=$?
[ $rc -eq 0 ] && grep -qE '^dossier [0-9]+\.[0-9]+' <<<"$out"; tap_ok $? "--version"

err=$("$DOSSIER" --no-such-option 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] && [ "$(wc -l <<<"$err")" -eq 1 ] && grep -q 'no-such-option' <<<"$err"
tap_ok $? "unknown long option: one line naming it, status 2 (got $rc: $err)"
err=$("$DOSSIER" -Z 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] && grep -q -- '-Z' <<<"$err"; tap_ok $? "unknown short option: status 2"
err=$("$DOSSIER" frobnicate 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] && grep -q "unknown command 'frobnicate'" <<<"$err"; tap_ok $? "unknown command: status 2"
err=$("$DOSSIER" --db 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ]; tap_ok $? "--db without a path: status 2"

out=$("$DOSSIER" --db "$TEST_TMP/x/y.db" version); rc=$?
[ $rc -eq 0 ] && grep -q "database: $TEST_TMP/x/y.db" <<<"$out"; tap_ok $? "--db overrides the database path"
out=$(DOSSIER_DB="$TEST_TMP/env.db" "$DOSSIER" version)
grep -q "database: $TEST_TMP/env.db" <<<"$out"; tap_ok $? "DOSSIER_DB overrides the default"
out=$(env -u DOSSIER_DB XDG_DATA_HOME="$TEST_TMP/xdg" "$DOSSIER" version)
grep -q "database: $TEST_TMP/xdg/dossier/dossier.db" <<<"$out"; tap_ok $? "XDG_DATA_HOME places the database"

tap_done
