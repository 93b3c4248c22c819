/*
 * ingest-date.c: publication dates as feeds and pages write them, turned
 * into ISO 8601 so that the article list can sort them as text.
 *
 * Feeds use RFC 822 ("Tue, 28 Feb 2023 10:15:00 +0400", with English
 * month abbreviations fixed by that standard) or RFC 3339; pages add forms
 * like "February 28, 2023" whose month names are language, so those come
 * from the `month` lines of data/chrome.txt. Numeric day/month orders
 * ("03/04/2023") are refused: they cannot be read without knowing where
 * the page came from.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "ingest.h"
#include "util.h"

static const char rfc822_months[12][4] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

static const struct {
	const char *name;
	int minutes;
} zones[] = {
	{ "Z", 0 }, { "UT", 0 }, { "UTC", 0 }, { "GMT", 0 },
	{ "EST", -300 }, { "EDT", -240 }, { "CST", -360 }, { "CDT", -300 },
	{ "MST", -420 }, { "MDT", -360 }, { "PST", -480 }, { "PDT", -420 },
};

struct when {
	int year, month, day, hour, min, sec;
	int has_time, zone;    /* zone: minutes east of UTC */
};

static int
digits(const char *s, const char *end, int n, int *v)
{
	int i;

	*v = 0;
	if (end - s < n)
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		*v = *v * 10 + (s[i] - '0');
	}
	return 1;
}

/* "+04:00", "+0400", "-05", "Z"; returns bytes used, 0 if none. */
static size_t
numeric_zone(const char *s, const char *end, int *zone)
{
	int h, m = 0, sign;
	const char *p = s + 1;

	if (s < end && *s == 'Z') {
		*zone = 0;
		return 1;
	}
	if (s >= end || (*s != '+' && *s != '-'))
		return 0;
	sign = *s == '-' ? -1 : 1;
	if (!digits(p, end, 2, &h))
		return 0;
	p += 2;
	if (p < end && *p == ':')
		p++;
	if (digits(p, end, 2, &m))
		p += 2;
	if (h > 23 || m > 59)
		return 0;
	*zone = sign * (h * 60 + m);
	return (size_t)(p - s);
}

static size_t
clock_time(const char *s, const char *end, struct when *w)
{
	const char *p = s;

	if (digits(p, end, 2, &w->hour))
		p += 2;
	else if (digits(p, end, 1, &w->hour))
		p += 1;
	else
		return 0;
	if (p >= end || *p != ':' || !digits(p + 1, end, 2, &w->min))
		return 0;
	p += 3;
	w->sec = 0;
	if (p < end && *p == ':' && digits(p + 1, end, 2, &w->sec))
		p += 3;
	if (p < end && *p == '.')
		for (p++; p < end && *p >= '0' && *p <= '9'; p++)
			;
	if (w->hour > 23 || w->min > 59 || w->sec > 60)
		return 0;
	w->has_time = 1;
	return (size_t)(p - s);
}

/* "2023-02-28", "2023-02-28T10:15:00Z", "2023-02-28 10:15:00+04:00". */
static int
iso(const char *s, const char *end, struct when *w)
{
	size_t n;

	if (!digits(s, end, 4, &w->year) || end - s < 10 || s[4] != '-' || s[7] != '-' ||
	    !digits(s + 5, end, 2, &w->month) || !digits(s + 8, end, 2, &w->day))
		return 0;
	s += 10;
	if (s < end && (*s == 'T' || *s == ' ') && s + 1 < end && s[1] >= '0' && s[1] <= '9') {
		if ((n = clock_time(s + 1, end, w)) == 0)
			return 0;
		s += 1 + n;
		while (s < end && *s == ' ')
			s++;
		s += numeric_zone(s, end, &w->zone);
	}
	return s == end;
}

