/*
 * wales_rpb.c - the wales-rpb plugin: regional partnership boards in
 * Wales.
 *
 * Law: Social Services and Well-being (Wales) Act 2014 Part 9 (ss.166-168,
 * partnership arrangements); Partnership Arrangements (Wales) Regulations
 * 2015 (SI 2015/1989 (W. 299)): the Regulations name the local health
 * board and councils of each of the seven RPBs, reg. 11 sets the
 * membership.
 *
 * How the data expresses an RPB (see also registry/README.md):
 *   - an RPB is a body or a board of type regional-partnership-board; its
 *     footprint is its `region` (for a board without one, the region of
 *     the body it is `of`);
 *   - the partners in its footprint are the local-health-board bodies
 *     whose region is the footprint or contains it, and the
 *     local-authority bodies at or below the footprint (all Welsh
 *     principal councils are unitary);
 *   - its members are its `joint` list, the bodies with a member-of link
 *     to it, and the bodies that appoint, nominate or elect its seats; its
 *     seats are those of the RPB itself (when a board) and of any board
 *     `of` it.  Seats are recognised by role words: "third sector" or
 *     "voluntary", "provider", "care and support" or "service user",
 *     "carer"; an elected member is a seat with elected_member: true.
 *
 * Rules judge the registry as it stood on the evaluation date (`--on`).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "govmap/plugin.h"

static const govmap_host *H;

#define MAXM 512

static int rpb_init(const govmap_host *h)
{
	if (!GOVMAP_HOST_HAS(h, join_ids))
		return 1; /* needs the SDK: govmap 0.2 or later */
	H = h;
	return 0;
}

static void rpb_fini(void)
{
	H = NULL;
}

#define FOR_ACTIVE_RPB(c, r)                                                \
	for (int32_t r = 0; r < H->entity_count(c); r++)                    \
		if ((H->kind(c, r) == GOVMAP_KIND_BODY ||                   \
		     H->kind(c, r) == GOVMAP_KIND_BOARD) &&                 \
		    H->is_type(c, r, "regional-partnership-board") &&          \
		    H->active(c, r))

static void check_partners(govmap_rule_ctx *c)
{
	int32_t m[MAXM], missing[MAXM];
	FOR_ACTIVE_RPB(c, r)
	{
		const char *fp = H->entity_region(c, r);
		if (!fp)
			continue;
		size_t nm = H->members(c, r, m, MAXM), nmiss = 0;
		int lhbs = 0;
		for (int32_t e = 0; e < H->entity_count(c); e++) {
			if (H->kind(c, e) != GOVMAP_KIND_BODY || !H->active(c, e))
				continue;
			const char *reg = H->region(c, e);
			int partner =
				(H->is_type(c, e, "local-health-board") &&
				 (H->region_in(c, fp, reg) || H->region_in(c, reg, fp))) ||
				(H->is_type(c, e, "local-authority") &&
				 H->region_in(c, reg, fp));
			if (!partner)
				continue;
			lhbs += H->is_type(c, e, "local-health-board");
			if (!govmap_ids_contain(m, nm, e) && nmiss < MAXM)
				missing[nmiss++] = e;
		}
		if (nmiss) {
			char buf[2000];
			H->join_ids(c, missing, nmiss, buf, sizeof buf);
			H->report(c, GOVMAP_SEV_ERROR, NULL, r,
				  "regional partnership board '%s' leaves out "
				  "%zu partner bod%s of its footprint %s: %s",
				  H->id(c, r), nmiss, nmiss == 1 ? "y" : "ies",
				  fp, buf);
		}
		if (!lhbs)
			H->report(c, GOVMAP_SEV_ERROR, NULL, r,
				  "regional partnership board '%s' has no "
				  "local health board in its footprint %s",
				  H->id(c, r), fp);
	}
}

/* The boards whose seats are the RPB's: itself when a board, and the
 * boards in force `of` it. */
