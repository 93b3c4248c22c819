#!/bin/bash
# tests/cli/anno-versions.sh: importing a changed version of an article
# carries its annotations over: moved text is found, a changed quote is
# placed fuzzily and marked changed with its old words (reported for the
# file and counted in the summary), one whose text was deleted stays live
# on the old version;
# nothing is dropped or hidden. A different article with the same link
# (a feed's home page, a wrong rel=canonical) is not a version at all.
. "$top_srcdir/tests/tui/lib.sh"

: "${PYTHON3:=python3}"
[ -n "$PYTHON3" ] || PYTHON3=python3
DB="$TEST_TMP/v.db"
ART="$TEST_TMP/talks.txt"
d() { "$DOSSIER" --db "$DB" "$@"; }

cat >"$ART" <<'TXT'
Talks in Moscow

The foreign ministers met in Moscow on Tuesday. The minister said the corridor would reopen within a week. Officials in Baku did not comment on the talks.

Observers expect another round of negotiations next month.
TXT
d -q import "$ART"; tap_ok $? "first version imported"
d annotate 1 --quote "would reopen within a week" --tag claim --note "check the date" >/dev/null &&
	d annotate 1 --quote "did not comment" --tag denial --note "silence" >/dev/null &&
	d annotate 1 --quote "Observers expect another round" --tag opinion >/dev/null
tap_ok $? "three annotations"

cat >"$ART" <<'TXT'
Talks in Moscow

Update: The foreign ministers met in Moscow on Tuesday. The minister said the corridor would fully reopen within a week.

Observers expect another round of negotiations next month.
TXT
err=$(d import "$ART" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q "(1 new version)" <<<"$err" &&
	grep -q "1 annotation of the earlier version (article 1) could not be placed in this one and stays there" <<<"$err"
tap_ok $? "second version imported; the annotation not placed is reported ($err)"
grep -q "1 highlight of the earlier version (article 1) now quotes changed words" <<<"$err"
tap_ok $? "the highlight whose words changed is reported for the file"
grep -q "imported 1 article (1 new version), 0 duplicates, 0 refused, 1 highlight on changed words, 1 highlight left on the earlier version" <<<"$err"
tap_ok $? "and counted in the summary, as the one left behind is"

out=$(d annotations --article 2)
grep -q $'\tactive\tclaim\twould fully reopen within a week \[changed, was: would reopen within a week\]\tcheck the date$' <<<"$out"
tap_ok $? "a changed quote is placed on its new text, marked changed with the old words, note kept ($out)"
! grep -q "Observers expect another round \[changed" <<<"$out"
tap_ok $? "a quote that only moved is not marked changed"
grep -q $'\tactive\topinion\tObservers expect another round\t' <<<"$out"
tap_ok $? "moved text is found"
! grep -q "did not comment" <<<"$out"; tap_ok $? "no orphaned copy of a deleted quote on the new version"
[ "$(d annotations --article 1 --state superseded | wc -l)" -eq 2 ]
tap_ok $? "the old version's annotations that were placed are marked superseded"
out=$(d annotations --article 1)
[ "$(wc -l <<<"$out")" -eq 1 ] && grep -q $'\tactive\tdenial\tdid not comment\tsilence$' <<<"$out"
tap_ok $? "the one not placed stays live on the old version, where its text is ($out)"
d search silence | grep -q "Talks in Moscow"; tap_ok $? "its note is still found by search"

d export -o "$TEST_TMP/v.json"
"$PYTHON3" - "$TEST_TMP/v.json" <<'PY'
import json, sys
items = json.load(open(sys.argv[1]))["first"]["items"]
assert len(items) == 3, len(items)
assert all(i["dossier:state"] == "active" for i in items), items
stayed = next(i for i in items if i["target"]["selector"][-1]["exact"] == "did not comment")
types = sorted(s["type"] for s in stayed["target"]["selector"])
assert types == ["TextPositionSelector", "TextQuoteSelector"], types
PY
tap_ok $? "all three are exported, the one that stayed with its position on the old version"

d -q import "$ART"
[ "$(d annotations --state all | wc -l)" -eq 5 ]; tap_ok $? "importing the same version again changes nothing"

# Versions need the text, not only the link. Two feeds whose items all link
# to the site's home page: each item is an article of its own.
F="$TEST_TMP/feeds"
mkdir -p "$F"
cat >"$F/a.rss" <<'XML'
<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire A</title>
<item><title>Border talks resume</title><link>https://news.example/</link>
<description>Negotiators from both countries met at the border crossing on Monday to resume talks on the demarcation of the frontier.</description></item>
</channel></rss>
XML
cat >"$F/b.rss" <<'XML'
<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire B</title>
<item><title>Harvest festival opens</title><link>https://news.example/</link>
<description>Thousands of visitors came to the old town square for the opening day of the annual harvest festival and its markets.</description></item>
</channel></rss>
XML
DB="$TEST_TMP/feeds.db"
d -q import "$F/a.rss"
a=$(d search --json demarcation | "$PYTHON3" -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
d annotate "$a" --quote "demarcation of the frontier" --tag claim --note "mine" >/dev/null
err=$(d import "$F/b.rss" 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$err" = "imported 1 article, 0 duplicates, 0 refused" ]
tap_ok $? "a feed item with the same home-page link but other text is a new article ($err)"
b=$(d search --json harvest | "$PYTHON3" -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
[ "$(d show --json "$b" | "$PYTHON3" -c 'import json,sys; print(json.load(sys.stdin)["previous_id"])')" = None ]
tap_ok $? "and not linked to the other as its version"
out=$(d annotations --article "$a")
grep -q $'\tactive\tclaim\tdemarcation of the frontier\tmine$' <<<"$out"
tap_ok $? "the first article keeps its annotation, live ($out)"
[ -z "$(d annotations --article "$b")" ]; tap_ok $? "and nothing of it appears on the other"

# Two saved pages with the same wrong rel=canonical.
for n in 1 2; do
	if [ $n = 1 ]; then t="Ceasefire holds in the north"; p="The ceasefire agreed last week held overnight in the northern districts, officials said, with no shelling reported."
	else t="Central bank raises rates"; p="The central bank raised its key interest rate by half a point on Thursday, citing inflation that remains above target."; fi
	printf '<html><head><title>%s</title><link rel="canonical" href="https://news.example/index.html"></head><body><article><h1>%s</h1><p>%s</p></article></body></html>
' "$t" "$t" "$p" >"$F/page$n.html"
done
DB="$TEST_TMP/pages.db"
d -q import "$F/page1.html"
d annotate 1 --quote "no shelling reported" --tag claim >/dev/null
err=$(d import "$F/page2.html" 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$err" = "imported 1 article, 0 duplicates, 0 refused" ] &&
	[ "$(d annotations --article 1 | wc -l)" -eq 1 ] && [ -z "$(d annotations --article 2)" ]
tap_ok $? "two pages with the same wrong canonical link stay two articles, annotations where they were ($err)"
# The same page edited (a sentence added) is still its version.
printf '<html><head><title>Ceasefire holds in the north</title><link rel="canonical" href="https://news.example/index.html"></head><body><article><h1>Ceasefire holds in the north</h1><p>The ceasefire agreed last week held overnight in the northern districts, officials said, with no shelling reported.</p><p>Residents began returning to their homes.</p></article></body></html>
' >"$F/page1.html"
err=$(d import "$F/page1.html" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q "(1 new version)" <<<"$err" && [ "$(d annotations --article 3 | wc -l)" -eq 1 ]
tap_ok $? "an edited page with most of its text is a version, and its annotation follows ($err)"
tap_done
