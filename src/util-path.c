/*
 * util-path.c: where dossier keeps the database and configuration, where it
 * finds its data files, and the two file operations every module needs done
 * the same careful way (bounded reads, atomic writes).
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static char *
xdg_path(const char *var, const char *fallback, const char *leaf)
{
	const char *base = getenv(var), *home;

	if (base != NULL && base[0] == '/')
		return xasprintf("%s/dossier/%s", base, leaf);
	home = getenv("HOME");
	if (home == NULL || home[0] == '\0')
		home = ".";
	return xasprintf("%s/%s/dossier/%s", home, fallback, leaf);
}

char *
path_default_db(void)
{
	const char *env = getenv("DOSSIER_DB");

	if (env != NULL && env[0] != '\0')
		return xstrdup(env);
	return xdg_path("XDG_DATA_HOME", ".local/share", "dossier.db");
}

char *
path_config_file(void)
{
	return xdg_path("XDG_CONFIG_HOME", ".config", "config");
}

char *
path_config_setting(const char *name)
{
	char *path = path_config_file(), *data = NULL, *value = NULL, *line, *save = NULL;
	size_t len, n = strlen(name);

	if (path_read_file(path, (size_t)1 << 20, &data, &len) != 0) {
		err_clear();
		free(path);
		return NULL;
	}
	for (line = strtok_r(data, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
		char *w = path_trim_field(line);

		if (strncmp(w, "set", 3) != 0 || (w[3] != ' ' && w[3] != '\t'))
			continue;
		w = path_trim_field(w + 4);
		if (strncmp(w, name, n) != 0 || (w[n] != ' ' && w[n] != '\t'))
			continue;
		free(value);
		value = xstrdup(path_trim_field(w + n + 1));
	}
	free(data);
	free(path);
	return value;
}

int
path_config_number(const char *given, const char *name, long min, long max, long *out)
{
	char *conf = given == NULL ? path_config_setting(name) : NULL;
	const char *s = given != NULL ? given : conf;
	char *end;
	long v;
	int bad;

	*out = 0;
	if (s == NULL)
		return 0;
	v = strtol(s, &end, 10);
	bad = end == s || *end != '\0' || v < min || v > max;
	free(conf);
	if (bad)
		return -1;
	*out = v;
	return 0;
}

char *
path_state_file(const char *leaf)
{
	return xdg_path("XDG_STATE_HOME", ".local/state", leaf);
}

static int
is_dir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static const char *
first_dir(const char *env, const char *installed, const char *source)
{
	const char *v = getenv(env);

	if (v != NULL && v[0] != '\0')
		return v;
	if (is_dir(installed))
		return installed;
	return source;
}

const char *
path_data_dir(void)
{
	return first_dir("DOSSIER_DATADIR", DOSSIER_PKGDATADIR "/data", DOSSIER_SRCDATADIR);
}

const char *
path_theme_dir(void)
{
	return first_dir("DOSSIER_THEMEDIR", DOSSIER_PKGDATADIR "/themes", DOSSIER_SRCTHEMEDIR);
}

char *
path_data_file(const char *name)
{
	return xasprintf("%s/%s", path_data_dir(), name);
}

int
path_mkdir_private(const char *dir)
{
	char *p = xstrdup(dir), *s;
	int rc = 0;

	for (s = p + 1; ; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			rc = err_set("%s: cannot create directory: %s", p, strerror(errno));
			break;
		}
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	return rc;
}

int
path_mkdir_parent(const char *file)
{
	const char *slash = strrchr(file, '/');
	char *dir;
	int rc;

	if (slash == NULL || slash == file)
		return 0;
	dir = xstrndup(file, (size_t)(slash - file));
	rc = is_dir(dir) ? 0 : path_mkdir_private(dir);
	free(dir);
	return rc;
}

/*
 * Opens PATH for reading if it is a regular file. A FIFO would block the
 * open itself (and a reader waiting for a writer that never comes looks
 * like a hang), a device can be endless: the open does not wait
 * (O_NONBLOCK), and anything but a regular file is refused.
 */
