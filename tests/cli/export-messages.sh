#!/bin/bash
# tests/cli/export-messages.sh: an export says where it wrote, how many
# annotations and in which format and why; a tag or an article that does
# not exist is an error, not an empty collection; a file that cannot be
# written is named as the user gave it; the import-annotations summary is
# a report, not an error line.
. "$top_srcdir/tests/tui/lib.sh"

db="$TEST_TMP/e.db"
d() { "$DOSSIER" --db "$db" "$@"; }
cd "$TEST_TMP" || exit 1

printf 'Talks in Baku\n\nSergey Lavrov said on Monday that the talks would go on.\n' >t.txt
d -q import t.txt >/dev/null 2>&1 && d annotate 1 --quote "talks would go on" --tag fact >/dev/null
tap_ok $? "an article with one annotation"

err=$(d export x.txt 2>&1 >/dev/null); rc=$?
[ $rc -eq 0 ] && [ "$err" = "exported 1 annotation to x.txt as W3C Web Annotation JSON (the default: the name ends in none of .csv, .md, .qdpx, .qdc; --format chooses)" ] &&
	head -c 1 x.txt | grep -q '{'
tap_ok $? "export x.txt says it wrote JSON and why ($err)"
err=$(d export notes.csv 2>&1 >/dev/null); rc=$?
[ $rc -eq 0 ] && [ "$err" = "exported 1 annotation to notes.csv as CSV (the name ends in .csv)" ]
tap_ok $? "export notes.csv: CSV, from the name ($err)"
err=$(d export --format markdown notes.txt 2>&1 >/dev/null); rc=$?
[ $rc -eq 0 ] && [ "$err" = "exported 1 annotation to notes.txt as Markdown (--format)" ]
tap_ok $? "export --format: said so ($err)"
err=$(d -q export quiet.json 2>&1 >/dev/null); [ -z "$err" ] && [ -s quiet.json ]
tap_ok $? "--quiet: nothing said"
err=$(d export 2>&1 >/dev/null); [ -z "$err" ]; tap_ok $? "to standard output: nothing said on stderr"

out=$(d export --tag nosuchtag 2>"$TEST_TMP/err"); rc=$?
[ $rc -eq 1 ] && [ -z "$out" ] && [ "$(cat "$TEST_TMP/err")" = "dossier: export: no tag named 'nosuchtag' (dossier tag lists them)" ]
tap_ok $? "export --tag nosuchtag: an error, status 1 ($(cat "$TEST_TMP/err"))"
out=$(d export --article 99 2>"$TEST_TMP/err"); rc=$?
[ $rc -eq 1 ] && [ -z "$out" ] && grep -qx "dossier: export: no article 99" "$TEST_TMP/err"
tap_ok $? "export --article 99: an error, status 1"
d export --tag claim >/dev/null 2>&1; tap_ok $? "a parent tag of the codebook is no error"
d export -o nothing.json --tag fact --article 1 2>/dev/null && [ -s nothing.json ]; tap_ok $? "an existing tag and article export"

err=$(d export /nonexistent/dir/x.md 2>&1); rc=$?
[ $rc -eq 1 ] && [ "$err" = "dossier: export: /nonexistent/dir/x.md: cannot write there: No such file or directory" ]
tap_ok $? "an unwritable path is named as given ($err)"
[[ $err != *tmp* && $err != *XXXXXX* ]]; tap_ok $? "no temporary name in the message"

err=$(d import-annotations x.txt 2>&1 >/dev/null); rc=$?
[ $rc -eq 0 ] && [ "$err" = "imported annotations from x.txt: 0 added, 0 updated, 1 unchanged, 0 refused, 0 orphaned (quote not found)" ]
tap_ok $? "the import-annotations summary is no error line ($err)"

tap_done
