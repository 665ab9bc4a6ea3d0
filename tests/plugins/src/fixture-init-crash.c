/* fixture-init-crash.c - a plugin whose init() crashes.  init runs in
 * govmap's own process, so govmap dies too, but it must say which plugin
 * did it (tests/plugins/run.sh runs it on its own). */
#include <signal.h>

#include "govmap/plugin.h"

static int init(const govmap_host *h)
{
	(void)h;
	raise(SIGSEGV);
	return 0;
}
static void fini(void) {}
GOVMAP_PLUGIN_DEFINE(.name = "fixture-init-crash", .version = "1.0",
		     .init = init, .fini = fini);
