/*
 * ui-config.c: the reader's commands, which are both the lines of the
 * config file (path_config_file()) and what `:` runs:
 *
 *     set theme NAME        set mouse on|off
 *     bind [KEYMAP] KEY ACTION
 *     theme NAME            search WORDS...        help        quit
 *     ACTION                (any action by name: `:next-statement`)
 *
 * One grammar for both, so anything that can be configured can be tried
 * live first. A bad config line is reported as FILE:LINE and the lines
 * after it still load. Tab completion of commands and their arguments
 * lives here too, next to the table that knows what each argument is.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define DOSSIER_UI_INTERNAL
#include "args.h"
#include "store.h"
#include "ui.h"

#define MAX_WORDS 16

struct command {
	struct ui_command_info info;
	int min, max;            /* argument counts; max -1: any number (set coder
	                          * takes a name with blanks) */
	int (*run)(struct ui *ui, int argc, char **argv, const char *rest);
	/* Candidates for argument argi (1-based), given the words before. */
	void (*complete)(struct ui *ui, int argi, char **argv, struct ui_cands *out);
	/* A command the shell has too: parsed by the shell's entry (ui->command),
	 * then run here on what was parsed. */
	int (*shared)(struct ui *ui, const struct args *a);
	/* The argument is one name, blanks and all (an actor's): it is
	 * completed as a whole. */
	int one_name;
};

static int
on_off(const char *s, int *out)
{
	if (strcmp(s, "on") == 0 || strcmp(s, "yes") == 0 || strcmp(s, "true") == 0)
		*out = 1;
	else if (strcmp(s, "off") == 0 || strcmp(s, "no") == 0 || strcmp(s, "false") == 0)
		*out = 0;
	else
		return err_set("expected on or off, not '%s'", s);
	return 0;
}

static int
set_theme(struct ui *ui, const char *name)
{
	int warnings;

	if (!ui->live) {
		/* Read before the terminal is set up: loaded once it is. */
		free(ui->opt.theme);
		ui->opt.theme = xstrdup(name);
		return 0;
	}
	if (ui_theme_load(ui, name, &warnings) != 0)
		return -1;
	free(ui->opt.theme);
	ui->opt.theme = xstrdup(name);
	if (warnings > 0)
		return -1;   /* loaded, but say which line was wrong */
	ui_message(ui, "theme %s", name);
	return 0;
}

static int
run_set(struct ui *ui, int argc, char **argv, const char *rest)
{
	int on = 0;

	(void)rest;
	/* Read when annotating (anno_session_open, the rest of the line):
	 * who new annotations are recorded as made by; a name may have
	 * spaces. */
	if (argc >= 3 && strcmp(argv[1], "coder") == 0)
		return 0;
	if (argc != 3)
		return err_set("expected 'set theme NAME' or 'set mouse on|off'");
	if (strcmp(argv[1], "theme") == 0)
		return set_theme(ui, argv[2]);
	if (strcmp(argv[1], "mouse") == 0) {
		if (on_off(argv[2], &on) != 0)
			return -1;
		ui_set_mouse(ui, on);
		if (ui->live)
			ui_message(ui, "mouse %s", on ? "on" : "off");
		return 0;
	}
	/* Read by `dossier fetch` (path_config_setting); checked here so a
	 * bad value is reported where the config file is. */
	if (strcmp(argv[1], "sync-interval") == 0)
		return ui_sync_set_interval(ui, argv[2]);
	if (strcmp(argv[1], "fetch-jobs") == 0 || strcmp(argv[1], "fetch-timeout") == 0) {
		long v;

		if (path_config_number(argv[2], argv[1], 1, 1000, &v) != 0)
			return err_set("%s: expected a number from 1 to 1000, not '%s'", argv[1],
			    argv[2]);
		return 0;
	}
	return err_set("unknown setting '%s' (theme, mouse, fetch-jobs, fetch-timeout, coder, "
	    "sync-interval)",
	    argv[1]);
}

static int
run_sync(struct ui *ui, int argc, char **argv, const char *rest)
{
	(void)argc;
	(void)argv;
	(void)rest;
	if (!ui->live)
		return err_set("sync only works in the reader (the shell has 'dossier sync')");
	return ui_sync_run(ui);
}

