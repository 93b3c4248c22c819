#!/bin/bash
# tests/bench/smoke.sh: bench/run --smoke on a tiny corpus with this build's
# binaries, so the harness cannot rot. It checks that the harness runs and
# prints its whole table; it never looks at a timing.
. "$top_srcdir/tests/tui/lib.sh"

py=${PYTHON3:-python3}
[ -n "$py" ] || py=python3
out=$("$py" "$top_srcdir/bench/run" --smoke --build "$top_builddir" \
	--cache "$TEST_TMP/cache" 2>"$TEST_TMP/err"); rc=$?
[ $rc -eq 0 ]; tap_ok $? "bench/run --smoke exits 0 (got $rc)"
[ $rc -eq 0 ] || tap_diag "$(tail -20 "$TEST_TMP/err")"

grep -q '^| figure ' <<<"$out"; tap_ok $? "prints the table header"
for fig in 'import [0-9,]* articles, no extraction' 'with extraction' 'vs notmuch new' 'peak RSS' \
	'alias matching' 'segmentation + wrapping' 'search latency p50' \
	'related latency p95' 'reader first screen' 'newsboat first screen' \
	'key G in a' 'instructions' 'saved web pages'; do
	grep -q "^| $fig\|^| .*$fig" <<<"$out"; tap_ok $? "row: $fig"
done
# Every row has the table's seven columns.
bad=$(grep '^|' <<<"$out" | awk -F'|' 'NF != 9' | head -3)
[ -z "$bad" ]; tap_ok $? "every row has seven cells${bad:+: $bad}"

# --large: the figures at a larger size (2,000 articles in a smoke run)
# beside the others, the large database built in steps and cached.
out=$("$py" "$top_srcdir/bench/run" --smoke --large --only large --build "$top_builddir" \
	--cache "$TEST_TMP/cache" 2>"$TEST_TMP/err"); rc=$?
[ $rc -eq 0 ]; tap_ok $? "bench/run --smoke --large exits 0 (got $rc)"
[ $rc -eq 0 ] || tap_diag "$(tail -20 "$TEST_TMP/err")"
for fig in 'import 1,000 new articles into 2,000 (articles/s)' \
	'import the first 1,000 articles (s, once, cached)' \
	'list latency p95, 2,000 articles' 'search latency p95, 2,000 articles' \
	'reader first screen, 2,000 articles' 'database size ÷ corpus text, 2,000'; do
	grep -qF "| $fig" <<<"$out"; tap_ok $? "row: $fig"
done
bad=$(grep '^| import ' <<<"$out" | grep -c 'import failed\|not built\|measured when')
[ "$bad" = 0 ]; tap_ok $? "the large imports ran, new articles into a copy of the cached database with this build"
ls "$TEST_TMP"/cache/db-n2000-*.done >/dev/null 2>&1; tap_ok $? "the large database is cached"

# The generator is deterministic for a seed.
"$py" "$top_srcdir/bench/gen-corpus" "$TEST_TMP/g1" -n 3 -s 7 --aliases 50 -j 1 &&
"$py" "$top_srcdir/bench/gen-corpus" "$TEST_TMP/g2" -n 3 -s 7 --aliases 50 -j 1 &&
diff -r "$TEST_TMP/g1" "$TEST_TMP/g2" >/dev/null
tap_ok $? "gen-corpus is deterministic for a seed"
w=$(sed 1d "$TEST_TMP/g1/articles/000/000001.txt" | wc -w)
[ "$w" -ge 380 ] && [ "$w" -le 1600 ]; tap_ok $? "an article has 400-1,500 words (got $w)"
LC_ALL=C grep -q $'[\x80-\xff]' "$TEST_TMP/g1/aliases.txt"; tap_ok $? "aliases include non-ASCII spellings"

# bench/analysis-ab: the same binary twice gives the same analysis; a
# binary whose links come out otherwise is caught, the table named.
seeds="${SEEDS_DIR:-$top_srcdir/../shared/corpus}/seeds"
[ -d "$seeds" ]; tap_ok $? "the seed articles at $seeds"
out=$("$py" "$top_srcdir/bench/analysis-ab" "$top_builddir/dossier" "$top_builddir/dossier" \
	"$seeds" 1 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q '^  statement_links: [1-9][0-9]* rows, the same' <<<"$out"
tap_ok $? "analysis-ab: one binary against itself, the links compared (got $rc)"
# A dossier whose import halves every link's score.
printf '#!/bin/sh\n"%s" "$@" || exit\n[ "$4" = import ] && sqlite3 "$2" "UPDATE statement_links SET score = score / 2"\nexit 0\n' \
	"$top_builddir/dossier" >"$TEST_TMP/other"
chmod +x "$TEST_TMP/other"
out=$("$py" "$top_srcdir/bench/analysis-ab" "$top_builddir/dossier" "$TEST_TMP/other" \
	"$seeds" 1 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q 'differ: statement_links: row 1 ' <<<"$out"
tap_ok $? "analysis-ab: a binary whose links differ is named, status 1 (got $rc)"

tap_done
