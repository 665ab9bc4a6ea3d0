/*
 * source_blobs.c - registry files as Git blobs: the sorted list and the
 * bounded read shared by source_git.c (a revision) and source_index.c
 * (the staged index).  It decides nothing about which tree entries are
 * registry files: the callers walk their trees or indexes.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
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

/* The commits behind `o` on its first-parent line, up to `cap`. */
static size_t commits_behind(git_object *o, size_t cap)
{
	git_commit *c = NULL, *p;
	if (git_object_peel((git_object **)&c, o, GIT_OBJECT_COMMIT) < 0)
		return 0;
	size_t n = 0;
	while (n < cap && git_commit_parentcount(c) > 0 &&
	       git_commit_parent(&p, c, 0) == 0) {
		git_commit_free(c);
		c = p;
		n++;
	}
	git_commit_free(c);
	return n;
}

void govmap__git_rev_unknown(govmap_diags *diags, git_repository *repo,
			     const char *rev)
{
	char q[128], base[128], near[128] = "", remote[128] = "";
	size_t bl = strcspn(rev, "~^");
	govmap__quote(q, sizeof q, rev);
	if (git_repository_head_unborn(repo) == 1) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0, "rev",
				 "unknown revision '%s': the repository has "
				 "no commit yet",
				 q);
		return;
	}
	git_object *o = NULL;
	/* the name before any ~N or ^N */
	if (bl && bl < sizeof base) {
		memcpy(base, rev, bl);
		base[bl] = '\0';
	} else
		bl = 0;
	if (rev[bl] && bl) {
		/* the base exists: the ~N or ^N goes past its history */
		if (git_revparse_single(&o, repo, base) == 0) {
			size_t n = commits_behind(o, 1000000);
			git_object_free(o);
			char qb[128];
			govmap__quote(qb, sizeof qb, base);
			govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0,
					 "rev",
					 "unknown revision '%s': '%s' has %s%zu "
					 "commit%s before it on its first-parent "
					 "line",
					 q, qb, n ? "only " : "", n,
					 n == 1 ? "" : "s");
			return;
		}
	}
	/* a branch or tag name a letter or two off */
	if (bl) {
		git_reference_iterator *it = NULL;
		git_reference *ref;
		size_t best = 3, seen = 0;
		if (git_reference_iterator_new(&it, repo) == 0) {
			while (seen++ < 10000 && git_reference_next(&ref, it) == 0) {
				const char *sh = git_reference_shorthand(ref);
				size_t d = sh && strlen(sh) < sizeof near
						   ? govmap__edit_distance(base, sh,
									  best)
						   : best;
				/* one letter off in a short name, two in a
				 * longer one (a swap, "mian", is two) */
				if (d < best && (d < 2 || strlen(base) >= 4)) {
					best = d;
					snprintf(near, sizeof near, "%s", sh);
				}
				/* "origin/main" where only "main" is: the
				 * remote was never fetched */
				const char *sl = strchr(base, '/');
				if (sh && sl && !remote[0] && !strcmp(sl + 1, sh) &&
				    strlen(sh) < sizeof remote)
					snprintf(remote, sizeof remote, "%s", sh);
				git_reference_free(ref);
			}
			git_reference_iterator_free(it);
		}
	}
	if (!near[0] && remote[0]) {
		char qr[128], qb[128];
		govmap__quote(qr, sizeof qr, remote);
		govmap__quote(qb, sizeof qb, base);
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0, "rev",
				 "unknown revision '%s': this repository has no "
				 "branch '%s' (fetch it with git fetch, or "
				 "use the local branch '%s')",
				 q, qb, qr);
	} else if (near[0]) {
		char qn[128], tail[128];
		govmap__quote(qn, sizeof qn, near);
		snprintf(tail, sizeof tail, "%s", rev + bl);
		char qt[128];
		govmap__quote(qt, sizeof qt, tail);
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0, "rev",
				 "unknown revision '%s' (did you mean '%s%s'?)",
				 q, qn, qt);
	} else
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0, "rev",
				 "unknown revision '%s'", q);
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
