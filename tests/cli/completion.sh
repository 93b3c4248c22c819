#!/bin/bash
# tests/cli/completion.sh: shell completion through the real scripts: bash
# runs the generated script's function as it would on Tab, with the words
# typed so far, and what it offers comes from the command table and the
# database, through dossier itself.
. "$top_srcdir/tests/tui/lib.sh"

script="$top_builddir/completion/dossier"
[ -s "$script" ]; tap_ok $? "the build wrote the bash script"
cmp -s "$script" <("$DOSSIER" complete bash); tap_ok $? "it is what 'dossier complete bash' prints"
head -1 "$top_builddir/completion/_dossier" | grep -q '^#compdef dossier'
tap_ok $? "and the zsh one starts as zsh expects"

"$DOSSIER" -q import "$DOSSIER_DATADIR/samples"; tap_ok $? "samples imported"
"$DOSSIER" tag add "source/primary" none >/dev/null

# complete WORD... : the candidates bash offers after "dossier WORD...",
# the last word being the one typed so far, one a line.
bindir="$TEST_TMP/bin"
mkdir -p "$bindir"
ln -s "$DOSSIER" "$bindir/dossier"
complete_line() {
	PATH="$bindir:$PATH" bash --norc --noprofile -c '
		. "$1"; shift
		COMP_WORDS=(dossier "$@"); COMP_CWORD=$#
		COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
		_dossier
		printf "%s\n" "${COMPREPLY[@]}"' complete-test "$script" "$@"
}

out=$(complete_line se)
[ "$out" = "search" ]; tap_ok $? "a command by its start (got: $out)"
out=$(complete_line "")
grep -qx annotate <<<"$out" && grep -qx version <<<"$out" && ! grep -qx complete <<<"$out"
tap_ok $? "every command, not the hidden one"
out=$(complete_line search --l)
[ "$out" = "--limit" ]; tap_ok $? "an option by its start (got: $out)"
out=$(complete_line actors 3 --)
grep -qx -- --json <<<"$out" && grep -qx -- --candidates <<<"$out"
tap_ok $? "options after an argument too"
out=$(complete_line tag r)
[ "$out" = "rename" ]; tap_ok $? "a subcommand (got: $out)"
out=$(complete_line tag rename so)
[ "$out" = "source/primary" ]; tap_ok $? "a tag name from the database (got: $out)"
out=$(complete_line export --tag cl)
[ "$out" = "claim" ]; tap_ok $? "an option's value: a tag (got: $out)"
out=$(complete_line export --format m)
[ "$out" = "markdown" ]; tap_ok $? "an option's choices (got: $out)"
out=$(complete_line mentions Sergey)
[ "$out" = 'Sergey\ Lavrov' ]; tap_ok $? "an actor's name, quoted for the shell (got: $out)"
out=$(complete_line mentions 'Sergey\ L')
[ "$out" = 'Sergey\ Lavrov' ]; tap_ok $? "and completed inside a quoted name (got: $out)"
ids=$("$DOSSIER" list | awk '{ print $1 }' | sort)
out=$(complete_line show "" | sort)
[ "$out" = "$ids" ]; tap_ok $? "article ids"
touch "$TEST_TMP/notes-one.json"
out=$(cd "$TEST_TMP" && complete_line import-annotations notes-)
[ "$out" = "notes-one.json" ]; tap_ok $? "a file is left to the shell (got: $out)"
out=$(complete_line --db "$TEST_TMP/none.db" tag rename "")
[ -z "$out" ]; tap_ok $? "--db names the database asked (none there: nothing)"
out=$(complete_line search -- --l)
[ -z "$out" ]; tap_ok $? "after -- no options are offered"

tap_done
