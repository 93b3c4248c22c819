/*
 * store.h: the SQLite database that holds everything dossier knows: articles,
 * their sentences, entities and mentions, statements and their links, and
 * the user's annotations. Nothing outside store-*.c writes SQL; the reader
 * and the commands call the functions declared here.
 *
 * Positions are byte offsets into an article's stored body (NFC UTF-8,
 * never changed after import).
 */
#ifndef DOSSIER_STORE_H
#define DOSSIER_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "text.h"

struct store;

enum store_flags {
	STORE_READONLY = 1 << 0,   /* open without writing, even if writable */
	STORE_NOCREATE = 1 << 1,   /* fail if the file does not exist */
	/* With STORE_READONLY: an older schema is left as it is (check and
	 * backup look at the file as it is); without it a reading command
	 * upgrades an older schema first, when the file is writable. */
	STORE_NOUPGRADE = 1 << 2,
	/* Reads through a memory map (the reader): a large article is then
	 * a copy out of the map. Not for bulk work, whose resident size would
	 * grow with every page of the file it touches. */
	STORE_MMAP = 1 << 3,
	/* Writes many articles (import): a larger page cache, as an import
	 * touches index pages all over the database. */
	STORE_BULK = 1 << 4,
};

/* store.c */
int store_open(const char *path, int flags, struct store **out);
void store_close(struct store *st);
const char *store_path(const struct store *st);
int store_is_readonly(const struct store *st);
/* A number that changes whenever another connection (another program)
 * commits to the database, and only then (PRAGMA data_version): the
 * reader compares it to notice imports and annotations made meanwhile. */
int store_data_version(struct store *st, int64_t *version);
/* While CHECK(ARG) returns nonzero, queries stop as soon as they look
 * (every few thousand steps) and fail with an "interrupted" message: how
 * a program asked to end leaves a long query at once. NULL removes it. */
void store_set_interrupt(struct store *st, int (*check)(void *arg), void *arg);
/* How long a write waits for another program's lock: MS milliseconds (0:
 * not at all), or (-1) the default of 5 seconds. */
void store_set_lock_wait(struct store *st, int ms);
/* One writer transaction; store_commit/rollback end it. A nested call
 * is a savepoint: its rollback undoes its own changes only, its commit
 * keeps them for the outer caller, whose commit makes them durable. */
int store_begin(struct store *st);
int store_commit(struct store *st);
int store_rollback(struct store *st);
/* Runs PRAGMA integrity_check (full) or quick_check; 0 when "ok". */
int store_check(struct store *st, int full);

/* store-article.c: articles, their paragraphs and sentences, search. */
struct store_article {
	int64_t id;
	char *title, *source, *outlet, *published, *dateline, *format;
	char *body;           /* NFC UTF-8 */
	size_t body_len;
	char *comments;       /* NULL when none */
	char *hash, *imported;
	int64_t previous_id;  /* 0 when none */
	char *authors, *language, *modified;   /* from a web page; NULL when unknown */
	char *captions;       /* captions and credits, one per line; NULL when none */
	char *dropped;        /* what cleaning left out, "REASON\tTEXT" lines; only
	                       * written (store_article_dropped reads it) */
	char *item;           /* a feed item's identity: "FEED\tID"; NULL when none */
	int summary;          /* a feed item's summary (or no text): the page has more */
};
void store_article_free(struct store_article *a);   /* frees members, not a */

/* One line of the article list. */
struct store_article_brief {
	int64_t id;
	char *title, *published, *outlet;
	int annotations;
};
void store_article_brief_free(struct store_article_brief *rows, size_t n);

/* Loads one article (body included). Returns 0, or -1 with a message
 * naming the id when there is no such article. */
int store_article_get(struct store *st, int64_t id, struct store_article *out);
/* The first LEN bytes of article ID's body (all of it when shorter), into
 * *BODY (malloc'd, NUL-terminated) and *N: what positions before LEN need
 * without reading the pages of a long body past them. 0, or -1. */
int store_article_body_head(struct store *st, int64_t id, size_t len, char **body, size_t *n);
int store_article_count(struct store *st, int64_t *n);
/* What cleaning left out of article ID, "REASON\tTEXT" lines (malloc'd;
 * NULL when nothing was). */
int store_article_dropped(struct store *st, int64_t id, char **out);
/* Rows [offset, offset+limit) of the list in its order (newest first);
 * reads only those rows. *rows is malloc'd. */
int store_article_page(struct store *st, size_t offset, size_t limit,
    struct store_article_brief **rows, size_t *n);
/* Position of an article in that order. Counts kept per year and day
 * make it cost the articles of its day, not those before it. */
int store_article_index(struct store *st, int64_t id, size_t *index);
/* Rows of the list from article ID on, at most LIMIT: a page found by the
 * article's key, however far down the list it is. */
int store_article_page_at(struct store *st, int64_t id, size_t limit,
    struct store_article_brief **rows, size_t *n);
/* The LIMIT rows just before article ID, in the list's order. */
int store_article_page_before(struct store *st, int64_t id, size_t limit,
    struct store_article_brief **rows, size_t *n);
/* The last LIMIT rows of the list, in its order. */
int store_article_page_last(struct store *st, size_t limit,
    struct store_article_brief **rows, size_t *n);

/* How store_article_add found the article. */
enum store_added {
	STORE_ADDED,       /* new */
	STORE_DUPLICATE,   /* same content already stored: nothing written */
	STORE_VERSION,     /* a changed version of a stored source: added, linked */
};

/* Adds an article. The caller fills title, body/body_len (NFC UTF-8),
 * format and optionally source, outlet, published, dateline, comments and
 * previous_id (the article this one is a new version of, or 0: the import
 * decides, see store_article_by_source); the store fills hash and, on
 * STORE_ADDED/STORE_VERSION, id and imported. On STORE_DUPLICATE, id is
 * the existing article's and nothing is written, but for a feed item met
 * again with the same text on a row stored before items had an identity:
 * that row takes the item's identity. Call inside
 * store_begin/store_commit with the article's other rows. */
int store_article_add(struct store *st, struct store_article *a, enum store_added *how);
/* Links article ID to PREVIOUS_ID as its newer version. */
int store_article_set_previous(struct store *st, int64_t id, int64_t previous_id);
/* The ids of up to MAX articles whose source is SOURCE, newest first, in
 * IDS; their count in *N. */
int store_article_by_source(struct store *st, const char *source, int64_t *ids, size_t max,
    size_t *n);
