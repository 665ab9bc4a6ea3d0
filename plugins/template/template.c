/*
 * template.c - a minimal, working govmap region plugin, the start of
 * every new one.
 *
 *     make plugin NAME=my-region
 *
 * copies plugins/template/template.c to plugins/my-region/my_region.c
 * (the code's lower-case "template" renamed; this comment is left as it
 * is) and the template's fixtures to tests/plugins/fixtures/my-region/,
 * and `make` builds build/plugins/my-region.so.  A plugin includes
 * govmap/plugin.h and nothing else from govmap: it reads the registry
 * through the host table and reports findings through host->report().
 * See CONTRIBUTING.md "Adding a region".
 *
 * After `make plugin`, edit the two lines marked PLACEHOLDER below (the
 * build refuses a copy that still claims the region "example" or the
 * description it came with) and the fixtures' `region: example`, then
 * the rules.  Data convention of the example rule: a body belongs to the
 * plugin's region when its `region` (or, for a board, its body's) is
 * TEMPLATE_REGION or below it.
 */
#include <string.h>

#include "govmap/plugin.h"

/* PLACEHOLDER: the region path this plugin governs ("scotland"). */
#define TEMPLATE_REGION "example"
/* PLACEHOLDER: one line saying what the plugin covers. */
#define TEMPLATE_DESCRIPTION "an example region plugin to copy"

static const govmap_host *host; /* set by init, valid until fini */

static int template_init(const govmap_host *h, char *why, size_t n)
{
	/* The host checked our ABI version; we check that its table has
	 * everything we call (a newer host has at least as much), and say
	 * why not in the refusal. */
	if (!GOVMAP_HOST_HAS(h, entity_region)) {
		strncpy(why, "needs the plugin SDK (govmap 0.2 or later)", n);
		return 1;
	}
	host = h;
	return 0;
}

static void template_fini(void)
{
	host = NULL;
}

/* Rule "no-statutory-basis": a body of this region in force on the
 * evaluation date that does not say what law it stands on. */
static void template_check_basis(govmap_rule_ctx *ctx)
{
	/* every body, of any type: the SDK's index, no scan per type */
	size_t n = host->type_count(ctx, GOVMAP_KIND_BODY, NULL);
	for (size_t i = 0; i < n; i++) {
		int32_t e = host->type_at(ctx, GOVMAP_KIND_BODY, NULL, i);
		if (!host->region_in(ctx, host->entity_region(ctx, e),
				     TEMPLATE_REGION) ||
		    !host->active(ctx, e) || host->statutory_basis(ctx, e))
			continue;
		host->report(ctx, GOVMAP_SEV_INFO, NULL, e,
			     "'%s' does not say what law it stands on: add "
			     "statutory_basis (an Act, or none)",
			     host->id(ctx, e));
	}
}

static const char *const template_regions[] = {TEMPLATE_REGION, NULL};
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
		     .description = TEMPLATE_DESCRIPTION,
		     .regions = template_regions,
		     .body_types = template_body_types,
		     .rules = template_rules,
		     .styles = template_styles,
		     .init_msg = template_init,
		     .fini = template_fini);
