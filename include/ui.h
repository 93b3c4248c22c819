/*
 * ui.h: the reader, on ncursesw. One struct ui holds all of the program's
 * state and is passed down; nothing in ui*.c keeps state in globals (the
 * only exception is the flag a signal handler sets, in ui-term.c).
 *
 *   ui.c          the loop: input, dispatch of actions to the views' ops
 *   ui-views.c    the one place that names the views and the layers
 *   ui-pane.c     the panes' places and the frame, drawn from the models
 *   ui-term.c     the terminal: set up, signals, given back on every way out
 *   ui-core.c     what every part changes: dirty flags, messages, focus
 *   ui-view.c     the base of every row-based view (rows, selection,
 *                 paging, drawing rows, clicks, position, finding text)
 *   ui-draw.c     drawing text clipped to cells, safe for hostile bytes
 *   ui-keys.c     actions by name, key names, keymaps and bindings
 *   ui-theme.c    colour themes (`color OBJECT FG BG [ATTR...]` files)
 *   ui-config.c   the config file and `:` commands (one grammar)
 *   ui-prompt.c   the command line: editing, history, Tab completion
 *   ui-status.c   the status bar and the message line
 *   ui-jump.c     the jump list (Ctrl-o / Ctrl-i): places, across articles
 *   ui-list.c     the article list view (paged from the store)
 *   ui-article.c  the reading view, with ui-article-lines.c (its lines,
 *                 cursor and scrolling) and its layers: ui-article-marks.c
 *                 (statements, mentions), ui-article-search.c (/ ? n N)
 *   ui-side.c     actors, statements and related statements
 *   ui-help.c     the help view, generated from the key table
 *   ui-anno-layer.c  annotating as layers of the article: highlights,
 *                 the selection, the annotation actions; over ui-anno.c
 *                 (the state), ui-select.c (motions), ui-tagpick.c (the
 *                 codebook picker), ui-note.c (the note editor),
 *                 ui-claim.c (speaker, target, status), ui-annobrowser.c
 *                 (`:annotations`) and ui-overlay.c (their popups)
 *   ui-ask.c      a yes-or-no question in a popup (replacing a file)
 *
 * A view (a pane, or the rows of a popup) plugs in through struct
 * ui_view_ops, as views do in tig: ui.c knows only that interface, and a
 * row-based view fills in the row ops and gets the rest from ui-view.c.
 * What is coloured over the article comes from layers (struct
 * ui_layer_ops). An action is a named entry in the action table
 * (ui-keys.c); keys are bound to actions per keymap, and `?` help is
 * generated from the same table, so neither can drift.
 *
 * Adding a key: add the action to UI_ACTIONS below, a default binding in
 * ui-keys.c, and handle it in a view's or a layer's action (or in ui.c
 * when it is global). Adding a pane: write its ops, add it to enum
 * ui_view_id and ui_view_table. Adding something drawn over the article:
 * write a layer's ops and add it to ui_layer_table.
 */
#ifndef DOSSIER_UI_H
#define DOSSIER_UI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "util.h"

struct store;

/* ---- public: what cmd-read.c needs ------------------------------- */

struct args_spec;
struct ui_start {
	const char *message;   /* shown on the status line at start, or NULL */
	int signal;            /* out: the signal that ended the reader, or 0 */
	/* The shell's command NAME's grammar (args.h), or NULL: the `:` line
	 * parses tag, export, annotations and search against it, so both
	 * take the same words. Handed in by the caller, so that the reader
	 * does not depend on the command table above it. */
	const struct args_spec *(*command)(const char *name);
};

/* Runs the reader on an open store until the user quits or SIGINT,
 * SIGTERM, SIGHUP or SIGQUIT arrives (then start->signal says which, for
 * the caller to re-raise once it has closed the store). Restores the
 * terminal on every way out. Returns 0, or -1 with a message. */
int ui_run(struct store *st, struct ui_start *start);

/* Writes the default key bindings, one "KEYMAP<TAB>KEYS<TAB>ACTION<TAB>HELP"
 * line per action and keymap, for `dossier read --keys`. */
int ui_print_keys(FILE *f);

/* ---- internal: shared by ui*.c ----------------------------------- */

#ifdef DOSSIER_UI_INTERNAL

#include <curses.h>

/* Annotation actions (ui-anno.c): selecting, tagging, notes, undo. */
#define UI_ANNO_ACTIONS(X) \
	X(SELECT, "select", ARTICLE, "start a selection at the cursor (again: end it)") \
	X(SELECT_SENTENCE, "select-sentence", ARTICLE, "select the sentence under the cursor") \
	X(TAG, "tag", ARTICLE, "tag the selection, highlight or sentence from the codebook") \
	X(NOTE, "note", ARTICLE, "write a note on the highlight") \
	X(NOTE_EDITOR, "note-editor", ARTICLE, "write the note in $VISUAL or $EDITOR") \
	X(CLAIM, "claim", ARTICLE, "set the claim's speaker, target and status") \
	X(DELETE_ANNOTATION, "delete-annotation", ARTICLE, "delete the highlight under the cursor") \
	X(OTHER_HIGHLIGHT, "other-highlight", ARTICLE, "where highlights overlap, pick the next one for t, a, c, d") \
	X(UNDO, "undo", GENERIC, "undo the last annotation change") \
	X(REDO, "redo", GENERIC, "redo the last undone annotation change") \
	X(BROWSE_ANNOTATIONS, "browse-annotations", GENERIC, "browse every annotation") \
	X(WORD_NEXT, "word-next", SELECT, "extend to the next word") \
	X(WORD_PREV, "word-prev", SELECT, "extend back a word") \
	X(WORD_END, "word-end", SELECT, "extend to the end of the word") \
	X(SENTENCE_NEXT, "sentence-next", SELECT, "extend to the end of the sentence") \
	X(SENTENCE_PREV, "sentence-prev", SELECT, "extend back to the start of the sentence") \
	X(PARAGRAPH_END, "paragraph-end", SELECT, "extend to the end of the paragraph") \
	X(PARAGRAPH_START, "paragraph-start", SELECT, "extend back to the start of the paragraph")

/* Actions: X(ID, "name", keymap, "help"). The name is what `bind` and `:`
 * take; the keymap is where help lists it. Order here is help order. */
