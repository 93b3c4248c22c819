/*
 * import.h: the import pipeline, where the modules meet:
 *
 *   file bytes → refuse non-text → UTF-8 repair → ingest (parse, clean)
 *     → text (NFC, paragraphs, sentences) → store → analyze (extract:
 *     mentions, statements, related links)
 *
 * with articles committed in batches (IMPORT_BATCH). `dossier import` and the
 * reader's first run (the sample articles) both use it. It prints
 * nothing: what happens is told to the caller through a report callback.
 */
#ifndef DOSSIER_IMPORT_H
#define DOSSIER_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "anno.h"
#include "ingest.h"
#include "store.h"

#define IMPORT_MAX_SIZE ((size_t)16 << 20)   /* default refusal size, bytes */

/* Articles are committed together, every IMPORT_BATCH of them or when the
 * batch is IMPORT_BATCH_SECONDS old, whichever comes first: a crash loses
 * at most one batch (importing the same files again completes it), while
 * another program waiting to write waits a fraction of a second. */
#define IMPORT_BATCH 1000
#define IMPORT_BATCH_SECONDS 0.2
/* The full-text index is written less often (store_fts_index): a batch is
 * committed with its articles waiting in fts_pending, and those of all
 * the batches of IMPORT_INDEX_SECONDS (or IMPORT_INDEX_ARTICLES) are
 * indexed together, as one segment while their terms take less than
 * IMPORT_INDEX_HASH bytes of memory, when the batch that ends the period
 * commits, and at the end of the import (importer_finish, or
 * importer_commit by a caller that waits for more input). A search finds
 * an article stored by an import at most IMPORT_INDEX_SECONDS (plus a
 * batch) after it is committed; a kill leaves the articles committed
 * since the index was last written waiting, and the next import indexes
 * them (at its first index write or its end, even when it stores
 * nothing). Bigger segments: fewer merges (store-fts.c). */
#define IMPORT_INDEX_ARTICLES 20000
#define IMPORT_INDEX_SECONDS 5.0
#define IMPORT_INDEX_HASH ((size_t)64 << 20)

/* A new article is a version of an earlier one only when both come from
 * the same source (link or file) AND the shorter of the two bodies has at
 * least this share of its word triples in the other (text_shared); else it
 * is an article of its own. The newest of the last IMPORT_VERSION_LOOK
 * articles of that source that qualifies is the one it continues. */
#define IMPORT_VERSION_SHARE 0.5
#define IMPORT_VERSION_LOOK 8

/* A new article that continues nothing from its source (a copy saved
 * under another path, or with another link) is a version of the newest of
 * the last IMPORT_VERSION_LOOK articles with the same title whose text is
 * near-identical to its own: the shorter of the two bodies has at least
 * this share of its word triples in the other (text_shared, the same
 * measure as above). A title alone says little ("Press briefing"), so the
 * bar is higher than for a shared source. */
#define IMPORT_COPY_SHARE 0.8

/* A feed item is known by its feed and its id (RSS guid, Atom id; else
 * its link): the same text in two items is two articles, the same item
 * with the same text again a duplicate, and with another text a new
 * version of it (with an id, whatever the text; with only a link, when
 * the texts share enough, as above). An item whose text is shorter than
 * this (bytes of the cleaned body; none at all is kept too) is marked a
 * summary: its page has the article (feeds.h fetches it). */
#define IMPORT_SUMMARY_MAX 400

enum import_what {
	IMPORT_ARTICLE,    /* an article was added, or found already stored */
	IMPORT_WARNING,    /* a problem that did not stop the file */
	IMPORT_REFUSED,    /* a file or feed item not imported */
	IMPORT_FILE_DONE,  /* a file is finished (for progress) */
};

struct import_event {
	enum import_what what;
	const char *file;       /* the path as given; "-" for standard input */
	const char *message;    /* WARNING/REFUSED: one line naming the file and place */
	enum store_added how;   /* ARTICLE */
	int64_t id;             /* ARTICLE: the stored (or already stored) article */
	const char *title;      /* ARTICLE */
	size_t body_len;        /* ARTICLE: bytes of its body */
	const char *link;       /* ARTICLE, and REFUSED for a feed item: the item's
	                           own link, or NULL */
	const char *item;       /* ARTICLE: a feed item's identity, or NULL */
	int summary;            /* ARTICLE: a feed item's summary (IMPORT_SUMMARY_MAX) */
};

