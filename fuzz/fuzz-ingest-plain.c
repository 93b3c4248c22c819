/* fuzz-ingest-plain.c: fuzz-ingest.c for plain input. */
#define FUZZ_FORMAT INGEST_TEXT
#include "ingest-target.h"
