/*
 * kb.h: the knowledge base: the people, states, organizations, places,
 * agreements and events dossier recognizes, with their aliases (spellings,
 * transliterations, metonyms such as "Moscow" for Russia), roles with date
 * ranges and, for agreements, dates and parties.
 *
 * It is read from the shipped files under data/kb/ (format: dossier-kb(5))
 * and from the user's additions kept in the database; extract builds its
 * matcher from it. This module knows nothing of SQLite: the store fills a
 * struct kb from its tables and writes one back.
 *
 *   kb.c        the in-memory knowledge base: entities, lookups
 *   kb-parse.c  reading and writing the TSV format
 */
#ifndef DOSSIER_KB_H
#define DOSSIER_KB_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

enum kb_kind {
	KB_PERSON,
	KB_STATE,
	KB_ORGANIZATION,
	KB_PLACE,
	KB_AGREEMENT,
	KB_EVENT,
};
#define KB_NKINDS 6

/* Where an entity or alias came from. A 'kb' row is replaced whenever the
 * shipped files change; 'user' rows are the user's and survive that;
 * 'candidate' entities were found by extraction and await promotion. */
enum kb_origin {
	KB_ORIGIN_KB,
	KB_ORIGIN_USER,
	KB_ORIGIN_CANDIDATE,
};

struct kb_alias {
	char *text;
	enum kb_origin origin;
};

struct kb_role {
	char *title;          /* "Foreign Minister" (after kb_resolve) */
	char *of_name;        /* "Russia", or NULL */
	int of;               /* entity index of of_name, or -1 */
	char *since, *until;  /* YYYY[-MM[-DD]], or NULL when open */
	enum kb_origin origin;
};

struct kb_entity {
	char *name;           /* canonical name, unique */
	enum kb_kind kind;
	enum kb_origin origin;
	int dismissed;        /* a candidate the user dismissed */
	int64_t id;           /* database id; 0 when not from the database */
	char *date;           /* YYYY[-MM[-DD]] or FROM/TO, or NULL */
	char *source;         /* where its facts were checked, or NULL */
	struct kb_alias *aliases;
	size_t naliases;
	struct kb_role *roles;
	size_t nroles;
	char **party_names;   /* agreements: parties as written */
	int *parties;         /* their entity indexes after kb_resolve, or -1 */
	size_t nparties;
	const char *file;     /* where it was defined, for messages */
	unsigned line;
};

struct kb {
	struct kb_entity *ents;
	size_t n, cap;
	int *holders;             /* the entities with roles, in index order:
	                             who holds a title is looked for among
	                             them, not among every name */
	size_t nholders;
	struct kb_index *index;   /* canonical names and folded aliases */
	char **files;             /* file names that entities point into */
	size_t nfiles;
};

/* A KB problem that does not stop loading: "FILE:LINE: expected ...". */
typedef void kb_warn_fn(void *arg, const char *msg);

/* ---- kb.c ----------------------------------------------------------- */

struct kb *kb_new(void);
void kb_free(struct kb *kb);

const char *kb_kind_name(enum kb_kind k);
/* 0 and *k set when NAME is a kind ("person", ...), else -1. */
int kb_kind_parse(const char *name, enum kb_kind *k);
const char *kb_origin_name(enum kb_origin o);
int kb_origin_parse(const char *name, enum kb_origin *o);

/* Adds an entity, or returns the existing one of that name. Returns its
 * index, or -1 (with a message) when the name exists with another kind or
 * is empty. */
int kb_add(struct kb *kb, enum kb_kind kind, const char *name, enum kb_origin origin);
/* Adds an alias unless the entity already has it (then keeps the oldest
 * origin, except that 'kb' replaces nothing the user added). */
void kb_add_alias(struct kb *kb, int idx, const char *alias, enum kb_origin origin);
/* TEXT is the whole role, "Foreign Minister of Russia"; kb_resolve finds
 * the entity it is held for. */
void kb_add_role(struct kb *kb, int idx, const char *text, const char *since,
    const char *until, enum kb_origin origin);
void kb_add_party(struct kb *kb, int idx, const char *name);
void kb_set_date(struct kb *kb, int idx, const char *date);
/* Where the entity's facts were checked: an address or a data package.
 * A second source for the same entity is added after a " | ". */
void kb_set_source(struct kb *kb, int idx, const char *source);

/* Index of the entity with this canonical name, or -1. */
int kb_find(const struct kb *kb, const char *name);
/* Index of the entity with this canonical name, else the first one with
 * this alias, compared case-insensitively; -1 when none. */
int kb_lookup(const struct kb *kb, const char *name);
/* Resolves party names to entity indexes (each that names no entity is
 * reported through warn) and splits roles into title and the entity they
 * are held for ("Foreign Minister" of Russia). */
void kb_resolve(struct kb *kb, kb_warn_fn *warn, void *arg);

/* 1 when the role was held on DATE (YYYY-MM-DD); 1 too when DATE is NULL. */
int kb_role_active(const struct kb_role *r, const char *date);
/* The first day and the last day of a date or range ("2020-11" is
 * 2020-11-01..2020-11-30, "2020-11-09/2020-11-10" is a range); 0 on
 * success, -1 when not a date. Days are YYYYMMDD numbers. */
int kb_date_range(const char *date, long *first, long *last);

/* ---- kb-parse.c ----------------------------------------------------- */

/* Parses TEXT (the contents of file NAME) in the dossier-kb(5) format into
 * KB. A line that cannot be read is skipped and reported through warn as
 * "NAME:LINE: expected ..."; the rest still loads. Returns the number of
 * lines skipped. Call kb_resolve when every file is in. */
size_t kb_parse(struct kb *kb, const char *name, const char *text, size_t len,
    enum kb_origin origin, kb_warn_fn *warn, void *arg);
/* kb_parse on a file; -1 when it cannot be read. */
int kb_load_file(struct kb *kb, const char *path, enum kb_origin origin,
    kb_warn_fn *warn, void *arg);
/* Every *.tsv file of DIR in name order, then kb_resolve. Returns the
 * number of lines skipped, -1 when DIR cannot be read. */
int kb_load_dir(struct kb *kb, const char *dir, enum kb_origin origin,
    kb_warn_fn *warn, void *arg);
/* Appends entity IDX as one line of the format. With only_user set, only
 * what the user added (the entity when it is the user's, else its user
 * aliases and roles); nothing is appended when there is none. */
void kb_format(const struct kb *kb, int idx, int only_user, struct buf *out);

#endif
