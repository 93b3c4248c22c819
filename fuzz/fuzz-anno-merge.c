/*
 * fuzz-anno-merge.c: two databases hold the same annotations (same ids),
 * edited apart: each copy has its own note and its own `modified` time,
 * written with any offset and fraction, or broken. One database's export
 * is merged into the other, and the winners are compared with what the
 * times say: the file's copy wins exactly when both times are date-times
 * and the file's is the later instant; a broken time in the file or in
 * the database is refused and nothing is overwritten. The instants are
 * known here from the numbers the times were written from, not parsed.
 *
 * Input: per annotation, 2 x 8 bytes (one for each side): seconds (4),
 * offset (1), fraction (1), form (1), note (1).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "anno.h"
#include "export.h"
#include "../src/store-int.h"   /* to plant rows and read them back */
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_ANNOS 8
#define SIDE_BYTES 8

struct copy {
	char note[32];
	char modified[64];
	int64_t sec;        /* the instant, when valid */
	long nsec;
	int valid;
};

static struct store *db[2];

static struct store *
open_one(void)
{
	struct store *st;

	if (store_open(":memory:", 0, &st) != 0 ||
	    sqlite3_exec(store_sqlite(st), "INSERT INTO articles(title, format, body, hash)"
	    " VALUES ('Talks', 'text', 'Lavrov said the corridor must stay open.', 'h1')",
	    NULL, NULL, NULL) != SQLITE_OK)
		abort();
	return st;
}

/* One side's copy from 8 bytes: a time between 1970 and 2038 written in
 * the local time of an offset of up to +-23:59, with 0 to 9 fraction
 * digits, 'Z' or a numeric offset; or, for one form in eight, a time
 * broken in a way no reading could take for a date-time. */
static void
make_copy(const uint8_t *b, int side, size_t i, struct copy *c)
{
	static const long scale[10] = { 0, 100000000, 10000000, 1000000, 100000, 10000,
	    1000, 100, 10, 1 };
	uint32_t secs = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
	int offset = ((int)b[4] - 128) * 11, digits = b[5] % 10, form = b[6] % 8;
	long frac = (long)(b[5] / 10) * 40009 % 1000000000;
	char fraction[16] = "", zone[8];
	time_t local;
	struct tm tm;
	int n;

	snprintf(c->note, sizeof c->note, "%c%zu-%u", side ? 'b' : 'a', i, b[7]);
	c->sec = (int64_t)(secs & 0x7fffffff);
	c->nsec = 0;
	if (digits > 0) {
		long shown = frac / scale[digits];
		snprintf(fraction, sizeof fraction, ".%0*ld", digits, shown);
		c->nsec = shown * scale[digits];
	}
	local = (time_t)(c->sec + offset * 60);
	if (gmtime_r(&local, &tm) == NULL)
		abort();
	if (offset == 0 && form % 2 == 0)
		snprintf(zone, sizeof zone, "Z");
	else
		snprintf(zone, sizeof zone, "%c%02d:%02d", offset < 0 ? '-' : '+',
		    abs(offset) / 60, abs(offset) % 60);
	n = snprintf(c->modified, sizeof c->modified, "%04d-%02d-%02dT%02d:%02d:%02d%s%s",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
	    fraction, zone);
	c->valid = form != 7;
	if (!c->valid) {
		/* Broken by the fifth byte: no offset, a thirteenth month, a
		 * word after it, or a 30 February. */
		switch (b[4] % 4) {
		case 0: c->modified[n - strlen(zone)] = '\0'; break;
		case 1: c->modified[5] = '1'; c->modified[6] = '3'; break;
		case 2: strcat(c->modified, " x"); break;
		default: memcpy(c->modified + 4, "-02-30", 6); break;
		}
	}
}

static void
put(struct store *st, size_t i, const struct copy *c)
{
	sqlite3_stmt *s;
	char uuid[40];

	snprintf(uuid, sizeof uuid, "00000000-0000-4000-8000-%012zu", i);
	if (sqlite3_prepare_v2(store_sqlite(st), "INSERT INTO annotations(uuid, article_id,"
	    " start, end, quote, prefix, suffix, note, modified)"
	    " VALUES (?1, 1, 0, 6, 'Lavrov', '', ' said the corridor must stay open.', ?2, ?3)",
	    -1, &s, NULL) != SQLITE_OK)
		abort();
	sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, c->note, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, c->modified, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE)
		abort();
	sqlite3_finalize(s);
}

static char *
note_of(struct store *st, size_t i)
{
	sqlite3_stmt *s;
	char uuid[40], *note = NULL;

	snprintf(uuid, sizeof uuid, "00000000-0000-4000-8000-%012zu", i);
	if (sqlite3_prepare_v2(store_sqlite(st), "SELECT note FROM annotations WHERE uuid = ?1",
	    -1, &s, NULL) != SQLITE_OK)
		abort();
	sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		note = store_col_text(s, 0);
	sqlite3_finalize(s);
	return note;
}

static int
later(const struct copy *a, const struct copy *b)
{
	return a->sec != b->sec ? a->sec > b->sec : a->nsec > b->nsec;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct copy c[MAX_ANNOS][2];
	struct store_anno_filter f = { .status = -1 };
	struct anno_import_report rep;
	size_t n = size / (2 * SIDE_BYTES), i, refused = 0;
	struct buf file;
	int side;

	if (n > MAX_ANNOS)
		n = MAX_ANNOS;
	for (side = 0; side < 2; side++) {
		if (db[side] == NULL)
			db[side] = open_one();
		if (sqlite3_exec(store_sqlite(db[side]), "DELETE FROM annotations", NULL, NULL,
		    NULL) != SQLITE_OK)
			abort();
	}
	for (i = 0; i < n; i++) {
		for (side = 0; side < 2; side++) {
			make_copy(data + (2 * i + (size_t)side) * SIDE_BYTES, side, i, &c[i][side]);
			put(db[side], i, &c[i][side]);
		}
		refused += !c[i][0].valid || !c[i][1].valid;
	}
	/* Database 0's export merged into database 1. */
	buf_init(&file);
	if (export_json(db[0], &f, &file) != 0 ||
	    anno_json_import(db[1], "fuzz.json", file.data, file.len, &rep) != 0) {
		fprintf(stderr, "merge failed: %s\n", err_msg());
		abort();
	}
	buf_free(&file);
	if (rep.refused != refused) {
		fprintf(stderr, "%zu refused, expected %zu\n", rep.refused, refused);
		abort();
	}
	for (i = 0; i < n; i++) {
		const struct copy *a = &c[i][0], *b = &c[i][1];
		const struct copy *win = a->valid && b->valid && later(a, b) ? a : b;
		char *got = note_of(db[1], i);

		if (got == NULL || strcmp(got, win->note) != 0) {
			fprintf(stderr, "annotation %zu: file '%s' (%s) over database '%s' (%s): "
			    "kept '%s', expected '%s'\n", i, a->modified, a->note, b->modified,
			    b->note, got ? got : "(none)", win->note);
			abort();
		}
		free(got);
	}
	anno_import_report_free(&rep);
	return 0;
}
