/* test-import.c: the import pipeline end to end on a real database: what
 * is stored, what is refused and why, duplicates and versions, encodings,
 * directory walking, the samples and the seed articles. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "import.h"
#include "../../src/store-int.h"   /* the rows themselves */
#include "tap.h"
#include "test-db.h"
#include "util.h"

static struct store *st;

/* What the pipeline reported. */
struct seen {
	struct buf log;          /* "KIND message-or-title | " per event */
	int64_t last_id;
	enum store_added last_how;
};

static void
on_event(void *arg, const struct import_event *ev)
{
	static const char *const kinds[] = { "article", "warning", "refused", "done" };
	struct seen *s = arg;

	buf_printf(&s->log, "%s %s | ", kinds[ev->what],
	    ev->what == IMPORT_ARTICLE ? ev->title : ev->message ? ev->message : ev->file);
	if (ev->what == IMPORT_ARTICLE) {
		s->last_id = ev->id;
		s->last_how = ev->how;
	}
}

static struct importer *
importer(struct seen *seen, size_t max_size)
{
	struct import_opts o = { 0 };
	struct importer *im;

	buf_init(&seen->log);
	buf_adds(&seen->log, "");
	o.report = on_event;
	o.arg = seen;
	o.max_size = max_size;
	if (importer_new(st, &o, &im) != 0)
		tap_bail("importer: %s", err_msg());
	return im;
}

/* Importing PATH after chmod 0 is refused with "Permission denied". Root
 * reads every file, so as root the import runs with the effective ids of
 * nobody (65534), from a directory nobody may enter, and then takes root's
 * back. 1: refused, 0: not, -1: cannot tell (root, unable to be nobody). */
static int
refused_unreadable(struct importer *im, struct seen *seen, const char *path)
{
	struct stat sb;
	int rc;

	chmod(path, 0);
	buf_reset(&seen->log);
	if (geteuid() != 0)
		return import_file(im, path) == 0 && strstr(seen->log.data, "Permission denied");
	if (chmod(tap_tmpdir(), 0711) != 0 || setegid(65534) != 0)
		return -1;
	if (seteuid(65534) != 0) {
		if (setegid(0) != 0)
			tap_bail("cannot take back group root");
		return -1;
	}
	if (stat(path, &sb) != 0) {     /* the file itself must be what is refused */
		diag("nobody cannot reach %s", path);
		rc = 0;
	} else
		rc = import_file(im, path) == 0 && strstr(seen->log.data, "Permission denied");
	if (seteuid(0) != 0 || setegid(0) != 0)
		tap_bail("cannot take back root's ids");
	return rc;
}

static char *
write_file(const char *name, const char *data)
{
	char *p = xasprintf("%s/%s", tap_tmpdir(), name);

	path_mkdir_parent(p);
	if (path_write_atomic(p, data, strlen(data)) != 0)
		tap_bail("%s", err_msg());
	return p;
}

/* Every sentence lies inside a paragraph, spans are in order, and every
 * span starts and ends on a character boundary of the body. */
static int
spans_sound(int64_t id)
{
	struct store_article a;
	struct text_span *p, *s;
	size_t np, ns, i, j = 0;
	int good = 1;

	if (store_article_get(st, id, &a) != 0)
		return 0;
	if (store_paragraphs_get(st, id, &p, &np) != 0 || store_sentences_get(st, id, &s, &ns) != 0)
		return 0;
	good = np > 0 && ns >= np;
	for (i = 0; good && i < ns; i++) {
		while (j < np && p[j].end < s[i].end)
			j++;
		good = j < np && s[i].start >= p[j].start && s[i].end <= p[j].end &&
		    s[i].start < s[i].end && s[i].end <= a.body_len &&
		    ((unsigned char)a.body[s[i].start] & 0xc0) != 0x80 &&
		    (s[i].end == a.body_len || ((unsigned char)a.body[s[i].end] & 0xc0) != 0x80);
	}
	free(p);
	free(s);
	store_article_free(&a);
	return good;
}

