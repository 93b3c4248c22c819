/*
 * cmd-kb.c: `dossier kb ...`: the user's side of the knowledge base.
 *
 *   kb add KIND NAME [ALIAS...]    a new entity (or aliases for one)
 *   kb alias NAME ALIAS...         more names for an entity
 *   kb import FILE                 entities in the dossier-kb(5) format
 *   kb export [--all] [--json] [--force] [FILE]
 *   kb promote NAME|ID             a candidate becomes the user's entity
 *   kb dismiss NAME|ID             a candidate is dropped for good
 *   kb show NAME                   one entity: names, roles, dates, parties
 *                                  and where its facts were checked
 *   kb remove NAME|ID              undoes kb add (or promote)
 *   kb unalias NAME ALIAS...       undoes kb alias
 *
 * A name that is already another entity's (its name or an alias) is
 * refused, naming that entity: it would take the other's mentions and
 * statements away silently.
 * What the user adds is kept in the database with origin 'user', so it
 * survives upgrades of the shipped files. Articles already stored that
 * contain a new name are analysed again (unless --no-refresh), so the new
 * entity's mentions and statements appear at once.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analyze.h"
#include "cmd.h"
#include "kb.h"
#include "store.h"
#include "util.h"

static int cmd_kb_exec(struct cmd_ctx *, const struct args *);

static const char *const kinds[] = { "person", "state", "organization", "place", "agreement",
	"event", NULL };
static const struct args_option refresh_option[] = {
	{ "no-refresh", 0, NULL, ARGS_WORD, NULL,
	  "do not analyse again the stored articles that contain the new names" },
	{ NULL },
};

static const struct cmd_entry kb_add_entry = {
	.spec = { .name = "add", .summary = "a new entity of the user's (or aliases for one)",
	    .options = refresh_option,
	    .params = (const struct args_param[]){ { "KIND", ARGS_CHOICE, kinds, 0, NULL },
	    { "NAME", ARGS_WORD, NULL, 0, NULL }, { "ALIAS", ARGS_WORD, NULL, ARGS_OPTIONAL | ARGS_MORE, NULL },
	    { NULL } } },
	.exec = cmd_kb_exec,
};
static const struct cmd_entry kb_alias_entry = {
	.spec = { .name = "alias", .summary = "more names for an entity",
	    .options = refresh_option,
	    .params = (const struct args_param[]){ { "NAME", ARGS_ACTOR, NULL, 0, NULL },
	    { "ALIAS", ARGS_WORD, NULL, ARGS_MORE, NULL }, { NULL } } },
	.exec = cmd_kb_exec,
};
static const struct cmd_entry kb_import_entry = {
	.spec = { .name = "import", .summary = "entities in the dossier-kb(5) format",
	    .options = refresh_option,
	    .params = (const struct args_param[]){ { "FILE", ARGS_FILE, NULL, 0, NULL }, { NULL } } },
	.exec = cmd_kb_exec,
};
static const struct cmd_entry kb_export_entry = {
	.spec = { .name = "export", .summary = "the user's entities (all with --all) in the "
	    "dossier-kb(5) format",
	    .options = (const struct args_option[]){
	    { "all", 0, NULL, ARGS_WORD, NULL, "the shipped entities too" },
	    { "json", 0, NULL, ARGS_WORD, NULL, "print JSON" },
	    { "force", 0, NULL, ARGS_WORD, NULL, "replace an existing FILE" }, { NULL } },
	    .params = (const struct args_param[]){ { "FILE", ARGS_FILE, NULL, ARGS_OPTIONAL, NULL },
	    { NULL } } },
	.exec = cmd_kb_exec,
};
static const struct cmd_entry kb_promote_entry = {
	.spec = { .name = "promote", .summary = "a candidate becomes the user's entity",
	    .options = refresh_option,
	    .params = (const struct args_param[]){ { "NAME|ID", ARGS_ACTOR, NULL, 0, NULL }, { NULL } } },
	.exec = cmd_kb_exec,
};
static const struct cmd_entry kb_show_entry = {
	.spec = { .name = "show", .summary = "an entity as the knowledge base has it: aliases, "
	    "roles, parties, source",
	    .params = (const struct args_param[]){ { "NAME", ARGS_ACTOR, NULL, 0,
	    "kb show needs one name" }, { NULL } } },
	.exec = cmd_kb_exec,
};
static const struct cmd_entry kb_dismiss_entry = {
	.spec = { .name = "dismiss", .summary = "a candidate is dropped for good",
	    .options = refresh_option,
	    .params = (const struct args_param[]){ { "NAME|ID", ARGS_ACTOR, NULL, 0, NULL }, { NULL } } },
	.exec = cmd_kb_exec,
};

static const struct cmd_entry kb_remove_entry = {
	.spec = { .name = "remove", .summary = "the user's entity is removed (undoes kb add or promote)",
	    .options = refresh_option,
	    .params = (const struct args_param[]){ { "NAME|ID", ARGS_ACTOR, NULL, 0, NULL }, { NULL } } },
	.exec = cmd_kb_exec,
};
static const struct cmd_entry kb_unalias_entry = {
	.spec = { .name = "unalias", .summary = "the user's aliases of an entity are removed",
	    .options = refresh_option,
	    .params = (const struct args_param[]){ { "NAME", ARGS_ACTOR, NULL, 0, NULL },
	    { "ALIAS", ARGS_WORD, NULL, ARGS_MORE, NULL }, { NULL } } },
	.exec = cmd_kb_exec,
};

const struct cmd_entry cmd_kb_entry = {
	.spec = {
		.name = "kb",
		.summary = "add to, remove from, import into, export or show the knowledge base",
		.subs = CMD_SUBS(&kb_add_entry.spec, &kb_alias_entry.spec, &kb_import_entry.spec,
		    &kb_export_entry.spec, &kb_promote_entry.spec, &kb_dismiss_entry.spec,
		    &kb_show_entry.spec, &kb_remove_entry.spec, &kb_unalias_entry.spec),
	},
	.exec = cmd_kb_exec,
};

struct words {
	const char **v;
	size_t n;
};

static void
word_add(struct words *w, const char *s)
{
	w->v = xreallocarray(w->v, w->n + 1, sizeof *w->v);
	w->v[w->n++] = s;
}

static void
warn_cb(void *arg, const char *msg)
{
	(void)arg;
	warn_print("%s", msg);
}

/* The articles a removed entity named, to analyse again. */
struct ids {
	int64_t *v;
	size_t n;
};