/* The same for the articles of the feed item ITEM (store_article.item). */
int store_article_by_item(struct store *st, const char *item, int64_t *ids, size_t max,
    size_t *n);
/* The same for the articles titled TITLE (exactly, as stored). */
int store_article_by_title(struct store *st, const char *title, int64_t *ids, size_t max,
    size_t *n);

/* An article's paragraphs and sentences as byte spans of the body, in
 * order, stored together (one row an article). */
int store_spans_add(struct store *st, int64_t article_id, const struct text_span *paras,
    size_t npara, const struct text_span *sents, size_t nsent);
/* *spans is malloc'd (NULL when n is 0). */
int store_paragraphs_get(struct store *st, int64_t article_id,
    struct text_span **spans, size_t *n);
int store_sentences_get(struct store *st, int64_t article_id,
    struct text_span **spans, size_t *n);

/* store-hash.c: SHA-256, for content hashes. */
struct store_sha256 {
	void *ctx;	/* libcrypto's digest; store_sha256_hex frees it, so every init
			 * must end in a hex */
};
void store_sha256_init(struct store_sha256 *s);
void store_sha256_add(struct store_sha256 *s, const void *data, size_t len);
/* Finishes and writes 64 lower-case hex digits and a NUL. */
void store_sha256_hex(struct store_sha256 *s, char out[65]);

/* store-search.c: full-text search (FTS5 query syntax) ranked by bm25 with
 * title matches weighted over body matches. */
struct store_hit {
	int64_t id;
	char *title, *published, *outlet;
	char *snippet;     /* body (or title/notes) excerpt, matches marked */
};
void store_hits_free(struct store_hit *hits, size_t n);
/* Rows [offset, offset+limit) of the ranked result; only those rows are
 * read. MARK_OPEN/MARK_CLOSE surround each matched term in the snippet.
 * A malformed query fails with a one-line message quoting it. */
/* store-stem.c: QUERY with each plain word widened to the forms of it
 * the index holds ("checkpoint" to '(checkpoint OR "checkpoints")'), by
 * its stem in the languages of its script; store_search does this itself,
 * and ranks what matches QUERY as written first. malloc'd; NULL with a
 * message naming the file and line when a file of endings is bad. */
char *store_widen_query(struct store *st, const char *query);
int store_search(struct store *st, const char *query, size_t offset, size_t limit,
    const char *mark_open, const char *mark_close, struct store_hit **hits, size_t *n);

/* The same as JSON, built by SQLite's JSON functions (*json malloc'd):
 * [{"id":…,"title":…,"published":…,"outlet":…,"snippet":…,"rank":…}, …] */
int store_json_search(struct store *st, const char *query, size_t offset, size_t limit,
    const char *mark_open, const char *mark_close, char **json);

/* store-json.c: articles as JSON for --json, built by SQLite's JSON
 * functions, never by hand. *json is malloc'd. */
/* [{"id":…,"published":…,"outlet":…,"title":…,"annotations":…}, …] */
int store_json_page(struct store *st, size_t offset, size_t limit, char **json);
/* {"id":…,"title":…,…,"body":…[,"comments":…]} */
int store_json_article(struct store *st, int64_t id, int with_comments, char **json);

/* store-state.c: small settings kept in the database (reader position). */
/* *value is malloc'd, or NULL when the key is unset. A NULL value unsets. */
int store_state_get(struct store *st, const char *key, char **value);
int store_state_set(struct store *st, const char *key, const char *value);

/* store-anno.c: the user's annotations, the tags of the codebook and the
 * links between them, and the notes column of the full-text index. The
 * model (undo, anchoring, codebook file) is in anno.h; this is only rows.
 *
 * Annotation writes are durable: store_anno_begin/commit run with
 * synchronous=FULL, so once store_anno_commit returns the change survives
 * a crash of the program or of the machine. Nothing is ever deleted: a
 * deleted annotation is marked so (undo restores it). */
enum store_anno_state {
	STORE_ANNO_ACTIVE,
	STORE_ANNO_ORPHANED,     /* could not be placed in a newer version */
	STORE_ANNO_DELETED,      /* deleted by the user; kept for undo */
	STORE_ANNO_SUPERSEDED,   /* carried over to a newer version */
};
/* Bits for store_anno_filter.states. */
#define STORE_ANNO_STATE_BIT(s) (1u << (s))
#define STORE_ANNO_LIVE (STORE_ANNO_STATE_BIT(STORE_ANNO_ACTIVE) | \
	STORE_ANNO_STATE_BIT(STORE_ANNO_ORPHANED))
#define STORE_ANNO_ALL 0xfu

enum store_anno_status {
	STORE_ANNO_NOSTATUS,     /* not a claim being verified */
	STORE_ANNO_UNVERIFIED,
	STORE_ANNO_SUPPORTED,
	STORE_ANNO_DISPUTED,
	STORE_ANNO_FALSE,
};
const char *store_anno_state_name(enum store_anno_state s);
int store_anno_state_parse(const char *name, enum store_anno_state *out);
const char *store_anno_status_name(enum store_anno_status s);  /* NULL for none */
int store_anno_status_parse(const char *name, enum store_anno_status *out);

struct store_anno_tag {
	int64_t id;
	char *name, *color;      /* filled by reads; writes use the id only */
};

struct store_anno {
	int64_t id;              /* 0 for one not yet stored */
	char uuid[37];           /* "" for a new one: store_anno_put makes it */
	int64_t article_id;
	size_t start, end;       /* bytes into the article body; for an
	                          * orphaned one, where it was in the version
	                          * it came from */
	char *quote, *prefix, *suffix;
	char *note;              /* NULL when none */
	int64_t speaker_id, target_id;   /* entities; 0 when none */
	enum store_anno_status status;
	enum store_anno_state state;
	char *anchor;            /* how it was last placed (anno_placed_name) */
	int64_t previous_id;     /* the annotation it was carried over from */
	char *created, *modified;   /* ISO 8601 UTC, filled by the store */
	char *coder;             /* who made it; NULL when never recorded */
	struct store_anno_tag *tags;  /* sorted by name */
	size_t ntags;
	char *speaker, *target;  /* entity names, filled by reads */
	/* Filled by reads: the quote of the annotation this one was carried
	 * over from, when it differs (the words changed in this version);
	 * NULL otherwise. */
	char *was_quote;
};
void store_anno_free(struct store_anno *a);         /* members, not a */
void store_anno_list_free(struct store_anno *rows, size_t n);
void store_anno_copy(struct store_anno *dst, const struct store_anno *src);
/* Adds a tag id (with name and colour, may be NULL) unless present. */
void store_anno_tag_add(struct store_anno *a, int64_t id, const char *name,
    const char *color);
