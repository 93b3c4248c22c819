/*
 * util.h: the few things every module shares: the error convention, growable
 * byte buffers, an arena for per-article analysis, and where files live.
 *
 * Error convention: a function that can fail returns 0 (or a count, or a
 * pointer) on success and -1 (or NULL) on failure after calling err_set()
 * with a message that names the place: "foo.html: not valid UTF-8 at byte
 * 812". Only main() and the cmd-*.c files print the message (with
 * err_print, cmd.h) and choose an exit status. Library code never calls
 * exit().
 */
#ifndef DOSSIER_UTIL_H
#define DOSSIER_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define PRINTFLIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTFLIKE(f, a)
#endif

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Exit statuses, documented in dossier(1). */
enum {
	EXIT_OK = 0,
	EXIT_FAIL = 1,    /* the command failed */
	EXIT_USAGE = 2,   /* bad options or arguments */
	EXIT_PARTIAL = 3, /* a batch ran but some inputs were refused */
};

/* util-err.c */
int err_set(const char *fmt, ...) PRINTFLIKE(1, 2);       /* always returns -1 */
int err_prefix(const char *fmt, ...) PRINTFLIKE(1, 2);    /* prepends "X: "; returns -1 */
const char *err_msg(void);
void err_clear(void);
/* The message set and not yet reported (NULL: none), to be put back by
 * err_restore (which frees it) after work whose own failures are handled
 * where they happen and must not replace it. */
char *err_save(void);
void err_restore(char *saved);

/* Allocation that cannot fail: dossier aborts with a message on OOM, since
 * no caller could do anything more useful. */
/* Out of memory: says so on stderr (N: the bytes asked for, 0 when not
 * known) and aborts. The x* allocators below end here. */
_Noreturn void die_oom(size_t n);
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) PRINTFLIKE(1, 2);
char *xvasprintf(const char *fmt, va_list ap);

/* util-buf.c: a growable byte string, always NUL-terminated. */
struct buf {
	char *data;
	size_t len;
	size_t cap;
};
void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_reset(struct buf *b);
void buf_grow(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *p, size_t n);
void buf_addc(struct buf *b, char c);
void buf_adds(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...) PRINTFLIKE(2, 3);
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
char *buf_detach(struct buf *b, size_t *len);  /* caller frees; b is reset */

/* util-arena.c: bump allocation freed all at once, for per-article work. */
struct arena_block;
struct arena {
	struct arena_block *head;
};
void arena_init(struct arena *a);
void *arena_alloc(struct arena *a, size_t n);   /* aligned for any type */
char *arena_strndup(struct arena *a, const char *s, size_t n);
void arena_free(struct arena *a);

/* util-clock.c: seconds on the monotonic clock (differences only mean
 * something). */
double clock_seconds(void);

/* util-path.c: where dossier keeps and finds things. */
/* The database: --db, else $DOSSIER_DB, else $XDG_DATA_HOME/dossier/dossier.db
 * (default ~/.local/share/dossier/). Returns a malloc'd path. */
char *path_default_db(void);
/* $XDG_CONFIG_HOME/dossier/config (default ~/.config/dossier/config). */
char *path_config_file(void);
/* The value of the last "set NAME VALUE" line of the config file,
 * malloc'd; NULL when there is none (or no file). For the settings a
 * command obeys as the reader does (`set fetch-jobs 8`); the reader reads
 * the whole file itself and reports its bad lines. */
char *path_config_setting(const char *name);
/* A whole number from MIN to MAX: GIVEN (an option's value) when not
 * NULL, else the config file's "set NAME N"; *OUT is 0 when neither says.
 * -1 when the value is not such a number. */
int path_config_number(const char *given, const char *name, long min, long max, long *out);
/* $XDG_STATE_HOME/dossier/LEAF (default ~/.local/state/dossier/LEAF):
 * what is kept between runs but is neither data nor configuration. */
char *path_state_file(const char *leaf);
/* Directory holding data/ files (kb/, samples/, chrome.txt, ...):
 * $DOSSIER_DATADIR, else the installed $(pkgdatadir), else the source tree. */
const char *path_data_dir(void);
/* Directory holding *.theme: $DOSSIER_THEMEDIR, else $(pkgdatadir)/themes,
 * else the source tree's themes/. */
const char *path_theme_dir(void);
/* malloc'd "DIR/NAME" for a file under path_data_dir(). */
char *path_data_file(const char *name);
/* Creates DIR and its parents with mode 0700 where missing. */
int path_mkdir_private(const char *dir);
/* Creates the directory holding FILE (0700) where missing. */
int path_mkdir_parent(const char *file);
/* Reads a whole file (at most max bytes; larger is an error naming it);
 * "-" is standard input. Every user file dossier reads comes through here:
 * anything but a regular file (a FIFO, a device, a directory) is refused
 * with an error naming it, without waiting on it. */
int path_read_file(const char *path, size_t max, char **out, size_t *len);
/* The names of DIR's files ending in SUFFIX (".txt"), sorted, hidden
 * ones left out; *names and each name are malloc'd. */
int path_list_dir(const char *dir, const char *suffix, char ***names, size_t *n);
/* S without the blanks and tabs around it (and a CR before its end), in
 * place: a field or line of a data file. */
char *path_trim_field(char *s);
/* Reads a rule file of "[section]" headers and lines: blank lines and
 * lines starting with '#' are skipped, the rest trimmed and given to LINE
 * with the section they are in (NULL before the first header). Stops at
 * the first line LINE refuses (it returns -1 after err_set, naming
 * PATH:LINENO). */
typedef int path_section_line_fn(void *arg, const char *path, unsigned lineno,
    const char *section, char *line);
int path_read_sections(const char *path, path_section_line_fn *line, void *arg);
/* A new empty file beside PATH, "DIR/.NAME.XXXXXX" (mkstemp: mode 0600,
 * a name no one could have planted a link under); returns its descriptor
 * and *TMP (malloc'd), or -1 with a message. */
int path_temp_beside(const char *path, char **tmp);
/* Writes a file atomically: a new temporary file in the same directory
 * (mkstemp: never a name someone could plant a link under), fsync,
 * rename. The file keeps the mode of the one it replaces, else 0600. */
int path_write_atomic(const char *path, const void *data, size_t len);
/* The same with mode 0600 whatever was there: for what is a person's own. */
int path_write_private(const char *path, const void *data, size_t len);

#endif
