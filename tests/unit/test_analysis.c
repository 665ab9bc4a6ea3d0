/*
 * test_analysis.c - analysis.c: link and seat strengths, the
 * accountability graph (links, boards, joint boards, seats), widest paths,
 * A / D / exposure, chains, validity dates, the best single change, the
 * core rules and determinism.
 *
 * Every expected number was worked out by hand from CONTRIBUTING.md ("The
 * deficit model") before the tool was run: the arithmetic is in
 * tests/fixtures/analysis/README.md.  The fixtures are read from
 * $GOVMAP_SRCDIR/tests/fixtures/analysis/<name> (default: the current
 * directory).
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "govmap/analysis.h"
#include "govmap/findings.h"
#include "govmap/report.h"
#include "analysis_impl.h"
#include "suites.h"

#define TOL 1e-6
#define ON 20240601 /* 2024-06-01, the fixtures' evaluation date */

/* ---- helpers ----------------------------------------------------------- */

static govmap_registry *load_fixture_with(const char *name,
					  const govmap_load_opts *opts)
{
	const char *src = getenv("GOVMAP_SRCDIR");
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/tests/fixtures/analysis/%s",
		 src && *src ? src : ".", name);
	govmap_diags d = {0};
	int rc;
	govmap_registry *reg = th_load(dir, opts, &d, &rc);
	ck_assert_msg(rc == GOVMAP_OK && reg && d.count[GOVMAP_SEV_ERROR] == 0 &&
			      d.count[GOVMAP_SEV_WARNING] == 0,
		      "loading %s: rc %d%s", dir, rc, th_dump(&d));
	govmap_diags_free(&d);
	return reg;
}

static govmap_registry *load_fixture(const char *name)
{
	return load_fixture_with(name, NULL);
}

static govmap_analysis *analyse_on(const govmap_registry *reg,
				   govmap_date on)
{
	govmap_analysis *an = NULL;
	govmap_analysis_opts o = {on, NULL, NULL, 0, NULL};
	ck_assert_int_eq(govmap_analyse(&an, reg, &o), GOVMAP_OK);
	ck_assert_ptr_nonnull(an);
	ck_assert_int_eq(govmap_analysis_date(an), on);
	return an;
}

static size_t idx(const govmap_registry *reg, const char *id)
{
	int32_t i = govmap_registry_index(reg, id);
	ck_assert_msg(i >= 0, "no entity '%s' in the fixture", id);
	return (size_t)i;
}

static const govmap_score *sc(const govmap_analysis *an, const char *id)
{
	return govmap_analysis_score(an, idx(govmap_analysis_registry(an), id));
}

#define ASSERT_SCORE(an, id, want_a, want_d, want_exp, want_hops)          \
	do {                                                                \
		const govmap_score *s_ = sc(an, id);                        \
		ck_assert_msg(s_->active, "%s should be active", id);      \
		ck_assert_double_eq_tol(s_->A, (want_a), TOL);              \
		ck_assert_double_eq_tol(s_->D, (want_d), TOL);              \
		ck_assert_double_eq_tol(s_->exposure, (want_exp), TOL);     \
		ck_assert_uint_eq(s_->hops, (want_hops));                   \
	} while (0)

/* The edge of the link entity `link_id` (-1 if none). */
static int32_t link_edge(const govmap_analysis *an, const char *link_id)
{
	size_t ne, l = idx(govmap_analysis_registry(an), link_id);
	const govmap_edge *e = govmap_analysis_edges(an, &ne);
	int32_t found = -1;
	for (size_t k = 0; k < ne; k++)
		if (e[k].kind == GOVMAP_EDGE_LINK && e[k].link == (int32_t)l) {
			ck_assert_msg(found < 0, "two edges for link %s",
				      link_id);
			found = (int32_t)k;
		}
	return found;
}

/* The edge of kind `kind` from `from` to `to` (seat >= 0: that seat). */
static int32_t edge_of(const govmap_analysis *an, govmap_edge_kind kind,
		       const char *from, const char *to, int32_t seat)
{
	const govmap_registry *reg = govmap_analysis_registry(an);
	size_t ne, f = idx(reg, from), t = idx(reg, to);
	const govmap_edge *e = govmap_analysis_edges(an, &ne);
	for (size_t k = 0; k < ne; k++)
		if (e[k].kind == kind && e[k].from == (int32_t)f &&
		    e[k].to == (int32_t)t && (seat < 0 || e[k].seat == seat))
			return (int32_t)k;
	return -1;
}

static const govmap_edge *edge_at(const govmap_analysis *an, int32_t k)
{
	size_t ne;
	const govmap_edge *e = govmap_analysis_edges(an, &ne);
	ck_assert_int_ge(k, 0);
	ck_assert_uint_lt((size_t)k, ne);
	return &e[k];
}

/* Core findings on `an`, sorted; the caller frees. */
static void findings_of(const govmap_analysis *an, govmap_findings *f)
{
	memset(f, 0, sizeof(*f));
	govmap_core_findings(an, f);
	govmap_findings_apply_suppressions(f, govmap_analysis_registry(an));
	govmap_findings_sort(f, govmap_analysis_registry(an));
}

static size_t count_rule(const govmap_findings *f, const char *rule)
{
	size_t n = 0;
	for (size_t i = 0; i < f->n; i++)
		n += strcmp(f->v[i].rule, rule) == 0;
	return n;
}

/* The one finding of `rule`: it must be about entity `id`. */
static const govmap_finding *the_finding(const govmap_analysis *an,
					 const govmap_findings *f,
					 const char *rule, const char *id)
{
	const govmap_finding *hit = NULL;
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->v[i].rule, rule) == 0) {
			ck_assert_msg(!hit, "%s fired more than once", rule);
			hit = &f->v[i];
		}
	ck_assert_msg(hit != NULL, "%s did not fire", rule);
	ck_assert_int_eq(hit->entity,
			 (int32_t)idx(govmap_analysis_registry(an), id));
	return hit;
}

/* The category the core rule `id` declares (the session copies it onto
 * each finding; govmap_core_findings alone does not). */
static govmap_category rule_category(const char *id)
{
	size_t n;
	const govmap_rule_info *r = govmap_core_rules(&n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(r[i].id, id) == 0)
			return r[i].category;
	ck_abort_msg("no core rule %s", id);
	return GOVMAP_CAT_DEFICIT;
}

static const char *dump_findings(const govmap_findings *f)
{
	static char buf[8192];
	size_t o = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < f->n && o < sizeof buf - 1; i++) {
		int w = snprintf(buf + o, sizeof buf - o, "\n  [%s] %s%s",
				 f->v[i].rule, f->v[i].msg,
				 f->v[i].suppressed ? " (suppressed)" : "");
		if (w < 0)
			break;
		o += (size_t)w;
	}
	return buf;
}

/* ---- weights ------------------------------------------------------------ */

static double strength_of(govmap_basis b, unsigned powers, const char *type)
{
	govmap_entity l;
	memset(&l, 0, sizeof l);
	l.kind = GOVMAP_KIND_LINK;
	l.basis = b;
	l.powers = powers;
	l.type = (char *)type;
	return govmap_link_strength(&l, NULL, 0);
}

#define ALL (GOVMAP_POWER_INFORM | GOVMAP_POWER_QUESTION | GOVMAP_POWER_SANCTION)

/* A governing board answers through its body: its stages are its own
 * and its body's; a body answers through no one. */
START_TEST(board_answers_through)
{
	govmap_registry *reg = load_fixture("clean");
	govmap_analysis *an = analyse_on(reg, ON);
	size_t board = idx(reg, "test-trust-board"), trust = idx(reg, "test-trust");
	ck_assert_int_eq(govmap_analysis_answers_through(an, board),
			 (int32_t)trust);
	ck_assert_int_eq(govmap_analysis_answers_through(an, trust), -1);
	unsigned own = govmap_analysis_stages(an, trust);
	ck_assert_uint_ne(own, 0);
	ck_assert_uint_eq(govmap_analysis_stages(an, board) & own, own);
	govmap_analysis_free(an);
	govmap_registry_free(reg);
}
END_TEST

START_TEST(weights_basis)
{
	/* statute 1.0, regulation 0.9, contract 0.7, guidance 0.5,
	 * voluntary 0.3, none 0.1, unset 0.2; x 0.9 step */
	ck_assert_double_eq_tol(strength_of(GOVMAP_BASIS_STATUTE, ALL, "reports-to"), 0.9, TOL);
	ck_assert_double_eq_tol(strength_of(GOVMAP_BASIS_REGULATION, ALL, "reports-to"), 0.81, TOL);
	ck_assert_double_eq_tol(strength_of(GOVMAP_BASIS_CONTRACT, ALL, "reports-to"), 0.63, TOL);
	ck_assert_double_eq_tol(strength_of(GOVMAP_BASIS_GUIDANCE, ALL, "reports-to"), 0.45, TOL);
	ck_assert_double_eq_tol(strength_of(GOVMAP_BASIS_VOLUNTARY, ALL, "reports-to"), 0.27, TOL);
	ck_assert_double_eq_tol(strength_of(GOVMAP_BASIS_NONE, ALL, "reports-to"), 0.09, TOL);
	ck_assert_double_eq_tol(strength_of(GOVMAP_BASIS_UNSET, ALL, "reports-to"), 0.18, TOL);
}
END_TEST

START_TEST(weights_powers)
{
	/* inform 0.3 + question 0.3 + sanction 0.4; none listed 0.2 */
	ck_assert_double_eq_tol(strength_of(GOVMAP_BASIS_STATUTE, GOVMAP_POWER_INFORM, "reports-to"), 0.27, TOL);
	ck_assert_double_eq_tol(strength_of(GOVMAP_BASIS_STATUTE, GOVMAP_POWER_QUESTION, "reports-to"), 0.27, TOL);
	ck_assert_double_eq_tol(strength_of(GOVMAP_BASIS_STATUTE, GOVMAP_POWER_SANCTION, "reports-to"), 0.36, TOL);
	ck_assert_double_eq_tol(strength_of(GOVMAP_BASIS_STATUTE, GOVMAP_POWER_INFORM | GOVMAP_POWER_QUESTION, "reports-to"), 0.54, TOL);
	ck_assert_double_eq_tol(strength_of(GOVMAP_BASIS_STATUTE, GOVMAP_POWER_QUESTION | GOVMAP_POWER_SANCTION, "reports-to"), 0.63, TOL);
	ck_assert_double_eq_tol(strength_of(GOVMAP_BASIS_STATUTE, 0, "reports-to"), 0.18, TOL);
}
END_TEST

START_TEST(weights_types)
{
	static const struct {
		const char *type;
		double w;
	} t[] = {
		{"elected-by", 1.0},      {"accountable-to", 1.0},
		{"reports-to", 1.0},      {"scrutinised-by", 1.0},
		{"appointed-by", 0.9},    {"part-of", 0.9},
		{"ratified-by", 0.8},     {"member-of", 0.8},
		{"nominated-by", 0.7},    {"funded-by", 0.7},
		{"commissioned-by", 0.7}, {"regulated-by", 0.6},
		{"inspected-by", 0.6},    {"audited-by", 0.6},
		{"a-plugin-type", 0.8},
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++)
		ck_assert_msg(fabs(strength_of(GOVMAP_BASIS_STATUTE, ALL,
					       t[i].type) -
				   0.9 * t[i].w) < TOL,
			      "type %s: %f", t[i].type,
			      strength_of(GOVMAP_BASIS_STATUTE, ALL, t[i].type));
	/* the weakest core link: none x no powers x 0.6 = 0.0108 (above
	 * the 0.01 floor) */
	ck_assert_double_eq_tol(strength_of(GOVMAP_BASIS_NONE, 0, "audited-by"),
				0.9 * 0.1 * 0.2 * 0.6, TOL);
}
END_TEST

START_TEST(weights_why)
{
	govmap_entity l;
	char why[200];
	memset(&l, 0, sizeof l);
	l.basis = GOVMAP_BASIS_GUIDANCE;
	l.powers = GOVMAP_POWER_INFORM | GOVMAP_POWER_QUESTION;
	l.type = (char *)"scrutinised-by";
	ck_assert_double_eq_tol(govmap_link_strength(&l, why, sizeof why),
				0.27, TOL);
	ck_assert_str_eq(why, "step 0.90 x basis guidance 0.50 x powers 0.60 "
			      "x type scrutinised-by 1.00 = 0.270");
}
END_TEST

START_TEST(weights_seats)
{
	/* 0.9 x fill (elected 1.0, appointed 0.8, nominated 0.6) x share */
	ck_assert_double_eq_tol(govmap_seat_strength(GOVMAP_FILL_APPOINTED, 4, 10), 0.288, TOL);
	ck_assert_double_eq_tol(govmap_seat_strength(GOVMAP_FILL_ELECTED, 2, 10), 0.18, TOL);
	ck_assert_double_eq_tol(govmap_seat_strength(GOVMAP_FILL_NOMINATED, 2, 10), 0.108, TOL);
	ck_assert_double_eq_tol(govmap_seat_strength(GOVMAP_FILL_ELECTED, 5, 5), 0.9, TOL);
	/* no seats or no total is no edge (ex officio seats add none: see
	 * board_seats_edges) */
	ck_assert_double_eq_tol(govmap_seat_strength(GOVMAP_FILL_ELECTED, 0, 10), 0, TOL);
	ck_assert_double_eq_tol(govmap_seat_strength(GOVMAP_FILL_ELECTED, 1, 0), 0, TOL);
	/* clamped to the 0.01 floor: 0.9 x 0.6 x 1/100 = 0.0054 */
	ck_assert_double_eq_tol(govmap_seat_strength(GOVMAP_FILL_NOMINATED, 1, 100), 0.01, TOL);
}
END_TEST

/* ---- (a) a chain ------------------------------------------------------ */

START_TEST(chain_scores)
{
	govmap_registry *reg = load_fixture("chain");
	govmap_analysis *an = analyse_on(reg, ON);
	const govmap_score *e = sc(an, "test-electorate");
	ck_assert(e->active && e->electorate);
	ck_assert_double_eq_tol(e->A, 1.0, TOL);
	ck_assert_double_eq_tol(e->D, 0.0, TOL);
	ck_assert_int_eq(e->next, -1);
	ck_assert_uint_eq(e->hops, 0);
	ASSERT_SCORE(an, "test-council", 0.9, 0.1, 50000000.0, 1);
	ASSERT_SCORE(an, "test-body", 0.243, 0.757, 75700000.0, 2);
	ck_assert(!sc(an, "test-body")->electorate);
	ck_assert_int_eq(sc(an, "test-body")->money, 100000000);
	/* links are active and carry no score */
	const govmap_score *l = sc(an, "test-body-scrutinised-by-council");
	ck_assert(l->active);
	ck_assert_double_eq_tol(l->A, 0, TOL);
	ck_assert_int_eq(l->money, -1);
	govmap_analysis_free(an);
	govmap_registry_free(reg);
}
END_TEST

START_TEST(chain_edges)
{
	govmap_registry *reg = load_fixture("chain");
	govmap_analysis *an = analyse_on(reg, ON);
	size_t ne;
	govmap_analysis_edges(an, &ne);
	ck_assert_uint_eq(ne, 2);
	int32_t k1 = link_edge(an, "test-body-scrutinised-by-council");
	int32_t k2 = link_edge(an, "test-council-elected-by-electorate");
	const govmap_edge *e1 = edge_at(an, k1), *e2 = edge_at(an, k2);
	ck_assert_double_eq_tol(e1->strength, 0.27, TOL);
	ck_assert_double_eq_tol(e2->strength, 0.9, TOL);
	ck_assert_int_eq(e1->from, (int32_t)idx(reg, "test-body"));
	ck_assert_int_eq(e1->to, (int32_t)idx(reg, "test-council"));
	ck_assert_int_eq(e1->seat, -1);
	/* the chain: body -> council -> electorate */
	ck_assert_int_eq(sc(an, "test-body")->next, k1);
	ck_assert_int_eq(sc(an, "test-council")->next, k2);
	ck_assert_int_eq(e2->to, (int32_t)idx(reg, "test-electorate"));
	/* out edges */
	size_t no;
	const uint32_t *out = govmap_analysis_out(an, idx(reg, "test-body"), &no);
	ck_assert_uint_eq(no, 1);
	ck_assert_uint_eq(out[0], (uint32_t)k1);
	govmap_analysis_out(an, idx(reg, "test-electorate"), &no);
	ck_assert_uint_eq(no, 0);
	char buf[300];
	ck_assert_str_eq(govmap_edge_describe(an, e1, buf, sizeof buf),
			 "link 'test-body-scrutinised-by-council' "
			 "(scrutinised-by)");
	govmap_analysis_free(an);
	govmap_registry_free(reg);
}
END_TEST