static void
test_text(void)
{
	static const char text[] = "A headline\n\nFirst paragraph here. It has two sentences.\n"
	    "Second paragraph.\n1 comment\nA reader wrote this.\n";
	struct store_article a;
	struct seen seen;
	struct importer *im = importer(&seen, 0);
	int64_t first;
	int rc;

	ok(import_data(im, "a.txt", "/x/a.txt", text, sizeof text - 1) == 0, "imports text");
	ok(seen.last_how == STORE_ADDED && strstr(seen.log.data, "article A headline") != NULL,
	    "reported as a new article");
	first = seen.last_id;
	ok(store_article_get(st, first, &a) == 0, "stored");
	is_str(a.title, "A headline", "title");
	is_str(a.body, "First paragraph here. It has two sentences.\n\nSecond paragraph.", "body");
	is_str(a.comments, "A reader wrote this.", "comments");
	is_str(a.source, "/x/a.txt", "source");
	is_str(a.format, "text", "format");
	store_article_free(&a);
	ok(spans_sound(first), "paragraph and sentence spans are sound");
	{
		struct text_span *sv = NULL;
		size_t ns = 0;

		ok(store_sentences_get(st, 1, &sv, &ns) == 0 && ns == 3, "3 sentences");
		free(sv);
	}
	ok(importer_commit(im) == 0 && sqlite3_get_autocommit(store_sqlite(st)),
	    "no transaction left open once the batch is committed");

	rc = import_data(im, "again.txt", "/y/again.txt", text, sizeof text - 1);
	ok(rc == 0 &&
	    seen.last_how == STORE_DUPLICATE && seen.last_id == first,
	    "the same content again is a duplicate");
	rc = import_data(im, "b.txt", "/x/a.txt", "A headline\nQuite another body.\n", 31);
	ok(rc == 0 && seen.last_how == STORE_ADDED,
	    "other content from the same source: an article of its own");
	rc = import_data(im, "a.txt", "/x/a.txt", "A headline\n\nFirst paragraph here. It has two "
	    "sentences.\nSecond paragraph, changed.\n", 83);
	ok(rc == 0 &&
	    seen.last_how == STORE_VERSION, "changed content from the same source: a version");
	ok(store_article_get(st, seen.last_id, &a) == 0 && a.previous_id == first,
	    "linked to the earlier version");
	store_article_free(&a);
	is_int((long long)importer_stats(im)->added, 2, "stats: added");
	is_int((long long)importer_stats(im)->duplicates, 1, "stats: duplicates");
	is_int((long long)importer_stats(im)->versions, 1, "stats: versions");

	/* NFC: a decomposed é is stored composed. */
	rc = import_data(im, "nfc.txt", NULL, "Cafe\xcc\x81 talk\nAt the cafe\xcc\x81.\n", 27);
	ok(rc == 0 &&
	    store_article_get(st, seen.last_id, &a) == 0, "decomposed text imported");
	is_str(a.title, "Caf\xc3\xa9 talk", "title in NFC");
	is_str(a.body, "At the caf\xc3\xa9.", "body in NFC");
	store_article_free(&a);
	importer_free(im);
	buf_free(&seen.log);
}

