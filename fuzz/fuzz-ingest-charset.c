/*
 * fuzz-ingest-charset.c: HTML pages that declare a character set, read as
 * `dossier import` reads them (ingest-target.h: decoded from the declared
 * set, parsed, cleaned, with its invariants). The input's first byte picks
 * the declared set from a list of those pages use (and a few that must not
 * be honoured: UTF-7, EBCDIC, UTF-16, an unknown name); the rest of the
 * input is the page after its <meta charset>, so its bytes are whatever
 * that set may or may not define.
 */
#define FUZZ_FORMAT INGEST_HTML
#define FUZZ_OWN_INPUT
#include "ingest-target.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const charsets[] = {
	"windows-1252", "iso-8859-1", "iso-8859-2", "windows-1251", "koi8-r", "windows-1256",
	"iso-8859-7", "shift_jis", "euc-jp", "iso-2022-jp", "gb18030", "gbk", "big5", "euc-kr",
	"utf-8", "utf-7", "utf-16", "ibm037", "no-such-charset", "tis-620",
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf page;

	if (size == 0)
		return 0;
	buf_init(&page);
	buf_printf(&page, "<html><head><meta charset=\"%s\">",
	    charsets[data[0] % ARRAY_LEN(charsets)]);
	buf_add(&page, data + 1, size - 1);
	fuzz_ingest(INGEST_HTML, page.data, page.len);
	buf_free(&page);
	return 0;
}