/* Removes a tag id; returns 1 if it was there. */
int store_anno_tag_remove(struct store_anno *a, int64_t id);

/* A durable writer transaction (nests inside store_begin). */
int store_anno_begin(struct store *st);
int store_anno_commit(struct store *st);
int store_anno_rollback(struct store *st);

enum {
	STORE_ANNO_KEEP_TIMES = 1 << 0,  /* keep a->created/modified (import) */
};
/* Inserts A, or replaces the stored annotation with the same uuid (tags
 * included), and refreshes the article's notes in the full-text index.
 * Fills a->id, a->uuid, a->created and a->modified. Call inside
 * store_anno_begin/commit. */
int store_anno_put(struct store *st, struct store_anno *a, int flags);
/* 0 and *out filled; 1 when there is no such annotation; -1 on error. */
int store_anno_get(struct store *st, int64_t id, struct store_anno *out);
int store_anno_get_uuid(struct store *st, const char *uuid, struct store_anno *out);

struct store_anno_filter {
	int64_t article_id;      /* 0: every article */
	const char *tag;         /* NULL, or a tag and the tags nested in it */
	int tag_exact;           /* TAG alone, not the tags nested in it */
	int64_t speaker_id;      /* 0: any; STORE_ANNO_NO_SPEAKER: none */
	const char *outlet;      /* NULL: any; "": articles with no outlet */
	const char *month;       /* NULL: any, else of publication, "2023-02"; "": undated */
	int status;              /* -1: any, else an enum store_anno_status */
	unsigned states;         /* STORE_ANNO_STATE_BIT()s; 0 means LIVE */
	const char *text;        /* NULL, or a substring of quote, note or
	                          * speaker (ASCII letters case-insensitive) */
	const char *speaker;     /* NULL, or a substring of the speaker's name */
	const char *coder;       /* NULL, or exactly this coder's */
	size_t offset, limit;    /* limit 0: no limit */
};
#define STORE_ANNO_NO_SPEAKER (-1)
/* Annotations in article then position order. *rows is malloc'd. */
int store_anno_list(struct store *st, const struct store_anno_filter *f,
    struct store_anno **rows, size_t *n);
int store_anno_count(struct store *st, const struct store_anno_filter *f, size_t *n);
/* 1 when some annotation (of any state) was made by CODER, 0 when none
 * was, -1 on error. */
int store_anno_coder_known(struct store *st, const char *coder);
/* Makes a new random (version 4) UUID in lower-case hex with dashes. */
void store_anno_uuid(char out[37]);
/* A UUID made from KIND and NAME, the same wherever it is made (for what
 * has no stored identity of its own: a tag, a coder, a codebook's
 * description). */
void store_name_uuid(const char *kind, const char *name, char out[37]);

/* Tags: the codebook as stored. Names may nest with '/'. */
struct store_tag {
	int64_t id;
	char *name;
	char *color;             /* NULL, a colour name or a number 0-255 */
	char *key;               /* NULL or one character: the picker's key */
	int64_t uses;            /* live annotations carrying it (lists only) */
};
void store_tag_free(struct store_tag *t);
void store_tag_list_free(struct store_tag *rows, size_t n);
/* Every tag, in id order (the codebook's order, then added ones). */
int store_tag_list(struct store *st, struct store_tag **rows, size_t *n);
/* 0 and *out filled; 1 when there is no such tag; -1 on error. */
int store_tag_find(struct store *st, const char *name, struct store_tag *out);
int store_tag_get(struct store *st, int64_t id, struct store_tag *out);
/* Inserts (id 0: a new id is set) or replaces the tag with t->id. */
int store_tag_put(struct store *st, struct store_tag *t);
/* Removes the tag and its links to annotations. */
int store_tag_delete(struct store *st, int64_t id);

/* What annotation exports and the annotation commands need of an article,
 * without the rest of it. */
struct store_anno_article {
	int64_t id, previous_id;
	char *title, *source, *hash, *outlet, *published;
	char *body;
	size_t body_len;
};
void store_anno_article_free(struct store_anno_article *a);
/* 0 and *out filled; 1 when there is no such article; -1 on error. */
int store_anno_article_get(struct store *st, int64_t id, struct store_anno_article *out);
/* The article an exported annotation belongs to: the one with HASH, else
 * the newest version from SOURCE. *id is 0 when there is none. */
int store_anno_article_match(struct store *st, const char *hash, const char *source,
    int64_t *id);
/* Entities by name or alias (*id 0 when unknown), and the speaker of the
 * statement that contains [start, end) (0 when none). */
int store_anno_entity_find(struct store *st, const char *name, int64_t *id);
int store_anno_speaker_at(struct store *st, int64_t article_id, size_t start,
    size_t end, int64_t *speaker_id);
/* Actors (people, states, organizations) whose name or an alias contains
 * TEXT (ASCII case-insensitive; "" for all), at most LIMIT: those ARTICLE
 * mentions first, the most mentioned first, then the rest by name; the
 * choices for a claim's speaker and target. */
struct store_actor {
	int64_t id;
	char *name, *kind;
};
int store_anno_actors(struct store *st, int64_t article, const char *text, size_t limit,
    struct store_actor **rows, size_t *n);
void store_actor_list_free(struct store_actor *rows, size_t n);

/* store-anno-json.c: W3C Web Annotation JSON, built and read by SQLite's
 * JSON functions so that quoting is never done by hand. */
/* One annotation as a W3C Web Annotation object (*json malloc'd). SPAN
 * is its [start, end) in characters (code points) of the body, as the W3C
 * TextPositionSelector counts them; without it, or when the annotation is
 * orphaned, the object has only the quote selector. */
int store_anno_json(struct store *st, int64_t id, const size_t *span, char **json);
/* An annotation read from a W3C document, before it is matched to this
 * database: a.start/a.end are character offsets (has_position says
 * whether there were any), a.tags have names and no ids, a.speaker and
 * a.target are names, and a.article_id is 0. */
struct store_anno_in {
	struct store_anno a;
	char *hash, *source;     /* which article (dossier:article, target) */
	int has_position;
	char *id;                /* the document's id, as written */
};
void store_anno_in_free(struct store_anno_in *rows, size_t n);
/* Reads an array of annotations, one annotation, an AnnotationPage or an
 * AnnotationCollection with its first page. NAME is for messages. */
