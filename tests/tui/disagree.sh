#!/bin/bash
# tests/tui/disagree.sh: where two coders differ, in the reader
# (`:intercoder --coders A,B`). The coding of tests/cli/intercoder.sh,
# whose disagreements were worked out there by hand: claim at 1:5 (alice)
# and 2:10 (bob), demand at 1:9 (alice), denial at 2:3 (bob). Each is a
# row under the tags' coefficients; Enter opens the article at the
# sentence and says how each coder coded it; Ctrl-o comes back.
. "$top_srcdir/tests/tui/lib.sh"

SEEDS="$SEEDS_DIR/seeds"
[ -d "$SEEDS" ] || { echo "Bail out! seed corpus missing: $SEEDS"; exit 1; }
for who in alice bob; do
	mkdir -p "$TEST_TMP/$who/dossier"
	echo "set coder $who" >"$TEST_TMP/$who/dossier/config"
done
as() { local who=$1; shift; XDG_CONFIG_HOME="$TEST_TMP/$who" "$DOSSIER" "$@"; }
an() { as "$@" >/dev/null || echo "Bail out! annotate failed: $*"; }
as alice -q import "$SEEDS"/00[0-2]_*.txt >/dev/null 2>&1 || echo "Bail out! import failed"
an alice annotate 1 --quote "Lavrov then clarified" --tag claim
an alice annotate 1 --quote "He asserted that the regime" --tag claim
an alice annotate 2 --quote "called for prompt action" --tag claim
an alice annotate 1 --quote "bilateral tensions. Participants explored" --tag demand
an alice annotate 3 --quote "Lachin" --tag claim
an bob annotate 1 --quote "the operational framework" --tag claim
an bob annotate 2 --quote "The Russian side" --tag claim
an bob annotate 2 --quote "Both ministers voiced" --tag claim
an bob annotate 1 --quote "Participants explored the potential" --tag demand
an bob annotate 2 --quote "These initiatives align" --tag denial
gone=$(as bob annotate 1 --quote "He asserted" --tag denial | cut -f1)
as bob delete-annotation "$gone" >/dev/null

tui_start -x 120 -y 20
tui_expect "started" " LIST "
tui_keys Enter
tui_expect "an article is open" " READ "
here=$(tui_screen | sed -n 1p)
tui_keys :
tui_type "intercoder --coders alice,bob"
tui_keys Enter
tui_expect "the disagreements of two coders" "Disagreements: alice and bob"
tui_expect "under each tag's coefficients, as the command gives them" \
	"claim 92.6% kappa 0.625 alpha 0.632   demand 96.3% kappa 0.649 alpha 0.654   denial 96.3% kappa 0.000 alpha 0.000"
tui_expect "how many, over how much" "4 disagreements over 27 sentences of 2 articles"
rows=$(tui_screen | grep -E '^ │ (claim|demand|denial) +[a-z]+ only +#[0-9]+:[0-9]+ ' |
	sed -E 's/^ │ ([a-z]+) +([a-z]+) only +(#[0-9]+:[0-9]+) .*/\1 \2 \3/')
want='claim alice #1:5
claim bob #2:10
demand alice #1:9
denial bob #2:3'
[ "$rows" = "$want" ]; tap_ok $? "a row for each, as worked by hand: tag, coder, article:sentence"
[ "$rows" != "$want" ] && tap_diag "$rows"
tui_expect "each row shows its sentence's words" "#1:5      He asserted that the regime"
# The fourth: bob's denial at 2:3, which alice coded as nothing.
tui_keys j j j Enter
tui_expect "Enter opens the article at the sentence" "These initiatives align"
tui_expect "and says how each coded it" "sentence 3, denial: alice: nothing; bob: denial"
tui_wait_gone "Disagreements:" 5
tui_keys C-o
tui_wait "$here" 10
[ "$(tui_screen | sed -n 1p)" = "$here" ]; tap_ok $? "Ctrl-o comes back to the article read before"
# Both codings: at 1:5 alice's claim, and bob's (deleted) denial is not one.
tui_keys :
tui_type "intercoder --coders bob,alice --tag claim"
tui_keys Enter
tui_expect "--tag, coders swapped" "claim 92.6% kappa 0.625 alpha 0.632"
tui_expect "only the tag's" "2 disagreements"
tui_keys Enter
tui_expect "a sentence both coded something in" "sentence 5, claim: bob: nothing; alice: claim"
tui_keys :
tui_type "intercoder --coders alice,carol"
tui_keys Enter
tui_expect "an unknown coder is a one-line error" "no annotations by a coder named 'carol'"
tui_keys :
tui_type "intercoder --coders alice"
tui_keys Enter
tui_expect "one name is a one-line error" "--coders needs two different names, as A,B"
tui_keys Q
tui_wait_exit >/dev/null
tap_done
