#!/bin/bash
# tests/cli/statement-pages.sh: `statements --by/--about` and `mentions`
# page with --limit and --offset: on articles where an actor has more
# rows than a page, some sharing a date, some undated and several rows to
# an article, the pages joined are the list --limit 0 gives, in order
# (newest date first, undated last, then article id down, then position),
# without a row twice or a row left out; the default page is 50 rows.
. "$top_srcdir/tests/tui/lib.sh"

py=${PYTHON3:-python3}
db="$TEST_TMP/p.db"
d() { "$DOSSIER" --db "$db" "$@"; }

# Nine articles imported out of date order: three on one day, three on
# another, three undated, each with three statements by Lavrov that name
# Russia.
i=0
for date in 2025-03-12 '' 2025-03-10 2025-03-12 2025-03-10 '' 2025-03-12 '' 2025-03-10; do
	i=$((i + 1))
	{
		printf 'Talks, part %s\n\n' "$i"
		[ -n "$date" ] && printf 'Published: %s\n\n' "$date"
		printf 'Sergey Lavrov said on Monday that Russia would send a delegation to round %s of the talks.\n\n' "$i"
		printf 'The delegation arrived in the evening of day %s.\n\n' "$i"
		printf 'Sergey Lavrov said that Russia expected progress on the %s items of the agenda.\n\n' "$i"
		printf 'Sergey Lavrov added that Russia would report on round %s to its partners.\n' "$i"
	} >"$TEST_TMP/a$i.txt"
done
d -q import "$TEST_TMP"/a[1-9].txt >/dev/null 2>&1; tap_ok $? "nine articles import"

# The rows of pages of SIZE of a list (the command's other words), joined.
pages() {    # SIZE WORDS...
	local size=$1 off=0 page
	shift
	while :; do
		page=$(d "$@" --json --limit "$size" --offset "$off") || return 1
		[ "$page" = "[]" ] && return 0
		printf '%s\n' "$page"
		off=$((off + size))
		[ "$off" -le 1000 ] || return 1
	done
}

# The rows of JSON arrays (one a line) as one array; checks their order.
check() {    # NAME KEY: reads the arrays, prints the count or an error
	"$py" -c '
import json, sys
rows = [r for line in sys.stdin if line.strip() for r in json.loads(line)]
key = sys.argv[1]
def place(r):
	# Newest date first, undated last, then article id down, then position.
	return (r["published"] is None, [-ord(c) for c in (r["published"] or "")],
	    -r["article"], r["start"], r.get("id", 0))
for a, b in zip(rows, rows[1:]):
	if not place(a) < place(b):
		sys.exit("out of order: %r then %r" % (a.get(key), b.get(key)))
print(len(rows))
print(json.dumps([[r["article"], r["start"], r.get("id")] for r in rows]))
' "$2"
}

for words in "statements --by Lavrov" "statements --about Russia" "mentions Lavrov"; do
	# shellcheck disable=SC2086
	all=$(d $words --json --limit 0 | check "$words" id); tap_ok $? "$words: in list order"
	n=$(head -1 <<<"$all")
	[ "${n:-0}" -gt 12 ]; tap_ok $? "$words: more rows ($n) than pages of 4 and 5"
	for size in 4 5; do
		# shellcheck disable=SC2086
		joined=$(pages "$size" $words | check "$words" id)
		[ "$joined" = "$all" ]; tap_ok $? "$words: pages of $size join to --limit 0"
	done
done

# The text output pages the same way; the default is 50 rows.
full=$(d statements --by Lavrov --limit 0 | tail -n +2)
{ d statements --by Lavrov --limit 7 | tail -n +2
  d statements --by Lavrov --limit 7 --offset 7 | tail -n +2
  d statements --by Lavrov --limit 0 --offset 14 | tail -n +2; } >"$TEST_TMP/joined"
[ "$full" = "$(cat "$TEST_TMP/joined")" ]; tap_ok $? "statements: text pages join to --limit 0"
[ "$(sort -u "$TEST_TMP/joined" | wc -l)" -eq "$(wc -l <<<"$full")" ]
tap_ok $? "statements: no line twice"
for i in 1 2 3 4 5 6 7 8 9; do
	cat "$TEST_TMP/a$i.txt"
	printf '\nSergey Lavrov said again that Russia stood by round %s.\n' "$i"
	printf '\nSergey Lavrov said once more that Russia stood by round %s.\n' "$i"
	printf '\nSergey Lavrov said at last that Russia stood by round %s.\n' "$i"
done >"$TEST_TMP/many.txt"
for k in 1 2 3; do
	sed "s/round/round $k of/" "$TEST_TMP/many.txt" >"$TEST_TMP/many$k.txt"
done
d -q import "$TEST_TMP"/many[123].txt >/dev/null 2>&1
m=$(d mentions Lavrov --limit 0 | tail -n +2 | wc -l)
[ "$m" -gt 50 ] && [ "$(d mentions Lavrov | tail -n +2 | wc -l)" -eq 50 ]
tap_ok $? "mentions: 50 rows unless --limit says ($m in all)"
d mentions Lavrov --limit x >/dev/null 2>"$TEST_TMP/err"; [ $? -eq 2 ] &&
	grep -q "'x' is not a count" "$TEST_TMP/err"
tap_ok $? "mentions --limit x: a usage error"

# A page short of the list says on stderr how to see the rest; a page
# that ends the list, or the whole list, says nothing.
d statements --by 'Sergey Lavrov' --limit 5 >/dev/null 2>"$TEST_TMP/more"
grep -qx '5 shown: --offset 5 for the next, --limit 0 for all' "$TEST_TMP/more"
tap_ok $? "a page short of the list says how to see the rest ($(cat "$TEST_TMP/more"))"
total=$(d statements --by 'Sergey Lavrov' --limit 0 --json | "$py" -c 'import json, sys; print(len(json.load(sys.stdin)))')
d statements --by 'Sergey Lavrov' --offset $((total - 7)) --limit 7 >/dev/null 2>"$TEST_TMP/last" &&
	d statements --by 'Sergey Lavrov' --limit 0 >/dev/null 2>>"$TEST_TMP/last" &&
	d mentions 'Sergey Lavrov' --limit 0 >/dev/null 2>>"$TEST_TMP/last"
[ $? -eq 0 ] && [ ! -s "$TEST_TMP/last" ]
tap_ok $? "the last page and the whole list say nothing more ($(cat "$TEST_TMP/last"))"
d mentions 'Sergey Lavrov' --limit 2 --offset 4 >/dev/null 2>"$TEST_TMP/more"
grep -qx '2 shown: --offset 6 for the next, --limit 0 for all' "$TEST_TMP/more"
tap_ok $? "so do mentions ($(cat "$TEST_TMP/more"))"

tap_done
