#!/bin/bash
# tests/cli/anno-kill.sh: annotations survive SIGKILL at any moment, and
# two writers on one database lose nothing (see anno-kill.py).
. "$top_srcdir/tests/tui/lib.sh"

: "${PYTHON3:=python3}"
[ -n "$PYTHON3" ] || PYTHON3=python3
SEEDS="$SEEDS_DIR/seeds"
[ -d "$SEEDS" ] || { echo "Bail out! seed corpus missing: $SEEDS"; exit 1; }
DB="$TEST_TMP/kill.db"

"$DOSSIER" --db "$DB" tag >/dev/null
ART=$("$PYTHON3" "$top_srcdir/tests/cli/anno-fixture.py" "$DB" "$SEEDS/002_3362ed2f4686983c.txt")
[ -n "$ART" ]; tap_ok $? "article stored"

while read -r status what; do
	case $status in
	'#') tap_diag "$what" ;;
	*) tap_ok "$status" "$what" ;;
	esac
done < <("$PYTHON3" "$top_srcdir/tests/cli/anno-kill.py" "$DOSSIER" "$DB" "$ART" 200 2>&1)
[ "$_tap_n" -ge 6 ]; tap_ok $? "the kill test ran to the end"
tap_done
