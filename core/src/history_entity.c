/*
 * history_entity.c - following the registry through its commits file by
 * file instead of loading it at each (govmap/vcs.h): one entity's
 * versions (govmap_history_entity, for blame and history ID) and the
 * commits that change nothing validation or the analysis reads
 * (govmap_history_neutral, for history's memo), with the files each
 * commit changed (govmap__history_changes, for history ID's relevance
 * filter: compare.c).
 *
 * It compares consecutive commits' registry trees (govmap__tree_changes:
 * tree ids only, no blob read, no folder entered whose tree id is
 * unchanged) and parses only the blobs a commit changed, each once,
 * through the parse cache (parse_cache.c); it never loads, validates or
 * analyses a registry, and never writes to the repository.  Tree
 * entries are held to the Git source's rules (source_git.c): only
 * regular `*.yaml` blobs with safe names, no dot-files, not the
 * manifest; blob sizes are checked before a blob is inflated.
 */
#define _XOPEN_SOURCE 700
#include <stdlib.h>
#include <string.h>

#include "govmap/schema.h"
#include "govmap/vcs.h"
#include "parse_cache.h"
#include "source_impl.h"
#include "util.h"
#include "vcs_impl.h"

/* Files over the default size limit are not judged alone (a manifest
 * may raise the limit): the caller loads the registry instead. */
#define MAX_BLOB (1024 * 1024)
#define MAX_DEPTH 32

typedef struct {
	git_repository *repo;
	git_odb *odb;
	govmap_parse_cache *cache;
	govmap_parse_limits lim;
	const char *id;
	int inexact; /* a blob could not be judged alone */
	govmap_diags *diags;
	int rc;
} walker;

/* Is every folder and the name of `path` one the Git source reads (safe,
 * no dot-file, not too deep)? */
static int path_read(const char *path)
{
	unsigned depth = 0;
	for (const char *p = path;; depth++) {
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);
		if (!govmap__segment_safe(p, n) || p[0] == '.' ||
		    depth > MAX_DEPTH)
			return 0;
		if (!slash)
			return 1;
		p = slash + 1;
	}
}

/* Would the Git source read this entry (relative path, mode)? */
static int registry_file(const char *path, git_filemode_t mode)
{
	if ((mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE) ||
	    !govmap__is_yaml(path) || strcmp(path, "govmap.yaml") == 0)
		return 0;
	return path_read(path);
}

/* A file the Git source warns it did not read (source_git.c): a `.yml`
 * file, a symbolic link, a submodule.  A commit that adds, removes or
 * renames one changes the warnings: not neutral. */
static int unread_file(const char *path, git_filemode_t mode)
{
	if (mode == GIT_FILEMODE_UNREADABLE || mode == GIT_FILEMODE_TREE)
		return 0;
	if (mode != GIT_FILEMODE_LINK && mode != GIT_FILEMODE_COMMIT &&
	    !govmap__is_yml(path))
		return 0;
	return path_read(path);
}

/* The cache's entry for a blob, parsed now if need be; NULL (and
 * w->inexact) when it cannot be judged alone. */
static const govmap__cached *blob_entry(walker *w, const git_oid *oid)
{
	const govmap__cached *e = govmap__cache_get(w->cache, oid->id, &w->lim);
	if (!e) {
		size_t size;
		git_object_t type;
		git_blob *b;
		if (git_odb_read_header(&size, &type, w->odb, oid) < 0 ||
		    type != GIT_OBJECT_BLOB || size > MAX_BLOB ||
		    git_blob_lookup(&b, w->repo, oid) < 0) {
			w->inexact = 1;
			return NULL;
		}
		size_t n = (size_t)git_blob_rawsize(b);
		char *buf = malloc(n + 1);
		if (buf) {
			memcpy(buf, git_blob_rawcontent(b), n);
			buf[n] = '\0';
			e = govmap__cache_parse(w->cache, oid->id, buf, n,
						&w->lim);
		}
		free(buf);
		git_blob_free(b);
	}
	if (!e || govmap__cached_limited(e)) {
		w->inexact = 1;
		return NULL;
	}
	return e;
}

/* The entity w->id in a blob, or NULL. */
static const govmap_entity *in_blob(walker *w, const git_oid *oid)
{
	const govmap__cached *e = blob_entry(w, oid);
	size_t n = 0;
	const govmap_entity *v = e ? govmap__cached_ents(e, &n) : NULL;
	for (size_t i = 0; i < n; i++)
		if (v[i].id && strcmp(v[i].id, w->id) == 0)
			return &v[i];
	return NULL;
}

