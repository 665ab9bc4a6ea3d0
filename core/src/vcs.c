/*
 * vcs.c - the Git history of a registry (govmap/vcs.h): a libgit2
 * revwalk in `git log --date-order` order (newest first, never a parent
 * before its children, as commits of one second need), keeping the
 * commits whose registry tree differs from their parents'; and where
 * the repository keeps its hooks.
 *
 * It compares tree ids only: it reads no blob and parses no YAML
 * (loading a revision is source_git.c's job).  It never writes to the
 * repository.
 */
#define _XOPEN_SOURCE 700
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "govmap/source.h"
#include "govmap/vcs.h"
#include "source_blobs.h"
#include "util.h"
#include "vcs_impl.h"

/* libgit2's last error, or the damaged object the guard found if
 * libgit2 has replaced its message since (git_guard.c) */
static void git_fail(govmap_diags *diags, const char *what)
{
	const git_error *e = git_error_last();
	char damage[200];
	int dmg = govmap__git_guard_take(damage, sizeof damage);
	govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0, "git", "%s: %s",
			 what, dmg ? damage
			       : e && e->message ? e->message : "unknown error");
}

int govmap__git_open(git_repository **repo, char **rel, const char *root,
		     govmap_diags *diags)
{
	char abs[PATH_MAX], wd[PATH_MAX], q[1024];
	*repo = NULL;
	*rel = NULL;
	/* the path as messages show it: one line, whatever -r held */
	const char *shown = govmap_text_escape(q, sizeof q, root);
	if (git_repository_open_ext(repo, root, 0, NULL) < 0) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0, "git",
				 "%s is not inside a Git repository", shown);
		return GOVMAP_ENOTFOUND;
	}
	int grc = govmap__git_guard(*repo);
	if (grc != GOVMAP_OK) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0, "git",
				 "%s: cannot open the object database", shown);
		git_repository_free(*repo);
		*repo = NULL;
		return grc;
	}
	const char *workdir = git_repository_workdir(*repo);
	if (!workdir) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0, "git",
				 "%s: the repository has no working directory "
				 "to place the registry path in",
				 shown);
	} else if (!realpath(root, abs) || !realpath(workdir, wd)) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0, "git",
				 "%s: cannot resolve the path", shown);
	} else {
		size_t n = strlen(wd);
		if (strncmp(abs, wd, n) != 0 ||
		    (abs[n] != '/' && abs[n] != '\0')) {
			govmap_diags_add(
				diags, GOVMAP_SEV_ERROR, NULL, 0, 0, "git",
				"%s is outside the repository at %s", shown, wd);
		} else {
			*rel = strdup(abs[n] == '/' ? abs + n + 1 : "");
			if (*rel)
				return GOVMAP_OK;
			git_repository_free(*repo);
			*repo = NULL;
			return GOVMAP_ENOMEM;
		}
	}
	git_repository_free(*repo);
	*repo = NULL;
	return GOVMAP_ENOTFOUND;
}

/* The registry directory's tree id in commit c: 1 with *out set, 0 when
 * the directory is absent, -1 on a read error. */
static int registry_tree(git_oid *out, git_commit *c, const char *rel)
{
	git_tree *t;
	if (git_commit_tree(&t, c) < 0)
		return -1;
	int rc = 0;
	if (!rel[0]) {
		git_oid_cpy(out, git_tree_id(t));
		rc = 1;
	} else {
		git_tree_entry *te;
		if (git_tree_entry_bypath(&te, t, rel) == 0) {
			if (git_tree_entry_type(te) == GIT_OBJECT_TREE) {
				git_oid_cpy(out, git_tree_entry_id(te));
				rc = 1;
			}
			git_tree_entry_free(te);
		}
	}
	git_tree_free(t);
	return rc;
}

/* Did commit c change the registry?  1 yes, 0 no, -1 read error; *tree
 * and *present describe the registry at c. */
static int touched(git_commit *c, const char *rel, git_oid *tree, int *present)
{
	*present = registry_tree(tree, c, rel);
	if (*present < 0)
		return -1;
	unsigned np = git_commit_parentcount(c);
	if (np == 0)
		return *present;
	for (unsigned k = 0; k < np; k++) {
		git_commit *p;
		git_oid pt;
		if (git_commit_parent(&p, c, k) < 0)
			return -1;
		int pp = registry_tree(&pt, p, rel);
		git_commit_free(p);
		if (pp < 0)
			return -1;
		if (pp == *present && (!pp || git_oid_equal(&pt, tree)))
			return 0; /* the same as one parent: not a change */
	}
	return 1;
}

