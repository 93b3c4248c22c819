#!/bin/bash
# tests/cli/report.sh: dossier report on the seed articles, coded here by
# `dossier annotate`: each report's counts, worked out by hand from the
# highlights below, in --csv and --json; the bar chart's and the heat
# map's shape (Unicode and ASCII); a timeline against `statements`; bad
# names as one-line errors; nothing from the database printed raw.
. "$top_srcdir/tests/tui/lib.sh"

: "${PYTHON3:=python3}"
[ -n "$PYTHON3" ] || PYTHON3=python3
SEEDS="$SEEDS_DIR/seeds"
[ -d "$SEEDS" ] || { echo "Bail out! seed corpus missing: $SEEDS"; exit 1; }
DB="$TEST_TMP/r.db"
d() { "$DOSSIER" --db "$DB" "$@"; }
py() { "$PYTHON3" - "$@"; }
pyc() { "$PYTHON3" -c "$@"; }

d -q import "$SEEDS"/00[0-4]_*.txt >/dev/null 2>&1
tap_ok $? "five seed articles import"
# Dates and outlets, which the plain-text seeds lack: articles 1-5 in
# January (1, 2), February (3) and March (4, 5); outlets A and B.
py "$DB" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for i, d in enumerate(["2023-01-10", "2023-01-25", "2023-02-28", "2023-03-02", "2023-03-21"], 1):
    db.execute("UPDATE articles SET published = ?, outlet = ? WHERE id = ?",
               (d, "Outlet " + ("A" if i % 2 else "B"), i))
db.commit()
EOF
tap_ok $? "articles dated"

# The coding. Article 3's second sentence holds three highlights (claim +
# fact on one, demand on another beside it), naming the November 2020
# agreement; article 4's names the Declaration on Allied Interaction.
n=0
a() { d annotate "$@" >/dev/null && n=$((n + 1)); }
a 3 --quote "there would not be checkpoints on the Lachin Corridor" --tag claim \
	--speaker "Sergey Lavrov"
a 3 --quote "in strict conformity with the November 9, 2020 agreement" --tag claim --tag fact \
	--speaker "Sergey Lavrov"
a 3 --quote "traffic through the Lachin corridor must be regulated" --tag demand \
	--speaker "Sergey Lavrov"
a 3 --quote "The setting up of any checkpoint there is not envisioned" --tag denial \
	--speaker "Sergey Lavrov"
a 3 --quote "strict conformity" --tag claim/unverified --speaker "Sergey Lavrov"
a 5 --quote "called on Armenia’s allies" --tag demand --speaker "Ararat Mirzoyan"
a 5 --quote "is ready to assist Armenia and Azerbaijan" --tag commitment --speaker "Sergey Lavrov"
a 4 --quote "do not align with the Declaration" --tag accusation --speaker Azerbaijan
a 1 --quote "Lachin corridor" --tag claim --speaker "Sergey Lavrov"
gone=$(d annotate 2 --quote "Lachin" --tag claim --speaker "Sergey Lavrov" | cut -f1) && n=$((n + 1))
d delete-annotation "$gone" >/dev/null
[ "$n" -eq 10 ]; tap_ok $? "ten highlights made, one deleted (it counts nowhere)"