static void
test_refusals(void)
{
	static const char bad_utf8[] = "Title\nBody with \xff bad \xc3 bytes.\n";
	static const char nul[] = "Title\nBody\0with a NUL.\n";
	struct store_article a;
	struct seen seen;
	struct importer *im = importer(&seen, 64);
	char *big, *missing, *ok_file;
	int rc;

	ok(import_data(im, "bad.txt", NULL, bad_utf8, sizeof bad_utf8 - 1) == 0,
	    "invalid UTF-8 does not stop the file");
	ok(strstr(seen.log.data, "warning bad.txt: invalid UTF-8 at byte 16 replaced with "
	    "U+FFFD (2 sequences)") != NULL, "warning names the file and byte: %s", seen.log.data);
	ok(store_article_get(st, seen.last_id, &a) == 0 &&
	    strstr(a.body, "with \xef\xbf\xbd bad \xef\xbf\xbd bytes") != NULL,
	    "bad bytes stored as U+FFFD");
	store_article_free(&a);

	buf_reset(&seen.log);
	rc = import_data(im, "nul.txt", NULL, nul, sizeof nul - 1);
	ok(rc == 0 &&
	    strstr(seen.log.data, "refused nul.txt: NUL byte at byte 10") != NULL,
	    "NUL refused with its offset: %s", seen.log.data);
	buf_reset(&seen.log);
	import_data(im, "pic.txt", NULL, "\x89PNG\r\n\x1a\n", 8);
	ok(strstr(seen.log.data, "refused pic.txt: binary file (a PNG image)") != NULL,
	    "binary refused: %s", seen.log.data);
	buf_reset(&seen.log);
	import_data(im, "empty.txt", NULL, " \n\n", 3);
	ok(strstr(seen.log.data, "refused empty.txt: empty file") != NULL, "empty refused: %s",
	    seen.log.data);
	buf_reset(&seen.log);
	import_data(im, "chrome.txt", NULL, "No time to read?\nGet a summary\n", 31);
	ok(strstr(seen.log.data, "refused chrome.txt: no article text found") != NULL,
	    "only chrome refused: %s", seen.log.data);

	big = write_file("big.txt", "Title\nA body that is longer than sixty-four bytes, "
	    "which is this test's limit.\n");
	buf_reset(&seen.log);
	rc = import_file(im, big);
	ok(rc == 0 && strstr(seen.log.data, "79 bytes, over the 64-byte "
	    "limit (--max-size)") != NULL, "oversize refused naming the limit: %s", seen.log.data);
	missing = xasprintf("%s/no/such.txt", tap_tmpdir());
	buf_reset(&seen.log);
	rc = import_file(im, missing);
	ok(rc == 0 && strstr(seen.log.data, "such.txt: No such file") != NULL,
	    "missing file refused: %s", seen.log.data);
	ok_file = write_file("small.txt", "Small\nBody.\n");
	buf_reset(&seen.log);
	rc = import_file(im, ok_file);
	ok(rc == 0 && strstr(seen.log.data, "article Small") != NULL &&
	    strstr(seen.log.data, "done ") != NULL, "the batch goes on after refusals");
	rc = refused_unreadable(im, &seen, ok_file);
	if (rc >= 0)
		ok(rc == 1, "unreadable file refused%s: %s", getuid() == 0 ? " (as nobody)" : "",
		    seen.log.data);
	else
		tap_skip("running as root, unable to become nobody: every file is readable");
	is_int((long long)importer_stats(im)->refused, rc >= 0 ? 7 : 6, "refusals counted");
	is_int((long long)importer_stats(im)->warnings, 1, "warnings counted");
	free(big), free(missing), free(ok_file);
	importer_free(im);
	buf_free(&seen.log);
}

