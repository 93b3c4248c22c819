/* test-store.c: opening, settings, schema versioning and migrations. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "../../src/store-int.h"   /* the rows themselves */
#include "kb.h"
#include "tap.h"
#include "test-db.h"
#include "util.h"

static void
test_open(const char *dir)
{
	char *path = xasprintf("%s/sub/dir/d.db", dir);
	struct store *st;
	struct stat sb;
	sqlite3_stmt *s;

	ok(store_open(path, 0, &st) == 0, "creates a new database and its directories");
	ok(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600, "database file is private");
	is_int(db_int(st, "PRAGMA user_version"), STORE_SCHEMA_VERSION, "schema version set");
	is_int(db_int(st, "PRAGMA foreign_keys"), 1, "foreign keys on");
	ok(db_int(st, "SELECT count(*) FROM sqlite_master WHERE name='articles_fts'") == 1,
	    "FTS5 table exists");
	s = store_stmt(st, "SELECT 1");
	ok(s != NULL && s == store_stmt(st, "SELECT 1"), "statements are cached");
	ok(store_check(st, 1) == 0, "integrity check passes");
	store_close(st);
	ok(store_open(path, 0, &st) == 0, "reopens");
	store_close(st);
	free(path);
}

static void
test_newer_refused(const char *dir)
{
	char *path = xasprintf("%s/newer.db", dir);
	struct store *st;
	sqlite3 *db;

	sqlite3_open(path, &db);
	sqlite3_exec(db, "PRAGMA user_version = 999", NULL, NULL, NULL);
	sqlite3_close(db);
	int rc = store_open(path, 0, &st);
	ok(rc == -1 && strstr(err_msg(), "newer") != NULL,
	    "database from a newer version refused: %s", err_msg());
	free(path);
}

static void
test_nocreate_and_readonly(const char *dir)
{
	char *path = xasprintf("%s/missing.db", dir);
	struct store *st;

	ok(store_open(path, STORE_NOCREATE, &st) == -1 && strstr(err_msg(), path) != NULL,
	    "missing database named");
	free(path);
	path = xasprintf("%s/ro.db", dir);
	ok(store_open(path, 0, &st) == 0, "create for read-only test");
	store_close(st);
	ok(store_open(path, STORE_READONLY, &st) == 0 && store_is_readonly(st),
	    "opens read-only");
	store_close(st);
	free(path);
}

/* A database as version 1 made it, with one article. */
static void
make_v1(const char *path)
{
	sqlite3 *db;

	unlink(path);
	sqlite3_open(path, &db);
	sqlite3_exec(db, store_schema_sql(1), NULL, NULL, NULL);
	sqlite3_exec(db, "PRAGMA user_version = 1;"
	    "INSERT INTO articles(title, format, body, hash) VALUES ('t', 'text', 'b', 'h');",
	    NULL, NULL, NULL);
	sqlite3_close(db);
}

/* Every schema version must migrate forward from the oldest with its rows. */
static void
test_migrate_from_oldest(const char *dir)
{
	char *path = xasprintf("%s/old.db", dir);
	struct store *st;

	make_v1(path);
	ok(store_open(path, 0, &st) == 0, "opens a version-1 database");
	is_int(db_int(st, "PRAGMA user_version"), STORE_SCHEMA_VERSION, "migrated to current");
	is_int(db_int(st, "SELECT count(*) FROM articles"), 1, "rows kept");
	is_int(db_int(st, "SELECT total(n) FROM list_days"), 1,
	    "the list's counts are made from the rows there (schema 2)");
	store_close(st);
	free(path);
}

/* Makes PATH anew as a database of schema VERSION (each step's SQL as it
 * was) holding ROWS, to be migrated by the store. */
