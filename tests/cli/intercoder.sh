#!/bin/bash
# tests/cli/intercoder.sh: coders and their agreement through the real
# binary. Two coders (each named by `set coder NAME` in their own config)
# code seed articles 1 and 2; a third article is coded by one of them
# only and must not count. Per tag, the agreement, Cohen's kappa and
# Krippendorff's alpha are checked against values worked out by hand
# below, with the list of disagreements; the coder recorded on each
# annotation survives export and import; the login name is the coder
# when none is set; bad input is a one-line error.
. "$top_srcdir/tests/tui/lib.sh"

SEEDS="$SEEDS_DIR/seeds"
[ -d "$SEEDS" ] || { echo "Bail out! seed corpus missing: $SEEDS"; exit 1; }
DB="$TEST_TMP/c.db"
for who in alice bob; do
	mkdir -p "$TEST_TMP/$who/dossier"
	echo "set coder $who" >"$TEST_TMP/$who/dossier/config"
done
as() { local who=$1; shift; XDG_CONFIG_HOME="$TEST_TMP/$who" "$DOSSIER" --db "$DB" "$@"; }
an() { as "$@" >/dev/null || echo "annotate failed: $*" >&2; }

as alice -q import "$SEEDS"/00[0-2]_*.txt >/dev/null 2>&1
tap_ok $? "three seed articles import"

# The stored sentences of the two articles both coders code: article 1
# has 13, article 2 has 14, so there are 27 units. Where each quote lies:
#   1:4  "Lavrov then clarified the operational framework ..."
#   1:5  "He asserted that the regime and mode of operation ..."
#   1:9 | 1:10  "... resolving bilateral tensions. Participants explored ..."
#   2:3  "These initiatives align with the provisions ..."
#   2:5  "The Russian side, underscoring the urgency, called for prompt action ..."
#   2:10 "Both ministers voiced their endorsement ..."
an alice annotate 1 --quote "Lavrov then clarified" --tag claim
an alice annotate 1 --quote "He asserted that the regime" --tag claim
an alice annotate 2 --quote "called for prompt action" --tag claim
an alice annotate 1 --quote "bilateral tensions. Participants explored" --tag demand
an alice annotate 3 --quote "Lachin" --tag claim
an bob annotate 1 --quote "the operational framework" --tag claim
an bob annotate 2 --quote "The Russian side" --tag claim
an bob annotate 2 --quote "Both ministers voiced" --tag claim
an bob annotate 1 --quote "Participants explored the potential" --tag demand
an bob annotate 2 --quote "These initiatives align" --tag denial
gone=$(as bob annotate 1 --quote "He asserted" --tag denial | cut -f1)
as bob delete-annotation "$gone" >/dev/null
[ "$(as alice annotations --coder alice | wc -l)" -eq 5 ] &&
	[ "$(as alice annotations --coder bob | wc -l)" -eq 5 ]
tap_ok $? "each annotation records its coder from the config; --coder filters"

# By hand, N = 27 units:
# claim:  both {1:4, 2:5}, alice only {1:5}, bob only {2:10}, neither 23.
#   agreement 25/27 = 92.6%; each coded 3: pe = (3*3 + 24*24)/729 = 585/729,
#   kappa = (675 - 585)/(729 - 585) = 0.625; alpha: n = 54, n1 = 6,
#   n0 = 48, o01 = 2: 1 - 53*2/(6*48) = 0.632.
# demand: both {1:10}, alice only {1:9}, neither 25: agreement 26/27 =
#   96.3%; pe = (2*1 + 25*26)/729 = 652/729, kappa = (702 - 652)/(729 - 652)
#   = 0.649; alpha: n1 = 3, n0 = 51, o01 = 1: 1 - 53/153 = 0.654.
# denial: bob only {2:3} (his denial at 1:5 was deleted): agreement 96.3%;
#   alice never coded it, so pe = po and kappa = 0; alpha: n1 = 1, n0 = 53,
#   o01 = 1: 1 - 53/53 = 0.
# Article 3, coded by alice alone, is not a unit.
out=$(as alice intercoder --coders alice,bob)
expected='articles coded by both: 2; sentences: 27
tag	sentences	both	alice only	bob only	neither	agreement	kappa	alpha
claim	27	2	1	1	23	92.6%	0.625	0.632
demand	27	1	1	0	25	96.3%	0.649	0.654
denial	27	0	0	1	26	96.3%	0.000	0.000

disagreements:
claim	article 1	sentence 5	coded by alice
claim	article 2	sentence 10	coded by bob
demand	article 1	sentence 9	coded by alice
denial	article 2	sentence 3	coded by bob'
[ "$out" = "$expected" ]
tap_ok $? "per tag: agreement, kappa, alpha and the disagreements, as worked by hand"
[ "$out" != "$expected" ] && tap_diag "$out"

