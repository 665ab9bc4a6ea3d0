/* fixture-named-core.c - a plugin named "core": its rules would be
 * core/<id>, the core's own, so the host must refuse it. */
#include "govmap/plugin.h"

static int init(const govmap_host *h) { (void)h; return 0; }
static void fini(void) {}
GOVMAP_PLUGIN_DEFINE(.name = "core", .version = "1.0", .init = init,
		     .fini = fini);
