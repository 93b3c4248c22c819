/*
 * store-stem.c: search that finds the other forms of a word: "checkpoint"
 * finds "checkpoints", "переговоры" finds "переговорах". The index keeps
 * words as written (unicode61), so that sqlite3 and any other tool read
 * the database as before and import pays nothing; a query's words are
 * widened instead. Each plain word of the query is stemmed in the
 * languages of its script (text-stem.c: Snowball, or the language's
 * endings) and cut to the longest prefix it shares with its stem; that
 * prefix plus each of the language's endings (its case endings in
 * data/lang/CODE.txt and the endings of data/search/CODE.txt) is looked up
 * in the index, and every term found with the same stem joins the word in
 * an OR. Articles with the word as written come first all the same
 * (store-search.c ranks them apart, then those with only another form).
 *
 * The forms are guessed, not read from the index's vocabulary: FTS5's
 * fts5vocab counts each term's documents by reading its whole posting
 * list, so listing the terms of a prefix cost every document of every one
 * of them (824,000 for "checkpoints" in a million articles). The guesses
 * are looked for in the one leaf (or few) of each segment of the index
 * that they lie on (in_segments), and those found are probed: a probe asks
 * for one matching row and reads only the start of one term's list. So a
 * word costs a leaf per segment and a probe per form it has, however
 * large the collection; Turkish and Azerbaijani endings are tried only in
 * the word's vowel harmony. A form whose ending no list has is not found;
 * the lists are made from a dictionary to have the common ones.
 *
 * Quoted phrases, prefixes ("check*"), column names, NEAR groups and the
 * words a NOT leaves out are left as the user wrote them: quotes mean
 * "exactly this".
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unictype.h>
#include <unistr.h>

#include "store-int.h"
#include "text.h"
#include "util.h"

#define MAX_FORMS 40          /* forms of one word in a query */
#define MAX_ENDINGS 1000      /* of one language: a data file is not a dictionary */

/* A language's endings, folded as the index folds its terms, and its
 * vowel harmony: which vowels an ending may have after a word whose last
 * vowel is vowel[i] (" a ı " in allowed[i]; all: every vowel named). */
struct endings {
	char **v;
	size_t n;
	char **vowel, **allowed;
	size_t nvowels;
	struct buf all;
	struct buf buffer;    /* " n s y ": the letters that open an ending
	                         only after a vowel */
};

struct store_stems {
	struct text_langs *langs;         /* NULL: none could be read */
	struct text_stemmer **stemmers;   /* one per language */
	struct endings *ends;             /* one per language */
	fts5_tokenizer tok;               /* unicode61, as the index has it */
	Fts5Tokenizer *inst;
	unsigned long probes;             /* of the index, for tests of the cost */
	unsigned long pages;              /* of its segments' leaves, the same */
	int leaves;                       /* 1: their format is read here (0: not,
	                                     -1: not yet known) */
};

void
store_stems_free(struct store_stems *ss)
{
	size_t i, j;

	if (ss == NULL)
		return;
	for (i = 0; ss->langs != NULL && i < ss->langs->n; i++) {
		text_stemmer_free(ss->stemmers[i]);
		if (ss->ends != NULL) {
			for (j = 0; j < ss->ends[i].n; j++)
				free(ss->ends[i].v[j]);
			free(ss->ends[i].v);
			for (j = 0; j < ss->ends[i].nvowels; j++)
				free(ss->ends[i].vowel[j]), free(ss->ends[i].allowed[j]);
			free(ss->ends[i].vowel);
			free(ss->ends[i].allowed);
			buf_free(&ss->ends[i].all);
			buf_free(&ss->ends[i].buffer);
		}
	}
	free(ss->stemmers);
	free(ss->ends);
	text_langs_free(ss->langs);
	if (ss->inst != NULL)
		ss->tok.xDelete(ss->inst);
	free(ss);
}

static fts5_api *
fts5_of(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *s;

	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &s, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_pointer(s, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(s);
	sqlite3_finalize(s);
	return api;
}

struct tokens {
	char *tok;
	size_t n;
	int count;
};

static int
one_token(void *arg, int flags, const char *t, int n, int start, int end)
{
	struct tokens *tk = arg;

	(void)flags, (void)start, (void)end;
	if (tk->count++ == 0)
		tk->tok = xstrndup(t, (size_t)n);
	return SQLITE_OK;
}

/* The index's term for word W, or NULL when it makes none or several. */
static char *
index_term(struct store_stems *ss, const char *w, size_t n)
{
	struct tokens tk = { NULL, 0, 0 };

	if (ss->inst == NULL || n > INT32_MAX)
		return NULL;
	ss->tok.xTokenize(ss->inst, &tk, FTS5_TOKENIZE_QUERY, w, (int)n, one_token);
	if (tk.count != 1) {
		free(tk.tok);
		return NULL;
	}
	return tk.tok;
}

static int
has_form(char **forms, size_t n, const char *t)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(forms[i], t) == 0)
			return 1;
	return 0;
}

