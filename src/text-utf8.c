/*
 * text-utf8.c: the first things done to outside text. text_utf8_repair makes
 * any byte string valid UTF-8 (so every later step may assume it), text_nfc
 * puts it in the one normal form the store keeps, and text_fold produces
 * the case-folded copy the extractor matches aliases in, with a map from
 * every folded byte back to the original so a match becomes an exact byte
 * range of the stored body. text_decode reads a document in the character
 * set it declares, with the same promise as the repair: every byte is
 * accounted for, none is lost. text_safe is the last thing done to text
 * from outside before it leaves the program, on a terminal or in an
 * export: no control character goes out as itself.
 */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <uninorm.h>
#include <unistr.h>

#include "text.h"

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

/*
 * Length of the well-formed sequence at p (1-4), or 0 when it is not one;
 * then *bad is the length of its maximal subpart (the bytes one U+FFFD
 * replaces, as Unicode recommends and browsers do), at least 1.
 */
static size_t
seq_len(const unsigned char *p, size_t n, size_t *bad)
{
	unsigned char c = p[0], lo = 0x80, hi = 0xBF;
	size_t need, i;

	*bad = 1;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		need = 2;
	else if (c >= 0xE0 && c <= 0xEF) {
		need = 3;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;  /* no surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 4;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;  /* nothing above U+10FFFF */
	} else
		return 0;
	for (i = 1; i < need; i++) {
		if (i >= n || p[i] < lo || p[i] > hi) {
			*bad = i;
			return 0;
		}
		lo = 0x80;
		hi = 0xBF;
	}
	return need;
}

void
text_utf8_repair(const char *in, size_t len, struct buf *out,
    struct text_utf8_report *rep)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t i = 0, run = 0, n, bad;

	rep->replaced = 0;
	rep->first_bad = SIZE_MAX;
	rep->nul_at = SIZE_MAX;
	buf_grow(out, len);
	/* Valid stretches are copied in one go; only the bad bytes cost more. */
	while (i < len) {
		if (s[i] < 0x80) {
			if (s[i] == 0 && rep->nul_at == SIZE_MAX)
				rep->nul_at = i;
			i++;
			continue;
		}
		n = seq_len(s + i, len - i, &bad);
		if (n != 0) {
			i += n;
			continue;
		}
		buf_add(out, s + run, i - run);
		buf_add(out, replacement, 3);
		if (rep->replaced++ == 0)
			rep->first_bad = i;
		i += bad;
		run = i;
	}
	buf_add(out, s + run, len - run);
}

/*
 * Text that a parser reads for its markup must keep its markup: a character
 * set in which "<a href=\"x\">+-&;</a>" does not come out as itself (UTF-7,
 * whose '+' starts a base64 run; EBCDIC; UTF-16) would let a document hide
 * bytes from whatever looked at it as ASCII, so it is not decoded.
 */
static int
ascii_compatible(iconv_t cd)
{
	static const char probe[] = "<a href=\"x\">+-&;</a>\n";
	char in[sizeof probe], out[4 * sizeof probe];
	char *ip = in, *op = out;
	size_t il = sizeof probe - 1, ol = sizeof out;

	memcpy(in, probe, sizeof probe);
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 ||
	    iconv(cd, NULL, NULL, &op, &ol) == (size_t)-1)
		return 0;
	iconv(cd, NULL, NULL, NULL, NULL);
	return (size_t)(op - out) == sizeof probe - 1 && memcmp(out, probe, sizeof probe - 1) == 0;
}

int
text_decode(const char *charset, const char *in, size_t len, struct buf *out,
    struct text_utf8_report *rep)
{
	iconv_t cd = iconv_open("UTF-8", charset);
	char *ip = (char *)(uintptr_t)in, *op;
	size_t il = len, ol, r, start = out->len;

