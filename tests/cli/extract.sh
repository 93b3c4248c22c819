#!/bin/bash
# tests/cli/extract.sh: actors, mentions, statements, related, eval and the
# knowledge-base commands, on the seed articles imported the ordinary way.
. "$top_srcdir/tests/tui/lib.sh"

db="$TEST_TMP/x.db"
d() { "$DOSSIER" --db "$db" "$@"; }
py=${PYTHON3:-python3}
seeds="$SEEDS_DIR/seeds"
gold="$SEEDS_DIR/seeds-gold"
[ -d "$seeds" ] || { echo "Bail out! seed corpus not found at $seeds"; exit 1; }

d -q import "$seeds" >/dev/null 2>&1; rc=$?
[ $rc -eq 0 ]; tap_ok $? "the seed articles import with extraction (status $rc)"

# The quality floors hold through the whole pipeline, cleaning included.
out=$(d eval --json "$gold"); rc=$?
[ $rc -eq 0 ]; tap_ok $? "eval runs (status $rc)"
floors=$("$py" -c '
import json, sys
s = json.loads(sys.argv[1])
bad = [k for k, f in (("entity_recall", .95), ("entity_precision", .90),
       ("statement_recall", .90), ("statement_precision", .85), ("related_found", .80))
       if s[k] < f]
print(" ".join(bad))' "$out")
[ -z "$floors" ]; tap_ok $? "eval: every floor holds${floors:+ (below: $floors)}"
d eval "$gold" | grep -q '^statements   recall'; tap_ok $? "eval prints a table"

id=$(d list | awk '/Lachin Corridor Talks/ { print $1 }')
out=$(d actors "$id")
grep -q 'Sergey Lavrov' <<<"$out" && grep -q '^person' <<<"$out" && grep -q '^agreement' <<<"$out"
tap_ok $? "actors ARTICLE: grouped by kind"
d actors --json "$id" | "$py" -c 'import json,sys; a=json.load(sys.stdin); assert any(e["name"]=="Trilateral statement of 9-10 November 2020" for e in a)'
tap_ok $? "actors --json: valid, with the agreement named by date"
d actors | grep -q 'in 5 articles'; tap_ok $? "actors: the corpus, with article counts"

out=$(d mentions 'Sergei Lavrov'); rc=$?
[ $rc -eq 0 ] && grep -q 'Lavrov' <<<"$out"; tap_ok $? "mentions by an alias"
d mentions --json Lavrov | "$py" -c 'import json,sys; a=json.load(sys.stdin); assert all(m["text"] for m in a) and len(a) > 10'
tap_ok $? "mentions --json: the words of each mention"
err=$(d mentions 'Nobody Atall' 2>&1 >/dev/null); rc=$?
[ $rc -eq 1 ] && [ "$(wc -l <<<"$err")" -eq 1 ] && grep -q "Nobody Atall" <<<"$err"
tap_ok $? "mentions of an unknown name: one line, status 1"

# Four of his own, and "Both ministers voiced ..." after "the
# Lavrov-Bayramov bilateral meeting": the two ministers both speak.
out=$(d statements --by Bayramov)
[ "$(wc -l <<<"$out")" -eq 6 ] && grep -q 'Both ministers voiced' <<<"$out"
tap_ok $? "statements --by: Bayramov's four, and one of the two ministers'"
d statements --about 'Minsk agreements' | grep -q 'Sergey Lavrov'; tap_ok $? "statements --about an agreement"
d statements --json | "$py" -c 'import json,sys; a=json.load(sys.stdin); assert len(a) > 40 and all("speaker" in s for s in a)'
tap_ok $? "statements --json"

sid=$(d statements --by Bayramov | awk 'NR==2 { print $1 }')
out=$(d related "$sid"); rc=$?
[ $rc -eq 0 ] && [ "$(wc -l <<<"$out")" -gt 1 ]; tap_ok $? "related: the statement and its related ones"
d related --json "$sid" | "$py" -c 'import json,sys; a=json.load(sys.stdin); assert a and all(r["article"] and r["score"] > 0 for r in a)'
tap_ok $? "related --json: ranked, with article and score"
d related 999999 >/dev/null 2>&1; [ $? -eq 1 ]; tap_ok $? "related of no such statement: status 1"

# The knowledge base: the user's additions.
cat >"$TEST_TMP/new.txt" <<'TXT'
Talks in Ankara

Turkish Foreign Minister Hakan Fidan met Lavrov in Ankara. Fidan said the talks were useful. Deputy Minister Aylin Sekizkok attended.
TXT
d -q import "$TEST_TMP/new.txt" >/dev/null 2>&1
out=$(d actors --candidates)
grep -q 'Aylin Sekizkok' <<<"$out"; tap_ok $? "a person after a title is a candidate"
d statements --by 'Hakan Fidan' | grep -q 'Fidan said'; tap_ok $? "the knowledge base knows Fidan: his statement"
d kb promote 'Aylin Sekizkok' && ! d actors --candidates | grep -q Sekizkok && d actors | grep -q Sekizkok
tap_ok $? "kb promote: a candidate becomes an entity"
d kb export | grep -q "^person	Aylin Sekizkok"; tap_ok $? "kb export: the promoted person is the user's"

d kb add person 'Kemal Yildirimtepe' Yildirimtepe 2>/dev/null; rc=$?
[ $rc -eq 0 ] && d kb export | grep -q "^person	Kemal Yildirimtepe	Yildirimtepe"
tap_ok $? "kb add: a person with an alias"
printf 'Border talk\n\nYildirimtepe said the border would open.\n\nA second paragraph.\n' >"$TEST_TMP/y.txt"
d -q import "$TEST_TMP/y.txt" >/dev/null 2>&1
d statements --by 'Kemal Yildirimtepe' | grep -q 'border would open'; tap_ok $? "the added person is found in new articles"
d kb alias Russia 'Federation of the Bear' >/dev/null 2>&1 && d kb export | grep -q "^state	Russia	Federation of the Bear$"
tap_ok $? "kb alias: only the user's alias is exported"
d kb add place 'Sergey Lavrov' 2>/dev/null; [ $? -eq 1 ]; tap_ok $? "kb add: a name taken by another kind is refused"

printf 'person\tAnna Testova\tTestova\nnonsense\tline\nplace\tTestgrad\n' >"$TEST_TMP/add.tsv"
err=$(d kb import "$TEST_TMP/add.tsv" 2>&1 >/dev/null); rc=$?
[ $rc -eq 3 ] && grep -q "add.tsv:2: expected a kind" <<<"$err" && [ "$(grep -c . <<<"$err")" -eq 1 ]
tap_ok $? "kb import: a bad line named file:line, the rest loaded, status 3 (got $rc: $err)"
d kb export --json | "$py" -c 'import json,sys; a=json.load(sys.stdin); n=[e["name"] for e in a]; assert "Anna Testova" in n and "Testgrad" in n'
tap_ok $? "kb export --json"

# A changed shipped knowledge base is read again; the user's rows stay.
mkdir -p "$TEST_TMP/data"
cp -r "$DOSSIER_DATADIR"/. "$TEST_TMP/data/"
printf 'person\tShipped Newperson\tNewperson\n' >>"$TEST_TMP/data/kb/people.tsv"
printf 'A new voice\n\nNewperson said so.\n' >"$TEST_TMP/z.txt"
DOSSIER_DATADIR="$TEST_TMP/data" d -q import "$TEST_TMP/z.txt" >/dev/null 2>&1
d statements --by 'Shipped Newperson' | grep -q 'said so'; tap_ok $? "a changed shipped file is loaded"
d kb export | grep -q "Federation of the Bear" && d kb export | grep -q "Kemal Yildirimtepe"
tap_ok $? "the user's additions survive it"
d kb export --all | grep -q "^person	Shipped Newperson"; tap_ok $? "kb export --all: everything"

tap_done
