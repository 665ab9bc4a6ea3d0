/*
 * source_git.c - a registry read from a Git revision with libgit2.
 *
 * Reads blobs straight from the object database: no checkout, no working
 * tree.  Tree entries are untrusted (libgit2 1.5 accepts almost any name
 * when parsing trees): only regular `*.yaml` blobs with safe names are
 * read; `.yml` files, symlinks, submodules and odd names are skipped
 * with a warning (as the directory source warns of a .yml file); blob
 * sizes are checked with git_odb_read_header before any blob is inflated;
 * tree depth and entry count are bounded.
 */
#define _XOPEN_SOURCE 700
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <git2.h>

#include "source_blobs.h"
#include "parse_cache.h"
#include "source_impl.h"
#include "vcs_impl.h"
#include "util.h"

typedef struct {
	git_repository *repo;
	git_odb *odb;
	git_tree *root; /* the registry root's tree */
	govmap__blobs blobs; /* the registry's files */
	size_t entries; /* tree entries seen */
	char *rev;
	/* the run's parse cache the repository is lent by and given back
	 * to (govmap__cache_repo_take), and the registry path it is kept
	 * for; NULL without a cache */
	struct govmap_parse_cache *cache;
	char *root_path;
	int guarded; /* the repository has the object guard */
	char *path;  /* the walk's path buffer (join_path) */
	size_t pathcap;
} git_impl;

static int git_read(char **out, size_t *len, govmap_src *src,
		    const char *path, govmap_diags *diags)
{
	git_impl *g = src->impl;
	git_tree_entry *te;
	*out = NULL;
	if (git_tree_entry_bypath(&te, g->root, path) < 0)
		return GOVMAP_ENOTFOUND;
	char *display = govmap__src_display(src, path);
	int rc;
	if (!display)
		rc = GOVMAP_ENOMEM;
	else if (git_tree_entry_filemode(te) != GIT_FILEMODE_BLOB &&
		 git_tree_entry_filemode(te) != GIT_FILEMODE_BLOB_EXECUTABLE) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, display, 0, 0, "git",
				 "not a regular file in the tree");
		rc = GOVMAP_EIO;
	} else {
		rc = govmap__blob_read(out, len, src, &g->blobs,
				       git_tree_entry_id(te), display,
			       diags);
	}
	free(display);
	git_tree_entry_free(te);
	return rc;
}

/* g->path[0, rel) + "/" + name (no "/" at the top), NUL-terminated, in
 * g->path, which grows as needed: one buffer for every path of a walk
 * (a history walk joins every entry of every commit's tree).  The new
 * length, or (size_t)-1 on out-of-memory. */
static size_t join_path(git_impl *g, size_t rel, const char *name)
{
	size_t nn = strlen(name), n = rel + (rel ? 1 : 0) + nn;
	if (n + 1 > g->pathcap) {
		size_t cap = g->pathcap ? g->pathcap : 256;
		while (cap < n + 1)
			cap *= 2;
		char *p = realloc(g->path, cap);
		if (!p)
			return (size_t)-1;
		g->path = p;
		g->pathcap = cap;
	}
	if (rel)
		g->path[rel++] = '/';
	memcpy(g->path + rel, name, nn + 1);
	return n;
}

/* Folder `oid`'s entries into *out, their names checked once: the parse
 * cache's copy when it has one (a walk's next commit reads only the
 * folders it changed), else read from `tree` (or looked up when NULL)
 * and offered to the cache.  When the entries are not the cache's,
 * *own and *keep hold what to free (govmap__folder's array, the tree
 * its names point into; free both whatever it returns).  GOVMAP_OK,
 * GOVMAP_EIO when the tree cannot be read (libgit2's error set; the
 * caller says where), GOVMAP_ENOMEM. */
static int read_folder(git_impl *g, const git_oid *oid, git_tree *tree,
		       const govmap__folder **out, govmap__folder *own,
		       git_tree **keep)
{
	*keep = NULL;
	own->v = NULL;
	if (g->cache && (*out = govmap__cache_folder(g->cache, oid)))
		return 0;
	if (!tree) {
		if (git_tree_lookup(keep, g->repo, oid) < 0)
			return GOVMAP_EIO;
		tree = *keep;
	}
	size_t n = git_tree_entrycount(tree);
	git_oid_cpy(&own->oid, oid);
	own->n = n;
	if (!(own->v = malloc((n ? n : 1) * sizeof(*own->v))))
		return GOVMAP_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		const git_tree_entry *te = git_tree_entry_byindex(tree, i);
		govmap__folder_entry *x = &own->v[i];
		x->name = git_tree_entry_name(te);
		git_oid_cpy(&x->oid, git_tree_entry_id(te));
		x->mode = git_tree_entry_filemode(te);
		x->safe = (unsigned char)govmap__segment_safe(x->name,
							      strlen(x->name));
		x->yaml = (unsigned char)govmap__is_yaml(x->name);
	}
	*out = own;
	const govmap__folder *kept =
		g->cache ? govmap__cache_folder_put(g->cache, own) : NULL;
	if (kept) { /* the cache's copy: nothing of ours is needed */
		*out = kept;
		free(own->v);
		own->v = NULL;
		git_tree_free(*keep);
		*keep = NULL;
	}
	return 0;
}

