#!/bin/bash
# tests/cli/described.sh: agreements and events named by what they are
# (data/described.txt) in five languages, found through import and listed
# as found names of their kind; generic words alone are no names.
. "$top_srcdir/tests/tui/lib.sh"

texts="$top_srcdir/tests/data/described"
for lang in en ru az hy tr; do
	"$DOSSIER" --db "$TEST_TMP/$lang.db" -q import "$texts/$lang.txt" >/dev/null 2>&1
	tap_ok $? "the $lang text imports"
done

# found LANG NAME KIND: NAME is listed as a found name under KIND
found() {
	local k
	k=$("$DOSSIER" --db "$TEST_TMP/$1.db" actors --candidates |
		awk -v n="$2" '/^[a-z]+$/ { k = $1 } index($0, "  " n "  ") { print k; exit }')
	[ "$k" = "$3" ]; tap_ok $? "$1: '$2' is a found $3 (got '${k:-nothing}')"
}
found en 'latest ceasefire proposal' agreement
found en 'prisoner swap deal' agreement
found en 'hostage and ceasefire deal' agreement
found en 'Karabakh war' event
found en 'war in Lebanon' event
found en 'Vantor Security Conference' event
found en 'Portvale.am' organization
found en 'March 3 rocket assault' event
found ru 'новом торговом соглашении' agreement
found ru 'войне в Сирии' event
found az 'yeni ticarət razılaşmasını' agreement
found hy 'հրադադարի առաջարկը' agreement
found tr 'son ateşkes teklifine' agreement
found tr 'barış anlaşmasının' agreement
# A ministry without its state: the one named last, else a found one.
found ru 'Минобороны' organization
"$DOSSIER" --db "$TEST_TMP/ru.db" actors | grep -q 'Ministry of Foreign Affairs of Russia *2 mentions'
tap_ok $? "ru: 'МИД' after 'МИД России' is Russia's foreign ministry again"
# names.txt: a body's head noun with its possessive and case endings
found az 'Təhlükəsizlik Şurasının' organization
found tr 'Ulusal Güvenlik Konseyi' organization

# Nothing from a topic or a noun alone, or a topic before another noun;
# no outlet inside a longer address.
out=$("$DOSSIER" --db "$TEST_TMP/en.db" actors --candidates)
! grep -qi 'peace process\|  agreement  \|trade war\|  plan  \|ministry\.am\|archive\.am' <<<"$out"
tap_ok $? "en: 'peace process', 'the agreement', 'a trade war', 'the plan', parts of addresses are no names"
out=$("$DOSSIER" --db "$TEST_TMP/ru.db" actors --candidates; "$DOSSIER" --db "$TEST_TMP/az.db" actors --candidates;
	"$DOSSIER" --db "$TEST_TMP/hy.db" actors --candidates; "$DOSSIER" --db "$TEST_TMP/tr.db" actors --candidates)
! grep -q 'Соглашение\|Razılaşma\|Համաձայնագիրը\|Anlaşma ' <<<"$out"
tap_ok $? "ru/az/hy/tr: the noun alone is no name"

# An agreement the knowledge base names in lower-case words only ("peace
# talks", "grain deal") is that agreement only where one of its parties is
# named too.
"$DOSSIER" --db "$TEST_TMP/g.db" -q import "$texts/grounded-no.txt" "$texts/grounded-yes.txt" >/dev/null 2>&1
out=$("$DOSSIER" --db "$TEST_TMP/g.db" mentions 'Armenia-Azerbaijan peace treaty')
grep -q 'Talks between neighbours' <<<"$out" && ! grep -q 'Red Sea' <<<"$out"
tap_ok $? "'peace talks' is Armenia's and Azerbaijan's treaty only where they are named (got: $(tr '\n' ' ' <<<"$out"))"
! "$DOSSIER" --db "$TEST_TMP/g.db" mentions 'Black Sea Grain Initiative' 2>/dev/null | grep -q 'Red Sea'
tap_ok $? "'grain deal' without Russia, Ukraine, Turkey or the UN is no mention of the grain initiative"

# The same phrases through the knowledge base's data directory: a
# described.txt that names an unknown section is refused with its place.
mkdir -p "$TEST_TMP/data"
cp -R "$top_srcdir/data/." "$TEST_TMP/data/"
printf '[agreement-typos]\npeace\n' >>"$TEST_TMP/data/described.txt"
err=$(DOSSIER_DATADIR="$TEST_TMP/data" "$DOSSIER" --db "$TEST_TMP/bad.db" -q import "$texts/en.txt" 2>&1)
grep -q 'described.txt:[0-9]*: unknown section \[agreement-typos\]' <<<"$err"
tap_ok $? "a bad section of described.txt is named with its line (got: $err)"

tap_done
