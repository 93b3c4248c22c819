/*
 * store-report.c: what the user's coding adds up to: the report table
 * and its JSON, how often each tag was used (per article, outlet, month
 * or speaker), and an actor's statements over time with their tags. Tags
 * against speakers, articles and agreements, and tags (and entities) that
 * go together, are store-report-matrix.c's. Each report is a table
 * (struct store_report) that the command formats as text, CSV, JSON or a
 * picture; nothing here knows how it is shown. The rules below hold for
 * both files.
 *
 * Counting rules. A segment is a highlight; one carrying two tags counts
 * once for each. Totals count live highlights (active or orphaned, as
 * the codebook's counts do). Whatever compares positions (the sentence a
 * highlight is in, what it overlaps) counts active ones only: an orphan's
 * offsets belong to another version of its article. A sentence is coded
 * with a tag when a highlight with that tag overlaps it; a highlight's
 * sentences are those it overlaps.
 *
 * Cost. A report without positions (frequencies, tags against speakers
 * or articles) reads the report counts (coding_counts, schema 14: live
 * highlights per tag, article and speaker; per tag and month or outlet,
 * schema 16; kept by triggers), tag by tag. The matrix per agreement and
 * the co-occurrences read the sums schema 16 keeps of what each article
 * adds to them (store-report-counts.c), counting again first the articles
 * written to since; counted directly (a read-only database), they read
 * the highlights (with --tag, through the tag's index: that tag's
 * highlights only) and each of their articles' sentence row once. A
 * timeline reads its statements and the highlights over them. Mentions
 * and statements are read by index ranges of the articles and offsets
 * concerned. Nothing scans the corpus's articles, mentions or statements.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store-int.h"
#include "store.h"
#include "util.h"

/* ---- the table ------------------------------------------------------------ */

void
store_report_free(struct store_report *r)
{
	size_t i;

	for (i = 0; i < r->ncols; i++)
		free(r->cols[i].name);
	for (i = 0; i < r->ncols * r->nrows; i++)
		free(r->cells[i].text);
	free(r->cols);
	free(r->cells);
	memset(r, 0, sizeof *r);
}

const struct store_report_cell *
store_report_at(const struct store_report *r, size_t row, size_t col)
{
	return &r->cells[row * r->ncols + col];
}

void
store_report_col_add(struct store_report *r, const char *name, enum store_report_kind kind)
{
	r->cols = xreallocarray(r->cols, r->ncols + 1, sizeof *r->cols);
	r->cols[r->ncols].name = xstrdup(name);
	r->cols[r->ncols].kind = kind;
	r->ncols++;
}

struct store_report_cell *
store_report_row_add(struct store_report *r, size_t *cap)
{
	struct store_report_cell *c;

	if (r->cells == NULL || r->nrows == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		r->cells = xreallocarray(r->cells, *cap * r->ncols + 1, sizeof *r->cells);
	}
	c = &r->cells[r->nrows++ * r->ncols];
	memset(c, 0, r->ncols * sizeof *c);
	return c;
}

/* Reads every row of S into R, column I of the result into column I of
 * the table, by its kind. */
static int
read_table(struct store *st, sqlite3_stmt *s, struct store_report *r, const char *what)
{
	struct store_report_cell *c;
	size_t cap = 0, i;
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		c = store_report_row_add(r, &cap);
		for (i = 0; i < r->ncols; i++) {
			if (r->cols[i].kind == STORE_REPORT_TEXT)
				c[i].text = store_col_text(s, (int)i);
			else
				c[i].n = sqlite3_column_int64(s, (int)i);
		}
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_err(st, what);
}

void
store_report_cut(struct store_report *r, size_t limit)
{
	size_t i;

	if (limit == 0 || r->nrows <= limit)
		return;
	for (i = limit * r->ncols; i < r->nrows * r->ncols; i++)
		free(r->cells[i].text);
	r->nrows = limit;
}

