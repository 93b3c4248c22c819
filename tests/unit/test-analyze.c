/* test-analyze.c: extraction into the database: the five seed articles
 * analysed and scored against the gold (the quality floors), the shipped
 * knowledge base against the user's additions, candidates, re-analysis. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "extract.h"
#include "store.h"
#include "tap.h"
#include "text.h"
#include "util.h"

static struct text_rules *rules;

/* Whether LINE is page chrome, a title or a comment per the gold's
 * boilerplate list: the seed files are raw pages, and the importer's
 * cleaning is not what is measured here. */
static int
boilerplate(const char *bp, const char *file, const char *line, size_t len, int *title)
{
	char *copy = xstrdup(bp), *row, *save = NULL;
	int hit = 0;

	*title = 0;
	for (row = strtok_r(copy, "\n", &save); row != NULL && !hit; row = strtok_r(NULL, "\n", &save)) {
		char *f = row, *role, *text;
		if (row[0] == '#' || (role = strchr(f, '\t')) == NULL)
			continue;
		*role++ = '\0';
		if ((text = strchr(role, '\t')) == NULL)
			continue;
		*text++ = '\0';
		if (strcmp(f, file) != 0 || len < strlen(text) || strncmp(line, text, strlen(text)) != 0)
			continue;
		hit = 1;
		*title = strcmp(role, "title") == 0;
		/* A comment runs to the end of the file. */
		if (strcmp(role, "comments") == 0)
			hit = 2;
	}
	free(copy);
	return hit;
}

/* Stores article A (its body set) cut into paragraphs and sentences, as
 * the importer cuts it, and analyses it in one transaction; TITLE is what
 * extraction is told the title is (NULL: none). */
static int
store_analyzed(struct store *st, struct analyzer *an, struct store_article *a, const char *title)
{
	struct text_span *p, *s, *sp, *ss = NULL;
	size_t np, ns = 0, n, i, j;
	enum store_added how;
	int rc;

	np = text_paragraphs(a->body, a->body_len, &p);
	sp = xreallocarray(NULL, np + 1, sizeof *sp);
	for (i = 0; i < np; i++) {
		sp[i] = p[i];
		n = text_sentences(rules, a->body + p[i].start, p[i].end - p[i].start, &s);
		ss = xreallocarray(ss, ns + n + 1, sizeof *ss);
		for (j = 0; j < n; j++) {
			ss[ns].start = p[i].start + s[j].start;
			ss[ns++].end = p[i].start + s[j].end;
		}
		free(s);
	}
	rc = store_begin(st);
	if (rc == 0)
		rc = store_article_add(st, a, &how);
	if (rc == 0)
		rc = store_spans_add(st, a->id, sp, np, ss, ns);
	if (rc == 0)
		rc = analyzer_article(an, a->id, a->body, a->body_len, sp, np, ss, ns, NULL, title);
	rc = rc == 0 ? store_commit(st) : (store_rollback(st), -1);
	free(p);
	free(sp);
	free(ss);
	return rc;
}

static int
import_seed(struct store *st, struct analyzer *an, const char *dir, const char *file,
    const char *bp)
{
	char *path = xasprintf("%s/seeds/%s", dir, file), *raw, *line, *next;
	struct buf body, title, nfc;
	struct store_article a;
	size_t len;
	int t, b, rc;

	if (path_read_file(path, 1 << 20, &raw, &len) != 0)
		return -1;
	buf_init(&body);
	buf_init(&title);
	buf_init(&nfc);
	for (line = raw; line != NULL; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		if ((b = boilerplate(bp, file, line, strlen(line), &t)) == 2)
			break;
		if (b) {
			if (t && title.len == 0)
				buf_adds(&title, line);
			continue;
		}
		if (line[strspn(line, " \t\r")] == '\0')
			continue;
		buf_adds(&body, line);
		buf_addc(&body, '\n');
	}
	text_nfc(body.data, body.len, &nfc);
	memset(&a, 0, sizeof a);
	a.title = title.len ? title.data : (char *)(uintptr_t)file;
	a.body = nfc.data;
	a.body_len = nfc.len;
	a.source = path;
	a.format = (char *)(uintptr_t)"text";
	rc = store_analyzed(st, an, &a, NULL);
	free(a.hash);
	free(a.imported);
	buf_free(&body);
	buf_free(&title);
	buf_free(&nfc);
	free(raw);
	free(path);
	return rc;
}

static void
warn_cb(void *arg, const char *msg)
{
	(*(int *)arg)++;
	diag("%s", msg);
}

