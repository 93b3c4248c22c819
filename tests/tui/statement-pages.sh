#!/bin/bash
# tests/tui/statement-pages.sh: `*` on an actor with more statements than
# a page lists the first page ("50+"), reads the next when the selection
# reaches the end of what is read, and Enter on a statement of a later
# page jumps there while Ctrl-o comes back to the results.
. "$top_srcdir/tests/tui/lib.sh"

# Thirty articles, one a day, each with three statements by Lavrov.
for i in $(seq 1 30); do
	{
		printf 'Talks, part %s\n\n' "$i"
		printf 'Published: %s\n\n' "$(date -u -d "2025-01-01 +$i days" +%F)"
		printf 'Sergey Lavrov said on Monday that the delegation would travel to round %s of the talks.\n\n' "$i"
		printf 'The delegation arrived in the evening of day %s.\n\n' "$i"
		printf 'Sergey Lavrov said that he expected progress on the %s items of the agenda.\n\n' "$i"
		printf 'Sergey Lavrov added that he would report on round %s to the partners.\n' "$i"
	} >"$TEST_TMP/a$i.txt"
done
"$DOSSIER" -q import "$TEST_TMP"/a*.txt || echo "Bail out! import failed"
n=$("$DOSSIER" statements --by Lavrov --limit 0 --json | grep -o '"id"' | wc -l)
[ "$n" -gt 50 ]; tap_ok $? "Lavrov has more statements ($n) than a page"

tui_start -x 140 -y 40
tui_expect "the list shows the newest article" "Talks, part 30"
tui_keys Enter
tui_expect "it opens" "Article  Talks, part 30"
tui_type ']s'
tui_expect "]s steps to a statement" "Sergey Lavrov says"
tui_keys '*'
tui_expect "* lists the statements by Lavrov" "Statements by Sergey Lavrov"
tui_expect "the first page, and more to come" "50+ statements by Sergey Lavrov"
tui_expect "the side pane on the first result" " SIDE  result 1/50+"
tui_keys G
tui_expect "the end of the page read: the next page comes" "$n statements by Sergey Lavrov"
tui_keys G
tui_expect "G: the last statement" " SIDE  result $n/$n"
tui_expect "it is in the oldest article" "2025-01-02  Sergey Lavrov"
tui_keys Enter
tui_expect "Enter jumps to it" "Article  Talks, part 1 "
tui_keys C-o
tui_expect "Ctrl-o comes back" "Article  Talks, part 30"
tui_expect "the results are still there" "2025-01-02  Sergey Lavrov"
tui_keys :
tui_type focus-side
tui_keys Enter
tui_expect "on the statement followed" " SIDE  result $n/$n"
tui_keys k
tui_expect "k: the one before" " SIDE  result $((n - 1))/$n"
tui_keys Q
tui_wait_exit >/dev/null
tap_done
