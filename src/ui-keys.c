/*
 * ui-keys.c: actions by name, key names, keymaps and bindings.
 *
 * Every key press goes through one table: the default bindings below are
 * installed with the same parser `bind` uses in the config file, so the
 * defaults, the user's bindings and the generated `?` help all read the
 * same data. A binding is a short key sequence ("]s") in a keymap; the
 * focused view's keymap is searched before the generic one, which is how
 * `?` can be help everywhere but search-backward in the article.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

#define DOSSIER_UI_INTERNAL
#include "ui.h"

struct action_def {
	const char *name;
	enum ui_keymap keymap;
	const char *help;
};

static const struct action_def actions[UI_ACT_COUNT] = {
	[UI_ACT_NONE] = { "none", UI_KM_GENERIC, "do nothing" },
#define UI_ACT_DEF(id, nm, km, hl) [UI_ACT_##id] = { (nm), UI_KM_##km, (hl) },
	UI_ACTIONS(UI_ACT_DEF)
#undef UI_ACT_DEF
};

static const char *const keymap_names[UI_KM_COUNT] = {
#define UI_KM_DEF(id, nm) [UI_KM_##id] = (nm),
	UI_KEYMAPS(UI_KM_DEF)
#undef UI_KM_DEF
};

/* The defaults: less and vi motions, vim's structure brackets. */
static const struct {
	const char *keys;
	enum ui_keymap km;
	enum ui_action action;
} defaults[] = {
	{ "j", UI_KM_GENERIC, UI_ACT_MOVE_DOWN },
	{ "<Down>", UI_KM_GENERIC, UI_ACT_MOVE_DOWN },
	{ "<C-n>", UI_KM_GENERIC, UI_ACT_MOVE_DOWN },
	{ "k", UI_KM_GENERIC, UI_ACT_MOVE_UP },
	{ "<Up>", UI_KM_GENERIC, UI_ACT_MOVE_UP },
	{ "<C-p>", UI_KM_GENERIC, UI_ACT_MOVE_UP },
	{ "<Space>", UI_KM_GENERIC, UI_ACT_PAGE_DOWN },
	{ "<PgDn>", UI_KM_GENERIC, UI_ACT_PAGE_DOWN },
	{ "<C-f>", UI_KM_GENERIC, UI_ACT_PAGE_DOWN },
	{ "b", UI_KM_GENERIC, UI_ACT_PAGE_UP },
	{ "<PgUp>", UI_KM_GENERIC, UI_ACT_PAGE_UP },
	{ "<C-b>", UI_KM_GENERIC, UI_ACT_PAGE_UP },
	{ "<C-d>", UI_KM_GENERIC, UI_ACT_HALF_DOWN },
	{ "<C-u>", UI_KM_GENERIC, UI_ACT_HALF_UP },
	{ "g", UI_KM_GENERIC, UI_ACT_FIRST },
	{ "<Home>", UI_KM_GENERIC, UI_ACT_FIRST },
	{ "G", UI_KM_GENERIC, UI_ACT_LAST },
	{ "<End>", UI_KM_GENERIC, UI_ACT_LAST },
	{ "<Enter>", UI_KM_GENERIC, UI_ACT_OPEN },
	{ "q", UI_KM_GENERIC, UI_ACT_BACK },
	{ "Q", UI_KM_GENERIC, UI_ACT_QUIT },
	{ "<Tab>", UI_KM_GENERIC, UI_ACT_FOCUS_NEXT },
	{ "<S-Tab>", UI_KM_GENERIC, UI_ACT_FOCUS_PREV },
	{ "L", UI_KM_GENERIC, UI_ACT_TOGGLE_LIST },
	{ "<C-o>", UI_KM_GENERIC, UI_ACT_JUMP_BACK },
	{ "<C-i>", UI_KM_GENERIC, UI_ACT_JUMP_FORWARD },
	{ "<C-y>", UI_KM_GENERIC, UI_ACT_JUMP_FORWARD },
	{ "F", UI_KM_GENERIC, UI_ACT_SEARCH_CORPUS },
	{ "R", UI_KM_GENERIC, UI_ACT_FETCH },
	{ ":", UI_KM_GENERIC, UI_ACT_PROMPT },
	{ "?", UI_KM_GENERIC, UI_ACT_HELP },
	{ "<F1>", UI_KM_GENERIC, UI_ACT_HELP },
	{ "<C-l>", UI_KM_GENERIC, UI_ACT_REDRAW },
	{ "<C-z>", UI_KM_GENERIC, UI_ACT_SUSPEND },
	{ "<Esc>", UI_KM_GENERIC, UI_ACT_CANCEL },
	{ "<C-c>", UI_KM_GENERIC, UI_ACT_CANCEL },
	{ "]s", UI_KM_GENERIC, UI_ACT_NEXT_STATEMENT },
	{ "[s", UI_KM_GENERIC, UI_ACT_PREV_STATEMENT },
	{ "]m", UI_KM_GENERIC, UI_ACT_NEXT_MENTION },
	{ "[m", UI_KM_GENERIC, UI_ACT_PREV_MENTION },
	{ "]a", UI_KM_GENERIC, UI_ACT_NEXT_ANNOTATION },
	{ "[a", UI_KM_GENERIC, UI_ACT_PREV_ANNOTATION },
	{ "]p", UI_KM_GENERIC, UI_ACT_NEXT_PARAGRAPH },
	{ "[p", UI_KM_GENERIC, UI_ACT_PREV_PARAGRAPH },
	{ "z", UI_KM_GENERIC, UI_ACT_TOGGLE_COMMENTS },
	{ "r", UI_KM_GENERIC, UI_ACT_RELATED },
	{ "*", UI_KM_GENERIC, UI_ACT_ACTOR_STATEMENTS },
	{ "#", UI_KM_GENERIC, UI_ACT_AGREEMENT_MENTIONS },
	{ "+", UI_KM_SIDE, UI_ACT_PROMOTE_FOUND },
	{ "-", UI_KM_SIDE, UI_ACT_DISMISS_FOUND },
	{ "/", UI_KM_GENERIC, UI_ACT_SEARCH_FORWARD },
	{ "?", UI_KM_ARTICLE, UI_ACT_SEARCH_BACKWARD },
	{ "n", UI_KM_GENERIC, UI_ACT_SEARCH_NEXT },
	{ "N", UI_KM_GENERIC, UI_ACT_SEARCH_PREV },
	/* Annotating: v/V select, as in vi; the selection's own keymap has
	 * the motions that extend it and the ways to end it. */
	{ "v", UI_KM_ARTICLE, UI_ACT_SELECT },
	{ "V", UI_KM_ARTICLE, UI_ACT_SELECT_SENTENCE },
	{ "t", UI_KM_ARTICLE, UI_ACT_TAG },
	{ "a", UI_KM_ARTICLE, UI_ACT_NOTE },
	{ "A", UI_KM_ARTICLE, UI_ACT_NOTE_EDITOR },
	{ "c", UI_KM_ARTICLE, UI_ACT_CLAIM },
	{ "d", UI_KM_ARTICLE, UI_ACT_DELETE_ANNOTATION },
	{ "o", UI_KM_ARTICLE, UI_ACT_OTHER_HIGHLIGHT },
	{ "u", UI_KM_GENERIC, UI_ACT_UNDO },
	{ "<C-r>", UI_KM_GENERIC, UI_ACT_REDO },
	{ "M", UI_KM_GENERIC, UI_ACT_BROWSE_ANNOTATIONS },
	{ "%", UI_KM_GENERIC, UI_ACT_REPORT },
	{ "T", UI_KM_GENERIC, UI_ACT_TIMELINE },
	{ "v", UI_KM_SELECT, UI_ACT_SELECT },
	{ "V", UI_KM_SELECT, UI_ACT_SELECT_SENTENCE },
	{ "t", UI_KM_SELECT, UI_ACT_TAG },
	{ "a", UI_KM_SELECT, UI_ACT_NOTE },
	{ "A", UI_KM_SELECT, UI_ACT_NOTE_EDITOR },
	{ "w", UI_KM_SELECT, UI_ACT_WORD_NEXT },
	{ "b", UI_KM_SELECT, UI_ACT_WORD_PREV },
	{ "e", UI_KM_SELECT, UI_ACT_WORD_END },
	{ ")", UI_KM_SELECT, UI_ACT_SENTENCE_NEXT },
	{ "(", UI_KM_SELECT, UI_ACT_SENTENCE_PREV },
	{ "}", UI_KM_SELECT, UI_ACT_PARAGRAPH_END },
	{ "{", UI_KM_SELECT, UI_ACT_PARAGRAPH_START },
};

