/*
 * fuzz-kb-parse.c: arbitrary text as a dossier-kb(5) file, then resolving
 * the references between entities. A bad line must be reported and
 * skipped, never crash or leak.
 */
#include "config.h"

#include <stdint.h>

#include "kb.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
ignore(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kb *kb = kb_new();

	kb_parse(kb, "fuzz.tsv", (const char *)data, size, KB_ORIGIN_USER, ignore, NULL);
	kb_resolve(kb, ignore, NULL);
	kb_free(kb);
	return 0;
}
