/* test-kb.c: the knowledge-base format, lookups and the shipped files. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kb.h"
#include "tap.h"
#include "util.h"

struct warnings {
	char *msg[16];
	size_t n;
};

static void
collect(void *arg, const char *msg)
{
	struct warnings *w = arg;

	if (w->n < ARRAY_LEN(w->msg))
		w->msg[w->n++] = xstrdup(msg);
}

static void
clear(struct warnings *w)
{
	while (w->n > 0)
		free(w->msg[--w->n]);
}

static const char good[] =
    "# a comment\n"
    "\n"
    "person\tSergey Lavrov\tSergei Lavrov | Lavrov\t\tForeign Minister of Russia, 2004-03-09\xE2\x80\x93\n"
    "state\tRussia\tRussian | Moscow\r\n"
    "agreement\tTrilateral statement\tNovember statement\t2020-11-09/2020-11-10\t\tArmenia | Russia\n"
    "state\tArmenia\n"
    "person\tAra Ayvazyan\t\t\tForeign Minister of Armenia, 2020-11-18--2021-05-31\n";

static void
test_parse(void)
{
	struct kb *kb = kb_new();
	struct warnings w = { { 0 }, 0 };
	const struct kb_entity *e;
	size_t skipped;
	int i;

	skipped = kb_parse(kb, "good.tsv", good, sizeof good - 1, KB_ORIGIN_KB, collect, &w);
	kb_resolve(kb, collect, &w);
	is_int((long long)skipped, 0, "a good file loads without skipping lines");
	is_int((long long)w.n, 0, "and without warnings%s%s", w.n ? ": " : "", w.n ? w.msg[0] : "");
	is_int((long long)kb->n, 5, "five entities");
	i = kb_find(kb, "Sergey Lavrov");
	ok(i >= 0, "found by canonical name");
	is_int(kb_lookup(kb, "sergei LAVROV"), i, "found by alias, any case");
	is_int(kb_lookup(kb, "Lavrov"), i, "found by surname");
	e = &kb->ents[i];
	is_int((long long)e->nroles, 1, "one role");
	is_str(e->roles[0].title, "Foreign Minister", "role title split from its state");
	is_int(e->roles[0].of, kb_find(kb, "Russia"), "role held for Russia");
	is_str(e->roles[0].since, "2004-03-09", "role start");
	ok(e->roles[0].until == NULL, "role still held");
	ok(kb_role_active(&e->roles[0], "2023-01-01") && !kb_role_active(&e->roles[0], "2000-01-01"),
	    "role active by date");
	e = &kb->ents[kb_find(kb, "Ara Ayvazyan")];
	is_str(e->roles[0].until, "2021-05-31", "ASCII -- separates dates too");
	e = &kb->ents[kb_find(kb, "Trilateral statement")];
	is_str(e->date, "2020-11-09/2020-11-10", "agreement date range");
	is_int((long long)e->nparties, 2, "two parties");
	ok(e->parties[0] == kb_find(kb, "Armenia") && e->parties[1] == kb_find(kb, "Russia"),
	    "parties resolved, even when defined later");
	kb_free(kb);
}

static const char bad[] =
    "person\tGood One\n"
    "persona\tTypo Kind\n"
    "person\n"
    "agreement\tBad Date\t\t2020-13-01\n"
    "person\tBad Role\t\t\tMinister, 2020-99\xE2\x80\x93\n"
    "state\tGood One\n"
    "agreement\tDangling\t\t2020\t\tNowhere\n"
    "place\tGood Two\ta\tb\tc\td\te\n"
    "place\tGood Three\n";

static void
test_errors(void)
{
	struct kb *kb = kb_new();
	struct warnings w = { { 0 }, 0 };
	size_t skipped, i;

	skipped = kb_parse(kb, "bad.tsv", bad, sizeof bad - 1, KB_ORIGIN_KB, collect, &w);
	kb_resolve(kb, collect, &w);
	is_int((long long)skipped, 5, "five bad lines skipped");
	for (i = 0; i < w.n; i++)
		diag("%s", w.msg[i]);
	ok(w.n == 7, "one message per problem (%zu)", w.n);
	ok(w.n > 0 && strncmp(w.msg[0], "bad.tsv:2: expected a kind", 26) == 0,
	    "message names file:line and what was expected");
	ok(w.n > 2 && strstr(w.msg[2], "bad.tsv:4:") && strstr(w.msg[2], "date"), "bad date named");
	ok(w.n > 3 && strstr(w.msg[3], "bad.tsv:5:") && strstr(w.msg[3], "role"), "bad role named");
	ok(w.n > 4 && strstr(w.msg[4], "bad.tsv:6:") && strstr(w.msg[4], "already a person"),
	    "kind conflict named");
	ok(kb_find(kb, "Good One") >= 0 && kb_find(kb, "Good Three") >= 0 &&
	    kb_find(kb, "Bad Role") >= 0, "the rest of the file still loads");
	ok(kb_find(kb, "Typo Kind") < 0 && kb_find(kb, "Bad Date") < 0, "bad lines do not");
	ok(w.n > 6 && strstr(w.msg[6], "party 'Nowhere'"), "unknown party named");
	clear(&w);
	kb_free(kb);
}

static void
test_format(void)
{
	struct kb *kb = kb_new(), *again = kb_new();
	struct buf out, out2;
	size_t i;
	int idx;

	kb_parse(kb, "good.tsv", good, sizeof good - 1, KB_ORIGIN_KB, NULL, NULL);
	kb_resolve(kb, NULL, NULL);
	buf_init(&out);
	buf_init(&out2);
	for (i = 0; i < kb->n; i++)
		kb_format(kb, (int)i, 0, &out);
	kb_parse(again, "out.tsv", out.data, out.len, KB_ORIGIN_KB, NULL, NULL);
	kb_resolve(again, NULL, NULL);
	for (i = 0; i < again->n; i++)
		kb_format(again, (int)i, 0, &out2);
	is_str(out2.data, out.data, "export reads back to the same export");
	ok(strstr(out.data, "person\tSergey Lavrov\tSergei Lavrov | Lavrov\t\t"
	    "Foreign Minister of Russia, 2004-03-09\xE2\x80\x93\n") != NULL, "a person's line");
	buf_reset(&out);
	kb_format(kb, kb_find(kb, "Russia"), 1, &out);
	is_int((long long)out.len, 0, "nothing of the user's to export");
	idx = kb_find(kb, "Russia");
	kb_add_alias(kb, idx, "Kremlin", KB_ORIGIN_USER);
	kb_format(kb, idx, 1, &out);
	is_str(out.data, "state\tRussia\tKremlin\n", "only the user's alias exported");
	buf_free(&out);
	buf_free(&out2);
	kb_free(kb);
	kb_free(again);
}

/* The shipped files load cleanly and use the canonical names the seed
 * gold uses, so evaluation compares like with like. */