/* Adds ending W, folded as the index folds ("ündə" is "undə" there). */
static int
add_ending(struct store_stems *ss, struct endings *e, const char *path, unsigned lineno,
    const char *w)
{
	char *t = index_term(ss, w, strlen(w));

	if (t == NULL && lineno == 0)
		return err_set("%s: [endings]: '%s' is no ending to search by: the index splits it",
		    path, w);
	if (t == NULL)
		return err_set("%s:%u: '%s' is not an ending: the index splits it", path, lineno, w);
	if (has_form(e->v, e->n, t)) {
		free(t);
		return 0;
	}
	if (e->n == MAX_ENDINGS) {
		free(t);
		return err_set("%s:%u: more than %d endings", path, lineno, MAX_ENDINGS);
	}
	e->v = xreallocarray(e->v, e->n + 1, sizeof *e->v);
	e->v[e->n++] = t;
	return 0;
}

struct ending_file {
	struct store_stems *ss;
	struct endings *e;
};

/* Whether " C " (C: N bytes) is in the space-separated set SET. */
static int
in_set(const char *set, const char *c, size_t n)
{
	const char *p;

	for (p = set; p != NULL && (p = strstr(p, " ")) != NULL; p++)
		if (strncmp(p + 1, c, n) == 0 && p[1 + n] == ' ')
			return 1;
	return 0;
}

/* "after a ı : a ı": after a word whose last vowel is one of the first,
 * an ending's vowels are among the second. Folded as the index folds,
 * vowels that fold together ("ü" and "u") allow the vowels of each. */
static int
harmony_line(struct store_stems *ss, struct endings *e, const char *path, unsigned lineno,
    char *line)
{
	char *w, *save = NULL, *t, *left[16];
	size_t nl = 0, i, k;
	struct buf right;
	int colon = 0;

	buf_init(&right);
	buf_addc(&right, ' ');
	for (w = strtok_r(line, " \t", &save); w != NULL; w = strtok_r(NULL, " \t", &save)) {
		if (strcmp(w, ":") == 0 && !colon) {
			colon = 1;
			continue;
		}
		if ((t = index_term(ss, w, strlen(w))) == NULL ||
		    u8_mbsnlen((const uint8_t *)t, strlen(t)) != 1 || (!colon && nl == ARRAY_LEN(left))) {
			free(t);
			break;
		}
		if (colon) {
			buf_printf(&right, "%s ", t);
			free(t);
		} else
			left[nl++] = t;
	}
	buf_addc(&right, '\0');
	if (w != NULL || !colon || nl == 0 || right.len <= 2) {
		for (i = 0; i < nl; i++)
			free(left[i]);
		buf_free(&right);
		return err_set("%s:%u: expected 'after VOWELS : VOWELS', vowels of one letter each",
		    path, lineno);
	}
	if (e->all.len == 0)
		buf_addc(&e->all, ' ');
	for (i = 0; i < nl; i++) {
		for (k = 0; k < e->nvowels && strcmp(e->vowel[k], left[i]) != 0; k++)
			;
		if (k == e->nvowels) {
			e->vowel = xreallocarray(e->vowel, k + 1, sizeof *e->vowel);
			e->allowed = xreallocarray(e->allowed, k + 1, sizeof *e->allowed);
			e->vowel[k] = left[i];
			e->allowed[k] = xstrdup(right.data);
			e->nvowels++;
		} else {
			t = xasprintf("%s%s", e->allowed[k], right.data + 1);
			free(e->allowed[k]);
			e->allowed[k] = t;
			free(left[i]);
		}
		if (!in_set(e->all.data, e->vowel[k], strlen(e->vowel[k])))
			buf_printf(&e->all, "%s ", e->vowel[k]);
	}
	for (w = strtok_r(right.data, " ", &save); w != NULL; w = strtok_r(NULL, " ", &save))
		if (!in_set(e->all.data, w, strlen(w)))
			buf_printf(&e->all, "%s ", w);
	buf_free(&right);
	return 0;
}