static int lookup_tree(walker *w, git_tree **out, const char *hex)
{
	git_oid oid;
	if (git_oid_fromstr(&oid, hex) < 0 ||
	    git_tree_lookup(out, w->repo, &oid) < 0) {
		const git_error *e = git_error_last();
		govmap_diags_add(w->diags, GOVMAP_SEV_ERROR, NULL, 0, 0, "git",
				 "cannot read a commit's tree: %s",
				 e && e->message ? e->message : "unknown error");
		w->rc = GOVMAP_EIO;
		return -1;
	}
	return 0;
}

/* ---- one entity ------------------------------------------------------ */

typedef struct {
	walker *w;
	govmap_entity_version *v;
} scan_ctx;

static int scan_cb(const char *root, const git_tree_entry *te, void *payload)
{
	scan_ctx *s = payload;
	if (git_tree_entry_type(te) == GIT_OBJECT_TREE)
		return 0;
	char *path = govmap__asprintf("%s%s", root, git_tree_entry_name(te));
	if (!path) {
		s->w->rc = GOVMAP_ENOMEM;
		return -1;
	}
	const govmap_entity *e = NULL;
	if (registry_file(path, git_tree_entry_filemode(te)))
		e = in_blob(s->w, git_tree_entry_id(te));
	if (!e) {
		free(path);
		return 0;
	}
	s->v->path = path;
	s->v->entity = e;
	git_oid_tostr(s->v->blob, sizeof s->v->blob, git_tree_entry_id(te));
	return 1; /* found: stop */
}

/* Every registry file of `tree` (the whole registry: after a commit
 * without it, or at the newest commit). */
static void scan_tree(walker *w, git_tree *tree, govmap_entity_version *v)
{
	scan_ctx s = {w, v};
	git_tree_walk(tree, GIT_TREEWALK_PRE, scan_cb, &s);
}

/* The entity at `path` of `tree`, when that file holds it. */
static int at_path(walker *w, git_tree *tree, const char *path,
		   govmap_entity_version *v)
{
	git_tree_entry *te;
	if (git_tree_entry_bypath(&te, tree, path) < 0)
		return 0;
	const govmap_entity *e = NULL;
	if (registry_file(path, git_tree_entry_filemode(te)))
		e = in_blob(w, git_tree_entry_id(te));
	if (e && (v->path = strdup(path))) {
		v->entity = e;
		git_oid_tostr(v->blob, sizeof v->blob, git_tree_entry_id(te));
	} else if (e) {
		w->rc = GOVMAP_ENOMEM;
	}
	git_tree_entry_free(te);
	return v->entity != NULL;
}

/* ---- tree differences ------------------------------------------------ */

/* The files that differ between two trees, as libgit2's
 * git_diff_tree_to_tree gives them (ADDED, DELETED, MODIFIED; a change
 * of kind, a file to a link or a folder, as DELETED and ADDED), in path
 * order, but without descending into a folder whose tree id is the same
 * on both sides: a commit that changes one file reads the trees on its
 * path only (git_diff_tree_to_tree was a sixth of `history` on a
 * registry of 3,668 files).  Folders deeper than a registry file can be
 * are not entered. */
typedef govmap__tdiff tdiff;

void govmap__tdiff_free(govmap__tdiff *t)
{
	for (size_t i = 0; i < t->n; i++)
		free((char *)t->v[i].new_file.path);
	free(t->v);
}

/* blob, link or submodule: what a change of mode keeps */
static int entry_kind(git_filemode_t m)
{
	return m == GIT_FILEMODE_BLOB_EXECUTABLE ? GIT_FILEMODE_BLOB : (int)m;
}

static void tdiff_add(tdiff *t, git_delta_t status, const char *dir,
		      const git_tree_entry *o, const git_tree_entry *n)
{
	const git_tree_entry *e = n ? n : o;
	git_diff_delta d;
	memset(&d, 0, sizeof d);
	char *path = govmap__asprintf("%s%s", dir, git_tree_entry_name(e));
	if (!path || govmap__grow((void **)&t->v, &t->cap, t->n,
				  sizeof(*t->v)) < 0) {
		free(path);
		t->failed = 1;
		return;
	}
	d.status = status;
	d.nfiles = 2;
	d.old_file.path = d.new_file.path = path;
	if (o) {
		git_oid_cpy(&d.old_file.id, git_tree_entry_id(o));
		d.old_file.mode = (uint16_t)git_tree_entry_filemode(o);
	}
	if (n) {
		git_oid_cpy(&d.new_file.id, git_tree_entry_id(n));
		d.new_file.mode = (uint16_t)git_tree_entry_filemode(n);
	}
	t->v[t->n++] = d;
}

