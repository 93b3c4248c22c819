#!/bin/bash
# tests/cli/grammar.sh: the one command grammar (args.c) through the real
# binary: --help for every command and subcommand, options after the
# arguments, -- ending the options, and errors that name what is wrong.
. "$top_srcdir/tests/tui/lib.sh"

db="$TEST_TMP/g.db"
run() { "$DOSSIER" --db "$db" "$@"; }

# Every command the help lists, and every subcommand of those that have
# some, answers --help with its own usage line and status 0.
cmds=$(run --help | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
[ "$(wc -w <<<"$cmds")" -ge 20 ]; tap_ok $? "the help lists the commands ($(wc -w <<<"$cmds"))"
bad=""
for c in $cmds; do
	out=$(run "$c" --help 2>&1); rc=$?
	{ [ $rc -eq 0 ] && grep -q "^usage: dossier $c" <<<"$out"; } || bad="$bad $c"
	for s in $(sed -n '/^Subcommands:/,$p' <<<"$out" | awk '/^  [a-z]/ { print $1 }'); do
		out2=$(run "$c" "$s" --help 2>&1); rc=$?
		{ [ $rc -eq 0 ] && grep -q "^usage: dossier $c $s" <<<"$out2"; } || bad="$bad $c/$s"
	done
done
[ -z "$bad" ]; tap_ok $? "every command and subcommand answers --help (failed:${bad:- none})"
out=$(run search -h); grep -q -- '--limit N' <<<"$out" && grep -q 'at most N results' <<<"$out"
tap_ok $? "-h too, and each option has its line of help"
[ ! -e "$db" ]; tap_ok $? "asking for help opens no database"

run -q import "$DOSSIER_DATADIR/samples"; tap_ok $? "samples imported"

# Options after the arguments are options.
a=$(run actors 3 --json); rc=$?
b=$(run actors --json 3)
[ $rc -eq 0 ] && [ "$a" = "$b" ] && [ "${a:0:1}" = "[" ]
tap_ok $? "actors 3 --json is actors --json 3 (status $rc)"
a=$(run search corridor --limit 2); rc=$?
[ $rc -eq 0 ] && [ "$(grep -c '^ *[0-9]' <<<"$a")" -eq 2 ]
tap_ok $? "search corridor --limit 2: two results (got $(grep -c '^ *[0-9]' <<<"$a"))"
[ "$a" = "$(run search --limit 2 corridor)" ]; tap_ok $? "the same as with the option first"
a=$(run list --offset=1 --limit=2)
[ "$a" = "$(run list | sed -n 2,3p)" ]; tap_ok $? "--NAME=VALUE"
a=$(run annotations -j); [ "${a:0:1}" = "[" ] && [ "$a" = "$(run annotations --json)" ]
tap_ok $? "a short option (-j)"

# -- ends the options: what follows is an argument, whatever it looks like.
err=$(run search -- --limit 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "search query '--limit'" <<<"$err"
tap_ok $? "search -- --limit searches for '--limit' (status $rc: $err)"
err=$(run show -- --json 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q "'--json' is not an article ID" <<<"$err"
tap_ok $? "show -- --json: --json is the ID, refused as one (status $rc)"

# Errors: one line naming the problem, the usage line, status 2.
err=$(run actors 3 --bogus 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q "^dossier: actors: unknown option --bogus" <<<"$err" &&
    grep -q '^usage: dossier actors \[--candidates\] \[--json\] \[--bytes\] \[ARTICLE\]' <<<"$err"
tap_ok $? "unknown option after the argument: named, with the usage (status $rc)"
err=$(run search corridor --limit 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q -- '--limit needs a value' <<<"$err"; tap_ok $? "a missing value is named"
err=$(run actors 3 4 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q "unexpected argument '4'" <<<"$err"; tap_ok $? "one argument too many"
err=$(run tag add 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q '^dossier: tag add: needs NAME' <<<"$err" &&
    grep -q '^usage: dossier tag add NAME \[COLOR \[KEY\]\]' <<<"$err"
tap_ok $? "a subcommand's error names it and gives its usage (status $rc)"

# none means none for a tag's colour, on any side of the options.
run tag add evidence none e; tap_ok $? "tag add NAME none KEY"
grep -qP '^evidence\t-\te\t0$' <<<"$(run tag list)"; tap_ok $? "stored without a colour"

tap_done
