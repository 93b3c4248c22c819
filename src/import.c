/*
 * import.c: the import pipeline (see import.h). A file is checked and
 * parsed once; each article in it then goes through import_article(),
 * which cleans, normalizes and segments it and stores it with all its rows
 * in a savepoint of the batch's transaction: an article that fails is
 * undone alone, and the batch is committed every IMPORT_BATCH articles or
 * IMPORT_BATCH_SECONDS, whichever comes first; the full-text index is
 * written for the articles of several batches at once (IMPORT_INDEX_SECONDS,
 * store_fts_index). A crash loses at most the batch in flight, and
 * importing the same files again completes it (an article already stored
 * is known by its content hash) and indexes what waited.
 * A changed version of an article already stored brings the earlier
 * version's annotations along (anno_carry_over), in the same savepoint.
 *
 * Nothing here prints. Every outcome is an event for the caller (the
 * import command draws progress and messages from them; the reader's
 * first run ignores them).
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "analyze.h"
#include "anno.h"
#include "import.h"
#include "text.h"
#include "util.h"

struct importer {
	struct store *st;
	struct import_opts opts;
	struct ingest_chrome *chrome;
	struct ingest_hints *hints;
	struct text_rules *rules;
	struct import_stats stats;
	/* Reused from article to article, so a long import does not keep
	 * returning memory to malloc. */
	struct buf title, body, comments, place, scratch;
	struct text_span *paras, *sents;   /* of the article being stored */
	size_t ncap_sents;
	struct analyzer *an;     /* NULL when not extracting */
	const char *item_link;   /* the link of the item being imported */
	char *item;              /* its identity (store_article.item), or NULL */
	int item_by_id;          /* the identity has the item's own id, not a link */
	const char *page_item;   /* import_item_page: the item the page is of */
	int in_batch;            /* the batch's transaction is open */
	size_t batch_n;          /* articles stored in it */
	double batch_start;      /* when it began (clock_seconds) */
	size_t index_n;          /* articles stored since the index was written */
	double index_start;      /* when it was last written */
	char *dir, *real_dir;    /* the last file's directory, and its real path */
};

const struct import_stats *
importer_stats(const struct importer *im)
{
	return &im->stats;
}

static void
report(struct importer *im, const struct import_event *ev)
{
	if (im->opts.report != NULL)
		im->opts.report(im->opts.arg, ev);
}

static const char *
display_name(const char *file)
{
	return strcmp(file, "-") == 0 ? "standard input" : file;
}

static void
tell(struct importer *im, enum import_what what, const char *file, const char *fmt, ...)
    PRINTFLIKE(4, 5);

/* A warning or refusal: "FILE: what", counted. */
static void
tell(struct importer *im, enum import_what what, const char *file, const char *fmt, ...)
{
	struct import_event ev = { 0 };
	struct buf msg;
	va_list ap;

	buf_init(&msg);
	buf_printf(&msg, "%s: ", display_name(file));
	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	if (what == IMPORT_REFUSED)
		im->stats.refused++;
	else
		im->stats.warnings++;
	ev.what = what;
	ev.file = file;
	ev.message = msg.data;
	ev.link = im->item_link;
	report(im, &ev);
	buf_free(&msg);
}

/* A problem in the shipped knowledge base: the message names file:line. */
static void
kb_warning(void *arg, const char *msg)
{
	struct importer *im = arg;
	struct import_event ev = { 0 };

	im->stats.warnings++;
	ev.what = IMPORT_WARNING;
	ev.file = "knowledge base";
	ev.message = msg;
	report(im, &ev);
}

static int
chrome_add(struct importer *im, const char *path)
{
	return ingest_chrome_add_file(im->chrome, path);
}

static int
hints_add(struct importer *im, const char *path)
{
	return ingest_hints_add_file(im->hints, path);
}

/* The rules file NAME shipped with dossier, then the user's own, for the
 * sites they read, after it (in the directory of the config file). */