START_TEST(chain_best_change)
{
	govmap_registry *reg = load_fixture("chain");
	govmap_analysis *an = analyse_on(reg, ON);
	double a = -1;
	/* raising the 0.27 scrutiny link to 0.9: 0.243 / 0.27 x 0.9 */
	ck_assert_int_eq(govmap_analysis_best_change(an, idx(reg, "test-body"), &a),
			 link_edge(an, "test-body-scrutinised-by-council"));
	ck_assert_double_eq_tol(a, 0.81, TOL);
	/* the council's only link is already at full strength */
	ck_assert_int_eq(govmap_analysis_best_change(an, idx(reg, "test-council"), &a), -1);
	ck_assert_double_eq_tol(a, 0.9, TOL);
	govmap_analysis_free(an);
	govmap_registry_free(reg);
}
END_TEST

START_TEST(chain_findings)
{
	govmap_registry *reg = load_fixture("chain");
	govmap_analysis *an = analyse_on(reg, ON);
	govmap_findings f;
	findings_of(an, &f);
	/* the body is an NHS trust with no commissioner recorded: a gap */
	ck_assert_msg(f.n == 2, "findings:%s", dump_findings(&f));
	the_finding(an, &f, "core/no-commissioner", "test-body");
	ck_assert_int_eq(rule_category("core/no-commissioner"),
			 GOVMAP_CAT_COVERAGE);
	const govmap_finding *x = the_finding(an, &f, "core/no-sanction", "test-body");
	ck_assert_int_eq(x->sev, GOVMAP_SEV_WARNING);
	ck_assert_str_eq(x->msg, "no forum can impose consequences on Test Body: "
				 "its only accountability link does not carry "
				 "the power to sanction");
	ck_assert_ptr_null(x->suppressed);
	govmap_findings_free(&f);
	govmap_analysis_free(an);
	govmap_registry_free(reg);
}
END_TEST

/* A plugin's declared weight replaces the core type weight for its type
 * (analysis.h: in (0,1], negative for "no opinion"). */
static double plugin_weights(const char *type, void *payload)
{
	(*(int *)payload)++;
	return strcmp(type, "scrutinised-by") == 0 ? 0.5 : -1.0;
}

START_TEST(chain_type_weight)
{
	govmap_registry *reg = load_fixture("chain");
	int calls = 0;
	govmap_analysis_opts o = {ON, plugin_weights, &calls, 0, NULL};
	govmap_analysis *an = NULL;
	ck_assert_int_eq(govmap_analyse(&an, reg, &o), GOVMAP_OK);
	ck_assert_int_gt(calls, 0);
	/* elected-by keeps the core weight; scrutiny 0.9 x 0.5 x 0.6 x 0.5 */
	ASSERT_SCORE(an, "test-council", 0.9, 0.1, 50000000.0, 1);
	ASSERT_SCORE(an, "test-body", 0.1215, 0.8785, 87850000.0, 2);
	ck_assert_double_eq_tol(
		edge_at(an, link_edge(an, "test-body-scrutinised-by-council"))->strength,
		0.135, TOL);
	char why[200];
	const govmap_entity *l = govmap_registry_find(reg, "test-body-scrutinised-by-council");
	ck_assert_double_eq_tol(govmap_analysis_link_strength(an, l, why, sizeof why),
				0.135, TOL);
	ck_assert_str_eq(why, "step 0.90 x basis guidance 0.50 x powers 0.60 "
			      "x type scrutinised-by 0.50 (plugin) = 0.135");
	/* the core strength is unchanged */
	ck_assert_double_eq_tol(govmap_link_strength(l, NULL, 0), 0.27, TOL);
	govmap_analysis_free(an);
	govmap_registry_free(reg);
}
END_TEST

/* ---- (b) the widest route wins ------------------------------------- */

START_TEST(widest_not_shortest)
{
	govmap_registry *reg = load_fixture("widest");
	govmap_analysis *an = analyse_on(reg, ON);
	ASSERT_SCORE(an, "test-parliament", 0.9, 0.1, 0, 1);
	ASSERT_SCORE(an, "test-combined", 0.81, 0.19, 0, 2);
	/* 0.0729 in 2 hops loses to 0.729 in 3 */
	ASSERT_SCORE(an, "test-x", 0.729, 0.271, 2710000.0, 3);
	ck_assert_int_eq(sc(an, "test-x")->next,
			 link_edge(an, "test-x-accountable-to-combined"));
	ck_assert_double_eq_tol(
		edge_at(an, link_edge(an, "test-x-reports-to-parliament"))->strength,
		0.081, TOL);
	/* its best change is its own weak link raised: 0.9 x 0.9 */
	double a;
	ck_assert_int_eq(govmap_analysis_best_change(an, idx(reg, "test-x"), &a),
			 link_edge(an, "test-x-reports-to-parliament"));
	ck_assert_double_eq_tol(a, 0.81, TOL);
	govmap_analysis_free(an);
	govmap_registry_free(reg);
}
END_TEST

START_TEST(widest_tie_shorter)
{
	govmap_registry *reg = load_fixture("widest");
	govmap_analysis *an = analyse_on(reg, ON);
	/* 0.9 x 0.81 (2 hops) ties 0.81 x 0.9 (3 hops): the shorter */
	ASSERT_SCORE(an, "test-y", 0.729, 0.271, 0, 2);
	ck_assert_int_eq(sc(an, "test-y")->next,
			 link_edge(an, "test-y-appointed-by-parliament"));
	double a;
	ck_assert_int_eq(govmap_analysis_best_change(an, idx(reg, "test-y"), &a),
			 link_edge(an, "test-y-appointed-by-parliament"));
	ck_assert_double_eq_tol(a, 0.81, TOL);
	govmap_analysis_free(an);
	govmap_registry_free(reg);
}
END_TEST

/* ---- (c) no chain ------------------------------------------------------ */

START_TEST(nochain)
{
	govmap_registry *reg = load_fixture("nochain");
	govmap_analysis *an = analyse_on(reg, ON);
	ASSERT_SCORE(an, "test-orphan", 0, 1, 20000000.0, 0);
	ASSERT_SCORE(an, "test-orphan-child", 0, 1, 0, 0);
	ck_assert_int_eq(sc(an, "test-orphan")->next, -1);
	ck_assert_int_eq(sc(an, "test-orphan-child")->next, -1);
	ck_assert_int_eq(sc(an, "test-orphan-child")->money, -1);
	double a = -1;
	ck_assert_int_eq(govmap_analysis_best_change(an, idx(reg, "test-orphan"), &a), -1);
	ck_assert_double_eq_tol(a, 0, TOL);
	ck_assert_int_eq(govmap_analysis_best_change(an, idx(reg, "test-orphan-child"), &a), -1);
	ck_assert_double_eq_tol(a, 0, TOL);

	govmap_findings f;
	findings_of(an, &f);
	ck_assert_msg(f.n == 2 && count_rule(&f, "core/no-chain") == 2,
		      "findings:%s", dump_findings(&f));
	/* sorted by entity id */
	ck_assert_int_eq(f.v[0].entity, (int32_t)idx(reg, "test-orphan"));
	ck_assert_int_eq(f.v[1].entity, (int32_t)idx(reg, "test-orphan-child"));
	ck_assert_str_eq(f.v[0].msg, "Test Orphan Company has no chain of "
				     "accountability to any electorate");
	ck_assert_uint_eq(f.count[GOVMAP_SEV_WARNING], 2);
	govmap_findings_free(&f);
	govmap_analysis_free(an);
	govmap_registry_free(reg);
}
END_TEST

/* ---- (d) a board with seats ------------------------------------------- */

START_TEST(board_seats_scores)
{
	govmap_registry *reg = load_fixture("board-seats");
	govmap_analysis *an = analyse_on(reg, ON);
	ASSERT_SCORE(an, "test-minister", 0.81, 0.19, 0, 2);
	/* minister seats 0.9 x 0.8 x 4/10 = 0.288: 0.81 x 0.288 */
	ASSERT_SCORE(an, "test-trust-board", 0.23328, 0.76672, 0, 3);
	ck_assert_int_eq(sc(an, "test-trust-board")->money, -1);
	/* through its governing board (1.0) */
	ASSERT_SCORE(an, "test-trust", 0.23328, 0.76672, 153344000.0, 4);
	/* a committee answers to its body; the body not through it */
	ASSERT_SCORE(an, "test-council-committee", 0.81, 0.19, 0, 2);
	ASSERT_SCORE(an, "test-council", 0.9, 0.1, 0, 1);
	govmap_analysis_free(an);
	govmap_registry_free(reg);
}
END_TEST

START_TEST(board_seats_edges)
{
	govmap_registry *reg = load_fixture("board-seats");
	govmap_analysis *an = analyse_on(reg, ON);
	size_t ne, no;
	govmap_analysis_edges(an, &ne);
	/* 3 links; board of + decides through; 3 seat edges; committee of */
	ck_assert_uint_eq(ne, 9);
	const uint32_t *out = govmap_analysis_out(an, idx(reg, "test-trust-board"), &no);
	ck_assert_uint_eq(no, 4); /* no edge for the observer or ex officio */
	int32_t of = edge_of(an, GOVMAP_EDGE_BOARD_OF, "test-trust-board", "test-trust", -1);
	int32_t m = edge_of(an, GOVMAP_EDGE_SEAT, "test-trust-board", "test-minister", 0);
	int32_t el = edge_of(an, GOVMAP_EDGE_SEAT, "test-trust-board", "test-electorate", 1);
	int32_t c = edge_of(an, GOVMAP_EDGE_SEAT, "test-trust-board", "test-council", 2);
	ck_assert_double_eq_tol(edge_at(an, of)->strength, 0.9, TOL);
	ck_assert_double_eq_tol(edge_at(an, m)->strength, 0.288, TOL);
	ck_assert_double_eq_tol(edge_at(an, el)->strength, 0.18, TOL);
	ck_assert_double_eq_tol(edge_at(an, c)->strength, 0.108, TOL);
	ck_assert_int_eq(edge_of(an, GOVMAP_EDGE_SEAT, "test-trust-board", "test-council", 3), -1);
	for (size_t j = 0; j < no; j++)
		ck_assert(out[j] == (uint32_t)of || out[j] == (uint32_t)m ||
			  out[j] == (uint32_t)el || out[j] == (uint32_t)c);
	int32_t thru = edge_of(an, GOVMAP_EDGE_BOARD_OF, "test-trust", "test-trust-board", -1);
	ck_assert_double_eq_tol(edge_at(an, thru)->strength, 1.0, TOL);
	/* chains */
	ck_assert_int_eq(sc(an, "test-trust")->next, thru);
	ck_assert_int_eq(sc(an, "test-trust-board")->next, m);
	ck_assert_int_eq(sc(an, "test-minister")->next,
			 link_edge(an, "test-minister-accountable-to-parliament"));
	ck_assert_int_eq(sc(an, "test-council-committee")->next,
			 edge_of(an, GOVMAP_EDGE_BOARD_OF, "test-council-committee",
				 "test-council", -1));
	ck_assert_int_eq(edge_of(an, GOVMAP_EDGE_BOARD_OF, "test-council",
				 "test-council-committee", -1), -1);
	govmap_analysis_out(an, idx(reg, "test-council"), &no);
	ck_assert_uint_eq(no, 1);
	char buf[300];
	ck_assert_str_eq(govmap_edge_describe(an, edge_at(an, el), buf, sizeof buf),
			 "2 seats ('Elected member') elected by");
	ck_assert_str_eq(govmap_edge_describe(an, edge_at(an, m), buf, sizeof buf),
			 "4 seats ('Ministerial member') appointed by");
	ck_assert_str_eq(govmap_edge_describe(an, edge_at(an, c), buf, sizeof buf),
			 "2 seats ('Council nominee') nominated by");
	ck_assert_str_eq(govmap_edge_describe(an, edge_at(an, of), buf, sizeof buf),
			 "board of (answers to its body)");
	ck_assert_str_eq(govmap_edge_describe(an, edge_at(an, thru), buf, sizeof buf),
			 "decides through its governing board");
	govmap_analysis_free(an);
	govmap_registry_free(reg);
}
END_TEST

START_TEST(board_seats_best_change_findings)
{
	govmap_registry *reg = load_fixture("board-seats");
	govmap_analysis *an = analyse_on(reg, ON);
	double a;
	/* the ministerial seat edge raised: 0.23328 / 0.288 x 0.9 */
	ck_assert_int_eq(govmap_analysis_best_change(an, idx(reg, "test-trust"), &a),
			 edge_of(an, GOVMAP_EDGE_SEAT, "test-trust-board", "test-minister", 0));
	ck_assert_double_eq_tol(a, 0.729, TOL);
	/* for the board, its elected seats raised: 1.0 x 0.9 */
	ck_assert_int_eq(govmap_analysis_best_change(an, idx(reg, "test-trust-board"), &a),
			 edge_of(an, GOVMAP_EDGE_SEAT, "test-trust-board", "test-electorate", 1));
	ck_assert_double_eq_tol(a, 0.9, TOL);

	govmap_findings f;
	findings_of(an, &f);
	ck_assert_msg(f.n == 2, "findings:%s", dump_findings(&f));
	the_finding(an, &f, "core/no-commissioner", "test-trust");
	const govmap_finding *x = the_finding(an, &f, "core/vacant-seat", "test-trust-board");
	ck_assert_int_eq(x->sev, GOVMAP_SEV_INFO);
	ck_assert_str_eq(x->msg, "1 of 3 'Elected member' seats on Test Trust "
				 "Board is vacant");
	govmap_findings_free(&f);
	govmap_analysis_free(an);
	govmap_registry_free(reg);
}
END_TEST

/* Fixture (k), tests/fixtures/analysis/README.md: a council seat, three
 * voting seats and two observers whose filling is unstated, a director ex
 * officio.  Unstated seats count in the total and give no edge. */
START_TEST(unstated_seats)
{
	govmap_registry *reg = load_fixture("unstated-seats");
	govmap_analysis *an = analyse_on(reg, ON);
	size_t no;
	govmap_analysis_out(an, idx(reg, "test-partnership-board"), &no);
	ck_assert_uint_eq(no, 2); /* board of, and the council seat */
	int32_t c = edge_of(an, GOVMAP_EDGE_SEAT, "test-partnership-board",
			    "test-council", 0);
	ck_assert_int_ge(c, 0);
	/* 0.9 x 0.8 x 1 / 5 voting seats */
	ck_assert_double_eq_tol(edge_at(an, c)->strength, 0.144, TOL);
	ck_assert_double_eq_tol(sc(an, "test-partnership-board")->A, 0.1296,
				TOL);
	ck_assert_double_eq_tol(sc(an, "test-partnership")->A, 0.1296, TOL);
	ck_assert_double_eq_tol(govmap_fill_weight(GOVMAP_FILL_UNSTATED), 0,
				TOL);
	ck_assert_double_eq_tol(
		govmap_seat_strength(GOVMAP_FILL_UNSTATED, 3, 5), 0, TOL);

	govmap_findings f;
	findings_of(an, &f);
	const govmap_finding *x = the_finding(an, &f, "core/unstated-seat",
					      "test-partnership-board");
	ck_assert_int_eq(x->sev, GOVMAP_SEV_INFO);
	ck_assert_str_eq(x->msg,
			 "5 of the 7 seats on Test Partnership Board (first "
			 "'Carers' representative') are filled in a way its "
			 "source does not state: a voting one gives no chain at "
			 "worst, and at best is appointed by the board's "
			 "strongest recorded member, if it has one");
	/* at best the three unstated voting seats are the council's too:
	 * 0.9 x 0.8 x (1 + 3) / 5 = 0.576, x 0.9 */
	ck_assert_double_eq_tol(sc(an, "test-partnership-board")->A_high,
				0.5184, TOL);
	ck_assert_double_eq_tol(sc(an, "test-partnership")->A_high, 0.5184,
				TOL);
	/* the best case's edges are gone after the search: the board
	 * still has its two edges */
	govmap_analysis_out(an, idx(reg, "test-partnership-board"), &no);
	ck_assert_uint_eq(no, 2);
	govmap_findings_free(&f); /* the_finding: it fired once only */
	govmap_analysis_free(an);
	govmap_registry_free(reg);
}
END_TEST

