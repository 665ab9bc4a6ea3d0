/*
 * source_index.c - a registry read from Git's index: the files as staged
 * for the next commit (what a pre-commit hook must check), not as they
 * are in the working tree.
 *
 * Follows source_git.c's rules, because index entries are as untrusted
 * as tree entries: only regular `*.yaml` blobs under the registry root
 * are read; every path segment must be a safe name; symlinks, submodules
 * and unsafe names are skipped with a warning, conflicted (unmerged)
 * entries are errors; depth and entry count are bounded; blob sizes are
 * checked with git_odb_read_header before a blob is inflated.  It never
 * writes the index or the working tree.
 */
#define _XOPEN_SOURCE 700
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <git2.h>

#include "source_blobs.h"
#include "source_impl.h"
#include "util.h"
#include "vcs_impl.h"

typedef struct {
	git_repository *repo;
	git_odb *odb;
	git_index *index;
	char *rel; /* the registry root in the repository */
	govmap__blobs blobs; /* the registry's staged files; its lock also
				guards the index */
} index_impl;

static int is_regular(uint32_t mode)
{
	return mode == GIT_FILEMODE_BLOB ||
	       mode == GIT_FILEMODE_BLOB_EXECUTABLE;
}

/* The path inside the registry root of an index path, or NULL when the
 * entry lies outside the root. */
static const char *under_root(const index_impl *x, const char *path)
{
	size_t n = strlen(x->rel);
	if (!n)
		return path;
	if (strncmp(path, x->rel, n) != 0 || path[n] != '/')
		return NULL;
	return path + n + 1;
}

static int index_read(char **out, size_t *len, govmap_src *src,
		      const char *path, govmap_diags *diags)
{
	index_impl *x = src->impl;
	*out = NULL;
	char *full = x->rel[0] ? govmap__asprintf("%s/%s", x->rel, path)
			       : govmap__asprintf("%s", path);
	char *display = govmap__src_display(src, path);
	int rc = GOVMAP_ENOMEM;
	if (full && display) {
		git_oid oid;
		uint32_t mode = 0;
		pthread_mutex_lock(&x->blobs.lock);
		const git_index_entry *e =
			git_index_get_bypath(x->index, full, 0);
		if (e) {
			git_oid_cpy(&oid, &e->id);
			mode = e->mode;
		}
		pthread_mutex_unlock(&x->blobs.lock);
		if (!e)
			rc = GOVMAP_ENOTFOUND;
		else if (!is_regular(mode)) {
			govmap_diags_add(diags, GOVMAP_SEV_ERROR, display, 0, 0,
					 "git",
					 "not a regular file in the index");
			rc = GOVMAP_EIO;
		} else {
			rc = govmap__blob_read(out, len, src, &x->blobs, &oid,
					       display, diags);
		}
	}
	free(full);
	free(display);
	return rc;
}

/* 0 when every segment of `rel` is a safe name and it is not too deep;
 * else the length of the prefix up to and including the first bad
 * segment (so that one warning covers a whole bad folder), or -1 when
 * it is too deep. */
static long bad_prefix(const char *rel, unsigned max_depth)
{
	unsigned depth = 0;
	const char *seg = rel;
	for (;;) {
		const char *slash = strchr(seg, '/');
		size_t len = slash ? (size_t)(slash - seg) : strlen(seg);
		if (!govmap__segment_safe(seg, len))
			return (long)(seg - rel + len);
		if (!slash)
			return 0;
		if (++depth > max_depth)
			return -1;
		seg = slash + 1;
	}
}