static int
run_bind(struct ui *ui, int argc, char **argv, const char *rest)
{
	enum ui_action a;
	int km = UI_KM_GENERIC, i = 1;

	(void)rest;
	if (argc == 4) {
		km = ui_keymap_find(argv[1]);
		if (km < 0)
			return err_set("unknown keymap '%s' (generic, list, article, side)", argv[1]);
		i = 2;
	} else if (argc != 3) {
		return err_set("expected 'bind [KEYMAP] KEY ACTION'");
	}
	a = ui_action_find(argv[i + 1]);
	if (a == UI_ACT_NONE && strcmp(argv[i + 1], "none") != 0)
		return err_set("unknown action '%s' (F1 lists them)", argv[i + 1]);
	if (ui_keys_bind(ui, (enum ui_keymap)km, argv[i], a) != 0)
		return -1;
	if (ui->live)
		ui_message(ui, "%s bound to %s", argv[i], argv[i + 1]);
	return 0;
}

static int
run_theme(struct ui *ui, int argc, char **argv, const char *rest)
{
	(void)rest;
	if (argc == 1) {
		/* Nothing to show before the terminal: the start would report it. */
		if (!ui->live)
			return err_set("expected 'theme NAME'");
		ui_message(ui, "theme %s", ui_theme_name(ui));
		return 0;
	}
	return set_theme(ui, argv[1]);
}


static int
run_quit(struct ui *ui, int argc, char **argv, const char *rest)
{
	(void)argc;
	(void)argv;
	(void)rest;
	/* A config file that quits would close the reader as it opens. */
	if (!ui->live)
		return err_set("quit only works in the reader");
	ui->running = 0;
	return 0;
}

static int
run_help(struct ui *ui, int argc, char **argv, const char *rest)
{
	(void)argc;
	(void)argv;
	(void)rest;
	if (!ui->live)
		return err_set("help only works in the reader");
	ui->run(ui, UI_ACT_HELP, 0);
	return 0;
}



/* The options the reader has no use for: it shows what it finds. */
static int
refuse_printing(const struct args *a, const char *const *names)
{
	for (; *names != NULL; names++) {
		if (args_has(a, *names))
			return err_set("--%s is for the shell: the reader shows what it finds",
			    *names);
	}
	return 0;
}

static int
run_search(struct ui *ui, const struct args *a)
{
	static const char *const printing[] = { "json", "limit", "offset", NULL };
	struct buf q;
	size_t i;
	int rc;

	if (refuse_printing(a, printing) != 0)
		return -1;
	buf_init(&q);
	for (i = 0; i < a->argc; i++)
		buf_printf(&q, "%s%s", i ? " " : "", a->argv[i]);
	rc = ui_list_search(ui, q.data);
	buf_free(&q);
	return rc;
}

/* The browser's filter (tag:T speaker:S status:S state:S words) from the
 * shell's options, shown in the browser to be edited there. */
static int
run_annotations(struct ui *ui, const struct args *a)
{
	static const char *const printing[] = { "json", "article", NULL };
	static const char *const fields[] = { "tag", "speaker", "status", "state", NULL };
	const char *const *f;
	char *const *v;
	struct buf filter;
	size_t i, n;
	int rc;

	if (refuse_printing(a, printing) != 0)
		return -1;
	buf_init(&filter);
	for (f = fields; *f != NULL; f++) {
		for (i = 0, n = args_values(a, *f, &v); i < n; i++)
			buf_printf(&filter, "%s%s:%s", filter.len ? " " : "", *f, v[i]);
	}
	if (args_has(a, "text"))
		buf_printf(&filter, "%s%s", filter.len ? " " : "", args_get(a, "text"));
	rc = ui_anno_browse(ui, filter.data ? filter.data : "");
	buf_free(&filter);
	return rc;
}

static void
complete_tag(struct ui *ui, int argi, char **argv, struct ui_cands *out)
{
	if (argi == 1) {
		ui_cands_add(out, "add");
		ui_cands_add(out, "rename");
		ui_cands_add(out, "color");
		ui_cands_add(out, "key");
		ui_cands_add(out, "merge");
	} else if ((argi == 2 && strcmp(argv[1], "add") != 0) ||
	    (argi == 3 && strcmp(argv[1], "merge") == 0)) {
		ui_cands_tags(ui, out);
	}
}

/* An entity named on the command line (canonical name or alias). */
static int
find_entity(struct ui *ui, const char *name, int64_t *id)
{
	if (store_entity_find(ui->st, name, id) != 0)
		return -1;
	if (*id == 0)
		return err_set("no actor or agreement called '%s' (Tab completes names)", name);
	return 0;
}

