/*
 * source_dir.c - a registry read from a directory in the working tree.
 *
 * Walks the tree under the root (bounded depth and file count), keeps
 * regular `*.yaml` files, skips symlinks and special files with a warning,
 * and reads each file after checking its size.  Paths are visited in
 * byte-wise sorted order so that output never depends on readdir order.
 */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "source_impl.h"
#include "util.h"

typedef struct {
	char *root;
	char **paths; /* relative, sorted */
	size_t n, cap;
} dir_impl;

static int read_file(char **out, size_t *len, govmap_src *src,
		     const char *full, const char *display,
		     govmap_diags *diags)
{
	/* O_NONBLOCK: a FIFO named govmap.yaml must not block the open (the
	 * walk skips special files, but the manifest is opened by name);
	 * it has no effect on regular files. */
	int fd = open(full, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	struct stat st;
	*out = NULL;
	if (fd < 0) {
		if (errno == ENOENT)
			return GOVMAP_ENOTFOUND;
		if (errno == ELOOP) /* O_NOFOLLOW met a symbolic link */
			govmap_diags_add(diags, GOVMAP_SEV_ERROR, display, 0, 0,
					 "io", "a symbolic link: the registry "
					 "is read from regular files only");
		else
			govmap_diags_add(diags, GOVMAP_SEV_ERROR, display, 0,
					 0, "io", "cannot open: %s",
					 strerror(errno));
		return GOVMAP_EIO;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, display, 0, 0, "io",
				 "not a regular file");
		close(fd);
		return GOVMAP_EIO;
	}
	if ((size_t)st.st_size > src->lim.max_file_bytes) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, display, 0, 0,
				 "limit-file-size",
				 "file is %lld bytes, over the limit of %zu "
				 "(raise limits.max_file_bytes in govmap.yaml "
				 "if this is intended)",
				 (long long)st.st_size, src->lim.max_file_bytes);
		close(fd);
		return GOVMAP_ELIMIT;
	}
	if (govmap__src_reserve(src, (size_t)st.st_size, display, diags) < 0) {
		close(fd);
		return GOVMAP_ELIMIT;
	}
	size_t size = (size_t)st.st_size, got = 0;
	char *buf = malloc(size + 1);
	if (!buf) {
		close(fd);
		return GOVMAP_ENOMEM;
	}
	while (got < size) {
		ssize_t r = read(fd, buf + got, size - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	if (got != size) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, display, 0, 0, "io",
				 "short read (%zu of %zu bytes)", got, size);
		free(buf);
		return GOVMAP_EIO;
	}
	buf[size] = '\0';
	*out = buf;
	*len = size;
	return GOVMAP_OK;
}

static int dir_read(char **out, size_t *len, govmap_src *src,
		    const char *path, govmap_diags *diags)
{
	dir_impl *d = src->impl;
	char *full = govmap__asprintf("%s/%s", d->root, path);
	char *display = govmap__src_display(src, path);
	int rc = GOVMAP_ENOMEM;
	if (full && display)
		rc = read_file(out, len, src, full, display, diags);
	free(full);
	free(display);
	return rc;
}

