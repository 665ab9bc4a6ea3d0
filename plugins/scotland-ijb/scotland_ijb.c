/*
 * scotland_ijb.c - the scotland-ijb plugin: health and social care
 * integration in Scotland.
 *
 * Law: Public Bodies (Joint Working) (Scotland) Act 2014 (asp 9): s.1 and
 * s.2 (integration schemes; the body corporate and lead agency models),
 * s.9 (integration joint boards, established by order: the Public Bodies
 * (Joint Working) (Integration Joint Board Establishment) (Scotland) Order
 * 2015, SSI 2015/88, as amended), s.10 (chief officer), s.13 (s.95 of the
 * Local Government (Scotland) Act 1973 applied to IJBs), s.61 (the
 * "constituent authorities"); the Public Bodies (Joint Working)
 * (Integration Joint Boards) (Scotland) Order 2014 (SSI 2014/285): art. 3
 * and 5 (membership), art. 4 and 6 (chair and vice-chair); the Public
 * Bodies (Joint Working) (Integration Joint Monitoring Committees)
 * (Scotland) Order 2014 (SSI 2014/281) for the lead agency model.
 *
 * This file owns the plugin's rules; it reads the registry only through
 * the host table and must not keep state between rules or print.
 *
 * How the data expresses integration (see also registry/README.md):
 *   - an integration joint board (IJB) is a body of type
 *     integration-joint-board; its voting and non-voting members are the
 *     seats of the boards `of` it (type board);
 *   - its constituent authorities are the local-authority and
 *     health-board bodies that nominate its seats (seat nominated_by or
 *     appointed_by); a seat is on the councils' side when the body filling
 *     it is a local-authority, on the health board's side when it is a
 *     health-board;
 *   - the chair, vice-chair and officers are the seats whose `post:` is
 *     chair, vice-chair, chief-officer, finance-officer or
 *     social-work-officer; a seat without a post is read by its role:
 *     beginning "Chair" or "Vice-chair", or containing "chief officer",
 *     "chief finance officer" or "section 95", "chief social work
 *     officer"; the stakeholder members by role words: "staff", "third
 *     sector", "carer", "service user";
 *   - the lead agency model (Highland) is a body of type
 *     lead-agency-arrangement whose integration joint monitoring committee
 *     is a board of type integration-joint-monitoring-committee `of` it;
 *     the bodies of a Scottish council area are those whose region is at
 *     or below the integration authority's region.
 *
 * Rules judge the registry as it stood on the evaluation date (`--on`).
 * The plugin uses the host table's SDK accessors (govmap 0.2): it
 * refuses to load, saying so, on an older host.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "govmap/plugin.h"

static const govmap_host *H;

#define MAXB 256

static int ijb_init(const govmap_host *h, char *why, size_t size)
{
	if (!GOVMAP_HOST_HAS(h, seat_post)) {
		snprintf(why, size, "needs the plugin SDK accessors (govmap "
				    "0.2 or later)");
		return 1;
	}
	H = h;
	return 0;
}

static void ijb_fini(void)
{
	H = NULL;
}

static int istarts(const char *s, const char *prefix)
{
	return s && strncasecmp(s, prefix, strlen(prefix)) == 0;
}

static int is_type(govmap_rule_ctx *c, int32_t e, const char *t)
{
	return H->is_type(c, e, t);
}

/* Does seat s hold `post`?  Its `post:` when given, else its role: the
 * role's first words (`lead`, "Chair ...") or any words (`any`). */
static int holds(govmap_rule_ctx *c, int32_t board, size_t s, govmap_post post,
		 const char *lead, const char *any)
{
	govmap_post p = H->seat_post(c, board, s);
	if (p > GOVMAP_POST_UNSET && p < GOVMAP_POST__COUNT)
		return p == post;
	const char *role = H->seat_role(c, board, s);
	return (lead && istarts(role, lead)) ||
	       (any && govmap_text_contains(role, any));
}

/* The boards in force of body b (its members boards). */
static size_t boards_of(govmap_rule_ctx *c, int32_t b, int32_t *out)
{
	size_t n = 0;
	for (size_t i = 0; i < H->boards_count(c, b) && n < MAXB; i++)
		if (H->active(c, H->board_at(c, b, i)))
			out[n++] = H->board_at(c, b, i);
	return n;
}

enum side { SIDE_NONE, SIDE_COUNCIL, SIDE_HEALTH };

