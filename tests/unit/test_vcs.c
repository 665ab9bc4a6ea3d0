/*
 * test_vcs.c - the Git workflow's library parts: the registry as staged
 * in the index (source_index.c), the commits that changed the registry
 * and the hooks folder (vcs.c), and the schema read back as data and
 * entities' fields as canonical text (schema_info.c).  Repositories and
 * indexes are built here with libgit2.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <git2.h>

#include "govmap/analysis.h"
#include "govmap/compare.h"
#include "govmap/schema.h"
#include "govmap/session.h"
#include "govmap/source.h"
#include "govmap/vcs.h"
#include "suites.h"
#include "vcs_impl.h"

#define M_BLOB 0100644
#define M_LINK 0120000
#define M_COMMIT 0160000

static git_repository *repo;
static char *repo_dir;

static void git_ok(int rc, const char *what)
{
	if (rc < 0) {
		const git_error *e = git_error_last();
		ck_abort_msg("%s: %s", what, e ? e->message : "?");
	}
}

static void git_setup(void)
{
	git_libgit2_init();
	repo_dir = th_path(th_dir, "repo");
	git_ok(git_repository_init(&repo, repo_dir, 0), "init");
	char *reg = th_path(repo_dir, "reg");
	ck_assert(mkdir(reg, 0755) == 0 || errno == EEXIST);
	free(reg);
}

static void git_teardown(void)
{
	git_repository_free(repo);
	repo = NULL;
	free(repo_dir);
	repo_dir = NULL;
	git_libgit2_shutdown();
}

static git_oid blob(const char *text)
{
	git_oid oid;
	git_ok(git_blob_create_from_buffer(&oid, repo, text, strlen(text)),
	       "blob");
	return oid;
}

#define BODY(id)                                                            \
	"kind: body\nid: " id "\nname: " id "\ntype: charity\n"              \
	"region: england\n" TH_SOURCES

/* Stage `text` at `path` (stage 0) in idx with `mode`. */
static void stage(git_index *idx, const char *path, unsigned mode,
		  const char *text, int stage_no)
{
	git_index_entry e;
	memset(&e, 0, sizeof e);
	e.mode = mode;
	e.id = blob(text);
	e.path = path;
	e.flags = (uint16_t)(stage_no << GIT_INDEX_ENTRY_STAGESHIFT);
	git_ok(git_index_add(idx, &e), path);
}

static govmap_registry *load_index(govmap_diags *d, int *rc,
				   const govmap_src_limits *lim)
{
	govmap_src *src = NULL;
	govmap_registry *reg = NULL;
	char *root = th_path(repo_dir, "reg");
	*rc = govmap_src_open_index(&src, root, lim, d);
	free(root);
	if (*rc != GOVMAP_OK)
		return NULL;
	ck_assert_str_eq(govmap_src_revision(src), "staged in the index");
	ck_assert_str_eq(govmap_src_label(src), ":reg");
	*rc = govmap_registry_load(&reg, src, NULL, d);
	govmap_src_free(src);
	return reg;
}

/* ---- the index source ---------------------------------------------- */

