#!/bin/bash
# tests/tui/memo.sh: memos in the reader. `:memo` in an open article
# writes that article's memo in the note editor; the shell sees it as the
# article's memo with the coder set; opening it again shows the stored
# text, and emptying it removes it. `:memo tag NAME` writes the tag's memo,
# `:memo project` the project's; an unknown tag is a one-line error.
. "$top_srcdir/tests/tui/lib.sh"

ART="$TEST_TMP/talks.txt"
printf 'Talks in Moscow\n\nThe foreign ministers met in Moscow on Tuesday. Officials in Baku did not comment.\n' >"$ART"
"$DOSSIER" -q import "$ART" || echo "Bail out! import failed"
mkdir -p "$XDG_CONFIG_HOME/dossier"
echo "set coder ana" >"$XDG_CONFIG_HOME/dossier/config"

tui_start -x 100 -y 24
tui_expect "the list shows the article" "Talks in Moscow"
tui_keys Enter
tui_expect "the article opens" " READ "
tui_keys :
tui_type "memo"
tui_keys Enter
tui_expect ":memo opens the editor on the article's memo" "Memo on article 1"
tui_type "Baku's silence matters"
tui_keys Escape
tui_expect "Esc saves the memo" "memo 1 saved on article 1"
got=$("$DOSSIER" memo list --article 1)
[ "$got" = "$(printf '1\tarticle 1\tana\t-\tBaku'"'"'s silence matters')" ]
tap_ok $? "the shell lists it as article 1's memo by the coder (got $got)"

tui_keys :
tui_type "memo tag claim"
tui_keys Enter
tui_expect ":memo tag NAME opens the tag's memo" "Memo on tag claim"
tui_type "A checkable assertion."
tui_keys Escape
tui_expect "the tag's memo is saved" "memo 2 saved on tag claim"

tui_keys :
tui_type "memo project"
tui_keys Enter
tui_expect ":memo project opens the project's memo" "Memo on the project"
tui_keys C-c
tui_wait_gone "Memo on the project"

tui_keys :
tui_type "memo tag nosuch"
tui_keys Enter
tui_expect "an unknown tag is an error" "no tag 'nosuch'"

# Again on the article: the stored text comes back; emptied, it is gone.
tui_keys :
tui_type "memo"
tui_keys Enter
tui_expect "the stored memo comes back" "Baku's silence matters"
for _ in $(seq 22); do tui_keys BSpace; done
tui_keys Escape
tui_expect "an emptied memo is removed" "memo on article 1 removed"
tui_keys Q
tui_wait_exit >/dev/null
[ -z "$("$DOSSIER" memo list --article 1)" ] &&
	[ "$("$DOSSIER" memo list --tag claim | cut -f5)" = "A checkable assertion." ]
tap_ok $? "the article's memo is gone, the tag's kept"
tap_done
