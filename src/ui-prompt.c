/*
 * ui-prompt.c: the command line on the bottom row, for `:` commands, `/`
 * and `?` searches in the article and `F` searches of the corpus. Emacs
 * and readline editing keys, a history per kind (Up/Down recall lines
 * that begin with what is typed), and Tab completion: the first Tab
 * inserts what all candidates share and lists them, the next ones cycle
 * through them. What a line does and what completes it are the opener's
 * (struct ui_prompt_ops): the line editor knows no command and no view.
 *
 * The histories outlive the reader, as less keeps ~/.lesshst: a private
 * file in the XDG state directory (HISTORY_FILE), at most HISTORY_MAX
 * lines of each kind, rewritten whole (atomically) when a line is added.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#define DOSSIER_UI_INTERNAL
#include "text.h"
#include "ui.h"

#define HISTORY_MAX 100
#define HISTORY_FILE "history"
/* A history file larger than this is not ours: it is left alone. */
#define HISTORY_BYTES ((size_t)1 << 20)
/* Its sections, one per history, and the mark before each line. */
static const char *const hist_sections[2] = { ".command", ".search" };

struct history {
	char **v;
	size_t n;
};

struct ui_prompt {
	int kind;               /* 0 when closed; ':', '/', '?', 'F' */
	const struct ui_prompt_ops *ops;   /* what the line is for */
	struct buf line;
	size_t cur;             /* byte offset of the cursor */
	struct history hist[2]; /* commands, searches */
	size_t hpos;            /* == n: the line being typed */
	char *typed;            /* what was typed before walking the history */
	struct ui_cands cands;  /* Tab cycling state */
	size_t cand_next, cand_start;
	int cycling;
};

static void remember(struct history *h, const char *line);

static void
history_free(struct history *hist)
{
	size_t h, i;

	for (h = 0; h < 2; h++) {
		for (i = 0; i < hist[h].n; i++)
			free(hist[h].v[i]);
		free(hist[h].v);
		hist[h].v = NULL;
		hist[h].n = 0;
	}
}

/*
 * Reads the history file into HIST: a line ".command" or ".search" starts
 * a section, and each line of it is '"' and the line as typed; anything
 * else is skipped. A missing or unreadable file is an empty history.
 */
static void
history_read(const char *path, struct history *hist)
{
	char *data = NULL, *line, *next;
	size_t len = 0;
	int h = -1, k;

	if (path_read_file(path, HISTORY_BYTES, &data, &len) != 0) {
		err_clear();
		return;
	}
	for (line = data; line != NULL && *line != '\0'; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		if (line[0] == '"' && h >= 0) {
			remember(&hist[h], line + 1);
			continue;
		}
		for (k = 0; k < 2; k++)
			if (strcmp(line, hist_sections[k]) == 0)
				h = k;
	}
	free(data);
}

/* Adds LINE to history H of the file, as it is now (another reader may
 * have added to it since this one started), and writes the file anew. */
static void
history_save(int h, const char *line)
{
	char *path = path_state_file(HISTORY_FILE);
	struct history disk[2];
	struct buf b;
	size_t i;
	int k;

	memset(disk, 0, sizeof disk);
	history_read(path, disk);
	remember(&disk[h], line);
	buf_init(&b);
	buf_adds(&b, "# dossier's command-line history (the reader's : and searches)\n");
	for (k = 0; k < 2; k++) {
		buf_printf(&b, "%s\n", hist_sections[k]);
		for (i = 0; i < disk[k].n; i++)
			buf_printf(&b, "\"%s\n", disk[k].v[i]);
	}
	/* History is a convenience: a read-only home only loses it. */
	if (path_mkdir_parent(path) != 0 || path_write_private(path, b.data, b.len) != 0)
		err_clear();
	buf_free(&b);
	history_free(disk);
	free(path);
}

int
ui_prompt_init(struct ui *ui)
{
	char *path = path_state_file(HISTORY_FILE);

	ui->prompt = xcalloc(1, sizeof *ui->prompt);
	buf_init(&ui->prompt->line);
	history_read(path, ui->prompt->hist);
	free(path);
	return 0;
}

void
ui_prompt_free(struct ui *ui)
{
	struct ui_prompt *p = ui->prompt;

	if (p == NULL)
		return;
	history_free(p->hist);
	buf_free(&p->line);
	free(p->typed);
	ui_cands_free(&p->cands);
	free(p);
	ui->prompt = NULL;
}

static struct history *
history(struct ui_prompt *p)
{
	return &p->hist[p->kind == ':' ? 0 : 1];
}

int
ui_prompt_active(const struct ui *ui)
{
	return ui->prompt != NULL && ui->prompt->kind != 0;
}