static int cmp_str(const void *a, const void *b, void *ctx)
{
	(void)ctx;
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Collect `*.yaml` paths under root/rel. */
/* "REG/sub/'name': unsafe name in the directory, skipped", as the Git
 * source says it of a tree. */
static void unsafe_name(govmap_src *src, const char *rel, const char *name,
			govmap_diags *diags)
{
	char q[128];
	char *dir = rel[0] ? govmap__src_display(src, rel) : NULL;
	govmap_diags_add(diags, GOVMAP_SEV_WARNING, NULL, 0, 0, "skip-name",
			 "%s/'%s': unsafe name in the directory, skipped",
			 dir ? dir : src->label,
			 govmap__quote(q, sizeof q, name));
	free(dir);
}

static int walk(govmap_src *src, dir_impl *d, const char *rel,
		unsigned depth, govmap_diags *diags)
{
	char *dirpath = rel[0] ? govmap__asprintf("%s/%s", d->root, rel)
			       : govmap__asprintf("%s", d->root);
	if (!dirpath)
		return GOVMAP_ENOMEM;
	DIR *dir = opendir(dirpath);
	if (!dir) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0, "io",
				 "cannot read directory %s: %s", dirpath,
				 strerror(errno));
		free(dirpath);
		return GOVMAP_EIO;
	}
	int rc = GOVMAP_OK;
	struct dirent *de;
	while (rc == GOVMAP_OK && (de = readdir(dir)) != NULL) {
		const char *name = de->d_name;
		if (name[0] == '.')
			continue; /* ., .., .git, editor files */
		char *relp = rel[0] ? govmap__asprintf("%s/%s", rel, name)
				    : govmap__asprintf("%s", name);
		char *full = govmap__asprintf("%s/%s", dirpath, name);
		struct stat st;
		/* readdir's d_type saves an lstat per file; only when the
		 * file system does not fill it in do we ask */
		int known = de->d_type == DT_REG || de->d_type == DT_DIR ||
			    de->d_type == DT_LNK;
		if (known)
			st.st_mode = de->d_type == DT_REG   ? S_IFREG
				     : de->d_type == DT_DIR ? S_IFDIR
							    : S_IFLNK;
		if (!relp || !full) {
			rc = GOVMAP_ENOMEM;
		} else if (!known && lstat(full, &st) < 0) {
			govmap_diags_add(diags, GOVMAP_SEV_WARNING, NULL, 0, 0,
					 "io", "cannot stat %s/%s: %s",
					 src->label, relp, strerror(errno));
		} else if (S_ISLNK(st.st_mode)) {
			govmap__src_note(diags, src, relp, GOVMAP_SEV_WARNING, "skip-symlink", "symbolic link skipped (the registry is read from regular files only)");
		} else if (!govmap__segment_safe(name, strlen(name))) {
			/* the Git source's rule: a directory or YAML file
			 * (or a .yml file, meant to be one) whose name holds a newline, ':', a space, an
			 * escape or a bidi control (which could forge
			 * file:line:col lines) is not read */
			if (S_ISDIR(st.st_mode) || govmap__is_yaml(name) ||
			    govmap__is_yml(name))
				unsafe_name(src, rel, name, diags);
		} else if (S_ISDIR(st.st_mode)) {
			if (depth + 1 > src->lim.max_tree_depth) {
				govmap__src_note(diags, src, relp, GOVMAP_SEV_ERROR, "limit-tree-depth", "directories nested deeper than %u",
						 src->lim.max_tree_depth);
				rc = GOVMAP_ELIMIT;
			} else {
				rc = walk(src, d, relp, depth + 1, diags);
			}
		} else if (!govmap__is_yaml(name)) {
			/* README.md and other files: not registry data; a
			 * `.yml` file was meant to be, and would be lost */
			if (S_ISREG(st.st_mode) && govmap__is_yml(name))
				govmap__src_note_yml(diags, src, relp);
		} else if (!S_ISREG(st.st_mode)) {
			govmap__src_note(diags, src, relp, GOVMAP_SEV_WARNING, "skip-special", "not a regular file, skipped");
		} else if (!rel[0] && strcmp(name, "govmap.yaml") == 0) {
			/* the manifest is read separately */
		} else if (d->n >= src->lim.max_files) {
			govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0,
					 "limit-files",
					 "more than %zu files in the registry",
					 src->lim.max_files);
			rc = GOVMAP_ELIMIT;
		} else if (govmap__grow((void **)&d->paths, &d->cap, d->n,
					sizeof(*d->paths)) < 0) {
			rc = GOVMAP_ENOMEM;
		} else {
			d->paths[d->n++] = relp;
			relp = NULL;
		}
		free(relp);
		free(full);
	}
	closedir(dir);
	free(dirpath);
	return rc;
}

static int dir_list(govmap_src *src, govmap_diags *diags)
{
	dir_impl *d = src->impl;
	int rc = walk(src, d, "", 0, diags);
	govmap_sort(d->paths, d->n, sizeof(*d->paths), cmp_str, NULL);
	src->paths = (const char **)d->paths;
	src->npaths = d->n;
	return rc;
}

static int dir_read_at(char **out, size_t *len, govmap_src *src, size_t i,
		       const char *display, govmap_diags *diags)
{
	dir_impl *d = src->impl;
	char *full = govmap__asprintf("%s/%s", d->root, d->paths[i]);
	if (!full)
		return GOVMAP_ENOMEM;
	int rc = read_file(out, len, src, full, display, diags);
	free(full);
	return rc;
}

static void dir_free(govmap_src *src)
{
	dir_impl *d = src->impl;
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++)
		free(d->paths[i]);
	free(d->paths);
	free(d->root);
	free(d);
}

static const govmap__src_ops dir_ops = {dir_read, dir_list, dir_read_at,
					 dir_free, NULL};

int govmap_src_open_dir(govmap_src **out, const char *root,
			const govmap_src_limits *lim, govmap_diags *diags)
{
	struct stat st;
	*out = NULL;
	if (stat(root, &st) < 0 || !S_ISDIR(st.st_mode)) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0,
				 "no-registry", "%s: %s", root,
				 stat(root, &st) < 0 ? strerror(errno)
						     : "not a directory");
		return GOVMAP_ENOTFOUND;
	}
	govmap_src *src = govmap__src_new(&dir_ops, lim);
	dir_impl *d = calloc(1, sizeof(*d));
	if (!src || !d) {
		free(d);
		govmap_src_free(src);
		return GOVMAP_ENOMEM;
	}
	size_t n = strlen(root);
	while (n > 1 && root[n - 1] == '/')
		n--;
	src->impl = d;
	d->root = strndup(root, n);
	src->label = strndup(root, n);
	src->revision = strdup("working tree");
	if (!d->root || !src->label || !src->revision) {
		govmap_src_free(src);
		return GOVMAP_ENOMEM;
	}
	*out = src;
	return GOVMAP_OK;
}
