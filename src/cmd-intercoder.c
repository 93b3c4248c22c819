/*
 * cmd-intercoder.c: `dossier intercoder --coders A,B [--tag T] [--json]`:
 * how far two coders agree, tag by tag, over the articles both of them
 * coded.
 *
 * The units are the stored sentences of those articles. A coder coded a
 * unit with a tag when one of that coder's active highlights carrying the
 * tag overlaps the sentence; so each tag gives every unit one of four
 * outcomes (both, only A, only B, neither), and anno_agree turns the four
 * counts into percentage agreement, Cohen's kappa and Krippendorff's
 * alpha. The units where the two differ are listed after the table, with
 * the article, the sentence's number in it and the coder who coded it.
 *
 * Only active highlights count: an orphaned one's offsets belong to
 * another version of the article, and a deleted one was withdrawn.
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

/* An article both coded: its sentences, and where its units start in the
 * run of all units. */
struct unit_article {
	int64_t id;
	struct text_span *sent;
	size_t nsent, base;
};

/* One tag: per unit, bit 0 when the first coder coded it, bit 1 the
 * second. */
struct tag_units {
	char *name;
	unsigned char *mark;
};

struct intercoder {
	const char *coder[2];
	const char *tag;               /* NULL, or only it and those nested in it */
	struct store_anno *rows[2];
	size_t nrows[2];
	struct unit_article *arts;
	size_t narts, units;
	struct tag_units *tags;
	size_t ntags;
};

static void
intercoder_free(struct intercoder *ic)
{
	size_t i;

	for (i = 0; i < 2; i++)
		store_anno_list_free(ic->rows[i], ic->nrows[i]);
	for (i = 0; i < ic->narts; i++)
		free(ic->arts[i].sent);
	free(ic->arts);
	for (i = 0; i < ic->ntags; i++) {
		free(ic->tags[i].name);
		free(ic->tags[i].mark);
	}
	free(ic->tags);
}

static int
tag_wanted(const char *want, const char *name)
{
	size_t k;

	if (want == NULL)
		return 1;
	k = strlen(want);
	return strncmp(name, want, k) == 0 && (name[k] == '\0' || name[k] == '/');
}

/* The articles in both coders' rows (each list is in article order),
 * with their sentences. */
static int
common_articles(struct store *st, struct intercoder *ic)
{
	size_t i = 0, j = 0;

	while (i < ic->nrows[0] && j < ic->nrows[1]) {
		int64_t a = ic->rows[0][i].article_id, b = ic->rows[1][j].article_id;
		struct unit_article *u;

		if (a < b || b < a) {
			if (a < b)
				i++;
			else
				j++;
			continue;
		}
		ic->arts = xreallocarray(ic->arts, ic->narts + 1, sizeof *ic->arts);
		u = &ic->arts[ic->narts++];
		memset(u, 0, sizeof *u);
		u->id = a;
		u->base = ic->units;
		if (store_sentences_get(st, a, &u->sent, &u->nsent) != 0)
			return -1;
		ic->units += u->nsent;
		while (i < ic->nrows[0] && ic->rows[0][i].article_id == a)
			i++;
		while (j < ic->nrows[1] && ic->rows[1][j].article_id == a)
			j++;
	}
	return 0;
}

static struct tag_units *
tag_for(struct intercoder *ic, const char *name)
{
	size_t i;

	for (i = 0; i < ic->ntags; i++)
		if (strcmp(ic->tags[i].name, name) == 0)
			return &ic->tags[i];
	ic->tags = xreallocarray(ic->tags, ic->ntags + 1, sizeof *ic->tags);
	ic->tags[ic->ntags].name = xstrdup(name);
	ic->tags[ic->ntags].mark = xcalloc(ic->units > 0 ? ic->units : 1, 1);
	return &ic->tags[ic->ntags++];
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const struct tag_units *)a)->name, ((const struct tag_units *)b)->name);
}

