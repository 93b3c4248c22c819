/*
 * fuzz-text-utf8.c: arbitrary bytes through UTF-8 repair, NFC and case
 * folding. Invariants: repair yields valid UTF-8; the fold map is monotonic
 * and ends at the original length.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <unistr.h>

#include "text.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct text_utf8_report rep;
	struct text_fold fold;
	struct buf clean, nfc;
	size_t i;

	buf_init(&clean);
	buf_init(&nfc);
	text_utf8_repair((const char *)data, size, &clean, &rep);
	if (clean.len > 0 && u8_check((const uint8_t *)clean.data, clean.len) != NULL)
		abort();
	if (text_nfc(clean.data ? clean.data : "", clean.len, &nfc) == 0 &&
	    text_fold(nfc.data ? nfc.data : "", nfc.len, &fold) == 0) {
		for (i = 0; i < fold.len; i++) {
			if (fold.map[i] > fold.map[i + 1])
				abort();
		}
		if (fold.map[fold.len] != nfc.len)
			abort();
		text_fold_free(&fold);
	}
	buf_free(&clean);
	buf_free(&nfc);
	return 0;
}
