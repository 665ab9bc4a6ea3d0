/*
 * england_ics.c - the england-ics plugin: integrated care systems in
 * England under the Health and Care Act 2022.
 *
 * Law: NHS Act 2006 Part 2 Chapter A3 (s.14Z25) and Sch. 1B (ICBs, in
 * force 1 July 2022); Local Government and Public Involvement in Health
 * Act 2007 s.116ZA (ICPs); NHS Act 2006 s.244 and the Local Authority
 * (Public Health, Health and Wellbeing Boards and Health Scrutiny)
 * Regulations 2013 (SI 2013/218), as amended by SI 2024/16 (health
 * scrutiny; the referral power ended on 31 January 2024).
 *
 * How the data expresses the ICS (see also registry/README.md):
 *   - "the ICB's area councils" are the bodies of type local-authority in
 *     force whose `region` is the ICB's region or lies below it, and whose
 *     ONS code marks an upper-tier authority (E06 unitary, E08
 *     metropolitan district, E09 London borough, E10 county): the
 *     councils with social services and health scrutiny functions.  ICB
 *     boundaries were drawn on upper-tier council boundaries in 2022, so
 *     the region path is the footprint; a council without an ONS code is
 *     not counted (the councils-per-icb finding says so).
 *   - The ICB's board is a board `of` the ICB whose type is `board`.
 *     Seats are recognised by role ("chair", "chief executive") and, for
 *     the partner members, by role words ("trust", "primary medical" /
 *     "primary care", "local authorit") or by the type of `nominated_by`
 *     / `appointed_by` (nhs-trust / foundation-trust, gp-practice / pcn,
 *     local-authority).  NHS England is the body with ODS code X24 or id
 *     nhs-england; the Secretary of State is a body of type minister.
 *   - The members of an ICP, a joint health scrutiny committee or any
 *     partnership X are: X's `joint` list and `of` (when X is a board),
 *     the bodies with a member-of link to X, the bodies that appoint,
 *     nominate or elect a seat on X or on a board `of` X, and the councils
 *     X reports-to (a joint scrutiny committee reports to its councils).
 *
 *   - The forums (HSCA 2012 s.194; LGPIHA 2007 ss.221-222): a CCG's
 *     governing body is any board `of` the CCG; a health and wellbeing
 *     board is a board of type health-and-wellbeing-board `of` its council,
 *     whose members are recognised by seat: a councillor (elected_member
 *     or an elected seat), the three directors by role words ("adult
 *     social", "children", "public health"), the local Healthwatch (a seat
 *     filled by a body of type healthwatch) and each relevant ICB or CCG
 *     (those with a scrutinised-by link to the council, each needing a seat
 *     it fills); a Healthwatch's funder is a local authority it has a
 *     funded-by link to or that commissions a contract it provides, and
 *     that council's services are the ones it reports on when it sits on
 *     the council's health and wellbeing board.
 *
 * Rules judge the registry as it stood on the evaluation date (`--on`),
 * except referral-ended and stp-no-basis, which judge history.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "govmap/plugin.h"

static const govmap_host *H;

/* One pass over the registry at the start of each rule: the entities the
 * rules look at, by role.  Without it every ICB scanned the whole registry
 * once per council (O(ICBs x councils x entities): seconds at England
 * scale); with it the rules look only at what can matter. */
typedef struct {
	int32_t *v;
	size_t n, cap;
} list_t;

static struct {
	list_t icbs;        /* active bodies of type icb */
	list_t councils;    /* active local authorities */
	list_t boards;      /* active boards */
	list_t links;       /* active links */
	list_t icps;        /* active icp bodies and boards */
	list_t jhscs;       /* active joint health scrutiny committees */
	list_t scrutiny;    /* active scrutinised-by links */
	list_t all_boards;  /* boards and links whatever their dates */
	list_t all_links;
	list_t stps;        /* bodies of type stp */
} S;


#define MAXM 512

static int ics_init(const govmap_host *h)
{
	if (!GOVMAP_HOST_HAS(h, join_ids))
		return 1; /* needs the SDK: govmap 0.2 or later */
	H = h;
	return 0;
}

static void ics_fini(void)
{
	list_t *all[] = {&S.icbs, &S.councils, &S.boards, &S.links, &S.icps,
			 &S.jhscs, &S.scrutiny, &S.all_boards, &S.all_links,
			 &S.stps};
	for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
		free(all[i]->v);
		memset(all[i], 0, sizeof(*all[i]));
	}
	H = NULL;
}

