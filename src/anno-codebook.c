/*
 * anno-codebook.c: the codebook, the list of tags a reader marks claims
 * with. The default one is a data file (data/codebook.tsv), so that a
 * project with other needs edits a file, not the program; a new database
 * takes its tags from it once, and from then on the tags are the user's.
 *
 * Also the checks on tag names, colours and keys, shared by the commands,
 * the reader's :tag command and the codebook loader.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "anno.h"
#include "util.h"

#define MAX_CODEBOOK ((size_t)1 << 20)
#define MAX_TAG_NAME 64

static const char *const color_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

int
anno_tag_name_check(const char *name)
{
	size_t len = name != NULL ? strlen(name) : 0, i;

	if (len == 0)
		return err_set("a tag needs a name");
	if (len > MAX_TAG_NAME)
		return err_set("tag name '%.20s...' is longer than %d bytes", name, MAX_TAG_NAME);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)name[i];
		if (c < 0x20 || c == 0x7f)
			return err_set("tag name has a control character at byte %zu", i);
		if (c == ' ' && (i == 0 || i == len - 1 || name[i - 1] == '/' || name[i + 1] == '/'))
			return err_set("tag name '%s' has a space at the start or end of a part", name);
		if (c == '/' && (i == 0 || i == len - 1 || name[i + 1] == '/'))
			return err_set("tag name '%s' has an empty part (nest tags as parent/child)",
			    name);
	}
	return 0;
}

/* The grammar of colours in theme files: a name, bright-NAME, default, or
 * a number 0-255 (also written colorN). */
int
anno_color_check(const char *color)
{
	const char *c = color;
	char *end;
	long v;
	size_t i;

	if (c == NULL || c[0] == '\0')
		return err_set("empty colour");
	if (strcmp(c, "default") == 0)
		return 0;
	if (strncmp(c, "bright-", 7) == 0)
		c += 7;
	for (i = 0; i < ARRAY_LEN(color_names); i++) {
		if (strcmp(c, color_names[i]) == 0)
			return 0;
	}
	if (c == color) {
		if (strncmp(c, "color", 5) == 0)
			c += 5;
		v = strtol(c, &end, 10);
		if (end != c && *end == '\0' && v >= 0 && v <= 255)
			return 0;
	}
	return err_set("unknown colour '%s' (black, red, green, yellow, blue, magenta, cyan, "
	    "white, bright-NAME, default, or 0-255)", color);
}

int
anno_key_check(const char *key)
{
	if (key == NULL || key[0] == '\0' || key[1] != '\0' ||
	    (unsigned char)key[0] <= ' ' || (unsigned char)key[0] >= 0x7f)
		return err_set("a tag's key is one printable ASCII character, not '%s'",
		    key ? key : "");
	return 0;
}

void
anno_codebook_free(struct anno_code *codes, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(codes[i].name);
		free(codes[i].color);
		free(codes[i].key);
		free(codes[i].description);
	}
	free(codes);
}

/* Splits LINE at tabs into at most 4 fields (NULL when absent or empty). */
static void
split_fields(char *line, char *f[4])
{
	size_t i;
	char *p = line;

	for (i = 0; i < 4; i++) {
		char *tab;

		f[i] = NULL;
		if (p == NULL)
			continue;
		tab = i < 3 ? strchr(p, '\t') : NULL;
		if (tab != NULL)
			*tab = '\0';
		f[i] = p[0] != '\0' ? p : NULL;
		p = tab != NULL ? tab + 1 : NULL;
	}
}

static int
parse_line(const char *path, size_t lineno, char *line, struct anno_code *out)
{
	char *f[4];

	split_fields(line, f);
	if (anno_tag_name_check(f[0]) != 0 ||
	    (f[1] != NULL && anno_color_check(f[1]) != 0) ||
	    (f[2] != NULL && anno_key_check(f[2]) != 0))
		return err_prefix("%s: line %zu", path, lineno);
	out->name = xstrdup(f[0]);
	out->color = f[1] ? xstrdup(f[1]) : NULL;
	out->key = f[2] ? xstrdup(f[2]) : NULL;
	out->description = f[3] ? xstrdup(f[3]) : NULL;
	return 0;
}

