/*
 * ui-views.c: the one place that names the reader's views and the
 * article's layers. The loop (ui.c) and the article view know them only
 * through these tables and their ops; a new view or layer is added here.
 * The layers are drawn in this order, later over earlier.
 */
#include "config.h"

#define DOSSIER_UI_INTERNAL
#include "ui.h"

const struct ui_view_ops *const ui_view_table[UI_VIEW_COUNT] = {
	[UI_VIEW_LIST] = &ui_list_ops,
	[UI_VIEW_ARTICLE] = &ui_article_ops,
	[UI_VIEW_SIDE] = &ui_side_ops,
	[UI_VIEW_HELP] = &ui_help_ops,
};

const struct ui_layer_ops *const ui_layer_table[] = {
	&ui_statement_layer,
	&ui_mention_layer,
	&ui_anno_layer,
	&ui_search_layer,
	&ui_selection_layer,
};

const size_t ui_layer_count = ARRAY_LEN(ui_layer_table);
