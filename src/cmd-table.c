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
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_feed_entry;
extern const struct cmd_entry cmd_fetch_entry;
extern const struct cmd_entry cmd_list_entry;
extern const struct cmd_entry cmd_show_entry;
extern const struct cmd_entry cmd_search_entry;
extern const struct cmd_entry cmd_annotate_entry;
extern const struct cmd_entry cmd_annotations_entry;
extern const struct cmd_entry cmd_delete_annotation_entry;
extern const struct cmd_entry cmd_tag_entry;
extern const struct cmd_entry cmd_export_entry;
extern const struct cmd_entry cmd_import_annotations_entry;
extern const struct cmd_entry cmd_actors_entry;
extern const struct cmd_entry cmd_mentions_entry;
extern const struct cmd_entry cmd_statements_entry;
extern const struct cmd_entry cmd_related_entry;
extern const struct cmd_entry cmd_report_entry;
extern const struct cmd_entry cmd_intercoder_entry;
extern const struct cmd_entry cmd_memo_entry;
extern const struct cmd_entry cmd_kb_entry;
extern const struct cmd_entry cmd_eval_entry;
extern const struct cmd_entry cmd_complete_entry;

const struct cmd_entry *const cmd_table[] = {
	&cmd_read_entry,
	&cmd_import_entry,
	&cmd_feed_entry,
	&cmd_fetch_entry,
	&cmd_list_entry,
	&cmd_show_entry,
	&cmd_search_entry,
	&cmd_actors_entry,
	&cmd_mentions_entry,
	&cmd_statements_entry,
	&cmd_related_entry,
	&cmd_kb_entry,
	&cmd_eval_entry,
	&cmd_annotate_entry,
	&cmd_annotations_entry,
	&cmd_delete_annotation_entry,
	&cmd_tag_entry,
	&cmd_report_entry,
	&cmd_intercoder_entry,
	&cmd_memo_entry,
	&cmd_export_entry,
	&cmd_import_annotations_entry,
	&cmd_check_entry,
	&cmd_backup_entry,
	&cmd_version_entry,
	&cmd_complete_entry,
	NULL,
};

const struct cmd_entry *
cmd_find(const char *name)
{
	const struct cmd_entry *const *e;

	for (e = cmd_table; *e != NULL; e++) {
		if (strcmp((*e)->spec.name, name) == 0)
			return *e;
	}
	return NULL;
}

const struct cmd_entry *
cmd_of(const struct args *a)
{
	/* spec is the entry's first member. */
	return (const struct cmd_entry *)(const void *)a->spec;
}