/* A board shaped like a Welsh RPB's members (fixture unstated-members,
 * README.md): its unstated seats name no filler, so at best they are
 * appointed by its strongest partner, reached by a member-of link to the
 * board or to its body; with no partner recorded there is no interval. */
START_TEST(unstated_members_interval)
{
	govmap_registry *reg = load_fixture("unstated-members");
	govmap_analysis *an = analyse_on(reg, ON);
	/* worst: 0.9 x 0.5 x 0.3 to council A (0.81) */
	ck_assert_double_eq_tol(sc(an, "test-rpb")->A, 0.10935, TOL);
	ck_assert_double_eq_tol(sc(an, "test-rpb-members")->A, 0.098415,
				TOL);
	/* best: 3 of 5 voting seats appointed by council B (member of the
	 * board, 0.9): 0.9 x 0.8 x 3/5 x 0.9; the body through its
	 * governing board */
	ck_assert_double_eq_tol(sc(an, "test-rpb-members")->A_high, 0.3888,
				TOL);
	ck_assert_double_eq_tol(sc(an, "test-rpb")->A_high, 0.3888, TOL);
	char buf[64];
	ck_assert_str_eq(govmap_score_A_text(sc(an, "test-rpb"), 3, buf,
					     sizeof buf),
			 "0.109 to 0.389");
	/* a partner only through its body (council A, 0.81): no chain at
	 * worst, 0.9 x 0.8 x 3/5 x 0.81 at best */
	ck_assert_double_eq_tol(sc(an, "test-rpb2-members")->A, 0, TOL);
	ck_assert_double_eq_tol(sc(an, "test-rpb2-members")->A_high,
				0.34992, TOL);
	ck_assert_double_eq_tol(sc(an, "test-rpb2")->A_high, 0.34992, TOL);
	/* no partner recorded: no filler can be named, no interval */
	ck_assert_double_eq_tol(sc(an, "test-lonely-board")->A_high,
				sc(an, "test-lonely-board")->A, TOL);
	ck_assert_double_eq_tol(sc(an, "test-lonely")->A_high, 0.10935, TOL);
	/* the worst case's edges only: the members board answers to its
	 * body and to nobody else */
	size_t no;
	govmap_analysis_out(an, idx(reg, "test-rpb-members"), &no);
	ck_assert_uint_eq(no, 1);
	govmap_analysis_free(an);

	/* a variation scales the best case too: seat fill -25% gives
	 * 0.9 x 0.6 x 3/5 x 0.9 */
	size_t nv;
	const govmap_variant *var = govmap_sensitivity_variants(&nv);
	govmap_analysis_opts vo = {ON, NULL, NULL, 0, &var[7]};
	ck_assert_str_eq(var[7].name, "seat fill weights -25%");
	ck_assert_int_eq(govmap_analyse(&an, reg, &vo), GOVMAP_OK);
	ck_assert_double_eq_tol(sc(an, "test-rpb-members")->A_high, 0.2916,
				TOL);
	govmap_analysis_free(an);
	govmap_registry_free(reg);
}
END_TEST

/* CONTRIBUTING.md: "seats filled by the same body give the board an edge
 * to that body: 0.9 x fill x (filled seats / voting seats)".  A chair and
 * three members appointed by the minister are 4 of 6 seats: 0.48, so
 * 0.81 x 0.48 = 0.3888.  The tool makes one edge per seat entry and
 * reports 0.3 (the elected route).  Reported, not pinned. */
START_TEST(seats_same_body_one_edge)
{
	govmap_registry *reg = load_fixture("seats-split");
	govmap_analysis *an = analyse_on(reg, ON);
	ASSERT_SCORE(an, "test-trust-board", 0.3888, 0.6112, 0, 3);
	govmap_analysis_free(an);
	govmap_registry_free(reg);
}
END_TEST

/* ---- (e) a joint board ---------------------------------------------- */

START_TEST(joint_board)
{
	govmap_registry *reg = load_fixture("joint");
	govmap_analysis *an = analyse_on(reg, ON);
	ASSERT_SCORE(an, "test-council-a", 0.9, 0.1, 0, 1);
	ASSERT_SCORE(an, "test-council-b", 0.54, 0.46, 0, 1);
	ASSERT_SCORE(an, "test-trust-c", 0, 1, 0, 0);
	/* 0.9 / 3 = 0.3 per member: 0.9 x 0.3 */
	ASSERT_SCORE(an, "test-joint-board", 0.27, 0.73, 21900000.0, 2);
	size_t no;
	const uint32_t *out = govmap_analysis_out(an, idx(reg, "test-joint-board"), &no);
	ck_assert_uint_eq(no, 3);
	static const char *const members[] = {"test-council-a", "test-council-b",
					      "test-trust-c"};
	for (size_t j = 0; j < 3; j++) {
		int32_t k = edge_of(an, GOVMAP_EDGE_JOINT, "test-joint-board",
				    members[j], -1);
		ck_assert_double_eq_tol(edge_at(an, k)->strength, 0.3, TOL);
		ck_assert(out[0] == (uint32_t)k || out[1] == (uint32_t)k ||
			  out[2] == (uint32_t)k);
	}
	ck_assert_int_eq(sc(an, "test-joint-board")->next,
			 edge_of(an, GOVMAP_EDGE_JOINT, "test-joint-board",
				 "test-council-a", -1));
	char buf[300];
	ck_assert_str_eq(govmap_edge_describe(an, edge_at(an, (int32_t)out[0]), buf,
					      sizeof buf),
			 "joint board member (one of 3)");
	double a;
	ck_assert_int_eq(govmap_analysis_best_change(an, idx(reg, "test-joint-board"), &a),
			 edge_of(an, GOVMAP_EDGE_JOINT, "test-joint-board",
				 "test-council-a", -1));
	ck_assert_double_eq_tol(a, 0.81, TOL);

	govmap_findings f;
	findings_of(an, &f);
	ck_assert_msg(f.n == 3, "findings:%s", dump_findings(&f));
	the_finding(an, &f, "core/no-commissioner", "test-trust-c");
	the_finding(an, &f, "core/no-chain", "test-trust-c");
	the_finding(an, &f, "core/no-sanction", "test-council-b");
	govmap_findings_free(&f);
	govmap_analysis_free(an);
	govmap_registry_free(reg);
}
END_TEST

/* ---- (f) validity dates ------------------------------------------------ */

START_TEST(dates_link_ends)
{
	govmap_registry *reg = load_fixture("dates");
	govmap_findings f;

	govmap_analysis *an = analyse_on(reg, 20240130);
	ck_assert(sc(an, "test-trust-scrutinised-by-council-to-2024")->active);
	ck_assert(!sc(an, "test-trust-scrutinised-by-council")->active);
	ASSERT_SCORE(an, "test-trust", 0.729, 0.271, 2710000.0, 2);
	ck_assert_int_eq(sc(an, "test-trust")->next,
			 link_edge(an, "test-trust-scrutinised-by-council-to-2024"));
	findings_of(an, &f);
	ck_assert_msg(f.n == 1, "findings:%s", dump_findings(&f));
	the_finding(an, &f, "core/no-commissioner", "test-trust");
	govmap_findings_free(&f);
	govmap_analysis_free(an);

	/* valid.to is exclusive: on 2024-01-31 only the new link applies */
	an = analyse_on(reg, 20240131);
	ck_assert(!sc(an, "test-trust-scrutinised-by-council-to-2024")->active);
	ck_assert(sc(an, "test-trust-scrutinised-by-council")->active);
	ASSERT_SCORE(an, "test-trust", 0.4374, 0.5626, 5626000.0, 2);
	ck_assert_int_eq(sc(an, "test-trust")->next,
			 link_edge(an, "test-trust-scrutinised-by-council"));
	ck_assert_int_eq(link_edge(an, "test-trust-scrutinised-by-council-to-2024"), -1);
	findings_of(an, &f);
	ck_assert_msg(f.n == 2, "findings:%s", dump_findings(&f));
	the_finding(an, &f, "core/no-commissioner", "test-trust");
	the_finding(an, &f, "core/no-sanction", "test-trust");
	govmap_findings_free(&f);
	govmap_analysis_free(an);

	/* before either link */
	an = analyse_on(reg, 20220630);
	ASSERT_SCORE(an, "test-trust", 0, 1, 10000000.0, 0);
	findings_of(an, &f);
	ck_assert_msg(f.n == 2, "findings:%s", dump_findings(&f));
	the_finding(an, &f, "core/no-commissioner", "test-trust");
	the_finding(an, &f, "core/no-chain", "test-trust");
	govmap_findings_free(&f);
	govmap_analysis_free(an);
	govmap_registry_free(reg);
}
END_TEST

START_TEST(dates_body_starts)
{
	govmap_registry *reg = load_fixture("dates");
	govmap_analysis *an = analyse_on(reg, 20240531);
	const govmap_score *s = sc(an, "test-new-body");
	ck_assert(!s->active);
	ck_assert_double_eq_tol(s->A, 0, TOL);
	ck_assert_double_eq_tol(s->D, 0, TOL);
	ck_assert(!sc(an, "test-new-body-accountable-to-council")->active);
	govmap_findings f;
	findings_of(an, &f);
	ck_assert_uint_eq(count_rule(&f, "core/no-chain"), 0);
	govmap_findings_free(&f);
	govmap_analysis_free(an);

	an = analyse_on(reg, ON);
	ASSERT_SCORE(an, "test-new-body", 0.81, 0.19, 0, 2);
	govmap_analysis_free(an);
	govmap_registry_free(reg);
}
END_TEST

/* ---- (g) exposure ------------------------------------------------------ */

START_TEST(exposure_scores)
{
	govmap_registry *reg = load_fixture("exposure");
	govmap_analysis *an = analyse_on(reg, ON);
	ASSERT_SCORE(an, "test-council", 0.9, 0.1, 40000000.0, 1);
	ASSERT_SCORE(an, "test-f-trust", 0.243, 0.757, 75700000.0, 2);
	ASSERT_SCORE(an, "test-g-company", 0.3969, 0.6031, 30155000.0, 2);
	ASSERT_SCORE(an, "test-h-charity", 0, 1, 20000000.0, 0);
	ASSERT_SCORE(an, "test-i-partnership", 0.243, 0.757, 0, 2);
	ck_assert_int_eq(sc(an, "test-i-partnership")->money, -1);
	/* 5 of 18 voting seats elected: 0.9 x 5/18 = 0.25 exactly */
	ASSERT_SCORE(an, "test-edge-board", 0.25, 0.75, 6000000.0, 1);

	/* totals as the report computes them, by hand: £578m, £171.855m
	 * exposure, £120m controlled by bodies with A < 0.25 (the board at
	 * exactly 0.25 is not weaker) */
	static const char *const ids[] = {"test-council", "test-f-trust",
					  "test-g-company", "test-h-charity",
					  "test-i-partnership", "test-edge-board"};
	double money = 0, exposure = 0, weak = 0;
	for (size_t i = 0; i < 6; i++) {
		const govmap_score *s = sc(an, ids[i]);
		if (s->money > 0) {
			money += (double)s->money;
			exposure += s->exposure;
			if (s->A < 0.25)
				weak += (double)s->money;
		}
	}
	ck_assert_double_eq_tol(money, 578000000.0, TOL);
	ck_assert_double_eq_tol(exposure, 171855000.0, 1e-3);
	ck_assert_double_eq_tol(weak, 120000000.0, TOL);

	govmap_findings f;
	findings_of(an, &f);
	ck_assert_msg(f.n == 4, "findings:%s", dump_findings(&f));
	ck_assert_uint_eq(f.count[GOVMAP_SEV_WARNING], 2);
	ck_assert_uint_eq(f.nsuppressed, 1);
	the_finding(an, &f, "core/no-commissioner", "test-f-trust");
	for (size_t i = 0; i < f.n; i++)
		if (f.v[i].entity == (int32_t)idx(reg, "test-i-partnership")) {
			ck_assert_str_eq(f.v[i].rule, "core/no-sanction");
			ck_assert_str_eq(f.v[i].suppressed,
					 "test exception, reviewed");
		} else {
			ck_assert_ptr_null(f.v[i].suppressed);
		}
	govmap_findings_free(&f);
	govmap_analysis_free(an);
	govmap_registry_free(reg);
}
END_TEST

/* ---- (h) the core rules ------------------------------------------------ */

START_TEST(rules_each_once)
{
	govmap_registry *reg = load_fixture("rules");
	govmap_analysis *an = analyse_on(reg, ON);
	govmap_findings f;
	findings_of(an, &f);
	ck_assert_msg(f.n == 12, "findings:%s", dump_findings(&f));
	size_t nrules;
	const govmap_rule_info *rules = govmap_core_rules(&nrules);
	ck_assert_uint_eq(nrules, 13);
	/* core/governors-not-recorded needs the plugin type foundation-trust:
	 * pinned on the contracts fixture (contracts_rules) */
	for (size_t r = 0; r < nrules; r++)
		ck_assert_msg(count_rule(&f, rules[r].id) ==
				      (strcmp(rules[r].id,
					      "core/governors-not-recorded")
					       ? 1u
					       : 0u),
			      "%s fired %zu times:%s", rules[r].id,
			      count_rule(&f, rules[r].id), dump_findings(&f));
	ck_assert_uint_eq(f.count[GOVMAP_SEV_WARNING], 7);
	ck_assert_uint_eq(f.count[GOVMAP_SEV_INFO], 5);
	the_finding(an, &f, "core/no-sanction", "test-z-trust");
	the_finding(an, &f, "core/no-commissioner", "test-z-trust");
	ck_assert_uint_eq(f.count[GOVMAP_SEV_ERROR], 0);
	/* unknown powers: a coverage gap, not "no sanction" (issue 15) */
	ck_assert_uint_eq(count_rule(&f, "core/no-sanction"), 1);
	ck_assert_str_eq(the_finding(an, &f, "core/powers-unknown",
				     "test-y3-trust")->msg,
			 "whether any forum can impose consequences on Test "
			 "Y3 Trust is not recorded: its only accountability "
			 "link records no powers");
	for (size_t r = 0; r < nrules; r++)
		if (strcmp(rules[r].id, "core/powers-unknown") == 0)
			ck_assert_int_eq(rules[r].category,
					 GOVMAP_CAT_COVERAGE);

	ck_assert_str_eq(the_finding(an, &f, "core/sock-puppet", "test-sock-puppet")->msg,
			 "Test Sock Puppet Ltd is a company whose directors are "
			 "all appointed by Test Minister and whose funding all "
			 "comes from government (2 funders): it is not "
			 "independent of government");
	ck_assert_str_eq(the_finding(an, &f, "core/untendered-contract",
				     "test-untendered-contract")->msg,
			 "contract 'Test Untendered Contract' from Test Council "
			 "was let without competition; it started on "
			 "2023-04-01, under the NHS procurement regulations of "
			 "2013: NHS England and clinical commissioning groups "
			 "(integrated care boards from 1 July 2022) could award "
			 "health care services without advertising only where "
			 "that provider alone could provide them (reg. 5), "
			 "acting transparently and treating providers equally "
			 "(reg. 3)");
	ck_assert_str_eq(the_finding(an, &f, "core/unpublished-contract",
				     "test-unpublished-contract")->msg,
			 "contract 'Test Unpublished Contract' from Test Council "
			 "has not been published");
	ck_assert_str_eq(the_finding(an, &f, "core/unresourced-scrutiny",
				     "test-scrutiny-panel")->msg,
			 "Test Scrutiny Panel scrutinises others but has no "
			 "budget of its own (money: 0 for this year)");
	ck_assert_str_eq(the_finding(an, &f, "core/no-statutory-basis",
				     "test-partnership")->msg,
			 "Test Partnership has no statutory basis, yet it takes "
			 "decisions");
	const govmap_finding *st = the_finding(an, &f, "core/stale-source", "test-department");
	ck_assert_str_eq(st->msg, "the newest source of 'test-department' was "
				  "checked on 2021-03-01, over two years ago: "
				  "check it is still right");
	ck_assert_int_eq(st->sev, GOVMAP_SEV_INFO);
	ck_assert_str_eq(the_finding(an, &f, "core/vacant-seat",
				     "test-partnership-board")->msg,
			 "1 of 3 'Member' seats on Test Partnership Board is "
			 "vacant");
	ck_assert_str_eq(the_finding(an, &f, "core/no-sanction", "test-z-trust")->msg,
			 "no forum can impose consequences on Test Z Trust: "
			 "its only accountability link does not carry the "
			 "power to sanction");
	ck_assert_str_eq(the_finding(an, &f, "core/no-chain", "test-orphan")->msg,
			 "Test Orphan Charity has no chain of accountability to "
			 "any electorate");
	/* every finding carries its rule's basis */
	for (size_t i = 0; i < f.n; i++)
		ck_assert(f.v[i].basis && *f.v[i].basis);

	/* the sock puppet's best chain goes through its board:
	 * 0.81 x (0.9 x 0.8 x 4/4) = 0.5832, 4 hops */
	ASSERT_SCORE(an, "test-sock-puppet", 0.5832, 0.4168, 2084000.0, 4);
	govmap_findings_free(&f);
	govmap_analysis_free(an);
	govmap_registry_free(reg);
}
END_TEST