static int
ending_line(void *arg, const char *path, unsigned lineno, const char *section, char *line)
{
	struct ending_file *f = arg;
	char *w, *save = NULL;

	if (section != NULL)
		return err_set("%s:%u: a line under [%s]: this file has no sections, only endings",
		    path, lineno, section);
	if (strncmp(line, "after ", 6) == 0)
		return harmony_line(f->ss, f->e, path, lineno, line + 6);
	if (strncmp(line, "buffer ", 7) == 0) {
		if (f->e->buffer.len == 0)
			buf_addc(&f->e->buffer, ' ');
		for (w = strtok_r(line + 7, " \t", &save); w != NULL; w = strtok_r(NULL, " \t", &save)) {
			char *t = index_term(f->ss, w, strlen(w));

			if (t == NULL || u8_mbsnlen((const uint8_t *)t, strlen(t)) != 1) {
				free(t);
				return err_set("%s:%u: '%s': a buffer is one letter", path, lineno, w);
			}
			buf_printf(&f->e->buffer, "%s ", t);
			free(t);
		}
		buf_addc(&f->e->buffer, '\0');
		f->e->buffer.len--;
		return 0;
	}
	for (w = strtok_r(line, " \t", &save); w != NULL; w = strtok_r(NULL, " \t", &save))
		if (add_ending(f->ss, f->e, path, lineno, w) != 0)
			return -1;
	return 0;
}

/* Language L's endings: its case endings, the endings its dictionary
 * forms lose before them, and data/search/CODE.txt where there is one. */
static int
endings_of(struct store_stems *ss, const struct text_lang *l, struct endings *e)
{
	struct ending_file f = { ss, e };
	char *path, *name;
	size_t i;
	int rc = 0;

	/* text-lang.c has read these and names their lines; a word part
	 * the index would split is still no ending to search by. */
	name = xasprintf("%s/lang/%s.txt", path_data_dir(), l->code);
	for (i = 0; i < l->nendings && rc == 0; i++)
		rc = add_ending(ss, e, name, 0, l->endings[i]);
	for (i = 0; i < l->nstem && rc == 0; i++)
		rc = add_ending(ss, e, name, 0, l->stem_endings[i]);
	free(name);
	if (rc != 0)
		return rc;
	name = xasprintf("search/%s.txt", l->code);
	path = path_data_file(name);
	free(name);
	if (access(path, F_OK) == 0)
		rc = path_read_sections(path, ending_line, &f);
	free(path);
	return rc;
}

/* What widening needs, made on the first search of a connection. A
 * missing piece (no language files) leaves search as it was; a bad
 * endings file is an error (NULL). */
static struct store_stems *
stems_of(struct store *st)
{
	struct store_stems **slot = store_stems_slot(st), *ss;
	static const char *const args[] = { "remove_diacritics", "2" };
	sqlite3 *db = store_sqlite(st);
	fts5_api *api;
	void *ud = NULL;
	size_t i;

	if (*slot != NULL)
		return *slot;
	ss = xcalloc(1, sizeof *ss);
	ss->leaves = -1;
	if (text_langs_load(path_data_dir(), &ss->langs) != 0) {
		err_clear();
		ss->langs = NULL;
		return *slot = ss;
	}
	ss->stemmers = xcalloc(ss->langs->n + 1, sizeof(struct text_stemmer *));
	for (i = 0; i < ss->langs->n; i++)
		ss->stemmers[i] = text_stemmer_new(&ss->langs->v[i]);
	if ((api = fts5_of(db)) == NULL || api->xFindTokenizer(api, "unicode61", &ud, &ss->tok) != SQLITE_OK ||
	    ss->tok.xCreate(ud, (const char **)(uintptr_t)args, 2, &ss->inst) != SQLITE_OK) {
		ss->inst = NULL;
		return *slot = ss;
	}
	ss->ends = xcalloc(ss->langs->n + 1, sizeof *ss->ends);
	for (i = 0; i < ss->langs->n; i++)
		if (endings_of(ss, &ss->langs->v[i], &ss->ends[i]) != 0) {
			store_stems_free(ss);
			return NULL;
		}
	return *slot = ss;
}

/* Whether the index has TERM in a live article: a probe reads the first
 * row of the term's list, not the whole of it. */
static int
in_index(struct store *st, struct store_stems *ss, const char *term)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT 1 FROM articles_fts"
	    " WHERE articles_fts MATCH '\"' || ?1 || '\"' LIMIT 1");
	int rc;

	if (s == NULL)
		return 0;
	ss->probes++;
	sqlite3_bind_text(s, 1, term, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_ROW;
}

