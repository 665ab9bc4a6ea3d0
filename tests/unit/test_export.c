/*
 * test_export.c - core/src/export.c: each writer's escaping of registry
 * text (CSV quoting and formula defusing, XML entities, JSON escapes),
 * unknown values left unknown, the entities in force only, and the error
 * values (a format out of range, a stream that fails).  The formats' own
 * consumers and schemas are tests/export/run.sh's.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "govmap/analysis.h"
#include "govmap/export.h"
#include "suites.h"

static const char *const BODIES =
	"kind: body\n"
	"id: t-voters\n"
	"name: Voters\n"
	"type: electorate\n"
	"region: england/t\n" TH_SOURCES
	"---\n"
	"kind: body\n"
	"id: t-council\n"
	"name: \"=SUM(A1), \\\"quoted\\\" <b>&amp;</b>\"\n"
	"type: local-authority\n"
	"region: england/t\n"
	"money:\n"
	"  - year: 2024/25\n"
	"    gbp: 1_000\n"
	"    kind: outturn\n"
	"    source: https://example.org/doc\n"
	"notes: \"line one\\nline two\\ttab\"\n" TH_SOURCES
	"---\n"
	"kind: body\n"
	"id: t-trust\n"
	"name: Trust\n"
	"type: nhs-trust\n"
	"region: england/t\n"
	"valid:\n  from: 2001-04-01\n" TH_SOURCES
	"---\n"
	"kind: body\n"
	"id: t-gone\n"
	"name: Gone\n"
	"type: nhs-trust\n"
	"region: england/t\n"
	"valid:\n  from: 2000-01-01\n  to: 2010-01-01\n" TH_SOURCES
	"---\n"
	"kind: link\n"
	"id: t-council-elected-by-voters\n"
	"from: t-council\n"
	"to: t-voters\n"
	"type: elected-by\n"
	"basis: statute\n"
	"powers: [inform, question, sanction]\n" TH_SOURCES;

typedef struct {
	govmap_registry *reg;
	govmap_analysis *an;
} fx;

static void fx_open(fx *x)
{
	govmap_diags d = {0};
	int rc;
	x->reg = th_load_files(NULL, NULL, &d, &rc, "b.yaml", BODIES, NULL);
	ck_assert_msg(rc == GOVMAP_OK && x->reg && !d.count[GOVMAP_SEV_ERROR],
		      "load: %d%s", rc, th_dump(&d));
	govmap_diags_free(&d);
	govmap_analysis_opts o = {0};
	o.on = 20240601;
	ck_assert_int_eq(govmap_analyse(&x->an, x->reg, &o), GOVMAP_OK);
}

static void fx_close(fx *x)
{
	govmap_analysis_free(x->an);
	govmap_registry_free(x->reg);
}

/* The export as a NUL-terminated malloc'd string. */
static char *export(fx *x, govmap_export_format fmt)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(govmap_export_write(f, fmt, x->an, NULL), GOVMAP_OK);
	ck_assert_int_eq(fclose(f), 0);
	return buf;
}

START_TEST(csv_quotes_defuses_and_leaves_unknown_empty)
{
	fx x;
	fx_open(&x);
	char *s = export(&x, GOVMAP_EXPORT_CSV_BODIES);
	/* quoted, quotes doubled, a leading = defused with ' */
	ck_assert_msg(strstr(s, ",\"'=SUM(A1), \"\"quoted\"\" <b>&amp;</b>\","),
		      "%s", s);
	/* the trust: money and exposure unknown, empty; the council: known */
	ck_assert_msg(strstr(s, "\"t-trust\",body,\"Trust\",\"nhs-trust\","
				"\"england/t\",2001-04-01,,,,,,,,"),
		      "%s", s);
	ck_assert_msg(strstr(s, ",1000,\"2024/25\",\"outturn\",0.900000,"
				"0.100000,100,1,false,"),
		      "%s", s);
	/* not in force on the date: not exported */
	ck_assert_ptr_null(strstr(s, "t-gone"));
	ck_assert_msg(strstr(s, "\r\n"), "CRLF line ends");
	free(s);
	fx_close(&x);
}
END_TEST

