#!/bin/bash
# tests/cli/title-mentions.sh: the entities an article's title names
# (schema 19). A state of the knowledge base named in the title alone and
# a person the body found, named in the title again, are the article's
# (actors, counted as mentions), listed by `mentions` with the title as
# their words' context (in the title's characters), and met by `eval`; a
# capitalized name the title alone has is found by no one; an entity
# added to the knowledge base is found in the titles that name it, and a
# dismissed candidate's title mentions go.
. "$top_srcdir/tests/tui/lib.sh"

db="$TEST_TMP/t.db"
d() { "$DOSSIER" --db "$db" "$@"; }

printf '«Eritrea» warns Zerihun Tadesse and the Kolmar Assembly\n\nThe minister Zerihun Tadesse said on Monday that the talks would go on. Tadesse added that the port was open.\n' \
	>"$TEST_TMP/red.txt"
d -q import "$TEST_TMP/red.txt" >/dev/null 2>&1
tap_ok $? "the article imports"

out=$(d actors 1)
grep -Eq '^ +[0-9]+ +Eritrea +1 mention' <<<"$out"
tap_ok $? "actors: the state the title alone names, one mention (got: $(tr '\n' ' ' <<<"$out"))"
out=$(d actors --candidates 1)
grep -Eq '^ +[0-9]+ +Zerihun Tadesse +3 mentions' <<<"$out" && ! grep -q Kolmar <<<"$out"
tap_ok $? "actors: the person the body found counts the title's mention; no name from the title alone (got: $(tr '\n' ' ' <<<"$out"))"

out=$(d mentions Eritrea)
grep -Eq '^ +1 +1-8 +headline +Eritrea +«Eritrea» warns' <<<"$out"
tap_ok $? "mentions: the title's, in its characters, the title as context (got: $(tr '\n' ' ' <<<"$out"))"
out=$(d mentions --bytes Eritrea)
grep -Eq '^ +1 +2-9 +headline +Eritrea' <<<"$out"
tap_ok $? "mentions --bytes: the title's bytes (got: $(tr '\n' ' ' <<<"$out"))"
out=$(d mentions --json 'Zerihun Tadesse')
"${PYTHON3:-python3}" -c 'import json, sys
rows = json.load(sys.stdin)
assert [r["how"] for r in rows][0] == "headline" and rows[0]["text"] == "Zerihun Tadesse", rows
assert len(rows) == 3 and all(r["how"] != "headline" for r in rows[1:]), rows' <<<"$out"
tap_ok $? "mentions --json: the title's first, then the body's (got: $out)"

mkdir -p "$TEST_TMP/g"
printf '# file\tkind\tname\tforms\nred.txt\tstate\tEritrea\tEritrea\nred.txt\tperson\tZerihun Tadesse\tZerihun Tadesse|Tadesse\n' \
	>"$TEST_TMP/g/entities.tsv"
printf '# file\tspeaker\tfirst words\n' >"$TEST_TMP/g/statements.tsv"
out=$(d eval "$TEST_TMP/g")
grep -q 'entities *recall 1.000 (2/2) *precision 1.000 (2/2)' <<<"$out"
tap_ok $? "eval: the title's state is found (got: $(tr '\n' ' ' <<<"$out"))"

d -q kb add organization 'Kolmar Assembly' >/dev/null 2>&1 &&
	d actors 1 | grep -Eq '^ +[0-9]+ +Kolmar Assembly +1 mention'
tap_ok $? "kb add: the article whose title names the new entity is analysed again and names it"
d -q kb dismiss 'Zerihun Tadesse' >/dev/null 2>&1 &&
	! d actors --candidates 1 | grep -q 'Zerihun' &&
	[ "$("${PYTHON3:-python3}" -c 'import sqlite3, sys
q = "SELECT count(*) FROM title_mentions t JOIN entities e ON e.id = t.entity_id WHERE e.name = ?"
print(sqlite3.connect(sys.argv[1]).execute(q, ("Zerihun Tadesse",)).fetchone()[0])' "$db")" = 0 ]
tap_ok $? "kb dismiss: the candidate's title mentions go with its mentions"
tap_done
