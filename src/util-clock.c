/*
 * util-clock.c: elapsed time, for progress rates, retry delays and the
 * import's batch deadline: the monotonic clock, which a change of the
 * wall clock does not move.
 */
#include "config.h"

#include <time.h>

#include "util.h"

double
clock_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