#define UI_ACTIONS(X) \
	X(MOVE_DOWN, "move-down", GENERIC, "move down one line") \
	X(MOVE_UP, "move-up", GENERIC, "move up one line") \
	X(PAGE_DOWN, "page-down", GENERIC, "move down one screen") \
	X(PAGE_UP, "page-up", GENERIC, "move up one screen") \
	X(HALF_DOWN, "half-page-down", GENERIC, "move down half a screen") \
	X(HALF_UP, "half-page-up", GENERIC, "move up half a screen") \
	X(FIRST, "first", GENERIC, "go to the first line") \
	X(LAST, "last", GENERIC, "go to the last line") \
	X(OPEN, "open", GENERIC, "open the article, or jump to the statement") \
	X(BACK, "back", GENERIC, "go back; quit from the list") \
	X(QUIT, "quit", GENERIC, "quit dossier") \
	X(FOCUS_NEXT, "focus-next", GENERIC, "focus the next pane") \
	X(FOCUS_PREV, "focus-prev", GENERIC, "focus the previous pane") \
	X(FOCUS_LIST, "focus-list", GENERIC, "focus the article list") \
	X(FOCUS_ARTICLE, "focus-article", GENERIC, "focus the article") \
	X(FOCUS_SIDE, "focus-side", GENERIC, "focus the side pane") \
	X(TOGGLE_LIST, "toggle-list", GENERIC, "fold or unfold the article list") \
	X(JUMP_BACK, "jump-back", GENERIC, "go back in the jump list") \
	X(JUMP_FORWARD, "jump-forward", GENERIC, "go forward in the jump list") \
	X(SEARCH_CORPUS, "search-corpus", GENERIC, "search all articles") \
	X(PROMPT, "prompt", GENERIC, "open the command line") \
	X(HELP, "help", GENERIC, "show this help") \
	X(REPORT, "report", GENERIC, "reopen the last report (:report KIND draws one)") \
	X(TIMELINE, "timeline", ARTICLE, "the timeline of the actor under the cursor") \
	X(FETCH, "fetch", GENERIC, "fetch the subscribed feeds while reading") \
	X(REDRAW, "redraw", GENERIC, "redraw, reading again what other programs changed") \
	X(SUSPEND, "suspend", GENERIC, "suspend to the shell") \
	X(CANCEL, "cancel", GENERIC, "cancel pending keys and messages") \
	X(NEXT_STATEMENT, "next-statement", ARTICLE, "next statement") \
	X(PREV_STATEMENT, "prev-statement", ARTICLE, "previous statement") \
	X(NEXT_MENTION, "next-mention", ARTICLE, "next mention of the selected actor") \
	X(PREV_MENTION, "prev-mention", ARTICLE, "previous mention of the selected actor") \
	X(NEXT_ANNOTATION, "next-annotation", ARTICLE, "next annotation") \
	X(PREV_ANNOTATION, "prev-annotation", ARTICLE, "previous annotation") \
	X(NEXT_PARAGRAPH, "next-paragraph", ARTICLE, "next paragraph") \
	X(PREV_PARAGRAPH, "prev-paragraph", ARTICLE, "previous paragraph") \
	X(TOGGLE_COMMENTS, "toggle-comments", ARTICLE, "unfold or fold the reader comments after the article") \
	X(RELATED, "related", ARTICLE, "related statements of this statement") \
	X(ACTOR_STATEMENTS, "actor-statements", ARTICLE, "every statement by this actor") \
	X(AGREEMENT_MENTIONS, "agreement-mentions", ARTICLE, "every mention of this agreement") \
	X(PROMOTE_FOUND, "promote-found", SIDE, "add the found name to the knowledge base") \
	X(DISMISS_FOUND, "dismiss-found", SIDE, "hide the found name here and in new articles") \
	X(SEARCH_FORWARD, "search-forward", ARTICLE, "search forward in the article") \
	X(SEARCH_BACKWARD, "search-backward", ARTICLE, "search backward in the article") \
	X(SEARCH_NEXT, "search-next", ARTICLE, "next search hit") \
	X(SEARCH_PREV, "search-prev", ARTICLE, "previous search hit") \
	UI_ANNO_ACTIONS(X)

enum ui_action {
	UI_ACT_NONE = 0,
#define UI_ACT_ENUM(id, name, km, help) UI_ACT_##id,
	UI_ACTIONS(UI_ACT_ENUM)
#undef UI_ACT_ENUM
	UI_ACT_COUNT
};

/* Keymaps: bindings in a view's own keymap win over generic ones. */
#define UI_KEYMAPS(X) \
	X(GENERIC, "generic") \
	X(LIST, "list") \
	X(ARTICLE, "article") \
	X(SIDE, "side") \
	X(SELECT, "select")

enum ui_keymap {
#define UI_KM_ENUM(id, name) UI_KM_##id,
	UI_KEYMAPS(UI_KM_ENUM)
#undef UI_KM_ENUM
	UI_KM_COUNT
};

/* Theme objects: X(ID, "name"). Every element drawn has one. */
#define UI_OBJECTS(X) \
	X(NORMAL, "normal") \
	X(TITLE, "title") \
	X(TITLE_FOCUS, "title-focus") \
	X(SEPARATOR, "separator") \
	X(CURSOR, "cursor") \
	X(CURSOR_UNFOCUSED, "cursor-unfocused") \
	X(STATUS, "status") \
	X(STATUS_MODE, "status-mode") \
	X(MESSAGE, "message") \
	X(ERROR, "error") \
	X(PROMPT, "prompt") \
	X(LIST_DATE, "list-date") \
	X(LIST_OUTLET, "list-outlet") \
	X(LIST_COUNT, "list-count") \
	X(ARTICLE_TITLE, "article-title") \
	X(ARTICLE_META, "article-meta") \
	X(PERSON, "person") \
	X(STATE, "state") \
	X(ORGANIZATION, "organization") \
	X(PLACE, "place") \
	X(AGREEMENT, "agreement") \
	X(EVENT, "event") \
	X(STATEMENT, "statement") \
	X(STATEMENT_CURRENT, "statement-current") \
	X(SPEAKER, "speaker") \
	X(HIGHLIGHT, "highlight") \
	X(TAG_CLAIM, "tag-claim") \
	X(TAG_DENIAL, "tag-denial") \
	X(TAG_DEMAND, "tag-demand") \
	X(TAG_ACCUSATION, "tag-accusation") \
	X(TAG_PROPOSAL, "tag-proposal") \
	X(TAG_COMMITMENT, "tag-commitment") \
	X(TAG_FACT, "tag-fact") \
	X(TAG_OPINION, "tag-opinion") \
	X(SELECTION, "selection") \
	X(POPUP, "popup") \
	X(POPUP_CURSOR, "popup-cursor") \
	X(SEARCH_HIT, "search-hit") \
	X(CONTROL, "control") \
	X(SIDE_HEADING, "side-heading") \
	X(SIDE_COUNT, "side-count") \
	X(SIDE_FOUND, "side-found") \
	X(HELP_KEY, "help-key") \
	X(HELP_HEADING, "help-heading")

enum ui_object {
#define UI_OBJ_ENUM(id, name) UI_OBJ_##id,
	UI_OBJECTS(UI_OBJ_ENUM)
#undef UI_OBJ_ENUM
	UI_OBJ_COUNT
};

