/* fixture-hostile-report.c - rules that report what a careless plugin
 * does: no message, a message longer than the host keeps that would be
 * cut inside a UTF-8 character, an entity index out of range, and
 * control characters and bytes that are not UTF-8.  The host must show
 * each as one escaped line (tests/plugins/run.sh, isolation). */
#include <string.h>

#include "govmap/plugin.h"

static const govmap_host *H;
static int init(const govmap_host *h) { H = h; return 0; }
static void fini(void) { H = NULL; }
static void no_message(govmap_rule_ctx *c)
{
	/* a pointer without report()'s format attribute, so that the
	 * compiler lets a NULL format through */
	void (*report)(govmap_rule_ctx *, govmap_severity, const char *,
		       int32_t, const char *, ...) = H->report;
	report(c, GOVMAP_SEV_WARNING, NULL, 0, NULL);
}
static void long_message(govmap_rule_ctx *c)
{
	/* "x" then 'é' (2 bytes) up to 2,001 bytes: byte 1,000 is the
	 * first byte of an 'é' */
	char m[2002];
	m[0] = 'x';
	for (size_t i = 1; i + 1 < sizeof m; i += 2)
		memcpy(m + i, "\xc3\xa9", 2);
	m[sizeof m - 1] = '\0';
	H->report(c, GOVMAP_SEV_WARNING, NULL, 0, "%s", m);
}
static void out_of_range(govmap_rule_ctx *c)
{
	H->report(c, GOVMAP_SEV_WARNING, NULL, 99999, "index 99999");
}
static void bytes(govmap_rule_ctx *c)
{
	H->report(c, GOVMAP_SEV_WARNING, NULL, 0,
		  "not UTF-8 \xff, \x1b[31mred\x1b[0m, a bell\a and\nNEXT");
}
static const govmap_plugin_rule rules[] = {
	{"no-message", "reports no message", GOVMAP_SEV_WARNING, "fixture",
	 no_message},
	{"long", "reports too long a message", GOVMAP_SEV_WARNING, "fixture",
	 long_message},
	{"out-of-range", "names an entity out of range", GOVMAP_SEV_WARNING,
	 "fixture", out_of_range},
	{"bytes", "reports control characters and bytes not UTF-8",
	 GOVMAP_SEV_WARNING, "fixture", bytes},
	{NULL, NULL, GOVMAP_SEV_INFO, NULL, NULL}};
GOVMAP_PLUGIN_DEFINE(.name = "fixture-hostile-report", .version = "1.0",
		     .rules = rules, .init = init, .fini = fini);
