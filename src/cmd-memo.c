/*
 * cmd-memo.c: `dossier memo`: the analyst's memos on the project, an
 * article, a tag (what the code means, how to apply it) or a highlight:
 * add, list (or find with the full-text search), show, edit and remove.
 * A memo records its coder as annotations do (`set coder`, else the
 * login name). Text is given as the remaining words, or "-" for standard
 * input.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anno.h"
#include "cmd.h"
#include "text.h"
#include "util.h"

static int cmd_memo_exec(struct cmd_ctx *, const struct args *);

/* The largest memo read from standard input. */
#define MEMO_MAX_BYTES (16u << 20)

#define MEMO_TARGET_OPTIONS \
	{ "article", 'a', "ID", ARGS_ARTICLE, NULL, "a memo on this article" }, \
	{ "tag", 't', "TAG", ARGS_TAG, NULL, "a memo on this tag" }, \
	{ "annotation", 'n', "ID", ARGS_WORD, NULL, "a memo on this highlight" }

static const struct cmd_entry memo_add = {
	.spec = { .name = "add", .summary = "write a memo (on the project unless a target is given)",
	    .options = (const struct args_option[]){ MEMO_TARGET_OPTIONS,
	    { "title", 0, "TITLE", ARGS_WORD, NULL, "the memo's title" }, { NULL } },
	    .params = (const struct args_param[]){ { "TEXT", ARGS_WORD, NULL, ARGS_MORE,
	    "needs the memo's TEXT (or - to read it from standard input)" }, { NULL } } },
	.exec = cmd_memo_exec,
};
static const struct cmd_entry memo_list = {
	.spec = { .name = "list", .summary = "the memos: id, kind, target, coder, title, text",
	    .options = (const struct args_option[]){ MEMO_TARGET_OPTIONS,
	    { "project", 0, NULL, ARGS_WORD, NULL, "only the project's memos" },
	    { "search", 's', "QUERY", ARGS_WORD, NULL, "memos whose title or text match QUERY (as search)" },
	    { "coder", 0, "NAME", ARGS_WORD, NULL, "only this coder's memos" },
	    { "json", 'j', NULL, ARGS_WORD, NULL, "print JSON" }, { NULL } } },
	.exec = cmd_memo_exec,
};
static const struct cmd_entry memo_show = {
	.spec = { .name = "show", .summary = "one memo in full",
	    .options = (const struct args_option[]){
	    { "json", 'j', NULL, ARGS_WORD, NULL, "print JSON" }, { NULL } },
	    .params = (const struct args_param[]){ { "ID", ARGS_COUNT, NULL, 0, NULL }, { NULL } } },
	.exec = cmd_memo_exec,
};
static const struct cmd_entry memo_edit = {
	.spec = { .name = "edit", .summary = "replace a memo's text (or - for standard input) or title",
	    .options = (const struct args_option[]){
	    { "title", 0, "TITLE", ARGS_WORD, NULL, "the memo's new title" }, { NULL } },
	    .params = (const struct args_param[]){ { "ID", ARGS_COUNT, NULL, 0, NULL },
	    { "TEXT", ARGS_WORD, NULL, ARGS_OPTIONAL | ARGS_MORE, NULL }, { NULL } } },
	.exec = cmd_memo_exec,
};
static const struct cmd_entry memo_remove = {
	.spec = { .name = "remove", .summary = "remove a memo",
	    .params = (const struct args_param[]){ { "ID", ARGS_COUNT, NULL, 0, NULL }, { NULL } } },
	.exec = cmd_memo_exec,
};

const struct cmd_entry cmd_memo_entry = {
	.spec = {
		.name = "memo",
		.summary = "memos on the project, an article, a tag or a highlight",
		.subs = CMD_SUBS(&memo_add.spec, &memo_list.spec, &memo_show.spec, &memo_edit.spec,
		    &memo_remove.spec),
		.default_sub = "list",
	},
	.exec = cmd_memo_exec,
};

/* The memo's text from the words given (joined by spaces), or standard
 * input for "-": valid UTF-8 (repaired), NFC, without trailing line
 * ends. NULL and an error when it is empty. */
static char *
memo_text(char *const *words, size_t n)
{
	struct text_utf8_report rep;
	struct buf raw, fixed, nfc;
	size_t i;

	buf_init(&raw);
	if (n == 1 && strcmp(words[0], "-") == 0) {
		char *data;
		size_t len;
		if (path_read_file("-", MEMO_MAX_BYTES, &data, &len) != 0)
			return NULL;
		buf_add(&raw, data, len);
		free(data);
	} else {
		for (i = 0; i < n; i++) {
			if (i > 0)
				buf_addc(&raw, ' ');
			buf_adds(&raw, words[i]);
		}
	}
	while (raw.len > 0 && (raw.data[raw.len - 1] == '\n' || raw.data[raw.len - 1] == '\r'))
		raw.data[--raw.len] = '\0';
	if (raw.len == 0) {
		buf_free(&raw);
		err_set("a memo needs some text");
		return NULL;
	}
	buf_init(&fixed);
	buf_init(&nfc);
	text_utf8_repair(raw.data, raw.len, &fixed, &rep);
	text_nfc(fixed.data, fixed.len, &nfc);
	buf_free(&raw);
	buf_free(&fixed);
	return buf_detach(&nfc, NULL);
}

