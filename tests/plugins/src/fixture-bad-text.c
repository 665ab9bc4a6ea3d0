/* fixture-bad-text.c - a rule title with a terminal escape and a byte
 * that is not UTF-8: `govmap plugins` and `rules` print titles as they
 * are, so the host must refuse it. */
#include "govmap/plugin.h"

static int init(const govmap_host *h) { (void)h; return 0; }
static void fini(void) {}
static void check(govmap_rule_ctx *c) { (void)c; }
static const govmap_plugin_rule rules[] = {
	{"x", "clears \x1b[2Jthe screen \xff", GOVMAP_SEV_INFO, "fixture",
	 check},
	{NULL, NULL, GOVMAP_SEV_INFO, NULL, NULL}};
GOVMAP_PLUGIN_DEFINE(.name = "fixture-bad-text", .version = "1.0",
		     .rules = rules, .init = init, .fini = fini);
