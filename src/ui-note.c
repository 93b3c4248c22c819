/*
 * ui-note.c: writing a note on a highlight. `a` opens a small editor in a
 * popup: type, Enter for a new line, the arrows, Home/End (Ctrl-a/e) and
 * Ctrl-k to move and cut; Esc or Ctrl-s saves, Ctrl-c leaves the note as
 * it was. `A` hands the note to $VISUAL (else $EDITOR, else vi) in a
 * private temporary file instead, and saves what the editor leaves.
 * A note on a selection or sentence makes it a highlight when saved.
 * Nothing typed is lost when the store refuses the save (another program
 * holding the write lock): the editor stays open with the text, and
 * $VISUAL's file is kept and named.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define DOSSIER_UI_INTERNAL
#include "anno.h"
#include "store.h"
#include "text.h"
#include "ui.h"

/* Big enough for any note; past it the external editor's file is refused. */
#define MAX_NOTE ((size_t)1 << 20)

struct note {
	struct ui_overlay o;
	struct ui_anno_target t;
	struct buf text;
	char *orig;
	char *kept;             /* $VISUAL's file kept by a refused save, or NULL */
	struct ui_text_save other;  /* other text than a note (a memo): save.save set */
	size_t cur;             /* the cursor: a byte offset in text */
	size_t top;             /* the first line shown */
	int goal;               /* the column up/down keep; -1: none */
	int width, rows;        /* of the text area when last drawn */
	int cy, cx;             /* where the cursor was drawn */
};

struct vline {
	size_t start, end;      /* bytes of text; end excludes the newline */
};

/* The text as lines wrapped to WIDTH cells, at spaces where there are. */
static size_t
wrap(const char *s, size_t len, int width, struct vline **out)
{
	struct vline *v = NULL;
	size_t n = 0, at = 0;

	for (;;) {
		const char *nl = memchr(s + at, '\n', len - at);
		size_t lend = nl ? (size_t)(nl - s) : len, a = at;

		do {
			size_t fit = ui_text_fit(s + a, lend - a, width), b = a + fit, k;

			if (fit == 0 && a < lend) {       /* one wide character */
				b = text_char_next(s, lend, a);
			} else if (b < lend) {
				for (k = b; k > a && s[k - 1] != ' '; k--)
					;
				if (k > a)
					b = k;
			}
			v = xreallocarray(v, n + 1, sizeof *v);
			v[n].start = a;
			v[n++].end = b;
			a = b;
		} while (a < lend);
		if (nl == NULL)
			break;
		at = lend + 1;
	}
	*out = v;
	return n;
}

/* The line holding the cursor: the last one starting at or before it. */
static size_t
line_of(const struct vline *v, size_t n, size_t cur)
{
	size_t i = 0;

	while (i + 1 < n && v[i + 1].start <= cur)
		i++;
	return i;
}

static size_t
next_char(const char *s, size_t len, size_t at)
{
	return text_char_next(s, len, at);
}

static size_t
prev_char(const char *s, size_t at)
{
	return text_char_prev(s, at);
}

static void
insert(struct note *n, const char *s, size_t len)
{
	struct buf b;

	buf_init(&b);
	buf_add(&b, n->text.data ? n->text.data : "", n->cur);
	buf_add(&b, s, len);
	buf_add(&b, n->text.data ? n->text.data + n->cur : "", n->text.len - n->cur);
	buf_free(&n->text);
	n->text = b;
	n->cur += len;
}

static void
erase_range(struct note *n, size_t a, size_t b)
{
	if (b <= a || n->text.data == NULL)
		return;
	memmove(n->text.data + a, n->text.data + b, n->text.len - b + 1);
	n->text.len -= b - a;
	if (n->cur > b)
		n->cur -= b - a;
	else if (n->cur > a)
		n->cur = a;
}

static void
put_utf8(struct note *n, int c)
{
	char u[4];
	size_t len;

	if (c < 0x80) {
		u[0] = (char)c;
		len = 1;
	} else if (c < 0x800) {
		u[0] = (char)(0xC0 | (c >> 6));
		u[1] = (char)(0x80 | (c & 0x3F));
		len = 2;
	} else if (c < 0x10000) {
		u[0] = (char)(0xE0 | (c >> 12));
		u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		u[2] = (char)(0x80 | (c & 0x3F));
		len = 3;
	} else {
		u[0] = (char)(0xF0 | (c >> 18));
		u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((c >> 6) & 0x3F));
		u[3] = (char)(0x80 | (c & 0x3F));
		len = 4;
	}
	insert(n, u, len);
}

