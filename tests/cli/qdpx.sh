#!/bin/bash
# tests/cli/qdpx.sh: REFI-QDA exchange through the real binary. A project
# coded by two coders (tags recoloured and nested, notes, memos on the
# project, an article, a tag and a highlight, text with accents) is
# exported as .qdpx; its project.qde is validated against the standard's
# schema (tests/data/refi-qda/Project.xsd) with xmllint; imported into an
# empty database and exported again, it is the same project (codes,
# colours, hierarchy, selections at the same character positions with
# their GUIDs, notes, memos, coders). A second import changes nothing.
# The codebook alone (.qdc) carries the tags' memos as descriptions and
# validates against the standard's Codebook schema (Codebook.xsd). A
# project written by hand as another tool writes one (braced upper-case
# GUIDs, text inside the XML, a grouping code, a PDF) is read, with what
# cannot be kept named; files that are no project are one-line errors.
. "$top_srcdir/tests/tui/lib.sh"

SEEDS="$SEEDS_DIR/seeds"
[ -d "$SEEDS" ] || { echo "Bail out! seed corpus missing: $SEEDS"; exit 1; }
XSD="$top_srcdir/tests/data/refi-qda/Project.xsd"
QDC_XSD="$top_srcdir/tests/data/refi-qda/Codebook.xsd"
command -v xmllint >/dev/null || { echo "Bail out! xmllint missing (Debian: libxml2-utils)"; exit 1; }
"$DOSSIER" export --format qdpx -o "$TEST_TMP/probe.qdpx" 2>&1 | grep -q "without libzip" &&
	{ echo "1..0 # SKIP built without libzip"; exit 0; }
PY=${PYTHON3:-python3}
DB="$TEST_TMP/a.db"
for who in alice bob; do
	mkdir -p "$TEST_TMP/$who/dossier"
	echo "set coder $who" >"$TEST_TMP/$who/dossier/config"
done
as() { local who=$1; shift; XDG_CONFIG_HOME="$TEST_TMP/$who" "$DOSSIER" --db "$DB" "$@"; }
qde() { "$PY" -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("project.qde").decode())' "$1"; }
# The project without what differs between two exports by design: when
# it was written, and the article's origin (a file here, none once read
# from a project).
norm() { qde "$1" | sed -E '2s/ creationDateTime="[^"]*"//; /^ *<Description>\/.*<\/Description>$/d'; }

printf 'Café talks in Zürich\n\nThe minister said “prices will fall” after the talks. Nobody in Zürich agreed.\n' \
	>"$TEST_TMP/cafe.txt"
as alice -q import "$SEEDS"/000_*.txt "$TEST_TMP/cafe.txt" >/dev/null 2>&1
as alice tag color claim 214 && as alice tag add claim/economic bright-red >/dev/null &&
	as alice tag add stance/pro green >/dev/null
tap_ok $? "tags recoloured, nested, and one nested under a name that is no tag"
as alice annotate 1 --quote "Lavrov" --tag claim --note 'a <note> & "quotes"' >/dev/null &&
	as alice annotate 2 --quote "prices will fall" --tag claim/economic --tag stance/pro >/dev/null &&
	as bob annotate 2 --quote "Nobody in Zürich agreed" --tag denial >/dev/null &&
	as bob annotate 1 --quote "Lachin" --tag fact >/dev/null
tap_ok $? "two coders' highlights, one with two tags, one on accented text"
hl=$(as alice annotations --coder bob | sed -n 1p | cut -f1)
as alice memo add "The corridor, spring 2023." >/dev/null &&
	as alice memo add --article 2 --title Zürich "Check the minister's words." >/dev/null &&
	as bob memo add --tag denial "A claim rejected." >/dev/null &&
	as bob memo add --annotation "$hl" "Who else disagreed?" >/dev/null
tap_ok $? "memos on the project, an article, a tag and a highlight"

