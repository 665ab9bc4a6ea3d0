/* fixture-abi-old.c - built for an older plugin ABI (version 0). */
#include "govmap/plugin.h"

static int init(const govmap_host *h) { (void)h; return 0; }
static void fini(void) {}
static const govmap_plugin d = {0, sizeof(govmap_plugin), "fixture-abi-old",
				"1.0", NULL, NULL, NULL, NULL, NULL, NULL,
				NULL, init, fini, 0, 0, 0, NULL, NULL, NULL};
__attribute__((visibility("default"))) const govmap_plugin *
govmap_plugin_entry(void);
const govmap_plugin *govmap_plugin_entry(void) { return &d; }
