/*
 * cmd-complete.c: `dossier complete bash|zsh` prints the shell's completion
 * script, and the hidden `dossier complete words -- WORD...` answers it: the
 * words of a command line after "dossier", the last being the one typed so
 * far (maybe empty), give the candidates for that last word, one a line.
 *
 * The scripts are a few lines that ask dossier itself, so the commands,
 * subcommands, options and choices come from the same entries the parser
 * reads (cmd-table.c), and tag names, actor names and article ids from the
 * database the command line names (--db, $DOSSIER_DB or the default). A
 * file is left to the shell: the answer is then the single line "!file".
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "store.h"
#include "util.h"

static int cmd_complete_exec(struct cmd_ctx *, const struct args *);

static const struct cmd_entry complete_bash = {
	.spec = { .name = "bash", .summary = "print the bash completion script" },
	.exec = cmd_complete_exec,
};
static const struct cmd_entry complete_zsh = {
	.spec = { .name = "zsh", .summary = "print the zsh completion script" },
	.exec = cmd_complete_exec,
};
static const struct cmd_entry complete_words = {
	.spec = { .name = "words", .summary = "the candidates for the last of WORDS",
	    .params = (const struct args_param[]){
		{ "WORD", ARGS_WORD, NULL, ARGS_OPTIONAL | ARGS_MORE, NULL }, { NULL } } },
	.exec = cmd_complete_exec,
};

const struct cmd_entry cmd_complete_entry = {
	.spec = {
		.name = "complete",
		.summary = "shell completion: the script, and the candidates it asks for",
		.subs = CMD_SUBS(&complete_bash.spec, &complete_zsh.spec, &complete_words.spec),
		.flags = ARGS_HIDDEN,
	},
	.exec = cmd_complete_exec,
};

static const char bash_script[] =
    "# bash completion for dossier, from 'dossier complete bash'\n"
    "_dossier()\n"
    "{\n"
    "\tlocal cur=${COMP_WORDS[COMP_CWORD]} IFS=$'\\n' c\n"
    "\tlocal -a cands\n"
    "\tcands=($(command \"${COMP_WORDS[0]}\" complete words -- \\\n"
    "\t    \"${COMP_WORDS[@]:1:COMP_CWORD}\" 2>/dev/null))\n"
    "\tCOMPREPLY=()\n"
    "\tif [[ ${cands[0]} == '!file' ]]; then\n"
    "\t\tcompopt -o filenames 2>/dev/null\n"
    "\t\tCOMPREPLY=($(compgen -f -- \"$cur\"))\n"
    "\t\treturn\n"
    "\tfi\n"
    "\tfor c in \"${cands[@]}\"; do\n"
    "\t\tCOMPREPLY+=(\"$(printf '%q' \"$c\")\")\n"
    "\tdone\n"
    "}\n"
    "complete -F _dossier dossier\n";

static const char zsh_script[] =
    "#compdef dossier\n"
    "# zsh completion for dossier, from 'dossier complete zsh'\n"
    "_dossier()\n"
    "{\n"
    "\tlocal -a cands\n"
    "\tcands=(\"${(@f)$(command $words[1] complete words -- \"${(@)words[2,CURRENT]}\" \\\n"
    "\t    2>/dev/null)}\")\n"
    "\tcands=(${cands:#})\n"
    "\tif [[ $cands[1] == '!file' ]]; then\n"
    "\t\t_files\n"
    "\t\treturn\n"
    "\tfi\n"
    "\tcompadd -a cands\n"
    "}\n"
    "_dossier \"$@\"\n";

/* What is being completed, and what is known of the line so far. */
struct line {
	struct cmd_ctx *ctx;
	const char *cur;          /* the word typed so far, unescaped */
	struct store *st;         /* opened when a candidate needs it */
	int tried;
};

static int
starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static void
say(struct line *l, const char *s)
{
	/* Tag and actor names come from the database: safe text, one line. */
	if (starts(s, l->cur)) {
		cmd_write_line(stdout, s, strlen(s));
		putchar('\n');
	}
}

static struct store *
db(struct line *l)
{
	if (!l->tried) {
		l->tried = 1;
		if (store_open(l->ctx->db_path, STORE_READONLY | STORE_NOCREATE, &l->st) != 0) {
			l->st = NULL;
			err_clear();
		}
	}
	return l->st;
}

static void
say_tags(struct line *l)
{
	struct store_tag *t;
	size_t n, i;

	if (db(l) == NULL || store_tag_list(l->st, &t, &n) != 0)
		return;
	for (i = 0; i < n; i++)
		say(l, t[i].name);
	store_tag_list_free(t, n);
}

static void
say_actors(struct line *l)
{
	struct store_entity *e;
	size_t n, i;

	if (db(l) == NULL || store_article_entities(l->st, 0, 0, &e, &n) != 0)
		return;
	for (i = 0; i < n; i++)
		say(l, e[i].name);
	store_entity_list_free(e, n);
}