/* A style: colours (-1 = inherit / terminal default) and attributes.
 * Styles layer: a mention's colour over a statement's background. */
struct ui_style {
	short fg, bg;
	attr_t attr;
};

/* Keys: Unicode code points as themselves; curses function keys and
 * keys dossier defines (CSI u) above UI_KEY_FN. */
#define UI_KEY_FN 0x200000
#define UI_KEY_ENTER 13
#define UI_KEY_ESC 27
#define UI_KEY_BACKSPACE 127
#define UI_KEY_CTRL(c) ((c) & 0x1f)
#define UI_KEY_CURSES(k) (UI_KEY_FN + (k))
#define UI_KEY_CTRL_I (UI_KEY_FN + 0x10000)  /* Ctrl-i told apart from Tab */
#define UI_KEY_MAXSEQ 4

enum ui_view_id { UI_VIEW_LIST, UI_VIEW_ARTICLE, UI_VIEW_SIDE, UI_VIEW_HELP, UI_VIEW_COUNT };

struct ui;
struct ui_view;

/*
 * What a view provides; every hook is optional. Views draw from their
 * model every frame they are marked dirty; they never patch the screen in
 * place. A row-based view fills in draw_row (and what else it needs of the
 * row ops) and the base (ui-view.c) does the rest: moving, paging,
 * scrolling, drawing the rows with the cursor, clicks, the position.
 */
struct ui_view_ops {
	const char *name;           /* shown in its title */
	const char *mode;           /* the status bar's name when focused ("LIST") */
	enum ui_keymap keymap;
	int (*init)(struct ui *ui, struct ui_view *v);
	void (*free)(struct ui *ui, struct ui_view *v);
	/* Draws the content rectangle (v->y, v->x, v->h, v->w); NULL: the
	 * rows, by the base. */
	void (*draw)(struct ui *ui, struct ui_view *v);
	/* The title text after the name (e.g. the article's title). */
	void (*title)(struct ui *ui, struct ui_view *v, struct buf *out);
	/* Returns 1 when it handled the action, 0 to let the base and then
	 * ui.c try. */
	int (*action)(struct ui *ui, struct ui_view *v, enum ui_action a, int count);
	/* A click at content row/col (clicks: 1 single, 2 double); NULL: the
	 * base selects the row clicked, or opens it when clicked again. */
	void (*click)(struct ui *ui, struct ui_view *v, int row, int col, int clicks);
	/* Position for the status bar ("3/40 12%"); NULL: the base's. */
	void (*position)(struct ui *ui, struct ui_view *v, struct buf *out);
	/* The geometry changed (resize, fold): keep the cursor in view. */
	void (*resize)(struct ui *ui, struct ui_view *v);
	/* Where the terminal cursor goes when the view is focused (content
	 * row/col); 0 to hide it. */
	int (*cursor)(struct ui *ui, struct ui_view *v, int *row, int *col);
	/* Something it shows changed elsewhere (an article opened, the
	 * annotations changed): reload what depends on it. */
	void (*refresh)(struct ui *ui, struct ui_view *v);
	/* Another program wrote to the database (an import, `dossier
	 * annotate`): read again what is shown, the cursor staying on what
	 * it was on. */
	void (*reload)(struct ui *ui, struct ui_view *v);
	/* Actions it takes whichever pane is focused, before that pane does
	 * (a selection under way takes Esc; Ctrl-o works from anywhere);
	 * 1 when it took A. */
	int (*action_first)(struct ui *ui, struct ui_view *v, enum ui_action a, int count);
	/* The keymap keys go to while it says so (a selection: "select"),
	 * else KM unchanged. */
	enum ui_keymap (*keymap_now)(struct ui *ui, struct ui_view *v, enum ui_keymap km);
	/* The mode the status bar shows over the pane's own ("SELECT"), or NULL. */
	const char *(*mode_now)(struct ui *ui, struct ui_view *v);
	/* Work left for when no key waits (counting an article's actors); 1
	 * when it did some, so the loop draws again first. */
	int (*idle)(struct ui *ui, struct ui_view *v);
	/* The mouse button pressed (PRESS 1; after the click is handled) or
	 * let go (0), at content row/col; INSIDE: over this view. */
	void (*mouse)(struct ui *ui, struct ui_view *v, int press, int row, int col, int inside);
	/* Where the reader was: saved at the end, restored at the start in
	 * two passes: 0 before the first frame (1: there is more to reopen
	 * once that frame is shown, a long article perhaps), then 1 after it
	 * when some view said so. */
	void (*save)(struct ui *ui, struct ui_view *v);
	int (*restore)(struct ui *ui, struct ui_view *v, int pass);

	/* ---- the row ops (ui-view.c) ---- */
	/* Draws row I at screen row Y on BASE (the row is already filled
	 * with it when selected); 0 stops the drawing there. */
	int (*draw_row)(struct ui *ui, struct ui_view *v, size_t i, int y, struct ui_style base);
	/* Lines row I takes; NULL: v->row_h each. */
	int (*row_lines)(struct ui *ui, struct ui_view *v, size_t i);
	/* 0 for rows the cursor passes over (headings); NULL: every row. */
	int (*selectable)(struct ui *ui, struct ui_view *v, size_t i);
	/* Makes rows [from, from + want) present: a paged view reads them
	 * and may raise rows.n (rows.more: there may be rows past n). */
	void (*fetch)(struct ui *ui, struct ui_view *v, size_t from, size_t want);
	/* Enter, or a click on the selected row. */
	void (*open)(struct ui *ui, struct ui_view *v, size_t i);
	/* The words of row I, for finding text in the view; 0: none. */
	int (*row_text)(struct ui *ui, struct ui_view *v, size_t i, struct buf *out);
};

/* The rows of a row-based view (ui-view.c keeps its invariants). */
struct ui_rows {
	size_t n;            /* rows known */
	int more;            /* there may be rows past n (ops->fetch reads them) */
	size_t sel, top;     /* the selected row, the first row on screen */
};

struct ui_view {
	const struct ui_view_ops *ops;
	int y, x, h, w;      /* content rectangle (below the title row) */
	int ty;              /* the title row */
	int shown;
	int popup;           /* drawn in a popup's style, not a pane's */
	int row_h;           /* lines per row when ops->row_lines is NULL (0: 1) */
	struct ui_rows rows;
	char *find;          /* the words / last looked for in the rows, or NULL */
	int find_back;       /* ...with ? */
	void *priv;          /* the view's own state, owned by its file */
};

