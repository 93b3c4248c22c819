/* test-anno-time.c: annotation times read as RFC 3339 instants: offsets,
 * fractions, the calendar, and everything that is not a date-time. */
#include "config.h"

#include <stdio.h>
#include <time.h>

#include "anno.h"
#include "tap.h"

static int
cmp(const char *a, const char *b)
{
	struct anno_time ta, tb;

	if (anno_time_parse(a, &ta) != 0 || anno_time_parse(b, &tb) != 0)
		return 99;
	return anno_time_cmp(&ta, &tb);
}

static void
test_instants(void)
{
	struct anno_time t;

	ok(anno_time_parse("1970-01-01T00:00:00Z", &t) == 0 && t.sec == 0 && t.nsec == 0,
	    "the epoch is 0");
	ok(anno_time_parse("2024-03-01T09:30:00.250Z", &t) == 0 && t.sec == 1709285400 &&
	    t.nsec == 250000000, "dossier's own form, milliseconds kept");
	ok(anno_time_parse("1969-12-31T23:59:59Z", &t) == 0 && t.sec == -1,
	    "before the epoch");
	ok(anno_time_parse("0001-01-01T00:00:00Z", &t) == 0 && t.sec == -62135596800LL,
	    "year 1");
	ok(anno_time_parse("9999-12-31T23:59:59.999999999Z", &t) == 0 &&
	    t.sec == 253402300799LL && t.nsec == 999999999, "year 9999, nanoseconds");
	is_int(cmp("2024-03-01T13:30:00+04:00", "2024-03-01T09:30:00Z"), 0,
	    "the same instant with an offset");
	is_int(cmp("2024-03-01T10:00:00+04:00", "2024-03-01T09:30:00.000Z"), -1,
	    "an offset that sorts later as text is earlier as an instant");
	is_int(cmp("2024-02-29T23:30:00-05:00", "2024-03-01T04:29:59.999Z"), 1,
	    "a negative offset across a leap day");
	is_int(cmp("2024-03-01t09:30:00.1z", "2024-03-01 09:30:00.100000000Z"), 0,
	    "lower-case t and z, a space, fractions of any length");
	is_int(cmp("2024-03-01T09:30:00.0000000001Z", "2024-03-01T09:30:00Z"), 0,
	    "past nanoseconds is the same instant");
	is_int(cmp("2016-12-31T23:59:60Z", "2017-01-01T00:00:00Z"), 0,
	    "a leap second is the next second");
	is_int(cmp("2024-03-01T00:00:00-00:00", "2024-03-01T00:00:00+00:00"), 0,
	    "-00:00 (offset unknown) is UTC");
}

/* Every day from 1600 to 2400 agrees with the C library. */
static void
test_calendar(void)
{
	struct tm tm = { 0 };
	struct anno_time t;
	char s[64];
	long long day, bad = 0;

	for (day = -135000; day < 157000; day++) {
		time_t when = (time_t)(day * 86400 + 45296);
		if (gmtime_r(&when, &tm) == NULL)
			continue;
		snprintf(s, sizeof s, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900,
		    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
		if (anno_time_parse(s, &t) != 0 || t.sec != (int64_t)when)
			bad++;
	}
	is_int(bad, 0, "800 years of days agree with gmtime");
}

static void
test_refused(void)
{
	static const char *const bad[] = {
		"", "zzz", "2024-03-01", "2024-03-01T09:30:00", "2024-03-01T09:30Z",
		"2024-03-01T09:30:00+0400", "2024-03-01T09:30:00+04", "2024-03-01T09:30:00 Z",
		"2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z",
		"2024-13-01T00:00:00Z", "2024-00-01T00:00:00Z", "2024-03-00T00:00:00Z",
		"2024-03-01T24:00:00Z", "2024-03-01T09:60:00Z", "2024-03-01T09:30:61Z",
		"2024-03-01T09:30:00.Z", "2024-03-01T09:30:00,5Z", "2024-03-01T09:30:00Z junk",
		"2024-03-01T09:30:00+24:00", "2024-03-01T09:30:00+04:60", "+2024-03-01T09:30:00Z",
		"2024-3-01T09:30:00Z", "2024-03-01X09:30:00Z", "２０２４-03-01T09:30:00Z",
		"2024-03-01T09:30:00+04:0", "2024-03-01T09:30:00-",
	};
	struct anno_time t;
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ok(anno_time_parse(bad[i], &t) != 0, "refused: '%s'", bad[i]);
	ok(anno_time_parse(NULL, &t) != 0, "refused: none");
	ok(anno_time_parse("2000-02-29T00:00:00Z", &t) == 0, "2000 is a leap year");
}

int
main(void)
{
	test_instants();
	test_calendar();
	test_refused();
	return tap_done();
}
