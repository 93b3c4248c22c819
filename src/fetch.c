/*
 * fetch.c: HTTP(S) transfers through libcurl's multi interface.
 *
 * A fetcher holds a queue of transfers. At most `jobs` run at once; the
 * rest wait in order. A transfer answered 429 or 503 goes back into the
 * queue with a time before which it is not started again (its
 * Retry-After, else a doubling backoff), so one busy server slows only
 * its own feeds. Everything runs in the caller's thread: fetcher_step
 * drives libcurl for a bounded time and reports what ended, so a reader
 * can call it between key presses and a command can loop on it.
 *
 * A transfer that ends gives its slot to the next one at once and waits,
 * with its body, in a list of ended transfers until it is reported; libcurl
 * is driven again between two reports. So the requests go out, and the
 * servers think, while the caller imports what came before: the network
 * never waits for the store. While `jobs` ended transfers wait, no new one
 * starts; the `jobs` running then may all end before the next report, so
 * at most 2 × jobs - 1 bodies are held at once: bounded, as memory must be.
 *
 * Bodies arrive decoded (CURLOPT_ACCEPT_ENCODING "") and are counted
 * against the size limit as they arrive: a server that never stops
 * sending is cut off at the limit, not at the end of memory.
 */
#include "config.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fetch.h"
#include "util.h"

struct xfer {
	struct fetcher *f;
	CURL *h;
	struct curl_slist *headers;
	char *url, *etag, *last_modified;
	void *user;
	struct buf body;
	char *resp_etag, *resp_last_modified, *reason;
	char errbuf[CURL_ERROR_SIZE];
	unsigned tries;
	double due;                /* not started again before this time */
	int too_large;
	int in_multi;              /* added to the multi handle, not yet removed */
	CURLcode code;             /* how it ended, once ended */
	struct xfer *next;         /* in the queue, among the active or the ended */
};

struct fetcher {
	struct fetch_opts opts;
	CURLM *multi;
	struct xfer *queue, *queue_tail;
	struct xfer *active;       /* started, not yet ended (at most jobs) */
	struct xfer *ended, *ended_tail;   /* ended, not yet reported, in order */
	size_t running, waiting, nended;
	const char *ca_file, *ca_dir;   /* from the environment, or NULL */
};

static int curl_ready;

static const char *
env_nonempty(const char *name)
{
	const char *v = getenv(name);

	return v != NULL && v[0] != '\0' ? v : NULL;
}

const char *
fetch_user_agent(void)
{
	static char ua[96];

	if (ua[0] == '\0') {
		const curl_version_info_data *v = curl_version_info(CURLVERSION_NOW);

		snprintf(ua, sizeof ua, "dossier/%s (libcurl/%s)", PACKAGE_VERSION,
		    v != NULL && v->version != NULL ? v->version : "?");
	}
	return ua;
}

char *
fetch_url_safe(const char *url)
{
	CURLU *u = curl_url();
	char *user = NULL, *pass = NULL, *out = NULL, *s;

	if (u == NULL)
		return xstrdup(url);
	if (curl_url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK)
		goto plain;
	curl_url_get(u, CURLUPART_USER, &user, 0);
	curl_url_get(u, CURLUPART_PASSWORD, &pass, 0);
	if (user == NULL && pass == NULL)
		goto plain;
	curl_url_set(u, CURLUPART_PASSWORD, NULL, 0);
	curl_url_set(u, CURLUPART_USER, "***", 0);
	if (curl_url_get(u, CURLUPART_URL, &s, 0) == CURLUE_OK) {
		out = xstrdup(s);
		curl_free(s);
	}
plain:
	curl_free(user);
	curl_free(pass);
	curl_url_cleanup(u);
	return out != NULL ? out : xstrdup(url);
}

int
fetch_url_check(const char *url)
{
	CURLU *u = curl_url();
	char *scheme = NULL, *host = NULL;
	int rc = 0;

	if (u == NULL)
		return err_set("out of memory");
	if (curl_url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK)
		rc = err_set("not a URL (expected http://HOST/PATH or https://HOST/PATH)");
	else if (strcmp(scheme, "http") != 0 && strcmp(scheme, "https") != 0)
		rc = err_set("a %s URL: only http and https are fetched", scheme);
	else if (curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK || host[0] == '\0')
		rc = err_set("a URL without a host");
	curl_free(scheme);
	curl_free(host);
	curl_url_cleanup(u);
	return rc;
}