out=$(as alice intercoder --coders bob,alice --tag demand)
expected='articles coded by both: 2; sentences: 27
tag	sentences	both	bob only	alice only	neither	agreement	kappa	alpha
demand	27	1	0	1	25	96.3%	0.649	0.654

disagreements:
demand	article 1	sentence 9	coded by alice'
[ "$out" = "$expected" ]
tap_ok $? "--tag demand, coders swapped: the same coefficients"
[ "$out" != "$expected" ] && tap_diag "$out"

out=$(as alice intercoder --coders alice,bob --json)
python3 - "$out" <<'EOF'
import json, sys
j = json.loads(sys.argv[1])
t = {r["tag"]: r for r in j["tags"]}
assert j["coders"] == ["alice", "bob"] and j["articles"] == 2 and j["units"] == 27, j
c = t["claim"]
assert (c["both"], c["first_only"], c["second_only"], c["neither"]) == (2, 1, 1, 23), c
assert abs(c["kappa"] - 0.625) < 1e-6 and abs(c["alpha"] - (1 - 106 / 288)) < 1e-6, c
assert abs(c["agreement"] - 2500 / 27) < 1e-4, c
assert abs(t["demand"]["kappa"] - 50 / 77) < 1e-6 and abs(t["demand"]["alpha"] - 100 / 153) < 1e-6
assert t["denial"]["kappa"] == 0 and t["denial"]["alpha"] == 0
d = [(x["tag"], x["article"], x["sentence"], x["coder"]) for x in j["disagreements"]]
assert d == [("claim", 1, 5, "alice"), ("claim", 2, 10, "bob"), ("demand", 1, 9, "alice"),
             ("denial", 2, 3, "bob")], d
EOF
tap_ok $? "--json: the same counts, coefficients and disagreements"

# Every unit alike (neither coded it): kappa and alpha are undefined.
an alice annotate 1 --quote "Lavrov Discusses" --tag fact
an bob annotate 1 --quote "Lavrov Discusses" --tag fact
as alice intercoder --coders alice,bob --tag fact | grep -qx $'fact\t27\t1\t0\t0\t26\t100.0%\t1.000\t1.000'
tap_ok $? "perfect agreement on a tag: 1 and 1"

# Another coder's export keeps their name when imported elsewhere.
as bob export --coder bob -o "$TEST_TMP/bob.json" 2>/dev/null
grep -q '"creator":{"type":"Person","name":"bob"}' "$TEST_TMP/bob.json"
tap_ok $? "export writes the coder as the W3C creator"
DB2="$TEST_TMP/other.db"
XDG_CONFIG_HOME="$TEST_TMP/alice" "$DOSSIER" --db "$DB2" -q import "$SEEDS"/00[0-2]_*.txt >/dev/null 2>&1
XDG_CONFIG_HOME="$TEST_TMP/alice" "$DOSSIER" --db "$DB2" import-annotations "$TEST_TMP/bob.json" >/dev/null 2>&1
theirs=$(XDG_CONFIG_HOME="$TEST_TMP/alice" "$DOSSIER" --db "$DB2" annotations --coder bob | cut -f2-)
[ "$(as bob annotations --coder bob | cut -f2-)" = "$theirs" ] && [ "$(wc -l <<<"$theirs")" -eq 6 ]
tap_ok $? "imported by alice, bob's six annotations are still bob's"

# No coder set: the login name.
mkdir -p "$TEST_TMP/none"
XDG_CONFIG_HOME="$TEST_TMP/none" LOGNAME=carol "$DOSSIER" --db "$DB" annotate 2 \
	--quote "Moscow played host" --tag claim >/dev/null
as alice annotations --coder carol --json | grep -q '"name":"carol"'
tap_ok $? "without 'set coder', the login name is the coder"

# Bad input: one line, naming what is wrong.
err=$(as alice intercoder --coders alice,zoe 2>&1 >/dev/null); rc=$?
[ $rc -ne 0 ] && [ "$err" = "dossier: intercoder: no annotations by a coder named 'zoe'" ]
tap_ok $? "an unknown coder is a one-line error"
[ $rc -eq 0 ] || [ "$(printf '%s\n' "$err" | wc -l)" -ne 1 ] && tap_diag "$err"
err=$(as alice intercoder --coders alice 2>&1 >/dev/null)
[ $? -ne 0 ] && [ "$(printf '%s\n' "$err" | wc -l)" -le 2 ] && grep -q 'two names' <<<"$err"
tap_ok $? "--coders with one name is refused"
err=$(as alice annotations --coder zoe 2>&1 >/dev/null)
[ $? -ne 0 ] && [ "$err" = "dossier: annotations: no annotations by a coder named 'zoe'" ]
tap_ok $? "annotations --coder with an unknown coder is a one-line error"

tap_done