struct binding {
	enum ui_keymap km;
	int codes[UI_KEY_MAXSEQ];
	int n;
	enum ui_action action;
};

struct ui_keys {
	struct binding *v;
	size_t n, cap;
	int pending[UI_KEY_MAXSEQ];
	int npending;
	int count;           /* digits typed before an action */
};

/* Names of keys that are not themselves printable, in `bind` syntax.
 * The first name of a code is the one help shows. */
static const struct {
	const char *name;
	int code;
} key_names[] = {
	{ "Enter", UI_KEY_ENTER },
	{ "Return", UI_KEY_ENTER },
	{ "CR", UI_KEY_ENTER },
	{ "Esc", UI_KEY_ESC },
	{ "Escape", UI_KEY_ESC },
	{ "Tab", '\t' },
	{ "S-Tab", UI_KEY_CURSES(KEY_BTAB) },
	{ "BackTab", UI_KEY_CURSES(KEY_BTAB) },
	{ "Space", ' ' },
	{ "lt", '<' },
	{ "BS", UI_KEY_BACKSPACE },
	{ "Backspace", UI_KEY_BACKSPACE },
	{ "Del", UI_KEY_CURSES(KEY_DC) },
	{ "Delete", UI_KEY_CURSES(KEY_DC) },
	{ "Ins", UI_KEY_CURSES(KEY_IC) },
	{ "Insert", UI_KEY_CURSES(KEY_IC) },
	{ "Up", UI_KEY_CURSES(KEY_UP) },
	{ "Down", UI_KEY_CURSES(KEY_DOWN) },
	{ "Left", UI_KEY_CURSES(KEY_LEFT) },
	{ "Right", UI_KEY_CURSES(KEY_RIGHT) },
	{ "PgUp", UI_KEY_CURSES(KEY_PPAGE) },
	{ "PageUp", UI_KEY_CURSES(KEY_PPAGE) },
	{ "PgDn", UI_KEY_CURSES(KEY_NPAGE) },
	{ "PageDown", UI_KEY_CURSES(KEY_NPAGE) },
	{ "Home", UI_KEY_CURSES(KEY_HOME) },
	{ "End", UI_KEY_CURSES(KEY_END) },
	{ "C-i", UI_KEY_CTRL_I },
};

