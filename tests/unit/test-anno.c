/* test-anno.c: annotations in a database: adding, tags, notes in the
 * full-text index, undo and redo of every kind of change, tag merges,
 * durable transactions, carrying annotations to a new version, and a JSON
 * export imported into another database. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anno.h"
#include "export.h"
#include "../../src/store-int.h"   /* the rows themselves */
#include "tap.h"
#include "test-db.h"
#include "util.h"

static const char BODY[] =
    "The foreign ministers met in Moscow on Tuesday. "
    "The minister said the corridor would reopen within a week. "
    "Officials in Baku did not comment on the talks. "
    "Observers expect another round of negotiations next month.";

static void
exec_sql(struct store *st, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(store_sqlite(st), sql, NULL, NULL, &msg) != SQLITE_OK)
		tap_bail("%s: %s", sql, msg);
}

/* Whether two reports have the same columns, rows and cells. */
static int
same_report(const struct store_report *x, const struct store_report *y)
{
	size_t i, j;
	int same = x->ncols == y->ncols && x->nrows == y->nrows;

	for (j = 0; same && j < x->ncols; j++)
		same = strcmp(x->cols[j].name, y->cols[j].name) == 0;
	for (i = 0; same && i < x->nrows; i++)
		for (j = 0; same && j < x->ncols; j++) {
			const struct store_report_cell *a = store_report_at(x, i, j),
			    *b = store_report_at(y, i, j);
			same = a->n == b->n && (a->text == NULL) == (b->text == NULL) &&
			    (a->text == NULL || strcmp(a->text, b->text) == 0);
		}
	return same;
}

/* The reports that need positions (tag x agreement, co-occurrences) read
 * from the kept counts against the same counted from the highlights. */
static void
positional_agree(struct store *st, const char *what)
{
	static const struct {
		int matrix, entities, overlap;
		const char *tag, *name;
	} kinds[] = {
		{ 1, 0, 0, NULL, "tag x agreement" }, { 1, 0, 0, "claim", "tag x agreement --tag" },
		{ 0, 0, 0, NULL, "co-occurrence" }, { 0, 1, 0, NULL, "co-occurrence --entities" },
		{ 0, 0, 1, NULL, "co-occurrence --within overlap" },
		{ 0, 1, 1, "fact", "co-occurrence --within overlap --entities --tag" },
	};
	size_t k;

	for (k = 0; k < ARRAY_LEN(kinds); k++) {
		struct store_report_query q = { .per = STORE_PER_AGREEMENT, .tag = kinds[k].tag,
			.entities = kinds[k].entities, .overlap = kinds[k].overlap };
		struct store_report kept, direct;
		int rc;

		rc = kinds[k].matrix ? store_report_matrix(st, &q, &kept)
		    : store_report_cooccurrence(st, &q, &kept);
		if (rc != 0)
			tap_bail("%s: %s", kinds[k].name, err_msg());
		q.direct = 1;
		rc = kinds[k].matrix ? store_report_matrix(st, &q, &direct)
		    : store_report_cooccurrence(st, &q, &direct);
		if (rc != 0)
			tap_bail("%s: %s", kinds[k].name, err_msg());
		ok(same_report(&kept, &direct),
		    "%s from the kept counts is the one counted directly after %s (%zu rows)",
		    kinds[k].name, what, direct.nrows);
		store_report_free(&kept);
		store_report_free(&direct);
	}
	is_int(db_int(st, "SELECT count(*) FROM coding_stale"), 0,
	    "no article is left to count again after %s", what);
}

/* The report counts (coding_counts, kept by triggers) against the
 * grouped query over the coding they stand for, after the write WHAT. */
static void
counts_agree(struct store *st, const char *what)
{
	struct store_report_query q = { .per = STORE_PER_ARTICLE };
	struct store_report all, paged;
	int64_t n = -1;
	size_t i;
	int same;

	positional_agree(st, what);
	ok(store_schema_counts_stale(st, &n) == 0 && n == 0,
	    "the report counts agree with the coding after %s (%lld rows differ)", what,
	    (long long)n);
	/* The matrix per article: every row tallied and sorted, against the
	 * rows the reader reads in the articles' counts' order, cells read
	 * row by row (backwards, as a jump to the end would). */
	if (store_report_matrix(st, &q, &all) != 0)
		tap_bail("matrix: %s", err_msg());
	q.labels_later = 1;
	if (store_report_matrix(st, &q, &paged) != 0)
		tap_bail("matrix: %s", err_msg());
	for (i = paged.nrows; i-- > 0;)
		if (store_report_matrix_row(st, &q, &paged, i) != 0)
			tap_bail("matrix row: %s", err_msg());
	same = same_report(&all, &paged);
	ok(same, "the matrix per article read in pages is the full one after %s (%zu rows)",
	    what, all.nrows);
	store_report_free(&all);
	store_report_free(&paged);
}

