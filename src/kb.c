/*
 * kb.c: the in-memory knowledge base. Entities live in one array and are
 * named by their index; an index maps canonical names (exactly) and every
 * alias (case-folded) to them, so commands can look an entity up by any
 * spelling a user types. Roles and agreement parties name other entities
 * by their text until kb_resolve turns the names into indexes, so files
 * may refer to entities defined later or in another file.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kb.h"
#include "text.h"
#include "util.h"

/* Open addressing from a key (canonical name, or "\1" + folded alias) to
 * an entity index. Keys are owned by the index. */
struct kb_index {
	char **key;
	int *val;
	size_t cap, n;
};

static const char *const kind_names[KB_NKINDS] = {
	"person", "state", "organization", "place", "agreement", "event",
};
static const char *const origin_names[] = { "kb", "user", "candidate" };

const char *
kb_kind_name(enum kb_kind k)
{
	return (unsigned)k < KB_NKINDS ? kind_names[k] : "?";
}

int
kb_kind_parse(const char *name, enum kb_kind *k)
{
	size_t i;

	for (i = 0; i < KB_NKINDS; i++)
		if (strcmp(name, kind_names[i]) == 0) {
			*k = (enum kb_kind)i;
			return 0;
		}
	return -1;
}

const char *
kb_origin_name(enum kb_origin o)
{
	return (unsigned)o < ARRAY_LEN(origin_names) ? origin_names[o] : "?";
}

int
kb_origin_parse(const char *name, enum kb_origin *o)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(origin_names); i++)
		if (strcmp(name, origin_names[i]) == 0) {
			*o = (enum kb_origin)i;
			return 0;
		}
	return -1;
}