struct import_opts {
	size_t max_size;              /* 0: IMPORT_MAX_SIZE */
	enum ingest_format format;    /* INGEST_AUTO: by content and name */
	void (*report)(void *arg, const struct import_event *ev);   /* may be NULL */
	void *arg;
	int no_extract;               /* store articles without analysing them */
};

struct import_stats {
	size_t files, added, versions, duplicates, refused, warnings;
	/* Highlights of earlier versions: placed on changed words, and left
	 * on the earlier version (not placed in the new one). */
	size_t anno_changed, anno_stayed;
};

struct importer;

/* Loads the chrome and sentence rules (data/chrome.txt, the user's
 * chrome.txt beside the configuration file, data/abbrev.txt) and, unless
 * opts->no_extract, the knowledge base and the matcher (analyze.h). */
int importer_new(struct store *st, const struct import_opts *opts, struct importer **out);
/* Commits the articles stored since the last commit; the importer does so
 * itself as batches fill. A caller that waits for more input (a fetch
 * waiting on the network) commits first, so that no write lock is held
 * while nothing is written. */
int importer_commit(struct importer *im);
/* Ends a run: commits the last batch and links the statements of the
 * articles imported to related ones (in batches during the run, the rest
 * here). */
int importer_finish(struct importer *im);
void importer_free(struct importer *im);
const struct import_stats *importer_stats(const struct importer *im);

/* The files PATH stands for, appended to LIST (malloc'd strings): PATH
 * itself, "-" as it is, or for a directory every file below it with a
 * known extension (see ingest_known_extension), hidden ones skipped,
 * in byte order of their names, depth first. Symbolic links to
 * directories are not followed. Problems are reported as refusals. */
struct import_list {
	char **v;
	size_t n, cap;
};
void import_collect(struct importer *im, const char *path, struct import_list *list);
void import_list_free(struct import_list *l);

/* Imports one file ("-": standard input). Returns 0 when the file was
 * dealt with (imported, duplicate or refused, all reported and counted)
 * and -1 when the database failed, which should end the batch. */
int import_file(struct importer *im, const char *path);
/* The same for bytes already read: NAME names them in messages and for
 * format detection; SOURCE is recorded as the articles' origin (NULL for
 * none, so that versions are not linked). */
int import_data(struct importer *im, const char *name, const char *source, const char *data,
    size_t len);
/* The same in FORMAT whatever the importer's options say (a fetched feed
 * is a feed, or refused). */
int import_data_as(struct importer *im, enum ingest_format format, const char *name,
    const char *source, const char *data, size_t len);

/* The page of the feed item ITEM (import_event.item), fetched: stored as
 * that item's next version. Otherwise as import_data. */
int import_item_page(struct importer *im, const char *item, const char *name,
    const char *source, const char *data, size_t len);

/* import-qdpx.c: a REFI-QDA project (.qdpx, or its project.qde alone)
 * or codebook (.qdc) read in: codes as tags (recoloured as the file says),
 * text sources as articles, selections as highlights keeping their GUIDs
 * (placed by quote and context), notes as memos on what refers to them.
 * What cannot be kept is listed in PROBLEMS and counted as refused; -1
 * only when the file cannot be read at all or the database fails. */
struct import_qdpx_report {
	size_t sources, sources_added, tags_added, tags_recoloured, memos, refused;
	struct anno_import_report annos;
	char **problems;
	size_t nproblems;
};
int import_qdpx(struct store *st, const char *path, struct import_qdpx_report *rep);
void import_qdpx_report_free(struct import_qdpx_report *r);

/* An article a team sync brought (store_sync_article): already cleaned
 * and normalized where it was imported, so only segmented, stored and
 * analysed, inside the caller's transaction. Its text must give HASH. */
int import_synced(struct importer *im, const char *hash, struct store_article *a);

/* The reader's first run: imports data/samples/ quietly. *added counts
 * the new articles. */
int import_samples(struct store *st, size_t *added);

#endif
