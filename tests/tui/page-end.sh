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
tui_keys Space
tui_expect_screen "Space again stops with the last line at the foot" <<'SCREEN'
 List  Article  Side  A short dispatch
 Paragraph 6 of the short dispatch.

 Paragraph 7 of the short dispatch.

 Paragraph 8 of the short dispatch.

 Paragraph 9 of the short dispatch.

 Paragraph 10 of the short dispatch.

 Paragraph 11 of the short dispatch.

 Paragraph 12 of the short dispatch.
 READ  para 7/12  49%
SCREEN
tui_keys Space
tui_expect_screen "Space at the end keeps the text and takes the cursor to the last line" <<'SCREEN'
 List  Article  Side  A short dispatch
 Paragraph 6 of the short dispatch.

 Paragraph 7 of the short dispatch.

 Paragraph 8 of the short dispatch.

 Paragraph 9 of the short dispatch.

 Paragraph 10 of the short dispatch.

 Paragraph 11 of the short dispatch.

 Paragraph 12 of the short dispatch.
 READ  para 12/12  100%
SCREEN
tui_keys C-d
tui_expect_screen "Ctrl-d at the end does not scroll either" <<'SCREEN'
 List  Article  Side  A short dispatch
 Paragraph 6 of the short dispatch.

 Paragraph 7 of the short dispatch.

 Paragraph 8 of the short dispatch.

 Paragraph 9 of the short dispatch.

 Paragraph 10 of the short dispatch.

 Paragraph 11 of the short dispatch.

 Paragraph 12 of the short dispatch.
 READ  para 12/12  100%
SCREEN
tui_keys b
tui_expect "b pages back up" "Paragraph 1 of the short"
tui_keys Q
tui_wait_exit >/dev/null
tap_done