/* What needs drawing next frame. */
enum ui_dirty {
	UI_DIRTY_LIST = 1 << UI_VIEW_LIST,
	UI_DIRTY_ARTICLE = 1 << UI_VIEW_ARTICLE,
	UI_DIRTY_SIDE = 1 << UI_VIEW_SIDE,
	UI_DIRTY_HELP = 1 << UI_VIEW_HELP,
	UI_DIRTY_STATUS = 1 << 8,
	UI_DIRTY_LAYOUT = 1 << 9,      /* geometry: recompute and draw all */
	UI_DIRTY_ALL = 0xffff,
};

struct ui_theme;
struct ui_keys;
struct ui_prompt;
struct ui_report;
struct ui_anno;
struct ui_overlay;

/* One place the reader has been: the jump list's entry. */
struct ui_jump {
	int64_t article;
	size_t offset;
};

struct ui_jumps {
	struct ui_jump *v;
	size_t n, cap, pos;   /* pos == n: at the newest place */
};

struct ui_options {
	int mouse;
	char *theme;          /* name from config / :theme */
};

struct ui {
	struct store *st;
	const struct args_spec *(*command)(const char *name);  /* ui_start's */
	int rows, cols;
	int running;
	int live;             /* the terminal is set up (config may run before) */
	unsigned dirty;
	int too_small;
	int narrow;           /* < 100 columns: one pane at a time */
	int list_folded;
	enum ui_view_id focus;
	struct ui_view views[UI_VIEW_COUNT];
	int help_open;
	struct ui_theme *theme;
	struct ui_keys *keys;
	struct ui_prompt *prompt;
	struct ui_jumps jumps;
	struct ui_options opt;
	int colors;           /* the terminal has colours */
	int utf8;             /* the locale can show non-ASCII */
	SCREEN *screen;
	char *message;
	int message_error;
	int message_sticky;   /* survives the next key (set at start) */
	char *config_path;
	/* Each bad line of the config file, "FILE:LINE: what", one a line
	 * (NULL when none): printed on stderr at start, listed by the help. */
	char *config_errors;
	int config_bad;
	struct ui_anno *anno;       /* annotation state (ui-anno.c) */
	struct ui_overlay *overlay; /* a popup taking the keys, or NULL */
	struct ui_report *report;   /* the last report (ui-report.c), or NULL */
	struct ui_layer *layers;    /* the article's layers, in drawing order */
	size_t nlayers;
	/* How a command runs an action: set by the loop, which alone knows
	 * where each goes (a `:` line may name any action). */
	void (*run)(struct ui *ui, enum ui_action a, int count);
	struct ui_fetch *fetch;     /* a fetch under way (ui-fetch.c), or NULL */
	int64_t data_version;       /* the store's when last read (0: not yet) */
	int64_t summary_seen;       /* the article ui_fetch_summary last looked at */
	int sync_interval;          /* minutes between syncs in the background; 0: none */
	long long sync_next;        /* when the next is due (time_t), 0: none */
	int sync_joined;            /* the database has a team */
	char *sync_last;            /* "HH:MM" (UTC) of the last sync, or NULL */
	int sync_pid;               /* the `dossier sync` under way, 0: none */
	int sync_fd;                /* its output (a pipe), -1: none */
	struct buf sync_out;        /* what it printed so far */
};

/*
 * A popup over the panes that takes every key while it is open (the tag
 * picker, the note editor, the annotation browser). It is drawn after the
 * panes each frame; key returns 0 to close it, which frees it.
 */
struct ui_overlay {
	void (*draw)(struct ui *ui, struct ui_overlay *o);
	int (*key)(struct ui *ui, struct ui_overlay *o, int code);
	/* Where the terminal cursor goes (screen row and column); 0 hides it. */
	int (*cursor)(struct ui *ui, struct ui_overlay *o, int *y, int *x);
	void (*free)(struct ui_overlay *o);
	const char *mode;          /* for the status bar: "TAG", "NOTE", ... */
	int busy;                  /* in its key handler (ui-overlay.c) */
};

/* ui.c: the loop and the panes. */
#define UI_MIN_COLS 40
#define UI_MIN_ROWS 10
#define UI_WIDE_COLS 100
/* Runs an action as if its key had been pressed. */
void ui_run_action(struct ui *ui, enum ui_action a, int count);

/* ui-sync.c: a team's sync from the reader (`:sync`, `set sync-interval
 * N`), in a `dossier sync` of its own while the reader goes on;
 * ui_sync_due starts one when due and, on each turn of the loop, sees
 * whether the one under way has ended; ui_sync_where adds "syncing" or
 * the last sync's time to the status bar when the database has a team. */
void ui_sync_init(struct ui *ui);
void ui_sync_free(struct ui *ui);
int ui_sync_run(struct ui *ui);
void ui_sync_due(struct ui *ui);
int ui_sync_set_interval(struct ui *ui, const char *minutes);
void ui_sync_where(struct ui *ui, struct buf *b);

/* ui-fetch.c: R, the subscriptions fetched between key presses. */
int ui_fetch_start(struct ui *ui);
/* One turn of the fetch under way: up to TIMEOUT_MS, less when a key is
 * pressed; 1 when there was one. */
int ui_fetch_step(struct ui *ui, int timeout_ms);
/* Drops a fetch under way (the reader quits). */
void ui_fetch_stop(struct ui *ui);
/* Called by the loop before it waits for a key: when the article shown
 * has changed and is a feed item's summary, its page is fetched between
 * key presses and shown in its place (unless a fetch is under way, its
 * link is not http(s), or it is not the item's newest version). */
void ui_fetch_summary(struct ui *ui);

/* ui-views.c: the one place that names the views and the layers. */
extern const struct ui_view_ops *const ui_view_table[UI_VIEW_COUNT];
struct ui_layer_ops;
extern const struct ui_layer_ops *const ui_layer_table[];
extern const size_t ui_layer_count;

/* ui-pane.c: the panes' places, and a frame drawn from the models. */
void ui_pane_layout(struct ui *ui);
void ui_pane_draw(struct ui *ui);
/* The list and the status line only, before anything else is read. */
void ui_pane_first_frame(struct ui *ui);

/* ui-term.c: the terminal, set up and given back on every way out. */
void ui_term_signals(void);
void ui_term_reset_signals(void);
int ui_term_init(struct ui *ui);
void ui_term_end(struct ui *ui);
void ui_term_suspend(struct ui *ui);
/* The signal that asked the reader to end, or 0; forgetting it. */
int ui_term_signalled(void);
void ui_term_clear_signal(void);
/* The store's interrupt check: a signal came. */
int ui_term_interrupt(void *arg);
/* After a failed read: 1 when a signal came or the terminal is gone. */
int ui_term_gone(void);
/* How long reading a key waits: long when idle (the loop wakes to look
 * for signals), not at all while a fetch takes the time between keys. */
void ui_term_key_wait(int busy);
/* A key from get_wch as a key code (UI_KEY_*). */
int ui_term_key(int rc, wint_t wc);

