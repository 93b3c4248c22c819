/* fuzz-ingest-html.c: fuzz-ingest.c for html input. */
#define FUZZ_FORMAT INGEST_HTML
#include "ingest-target.h"
