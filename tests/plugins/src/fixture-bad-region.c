/* fixture-bad-region.c - a region written "Scotland/Highland": no
 * registry region can be in it (they are lower-case), so the host must
 * refuse it rather than let its rules never run. */
#include "govmap/plugin.h"

static int init(const govmap_host *h) { (void)h; return 0; }
static void fini(void) {}
static const char *const regions[] = {"Scotland/Highland", NULL};
GOVMAP_PLUGIN_DEFINE(.name = "fixture-bad-region", .version = "1.0",
		     .regions = regions, .init = init, .fini = fini);
