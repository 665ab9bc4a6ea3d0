/* fixture-time-bound-old.c - a descriptor from before time_bound_types:
 * its struct_size stops short of the field, so the host must not read
 * the list that happens to follow (an undated fixture-old-pact is then no
 * error). */
#include <stddef.h>

#include "govmap/plugin.h"

static int init(const govmap_host *h) { (void)h; return 0; }
static void fini(void) {}
static const char *const body_types[] = {"fixture-old-pact", NULL};
static const char *const time_bound[] = {"fixture-old-pact", NULL};
static const govmap_plugin d = {
	.abi_version = GOVMAP_PLUGIN_ABI_VERSION,
	.struct_size = (uint32_t)offsetof(govmap_plugin, time_bound_types),
	.rule_size = (uint32_t)sizeof(govmap_plugin_rule),
	.link_type_size = (uint32_t)sizeof(govmap_plugin_link_type),
	.style_size = (uint32_t)sizeof(govmap_plugin_style),
	.name = "fixture-time-bound-old",
	.version = "1.0",
	.body_types = body_types,
	.time_bound_types = time_bound,
	.init = init,
	.fini = fini};
__attribute__((visibility("default"))) const govmap_plugin *
govmap_plugin_entry(void);
const govmap_plugin *govmap_plugin_entry(void) { return &d; }
