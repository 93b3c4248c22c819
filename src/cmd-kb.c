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

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "cmd.h"
#include "kb.h"
#include "store.h"
#include "util.h"

static int cmd_kb_exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_kb_entry = {
	.name = "kb",
	.usage = "add KIND NAME [ALIAS...] | alias NAME ALIAS... | import FILE |"
	    " export [--all] [--json] [--force] [FILE] | promote NAME | dismiss NAME | show NAME"
	    "  [--no-refresh]",
	.summary = "add to, import into, export or show the knowledge base",
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
sub_add(struct store *st, int argc, char **argv, struct words *w, struct kb *kb)
{
	enum kb_kind kind;
	int idx, i;

	if (argc < 3)
		return cmd_usage_error(&cmd_kb_entry, "kb add needs a kind and a name");
	if (kb_kind_parse(argv[1], &kind) != 0)
		return cmd_usage_error(&cmd_kb_entry, "unknown kind '%s' (person, state, "
		    "organization, place, agreement or event)", argv[1]);
	if ((idx = kb_add(kb, kind, argv[2], KB_ORIGIN_USER)) < 0)
		return -1;
	for (i = 3; i < argc; i++)
		kb_add_alias(kb, idx, argv[i], KB_ORIGIN_USER);
	return add_all(st, kb, w);
}

static int
sub_alias(struct store *st, int argc, char **argv, struct words *w)
{
	int64_t id;
	int i;

	if (argc < 3)
		return cmd_usage_error(&cmd_kb_entry, "kb alias needs a name and an alias");
	if (find(st, argv[1], &id) != 0 || store_begin(st) != 0)
		return -1;
	for (i = 2; i < argc; i++) {
		if (store_alias_add(st, id, argv[i], "user") != 0) {
			store_rollback(st);
			return -1;
		}
		word_add(w, argv[i]);
	}
	return store_commit(st);
}

static int
sub_import(struct store *st, int argc, char **argv, struct words *w, struct kb *kb)
{
	int skipped;

	if (argc != 2)
		return cmd_usage_error(&cmd_kb_entry, "kb import needs one file");
	if ((skipped = kb_load_file(kb, argv[1], KB_ORIGIN_USER, warn_cb, NULL)) < 0)
		return -1;
	/* Parties and roles may name entities of the database, not of the file:
	 * no warnings for those here. */
	kb_resolve(kb, NULL, NULL);
	if (add_all(st, kb, w) != 0)
		return -1;
	return skipped > 0 ? EXIT_PARTIAL : 0;
}

static int
sub_export(struct store *st, int argc, char **argv)
{
	static const struct option options[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "json", no_argument, NULL, 'j' },
		{ "force", no_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 },
	};
	struct kb *kb;
	struct buf out;
	int c, all = 0, json = 0, force = 0, rc = 0;
	char *text;
	size_t i;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+", options, NULL)) != -1) {
		if (c == 'a')
			all = 1;
		else if (c == 'j')
			json = 1;
		else if (c == 'F')
			force = 1;
		else
			return cmd_usage_error(&cmd_kb_entry, "unknown option %s", argv[optind - 1]);
	}
	if (argc - optind > 1)
		return cmd_usage_error(&cmd_kb_entry, "kb export writes one file");
	if (cmd_check_output(st, optind < argc ? argv[optind] : NULL, force) != 0)
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
	if (optind < argc)
		rc = path_write_atomic(argv[optind], out.data, out.len);
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
sub_show(struct store *st, int argc, char **argv)
{
	const struct kb_entity *e;
	const struct kb *kb;
	struct analyzer *an;
	size_t i;
	int idx;

	if (argc != 2)
		return cmd_usage_error(&cmd_kb_entry, "kb show needs one name");
	if (analyzer_new(st, warn_cb, NULL, &an) != 0)
		return -1;
	kb = analyzer_kb(an);
	if ((idx = kb_lookup(kb, argv[1])) < 0) {
		analyzer_free(an);
		return err_set("no entity is named '%s'", argv[1]);
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
sub_candidate(struct store *st, int argc, char **argv, int promote, struct words *w)
{
	struct store_entity e;
	int64_t id;
	int rc;

	if (argc != 2)
		return cmd_usage_error(&cmd_kb_entry, "kb %s needs one name or id", argv[0]);
	if (find(st, argv[1], &id) != 0)
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
cmd_kb_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct words w = { NULL, 0 };
	struct kb *kb = kb_new();
	struct store *st;
	int rc, no_refresh = 0, i, j, promoted = 0;
	const char *sub;

	/* --no-refresh may stand anywhere; the rest is the subcommand's. */
	for (i = j = 1; i < argc; i++) {
		if (strcmp(argv[i], "--no-refresh") == 0)
			no_refresh = 1;
		else
			argv[j++] = argv[i];
	}
	argc = j;
	if (argc < 2) {
		kb_free(kb);
		return cmd_usage_error(&cmd_kb_entry, "which of add, alias, import, export, "
		    "promote, dismiss, show?");
	}
	sub = argv[1];
	argc--;
	argv++;
	if (strcmp(sub, "export") == 0) {
		st = cmd_store(ctx, STORE_READONLY | STORE_NOCREATE);
		rc = st == NULL ? EXIT_FAIL : sub_export(st, argc, argv);
		goto out;
	}
	if (strcmp(sub, "show") == 0) {
		st = cmd_store(ctx, 0);
		rc = st == NULL ? EXIT_FAIL : sub_show(st, argc, argv);
		goto out;
	}
	if (strcmp(sub, "add") != 0 && strcmp(sub, "alias") != 0 && strcmp(sub, "import") != 0 &&
	    strcmp(sub, "promote") != 0 && strcmp(sub, "dismiss") != 0) {
		kb_free(kb);
		return cmd_usage_error(&cmd_kb_entry, "unknown subcommand '%s'", sub);
	}
	if ((st = cmd_store(ctx, 0)) == NULL) {
		kb_free(kb);
		return EXIT_FAIL;
	}
	if (strcmp(sub, "add") == 0)
		rc = sub_add(st, argc, argv, &w, kb);
	else if (strcmp(sub, "alias") == 0)
		rc = sub_alias(st, argc, argv, &w);
	else if (strcmp(sub, "import") == 0)
		rc = sub_import(st, argc, argv, &w, kb);
	else {
		promoted = strcmp(sub, "promote") == 0;
		rc = sub_candidate(st, argc, argv, promoted, &w);
	}
	if (rc >= 0 && rc != EXIT_USAGE && !no_refresh && refresh(ctx, st, &w) != 0)
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
