/*
 * ui-theme.c: colour themes. A theme is a text file of lines
 *
 *     color OBJECT FOREGROUND BACKGROUND [ATTRIBUTE...]
 *
 * as in tig and mutt, one per element drawn (the objects are listed in
 * ui.h). A colour is "default" (inherit: the terminal's colour for
 * "normal", the layer below for everything else), a name (red,
 * bright-blue), or a number 0-255. A bad line is skipped with a message
 * naming file:line and the rest still loads.
 *
 * Colours are drawn through pairs allocated on demand for each (fg, bg)
 * actually used, so layered styles (a mention over a statement) combine
 * without a pair per combination in the file. On terminals with fewer
 * than 256 colours each colour is mapped to the nearest of the basic
 * eight; with no colour at all only the attributes are drawn.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define DOSSIER_UI_INTERNAL
#include "ui.h"

#define MAX_PAIRS 255

struct pair {
	short fg, bg;
};

struct ui_theme {
	char *name;
	struct ui_style obj[UI_OBJ_COUNT];
	struct pair pairs[MAX_PAIRS + 1];   /* [1..npairs] */
	int npairs;
};

static const char *const object_names[UI_OBJ_COUNT] = {
#define UI_OBJ_NAME(id, nm) [UI_OBJ_##id] = (nm),
	UI_OBJECTS(UI_OBJ_NAME)
#undef UI_OBJ_NAME
};

static const char *const color_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static const struct {
	const char *name;
	attr_t attr;
} attr_names[] = {
	{ "normal", A_NORMAL },
	{ "bold", A_BOLD },
	{ "dim", A_DIM },
	{ "underline", A_UNDERLINE },
	{ "reverse", A_REVERSE },
	{ "standout", A_STANDOUT },
	{ "blink", A_BLINK },
	{ "italic", A_ITALIC },
};

static int
object_find(const char *name)
{
	int i;

	for (i = 0; i < UI_OBJ_COUNT; i++) {
		if (strcmp(object_names[i], name) == 0)
			return i;
	}
	return -1;
}

int
ui_theme_color(const char *s, short *out)
{
	char *end;
	long n;
	size_t i;
	int bright = 0;

	if (strcasecmp(s, "default") == 0 || strcmp(s, "-1") == 0) {
		*out = -1;
		return 0;
	}
	if (strncasecmp(s, "bright-", 7) == 0) {
		bright = 8;
		s += 7;
	}
	for (i = 0; i < ARRAY_LEN(color_names); i++) {
		if (strcasecmp(s, color_names[i]) == 0) {
			*out = (short)(i + (size_t)bright);
			return 0;
		}
	}
	if (bright == 0) {
		if (strncasecmp(s, "color", 5) == 0)
			s += 5;
		n = strtol(s, &end, 10);
		if (*s != '\0' && *end == '\0' && n >= 0 && n <= 255) {
			*out = (short)n;
			return 0;
		}
	}
	return err_set("unknown colour '%s' (a name, bright-NAME, default or 0-255)", s);
}

/* The basic colour (0-7) closest to one of the 256: the xterm palette's
 * grey ramp by lightness, its colour cube by which components dominate. */
static short
to_basic(short c)
{
	int r, g, b, m;

	if (c < 8)
		return c;
	if (c < 16)
		return (short)(c - 8);
	if (c >= 232)
		return c - 232 < 12 ? COLOR_BLACK : COLOR_WHITE;
	c -= 16;
	r = c / 36;
	g = (c / 6) % 6;
	b = c % 6;
	m = r > g ? r : g;
	m = m > b ? m : b;
	if (m == 0)
		return COLOR_BLACK;
	return (short)((r >= 3 || r == m ? COLOR_RED : 0) | (g >= 3 || g == m ? COLOR_GREEN : 0) |
	    (b >= 3 || b == m ? COLOR_BLUE : 0));
}

static short
fit_color(short c)
{
	if (c < 0 || COLORS >= 256)
		return c;
	if (COLORS >= 16 && c < 16)
		return c;
	return to_basic(c);
}

