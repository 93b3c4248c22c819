/*
 * store-anno-json.c: annotations as W3C Web Annotation JSON, both ways,
 * through SQLite's JSON functions: json_object quotes every string and
 * json_extract parses, so no JSON is escaped or scanned by hand.
 *
 * One annotation is one object:
 *   id          "urn:uuid:..." (stable across databases)
 *   target      source: the article's URL, else urn:dossier:article:HASH;
 *               selector: TextPositionSelector (characters, as the W3C
 *               model counts them) and TextQuoteSelector (exact, prefix,
 *               suffix); an orphaned annotation has only the quote
 *   body        TextualBody per tag (purpose "tagging"), and the note as
 *               a TextualBody with purpose "commenting"
 *   dossier:*   what the W3C model has no word for: the article (hash,
 *               title, source), speaker, target, status and state
 * export-json.c wraps these in a collection and merges them on import.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store-int.h"
#include "util.h"

#define ARTICLE_URN "urn:dossier:article:"

/* json_patch drops the keys whose value is null, so optional members are
 * absent rather than null. The character offsets come from the caller,
 * which reads each body once for all of its annotations: counting them
 * here would read the whole body again for every annotation. */
#define QUOTE_SELECTOR \
	"json_object('type', 'TextQuoteSelector', 'exact', a.quote," \
	" 'prefix', a.prefix, 'suffix', a.suffix)"

static const char SQL_ONE[] =
    "SELECT json_patch(json_object("
    "  '@context', 'http://www.w3.org/ns/anno.jsonld',"
    "  'id', 'urn:uuid:' || a.uuid,"
    "  'type', 'Annotation',"
    "  'motivation', 'highlighting',"
    "  'created', a.created,"
    "  'modified', a.modified,"
    "  'target', json_object("
    "    'source', CASE WHEN ar.source LIKE 'http://%' OR ar.source LIKE 'https://%'"
    "      THEN ar.source ELSE 'urn:dossier:article:' || ar.hash END,"
    "    'selector', CASE WHEN a.state = 'orphaned' OR ?2 IS NULL"
    "      THEN json_array(" QUOTE_SELECTOR ")"
    "      ELSE json_array(json_object('type', 'TextPositionSelector',"
    "        'start', ?2, 'end', ?3),"
    "        " QUOTE_SELECTOR ") END)),"
    " json_object("
    "  'body', (SELECT CASE WHEN count(*) > 0 THEN json_group_array(json(b.v)) END FROM"
    "    (SELECT 0 AS k, t.name AS n, json_object('type', 'TextualBody',"
    "       'purpose', 'tagging', 'value', t.name) AS v"
    "     FROM annotation_tags x JOIN tags t ON t.id = x.tag_id"
    "     WHERE x.annotation_id = a.id"
    "     UNION ALL SELECT 1, '', json_object('type', 'TextualBody', 'purpose', 'commenting',"
    "       'format', 'text/plain', 'value', a.note)"
    "     WHERE a.note IS NOT NULL AND a.note <> ''"
    "     ORDER BY k, n) b),"
    "  'dossier:article', json_patch(json_object('hash', ar.hash, 'title', ar.title),"
    "     json_object('source', ar.source)),"
    "  'dossier:speaker', sp.name,"
    "  'dossier:target', tg.name,"
    "  'dossier:status', a.status,"
    "  'dossier:state', a.state,"
    "  'creator', CASE WHEN a.coder IS NOT NULL"
    "    THEN json_object('type', 'Person', 'name', a.coder) END))"
    " FROM annotations a JOIN articles ar ON ar.id = a.article_id"
    " LEFT JOIN entities sp ON sp.id = a.speaker_id"
    " LEFT JOIN entities tg ON tg.id = a.target_id"
    " WHERE a.id = ?1";

int
store_anno_json(struct store *st, int64_t id, const size_t *span, char **json)
{
	sqlite3_stmt *s = store_stmt(st, SQL_ONE);
	int rc;

	*json = NULL;
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if (span != NULL) {
		sqlite3_bind_int64(s, 2, (sqlite3_int64)span[0]);
		sqlite3_bind_int64(s, 3, (sqlite3_int64)span[1]);
	}
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && sqlite3_column_text(s, 0) != NULL)
		*json = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return err_set("%s: no annotation %lld", store_path(st), (long long)id);
	if (rc != SQLITE_ROW || *json == NULL)
		return store_err(st, "writing an annotation as JSON");
	return 0;
}

/* ---- reading ------------------------------------------------------------- */

/* The annotations of a document in any of the shapes the W3C model and
 * common tools use, in document order. */
static const char SQL_ITEMS[] =
    "WITH d(j) AS (SELECT json(?1))"
    " SELECT e.value FROM d, json_each(d.j) e WHERE json_type(d.j) = 'array'"
    " UNION ALL SELECT d.j FROM d WHERE json_type(d.j) = 'object'"
    "  AND json_extract(d.j, '$.type') = 'Annotation'"
    " UNION ALL SELECT e.value FROM d, json_each(d.j, '$.first.items') e"
    "  WHERE json_extract(d.j, '$.type') = 'AnnotationCollection'"
    " UNION ALL SELECT e.value FROM d, json_each(d.j, '$.items') e"
    "  WHERE json_extract(d.j, '$.type') = 'AnnotationPage'";

