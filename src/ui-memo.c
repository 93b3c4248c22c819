/*
 * ui-memo.c: memos in the reader. `:memo` opens the memo of the open
 * article (or, with none open, the project's) in the note editor;
 * `:memo project` the project's, `:memo tag NAME` the tag's. A target
 * with several memos (written with `dossier memo add`) opens its first;
 * the others are the shell's `memo` command's. Emptying a memo removes
 * it. A memo records the coder of the annotation session.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#define DOSSIER_UI_INTERNAL
#include "anno.h"
#include "store.h"
#include "ui.h"

/* The memo being written: an existing one (id set) or a new one on its
 * target. */
struct memo_job {
	struct store_memo m;
	char *what;              /* "article 3", "the project", "tag claim" */
};

static void
memo_job_free(void *arg)
{
	struct memo_job *j = arg;

	store_memo_free(&j->m);
	free(j->what);
	free(j);
}

static int
memo_save(struct ui *ui, void *arg, const char *text, const char *orig)
{
	struct memo_job *j = arg;
	const char *coder = anno_session_coder(ui->anno->s);
	int rc;

	(void)orig;
	if (text[0] == '\0') {
		if (j->m.id != 0 && store_memo_delete(ui->st, j->m.id) < 0)
			return -1;
		ui_message(ui, "memo on %s removed", j->what);
		j->m.id = 0;
		j->m.guid[0] = '\0';
		return 0;
	}
	free(j->m.text);
	j->m.text = xstrdup(text);
	if (j->m.title == NULL)
		j->m.title = xstrdup("");
	if (j->m.coder == NULL && coder != NULL)
		j->m.coder = xstrdup(coder);
	if ((rc = store_memo_put(ui->st, &j->m, 0)) == 0)
		ui_message(ui, "memo %lld saved on %s", (long long)j->m.id, j->what);
	return rc;
}

/* The first memo on the target in J (kind and target set) into J->m,
 * keeping the target when there is none. */
static int
memo_find(struct ui *ui, struct memo_job *j)
{
	struct store_memo_filter f = { .kind = (int)j->m.kind, .target = j->m.target };
	struct store_memo *rows;
	size_t n, i;

	if (store_memo_list(ui->st, &f, &rows, &n) != 0)
		return -1;
	if (n > 0) {
		j->m = rows[0];
		for (i = 1; i < n; i++)
			store_memo_free(&rows[i]);
		free(rows);
		return 0;
	}
	free(rows);
	return 0;
}

int
ui_memo_command(struct ui *ui, int argc, char **argv, const char *rest)
{
	struct ui_text_save t;
	struct memo_job *j;
	struct store_tag tag;
	int64_t article = ui_article_id(ui);
	int rc;

	if (!ui->live)
		return err_set("memo only works in the reader");
	if (ui->anno->s == NULL)
		return err_set("%s", ui->anno->disabled);
	j = xcalloc(1, sizeof *j);
	if (argc > 1 && strcmp(argv[1], "tag") == 0) {
		const char *name = rest + strlen("tag");

		while (*name == ' ' || *name == '\t')
			name++;
		if (*name == '\0') {
			memo_job_free(j);
			return err_set("usage: memo tag NAME");
		}
		if ((rc = store_tag_find(ui->st, name, &tag)) != 0) {
			memo_job_free(j);
			return rc < 0 ? -1 : err_set("no tag '%s'", name);
		}
		j->m.kind = STORE_MEMO_TAG;
		j->m.target = tag.id;
		j->what = xasprintf("tag %s", tag.name);
		store_tag_free(&tag);
	} else if (argc > 1 && (strcmp(argv[1], "project") != 0 || argc > 2)) {
		memo_job_free(j);
		return err_set("usage: memo [project | tag NAME]");
	} else if (argc == 1 && article != 0) {
		j->m.kind = STORE_MEMO_ARTICLE;
		j->m.target = article;
		j->what = xasprintf("article %lld", (long long)article);
	} else {
		j->m.kind = STORE_MEMO_PROJECT;
		j->what = xstrdup("the project");
	}
	if (memo_find(ui, j) != 0) {
		memo_job_free(j);
		return -1;
	}
	memset(&t, 0, sizeof t);
	t.title = xasprintf("Memo on %s", j->what);
	t.save = memo_save;
	t.arg = j;
	t.free = memo_job_free;
	ui_note_edit(ui, &t, xstrdup(j->m.text != NULL ? j->m.text : ""));
	return 0;
}
