/*
 * store-layer.c: what the reader draws over an open article, read as
 * bare spans. An article of 10 MB may hold tens of thousands of mentions
 * and statements; the reader needs only where each is and whose it is,
 * so these queries read one index range each and copy no text (the
 * statement and mention readers in store-statement.c and store-entity.c
 * also cut each one's words out of the body, which costs a copy of the
 * body per article opened).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "kb.h"
#include "store-int.h"
#include "util.h"

static void *
grow(void *v, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return v;
	*cap = *cap ? *cap * 2 : 64;
	return xreallocarray(v, *cap, size);
}

/* Rows from the last one starting before LO (it may reach into the
 * range) up to HI, by the index on (article_id, start). */
#define FROM_BEFORE(table) \
	" >= coalesce((SELECT start FROM " table " WHERE article_id = ?1 AND start < ?2" \
	"  ORDER BY start DESC LIMIT 1), ?2) AND "

/* Kinds as the knowledge base's constants, so a mark needs no string of
 * its own. */
static const char *
kind_name(const unsigned char *kind)
{
	enum kb_kind k;

	return kind != NULL && kb_kind_parse((const char *)kind, &k) == 0 ? kb_kind_name(k) : "";
}

static sqlite3_int64
bound(size_t v)
{
	return v > INT64_MAX ? INT64_MAX : (sqlite3_int64)v;
}

/* SQL over the rows of ARTICLE in [LO, HI), bound as ?1, ?2 and ?3. */
static sqlite3_stmt *
range_stmt(struct store *st, const char *sql, int64_t article, size_t lo, size_t hi)
{
	sqlite3_stmt *s = store_stmt(st, sql);

	if (s != NULL) {
		sqlite3_bind_int64(s, 1, article);
		sqlite3_bind_int64(s, 2, bound(lo));
		sqlite3_bind_int64(s, 3, bound(hi));
	}
	return s;
}

int
store_article_marks(struct store *st, int64_t article, size_t lo, size_t hi,
    struct store_mark **rows, size_t *n)
{
	sqlite3_stmt *s = range_stmt(st, "SELECT m.entity_id, e.kind, m.start, m.end"
	    " FROM mentions m JOIN entities e ON e.id = m.entity_id"
	    " WHERE m.article_id = ?1 AND m.start" FROM_BEFORE("mentions") "m.start < ?3"
	    " AND e.origin != 'candidate' AND e.status = 'active' ORDER BY m.start",
	    article, lo, hi);
	struct store_mark *v = NULL;
	size_t len = 0, cap = 0;
	int rc;

	*rows = NULL;
	*n = 0;
	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		sqlite3_int64 a = sqlite3_column_int64(s, 2), b = sqlite3_column_int64(s, 3);
		if (a < 0 || b <= a)
			continue;
		v = grow(v, len, &cap, sizeof *v);
		v[len].id = sqlite3_column_int64(s, 0);
		v[len].kind = kind_name(sqlite3_column_text(s, 1));
		v[len].start = (size_t)a;
		v[len].end = (size_t)b;
		len++;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		free(v);
		return store_err(st, "reading an article's mentions");
	}
	*rows = v;
	*n = len;
	return 0;
}

int
store_article_statement_marks(struct store *st, int64_t article, size_t lo, size_t hi,
    struct store_statement **rows, size_t *n)
{
	/* The speakers are few: joined per row, they cost an index probe. */
	sqlite3_stmt *s = range_stmt(st, "SELECT s.id, coalesce(s.speaker_id, 0), e.name,"
	    " s.start, s.end, s.verb, coalesce(s.quote_start, 0), coalesce(s.quote_end, 0)"
	    " FROM statements s LEFT JOIN entities e ON e.id = s.speaker_id"
	    " WHERE s.article_id = ?1 AND s.start" FROM_BEFORE("statements") "s.start < ?3"
	    " ORDER BY s.start", article, lo, hi);
	struct store_statement *v = NULL;
	size_t len = 0, cap = 0;
	int rc;

	*rows = NULL;
	*n = 0;
	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_statement *r;