static int
open_regular(const char *path)
{
	struct stat sb;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0) {
		err_set("%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &sb) != 0) {
		err_set("%s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	if (!S_ISREG(sb.st_mode)) {
		err_set("%s: not a regular file (%s)", path, S_ISDIR(sb.st_mode) ? "a directory" :
		    S_ISFIFO(sb.st_mode) ? "a FIFO" : S_ISSOCK(sb.st_mode) ? "a socket" : "a device");
		close(fd);
		return -1;
	}
	/* Reads of a regular file never wait; the flag goes for clarity. */
	(void)fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	return fd;
}

int
path_read_file(const char *path, size_t max, char **out, size_t *len)
{
	struct buf b;
	char chunk[65536];
	ssize_t n;
	int fd;

	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open_regular(path)) < 0)
		return -1;
	buf_init(&b);
	for (;;) {
		n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			err_set("%s: read error at byte %zu: %s", path, b.len, strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;
		if (b.len + (size_t)n > max) {
			err_set("%s: larger than the %zu-byte limit", path, max);
			goto fail;
		}
		buf_add(&b, chunk, (size_t)n);
	}
	if (fd != STDIN_FILENO)
		close(fd);
	*out = buf_detach(&b, len);
	return 0;
fail:
	if (fd != STDIN_FILENO)
		close(fd);
	buf_free(&b);
	return -1;
}

int
path_temp_beside(const char *path, char **tmp)
{
	const char *slash = strrchr(path, '/');
	int fd;

	*tmp = slash != NULL ?
	    xasprintf("%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1) :
	    xasprintf(".%s.XXXXXX", path);
	fd = mkostemp(*tmp, O_CLOEXEC);
	if (fd < 0) {
		err_set("%s: cannot write there: %s", path, strerror(errno));
		free(*tmp);
		*tmp = NULL;
	}
	return fd;
}

/* The temporary file is created by path_temp_beside, so a link planted under
 * a predictable name cannot redirect the write, and renamed over PATH,
 * which replaces a symbolic link at PATH rather than following it. */
static int
write_atomic(const char *path, const void *data, size_t len, int keep_mode)
{
	const char *p = data;
	mode_t mode = 0600;
	struct stat sb;
	char *tmp;
	ssize_t n;
	int fd;

	if (keep_mode && stat(path, &sb) == 0 && S_ISREG(sb.st_mode))
		mode = sb.st_mode & 0777;
	if ((fd = path_temp_beside(path, &tmp)) < 0)
		return -1;
	if (fchmod(fd, mode) != 0) {
		err_set("%s: cannot set the mode: %s", path, strerror(errno));
		goto fail;
	}
	while (len > 0) {
		n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			err_set("%s: write failed: %s", path, strerror(errno));
			goto fail;
		}
		p += n;
		len -= (size_t)n;
	}
	if (fsync(fd) != 0) {
		err_set("%s: fsync failed: %s", path, strerror(errno));
		goto fail;
	}
	if (close(fd) != 0) {
		fd = -1;
		err_set("%s: close failed: %s", path, strerror(errno));
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) != 0) {
		err_set("%s: cannot rename into place: %s", path, strerror(errno));
		goto fail;
	}
	free(tmp);
	return 0;
fail:
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	return -1;
}

int
path_write_atomic(const char *path, const void *data, size_t len)
{
	return write_atomic(path, data, len, 1);
}

int
path_write_private(const char *path, const void *data, size_t len)
{
	return write_atomic(path, data, len, 0);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
path_list_dir(const char *dir, const char *suffix, char ***names, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t len, k = strlen(suffix);

	*names = NULL;
	*n = 0;
	if (d == NULL)
		return err_set("%s: %s", dir, strerror(errno));
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len <= k || strcmp(de->d_name + len - k, suffix) != 0)
			continue;
		*names = xreallocarray(*names, *n + 1, sizeof **names);
		(*names)[(*n)++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (*n > 1)
		qsort(*names, *n, sizeof **names, by_name);
	return 0;
}

char *
path_trim_field(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

#define SECTIONS_MAX_FILE ((size_t)4 * 1024 * 1024)

int
path_read_sections(const char *path, path_section_line_fn *fn, void *arg)
{
	char *text = NULL, *line, *next, *l, *section = NULL, *close;
	unsigned lineno = 0;
	size_t len;
	int rc = 0;

	if (path_read_file(path, SECTIONS_MAX_FILE, &text, &len) != 0)
		return -1;
	for (line = text; line != NULL && rc == 0; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		lineno++;
		l = path_trim_field(line);
		if (*l == '\0' || *l == '#')
			continue;
		if (*l == '[') {
			if ((close = strchr(l, ']')) == NULL || close[1] != '\0') {
				rc = err_set("%s:%u: expected [section]", path, lineno);
				continue;
			}
			*close = '\0';
			section = l + 1;
			continue;
		}
		rc = fn(arg, path, lineno, section, l);
	}
	free(text);
	return rc;
}
