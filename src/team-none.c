/*
 * team-none.c: the team functions of a dossier built without libpq: each
 * says, in one line, that this build cannot reach a team's server.
 */
#include "config.h"

#include <string.h>

#include "team.h"
#include "util.h"

#define NO_LIBPQ "this dossier was built without PostgreSQL (libpq): install libpq-dev " \
	"and build it again to work with a team"

int
team_available(void)
{
	return 0;
}

int
team_init(const char *url, int *from, int *to)
{
	(void)url;
	*from = *to = 0;
	return err_set(NO_LIBPQ);
}

int
team_join(struct store *st, const char *url, char **coder, int *pw_given)
{
	(void)st;
	(void)url;
	*coder = NULL;
	*pw_given = 0;
	return err_set(NO_LIBPQ);
}

void
team_status_free(struct team_status *s)
{
	memset(s, 0, sizeof *s);
}

int
team_status_get(struct store *st, struct team_status *out)
{
	(void)st;
	memset(out, 0, sizeof *out);
	return err_set(NO_LIBPQ);
}

void
team_sync_summary_free(struct team_sync_summary *s)
{
	memset(s, 0, sizeof *s);
}

int
team_sync(struct store *st, struct team_sync_summary *sum)
{
	(void)st;
	memset(sum, 0, sizeof *sum);
	return err_set(NO_LIBPQ);
}
