/*
 * util-arena.c: bump allocation for per-article analysis. Extraction makes
 * many small objects whose lifetimes all end together; one arena_free()
 * replaces thousands of free() calls and cannot leak one of them.
 */
#include "config.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct arena_block {
	struct arena_block *next;
	size_t used, cap;
	alignas(max_align_t) unsigned char data[];
};

#define ARENA_BLOCK_MIN ((size_t)64 * 1024)

void
arena_init(struct arena *a)
{
	a->head = NULL;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_block *b = a->head;
	size_t align = alignof(max_align_t), cap;

	n = (n + align - 1) & ~(align - 1);
	if (b == NULL || b->cap - b->used < n) {
		cap = n > ARENA_BLOCK_MIN ? n : ARENA_BLOCK_MIN;
		b = xmalloc(sizeof *b + cap);
		b->next = a->head;
		b->used = 0;
		b->cap = cap;
		a->head = b;
	}
	b->used += n;
	return b->data + b->used - n;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
arena_free(struct arena *a)
{
	struct arena_block *b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
}
