/*
 * store-mention.c: the mentions extraction finds (where each entity is
 * named in an article's body, and how: by name, alias or context; and
 * where its title names one, schema 19), the articles
 * that name some words, and the mentions as JSON. The entities themselves
 * are store-entity.c's.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store-int.h"
#include "util.h"

/* ---- mentions ------------------------------------------------------------ */

void
store_mention_clear(struct store_mention *m)
{
	free(m->title);
	free(m->published);
	free(m->text);
	m->title = m->published = m->text = NULL;
}

void
store_mention_list_free(struct store_mention *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		store_mention_clear(&rows[i]);
	free(rows);
}

/* The stored word for how a mention was found, as a constant. */
static const char *
how_name(const unsigned char *how)
{
	static const char *const names[] = { "alias", "pattern", "anaphora", "title" };
	size_t i;

	for (i = 0; how != NULL && i < ARRAY_LEN(names); i++)
		if (strcmp((const char *)how, names[i]) == 0)
			return names[i];
	return "alias";
}

/* A page of mentions read into a growing array. */
struct found {
	struct store_mention *rows;
	size_t n, cap;
};

static void
found_row(void *arg, sqlite3_stmt *s)
{
	struct found *f = arg;
	struct store_mention *m;

	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 16;
		f->rows = xreallocarray(f->rows, f->cap, sizeof *f->rows);
	}
	m = &f->rows[f->n++];
	m->article_id = sqlite3_column_int64(s, 0);
	m->entity_id = sqlite3_column_int64(s, 1);
	m->start = (size_t)sqlite3_column_int64(s, 2);
	m->end = (size_t)sqlite3_column_int64(s, 3);
	m->how = how_name(sqlite3_column_text(s, 4));
	m->title = store_col_text(s, 5);
	m->published = store_col_text(s, 6);
	m->in_title = sqlite3_column_int(s, 9);
	if (m->in_title)
		m->how = "headline";
	m->text = NULL;
}

/* A title mention's place in the list's order, as (start, id) after its
 * article: (0, its start - TITLE_PLACE), before any of the body's, which
 * are at (start, 0); a title is far shorter than TITLE_PLACE bytes. */
#define TITLE_PLACE "4294967296"
#define TITLE_PLACE_N INT64_C(4294967296)

void
store_mention_after(const struct store_mention *m, struct store_after *after)
{
	after->published = m->published;
	after->article = m->article_id;
	after->start = m->in_title ? 0 : m->start;
	after->id = m->in_title ? (int64_t)m->start - TITLE_PLACE_N : 0;
}

/* The mentions of entity ?1 as store_page reads them (store-int.h), each
 * with its article's title and date, its place in the article (pos, pid)
 * and whether it is in the title: the body's through mentions_entity,
 * the title's through title_mentions_entity, each key (entity_id,
 * article_id) ending in its table's (article_id, start), so one
 * article's mentions of the entity are one range of each. CROSS JOIN
 * keeps the mentions the outer loop. ART and TART keep to one article
 * and the rows after a place in it: inside each half, so that the
 * compound's ORDER BY merges two ranges already in order and stops at
 * the page's last row, never reading and sorting every mention of the
 * entity in a long article (a subquery ordered outside would). */
#define MENTION_ROWS(art, tart) \
	"SELECT m.article_id AS article_id, m.entity_id, m.start, m.end, m.how, a.title," \
	"  a.published AS published, m.start AS pos, 0 AS pid, 0 AS in_title" \
	" FROM mentions m INDEXED BY mentions_entity CROSS JOIN articles a ON a.id = m.article_id" \
	" WHERE m.entity_id = ?1" art \
	" UNION ALL SELECT t.article_id, t.entity_id, t.start, t.end, NULL, a.title, a.published," \
	"  0, t.start - " TITLE_PLACE ", 1" \
	" FROM title_mentions t INDEXED BY title_mentions_entity" \
	" CROSS JOIN articles a ON a.id = t.article_id WHERE t.entity_id = ?1" tart

static const struct store_page_sql mentions_of = {
	"SELECT (SELECT count(*) FROM (SELECT 1 FROM mentions INDEXED BY mentions_entity"
	" WHERE entity_id = ?1 LIMIT ?7)) + (SELECT count(*) FROM (SELECT 1 FROM title_mentions"
	" INDEXED BY title_mentions_entity WHERE entity_id = ?1 LIMIT ?7))",
	"SELECT * FROM (" MENTION_ROWS("", "") ") WHERE "
	STORE_PAGE_AFTER("published", "article_id", "pos", "pid")
	" ORDER BY published DESC, article_id DESC, pos, pid LIMIT ?7 OFFSET ?9",
	MENTION_ROWS(" AND m.article_id = ?4 AND (m.start, 0) > (?5, ?6)",
	    " AND t.article_id = ?4 AND (0, t.start - " TITLE_PLACE ") > (?5, ?6)")
	" ORDER BY pos, pid LIMIT ?7 OFFSET ?9",
	"SELECT (SELECT count(*) FROM mentions m INDEXED BY mentions_entity"
	" WHERE m.entity_id = ?1 AND m.article_id = ?4 AND (m.start, 0) > (?5, ?6)) +"
	" (SELECT count(*) FROM title_mentions t INDEXED BY title_mentions_entity"
	" WHERE t.entity_id = ?1 AND t.article_id = ?4 AND (0, t.start - " TITLE_PLACE ") > (?5, ?6))",
};