/* The pair for (fg, bg), allocated on first use; 0 when out of pairs. */
static short
pair_for(struct ui_theme *t, short fg, short bg)
{
	int i;

	fg = fit_color(fg);
	bg = fit_color(bg);
	if (fg < 0 && bg < 0)
		return 0;
	for (i = 1; i <= t->npairs; i++) {
		if (t->pairs[i].fg == fg && t->pairs[i].bg == bg)
			return (short)i;
	}
	if (t->npairs >= MAX_PAIRS || t->npairs + 1 >= COLOR_PAIRS)
		return 0;
	i = ++t->npairs;
	t->pairs[i].fg = fg;
	t->pairs[i].bg = bg;
	init_pair((short)i, fg, bg);
	return (short)i;
}

struct ui_style
ui_style(struct ui *ui, enum ui_object o)
{
	return ui->theme->obj[o];
}

struct ui_style
ui_style_over(struct ui_style base, struct ui_style over)
{
	struct ui_style s = base;

	if (over.fg >= 0)
		s.fg = over.fg;
	if (over.bg >= 0)
		s.bg = over.bg;
	s.attr |= over.attr;
	return s;
}

int
ui_style_plain(struct ui_style st)
{
	return st.fg < 0 && st.bg < 0 && st.attr == A_NORMAL;
}

void
ui_style_apply(struct ui *ui, struct ui_style st)
{
	short pair = 0;

	if (ui->colors)
		pair = pair_for(ui->theme, st.fg, st.bg);
	attr_set(st.attr, pair, NULL);
}

/* Built in, so the reader is usable even without its theme files: the
 * elements that must stand out do so by attributes alone. */
static void
theme_reset(struct ui_theme *t)
{
	int i;

	for (i = 0; i < UI_OBJ_COUNT; i++)
		t->obj[i] = (struct ui_style){ -1, -1, A_NORMAL };
	t->obj[UI_OBJ_TITLE_FOCUS].attr = A_REVERSE | A_BOLD;
	t->obj[UI_OBJ_TITLE].attr = A_UNDERLINE;
	t->obj[UI_OBJ_CURSOR].attr = A_REVERSE;
	t->obj[UI_OBJ_CURSOR_UNFOCUSED].attr = A_BOLD;
	t->obj[UI_OBJ_STATUS].attr = A_REVERSE;
	t->obj[UI_OBJ_STATUS_MODE].attr = A_REVERSE | A_BOLD;
	t->obj[UI_OBJ_ERROR].attr = A_BOLD;
	t->obj[UI_OBJ_SEARCH_HIT].attr = A_REVERSE;
	t->obj[UI_OBJ_STATEMENT_CURRENT].attr = A_BOLD;
	t->obj[UI_OBJ_CONTROL].attr = A_BOLD;
	t->obj[UI_OBJ_ARTICLE_TITLE].attr = A_BOLD;
	t->obj[UI_OBJ_SIDE_HEADING].attr = A_BOLD;
	t->obj[UI_OBJ_SIDE_FOUND].attr = A_ITALIC;
	t->obj[UI_OBJ_HELP_HEADING].attr = A_BOLD;
	t->obj[UI_OBJ_HELP_KEY].attr = A_BOLD;
	t->npairs = 0;
}

/* One "color OBJECT FG BG [ATTR...]" line, already split into words. */
static int
parse_line(struct ui_theme *t, char **w, int n)
{
	struct ui_style st = { -1, -1, A_NORMAL };
	int o, i;
	size_t k;

	if (strcmp(w[0], "color") != 0)
		return err_set("unknown command '%s' (expected 'color')", w[0]);
	if (n < 4)
		return err_set("expected 'color OBJECT FOREGROUND BACKGROUND [ATTRIBUTES]'");
	o = object_find(w[1]);
	if (o < 0)
		return err_set("unknown object '%s'", w[1]);
	if (ui_theme_color(w[2], &st.fg) != 0 || ui_theme_color(w[3], &st.bg) != 0)
		return -1;
	for (i = 4; i < n; i++) {
		for (k = 0; k < ARRAY_LEN(attr_names); k++) {
			if (strcasecmp(w[i], attr_names[k].name) == 0)
				break;
		}
		if (k == ARRAY_LEN(attr_names))
			return err_set("unknown attribute '%s'", w[i]);
		st.attr |= attr_names[k].attr;
	}
	t->obj[o] = st;
	return 0;
}