/* Up or down a wrapped line, keeping the column. */
static void
vertical(struct note *n, int dir)
{
	struct vline *v;
	size_t nl = wrap(n->text.data ? n->text.data : "", n->text.len, n->width, &v);
	size_t i = line_of(v, nl, n->cur);
	const char *s = n->text.data ? n->text.data : "";

	if (n->goal < 0)
		n->goal = ui_text_width(s + v[i].start, n->cur - v[i].start);
	if ((dir < 0 && i > 0) || (dir > 0 && i + 1 < nl)) {
		i = dir < 0 ? i - 1 : i + 1;
		n->cur = v[i].start + ui_text_fit(s + v[i].start, v[i].end - v[i].start, n->goal);
	}
	free(v);
}

/* The note highlight ID has in the database now ("" for none): read
 * there, not from the rows on the screen, which another program may have
 * changed since they were loaded. */
static char *
stored_note(struct ui *ui, int64_t id)
{
	struct store_anno a;
	char *note;

	if (id == 0 || store_anno_get(ui->st, id, &a) != 0)
		return xstrdup("");
	note = xstrdup(a.note != NULL ? a.note : "");
	store_anno_free(&a);
	return note;
}

/* Saves the note (making the highlight when there is none yet). Returns
 * -1, with the message shown, when the store refused it (another program
 * holding the write lock, a full disk): the caller keeps the text. */
static int
save(struct ui *ui, struct ui_anno_target *t, const char *text, const char *orig)
{
	if (strcmp(text, orig) == 0) {
		ui_message(ui, "note left as it was");
		return 0;       /* nothing written: no highlight made for nothing */
	}
	if (t->id == 0) {
		if (ui_anno_create(ui, t, NULL, text) != 0)
			return -1;
	} else if (anno_edit_note(ui->anno->s, t->id, orig, text) != 0) {
		ui_error(ui, "%s", err_msg());
		return -1;
	}
	ui_anno_reload(ui);
	ui_message(ui, "note %s on highlight %lld", text[0] != '\0' ? "saved" : "removed",
	    (long long)t->id);
	return 0;
}

/* Saves other text than a note through its own function, unless it is
 * unchanged. */
static int
save_other(struct ui *ui, struct ui_text_save *t, const char *text, const char *orig)
{
	if (strcmp(text, orig) == 0) {
		ui_message(ui, "memo left as it was");
		return 0;
	}
	if (t->save(ui, t->arg, text, orig) != 0) {
		ui_error(ui, "%s", err_msg());
		return -1;
	}
	return 0;
}

static int
note_key(struct ui *ui, struct ui_overlay *o, int code)
{
	struct note *n = (struct note *)o;
	const char *s = n->text.data ? n->text.data : "";
	size_t ls;

	if (code != UI_KEY_CURSES(KEY_UP) && code != UI_KEY_CURSES(KEY_DOWN))
		n->goal = -1;
	switch (code) {
	case UI_KEY_ESC:
	case UI_KEY_CTRL('s'):
	case UI_KEY_CURSES(KEY_F(2)):
		/* Refused: the editor stays open with the text, to try again. */
		if (n->other.save != NULL ? save_other(ui, &n->other, s, n->orig) :
		    save(ui, &n->t, s, n->orig))
			return 1;
		if (n->kept != NULL)
			unlink(n->kept);
		return 0;
	case UI_KEY_CTRL('c'):
		if (strcmp(s, n->orig) != 0)
			ui_message(ui, "%s left as it was", n->other.save != NULL ? "memo" : "note");
		return 0;
	case UI_KEY_ENTER:
		insert(n, "\n", 1);
		return 1;
	case UI_KEY_BACKSPACE:
		erase_range(n, prev_char(s, n->cur), n->cur);
		return 1;
	case UI_KEY_CURSES(KEY_DC):
	case UI_KEY_CTRL('d'):
		erase_range(n, n->cur, next_char(s, n->text.len, n->cur));
		return 1;
	case UI_KEY_CURSES(KEY_LEFT):
	case UI_KEY_CTRL('b'):
		n->cur = prev_char(s, n->cur);
		return 1;
	case UI_KEY_CURSES(KEY_RIGHT):
	case UI_KEY_CTRL('f'):
		n->cur = next_char(s, n->text.len, n->cur);
		return 1;
	case UI_KEY_CURSES(KEY_UP):
	case UI_KEY_CURSES(KEY_DOWN):
		vertical(n, code == UI_KEY_CURSES(KEY_UP) ? -1 : 1);
		return 1;
	case UI_KEY_CURSES(KEY_HOME):
	case UI_KEY_CTRL('a'):
		while (n->cur > 0 && s[n->cur - 1] != '\n')
			n->cur--;
		return 1;
	case UI_KEY_CURSES(KEY_END):
	case UI_KEY_CTRL('e'):
		while (n->cur < n->text.len && s[n->cur] != '\n')
			n->cur++;
		return 1;
	case UI_KEY_CTRL('k'):
		for (ls = n->cur; ls < n->text.len && s[ls] != '\n'; ls++)
			;
		erase_range(n, n->cur, ls == n->cur ? next_char(s, n->text.len, ls) : ls);
		return 1;
	default:
		if (code >= 0x20 && code != 0x7f && code < UI_KEY_FN &&
		    !(code >= 0x80 && code < 0xA0))
			put_utf8(n, code);
		return 1;
	}
}

