/*
 * args.c: reading a command line against a command's declaration (see
 * args.h for the grammar), and writing the usage and help from the same
 * declaration.
 *
 * One pass over the words: an option is looked up by its long or short
 * name and its value taken from the same word or the next; every other
 * word is an argument, wherever it stands; after `--` every word is an
 * argument. Only then are the arguments counted against the declaration,
 * so that an option after the arguments is an option, and `search
 * corridor --limit 2` searches for "corridor".
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "args.h"

static size_t
count_options(const struct args_spec *spec)
{
	size_t n = 0;

	while (spec->options != NULL && spec->options[n].name != NULL)
		n++;
	return n;
}

const struct args_spec *
args_sub_find(const struct args_spec *spec, const char *name)
{
	const struct args_spec *const *s;

	for (s = spec->subs; s != NULL && *s != NULL; s++) {
		if (strcmp((*s)->name, name) == 0)
			return *s;
	}
	return NULL;
}

const struct args_option *
args_option_find(const struct args_spec *spec, const char *word)
{
	const struct args_option *o;
	size_t len;

	if (word[0] != '-' || word[1] == '\0')
		return NULL;
	for (o = spec->options; o != NULL && o->name != NULL; o++) {
		if (word[1] != '-') {
			if (o->letter != 0 && o->letter == word[1])
				return o;
			continue;
		}
		len = strlen(o->name);
		if (strncmp(word + 2, o->name, len) == 0 &&
		    (word[2 + len] == '\0' || (word[2 + len] == '=' && o->value != NULL)))
			return o;
	}
	return NULL;
}

static int
is_help(const char *w)
{
	return strcmp(w, "--help") == 0 || strcmp(w, "-h") == 0;
}

/* Counts the arguments against the declaration. */
static int
check_params(const struct args *a)
{
	const struct args_param *p = a->spec->params;
	size_t min = 0, max = 0;

	for (; p != NULL && p->name != NULL; p++) {
		if (p->flags & ARGS_MORE)
			max = SIZE_MAX;
		else if (max != SIZE_MAX)
			max++;
		if (!(p->flags & ARGS_OPTIONAL))
			min++;
	}
	if (a->argc < min) {
		p = &a->spec->params[a->argc];
		return p->missing != NULL ? err_set("%s", p->missing) : err_set("needs %s", p->name);
	}
	if (a->argc > max)
		return err_set(max == 0 ? "takes no arguments ('%s' given)" :
		    "unexpected argument '%s'", a->argv[max]);
	return 0;
}

static void
args_reset(struct args *a, const struct args_spec *spec)
{
	free(a->opt);
	a->spec = spec;
	a->nopt = count_options(spec);
	a->opt = a->nopt ? xreallocarray(NULL, a->nopt, sizeof *a->opt) : NULL;
	if (a->opt != NULL)
		memset(a->opt, 0, a->nopt * sizeof *a->opt);
}

static void
add_value(struct args_value *v, char *s)
{
	v->v = xreallocarray(v->v, v->n + 1, sizeof *v->v);
	v->v[v->n++] = s;
}

/* One option word at ARGV[*i]; takes its value from the next word when it
 * needs one and the word has none. */
static int
take_option(struct args *a, int argc, char **argv, int *i)
{
	char *w = argv[*i], *eq;
	const struct args_option *o = args_option_find(a->spec, w);
	struct args_value *v;

	if (o == NULL || a->opt == NULL)
		return err_set("unknown option %s", w);
	v = &a->opt[o - a->spec->options];
	if (o->value == NULL) {
		if (w[1] != '-' && w[2] != '\0')
			return err_set("unknown option %s", w);
		add_value(v, w);
		return 0;
	}
	if (w[1] == '-' && (eq = strchr(w, '=')) != NULL) {
		add_value(v, eq + 1);
		return 0;
	}
	if (w[1] != '-' && w[2] != '\0') {
		add_value(v, w + 2);
		return 0;
	}
	if (*i + 1 >= argc)
		return err_set("--%s needs a value (%s)", o->name, o->value);
	add_value(v, argv[++*i]);
	return 0;
}

int
args_parse(const struct args_spec *spec, int argc, char **argv, struct args *out)
{
	int i, ended = 0, help = 0;

	memset(out, 0, sizeof *out);
	args_reset(out, spec);
	out->argv = xreallocarray(NULL, (size_t)argc + 1, sizeof *out->argv);
	for (i = 1; i < argc; i++) {
		char *w = argv[i];

		if (!ended && strcmp(w, "--") == 0) {
			ended = 1;
			continue;
		}
		if (!ended && is_help(w)) {
			help = 1;
			continue;
		}
		/* The first argument of a command with subcommands names one;
		 * what follows is the subcommand's. */
		if (out->parent == NULL && out->spec->subs != NULL &&
		    (ended || w[0] != '-' || w[1] == '\0')) {
			const struct args_spec *sub = args_sub_find(out->spec, w);

			if (sub == NULL)
				return err_set("unknown subcommand '%s'", w);
			if (out->nopt > 0) {
				size_t k;

				for (k = 0; k < out->nopt; k++) {
					if (out->opt[k].n > 0)
						return err_set("%s goes after the subcommand",
						    out->opt[k].v[0]);
				}
			}
			out->parent = out->spec;
			args_reset(out, sub);
			continue;
		}
		if (!ended && w[0] == '-' && w[1] != '\0') {
			if (take_option(out, argc, argv, &i) != 0)
				return -1;
			continue;
		}
		out->argv[out->argc++] = w;
	}
	out->argv[out->argc] = NULL;
	if (help)
		return ARGS_HELP;
	if (out->parent == NULL && out->spec->subs != NULL) {
		const struct args_spec *sub = out->spec->default_sub != NULL ?
		    args_sub_find(out->spec, out->spec->default_sub) : NULL;

		if (sub == NULL)
			return err_set("needs a subcommand");
		out->parent = out->spec;
		args_reset(out, sub);
	}
	return check_params(out) == 0 ? ARGS_OK : -1;
}

