/*
 * greater_manchester.c - the greater-manchester plugin: health and care
 * devolution in Greater Manchester.
 *
 * Sources: the Greater Manchester Health and Social Care Devolution
 * Memorandum of Understanding (February 2015), under which the Greater
 * Manchester Health and Social Care Partnership took charge of about £6bn
 * a year from April 2016 with no statutory basis; the Greater Manchester
 * Combined Authority Order 2011 (SI 2011/908) and later GMCA orders, which
 * gave the combined authority and (from 2017) the mayor no NHS functions;
 * the Health and Care Act 2022 (NHS Greater Manchester ICB from 1 July
 * 2022, accountable to NHS England; LGPIHA 2007 s.116ZA for the ICP).
 *
 * How the data expresses Greater Manchester: an entity is in GM when its
 * `region` is england/greater-manchester or below it.  The boroughs are
 * the local-authority bodies in GM whose ONS code starts E08 (metropolitan
 * districts).  GMCA and the mayor are the bodies of type
 * combined-authority and elected-mayor in GM.  Members of the ICP and of
 * the joint scrutiny committee are found as in england-ics: `joint` lists,
 * member-of links, seat appointers, and the councils a committee
 * reports-to.  This plugin uses england-ics's types (icb, icp,
 * joint-health-scrutiny-committee); a registry lists both plugins.
 */
#include <stdio.h>
#include <string.h>

#include "govmap/plugin.h"

static const govmap_host *H;

#define MAXM 512
#define GM "england/greater-manchester"

static int gm_init(const govmap_host *h)
{
	if (!GOVMAP_HOST_HAS(h, join_ids))
		return 1; /* needs the SDK: govmap 0.2 or later */
	H = h;
	return 0;
}

static void gm_fini(void)
{
	H = NULL;
}

/* In Greater Manchester: the entity's region, or for a board its body's
 * (the core's rule: `of`, else the first of `joint`). */
static int in_gm(govmap_rule_ctx *c, int32_t e)
{
	return H->region_in(c, H->entity_region(c, e), GM);
}

static size_t boroughs(govmap_rule_ctx *c, int32_t *out)
{
	size_t n = 0;
	for (int32_t e = 0; e < H->entity_count(c); e++) {
		const char *ons = H->code(c, e, "ons");
		if (H->kind(c, e) == GOVMAP_KIND_BODY &&
		    H->is_type(c, e, "local-authority") && H->active(c, e) &&
		    in_gm(c, e) && ons && strncmp(ons, "E08", 3) == 0 &&
		    n < MAXM)
			out[n++] = e;
	}
	return n;
}

/* GMCA, the mayor, or a board of either. */
static int devolved_forum(govmap_rule_ctx *c, int32_t e)
{
	if (H->kind(c, e) == GOVMAP_KIND_BOARD)
		e = H->board_of(c, e);
	return in_gm(c, e) && (H->is_type(c, e, "combined-authority") ||
			       H->is_type(c, e, "elected-mayor"));
}

static void check_no_mayor_link(govmap_rule_ctx *c)
{
	for (int32_t b = 0; b < H->entity_count(c); b++) {
		if (H->kind(c, b) != GOVMAP_KIND_BODY ||
		    !(H->is_type(c, b, "icb") || H->is_type(c, b, "ccg")) ||
		    !H->active(c, b) || !in_gm(c, b))
			continue;
		int linked = 0;
		for (int32_t l = 0; l < H->entity_count(c) && !linked; l++) {
			if (H->kind(c, l) != GOVMAP_KIND_LINK || !H->active(c, l))
				continue;
			int32_t from = H->link_from(c, l);
			if (from != b && !(H->kind(c, from) ==
						   GOVMAP_KIND_BOARD &&
					   H->board_of(c, from) == b))
				continue;
			govmap_basis bs = H->link_basis(c, l);
			if (devolved_forum(c, H->link_to(c, l)) &&
			    (bs == GOVMAP_BASIS_STATUTE ||
			     bs == GOVMAP_BASIS_REGULATION ||
			     bs == GOVMAP_BASIS_CONTRACT))
				linked = 1;
		}
		if (linked)
			continue;
		int64_t spend = H->spend_gbp(c, b);
		char money[64] = "";
		if (spend > 0)
			snprintf(money, sizeof money, " (£%.1fbn a year)",
				 (double)spend / 1e9);
		H->report(c, GOVMAP_SEV_WARNING, NULL, b,
			  "'%s' holds Greater Manchester's NHS budget%s but "
			  "has no statutory or contractual accountability "
			  "link to the mayor or the combined authority: "
			  "devolution left the NHS money answering to NHS "
			  "England, not to GM's voters",
			  H->id(c, b), money);
	}
}

