/*
 * cmd-eval.c: `dossier eval GOLD_DIR`: how the database's analysis of the
 * gold's articles compares with what a careful reader marked: recall and
 * precision of entities (per article) and statements (sentence and
 * speaker), and the share of related-statement pairs found in the top 5.
 * --misses lists each miss and extra, for finding out why.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "analyze.h"
#include "cmd.h"
#include "extract.h"
#include "kb.h"
#include "store.h"
#include "util.h"

static int cmd_eval_exec(struct cmd_ctx *, const struct args *);

const struct cmd_entry cmd_eval_entry = {
	.spec = {
		.name = "eval",
		.summary = "score the analysis against a reader's marks",
		.options = (const struct args_option[]){
			{ "misses", 0, NULL, ARGS_WORD, NULL, "list what was missed or found wrongly" },
			{ "json", 0, NULL, ARGS_WORD, NULL, "print JSON" },
			{ NULL },
		},
		.params = (const struct args_param[]){
			{ "GOLD_DIR", ARGS_FILE, NULL, 0, "which gold directory?" },
			{ NULL },
		},
	},
	.exec = cmd_eval_exec,
};

static int
print_json(struct store *st, const struct extract_eval_scores *sc)
{
	static const char *const names[] = {
		"articles", "entity_recall", "entity_precision", "entities_gold",
		"entities_found", "statement_recall", "statement_precision", "statements_gold",
		"statements_found", "related_found", "related_pairs",
	};
	double v[ARRAY_LEN(names)];
	char *json;

	v[0] = (double)sc->files;
	v[1] = sc->ent_recall;
	v[2] = sc->ent_precision;
	v[3] = (double)sc->ent_gold;
	v[4] = (double)sc->ent_pred;
	v[5] = sc->st_recall;
	v[6] = sc->st_precision;
	v[7] = (double)sc->st_gold;
	v[8] = (double)sc->st_pred;
	v[9] = sc->rel_found;
	v[10] = (double)sc->rel_pairs;
	if (store_json_numbers(st, names, v, ARRAY_LEN(names), &json) != 0)
		return -1;
	cmd_puts(json);
	free(json);
	return 0;
}

static int
cmd_eval_exec(struct cmd_ctx *ctx, const struct args *a)
{
	struct extract_eval_scores sc;
	struct buf misses;
	struct store *st;
	size_t k;
	int json, show;

	show = args_has(a, "misses");
	json = args_has(a, "json");
	if ((st = cmd_store(ctx, STORE_READONLY | STORE_NOCREATE)) == NULL)
		return EXIT_FAIL;
	buf_init(&misses);
	if (analyze_eval(st, a->argv[0], &sc, show ? &misses : NULL) != 0) {
		buf_free(&misses);
		err_print("eval");
		return EXIT_FAIL;
	}
	if (show && misses.len > 0)
		cmd_write(stdout, misses.data, misses.len);
	buf_free(&misses);
	if (json)
		return print_json(st, &sc) == 0 ? EXIT_OK : (err_print("eval"), EXIT_FAIL);
	cmd_printf("articles     %zu of the gold's %zu\n", sc.files, sc.gold_files);
	cmd_printf("entities     recall %.3f (%zu/%zu)  precision %.3f (%zu/%zu)\n", sc.ent_recall,
	    sc.ent_hit_gold, sc.ent_gold, sc.ent_precision, sc.ent_hit_pred, sc.ent_pred);
	cmd_printf("  by kind   ");
	for (k = 0; k < KB_NKINDS; k++)
		if (sc.kind_gold[k] > 0)
			cmd_printf(" %s %.2f (%zu/%zu)", kb_kind_name((enum kb_kind)k),
			    (double)sc.kind_hit[k] / (double)sc.kind_gold[k], sc.kind_hit[k],
			    sc.kind_gold[k]);
	cmd_printf("\n");
	cmd_printf("statements   recall %.3f (%zu/%zu)  precision %.3f (%zu/%zu)\n", sc.st_recall,
	    sc.st_hit_gold, sc.st_gold, sc.st_precision, sc.st_hit_pred, sc.st_pred);
	cmd_printf("related      %.3f of group pairs in the top 5 (%zu/%zu)\n", sc.rel_found,
	    sc.rel_hits, sc.rel_pairs);
	return EXIT_OK;
}
