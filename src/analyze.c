/*
 * analyze.c: one article through extraction into the database.
 *
 * The knowledge base the matcher is built from is the database's: the
 * shipped files are written into it first (only when they changed, which
 * a hash of their bytes kept in the state table tells), so the user's
 * additions and the candidates found so far are matched too. Then per
 * article: candidates become entities, mentions (the body's and the
 * title's) and statements are written, and the related-statement index
 * links the new statements.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "extract.h"
#include "text.h"
#include "util.h"

#define KB_STATE_KEY "kb.shipped"

struct analyzer {
	struct store *st;
	struct kb *kb;
	struct extractor *x;
	struct analyze_related *rel;
	struct voice *voices; /* who speaks for whom, by speaker id */
	size_t nvoices;
};

struct voice {
	int64_t speaker, voice;
};

/* A hash of every shipped .tsv file's name and bytes, in name order. */
static int
shipped_hash(const char *dir, char out[65])
{
	struct store_sha256 h;
	struct dirent *de;
	char **names = NULL, *path, *text;
	size_t n = 0, i, len;
	DIR *d;

	if ((d = opendir(dir)) == NULL)
		return err_set("%s: cannot read the knowledge base directory", dir);
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len < 5 || strcmp(de->d_name + len - 4, ".tsv") != 0)
			continue;
		names = xreallocarray(names, n + 1, sizeof *names);
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	for (i = 1; i < n; i++)
		for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			char *t = names[j];
			names[j] = names[j - 1];
			names[j - 1] = t;
		}
	store_sha256_init(&h);
	for (i = 0; i < n; i++) {
		path = xasprintf("%s/%s", dir, names[i]);
		if (path_read_file(path, (size_t)64 << 20, &text, &len) == 0) {
			store_sha256_add(&h, names[i], strlen(names[i]) + 1);
			store_sha256_add(&h, text, len);
			free(text);
		}
		free(path);
		free(names[i]);
	}
	free(names);
	store_sha256_hex(&h, out);
	return 0;
}

/* Writes data/kb into the database unless it is there already. */
static int
sync_shipped(struct store *st, kb_warn_fn *warn, void *arg)
{
	char *dir = xasprintf("%s/kb", path_data_dir()), *have = NULL, hash[65];
	struct kb *kb;
	int rc = 0;

	if (store_is_readonly(st) || shipped_hash(dir, hash) != 0) {
		free(dir);
		return 0;   /* nothing to write, or nothing shipped: use what is there */
	}
	if (store_state_get(st, KB_STATE_KEY, &have) != 0) {
		free(dir);
		return -1;
	}
	if (have == NULL || strcmp(have, hash) != 0) {
		kb = kb_new();
		if (kb_load_dir(kb, dir, KB_ORIGIN_KB, warn, arg) < 0 ||
		    store_kb_sync(st, kb) != 0 || store_state_set(st, KB_STATE_KEY, hash) != 0)
			rc = -1;
		kb_free(kb);
	}
	free(have);
	free(dir);
	return rc;
}

static int
by_speaker(const void *a, const void *b)
{
	const struct voice *x = a, *y = b;

	return x->speaker < y->speaker ? -1 : x->speaker > y->speaker;
}

/* The entity each person speaks for: the state or body of their first
 * role that names one. */
static void
fill_voices(struct analyzer *an)
{
	size_t i, j;

	an->voices = xreallocarray(NULL, an->kb->n + 1, sizeof *an->voices);
	for (i = 0; i < an->kb->n; i++) {
		const struct kb_entity *e = &an->kb->ents[i];

		for (j = 0; j < e->nroles; j++)
			if (e->roles[j].of >= 0 && an->kb->ents[e->roles[j].of].id != 0) {
				an->voices[an->nvoices].speaker = e->id;
				an->voices[an->nvoices++].voice = an->kb->ents[e->roles[j].of].id;
				break;
			}
	}
	qsort(an->voices, an->nvoices, sizeof *an->voices, by_speaker);
}

int
analyzer_new(struct store *st, kb_warn_fn *warn, void *arg, struct analyzer **out)
{
	struct analyzer *an = xcalloc(1, sizeof *an);

	*out = NULL;
	an->st = st;
	an->kb = kb_new();
	if (sync_shipped(st, warn, arg) != 0 || store_kb_load(st, an->kb) != 0)
		goto fail;
	kb_resolve(an->kb, NULL, NULL);
	if (extractor_new(an->kb, path_data_dir(), &an->x) != 0)
		goto fail;
	fill_voices(an);
	an->rel = analyze_related_new();
	*out = an;
	return 0;
fail:
	analyzer_free(an);
	return -1;
}