/* A member that may be one object or an array of them, as an array. */
#define AS_ARRAY(path) \
	"(CASE json_type(?1, '" path "') WHEN 'array' THEN json_extract(?1, '" path "')" \
	" WHEN 'object' THEN json_array(json(json_extract(?1, '" path "')))" \
	" ELSE '[]' END)"

static const char SQL_FIELDS[] =
    "SELECT json_extract(?1, '$.id'), json_extract(?1, '$.created'),"
    " json_extract(?1, '$.modified'),"
    " CASE json_type(?1, '$.target') WHEN 'text' THEN json_extract(?1, '$.target')"
    "  ELSE json_extract(?1, '$.target.source') END,"
    " json_extract(?1, '$.\"dossier:article\".hash'),"
    " json_extract(?1, '$.\"dossier:article\".source'),"
    " (SELECT json_extract(s.value, '$.start') FROM json_each(" AS_ARRAY("$.target.selector") ") s"
    "  WHERE json_extract(s.value, '$.type') = 'TextPositionSelector'),"
    " (SELECT json_extract(s.value, '$.end') FROM json_each(" AS_ARRAY("$.target.selector") ") s"
    "  WHERE json_extract(s.value, '$.type') = 'TextPositionSelector'),"
    " (SELECT json_extract(s.value, '$.exact') FROM json_each(" AS_ARRAY("$.target.selector") ") s"
    "  WHERE json_extract(s.value, '$.type') = 'TextQuoteSelector'),"
    " (SELECT json_extract(s.value, '$.prefix') FROM json_each(" AS_ARRAY("$.target.selector") ") s"
    "  WHERE json_extract(s.value, '$.type') = 'TextQuoteSelector'),"
    " (SELECT json_extract(s.value, '$.suffix') FROM json_each(" AS_ARRAY("$.target.selector") ") s"
    "  WHERE json_extract(s.value, '$.type') = 'TextQuoteSelector'),"
    " (SELECT group_concat(json_extract(b.value, '$.value'), char(10) || char(10))"
    "  FROM json_each(" AS_ARRAY("$.body") ") b"
    "  WHERE json_extract(b.value, '$.purpose') = 'commenting'),"
    " json_extract(?1, '$.\"dossier:speaker\"'),"
    " json_extract(?1, '$.\"dossier:target\"'),"
    " json_extract(?1, '$.\"dossier:status\"'),"
    " json_extract(?1, '$.\"dossier:state\"'),"
    /* The W3C creator: a Person with a name (ours), a bare string (an
     * account or IRI, as Hypothesis writes), or the first of several. */
    " CASE json_type(?1, '$.creator') WHEN 'text' THEN json_extract(?1, '$.creator')"
    "  WHEN 'object' THEN coalesce(json_extract(?1, '$.creator.name'),"
    "   json_extract(?1, '$.creator.nickname'), json_extract(?1, '$.creator.id'))"
    "  WHEN 'array' THEN coalesce(json_extract(?1, '$.creator[0].name'),"
    "   json_extract(?1, '$.creator[0]')) END";

static const char SQL_TAGS[] =
    "SELECT DISTINCT json_extract(b.value, '$.value') FROM json_each(" AS_ARRAY("$.body") ") b"
    " WHERE json_extract(b.value, '$.purpose') = 'tagging'"
    " AND json_type(b.value, '$.value') = 'text'";

static int
read_tags(struct store *st, const char *item, struct store_anno *a)
{
	sqlite3_stmt *s = store_stmt(st, SQL_TAGS);
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, item, -1, SQLITE_TRANSIENT);
	/* By name only: ids are this database's business, found later. */
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		a->tags = xreallocarray(a->tags, a->ntags + 1, sizeof *a->tags);
		a->tags[a->ntags].id = 0;
		a->tags[a->ntags].name = store_col_text(s, 0);
		a->tags[a->ntags].color = NULL;
		a->ntags++;
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_err(st, "reading annotation tags");
}

/* Fields of one annotation object; -1 only for database errors (a bad
 * annotation is reported by the caller, which names it). */