/* Analyses again the stored articles that contain one of WORDS, or
 * (IDS set) those articles. */
static int
refresh(struct cmd_ctx *ctx, struct store *st, const struct words *w, const struct ids *ids)
{
	struct analyzer *an;
	size_t count;
	int rc;

	if (w->n == 0 && ids->n == 0)
		return 0;
	if (analyzer_new(st, warn_cb, NULL, &an) != 0)
		return -1;
	rc = ids->n > 0 ? analyzer_refresh_ids(an, ids->v, ids->n, &count) :
	    analyzer_refresh(an, w->v, w->n, &count);
	analyzer_free(an);
	if (rc == 0 && !ctx->quiet && count > 0)
		cmd_eprintf("analysed %zu article%s again\n", count, count == 1 ? "" : "s");
	return rc;
}

static int
find(struct store *st, const char *name, int64_t *id)
{
	char *end;
	long long v = strtoll(name, &end, 10);

	if (*name != '\0' && *end == '\0' && v > 0) {
		*id = v;
		return 0;
	}
	if (store_entity_find(st, name, id) != 0)
		return -1;
	if (*id == 0)
		return err_set("no entity is named '%s'", name);
	return 0;
}

/* 0 when NAME is no entity's but OWN's (0: a new entity's); else -1
 * naming the entity that has it, and how to give it up. */
