/* fixture-abi-new.c - built for a newer plugin ABI than the host's. */
#include "govmap/plugin.h"

static int init(const govmap_host *h) { (void)h; return 0; }
static void fini(void) {}
static const govmap_plugin d = {GOVMAP_PLUGIN_ABI_VERSION + 1,
				sizeof(govmap_plugin), "fixture-abi-new", "1.0",
				NULL, NULL, NULL, NULL, NULL, NULL, NULL, init,
				fini, 0, 0, 0, NULL, NULL, NULL};
__attribute__((visibility("default"))) const govmap_plugin *
govmap_plugin_entry(void);
const govmap_plugin *govmap_plugin_entry(void) { return &d; }
