/* fixture-twin.c - a second plugin that claims the name fixture-good. */
#include "govmap/plugin.h"

static int init(const govmap_host *h) { (void)h; return 0; }
static void fini(void) {}
GOVMAP_PLUGIN_DEFINE(.name = "fixture-good", .version = "2.0",
		     .init = init, .fini = fini);