static int
name_free(struct store *st, const char *name, int64_t own)
{
	struct store_entity e;
	int64_t id;
	int alias;

	if (store_entity_find(st, name, &id) != 0)
		return -1;
	if (id == 0 || id == own)
		return 0;
	if (store_entity_get(st, id, &e) != 0)
		return -1;
	alias = strcasecmp(e.name, name) != 0;
	err_set("'%s' is already %s of %s (%s): it would hide that entity's mentions and "
	    "statements", name, alias ? "an alias" : "the name", e.name,
	    e.kind != NULL ? e.kind : "?");
	store_entity_free(&e);
	return -1;
}

/* 0 when entity E of a file or of kb add takes no other entity's name:
 * it may be new, or add names to the entity that bears its name. */
static int
entity_names_free(struct store *st, const struct kb_entity *e)
{
	struct store_entity own;
	int64_t id;
	size_t j;

	if (store_entity_find(st, e->name, &id) != 0)
		return -1;
	if (id != 0) {
		if (store_entity_get(st, id, &own) != 0)
			return -1;
		if (strcasecmp(own.name, e->name) != 0)
			id = -1;    /* E's name is an alias: name_free says whose */
		store_entity_free(&own);
	}
	if (name_free(st, e->name, id > 0 ? id : 0) != 0)
		return -1;
	for (j = 0; j < e->naliases; j++)
		if (name_free(st, e->aliases[j].text, id > 0 ? id : 0) != 0)
			return -1;
	return 0;
}

/* Writes every entity of KB as the user's, in one transaction, and
 * notes the names to look for in stored articles. One that would take
 * another entity's name is refused: the whole of kb add, or (SKIPPED set,
 * kb import) that entity, with a warning naming FILE. */
static int
add_all(struct store *st, const struct kb *kb, struct words *w, const char *file,
    int *skipped)
{
	size_t i, j;
	int64_t id;

	for (i = 0; i < kb->n; i++) {
		if (entity_names_free(st, &kb->ents[i]) == 0)
			continue;
		if (skipped == NULL)
			return -1;
		warn_print("%s: %s: %s (not added)", file, kb->ents[i].name, err_msg());
		(*skipped)++;
	}
	if (store_begin(st) != 0)
		return -1;
	for (i = 0; i < kb->n; i++) {
		if (skipped != NULL && entity_names_free(st, &kb->ents[i]) != 0)
			continue;
		if (store_kb_add_user(st, kb, (int)i, &id) != 0) {
			store_rollback(st);
			return -1;
		}
		word_add(w, kb->ents[i].name);
		for (j = 0; j < kb->ents[i].naliases; j++)
			word_add(w, kb->ents[i].aliases[j].text);
	}
	return store_commit(st);
}

static int
sub_add(struct store *st, const struct args *a, struct words *w, struct kb *kb)
{
	enum kb_kind kind;
	size_t i;
	int idx;

	if (kb_kind_parse(a->argv[0], &kind) != 0)
		return cmd_usage_error(a, "unknown kind '%s' (person, state, "
		    "organization, place, agreement or event)", a->argv[0]);
	if ((idx = kb_add(kb, kind, a->argv[1], KB_ORIGIN_USER)) < 0)
		return -1;
	for (i = 2; i < a->argc; i++)
		kb_add_alias(kb, idx, a->argv[i], KB_ORIGIN_USER);
	return add_all(st, kb, w, NULL, NULL);
}

static int
sub_alias(struct store *st, const struct args *a, struct words *w)
{
	int64_t id;
	size_t i;

	if (find(st, a->argv[0], &id) != 0)
		return -1;
	for (i = 1; i < a->argc; i++)
		if (name_free(st, a->argv[i], id) != 0)
			return -1;
	if (store_begin(st) != 0)
		return -1;
	for (i = 1; i < a->argc; i++) {
		if (store_alias_add(st, id, a->argv[i], "user") != 0) {
			store_rollback(st);
			return -1;
		}
		word_add(w, a->argv[i]);
	}
	return store_commit(st);
}