static int
month_of(const struct ingest_chrome *c, const char *s, size_t n)
{
	int i, m;

	if (n > 1 && s[n - 1] == '.')
		n--;
	if (c != NULL && (m = ingest_chrome_month(c, s, n)) != 0)
		return m;
	for (i = 0; i < 12; i++) {
		if (n == 3 && strncasecmp(s, rfc822_months[i], 3) == 0)
			return i + 1;
	}
	return 0;
}

static int
named_zone(const char *s, size_t n, int *zone)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(zones); i++) {
		if (strlen(zones[i].name) == n && strncasecmp(s, zones[i].name, n) == 0) {
			*zone = zones[i].minutes;
			return 1;
		}
	}
	return 0;
}

static int
is_word_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (unsigned char)c >= 0x80 ||
	    c == '.';
}

/* Day, month name and year in either order, with an optional leading word
 * and comma (a weekday), time and zone: RFC 822 and the common page forms. */
static int
words(const struct ingest_chrome *c, const char *s, const char *end, struct when *w)
{
	int tokens = 0, v;
	const char *p;
	size_t n;

	w->year = w->month = w->day = 0;
	while (s < end) {
		if (*s == ' ' || *s == ',') {
			s++;
			continue;
		}
		if (*s >= '0' && *s <= '9') {
			for (p = s; p < end && *p >= '0' && *p <= '9'; p++)
				;
			if (p < end && *p == ':') {
				if (w->has_time || (n = clock_time(s, end, w)) == 0)
					return 0;
				s += n;
			} else if (p - s == 4 && w->year == 0) {
				digits(s, end, 4, &w->year);
				s = p;
			} else if (p - s <= 2 && w->day == 0) {
				digits(s, end, (int)(p - s), &w->day);
				s = p;
			} else
				return 0;
		} else if ((*s == '+' || *s == '-') && w->has_time) {
			if ((n = numeric_zone(s, end, &w->zone)) == 0)
				return 0;
			s += n;
		} else if (is_word_byte(*s)) {
			for (p = s; p < end && is_word_byte(*p); p++)
				;
			n = (size_t)(p - s);
			if (w->month == 0 && (v = month_of(c, s, n)) != 0)
				w->month = v;
			else if (w->has_time && named_zone(s, n, &v))
				w->zone = v;
			else if (tokens != 0 || p >= end || *p != ',')
				return 0;
			s = p;
		} else
			return 0;
		tokens++;
	}
	return w->year != 0 && w->month != 0 && w->day != 0;
}

int
ingest_date(const struct ingest_chrome *months, const char *s, size_t len, char out[21])
{
	const char *end = s + len;
	struct when w = { 0 };
	struct tm tm = { 0 };
	char wide[64];
	time_t t;

	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '.'))
		end--;
	if (!iso(s, end, &w)) {
		memset(&w, 0, sizeof w);
		if (!words(months, s, end, &w))
			return -1;
	}
	if (w.year < 1000 || w.month < 1 || w.month > 12 || w.day < 1 || w.day > 31)
		return -1;
	tm.tm_year = w.year - 1900;
	tm.tm_mon = w.month - 1;
	tm.tm_mday = w.day;
	tm.tm_hour = w.hour;
	tm.tm_min = w.min;
	tm.tm_sec = w.sec;
	t = timegm(&tm);
	/* timegm normalizes 30 February into March: such a date is wrong. */
	if (tm.tm_mday != w.day || tm.tm_mon != w.month - 1)
		return -1;
	if (!w.has_time) {
		snprintf(out, 21, "%04d-%02d-%02d", w.year, w.month, w.day);
		return 0;
	}
	t -= (time_t)w.zone * 60;
	if (gmtime_r(&t, &tm) == NULL)
		return -1;
	if (tm.tm_year + 1900 < 1000 || tm.tm_year + 1900 > 9999)
		return -1;
	/* The fields are in range, so this is 20 characters. */
	snprintf(wide, sizeof wide, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec > 59 ? 59 : tm.tm_sec);
	memcpy(out, wide, 21);
	out[20] = '\0';
	return 0;
}
