/*
 * ui-sync.c: the reader's side of a team (team.h): `:sync`, a sync every
 * N minutes while the reader is open (`set sync-interval N`, 0 for none),
 * and the last sync on the status bar. A sync runs in a process of its
 * own, `dossier sync` on the reader's database, so a slow server or a
 * large pull never holds the keys: the reader goes on, the status bar
 * says "syncing" until it ends, and each turn of the loop looks (without
 * waiting) whether it has. Its local writes are its own short
 * transactions, which the reader sees as any other process's (WAL); when
 * it ends, the list and the article's highlights are read again and its
 * summary, or its one-line error, is the message. A server that cannot
 * be reached is that one line, and the reader goes on.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define DOSSIER_UI_INTERNAL
#include "team.h"
#include "ui.h"

extern char **environ;

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
	ui->sync_fd = -1;
	buf_init(&ui->sync_out);
	load_last(ui);
	ui->sync_next = ui->sync_interval > 0 ? time(NULL) + (long long)ui->sync_interval * 60 : 0;
}

void
ui_sync_free(struct ui *ui)
{
	/* A sync under way finishes on its own: its work is whole either
	 * way, and its summary has nobody left to read it. */
	if (ui->sync_fd >= 0)
		close(ui->sync_fd);
	ui->sync_fd = -1;
	buf_free(&ui->sync_out);
	free(ui->sync_last);
	ui->sync_last = NULL;
}

/* Starts `dossier --db PATH sync` (this very program) with its output on
 * a pipe; *pid and *fd (non-blocking) are its. In a process group of its
 * own, so Ctrl-c in the reader is not its. */
static int
spawn_sync(struct ui *ui, int *pid, int *fd)
{
	char exe[PATH_MAX], name[] = "dossier", db[] = "--db", sync[] = "sync";
	char *argv[5], *path = xstrdup(store_path(ui->st));
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	int fds[2], rc;
	pid_t child;

	if (len <= 0) {
		free(path);
		return err_set("sync: cannot find this program to run 'dossier sync': %s",
		    strerror(errno));
	}
	exe[len] = '\0';
	if (pipe2(fds, O_CLOEXEC) != 0) {
		free(path);
		return err_set("sync: %s", strerror(errno));
	}
	argv[0] = name;
	argv[1] = db;
	argv[2] = path;
	argv[3] = sync;
	argv[4] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
	posix_spawn_file_actions_adddup2(&fa, fds[1], 2);
	posix_spawnattr_init(&attr);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
	posix_spawnattr_setpgroup(&attr, 0);
	rc = posix_spawn(&child, exe, &fa, &attr, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&attr);
	free(path);
	close(fds[1]);
	if (rc != 0) {
		close(fds[0]);
		return err_set("sync: running %s: %s", exe, strerror(rc));
	}
	fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK);
	*pid = (int)child;
	*fd = fds[0];
	return 0;
}

int
ui_sync_run(struct ui *ui)
{
	if (ui->sync_interval > 0)
		ui->sync_next = time(NULL) + (long long)ui->sync_interval * 60;
	if (ui->sync_pid != 0) {
		ui_message(ui, "a sync is under way already");
		return 0;
	}
	buf_reset(&ui->sync_out);
	if (spawn_sync(ui, &ui->sync_pid, &ui->sync_fd) != 0) {
		ui_error(ui, "%s", err_msg());
		return 0;
	}
	ui_message(ui, "syncing in the background");
	ui_mark(ui, UI_DIRTY_STATUS);
	return 0;
}

/* What the sync printed since the last look (all of it once it ended). */
static void
drain(struct ui *ui)
{
	char chunk[4096];
	ssize_t n;

	while ((n = read(ui->sync_fd, chunk, sizeof chunk)) > 0 ||
	    (n < 0 && errno == EINTR))
		if (n > 0)
			buf_add(&ui->sync_out, chunk, (size_t)n);
}

/* The sync ended with wait status ST: what it brought is shown, and its
 * summary (or its error) is the message. */
static void
sync_ended(struct ui *ui, int st)
{
	const char *out, *last, *p, *conflict;
	size_t len;

	drain(ui);
	out = ui->sync_out.data != NULL ? ui->sync_out.data : "";
	conflict = strncmp(out, "conflict: ", 10) == 0 ? out : strstr(out, "\nconflict: ");
	/* The last line: the summary, or the error. */
	len = strlen(out);
	while (len > 0 && out[len - 1] == '\n')
		len--;
	last = out;
	for (p = out; p < out + len; p++)
		if (*p == '\n')
			last = p + 1;
	len = (size_t)(out + len - last);
	if (len > 9 && strncmp(last, "dossier: ", 9) == 0) {
		last += 9;
		len -= 9;
	}
	close(ui->sync_fd);
	ui->sync_fd = -1;
	ui->sync_pid = 0;
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		if (len == 0)
			ui_error(ui, "sync: ended without a word (status %d)",
			    WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
		else
			ui_error(ui, "%.*s", (int)len, last);
	} else {
		load_last(ui);
		ui_list_reload(ui);
		ui_anno_reload_tags(ui);
		ui_anno_reload(ui);
		if (conflict != NULL)
			ui_message(ui, "synced: %.*s (dossier sync --conflicts lists the conflicts)",
			    (int)len, last);
		else
			ui_message(ui, "synced: %.*s", (int)len, last);
	}
	ui_mark(ui, UI_DIRTY_STATUS);
}

void
ui_sync_due(struct ui *ui)
{
	if (ui->sync_pid != 0) {
		int st;
		pid_t r;

		drain(ui);
		while ((r = waitpid((pid_t)ui->sync_pid, &st, WNOHANG)) < 0 && errno == EINTR)
			;
		if (r == (pid_t)ui->sync_pid)
			sync_ended(ui, st);
		else if (r < 0) {
			close(ui->sync_fd);
			ui->sync_fd = -1;
			ui->sync_pid = 0;
			ui_error(ui, "sync: lost its process: %s", strerror(errno));
		}
		return;
	}
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
	if (ui->sync_pid != 0)
		buf_printf(b, "  syncing");
	else
		buf_printf(b, "  synced %s", ui->sync_last != NULL ? ui->sync_last : "never");
}
