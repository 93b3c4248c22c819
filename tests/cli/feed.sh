#!/bin/bash
# tests/cli/feed.sh: `dossier feed`: add (name, tags, bad URLs, twice),
# list, rename, remove (articles stay), OPML export and import (a round
# trip into a new database), and newsboat's urls file (tags, "~name",
# comments, query feeds skipped with their line).
. "$top_srcdir/tests/tui/lib.sh"

db="$TEST_TMP/s.db"
dz() { "$DOSSIER" --db "$db" "$@"; }

out=$(dz feed add https://example.org/feed.xml --name 'Example News' --tag news --tag caucasus); rc=$?
[ $rc -eq 0 ] && [ "$out" = $'1\tExample News' ]; tap_ok $? "feed add prints the id and name (got $rc: $out)"
dz feed add http://example.net/rss >/dev/null; tap_ok $? "feed add without a name"
out=$(dz feed add https://example.org/feed.xml 2>&1); rc=$?
[ $rc -eq 1 ] && [ "$out" = "dossier: feed add: https://example.org/feed.xml: subscribed already" ]
tap_ok $? "the same URL twice is refused (got $rc: $out)"
out=$(dz feed add file:///etc/passwd 2>&1); rc=$?
[ $rc -eq 1 ] && [ "$out" = "dossier: feed add: file:///etc/passwd: a file URL: only http and https are fetched" ]
tap_ok $? "a file:// URL is refused (got $rc: $out)"
out=$(dz feed add example.org/feed 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "not a URL" <<<"$out"; tap_ok $? "a URL without a scheme is refused (got $rc: $out)"
out=$(dz feed add https://example.com/x --tag 'a,b' 2>&1); rc=$?
[ $rc -eq 2 ]; tap_ok $? "a tag with a comma is a usage error (got $rc: $out)"

[ "$(dz feed list)" = $'1\tExample News\thttps://example.org/feed.xml\tnever\t-\t0\t0\n2\t-\thttp://example.net/rss\tnever\t-\t0\t0' ]
tap_ok $? "feed list: id, name, URL, last fetch, status, articles, errors ($(dz feed list))"
dz feed rename 2 'Example Net' && dz feed list | grep -q $'^2\tExample Net\t'; tap_ok $? "feed rename by id"
dz feed rename 'Example Net' 'Net' && dz feed list | grep -q $'^2\tNet\t'; tap_ok $? "feed rename by name"
out=$(dz feed rename nosuch x 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "no feed 'nosuch'" <<<"$out"; tap_ok $? "an unknown feed is named (got $rc: $out)"

# OPML out and back in, into a new database; names and tags survive.
dz feed add 'https://example.com/a?x=1&y=2' --name 'Fish & <Chips>' >/dev/null
dz feed export >"$TEST_TMP/out.opml"; rc=$?
[ $rc -eq 0 ] && "$PYTHON3" - "$TEST_TMP/out.opml" <<'EOF'
import sys, xml.etree.ElementTree as ET
r = ET.parse(sys.argv[1]).getroot()
assert r.tag == "opml" and r.get("version") == "2.0", r.attrib
o = r.findall("./body/outline")
assert [x.get("xmlUrl") for x in o] == ["https://example.org/feed.xml", "http://example.net/rss",
    "https://example.com/a?x=1&y=2"], o
assert o[0].get("title") == "Example News" and o[0].get("category") == "news,caucasus"
assert o[2].get("text") == "Fish & <Chips>"
EOF
tap_ok $? "feed export writes OPML 2.0 (escaped, names as title, tags as category)"
out=$("$DOSSIER" --db "$TEST_TMP/t.db" feed import "$TEST_TMP/out.opml" 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$out" = "added 3 feeds, 0 subscribed already, 0 refused" ] &&
    "$DOSSIER" --db "$TEST_TMP/t.db" feed export | cmp -s - "$TEST_TMP/out.opml"
tap_ok $? "OPML round trip: imported into a new database, exported the same (got $rc: $out)"
out=$("$DOSSIER" --db "$TEST_TMP/t.db" feed import "$TEST_TMP/out.opml" 2>&1)
[ "$out" = "added 0 feeds, 3 subscribed already, 0 refused" ]; tap_ok $? "imported again: nothing added ($out)"

# Another reader's OPML: folders become tags, category paths too.
cat >"$TEST_TMP/reader.opml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head><title>Exported</title></head><body>
<outline text="Politics">
  <outline text="Region" title="Region One" type="rss" xmlUrl="https://one.example/rss" category="/World/Caucasus"/>
  <outline text="Two" type="rss" xmlUrl="https://two.example/atom"/>
</outline>
<outline text="Bad" type="rss" xmlUrl="ftp://three.example/feed"/>
</body></opml>
EOF
out=$("$DOSSIER" --db "$TEST_TMP/r.db" feed import "$TEST_TMP/reader.opml" 2>&1); rc=$?
[ $rc -eq 3 ] && grep -qx "dossier: feed import: $TEST_TMP/reader.opml: ftp://three.example/feed: a ftp URL: only http and https are fetched" <<<"$out" &&
    [ "$("$DOSSIER" --db "$TEST_TMP/r.db" feed export | grep -c '<outline')" = 2 ] &&
    "$DOSSIER" --db "$TEST_TMP/r.db" feed export | grep -q 'title="Region One" xmlUrl="https://one.example/rss" category="Politics,Caucasus"'
tap_ok $? "another reader's OPML: folders and category paths as tags, a bad URL refused by name (got $rc: $out)"
printf '<html><body>no</body></html>\n' >"$TEST_TMP/notopml.xml"
out=$("$DOSSIER" --db "$TEST_TMP/r.db" feed import "$TEST_TMP/notopml.xml" 2>&1); rc=$?
[ $rc -eq 1 ] && [ "$out" = "dossier: feed import: $TEST_TMP/notopml.xml: not an OPML file (the document is <html>)" ]
tap_ok $? "a file that is not OPML is refused (got $rc: $out)"

# newsboat's urls file
cat >"$TEST_TMP/urls" <<'EOF'
# my feeds
https://one.example/rss news "~Region One"
https://four.example/feed.xml politics "long tag" !hidden

query:Unread:unread = "yes"
exec:~/bin/make-feed
https://one.example/rss again
EOF
out=$("$DOSSIER" --db "$TEST_TMP/u.db" feed import "$TEST_TMP/urls" 2>&1); rc=$?
[ $rc -eq 3 ] && grep -qx "dossier: feed import: $TEST_TMP/urls: line 5: newsboat's query, exec and filter feeds are not fetched" <<<"$out" &&
    grep -qx "dossier: feed import: $TEST_TMP/urls: line 6: newsboat's query, exec and filter feeds are not fetched" <<<"$out" &&
    grep -qx "added 2 feeds, 1 subscribed already, 2 refused" <<<"$out"
tap_ok $? "newsboat urls: feeds added, query and exec lines skipped by number (got $rc: $out)"
[ "$("$DOSSIER" --db "$TEST_TMP/u.db" feed list | cut -f2,3)" = $'Region One\thttps://one.example/rss\n-\thttps://four.example/feed.xml' ] &&
    "$DOSSIER" --db "$TEST_TMP/u.db" feed export | grep -q 'xmlUrl="https://four.example/feed.xml" category="politics,long tag"'
tap_ok $? "newsboat urls: ~name as the name, the other words as tags"

# Removing a feed keeps its articles.
printf 'A kept article\n\nIts text stays when the feed goes.\n' >"$TEST_TMP/a.txt"
dz import -q "$TEST_TMP/a.txt"
out=$(dz feed remove 1 Net nosuch 2>&1); rc=$?
[ $rc -eq 3 ] && [ "$(dz feed list | cut -f1)" = 3 ] && grep -q "no feed 'nosuch'" <<<"$out" &&
    [ "$(dz list --limit 0 --json | "$PYTHON3" -c 'import json,sys; print(len(json.load(sys.stdin)))')" = 1 ]
tap_ok $? "feed remove: by id and name, an unknown one named, the articles stay (got $rc: $out)"

tap_done