static int
split_words(char *line, char **w, int max)
{
	int n = 0;
	char *p = line;

	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\r')
			p++;
		if (*p == '\0' || *p == '#' || n == max)
			return n;
		w[n++] = p;
		while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\r')
			p++;
		if (*p != '\0')
			*p++ = '\0';
	}
}

/* Parses the text of a theme file into t; returns the number of bad lines
 * (the first one's message kept in err_msg()). */
static int
parse_theme(struct ui_theme *t, const char *path, char *text)
{
	char *line = text, *next, *w[16], first[512] = "";
	int lineno = 0, bad = 0, n;

	while (line != NULL) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		lineno++;
		n = split_words(line, w, (int)ARRAY_LEN(w));
		if (n > 0 && parse_line(t, w, n) != 0) {
			if (bad++ == 0)
				snprintf(first, sizeof first, "%s:%d: %s", path, lineno, err_msg());
		}
		line = next;
	}
	if (bad > 0)
		err_set("%s", first);
	return bad;
}

static int
valid_name(const char *name)
{
	const char *p;

	if (name[0] == '\0' || name[0] == '.')
		return 0;
	for (p = name; *p != '\0'; p++) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.'))
			return 0;
	}
	return 1;
}

int
ui_theme_load(struct ui *ui, const char *name, int *warnings)
{
	struct ui_theme *t;
	char *path, *text = NULL;
	size_t len;
	int bad;

	*warnings = 0;
	if (strchr(name, '/') != NULL)
		path = xstrdup(name);
	else if (valid_name(name))
		path = xasprintf("%s/%s.theme", path_theme_dir(), name);
	else
		return err_set("'%s' is not a theme name", name);
	if (path_read_file(path, 1 << 20, &text, &len) != 0) {
		free(path);
		return err_set("no theme '%s' (see :theme and %s)", name, path_theme_dir());
	}
	t = xcalloc(1, sizeof *t);
	theme_reset(t);
	bad = parse_theme(t, path, text);
	free(text);
	free(path);
	t->name = xstrdup(name);
	ui_theme_free(ui);
	ui->theme = t;
	*warnings = bad;
	/* Pair numbers are reused by the new theme: repaint everything. */
	clearok(curscr, TRUE);
	ui_mark(ui, UI_DIRTY_ALL);
	return 0;
}

void
ui_theme_builtin(struct ui *ui)
{
	struct ui_theme *t = xcalloc(1, sizeof *t);

	theme_reset(t);
	t->name = xstrdup("builtin");
	ui_theme_free(ui);
	ui->theme = t;
}

const char *
ui_theme_name(const struct ui *ui)
{
	return ui->theme != NULL ? ui->theme->name : "";
}

void
ui_theme_free(struct ui *ui)
{
	if (ui->theme == NULL)
		return;
	free(ui->theme->name);
	free(ui->theme);
	ui->theme = NULL;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **
ui_theme_list(void)
{
	DIR *d = opendir(path_theme_dir());
	struct dirent *e;
	char **v = NULL;
	size_t n = 0, cap = 0, len;

	while (d != NULL && (e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (len <= 6 || strcmp(e->d_name + len - 6, ".theme") != 0 || e->d_name[0] == '.')
			continue;
		if (n + 2 > cap) {
			cap = cap ? cap * 2 : 8;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[n++] = xstrndup(e->d_name, len - 6);
	}
	if (d != NULL)
		closedir(d);
	if (v == NULL)
		v = xcalloc(1, sizeof *v);
	v[n] = NULL;
	qsort(v, n, sizeof *v, cmp_str);
	return v;
}