		v = grow(v, len, &cap, sizeof *v);
		r = &v[len++];
		memset(r, 0, sizeof *r);
		r->id = sqlite3_column_int64(s, 0);
		r->article_id = article;
		r->speaker_id = sqlite3_column_int64(s, 1);
		r->speaker = store_col_text(s, 2);
		r->start = (size_t)sqlite3_column_int64(s, 3);
		r->end = (size_t)sqlite3_column_int64(s, 4);
		r->verb = store_col_text(s, 5);
		r->quote_start = (size_t)sqlite3_column_int64(s, 6);
		r->quote_end = (size_t)sqlite3_column_int64(s, 7);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_statement_list_free(v, len);
		return store_err(st, "reading an article's statements");
	}
	*rows = v;
	*n = len;
	return 0;
}

int
store_article_mark_step(struct store *st, enum store_mark_kind kind, int64_t article,
    int64_t entity, size_t off, int dir, size_t *start)
{
	/* Each is one seek: statements by (article_id, start), mentions of
	 * one entity by (entity_id, article_id, start), any listed entity's
	 * by the table's key. */
	static const char *const sql[3][2] = {
		{ "SELECT start FROM statements WHERE article_id = ?1 AND start < ?2"
		  " AND ?3 = ?3 ORDER BY start DESC LIMIT 1",
		  "SELECT start FROM statements WHERE article_id = ?1 AND start > ?2"
		  " AND ?3 = ?3 ORDER BY start LIMIT 1" },
		{ "SELECT start FROM mentions WHERE entity_id = ?3 AND article_id = ?1"
		  " AND start < ?2 ORDER BY start DESC LIMIT 1",
		  "SELECT start FROM mentions WHERE entity_id = ?3 AND article_id = ?1"
		  " AND start > ?2 ORDER BY start LIMIT 1" },
		{ "SELECT m.start FROM mentions m JOIN entities e ON e.id = m.entity_id"
		  " WHERE m.article_id = ?1 AND m.start < ?2 AND ?3 = ?3"
		  " AND e.origin != 'candidate' AND e.status = 'active'"
		  " ORDER BY m.start DESC LIMIT 1",
		  "SELECT m.start FROM mentions m JOIN entities e ON e.id = m.entity_id"
		  " WHERE m.article_id = ?1 AND m.start > ?2 AND ?3 = ?3"
		  " AND e.origin != 'candidate' AND e.status = 'active'"
		  " ORDER BY m.start LIMIT 1" },
	};
	int which = kind == STORE_MARK_STATEMENT ? 0 : entity != 0 ? 1 : 2;
	sqlite3_stmt *s = store_stmt(st, sql[which][dir > 0]);
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, article);
	sqlite3_bind_int64(s, 2, bound(off));
	sqlite3_bind_int64(s, 3, entity);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*start = (size_t)sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_DONE ? 1 : store_err(st, "finding the next mark");
}

int
store_article_mark_rank(struct store *st, enum store_mark_kind kind, int64_t article,
    int64_t entity, size_t start, size_t *k, size_t *n)
{
	static const char *const sql[3] = {
		"SELECT count(DISTINCT CASE WHEN start <= ?2 THEN start END), count(DISTINCT start)"
		" FROM statements WHERE article_id = ?1 AND ?3 = ?3",
		"SELECT count(DISTINCT CASE WHEN start <= ?2 THEN start END), count(DISTINCT start)"
		" FROM mentions WHERE entity_id = ?3 AND article_id = ?1",
		"SELECT count(DISTINCT CASE WHEN m.start <= ?2 THEN m.start END),"
		" count(DISTINCT m.start) FROM mentions m JOIN entities e ON e.id = m.entity_id"
		" WHERE m.article_id = ?1 AND ?3 = ?3"
		" AND e.origin != 'candidate' AND e.status = 'active'",
	};
	int which = kind == STORE_MARK_STATEMENT ? 0 : entity != 0 ? 1 : 2;
	sqlite3_stmt *s = store_stmt(st, sql[which]);
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, article);
	sqlite3_bind_int64(s, 2, bound(start));
	sqlite3_bind_int64(s, 3, entity);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*k = (size_t)sqlite3_column_int64(s, 0);
		*n = (size_t)sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : store_err(st, "counting the marks");
}