/* List folder f, the folder g->path[0, rel) (0: the registry's root). */
static int walk(govmap_src *src, const govmap__folder *f, size_t rel,
		unsigned depth, govmap_diags *diags)
{
	git_impl *g = src->impl;
	int rc = GOVMAP_OK;
	for (size_t i = 0; rc == GOVMAP_OK && i < f->n; i++) {
		const govmap__folder_entry *x = &f->v[i];
		const char *name = x->name;
		git_filemode_t mode = x->mode;
		char q[128];
		if (++g->entries > src->lim.max_files * 2) {
			/* "HEAD:reg: ...", and "HEAD: ..." for a registry
			 * at the top of the repository (not "HEAD:: ...") */
			size_t ln = strlen(src->label);
			if (ln && src->label[ln - 1] == ':')
				ln--;
			govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0,
					 "limit-tree-entries",
					 "%.*s: more than %zu tree entries",
					 (int)ln, src->label,
					 src->lim.max_files * 2);
			rc = GOVMAP_ELIMIT;
			break;
		}
		/* warned of when it would be read (a tree, a YAML file) or
		 * was meant to be (a .yml file), as the directory source
		 * does */
		if (!x->safe && (name[0] != '.' || mode != GIT_FILEMODE_BLOB) &&
		    (mode == GIT_FILEMODE_TREE || x->yaml ||
		     govmap__is_yml(name))) {
			/* "HEAD:'..'", "HEAD:reg/sub/'..'" */
			g->path[rel] = '\0';
			char *dir = govmap__src_display(src, g->path);
			govmap_diags_add(diags, GOVMAP_SEV_WARNING, NULL, 0, 0,
					 "skip-name",
					 "%s%s'%s': unsafe name in the tree, "
					 "skipped",
					 dir ? dir : "",
					 rel ? "/" : "",
					 govmap__quote(q, sizeof q, name));
			free(dir);
		}
		/* Unsafe names are skipped; so are dot-files (".github",
		 * ".hidden.yaml"), as the directory source skips them. */
		if (!x->safe || name[0] == '.')
			continue;
		size_t sub_rel = join_path(g, rel, name);
		if (sub_rel == (size_t)-1) {
			rc = GOVMAP_ENOMEM;
			break;
		}
		const char *relp = g->path; /* until the next join */
		switch (mode) {
		case GIT_FILEMODE_TREE:
			if (depth + 1 > src->lim.max_tree_depth) {
				govmap__src_note(diags, src, relp, GOVMAP_SEV_ERROR, "limit-tree-depth", "trees nested deeper than %u",
						 src->lim.max_tree_depth);
				rc = GOVMAP_ELIMIT;
				break;
			}
			const govmap__folder *sub;
			govmap__folder own;
			git_tree *keep;
			rc = read_folder(g, &x->oid, NULL, &sub, &own, &keep);
			if (rc == GOVMAP_OK) {
				rc = walk(src, sub, sub_rel, depth + 1, diags);
			} else if (rc != GOVMAP_ENOMEM) {
				char *d = govmap__src_display(src, relp);
				govmap__git_fail(diags, d ? d : relp, NULL);
				free(d);
				rc = GOVMAP_EIO;
			}
			free(own.v);
			git_tree_free(keep);
			break;
		case GIT_FILEMODE_LINK:
			govmap__src_note(diags, src, relp, GOVMAP_SEV_WARNING, "skip-symlink", "symbolic link skipped (the registry is read from regular files only)");
			break;
		case GIT_FILEMODE_COMMIT:
			govmap__src_note(diags, src, relp, GOVMAP_SEV_WARNING, "skip-submodule", "submodule skipped");
			break;
		case GIT_FILEMODE_BLOB:
		case GIT_FILEMODE_BLOB_EXECUTABLE:
			/* a new entry saved as .yml in a commit would be
			 * lost without a word, as in the working tree */
			if (govmap__is_yml(name))
				govmap__src_note_yml(diags, src, relp);
			if (!x->yaml ||
			    (!rel && strcmp(name, "govmap.yaml") == 0))
				break;
			rc = govmap__blobs_add(&g->blobs, src, relp, &x->oid,
					       diags);
			break;
		default:
			break;
		}
	}
	return rc;
}

