#!/bin/bash
# tests/cli/kb-names.sh: a name that is already another entity's (an alias
# or a name) is refused by kb add, kb alias and kb import, naming that
# entity, so it cannot hide its mentions; kb unalias and kb remove undo kb
# alias and kb add, and the articles that held the names are analysed again.
. "$top_srcdir/tests/tui/lib.sh"

db="$TEST_TMP/k.db"
d() { "$DOSSIER" --db "$db" "$@"; }
cd "$TEST_TMP" || exit 1

printf 'Talks in Baku\n\nCeyhun Bayramov said on Monday that the talks would go on.\n' >a.txt
printf 'Border talks\n\nTestov said on Tuesday that the border would open in May.\n' >b.txt
d -q import a.txt b.txt >/dev/null 2>&1; tap_ok $? "two articles import"
d statements --by 'Ceyhun Bayramov' | grep -q 'Jeyhun Bayramov'
tap_ok $? "'Ceyhun Bayramov' is an alias of Jeyhun Bayramov's"

err=$(d kb add person 'Ceyhun Bayramov' 2>&1); rc=$?
[ $rc -eq 1 ] && [ "$err" = "dossier: kb: 'Ceyhun Bayramov' is already an alias of Jeyhun Bayramov (person): it would hide that entity's mentions and statements" ]
tap_ok $? "kb add of another entity's alias is refused, naming it ($err)"
d statements --by 'Ceyhun Bayramov' | grep -q 'Jeyhun Bayramov.*talks would go on'
tap_ok $? "and the statement is still Jeyhun Bayramov's"
err=$(d kb add person 'Aylin Newname' 'Ceyhun Bayramov' 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "already an alias of Jeyhun Bayramov" <<<"$err" && ! d kb show 'Aylin Newname' >/dev/null 2>&1
tap_ok $? "an alias that is another's: refused, nothing added"
err=$(d kb alias Russia 'Sergey Lavrov' 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "'Sergey Lavrov' is already the name of Sergey Lavrov (person)" <<<"$err"
tap_ok $? "kb alias: another entity's name is refused ($err)"
printf 'person\tAylin Fileperson\tCeyhun Bayramov\nperson\tKemal Testov\tTestov\n' >mine.tsv
err=$(d kb import mine.tsv 2>&1); rc=$?
[ $rc -eq 3 ] && grep -q "mine.tsv: Aylin Fileperson: 'Ceyhun Bayramov' is already an alias" <<<"$err" &&
	d kb show 'Kemal Testov' >/dev/null && ! d kb show 'Aylin Fileperson' >/dev/null 2>&1
tap_ok $? "kb import: that entity refused with a warning naming the file, the rest added (status $rc)"
d kb add person 'Kemal Testov' 'K. Testov' >/dev/null 2>&1; tap_ok $? "kb add of an entity's own name adds aliases to it"

d statements --by 'Kemal Testov' | grep -q 'border would open'; tap_ok $? "the added person speaks"
d mentions Testov | grep -q 'Border talks'; tap_ok $? "mentions by the alias"
err=$(d kb unalias 'Kemal Testov' Testov 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q 'analysed 1 article again' <<<"$err"; tap_ok $? "kb unalias removes the alias and analyses again ($err)"
! d mentions Testov >/dev/null 2>&1; tap_ok $? "the alias names nobody now"
err=$(d kb unalias 'Jeyhun Bayramov' 'Ceyhun Bayramov' 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "shipped with dossier" <<<"$err"; tap_ok $? "a shipped alias is not the user's to remove ($err)"
err=$(d kb unalias 'Kemal Testov' Nobody 2>&1); [ $? -eq 1 ] && grep -q "'Nobody' is not one of its aliases" <<<"$err"
tap_ok $? "an alias it does not have: an error"

d kb alias 'Kemal Testov' Testov >/dev/null 2>&1 && d statements --by 'Kemal Testov' | grep -q 'border would open'
tap_ok $? "kb alias gives the name back"
err=$(d kb remove 'K. Testov' 2>&1); [ $? -eq 1 ] && grep -q "is an alias of Kemal Testov" <<<"$err"
tap_ok $? "kb remove by an alias is refused, naming the entity"
err=$(d kb remove 'Kemal Testov' 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q 'analysed 1 article again' <<<"$err"; tap_ok $? "kb remove removes the user's entity and analyses again ($err)"
! d statements --by 'Kemal Testov' >/dev/null 2>&1 && ! d kb show 'Kemal Testov' >/dev/null 2>&1 &&
	! d statements | grep -q 'Kemal Testov'
tap_ok $? "its statements and mentions are gone"
err=$(d kb remove 'Jeyhun Bayramov' 2>&1); [ $? -eq 1 ] && grep -q "shipped with dossier" <<<"$err"
tap_ok $? "a shipped entity cannot be removed"

d kb add person 'Nadia Claimed' Claimed >/dev/null && printf 'Claims\n\nClaimed said on Friday that the port would close.\n' >c.txt &&
	d -q import c.txt >/dev/null 2>&1 && id=$(d list | awk '/Claims/ { print $1 }') &&
	d annotate "$id" --quote 'the port would close' --speaker 'Nadia Claimed' >/dev/null
tap_ok $? "a claim with a speaker the user added"
err=$(d kb remove 'Nadia Claimed' 2>&1); [ $? -eq 1 ] && grep -q "speaker or target of 1 claim" <<<"$err"
tap_ok $? "an entity a claim names is not removed ($err)"

d kb add person 'Ceyhun Bayramov' --help | grep -q 'kb add'; tap_ok $? "kb add --help"
d kb remove --help | grep -q 'remove'; tap_ok $? "kb remove --help"

tap_done
