#!/bin/bash
# tests/cli/anno-kill.sh: annotations survive SIGKILL at any moment, and
# two writers on one database lose nothing, and an import of annotations
# is all or nothing (see anno-kill.py).
. "$top_srcdir/tests/tui/lib.sh"

: "${PYTHON3:=python3}"
[ -n "$PYTHON3" ] || PYTHON3=python3
SEEDS="$SEEDS_DIR/seeds"
[ -d "$SEEDS" ] || { echo "Bail out! seed corpus missing: $SEEDS"; exit 1; }
DB="$TEST_TMP/kill.db"

"$DOSSIER" --db "$DB" tag >/dev/null
ART=$("$PYTHON3" "$top_srcdir/tests/cli/anno-fixture.py" "$DB" "$SEEDS/002_3362ed2f4686983c.txt")
[ -n "$ART" ]; tap_ok $? "article stored"
EMPTY="$TEST_TMP/empty.db"
"$DOSSIER" --db "$EMPTY" tag >/dev/null
"$PYTHON3" "$top_srcdir/tests/cli/anno-fixture.py" "$EMPTY" "$SEEDS/002_3362ed2f4686983c.txt" >/dev/null

while read -r status what; do
	case $status in
	'#') tap_diag "$what" ;;
	*) tap_ok "$status" "$what" ;;
	esac
done < <("$PYTHON3" "$top_srcdir/tests/cli/anno-kill.py" "$DOSSIER" "$DB" "$ART" 200 "$EMPTY" 2>&1)
[ "$_tap_n" -ge 7 ]; tap_ok $? "the kill test ran to the end"
tap_done