/* An article row as an import makes it (the full-text index follows by
 * trigger). */
static int64_t
add_article(struct store *st, const char *title, const char *source, const char *body,
    int64_t previous)
{
	sqlite3_stmt *s;
	int64_t id;

	if (sqlite3_prepare_v2(store_sqlite(st),
	    "INSERT INTO articles (title, source, format, body, hash, previous_id)"
	    " VALUES (?1, ?2, 'text', ?3, hex(randomblob(8)), ?4)", -1, &s, NULL) != SQLITE_OK)
		tap_bail("prepare: %s", sqlite3_errmsg(store_sqlite(st)));
	sqlite3_bind_text(s, 1, title, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, source, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, body, -1, SQLITE_STATIC);
	if (previous)
		sqlite3_bind_int64(s, 4, previous);
	if (sqlite3_step(s) != SQLITE_DONE)
		tap_bail("insert article: %s", sqlite3_errmsg(store_sqlite(st)));
	sqlite3_finalize(s);
	id = sqlite3_last_insert_rowid(store_sqlite(st));
	return id;
}

static int64_t
add_at(struct anno_session *s, int64_t article, const char *body, const char *quote,
    const char *tag, const char *note)
{
	const char *at = strstr(body, quote);
	const char *tags[1] = { tag };
	struct anno_new n = { 0 };
	int64_t id = 0;

	if (at == NULL)
		tap_bail("quote '%s' not in the body", quote);
	n.article_id = article;
	n.start = (size_t)(at - body);
	n.end = n.start + strlen(quote);
	n.tags = tags;
	n.ntags = tag != NULL;
	n.note = note;
	if (anno_add(s, &n, &id) != 0)
		tap_bail("anno_add: %s", err_msg());
	return id;
}

static enum store_anno_state
state_of(struct store *st, int64_t id)
{
	struct store_anno a;
	enum store_anno_state s;

	if (store_anno_get(st, id, &a) != 0)
		tap_bail("no annotation %lld", (long long)id);
	s = a.state;
	store_anno_free(&a);
	return s;
}

static long long
fts_hits(struct store *st, const char *word)
{
	char *sql = xasprintf("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '%s'",
	    word);
	long long n = db_int(st, sql);

	free(sql);
	return n;
}

/* SQL: the id of the entity named NAME. */
#define ENTITY(name) "(SELECT id FROM entities WHERE name = '" name "')"

/* What an analysis leaves of ART (BODY): its sentences (at each ". "),
 * two agreements and a place named in them, a date and an outlet. */
static void
analysed(struct store *st, int64_t art)
{
	struct text_span spans[8];
	size_t n = 0, at = 0;
	const char *p;
	char *sql;

	while ((p = strstr(BODY + at, ". ")) != NULL || BODY[at] != '\0') {
		size_t end = p != NULL ? (size_t)(p - BODY) + 1 : strlen(BODY);
		spans[n].start = at;
		spans[n++].end = end;
		at = p != NULL ? end + 1 : end;
	}
	if (store_spans_add(st, art, NULL, 0, spans, n) != 0)
		tap_bail("sentences: %s", err_msg());
	exec_sql(st, "INSERT INTO entities(name, kind) VALUES ('Moscow Accord', 'agreement'),"
	    " ('Baku Protocol', 'agreement'), ('Absheron', 'place')");
	/* "Moscow" (sentence 1), "minister" (2), "Baku" (3), "talks" (3). */
	sql = xasprintf("INSERT INTO mentions(article_id, start, end, entity_id) VALUES"
	    " (%lld, %zu, %zu, " ENTITY("Moscow Accord") "),"
	    " (%lld, %zu, %zu, " ENTITY("Absheron") "),"
	    " (%lld, %zu, %zu, " ENTITY("Baku Protocol") "),"
	    " (%lld, %zu, %zu, " ENTITY("Moscow Accord") ");"
	    "UPDATE articles SET published = '2024-03-05', outlet = 'Wire' WHERE id = %lld",
	    (long long)art, (size_t)(strstr(BODY, "Moscow") - BODY),
	    (size_t)(strstr(BODY, "Moscow") - BODY) + 6,
	    (long long)art, (size_t)(strstr(BODY, "minister said") - BODY),
	    (size_t)(strstr(BODY, "minister said") - BODY) + 8,
	    (long long)art, (size_t)(strstr(BODY, "Baku") - BODY),
	    (size_t)(strstr(BODY, "Baku") - BODY) + 4,
	    (long long)art, (size_t)(strstr(BODY, "talks") - BODY),
	    (size_t)(strstr(BODY, "talks") - BODY) + 5, (long long)art);
	exec_sql(st, sql);
	free(sql);
}

/* SQL: the kept count of claim and fact together (KIND 2: sentences, 3:
 * overlaps), 0 for none. */
