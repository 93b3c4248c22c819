/* test-store-sync.c: a team's records without a server: versions (the
 * hybrid logical clock), the queue the triggers fill, records read from
 * one database and written into another, a merged tag's tombstone, a
 * record seen twice, an unsent local change that loses; memos and the
 * user's entities carried, and the conflicts listed with both values. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "../../src/store-int.h"
#include "tap.h"
#include "test-db.h"
#include "util.h"

static void
test_tick(void)
{
	int64_t clock = 0;

	is_int((long long)store_sync_tick(&clock, 1000), 1000LL << 16, "a version is the time, shifted");
	is_int((long long)store_sync_tick(&clock, 1000), (1000LL << 16) + 1,
	    "the same millisecond: one more");
	is_int((long long)store_sync_tick(&clock, 10), (1000LL << 16) + 2,
	    "a clock gone back: still after the last");
}

static struct store *
open_joined(void)
{
	struct store *st;

	if (store_open(":memory:", 0, &st) != 0 || store_sync_join(st) != 0)
		tap_bail("cannot open a database: %s", err_msg());
	return st;
}

static void
add_article(struct store *st)
{
	struct store_article a = { 0 };
	enum store_added how;

	a.title = xstrdup("Talks resume");
	a.body = xstrdup("The corridor talks resumed in Brussels on Monday.");
	a.body_len = strlen(a.body);
	a.format = xstrdup("text");
	if (store_begin(st) != 0 || store_article_add(st, &a, &how) != 0 || store_commit(st) != 0)
		tap_bail("cannot add an article: %s", err_msg());
	store_article_free(&a);
}

/* Every record A has queued, written into B as a pull would. */
static size_t
carry(struct store *a, struct store *b, int64_t *clock, struct store_sync_rec **out)
{
	struct store_sync_rec *rows;
	size_t n, i;
	int lost;

	if (store_sync_outbox(a, "node-a", "alice", 1, 100, clock, &rows, &n) != 0)
		tap_bail("outbox: %s", err_msg());
	if (store_sync_apply_begin(b) != 0)
		tap_bail("apply: %s", err_msg());
	for (i = 0; i < n; i++) {
		if (rows[i].kind == STORE_SYNC_ARTICLE) {
			struct store_article art;
			enum store_added how;
			int here;
			if (store_sync_article(b, rows[i].key, rows[i].body, &art, &here) != 0 ||
			    (!here && store_article_add(b, &art, &how) != 0))
				tap_bail("article: %s", err_msg());
			store_article_free(&art);
		}
		if (store_sync_apply(b, &rows[i], "bob", &lost) != 0)
			tap_bail("apply: %s", err_msg());
	}
	if (store_sync_apply_end(b, 1) != 0)
		tap_bail("apply: %s", err_msg());
	*out = rows;
	return n;
}

static void
test_carry(void)
{
	struct store *a = open_joined(), *b = open_joined();
	struct store_tag t = { 0 }, u = { 0 };
	struct store_anno an = { 0 };
	struct store_sync_rec *rows;
	int64_t clock = 0;
	size_t n, waiting[STORE_SYNC_KINDS], kept;
	int lost[3] = { 0 }, newer;
	const char *winners[3] = { NULL };
	char *s;

	add_article(a);
	t.name = xstrdup("claim");
	u.name = xstrdup("assertion");
	ok(store_tag_put(a, &t) == 0 && store_tag_put(a, &u) == 0, "two tags");
	an.article_id = 1;
	an.start = 4;
	an.end = 12;
	an.quote = xstrdup("corridor");
	an.note = xstrdup("where");
	an.coder = xstrdup("alice");
	store_anno_tag_add(&an, u.id, "assertion", NULL);
	ok(store_anno_begin(a) == 0 && store_anno_put(a, &an, 0) == 0 && store_anno_commit(a) == 0,
	    "an annotation");
	ok(store_sync_waiting(a, "alice", 1, waiting, &kept) == 0 && waiting[0] == 1 &&
	    waiting[1] == 2 && waiting[2] == 1 && kept == 0, "the triggers queued 1 article, 2 tags, 1 annotation");
	ok(store_sync_waiting(a, "bob", 0, waiting, &kept) == 0 && waiting[2] == 0 && kept == 1,
	    "another coder may not send alice's annotation");

	n = carry(a, b, &clock, &rows);
	ok(n == 4 && rows[0].kind == STORE_SYNC_ARTICLE && rows[1].kind == STORE_SYNC_TAG &&
	    rows[3].kind == STORE_SYNC_ANNOTATION, "records go articles, tags, annotations");
	ok(rows[0].hlc > 0 && rows[3].hlc > rows[0].hlc, "each has a version, in order");
	s = db_text(b, "SELECT a.note || '/' || t.name || '/' || a.coder FROM annotations a"
	    " JOIN annotation_tags x ON x.annotation_id = a.id JOIN tags t ON t.id = x.tag_id");
	is_str(s, "where/assertion/alice", "the other database has the annotation, its tag and coder");
	free(s);
	is_int(db_int(b, "SELECT count(*) FROM sync_outbox"), 0,
	    "what was pulled is not queued to be sent back");
	newer = store_sync_newer(b, &rows[3]);
	is_int(newer, 0, "the same record again is not newer");
	ok(store_sync_sent(a, rows, 3, lost, winners) == 0 &&
	    db_int(a, "SELECT count(*) FROM sync_outbox") == 1, "sent records leave the queue");
	store_sync_recs_free(rows, n);

	/* A merge: the tombstone says where the tag went. */
	ok(store_begin(a) == 0 && store_sync_tag_merged(a, u.id, t.id) == 0 &&
	    store_exec_id(a, "UPDATE annotation_tags SET tag_id = (SELECT id FROM tags WHERE"
	    " name = 'claim') WHERE tag_id = ?1", u.id, "moving") == 0 &&
	    store_tag_delete(a, u.id) == 0 && store_commit(a) == 0, "assertion merged into claim");
	n = carry(a, b, &clock, &rows);
	s = db_text(b, "SELECT group_concat(t.name) FROM annotation_tags x JOIN tags t"
	    " ON t.id = x.tag_id");
	is_str(s, "claim", "the merge arrives: the annotation carries claim");
	free(s);
	is_int(db_int(b, "SELECT count(*) FROM tags WHERE name = 'assertion'"), 0,
	    "and assertion is gone");
	store_sync_recs_free(rows, n);

	/* An unsent change here loses to a newer record; it is kept. */
	ok(store_exec_id(b, "UPDATE annotations SET note = 'mine' WHERE id = ?1", 1, "n") == 0 &&
	    db_int(b, "SELECT count(*) FROM sync_outbox") == 1, "bob's unsent edit is queued");
	ok(store_exec_id(a, "UPDATE annotations SET note = 'theirs' WHERE id = ?1", 1, "n") == 0,
	    "alice edits too");
	n = carry(a, b, &clock, &rows);
	s = db_text(b, "SELECT note FROM annotations");
	is_str(s, "theirs", "the newer record wins");
	free(s);
	s = db_text(b, "SELECT json_extract(value, '$.note') FROM sync_history");
	is_str(s, "mine", "the losing value is kept in the history");
	free(s);
	store_sync_recs_free(rows, n);

	store_anno_free(&an);
	store_tag_free(&t);
	store_tag_free(&u);
	store_close(a);
	store_close(b);
}

