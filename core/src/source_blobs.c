/*
 * source_blobs.c - registry files as Git blobs: the sorted list and the
 * bounded read shared by source_git.c (a revision) and source_index.c
 * (the staged index).  It decides nothing about which tree entries are
 * registry files: the callers walk their trees or indexes.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "source_blobs.h"
#include "util.h"

void govmap__git_fail(govmap_diags *diags, const char *file,
		      const char *what)
{
	const git_error *e = git_error_last();
	const char *m = e && e->message ? e->message : "unknown error";
	if (file)
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, file, 0, 0, "git",
				 "%s", m);
	else
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0, "git",
				 "%s: %s", what, m);
}

void govmap__blobs_init(govmap__blobs *b)
{
	memset(b, 0, sizeof(*b));
	pthread_mutex_init(&b->lock, NULL);
}

int govmap__blobs_add(govmap__blobs *b, govmap_src *src, const char *path,
		      const git_oid *oid, govmap_diags *diags)
{
	if (b->n >= src->lim.max_files) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0,
				 "limit-files",
				 "more than %zu files in the registry",
				 src->lim.max_files);
		return GOVMAP_ELIMIT;
	}
	if (govmap__grow((void **)&b->files, &b->cap, b->n,
			 sizeof(*b->files)) < 0 ||
	    !(b->files[b->n].path = govmap__arena_strdup(&b->arena, path)))
		return GOVMAP_ENOMEM;
	git_oid_cpy(&b->files[b->n].oid, oid);
	b->n++;
	return GOVMAP_OK;
}

static int cmp_file(const void *a, const void *b, void *ctx)
{
	(void)ctx;
	return strcmp(((const govmap__blob_file *)a)->path,
		      ((const govmap__blob_file *)b)->path);
}

int govmap__blobs_publish(govmap__blobs *b, govmap_src *src)
{
	govmap_sort(b->files, b->n, sizeof(*b->files), cmp_file, NULL);
	free(b->paths);
	b->paths = malloc((b->n ? b->n : 1) * sizeof(*b->paths));
	if (!b->paths)
		return GOVMAP_ENOMEM;
	for (size_t i = 0; i < b->n; i++)
		b->paths[i] = b->files[i].path;
	src->paths = b->paths;
	src->npaths = b->n;
	return GOVMAP_OK;
}

static int read_locked(char **out, size_t *len, govmap_src *src,
		       govmap__blobs *b, const git_oid *oid,
		       const char *display, govmap_diags *diags)
{
	size_t size;
	git_object_t type;
	git_blob *blob;
	if (git_odb_read_header(&size, &type, b->odb, oid) < 0) {
		govmap__git_fail(diags, display, NULL);
		return GOVMAP_EIO;
	}
	if (type != GIT_OBJECT_BLOB) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, display, 0, 0, "git",
				 "not a blob");
		return GOVMAP_EIO;
	}
	if (size > src->lim.max_file_bytes) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, display, 0, 0,
				 "limit-file-size",
				 "file is %zu bytes, over the limit of %zu "
				 "(raise limits.max_file_bytes in govmap.yaml "
				 "if this is intended)",
				 size, src->lim.max_file_bytes);
		return GOVMAP_ELIMIT;
	}
	if (govmap__src_reserve(src, size, display, diags) < 0)
		return GOVMAP_ELIMIT;
	if (git_blob_lookup(&blob, b->repo, oid) < 0) {
		govmap__git_fail(diags, display, NULL);
		return GOVMAP_EIO;
	}
	size_t n = (size_t)git_blob_rawsize(blob);
	char *buf = malloc(n + 1);
	if (!buf) {
		git_blob_free(blob);
		return GOVMAP_ENOMEM;
	}
	memcpy(buf, git_blob_rawcontent(blob), n);
	buf[n] = '\0';
	git_blob_free(blob);
	*out = buf;
	*len = n;
	return GOVMAP_OK;
}

int govmap__blob_read(char **out, size_t *len, govmap_src *src,
		      govmap__blobs *b, const git_oid *oid,
		      const char *display, govmap_diags *diags)
{
	*out = NULL;
	pthread_mutex_lock(&b->lock);
	int rc = read_locked(out, len, src, b, oid, display, diags);
	pthread_mutex_unlock(&b->lock);
	return rc;
}

int govmap__blobs_id(const govmap__blobs *b, size_t i, unsigned char id[20])
{
	if (i >= b->n)
		return -1;
	memcpy(id, b->files[i].oid.id, 20);
	return 0;
}

void govmap__blobs_free(govmap__blobs *b)
{
	govmap__arena_free(&b->arena);
	free(b->files);
	free(b->paths);
	pthread_mutex_destroy(&b->lock);
	memset(b, 0, sizeof(*b));
}
