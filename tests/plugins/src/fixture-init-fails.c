/* fixture-init-fails.c - init() refuses to start. */
#include "govmap/plugin.h"

static int init(const govmap_host *h) { (void)h; return 7; }
static void fini(void) {}
GOVMAP_PLUGIN_DEFINE(.name = "fixture-init-fails", .version = "1.0",
		     .init = init, .fini = fini);