int
store_tag_within(const char *name, const char *tag)
{
	size_t n = strlen(tag);

	return strncmp(name, tag, n) == 0 && (name[n] == '\0' || name[n] == '/');
}

int
store_report_tag_known(struct store *st, const char *tag)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT 1 FROM tags t WHERE " STORE_REPORT_TAG_IN("t.name", "?1") " LIMIT 1");
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, tag, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_err(st, "finding a tag");
	return rc == SQLITE_ROW;
}

int
store_report_per_parse(const char *word, enum store_report_per *per)
{
	static const struct {
		const char *name;
		enum store_report_per per;
	} axes[] = {
		{ "article", STORE_PER_ARTICLE }, { "outlet", STORE_PER_OUTLET },
		{ "month", STORE_PER_MONTH }, { "speaker", STORE_PER_SPEAKER },
		{ "agreement", STORE_PER_AGREEMENT },
	};
	size_t i;

	for (i = 0; i < ARRAY_LEN(axes); i++)
		if (strcmp(word, axes[i].name) == 0) {
			*per = axes[i].per;
			return 0;
		}
	return -1;
}

/* ---- frequency --------------------------------------------------------------- */

/* A per-X frequency: grouped over the report counts first, labelled
 * after, so that a title or a name is read once per row printed. LABEL is
 * the label columns from g.k (with LABEL_JOIN), KEY the grouping (FROM,
 * with JOIN), ARTS its articles, ORDER the rows' order within a tag (per
 * speaker, the counts per tag and speaker are the rows). */
#define FREQUENCY_SQL(label, key, from, arts, label_join, order) \
	"SELECT g.tag, " label ", g.n, g.arts FROM" \
	" (SELECT t.name AS tag, " key " AS k, sum(c.n) AS n, " arts " AS arts" from \
	"  WHERE " STORE_REPORT_TAG_IN("t.name", "?1") \
	"  GROUP BY t.id, k) g" label_join \
	" ORDER BY g.tag, " order

/* Per month or outlet: the report counts per tag and month or outlet
 * (schema 16), a row each, their key turned back into the month or
 * outlet (NULL for none); ORDER within a tag. */
#define BY_SQL(table, col, order) \
	"SELECT t.name, " STORE_REPORT_KEY_TEXT("c." col) ", c.n, c.arts" \
	" FROM tags t CROSS JOIN " table " c ON c.tag_id = t.id" \
	" WHERE " STORE_REPORT_TAG_IN("t.name", "?1") " ORDER BY t.name, " order

struct per {
	const char *label_cols;     /* the label columns' names, ','-separated */
	const char *sql;
};

static const struct per pers[] = {
	[STORE_PER_ARTICLE] = { "article,title", FREQUENCY_SQL("g.k, ar.title", "c.article_id",
	    STORE_REPORT_COUNTS_FROM, "1", " LEFT JOIN articles ar ON ar.id = g.k",
	    "g.n DESC, g.k") },
	[STORE_PER_OUTLET] = { "outlet", BY_SQL("coding_outlets", "outlet", "c.n DESC, c.outlet") },
	[STORE_PER_MONTH] = { "month", BY_SQL("coding_months", "month",
	    "c.month = '', c.month") },
	[STORE_PER_SPEAKER] = { "speaker_id,speaker", FREQUENCY_SQL("g.k, e.name",
	    "c.speaker_id", STORE_REPORT_SPEAKERS_FROM, "sum(c.arts)",
	    " LEFT JOIN entities e ON e.id = g.k",
	    "g.n DESC, g.k = 0, e.name, g.k") },
};

/* Adds the comma-separated column names of NAMES: ids end in "_id" or
 * are "article"; the rest are text. */