static int
load_rules(struct importer *im, const char *name, int (*add)(struct importer *,
    const char *))
{
	char *path, *cfg, *slash;
	struct stat sb;
	int rc;

	path = path_data_file(name);
	rc = add(im, path);
	free(path);
	cfg = path_config_file();
	if (rc == 0 && (slash = strrchr(cfg, '/')) != NULL) {
		*slash = '\0';
		path = xasprintf("%s/%s", cfg, name);
		if (stat(path, &sb) == 0)
			rc = add(im, path);
		free(path);
	}
	free(cfg);
	return rc;
}

int
importer_new(struct store *st, const struct import_opts *opts, struct importer **out)
{
	struct importer *im = xcalloc(1, sizeof *im);
	char *path;
	int rc;

	*out = NULL;
	im->st = st;
	if (opts != NULL)
		im->opts = *opts;
	if (im->opts.max_size == 0)
		im->opts.max_size = IMPORT_MAX_SIZE;
	im->chrome = ingest_chrome_new();
	im->hints = ingest_hints_new();
	rc = load_rules(im, "chrome.txt", chrome_add);
	if (rc == 0)
		rc = load_rules(im, "extract.txt", hints_add);
	if (rc == 0) {
		path = path_data_file("abbrev.txt");
		rc = text_rules_load(path, &im->rules);
		free(path);
	}
	if (rc == 0 && !im->opts.no_extract)
		rc = analyzer_new(st, kb_warning, im, &im->an);
	if (rc != 0) {
		importer_free(im);
		return -1;
	}
	buf_init(&im->title), buf_init(&im->body), buf_init(&im->comments);
	buf_init(&im->place), buf_init(&im->scratch);
	*out = im;
	return 0;
}

/* Commits the batch; its articles and those of earlier batches still
 * waiting are indexed when INDEX or when IMPORT_INDEX_ARTICLES or
 * IMPORT_INDEX_SECONDS have passed since the index was last written, else
 * they are committed waiting in fts_pending. */
static int
commit(struct importer *im, int index)
{
	double now;
	int rc;

	if (!im->in_batch)
		return 0;
	im->in_batch = 0;
	im->batch_n = 0;
	now = clock_seconds();
	if (index || im->index_n >= IMPORT_INDEX_ARTICLES ||
	    now - im->index_start >= IMPORT_INDEX_SECONDS) {
		rc = store_fts_index(im->st, IMPORT_INDEX_HASH);
		im->index_n = 0;
		im->index_start = now;
	} else
		rc = store_fts_hold(im->st);
	if (rc != 0) {
		store_rollback(im->st);
		return -1;
	}
	return store_commit(im->st);
}

int
importer_commit(struct importer *im)
{
	return commit(im, 1);
}

/* Stored articles are committed when the batch is full or old enough. */
static int
batch_done(struct importer *im)
{
	im->index_n++;
	if (++im->batch_n >= IMPORT_BATCH ||
	    clock_seconds() - im->batch_start >= IMPORT_BATCH_SECONDS)
		return commit(im, 0);
	return 0;
}

static int
batch_open(struct importer *im)
{
	if (im->in_batch)
		return 0;
	if (store_begin(im->st) != 0)
		return -1;
	/* The batch's articles are indexed once, as it commits. */
	if (store_fts_defer_new(im->st) != 0) {
		store_rollback(im->st);
		return -1;
	}
	im->in_batch = 1;
	im->batch_start = clock_seconds();
	if (im->index_start == 0)
		im->index_start = im->batch_start;
	return 0;
}

int
importer_finish(struct importer *im)
{
	int waiting;

	/* Articles an earlier import left waiting (it was killed between
	 * writing the index and committing its last batch) are indexed now,
	 * even when this one stored nothing. */
	if (!im->in_batch && (store_fts_waiting(im->st, &waiting) != 0 ||
	    (waiting && batch_open(im) != 0)))
		return -1;
	if (commit(im, 1) != 0)
		return -1;
	return im->an != NULL ? analyzer_finish(im->an) : 0;
}