/* The target the options name into M (the project when none); 0, or -1
 * with a message (err_set), or the usage status in *usage. */
static int
memo_target(struct store *st, const struct args *a, struct store_memo *m, int *usage)
{
	const char *art = args_get(a, "article"), *tag = args_get(a, "tag");
	const char *ann = args_get(a, "annotation");
	struct store_tag t;
	int rc;

	*usage = 0;
	m->kind = STORE_MEMO_PROJECT;
	m->target = 0;
	if ((art != NULL) + (tag != NULL) + (ann != NULL) > 1) {
		*usage = cmd_usage_error(a, "one target: --article, --tag or --annotation");
		return -1;
	}
	if (art != NULL) {
		m->kind = STORE_MEMO_ARTICLE;
		if (cmd_parse_id(art, &m->target) != 0) {
			*usage = cmd_usage_error(a, "--article needs an id");
			return -1;
		}
	} else if (ann != NULL) {
		m->kind = STORE_MEMO_ANNOTATION;
		if (cmd_parse_id(ann, &m->target) != 0) {
			*usage = cmd_usage_error(a, "--annotation needs an id");
			return -1;
		}
	} else if (tag != NULL) {
		m->kind = STORE_MEMO_TAG;
		if ((rc = store_tag_find(st, tag, &t)) != 0)
			return rc < 0 ? -1 : err_set("no tag '%s'", tag);
		m->target = t.id;
		store_tag_free(&t);
	}
	return 0;
}

/* What the memo is on, for a column: "project", "article 3", "tag claim". */
static char *
memo_on(const struct store_memo *m)
{
	if (m->kind == STORE_MEMO_PROJECT)
		return xstrdup("project");
	if (m->kind == STORE_MEMO_TAG)
		return xasprintf("tag %s", m->target_name != NULL ? m->target_name : "?");
	return xasprintf("%s %lld", store_memo_kind_name(m->kind), (long long)m->target);
}

void
cmd_memo_print_row(const struct store_memo *m)
{
	char *on = memo_on(m);

	cmd_printf("%lld\t%s\t%s\t%s\t", (long long)m->id, on, m->coder != NULL ? m->coder : "-",
	    m->title[0] != '\0' ? m->title : "-");
	cmd_print_excerpt(m->text, 60);
	cmd_printf("\n");
	free(on);
}

static void
print_full(const struct store_memo *m)
{
	char *on = memo_on(m);

	cmd_printf("memo %lld on %s\n", (long long)m->id, on);
	if (m->kind == STORE_MEMO_ARTICLE && m->target_name != NULL)
		cmd_printf("article: %s\n", m->target_name);
	if (m->kind == STORE_MEMO_ANNOTATION && m->target_name != NULL) {
		cmd_printf("quote: ");
		cmd_print_excerpt(m->target_name, 200);
		cmd_printf("\n");
	}
	if (m->title[0] != '\0')
		cmd_printf("title: %s\n", m->title);
	cmd_printf("coder: %s\nguid: %s\ncreated: %s\nmodified: %s\n\n%s\n",
	    m->coder != NULL ? m->coder : "-", m->guid, m->created, m->modified, m->text);
	free(on);
}

/* One memo as a JSON object appended to OUT. */
static int
json_memo(struct store *st, const struct store_memo *m, struct buf *out)
{
	const char *names[] = { "guid", "kind", "on", "title", "text", "coder", "created",
		"modified" };
	const char *values[ARRAY_LEN(names)];
	size_t i;

	values[0] = m->guid;
	values[1] = store_memo_kind_name(m->kind);
	values[2] = m->target_name;
	values[3] = m->title;
	values[4] = m->text;
	values[5] = m->coder;
	values[6] = m->created;
	values[7] = m->modified;
	buf_printf(out, "{\"id\":%lld", (long long)m->id);
	if (m->kind != STORE_MEMO_PROJECT)
		buf_printf(out, ",\"target\":%lld", (long long)m->target);
	for (i = 0; i < ARRAY_LEN(names); i++) {
		char *q;
		if (values[i] == NULL)
			continue;
		if (store_json_quote(st, values[i], &q) != 0)
			return -1;
		buf_printf(out, ",\"%s\":%s", names[i], q);
		free(q);
	}
	buf_addc(out, '}');
	return 0;
}

static int
print_json(struct store *st, const struct store_memo *rows, size_t n, int array)
{
	struct buf out;
	size_t i;
	int rc = 0;

	buf_init(&out);
	if (array)
		buf_addc(&out, '[');
	for (i = 0; i < n && rc == 0; i++) {
		if (i > 0)
			buf_addc(&out, ',');
		rc = json_memo(st, &rows[i], &out);
	}
	if (array)
		buf_addc(&out, ']');
	if (rc == 0)
		cmd_printf("%s\n", out.data);
	buf_free(&out);
	return rc;
}

