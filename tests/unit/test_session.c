/*
 * test_session.c - the pipeline API (govmap/session.h) over the in-memory
 * source, and govmap_sort.  Public headers only: what any front end sees.
 */
#include <stdlib.h>
#include <string.h>

#include "govmap/session.h"
#include "suites.h"

#define SRC                                                                \
	"sources:\n  - url: https://example.org/x\n    title: X\n"         \
	"    accessed: 2024-06-01\n"

static const char manifest[] = "schema: 1\nname: unit\n";
static const char voters[] =
	"kind: body\nid: voters\nname: Voters\ntype: electorate\n"
	"region: uk\n" SRC;
static const char parl[] =
	"kind: body\nid: parl\nname: Parliament\ntype: parliament\n"
	"region: uk\n" SRC "---\n"
	"kind: link\nid: parl-elected-by-voters\nfrom: parl\nto: voters\n"
	"type: elected-by\nbasis: statute\npowers: [inform, question, "
	"sanction]\n" SRC;
static const char quango[] =
	"kind: body\nid: quango\nname: A Quango\ntype: arms-length-body\n"
	"region: uk\nvalid:\n  from: 2020-01-01\n" SRC;

static govmap_session *open_mem(const govmap_mem_file *f, size_t n,
				govmap_stage stage, govmap_date on, int *rc)
{
	govmap_session_opts o = GOVMAP_SESSION_OPTS_INIT;
	o.source = GOVMAP_SOURCE_MEMORY;
	o.files = f;
	o.nfiles = n;
	o.label = "mem";
	o.stage = stage;
	o.on = on;
	govmap_session *s = NULL;
	*rc = govmap_session_open(&s, &o);
	return s;
}

START_TEST(session_memory_pipeline)
{
	govmap_mem_file f[] = {
		{"govmap.yaml", manifest, sizeof manifest - 1},
		{"b/quango.yaml", quango, sizeof quango - 1},
		{"a/parl.yaml", parl, sizeof parl - 1},
		{"a/voters.yaml", voters, sizeof voters - 1},
	};
	int rc;
	govmap_session *s = open_mem(f, 4, GOVMAP_STAGE_FINDINGS, 20240601,
				     &rc);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(rc, GOVMAP_OK);
	const govmap_registry *reg = govmap_session_registry(s);
	ck_assert_uint_eq(govmap_registry_count(reg), 4);
	/* files are read in byte-wise sorted order: a/parl.yaml first */
	ck_assert_str_eq(govmap_registry_at(reg, 0)->id, "parl");
	ck_assert_str_eq(govmap_registry_at(reg, 0)->pos.file,
			 "mem/a/parl.yaml");
	const govmap_analysis *an = govmap_session_analysis(s);
	ck_assert_ptr_nonnull(an);
	int32_t p = govmap_registry_index(reg, "parl");
	ck_assert(govmap_analysis_score(an, (size_t)p)->A > 0.5);
	int32_t q = govmap_registry_index(reg, "quango");
	ck_assert(govmap_analysis_score(an, (size_t)q)->A == 0);
	/* the quango has no chain: a core finding says so */
	govmap_findings *fs = govmap_session_findings(s);
	int no_chain = 0;
	for (size_t i = 0; i < fs->n; i++)
		no_chain += fs->v[i].entity == q;
	ck_assert_int_gt(no_chain, 0);
	ck_assert_ptr_nonnull(strstr(govmap_session_title(s),
				     "unit, files in memory, on 2024-06-01"));

	/* another date: the quango is not yet in force in 2019 */
	ck_assert_int_eq(govmap_session_set_date(s, 20190601), GOVMAP_OK);
	an = govmap_session_analysis(s);
	ck_assert(!govmap_analysis_score(an, (size_t)q)->active);
	ck_assert_int_eq(govmap_session_date(s), 20190601);
	govmap_session_free(s);
}
END_TEST

START_TEST(session_invalid_stops_before_analysis)
{
	static const char bad[] = "kind: body\nid: x\nname: X\n"
				  "type: parliament\nregion: uk\nvalid:\n"
				  "  from: 2022-02-30\n" SRC;
	govmap_mem_file f[] = {
		{"govmap.yaml", manifest, sizeof manifest - 1},
		{"x.yaml", bad, sizeof bad - 1},
		{"../escape.yaml", bad, sizeof bad - 1},
		{"notes.txt", "hello", 5},
	};
	int rc;
	govmap_session *s = open_mem(f, 4, GOVMAP_STAGE_FINDINGS, 0, &rc);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(rc, GOVMAP_EINVALID);
	ck_assert_ptr_null(govmap_session_analysis(s));
	const govmap_diags *d = govmap_session_diags(s);
	ck_assert_uint_ge(d->count[GOVMAP_SEV_ERROR], 1);
	/* the unsafe and non-YAML names are skipped with a warning each */
	ck_assert_uint_eq(d->count[GOVMAP_SEV_WARNING], 2);
	ck_assert_uint_eq(govmap_registry_count(govmap_session_registry(s)),
			  1);
	govmap_session_free(s);

	/* up to RULES the same registry is OK: check reports it */
	s = open_mem(f, 2, GOVMAP_STAGE_RULES, 0, &rc);
	ck_assert_int_eq(rc, GOVMAP_OK);
	ck_assert_ptr_null(govmap_session_analysis(s));
	govmap_session_free(s);
}
END_TEST