void
analyzer_free(struct analyzer *an)
{
	if (an == NULL)
		return;
	extractor_free(an->x);
	kb_free(an->kb);
	analyze_related_free(an->rel);
	free(an->voices);
	free(an);
}

const struct kb *
analyzer_kb(const struct analyzer *an)
{
	return an->kb;
}

/* The day an ISO date names ("2023-01-17T10:00Z" -> "2023-01-17"). */
static const char *
day_of(const char *published, char buf[11])
{
	long f, l;

	if (published == NULL || strlen(published) < 10)
		return NULL;
	memcpy(buf, published, 10);
	buf[10] = '\0';
	return kb_date_range(buf, &f, &l) == 0 ? buf : NULL;
}

struct ids {
	struct analyzer *an;
	int64_t *cand;        /* database ids of the article's candidates */
};

static int64_t
entity_id(const struct ids *ids, int e)
{
	return e >= 0 ? ids->an->kb->ents[e].id : ids->cand[-e - 1];
}

static int
write_candidates(struct ids *ids, const struct extract_result *r)
{
	size_t i;

	ids->cand = xcalloc(r->ncandidates + 1, sizeof *ids->cand);
	for (i = 0; i < r->ncandidates; i++) {
		const struct extract_candidate *c = &r->candidates[i];

		/* A name taken by an entity of another kind is no candidate. */
		if (store_entity_add(ids->an->st, kb_kind_name(c->kind), c->name, "candidate",
		    c->role, &ids->cand[i]) != 0)
			ids->cand[i] = 0;
	}
	return 0;
}

static int
write_mentions(struct ids *ids, int64_t article, const struct extract_result *r)
{
	static const char *const how[] = { "alias", "pattern", "anaphora", "title", "context" };
	struct store_mention_in *m = xreallocarray(NULL, r->nmentions + 1, sizeof *m);
	size_t i, n = 0;
	int rc;

	for (i = 0; i < r->nmentions; i++) {
		m[n].entity_id = entity_id(ids, r->mentions[i].entity);
		if (m[n].entity_id == 0)
			continue;
		m[n].start = r->mentions[i].start;
		m[n].end = r->mentions[i].end;
		m[n].how = how[r->mentions[i].how];
		n++;
	}
	rc = store_mentions_add(ids->an->st, article, m, n);
	free(m);
	return rc;
}

/* The entities the title names, as the body's mentions are written. */
static int
write_title_mentions(struct ids *ids, int64_t article, const struct extract_result *r)
{
	struct store_mention_in *m = xreallocarray(NULL, r->ntitle_mentions + 1, sizeof *m);
	size_t i, n = 0;
	int rc;

	for (i = 0; i < r->ntitle_mentions; i++) {
		m[n].entity_id = entity_id(ids, r->title_mentions[i].entity);
		if (m[n].entity_id == 0)
			continue;
		m[n].start = r->title_mentions[i].start;
		m[n].end = r->title_mentions[i].end;
		m[n].how = "alias";
		n++;
	}
	rc = store_title_mentions_add(ids->an->st, article, m, n);
	free(m);
	return rc;
}

static char *
terms_text(const struct extract_statement *s)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < s->nterms; i++) {
		if (i > 0)
			buf_addc(&b, ' ');
		buf_adds(&b, s->terms[i].term);
		if (s->terms[i].count > 1)
			buf_printf(&b, ":%u", s->terms[i].count);
	}
	return buf_detach(&b, NULL);
}

static char *
entities_text(const struct ids *ids, const struct extract_statement *s)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < s->nentities; i++)
		buf_printf(&b, "%s%lld", i ? " " : "", (long long)entity_id(ids, s->entities[i]));
	return buf_detach(&b, NULL);
}

static int64_t
voice_cb(void *arg, int64_t speaker)
{
	const struct analyzer *an = arg;
	struct voice key = { speaker, 0 };
	const struct voice *v = bsearch(&key, an->voices, an->nvoices, sizeof key, by_speaker);

	return v != NULL ? v->voice : 0;
}

