/*
 * tap.h: a small Test Anything Protocol helper for the C unit tests. Each
 * check prints "ok N - name" or "not ok N - name" with a diagnostic; the
 * automake TAP driver counts them.
 */
#ifndef DOSSIER_TAP_H
#define DOSSIER_TAP_H

#include <stddef.h>

#if defined(__GNUC__)
#define TAP_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define TAP_PRINTF(f, a)
#endif

int tap_ok(int cond, const char *file, int line, const char *fmt, ...) TAP_PRINTF(4, 5);
int tap_is_int(long long got, long long want, const char *file, int line, const char *fmt, ...)
    TAP_PRINTF(5, 6);
int tap_is_str(const char *got, const char *want, const char *file, int line,
    const char *fmt, ...) TAP_PRINTF(5, 6);
int tap_is_mem(const void *got, size_t gotlen, const void *want, size_t wantlen,
    const char *file, int line, const char *fmt, ...) TAP_PRINTF(7, 8);
void tap_diag(const char *fmt, ...) TAP_PRINTF(1, 2);
void tap_skip(const char *why);
void tap_bail(const char *fmt, ...) TAP_PRINTF(1, 2);
/* Prints the plan "1..N" and returns the exit status (0 if all passed). */
int tap_done(void);
/* A temporary directory removed at exit; returns its path. */
const char *tap_tmpdir(void);
/* $SEEDS_DIR or ../shared/corpus: tests that need the seed corpus bail out
 * (fail, not skip) when it is missing. */
const char *tap_seeds_dir(void);

#define ok(c, ...) tap_ok((c), __FILE__, __LINE__, __VA_ARGS__)
#define is_int(g, w, ...) tap_is_int((g), (w), __FILE__, __LINE__, __VA_ARGS__)
#define is_str(g, w, ...) tap_is_str((g), (w), __FILE__, __LINE__, __VA_ARGS__)
#define is_mem(g, gl, w, wl, ...) tap_is_mem((g), (gl), (w), (wl), __FILE__, __LINE__, __VA_ARGS__)
#define diag tap_diag

#endif
