/* test-extract-titles.c: who holds a title is looked for among the people
 * the title's last word indexes (extract-titles.c): the index finds every
 * person a walk over the whole knowledge base finds, each once, and no
 * holder of a title of another last word, however many people found from
 * context hold roles. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/extract-int.h"   /* the index is the extractor's own */
#include "kb.h"
#include "tap.h"
#include "util.h"

static const char kb_text[] =
    "person\tSergey Lavrov\t\t\tForeign Minister of Russia\n"
    "person\tHanna Vell\t\t\tForeign Minister of Estonia | Defence Minister of Estonia\n"
    "person\tLiis Tamm\t\t\tSpokesperson of the Ministry of Foreign Affairs of Estonia\n"
    "person\tOtto Vell\t\t\tPresident of Estonia\n"
    "person\tMarta Kuusk\t\t\tChairwoman of the Ministry of Foreign Affairs of Estonia\n"
    "person\tJaan Saar\t\t\tChair\n"
    "person\tArmen Avakian\n"
    "organization\tMinistry of Foreign Affairs of Estonia\n"
    "organization\tEstonian Press Office\t\t\tSpokesperson\n"
    "state\tEstonia\n"
    "state\tRussia\n";

static const char *const cues[] = {
	"foreign minister", "FOREIGN MINISTER", "minister", "Minister", "spokeswoman",
	"spokesman", "spokesperson", "spokes", "president", "presidents", "chair",
	"chairman", "chairwoman", "defence minister", "press secretary", "", "of estonia",
};

/* How many people a role of whom CUE fits, by a walk over every entity. */
static size_t
fits_by_walk(const struct kb *kb, const char *cue, int *has)
{
	size_t i, j, n = 0;

	for (i = 0; i < kb->n; i++) {
		has[i] = 0;
		if (kb->ents[i].kind != KB_PERSON)
			continue;
		for (j = 0; j < kb->ents[i].nroles; j++)
			if (extract_title_fits(cue, kb->ents[i].roles[j].title))
				has[i] = 1;
		n += (size_t)has[i];
	}
	return n;
}

/* Every cue: the index's people are each once, and among them are all
 * the walk finds. */
static void
check_cues(const struct kb *kb, const char *what)
{
	struct extract_titles *t = extract_titles_new(kb);
	const struct extract_title_holder *h;
	int *has = xcalloc(kb->n + 1, sizeof *has), *seen = xcalloc(kb->n + 1, sizeof *seen);
	size_t i, j, n, want, got;
	int twice;

	for (i = 0; i < ARRAY_LEN(cues); i++) {
		want = fits_by_walk(kb, cues[i], has);
		h = extract_titles_find(t, cues[i], &n);
		memset(seen, 0, (kb->n + 1) * sizeof *seen);
		for (j = got = 0, twice = 0; j < n; j++) {
			twice |= seen[h[j].entity]++ > 0;
			got += (size_t)has[h[j].entity];
		}
		ok(!twice && got == want, "%s: \"%s\" finds the %zu people a walk finds, each once",
		    what, cues[i], want);
	}
	free(has);
	free(seen);
	extract_titles_free(t);
}

static void
test_index(void)
{
	struct kb *kb = kb_new();
	struct extract_titles *t;
	const struct extract_title_holder *h;
	char name[64];
	size_t n;
	int i, e;

	kb_parse(kb, "test", kb_text, sizeof kb_text - 1, KB_ORIGIN_KB, NULL, NULL);
	kb_resolve(kb, NULL, NULL);
	check_cues(kb, "the shipped people");

	t = extract_titles_new(kb);
	h = extract_titles_find(t, "foreign minister", &n);
	ok(n == 2 && h[0].entity == kb_find(kb, "Sergey Lavrov") && h[1].entity == kb_find(kb, "Hanna Vell"),
	    "the two foreign ministers, a person of two such roles once");
	h = extract_titles_find(t, "spokeswoman", &n);
	ok(n == 1 && h[0].entity == kb_find(kb, "Liis Tamm"),
	    "the spokeswoman: the spokesperson, not a body with the role");
	extract_titles_find(t, "press secretary", &n);
	is_int((long long)n, 0, "a title no one holds finds no one");
	extract_titles_free(t);

	/* People found from context with roles of other titles: the index
	 * of a title does not grow with them. */
	for (i = 0; i < 2000; i++) {
		snprintf(name, sizeof name, "Found Person %d", i);
		e = kb_add(kb, KB_PERSON, name, KB_ORIGIN_CANDIDATE);
		kb_add_role(kb, e, i % 2 == 0 ? "Governor" : "Deputy Minister", NULL, NULL, KB_ORIGIN_CANDIDATE);
	}
	e = kb_add(kb, KB_PERSON, "Found Minister", KB_ORIGIN_CANDIDATE);
	kb_add_role(kb, e, "Finance Minister", NULL, NULL, KB_ORIGIN_CANDIDATE);
	kb_resolve(kb, NULL, NULL);
	check_cues(kb, "with 2,001 found holders");
	t = extract_titles_new(kb);
	extract_titles_find(t, "minister", &n);
	is_int((long long)n, 1003, "\"minister\": the 1,003 ministers among 2,007 holders");
	extract_titles_find(t, "foreign minister", &n);
	is_int((long long)n, 2, "\"foreign minister\": the two of that whole title, not every minister");
	extract_titles_find(t, "Deputy minister", &n);
	is_int((long long)n, 1000, "\"deputy minister\": the thousand deputies, letter case aside");
	extract_titles_find(t, "governor", &n);
	is_int((long long)n, 1000, "\"governor\": the thousand governors");
	extract_titles_free(t);
	kb_free(kb);
}

int
main(void)
{
	test_index();
	return tap_done();
}