static int
sub_import(struct store *st, const struct args *a, struct words *w, struct kb *kb)
{
	int skipped;

	if ((skipped = kb_load_file(kb, a->argv[0], KB_ORIGIN_USER, warn_cb, NULL)) < 0)
		return -1;
	/* Parties and roles may name entities of the database, not of the file:
	 * no warnings for those here. */
	kb_resolve(kb, NULL, NULL);
	if (add_all(st, kb, w, a->argv[0], &skipped) != 0)
		return -1;
	return skipped > 0 ? EXIT_PARTIAL : 0;
}

static int
sub_export(struct store *st, const struct args *a)
{
	struct kb *kb;
	struct buf out;
	int all = args_has(a, "all"), json = args_has(a, "json"), rc = 0;
	char *text;
	size_t i;

	if (cmd_check_output(st, a->argc > 0 ? a->argv[0] : NULL, args_has(a, "force")) != 0)
		return -1;
	buf_init(&out);
	if (json) {
		if (store_json_kb(st, !all, &text) != 0)
			return -1;
		buf_adds(&out, text);
		buf_addc(&out, '\n');
		free(text);
	} else {
		kb = kb_new();
		if (store_kb_load(st, kb) != 0) {
			kb_free(kb);
			buf_free(&out);
			return -1;
		}
		kb_resolve(kb, NULL, NULL);
		buf_adds(&out, "# dossier knowledge base (dossier-kb(5))\n");
		for (i = 0; i < kb->n; i++)
			kb_format(kb, (int)i, !all, &out);
		kb_free(kb);
	}
	if (a->argc > 0)
		rc = path_write_atomic(a->argv[0], out.data, out.len);
	else
		cmd_write(stdout, out.data != NULL ? out.data : "", out.len);
	buf_free(&out);
	return rc;
}

/* "  LABEL    " before the first item of a list, ", " before the others. */
static void
show_item(const char *label, size_t i, const char *text)
{
	if (i == 0)
		cmd_printf("  %-8s %s", label, text);
	else
		cmd_printf(", %s", text);
}

static int
sub_show(struct store *st, const struct args *a)
{
	const struct kb_entity *e;
	const struct kb *kb;
	struct analyzer *an;
	size_t i;
	int idx;

	if (analyzer_new(st, warn_cb, NULL, &an) != 0)
		return -1;
	kb = analyzer_kb(an);
	if ((idx = kb_lookup(kb, a->argv[0])) < 0) {
		analyzer_free(an);
		return err_set("no entity is named '%s'", a->argv[0]);
	}
	e = &kb->ents[idx];
	cmd_printf("%s (%s, %s)\n", e->name, kb_kind_name(e->kind),
	    e->origin == KB_ORIGIN_KB ? "shipped" : kb_origin_name(e->origin));
	for (i = 0; i < e->naliases; i++)
		show_item("aliases", i, e->aliases[i].text);
	if (e->naliases > 0)
		putchar('\n');
	if (e->date != NULL)
		cmd_printf("  %-8s %s\n", "date", e->date);
	for (i = 0; i < e->nroles; i++) {
		const struct kb_role *r = &e->roles[i];

		cmd_printf("  %-8s %s%s%s", i == 0 ? "roles" : "", r->title,
		    r->of_name != NULL ? " of " : "", r->of_name != NULL ? r->of_name : "");
		if (r->since != NULL || r->until != NULL)
			cmd_printf(", %s\xE2\x80\x93%s", r->since ? r->since : "", r->until ? r->until : "");
		putchar('\n');
	}
	for (i = 0; i < e->nparties; i++)
		show_item("parties", i, e->party_names[i]);
	if (e->nparties > 0)
		putchar('\n');
	cmd_printf("  %-8s %s\n", "source", e->source != NULL ? e->source : "(none given)");
	analyzer_free(an);
	return 0;
}