int
fetcher_new(const struct fetch_opts *opts, struct fetcher **out)
{
	struct fetcher *f;

	*out = NULL;
	if (!curl_ready) {
		if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
			return err_set("cannot start libcurl");
		curl_ready = 1;
	}
	f = xcalloc(1, sizeof *f);
	f->opts = *opts;
	if (f->opts.jobs == 0)
		f->opts.jobs = FETCH_JOBS;
	if (f->opts.connect_timeout <= 0)
		f->opts.connect_timeout = FETCH_CONNECT_TIMEOUT;
	if (f->opts.timeout <= 0)
		f->opts.timeout = FETCH_TIMEOUT;
	if (f->opts.backoff <= 0)
		f->opts.backoff = 1;
	if ((f->multi = curl_multi_init()) == NULL) {
		free(f);
		return err_set("cannot start libcurl");
	}
	f->ca_file = env_nonempty("CURL_CA_BUNDLE");
	if (f->ca_file == NULL)
		f->ca_file = env_nonempty("SSL_CERT_FILE");
	f->ca_dir = env_nonempty("SSL_CERT_DIR");
	/* HTTP/2 streams to one host share a connection; jobs bounds the
	 * transfers, and so the connections. */
	curl_multi_setopt(f->multi, CURLMOPT_PIPELINING, (long)CURLPIPE_MULTIPLEX);
	curl_multi_setopt(f->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, (long)f->opts.jobs);
	*out = f;
	return 0;
}

static void
xfer_reset(struct xfer *x)
{
	if (x->h != NULL) {
		if (x->in_multi)
			curl_multi_remove_handle(x->f->multi, x->h);
		x->in_multi = 0;
		curl_easy_cleanup(x->h);
		x->h = NULL;
	}
	curl_slist_free_all(x->headers);
	x->headers = NULL;
	buf_reset(&x->body);
	free(x->resp_etag);
	free(x->resp_last_modified);
	free(x->reason);
	x->resp_etag = x->resp_last_modified = x->reason = NULL;
	x->too_large = 0;
	x->errbuf[0] = '\0';
}

static void
xfer_free(struct xfer *x)
{
	xfer_reset(x);
	buf_free(&x->body);
	free(x->url);
	free(x->etag);
	free(x->last_modified);
	free(x);
}

void
fetcher_free(struct fetcher *f)
{
	struct xfer *x, *next;

	if (f == NULL)
		return;
	for (x = f->queue; x != NULL; x = next) {
		next = x->next;
		xfer_free(x);
	}
	/* Transfers still running (a reader quitting mid-fetch), or ended
	 * and not reported. */
	for (x = f->active; x != NULL; x = next) {
		next = x->next;
		xfer_free(x);
	}
	for (x = f->ended; x != NULL; x = next) {
		next = x->next;
		xfer_free(x);
	}
	curl_multi_cleanup(f->multi);
	free(f);
}

/* X at the end of the list HEAD..TAIL of N transfers. */
static void
append(struct xfer **head, struct xfer **tail, size_t *n, struct xfer *x)
{
	x->next = NULL;
	if (*tail != NULL)
		(*tail)->next = x;
	else
		*head = x;
	*tail = x;
	(*n)++;
}

static void
enqueue(struct fetcher *f, struct xfer *x)
{
	append(&f->queue, &f->queue_tail, &f->waiting, x);
}

void
fetcher_add(struct fetcher *f, const struct fetch_req *req)
{
	struct xfer *x = xcalloc(1, sizeof *x);

	x->f = f;
	x->url = xstrdup(req->url);
	x->etag = req->etag != NULL && req->etag[0] != '\0' ? xstrdup(req->etag) : NULL;
	x->last_modified = req->last_modified != NULL && req->last_modified[0] != '\0'
	    ? xstrdup(req->last_modified) : NULL;
	x->user = req->user;
	buf_init(&x->body);
	enqueue(f, x);
}

static size_t
on_body(char *p, size_t size, size_t n, void *arg)
{
	struct xfer *x = arg;
	size_t len = size * n;

	if (x->f->opts.max_size > 0 && x->body.len + len > x->f->opts.max_size) {
		x->too_large = 1;
		return 0;   /* ends the transfer with CURLE_WRITE_ERROR */
	}
	buf_add(&x->body, p, len);
	return len;
}

