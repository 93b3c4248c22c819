/*
 * ui.h: the reader, on ncursesw. One struct ui holds all of the program's
 * state and is passed down; nothing in ui*.c keeps state in globals (the
 * only exception is the flag a signal handler sets, in ui.c).
 *
 *   ui.c          the loop: input, dispatch, redraw flags, signals, layout
 *   ui-draw.c     drawing text clipped to cells, safe for hostile bytes
 *   ui-keys.c     actions by name, key names, keymaps and bindings
 *   ui-theme.c    colour themes (`color OBJECT FG BG [ATTR...]` files)
 *   ui-config.c   the config file and `:` commands (one grammar)
 *   ui-prompt.c   the command line: editing, history, Tab completion
 *   ui-status.c   the status bar and the message line
 *   ui-jump.c     the jump list (Ctrl-o / Ctrl-i), across articles
 *   ui-list.c     the article list view (paged from the store)
 *   ui-article.c  the reading view
 *   ui-side.c     actors, statements and related statements
 *   ui-help.c     the help view, generated from the key table
 *   ui-anno.c     annotating: highlights drawn, selection, tags, notes,
 *                 undo, with ui-select.c (motions), ui-tagpick.c (the
 *                 codebook picker), ui-note.c (the note editor),
 *                 ui-claim.c (speaker, target, status), ui-annobrowser.c
 *                 (`:annotations`) and ui-overlay.c (their popups)
 *
 * A view (pane) plugs into the loop through struct ui_view_ops, as views
 * do in tig: ui.c knows only that interface. An action is a named entry in
 * the action table (ui-keys.c); keys are bound to actions per keymap, and
 * `?` help is generated from the same table, so neither can drift.
 *
 * Adding a key: add the action to UI_ACTIONS below, a default binding in
 * ui-keys.c, and handle it in a view's ops->action (or in ui.c when it is
 * global). Adding a pane: write its ops and add it to enum ui_view_id.
 */
#ifndef DOSSIER_UI_H
#define DOSSIER_UI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "util.h"

struct store;

/* ---- public: what cmd-read.c needs ------------------------------- */

