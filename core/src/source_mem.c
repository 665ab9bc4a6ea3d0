/*
 * source_mem.c - a registry held in memory: the files a caller gives
 * (tests, fuzzers, an editor's unsaved buffers), copied at open.
 *
 * The same rules as the directory source: only `*.yaml` files whose path
 * segments are safe are listed (the rest are skipped with a warning),
 * byte-wise sorted, read under the same size limits.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "source_impl.h"
#include "util.h"

typedef struct {
	char *path; /* malloc'd */
	char *data; /* malloc'd, NUL at [len] */
	size_t len;
} mem_file;

typedef struct {
	mem_file manifest; /* path NULL when absent */
	mem_file *files;   /* sorted by path */
	const char **paths;
	size_t n;
} mem_impl;

static char *dup_n(const char *p, size_t n)
{
	char *s = malloc(n + 1);
	if (s) {
		if (n)
			memcpy(s, p, n);
		s[n] = '\0';
	}
	return s;
}

static int give(char **out, size_t *len, govmap_src *src, const mem_file *f,
		const char *display, govmap_diags *diags)
{
	*out = NULL;
	if (f->len > src->lim.max_file_bytes) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, display, 0, 0,
				 "limit-file-size",
				 "file is %zu bytes, over the limit of %zu "
				 "(raise limits.max_file_bytes in govmap.yaml "
				 "if this is intended)",
				 f->len, src->lim.max_file_bytes);
		return GOVMAP_ELIMIT;
	}
	if (govmap__src_reserve(src, f->len, display, diags) < 0)
		return GOVMAP_ELIMIT;
	if (!(*out = dup_n(f->data, f->len)))
		return GOVMAP_ENOMEM;
	*len = f->len;
	return GOVMAP_OK;
}

static int mem_read(char **out, size_t *len, govmap_src *src,
		    const char *path, govmap_diags *diags)
{
	mem_impl *m = src->impl;
	*out = NULL;
	if (strcmp(path, "govmap.yaml") != 0 || !m->manifest.path)
		return GOVMAP_ENOTFOUND;
	char *display = govmap__src_display(src, path);
	int rc = display ? give(out, len, src, &m->manifest, display, diags)
			 : GOVMAP_ENOMEM;
	free(display);
	return rc;
}

static int mem_list(govmap_src *src, govmap_diags *diags)
{
	mem_impl *m = src->impl;
	(void)diags;
	src->paths = m->paths;
	src->npaths = m->n;
	return GOVMAP_OK;
}

static int mem_read_at(char **out, size_t *len, govmap_src *src, size_t i,
		       const char *display, govmap_diags *diags)
{
	mem_impl *m = src->impl;
	return give(out, len, src, &m->files[i], display, diags);
}

static void mem_free(govmap_src *src)
{
	mem_impl *m = src->impl;
	if (!m)
		return;
	free(m->manifest.path);
	free(m->manifest.data);
	for (size_t i = 0; i < m->n; i++) {
		free(m->files[i].path);
		free(m->files[i].data);
	}
	free(m->files);
	free(m->paths);
	free(m);
}

static const govmap__src_ops mem_ops = {mem_read, mem_list, mem_read_at,
					mem_free, NULL};

/* Every segment of a relative path safe (source_impl.h), and a .yaml
 * file name at the end. */
static int path_ok(const char *p)
{
	if (!p || !*p || !govmap__is_yaml(p))
		return 0;
	for (const char *s = p;;) {
		const char *slash = strchr(s, '/');
		size_t n = slash ? (size_t)(slash - s) : strlen(s);
		if (!govmap__segment_safe(s, n))
			return 0;
		if (!slash)
			return 1;
		s = slash + 1;
	}
}

static int cmp_file(const void *a, const void *b, void *ctx)
{
	(void)ctx;
	return strcmp(((const mem_file *)a)->path, ((const mem_file *)b)->path);
}

int govmap_src_open_memory(govmap_src **out, const govmap_mem_file *files,
			   size_t n, const char *label,
			   const govmap_src_limits *lim, govmap_diags *diags)
{
	*out = NULL;
	govmap_src *src = govmap__src_new(&mem_ops, lim);
	mem_impl *m = calloc(1, sizeof(*m));
	if (!src || !m) {
		free(m);
		govmap_src_free(src);
		return GOVMAP_ENOMEM;
	}
	src->impl = m;
	src->label = strdup(label && *label ? label : "mem");
	src->revision = strdup("files in memory");
	m->files = calloc(n ? n : 1, sizeof(*m->files));
	m->paths = calloc(n ? n : 1, sizeof(*m->paths));
	int ok = src->label && src->revision && m->files && m->paths;
	for (size_t i = 0; ok && i < n; i++) {
		const govmap_mem_file *f = &files[i];
		if (f->path && strcmp(f->path, "govmap.yaml") == 0) {
			if (m->manifest.path)
				continue; /* the first one counts */
			m->manifest.path = strdup(f->path);
			m->manifest.data = dup_n(f->data ? f->data : "",
						 f->data ? f->len : 0);
			m->manifest.len = f->data ? f->len : 0;
			ok = m->manifest.path && m->manifest.data;
			continue;
		}
		if (!path_ok(f->path)) {
			char shown[96];
			govmap_diags_add(diags, GOVMAP_SEV_WARNING, src->label,
					 0, 0, "skipped",
					 "skipped %s: only *.yaml files with "
					 "safe names are read",
					 govmap__quote(shown, sizeof shown,
						       f->path ? f->path
							       : "(no name)"));
			continue;
		}
		if (m->n >= src->lim.max_files) {
			govmap_diags_add(diags, GOVMAP_SEV_ERROR, src->label,
					 0, 0, "limit-files",
					 "more than %zu files",
					 src->lim.max_files);
			break;
		}
		mem_file *d = &m->files[m->n];
		d->path = strdup(f->path);
		d->data = dup_n(f->data ? f->data : "", f->data ? f->len : 0);
		d->len = f->data ? f->len : 0;
		ok = d->path && d->data;
		if (ok)
			m->n++;
		else {
			free(d->path);
			free(d->data);
		}
	}
	if (!ok) {
		govmap_src_free(src);
		return GOVMAP_ENOMEM;
	}
	govmap_sort(m->files, m->n, sizeof(*m->files), cmp_file, NULL);
	for (size_t i = 0; i < m->n; i++)
		m->paths[i] = m->files[i].path;
	*out = src;
	return GOVMAP_OK;
}
