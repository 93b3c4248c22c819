/*
 * team-sync.c: one sync. First the push: the queued records go up in
 * batches, each batch one server transaction (every record through
 * dossier.put, which decides last-writer-wins), and only once the server
 * has committed is the batch taken off the local queue, in one local
 * transaction. Then the pull: the records others wrote since the last
 * seq seen come down in batches, each written in one local transaction
 * that also records the new seq. A sync cut off anywhere leaves a batch
 * either sent or still queued (and sending it again is the same version:
 * the server keeps one row a record, so nothing doubles), pulled or not.
 * Last, the values of this database that lost on the server since, and
 * what a pull queued (this coder's annotations moved by a tag merge) is
 * sent.
 */
#include "config.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analyze.h"
#include "import.h"
#include "team-int.h"
#include "util.h"

/* Records a batch sent: one server transaction, one round trip. */
#define TEAM_BATCH 1000
/* Records a batch pulled: one local transaction. Each batch re-indexes
 * the notes of the articles it touched once (store_sync_apply_end), so
 * fewer, larger batches cost less where many notes share an article. */
#define TEAM_PULL_BATCH 2000
#define STR(x) #x
#define XSTR(x) STR(x)

struct sync {
	struct store *st;
	PGconn *c;
	char *server, *coder, *node;
	int lead;
	int64_t clock;
	struct importer *im;        /* made when the first article comes */
	struct store_sync_touched kb; /* what the team's knowledge base changed */
	struct team_sync_summary *sum;
};

static void
say(struct sync *s, const char *fmt, ...) PRINTFLIKE(2, 3);

static void
say(struct sync *s, const char *fmt, ...)
{
	struct team_sync_summary *sum = s->sum;
	va_list ap;

	sum->lines = xreallocarray(sum->lines, sum->nlines + 1, sizeof *sum->lines);
	va_start(ap, fmt);
	sum->lines[sum->nlines++] = xvasprintf(fmt, ap);
	va_end(ap);
}

void
team_sync_summary_free(struct team_sync_summary *s)
{
	size_t i;

	for (i = 0; i < s->nlines; i++)
		free(s->lines[i]);
	free(s->lines);
	memset(s, 0, sizeof *s);
}

static int
state_int(struct store *st, const char *key, int64_t *v)
{
	char *s = NULL;

	*v = 0;
	if (store_state_get(st, key, &s) != 0)
		return -1;
	if (s != NULL)
		*v = strtoll(s, NULL, 10);
	free(s);
	return 0;
}

static int
state_set_int(struct store *st, const char *key, int64_t v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%" PRId64, v);
	return store_state_set(st, key, buf);
}

/* Queues the dossier.put of R on the pipeline. */
static int
send_put(struct sync *s, const struct store_sync_rec *r)
{
	static const char put[] = "SELECT outcome, winner FROM dossier.put($1, $2, $3::bigint, $4,"
	    " $5, $6::boolean, $7::jsonb, $8::bigint, $9)";
	char hlc[24], base[24];
	const char *v[9];

	snprintf(hlc, sizeof hlc, "%" PRId64, r->hlc);
	snprintf(base, sizeof base, "%" PRId64, r->base_hlc);
	v[0] = store_sync_kind_name(r->kind);
	v[1] = r->key;
	v[2] = hlc;
	v[3] = r->node;
	v[4] = r->coder != NULL ? r->coder : s->coder;
	v[5] = r->deleted ? "true" : "false";
	v[6] = r->body;
	v[7] = r->base_node != NULL ? base : NULL;
	v[8] = r->base_node;
	if (PQsendQueryParams(s->c, put, 9, NULL, v, NULL, NULL, 0) != 1)
		return team_pg_err(s->c, NULL, s->server);
	return 0;
}

/* The outcome of R's put (the next result on the pipeline): a conflict
 * is counted and told; *lost when the team kept a newer value. */
