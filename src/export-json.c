/*
 * export-json.c: annotations as a W3C Web Annotation collection, and the
 * reverse: merging such a file into a database.
 *
 * Each annotation object is built by SQLite (store_anno_json), so every
 * string in the file is quoted by json_object; this file only adds the
 * collection around them, whose text is fixed. Import reads the objects
 * with store_anno_json_read and decides, annotation by annotation, which
 * article it belongs to, where in that article's body it is, and whether
 * it is new, newer or already known (by its urn:uuid id).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anno.h"
#include "export.h"
#include "util.h"

int
export_json(struct store *st, const struct store_anno_filter *f, struct buf *out)
{
	struct anno_article arts = { 0 };
	struct store_anno *rows;
	size_t n, i;

	if (store_anno_list(st, f, &rows, &n) != 0)
		return -1;
	buf_printf(out,
	    "{\n"
	    "  \"@context\": \"http://www.w3.org/ns/anno.jsonld\",\n"
	    "  \"type\": \"AnnotationCollection\",\n"
	    "  \"label\": \"dossier annotations\",\n"
	    "  \"total\": %zu,\n"
	    "  \"first\": {\n"
	    "    \"type\": \"AnnotationPage\",\n"
	    "    \"startIndex\": 0,\n"
	    "    \"items\": [", n);
	for (i = 0; i < n; i++) {
		const struct store_anno_article *art;
		size_t span[2];
		char *json;

		if (anno_article_load(st, &arts, rows[i].article_id, &art) != 0 ||
		    store_anno_json(st, rows[i].id,
		    anno_char_span(&arts, &rows[i], &span[0], &span[1]) ? span : NULL, &json) != 0) {
			anno_article_free(&arts);
			store_anno_list_free(rows, n);
			return -1;
		}
		buf_adds(out, i > 0 ? ",\n      " : "\n      ");
		buf_adds(out, json);
		free(json);
	}
	buf_adds(out, n > 0 ? "\n    ]\n  }\n}\n" : "]\n  }\n}\n");
	anno_article_free(&arts);
	store_anno_list_free(rows, n);
	return 0;
}