static void check_hscp(govmap_rule_ctx *c)
{
	for (int32_t e = 0; e < H->entity_count(c); e++) {
		/* in force on the date, as every rule: the partnership of
		 * 2016 to 2022 is reported on a date in those years, not
		 * counted among today's findings */
		if ((H->kind(c, e) != GOVMAP_KIND_BODY &&
		     H->kind(c, e) != GOVMAP_KIND_BOARD) ||
		    !H->active(c, e) || !in_gm(c, e))
			continue;
		const char *basis = H->statutory_basis(c, e);
		if (!basis || strcmp(basis, "none") != 0)
			continue;
		/* A board whose body is already reported is not reported
		 * again. */
		int32_t of = H->board_of(c, e);
		if (H->kind(c, e) == GOVMAP_KIND_BOARD && of >= 0 &&
		    H->statutory_basis(c, of) &&
		    strcmp(H->statutory_basis(c, of), "none") == 0)
			continue;
		size_t ndecides = H->board_decides_count(c, e);
		for (int32_t b = 0; b < H->entity_count(c); b++)
			if (H->kind(c, b) == GOVMAP_KIND_BOARD &&
			    H->board_of(c, b) == e)
				ndecides += H->board_decides_count(c, b);
		int64_t spend = H->spend_gbp(c, e);
		if (!ndecides && spend <= 0)
			continue;
		char money[64] = "";
		if (spend > 0)
			snprintf(money, sizeof money,
				 " worth about £%.1fbn a year",
				 (double)spend / 1e9);
		govmap_period p = H->valid(c, e);
		char when[64] = "";
		/* a date may be GOVMAP_DATE_UNKNOWN (-1): show known years */
		if (p.from > 0 || p.to > 0)
			snprintf(when, sizeof when, " (%d to %d)",
				 p.from > 0 ? p.from / 10000 : 0,
				 p.to > 0 ? p.to / 10000 : 0);
		H->report(c, GOVMAP_SEV_WARNING, NULL, e,
			  "'%s'%s steered health and care decisions%s with "
			  "no statutory basis: its decisions answered only "
			  "through its members",
			  H->id(c, e), when, money);
	}
}

static void check_icp_boroughs(govmap_rule_ctx *c)
{
	int32_t b[MAXM], m[MAXM], missing[MAXM];
	size_t nb = boroughs(c, b);
	for (int32_t p = 0; p < H->entity_count(c); p++) {
		if (H->kind(c, p) == GOVMAP_KIND_LINK || !H->is_type(c, p, "icp") ||
		    !H->active(c, p) || !in_gm(c, p))
			continue;
		size_t nm = H->members(c, p, m, MAXM), nmiss = 0;
		for (size_t i = 0; i < nb; i++)
			if (!govmap_ids_contain(m, nm, b[i]))
				missing[nmiss++] = b[i];
		if (!nmiss)
			continue;
		char buf[2000];
		H->join_ids(c, missing, nmiss, buf, sizeof buf);
		H->report(c, GOVMAP_SEV_ERROR, NULL, p,
			  "Greater Manchester's integrated care partnership "
			  "'%s' leaves out %zu of the ten boroughs: %s",
			  H->id(c, p), nmiss, buf);
	}
}

