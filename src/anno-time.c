/*
 * anno-time.c: the `created` and `modified` times of annotations, as
 * instants. dossier writes them in UTC ("2024-03-01T09:30:00.250Z"), but
 * a file from elsewhere may write the same instant with any offset
 * ("2024-03-01T13:30:00.25+04:00"), so deciding which of two copies of an
 * annotation is newer means comparing instants, never the text.
 *
 * The form read is RFC 3339's date-time: full date, 'T' (or 't', or the
 * space RFC 3339 allows), hours, minutes, seconds, an optional fraction
 * of any length (nanoseconds kept) and a required offset ('Z' or +HH:MM).
 * A leap second (:60) is taken as the first instant of the next second,
 * as POSIX time has no room for it. Anything else is not a time: a date
 * alone, a missing offset, a 30 February, a trailing word.
 *
 * Pure: no SQLite, no clock; tested alone (tests/unit/test-anno-time.c).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>

#include "anno.h"

/* N decimal digits at S; -1 when one of them is not a digit. */
static int
fixed_digits(const char *s, int n)
{
	int i, v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static int
is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int64_t y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Days from 1970-01-01 to Y-M-D of the proleptic Gregorian calendar
 * (Howard Hinnant's days_from_civil), without time_t's range or timegm. */
static int64_t
days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int
anno_time_parse(const char *s, struct anno_time *out)
{
	int year, month, day, hour, min, sec, oh, om, sign, i;
	long nsec = 0, scale = 100000000;

	if (s == NULL)
		return -1;
	/* YYYY-MM-DDTHH:MM:SS is 19 characters; each is checked before
	 * the next is read, so a short string stops at its NUL. */
	for (i = 0; i < 19; i++) {
		static const char shape[] = "dddd-dd-ddTdd:dd:dd";
		char c = s[i];
		if (shape[i] == 'd' ? c < '0' || c > '9' :
		    shape[i] == 'T' ? c != 'T' && c != 't' && c != ' ' : c != shape[i])
			return -1;
	}
	year = fixed_digits(s, 4);
	month = fixed_digits(s + 5, 2);
	day = fixed_digits(s + 8, 2);
	hour = fixed_digits(s + 11, 2);
	min = fixed_digits(s + 14, 2);
	sec = fixed_digits(s + 17, 2);
	if (month < 1 || month > 12 || day < 1 || day > month_days(year, month) ||
	    hour > 23 || min > 59 || sec > 60)
		return -1;
	s += 19;
	if (*s == '.') {
		if (s[1] < '0' || s[1] > '9')
			return -1;
		for (s++; *s >= '0' && *s <= '9'; s++) {
			nsec += (*s - '0') * scale;
			scale /= 10;
		}
	}
	if (*s == 'Z' || *s == 'z') {
		oh = om = 0;
		sign = 1;
		s++;
	} else if (*s == '+' || *s == '-') {
		sign = *s == '-' ? -1 : 1;
		oh = fixed_digits(s + 1, 2);
		if (oh < 0 || s[3] != ':' || (om = fixed_digits(s + 4, 2)) < 0 || oh > 23 ||
		    om > 59)
			return -1;
		s += 6;
	} else
		return -1;
	if (*s != '\0')
		return -1;
	out->sec = days_from_civil(year, month, day) * 86400 + (int64_t)hour * 3600 +
	    (int64_t)min * 60 + sec - (int64_t)sign * ((int64_t)oh * 3600 + (int64_t)om * 60);
	out->nsec = nsec;
	return 0;
}

int
anno_time_cmp(const struct anno_time *a, const struct anno_time *b)
{
	if (a->sec != b->sec)
		return a->sec < b->sec ? -1 : 1;
	if (a->nsec != b->nsec)
		return a->nsec < b->nsec ? -1 : 1;
	return 0;
}
