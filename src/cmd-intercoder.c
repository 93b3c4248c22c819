/*
 * cmd-intercoder.c: `dossier intercoder --coders A,B [--tag T] [--json]`:
 * how far two coders agree, tag by tag, over the articles both of them
 * coded.
 *
 * The units and their marks are anno_intercoder_load's (anno-intercoder.c,
 * which the reader's list of disagreements shares): a unit is a sentence,
 * coded with a tag by a coder when one of that coder's active highlights
 * with the tag overlaps it. anno_agree turns each tag's four counts into
 * percentage agreement, Cohen's kappa and Krippendorff's alpha. The units
 * where the two differ are listed after the table, with the article, the
 * sentence's number in it and the coder who coded it.
 * Names from the database are printed through cmd_printf (text_safe).
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anno.h"
#include "cmd.h"
#include "store.h"
#include "text.h"
#include "util.h"

static int cmd_intercoder_exec(struct cmd_ctx *, const struct args *);

const struct cmd_entry cmd_intercoder_entry = {
	.spec = {
		.name = "intercoder",
		.summary = "agreement between two coders, per tag (kappa, alpha)",
		.options = (const struct args_option[]){
			{ "coders", 'c', "A,B", ARGS_WORD, NULL, "the two coders to compare (required)" },
			{ "tag", 't', "TAG", ARGS_TAG, NULL, "only this tag and the tags nested in it" },
			{ "json", 'j', NULL, ARGS_WORD, NULL, "print JSON" },
			{ NULL },
		},
	},
	.exec = cmd_intercoder_exec,
};

static void
print_coefficient(double v)
{
	if (isnan(v))
		cmd_printf("\tn/a");
	else
		cmd_printf("\t%.3f", v);
}

static void
print_text(const struct anno_intercoder *ic)
{
	size_t i, u, n;

	cmd_printf("articles coded by both: %zu; sentences: %zu\n", ic->narts, ic->units);
	cmd_printf("tag\tsentences\tboth\t%s only\t%s only\tneither\tagreement\tkappa\talpha\n",
	    ic->coder[0], ic->coder[1]);
	for (i = 0; i < ic->ntags; i++) {
		struct anno_agree_table t;
		struct anno_agree r;

		anno_intercoder_table(ic, &ic->tags[i], &t);
		anno_agree(&t, &r);
		cmd_printf("%s\t%ld\t%ld\t%ld\t%ld\t%ld\t%.1f%%", ic->tags[i].name, r.units,
		    t.both, t.first_only, t.second_only, t.neither, r.percent);
		print_coefficient(r.kappa);
		print_coefficient(r.alpha);
		cmd_printf("\n");
	}
	cmd_printf("\ndisagreements:\n");
	for (i = 0, n = 0; i < ic->ntags; i++) {
		for (u = 0; u < ic->units; u++) {
			const struct anno_units_article *art;
			size_t s;
			unsigned m = ic->tags[i].mark[u];

			if (m != 1 && m != 2)
				continue;
			art = anno_intercoder_place(ic, u, &s);
			cmd_printf("%s\tarticle %lld\tsentence %zu\tcoded by %s\n", ic->tags[i].name,
			    (long long)art->id, s, ic->coder[m == 1 ? 0 : 1]);
			n++;
		}
	}
	if (n == 0)
		cmd_printf("none\n");
}

static void
json_number(struct buf *b, const char *name, double v)
{
	if (isnan(v))
		buf_printf(b, ", \"%s\": null", name);
	else
		buf_printf(b, ", \"%s\": %.6g", name, v);
}

static int
json_string(struct store *st, struct buf *b, const char *s)
{
	char *q;

	if (store_json_quote(st, s, &q) != 0)
		return -1;
	buf_adds(b, q);
	free(q);
	return 0;
}

static int
print_json(struct store *st, const struct anno_intercoder *ic)
{
	struct buf b;
	size_t i, u, n;
	int rc = 0;

	buf_init(&b);
	buf_adds(&b, "{\"coders\": [");
	rc |= json_string(st, &b, ic->coder[0]);
	buf_adds(&b, ", ");
	rc |= json_string(st, &b, ic->coder[1]);
	buf_printf(&b, "], \"articles\": %zu, \"units\": %zu, \"tags\": [", ic->narts, ic->units);
	for (i = 0; i < ic->ntags && rc == 0; i++) {
		struct anno_agree_table t;
		struct anno_agree r;

		anno_intercoder_table(ic, &ic->tags[i], &t);
		anno_agree(&t, &r);
		buf_adds(&b, i > 0 ? ",\n {\"tag\": " : "\n {\"tag\": ");
		rc |= json_string(st, &b, ic->tags[i].name);
		buf_printf(&b, ", \"units\": %ld, \"both\": %ld, \"first_only\": %ld,"
		    " \"second_only\": %ld, \"neither\": %ld", r.units, t.both, t.first_only,
		    t.second_only, t.neither);
		json_number(&b, "agreement", r.percent);
		json_number(&b, "kappa", r.kappa);
		json_number(&b, "alpha", r.alpha);
		buf_adds(&b, "}");
	}
	buf_adds(&b, "],\n \"disagreements\": [");
	for (i = 0, n = 0; i < ic->ntags && rc == 0; i++) {
		for (u = 0; u < ic->units && rc == 0; u++) {
			const struct anno_units_article *art;
			size_t s;
			unsigned m = ic->tags[i].mark[u];

			if (m != 1 && m != 2)
				continue;
			art = anno_intercoder_place(ic, u, &s);
			buf_adds(&b, n++ > 0 ? ",\n  {\"tag\": " : "\n  {\"tag\": ");
			rc |= json_string(st, &b, ic->tags[i].name);
			buf_printf(&b, ", \"article\": %lld, \"sentence\": %zu, \"coder\": ",
			    (long long)art->id, s);
			rc |= json_string(st, &b, ic->coder[m == 1 ? 0 : 1]);
			buf_adds(&b, "}");
		}
	}
	buf_adds(&b, "]}\n");
	if (rc == 0)
		cmd_write(stdout, b.data, b.len);
	buf_free(&b);
	return rc;
}

/* "A,B" split in place into two names, neither empty, not the same. */
static int
parse_coders(char *s, const char **first, const char **second)
{
	char *comma = strchr(s, ',');

	if (comma == NULL || comma == s || comma[1] == '\0' || strchr(comma + 1, ',') != NULL)
		return err_set("--coders needs two names, as A,B");
	*comma = '\0';
	*first = s;
	*second = comma + 1;
	if (strcmp(*first, *second) == 0)
		return err_set("--coders needs two different coders, not '%s' twice", s);
	return 0;
}

static int
cmd_intercoder_exec(struct cmd_ctx *ctx, const struct args *a)
{
	struct anno_intercoder ic = { 0 };
	struct store *st;
	char *coders;
	int rc;

	if (args_get(a, "coders") == NULL)
		return cmd_usage_error(a, "--coders A,B is required");
	coders = xstrdup(args_get(a, "coders"));
	if (parse_coders(coders, &ic.coder[0], &ic.coder[1]) != 0) {
		free(coders);
		return cmd_usage_error(a, "%s", err_msg());
	}
	ic.tag = args_get(a, "tag");
	if ((st = cmd_store(ctx, STORE_READONLY)) == NULL) {
		free(coders);
		return EXIT_FAIL;
	}
	rc = anno_intercoder_load(st, &ic);
	if (rc == 0) {
		if (args_has(a, "json"))
			rc = print_json(st, &ic);
		else
			print_text(&ic);
	}
	if (rc != 0)
		err_print("intercoder");
	anno_intercoder_free(&ic);
	free(coders);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}