/* ---- helpers --------------------------------------------------------- */

static int upper_tier(govmap_rule_ctx *c, int32_t e)
{
	const char *ons = H->code(c, e, "ons");
	return ons && (strncmp(ons, "E06", 3) == 0 ||
		       strncmp(ons, "E08", 3) == 0 ||
		       strncmp(ons, "E09", 3) == 0 ||
		       strncmp(ons, "E10", 3) == 0);
}

static void push(list_t *l, int32_t e)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		int32_t *v = realloc(l->v, cap * sizeof(*v));
		if (!v)
			return; /* the rule sees a shorter list */
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = e;
}

static void scan(govmap_rule_ctx *c)
{
	list_t *all[] = {&S.icbs, &S.councils, &S.boards, &S.links, &S.icps,
			 &S.jhscs, &S.scrutiny, &S.all_boards, &S.all_links,
			 &S.stps};
	for (size_t i = 0; i < sizeof all / sizeof *all; i++)
		all[i]->n = 0;
	int32_t ne = H->entity_count(c);
	for (int32_t e = 0; e < ne; e++) {
		govmap_kind k = H->kind(c, e);
		int act = H->active(c, e);
		if (k == GOVMAP_KIND_BOARD)
			push(&S.all_boards, e);
		else if (k == GOVMAP_KIND_LINK)
			push(&S.all_links, e);
		else if (k == GOVMAP_KIND_BODY && H->is_type(c, e, "stp"))
			push(&S.stps, e);
		if (!act)
			continue;
		if (k == GOVMAP_KIND_BOARD)
			push(&S.boards, e);
		if (k == GOVMAP_KIND_LINK) {
			push(&S.links, e);
			if (H->is_type(c, e, "scrutinised-by"))
				push(&S.scrutiny, e);
			continue;
		}
		if (k == GOVMAP_KIND_BODY && H->is_type(c, e, "icb"))
			push(&S.icbs, e);
		if (k == GOVMAP_KIND_BODY && H->is_type(c, e, "local-authority"))
			push(&S.councils, e);
		if (H->is_type(c, e, "icp"))
			push(&S.icps, e);
		if (H->is_type(c, e, "joint-health-scrutiny-committee"))
			push(&S.jhscs, e);
	}
}

/* The ICB's area councils; *uncoded counts local authorities in the
 * region without an ONS code. */
static size_t area_councils(govmap_rule_ctx *c, int32_t icb, int32_t *out,
			    size_t *uncoded)
{
	size_t n = 0;
	*uncoded = 0;
	for (size_t k = 0; k < S.councils.n; k++) {
		int32_t e = S.councils.v[k];
		if (!H->region_in(c, H->region(c, e), H->region(c, icb)))
			continue;
		if (!H->code(c, e, "ons"))
			(*uncoded)++;
		else if (upper_tier(c, e) && n < MAXM)
			out[n++] = e;
	}
	return n;
}

static int is_nhse(govmap_rule_ctx *c, int32_t e)
{
	const char *ods = H->code(c, e, "ods");
	const char *id = H->id(c, e);
	return (ods && strcmp(ods, "X24") == 0) ||
	       (id && strcmp(id, "nhs-england") == 0);
}

static int is_sos(govmap_rule_ctx *c, int32_t e)
{
	return H->is_type(c, e, "minister") ||
	       govmap_text_contains(H->name(c, e), "Secretary of State");
}

/* The ICB's boards (type board, `of` the ICB, in force). */
static size_t icb_boards(govmap_rule_ctx *c, int32_t icb, int32_t *out)
{
	size_t n = 0;
	for (size_t k = 0; k < S.boards.n; k++) {
		int32_t e = S.boards.v[k];
		if (H->board_of(c, e) == icb && H->is_type(c, e, "board") &&
		    n < MAXM)
			out[n++] = e;
	}
	return n;
}