void
importer_free(struct importer *im)
{
	if (im == NULL)
		return;
	/* Articles already told to the caller as stored stay stored when the
	 * run ends early (a later file's database error). */
	if (im->in_batch && importer_commit(im) != 0)
		store_rollback(im->st);
	ingest_chrome_free(im->chrome);
	ingest_hints_free(im->hints);
	text_rules_free(im->rules);
	analyzer_free(im->an);
	buf_free(&im->title), buf_free(&im->body), buf_free(&im->comments);
	buf_free(&im->place), buf_free(&im->scratch);
	free(im->paras);
	free(im->sents);
	free(im->dir);
	free(im->real_dir);
	free(im);
}

/* ---- one article ------------------------------------------------------ */

/* Paragraphs and sentences of the normalized body, as absolute spans
 * (text_sentences counts from its paragraph's start). */
static void
segment(struct importer *im, size_t *npara, size_t *nsent)
{
	struct text_span *p, *s = NULL;
	size_t np, ns, i, j, total = 0;

	free(im->paras);
	np = text_paragraphs(im->body.data, im->body.len, &im->paras);
	p = im->paras;
	for (i = 0; i < np; i++) {
		ns = text_sentences(im->rules, im->body.data + p[i].start, p[i].end - p[i].start, &s);
		if (total + ns > im->ncap_sents) {
			im->ncap_sents = (total + ns) * 3 / 2;
			im->sents = xreallocarray(im->sents, im->ncap_sents, sizeof *im->sents);
		}
		for (j = 0; j < ns; j++) {
			im->sents[total].start = p[i].start + s[j].start;
			im->sents[total++].end = p[i].start + s[j].end;
		}
		free(s);
		s = NULL;
	}
	*npara = np;
	*nsent = total;
}

static void
article_event(struct importer *im, const char *file, const struct store_article *a,
    enum store_added how)
{
	struct import_event ev = { 0 };

	if (how == STORE_DUPLICATE)
		im->stats.duplicates++;
	else if (how == STORE_VERSION)
		im->stats.versions++;
	else
		im->stats.added++;
	ev.what = IMPORT_ARTICLE;
	ev.file = file;
	ev.how = how;
	ev.id = a->id;
	ev.title = a->title;
	ev.body_len = a->body_len;
	ev.link = a->source;
	ev.item = a->item;
	ev.summary = a->summary;
	report(im, &ev);
}

/* The article A (just stored) continues, if any. A feed item's earlier
 * version is the newest article of the same item: any of them when the
 * item has an id of its own, else (a link says less) the newest whose text
 * A mostly shares (IMPORT_VERSION_SHARE). Any other article continues the
 * newest of the last few with the same source whose text it mostly
 * shares: a link alone says little, as feeds give every item their site's
 * home page, and saved pages carry a wrong rel=canonical. Failing that, a
 * copy saved under another path or link continues the newest article with
 * its title whose text is near-identical (IMPORT_COPY_SHARE). */
/* The first of IDS (newest first) other than A whose text A shares at
 * least SHARE of, in a->previous_id; NOW is A's triples, made when first
 * needed. */
static int
continues_one_of(struct importer *im, struct store_article *a, const int64_t *ids, size_t n,
    double share, struct text_shingles *now)
{
	struct text_shingles was;
	struct store_article old;
	size_t i;
	int rc = 0;

	for (i = 0; i < n && a->previous_id == 0 && rc == 0; i++) {
		if (ids[i] == a->id)
			continue;
		if (now->v == NULL)
			text_shingles(a->body, a->body_len, now);
		if ((rc = store_article_get(im->st, ids[i], &old)) != 0)
			break;
		text_shingles(old.body, old.body_len, &was);
		if (text_shared(now, &was) >= share)
			a->previous_id = ids[i];
		text_shingles_free(&was);
		store_article_free(&old);
	}
	return rc;
}