static int
run_actor(struct ui *ui, int argc, char **argv, const char *rest)
{
	int64_t id;

	(void)argc;
	(void)argv;
	if (!ui->live)
		return err_set("actor only works in the reader");
	if (find_entity(ui, rest, &id) != 0)
		return -1;
	ui_side_statements_by(ui, id);
	return 0;
}

/* `:timeline NAME` (an actor's statements), `:timeline about NAME` (the
 * statements naming an actor or agreement). */
static int
run_timeline(struct ui *ui, int argc, char **argv, const char *rest)
{
	int about = argc > 2 && strcmp(argv[1], "about") == 0;
	int64_t id;

	if (!ui->live)
		return err_set("timeline only works in the reader");
	if (about || (argc > 2 && strcmp(argv[1], "by") == 0))
		rest += strlen(argv[1]) + strspn(rest + strlen(argv[1]), " \t");
	if (find_entity(ui, rest, &id) != 0)
		return -1;
	return ui_timeline_open(ui, about ? 0 : id, about ? id : 0, NULL);
}

static int
run_mentions(struct ui *ui, int argc, char **argv, const char *rest)
{
	int64_t id;

	(void)argc;
	(void)argv;
	if (!ui->live)
		return err_set("mentions only works in the reader");
	if (find_entity(ui, rest, &id) != 0)
		return -1;
	ui_side_mentions_of(ui, id);
	return 0;
}

/* Every entity the corpus mentions, for completion. */
static void
complete_entities(struct ui *ui, int argi, char **argv, struct ui_cands *out)
{
	struct store_entity *e = NULL;
	size_t n = 0, i;

	(void)argi;
	(void)argv;
	if (ui->st == NULL || store_article_entities(ui->st, 0, 0, &e, &n) != 0) {
		err_clear();
		return;
	}
	for (i = 0; i < n; i++)
		ui_cands_add(out, e[i].name);
	store_entity_list_free(e, n);
}

static void
complete_themes(struct ui_cands *out)
{
	char **names = ui_theme_list(), **p;

	for (p = names; *p != NULL; p++) {
		ui_cands_add(out, *p);
		free(*p);
	}
	free(names);
}

static void
complete_actions(struct ui_cands *out)
{
	int a;

	for (a = 1; a < UI_ACT_COUNT; a++)
		ui_cands_add(out, ui_action_name((enum ui_action)a));
}

static void
complete_set(struct ui *ui, int argi, char **argv, struct ui_cands *out)
{
	(void)ui;
	if (argi == 1) {
		ui_cands_add(out, "theme");
		ui_cands_add(out, "mouse");
		ui_cands_add(out, "fetch-jobs");
		ui_cands_add(out, "fetch-timeout");
		ui_cands_add(out, "coder");
		ui_cands_add(out, "sync-interval");
	} else if (argi == 2 && strcmp(argv[1], "theme") == 0) {
		complete_themes(out);
	} else if (argi == 2 && strcmp(argv[1], "mouse") == 0) {
		ui_cands_add(out, "on");
		ui_cands_add(out, "off");
	}
}

static void
complete_theme(struct ui *ui, int argi, char **argv, struct ui_cands *out)
{
	(void)ui;
	(void)argv;
	if (argi == 1)
		complete_themes(out);
}

static void
complete_bind(struct ui *ui, int argi, char **argv, struct ui_cands *out)
{
	int k;

	(void)ui;
	if (argi == 1) {
		for (k = 0; k < UI_KM_COUNT; k++)
			ui_cands_add(out, ui_keymap_name((enum ui_keymap)k));
	} else if ((argi == 2 && ui_keymap_find(argv[1]) < 0) || argi == 3) {
		complete_actions(out);
	}
}

static void
complete_memo(struct ui *ui, int argi, char **argv, struct ui_cands *out)
{
	if (argi == 1) {
		ui_cands_add(out, "project");
		ui_cands_add(out, "tag");
	} else if (argi == 2 && strcmp(argv[1], "tag") == 0) {
		ui_cands_tags(ui, out);
	}
}

static void
complete_report(struct ui *ui, int argi, char **argv, struct ui_cands *out)
{
	static const char *const kinds[] = { "frequency", "matrix", "cooccurrence", "timeline" };
	static const char *const axes[] = { "speaker", "article", "agreement" };
	size_t i;

	if (argi == 1)
		for (i = 0; i < ARRAY_LEN(kinds); i++)
			ui_cands_add(out, kinds[i]);
	else if (argi == 2 && strcmp(argv[1], "matrix") == 0)
		for (i = 0; i < ARRAY_LEN(axes); i++)
			ui_cands_add(out, axes[i]);
	else if (argi > 2 && strcmp(argv[argi - 1], "--tag") == 0)
		ui_cands_tags(ui, out);
	else if (argi > 2 && (strcmp(argv[argi - 1], "--by") == 0 ||
	    strcmp(argv[argi - 1], "--about") == 0))
		complete_entities(ui, argi, argv, out);
}