static void
test_seeds(struct store *st, struct analyzer *an)
{
	const char *dir = tap_seeds_dir();
	char *gold = xasprintf("%s/seeds-gold", dir), *bpath = xasprintf("%s/boilerplate.tsv", gold);
	char *bp, *line, *save = NULL;
	struct extract_gold *g;
	const char *const *files;
	struct extract_eval_scores sc;
	struct buf misses;
	size_t n, i, len;

	if (path_read_file(bpath, 1 << 20, &bp, &len) != 0 || extract_gold_load(gold, &g) != 0)
		tap_bail("%s", err_msg());
	n = extract_gold_files(g, &files);
	for (i = 0; i < n; i++)
		if (import_seed(st, an, dir, files[i], bp) != 0)
			tap_bail("importing %s: %s", files[i], err_msg());
	ok(analyzer_finish(an) == 0, "the %zu seed articles imported, analysed and linked", n);
	buf_init(&misses);
	ok(analyze_eval(st, gold, &sc, &misses) == 0, "evaluated against the gold");
	for (line = strtok_r(misses.data, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save))
		diag("%s", line);
	is_int((long long)sc.files, (long long)n, "every gold article found by file name");
	diag("entities: recall %.3f (%zu/%zu), precision %.3f (%zu/%zu)", sc.ent_recall,
	    sc.ent_hit_gold, sc.ent_gold, sc.ent_precision, sc.ent_hit_pred, sc.ent_pred);
	diag("statements: recall %.3f (%zu/%zu), precision %.3f (%zu/%zu)", sc.st_recall,
	    sc.st_hit_gold, sc.st_gold, sc.st_precision, sc.st_hit_pred, sc.st_pred);
	diag("related: %.3f of pairs in the top 5 (%zu/%zu)", sc.rel_found, sc.rel_hits,
	    sc.rel_pairs);
	ok(sc.ent_recall >= 0.95, "entity recall %.3f >= 0.95", sc.ent_recall);
	ok(sc.ent_precision >= 0.90, "entity precision %.3f >= 0.90", sc.ent_precision);
	ok(sc.st_recall >= 0.90, "statement recall (right speaker) %.3f >= 0.90", sc.st_recall);
	ok(sc.st_precision >= 0.85, "statement precision %.3f >= 0.85", sc.st_precision);
	ok(sc.rel_found >= 0.80, "related: %.3f of group members in the top 5 >= 0.80", sc.rel_found);
	buf_free(&misses);
	extract_gold_free(g);
	free(bp);
	free(bpath);
	free(gold);
}

/* "speaker: words" of each of ARTICLE's stored statements. */
static char *
stored_statements(struct store *st, int64_t article)
{
	struct store_statement *rows;
	struct buf b;
	size_t n, i;

	if (store_article_statements(st, article, &rows, &n) != 0)
		tap_bail("statements: %s", err_msg());
	buf_init(&b);
	buf_adds(&b, "");
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s: %s", i ? " | " : "", rows[i].speaker ? rows[i].speaker : "?",
		    rows[i].text);
	store_statement_list_free(rows, n);
	return b.data;
}

/* A page that prints its headline again under its lead: the analyzer
 * passes the title to extraction, which takes no statement from the
 * paragraph repeating it, on import and on re-analysis alike; the lead,
 * the first paragraph, speaks even where the title was made from it. */
static void
analyze_titled(struct store *st, struct analyzer *an, const char *source, const char *title,
    const char *body, const char *want, const char *what)
{
	struct store_article a;
	size_t count;
	char *got;

	memset(&a, 0, sizeof a);
	a.title = (char *)(uintptr_t)title;
	a.body = (char *)(uintptr_t)body;
	a.body_len = strlen(body);
	a.source = (char *)(uintptr_t)source;
	a.format = (char *)(uintptr_t)"text";
	if (store_analyzed(st, an, &a, title) != 0)
		tap_bail("importing the article: %s", err_msg());
	got = stored_statements(st, a.id);
	is_str(got, want, "%s", what);
	free(got);
	if (analyzer_refresh_ids(an, &a.id, 1, &count) != 0)
		tap_bail("re-analysing: %s", err_msg());
	got = stored_statements(st, a.id);
	is_str(got, want, "%s, after the article is analysed again", what);
	free(got);
	free(a.hash);
	free(a.imported);
}

static void
test_title_repeated(struct store *st, struct analyzer *an)
{
	analyze_titled(st, an, "title-repeated.txt", "Lavrov says talks with Baku will resume in March",
	    "Lavrov said on Tuesday that the talks with Baku would resume in March.\n"
	    "Lavrov says talks with Baku will resume in March\n",
	    "Sergey Lavrov: Lavrov said on Tuesday that the talks with Baku would resume in March.",
	    "a paragraph repeating the title is no statement");
	analyze_titled(st, an, "title-from-lead.txt", "Lavrov said the talks in Baku went well.",
	    "Lavrov said the talks in Baku went well.\n\nBayramov said the border would stay open.\n",
	    "Sergey Lavrov: Lavrov said the talks in Baku went well. | "
	    "Jeyhun Bayramov: Bayramov said the border would stay open.",
	    "the lead the title was made from is a statement");
}

int
main(void)
{
	char *abbrev = path_data_file("abbrev.txt"), *dbpath;
	struct store *st;
	struct analyzer *an;
	int warnings = 0;

	if (text_rules_load(abbrev, &rules) != 0)
		tap_bail("%s", err_msg());
	dbpath = xasprintf("%s/a.db", tap_tmpdir());
	if (store_open(dbpath, 0, &st) != 0)
		tap_bail("%s", err_msg());
	if (analyzer_new(st, warn_cb, &warnings, &an) != 0)
		tap_bail("analyzer: %s", err_msg());
	is_int(warnings, 0, "the shipped knowledge base loads without warnings");
	test_seeds(st, an);
	test_title_repeated(st, an);
	analyzer_free(an);
	store_close(st);
	text_rules_free(rules);
	free(abbrev);
	free(dbpath);
	return tap_done();
}