static int
find_previous(struct importer *im, struct store_article *a)
{
	int64_t ids[IMPORT_VERSION_LOOK + 1];
	struct text_shingles now = { NULL, 0 };
	size_t n = 0, i;
	int rc = 0;

	a->previous_id = 0;
	if (a->item != NULL)
		rc = store_article_by_item(im->st, a->item, ids, ARRAY_LEN(ids), &n);
	else if (a->source != NULL)
		rc = store_article_by_source(im->st, a->source, ids, ARRAY_LEN(ids), &n);
	if (rc != 0)
		return -1;
	if (a->item != NULL && im->item_by_id) {
		for (i = 0; i < n && a->previous_id == 0; i++) {
			if (ids[i] != a->id)
				a->previous_id = ids[i];
		}
		return 0;
	}
	rc = continues_one_of(im, a, ids, n, IMPORT_VERSION_SHARE, &now);
	/* Then a copy under another path or link: the same title and nearly
	 * the same text. A feed item is known by its identity alone. */
	if (rc == 0 && a->previous_id == 0 && a->item == NULL && a->title != NULL &&
	    a->title[0] != '\0') {
		rc = store_article_by_title(im->st, a->title, ids, ARRAY_LEN(ids), &n);
		if (rc == 0)
			rc = continues_one_of(im, a, ids, n, IMPORT_COPY_SHARE, &now);
	}
	text_shingles_free(&now);
	return rc;
}

/* What store_article returns for an article stored whose batch's linking
 * failed after it (link_batch). */
#define IMPORT_STORED_UNLINKED 1

/* Links the statements waiting (analyzer_link_due) outside any article's
 * savepoint, where every page the linking changes would be copied to the
 * savepoint's journal first (most of an import's writes, spilling to
 * temporary files). The batch is committed first and the linking is a
 * transaction of its own: a failed link rolls back only itself, the
 * articles of the batch stay stored (the one that filled it told as
 * stored too, then the error: IMPORT_STORED_UNLINKED), and their statements are
 * linked by the next flush or run (the store's "related.linked"). Its own,
 * not the start of the next batch: a statement of the linking that
 * spills its journal to a temporary file leaves every later journal of
 * the transaction in that file, until the commit. */
static int
link_batch(struct importer *im)
{
	if (commit(im, 0) != 0)
		return -1;
	return analyzer_finish(im->an) != 0 ? IMPORT_STORED_UNLINKED : 0;
}

/* Stores the normalized article with its spans in a savepoint of the
 * batch; a new version takes the annotations of the one before it along.
 * 0 stored, -1 not, IMPORT_STORED_UNLINKED stored (with its batch) but
 * the batch's statements not linked after it: the article is told as
 * stored all the same, and the error after it. */
static int
store_article(struct importer *im, struct store_article *a, size_t npara, size_t nsent,
    enum store_added *how, struct anno_carry_report *carried)
{
	struct store *st = im->st;

	memset(carried, 0, sizeof *carried);
	if (batch_open(im) != 0 || store_begin(st) != 0)
		return -1;
	/* Stored first, so a duplicate (the same file imported again) costs no
	 * comparison of texts. */
	a->previous_id = 0;
	if (store_article_add(st, a, how) != 0)
		goto fail;
	if (*how == STORE_DUPLICATE)
		return store_rollback(st) != 0 ? -1 : batch_done(im);
	if (find_previous(im, a) != 0)
		goto fail;
	if (a->previous_id != 0) {
		if (store_article_set_previous(st, a->id, a->previous_id) != 0)
			goto fail;
		*how = STORE_VERSION;
	}
	if (store_spans_add(st, a->id, im->paras, npara, im->sents, nsent) != 0)
		goto fail;
	if (im->an != NULL && analyzer_article(im->an, a->id, a->body, a->body_len, im->paras,
	    npara, im->sents, nsent, a->published, a->title) != 0)
		goto fail;
	if (*how == STORE_VERSION && anno_carry_over(st, a->previous_id, a->id, carried) != 0)
		goto fail;
	if (store_commit(st) != 0 || batch_done(im) != 0)
		return -1;
	return im->an != NULL && analyzer_link_due(im->an) ? link_batch(im) : 0;
fail:
	store_rollback(st);
	return -1;
}

