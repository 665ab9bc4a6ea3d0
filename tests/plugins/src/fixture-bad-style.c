/* fixture-bad-style.c - a plugin whose map style is not a #rrggbb colour:
 * the host must refuse it (maps pass the colour on to Graphviz and SVG). */
#include "govmap/plugin.h"

static int init(const govmap_host *h) { (void)h; return 0; }
static void fini(void) {}
static const char *const types[] = {"thing", NULL};
static const govmap_plugin_style styles[] = {
	{"thing", "red\" onload=\"x"}, {NULL, NULL}};
GOVMAP_PLUGIN_DEFINE(.name = "fixture-bad-style", .version = "1.0",
		     .body_types = types, .styles = styles, .init = init,
		     .fini = fini);
