/* fixture-stderr.c - a rule that writes to standard error, which a rule
 * must not do: the host shows the first lines as warnings about the
 * plugin, escaped (a terminal escape among them), and counts the rest. */
#include <stdio.h>

#include "govmap/plugin.h"

static const govmap_host *H;
static int init(const govmap_host *h) { H = h; return 0; }
static void fini(void) { H = NULL; }
static void chatty(govmap_rule_ctx *c)
{
	fprintf(stderr, "\x1b[2Jdebug line 1\n");
	for (int i = 2; i <= 7; i++)
		fprintf(stderr, "debug line %d\n", i);
	H->report(c, GOVMAP_SEV_INFO, NULL, 0, "chatty ran");
}
static const govmap_plugin_rule rules[] = {
	{"chatty", "writes to standard error", GOVMAP_SEV_INFO, "fixture",
	 chatty},
	{NULL, NULL, GOVMAP_SEV_INFO, NULL, NULL}};
GOVMAP_PLUGIN_DEFINE(.name = "fixture-stderr", .version = "1.0",
		     .rules = rules, .init = init, .fini = fini);