int
import_synced(struct importer *im, const char *hash, struct store_article *a)
{
	enum store_added how;
	size_t npara, nsent;

	/* Cleaned and normalized where it was first imported: only segmented
	 * and analysed here. */
	buf_reset(&im->body);
	buf_add(&im->body, a->body, a->body_len);
	buf_addc(&im->body, '\0');
	im->body.len--;
	segment(im, &npara, &nsent);
	if (store_article_add(im->st, a, &how) != 0)
		return -1;
	if (strcmp(a->hash, hash) != 0)
		return err_set("article %s: its text gives another hash (%s) here", hash, a->hash);
	if (how == STORE_DUPLICATE)
		return 0;
	if (store_spans_add(im->st, a->id, im->paras, npara, im->sents, nsent) != 0)
		return -1;
	if (im->an != NULL && (analyzer_article(im->an, a->id, a->body, a->body_len, im->paras,
	    npara, im->sents, nsent, a->published, a->title) != 0 ||
	    (analyzer_link_due(im->an) && analyzer_link(im->an) != 0)))
		return -1;
	im->stats.added++;
	return 0;
}

static int
is_feed_item(const struct ingest_doc *doc)
{
	return doc->format != NULL && (strcmp(doc->format, "rss") == 0 ||
	    strcmp(doc->format, "atom") == 0);
}

/* One article: clean → NFC → segment → store → analyze. Returns -1 only
 * when the database failed; an article with no text is a refusal. */
static int
import_article(struct importer *im, const char *file, const char *where,
    const char *fallback, const struct ingest_doc *doc)
{
	struct store_article a = { 0 };
	struct anno_carry_report carried;
	struct ingest_clean c;
	enum store_added how;
	size_t npara, nsent;
	int rc, stored;

	if (ingest_clean(im->chrome, im->rules, doc, &c) != 0) {
		tell(im, IMPORT_REFUSED, file, "%s%s", where, err_msg());
		return 0;
	}
	if (text_nfc(c.title, strlen(c.title), &im->title) != 0 ||
	    text_nfc(c.body, c.body_len, &im->body) != 0 ||
	    (c.comments != NULL && text_nfc(c.comments, strlen(c.comments), &im->comments) != 0) ||
	    (c.dateline != NULL && text_nfc(c.dateline, strlen(c.dateline), &im->place) != 0)) {
		tell(im, IMPORT_REFUSED, file, "%s%s", where, err_msg());
		ingest_clean_free(&c);
		return 0;
	}
	segment(im, &npara, &nsent);
	/* The store_article borrows the buffers; it is not freed. */
	a.title = im->title.data;
	a.body = im->body.data;
	a.body_len = im->body.len;
	a.comments = c.comments != NULL ? im->comments.data : NULL;
	/* The document's own link, else the file it came from. */
	a.source = c.link != NULL ? c.link : (char *)(uintptr_t)fallback;
	a.outlet = c.outlet;
	a.published = doc->published != NULL ? doc->published : c.published;
	a.dateline = c.dateline != NULL ? im->place.data : NULL;
	a.format = (char *)(uintptr_t)doc->format;
	a.authors = c.authors;
	a.language = c.language;
	a.modified = doc->modified;
	a.captions = c.captions;
	a.dropped = c.dropped;
	a.item = im->item;
	a.summary = is_feed_item(doc) && a.body_len < IMPORT_SUMMARY_MAX;
	rc = store_article(im, &a, npara, nsent, &how, &carried);
	stored = rc >= 0;
	if (rc == IMPORT_STORED_UNLINKED)
		rc = -1;
	if (stored)
		article_event(im, file, &a, how);
	if (stored) {
		im->stats.anno_changed += carried.changed;
		im->stats.anno_stayed += carried.stayed;
	}
	if (stored && carried.changed > 0)
		tell(im, IMPORT_WARNING, file, "%s%zu highlight%s of the earlier version (article "
		    "%lld) now quote%s changed words (dossier annotations shows old and new)", where,
		    carried.changed, carried.changed == 1 ? "" : "s", (long long)a.previous_id,
		    carried.changed == 1 ? "s" : "");
	if (stored && carried.stayed > 0)
		tell(im, IMPORT_WARNING, file, "%s%zu annotation%s of the earlier version (article "
		    "%lld) could not be placed in this one and stay%s there", where, carried.stayed,
		    carried.stayed == 1 ? "" : "s", (long long)a.previous_id,
		    carried.stayed == 1 ? "s" : "");
	free(a.hash);
	free(a.imported);
	ingest_clean_free(&c);
	return rc;
}