/* Every rule that walks the ICBs starts with a fresh scan. */
#define FOR_ACTIVE_ICB(c, icb)                                              \
	scan(c);                                                            \
	for (size_t icb##_k = 0; icb##_k < S.icbs.n; icb##_k++)             \
		for (int32_t icb = S.icbs.v[icb##_k]; icb >= 0; icb = -1)

/* ---- rules ----------------------------------------------------------- */

static int by_type(govmap_rule_ctx *c, int32_t b, size_t s, const char *t1,
		   const char *t2)
{
	int32_t by = H->seat_by(c, b, s);
	return H->is_type(c, by, t1) || (t2 && H->is_type(c, by, t2));
}

static void check_icb_board(govmap_rule_ctx *c)
{
	int32_t boards[MAXM];
	FOR_ACTIVE_ICB(c, icb)
	{
		size_t nb = icb_boards(c, icb, boards);
		if (!nb) {
			H->report(c, GOVMAP_SEV_WARNING, NULL, icb,
				  "ICB '%s' has no board in the registry: add "
				  "a board (type board, of: %s) with its "
				  "Schedule 1B seats",
				  H->id(c, icb), H->id(c, icb));
			continue;
		}
		for (size_t k = 0; k < nb; k++) {
			int32_t b = boards[k];
			int chair = 0, chair_ok = 0, ceo = 0, trust = 0,
			    primary = 0, la = 0;
			unsigned ordinary = 0;
			for (size_t s = 0; s < H->seat_count(c, b); s++) {
				if (!H->in_force(c, H->seat_valid(c, b, s)))
					continue;
				const char *r = H->seat_role(c, b, s);
				if (govmap_text_contains(r, "chair") &&
				    !govmap_text_contains(r, "vice") &&
				    !govmap_text_contains(r, "deputy")) {
					chair = 1;
					if (H->seat_fill(c, b, s) ==
						    GOVMAP_FILL_APPOINTED &&
					    is_nhse(c, H->seat_by(c, b, s)) &&
					    is_sos(c,
						   H->seat_approved_by(c, b, s)))
						chair_ok = 1;
					continue;
				}
				if (govmap_text_contains(r, "chief executive")) {
					ceo = 1;
					continue;
				}
				ordinary += H->seat_number(c, b, s);
				if (govmap_text_contains(r, "trust") ||
				    by_type(c, b, s, "nhs-trust",
					    "foundation-trust"))
					trust = 1;
				if (govmap_text_contains(r, "primary medical") ||
				    govmap_text_contains(r, "primary care") ||
				    by_type(c, b, s, "gp-practice", "pcn"))
					primary = 1;
				if (govmap_text_contains(r, "local authorit") ||
				    by_type(c, b, s, "local-authority", NULL))
					la = 1;
			}
			char miss[400];
			size_t len = 0;
			miss[0] = '\0';
#define MISS(cond, text)                                                    \
	if (!(cond))                                                        \
		len += (size_t)snprintf(miss + len, sizeof miss - len, "%s%s", \
					len ? "; " : "", text)
			MISS(chair, "no chair");
			MISS(!chair || chair_ok,
			     "the chair is not appointed by NHS England with "
			     "the approval of the Secretary of State (para. 5)");
			MISS(ceo, "no chief executive (para. 7)");
			MISS(ordinary >= 3,
			     "fewer than three ordinary members (para. 3)");
			MISS(trust, "no member nominated by NHS trusts and "
				    "foundation trusts (para. 8)");
			MISS(primary, "no member nominated by providers of "
				      "primary medical services (para. 8)");
			MISS(la, "no member nominated by the local "
				 "authorities of the area (para. 8)");
#undef MISS
			if (len)
				H->report(c, GOVMAP_SEV_ERROR, NULL, b,
					  "board '%s' of ICB '%s' does not "
					  "meet Schedule 1B: %s",
					  H->id(c, b), H->id(c, icb), miss);
		}
	}
}

static void check_no_elected(govmap_rule_ctx *c)
{
	int32_t boards[MAXM];
	FOR_ACTIVE_ICB(c, icb)
	{
		size_t nb = icb_boards(c, icb, boards);
		for (size_t k = 0; k < nb; k++) {
			int32_t b = boards[k];
			int elected = 0;
			for (size_t s = 0; s < H->seat_count(c, b); s++)
				if (H->in_force(c, H->seat_valid(c, b, s)) &&
				    (H->seat_elected_member(c, b, s) ==
					     GOVMAP_YES ||
				     H->seat_fill(c, b, s) ==
					     GOVMAP_FILL_ELECTED))
					elected = 1;
			if (!elected)
				H->report(c, GOVMAP_SEV_INFO, NULL, b,
					  "board '%s' of ICB '%s' has no "
					  "elected member: the statute does "
					  "not require one",
					  H->id(c, b), H->id(c, icb));
		}
	}
}

static void check_icp(govmap_rule_ctx *c)
{
	int32_t councils[MAXM], m[MAXM], missing[MAXM];
	FOR_ACTIVE_ICB(c, icb)
	{
		size_t unc, nc = area_councils(c, icb, councils, &unc);
		int found = 0;
		for (size_t k = 0; k < S.icps.n; k++) {
			int32_t p = S.icps.v[k];
			size_t nm = H->members(c, p, m, MAXM);
			if (!govmap_ids_contain(m, nm, icb))
				continue;
			found = 1;
			size_t nmiss = 0;
			for (size_t i = 0; i < nc; i++)
				if (!govmap_ids_contain(m, nm, councils[i]))
					missing[nmiss++] = councils[i];
			if (nmiss) {
				char buf[2000];
				H->join_ids(c, missing, nmiss, buf, sizeof buf);
				H->report(c, GOVMAP_SEV_ERROR, NULL, p,
					  "integrated care partnership '%s' "
					  "of ICB '%s' leaves out %zu of the "
					  "area's councils: %s",
					  H->id(c, p), H->id(c, icb), nmiss,
					  buf);
			}
		}
		if (!found)
			H->report(c, GOVMAP_SEV_WARNING, NULL, icb,
				  "ICB '%s' has no integrated care partnership "
				  "in the registry: record the ICP (type icp) "
				  "with the ICB and its councils as members",
				  H->id(c, icb));
	}
}

static int council_side(govmap_rule_ctx *c, int32_t to, int32_t council)
{
	if (to == council)
		return 1;
	if (H->kind(c, to) == GOVMAP_KIND_BOARD && H->board_of(c, to) == council)
		return 1;
	if (H->is_type(c, to, "health-scrutiny-committee") ||
	    H->is_type(c, to, "joint-health-scrutiny-committee")) {
		int32_t m[MAXM];
		size_t nm = H->members(c, to, m, MAXM);
		return govmap_ids_contain(m, nm, council);
	}
	return 0;
}

static void check_scrutiny(govmap_rule_ctx *c)
{
	int32_t councils[MAXM], missing[MAXM];
	FOR_ACTIVE_ICB(c, icb)
	{
		size_t unc, nc = area_councils(c, icb, councils, &unc);
		size_t nmiss = 0;
		for (size_t i = 0; i < nc; i++) {
			int ok = 0;
			for (size_t k = 0; k < S.scrutiny.n && !ok; k++) {
				int32_t l = S.scrutiny.v[k];
				if (H->link_from(c, l) == icb &&
				    council_side(c, H->link_to(c, l),
						 councils[i]))
					ok = 1;
			}
			if (!ok)
				missing[nmiss++] = councils[i];
		}
		if (nmiss) {
			char buf[2000];
			H->join_ids(c, missing, nmiss, buf, sizeof buf);
			H->report(c, GOVMAP_SEV_WARNING, NULL, icb,
				  "ICB '%s' has no scrutinised-by link to %zu "
				  "of its councils (health scrutiny, NHS Act "
				  "2006 s.244): %s",
				  H->id(c, icb), nmiss, buf);
		}
	}
}

static void check_joint_scrutiny(govmap_rule_ctx *c)
{
	int32_t councils[MAXM], m[MAXM];
	FOR_ACTIVE_ICB(c, icb)
	{
		size_t unc, nc = area_councils(c, icb, councils, &unc);
		if (nc < 2)
			continue;
		int found = 0;
		for (size_t k = 0; k < S.jhscs.n && !found; k++) {
			int32_t j = S.jhscs.v[k];
			size_t nm = H->members(c, j, m, MAXM), shared = 0;
			for (size_t i = 0; i < nc; i++)
				shared += govmap_ids_contain(m, nm, councils[i]);
			found = shared >= 2;
		}
		if (!found)
			H->report(c, GOVMAP_SEV_WARNING, NULL, icb,
				  "ICB '%s' spans %zu councils but no joint "
				  "health scrutiny committee of them is "
				  "recorded: changes across the footprint "
				  "have no joint scrutiny",
				  H->id(c, icb), nc);
	}
}

static void check_councils_per_icb(govmap_rule_ctx *c)
{
	int32_t councils[MAXM];
	FOR_ACTIVE_ICB(c, icb)
	{
		size_t unc, nc = area_councils(c, icb, councils, &unc);
		if (nc < 2)
			continue;
		char buf[2000];
		H->join_ids(c, councils, nc, buf, sizeof buf);
		H->report(c, GOVMAP_SEV_INFO, NULL, icb,
			  "ICB '%s' commissions for %zu upper-tier councils' "
			  "areas (%s): one NHS body, several electorates, "
			  "none of which chooses it%s",
			  H->id(c, icb), nc, buf,
			  unc ? "; some local authorities of the region have "
				"no ONS code and were not counted"
			      : "");
	}
}

static const char *const nhs_types[] = {"icb", "ccg", "nhs-trust",
					"foundation-trust", "stp", "pcn",
					NULL};

static int nhs_body(govmap_rule_ctx *c, int32_t e)
{
	for (size_t i = 0; nhs_types[i]; i++)
		if (H->is_type(c, e, nhs_types[i]))
			return 1;
	return 0;
}

static int council_body(govmap_rule_ctx *c, int32_t e)
{
	if (H->is_type(c, e, "local-authority") ||
	    H->is_type(c, e, "health-scrutiny-committee") ||
	    H->is_type(c, e, "joint-health-scrutiny-committee") ||
	    H->is_type(c, e, "scrutiny-committee"))
		return 1;
	return H->kind(c, e) == GOVMAP_KIND_BOARD &&
	       H->is_type(c, H->board_of(c, e), "local-authority");
}

#define REFERRAL_END 20240131 /* SI 2024/16 in force */

static void check_referral_ended(govmap_rule_ctx *c)
{
	scan(c);
	for (size_t k = 0; k < S.all_links.n; k++) {
		int32_t l = S.all_links.v[k];
		if (!H->is_type(c, l, "scrutinised-by") ||
		    !(H->link_powers(c, l) & GOVMAP_POWER_SANCTION) ||
		    !nhs_body(c, H->link_from(c, l)) ||
		    !council_body(c, H->link_to(c, l)))
			continue;
		govmap_period p = H->valid(c, l);
		if (p.to > 0 && p.to <= REFERRAL_END)
			continue;
		H->report(c, GOVMAP_SEV_ERROR, NULL, l,
			  "link '%s' gives '%s' the power to sanction '%s' "
			  "after 2024-01-31, but the power to refer NHS "
			  "changes to the Secretary of State ended that day "
			  "(SI 2024/16): end this link on 2024-01-31 and add "
			  "one with powers [inform, question]",
			  H->id(c, l), H->id(c, H->link_to(c, l)),
			  H->id(c, H->link_from(c, l)));
	}
}

static void check_stp(govmap_rule_ctx *c)
{
	scan(c);
	for (size_t ks = 0; ks < S.stps.n; ks++) {
		int32_t s = S.stps.v[ks];
		const char *basis = H->statutory_basis(c, s);
		if (basis && strcmp(basis, "none") != 0)
			continue;
		size_t ndecides = 0;
		const char *what = NULL;
		for (size_t kb = 0; kb < S.all_boards.n; kb++) {
			int32_t b = S.all_boards.v[kb];
			{
				int mine = H->board_of(c, b) == s;
				for (size_t i = 0; i < H->board_joint_count(c, b);
				     i++)
					mine |= H->board_joint(c, b, i) == s;
				if (mine && H->board_decides_count(c, b)) {
					ndecides += H->board_decides_count(c, b);
					what = H->board_decides(c, b, 0);
				}
			}
		}
		for (size_t kl = 0; kl < S.all_links.n; kl++) {
			int32_t b = S.all_links.v[kl];
			if (H->is_type(c, b, "ratified-by") &&
			    H->link_from(c, b) == s) {
				ndecides++;
				if (!what)
					what = "decisions ratified by others";
			}
		}
		if (!ndecides && H->spend_gbp(c, s) <= 0)
			continue;
		H->report(c, GOVMAP_SEV_WARNING, NULL, s,
			  "'%s' has no statutory basis yet decides (%s): "
			  "shadow decision-making that no statute makes "
			  "answerable",
			  H->id(c, s), what ? what : "it controls spending");
	}
}

/* ---- the forums: CCG governing bodies, Healthwatch, HWBs -------------- */

/* A CCG in force with no board `of` it in force: NHS Act 2006 s.14L
 * required every CCG to have a governing body. */
static void check_ccg_governing_body(govmap_rule_ctx *c)
{
	scan(c);
	int32_t ne = H->entity_count(c);
	for (int32_t e = 0; e < ne; e++) {
		if (H->kind(c, e) != GOVMAP_KIND_BODY || !H->is_type(c, e, "ccg") ||
		    !H->active(c, e))
			continue;
		int found = 0;
		for (size_t k = 0; k < S.boards.n && !found; k++)
			found = H->board_of(c, S.boards.v[k]) == e;
		if (!found)
			H->report(c, GOVMAP_SEV_WARNING, NULL, e,
				  "CCG '%s' has no governing body recorded: "
				  "every CCG had to have one; add it as a board "
				  "of the CCG, with how each seat was filled",
				  H->id(c, e));
	}
}

static void add_id(int32_t *v, size_t *n, int32_t x)
{
	if (x >= 0 && *n < MAXM && !govmap_ids_contain(v, *n, x))
		v[(*n)++] = x;
}

/* The health and wellbeing board of council `la` in force that `hw`
 * holds a seat on, or -1. */
static int32_t hwb_seat_of(govmap_rule_ctx *c, int32_t hw, int32_t la)
{
	for (size_t k = 0; k < S.boards.n; k++) {
		int32_t b = S.boards.v[k];
		if (!H->is_type(c, b, "health-and-wellbeing-board") ||
		    H->board_of(c, b) != la)
			continue;
		for (size_t s = 0; s < H->seat_count(c, b); s++)
			if (H->seat_by(c, b, s) == hw &&
			    H->in_force(c, H->seat_valid(c, b, s)))
				return b;
	}
	return -1;
}

/* A local Healthwatch paid (a funded-by link, or a contract it provides)
 * by the council whose health and wellbeing board it sits on: the council
 * whose care services it reports on (LGPIHA 2007 s.221(2)(d)). */
static void check_healthwatch_funder(govmap_rule_ctx *c)
{
	scan(c);
	int32_t ne = H->entity_count(c);
	for (int32_t hw = 0; hw < ne; hw++) {
		if (H->kind(c, hw) != GOVMAP_KIND_BODY ||
		    !H->is_type(c, hw, "healthwatch") || !H->active(c, hw))
			continue;
		int32_t funders[MAXM];
		size_t nf = 0;
		for (size_t k = 0; k < S.links.n; k++) {
			int32_t l = S.links.v[k];
			if (H->is_type(c, l, "funded-by") &&
			    H->link_from(c, l) == hw &&
			    H->is_type(c, H->link_to(c, l), "local-authority"))
				add_id(funders, &nf, H->link_to(c, l));
		}
		for (int32_t k = 0; k < ne && nf < MAXM; k++)
			if (H->kind(c, k) == GOVMAP_KIND_CONTRACT &&
			    H->active(c, k) && H->contract_provider(c, k) == hw &&
			    H->is_type(c, H->contract_commissioner(c, k),
				    "local-authority"))
				add_id(funders, &nf,
				       H->contract_commissioner(c, k));
		for (size_t i = 0; i < nf; i++) {
			int32_t b = hwb_seat_of(c, hw, funders[i]);
			if (b < 0)
				continue;
			H->report(c, GOVMAP_SEV_WARNING, NULL, hw,
				  "Healthwatch '%s' is funded by '%s', whose "
				  "care services it reports on (it sits on "
				  "'%s'): the council pays its own critic, and "
				  "can re-let or cut the contract",
				  H->id(c, hw), H->id(c, funders[i]),
				  H->id(c, b));
		}
	}
}

/* Does board b have a seat in force filled by body x? */
static int seat_by_body(govmap_rule_ctx *c, int32_t b, int32_t x)
{
	for (size_t s = 0; s < H->seat_count(c, b); s++)
		if (H->seat_by(c, b, s) == x &&
		    H->in_force(c, H->seat_valid(c, b, s)))
			return 1;
	return 0;
}

static void check_hwb_members(govmap_rule_ctx *c)
{
	scan(c);
	for (size_t k = 0; k < S.boards.n; k++) {
		int32_t b = S.boards.v[k];
		if (!H->is_type(c, b, "health-and-wellbeing-board"))
			continue;
		int32_t la = H->board_of(c, b);
		int cllr = 0, dass = 0, dcs = 0, dph = 0, hw = 0;
		for (size_t s = 0; s < H->seat_count(c, b); s++) {
			if (!H->in_force(c, H->seat_valid(c, b, s)))
				continue;
			const char *r = H->seat_role(c, b, s);
			int32_t by = H->seat_by(c, b, s);
			cllr |= H->seat_elected_member(c, b, s) == GOVMAP_YES ||
				H->seat_fill(c, b, s) == GOVMAP_FILL_ELECTED;
			dass |= govmap_text_contains(r, "adult social");
			dcs |= govmap_text_contains(r, "children");
			dph |= govmap_text_contains(r, "public health");
			hw |= by >= 0 && H->is_type(c, by, "healthwatch");
		}
		char missing[1024];
		size_t len = 0;
		missing[0] = '\0';
#define MISSING(cond, what)                                                   \
	if (!(cond) && len < sizeof missing)                                  \
	len += (size_t)snprintf(missing + len, sizeof missing - len, "%s%s", \
				len ? "; " : "", what)
		MISSING(cllr, "a councillor (s.194(2)(a))");
		MISSING(dass, "the director of adult social services");
		MISSING(dcs, "the director of children's services");
		MISSING(dph, "the director of public health");
		MISSING(hw, "a representative of the local Healthwatch");
		/* each relevant ICB or CCG: those the council scrutinises */
		for (size_t i = 0; i < S.scrutiny.n; i++) {
			int32_t l = S.scrutiny.v[i], nhs = H->link_from(c, l);
			if (H->link_to(c, l) != la ||
			    !(H->is_type(c, nhs, "icb") || H->is_type(c, nhs, "ccg")) ||
			    !H->active(c, nhs) || seat_by_body(c, b, nhs))
				continue;
			if (len < sizeof missing && !strstr(missing, H->id(c, nhs)))
				len += (size_t)snprintf(
				    missing + len, sizeof missing - len,
				    "%sa representative of '%s'",
				    len ? "; " : "", H->id(c, nhs));
		}
#undef MISSING
		if (len)
			H->report(c, GOVMAP_SEV_WARNING, NULL, b,
				  "health and wellbeing board '%s' of '%s' "
				  "lacks statutory members: %s",
				  H->id(c, b), H->id(c, la), missing);
	}
}

/* ---- the descriptor -------------------------------------------------- */

static const char *const ics_regions[] = {"england", NULL};
static const char *const ics_body_types[] = {
	"icb", "icp", "nhs-trust", "foundation-trust", "ccg", "stp", "pcn",
	"gp-practice", "healthwatch", "health-scrutiny-committee",
	"joint-health-scrutiny-committee", "nhs-england-region", NULL};
static const char *const ics_board_types[] = {
	"icp", "health-scrutiny-committee", "joint-health-scrutiny-committee",
	"health-and-wellbeing-board", NULL};

static const govmap_plugin_rule ics_rules[] = {
	{"icb-board",
	 "an ICB's board has a chair appointed by NHS England with the "
	 "Secretary of State's approval, a chief executive and at least three "
	 "ordinary members nominated by trusts, primary medical services and "
	 "the local authorities",
	 GOVMAP_SEV_ERROR,
	 "NHS Act 2006 Sch. 1B paras. 3, 5, 7 and 8 (inserted by Health and "
	 "Care Act 2022 s.19 and Sch. 2)",
	 check_icb_board},
	{"icb-no-elected-member",
	 "an ICB board has no seat that must be held by an elected member",
	 GOVMAP_SEV_INFO,
	 "NHS Act 2006 Sch. 1B para. 3 (no elected member required)",
	 check_no_elected},
	{"icp-membership",
	 "an integrated care partnership exists for the ICB and includes "
	 "every upper-tier council of its area",
	 GOVMAP_SEV_ERROR,
	 "Local Government and Public Involvement in Health Act 2007 s.116ZA "
	 "(inserted by Health and Care Act 2022 s.26)",
	 check_icp},
	{"icb-scrutiny",
	 "each council of an ICB's area scrutinises the ICB",
	 GOVMAP_SEV_WARNING,
	 "NHS Act 2006 s.244; Local Authority (Public Health, Health and "
	 "Wellbeing Boards and Health Scrutiny) Regulations 2013 (SI 2013/218) "
	 "regs. 21-23",
	 check_scrutiny},
	{"joint-scrutiny",
	 "an ICB whose area spans several councils has a joint health "
	 "scrutiny committee",
	 GOVMAP_SEV_WARNING,
	 "Local Authority (Public Health, Health and Wellbeing Boards and "
	 "Health Scrutiny) Regulations 2013 (SI 2013/218) reg. 30",
	 check_joint_scrutiny},
	{"councils-per-icb",
	 "how many councils' areas one ICB covers (distance from local "
	 "people)",
	 GOVMAP_SEV_INFO,
	 "NHS Act 2006 s.14Z25 (ICB areas set by NHS England order)",
	 check_councils_per_icb},
	{"referral-ended",
	 "a council's power to refer NHS changes to the Secretary of State "
	 "is claimed after it ended on 2024-01-31",
	 GOVMAP_SEV_ERROR,
	 "SI 2013/218 reg. 23(9), omitted by the Local Authority (Public "
	 "Health, Health and Wellbeing Boards and Health Scrutiny) (Amendment "
	 "and Saving Provision) Regulations 2024 (SI 2024/16) reg. 2, in "
	 "force 31 January 2024",
	 check_referral_ended},
	{"stp-no-basis",
	 "an STP or pre-2022 ICS with no statutory basis takes decisions",
	 GOVMAP_SEV_WARNING,
	 "NHS Shared Planning Guidance 2016/17-2020/21 (STPs created by "
	 "guidance, not statute); statutory footing only from the Health and "
	 "Care Act 2022 s.19",
	 check_stp},
	{"ccg-no-governing-body",
	 "a clinical commissioning group has no governing body recorded",
	 GOVMAP_SEV_WARNING,
	 "NHS Act 2006 s.14L (each CCG must have a governing body), inserted "
	 "by Health and Social Care Act 2012 s.25; CCGs were abolished on 1 "
	 "July 2022 by the Health and Care Act 2022",
	 check_ccg_governing_body},
	{"healthwatch-funded-by-council",
	 "a local Healthwatch is funded by the council whose care services it "
	 "reports on",
	 GOVMAP_SEV_WARNING,
	 "Local Government and Public Involvement in Health Act 2007 ss.221(1) "
	 "and 222 (the council contracts with and pays its Local Healthwatch), "
	 "as amended by Health and Social Care Act 2012 ss.182-183",
	 check_healthwatch_funder},
	{"hwb-members",
	 "a health and wellbeing board lacks a member section 194 requires: a "
	 "councillor, the directors of adult social services, children's "
	 "services and public health, the local Healthwatch, each relevant "
	 "ICB (CCG before July 2022)",
	 GOVMAP_SEV_WARNING,
	 "Health and Social Care Act 2012 s.194(2)-(6) (integrated care boards "
	 "in place of CCGs since the Health and Care Act 2022)",
	 check_hwb_members},
	{NULL, NULL, GOVMAP_SEV_INFO, NULL, NULL}};

/* Types whose bodies exist only for a time, each established and
 * abolished by law or by NHS England: CCGs (2013-2022) and STPs (2016,
 * replaced by ICSs), ICBs and ICPs (from 1 July 2022), foundation trusts
 * (authorised from 2004), local Healthwatch (from 2013), primary care
 * networks (from 2019), NHS England's regions (redrawn as seven in
 * 2018-19).  Each must give valid.from (plugin.h, time_bound_types). */
static const char *const ics_time_bound_types[] = {
	"icb", "icp", "ccg", "stp", "foundation-trust", "healthwatch", "pcn",
	"nhs-england-region", NULL};

static const govmap_plugin_link_type ics_link_types[] = {{NULL, 0}};

/* Maps draw these as box borders over the deficit fill, so they are dark
 * enough to read as a line: NHS commissioners blue, partnerships purple. */
static const govmap_plugin_style ics_styles[] = {
	{"icb", "#08519c"}, {"icp", "#6a51a3"}, {"ccg", "#4292c6"},
	{"stp", "#807dba"}, {"healthwatch", "#238b45"}, {NULL, NULL}};

/* Rules that report what the registry lacks (or where records
 * disagree) rather than a weak structure: shown apart from deficit
 * findings (issue 15). Health scrutiny by every council is statutory (NHS Act 2006 s.244) and so is an ICP's membership: a missing record is a gap in the registry; a sanction link after the referral power ended contradicts the law. */
static const govmap_plugin_rule_category rule_categories[] = {
	{"joint-scrutiny", GOVMAP_CAT_COVERAGE},
	{"icb-scrutiny", GOVMAP_CAT_COVERAGE},
	{"icp-membership", GOVMAP_CAT_COVERAGE},
	{"referral-ended", GOVMAP_CAT_DATA},
	{NULL, 0}};

GOVMAP_PLUGIN_DEFINE(.name = "england-ics",
		     .version = "1.0.0",
		     .description = "integrated care systems in England "
				    "(Health and Care Act 2022)",
		     .regions = ics_regions,
		     .body_types = ics_body_types,
		     .board_types = ics_board_types,
		     .link_types = ics_link_types,
		     .rules = ics_rules,
		     .styles = ics_styles,
		     .init = ics_init,
		     .fini = ics_fini,
		     .rule_categories = rule_categories,
		     .time_bound_types = ics_time_bound_types);