const char *
ui_action_name(enum ui_action a)
{
	return (unsigned)a < UI_ACT_COUNT ? actions[a].name : "none";
}

const char *
ui_action_help(enum ui_action a)
{
	return (unsigned)a < UI_ACT_COUNT ? actions[a].help : "";
}

enum ui_keymap
ui_action_keymap(enum ui_action a)
{
	return (unsigned)a < UI_ACT_COUNT ? actions[a].keymap : UI_KM_GENERIC;
}

enum ui_action
ui_action_find(const char *name)
{
	int a;

	for (a = 1; a < UI_ACT_COUNT; a++) {
		if (strcmp(actions[a].name, name) == 0)
			return (enum ui_action)a;
	}
	return UI_ACT_NONE;
}

const char *
ui_keymap_name(enum ui_keymap k)
{
	return (unsigned)k < UI_KM_COUNT ? keymap_names[k] : "?";
}

int
ui_keymap_find(const char *name)
{
	int k;

	for (k = 0; k < UI_KM_COUNT; k++) {
		if (strcmp(keymap_names[k], name) == 0)
			return k;
	}
	return -1;
}

/* One "<...>" name (without brackets) to a code, or -1. */
static int
parse_named(const char *s, size_t n)
{
	char name[32];
	size_t i;

	if (n == 0 || n >= sizeof name)
		return -1;
	memcpy(name, s, n);
	name[n] = '\0';
	for (i = 0; i < ARRAY_LEN(key_names); i++) {
		if (strcasecmp(key_names[i].name, name) == 0)
			return key_names[i].code;
	}
	if ((name[0] == 'F' || name[0] == 'f') && isdigit((unsigned char)name[1])) {
		char *end;
		long f = strtol(name + 1, &end, 10);
		if (*end == '\0' && f >= 1 && f <= 12)
			return UI_KEY_CURSES(KEY_F((int)f));
	}
	/* C-x, Ctrl-x */
	if (n >= 3 && (strncasecmp(name, "C-", 2) == 0 || (n >= 6 &&
	    strncasecmp(name, "Ctrl-", 5) == 0))) {
		const char *c = name[1] == '-' ? name + 2 : name + 5;
		if (c[0] != '\0' && c[1] == '\0') {
			int ch = tolower((unsigned char)c[0]);
			if (ch == 'i')
				return UI_KEY_CTRL_I;
			/* Every name ui_key_name gives Ctrl keys: C-a..C-z, C-[ C-\ C-] C-^ C-_ */
			if ((ch >= 'a' && ch <= 'z') || (ch >= '[' && ch <= '_'))
				return UI_KEY_CTRL(ch);
		}
	}
	return -1;
}

