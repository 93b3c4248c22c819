#!/bin/bash
# tests/tui/summary-page.sh: opening a feed item kept as its summary in the
# reader fetches its page (from tests/cli/http-fixture.py on 127.0.0.1)
# between key presses: the article extracted from the page is stored as
# the item's next version and shown in the summary's place; a page that
# fails is one line with the reason, and the summary stays.
. "$top_srcdir/tests/tui/lib.sh"
. "$top_srcdir/tests/cli/http-lib.sh"

# feed FILE ID LINK: one item whose text is a one-line teaser.
feed() {
	printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Fixture Feed</title><link>http://example.invalid/</link>
<item><title>Teaser %s</title><link>%s</link><guid>%s</guid><description>A teaser for %s.</description></item>
</channel></rss>\n' "$2" "$3" "$2" "$2" >"$TEST_TMP/$1"
}
page() {
	{
		printf '<!doctype html><html><head><title>Teaser %s</title></head><body><nav>Home | World</nav><article><h1>Teaser %s</h1>' "$1" "$1"
		for i in 1 2 3; do
			printf '<p>Paragraph %s of the page: delegates of the fixture commission met in the made-up town of Example. ' "$i"
			printf 'They discussed the invented border for several hours and agreed to meet again soon. '
			printf 'None of this happened: the test wrote it for the test.</p>'
		done
		printf '</article></body></html>\n'
	} >"$WWW/$1.html"
}

feed one.xml s1 "$BASE/s1.html"
page s1
"$DOSSIER" import "$TEST_TMP/one.xml" >/dev/null
tui_start -x 120 -y 30
tui_expect "the reader starts with the summary listed" "Teaser s1"
tui_keys Enter
tui_expect "opening the summary fetches its page, and the article replaces it" "Paragraph 3 of the page"
tui_expect "the message line says what happened" "the whole article, from its page"
tui_screen | grep -q "Home | World"; [ $? -ne 0 ]
tap_ok $? "the page's furniture is left out"
n=$(grep -c "^GET /s1.html 200" "$HTTP_LOG")
[ "$n" = 1 ]; tap_ok $? "the page was asked for once (got $n)"
"$DOSSIER" show 2 --json | grep -q '"previous_id":1,.*"summary":false'
tap_ok $? "the page is stored as the item's next version, no longer a summary"
tui_stop

# Opened again: the newest version is the page, so nothing is fetched.
tui_start -x 120 -y 30
tui_expect "the reader starts" "Teaser s1"
tui_keys Enter
tui_expect "the stored article opens" "Paragraph 3 of the page"
sleep 1
n=$(grep -c "^GET /s1.html" "$HTTP_LOG")
[ "$n" = 1 ]; tap_ok $? "a summary whose page is stored is not fetched again (got $n requests)"
tui_stop

# A page that fails: one line with the reason; the summary stays shown.
feed two.xml s2 "$BASE/status/404"
"$DOSSIER" import "$TEST_TMP/two.xml" >/dev/null
tui_start -x 120 -y 30
tui_expect "the reader starts" "Teaser s2"
# The reader reopens where it was (the page of s1): to the list, its top.
tui_keys BTab g Enter
tui_expect "a failed page is one line naming it and the status" "the article's page: $BASE/status/404: HTTP 404"
tui_screen | grep -q "A teaser for s2"; tap_ok $? "the summary stays on the screen"
tui_keys q
tui_keys Q
tui_wait_exit 10 >/dev/null
tui_expect_restored "the terminal is restored"

tap_done
