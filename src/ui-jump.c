/*
 * ui-jump.c: the jump list, as in vim. Before a jump (opening an article,
 * following a related statement, going to a search hit or to the end),
 * the current place is recorded; Ctrl-o walks back through the places and
 * Ctrl-i forward again, across articles. A new jump from the middle of the
 * list drops the places ahead of it, as a browser's history does.
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

static int
here(struct ui *ui, struct ui_jump *p)
{
	p->article = ui_article_id(ui);
	p->offset = ui_article_offset(ui);
	return p->article > 0;
}

void
ui_jump_push(struct ui *ui)
{
	struct ui_jumps *j = &ui->jumps;
	struct ui_jump p;

	if (!here(ui, &p))
		return;
	j->n = j->pos < j->n ? j->pos : j->n;
	append(j, p);
	j->pos = j->n;
}

static int
go(struct ui *ui, const struct ui_jump *p)
{
	if (p->article == ui_article_id(ui)) {
		ui_article_goto(ui, p->offset);
		return 0;
	}
	return ui_article_open(ui, p->article, p->offset);
}

int
ui_jump_back(struct ui *ui)
{
	struct ui_jumps *j = &ui->jumps;
	struct ui_jump p;

	if (j->pos >= j->n) {
		/* Leaving the newest place: keep it so Ctrl-i can return. */
		if (here(ui, &p))
			append(j, p);
		j->pos = j->n > 0 ? j->n - 1 : 0;
	}
	if (j->pos == 0)
		return -1;
	j->pos--;
	if (go(ui, &j->v[j->pos]) != 0) {
		ui_error(ui, "%s", err_msg());
		return 0;
	}
	return 0;
}

int
ui_jump_forward(struct ui *ui)
{
	struct ui_jumps *j = &ui->jumps;

	if (j->pos + 1 >= j->n)
		return -1;
	j->pos++;
	if (go(ui, &j->v[j->pos]) != 0)
		ui_error(ui, "%s", err_msg());
	return 0;
}

void
ui_jumps_free(struct ui_jumps *j)
{
	free(j->v);
	memset(j, 0, sizeof *j);
}