#define PAIR_SQL(kind) "SELECT coalesce(sum(n), 0) FROM coding_pairs WHERE kind = " #kind \
	" AND a = (SELECT min(id) FROM tags WHERE name IN ('claim', 'fact'))" \
	" AND b = (SELECT max(id) FROM tags WHERE name IN ('claim', 'fact'))"

/* The counts the positional reports read, by hand, and kept through what
 * an analysis run again or a changed knowledge base does to them. */
static void
test_positional(struct store *st, struct anno_session *s, int64_t art)
{
	struct store_report_query q = { .per = STORE_PER_AGREEMENT };
	struct store_report r;
	int64_t id, id2, n = -1;
	char *sql;

	/* Before: the highlights of the other tests. */
	long long sentence0 = db_int(st, PAIR_SQL(2)), overlap0 = db_int(st, PAIR_SQL(3));

	id = add_at(s, art, BODY, "Officials in Baku", "claim", NULL);
	id2 = add_at(s, art, BODY, "Baku did not", "fact", NULL);
	is_int(db_int(st, "SELECT count(*) FROM coding_stale"), 0,
	    "dossier's own writes are counted again before they commit");
	counts_agree(st, "two overlapping highlights in the third sentence");
	/* Both highlights are in the third sentence: Baku Protocol and
	 * (by "talks") Moscow Accord, once for each. */
	is_int(db_int(st, "SELECT n FROM coding_pairs WHERE kind = 1 AND a = "
	    ENTITY("Baku Protocol") " AND b = (SELECT id FROM tags WHERE name = 'claim')"),
	    1, "tag x agreement: claim beside the Baku Protocol once");
	is_int(db_int(st, PAIR_SQL(2)), sentence0 + 1,
	    "claim and fact share one sentence more (the third)");
	is_int(db_int(st, PAIR_SQL(3)), overlap0 + 1, "and overlap once more (the two in it)");
	exec_sql(st, "DELETE FROM mentions WHERE entity_id = " ENTITY("Baku Protocol"));
	counts_agree(st, "a mention gone (an analysis run again)");
	is_int(db_int(st, "SELECT count(*) FROM coding_pairs WHERE kind = 1 AND a = "
	    ENTITY("Baku Protocol")), 0, "the Baku Protocol counts no more");
	sql = xasprintf("INSERT INTO mentions(article_id, start, end, entity_id)"
	    " VALUES (%lld, %zu, %zu, " ENTITY("Baku Protocol") ")", (long long)art,
	    (size_t)(strstr(BODY, "Baku") - BODY), (size_t)(strstr(BODY, "Baku") - BODY) + 4);
	exec_sql(st, sql);
	free(sql);
	counts_agree(st, "the mention back");
	exec_sql(st, "UPDATE entities SET status = 'dismissed' WHERE name = 'Moscow Accord'");
	counts_agree(st, "an agreement dismissed");
	exec_sql(st, "UPDATE entities SET status = 'active', kind = 'person'"
	    " WHERE name = 'Moscow Accord'");
	counts_agree(st, "an agreement made a person");
	exec_sql(st, "UPDATE entities SET kind = 'agreement' WHERE name = 'Moscow Accord'");
	/* One sentence instead of the last two: the spans written again in
	 * the layout the schema packs from (8 bytes a span, two 4-byte
	 * little-endian offsets), behind the store's back. */
	{
		struct text_span *sp = NULL;
		size_t ns = 0, i;
		char hex[8 * 16 + 1] = "";

		if (store_sentences_get(st, art, &sp, &ns) != 0 || ns != 4)
			tap_bail("sentences: %zu, %s", ns, err_msg());
		sp[2].end = sp[3].end;
		for (i = 0; i < 3; i++)
			for (int k = 0; k < 8; k++) {
				size_t v = k < 4 ? sp[i].start : sp[i].end;
				snprintf(hex + 2 * (8 * i + k), 3, "%02x",
				    (unsigned)(v >> (8 * (k % 4))) & 0xff);
			}
		free(sp);
		sql = xasprintf("UPDATE spans SET sentences = dossier_spans_pack(x'%s')"
		    " WHERE article_id = %lld", hex, (long long)art);
	}
	exec_sql(st, sql);
	free(sql);
	counts_agree(st, "the sentences made again");
	exec_sql(st, "UPDATE articles SET published = '2024-04-01', outlet = NULL");
	counts_agree(st, "the article's date and outlet changed");
	is_int(db_int(st, "SELECT count(*) FROM coding_months WHERE month = '=2024-03'"), 0,
	    "nothing counted in its old month");
	is_int(db_int(st, "SELECT count(*) FROM coding_outlets WHERE outlet = ''"),
	    db_int(st, "SELECT count(DISTINCT tag_id) FROM coding_counts"),
	    "every tag counted under no outlet");
	/* Made wrong behind the triggers' back: named by check, made again
	 * by a salvage's rebuild. */
	exec_sql(st, "UPDATE coding_pairs SET n = n + 100 WHERE kind = 2");
	ok(store_check(st, 1) == -1 && strstr(err_msg(), "report counts") != NULL,
	    "a sum made wrong is named by check: %s", err_msg());
	exec_sql(st, "UPDATE coding_pairs SET n = n - 100 WHERE kind = 2;"
	    "DELETE FROM coding_article_pairs WHERE kind = 3");
	ok(store_check(st, 1) == -1 && strstr(err_msg(), "report counts") != NULL,
	    "an article's counts gone (with their sums) are named by check: %s", err_msg());
	exec_sql(st, "UPDATE coding_months SET arts = 2");
	ok(store_schema_counts_stale(st, &n) == 0 && n > 0,
	    "so are a month's articles made wrong (%lld rows)", (long long)n);
	exec_sql(st, "BEGIN");
	ok(store_schema_rebuild(st) == 0, "the derived data made again: %s", err_msg());
	exec_sql(st, "COMMIT");
	counts_agree(st, "a rebuild");
	ok(anno_delete(s, id) == 0 && anno_delete(s, id2) == 0, "the two deleted: %s",
	    err_msg());
	counts_agree(st, "the two deleted");
	ok(store_report_matrix(st, &q, &r) == 0 && r.nrows > 0,
	    "the matrix per agreement still has rows from the other highlights: %s", err_msg());
	store_report_free(&r);
}