/* The words of a mention in its article's title (NULL when its offsets
 * are not in it, as in a database changed by hand). */
static char *
title_words(const struct store_mention *m)
{
	size_t len = m->title != NULL ? strlen(m->title) : 0;

	if (m->start > m->end || m->end > len)
		return NULL;
	return xstrndup(m->title + m->start, m->end - m->start);
}

int
store_entity_mentions(struct store *st, int64_t entity, const struct store_after *after,
    size_t skip, size_t limit, struct store_mention **rows, size_t *n)
{
	struct store_body_cache c = { 0 };
	struct found f = { NULL, 0, 0 };
	size_t i, j, lo, hi;

	*rows = NULL;
	*n = 0;
	if (store_page(st, &mentions_of, entity, 0, 0, after, skip, limit, -1, found_row, &f,
	    "reading mentions") != 0) {
		store_mention_list_free(f.rows, f.n);
		return -1;
	}
	/* An article's mentions are adjacent: the range of those in its body
	 * is read once, and the body past the last of them not at all
	 * (store-body.c); those in its title are cut from the title. */
	for (i = 0; i < f.n; i = j) {
		size_t inbody = 0;

		lo = SIZE_MAX;
		hi = 0;
		for (j = i; j < f.n && f.rows[j].article_id == f.rows[i].article_id; j++) {
			if (f.rows[j].in_title)
				continue;
			inbody++;
			lo = f.rows[j].start < lo ? f.rows[j].start : lo;
			hi = f.rows[j].end > hi ? f.rows[j].end : hi;
		}
		if (inbody > 1)
			(void)store_body_load(st, &c, f.rows[i].article_id, lo, hi);
		for (; i < j; i++)
			f.rows[i].text = f.rows[i].in_title ? title_words(&f.rows[i]) :
			    store_body_words(st, &c, f.rows[i].article_id, f.rows[i].start,
			    f.rows[i].end);
	}
	store_body_cache_free(&c);
	*rows = f.rows;
	*n = f.n;
	return 0;
}

/* Mentions are written MENTIONS_AT to an insert, the rest one by one:
 * a statement's own cost is several times a row's. The rows go in in
 * their order, so the first of two at one start is kept, as before. */
#define MENTIONS_AT 16
#define M1 "(?, ?, ?, ?, ?)"
#define M4 M1 ", " M1 ", " M1 ", " M1
#define M16 M4 ", " M4 ", " M4 ", " M4

int
store_mentions_add(struct store *st, int64_t article, const struct store_mention_in *m,
    size_t n)
{
	sqlite3_stmt *s;
	size_t i, j, k;

	for (i = 0; i < n; i += k) {
		k = n - i >= MENTIONS_AT ? MENTIONS_AT : 1;
		s = store_stmt(st, k > 1 ?
		    "INSERT OR IGNORE INTO mentions (article_id, entity_id, start, end, how)"
		    " VALUES " M16 :
		    "INSERT OR IGNORE INTO mentions (article_id, entity_id, start, end, how)"
		    " VALUES " M1);
		if (s == NULL)
			return -1;
		for (j = 0; j < k; j++) {
			int b = (int)(5 * j);

			sqlite3_bind_int64(s, b + 1, article);
			sqlite3_bind_int64(s, b + 2, m[i + j].entity_id);
			sqlite3_bind_int64(s, b + 3, (sqlite3_int64)m[i + j].start);
			sqlite3_bind_int64(s, b + 4, (sqlite3_int64)m[i + j].end);
			sqlite3_bind_text(s, b + 5, m[i + j].how, -1, SQLITE_STATIC);
		}
		if (sqlite3_step(s) != SQLITE_DONE) {
			sqlite3_reset(s);
			return store_err(st, "adding mentions");
		}
		sqlite3_reset(s);
	}
	return 0;
}