int store_anno_json_read(struct store *st, const char *name, const char *json,
    size_t len, struct store_anno_in **rows, size_t *n);

/* ---- store-entity.c: the knowledge base in the database, entities and
 * their mentions. ---------------------------------------------------- */

struct kb;

/* Writes the shipped knowledge base KB (origin 'kb') into the tables:
 * an entity keeps its id by name; its 'kb' aliases and roles are replaced;
 * a candidate of that name becomes a 'kb' entity; what the user added
 * ('user' entities, aliases and roles) is kept. */
int store_kb_sync(struct store *st, const struct kb *kb);
/* Writes entity IDX of KB as the user's (dossier kb add/import): a new
 * entity of origin 'user' with its date and parties, or, when the name is
 * taken by one of the same kind, the user's aliases and roles added to it. */
int store_kb_add_user(struct store *st, const struct kb *kb, int idx, int64_t *id);
/* Adds the database's knowledge base to KB: every entity (candidates and
 * dismissed ones too, flagged) with its id, aliases, roles, date and
 * parties. Call kb_resolve after. */
int store_kb_load(struct store *st, struct kb *kb);
/* Adds an entity (origin 'user' or 'candidate'), or finds it by name;
 * -1 when the name exists with another kind. ROLE (may be NULL) is
 * recorded as its first role. */
int store_entity_add(struct store *st, const char *kind, const char *name,
    const char *origin, const char *role, int64_t *id);
int store_alias_add(struct store *st, int64_t entity_id, const char *alias, const char *origin);
/* An entity by canonical name, else by alias, letter case ignored (*id 0
 * when none); dismissed candidates are not found. */
int store_entity_find(struct store *st, const char *name, int64_t *id);

struct store_entity {
	int64_t id;
	char *name, *kind, *origin, *status, *date;
	size_t mentions;      /* in the article asked about, or the corpus */
	size_t first;         /* offset of the first of them in the article */
	int64_t articles;     /* how many articles mention it */
};
void store_entity_free(struct store_entity *e);
void store_entity_list_free(struct store_entity *rows, size_t n);
int store_entity_get(struct store *st, int64_t id, struct store_entity *out);
/* The entities an article mentions, grouped by kind (person, state,
 * organization, place, agreement, event) and in each by mentions, most
 * first. With candidates set, only the article's candidates; else no
 * candidates. ARTICLE 0: the whole corpus. */
int store_article_entities(struct store *st, int64_t article, int candidates,
    struct store_entity **rows, size_t *n);
/* Candidates: promote makes one a 'user' entity (its name an alias);
 * dismiss marks it dismissed and drops its mentions and statements, and
 * extraction does not propose it again. */
int store_entity_promote(struct store *st, int64_t id);
int store_entity_dismiss(struct store *st, int64_t id);
/* The articles that mention entity ID or hold its statements (*ids malloc'd). */
int store_entity_articles(struct store *st, int64_t id, int64_t **ids, size_t *n);
/* Undoes kb add (or promote): the user's entity goes, with its aliases,
 * roles, mentions and statements; refused for a shipped entity or a
 * candidate, and for one a claim names as speaker or target. The caller
 * analyses again the articles that named it. */
int store_entity_remove(struct store *st, int64_t id);
/* Undoes kb alias: the user's alias ALIAS of entity ID goes; refused
 * when ALIAS is none of its aliases or one shipped with dossier. */
int store_alias_remove(struct store *st, int64_t id, const char *alias);

/* A place in a list of rows newest article first (the article's date
 * descending, undated last, then its id descending, then the row's start
 * and id in the article): the last row of a page, the next page begins
 * after it. Its strings are the caller's (a row's). */
struct store_after {
	const char *published;   /* the article's date, NULL when undated */
	int64_t article;
	size_t start;
	int64_t id;              /* a statement's id; 0 for a mention */
};

struct store_mention {
	int64_t article_id, entity_id;
	size_t start, end;
	const char *how;      /* alias, pattern, anaphora, title, headline (a constant) */
	char *title;          /* the article's title */
	char *published;      /* the article's date, or NULL */
	char *text;           /* the mentioned words; NULL when asked for one article */
	int in_title;         /* start, end are in the title, not the body; how
	                         is "headline" */
};
/* The place after which the list of mentions goes on past M. */
void store_mention_after(const struct store_mention *m, struct store_after *after);
/* Frees what one mention holds (not the mention itself). */
void store_mention_clear(struct store_mention *m);
void store_mention_list_free(struct store_mention *rows, size_t n);
/* Mentions of ENTITY across the corpus, newest article first, with their
 * words: for an agreement, every article that invokes it. At most LIMIT
 * (SIZE_MAX: all) after AFTER (NULL: from the first) and SKIP more rows,
 * read at a cost that grows with LIMIT, not with the corpus or the
 * entity's mentions (store-page.c); the rows skipped are counted through
 * the index, not read. */
int store_entity_mentions(struct store *st, int64_t entity, const struct store_after *after,
    size_t skip, size_t limit, struct store_mention **rows, size_t *n);
/* What extraction writes for one article, in its transaction. */
struct store_mention_in {
	int64_t entity_id;
	size_t start, end;
	const char *how;
};
int store_mentions_add(struct store *st, int64_t article, const struct store_mention_in *m,
    size_t n);
/* The same for the entities the article's title names, at byte offsets
 * into its stored title (how is not kept: a title's are by name). */
int store_title_mentions_add(struct store *st, int64_t article,
    const struct store_mention_in *m, size_t n);
/* Whether ARTICLE's title names ENTITY (any entity when 0): the reader
 * says so when the body has no mention of it to step to. */
int store_title_names(struct store *st, int64_t article, int64_t entity, int *named);
/* Ids of the articles whose text has one of the phrases WORDS (all
 * articles when NWORDS is 0), ascending; *ids is malloc'd. */
int store_articles_naming(struct store *st, const char *const *words, size_t nwords,
    int64_t **ids, size_t *n);
/* The newest article whose source is FILE or ends in "/FILE" (*id 0 when
 * none): how `dossier eval` finds the gold's articles. */
int store_article_by_file(struct store *st, const char *file, int64_t *id);
/* Removes an article's mentions (its title's too) and statements (and so
 * their links), before it is analysed again. */
int store_analysis_clear(struct store *st, int64_t article);
/* JSON for --json: store_article_entities as an array of objects, each
 * one's first mention converted to characters by CHARS (the article's map;
 * NULL: bytes, as stored). */