static void tdiff_trees(tdiff *t, const git_tree *a, const git_tree *b,
			const char *dir, unsigned depth);

/* Folder entries o and n of one name (either may be NULL: a folder
 * deleted or added): the differences below them. */
static void tdiff_folder(tdiff *t, const git_tree_entry *o,
			 const git_tree_entry *n, const char *dir, unsigned depth)
{
	if (depth > MAX_DEPTH)
		return;
	git_tree *x = NULL, *y = NULL;
	char *path = govmap__asprintf("%s%s/", dir,
				      git_tree_entry_name(o ? o : n));
	if (!path ||
	    (o && git_tree_lookup(&x, t->repo, git_tree_entry_id(o)) < 0) ||
	    (n && git_tree_lookup(&y, t->repo, git_tree_entry_id(n)) < 0))
		t->failed = 1;
	else
		tdiff_trees(t, x, y, path, depth + 1);
	git_tree_free(x);
	git_tree_free(y);
	free(path);
}

/* One side's entry alone (o deleted, or n added): every file below it. */
static void tdiff_one(tdiff *t, const git_tree_entry *o,
		      const git_tree_entry *n, const char *dir, unsigned depth)
{
	if (git_tree_entry_type(o ? o : n) == GIT_OBJECT_TREE)
		tdiff_folder(t, o, n, dir, depth);
	else
		tdiff_add(t, o ? GIT_DELTA_DELETED : GIT_DELTA_ADDED, dir, o, n);
}

/* Both sides' entries of one name (in Git's order, a folder's name ends
 * in '/', so a file and a folder never match). */
static void tdiff_pair(tdiff *t, const git_tree_entry *o,
		       const git_tree_entry *n, const char *dir, unsigned depth)
{
	if (git_oid_equal(git_tree_entry_id(o), git_tree_entry_id(n)) &&
	    git_tree_entry_filemode(o) == git_tree_entry_filemode(n))
		return; /* the same file, or the same folder: nothing below */
	if (git_tree_entry_type(o) == GIT_OBJECT_TREE) {
		tdiff_folder(t, o, n, dir, depth);
	} else if (entry_kind(git_tree_entry_filemode(o)) ==
		   entry_kind(git_tree_entry_filemode(n))) {
		tdiff_add(t, GIT_DELTA_MODIFIED, dir, o, n);
	} else {
		tdiff_add(t, GIT_DELTA_DELETED, dir, o, NULL);
		tdiff_add(t, GIT_DELTA_ADDED, dir, NULL, n);
	}
}

/* The entries of trees a and b (either may be NULL: all added or all
 * deleted), merged in Git's order. */
static void tdiff_trees(tdiff *t, const git_tree *a, const git_tree *b,
			const char *dir, unsigned depth)
{
	size_t na = a ? git_tree_entrycount(a) : 0;
	size_t nb = b ? git_tree_entrycount(b) : 0;
	size_t i = 0, j = 0;
	while ((i < na || j < nb) && !t->failed) {
		const git_tree_entry *o = i < na ? git_tree_entry_byindex(a, i) : NULL;
		const git_tree_entry *n = j < nb ? git_tree_entry_byindex(b, j) : NULL;
		int c = !o ? 1 : !n ? -1 : git_tree_entry_cmp(o, n);
		if (c < 0) {
			tdiff_one(t, o, NULL, dir, depth);
			i++;
		} else if (c > 0) {
			tdiff_one(t, NULL, n, dir, depth);
			j++;
		} else {
			tdiff_pair(t, o, n, dir, depth);
			i++;
			j++;
		}
	}
}

int govmap__tree_changes(govmap__tdiff *t, git_repository *repo,
			 const git_tree *older, const git_tree *newer)
{
	memset(t, 0, sizeof(*t));
	t->repo = repo;
	tdiff_trees(t, older, newer, "", 0);
	if (!t->failed)
		return 0;
	govmap__tdiff_free(t);
	memset(t, 0, sizeof(*t));
	return -1;
}

