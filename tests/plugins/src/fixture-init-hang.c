/* fixture-init-hang.c - a plugin whose init() never returns.  init runs
 * in govmap's own process and cannot be stopped on its own: past the
 * rules' time limit govmap must say which plugin hung and stop, not wait
 * for ever (tests/plugins/run.sh runs it on its own). */
#include "govmap/plugin.h"

static int init(const govmap_host *h)
{
	(void)h;
	for (volatile unsigned long n = 0;; n++)
		;
	return 0;
}
static void fini(void) {}
GOVMAP_PLUGIN_DEFINE(.name = "fixture-init-hang", .version = "1.0",
		     .init = init, .fini = fini);
