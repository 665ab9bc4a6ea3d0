/*
 * suites.h - the unit-test suites and the helpers they share.
 *
 * One suite per core module (libevdev layout): main.c runs them all.
 */
#ifndef GOVMAP_UNIT_SUITES_H
#define GOVMAP_UNIT_SUITES_H

#include <stddef.h>
#include <check.h>

#include "govmap/common.h"
#include "govmap/registry.h"

Suite *util_suite(void);
Suite *diag_suite(void);
Suite *ytree_suite(void);
Suite *schema_suite(void);
Suite *validate_suite(void);
Suite *source_suite(void);
Suite *analysis_suite(void);
Suite *map_suite(void);
Suite *vcs_suite(void);
Suite *session_suite(void);
Suite *export_suite(void);
Suite *cache_suite(void);
Suite *compare_suite(void);
Suite *yamlsuite_suite(void);
Suite *svgsize_suite(void);

/* ---- helpers.c ------------------------------------------------------ */

/* Generous per-test timeout, in seconds (valgrind is slow). */
#define TH_TIMEOUT 30

/* A per-tcase base directory (unchecked fixture: created and removed in
 * the runner process, so it is cleaned up even when a forked test dies)
 * and a per-test directory inside it (checked fixture).  Add both with
 * th_add_tmp_fixtures(); the current test's directory is th_dir. */
extern char *th_dir;
void th_add_tmp_fixtures(TCase *tc);

/* Create `rel` under `dir` (parents included) holding `len` bytes of
 * data, or the string `text`.  Fail the test on error. */
void th_write_bytes(const char *dir, const char *rel, const void *data,
		    size_t len);
void th_write(const char *dir, const char *rel, const char *text);
/* Remove a directory tree (does not follow symlinks). */
void th_rmtree(const char *dir);
/* malloc'd "dir/rel". */
char *th_path(const char *dir, const char *rel);

/* Diagnostics: how many have `code`; the n-th (0-based) with `code`, or
 * NULL; and a printable dump for failure messages (static buffer). */
size_t th_count(const govmap_diags *d, const char *code);
const govmap_diag *th_find(const govmap_diags *d, const char *code,
			   size_t nth);
const char *th_dump(const govmap_diags *d);

/* Does the diag's file end with `suffix`? */
int th_file_is(const govmap_diag *g, const char *suffix);

/* Load the registry in directory `dir` with `opts` (may be NULL).  The
 * return code is stored in *rc when rc != NULL.  Fails the test when the
 * directory cannot be opened. */
govmap_registry *th_load(const char *dir, const govmap_load_opts *opts,
			 govmap_diags *d, int *rc);

/* Write files into th_dir/sub (sub may be NULL: th_dir itself) from
 * (name, text) pairs ended by NULL, adding TH_MANIFEST as govmap.yaml
 * unless a govmap.yaml is given, then load them.  Returns the registry
 * (NULL on hard failure); the return code goes to *rc when rc != NULL. */
govmap_registry *th_load_files(const char *sub, const govmap_load_opts *opts,
			       govmap_diags *d, int *rc, ...);

/* A minimal valid manifest, and a valid `sources:` block. */
#define TH_MANIFEST "schema: 1\nname: Test registry\n"
#define TH_SOURCES                                                          \
	"sources:\n"                                                        \
	"  - url: https://example.org/doc\n"                                \
	"    title: A document\n"                                           \
	"    accessed: 2024-01-01\n"

#endif