/* The entity among the files of `older` that differ in `newer`: where
 * it was before a commit that moved, renamed or added it. */
static void in_changed(walker *w, git_tree *older, git_tree *newer,
		       govmap_entity_version *v)
{
	tdiff diff;
	if (govmap__tree_changes(&diff, w->repo, older, newer) < 0) {
		w->inexact = 1;
		return;
	}
	for (size_t i = 0; i < diff.n && !v->entity; i++) {
		const git_diff_delta *d = &diff.v[i];
		if (d->status == GIT_DELTA_ADDED ||
		    !registry_file(d->old_file.path, d->old_file.mode))
			continue;
		const govmap_entity *e = in_blob(w, &d->old_file.id);
		if (!e)
			continue;
		if (!(v->path = strdup(d->old_file.path))) {
			w->rc = GOVMAP_ENOMEM;
			break;
		}
		v->entity = e;
		git_oid_tostr(v->blob, sizeof v->blob, &d->old_file.id);
	}
	govmap__tdiff_free(&diff);
}

static int open_walker(walker *w, const char *root, govmap_parse_cache *c,
		       govmap_diags *diags)
{
	char *rel = NULL;
	memset(w, 0, sizeof(*w));
	w->cache = c;
	w->diags = diags;
	govmap__parse_limits_defaults(&w->lim);
	git_libgit2_init();
	int rc = govmap__git_open(&w->repo, &rel, root, diags);
	free(rel);
	if (rc == GOVMAP_OK && git_repository_odb(&w->odb, w->repo) < 0) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0, "git",
				 "cannot open the object database");
		rc = GOVMAP_EIO;
	}
	return rc;
}

static void close_walker(walker *w)
{
	git_odb_free(w->odb);
	git_repository_free(w->repo);
	git_libgit2_shutdown();
}

void govmap_entity_versions_free(govmap_entity_version *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		free(v[i].path);
	free(v);
}

int govmap_history_entity(govmap_entity_version **out,
			  const govmap_history *h, const char *root,
			  const char *id, const char *hint,
			  govmap_parse_cache *cache, govmap_diags *diags)
{
	walker w;
	*out = NULL;
	if (!cache)
		return GOVMAP_EINVALID;
	govmap_entity_version *v = calloc(h->n ? h->n : 1, sizeof(*v));
	if (!v)
		return GOVMAP_ENOMEM;
	int rc = open_walker(&w, root, cache, diags);
	w.id = id;
	w.rc = rc;
	git_tree *newer = NULL; /* the tree of the commit after (newer) */
	for (size_t k = 0; w.rc == GOVMAP_OK && k < h->n; k++) {
		git_tree *tree = NULL;
		v[k].exact = 1;
		if (!h->v[k].tree[0]) { /* the registry was removed */
			git_tree_free(newer);
			newer = NULL;
			continue;
		}
		if (lookup_tree(&w, &tree, h->v[k].tree) < 0)
			break;
		w.inexact = 0;
		const govmap_entity_version *nv = k ? &v[k - 1] : NULL;
		if (!newer) {
			if (!(k == 0 && hint && at_path(&w, tree, hint, &v[k])))
				scan_tree(&w, tree, &v[k]);
		} else if (nv->entity) {
			/* in the same file (the same blob, or changed), else
			 * wherever the commit after took it from */
			git_tree_entry *te = NULL;
			if (git_tree_entry_bypath(&te, tree, nv->path) == 0 &&
			    strcmp(nv->blob, "") != 0) {
				char hex[41];
				git_oid_tostr(hex, sizeof hex,
					      git_tree_entry_id(te));
				if (strcmp(hex, nv->blob) == 0 &&
				    (v[k].path = strdup(nv->path))) {
					v[k].entity = nv->entity;
					memcpy(v[k].blob, nv->blob, 41);
				}
			}
			git_tree_entry_free(te);
			if (!v[k].entity && !at_path(&w, tree, nv->path, &v[k]))
				in_changed(&w, tree, newer, &v[k]);
		} else if (nv->exact) {
			/* absent after: only a file the commit after changed
			 * can hold it */
			in_changed(&w, tree, newer, &v[k]);
		} else {
			scan_tree(&w, tree, &v[k]);
		}
		v[k].exact = !w.inexact;
		git_tree_free(newer);
		newer = tree;
	}
	git_tree_free(newer);
	rc = w.rc;
	close_walker(&w);
	if (rc != GOVMAP_OK) {
		govmap_entity_versions_free(v, h->n);
		return rc;
	}
	*out = v;
	return GOVMAP_OK;
}