static void
test_formats(void)
{
	static const char feed[] =
	    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>"
	    "<item><title>One</title><link>https://w.example/1</link>"
	    "<pubDate>Tue, 28 Feb 2023 10:15:00 +0000</pubDate>"
	    "<description>First item text.</description></item>"
	    "<item><title>Two</title><link>https://w.example/2</link></item>"
	    "<item><title>Three</title><description>Third item text.</description></item>"
	    "<item><guid isPermaLink='false'>nothing</guid><description>&lt;img src='x.jpg'&gt;</description></item>"
	    "</channel></rss>";
	static const char latin1[] =
	    "<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9</title></head>"
	    "<body><p>Un caf\xe9 cr\xe8me.</p></body></html>";
	static const char bad_html[] = "<html><body><p>Bad \xff byte.</p></body></html>";
	struct store_article a;
	struct seen seen;
	struct importer *im = importer(&seen, 0);
	int64_t id;
	int rc;

	ok(import_data(im, "w.xml", "/f/w.xml", feed, sizeof feed - 1) == 0, "feed imported");
	ok(strstr(seen.log.data, "article One") && strstr(seen.log.data, "article Three"),
	    "items with text stored");
	ok(strstr(seen.log.data, "article Two") != NULL &&
	    strstr(seen.log.data, "refused w.xml: item 2") == NULL,
	    "an item without text but with a title and link is kept: %s", seen.log.data);
	ok(strstr(seen.log.data, "refused w.xml: item 4: no article text found") != NULL,
	    "one with neither title nor link nor text refused by number");
	id = seen.last_id;
	ok(store_article_get(st, id, &a) == 0, "item read back");
	is_str(a.source, "/f/w.xml#3", "item without link: file and number");
	is_str(a.outlet, "Wire", "outlet from the channel");
	is_str(a.format, "rss", "format rss");
	ok(a.item == NULL && a.summary, "without guid or link: no identity; a short text: a summary");
	store_article_free(&a);
	ok(store_article_get(st, id - 1, &a) == 0 && a.body_len == 0 && a.summary &&
	    strcmp(a.title, "Two") == 0 && a.source != NULL &&
	    strcmp(a.source, "https://w.example/2") == 0, "the item without text: a summary, "
	    "its title and link");
	is_str(a.item, "/f/w.xml\thttps://w.example/2", "known by its feed (no channel link: "
	    "the file) and its link");
	store_article_free(&a);
	ok(store_article_get(st, id - 2, &a) == 0 && a.source && a.published &&
	    strcmp(a.source, "https://w.example/1") == 0 &&
	    strcmp(a.published, "2023-02-28T10:15:00Z") == 0, "item link and date kept");
	store_article_free(&a);

	buf_reset(&seen.log);
	rc = import_data(im, "l.html", NULL, latin1, sizeof latin1 - 1);
	ok(rc == 0 &&
	    strstr(seen.log.data, "warning") == NULL, "declared Latin-1 converted, no warning");
	ok(store_article_get(st, seen.last_id, &a) == 0 &&
	    strcmp(a.body, "Un caf\xc3\xa9 cr\xc3\xa8me.") == 0 &&
	    strcmp(a.title, "Caf\xc3\xa9") == 0, "text converted to UTF-8");
	store_article_free(&a);
	buf_reset(&seen.log);
	rc = import_data(im, "b.html", NULL, bad_html, sizeof bad_html - 1);
	ok(rc == 0 &&
	    strstr(seen.log.data, "warning b.html: invalid UTF-8 at byte 19") != NULL,
	    "undeclared bad byte in HTML: warned: %s", seen.log.data);
	buf_reset(&seen.log);
	rc = import_data(im, "broken.rss", NULL, "<rss><channel><item>", 20);
	ok(rc == 0 &&
	    strstr(seen.log.data, "refused broken.rss: not well-formed XML at line 1") != NULL,
	    "malformed feed refused: %s", seen.log.data);
	importer_free(im);
	buf_free(&seen.log);
}

/* A new version of an article takes its annotations along. */
static void
test_carry_over(void)
{
	static const char v1[] = "Versioned\nThe minister spoke about the corridor today.\n"
	    "A second paragraph that will go away.\n";
	static const char v2[] = "Versioned\nThe minister spoke about the corridor today.\n"
	    "A new paragraph in its place.\n";
	struct seen seen;
	struct importer *im = importer(&seen, 0);
	int64_t old_id, new_id;
	char *sql;
	int rc;

	rc = import_data(im, "v.txt", "/v/v.txt", v1, sizeof v1 - 1);
	old_id = seen.last_id;
	sql = xasprintf("INSERT INTO annotations(uuid, article_id, start, end, quote, note) VALUES"
	    " ('c1', %lld, 4, 12, 'minister', 'who?'),"
	    " ('c2', %lld, 48, 54, 'second', 'gone')", (long long)old_id, (long long)old_id);
	ok(rc == 0 && sqlite3_exec(store_sqlite(st), sql, NULL, NULL, NULL) == SQLITE_OK,
	    "an article with two annotations");
	free(sql);
	rc = import_data(im, "v.txt", "/v/v.txt", v2, sizeof v2 - 1);
	new_id = seen.last_id;
	ok(rc == 0 && seen.last_how == STORE_VERSION && new_id != old_id, "a new version");
	sql = xasprintf("SELECT count(*) FROM annotations WHERE article_id = %lld"
	    " AND state = 'active' AND quote = 'minister' AND start = 4", (long long)new_id);
	is_int(db_int(st, sql), 1, "the placeable annotation is carried to the new version");
	free(sql);
	sql = xasprintf("SELECT count(*) FROM annotations WHERE quote = 'second' AND"
	    " article_id = %lld AND state = 'active'", (long long)old_id);
	is_int(db_int(st, sql), 1, "the other stays live on the old version, where its text is");
	free(sql);
	sql = xasprintf("SELECT count(*) FROM annotations WHERE article_id = %lld"
	    " AND state = 'superseded'", (long long)old_id);
	is_int(db_int(st, sql), 1, "the one carried is superseded there, not removed");
	free(sql);
	ok(strstr(seen.log.data, "warning v.txt: 1 annotation of the earlier version (article ") !=
	    NULL && strstr(seen.log.data, "could not be placed in this one and stays there") != NULL,
	    "the one not placed is reported: %s", seen.log.data);
	ok(importer_commit(im) == 0 && sqlite3_get_autocommit(store_sqlite(st)),
	    "no transaction left open once the batch is committed");
	importer_free(im);
	buf_free(&seen.log);
}

