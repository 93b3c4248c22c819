#!/bin/bash
# tests/cli/lang.sh: Russian, Azerbaijani, Armenian and Turkish articles:
# names matched with their case and possessive endings (data/lang/*.txt),
# never inside another word, and statements found by each language's
# reporting verbs and attribution cues.
. "$top_srcdir/tests/tui/lib.sh"

db="$TEST_TMP/l.db"
d() { "$DOSSIER" --db "$db" "$@"; }
py=${PYTHON3:-python3}
texts="$top_srcdir/tests/data/lang"

# A knowledge base of the test's own, so that what the shipped one
# spells (it grows) does not change what these texts must yield; the
# languages' files are the shipped ones.
data="$TEST_TMP/data"
mkdir -p "$data"
cp -r "$DOSSIER_DATADIR"/. "$data/"
rm -f "$data"/kb/*.tsv
printf '%s\n' \
	'state	Russia	Россия | Rusiya | Rusya | Ռուսաստան' \
	'state	Armenia	Армения | Հայաստան' \
	'state	Azerbaijan	Азербайджан | Azərbaycan | Bakı' \
	'person	Sergey Lavrov	Lavrov | Сергей Лавров | Лавров | Սերգեյ Լավրով | Լավրով		Foreign Minister of Russia, 2004-03-09–' \
	'person	Nikol Pashinyan	Никол Пашинян | Նիկոլ Փաշինյան' \
	'person	Jeyhun Bayramov	Ceyhun Bayramov | Bayramov' \
	'person	Maria Zakharova	Мария Захарова' \
	'person	Hakan Fidan	Fidan' \
	'place	Nagorno-Karabakh	Нагорный Карабах' \
	'organization	Test Union	ЕС' >"$data/kb/test.tsv"
export DOSSIER_DATADIR="$data"

# English text has no endings to strip: "Lavrova" stays unknown there.
printf 'Title\n\nThe Lavrova collection opened in London. Lavrov said nothing.\n' >"$TEST_TMP/en.txt"
d -q import "$TEST_TMP/en.txt" >/dev/null 2>&1
tap_ok $? "an English article imports with the test's knowledge base"

for l in ru az hy tr; do
	d -q import "$texts/$l.txt" >/dev/null 2>&1
done
id() { d list | awk -v t="$1" 'index($0, t) { print $1; exit }'; }
ru=$(id 'Переговоры в Баку'); az=$(id 'Danışıqlar'); hy=$(id 'Բանակցություններ'); tr=$(id "Ankara'da")
[ -n "$ru" ] && [ -n "$az" ] && [ -n "$hy" ] && [ -n "$tr" ]; tap_ok $? "the four articles are imported"

# The words of ARTICLE's mentions of ENTITY, "|"-joined in text order.
words() {
	d mentions --json "$2" | "$py" -c '
import json, sys
print("|".join(m["text"] for m in json.load(sys.stdin) if str(m["article"]) == sys.argv[1]))' "$1"
}
speakers() { d statements --json | "$py" -c '
import json, sys
print("|".join(s["speaker"] or "-" for s in json.load(sys.stdin) if str(s["article"]) == sys.argv[1]))' "$1"; }

w=$(words "$ru" 'Sergey Lavrov')
[ "$w" = "Сергей Лавров|Лаврова|Лавровым" ]; tap_ok $? "ru: Лавров in the nominative, genitive and instrumental (got $w)"
w=$(words "$ru" Armenia)
[ "$w" = "Армения|Армении" ]; tap_ok $? "ru: Армения, Армении: a stem that loses its -я (got $w)"
w=$(words "$ru" Russia)
[ "$w" = "России|России" ]; tap_ok $? "ru: России (got $w)"
w=$(words "$ru" Nagorno-Karabakh)
[ "$w" = "Нагорного Карабаха" ]; tap_ok $? "ru: an adjective and a noun, both declined (got $w)"
w=$(speakers "$ru")
[ "$w" = "Sergey Lavrov|Sergey Lavrov|Sergey Lavrov|Nikol Pashinyan|Maria Zakharova" ]
tap_ok $? "ru: заявил, по словам, глава МИД России, отметил, «...», — сказала (got $w)"

w=$(words "$az" Azerbaijan)
[ "$w" = "Bakıda|Azərbaycanın|Azərbaycana" ]; tap_ok $? "az: locative, genitive, dative (got $w)"
w=$(words "$az" 'Jeyhun Bayramov')
[ "$w" = "Ceyhun Bayramov|Bayramovun" ]; tap_ok $? "az: Bayramovun (got $w)"
w=$(speakers "$az")
[ "$w" = "Jeyhun Bayramov|Jeyhun Bayramov|Sergey Lavrov" ]
tap_ok $? "az: bildirib, X-un sözlərinə görə, qeyd edib (got $w)"

w=$(words "$hy" 'Sergey Lavrov')
[ "$w" = "Սերգեյ Լավրովը|Լավրովի" ]; tap_ok $? "hy: Լավրովը, Լավրովի (got $w)"
w=$(words "$hy" Armenia)
[ "$w" = "Հայաստանի|Հայաստանը" ]; tap_ok $? "hy: Հայաստանի, Հայաստանը (got $w)"
w=$(words "$hy" 'Nikol Pashinyan')
[ "$w" = "Նիկոլ Փաշինյանն" ]; tap_ok $? "hy: the article -ն (got $w)"
w=$(speakers "$hy")
[ "$w" = "Sergey Lavrov|Sergey Lavrov|Sergey Lavrov|Nikol Pashinyan" ]
tap_ok $? "hy: հայտարարել է, X-ի խոսքով, Ռուսաստանի արտգործնախարարը, ասել է (got $w)"

w=$(speakers "$tr")
[ "$w" = "Sergey Lavrov|Hakan Fidan" ]; tap_ok $? "tr: X'a göre, dedi (got $w)"

# Endings are whole-token endings from the lists: "Bakılı" (a person
# from Baku) is no case of "Bakı", "Если" holds no "ЕС".
w=$(words "$az" Azerbaijan)
! grep -q Bakılı <<<"$w"; tap_ok $? "az: Bakılı is not Bakı with an ending"
printf 'Заголовок\n\nЕсли ЕС согласится, всё решится.\n' >"$TEST_TMP/es.txt"
d -q import "$TEST_TMP/es.txt" >/dev/null 2>&1
w=$(d mentions --json 'Test Union' | "$py" -c 'import json,sys; print("|".join(m["text"] for m in json.load(sys.stdin)))')
[ "$w" = "ЕС" ]; tap_ok $? "ru: a short alias matches alone, not inside a word (got $w)"

en=$(id 'Title')
w=$(words "$en" 'Sergey Lavrov')
[ "$w" = "Lavrov" ]; tap_ok $? "en: no case endings (got $w)"

tap_done
