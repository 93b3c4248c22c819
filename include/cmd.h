/*
 * cmd.h: subcommands. Each cmd-NAME.c file defines one `const struct
 * cmd_entry cmd_NAME_entry` at its top and one exec function; cmd-table.c
 * lists them; main.c parses the global options and dispatches.
 *
 * Commands are the only code (besides main) that prints errors and
 * chooses exit statuses (see EXIT_* in util.h).
 */
#ifndef DOSSIER_CMD_H
#define DOSSIER_CMD_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "util.h"

struct store;

/* What the global options chose, handed to every command. */
struct cmd_ctx {
	const char *db_path;   /* --db, $DOSSIER_DB or the XDG default */
	int quiet;             /* --quiet: no progress, no warnings */
	struct store *store;   /* opened on demand by cmd_store() */
	int store_flags;
};

struct cmd_entry {
	const char *name;
	const char *usage;     /* after "dossier NAME " */
	const char *summary;   /* one line for --help */
	int (*exec)(struct cmd_ctx *ctx, int argc, char **argv);
};

/* cmd-table.c */
extern const struct cmd_entry *const cmd_table[];
const struct cmd_entry *cmd_find(const char *name);

/* cmd-context.c */
/* Opens the database named by the context (once); prints the error and
 * returns NULL on failure. */
struct store *cmd_store(struct cmd_ctx *ctx, int flags);
void cmd_ctx_free(struct cmd_ctx *ctx);
/* 0 when a command may write PATH ("-" or NULL: standard output): never
 * over the open database or another SQLite file, and over an existing file
 * only with FORCE; else -1 with a one-line reason (err_set). */
int cmd_check_output(const struct store *st, const char *path, int force);
/* Prints "dossier: NAME: MESSAGE" and the usage line; returns EXIT_USAGE. */
int cmd_usage_error(const struct cmd_entry *e, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* cmd-print.c: what several commands print or read the same way.
 *
 * Everything a command writes that holds text from outside (titles,
 * bodies, links, outlets, notes, file names, messages naming them) goes
 * through the safe-text rule (text_safe, with line ends kept): these
 * functions are the way to print it. */
void cmd_printf(const char *fmt, ...) PRINTFLIKE(1, 2);    /* standard output */
/* A message on standard error: one line (a newline inside it, as in a
 * file's name, is shown as ^J), with the final newline FMT gives. */
void cmd_eprintf(const char *fmt, ...) PRINTFLIKE(1, 2);
void cmd_veprintf(const char *fmt, va_list ap);
/* S and a newline on standard output, as puts. */
void cmd_puts(const char *s);
/* LEN bytes of S on F, line ends kept; and as one line. */
void cmd_write(FILE *f, const char *s, size_t len);
void cmd_write_line(FILE *f, const char *s, size_t len);
/* Prints "dossier: CONTEXT: MESSAGE" (or without context) to stderr. */
void err_print(const char *context);
void warn_print(const char *fmt, ...) PRINTFLIKE(1, 2);
/* Warnings go to stderr unless quiet; main sets this from --quiet. */
void warn_set_quiet(int quiet);
/* TEXT on one line (runs of white space as one space), at most MAX bytes
 * of whole characters, "…" where it was cut. */
void cmd_print_excerpt(const char *text, size_t max);
/* A --limit/--offset value: a whole number, 0 allowed; -1 otherwise. */
int cmd_parse_count(const char *s, size_t *out);
/* An id (of an article, a statement, an annotation): digits only, 1 to
 * INT64_MAX; -1 for anything else, a number too large included (it is
 * never taken for the largest id). */
int cmd_parse_id(const char *s, int64_t *out);

#endif
