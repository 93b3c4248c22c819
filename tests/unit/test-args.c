/* test-args.c: the command grammar (args.c) on its own. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "tap.h"
#include "util.h"

static const char *const formats[] = { "json", "csv", NULL };

static const struct args_spec search = {
	.name = "search",
	.summary = "search",
	.options = (const struct args_option[]){
		{ "limit", 'l', "N", ARGS_COUNT, NULL, "at most N" },
		{ "json", 'j', NULL, ARGS_WORD, NULL, "JSON" },
		{ "tag", 't', "TAG", ARGS_TAG, NULL, "repeatable" },
		{ "format", 0, "F", ARGS_CHOICE, formats, "format" },
		{ NULL },
	},
	.params = (const struct args_param[]){
		{ "QUERY", ARGS_WORD, NULL, ARGS_MORE, NULL },
		{ NULL },
	},
};

static const struct args_spec add = {
	.name = "add", .summary = "add",
	.params = (const struct args_param[]){ { "NAME", ARGS_WORD, NULL, 0, NULL },
	    { "COLOR", ARGS_WORD, NULL, ARGS_OPTIONAL, NULL }, { NULL } },
};
static const struct args_spec list = { .name = "list", .summary = "list" };
static const struct args_spec tag = {
	.name = "tag", .summary = "tags",
	.subs = (const struct args_spec *const[]){ &list, &add, NULL },
	.default_sub = "list",
};

/* Parses the words of LINE (split on spaces; modified). */
static int
parse(const struct args_spec *spec, char *line, struct args *a)
{
	char *w[32];
	int n = 0;

	for (char *t = strtok(line, " "); t != NULL && n < 32; t = strtok(NULL, " "))
		w[n++] = t;
	return args_parse(spec, n, w, a);
}

static void
test_options_anywhere(void)
{
	struct args a;
	char l1[] = "search corridor --limit 2", l2[] = "search --json corridor talks -l5",
	    l3[] = "search -- --limit 2", l4[] = "search x --limit=7 --tag a -t b";
	char *const *v;

	ok(parse(&search, l1, &a) == ARGS_OK, "an option after the argument");
	ok(a.argc == 1 && strcmp(a.argv[0], "corridor") == 0, "the query is the argument alone");
	is_str(args_get(&a, "limit"), "2", "--limit N after the query");
	args_free(&a);

	ok(parse(&search, l2, &a) == ARGS_OK && a.argc == 2 && args_has(&a, "json") &&
	    strcmp(args_get(&a, "limit"), "5") == 0, "options before, between, short with value");
	args_free(&a);

	ok(parse(&search, l3, &a) == ARGS_OK && a.argc == 2 &&
	    strcmp(a.argv[0], "--limit") == 0 && !args_has(&a, "limit"),
	    "-- ends the options: --limit is a word of the query");
	args_free(&a);

	ok(parse(&search, l4, &a) == ARGS_OK, "--NAME=VALUE and repeats");
	is_str(args_get(&a, "limit"), "7", "--limit=7");
	is_int((long long)args_values(&a, "tag", &v), 2, "two --tag");
	ok(strcmp(v[0], "a") == 0 && strcmp(v[1], "b") == 0, "in order");
	args_free(&a);
}

static void
test_errors(void)
{
	struct args a;
	char l1[] = "search corridor --bogus", l2[] = "search corridor --limit",
	    l3[] = "search", l4[] = "search x --json=1", l5[] = "search x --help",
	    l6[] = "search -- --help";

	ok(parse(&search, l1, &a) == -1 && strstr(err_msg(), "--bogus") != NULL,
	    "an unknown option is named: %s", err_msg());
	args_free(&a);
	ok(parse(&search, l2, &a) == -1 && strstr(err_msg(), "needs a value") != NULL,
	    "a missing value: %s", err_msg());
	args_free(&a);
	ok(parse(&search, l3, &a) == -1 && strstr(err_msg(), "QUERY") != NULL,
	    "a missing argument is named: %s", err_msg());
	args_free(&a);
	ok(parse(&search, l4, &a) == -1, "a flag takes no value");
	args_free(&a);
	ok(parse(&search, l5, &a) == ARGS_HELP, "--help anywhere asks for help");
	args_free(&a);
	ok(parse(&search, l6, &a) == ARGS_OK && a.argc == 1, "but not after --");
	args_free(&a);
}

static void
test_subcommands(void)
{
	struct args a;
	char l1[] = "tag", l2[] = "tag add claim none", l3[] = "tag paint x",
	    l4[] = "tag add", l5[] = "tag add a b c";

	ok(parse(&tag, l1, &a) == ARGS_OK && a.spec == &list && a.parent == &tag,
	    "no subcommand: the default");
	args_free(&a);
	ok(parse(&tag, l2, &a) == ARGS_OK && a.spec == &add && a.argc == 2 &&
	    strcmp(a.argv[1], "none") == 0, "the subcommand's own arguments");
	args_free(&a);
	ok(parse(&tag, l3, &a) == -1 && strstr(err_msg(), "paint") != NULL,
	    "an unknown subcommand: %s", err_msg());
	args_free(&a);
	ok(parse(&tag, l4, &a) == -1 && a.spec == &add, "too few for the subcommand");
	args_free(&a);
	ok(parse(&tag, l5, &a) == -1 && strstr(err_msg(), "'c'") != NULL,
	    "too many: %s", err_msg());
	args_free(&a);
}

static void
test_usage(void)
{
	struct buf b;

	buf_init(&b);
	args_usage(&search, &b);
	is_str(b.data, "[--limit N] [--json] [--tag TAG] [--format F] QUERY...", "usage line");
	buf_free(&b);
	buf_init(&b);
	args_usage(&tag, &b);
	is_str(b.data, "list | add NAME [COLOR]", "subcommands' usage");
	buf_free(&b);
	buf_init(&b);
	args_help(&search, "dossier", &b);
	ok(strncmp(b.data, "usage: dossier search [--limit N]", 33) == 0 &&
	    strstr(b.data, "-l, --limit N") != NULL, "help: usage and each option");
	buf_free(&b);
}

int
main(void)
{
	test_options_anywhere();
	test_errors();
	test_subcommands();
	test_usage();
	return tap_done();
}