static int
check_unique(const char *path, size_t lineno, const struct anno_code *codes, size_t n)
{
	const struct anno_code *c = &codes[n];
	size_t i;

	for (i = 0; i < n; i++) {
		if (strcmp(codes[i].name, c->name) == 0)
			return err_set("%s: line %zu: tag '%s' listed twice", path, lineno, c->name);
		if (c->key != NULL && codes[i].key != NULL && strcmp(codes[i].key, c->key) == 0)
			return err_set("%s: line %zu: key '%s' already belongs to '%s'", path,
			    lineno, c->key, codes[i].name);
	}
	return 0;
}

int
anno_codebook_parse(const char *path, const char *text, size_t len,
    struct anno_code **out, size_t *n)
{
	struct anno_code *codes = NULL;
	size_t count = 0, lineno = 0, at = 0;

	*out = NULL;
	*n = 0;
	while (at < len) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - text) : len;
		char *line = xstrndup(text + at, end - at);
		size_t ll = strlen(line);

		lineno++;
		at = end + 1;
		if (ll > 0 && line[ll - 1] == '\r')
			line[--ll] = '\0';
		if (ll == 0 || line[0] == '#') {
			free(line);
			continue;
		}
		codes = xreallocarray(codes, count + 1, sizeof *codes);
		memset(&codes[count], 0, sizeof codes[count]);
		if (parse_line(path, lineno, line, &codes[count]) != 0 ||
		    check_unique(path, lineno, codes, count) != 0) {
			free(line);
			anno_codebook_free(codes, count + 1);
			return -1;
		}
		count++;
		free(line);
	}
	*out = codes;
	*n = count;
	return 0;
}

int
anno_codebook_load(const char *path, struct anno_code **out, size_t *n)
{
	char *text;
	size_t len;
	int rc;

	if (path_read_file(path, MAX_CODEBOOK, &text, &len) != 0)
		return -1;
	rc = anno_codebook_parse(path, text, len, out, n);
	free(text);
	return rc;
}

/* Inside the caller's transaction: the tags table is empty. A tag's
 * description becomes its first memo, the user's to edit like any other
 * (written by nobody: no coder). */
static int
seed_from(struct store *st, const struct anno_code *codes, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct store_tag t = { 0 };
		struct store_memo m;
		int rc;

		t.name = codes[i].name;
		t.color = codes[i].color;
		t.key = codes[i].key;
		if (store_tag_put(st, &t) != 0)
			return -1;
		if (codes[i].description == NULL)
			continue;
		memset(&m, 0, sizeof m);
		m.kind = STORE_MEMO_TAG;
		m.target = t.id;
		m.title = xstrdup("");
		m.text = xstrdup(codes[i].description);
		/* The same description has the same GUID in every database, so
		 * a project carried from one to another does not repeat it. */
		{
			char *key = xasprintf("%s\t%s", codes[i].name, codes[i].description);
			store_name_uuid("codebook", key, m.guid);
			free(key);
		}
		rc = store_memo_put(st, &m, 0);
		store_memo_free(&m);
		if (rc != 0)
			return -1;
	}
	return 0;
}

int
anno_codebook_seed(struct store *st)
{
	struct anno_code *codes = NULL;
	struct store_tag *tags;
	size_t ncodes = 0, ntags;
	char *path;
	int rc;

	if (store_is_readonly(st))
		return 0;
	if (store_tag_list(st, &tags, &ntags) != 0)
		return -1;
	store_tag_list_free(tags, ntags);
	if (ntags > 0)
		return 0;
	path = path_data_file("codebook.tsv");
	rc = anno_codebook_load(path, &codes, &ncodes);
	free(path);
	if (rc != 0)
		return -1;
	if (store_anno_begin(st) != 0)
		goto out;
	/* Checked again inside the transaction: another reader may have
	 * seeded the same database a moment ago. */
	if (store_tag_list(st, &tags, &ntags) != 0)
		goto fail;
	store_tag_list_free(tags, ntags);
	if (ntags == 0 && seed_from(st, codes, ncodes) != 0)
		goto fail;
	rc = store_anno_commit(st);
	anno_codebook_free(codes, ncodes);
	return rc;
fail:
	store_anno_rollback(st);
out:
	anno_codebook_free(codes, ncodes);
	return -1;
}

const char *
anno_none(const char *word)
{
	return word != NULL && strcmp(word, "none") == 0 ? NULL : word;
}