static void
test_add(struct store *st, struct anno_session *s, int64_t art)
{
	struct store_anno a;
	struct anno_new n = { 0 };
	const char *tags[] = { "fact", "claim", "claim/unverified" };
	int64_t id;

	is_int(db_int(st, "SELECT count(*) FROM tags"), 8, "the codebook seeded 8 tags");
	is_int(db_int(st, "SELECT count(*) FROM tags WHERE name = 'claim' AND key = 'c'"
	    " AND color = 'blue'"), 1, "claim: key c, blue");
	n.article_id = art;
	n.start = (size_t)(strstr(BODY, "the corridor") - BODY);
	n.end = n.start + strlen("the corridor would reopen");
	n.tags = tags;
	n.ntags = 3;
	n.note = "Check with the\nfollow-up reports";
	ok(anno_add(s, &n, &id) == 0, "annotation added");
	ok(store_anno_get(st, id, &a) == 0, "read back");
	is_str(a.quote, "the corridor would reopen", "quote stored");
	is_int((long long)strlen(a.prefix), 32, "prefix stored");
	ok(strlen(a.uuid) == 36 && a.uuid[14] == '4', "a version-4 uuid: %s", a.uuid);
	is_int((long long)a.ntags, 3, "three tags (one created)");
	ok(a.ntags == 3 && strcmp(a.tags[0].name, "claim") == 0 &&
	    strcmp(a.tags[1].name, "claim/unverified") == 0 && strcmp(a.tags[2].name, "fact") == 0,
	    "tags sorted by name");
	is_str(a.note, "Check with the\nfollow-up reports", "note kept with its line break");
	ok(a.created != NULL && a.created[4] == '-' && a.created[strlen(a.created) - 1] == 'Z',
	    "created in ISO 8601 UTC: %s", a.created);
	store_anno_free(&a);
	is_int(fts_hits(st, "notes:reports"), 1, "the note is in the full-text index");
	is_int(anno_undo_depth(s), 1, "one change to undo");
	counts_agree(st, "an addition with three tags");
}

