#!/bin/bash
# tests/cli/kb.sh: the shipped knowledge base through the binary: `kb show`
# prints an entity with the source its facts were checked against, files
# without the source field still load, and the generated files are what
# their generators make today.
. "$top_srcdir/tests/tui/lib.sh"

db="$TEST_TMP/k.db"
d() { "$DOSSIER" --db "$db" "$@"; }

out=$(d kb show Lavrov 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q '^Sergey Lavrov (person, shipped)$' <<<"$out" &&
	grep -q '^  roles    Foreign Minister of Russia, 2004-03-09–$' <<<"$out"
tap_ok $? "kb show: a shipped person by alias, with roles (got $rc: $out)"
src=$(sed -n 's/^  source   //p' <<<"$out")
[ -n "$src" ] && [ "$src" != "(none given)" ]
tap_ok $? "kb show: the shipped person says where it was checked ($src)"

d kb show 'Nobody Atall' >/dev/null 2>"$TEST_TMP/err"; rc=$?
[ $rc -eq 1 ] && grep -q "no entity is named 'Nobody Atall'" "$TEST_TMP/err"
tap_ok $? "kb show: an unknown name is an error (status $rc)"

# A file in the old form (no source field) and one with it load side by side.
printf 'person\tOlda Formova\tFormova\t\tMayor of Testgrad, 2001–2004\n' >"$TEST_TMP/old.tsv"
printf 'place\tTestgrad\tTestograd\t\t\t\thttps://example.org/testgrad\n' >"$TEST_TMP/new.tsv"
d kb import "$TEST_TMP/old.tsv" >/dev/null 2>&1 && d kb import "$TEST_TMP/new.tsv" >/dev/null 2>&1
tap_ok $? "kb import: with and without the source field"
d kb show Formova | grep -q '^  source   (none given)$' &&
	d kb show Formova | grep -q '^  roles    Mayor of Testgrad, 2001–2004$'
tap_ok $? "kb show: an entity without a source"
d kb show Testograd | grep -q '^  source   https://example.org/testgrad$'
tap_ok $? "kb show: the source of an imported entity"
d kb export | grep -q '^place	Testgrad	Testograd				https://example.org/testgrad$'
tap_ok $? "kb export: the source in the seventh field"
d kb export --json | grep -q '"source":"https://example.org/testgrad"'
tap_ok $? "kb export --json: the source"
printf 'place\tA\t\t\t\t\tsrc\textra\n' >"$TEST_TMP/bad.tsv"
d kb import "$TEST_TMP/bad.tsv" 2>&1 >/dev/null | grep -q 'bad.tsv:1: expected at most 7 tab-separated fields'
tap_ok $? "kb import: an eighth field is an error naming the line"

# The generated states are what iso-codes makes today.
py=${PYTHON3:-python3}
mkdir -p "$TEST_TMP/gen"
if "$py" "$top_srcdir/data/kb/gen/states" "$TEST_TMP/gen" 2>"$TEST_TMP/gen.err" &&
	diff -u "$top_srcdir/data/kb/states.tsv" "$TEST_TMP/gen/states.tsv" >"$TEST_TMP/gen.diff"; then
	why=
else
	why=" ($(cat "$TEST_TMP/gen.err" "$TEST_TMP/gen.diff" 2>/dev/null | head -5 | tr '\n' ' '))"
fi
[ -z "$why" ]; tap_ok $? "data/kb/states.tsv is what data/kb/gen/states makes from iso-codes$why"

# The generated leaders are what data/kb/gen/leaders makes from leaders.in
# (with the rest of the knowledge base as it is now).
if "$py" "$top_srcdir/data/kb/gen/leaders" "$TEST_TMP/gen" 2>"$TEST_TMP/gen.err" &&
	diff -u "$top_srcdir/data/kb/people-leaders.tsv" "$TEST_TMP/gen/people-leaders.tsv" >"$TEST_TMP/gen.diff"; then
	why=
else
	why=" ($(cat "$TEST_TMP/gen.err" "$TEST_TMP/gen.diff" 2>/dev/null | head -5 | tr '\n' ' '))"
fi
[ -z "$why" ]; tap_ok $? "data/kb/people-leaders.tsv is what data/kb/gen/leaders makes from leaders.in$why"

# The surnames in other scripts are what data/kb/gen/surnames makes from
# the people files as they are now (with Debian's hunspell-ru, its Russian
# words, where it is installed).
name="data/kb/people-surnames.tsv is what data/kb/gen/surnames makes"
if [ ! -r /usr/share/hunspell/ru_RU.dic ]; then
	tap_ok 0 "$name # SKIP no hunspell-ru (/usr/share/hunspell/ru_RU.dic)"
else
	mkdir -p "$TEST_TMP/gens"
	if "$py" "$top_srcdir/data/kb/gen/surnames" "$TEST_TMP/gens" 2>"$TEST_TMP/gen.err" &&
		diff -u "$top_srcdir/data/kb/people-surnames.tsv" "$TEST_TMP/gens/people-surnames.tsv" >"$TEST_TMP/gen.diff"; then
		why=
	else
		why=" ($(cat "$TEST_TMP/gen.err" "$TEST_TMP/gen.diff" 2>/dev/null | head -5 | tr '\n' ' '))"
	fi
	[ -z "$why" ]; tap_ok $? "$name$why"
fi
# A surname alone in Russian and Armenian, in its cases, names the person;
# one the Russian dictionary holds as a word ("Колонна") does not.
printf 'Итоги встречи\n\nПашинян заявил, что встреча Пашиняна с Мирзояном прошла. Колонна двинулась.\n' \
	>"$TEST_TMP/sur-ru.txt"
printf 'Հանդիպումը\n\nՓաշինյանը հայտարարել է, որ Փաշինյանի այցը կայացել է։\n' >"$TEST_TMP/sur-hy.txt"
sdb="$TEST_TMP/sur.db"
"$DOSSIER" --db "$sdb" -q import "$TEST_TMP/sur-ru.txt" "$TEST_TMP/sur-hy.txt" >/dev/null 2>&1
out=$("$DOSSIER" --db "$sdb" mentions 'Nikol Pashinyan' 2>&1)
grep -q 'Пашиняна' <<<"$out" && grep -q 'Փաշինյանի' <<<"$out" &&
	"$DOSSIER" --db "$sdb" mentions 'Ararat Mirzoyan' 2>&1 | grep -q 'Мирзояном' &&
	! "$DOSSIER" --db "$sdb" mentions 'Catherine Colonna' 2>&1 | grep -q 'Колонна'
tap_ok $? "a surname alone in Russian and Armenian, in its cases, but not a Russian word"

# The generated ministries are what data/kb/gen/ministries makes from the
# npm packages world-countries and i18n-iso-countries, where they are
# installed (DOSSIER_NODE_MODULES names their node_modules); elsewhere the
# committed file is taken as it is.
nm=${DOSSIER_NODE_MODULES:-}
name="data/kb/organizations-ministries.tsv is what data/kb/gen/ministries makes"
if [ -n "$nm" ] && [ -d "$nm/world-countries" ] && [ -d "$nm/i18n-iso-countries" ]; then
	mkdir -p "$TEST_TMP/genm" && cp "$top_srcdir/data/kb/states.tsv" "$TEST_TMP/genm/"
	if "$py" "$top_srcdir/data/kb/gen/ministries" "$nm" "$TEST_TMP/genm" 2>"$TEST_TMP/gen.err" &&
		diff -u "$top_srcdir/data/kb/organizations-ministries.tsv" \
			"$TEST_TMP/genm/organizations-ministries.tsv" >"$TEST_TMP/gen.diff"; then
		why=
	else
		why=" ($(cat "$TEST_TMP/gen.err" "$TEST_TMP/gen.diff" 2>/dev/null | head -5 | tr '\n' ' '))"
	fi
	[ -z "$why" ]; tap_ok $? "$name$why"
else
	tap_ok 0 "$name # SKIP no world-countries and i18n-iso-countries in DOSSIER_NODE_MODULES"
fi

# The names of cities and regions in the reader's languages are what
# data/kb/gen/place-names makes from CLDR (Debian's python3-babel), where
# that is installed; elsewhere the committed file is taken as it is.
name="data/kb/places-names.tsv is what data/kb/gen/place-names makes from CLDR"
if "$py" -c 'import babel' 2>/dev/null; then
	mkdir -p "$TEST_TMP/genp" && cp "$top_srcdir"/data/kb/*.tsv "$TEST_TMP/genp/"
	if "$py" "$top_srcdir/data/kb/gen/place-names" "$TEST_TMP/genp" 2>"$TEST_TMP/gen.err" &&
		diff -u "$top_srcdir/data/kb/places-names.tsv" "$TEST_TMP/genp/places-names.tsv" \
			>"$TEST_TMP/gen.diff"; then
		why=
	else
		why=" ($(cat "$TEST_TMP/gen.err" "$TEST_TMP/gen.diff" 2>/dev/null | head -5 | tr '\n' ' '))"
	fi
	[ -z "$why" ]; tap_ok $? "$name$why"
else
	tap_ok 0 "$name # SKIP no python3-babel"
fi
for n in 'Стокгольм=Stockholm' 'Avropa=Europe' 'Երևան=Armenia' 'Varşova=Poland'; do
	d kb show "${n%%=*}" 2>/dev/null | head -1 | grep -q "^${n#*=} (" || echo "${n%%=*}"
done >"$TEST_TMP/missing"
[ ! -s "$TEST_TMP/missing" ]; tap_ok $? "cities and regions in the reader's languages$(tr '\n' ' ' <"$TEST_TMP/missing")"

# A state's ministries and armed forces by their names in the reader's
# languages, and international bodies by theirs.
for n in 'Ermənistan Müdafiə Nazirliyi=Ministry of Defence of Armenia' \
	'Ukrayna Silahlı Kuvvetleri=Ukrainian Armed Forces' 'МИД Иран=Ministry of Foreign Affairs of Iran' \
	'ООН=United Nations' 'ATƏT=OSCE' 'Şuşa Bəyannaməsi=Shusha Declaration' \
	"Colombia's government=Government of Colombia"; do
	d kb show "${n%%=*}" 2>/dev/null | head -1 | grep -q "^${n#*=} (" || echo "${n%%=*}"
done >"$TEST_TMP/missing"
[ ! -s "$TEST_TMP/missing" ]; tap_ok $? "governments, ministries, armed forces and bodies in five languages$(tr '\n' ' ' <"$TEST_TMP/missing")"

# Parliaments for every UN member, generated with the ministries: under the
# state's name, or under the curated row's own name where the knowledge base
# has one; none for a state whose legislature is not one body of that name.
for n in "Pakistan's parliament=Parliament of Pakistan" 'Türkiye parlamentosu=Grand National Assembly of Turkey' \
	'Israeli parliament=Knesset' 'Ermənistan parlamenti=National Assembly of Armenia' \
	"Uzbekistan's parliament=Oliy Majlis" \
	'Qoşulmama Hərəkatı=Non-Aligned Movement' 'IGAD=Intergovernmental Authority on Development' \
	'ГКНБ Таджикистана=State Committee for National Security of Tajikistan' 'KUNA=Kuwait News Agency'; do
	d kb show "${n%%=*}" 2>/dev/null | head -1 | grep -q "^${n#*=} (" || echo "${n%%=*}"
done >"$TEST_TMP/missing"
for n in "Russia's parliament" 'Parliament of the United States'; do
	d kb show "$n" >/dev/null 2>&1 && echo "$n"
done >>"$TEST_TMP/missing"
[ ! -s "$TEST_TMP/missing" ]; tap_ok $? "parliaments, regional bodies, security services and news agencies$(tr '\n' ' ' <"$TEST_TMP/missing")"

# News agencies, broadcasters and papers by their names in the reader's
# languages; "AP" is no alias (Azerbaijani news writes it for the European
# Parliament).
for n in 'Дойче Велле=Deutsche Welle' 'ВГТРК=All-Russia State Television and Radio Broadcasting Company' \
	'Türkiye Radyo ve Televizyon Kurumu=Turkish Radio and Television Corporation' 'ՏԱՍՍ=TASS' \
	'Би-би-си=BBC' 'Рейтер=Reuters' 'Bernama=Malaysian National News Agency' 'Spiegel=Der Spiegel' \
	'Report.az=Report News Agency' 'IRIB=Islamic Republic of Iran Broadcasting'; do
	d kb show "${n%%=*}" 2>/dev/null | head -1 | grep -q "^${n#*=} (" || echo "${n%%=*}"
done >"$TEST_TMP/missing"
d kb show AP >/dev/null 2>&1 && echo AP >>"$TEST_TMP/missing"
[ ! -s "$TEST_TMP/missing" ]; tap_ok $? "news agencies, broadcasters and papers in five languages$(tr '\n' ' ' <"$TEST_TMP/missing")"

# Leaders: a head of state by a surname the generator derived, by a
# transliteration given by hand, with a dated role and its source; a
# predecessor with a closed term; a surname that is a common English name
# (Johnson) does not become an alias.
out=$(d kb show Albanese 2>&1)
grep -q '^  roles    Prime Minister of Australia, 2022–$' <<<"$out" &&
	grep -q '^  source   https://www.wikidata.org/wiki/Q335697 | https://' <<<"$out"
tap_ok $? "kb show: a head of government by the surname the generator adds"
d kb show Пезешкиан 2>&1 | grep -q '^  roles    President of Iran, 2024–$'
tap_ok $? "kb show: a leader by a Russian transliteration"
d kb show 'Boris Johnson' 2>&1 | grep -q '^  roles    Prime Minister of the United Kingdom, 2019–2022$' &&
	! d kb show Johnson >/dev/null 2>&1
tap_ok $? "kb show: a predecessor's closed term; a common surname is no alias"

# States by their names in the reader's languages and partly recognised
# ones.
for n in Rusiya Ռուսաստան Россия Ermənistan Azərbaycan Ադրբեջան \
	Abkhazia Somaliland 'Western Sahara' Transnistria; do
	d kb show "$n" 2>/dev/null | head -1 | grep -q '(state, shipped)$' || echo "$n"
done >"$TEST_TMP/missing"
[ ! -s "$TEST_TMP/missing" ]; tap_ok $? "states by their names in five languages$(tr '\n' ' ' <"$TEST_TMP/missing")"
# The seats of government are bodies of their own, the capital the state.
for n in Kremlin Кремля 'White House' 'Beyaz Saray'; do
	d kb show "$n" 2>/dev/null | head -1 | grep -q '(organization, shipped)$' || echo "$n"
done >"$TEST_TMP/missing"
d kb show Washington 2>/dev/null | head -1 | grep -q '(state, shipped)$' || echo Washington >>"$TEST_TMP/missing"
[ ! -s "$TEST_TMP/missing" ]; tap_ok $? "seats of government are organizations, capitals states$(tr '\n' ' ' <"$TEST_TMP/missing")"

# Agreements with their day and parties, people with dated roles, each with
# its source.
out=$(d kb show 'Abraham Accords' 2>&1)
grep -q '^  date     2020-09-15$' <<<"$out" && grep -q '^  parties  Israel, United Arab Emirates, Bahrain, United States$' <<<"$out" &&
	grep -q '^  source   https://' <<<"$out"
tap_ok $? "kb show: an agreement's day, parties and source"
out=$(d kb show Rutte 2>&1)
grep -q '^  roles    Secretary General of NATO, 2024-10-01–$' <<<"$out"
tap_ok $? "kb show: a person's dated roles"
d kb show 'Algiers Agreement' | grep -q '^  source   .*PA-X Peace Agreements Database, agreement'
tap_ok $? "kb show: an agreement from PA-X says so"

# Every row of the files added with the source field says where it was
# checked (the older hand-made files are being sourced row by row).
missing=$(cd "$top_srcdir/data/kb" && awk -F '\t' '!/^#/ && NF && $7 == "" { print FILENAME ":" FNR }' \
	states*.tsv *-extra.tsv people-leaders.tsv organizations-ministries.tsv places-cities.tsv places-names.tsv \
	agreements-pax.tsv | head -3)
[ -z "$missing" ]; tap_ok $? "every row of the sourced files names its source${missing:+ (not: $missing)}"

# The wars, conflicts, genocides and revolutions each have a date, a
# source and parties the knowledge base holds: a description ("the 2020
# war") resolves to one by them.
ev="$top_srcdir/data/kb/events.tsv"
bad=$(awk -F '\t' '/^# Wars, conflicts/ { w = 1 } w && !/^#/ && NF &&
	($4 == "" || $6 == "" || $7 !~ /^https:/) { print FILENAME ":" FNR }' "$ev" | head -3)
awk -F '\t' '/^# Wars, conflicts/ { w = 1 } w && !/^#/ && NF { n = split($6, p, / \| /)
	for (i = 1; i <= n; i++) print p[i] }' "$ev" | sort -u | while read -r p; do
	d kb show "$p" >/dev/null 2>&1 || echo "$p"
done >"$TEST_TMP/missing"
n=$(awk -F '\t' '/^# Wars, conflicts/ { w = 1 } w && /^event\t/' "$ev" | wc -l)
[ -z "$bad" ] && [ ! -s "$TEST_TMP/missing" ] && [ "$n" -ge 60 ]
tap_ok $? "the wars and genocides: $n rows, each dated and sourced, parties known${bad:+ (not: $bad)}$(tr '\n' ' ' <"$TEST_TMP/missing")"
printf 'Talks in Tallinn\n\nArmenia and Azerbaijan met. Armenia recalled the 2020 war, Azerbaijan the war of 1992.\n' \
	>"$TEST_TMP/war.txt"
"$DOSSIER" --db "$TEST_TMP/war.db" -q import "$TEST_TMP/war.txt" >/dev/null 2>&1
"$DOSSIER" --db "$TEST_TMP/war.db" actors >"$TEST_TMP/war.out" 2>&1
grep -q 'Second Nagorno-Karabakh War  *1 mention' "$TEST_TMP/war.out" &&
	grep -q 'First Nagorno-Karabakh War  *1 mention' "$TEST_TMP/war.out"
tap_ok $? "a war told by its year is the shipped war of the article's states ($(tr -s ' \n' ' ' <"$TEST_TMP/war.out"))"

tap_done