static int add_commit(govmap_history *h, size_t *cap, git_commit *c,
		      const git_oid *tree, int present)
{
	if (govmap__grow((void **)&h->v, cap, h->n, sizeof(*h->v)) < 0)
		return GOVMAP_ENOMEM;
	govmap_commit *k = &h->v[h->n];
	memset(k, 0, sizeof(*k));
	git_oid_tostr(k->id, sizeof k->id, git_commit_id(c));
	memcpy(k->short_id, k->id, 12);
	k->short_id[12] = '\0';
	if (present)
		git_oid_tostr(k->tree, sizeof k->tree, tree);
	const git_signature *a = git_commit_author(c);
	k->author = govmap__escape_dup(a && a->name ? a->name : "");
	k->email = govmap__escape_dup(a && a->email ? a->email : "");
	k->time = a ? (int64_t)a->when.time : 0;
	k->offset = a ? a->when.offset : 0;
	k->commit_time = (int64_t)git_commit_time(c);
	k->summary = govmap__escape_dup(git_commit_summary(c));
	h->n++;
	if (!k->author || !k->email || !k->summary)
		return GOVMAP_ENOMEM;
	return GOVMAP_OK;
}

int govmap_history_load(govmap_history **out, const char *root,
			const govmap_history_opts *opts_in, govmap_diags *diags)
{
	govmap_history_opts opts = {0};
	git_repository *repo = NULL;
	git_object *obj = NULL;
	git_revwalk *walk = NULL;
	govmap_history *h = NULL;
	size_t cap = 0;
	int rc;
	*out = NULL;
	if (opts_in)
		opts = *opts_in;
	if (!opts.rev)
		opts.rev = "HEAD";
	if (!opts.max)
		opts.max = 100000;
	if (!opts.max_walk)
		opts.max_walk = 1000000;
	if (!govmap_rev_is_safe(opts.rev)) {
		char q[128];
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0, "rev",
				 "'%s' is not a revision govmap accepts: use a "
				 "commit id, a branch or tag name, optionally "
				 "followed by ~N or ^N",
				 govmap__quote(q, sizeof q, opts.rev));
		return GOVMAP_EINVALID;
	}
	git_libgit2_init();
	if (!(h = calloc(1, sizeof(*h)))) {
		rc = GOVMAP_ENOMEM;
		goto cleanup;
	}
	if ((rc = govmap__git_open(&repo, &h->path, root, diags)) != 0)
		goto cleanup;
	rc = GOVMAP_ENOTFOUND;
	char damage[200];
	govmap__git_guard_take(NULL, 0);
	if (git_revparse_single(&obj, repo, opts.rev) < 0) {
		if (govmap__git_guard_take(damage, sizeof damage))
			govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0,
					 "rev", "revision '%s' cannot be read: %s",
					 opts.rev, damage);
		else
			govmap__git_rev_unknown(diags, repo, opts.rev);
		goto cleanup;
	}
	git_object *peeled;
	if (git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT) < 0) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0, "rev",
				 "revision '%s' does not name a commit",
				 opts.rev);
		goto cleanup;
	}
	git_object_free(obj);
	obj = peeled;
	rc = GOVMAP_EIO;
	if (git_revwalk_new(&walk, repo) < 0 ||
	    git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME) < 0 ||
	    git_revwalk_push(walk, git_object_id(obj)) < 0) {
		git_fail(diags, "cannot walk the history");
		goto cleanup;
	}
	git_oid oid;
	int r = 0;
	rc = GOVMAP_OK;
	while (h->n < opts.max && (r = git_revwalk_next(&oid, walk)) == 0) {
		if (h->walked >= opts.max_walk) {
			govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0,
					 "limit-history",
					 "more than %zu commits to walk: give "
					 "a later --since date",
					 opts.max_walk);
			rc = GOVMAP_ELIMIT;
			break;
		}
		h->walked++;
		if (opts.progress && h->walked % 64 == 0 &&
		    opts.progress(h->walked, opts.payload))
			break;
		git_commit *c;
		if (git_commit_lookup(&c, repo, &oid) < 0) {
			git_fail(diags, "cannot read a commit");
			rc = GOVMAP_EIO;
			break;
		}
		if (opts.since && (int64_t)git_commit_time(c) < opts.since) {
			git_commit_free(c);
			break;
		}
		if (opts.until && (int64_t)git_commit_time(c) > opts.until) {
			git_commit_free(c);
			continue;
		}
		git_oid tree;
		int present;
		int t = touched(c, h->path, &tree, &present);
		if (t < 0) {
			git_fail(diags, "cannot read a commit's tree");
			rc = GOVMAP_EIO;
		} else if (t > 0) {
			rc = add_commit(h, &cap, c, &tree, present);
		}
		git_commit_free(c);
		if (rc != GOVMAP_OK)
			break;
	}
	if (rc == GOVMAP_OK && r != 0 && r != GIT_ITEROVER) {
		git_fail(diags, "cannot walk the history");
		rc = GOVMAP_EIO;
	}
