#!/bin/bash
# tests/tui/page-header.sh: what a web page says of itself (outlet, authors,
# date, language) is in the article's header in the reader. The page is
# the only article, so the reader does not add its samples.
. "$top_srcdir/tests/tui/lib.sh"

"$DOSSIER" import "$top_srcdir/tests/data/html/jsonld.html" >/dev/null 2>&1
tui_start -x 220 -y 30
tui_expect "started" " List  "
tui_keys Enter
tui_expect "the page's article opens" "Weir holds back spring flood"
tui_expect "the header names outlet, authors, date and language" \
	"Valley Courier | Ana Ruiz, Li Wei | 2023-03-14T07:30:00Z | [en-GB]"
tui_keys q
tui_keys q
tui_wait_exit; tap_ok $? "quits"
tap_done
