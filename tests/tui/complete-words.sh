#!/bin/bash
# tests/tui/complete-words.sh: Tab completion in the reader matches any
# word of a name (":actor Lav" finds Sergey Lavrov) and completes the whole
# name; after an option it completes that option's value (tags, formats),
# file names where a command takes a file (:export), and tag:NAME in the
# annotation browser's filter.
. "$top_srcdir/tests/tui/lib.sh"

mkdir -p "$TEST_TMP/exports"
: >"$TEST_TMP/exports/notes.csv"
: >"$TEST_TMP/extra.md"

tui_start -x 120 -y 30
tui_expect "started" " List  "
lavrov=$("$DOSSIER" actors | awk '$3 == "Lavrov" { print $2 " " $3; exit }')
[ "$lavrov" = "Sergey Lavrov" ]; tap_ok $? "the samples name Sergey Lavrov ($lavrov)"

line() {  # line TYPED EXPECTED NAME: type TYPED after :, Tab, expect EXPECTED
	tui_keys :
	tui_type "$1"
	tui_keys Tab
	tui_expect "$3" ":$2"
	tui_keys C-u Escape
}
line "actor Lav" "actor Sergey Lavrov" ":actor Lav<Tab>: a later word of the name"
line "actor lav" "actor Sergey Lavrov" "in any case"
line "actor Sergey La" "actor Sergey Lavrov" "a name half typed, blanks and all"
line "actor Serg" "actor Sergey Lavrov" "the first word still"
line "mentions peace tr" "mentions Armenia-Azerbaijan peace treaty" ":mentions peace tr<Tab>"
tui_keys :
tui_type "mentions treaty"
tui_keys Tab
tui_expect "several names: each listed whole" "Collective Security Treaty Organization Armenia-Azerbaijan peace treaty"
tui_keys C-u Escape
line "export --tag cl" "export --tag claim" ":export --tag: the codebook's tags"
line "export --format mark" "export --format markdown" ":export --format: the formats"
line "export --tag claim expo" "export --tag claim exports/" ":export FILE: a directory, with its /"
line "export exports/n" "export exports/notes.csv" "and a file in it"
line "export /dev/nul" "export /dev/null" "an absolute path"

tui_keys :
tui_type "export ex"
tui_keys Tab
tui_expect "several files: listed" "exports/ extra.md"
tui_keys C-u Escape
tui_keys :
tui_type "export --t"
tui_keys Tab
tui_expect "an option's name" ":export --tag"
tui_keys C-u Escape

# tag: in the annotation browser's filter.
"$DOSSIER" annotate 1 --quote "about an hour" --tag commitment >/dev/null &&
	"$DOSSIER" annotate 1 --quote "Munich Security Conference" --tag claim >/dev/null ||
	echo "Bail out! annotate failed"
tui_keys :
tui_type annotations
tui_keys Enter
tui_expect "the browser" "2 annotations"
tui_type "tag:co"
tui_keys Tab
tui_expect "tag:co<Tab> completes the tag" "filter: tag:commitment _"
tui_expect "and filters by it" "1 annotation "
tui_keys C-u
tui_type "tag:c"
tui_keys Tab
tui_expect "several tags: listed" "claim commitment"
tui_expect "and the filter keeps what was typed" "filter: tag:c_"
tui_keys Escape Q
st=$(tui_wait_exit)
[ "$st" = 0 ]; tap_ok $? "quits (status $st)"
tap_done
