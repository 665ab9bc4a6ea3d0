/* fixture-crash.c - its first rule crashes; its second still runs. */
#include <signal.h>

#include "govmap/plugin.h"

static const govmap_host *H;
static int init(const govmap_host *h) { H = h; return 0; }
static void fini(void) { H = NULL; }
static void boom(govmap_rule_ctx *c)
{
	H->report(c, GOVMAP_SEV_INFO, NULL, 0, "about to crash");
	raise(SIGSEGV);
}
static void after(govmap_rule_ctx *c)
{
	H->report(c, GOVMAP_SEV_WARNING, NULL, 0, "ran after the crash");
}
static const govmap_plugin_rule rules[] = {
	{"boom", "crashes", GOVMAP_SEV_ERROR, "fixture", boom},
	{"after", "runs after the crash", GOVMAP_SEV_WARNING, "fixture", after},
	{NULL, NULL, GOVMAP_SEV_INFO, NULL, NULL}};
GOVMAP_PLUGIN_DEFINE(.name = "fixture-crash", .version = "1.0",
		     .rules = rules, .init = init, .fini = fini);