/* ---- commits that change nothing read ------------------------------- */

int govmap__entity_same_but(const govmap_entity *x, const govmap_entity *y,
			    const char *const *skip)
{
	govmap_field_info f[64];
	if (x->kind != y->kind)
		return 0;
	size_t nf = govmap_schema_fields(x->kind, f, 64);
	if (nf > 64)
		return 0;
	for (size_t k = 0; k < nf; k++) {
		char **va = NULL, **vb = NULL;
		size_t la = 0, lb = 0;
		int skipped = 0;
		for (size_t s = 0; skip && skip[s] && !skipped; s++)
			skipped = strcmp(f[k].key, skip[s]) == 0;
		if (skipped)
			continue;
		int ra = govmap_entity_field(&va, &la, x, f[k].key);
		int rb = govmap_entity_field(&vb, &lb, y, f[k].key);
		int same = ra == rb && (ra == GOVMAP_ENOTFOUND ||
					(ra == GOVMAP_OK && la == lb));
		for (size_t j = 0; same && ra == GOVMAP_OK && j < la; j++)
			same = strcmp(va[j], vb[j]) == 0;
		govmap_strings_free(va, la);
		govmap_strings_free(vb, lb);
		if (!same)
			return 0;
	}
	return 1;
}

/* Same entities in both entries, but for `notes`; same parse counts. */
static int same_but_notes(const govmap__cached *a, const govmap__cached *b)
{
	static const char *const notes[] = {"notes", NULL};
	size_t na, nb, ca[3], cb[3];
	const govmap_entity *x = govmap__cached_ents(a, &na);
	const govmap_entity *y = govmap__cached_ents(b, &nb);
	govmap__cached_counts(a, ca);
	govmap__cached_counts(b, cb);
	if (na != nb || memcmp(ca, cb, sizeof ca) != 0)
		return 0;
	for (size_t i = 0; i < na; i++)
		if (!govmap__entity_same_but(&x[i], &y[i], notes))
			return 0;
	return 1;
}

static int oid_cmp(const void *a, const void *b, void *ctx)
{
	(void)ctx;
	return git_oid_cmp(a, b);
}

/* Keep blob entry `e` in the list of a commit's files (old or new). */
static int change_put(const govmap__cached ***v, size_t *n, size_t *cap,
		      const govmap__cached *e)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 4;
		const govmap__cached **p = realloc((void *)*v, c * sizeof(*p));
		if (!p)
			return -1;
		*v = p;
		*cap = c;
	}
	(*v)[(*n)++] = e;
	return 0;
}

/* Whether neutral() still records a commit's changed files (for the
 * relevance filter of `history ID`): it was asked to, and has not given
 * up on knowing them.  It goes on reading the deltas for that after it
 * knows the commit is not neutral. */
static int recording(const govmap__commit_change *ch)
{
	return ch && !ch->unknown;
}

/* Record delta d's registry files, old (a) and new (b), in ch, their
 * cache entries in *x and *y; ch->unknown when one cannot be judged
 * alone or on out-of-memory, and ch->in_place cleared unless the file
 * was modified in place. */
static void record_change(walker *w, govmap__commit_change *ch,
			  const git_diff_delta *d, int a, int b,
			  const govmap__cached **x, const govmap__cached **y,
			  size_t *capo, size_t *capn)
{
	*x = a ? blob_entry(w, &d->old_file.id) : NULL;
	*y = b ? blob_entry(w, &d->new_file.id) : NULL;
	if ((a && !*x) || (b && !*y) ||
	    (*x && change_put(&ch->old, &ch->nold, capo, *x) < 0) ||
	    (*y && change_put(&ch->new_, &ch->nnew, capn, *y) < 0))
		ch->unknown = 1;
	if (!(a && b && d->status == GIT_DELTA_MODIFIED))
		ch->in_place = 0;
}

/* Does the change from `older` to `newer` touch nothing read?  With `ch`,
 * also record the registry files it changed (govmap__commit_change). */