static void
label_cols(struct store_report *r, const char *names)
{
	char *copy = xstrdup(names), *p, *save = NULL;

	for (p = strtok_r(copy, ",", &save); p != NULL; p = strtok_r(NULL, ",", &save)) {
		size_t n = strlen(p);
		int id = strcmp(p, "article") == 0 || (n > 3 && strcmp(p + n - 3, "_id") == 0);
		store_report_col_add(r, p, id ? STORE_REPORT_ID : STORE_REPORT_TEXT);
	}
	free(copy);
}

/* Per tag: segments and articles. Every tag of the codebook has a row
 * (an unused one counts 0), most used first. */
static int
frequency_total(struct store *st, const struct store_report_query *q, struct store_report *r)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT t.name, coalesce(sum(c.n), 0), count(DISTINCT c.article_id) FROM tags t"
	    " LEFT JOIN coding_counts c ON c.tag_id = t.id"
	    " WHERE " STORE_REPORT_TAG_IN("t.name", "?1")
	    " GROUP BY t.id ORDER BY 2 DESC, t.name");

	if (s == NULL)
		return -1;
	store_bind_text(s, 1, q->tag, 1);
	store_report_col_add(r, "tag", STORE_REPORT_TEXT);
	store_report_col_add(r, "segments", STORE_REPORT_COUNT);
	store_report_col_add(r, "articles", STORE_REPORT_COUNT);
	return read_table(st, s, r, "counting tags");
}

int
store_report_frequency(struct store *st, const struct store_report_query *q,
    struct store_report *r)
{
	sqlite3_stmt *s;
	int rc;

	memset(r, 0, sizeof *r);
	if (q->per == STORE_PER_NONE)
		rc = frequency_total(st, q, r);
	else if ((size_t)q->per >= ARRAY_LEN(pers) || pers[q->per].sql == NULL)
		rc = err_set("a frequency is per article, outlet, month or speaker");
	else if ((s = store_stmt(st, pers[q->per].sql)) == NULL)
		rc = -1;
	else {
		store_bind_text(s, 1, q->tag, 1);
		store_report_col_add(r, "tag", STORE_REPORT_TEXT);
		label_cols(r, pers[q->per].label_cols);
		store_report_col_add(r, "segments", STORE_REPORT_COUNT);
		store_report_col_add(r, "articles", STORE_REPORT_COUNT);
		rc = read_table(st, s, r, "counting tags");
	}
	if (rc != 0) {
		store_report_free(r);
		return -1;
	}
	store_report_cut(r, q->limit);
	return 0;
}

/* ---- timeline -------------------------------------------------------------------- */

/* The tags of the highlights overlapping [start, end) of ARTICLE, by
 * name, "; " between them (malloc'd; NULL when none). Whether one of them
 * is TAG (or nested in it) in *has. */
static int
span_tags(struct store *st, int64_t article, size_t start, size_t end, const char *tag,
    char **out, int *has)
{
	sqlite3_stmt *s = store_stmt(st,
	    "SELECT DISTINCT t.name FROM annotations a"
	    " JOIN annotation_tags x ON x.annotation_id = a.id JOIN tags t ON t.id = x.tag_id"
	    " WHERE a.article_id = ?1 AND a.start < ?3 AND a.end > ?2 AND a.state = 'active'"
	    " ORDER BY t.name");
	struct buf b;
	int rc;

	*out = NULL;
	*has = tag == NULL;
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, article);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)start);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)end);
	buf_init(&b);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(s, 0);
		buf_printf(&b, "%s%s", b.len > 0 ? "; " : "", name);
		if (tag != NULL && store_tag_within(name, tag))
			*has = 1;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		buf_free(&b);
		return store_err(st, "reading a statement's tags");
	}
	*out = b.len > 0 ? buf_detach(&b, NULL) : NULL;
	buf_free(&b);
	return 0;
}

/* Statements by BY and naming ABOUT (0: any), oldest article first,
 * undated ones last. ABOUT is read through its mentions (the entity's
 * index), BY through the speaker's: never every statement. */
#define TIMELINE_COLUMNS \
	"s.id, s.article_id, ar.published, ar.title, e.name, s.start, s.end"
