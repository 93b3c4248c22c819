#!/bin/bash
# tests/tui/title-actors.sh: an entity the article's title alone names
# (schema 19) is in the reader's side pane with the body's, counted like
# a mention; `#` on it lists the title among its mentions, and following
# that row opens the article at its top, where the title is.
. "$top_srcdir/tests/tui/lib.sh"

{
	printf 'Eritrea warns Zerihun Tadesse\n\n'
	printf 'The minister Zerihun Tadesse said on Monday that the talks would go on.\n\n'
	for i in $(seq 1 40); do printf 'Paragraph %s of the report on the port and its trade.\n\n' "$i"; done
	printf 'Tadesse added that the port was open.\n'
} >"$TEST_TMP/a.txt"
"$DOSSIER" -q import "$TEST_TMP/a.txt" || echo "Bail out! import failed"

tui_start -x 110 -y 24
tui_expect "the list shows the article" "Eritrea warns Zerihun Tadesse"
tui_keys Enter
tui_expect "it opens" " READ "
tui_keys G
tui_expect "G goes to its end" "Tadesse added that the port was open."
tui_wait_gone "The minister Zerihun Tadesse said" >/dev/null
tap_ok $? "the top of the article is off the screen"
tui_keys Tab
tui_expect "Tab focuses the side pane" " SIDE "
tui_expect "the state the title alone names is among the actors, one mention" \
	"│ States"
tui_screen | grep -Eq '│  Eritrea +1$'
tap_ok $? "Eritrea, counted once, under States"
# ]m steps through the selected actor's mentions in the text: for one the
# title alone names, it says so rather than that the article has none.
tui_keys /
tui_type "Eritrea"
tui_keys Enter
tui_expect "the title's state found in the pane" " SIDE  Eritrea"
tui_keys Enter
tui_expect "Enter selects it" "Eritrea selected"
tui_keys ']' 'm'
tui_expect "]m on it: no mention in the text, but the title names it" \
	"no mentions of the selected actor in the text, only in the title"
tui_keys '#'
tui_expect "# lists its mentions in every article" "Mentions of Eritrea, all"
tui_expect "the title's, its words under the title" "1 mention of Eritrea"
tui_screen | grep -Eq '│    Eritrea *$'
tap_ok $? "the row's words are the title's"
tui_keys Enter
tui_expect "following the title's mention opens the article at its top" \
	"The minister Zerihun Tadesse said"
tui_expect "at its first paragraph" " READ  para 1/42"
tui_keys Q
tui_wait_exit >/dev/null
tap_done