START_TEST(index_reads_staged_not_worktree)
{
	git_index *idx;
	govmap_diags d = {0};
	int rc;
	git_ok(git_repository_index(&idx, repo), "index");
	stage(idx, "reg/govmap.yaml", M_BLOB, TH_MANIFEST, 0);
	stage(idx, "reg/a.yaml", M_BLOB, BODY("staged-a"), 0);
	stage(idx, "reg/sub/b.yaml", M_BLOB, BODY("staged-b"), 0);
	stage(idx, "reg/notes.md", M_BLOB, "kind: [broken\n", 0);
	stage(idx, "outside.yaml", M_BLOB, "kind: [broken\n", 0);
	git_ok(git_index_write(idx), "write");
	git_index_free(idx);
	/* the working tree says something else: it must not be read */
	th_write(repo_dir, "reg/a.yaml", BODY("worktree-a"));
	th_write(repo_dir, "reg/c.yaml", BODY("worktree-c"));

	govmap_registry *reg = load_index(&d, &rc, NULL);
	ck_assert_int_eq(rc, GOVMAP_OK);
	ck_assert_msg(d.n == 0, "%s", th_dump(&d));
	ck_assert_uint_eq(govmap_registry_count(reg), 2);
	ck_assert_ptr_nonnull(govmap_registry_find(reg, "staged-a"));
	ck_assert_ptr_nonnull(govmap_registry_find(reg, "staged-b"));
	ck_assert_ptr_null(govmap_registry_find(reg, "worktree-a"));
	ck_assert_str_eq(govmap_registry_find(reg, "staged-b")->pos.file,
			 ":reg/sub/b.yaml");
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(index_skips_links_submodules_and_odd_names)
{
	git_index *idx;
	govmap_diags d = {0};
	int rc;
	git_ok(git_repository_index(&idx, repo), "index");
	stage(idx, "reg/govmap.yaml", M_BLOB, TH_MANIFEST, 0);
	stage(idx, "reg/a.yaml", M_BLOB, BODY("a"), 0);
	stage(idx, "reg/alias.yaml", M_LINK, "a.yaml", 0);
	stage(idx, "reg/bad name/x.yaml", M_BLOB, BODY("x"), 0);
	stage(idx, "reg/bad name/y.yaml", M_BLOB, BODY("y"), 0);
	stage(idx, "reg/.gitignore", M_BLOB, "*.tmp\n", 0);
	git_index_entry sub;
	memset(&sub, 0, sizeof sub);
	sub.mode = M_COMMIT;
	git_oid_fromstr(&sub.id, "0123456789012345678901234567890123456789");
	sub.path = "reg/vendored";
	git_ok(git_index_add(idx, &sub), "submodule");
	git_ok(git_index_write(idx), "write");
	git_index_free(idx);

	govmap_registry *reg = load_index(&d, &rc, NULL);
	ck_assert_int_eq(rc, GOVMAP_OK);
	ck_assert_uint_eq(govmap_registry_count(reg), 1);
	ck_assert_uint_eq(th_count(&d, "skip-symlink"), 1);
	ck_assert_uint_eq(th_count(&d, "skip-submodule"), 1);
	/* one warning for the whole unsafe folder, none for .gitignore */
	ck_assert_msg(th_count(&d, "skip-name") == 1, "%s", th_dump(&d));
	ck_assert_uint_eq(d.count[GOVMAP_SEV_ERROR], 0);
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(index_conflict_is_an_error)
{
	git_index *idx;
	govmap_diags d = {0};
	int rc;
	git_ok(git_repository_index(&idx, repo), "index");
	stage(idx, "reg/govmap.yaml", M_BLOB, TH_MANIFEST, 0);
	stage(idx, "reg/a.yaml", M_BLOB, BODY("a"), 1);
	stage(idx, "reg/a.yaml", M_BLOB, BODY("ours"), 2);
	stage(idx, "reg/a.yaml", M_BLOB, BODY("theirs"), 3);
	git_ok(git_index_write(idx), "write");
	git_index_free(idx);

	govmap_registry *reg = load_index(&d, &rc, NULL);
	ck_assert_int_eq(rc, GOVMAP_OK);
	ck_assert_uint_eq(govmap_registry_count(reg), 0);
	ck_assert_msg(th_count(&d, "unmerged") == 1, "%s", th_dump(&d));
	ck_assert(th_file_is(th_find(&d, "unmerged", 0), ":reg/a.yaml"));
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(index_blob_size_checked_first)
{
	git_index *idx;
	govmap_diags d = {0};
	int rc;
	git_ok(git_repository_index(&idx, repo), "index");
	stage(idx, "reg/govmap.yaml", M_BLOB, TH_MANIFEST, 0);
	stage(idx, "reg/big.yaml", M_BLOB, BODY("big"), 0);
	git_ok(git_index_write(idx), "write");
	git_index_free(idx);

	govmap_src_limits lim = {0};
	lim.max_file_bytes = 64;
	govmap_registry *reg = load_index(&d, &rc, &lim);
	ck_assert_ptr_nonnull(reg);
	ck_assert_uint_eq(govmap_registry_count(reg), 0);
	ck_assert_msg(th_count(&d, "limit-file-size") == 1, "%s",
		      th_dump(&d));
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(index_from_git_index_file)
{
	git_index *idx, *other;
	govmap_diags d = {0};
	int rc;
	git_ok(git_repository_index(&idx, repo), "index");
	stage(idx, "reg/govmap.yaml", M_BLOB, TH_MANIFEST, 0);
	stage(idx, "reg/a.yaml", M_BLOB, BODY("in-the-index"), 0);
	git_ok(git_index_write(idx), "write");
	git_index_free(idx);
	/* what `git commit -a` hands its hooks: another index file */
	char *path = th_path(th_dir, "index.lock");
	git_ok(git_index_open(&other, path), "open");
	stage(other, "reg/govmap.yaml", M_BLOB, TH_MANIFEST, 0);
	stage(other, "reg/a.yaml", M_BLOB, BODY("being-committed"), 0);
	git_ok(git_index_write(other), "write other");
	git_index_free(other);

	setenv("GIT_INDEX_FILE", path, 1);
	govmap_registry *reg = load_index(&d, &rc, NULL);
	unsetenv("GIT_INDEX_FILE");
	ck_assert_int_eq(rc, GOVMAP_OK);
	ck_assert_ptr_nonnull(govmap_registry_find(reg, "being-committed"));
	ck_assert_ptr_null(govmap_registry_find(reg, "in-the-index"));
	govmap_registry_free(reg);
	govmap_diags_free(&d);
	free(path);
}
END_TEST

START_TEST(index_outside_a_repository)
{
	govmap_diags d = {0};
	govmap_src *src = NULL;
	char *dir = th_path(th_dir, "plain");
	ck_assert_int_eq(mkdir(dir, 0755), 0);
	ck_assert_int_eq(govmap_src_open_index(&src, dir, NULL, &d),
			 GOVMAP_ENOTFOUND);
	ck_assert_ptr_null(src);
	ck_assert_uint_eq(th_count(&d, "git"), 1);
	govmap_diags_free(&d);
	free(dir);
}
END_TEST

/* ---- history -------------------------------------------------------- */

/* Commit what `idx` holds (and free it), at `when`, on top of HEAD. */
static git_oid commit_index(git_index *idx, int64_t when, const char *msg)
{
	git_oid tree, oid, head;
	git_tree *t;
	git_signature *sig;
	git_commit *parent = NULL;
	git_ok(git_index_write_tree(&tree, idx), "write tree");
	git_ok(git_index_write(idx), "write");
	git_index_free(idx);
	git_ok(git_tree_lookup(&t, repo, &tree), "tree");
	git_ok(git_signature_new(&sig,
				 "Ann \033[31m\xe2\x80\xae\xc2\x9b\xff" "Example", "ann@example.org",
				 when, 60),
	       "sig");
	if (git_reference_name_to_id(&head, repo, "HEAD") == 0)
		git_ok(git_commit_lookup(&parent, repo, &head), "parent");
	git_ok(git_commit_create_v(&oid, repo, "HEAD", sig, sig, NULL, msg, t,
				   parent ? 1 : 0, parent),
	       "commit");
	git_commit_free(parent);
	git_signature_free(sig);
	git_tree_free(t);
	return oid;
}

/* A commit of a tree holding reg/{govmap,a}.yaml with `a` and
 * other/readme.md with `other`, at `when`, on top of HEAD. */
static git_oid commit_at(const char *a, const char *other, int64_t when,
			 const char *msg)
{
	git_index *idx;
	git_ok(git_repository_index(&idx, repo), "index");
	git_index_clear(idx);
	stage(idx, "reg/govmap.yaml", M_BLOB, TH_MANIFEST, 0);
	if (a)
		stage(idx, "reg/a.yaml", M_BLOB, a, 0);
	stage(idx, "other/readme.md", M_BLOB, other, 0);
	return commit_index(idx, when, msg);
}

/* ---- tree differences (history_entity.c) ---------------------------- */

/* A tree of `n` entries {path, mode, text}; a submodule's text is its
 * commit id. */
typedef struct {
	const char *path;
	unsigned mode;
	const char *text;
} tfile;

static git_tree *tree_of(const tfile *f, size_t n)
{
	git_index *idx;
	git_oid oid;
	git_tree *t;
	git_ok(git_repository_index(&idx, repo), "index");
	git_index_clear(idx);
	for (size_t i = 0; i < n; i++) {
		if (f[i].mode != 0160000) {
			stage(idx, f[i].path, f[i].mode, f[i].text, 0);
			continue;
		}
		git_index_entry e;
		memset(&e, 0, sizeof e);
		e.mode = f[i].mode;
		git_oid_fromstr(&e.id, f[i].text);
		e.path = f[i].path;
		git_ok(git_index_add(idx, &e), f[i].path);
	}
	git_ok(git_index_write_tree(&oid, idx), "write tree");
	git_index_free(idx);
	git_ok(git_tree_lookup(&t, repo, &oid), "tree");
	return t;
}

/* govmap__tree_changes gives what git_diff_tree_to_tree gives, delta for
 * delta in the same order, between every two of five trees (files
 * modified deep down, a mode change, a folder removed and a file of
 * its name's prefix added, a file turned into a link, a file turned
 * into a folder, a submodule added and moved on), and nothing between a
 * tree and itself. */
START_TEST(tree_changes_as_libgit2)
{
	const char *sub1 = "0123456789012345678901234567890123456789";
	const char *sub2 = "89abcdef0123456789abcdef0123456789abcdef";
	const tfile s0[] = {{"other/readme.md", M_BLOB, "one\n"},
			    {"reg/a.yaml", M_BLOB, BODY("a")},
			    {"reg/govmap.yaml", M_BLOB, TH_MANIFEST},
			    {"reg/sub/b.yaml", M_BLOB, BODY("b")},
			    {"reg/sub/deep/c.yaml", M_BLOB, BODY("c")},
			    {"reg/x.yaml", M_BLOB, BODY("x")}};
	const tfile s1[] = {{"other/readme.md", M_BLOB, "one\n"},
			    {"reg/a.yaml", 0100755, BODY("a")},
			    {"reg/govmap.yaml", M_BLOB, TH_MANIFEST},
			    {"reg/sub/b.yaml", M_BLOB, BODY("b")},
			    {"reg/sub/deep/c.yaml", M_BLOB, BODY("c2")},
			    {"reg/x.yaml", M_BLOB, BODY("x")}};
	const tfile s2[] = {{"other/readme.md", M_BLOB, "two\n"},
			    {"reg/a.yaml", M_BLOB, BODY("a")},
			    {"reg/govmap.yaml", M_BLOB, TH_MANIFEST},
			    {"reg/sub-b.yaml", M_BLOB, BODY("b")},
			    {"reg/sub.yaml", M_BLOB, BODY("s")},
			    {"reg/x.yaml", M_BLOB, BODY("x")},
			    {"reg/z/new.yaml", M_BLOB, BODY("n")}};
	const tfile s3[] = {{"other/readme.md", M_BLOB, "two\n"},
			    {"reg/a.yaml", M_LINK, "x.yaml"},
			    {"reg/govmap.yaml", M_BLOB, TH_MANIFEST},
			    {"reg/mod", 0160000, sub1},
			    {"reg/sub/b.yaml", M_BLOB, BODY("b")},
			    {"reg/x.yaml/y.yaml", M_BLOB, BODY("x")}};
	const tfile s4[] = {{"reg/a.yaml", M_BLOB, BODY("a")},
			    {"reg/mod", 0160000, sub2},
			    {"reg/sub/deep/c.yaml", M_BLOB, BODY("c")}};
	git_tree *t[5] = {tree_of(s0, 6), tree_of(s1, 6), tree_of(s2, 7),
			  tree_of(s3, 6), tree_of(s4, 3)};
	size_t compared = 0;
	for (int i = 0; i < 5; i++)
		for (int j = 0; j < 5; j++) {
			git_diff *ref;
			govmap__tdiff ours;
			git_ok(git_diff_tree_to_tree(&ref, repo, t[i], t[j], NULL),
			       "diff");
			ck_assert_int_eq(govmap__tree_changes(&ours, repo, t[i],
							      t[j]),
					 0);
			size_t n = git_diff_num_deltas(ref);
			ck_assert_msg(ours.n == n, "trees %d and %d: %zu deltas, "
				      "libgit2 %zu", i, j, ours.n, n);
			if (i == j)
				ck_assert_uint_eq(n, 0);
			for (size_t k = 0; k < n; k++) {
				const git_diff_delta *r = git_diff_get_delta(ref, k);
				const git_diff_delta *o = &ours.v[k];
				ck_assert_msg(r->status == o->status &&
						      strcmp(r->old_file.path,
							     o->old_file.path) == 0 &&
						      strcmp(r->new_file.path,
							     o->new_file.path) == 0,
					      "trees %d and %d, delta %zu: %d %s, "
					      "libgit2 %d %s", i, j, k, o->status,
					      o->new_file.path, r->status,
					      r->new_file.path);
				ck_assert(git_oid_equal(&r->old_file.id,
							&o->old_file.id));
				ck_assert(git_oid_equal(&r->new_file.id,
							&o->new_file.id));
				ck_assert_uint_eq(r->old_file.mode, o->old_file.mode);
				ck_assert_uint_eq(r->new_file.mode, o->new_file.mode);
				compared++;
			}
			git_diff_free(ref);
			govmap__tdiff_free(&ours);
		}
	ck_assert_uint_gt(compared, 40);
	for (int i = 0; i < 5; i++)
		git_tree_free(t[i]);
}
END_TEST

START_TEST(history_keeps_registry_commits)
{
	govmap_diags d = {0};
	govmap_history *h;
	char hex[GIT_OID_HEXSZ + 1];
	git_oid c1 = commit_at(BODY("a"), "one", 1700000000, "first");
	commit_at(BODY("a"), "two", 1700000100, "outside the registry");
	git_oid c3 = commit_at(BODY("a") "notes: more\n", "two", 1700000200,
			       "second\n\nwith a body");
	char *root = th_path(repo_dir, "reg");
	ck_assert_int_eq(govmap_history_load(&h, root, NULL, &d), GOVMAP_OK);
	ck_assert_uint_eq(h->n, 2);
	ck_assert_uint_eq(h->walked, 3);
	ck_assert_str_eq(h->path, "reg");
	git_oid_tostr(hex, sizeof hex, &c3);
	ck_assert_str_eq(h->v[0].id, hex);
	ck_assert_int_eq(strncmp(h->v[0].short_id, hex, 12), 0);
	ck_assert_uint_eq(strlen(h->v[0].short_id), 12);
	ck_assert_str_eq(h->v[0].summary, "second");
	/* a hostile name's escape, bidi override, C1 control (a CSI) and
	 * byte that is not UTF-8 are not passed on: escaped as the
	 * registry's text is, so the terminal shows them */
	ck_assert_str_eq(h->v[0].author,
			 "Ann \\x1B[31m\\u202E\\u009B\\xFFExample");
	ck_assert_int_eq(h->v[0].time, 1700000200);
	ck_assert_int_eq(h->v[0].offset, 60);
	ck_assert_uint_eq(strlen(h->v[0].tree), 40);
	git_oid_tostr(hex, sizeof hex, &c1);
	ck_assert_str_eq(h->v[1].id, hex);
	govmap_history_free(h);

	/* --since stops at the first older commit; max keeps the newest */
	govmap_history_opts o = {0};
	o.since = 1700000150;
	ck_assert_int_eq(govmap_history_load(&h, root, &o, &d), GOVMAP_OK);
	ck_assert_uint_eq(h->n, 1);
	govmap_history_free(h);
	memset(&o, 0, sizeof o);
	o.max = 1;
	ck_assert_int_eq(govmap_history_load(&h, root, &o, &d), GOVMAP_OK);
	ck_assert_uint_eq(h->n, 1);
	ck_assert_str_eq(h->v[0].summary, "second");
	govmap_history_free(h);
	/* from an older revision */
	memset(&o, 0, sizeof o);
	o.rev = "HEAD~1";
	ck_assert_int_eq(govmap_history_load(&h, root, &o, &d), GOVMAP_OK);
	ck_assert_uint_eq(h->n, 1);
	ck_assert_str_eq(h->v[0].summary, "first");
	govmap_history_free(h);
	ck_assert_uint_eq(d.n, 0);
	free(root);
	govmap_diags_free(&d);
}
END_TEST

/* Commits made in the same second (a script, a rebase, git fast-import)
 * are listed children first: the walk compares each with its parent.
 * Sorted by time alone, libgit2 gave "money, one, powers" for this
 * history. */
START_TEST(history_same_second_in_parent_order)
{
	govmap_diags d = {0};
	govmap_history *h;
	static const char *const names[] = {"e", "d", "c", "b", "a"};
	commit_at(BODY("a"), "one", 1700000000, "a");
	commit_at(BODY("b"), "one", 1700000000, "b");
	commit_at(BODY("c"), "one", 1700000000, "c");
	commit_at(BODY("d"), "one", 1700000000, "d");
	commit_at(BODY("e"), "one", 1700000000, "e");
	char *root = th_path(repo_dir, "reg");
	ck_assert_int_eq(govmap_history_load(&h, root, NULL, &d), GOVMAP_OK);
	ck_assert_uint_eq(h->n, 5);
	for (size_t k = 0; k < 5; k++)
		ck_assert_str_eq(h->v[k].summary, names[k]);
	govmap_history_free(h);
	free(root);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(history_registry_removed_and_back)
{
	govmap_diags d = {0};
	govmap_history *h;
	commit_at(BODY("a"), "one", 1700000000, "add");
	git_index *idx;
	git_oid tree, head, oid;
	git_tree *t;
	git_commit *parent;
	git_signature *sig;
	/* a commit without reg/ at all */
	git_ok(git_repository_index(&idx, repo), "index");
	git_index_clear(idx);
	stage(idx, "other/readme.md", M_BLOB, "gone", 0);
	git_ok(git_index_write_tree(&tree, idx), "tree");
	git_index_free(idx);
	git_ok(git_tree_lookup(&t, repo, &tree), "lookup");
	git_ok(git_signature_new(&sig, "B", "b@example.org", 1700000100, 0),
	       "sig");
	git_ok(git_reference_name_to_id(&head, repo, "HEAD"), "head");
	git_ok(git_commit_lookup(&parent, repo, &head), "parent");
	git_ok(git_commit_create_v(&oid, repo, "HEAD", sig, sig, NULL,
				   "remove", t, 1, parent),
	       "commit");
	git_commit_free(parent);
	git_signature_free(sig);
	git_tree_free(t);
	commit_at(BODY("a"), "one", 1700000200, "back");

	char *root = th_path(repo_dir, "reg");
	ck_assert_int_eq(govmap_history_load(&h, root, NULL, &d), GOVMAP_OK);
	ck_assert_uint_eq(h->n, 3);
	ck_assert_str_eq(h->v[1].summary, "remove");
	ck_assert_str_eq(h->v[1].tree, "");
	ck_assert_str_eq(h->v[0].tree, h->v[2].tree);
	govmap_history_free(h);
	free(root);
	govmap_diags_free(&d);
}
END_TEST

/* Walk reg/'s history with `what`, skipping neutral commits; record
 * per step (oldest first) whether it was loaded, skipped as the same,
 * had a diff, and its entity count. */
typedef struct {
	int loaded, same, diff;
	size_t n;
	double A; /* the A of entity "icb" on 2024-07-01, or -1 */
} walk_step;

/* A timeline over reg/'s history, scored on 2024-07-01 with a parse
 * cache, skipping neutral commits. */
typedef struct {
	govmap_parse_cache *cache;
	char *root;
	govmap_session_opts so;
	govmap_timeline *t;
} walk;

static void walk_open(walk *w, unsigned what, const char *id, int totals,
		      govmap_stage stage)
{
	ck_assert_int_eq(govmap_parse_cache_new(&w->cache), GOVMAP_OK);
	w->root = th_path(repo_dir, "reg");
	govmap_session_opts so = GOVMAP_SESSION_OPTS_INIT;
	w->so = so;
	w->so.source = GOVMAP_SOURCE_GIT;
	w->so.registry = w->root;
	w->so.stage = stage;
	w->so.cache = w->cache;
	ck_assert_int_eq(govmap_date_parse(&w->so.on, "2024-07-01"), GOVMAP_OK);
	govmap_timeline_opts to = GOVMAP_TIMELINE_OPTS_INIT;
	to.session = &w->so;
	to.what = what;
	to.skip_neutral = 1;
	to.relevant_id = id;
	to.totals_only = totals;
	govmap_diags d = {0};
	ck_assert_int_eq(govmap_timeline_open(&w->t, &to, &d), GOVMAP_OK);
	govmap_diags_free(&d);
}

static void walk_close(walk *w)
{
	govmap_timeline_free(w->t);
	govmap_parse_cache_free(w->cache);
	free(w->root);
}

/* ... with `id` as the relevant_id (NULL: none) */
static size_t walk_timeline(unsigned what, const char *id, walk_step *v,
			    size_t max)
{
	walk w;
	walk_open(&w, what, id, 0, GOVMAP_STAGE_ANALYSE);
	govmap_timeline *t = w.t;
	size_t k = 0;
	const govmap_timeline_step *st;
	while (govmap_timeline_next(t, &st) == GOVMAP_OK) {
		ck_assert_uint_lt(k, max);
		v[k].loaded = st->loaded;
		v[k].same = st->same;
		v[k].diff = st->diff != NULL;
		const govmap_registry *reg =
			st->session ? govmap_session_registry(st->session) : NULL;
		v[k].n = reg ? govmap_registry_count(reg) : 0;
		int32_t i = reg ? govmap_registry_index(reg, "icb") : -1;
		v[k].A = i >= 0 ? govmap_analysis_score(govmap_session_analysis(
								st->session),
							(size_t)i)->A
				: -1;
		k++;
	}
	walk_close(&w);
	return k;
}

/* history ID's relevance filter.  Commit the registry files
 * reg/NAME.yaml of `files` ((name, text) pairs ended by NULL) and the
 * manifest. */
static void commit_files(int64_t when, const char *msg, const char **files)
{
	git_index *idx;
	git_ok(git_repository_index(&idx, repo), "index");
	git_index_clear(idx);
	stage(idx, "reg/govmap.yaml", M_BLOB, TH_MANIFEST, 0);
	for (size_t k = 0; files[k]; k += 2) {
		char path[64];
		snprintf(path, sizeof path, "reg/%s.yaml", files[k]);
		stage(idx, path, M_BLOB, files[k + 1], 0);
	}
	commit_index(idx, when, msg);
}

#define RBODY(id, type, extra)                                               \
	"kind: body\nid: " id "\nname: " id "\ntype: " type                 \
	"\nregion: england\n" extra TH_SOURCES
#define RLINK(id, from, to, powers)                                          \
	"kind: link\nid: " id "\nfrom: " from "\nto: " to                   \
	"\ntype: scrutinised-by\nforum: political\nbasis: statute\n"         \
	"powers: " powers "\n" TH_SOURCES
#define RMONEY(gbp)                                                          \
	"money:\n  - year: 2024/25\n    gbp: " gbp "\n    kind: budget\n"     \
	"    source: https://example.org/doc\n"

/* The marks themselves (govmap__relevance): what icb's chains reach,
 * what refers to that, what those refer to; an id written twice carries
 * the marks of both copies. */
START_TEST(relevance_marks)
{
	govmap_diags d = {0};
	int rc;
	govmap_registry *reg = th_load_files(
		"relevance", NULL, &d, &rc, "voters.yaml",
		RBODY("voters", "electorate", ""), "council.yaml",
		RBODY("council", "local-authority", ""), "elected.yaml",
		RLINK("council-by-voters", "council", "voters",
		      "[inform, question, sanction]"),
		"icb.yaml",
		RBODY("icb", "arms-length-body", "statutory_basis: An Act\n"),
		"scrutiny.yaml",
		RLINK("icb-by-council", "icb", "council", "[inform]"),
		"trust.yaml",
		RBODY("trust", "arms-length-body",
		      "statutory_basis: An Act\nvalid:\n  from: 2025-04-01\n"),
		"via.yaml",
		RLINK("icb-by-trust", "icb", "trust", "[inform]"),
		"island.yaml",
		RBODY("island", "arms-length-body", "statutory_basis: An Act\n"),
		"x1.yaml",
		RLINK("dup", "island", "trust", "[inform]"), "x2.yaml",
		RLINK("dup", "icb", "voters", "[inform]"), NULL);
	ck_assert_ptr_nonnull(reg);
	govmap_analysis *an = NULL;
	govmap_analysis_opts o = {0};
	ck_assert_int_eq(govmap_date_parse(&o.on, "2024-07-01"), GOVMAP_OK);
	ck_assert_int_eq(govmap_analyse(&an, reg, &o), GOVMAP_OK);
	unsigned char *m;
	ck_assert_int_eq(govmap__relevance(&m, reg, an, "icb"), GOVMAP_OK);
#define MARK(id) m[govmap_registry_index(reg, id)]
	const unsigned reach = GOVMAP__REL_REACH | GOVMAP__REL_REF |
			       GOVMAP__REL_CORE;
	ck_assert_uint_eq(MARK("icb"), reach);
	ck_assert_uint_eq(MARK("council"), reach);
	ck_assert_uint_eq(MARK("voters"), reach);
	ck_assert_uint_eq(MARK("icb-by-council"), GOVMAP__REL_CORE);
	ck_assert_uint_eq(MARK("council-by-voters"), GOVMAP__REL_CORE);
	/* not in force: no edge, but the link that names it is core */
	ck_assert_uint_eq(MARK("icb-by-trust"), GOVMAP__REL_CORE);
	ck_assert_uint_eq(MARK("trust"), GOVMAP__REL_PERI);
	ck_assert_uint_eq(MARK("island") & GOVMAP__REL_CORE, 0);
	/* one copy of `dup` refers to a reached node: the id is core */
	ck_assert(MARK("dup") & GOVMAP__REL_CORE);
#undef MARK
	free(m);
	/* an absent id marks nothing */
	ck_assert_int_eq(govmap__relevance(&m, reg, an, "nobody"), GOVMAP_OK);
	for (size_t i = 0; i < govmap_registry_count(reg); i++)
		ck_assert_uint_eq(m[i], 0);
	free(m);
	govmap_analysis_free(an);
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(timeline_relevance)
{
	const char *voters = RBODY("voters", "electorate", "");
	const char *council = RBODY("council", "local-authority", "");
	const char *elected = RLINK("council-by-voters", "council", "voters",
				    "[inform, question, sanction]");
	const char *icb = RBODY("icb", "arms-length-body",
				"statutory_basis: An Act\n" RMONEY("100"));
	const char *scrutiny =
		RLINK("icb-by-council", "icb", "council", "[inform, question]");
	/* an island icb's chains never reach, and a trust an icb link
	 * names that is not in force yet */
	const char *island = RBODY("island", "arms-length-body",
				   "statutory_basis: An Act\n" RMONEY("5"));
	const char *trust = RBODY("trust", "arms-length-body",
				  "statutory_basis: An Act\n" RMONEY("7")
				  "valid:\n  from: 2025-04-01\n");
	const char *via = RLINK("icb-by-trust", "icb", "trust",
				"[inform, question, sanction]");
	const char *tlink = RLINK("trust-by-voters", "trust", "voters",
				  "[inform, question, sanction]");
#define BASE "voters", voters, "council", council, "elected", elected, \
	     "icb", icb, "via", via, "tlink", tlink
	/* files[13]: the scrutiny link, [15] the island, [17] the trust */
	const char *files[] = {BASE, "scrutiny", scrutiny, "island", island,
			       "trust", trust, NULL};
	commit_files(1700000000, "all", files);
	/* the island's money: skipped */
	files[15] = RBODY("island", "arms-length-body",
			  "statutory_basis: An Act\n" RMONEY("6"));
	commit_files(1700000100, "island money", files);
	/* the trust's money (a link from icb names it): skipped */
	files[17] = RBODY("trust", "arms-length-body",
			  "statutory_basis: An Act\n" RMONEY("8")
			  "valid:\n  from: 2025-04-01\n");
	commit_files(1700000200, "trust money", files);
	/* the council's link loses a power: icb's chain, loaded */
	files[13] = RLINK("icb-by-council", "icb", "council", "[inform]");
	commit_files(1700000300, "weaker", files);
	/* the trust in force from 2023: an edge from icb appears, loaded */
	files[17] = RBODY("trust", "arms-length-body",
			  "statutory_basis: An Act\n" RMONEY("8")
			  "valid:\n  from: 2023-04-01\n");
	commit_files(1700000400, "trust starts", files);
#undef BASE
	walk_step v[8];
	const unsigned what = GOVMAP_COMPARE_FIELDS | GOVMAP_COMPARE_SCORES;
	ck_assert_uint_eq(walk_timeline(what, "icb", v, 8), 5);
	ck_assert_int_eq(v[0].same, 0);
	ck_assert_int_eq(v[1].same, 1);
	ck_assert_int_eq(v[2].same, 1);
	ck_assert_int_eq(v[3].same, 0);
	ck_assert_int_eq(v[4].same, 0);
	/* the weaker link moved icb's A, and so did the trust's start */
	ck_assert_double_gt(v[0].A, 0);
	ck_assert_double_lt(v[3].A, v[2].A);
	ck_assert_double_gt(v[4].A, v[3].A);
	/* for the island itself, its money commit is loaded, and the
	 * change on icb's chain is not */
	ck_assert_uint_eq(walk_timeline(what, "island", v, 8), 5);
	ck_assert_int_eq(v[1].same, 0);
	ck_assert_int_eq(v[3].same, 1);
	/* without the filter, every commit here is loaded */
	ck_assert_uint_eq(walk_timeline(what, NULL, v, 8), 5);
	for (size_t k = 0; k < 5; k++)
		ck_assert_int_eq(v[k].same, 0);
}
END_TEST

/* GOVMAP_COMPARE_NO_DIFF (what `history` without an ID asks): the same
 * commits loaded and skipped as a walk with diffs, the same sessions,
 * and no diff at any step. */
START_TEST(timeline_without_diffs)
{
	commit_at(BODY("a"), "one", 1700000000, "a");
	commit_at(BODY("a") "---\n" BODY("b"), "one", 1700000100, "b");
	commit_at(BODY("a") "notes: only notes\n---\n" BODY("b"), "one",
		  1700000200, "notes");
	commit_at(BODY("a"), "one", 1700000300, "b removed");
	walk_step with[8], without[8];
	size_t n = walk_timeline(GOVMAP_COMPARE_SCORES, NULL, with, 8);
	ck_assert_uint_eq(n, 4);
	ck_assert_uint_eq(walk_timeline(GOVMAP_COMPARE_NO_DIFF, NULL, without, 8),
			  n);
	size_t diffs = 0;
	for (size_t k = 0; k < n; k++) {
		ck_assert_int_eq(with[k].loaded, without[k].loaded);
		ck_assert_int_eq(with[k].same, without[k].same);
		ck_assert_uint_eq(with[k].n, without[k].n);
		ck_assert_int_eq(without[k].diff, 0);
		diffs += (size_t)with[k].diff;
	}
	/* oldest first: a; a and b; the notes commit skipped; a again */
	ck_assert_uint_eq(with[0].n, 1);
	ck_assert_uint_eq(with[1].n, 2);
	ck_assert_int_eq(with[2].same, 1);
	ck_assert_uint_eq(with[3].n, 1);
	ck_assert_uint_eq(diffs, 2);
}
END_TEST

/* totals_only (what `history` without an ID asks): walk reg/'s history
 * and, for every step, set v[k] = {same, loaded, exposure}; check each
 * step's exposure against a load of its commit without a cache. */
typedef struct {
	int same, loaded;
	size_t errors;
	double exposure;
	size_t priced;
} total_step;

static size_t walk_totals(total_step *v, size_t max, govmap_stage stage)
{
	walk w;
	walk_open(&w, GOVMAP_COMPARE_NO_DIFF, NULL, 1, stage);
	govmap_timeline *t = w.t;
	size_t k = 0;
	const govmap_timeline_step *st;
	while (govmap_timeline_next(t, &st) == GOVMAP_OK) {
		ck_assert_uint_lt(k, max);
		v[k].same = st->same;
		v[k].loaded = st->loaded;
		v[k].exposure = st->exposure;
		v[k].priced = st->priced;
		/* the commit loaded alone, without the cache */
		govmap_session_opts one = w.so;
		one.cache = NULL;
		one.rev = st->commit->id;
		one.analyse_invalid = 1;
		govmap_session *s;
		ck_assert_int_eq(govmap_session_open(&s, &one), GOVMAP_OK);
		v[k].errors = govmap_session_diags(s)->count[GOVMAP_SEV_ERROR];
		ck_assert_msg(st->exposure == govmap_exposure_total(s),
			      "step %zu: exposure %.17g, loaded alone %.17g", k,
			      st->exposure, govmap_exposure_total(s));
		ck_assert_msg(st->priced == govmap_exposure_count(s),
			      "step %zu: %zu bodies with money, loaded alone "
			      "%zu", k, st->priced, govmap_exposure_count(s));
		ck_assert_uint_eq(govmap_registry_count(
					  govmap_session_registry(st->session)),
				  govmap_registry_count(
					  govmap_session_registry(s)));
		ck_assert_uint_eq(govmap_session_diags(st->session)
					  ->count[GOVMAP_SEV_ERROR],
				  v[k].errors);
		ck_assert_uint_eq(govmap_session_diags(st->session)
					  ->count[GOVMAP_SEV_WARNING],
				  govmap_session_diags(s)
					  ->count[GOVMAP_SEV_WARNING]);
		/* a session brought up to the commit: its entities (but for
		 * notes, which a skipped commit may change), their references
		 * and chains are the commit's */
		static const char *const notes[] = {"notes", NULL};
		const govmap_registry *rs = govmap_session_registry(st->session);
		const govmap_registry *rl = govmap_session_registry(s);
		const govmap_analysis *as = govmap_session_analysis(st->session);
		const govmap_analysis *al = govmap_session_analysis(s);
		for (size_t i = 0; i < govmap_registry_count(rl); i++) {
			const govmap_entity *l = govmap_registry_at(rl, i);
			int32_t j = govmap_registry_index(rs, l->id);
			ck_assert_int_ge(j, 0);
			const govmap_entity *e = govmap_registry_at(rs, (size_t)j);
			ck_assert_msg(govmap__entity_same_but(e, l, notes),
				      "step %zu: %s differs", k, l->id);
			ck_assert_int_eq(e->from.target < 0, l->from.target < 0);
			ck_assert_int_eq(e->of.target < 0, l->of.target < 0);
			ck_assert_int_eq(!as, !al);
			if (!as)
				continue; /* not scored */
			const govmap_score *x = govmap_analysis_score(as, (size_t)j);
			const govmap_score *y = govmap_analysis_score(al, i);
			ck_assert_msg(x->A == y->A && x->D == y->D &&
					      x->active == y->active,
				      "step %zu: %s scored A %g, alone %g", k,
				      l->id, x->A, y->A);
		}
		govmap_session_free(s);
		k++;
	}
	walk_close(&w);
	return k;
}

#define TMONEY(gbp, kind)                                                    \
	"money:\n  - year: 2024/25\n    gbp: " gbp "\n    kind: " kind       \
	"\n    source: https://example.org/doc\n"
#define TICB(gbp)                                                            \
	RBODY("icb", "arms-length-body",                                     \
	      "statutory_basis: An Act\n" TMONEY(gbp, "budget"))
#define TPROV(extra)                                                         \
	RBODY("prov", "company", "valid:\n  from: 2000-01-01\n" extra)
#define TLOOSE(powers)                                                       \
	"kind: link\nid: loose\nfrom: island\nto: council\n"                 \
	"type: scrutinised-by\nforum: political\nbasis: none\n"              \
	"powers: " powers "\n" TH_SOURCES
#define TCONTRACT(gbp)                                                       \
	"kind: contract\nid: k\nname: K\ncommissioner: icb\nprovider: prov\n" \
	"start: 2023-04-01\nend: 2030-03-31\ntendered: true\n"                \
	TMONEY(gbp, "contract-value") TH_SOURCES

/* A commit that changes only notes, money figures and powers is not
 * loaded: the last loaded session is brought up to it (its analysis
 * patched where the changes reach, or done again whole for a contract's
 * value), and its total is the one a load gives.  A change validation
 * warns of, a file added, or a commit after errors is loaded. */
START_TEST(timeline_totals_only)
{
	const char *files[] = {
		"voters", RBODY("voters", "electorate", ""),
		"council", RBODY("council", "local-authority", ""),
		"elected", RLINK("council-by-voters", "council", "voters",
				 "[inform, question, sanction]"),
		"icb", TICB("1000000"),
		"scrutiny", RLINK("icb-by-council", "icb", "council",
				  "[inform, question]"),
		"island", RBODY("island", "arms-length-body",
				"statutory_basis: An Act\n"
				TMONEY("5000", "budget")),
		"prov", TPROV(""),
		"k", TCONTRACT("300000"),
		"loose", TLOOSE("[inform]"),
		NULL};
	/* files[7]: icb, [9] scrutiny, [11] island, [13] prov, [15] the
	 * contract, [17] a link without a basis */
	commit_files(1700000000, "all", files);
	files[7] = TICB("2000000");
	commit_files(1700000100, "icb money", files);
	files[7] = TICB("3000001");
	files[11] = RBODY("island", "arms-length-body",
			  "statutory_basis: An Act\n" TMONEY("7777", "budget"));
	commit_files(1700000200, "two bodies' money", files);
	files[7] = TICB("3000001") "notes: a note\n";
	/* the council's first figure: one more body with money */
	files[3] = RBODY("council", "local-authority", TMONEY("900", "outturn"));
	commit_files(1700000300, "notes", files);
	files[15] = TCONTRACT("400000");
	commit_files(1700000400, "contract value", files);
	files[13] = TPROV(TMONEY("123456", "outturn"));
	commit_files(1700000500, "provider's own figure", files);
	files[13] = TPROV(TMONEY("654321", "outturn"));
	commit_files(1700000600, "provider's own figure again", files);
	files[9] = RLINK("icb-by-council", "icb", "council", "[inform]");
	commit_files(1700000700, "weaker", files);
	files[17] = TLOOSE("[inform, sanction]");
	commit_files(1700000800, "a sanction without a basis", files);
	const char *more[sizeof files / sizeof *files + 2];
	memcpy(more, files, sizeof files);
	more[18] = "broken";
	more[19] = RLINK("broken", "island", "nobody", "[inform]");
	more[20] = NULL;
	commit_files(1700000900, "an error", more);
	more[7] = TICB("4000000");
	commit_files(1700001000, "money after the error", more);
	total_step v[16], u[16];
	ck_assert_uint_eq(walk_totals(v, 16, GOVMAP_STAGE_ANALYSE), 11);
	/* not scored (history --no-scores): the same commits applied */
	ck_assert_uint_eq(walk_totals(u, 16, GOVMAP_STAGE_LOAD), 11);
	static const int same[11] = {0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0};
	for (size_t k = 0; k < 11; k++) {
		ck_assert_msg(v[k].same == same[k], "step %zu same %d", k,
			      v[k].same);
		ck_assert_int_eq(u[k].same, same[k]);
		ck_assert_int_eq(v[k].loaded, 1);
		ck_assert_int_eq(v[k].errors > 0, k >= 9);
		ck_assert_uint_eq(u[k].errors, v[k].errors);
		ck_assert_double_eq(u[k].exposure, 0);
	}
	/* the figures (the council's first at [3]) and the weaker link
	 * moved the totals */
	ck_assert_double_gt(v[0].exposure, 0);
	ck_assert_double_gt(v[1].exposure, v[0].exposure);
	ck_assert_double_gt(v[2].exposure, v[1].exposure);
	ck_assert_double_gt(v[3].exposure, v[2].exposure);
	ck_assert_double_ne(v[4].exposure, v[3].exposure);
	ck_assert_double_ne(v[5].exposure, v[4].exposure);
	ck_assert_double_gt(v[6].exposure, v[5].exposure);
	ck_assert_double_gt(v[7].exposure, v[6].exposure);
	ck_assert_double_gt(v[10].exposure, v[9].exposure);
	/* the council's first figure, in a commit not loaded: counted */
	ck_assert_uint_eq(v[0].priced, 3);
	ck_assert_uint_eq(v[2].priced, 3);
	ck_assert_uint_eq(v[3].priced, 4);
	ck_assert_uint_eq(v[10].priced, 4);
}
END_TEST

START_TEST(history_refuses_bad_revisions)
{
	govmap_diags d = {0};
	govmap_history *h;
	commit_at(BODY("a"), "one", 1700000000, "first");
	char *root = th_path(repo_dir, "reg");
	govmap_history_opts o = {0};
	o.rev = "HEAD@{1}";
	ck_assert_int_eq(govmap_history_load(&h, root, &o, &d),
			 GOVMAP_EINVALID);
	ck_assert_ptr_null(h);
	o.rev = "no-such-branch";
	ck_assert_int_eq(govmap_history_load(&h, root, &o, &d),
			 GOVMAP_ENOTFOUND);
	ck_assert_uint_eq(th_count(&d, "rev"), 2);
	free(root);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(repo_paths_hooks_folder)
{
	govmap_diags d = {0};
	char *hooks, *rel;
	char *root = th_path(repo_dir, "reg");
	ck_assert_int_eq(govmap_repo_paths(&hooks, &rel, root, &d), GOVMAP_OK);
	ck_assert_str_eq(rel, "reg");
	ck_assert_ptr_nonnull(strstr(hooks, "/.git/hooks"));
	free(hooks);
	free(rel);
	/* core.hooksPath, relative to the top of the working tree */
	git_config *cfg;
	git_ok(git_repository_config(&cfg, repo), "config");
	git_ok(git_config_set_string(cfg, "core.hooksPath", "githooks"),
	       "set");
	git_config_free(cfg);
	ck_assert_int_eq(govmap_repo_paths(&hooks, &rel, root, &d), GOVMAP_OK);
	char *want = th_path(repo_dir, "githooks");
	ck_assert_str_eq(hooks, want);
	free(want);
	free(hooks);
	free(rel);
	free(root);
	govmap_diags_free(&d);
}
END_TEST

/* ---- the schema as data, fields as text ----------------------------- */

START_TEST(schema_fields_per_kind)
{
	govmap_field_info f[64];
	size_t n = govmap_schema_fields(GOVMAP_KIND_LINK, f, 64);
	ck_assert_uint_gt(n, 8);
	ck_assert_uint_le(n, 64);
	ck_assert_str_eq(f[0].key, "kind");
	ck_assert(f[0].required);
	int from = 0, seats = 0;
	for (size_t i = 0; i < n; i++) {
		from |= strcmp(f[i].key, "from") == 0 && f[i].required &&
			strcmp(f[i].type, "ref") == 0;
		seats |= strcmp(f[i].key, "seats") == 0;
	}
	ck_assert(from);
	ck_assert(!seats);
	/* a short buffer still gets the count */
	ck_assert_uint_eq(govmap_schema_fields(GOVMAP_KIND_LINK, f, 1), n);
	ck_assert_uint_eq(govmap_schema_fields(GOVMAP_KIND__COUNT, f, 64), 0);
	const char *const *sk = govmap_schema_seat_keys();
	ck_assert_str_eq(sk[0], "role");
	const char *const *bt = govmap_schema_core_types(GOVMAP_KIND_BODY);
	ck_assert_str_eq(bt[0], "electorate");
	ck_assert_ptr_null(govmap_schema_core_types(GOVMAP_KIND_CONTRACT));
	ck_assert(govmap_id_is_valid("nhs-gm-icb"));
	ck_assert(!govmap_id_is_valid("Bad_Id"));
	ck_assert(!govmap_id_is_valid("a--b"));
	ck_assert(govmap_region_is_valid("england/greater-manchester"));
	ck_assert(!govmap_region_is_valid("england//x"));
}
END_TEST

START_TEST(entity_fields_as_text)
{
	govmap_diags d = {0};
	govmap_registry *reg = th_load_files(
		NULL, NULL, &d, NULL, "x.yaml",
		BODY("council")
		"---\nkind: body\nid: voters\nname: Voters\n"
		"type: electorate\nregion: england\n" TH_SOURCES
		"---\nkind: board\nid: b\nname: B\nof: council\nseats:\n"
		"  - role: Chair\n    appointed_by: council\n    voting: true\n"
		"  - role: Member\n    count: 3\n    vacant: 1\n"
		"    elected_by: voters\n    valid: {from: 2020-01-01}\n"
		TH_SOURCES "---\n"
		"kind: link\nid: l\nfrom: council\nto: voters\n"
		"type: elected-by\nbasis: statute\npowers: [sanction, inform]\n"
		"valid: {to: 2024-01-31}\n" TH_SOURCES,
		NULL);
	ck_assert_msg(d.count[GOVMAP_SEV_ERROR] == 0, "%s", th_dump(&d));
	char **v;
	size_t n;
	const govmap_entity *b = govmap_registry_find(reg, "b");
	ck_assert_int_eq(govmap_entity_field(&v, &n, b, "seats"), GOVMAP_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(v[0], "role: Chair; count: 1; appointed_by: council; "
			       "voting: true");
	ck_assert_str_eq(v[1], "role: Member; count: 3; elected_by: voters; "
			       "vacant: 1; valid: from 2020-01-01");
	govmap_strings_free(v, n);
	ck_assert_int_eq(govmap_entity_field(&v, &n, b, "decides"), GOVMAP_OK);
	ck_assert_uint_eq(n, 0);
	ck_assert_ptr_null(v);
	/* a key of another kind */
	ck_assert_int_eq(govmap_entity_field(&v, &n, b, "powers"),
			 GOVMAP_ENOTFOUND);

	const govmap_entity *l = govmap_registry_find(reg, "l");
	ck_assert_int_eq(govmap_entity_field(&v, &n, l, "powers"), GOVMAP_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(v[0], "inform, sanction");
	govmap_strings_free(v, n);
	ck_assert_int_eq(govmap_entity_field(&v, &n, l, "valid"), GOVMAP_OK);
	ck_assert_str_eq(v[0], "to 2024-01-31");
	govmap_strings_free(v, n);
	ck_assert_int_eq(govmap_entity_field(&v, &n, l, "basis"), GOVMAP_OK);
	ck_assert_str_eq(v[0], "statute");
	govmap_strings_free(v, n);
	ck_assert_int_eq(govmap_entity_field(&v, &n, l, "sources"), GOVMAP_OK);
	ck_assert_str_eq(v[0], "A document <https://example.org/doc> "
			       "accessed 2024-01-01");
	govmap_strings_free(v, n);
	ck_assert_int_eq(govmap_entity_field(&v, &n, l, "kind"), GOVMAP_OK);
	ck_assert_str_eq(v[0], "link");
	govmap_strings_free(v, n);
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

/* govmap__session_patch: a session that stops at the analysis is patched
 * in place (1); one with findings is analysed whole (0), its findings made
 * again, so that they follow the change.  Either way the scores are a
 * whole analysis's. */
#define PS_SRC                                                              \
	"sources:\n  - url: https://example.org/x\n    title: X\n"         \
	"    accessed: 2024-06-01\n"
START_TEST(session_patch_whole_with_findings)
{
	static const char manifest[] = "schema: 1\nname: unit\n";
	static const char text[] =
		"kind: body\nid: voters\nname: Voters\ntype: electorate\n"
		"region: uk\n" PS_SRC "---\n"
		"kind: body\nid: parl\nname: Parliament\ntype: parliament\n"
		"region: uk\n" PS_SRC "---\n"
		"kind: link\nid: parl-by-voters\nfrom: parl\nto: voters\n"
		"type: elected-by\nbasis: statute\npowers: [inform, question, "
		"sanction]\n" PS_SRC "---\n"
		"kind: body\nid: quango\nname: A Quango\n"
		"type: arms-length-body\nregion: uk\n"
		"statutory_basis: An Act\n" PS_SRC "---\n"
		"kind: link\nid: quango-to-parl\nfrom: quango\nto: parl\n"
		"type: accountable-to\nbasis: statute\npowers: [inform]\n"
		PS_SRC;
	govmap_mem_file f[] = {
		{"govmap.yaml", manifest, sizeof manifest - 1},
		{"all.yaml", text, sizeof text - 1},
	};
	for (int with_findings = 0; with_findings < 2; with_findings++) {
		govmap_session_opts o = GOVMAP_SESSION_OPTS_INIT;
		o.source = GOVMAP_SOURCE_MEMORY;
		o.files = f;
		o.nfiles = 2;
		o.label = "mem";
		o.stage = with_findings ? GOVMAP_STAGE_FINDINGS
					: GOVMAP_STAGE_ANALYSE;
		o.on = 20240601;
		govmap_session *s = NULL;
		ck_assert_int_eq(govmap_session_open(&s, &o), GOVMAP_OK);
		govmap_registry *reg =
			(govmap_registry *)govmap_session_registry(s);
		int32_t q = govmap_registry_index(reg, "quango");
		int32_t l = govmap_registry_index(reg, "quango-to-parl");
		ck_assert_int_ge(q, 0);
		ck_assert_int_ge(l, 0);
		size_t before = 0;
		govmap_findings *fs = govmap_session_findings(s);
		for (size_t i = 0; i < fs->n; i++)
			before += fs->v[i].entity == q &&
				  strcmp(fs->v[i].rule, "core/no-sanction") == 0;
		ck_assert_uint_eq(before, with_findings ? 1 : 0);
		double a0 = govmap_analysis_score(govmap_session_analysis(s),
						  (size_t)q)->A;
		/* the link gains the power to sanction */
		govmap_entity *link =
			(govmap_entity *)govmap_registry_at(reg, (size_t)l);
		link->powers = GOVMAP_POWER_INFORM | GOVMAP_POWER_QUESTION |
			       GOVMAP_POWER_SANCTION;
		ck_assert_int_eq(govmap__session_patch(s, &l, 1),
				 with_findings ? 0 : 1);
		const govmap_analysis *an = govmap_session_analysis(s);
		govmap_analysis *whole = NULL;
		govmap_analysis_opts ao = {20240601, NULL, NULL, 0, NULL};
		ck_assert_int_eq(govmap_analyse(&whole, reg, &ao), GOVMAP_OK);
		for (size_t i = 0; i < govmap_registry_count(reg); i++)
			ck_assert_double_eq(
				govmap_analysis_score(an, i)->A,
				govmap_analysis_score(whole, i)->A);
		ck_assert(govmap_analysis_score(an, (size_t)q)->A > a0);
		govmap_analysis_free(whole);
		/* with findings: made again, the no-sanction one gone */
		fs = govmap_session_findings(s);
		size_t after = 0, any = fs->n;
		for (size_t i = 0; i < fs->n; i++)
			after += fs->v[i].entity == q &&
				 strcmp(fs->v[i].rule, "core/no-sanction") == 0;
		ck_assert_uint_eq(after, 0);
		if (!with_findings)
			ck_assert_uint_eq(any, 0);
		govmap_session_free(s);
	}
}
END_TEST

Suite *vcs_suite(void)
{
	Suite *s = suite_create("vcs");
	TCase *tc = tcase_create("index");
	th_add_tmp_fixtures(tc);
	tcase_add_checked_fixture(tc, git_setup, git_teardown);
	tcase_set_timeout(tc, TH_TIMEOUT);
	tcase_add_test(tc, index_reads_staged_not_worktree);
	tcase_add_test(tc, tree_changes_as_libgit2);
	tcase_add_test(tc, index_skips_links_submodules_and_odd_names);
	tcase_add_test(tc, index_conflict_is_an_error);
	tcase_add_test(tc, index_blob_size_checked_first);
	tcase_add_test(tc, index_from_git_index_file);
	tcase_add_test(tc, index_outside_a_repository);
	suite_add_tcase(s, tc);

	tc = tcase_create("history");
	th_add_tmp_fixtures(tc);
	tcase_add_checked_fixture(tc, git_setup, git_teardown);
	tcase_set_timeout(tc, TH_TIMEOUT);
	tcase_add_test(tc, history_keeps_registry_commits);
	tcase_add_test(tc, history_registry_removed_and_back);
	tcase_add_test(tc, history_same_second_in_parent_order);
	tcase_add_test(tc, history_refuses_bad_revisions);
	tcase_add_test(tc, timeline_without_diffs);
	tcase_add_test(tc, timeline_totals_only);
	tcase_add_test(tc, session_patch_whole_with_findings);
	tcase_add_test(tc, timeline_relevance);
	tcase_add_test(tc, relevance_marks);
	tcase_add_test(tc, repo_paths_hooks_folder);
	suite_add_tcase(s, tc);

	tc = tcase_create("schema-info");
	th_add_tmp_fixtures(tc);
	tcase_set_timeout(tc, TH_TIMEOUT);
	tcase_add_test(tc, schema_fields_per_kind);
	tcase_add_test(tc, entity_fields_as_text);
	suite_add_tcase(s, tc);
	return s;
}