/* ---- one file --------------------------------------------------------- */

static int
all_space(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\f')
			return 0;
	}
	return 1;
}

/* Where item I of a multi-article file came from when it has no link of
 * its own: the file, with the item's number. */
static char *
item_source(const char *source, size_t i, size_t n)
{
	if (source == NULL)
		return NULL;
	if (n == 1)
		return xstrdup(source);
	return xasprintf("%s#%zu", source, i + 1);
}

/* Does a document of DOCS other than the I-th have its id (BY_ID) or its
 * link? */
static int
repeated(const struct ingest_docs *docs, size_t i, int by_id)
{
	const char *value = by_id ? docs->v[i].id : docs->v[i].link, *other;
	size_t j;

	for (j = 0; j < docs->n && value != NULL; j++) {
		other = by_id ? docs->v[j].id : docs->v[j].link;
		if (j != i && other != NULL && strcmp(other, value) == 0)
			return 1;
	}
	return 0;
}

/* The identity of the I-th of DOCS when it is a feed item (its feed's
 * id, else the feed's address or file; its own id, else its link), or of
 * the page of one (import_item_page), in im->item. An id or link that two
 * items of one feed share names neither: such a feed is not telling its
 * items apart, and they are not made versions of each other. */
static void
item_identity(struct importer *im, const char *name, const char *source,
    const struct ingest_docs *docs, size_t i)
{
	const struct ingest_doc *doc = &docs->v[i];
	const char *feed = doc->feed != NULL ? doc->feed : source != NULL ? source : name;
	const char *own = NULL;

	im->item = NULL;
	im->item_by_id = 0;
	if (im->page_item != NULL && !is_feed_item(doc)) {
		im->item = xstrdup(im->page_item);
		im->item_by_id = 1;
		return;
	}
	if (!is_feed_item(doc))
		return;
	if (doc->id != NULL && !repeated(docs, i, 1)) {
		own = doc->id;
		im->item_by_id = 1;
	} else if (doc->link != NULL && !repeated(docs, i, 0))
		own = doc->link;
	if (own != NULL)
		im->item = xasprintf("%s\t%s", feed, own);
}

int
import_item_page(struct importer *im, const char *item, const char *name,
    const char *source, const char *data, size_t len)
{
	int rc;

	im->page_item = item;
	rc = import_data_as(im, INGEST_AUTO, name, source, data, len);
	im->page_item = NULL;
	return rc;
}

int
import_data(struct importer *im, const char *name, const char *source, const char *data,
    size_t len)
{
	return import_data_as(im, im->opts.format, name, source, data, len);
}

