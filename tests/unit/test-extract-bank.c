/* test-extract-bank.c: the bank of attribution constructions
 * (tests/data/statements-bank/): short sentences written for the test in
 * the styles of wire news (English, Russian, Turkish, Azerbaijani and
 * Armenian), each with the speakers a careful reader would name, run
 * through extraction against the bank's own knowledge base. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "kb.h"
#include "tap.h"
#include "text.h"
#include "util.h"

static struct kb *kb;
static struct extractor *ex;
static struct text_rules *rules;

/* Runs extraction over TEXT (paragraphs split on newlines), dated DATE. */
static void
run(const char *text, const char *date, struct arena *a, struct extract_result *res)
{
	struct text_span *p, *sent = NULL, *ss;
	size_t np, ns = 0, n, i, j, len = strlen(text);
	struct extract_input in;

	np = text_paragraphs(text, len, &p);
	for (i = 0; i < np; i++) {
		n = text_sentences(rules, text + p[i].start, p[i].end - p[i].start, &ss);
		sent = xreallocarray(sent, ns + n + 1, sizeof *sent);
		for (j = 0; j < n; j++) {
			sent[ns].start = p[i].start + ss[j].start;
			sent[ns++].end = p[i].start + ss[j].end;
		}
		free(ss);
	}
	memset(&in, 0, sizeof in);
	in.body = text;
	in.len = len;
	in.paragraphs = p;
	in.nparagraphs = np;
	in.sentences = sent;
	in.nsentences = ns;
	in.date = date;
	arena_init(a);
	if (extract_article(ex, &in, a, res) != 0)
		tap_bail("extract_article: %s", err_msg());
	free(p);
	free(sent);
}

static const char *
name_of(const struct extract_result *r, int e)
{
	return e >= 0 ? kb->ents[e].name : r->candidates[-e - 1].name;
}

/* One row, "construction<TAB>speakers<TAB>text": the speakers of the
 * statements in text order joined by " | ", "-" for none; "\n" in the text
 * is a paragraph break. */
static void
check_row(const char *file, size_t lineno, char *line)
{
	char *what = line, *want, *text, *s, *d;
	struct extract_result r;
	struct arena a;
	struct buf got, all;
	size_t i;

	want = strchr(what, '\t');
	text = want != NULL ? strchr(want + 1, '\t') : NULL;
	if (want == NULL || text == NULL) {
		tap_bail("%s:%zu: expected construction<TAB>speakers<TAB>text", file, lineno);
		return;
	}
	*want++ = '\0';
	*text++ = '\0';
	for (s = d = text; *s != '\0'; s++) {
		if (s[0] == '\\' && s[1] == 'n') {
			*d++ = '\n';
			s++;
		} else
			*d++ = *s;
	}
	*d = '\0';
	run(text, "2023-01-20", &a, &r);
	buf_init(&got);
	buf_init(&all);
	for (i = 0; i < r.nstatements; i++) {
		const struct extract_statement *st = &r.statements[i];
		buf_printf(&got, "%s%s", i ? " | " : "", name_of(&r, st->speaker));
		buf_printf(&all, "%s%s: %.*s", i ? " | " : "", name_of(&r, st->speaker),
		    (int)(st->end - st->start), text + st->start);
	}
	if (!is_str(r.nstatements ? got.data : "-", want, "%s:%zu: %s", file, lineno, what))
		diag("statements: %s", all.data ? all.data : "(none)");
	buf_free(&got);
	buf_free(&all);
	arena_free(&a);
}

int
main(void)
{
	const char *top = getenv("top_srcdir");
	char *dir = xstrdup(path_data_dir()), *abbrev = path_data_file("abbrev.txt");
	char bankdir[4096], path[4200], *data, *line, *next;
	size_t len, lineno = 0;

	snprintf(bankdir, sizeof bankdir, "%s/tests/data/statements-bank", top ? top : ".");
	snprintf(path, sizeof path, "%s/kb.tsv", bankdir);
	kb = kb_new();
	if (kb_load_file(kb, path, KB_ORIGIN_KB, NULL, NULL) != 0)
		tap_bail("%s: %s", path, err_msg());
	kb_resolve(kb, NULL, NULL);
	if (extractor_new(kb, dir, &ex) != 0 || text_rules_load(abbrev, &rules) != 0)
		tap_bail("%s", err_msg());
	snprintf(path, sizeof path, "%s/bank.tsv", bankdir);
	if (path_read_file(path, 1 << 20, &data, &len) != 0)
		tap_bail("%s: %s", path, err_msg());
	for (line = data; line != NULL && *line != '\0'; line = next) {
		lineno++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (*line == '\0' || *line == '#')
			continue;
		check_row("bank.tsv", lineno, line);
	}
	free(data);
	extractor_free(ex);
	text_rules_free(rules);
	kb_free(kb);
	free(dir);
	free(abbrev);
	return tap_done();
}
