/*
 * ui-sync.c: the reader's side of a team (team.h): `:sync`, a sync every
 * N minutes while the reader is open (`set sync-interval N`, 0 for none),
 * and the last sync on the status bar. A sync runs between key presses;
 * what it brings is shown at once (the list, the article's highlights).
 * A server that cannot be reached is one line on the message row, and
 * the reader goes on.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DOSSIER_UI_INTERNAL
#include "team.h"
#include "ui.h"

/* The last sync's time as the status bar shows it, from the database. */
static void
load_last(struct ui *ui)
{
	struct team_status s;

	free(ui->sync_last);
	ui->sync_last = NULL;
	ui->sync_joined = 0;
	if (!team_available() || team_status_get(ui->st, &s) != 0) {
		err_clear();
		return;
	}
	ui->sync_joined = s.server != NULL;
	if (s.last_sync != NULL && strlen(s.last_sync) >= 16)
		/* 2026-12-06T18:56:24Z: the time of day, in UTC as stored. */
		ui->sync_last = xstrndup(s.last_sync + 11, 5);
	team_status_free(&s);
}

void
ui_sync_init(struct ui *ui)
{
	load_last(ui);
	ui->sync_next = ui->sync_interval > 0 ? time(NULL) + (long long)ui->sync_interval * 60 : 0;
}

void
ui_sync_free(struct ui *ui)
{
	free(ui->sync_last);
	ui->sync_last = NULL;
}

int
ui_sync_run(struct ui *ui)
{
	struct team_sync_summary sum;
	size_t got = 0, sent = 0, k;
	int rc;

	if (ui->sync_interval > 0)
		ui->sync_next = time(NULL) + (long long)ui->sync_interval * 60;
	rc = team_sync(ui->st, &sum);
	if (rc != 0) {
		ui_error(ui, "sync: %s", err_msg());
		team_sync_summary_free(&sum);
		return 0;
	}
	load_last(ui);
	for (k = 0; k < STORE_SYNC_KINDS; k++) {
		got += sum.received[k];
		sent += sum.sent[k];
	}
	if (got > 0) {
		ui_list_reload(ui);
		ui_anno_reload_tags(ui);
		ui_anno_reload(ui);
	}
	if (sum.conflicts > 0)
		ui_message(ui, "synced: sent %zu, received %zu; %zu conflict%s (dossier sync "
		    "--conflicts lists them): %s",
		    sent, got, sum.conflicts,
		    sum.conflicts == 1 ? "" : "s", sum.lines[0]);
	else
		ui_message(ui, "synced: sent %zu, received %zu (%zu annotation%s)",
		    sent, got,
		    sum.received[STORE_SYNC_ANNOTATION],
		    sum.received[STORE_SYNC_ANNOTATION] == 1 ? "" : "s");
	team_sync_summary_free(&sum);
	ui_mark(ui, UI_DIRTY_STATUS);
	return 0;
}

void
ui_sync_due(struct ui *ui)
{
	if (ui->sync_next == 0 || !ui->sync_joined || time(NULL) < ui->sync_next)
		return;
	ui_sync_run(ui);
}

int
ui_sync_set_interval(struct ui *ui, const char *minutes)
{
	char *end;
	long v = strtol(minutes, &end, 10);

	if (*minutes == '\0' || *end != '\0' || v < 0 || v > 1440)
		return err_set("sync-interval: expected minutes from 0 (none) to 1440, not '%s'",
		    minutes);
	ui->sync_interval = (int)v;
	ui->sync_next = v > 0 ? time(NULL) + v * 60 : 0;
	if (ui->live && v > 0)
		ui_message(ui, "sync every %ld minute%s", v, v == 1 ? "" : "s");
	else if (ui->live)
		ui_message(ui, "no sync in the background");
	return 0;
}

void
ui_sync_where(struct ui *ui, struct buf *b)
{
	if (!ui->sync_joined)
		return;
	buf_printf(b, "  synced %s", ui->sync_last != NULL ? ui->sync_last : "never");
}
