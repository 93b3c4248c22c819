#!/bin/bash
# tests/cli/fetch.sh: `dossier fetch` against a server on 127.0.0.1
# (tests/cli/http-fixture.py) serving feeds and pages made up here: new
# items imported, an unchanged feed costing one 304, a changed item a new
# linked version, a summary item's page fetched, gzip, redirects, and every
# failure (404, 500 then success, 429 with Retry-After, time-out, size
# limit, redirect loop, file:// redirect, not a feed, refused connection)
# one line naming the feed, the rest of the batch going on, status 3.
. "$top_srcdir/tests/tui/lib.sh"
. "$top_srcdir/tests/cli/http-lib.sh"

db="$TEST_TMP/f.db"
dz() { "$DOSSIER" --db "$db" "$@"; }
count() { dz list --limit 0 --json | "$PYTHON3" -c 'import json,sys; print(len(json.load(sys.stdin)))'; }

# A made-up paragraph long enough not to be taken for a summary.
para() {
	printf 'Delegates of the fixture commission number %s met in the made-up town of Example on a quiet morning. ' "$1"
	printf 'They discussed the invented border of item %s for several hours and agreed to meet again. ' "$1"
	printf 'The chair of the imaginary session said the talks on item %s were useful and the next round would follow. ' "$1"
	printf 'A spokesman for the invented delegation of item %s declined to say more before the next meeting. ' "$1"
	printf 'None of this happened: the text is written by the test for the test, about item %s.' "$1"
}
# feed FILE TITLE ITEM... where ITEM is ID:TEXT (TEXT "short" gives a
# one-line teaser whose link is a page on the server)
feed() {
	local file=$1 title=$2 it id text link
	shift 2
	{
		# The channel's link, as RSS 2.0 asks, names the feed whatever
		# address it is fetched from (gz/, redirect/): an item is its feed
		# and its guid.
		printf '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>%s</title><link>http://example.invalid/</link>\n' "$title"
		for it in "$@"; do
			id=${it%%:*}
			text=${it#*:}
			link="http://example.invalid/$id"
			if [ "$text" = short ]; then
				text="A teaser for $id."
				link="$BASE/$id.html"
			elif [ "$text" = long ]; then
				text=$(para "$id")
			fi
			printf '<item><title>Item %s</title><link>%s</link><guid>%s</guid><description>%s</description></item>\n' \
			    "$id" "$link" "$id" "$text"
		done
		printf '</channel></rss>\n'
	} >"$WWW/$file"
}
page() {
	printf '<!doctype html><html><head><title>Item %s, the full story</title></head><body><article><h1>Item %s, the full story</h1><p>A teaser for %s. %s</p><p>%s</p></article></body></html>\n' \
	    "$1" "$1" "$1" "$(para "$1")" "$(para "$1-2")" >"$WWW/$1.html"
}

feed one.xml "Fixture One" a1:long a2:long a3:short
page a3
dz feed add "$BASE/one.xml" --name one >/dev/null
out=$(dz fetch 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$(count)" = 4 ] &&
    grep -qx "fetched 1 feed (0 unchanged, 0 failed) and 1 page (0 failed): imported 4 articles (1 new version), 0 duplicates, 0 refused" <<<"$out"
tap_ok $? "first fetch: three items and the summary item's page (a new version of it), status 0 (got $rc: $out)"
ids=$(dz list --limit 0 --json | "$PYTHON3" -c '
import json, sys
a = {x["title"]: x["id"] for x in json.load(sys.stdin)}
print(a["Item a3, the full story"], a["Item a3"])')
prev() { dz show --json "$1" | "$PYTHON3" -c 'import json,sys; print(json.load(sys.stdin).get("previous_id"))'; }
[ "$(prev "${ids% *}")" = "${ids#* }" ]
tap_ok $? "the page of a summary-only item is stored as its new version"
grep -q '^dossier/0\.[0-9.]* (libcurl/' "$HTTP_LOG.ua"; tap_ok $? "User-Agent names dossier and its version ($(cat "$HTTP_LOG.ua"))"

: >"$HTTP_LOG"
out=$(dz fetch 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$(cat "$HTTP_LOG")" = "GET /one.xml 304" ] &&
    grep -qx "fetched 1 feed (1 unchanged, 0 failed): imported 0 articles, 0 duplicates, 0 refused" <<<"$out"
tap_ok $? "an unchanged feed costs one 304 (log: $(cat "$HTTP_LOG"); got $rc: $out)"
dz feed list | grep -q $'\tone\t'"$BASE/one.xml"$'\t[0-9T:-]*Z\t304\t4\t0$'
tap_ok $? "feed list: name, URL, last fetch, last status, articles, errors ($(dz feed list))"

# The feed changes: a new item, a1 unchanged, a2 reworded slightly.
sleep 1   # a new Last-Modified second
feed one.xml "Fixture One" a1:long "a2:$(para a2) One sentence was added to the second item later." a3:short a4:long
out=$(dz fetch 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$(count)" = 6 ] &&
    grep -qx "fetched 1 feed (0 unchanged, 0 failed): imported 2 articles (1 new version), 2 duplicates, 0 refused" <<<"$out"
tap_ok $? "a changed feed: the new item and a new version of the changed one only (got $rc: $out)"
ids=$(dz list --limit 0 --json | "$PYTHON3" -c '
import json, sys
print(*sorted(x["id"] for x in json.load(sys.stdin) if x["title"] == "Item a2"))')
[ "$(prev "${ids#* }")" = "${ids% *}" ]
tap_ok $? "the changed item is linked to its earlier version"

# gzip and redirects
feed two.xml "Fixture Two" b1:long
dz feed add "$BASE/gz/two.xml" --name gz >/dev/null
dz feed add "$BASE/redirect/3/two.xml" --name three-hops >/dev/null
: >"$HTTP_LOG"
out=$(dz fetch gz three-hops 2>&1); rc=$?
[ $rc -eq 0 ] && grep -qx "GET /gz/two.xml 200 gzip" "$HTTP_LOG" &&
    grep -qx "fetched 2 feeds (0 unchanged, 0 failed): imported 1 article, 1 duplicate, 0 refused" <<<"$out"
tap_ok $? "a gzip-encoded feed and one behind 3 redirects, fetched by name (got $rc: $out)"

# Failures, each one line naming the feed; the good feed of the batch is
# still imported.
feed three.xml "Fixture Three" c1:long
feed flaky.xml "Fixture Flaky" d1:long
feed busy.xml "Fixture Busy" e1:long
free_port=$("$PYTHON3" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
for p in status/404 status/500 loop redirect/6/three.xml slow endless to-file html-not-feed \
    flaky/x/flaky.xml busy/x/busy.xml three.xml; do
	dz feed add "$BASE/$p" >/dev/null || tap_diag "cannot add $p"
done
dz feed add "http://127.0.0.1:$free_port/nothing.xml" >/dev/null
before=$(count)
: >"$HTTP_LOG"
start=$(date +%s)
# The time-out is the slow server's 30 s cut short, yet long enough for the
# rest of the batch (five redirects, 16 MB of the endless body, the 429's
# second try) on a loaded machine under a sanitizer build.
out=$(dz fetch --timeout 10 2>&1); rc=$?
took=$(( $(date +%s) - start ))
tap_diag "$out"
[ $rc -eq 3 ]; tap_ok $? "a batch with failures ends with status 3 (got $rc)"
grep -qx "dossier: fetch: $BASE/status/404: HTTP 404 Not Found" <<<"$out"; tap_ok $? "404: one line with the status"
grep -qx "dossier: fetch: $BASE/status/500: HTTP 500 Internal Server Error" <<<"$out"; tap_ok $? "500: one line"
grep -qx "dossier: fetch: $BASE/loop: more than 5 redirects" <<<"$out"; tap_ok $? "a redirect loop stops at 5"
grep -qx "dossier: fetch: $BASE/redirect/6/three.xml: more than 5 redirects" <<<"$out"; tap_ok $? "6 redirects are too many"
grep -q "^dossier: fetch: $BASE/slow: time-out: " <<<"$out"; tap_ok $? "a slow server: time-out"
grep -qx "dossier: fetch: $BASE/endless: too large: more than the limit of 16777216 bytes" <<<"$out"
tap_ok $? "an endless body stops at the import size limit"
grep -qx "dossier: fetch: $BASE/to-file: refused: only http and https are fetched, redirects included" <<<"$out"
tap_ok $? "a redirect to file:// is refused"
grep -qx "dossier: fetch: $BASE/html-not-feed: not a feed (the server sent text/html)" <<<"$out"; tap_ok $? "an HTML page is not a feed"
grep -q "^dossier: fetch: http://127.0.0.1:$free_port/nothing.xml: connection refused: " <<<"$out"; tap_ok $? "a closed port: connection refused"
grep -qx "dossier: fetch: $BASE/flaky/x/flaky.xml: HTTP 500 Internal Server Error" <<<"$out"; tap_ok $? "flaky: the first 500 is a failure"
[ "$(http_statuses /busy/x/busy.xml | tr '\n' ' ')" = "429 200 " ] && [ "$took" -ge 1 ] &&
    ! grep -q busy <<<"$out"
tap_ok $? "429 with Retry-After: 1 is tried again after a second and succeeds ($(http_statuses /busy/x/busy.xml | tr '\n' ' '), ${took}s)"
grep -qx "fetched 15 feeds (3 unchanged, 10 failed): imported 2 articles, 0 duplicates, 0 refused" <<<"$(tail -n 1 <<<"$out")"
tap_ok $? "the batch went on: the good feeds imported, the unchanged ones 304 ($(tail -n 1 <<<"$out"))"
[ "$(count)" = $((before + 2)) ]; tap_ok $? "nothing stored was touched by the failures"
dz feed list | grep -q "	$BASE/status/404	.*	$BASE/status/404: HTTP 404 Not Found	0	1$"
tap_ok $? "feed list shows the failure and one error in a row"

out=$(dz fetch "$BASE/flaky/x/flaky.xml" "$BASE/status/404" 2>&1); rc=$?
[ $rc -eq 3 ] && dz feed list | grep -q "	$BASE/flaky/x/flaky.xml	.*	200	1	0$" &&
    dz feed list | grep -q "	$BASE/status/404	.*	2$"
tap_ok $? "500 then success: the errors in a row reset; a failing feed counts up (got $rc: $out)"

# --full-text: every item's page, long items' too.
{
	printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Full</title>\n'
	printf '<item><title>Item f1</title><link>%s/f1.html</link><guid>f1</guid><description>%s</description></item>\n' "$BASE" "$(para f1)"
	printf '</channel></rss>\n'
} >"$WWW/full.xml"
page f1
dz feed add "$BASE/full.xml" --full-text --name full >/dev/null
out=$(dz fetch full 2>&1); rc=$?
[ $rc -eq 0 ] && grep -qx "fetched 1 feed (0 unchanged, 0 failed) and 1 page (0 failed): imported 2 articles (1 new version), 0 duplicates, 0 refused" <<<"$out"
tap_ok $? "feed add --full-text: a long item's page is fetched too (got $rc: $out)"

# dossier import URL: pages fetched and imported as their content says.
page p9
out=$(dz import "$BASE/p9.html" "$BASE/status/404" 2>&1); rc=$?
[ $rc -eq 3 ] && grep -qx "dossier: import: $BASE/status/404: HTTP 404 Not Found" <<<"$out" &&
    grep -qx "imported 1 article, 0 duplicates, 0 refused" <<<"$out" &&
    dz list --limit 0 --json | grep -q '"Item p9, the full story"'
tap_ok $? "import URL: a page fetched and imported, a 404 named, status 3 (got $rc: $out)"

# Credentials in a URL are never printed.
dz feed add "http://reader:s3cret@127.0.0.1:$free_port/private.xml" --name private >/dev/null
out=$(dz fetch private 2>&1)
list=$(dz feed list)
! grep -q s3cret <<<"$out$list" && grep -q "http://\*\*\*@127.0.0.1:$free_port/private.xml" <<<"$out"
tap_ok $? "a URL's password is never printed ($out)"

# TLS: a certificate no authority signed is a failure that says so.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
    -keyout "$TEST_TMP/tls.pem" -out "$TEST_TMP/cert.pem" >/dev/null 2>&1 &&
    cat "$TEST_TMP/cert.pem" >>"$TEST_TMP/tls.pem"
"$PYTHON3" "$top_srcdir/tests/cli/http-fixture.py" "$WWW" "$TEST_TMP/https.port" "$TEST_TMP/https.log" 0 \
    "$TEST_TMP/tls.pem" &
tls_pid=$!
for _i in $(seq 200); do [ -s "$TEST_TMP/https.port" ] && break; sleep 0.05; done
tls_url="https://127.0.0.1:$(cat "$TEST_TMP/https.port")/one.xml"
dz feed add "$tls_url" --name tls >/dev/null
out=$(dz fetch tls 2>&1); rc=$?
kill "$tls_pid"; wait "$tls_pid" 2>/dev/null
[ $rc -eq 3 ] && grep -q "^dossier: fetch: $tls_url: TLS (the certificate is checked, always): " <<<"$out" &&
    [ ! -s "$TEST_TMP/https.log" ]
tap_ok $? "a self-signed certificate: a TLS failure, no request sent (got $rc: $out)"

# Settings: --jobs and the config's fetch-jobs are checked.
mkdir -p "$XDG_CONFIG_HOME/dossier"
echo 'set fetch-jobs 0' >"$XDG_CONFIG_HOME/dossier/config"
out=$(dz fetch one 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q "fetch-jobs: a number from 1 to 1000" <<<"$out"; tap_ok $? "set fetch-jobs 0 in the config is refused (got $rc: $out)"
echo 'set fetch-jobs 2' >"$XDG_CONFIG_HOME/dossier/config"
out=$(dz fetch one 2>&1); rc=$?
[ $rc -eq 0 ]; tap_ok $? "set fetch-jobs 2 is obeyed (got $rc: $out)"
out=$(dz fetch --jobs x one 2>&1); rc=$?
[ $rc -eq 2 ]; tap_ok $? "--jobs x is a usage error"
out=$(dz fetch nosuchfeed 2>&1); rc=$?
[ $rc -eq 3 ] && grep -q "no feed 'nosuchfeed'" <<<"$out"; tap_ok $? "an unknown feed is named (got $rc: $out)"

tap_done
