/*
 * cmd-actors.c: `dossier actors [ARTICLE] [--candidates]`: the entities an
 * article (or the whole corpus) names, grouped by kind, most mentioned
 * first; with --candidates, the unknown people extraction proposed, for
 * `dossier kb promote` or `dossier kb dismiss`.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "store.h"
#include "util.h"

static int cmd_actors_exec(struct cmd_ctx *, const struct args *);

const struct cmd_entry cmd_actors_entry = {
	.spec = {
		.name = "actors",
		.summary = "list the entities an article or the corpus names",
		.options = (const struct args_option[]){
			{ "candidates", 0, NULL, ARGS_WORD, NULL, "the unknown people extraction proposed" },
			{ "json", 0, NULL, ARGS_WORD, NULL, "print JSON" },
			{ "bytes", 0, NULL, ARGS_WORD, NULL, "with --json, the first mention in bytes, not characters" },
			{ NULL },
		},
		.params = (const struct args_param[]){
			{ "ARTICLE", ARGS_ARTICLE, NULL, ARGS_OPTIONAL, NULL },
			{ NULL },
		},
	},
	.exec = cmd_actors_exec,
};

static int
cmd_actors_exec(struct cmd_ctx *ctx, const struct args *args)
{
	struct store_entity *rows;
	struct store_article a;
	struct store *st;
	int64_t article = 0;
	size_t n, i;
	struct text_charmap chars;
	int json, candidates, rc;
	const char *kind = NULL;
	char *out;

	candidates = args_has(args, "candidates");
	json = args_has(args, "json");
	if (args->argc > 0 && cmd_parse_id(args->argv[0], &article) != 0)
		return cmd_usage_error(args, "'%s' is not an article id", args->argv[0]);
	if ((st = cmd_store(ctx, STORE_READONLY | STORE_NOCREATE)) == NULL)
		return EXIT_FAIL;
	if (article != 0 && store_article_get(st, article, &a) != 0) {
		err_print("actors");
		return EXIT_FAIL;
	}
	if (json) {
		/* An article's first mentions in characters, as every position
		 * shown; across the corpus "first" is a byte offset in whichever
		 * article it was. */
		if (article != 0 && !args_has(args, "bytes"))
			text_charmap_init(&chars, a.body, a.body_len);
		rc = store_json_entities(st, article, candidates,
		    article != 0 && !args_has(args, "bytes") ? &chars : NULL, &out);
		if (article != 0 && !args_has(args, "bytes"))
			text_charmap_free(&chars);
		if (article != 0)
			store_article_free(&a);
		if (rc != 0) {
			err_print("actors");
			return EXIT_FAIL;
		}
		cmd_puts(out);
		free(out);
		return EXIT_OK;
	}
	if (article != 0)
		store_article_free(&a);
	if (store_article_entities(st, article, candidates, &rows, &n) != 0) {
		err_print("actors");
		return EXIT_FAIL;
	}
	for (i = 0; i < n; i++) {
		if (kind == NULL || strcmp(kind, rows[i].kind) != 0) {
			kind = rows[i].kind;
			cmd_printf("%s%s\n", i ? "\n" : "", kind);
		}
		cmd_printf("  %5lld  %-44s %5zu mention%s", (long long)rows[i].id, rows[i].name,
		    rows[i].mentions, rows[i].mentions == 1 ? " " : "s");
		if (article == 0)
			cmd_printf(" in %lld article%s", (long long)rows[i].articles,
			    rows[i].articles == 1 ? "" : "s");
		putchar('\n');
	}
	store_entity_list_free(rows, n);
	return EXIT_OK;
}