static uint32_t
hash_str(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static int
index_get(const struct kb_index *ix, const char *key)
{
	size_t i;

	if (ix->cap == 0)
		return -1;
	for (i = hash_str(key) & (ix->cap - 1); ix->key[i] != NULL; i = (i + 1) & (ix->cap - 1))
		if (strcmp(ix->key[i], key) == 0)
			return ix->val[i];
	return -1;
}

static void index_put(struct kb_index *ix, char *key, int val);

static void
index_grow(struct kb_index *ix)
{
	struct kb_index old = *ix;
	size_t i;

	ix->cap = old.cap ? old.cap * 2 : 256;
	ix->n = 0;
	ix->key = xcalloc(ix->cap, sizeof *ix->key);
	ix->val = xcalloc(ix->cap, sizeof *ix->val);
	for (i = 0; i < old.cap; i++)
		if (old.key[i] != NULL)
			index_put(ix, old.key[i], old.val[i]);
	free(old.key);
	free(old.val);
}

/* Takes ownership of key; the first value stored for a key stays. */
static void
index_put(struct kb_index *ix, char *key, int val)
{
	size_t i;

	if ((ix->n + 1) * 2 > ix->cap)
		index_grow(ix);
	for (i = hash_str(key) & (ix->cap - 1); ix->key[i] != NULL; i = (i + 1) & (ix->cap - 1))
		if (strcmp(ix->key[i], key) == 0) {
			free(key);
			return;
		}
	ix->key[i] = key;
	ix->val[i] = val;
	ix->n++;
}

/* "\1" + the case-folded text, so alias keys never collide with names. */
static char *
alias_key(const char *s)
{
	struct text_fold f;
	char *k;

	if (text_fold(s, strlen(s), &f) != 0)
		return xasprintf("\1%s", s);
	k = xasprintf("\1%s", f.s);
	text_fold_free(&f);
	return k;
}

struct kb *
kb_new(void)
{
	struct kb *kb = xcalloc(1, sizeof *kb);

	kb->index = xcalloc(1, sizeof *kb->index);
	return kb;
}

static void
entity_free(struct kb_entity *e)
{
	size_t i;

	free(e->name);
	free(e->date);
	free(e->source);
	for (i = 0; i < e->naliases; i++)
		free(e->aliases[i].text);
	free(e->aliases);
	for (i = 0; i < e->nroles; i++) {
		free(e->roles[i].title);
		free(e->roles[i].of_name);
		free(e->roles[i].since);
		free(e->roles[i].until);
	}
	free(e->roles);
	for (i = 0; i < e->nparties; i++)
		free(e->party_names[i]);
	free(e->party_names);
	free(e->parties);
}

void
kb_free(struct kb *kb)
{
	size_t i;

	if (kb == NULL)
		return;
	for (i = 0; i < kb->n; i++)
		entity_free(&kb->ents[i]);
	free(kb->ents);
	free(kb->holders);
	for (i = 0; i < kb->index->cap; i++)
		free(kb->index->key[i]);
	free(kb->index->key);
	free(kb->index->val);
	free(kb->index);
	for (i = 0; i < kb->nfiles; i++)
		free(kb->files[i]);
	free(kb->files);
	free(kb);
}

int
kb_find(const struct kb *kb, const char *name)
{
	return index_get(kb->index, name);
}

int
kb_lookup(const struct kb *kb, const char *name)
{
	char *k;
	int i = kb_find(kb, name);

	if (i >= 0)
		return i;
	k = alias_key(name);
	i = index_get(kb->index, k);
	free(k);
	return i;
}

int
kb_add(struct kb *kb, enum kb_kind kind, const char *name, enum kb_origin origin)
{
	struct kb_entity *e;
	int i = kb_find(kb, name);

	if (name[0] == '\0')
		return err_set("an entity needs a name");
	if (i >= 0) {
		if (kb->ents[i].kind != kind)
			return err_set("'%s' is already a %s, not a %s", name,
			    kind_names[kb->ents[i].kind], kind_names[kind]);
		return i;
	}
	if (kb->n == kb->cap) {
		kb->cap = kb->cap ? kb->cap * 2 : 64;
		kb->ents = xreallocarray(kb->ents, kb->cap, sizeof *kb->ents);
	}
	e = &kb->ents[kb->n];
	memset(e, 0, sizeof *e);
	e->name = xstrdup(name);
	e->kind = kind;
	e->origin = origin;
	index_put(kb->index, xstrdup(name), (int)kb->n);
	/* The canonical name is an alias too: text may use it as it is. */
	index_put(kb->index, alias_key(name), (int)kb->n);
	return (int)kb->n++;
}

void
kb_add_alias(struct kb *kb, int idx, const char *alias, enum kb_origin origin)
{
	struct kb_entity *e = &kb->ents[idx];
	size_t i;

	if (alias[0] == '\0')
		return;
	for (i = 0; i < e->naliases; i++)
		if (strcmp(e->aliases[i].text, alias) == 0) {
			if (origin == KB_ORIGIN_USER)
				e->aliases[i].origin = origin;
			return;
		}
	e->aliases = xreallocarray(e->aliases, e->naliases + 1, sizeof *e->aliases);
	e->aliases[e->naliases].text = xstrdup(alias);
	e->aliases[e->naliases].origin = origin;
	e->naliases++;
	index_put(kb->index, alias_key(alias), idx);
}

static char *
dup_or_null(const char *s)
{
	return s != NULL && s[0] != '\0' ? xstrdup(s) : NULL;
}

void
kb_add_role(struct kb *kb, int idx, const char *text, const char *since,
    const char *until, enum kb_origin origin)
{
	struct kb_entity *e = &kb->ents[idx];
	struct kb_role *r;

	if (e->nroles == 0) {
		kb->holders = xreallocarray(kb->holders, kb->nholders + 1, sizeof *kb->holders);
		kb->holders[kb->nholders++] = idx;
	}
	e->roles = xreallocarray(e->roles, e->nroles + 1, sizeof *e->roles);
	r = &e->roles[e->nroles++];
	r->title = xstrdup(text);
	r->of_name = NULL;
	r->of = -1;
	r->since = dup_or_null(since);
	r->until = dup_or_null(until);
	r->origin = origin;
}

void
kb_add_party(struct kb *kb, int idx, const char *name)
{
	struct kb_entity *e = &kb->ents[idx];
	size_t i;

	for (i = 0; i < e->nparties; i++)
		if (strcmp(e->party_names[i], name) == 0)
			return;
	e->party_names = xreallocarray(e->party_names, e->nparties + 1, sizeof *e->party_names);
	e->parties = xreallocarray(e->parties, e->nparties + 1, sizeof *e->parties);
	e->party_names[e->nparties] = xstrdup(name);
	e->parties[e->nparties] = -1;
	e->nparties++;
}

void
kb_set_date(struct kb *kb, int idx, const char *date)
{
	free(kb->ents[idx].date);
	kb->ents[idx].date = dup_or_null(date);
}

/* Whether the " | " list LIST has ITEM. */
static int
has_item(const char *list, const char *item)
{
	size_t n = strlen(item);
	const char *p;

	for (p = list; (p = strstr(p, item)) != NULL; p++)
		if ((p == list || (p - list >= 3 && memcmp(p - 3, " | ", 3) == 0)) &&
		    (p[n] == '\0' || strncmp(p + n, " | ", 3) == 0))
			return 1;
	return 0;
}

void
kb_set_source(struct kb *kb, int idx, const char *source)
{
	struct kb_entity *e = &kb->ents[idx];
	char *both;

	if (source == NULL || *source == '\0')
		return;
	if (e->source == NULL) {
		e->source = xstrdup(source);
		return;
	}
	if (has_item(e->source, source))
		return;
	both = xasprintf("%s | %s", e->source, source);
	free(e->source);
	e->source = both;
}

/* Reports MSG (freed here) about entity E, at the line that defined it. */
static void
warn_entity(kb_warn_fn *warn, void *arg, const struct kb_entity *e, char *msg)
{
	char *full;

	if (warn != NULL) {
		full = e->file != NULL ? xasprintf("%s:%u: %s", e->file, e->line, msg)
		    : xasprintf("%s: %s", e->name, msg);
		warn(arg, full);
		free(full);
	}
	free(msg);
}

/* "the European Union" names the European Union. */
static int
lookup_ref(const struct kb *kb, const char *name)
{
	int i = kb_lookup(kb, name);

	if (i < 0 && strncmp(name, "the ", 4) == 0)
		i = kb_lookup(kb, name + 4);
	return i;
}

/*
 * "Foreign Minister of Russia" is the title "Foreign Minister" held for
 * Russia: the first " of " after which the rest names an entity splits the
 * text ("Spokesperson of the Ministry of Foreign Affairs of Russia" splits
 * at the first). A role naming no entity keeps its whole text as title.
 */
static void
split_role(struct kb *kb, struct kb_role *r)
{
	const char *p;
	int of;

	if (r->of_name != NULL) {
		r->of = lookup_ref(kb, r->of_name);
		return;
	}
	for (p = strstr(r->title, " of "); p != NULL; p = strstr(p + 1, " of ")) {
		of = lookup_ref(kb, p + 4);
		if (of >= 0) {
			r->of_name = xstrdup(p + 4);
			r->title[p - r->title] = '\0';
			r->of = of;
			return;
		}
	}
}

void
kb_resolve(struct kb *kb, kb_warn_fn *warn, void *arg)
{
	size_t i, j;

	for (i = 0; i < kb->n; i++) {
		struct kb_entity *e = &kb->ents[i];

		for (j = 0; j < e->nparties; j++) {
			e->parties[j] = lookup_ref(kb, e->party_names[j]);
			if (e->parties[j] < 0)
				warn_entity(warn, arg, e, xasprintf("party '%s' is not an "
				    "entity (expected the name of one)", e->party_names[j]));
		}
		for (j = 0; j < e->nroles; j++)
			split_role(kb, &e->roles[j]);
	}
}

static int
days_in_month(long y, long m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* One date, YYYY, YYYY-MM or YYYY-MM-DD; the end of S must follow it. */
static int
one_date(const char *s, size_t n, long *first, long *last)
{
	long y = 0, m = 0, d = 0;
	size_t i;

	if (n != 4 && n != 7 && n != 10)
		return -1;
	for (i = 0; i < n; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return -1;
			continue;
		}
		if (s[i] < '0' || s[i] > '9')
			return -1;
		if (i < 4)
			y = y * 10 + (s[i] - '0');
		else if (i < 7)
			m = m * 10 + (s[i] - '0');
		else
			d = d * 10 + (s[i] - '0');
	}
	if (n >= 7 && (m < 1 || m > 12))
		return -1;
	if (n == 10 && (d < 1 || d > days_in_month(y, m)))
		return -1;
	*first = y * 10000 + (n >= 7 ? m : 1) * 100 + (n == 10 ? d : 1);
	*last = y * 10000 + (n >= 7 ? m : 12) * 100 +
	    (n == 10 ? d : days_in_month(y, n >= 7 ? m : 12));
	return 0;
}

int
kb_date_range(const char *date, long *first, long *last)
{
	const char *slash;
	long f2, l2;

	if (date == NULL)
		return -1;
	slash = strchr(date, '/');
	if (slash == NULL)
		return one_date(date, strlen(date), first, last);
	if (one_date(date, (size_t)(slash - date), first, &l2) != 0 ||
	    one_date(slash + 1, strlen(slash + 1), &f2, last) != 0 || *last < *first)
		return -1;
	return 0;
}

int
kb_role_active(const struct kb_role *r, const char *date)
{
	long day, f, l;

	if (date == NULL || kb_date_range(date, &day, &l) != 0)
		return 1;
	if (r->since != NULL && kb_date_range(r->since, &f, &l) == 0 && day < f)
		return 0;
	if (r->until != NULL && kb_date_range(r->until, &f, &l) == 0 && day > l)
		return 0;
	return 1;
}