static int
read_put(struct sync *s, const struct store_sync_rec *r, int *lost, char **winner)
{
	PGresult *res = PQgetResult(s->c), *end;
	const char *kind = store_sync_kind_name(r->kind);
	int ok = res != NULL && PQresultStatus(res) == PGRES_TUPLES_OK;

	if (!ok) {
		char *what = xasprintf("%s: sending %s %s", s->server, kind, r->key);
		team_pg_err(s->c, res, what);
		free(what);
	} else if (strcmp(PQgetvalue(res, 0, 0), "lost") == 0 ||
	    strcmp(PQgetvalue(res, 0, 0), "won") == 0) {
		const char *w = PQgetvalue(res, 0, 1);
		*lost = strcmp(PQgetvalue(res, 0, 0), "lost") == 0;
		*winner = xstrdup(w);
		s->sum->conflicts++;
		if (*lost)
			say(s, "conflict: %s %s: %s's newer value kept; this one is in the history",
			    kind, r->key, w);
		else
			say(s, "conflict: %s %s: this value kept; %s's older one is in the team's "
			    "history", kind, r->key, w);
	}
	PQclear(res);
	/* Each query's results end with a NULL. */
	while (res != NULL && (end = PQgetResult(s->c)) != NULL)
		PQclear(end);
	return ok ? 0 : -1;
}

/* Sends one batch ROWS in one server transaction. The puts go down one
 * pipeline (libpq's pipeline mode), so a batch costs one round trip, not
 * one a record; the first error aborts the rest, and the transaction is
 * rolled back. */
static int
push_batch(struct sync *s, struct store_sync_rec *rows, size_t n)
{
	int *lost = xcalloc(n ? n : 1, sizeof *lost);
	char **winners = xcalloc(n ? n : 1, sizeof *winners);
	PGresult *res;
	size_t i, sent = 0;
	int rc = -1, failed = 0;

	/* The lock makes writers commit in the order of their seq. */
	if (team_exec(s->c, "BEGIN; SELECT pg_advisory_xact_lock(1685025651)", s->server) != 0)
		goto done;
	if (PQenterPipelineMode(s->c) != 1) {
		team_pg_err(s->c, NULL, s->server);
		goto rollback;
	}
	for (i = 0; i < n && !failed; i++, sent++)
		failed = send_put(s, &rows[i]) != 0;
	if (!failed && PQpipelineSync(s->c) != 1)
		failed = team_pg_err(s->c, NULL, s->server) != 0;
	for (i = 0; i < sent; i++) {
		if (!failed)
			failed = read_put(s, &rows[i], &lost[i], &winners[i]) != 0;
		else if ((res = PQgetResult(s->c)) != NULL) {
			/* Aborted after the first error: drain. */
			PQclear(res);
			while ((res = PQgetResult(s->c)) != NULL)
				PQclear(res);
		}
	}
	/* The pipeline's end. */
	while ((res = PQgetResult(s->c)) != NULL) {
		int sync = PQresultStatus(res) == PGRES_PIPELINE_SYNC;
		PQclear(res);
		if (sync)
			break;
	}
	if (PQexitPipelineMode(s->c) != 1 && !failed)
		failed = team_pg_err(s->c, NULL, s->server) != 0;
	if (failed)
		goto rollback;
	if (team_exec(s->c, "COMMIT", s->server) != 0)
		goto done;
	for (i = 0; i < n; i++)
		if (!lost[i])
			s->sum->sent[rows[i].kind]++;
	rc = store_sync_sent(s->st, rows, n, lost, (const char *const *)winners);
	goto done;
rollback:
	{
		/* Keep the first error: the rollback's own is of no interest. */
		char *msg = xstrdup(err_msg());
		PQexitPipelineMode(s->c);
		team_exec(s->c, "ROLLBACK", s->server);
		err_set("%s", msg);
		free(msg);
	}
done:
	for (i = 0; i < n; i++)
		free(winners[i]);
	free(winners);
	free(lost);
	return rc;
}

