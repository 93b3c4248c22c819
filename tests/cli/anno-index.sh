#!/bin/bash
# tests/cli/anno-index.sh: importing many notes on one article indexes the
# article once, not once per note: the full-text index ends up within a few
# times the size a fresh build of it has (re-indexing per note leaves a
# copy of the body's postings per note behind), it agrees with the notes stored, and search
# finds imported, changed and removed notes as they now are.
. "$top_srcdir/tests/tui/lib.sh"

: "${PYTHON3:=python3}"
[ -n "$PYTHON3" ] || PYTHON3=python3
ART="$TEST_TMP/long.txt"
"$PYTHON3" - "$ART" <<'PY'
import random, sys
r = random.Random(1)
words = ("talks ministers corridor agreement border delegation treaty statement week "
         "capital envoy summit").split()
paras = [" ".join(r.choice(words) for _ in range(60)).capitalize() + "." for _ in range(60)]
open(sys.argv[1], "w").write("Long talks\n\n" + "\n\n".join(paras) + "\n")
PY
"$DOSSIER" --db "$TEST_TMP/src.db" -q import "$ART" &&
	"$DOSSIER" --db "$TEST_TMP/src.db" annotate 1 0 10 --note "seed" >/dev/null &&
	"$DOSSIER" --db "$TEST_TMP/src.db" export -o "$TEST_TMP/one.json"
tap_ok $? "an article and one exported annotation"
# notes.py N OUT [PREFIX]: N annotations of that article, each with a note.
notes() {
	"$PYTHON3" - "$TEST_TMP/one.json" "$@" <<'PY'
import copy, json, sys, uuid
doc = json.load(open(sys.argv[1]))
n, out = int(sys.argv[2]), sys.argv[3]
prefix = sys.argv[4] if len(sys.argv) > 4 else "noted"
a = doc["first"]["items"][0]
items = []
for i in range(n):
    b = copy.deepcopy(a)
    b["id"] = "urn:uuid:" + str(uuid.UUID(int=i + 1))
    b["modified"] = "2030-01-01T00:00:%02d.%03dZ" % (len(prefix), i % 1000)
    for body in b["body"]:
        if body.get("purpose") == "commenting":
            body["value"] = "%s zebra%d" % (prefix, i)
    items.append(b)
doc["first"]["items"], doc["total"] = items, n
json.dump(doc, open(out, "w"))
PY
}
notes 300 "$TEST_TMP/many.json" && notes 300 "$TEST_TMP/changed.json" "changedx"
DB="$TEST_TMP/d.db"
d() { "$DOSSIER" --db "$DB" "$@"; }
d -q import "$ART"
err=$(d import-annotations "$TEST_TMP/many.json" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q "300 added" <<<"$err"; tap_ok $? "300 notes on one article imported ($err)"

index_check() {
	"$PYTHON3" - "$DB" <<'PY'
import shutil, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
size = lambda c: c.execute("SELECT sum(length(block)) FROM articles_fts_data").fetchone()[0]
now = size(db)
# The same index built fresh from what is stored.
shutil.copy(sys.argv[1], sys.argv[1] + ".fresh")
fresh = sqlite3.connect(sys.argv[1] + ".fresh")
fresh.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
fresh.commit()
ref = size(fresh)
# Each import may leave one old copy of the article's postings until
# FTS5 merges its segments; one per note is what must not happen.
assert now <= 4 * ref, "index %d bytes, a fresh one %d" % (now, ref)
db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
pending = db.execute("SELECT count(*) FROM fts_pending").fetchone()[0]
assert pending == 0, "articles left pending: %d" % pending
print("index %d bytes, fresh %d" % (now, ref))
PY
}
out=$(index_check 2>&1); tap_ok $? "the index is built once and agrees with the notes ($out)"
hits() { d search "$1" | grep -c 'Long talks'; }
[ "$(hits zebra299)" -eq 1 ] && [ "$(hits 'notes:zebra0')" -eq 1 ]
tap_ok $? "search finds the imported notes"

err=$(d import-annotations "$TEST_TMP/changed.json" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q "300 updated" <<<"$err"; tap_ok $? "300 newer notes replace them ($err)"
out=$(index_check 2>&1); tap_ok $? "the index still agrees ($out)"
[ "$(hits changedx)" -eq 1 ] && [ "$(hits noted)" -eq 0 ]
tap_ok $? "search finds the new notes, not the old ones"

tap_done
