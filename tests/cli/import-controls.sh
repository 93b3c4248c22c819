#!/bin/bash
# tests/cli/import-controls.sh: a text with a few control bytes (an article
# pasted from a terminal, with its escape codes) is imported, the codes
# tidied out and a warning naming the file and the count; only a NUL byte,
# or control bytes or bytes that are not UTF-8 throughout, make a file
# binary.
. "$top_srcdir/tests/tui/lib.sh"

db="$TEST_TMP/c.db"
d() { "$DOSSIER" --db "$db" "$@"; }
cd "$TEST_TMP" || exit 1

printf 'Pasted from a terminal\n\n\033[1mSergey Lavrov\033[0m said on Monday that \033[31mthe talks\033[0m would go on.\n' >esc.txt
err=$(d import esc.txt 2>&1 >/dev/null); rc=$?
[ $rc -eq 0 ] && grep -qx "dossier: warning: esc.txt: 4 control bytes (such as terminal escape codes) tidied out of the text" <<<"$err"
tap_ok $? "escape codes: imported with a warning naming the file and the count ($err)"
body=$(d show 1)
grep -q '^Sergey Lavrov said on Monday that the talks would go on\.$' <<<"$body" && ! grep -q $'\033\|\[31m\|\[0m' <<<"$body"
tap_ok $? "the escape sequences are tidied out whole"
d statements --by Lavrov | grep -q 'Sergey Lavrov said on Monday'; tap_ok $? "and the text is analysed as any other"

# Dense: 5 control bytes in 52, which was once refused as binary.
printf 'Short\n\n\033[1mLavrov\033[0m: \033[31mno\033[0m.\nA line \033[1mmore\n' >short.txt
err=$(d import short.txt 2>&1 >/dev/null); rc=$?
[ $rc -eq 0 ] && grep -q "short.txt: 5 control bytes" <<<"$err"; tap_ok $? "a short text dense with escape codes is imported ($err)"

printf 'Clean text\n\nNothing odd in it at all.\n' >clean.txt
err=$(d import clean.txt 2>&1 >/dev/null); ! grep -q warning <<<"$err"; tap_ok $? "no warning without control bytes"

# Every byte but NUL, over and over: no NUL, yet no text either.
"${PYTHON3:-python3}" -c 'import sys; sys.stdout.buffer.write(bytes(range(1, 256)) * 12)' >noise.txt
err=$(d import noise.txt 2>&1 >/dev/null); rc=$?
[ $rc -eq 3 ] && grep -q "noise.txt: binary data (.* bytes are control bytes or not UTF-8), not text" <<<"$err"
tap_ok $? "bytes without a NUL but no text: binary (status $rc)"
printf 'Title\n\nA text\000with a NUL.\n' >nul.txt
err=$(d import nul.txt 2>&1 >/dev/null); rc=$?
[ $rc -eq 3 ] && grep -q "nul.txt: NUL byte at byte 13: binary data, not text" <<<"$err"
tap_ok $? "a NUL byte: binary"

tap_done