START_TEST(rules_stale_boundary)
{
	govmap_registry *reg = load_fixture("rules");
	govmap_findings f;
	/* accessed 2021-03-01: exactly two years on 2023-03-01 */
	govmap_analysis *an = analyse_on(reg, 20230301);
	findings_of(an, &f);
	ck_assert_uint_eq(count_rule(&f, "core/stale-source"), 0);
	govmap_findings_free(&f);
	govmap_analysis_free(an);
	an = analyse_on(reg, 20230302);
	findings_of(an, &f);
	ck_assert_uint_eq(count_rule(&f, "core/stale-source"), 1);
	/* the contracts start on 2023-04-01: not yet in force */
	ck_assert_uint_eq(count_rule(&f, "core/untendered-contract"), 0);
	ck_assert_uint_eq(count_rule(&f, "core/unpublished-contract"), 0);
	govmap_findings_free(&f);
	govmap_analysis_free(an);
	govmap_registry_free(reg);
}
END_TEST

START_TEST(rules_none_fire)
{
	govmap_registry *reg = load_fixture("clean");
	govmap_analysis *an = analyse_on(reg, ON);
	govmap_findings f;
	findings_of(an, &f);
	ck_assert_msg(f.n == 0, "findings:%s", dump_findings(&f));
	ck_assert_uint_eq(f.nsuppressed, 0);
	ASSERT_SCORE(an, "test-trust", 0.729, 0.271, 13550000.0, 2);
	ASSERT_SCORE(an, "test-trust-board", 0.6561, 0.3439, 0, 3);
	govmap_findings_free(&f);
	govmap_analysis_free(an);
	govmap_registry_free(reg);
}
END_TEST

/* Inline variants of the sock-puppet test: each breaks one condition. */
#define SRC "sources:\n  - url: https://example.org/t\n    title: t\n    accessed: 2024-05-01\n"
#define BODY(id, type, extra) \
	"---\nkind: body\nid: " id "\nname: N " id "\ntype: " type \
	"\nregion: england/testshire\n" extra SRC
/* a date for the time-bound types, and a money figure for 2024/25 */
#define DATED "valid: {from: 2000-01-01}\n"
#define MONEY(gbp) \
	"money:\n  - year: 2024/25\n    gbp: " gbp "\n    kind: budget\n" \
	"    source: https://example.org/t\n"
#define LINK(id, from, to, type) \
	"---\nkind: link\nid: " id "\nfrom: " from "\nto: " to "\ntype: " type \
	"\nbasis: contract\npowers: [inform, question, sanction]\n" SRC

static size_t sock_puppets(const char *company_extra, const char *seat2_by,
			   const char *funder2_type)
{
	char bodies[4096], board[1024];
	snprintf(bodies, sizeof bodies,
		 BODY("test-e", "electorate", "")
		 BODY("test-m", "minister", "")
		 BODY("test-m2", "minister", "")
		 "---\nkind: body\nid: test-f\nname: F\ntype: %s\n"
		 "region: england/testshire\n" SRC
		 "---\nkind: body\nid: test-s\nname: S\ntype: company\nvalid: {from: 2000-01-01}\n"
		 "region: england/testshire\n%s" SRC
		 LINK("test-m-ab", "test-m", "test-e", "accountable-to")
		 LINK("test-s-f1", "test-s", "test-m", "funded-by")
		 LINK("test-s-f2", "test-s", "test-f", "funded-by"),
		 funder2_type, company_extra);
	snprintf(board, sizeof board,
		 "kind: board\nid: test-s-board\nname: B\nof: test-s\n"
		 "seats:\n"
		 "  - role: Chair\n    appointed_by: test-m\n    voting: true\n"
		 "  - role: Director\n    count: 2\n    %s\n    voting: true\n"
		 "  - role: Observer\n    appointed_by: test-m2\n    voting: false\n"
		 SRC,
		 seat2_by);
	govmap_diags d = {0};
	int rc;
	govmap_registry *reg = th_load_files(NULL, NULL, &d, &rc, "b.yaml",
					     bodies + 4, "c.yaml", board, NULL);
	ck_assert_msg(rc == GOVMAP_OK && d.count[GOVMAP_SEV_ERROR] == 0,
		      "rc %d%s", rc, th_dump(&d));
	govmap_analysis *an = analyse_on(reg, ON);
	govmap_findings f;
	findings_of(an, &f);
	size_t n = count_rule(&f, "core/sock-puppet");
	govmap_findings_free(&f);
	govmap_analysis_free(an);
	govmap_registry_free(reg);
	govmap_diags_free(&d);
	return n;
}

START_TEST(rules_sock_puppet_variants)
{
	const char *ltd = "legal_form: private company limited by shares\n";
	/* all voting seats by one minister (the observer does not vote),
	 * every funder in government: fires */
	ck_assert_uint_eq(sock_puppets(ltd, "appointed_by: test-m", "government-department"), 1);
	ck_assert_uint_eq(sock_puppets(ltd, "appointed_by: test-m", "arms-length-body"), 1);
	/* not a company */
	ck_assert_uint_eq(sock_puppets("legal_form: charitable trust\n", "appointed_by: test-m", "government-department"), 0);
	ck_assert_uint_eq(sock_puppets("", "appointed_by: test-m", "government-department"), 0);
	/* one funder outside government */
	ck_assert_uint_eq(sock_puppets(ltd, "appointed_by: test-m", "charity"), 0);
	/* directors appointed by a second minister: not one appointer */
	ck_assert_uint_eq(sock_puppets(ltd, "appointed_by: test-m2", "government-department"), 0);
	/* directors nominated, not appointed */
	ck_assert_uint_eq(sock_puppets(ltd, "nominated_by: test-m", "government-department"), 0);
	/* directors elected */
	ck_assert_uint_eq(sock_puppets(ltd, "elected_by: test-e", "government-department"), 0);
}
END_TEST

/* The registry of one file, a.yaml, holding `yaml`: it must load
 * without an error. */
static govmap_registry *load_valid(const char *yaml)
{
	govmap_diags d = {0};
	int rc;
	govmap_registry *reg =
		th_load_files(NULL, NULL, &d, &rc, "a.yaml", yaml, NULL);
	ck_assert_msg(rc == GOVMAP_OK && d.count[GOVMAP_SEV_ERROR] == 0,
		      "rc %d%s", rc, th_dump(&d));
	govmap_diags_free(&d);
	return reg;
}

/* The one core/no-sanction or core/powers-unknown finding on test-t as
 * "RULE: MESSAGE" into out ("none" without one), test-t's links to
 * three forums recording `p1`, `p2`, `p3` as powers (NULL: no link; "":
 * a link that records none). */
static void sanction_words(char *out, size_t size, const char *p1,
			   const char *p2, const char *p3)
{
	char yaml[6000];
	const char *p[3] = {p1, p2, p3};
	const char *to[3] = {"test-v", "test-m", "test-c"};
	size_t o = (size_t)snprintf(
		yaml, sizeof yaml,
		"kind: body\nid: test-v\nname: Voters\ntype: electorate\n"
		"region: england\n" SRC
		"---\nkind: body\nid: test-m\nname: Minister\ntype: minister\n"
		"region: england\n" SRC
		"---\nkind: body\nid: test-c\nname: Council\n"
		"type: local-authority\nregion: england\n" SRC
		"---\nkind: body\nid: test-t\nname: Test T\ntype: charity\n"
		"region: england\n" SRC);
	for (int k = 0; k < 3; k++)
		if (p[k])
			o += (size_t)snprintf(
				yaml + o, sizeof yaml - o,
				"---\nkind: link\nid: test-l%d\nfrom: test-t\n"
				"to: %s\ntype: accountable-to\n"
				"basis: statute\n%s%s%s" SRC,
				k, to[k], *p[k] ? "powers: [" : "", p[k],
				*p[k] ? "]\n" : "");
	ck_assert_uint_lt(o, sizeof yaml);
	govmap_registry *reg = load_valid(yaml);
	govmap_analysis *an = analyse_on(reg, ON);
	govmap_findings f;
	findings_of(an, &f);
	int32_t t = (int32_t)idx(reg, "test-t");
	int hits = 0;
	snprintf(out, size, "none");
	for (size_t i = 0; i < f.n; i++)
		if (f.v[i].entity == t &&
		    (strcmp(f.v[i].rule, "core/no-sanction") == 0 ||
		     strcmp(f.v[i].rule, "core/powers-unknown") == 0)) {
			hits++;
			snprintf(out, size, "%s: %s", f.v[i].rule,
				 f.v[i].msg);
		}
	ck_assert_int_le(hits, 1);
	govmap_findings_free(&f);
	govmap_analysis_free(an);
	govmap_registry_free(reg);
}

/* core/no-sanction and core/powers-unknown, for one link and for several:
 * each of the four wordings */
START_TEST(rules_sanction_wording)
{
	static const struct {
		const char *p1, *p2, *p3, *want;
	} c[] = {
		{"inform", NULL, NULL,
		 "core/no-sanction: no forum can impose consequences on Test "
		 "T: its only accountability link does not carry the power "
		 "to sanction"},
		{"inform", "question", NULL,
		 "core/no-sanction: no forum can impose consequences on Test "
		 "T: none of its 2 accountability links carries the power to "
		 "sanction"},
		{"", NULL, NULL,
		 "core/powers-unknown: whether any forum can impose "
		 "consequences on Test T is not recorded: its only "
		 "accountability link records no powers"},
		{"inform", "", NULL,
		 "core/powers-unknown: whether any forum can impose "
		 "consequences on Test T is not recorded: 1 of its 2 "
		 "accountability links records no powers, and none records "
		 "the power to sanction"},
		{"", "question", "",
		 "core/powers-unknown: whether any forum can impose "
		 "consequences on Test T is not recorded: 2 of its 3 "
		 "accountability links record no powers, and none records "
		 "the power to sanction"},
		{"inform", "sanction", "", "none"},
	};
	for (size_t k = 0; k < sizeof c / sizeof c[0]; k++) {
		char m[1000];
		sanction_words(m, sizeof m, c[k].p1, c[k].p2, c[k].p3);
		ck_assert_msg(strcmp(m, c[k].want) == 0, "case %zu: '%s'", k,
			      m);
	}
}
END_TEST

static govmap_findings *rules_on(const char *bodies, govmap_findings *f)
{
	govmap_diags d = {0};
	int rc;
	govmap_registry *reg = th_load_files(NULL, NULL, &d, &rc, "b.yaml",
					     bodies, NULL);
	ck_assert_msg(rc == GOVMAP_OK && d.count[GOVMAP_SEV_ERROR] == 0,
		      "rc %d%s", rc, th_dump(&d));
	govmap_analysis *an = analyse_on(reg, ON);
	findings_of(an, f);
	/* messages are copied: the registry may go */
	govmap_analysis_free(an);
	govmap_registry_free(reg);
	govmap_diags_free(&d);
	return f;
}

START_TEST(rules_statutory_and_scrutiny_variants)
{
	govmap_findings f;
	/* no statutory basis, but neither decides nor spends: quiet */
	rules_on(BODY("test-e", "electorate", "")
		 BODY("test-p", "partnership", "statutory_basis: none\n" DATED)
		 LINK("test-p-l", "test-p", "test-e", "accountable-to"), &f);
	ck_assert_msg(f.n == 0, "findings:%s", dump_findings(&f));
	govmap_findings_free(&f);
	/* ... spends public money: fires, saying so */
	rules_on(BODY("test-e", "electorate", "")
		 BODY("test-p", "partnership", "statutory_basis: none\n" DATED MONEY("1"))
		 LINK("test-p-l", "test-p", "test-e", "accountable-to"), &f);
	ck_assert_msg(f.n == 1, "findings:%s", dump_findings(&f));
	ck_assert_str_eq(f.v[0].rule, "core/no-statutory-basis");
	ck_assert_str_eq(f.v[0].msg, "N test-p has no statutory basis, yet it "
				     "controls public money");
	govmap_findings_free(&f);
	/* a statutory basis named: quiet */
	rules_on(BODY("test-e", "electorate", "")
		 BODY("test-p", "partnership", "statutory_basis: Test Act 2000\n" DATED MONEY("1"))
		 LINK("test-p-l", "test-p", "test-e", "accountable-to"), &f);
	ck_assert_msg(f.n == 0, "findings:%s", dump_findings(&f));
	govmap_findings_free(&f);
	/* a scrutineer whose budget is unknown, not zero: quiet */
	rules_on(BODY("test-e", "electorate", "")
		 BODY("test-c", "local-authority", "")
		 BODY("test-t", "company", DATED)
		 LINK("test-c-l", "test-c", "test-e", "elected-by")
		 LINK("test-t-l", "test-t", "test-c", "scrutinised-by"), &f);
	ck_assert_msg(f.n == 0, "findings:%s", dump_findings(&f));
	govmap_findings_free(&f);
	/* money 0 but scrutinising nobody: quiet */
	rules_on(BODY("test-e", "electorate", "")
		 BODY("test-c", "local-authority", MONEY("0"))
		 BODY("test-t", "company", DATED)
		 LINK("test-c-l", "test-c", "test-e", "elected-by")
		 LINK("test-t-l", "test-t", "test-c", "reports-to"), &f);
	ck_assert_msg(f.n == 0, "findings:%s", dump_findings(&f));
	govmap_findings_free(&f);
}
END_TEST

/* ---- determinism ----------------------------------------------------- */