static const struct command commands[] = {
	{ { "set", "theme NAME | mouse on|off | fetch-jobs N | fetch-timeout S | coder NAME |"
	    " sync-interval MIN",
	    "change a setting" }, 2, -1, run_set, complete_set, NULL, 0 },
	{ { "bind", "[KEYMAP] KEY ACTION", "bind a key (ACTION none unbinds)" }, 2, 3,
	  run_bind, complete_bind, NULL, 0 },
	{ { "theme", "[NAME]", "switch the colour theme" }, 0, 1, run_theme, complete_theme, NULL, 0 },
	{ { "search", "QUERY...", "search all articles" }, 0, -1, NULL, NULL, run_search, 0 },
	{ { "tag", "add NAME [COLOR [KEY]] | rename NAME NEW | color NAME COLOR |"
	    " key NAME KEY | merge FROM INTO", "edit the codebook's tags" }, 2, 4, NULL,
	  complete_tag, ui_anno_tag_command, 0 },
	{ { "annotations", "[--tag T] [--speaker S] [--status S] [--state S]... [--text TEXT]",
	    "browse every annotation, filtered" }, 0, -1, NULL, NULL, run_annotations, 0 },
	{ { "export", "[--format F] [--tag T] [--article ID] [--all] FILE",
	    "export annotations (the format from FILE's extension)" }, 0, -1, NULL, NULL,
	  ui_anno_export_command, 0 },
	{ { "report", "frequency [--per WHAT] | matrix AXIS | cooccurrence | timeline --by NAME"
	    " [--tag T]", "draw a report of the coding; Enter opens what a count counts" }, 0, -1,
	  NULL, complete_report, ui_report_command, 0 },
	{ { "memo", "[project | tag NAME]", "write the open article's memo (or the project's,"
	    " or a tag's)" }, 0, -1, ui_memo_command, complete_memo, NULL, 0 },
	{ { "actor", "NAME", "every statement by an actor" }, 1, -1, run_actor,
	  complete_entities, NULL, 1 },
	{ { "intercoder", "--coders A,B [--tag T]", "where two coders differ, sentence by sentence" },
	  0, -1, NULL, NULL, ui_disagree_command, 0 },
	{ { "timeline", "[by | about] NAME", "statements by an actor (or naming one) by month" },
	  1, -1, run_timeline, complete_entities, NULL, 1 },
	{ { "mentions", "NAME", "every mention of an actor or agreement" }, 1, -1,
	  run_mentions, complete_entities, NULL, 1 },
	{ { "sync", "", "send this database's changes to the team, fetch the others'" }, 0, 0,
	  run_sync, NULL, NULL, 0 },
	{ { "help", "", "show the keys and commands" }, 0, 0, run_help, NULL, NULL, 0 },
	{ { "quit", "", "quit dossier" }, 0, 0, run_quit, NULL, NULL, 0 },
	{ { "q", "", "quit dossier" }, 0, 0, run_quit, NULL, NULL, 0 },
};

const struct ui_command_info *
ui_command_info(size_t i)
{
	return i < ARRAY_LEN(commands) ? &commands[i].info : NULL;
}

/* Splits on blanks into at most max words (modifying line); *rest points
 * at the text after the first word. */
static int
split(char *line, char **w, int max, const char **rest)
{
	int n = 0;
	char *p = line;

	*rest = "";
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\r')
			p++;
		if (*p == '\0' || n == max)
			return n;
		if (n == 1)
			*rest = p;
		w[n++] = p;
		while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\r')
			p++;
		if (*p != '\0')
			*p++ = '\0';
	}
}

static const struct command *
find_command(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(commands); i++) {
		if (strcmp(commands[i].info.name, name) == 0)
			return &commands[i];
	}
	return NULL;
}

/* A command the shell has too: the words parsed by the shell's entry for
 * it, so that both take the same options and arguments. */
