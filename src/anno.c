/*
 * anno.c: every change a person makes to annotations and tags, made the
 * same way: in one durable transaction (store_anno_begin/commit), and
 * recorded in the session's undo log as snapshots of the rows before and
 * after. Undo writes the "before" snapshots back, redo the "after" ones,
 * each again in one durable transaction; so undo works across any kind of
 * change, a tag merge as well as a note.
 *
 * The snapshots are read inside the change's own transaction, so a change
 * made meanwhile by another reader of the same database is the "before"
 * of this one, not lost under it. Nothing is ever deleted: deleting an
 * annotation, or undoing its creation, marks it 'deleted'.
 */
#include "config.h"

#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "anno.h"
#include "util.h"

enum change_kind { CHANGE_ANNO, CHANGE_TAG };

/* One row before and after. A tag may not exist on one side (created or
 * merged away); an annotation always exists on both. */
struct change {
	enum change_kind kind;
	int has_before, has_after;
	struct store_anno abefore, aafter;
	struct store_tag tbefore, tafter;
};

struct entry {
	char *what;
	int64_t anno_id;
	struct change *changes;
	size_t n;
};

struct stack {
	struct entry *v;
	size_t n;
};

struct anno_session {
	struct store *st;
	struct stack undo, redo;
	struct entry cur;        /* the change being made */
	char *last_what;         /* what anno_undo/redo reported */
	char *coder;             /* who is annotating: recorded on each new one */
};

/* ---- log ------------------------------------------------------------------- */

static void
tag_copy(struct store_tag *dst, const struct store_tag *src)
{
	dst->id = src->id;
	dst->name = src->name ? xstrdup(src->name) : NULL;
	dst->color = src->color ? xstrdup(src->color) : NULL;
	dst->key = src->key ? xstrdup(src->key) : NULL;
	dst->uses = 0;
}

static void
entry_free(struct entry *e)
{
	size_t i;

	for (i = 0; i < e->n; i++) {
		store_anno_free(&e->changes[i].abefore);
		store_anno_free(&e->changes[i].aafter);
		store_tag_free(&e->changes[i].tbefore);
		store_tag_free(&e->changes[i].tafter);
	}
	free(e->changes);
	free(e->what);
	memset(e, 0, sizeof *e);
}

