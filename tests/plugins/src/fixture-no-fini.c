/* fixture-no-fini.c - a descriptor without the mandatory fini(). */
#include "govmap/plugin.h"

static int init(const govmap_host *h) { (void)h; return 0; }
GOVMAP_PLUGIN_DEFINE(.name = "fixture-no-fini", .version = "1.0",
		     .init = init);
