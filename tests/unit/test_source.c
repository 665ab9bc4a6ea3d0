/*
 * test_source.c - the sources: a directory in the working tree
 * (source_dir.c), revision syntax and name checks (source.c), and a Git
 * revision read from the object database (source_git.c) of repositories
 * built here with libgit2.
 */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <git2.h>

#include "parse_cache.h"
#include "source_impl.h"
#include "suites.h"

/* ---- collecting what a walk visits ------------------------------------ */

#define MAXV 64
typedef struct {
	size_t n;
	char *path[MAXV], *display[MAXV], *data[MAXV];
	size_t len[MAXV];
	size_t stop_after; /* 0 = never */
} visits;

static int visit_cb(const char *path, const char *display, const char *data,
		    size_t len, void *payload)
{
	visits *v = payload;
	ck_assert_uint_lt(v->n, MAXV);
	ck_assert_int_eq(data[len], '\0');
	v->path[v->n] = strdup(path);
	v->display[v->n] = strdup(display);
	v->data[v->n] = strdup(data);
	v->len[v->n] = len;
	v->n++;
	return v->stop_after && v->n >= v->stop_after;
}

static void visits_free(visits *v)
{
	for (size_t i = 0; i < v->n; i++) {
		free(v->path[i]);
		free(v->display[i]);
		free(v->data[i]);
	}
	memset(v, 0, sizeof(*v));
}

static void expect_paths(const visits *v, const char *const *want, size_t n)
{
	char got[2048] = "";
	for (size_t i = 0; i < v->n; i++) {
		strncat(got, " ", sizeof got - strlen(got) - 1);
		strncat(got, v->path[i], sizeof got - strlen(got) - 1);
	}
	ck_assert_msg(v->n == n, "visited %zu files:%s", v->n, got);
	for (size_t i = 0; i < n; i++)
		ck_assert_msg(strcmp(v->path[i], want[i]) == 0,
			      "file %zu is %s, want %s (visited:%s)", i,
			      v->path[i], want[i], got);
}

static govmap_src *open_dir(const char *root, const govmap_src_limits *lim,
			    govmap_diags *d)
{
	govmap_src *src = NULL;
	ck_assert_int_eq(govmap_src_open_dir(&src, root, lim, d), GOVMAP_OK);
	ck_assert_ptr_nonnull(src);
	return src;
}

/* The only diagnostic with `code`, at file `root`/`rel`, line 0. */
static const govmap_diag *note_at(const govmap_diags *d, const char *code,
				  const char *file, govmap_severity sev)
{
	ck_assert_msg(th_count(d, code) == 1, "want one %s:%s", code,
		      th_dump(d));
	const govmap_diag *g = th_find(d, code, 0);
	if (file) {
		ck_assert_ptr_nonnull(g->file);
		ck_assert_str_eq(g->file, file);
	}
	ck_assert_uint_eq(g->line, 0);
	ck_assert_int_eq(g->sev, sev);
	return g;
}

/* ---- directory source ------------------------------------------------- */

