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
 *
 * What the user adds is kept in the database with origin 'user', so it
 * survives upgrades of the shipped files. Articles already stored that
 * contain a new name are analysed again (unless --no-refresh), so the new
 * entity's mentions and statements appear at once.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

const struct cmd_entry cmd_kb_entry = {
	.spec = {
		.name = "kb",
		.summary = "add to, import into, export or show the knowledge base",
		.subs = CMD_SUBS(&kb_add_entry.spec, &kb_alias_entry.spec, &kb_import_entry.spec,
		    &kb_export_entry.spec, &kb_promote_entry.spec, &kb_dismiss_entry.spec,
		    &kb_show_entry.spec),
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

/* Analyses again the stored articles that contain one of WORDS. */
static int
refresh(struct cmd_ctx *ctx, struct store *st, const struct words *w)
{
	struct analyzer *an;
	size_t count;
	int rc;

	if (w->n == 0)
		return 0;
	if (analyzer_new(st, warn_cb, NULL, &an) != 0)
		return -1;
	rc = analyzer_refresh(an, w->v, w->n, &count);
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

/* Writes every entity of KB as the user's, in one transaction, and
 * notes the names to look for in stored articles. */
static int
add_all(struct store *st, const struct kb *kb, struct words *w)
{
	size_t i, j;
	int64_t id;

	if (store_begin(st) != 0)
		return -1;
	for (i = 0; i < kb->n; i++) {
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
	return add_all(st, kb, w);
}

static int
sub_alias(struct store *st, const struct args *a, struct words *w)
{
	int64_t id;
	size_t i;

	if (find(st, a->argv[0], &id) != 0 || store_begin(st) != 0)
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
	if (add_all(st, kb, w) != 0)
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

static int
cmd_kb_exec(struct cmd_ctx *ctx, const struct args *a)
{
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
	else {
		promoted = strcmp(sub, "promote") == 0;
		rc = sub_candidate(st, a, promoted, &w);
	}
	if (rc >= 0 && rc != EXIT_USAGE && !args_has(a, "no-refresh") && refresh(ctx, st, &w) != 0)
		rc = -1;
out:
	if (promoted && w.n > 0)
		free((char *)(uintptr_t)w.v[0]);
	free(w.v);
	kb_free(kb);
	if (rc < 0) {
		err_print("kb");
		return EXIT_FAIL;
	}
	return rc;
}