/* ui-core.c: the state every part changes. */
void ui_mark(struct ui *ui, unsigned dirty);
void ui_message(struct ui *ui, const char *fmt, ...) PRINTFLIKE(2, 3);
void ui_error(struct ui *ui, const char *fmt, ...) PRINTFLIKE(2, 3);
void ui_clear_message(struct ui *ui);
/* Focuses a pane (unfolding the list when it is the list). */
void ui_focus(struct ui *ui, enum ui_view_id id);
int ui_focusable(struct ui *ui, enum ui_view_id id);
/* The next (DIR 1) or previous focusable pane. */
void ui_focus_step(struct ui *ui, int dir);
struct ui_view *ui_view(struct ui *ui, enum ui_view_id id);
void ui_set_mouse(struct ui *ui, int on);

/* ui-view.c: the base of every row-based view. */
/* Sets the row count (and whether more can be fetched), keeping the
 * selection and the top row in range. */
void ui_view_set_rows(struct ui *ui, struct ui_view *v, size_t n, int more);
/* Selects row I (the nearest selectable one) and keeps it on screen. */
void ui_view_select(struct ui *ui, struct ui_view *v, size_t i);
void ui_view_keep_visible(struct ui *ui, struct ui_view *v);
/* Rows from TOP that fit in the view's height (at least 1). */
size_t ui_view_fits(struct ui *ui, struct ui_view *v, size_t top);
/* Runs a motion (move, page, half page, first, last); 0 when A is not one. */
int ui_view_move(struct ui *ui, struct ui_view *v, enum ui_action a, int count);
/* Draws the rows from the top one, the selected one in the cursor's style. */
void ui_view_draw_rows(struct ui *ui, struct ui_view *v);
/* A popup's list: V's rows placed at Y, X (the popup's text; the
 * cursor's fill starts a column to its left) in H rows of W columns and
 * drawn, EMPTY on the first row when there are none. Nothing when H < 1. */
void ui_view_draw_in(struct ui *ui, struct ui_view *v, int y, int x, int h, int w,
    const char *empty);
/* The row at content row ROW, or SIZE_MAX. */
size_t ui_view_row_at(struct ui *ui, struct ui_view *v, int row);
/* A click: selects the row, or opens it (clicked again, or CLICKS 2). */
void ui_view_click(struct ui *ui, struct ui_view *v, int row, int clicks);
/* Opens the selected row (ops->open). */
void ui_view_open(struct ui *ui, struct ui_view *v);
/* "3/40 12%" */
void ui_view_position(struct ui *ui, struct ui_view *v, struct buf *out);
/* Selects the next row (DIR < 0: previous), wrapping, whose text holds
 * WORD, case folded; -1 when none does. */
int ui_view_find(struct ui *ui, struct ui_view *v, const char *word, int dir);
/* Marks the view for drawing (a popup: the whole screen). */
void ui_view_dirty(struct ui *ui, struct ui_view *v);
/* Something the panes show changed (an article opened, annotations):
 * each pane's ops->refresh. */
void ui_views_refresh(struct ui *ui);
/* When another program has written to the database since the last look
 * (or FORCE, Ctrl-l), each view reads again what it shows (ops->reload);
 * 1 when they did. One PRAGMA when nothing changed; put off while a popup
 * or the command line is open, since those hold rows being read. */
int ui_views_reload(struct ui *ui, int force);
/* What the loop calls: the view's own op when it has one, else the
 * base's (for a row-based view). ui_view_action returns 1 when handled. */
int ui_view_action(struct ui *ui, struct ui_view *v, enum ui_action a, int count);
void ui_view_draw(struct ui *ui, struct ui_view *v);
void ui_view_clicked(struct ui *ui, struct ui_view *v, int row, int col, int clicks);
void ui_view_where(struct ui *ui, struct ui_view *v, struct buf *out);
/* In a popup, where letters are typed: the motion a key is (Up, Down,
 * Ctrl-p, Ctrl-n, PgUp, PgDn), else UI_ACT_NONE. */
enum ui_action ui_view_popup_motion(int code);
/* In a popup list where no letters are typed (a report, the timeline):
 * the popup motions and j, k, g, G, Home, End, else UI_ACT_NONE. Move by
 * it with no count, or G would read the count as a row. */
enum ui_action ui_view_list_motion(int code);

/* ui-draw.c */
/* Draws UTF-8 s[0, len) at (y, x) in at most width cells, control and
 * invalid bytes shown as visible glyphs in the "control" style; returns
 * the cells used. */
int ui_draw_text(struct ui *ui, int y, int x, int width, const char *s, size_t len,
    struct ui_style st);
int ui_draw_str(struct ui *ui, int y, int x, int width, const char *s, struct ui_style st);
/* The same, but text that does not fit ends in "…" (">" where the
 * terminal cannot show it), so that nothing is cut off without a sign. */
int ui_draw_cut(struct ui *ui, int y, int x, int width, const char *s, size_t len,
    struct ui_style st);
/* Fills cells with blanks in a style. */
void ui_draw_fill(struct ui *ui, int y, int x, int width, struct ui_style st);
/* The cells s would take (same rules as ui_draw_text). */
int ui_text_width(const char *s, size_t len);
/* Byte length of the longest prefix of s that fits in width cells. */
size_t ui_text_fit(const char *s, size_t len, int width);

/* ui-theme.c */
struct ui_style ui_style(struct ui *ui, enum ui_object o);
/* over's colours (when set) on top of base; attributes add up. */
struct ui_style ui_style_over(struct ui_style base, struct ui_style over);
void ui_style_apply(struct ui *ui, struct ui_style st);
/* No colour and no attribute: what a theme left unset. */
int ui_style_plain(struct ui_style st);
/* Loads themes/NAME.theme (or a path) into ui->theme and applies it. Bad
 * lines are skipped; *warnings counts them and err_msg() names the first. */
int ui_theme_load(struct ui *ui, const char *name, int *warnings);
const char *ui_theme_name(const struct ui *ui);
/* Theme names in the theme directory (malloc'd vector, NULL-terminated). */
char **ui_theme_list(void);
void ui_theme_free(struct ui *ui);
/* Attributes only, no file: the theme before one is read, and the
 * fallback when none can be. */
void ui_theme_builtin(struct ui *ui);
/* Parses one colour: "default", a name, "bright-NAME", "color123", "123". */
int ui_theme_color(const char *s, short *out);

