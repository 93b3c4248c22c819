#!/bin/bash
# tests/tui/anno-locked.sh: a note the store refuses is not thrown away.
# Another program holds the database's write lock (sqlite3 in a BEGIN
# IMMEDIATE transaction) while the reader saves a note: the note editor
# stays open with the text, and once the lock is let go Esc saves it. A
# note written in $VISUAL keeps its file, named in the message, and the
# editor opens on the same text to try again.
. "$top_srcdir/tests/tui/lib.sh"

ART="$TEST_TMP/talks.txt"
cat >"$ART" <<'TXT'
Talks in Moscow

The foreign ministers met in Moscow on Tuesday. Officials in Baku did not comment on the talks.
TXT
"$DOSSIER" -q import "$ART" || echo "Bail out! import failed"
cat >"$TEST_TMP/editor.sh" <<'SH'
#!/bin/sh
printf 'written in the editor\n' >"$1"
SH
chmod +x "$TEST_TMP/editor.sh"
NOTE_TMP="$TEST_TMP/notes"
mkdir -p "$NOTE_TMP"

# hold / release: another program takes the write lock and keeps it until
# released. held: 0 once a second writer is refused.
HOLDER_IN="$TEST_TMP/holder.in"
held() {
	! sqlite3 -cmd '.timeout 0' "$DOSSIER_DB" 'BEGIN IMMEDIATE; ROLLBACK;' >/dev/null 2>&1
}
hold() {
	local deadline=$(( $(date +%s%N) + TUI_DEADLINE * 1000000000 ))
	mkfifo "$HOLDER_IN"
	# The holder waits for a write the reader may still be finishing (a
	# save, under a sanitizer build, is slow): without a busy time-out its
	# BEGIN would fail at once and the lock never be taken.
	sqlite3 -cmd ".timeout $((TUI_DEADLINE * 1000))" "$DOSSIER_DB" <"$HOLDER_IN" >/dev/null 2>&1 &
	HOLDER=$!
	exec 3>"$HOLDER_IN"
	echo 'BEGIN IMMEDIATE;' >&3
	until held; do
		[ "$(date +%s%N)" -lt "$deadline" ] || return 1
		sleep 0.02
	done
}
release() {
	echo 'ROLLBACK;' >&3
	exec 3>&-
	wait "$HOLDER"
	rm -f "$HOLDER_IN"
}
note_of() {  # the note column of the live annotation on TEXT
	"$DOSSIER" annotations | awk -F '\t' -v q="$1" 'index($0, q) { print $NF }'
}

tui_start -x 220 -y 30 -e "VISUAL=$TEST_TMP/editor.sh" -e "TMPDIR=$NOTE_TMP"
tui_expect "the list shows the article" "Talks in Moscow"
tui_keys Enter
tui_expect "the article opens" " READ "
tui_keys V
tui_expect "V selects a sentence" " SELECT "

hold; tap_ok $? "another program holds the write lock"
tui_keys a
tui_expect "a opens the note editor" "Esc: save"
tui_type "Kept while locked"
tui_keys Enter
tui_type "and a second line"
tui_keys Escape
tui_expect "the save is refused" "database is locked" 12
tui_expect "the editor is still open" "Esc: save"
tui_expect "with the text typed" "and a second line"
tui_screen | grep -qF "Kept while locked"; tap_ok $? "both lines of it"
[ -z "$(note_of "The foreign")" ]; tap_ok $? "nothing stored while locked"

release
tui_keys Escape
tui_expect "Esc saves once the lock is let go" "note saved"
tui_wait_gone "Esc: save"; tap_ok $? "and closes the editor"
[ "$(note_of "The foreign")" = "Kept while locked and a second line" ]
tap_ok $? "the note typed is stored ($(note_of "The foreign"))"

# $VISUAL: the refused save keeps the editor's file and names it.
hold; tap_ok $? "the lock is taken again"
tui_keys A
tui_expect "the save from \$VISUAL is refused" "database is locked" 12
kept=$(ls "$NOTE_TMP"/dossier-note-*.txt 2>/dev/null)
[ -n "$kept" ] && grep -qx "written in the editor" "$kept"
tap_ok $? "the editor's file is kept"
tui_expect "and named in the message" "the note is kept in $NOTE_TMP/dossier-note-"
tui_expect "the note editor holds the text to try again" "written in the editor"
release
tui_keys Escape
tui_expect "Esc saves it" "note saved"
[ "$(note_of "The foreign")" = "written in the editor" ]; tap_ok $? "the editor's note is stored"
[ -z "$(ls "$NOTE_TMP")" ]; tap_ok $? "and its file removed once saved"

tui_keys q q
tui_wait_exit >/dev/null
tap_done
