/* fixture-time-bound.c - declares a body type and a board type
 * time-bound (govmap_plugin.time_bound_types): an entity of either type
 * must give valid.from, a date or `unknown` with notes
 * (tests/plugins/loader/time-bound, expected-time-bound). */
#include "govmap/plugin.h"

static int init(const govmap_host *h) { (void)h; return 0; }
static void fini(void) {}
static const char *const body_types[] = {"fixture-pact", "fixture-lasting",
					 NULL};
static const char *const board_types[] = {"fixture-pact-board", NULL};
static const char *const time_bound[] = {"fixture-pact",
					 "fixture-pact-board", NULL};
GOVMAP_PLUGIN_DEFINE(.name = "fixture-time-bound", .version = "1.0",
		     .body_types = body_types, .board_types = board_types,
		     .time_bound_types = time_bound, .init = init,
		     .fini = fini);