as alice export -o "$TEST_TMP/a.qdpx" 2>"$TEST_TMP/msg"
grep -q "exported 4 annotations to .*a.qdpx as REFI-QDA project (the name ends in .qdpx)" "$TEST_TMP/msg"
tap_ok $? "export to a .qdpx file says what it wrote ($(cat "$TEST_TMP/msg"))"
names=$("$PY" -c 'import sys, zipfile; print(" ".join(sorted(n.split("/")[0] for n in zipfile.ZipFile(sys.argv[1]).namelist())))' "$TEST_TMP/a.qdpx")
[ "$names" = "Sources Sources project.qde" ]
tap_ok $? "the archive holds project.qde and the two coded articles' texts ($names)"
qde "$TEST_TMP/a.qdpx" >"$TEST_TMP/a.qde"
out=$(xmllint --noout --schema "$XSD" "$TEST_TMP/a.qde" 2>&1)
tap_ok $? "project.qde validates against the REFI-QDA Project schema ($out)"

"$PY" - "$TEST_TMP/a.qdpx" <<'EOF'
import sys, zipfile, xml.etree.ElementTree as ET
z = zipfile.ZipFile(sys.argv[1])
ns = {"q": "urn:QDA-XML:project:1.0"}
root = ET.fromstring(z.read("project.qde"))
users = {u.get("guid"): u.get("name") for u in root.iter("{urn:QDA-XML:project:1.0}User")}
assert sorted(users.values()) == ["alice", "bob"], users
codes = {}
def walk(c, path):
    for k in c.findall("q:Code", ns):
        p = path + [k.get("name")]
        codes["/".join(p)] = (k.get("isCodable"), k.get("color"), k.get("guid"))
        walk(k, p)
walk(root.find("q:CodeBook/q:Codes", ns), [])
assert codes["claim"][:2] == ("true", "#FFAF00"), codes["claim"]      # 214
assert codes["claim/economic"][:2] == ("true", "#FF0000"), codes["claim/economic"]
assert codes["stance"][:2] == ("false", None), codes["stance"]       # a grouping code only
assert codes["stance/pro"][:2] == ("true", "#00CD00"), codes["stance/pro"]
guid_code = {v[2]: k for k, v in codes.items()}
sel = {}
for src in root.iter("{urn:QDA-XML:project:1.0}TextSource"):
    text = z.read("Sources/" + src.get("plainTextPath")[len("internal://"):]).decode()
    for s in src.findall("q:PlainTextSelection", ns):
        a, b = int(s.get("startPosition")), int(s.get("endPosition"))
        tags = sorted(guid_code[c.find("q:CodeRef", ns).get("targetGUID")] for c in s.findall("q:Coding", ns))
        sel[text[a:b]] = (tags, users[s.get("creatingUser")], s.findtext("q:Description", None, ns))
assert sel["Lavrov"] == (["claim"], "alice", 'a <note> & "quotes"'), sel["Lavrov"]
# Character positions, not bytes: the text before it has é and ü.
assert sel["prices will fall"] == (["claim/economic", "stance/pro"], "alice", None), sel
assert sel["Nobody in Zürich agreed"] == (["denial"], "bob", None), sel
notes = {n.get("guid"): n.findtext("q:PlainTextContent", None, ns) for n in root.iter("{urn:QDA-XML:project:1.0}Note")}
mine = ["A claim rejected.", "Check the minister's words.", "The corridor, spring 2023.",
        "Who else disagreed?"]
assert sorted(v for v in notes.values() if v in mine) == mine and len(notes) == 12, notes
assert notes[root.find("q:NoteRef", ns).get("targetGUID")] == "The corridor, spring 2023."
EOF
tap_ok $? "users, nested codes with colours, selections at character positions with tags, notes and coders, memos referred to from their targets"

# Into an empty database, and out again: the same project.
B="$TEST_TMP/b.db"
out=$(XDG_CONFIG_HOME="$TEST_TMP/alice" "$DOSSIER" --db "$B" import-project "$TEST_TMP/a.qdpx" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q "2 sources (2 new), .* 4 annotations added, .* 12 memos; 0 refused" <<<"$out"
tap_ok $? "import-project into an empty database ($out)"
XDG_CONFIG_HOME="$TEST_TMP/alice" "$DOSSIER" --db "$B" export -o "$TEST_TMP/b.qdpx" 2>/dev/null
diff <(norm "$TEST_TMP/a.qdpx") <(norm "$TEST_TMP/b.qdpx") >"$TEST_TMP/diff"
tap_ok $? "exported again it is the same project: GUIDs, codes, colours, selections, notes, memos, users"
[ -s "$TEST_TMP/diff" ] && tap_diag "$(head -20 "$TEST_TMP/diff")"
"$PY" -c 'import sys, zipfile
a, b = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2])
assert sorted(a.namelist()) == sorted(b.namelist())
assert all(a.read(n) == b.read(n) for n in a.namelist() if n.startswith("Sources/"))' "$TEST_TMP/a.qdpx" "$TEST_TMP/b.qdpx"
tap_ok $? "the same sources, byte for byte"
bd() { XDG_CONFIG_HOME="$TEST_TMP/alice" "$DOSSIER" --db "$B" "$@"; }
[ "$(bd annotations --coder bob | cut -f3-)" = "$(as alice annotations --coder bob | cut -f3-)" ] &&
	"$PY" -c 'import json, sys
