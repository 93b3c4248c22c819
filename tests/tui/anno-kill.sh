#!/bin/bash
# tests/tui/anno-kill.sh: the reader is killed with SIGKILL at random
# moments while notes are made from the keyboard, 200 times; every note
# the screen confirmed must be in the database afterwards, and the
# database must pass PRAGMA integrity_check; two readers annotating one
# database at once lose nothing (see anno-kill.py).
. "$top_srcdir/tests/tui/lib.sh"

: "${PYTHON3:=python3}"
[ -n "$PYTHON3" ] || PYTHON3=python3
ART="$TEST_TMP/talks.txt"
cat >"$ART" <<'TXT'
Talks in Moscow

The foreign ministers met in Moscow on Tuesday. The minister said the corridor would reopen within a week. Officials in Baku did not comment on the talks.

Observers expect another round of negotiations next month. Diplomats said a peace treaty was close. Neither side gave a date.
TXT
"$DOSSIER" -q import "$ART"; tap_ok $? "article imported"

while read -r status what; do
	case $status in
	'#') tap_diag "$what" ;;
	*) tap_ok "$status" "$what" ;;
	esac
done < <("$PYTHON3" "$top_srcdir/tests/tui/anno-kill.py" "$TMUX_BIN" "$DOSSIER" "$DOSSIER_DB" \
	"$TEST_TMP" "${KILL_RUNS:-200}" 2>&1)
[ "$_tap_n" -ge 4 ]; tap_ok $? "the kill test ran to the end"
tap_done