/*
 * Which of the N terms CANDS some segment of the index has: HAVE[i] is set
 * for each, and for all of them when the segments cannot be read here.
 *
 * A probe (in_index) seeks its term in every segment of the index: with
 * the index written in pieces (store-fts.c), at a million articles that
 * was 41 seeks of a b-tree and a leaf for each of a word's 60 to 120
 * candidate forms, most of which no article has. The candidates share
 * their first letters, so in each segment they lie on one leaf or a few:
 * those leaves' terms are read once, in the format FTS5 writes them
 * (version 4 of its index: a leaf is a 4-byte header, the terms with their
 * document lists, then the offsets of the terms; the b-tree 'idx' names
 * the first leaf holding each range of terms), and only the candidates
 * found there are probed, which also says whether a live article has
 * them. Terms are kept behind a byte naming the index ('0': the main one).
 */
static int
varint(const unsigned char *a, size_t n, size_t *at, uint64_t *v)
{
	size_t i;

	*v = 0;
	for (i = 0; i < 9 && *at < n; i++) {
		unsigned char c = a[(*at)++];

		if (i == 8) {
			*v = (*v << 8) | c;
			return 0;
		}
		*v = (*v << 7) | (c & 0x7f);
		if (!(c & 0x80))
			return 0;
	}
	return -1;
}

/* A candidate form as the index keeps it (behind '0', the byte naming
 * the main index), and its place among the candidates. */
struct key {
	struct buf term;
	size_t at;
};

static int
term_cmp(const struct buf *x, const struct buf *y)
{
	int c = memcmp(x->data, y->data, x->len < y->len ? x->len : y->len);

	return c != 0 ? c : (x->len > y->len) - (x->len < y->len);
}

static int
key_cmp(const void *a, const void *b)
{
	return term_cmp(&((const struct key *)a)->term, &((const struct key *)b)->term);
}

/* Marks the keys (sorted) that leaf A of N bytes holds; 1 once a term
 * past the last key is seen, -1 when the leaf is not one written as read
 * here. */
static int
leaf_terms(const unsigned char *a, size_t n, const struct key *keys, size_t nk,
    unsigned char *found)
{
	size_t sz, pi, at, lo, hi, mid;
	uint64_t off, keep, len;
	struct buf term;
	int c, past = 0, first = 1;

	if (n < 4 || (sz = (size_t)a[2] << 8 | a[3]) > n || sz < 4)
		return -1;
	if (sz == n)   /* no term starts here: not a leaf 'idx' names */
		return -1;
	buf_init(&term);
	pi = sz;
	if (varint(a, n, &pi, &off) != 0)
		goto bad;
	while (!past) {
		if (off < 4 || off >= sz)
			goto bad;
		at = (size_t)off;
		keep = 0;
		if ((!first && varint(a, sz, &at, &keep) != 0) || keep > term.len ||
		    varint(a, sz, &at, &len) != 0 || len > sz - at)
			goto bad;
		term.len = (size_t)keep;
		buf_add(&term, (const char *)a + at, (size_t)len);
		first = 0;
		for (lo = 0, hi = nk; lo < hi;) {
			mid = lo + (hi - lo) / 2;
			if ((c = term_cmp(&term, &keys[mid].term)) == 0) {
				found[mid] = 1;
				break;
			}
			if (c < 0)
				hi = mid;
			else
				lo = mid + 1;
		}
		past = term_cmp(&term, &keys[nk - 1].term) > 0;
		if (pi >= n)
			break;
		if (varint(a, n, &pi, &keep) != 0 || keep == 0)
			goto bad;
		off += keep;
	}
	buf_free(&term);
	return past;
bad:
	buf_free(&term);
	return -1;
}

/* Marks in FOUND the keys SORTED (N of them, in order) that segment
 * SEGID holds. Each leaf read is the one the next undecided key would lie
 * on, found in 'idx' with the first term of the leaf after it: the keys
 * below that term are on the leaf or nowhere in the segment. So a leaf is
 * read for each run of keys the segment's leaves do not part, which for
 * the forms of one word is most often one. 0, or -1 when the segment is
 * not as read here. */