static size_t seat_boards(govmap_rule_ctx *c, int32_t r, int32_t *out)
{
	size_t n = 0;
	if (H->kind(c, r) == GOVMAP_KIND_BOARD)
		out[n++] = r;
	for (size_t i = 0; i < H->boards_count(c, r) && n < MAXM; i++) {
		int32_t b = H->board_at(c, r, i);
		if (H->board_of(c, b) == r && H->active(c, b))
			out[n++] = b;
	}
	return n;
}

/* Walk the RPB's seats in force; *nseats counts them. */
static int any_seat(govmap_rule_ctx *c, int32_t r, size_t *nseats,
		    const char *w1, const char *w2, int elected)
{
	int32_t boards[MAXM];
	size_t nb = seat_boards(c, r, boards);
	int found = 0;
	*nseats = 0;
	for (size_t k = 0; k < nb; k++)
		for (size_t s = 0; s < H->seat_count(c, boards[k]); s++) {
			if (!H->in_force(c, H->seat_valid(c, boards[k], s)))
				continue;
			(*nseats)++;
			const char *role = H->seat_role(c, boards[k], s);
			if (elected
				    ? H->seat_elected_member(c, boards[k], s) ==
						      GOVMAP_YES ||
					      H->seat_fill(c, boards[k], s) ==
						      GOVMAP_FILL_ELECTED
				    : govmap_text_contains(role, w1) ||
					      (w2 && govmap_text_contains(role, w2)))
				found = 1;
		}
	return found;
}

static void check_elected(govmap_rule_ctx *c)
{
	FOR_ACTIVE_RPB(c, r)
	{
		size_t nseats;
		int ok = any_seat(c, r, &nseats, NULL, NULL, 1);
		if (!nseats)
			H->report(c, GOVMAP_SEV_WARNING, NULL, r,
				  "regional partnership board '%s' has no "
				  "seats recorded: add a board of it with the "
				  "members regulation 11 requires",
				  H->id(c, r));
		else if (!ok)
			H->report(c, GOVMAP_SEV_ERROR, NULL, r,
				  "regional partnership board '%s' has no seat "
				  "held by an elected member of a council",
				  H->id(c, r));
	}
}

static void check_required(govmap_rule_ctx *c)
{
	static const struct {
		const char *w1, *w2, *what;
	} req[] = {
		{"third sector", "voluntary",
		 "a representative of third sector organisations"},
		{"provider", NULL, "a representative of care providers"},
		{"care and support", "service user",
		 "a person representing people with needs for care and "
		 "support"},
		{"carer", NULL, "a person representing carers"},
	};
	FOR_ACTIVE_RPB(c, r)
	{
		char miss[600];
		size_t len = 0, nseats = 0;
		miss[0] = '\0';
		for (size_t i = 0; i < sizeof req / sizeof req[0]; i++)
			if (!any_seat(c, r, &nseats, req[i].w1, req[i].w2, 0) &&
			    nseats)
				len += (size_t)snprintf(miss + len,
							sizeof miss - len,
							"%s%s", len ? "; " : "",
							req[i].what);
		if (len)
			H->report(c, GOVMAP_SEV_ERROR, NULL, r,
				  "regional partnership board '%s' lacks "
				  "members the regulations require: %s",
				  H->id(c, r), miss);
	}
}

static void check_not_corporate(govmap_rule_ctx *c)
{
	int32_t boards[MAXM];
	FOR_ACTIVE_RPB(c, r)
	{
		size_t nb = seat_boards(c, r, boards), ndecides = 0;
		const char *what = NULL;
		for (size_t k = 0; k < nb; k++)
			if (H->board_decides_count(c, boards[k])) {
				ndecides += H->board_decides_count(c, boards[k]);
				what = H->board_decides(c, boards[k], 0);
			}
		if (!ndecides)
			continue;
		int linked = 0;
		for (int32_t l = 0; l < H->entity_count(c) && !linked; l++)
			if (H->kind(c, l) == GOVMAP_KIND_LINK && H->active(c, l) &&
			    (H->link_from(c, l) == r ||
			     (H->kind(c, r) == GOVMAP_KIND_BODY &&
			      govmap_ids_contain(boards, nb, H->link_from(c, l)))) &&
			    (H->is_type(c, l, "reports-to") ||
			     H->is_type(c, l, "accountable-to") ||
			     H->is_type(c, l, "scrutinised-by")))
				linked = 1;
		if (!linked)
			H->report(c, GOVMAP_SEV_WARNING, NULL, r,
				  "regional partnership board '%s' steers "
				  "decisions (%s) but is not a body corporate "
				  "and has no accountability link of its own: "
				  "its decisions answer only through each "
				  "partner",
				  H->id(c, r), what);
	}
}