int store_json_entities(struct store *st, int64_t article, int candidates,
    const struct text_charmap *chars, char **json);
/* The knowledge base (only what the user added, with ONLY_USER) as an
 * array of entities with aliases, roles and parties. */
int store_json_kb(struct store *st, int only_user, char **json);
/* ROWS (of store_entity_mentions, their offsets as the caller shows them)
 * as an array of objects. */
int store_json_mentions(struct store *st, const struct store_mention *rows, size_t n,
    char **json);

/* ---- store-statement.c: statements and the links between related ones.
 * ------------------------------------------------------------------- */

struct store_statement {
	int64_t id, article_id, speaker_id;   /* speaker 0 when unknown */
	char *speaker;        /* the speaker's canonical name, or NULL */
	size_t start, end;    /* the sentence(s) */
	char *verb;
	size_t quote_start, quote_end;        /* 0, 0 when no quotation */
	char *title;          /* the article's title */
	char *published;      /* the article's date, or NULL */
	char *text;           /* the statement's words */
	double score;         /* for related statements */
};
void store_statement_list_free(struct store_statement *rows, size_t n);
/* Frees one statement's members (of store_statement_get). */
void store_statement_clear(struct store_statement *r);

struct store_statement_in {
	int64_t article_id, speaker_id;
	size_t start, end;
	const char *verb;
	size_t quote_start, quote_end;
	const char *terms;    /* "term[:count] ..." */
	const char *entities; /* "id id ..." */
};
int store_statement_add(struct store *st, const struct store_statement_in *s, int64_t *id);
int store_statement_get(struct store *st, int64_t id, struct store_statement *out);
/* An article's statements in text order. */
int store_article_statements(struct store *st, int64_t article,
    struct store_statement **rows, size_t *n);
/* Statements, newest article first: in ARTICLE, BY (speaker) and ABOUT
 * (an entity mentioned inside the statement), each 0 for any. At most
 * LIMIT (SIZE_MAX: all) after AFTER (NULL: from the first) and SKIP more
 * rows, as store_entity_mentions pages. */
int store_statements_find(struct store *st, int64_t article, int64_t by, int64_t about,
    const struct store_after *after, size_t skip, size_t limit, struct store_statement **rows,
    size_t *n);
/* The statements related to STATEMENT (linked from or to it), best first,
 * at most LIMIT, with their article's title and their offsets. */
int store_related(struct store *st, int64_t statement, size_t limit,
    struct store_statement **rows, size_t *n);
/* ROWS (their offsets as the caller shows them) as an array of objects,
 * each with its score when WITH_SCORE (related statements). */
int store_json_statements(struct store *st, const struct store_statement *rows, size_t n,
    int with_score, char **json);
/* A flat JSON object of NAMES and numeric VALUES (for `dossier eval`). */
int store_json_numbers(struct store *st, const char *const *names, const double *values,
    size_t n, char **json);
/* S as a JSON string, quotes and escapes included. */
int store_json_quote(struct store *st, const char *s, char **json);

/* For the related-statement links (analyze): a statement's features. */
struct store_profile_row {
	int64_t id, article_id, speaker_id;
	const char *terms, *entities;
};
/* ROW is called for each statement, in the order said, until it returns
 * 1 (stop) or -1 (fail: the function returns -1). */
/* The statements after id AFTER, oldest first. */
int store_statement_profiles_after(struct store *st, int64_t after,
    int (*row)(void *arg, const struct store_profile_row *r), void *arg);
/* The keys of a statement's stored features, one at a time: TEXT is its
 * terms ("term[:count] ...", ENTS 0) or the agreements and places it names
 * ("id id ...", ENTS 1: each the key "@id"). The one reading of them, for
 * the keys index (store_related_index) and the linker (analyze). */
struct store_keys {
	const char *p;
	int ents;
	char name[24];   /* "@id" */
};
void store_keys_start(struct store_keys *k, const char *text, int ents);
/* The next key, in *KEY (LEN bytes, not terminated; an empty term or an
 * id that is no number above 0 is skipped) and its count in *COUNT (1
 * unless "term:count"); 0 when there are no more. */
int store_keys_next(struct store_keys *k, const char **key, size_t *len, long *count);
/* Adds the keys of the NROWS statements ROWS (their terms and entities as
 * stored) to the keys index, counting them in the df: done when they are
 * linked. */
int store_related_index(struct store *st, const struct store_profile_row *rows, size_t nrows);
/* The number and df of KEY (LEN bytes: a term, "@id" for an entity, ""
 * for all statements) in the keys index; *id 0 when no statement has it. */
int store_related_key(struct store *st, const char *key, size_t len, int64_t *id, int64_t *df);
/* Statement ID's features. */
int store_statement_profile(struct store *st, int64_t id,
    int (*row)(void *arg, const struct store_profile_row *r), void *arg);
/* The ids of the statements by SPEAKER below BELOW, newest first, but
 * those from LO to HI (the caller's article's); EACH is called as ROW
 * above. */
int store_related_by(struct store *st, int64_t speaker, int64_t lo, int64_t hi, int64_t below,
    int (*each)(void *arg, int64_t id), void *arg);
/* The ids of the statements having the key numbered KEY below BELOW,
 * newest first: a list read on from where the caller stopped. */
int store_related_having_below(struct store *st, int64_t key, int64_t below,
    int (*each)(void *arg, int64_t id), void *arg);
/* Writes the N links V (replacing a link between the same two), many to
 * a statement: each statement written in a transaction costs a statement
 * journal, and an import writes a few hundred links an article. A link
 * relates both: store_related reads links either way. */
struct store_link {
	int64_t from, to;
	double score;
};
#define STORE_LINKS_MAX 16
int store_links_put(struct store *st, const struct store_link *v, size_t n);


/* ---- store-report.c (matrices and co-occurrence: store-report-matrix.c):
 * what the user's coding adds up to, as tables that the command shows as
 * text, CSV, JSON or pictures. Totals count live highlights (active or
 * orphaned); what compares positions (sentences, overlaps, statements)
 * counts active ones only. A sentence is coded with a tag when a
 * highlight with that tag overlaps it. ---------------------------------- */

enum store_report_kind {
	STORE_REPORT_TEXT,     /* a label: text, NULL for none */
	STORE_REPORT_ID,       /* a label: an article's, entity's or statement's id; 0 for none */
	STORE_REPORT_COUNT,    /* a number */
	STORE_REPORT_CELL,     /* a matrix's number, under the name of a tag */
};
struct store_report_col {
	char *name;
	enum store_report_kind kind;
};
struct store_report_cell {
	char *text;            /* STORE_REPORT_TEXT */
	int64_t n;             /* the others */
};
/* Labels first, then counts; a matrix's row is its labels, one CELL
 * column for each tag used (in the codebook's order) and "total". */