#define TIMELINE_ORDER " ORDER BY ar.published IS NULL, ar.published, ar.id, s.start"

static sqlite3_stmt *
timeline_stmt(struct store *st, const struct store_report_query *q)
{
	sqlite3_stmt *s;

	if (q->about != 0)
		s = store_stmt(st, "SELECT DISTINCT " TIMELINE_COLUMNS " FROM mentions m"
		    " JOIN statements s ON s.article_id = m.article_id AND s.start <= m.start"
		    "  AND s.end >= m.end"
		    " JOIN articles ar ON ar.id = s.article_id"
		    " LEFT JOIN entities e ON e.id = s.speaker_id"
		    " WHERE m.entity_id = ?2 AND (?1 = 0 OR s.speaker_id = ?1)" TIMELINE_ORDER);
	else
		s = store_stmt(st, "SELECT " TIMELINE_COLUMNS " FROM statements s"
		    " JOIN articles ar ON ar.id = s.article_id"
		    " LEFT JOIN entities e ON e.id = s.speaker_id"
		    " WHERE s.speaker_id = ?1 AND ?2 = 0" TIMELINE_ORDER);
	if (s != NULL) {
		sqlite3_bind_int64(s, 1, q->by);
		sqlite3_bind_int64(s, 2, q->about);
	}
	return s;
}

/* One month's row of the picture: MONTH (NULL: undated), statements, and
 * how many of them carry a tag. */
static void
month_add(struct store_report *r, size_t *cap, const char *month, int tagged)
{
	struct store_report_cell *c = r->nrows > 0 ? &r->cells[(r->nrows - 1) * r->ncols] : NULL;

	if (c == NULL || (c[0].text == NULL) != (month == NULL) ||
	    (month != NULL && strcmp(c[0].text, month) != 0)) {
		c = store_report_row_add(r, cap);
		c[0].text = month != NULL ? xstrdup(month) : NULL;
	}
	c[1].n++;
	c[2].n += tagged;
}

int
store_report_timeline(struct store *st, const struct store_report_query *q,
    struct store_report *r)
{
	static const char *const cols[] = { "month", "published", "statement", "article",
		"speaker", "tags", "title", "text" };
	struct store_body_cache body = { 0 };
	sqlite3_stmt *s;
	size_t cap = 0, i;
	int rc, has;

	memset(r, 0, sizeof *r);
	if (q->by == 0 && q->about == 0)
		return err_set("a timeline is of an actor's statements or of those naming an entity");
	if ((s = timeline_stmt(st, q)) == NULL)
		return -1;
	if (q->months) {
		store_report_col_add(r, "month", STORE_REPORT_TEXT);
		store_report_col_add(r, "statements", STORE_REPORT_COUNT);
		store_report_col_add(r, "tagged", STORE_REPORT_COUNT);
	} else
		for (i = 0; i < ARRAY_LEN(cols); i++)
			store_report_col_add(r, cols[i], strcmp(cols[i], "statement") == 0 ||
			    strcmp(cols[i], "article") == 0 ? STORE_REPORT_ID : STORE_REPORT_TEXT);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t article = sqlite3_column_int64(s, 1);
		size_t start = (size_t)sqlite3_column_int64(s, 5);
		size_t end = (size_t)sqlite3_column_int64(s, 6);
		const char *published = (const char *)sqlite3_column_text(s, 2);
		char *tags, month[8] = "";
		struct store_report_cell *c;

