#!/bin/bash
# tests/tui/anno-changed.sh: a highlight whose words a new version of its
# article changed is shown as changed in the reader, with the old words
# and the new: in the annotation browser's row, and when it is opened.
. "$top_srcdir/tests/tui/lib.sh"

art="$TEST_TMP/talks.txt"
printf 'Talks in Moscow\n\nThe minister said the corridor would reopen within a week. Officials did not comment.\n' >"$art"
"$DOSSIER" -q import "$art" || echo "Bail out! import failed"
id=$("$DOSSIER" list | awk '/Talks in Moscow/ { print $1 }')
{ "$DOSSIER" annotate "$id" --quote "would reopen within a week" --tag claim &&
	"$DOSSIER" annotate "$id" --quote "did not comment" --tag denial; } >/dev/null ||
	echo "Bail out! annotate failed"
printf 'Talks in Moscow\n\nThe minister said the corridor would fully reopen within a week. Officials did not comment.\n' >"$art"
err=$("$DOSSIER" import "$art" 2>&1)
grep -q "1 highlight on changed words" <<<"$err"; tap_ok $? "the import counts it ($err)"

tui_start -x 160 -y 16
tui_expect "started" " LIST "
tui_keys :
tui_type "annotations --tag claim"
tui_keys Enter
tui_expect "the browser" "1 annotation "
tui_expect "the row says changed" "claim (changed)"
tui_expect "with the new words and the old" '"would fully reopen within a week" (was "would reopen within a week")'
tui_keys Enter
tui_expect "opened: old and new on the status line" \
	"words changed in this version: was \"would reopen within a week\", now \"would fully reopen within a week\""
tui_keys :
tui_type "annotations --tag denial"
tui_keys Enter
tui_expect "an unchanged highlight" "1 annotation "
! tui_screen | grep -q "(changed)"; tap_ok $? "is not marked changed"
tui_keys Escape Q
st=$(tui_wait_exit)
[ "$st" = 0 ]; tap_ok $? "quits (status $st)"
tap_done
