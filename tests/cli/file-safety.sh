#!/bin/bash
# tests/cli/file-safety.sh: what dossier writes never lands on what it must
# not: export refuses the database (by name, link or inode) and any SQLite
# file, a device or FIFO, and an existing file unless --force; its
# temporary files cannot be planted (a link under the old predictable name
# is left alone); an export keeps the mode of the file it replaces and is
# private when new; backup refuses to write over the database it copies.
. "$top_srcdir/tests/tui/lib.sh"

: "${PYTHON3:=python3}"
[ -n "$PYTHON3" ] || PYTHON3=python3
DB="$TEST_TMP/f.db"
ART="$TEST_TMP/talks.txt"
d() { "$DOSSIER" --db "$DB" "$@"; }
count() { "$PYTHON3" -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(
	"SELECT (SELECT count(*) FROM articles) || \"/\" || (SELECT count(*) FROM annotations)").fetchone()[0])' "$1"; }
umask 022

cat >"$ART" <<'TXT'
Talks in Moscow

The foreign ministers met in Moscow on Tuesday. The minister said the corridor would reopen within a week.
TXT
d -q import "$ART" && d annotate 1 --quote "would reopen" --note "check" >/dev/null
tap_ok $? "an article and an annotation"
before=$(count "$DB")

# --- export -o over the database -----------------------------------------------------
err=$(d export -o "$DB" 2>&1); rc=$?
[ $rc -eq 1 ] && [ "$(wc -l <<<"$err")" -eq 1 ] && grep -q "is the database in use" <<<"$err" &&
	[ "$(count "$DB")" = "$before" ]
