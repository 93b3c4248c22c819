/*
 * cmd-table.c: the list of subcommands, in the order --help shows them.
 * A new command adds its entry here and its file to mk/<module>.am.
 */
#include "config.h"

#include <string.h>

#include "cmd.h"

extern const struct cmd_entry cmd_backup_entry;
extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_read_entry;
extern const struct cmd_entry cmd_version_entry;

const struct cmd_entry *const cmd_table[] = {
	&cmd_read_entry,
	&cmd_check_entry,
	&cmd_backup_entry,
	&cmd_version_entry,
	NULL,
};

const struct cmd_entry *
cmd_find(const char *name)
{
	const struct cmd_entry *const *e;

	for (e = cmd_table; *e != NULL; e++) {
		if (strcmp((*e)->name, name) == 0)
			return *e;
	}
	return NULL;
}
