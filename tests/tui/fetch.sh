#!/bin/bash
# tests/tui/fetch.sh: R and :fetch in the reader, against a server on
# 127.0.0.1 (tests/cli/http-fixture.py): the new items appear in the list
# while the fetch runs, the message line counts, a key is answered while a
# slow server keeps one transfer open, and quitting does not wait for it.
. "$top_srcdir/tests/tui/lib.sh"
. "$top_srcdir/tests/cli/http-lib.sh"

item() {
	printf '<item><title>Fetched item %s</title><link>http://example.invalid/%s</link><guid>%s</guid>' "$1" "$1" "$1"
	printf '<pubDate>Mon, 30 Nov 2026 10:00:00 +0000</pubDate><description>'
	printf 'Delegates of the fixture commission %s met in the made-up town of Example. ' "$1"
	printf 'They discussed the invented border of item %s for hours and agreed to meet again soon. ' "$1"
	printf 'The chair of the imaginary session said the talks on item %s were useful and would go on. ' "$1"
	printf 'A spokesman for the invented delegation %s declined to say more before the next round. ' "$1"
	printf 'Observers from the invented monitoring mission of item %s said the mood was calmer. ' "$1"
	printf 'None of this happened: the test wrote it, about item %s.</description></item>\n' "$1"
}
feed() {
	{
		# The channel's link names the feed at any address (busy/ below):
		# an item is its feed and its guid.
		printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Fixture Feed</title><link>http://example.invalid/</link>\n'
		for i in "$@"; do item "$i"; done
		printf '</channel></rss>\n'
	} >"$WWW/one.xml"
}

feed a1 a2
"$DOSSIER" feed add "$BASE/one.xml" --name one >/dev/null
tui_start -x 120 -y 30
tui_expect "the reader starts" "10 articles"
tui_keys ":"
tui_type "fetch"
tui_keys Enter
tui_expect ":fetch: the summary on the message line" "fetched 1 feed: 2 new articles"
tui_expect "the fetched items are in the list" "Fetched item a2"

# A second feed that answers only after 30 s, and a new item in the first.
feed a1 a2 a3
"$DOSSIER" feed add "$BASE/slow" --name slow >/dev/null
tui_keys R
tui_expect "R: the new item appears while the slow feed is still fetched" "Fetched item a3"
tui_expect "the message line counts the feeds done" "fetching: 1/2 feeds, 1 new article, 0 failed"
start=$(date +%s%N)
tui_keys "?"
tui_wait "keys and commands" 5
took=$(( ($(date +%s%N) - start) / 1000000 ))
tui_screen | grep -q "keys and commands" && [ "$took" -lt 3000 ]
tap_ok $? "a key is answered while a transfer waits on the network (${took} ms)"
tui_keys q
start=$(date +%s%N)
tui_keys Q
status=$(tui_wait_exit 10)
took=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$status" = 0 ] && [ "$took" -lt 5000 ]
tap_ok $? "Q quits at once with a transfer open (status $status, ${took} ms)"
"$DOSSIER" list --limit 0 | grep -q "Fetched item a3"; tap_ok $? "what was imported stays"

# dossier fetch on a terminal: a progress bar while a feed waits out its
# Retry-After, then the summary in its place.
tui_stop
cp "$WWW/one.xml" "$WWW/two.xml"
"$DOSSIER" feed add "$BASE/busy/bar/two.xml" --name busy >/dev/null
tui_start_shell -x 120 -y 10
tui_type "'$DOSSIER' fetch busy"
tui_keys Enter
tui_expect "fetch on a terminal: a progress bar (feeds, articles, errors)" \
    "[........................] 0/1 feeds  0 articles  0 errors"
tui_expect "the summary replaces it" "fetched 1 feed (0 unchanged, 0 failed): imported 0 articles, 3 duplicates, 0 refused"
tui_screen | grep -q '0/1 feeds'; [ $? -ne 0 ]; tap_ok $? "the bar is cleared"

tap_done
