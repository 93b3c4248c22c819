/*
 * ingest-plain.c: plain text, the form articles copied from a browser take.
 * The lines are kept as they are (without a byte-order mark and with
 * Windows or old Mac line ends made Unix ones); deciding what is title,
 * chrome or comment is ingest-clean.c's work, the same for every format.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "util.h"

void
ingest_docs_free(struct ingest_docs *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].title), free(d->v[i].text), free(d->v[i].link);
		free(d->v[i].published), free(d->v[i].outlet), free(d->v[i].authors);
		free(d->v[i].modified), free(d->v[i].language), free(d->v[i].captions);
		free(d->v[i].dropped), free(d->v[i].warning);
		free(d->v[i].id), free(d->v[i].feed);
	}
	free(d->v);
	d->v = NULL;
	d->n = d->cap = 0;
}

struct ingest_doc *
ingest_docs_add(struct ingest_docs *d)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 4;
		d->v = xreallocarray(d->v, d->cap, sizeof *d->v);
	}
	memset(&d->v[d->n], 0, sizeof d->v[d->n]);
	return &d->v[d->n++];
}

char *
ingest_one_line(struct buf *b)
{
	size_t i;

	for (i = 0; i < b->len; i++) {
		if (b->data[i] == '\n')
			b->data[i] = ' ';
	}
	while (b->len > 0 && b->data[b->len - 1] == ' ')
		b->data[--b->len] = '\0';
	if (b->len == 0) {
		buf_free(b);
		return NULL;
	}
	return buf_detach(b, NULL);
}

int
ingest_plain(const char *data, size_t len, struct ingest_docs *out)
{
	struct ingest_doc *doc;
	struct buf b;
	size_t i;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		data += 3, len -= 3;
	buf_init(&b);
	buf_grow(&b, len);
	/* Runs without a carriage return are copied whole. */
	for (i = 0; i < len; ) {
		const char *cr = memchr(data + i, '\r', len - i);
		size_t run = cr != NULL ? (size_t)(cr - data) - i : len - i;

		buf_add(&b, data + i, run);
		i += run;
		if (i < len) {
			buf_addc(&b, '\n');
			i += i + 1 < len && data[i + 1] == '\n' ? 2 : 1;
		}
	}
	doc = ingest_docs_add(out);
	doc->text = buf_detach(&b, NULL);
	doc->format = "text";
	return 0;
}

int
ingest_parse(enum ingest_format format, const char *data, size_t len,
    const struct ingest_hints *hints, struct ingest_docs *out)
{
	switch (format) {
	case INGEST_HTML:
		return ingest_html(data, len, hints, out);
	case INGEST_FEED:
		return ingest_feed(data, len, out);
	case INGEST_TEXT:
	case INGEST_AUTO:
		break;
	}
	return ingest_plain(data, len, out);
}