/* The code point at s, or -1 when s does not start with a valid UTF-8
 * character (overlong forms, surrogates and bytes past U+10FFFF are not
 * keys: they would be shown by names no config line can give back). */
static int
utf8_char(const char *s, int *len)
{
	ucs4_t uc;
	int n = u8_mbtoucr(&uc, (const uint8_t *)s, strnlen(s, 4));

	*len = n > 0 ? n : 1;
	return n > 0 ? (int)uc : -1;
}

/* Ctrl keys a terminal sends as another key (ui_term_key): Ctrl-J is a
 * newline, read as Enter, and Ctrl-H is Backspace. A binding of them
 * would never run, so it is refused with the key to bind instead. */
static int
arrives_as_other(int c, const char *s, size_t n)
{
	if (c == UI_KEY_CTRL('j'))
		return err_set("'%.*s' is <Enter> on a terminal: bind <Enter> or another key",
		    (int)n, s);
	if (c == UI_KEY_CTRL('h'))
		return err_set("'%.*s' is <BS> on a terminal: bind <BS> or another key",
		    (int)n, s);
	return 0;
}

int
ui_keys_parse(const char *s, int *codes, int max)
{
	const char *at;

	int n = 0, len, c;

	while (*s != '\0') {
		if (n == max)
			return err_set("key sequence '%s' is longer than %d keys", s, max);
		at = s;
		if (s[0] == '<' && s[1] != '\0' && strchr(s + 1, '>') != NULL) {
			const char *end = strchr(s + 1, '>');
			c = parse_named(s + 1, (size_t)(end - s - 1));
			if (c < 0)
				return err_set("unknown key name '%.*s'", (int)(end - s + 1), s);
			s = end + 1;
		} else if (s[0] == '^' && s[1] != '\0') {
			int ch = tolower((unsigned char)s[1]);
			if (ch == 'i')
				c = UI_KEY_CTRL_I;
			else if ((ch >= 'a' && ch <= 'z') || ch == '[' || ch == ']')
				c = UI_KEY_CTRL(ch);
			else
				return err_set("unknown key '^%c'", s[1]);
			s += 2;
		} else {
			c = utf8_char(s, &len);
			if (c < 0)
				return err_set("key is not valid UTF-8");
			s += len;
		}
		if (arrives_as_other(c, at, (size_t)(s - at)) != 0)
			return -1;
		codes[n++] = c;
	}
	if (n == 0)
		return err_set("empty key");
	return n;
}

static void
add_utf8(struct buf *out, int c)
{
	char u[4];

	if (c < 0x80)
		buf_addc(out, (char)c);
	else if (c < 0x800) {
		u[0] = (char)(0xc0 | (c >> 6));
		u[1] = (char)(0x80 | (c & 0x3f));
		buf_add(out, u, 2);
	} else if (c < 0x10000) {
		u[0] = (char)(0xe0 | (c >> 12));
		u[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[2] = (char)(0x80 | (c & 0x3f));
		buf_add(out, u, 3);
	} else {
		u[0] = (char)(0xf0 | (c >> 18));
		u[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[3] = (char)(0x80 | (c & 0x3f));
		buf_add(out, u, 4);
	}
}

void
ui_key_name(int code, struct buf *out)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(key_names); i++) {
		if (key_names[i].code == code) {
			buf_printf(out, "<%s>", key_names[i].name);
			return;
		}
	}
	if (code >= UI_KEY_CURSES(KEY_F(1)) && code <= UI_KEY_CURSES(KEY_F(12))) {
		buf_printf(out, "<F%d>", code - UI_KEY_CURSES(KEY_F(0)));
		return;
	}
	if (code > 0 && code < 32) {
		buf_printf(out, "<C-%c>", code + 'a' - 1 <= 'z' ? code + 'a' - 1 : code + '@');
		return;
	}
	if (code >= UI_KEY_FN) {
		buf_printf(out, "<key-%d>", code - UI_KEY_FN);
		return;
	}
	if (code > 32 && code < 0x110000)
		add_utf8(out, code);
	else
		buf_printf(out, "<U+%04X>", (unsigned)code);
}

