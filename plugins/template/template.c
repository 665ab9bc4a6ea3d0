/*
 * template.c - a minimal, working govmap region plugin to copy.
 *
 *     make plugin NAME=my-region
 *
 * creates plugins/my-region/my_region.c from this file (every "template"
 * becomes the new name), and `make` builds build/plugins/my-region.so.
 * A plugin includes govmap/plugin.h and nothing else from govmap: it reads
 * the registry through the host table and reports findings through
 * host->report().  See CONTRIBUTING.md "Adding a region".
 *
 * Data convention of this example: a body belongs to the plugin's region
 * when its `region` is "example" or starts with "example/".
 */
#include <string.h>

#include "govmap/plugin.h"

static const govmap_host *host; /* set by init, valid until fini */

static int template_init(const govmap_host *h)
{
	/* The host checked our ABI version; we check that its table has
	 * everything we call (a newer host has at least as much). */
	if (!GOVMAP_HOST_HAS(h, report))
		return 1;
	host = h;
	return 0;
}

static void template_fini(void)
{
	host = NULL;
}

/* Is `region` the path `root` or below it? */
static int template_in_region(const char *region, const char *root)
{
	size_t n = strlen(root);
	return region && strncmp(region, root, n) == 0 &&
	       (region[n] == '\0' || region[n] == '/');
}

/* Rule "no-statutory-basis": a body of this region in force on the
 * evaluation date that does not say what law it stands on. */
static void template_check_basis(govmap_rule_ctx *ctx)
{
	int32_t n = host->entity_count(ctx);
	for (int32_t e = 0; e < n; e++) {
		if (host->kind(ctx, e) != GOVMAP_KIND_BODY ||
		    !template_in_region(host->region(ctx, e), "example") ||
		    !host->in_force(ctx, host->valid(ctx, e)) ||
		    host->statutory_basis(ctx, e))
			continue;
		host->report(ctx, GOVMAP_SEV_INFO, NULL, e,
			     "'%s' does not say what law it stands on: add "
			     "statutory_basis (an Act, or none)",
			     host->id(ctx, e));
	}
}

static const char *const template_regions[] = {"example", NULL};
static const char *const template_body_types[] = {"template-example-body",
						  NULL};

static const govmap_plugin_rule template_rules[] = {
	{"no-statutory-basis",
	 "a body of the region does not give its statutory basis",
	 GOVMAP_SEV_INFO,
	 "govmap registry schema (registry/README.md, body: statutory_basis)",
	 template_check_basis},
	{NULL, NULL, GOVMAP_SEV_INFO, NULL, NULL}};

static const govmap_plugin_style template_styles[] = {
	{"template-example-body", "#dddddd"},
	{NULL, NULL}};

GOVMAP_PLUGIN_DEFINE(.name = "template",
		     .version = "1.0.0",
		     .description = "an example region plugin to copy",
		     .regions = template_regions,
		     .body_types = template_body_types,
		     .rules = template_rules,
		     .styles = template_styles,
		     .init = template_init,
		     .fini = template_fini);