int
store_title_mentions_add(struct store *st, int64_t article, const struct store_mention_in *m,
    size_t n)
{
	sqlite3_stmt *s = store_stmt(st, "INSERT OR IGNORE INTO title_mentions"
	    " (article_id, entity_id, start, end) VALUES (?1, ?2, ?3, ?4)");
	size_t i;

	if (s == NULL)
		return -1;
	/* A title names a few: one statement a row costs nothing here. */
	for (i = 0; i < n; i++) {
		sqlite3_bind_int64(s, 1, article);
		sqlite3_bind_int64(s, 2, m[i].entity_id);
		sqlite3_bind_int64(s, 3, (sqlite3_int64)m[i].start);
		sqlite3_bind_int64(s, 4, (sqlite3_int64)m[i].end);
		if (sqlite3_step(s) != SQLITE_DONE) {
			sqlite3_reset(s);
			return store_err(st, "adding the title's mentions");
		}
		sqlite3_reset(s);
	}
	return 0;
}

int
store_title_names(struct store *st, int64_t article, int64_t entity, int *named)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT EXISTS (SELECT 1 FROM title_mentions"
	    " WHERE article_id = ?1 AND (?2 = 0 OR entity_id = ?2))");
	int rc;

	*named = 0;
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, article);
	sqlite3_bind_int64(s, 2, entity);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*named = sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : store_err(st, "reading the title's mentions");
}

int
store_analysis_clear(struct store *st, int64_t article)
{
	/* The links' other halves, which no foreign key reaches: found by
	 * key, since every link is stored both ways. */
	if (store_exec_id(st, "DELETE FROM statement_links WHERE (from_id, to_id) IN"
	    " (SELECT l.to_id, l.from_id FROM statements s JOIN statement_links l"
	    "  ON l.from_id = s.id WHERE s.article_id = ?1)", article,
	    "clearing an article's analysis") != 0 ||
	    store_exec_id(st, "DELETE FROM mentions WHERE article_id = ?1", article,
	    "clearing an article's analysis") != 0 ||
	    store_exec_id(st, "DELETE FROM title_mentions WHERE article_id = ?1", article,
	    "clearing an article's analysis") != 0)
		return -1;
	return store_exec_id(st, "DELETE FROM statements WHERE article_id = ?1", article,
	    "clearing an article's analysis");
}

/* A phrase as an FTS5 string: in double quotes, quotes doubled. */
static void
fts_phrase(struct buf *b, const char *w)
{
	buf_addc(b, '"');
	for (; *w != '\0'; w++) {
		if (*w == '"')
			buf_addc(b, '"');
		buf_addc(b, *w);
	}
	buf_addc(b, '"');
}

int
store_articles_naming(struct store *st, const char *const *words, size_t nwords,
    int64_t **ids, size_t *n)
{
	sqlite3_stmt *s;
	struct buf q;
	size_t i;

	*ids = NULL;
	*n = 0;
	buf_init(&q);
	for (i = 0; i < nwords; i++) {
		if (i > 0)
			buf_adds(&q, " OR ");
		fts_phrase(&q, words[i]);
	}
	s = store_stmt(st, nwords > 0
	    ? "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rowid"
	    : "SELECT id FROM articles ORDER BY id");
	if (s == NULL) {
		buf_free(&q);
		return -1;
	}
	if (nwords > 0)
		sqlite3_bind_text(s, 1, q.data, (int)q.len, SQLITE_TRANSIENT);
	buf_free(&q);
	return store_col_ids(st, s, "finding articles", ids, n);
}

int
store_article_by_file(struct store *st, const char *file, int64_t *id)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT id FROM articles WHERE source = ?1 OR (substr(source, -length(?1)) = ?1"
	    " AND substr(source, -length(?1) - 1, 1) = '/') ORDER BY id DESC LIMIT 1");
	int rc;

	*id = 0;
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, file, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_err(st, "finding an article");
}

int
store_json_mentions(struct store *st, const struct store_mention *rows, size_t n,
    char **json)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT json_object('article', ?1, 'title', ?2, 'start', ?3, 'end', ?4, 'how', ?5,"
	    " 'text', ?6, 'published', ?7)");
	struct buf out;
	size_t i;
	char *obj;
	int rc = 0;

	if (s == NULL)
		return -1;
	buf_init(&out);
	buf_addc(&out, '[');
	for (i = 0; i < n && rc == 0; i++) {
		sqlite3_bind_int64(s, 1, rows[i].article_id);
		sqlite3_bind_text(s, 2, rows[i].title, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 3, (sqlite3_int64)rows[i].start);
		sqlite3_bind_int64(s, 4, (sqlite3_int64)rows[i].end);
		sqlite3_bind_text(s, 5, rows[i].how, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 6, rows[i].text, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 7, rows[i].published, -1, SQLITE_STATIC);
		obj = sqlite3_step(s) == SQLITE_ROW ? store_col_text(s, 0) : NULL;
		sqlite3_reset(s);
		if (obj == NULL) {
			rc = store_err(st, "making JSON");
			break;
		}
		buf_adds(&out, i ? "," : "");
		buf_adds(&out, obj);
		free(obj);
	}
	buf_addc(&out, ']');
	if (rc != 0) {
		buf_free(&out);
		return -1;
	}
	*json = buf_detach(&out, NULL);
	return 0;
}
