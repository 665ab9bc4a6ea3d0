/*
 * helpers.c - temporary directories, file creation and diagnostic lookups
 * shared by the suites.
 */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <stdarg.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "govmap/source.h"
#include "suites.h"

char *th_dir;
static char *base_dir;

static void base_setup(void)
{
	const char *tmp = getenv("TMPDIR");
	char *tmpl;
	if (!tmp || !*tmp)
		tmp = "/tmp";
	tmpl = th_path(tmp, "govmap-unit-XXXXXX");
	if (!mkdtemp(tmpl)) {
		fprintf(stderr, "mkdtemp %s: %s\n", tmpl, strerror(errno));
		abort();
	}
	base_dir = tmpl;
}

static void base_teardown(void)
{
	if (base_dir)
		th_rmtree(base_dir);
	free(base_dir);
	base_dir = NULL;
}

static void test_setup(void)
{
	th_dir = th_path(base_dir, "t-XXXXXX");
	ck_assert_msg(mkdtemp(th_dir) != NULL, "mkdtemp: %s", strerror(errno));
}

static void test_teardown(void)
{
	th_rmtree(th_dir);
	free(th_dir);
	th_dir = NULL;
}

void th_add_tmp_fixtures(TCase *tc)
{
	tcase_add_unchecked_fixture(tc, base_setup, base_teardown);
	tcase_add_checked_fixture(tc, test_setup, test_teardown);
}

char *th_path(const char *dir, const char *rel)
{
	size_t n = strlen(dir) + strlen(rel) + 2;
	char *p = malloc(n);
	ck_assert_ptr_nonnull(p);
	snprintf(p, n, "%s/%s", dir, rel);
	return p;
}

static void mkparents(char *path)
{
	for (char *s = strchr(path + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		if (mkdir(path, 0755) < 0 && errno != EEXIST)
			ck_abort_msg("mkdir %s: %s", path, strerror(errno));
		*s = '/';
	}
}

void th_write_bytes(const char *dir, const char *rel, const void *data,
		    size_t len)
{
	char *p = th_path(dir, rel);
	mkparents(p);
	FILE *f = fopen(p, "wb");
	ck_assert_msg(f != NULL, "fopen %s: %s", p, strerror(errno));
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
	free(p);
}

void th_write(const char *dir, const char *rel, const char *text)
{
	th_write_bytes(dir, rel, text, strlen(text));
}

static int rm_one(const char *path, const struct stat *st, int flag,
		  struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (flag == FTW_DP)
		rmdir(path);
	else
		unlink(path);
	return 0;
}

void th_rmtree(const char *dir)
{
	if (dir)
		nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

size_t th_count(const govmap_diags *d, const char *code)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n; i++)
		if (strcmp(d->v[i].code, code) == 0)
			n++;
	return n;
}

const govmap_diag *th_find(const govmap_diags *d, const char *code,
			   size_t nth)
{
	for (size_t i = 0; i < d->n; i++)
		if (strcmp(d->v[i].code, code) == 0 && nth-- == 0)
			return &d->v[i];
	return NULL;
}

const char *th_dump(const govmap_diags *d)
{
	static char buf[8192];
	size_t o = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < d->n && o < sizeof buf - 1; i++) {
		int w = snprintf(buf + o, sizeof buf - o,
				 "\n  %s:%u:%u: %s [%s] %s",
				 d->v[i].file ? d->v[i].file : "(none)",
				 d->v[i].line, d->v[i].col,
				 govmap_severity_name(d->v[i].sev),
				 d->v[i].code, d->v[i].msg);
		if (w < 0)
			break;
		o += (size_t)w;
	}
	return d->n ? buf : " (no diagnostics)";
}

int th_file_is(const govmap_diag *g, const char *suffix)
{
	size_t n, s = strlen(suffix);
	if (!g || !g->file)
		return 0;
	n = strlen(g->file);
	return n >= s && strcmp(g->file + n - s, suffix) == 0;
}

govmap_registry *th_load(const char *dir, const govmap_load_opts *opts,
			 govmap_diags *d, int *rc)
{
	govmap_src *src = NULL;
	govmap_registry *reg = NULL;
	int r = govmap_src_open_dir(&src, dir, NULL, d);
	ck_assert_msg(r == GOVMAP_OK, "open_dir %s: %d%s", dir, r, th_dump(d));
	r = govmap_registry_load(&reg, src, opts, d);
	govmap_src_free(src);
	if (rc)
		*rc = r;
	return reg;
}

govmap_registry *th_load_files(const char *sub, const govmap_load_opts *opts,
			       govmap_diags *d, int *rc, ...)
{
	char *dir = sub ? th_path(th_dir, sub) : strdup(th_dir);
	int manifest = 0;
	va_list ap;
	ck_assert_ptr_nonnull(dir);
	if (mkdir(dir, 0755) < 0 && errno != EEXIST)
		ck_abort_msg("mkdir %s: %s", dir, strerror(errno));
	va_start(ap, rc);
	for (;;) {
		const char *name = va_arg(ap, const char *);
		if (!name)
			break;
		const char *text = va_arg(ap, const char *);
		if (strcmp(name, "govmap.yaml") == 0)
			manifest = 1;
		th_write(dir, name, text);
	}
	va_end(ap);
	if (!manifest)
		th_write(dir, "govmap.yaml", TH_MANIFEST);
	govmap_registry *reg = th_load(dir, opts, d, rc);
	free(dir);
	return reg;
}