/* ui-keys.c */
const char *ui_action_name(enum ui_action a);
const char *ui_action_help(enum ui_action a);
enum ui_keymap ui_action_keymap(enum ui_action a);
enum ui_action ui_action_find(const char *name);
const char *ui_keymap_name(enum ui_keymap k);
int ui_keymap_find(const char *name);
/* Parses "j", "]s", "<C-d>", "<PgDn>", "^D" into codes; returns count. */
int ui_keys_parse(const char *s, int *codes, int max);
/* Appends the name of one key code. */
void ui_key_name(int code, struct buf *out);
int ui_keys_init(struct ui *ui);
void ui_keys_free(struct ui *ui);
/* Binds; replaces an existing binding of the same keys in that keymap. */
int ui_keys_bind(struct ui *ui, enum ui_keymap km, const char *keys, enum ui_action a);
/* Feeds one key. Returns the action when a binding completes, UI_ACT_NONE
 * while a sequence is pending (*pending set) or when nothing matched
 * (*unbound set). A leading count ("5j") is returned in *count. */
enum ui_action ui_keys_feed(struct ui *ui, enum ui_keymap km, int code, int *count,
    int *pending, int *unbound);
void ui_keys_reset(struct ui *ui);
/* The keys typed so far in a pending sequence ("]"), for the status bar. */
void ui_keys_pending(struct ui *ui, struct buf *out);
/* Appends every key bound to the action in that keymap ("j, <Down>"). */
int ui_keys_for(struct ui *ui, enum ui_keymap km, enum ui_action a, struct buf *out);
/* Appends the keys that run A when keys go to keymap KM: its own
 * bindings, then the generic ones it does not bind otherwise. */
int ui_keys_working(struct ui *ui, enum ui_keymap km, enum ui_action a, struct buf *out);
/* Appends where a generic key of A means something else ("article: ?
 * is search-backward"); returns how many. */
int ui_keys_shadows(struct ui *ui, enum ui_action a, struct buf *out);

/* ui-config.c */
/* Reads the config file; a missing file is fine. Each bad line is kept in
 * config_errors as "FILE:LINE: what", the first is the message (with how
 * many there are in all), and the rest of the file still loads. */
void ui_config_load(struct ui *ui, const char *path);
/* Runs one command line (config syntax, or a `:` line). "where" prefixes
 * error messages. Returns 0, or -1 with err_msg() set. */
int ui_command(struct ui *ui, const char *line);
/* ui-cands.c: completion candidates, a set of strings. */
struct ui_cands {
	char **v;
	size_t n, cap;
};
void ui_cands_add(struct ui_cands *c, const char *s);
void ui_cands_free(struct ui_cands *c);
/* How many bytes all of them begin with. */
size_t ui_cands_common(const struct ui_cands *c);
/* Adds to OUT those of ALL that WORD[0, len) begins (any case), then
 * those it begins a later word of ("Lav": "Sergey Lavrov"). */
void ui_cands_filter(const struct ui_cands *all, const char *word, size_t len,
    struct ui_cands *out);
/* The codebook's tag names. */
void ui_cands_tags(struct ui *ui, struct ui_cands *out);
/* The files and directories (with a final '/') whose path WORD[0, len)
 * begins, sorted; hidden ones only when the name typed starts with '.'. */
void ui_cands_paths(const char *word, size_t len, struct ui_cands *out);
struct ui_command_info {
	const char *name;
	const char *args;
	const char *help;
};
/* The i-th command, for help; NULL past the end. */
const struct ui_command_info *ui_command_info(size_t i);
/* Candidates for the word of line[0, cursor) that ends at the cursor;
 * *word_start is where that word begins. */
void ui_command_complete(struct ui *ui, const char *line, size_t cursor,
    struct ui_cands *out, size_t *word_start);

/* The `:` line's prompt ops (the commands above). */
struct ui_prompt_ops;
extern const struct ui_prompt_ops ui_command_line;

/* ui-prompt.c */
int ui_prompt_init(struct ui *ui);
void ui_prompt_free(struct ui *ui);
/* What a line is for, given by whoever opens it: submit runs the line
 * typed (0, or -1 with err_msg() shown); complete (NULL: no completion)
 * gives the candidates for the word before the cursor. */
struct ui_prompt_ops {
	int (*submit)(struct ui *ui, int kind, const char *line);
	void (*complete)(struct ui *ui, const char *line, size_t cursor, struct ui_cands *out,
	    size_t *word_start);
};
/* Opens the line with a leading character (':', '/', '?', 'F'); ':' lines
 * and the others keep separate histories. */
void ui_prompt_open(struct ui *ui, int kind, const struct ui_prompt_ops *ops);
int ui_prompt_active(const struct ui *ui);
void ui_prompt_key(struct ui *ui, int code);
void ui_prompt_draw(struct ui *ui, int y);

/* ui-status.c */
void ui_status_draw(struct ui *ui);

/* ui-jump.c: the jump list holds places; the article view goes to them. */
/* Records HERE (no article: nothing) before moving away from it. */
void ui_jump_push(struct ui_jumps *j, struct ui_jump here);
/* The place before (*to), leaving HERE; -1 at the oldest. */
int ui_jump_back(struct ui_jumps *j, struct ui_jump here, struct ui_jump *to);
/* The place after (*to); -1 at the newest. */
int ui_jump_forward(struct ui_jumps *j, struct ui_jump *to);
void ui_jumps_free(struct ui_jumps *j);

/* ui-list.c */
extern const struct ui_view_ops ui_list_ops;
/* Replaces the list with corpus search results; NULL or "" restores it. */
int ui_list_search(struct ui *ui, const char *query);
/* Articles were added (a fetch): the list is counted and read again, the
 * selection staying on its article; a search's results are left alone. */
void ui_list_reload(struct ui *ui);

/* ui-article.c: the reading view (its lines and cursor: ui-article-lines.c).
 * What is coloured over the text comes from layers. */
extern const struct ui_view_ops ui_article_ops;
/* A styled range of the article body, drawn over the text. */
struct ui_span {
	size_t start, end;
	enum ui_object obj;
	int64_t id;            /* what it stands for (entity, annotation), or 0 */
	int styled;            /* drawn in style, not obj's (a tag's colour) */
	struct ui_style style;
};
struct ui_spans {
	struct ui_span *v;
	size_t n, cap;
};
void ui_spans_add(struct ui_spans *s, struct ui_span sp);
/* Sorts by start (then end); the span covering OFF, the latest-starting
 * of those that do, in a sorted set (NULL: none). */
void ui_spans_sort(struct ui_spans *s);
const struct ui_span *ui_spans_at(const struct ui_spans *s, size_t off);

/*
 * A layer of the article: what it colours over the body bytes shown and
 * the actions it takes on the cursor. The article's statements and
 * mentions (ui-article-marks.c), its search hits (ui-article-search.c)
 * and the annotations (ui-anno-layer.c) are layers; the article view
 * knows only this interface and draws them in the order of
 * ui_layer_table (ui-views.c), later over earlier. Every hook is optional.
 */