START_TEST(dir_sorted_order)
{
	static const char *const create[] = {
		"z.yaml", "b/c.yaml", "sub/govmap.yaml", "a.yaml", "B.yaml",
		"b.yaml", "a/z.yaml", "a-b.yaml", "a/deep/er/x.yaml"};
	static const char *const want[] = {
		"B.yaml",   "a-b.yaml", "a.yaml",  "a/deep/er/x.yaml",
		"a/z.yaml", "b.yaml",   "b/c.yaml", "sub/govmap.yaml",
		"z.yaml"};
	govmap_diags d = {0};
	visits v = {0};
	/* created in an order unrelated to the sorted one */
	for (size_t i = 0; i < sizeof create / sizeof create[0]; i++)
		th_write(th_dir, create[i], create[i]);
	th_write(th_dir, "govmap.yaml", TH_MANIFEST); /* read separately */
	th_write(th_dir, "README.md", "# readme\n");
	th_write(th_dir, "notes.yml", "x: 1\n");
	th_write(th_dir, "a/yaml", "x: 1\n");
	th_write(th_dir, "a/x.yaml.bak", "x: 1\n");
	th_write(th_dir, "a/x.YAML", "x: 1\n");

	govmap_src *src = open_dir(th_dir, NULL, &d);
	ck_assert_int_eq(govmap_src_each(src, visit_cb, &v, &d), GOVMAP_OK);
	/* only the files that look like registry data and are not read
	 * are warned about: notes.yml and a/x.YAML */
	ck_assert_msg(d.n == 2 && th_count(&d, "skip-yml") == 2,
		      "unexpected:%s", th_dump(&d));
	expect_paths(&v, want, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < v.n; i++) {
		char *disp = th_path(th_dir, want[i]);
		ck_assert_str_eq(v.display[i], disp);
		free(disp);
		/* each file holds its own name */
		ck_assert_str_eq(v.data[i], want[i]);
		ck_assert_uint_eq(v.len[i], strlen(want[i]));
	}
	ck_assert_str_eq(govmap_src_label(src), th_dir);
	ck_assert_str_eq(govmap_src_revision(src), "working tree");
	visits_free(&v);
	govmap_src_free(src);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(dir_hidden_ignored)
{
	static const char *const want[] = {"a.yaml", "sub/b.yaml"};
	govmap_diags d = {0};
	visits v = {0};
	th_write(th_dir, ".git/objects/x.yaml", "x");
	th_write(th_dir, ".git/config", "x");
	th_write(th_dir, ".github/workflow.yaml", "x");
	th_write(th_dir, ".hidden.yaml", "x");
	th_write(th_dir, "sub/.swap.yaml", "x");
	th_write(th_dir, "sub/.d/c.yaml", "x");
	th_write(th_dir, "a.yaml", "a");
	th_write(th_dir, "sub/b.yaml", "b");
	govmap_src *src = open_dir(th_dir, NULL, &d);
	ck_assert_int_eq(govmap_src_each(src, visit_cb, &v, &d), GOVMAP_OK);
	ck_assert_msg(d.n == 0, "unexpected:%s", th_dump(&d));
	expect_paths(&v, want, 2);
	visits_free(&v);
	govmap_src_free(src);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(dir_symlinks_skipped)
{
	static const char *const want[] = {"a.yaml", "real/r.yaml"};
	govmap_diags d = {0};
	visits v = {0};
	th_write(th_dir, "a.yaml", "a");
	th_write(th_dir, "real/r.yaml", "r");
	char *l1 = th_path(th_dir, "link.yaml");
	char *l2 = th_path(th_dir, "linkdir");
	char *l3 = th_path(th_dir, "real/passwd.yaml");
	ck_assert_int_eq(symlink("a.yaml", l1), 0);
	ck_assert_int_eq(symlink("real", l2), 0);
	ck_assert_int_eq(symlink("/etc/passwd", l3), 0);
	govmap_src *src = open_dir(th_dir, NULL, &d);
	ck_assert_int_eq(govmap_src_each(src, visit_cb, &v, &d), GOVMAP_OK);
	expect_paths(&v, want, 2);
	ck_assert_msg(d.n == 3 && th_count(&d, "skip-symlink") == 3, "%s",
		      th_dump(&d));
	govmap_diags_sort(&d);
	ck_assert_str_eq(d.v[0].file, l1);
	ck_assert_str_eq(d.v[1].file, l2);
	ck_assert_str_eq(d.v[2].file, l3);
	for (size_t i = 0; i < 3; i++) {
		ck_assert_int_eq(d.v[i].sev, GOVMAP_SEV_WARNING);
		ck_assert_uint_eq(d.v[i].line, 0);
		ck_assert_str_eq(d.v[i].msg, "symbolic link skipped (the "
					     "registry is read from regular "
					     "files only)");
	}
	ck_assert_uint_eq(d.count[GOVMAP_SEV_ERROR], 0);
	/* reading through a symlink is refused too */
	char *out = NULL;
	size_t len = 0;
	govmap_diags_free(&d);
	ck_assert_int_eq(govmap_src_read(&out, &len, src, "link.yaml", &d),
			 GOVMAP_EIO);
	ck_assert_ptr_null(out);
	note_at(&d, "io", l1, GOVMAP_SEV_ERROR);
	visits_free(&v);
	govmap_src_free(src);
	govmap_diags_free(&d);
	free(l1);
	free(l2);
	free(l3);
}
END_TEST

START_TEST(dir_file_size_limit)
{
	static const char *const want[] = {"a.yaml", "c.yaml"};
	govmap_src_limits lim = {0};
	govmap_diags d = {0};
	visits v = {0};
	lim.max_file_bytes = 10;
	th_write(th_dir, "a.yaml", "0123456789");  /* exactly 10 */
	th_write(th_dir, "b.yaml", "0123456789A"); /* 11 */
	th_write(th_dir, "c.yaml", "c");
	govmap_src *src = open_dir(th_dir, &lim, &d);
	ck_assert_int_eq(govmap_src_each(src, visit_cb, &v, &d), GOVMAP_OK);
	expect_paths(&v, want, 2);
	char *b = th_path(th_dir, "b.yaml");
	const govmap_diag *g =
		note_at(&d, "limit-file-size", b, GOVMAP_SEV_ERROR);
	ck_assert_str_eq(g->msg, "file is 11 bytes, over the limit of 10 "
				 "(raise limits.max_file_bytes in govmap.yaml "
				 "if this is intended)");
	ck_assert_uint_eq(d.n, 1);
	/* govmap_src_read applies the same limit */
	char *out = (char *)&v;
	size_t len = 99;
	govmap_diags_free(&d);
	ck_assert_int_eq(govmap_src_read(&out, &len, src, "b.yaml", &d),
			 GOVMAP_ELIMIT);
	ck_assert_ptr_null(out);
	note_at(&d, "limit-file-size", b, GOVMAP_SEV_ERROR);
	free(b);
	visits_free(&v);
	govmap_src_free(src);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(dir_total_size_limit)
{
	govmap_src_limits lim = {0};
	govmap_diags d = {0};
	visits v = {0};
	lim.max_total_bytes = 25;
	th_write(th_dir, "a.yaml", "0123456789");
	th_write(th_dir, "b.yaml", "0123456789");
	th_write(th_dir, "c.yaml", "0123456789");
	govmap_src *src = open_dir(th_dir, &lim, &d);
	govmap_src_each(src, visit_cb, &v, &d);
	static const char *const want[] = {"a.yaml", "b.yaml"};
	expect_paths(&v, want, 2);
	char *c = th_path(th_dir, "c.yaml");
	const govmap_diag *g =
		note_at(&d, "limit-total-size", c, GOVMAP_SEV_ERROR);
	ck_assert_msg(strncmp(g->msg, "the registry is over the total size "
				      "limit of 25 bytes", 51) == 0,
		      "%s", g->msg);
	free(c);
	visits_free(&v);
	govmap_src_free(src);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(dir_file_count_limit)
{
	govmap_src_limits lim = {0};
	govmap_diags d = {0};
	visits v = {0};
	lim.max_files = 2;
	th_write(th_dir, "a.yaml", "a");
	th_write(th_dir, "b.yaml", "b");
	govmap_src *src = open_dir(th_dir, &lim, &d);
	ck_assert_int_eq(govmap_src_each(src, visit_cb, &v, &d), GOVMAP_OK);
	ck_assert_uint_eq(v.n, 2);
	visits_free(&v);
	govmap_src_free(src);

	th_write(th_dir, "c/c.yaml", "c");
	src = open_dir(th_dir, &lim, &d);
	ck_assert_int_eq(govmap_src_each(src, visit_cb, &v, &d),
			 GOVMAP_ELIMIT);
	ck_assert_uint_eq(v.n, 0); /* nothing is read past the limit */
	const govmap_diag *g = note_at(&d, "limit-files", NULL,
				       GOVMAP_SEV_ERROR);
	ck_assert_ptr_null(g->file);
	ck_assert_str_eq(g->msg, "more than 2 files in the registry");
	visits_free(&v);
	govmap_src_free(src);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(dir_tree_depth_limit)
{
	govmap_src_limits lim = {0};
	govmap_diags d = {0};
	visits v = {0};
	lim.max_tree_depth = 2;
	th_write(th_dir, "a/b/ok.yaml", "ok");
	govmap_src *src = open_dir(th_dir, &lim, &d);
	ck_assert_int_eq(govmap_src_each(src, visit_cb, &v, &d), GOVMAP_OK);
	ck_assert_uint_eq(v.n, 1);
	visits_free(&v);
	govmap_src_free(src);

	th_write(th_dir, "a/b/c/deep.yaml", "deep");
	src = open_dir(th_dir, &lim, &d);
	ck_assert_int_eq(govmap_src_each(src, visit_cb, &v, &d),
			 GOVMAP_ELIMIT);
	char *abc = th_path(th_dir, "a/b/c");
	const govmap_diag *g =
		note_at(&d, "limit-tree-depth", abc, GOVMAP_SEV_ERROR);
	ck_assert_str_eq(g->msg, "directories nested deeper than 2");
	free(abc);
	visits_free(&v);
	govmap_src_free(src);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(dir_callback_stops)
{
	govmap_diags d = {0};
	visits v = {0};
	v.stop_after = 2;
	th_write(th_dir, "a.yaml", "a");
	th_write(th_dir, "b.yaml", "b");
	th_write(th_dir, "c.yaml", "c");
	govmap_src *src = open_dir(th_dir, NULL, &d);
	ck_assert_int_eq(govmap_src_each(src, visit_cb, &v, &d), GOVMAP_OK);
	static const char *const want[] = {"a.yaml", "b.yaml"};
	expect_paths(&v, want, 2);
	visits_free(&v);
	govmap_src_free(src);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(dir_read_files)
{
	govmap_diags d = {0};
	char *out = NULL;
	size_t len = 0;
	th_write(th_dir, "govmap.yaml", TH_MANIFEST);
	th_write(th_dir, "sub/x.yaml", "");
	th_write_bytes(th_dir, "bin.yaml", "a\0b", 3);
	govmap_src *src = open_dir(th_dir, NULL, &d);
	ck_assert_int_eq(govmap_src_read(&out, &len, src, "govmap.yaml", &d),
			 GOVMAP_OK);
	ck_assert_str_eq(out, TH_MANIFEST);
	ck_assert_uint_eq(len, strlen(TH_MANIFEST));
	free(out);
	ck_assert_int_eq(govmap_src_read(&out, &len, src, "sub/x.yaml", &d),
			 GOVMAP_OK);
	ck_assert_uint_eq(len, 0);
	ck_assert_str_eq(out, "");
	free(out);
	ck_assert_int_eq(govmap_src_read(&out, &len, src, "bin.yaml", &d),
			 GOVMAP_OK);
	ck_assert_uint_eq(len, 3);
	ck_assert_int_eq(memcmp(out, "a\0b\0", 4), 0);
	free(out);
	ck_assert_msg(d.n == 0, "unexpected:%s", th_dump(&d));

	/* a missing file: ENOTFOUND, quietly (the caller decides) */
	out = (char *)&d;
	ck_assert_int_eq(govmap_src_read(&out, &len, src, "nope.yaml", &d),
			 GOVMAP_ENOTFOUND);
	ck_assert_ptr_null(out);
	ck_assert_int_eq(govmap_src_read(&out, &len, src, "no/such/dir.yaml",
					 &d),
			 GOVMAP_ENOTFOUND);
	ck_assert_uint_eq(d.n, 0);

	/* a directory is not a file */
	ck_assert_int_eq(govmap_src_read(&out, &len, src, "sub", &d),
			 GOVMAP_EIO);
	char *sub = th_path(th_dir, "sub");
	const govmap_diag *g = note_at(&d, "io", sub, GOVMAP_SEV_ERROR);
	ck_assert_str_eq(g->msg, "not a regular file");
	free(sub);
	govmap_src_free(src);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(dir_open_errors)
{
	govmap_diags d = {0};
	govmap_src *src = (govmap_src *)&d;
	char *missing = th_path(th_dir, "missing");
	char want[512];
	ck_assert_int_eq(govmap_src_open_dir(&src, missing, NULL, &d),
			 GOVMAP_ENOTFOUND);
	ck_assert_ptr_null(src);
	const govmap_diag *g = note_at(&d, "no-registry", NULL,
				       GOVMAP_SEV_ERROR);
	ck_assert_ptr_null(g->file);
	snprintf(want, sizeof want, "%s: %s", missing, strerror(ENOENT));
	ck_assert_str_eq(g->msg, want);
	govmap_diags_free(&d);

	th_write(th_dir, "file", "x");
	char *file = th_path(th_dir, "file");
	ck_assert_int_eq(govmap_src_open_dir(&src, file, NULL, &d),
			 GOVMAP_ENOTFOUND);
	snprintf(want, sizeof want, "%s: not a directory", file);
	ck_assert_str_eq(note_at(&d, "no-registry", NULL, GOVMAP_SEV_ERROR)
				 ->msg,
			 want);
	govmap_diags_free(&d);
	free(missing);
	free(file);
	govmap_src_free(NULL);
}
END_TEST

START_TEST(dir_label_trailing_slash)
{
	govmap_diags d = {0};
	char root[4096];
	snprintf(root, sizeof root, "%s///", th_dir);
	th_write(th_dir, "a.yaml", "a");
	govmap_src *src = open_dir(root, NULL, &d);
	ck_assert_str_eq(govmap_src_label(src), th_dir);
	char *disp = govmap__src_display(src, "x/y.yaml");
	char *want = th_path(th_dir, "x/y.yaml");
	ck_assert_str_eq(disp, want);
	free(disp);
	free(want);
	govmap_src_free(src);
	govmap_diags_free(&d);
}
END_TEST

/* ---- names and revisions ---------------------------------------------- */

START_TEST(rev_safe_accepts)
{
	static const char *const ok[] = {
		"HEAD", "HEAD~1", "HEAD~", "HEAD^", "HEAD^2", "HEAD~10^2",
		"main", "v1.0", "release/2024-01", "refs/heads/x",
		"refs/tags/v1.2.3", "0123456789abcdef0123456789abcdef01234567",
		"0123abc", "HEAD^{tree}", "HEAD^{commit}", "main~2^{tree}",
		"feature_x", "A-B.c"};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		ck_assert_msg(govmap_rev_is_safe(ok[i]), "'%s' refused", ok[i]);
	char max[201];
	memset(max, 'a', 200);
	max[200] = '\0';
	ck_assert(govmap_rev_is_safe(max));
}
END_TEST

START_TEST(rev_safe_rejects)
{
	static const char *const bad[] = {
		"", "-x", "--upload-pack=x", "--output=/tmp/x", "HEAD@{1}",
		"@{-1}", "main@{yesterday}", "a..b", "a...b", "x y", "x\n",
		"x\t", "HEAD:path", "HEAD~1:reg", "~1", "^HEAD", ".hidden",
		"/abs", "trailing/", "trailing.", "a//b", "x.lock",
		"refs/heads/.x", "HEAD^{blob}", "HEAD^{}", "HEAD^{/msg}",
		"HEAD~1234567", "HEAD~x", "a*", "a?", "a[1]", "a\\b",
		"caf\xc3\xa9", "HEAD~1 ", "$(id)", "`id`", "a;b"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(!govmap_rev_is_safe(bad[i]), "'%s' accepted",
			      bad[i]);
	char big[301];
	memset(big, 'a', 300);
	big[300] = '\0';
	ck_assert(!govmap_rev_is_safe(big));
	big[201] = '\0';
	ck_assert(!govmap_rev_is_safe(big));
}
END_TEST

START_TEST(segment_and_yaml_names)
{
	ck_assert(govmap__segment_safe("a.yaml", 6));
	ck_assert(govmap__segment_safe("A_b-1.yaml", 10));
	ck_assert(govmap__segment_safe(".gitignore", 10));
	ck_assert(govmap__segment_safe("..x", 3));
	ck_assert(!govmap__segment_safe("", 0));
	ck_assert(!govmap__segment_safe(".", 1));
	ck_assert(!govmap__segment_safe("..", 2));
	ck_assert(!govmap__segment_safe(".git", 4));
	ck_assert(!govmap__segment_safe("a b", 3));
	ck_assert(!govmap__segment_safe("a/b", 3));
	ck_assert(!govmap__segment_safe("a\\b", 3));
	ck_assert(!govmap__segment_safe("a\x01", 2));
	ck_assert(!govmap__segment_safe("caf\xc3\xa9", 5));
	char name[300];
	memset(name, 'n', sizeof name);
	ck_assert(govmap__segment_safe(name, 255));
	ck_assert(!govmap__segment_safe(name, 256));

	ck_assert(govmap__is_yaml("a.yaml"));
	ck_assert(govmap__is_yaml("x.y.yaml"));
	ck_assert(!govmap__is_yaml(".yaml"));
	ck_assert(!govmap__is_yaml("yaml"));
	ck_assert(!govmap__is_yaml("a.yml"));
	ck_assert(!govmap__is_yaml("a.YAML"));
	ck_assert(!govmap__is_yaml("a.yaml~"));

	govmap_src_limits l = {0};
	govmap__src_limits_defaults(&l);
	ck_assert_uint_eq(l.max_file_bytes, 1u << 20);
	ck_assert_uint_eq(l.max_total_bytes, 256u << 20);
	ck_assert_uint_eq(l.max_files, 200000);
	ck_assert_uint_eq(l.max_tree_depth, 32);
}
END_TEST

/* ---- Git repositories built with libgit2 -------------------------------- */

#define M_TREE 0040000
#define M_BLOB 0100644
#define M_EXEC 0100755
#define M_LINK 0120000
#define M_COMMIT 0160000

typedef struct {
	unsigned mode;
	const char *name;
	git_oid oid;
} tent;
#define TREE(a) tree(a, sizeof(a) / sizeof((a)[0]))

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

/* Git's tree order: names compare as if trees ended with '/'. */
static int tent_cmp(const void *a, const void *b)
{
	const tent *x = a, *y = b;
	char kx[300], ky[300];
	snprintf(kx, sizeof kx, "%s%s", x->name, x->mode == M_TREE ? "/" : "");
	snprintf(ky, sizeof ky, "%s%s", y->name, y->mode == M_TREE ? "/" : "");
	return strcmp(kx, ky);
}

/* Write a tree object byte by byte: no name checks, so that entries a
 * hostile repository could hold ("..", control characters) can be made. */
static git_oid tree(tent *e, size_t n)
{
	git_odb *odb;
	git_oid oid;
	size_t cap = 64, len = 0;
	char *buf = malloc(cap);
	ck_assert_ptr_nonnull(buf);
	qsort(e, n, sizeof(*e), tent_cmp);
	for (size_t i = 0; i < n; i++) {
		size_t need = len + strlen(e[i].name) + 32;
		if (need > cap) {
			cap = need * 2;
			buf = realloc(buf, cap);
			ck_assert_ptr_nonnull(buf);
		}
		len += (size_t)sprintf(buf + len, "%o %s", e[i].mode,
				       e[i].name) + 1;
		memcpy(buf + len, e[i].oid.id, GIT_OID_RAWSZ);
		len += GIT_OID_RAWSZ;
	}
	git_ok(git_repository_odb(&odb, repo), "odb");
	git_ok(git_odb_write(&oid, odb, buf, len, GIT_OBJECT_TREE), "tree");
	git_odb_free(odb);
	free(buf);
	return oid;
}

/* Commit `t` on top of HEAD (if any) and move HEAD. */
static git_oid commit(git_oid t, const char *msg)
{
	git_signature *sig;
	git_tree *tr;
	git_commit *parent = NULL;
	git_oid head, oid;
	git_ok(git_signature_new(&sig, "Test", "test@example.org",
				 1700000000, 0),
	       "signature");
	git_ok(git_tree_lookup(&tr, repo, &t), "tree lookup");
	if (git_reference_name_to_id(&head, repo, "HEAD") == 0)
		git_ok(git_commit_lookup(&parent, repo, &head), "parent");
	git_ok(git_commit_create_v(&oid, repo, "HEAD", sig, sig, NULL, msg, tr,
				   parent ? 1 : 0, parent),
	       "commit");
	git_commit_free(parent);
	git_tree_free(tr);
	git_signature_free(sig);
	return oid;
}

static void mkdir_in_repo(const char *rel)
{
	char *p = th_path(repo_dir, rel);
	ck_assert_msg(mkdir(p, 0755) == 0 || errno == EEXIST, "mkdir %s", p);
	free(p);
}

#define BODY_DOC(id)                                                        \
	"kind: body\nid: " id "\nname: " id "\ntype: charity\n"              \
	"region: england\n" TH_SOURCES

static git_oid first_commit, second_commit;

/* Two commits:
 *   HEAD~1  README.md, reg/govmap.yaml, reg/x.yaml (with a typo)
 *   HEAD    reg/x.yaml fixed, reg/bodies/b.yaml, reg/links/l.yaml,
 *           and a second registry in extra/sub/{govmap,e}.yaml */
static void make_history(void)
{
	git_oid manifest = blob(TH_MANIFEST);
	tent reg1[] = {{M_BLOB, "govmap.yaml", manifest},
		       {M_BLOB, "x.yaml", blob(BODY_DOC("a") "nmae: A\n")}};
	tent top1[] = {{M_BLOB, "README.md", blob("# repo\n")},
		       {M_TREE, "reg", TREE(reg1)}};
	first_commit = commit(TREE(top1), "first commit");

	tent bodies[] = {{M_BLOB, "b.yaml", blob(BODY_DOC("b"))}};
	tent links[] = {{M_BLOB, "l.yaml",
			 blob("kind: link\nid: l\ntype: funded-by\nfrom: a\n"
			      "to: b\nbasis: contract\n" TH_SOURCES)}};
	tent extra[] = {{M_BLOB, "govmap.yaml", manifest},
			{M_BLOB, "e.yaml", blob(BODY_DOC("e"))}};
	tent reg2[] = {{M_BLOB, "govmap.yaml", manifest},
		       {M_BLOB, "x.yaml", blob(BODY_DOC("a"))},
		       {M_TREE, "bodies", TREE(bodies)},
		       {M_TREE, "links", TREE(links)}};
	tent sub[] = {{M_TREE, "sub", TREE(extra)}};
	tent top2[] = {{M_BLOB, "README.md", blob("# repo\n")},
		       {M_TREE, "reg", TREE(reg2)},
		       {M_TREE, "extra", TREE(sub)}};
	second_commit = commit(TREE(top2), "second commit\n\nbody");
	/* the registry directory must exist in the working tree */
	mkdir_in_repo("reg");
	mkdir_in_repo("extra");
	mkdir_in_repo("extra/sub");
}

static govmap_registry *load_git(const char *rel, const char *rev,
				 govmap_diags *d, int *rc, govmap_src **srcp)
{
	govmap_src *src = NULL;
	govmap_registry *reg = NULL;
	char *root = th_path(repo_dir, rel);
	*rc = govmap_src_open_git(&src, root, rev, NULL, d);
	free(root);
	if (*rc != GOVMAP_OK) {
		ck_assert_ptr_null(src);
		return NULL;
	}
	*rc = govmap_registry_load(&reg, src, NULL, d);
	if (srcp)
		*srcp = src;
	else
		govmap_src_free(src);
	return reg;
}

START_TEST(git_head_and_parent)
{
	govmap_diags d = {0};
	govmap_src *src;
	int rc;
	char hex[GIT_OID_HEXSZ + 1], want[128];
	make_history();

	/* HEAD: three entities in three files */
	govmap_registry *reg = load_git("reg", "HEAD", &d, &rc, &src);
	ck_assert_int_eq(rc, GOVMAP_OK);
	ck_assert_msg(d.n == 0, "unexpected:%s", th_dump(&d));
	ck_assert_uint_eq(govmap_registry_count(reg), 3);
	ck_assert_uint_eq(govmap_registry_nfiles(reg), 3);
	ck_assert_str_eq(govmap_src_label(src), "HEAD:reg");
	git_oid_tostr(hex, sizeof hex, &second_commit);
	snprintf(want, sizeof want, "HEAD %.12s (second commit)", hex);
	ck_assert_str_eq(govmap_src_revision(src), want);
	const govmap_entity *a = govmap_registry_find(reg, "a");
	ck_assert_ptr_nonnull(a);
	ck_assert_str_eq(a->pos.file, "HEAD:reg/x.yaml");
	ck_assert_str_eq(govmap_registry_find(reg, "b")->pos.file,
			 "HEAD:reg/bodies/b.yaml");
	const govmap_entity *l = govmap_registry_find(reg, "l");
	ck_assert_str_eq(l->pos.file, "HEAD:reg/links/l.yaml");
	ck_assert_int_eq(l->from.target, govmap_registry_index(reg, "a"));
	ck_assert_int_eq(l->to.target, govmap_registry_index(reg, "b"));
	ck_assert_ptr_null(govmap_registry_find(reg, "e")); /* elsewhere */
	govmap_registry_free(reg);
	govmap_src_free(src);

	/* HEAD~1: one entity, and the typo reported under HEAD~1: */
	reg = load_git("reg", "HEAD~1", &d, &rc, &src);
	ck_assert_int_eq(rc, GOVMAP_OK);
	ck_assert_uint_eq(govmap_registry_count(reg), 1);
	ck_assert_uint_eq(govmap_registry_nfiles(reg), 1);
	ck_assert_ptr_null(govmap_registry_find(reg, "b"));
	ck_assert_str_eq(govmap_src_label(src), "HEAD~1:reg");
	git_oid_tostr(hex, sizeof hex, &first_commit);
	snprintf(want, sizeof want, "HEAD~1 %.12s (first commit)", hex);
	ck_assert_str_eq(govmap_src_revision(src), want);
	ck_assert_msg(d.n == 1, "%s", th_dump(&d));
	ck_assert_str_eq(d.v[0].code, "unknown-key");
	ck_assert_str_eq(d.v[0].file, "HEAD~1:reg/x.yaml");
	ck_assert_uint_eq(d.v[0].line, 10);
	ck_assert_uint_eq(d.v[0].col, 1);
	ck_assert_str_eq(d.v[0].msg, "unknown key 'nmae' in a body (did you "
				     "mean 'name'?)");
	govmap_registry_free(reg);
	govmap_src_free(src);
	govmap_diags_free(&d);

	/* a commit id names the same revision */
	reg = load_git("reg", hex, &d, &rc, &src);
	ck_assert_int_eq(rc, GOVMAP_OK);
	ck_assert_uint_eq(govmap_registry_count(reg), 1);
	snprintf(want, sizeof want, "%s:reg/x.yaml", hex);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_str_eq(d.v[0].file, want);
	govmap_registry_free(reg);
	govmap_src_free(src);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(git_ignores_working_tree)
{
	govmap_diags d = {0};
	int rc;
	make_history();
	/* files on disk are not what a Git source reads */
	char *reg_dir = th_path(repo_dir, "reg");
	th_write(reg_dir, "govmap.yaml", "schema: 7\n");
	th_write(reg_dir, "w.yaml", BODY_DOC("w"));
	free(reg_dir);
	govmap_registry *reg = load_git("reg", "HEAD", &d, &rc, NULL);
	ck_assert_int_eq(rc, GOVMAP_OK);
	ck_assert_msg(d.n == 0, "unexpected:%s", th_dump(&d));
	ck_assert_uint_eq(govmap_registry_count(reg), 3);
	ck_assert_ptr_null(govmap_registry_find(reg, "w"));
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(git_registry_path)
{
	govmap_diags d = {0};
	govmap_src *src;
	int rc;
	make_history();

	/* a registry two folders down, at HEAD */
	govmap_registry *reg = load_git("extra/sub", "HEAD", &d, &rc, &src);
	ck_assert_msg(rc == GOVMAP_OK, "rc %d:%s", rc, th_dump(&d));
	ck_assert_msg(d.n == 0, "unexpected:%s", th_dump(&d));
	ck_assert_str_eq(govmap_src_label(src), "HEAD:extra/sub");
	ck_assert_uint_eq(govmap_registry_count(reg), 1);
	ck_assert_str_eq(govmap_registry_at(reg, 0)->pos.file,
			 "HEAD:extra/sub/e.yaml");
	govmap_registry_free(reg);
	govmap_src_free(src);

	/* a path with ".." is resolved first */
	reg = load_git("reg/../extra/sub/", "HEAD", &d, &rc, &src);
	ck_assert_int_eq(rc, GOVMAP_OK);
	ck_assert_str_eq(govmap_src_label(src), "HEAD:extra/sub");
	govmap_registry_free(reg);
	govmap_src_free(src);

	/* ... and it did not exist one commit earlier */
	reg = load_git("extra/sub", "HEAD~1", &d, &rc, NULL);
	ck_assert_int_eq(rc, GOVMAP_ENOTFOUND);
	ck_assert_ptr_null(reg);
	const govmap_diag *g = note_at(&d, "rev", NULL, GOVMAP_SEV_ERROR);
	ck_assert_str_eq(g->msg, "'extra/sub' is not a directory at revision "
				 "'HEAD~1'");
	govmap_diags_free(&d);

	/* the repository's top: label "HEAD:", no manifest there */
	reg = load_git("", "HEAD", &d, &rc, &src);
	ck_assert_int_eq(rc, GOVMAP_ENOTFOUND);
	ck_assert_ptr_null(reg);
	ck_assert_str_eq(govmap_src_label(src), "HEAD:");
	g = note_at(&d, "no-manifest", "HEAD:govmap.yaml", GOVMAP_SEV_ERROR);
	govmap_src_free(src);
	govmap_diags_free(&d);

	/* a revision naming a tree */
	reg = load_git("reg", "HEAD^{tree}", &d, &rc, NULL);
	ck_assert_int_eq(rc, GOVMAP_OK);
	ck_assert_uint_eq(govmap_registry_count(reg), 3);
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(git_bad_revisions)
{
	govmap_diags d = {0};
	govmap_src *src = (govmap_src *)&d;
	char *root;
	make_history();
	root = th_path(repo_dir, "reg");

	ck_assert_int_eq(govmap_src_open_git(&src, root, "nosuch", NULL, &d),
			 GOVMAP_ENOTFOUND);
	ck_assert_ptr_null(src);
	ck_assert_str_eq(note_at(&d, "rev", NULL, GOVMAP_SEV_ERROR)->msg,
			 "unknown revision 'nosuch'");
	govmap_diags_free(&d);

	ck_assert_int_eq(govmap_src_open_git(&src, root, "HEAD~5", NULL, &d),
			 GOVMAP_ENOTFOUND);
	ck_assert_str_eq(note_at(&d, "rev", NULL, GOVMAP_SEV_ERROR)->msg,
			 "unknown revision 'HEAD~5': 'HEAD' has only 1 commit "
			 "before it on its first-parent line");
	govmap_diags_free(&d);

	ck_assert_int_eq(govmap_src_open_git(&src, root,
					     "0000000000000000000000000000000000000001",
					     NULL, &d),
			 GOVMAP_ENOTFOUND);
	govmap_diags_free(&d);

	/* unsafe syntax never reaches libgit2 */
	static const char *const unsafe[] = {"HEAD@{1}", "--upload-pack=x",
					     "a..b", "x\n"};
	for (size_t i = 0; i < 4; i++) {
		ck_assert_int_eq(govmap_src_open_git(&src, root, unsafe[i],
						     NULL, &d),
				 GOVMAP_EINVALID);
		ck_assert_ptr_null(src);
		ck_assert_uint_eq(th_count(&d, "rev"), 1);
		ck_assert_ptr_nonnull(strstr(d.v[0].msg, "is not a revision "
							 "govmap accepts"));
		govmap_diags_free(&d);
	}
	ck_assert_int_eq(govmap_src_open_git(&src, root, "x\n", NULL, &d),
			 GOVMAP_EINVALID);
	ck_assert_ptr_nonnull(strstr(d.v[0].msg, "'x\\x0A'"));
	govmap_diags_free(&d);

	/* not inside a repository */
	char *outside = th_path(th_dir, "outside");
	ck_assert_int_eq(mkdir(outside, 0755), 0);
	ck_assert_int_eq(govmap_src_open_git(&src, outside, "HEAD", NULL, &d),
			 GOVMAP_ENOTFOUND);
	ck_assert_ptr_null(src);
	ck_assert_uint_eq(th_count(&d, "git"), 1);
	govmap_diags_free(&d);
	free(outside);
	free(root);
}
END_TEST

/* Hand-write a loose object whose header claims a 100 MiB blob but whose
 * body is cut short: reading its header works, inflating it does not.  A
 * source that checks the size first refuses it with "limit-file-size";
 * one that inflated the blob first would fail: libgit2 1.5.1 does not
 * even return on such a truncated object (it spins until the test times
 * out), so the object must never be inflated. */
static git_oid truncated_huge_blob(void)
{
	static const char hex[] = "00000000000000000000000000000000000000a1";
	unsigned char raw[512];
	size_t n = 0;
	git_oid oid;
	char hdr[] = "blob 104857600";
	raw[n++] = 0x78; /* zlib header, no compression */
	raw[n++] = 0x01;
	raw[n++] = 0x00; /* a stored block, not the final one */
	raw[n++] = 0xff; /* LEN 65535 ... */
	raw[n++] = 0xff;
	raw[n++] = 0x00; /* ... NLEN */
	raw[n++] = 0x00;
	memcpy(raw + n, hdr, sizeof hdr); /* with its NUL */
	n += sizeof hdr;
	memset(raw + n, 'k', 300); /* then the input simply ends */
	n += 300;
	char *dir = th_path(repo_dir, ".git/objects/00");
	char *path;
	ck_assert(mkdir(dir, 0755) == 0 || errno == EEXIST);
	path = th_path(dir, hex + 2);
	FILE *f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(raw, 1, n, f), n);
	fclose(f);
	free(path);
	free(dir);
	git_ok(git_oid_fromstr(&oid, hex), "oid");
	return oid;
}

START_TEST(git_hostile_entries)
{
	govmap_diags d = {0};
	govmap_src_limits lim = {0};
	govmap_src *src = NULL;
	visits v = {0};
	char big[201];
	git_oid fake;
	lim.max_file_bytes = 100;
	memset(big, '#', 200);
	big[200] = '\0';
	git_ok(git_oid_fromstr(&fake,
			       "1111111111111111111111111111111111111111"),
	       "oid");
	tent evil[] = {{M_BLOB, "evil.yaml", blob("kind: body\nid: evil\n")}};
	tent reg[] = {
		{M_BLOB, "govmap.yaml", blob(TH_MANIFEST)},
		{M_BLOB, "a.yaml", blob("a")},
		{M_EXEC, "exec.yaml", blob("exec")},
		{M_BLOB, "z.yaml", blob("z")},
		{M_LINK, "link.yaml", blob("a.yaml")},
		{M_COMMIT, "sub", fake},
		{M_TREE, "..", TREE(evil)},
		{M_BLOB, "bad\x01name.yaml", blob("bad")},
		{M_BLOB, ".gitignore", blob("*.tmp\n")},
		{M_BLOB, "x.yml", blob("yml")},
		{M_BLOB, "big.yaml", blob(big)},
		{M_BLOB, "huge.yaml", truncated_huge_blob()},
	};
	tent top[] = {{M_TREE, "reg", TREE(reg)}};
	commit(TREE(top), "hostile");
	mkdir_in_repo("reg");

	char *root = th_path(repo_dir, "reg");
	ck_assert_int_eq(govmap_src_open_git(&src, root, "HEAD", &lim, &d),
			 GOVMAP_OK);
	ck_assert_int_eq(govmap_src_each(src, visit_cb, &v, &d), GOVMAP_OK);
	static const char *const want[] = {"a.yaml", "exec.yaml", "z.yaml"};
	expect_paths(&v, want, 3);
	ck_assert_str_eq(v.display[0], "HEAD:reg/a.yaml");
	ck_assert_str_eq(v.data[1], "exec");

	const govmap_diag *g;
	g = note_at(&d, "skip-symlink", "HEAD:reg/link.yaml",
		    GOVMAP_SEV_WARNING);
	ck_assert_str_eq(g->msg, "symbolic link skipped (the registry is read "
				 "from regular files only)");
	g = note_at(&d, "skip-submodule", "HEAD:reg/sub", GOVMAP_SEV_WARNING);
	ck_assert_str_eq(g->msg, "submodule skipped");
	ck_assert_msg(th_count(&d, "skip-name") == 2, "%s", th_dump(&d));
	int dotdot = 0, ctrl = 0;
	for (size_t i = 0; i < 2; i++) {
		g = th_find(&d, "skip-name", i);
		ck_assert_int_eq(g->sev, GOVMAP_SEV_WARNING);
		if (strcmp(g->msg, "HEAD:reg/'..': unsafe name in the tree, "
				   "skipped") == 0)
			dotdot++;
		if (strcmp(g->msg, "HEAD:reg/'bad\\x01name.yaml': unsafe name "
				   "in the tree, skipped") == 0)
			ctrl++;
	}
	ck_assert_msg(dotdot == 1 && ctrl == 1, "%s", th_dump(&d));
	/* sizes are checked from the object header, before inflating */
	ck_assert_msg(th_count(&d, "limit-file-size") == 2, "%s", th_dump(&d));
	int sized = 0;
	for (size_t i = 0; i < 2; i++) {
		g = th_find(&d, "limit-file-size", i);
		if (strcmp(g->file, "HEAD:reg/big.yaml") == 0) {
			ck_assert_str_eq(g->msg,
					 "file is 200 bytes, over the limit "
					 "of 100 (raise limits.max_file_bytes "
					 "in govmap.yaml if this is "
					 "intended)");
			sized++;
		}
		if (strcmp(g->file, "HEAD:reg/huge.yaml") == 0) {
			ck_assert_str_eq(g->msg,
					 "file is 104857600 bytes, over the "
					 "limit of 100 (raise "
					 "limits.max_file_bytes in govmap.yaml "
					 "if this is intended)");
			sized++;
		}
	}
	ck_assert_int_eq(sized, 2);
	ck_assert_uint_eq(th_count(&d, "git"), 0);
	/* a .yml file is warned of, as in the working tree */
	g = note_at(&d, "skip-yml", "HEAD:reg/x.yml", GOVMAP_SEV_WARNING);
	ck_assert_msg(d.n == 7, "%s", th_dump(&d));
	govmap_diags_free(&d);

	/* govmap_src_read: regular files only, same limits */
	char *out = NULL;
	size_t len;
	ck_assert_int_eq(govmap_src_read(&out, &len, src, "govmap.yaml", &d),
			 GOVMAP_OK);
	ck_assert_str_eq(out, TH_MANIFEST);
	ck_assert_uint_eq(len, strlen(TH_MANIFEST));
	free(out);
	ck_assert_int_eq(govmap_src_read(&out, &len, src, "missing.yaml", &d),
			 GOVMAP_ENOTFOUND);
	ck_assert_ptr_null(out);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_int_eq(govmap_src_read(&out, &len, src, "link.yaml", &d),
			 GOVMAP_EIO);
	g = note_at(&d, "git", "HEAD:reg/link.yaml", GOVMAP_SEV_ERROR);
	ck_assert_str_eq(g->msg, "not a regular file in the tree");
	govmap_diags_free(&d);
	ck_assert_int_eq(govmap_src_read(&out, &len, src, "huge.yaml", &d),
			 GOVMAP_ELIMIT);
	note_at(&d, "limit-file-size", "HEAD:reg/huge.yaml", GOVMAP_SEV_ERROR);
	govmap_diags_free(&d);
	visits_free(&v);
	govmap_src_free(src);
	free(root);
}
END_TEST

START_TEST(git_tree_limits)
{
	govmap_diags d = {0};
	govmap_src_limits lim = {0};
	govmap_src *src = NULL;
	visits v = {0};
	tent c[] = {{M_BLOB, "deep.yaml", blob("deep")}};
	tent b[] = {{M_TREE, "c", TREE(c)}, {M_BLOB, "ok.yaml", blob("ok")}};
	tent a[] = {{M_TREE, "b", TREE(b)}};
	tent reg[] = {{M_BLOB, "govmap.yaml", blob(TH_MANIFEST)},
		      {M_TREE, "a", TREE(a)},
		      {M_BLOB, "one.yaml", blob("1")},
		      {M_BLOB, "two.yaml", blob("2")}};
	tent top[] = {{M_TREE, "reg", TREE(reg)}};
	commit(TREE(top), "limits");
	mkdir_in_repo("reg");
	char *root = th_path(repo_dir, "reg");

	/* depth: reg/a/b is depth 2, reg/a/b/c depth 3 */
	lim.max_tree_depth = 2;
	ck_assert_int_eq(govmap_src_open_git(&src, root, "HEAD", &lim, &d),
			 GOVMAP_OK);
	ck_assert_int_eq(govmap_src_each(src, visit_cb, &v, &d),
			 GOVMAP_ELIMIT);
	const govmap_diag *g = note_at(&d, "limit-tree-depth",
				       "HEAD:reg/a/b/c", GOVMAP_SEV_ERROR);
	ck_assert_str_eq(g->msg, "trees nested deeper than 2");
	govmap_src_free(src);
	govmap_diags_free(&d);
	visits_free(&v);

	lim.max_tree_depth = 3;
	ck_assert_int_eq(govmap_src_open_git(&src, root, "HEAD", &lim, &d),
			 GOVMAP_OK);
	ck_assert_int_eq(govmap_src_each(src, visit_cb, &v, &d), GOVMAP_OK);
	static const char *const want[] = {"a/b/c/deep.yaml", "a/b/ok.yaml",
					   "one.yaml", "two.yaml"};
	expect_paths(&v, want, 4);
	ck_assert_str_eq(v.display[0], "HEAD:reg/a/b/c/deep.yaml");
	ck_assert_uint_eq(d.n, 0);
	govmap_src_free(src);
	visits_free(&v);

	/* tree entries: at most twice max_files (8 entries here) */
	lim.max_tree_depth = 0;
	lim.max_files = 3;
	ck_assert_int_eq(govmap_src_open_git(&src, root, "HEAD", &lim, &d),
			 GOVMAP_OK);
	ck_assert_int_eq(govmap_src_each(src, visit_cb, &v, &d),
			 GOVMAP_ELIMIT);
	ck_assert_uint_eq(v.n, 0);
	g = note_at(&d, "limit-tree-entries", NULL, GOVMAP_SEV_ERROR);
	ck_assert_ptr_null(g->file);
	ck_assert_str_eq(g->msg, "HEAD:reg: more than 6 tree entries");
	govmap_src_free(src);
	govmap_diags_free(&d);
	visits_free(&v);
	free(root);
}
END_TEST

START_TEST(git_file_count_limit)
{
	govmap_diags d = {0};
	govmap_src_limits lim = {0};
	govmap_src *src = NULL;
	visits v = {0};
	tent reg[] = {{M_BLOB, "govmap.yaml", blob(TH_MANIFEST)},
		      {M_BLOB, "one.yaml", blob("1")},
		      {M_BLOB, "three.yaml", blob("3")},
		      {M_BLOB, "two.yaml", blob("2")}};
	tent top[] = {{M_TREE, "reg", TREE(reg)}};
	commit(TREE(top), "files");
	mkdir_in_repo("reg");
	char *root = th_path(repo_dir, "reg");

	lim.max_files = 3;
	ck_assert_int_eq(govmap_src_open_git(&src, root, "HEAD", &lim, &d),
			 GOVMAP_OK);
	ck_assert_int_eq(govmap_src_each(src, visit_cb, &v, &d), GOVMAP_OK);
	ck_assert_uint_eq(v.n, 3);
	ck_assert_uint_eq(d.n, 0);
	govmap_src_free(src);
	visits_free(&v);

	lim.max_files = 2;
	ck_assert_int_eq(govmap_src_open_git(&src, root, "HEAD", &lim, &d),
			 GOVMAP_OK);
	ck_assert_int_eq(govmap_src_each(src, visit_cb, &v, &d),
			 GOVMAP_ELIMIT);
	ck_assert_uint_eq(v.n, 0); /* nothing is read past the limit */
	const govmap_diag *g = note_at(&d, "limit-files", NULL,
				       GOVMAP_SEV_ERROR);
	ck_assert_str_eq(g->msg, "more than 2 files in the registry");
	govmap_src_free(src);
	govmap_diags_free(&d);
	visits_free(&v);
	free(root);
}
END_TEST

START_TEST(git_manifest_limits)
{
	/* limits from the manifest apply to a Git source as well */
	govmap_diags d = {0};
	int rc;
	char big[201];
	memset(big, '#', 200);
	big[200] = '\0';
	tent reg[] = {
		{M_BLOB, "govmap.yaml",
		 blob("schema: 1\nname: G\nlimits:\n  max_file_bytes: 150\n")},
		{M_BLOB, "big.yaml", blob(big)},
		{M_BLOB, "ok.yaml", blob(BODY_DOC("ok"))}};
	tent top[] = {{M_TREE, "reg", TREE(reg)}};
	commit(TREE(top), "manifest limits");
	mkdir_in_repo("reg");
	govmap_registry *r = load_git("reg", "HEAD", &d, &rc, NULL);
	ck_assert_int_eq(rc, GOVMAP_OK);
	ck_assert_uint_eq(govmap_registry_count(r), 1);
	note_at(&d, "limit-file-size", "HEAD:reg/big.yaml", GOVMAP_SEV_ERROR);
	ck_assert_str_eq(govmap_registry_name(r), "G");
	govmap_registry_free(r);
	govmap_diags_free(&d);
}
END_TEST

/* What a listing gives, as one string: its status, every file visited
 * (path, display, data) and every diagnostic. */
static char *listing(const char *root, const char *rev,
		     const govmap_src_limits *lim, govmap_parse_cache *cache)
{
	govmap_diags d = {0};
	govmap_src *src = NULL;
	visits v = {0};
	int rc = cache ? govmap__src_open_git_cached(&src, root, rev, lim,
						     cache, &d)
		       : govmap_src_open_git(&src, root, rev, lim, &d);
	ck_assert_int_eq(rc, GOVMAP_OK);
	rc = govmap_src_each(src, visit_cb, &v, &d);
	size_t cap = 8192, o = 0;
	char *out = malloc(cap);
	ck_assert_ptr_nonnull(out);
	o += (size_t)snprintf(out + o, cap - o, "rc %d\n", rc);
	for (size_t i = 0; i < v.n; i++)
		o += (size_t)snprintf(out + o, cap - o, "%s %s %s\n", v.path[i],
				      v.display[i], v.data[i]);
	ck_assert_uint_lt(o, cap);
	const char *diags = th_dump(&d);
	ck_assert_uint_lt(o + strlen(diags), cap);
	strcpy(out + o, diags);
	visits_free(&v);
	govmap_src_free(src);
	govmap_diags_free(&d);
	return out;
}

/* A walk through a parse cache reads a folder (a tree id) once and
 * replays it at every later commit (govmap__cache_folder): the files,
 * the names it skips and warns of, the depth and entry limits and the
 * paths must come out as a walk without the cache gives them, for a
 * folder met again at another path too, cold and warm. */
START_TEST(git_folders_from_the_cache)
{
	git_oid fake;
	git_ok(git_oid_fromstr(&fake,
			       "2222222222222222222222222222222222222222"),
	       "oid");
	tent deep[] = {{M_BLOB, "deep.yaml", blob("deep")}};
	git_oid deep_tree = TREE(deep);
	tent same[] = {{M_BLOB, "s.yaml", blob("same")},
		       {M_BLOB, "notes.txt", blob("not yaml")},
		       {M_TREE, "deeper", deep_tree}};
	git_oid same_tree = TREE(same);
	tent odd[] = {{M_LINK, "link.yaml", blob("s.yaml")},
		      {M_COMMIT, "mod", fake},
		      {M_BLOB, "bad\x01name.yaml", blob("bad")},
		      {M_BLOB, ".hidden.yaml", blob("hidden")},
		      {M_BLOB, "fine.yaml", blob("fine")}};
	tent reg1[] = {{M_BLOB, "govmap.yaml", blob(TH_MANIFEST)},
		       {M_TREE, "x", same_tree},
		       {M_TREE, "y", same_tree},
		       {M_TREE, "odd", TREE(odd)},
		       {M_BLOB, "top.yaml", blob("top 1")}};
	tent top1[] = {{M_TREE, "reg", TREE(reg1)}};
	commit(TREE(top1), "one");
	/* the second commit changes y's deepest file only */
	tent deep2[] = {{M_BLOB, "deep.yaml", blob("deep 2")}};
	tent same2[] = {{M_BLOB, "s.yaml", blob("same")},
			{M_BLOB, "notes.txt", blob("not yaml")},
			{M_TREE, "deeper", TREE(deep2)}};
	tent reg2[] = {{M_BLOB, "govmap.yaml", blob(TH_MANIFEST)},
		       {M_TREE, "x", same_tree},
		       {M_TREE, "y", TREE(same2)},
		       {M_TREE, "odd", TREE(odd)},
		       {M_BLOB, "top.yaml", blob("top 1")}};
	tent top2[] = {{M_TREE, "reg", TREE(reg2)}};
	commit(TREE(top2), "two");
	mkdir_in_repo("reg");
	char *root = th_path(repo_dir, "reg");

	govmap_parse_cache *c;
	ck_assert_int_eq(govmap_parse_cache_new(&c), GOVMAP_OK);
	static const char *const revs[] = {"HEAD~1", "HEAD", "HEAD~1"};
	/* no limit, then depth 2 (x/deeper is depth 2: fine; nothing at
	 * 3) and 1 (x/deeper refused), then few tree entries */
	const unsigned depth[] = {0, 2, 1, 0};
	const size_t files[] = {0, 0, 0, 4};
	for (size_t l = 0; l < 4; l++) {
		govmap_src_limits lim = {0};
		lim.max_tree_depth = depth[l];
		lim.max_files = files[l];
		for (size_t r = 0; r < 3; r++) {
			char *want = listing(root, revs[r], &lim, NULL);
			for (int warm = 0; warm < 2; warm++) {
				char *got = listing(root, revs[r], &lim, c);
				ck_assert_msg(strcmp(got, want) == 0,
					      "limits %zu, %s, %s cache:\n"
					      "%s\nwithout it:\n%s",
					      l, revs[r],
					      warm ? "warm" : "cold", got,
					      want);
				free(got);
			}
			free(want);
		}
	}
	/* and the folders were the cache's: x (and y at HEAD~1) once */
	ck_assert_ptr_nonnull(govmap__cache_folder(c, &same_tree));
	ck_assert_ptr_nonnull(govmap__cache_folder(c, &deep_tree));
	char *all = listing(root, "HEAD", NULL, c);
	ck_assert_ptr_nonnull(strstr(all, "x/deeper/deep.yaml HEAD:reg/x/"
					  "deeper/deep.yaml deep\n"));
	ck_assert_ptr_nonnull(strstr(all, "y/deeper/deep.yaml HEAD:reg/y/"
					  "deeper/deep.yaml deep 2\n"));
	ck_assert_ptr_nonnull(strstr(all, "[skip-symlink]"));
	ck_assert_ptr_nonnull(strstr(all, "[skip-submodule]"));
	ck_assert_ptr_nonnull(strstr(all, "[skip-name]"));
	/* over the folders' budget none is kept, and nothing changes */
	govmap_parse_cache *small;
	ck_assert_int_eq(govmap_parse_cache_new(&small), GOVMAP_OK);
	govmap__cache_folder_budget(small, 0);
	for (int twice = 0; twice < 2; twice++) {
		char *got = listing(root, "HEAD", NULL, small);
		ck_assert_str_eq(got, all);
		free(got);
	}
	ck_assert_ptr_null(govmap__cache_folder(small, &same_tree));
	govmap_parse_cache_free(small);
	free(all);
	govmap_parse_cache_free(c);
	free(root);
}
END_TEST

Suite *source_suite(void)
{
	Suite *s = suite_create("source");
	TCase *tc = tcase_create("dir");
	th_add_tmp_fixtures(tc);
	tcase_add_test(tc, dir_sorted_order);
	tcase_add_test(tc, dir_hidden_ignored);
	tcase_add_test(tc, dir_symlinks_skipped);
	tcase_add_test(tc, dir_file_size_limit);
	tcase_add_test(tc, dir_total_size_limit);
	tcase_add_test(tc, dir_file_count_limit);
	tcase_add_test(tc, dir_tree_depth_limit);
	tcase_add_test(tc, dir_callback_stops);
	tcase_add_test(tc, dir_read_files);
	tcase_add_test(tc, dir_open_errors);
	tcase_add_test(tc, dir_label_trailing_slash);
	tcase_set_timeout(tc, TH_TIMEOUT);
	suite_add_tcase(s, tc);

	tc = tcase_create("names");
	tcase_add_test(tc, rev_safe_accepts);
	tcase_add_test(tc, rev_safe_rejects);
	tcase_add_test(tc, segment_and_yaml_names);
	tcase_set_timeout(tc, TH_TIMEOUT);
	suite_add_tcase(s, tc);

	tc = tcase_create("git");
	th_add_tmp_fixtures(tc);
	/* after the temporary directory exists, before it is removed */
	tcase_add_checked_fixture(tc, git_setup, git_teardown);
	tcase_add_test(tc, git_head_and_parent);
	tcase_add_test(tc, git_ignores_working_tree);
	tcase_add_test(tc, git_registry_path);
	tcase_add_test(tc, git_bad_revisions);
	tcase_add_test(tc, git_hostile_entries);
	tcase_add_test(tc, git_tree_limits);
	tcase_add_test(tc, git_file_count_limit);
	tcase_add_test(tc, git_manifest_limits);
	tcase_add_test(tc, git_folders_from_the_cache);
	tcase_set_timeout(tc, TH_TIMEOUT);
	suite_add_tcase(s, tc);
	return s;
}