void
args_free(struct args *a)
{
	size_t i;

	for (i = 0; i < a->nopt; i++)
		free(a->opt[i].v);
	free(a->opt);
	free(a->argv);
	memset(a, 0, sizeof *a);
}

static const struct args_value *
value_of(const struct args *a, const char *name)
{
	size_t i;

	for (i = 0; i < a->nopt; i++) {
		if (strcmp(a->spec->options[i].name, name) == 0)
			return &a->opt[i];
	}
	/* Asking for an option the command does not declare is a mistake in
	 * the command's code, not in what the user typed. */
	abort();
}

int
args_has(const struct args *a, const char *name)
{
	return value_of(a, name)->n > 0;
}

const char *
args_get(const struct args *a, const char *name)
{
	const struct args_value *v = value_of(a, name);

	return v->n > 0 ? v->v[v->n - 1] : NULL;
}

size_t
args_values(const struct args *a, const char *name, char *const **v)
{
	const struct args_value *x = value_of(a, name);

	*v = x->v;
	return x->n;
}

/* ---- usage and help ------------------------------------------------------ */

static int
has_words(const struct args_spec *spec)
{
	return (spec->params != NULL && spec->params[0].name != NULL) ||
	    (spec->options != NULL && spec->options[0].name != NULL);
}

static void
usage_params(const struct args_spec *spec, struct buf *out)
{
	const struct args_param *p;
	size_t open = 0;

	for (p = spec->params; p != NULL && p->name != NULL; p++) {
		if (out->len > 0 && out->data[out->len - 1] != ' ' && out->data[out->len - 1] != '[')
			buf_addc(out, ' ');
		if (p->flags & ARGS_OPTIONAL) {
			buf_addc(out, '[');
			open++;
		}
		buf_adds(out, p->name);
		if (p->flags & ARGS_MORE)
			buf_adds(out, "...");
	}
	while (open-- > 0)
		buf_addc(out, ']');
}

void
args_usage(const struct args_spec *spec, struct buf *out)
{
	const struct args_option *o;
	const struct args_spec *const *s;
	size_t start = out->len;

	for (o = spec->options; o != NULL && o->name != NULL; o++) {
		if (out->len > start)
			buf_addc(out, ' ');
		buf_printf(out, "[--%s%s%s]", o->name, o->value ? " " : "", o->value ? o->value : "");
	}
	for (s = spec->subs; s != NULL && *s != NULL; s++) {
		if ((*s)->flags & ARGS_HIDDEN)
			continue;
		if (s != spec->subs)
			buf_adds(out, " | ");
		buf_adds(out, (*s)->name);
		if (has_words(*s)) {
			buf_addc(out, ' ');
			args_usage(*s, out);
		}
	}
	if (out->len > start && spec->params != NULL && spec->params[0].name != NULL)
		buf_addc(out, ' ');
	usage_params(spec, out);
}

static void
help_options(const struct args_spec *spec, struct buf *out)
{
	const struct args_option *o;

	for (o = spec->options; o != NULL && o->name != NULL; o++) {
		struct buf left;

		buf_init(&left);
		if (o->letter)
			buf_printf(&left, "-%c, ", o->letter);
		buf_printf(&left, "--%s%s%s", o->name, o->value ? " " : "", o->value ? o->value : "");
		buf_printf(out, "  %-24s %s\n", left.data, o->help ? o->help : "");
		buf_free(&left);
	}
}

void
args_help(const struct args_spec *spec, const char *prefix, struct buf *out)
{
	const struct args_spec *const *s;

	buf_printf(out, "usage: %s%s%s ", prefix, *prefix ? " " : "", spec->name);
	args_usage(spec, out);
	buf_printf(out, "\n\n%s\n", spec->summary);
	if (spec->options != NULL && spec->options[0].name != NULL) {
		buf_adds(out, "\nOptions:\n");
		help_options(spec, out);
	}
	if (spec->subs == NULL)
		return;
	buf_adds(out, "\nSubcommands:\n");
	for (s = spec->subs; *s != NULL; s++) {
		struct buf u;

		if ((*s)->flags & ARGS_HIDDEN)
			continue;
		buf_init(&u);
		buf_adds(&u, (*s)->name);
		if (has_words(*s)) {
			buf_addc(&u, ' ');
			args_usage(*s, &u);
		}
		buf_printf(out, "  %s\n      %s%s\n", u.data, (*s)->summary,
		    spec->default_sub && strcmp(spec->default_sub, (*s)->name) == 0 ?
		    " (the default)" : "");
		buf_free(&u);
	}
}