# --- frequency ---------------------------------------------------------------------
out=$(d report frequency --csv | tr -d '\r')
expected='tag,segments,articles
claim,3,2
demand,2,2
accusation,1,1
claim/unverified,1,1
commitment,1,1
denial,1,1
fact,1,1
opinion,0,0
proposal,0,0'
[ "$out" = "$expected" ]; tap_ok $? "frequency --csv: per tag, segments and articles, unused tags at 0"
[ "$out" = "$(d report frequency --json | pyc '
import json, sys
print("tag,segments,articles")
for r in json.load(sys.stdin): print("%s,%d,%d" % (r["tag"], r["segments"], r["articles"]))' 2>&1)" ]
tap_ok $? "frequency --json: the same numbers"
out=$(d report frequency --tag claim --csv | tr -d '\r')
[ "$out" = $'tag,segments,articles\nclaim,3,2\nclaim/unverified,1,1' ]
tap_ok $? "--tag claim: claim and the tags nested in it"

out=$(d report frequency --per month --csv | tr -d '\r')
expected='tag,month,segments,articles
accusation,2023-03,1,1
claim,2023-01,1,1
claim,2023-02,2,1
claim/unverified,2023-02,1,1
commitment,2023-03,1,1
demand,2023-02,1,1
demand,2023-03,1,1
denial,2023-02,1,1
fact,2023-02,1,1'
[ "$out" = "$expected" ]; tap_ok $? "frequency --per month"
out=$(d report frequency --per outlet --tag demand --csv | tr -d '\r')
[ "$out" = $'tag,outlet,segments,articles\ndemand,Outlet A,2,2' ]
tap_ok $? "frequency --per outlet"
out=$(d report frequency --per speaker --tag claim --json | pyc '
import json, sys
for r in json.load(sys.stdin): print(r["tag"], r["speaker"], r["segments"], r["articles"])')
[ "$out" = $'claim Sergey Lavrov 3 2\nclaim/unverified Sergey Lavrov 1 1' ]
tap_ok $? "frequency --per speaker --json"
out=$(d report frequency --per article --tag claim --csv | pyc '
import csv, sys
for r in list(csv.reader(sys.stdin))[1:]: print(",".join(r[:2] + r[3:]))')
[ "$out" = $'claim,3,2,1\nclaim,1,1,1\nclaim/unverified,3,1,1' ]
tap_ok $? "frequency --per article: most coded article first"
out=$(d report frequency --per month)
expected='  month    segments  articles
accusation
  2023-03         1         1
claim
  2023-01         1         1
  2023-02         2         1'
[ "$(head -6 <<<"$out")" = "$expected" ]; tap_ok $? "the table groups a frequency by tag"

# --- matrices ----------------------------------------------------------------------
out=$(d report matrix speaker --csv | tr -d '\r' | cut -d, -f2-)
expected='speaker,claim,denial,demand,accusation,commitment,fact,claim/unverified,total
Sergey Lavrov,3,1,1,0,1,1,1,8
Ararat Mirzoyan,0,0,1,0,0,0,0,1
Azerbaijan,0,0,0,1,0,0,0,1'
[ "$out" = "$expected" ]; tap_ok $? "matrix speaker: a column per tag used, in the codebook's order"
out=$(d report matrix article --json | pyc '
import json, sys
for r in json.load(sys.stdin):
    print(r["article"], r["total"], " ".join("%s=%d" % kv for kv in r["counts"].items() if kv[1]))')
expected='3 6 claim=2 denial=1 demand=1 fact=1 claim/unverified=1
5 2 demand=1 commitment=1
1 1 claim=1
4 1 accusation=1'
[ "$out" = "$expected" ]; tap_ok $? "matrix article --json: counts by tag"
# Rows most coded first; rows of one total in the order of the agreements'
# ids, which follow the knowledge base's files: compared as a set.
out=$(d report matrix agreement --csv | tr -d '\r' | cut -d, -f2-)
expected='agreement,claim,demand,accusation,commitment,fact,claim/unverified,total
Trilateral statement of 9-10 November 2020,2,1,0,0,1,1,5'
ties='Armenia-Azerbaijan peace treaty,0,0,0,1,0,0,1
Declaration on Allied Interaction (Azerbaijan-Russia),0,0,1,0,0,0,1'
[ "$(head -2 <<<"$out")" = "$expected" ] && [ "$(tail -n +3 <<<"$out" | sort)" = "$ties" ]
tap_ok $? "matrix agreement: the agreement named in each highlight's sentence"

# --- co-occurrence -------------------------------------------------------------------
out=$(d report cooccurrence --csv | tr -d '\r')
expected='a,b,b_kind,sentences
claim,demand,tag,1
claim,fact,tag,1
demand,fact,tag,1
demand,claim/unverified,tag,1
fact,claim/unverified,tag,1
claim,claim/unverified,tag,1'
[ "$(sort <<<"$out")" = "$(sort <<<"$expected")" ] && [ "$(head -1 <<<"$out")" = "a,b,b_kind,sentences" ]
tap_ok $? "cooccurrence: tags coding one sentence, once a sentence"
out=$(d report cooccurrence --within overlap --csv | tr -d '\r' | sort)
expected='a,b,b_kind,overlaps
claim,claim/unverified,tag,1
claim,fact,tag,1
fact,claim/unverified,tag,1'
[ "$out" = "$(sort <<<"$expected")" ]; tap_ok $? "cooccurrence --within overlap: one highlight or two overlapping"
out=$(d report cooccurrence --within overlap --entities --tag accusation --json | pyc '
import json, sys
for r in json.load(sys.stdin): print(r["a"], r["b"], r["b_kind"], r["overlaps"])')
[ "$out" = "accusation Declaration on Allied Interaction (Azerbaijan-Russia) agreement 1" ]
tap_ok $? "cooccurrence --entities: the entity a highlight overlaps"

# --- timeline ----------------------------------------------------------------------
out=$(d report timeline --by Lavrov --csv | tr -d '\r')
got=$(tail -n +2 <<<"$out" | pyc '
import csv, sys
for r in csv.reader(sys.stdin): print(r[2])' | sort -n)
want=$(d statements --by Lavrov --json | pyc '
import json, sys
for s in json.load(sys.stdin): print(s["id"])' | sort -n)
[ -n "$want" ] && [ "$got" = "$want" ]; tap_ok $? "timeline --by: the actor's statements ($(wc -l <<<"$want"))"
tail -n +2 <<<"$out" | pyc '
import csv, sys
rows = list(csv.reader(sys.stdin))
dates = [r[1] for r in rows]
assert dates == sorted(dates), dates
assert all(r[0] == r[1][:7] for r in rows)
sent = [r for r in rows if r[7].startswith("Russian Foreign Minister Sergey Lavrov said Tuesday")]
assert len(sent) == 1 and sent[0][5] == "claim", sent
both = [r for r in rows if "strict conformity" in r[7]]
assert len(both) == 1 and both[0][5] == "claim; claim/unverified; demand; fact", both'
tap_ok $? "timeline: oldest first, by month, each statement with the tags over it"
months=$(d report timeline --by Lavrov --chart --csv | tr -d '\r')
want=$(tail -n +2 <<<"$out" | pyc '
import csv, sys, collections
c = collections.Counter(r[0] for r in csv.reader(sys.stdin))
print("month,statements,tagged")
for m in sorted(c): print("%s,%d,%d" % (m, c[m], 0))' | cut -d, -f1,2)
[ "$(cut -d, -f1,2 <<<"$months")" = "$want" ]; tap_ok $? "timeline --chart --csv: statements per month"
tagged=$(tail -n +2 <<<"$months" | cut -d, -f3 | paste -sd+ | bc)
[ "$tagged" -eq 5 ]; tap_ok $? "five of them carry a tag ($tagged)"
out=$(d report timeline --by Lavrov --tag denial --csv | tr -d '\r' | tail -n +2 | cut -d, -f1,4,6)
[ "$out" = "2023-02,3,denial" ]; tap_ok $? "timeline --tag: the statements carrying it"
AGR="Declaration on Allied Interaction (Azerbaijan-Russia)"
out=$(d report timeline --about "$AGR" --json | pyc '
import json, sys
for r in json.load(sys.stdin): print(r["statement"], r["article"], r["tags"])')
want=$(d statements --about "$AGR" --json | pyc '
import json, sys
for s in json.load(sys.stdin): print(s["id"])' | sort -n)
[ -n "$want" ] && [ "$(cut -d' ' -f1 <<<"$out" | sort -n)" = "$want" ] &&
	grep -qx '[0-9]* 4 accusation' <<<"$out"
tap_ok $? "timeline --about an agreement: the statements naming it, with their tags"

# --- pictures ------------------------------------------------------------------------
out=$(COLUMNS=60 LC_ALL=C.UTF-8 d report frequency --chart)
py "$out" <<'EOF'
import sys
lines = sys.argv[1].split("\n")
assert len(lines) == 9, lines
full = 60 - len("claim/unverified  ") - 1 - 1    # labels, a space, the widest number
bars = {}
for l in lines:
    label, rest = l[:18].strip(), l[18:]
    bar = rest.rstrip(" 0123456789")
    bars[label] = bar.rstrip()
    assert l.endswith(" " + l.split()[-1])
# claim (3) fills the width; demand (2) two thirds; 1 a third; 0 nothing.
assert bars["claim"] == "\u2588" * full, (len(bars["claim"]), full)
eighths = lambda b: 8 * b.count("\u2588") + sum(8 - (ord(c) - 0x2588) for c in b if c != "\u2588")
assert eighths(bars["demand"]) == round(2 * full * 8 / 3), eighths(bars["demand"])
assert eighths(bars["fact"]) == round(full * 8 / 3)
assert bars["opinion"] == ""
EOF
tap_ok $? "bar chart: one scale, the largest filling the width, eighths of a cell"
out=$(COLUMNS=60 LC_ALL=C d report frequency --chart)
LC_ALL=C grep -q '[^ -~]' <<<"$out"; [ $? -eq 1 ] && grep -qx 'claim  *#\{40\} 3' <<<"$out"
tap_ok $? "a locale that is not UTF-8 gets ASCII bars"
[ "$(COLUMNS=60 LC_ALL=C.UTF-8 d report frequency --chart --ascii)" = "$out" ]
tap_ok $? "--ascii: the same"
out=$(LC_ALL=C.UTF-8 d report matrix speaker --chart)
py "$out" <<'EOF'
import sys
lines = sys.argv[1].split("\n")
head, rows, legend = lines[0], lines[1:-1], lines[-1]
assert head.split()[2:] == ["claim", "denial", "demand", "accusation", "commitment", "fact",
                            "claim/unverif…", "total"] or head.split()[2:5] == ["claim", "denial", "demand"], head
cols = head.index("claim"), head.index("denial"), head.index("accusation")
lav = next(l for l in rows if "Sergey Lavrov" in l)
aze = next(l for l in rows if "Azerbaijan" in l)
# Lavrov's 3 claims are the darkest shade, his 1 denial the second of four
# (levels are ceil(4 * v / 3)); a 0 is blank; each cell fills its column.
assert lav[cols[0]:cols[0] + 5] == "\u2588" * 5, lav
assert lav[cols[1]:cols[1] + 6] == "\u2592" * 6, lav
assert aze[cols[2]:cols[2] + 10] == "\u2592" * 10 and aze[cols[0]:cols[0] + 5] == " " * 5, aze
assert legend == "\u2592\u2592 1  \u2593\u2593 2  \u2588\u2588 3", legend
EOF
tap_ok $? "heat map: shaded cells filling each tag's column, a legend of the shades"
out=$(LC_ALL=C.UTF-8 d report matrix speaker --chart --ascii)
pyc 'import sys; sys.exit(any(0x2580 <= ord(c) <= 0x259f for c in sys.argv[1]))' "$out" &&
	grep -q '^ *[0-9]* Sergey Lavrov  *##### :::::: ' <<<"$out" &&
	[ "$(tail -1 <<<"$out")" = ":: 1  ** 2  ## 3" ]
tap_ok $? "heat map in ASCII"

# --- orphans -------------------------------------------------------------------------
# An orphan (an imported highlight whose quote was not found) counts in the
# totals, as the codebook counts it, but not where positions are compared:
# its offsets belong to another version of the article.
py "$DB" <<'EOF2'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE annotations SET state = 'orphaned' WHERE article_id = 1 AND quote = 'Lachin corridor'")
db.commit()
EOF2
out=$(d report frequency --tag claim --csv | tr -d '\r')
[ "$out" = $'tag,segments,articles\nclaim,3,2\nclaim/unverified,1,1' ]
tap_ok $? "an orphan counts in the frequency"
out=$(d report matrix agreement --csv | tr -d '\r' | cut -d, -f2- | grep '^Trilateral')
[ "$out" = 'Trilateral statement of 9-10 November 2020,1,1,0,0,1,1,4' ]
tap_ok $? "but names no agreement in a sentence ($out)"
out=$(d report timeline --by Lavrov --chart --csv | tr -d '\r' | grep '^2023-01,' | cut -d, -f3)
[ "$out" = 0 ]; tap_ok $? "and tags no statement"

# Another program's write (a tag added to every highlight by SQL, not by
# dossier): the positional reports count its articles again, and keep
# them; on a file that cannot be written they count them directly.
before=$(d report cooccurrence --csv)
py "$DB" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("INSERT OR IGNORE INTO annotation_tags SELECT id, (SELECT id FROM tags WHERE name = 'fact')"
           " FROM annotations WHERE state = 'active'")
db.commit()
EOF
cp "$DB" "$TEST_TMP/ro.db" && chmod 0444 "$TEST_TMP/ro.db"
stale=$(sqlite3 "$DB" "SELECT count(*) FROM coding_stale")
ro=$("$DOSSIER" --db "$TEST_TMP/ro.db" report cooccurrence --csv 2>&1)
rw=$(d report cooccurrence --csv)
[ "$stale" -gt 0 ] && [ "$rw" != "$before" ] && [ "$ro" = "$rw" ] &&
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM coding_stale")" = 0 ] &&
	[ "$(sqlite3 "$TEST_TMP/ro.db" "SELECT count(*) FROM coding_stale")" = "$stale" ] &&
	d check >/dev/null
tap_ok $? "a tag added by SQL: co-occurrence counts its $stale articles again (read-only: directly)"

# --- errors and safety ----------------------------------------------------------------
err=$(d report frequency --tag nosuch 2>&1); rc=$?
[ $rc -eq 1 ] && [ "$(wc -l <<<"$err")" -eq 1 ] && grep -q "no tag is named 'nosuch'" <<<"$err"
tap_ok $? "an unknown tag: one line, status 1 ($err)"
err=$(d report timeline --by 'Nobody Atall' 2>&1); rc=$?
[ $rc -eq 1 ] && [ "$(wc -l <<<"$err")" -eq 1 ] && grep -q "no entity is named 'Nobody Atall'" <<<"$err"
tap_ok $? "an unknown actor: one line, status 1"
d report matrix nothing >/dev/null 2>&1; [ $? -eq 2 ]; tap_ok $? "a matrix of nothing: usage error"
d report timeline >/dev/null 2>&1; [ $? -eq 2 ]; tap_ok $? "a timeline of nobody: usage error"
d report nosuch >/dev/null 2>&1; [ $? -eq 2 ]; tap_ok $? "an unknown report: usage error"
d report frequency --csv --json >/dev/null 2>&1; [ $? -eq 2 ]; tap_ok $? "--csv and --json: usage error"

py "$DB" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE articles SET outlet = 'Evil\x1b]0;owned\x07 Press', title = 'T\x1b[2J' WHERE id = 5")
db.commit()
EOF
out=$(d report frequency --per outlet; d report matrix article; d report frequency --per outlet --chart)
! grep -q $'\x1b' <<<"$out" && ! grep -q $'\x07' <<<"$out" && grep -qF 'Evil^[]0;owned^G Press' <<<"$out"
tap_ok $? "text from the database is printed through the safe-text rule"

tap_done