static void same_analysis(const govmap_analysis *a, const govmap_analysis *b)
{
	const govmap_registry *ra = govmap_analysis_registry(a);
	const govmap_registry *rb = govmap_analysis_registry(b);
	size_t n = govmap_registry_count(ra), na, nb;
	ck_assert_uint_eq(n, govmap_registry_count(rb));
	for (size_t i = 0; i < n; i++) {
		ck_assert_str_eq(govmap_registry_at(ra, i)->id,
				 govmap_registry_at(rb, i)->id);
		const govmap_score *x = govmap_analysis_score(a, i);
		const govmap_score *y = govmap_analysis_score(b, i);
		ck_assert(x->active == y->active &&
			  x->electorate == y->electorate);
		ck_assert(x->A == y->A && x->D == y->D &&
			  x->exposure == y->exposure); /* bit for bit */
		ck_assert_int_eq(x->money, y->money);
		ck_assert_int_eq(x->next, y->next);
		ck_assert_uint_eq(x->hops, y->hops);
	}
	const govmap_edge *ea = govmap_analysis_edges(a, &na);
	const govmap_edge *eb = govmap_analysis_edges(b, &nb);
	ck_assert_uint_eq(na, nb);
	for (size_t k = 0; k < na; k++) {
		ck_assert(ea[k].from == eb[k].from && ea[k].to == eb[k].to &&
			  ea[k].kind == eb[k].kind && ea[k].link == eb[k].link &&
			  ea[k].seat == eb[k].seat &&
			  ea[k].strength == eb[k].strength);
	}
	govmap_findings fa, fb;
	findings_of(a, &fa);
	findings_of(b, &fb);
	ck_assert_uint_eq(fa.n, fb.n);
	for (size_t k = 0; k < fa.n; k++) {
		ck_assert_str_eq(fa.v[k].rule, fb.v[k].rule);
		ck_assert_int_eq(fa.v[k].entity, fb.v[k].entity);
		ck_assert_str_eq(fa.v[k].msg, fb.v[k].msg);
	}
	govmap_findings_free(&fa);
	govmap_findings_free(&fb);
}

/* ---- govmap__analysis_patch: the same scores as a whole analysis ---- */

static void same_score(const govmap_score *x, const govmap_score *y,
		       const char *where, const char *id)
{
	ck_assert_msg(x->A == y->A && x->A_high == y->A_high && x->D == y->D &&
			      x->hops == y->hops && x->next == y->next &&
			      x->money == y->money &&
			      x->money_year == y->money_year &&
			      x->money_kind == y->money_kind &&
			      x->exposure == y->exposure &&
			      x->active == y->active,
		      "%s: %s: A %.9g/%.9g high %.9g/%.9g hops %u/%u next "
		      "%d/%d money %lld/%lld",
		      where, id, x->A, y->A, x->A_high, y->A_high, x->hops,
		      y->hops, x->next, y->next, (long long)x->money,
		      (long long)y->money);
}

typedef struct {
	size_t patched, moved, refused, unsame;
} patch_counts;

/* Change every `step`-th link's powers and body's first money figure in
 * turn (each change kept), patch the analysis after each change (most
 * 1) or after one, two, three... up to `most` changes in turn, and check
 * it
 * against a whole analysis of the changed registry: every score equal,
 * every score that moved listed as touched with its score before. */
static void patch_walk(govmap_registry *reg, govmap_date on, size_t step,
		       size_t most, patch_counts *pc)
{
	static const unsigned powers[] = {
		0, GOVMAP_POWER_INFORM,
		GOVMAP_POWER_INFORM | GOVMAP_POWER_QUESTION,
		GOVMAP_POWER_INFORM | GOVMAP_POWER_QUESTION |
			GOVMAP_POWER_SANCTION,
		GOVMAP_POWER_QUESTION | GOVMAP_POWER_SANCTION};
	size_t n = govmap_registry_count(reg), seen = 0;
	govmap_score *before = malloc((n ? n : 1) * sizeof(*before));
	size_t *slot = calloc(n ? n : 1, sizeof(*slot)); /* touched's, + 1 */
	ck_assert(before && slot);
	int32_t at[8];
	size_t nat = 0;
	ck_assert_uint_le(most, 8);
	govmap_analysis *an = analyse_on(reg, on);
	for (size_t i = 0; i < n; i++) {
		govmap_entity *e = (govmap_entity *)govmap_registry_at(reg, i);
		int link = e->kind == GOVMAP_KIND_LINK;
		int money = (e->kind == GOVMAP_KIND_BODY ||
			     e->kind == GOVMAP_KIND_BOARD ||
			     e->kind == GOVMAP_KIND_CONTRACT) && e->nmoney;
		if ((!link && !money) || seen++ % step)
			continue;
		if (link)
			e->powers = powers[(seen / step + e->powers) % 5];
		else
			e->money[0].gbp = e->money[0].gbp / 2 + 12345;
		/* changed entities to a patch: 1, 2, ... most, in turn */
		at[nat++] = (int32_t)i;
		if (nat < 1 + (pc->patched + pc->refused) % most)
			continue;
		for (size_t j = 0; j < n; j++)
			before[j] = *govmap_analysis_score(an, j);
		int rc = govmap__analysis_patch(an, at, nat);
		nat = 0;
		ck_assert_int_ge(rc, 0);
		if (rc == 1) {
			pc->refused++;
			govmap_analysis_free(an);
			an = analyse_on(reg, on);
			continue;
		}
		pc->patched++;
		govmap_analysis *whole = analyse_on(reg, on);
		const int32_t *ti;
		const govmap_score *was;
		size_t nt = govmap__analysis_touched(an, &ti, &was);
		for (size_t t = 0; t < nt; t++)
			slot[ti[t]] = t + 1;
		for (size_t j = 0; j < n; j++) {
			const char *id = govmap_registry_at(reg, j)->id;
			const govmap_score *x = govmap_analysis_score(an, j);
			same_score(x, govmap_analysis_score(whole, j),
				   "patched against whole", id);
			size_t t = slot[j] ? slot[j] - 1 : nt;
			slot[j] = 0;
			if (t < nt)
				same_score(&was[t], &before[j],
					   "touched's score before", id);
			else if (memcmp(&before[j].A, &x->A, sizeof x->A) ||
				 before[j].money != x->money ||
				 before[j].exposure != x->exposure ||
				 before[j].next != x->next)
				ck_abort_msg("%s moved, not touched", id);
			if (t < nt && (before[j].A != x->A ||
				       before[j].exposure != x->exposure))
				pc->moved++;
		}
		/* the edges' strengths too */
		size_t na, nw;
		const govmap_edge *ea = govmap_analysis_edges(an, &na);
		const govmap_edge *ew = govmap_analysis_edges(whole, &nw);
		ck_assert_uint_eq(na, nw);
		for (size_t k = 0; k < na; k++)
			ck_assert(ea[k].strength == ew[k].strength &&
				  ea[k].strength_high == ew[k].strength_high);
		/* a best case apart from the scores: two searches */
		size_t apart = 0;
		for (size_t j = 0; j < n; j++)
			apart += govmap_analysis_score(whole, j)->A_high !=
				 govmap_analysis_score(whole, j)->A;
		pc->unsame += apart > 0;
		govmap_analysis_free(whole);
	}
	govmap_analysis_free(an);
	free(before);
	free(slot);
}

static govmap_registry *load_dir(const char *sub)
{
	const char *src = getenv("GOVMAP_SRCDIR");
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/%s", src && *src ? src : ".", sub);
	govmap_diags d = {0};
	int rc;
	govmap_registry *reg = th_load(dir, NULL, &d, &rc);
	ck_assert_msg(rc == GOVMAP_OK && reg && d.count[GOVMAP_SEV_ERROR] == 0,
		      "loading %s: rc %d%s", dir, rc, th_dump(&d));
	govmap_diags_free(&d);
	return reg;
}

START_TEST(patch_matches_whole)
{
	static const char *const fx[] = {
		"chain", "widest", "nested", "joint", "board-seats",
		"seats-split", "unstated-members", "unstated-seats", "honest",
		"contracts", "exposure", "grid", "collapse", "money-year",
		"weights", NULL};
	patch_counts pc = {0};
	char sub[256];
	for (size_t f = 0; fx[f]; f++) {
		snprintf(sub, sizeof sub, "tests/fixtures/analysis/%s", fx[f]);
		govmap_registry *reg = load_dir(sub); /* warnings allowed */
		patch_walk(reg, ON, 1, 1, &pc);
		patch_walk(reg, ON, 1, 3, &pc); /* several at once */
		govmap_registry_free(reg);
	}
	/* patched, with scores moved, in graphs with a best case of their
	 * own; and refused for contracts' money */
	ck_assert_uint_gt(pc.patched, 50);
	ck_assert_uint_gt(pc.moved, 40);
	ck_assert_uint_gt(pc.unsame, 20);
	ck_assert_uint_gt(pc.refused, 5);
}
END_TEST

/* The same on the project's registry: thousands of entities, unstated
 * seats and powers, contracts (its plugins' types unknown here). */
START_TEST(patch_matches_whole_registry)
{
	patch_counts pc = {0};
	govmap_registry *reg = load_dir("registry");
	patch_walk(reg, 20250601, 241, 1, &pc);
	patch_walk(reg, 20250601, 97, 3, &pc);
	govmap_registry_free(reg);
	ck_assert_uint_gt(pc.patched, 24);
	ck_assert_uint_gt(pc.unsame, 24);
}
END_TEST

#define PBODY(id, type, extra)                                               \
	"kind: body\nid: " id "\nname: " id "\ntype: " type                 \
	"\nregion: england\n" extra TH_SOURCES "---\n"
#define PLINK(id, from, to, powers)                                          \
	"kind: link\nid: " id "\nfrom: " from "\nto: " to                   \
	"\ntype: scrutinised-by\nforum: political\nbasis: statute\n"         \
	"powers: " powers "\n" TH_SOURCES "---\n"

/* Ties between a node searched again and one taken from the log go as in
 * a whole search (the lower index first), and a provider whose own
 * figure goes leaves the patch to a whole analysis (its contracts' value
 * stands in). */
START_TEST(patch_ties_and_providers)
{
	static const char *const yaml =
		PBODY("voters", "electorate", "")
		PBODY("x", "local-authority", "")
		PBODY("y", "local-authority", "")
		PBODY("z", "arms-length-body", "statutory_basis: An Act\n")
		PBODY("prov", "company",
		      "valid:\n  from: 2000-01-01\nmoney:\n  - year: 2024/25\n"
		      "    gbp: 5000\n    kind: outturn\n"
		      "    source: https://example.org/doc\n")
		PLINK("x-by-voters", "x", "voters", "[inform]")
		PLINK("y-by-voters", "y", "voters", "[inform, question]")
		PLINK("z-by-x", "z", "x", "[inform, question]")
		PLINK("z-by-y", "z", "y", "[inform, question]")
		"kind: contract\nid: k\nname: K\ncommissioner: z\n"
		"provider: prov\nstart: 2023-04-01\nend: 2030-03-31\n"
		"tendered: true\nmoney:\n  - year: 2024/25\n    gbp: 300000\n"
		"    kind: contract-value\n    source: https://example.org/doc\n"
		TH_SOURCES;
	govmap_registry *reg = load_valid(yaml);
	govmap_analysis *an = analyse_on(reg, ON);
	size_t ne;
	const govmap_edge *edges = govmap_analysis_edges(an, &ne);
	const govmap_score *z = sc(an, "z");
	ck_assert_int_eq(edges[z->next].link, (int32_t)idx(reg, "z-by-y"));
	/* x as strong as y: z's chain goes by x, the lower index */
	govmap_entity *xl = (govmap_entity *)govmap_registry_at(
		reg, idx(reg, "x-by-voters"));
	xl->powers = GOVMAP_POWER_INFORM | GOVMAP_POWER_QUESTION;
	int32_t at = (int32_t)idx(reg, "x-by-voters");
	ck_assert_int_eq(govmap__analysis_patch(an, &at, 1), 0);
	govmap_analysis *whole = analyse_on(reg, ON);
	for (size_t i = 0; i < govmap_registry_count(reg); i++)
		same_score(govmap_analysis_score(an, i),
			   govmap_analysis_score(whole, i), "tie",
			   govmap_registry_at(reg, i)->id);
	edges = govmap_analysis_edges(an, &ne);
	ck_assert_int_eq(edges[sc(an, "z")->next].link,
			 (int32_t)idx(reg, "z-by-x"));
	govmap_analysis_free(whole);
	/* the provider's own figure moves: patched */
	govmap_entity *p = (govmap_entity *)govmap_registry_at(reg,
							      idx(reg, "prov"));
	p->money[0].gbp = 7000;
	at = (int32_t)idx(reg, "prov");
	ck_assert_int_eq(govmap__analysis_patch(an, &at, 1), 0);
	ck_assert_int_eq(sc(an, "prov")->money, 7000);
	/* gone for the year: the contract's value stands in, not patched */
	p->money[0].year = 2022;
	ck_assert_int_eq(govmap__analysis_patch(an, &at, 1), 1);
	ck_assert_int_eq(sc(an, "prov")->money, 7000); /* unchanged */
	whole = analyse_on(reg, ON);
	ck_assert_int_eq(sc(whole, "prov")->money, 300000);
	ck_assert(sc(whole, "prov")->money_from_contracts);
	/* and back from the contracts to its own figure: not patched */
	govmap_analysis_free(an);
	an = whole;
	p->money[0].year = 2024;
	ck_assert_int_eq(govmap__analysis_patch(an, &at, 1), 1);
	/* a contract's value: not patched */
	at = (int32_t)idx(reg, "k");
	ck_assert_int_eq(govmap__analysis_patch(an, &at, 1), 1);
	govmap_analysis_free(an);
	govmap_registry_free(reg);
}
END_TEST

START_TEST(deterministic)
{
	static const char *const names[] = {"rules", "board-seats", "widest",
					    "exposure"};
	for (size_t j = 0; j < sizeof names / sizeof *names; j++) {
		govmap_registry *r1 = load_fixture(names[j]);
		govmap_registry *r2 = load_fixture(names[j]);
		govmap_analysis *a1 = analyse_on(r1, ON);
		govmap_analysis *a2 = analyse_on(r2, ON);
		govmap_analysis *a3 = analyse_on(r1, ON);
		same_analysis(a1, a2);
		same_analysis(a1, a3);
		govmap_analysis_free(a1);
		govmap_analysis_free(a2);
		govmap_analysis_free(a3);
		govmap_registry_free(r1);
		govmap_registry_free(r2);
	}
}
END_TEST

/* ---- honest numbers: money by year, unknown dates, membership roots --- */

/* A series written by hand: two kinds for 2023/24, one for 2025/26. */
START_TEST(money_series_by_year)
{
	govmap_money m[3] = {
		{2023, 100, GOVMAP_MONEY_ALLOCATION, "u", NULL, {0}},
		{2023, 90, GOVMAP_MONEY_OUTTURN, "u", NULL, {0}},
		{2025, 300, GOVMAP_MONEY_BUDGET, "u", NULL, {0}}};
	govmap_entity e;
	memset(&e, 0, sizeof e);
	e.money = m;
	e.nmoney = 3;
	govmap_money_figure f;
	/* the year of the date: outturn before allocation */
	ck_assert(govmap_entity_money(&e, 20240331, GOVMAP_MONEY_THIS_YEAR, &f));
	ck_assert_int_eq(f.gbp, 90);
	ck_assert_int_eq(f.year, 2023);
	ck_assert_int_eq(f.kind, GOVMAP_MONEY_OUTTURN);
	ck_assert(!f.other_year);
	ck_assert_ptr_eq(f.entry, &m[1]);
	/* 2024/25 has no figure: unknown, never another year's */
	ck_assert(!govmap_entity_money(&e, 20240401, GOVMAP_MONEY_THIS_YEAR, &f));
	ck_assert_int_eq(f.gbp, -1);
	ck_assert_int_eq(f.year, 0);
	ck_assert_ptr_null(f.entry);
	ck_assert(!govmap_entity_money(&e, 20190601, GOVMAP_MONEY_THIS_YEAR, &f));
	/* ... unless asked: the nearest year, ties to the earlier, and said */
	ck_assert(govmap_entity_money(&e, 20240401, GOVMAP_MONEY_NEAREST_YEAR, &f));
	ck_assert_int_eq(f.year, 2023);
	ck_assert_int_eq(f.gbp, 90);
	ck_assert(f.other_year);
	ck_assert(govmap_entity_money(&e, 20270101, GOVMAP_MONEY_NEAREST_YEAR, &f));
	ck_assert_int_eq(f.year, 2025);
	ck_assert(f.other_year);
	/* the year itself under "nearest" is not another year */
	ck_assert(govmap_entity_money(&e, 20250401, GOVMAP_MONEY_NEAREST_YEAR, &f));
	ck_assert_int_eq(f.gbp, 300);
	ck_assert(!f.other_year);
	/* no date: the latest year */
	ck_assert(govmap_entity_money(&e, 0, GOVMAP_MONEY_THIS_YEAR, &f));
	ck_assert_int_eq(f.year, 2025);
	/* no series at all */
	e.nmoney = 0;
	ck_assert(!govmap_entity_money(&e, 20240401, GOVMAP_MONEY_NEAREST_YEAR, &f));
	ck_assert_int_eq(f.gbp, -1);
	ck_assert_int_eq(govmap_fyear_of(20250331), 2024);
	ck_assert_int_eq(govmap_fyear_of(20250401), 2025);
	ck_assert_int_eq(govmap_fyear_of(0), 0);
}
END_TEST