static void
test_collect(void)
{
	struct import_list list = { NULL, 0, 0 };
	char *dir = xasprintf("%s/tree", tap_tmpdir()), *p, *got;
	struct seen seen;
	struct importer *im = importer(&seen, 0);
	struct buf names;
	size_t i;

	free(write_file("tree/b.txt", "x"));
	free(write_file("tree/a.html", "x"));
	free(write_file("tree/sub/c.xml", "x"));
	free(write_file("tree/sub/deeper/d.TXT", "x"));
	free(write_file("tree/.hidden.txt", "x"));
	free(write_file("tree/.git/e.txt", "x"));
	free(write_file("tree/image.png", "x"));
	free(write_file("tree/notes.md", "x"));
	p = xasprintf("%s/link", dir);
	if (symlink("sub", p) != 0)
		diag("symlink failed");
	free(p);
	import_collect(im, dir, &list);
	import_collect(im, "-", &list);
	buf_init(&names);
	for (i = 0; i < list.n; i++) {
		buf_adds(&names, list.v[i] + (strncmp(list.v[i], dir, strlen(dir)) ? 0 : strlen(dir)));
		buf_addc(&names, ' ');
	}
	got = names.data;
	is_str(got, "/a.html /b.txt /sub/c.xml /sub/deeper/d.TXT - ",
	    "known extensions, sorted, recursive, hidden and linked directories skipped");
	buf_free(&names);
	import_list_free(&list);
	importer_free(im);
	buf_free(&seen.log);
	free(dir);
}

static void
test_samples(void)
{
	size_t added;
	int64_t n0, n1;
	int rc;

	store_article_count(st, &n0);
	rc = import_samples(st, &added);
	ok(rc == 0, "samples import: %s", rc == 0 ? "" : err_msg());
	ok(added >= 8 && added <= 15, "8 to 15 sample articles (%zu)", added);
	store_article_count(st, &n1);
	is_int(n1 - n0, (long long)added, "all stored");
	ok(import_samples(st, &added) == 0 && added == 0, "a second run adds nothing");
	is_int(db_int(st, "SELECT count(*) FROM articles WHERE source LIKE '%samples%'"
	    " AND (published IS NULL OR comments LIKE '%Get a summary%' OR body LIKE "
	    "'%Next Article%' OR body LIKE '%No time to read%')"), 0,
	    "every sample dated, no chrome left in it");
}

static void
test_seeds(void)
{
	struct import_list list = { NULL, 0, 0 };
	char *dir = xasprintf("%s/seeds", tap_seeds_dir());
	struct seen seen;
	struct importer *im = importer(&seen, 0);
	size_t i;

	import_collect(im, dir, &list);
	is_int((long long)list.n, 5, "five seed files");
	for (i = 0; i < list.n; i++)
		import_file(im, list.v[i]);
	is_int((long long)importer_stats(im)->added, 5, "all five imported");
	is_int((long long)importer_stats(im)->refused, 0, "none refused");
	is_int(db_int(st, "SELECT count(*) FROM articles WHERE title ="
	    " 'Russian Side Stresses Urgent Need to Unblock Lachin Corridor in Trilateral Talks'"
	    " AND body NOT LIKE 'Russian Side Stresses%' AND body NOT LIKE '%bottom of page%'"),
	    1, "the duplicated title kept once, as the title");
	is_int(db_int(st, "SELECT count(*) FROM articles WHERE dateline = 'MOSCOW'"
	    " AND comments LIKE 'This seems to be an about-turn by Lavrov%'"), 1,
	    "dateline and comment of 004");
	import_list_free(&list);
	importer_free(im);
	buf_free(&seen.log);
	free(dir);
}

