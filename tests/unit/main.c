/*
 * main.c - runs every unit-test suite (libevdev layout: one suite per
 * module, one runner).  When GOVMAP_TAP is set, TAP output is written to
 * the file it names (stdout for "", "1" or "-").  Exit status: 0 when
 * every test passed.
 */
#include <stdlib.h>
#include <string.h>
#include <check.h>

#include "suites.h"

int main(void)
{
	SRunner *sr = srunner_create(util_suite());
	srunner_add_suite(sr, diag_suite());
	srunner_add_suite(sr, ytree_suite());
	srunner_add_suite(sr, schema_suite());
	srunner_add_suite(sr, validate_suite());
	srunner_add_suite(sr, source_suite());
	srunner_add_suite(sr, analysis_suite());
	srunner_add_suite(sr, map_suite());
	srunner_add_suite(sr, vcs_suite());
	srunner_add_suite(sr, session_suite());
	srunner_add_suite(sr, export_suite());
	srunner_add_suite(sr, cache_suite());
	srunner_add_suite(sr, compare_suite());
	srunner_add_suite(sr, yamlsuite_suite());
	srunner_add_suite(sr, svgsize_suite());

	/* GOVMAP_TAP=path writes TAP there; "1", "-" or empty: stdout, and
	 * then nothing else goes to stdout. */
	const char *tap = getenv("GOVMAP_TAP");
	int tap_stdout = 0;
	if (tap) {
		tap_stdout = !*tap || strcmp(tap, "1") == 0 ||
			     strcmp(tap, "-") == 0;
		srunner_set_tap(sr, tap_stdout ? "-" : tap);
	}

	srunner_run_all(sr, tap_stdout ? CK_SILENT : CK_ENV);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