void
ui_prompt_open(struct ui *ui, int kind, const struct ui_prompt_ops *ops)
{
	struct ui_prompt *p = ui->prompt;

	p->kind = kind;
	p->ops = ops;
	buf_reset(&p->line);
	p->cur = 0;
	p->hpos = history(p)->n;
	free(p->typed);
	p->typed = NULL;
	p->cycling = 0;
	ui_mark(ui, UI_DIRTY_STATUS);
}

static void
close_prompt(struct ui *ui)
{
	ui->prompt->kind = 0;
	ui_mark(ui, UI_DIRTY_STATUS);
}

static void
remember(struct history *h, const char *line)
{
	size_t i;

	/* A line of the file is one line typed: none has a newline. */
	if (line[0] == '\0' || strchr(line, '\n') != NULL)
		return;
	/* Most recent last, no duplicates. */
	for (i = 0; i < h->n; i++) {
		if (strcmp(h->v[i], line) == 0) {
			free(h->v[i]);
			memmove(h->v + i, h->v + i + 1, (h->n - i - 1) * sizeof *h->v);
			h->n--;
			break;
		}
	}
	if (h->n == HISTORY_MAX) {
		free(h->v[0]);
		memmove(h->v, h->v + 1, (h->n - 1) * sizeof *h->v);
		h->n--;
	}
	h->v = xreallocarray(h->v, h->n + 1, sizeof *h->v);
	h->v[h->n++] = xstrdup(line);
}

static void
execute(struct ui *ui)
{
	struct ui_prompt *p = ui->prompt;
	char *line = xstrdup(p->line.data != NULL ? p->line.data : "");
	int kind = p->kind;
	const struct ui_prompt_ops *ops = p->ops;

	remember(history(p), line);
	if (line[0] != '\0')
		history_save(kind == ':' ? 0 : 1, line);
	close_prompt(ui);
	if (ops->submit(ui, kind, line) != 0)
		ui_error(ui, "%s", err_msg());
	free(line);
}

static void
set_line(struct ui_prompt *p, const char *s)
{
	buf_reset(&p->line);
	buf_adds(&p->line, s);
	p->cur = p->line.len;
}

/* Up (dir -1) / Down (+1): the previous/next line starting with what was
 * typed before the walk began. */
static void
walk_history(struct ui_prompt *p, int dir)
{
	struct history *h = history(p);
	size_t i = p->hpos, plen;

	if (p->typed == NULL)
		p->typed = xstrdup(p->line.data != NULL ? p->line.data : "");
	plen = strlen(p->typed);
	for (;;) {
		if (dir < 0) {
			if (i == 0)
				return;
			i--;
		} else {
			if (i >= h->n)
				return;
			i++;
		}
		if (i == h->n || strncmp(h->v[i], p->typed, plen) == 0)
			break;
	}
	p->hpos = i;
	set_line(p, i == h->n ? p->typed : h->v[i]);
}

static size_t
prev_char(const char *s, size_t i)
{
	return text_char_prev(s, i);
}

static size_t
next_char(const char *s, size_t len, size_t i)
{
	return text_char_next(s, len, i);
}

static void
delete_range(struct ui_prompt *p, size_t a, size_t b)
{
	memmove(p->line.data + a, p->line.data + b, p->line.len - b + 1);
	p->line.len -= b - a;
	p->cur = a;
}

static void
insert(struct ui_prompt *p, const char *s, size_t n)
{
	buf_grow(&p->line, n);
	memmove(p->line.data + p->cur + n, p->line.data + p->cur, p->line.len - p->cur + 1);
	memcpy(p->line.data + p->cur, s, n);
	p->line.len += n;
	p->cur += n;
}

static void
insert_char(struct ui_prompt *p, int code)
{
	uint8_t u[6];
	int n = u8_uctomb(u, (ucs4_t)code, (int)sizeof u);

	if (n > 0)
		insert(p, (const char *)u, (size_t)n);
}

static void
replace_word(struct ui_prompt *p, size_t start, const char *with)
{
	delete_range(p, start, p->cur);
	insert(p, with, strlen(with));
}