static int git_list(govmap_src *src, govmap_diags *diags)
{
	git_impl *g = src->impl;
	if (join_path(g, 0, "") == (size_t)-1) /* the buffer, holding "" */
		return GOVMAP_ENOMEM;
	const govmap__folder *top;
	govmap__folder own;
	git_tree *keep; /* NULL: g->root is at hand */
	int rc = read_folder(g, git_tree_id(g->root), g->root, &top, &own,
			     &keep);
	if (rc == GOVMAP_OK)
		rc = walk(src, top, 0, 0, diags);
	free(own.v);
	git_tree_free(keep);
	int prc = govmap__blobs_publish(&g->blobs, src);
	return prc != GOVMAP_OK ? prc : rc;
}

static int git_read_at(char **out, size_t *len, govmap_src *src, size_t i,
		       const char *display, govmap_diags *diags)
{
	git_impl *g = src->impl;
	return govmap__blob_read(out, len, src, &g->blobs,
				 &g->blobs.files[i].oid, display, diags);
}

static void git_impl_free(govmap_src *src)
{
	git_impl *g = src->impl;
	if (g) {
		govmap__blobs_free(&g->blobs);
		git_tree_free(g->root);
		git_odb_free(g->odb);
		if (!g->cache || !g->root_path || !g->guarded ||
		    !govmap__cache_repo_give(g->cache, g->repo, g->root_path))
			git_repository_free(g->repo);
		free(g->root_path);
		free(g->path);
		free(g->rev);
		free(g);
		/* libgit2 counts its users itself, thread-safely */
		git_libgit2_shutdown();
	}
}

static int gsrc_blob_id(const govmap_src *src, size_t i, unsigned char id[20])
{
	const git_impl *g = src->impl;
	return govmap__blobs_id(&g->blobs, i, id);
}

static const govmap__src_ops git_ops = {git_read, git_list, git_read_at,
					 git_impl_free, gsrc_blob_id};

/* The registry path relative to the repository's working directory, or
 * NULL: with an error in diags when it cannot be placed there, without
 * one when memory ran out (*nomem set). */
static char *relative_root(git_repository *repo, const char *root,
			   govmap_diags *diags, int *nomem)
{
	char abs[PATH_MAX], wd[PATH_MAX];
	const char *workdir = git_repository_workdir(repo);
	if (!workdir) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0, "git",
				 "%s: the repository has no working directory "
				 "to place the registry path in",
				 root);
		return NULL;
	}
	if (!realpath(root, abs) || !realpath(workdir, wd)) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0, "git",
				 "%s: cannot resolve the path", root);
		return NULL;
	}
	size_t n = strlen(wd);
	if (strncmp(abs, wd, n) != 0 || (abs[n] != '/' && abs[n] != '\0')) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0, "git",
				 "%s is outside the repository at %s", root,
				 wd);
		return NULL;
	}
	char *rel = strdup(abs[n] == '/' ? abs + n + 1 : "");
	*nomem = !rel;
	return rel;
}

int govmap_src_open_git(govmap_src **out, const char *root, const char *rev,
			const govmap_src_limits *lim, govmap_diags *diags)
{
	return govmap__src_open_git_cached(out, root, rev, lim, NULL, diags);
}

