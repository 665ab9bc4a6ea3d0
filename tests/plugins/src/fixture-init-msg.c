/* fixture-init-msg.c - refuses to load through init_msg, saying why. */
#include <stdio.h>
#include "govmap/plugin.h"

static int init_msg(const govmap_host *h, char *why, size_t n)
{
	(void)h;
	snprintf(why, n, "needs a region file\nthat is not installed");
	return 1;
}
static void fini(void) {}

GOVMAP_PLUGIN_DEFINE(.name = "fixture-init-msg", .version = "1.0",
		     .init_msg = init_msg, .fini = fini);