struct ui_layer;
struct ui_layer_ops {
	const char *name;
	int (*init)(struct ui *ui, struct ui_layer *l);
	void (*free)(struct ui *ui, struct ui_layer *l);
	/* An article was opened (ui_article_id() says which). */
	void (*opened)(struct ui *ui, struct ui_layer *l);
	/* Another program wrote to the database: what was read of the open
	 * article is read again (the cursor and a selection stay). */
	void (*reload)(struct ui *ui, struct ui_layer *l);
	/* Appends the spans over body bytes [from, to), what is shown. */
	void (*spans)(struct ui *ui, struct ui_layer *l, size_t from, size_t to,
	    struct ui_spans *out);
	/* Takes an action (1) when the article view is given it; with first
	 * set, before the focused pane is. */
	int first;
	int (*action)(struct ui *ui, struct ui_layer *l, enum ui_action a, int count);
	/* The keymap keys go to now, else KM; the status bar's mode, or NULL. */
	enum ui_keymap (*keymap)(struct ui *ui, struct ui_layer *l, enum ui_keymap km);
	const char *(*mode)(struct ui *ui, struct ui_layer *l);
	/* Work for when no key waits; 1 when it did some. */
	int (*idle)(struct ui *ui, struct ui_layer *l);
	/* The mouse: pressed (IN_ARTICLE: over the article, whose cursor is
	 * there now); whether a drag is under way; released (the cursor is
	 * where it was let go, when over the article). */
	void (*press)(struct ui *ui, struct ui_layer *l, int in_article);
	int (*dragging)(struct ui *ui, struct ui_layer *l);
	void (*release)(struct ui *ui, struct ui_layer *l);
	/* Rows it shows at the foot of the side pane: how many of H, and
	 * drawing them in [y, y + h). */
	int (*side_rows)(struct ui *ui, struct ui_layer *l, int h);
	void (*side_draw)(struct ui *ui, struct ui_layer *l, int y, int x, int h, int w);
};
struct ui_layer {
	const struct ui_layer_ops *ops;
	void *priv;
};

/* The layer registered with these ops (its state), or NULL. */
struct ui_layer *ui_article_layer(struct ui *ui, const struct ui_layer_ops *ops);
/* Opens an article with the cursor at a byte offset. */
int ui_article_open(struct ui *ui, int64_t id, size_t offset);
int64_t ui_article_id(struct ui *ui);
size_t ui_article_offset(struct ui *ui);
/* Moves the cursor within the open article. */
void ui_article_goto(struct ui *ui, size_t offset);
/* Records the cursor's place in the jump list, before a jump. */
void ui_article_jump_push(struct ui *ui);
/* The open article's body (NULL when none). */
const char *ui_article_body(struct ui *ui, size_t *len);
/* The article shown (its stored fields), or NULL when none is. */
const struct store_article *ui_article_shown(struct ui *ui);

/* ui-article-marks.c: the statements and mentions layers. */
extern const struct ui_layer_ops ui_statement_layer, ui_mention_layer;
struct store_statement;
struct store_entity;
/* The statement under the cursor, or NULL. */
const struct store_statement *ui_article_statement(struct ui *ui);
/* The open article's actors and agreements (store_article_entities). */
const struct store_entity *ui_article_entities(struct ui *ui, size_t *n);
/* 0 while the article's actors are still to be counted. */
int ui_article_actors_counted(struct ui *ui);
/* The actor ]m/[m step through (0: every mention). */
void ui_article_select_entity(struct ui *ui, int64_t id);
int64_t ui_article_selected_entity(struct ui *ui);
/* `*`: the actor under the cursor, else the statement's speaker, else
 * the one selected; `#`: the agreement under the cursor, else the
 * selected entity if it is one, else the first the statement names. 0
 * (with a message) when none. */
int64_t ui_article_actor_here(struct ui *ui);
int64_t ui_article_agreement_here(struct ui *ui);
/* The theme object for an entity kind ("person", "agreement", ...). */
enum ui_object ui_kind_object(const char *kind);
/* Appends "  Name said" for the statement under the cursor, if any. */
void ui_article_speaker(struct ui *ui, struct buf *out);

/* ui-article-search.c: `/`, `?`, n and N in the article, a layer. */
extern const struct ui_layer_ops ui_search_layer;
/* The article was opened from a corpus search's results (F): its search
 * becomes the query's words, highlighted, n and N step through them,
 * and the cursor goes to the first. */
void ui_article_search_query(struct ui *ui, const char *query);

/* ui-side.c */
extern const struct ui_view_ops ui_side_ops;
/* The article changed: refill the actors. */
void ui_side_refresh(struct ui *ui);
/* Fill the results part of the side pane and focus it: the statements
 * related to the one under the cursor; every statement by an entity; every
 * mention of an entity (an agreement) across the corpus, newest first, a
 * page at a time (the next read when the pane reaches its end). */
void ui_side_related(struct ui *ui);
void ui_side_statements_by(struct ui *ui, int64_t entity);
void ui_side_mentions_of(struct ui *ui, int64_t entity);

/* ui-anno.c: the annotation state (below the popups ui-tagpick.c,
 * ui-note.c, ui-claim.c, ui-annobrowser.c and the layers). */
int ui_anno_init(struct ui *ui);
void ui_anno_free(struct ui *ui);
/* The article was opened (or changed): reload its highlights. */
void ui_anno_opened(struct ui *ui);
/* `:tag ...`, `:export FILE [FORMAT]` and `:annotations [FILTER]`. */
struct args;
int ui_anno_tag_command(struct ui *ui, const struct args *a);
int ui_anno_export_command(struct ui *ui, const struct args *a);
int ui_anno_browse(struct ui *ui, const char *filter);
/* Opens the article at highlight A (the jump list records where the
 * reader was); an orphan's article at its start, saying why. */
struct store_anno;
void ui_anno_jump(struct ui *ui, const struct store_anno *a);
/* For the ui-anno*.c files: the annotation state of the reader. */
struct anno_session;
struct anno_code;
struct store_anno;
struct store_tag;
struct text_span;
struct ui_anno {
	struct anno_session *s;     /* NULL: annotating is off, *disabled says why */
	char *disabled;
	int64_t article;            /* whose annotations rows holds */
	struct store_anno *rows;    /* the open article's live annotations */
	size_t n;
	struct store_tag *tags;     /* the codebook, in its order */
	size_t ntags;
	struct anno_code *codes;    /* the default codebook, for its colours */
	size_t ncodes;
	int selecting;              /* a selection from anchor to the cursor */
	size_t anchor;
	int dragging;               /* the mouse button is down in the article */
	size_t drag_from;
	int64_t spans_article;      /* whose sentences and paragraphs are read */
	struct text_span *sents, *paras;
	size_t nsents, nparas;
	struct ui_spans hl;         /* the highlights as spans to colour */
	int64_t chosen;             /* picked with o among overlapping ones, or 0 */
};
/* What an action applies to: highlight id, or (id 0) a new one. */
struct ui_anno_target {
	int64_t article, id;
	size_t start, end;
};
void ui_anno_reload(struct ui *ui);
void ui_anno_reload_tags(struct ui *ui);
/* 1 when annotations can be changed, else says why and returns 0. */
int ui_anno_writable(struct ui *ui);
/* The innermost highlight at a body offset, or NULL. */
const struct store_anno *ui_anno_at(struct ui *ui, size_t off);
/* How many live highlights cover OFF, and which of them (1-based, in
 * order of start, then age) ui_anno_at gives; 0 when none. */