		if (span_tags(st, article, start, end, q->tag, &tags, &has) != 0) {
			sqlite3_reset(s);
			store_body_cache_free(&body);
			store_report_free(r);
			return -1;
		}
		if (!has) {
			free(tags);
			continue;
		}
		if (published != NULL && strlen(published) >= 7)
			memcpy(month, published, 7);
		if (q->months) {
			month_add(r, &cap, month[0] != '\0' ? month : NULL, tags != NULL);
			free(tags);
			continue;
		}
		c = store_report_row_add(r, &cap);
		c[0].text = month[0] != '\0' ? xstrdup(month) : NULL;
		c[1].text = store_col_text(s, 2);
		c[2].n = sqlite3_column_int64(s, 0);
		c[3].n = article;
		c[4].text = store_col_text(s, 4);
		c[5].text = tags;
		c[6].text = store_col_text(s, 3);
		c[7].text = store_body_words(st, &body, article, start, end);
	}
	sqlite3_reset(s);
	store_body_cache_free(&body);
	if (rc != SQLITE_DONE) {
		store_report_free(r);
		return store_err(st, "reading statements");
	}
	store_report_cut(r, q->limit);
	return 0;
}

/* ---- JSON ---------------------------------------------------------------------- */

/* Binds cell C of column kind K at I: NULL for no text or no id. */
static void
bind_cell(sqlite3_stmt *s, int i, enum store_report_kind k, const struct store_report_cell *c)
{
	if (k == STORE_REPORT_TEXT)
		store_bind_text(s, i, c->text, 0);
	else if (k == STORE_REPORT_ID && c->n == 0)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_int64(s, i, c->n);
}

int
store_report_json(struct store *st, const struct store_report *r, char **json)
{
	struct buf sql, out;
	sqlite3_stmt *s;
	size_t i, row, p, ncell = 0;
	int rc = SQLITE_OK;

	*json = NULL;
	/* One object a row: the labels and counts by their column names; a
	 * matrix's cells in "counts", by tag, so that no tag's name can take
	 * the place of a label's. */
	buf_init(&sql);
	buf_adds(&sql, "SELECT json_object(");
	for (i = 0, p = 1; i < r->ncols; i++) {
		if (r->cols[i].kind == STORE_REPORT_CELL) {
			ncell++;
			continue;
		}
		buf_printf(&sql, "%s?%zu, ?%zu", p > 1 ? ", " : "", p, p + 1);
		p += 2;
	}
	if (ncell > 0) {
		buf_printf(&sql, "%s'counts', json_object(", p > 1 ? ", " : "");
		for (i = 0; i < ncell; i++, p += 2)
			buf_printf(&sql, "%s?%zu, ?%zu", i > 0 ? ", " : "", p, p + 1);
		buf_adds(&sql, ")");
	}
	buf_adds(&sql, ")");
	rc = sqlite3_prepare_v2(store_sqlite(st), sql.data, -1, &s, NULL);
	buf_free(&sql);
	if (rc != SQLITE_OK)
		return store_err(st, "making JSON");
	buf_init(&out);
	buf_addc(&out, '[');
	for (row = 0; row < r->nrows && rc == SQLITE_OK; row++) {
		int k;

		sqlite3_reset(s);
		for (k = 0; k < 2; k++)
			for (i = 0, p = k == 0 ? 1 : 1 + 2 * (r->ncols - ncell); i < r->ncols; i++) {
				if ((r->cols[i].kind == STORE_REPORT_CELL) != (k == 1))
					continue;
				sqlite3_bind_text(s, (int)p, r->cols[i].name, -1, SQLITE_STATIC);
				bind_cell(s, (int)p + 1, r->cols[i].kind, store_report_at(r, row, i));
				p += 2;
			}
		if (sqlite3_step(s) != SQLITE_ROW) {
			rc = SQLITE_ERROR;
			break;
		}
		buf_adds(&out, row > 0 ? "," : "");
		buf_adds(&out, (const char *)sqlite3_column_text(s, 0));
	}
	buf_addc(&out, ']');
	if (rc != SQLITE_OK) {
		rc = store_err(st, "making JSON");
		sqlite3_finalize(s);
		buf_free(&out);
		return rc;
	}
	sqlite3_finalize(s);
	*json = buf_detach(&out, NULL);
	return 0;
}