/* A tag made here that the team has under the same name (the codebook
 * both started from, or the same name thought of twice) becomes the
 * team's, so the codebook keeps one tag a name. */
static int
adopt_tags(struct sync *s)
{
	static const char sql[] = "SELECT key FROM dossier.records WHERE kind = 'tag'"
	    " AND NOT deleted AND body->>'name' = $1 AND key <> $2 ORDER BY seq LIMIT 1";
	char **names, **uuids;
	size_t n, i;
	int rc = 0;

	if (store_sync_new_tags(s->st, &names, &uuids, &n) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		const char *v[2];
		PGresult *res;

		v[0] = names[i];
		v[1] = uuids[i];
		if (rc == 0) {
			res = PQexecParams(s->c, sql, 2, NULL, v, NULL, NULL, 0);
			if (PQresultStatus(res) != PGRES_TUPLES_OK)
				rc = team_pg_err(s->c, res, s->server);
			else if (PQntuples(res) > 0)
				rc = store_sync_tag_adopt(s->st, uuids[i], PQgetvalue(res, 0, 0));
			PQclear(res);
		}
		free(names[i]);
		free(uuids[i]);
	}
	free(names);
	free(uuids);
	return rc;
}

static int
push(struct sync *s)
{
	if (adopt_tags(s) != 0)
		return -1;
	for (;;) {
		struct store_sync_rec *rows;
		size_t n;
		int rc;

		if (store_sync_outbox(s->st, s->node, s->coder, s->lead, TEAM_BATCH, &s->clock,
		    &rows, &n) != 0)
			return -1;
		if (n == 0)
			return 0;
		rc = push_batch(s, rows, n);
		store_sync_recs_free(rows, n);
		if (rc != 0 || state_set_int(s->st, TEAM_STATE_CLOCK, s->clock) != 0)
			return -1;
		if (n < TEAM_BATCH)
			return 0;
	}
}

/* Writes an article record R that is not here yet. */
static int
pull_article(struct sync *s, struct store_sync_rec *r)
{
	struct store_article a;
	int here, rc;

	if (r->body == NULL)
		return 0;
	if (store_sync_article(s->st, r->key, r->body, &a, &here) != 0)
		return -1;
	if (here) {
		store_article_free(&a);
		return 0;
	}
	if (s->im == NULL) {
		struct import_opts opts = { 0 };
		if (importer_new(s->st, &opts, &s->im) != 0) {
			store_article_free(&a);
			return -1;
		}
	}
	rc = import_synced(s->im, r->key, &a);
	store_article_free(&a);
	return rc;
}

static void
read_rec(PGresult *res, int i, struct store_sync_rec *r)
{
	memset(r, 0, sizeof *r);
	if (store_sync_kind_parse(PQgetvalue(res, i, 0), &r->kind) != 0)
		r->kind = STORE_SYNC_KINDS;
	r->key = xstrdup(PQgetvalue(res, i, 1));
	r->hlc = strtoll(PQgetvalue(res, i, 2), NULL, 10);
	r->node = xstrdup(PQgetvalue(res, i, 3));
	r->coder = xstrdup(PQgetvalue(res, i, 4));
	r->deleted = strcmp(PQgetvalue(res, i, 5), "t") == 0;
	r->body = PQgetisnull(res, i, 6) ? NULL : xstrdup(PQgetvalue(res, i, 6));
}

