#!/bin/bash
# tests/tui/page-end.sh: paging forward stops at the end of the article,
# as less does: Space on a short article leaves its last line at the foot
# of the screen (not alone at the top over blank rows), and Space there
# takes the cursor to the last line without moving the text.
. "$top_srcdir/tests/tui/lib.sh"

ART="$TEST_TMP/short.txt"
{
	printf 'A short dispatch\n\n'
	for k in 1 2 3 4 5 6 7 8 9 10 11 12; do
		printf 'Paragraph %d of the short dispatch.\n\n' "$k"
	done
} >"$ART"
"$DOSSIER" -q import "$ART" || echo "Bail out! import failed"

tui_start -x 60 -y 16
tui_expect "the list shows the article" "A short dispatch"
tui_keys Enter
tui_expect "it opens" " READ "
tui_keys Space
tui_expect "Space pages down" "para 7/12  49%"
# The last page: paragraphs 6 to 12, the last at the foot, and the status
# line $1 under them (a screen for tui_expect_screen on its input; not
# a pipe, whose subshell would lose the test count).
last_page() {
	printf ' List  Article  Side  A short dispatch\n'
	for k in 6 7 8 9 10 11; do
		printf ' Paragraph %d of the short dispatch.\n\n' "$k"
	done
	printf ' Paragraph 12 of the short dispatch.\n'
	printf ' READ  %s\n' "$1"
}
tui_keys Space
tui_expect_screen "Space again stops with the last line at the foot" < <(last_page "para 7/12  49%")
tui_keys Space
tui_expect_screen "Space at the end keeps the text and takes the cursor to the last line" \
	< <(last_page "para 12/12  100%")
tui_keys C-d
tui_expect_screen "Ctrl-d at the end does not scroll either" < <(last_page "para 12/12  100%")
tui_keys b
tui_expect "b pages back up" "Paragraph 1 of the short"
tui_keys Q
tui_wait_exit >/dev/null
tap_done