/* A header's value as one line of printable ASCII at most MAX bytes: what a
 * server sends is kept out of messages and the database otherwise. */
static char *
header_value(const char *p, size_t len, size_t max)
{
	struct buf b;
	size_t i;

	while (len > 0 && (*p == ' ' || *p == '\t')) {
		p++;
		len--;
	}
	while (len > 0 && (p[len - 1] == '\r' || p[len - 1] == '\n' || p[len - 1] == ' ' ||
	    p[len - 1] == '\t'))
		len--;
	if (len == 0 || len > max)
		return NULL;
	buf_init(&b);
	for (i = 0; i < len; i++)
		buf_addc(&b, p[i] >= 0x20 && p[i] < 0x7f ? p[i] : '?');
	return buf_detach(&b, NULL);
}

static int
header_is(const char *p, size_t len, const char *name, size_t *value)
{
	size_t n = strlen(name);

	if (len <= n || p[n] != ':' || strncasecmp(p, name, n) != 0)
		return 0;
	*value = n + 1;
	return 1;
}

/* Each response (a redirect's too) starts with its status line; the
 * validators and reason kept are the last response's. */
static size_t
on_header(char *p, size_t size, size_t n, void *arg)
{
	struct xfer *x = arg;
	size_t len = size * n, v;
	const char *sp;

	if (len > 5 && strncmp(p, "HTTP/", 5) == 0) {
		free(x->resp_etag);
		free(x->resp_last_modified);
		free(x->reason);
		x->resp_etag = x->resp_last_modified = x->reason = NULL;
		/* "HTTP/1.1 404 Not Found": the words after the code */
		if ((sp = memchr(p, ' ', len)) != NULL && (sp = memchr(sp + 1, ' ',
		    len - (size_t)(sp + 1 - p))) != NULL)
			x->reason = header_value(sp + 1, len - (size_t)(sp + 1 - p), 60);
	} else if (header_is(p, len, "etag", &v)) {
		free(x->resp_etag);
		x->resp_etag = header_value(p + v, len - v, 512);
	} else if (header_is(p, len, "last-modified", &v)) {
		free(x->resp_last_modified);
		x->resp_last_modified = header_value(p + v, len - v, 64);
	}
	return len;
}

static int
xfer_start(struct fetcher *f, struct xfer *x)
{
	char *hdr;
	CURL *h;

	if ((h = curl_easy_init()) == NULL)
		return -1;
	x->h = h;
	x->tries++;
	curl_easy_setopt(h, CURLOPT_URL, x->url);
	curl_easy_setopt(h, CURLOPT_PRIVATE, (char *)x);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, x->errbuf);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(h, CURLOPT_MAXREDIRS, (long)FETCH_MAX_REDIRECTS);
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
	/* Certificates a site or a company's proxy is signed with, where the
	 * user keeps them, as curl reads them; verification stays on. */
	if (f->ca_file != NULL)
		curl_easy_setopt(h, CURLOPT_CAINFO, f->ca_file);
	if (f->ca_dir != NULL)
		curl_easy_setopt(h, CURLOPT_CAPATH, f->ca_dir);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, f->opts.connect_timeout);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, f->opts.timeout);
	curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(h, CURLOPT_USERAGENT, fetch_user_agent());
	if (f->opts.max_size > 0)
		curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)f->opts.max_size);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, x);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, x);
	if (x->etag != NULL) {
		hdr = xasprintf("If-None-Match: %s", x->etag);
		x->headers = curl_slist_append(x->headers, hdr);
		free(hdr);
	}
	if (x->last_modified != NULL) {
		hdr = xasprintf("If-Modified-Since: %s", x->last_modified);
		x->headers = curl_slist_append(x->headers, hdr);
		free(hdr);
	}
	if (x->headers != NULL)
		curl_easy_setopt(h, CURLOPT_HTTPHEADER, x->headers);
	if (curl_multi_add_handle(f->multi, h) != CURLM_OK) {
		curl_easy_cleanup(h);
		x->h = NULL;
		return -1;
	}
	x->in_multi = 1;
	f->running++;
	x->next = f->active;
	f->active = x;
	return 0;
}

static void
unlink_active(struct fetcher *f, struct xfer *x)
{
	struct xfer **p;

	for (p = &f->active; *p != NULL; p = &(*p)->next) {
		if (*p == x) {
			*p = x->next;
			break;
		}
	}
	x->next = NULL;
	f->running--;
}

