/*
 * store-hash.c: the content hash that makes re-importing an article a
 * no-op. SHA-256 (FIPS 180-4), so that two different articles never share
 * a hash in practice and the UNIQUE index on articles.hash can be trusted
 * to mean "same text". OpenSSL's libcrypto computes it: every article's
 * text passes through here once, and its implementation uses the
 * processor's SHA instructions where there are some (about ten times a
 * portable C version, which took a sixth of an import's instructions).
 */
#include "config.h"

#include <openssl/evp.h>

#include "store.h"
#include "util.h"

void
store_sha256_init(struct store_sha256 *s)
{
	if ((s->ctx = EVP_MD_CTX_new()) == NULL ||
	    EVP_DigestInit_ex(s->ctx, EVP_sha256(), NULL) != 1)
		die_oom(0);	/* libcrypto fails only when it cannot allocate */
}

void
store_sha256_add(struct store_sha256 *s, const void *data, size_t len)
{
	if (len > 0 && EVP_DigestUpdate(s->ctx, data, len) != 1)
		die_oom(0);
}

void
store_sha256_hex(struct store_sha256 *s, char out[65])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0;
	size_t i;

	if (EVP_DigestFinal_ex(s->ctx, md, &n) != 1 || n != 32)
		die_oom(0);
	EVP_MD_CTX_free(s->ctx);
	s->ctx = NULL;
	for (i = 0; i < 32; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 15];
	}
	out[64] = '\0';
}
