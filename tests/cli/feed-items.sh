#!/bin/bash
# tests/cli/feed-items.sh: a feed item is its feed and its id (RSS guid,
# Atom id, else its link), in a feed file imported and in a feed fetched:
# two items with the same short text are two articles; an item whose text
# is only an image, or nothing, is kept with its title, link and date as a
# summary; the same feed again is all duplicates; a changed text under the
# same id is a new version of that item (an id that several items of a
# feed share is none); a summary's page, fetched, is its next version.
. "$top_srcdir/tests/tui/lib.sh"
. "$top_srcdir/tests/cli/http-lib.sh"

db="$TEST_TMP/i.db"
dz() { "$DOSSIER" --db "$db" "$@"; }
count() { dz list --limit 0 --json | "$PYTHON3" -c 'import json,sys; print(len(json.load(sys.stdin)))'; }
# The JSON field FIELD of article ID.
field() { dz show --json "$1" | "$PYTHON3" -c "import json,sys; print(json.load(sys.stdin).get('$2'))"; }

# rss FILE ITEM...: ITEM is GUID|LINK|TITLE|DESCRIPTION (GUID or LINK may be
# empty: the element is left out; DESCRIPTION is escaped markup).
rss() {
	local file=$1 it guid link title text
	shift
	{
		printf '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>\n'
		for it in "$@"; do
			IFS='|' read -r guid link title text <<<"$it"
			printf '<item><title>%s</title>' "$title"
			[ -n "$link" ] && printf '<link>%s</link>' "$link"
			[ -n "$guid" ] && printf '<guid isPermaLink="false">%s</guid>' "$guid"
			printf '<pubDate>Tue, 28 Feb 2023 10:00:00 +0000</pubDate><description>%s</description></item>\n' "$text"
		done
		printf '</channel></rss>\n'
	} >"$file"
}

img='&lt;p&gt;&lt;img src="https://wire.example/p.jpg" alt=""&gt;&lt;/p&gt;'
rss "$TEST_TMP/wire.xml" \
    "w-1|https://wire.example/a|Live updates|Developing story." \
    "w-2|https://wire.example/b|Live updates|Developing story." \
    "w-3|https://wire.example/photo|Photo of the day|$img" \
    "w-4|https://wire.example/empty|Nothing said|" \
    "|https://wire.example/c|Briefly|More soon." \
    "|https://wire.example/d|Briefly|More soon."
