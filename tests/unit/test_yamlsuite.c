/*
 * test_yamlsuite.c - the official YAML test suite (yaml/yaml-test-suite,
 * tag data-2022-01-17, vendored in tests/yaml-suite/ by its import.sh
 * with its MIT licence) through the loader's syntax layer (ytree.c).
 *
 * For every case, libyaml's own verdict (every event parsed to the end
 * of the stream, or an error) is compared with govmap__ytree_parse's:
 *   - libyaml rejects the case: govmap rejects it too (a yaml-syntax
 *     error, or one of govmap's own refusals met first);
 *   - libyaml accepts it: govmap never reports yaml-syntax; it may refuse
 *     what the registry does not allow (anchors, aliases, duplicate or
 *     complex keys, tab indentation, more than one document's worth of
 *     limits...), under those codes only;
 *   - every diagnostic names the file, has a line and a column (1-based)
 *     and holds no raw control character.
 * The suite's own verdict (its `error` files) is counted against
 * libyaml's, for the record: libyaml 0.2.5 accepts some invalid YAML and
 * refuses some valid YAML, and govmap follows libyaml.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "suites.h"
#include "ytree.h"

/* govmap's refusals of YAML that libyaml accepts (ytree.c) */
static const char *const policy_codes[] = {
	"yaml-alias",	  "yaml-anchor",    "yaml-complex-key",
	"duplicate-key", "yaml-tab",   "yaml-encoding",
	"yaml-nul",	  "limit-documents", "limit-depth",
	"limit-scalar",	  "limit-nodes",    NULL};

static int is_policy(const char *code)
{
	for (size_t k = 0; policy_codes[k]; k++)
		if (strcmp(code, policy_codes[k]) == 0)
			return 1;
	return 0;
}

/* libyaml's verdict: 1 when every event parses to the end of the
 * stream, 0 on an error. */
static int libyaml_accepts(const char *data, size_t len)
{
	yaml_parser_t p;
	yaml_event_t ev;
	int ok = 0;
	if (!yaml_parser_initialize(&p))
		return -1;
	yaml_parser_set_input_string(&p, (const unsigned char *)data, len);
	for (;;) {
		if (!yaml_parser_parse(&p, &ev))
			break;
		int end = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		if (end) {
			ok = 1;
			break;
		}
	}
	yaml_parser_delete(&p);
	return ok;
}

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	size_t k;
	while (buf && (k = fread(buf + n, 1, cap - n, f)) > 0) {
		n += k;
		if (n == cap) {
			char *nb = realloc(buf, cap *= 2);
			if (!nb) {
				free(buf);
				buf = NULL;
			}
			buf = nb;
		}
	}
	fclose(f);
	*len = n;
	return buf;
}

static const char *srcdir(void)
{
	const char *s = getenv("GOVMAP_SRCDIR");
	return s && *s ? s : ".";
}

START_TEST(test_yaml_suite_agrees_with_libyaml)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/tests/yaml-suite/cases.tsv", srcdir());
	FILE *list = fopen(path, "r");
	ck_assert_msg(list, "cannot open %s", path);
	char line[1024];
	size_t cases = 0, lib_ok = 0, lib_err = 0, policy = 0,
	       spec_disagree = 0, bad = 0;
	char first_bad[2048] = "";
	while (fgets(line, sizeof line, list)) {
		char *id = strtok(line, "\t\n");
		char *verdict = strtok(NULL, "\t\n");
		ck_assert_msg(id && verdict, "bad line in cases.tsv");
		char file[4096];
		snprintf(file, sizeof file, "%s/tests/yaml-suite/cases/%s.yaml",
			 srcdir(), id);
		size_t len = 0;
		char *data = read_all(file, &len);
		ck_assert_msg(data, "cannot read %s", file);
		int lib = libyaml_accepts(data, len);
		ck_assert_int_ge(lib, 0);
		cases++;
		if (lib)
			lib_ok++;
		else
			lib_err++;
		if (lib != (strcmp(verdict, "valid") == 0))
			spec_disagree++;

		char name[64];
		snprintf(name, sizeof name, "%s.yaml", id);
		govmap__arena arena = {0};
		govmap_diags d = {0};
		ynode **docs = NULL;
		size_t ndocs = 0;
		govmap_parse_limits lim = {0};
		int rc = govmap__ytree_parse(&docs, &ndocs, &arena, name, data,
					     len, &lim, &d);
		size_t nd = d.n;
		const char *why = NULL;
		const govmap_diag *g = NULL;
		int syntax = 0, other = 0;
		for (size_t k = 0; k < nd; k++) {
			g = &d.v[k];
			if (!g->file || strcmp(g->file, name) != 0 || !g->line ||
			    !g->col) {
				why = "a diagnostic without file:line:col";
				break;
			}
			for (const char *c = g->msg; *c; c++)
				if ((unsigned char)*c < 0x20 || *c == 0x7f)
					why = "a raw control character in a "
					      "message";
			if (why)
				break;
			if (strcmp(g->code, "yaml-syntax") == 0)
				syntax = 1;
			else if (is_policy(g->code))
				other = 1;
			else {
				why = "an unexpected diagnostic code";
				break;
			}
		}
		if (!why && lib && syntax)
			why = "yaml-syntax on YAML that libyaml accepts";
		if (!why && !lib && rc == 0)
			why = "accepted YAML that libyaml rejects";
		if (!why && (rc != 0) != (nd > 0))
			why = "the result and the diagnostics disagree";
		if (!why && lib && other)
			policy++;
		if (why) {
			if (!bad++)
				snprintf(first_bad, sizeof first_bad,
					 "%s (libyaml %s): %s%s%u:%u %s %s", id,
					 lib ? "accepts" : "rejects", why,
					 g ? "; last diagnostic " : "",
					 g ? g->line : 0, g ? g->col : 0,
					 g ? g->code : "", g ? g->msg : "");
		}
		govmap__arena_free(&arena);
		govmap_diags_free(&d);
		free(data);
	}
	fclose(list);
	/* all of the pinned suite's cases, read */
	ck_assert_uint_eq(cases, 402);
	ck_assert_msg(bad == 0, "%zu of %zu cases disagree; first: %s", bad,
		      cases, first_bad);
	if (getenv("GOVMAP_YAML_SUITE_VERBOSE"))
		fprintf(stderr,
			"yaml-test-suite: %zu cases, libyaml accepts %zu and "
			"rejects %zu (%zu unlike the suite's verdict); govmap "
			"refuses %zu of the accepted by its own rules\n",
			cases, lib_ok, lib_err, spec_disagree, policy);
}
END_TEST

Suite *yamlsuite_suite(void)
{
	Suite *s = suite_create("yamlsuite");
	TCase *tc = tcase_create("cases");
	tcase_set_timeout(tc, TH_TIMEOUT);
	tcase_add_test(tc, test_yaml_suite_agrees_with_libyaml);
	suite_add_tcase(s, tc);
	return s;
}