key = lambda m: (m["guid"], m["kind"], m.get("on"), m.get("coder"), m["title"], m["text"])
a, b = (sorted(map(key, json.loads(x))) for x in sys.argv[1:3])
assert a == b, (a, b)' "$(as alice memo list --json)" "$(bd memo list --json)"
tap_ok $? "bob's highlights are bob's; the memos are on the same targets by the same coders"

out=$(bd import-project "$TEST_TMP/a.qdpx" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q "(0 new), 0 tags added, 0 recoloured, 0 annotations added, 0 updated, 4 unchanged" <<<"$out" &&
	[ "$(bd memo list | wc -l)" -eq 12 ] && [ "$(bd list | wc -l)" = "$(as alice list | wc -l)" ] || false
tap_ok $? "a second import changes nothing ($out)"
out=$(bd check 2>&1); tap_ok $? "the imported project passes check, its report counts included ($out)"

# The codebook alone.
as alice export --format qdc >"$TEST_TMP/a.qdc"
"$PY" - "$TEST_TMP/a.qdc" <<'EOF'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "{urn:QDA-XML:codebook:1.0}CodeBook", root.tag
ns = {"c": "urn:QDA-XML:codebook:1.0"}
d = {c.get("name"): (c.get("color"), c.findtext("c:Description", None, ns)) for c in root.iter("{urn:QDA-XML:codebook:1.0}Code")}
assert d["denial"] == ("#CD0000", "a claim rejected or contradicted\n\nA claim rejected."), d["denial"]
assert d["economic"] == ("#FF0000", None), d["economic"]
EOF
tap_ok $? "export --format qdc: the codebook, a tag's memo as its description"
out=$(xmllint --noout --schema "$QDC_XSD" "$TEST_TMP/a.qdc" 2>&1)
tap_ok $? "the .qdc validates against the REFI-QDA Codebook schema ($out)"
C="$TEST_TMP/c.db"
"$DOSSIER" --db "$C" -q import-project "$TEST_TMP/a.qdc" &&
	"$DOSSIER" --db "$C" tag | grep -qP '^claim\t214\t' &&
	"$DOSSIER" --db "$C" tag | grep -qP '^stance/pro\tgreen\t' &&
	[ "$("$DOSSIER" --db "$C" memo list --tag denial | cut -f5)" = $'a claim rejected or contradicted\na claim rejected or contradicted A claim rejected.' ] &&
	"$DOSSIER" --db "$C" -q import-project "$TEST_TMP/a.qdc" &&
	[ "$("$DOSSIER" --db "$C" memo list | wc -l)" -eq 9 ]
tap_ok $? "import-project of a .qdc: tags, colours, the description as a memo (once)"

# A project as another tool writes one, by hand.
"$PY" - "$TEST_TMP/other.qdpx" <<'EOF'
import sys, zipfile
text = "Café talks in Zürich.\n\nThe minister said prices will fall."
a = text.index("prices will fall")
qde = f'''<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="other" origin="Another tool 1.0">
 <Users><User guid="{{AAAAAAAA-0000-4000-8000-000000000001}}" name="Dana Q"/></Users>
 <CodeBook><Codes>
  <Code guid="BBBBBBBB-0000-4000-8000-000000000001" name="Economy" isCodable="false">
   <Code guid="BBBBBBBB-0000-4000-8000-000000000002" name="Prices / wages" isCodable="true" color="#3A3">
    <Description>Anything on prices.</Description>
   </Code>
  </Code>
 </Codes></CodeBook>
 <Sources>
  <TextSource guid="CCCCCCCC-0000-4000-8000-000000000001" name="Talks">
   <PlainTextContent>{text}</PlainTextContent>
   <PlainTextSelection guid="DDDDDDDD-0000-4000-8000-000000000001" startPosition="{a}" endPosition="{a + 16}" creatingUser="AAAAAAAA-0000-4000-8000-000000000001">
    <Description>as reported</Description>
    <Coding guid="EEEEEEEE-0000-4000-8000-000000000001"><CodeRef targetGUID="BBBBBBBB-0000-4000-8000-000000000002"/></Coding>
    <NoteRef targetGUID="FFFFFFFF-0000-4000-8000-000000000001"/>
   </PlainTextSelection>
   <PlainTextSelection guid="DDDDDDDD-0000-4000-8000-000000000002" startPosition="5" endPosition="9999"/>
  </TextSource>
  <PDFSource guid="CCCCCCCC-0000-4000-8000-000000000002" name="scan.pdf" path="relative://scan.pdf"/>
 </Sources>
 <Notes><Note guid="FFFFFFFF-0000-4000-8000-000000000001" name="memo" creatingUser="AAAAAAAA-0000-4000-8000-000000000001"><PlainTextContent>Dana's memo</PlainTextContent></Note></Notes>
</Project>'''
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("project.qde", qde)
EOF
O="$TEST_TMP/o.db"
out=$("$DOSSIER" --db "$O" import-project "$TEST_TMP/other.qdpx" 2>&1); rc=$?
[ $rc -eq 3 ] && grep -q "1 sources (1 new), 1 tags added, .*1 annotations added.*2 memos; 2 refused" <<<"$out" &&
	grep -q "PDFSource 'scan.pdf' left out" <<<"$out" &&
	grep -q "selection DDDDDDDD-0000-4000-8000-000000000002: its positions are not a span of the text" <<<"$out"
tap_ok $? "another tool's project: read, with the PDF and a bad selection named and counted (status 3)"
[ $rc -eq 3 ] || tap_diag "$out"
row=$("$DOSSIER" --db "$O" annotations)
[ "$(cut -f5-7 <<<"$row")" = $'Economy/Prices - wages\tprices will fall\tas reported' ] &&
	"$DOSSIER" --db "$O" annotations --coder "Dana Q" | grep -q "prices will fall" &&
	"$DOSSIER" --db "$O" tag | grep -qP '^Economy/Prices - wages\t71\t' &&
	[ "$("$DOSSIER" --db "$O" memo list | tail -n 2 | cut -f2,3,5)" = $'tag Economy/Prices - wages\t-\tAnything on prices.\nannotation 1\tDana Q\tDana'"'"'s memo' ] &&
	"$DOSSIER" --db "$O" annotations --json | grep -q '"id":"urn:uuid:dddddddd-0000-4000-8000-000000000001"'
tap_ok $? "its code path, nearest colour (#3A3 is 71), quote at character positions, note, coder, memos and GUID kept"

# Files that are no project: one line each, nothing stored.
printf 'hello' >"$TEST_TMP/x.qdpx"
err=$("$DOSSIER" --db "$O" import-project "$TEST_TMP/x.qdpx" 2>&1); rc=$?
[ $rc -eq 1 ] && [ "$(wc -l <<<"$err")" -eq 1 ] && grep -q "x.qdpx.*not well-formed XML" <<<"$err"
tap_ok $? "not a project: one line naming the file ($err)"
"$PY" -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1], "w").writestr("other.txt", "x")' "$TEST_TMP/y.qdpx"
err=$("$DOSSIER" --db "$O" import-project "$TEST_TMP/y.qdpx" 2>&1); rc=$?
[ $rc -eq 1 ] && [ "$err" = "dossier: import-project: $TEST_TMP/y.qdpx: no project.qde in the archive" ]
tap_ok $? "a ZIP without project.qde: one line ($err)"
printf '<?xml version="1.0"?>\n<!DOCTYPE Project [<!ENTITY x "y">]>\n<Project xmlns="urn:QDA-XML:project:1.0" name="&x;"/>\n' >"$TEST_TMP/dtd.qde"
err=$("$DOSSIER" --db "$O" import-project "$TEST_TMP/dtd.qde" 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "declares a DTD" <<<"$err"
tap_ok $? "a document with a DTD is refused ($err)"
[ "$("$DOSSIER" --db "$O" annotations | wc -l)" -eq 1 ] && [ "$("$DOSSIER" --db "$O" list | wc -l)" -eq 1 ]
tap_ok $? "the refused files stored nothing"
tap_done