static int index_list(govmap_src *src, govmap_diags *diags)
{
	index_impl *x = src->impl;
	size_t count = git_index_entrycount(x->index), seen = 0;
	char *skipped = NULL; /* the last folder warned about */
	char q[128];
	int rc = GOVMAP_OK;
	for (size_t i = 0; i < count && rc == GOVMAP_OK; i++) {
		const git_index_entry *e = git_index_get_byindex(x->index, i);
		const char *rel = e ? under_root(x, e->path) : NULL;
		if (!rel)
			continue;
		if (++seen > src->lim.max_files * 2) {
			govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0,
					 "limit-tree-entries",
					 "%s: more than %zu index entries",
					 src->label, src->lim.max_files * 2);
			rc = GOVMAP_ELIMIT;
			break;
		}
		if (skipped && strncmp(rel, skipped, strlen(skipped)) == 0 &&
		    rel[strlen(skipped)] == '/')
			continue;
		const char *name = strrchr(rel, '/');
		name = name ? name + 1 : rel;
		long bad = bad_prefix(rel, src->lim.max_tree_depth);
		if (bad < 0) {
			govmap__src_note(diags, src, rel, GOVMAP_SEV_ERROR,
					 "limit-tree-depth",
					 "folders nested deeper than %u",
					 src->lim.max_tree_depth);
			rc = GOVMAP_ELIMIT;
			break;
		}
		if (bad > 0) {
			/* a dot file of the registry's own (.gitignore) is no
			 * attempt to smuggle anything in */
			if (name[0] == '.' && (size_t)bad == strlen(rel) &&
			    is_regular(e->mode))
				continue;
			free(skipped);
			skipped = strndup(rel, (size_t)bad);
			govmap_diags_add(
				diags, GOVMAP_SEV_WARNING, NULL, 0, 0,
				"skip-name",
				"%s/'%s': unsafe name in the index, "
				"skipped",
				src->label,
				govmap__quote(q, sizeof q,
					      skipped ? skipped : rel));
			continue;
		}
		if (GIT_INDEX_ENTRY_STAGE(e) > 0) {
			const git_index_entry *prev =
				i ? git_index_get_byindex(x->index, i - 1)
				  : NULL;
			if (!prev || strcmp(prev->path, e->path) != 0)
				govmap__src_note(diags, src, rel,
						 GOVMAP_SEV_ERROR, "unmerged",
						 "unmerged (a merge conflict "
						 "is not resolved): resolve it "
						 "and stage the file");
			continue;
		}
		if (e->flags_extended & GIT_INDEX_ENTRY_INTENT_TO_ADD)
			continue; /* `git add -N`: nothing staged yet */
		if (e->mode == GIT_FILEMODE_LINK) {
			govmap__src_note(diags, src, rel, GOVMAP_SEV_WARNING,
					 "skip-symlink",
					 "symbolic link skipped (the registry "
					 "is read from regular files only)");
			continue;
		}
		if (e->mode == GIT_FILEMODE_COMMIT) {
			govmap__src_note(diags, src, rel, GOVMAP_SEV_WARNING,
					 "skip-submodule", "submodule skipped");
			continue;
		}
		/* not under a dot folder (.github/workflows/x.yml, where the
		 * registry is the repository's root): the directory source
		 * does not look there either */
		if (is_regular(e->mode) && govmap__is_yml(name) &&
		    rel[0] != '.' && !strstr(rel, "/."))
			govmap__src_note_yml(diags, src, rel);
		if (!is_regular(e->mode) || !govmap__is_yaml(name) ||
		    strcmp(rel, "govmap.yaml") == 0)
			continue;
		rc = govmap__blobs_add(&x->blobs, src, rel, &e->id, diags);
	}
	free(skipped);
	int prc = govmap__blobs_publish(&x->blobs, src);
	return prc != GOVMAP_OK ? prc : rc;
}

static int index_read_at(char **out, size_t *len, govmap_src *src, size_t i,
			 const char *display, govmap_diags *diags)
{
	index_impl *x = src->impl;
	return govmap__blob_read(out, len, src, &x->blobs,
				 &x->blobs.files[i].oid, display, diags);
}

static void index_impl_free(govmap_src *src)
{
	index_impl *x = src->impl;
	if (!x)
		return;
	govmap__blobs_free(&x->blobs);
	free(x->rel);
	git_index_free(x->index);
	git_odb_free(x->odb);
	git_repository_free(x->repo);
	free(x);
	git_libgit2_shutdown();
}

static int index_blob_id(const govmap_src *src, size_t i,
			 unsigned char id[20])
{
	const index_impl *x = src->impl;
	return govmap__blobs_id(&x->blobs, i, id);
}

static const govmap__src_ops index_ops = {index_read, index_list, index_read_at,
					  index_impl_free, index_blob_id};

int govmap_src_open_index(govmap_src **out, const char *root,
			  const govmap_src_limits *lim, govmap_diags *diags)
{
	*out = NULL;
	govmap_src *src = govmap__src_new(&index_ops, lim);
	index_impl *x = calloc(1, sizeof(*x));
	if (!src || !x) {
		free(x);
		govmap_src_free(src);
		return GOVMAP_ENOMEM;
	}
	git_libgit2_init();
	govmap__blobs_init(&x->blobs);
	src->impl = x;
	int rc = govmap__git_open(&x->repo, &x->rel, root, diags);
	if (rc != GOVMAP_OK)
		goto fail;
	rc = GOVMAP_EIO;
	if (git_repository_odb(&x->odb, x->repo) < 0) {
		govmap__git_fail(diags, NULL, "cannot open the object database");
		goto fail;
	}
	x->blobs.repo = x->repo;
	x->blobs.odb = x->odb;
	/* Git points hooks at the index being committed (a temporary one
	 * for `git commit -a` or `git commit PATH`) with GIT_INDEX_FILE */
	const char *env = getenv("GIT_INDEX_FILE");
	if ((env && *env ? git_index_open(&x->index, env)
			 : git_repository_index(&x->index, x->repo)) < 0) {
		govmap__git_fail(diags, NULL, "cannot read the index");
		goto fail;
	}
	src->label = x->rel[0] ? govmap__asprintf(":%s", x->rel)
			       : govmap__asprintf(":");
	src->revision = govmap__asprintf("staged in the index");
	if (!src->label || !src->revision) {
		rc = GOVMAP_ENOMEM;
		goto fail;
	}
	*out = src;
	return GOVMAP_OK;
fail:
	govmap_src_free(src);
	return rc;
}