static void
test_speaker(struct store *st, struct anno_session *s, int64_t art)
{
	struct store_anno a;
	size_t at = (size_t)(strstr(BODY, "The minister said") - BODY);
	char *sql;
	int64_t id;

	exec_sql(st, "INSERT INTO entities (id, name, kind) VALUES (100, 'Sergei Lavrov', 'person')");
	exec_sql(st, "INSERT INTO aliases (entity_id, alias) VALUES (100, 'Lavrov')");
	sql = xasprintf("INSERT INTO statements (article_id, speaker_id, start, end)"
	    " VALUES (%lld, 100, %zu, %zu)", (long long)art, at,
	    (size_t)(strstr(BODY, "Officials") - BODY));
	exec_sql(st, sql);
	free(sql);
	id = add_at(s, art, BODY, "would reopen within a week", "claim", NULL);
	ok(store_anno_get(st, id, &a) == 0 && a.speaker_id == 100 && a.speaker != NULL &&
	    strcmp(a.speaker, "Sergei Lavrov") == 0,
	    "speaker pre-filled from the statement around the span");
	store_anno_free(&a);
	id = add_at(s, art, BODY, "Officials in Baku", NULL, NULL);
	ok(store_anno_get(st, id, &a) == 0 && a.speaker_id == 0,
	    "no speaker outside any statement");
	store_anno_free(&a);
	ok(anno_set_claim(s, id, 100, 0, STORE_ANNO_DISPUTED) == 0, "claim fields set");
	counts_agree(st, "a speaker set");
	ok(store_anno_get(st, id, &a) == 0 && a.speaker_id == 100 &&
	    a.status == STORE_ANNO_DISPUTED, "speaker and status stored");
	store_anno_free(&a);
	{
		int64_t e;
		ok(store_anno_entity_find(st, "lavrov", &e) == 0 && e == 0,
		    "aliases match exactly");
		ok(store_anno_entity_find(st, "Lavrov", &e) == 0 && e == 100, "entity by alias");
		ok(store_anno_entity_find(st, "sergei lavrov", &e) == 0 && e == 100,
		    "entity by name, any case");
	}
	{
		struct store_actor *actors;
		size_t na;

		exec_sql(st, "INSERT INTO entities (id, name, kind) VALUES"
		    " (101, 'Azerbaijan', 'state'), (102, 'Lachin corridor', 'place')");
		ok(store_anno_actors(st, 0, "", 0, &actors, &na) == 0 && na == 2 &&
		    strcmp(actors[0].name, "Azerbaijan") == 0, "actors: people and states, not places");
		store_actor_list_free(actors, na);
		ok(store_anno_actors(st, 0, "LAV", 10, &actors, &na) == 0 && na == 1 &&
		    actors[0].id == 100, "actors by part of a name or alias");
		store_actor_list_free(actors, na);
	}
}

static void
test_undo(struct store *st, struct anno_session *s, int64_t art)
{
	struct store_anno a;
	const char *what = NULL;
	int64_t id, got;
	int now = -1;
	struct store_tag opinion;

	id = add_at(s, art, BODY, "did not comment", "denial", "first note");
	ok(anno_delete(s, id) == 0 && state_of(st, id) == STORE_ANNO_DELETED, "deleted");
	counts_agree(st, "a deletion");
	ok(anno_delete(s, id) == -1, "deleting twice refused: %s", err_msg());
	ok(anno_undo(s, &what, &got) == 1 && state_of(st, id) == STORE_ANNO_ACTIVE && got == id,
	    "undo restores it (%s)", what ? what : "");
	counts_agree(st, "the deletion undone");
	ok(anno_redo(s, &what, NULL) == 1 && state_of(st, id) == STORE_ANNO_DELETED,
	    "redo deletes it again");
	counts_agree(st, "the deletion redone");
	ok(anno_undo(s, NULL, NULL) == 1, "undo the delete again");
	ok(anno_set_note(s, id, "second note") == 0, "note changed");
	is_int((long long)anno_redo_depth(s), 0, "a new change drops the redo history");
	is_int(fts_hits(st, "notes:second"), 1, "new note indexed");
	is_int(fts_hits(st, "notes:first"), 0, "old note gone from the index");
	ok(anno_undo(s, NULL, NULL) == 1 && store_anno_get(st, id, &a) == 0 &&
	    a.note && strcmp(a.note, "first note") == 0, "undo restores the note");
	store_anno_free(&a);
	is_int(fts_hits(st, "notes:first"), 1, "and its index entry");

	ok(store_tag_find(st, "opinion", &opinion) == 0, "opinion tag exists");
	ok(anno_toggle_tag(s, id, opinion.id, &now) == 0 && now == 1, "toggle adds a tag");
	counts_agree(st, "a tag added");
	ok(anno_toggle_tag(s, id, opinion.id, &now) == 0 && now == 0, "toggle removes it");
	counts_agree(st, "a tag taken");
	ok(anno_undo(s, NULL, NULL) == 1 && store_anno_get(st, id, &a) == 0 && a.ntags == 2,
	    "undo brings the tag back");
	counts_agree(st, "a tag taken, undone");
	store_anno_free(&a);
	store_tag_free(&opinion);

	/* Undoing an addition marks it deleted; redo brings it back. */
	id = add_at(s, art, BODY, "Observers expect", NULL, NULL);
	ok(anno_undo(s, NULL, NULL) == 1 && state_of(st, id) == STORE_ANNO_DELETED,
	    "undo of an addition deletes it");
	ok(anno_redo(s, NULL, NULL) == 1 && state_of(st, id) == STORE_ANNO_ACTIVE,
	    "redo restores it");
	while (anno_undo(s, NULL, NULL) == 1)
		;
	is_int(anno_undo(s, NULL, NULL), 0, "nothing more to undo");
	is_int(db_int(st, "SELECT count(*) FROM annotations WHERE state = 'active'"), 0,
	    "undoing everything leaves no live annotation");
	counts_agree(st, "everything undone");
	is_int(db_int(st, "SELECT count(*) FROM coding_counts"), 0, "and nothing is counted");
	is_int(db_int(st, "SELECT count(*) FROM tags"), 8, "and only the codebook's tags");
	while (anno_redo(s, NULL, NULL) == 1)
		;
	is_int(db_int(st, "SELECT count(*) FROM annotations WHERE state = 'active'"), 5,
	    "redoing everything brings all back");
	counts_agree(st, "everything redone");
}