START_TEST(graphml_escapes_and_omits_unknown)
{
	fx x;
	fx_open(&x);
	char *s = export(&x, GOVMAP_EXPORT_GRAPHML);
	ck_assert_msg(strstr(s, "<data key=\"n_name\">=SUM(A1), &quot;quoted"
				"&quot; &lt;b&gt;&amp;amp;&lt;/b&gt;</data>"),
		      "%s", s);
	/* the trust's money is unknown: no money or exposure data */
	char *trust = strstr(s, "<node id=\"t-trust\">");
	ck_assert_ptr_nonnull(trust);
	char *end = strstr(trust, "</node>");
	ck_assert_ptr_nonnull(end);
	*end = '\0';
	ck_assert_ptr_null(strstr(trust, "n_money_gbp"));
	ck_assert_ptr_null(strstr(trust, "n_exposure_gbp"));
	ck_assert_ptr_null(strstr(trust, "n_chain_links"));
	free(s);
	fx_close(&x);
}
END_TEST

START_TEST(json_escapes_markup_and_control_characters)
{
	fx x;
	fx_open(&x);
	char *s = export(&x, GOVMAP_EXPORT_POPOLO);
	ck_assert_msg(strstr(s, "\"name\":\"=SUM(A1), \\\"quoted\\\" "
				"\\u003cb\\u003e\\u0026amp;\\u003c/b\\u003e\""),
		      "%s", s);
	ck_assert_msg(strstr(s, "\"description\":\"line one\\u000aline two\\u0009tab\""),
		      "%s", s);
	ck_assert_ptr_null(strchr(s, '<'));
	ck_assert_msg(strstr(s, "\"id\":\"t-trust\"") &&
			      strstr(s, "\"money_gbp\":null,\"exposure_gbp\":null"),
		      "%s", s);
	free(s);
	s = export(&x, GOVMAP_EXPORT_FTM);
	/* one line per entity: no raw newline inside one */
	size_t lines = 0;
	for (const char *p = s; *p; p++)
		lines += *p == '\n';
	ck_assert_uint_eq(lines, 4); /* 3 bodies in force and the link */
	ck_assert_msg(strstr(s, "\"notes\":[\"line one\\u000aline two\\u0009tab\"]"),
		      "%s", s);
	free(s);
	fx_close(&x);
}
END_TEST

START_TEST(errors_are_values)
{
	fx x;
	fx_open(&x);
	FILE *f = fopen("/dev/null", "r"); /* every write fails */
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(govmap_export_write(f, GOVMAP_EXPORT_KUMU, x.an, NULL),
			 GOVMAP_EIO);
	fclose(f);
	f = fopen("/dev/null", "w");
	ck_assert_int_eq(govmap_export_write(f, GOVMAP_EXPORT__COUNT, x.an,
					     NULL),
			 GOVMAP_EINVALID);
	ck_assert_int_eq(govmap_export_write(f, (govmap_export_format)-1, x.an,
					     NULL),
			 GOVMAP_EINVALID);
	fclose(f);
	ck_assert_str_eq(govmap_export_format_name(GOVMAP_EXPORT_FTM), "ftm");
	ck_assert_ptr_null(govmap_export_format_name(GOVMAP_EXPORT__COUNT));
	ck_assert_str_eq(govmap_export_csv_file(GOVMAP_EXPORT_CSV_SEATS),
			 "seats.csv");
	ck_assert_ptr_null(govmap_export_csv_file(GOVMAP_EXPORT_GRAPHML));
	fx_close(&x);
}
END_TEST

Suite *export_suite(void)
{
	Suite *s = suite_create("export");
	TCase *tc = tcase_create("export");
	th_add_tmp_fixtures(tc);
	tcase_set_timeout(tc, TH_TIMEOUT);
	tcase_add_test(tc, csv_quotes_defuses_and_leaves_unknown_empty);
	tcase_add_test(tc, graphml_escapes_and_omits_unknown);
	tcase_add_test(tc, json_escapes_markup_and_control_characters);
	tcase_add_test(tc, errors_are_values);
	suite_add_tcase(s, tc);
	return s;
}