/* The newest articles' ids: a screenful is what a person picks from. */
static void
say_articles(struct line *l)
{
	struct store_article_brief *rows;
	size_t n, i;
	char id[32];

	if (db(l) == NULL || store_article_page(l->st, 0, 200, &rows, &n) != 0)
		return;
	for (i = 0; i < n; i++) {
		snprintf(id, sizeof id, "%lld", (long long)rows[i].id);
		say(l, id);
	}
	store_article_brief_free(rows, n);
}

static void
say_value(struct line *l, enum args_kind kind, const char *const *choices)
{
	const struct cmd_entry *const *e;

	switch (kind) {
	case ARGS_FILE:
		puts("!file");
		break;
	case ARGS_TAG:
		say_tags(l);
		break;
	case ARGS_ACTOR:
		say_actors(l);
		break;
	case ARGS_ARTICLE:
		say_articles(l);
		break;
	case ARGS_CHOICE:
		for (; choices != NULL && *choices != NULL; choices++)
			say(l, *choices);
		break;
	case ARGS_COMMAND:
		for (e = cmd_table; *e != NULL; e++) {
			if (!((*e)->spec.flags & ARGS_HIDDEN))
				say(l, (*e)->spec.name);
		}
		break;
	case ARGS_WORD:
	case ARGS_COUNT:
		break;
	}
}

static void
say_options(struct line *l, const struct args_spec *spec)
{
	const struct args_option *o;
	char name[64];

	for (o = spec->options; o != NULL && o->name != NULL; o++) {
		snprintf(name, sizeof name, "--%s", o->name);
		say(l, name);
	}
	say(l, "--help");
}

/* The candidates for the last of W[0..n) within command SPEC (W[0] is the
 * command's name). */
static void
complete_in(struct line *l, const struct args_spec *spec, char **w, size_t n)
{
	const struct args_option *want = NULL, *o;
	const struct args_param *p;
	size_t i, npos = 0;
	int ended = 0, sub = 0;

	for (i = 1; i + 1 < n; i++) {
		if (want != NULL) {
			want = NULL;
			continue;
		}
		if (!ended && strcmp(w[i], "--") == 0) {
			ended = 1;
		} else if (!ended && w[i][0] == '-' && w[i][1] != '\0') {
			o = args_option_find(spec, w[i]);
			if (o != NULL && o->value != NULL && strchr(w[i], '=') == NULL &&
			    (w[i][1] == '-' || w[i][2] == '\0'))
				want = o;
		} else if (spec->subs != NULL && !sub) {
			const struct args_spec *s = args_sub_find(spec, w[i]);

			if (s == NULL)
				return;
			spec = s;
			sub = 1;
		} else {
			npos++;
		}
	}
	if (want != NULL) {
		say_value(l, want->kind, want->choices);
		return;
	}
	if (!ended && l->cur[0] == '-') {
		say_options(l, spec);
		return;
	}
	if (spec->subs != NULL && !sub) {
		const struct args_spec *const *s;

		for (s = spec->subs; *s != NULL; s++) {
			if (!((*s)->flags & ARGS_HIDDEN))
				say(l, (*s)->name);
		}
		return;
	}
	for (p = spec->params, i = 0; p != NULL && p->name != NULL; p++, i++) {
		if (i == npos || ((p->flags & ARGS_MORE) && i < npos)) {
			say_value(l, p->kind, p->choices);
			return;
		}
	}
}

/* Drops the shell's backslashes from the word typed so far ("Sergey\ L"). */
static char *
unescape(const char *s)
{
	char *out = xstrdup(s), *o = out;

	for (; *s != '\0'; s++) {
		if (*s == '\\' && s[1] != '\0')
			s++;
		*o++ = *s;
	}
	*o = '\0';
	return out;
}

static void
complete_line(struct cmd_ctx *ctx, char **w, size_t n)
{
	struct line l = { ctx, NULL, NULL, 0 };
	const struct cmd_entry *e;
	char *cur;
	size_t i = 0;

	if (n == 0)
		return;
	cur = unescape(w[n - 1]);
	l.cur = cur;
	/* The global options before the command, --db naming the database. */
	for (; i + 1 < n && w[i][0] == '-'; i++) {
		if (strcmp(w[i], "--db") == 0 && i + 2 < n)
			ctx->db_path = w[++i];
		else if (starts(w[i], "--db="))
			ctx->db_path = w[i] + 5;
	}
	if (i + 1 == n) {
		if (cur[0] == '-') {
			say(&l, "--db");
			say(&l, "--quiet");
			say(&l, "--help");
			say(&l, "--version");
		} else if (i > 0 && strcmp(w[i - 1], "--db") == 0) {
			puts("!file");
		} else {
			say_value(&l, ARGS_COMMAND, NULL);
		}
	} else if ((e = cmd_find(w[i])) != NULL) {
		complete_in(&l, &e->spec, w + i, n - i);
	}
	store_close(l.st);
	free(cur);
}

static int
cmd_complete_exec(struct cmd_ctx *ctx, const struct args *a)
{
	const char *sub = a->spec->name;

	if (strcmp(sub, "bash") == 0)
		fputs(bash_script, stdout);
	else if (strcmp(sub, "zsh") == 0)
		fputs(zsh_script, stdout);
	else
		complete_line(ctx, a->argv, a->argc);
	return EXIT_OK;
}