static void
test_tags(struct store *st, struct anno_session *s, int64_t art)
{
	struct store_anno_filter f = { .tag = "claim", .status = -1 };
	struct store_anno *rows;
	struct store_tag t;
	size_t n, before, opinions;
	int64_t id;

	ok(anno_tag_create(s, "rumour", "214", "r", &id) == 0, "tag created");
	ok(anno_tag_create(s, "gossip", NULL, "r", NULL) == -1, "key in use refused: %s",
	    err_msg());
	ok(anno_tag_create(s, "bad//name", NULL, NULL, NULL) == -1, "empty nesting part refused");
	ok(anno_tag_create(s, "x", "mauve", NULL, NULL) == -1, "unknown colour refused: %s",
	    err_msg());
	ok(anno_tag_rename(s, "claim", "assertion") == 0, "claim renamed");
	ok(store_tag_find(st, "assertion/unverified", &t) == 0, "nested tag renamed along");
	store_tag_free(&t);
	ok(anno_undo(s, NULL, NULL) == 1 && store_tag_find(st, "claim/unverified", &t) == 0,
	    "undo renames both back");
	store_tag_free(&t);
	ok(anno_tag_set_color(s, "claim", "bright-yellow") == 0 &&
	    store_tag_find(st, "claim", &t) == 0 && strcmp(t.color, "bright-yellow") == 0,
	    "colour changed");
	store_tag_free(&t);

	ok(store_anno_list(st, &f, &rows, &n) == 0, "list by tag");
	is_int((long long)n, 2, "claim and claim/unverified annotations");
	store_anno_list_free(rows, n);
	add_at(s, art, BODY, "negotiations next month", "rumour", NULL);
	f.tag = "rumour";
	store_anno_count(st, &f, &before);
	f.tag = "opinion";
	store_anno_count(st, &f, &opinions);
	ok(anno_tag_merge(s, "rumour", "opinion") == 0, "rumour merged into opinion");
	counts_agree(st, "a tag merge");
	ok(store_tag_find(st, "rumour", &t) == 1, "merged tag gone");
	ok(store_anno_count(st, &f, &n) == 0 && n == before + opinions,
	    "its annotation carries opinion");
	ok(anno_undo(s, NULL, NULL) == 1 && store_tag_find(st, "rumour", &t) == 0 && t.id == id &&
	    t.key && strcmp(t.key, "r") == 0, "undo of the merge restores the tag");
	store_tag_free(&t);
	f.tag = "rumour";
	ok(store_anno_count(st, &f, &n) == 0 && n == before, "and its annotation's tag");
	counts_agree(st, "a tag merge undone");
	ok(anno_redo(s, NULL, NULL) == 1 && store_tag_find(st, "rumour", &t) == 1, "redo merges");
	counts_agree(st, "a tag merge redone");
	f.tag = NULL;
	f.text = "BAKU";
	ok(store_anno_list(st, &f, &rows, &n) == 0 && n == 1, "text filter, any case");
	store_anno_list_free(rows, n);
}

static void
test_durable(struct store *st)
{
	is_int(db_int(st, "PRAGMA synchronous"), 1, "connection default: NORMAL");
	ok(store_anno_begin(st) == 0, "annotation transaction");
	is_int(db_int(st, "PRAGMA synchronous"), 2, "FULL inside it");
	ok(store_anno_commit(st) == 0, "commit");
	is_int(db_int(st, "PRAGMA synchronous"), 1, "NORMAL again after");
	ok(store_begin(st) == 0 && store_anno_begin(st) == 0, "nested in an outer transaction");
	ok(store_anno_commit(st) == 0 && store_commit(st) == 0, "both commit");
	ok(store_check(st, 1) == 0, "integrity check passes");
}

static const char V2[] =
    "Updated: The foreign ministers met in Moscow on Tuesday. "
    "The minister said the corridor would fully reopen within a week. "
    "Observers expect another round of negotiations next month.";