int govmap__src_open_git_cached(govmap_src **out, const char *root,
				const char *rev, const govmap_src_limits *lim,
				struct govmap_parse_cache *cache,
				govmap_diags *diags)
{
	git_object *obj = NULL;
	git_commit *commit = NULL;
	git_tree *tree = NULL;
	char *rel = NULL;
	int rc = GOVMAP_EIO;
	*out = NULL;

	if (!govmap_rev_is_safe(rev)) {
		char q[128];
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0, "rev",
				 "'%s' is not a revision govmap accepts: use a "
				 "commit id, a branch or tag name, optionally "
				 "followed by ~N or ^N",
				 govmap__quote(q, sizeof q, rev));
		return GOVMAP_EINVALID;
	}
	govmap_src *src = govmap__src_new(&git_ops, lim);
	git_impl *g = calloc(1, sizeof(*g));
	if (!src || !g) {
		free(g);
		govmap_src_free(src);
		return GOVMAP_ENOMEM;
	}
	git_libgit2_init();
	govmap__blobs_init(&g->blobs);
	src->impl = g;

	/* a walk's loads share one repository through the cache: it
	 * already has the guard */
	if (cache && !(g->root_path = strdup(root))) {
		rc = GOVMAP_ENOMEM;
		goto cleanup;
	}
	g->cache = cache;
	g->repo = govmap__cache_repo_take(cache, root);
	g->guarded = g->repo != NULL;
	if (!g->repo && git_repository_open_ext(&g->repo, root, 0, NULL) < 0) {
		char q[1024];
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0, "git",
				 "%s is not inside a Git repository",
				 govmap_text_escape(q, sizeof q, root));
		rc = GOVMAP_ENOTFOUND;
		goto cleanup;
	}
	if (!g->guarded && (rc = govmap__git_guard(g->repo)) != GOVMAP_OK) {
		govmap__git_fail(diags, NULL, "cannot guard the object database");
		goto cleanup;
	}
	g->guarded = 1;
	int nomem = 0;
	if (!(rel = relative_root(g->repo, root, diags, &nomem))) {
		rc = nomem ? GOVMAP_ENOMEM : GOVMAP_ENOTFOUND;
		goto cleanup;
	}
	if (git_repository_odb(&g->odb, g->repo) < 0) {
		govmap__git_fail(diags, NULL, "cannot open the object database");
		goto cleanup;
	}
	g->blobs.repo = g->repo;
	g->blobs.odb = g->odb;
	char damage[200];
	govmap__git_guard_take(NULL, 0);
	if (git_revparse_single(&obj, g->repo, rev) < 0) {
		if (govmap__git_guard_take(damage, sizeof damage))
			govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0,
					 "rev", "revision '%s' cannot be read: %s",
					 rev, damage);
		else
			govmap__git_rev_unknown(diags, g->repo, rev);
		rc = GOVMAP_ENOTFOUND;
		goto cleanup;
	}
	if (git_object_peel((git_object **)&tree, obj, GIT_OBJECT_TREE) < 0) {
		/* not a commit or tree, or a tree libgit2 cannot parse */
		const git_error *e = git_error_last();
		int dmg = govmap__git_guard_take(damage, sizeof damage);
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0, "rev",
				 "revision '%s' does not name a readable "
				 "commit or tree: %s",
				 rev, dmg ? damage
				 : e && e->message ? e->message
						   : "unknown error");
		rc = GOVMAP_ENOTFOUND;
		goto cleanup;
	}
	if (rel[0]) {
		git_tree_entry *te = NULL;
		if (git_tree_entry_bypath(&te, tree, rel) < 0 ||
		    git_tree_entry_type(te) != GIT_OBJECT_TREE) {
			if (te)
				git_tree_entry_free(te);
			govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0,
					 "rev",
					 "'%s' is not a directory at revision "
					 "'%s'",
					 rel, rev);
			rc = GOVMAP_ENOTFOUND;
			goto cleanup;
		}
		int r = git_tree_lookup(&g->root, g->repo,
					git_tree_entry_id(te));
		git_tree_entry_free(te);
		if (r < 0) {
			govmap__git_fail(diags, NULL, rel);
			goto cleanup;
		}
	} else {
		g->root = tree;
		tree = NULL;
	}
	char idbuf[GIT_OID_HEXSZ + 1] = "";
	const char *summary = "";
	if (git_object_peel((git_object **)&commit, obj, GIT_OBJECT_COMMIT) ==
	    0) {
		git_oid_tostr(idbuf, sizeof idbuf, git_commit_id(commit));
		idbuf[12] = '\0';
		summary = git_commit_summary(commit);
		if (!summary)
			summary = "";
	} else {
		git_oid_tostr(idbuf, sizeof idbuf, git_object_id(obj));
		idbuf[12] = '\0';
	}
	src->label = rel[0] ? govmap__asprintf("%s:%s", rev, rel)
			    : govmap__asprintf("%s:", rev);
	src->revision = govmap__asprintf("%s %s (%s)", rev, idbuf, summary);
	g->rev = strdup(rev);
	if (!src->label || !src->revision || !g->rev) {
		rc = GOVMAP_ENOMEM;
		goto cleanup;
	}
	rc = GOVMAP_OK;
	*out = src;
	src = NULL;
cleanup:
	git_commit_free(commit);
	git_tree_free(tree);
	git_object_free(obj);
	free(rel);
	if (src)
		govmap_src_free(src);
	return rc;
}