START_TEST(period_unknown_dates)
{
	govmap_period known = {20160406, 20220701};
	govmap_period from_unknown = {GOVMAP_DATE_UNKNOWN, 20220701};
	govmap_period to_unknown = {20160406, GOVMAP_DATE_UNKNOWN};
	govmap_period both = {GOVMAP_DATE_UNKNOWN, GOVMAP_DATE_UNKNOWN};
	ck_assert_int_eq(govmap_period_status(known, 20200101), GOVMAP_YES);
	ck_assert_int_eq(govmap_period_status(known, 20220701), GOVMAP_NO);
	/* an unknown start leaves open any date before the known end */
	ck_assert_int_eq(govmap_period_status(from_unknown, 20100101),
			 GOVMAP_UNKNOWN);
	ck_assert_int_eq(govmap_period_status(from_unknown, 20220701),
			 GOVMAP_NO);
	ck_assert(!govmap_period_contains(from_unknown, 20200101));
	/* an unknown end: before the start is known to be outside */
	ck_assert_int_eq(govmap_period_status(to_unknown, 20160405), GOVMAP_NO);
	ck_assert_int_eq(govmap_period_status(to_unknown, 20200101),
			 GOVMAP_UNKNOWN);
	ck_assert_int_eq(govmap_period_status(both, 20200101), GOVMAP_UNKNOWN);
	/* "any date" */
	ck_assert(govmap_period_contains(both, 0));
	char d[11];
	govmap_date_format(d, GOVMAP_DATE_UNKNOWN);
	ck_assert_str_eq(d, "unknown");
}
END_TEST

/* A start not known but no later than a day (issue 17): in force from
 * that day on, not known to be before it, and a known end still ends
 * it. */
START_TEST(period_bounded_start)
{
	const govmap_date b = GOVMAP_DATE_NO_LATER_THAN(20260708);
	govmap_period open = {b, 0}, ended = {b, 20261001};
	govmap_period end_unknown = {b, GOVMAP_DATE_UNKNOWN};
	ck_assert_int_eq(GOVMAP_DATE_BOUND(b), 20260708);
	ck_assert_int_eq(GOVMAP_DATE_BOUND(GOVMAP_DATE_UNKNOWN), 0);
	ck_assert_int_eq(GOVMAP_DATE_BOUND(20260708), 0);
	ck_assert(GOVMAP_DATE_IS_UNKNOWN(b));
	ck_assert_int_eq(govmap_period_status(open, 20260707), GOVMAP_UNKNOWN);
	ck_assert(!govmap_period_contains(open, 20260707));
	ck_assert_int_eq(govmap_period_status(open, 20260708), GOVMAP_YES);
	ck_assert(govmap_period_contains(open, 20261206));
	ck_assert_int_eq(govmap_period_status(ended, 20260901), GOVMAP_YES);
	ck_assert_int_eq(govmap_period_status(ended, 20261001), GOVMAP_NO);
	ck_assert_int_eq(govmap_period_status(ended, 20200101),
			 GOVMAP_UNKNOWN);
	ck_assert_int_eq(govmap_period_status(end_unknown, 20261206),
			 GOVMAP_UNKNOWN);
	ck_assert_int_eq(govmap_period_status(end_unknown, 20200101),
			 GOVMAP_UNKNOWN);
	char d[11];
	govmap_date_format(d, b);
	ck_assert_str_eq(d, "unknown");
}
END_TEST

#define HN_SRC "sources:\n  - url: https://example.org/h\n    title: h\n    accessed: 2024-05-01\n"
static const char hn_yaml[] =
	"kind: body\nid: voters\nname: Voters\ntype: electorate\n"
	"region: england\n" HN_SRC
	"---\nkind: body\nid: members\nname: Members\ntype: membership\n"
	"region: england\n" HN_SRC
	"---\nkind: body\nid: ft\nname: FT\ntype: foundation-trust\n"
	"region: england\nvalid: {from: 2004-04-01}\n" HN_SRC
	"money:\n"
	"  - year: 2023/24\n    gbp: 1_000\n    kind: outturn\n"
	"    source: https://example.org/h\n"
	"---\nkind: board\nid: ft-cog\nname: Council of governors\n"
	"type: council-of-governors\nof: ft\n" HN_SRC
	"seats:\n  - role: Public governor\n    count: 10\n    post: governor\n"
	"    elected_by: members\n"
	"---\nkind: body\nid: stp\nname: STP\ntype: stp\nregion: england\n"
	"valid: {from: unknown, to: 2022-07-01}\n"
	"notes: the start is not in the sources\n" HN_SRC;