static void
complete(struct ui *ui)
{
	struct ui_prompt *p = ui->prompt;
	struct buf b;
	size_t i, lcp, start, len;

	if (p->ops->complete == NULL)
		return;
	if (p->cycling && p->cands.n > 1) {
		replace_word(p, p->cand_start, p->cands.v[p->cand_next]);
		p->cand_next = (p->cand_next + 1) % p->cands.n;
		return;
	}
	ui_cands_free(&p->cands);
	p->ops->complete(ui, p->line.data != NULL ? p->line.data : "", p->cur, &p->cands, &start);
	if (p->cands.n == 0) {
		ui_message(ui, "no completions");
		return;
	}
	if (p->cands.n == 1) {
		replace_word(p, start, p->cands.v[0]);
		/* A directory is completed into, not past. */
		len = strlen(p->cands.v[0]);
		if (len == 0 || p->cands.v[0][len - 1] != '/')
			insert(p, " ", 1);
		return;
	}
	lcp = ui_cands_common(&p->cands);
	if (lcp > p->cur - start) {
		char *pre = xstrndup(p->cands.v[0], lcp);
		replace_word(p, start, pre);
		free(pre);
	}
	buf_init(&b);
	for (i = 0; i < p->cands.n; i++)
		buf_printf(&b, "%s%s", i ? " " : "", p->cands.v[i]);
	ui_message(ui, "%s", b.data);
	buf_free(&b);
	p->cycling = 1;
	p->cand_next = 0;
	p->cand_start = start;
}

void
ui_prompt_key(struct ui *ui, int code)
{
	struct ui_prompt *p = ui->prompt;
	const char *s;
	size_t a;

	ui_mark(ui, UI_DIRTY_STATUS);
	if (code != '\t')
		p->cycling = 0;
	if (p->line.data == NULL)
		buf_adds(&p->line, "");
	s = p->line.data;
	switch (code) {
	case UI_KEY_ENTER:
		execute(ui);
		return;
	case UI_KEY_ESC:
	case UI_KEY_CTRL('c'):
	case UI_KEY_CTRL('g'):
		close_prompt(ui);
		return;
	case UI_KEY_BACKSPACE:
		if (p->line.len == 0) {
			close_prompt(ui);
			return;
		}
		if (p->cur > 0)
			delete_range(p, prev_char(s, p->cur), p->cur);
		return;
	case UI_KEY_CURSES(KEY_DC):
	case UI_KEY_CTRL('d'):
		if (p->cur < p->line.len)
			delete_range(p, p->cur, next_char(s, p->line.len, p->cur));
		return;
	case UI_KEY_CURSES(KEY_LEFT):
	case UI_KEY_CTRL('b'):
		p->cur = prev_char(s, p->cur);
		return;
	case UI_KEY_CURSES(KEY_RIGHT):
	case UI_KEY_CTRL('f'):
		p->cur = next_char(s, p->line.len, p->cur);
		return;
	case UI_KEY_CURSES(KEY_HOME):
	case UI_KEY_CTRL('a'):
		p->cur = 0;
		return;
	case UI_KEY_CURSES(KEY_END):
	case UI_KEY_CTRL('e'):
		p->cur = p->line.len;
		return;
	case UI_KEY_CTRL('u'):
		delete_range(p, 0, p->cur);
		return;
	case UI_KEY_CTRL('k'):
		p->line.len = p->cur;
		p->line.data[p->cur] = '\0';
		return;
	case UI_KEY_CTRL('w'):
		a = p->cur;
		while (a > 0 && s[a - 1] == ' ')
			a--;
		while (a > 0 && s[a - 1] != ' ')
			a--;
		delete_range(p, a, p->cur);
		return;
	case UI_KEY_CURSES(KEY_UP):
	case UI_KEY_CTRL('p'):
		walk_history(p, -1);
		return;
	case UI_KEY_CURSES(KEY_DOWN):
	case UI_KEY_CTRL('n'):
		walk_history(p, 1);
		return;
	case '\t':
		complete(ui);
		return;
	default:
		if (code >= 0x20 && code < UI_KEY_FN && code != 0x7f) {
			insert_char(p, code);
			free(p->typed);
			p->typed = NULL;
			p->hpos = history(p)->n;
		}
		return;
	}
}

static const char *
prefix(int kind)
{
	switch (kind) {
	case '/':
		return "/";
	case '?':
		return "?";
	case 'F':
		return "search all: ";
	default:
		return ":";
	}
}

void
ui_prompt_draw(struct ui *ui, int y)
{
	struct ui_prompt *p = ui->prompt;
	struct ui_style st = ui_style(ui, UI_OBJ_PROMPT);
	const char *pre = prefix(p->kind), *s = p->line.data != NULL ? p->line.data : "";
	int pw = ui_text_width(pre, strlen(pre)), avail, before;
	size_t from = 0;

	ui_draw_fill(ui, y, 0, ui->cols, st);
	ui_draw_str(ui, y, 0, ui->cols, pre, st);
	avail = ui->cols - pw - 1;
	/* Scroll the line so the cursor stays visible. */
	while ((before = ui_text_width(s + from, p->cur - from)) > avail && from < p->cur)
		from = next_char(s, p->cur, from);
	ui_draw_text(ui, y, pw, ui->cols - pw, s + from, strlen(s + from), st);
	move(y, pw + before);
	curs_set(1);
}