static void
stack_clear(struct stack *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		entry_free(&s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

static void
stack_push(struct stack *s, struct entry *e)
{
	s->v = xreallocarray(s->v, s->n + 1, sizeof *s->v);
	s->v[s->n++] = *e;
	memset(e, 0, sizeof *e);
}

static struct change *
cur_add(struct anno_session *s, enum change_kind kind)
{
	struct change *c;

	s->cur.changes = xreallocarray(s->cur.changes, s->cur.n + 1, sizeof *s->cur.changes);
	c = &s->cur.changes[s->cur.n++];
	memset(c, 0, sizeof *c);
	c->kind = kind;
	return c;
}

/* Starts a change: a durable transaction and an empty log entry. */
static int
change_begin(struct anno_session *s)
{
	entry_free(&s->cur);
	return store_anno_begin(s->st);
}

/* Commits; only then is the entry logged and the redo stack dropped. */
static int
change_commit(struct anno_session *s, int64_t anno_id, char *what)
{
	if (store_anno_commit(s->st) != 0) {
		free(what);
		entry_free(&s->cur);
		return -1;
	}
	s->cur.what = what;
	s->cur.anno_id = anno_id;
	stack_push(&s->undo, &s->cur);
	stack_clear(&s->redo);
	return 0;
}

static int
change_fail(struct anno_session *s)
{
	store_anno_rollback(s->st);
	entry_free(&s->cur);
	return -1;
}

/* ---- session -------------------------------------------------------------- */

/* Who is annotating: `set coder NAME` in the config, else the login
 * name, so two people sharing a project are told apart without having
 * to set anything. NULL only when neither can be found. */
static char *
session_coder(void)
{
	char *conf = path_config_setting("coder");
	const struct passwd *pw;
	const char *env;

	if (conf != NULL && conf[0] != '\0')
		return conf;
	free(conf);
	if ((env = getenv("LOGNAME")) != NULL && env[0] != '\0')
		return xstrdup(env);
	if ((pw = getpwuid(geteuid())) != NULL && pw->pw_name != NULL && pw->pw_name[0] != '\0')
		return xstrdup(pw->pw_name);
	return NULL;
}

int
anno_session_open(struct store *st, struct anno_session **out)
{
	*out = NULL;
	if (anno_codebook_seed(st) != 0)
		return -1;
	*out = xcalloc(1, sizeof **out);
	(*out)->st = st;
	(*out)->coder = session_coder();
	return 0;
}

const char *
anno_session_coder(const struct anno_session *s)
{
	return s->coder;
}

void
anno_session_free(struct anno_session *s)
{
	if (s == NULL)
		return;
	stack_clear(&s->undo);
	stack_clear(&s->redo);
	entry_free(&s->cur);
	free(s->last_what);
	free(s->coder);
	free(s);
}

struct store *
anno_session_store(struct anno_session *s)
{
	return s->st;
}

size_t
anno_undo_depth(const struct anno_session *s)
{
	return s->undo.n;
}

size_t
anno_redo_depth(const struct anno_session *s)
{
	return s->redo.n;
}

/* ---- helpers -------------------------------------------------------------- */

static int
get_anno(struct store *st, int64_t id, struct store_anno *a)
{
	int rc = store_anno_get(st, id, a);

	if (rc == 1)
		return err_set("%s: no annotation %lld", store_path(st), (long long)id);
	return rc;
}

static int
get_tag(struct store *st, const char *name, struct store_tag *t)
{
	int rc = store_tag_find(st, name, t);

	if (rc == 1)
		return err_set("no tag named '%s'", name);
	return rc;
}

/* Writes A and logs it with its BEFORE state. */
static int
put_anno(struct anno_session *s, const struct store_anno *before, struct store_anno *a)
{
	struct change *c;

	if (store_anno_put(s->st, a, 0) != 0)
		return -1;
	c = cur_add(s, CHANGE_ANNO);
	c->has_before = c->has_after = 1;
	store_anno_copy(&c->abefore, before);
	store_anno_copy(&c->aafter, a);
	return 0;
}

/* Writes T (new when t->id is 0) and logs it; BEFORE NULL for a new tag. */
static int
put_tag(struct anno_session *s, const struct store_tag *before, struct store_tag *t)
{
	struct change *c;

	if (store_tag_put(s->st, t) != 0)
		return -1;
	c = cur_add(s, CHANGE_TAG);
	c->has_after = 1;
	tag_copy(&c->tafter, t);
	if (before != NULL) {
		c->has_before = 1;
		tag_copy(&c->tbefore, before);
	}
	return 0;
}

static int
key_in_use(struct store *st, const char *key, int64_t except, char **owner)
{
	struct store_tag *tags;
	size_t n, i;
	int found = 0;

	*owner = NULL;
	if (key == NULL)
		return 0;
	if (store_tag_list(st, &tags, &n) != 0)
		return -1;
	for (i = 0; i < n && !found; i++) {
		if (tags[i].id != except && tags[i].key != NULL && strcmp(tags[i].key, key) == 0) {
			*owner = xstrdup(tags[i].name);
			found = 1;
		}
	}
	store_tag_list_free(tags, n);
	return found;
}

/* The tag named NAME, created (and logged) when missing. */
static int
find_or_create_tag(struct anno_session *s, const char *name, struct store_tag *out)
{
	int rc = store_tag_find(s->st, name, out);

	if (rc != 1)
		return rc;
	if (anno_tag_name_check(name) != 0)
		return -1;
	memset(out, 0, sizeof *out);
	out->name = xstrdup(name);
	return put_tag(s, NULL, out);
}

/* ---- annotations ----------------------------------------------------------- */

static int
fill_new(struct anno_session *s, struct store_anno *a, const struct anno_new *n)
{
	struct store_anno_article art;
	struct anno_anchor an;
	int rc;

	memset(a, 0, sizeof *a);
	if (n->body == NULL) {
		rc = store_anno_article_get(s->st, n->article_id, &art);
		if (rc == 1)
			return err_set("%s: no article %lld", store_path(s->st),
			    (long long)n->article_id);
		if (rc != 0)
			return -1;
		rc = anno_anchor_make(art.body, art.body_len, n->start, n->end, &an);
		store_anno_article_free(&art);
	} else
		rc = anno_anchor_make(n->body, n->len, n->start, n->end, &an);
	if (rc != 0)
		return err_prefix("article %lld", (long long)n->article_id);
	a->article_id = n->article_id;
	a->start = an.start;
	a->end = an.end;
	a->quote = an.quote;
	a->prefix = an.prefix;
	a->suffix = an.suffix;
	a->state = STORE_ANNO_ACTIVE;
	a->target_id = n->target_id;
	a->status = n->status;
	a->speaker_id = n->speaker_id;
	if (n->note != NULL && n->note[0] != '\0')
		a->note = xstrdup(n->note);
	if (a->speaker_id != 0)
		return 0;
	return store_anno_speaker_at(s->st, n->article_id, n->start, n->end, &a->speaker_id);
}

int
anno_add(struct anno_session *s, const struct anno_new *n, int64_t *id)
{
	struct store_anno a, before;
	size_t i;

	if (change_begin(s) != 0)
		return -1;
	if (fill_new(s, &a, n) != 0)
		goto fail;
	a.coder = s->coder != NULL ? xstrdup(s->coder) : NULL;
	for (i = 0; i < n->ntags; i++) {
		struct store_tag t;
		if (find_or_create_tag(s, n->tags[i], &t) != 0)
			goto fail;
		store_anno_tag_add(&a, t.id, t.name, t.color);
		store_tag_free(&t);
	}
	/* Undoing a creation marks the annotation deleted. */
	store_anno_uuid(a.uuid);
	store_anno_copy(&before, &a);
	before.state = STORE_ANNO_DELETED;
	if (put_anno(s, &before, &a) != 0) {
		store_anno_free(&before);
		goto fail;
	}
	store_anno_free(&before);
	*id = a.id;
	store_anno_free(&a);
	return change_commit(s, *id, xasprintf("add annotation %lld", (long long)*id));
fail:
	store_anno_free(&a);
	return change_fail(s);
}

/* Reads annotation ID inside a fresh change, lets EDIT change a copy, and
 * writes and logs it. */
static int
edit_anno(struct anno_session *s, int64_t id, int (*edit)(struct anno_session *,
    struct store_anno *, const void *), const void *arg, char *what)
{
	struct store_anno before, a;

	if (change_begin(s) != 0) {
		free(what);
		return -1;
	}
	if (get_anno(s->st, id, &before) != 0) {
		free(what);
		return change_fail(s);
	}
	store_anno_copy(&a, &before);
	if (edit(s, &a, arg) != 0 || put_anno(s, &before, &a) != 0) {
		store_anno_free(&before);
		store_anno_free(&a);
		free(what);
		return change_fail(s);
	}
	store_anno_free(&before);
	store_anno_free(&a);
	return change_commit(s, id, what);
}

static int
edit_delete(struct anno_session *s, struct store_anno *a, const void *arg)
{
	(void)s;
	(void)arg;
	if (a->state == STORE_ANNO_DELETED)
		return err_set("annotation %lld is deleted already", (long long)a->id);
	a->state = STORE_ANNO_DELETED;
	return 0;
}

int
anno_delete(struct anno_session *s, int64_t id)
{
	return edit_anno(s, id, edit_delete, NULL,
	    xasprintf("delete annotation %lld", (long long)id));
}

static int
edit_note(struct anno_session *s, struct store_anno *a, const void *arg)
{
	const char *note = arg;

	(void)s;
	free(a->note);
	a->note = note != NULL && note[0] != '\0' ? xstrdup(note) : NULL;
	return 0;
}

int
anno_set_note(struct anno_session *s, int64_t id, const char *note)
{
	return edit_anno(s, id, edit_note, note,
	    xasprintf("note of annotation %lld", (long long)id));
}

struct note_edit {
	const char *orig, *note;
};

/* Under the write lock, with the note as it is now: what the editor added
 * at the end of ORIG goes after the stored note when another writer changed
 * it meanwhile; any other edit replaces it. */
static int
edit_note_from(struct anno_session *s, struct store_anno *a, const void *arg)
{
	const struct note_edit *e = arg;
	const char *now = a->note != NULL ? a->note : "";
	size_t olen = strlen(e->orig);
	char *merged;
	int rc;

	if (strcmp(now, e->orig) == 0 || strncmp(e->note, e->orig, olen) != 0)
		return edit_note(s, a, e->note);
	merged = xasprintf("%s%s", now, e->note + olen);
	rc = edit_note(s, a, merged);
	free(merged);
	return rc;
}

int
anno_edit_note(struct anno_session *s, int64_t id, const char *orig, const char *note)
{
	struct note_edit e = { orig, note };

	return edit_anno(s, id, edit_note_from, &e,
	    xasprintf("note of annotation %lld", (long long)id));
}

struct toggle_arg {
	int64_t tag_id;
	int *now;
};

static int
edit_toggle(struct anno_session *s, struct store_anno *a, const void *arg)
{
	const struct toggle_arg *t = arg;
	struct store_tag tag;
	int rc;

	if (store_anno_tag_remove(a, t->tag_id)) {
		*t->now = 0;
		return 0;
	}
	rc = store_tag_get(s->st, t->tag_id, &tag);
	if (rc == 1)
		return err_set("no tag %lld", (long long)t->tag_id);
	if (rc != 0)
		return -1;
	store_anno_tag_add(a, tag.id, tag.name, tag.color);
	store_tag_free(&tag);
	*t->now = 1;
	return 0;
}

int
anno_toggle_tag(struct anno_session *s, int64_t id, int64_t tag_id, int *now)
{
	struct toggle_arg t = { tag_id, now };

	return edit_anno(s, id, edit_toggle, &t,
	    xasprintf("tags of annotation %lld", (long long)id));
}

struct claim_arg {
	int64_t speaker_id, target_id;
	enum store_anno_status status;
};

static int
edit_claim(struct anno_session *s, struct store_anno *a, const void *arg)
{
	const struct claim_arg *c = arg;

	(void)s;
	a->speaker_id = c->speaker_id;
	a->target_id = c->target_id;
	a->status = c->status;
	return 0;
}

int
anno_set_claim(struct anno_session *s, int64_t id, int64_t speaker_id, int64_t target_id,
    enum store_anno_status status)
{
	struct claim_arg c = { speaker_id, target_id, status };

	return edit_anno(s, id, edit_claim, &c,
	    xasprintf("claim of annotation %lld", (long long)id));
}

/* ---- tags ------------------------------------------------------------------ */

static int
check_key_free(struct anno_session *s, const char *key, int64_t except)
{
	char *owner;
	int rc = key_in_use(s->st, key, except, &owner);

	if (rc > 0) {
		err_set("key '%s' already belongs to tag '%s'", key, owner);
		free(owner);
		return -1;
	}
	return rc;
}

int
anno_tag_create(struct anno_session *s, const char *name, const char *color,
    const char *key, int64_t *id)
{
	struct store_tag t = { 0 };

	if (anno_tag_name_check(name) != 0 || (color != NULL && anno_color_check(color) != 0) ||
	    (key != NULL && anno_key_check(key) != 0))
		return -1;
	if (change_begin(s) != 0)
		return -1;
	if (check_key_free(s, key, 0) != 0)
		return change_fail(s);
	t.name = xstrdup(name);
	t.color = color ? xstrdup(color) : NULL;
	t.key = key ? xstrdup(key) : NULL;
	if (put_tag(s, NULL, &t) != 0) {
		store_tag_free(&t);
		return change_fail(s);
	}
	if (id != NULL)
		*id = t.id;
	store_tag_free(&t);
	return change_commit(s, 0, xasprintf("add tag %s", name));
}

/* A tag's new name: NAME itself becomes NEW_NAME, and a nested one
 * NAME/x becomes NEW_NAME/x. */
static char *
renamed(const char *tag, const char *name, const char *new_name)
{
	size_t n = strlen(name);

	if (strcmp(tag, name) == 0)
		return xstrdup(new_name);
	if (strncmp(tag, name, n) == 0 && tag[n] == '/')
		return xasprintf("%s%s", new_name, tag + n);
	return NULL;
}

int
anno_tag_rename(struct anno_session *s, const char *name, const char *new_name)
{
	struct store_tag *tags = NULL, t;
	size_t n = 0, i;

	if (anno_tag_name_check(new_name) != 0 || change_begin(s) != 0)
		return -1;
	if (get_tag(s->st, name, &t) != 0)
		return change_fail(s);
	store_tag_free(&t);
	if (store_tag_list(s->st, &tags, &n) != 0)
		return change_fail(s);
	for (i = 0; i < n; i++) {
		char *nn = renamed(tags[i].name, name, new_name);
		struct store_tag after;

		if (nn == NULL)
			continue;
		tag_copy(&after, &tags[i]);
		free(after.name);
		after.name = nn;
		if (put_tag(s, &tags[i], &after) != 0) {
			store_tag_free(&after);
			store_tag_list_free(tags, n);
			return change_fail(s);
		}
		store_tag_free(&after);
	}
	store_tag_list_free(tags, n);
	return change_commit(s, 0, xasprintf("rename tag %s to %s", name, new_name));
}

static int
tag_set(struct anno_session *s, const char *name, const char *color, const char *key,
    int which)
{
	struct store_tag before, t;

	if (change_begin(s) != 0)
		return -1;
	if (get_tag(s->st, name, &before) != 0)
		return change_fail(s);
	if (which == 'k' && check_key_free(s, key, before.id) != 0) {
		store_tag_free(&before);
		return change_fail(s);
	}
	tag_copy(&t, &before);
	if (which == 'c') {
		free(t.color);
		t.color = color ? xstrdup(color) : NULL;
	} else {
		free(t.key);
		t.key = key ? xstrdup(key) : NULL;
	}
	if (put_tag(s, &before, &t) != 0) {
		store_tag_free(&before);
		store_tag_free(&t);
		return change_fail(s);
	}
	store_tag_free(&before);
	store_tag_free(&t);
	return change_commit(s, 0, xasprintf("%s of tag %s", which == 'c' ? "colour" : "key",
	    name));
}

int
anno_tag_set_color(struct anno_session *s, const char *name, const char *color)
{
	if (color != NULL && anno_color_check(color) != 0)
		return -1;
	return tag_set(s, name, color, NULL, 'c');
}

int
anno_tag_set_key(struct anno_session *s, const char *name, const char *key)
{
	if (key != NULL && anno_key_check(key) != 0)
		return -1;
	return tag_set(s, name, NULL, key, 'k');
}

/* Retags every annotation (in any state) carrying FROM. */
static int
merge_annotations(struct anno_session *s, const struct store_tag *from,
    const struct store_tag *into)
{
	struct store_anno_filter f = { .tag = from->name, .status = -1, .states = STORE_ANNO_ALL };
	struct store_anno *rows;
	size_t n, i;
	int rc = 0;

	if (store_anno_list(s->st, &f, &rows, &n) != 0)
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		struct store_anno a;

		/* The filter also matches tags nested in FROM; they stay. */
		store_anno_copy(&a, &rows[i]);
		if (store_anno_tag_remove(&a, from->id)) {
			store_anno_tag_add(&a, into->id, into->name, into->color);
			rc = put_anno(s, &rows[i], &a);
		}
		store_anno_free(&a);
	}
	store_anno_list_free(rows, n);
	return rc;
}

int
anno_tag_merge(struct anno_session *s, const char *from, const char *into)
{
	struct store_tag f, t;
	struct change *c;

	if (strcmp(from, into) == 0)
		return err_set("cannot merge tag '%s' into itself", from);
	if (change_begin(s) != 0)
		return -1;
	if (get_tag(s->st, from, &f) != 0)
		return change_fail(s);
	if (get_tag(s->st, into, &t) != 0) {
		store_tag_free(&f);
		return change_fail(s);
	}
	if (merge_annotations(s, &f, &t) != 0 || store_memo_move_tag(s->st, f.id, t.id) != 0 ||
	    store_tag_delete(s->st, f.id) != 0) {
		store_tag_free(&f);
		store_tag_free(&t);
		return change_fail(s);
	}
	c = cur_add(s, CHANGE_TAG);
	c->has_before = 1;
	tag_copy(&c->tbefore, &f);
	store_tag_free(&f);
	store_tag_free(&t);
	return change_commit(s, 0, xasprintf("merge tag %s into %s", from, into));
}

/* ---- undo and redo ----------------------------------------------------------- */

static int
apply_tag(struct store *st, int exists, const struct store_tag *snap, int64_t id)
{
	struct store_tag t;
	int rc;

	if (!exists)
		return store_tag_delete(st, id);
	tag_copy(&t, snap);
	rc = store_tag_put(st, &t);
	store_tag_free(&t);
	return rc;
}

static int
apply_anno(struct store *st, const struct store_anno *snap)
{
	struct store_anno a;
	int rc;

	store_anno_copy(&a, snap);
	rc = store_anno_put(st, &a, 0);
	store_anno_free(&a);
	return rc;
}

/* Writes one side of entry E: the befores in reverse order (undo) or the
 * afters in order (redo). */
static int
apply_entry(struct store *st, const struct entry *e, int undo)
{
	size_t k;

	for (k = 0; k < e->n; k++) {
		const struct change *c = &e->changes[undo ? e->n - 1 - k : k];
		int rc;

		if (c->kind == CHANGE_TAG) {
			int64_t id = c->has_before ? c->tbefore.id : c->tafter.id;
			rc = undo ? apply_tag(st, c->has_before, &c->tbefore, id)
			    : apply_tag(st, c->has_after, &c->tafter, id);
		} else
			rc = apply_anno(st, undo ? &c->abefore : &c->aafter);
		if (rc != 0)
			return -1;
	}
	return 0;
}

static int
step(struct anno_session *s, struct stack *from, struct stack *to, int undo,
    const char **what, int64_t *id)
{
	struct entry *e;

	if (what != NULL)
		*what = NULL;
	if (id != NULL)
		*id = 0;
	if (from->n == 0)
		return 0;
	e = &from->v[from->n - 1];
	if (store_anno_begin(s->st) != 0)
		return -1;
	if (apply_entry(s->st, e, undo) != 0) {
		store_anno_rollback(s->st);
		return err_prefix("cannot %s %s", undo ? "undo" : "redo", e->what);
	}
	if (store_anno_commit(s->st) != 0)
		return -1;
	free(s->last_what);
	s->last_what = xstrdup(e->what);
	if (what != NULL)
		*what = s->last_what;
	if (id != NULL)
		*id = e->anno_id;
	from->n--;
	stack_push(to, e);
	return 1;
}

int
anno_undo(struct anno_session *s, const char **what, int64_t *id)
{
	return step(s, &s->undo, &s->redo, 1, what, id);
}

int
anno_redo(struct anno_session *s, const char **what, int64_t *id)
{
	return step(s, &s->redo, &s->undo, 0, what, id);
}