/* Writes one pulled record. */
static int
pull_one(struct sync *s, struct store_sync_rec *r)
{
	int newer, lost = 0, rc;

	if (r->kind == STORE_SYNC_KINDS)
		return 0;               /* a kind this dossier does not know */
	if (r->hlc > s->clock)
		s->clock = r->hlc;
	if ((newer = store_sync_newer(s->st, r)) <= 0)
		return newer;
	if (r->kind == STORE_SYNC_ARTICLE && pull_article(s, r) != 0)
		return -1;
	if (r->kind == STORE_SYNC_ENTITY && store_sync_entity_touched(s->st, r, &s->kb) != 0)
		return -1;
	if ((rc = store_sync_apply(s->st, r, s->coder, &lost)) < 0)
		return -1;
	if (rc == 1) {
		s->sum->missing++;
		say(s, "%s %s (by %s): not written here: %s", store_sync_kind_name(r->kind), r->key,
		    r->coder, err_msg());
		return 0;
	}
	if (lost) {
		s->sum->conflicts++;
		say(s, "conflict: %s %s: %s's value kept; this database's unsent one is in the "
		    "history", store_sync_kind_name(r->kind), r->key, r->coder);
	}
	if (strcmp(r->node, s->node) != 0)
		s->sum->received[r->kind]++;
	return 0;
}

static int
pull(struct sync *s)
{
	static const char sql[] = "SELECT kind, key, hlc, node, coder, deleted, body::text, seq"
	    " FROM dossier.records WHERE seq > $1::bigint ORDER BY seq LIMIT " XSTR(TEAM_PULL_BATCH);
	int64_t seq;

	if (state_int(s->st, TEAM_STATE_SEQ, &seq) != 0)
		return -1;
	for (;;) {
		char from[24];
		const char *v[1] = { from };
		PGresult *res;
		int i, n, rc = 0;

		snprintf(from, sizeof from, "%" PRId64, seq);
		res = PQexecParams(s->c, sql, 1, NULL, v, NULL, NULL, 0);
		if (PQresultStatus(res) != PGRES_TUPLES_OK) {
			team_pg_err(s->c, res, s->server);
			PQclear(res);
			return -1;
		}
		n = PQntuples(res);
		if (n == 0) {
			PQclear(res);
			return 0;
		}
		if (store_sync_apply_begin(s->st) != 0) {
			PQclear(res);
			return -1;
		}
		for (i = 0; i < n && rc == 0; i++) {
			struct store_sync_rec r;
			read_rec(res, i, &r);
			rc = pull_one(s, &r);
			store_sync_rec_free(&r);
		}
		seq = strtoll(PQgetvalue(res, n - 1, 7), NULL, 10);
		PQclear(res);
		if (rc == 0)
			rc = state_set_int(s->st, TEAM_STATE_SEQ, seq);
		if (rc == 0)
			rc = state_set_int(s->st, TEAM_STATE_CLOCK, s->clock);
		if (store_sync_apply_end(s->st, rc == 0) != 0 || rc != 0)
			return -1;
		if (n < TEAM_PULL_BATCH)
			return 0;
	}
}

/* The values this database sent that lost on the server since the last
 * look (another's newer change to the same record won). */