	rep->replaced = 0;
	rep->first_bad = SIZE_MAX;
	rep->nul_at = SIZE_MAX;
	if (cd == (iconv_t)-1)
		return err_set("unknown character set \"%s\"", charset);
	if (!ascii_compatible(cd)) {
		iconv_close(cd);
		return err_set("character set \"%s\" does not keep markup as ASCII", charset);
	}
	while (il > 0) {
		buf_grow(out, il + il / 2 + 64);
		op = out->data + out->len;
		ol = out->cap - out->len - 1;
		r = iconv(cd, &ip, &il, &op, &ol);
		out->len = (size_t)(op - out->data);
		if (r != (size_t)-1 || errno == E2BIG)
			continue;
		/* EILSEQ (undefined in CHARSET) or EINVAL (cut short at the end):
		 * one byte becomes U+FFFD and decoding goes on after it. */
		if (rep->replaced++ == 0)
			rep->first_bad = (size_t)(ip - in);
		buf_add(out, replacement, 3);
		ip++;
		il--;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	/* What a stateful encoding still holds. */
	do {
		buf_grow(out, 64);
		op = out->data + out->len;
		ol = out->cap - out->len - 1;
		r = iconv(cd, NULL, NULL, &op, &ol);
		out->len = (size_t)(op - out->data);
	} while (r == (size_t)-1 && errno == E2BIG);
	out->data[out->len] = '\0';
	iconv_close(cd);
	/* glibc's UTF-8 "conversion" (under any of the names it folds to
	 * UTF-8, such as "\x02UTF-8") passes sequences above U+10FFFF through:
	 * a converter whose output is not UTF-8 is not one to read with. */
	if (u8_check((const uint8_t *)out->data + start, out->len - start) != NULL) {
		out->len = start;
		out->data[start] = '\0';
		return err_set("character set \"%s\" does not convert to valid UTF-8", charset);
	}
	return 0;
}

int
text_nfc(const char *in, size_t len, struct buf *out)
{
	const uint8_t *s = (const uint8_t *)in, *bad;
	uint8_t *r;
	size_t i, rlen;

	buf_reset(out);
	/* ASCII is its own NFC; most news text is, and it is worth skipping. */
	for (i = 0; i < len && s[i] < 0x80; i++)
		;
	if (i == len) {
		buf_add(out, in, len);
		return 0;
	}
	bad = u8_check(s, len);
	if (bad != NULL)
		return err_set("not valid UTF-8 at byte %zu", (size_t)(bad - s));
	r = u8_normalize(UNINORM_NFC, s, len, NULL, &rlen);
	if (r == NULL)
		return err_set("NFC normalization failed: %s",
		    errno == EILSEQ ? "not valid UTF-8" : strerror(errno));
	buf_add(out, r, rlen);
	free(r);
	return 0;
}

/*
 * A few recently folded characters: news text in one script repeats a small
 * alphabet, so most non-ASCII characters are folded once per call.
 */
#define FOLD_CACHE 64
struct fold_cache {
	ucs4_t uc[FOLD_CACHE];
	uint8_t len[FOLD_CACHE];
	uint8_t out[FOLD_CACHE][16];
};

/* Folds the character uc (encoded at p, n bytes) into the cache slot. */
static const uint8_t *
fold_char(struct fold_cache *fc, ucs4_t uc, const uint8_t *p, size_t n,
    size_t *outlen)
{
	unsigned slot = (uc ^ (uc >> 6)) % FOLD_CACHE;
	uint8_t tmp[64];
	uint8_t *r;
	size_t rlen = sizeof tmp;

	if (fc->uc[slot] == uc) {
		*outlen = fc->len[slot];
		return fc->out[slot];
	}
	r = u8_casefold(p, n, NULL, NULL, tmp, &rlen);
	if (r == NULL || rlen > sizeof fc->out[0]) {
		/* Cannot happen for one valid character; keep it as it is. */
		if (r != NULL && r != tmp)
			free(r);
		*outlen = n;
		return p;
	}
	memcpy(fc->out[slot], r, rlen);
	if (r != tmp)
		free(r);
	fc->uc[slot] = uc;
	fc->len[slot] = (uint8_t)rlen;
	*outlen = rlen;
	return fc->out[slot];
}

int
text_fold(const char *str, size_t len, struct text_fold *out)
{
	const uint8_t *s = (const uint8_t *)str;
	struct fold_cache fc;
	size_t cap = len + len / 4 + 16, o = 0, i = 0, k, n, flen;
	const uint8_t *f;
	uint8_t *d;
	size_t *map;
	ucs4_t uc;
	int ilen;

	memset(fc.uc, 0xFF, sizeof fc.uc);  /* no character is 0xFFFFFFFF */
	d = xmalloc(cap + 1);
	map = xreallocarray(NULL, cap + 1, sizeof *map);
	while (i < len) {
		/* Room for the longest fold of one character. */
		if (o + 16 > cap) {
			cap = cap * 2 + 16;
			d = xrealloc(d, cap + 1);
			map = xreallocarray(map, cap + 1, sizeof *map);
		}
		if (s[i] < 0x80) {
			/* The common case, without a call or a branch per letter. */
			size_t end = i + (cap - o < len - i ? cap - o : len - i);
			for (; i < end && s[i] < 0x80; i++, o++) {
				d[o] = (uint8_t)(s[i] + ((unsigned)(s[i] - 'A') < 26u ? 32 : 0));
				map[o] = i;
			}
			continue;
		}
		ilen = u8_mbtouc(&uc, s + i, len - i);
		n = (size_t)ilen;
		if (uc == 0xFFFD && (n < 3 || memcmp(s + i, replacement, 3) != 0)) {
			/* An invalid byte: keep it, so offsets still add up. */
			f = s + i;
			flen = n;
		} else
			f = fold_char(&fc, uc, s + i, n, &flen);
		for (k = 0; k < flen; k++) {
			d[o + k] = f[k];
			map[o + k] = i;
		}
		o += flen;
		i += n;
	}
	d[o] = '\0';
	map[o] = len;
	out->s = (char *)d;
	out->len = o;
	out->map = map;
	return 0;
}

void
text_fold_free(struct text_fold *f)
{
	if (f == NULL)
		return;
	free(f->s);
	free(f->map);
	f->s = NULL;
	f->map = NULL;
	f->len = 0;
}

size_t
text_standin(uint32_t uc, char out[16])
{
	if (uc < 0x20 || uc == 0x7F) {
		out[0] = '^';
		out[1] = (char)(uc ^ 0x40);   /* ESC is ^[, DEL ^? */
		out[2] = '\0';
		return 2;
	}
	return (size_t)snprintf(out, 16, "<U+%04lX>", (unsigned long)uc);
}

void
text_safe(const char *in, size_t len, int flags, struct buf *out)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t i = 0, run = 0, n, bad;
	char rep[16];

	buf_grow(out, len);
	while (i < len) {
		if (s[i] >= 0x20 && s[i] < 0x7F) {
			i++;
			continue;
		}
		if (s[i] < 0x80) {
			if ((flags & TEXT_SAFE_LINES) && (s[i] == '\n' || s[i] == '\t' ||
			    (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n'))) {
				i++;
				continue;
			}
			buf_add(out, s + run, i - run);
			buf_add(out, rep, text_standin(s[i], rep));
			run = ++i;
			continue;
		}
		n = seq_len(s + i, len - i, &bad);
		if (n == 2 && s[i] == 0xC2 && s[i + 1] < 0xA0) {
			/* U+0080..U+009F, the C1 controls (CSI, OSC, ...). */
			buf_add(out, s + run, i - run);
			buf_add(out, rep, text_standin(s[i + 1], rep));
			i += 2;
			run = i;
		} else if (n != 0) {
			i += n;
		} else {
			buf_add(out, s + run, i - run);
			buf_add(out, replacement, 3);
			i += bad;
			run = i;
		}
	}
	buf_add(out, s + run, len - run);
}