static int
list(struct store *st, const struct args *a)
{
	struct store_memo_filter f = { .kind = -1 };
	struct store_memo *rows, m;
	size_t n, i;
	int usage;

	memset(&m, 0, sizeof m);
	if (memo_target(st, a, &m, &usage) != 0)
		return usage != 0 ? usage : -1;
	if (m.kind != STORE_MEMO_PROJECT) {
		f.kind = (int)m.kind;
		f.target = m.target;
	} else if (args_has(a, "project")) {
		f.kind = STORE_MEMO_PROJECT;
	}
	f.match = args_get(a, "search");
	f.coder = args_get(a, "coder");
	if (store_memo_list(st, &f, &rows, &n) != 0)
		return -1;
	if (args_has(a, "json")) {
		int rc = print_json(st, rows, n, 1);
		store_memo_list_free(rows, n);
		return rc;
	}
	for (i = 0; i < n; i++)
		cmd_memo_print_row(&rows[i]);
	store_memo_list_free(rows, n);
	return 0;
}

/* Memo ARGV[0] into *m: 0, or -1 with "no memo N". */
static int
get_memo(struct store *st, const struct args *a, struct store_memo *m, int *usage)
{
	int64_t id;
	int rc;

	*usage = 0;
	if (cmd_parse_id(a->argv[0], &id) != 0) {
		*usage = cmd_usage_error(a, "a memo's id is a number: '%s'", a->argv[0]);
		return -1;
	}
	if ((rc = store_memo_get(st, id, m)) != 0)
		return rc < 0 ? -1 : err_set("no memo %lld", (long long)id);
	return 0;
}

static int
add(struct anno_session *s, const struct args *a)
{
	struct store *st = anno_session_store(s);
	struct store_memo m;
	const char *title = args_get(a, "title");
	int usage, rc;

	memset(&m, 0, sizeof m);
	if (memo_target(st, a, &m, &usage) != 0)
		return usage != 0 ? usage : -1;
	if ((m.text = memo_text(a->argv, a->argc)) == NULL)
		return -1;
	m.title = xstrdup(title != NULL ? title : "");
	m.coder = anno_session_coder(s) != NULL ? xstrdup(anno_session_coder(s)) : NULL;
	rc = store_memo_put(st, &m, 0);
	if (rc == 0)
		cmd_printf("%lld\n", (long long)m.id);
	store_memo_free(&m);
	return rc;
}

static int
edit(struct store *st, const struct args *a)
{
	struct store_memo m;
	const char *title = args_get(a, "title");
	int usage, rc;

	if (a->argc < 2 && title == NULL)
		return cmd_usage_error(a, "give the new TEXT, - or --title");
	if (get_memo(st, a, &m, &usage) != 0)
		return usage != 0 ? usage : -1;
	if (a->argc > 1) {
		char *text = memo_text(a->argv + 1, a->argc - 1);
		if (text == NULL) {
			store_memo_free(&m);
			return -1;
		}
		free(m.text);
		m.text = text;
	}
	if (title != NULL) {
		free(m.title);
		m.title = xstrdup(title);
	}
	rc = store_memo_put(st, &m, 0);
	store_memo_free(&m);
	return rc;
}

/* Runs the subcommand: 0, -1 with a message, or a usage status (> 0).
 * S is NULL for the subcommands that only read. */
static int
run(struct store *st, struct anno_session *s, const struct args *a)
{
	const char *sub = a->spec->name;
	struct store_memo m;
	int usage, rc;

	if (strcmp(sub, "list") == 0)
		return list(st, a);
	if (strcmp(sub, "add") == 0)
		return add(s, a);
	if (strcmp(sub, "edit") == 0)
		return edit(st, a);
	if (get_memo(st, a, &m, &usage) != 0)
		return usage != 0 ? usage : -1;
	if (strcmp(sub, "show") == 0) {
		rc = args_has(a, "json") ? print_json(st, &m, 1, 0) : 0;
		if (!args_has(a, "json"))
			print_full(&m);
	} else {
		rc = store_memo_delete(st, m.id) < 0 ? -1 : 0;
	}
	store_memo_free(&m);
	return rc;
}

static int
cmd_memo_exec(struct cmd_ctx *ctx, const struct args *a)
{
	const char *sub = a->spec->name;
	int reads = strcmp(sub, "list") == 0 || strcmp(sub, "show") == 0;
	struct anno_session *s = NULL;
	struct store *st;
	int rc;

	if ((st = cmd_store(ctx, reads ? STORE_READONLY : 0)) == NULL)
		return EXIT_FAIL;
	if (!reads && anno_session_open(st, &s) != 0) {
		err_print("memo");
		return EXIT_FAIL;
	}
	rc = run(st, s, a);
	anno_session_free(s);
	if (rc > 0)
		return rc;
	if (rc != 0) {
		err_print("memo");
		return EXIT_FAIL;
	}
	return EXIT_OK;
}