static void check_gm_scrutiny(govmap_rule_ctx *c)
{
	int32_t b[MAXM], m[MAXM], missing[MAXM];
	size_t nb = boroughs(c, b);
	for (int32_t icb = 0; icb < H->entity_count(c); icb++) {
		if (H->kind(c, icb) != GOVMAP_KIND_BODY ||
		    !H->is_type(c, icb, "icb") || !H->active(c, icb) ||
		    !in_gm(c, icb))
			continue;
		size_t best = (size_t)-1;
		for (int32_t j = 0; j < H->entity_count(c); j++) {
			if (!H->is_type(c, j, "joint-health-scrutiny-committee") ||
			    !H->active(c, j) || !in_gm(c, j))
				continue;
			size_t nm = H->members(c, j, m, MAXM), nmiss = 0;
			int32_t tmp[MAXM];
			for (size_t i = 0; i < nb; i++)
				if (!govmap_ids_contain(m, nm, b[i]))
					tmp[nmiss++] = b[i];
			if (nmiss < best) {
				best = nmiss;
				memcpy(missing, tmp, nmiss * sizeof(int32_t));
			}
		}
		if (best == 0)
			continue;
		if (best == (size_t)-1) {
			H->report(c, GOVMAP_SEV_WARNING, NULL, icb,
				  "no Greater Manchester joint health scrutiny "
				  "committee is recorded: GM-wide NHS changes "
				  "by '%s' are scrutinised only borough by "
				  "borough",
				  H->id(c, icb));
			continue;
		}
		char buf[2000];
		H->join_ids(c, missing, best, buf, sizeof buf);
		H->report(c, GOVMAP_SEV_WARNING, NULL, icb,
			  "the Greater Manchester joint health scrutiny "
			  "committee does not include %zu of the boroughs "
			  "'%s' serves: %s",
			  best, H->id(c, icb), buf);
	}
}

static const char *const gm_regions[] = {GM, NULL};

static const govmap_plugin_rule gm_rules[] = {
	{"nhs-budget-no-mayor-link",
	 "the NHS budget in Greater Manchester has no accountability link to "
	 "the mayor or the combined authority",
	 GOVMAP_SEV_WARNING,
	 "Greater Manchester Health and Social Care Devolution MoU (February "
	 "2015); Greater Manchester Combined Authority Order 2011 (SI "
	 "2011/908) and later GMCA orders (no NHS functions); NHS Act 2006 "
	 "s.14Z25 and Sch. 1B (the ICB answers to NHS England)",
	 check_no_mayor_link},
	{"hscp-no-statutory-basis",
	 "a Greater Manchester partnership steered health and care money "
	 "with no statutory basis (the 2016-2022 Health and Social Care "
	 "Partnership)",
	 GOVMAP_SEV_WARNING,
	 "Greater Manchester Health and Social Care Devolution MoU (February "
	 "2015), a non-statutory agreement; replaced by the statutory ICB "
	 "under the Health and Care Act 2022 s.19 on 1 July 2022",
	 check_hscp},
	{"icp-all-boroughs",
	 "every Greater Manchester borough is in the integrated care "
	 "partnership",
	 GOVMAP_SEV_ERROR,
	 "Local Government and Public Involvement in Health Act 2007 s.116ZA "
	 "(inserted by Health and Care Act 2022 s.26)",
	 check_icp_boroughs},
	{"gm-joint-scrutiny",
	 "GM-wide NHS changes are scrutinised at GM level by a joint health "
	 "scrutiny committee of all the boroughs",
	 GOVMAP_SEV_WARNING,
	 "Local Authority (Public Health, Health and Wellbeing Boards and "
	 "Health Scrutiny) Regulations 2013 (SI 2013/218) reg. 30; NHS Act "
	 "2006 s.244",
	 check_gm_scrutiny},
	{NULL, NULL, GOVMAP_SEV_INFO, NULL, NULL}};

/* Rules that report what the registry lacks (or where records
 * disagree) rather than a weak structure: shown apart from deficit
 * findings (issue 15). A joint committee or ICP member not recorded is a gap in the registry. */
static const govmap_plugin_rule_category rule_categories[] = {
	{"gm-joint-scrutiny", GOVMAP_CAT_COVERAGE},
	{"icp-all-boroughs", GOVMAP_CAT_COVERAGE},
	{NULL, 0}};

GOVMAP_PLUGIN_DEFINE(.name = "greater-manchester",
		     .version = "1.0.0",
		     .description = "Greater Manchester health and care "
				    "devolution (2015 MoU, GMCA orders, Health "
				    "and Care Act 2022)",
		     .regions = gm_regions,
		     .rules = gm_rules,
		     .init = gm_init,
		     .fini = gm_fini,
		     .rule_categories = rule_categories);
