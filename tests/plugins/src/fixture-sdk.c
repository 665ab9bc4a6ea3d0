/*
 * fixture-sdk.c - a plugin that calls every SDK accessor of the host table
 * (govmap/plugin.h, after version 1) and reports what it saw, one info
 * finding per body, so that tests/plugins/run.sh can pin the answers on
 * tests/plugins/loader/sdk-registry: with scores (`explain`, which runs
 * the rules after the analysis) and without (`check`).
 */
#include <stdio.h>
#include "govmap/plugin.h"

static const govmap_host *host;

static int init_msg(const govmap_host *h, char *why, size_t n)
{
	host = h;
	if (!GOVMAP_HOST_HAS(h, seat_notes)) {
		snprintf(why, n, "needs the SDK accessors");
		return 1;
	}
	return 0;
}
static void fini(void) {}

static void check_sdk(govmap_rule_ctx *ctx)
{
	size_t nb = host->type_count(ctx, GOVMAP_KIND_BODY, NULL);
	for (size_t i = 0; i < nb; i++) {
		int32_t e = host->type_at(ctx, GOVMAP_KIND_BODY, NULL, i);
		const char *region = host->entity_region(ctx, e);
		char score[64] = "none";
		double a;
		int32_t next;
		if (host->score(ctx, e, &a, &next) == 0)
			snprintf(score, sizeof score, "%.3f via %s", a,
				 next >= 0 ? host->id(ctx, next) : "-");
		size_t nfrom = host->links_from_count(ctx, e);
		const char *first_to =
			nfrom ? host->id(ctx, host->link_to(
						      ctx, host->link_from_at(
								   ctx, e, 0)))
			      : "-";
		int32_t board = host->board_at(ctx, e, 0);
		const char *seat_note =
			board >= 0 ? host->seat_notes(ctx, board, 0) : NULL;
		host->report(ctx, GOVMAP_SEV_INFO, NULL, e,
			     "sdk: %s type-count %zu in-england %d active %d "
			     "links-from %zu (to %s) links-to %zu boards %zu "
			     "(seat note %s) score %s legal-form %s papers %d "
			     "notes %s",
			     host->id(ctx, e),
			     host->type_count(ctx, GOVMAP_KIND_BODY,
					      host->type(ctx, e)),
			     host->region_in(ctx, region, "england"),
			     host->active(ctx, e), nfrom, first_to,
			     host->links_to_count(ctx, e),
			     host->boards_count(ctx, e),
			     seat_note ? seat_note : "-", score,
			     host->legal_form(ctx, e) ? host->legal_form(ctx, e)
						      : "-",
			     (int)host->publishes_papers(ctx, e),
			     host->notes(ctx, e) ? host->notes(ctx, e) : "-");
	}
	/* members(): sdk-pact's board has a seat the partnership fills
	 * itself, then one the council fills; with room for one, the one
	 * written is the council (x is never a member, nor takes a place) */
	int32_t pact = host->find(ctx, "sdk-pact"), m[1];
	if (pact >= 0) {
		size_t k = host->members(ctx, pact, m, 1);
		char ids[64];
		host->report(ctx, GOVMAP_SEV_INFO, NULL, pact,
			     "sdk: members of sdk-pact, room for 1: %zu (%s)",
			     k, host->join_ids(ctx, m, k, ids, sizeof ids));
	}
	/* out of range and wrong kinds give the "absent" values */
	if (host->type_at(ctx, GOVMAP_KIND_BODY, NULL, nb) != -1 ||
	    host->link_from_at(ctx, -1, 0) != -1 ||
	    host->links_to_count(ctx, 99999) != 0 ||
	    host->score(ctx, -1, NULL, NULL) != -1 ||
	    host->type_count(ctx, GOVMAP_KIND_BODY, "no-such-type") != 0)
		host->report(ctx, GOVMAP_SEV_ERROR, NULL, -1,
			     "sdk: an accessor answered out of range");
}

static const govmap_plugin_rule rules[] = {
	{"sdk", "reports what the SDK accessors return", GOVMAP_SEV_INFO,
	 "fixture", check_sdk},
	{NULL, NULL, 0, NULL, NULL}};

GOVMAP_PLUGIN_DEFINE(.name = "fixture-sdk", .version = "1.0",
		     .rules = rules, .init_msg = init_msg, .fini = fini);