struct ui_start {
	const char *message;   /* shown on the status line at start, or NULL */
	int signal;            /* out: the signal that ended the reader, or 0 */
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
	X(REDRAW, "redraw", GENERIC, "redraw the screen") \
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
	X(RELATED, "related", ARTICLE, "related statements of this statement") \
	X(ACTOR_STATEMENTS, "actor-statements", ARTICLE, "every statement by this actor") \
	X(AGREEMENT_MENTIONS, "agreement-mentions", ARTICLE, "every mention of this agreement") \
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
 * What a view provides. Every hook but draw is optional. Views draw from
 * their model every frame they are marked dirty; they never patch the
 * screen in place.
 */
struct ui_view_ops {
	const char *name;           /* shown in its title */
	enum ui_keymap keymap;
	int (*init)(struct ui *ui, struct ui_view *v);
	void (*free)(struct ui *ui, struct ui_view *v);
	/* Draws the content rectangle (v->y, v->x, v->h, v->w). */
	void (*draw)(struct ui *ui, struct ui_view *v);
	/* The title text after the name (e.g. the article's title). */
	void (*title)(struct ui *ui, struct ui_view *v, struct buf *out);
	/* Returns 1 when it handled the action, 0 to let ui.c try. */
	int (*action)(struct ui *ui, struct ui_view *v, enum ui_action a, int count);
	/* A click at content row/col (clicks: 1 single, 2 double). */
	void (*click)(struct ui *ui, struct ui_view *v, int row, int col, int clicks);
	/* Position for the status bar: "3/40 12%". */
	void (*position)(struct ui *ui, struct ui_view *v, struct buf *out);
	/* The geometry changed (resize, fold): keep the cursor in view. */
	void (*resize)(struct ui *ui, struct ui_view *v);
	/* Where the terminal cursor goes when the view is focused (content
	 * row/col); 0 to hide it. */
	int (*cursor)(struct ui *ui, struct ui_view *v, int *row, int *col);
};

struct ui_view {
	const struct ui_view_ops *ops;
	int y, x, h, w;      /* content rectangle (below the title row) */
	int ty;              /* the title row */
	int shown;
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
	struct ui_anno *anno;       /* annotation state (ui-anno.c) */
	struct ui_overlay *overlay; /* a popup taking the keys, or NULL */
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

/* ui.c */
#define UI_MIN_COLS 40
#define UI_MIN_ROWS 10
#define UI_WIDE_COLS 100
void ui_mark(struct ui *ui, unsigned dirty);
void ui_message(struct ui *ui, const char *fmt, ...) PRINTFLIKE(2, 3);
void ui_error(struct ui *ui, const char *fmt, ...) PRINTFLIKE(2, 3);
void ui_focus(struct ui *ui, enum ui_view_id id);
/* Runs an action as if its key had been pressed. */
void ui_run_action(struct ui *ui, enum ui_action a, int count);
struct ui_view *ui_view(struct ui *ui, enum ui_view_id id);
void ui_set_mouse(struct ui *ui, int on);

/* ui-draw.c */
/* Draws UTF-8 s[0, len) at (y, x) in at most width cells, control and
 * invalid bytes shown as visible glyphs in the "control" style; returns
 * the cells used. */
int ui_draw_text(struct ui *ui, int y, int x, int width, const char *s, size_t len,
    struct ui_style st);
int ui_draw_str(struct ui *ui, int y, int x, int width, const char *s, struct ui_style st);
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
const char *ui_object_name(enum ui_object o);
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

/* ui-config.c */
/* Reads the config file; a missing file is fine. Bad lines are reported
 * as a message naming file:line, and the rest still loads. */
void ui_config_load(struct ui *ui, const char *path);
/* Runs one command line (config syntax, or a `:` line). "where" prefixes
 * error messages. Returns 0, or -1 with err_msg() set. */
int ui_command(struct ui *ui, const char *line);
struct ui_command_info {
	const char *name;
	const char *args;
	const char *help;
};
/* The i-th command, for help; NULL past the end. */
const struct ui_command_info *ui_command_info(size_t i);
/* Completion candidates: a set of strings. */
struct ui_cands {
	char **v;
	size_t n, cap;
};
void ui_cands_add(struct ui_cands *c, const char *s);
void ui_cands_free(struct ui_cands *c);
/* Candidates for the word of line[0, cursor) that ends at the cursor;
 * *word_start is where that word begins. */
void ui_command_complete(struct ui *ui, const char *line, size_t cursor,
    struct ui_cands *out, size_t *word_start);

/* ui-prompt.c */
int ui_prompt_init(struct ui *ui);
void ui_prompt_free(struct ui *ui);
/* Opens the line with a leading character (':', '/', '?') */
void ui_prompt_open(struct ui *ui, int kind);
int ui_prompt_active(const struct ui *ui);
void ui_prompt_key(struct ui *ui, int code);
void ui_prompt_draw(struct ui *ui, int y);

/* ui-status.c */
void ui_status_draw(struct ui *ui);

/* ui-jump.c */
/* Records the current place before moving away from it. */
void ui_jump_push(struct ui *ui);
int ui_jump_back(struct ui *ui);
int ui_jump_forward(struct ui *ui);
void ui_jumps_free(struct ui_jumps *j);

/* ui-list.c */
extern const struct ui_view_ops ui_list_ops;
/* Selects the row of this article (reopening where one left off, and
 * following the article opened), at a cost that does not grow with the
 * list. */
void ui_list_select_id(struct ui *ui, int64_t id);
/* The selected row's index in the list of all articles (SIZE_MAX while
 * search results are shown). */
size_t ui_list_selected_index(struct ui *ui);
int64_t ui_list_selected_id(struct ui *ui);
/* Replaces the list with corpus search results; NULL or "" restores it. */
int ui_list_search(struct ui *ui, const char *query);

/* ui-article.c */
extern const struct ui_view_ops ui_article_ops;
/* A styled range of the article body, drawn over the text. Layers draw in
 * order, later over earlier; ]a/[a step through the annotation layer. */
struct ui_span {
	size_t start, end;
	enum ui_object obj;
	int64_t id;            /* what it stands for (entity, annotation), or 0 */
	int styled;            /* drawn in style, not obj's (a tag's colour) */
	struct ui_style style;
};
enum ui_layer {
	UI_LAYER_STATEMENT,
	UI_LAYER_MENTION,
	UI_LAYER_ANNOTATION,
	UI_LAYER_SEARCH,
	UI_LAYER_SELECTION,
	UI_LAYER_COUNT
};
/* Replaces a layer's spans (copied; sorted here by start). */
void ui_article_set_layer(struct ui *ui, enum ui_layer layer, const struct ui_span *v,
    size_t n);
/* Opens an article with the cursor at a byte offset. */
int ui_article_open(struct ui *ui, int64_t id, size_t offset);
int64_t ui_article_id(struct ui *ui);
size_t ui_article_offset(struct ui *ui);
/* Moves the cursor within the open article. */
void ui_article_goto(struct ui *ui, size_t offset);
struct store_statement;
struct store_entity;
/* The statement under the cursor, or NULL. */
const struct store_statement *ui_article_statement(struct ui *ui);
/* The open article's actors and agreements (store_article_entities). */
const struct store_entity *ui_article_entities(struct ui *ui, size_t *n);
/* Work left from opening an article for once it is on screen (counting
 * its actors); 1 when it did some, so the loop draws again first. */
int ui_article_idle(struct ui *ui);
/* 0 while that is still to do. */
int ui_article_actors_counted(struct ui *ui);
/* The entity mentioned under the cursor, or 0. */
int64_t ui_article_entity_at(struct ui *ui);
/* The actor ]m/[m step through (0: every mention). */
void ui_article_select_entity(struct ui *ui, int64_t id);
int64_t ui_article_selected_entity(struct ui *ui);
/* The theme object for an entity kind ("person", "agreement", ...). */
enum ui_object ui_kind_object(const char *kind);
/* Appends "  Name said" for the statement under the cursor, if any. */
void ui_article_speaker(struct ui *ui, struct buf *out);
/* Search in the article (from the prompt). */
void ui_article_search(struct ui *ui, const char *pattern, int backward);
/* The open article's body (NULL when none). */
const char *ui_article_body(struct ui *ui, size_t *len);

/* ui-side.c */
extern const struct ui_view_ops ui_side_ops;
/* The article changed: refill the actors. */
void ui_side_refresh(struct ui *ui);
/* Fill the results part of the side pane and focus it: the statements
 * related to the one under the cursor; every statement by an entity; every
 * mention of an entity (an agreement) across the corpus. */
void ui_side_related(struct ui *ui);
void ui_side_statements_by(struct ui *ui, int64_t entity);
void ui_side_mentions_of(struct ui *ui, int64_t entity);

/* ui-anno.c: annotating in the reader; ui-select.c, ui-tagpick.c,
 * ui-note.c, ui-claim.c and ui-annobrowser.c are its parts. */
int ui_anno_init(struct ui *ui);
void ui_anno_free(struct ui *ui);
/* Runs an annotation action, or one it changes while a selection is
 * open; 1 when it handled A. */
int ui_anno_action(struct ui *ui, enum ui_action a, int count);
/* The keymap keys go to: SELECT while a selection is open. */
enum ui_keymap ui_anno_keymap(struct ui *ui, enum ui_keymap km);
/* The article was opened (or changed): reload its highlights. */
void ui_anno_article_opened(struct ui *ui);
/* Before the article is drawn: the selection's layer. */
void ui_anno_before_draw(struct ui *ui);
/* The mouse: a button pressed in view ID (the article's cursor is there
 * already), and released (the cursor moved where) after a drag. */
void ui_anno_drag_start(struct ui *ui, enum ui_view_id id);
int ui_anno_dragging(struct ui *ui);
void ui_anno_drag_end(struct ui *ui);
/* "SELECT", or the open popup's mode; NULL otherwise. */
const char *ui_anno_mode(struct ui *ui);
/* How many of the side pane's H rows list the article's annotations, and
 * drawing them in rows [y, y+h). */
int ui_anno_side_rows(struct ui *ui, int h);
void ui_anno_side_draw(struct ui *ui, int y, int x, int h, int w);
/* `:tag ...`, `:export FILE [FORMAT]` and `:annotations [FILTER]`. */
int ui_anno_tag_command(struct ui *ui, int argc, char **argv);
int ui_anno_export_command(struct ui *ui, int argc, char **argv);
int ui_anno_browse(struct ui *ui, const char *filter);
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
/* How a highlight with this tag is drawn. */
struct ui_style ui_anno_tag_style(struct ui *ui, const char *name, const char *color);
/* The popups: the codebook picker (t), the note editor (a, or the
 * external one with A), the claim editor (c) of highlight ID (0: the one
 * under the cursor). */
void ui_tagpick_open(struct ui *ui);
void ui_note_open(struct ui *ui, int external);
void ui_claim_open(struct ui *ui, int64_t id);

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

#endif /* DOSSIER_UI_INTERNAL */

#endif