static struct binding *
find_binding(struct ui_keys *k, enum ui_keymap km, const int *codes, int n)
{
	size_t i;

	for (i = 0; i < k->n; i++) {
		struct binding *b = &k->v[i];
		if (b->km == km && b->n == n && memcmp(b->codes, codes, (size_t)n * sizeof *codes) == 0)
			return b;
	}
	return NULL;
}

int
ui_keys_bind(struct ui *ui, enum ui_keymap km, const char *keys, enum ui_action a)
{
	struct ui_keys *k = ui->keys;
	struct binding *b;
	int codes[UI_KEY_MAXSEQ], n;

	n = ui_keys_parse(keys, codes, UI_KEY_MAXSEQ);
	if (n < 0)
		return -1;
	b = find_binding(k, km, codes, n);
	if (b == NULL) {
		if (k->n == k->cap) {
			k->cap = k->cap ? k->cap * 2 : 64;
			k->v = xreallocarray(k->v, k->cap, sizeof *k->v);
		}
		b = &k->v[k->n++];
		b->km = km;
		b->n = n;
		memcpy(b->codes, codes, (size_t)n * sizeof *codes);
	}
	b->action = a;
	return 0;
}

int
ui_keys_init(struct ui *ui)
{
	size_t i;

	ui->keys = xcalloc(1, sizeof *ui->keys);
	for (i = 0; i < ARRAY_LEN(defaults); i++) {
		if (ui_keys_bind(ui, defaults[i].km, defaults[i].keys, defaults[i].action) != 0)
			return err_prefix("default binding %s", defaults[i].keys);
	}
	return 0;
}

void
ui_keys_free(struct ui *ui)
{
	if (ui->keys == NULL)
		return;
	free(ui->keys->v);
	free(ui->keys);
	ui->keys = NULL;
}

void
ui_keys_reset(struct ui *ui)
{
	ui->keys->npending = 0;
	ui->keys->count = 0;
}

/* In keymap km: 2 when the pending keys are a whole binding (its action in
 * *a; a bound action of "none" unbinds), 1 when they start a longer one,
 * 0 when neither. */
static int
match(struct ui_keys *k, enum ui_keymap km, enum ui_action *a)
{
	size_t i;
	int prefix = 0;

	for (i = 0; i < k->n; i++) {
		struct binding *b = &k->v[i];
		if (b->km != km || b->n < k->npending ||
		    memcmp(b->codes, k->pending, (size_t)k->npending * sizeof(int)) != 0)
			continue;
		if (b->n == k->npending) {
			*a = b->action;
			return 2;
		}
		if (b->action != UI_ACT_NONE)
			prefix = 1;
	}
	return prefix;
}

static int
bound_anywhere(struct ui_keys *k, enum ui_keymap km, int code)
{
	enum ui_action a;
	int saved = k->npending, r;

	k->pending[0] = code;
	k->npending = 1;
	r = match(k, km, &a) || match(k, UI_KM_GENERIC, &a);
	k->npending = saved;
	return r;
}

enum ui_action
ui_keys_feed(struct ui *ui, enum ui_keymap km, int code, int *count, int *pending,
    int *unbound)
{
	struct ui_keys *k = ui->keys;
	enum ui_action a = UI_ACT_NONE;
	int m;

	*pending = *unbound = 0;
	*count = 0;
	/* A count before the keys, as in vi: "5j". Digits that are bound
	 * themselves keep their binding unless a count has begun. */
	if (k->npending == 0 && code >= '0' && code <= '9' &&
	    (k->count > 0 || (code != '0' && !bound_anywhere(k, km, code)))) {
		if (k->count < 100000)
			k->count = k->count * 10 + (code - '0');
		*pending = 1;
		return UI_ACT_NONE;
	}
	k->pending[k->npending++] = code;
	m = match(k, km, &a);
	if (m == 0 && km != UI_KM_GENERIC)
		m = match(k, UI_KM_GENERIC, &a);
	if (m == 1 && k->npending < UI_KEY_MAXSEQ) {
		*pending = 1;
		return UI_ACT_NONE;
	}
	*count = k->count;
	k->npending = 0;
	k->count = 0;
	if (m != 2 || a == UI_ACT_NONE) {
		*unbound = 1;
		return UI_ACT_NONE;
	}
	return a;
}

