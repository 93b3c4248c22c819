/*
 * fuzz-anno-json.c: arbitrary bytes as an annotation export being merged
 * into a database holding one article. Whatever the document says, the
 * merge either applies or is refused with a message; the database stays
 * sound.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "anno.h"
#include "../src/store-int.h"   /* to plant rows */
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct store *st;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct anno_import_report rep = { 0 };

	if (st == NULL) {
		if (store_open(":memory:", 0, &st) != 0 ||
		    sqlite3_exec(store_sqlite(st), "INSERT INTO articles(title, format, body, hash)"
		    " VALUES ('Talks', 'text', 'Lavrov said the corridor must stay open.', 'h1')",
		    NULL, NULL, NULL) != SQLITE_OK)
			abort();
	}
	anno_json_import(st, "fuzz.json", (const char *)data, size, &rep);
	anno_import_report_free(&rep);
	return 0;
}