static void
note_draw(struct ui *ui, struct ui_overlay *o)
{
	struct note *n = (struct note *)o;
	struct ui_style st = ui_popup_style(ui, 0);
	const char *s = n->text.data ? n->text.data : "";
	int w = ui->cols - 8 > 72 ? 72 : ui->cols - 8, h = ui->rows - 8 > 14 ? 14 : ui->rows - 8;
	struct vline *v;
	size_t nl, i, cl;
	int y, x, r;

	if (w < 20)
		w = ui->cols;
	if (h < 5)
		h = ui->rows - 2;
	ui_popup_box(ui, h, w, n->other.title != NULL ? n->other.title :
	    n->t.id ? "Note" : "Note on a new highlight", &y, &x);
	n->width = w - 4 > 1 ? w - 4 : 1;
	n->rows = h - 3 > 1 ? h - 3 : 1;
	nl = wrap(s, n->text.len, n->width, &v);
	cl = line_of(v, nl, n->cur);
	if (cl < n->top)
		n->top = cl;
	if (cl >= n->top + (size_t)n->rows)
		n->top = cl - (size_t)n->rows + 1;
	for (r = 0, i = n->top; r < n->rows && i < nl; r++, i++)
		ui_draw_text(ui, y + r, x, n->width, s + v[i].start, v[i].end - v[i].start, st);
	n->cy = y + (int)(cl - n->top);
	n->cx = x + ui_text_width(s + v[cl].start, n->cur - v[cl].start);
	ui_draw_str(ui, y + n->rows, x, n->width, "Esc: save   Ctrl-c: leave as it was",
	    ui_style_over(st, ui_style(ui, UI_OBJ_SIDE_COUNT)));
	free(v);
}

static int
note_cursor(struct ui *ui, struct ui_overlay *o, int *y, int *x)
{
	struct note *n = (struct note *)o;

	(void)ui;
	*y = n->cy;
	*x = n->cx;
	return n->width > 0;
}

static void
note_free(struct ui_overlay *o)
{
	struct note *n = (struct note *)o;

	buf_free(&n->text);
	free(n->orig);
	free(n->kept);
	free(n->other.title);
	if (n->other.free != NULL)
		n->other.free(n->other.arg);
	free(n);
}

/* The note the target has now ("" for none or a new highlight). */
static char *
current_note(struct ui *ui, const struct ui_anno_target *t)
{
	return stored_note(ui, t->id);
}

/* Runs "ED PATH" and returns its wait status, or -1. ED is read by sh, as
 * other programs do with $EDITOR, so "vim -u NONE" works; PATH is handed
 * over as "$1" and never parsed as shell words. While the editor runs it
 * owns the terminal: Ctrl-c and Ctrl-\ are its, not ours. */
static int
spawn_editor(const char *ed, const char *path)
{
	struct sigaction ign, oint, oquit;
	char *script = xasprintf("%s \"$1\"", ed);
	pid_t pid;
	int st = -1;

	memset(&ign, 0, sizeof ign);
	sigemptyset(&ign.sa_mask);
	ign.sa_handler = SIG_IGN;
	sigaction(SIGINT, &ign, &oint);
	sigaction(SIGQUIT, &ign, &oquit);
	pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		execl("/bin/sh", "sh", "-c", script, "sh", path, (char *)NULL);
		_exit(127);
	}
	if (pid > 0) {
		while (waitpid(pid, &st, 0) < 0) {
			if (errno != EINTR) {
				st = -1;
				break;
			}
		}
	}
	sigaction(SIGINT, &oint, NULL);
	sigaction(SIGQUIT, &oquit, NULL);
	free(script);
	return st;
}