static int
read_item(struct store *st, const char *item, struct store_anno_in *in)
{
	sqlite3_stmt *s = store_stmt(st, SQL_FIELDS);
	struct store_anno *a = &in->a;
	const char *state, *status;
	char *target;
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, item, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(s);
		return store_err(st, "reading an annotation");
	}
	in->id = store_col_text(s, 0);
	a->created = store_col_text(s, 1);
	a->modified = store_col_text(s, 2);
	in->source = store_col_text(s, 5);
	in->hash = store_col_text(s, 4);
	/* The target's source names the article too: a URL, or our URN
	 * holding the hash when the article came from no URL. */
	target = store_col_text(s, 3);
	if (target != NULL && strncmp(target, ARTICLE_URN, strlen(ARTICLE_URN)) == 0) {
		if (in->hash == NULL)
			in->hash = xstrdup(target + strlen(ARTICLE_URN));
		free(target);
	} else if (in->source == NULL)
		in->source = target;
	else
		free(target);
	in->has_position = sqlite3_column_type(s, 6) == SQLITE_INTEGER &&
	    sqlite3_column_type(s, 7) == SQLITE_INTEGER &&
	    sqlite3_column_int64(s, 6) >= 0 && sqlite3_column_int64(s, 7) >= sqlite3_column_int64(s, 6);
	if (in->has_position) {
		a->start = (size_t)sqlite3_column_int64(s, 6);
		a->end = (size_t)sqlite3_column_int64(s, 7);
	}
	a->quote = store_col_text(s, 8);
	a->prefix = store_col_text(s, 9);
	a->suffix = store_col_text(s, 10);
	a->note = store_col_text(s, 11);
	a->speaker = store_col_text(s, 12);
	a->target = store_col_text(s, 13);
	status = (const char *)sqlite3_column_text(s, 14);
	state = (const char *)sqlite3_column_text(s, 15);
	if (store_anno_status_parse(status, &a->status) != 0)
		a->status = STORE_ANNO_NOSTATUS;
	if (state == NULL || store_anno_state_parse(state, &a->state) != 0)
		a->state = STORE_ANNO_ACTIVE;
	a->coder = sqlite3_column_type(s, 16) == SQLITE_TEXT ? store_col_text(s, 16) : NULL;
	sqlite3_reset(s);
	return read_tags(st, item, a);
}

void
store_anno_in_free(struct store_anno_in *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		store_anno_free(&rows[i].a);
		free(rows[i].hash);
		free(rows[i].source);
		free(rows[i].id);
	}
	free(rows);
}

/* As deep as SQLite's JSON functions go (JSON_MAX_DEPTH). */
#define JSON_DEPTH 2000

/*
 * SQLite before 3.42.0 takes an object whose label is not a string, as in
 * {{"a":1}:0}, for valid JSON and then reads outside its parse while
 * looking a label up (fixed upstream on 2023-05-08: "ensure that the label
 * for a JSON object really is a string"); Debian 12 ships 3.40. Such a
 * document is refused before SQLite parses it. Only where labels stand is
 * looked at here: SQLite still judges everything else. Returns the byte
 * offset of the first label that is not a string, or LEN when none.
 */
static size_t
bad_label(const char *s, size_t len, const char **why)
{
	unsigned char in_object[JSON_DEPTH];
	size_t i, depth = 0;
	int want_label = 0;

	for (i = 0; i < len; i++) {
		char c = s[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			continue;
		if (want_label && c != '"' && c != '}') {
			*why = "an object's label is not in double quotes";
			return i;
		}
		want_label = 0;
		switch (c) {
		case '"':
			for (i++; i < len && s[i] != '"'; i++)
				if (s[i] == '\\')
					i++;
			break;
		case '{':
		case '[':
			if (depth == JSON_DEPTH) {
				*why = "nested too deeply";
				return i;
			}
			in_object[depth++] = c == '{';
			want_label = c == '{';
			break;
		case '}':
		case ']':
			if (depth > 0)
				depth--;
			break;
		case ',':
			want_label = depth > 0 && in_object[depth - 1];
			break;
		default:
			break;
		}
	}
	return len;
}

int
store_anno_json_read(struct store *st, const char *name, const char *json, size_t len,
    struct store_anno_in **rows, size_t *n)
{
	sqlite3_stmt *s;
	struct store_anno_in *v = NULL;
	size_t count = 0, at;
	const char *why = NULL;
	int rc;

	*rows = NULL;
	*n = 0;
	if ((at = bad_label(json, len, &why)) < len)
		return err_set("%s: not a JSON document of annotations: byte %zu: %s", name, at + 1,
		    why);
	if (sqlite3_prepare_v2(store_sqlite(st), SQL_ITEMS, -1, &s, NULL) != SQLITE_OK)
		return store_err(st, "preparing to read JSON");
	sqlite3_bind_text(s, 1, json, (int)len, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *item = (const char *)sqlite3_column_text(s, 0);

		v = xreallocarray(v, count + 1, sizeof *v);
		memset(&v[count], 0, sizeof v[count]);
		count++;
		if (item == NULL || read_item(st, item, &v[count - 1]) != 0) {
			sqlite3_finalize(s);
			store_anno_in_free(v, count);
			return err_prefix("%s: annotation %zu", name, count);
		}
	}
	if (rc != SQLITE_DONE) {
		err_set("%s: not a JSON document of annotations: %s", name,
		    sqlite3_errmsg(store_sqlite(st)));
		sqlite3_finalize(s);
		store_anno_in_free(v, count);
		return -1;
	}
	sqlite3_finalize(s);
	*rows = v;
	*n = count;
	return 0;
}
