#!/bin/bash
# tests/cli/search-endings.sh: the endings search widens a word by
# (data/search/CODE.txt) are read from the data directory, and a bad one
# is an error naming its file and line, not a search without them.
. "$top_srcdir/tests/tui/lib.sh"

db="$TEST_TMP/s.db"
data="$TEST_TMP/data"
seeds="$SEEDS_DIR/seeds"
[ -d "$seeds" ] || { echo "Bail out! seed corpus not found at $seeds"; exit 1; }
d() { "$DOSSIER" --db "$db" "$@"; }

d -q import "$seeds" >/dev/null 2>&1
d -q import "$top_srcdir/tests/data/lang" >/dev/null 2>&1
mkdir -p "$data/search"
for f in "$top_srcdir"/data/*; do
	[ "$(basename "$f")" = search ] || ln -s "$f" "$data/"
done
cp "$top_srcdir"/data/search/*.txt "$data/search/"

n_all=$(DOSSIER_DATADIR=$data d search checkpoint | wc -l)
[ "$n_all" -gt "$(d search '"checkpoint"' | wc -l)" ]
tap_ok $? "with the endings, checkpoint finds checkpoints ($n_all lines)"

printf '# no plural\ned ing\n' >"$data/search/en.txt"
n_less=$(DOSSIER_DATADIR=$data d search checkpoint | wc -l)
[ "$n_less" -lt "$n_all" ]
tap_ok $? "without the ending s, it finds fewer ($n_less lines)"

printf 's ed\nhalf-way\n' >"$data/search/en.txt"
err=$(DOSSIER_DATADIR=$data d search checkpoint 2>&1); rc=$?
[ $rc -eq 1 ] && grep -qF "$data/search/en.txt:2: 'half-way' is not an ending" <<<"$err"
tap_ok $? "an ending the index splits is an error naming file and line (got $err)"

printf '[endings]\ns\n' >"$data/search/en.txt"
err=$(DOSSIER_DATADIR=$data d search checkpoint 2>&1); rc=$?
[ $rc -eq 1 ] && grep -qF "$data/search/en.txt:2: a line under [endings]" <<<"$err"
tap_ok $? "a section is an error naming file and line (got $err)"

printf 'after a ı\n' >"$data/search/en.txt"
err=$(DOSSIER_DATADIR=$data d search checkpoint 2>&1); rc=$?
[ $rc -eq 1 ] && grep -qF "$data/search/en.txt:1: expected 'after VOWELS : VOWELS'" <<<"$err"
tap_ok $? "a vowel harmony line without its colon is an error naming file and line (got $err)"

rm "$data/search/en.txt"
cp "$top_srcdir"/data/search/az.txt "$data/search/"
got=$(DOSSIER_DATADIR=$data d search --json danışıq | grep -c Danışıqlar)
[ "$got" -ge 1 ]; tap_ok $? "with the vowel harmony of az, danışıq still finds danışıqlar"

# data/search/en.txt is what its generator writes from Debian's word list
# and Snowball: the same endings in the same order.
words=/usr/share/dict/american-english
gen="$top_builddir/data/search/gen/endings"
if [ -r "$words" ] && [ -x "$gen" ]; then
	"$gen" english 100 <"$words" | cut -f1 | grep -vx -- - >"$TEST_TMP/made"
	grep -v '^#' "$top_srcdir/data/search/en.txt" | tr -s ' ' '\n' | grep . >"$TEST_TMP/kept"
	cmp -s "$TEST_TMP/made" "$TEST_TMP/kept" && [ -s "$TEST_TMP/kept" ]
	tap_ok $? "data/search/en.txt is what data/search/gen/endings makes from wamerican"
else
	[ -r "$words" ]
	tap_ok $? "wamerican's word list is installed (./bootstrap installs it)"
fi

tap_done
