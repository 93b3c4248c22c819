/*
 * ui-status.c: the two bottom rows. The status bar says where one is (the
 * mode, the focused pane's position, the speaker of the statement under
 * the article's cursor, keys typed so far); the row below is the command
 * line while one is typed, else the last message. A message that arrives
 * while a command is typed goes to the status bar instead, so it never
 * hides the input.
 */
#include "config.h"

#include <string.h>

#define DOSSIER_UI_INTERNAL
#include "ui.h"

static const char *
mode(struct ui *ui)
{
	const struct ui_view_ops *ops;
	const char *m;
	int i;

	if (ui_prompt_active(ui))
		return "COMMAND";
	if (ui->help_open)
		return "HELP";
	if (ui->overlay != NULL && ui->overlay->mode != NULL)
		return ui->overlay->mode;
	for (i = 0; i < UI_VIEW_COUNT; i++) {
		ops = ui->views[i].ops;
		if (ops->mode_now != NULL && (m = ops->mode_now(ui, &ui->views[i])) != NULL)
			return m;
	}
	ops = ui->views[ui->focus].ops;
	return ops->mode != NULL ? ops->mode : "";
}

static void
draw_bar(struct ui *ui, int y)
{
	struct ui_style bar = ui_style(ui, UI_OBJ_STATUS);
	struct ui_style md = ui_style_over(bar, ui_style(ui, UI_OBJ_STATUS_MODE));
	struct ui_view *v = &ui->views[ui->help_open ? UI_VIEW_HELP : ui->focus];
	struct buf b, right;
	int x = 0, rw;

	buf_init(&b);
	buf_init(&right);
	ui_draw_fill(ui, y, 0, ui->cols, bar);
	buf_printf(&b, " %s ", mode(ui));
	x += ui_draw_text(ui, y, x, ui->cols, b.data, b.len, md);
	buf_reset(&b);
	if (v->ops->position != NULL || v->ops->draw_row != NULL) {
		buf_adds(&b, " ");
		ui_view_where(ui, v, &b);
	}
	if (!ui->help_open)
		ui_article_speaker(ui, &b);
	ui_sync_where(ui, &b);
	/* Right side: keys typed so far, or a message displaced by input. */
	ui_keys_pending(ui, &right);
	if (right.len == 0 && ui_prompt_active(ui) && ui->message != NULL)
		buf_adds(&right, ui->message);
	rw = ui_text_width(right.data != NULL ? right.data : "", right.len);
	if (rw > ui->cols - x - 2)
		rw = ui->cols - x - 2;
	ui_draw_cut(ui, y, x, ui->cols - x - rw - 2, b.data, b.len, bar);
	if (rw > 0)
		ui_draw_text(ui, y, ui->cols - rw - 1, rw, right.data, right.len,
		    ui->message_error && ui_prompt_active(ui) ?
		    ui_style_over(bar, ui_style(ui, UI_OBJ_ERROR)) : bar);
	buf_free(&b);
	buf_free(&right);
}

void
ui_status_draw(struct ui *ui)
{
	int y = ui->rows - 1;

	draw_bar(ui, ui->rows - 2);
	if (ui_prompt_active(ui)) {
		ui_prompt_draw(ui, y);
		return;
	}
	ui_draw_fill(ui, y, 0, ui->cols, ui_style(ui, UI_OBJ_NORMAL));
	if (ui->message != NULL)
		ui_draw_cut(ui, y, 0, ui->cols, ui->message, strlen(ui->message),
		    ui_style(ui, ui->message_error ? UI_OBJ_ERROR : UI_OBJ_MESSAGE));
}