size_t ui_anno_here(struct ui *ui, size_t off, size_t *which);
/* Says which highlight an action takes ("DONE "quote" (tags), 1 of 2
 * here"): always when DONE is not "", else only where several overlap. */
void ui_anno_say_which(struct ui *ui, const struct store_anno *at, const char *done);
/* o: the next of the highlights under the cursor becomes the one that
 * t, a, c and d take. */
void ui_anno_other(struct ui *ui);
/* The selection, else the highlight under the cursor, else (when
 * SENTENCE) the cursor's sentence; -1 (with a message) when none. */
int ui_anno_target(struct ui *ui, int sentence, struct ui_anno_target *t);
/* Makes T a highlight (with TAG and NOTE, each may be NULL). */
int ui_anno_create(struct ui *ui, struct ui_anno_target *t, const char *tag,
    const char *note);
void ui_anno_end_selection(struct ui *ui);
/* Line breaks and tabs in b->data[from, len) become spaces, so that a
 * quote or note shows on one line. */
void ui_anno_flatten(struct buf *b, size_t from);
/* How a highlight with this tag is drawn; how an annotation is (its
 * first tag's style). */
struct ui_style ui_anno_tag_style(struct ui *ui, const char *name, const char *color);
struct ui_style ui_anno_style(struct ui *ui, const struct store_anno *a);
/* The popups: the codebook picker (t), the note editor (a, or the
 * external one with A), the claim editor (c) of highlight ID (0: the one
 * under the cursor). */
void ui_tagpick_open(struct ui *ui);
void ui_note_open(struct ui *ui, int external);
/* The note editor on other text than a note (a memo, ui-memo.c): TITLE
 * over the popup, ORIG (taken) the text it starts with; on Esc, SAVE gets
 * the text when it changed (0 closes; -1 with a message keeps it open
 * with the text). ARG is freed by FREE with the popup. */
struct ui_text_save {
	char *title;
	int (*save)(struct ui *ui, void *arg, const char *text, const char *orig);
	void *arg;
	void (*free)(void *arg);
};
void ui_note_edit(struct ui *ui, struct ui_text_save *t, char *orig);
/* ui-memo.c: `:memo [project | tag NAME]`: the memo of the open article
 * (else the project's), the project's or a tag's, in the note editor. */
int ui_memo_command(struct ui *ui, int argc, char **argv, const char *rest);
void ui_claim_open(struct ui *ui, int64_t id);

/* The open article's text with its sentences and paragraphs, for the
 * selection's motions. */
struct ui_select_text;
void ui_anno_text(struct ui *ui, struct ui_select_text *t);

/* ui-anno-layer.c: the highlights and the selection, layers of the article. */
extern const struct ui_layer_ops ui_anno_layer, ui_selection_layer;

/* ui-select.c: the motions that extend a selection, over the open
 * article's text and the spans found at import. Pure: tested alone. */
struct ui_select_text {
	const char *body;
	size_t len;
	const struct text_span *sents, *paras;
	size_t nsents, nparas;
};
/* Where A (word, sentence or paragraph motion) takes the selection's
 * moving end from CUR. The end is inclusive: a character's start. */
size_t ui_select_motion(const struct ui_select_text *t, enum ui_action a, size_t cur);
/* The sentence at OFF (else the nearest before it); 0 when there is one. */
int ui_select_sentence(const struct ui_select_text *t, size_t off, size_t *start,
    size_t *end);
/* The start of the character that ends at END. */
size_t ui_select_last_char(const char *s, size_t end);
/* [lo, hi) between two inclusive ends, without surrounding blanks; 0 when
 * something is left. */
int ui_select_span(const char *s, size_t len, size_t a, size_t b, size_t *lo, size_t *hi);

/* ui-ask.c: asks QUESTION (y or n) in a popup; on y calls YES(ui, ARG),
 * showing its error if it fails; on n says DECLINED (a string literal).
 * FREE_ARG (may be NULL) frees ARG when the popup goes. */
typedef int ui_ask_fn(struct ui *ui, void *arg);
void ui_ask(struct ui *ui, const char *question, const char *declined, ui_ask_fn *yes,
    void *arg, void (*free_arg)(void *arg));

/* Opens a popup (taking ownership) or closes the open one. */
void ui_overlay_open(struct ui *ui, struct ui_overlay *o);
void ui_overlay_close(struct ui *ui);
void ui_overlay_key(struct ui *ui, int code);
/* A framed box of h rows and w columns centred on the screen (the frame
 * included), with a title; *y and *x are its inside's top left. The popup
 * styles, with fallbacks for themes that lack them. */
void ui_popup_box(struct ui *ui, int h, int w, const char *title, int *y, int *x);
struct ui_style ui_popup_style(struct ui *ui, int cursor);

/* ui-help.c */
extern const struct ui_view_ops ui_help_ops;

/* ui-report.c: `:report KIND ...` (the shell's grammar) draws a report
 * in a popup whose counts open the segments behind them; `%` reopens
 * the last one where it was. ui_report_free forgets it. */
int ui_report_command(struct ui *ui, const struct args *a);
void ui_report_reopen(struct ui *ui);
void ui_report_free(struct ui *ui);

/* ui-timeline.c: the statements by actor BY and naming ABOUT (0: any;
 * one at least), oldest first under their months, with the tags of the
 * highlights over them (TAG: only those carrying it); Enter goes to one
 * through the jump list. ui_timeline_here: T, the timeline of the actor
 * under the cursor (else the statement's speaker). */
int ui_timeline_open(struct ui *ui, int64_t by, int64_t about, const char *tag);
void ui_timeline_here(struct ui *ui);

/* ui-disagree.c: `:intercoder --coders A,B [--tag T]` (the shell's
 * grammar): each sentence one coder coded with a tag and the other did
 * not, under each tag's coefficients; Enter opens the article at it
 * through the jump list and says how each of the two coded it. */
int ui_disagree_command(struct ui *ui, const struct args *a);

#endif /* DOSSIER_UI_INTERNAL */

#endif