void
ui_keys_pending(struct ui *ui, struct buf *out)
{
	int i;

	if (ui->keys->count > 0)
		buf_printf(out, "%d", ui->keys->count);
	for (i = 0; i < ui->keys->npending; i++)
		ui_key_name(ui->keys->pending[i], out);
}

int
ui_keys_for(struct ui *ui, enum ui_keymap km, enum ui_action a, struct buf *out)
{
	size_t i;
	int n = 0, j;

	for (i = 0; i < ui->keys->n; i++) {
		struct binding *b = &ui->keys->v[i];
		if (b->km != km || b->action != a)
			continue;
		if (n++ > 0)
			buf_adds(out, ", ");
		for (j = 0; j < b->n; j++)
			ui_key_name(b->codes[j], out);
	}
	return n;
}

/* The generic bindings of A that keymap KM binds to something else. */
static int
shadowed(struct ui_keys *k, const struct binding *b, enum ui_keymap km)
{
	const struct binding *o;

	if (b->km != UI_KM_GENERIC || km == UI_KM_GENERIC)
		return 0;
	o = find_binding(k, km, b->codes, b->n);
	return o != NULL && o->action != b->action;
}

int
ui_keys_working(struct ui *ui, enum ui_keymap km, enum ui_action a, struct buf *out)
{
	size_t i;
	int n = 0, j, pass;

	/* The keymap's own bindings first: they win. */
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < ui->keys->n; i++) {
			struct binding *b = &ui->keys->v[i];
			if (b->action != a || b->km != (pass == 0 ? km : UI_KM_GENERIC) ||
			    (pass == 1 && (km == UI_KM_GENERIC || shadowed(ui->keys, b, km))))
				continue;
			if (n++ > 0)
				buf_adds(out, ", ");
			for (j = 0; j < b->n; j++)
				ui_key_name(b->codes[j], out);
		}
	}
	return n;
}

int
ui_keys_shadows(struct ui *ui, enum ui_action a, struct buf *out)
{
	size_t i;
	int n = 0, j, km;

	for (i = 0; i < ui->keys->n; i++) {
		struct binding *b = &ui->keys->v[i];
		if (b->action != a || b->km != UI_KM_GENERIC)
			continue;
		for (km = 0; km < UI_KM_COUNT; km++) {
			const struct binding *o;
			if (!shadowed(ui->keys, b, (enum ui_keymap)km))
				continue;
			o = find_binding(ui->keys, (enum ui_keymap)km, b->codes, b->n);
			if (o == NULL)
				continue;
			buf_adds(out, n++ > 0 ? "; " : "");
			buf_printf(out, "%s: ", ui_keymap_name((enum ui_keymap)km));
			for (j = 0; j < b->n; j++)
				ui_key_name(b->codes[j], out);
			buf_printf(out, " is %s", ui_action_name(o->action));
		}
	}
	return n;
}

int
ui_print_keys(FILE *f)
{
	struct ui ui;
	struct buf b;
	int km, a;

	memset(&ui, 0, sizeof ui);
	if (ui_keys_init(&ui) != 0) {
		ui_keys_free(&ui);
		return -1;
	}
	buf_init(&b);
	for (km = 0; km < UI_KM_COUNT; km++) {
		for (a = 1; a < UI_ACT_COUNT; a++) {
			buf_reset(&b);
			if (ui_keys_for(&ui, (enum ui_keymap)km, (enum ui_action)a, &b) == 0)
				continue;
			fprintf(f, "%s\t%s\t%s\t%s\n", ui_keymap_name((enum ui_keymap)km), b.data,
			    ui_action_name((enum ui_action)a), ui_action_help((enum ui_action)a));
		}
	}
	buf_free(&b);
	ui_keys_free(&ui);
	return ferror(f) ? err_set("writing the key list failed") : 0;
}