cleanup:
	git_revwalk_free(walk);
	git_object_free(obj);
	git_repository_free(repo);
	git_libgit2_shutdown();
	if (rc != GOVMAP_OK) {
		govmap_history_free(h);
		return rc;
	}
	*out = h;
	return GOVMAP_OK;
}

int govmap_history_file_blobs(char (**out)[41], const govmap_history *h,
			      const char *root, const char *relpath,
			      govmap_diags *diags)
{
	git_repository *repo = NULL;
	char *path = NULL;
	*out = NULL;
	char(*v)[41] = calloc(h->n ? h->n : 1, sizeof(*v));
	if (!v)
		return GOVMAP_ENOMEM;
	git_libgit2_init();
	int rc = govmap__git_open(&repo, &path, root, diags);
	for (size_t i = 0; rc == GOVMAP_OK && i < h->n; i++) {
		git_oid tid;
		git_tree *tree;
		git_tree_entry *e;
		if (!h->v[i].tree[0])
			continue; /* the registry was removed */
		if (git_oid_fromstr(&tid, h->v[i].tree) < 0 ||
		    git_tree_lookup(&tree, repo, &tid) < 0) {
			git_fail(diags, "cannot read a commit's tree");
			rc = GOVMAP_EIO;
			break;
		}
		if (git_tree_entry_bypath(&e, tree, relpath) == 0) {
			if (git_tree_entry_type(e) == GIT_OBJECT_BLOB)
				git_oid_tostr(v[i], sizeof v[i],
					      git_tree_entry_id(e));
			git_tree_entry_free(e);
		}
		git_tree_free(tree);
	}
	free(path);
	git_repository_free(repo);
	git_libgit2_shutdown();
	if (rc != GOVMAP_OK) {
		free(v);
		return rc;
	}
	*out = v;
	return GOVMAP_OK;
}

void govmap_history_free(govmap_history *h)
{
	if (!h)
		return;
	for (size_t i = 0; i < h->n; i++) {
		free(h->v[i].author);
		free(h->v[i].email);
		free(h->v[i].summary);
	}
	free(h->v);
	free(h->path);
	free(h);
}

int govmap_repo_paths(char **hooks, char **rel, const char *root,
		      govmap_diags *diags)
{
	git_repository *repo;
	git_config *cfg = NULL;
	git_buf buf = {0};
	int rc;
	*hooks = NULL;
	*rel = NULL;
	git_libgit2_init();
	if ((rc = govmap__git_open(&repo, rel, root, diags)) != GOVMAP_OK)
		goto done;
	/* core.hooksPath wins, relative to the top of the working tree (as
	 * Git runs hooks there); else the repository's own hooks folder. */
	if (git_repository_config_snapshot(&cfg, repo) == 0 &&
	    git_config_get_path(&buf, cfg, "core.hooksPath") == 0 && buf.ptr &&
	    buf.ptr[0]) {
		*hooks = buf.ptr[0] == '/'
				 ? strdup(buf.ptr)
				 : govmap__asprintf(
					   "%s%s", git_repository_workdir(repo),
					   buf.ptr);
	} else {
		git_buf_dispose(&buf);
		if (git_repository_item_path(&buf, repo,
					     GIT_REPOSITORY_ITEM_HOOKS) < 0) {
			git_fail(diags, "cannot find the hooks folder");
			rc = GOVMAP_ENOTFOUND;
			goto done;
		}
		*hooks = strdup(buf.ptr);
	}
	if (!*hooks)
		rc = GOVMAP_ENOMEM;
done:
	git_buf_dispose(&buf);
	git_config_free(cfg);
	git_repository_free(repo);
	git_libgit2_shutdown();
	if (rc != GOVMAP_OK) {
		free(*rel);
		*rel = NULL;
	}
	return rc;
}