out=$(dz import "$TEST_TMP/wire.xml" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -qx "imported 6 articles, 0 duplicates, 0 refused" <<<"$out" && [ "$(count)" = 6 ]
tap_ok $? "a feed file: every item an article, none refused (got $rc: $out)"

[ "$(dz list | grep -c 'Live updates$')" = 2 ]
tap_ok $? "two items (guids w-1, w-2) with the same title and text are listed twice ($(dz list))"
[ "$(dz list | grep -c 'Briefly$')" = 2 ]
tap_ok $? "two items without guids, by their links, with the same text are listed twice"

photo=$(dz list | awk '/Photo of the day$/ { print $1 }')
out=$(dz show "$photo")
grep -qx "source: https://wire.example/photo" <<<"$out" &&
    grep -qx "date: 2023-02-28T10:00:00Z" <<<"$out" &&
    grep -qx "text: none in the feed: the page at the source has it" <<<"$out" &&
    [ "$(field "$photo" summary)" = True ] && [ "$(field "$photo" body)" = "" ]
tap_ok $? "an item that is only an image is kept by its title, link and date, a summary with no text ($out)"
empty=$(dz list | awk '/Nothing said$/ { print $1 }')
[ -n "$empty" ] && [ "$(field "$empty" summary)" = True ] &&
    [ "$(field "$empty" source)" = https://wire.example/empty ]
tap_ok $? "an item with an empty description is kept as a summary"
live=$(dz list | awk '/Live updates$/ { print $1; exit }')
dz show "$live" | grep -qx "text: the feed's summary: the page at the source has the article"
tap_ok $? "a short text is marked as the feed's summary"

out=$(dz import "$TEST_TMP/wire.xml" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -qx "imported 0 articles, 6 duplicates, 0 refused" <<<"$out" && [ "$(count)" = 6 ]
tap_ok $? "the same feed again: all duplicates (got $rc: $out)"
cp "$TEST_TMP/wire.xml" "$TEST_TMP/wire-copy.xml"
out=$(dz import "$TEST_TMP/wire-copy.xml" 2>&1)
grep -qx "imported 0 articles, 6 duplicates, 0 refused" <<<"$out"
tap_ok $? "the same feed saved under another name: all duplicates (the feed is its own link) ($out)"

rss "$TEST_TMP/wire2.xml" \
    "w-1|https://wire.example/a|Live updates|Developing story." \
    "w-2|https://wire.example/b|Live updates|Shares fell sharply at the close." \
    "w-3|https://wire.example/photo|Photo of the day|$img" \
    "w-4|https://wire.example/empty|Nothing said|" \
    "|https://wire.example/c|Briefly|More soon." \
    "|https://wire.example/d|Briefly|More soon."
out=$(dz import "$TEST_TMP/wire2.xml" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -qx "imported 1 article (1 new version), 5 duplicates, 0 refused" <<<"$out" &&
    [ "$(count)" = 7 ]
tap_ok $? "a changed text under the same guid: a new version, the rest duplicates (got $rc: $out)"
new=$(dz list --limit 0 --json | "$PYTHON3" -c '
import json, sys
print(max(a["id"] for a in json.load(sys.stdin)))')
w2=
for id in $(dz list | awk '/Live updates$/ { print $1 }'); do
	[ "$id" != "$new" ] && [ "$(field "$id" source)" = https://wire.example/b ] && w2=$id
done
[ "$(field "$new" previous_id)" = "$w2" ] && [ "$(field "$new" body)" = "Shares fell sharply at the close." ]
tap_ok $? "linked to the item it changes (article $new after $w2, not the other 'Live updates')"

# Atom: entries by their ids.
cat >"$TEST_TMP/wire.atom" <<'ATOM'
<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:example:atom-wire</id>
<entry><id>urn:example:1</id><title>Update</title><link href="https://atom.example/"/><updated>2023-03-01T00:00:00Z</updated><summary>Developing story.</summary></entry>
<entry><id>urn:example:2</id><title>Update</title><link href="https://atom.example/"/><updated>2023-03-01T00:00:00Z</updated><summary>Developing story.</summary></entry>
<entry><id>urn:example:3</id><title>Gallery</title><link href="https://atom.example/g"/><updated>2023-03-01T00:00:00Z</updated><content type="html">&lt;img src="g.jpg"&gt;</content></entry>
</feed>
ATOM
out=$(dz import "$TEST_TMP/wire.atom" 2>&1)
grep -qx "imported 3 articles, 0 duplicates, 0 refused" <<<"$out" && [ "$(dz list | grep -c 'Update$')" = 2 ]
tap_ok $? "Atom: two entries (ids) with the same link and text are two articles, an image entry kept ($out)"

# A feed that gives one guid to several items is not telling them apart:
# they are known by their links, and none is made a version of another.
rss "$TEST_TMP/sameguid.xml" \
    "same|https://same.example/1|First|The first made-up text of the test." \
    "same|https://same.example/2|Second|The second made-up text of the test." \
    "same|https://same.example/3|Third|The third made-up text of the test."
out=$(dz import "$TEST_TMP/sameguid.xml" 2>&1)
grep -qx "imported 3 articles, 0 duplicates, 0 refused" <<<"$out"
tap_ok $? "three items sharing one guid in a feed: three articles, none a version of another ($out)"

# A fetched feed: an item that is only an image is kept, and its page,
# fetched, becomes its next version; fetched again, nothing is new.
db="$TEST_TMP/f.db"
rss "$WWW/photos.xml" "p-1|$BASE/p1.html|Flood pictures|$img" "p-2|$BASE/p2.html|Dam pictures|$img"
for p in p1 p2; do
	printf '<!doctype html><html><head><title>%s, the story</title></head><body><article><h1>%s, the story</h1><p>The river rose overnight at the made-up town of Example and the fixture commission met on the bank to watch it. Nothing of this happened: the test wrote it for item %s.</p><p>The water went down by the afternoon, the invented delegates said, and the next meeting will follow.</p></article></body></html>\n' "$p" "$p" "$p" >"$WWW/$p.html"
done
dz feed add "$BASE/photos.xml" >/dev/null
out=$(dz fetch 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$(count)" = 4 ] &&
    grep -q "imported 4 articles (2 new versions), 0 duplicates, 0 refused" <<<"$out"
tap_ok $? "fetch: two image-only items kept and their pages fetched as their versions (got $rc: $out)"
ok=1
for id in $(dz list | awk '/, the story$/ { print $1 }'); do
	prev=$(field "$id" previous_id)
	[ "$(field "$prev" summary)" = True ] && [ "$(field "$id" summary)" = False ] || ok=0
done
[ $ok = 1 ] && [ "$(dz list | grep -c ', the story$')" = 2 ]
tap_ok $? "each page follows its own item's summary"
out=$(dz fetch 2>&1)
grep -q "imported 0 articles, 0 duplicates" <<<"$out" || grep -q "1 unchanged" <<<"$out"
tap_ok $? "fetched again: nothing new ($out)"

tap_done