static void
test_carry(struct store *st, struct anno_session *s, int64_t art)
{
	struct anno_carry_report rep;
	struct store_anno_filter f = { .status = -1 };
	struct store_anno *rows;
	size_t n, i, live_before;
	int64_t v2;
	int fuzzy = 0, orphan = 0, rc;

	f.article_id = art;
	store_anno_count(st, &f, &live_before);
	v2 = add_article(st, "Talks", "https://example.org/talks", V2, art);
	rc = anno_carry_over(st, art, v2, &rep);
	ok(rc == 0, "carried over: %zu exact, %zu moved, %zu fuzzy, %zu stayed", rep.exact,
	    rep.moved, rep.fuzzy, rep.stayed);
	is_int((long long)(rep.exact + rep.moved + rep.fuzzy + rep.stayed),
	    (long long)live_before, "every live annotation accounted for");
	ok(rep.fuzzy >= 1 && rep.stayed >= 1 && rep.moved >= 1, "moved, fuzzy and not placed");
	ok(store_anno_list(st, &f, &rows, &n) == 0 && n == rep.stayed,
	    "those not placed stay live on the old version");
	for (i = 0; i < n; i++) {
		ok(rows[i].state == STORE_ANNO_ACTIVE, "'%s' is active there", rows[i].quote);
		orphan += strcmp(rows[i].quote, "did not comment") == 0 && rows[i].note != NULL;
	}
	ok(orphan == 1, "the deleted quote among them, with its note");
	orphan = 0;
	store_anno_list_free(rows, n);
	f.states = STORE_ANNO_STATE_BIT(STORE_ANNO_SUPERSEDED);
	ok(store_anno_count(st, &f, &n) == 0 && n == live_before - rep.stayed,
	    "only the ones placed are superseded");
	f.states = 0;
	f.article_id = v2;
	ok(store_anno_list(st, &f, &rows, &n) == 0 && n == live_before - rep.stayed,
	    "they are in the new version");
	for (i = 0; i < n; i++) {
		if (rows[i].state == STORE_ANNO_ACTIVE &&
		    strncmp(V2 + rows[i].start, rows[i].quote, strlen(rows[i].quote)) != 0)
			ok(0, "quote '%s' at its offsets", rows[i].quote);
		if (rows[i].anchor && strcmp(rows[i].anchor, "fuzzy") == 0)
			fuzzy += strstr(rows[i].quote, "fully") != NULL;
		orphan += rows[i].state == STORE_ANNO_ORPHANED;
	}
	ok(fuzzy >= 1, "the fuzzy match covers the inserted word");
	ok(orphan == 0, "no orphaned copy is made");
	store_anno_list_free(rows, n);
	is_int(fts_hits(st, "notes:first"), 1, "the note not placed is still found");
	ok(db_int(st, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'notes:first'")
	    == art, "under the old version, where it stays");
	n = rep.stayed;
	ok(anno_carry_over(st, art, v2, &rep) == 0 && rep.exact + rep.moved + rep.fuzzy == 0 &&
	    rep.stayed == n, "running it again carries nothing");
	counts_agree(st, "highlights carried to a new version");
	(void)s;
}

static char *
export_string(struct store *st, enum export_format fmt)
{
	struct buf b;

	buf_init(&b);
	if (export_write(st, NULL, fmt, &b) != 0)
		tap_bail("export: %s", err_msg());
	return buf_detach(&b, NULL);
}

/* Export, import into a database holding the same articles, export again. */
static void
test_round_trip(struct store *st, const char *dir)
{
	char *path = xasprintf("%s/other.db", dir), *one, *two;
	struct anno_import_report rep;
	struct store *other;
	sqlite3_stmt *s;

	one = export_string(st, EXPORT_JSON);
	ok(store_open(path, 0, &other) == 0, "second database");
	/* The same articles, with different ids. */
	exec_sql(other, "INSERT INTO articles (id, title, format, body, hash)"
	    " VALUES (50, 'unrelated', 'text', 'x', 'h0')");
	if (sqlite3_prepare_v2(store_sqlite(st), "SELECT title, source, format, body, hash,"
	    " previous_id FROM articles ORDER BY id", -1, &s, NULL) != SQLITE_OK)
		tap_bail("prepare");
	while (sqlite3_step(s) == SQLITE_ROW) {
		sqlite3_stmt *ins;
		sqlite3_prepare_v2(store_sqlite(other), "INSERT INTO articles (title, source, format,"
		    " body, hash) VALUES (?1, ?2, ?3, ?4, ?5)", -1, &ins, NULL);
		for (int i = 0; i < 5; i++)
			sqlite3_bind_value(ins, i + 1, sqlite3_column_value(s, i));
		sqlite3_step(ins);
		sqlite3_finalize(ins);
	}
	sqlite3_finalize(s);
	exec_sql(other, "INSERT INTO entities (id, name, kind) VALUES (7, 'Sergei Lavrov', 'person')");
	ok(anno_json_import(other, "one.json", one, strlen(one), &rep) == 0,
	    "imported: %zu added, %zu refused", rep.added, rep.refused);
	ok(rep.added > 0 && rep.refused == 0 && rep.updated == 0, "all added, none refused");
	anno_import_report_free(&rep);
	counts_agree(other, "a JSON import");
	two = export_string(other, EXPORT_JSON);
	is_str(two, one, "export -> import -> export gives the same annotations");
	free(two);
	ok(anno_json_import(other, "one.json", one, strlen(one), &rep) == 0 &&
	    rep.added == 0 && rep.unchanged > 0, "a second import adds nothing");
	anno_import_report_free(&rep);
	ok(anno_json_import(other, "bad.json", "{\"a\":", 5, &rep) == -1 &&
	    strstr(err_msg(), "bad.json") != NULL, "malformed JSON named: %s", err_msg());
	ok(anno_json_import(other, "foreign.json",
	    "[{\"type\":\"Annotation\",\"id\":\"http://x/1\"}]", 41, &rep) == 0 && rep.refused == 1,
	    "an annotation without a urn:uuid id is refused: %s",
	    rep.nproblems ? rep.problems[0] : "");
	anno_import_report_free(&rep);
	store_close(other);
	free(one);
	free(path);
}

/* Interrupted at the Nth look of the store's interrupt check. */
static int interrupt_at, interrupt_looks;

static int
interrupt_nth(void *arg)
{
	(void)arg;
	return ++interrupt_looks == interrupt_at;
}

/* The counting kept after a commit, interrupted (Ctrl-C in the reader)
 * at each look of the interrupt check in turn: the write it follows is
 * kept, and so is the next one, whatever SQLite undid; the store is left
 * in no transaction. (Many articles listed stale, all but ART uncoded,
 * so that the counting takes many looks.) */
static void
test_interrupted_counting(struct store *st, int64_t art)
{
	sqlite3 *db = store_sqlite(st);
	int bad = 0;

	for (interrupt_at = 1; interrupt_at < 500; interrupt_at++) {
		char *sql = xasprintf("INSERT INTO state(key, value) VALUES ('first', '%d');"
		    " INSERT INTO coding_stale(article_id) VALUES (%lld);"
		    " WITH RECURSIVE n(i) AS (SELECT 100000 UNION ALL SELECT i + 1 FROM n"
		    "  WHERE i < 102000) INSERT INTO coding_stale(article_id) SELECT i FROM n",
		    interrupt_at, (long long)art);
		int c1, c2, first, second;

		exec_sql(st, "DELETE FROM state WHERE key IN ('first', 'second')");
		if (store_begin(st) != 0)
			tap_bail("begin: %s", err_msg());
		exec_sql(st, sql);
		free(sql);
		interrupt_looks = 0;
		store_set_interrupt(st, interrupt_nth, NULL);
		c1 = store_commit(st);
		store_set_interrupt(st, NULL, NULL);
		if (store_begin(st) != 0)
			tap_bail("begin after step %d: %s", interrupt_at, err_msg());
		exec_sql(st, "INSERT INTO state(key, value) VALUES ('second', 'y')");
		c2 = store_commit(st);
		first = (int)db_int(st, "SELECT count(*) FROM state WHERE key = 'first'");
		second = (int)db_int(st, "SELECT count(*) FROM state WHERE key = 'second'");
		if (c1 != 0 || first != 1 || c2 != 0 || second != 1 || !sqlite3_get_autocommit(db)) {
			diag("interrupted at look %d: commit %d, kept %d; next commit %d, kept %d",
			    interrupt_at, c1, first, c2, second);
			bad++;
		}
		if (interrupt_looks < interrupt_at)
			break;
	}
	ok(bad == 0 && interrupt_at > 3, "the counting after a commit interrupted at each of"
	    " its %d looks: the write kept, the next one committed", interrupt_at - 1);
	is_int(db_int(st, "SELECT count(*) FROM coding_stale"), 0,
	    "a write after them counted the articles they left listed");
	exec_sql(st, "DELETE FROM state WHERE key IN ('first', 'second')");
}

int
main(void)
{
	const char *dir = tap_tmpdir();
	char *path = xasprintf("%s/anno.db", dir);
	struct anno_session *s;
	struct store *st;
	int64_t art;

	if (store_open(path, 0, &st) != 0)
		tap_bail("store_open: %s", err_msg());
	art = add_article(st, "Talks", "https://example.org/talks", BODY, 0);
	analysed(st, art);
	ok(anno_session_open(st, &s) == 0, "session opened: %s", err_msg());
	test_add(st, s, art);
	test_speaker(st, s, art);
	test_undo(st, s, art);
	test_tags(st, s, art);
	test_durable(st);
	test_positional(st, s, art);
	test_interrupted_counting(st, art);
	test_carry(st, s, art);
	test_round_trip(st, dir);
	ok(store_check(st, 1) == 0, "integrity check passes at the end");
	ok(sqlite3_exec(store_sqlite(st), "INSERT INTO articles_fts(articles_fts, rank)"
	    " VALUES ('integrity-check', 1)", NULL, NULL, NULL) == SQLITE_OK,
	    "the full-text index matches the notes: %s", sqlite3_errmsg(store_sqlite(st)));
	anno_session_free(s);
	store_close(st);
	free(path);
	return tap_done();
}
