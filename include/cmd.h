/*
 * cmd.h: subcommands. Each cmd-NAME.c file defines one `const struct
 * cmd_entry cmd_NAME_entry` at its top, declaring its options and
 * arguments (args.h), and one exec function that reads them already
 * parsed; cmd-table.c lists the entries; main.c parses the global options
 * and hands the rest to cmd_run. The help (`dossier CMD --help`), the
 * usage line of an error and the shell completion (cmd-complete.c) come
 * from the same entries.
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

#include "args.h"
#include "store.h"
#include "text.h"
#include "util.h"

struct store;

/* What the global options chose, handed to every command. */
struct cmd_ctx {
	const char *db_path;   /* --db, $DOSSIER_DB or the XDG default */
	int quiet;             /* --quiet: no progress, no warnings */
	struct store *store;   /* opened on demand by cmd_store() */
	int store_flags;
};

/* A command, or a subcommand (`tag add`): its grammar first, so that the
 * args_spec a parse ends on (a->spec) is the entry that runs it. */
struct cmd_entry {
	struct args_spec spec;
	int (*exec)(struct cmd_ctx *ctx, const struct args *a);
};
#define CMD_SUBS(...) ((const struct args_spec *const[]){ __VA_ARGS__, NULL })

/* cmd-table.c */
extern const struct cmd_entry *const cmd_table[];
const struct cmd_entry *cmd_find(const char *name);
/* The entry of a parsed command line's (sub)command. */
const struct cmd_entry *cmd_of(const struct args *a);
/* Parses ARGV (ARGV[0] the command's name) against E and runs it: with
 * --help, prints its help and returns EXIT_OK; a line that does not parse
 * is reported as cmd_usage_error does. */
int cmd_run(struct cmd_ctx *ctx, const struct cmd_entry *e, int argc, char **argv);

struct import_stats;
/* cmd-print.c: "imported N articles (N new versions), N duplicates, N
 * refused" and a line end, on standard error: one wording for import and
 * fetch. */
void cmd_import_summary(const struct import_stats *s);

/* cmd-context.c */
/* Opens the database named by the context (once); prints the error and
 * returns NULL on failure. */
struct store *cmd_store(struct cmd_ctx *ctx, int flags);
void cmd_ctx_free(struct cmd_ctx *ctx);
/* The entity (actor, agreement, place...) NAME names, by name or alias;
 * else prints "dossier: CMD: no entity is named 'NAME'" (or the store's
 * error) and returns -1. */
int cmd_entity(struct store *st, const char *cmd, const char *name, int64_t *id);
/* 0 when a command may write PATH ("-" or NULL: standard output): never
 * over the open database or another SQLite file, and over an existing file
 * only with FORCE; else -1 with a one-line reason (err_set). */
int cmd_check_output(const struct store *st, const char *path, int force);
/* Prints "dossier: NAME: MESSAGE" and the usage line of the command (or
 * subcommand) parsed; returns EXIT_USAGE. */
int cmd_usage_error(const struct args *a, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* cmd-positions.c: positions shown in characters (--bytes: as stored).
 * cmd_chars turns byte offset *OFF of ARTICLE's body into characters in
 * place (nothing with BYTES); 0, or -1 with the store's message. */
struct cmd_chars {
	struct store *st;
	int bytes;
	int64_t id;                  /* the article mapped, 0 for none */
	char *body;                  /* its first len bytes, */
	size_t len, upto;            /* all of them up to byte upto */
	struct text_charmap map;
};
void cmd_chars_init(struct cmd_chars *c, struct store *st, int bytes);
int cmd_chars(struct cmd_chars *c, int64_t article, size_t *off);
void cmd_chars_free(struct cmd_chars *c);
/* All the offsets of ROWS so (the rows grouped by article). */
int cmd_statement_positions(struct store *st, struct store_statement *rows, size_t n, int bytes);
int cmd_mention_positions(struct store *st, struct store_mention *rows, size_t n, int bytes);

/* cmd-print.c: what several commands print or read the same way.
 *
 * Everything a command writes that holds text from outside (titles,
 * bodies, links, outlets, notes, file names, messages naming them) goes
 * through the safe-text rule (text_safe, with line ends kept): these
 * functions are the way to print it. */
void cmd_printf(const char *fmt, ...) PRINTFLIKE(1, 2);    /* standard output */
/* cmd-memo.c: one memo as a line: id, what it is on, coder, title and
 * the start of its text, tab-separated (memo list, search, report). */
struct store_memo;
void cmd_memo_print_row(const struct store_memo *m);
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
/* S (NULL: nothing) in exactly WIDTH terminal cells, for a column: made
 * safe, padded with spaces, or cut between characters with "…" as its
 * last cell when longer. */
void cmd_print_cell(const char *s, int width);
/* A statement as a line of columns (its score first WITH_SCORE): id,
 * article, date, speaker, at most EXCERPT bytes of its words; and the
 * header naming them. */
void cmd_print_statement_header(int with_score);
void cmd_print_statement(const struct store_statement *r, int with_score, size_t excerpt);
/* A --limit/--offset value: a whole number, 0 allowed; -1 otherwise. */
int cmd_parse_count(const char *s, size_t *out);
/* An id (of an article, a statement, an annotation): digits only, 1 to
 * INT64_MAX; -1 for anything else, a number too large included (it is
 * never taken for the largest id). */
int cmd_parse_id(const char *s, int64_t *out);
/* Option NAME's value as a count into *out when given (left alone when
 * not): 0, or the usage error's status after reporting it. */
int cmd_count_option(const struct args *a, const char *name, size_t *out);
/* The rows to read after those --offset skips for --limit LIMIT (0: all):
 * one more than the page, to tell whether the list goes on; SIZE_MAX for
 * all. */
size_t cmd_page_span(size_t limit);
/* Of N rows read with cmd_page_span after OFFSET skipped, how many are
 * shown; when the list goes on past the page, says on stderr how to see
 * the rest (a script reading stdout sees the page only). */
size_t cmd_page_cut(size_t n, size_t offset, size_t limit);

#endif