static int
run_shared(struct ui *ui, const struct command *c, int n, char **w)
{
	const struct args_spec *spec = ui->command != NULL ? ui->command(c->info.name) : NULL;
	struct buf usage;
	struct args a;
	int rc;

	if (!ui->live)
		return err_set("%s only works in the reader", c->info.name);
	if (spec == NULL)
		return err_set("%s is not available here", c->info.name);
	rc = args_parse(spec, n, w, &a);
	buf_init(&usage);
	if (rc != ARGS_OK)
		args_usage(a.spec, &usage);
	if (rc < 0) {
		char *why = xstrdup(err_msg());   /* err_set rewrites the message */

		rc = err_set("%s (usage: %s%s%s %s)", why, a.parent ? a.parent->name : "",
		    a.parent ? " " : "", a.spec->name, usage.data ? usage.data : "");
		free(why);
	} else if (rc == ARGS_HELP) {
		ui_message(ui, "usage: %s%s%s %s", a.parent ? a.parent->name : "",
		    a.parent ? " " : "", a.spec->name, usage.data ? usage.data : "");
		rc = 0;
	} else
		rc = c->shared(ui, &a);
	buf_free(&usage);
	args_free(&a);
	return rc;
}

int
ui_command(struct ui *ui, const char *line)
{
	const struct command *c;
	char *copy = xstrdup(line), *w[MAX_WORDS], *restcopy;
	const char *rest;
	enum ui_action a;
	int n, rc, nargs;
	size_t off, len;

	n = split(copy, w, MAX_WORDS, &rest);
	if (n == 0) {
		free(copy);
		return 0;
	}
	/* rest must survive the split's NULs: take it from the original. */
	off = (size_t)(rest - copy);
	restcopy = xstrdup(n > 1 ? line + off : "");
	/* Completion leaves a blank after a name; it is not part of it. */
	for (len = strlen(restcopy); len > 0 && (restcopy[len - 1] == ' ' ||
	    restcopy[len - 1] == '\t' || restcopy[len - 1] == '\r'); len--)
		restcopy[len - 1] = '\0';
	c = find_command(w[0]);
	nargs = n - 1;
	if (c != NULL && c->shared != NULL) {
		rc = run_shared(ui, c, n, w);
	} else if (c != NULL) {
		if (nargs < c->min || (c->max >= 0 && nargs > c->max))
			rc = err_set("usage: %s %s", c->info.name, c->info.args);
		else
			rc = c->run(ui, n, w, restcopy);
	} else if ((a = ui_action_find(w[0])) != UI_ACT_NONE && nargs == 0) {
		if (!ui->live)
			rc = err_set("'%s' is an action: bind it to a key", w[0]);
		else {
			ui->run(ui, a, 0);
			rc = 0;
		}
	} else {
		rc = err_set("unknown command '%s'", w[0]);
	}
	free(restcopy);
	free(copy);
	return rc;
}

/* One bad line (or an unreadable file) for ui->config_errors. */
static void
config_error(struct ui *ui, struct buf *errors, const char *fmt, ...) PRINTFLIKE(3, 4);

static void
config_error(struct ui *ui, struct buf *errors, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(errors, fmt, ap);
	va_end(ap);
	buf_addc(errors, '\n');
	ui->config_bad++;
}

void
ui_config_load(struct ui *ui, const char *path)
{
	char *text = NULL, *line, *next;
	const char *p;
	size_t len, first;
	int lineno = 0;
	struct buf errors;

	buf_init(&errors);
	free(ui->config_errors);
	ui->config_errors = NULL;
	ui->config_bad = 0;
	if (path_read_file(path, 1 << 20, &text, &len) != 0) {
		/* No config file is the normal case. */
		if (access(path, F_OK) != 0) {
			err_clear();
			return;
		}
		config_error(ui, &errors, "%s", err_msg());
	}
	for (line = text; line != NULL; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		lineno++;
		for (p = line; *p == ' ' || *p == '\t'; p++)
			;
		if (*p == '\0' || *p == '#' || *p == '\r')
			continue;
		if (ui_command(ui, p) != 0)
			config_error(ui, &errors, "%s:%d: %s", path, lineno, err_msg());
	}
	free(text);
	err_clear();
	if (ui->config_bad == 0) {
		buf_free(&errors);
		return;
	}
	ui->config_errors = buf_detach(&errors, NULL);
	first = strcspn(ui->config_errors, "\n");
	/* The status line has room for one; the help lists them all. */
	if (ui->config_bad == 1)
		ui_error(ui, "%.*s", (int)first, ui->config_errors);
	else
		ui_error(ui, "%.*s (%d bad lines in the config: :help lists them)", (int)first,
		    ui->config_errors, ui->config_bad);
}

