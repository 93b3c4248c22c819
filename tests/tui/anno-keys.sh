#!/bin/bash
# tests/tui/anno-keys.sh: annotating from the keyboard in the real reader:
# select (v with w/e/), V), tag from the codebook (several tags), write a
# note in the popup and in $VISUAL, set a claim's status, delete, undo and
# redo, step with ]a/[a, browse with :annotations, edit tags with :tag,
# then quit and find it all again. The database is checked with the
# annotations command after each step.
. "$top_srcdir/tests/tui/lib.sh"

ART="$TEST_TMP/talks.txt"
cat >"$ART" <<'TXT'
Talks in Moscow

The foreign ministers met in Moscow on Tuesday. The minister said the corridor would reopen within a week. Officials in Baku did not comment on the talks.

Observers expect another round of negotiations next month. Diplomats said a peace treaty was close.
TXT
"$DOSSIER" -q import "$ART" || echo "Bail out! import failed"
cat >"$TEST_TMP/editor.sh" <<'SH'
#!/bin/sh
# Stands in for the user's editor: rewrites the note file. Called as
# "editor.sh -n FILE", an editor with arguments like "vim -u NONE".
[ "$1" = -n ] && [ $# -eq 2 ] || exit 1
printf 'edited outside\n' >"$2"
SH
chmod +x "$TEST_TMP/editor.sh"
# The note's file is made here: a name no shell may read as words.
NOTE_TMP="$TEST_TMP/notes \$(false); x"
mkdir -p "$NOTE_TMP"

annotations() { "$DOSSIER" annotations "$@"; }
tui_expect_gone() { tui_wait_gone "$2"; tap_ok $? "$1"; }
# Waits until the annotations command prints a line matching $1.
db_has() {
	local deadline=$(( $(date +%s%N) + TUI_DEADLINE * 1000000000 ))
	while [ "$(date +%s%N)" -lt "$deadline" ]; do
		annotations --state all | grep -qE -- "$1" && return 0
		sleep 0.02
	done
	annotations --state all | tap_diag "$(cat)"
	return 1
}

tui_start -x 120 -y 30 -e "'VISUAL=$TEST_TMP/editor.sh -n'" -e "'TMPDIR=$NOTE_TMP'"
tui_expect "the list shows the article" "Talks in Moscow"
tui_keys Enter
tui_expect "the article opens" " READ "

# v, e, w, e selects "The foreign"; t opens the codebook; c and f tag it.
tui_keys v
tui_expect "v starts a selection" " SELECT "
tui_keys e w e t
tui_expect "t opens the codebook picker" "Tag"
tui_expect "the picker shows keys and tags" "[ ] c     claim"
tui_keys c
tui_expect "c tags the selection: confirmed" "tagged claim"
db_has $'\tactive\tclaim\tThe foreign\t'; tap_ok $? "the highlight is stored with its tag"
tui_keys f
tui_expect "a second tag, on the same highlight" "tagged fact"
tui_expect "both ticked" "[x] f     fact"
tui_keys Enter
tui_expect_gone "Enter closes the picker" "Tags of this highlight"
db_has $'\tclaim,fact\tThe foreign\t'; tap_ok $? "several tags on one highlight"
tui_expect "the side pane lists it" "Annotations (1)"

# A note in the popup editor.
tui_keys a
tui_expect "a opens the note editor" "Esc: save"
tui_type "Check the date"
tui_keys Enter
tui_type "with Baku"
tui_keys Escape
tui_expect "the note is saved" "note saved"
db_has $'\tThe foreign\tCheck the date with Baku$'; tap_ok $? "the note, both lines, is stored"

# V selects the sentence under the cursor; ) extends by a sentence.
tui_keys j
tui_keys V
tui_expect "V selects the sentence" " SELECT "
tui_keys ')' t d
tui_expect "tagged demand" "tagged demand"
tui_keys Escape
db_has $'\tdemand\tThe minister said the corridor would reopen within a week. Officials in Baku did not comment on the talks.\t'
tap_ok $? "V then ) selected two whole sentences"

# The note in $VISUAL.
tui_keys A
tui_expect "A saves what the editor wrote" "note saved"
db_has $'\tdemand\t.*\tedited outside$'; tap_ok $? "the editor's note is stored"

# The claim's status.
tui_keys c
tui_expect "c opens the claim editor" "Speaker"
tui_keys Tab Tab Right Right Right
tui_expect "the status cycles" "< disputed >"
tui_keys Enter
tui_expect "the claim is saved" "claim saved"
"$DOSSIER" annotations --status disputed | grep -q $'\tdemand\t'; tap_ok $? "status stored"

# Delete, undo, redo.
n=$(annotations | wc -l)
tui_keys d
tui_expect "d deletes the highlight" "highlight deleted"
[ "$(annotations | wc -l)" -eq $((n - 1)) ]; tap_ok $? "one fewer live annotation"
tui_keys u
tui_expect "u undoes the delete" "undone: delete annotation"
[ "$(annotations | wc -l)" -eq "$n" ]; tap_ok $? "it is back"
tui_keys C-r
tui_expect "Ctrl-r redoes it" "redone: delete annotation"
[ "$(annotations | wc -l)" -eq $((n - 1)) ]; tap_ok $? "deleted again"
tui_keys u
tui_expect "and u brings it back" "undone: delete annotation"

# ]a and [a step from highlight to highlight: d deletes where they land.
tui_keys G '[' a '[' a
tui_wait " READ " >/dev/null
tui_keys d
tui_expect "G [a [a goes to the first highlight" "highlight deleted"
annotations --state deleted | grep -q $'\tThe foreign\t'; tap_ok $? "the first one it was"
tui_keys u
tui_expect "restored" "undone: delete annotation"
tui_keys ']' a
tui_wait " READ " >/dev/null
tui_keys d
tui_expect "]a goes on to the second" "highlight deleted"
annotations --state deleted | grep -q $'\tdemand\t'; tap_ok $? "the second one it was"
tui_keys u
tui_expect "restored again" "undone: delete annotation"

# The browser: filter by tag, Enter jumps.
tui_keys ':'
tui_type "annotations --tag demand"
tui_keys Enter
tui_expect "the browser opens, filtered" "filter: tag:demand"
tui_expect "it lists the demand" "1 annotation"
tui_keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
tui_expect "clearing the filter lists all" "2 annotations"
tui_keys Enter
tui_expect_gone "Enter closes it" "filter:"
tui_expect "and shows the article" " READ "

# :tag edits the codebook.
tui_keys ':'
tui_type "tag add rumour 214 r"
tui_keys Enter
tui_expect ":tag add" "added tag rumour"
tui_keys ':'
tui_type "tag rename rumour gossip"
tui_keys Enter
tui_expect ":tag rename" "renamed tag rumour to gossip"
"$DOSSIER" tag | grep -q $'^gossip\t214\tr\t0$'; tap_ok $? "the renamed tag keeps its colour and key"
tui_keys ':'
tui_type "tag merge gossip opinion"
tui_keys Enter
tui_expect ":tag merge" "merged tag gossip into opinion"
! "$DOSSIER" tag | grep -q '^gossip'; tap_ok $? "merged away"
# The shell's grammar: none is no colour, options may follow, --help helps.
tui_keys ':'
tui_type "tag add evidence none e"
tui_keys Enter
tui_expect ":tag add NAME none KEY" "added tag evidence"
"$DOSSIER" tag | grep -q $'^evidence\t-\te\t0$'; tap_ok $? "none means no colour, as in the shell"
tui_keys ':'
tui_type "tag add --help"
tui_keys Enter
tui_expect ":tag add --help shows its usage" "usage: tag add NAME [COLOR [KEY]]"
tui_keys ':'
tui_type "tag add"
tui_keys Enter
tui_expect "a missing argument is named, with the usage" "needs NAME (usage: tag add"

# A mouse drag selects: pressed on "Diplomats", released on "close".
# Where they are on the screen is read from it; the reports are typed as
# xterm sends them (SGR 1006). The pause between press and release is a
# person's drag: ncurses takes a quicker one for a click.
at() {  # at WORD: "COLUMN ROW" of WORD's first letter, 1-based, in cells
	tui_screen | "${PYTHON3:-python3}" -c '
import sys
for row, line in enumerate(sys.stdin.read().splitlines(), 1):
    if sys.argv[1] in line:
        print(line.index(sys.argv[1]) + 1, row)
        break' "$1"
}
read -r c1 r1 < <(at Diplomats)
read -r c2 r2 < <(at "close.")
if [ -n "${c1:-}" ] && [ -n "${c2:-}" ]; then
	tui_type $'\e'"[<0;$c1;${r1}M"
	sleep 0.3
	tui_type $'\e'"[<0;$((c2 + 4));${r2}m"
	tui_expect "a mouse drag selects" " SELECT "
	tui_keys t o
	tui_expect "and the selection is tagged" "tagged opinion"
	tui_keys Escape
	db_has $'\topinion\tDiplomats said a peace treaty was close\t'
	tap_ok $? "the dragged text, from the press to the release, is stored"
else
	tap_ok 1 "the words to drag over are on the screen"
fi

# The help (F1; ? searches backward in the article) lists the annotation
# keys, from the same table.
tui_keys F1
tui_wait " HELP " >/dev/null
found=1
for _ in 1 2 3 4 5 6; do
	tui_wait "tag the selection, highlight or sentence from the codebook" 1 && { found=0; break; }
	tui_keys PageDown
done
tap_ok $found "the help lists the annotation keys"
tui_keys G
tui_expect "and the :tag and :annotations commands" "edit the codebook's tags"
tui_keys q
tui_wait_gone "from the codebook" >/dev/null

# Two overlapping highlights made meanwhile from the command line.
"$DOSSIER" annotate 1 --quote "Observers expect another round" --tag fact >/dev/null &&
	"$DOSSIER" annotate 1 --quote "another round of negotiations" --tag denial >/dev/null
tap_ok $? "a second process annotates while the reader is open"

# :export writes the annotations where one says, in the format the
# name's extension says.
tui_keys ':'
tui_type "export $TEST_TMP/from-reader.csv"
tui_keys Enter
tui_expect ":export writes the file" "annotations to $TEST_TMP/from-reader.csv"
head -n 1 "$TEST_TMP/from-reader.csv" | grep -q '^id,article,title,start,end,quote,tags,note'
tap_ok $? "as CSV, from its name"

# Quit, reopen: everything is there.
tui_keys Q
st=$(tui_wait_exit)
[ "$st" = 0 ]; tap_ok $? "quits with status 0 (got $st)"
tui_stop
tui_start -x 120 -y 30
tui_expect "reopened" "Talks in Moscow"
tui_keys Enter
tui_expect "the side pane lists the highlights again, the other process's too" "Annotations (5)"
tui_screen -e | "${PYTHON3:-python3}" -c '
import re, sys
sys.exit(0 if re.search(r"\x1b\[4m(\x1b\[[0-9;]*m)*another round", sys.stdin.read()) else 1)'
tap_ok $? "where highlights overlap the text is underlined, so both show"
tui_keys Q
tui_wait_exit >/dev/null

tap_done
