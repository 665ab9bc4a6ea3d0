/* fixture-hang.c - its first rule never returns; its second still runs. */
#include "govmap/plugin.h"

static const govmap_host *H;
static int init(const govmap_host *h) { H = h; return 0; }
static void fini(void) { H = NULL; }
static void spin(govmap_rule_ctx *c)
{
	volatile unsigned long n = 0;
	(void)c;
	for (;;)
		n++;
}
static void after(govmap_rule_ctx *c)
{
	H->report(c, GOVMAP_SEV_WARNING, NULL, 0, "ran after the hang");
}
static const govmap_plugin_rule rules[] = {
	{"spin", "never returns", GOVMAP_SEV_ERROR, "fixture", spin},
	{"after", "runs after the hang", GOVMAP_SEV_WARNING, "fixture", after},
	{NULL, NULL, GOVMAP_SEV_INFO, NULL, NULL}};
GOVMAP_PLUGIN_DEFINE(.name = "fixture-hang", .version = "1.0",
		     .rules = rules, .init = init, .fini = fini);
