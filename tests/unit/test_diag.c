/*
 * test_diag.c - diag.c: the diagnostics list (add, at, sort, free,
 * counts, max and dropped) and calendar dates.
 */
#include <stdio.h>
#include <string.h>

#include "suites.h"

/* ---- diagnostics list ------------------------------------------------ */

START_TEST(diags_add_fields)
{
	govmap_diags d = {0};
	govmap_diags_add(&d, GOVMAP_SEV_ERROR, "reg/a.yaml", 3, 7,
			 "unknown-key", "unknown key '%s' (%d)", "nmae", 42);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_int_eq(d.v[0].sev, GOVMAP_SEV_ERROR);
	ck_assert_str_eq(d.v[0].file, "reg/a.yaml");
	ck_assert_uint_eq(d.v[0].line, 3);
	ck_assert_uint_eq(d.v[0].col, 7);
	ck_assert_str_eq(d.v[0].code, "unknown-key");
	ck_assert_str_eq(d.v[0].msg, "unknown key 'nmae' (42)");

	/* a file-less diagnostic, and a NULL code */
	govmap_diags_add(&d, GOVMAP_SEV_WARNING, NULL, 0, 0, NULL, "plain");
	ck_assert_uint_eq(d.n, 2);
	ck_assert_ptr_null(d.v[1].file);
	ck_assert_str_eq(d.v[1].code, "");
	ck_assert_str_eq(d.v[1].msg, "plain");

	/* strings are copied */
	char file[] = "x.yaml", code[] = "c";
	govmap_diags_add(&d, GOVMAP_SEV_INFO, file, 1, 1, code, "%s", "m");
	file[0] = 'y';
	code[0] = 'd';
	ck_assert_str_eq(d.v[2].file, "x.yaml");
	ck_assert_str_eq(d.v[2].code, "c");

	ck_assert_uint_eq(d.count[GOVMAP_SEV_INFO], 1);
	ck_assert_uint_eq(d.count[GOVMAP_SEV_WARNING], 1);
	ck_assert_uint_eq(d.count[GOVMAP_SEV_ERROR], 1);
	ck_assert_uint_eq(d.dropped, 0);
	/* no ref or key unless the reporter gives one */
	for (size_t i = 0; i < d.n; i++) {
		ck_assert_ptr_null(d.v[i].ref);
		ck_assert_ptr_null(d.v[i].key);
	}
	govmap_diags_free(&d);
}
END_TEST

/* govmap_diags_push copies every field, ref and key included, into
 * strings of the list's own; govmap_diags_append keeps them;
 * govmap_diag_clear frees one entry's. */
START_TEST(diags_push_copies)
{
	char ref[] = "test-councl", key[] = "valid.from", msg[] = "m";
	govmap_diag g = {.sev = GOVMAP_SEV_ERROR, .file = "a.yaml",
			 .line = 4, .col = 5, .code = "unknown-ref",
			 .msg = msg, .ref = ref, .key = key};
	govmap_diags d = {0}, e = {0};
	govmap_diags_push(&d, &g);
	g.ref = NULL;
	g.key = NULL;
	g.code = NULL;
	govmap_diags_push(&d, &g);
	ref[0] = 'x';
	key[0] = 'x';
	ck_assert_uint_eq(d.n, 2);
	ck_assert_uint_eq(d.count[GOVMAP_SEV_ERROR], 2);
	ck_assert_str_eq(d.v[0].ref, "test-councl");
	ck_assert_str_eq(d.v[0].key, "valid.from");
	ck_assert_str_eq(d.v[0].code, "unknown-ref");
	ck_assert_str_eq(d.v[0].msg, "m");
	ck_assert_str_eq(d.v[0].file, "a.yaml");
	ck_assert_uint_eq(d.v[0].line, 4);
	ck_assert_uint_eq(d.v[0].col, 5);
	ck_assert_ptr_null(d.v[1].ref);
	ck_assert_ptr_null(d.v[1].key);
	ck_assert_str_eq(d.v[1].code, "");
	govmap_diags_append(&e, &d);
	ck_assert_uint_eq(e.n, 2);
	ck_assert_str_eq(e.v[0].ref, "test-councl");
	ck_assert_ptr_ne(e.v[0].ref, d.v[0].ref);
	ck_assert_str_eq(e.v[0].key, "valid.from");
	ck_assert_ptr_null(e.v[1].ref);
	govmap_diag_clear(&e.v[0]);
	ck_assert_ptr_null(e.v[0].ref);
	ck_assert_ptr_null(e.v[0].key);
	ck_assert_ptr_null(e.v[0].msg);
	govmap_diag_clear(NULL);
	govmap_diags_push(NULL, &g);
	govmap_diags_push(&d, NULL);
	ck_assert_uint_eq(d.n, 2);
	govmap_diags_free(&d);
	govmap_diags_free(&e);
}
END_TEST