/* What an argument of KIND can be. A path is listed from what is typed
 * (WORD), not from all there is. */
static void
complete_kind(struct ui *ui, enum args_kind kind, const char *const *choices, const char *word,
    size_t len, struct ui_cands *out)
{
	switch (kind) {
	case ARGS_CHOICE:
		for (; choices != NULL && *choices != NULL; choices++)
			ui_cands_add(out, *choices);
		break;
	case ARGS_TAG:
		ui_cands_tags(ui, out);
		break;
	case ARGS_FILE:
		ui_cands_paths(word, len, out);
		break;
	case ARGS_ACTOR:
		complete_entities(ui, 0, NULL, out);
		break;
	default:
		break;
	}
}

/* A command the shell has too, by its grammar (the shell's args_spec):
 * an option's value, an option's name, or the positional argument due. */
static void
complete_shared(struct ui *ui, const struct command *c, int argi, char **w, const char *word,
    size_t len, struct ui_cands *out)
{
	const struct args_spec *spec = ui->command != NULL ? ui->command(c->info.name) : NULL;
	const struct args_option *o = NULL;
	const struct args_param *p;
	struct buf name;
	int i, pos = 0;

	if (spec == NULL)
		return;
	/* Which positional argument this is: the words before, less the
	 * options and the values they take. */
	for (i = 1; i < argi; i++) {
		o = args_option_find(spec, w[i]);
		if (o != NULL && o->value != NULL && strchr(w[i], '=') == NULL) {
			if (++i == argi) {   /* this word is that option's value */
				complete_kind(ui, o->kind, o->choices, word, len, out);
				return;
			}
		} else if (o == NULL && w[i][0] != '-') {
			pos++;
		}
	}
	if (len > 0 && word[0] == '-') {
		buf_init(&name);
		for (o = spec->options; o != NULL && o->name != NULL; o++) {
			buf_reset(&name);
			buf_printf(&name, "--%s", o->name);
			ui_cands_add(out, name.data);
		}
		buf_free(&name);
		return;
	}
	for (p = spec->params; p != NULL && p->name != NULL && pos > 0 &&
	    (p->flags & ARGS_MORE) == 0; p++)
		pos--;
	if (p != NULL && p->name != NULL)
		complete_kind(ui, p->kind, p->choices, word, len, out);
}

/*
 * Completion of the word that ends at the cursor: command and action names
 * first, then whatever that command's argument is.
 */
void
ui_command_complete(struct ui *ui, const char *line, size_t cursor, struct ui_cands *out,
    size_t *word_start)
{
	char *copy = xstrndup(line, cursor), *w[MAX_WORDS];
	const char *rest, *prefix;
	const struct command *c;
	struct ui_cands all = { 0 };
	size_t i, plen;
	int n, argi;

	/* The word being completed starts after the last blank, or for a
	 * command whose argument is the rest of the line (a name with
	 * spaces), after the command. */
	for (i = cursor; i > 0 && line[i - 1] != ' ' && line[i - 1] != '\t'; i--)
		;
	*word_start = i;
	n = split(copy, w, MAX_WORDS, &rest);
	argi = i < cursor ? n - 1 : n;
	if (n >= 1 && (c = find_command(w[0])) != NULL && c->one_name && argi >= 1) {
		for (i = 0; line[i] == ' ' || line[i] == '\t'; i++)
			;
		i += strlen(w[0]);
		while (line[i] == ' ' || line[i] == '\t')
			i++;
		*word_start = i;
		argi = 1;
	}
	prefix = line + *word_start;
	plen = cursor - *word_start;
	if (argi <= 0) {
		size_t k;
		for (k = 0; k < ARRAY_LEN(commands); k++)
			ui_cands_add(&all, commands[k].info.name);
		complete_actions(&all);
	} else if ((c = find_command(w[0])) != NULL && c->complete != NULL) {
		c->complete(ui, argi, w, &all);
	} else if (c != NULL && c->shared != NULL) {
		complete_shared(ui, c, argi, w, prefix, plen, &all);
	}
	ui_cands_filter(&all, prefix, plen, out);
	ui_cands_free(&all);
	free(copy);
}

/* The `:` line: what it runs and how it completes. */
static int
command_submit(struct ui *ui, int kind, const char *line)
{
	(void)kind;
	return ui_command(ui, line);
}

const struct ui_prompt_ops ui_command_line = {
	.submit = command_submit,
	.complete = ui_command_complete,
};