/* The reason a transfer failed, as one line. */
static void
describe_failure(const struct fetcher *f, const struct xfer *x, CURLcode code, long status,
    struct buf *out)
{
	const char *what, *detail = x->errbuf[0] != '\0' ? x->errbuf : curl_easy_strerror(code);

	if (x->too_large || code == CURLE_FILESIZE_EXCEEDED) {
		buf_printf(out, "too large: more than the limit of %zu bytes", f->opts.max_size);
		return;
	}
	switch (code) {
	case CURLE_OK:
		buf_printf(out, "HTTP %ld%s%s", status, x->reason != NULL ? " " : "",
		    x->reason != NULL ? x->reason : "");
		return;
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
		what = "DNS";
		break;
	case CURLE_COULDNT_CONNECT:
		what = "connection refused";
		break;
	case CURLE_OPERATION_TIMEDOUT:
		what = "time-out";
		break;
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_ISSUER_ERROR:
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
	case CURLE_SSL_INVALIDCERTSTATUS:
		what = "TLS (the certificate is checked, always)";
		break;
	case CURLE_TOO_MANY_REDIRECTS:
		buf_printf(out, "more than %d redirects", FETCH_MAX_REDIRECTS);
		return;
	case CURLE_UNSUPPORTED_PROTOCOL:
		buf_adds(out, "refused: only http and https are fetched, redirects included");
		return;
	case CURLE_URL_MALFORMAT:
		what = "not a URL";
		break;
	case CURLE_BAD_CONTENT_ENCODING:
		what = "the compressed body does not decode";
		break;
	default:
		what = "transfer failed";
		break;
	}
	buf_printf(out, "%s: ", what);
	/* curl's own words, one line */
	for (; *detail != '\0' && *detail != '\n'; detail++)
		buf_addc(out, *detail >= 0x20 && *detail < 0x7f ? *detail : '?');
}

/* A 429 or 503 goes back to the queue when another try is allowed and the
 * wait asked for is not too long; returns 1 when it was queued. */
static int
retry_later(struct fetcher *f, struct xfer *x, long status)
{
	curl_off_t after = 0;
	double wait;

	if (status != 429 && status != 503)
		return 0;
	if (x->tries > FETCH_RETRIES)
		return 0;
	curl_easy_getinfo(x->h, CURLINFO_RETRY_AFTER, &after);
	wait = after > 0 ? (double)after : f->opts.backoff * (double)(1u << (x->tries - 1));
	if (wait > FETCH_RETRY_WAIT_MAX)
		return 0;
	xfer_reset(x);
	x->due = clock_seconds() + wait;
	enqueue(f, x);
	return 1;
}

/* A transfer has ended: its slot is free at once; it goes back to the
 * queue (a 429 or 503 to try again) or waits among the ended to be
 * reported. */
static void
ended(struct fetcher *f, struct xfer *x, CURLcode code)
{
	long status = 0;

	unlink_active(f, x);
	curl_easy_getinfo(x->h, CURLINFO_RESPONSE_CODE, &status);
	if (code == CURLE_OK && retry_later(f, x, status))
		return;
	/* Its connection goes back to the pool for the next transfer; the
	 * easy handle stays for what report() asks of it. */
	curl_multi_remove_handle(f->multi, x->h);
	x->in_multi = 0;
	x->code = code;
	append(&f->ended, &f->ended_tail, &f->nended, x);
}