START_TEST(diags_at_pos)
{
	govmap_diags d = {0};
	govmap_pos p = {"HEAD~1:reg/b.yaml", 12, 5};
	govmap_diags_at(&d, GOVMAP_SEV_WARNING, p, "joint-one", "use 'of: %s'",
			"x");
	ck_assert_uint_eq(d.n, 1);
	ck_assert_str_eq(d.v[0].file, "HEAD~1:reg/b.yaml");
	ck_assert_uint_eq(d.v[0].line, 12);
	ck_assert_uint_eq(d.v[0].col, 5);
	ck_assert_str_eq(d.v[0].code, "joint-one");
	ck_assert_str_eq(d.v[0].msg, "use 'of: x'");
	ck_assert_int_eq(d.v[0].sev, GOVMAP_SEV_WARNING);
	ck_assert_uint_eq(d.count[GOVMAP_SEV_WARNING], 1);
	govmap_pos none = {NULL, 0, 0};
	govmap_diags_at(&d, GOVMAP_SEV_INFO, none, "x", "no file");
	ck_assert_ptr_null(d.v[1].file);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(diags_counts)
{
	govmap_diags d = {0};
	for (int i = 0; i < 5; i++)
		govmap_diags_add(&d, GOVMAP_SEV_ERROR, "f", 1, 1, "e", "e%d", i);
	for (int i = 0; i < 3; i++)
		govmap_diags_add(&d, GOVMAP_SEV_WARNING, "f", 1, 1, "w", "w");
	govmap_diags_add(&d, GOVMAP_SEV_INFO, "f", 1, 1, "i", "i");
	/* out-of-range severities count as errors */
	govmap_diags_add(&d, (govmap_severity)7, "f", 1, 1, "x", "x");
	ck_assert_uint_eq(d.n, 10);
	ck_assert_uint_eq(d.count[GOVMAP_SEV_ERROR], 6);
	ck_assert_uint_eq(d.count[GOVMAP_SEV_WARNING], 3);
	ck_assert_uint_eq(d.count[GOVMAP_SEV_INFO], 1);
	ck_assert_int_eq(d.v[9].sev, GOVMAP_SEV_ERROR);
	ck_assert_str_eq(govmap_severity_name(GOVMAP_SEV_ERROR), "error");
	ck_assert_str_eq(govmap_severity_name(GOVMAP_SEV_WARNING), "warning");
	ck_assert_str_eq(govmap_severity_name(GOVMAP_SEV_INFO), "info");
	ck_assert_str_eq(govmap_severity_name((govmap_severity)9), "error");
	govmap_diags_free(&d);
}
END_TEST

START_TEST(diags_max_dropped)
{
	govmap_diags d = {0};
	d.max = 3;
	for (int i = 0; i < 5; i++)
		govmap_diags_add(&d, i < 4 ? GOVMAP_SEV_ERROR
					   : GOVMAP_SEV_WARNING,
				 "f", (uint32_t)i, 1, "c", "m%d", i);
	ck_assert_uint_eq(d.n, 3);
	ck_assert_uint_eq(d.dropped, 2);
	/* the counts include what was dropped */
	ck_assert_uint_eq(d.count[GOVMAP_SEV_ERROR], 4);
	ck_assert_uint_eq(d.count[GOVMAP_SEV_WARNING], 1);
	/* the first ones were kept */
	ck_assert_str_eq(d.v[0].msg, "m0");
	ck_assert_str_eq(d.v[2].msg, "m2");
	govmap_diags_free(&d);
	ck_assert_uint_eq(d.max, 0); /* free resets the struct */
	ck_assert_uint_eq(d.dropped, 0);
}
END_TEST

START_TEST(diags_default_max)
{
	govmap_diags d = {0};
	for (int i = 0; i < 10002; i++)
		govmap_diags_add(&d, GOVMAP_SEV_INFO, NULL, 0, 0, "c", "%d", i);
	ck_assert_uint_eq(d.n, 10000);
	ck_assert_uint_eq(d.dropped, 2);
	ck_assert_uint_eq(d.count[GOVMAP_SEV_INFO], 10002);
	ck_assert_str_eq(d.v[9999].msg, "9999");
	govmap_diags_free(&d);
}
END_TEST

START_TEST(diags_sort_order)
{
	govmap_diags d = {0};
	govmap_diags_add(&d, GOVMAP_SEV_ERROR, "b.yaml", 1, 1, "c", "b1");
	govmap_diags_add(&d, GOVMAP_SEV_ERROR, "a.yaml", 10, 1, "c", "a10");
	govmap_diags_add(&d, GOVMAP_SEV_ERROR, "a.yaml", 2, 9, "c", "a2-9");
	govmap_diags_add(&d, GOVMAP_SEV_ERROR, "a.yaml", 2, 3, "c", "zz");
	govmap_diags_add(&d, GOVMAP_SEV_ERROR, "a.yaml", 2, 3, "c", "aa");
	govmap_diags_add(&d, GOVMAP_SEV_ERROR, NULL, 0, 0, "c", "nofile");
	govmap_diags_add(&d, GOVMAP_SEV_ERROR, "A.yaml", 99, 99, "c", "A");
	govmap_diags_sort(&d);
	static const char *const want[] = {"nofile", "A",  "aa", "zz",
					   "a2-9",   "a10", "b1"};
	ck_assert_uint_eq(d.n, 7);
	for (size_t i = 0; i < 7; i++)
		ck_assert_str_eq(d.v[i].msg, want[i]);
	/* sorting twice changes nothing; counts are unaffected */
	govmap_diags_sort(&d);
	for (size_t i = 0; i < 7; i++)
		ck_assert_str_eq(d.v[i].msg, want[i]);
	ck_assert_uint_eq(d.count[GOVMAP_SEV_ERROR], 7);
	govmap_diags_free(&d);
}
END_TEST

/* A "nomem" diagnostic, or one lost for want of memory, says the
 * results are short; other errors do not. */
START_TEST(diags_nomem)
{
	govmap_diags d = {0};
	ck_assert_int_eq(govmap_diags_nomem(NULL), 0);
	ck_assert_int_eq(govmap_diags_nomem(&d), 0);
	govmap_diags_add(&d, GOVMAP_SEV_ERROR, "a.yaml", 1, 1, "unknown-ref",
			 "x");
	ck_assert_int_eq(govmap_diags_nomem(&d), 0);
	govmap_diags_add(&d, GOVMAP_SEV_ERROR, "a.yaml", 2, 1, "nomem",
			 "out of memory");
	ck_assert_int_eq(govmap_diags_nomem(&d), 1);
	govmap_diags_free(&d);
	d.lost = 1;
	ck_assert_int_eq(govmap_diags_nomem(&d), 1);
}
END_TEST

START_TEST(diags_free_twice)
{
	govmap_diags d = {0};
	govmap_diags_free(NULL);
	govmap_diags_free(&d);
	govmap_diags_add(&d, GOVMAP_SEV_ERROR, "f", 1, 1, "c", "m");
	govmap_diags_free(&d);
	ck_assert_ptr_null(d.v);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_uint_eq(d.cap, 0);
	ck_assert_uint_eq(d.count[GOVMAP_SEV_ERROR], 0);
	govmap_diags_free(&d);
	/* usable again */
	govmap_diags_add(&d, GOVMAP_SEV_ERROR, "f", 1, 1, "c", "m");
	ck_assert_uint_eq(d.n, 1);
	govmap_diags_free(&d);
}
END_TEST

/* ---- dates ----------------------------------------------------------- */

static int parse(const char *s, govmap_date *out)
{
	*out = -1;
	return govmap_date_parse(out, s);
}

START_TEST(date_valid)
{
	govmap_date d;
	ck_assert_int_eq(parse("2022-07-01", &d), GOVMAP_OK);
	ck_assert_int_eq(d, 20220701);
	ck_assert_int_eq(parse("2024-02-29", &d), GOVMAP_OK); /* leap */
	ck_assert_int_eq(d, 20240229);
	ck_assert_int_eq(parse("2000-02-29", &d), GOVMAP_OK); /* 400 rule */
	ck_assert_int_eq(d, 20000229);
	ck_assert_int_eq(parse("1800-01-01", &d), GOVMAP_OK);
	ck_assert_int_eq(d, 18000101);
	ck_assert_int_eq(parse("2199-12-31", &d), GOVMAP_OK);
	ck_assert_int_eq(d, 21991231);
	ck_assert_int_eq(parse("2023-12-31", &d), GOVMAP_OK);
	ck_assert_int_eq(parse("2023-04-30", &d), GOVMAP_OK);
	ck_assert_int_eq(d, 20230430);
}
END_TEST

START_TEST(date_invalid)
{
	static const char *const bad[] = {
		"2023-02-29", /* not a leap year */
		"2022-02-30", "1900-02-29", /* 100 rule */
		"2100-02-29", "2023-04-31", "2023-13-01", "2023-00-10",
		"2023-01-00", "2023-01-32",
		"1799-12-31", "1799-01-01", "2200-01-01", "2200-12-31",
		"2022-7-1", "2022-07-1", "22-07-01", "2022-07-01x",
		"2022-07-01 ", " 2022-07-01", "2022-07-01T00:00", "2022/07/01",
		"20220701", "", "2022-07-", "abcd-ef-gh", "-022-07-01",
		"2022--7-01"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		govmap_date d = 4242;
		ck_assert_msg(govmap_date_parse(&d, bad[i]) == GOVMAP_EINVALID,
			      "'%s' accepted", bad[i]);
		ck_assert_msg(d == 4242, "'%s' changed the output", bad[i]);
	}
}
END_TEST

/* govmap_date_meant: the "did you mean" of check and of --on */
START_TEST(date_meant)
{
	static const struct {
		const char *in, *iso;
		int rc;
	} t[] = {
		{"2022-07-01", "2022-07-01", GOVMAP_OK},
		{"1/7/2022", "2022-07-01", GOVMAP_OK},
		{"01.07.2022", "2022-07-01", GOVMAP_OK},
		{"1-7-2022", "2022-07-01", GOVMAP_OK},
		{"2022-7-1", "2022-07-01", GOVMAP_OK},
		{"2024-1-1", "2024-01-01", GOVMAP_OK},
		{"2024-13-01", "", GOVMAP_EINVALID},
		{"2022-02-30", "", GOVMAP_EINVALID},
		{"2200-01-01", "", GOVMAP_EINVALID},
		{"31/2/2024", "", GOVMAP_ENOTFOUND},
		{"7/13/2022", "", GOVMAP_ENOTFOUND}, /* US order: no guess */
		{"1/7/22", "", GOVMAP_ENOTFOUND},
		{"2022-7-1x", "", GOVMAP_ENOTFOUND},
		{"yesterday", "", GOVMAP_ENOTFOUND},
		{"", "", GOVMAP_ENOTFOUND},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char iso[11] = "x";
		ck_assert_msg(govmap_date_meant(iso, sizeof iso, t[i].in) ==
				      t[i].rc,
			      "'%s'", t[i].in);
		ck_assert_str_eq(iso, t[i].iso);
	}
	char small[10] = "x";
	ck_assert_int_eq(govmap_date_meant(small, sizeof small, "1/7/2022"),
			 GOVMAP_EINVALID);
	ck_assert_str_eq(small, "");
	ck_assert_int_eq(govmap_date_meant(NULL, 0, "1/7/2022"),
			 GOVMAP_EINVALID);
}
END_TEST

START_TEST(date_format)
{
	char buf[16];
	govmap_date_format(buf, 20220701);
	ck_assert_str_eq(buf, "2022-07-01");
	govmap_date_format(buf, 18000101);
	ck_assert_str_eq(buf, "1800-01-01");
	govmap_date_format(buf, 21991231);
	ck_assert_str_eq(buf, "2199-12-31");
	govmap_date_format(buf, 0);
	ck_assert_str_eq(buf, "-");
	govmap_date_format(buf, -5);
	ck_assert_str_eq(buf, "-");
}
END_TEST

START_TEST(date_roundtrip)
{
	/* every day of a leap year and of a common year */
	static const int years[] = {2023, 2024};
	static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int days = 0;
	for (int y = 0; y < 2; y++)
		for (int m = 1; m <= 12; m++) {
			int n = dm[m - 1] + (m == 2 && years[y] == 2024);
			for (int dd = 1; dd <= n + 1; dd++) {
				char s[40], back[16];
				govmap_date d;
				snprintf(s, sizeof s, "%04d-%02d-%02d",
					 years[y], m, dd);
				int rc = govmap_date_parse(&d, s);
				if (dd == n + 1) {
					ck_assert_msg(rc == GOVMAP_EINVALID,
						      "%s accepted", s);
					continue;
				}
				ck_assert_msg(rc == GOVMAP_OK, "%s refused", s);
				ck_assert_int_eq(d, years[y] * 10000 +
							    m * 100 + dd);
				govmap_date_format(back, d);
				ck_assert_str_eq(back, s);
				days++;
			}
		}
	ck_assert_int_eq(days, 365 + 366);
}
END_TEST

/* Financial years run 1 April to 31 March; 2023 is 2023/24. */
START_TEST(fyear)
{
	char b[16];
	govmap_fyear_format(b, sizeof b, 2023);
	ck_assert_str_eq(b, "2023/24");
	govmap_fyear_format(b, sizeof b, 1999);
	ck_assert_str_eq(b, "1999/00");
	govmap_fyear_format(b, sizeof b, 0);
	ck_assert_str_eq(b, "");
	ck_assert(!govmap_fyear_contains(2023, 20230331));
	ck_assert(govmap_fyear_contains(2023, 20230401));
	ck_assert(govmap_fyear_contains(2023, 20240331));
	ck_assert(!govmap_fyear_contains(2023, 20240401));
	ck_assert(!govmap_fyear_contains(0, 20240101));
}
END_TEST

START_TEST(date_today)
{
	govmap_date t = govmap_date_today();
	char buf[16];
	govmap_date back;
	ck_assert_int_gt(t, 20240101);
	ck_assert_int_lt(t, 21991231);
	govmap_date_format(buf, t);
	ck_assert_int_eq(govmap_date_parse(&back, buf), GOVMAP_OK);
	ck_assert_int_eq(back, t);
}
END_TEST

Suite *diag_suite(void)
{
	Suite *s = suite_create("diag");
	TCase *tc = tcase_create("diags");
	tcase_add_test(tc, diags_add_fields);
	tcase_add_test(tc, diags_push_copies);
	tcase_add_test(tc, diags_at_pos);
	tcase_add_test(tc, diags_counts);
	tcase_add_test(tc, diags_max_dropped);
	tcase_add_test(tc, diags_default_max);
	tcase_add_test(tc, diags_sort_order);
	tcase_add_test(tc, diags_free_twice);
	tcase_add_test(tc, diags_nomem);
	tcase_set_timeout(tc, TH_TIMEOUT);
	suite_add_tcase(s, tc);

	tc = tcase_create("dates");
	tcase_add_test(tc, date_valid);
	tcase_add_test(tc, date_invalid);
	tcase_add_test(tc, date_meant);
	tcase_add_test(tc, date_format);
	tcase_add_test(tc, date_roundtrip);
	tcase_add_test(tc, date_today);
	tcase_add_test(tc, fyear);
	tcase_set_timeout(tc, TH_TIMEOUT);
	suite_add_tcase(s, tc);
	return s;
}