int
import_data_as(struct importer *im, enum ingest_format format, const char *name,
    const char *source, const char *data, size_t len)
{
	struct ingest_docs docs = { NULL, 0, 0 };
	struct text_utf8_report rep;
	char *charset = NULL, *src, where[40];
	const char *why;
	size_t i;
	int rc = 0;

	if (all_space(data, len)) {
		tell(im, IMPORT_REFUSED, name, "empty file, nothing to import");
		return 0;
	}
	if (ingest_check_text(data, len) != 0) {
		tell(im, IMPORT_REFUSED, name, "%s", err_msg());
		return 0;
	}
	if ((i = ingest_control_bytes(data, len)) > 0)
		tell(im, IMPORT_WARNING, name, "%zu control byte%s (such as terminal escape codes) "
		    "tidied out of the text", i, i == 1 ? "" : "s");
	if (format == INGEST_AUTO)
		format = ingest_detect(name, data, len);
	buf_reset(&im->scratch);
	/* The declared character set is unusable only when the bytes are not
	 * UTF-8 either; one warning says both. */
	why = ingest_decode(format, data, len, &im->scratch, &rep, &charset) != 0 ? err_msg()
	    : NULL;
	if (rep.replaced > 0 && charset != NULL)
		tell(im, IMPORT_WARNING, name, "byte %zu is not %s: replaced with U+FFFD (%zu "
		    "byte%s in all)", rep.first_bad, charset, rep.replaced,
		    rep.replaced == 1 ? "" : "s");
	else if (rep.replaced > 0)
		tell(im, IMPORT_WARNING, name, "%s%sinvalid UTF-8 at byte %zu replaced with "
		    "U+FFFD (%zu sequence%s)", why != NULL ? why : "", why != NULL ? ", and " : "",
		    rep.first_bad, rep.replaced, rep.replaced == 1 ? "" : "s");
	if (ingest_parse(format, im->scratch.data, im->scratch.len, im->hints, &docs) != 0) {
		tell(im, IMPORT_REFUSED, name, "%s", err_msg());
		goto done;
	}
	for (i = 0; i < docs.n && rc == 0; i++) {
		if (docs.n > 1)
			snprintf(where, sizeof where, "item %zu: ", i + 1);
		else
			where[0] = '\0';
		if (docs.v[i].warning != NULL)
			tell(im, IMPORT_WARNING, name, "%s%s", where, docs.v[i].warning);
		src = item_source(source, i, docs.n);
		im->item_link = docs.v[i].link;
		item_identity(im, name, source, &docs, i);
		rc = import_article(im, name, where, src, &docs.v[i]);
		im->item_link = NULL;
		free(im->item);
		im->item = NULL;
		free(src);
	}
done:
	ingest_docs_free(&docs);
	free(charset);
	return rc;
}

static void
file_done(struct importer *im, const char *path)
{
	struct import_event ev = { 0 };

	im->stats.files++;
	ev.what = IMPORT_FILE_DONE;
	ev.file = path;
	report(im, &ev);
}

/* PATH's real path, the article's source: its directory's real path,
 * resolved once for all the files of a directory (realpath reads every
 * component's link, eight system calls a file in a corpus), and its name,
 * unless the name is a symbolic link itself. */
static char *
real_path(struct importer *im, const char *path)
{
	const char *slash = strrchr(path, '/');
	struct stat sb;
	size_t n;

	if (slash == NULL || slash == path || lstat(path, &sb) != 0 || S_ISLNK(sb.st_mode))
		return realpath(path, NULL);
	n = (size_t)(slash - path);
	if (im->dir == NULL || strlen(im->dir) != n || strncmp(im->dir, path, n) != 0) {
		free(im->dir);
		free(im->real_dir);
		im->dir = xstrndup(path, n);
		im->real_dir = realpath(im->dir, NULL);
	}
	if (im->real_dir == NULL)
		return realpath(path, NULL);
	return xasprintf("%s%s%s", im->real_dir, strcmp(im->real_dir, "/") == 0 ? "" : "/",
	    slash + 1);
}

int
import_file(struct importer *im, const char *path)
{
	char *data = NULL, *source = NULL;
	struct stat sb;
	size_t len;
	int rc = 0;

	if (strcmp(path, "-") != 0) {
		if (stat(path, &sb) != 0) {
			tell(im, IMPORT_REFUSED, path, "%s", strerror(errno));
			goto done;
		}
		if (S_ISDIR(sb.st_mode)) {
			tell(im, IMPORT_REFUSED, path, "a directory (import walks directories "
			    "given on the command line)");
			goto done;
		}
		if (!S_ISREG(sb.st_mode)) {
			tell(im, IMPORT_REFUSED, path, "not a regular file");
			goto done;
		}
		if ((uintmax_t)sb.st_size > im->opts.max_size) {
			tell(im, IMPORT_REFUSED, path, "%jd bytes, over the %zu-byte limit "
			    "(--max-size)", (intmax_t)sb.st_size, im->opts.max_size);
			goto done;
		}
		source = real_path(im, path);
	}
	if (path_read_file(path, im->opts.max_size, &data, &len) != 0) {
		/* The message names the path already; keep one name. */
		const char *m = err_msg(), *p = strstr(m, ": ");
		tell(im, IMPORT_REFUSED, path, "%s", strncmp(m, path, strlen(path)) == 0 && p
		    ? p + 2 : m);
		goto done;
	}
	rc = import_data(im, path, source != NULL ? source : (strcmp(path, "-") ? path : NULL),
	    data, len);
done:
	free(data);
	free(source);
	file_done(im, path);
	return rc;
}