/* Hands the first ended transfer to DONE, and frees it. */
static void
report(struct fetcher *f, fetch_done_fn *done, void *arg)
{
	struct fetch_result r = { 0 };
	struct xfer *x = f->ended;
	struct buf why;
	char *safe = NULL, *final_url = NULL;
	char *ctype = NULL;
	CURLcode code = x->code;
	long status = 0;

	f->ended = x->next;
	if (f->ended == NULL)
		f->ended_tail = NULL;
	f->nended--;
	x->next = NULL;
	curl_easy_getinfo(x->h, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_getinfo(x->h, CURLINFO_EFFECTIVE_URL, &final_url);
	curl_easy_getinfo(x->h, CURLINFO_CONTENT_TYPE, &ctype);
	buf_init(&why);
	r.url = x->url;
	r.final_url = final_url != NULL ? final_url : x->url;
	r.user = x->user;
	r.status = status;
	r.tries = x->tries;
	r.content_type = ctype;
	r.etag = x->resp_etag;
	r.last_modified = x->resp_last_modified;
	if (code == CURLE_OK && status == 304) {
		r.ok = r.not_modified = 1;
	} else if (code == CURLE_OK && !x->too_large && status >= 200 && status < 300) {
		r.ok = 1;
		r.body = x->body.data != NULL ? x->body.data : "";
		r.len = x->body.len;
	} else {
		safe = fetch_url_safe(x->url);
		buf_printf(&why, "%s: ", safe);
		describe_failure(f, x, code, status, &why);
		if (x->tries > 1)
			buf_printf(&why, " (after %u tries)", x->tries);
		r.error = why.data;
	}
	done(arg, &r);
	free(safe);
	buf_free(&why);
	xfer_free(x);
}

/* Starts queued transfers that are due while slots are free; returns the
 * seconds until the next one waiting is due (-1 when none waits). */
static double
start_due(struct fetcher *f, fetch_done_fn *done, void *arg)
{
	struct xfer *x, *prev = NULL, *next;
	double t = clock_seconds(), next_due = -1;

	for (x = f->queue; x != NULL && f->running < f->opts.jobs && f->nended < f->opts.jobs;
	    x = next) {
		next = x->next;
		if (x->due > t) {
			if (next_due < 0 || x->due - t < next_due)
				next_due = x->due - t;
			prev = x;
			continue;
		}
		if (prev != NULL)
			prev->next = next;
		else
			f->queue = next;
		if (f->queue_tail == x)
			f->queue_tail = prev;
		f->waiting--;
		if (xfer_start(f, x) != 0) {
			struct fetch_result r = { 0 };
			char *safe = fetch_url_safe(x->url);
			char *msg = xasprintf("%s: libcurl cannot start the transfer", safe);

			r.url = r.final_url = x->url;
			r.user = x->user;
			r.error = msg;
			done(arg, &r);
			free(msg);
			free(safe);
			xfer_free(x);
		}
	}
	return next_due;
}

/* Starts what is due, moves data without waiting, and collects what
 * ended; returns the seconds until the next waiting transfer is due (-1
 * when none waits). */
static double
pump(struct fetcher *f, fetch_done_fn *done, void *arg)
{
	double next_due = start_due(f, done, arg);
	int still = 0, left;
	CURLMsg *m;

	curl_multi_perform(f->multi, &still);
	while ((m = curl_multi_info_read(f->multi, &left)) != NULL) {
		char *p = NULL;

		if (m->msg != CURLMSG_DONE)
			continue;
		curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, &p);
		ended(f, (struct xfer *)(void *)p, m->data.result);
	}
	/* Slots freed: their successors' requests go out now, before the
	 * caller spends its time on what ended. */
	if (f->waiting > 0 && f->running < f->opts.jobs && f->nended < f->opts.jobs) {
		next_due = start_due(f, done, arg);
		curl_multi_perform(f->multi, &still);
	}
	return next_due;
}

size_t
fetcher_ended(const struct fetcher *f)
{
	return f->nended;
}

size_t
fetcher_step(struct fetcher *f, int timeout_ms, int wake_fd, fetch_done_fn *done, void *arg)
{
	struct curl_waitfd wake = { wake_fd, CURL_WAIT_POLLIN, 0 };
	int woken = 0;
	double deadline = clock_seconds() + timeout_ms / 1000.0, wait, next_due;

	do {
		next_due = pump(f, done, arg);
		while (f->ended != NULL) {
			report(f, done, arg);
			next_due = pump(f, done, arg);
			if (clock_seconds() >= deadline)
				goto out;
		}
		if (f->running == 0 && f->waiting == 0)
			break;
		wait = deadline - clock_seconds();
		if (wait <= 0)
			break;
		if (next_due >= 0 && f->running < f->opts.jobs && next_due < wait)
			wait = next_due;
		if (wait > 0) {
			wake.revents = 0;
			curl_multi_poll(f->multi, wake_fd >= 0 ? &wake : NULL, wake_fd >= 0 ? 1 : 0,
			    (int)(wait * 1000) + 1, NULL);
			woken = (wake.revents & CURL_WAIT_POLLIN) != 0;
		}
	} while (!woken && clock_seconds() < deadline);
out:
	return f->running + f->waiting + f->nended;
}

void
fetcher_run(struct fetcher *f, fetch_done_fn *done, void *arg)
{
	while (fetcher_step(f, 1000, -1, done, arg) > 0)
		;
}
