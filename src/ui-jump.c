/*
 * ui-jump.c: the jump list, as in vim. Before a jump (opening an article,
 * following a related statement, going to a search hit or to the end),
 * the current place is recorded; Ctrl-o walks back through the places and
 * Ctrl-i forward again, across articles. A new jump from the middle of the
 * list drops the places ahead of it, as a browser's history does.
 * The list holds places only: the article view records and goes to them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#define DOSSIER_UI_INTERNAL
#include "ui.h"

#define JUMPS_MAX 100

static void
append(struct ui_jumps *j, struct ui_jump p)
{
	if (j->n > 0 && j->v[j->n - 1].article == p.article && j->v[j->n - 1].offset == p.offset)
		return;
	if (j->n == JUMPS_MAX) {
		memmove(j->v, j->v + 1, (j->n - 1) * sizeof *j->v);
		j->n--;
	}
	if (j->n == j->cap) {
		j->cap = j->cap ? j->cap * 2 : 16;
		j->v = xreallocarray(j->v, j->cap, sizeof *j->v);
	}
	j->v[j->n++] = p;
}

void
ui_jump_push(struct ui_jumps *j, struct ui_jump here)
{
	if (here.article <= 0)
		return;
	j->n = j->pos < j->n ? j->pos : j->n;
	append(j, here);
	j->pos = j->n;
}

int
ui_jump_back(struct ui_jumps *j, struct ui_jump here, struct ui_jump *to)
{
	if (j->pos >= j->n) {
		/* Leaving the newest place: keep it so Ctrl-i can return. */
		if (here.article > 0)
			append(j, here);
		j->pos = j->n > 0 ? j->n - 1 : 0;
	}
	if (j->pos == 0)
		return -1;
	*to = j->v[--j->pos];
	return 0;
}

int
ui_jump_forward(struct ui_jumps *j, struct ui_jump *to)
{
	if (j->pos + 1 >= j->n)
		return -1;
	*to = j->v[++j->pos];
	return 0;
}

void
ui_jumps_free(struct ui_jumps *j)
{
	free(j->v);
	memset(j, 0, sizeof *j);
}