/* Memos and the user's knowledge base travel too; a conflict lost is
 * listed with both values. */
static void
test_memo_entity(void)
{
	struct store *a = open_joined(), *b = open_joined();
	struct store_memo m = { 0 };
	struct store_sync_conflict *c;
	struct store_sync_rec *rows;
	int64_t clock = 0, id = 0;
	size_t n, nc;
	char *s;

	add_article(a);
	m.kind = STORE_MEMO_ARTICLE;
	m.target = 1;
	m.title = xstrdup("");
	m.text = xstrdup("check the date");
	m.coder = xstrdup("alice");
	ok(store_memo_put(a, &m, 0) == 0, "a memo on the article");
	ok(store_entity_add(a, "person", "Zora Vell", "user", NULL, &id) == 0 &&
	    store_alias_add(a, id, "Z. Vell", "user") == 0, "an entity of the user's, with an alias");
	n = carry(a, b, &clock, &rows);
	ok(n == 3 && rows[1].kind == STORE_SYNC_ENTITY && rows[2].kind == STORE_SYNC_MEMO,
	    "records go articles, entities, memos");
	is_str(rows[1].key, "person:Zora Vell", "an entity's key is its kind and name");
	store_sync_recs_free(rows, n);
	s = db_text(b, "SELECT m.text || '/' || m.coder || '/' || a.title FROM memos m"
	    " JOIN articles a ON a.id = m.article_id");
	is_str(s, "check the date/alice/Talks resume", "the memo arrives on its article, with its coder");
	free(s);
	s = db_text(b, "SELECT e.origin || '/' || l.alias || '/' || l.origin FROM entities e"
	    " JOIN aliases l ON l.entity_id = e.id WHERE e.name = 'Zora Vell'");
	is_str(s, "user/Z. Vell/user", "the entity arrives as the user's, with the alias");
	free(s);

	/* Bob's unsent edit of the memo loses to alice's later one. */
	ok(store_exec_id(b, "UPDATE memos SET text = 'mine' WHERE id = ?1", 1, "n") == 0 &&
	    store_exec_id(a, "UPDATE memos SET text = 'theirs' WHERE id = ?1", 1, "n") == 0,
	    "both edit the memo");
	n = carry(a, b, &clock, &rows);
	store_sync_recs_free(rows, n);
	s = db_text(b, "SELECT text FROM memos");
	is_str(s, "theirs", "the newer memo wins");
	free(s);
	ok(store_sync_conflicts(b, &c, &nc) == 0 && nc == 1, "one conflict listed");
	if (nc == 1) {
		is_str(c[0].kind, "memo", "of the memo");
		is_str(c[0].fields, "text", "differing in its text");
		is_str(c[0].value, "{\"text\":\"mine\"}", "the value that lost");
		is_str(c[0].winner_value, "{\"text\":\"theirs\"}", "the value that won");
		is_str(c[0].winner, "alice", "and whose it was");
		ok(c[0].winner_time != NULL && c[0].time == NULL,
		    "the winner's time; the loser was never sent");
		ok(strstr(c[0].json, "\"won\":{\"coder\":\"alice\"") != NULL, "as JSON too");
	}
	store_sync_conflicts_free(c, nc);

	/* kb remove: a tombstone; the entity goes there too. */
	ok(store_entity_remove(a, id) == 0, "the entity removed");
	n = carry(a, b, &clock, &rows);
	/* (carry leaves a's queue as it is: what it sent before comes again.) */
	ok(n == 3 && rows[1].kind == STORE_SYNC_ENTITY && rows[1].deleted && rows[1].body == NULL,
	    "as a tombstone");
	store_sync_recs_free(rows, n);
	is_int(db_int(b, "SELECT count(*) FROM entities WHERE name = 'Zora Vell'"), 0,
	    "gone from the other database");

	store_memo_free(&m);
	store_close(a);
	store_close(b);
}

int
main(void)
{
	test_tick();
	test_carry();
	test_memo_entity();
	return tap_done();
}