/* Writes TEXT to FD with a final newline (none for an empty note) and
 * closes it. */
static int
write_text_file(int fd, const char *text)
{
	size_t len = strlen(text);
	int ok = write(fd, text, len) == (ssize_t)len;

	if (ok && len > 0 && text[len - 1] != '\n')
		ok = write(fd, "\n", 1) == 1;
	return close(fd) == 0 && ok ? 0 : -1;
}

/* Runs the user's editor on a private temporary file holding TEXT as a
 * text file: each line ends in a newline, the last too, so a line the
 * editor appends is a line of its own and an editor that adds the final
 * newline changes nothing. On success *out is what it left there,
 * without the final newline and trailing blank lines, and
 * *path the file, still there: the caller removes it once the note is
 * saved, and names it when the save is refused, so nothing typed is lost. */
static int
run_editor(struct ui *ui, const char *text, char **out, char **path)
{
	const char *ed = getenv("VISUAL"), *tmp = getenv("TMPDIR");
	size_t len;
	int fd, st;

	if (ed == NULL || ed[0] == '\0')
		ed = getenv("EDITOR");
	if (ed == NULL || ed[0] == '\0')
		ed = "vi";
	*path = xasprintf("%s/dossier-note-XXXXXX.txt", tmp != NULL && tmp[0] == '/' ? tmp : "/tmp");
	fd = mkstemps(*path, 4);     /* mode 0600: a note is private */
	if (fd < 0) {
		err_set("%s: cannot create a temporary file", *path);
		goto fail;
	}
	if (write_text_file(fd, text) != 0) {
		err_set("%s: cannot write the note", *path);
		goto fail_unlink;
	}
	def_prog_mode();
	endwin();
	st = spawn_editor(ed, *path);
	reset_prog_mode();
	clearok(curscr, TRUE);
	ui_mark(ui, UI_DIRTY_LAYOUT);
	if (st == -1 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		err_set("%s exited with status %d: the note is unchanged", ed,
		    st != -1 && WIFEXITED(st) ? WEXITSTATUS(st) : -1);
		goto fail_unlink;
	}
	if (path_read_file(*path, MAX_NOTE, out, &len) != 0)
		goto fail_unlink;
	while (len > 0 && ((*out)[len - 1] == '\n' || (*out)[len - 1] == '\r'))
		(*out)[--len] = '\0';
	return 0;
fail_unlink:
	unlink(*path);
fail:
	free(*path);
	*path = NULL;
	return -1;
}

/* Opens the note editor on TEXT; ORIG (the stored note) becomes its. */
static struct note *
open_editor(struct ui *ui, const struct ui_anno_target *t, char *orig, const char *text)
{
	struct note *n = xcalloc(1, sizeof *n);

	n->o.draw = note_draw;
	n->o.key = note_key;
	n->o.cursor = note_cursor;
	n->o.free = note_free;
	n->o.mode = "NOTE";
	n->t = *t;
	n->orig = orig;
	n->goal = -1;
	buf_init(&n->text);
	buf_adds(&n->text, text);
	n->cur = n->text.len;
	ui_overlay_open(ui, &n->o);
	return n;
}

/* The note in $VISUAL. A save the store refuses keeps the editor's file
 * (named in the message) and opens the note editor on the same text, so
 * that Esc tries again once the other program has let go. */
static void
external(struct ui *ui, struct ui_anno_target *t, char *orig)
{
	char *text = NULL, *path = NULL;

	if (run_editor(ui, orig, &text, &path) != 0) {
		ui_error(ui, "%s", err_msg());
		free(orig);
		return;
	}
	if (save(ui, t, text, orig) == 0) {
		unlink(path);
		free(orig);
		free(path);
	} else {
		char *msg = xasprintf("the note is kept in %s: %s", path, err_msg());

		open_editor(ui, t, orig, text)->kept = path;
		ui_error(ui, "%s", msg);
		free(msg);
	}
	free(text);
}

void
ui_note_open(struct ui *ui, int external_editor)
{
	struct ui_anno_target t;
	char *orig;

	if (ui_anno_target(ui, 0, &t) != 0)
		return;
	orig = current_note(ui, &t);
	if (external_editor)
		external(ui, &t, orig);
	else
		open_editor(ui, &t, orig, orig);
}

void
ui_note_edit(struct ui *ui, struct ui_text_save *t, char *orig)
{
	struct ui_anno_target none;
	struct note *n;

	memset(&none, 0, sizeof none);
	n = open_editor(ui, &none, orig, orig);
	n->other = *t;
	n->o.mode = "MEMO";
}