static int neutral(walker *w, git_tree *older, git_tree *newer,
		   govmap__commit_change *ch)
{
	tdiff diff;
	if (govmap__tree_changes(&diff, w->repo, older, newer) < 0) {
		if (ch)
			ch->unknown = 1;
		return 0;
	}
	size_t n = diff.n, nd = 0, na = 0;
	size_t capo = 0, capn = 0;
	git_oid *gone = calloc(n ? n : 1, sizeof(*gone));
	git_oid *came = calloc(n ? n : 1, sizeof(*came));
	int ok = gone && came;
	if (ch) {
		ch->unknown = !ok;
		ch->in_place = 1;
	}
	for (size_t i = 0; (ok || recording(ch)) && i < n; i++) {
		const git_diff_delta *d = &diff.v[i];
		int a = d->status != GIT_DELTA_ADDED &&
			registry_file(d->old_file.path, d->old_file.mode);
		int b = d->status != GIT_DELTA_DELETED &&
			registry_file(d->new_file.path, d->new_file.mode);
		if (strcmp(d->old_file.path, "govmap.yaml") == 0 ||
		    strcmp(d->new_file.path, "govmap.yaml") == 0 ||
		    (d->status != GIT_DELTA_ADDED &&
		     unread_file(d->old_file.path, d->old_file.mode)) ||
		    (d->status != GIT_DELTA_DELETED &&
		     unread_file(d->new_file.path, d->new_file.mode))) {
			/* the manifest: plugins, limits, weights; a file
			 * not read (a .yml file): its warning, which each
			 * commit that has it must be loaded to give */
			ok = 0;
			if (ch)
				ch->unknown = 1;
			continue;
		}
		const govmap__cached *x = NULL, *y = NULL;
		if (recording(ch) && (a || b))
			record_change(w, ch, d, a, b, &x, &y, &capo, &capn);
		if (!ok)
			continue;
		if (a && b && d->status == GIT_DELTA_MODIFIED) {
			if (!x)
				x = blob_entry(w, &d->old_file.id);
			if (!y)
				y = blob_entry(w, &d->new_file.id);
			ok = x && y && same_but_notes(x, y);
		} else {
			if (a)
				gone[nd++] = d->old_file.id;
			if (b)
				came[na++] = d->new_file.id;
		}
	}
	/* files deleted and added: moves when the same blobs */
	if (ok && nd != na)
		ok = 0;
	if (ok) {
		govmap_sort(gone, nd, sizeof(*gone), oid_cmp, NULL);
		govmap_sort(came, na, sizeof(*came), oid_cmp, NULL);
		for (size_t i = 0; ok && i < nd; i++)
			ok = git_oid_equal(&gone[i], &came[i]);
	}
	free(gone);
	free(came);
	govmap__tdiff_free(&diff);
	return ok;
}

void govmap__commit_changes_free(govmap__commit_change *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++) {
		free((void *)v[i].old);
		free((void *)v[i].new_);
	}
	free(v);
}

int govmap__history_changes(unsigned char **out, govmap__commit_change **chs,
			    const govmap_history *h, const char *root,
			    govmap_parse_cache *cache, govmap_diags *diags)
{
	walker w;
	*out = NULL;
	if (chs)
		*chs = NULL;
	if (!cache)
		return GOVMAP_EINVALID;
	unsigned char *v = calloc(h->n ? h->n : 1, 1);
	govmap__commit_change *ch =
		chs ? calloc(h->n ? h->n : 1, sizeof(*ch)) : NULL;
	if (!v || (chs && !ch)) {
		free(v);
		free(ch);
		return GOVMAP_ENOMEM;
	}
	w.rc = open_walker(&w, root, cache, diags);
	git_tree *older = NULL;
	/* oldest first: each commit against the next older */
	for (size_t k = h->n; w.rc == GOVMAP_OK && k-- > 0;) {
		git_tree *tree = NULL;
		if (h->v[k].tree[0] && lookup_tree(&w, &tree, h->v[k].tree) < 0)
			break;
		if (ch && !(older && tree))
			ch[k].unknown = 1;
		v[k] = older && tree && neutral(&w, older, tree, ch ? &ch[k] : NULL);
		git_tree_free(older);
		older = tree;
	}
	git_tree_free(older);
	int rc = w.rc;
	close_walker(&w);
	if (rc != GOVMAP_OK) {
		free(v);
		govmap__commit_changes_free(ch, h->n);
		return rc;
	}
	*out = v;
	if (chs)
		*chs = ch;
	return GOVMAP_OK;
}

int govmap_history_neutral(unsigned char **out, const govmap_history *h,
			   const char *root, govmap_parse_cache *cache,
			   govmap_diags *diags)
{
	return govmap__history_changes(out, NULL, h, root, cache, diags);
}
