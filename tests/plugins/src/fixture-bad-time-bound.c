/* fixture-bad-time-bound.c - lists a time-bound type it does not declare
 * as a body or board type: the host refuses it. */
#include "govmap/plugin.h"

static int init(const govmap_host *h) { (void)h; return 0; }
static void fini(void) {}
static const char *const body_types[] = {"fixture-thing", NULL};
static const char *const time_bound[] = {"fixture-other", NULL};
GOVMAP_PLUGIN_DEFINE(.name = "fixture-bad-time-bound", .version = "1.0",
		     .body_types = body_types, .time_bound_types = time_bound,
		     .init = init, .fini = fini);