struct store_report {
	struct store_report_col *cols;
	size_t ncols, nrows;
	struct store_report_cell *cells;   /* nrows * ncols, row after row */
};
void store_report_free(struct store_report *r);
const struct store_report_cell *store_report_at(const struct store_report *r, size_t row,
    size_t col);

enum store_report_per {
	STORE_PER_NONE,
	STORE_PER_ARTICLE,
	STORE_PER_OUTLET,
	STORE_PER_MONTH,       /* of publication: "2023-02"; undated last */
	STORE_PER_SPEAKER,     /* the highlight's speaker */
	STORE_PER_AGREEMENT,   /* named in the highlight's sentences (matrix only) */
};
/* The axis a word names (article, outlet, month, speaker, agreement), as
 * the shell's --per and matrix take it; -1 for no axis. */
int store_report_per_parse(const char *word, enum store_report_per *per);
struct store_report_query {
	const char *tag;       /* NULL, or a tag and the tags nested in it */
	enum store_report_per per;
	int64_t by, about;     /* timeline: the speaker; an entity named (0: any) */
	int entities;          /* co-occurrence: tags with entities, too */
	int overlap;           /* co-occurrence: overlapping highlights, not sentences */
	int months;            /* timeline: statements per month */
	int labels_later;      /* a matrix: rows' labels (and the matrix per
	                        * article over every tag: its cells) left for the
	                        * reader to read with store_report_matrix_row as
	                        * it shows them (a title a row reads the
	                        * article's wide row) */
	int direct;            /* a matrix per agreement, a co-occurrence:
	                        * counted from the highlights, not read from the
	                        * report counts (what the counts are checked
	                        * against) */
	size_t limit;          /* rows kept; 0: all */
};
/* Per tag (PER none: every tag of the codebook, unused ones at 0): tag,
 * segments, articles, most used first; per article (article, title),
 * outlet, month or speaker (speaker_id, speaker): one row per tag and
 * value, by tag, then most used first (months in order). */
int store_report_frequency(struct store *st, const struct store_report_query *q,
    struct store_report *r);
/* Tags (columns) against speakers, articles or the agreements named in a
 * highlight's sentences (rows: id, name, a cell per tag, total), rows
 * most coded first. A highlight counts once in each cell it falls in. */
int store_report_matrix(struct store *st, const struct store_report_query *q,
    struct store_report *r);
/* Reads what LABELS_LATER left of row I of matrix R: its label, and the
 * cells of an article's row; nothing when they are read. */
int store_report_matrix_row(struct store *st, const struct store_report_query *q,
    struct store_report *r, size_t i);
/* A matrix row's label: the title of article ID (PER article) or the name
 * of entity ID; NULL for none (malloc'd). */
char *store_report_label(struct store *st, enum store_report_per per, int64_t id);
/* Pairs (a, b, b_kind, count), most frequent first: two different tags
 * coding one sentence (count: sentences), or with OVERLAP two overlapping
 * highlights (or one) with the two tags (count: pairs of highlights); with
 * ENTITIES also a tag and an entity named in that sentence or overlapping
 * that highlight. With TAG, the pairs holding it. */
int store_report_cooccurrence(struct store *st, const struct store_report_query *q,
    struct store_report *r);
/* The active highlights behind one count, as ids in article and position
 * order (*ids malloc'd): a tag x agreement cell (ROW the agreement's id,
 * TAG the column's tag, NULL for the row's total), or a co-occurrence's
 * pair (A, B and B_KIND as its row shows them): the highlights with
 * either tag on the sentences the pair shares, or the pairs of
 * highlights (one highlight with both tags) that make the count. */
int store_report_matrix_segments(struct store *st, const struct store_report_query *q,
    int64_t row, const char *tag, int64_t **ids, size_t *n);
int store_report_cooccurrence_segments(struct store *st, const struct store_report_query *q,
    const char *a, const char *b, const char *b_kind, int64_t **ids, size_t *n);
/* Statements by BY and naming ABOUT (at least one given), oldest first,
 * undated last: month, published, statement, article, speaker, tags (of
 * the highlights overlapping it, "; " between), title, text. With TAG,
 * those carrying it; with MONTHS, per month: month, statements, tagged. */
int store_report_timeline(struct store *st, const struct store_report_query *q,
    struct store_report *r);
/* The report as a JSON array of one object a row, keyed by column name; a
 * matrix's cells in an object "counts" keyed by tag (*json malloc'd). */
int store_report_json(struct store *st, const struct store_report *r, char **json);
/* 1 when the codebook has TAG or a tag nested in it, 0 when not. */
int store_report_tag_known(struct store *st, const char *tag);
/* Whether tag NAME is TAG or nested in it ("claim/economic" in "claim"). */
int store_tag_within(const char *name, const char *tag);

/* ---- store-layer.c: what the reader draws over an open article, as bare
 * spans (no words, no titles), so opening one costs its rows only. ---- */

/* A span of the body and whose it is: for a mention, the entity and its
 * kind (a constant string). */
struct store_mark {
	int64_t id;
	const char *kind;
	size_t start, end;
};
/* The mentions of listed entities (not candidates, not dismissed) that
 * start in [LO, HI), and the last one that starts before LO, in text
 * order (*rows malloc'd). */
int store_article_marks(struct store *st, int64_t article, size_t lo, size_t hi,
    struct store_mark **rows, size_t *n);
/* The same range of the article's statements, with their speakers' names
 * and verbs; title and text are left NULL. */
int store_article_statement_marks(struct store *st, int64_t article, size_t lo, size_t hi,
    struct store_statement **rows, size_t *n);
/* Where the next statement or mention (of ENTITY; 0: of any listed one)
 * after OFF (DIR > 0) or the last before it starts: 0 and *start set, 1
 * when there is none, -1 on error. */
enum store_mark_kind { STORE_MARK_STATEMENT, STORE_MARK_MENTION };
int store_article_mark_step(struct store *st, enum store_mark_kind kind, int64_t article,
    int64_t entity, size_t off, int dir, size_t *start);
/* Which of the article's statements or mentions (of ENTITY; 0: of any
 * listed one) the one starting at START is: *k (1-based, marks sharing a
 * start count once, as the steps do) of *n. One count over the article's
 * rows of that kind, by the same index the steps use. */