static int
lost_since(struct sync *s)
{
	static const char sql[] = "SELECT h.kind, h.key, h.winner_coder, h.seq, h.hlc, h.coder,"
	    " h.body::text, h.winner_hlc, r.body::text"
	    " FROM dossier.history h LEFT JOIN dossier.records r ON r.kind = h.kind"
	    "  AND r.key = h.key AND r.hlc = h.winner_hlc AND r.node = h.winner_node"
	    " WHERE h.node = $1 AND h.seq > $2::bigint AND h.winner_node <> $1 ORDER BY h.seq";
	char from[24];
	const char *v[2] = { NULL, from };
	PGresult *res;
	int64_t seq;
	int i, n;

	if (state_int(s->st, TEAM_STATE_HISTORY, &seq) != 0)
		return -1;
	snprintf(from, sizeof from, "%" PRId64, seq);
	v[0] = s->node;
	res = PQexecParams(s->c, sql, 2, NULL, v, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		team_pg_err(s->c, res, s->server);
		PQclear(res);
		return -1;
	}
	n = PQntuples(res);
	for (i = 0; i < n; i++) {
		struct store_sync_rec lost = { 0 }, won = { 0 };
		int64_t at = strtoll(PQgetvalue(res, i, 3), NULL, 10);
		int rc;

		if (at > seq)
			seq = at;
		/* Kept here too, for sync --conflicts (once). */
		if (store_sync_kind_parse(PQgetvalue(res, i, 0), &lost.kind) == 0) {
			lost.key = PQgetvalue(res, i, 1);
			lost.hlc = strtoll(PQgetvalue(res, i, 4), NULL, 10);
			lost.coder = PQgetvalue(res, i, 5);
			lost.body = PQgetisnull(res, i, 6) ? NULL : PQgetvalue(res, i, 6);
			won.hlc = PQgetisnull(res, i, 8) ? 0 : strtoll(PQgetvalue(res, i, 7), NULL, 10);
			won.body = PQgetisnull(res, i, 8) ? NULL : PQgetvalue(res, i, 8);
			rc = store_sync_lost_there(s->st, &lost, PQgetvalue(res, i, 2), &won);
			if (rc != 0) {
				PQclear(res);
				return -1;
			}
		}
		/* Sent in this sync and lost: already told. */
		if (strcmp(PQgetvalue(res, i, 2), s->coder) == 0 && s->sum->conflicts > 0)
			continue;
		s->sum->conflicts++;
		say(s, "conflict: %s %s: %s's later value replaced this database's; the team's "
		    "history keeps it", PQgetvalue(res, i, 0), PQgetvalue(res, i, 1),
		    PQgetvalue(res, i, 2));
	}
	PQclear(res);
	return n > 0 ? state_set_int(s->st, TEAM_STATE_HISTORY, seq) : 0;
}

/* A warning of the knowledge base's, as a line of the summary. */
static void
kb_warning(void *arg, const char *msg)
{
	say(arg, "knowledge base: %s", msg);
}

/* The stored articles that the team's knowledge-base changes concern are
 * analysed again, as kb add, alias, remove and unalias do here. */
static int
refresh(struct sync *s)
{
	struct analyzer *an;
	size_t count;
	int rc = 0;

	if (s->kb.nwords == 0 && s->kb.nids == 0)
		return 0;
	if (analyzer_new(s->st, kb_warning, s, &an) != 0)
		return -1;
	if (s->kb.nids > 0)
		rc = analyzer_refresh_ids(an, s->kb.ids, s->kb.nids, &count);
	if (rc == 0 && s->kb.nwords > 0)
		rc = analyzer_refresh(an, (const char *const *)s->kb.words, s->kb.nwords, &count);
	analyzer_free(an);
	return rc;
}

/* One round trip after connecting: the server's schema, who this is,
 * and whether anything there is new for this database (a record after
 * SEQ, a value of this node's that lost after HIST). So a sync with
 * nothing to send and nothing new costs this query and no more. Should
 * it fail (no team there, a schema of another version, a role that is no
 * coder's), the checks that say why run instead. */