static enum side seat_side(govmap_rule_ctx *c, int32_t board, size_t s)
{
	int32_t by = H->seat_by(c, board, s);
	if (is_type(c, by, "local-authority"))
		return SIDE_COUNCIL;
	if (is_type(c, by, "health-board"))
		return SIDE_HEALTH;
	return SIDE_NONE;
}

static const char *side_name(enum side s)
{
	return s == SIDE_COUNCIL  ? "a council"
	       : s == SIDE_HEALTH ? "the health board"
				  : "neither side";
}

/* The bodies of type t in force, in registry order. */
#define FOR_ACTIVE(c, x, t)                                                 \
	for (size_t x##_i = 0;                                              \
	     x##_i < H->type_count(c, GOVMAP_KIND_BODY, t); x##_i++)         \
		for (int32_t x = H->type_at(c, GOVMAP_KIND_BODY, t, x##_i);   \
		     x >= 0 && H->active(c, x); x = -1)

#define FOR_SEATS(c, boards, nb, k, s)                                      \
	for (size_t k = 0; k < (nb); k++)                                   \
		for (size_t s = 0; s < H->seat_count(c, (boards)[k]); s++)  \
			if (H->in_force(c, H->seat_valid(c, (boards)[k], s)))

/* Count voting seats per side and per council. */
static void check_voting(govmap_rule_ctx *c)
{
	int32_t boards[MAXB], councils[MAXB];
	unsigned per_council[MAXB];
	FOR_ACTIVE(c, j, "integration-joint-board")
	{
		size_t nb = boards_of(c, j, boards), nc = 0;
		unsigned la = 0, hb = 0;
		FOR_SEATS(c, boards, nb, k, s)
		{
			if (H->seat_voting(c, boards[k], s) != GOVMAP_YES)
				continue;
			unsigned n = H->seat_number(c, boards[k], s);
			enum side sd = seat_side(c, boards[k], s);
			if (sd == SIDE_HEALTH)
				hb += n;
			if (sd != SIDE_COUNCIL)
				continue;
			la += n;
			int32_t by = H->seat_by(c, boards[k], s);
			size_t i = 0;
			while (i < nc && councils[i] != by)
				i++;
			if (i == nc && nc < MAXB) {
				councils[nc] = by;
				per_council[nc++] = 0;
			}
			if (i < nc)
				per_council[i] += n;
		}
		if (!nb || (!la && !hb)) {
			H->report(c, GOVMAP_SEV_WARNING, NULL, j,
				  "integration joint board '%s' has no voting "
				  "seats recorded: add a board of it with the "
				  "members its integration scheme gives",
				  H->id(c, j));
			continue;
		}
		if (la != hb)
			H->report(c, GOVMAP_SEV_ERROR, NULL, j,
				  "integration joint board '%s' has %u voting "
				  "members nominated by councils and %u by the "
				  "health board: the numbers must be equal",
				  H->id(c, j), la, hb);
		/* art. 3(1)(a): at least three councillors from one council;
		 * art. 5(2)(a): two each from two councils, one each from
		 * more */
		unsigned min = nc <= 1 ? 3 : nc == 2 ? 2 : 1;
		for (size_t i = 0; i < nc; i++)
			if (per_council[i] < min)
				H->report(c, GOVMAP_SEV_ERROR, NULL, j,
					  "integration joint board '%s' has %u "
					  "voting member%s nominated by '%s': "
					  "the Order requires at least %u",
					  H->id(c, j), per_council[i],
					  per_council[i] == 1 ? "" : "s",
					  H->id(c, councils[i]), min);
		if (!nc)
			H->report(c, GOVMAP_SEV_ERROR, NULL, j,
				  "integration joint board '%s' has no voting "
				  "member nominated by a council",
				  H->id(c, j));
	}
}

static void check_chair(govmap_rule_ctx *c)
{
	int32_t boards[MAXB];
	FOR_ACTIVE(c, j, "integration-joint-board")
	{
		size_t nb = boards_of(c, j, boards);
		enum side chair = SIDE_NONE, vice = SIDE_NONE;
		int nchair = 0, nvice = 0;
		FOR_SEATS(c, boards, nb, k, s)
		{
			if (holds(c, boards[k], s, GOVMAP_POST_VICE_CHAIR,
				  "vice-chair", NULL) ||
			    holds(c, boards[k], s, GOVMAP_POST_VICE_CHAIR,
				  "vice chair", NULL)) {
				nvice++;
				vice = seat_side(c, boards[k], s);
			} else if (holds(c, boards[k], s, GOVMAP_POST_CHAIR,
					 "chair", NULL)) {
				nchair++;
				chair = seat_side(c, boards[k], s);
			}
		}
		if (!nchair || !nvice) {
			H->report(c, GOVMAP_SEV_INFO, NULL, j,
				  "integration joint board '%s' records no %s "
				  "seat: which constituent authority appoints "
				  "it in this period is not recorded",
				  H->id(c, j),
				  !nchair && !nvice ? "chair or vice-chair"
				  : !nchair	    ? "chair"
						    : "vice-chair");
			continue;
		}
		if (chair == SIDE_NONE || vice == SIDE_NONE || chair == vice)
			H->report(c, GOVMAP_SEV_ERROR, NULL, j,
				  "integration joint board '%s' has its chair "
				  "nominated by %s and its vice-chair by %s: "
				  "one must come from a council and the other "
				  "from the health board",
				  H->id(c, j), side_name(chair),
				  side_name(vice));
	}
}

/* A member the Order requires: its post (GOVMAP_POST_UNSET: recognised
 * by role words only), the role words that name it when the seat has no
 * post, and how to say it. */
struct need {
	govmap_post post;
	const char *w1, *w2, *what;
};

/* Does seat s meet the need: its post, or for a seat without one (or a
 * need without one) its role words? */
static int meets(govmap_rule_ctx *c, int32_t board, size_t s,
		 const struct need *n)
{
	if (n->post)
		return holds(c, board, s, n->post, NULL, n->w1) ||
		       (n->w2 && holds(c, board, s, n->post, NULL, n->w2));
	const char *role = H->seat_role(c, board, s);
	return govmap_text_contains(role, n->w1) ||
	       (n->w2 && govmap_text_contains(role, n->w2));
}

/* Report the needs no non-voting seat of the IJB meets, and any that is
 * met only by a voting seat. */
static void check_needs(govmap_rule_ctx *c, const struct need *req,
			size_t nreq, const char *kind)
{
	int32_t boards[MAXB];
	FOR_ACTIVE(c, j, "integration-joint-board")
	{
		size_t nb = boards_of(c, j, boards);
		char miss[800], voting[800];
		size_t lm = 0, lv = 0, nseats = 0;
		miss[0] = voting[0] = '\0';
		FOR_SEATS(c, boards, nb, k, s) nseats++;
		if (!nseats)
			continue; /* ijb-voting-members reports it */
		for (size_t i = 0; i < nreq; i++) {
			int found = 0, as_voting = 0;
			FOR_SEATS(c, boards, nb, k, s)
			{
				if (!meets(c, boards[k], s, &req[i]))
					continue;
				if (H->seat_voting(c, boards[k], s) ==
				    GOVMAP_YES)
					as_voting = 1;
				else
					found = 1;
			}
			if (!found && as_voting && lv < sizeof voting)
				lv += (size_t)snprintf(voting + lv,
						       sizeof voting - lv,
						       "%s%s", lv ? "; " : "",
						       req[i].what);
			else if (!found && lm < sizeof miss)
				lm += (size_t)snprintf(miss + lm,
						       sizeof miss - lm, "%s%s",
						       lm ? "; " : "",
						       req[i].what);
		}
		if (lm)
			H->report(c, GOVMAP_SEV_ERROR, NULL, j,
				  "integration joint board '%s' lacks the %s "
				  "the Order requires: %s",
				  H->id(c, j), kind, miss);
		if (lv)
			H->report(c, GOVMAP_SEV_ERROR, NULL, j,
				  "integration joint board '%s' records as "
				  "voting the %s the Order makes non-voting: %s",
				  H->id(c, j), kind, voting);
	}
}

static void check_officers(govmap_rule_ctx *c)
{
	static const struct need req[] = {
		{GOVMAP_POST_CHIEF_OFFICER, "chief officer", NULL,
		 "the chief officer"},
		{GOVMAP_POST_FINANCE_OFFICER, "chief finance officer",
		 "section 95", "the chief finance (section 95) officer"},
		{GOVMAP_POST_SOCIAL_WORK_OFFICER, "chief social work officer",
		 NULL, "the chief social work officer"},
	};
	check_needs(c, req, sizeof req / sizeof req[0], "officers");
}

static void check_stakeholders(govmap_rule_ctx *c)
{
	static const struct need req[] = {
		{GOVMAP_POST_UNSET, "staff", NULL, "a member for staff"},
		{GOVMAP_POST_UNSET, "third sector", NULL,
		 "a member for third sector bodies"},
		{GOVMAP_POST_UNSET, "carer", NULL,
		 "a member for unpaid carers"},
		{GOVMAP_POST_UNSET, "service user", NULL,
		 "a member for service users"},
	};
	/* From 1 September 2026 SSI 2025/405 counts some article 3(7) and
	 * 5(7) members as voting; which ones the registry does not yet say
	 * (registry/README.md), so the rule asks only that each group has a
	 * seat, voting or not, from that day. */
	if (H->on(c) >= 20260901) {
		int32_t boards[MAXB];
		FOR_ACTIVE(c, j, "integration-joint-board")
		{
			size_t nb = boards_of(c, j, boards), nseats = 0;
			char miss[800];
			size_t lm = 0;
			miss[0] = '\0';
			FOR_SEATS(c, boards, nb, k, s) nseats++;
			if (!nseats)
				continue;
			for (size_t i = 0; i < sizeof req / sizeof req[0];
			     i++) {
				int found = 0;
				FOR_SEATS(c, boards, nb, k, s)
				if (govmap_text_contains(
					    H->seat_role(c, boards[k], s),
					    req[i].w1))
					found = 1;
				if (!found && lm < sizeof miss)
					lm += (size_t)snprintf(
						miss + lm, sizeof miss - lm,
						"%s%s", lm ? "; " : "",
						req[i].what);
			}
			if (lm)
				H->report(c, GOVMAP_SEV_ERROR, NULL, j,
					  "integration joint board '%s' lacks "
					  "the stakeholder members the Order "
					  "requires: %s",
					  H->id(c, j), miss);
		}
		return;
	}
	check_needs(c, req, sizeof req / sizeof req[0],
		    "stakeholder members");
}

/* A council area has one integration authority: an IJB or a lead agency
 * arrangement, and a lead agency arrangement is overseen by its
 * integration joint monitoring committee. */
static void check_lead_agency(govmap_rule_ctx *c)
{
	int32_t boards[MAXB];
	FOR_ACTIVE(c, a, "lead-agency-arrangement")
	{
		const char *reg = H->region(c, a);
		FOR_ACTIVE(c, j, "integration-joint-board")
		if (reg && (H->region_in(c, H->region(c, j), reg) ||
			    H->region_in(c, reg, H->region(c, j))))
			H->report(c, GOVMAP_SEV_ERROR, NULL, a,
				  "lead agency arrangement '%s' and "
				  "integration joint board '%s' both cover %s: "
				  "an integration scheme follows one model",
				  H->id(c, a), H->id(c, j), reg);
		size_t nb = boards_of(c, a, boards);
		int jmc = 0;
		unsigned la = 0, hb = 0;
		for (size_t k = 0; k < nb; k++) {
			if (!is_type(c, boards[k],
				     "integration-joint-monitoring-committee"))
				continue;
			jmc = 1;
			for (size_t s = 0; s < H->seat_count(c, boards[k]);
			     s++) {
				if (!H->in_force(c,
						 H->seat_valid(c, boards[k], s)))
					continue;
				enum side sd = seat_side(c, boards[k], s);
				unsigned n = H->seat_number(c, boards[k], s);
				la += sd == SIDE_COUNCIL ? n : 0;
				hb += sd == SIDE_HEALTH ? n : 0;
			}
		}
		if (!jmc)
			H->report(c, GOVMAP_SEV_ERROR, NULL, a,
				  "lead agency arrangement '%s' has no "
				  "integration joint monitoring committee",
				  H->id(c, a));
		else if (la < 3 || hb < 3)
			H->report(c, GOVMAP_SEV_ERROR, NULL, a,
				  "the integration joint monitoring committee "
				  "of '%s' has %u council and %u health board "
				  "nominees: it needs at least three of each",
				  H->id(c, a), la, hb);
	}
}

/* An IJB is a body corporate, but its only political link towards
 * voters is the councillors and health board members its constituent
 * authorities nominate: no accountable-to, reports-to or scrutinised-by
 * link of its own to anyone but them.  Audit (audited-by, inspected-by)
 * does not count: the Accounts Commission examines its accounts, not its
 * choices. */
static void check_indirect(govmap_rule_ctx *c)
{
	int32_t boards[MAXB];
	FOR_ACTIVE(c, j, "integration-joint-board")
	{
		size_t nb = boards_of(c, j, boards);
		int own = 0;
		/* the IJB itself (k == nb) and each of its boards */
		for (size_t k = 0; k <= nb && !own; k++) {
			int32_t from = k < nb ? boards[k] : j;
			for (size_t i = 0; i < H->links_from_count(c, from);
			     i++) {
				int32_t l = H->link_from_at(c, from, i);
				int32_t to = H->link_to(c, l);
				if (H->active(c, l) &&
				    (is_type(c, l, "accountable-to") ||
				     is_type(c, l, "reports-to") ||
				     is_type(c, l, "scrutinised-by")) &&
				    !is_type(c, to, "local-authority") &&
				    !is_type(c, to, "health-board"))
					own = 1;
			}
		}
		if (!own)
			H->report(c, GOVMAP_SEV_WARNING, NULL, j,
				  "integration joint board '%s' answers to no "
				  "forum of its own but its auditors: its only "
				  "political chain to voters runs through the "
				  "members its constituent authorities nominate",
				  H->id(c, j));
	}
}

static const char *const ijb_regions[] = {"scotland", NULL};
static const char *const ijb_body_types[] = {
	"integration-joint-board", "health-board", "lead-agency-arrangement",
	NULL};
static const char *const ijb_board_types[] = {
	"integration-joint-monitoring-committee", NULL};

static const govmap_plugin_rule ijb_rules[] = {
	{"ijb-voting-members",
	 "an integration joint board has equal numbers of voting members "
	 "nominated by its council(s) and by its health board, at least the "
	 "minimum per council",
	 GOVMAP_SEV_ERROR,
	 "Integration Joint Boards (Scotland) Order 2014 (SSI 2014/285) "
	 "art. 3(1)(a)-(b) and art. 5(2)(a)-(b)",
	 check_voting},
	{"ijb-chair",
	 "the chair and vice-chair of an integration joint board come from "
	 "different constituent authorities",
	 GOVMAP_SEV_ERROR,
	 "SSI 2014/285 art. 4 and art. 6 (chair and vice-chair appointed by "
	 "the constituent authorities in turn)",
	 check_chair},
	{"ijb-officers",
	 "an integration joint board has its chief officer, chief finance "
	 "(section 95) officer and chief social work officer as non-voting "
	 "members",
	 GOVMAP_SEV_ERROR,
	 "SSI 2014/285 art. 3 and art. 5(2)(c)-(e); Public Bodies (Joint "
	 "Working) (Scotland) Act 2014 s.10 and s.13",
	 check_officers},
	{"ijb-stakeholders",
	 "an integration joint board has members for staff, third sector "
	 "bodies, unpaid carers and service users (non-voting before 1 "
	 "September 2026)",
	 GOVMAP_SEV_ERROR,
	 "SSI 2014/285 art. 3 and art. 5; SSI 2025/405 art. 2 (voting "
	 "members redefined from 1 September 2026)",
	 check_stakeholders},
	{"lead-agency",
	 "a lead agency arrangement (Highland) has an integration joint "
	 "monitoring committee with at least three council and three health "
	 "board nominees, and no integration joint board beside it",
	 GOVMAP_SEV_ERROR,
	 "Public Bodies (Joint Working) (Scotland) Act 2014 s.1(4)(b)-(d); "
	 "Integration Joint Monitoring Committees (Scotland) Order 2014 (SSI "
	 "2014/281) art. 3",
	 check_lead_agency},
	{"ijb-indirect-chain",
	 "an integration joint board whose only political chain to voters "
	 "runs through the members its constituent authorities nominate",
	 GOVMAP_SEV_WARNING,
	 "Public Bodies (Joint Working) (Scotland) Act 2014 s.9 (a body "
	 "corporate) and s.61; SSI 2014/285 art. 3 and 5 (voting members "
	 "nominated by the constituent authorities)",
	 check_indirect},
	{NULL, NULL, GOVMAP_SEV_INFO, NULL, NULL}};

/* Border colours over the deficit fill: NHS boards blue, as in
 * wales-rpb; integration authorities purple. */
static const govmap_plugin_style ijb_styles[] = {
	{"health-board", "#08519c"},
	{"integration-joint-board", "#6a51a3"},
	{"lead-agency-arrangement", "#9e9ac8"},
	{NULL, NULL}};

GOVMAP_PLUGIN_DEFINE(.name = "scotland-ijb",
		     .version = "1.0.0",
		     .description = "health and social care integration in "
				    "Scotland (Public Bodies (Joint Working) "
				    "(Scotland) Act 2014)",
		     .regions = ijb_regions,
		     .body_types = ijb_body_types,
		     .board_types = ijb_board_types,
		     .rules = ijb_rules,
		     .styles = ijb_styles,
		     .init_msg = ijb_init,
		     .fini = ijb_fini);