static void
make_old(const char *path, int version, const char *rows)
{
	char *sql = xasprintf("PRAGMA user_version = %d;%s", version, rows);
	sqlite3 *db;
	int v;

	unlink(path);
	sqlite3_open(path, &db);
	for (v = 1; v <= version; v++)
		sqlite3_exec(db, store_schema_sql(v), NULL, NULL, NULL);
	sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	free(sql);
}

/* A database at schema 3 (what dossier wrote before pages' metadata was
 * kept) upgrades in place to the current version: its articles, notes and full-text index
 * as they were, the new columns empty, a new article stored with them. */
static void
test_migrate_from_3(const char *dir)
{
	char title[] = "Flood", body[] = "The flood came.", authors[] = "Ana Ruiz";
	char language[] = "pt-BR", left_out[] = "share\tShare this\n";
	char *path = xasprintf("%s/v3.db", dir), *dropped = path;
	struct store_article a;
	struct store *st;

	make_old(path, 3,
	    "INSERT INTO articles(title, source, outlet, format, body, hash)"
	    "  VALUES ('Weir', 'https://courier.example/weir', 'Courier', 'html',"
	    "  'The weir held.', 'h');"
	    "INSERT INTO annotations(uuid, article_id, start, end, quote, note)"
	    "  VALUES ('u1', 1, 4, 8, 'weir', 'the new one');");
	ok(store_open(path, 0, &st) == 0, "opens a version-3 database");
	is_int(db_int(st, "PRAGMA user_version"), STORE_SCHEMA_VERSION, "migrated to current");
	is_int(db_int(st, "SELECT count(*) FROM articles WHERE title = 'Weir' AND"
	    " outlet = 'Courier' AND body = 'The weir held.' AND authors IS NULL AND"
	    " language IS NULL AND modified IS NULL AND captions IS NULL AND dropped IS NULL"),
	    1, "the article kept, its new fields empty");
	is_int(db_int(st, "SELECT count(*) FROM annotations WHERE note = 'the new one'"), 1,
	    "its note kept");
	is_int(db_int(st, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'new'"),
	    1, "and still found by its note");
	ok(store_article_get(st, 1, &a) == 0 && a.authors == NULL && a.captions == NULL &&
	    strcmp(a.title, "Weir") == 0, "read back through the store");
	store_article_free(&a);
	ok(store_article_dropped(st, 1, &dropped) == 0 && dropped == NULL,
	    "nothing dropped is recorded for it");
	memset(&a, 0, sizeof a);
	a.title = title;
	a.body = body;
	a.body_len = strlen(body);
	a.authors = authors;
	a.language = language;
	a.dropped = left_out;
	{
		enum store_added how;
		ok(store_article_add(st, &a, &how) == 0 && how == STORE_ADDED,
		    "a new article stored after the upgrade");
	}
	is_int(db_int(st, "SELECT count(*) FROM articles WHERE title = 'Flood' AND"
	    " authors = 'Ana Ruiz' AND language = 'pt-BR'"), 1, "with its authors and language");
	ok(store_article_dropped(st, a.id, &dropped) == 0 && dropped != NULL &&
	    strcmp(dropped, left_out) == 0, "and what cleaning left out of it");
	free(dropped);
	free(a.hash);
	free(a.imported);
	store_close(st);
	free(path);
}

static int
add_item(struct store *st, const char *item, int64_t *id)
{
	char title[] = "Live", body[] = "Developing story.", format[] = "rss";
	struct store_article a = { 0 };
	enum store_added how;
	int rc;

	a.title = title;
	a.body = body;
	a.body_len = strlen(body);
	a.format = format;
	a.item = (char *)(uintptr_t)item;
	rc = store_article_add(st, &a, &how);
	*id = a.id;
	free(a.hash);
	free(a.imported);
	return rc != 0 ? -1 : (int)how;
}

/* A database at schema 5 (before feed items had an identity) upgrades in
 * place; a feed item stored then, met again with the same text, takes its
 * identity rather than being stored twice, and another item with that text
 * is an article of its own. */
static void
test_migrate_from_5(const char *dir)
{
	char *path = xasprintf("%s/v5.db", dir), *sql, hash[65];
	struct store_sha256 h;
	struct store *st;
	int64_t id;

	store_sha256_init(&h);
	store_sha256_add(&h, "Live\xff", 5);
	store_sha256_add(&h, "Developing story.", 17);
	store_sha256_hex(&h, hash);
	sql = xasprintf("INSERT INTO articles(title, source, format, body, hash) VALUES ('Live',"
	    "  'https://wire.example/a', 'rss', 'Developing story.', '%s');", hash);
	make_old(path, 5, sql);
	free(sql);
	ok(store_open(path, 0, &st) == 0, "opens a version-5 database");
	is_int(db_int(st, "PRAGMA user_version"), STORE_SCHEMA_VERSION, "migrated to current");
	is_int(db_int(st, "SELECT count(*) FROM articles WHERE item IS NULL AND summary = 0"),
	    1, "the article kept, with no item yet");
	ok(add_item(st, "https://wire.example/\twire-1", &id) == STORE_DUPLICATE && id == 1,
	    "its item met again with the same text is a duplicate of it");
	is_int(db_int(st, "SELECT count(*) FROM articles WHERE id = 1 AND"
	    " item = 'https://wire.example/' || char(9) || 'wire-1'"), 1, "which takes its identity");
	ok(add_item(st, "https://wire.example/\twire-1", &id) == STORE_DUPLICATE && id == 1,
	    "and is a duplicate by it after");
	ok(add_item(st, "https://wire.example/\twire-2", &id) == STORE_ADDED && id == 2,
	    "another item with the same text is an article of its own");
	store_close(st);
	free(path);
}

/* The ids of the statements by SPEAKER, pages of SIZE each after the
 * last row of the one before, joined. */
static char *
by_pages(struct store *st, int64_t speaker, size_t size)
{
	struct store_after after = { 0 };
	struct buf b;
	char *published = NULL;
	size_t n, i;
	int first = 1;

	buf_init(&b);
	do {
		struct store_statement *v = NULL;

		after.published = published;
		if (store_statements_find(st, 0, speaker, 0, first ? NULL : &after, 0, size, &v,
		    &n) != 0)
			tap_bail("statements by %lld: %s", (long long)speaker, err_msg());
		for (i = 0; i < n; i++)
			buf_printf(&b, "%s%lld", b.len > 0 ? " " : "", (long long)v[i].id);
		if (n > 0) {
			free(published);
			published = v[n - 1].published ? xstrdup(v[n - 1].published) : NULL;
			after.article = v[n - 1].article_id;
			after.start = v[n - 1].start;
			after.id = v[n - 1].id;
		}
		store_statement_list_free(v, n);
		first = 0;
	} while (n == size);
	free(published);
	buf_addc(&b, '\0');
	return buf_detach(&b, NULL);
}

/* A database from before schema 18 (statements without their article's
 * date) upgrades with each statement dated as its article: a speaker's
 * statements newest article first, the undated last, then by place, a
 * page at a time through the new index; an article dated again moves
 * its statements. (From 16: step 17 needs the store's own functions.) */
static void
test_migrate_statement_dates(const char *dir)
{
	char *path = xasprintf("%s/v16s.db", dir), *got;
	struct buf missing;
	struct store *st;

	make_old(path, 16,
	    "INSERT INTO articles(id, title, format, body, hash, published)"
	    "  VALUES (1, 'A', 'text', 'a b c d e f', 'h1', '2024-01-02'),"
	    "  (2, 'B', 'text', 'a b c d e f', 'h2', NULL),"
	    "  (3, 'C', 'text', 'a b c d e f', 'h3', '2024-03-01'),"
	    "  (4, 'D', 'text', 'a b c d e f', 'h4', '2024-01-02');"
	    "INSERT INTO entities(id, name, kind) VALUES (9, 'Someone', 'person');"
	    "INSERT INTO statements(id, article_id, speaker_id, start, end)"
	    "  VALUES (10, 1, 9, 0, 3), (11, 2, 9, 0, 3), (12, 3, 9, 6, 9), (13, 3, 9, 0, 3),"
	    "  (14, 4, 9, 0, 3);");
	ok(store_open(path, 0, &st) == 0, "opens a version-16 database with statements");
	is_int(db_int(st, "PRAGMA user_version"), STORE_SCHEMA_VERSION, "migrated to current");
	is_int(db_int(st, "SELECT count(*) FROM statements s JOIN articles a ON a.id = s.article_id"
	    " WHERE s.published IS NOT a.published"), 0, "every statement dated as its article");
	buf_init(&missing);
	ok(store_schema_missing(st, &missing) == 0 && missing.len == 0,
	    "nothing of a new database's schema missing");
	buf_free(&missing);
	got = by_pages(st, 9, 50);
	ok(strcmp(got, "13 12 14 10 11") == 0, "by the speaker: newest first, undated last (%s)",
	    got);
	free(got);
	got = by_pages(st, 9, 2);
	ok(strcmp(got, "13 12 14 10 11") == 0, "and in pages of 2 (%s)", got);
	free(got);
	sqlite3_exec(store_sqlite(st), "UPDATE articles SET published = '2025-01-01' WHERE id = 2;"
	    "UPDATE articles SET published = NULL WHERE id = 3", NULL, NULL, NULL);
	got = by_pages(st, 9, 2);
	ok(strcmp(got, "11 14 10 13 12") == 0,
	    "articles dated again and undated: their statements move (%s)", got);
	free(got);
	store_close(st);
	free(path);
}

/* A database at schema 13 (before the report counts) upgrades with its
 * coding counted: live highlights per tag, article and speaker, deleted
 * and superseded ones not at all. */
static void
test_migrate_from_13(const char *dir)
{
	char *path = xasprintf("%s/v13.db", dir);
	struct store *st;
	int64_t stale = -1;

	make_old(path, 13,
	    "INSERT INTO articles(id, title, format, body, hash)"
	    "  VALUES (1, 'A', 'text', 'a b c', 'h1'), (2, 'B', 'text', 'd e f', 'h2');"
	    "INSERT INTO entities(id, name, kind) VALUES (9, 'Someone', 'person');"
	    "INSERT INTO tags(id, name) VALUES (1, 'claim'), (2, 'fact');"
	    "INSERT INTO annotations(id, uuid, article_id, start, end, quote, speaker_id, state)"
	    "  VALUES (1, 'u1', 1, 0, 1, 'a', 9, 'active'), (2, 'u2', 1, 2, 3, 'b', 9, 'orphaned'),"
	    "  (3, 'u3', 1, 4, 5, 'c', NULL, 'active'), (4, 'u4', 2, 0, 1, 'd', 9, 'deleted'),"
	    "  (5, 'u5', 2, 2, 3, 'e', 9, 'superseded');"
	    "INSERT INTO annotation_tags VALUES (1, 1), (1, 2), (2, 1), (3, 1), (4, 1), (5, 2);");
	ok(store_open(path, 0, &st) == 0, "opens a version-13 database");
	is_int(db_int(st, "PRAGMA user_version"), STORE_SCHEMA_VERSION, "migrated to current");
	is_int(db_int(st, "SELECT count(*) FROM coding_counts"), 3, "three counts");
	is_int(db_int(st, "SELECT n FROM coding_counts WHERE tag_id = 1 AND article_id = 1"
	    " AND speaker_id = 9"), 2, "an active and an orphaned highlight count");
	is_int(db_int(st, "SELECT n FROM coding_counts WHERE tag_id = 1 AND article_id = 1"
	    " AND speaker_id = 0"), 1, "one without a speaker under 0");
	is_int(db_int(st, "SELECT n FROM coding_counts WHERE tag_id = 2 AND article_id = 1"
	    " AND speaker_id = 9"), 1, "a second tag of one highlight counts for that tag");
	is_int(db_int(st, "SELECT n * 10 + arts FROM coding_speakers WHERE tag_id = 1"
	    " AND speaker_id = 9"), 21, "per tag and speaker: two highlights in one article");
	is_int(db_int(st, "SELECT count(*) FROM coding_articles"), 1,
	    "per article: only the article with live highlights");
	is_int(db_int(st, "SELECT n FROM coding_articles WHERE article_id = 1"), 4,
	    "per article: its highlights once for each tag");
	ok(store_schema_counts_stale(st, &stale) == 0 && stale == 0, "they agree with the coding");
	ok(store_check(st, 1) == 0, "and check finds nothing wrong: %s", err_msg());
	sqlite3_exec(store_sqlite(st), "UPDATE coding_articles SET n = 5", NULL, NULL, NULL);
	ok(store_check(st, 1) == -1 && strstr(err_msg(), "report counts") != NULL,
	    "an article's total made wrong is named by check: %s", err_msg());
	sqlite3_exec(store_sqlite(st), "UPDATE coding_articles SET n = 4;"
	    "INSERT INTO coding_articles VALUES (2, 1)", NULL, NULL, NULL);
	ok(store_check(st, 1) == -1 && strstr(err_msg(), "report counts") != NULL,
	    "so is a total for an article with none: %s", err_msg());
	sqlite3_exec(store_sqlite(st), "DELETE FROM coding_articles WHERE article_id = 2;"
	    "UPDATE coding_counts SET n = 7 WHERE tag_id = 2", NULL, NULL, NULL);
	ok(store_check(st, 1) == -1 && strstr(err_msg(), "report counts") != NULL,
	    "counts made wrong are named by check: %s", err_msg());
	store_close(st);
	free(path);
}

/* A database at schema 15 (before the counts per month, outlet and pair)
 * upgrades with them counted from its coding: per tag and month or
 * outlet with the articles, and what each article's highlights add to the
 * matrix per agreement and the co-occurrences, from its sentences and
 * mentions. */
static void
test_migrate_from_15(const char *dir)
{
	char *path = xasprintf("%s/v15.db", dir);
	struct store *st;
	int64_t stale = -1;

	/* Article 1: "Aa bb. Cc dd." (sentences [0, 6) and [7, 13)), the
	 * agreement 8 named in the first; article 2 undated, no outlet. */
	make_old(path, 15,
	    "INSERT INTO articles(id, title, format, body, hash, published, outlet)"
	    "  VALUES (1, 'A', 'text', 'Aa bb. Cc dd.', 'h1', '2024-03-05', 'Wire'),"
	    "  (2, 'B', 'text', 'Ee ff. Gg hh.', 'h2', NULL, NULL),"
	    "  (3, 'C', 'text', 'Ii jj.', 'h3', '2024-03-20', 'Wire');"
	    "INSERT INTO sentences(article_id, spans) VALUES"
	    "  (1, x'0000000006000000070000000d000000'),"
	    "  (2, x'0000000006000000070000000d000000');"
	    "INSERT INTO entities(id, name, kind) VALUES (8, 'Accord', 'agreement'),"
	    "  (9, 'Someone', 'person');"
	    "INSERT INTO mentions(article_id, start, end, entity_id) VALUES (1, 0, 2, 8), (1, 7, 9, 9);"
	    "INSERT INTO tags(id, name) VALUES (1, 'claim'), (2, 'fact');"
	    "INSERT INTO annotations(id, uuid, article_id, start, end, quote, state)"
	    "  VALUES (1, 'u1', 1, 0, 2, 'Aa', 'active'), (2, 'u2', 1, 3, 5, 'bb', 'active'),"
	    "  (3, 'u3', 1, 7, 9, 'Cc', 'active'), (4, 'u4', 2, 0, 2, 'Ee', 'orphaned'),"
	    "  (5, 'u5', 3, 0, 2, 'Ii', 'active'), (6, 'u6', 3, 3, 5, 'jj', 'deleted');"
	    "INSERT INTO annotation_tags VALUES (1, 1), (2, 2), (3, 1), (4, 1), (5, 1), (6, 2);");
	ok(store_open(path, 0, &st) == 0, "opens a version-15 database: %s", err_msg());
	is_int(db_int(st, "PRAGMA user_version"), STORE_SCHEMA_VERSION, "migrated to current");
	is_int(db_int(st, "SELECT n * 10 + arts FROM coding_months WHERE tag_id = 1"
	    " AND month = '=2024-03'"), 32, "claim in March 2024: three highlights, two articles");
	is_int(db_int(st, "SELECT n * 10 + arts FROM coding_months WHERE tag_id = 1"
	    " AND month = ''"), 11, "an orphan of an undated article counts as undated");
	is_int(db_int(st, "SELECT n * 10 + arts FROM coding_outlets WHERE tag_id = 2"
	    " AND outlet = '=Wire'"), 11, "fact at Wire once (the deleted one not)");
	is_int(db_int(st, "SELECT count(*) FROM coding_outlets"), 3,
	    "claim and fact at Wire, claim at no outlet");
	is_int(db_int(st, "SELECT n FROM coding_pairs WHERE kind = 1 AND a = 8 AND b = 1"), 1,
	    "claim beside the Accord once (its sentence)");
	is_int(db_int(st, "SELECT n FROM coding_pairs WHERE kind = 1 AND a = 8 AND b = 2"), 1,
	    "fact beside it once (the same sentence)");
	is_int(db_int(st, "SELECT n FROM coding_pairs WHERE kind = 2 AND a = 1 AND b = 2"), 1,
	    "claim and fact share one sentence");
	is_int(db_int(st, "SELECT n FROM coding_pairs WHERE kind = 2 AND a = 1 AND b = -9"), 1,
	    "claim shares one with Someone");
	is_int(db_int(st, "SELECT count(*) FROM coding_pairs WHERE kind = 3"), 2,
	    "no two highlights overlap: claim over the Accord's and Someone's mentions");
	is_int(db_int(st, "SELECT n FROM coding_pairs WHERE kind = 3 AND a = 1 AND b = -8"), 1,
	    "claim over the Accord's once");
	is_int(db_int(st, "SELECT count(*) FROM coding_stale"), 0, "nothing left to count");
	ok(store_schema_counts_stale(st, &stale) == 0 && stale == 0, "they agree with the coding");
	ok(store_check(st, 1) == 0, "and check finds nothing wrong: %s", err_msg());
	sqlite3_exec(store_sqlite(st), "UPDATE coding_outlets SET n = 5", NULL, NULL, NULL);
	ok(store_check(st, 1) == -1 && strstr(err_msg(), "report counts") != NULL,
	    "an outlet's count made wrong is named by check: %s", err_msg());
	store_close(st);
	free(path);
}

/* A reading command on a database an older dossier made upgrades it once
 * (rather than refusing every read until something writes); check and
 * backup leave it as it is. */
static void
test_readonly_upgrade(const char *dir)
{
	char *path = xasprintf("%s/old-ro.db", dir);
	struct store *st;

	make_v1(path);
	ok(store_open(path, STORE_READONLY | STORE_NOCREATE | STORE_NOUPGRADE, &st) == 0,
	    "check opens a version-1 database as it is");
	is_int(db_int(st, "PRAGMA user_version"), 1, "and leaves it at version 1");
	store_close(st);
	ok(store_open(path, STORE_READONLY | STORE_NOCREATE, &st) == 0,
	    "a reading command opens a version-1 database");
	is_int(db_int(st, "PRAGMA user_version"), STORE_SCHEMA_VERSION, "upgraded first");
	is_int(db_int(st, "SELECT count(*) FROM articles"), 1, "with its rows");
	ok(store_is_readonly(st), "and still read-only for the command");
	store_close(st);
	free(path);
}

static int
stop_now(void *arg)
{
	return *(int *)arg;
}

/* A query under way stops when the interrupt check says so, with a
 * message saying it was interrupted; the store works again after. */
static void
test_interrupt(const char *dir)
{
	char *path = xasprintf("%s/int.db", dir);
	struct store_article_brief *rows = NULL;
	struct store *st;
	size_t n = 0;
	int stop = 0;

	if (store_open(path, 0, &st) != 0)
		tap_bail("%s", err_msg());
	sqlite3_exec(store_sqlite(st), "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL"
	    " SELECT i + 1 FROM k WHERE i < 3000) INSERT INTO articles(title, format, body, hash)"
	    " SELECT 'a' || i, 'text', 'b', 'h' || i FROM k", NULL, NULL, NULL);
	store_set_interrupt(st, stop_now, &stop);
	ok(store_article_page(st, 0, 3000, &rows, &n) == 0 && n == 3000,
	    "with the check saying go on, a long query runs (%zu rows)", n);
	store_article_brief_free(rows, n);
	stop = 1;
	ok(store_article_page(st, 0, 3000, &rows, &n) == -1 && strstr(err_msg(), "interrupted"),
	    "when it says stop, the query stops: %s", err_msg());
	store_set_interrupt(st, NULL, NULL);
	ok(store_article_page(st, 0, 3000, &rows, &n) == 0 && n == 3000,
	    "without the check, it runs again");
	store_article_brief_free(rows, n);
	store_close(st);
	free(path);
}

static void
count_warning(void *arg, const char *msg)
{
	(void)msg;
	++*(int *)arg;
}

/* The shipped knowledge base written into a new database (many rows to an
 * insert) and by the upsert (a database with a row in it already): the
 * same entities with the same ids, aliases, roles and attributes. */
static void
test_kb_new_and_upsert(const char *dir)
{
	static const char *const same[] = {
		"SELECT count(*) FROM (SELECT * FROM entities EXCEPT SELECT * FROM a.entities)",
		"SELECT count(*) FROM (SELECT * FROM a.entities EXCEPT SELECT * FROM entities)",
		"SELECT count(*) FROM (SELECT * FROM aliases EXCEPT SELECT * FROM a.aliases)",
		"SELECT count(*) FROM (SELECT * FROM a.aliases EXCEPT SELECT * FROM aliases)",
		"SELECT count(*) FROM (SELECT * FROM roles EXCEPT SELECT * FROM a.roles)",
		"SELECT count(*) FROM (SELECT * FROM a.roles EXCEPT SELECT * FROM roles)",
	};
	char *a = xasprintf("%s/kb-new.db", dir), *b = xasprintf("%s/kb-upsert.db", dir);
	char *kbdir = xasprintf("%s/kb", path_data_dir()), *attach;
	struct kb *kb = kb_new();
	struct store *sa, *sb;
	int warnings = 0;
	size_t i;

	ok(kb_load_dir(kb, kbdir, KB_ORIGIN_KB, count_warning, &warnings) >= 0 && warnings == 0,
	    "the shipped knowledge base loads");
	if (store_open(a, 0, &sa) != 0 || store_open(b, 0, &sb) != 0)
		tap_bail("%s", err_msg());
	/* A role of no entity: that database is not new. */
	ok(sqlite3_exec(store_sqlite(sb), "PRAGMA foreign_keys = OFF;"
	    " INSERT INTO roles (entity_id, role, origin) VALUES (0, 'none', 'user');"
	    " PRAGMA foreign_keys = ON", NULL, NULL, NULL) == SQLITE_OK, "a row in one database");
	ok(store_kb_sync(sa, kb) == 0, "written into the new database");
	ok(store_kb_sync(sb, kb) == 0, "written by the upsert");
	ok(sqlite3_exec(store_sqlite(sb), "DELETE FROM roles WHERE entity_id = 0", NULL, NULL,
	    NULL) == SQLITE_OK, "the extra row gone");
	attach = xasprintf("ATTACH '%s' AS a", a);
	ok(sqlite3_exec(store_sqlite(sb), attach, NULL, NULL, NULL) == SQLITE_OK, "both at once");
	ok(db_int(sb, "SELECT count(*) FROM entities") > 1000 &&
	    db_int(sb, "SELECT count(*) FROM entities") == db_int(sb, "SELECT count(*) FROM a.entities"),
	    "as many entities");
	ok(db_int(sb, "SELECT count(*) FROM aliases") == db_int(sb, "SELECT count(*) FROM a.aliases") &&
	    db_int(sb, "SELECT count(*) FROM roles") == db_int(sb, "SELECT count(*) FROM a.roles") &&
	    db_int(sb, "SELECT count(*) FROM entities WHERE attrs IS NOT NULL") > 0,
	    "as many aliases and roles; attributes written");
	for (i = 0; i < sizeof same / sizeof same[0]; i++)
		is_int(db_int(sb, same[i]), 0, "%s", same[i]);
	store_close(sa);
	store_close(sb);
	kb_free(kb);
	free(attach);
	free(kbdir);
	free(a);
	free(b);
}

/* A savepoint that copies far more pages than the statement journal keeps
 * in memory goes on in its file, and a statement that may need undoing
 * runs in it: the linking article of an import does both. */
static void
test_long_savepoint(const char *dir)
{
	char *path = xasprintf("%s/long.db", dir);
	struct store *st;
	sqlite3 *db;
	int rc;

	ok(store_open(path, STORE_BULK, &st) == 0, "a bulk writer opens");
	db = store_sqlite(st);
	rc = sqlite3_exec(db, "CREATE TABLE scratch (id INTEGER PRIMARY KEY, v BLOB NOT NULL);"
	    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 24000)"
	    " INSERT INTO scratch SELECT i, randomblob(900) FROM n", NULL, NULL, NULL);
	ok(rc == SQLITE_OK, "24,000 rows of a page each");
	rc = store_begin(st) == 0 && store_begin(st) == 0 ? SQLITE_OK : SQLITE_ERROR;
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "UPDATE scratch SET v = randomblob(900)", NULL, NULL, NULL);
	ok(rc == SQLITE_OK, "every page changed in a savepoint (%s)", sqlite3_errmsg(db));
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "INSERT OR REPLACE INTO scratch VALUES (1, x'01'), (24001, x'02')",
		    NULL, NULL, NULL);
	ok(rc == SQLITE_OK, "then a statement that may need undoing (%s)", sqlite3_errmsg(db));
	ok(store_commit(st) == 0 && store_commit(st) == 0, "and both commit");
	ok(db_int(st, "SELECT count(*) FROM scratch WHERE length(v) = 900") == 23999 &&
	    db_int(st, "SELECT count(*) FROM scratch") == 24001, "with every row");
	store_close(st);
	free(path);
}

int
main(void)
{
	const char *dir = tap_tmpdir();

	test_open(dir);
	test_newer_refused(dir);
	test_nocreate_and_readonly(dir);
	test_migrate_from_oldest(dir);
	test_migrate_from_3(dir);
	test_migrate_from_5(dir);
	test_migrate_from_13(dir);
	test_migrate_from_15(dir);
	test_migrate_statement_dates(dir);
	test_readonly_upgrade(dir);
	test_interrupt(dir);
	test_kb_new_and_upsert(dir);
	test_long_savepoint(dir);
	return tap_done();
}
