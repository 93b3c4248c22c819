/*
 * args.h: the one grammar of dossier's commands, whether typed in the
 * shell (`dossier actors 3 --json`) or on the reader's `:` line (`:tag add
 * claim red`). A command declares its options and its positional
 * arguments in a struct args_spec; args_parse reads a command line against
 * it, once, for every command; the help, the usage line in errors and the
 * shell completion are all made from the same declaration, so none of them
 * can drift from what the parser accepts.
 *
 * The grammar: options may come before, between or after the arguments;
 * `--NAME VALUE`, `--NAME=VALUE`, `-L VALUE` and `-LVALUE` give a value;
 * `--` ends the options (every word after it is an argument, "--json"
 * included); `-` alone is an argument (standard input); `--help` or `-h`
 * anywhere before `--` asks for the command's help. A command with
 * subcommands (`tag add`, `kb export`) takes the subcommand as its first
 * argument, and the rest is parsed against the subcommand's declaration.
 *
 * This module knows nothing of what the commands do: the shell's commands
 * (cmd-*.c) and the reader both build on it, so neither depends on the
 * other for it.
 */
#ifndef DOSSIER_ARGS_H
#define DOSSIER_ARGS_H

#include <stddef.h>

#include "util.h"

/* What a value is: for the help text and for completion. */
enum args_kind {
	ARGS_WORD,       /* any text */
	ARGS_COUNT,      /* a whole number */
	ARGS_FILE,       /* a file name */
	ARGS_ARTICLE,    /* an article id */
	ARGS_TAG,        /* a tag of the codebook */
	ARGS_ACTOR,      /* an entity of the knowledge base, by name */
	ARGS_CHOICE,     /* one of a fixed list of words */
	ARGS_COMMAND,    /* a command name */
};

/* The fields are in the order every declaration writes them, positionally
 * ({ "json", 'j', NULL, ARGS_WORD, NULL, "print JSON" }); the padding this
 * costs is a few bytes per option in read-only tables. */
struct args_option {  // NOLINT(clang-analyzer-optin.performance.Padding)
	const char *name;              /* --NAME; NULL ends the list */
	char letter;                   /* -L, or 0 */
	const char *value;             /* the value's name ("N"); NULL for a flag */
	enum args_kind kind;
	const char *const *choices;    /* ARGS_CHOICE: NULL-terminated */
	const char *help;
};

enum {
	ARGS_OPTIONAL = 1 << 0,        /* may be left out (so may all after it) */
	ARGS_MORE = 1 << 1,            /* takes every argument left (last only) */
};

struct args_param {
	const char *name;              /* "ARTICLE"; NULL ends the list */
	enum args_kind kind;
	const char *const *choices;
	unsigned flags;
	const char *missing;           /* the error when it is left out, or NULL:
	                                  "needs NAME" */
};

enum {
	ARGS_HIDDEN = 1 << 0,          /* left out of help and completion lists */
};

struct args_spec {
	const char *name;
	const char *summary;           /* one line */
	const struct args_option *options;   /* may be NULL */
	const struct args_param *params;     /* may be NULL */
	const struct args_spec *const *subs; /* NULL-terminated, or NULL */
	const char *default_sub;       /* run when no subcommand is named */
	unsigned flags;
};

/* One parsed command line. Words are borrowed from the argv parsed. */
struct args_value {
	size_t n;
	char **v;                      /* every value given, in order */
};
struct args {
	const struct args_spec *spec;  /* the command, or its subcommand */
	const struct args_spec *parent;/* the command of a subcommand, or NULL */
	size_t argc;
	char **argv;                   /* the positional arguments */
	struct args_value *opt;        /* one per option of spec, in order */
	size_t nopt;
};

enum {
	ARGS_OK = 0,
	ARGS_HELP = 1,                 /* --help was given: show the help */
};
/* Parses ARGV[1..ARGC) (ARGV[0] is the command's name) against SPEC.
 * Returns ARGS_OK or ARGS_HELP with *out filled (args_free it), or -1
 * with a one-line message (unknown option, missing value, wrong number
 * of arguments) and *out naming the command it was for. */
int args_parse(const struct args_spec *spec, int argc, char **argv, struct args *out);
void args_free(struct args *a);

/* Whether option NAME of a->spec was given; its last value (NULL when not
 * given); and all its values. NAME must be one of the spec's options. */
int args_has(const struct args *a, const char *name);
const char *args_get(const struct args *a, const char *name);
size_t args_values(const struct args *a, const char *name, char *const **v);

/* "[--limit N] [--json] QUERY..." for SPEC (subcommands as
 * "add NAME [COLOR] | rename NAME NEW"), appended to OUT. */
void args_usage(const struct args_spec *spec, struct buf *out);
/* The full help of SPEC: "usage: PREFIX NAME USAGE", the summary, and
 * one line per option and subcommand, appended to OUT. */
void args_help(const struct args_spec *spec, const char *prefix, struct buf *out);

/* The option of SPEC named by WORD ("--json", "--limit=3", "-j"), or NULL. */
const struct args_option *args_option_find(const struct args_spec *spec, const char *word);
/* The subcommand of SPEC named NAME, or NULL. */
const struct args_spec *args_sub_find(const struct args_spec *spec, const char *name);

#endif