int store_article_mark_rank(struct store *st, enum store_mark_kind kind, int64_t article,
    int64_t entity, size_t start, size_t *k, size_t *n);


/* store-maint.c */
/* Whether a file written by dossier (an export, a backup) may take the
 * place of PATH: never when PATH is the open database or one of its
 * -wal, -shm or -journal files (by inode, so links count), nor when it is
 * not a regular file (a device, a directory, a FIFO); and unless
 * ANY_DATABASE, never over another SQLite file (database, WAL or
 * journal). 0 when it may (or PATH does not exist), else -1 with a
 * one-line reason. Whether an ordinary existing file may be replaced is
 * the caller's question (--force, or the reader asks). */
int store_check_target(const struct store *st, const char *path, int any_database);
/* A consistent copy at PATH (written to a new temporary file, then
 * renamed; never over the open database). */
int store_backup(struct store *st, const char *path);
/* Copies every readable row of DAMAGED into a new database OUT (which must
 * not exist). Counts rows copied and rows or pages lost. */
int store_recover(const char *damaged, const char *out, size_t *copied, size_t *lost);

/* store-feed.c: subscriptions, what each feed's server last answered,
 * and the articles each feed brought. */
struct store_feed {
	int64_t id;
	char *url, *name, *tags;        /* tags: "a,b" or NULL */
	int full_text;                  /* fetch every item's page */
	char *etag, *last_modified;     /* the last answer's validators */
	char *last_fetch, *last_status; /* ISO time; "200", "304" or the failure */
	int64_t errors;                 /* failures in a row */
	int64_t articles;               /* articles the feed brought */
};
void store_feed_free(struct store_feed *f);
void store_feed_list_free(struct store_feed *v, size_t n);
/* Subscribes to URL; *id is the new feed. A URL already subscribed is an
 * error naming the feed it is. */
int store_feed_add(struct store *st, const char *url, const char *name, const char *tags,
    int full_text, int64_t *id);
/* Every feed, in the order they were added. */
int store_feed_list(struct store *st, struct store_feed **v, size_t *n);
/* The feed KEY names: its id, its name or its URL; -1 with "no feed
 * KEY" when there is none. */
int store_feed_find(struct store *st, const char *key, struct store_feed *out);
/* Ends the subscription; the articles stay. */
int store_feed_remove(struct store *st, int64_t id);
/* NAME NULL: no name (the URL is shown). */
int store_feed_rename(struct store *st, int64_t id, const char *name);
/* The outcome of a fetch: ERROR NULL for a success (STATUS the HTTP
 * status; the validators given replace the stored ones unless the answer
 * was a 304, which keeps them); else the failure's line, and the errors
 * in a row go up. */
int store_feed_fetched(struct store *st, int64_t id, long status, const char *etag,
    const char *last_modified, const char *error);
/* ARTICLE came from feed ID (again is a no-op). */
int store_feed_article(struct store *st, int64_t id, int64_t article);

/* ---- store-memo.c: memos, the analyst's writing about the project, an
 * article, a tag or a highlight (schema 8), with their own full-text
 * index. ---- */
enum store_memo_kind {
	STORE_MEMO_PROJECT,
	STORE_MEMO_ARTICLE,
	STORE_MEMO_TAG,
	STORE_MEMO_ANNOTATION,
};
const char *store_memo_kind_name(enum store_memo_kind k);
int store_memo_kind_parse(const char *name, enum store_memo_kind *out);
struct store_memo {
	int64_t id;              /* 0 for one not yet stored */
	char guid[37];           /* "" for a new one: store_memo_put makes it */
	enum store_memo_kind kind;
	int64_t target;          /* the article, tag or annotation; 0: project */
	char *title;             /* "" when none */
	char *text;
	char *coder;             /* who wrote it; NULL when not recorded */
	char *created, *modified;   /* ISO 8601 UTC, filled by the store */
	char *target_name;       /* filled by reads: the tag's name, the
	                          * article's title, the highlight's quote */
};
void store_memo_free(struct store_memo *m);         /* members, not m */
void store_memo_list_free(struct store_memo *rows, size_t n);
/* Inserts M, or replaces the memo with the same guid; fills id, guid and
 * the times (kept as given with STORE_ANNO_KEEP_TIMES). A target that
 * does not exist is an error naming it. */
int store_memo_put(struct store *st, struct store_memo *m, int flags);
/* 0 and *out filled; 1 when there is no such memo; -1 on error. */
int store_memo_get(struct store *st, int64_t id, struct store_memo *out);
struct store_memo_filter {
	int kind;                /* -1: any, else an enum store_memo_kind */
	int64_t target;          /* with KIND: 0 any of that kind */
	const char *match;       /* NULL, or a full-text query over title and
	                          * text (FTS5 syntax, as `search`) */
	const char *coder;       /* NULL, or exactly this coder's */
};
/* Memos: the project's, then the tags', the articles', the highlights',
 * each by target then id (best match first with MATCH); *rows malloc'd. */
int store_memo_list(struct store *st, const struct store_memo_filter *f,
    struct store_memo **rows, size_t *n);
/* Removes memo ID; 1 when there is none. */
int store_memo_delete(struct store *st, int64_t id);
/* Moves the memos of tag FROM to tag INTO (a merge). */
int store_memo_move_tag(struct store *st, int64_t from, int64_t into);

/* store-fts.c: many notes of one article changed in one transaction:
 * store_fts_defer takes the article out of the full-text index (once;
 * again is a no-op) and the note triggers then leave it alone;
 * store_fts_flush indexes every deferred article once. Both inside the
 * caller's transaction, flushed before it commits. */
int store_fts_defer(struct store *st, int64_t article_id);
/* Until the next store_fts_flush, inside the caller's transaction, every
 * new article waits in fts_pending (an import batch): FTS5 writes a
 * segment at every savepoint, so an index row per article made one
 * segment per article. store_fts_flush indexes them in one statement and
 * ends the deferral. */
int store_fts_defer_new(struct store *st);
int store_fts_flush(struct store *st);

/* The index written less often than articles are committed.
 * store_fts_hold ends store_fts_defer_new's deferral without indexing: the
 * transaction's new articles stay in fts_pending, committed with it, until
 * a later store_fts_index or store_fts_flush (by any writer) indexes every
 * article listed there. store_fts_index is store_fts_flush with FTS5
 * holding up to HASH_BYTES of terms in memory, so that the articles go
 * into the index as one segment. Both inside the caller's transaction.
 * store_fts_waiting sets *ANY when some article waits to be indexed. */