/* Marks the units each coder's highlights overlap, tag by tag. */
static void
mark_units(struct intercoder *ic)
{
	size_t c, r, k, t, first, last, u;

	for (c = 0; c < 2; c++) {
		for (r = 0, k = 0; r < ic->nrows[c]; r++) {
			const struct store_anno *a = &ic->rows[c][r];
			const struct unit_article *art;

			while (k < ic->narts && ic->arts[k].id < a->article_id)
				k++;
			if (k == ic->narts || ic->arts[k].id != a->article_id)
				continue;
			art = &ic->arts[k];
			if (text_span_overlap(art->sent, art->nsent, a->start, a->end, &first,
			    &last) != 0)
				continue;
			for (t = 0; t < a->ntags; t++) {
				struct tag_units *tu;

				if (!tag_wanted(ic->tag, a->tags[t].name))
					continue;
				tu = tag_for(ic, a->tags[t].name);
				for (u = first; u <= last; u++)
					tu->mark[art->base + u] |= (unsigned char)(1u << c);
			}
		}
	}
	if (ic->ntags > 1)
		qsort(ic->tags, ic->ntags, sizeof *ic->tags, by_name);
}

static void
table_of(const struct intercoder *ic, const struct tag_units *tu, struct anno_agree_table *t)
{
	size_t u;

	memset(t, 0, sizeof *t);
	for (u = 0; u < ic->units; u++) {
		switch (tu->mark[u]) {
		case 3: t->both++; break;
		case 1: t->first_only++; break;
		case 2: t->second_only++; break;
		default: t->neither++; break;
		}
	}
}

/* The article and the sentence's number in it (from 1) of unit U. */
static void
unit_place(const struct intercoder *ic, size_t u, const struct unit_article **art, size_t *n)
{
	size_t k = 0;

	while (k + 1 < ic->narts && ic->arts[k + 1].base <= u)
		k++;
	*art = &ic->arts[k];
	*n = u - ic->arts[k].base + 1;
}

static void
print_coefficient(double v)
{
	if (isnan(v))
		cmd_printf("\tn/a");
	else
		cmd_printf("\t%.3f", v);
}

static void
print_text(const struct intercoder *ic)
{
	size_t i, u, n;

	cmd_printf("articles coded by both: %zu; sentences: %zu\n", ic->narts, ic->units);
	cmd_printf("tag\tsentences\tboth\t%s only\t%s only\tneither\tagreement\tkappa\talpha\n",
	    ic->coder[0], ic->coder[1]);
	for (i = 0; i < ic->ntags; i++) {
		struct anno_agree_table t;
		struct anno_agree r;

		table_of(ic, &ic->tags[i], &t);
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
			const struct unit_article *art;
			size_t s;
			unsigned m = ic->tags[i].mark[u];

			if (m != 1 && m != 2)
				continue;
			unit_place(ic, u, &art, &s);
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
print_json(struct store *st, const struct intercoder *ic)
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

		table_of(ic, &ic->tags[i], &t);
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
			const struct unit_article *art;
			size_t s;
			unsigned m = ic->tags[i].mark[u];

			if (m != 1 && m != 2)
				continue;
			unit_place(ic, u, &art, &s);
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
load_coders(struct store *st, struct intercoder *ic)
{
	size_t c;

	for (c = 0; c < 2; c++) {
		struct store_anno_filter f = { .status = -1,
			.states = STORE_ANNO_STATE_BIT(STORE_ANNO_ACTIVE), .coder = ic->coder[c] };
		int known = store_anno_coder_known(st, ic->coder[c]);

		if (known < 0)
			return -1;
		if (known == 0)
			return err_set("no annotations by a coder named '%s'", ic->coder[c]);
		if (store_anno_list(st, &f, &ic->rows[c], &ic->nrows[c]) != 0)
			return -1;
	}
	return 0;
}

static int
cmd_intercoder_exec(struct cmd_ctx *ctx, const struct args *a)
{
	struct intercoder ic = { 0 };
	struct store_tag tag;
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
	rc = load_coders(st, &ic);
	if (rc == 0 && ic.tag != NULL && (rc = store_tag_find(st, ic.tag, &tag)) >= 0) {
		if (rc == 1)
			rc = err_set("no tag named '%s' (dossier tag lists them)", ic.tag);
		else
			store_tag_free(&tag);
	}
	if (rc == 0)
		rc = common_articles(st, &ic);
	if (rc == 0 && ic.narts == 0)
		rc = err_set("'%s' and '%s' have coded no article in common", ic.coder[0],
		    ic.coder[1]);
	if (rc == 0) {
		mark_units(&ic);
		if (args_has(a, "json"))
			rc = print_json(st, &ic);
		else
			print_text(&ic);
	}
	if (rc != 0)
		err_print("intercoder");
	intercoder_free(&ic);
	free(coders);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}