static int
segment_terms(struct store *st, struct store_stems *ss, int64_t segid, const struct key *sorted,
    size_t n, unsigned char *found)
{
	sqlite3_stmt *start, *page, *leaf;
	int64_t first, pgno, last = 0;
	const void *sep;
	size_t i = 0;
	int rc = 0, nsep;

	start = store_stmt(st, "SELECT id & 0x7fffffff FROM articles_fts_data"
	    " WHERE id > ?1 AND id < ?1 + 0x80000000 ORDER BY id LIMIT 1");
	page = store_stmt(st, "SELECT pgno >> 1, (SELECT term FROM articles_fts_idx"
	    " WHERE segid = ?1 AND term > ?2 ORDER BY term LIMIT 1)"
	    " FROM articles_fts_idx WHERE segid = ?1 AND term <= ?2 ORDER BY term DESC LIMIT 1");
	leaf = store_stmt(st, "SELECT block FROM articles_fts_data WHERE id = ?1");
	if (start == NULL || page == NULL || leaf == NULL)
		return -1;
	/* A segment merged in part into the next level keeps its leaves
	 * from its first unmerged one on, but its 'idx' as it was. */
	sqlite3_bind_int64(start, 1, segid << 37);
	first = sqlite3_step(start) == SQLITE_ROW ? sqlite3_column_int64(start, 0) : 0;
	sqlite3_reset(start);
	if (first < 1)
		return -1;
	while (i < n && rc == 0) {
		sqlite3_bind_int64(page, 1, segid);
		sqlite3_bind_blob(page, 2, sorted[i].term.data, (int)sorted[i].term.len, SQLITE_STATIC);
		if (sqlite3_step(page) != SQLITE_ROW ||
		    (pgno = sqlite3_column_int64(page, 0)) < 1 || pgno >= (int64_t)1 << 31) {
			sqlite3_reset(page);
			return -1;
		}
		if (pgno < first)
			pgno = first;
		if (pgno != last) {
			sqlite3_bind_int64(leaf, 1, (segid << 37) + pgno);
			ss->pages++;
			rc = sqlite3_step(leaf) != SQLITE_ROW ? -1 :
			    leaf_terms(sqlite3_column_blob(leaf, 0),
			    (size_t)sqlite3_column_bytes(leaf, 0), sorted, n, found);
			sqlite3_reset(leaf);
			last = pgno;
		}
		if (sqlite3_column_type(page, 1) == SQLITE_NULL)   /* the last leaf */
			i = n;
		else {
			sep = sqlite3_column_blob(page, 1);
			nsep = sqlite3_column_bytes(page, 1);
			for (i++; i < n; i++) {
				const struct buf *key = &sorted[i].term;
				size_t k = key->len < (size_t)nsep ? key->len : (size_t)nsep;
				int c = k > 0 ? memcmp(key->data, sep, k) : 0;

				if (c > 0 || (c == 0 && key->len >= (size_t)nsep))
					break;
			}
		}
		sqlite3_reset(page);
	}
	return rc < 0 ? -1 : 0;
}

