/*
 * contracts.c - contracts on a date (issue 17): whether a contract is in
 * force, which procurement rules governed its award, and whether a body
 * has a commissioner recorded.
 *
 * One answer to each question for the analysis, the core rules, the
 * plugins and `govmap stats`.  Reads the model only; never prints.
 */
#include <stdlib.h>
#include <string.h>

#include "registry_impl.h"

govmap_tristate govmap_contract_status(const govmap_entity *e,
				       govmap_date on)
{
	govmap_tristate st = govmap_period_status(e->valid, on);
	if (e->kind != GOVMAP_KIND_CONTRACT || st == GOVMAP_NO)
		return st;
	/* `end` is the last day of the term, included */
	if (on && ((e->start && on < e->start) || (e->end && on > e->end)))
		return GOVMAP_NO;
	return e->start && e->end ? st : GOVMAP_UNKNOWN;
}

/* The Provider Selection Regime came into force on 1 January 2024 (SI
 * 2023/1348 reg. 1(1)), revoking the 2013 regulations, in force from 1
 * April 2013 (SI 2013/500 reg. 1(1)); both apply in England only. */
#define PSR_FROM 20240101
#define NHS_2013_FROM 20130401

govmap_regime govmap_contract_regime(const govmap_registry *reg,
				     const govmap_entity *c)
{
	if (!c || c->kind != GOVMAP_KIND_CONTRACT || c->commissioner.target < 0)
		return GOVMAP_REGIME_OTHER;
	const govmap_entity *by =
		govmap_registry_at(reg, (size_t)c->commissioner.target);
	if (!govmap_region_in(govmap_entity_region(reg, by), "england"))
		return GOVMAP_REGIME_OTHER;
	if (!c->start)
		return GOVMAP_REGIME_START_NOT_KNOWN;
	return c->start >= PSR_FROM        ? GOVMAP_REGIME_PSR
	       : c->start >= NHS_2013_FROM ? GOVMAP_REGIME_NHS_2013
					   : GOVMAP_REGIME_OTHER;
}

const char *govmap_regime_name(govmap_regime r)
{
	switch (r) {
	case GOVMAP_REGIME_PSR: return "psr-2023";
	case GOVMAP_REGIME_NHS_2013: return "nhs-2013";
	case GOVMAP_REGIME_OTHER: return "other";
	default: return "start-not-known";
	}
}

/* A body not known to be out of force on the date. */
static int maybe_in_force(const govmap_registry *reg, int32_t i,
			  govmap_date on)
{
	return i >= 0 &&
	       govmap_period_status(govmap_registry_at(reg, (size_t)i)->valid,
				    on) != GOVMAP_NO;
}

void govmap_registry_commissioned(const govmap_registry *reg,
				  govmap_date on, bool *out)
{
	size_t n = govmap_registry_count(reg);
	for (size_t k = 0; k < n; k++)
		out[k] = false;
	for (size_t k = 0; k < n; k++) {
		const govmap_entity *e = govmap_registry_at(reg, k);
		int32_t who = -1;
		if (e->kind == GOVMAP_KIND_CONTRACT &&
		    govmap_contract_status(e, on) != GOVMAP_NO &&
		    maybe_in_force(reg, e->commissioner.target, on))
			who = e->provider.target;
		else if (e->kind == GOVMAP_KIND_LINK && e->type &&
			 strcmp(e->type, "commissioned-by") == 0 &&
			 govmap_period_contains(e->valid, on) &&
			 maybe_in_force(reg, e->to.target, on))
			who = e->from.target;
		if (who >= 0 && (size_t)who < n)
			out[who] = true;
	}
}