static void
test_shipped(void)
{
	struct kb *kb = kb_new();
	struct warnings w = { { 0 }, 0 };
	char *gold = xasprintf("%s/seeds-gold/entities.tsv", tap_seeds_dir()), *text, *line, *save;
	char *dir = xasprintf("%s/kb", path_data_dir());
	size_t len, missing = 0;
	int r;

	r = kb_load_dir(kb, dir, KB_ORIGIN_KB, collect, &w);
	is_int(r, 0, "shipped knowledge base: no line skipped");
	is_int((long long)w.n, 0, "shipped knowledge base: no warning%s%s", w.n ? ": " : "",
	    w.n ? w.msg[0] : "");
	ok(kb->n > 100, "shipped knowledge base has %zu entities", kb->n);
	ok(path_read_file(gold, 1 << 20, &text, &len) == 0, "gold entities read");
	for (line = strtok_r(text, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
		char *f[3];
		if (line[0] == '#' || (f[0] = strtok(line, "\t")) == NULL ||
		    (f[1] = strtok(NULL, "\t")) == NULL || (f[2] = strtok(NULL, "\t")) == NULL)
			continue;
		if (kb_find(kb, f[2]) < 0) {
			diag("not in the knowledge base: %s", f[2]);
			missing++;
		}
	}
	is_int((long long)missing, 0, "every canonical name of the gold is in the KB");
	free(text);
	free(gold);
	free(dir);
	clear(&w);
	kb_free(kb);
}

/* The holders of roles are listed apart, each once, so that who holds a
 * title is looked for among them and not among every name. */
static void
test_holders(void)
{
	struct kb *kb = kb_new();
	int lavrov, ayvazyan, found;

	kb_parse(kb, "good.tsv", good, sizeof good - 1, KB_ORIGIN_KB, NULL, NULL);
	found = kb_add(kb, KB_PERSON, "Tamsin Holloway", KB_ORIGIN_CANDIDATE);
	kb_resolve(kb, NULL, NULL);
	lavrov = kb_find(kb, "Sergey Lavrov");
	ayvazyan = kb_find(kb, "Ara Ayvazyan");
	is_int((long long)kb->nholders, 2, "two of six entities hold roles");
	ok(kb->nholders == 2 && kb->holders[0] == lavrov && kb->holders[1] == ayvazyan,
	    "the holders, in index order");
	kb_add_role(kb, lavrov, "Minister", NULL, NULL, KB_ORIGIN_USER);
	is_int((long long)kb->nholders, 2, "a second role lists its holder once");
	kb_add_role(kb, found, "Spokesperson", NULL, NULL, KB_ORIGIN_USER);
	ok(kb->nholders == 3 && kb->holders[2] == found, "a first role added later lists its holder");
	kb_free(kb);
}

int
main(void)
{
	test_parse();
	test_holders();
	test_errors();
	test_format();
	test_shipped();
	return tap_done();
}