START_TEST(session_bad_options)
{
	govmap_session_opts o = GOVMAP_SESSION_OPTS_INIT;
	govmap_session *s = (govmap_session *)&o; /* must be overwritten */
	o.version = 999;
	ck_assert_int_eq(govmap_session_open(&s, &o), GOVMAP_EINVALID);
	ck_assert_ptr_null(s);
	o.version = GOVMAP_SESSION_OPTS_VERSION;
	o.registry = "/nonexistent/registry";
	ck_assert_int_eq(govmap_session_open(&s, &o), GOVMAP_ENOTFOUND);
	ck_assert_ptr_nonnull(s);
	ck_assert_uint_eq(govmap_session_diags(s)->count[GOVMAP_SEV_ERROR],
			  1);
	govmap_session_free(s);
	/* no manifest in memory */
	int rc;
	govmap_mem_file f[] = {{"v.yaml", voters, sizeof voters - 1}};
	s = open_mem(f, 1, GOVMAP_STAGE_LOAD, 0, &rc);
	ck_assert_int_ne(rc, GOVMAP_OK);
	govmap_session_free(s);
}
END_TEST

typedef struct {
	int key, seq;
} item;

static int by_key(const void *a, const void *b, void *ctx)
{
	int *calls = ctx;
	(*calls)++;
	const item *x = a, *y = b;
	return (x->key > y->key) - (x->key < y->key);
}

START_TEST(sort_stable_with_context)
{
	enum { N = 1000 };
	item *v = malloc(N * sizeof(*v));
	ck_assert_ptr_nonnull(v);
	for (int i = 0; i < N; i++)
		v[i] = (item){(i * 7919) % 13, i};
	int calls = 0;
	govmap_sort(v, N, sizeof(*v), by_key, &calls);
	ck_assert_int_gt(calls, 0);
	for (int i = 1; i < N; i++) {
		ck_assert_int_le(v[i - 1].key, v[i].key);
		if (v[i - 1].key == v[i].key) /* stable */
			ck_assert_int_lt(v[i - 1].seq, v[i].seq);
	}
	/* input already in order (with equal keys) is left as it is after
	 * one look at each neighbouring pair */
	calls = 0;
	govmap_sort(v, N, sizeof(*v), by_key, &calls);
	ck_assert_int_eq(calls, N - 1);
	for (int i = 1; i < N; i++)
		if (v[i - 1].key == v[i].key)
			ck_assert_int_lt(v[i - 1].seq, v[i].seq);
	/* out of order only at the end: sorted in full, still stable */
	v[N - 1].key = -1;
	calls = 0;
	govmap_sort(v, N, sizeof(*v), by_key, &calls);
	ck_assert_int_gt(calls, N - 1);
	ck_assert_int_eq(v[0].key, -1);
	for (int i = 2; i < N; i++) {
		ck_assert_int_le(v[i - 1].key, v[i].key);
		if (v[i - 1].key == v[i].key)
			ck_assert_int_lt(v[i - 1].seq, v[i].seq);
	}
	calls = 0;
	govmap_sort(NULL, 0, sizeof(*v), by_key, &calls);
	govmap_sort(v, 1, sizeof(*v), by_key, &calls);
	ck_assert_int_eq(calls, 0);
	free(v);
}
END_TEST

START_TEST(region_helpers)
{
	ck_assert(govmap_region_in("england/london", "england"));
	ck_assert(govmap_region_in("england", "england"));
	ck_assert(!govmap_region_in("england", "eng"));
	ck_assert(!govmap_region_in(NULL, "england"));
	ck_assert(!govmap_region_in("wales", "england"));
}
END_TEST

Suite *session_suite(void)
{
	Suite *s = suite_create("session");
	TCase *tc = tcase_create("session");
	tcase_add_test(tc, session_memory_pipeline);
	tcase_add_test(tc, session_invalid_stops_before_analysis);
	tcase_add_test(tc, session_bad_options);
	tcase_add_test(tc, sort_stable_with_context);
	tcase_add_test(tc, region_helpers);
	tcase_set_timeout(tc, TH_TIMEOUT);
	suite_add_tcase(s, tc);
	return s;
}