static void
in_segments(struct store *st, struct store_stems *ss, const char *const *cands, size_t n,
    unsigned char *have)
{
	sqlite3_stmt *next;
	struct key *keys;
	unsigned char *found;
	sqlite3 *db = store_sqlite(st);
	int64_t segid = -1, prev, v;
	size_t i;
	char *saved;
	int rc = 0, own;

	/* A failure here only sends every candidate to be probed: whatever
	 * message the caller has pending (a search that failed before this
	 * one) stays. */
	saved = err_save();
	if (ss->leaves < 0)
		ss->leaves = store_int_query(st, "SELECT v FROM articles_fts_config WHERE k = 'version'",
		    &v, "the index's version") == 0 && v == 4;
	next = store_stmt(st, "SELECT segid FROM articles_fts_idx WHERE segid > ?1 ORDER BY segid LIMIT 1");
	if (n == 0 || !ss->leaves || next == NULL) {
		err_restore(saved);
		memset(have, 1, n);
		return;
	}
	keys = xcalloc(n, sizeof *keys);
	found = xcalloc(n, 1);
	for (i = 0; i < n; i++) {
		buf_init(&keys[i].term);
		buf_addc(&keys[i].term, '0');
		buf_adds(&keys[i].term, cands[i]);
		keys[i].at = i;
	}
	qsort(keys, n, sizeof *keys, key_cmp);
	/* One reading of the index for all its segments: a write between two
	 * of the statements (an import's) could merge a segment and give its
	 * number to another. Inside a caller's transaction, the rows it wrote
	 * wait in FTS5's memory, not in the pages read here: every candidate
	 * is probed then. */
	own = sqlite3_get_autocommit(db);
	if (!own || sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		rc = -1;
	while (rc == 0) {
		sqlite3_bind_int64(next, 1, segid);
		if ((rc = sqlite3_step(next)) != SQLITE_ROW) {
			rc = rc == SQLITE_DONE ? 0 : -1;
			break;
		}
		/* A segment number as FTS5 writes it, each above the last: an
		 * edited table's 1.5 read back as 1 would be found again. */
		prev = segid;
		segid = sqlite3_column_int64(next, 0);
		rc = sqlite3_column_type(next, 0) != SQLITE_INTEGER || segid <= prev ||
		    segid >= 1 << 16 ? -1 : 0;
		sqlite3_reset(next);
		if (rc == 0)
			rc = segment_terms(st, ss, segid, keys, n, found);
	}
	sqlite3_reset(next);
	if (own && !sqlite3_get_autocommit(db))
		(void)sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	err_restore(saved);
	for (i = 0; i < n; i++)
		have[keys[i].at] = rc < 0 || found[i];
	for (i = 0; i < n; i++)
		buf_free(&keys[i].term);
	free(keys);
	free(found);
}

/* The vowels an ending may have after the first N bytes of W, or NULL
 * when E has no vowel harmony or W none of its vowels; *CONSONANT: W's
 * last letter there is no vowel of E's. */
static const char *
harmony(const struct endings *e, const char *w, size_t n, int *consonant)
{
	const char *allowed = NULL;
	size_t at, k;
	ucs4_t uc;
	int len;

	*consonant = 0;
	for (at = 0; e->nvowels > 0 && at < n; at += (size_t)len) {
		if ((len = u8_mbtouc(&uc, (const uint8_t *)w + at, n - at)) <= 0)
			break;
		*consonant = !in_set(e->all.data, w + at, (size_t)len);
		for (k = 0; k < e->nvowels; k++)
			if (strlen(e->vowel[k]) == (size_t)len && memcmp(e->vowel[k], w + at, (size_t)len) == 0)
				allowed = e->allowed[k];
	}
	return allowed;
}

/* Whether ending END has only vowels of ALLOWED. */
static int
in_harmony(const struct endings *e, const char *allowed, const char *end)
{
	size_t at, n = strlen(end);
	ucs4_t uc;
	int len;

	for (at = 0; at < n; at += (size_t)len) {
		if ((len = u8_mbtouc(&uc, (const uint8_t *)end + at, n - at)) <= 0)
			return 1;
		if (in_set(e->all.data, end + at, (size_t)len) && !in_set(allowed, end + at, (size_t)len))
			return 0;
	}
	return 1;
}

/* Adds to CANDS the terms that would share TERM's stem in language L: the
 * prefix TERM shares with its stem, plus each ending of L. CANDS holds
 * those of other languages of the word's script, which share many
 * endings: each is looked up once. */
static void
forms_in(struct store_stems *ss, size_t l, const char *term, struct endings *cands)
{
	struct text_stemmer *ts = ss->stemmers[l];
	const struct endings *e = &ss->ends[l];
	size_t slen, plen, tlen = strlen(term), vs, i;
	const char *stem, *allowed;
	int consonant, first;
	struct buf cand;
	char *mine;

	stem = text_stem(ts, term, tlen, &slen);
	mine = xstrndup(stem, slen);
	for (plen = 0; plen < slen && plen < tlen && stem[plen] == term[plen]; plen++)
		;
	plen = text_char_start(term, plen);   /* a whole character */
	if (plen == 0) {
		free(mine);
		return;
	}
	allowed = harmony(e, term, plen, &consonant);
	buf_init(&cand);
	for (i = 0; i <= e->n; i++) {   /* e->n: the prefix alone */
		if (i < e->n && allowed != NULL && !in_harmony(e, allowed, e->v[i]))
			continue;
		if (i < e->n && consonant && e->buffer.len > 0 &&
		    (first = u8_mblen((const uint8_t *)e->v[i], strlen(e->v[i]))) > 0 &&
		    in_set(e->buffer.data, e->v[i], (size_t)first))
			continue;
		cand.len = 0;
		buf_add(&cand, term, plen);
		if (i < e->n)
			buf_adds(&cand, e->v[i]);
		buf_addc(&cand, '\0');
		if (strcmp(cand.data, term) == 0)
			continue;
		stem = text_stem(ts, cand.data, cand.len - 1, &vs);
		if (vs != slen || memcmp(stem, mine, slen) != 0 || has_form(cands->v, cands->n, cand.data))
			continue;
		cands->v = xreallocarray(cands->v, cands->n + 1, sizeof *cands->v);
		cands->v[cands->n++] = xstrdup(cand.data);
	}
	buf_free(&cand);
	free(mine);
}

/* The language indexes whose script is that of W's first letter. */
static size_t
langs_for(const struct text_langs *ls, const char *w, size_t n, size_t *out, size_t max)
{
	ucs4_t uc;
	const uc_script_t *sc;
	size_t i, k = 0;

	if (u8_mbtouc(&uc, (const uint8_t *)w, n) <= 0 || (sc = uc_script(uc)) == NULL)
		return 0;
	for (i = 0; i < ls->n && k < max; i++)
		if (ls->v[i].script == sc)
			out[k++] = i;
	return k;
}

/* Appends word W (a bareword of the query) widened to its forms. */
static void
widen(struct store *st, struct store_stems *ss, const char *w, size_t n, struct buf *out)
{
	char *forms[MAX_FORMS], *term = index_term(ss, w, n);
	size_t nforms = 0, langs[8], nl, i;
	struct endings cands = { 0 };
	unsigned char *have;

	if (term == NULL) {
		buf_add(out, w, n);
		return;
	}
	nl = langs_for(ss->langs, term, strlen(term), langs, ARRAY_LEN(langs));
	forms[nforms++] = xstrdup(term);
	for (i = 0; i < nl; i++)
		forms_in(ss, langs[i], term, &cands);
	have = xcalloc(cands.n + 1, 1);
	in_segments(st, ss, (const char *const *)cands.v, cands.n, have);
	for (i = 0; i < cands.n && nforms < MAX_FORMS; i++)
		if (have[i] && in_index(st, ss, cands.v[i]))
			forms[nforms++] = xstrdup(cands.v[i]);
	free(have);
	for (i = 0; i < cands.n; i++)
		free(cands.v[i]);
	free(cands.v);
	if (nforms == 1) {
		buf_add(out, w, n);
	} else {
		buf_addc(out, '(');
		buf_add(out, w, n);
		for (i = 1; i < nforms; i++)
			buf_printf(out, " OR \"%s\"", forms[i]);
		buf_addc(out, ')');
	}
	for (i = 0; i < nforms; i++)
		free(forms[i]);
	free(term);
}

static int
bareword_char(unsigned char c)
{
	return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == 0x1A;
}

/* The next character after P that is not a space, or '\0'. */
static char
next_char(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return *p;
}

/* Whether word W (ending at AFTER) is an operator: FTS5 reads NEAR as one
 * only before "(", and as a plain term otherwise ("a NEAR b"). */
static int
keyword(const char *w, size_t n, const char *after)
{
	return (n == 3 && (memcmp(w, "AND", 3) == 0 || memcmp(w, "NOT", 3) == 0)) ||
	    (n == 2 && memcmp(w, "OR", 2) == 0) ||
	    (n == 4 && memcmp(w, "NEAR", 4) == 0 && next_char(after) == '(');
}

/* The offset in OUT of its last byte that is not a space (OUT's length if
 * none): FTS5 allows spaces after "+" and "^" ("a + b", "^ b"). */
static size_t
last_at(const struct buf *out)
{
	size_t i = out->len;

	while (i > 0 && (out->data[i - 1] == ' ' || out->data[i - 1] == '\t' ||
	    out->data[i - 1] == '\n' || out->data[i - 1] == '\r'))
		i--;
	return i > 0 ? i - 1 : out->len;
}

unsigned long
store_stem_probes(struct store *st)
{
	return *store_stems_slot(st) != NULL ? (*store_stems_slot(st))->probes : 0;
}

unsigned long
store_stem_leaves(struct store *st)
{
	return *store_stems_slot(st) != NULL ? (*store_stems_slot(st))->pages : 0;
}

int
store_stem_read_leaves(struct store *st, int on)
{
	struct store_stems *ss = stems_of(st);

	if (ss == NULL)
		return -1;
	ss->leaves = on ? -1 : 0;
	return 0;
}

/* Inserts "AND " into OUT at AT: between two terms FTS5 reads an implicit
 * AND only of phrases, so a widened word's group beside another term
 * needs it written ("a b" is a AND b; "(a OR as) b" is a syntax error). */
static void
and_at(struct buf *out, size_t at)
{
	const char *and = at > 0 && out->data[at - 1] != ' ' ? " AND " : "AND ";
	size_t n = strlen(and);

	buf_grow(out, n);
	memmove(out->data + at + n, out->data + at, out->len - at);
	memcpy(out->data + at, and, n);
	out->len += n;
	out->data[out->len] = '\0';
}

/*
 * The query with each plain word widened to its forms. Terms side by side
 * are ANDed by FTS5 more tightly than by any operator, so where a widened
 * group stands beside another term the AND is written out: the same
 * query, since outside a NOT an AND of terms is one whatever the grouping.
 *
 * The words a NOT leaves out (the terms side by side after it, or the
 * group in parentheses after it) stay as written, as the query written is
 * ranked first (store-search.c): widened, they would leave out the other
 * forms from the widened matches only, while the matches as written still
 * had them; and a NOT of forms ORed together is evaluated for every
 * match, which at a million articles cost more than twice the rest of
 * "ceasefire NOT corridor" (bench/RESULTS.md, issue 20).
 */
char *
store_widen_query(struct store *st, const char *query)
{
	struct store_stems *ss = stems_of(st);
	const char *p = query, *w;
	int near = 0, caret, not_next = 0, depth = 0, not_depth = -1;
	int term_end = 0, group_end = 0, col_pending = 0, braces = 0, group, negated, plus;
	size_t col_at = 0, at, last;
	struct buf out, one;

	if (ss == NULL)
		return NULL;
	if (ss->langs == NULL || ss->inst == NULL)
		return xstrdup(query);
	buf_init(&out);
	buf_init(&one);
	while (*p != '\0') {
		negated = not_next || not_depth >= 0;
		last = last_at(&out);
		caret = last < out.len && out.data[last] == '^';
		plus = last < out.len && out.data[last] == '+';
		if (*p == '"') {   /* a phrase: as written, "" inside it included */
			at = col_pending ? col_at : caret ? last : out.len;
			if (term_end && group_end && !negated && !near)
				and_at(&out, at);
			w = p++;
			while (*p != '\0' && !(*p == '"' && p[1] != '"'))
				p += *p == '"' ? 2 : 1;
			if (*p == '"')
				p++;
			buf_add(&out, w, (size_t)(p - w));
			term_end = 1;
			group_end = col_pending = 0;
			continue;
		}
		if (!bareword_char((unsigned char)*p)) {
			if (*p == '-' && !col_pending) {   /* "-col:" or "-{cols}:": a column filter */
				col_at = out.len;
				col_pending = 1;
			} else if (*p == '{') {   /* column names, then ':' and their term */
				if (!col_pending)
					col_at = out.len;
				braces = col_pending = 1;
			} else if (*p == '}')
				braces = 0;
			if (near && *p == ')') {
				near = 0;
				term_end = 1;
				group_end = 0;
			} else if (*p == '(' && !near) {
				at = col_pending ? col_at : out.len;
				if (term_end && group_end && !negated)
					and_at(&out, at);
				depth++;
				if (not_next)
					not_depth = depth;
				not_next = term_end = group_end = col_pending = 0;
			} else if (*p == ')') {
				if (depth == not_depth)
					not_depth = -1;
				depth--;
				not_next = group_end = 0;
				term_end = 1;
			}
			buf_addc(&out, *p++);
			continue;
		}
		for (w = p; bareword_char((unsigned char)*p); p++)
			;
		if (keyword(w, (size_t)(p - w), p)) {
			if ((size_t)(p - w) == 4) {   /* NEAR(...): a term like a phrase */
				at = col_pending ? col_at : out.len;
				if (term_end && group_end && !negated)
					and_at(&out, at);
				near = 1;
				col_pending = 0;
			}
			not_next = (size_t)(p - w) == 3 && memcmp(w, "NOT", 3) == 0;
			term_end = group_end = 0;
			buf_add(&out, w, (size_t)(p - w));
			continue;
		}
		if (braces || next_char(p) == ':') {   /* a column's name: its term follows */
			if (!col_pending)
				col_at = out.len;
			col_pending = 1;
			buf_add(&out, w, (size_t)(p - w));
			continue;
		}
		one.len = 0;
		if (near || caret || plus || negated || next_char(p) == '*' || next_char(p) == '+')
			buf_add(&one, w, (size_t)(p - w));
		else
			widen(st, ss, w, (size_t)(p - w), &one);
		group = one.len > 0 && one.data[0] == '(';
		at = col_pending ? col_at : caret ? last : out.len;
		if (term_end && (group_end || group) && !negated && !near)
			and_at(&out, at);
		buf_add(&out, one.data, one.len);
		term_end = 1;
		group_end = group;
		col_pending = 0;
	}
	buf_free(&one);
	return buf_detach(&out, NULL);
}