int store_fts_hold(struct store *st);
int store_fts_index(struct store *st, size_t hash_bytes);
int store_fts_waiting(struct store *st, int *any);

/* store-sync.c: a database shared with a team (team.h carries the
 * records; this is only rows). A record is one article (key: its hash),
 * tag (its uuid), annotation (its uuid), memo (its guid) or the user's
 * knowledge-base addition to one entity (its kind and name, "person:Name":
 * the entity when the user added it, and the aliases the user gave it)
 * as JSON, with its version: a
 * hybrid logical clock (milliseconds << 16, raised past every version
 * seen) and the node (database) that wrote it. */
enum store_sync_kind {
	STORE_SYNC_ARTICLE,
	STORE_SYNC_TAG,
	STORE_SYNC_ANNOTATION,
	STORE_SYNC_MEMO,
	STORE_SYNC_ENTITY,
};
#define STORE_SYNC_KINDS 5
const char *store_sync_kind_name(enum store_sync_kind k);
int store_sync_kind_parse(const char *name, enum store_sync_kind *out);

struct store_sync_rec {
	enum store_sync_kind kind;
	char *key;
	int64_t hlc;              /* its version */
	char *node;               /* the database that wrote it */
	char *coder;              /* an annotation's coder (the team's: who sent it) */
	int deleted;              /* a tombstone */
	char *body;               /* JSON object; NULL for a tombstone with nothing to say */
	int64_t base_hlc;         /* sent: the version it was made over (0: none) */
	char *base_node;
};
void store_sync_rec_free(struct store_sync_rec *r);            /* members */
void store_sync_recs_free(struct store_sync_rec *rows, size_t n);

/* The database joins a team: from now on its changes are queued, and
 * everything it holds is queued for the first sync. */
int store_sync_join(struct store *st);
/* What waits to be sent, by kind, for CODER (with CODEBOOK: the right to
 * change the codebook); *kept counts what is queued but cannot be sent
 * (another coder's annotation, a codebook change without the right). */
int store_sync_waiting(struct store *st, const char *coder, int codebook,
    size_t waiting[STORE_SYNC_KINDS], size_t *kept);
/* Up to MAX queued records that may be sent, articles first, then tags,
 * then annotations, each given its version from *CLOCK (kept for a record
 * sent before and not since changed), in its own transaction. */
int store_sync_outbox(struct store *st, const char *node, const char *coder, int codebook,
    size_t max, int64_t *clock, struct store_sync_rec **rows, size_t *n);
/* The next version after *CLOCK at time MS (milliseconds since 1970). */
int64_t store_sync_tick(int64_t *clock, int64_t ms);
/* ROWS reached the team: off the queue (unless changed since), their
 * versions recorded; LOST[i] when the team kept a newer value, whose
 * writer WINNERS[i] names: the local value goes into the history. */
int store_sync_sent(struct store *st, const struct store_sync_rec *rows, size_t n,
    const int *lost, const char *const *winners);
/* Writing others' records: one transaction around a batch, in which the
 * triggers queue nothing; END with COMMIT 0 rolls it back. */
int store_sync_apply_begin(struct store *st);
int store_sync_apply_end(struct store *st, int commit);
/* 1 when R is newer than what this database holds of its key, 0 when
 * not, -1 on error. */
int store_sync_newer(struct store *st, const struct store_sync_rec *r);
/* Writes R (a tag, annotation, memo or entity; an article's row is
 * written by the caller, this records its version). An unsent local
 * change to the same row loses and is kept in the history (*lost 1).
 * Returns 1 when R cannot be written here (nothing written; the reason in
 * err_msg(): an annotation's or memo's target is not here, an entity's
 * name is another kind's here). CODER names this
 * database's coder: its annotations moved by a tag merge are queued. */
int store_sync_apply(struct store *st, const struct store_sync_rec *r, const char *coder,
    int *lost);
/* What an entity record R changes for the analysis (words: its names, as
 * they were and as they will be; ids: the articles that named it, when R
 * removes it), added to T before R is written: what kb add, alias,
 * remove and unalias analyse again. */
struct store_sync_touched {
	char **words;
	size_t nwords;
	int64_t *ids;
	size_t nids;
};
int store_sync_entity_touched(struct store *st, const struct store_sync_rec *r,
    struct store_sync_touched *t);
void store_sync_touched_free(struct store_sync_touched *t);
/* The article record JSON (of HASH) as a store_article to add (*here 1
 * when it is already stored); previous_id is the local id of the version
 * it continues, 0 when none. */
int store_sync_article(struct store *st, const char *hash, const char *json,
    struct store_article *a, int *here);
/* Tag FROM is being merged into INTO: its tombstone will say so. */
int store_sync_tag_merged(struct store *st, int64_t from, int64_t into);
/* The tags made here and never sent (their names and uuids, malloc'd
 * arrays of malloc'd strings): a tag of the same name the team has
 * already is the same tag, which store_sync_tag_adopt makes of it. */
int store_sync_new_tags(struct store *st, char ***names, char ***uuids, size_t *n);
int store_sync_tag_adopt(struct store *st, const char *uuid, const char *team_uuid);
/* The conflicts this database lost, oldest first: each value that lost
 * (its coder and its version's time) and the one that won (NULL until
 * it has arrived), with the fields in which they differ. */
struct store_sync_conflict {
	int64_t id;
	char *kind, *key;
	char *at;            /* when the loss was found here */
	char *coder, *time;  /* the value that lost: whose, made when (NULL: unsent) */
	char *value;         /* JSON: the fields that differ (all when the winner is unknown) */
	char *winner, *winner_time, *winner_value;
	char *fields;        /* the names of the fields that differ, ", " between */
	char *json;          /* the whole conflict as a JSON object, both values whole */
};
int store_sync_conflicts(struct store *st, struct store_sync_conflict **rows, size_t *n);
void store_sync_conflicts_free(struct store_sync_conflict *rows, size_t n);
/* LOST, a value of this database's the team took, was replaced since by
 * WINNER's newer one made without seeing it (WON: its record, NULL or hlc
 * 0 when unknown): kept in the history, unless it is there already. */
int store_sync_lost_there(struct store *st, const struct store_sync_rec *lost, const char *winner,
    const struct store_sync_rec *won);
/* How many values lost a conflict here (CODER's only, unless NULL). */
int store_sync_lost(struct store *st, const char *coder, size_t *n);

#endif