START_TEST(honest_numbers_model)
{
	govmap_diags d = {0};
	int rc;
	govmap_registry *reg = th_load_files(NULL, NULL, &d, &rc, "h.yaml",
					     hn_yaml, NULL);
	/* foundation-trust is a plugin's type: a warning without plugins */
	ck_assert_msg(rc == GOVMAP_OK && d.count[GOVMAP_SEV_ERROR] == 0,
		      "rc %d%s", rc, th_dump(&d));
	const govmap_entity *cog = govmap_registry_find(reg, "ft-cog");
	ck_assert_int_eq(cog->seats[0].post, GOVMAP_POST_GOVERNOR);
	ck_assert_str_eq(govmap_post_name(cog->seats[0].post), "governor");
	const govmap_entity *stp = govmap_registry_find(reg, "stp");
	ck_assert_int_eq(stp->valid.from, GOVMAP_DATE_UNKNOWN);
	ck_assert_int_eq(stp->valid.to, 20220701);

	govmap_analysis *an = analyse_on(reg, 20240301);
	/* a membership is a root, scored at half an electorate */
	ck_assert(sc(an, "members")->electorate);
	ck_assert_double_eq_tol(sc(an, "members")->A, 0.5, TOL);
	ck_assert_double_eq_tol(govmap_root_weight(govmap_registry_find(reg, "members")),
				0.5, TOL);
	ck_assert_double_eq_tol(govmap_root_weight(govmap_registry_find(reg, "voters")),
				1.0, TOL);
	ck_assert_double_eq_tol(govmap_root_weight(stp), 0, TOL);
	/* the council of governors: all 10 seats elected by the membership,
	 * one step (0.9) from a root of 0.5 */
	ck_assert_double_eq_tol(sc(an, "ft-cog")->A, 0.45, TOL);
	/* money of the date's year, with its year and kind */
	ck_assert_int_eq(sc(an, "ft")->money, 1000);
	ck_assert_int_eq(sc(an, "ft")->money_year, 2023);
	ck_assert_int_eq(sc(an, "ft")->money_kind, GOVMAP_MONEY_OUTTURN);
	char buf[160];
	ck_assert_str_eq(govmap_score_money_text(sc(an, "ft"), buf, sizeof buf),
			 "\xc2\xa3" "1k (2023/24 outturn)");
	/* an unknown start: not in force, and said to be so */
	ck_assert(!sc(an, "stp")->active);
	ck_assert(!sc(an, "stp")->dates_unknown); /* after the known end */
	govmap_analysis_free(an);

	an = analyse_on(reg, 20200101);
	ck_assert(!sc(an, "stp")->active);
	ck_assert(sc(an, "stp")->dates_unknown);
	govmap_analysis_free(an);

	/* another year: unknown by default ... */
	an = analyse_on(reg, 20240601);
	ck_assert_int_eq(sc(an, "ft")->money, -1);
	ck_assert_double_eq_tol(sc(an, "ft")->exposure, 0, TOL);
	ck_assert_str_eq(govmap_score_money_text(sc(an, "ft"), buf, sizeof buf),
			 "unknown");
	govmap_analysis_free(an);
	/* ... the nearest year only when asked, and then it says so */
	govmap_analysis_opts o = {20240601, NULL, NULL,
				  GOVMAP_MONEY_NEAREST_YEAR, NULL};
	ck_assert_int_eq(govmap_analyse(&an, reg, &o), GOVMAP_OK);
	ck_assert_int_eq(sc(an, "ft")->money, 1000);
	ck_assert(sc(an, "ft")->money_other_year);
	ck_assert_str_eq(govmap_score_money_text(sc(an, "ft"), buf, sizeof buf),
			 "\xc2\xa3" "1k (2023/24 outturn; the nearest year "
			 "recorded, not this date's)");
	govmap_analysis_free(an);
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

/* ---- honest numbers: intervals, words, the report API --------------- */

START_TEST(honest_intervals_words_report)
{
	govmap_registry *reg = load_fixture("honest");
	govmap_analysis *an = analyse_on(reg, ON);
	char buf[300];
	/* a link with no powers: 0.9 x statute 1 x powers 0.2 (none
	 * listed) = 0.18, x 0.9 from the council = 0.162; at best all three
	 * powers: 0.9 x 0.9 = 0.81 */
	ck_assert_double_eq_tol(sc(an, "test-trust")->A, 0.162, TOL);
	ck_assert_double_eq_tol(sc(an, "test-trust")->A_high, 0.81, TOL);
	ck_assert_str_eq(govmap_score_A_text(sc(an, "test-trust"), 3, buf,
					     sizeof buf),
			 "0.162 to 0.810");
	/* 2 appointed of 4 voting seats, 2 unstated: 0.9 x 0.8 x 2/4 x 0.9
	 * = 0.324; at best the unstated seats are filled like the stated
	 * ones: 0.9 x 0.8 x 2/2 x 0.9 = 0.648 */
	ck_assert_double_eq_tol(sc(an, "test-panel")->A, 0.324, TOL);
	ck_assert_double_eq_tol(sc(an, "test-panel")->A_high, 0.648, TOL);
	/* nothing unrecorded: no interval, and the text says one number */
	ck_assert_double_eq_tol(sc(an, "test-council")->A_high, 0.9, TOL);
	ck_assert_str_eq(govmap_score_A_text(sc(an, "test-council"), 2, buf,
					     sizeof buf),
			 "0.90");
	/* the word scale and its edges */
	ck_assert_str_eq(govmap_strength_word(0.7), "strong");
	ck_assert_str_eq(govmap_strength_word(0.699), "moderate");
	ck_assert_str_eq(govmap_strength_word(0.4), "moderate");
	ck_assert_str_eq(govmap_strength_word(0.2), "weak");
	ck_assert_str_eq(govmap_strength_word(0.001), "very weak");
	ck_assert_str_eq(govmap_strength_word(0), "none");
	/* reasons */
	ck_assert_str_eq(govmap_analysis_reason(an, idx(reg, "test-trust"),
						buf, sizeof buf),
			 "statutory; powers not recorded; 2 links from voters");
	ck_assert_str_eq(govmap_analysis_reason(an, idx(reg, "test-council"),
						buf, sizeof buf),
			 "statutory; can impose consequences; 1 link from "
			 "voters");
	ck_assert_str_eq(govmap_analysis_reason(an, idx(reg, "test-partnership"),
						buf, sizeof buf),
			 "no chain to voters recorded");
	ck_assert_str_eq(govmap_analysis_reason(an, idx(reg, "test-voters"),
						buf, sizeof buf),
			 "the voters themselves");

	/* the report: known money only in the exposure ranking, the weak
	 * body with no money apart, coverage stated */
	govmap_findings f;
	findings_of(an, &f);
	size_t nc;
	const govmap_rule_info *core = govmap_core_rules(&nc);
	const govmap_rule_info *rules[32];
	for (size_t k = 0; k < nc && k < 32; k++)
		rules[k] = &core[k];
	govmap_findings_categorise(&f, rules, nc);
	govmap_report *r = NULL;
	ck_assert_int_eq(govmap_report_build(&r, an, &f, NULL), GOVMAP_OK);
	const govmap_report_totals *t = govmap_report_get_totals(r);
	ck_assert_uint_eq(t->bodies, 4);
	ck_assert_uint_eq(t->with_money, 2);
	ck_assert_uint_eq(t->money_unknown, 2);
	ck_assert_double_eq_tol(t->money, 400e6, 1);
	ck_assert_uint_eq(t->weak, 2);
	ck_assert_uint_eq(t->weak_with_money, 1);
	ck_assert_str_eq(govmap_report_coverage_text(t, buf, sizeof buf),
			 "\xc2\xa3" "400m known, for 2 of 4 bodies; 2 not "
			 "recorded");
	ck_assert_str_eq(govmap_report_weak_text(t, buf, sizeof buf),
			 "\xc2\xa3" "100m known, for 1 of 2 bodies; 1 not "
			 "recorded");
	size_t n;
	const size_t *v = govmap_report_by_exposure(r, &n);
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(v[0], idx(reg, "test-trust"));
	ck_assert_uint_eq(v[1], idx(reg, "test-council"));
	v = govmap_report_unpriced(r, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(v[0], idx(reg, "test-partnership"));
	/* the unstated seats, the trust's link with no powers recorded and
	 * the trust with no commissioner are coverage findings, the rest
	 * (no chain) deficit */
	ck_assert_uint_eq(t->findings[GOVMAP_CAT_COVERAGE], 3);
	ck_assert_uint_eq(t->findings[GOVMAP_CAT_DEFICIT], 1);
	v = govmap_report_findings(r, GOVMAP_CAT_COVERAGE, &n);
	ck_assert_uint_eq(n, 3);
	int seen_seat = 0, seen_powers = 0, seen_com = 0;
	for (size_t k = 0; k < n; k++) {
		seen_seat += strcmp(f.v[v[k]].rule, "core/unstated-seat") == 0;
		seen_powers +=
			strcmp(f.v[v[k]].rule, "core/powers-unknown") == 0;
		seen_com += strcmp(f.v[v[k]].rule, "core/no-commissioner") == 0;
		ck_assert_str_eq(govmap_category_name(f.v[v[k]].category),
				 "coverage");
	}
	ck_assert_int_eq(seen_seat, 1);
	ck_assert_int_eq(seen_powers, 1);
	ck_assert_int_eq(seen_com, 1);
	v = govmap_report_undated(r, &n);
	ck_assert_uint_eq(n, 0); /* 2024: after the company's known end */
	govmap_report_free(r);
	govmap_findings_free(&f);
	govmap_analysis_free(an);

	/* the sensitivity variations: eleven, named; the weakest-link chain
	 * and a quarter off the basis weights change A as documented */
	size_t nv;
	const govmap_variant *var = govmap_sensitivity_variants(&nv);
	ck_assert_uint_eq(nv, 11);
	ck_assert_str_eq(var[1].name, "basis weights -25%");
	ck_assert(var[10].weakest_link);
	govmap_analysis_opts vo = {ON, NULL, NULL, 0, &var[10]};
	ck_assert_int_eq(govmap_analyse(&an, reg, &vo), GOVMAP_OK);
	/* min(0.9, 0.18) */
	ck_assert_double_eq_tol(sc(an, "test-trust")->A, 0.18, TOL);
	govmap_analysis_free(an);
	vo.variant = &var[1];
	ck_assert_int_eq(govmap_analyse(&an, reg, &vo), GOVMAP_OK);
	/* (0.9 x 0.75 x 0.2) x (0.9 x 0.75 x 1) */
	ck_assert_double_eq_tol(sc(an, "test-trust")->A, 0.091125, TOL);
	ck_assert_double_eq_tol(sc(an, "test-council")->A, 0.675, TOL);
	govmap_analysis_free(an);

	/* 2020: the company's start is unknown, so it is listed, not counted */
	an = analyse_on(reg, 20200101);
	ck_assert(sc(an, "test-old-company")->dates_unknown);
	govmap_report_opts o = {"england/testshire", 0};
	ck_assert_int_eq(govmap_report_build(&r, an, NULL, &o), GOVMAP_OK);
	v = govmap_report_undated(r, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(v[0], idx(reg, "test-old-company"));
	t = govmap_report_get_totals(r);
	ck_assert_uint_eq(t->with_money, 0); /* no figure for 2019/20 */
	ck_assert_str_eq(govmap_report_coverage_text(t, buf, sizeof buf),
			 "no money recorded for any of 4 bodies");
	/* ... but the council and the trust have figures for other years:
	 * said, and the years with most figures named (the trust's two
	 * figures for 2023/24 count once) */
	ck_assert_uint_eq(t->unknown_other_year, 2);
	ck_assert_int_eq(t->years[0], 2024);
	ck_assert_uint_eq(t->years_bodies[0], 2);
	ck_assert_int_eq(t->years[1], 2023);
	ck_assert_uint_eq(t->years_bodies[1], 1);
	ck_assert_int_eq(t->years[2], 0);
	ck_assert_str_eq(govmap_report_years_text(t, 2019, buf, sizeof buf),
			 "2 of the 4 bodies with no figure for 2019/20 have "
			 "one for another year; most figures are for 2024/25 "
			 "(2 bodies), then 2023/24 (1)");
	/* a short buffer is cut, never overrun */
	char small[24];
	ck_assert_uint_eq(strlen(govmap_report_years_text(t, 2019, small,
							  sizeof small)),
			  sizeof small - 1);
	govmap_report_free(r);
	govmap_analysis_free(an);
	/* with the nearest year, those figures are used: nothing to say */
	govmap_analysis_opts no = {20200101, NULL, NULL,
				   GOVMAP_MONEY_NEAREST_YEAR, NULL};
	ck_assert_int_eq(govmap_analyse(&an, reg, &no), GOVMAP_OK);
	ck_assert_int_eq(govmap_report_build(&r, an, NULL, &o), GOVMAP_OK);
	t = govmap_report_get_totals(r);
	ck_assert_uint_eq(t->with_money, 2);
	ck_assert_uint_eq(t->unknown_other_year, 0);
	ck_assert_str_eq(govmap_report_years_text(t, 2019, buf, sizeof buf),
			 "");
	govmap_report_free(r);
	govmap_analysis_free(an);
	/* the year of the date: the panel and the partnership have no
	 * figure for any year, so nothing is said though the trust's
	 * 2023/24 figures are counted among the years */
	an = analyse_on(reg, ON);
	ck_assert_int_eq(govmap_report_build(&r, an, NULL, &o), GOVMAP_OK);
	t = govmap_report_get_totals(r);
	ck_assert_uint_eq(t->unknown_other_year, 0);
	ck_assert_int_eq(t->years[0], 2023);
	ck_assert_str_eq(govmap_report_years_text(t, 2024, buf, sizeof buf),
			 "");
	govmap_report_free(r);
	govmap_analysis_free(an);
	govmap_registry_free(reg);
}
END_TEST

/* report --sensitivity varies the weights in use: around a manifest's
 * override, not around the documented weights (fixture
 * weights-sensitivity, README.md) */
START_TEST(sensitivity_around_weights)
{
	govmap_registry *reg = load_fixture("weights-sensitivity");
	const govmap_variant *w = govmap_registry_weights(reg);
	ck_assert_ptr_nonnull(w);
	ck_assert_double_eq_tol(w->powers, 1.5, TOL);

	/* the composition: factors multiply; the chain variation flips */
	size_t nv;
	const govmap_variant *var = govmap_sensitivity_variants(&nv);
	govmap_variant a = govmap_variant_around(w, &var[2]);
	ck_assert_str_eq(a.name, "powers weights +25%");
	ck_assert_double_eq_tol(a.powers, 1.875, TOL);
	ck_assert_double_eq_tol(a.basis, 1.0, TOL);
	govmap_variant wl = *w;
	wl.weakest_link = true;
	a = govmap_variant_around(&wl, &var[10]);
	ck_assert(!a.weakest_link);
	ck_assert_str_eq(a.name, "chain = the product of its links");
	a = govmap_variant_around(NULL, &var[10]);
	ck_assert(a.weakest_link);

	govmap_analysis *an = NULL;
	govmap_analysis_opts o = {ON, NULL, NULL, 0, w};
	ck_assert_int_eq(govmap_analyse(&an, reg, &o), GOVMAP_OK);
	ck_assert_double_eq_tol(sc(an, "test-x")->A, 0.405, TOL);
	ck_assert_double_eq_tol(sc(an, "test-y")->A, 0.45, TOL);
	for (int around = 0; around < 2; around++) {
		govmap_report *r = NULL;
		ck_assert_int_eq(govmap_report_build(&r, an, NULL, NULL),
				 GOVMAP_OK);
		govmap_analysis_opts bo = {0, NULL, NULL, 0,
					   around ? w : NULL};
		ck_assert_int_eq(govmap_report_sensitivity(r, &bo), GOVMAP_OK);
		size_t n;
		const size_t *v = govmap_report_by_exposure(r, &n);
		ck_assert_uint_eq(n, 2);
		ck_assert_uint_eq(v[0], idx(reg, "test-x"));
		const govmap_rank_range *rr =
			govmap_report_ranks(r, GOVMAP_RANKING_EXPOSURE, &n);
		ck_assert_uint_eq(n, 2);
		/* around the override "powers +25%" swaps them; around the
		 * documented weights nothing does */
		ck_assert_uint_eq(rr[0].best, 1);
		ck_assert_uint_eq(rr[0].worst, around ? 2 : 1);
		ck_assert_uint_eq(rr[1].best, around ? 1 : 2);
		ck_assert_uint_eq(rr[1].worst, 2);
		govmap_report_free(r);
	}
	govmap_analysis_free(an);
	govmap_registry_free(reg);
}
END_TEST

/* ---- (i) contracts: a chain to the commissioner, money, rules ------- */

static govmap_registry *load_contracts(void)
{
	/* the england-ics plugin declares foundation-trust */
	static const char *const bodies[] = {"foundation-trust", NULL};
	govmap_load_opts o = {0};
	o.extra_body_types = bodies;
	return load_fixture_with("contracts", &o);
}

START_TEST(contracts_scores)
{
	govmap_registry *reg = load_contracts();
	govmap_analysis *an = analyse_on(reg, ON);
	/* 0.9 (step) x 0.7 (contract) x 1.0 (all powers) x 0.7 (type
	 * commissioned-by) = 0.441, after the council's 0.9 */
	ASSERT_SCORE(an, "test-council", 0.9, 0.1, 30000000.0, 1);
	ASSERT_SCORE(an, "test-provider-known", 0.3969, 0.6031, 6031000.0, 2);
	ASSERT_SCORE(an, "test-provider-2013", 0.3969, 0.6031, 1206200.0, 2);
	ASSERT_SCORE(an, "test-provider-unknown", 0.3969, 0.6031, 0, 2);
	ASSERT_SCORE(an, "test-provider-expired", 0, 1, 0, 0);
	ASSERT_SCORE(an, "test-provider-undated", 0, 1, 0, 0);
	ASSERT_SCORE(an, "test-ft-bare", 0.23814, 0.76186, 0, 2);
	ASSERT_SCORE(an, "test-trust-alone", 0, 1, 0, 0);
	/* the chain runs through the contract */
	const govmap_score *k = sc(an, "test-provider-known");
	const govmap_edge *e = edge_at(an, k->next);
	ck_assert_int_eq(e->kind, GOVMAP_EDGE_CONTRACT);
	ck_assert_int_eq(e->link, (int32_t)idx(reg, "test-contract-known"));
	ck_assert_int_eq(e->to, (int32_t)idx(reg, "test-council"));
	ck_assert_double_eq_tol(e->strength, 0.441, TOL);
	ck_assert_double_eq_tol(e->strength_high, 0.441, TOL);
	ck_assert_double_eq_tol(k->A_high, k->A, TOL);
	char why[200];
	ck_assert_double_eq_tol(
		govmap_analysis_contract_strength(
			an, govmap_registry_find(reg, "test-contract-known"),
			why, sizeof why),
		0.441, TOL);
	ck_assert_str_eq(why, "step 0.90 x basis contract 0.70 x powers 1.00 "
			      "x type commissioned-by 0.70 = 0.441");
	ck_assert_str_eq(govmap_analysis_reason(an, idx(reg, "test-provider-known"),
						why, sizeof why),
			 "by contract; its commissioner can impose "
			 "consequences; 2 links from voters");
	/* money: the contract's value for the year, marked as such */
	ck_assert_int_eq(k->money, 10000000);
	ck_assert_int_eq(k->money_year, 2024);
	ck_assert_int_eq(k->money_kind, GOVMAP_MONEY_CONTRACT_VALUE);
	ck_assert(k->money_from_contracts);
	ck_assert_uint_eq(k->contracts, 1);
	ck_assert_uint_eq(k->contracts_unvalued, 0);
	char buf[160];
	ck_assert_str_eq(govmap_score_money_text(k, buf, sizeof buf),
			 "\xc2\xa3" "10m (2024/25 contract value: 1 contract "
			 "in force)");
	/* an unknown value stays unknown: never £0 */
	const govmap_score *u = sc(an, "test-provider-unknown");
	ck_assert_int_eq(u->money, -1);
	ck_assert(!u->money_from_contracts);
	ck_assert_uint_eq(u->contracts, 1);
	ck_assert_uint_eq(u->contracts_unvalued, 1);
	/* an expired contract: no edge, no money, though it has a 2024/25
	 * figure; a contract with no term: dates not known */
	ck_assert(!sc(an, "test-contract-expired")->active);
	ck_assert(!sc(an, "test-contract-expired")->dates_unknown);
	ck_assert_int_eq(sc(an, "test-provider-expired")->money, -1);
	ck_assert_uint_eq(sc(an, "test-provider-expired")->contracts, 0);
	ck_assert(!sc(an, "test-contract-undated")->active);
	ck_assert(sc(an, "test-contract-undated")->dates_unknown);
	ck_assert_int_eq(sc(an, "test-provider-undated")->money, -1);
	ck_assert_int_eq(edge_of(an, GOVMAP_EDGE_CONTRACT, "test-provider-expired",
				 "test-council", -1),
			 -1);
	/* the commissioner's own money is its own */
	ck_assert_int_eq(sc(an, "test-council")->money, 300000000);
	ck_assert(!sc(an, "test-council")->money_from_contracts);
	govmap_analysis_free(an);

	/* on the contract's last day it is in force; the day after, not */
	an = analyse_on(reg, 20250331);
	ck_assert(sc(an, "test-contract-known")->active);
	ck_assert_double_eq_tol(sc(an, "test-provider-known")->A, 0.3969, TOL);
	govmap_analysis_free(an);
	an = analyse_on(reg, 20250401);
	ck_assert(!sc(an, "test-contract-known")->active);
	ck_assert_double_eq_tol(sc(an, "test-provider-known")->A, 0, TOL);
	govmap_analysis_free(an);
	govmap_registry_free(reg);
}
END_TEST

START_TEST(contracts_weights)
{
	govmap_registry *reg = load_contracts();
	size_t nv;
	const govmap_variant *v = govmap_sensitivity_variants(&nv);
	/* every group the contract's strength is made of moves it */
	static const struct {
		const char *name;
		double strength;
	} want[] = {
		{"basis weights +25%", 0.9 * 0.875 * 1.0 * 0.7},
		{"powers weights -25%", 0.9 * 0.7 * 0.75 * 0.7},
		{"type weights +25%", 0.9 * 0.7 * 1.0 * 0.875},
		{"step weight -25%", 0.675 * 0.7 * 1.0 * 0.7},
		{"seat fill weights +25%", 0.441},
	};
	for (size_t w = 0; w < sizeof want / sizeof *want; w++) {
		const govmap_variant *x = NULL;
		for (size_t i = 0; i < nv; i++)
			if (strcmp(v[i].name, want[w].name) == 0)
				x = &v[i];
		ck_assert_ptr_nonnull(x);
		govmap_analysis *an = NULL;
		govmap_analysis_opts o = {ON, NULL, NULL, 0, x};
		ck_assert_int_eq(govmap_analyse(&an, reg, &o), GOVMAP_OK);
		const govmap_edge *e =
			edge_at(an, sc(an, "test-provider-known")->next);
		ck_assert_int_eq(e->kind, GOVMAP_EDGE_CONTRACT);
		ck_assert_msg(fabs(e->strength - want[w].strength) < TOL,
			      "%s: %f, want %f", want[w].name, e->strength,
			      want[w].strength);
		govmap_analysis_free(an);
	}
	govmap_registry_free(reg);
}
END_TEST

START_TEST(contracts_status_and_regime)
{
	govmap_entity c;
	memset(&c, 0, sizeof c);
	c.kind = GOVMAP_KIND_CONTRACT;
	c.start = 20240401;
	c.end = 20250331;
	ck_assert_int_eq(govmap_contract_status(&c, 20240331), GOVMAP_NO);
	ck_assert_int_eq(govmap_contract_status(&c, 20240401), GOVMAP_YES);
	ck_assert_int_eq(govmap_contract_status(&c, 20250331), GOVMAP_YES);
	ck_assert_int_eq(govmap_contract_status(&c, 20250401), GOVMAP_NO);
	/* a term not recorded: not known, never in force */
	c.end = 0;
	ck_assert_int_eq(govmap_contract_status(&c, 20240601), GOVMAP_UNKNOWN);
	ck_assert_int_eq(govmap_contract_status(&c, 20240301), GOVMAP_NO);
	c.start = 0;
	c.end = 20200823;
	ck_assert_int_eq(govmap_contract_status(&c, 20200601), GOVMAP_UNKNOWN);
	ck_assert_int_eq(govmap_contract_status(&c, 20200824), GOVMAP_NO);
	/* `valid` still counts: an unknown end leaves it open */
	c.start = 20240401;
	c.end = 20250331;
	c.valid.to = GOVMAP_DATE_UNKNOWN;
	ck_assert_int_eq(govmap_contract_status(&c, 20240601), GOVMAP_UNKNOWN);
	c.valid.to = 20240501;
	ck_assert_int_eq(govmap_contract_status(&c, 20240601), GOVMAP_NO);
	/* any other kind: its period */
	c.kind = GOVMAP_KIND_LINK;
	c.valid.to = 0;
	ck_assert_int_eq(govmap_contract_status(&c, 20300101), GOVMAP_YES);

	govmap_registry *reg = load_contracts();
	static const struct {
		const char *id;
		govmap_regime r;
		const char *name;
	} want[] = {
		{"test-contract-unknown", GOVMAP_REGIME_PSR, "psr-2023"},
		{"test-contract-known", GOVMAP_REGIME_PSR, "psr-2023"},
		{"test-contract-2013", GOVMAP_REGIME_NHS_2013, "nhs-2013"},
		{"test-contract-expired", GOVMAP_REGIME_NHS_2013, "nhs-2013"},
		{"test-contract-undated", GOVMAP_REGIME_START_NOT_KNOWN,
		 "start-not-known"},
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		govmap_regime r = govmap_contract_regime(
			reg, govmap_registry_find(reg, want[i].id));
		ck_assert_msg(r == want[i].r, "%s: regime %d", want[i].id, r);
		ck_assert_str_eq(govmap_regime_name(r), want[i].name);
	}
	ck_assert_int_eq(govmap_contract_regime(reg, govmap_registry_find(
							     reg, "test-council")),
			 GOVMAP_REGIME_OTHER);
	/* commissioners: the contract's, in force; a link in force */
	bool com[64], com19[64];
	ck_assert_uint_le(govmap_registry_count(reg), 64);
	govmap_registry_commissioned(reg, ON, com);
	govmap_registry_commissioned(reg, 20190101, com19);
	ck_assert(com[idx(reg, "test-provider-known")]);
	ck_assert(com[idx(reg, "test-provider-undated")]);
	ck_assert(!com[idx(reg, "test-provider-expired")]);
	ck_assert(com[idx(reg, "test-ft-bare")]);
	ck_assert(!com19[idx(reg, "test-ft-bare")]);
	ck_assert(!com[idx(reg, "test-trust-alone")]);
	ck_assert(!com[idx(reg, "test-council")]);
	govmap_registry_free(reg);
}
END_TEST

#define CR_SRC "sources:\n  - url: https://example.org/c\n    title: c\n    accessed: 2024-05-01\n"
#define CR_YAML(region, start)                                              \
	"kind: body\nid: b\nname: B\ntype: local-authority\nregion: " region \
	"\n" CR_SRC "---\nkind: body\nid: p\nname: P\ntype: company\n"       \
	"region: " region "\nvalid: {from: 2000-01-01}\n" CR_SRC              \
	"---\nkind: contract\nid: k\nname: K\ncommissioner: b\nprovider: p\n" \
	"start: " start "\nend: 2030-03-31\ntendered: false\n" CR_SRC

START_TEST(contracts_regime_other)
{
	/* outside England, or before the 2013 regulations: neither NHS
	 * regime, the general wording */
	static const char *const yaml[] = {CR_YAML("wales", "2024-04-01"),
					   CR_YAML("england", "2012-04-01")};
	for (size_t i = 0; i < 2; i++) {
		govmap_diags d = {0};
		int rc;
		char sub[16];
		snprintf(sub, sizeof sub, "other%zu", i);
		govmap_registry *reg = th_load_files(sub, NULL, &d, &rc,
						     "c.yaml", yaml[i], NULL);
		ck_assert_msg(rc == GOVMAP_OK && d.count[GOVMAP_SEV_ERROR] == 0,
			      "rc %d%s", rc, th_dump(&d));
		govmap_diags_free(&d);
		ck_assert_int_eq(govmap_contract_regime(
					 reg, govmap_registry_find(reg, "k")),
				 GOVMAP_REGIME_OTHER);
		govmap_analysis *an = analyse_on(reg, ON);
		govmap_findings f;
		findings_of(an, &f);
		const govmap_finding *x =
			the_finding(an, &f, "core/untendered-contract", "k");
		ck_assert_str_eq(x->msg, "contract 'K' from B was awarded "
					 "without a tender");
		ck_assert_str_eq(x->basis, "Public Contracts Regulations 2015 "
					   "(SI 2015/102); Procurement Act 2023");
		govmap_findings_free(&f);
		govmap_analysis_free(an);
		govmap_registry_free(reg);
	}
}
END_TEST

START_TEST(contracts_rules)
{
	govmap_registry *reg = load_contracts();
	govmap_analysis *an = analyse_on(reg, ON);
	govmap_findings f;
	findings_of(an, &f);
	/* untendered: one per regime, not the expired contract */
	ck_assert_uint_eq(count_rule(&f, "core/untendered-contract"), 3);
	int seen[3] = {0};
	for (size_t i = 0; i < f.n; i++) {
		const govmap_finding *x = &f.v[i];
		if (strcmp(x->rule, "core/untendered-contract") != 0)
			continue;
		ck_assert_int_ne(x->entity,
				 (int32_t)idx(reg, "test-contract-expired"));
		if (x->entity == (int32_t)idx(reg, "test-contract-unknown")) {
			seen[0]++;
			ck_assert_ptr_nonnull(strstr(x->basis, "SI 2023/1348"));
			ck_assert_ptr_nonnull(strstr(x->msg, "started on "
							     "2024-04-01, under "
							     "the Provider "
							     "Selection Regime"));
			ck_assert_ptr_nonnull(strstr(x->msg, "Direct Award "
							     "Process A, B or C"));
		} else if (x->entity == (int32_t)idx(reg, "test-contract-2013")) {
			seen[1]++;
			ck_assert_ptr_nonnull(strstr(x->basis, "SI 2013/500"));
			ck_assert_ptr_null(strstr(x->basis, "SI 2023/1348"));
			ck_assert_ptr_nonnull(strstr(x->msg, "started on "
							     "2019-04-01, under "
							     "the NHS procurement "
							     "regulations of "
							     "2013"));
		} else {
			ck_assert_int_eq(x->entity,
					 (int32_t)idx(reg, "test-contract-undated"));
			seen[2]++;
			ck_assert_ptr_nonnull(strstr(x->msg, "its start date is "
							     "not recorded"));
		}
	}
	ck_assert(seen[0] == 1 && seen[1] == 1 && seen[2] == 1);
	/* the foundation trust with no council of governors, not the one
	 * whose council is recorded with dates not known */
	const govmap_finding *g = the_finding(an, &f, "core/governors-not-recorded",
					      "test-ft-bare");
	ck_assert_int_eq(rule_category("core/governors-not-recorded"),
			 GOVMAP_CAT_COVERAGE);
	ck_assert_int_eq(g->sev, GOVMAP_SEV_INFO);
	ck_assert_str_eq(g->msg, "no council of governors of Test Bare NHS "
				 "Foundation Trust is recorded: the governors "
				 "its members elect appoint its chair and "
				 "non-executive directors, so its chain through "
				 "its members cannot be scored");
	/* no commissioner: the lone trust only (the providers' contracts
	 * name theirs; the expired provider is no longer a provider) */
	const govmap_finding *c = the_finding(an, &f, "core/no-commissioner",
					      "test-trust-alone");
	ck_assert_int_eq(rule_category("core/no-commissioner"),
			 GOVMAP_CAT_COVERAGE);
	ck_assert_str_eq(c->msg, "no commissioner of Test Alone NHS Trust is "
				 "recorded on this date: no commissioned-by "
				 "link in force and no contract naming it as "
				 "provider");
	/* a contract is a forum that can sanction: no core/no-sanction on
	 * the providers, only on the trusts whose link cannot */
	ck_assert_uint_eq(count_rule(&f, "core/no-sanction"), 2);
	for (size_t i = 0; i < f.n; i++)
		if (strcmp(f.v[i].rule, "core/no-sanction") == 0)
			ck_assert(f.v[i].entity == (int32_t)idx(reg, "test-ft-bare") ||
				  f.v[i].entity == (int32_t)idx(reg, "test-ft-governed"));
	ck_assert_uint_eq(count_rule(&f, "core/no-chain"), 3);
	ck_assert_msg(f.n == 10, "findings:%s", dump_findings(&f));
	govmap_findings_free(&f);

	/* the report: contract money counted apart, never added */
	govmap_report *r = NULL;
	ck_assert_int_eq(rule_category("core/untendered-contract"),
			 GOVMAP_CAT_DEFICIT);
	ck_assert_int_eq(govmap_report_build(&r, an, NULL, NULL), GOVMAP_OK);
	const govmap_report_totals *t = govmap_report_get_totals(r);
	ck_assert_uint_eq(t->bodies, 9);
	ck_assert_uint_eq(t->with_money, 1);
	ck_assert_double_eq_tol(t->money, 300000000.0, TOL);
	ck_assert_double_eq_tol(t->exposure, 30000000.0, 1e-3);
	ck_assert_uint_eq(t->money_unknown, 6);
	ck_assert_uint_eq(t->contract_bodies, 2);
	ck_assert_double_eq_tol(t->contract_money, 12000000.0, TOL);
	ck_assert_double_eq_tol(t->contract_exposure, 7237200.0, 1e-3);
	ck_assert_uint_eq(t->weak_contract_bodies, 0);
	char buf[320];
	ck_assert_str_eq(govmap_report_coverage_text(t, buf, sizeof buf),
			 "\xc2\xa3" "300m known, for 1 of 7 bodies; 6 not "
			 "recorded; and \xc2\xa3" "12m held by 2 providers "
			 "under contracts, inside their commissioners' money, "
			 "not added");
	size_t n;
	const size_t *v = govmap_report_by_exposure(r, &n);
	ck_assert_uint_eq(n, 3);
	ck_assert_uint_eq(v[0], idx(reg, "test-council"));
	ck_assert_uint_eq(v[1], idx(reg, "test-provider-known"));
	ck_assert_uint_eq(v[2], idx(reg, "test-provider-2013"));
	govmap_report_free(r);
	govmap_analysis_free(an);
	govmap_registry_free(reg);
}
END_TEST

/* A rule's message names entities by id; govmap_msg_next splits it into
 * text and the bodies and boards it names (with their quotes), and
 * govmap_msg_names writes them as names.  Ids of links, unknown ids,
 * parts of longer words and ids running on into a capital stay text. */
START_TEST(report_msg_names)
{
	const char *yaml =
		"kind: body\nid: test-icb\nname: NHS Test ICB\ntype: icb\n"
		"region: england/testshire\n" SRC
		"---\nkind: body\nid: test-council\nname: Test Council (test-icb)\n"
		"type: local-authority\nregion: england/testshire\n" SRC
		"---\nkind: board\nid: test-icb-board\nname: The Board\n"
		"of: test-icb\n" SRC
		"---\nkind: link\nid: test-icb-link\nfrom: test-icb\n"
		"to: test-council\ntype: scrutinised-by\nbasis: statute\n"
		"powers: [inform]\n" SRC;
	govmap_diags d = {0};
	int rc;
	govmap_registry *reg = th_load_files(NULL, NULL, &d, &rc, "a.yaml",
					     yaml, NULL);
	ck_assert_msg(reg && rc == GOVMAP_OK, "rc %d%s", rc, th_dump(&d));
	int32_t icb = govmap_registry_index(reg, "test-icb");
	int32_t board = govmap_registry_index(reg, "test-icb-board");
	ck_assert_int_ge(icb, 0);
	ck_assert_int_ge(board, 0);

	/* the pieces: text, a quoted body (quotes in its span), text, an
	 * unquoted board, text to the end */
	const char *msg = "ICB 'test-icb' has test-icb-board, see 'test-icb-link'";
	const char *cur = msg;
	govmap_msg_span sp;
	ck_assert_int_eq(govmap_msg_next(reg, &cur, &sp), 1);
	ck_assert_int_eq(sp.entity, -1);
	ck_assert_uint_eq(sp.len, 4);
	ck_assert(sp.text == msg);
	ck_assert_int_eq(govmap_msg_next(reg, &cur, &sp), 1);
	ck_assert_int_eq(sp.entity, icb);
	ck_assert_uint_eq(sp.len, strlen("'test-icb'"));
	ck_assert(sp.text == msg + 4);
	ck_assert_int_eq(govmap_msg_next(reg, &cur, &sp), 1);
	ck_assert_int_eq(sp.entity, -1);
	ck_assert_uint_eq(sp.len, strlen(" has "));
	ck_assert_int_eq(govmap_msg_next(reg, &cur, &sp), 1);
	ck_assert_int_eq(sp.entity, board);
	ck_assert_uint_eq(sp.len, strlen("test-icb-board"));
	ck_assert_int_eq(govmap_msg_next(reg, &cur, &sp), 1);
	ck_assert_int_eq(sp.entity, -1);
	ck_assert_str_eq(sp.text, ", see 'test-icb-link'");
	ck_assert_uint_eq(sp.len, strlen(sp.text));
	ck_assert_int_eq(govmap_msg_next(reg, &cur, &sp), 0);
	ck_assert_int_eq(govmap_msg_next(reg, &cur, &sp), 0);

	char *m = govmap_msg_names(reg, msg);
	ck_assert_str_eq(m, "ICB NHS Test ICB has The Board, see "
			    "'test-icb-link'");
	free(m);
	/* a message that starts with an id; one quote only keeps it; a
	 * name holding an id is not read again */
	m = govmap_msg_names(reg, "test-council: 'test-icb, test-icb'");
	ck_assert_str_eq(m, "Test Council (test-icb): 'NHS Test ICB, NHS "
			    "Test ICB'");
	free(m);
	/* not ids: unknown, inside a longer word, running on into a
	 * capital or a hyphen, a hyphen at either end */
	const char *plain = "no-such-body xtest-icb test-icbX test-icb- "
			    "-test-icb Test-icb";
	m = govmap_msg_names(reg, plain);
	ck_assert_str_eq(m, "no-such-body xtest-icb test-icbX test-icb- "
			    "-test-icb Test-icb");
	free(m);
	cur = plain;
	ck_assert_int_eq(govmap_msg_next(reg, &cur, &sp), 1);
	ck_assert_int_eq(sp.entity, -1);
	ck_assert_uint_eq(sp.len, strlen(plain));
	/* empty and NULL messages: no pieces */
	m = govmap_msg_names(reg, "");
	ck_assert_str_eq(m, "");
	free(m);
	ck_assert_ptr_null(govmap_msg_names(reg, NULL));
	cur = NULL;
	ck_assert_int_eq(govmap_msg_next(reg, &cur, &sp), 0);
	cur = "";
	ck_assert_int_eq(govmap_msg_next(reg, &cur, &sp), 0);
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

Suite *analysis_suite(void)
{
	Suite *s = suite_create("analysis");
	TCase *tc = tcase_create("weights");
	tcase_add_test(tc, board_answers_through);
	tcase_add_test(tc, weights_basis);
	tcase_add_test(tc, weights_powers);
	tcase_add_test(tc, weights_types);
	tcase_add_test(tc, weights_why);
	tcase_add_test(tc, weights_seats);
	tcase_add_test(tc, unstated_seats);
	tcase_add_test(tc, unstated_members_interval);
	tcase_set_timeout(tc, TH_TIMEOUT);
	suite_add_tcase(s, tc);

	tc = tcase_create("scores");
	tcase_add_test(tc, chain_scores);
	tcase_add_test(tc, chain_edges);
	tcase_add_test(tc, chain_best_change);
	tcase_add_test(tc, chain_findings);
	tcase_add_test(tc, chain_type_weight);
	tcase_add_test(tc, widest_not_shortest);
	tcase_add_test(tc, widest_tie_shorter);
	tcase_add_test(tc, nochain);
	tcase_add_test(tc, board_seats_scores);
	tcase_add_test(tc, board_seats_edges);
	tcase_add_test(tc, board_seats_best_change_findings);
	tcase_add_test(tc, seats_same_body_one_edge);
	tcase_add_test(tc, joint_board);
	tcase_add_test(tc, dates_link_ends);
	tcase_add_test(tc, dates_body_starts);
	tcase_add_test(tc, money_series_by_year);
	tcase_add_test(tc, period_unknown_dates);
	tcase_add_test(tc, period_bounded_start);
	tcase_add_test(tc, honest_intervals_words_report);
	tcase_add_test(tc, exposure_scores);
	tcase_add_test(tc, deterministic);
	tcase_add_test(tc, patch_matches_whole);
	tcase_set_timeout(tc, TH_TIMEOUT);
	suite_add_tcase(s, tc);

	tc = tcase_create("rules");
	th_add_tmp_fixtures(tc);
	tcase_add_test(tc, rules_each_once);
	tcase_add_test(tc, rules_stale_boundary);
	tcase_add_test(tc, report_msg_names);
	tcase_add_test(tc, rules_none_fire);
	tcase_add_test(tc, rules_sock_puppet_variants);
	tcase_add_test(tc, rules_sanction_wording);
	tcase_add_test(tc, rules_statutory_and_scrutiny_variants);
	tcase_add_test(tc, honest_numbers_model);
	tcase_add_test(tc, sensitivity_around_weights);
	tcase_set_timeout(tc, TH_TIMEOUT);
	suite_add_tcase(s, tc);

	tc = tcase_create("contracts");
	th_add_tmp_fixtures(tc);
	tcase_add_test(tc, contracts_scores);
	tcase_add_test(tc, contracts_weights);
	tcase_add_test(tc, contracts_status_and_regime);
	tcase_add_test(tc, contracts_regime_other);
	tcase_add_test(tc, contracts_rules);
	tcase_add_test(tc, patch_ties_and_providers);
	tcase_set_timeout(tc, TH_TIMEOUT);
	suite_add_tcase(s, tc);

	/* the project's registry loaded (a minute under valgrind) */
	tc = tcase_create("patch-registry");
	tcase_add_test(tc, patch_matches_whole_registry);
	tcase_set_timeout(tc, 8 * TH_TIMEOUT);
	suite_add_tcase(s, tc);
	return s;
}
