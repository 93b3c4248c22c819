/*
 * fetch.h: documents over HTTP(S), many at a time, with libcurl's multi
 * interface. Knows nothing of feeds, articles or the database: it takes
 * URLs (with the validators of an earlier fetch) and hands back bodies,
 * statuses and one-line reasons for failure.
 *
 * What every transfer gets: only http and https, for redirects too (at
 * most FETCH_MAX_REDIRECTS); TLS verification always on; a connect and a
 * total time-out; a size limit checked on the decoded body as it arrives
 * (so an endless body ends at the limit); gzip, deflate and brotli, as
 * libcurl was built with; HTTP/2 where the server offers it; the proxy of
 * the environment, as curl reads it (http_proxy, https_proxy, no_proxy),
 * and the certificate authorities it names (CURL_CA_BUNDLE, else
 * SSL_CERT_FILE; SSL_CERT_DIR); the User-Agent "dossier/VERSION".
 * A 429 or 503 is tried again after its Retry-After (or a doubling
 * backoff when it gives none), a few times, unless the server asks for a
 * longer wait than FETCH_RETRY_WAIT_MAX.
 *
 * Messages never show a URL's user name or password (fetch_url_safe).
 */
#ifndef DOSSIER_FETCH_H
#define DOSSIER_FETCH_H

#include <stddef.h>

#define FETCH_JOBS 8                 /* transfers at a time by default */
#define FETCH_MAX_REDIRECTS 5
#define FETCH_CONNECT_TIMEOUT 15     /* seconds */
#define FETCH_TIMEOUT 60             /* seconds, for a whole transfer */
#define FETCH_RETRIES 2              /* tries after a 429 or 503 */
#define FETCH_RETRY_WAIT_MAX 120     /* seconds: a longer Retry-After is a failure */

struct fetch_opts {
	unsigned jobs;              /* 0: FETCH_JOBS */
	long connect_timeout;       /* seconds; 0: FETCH_CONNECT_TIMEOUT */
	long timeout;               /* seconds; 0: FETCH_TIMEOUT */
	size_t max_size;            /* bytes of decoded body; 0: no limit */
	double backoff;             /* seconds before the first retry without
	                               Retry-After; 0: 1 s */
};

/* One document to fetch. The strings are copied. */
struct fetch_req {
	const char *url;
	const char *etag;            /* sent as If-None-Match; NULL: none */
	const char *last_modified;   /* sent as If-Modified-Since; NULL: none */
	void *user;                  /* handed back in the result */
};

struct fetch_result {
	const char *url;             /* as requested */
	const char *final_url;       /* after redirects */
	void *user;
	long status;                 /* the last HTTP status; 0 when there was none */
	int ok;                      /* 2xx with a body, or 304 */
	int not_modified;            /* 304: the validators sent still hold */
	const char *body;            /* NUL-terminated; NULL unless a 2xx */
	size_t len;
	const char *etag, *last_modified;   /* the response's validators, or NULL */
	const char *content_type;
	const char *error;           /* when !ok: one line naming the URL and the reason */
	unsigned tries;
};

struct fetcher;

/* A batch of transfers. Fails (with a message) only when libcurl cannot
 * start. */
int fetcher_new(const struct fetch_opts *opts, struct fetcher **out);
void fetcher_free(struct fetcher *f);
/* Queues REQ; it starts when a slot is free. May be called from the
 * DONE callback, to fetch what a result leads to. */
void fetcher_add(struct fetcher *f, const struct fetch_req *req);
/* Runs transfers for at most TIMEOUT_MS milliseconds (0: only what is
 * ready now), or until WAKE_FD (when not -1) is readable, calling DONE
 * once for each one that ends, successful or not; the result and its
 * strings live until DONE returns. Transfers go on while DONE works: the
 * ones that end meanwhile wait (at most the number of jobs) for the next
 * call. Returns the number of transfers still queued, running, waiting
 * to retry or waiting to be handed to DONE. */
typedef void fetch_done_fn(void *arg, const struct fetch_result *r);
size_t fetcher_step(struct fetcher *f, int timeout_ms, int wake_fd, fetch_done_fn *done,
    void *arg);
/* Transfers ended and not yet handed to DONE: while DONE runs, more
 * than 0 means the next result is already here. */
size_t fetcher_ended(const struct fetcher *f);
/* Steps until every transfer has ended. */
void fetcher_run(struct fetcher *f, fetch_done_fn *done, void *arg);

/* URL without its user name and password (user "***", no password),
 * malloc'd; URL itself (copied) when it has none or does not parse. */
char *fetch_url_safe(const char *url);
/* Is URL one dossier fetches: http or https, with a host? -1 with the
 * reason when not. */
int fetch_url_check(const char *url);
/* "dossier/VERSION (libcurl/X.Y.Z)" */
const char *fetch_user_agent(void);

#endif