static const char *const rpb_regions[] = {"wales", NULL};
static const char *const rpb_body_types[] = {
	"local-health-board", "regional-partnership-board",
	"community-health-council", NULL};
static const char *const rpb_board_types[] = {"regional-partnership-board",
					      NULL};

/* Regional partnership boards exist from 6 April 2016 (SI 2015/1989);
 * the community health councils ended on 1 April 2023 (Health and Social
 * Care (Quality and Engagement) (Wales) Act 2020, replaced by Llais). */
static const char *const rpb_time_bound_types[] = {
	"regional-partnership-board", "community-health-council", NULL};

static const govmap_plugin_rule rpb_rules[] = {
	{"rpb-partners",
	 "a regional partnership board includes its local health board and "
	 "every council in its footprint",
	 GOVMAP_SEV_ERROR,
	 "Partnership Arrangements (Wales) Regulations 2015 (SI 2015/1989) "
	 "regs. 2-8; Social Services and Well-being (Wales) Act 2014 s.166",
	 check_partners},
	{"rpb-elected-member",
	 "a regional partnership board has at least one elected member of a "
	 "council",
	 GOVMAP_SEV_ERROR,
	 "Partnership Arrangements (Wales) Regulations 2015 (SI 2015/1989) "
	 "reg. 11(1)(a)",
	 check_elected},
	{"rpb-required-members",
	 "a regional partnership board has the third sector, care provider, "
	 "service user and carer members the regulations require",
	 GOVMAP_SEV_ERROR,
	 "Partnership Arrangements (Wales) Regulations 2015 (SI 2015/1989) "
	 "reg. 11(1)(e)-(h)",
	 check_required},
	{"rpb-not-corporate",
	 "decisions steered by a regional partnership board, which is not a "
	 "body corporate, with no accountability link of its own",
	 GOVMAP_SEV_WARNING,
	 "Social Services and Well-being (Wales) Act 2014 Part 9 (ss.166-168); "
	 "SI 2015/1989 regs. 2-8 (RPBs established by the partner bodies, "
	 "which keep their functions)",
	 check_not_corporate},
	{NULL, NULL, GOVMAP_SEV_INFO, NULL, NULL}};

/* Border colours over the deficit fill, as in england-ics: NHS boards
 * blue, partnerships purple. */
static const govmap_plugin_style rpb_styles[] = {
	{"local-health-board", "#08519c"},
	{"regional-partnership-board", "#6a51a3"},
	{NULL, NULL}};

/* Rules that report what the registry lacks (or where records
 * disagree) rather than a weak structure: shown apart from deficit
 * findings (issue 15). The 2015 Regulations require these members: a member not recorded is a gap in the registry. */
static const govmap_plugin_rule_category rule_categories[] = {
	{"rpb-required-members", GOVMAP_CAT_COVERAGE},
	{"rpb-partners", GOVMAP_CAT_COVERAGE},
	{NULL, 0}};

GOVMAP_PLUGIN_DEFINE(.name = "wales-rpb",
		     .version = "1.0.0",
		     .description = "regional partnership boards in Wales "
				    "(Social Services and Well-being (Wales) "
				    "Act 2014 Part 9)",
		     .regions = rpb_regions,
		     .body_types = rpb_body_types,
		     .board_types = rpb_board_types,
		     .rules = rpb_rules,
		     .styles = rpb_styles,
		     .init = rpb_init,
		     .fini = rpb_fini,
		     .rule_categories = rule_categories,
		     .time_bound_types = rpb_time_bound_types);