/* ---- collecting files -------------------------------------------------- */

static void
list_add(struct import_list *l, char *path)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n++] = path;
}

void
import_list_free(struct import_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Is PATH (a real path) ROOT itself or inside it? */
static int
within(const char *root, const char *path)
{
	size_t n = strlen(root);

	return strncmp(path, root, n) == 0 && (path[n] == '/' || path[n] == '\0' ||
	    (n > 0 && root[n - 1] == '/'));
}

/* A symbolic link met in the walk is followed only to a regular file
 * inside the tree given (ROOT, a real path): a link to /etc/shadow in a
 * folder of saved pages is not an article the user asked for. */
static int
link_in_tree(struct importer *im, const char *root, const char *p)
{
	char *target = realpath(p, NULL);
	struct stat sb;
	int ok = 0;

	if (target == NULL)
		tell(im, IMPORT_WARNING, p, "a symbolic link to nothing (%s); skipped",
		    strerror(errno));
	else if (!within(root, target))
		tell(im, IMPORT_WARNING, p, "a symbolic link out of the directory given (to %s); "
		    "not followed (name the file itself to import it)", target);
	else
		ok = stat(target, &sb) == 0 && S_ISREG(sb.st_mode);
	free(target);
	return ok;
}

static void
walk_dir(struct importer *im, const char *root, const char *dir, struct import_list *list,
    int depth)
{
	struct import_list names = { NULL, 0, 0 };
	struct dirent *de;
	struct stat sb;
	DIR *d;
	size_t i;

	if (depth > 64) {
		tell(im, IMPORT_REFUSED, dir, "directories nested too deep");
		return;
	}
	if ((d = opendir(dir)) == NULL) {
		tell(im, IMPORT_REFUSED, dir, "%s", strerror(errno));
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] != '.')
			list_add(&names, xstrdup(de->d_name));
	}
	closedir(d);
	if (names.n > 1)     /* an empty directory has no array: qsort(NULL) is undefined */
		qsort(names.v, names.n, sizeof *names.v, by_name);
	for (i = 0; i < names.n; i++) {
		char *p = xasprintf("%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
		    names.v[i]);
		if (lstat(p, &sb) != 0) {
			free(p);
			continue;
		}
		if (S_ISDIR(sb.st_mode)) {
			walk_dir(im, root, p, list, depth + 1);
			free(p);
		} else if (ingest_known_extension(names.v[i]) && (S_ISREG(sb.st_mode) ||
		    (S_ISLNK(sb.st_mode) && link_in_tree(im, root, p)))) {
			list_add(list, p);
		} else
			free(p);
	}
	import_list_free(&names);
}

void
import_collect(struct importer *im, const char *path, struct import_list *list)
{
	struct stat sb;
	char *root;

	if (strcmp(path, "-") != 0 && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		root = realpath(path, NULL);
		walk_dir(im, root != NULL ? root : path, path, list, 0);
		free(root);
	} else
		list_add(list, xstrdup(path));
}

/* ---- the samples -------------------------------------------------------- */

int
import_samples(struct store *st, size_t *added)
{
	struct import_list list = { NULL, 0, 0 };
	struct importer *im;
	char *dir = path_data_file("samples");
	size_t i;
	int rc = 0;

	*added = 0;
	if (importer_new(st, NULL, &im) != 0) {
		free(dir);
		return -1;
	}
	import_collect(im, dir, &list);
	for (i = 0; i < list.n && rc == 0; i++)
		rc = import_file(im, list.v[i]);
	if (rc == 0)
		rc = importer_finish(im);
	*added = im->stats.added + im->stats.versions;
	if (rc == 0 && im->stats.files == 0)
		rc = err_set("%s: no sample articles found", dir);
	import_list_free(&list);
	importer_free(im);
	free(dir);
	return rc;
}
