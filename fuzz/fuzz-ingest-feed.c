/* fuzz-ingest-feed.c: fuzz-ingest.c for feed input. */
#define FUZZ_FORMAT INGEST_FEED
#include "ingest-target.h"