static int
sub_candidate(struct store *st, const struct args *a, int promote, struct words *w)
{
	struct store_entity e;
	int64_t id;
	int rc;

	if (find(st, a->argv[0], &id) != 0)
		return -1;
	rc = promote ? store_entity_promote(st, id) : store_entity_dismiss(st, id);
	if (rc == 0 && promote && store_entity_get(st, id, &e) == 0) {
		/* The name is kept for the refresh, after e is freed. */
		word_add(w, xstrdup(e.name));
		store_entity_free(&e);
	}
	return rc;
}

/* The entity NAME (or ID) names by its own name: an alias would remove
 * another entity than the one the user wrote. */
static int
find_own(struct store *st, const char *name, int64_t *id)
{
	struct store_entity e;
	int rc = 0;

	if (find(st, name, id) != 0 || store_entity_get(st, *id, &e) != 0)
		return -1;
	if ((name[0] < '0' || name[0] > '9') && strcasecmp(e.name, name) != 0)
		rc = err_set("'%s' is an alias of %s: kb unalias '%s' '%s' removes the alias",
		    name, e.name, e.name, name);
	store_entity_free(&e);
	return rc;
}

/* The articles that named it, for the analysis that follows. */
static int
sub_remove(struct store *st, const struct args *a, struct ids *ids)
{
	int64_t id;

	if (find_own(st, a->argv[0], &id) != 0 ||
	    store_entity_articles(st, id, &ids->v, &ids->n) != 0)
		return -1;
	return store_entity_remove(st, id);
}

static int
sub_unalias(struct store *st, const struct args *a, struct words *w)
{
	int64_t id;
	size_t i;

	if (find_own(st, a->argv[0], &id) != 0 || store_begin(st) != 0)
		return -1;
	for (i = 1; i < a->argc; i++) {
		if (store_alias_remove(st, id, a->argv[i]) != 0) {
			store_rollback(st);
			return -1;
		}
		word_add(w, a->argv[i]);
	}
	return store_commit(st);
}

static int
cmd_kb_exec(struct cmd_ctx *ctx, const struct args *a)
{
	struct ids ids = { NULL, 0 };
	struct words w = { NULL, 0 };
	struct kb *kb = kb_new();
	const char *sub = a->spec->name;
	struct store *st;
	int rc, promoted = 0;

	if (strcmp(sub, "export") == 0) {
		st = cmd_store(ctx, STORE_READONLY | STORE_NOCREATE);
		rc = st == NULL ? EXIT_FAIL : sub_export(st, a);
		goto out;
	}
	if (strcmp(sub, "show") == 0) {
		st = cmd_store(ctx, 0);
		rc = st == NULL ? EXIT_FAIL : sub_show(st, a);
		goto out;
	}
	if ((st = cmd_store(ctx, 0)) == NULL) {
		kb_free(kb);
		return EXIT_FAIL;
	}
	if (strcmp(sub, "add") == 0)
		rc = sub_add(st, a, &w, kb);
	else if (strcmp(sub, "alias") == 0)
		rc = sub_alias(st, a, &w);
	else if (strcmp(sub, "import") == 0)
		rc = sub_import(st, a, &w, kb);
	else if (strcmp(sub, "remove") == 0)
		rc = sub_remove(st, a, &ids);
	else if (strcmp(sub, "unalias") == 0)
		rc = sub_unalias(st, a, &w);
	else {
		promoted = strcmp(sub, "promote") == 0;
		rc = sub_candidate(st, a, promoted, &w);
	}
	if (rc >= 0 && rc != EXIT_USAGE && !args_has(a, "no-refresh") && refresh(ctx, st, &w, &ids) != 0)
		rc = -1;
out:
	if (promoted && w.n > 0)
		free((char *)(uintptr_t)w.v[0]);
	free(ids.v);
	free(w.v);
	kb_free(kb);
	if (rc < 0) {
		err_print("kb");
		return EXIT_FAIL;
	}
	return rc;
}