/* Rows of articles titled TITLE% as another connection sees them:
 * committed ones only. */
static long long
committed(const char *db, const char *title)
{
	sqlite3 *c;
	sqlite3_stmt *s;
	long long v = -1;

	if (sqlite3_open_v2(db, &c, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(c, "SELECT count(*) FROM articles WHERE title LIKE ?1 || '%'", -1,
	    &s, NULL) == SQLITE_OK) {
		sqlite3_bind_text(s, 1, title, -1, SQLITE_STATIC);
		if (sqlite3_step(s) == SQLITE_ROW)
			v = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	}
	sqlite3_close(c);
	return v;
}

/* Articles are committed in batches: one that fails is undone alone, the
 * ones before it in the batch stay, and a batch never grows past
 * IMPORT_BATCH articles. */
static void
test_batches(const char *db)
{
	static const char good[] = "Batch kept\n\nThe first article of the batch is whole.\n";
	static const char bad[] = "Batch poison\n\nThe database refuses this one.\n";
	struct import_opts o = { 0 };
	struct importer *im;
	struct buf feed;
	size_t i;

	o.no_extract = 1;
	if (importer_new(st, &o, &im) != 0)
		tap_bail("importer: %s", err_msg());
	ok(sqlite3_exec(store_sqlite(st), "CREATE TEMP TRIGGER poison BEFORE INSERT ON articles"
	    " WHEN NEW.title = 'Batch poison' BEGIN SELECT RAISE(ABORT, 'refused'); END",
	    NULL, NULL, NULL) == SQLITE_OK, "a trigger that fails one article");
	ok(import_data(im, "good.txt", "/b/good.txt", good, sizeof good - 1) == 0,
	    "an article in the batch");
	is_int(committed(db, "Batch kept"), 0, "not committed yet: the batch is open");
	ok(import_data(im, "bad.txt", "/b/bad.txt", bad, sizeof bad - 1) == -1,
	    "the next one fails in the database");
	importer_free(im);
	ok(sqlite3_get_autocommit(store_sqlite(st)), "no transaction left open");
	is_int(committed(db, "Batch kept"), 1, "the article before it in the batch is kept");
	is_int(committed(db, "Batch poison"), 0, "the failed one is not");
	is_int(db_int(st, "SELECT count(*) FROM articles a JOIN spans s ON s.article_id = a.id"
	    " WHERE a.title = 'Batch kept'"), 1, "and the kept one is whole (its sentences)");
	sqlite3_exec(store_sqlite(st), "DROP TRIGGER poison", NULL, NULL, NULL);

	buf_init(&feed);
	buf_adds(&feed, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>B</title>");
	for (i = 0; i <= IMPORT_BATCH; i++)
		buf_printf(&feed, "<item><title>Batch item %zu</title><guid>b%zu</guid>"
		    "<description>Item %zu of the batch feed.</description></item>", i, i, i);
	buf_adds(&feed, "</channel></rss>");
	if (importer_new(st, &o, &im) != 0)
		tap_bail("importer: %s", err_msg());
	ok(import_data(im, "batch.xml", "/b/batch.xml", feed.data, feed.len) == 0,
	    "a feed of one item more than a batch");
	ok(committed(db, "Batch item") >= 2, "a full batch is committed while the import runs "
	    "(%lld of %d seen from outside)", committed(db, "Batch item"), IMPORT_BATCH + 1);
	ok(importer_finish(im) == 0, "the run finishes");
	is_int(committed(db, "Batch item"), IMPORT_BATCH + 1, "and commits the rest");
	importer_free(im);
	buf_free(&feed);
}

int
main(void)
{
	char *path = xasprintf("%s/import.db", tap_tmpdir());

	if (store_open(path, 0, &st) != 0)
		tap_bail("%s", err_msg());
	test_text();
	test_refusals();
	test_formats();
	test_carry_over();
	test_collect();
	test_samples();
	test_seeds();
	test_batches(path);
	ok(store_check(st, 1) == 0, "database intact");
	is_int(db_int(st, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Lachin'") > 0,
	    1, "imported text is searchable");
	store_close(st);
	free(path);
	return tap_done();
}