static int
write_statements(struct ids *ids, int64_t article, const struct extract_result *r,
    const char *body)
{
	struct analyze_statement *as = xreallocarray(NULL, r->nstatements + 1, sizeof *as);
	struct store_statement_in in;
	char *verb;
	size_t i, n = 0;
	int rc = 0;

	for (i = 0; i < r->nstatements && rc == 0; i++) {
		const struct extract_statement *s = &r->statements[i];

		memset(&in, 0, sizeof in);
		in.article_id = article;
		in.speaker_id = s->has_speaker ? entity_id(ids, s->speaker) : 0;
		in.start = s->start;
		in.end = s->end;
		verb = xstrndup(body + s->verb_start, s->verb_end - s->verb_start);
		in.verb = verb;
		in.quote_start = s->quote_start;
		in.quote_end = s->quote_end;
		as[n].terms = in.terms = terms_text(s);
		as[n].entities = in.entities = entities_text(ids, s);
		rc = store_statement_add(ids->an->st, &in, &as[n].id);
		as[n].article = article;
		as[n].speaker = in.speaker_id;
		as[n].voice = 0;
		n++;
		free(verb);
	}
	if (rc == 0)
		rc = analyze_related_add(ids->an->rel, ids->an->st, as, n, voice_cb, ids->an);
	for (i = 0; i < n; i++) {
		free((char *)(uintptr_t)as[i].terms);
		free((char *)(uintptr_t)as[i].entities);
	}
	free(as);
	return rc;
}

int
analyzer_article(struct analyzer *an, int64_t article, const char *body, size_t len,
    const struct text_span *paragraphs, size_t np, const struct text_span *sentences,
    size_t ns, const char *published, const char *title)
{
	struct extract_input in;
	struct extract_result r;
	struct ids ids = { an, NULL };
	struct arena a;
	char day[11];
	int rc;

	memset(&in, 0, sizeof in);
	in.body = body;
	in.len = len;
	in.paragraphs = paragraphs;
	in.nparagraphs = np;
	in.sentences = sentences;
	in.nsentences = ns;
	in.date = day_of(published, day);
	in.title = title;
	arena_init(&a);
	rc = extract_article(an->x, &in, &a, &r);
	if (rc == 0)
		rc = write_candidates(&ids, &r);
	if (rc == 0)
		rc = write_mentions(&ids, article, &r);
	if (rc == 0)
		rc = write_title_mentions(&ids, article, &r);
	if (rc == 0)
		rc = write_statements(&ids, article, &r, body);
	free(ids.cand);
	arena_free(&a);
	return rc;
}

/* ---- analysing stored articles again ------------------------------------ */

static int
refresh_one(struct analyzer *an, int64_t id)
{
	struct store_article a;
	struct text_span *p = NULL, *s = NULL;
	size_t np = 0, ns = 0;
	int rc = -1;

	if (store_article_get(an->st, id, &a) != 0)
		return -1;
	if (store_paragraphs_get(an->st, id, &p, &np) == 0 &&
	    store_sentences_get(an->st, id, &s, &ns) == 0 && store_begin(an->st) == 0) {
		rc = store_analysis_clear(an->st, id);
		analyze_related_forget(an->rel, id);
		if (rc == 0)
			rc = analyzer_article(an, id, a.body, a.body_len, p, np, s, ns, a.published, a.title);
		if (rc == 0)
			rc = store_commit(an->st);
		else
			store_rollback(an->st);
		if (rc == 0 && analyzer_link_due(an))
			rc = analyzer_finish(an);
	}
	free(p);
	free(s);
	store_article_free(&a);
	return rc;
}

int
analyzer_link_due(const struct analyzer *an)
{
	return analyze_related_due(an->rel);
}

int
analyzer_link(struct analyzer *an)
{
	return analyze_related_link(an->rel, an->st, voice_cb, an);
}

int
analyzer_finish(struct analyzer *an)
{
	return analyze_related_finish(an->rel, an->st, voice_cb, an);
}

int
analyzer_refresh(struct analyzer *an, const char *const *words, size_t nwords, size_t *count)
{
	int64_t *ids = NULL;
	size_t n = 0;
	int rc;

	*count = 0;
	if (store_articles_naming(an->st, words, nwords, &ids, &n) != 0)
		return -1;
	rc = analyzer_refresh_ids(an, ids, n, count);
	free(ids);
	return rc;
}

int
analyzer_refresh_ids(struct analyzer *an, const int64_t *ids, size_t n, size_t *count)
{
	size_t i;
	int rc = 0;

	*count = 0;
	/* Deleted statements leave the in-memory index; read it again. */
	analyze_related_reset(an->rel);
	for (i = 0; i < n && rc == 0; i++) {
		rc = refresh_one(an, ids[i]);
		if (rc == 0)
			++*count;
	}
	return rc == 0 ? analyzer_finish(an) : rc;
}
