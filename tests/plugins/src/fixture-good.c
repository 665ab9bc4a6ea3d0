/* fixture-good.c - a well-formed plugin: one rule, one finding. */
#include "govmap/plugin.h"

static const govmap_host *H;
static int init(const govmap_host *h) { H = h; return 0; }
static void fini(void) { H = NULL; }
static void ok(govmap_rule_ctx *c)
{
	H->report(c, GOVMAP_SEV_INFO, NULL, 0, "fixture finding about '%s'",
		  H->id(c, 0));
}
static const govmap_plugin_rule rules[] = {
	{"ok", "always reports one info finding", GOVMAP_SEV_INFO,
	 "tests/plugins/README (fixture)", ok},
	{NULL, NULL, GOVMAP_SEV_INFO, NULL, NULL}};
GOVMAP_PLUGIN_DEFINE(.name = "fixture-good", .version = "1.0",
		     .rules = rules, .init = init, .fini = fini);
