#!/bin/bash
# tests/cli/import.sh: `dossier import`: files, directories, standard input,
# the refusals and warnings (one line each, naming the file and place), the
# summary, --quiet, the progress bar, and the exit statuses.
. "$top_srcdir/tests/tui/lib.sh"

D="$TEST_TMP/in"
mkdir -p "$D"
db="$TEST_TMP/a.db"
imp() { "$DOSSIER" --db "$db" import "$@"; }
titles() { "$DOSSIER" --db "$db" list --limit 0 --json |
	"$PYTHON3" -c 'import json,sys; print("\n".join(a["title"] for a in json.load(sys.stdin)))'; }

printf 'First title\n\nBody one has a few words. More text follows here.\n' >"$D/one.txt"
err=$(imp "$D/one.txt" 2>&1 >/dev/null); rc=$?
[ $rc -eq 0 ] && [ "$err" = "imported 1 article, 0 duplicates, 0 refused" ]
tap_ok $? "one file: status 0 and a one-line summary (got $rc: $err)"
err=$(imp "$D/one.txt" 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$err" = "imported 0 articles, 1 duplicate, 0 refused" ]
tap_ok $? "the same file again is a duplicate (got $rc: $err)"
printf 'First title\n\nBody one has a few words. More text follows here, changed.\n' >"$D/one.txt"
err=$(imp "$D/one.txt" 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$err" = "imported 1 article (1 new version), 0 duplicates, 0 refused" ]
tap_ok $? "a changed file is a new version (got $rc: $err)"
"$DOSSIER" --db "$db" show --json 2 | "$PYTHON3" -c '
import json, sys
a = json.load(sys.stdin)
assert a["previous_id"] == 1 and a["body"].endswith("follows here, changed."), a'
tap_ok $? "the new version is linked to the old one"

err=$(printf 'From a pipe\nText read from standard input.\n' | imp - 2>&1); rc=$?
[ $rc -eq 0 ] && titles | grep -qx 'From a pipe'; tap_ok $? "standard input with - (got $rc: $err)"

# Bad input: each refusal one line naming the file, the batch goes on.
printf 'Bad bytes\nab\xffcd and \xc3 more.\n' >"$D/bad.txt"
printf 'Has a NUL\nab\0cd\n' >"$D/nul.txt"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' >"$D/pic.txt"
: >"$D/empty.txt"
head -c 3000 /dev/zero | tr '\0' 'x' >"$D/big.txt"
printf '<html><body><p>Unclosed <b>bold<p>Second <i>para</table></span>' >"$D/broken.html"
printf '<?xml version="1.0"?>\n<rss version="2.0"><channel>\n<item><title>x</title>\n<description>y</item>\n</channel></rss>\n' >"$D/broken.rss"
printf 'Good after bad\nThis one is fine.\n' >"$D/zgood.txt"

err=$(imp "$D/bad.txt" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -qx "dossier: warning: $D/bad.txt: invalid UTF-8 at byte 12 replaced with U+FFFD (2 sequences)" <<<"$err"
tap_ok $? "invalid UTF-8: a warning naming file and byte, status 0 (got $rc: $err)"
id=$("$DOSSIER" --db "$db" search --json 'Bad bytes' | "$PYTHON3" -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
"$DOSSIER" --db "$db" show --json "$id" | "$PYTHON3" -c '
import json, sys
assert json.load(sys.stdin)["body"] == "ab\ufffdcd and \ufffd more."'
tap_ok $? "the bad bytes are stored as U+FFFD"

err=$(imp "$D/nul.txt" 2>&1); rc=$?
[ $rc -eq 3 ] && grep -qx "dossier: import: $D/nul.txt: NUL byte at byte 12: binary data, not text" <<<"$err"
tap_ok $? "NUL: refused naming the file and offset, status 3 (got $rc: $err)"
err=$(imp "$D/pic.txt" 2>&1); rc=$?
[ $rc -eq 3 ] && grep -qx "dossier: import: $D/pic.txt: binary file (a PNG image), not text" <<<"$err"
tap_ok $? "binary: refused, status 3 (got $rc: $err)"
err=$(imp "$D/empty.txt" 2>&1); rc=$?
[ $rc -eq 3 ] && grep -qx "dossier: import: $D/empty.txt: empty file, nothing to import" <<<"$err"
tap_ok $? "empty file refused (got $rc: $err)"
err=$(imp --max-size 2k "$D/big.txt" 2>&1); rc=$?
[ $rc -eq 3 ] && grep -qx "dossier: import: $D/big.txt: 3000 bytes, over the 2048-byte limit (--max-size)" <<<"$err"
tap_ok $? "oversize refused with --max-size (got $rc: $err)"
err=$(imp "$D/broken.html" 2>&1); rc=$?
[ $rc -eq 0 ] && titles | grep -q 'Unclosed bold'; tap_ok $? "malformed HTML recovered (got $rc: $err)"
err=$(imp "$D/broken.rss" 2>&1); rc=$?
[ $rc -eq 3 ] && grep -qx "dossier: import: $D/broken.rss: not well-formed XML at line 4: .*" <<<"$err"
tap_ok $? "malformed feed refused with its line (got $rc: $err)"
err=$(imp "$D/no-such.txt" 2>&1); rc=$?
[ $rc -eq 3 ] && grep -qx "dossier: import: $D/no-such.txt: No such file or directory" <<<"$err"
tap_ok $? "missing file refused (got $rc: $err)"
# Root reads every file: as root, dossier runs as nobody (65534) for this
# one check, with a database in a directory of its own.
U="$TEST_TMP/unreadable"
mkdir -p "$U"
cp "$D/zgood.txt" "$U/locked.txt"; chmod 000 "$U/locked.txt"
as_user=()
if [ "$(id -u)" -eq 0 ]; then
	if command -v setpriv >/dev/null && chown 65534:65534 "$U" && chmod 711 "$TEST_TMP" &&
		setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
		as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
	else
		as_user=(none)
	fi
fi
if [ "${as_user[0]:-}" != none ]; then
	# The checkout may lie where nobody cannot enter (a clone in root's
	# home): nobody runs a copy of the binary and reads a copy of the data.
	cp "$DOSSIER" "$U/dossier" && cp -R "$top_srcdir/data" "$U/data" &&
		chmod -R a+rX "$U/dossier" "$U/data"
	err=$("${as_user[@]}" env DOSSIER_DATADIR="$U/data" "$U/dossier" --db "$U/u.db" \
		import "$U/locked.txt" 2>&1); rc=$?
	[ $rc -eq 3 ] && grep -qx "dossier: import: $U/locked.txt: Permission denied" <<<"$err"
	tap_ok $? "unreadable file refused${as_user[0]:+ (as nobody)} (got $rc: $err)"
else
	_tap_n=$((_tap_n + 1)); echo "ok $_tap_n # SKIP unreadable file: root, and setpriv cannot make nobody"
fi

err=$(imp "$D/nul.txt" "$D/pic.txt" "$D/zgood.txt" 2>&1); rc=$?
[ $rc -eq 3 ] && [ "$(grep -c '^dossier: import: ' <<<"$err")" -eq 2 ] &&
	grep -qx 'imported 1 article, 0 duplicates, 2 refused' <<<"$err" && titles | grep -qx 'Good after bad'
tap_ok $? "a batch goes on past refusals and says so in its status (got $rc: $err)"

# Directories: recursive, sorted, known extensions only.
T="$TEST_TMP/tree"
mkdir -p "$T/b/c" "$T/a" "$T/.hidden"
printf 'Tree three\nThird.\n' >"$T/b/c/3.txt"
printf 'Tree one\nFirst.\n' >"$T/a/1.txt"
printf 'Tree two\nSecond.\n' >"$T/b/2.txt"
printf 'Tree hidden\nHidden.\n' >"$T/.hidden/h.txt"
printf 'not an article' >"$T/b/notes.md"
rm -f "$db"*
err=$(imp "$T" 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$(titles | tr '\n' ,)" = "Tree three,Tree two,Tree one," ]
tap_ok $? "a directory is walked in order, hidden and unknown files skipped (got $rc: $err; $(titles | tr '\n' ,))"
mkdir -p "$TEST_TMP/hollow/empty"
err=$(imp "$TEST_TMP/hollow" 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$err" = "imported 0 articles, 0 duplicates, 0 refused" ]
tap_ok $? "empty directories import nothing (got $rc: $err)"

err=$(imp -q "$T" 2>&1); rc=$?
[ $rc -eq 0 ] && [ -z "$err" ]; tap_ok $? "--quiet prints nothing (got $rc: $err)"
err=$("$DOSSIER" --db "$db" --quiet import "$D/bad.txt" 2>&1); rc=$?
[ $rc -eq 0 ] && [ -z "$err" ]; tap_ok $? "global --quiet silences warnings too (got $rc: $err)"
err=$(imp -q "$D/nul.txt" 2>&1); rc=$?
[ $rc -eq 3 ] && grep -q "nul.txt: NUL byte" <<<"$err"; tap_ok $? "--quiet still reports refusals"

# A progress bar on a terminal, none otherwise.
if command -v script >/dev/null; then
	out=$(script -qec "'$DOSSIER' --db '$TEST_TMP/p.db' import '$T'" /dev/null 2>&1)
	grep -q 'files' <<<"$out" && grep -q 'ETA' <<<"$out" && grep -q '/s' <<<"$out"
	tap_ok $? "a progress bar (count, rate, ETA) on a terminal"
else
	_tap_n=$((_tap_n + 1)); echo "ok $_tap_n # SKIP no script(1) to fake a terminal"
fi
err=$(imp "$T" 2>&1 >/dev/null)
! grep -q 'ETA' <<<"$err"; tap_ok $? "no progress bar when standard error is not a terminal"

err=$(imp 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q 'nothing to import' <<<"$err"; tap_ok $? "no path: usage error"
err=$(imp --max-size lots x 2>&1); rc=$?
[ $rc -eq 2 ]; tap_ok $? "bad --max-size: usage error"
err=$(imp --format pdf x 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q "unknown format 'pdf'" <<<"$err"; tap_ok $? "bad --format: usage error"
err=$(imp --bogus x 2>&1); rc=$?
[ $rc -eq 2 ]; tap_ok $? "unknown option: usage error"

# The seed articles import whole.
err=$(imp "$SEEDS_DIR/seeds" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q 'imported 5 articles' <<<"$err"; tap_ok $? "the seed articles import (got $rc: $err)"

tap_done