tap_ok $? "export -o DATABASE: refused in one line, nothing lost ($err)"
err=$(d export --force -o "$DB" 2>&1); rc=$?
[ $rc -eq 1 ] && [ "$(count "$DB")" = "$before" ]
tap_ok $? "--force does not make it write over the database ($err)"
ln "$DB" "$TEST_TMP/hard.db" && ln -s "$DB" "$TEST_TMP/sym.db"
err=$(d export --force -o "$TEST_TMP/hard.db" 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "is the database in use" <<<"$err" && [ "$(count "$DB")" = "$before" ]
tap_ok $? "nor through a hard link ($err)"
err=$(d export --force -o "$TEST_TMP/sym.db" 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "is the database in use" <<<"$err" && [ -L "$TEST_TMP/sym.db" ]
tap_ok $? "nor through a symbolic link ($err)"
"$PYTHON3" -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("CREATE TABLE t(x)"); c.commit()' \
	"$TEST_TMP/other.db"
err=$(DOSSIER_DB="$DB" "$DOSSIER" export --force -o "$TEST_TMP/other.db" 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "other.db: a SQLite database file" <<<"$err" &&
	[ "$(head -c 15 "$TEST_TMP/other.db")" = "SQLite format 3" ]
tap_ok $? "nor over another program's SQLite file ($err)"

# --- not a regular file ---------------------------------------------------------------
mkfifo "$TEST_TMP/fifo"
err=$(d export --force -o "$TEST_TMP/fifo" 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "not a regular file" <<<"$err" && [ -p "$TEST_TMP/fifo" ]
tap_ok $? "a FIFO is not replaced by the export ($err)"
mkdir "$TEST_TMP/dir"
err=$(d export --force -o "$TEST_TMP/dir" 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "not a regular file" <<<"$err" && [ -d "$TEST_TMP/dir" ]
tap_ok $? "nor a directory ($err)"

# --- an existing file -------------------------------------------------------------------
echo "my own notes" >"$TEST_TMP/notes.md"
err=$(d export -o "$TEST_TMP/notes.md" 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "notes.md: already exists; --force replaces it" <<<"$err" &&
	[ "$(cat "$TEST_TMP/notes.md")" = "my own notes" ]
tap_ok $? "an existing file is kept without --force ($err)"
chmod 0640 "$TEST_TMP/notes.md"
d export --force --format markdown -o "$TEST_TMP/notes.md" && grep -q '^> would reopen$' "$TEST_TMP/notes.md"
tap_ok $? "--force replaces it"
[ "$(stat -c %a "$TEST_TMP/notes.md")" = 640 ]
tap_ok $? "keeping its mode (got $(stat -c %a "$TEST_TMP/notes.md"))"
d export -o "$TEST_TMP/new.json" && [ "$(stat -c %a "$TEST_TMP/new.json")" = 600 ]
tap_ok $? "a new export is private, whatever the umask (got $(stat -c %a "$TEST_TMP/new.json"))"
[ -z "$(find "$TEST_TMP" -name '.*.??????' -o -name '*.tmp.*')" ]
tap_ok $? "no temporary file left behind"

# --- temporary files cannot be planted ------------------------------------------------
# The process keeps the shell's pid through exec: a link planted under
# the name a predictable temporary file would take.
echo "precious" >"$TEST_TMP/victim"
bash -c 'ln -s "$1" "$2.tmp.$$" && exec "$3" --db "$4" export -o "$2"' _ \
	"$TEST_TMP/victim" "$TEST_TMP/planted.json" "$DOSSIER" "$DB"
[ "$(cat "$TEST_TMP/victim")" = precious ] && grep -q AnnotationCollection "$TEST_TMP/planted.json"
tap_ok $? "export: a planted link is not followed"
bash -c 'ln -s "$1" "$2.tmp.$$" && exec "$3" --db "$4" backup "$2"' _ \
	"$TEST_TMP/victim" "$TEST_TMP/planted.db" "$DOSSIER" "$DB" >/dev/null
[ "$(cat "$TEST_TMP/victim")" = precious ] && [ "$(count "$TEST_TMP/planted.db")" = "$before" ]
tap_ok $? "backup: a planted link is not followed"
[ "$(stat -c %a "$TEST_TMP/planted.db")" = 600 ]; tap_ok $? "the backup is private"
ln -s "$TEST_TMP/victim" "$TEST_TMP/link.json"
d export --force -o "$TEST_TMP/link.json" && [ "$(cat "$TEST_TMP/victim")" = precious ] &&
	[ ! -L "$TEST_TMP/link.json" ]
tap_ok $? "a link given as the output is replaced, not followed"

# --- backup -------------------------------------------------------------------------------
err=$(d backup "$DB" 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "is the database in use" <<<"$err" && [ "$(count "$DB")" = "$before" ]
tap_ok $? "backup over the database itself: refused ($err)"
d backup "$TEST_TMP/planted.db" >/dev/null && [ "$(count "$TEST_TMP/planted.db")" = "$before" ]
tap_ok $? "backup over an older backup still works"

# --- whose database: other programs' files are refused, untouched --------------------------
"$PYTHON3" - "$TEST_TMP/other-app.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript("CREATE TABLE contacts(name, phone); INSERT INTO contacts VALUES ('a', '1');"
                "PRAGMA user_version = 7;")
c.close()
PY
sum_before=$(sha256sum <"$TEST_TMP/other-app.db")
for cmd in list "import $ART" tag "annotations"; do
	# shellcheck disable=SC2086
	err=$(DOSSIER_DB="$TEST_TMP/other-app.db" "$DOSSIER" $cmd 2>&1); rc=$?
	[ $rc -eq 1 ] && [ "$(wc -l <<<"$err")" -eq 1 ] &&
		grep -q "other-app.db: not a dossier database (it holds another program's tables)" <<<"$err" &&
		[ "$(sha256sum <"$TEST_TMP/other-app.db")" = "$sum_before" ] &&
		[ ! -e "$TEST_TMP/other-app.db-wal" ] && [ ! -e "$TEST_TMP/other-app.db-journal" ]
	tap_ok $? "another program's database: '$cmd' refuses it in one line, the file untouched ($err)"
done
"$PYTHON3" - "$TEST_TMP/marked.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript("PRAGMA application_id = 1234; CREATE TABLE t(x);")
c.close()
PY
err=$("$DOSSIER" --db "$TEST_TMP/marked.db" list 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "marked.db: another program's database (application id 0x4d2)" <<<"$err"
tap_ok $? "a file marked with another application id is refused ($err)"
: >"$TEST_TMP/empty.db"
"$DOSSIER" --db "$TEST_TMP/empty.db" -q import "$ART" &&
	[ "$("$PYTHON3" -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(
		"PRAGMA application_id").fetchone()[0])' "$TEST_TMP/empty.db")" = 1685025651 ]
tap_ok $? "an empty file becomes a dossier database, marked as dossier's"
[ "$("$PYTHON3" -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(
	"PRAGMA application_id").fetchone()[0])' "$DB")" = 1685025651 ]
tap_ok $? "so does a new one"

# A database an older dossier made (no application id) is known by its
# tables and marked by the first command that opens it.
"$PYTHON3" -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("PRAGMA application_id = 0"); c.commit()' "$DB"
d list >/dev/null && [ "$("$PYTHON3" -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(
	"PRAGMA application_id").fetchone()[0])' "$DB")" = 1685025651 ] && [ "$(count "$DB")" = "$before" ]
tap_ok $? "an older dossier database is kept and marked"

# --- not a file: nothing is made beside a device ------------------------------------------
err=$(DOSSIER_DB=/dev/null "$DOSSIER" list 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "/dev/null: not a regular file" <<<"$err" && [ ! -e /dev/null-journal ] &&
	[ ! -e /dev/null-wal ] && [ -c /dev/null ]
tap_ok $? "DOSSIER_DB=/dev/null is refused, no file made beside it ($err)"
err=$("$DOSSIER" --db "$TEST_TMP/dir" list 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "dir: not a regular file" <<<"$err" && [ ! -e "$TEST_TMP/dir-journal" ]
tap_ok $? "so is a directory ($err)"

# --- private from the first file on --------------------------------------------------------
# A writer in the middle of its work holds the WAL and shared memory open:
# here a second connection reads while dossier imports a large file.
mkdir -p "$TEST_TMP/big"
"$PYTHON3" - "$TEST_TMP/big" <<'PY'
import sys
for i in range(40):
    open("%s/a%02d.txt" % (sys.argv[1], i), "w").write(
        "Article %d\n\n" % i + ("Talks resumed in Brussels on Monday. " * 3000) + "%d\n" % i)
PY
"$DOSSIER" --db "$TEST_TMP/new.db" -q import "$TEST_TMP/big" &
pid=$!
modes=""
for _ in $(seq 1 500); do
	[ -e "$TEST_TMP/new.db-wal" ] && [ -e "$TEST_TMP/new.db-shm" ] && {
		modes=$(stat -c '%a' "$TEST_TMP/new.db" "$TEST_TMP/new.db-wal" "$TEST_TMP/new.db-shm" | tr '\n' ' ')
		break
	}
	sleep 0.01
done
wait $pid
[ "$modes" = "600 600 600 " ]
tap_ok $? "the database, its WAL and shared memory are 0600 while in use (got '$modes')"

# --- kb export: the same rules as export -o ----------------------------------------------
err=$(d kb export "$DB" 2>&1); rc=$?
[ $rc -eq 1 ] && [ "$(wc -l <<<"$err")" -eq 1 ] && grep -q "is the database in use" <<<"$err" &&
	[ "$(count "$DB")" = "$before" ]
tap_ok $? "kb export DATABASE: refused in one line, nothing lost ($err)"
err=$(d kb export --force "$TEST_TMP/sym.db" 2>&1); rc=$?
[ $rc -eq 1 ] && [ -L "$TEST_TMP/sym.db" ] && [ "$(count "$DB")" = "$before" ]
tap_ok $? "nor with --force through a link ($err)"
echo "mine" >"$TEST_TMP/kb.tsv"
err=$(d kb export "$TEST_TMP/kb.tsv" 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "kb.tsv: already exists; --force replaces it" <<<"$err" &&
	[ "$(cat "$TEST_TMP/kb.tsv")" = "mine" ]
tap_ok $? "kb export over an existing file asks for --force ($err)"
d kb export --force "$TEST_TMP/kb.tsv" && head -1 "$TEST_TMP/kb.tsv" | grep -q "dossier knowledge base"
tap_ok $? "kb export --force replaces it"

tap_done