static int
hello(struct sync *s, int64_t seq, int64_t hist, int *news)
{
	static const char sql[] = "SELECT (SELECT value FROM dossier.meta WHERE key = 'schema'),"
	    " current_user, pg_has_role(current_user, 'dossier_lead', 'MEMBER'),"
	    " pg_has_role(current_user, 'dossier_coder', 'MEMBER'),"
	    " EXISTS (SELECT 1 FROM dossier.records WHERE seq > $1::bigint)"
	    " OR EXISTS (SELECT 1 FROM dossier.history WHERE node = $2 AND seq > $3::bigint"
	    "  AND winner_node <> $2)";
	char from[24], from_hist[24];
	const char *v[3] = { from, NULL, from_hist };
	PGresult *res;
	int ok;

	snprintf(from, sizeof from, "%" PRId64, seq);
	snprintf(from_hist, sizeof from_hist, "%" PRId64, hist);
	v[1] = s->node;
	*news = 1;
	res = PQexecParams(s->c, sql, 3, NULL, v, NULL, NULL, 0);
	ok = PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1 &&
	    !PQgetisnull(res, 0, 0) &&
	    strtol(PQgetvalue(res, 0, 0), NULL, 10) == team_schema_version() &&
	    strcmp(PQgetvalue(res, 0, 3), "t") == 0;
	if (ok) {
		s->coder = xstrdup(PQgetvalue(res, 0, 1));
		s->lead = strcmp(PQgetvalue(res, 0, 2), "t") == 0;
		*news = strcmp(PQgetvalue(res, 0, 4), "t") == 0;
	}
	PQclear(res);
	if (ok)
		return 0;
	if (PQtransactionStatus(s->c) == PQTRANS_INERROR)
		team_exec(s->c, "ROLLBACK", s->server);
	if (team_server_check(s->c, s->server) != 0 || team_whoami(s->c, &s->coder, &s->lead) != 0)
		return -1;
	return err_set("%s: the team's server did not answer as expected", s->server);
}

/* 1 when this database has nothing the team may take. */
static int
nothing_to_send(struct sync *s)
{
	size_t waiting[STORE_SYNC_KINDS], kept, k, n = 0;

	if (store_sync_waiting(s->st, s->coder, s->lead, waiting, &kept) != 0)
		return -1;
	for (k = 0; k < STORE_SYNC_KINDS; k++)
		n += waiting[k];
	return n == 0;
}

static void
now_iso(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int
team_sync(struct store *st, struct team_sync_summary *sum)
{
	struct sync s = { 0 };
	char *was = NULL, when[32];
	int64_t seq, hist;
	int rc = -1, news, idle;

	memset(sum, 0, sizeof *sum);
	s.st = st;
	s.sum = sum;
	if (store_state_get(st, TEAM_STATE_SERVER, &s.server) != 0 ||
	    store_state_get(st, TEAM_STATE_NODE, &s.node) != 0 ||
	    store_state_get(st, TEAM_STATE_CODER, &was) != 0)
		goto done;
	if (s.server == NULL || s.node == NULL) {
		err_set("%s: not joined to a team (dossier team join URL)", store_path(st));
		goto done;
	}
	if (state_int(st, TEAM_STATE_CLOCK, &s.clock) != 0 ||
	    state_int(st, TEAM_STATE_SEQ, &seq) != 0 ||
	    state_int(st, TEAM_STATE_HISTORY, &hist) != 0)
		goto done;
	if (team_connect(s.server, &s.c) != 0 || hello(&s, seq, hist, &news) != 0)
		goto done;
	if (was != NULL && strcmp(was, s.coder) != 0) {
		err_set("%s: this database joined the team as %s, but the server says %s: "
		    "connect as %s", s.server, was, s.coder, was);
		goto done;
	}
	if (store_state_set(st, TEAM_STATE_LEAD, s.lead ? "1" : "0") != 0)
		goto done;
	if ((idle = nothing_to_send(&s)) < 0)
		goto done;
	/* Push, pull, and push again what the pull queued (a merge moved
	 * some of this coder's annotations); nothing of it when nothing
	 * waits here and nothing is new there. */
	if ((news || !idle) &&
	    (push(&s) != 0 || pull(&s) != 0 || push(&s) != 0 || lost_since(&s) != 0))
		goto done;
	if (s.im != NULL && importer_finish(s.im) != 0)
		goto done;
	if (refresh(&s) != 0)
		goto done;
	now_iso(when);
	rc = store_state_set(st, TEAM_STATE_LAST, when);
done:
	if (s.im != NULL)
		importer_free(s.im);
	store_sync_touched_free(&s.kb);
	if (s.c != NULL)
		PQfinish(s.c);
	free(s.server);
	free(s.node);
	free(s.coder);
	free(was);
	return rc;
}
