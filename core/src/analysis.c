/*
 * analysis.c - the accountability graph, widest-path scores and the core
 * rules.
 *
 * Owns the deficit model: the weights (all in this file, documented in
 * CONTRIBUTING.md "The deficit model"), the graph built from links, boards
 * and seats valid on the evaluation date, the strongest chain from every
 * body to an electorate, exposure, and the core rules' findings.  It reads
 * the registry and never changes it; it does not print or draw.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "govmap/analysis.h"
#include "analysis_impl.h"
#include "registry_impl.h"
#include "util.h"

/* An entry of the widest-path search: a node reached with log A `a` in
 * `hops` links. */
typedef struct {
	double a;
	uint32_t hops;
	int32_t node;
} heap_item;

/* What one widest-path search leaves behind for govmap__analysis_patch:
 * its graph's edges grouped by `to`, every node's log A, and the entries
 * it took from its heap, in the order it took them. */
typedef struct {
	double *la;        /* n + 1: log A, -inf for none */
	size_t *in_start;  /* n + 1 offsets into in_idx */
	uint32_t *in_idx;  /* edge indices (edge_at) grouped by `to` */
	size_t nin;        /* edges in the search */
	heap_item *log;    /* the entries taken, in order */
	size_t nlog;
} search_rec;

struct govmap_analysis {
	const govmap_registry *reg;
	govmap_date on;
	govmap_type_weight_fn weight; /* plugins' type weights, or NULL */
	void *weight_payload;
	unsigned money_how;    /* GOVMAP_MONEY_THIS_YEAR or _NEAREST_YEAR */
	int high;              /* widest_paths over strength_high */
	govmap_variant v;      /* the model's variation (all 1: none) */
	govmap_score *scores;  /* one per entity */
	govmap_edge *edges;
	size_t nedges, capedges;
	uint32_t *out_idx;     /* edges grouped by `from` */
	size_t *out_start;     /* n + 1 offsets into out_idx */
	size_t unstated_from;  /* the first best-case-only edge */
	/* for govmap__analysis_patch: the best-case-only edges (edge k >=
	 * unstated_from is xedges[k - unstated_from]), the two searches
	 * (rec[0] the best case, rec[1] the scores; rec[1] is not run when
	 * `same`), how many edges have strength_high != strength, marks
	 * (n, all 0 between patches), and the last patch's entities with
	 * their scores before it */
	govmap_edge *xedges;
	size_t nx;
	search_rec rec[2];
	int same;
	size_t nhigh;
	unsigned char *mark;
	int32_t *touched;
	govmap_score *was;
	size_t ntouched;
};

/* ---- weights: the one place they live ---- */

/* A membership (an NHS foundation trust's public and staff members)
 * elects governors as an electorate elects councillors, but it is a
 * self-selected part of the public, not the public: its root counts
 * half (CONTRIBUTING.md, "The deficit model"). */
#define MEMBERSHIP_ROOT 0.5

static int is_governing_board(const govmap_entity *b);

int32_t govmap_analysis_answers_through(const govmap_analysis *an, size_t i)
{
	const govmap_entity *b = govmap_registry_at(an->reg, i);
	if (b->kind != GOVMAP_KIND_BOARD || !is_governing_board(b))
		return -1;
	size_t no, ne;
	const govmap_edge *edges = govmap_analysis_edges(an, &ne);
	const uint32_t *out = govmap_analysis_out(an, i, &no);
	for (size_t k = 0; out && k < no; k++)
		if (edges[out[k]].kind == GOVMAP_EDGE_BOARD_OF)
			return edges[out[k]].to;
	return -1;
}

/* The stages i's own links and contracts carry. */
static unsigned own_stages(const govmap_analysis *an, size_t i)
{
	size_t no, ne;
	unsigned p = 0;
	const govmap_edge *edges = govmap_analysis_edges(an, &ne);
	const uint32_t *out = govmap_analysis_out(an, i, &no);
	for (size_t k = 0; out && k < no; k++) {
		const govmap_edge *e = &edges[out[k]];
		if (e->kind == GOVMAP_EDGE_LINK)
			p |= govmap_registry_at(an->reg, (size_t)e->link)->powers;
		else if (e->kind == GOVMAP_EDGE_CONTRACT)
			/* a contract's commissioner can ask, question and
			 * end it */
			p |= GOVMAP_POWER_INFORM | GOVMAP_POWER_QUESTION |
			     GOVMAP_POWER_SANCTION;
	}
	return p;
}

unsigned govmap_analysis_stages(const govmap_analysis *an, size_t i)
{
	/* a governing board answers through its body: the forums that
	 * question the body question its board (it was "no forum has any
	 * power over it" for every board, beside a chain through a body
	 * that a forum can sanction).  One step: the body's own stages. */
	int32_t body = govmap_analysis_answers_through(an, i);
	return own_stages(an, i) |
	       (body >= 0 ? own_stages(an, (size_t)body) : 0u);
}

const char *govmap_strength_word(double A)
{
	return A >= 0.7   ? "strong"
	       : A >= 0.4 ? "moderate"
	       : A >= 0.2 ? "weak"
	       : A > 0    ? "very weak"
			  : "none";
}

const char *govmap_score_A_text(const govmap_score *sc, int digits,
				char *buf, size_t size)
{
	if (sc->A_high - sc->A > GOVMAP_INTERVAL_SHOWN)
		snprintf(buf, size, "%.*f to %.*f", digits, sc->A, digits,
			 sc->A_high);
	else
		snprintf(buf, size, "%.*f", digits, sc->A);
	return buf;
}

/* "statutory; can question but not sanction" for a link. */
static void link_phrase(const govmap_entity *l, char *buf, size_t size)
{
	static const char *const basis[] = {
		"basis not recorded", "statutory", "by regulation",
		"by contract", "by guidance only", "voluntary", "no basis"};
	unsigned p = l->powers;
	const char *pw = !p ? "powers not recorded"
			 : (p & GOVMAP_POWER_SANCTION)
				 ? "can impose consequences"
			 : (p & GOVMAP_POWER_QUESTION)
				 ? "can question but not sanction"
				 : "is informed only: no questions, no sanction";
	snprintf(buf, size, "%s; %s",
		 (unsigned)l->basis <= GOVMAP_BASIS_NONE ? basis[l->basis] : "?",
		 pw);
}

const char *govmap_analysis_reason(const govmap_analysis *an, size_t i,
				   char *buf, size_t size)
{
	const govmap_entity *e = govmap_registry_at(an->reg, i);
	const govmap_score *s = &an->scores[i];
	if (s->electorate) {
		snprintf(buf, size, "%s",
			 govmap_root_weight(e) < 1
				 ? "a membership: its members elect, but are "
				   "not the public"
				 : "the voters themselves");
		return buf;
	}
	if (!s->active) {
		snprintf(buf, size, "not in force on this date");
		return buf;
	}
	if (s->next < 0) {
		snprintf(buf, size, "no chain to voters recorded");
		return buf;
	}
	/* the weakest step of the best chain says most about it */
	const govmap_edge *weak = NULL;
	int32_t at = (int32_t)i;
	for (uint32_t h = 0; h < s->hops && at >= 0; h++) {
		int32_t k = an->scores[at].next;
		if (k < 0)
			break;
		const govmap_edge *ed = &an->edges[k];
		if (!weak || ed->strength < weak->strength)
			weak = ed;
		at = ed->to;
	}
	char what[200] = "";
	if (weak && weak->kind == GOVMAP_EDGE_CONTRACT)
		snprintf(what, sizeof what, "by contract; its commissioner "
					    "can impose consequences");
	else if (weak && weak->kind == GOVMAP_EDGE_LINK)
		link_phrase(govmap_registry_at(an->reg, (size_t)weak->link),
			    what, sizeof what);
	else if (weak && weak->kind == GOVMAP_EDGE_SEAT)
		snprintf(what, sizeof what, "weakest step: %s seats",
			 govmap_fill_name(govmap_registry_at(an->reg,
							     (size_t)weak->from)
						  ->seats[weak->seat]
						  .fill));
	else if (weak && weak->kind == GOVMAP_EDGE_JOINT)
		snprintf(what, sizeof what, "weakest step: a joint board "
					    "shared by several bodies");
	else
		snprintf(what, sizeof what, "through its board");
	snprintf(buf, size, "%s; %u link%s from voters", what, s->hops,
		 s->hops == 1 ? "" : "s");
	return buf;
}

const char *govmap_score_money_text(const govmap_score *sc, char *buf,
				    size_t size)
{
	char m[48], fy[16];
	if (!sc || sc->money < 0) {
		snprintf(buf, size, "unknown");
		return buf;
	}
	govmap_money_format(m, sizeof m, (double)sc->money);
	govmap_fyear_format(fy, sizeof fy, sc->money_year);
	if (sc->money_from_contracts) {
		snprintf(buf, size, "%s (%s contract value: %u contract%s in "
				    "force)",
			 m, fy, sc->contracts, sc->contracts == 1 ? "" : "s");
		return buf;
	}
	snprintf(buf, size, "%s (%s %s%s)", m, fy,
		 govmap_money_kind_name(sc->money_kind),
		 sc->money_other_year
			 ? "; the nearest year recorded, not this date's"
			 : "");
	return buf;
}

double govmap_root_weight(const govmap_entity *e)
{
	if (!e || !govmap__is_root(e))
		return 0;
	return strcmp(e->type, "membership") == 0 ? MEMBERSHIP_ROOT : 1.0;
}

static double basis_weight(govmap_basis b)
{
	switch (b) {
	case GOVMAP_BASIS_STATUTE: return 1.0;
	case GOVMAP_BASIS_REGULATION: return 0.9;
	case GOVMAP_BASIS_CONTRACT: return 0.7;
	case GOVMAP_BASIS_GUIDANCE: return 0.5;
	case GOVMAP_BASIS_VOLUNTARY: return 0.3;
	case GOVMAP_BASIS_NONE: return 0.1;
	default: return 0.2;
	}
}

/* Bovens' three stages: information 0.3, debate (question) 0.3,
 * consequences (sanction) 0.4.  A link that lists no powers counts 0.2. */
static double powers_weight(unsigned p)
{
	double w = 0;
	if (p & GOVMAP_POWER_INFORM)
		w += 0.3;
	if (p & GOVMAP_POWER_QUESTION)
		w += 0.3;
	if (p & GOVMAP_POWER_SANCTION)
		w += 0.4;
	return p ? w : 0.2;
}

static const struct {
	const char *type;
	double w;
} type_weights[] = {
	{"elected-by", 1.0},     {"accountable-to", 1.0},
	{"reports-to", 1.0},     {"scrutinised-by", 1.0},
	{"appointed-by", 0.9},   {"part-of", 0.9},
	{"ratified-by", 0.8},    {"member-of", 0.8},
	{"nominated-by", 0.7},   {"funded-by", 0.7},
	{"commissioned-by", 0.7}, {"regulated-by", 0.6},
	{"inspected-by", 0.6},   {"audited-by", 0.6},
};
#define OTHER_TYPE_WEIGHT 0.8 /* plugin types without a stated weight */

static double type_weight(const char *type)
{
	for (size_t i = 0; i < sizeof type_weights / sizeof *type_weights; i++)
		if (type && strcmp(type, type_weights[i].type) == 0)
			return type_weights[i].w;
	return OTHER_TYPE_WEIGHT;
}

/* Every step of delegation puts voters further away: each edge is worth
 * at most 0.9, so a chain of k perfect links scores 0.9^k. */
#define HOP 0.9
#define MIN_STRENGTH 0.01

static double clamp(double s)
{
	return s < MIN_STRENGTH ? MIN_STRENGTH : s > 1.0 ? 1.0 : s;
}

static const govmap_variant documented = {"documented", 1, 1, 1, 1, 1,
					       false};

static const govmap_variant variants[] = {
	{"basis weights +25%", 1.25, 1, 1, 1, 1, false},
	{"basis weights -25%", 0.75, 1, 1, 1, 1, false},
	{"powers weights +25%", 1, 1.25, 1, 1, 1, false},
	{"powers weights -25%", 1, 0.75, 1, 1, 1, false},
	{"type weights +25%", 1, 1, 1.25, 1, 1, false},
	{"type weights -25%", 1, 1, 0.75, 1, 1, false},
	{"seat fill weights +25%", 1, 1, 1, 1.25, 1, false},
	{"seat fill weights -25%", 1, 1, 1, 0.75, 1, false},
	{"step weight +25%", 1, 1, 1, 1, 1.25, false},
	{"step weight -25%", 1, 1, 1, 1, 0.75, false},
	{"chain = its weakest link", 1, 1, 1, 1, 1, true},
};

const govmap_variant *govmap_sensitivity_variants(size_t *n)
{
	*n = sizeof variants / sizeof *variants;
	return variants;
}

static double scale_of(double x)
{
	return x > 0 ? x : 1.0;
}

govmap_variant govmap_variant_around(const govmap_variant *base,
				     const govmap_variant *v)
{
	if (!base)
		return *v;
	govmap_variant r = *v;
	r.basis = scale_of(base->basis) * scale_of(v->basis);
	r.powers = scale_of(base->powers) * scale_of(v->powers);
	r.type = scale_of(base->type) * scale_of(v->type);
	r.fill = scale_of(base->fill) * scale_of(v->fill);
	r.hop = scale_of(base->hop) * scale_of(v->hop);
	/* the chain's variation is the other way of chaining */
	r.weakest_link = v->weakest_link ? !base->weakest_link
					 : base->weakest_link;
	if (v->weakest_link && base->weakest_link)
		r.name = "chain = the product of its links";
	return r;
}

/* A weight w of a group scaled by the variation, at most 1. */
static double vw(double w, double scale)
{
	double x = w * (scale > 0 ? scale : 1.0);
	return x > 1.0 ? 1.0 : x;
}

static double strength_v(const govmap_entity *l, double t, const char *tsrc,
			 const govmap_variant *v, char *why, size_t n)
{
	double b = vw(basis_weight(l->basis), v->basis);
	double p = vw(powers_weight(l->powers), v->powers);
	double hop = vw(HOP, v->hop);
	t = vw(t, v->type);
	double s = clamp(hop * b * p * t);
	if (why)
		snprintf(why, n,
			 "step %.2f x basis %s %.2f x powers %.2f x type %s "
			 "%.2f%s = %.3f",
			 hop, l->basis ? govmap_basis_name(l->basis) : "(unset)",
			 b, p, l->type ? l->type : "?", t, tsrc, s);
	return s;
}

static double strength(const govmap_entity *l, double t, const char *tsrc,
		       char *why, size_t n)
{
	return strength_v(l, t, tsrc, &documented, why, n);
}

double govmap_link_strength(const govmap_entity *l, char *why, size_t n)
{
	return strength(l, type_weight(l->type), "", why, n);
}

double govmap_analysis_link_strength(const govmap_analysis *an,
				     const govmap_entity *l, char *why,
				     size_t n)
{
	double w = an->weight && l->type
			   ? an->weight(l->type, an->weight_payload)
			   : -1;
	if (w > 0 && w <= 1)
		return strength_v(l, w, " (plugin)", &an->v, why, n);
	return strength_v(l, type_weight(l->type), "", &an->v, why, n);
}

double govmap_fill_weight(govmap_fill fill)
{
	return fill == GOVMAP_FILL_ELECTED     ? 1.0
	       : fill == GOVMAP_FILL_APPOINTED ? 0.8
	       : fill == GOVMAP_FILL_NOMINATED ? 0.6
					       : 0.0;
}

double govmap_seat_strength(govmap_fill fill, uint32_t nseats, uint32_t total)
{
	double w = govmap_fill_weight(fill);
	if (!total || !nseats || w <= 0)
		return 0;
	return clamp(HOP * w * (double)nseats / (double)total);
}

/* ---- contracts (issue 17): a contract in force is a chain of account
 * from its provider to its commissioner, and its value is public money
 * the provider controls ---- */

/* Contract management: the commissioner is informed (the contract's
 * reporting requirements), can question (review meetings, performance
 * notices) and can impose the consequences the contract gives
 * (withholding payment, termination).  A contract is scored as a link of
 * this basis, these powers and this type: exactly what a commissioned-by
 * link on a contract basis with all three powers would score, so that
 * recording a contract and recording its link give the same chain, and
 * the sensitivity variations and a govmap.yaml `weights:` override of
 * the basis, powers, type and step groups reach it:
 * 0.9 x 0.7 x 1.0 x 0.7 = 0.441 (CONTRIBUTING.md, "The deficit model"). */
#define CONTRACT_BASIS GOVMAP_BASIS_CONTRACT
#define CONTRACT_POWERS                                                   \
	(GOVMAP_POWER_INFORM | GOVMAP_POWER_QUESTION | GOVMAP_POWER_SANCTION)
#define CONTRACT_TYPE "commissioned-by"

/* The link a contract stands for: its provider answers to its
 * commissioner.  Borrows the contract's strings. */
static govmap_entity contract_link(const govmap_entity *c)
{
	govmap_entity l;
	memset(&l, 0, sizeof l);
	l.kind = GOVMAP_KIND_LINK;
	l.id = c->id;
	l.name = c->name;
	l.type = (char *)CONTRACT_TYPE;
	l.valid = c->valid;
	l.pos = c->pos;
	l.from = c->provider;
	l.to = c->commissioner;
	l.basis = CONTRACT_BASIS;
	l.powers = CONTRACT_POWERS;
	l.forum = GOVMAP_FORUM_ADMINISTRATIVE;
	return l;
}

double govmap_analysis_contract_strength(const govmap_analysis *an,
					 const govmap_entity *contract,
					 char *why, size_t n)
{
	govmap_entity l = contract_link(contract);
	return govmap_analysis_link_strength(an, &l, why, n);
}

static int add_edge(govmap_analysis *an, int32_t from, int32_t to,
		    govmap_edge_kind kind, int32_t link, int32_t seat,
		    double s);
static int node_ok(const govmap_analysis *an, int32_t i);

/* The edge of contract i (in force: build_edges skips the rest). */
static int contract_edge(govmap_analysis *an, size_t i,
			 const govmap_entity *c)
{
	int32_t p = c->provider.target, by = c->commissioner.target;
	if (p == by || !node_ok(an, p) || !node_ok(an, by))
		return 0;
	return add_edge(an, p, by, GOVMAP_EDGE_CONTRACT, (int32_t)i, -1,
			govmap_analysis_contract_strength(an, c, NULL, 0));
}

/* A provider's money from its contracts in force: the sum of their
 * contract-value figures for the financial year of the date, used when
 * the provider has no figure of its own for that year (its own figure,
 * an outturn or budget, already holds its contract income).  One
 * contract in force with no figure for the year makes the sum unknown:
 * an unknown value is never counted as £0. */
static int contract_money(govmap_analysis *an)
{
	size_t n = govmap_registry_count(an->reg);
	int64_t *sum = calloc(n ? n : 1, sizeof(*sum));
	if (!sum)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *c = govmap_registry_at(an->reg, i);
		int32_t p = c->provider.target;
		if (c->kind != GOVMAP_KIND_CONTRACT || !an->scores[i].active ||
		    p < 0)
			continue;
		govmap_score *sp = &an->scores[p];
		govmap_money_figure mf;
		sp->contracts++;
		if (govmap_entity_money(c, an->on, GOVMAP_MONEY_THIS_YEAR,
					&mf) &&
		    mf.kind == GOVMAP_MONEY_CONTRACT_VALUE)
			sum[p] += mf.gbp;
		else
			sp->contracts_unvalued++;
	}
	for (size_t i = 0; i < n; i++) {
		govmap_score *s = &an->scores[i];
		if (!s->contracts || s->contracts_unvalued ||
		    (s->money >= 0 && !s->money_other_year))
			continue;
		s->money = sum[i];
		s->money_year = govmap_fyear_of(an->on);
		s->money_kind = GOVMAP_MONEY_CONTRACT_VALUE;
		s->money_other_year = false;
		s->money_from_contracts = true;
	}
	free(sum);
	return 0;
}

/* ---- the graph ---- */

static int add_edge2(govmap_analysis *an, int32_t from, int32_t to,
		     govmap_edge_kind kind, int32_t link, int32_t seat,
		     double s, double s_high)
{
	if (govmap__grow((void **)&an->edges, &an->capedges, an->nedges,
			 sizeof(*an->edges)) < 0)
		return -1;
	govmap_edge *e = &an->edges[an->nedges++];
	e->from = from;
	e->to = to;
	e->kind = kind;
	e->link = link;
	e->seat = seat;
	e->strength = s;
	e->strength_high = s_high > s ? s_high : s;
	return 0;
}

/* An edge whose strength depends on nothing unrecorded. */
static int add_edge(govmap_analysis *an, int32_t from, int32_t to,
		    govmap_edge_kind kind, int32_t link, int32_t seat, double s)
{
	return add_edge2(an, from, to, kind, link, seat, s, s);
}

static int node_ok(const govmap_analysis *an, int32_t i)
{
	if (i < 0)
		return 0;
	const govmap_entity *e = govmap_registry_at(an->reg, (size_t)i);
	return (e->kind == GOVMAP_KIND_BODY || e->kind == GOVMAP_KIND_BOARD) &&
	       an->scores[i].active;
}

/* Does a seat give its filler an edge on the evaluation date? */
static int seat_counts(const govmap_analysis *an, const govmap_seat *s)
{
	return s->voting != GOVMAP_NO &&
	       govmap_period_contains(s->valid, an->on) &&
	       node_ok(an, s->by.target) && s->count > s->vacant &&
	       govmap_fill_weight(s->fill) > 0;
}

static int is_governing_board(const govmap_entity *b)
{
	return !b->type || strcmp(b->type, "board") == 0;
}

/* Group the edges by `from` (a counting sort keeps input order) into
 * out_start/out_idx, replacing any earlier index. */
static int index_edges(govmap_analysis *an)
{
	size_t n = govmap_registry_count(an->reg);
	free(an->out_start);
	free(an->out_idx);
	an->out_start = calloc(n + 1, sizeof(*an->out_start));
	an->out_idx = malloc((an->nedges ? an->nedges : 1) *
			     sizeof(*an->out_idx));
	if (!an->out_start || !an->out_idx)
		return -1;
	for (size_t k = 0; k < an->nedges; k++)
		an->out_start[an->edges[k].from + 1]++;
	for (size_t i = 0; i < n; i++)
		an->out_start[i + 1] += an->out_start[i];
	size_t *fill = malloc((n + 1) * sizeof(*fill));
	if (!fill)
		return -1;
	memcpy(fill, an->out_start, (n + 1) * sizeof(*fill));
	for (size_t k = 0; k < an->nedges; k++)
		an->out_idx[fill[an->edges[k].from]++] = (uint32_t)k;
	free(fill);
	return 0;
}

/* The strengths of link e's edge: its own, and its best case (powers
 * not listed: at best the forum has all three). */
static void link_strengths(const govmap_analysis *an, const govmap_entity *e,
			   double *s, double *hi)
{
	*s = govmap_analysis_link_strength(an, e, NULL, 0);
	*hi = *s;
	if (!e->powers) {
		govmap_entity all = *e;
		all.powers = GOVMAP_POWER_INFORM | GOVMAP_POWER_QUESTION |
			     GOVMAP_POWER_SANCTION;
		*hi = govmap_analysis_link_strength(an, &all, NULL, 0);
	}
}

static int build_edges(govmap_analysis *an)
{
	size_t n = govmap_registry_count(an->reg);
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(an->reg, i);
		if (!an->scores[i].active)
			continue;
		if (e->kind == GOVMAP_KIND_LINK) {
			if (!node_ok(an, e->from.target) ||
			    !node_ok(an, e->to.target))
				continue;
			double s, hi;
			link_strengths(an, e, &s, &hi);
			if (add_edge2(an, e->from.target, e->to.target,
				      GOVMAP_EDGE_LINK, (int32_t)i, -1, s,
				      hi) < 0)
				return -1;
		} else if (e->kind == GOVMAP_KIND_CONTRACT) {
			if (contract_edge(an, i, e) < 0)
				return -1;
		} else if (e->kind == GOVMAP_KIND_BOARD) {
			if (node_ok(an, e->of.target)) {
				if (add_edge(an, (int32_t)i, e->of.target,
					     GOVMAP_EDGE_BOARD_OF, -1, -1,
					     vw(HOP, an->v.hop)) < 0)
					return -1;
				/* a body decides through its governing
				 * board, so it answers through it too */
				if (is_governing_board(e) &&
				    add_edge(an, e->of.target, (int32_t)i,
					     GOVMAP_EDGE_BOARD_OF, -1, -1,
					     1.0) < 0)
					return -1;
			}
			size_t members = 0;
			for (size_t j = 0; j < e->njoint; j++)
				members += node_ok(an, e->joint[j].target);
			for (size_t j = 0; j < e->njoint; j++)
				if (node_ok(an, e->joint[j].target) &&
				    add_edge(an, (int32_t)i, e->joint[j].target,
					     GOVMAP_EDGE_JOINT, -1, -1,
					     clamp(vw(HOP, an->v.hop) / (double)members)) < 0)
					return -1;
			uint32_t total = 0, unstated = 0;
			for (size_t j = 0; j < e->nseats; j++) {
				const govmap_seat *s = &e->seats[j];
				if (s->voting != GOVMAP_NO &&
				    govmap_period_contains(s->valid, an->on)) {
					total += s->count;
					if (s->fill == GOVMAP_FILL_UNSTATED)
						unstated += s->count;
				}
			}
			/* best case: the unstated seats are filled the way
			 * the stated ones are, so they leave each filler's
			 * share as it is among the stated seats */
			uint32_t stated = total - unstated;
			/* one edge per body that fills seats: the seats it
			 * fills, each weighted by how it fills them, as a
			 * share of the voting seats */
			for (size_t j = 0; j < e->nseats; j++) {
				if (!seat_counts(an, &e->seats[j]))
					continue;
				int32_t by = e->seats[j].by.target;
				int seen = 0;
				for (size_t k = 0; k < j && !seen; k++)
					seen = seat_counts(an, &e->seats[k]) &&
					       e->seats[k].by.target == by;
				if (seen)
					continue;
				double sum = 0;
				for (size_t k = j; k < e->nseats; k++)
					if (seat_counts(an, &e->seats[k]) &&
					    e->seats[k].by.target == by)
						sum += vw(govmap_fill_weight(
								  e->seats[k].fill),
							  an->v.fill) *
						       (e->seats[k].count -
							e->seats[k].vacant);
				if (sum > 0 && total &&
				    add_edge2(an, (int32_t)i, by,
					      GOVMAP_EDGE_SEAT, -1, (int32_t)j,
					      clamp(vw(HOP, an->v.hop) * sum / total),
					      stated ? clamp(vw(HOP, an->v.hop) *
							     sum / stated)
						     : 0) < 0)
					return -1;
			}
		}
	}
	return index_edges(an);
}

/* ---- the best case of seats whose fill is not stated ----
 *
 * A voting seat with `fill_unstated` counts among the voting seats and
 * gives no edge (the worst case).  It names no filler, so at best it is
 * appointed (the strongest way a body fills a seat) by whichever of the
 * board's members gives the strongest chain: the bodies that fill its
 * stated seats, the bodies of a joint board, and the bodies with a
 * member-of link in force to the board or to the body it is `of`.  Each such member gets an edge only for the best case
 * (strength 0, strength_high as if every anonymous unstated seat were
 * its own), added before the best-case search and removed after it, so
 * that the worst case, explain's chain and the exports see only the
 * edges the registry records.  A board whose members are not recorded
 * still gets no interval: no filler can be named. */

/* member-of links in force, grouped by `to` (counting sort) */
typedef struct {
	size_t *start; /* n + 1 offsets */
	int32_t *idx;
} member_ix;

static int member_index(const govmap_analysis *an, member_ix *mx)
{
	size_t n = govmap_registry_count(an->reg), m = 0;
	mx->start = calloc(n + 2, sizeof(*mx->start));
	if (!mx->start)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *l = govmap_registry_at(an->reg, i);
		if (l->kind == GOVMAP_KIND_LINK && an->scores[i].active &&
		    l->type && strcmp(l->type, "member-of") == 0 &&
		    node_ok(an, l->from.target) && l->to.target >= 0) {
			mx->start[l->to.target + 1]++;
			m++;
		}
	}
	for (size_t i = 0; i < n; i++)
		mx->start[i + 1] += mx->start[i];
	mx->idx = malloc((m ? m : 1) * sizeof(*mx->idx));
	size_t *fill = malloc((n + 1) * sizeof(*fill));
	if (!mx->idx || !fill) {
		free(fill);
		return -1;
	}
	memcpy(fill, mx->start, (n + 1) * sizeof(*fill));
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *l = govmap_registry_at(an->reg, i);
		if (l->kind == GOVMAP_KIND_LINK && an->scores[i].active &&
		    l->type && strcmp(l->type, "member-of") == 0 &&
		    node_ok(an, l->from.target) && l->to.target >= 0)
			mx->idx[fill[l->to.target]++] = l->from.target;
	}
	free(fill);
	return 0;
}

/* Does seat s count in the voting total on the date? */
static int seat_votes(const govmap_analysis *an, const govmap_seat *s)
{
	return s->voting != GOVMAP_NO &&
	       govmap_period_contains(s->valid, an->on);
}

/* The best-case edge from board b to member f: f's stated seats, plus
 * the board's `anon` unstated seats all appointed by f, as a share of the
 * voting seats. */
static int unstated_edge(govmap_analysis *an, int32_t b, int32_t f,
			 uint32_t anon)
{
	const govmap_entity *e = govmap_registry_at(an->reg, (size_t)b);
	if (f < 0 || f == b || f == e->of.target || !node_ok(an, f))
		return 0;
	/* once per member: the first candidate list that names it wins */
	for (size_t k = an->unstated_from; k < an->nedges; k++)
		if (an->edges[k].from == b && an->edges[k].to == f)
			return 0;
	double appointed = vw(govmap_fill_weight(GOVMAP_FILL_APPOINTED),
			      an->v.fill);
	double sum = appointed * anon;
	uint32_t total = 0;
	for (size_t j = 0; j < e->nseats; j++) {
		const govmap_seat *s = &e->seats[j];
		if (!seat_votes(an, s))
			continue;
		total += s->count;
		if (seat_counts(an, s) && s->by.target == f)
			sum += vw(govmap_fill_weight(s->fill), an->v.fill) *
			       (s->count - s->vacant);
	}
	if (!total || !anon)
		return 0;
	double hi = clamp(vw(HOP, an->v.hop) * sum / total);
	return add_edge2(an, b, f, GOVMAP_EDGE_SEAT, -1, -1, 0, hi);
}

static int unstated_board(govmap_analysis *an, int32_t b,
			  const member_ix *mx)
{
	const govmap_entity *e = govmap_registry_at(an->reg, (size_t)b);
	/* the unstated voting seats, less those known to be vacant (an
	 * unstated seat names no filler: the schema allows one way) */
	uint32_t anon = 0;
	for (size_t j = 0; j < e->nseats; j++) {
		const govmap_seat *s = &e->seats[j];
		if (seat_votes(an, s) && s->fill == GOVMAP_FILL_UNSTATED)
			anon += s->count > s->vacant ? s->count - s->vacant : 0;
	}
	if (!anon)
		return 0;
	for (size_t j = 0; j < e->nseats; j++)
		if (seat_counts(an, &e->seats[j]) &&
		    unstated_edge(an, b, e->seats[j].by.target, anon) < 0)
			return -1;
	for (size_t j = 0; j < e->njoint; j++)
		if (unstated_edge(an, b, e->joint[j].target, anon) < 0)
			return -1;
	int32_t tos[2] = {b, e->of.target};
	for (int t = 0; t < 2; t++) {
		if (tos[t] < 0)
			continue;
		for (size_t k = mx->start[tos[t]]; k < mx->start[tos[t] + 1];
		     k++)
			if (unstated_edge(an, b, mx->idx[k], anon) < 0)
				return -1;
	}
	return 0;
}

/* Append the best-case edges of every board in force with unstated
 * seats, and index them; unstated_edges_drop() takes them away. */
static int unstated_edges_add(govmap_analysis *an)
{
	size_t n = govmap_registry_count(an->reg);
	an->unstated_from = an->nedges;
	member_ix mx = {NULL, NULL};
	int rc = member_index(an, &mx);
	for (size_t i = 0; i < n && rc == 0; i++) {
		const govmap_entity *e = govmap_registry_at(an->reg, i);
		if (e->kind == GOVMAP_KIND_BOARD && an->scores[i].active)
			rc = unstated_board(an, (int32_t)i, &mx);
	}
	free(mx.start);
	free(mx.idx);
	an->nx = an->nedges - an->unstated_from;
	if (rc == 0 && an->nx) {
		an->xedges = malloc(an->nx * sizeof(*an->xedges));
		if (!an->xedges)
			return -1;
		memcpy(an->xedges, an->edges + an->unstated_from,
		       an->nx * sizeof(*an->xedges));
	}
	if (rc == 0 && an->nedges != an->unstated_from)
		rc = index_edges(an);
	return rc;
}

/* Edge k of the search (the best-case-only ones after the others). */
static const govmap_edge *edge_at(const govmap_analysis *an, uint32_t k)
{
	return k < an->unstated_from ? &an->edges[k]
				     : &an->xedges[k - an->unstated_from];
}

static int unstated_edges_drop(govmap_analysis *an)
{
	if (an->nedges == an->unstated_from)
		return 0;
	an->nedges = an->unstated_from;
	return index_edges(an);
}

/* ---- widest path: a max-heap Dijkstra from the electorates backwards */

static int better(const heap_item *x, const heap_item *y)
{
	if (x->a != y->a)
		return x->a > y->a;
	if (x->hops != y->hops)
		return x->hops < y->hops;
	return x->node < y->node;
}

static void heap_push(heap_item *h, size_t *n, heap_item it)
{
	size_t i = (*n)++;
	h[i] = it;
	while (i && better(&h[i], &h[(i - 1) / 2])) {
		heap_item t = h[i];
		h[i] = h[(i - 1) / 2];
		h[(i - 1) / 2] = t;
		i = (i - 1) / 2;
	}
}

static heap_item heap_pop(heap_item *h, size_t *n)
{
	heap_item top = h[0];
	h[0] = h[--(*n)];
	for (size_t i = 0;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;
		if (l < *n && better(&h[l], &h[m]))
			m = l;
		if (r < *n && better(&h[r], &h[m]))
			m = r;
		if (m == i)
			break;
		heap_item t = h[i];
		h[i] = h[m];
		h[m] = t;
		i = m;
	}
	return top;
}

#define EPS 1e-12
/* The search adds logarithms of strengths instead of multiplying them, so
 * that a chain of any length keeps a nonzero accountability (0.01^200
 * underflows a double; its logarithm is -921) and compares with a
 * tolerance relative to its size. */
#define LOG_EPS 1e-9

/* The relaxations of entry `it` taken from the heap: each edge into its
 * node from a node not an electorate (with `only`, from a node whose
 * mark has bit 1: searched again) offers that node a chain through it. */
static void relax(govmap_analysis *an, search_rec *r, heap_item it,
		  const unsigned char *only, heap_item *heap, size_t *hn)
{
	for (size_t k = r->in_start[it.node]; k < r->in_start[it.node + 1];
	     k++) {
		const govmap_edge *e = edge_at(an, r->in_idx[k]);
		govmap_score *su = &an->scores[e->from];
		/* the best case of an interval uses the links' and seats'
		 * best strengths */
		double w = an->high ? e->strength_high : e->strength;
		if ((only && !(only[e->from] & 1)) || su->electorate ||
		    !(w > 0))
			continue;
		/* in logarithms (no underflow at any length): a chain is the
		 * product of its links, or (a sensitivity variation) its
		 * weakest link */
		double lw = log(w);
		double cand = an->v.weakest_link ? (lw < it.a ? lw : it.a)
						 : it.a + lw;
		double cur = r->la[e->from];
		uint32_t hops = it.hops + 1;
		if (cand > cur + LOG_EPS ||
		    (isfinite(cur) && fabs(cand - cur) <= LOG_EPS &&
		     hops < su->hops)) {
			r->la[e->from] = cand;
			su->A = exp(cand);
			su->hops = hops;
			su->next = (int32_t)r->in_idx[k];
			heap_push(heap, hn, (heap_item){cand, hops, e->from});
		}
	}
}

/* Node i's start: none, or an electorate's root weight; pushed if > 0. */
static void search_start(govmap_analysis *an, search_rec *r, size_t i,
			 heap_item *heap, size_t *hn)
{
	govmap_score *s = &an->scores[i];
	r->la[i] = -INFINITY;
	if (!s->electorate)
		return;
	s->A = govmap_root_weight(govmap_registry_at(an->reg, i));
	if (!(s->A > 0))
		return;
	r->la[i] = log(s->A);
	heap_push(heap, hn, (heap_item){r->la[i], 0, (int32_t)i});
}

/* Is `it`, taken from the heap, out of date (a better chain since)? */
static int stale(const govmap_analysis *an, const search_rec *r,
		 heap_item it)
{
	return it.a < r->la[it.node] - LOG_EPS ||
	       it.hops > an->scores[it.node].hops;
}

/* The search over the best case (an->high) or the scores, kept in
 * an->rec[0] or [1].
 *
 * Each entry pushed is worse than the one taken (a strength is at most
 * 1 and the hops grow), so the entries are taken in the order `better`
 * gives, whatever the heap's layout; and what the search finds for a
 * node depends only on the nodes its edges lead to, and theirs.  That
 * is what lets govmap__analysis_patch search again among the nodes a
 * change can reach and take the others' entries from the log. */
static int widest_paths(govmap_analysis *an)
{
	size_t n = govmap_registry_count(an->reg);
	search_rec *r = &an->rec[an->high ? 0 : 1];
	/* reverse adjacency: edges grouped by `to` */
	r->nin = an->nedges;
	r->in_start = calloc(n + 1, sizeof(*r->in_start));
	r->in_idx = malloc((an->nedges ? an->nedges : 1) * sizeof(*r->in_idx));
	/* each relaxation pushes once: at most nedges + n items */
	heap_item *heap = malloc((an->nedges + n + 1) * sizeof(*heap));
	r->log = malloc((an->nedges + n + 1) * sizeof(*r->log));
	size_t *fill = malloc((n + 1) * sizeof(*fill));
	r->la = malloc((n + 1) * sizeof(*r->la));
	int rc = -1;
	if (!r->in_start || !r->in_idx || !heap || !r->log || !fill || !r->la)
		goto cleanup;
	for (size_t k = 0; k < an->nedges; k++)
		r->in_start[an->edges[k].to + 1]++;
	for (size_t i = 0; i < n; i++)
		r->in_start[i + 1] += r->in_start[i];
	memcpy(fill, r->in_start, (n + 1) * sizeof(*fill));
	for (size_t k = 0; k < an->nedges; k++)
		r->in_idx[fill[an->edges[k].to]++] = (uint32_t)k;

	size_t hn = 0;
	for (size_t i = 0; i < n; i++)
		search_start(an, r, i, heap, &hn);
	while (hn) {
		heap_item it = heap_pop(heap, &hn);
		if (stale(an, r, it))
			continue;
		r->log[r->nlog++] = it;
		relax(an, r, it, NULL, heap, &hn);
	}
	rc = 0;
cleanup:
	free(heap);
	free(fill);
	return rc;
}

/* Search r again among the nodes marked in an->mark (S: every node with
 * an edge to a node of S is in S), the others' entries taken from r's
 * log: the same entries in the same order as a whole search, so the
 * same chains.  heap has room for r->nin + n + 1 entries (S's pushes)
 * and log for r->nlog more (the others'); log becomes r's. */
static void search_again(govmap_analysis *an, search_rec *r,
			 heap_item *heap, heap_item *log)
{
	const unsigned char *in = an->mark;
	size_t hn = 0, li = 0, nl = 0;
	for (size_t j = 0; j < an->ntouched; j++) {
		int32_t i = an->touched[j];
		if (!(in[i] & 1))
			continue;
		govmap_score *s = &an->scores[i];
		s->A = 0;
		s->hops = 0;
		s->next = -1;
		search_start(an, r, (size_t)i, heap, &hn);
	}
	for (;;) {
		while (li < r->nlog && (in[r->log[li].node] & 1))
			li++;
		heap_item it;
		if (hn && (li == r->nlog || better(&heap[0], &r->log[li]))) {
			it = heap_pop(heap, &hn);
			if (stale(an, r, it))
				continue;
		} else if (li < r->nlog) {
			it = r->log[li++];
		} else {
			break;
		}
		log[nl++] = it;
		relax(an, r, it, in, heap, &hn);
	}
	free(r->log);
	r->log = log;
	r->nlog = nl;
}

/* Round a body's or board's scores and set its deficit and exposure;
 * anything else in force, or anything not, scores 0. */
static void finish_score(govmap_analysis *an, size_t i)
{
	govmap_score *s = &an->scores[i];
	const govmap_entity *e = govmap_registry_at(an->reg, i);
	if (!s->active ||
	    (e->kind != GOVMAP_KIND_BODY && e->kind != GOVMAP_KIND_BOARD)) {
		s->A = s->A_high = s->D = s->exposure = 0;
		return;
	}
	/* round to 6 places so that output never depends on the last bits
	 * of a product */
	s->A = round(s->A * 1e6) / 1e6;
	/* a chain, however long, is never shown as none: the rules, maps
	 * and reports read A > 0 as "has a chain" */
	if (s->next >= 0 && s->A < 1e-6)
		s->A = 1e-6;
	s->A_high = round(s->A_high * 1e6) / 1e6;
	if (s->A_high < s->A)
		s->A_high = s->A;
	s->D = round((1.0 - s->A) * 1e6) / 1e6;
	s->exposure = s->money > 0 ? s->D * (double)s->money : 0;
}

/* Entity i's money from its own figures (contract_money may then put its
 * contracts' values in their place). */
static void own_money(govmap_analysis *an, size_t i)
{
	govmap_score *s = &an->scores[i];
	govmap_money_figure mf;
	govmap_entity_money(govmap_registry_at(an->reg, i), an->on,
			    an->money_how, &mf);
	s->money = mf.gbp;
	s->money_year = mf.year;
	s->money_kind = mf.kind;
	s->money_other_year = mf.other_year;
}

int govmap_analyse(govmap_analysis **out, const govmap_registry *reg,
		   const govmap_analysis_opts *opts)
{
	govmap_analysis_opts o = {0};
	if (opts)
		o = *opts;
	*out = NULL;
	govmap_analysis *an = calloc(1, sizeof(*an));
	size_t n = govmap_registry_count(reg);
	if (!an)
		return GOVMAP_ENOMEM;
	an->reg = reg;
	an->on = o.on ? o.on : govmap_date_today();
	an->weight = o.weight;
	an->weight_payload = o.weight_payload;
	an->money_how = o.money_how;
	an->v = o.variant ? *o.variant : documented;
	an->scores = calloc(n ? n : 1, sizeof(*an->scores));
	if (!an->scores) {
		govmap_analysis_free(an);
		return GOVMAP_ENOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(reg, i);
		govmap_score *s = &an->scores[i];
		/* a contract's term as well as its `valid` (contracts.c) */
		govmap_tristate st = govmap_contract_status(e, an->on);
		s->active = st == GOVMAP_YES;
		s->dates_unknown = st == GOVMAP_UNKNOWN;
		s->electorate = govmap__is_root(e) && s->active;
		s->next = -1;
		own_money(an, i);
	}
	/* the best case first (strength_high), kept in A_high; then the
	 * scores proper */
	an->high = 1;
	if (contract_money(an) < 0 || build_edges(an) < 0 ||
	    unstated_edges_add(an) < 0) {
		govmap_analysis_free(an);
		return GOVMAP_ENOMEM;
	}
	/* with no unstated seat's edge and every edge's best case its
	 * strength, the two searches see the same graph and give the same
	 * chains: the second is not run */
	for (size_t k = 0; k < an->unstated_from; k++)
		an->nhigh += an->edges[k].strength_high != an->edges[k].strength;
	an->same = an->nx == 0 && an->nhigh == 0;
	if (widest_paths(an) < 0 || unstated_edges_drop(an) < 0) {
		govmap_analysis_free(an);
		return GOVMAP_ENOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		govmap_score *s = &an->scores[i];
		s->A_high = s->A;
		if (an->same)
			continue;
		s->A = 0;
		s->hops = 0;
		s->next = -1;
	}
	an->high = 0;
	if (!an->same && widest_paths(an) < 0) {
		govmap_analysis_free(an);
		return GOVMAP_ENOMEM;
	}
	for (size_t i = 0; i < n; i++)
		finish_score(an, i);
	*out = an;
	return GOVMAP_OK;
}

/* A changed link's edge and its new strengths. */
typedef struct {
	uint32_t k;
	double s, hi;
} new_strength;

/* Mark node i (bits: 1 search it again, 2 in the touched list) and list
 * it if it is new there. */
static void touch(govmap_analysis *an, int32_t i, unsigned char bit)
{
	if (!an->mark[i])
		an->touched[an->ntouched++] = i;
	an->mark[i] |= bit;
}

int govmap__analysis_patch(govmap_analysis *an, const int32_t *idx,
			   size_t nidx)
{
	size_t n = govmap_registry_count(an->reg);
	new_strength *ns = malloc((nidx ? nidx : 1) * sizeof(*ns));
	if (!ns)
		return -1;
	size_t nns = 0;
	long dh = 0; /* the change in nhigh */
	for (size_t j = 0; j < nidx; j++) {
		int32_t i = idx[j];
		const govmap_entity *e = govmap_registry_at(an->reg, (size_t)i);
		const govmap_score *sc = &an->scores[i];
		/* a contract's value is its provider's money, and stands in
		 * for a provider's own figure unknown or of another year
		 * (contract_money): not done here */
		govmap_money_figure mf;
		govmap_entity_money(e, an->on, an->money_how, &mf);
		if (e->kind == GOVMAP_KIND_CONTRACT ||
		    (sc->contracts && !sc->contracts_unvalued &&
		     (sc->money_from_contracts || mf.gbp < 0 ||
		      mf.other_year))) {
			free(ns);
			return 1;
		}
		if (e->kind != GOVMAP_KIND_LINK || !sc->active ||
		    e->from.target < 0)
			continue;
		size_t no;
		const uint32_t *out = govmap_analysis_out(an,
						(size_t)e->from.target, &no);
		for (size_t o = 0; o < no; o++) {
			const govmap_edge *ed = &an->edges[out[o]];
			if (ed->kind != GOVMAP_EDGE_LINK || ed->link != i)
				continue;
			double st, hi;
			link_strengths(an, e, &st, &hi);
			if (hi < st)
				hi = st; /* as add_edge2 */
			if (st != ed->strength || hi != ed->strength_high) {
				ns[nns++] = (new_strength){out[o], st, hi};
				dh += (hi != st) -
				      (ed->strength_high != ed->strength);
			}
			break;
		}
	}
	/* a search run or no longer run: analyse again */
	if ((an->nx == 0 && (long)an->nhigh + dh == 0) != an->same) {
		free(ns);
		return 1;
	}
	if (!an->mark) {
		an->mark = calloc(n ? n : 1, 1);
		an->touched = malloc((n ? n : 1) * sizeof(*an->touched));
		an->was = malloc((n ? n : 1) * sizeof(*an->was));
	}
	size_t room = n + 1 + (an->rec[0].nin > an->rec[1].nin
				       ? an->rec[0].nin
				       : an->rec[1].nin);
	heap_item *heap = nns ? malloc(room * sizeof(*heap)) : NULL;
	heap_item *log0 = nns ? malloc((room + an->rec[0].nlog) *
				       sizeof(*log0))
			      : NULL;
	heap_item *log1 = nns && !an->same
				  ? malloc((room + an->rec[1].nlog) *
					   sizeof(*log1))
				  : NULL;
	if (!an->mark || !an->touched || !an->was ||
	    (nns && (!heap || !log0 || (!an->same && !log1)))) {
		free(ns);
		free(heap);
		free(log0);
		free(log1);
		return -1;
	}
	/* S: the changed edges' `from` nodes and every node with a chain
	 * to one (over the best case's edges, a superset), by the best
	 * case's edges into each node; then the changed entities */
	an->ntouched = 0;
	for (size_t j = 0; j < nns; j++)
		touch(an, an->edges[ns[j].k].from, 1);
	const search_rec *r0 = &an->rec[0];
	for (size_t q = 0; q < an->ntouched; q++) {
		int32_t y = an->touched[q];
		for (size_t k = r0->in_start[y]; k < r0->in_start[y + 1]; k++) {
			int32_t f = edge_at(an, r0->in_idx[k])->from;
			if (!(an->mark[f] & 1))
				touch(an, f, 1);
		}
	}
	for (size_t j = 0; j < nidx; j++)
		touch(an, idx[j], 2);
	for (size_t j = 0; j < an->ntouched; j++)
		an->was[j] = an->scores[an->touched[j]];
	for (size_t j = 0; j < nns; j++) {
		an->edges[ns[j].k].strength = ns[j].s;
		an->edges[ns[j].k].strength_high = ns[j].hi;
	}
	an->nhigh = (size_t)((long)an->nhigh + dh);
	free(ns);
	/* the changed entities' money (none is a provider: above) */
	for (size_t j = 0; j < nidx; j++)
		own_money(an, (size_t)idx[j]);
	if (nns) {
		an->high = 1;
		search_again(an, &an->rec[0], heap, log0);
		for (size_t j = 0; j < an->ntouched; j++)
			if (an->mark[an->touched[j]] & 1)
				an->scores[an->touched[j]].A_high =
					an->scores[an->touched[j]].A;
		an->high = 0;
		if (!an->same)
			search_again(an, &an->rec[1], heap, log1);
	}
	free(heap);
	for (size_t j = 0; j < an->ntouched; j++) {
		finish_score(an, (size_t)an->touched[j]);
		an->mark[an->touched[j]] = 0;
	}
	return 0;
}

size_t govmap__analysis_touched(const govmap_analysis *an,
				const int32_t **idx, const govmap_score **was)
{
	*idx = an->touched;
	*was = an->was;
	return an->ntouched;
}

void govmap_analysis_free(govmap_analysis *an)
{
	if (!an)
		return;
	free(an->scores);
	free(an->edges);
	free(an->out_idx);
	free(an->out_start);
	free(an->xedges);
	for (int r = 0; r < 2; r++) {
		free(an->rec[r].la);
		free(an->rec[r].in_start);
		free(an->rec[r].in_idx);
		free(an->rec[r].log);
	}
	free(an->mark);
	free(an->touched);
	free(an->was);
	free(an);
}

const govmap_score *govmap_analysis_score(const govmap_analysis *an,
					  size_t i)
{
	return &an->scores[i];
}

const govmap_edge *govmap_analysis_edges(const govmap_analysis *an,
					 size_t *n)
{
	*n = an->nedges;
	return an->edges;
}

govmap_date govmap_analysis_date(const govmap_analysis *an)
{
	return an->on;
}

const govmap_registry *govmap_analysis_registry(const govmap_analysis *an)
{
	return an->reg;
}

const uint32_t *govmap_analysis_out(const govmap_analysis *an, size_t i,
				    size_t *n)
{
	*n = an->out_start[i + 1] - an->out_start[i];
	return an->out_idx + an->out_start[i];
}

const char *govmap_edge_describe(const govmap_analysis *an,
				 const govmap_edge *e, char *buf, size_t size)
{
	const govmap_entity *from = govmap_registry_at(an->reg, (size_t)e->from);
	switch (e->kind) {
	case GOVMAP_EDGE_LINK: {
		const govmap_entity *l = govmap_registry_at(an->reg,
							    (size_t)e->link);
		snprintf(buf, size, "link '%s' (%s)", l->id,
			 l->type ? l->type : "?");
		break;
	}
	case GOVMAP_EDGE_BOARD_OF:
		snprintf(buf, size, "%s",
			 from->kind == GOVMAP_KIND_BOARD
				 ? "board of (answers to its body)"
				 : "decides through its governing board");
		break;
	case GOVMAP_EDGE_JOINT:
		snprintf(buf, size, "joint board member (one of %zu)",
			 from->njoint);
		break;
	case GOVMAP_EDGE_CONTRACT:
		snprintf(buf, size, "contract '%s' (contract management)",
			 govmap_registry_at(an->reg, (size_t)e->link)->id);
		break;
	case GOVMAP_EDGE_SEAT: {
		/* every counted seat the same body fills */
		uint32_t n = 0;
		size_t roles = 0;
		govmap_fill fill = from->seats[e->seat].fill;
		for (size_t k = 0; k < from->nseats; k++) {
			const govmap_seat *s = &from->seats[k];
			if (!seat_counts(an, s) || s->by.target != e->to)
				continue;
			n += s->count - s->vacant;
			roles++;
			if (s->fill != fill)
				fill = GOVMAP_FILL_UNSET;
		}
		snprintf(buf, size, "%u seat%s ('%s'%s) %s", n,
			 n == 1 ? "" : "s", from->seats[e->seat].role,
			 roles > 1 ? " and others" : "",
			 fill == GOVMAP_FILL_ELECTED     ? "elected by"
			 : fill == GOVMAP_FILL_APPOINTED ? "appointed by"
			 : fill == GOVMAP_FILL_NOMINATED ? "nominated by"
							 : "filled by");
		break;
	}
	}
	return buf;
}

int32_t govmap_analysis_best_change(const govmap_analysis *an, size_t i,
				    double *new_A)
{
	const govmap_score *s = &an->scores[i];
	int32_t best = -1;
	double bestA = s->A;
	/* a link on the best chain raised to full strength (HOP: a perfect link
	 * is still one step of delegation) */
	double rest = s->A;
	for (int32_t k = s->next; k >= 0;) {
		const govmap_edge *e = &an->edges[k];
		if (e->strength < HOP - EPS && e->strength > 0) {
			double a = rest / e->strength * HOP;
			if (a > bestA + EPS) {
				bestA = a;
				best = k;
			}
		}
		k = an->scores[e->to].next;
	}
	/* or another of the entity's own edges raised to full strength */
	size_t no;
	const uint32_t *out = govmap_analysis_out(an, i, &no);
	for (size_t j = 0; j < no; j++) {
		const govmap_edge *e = &an->edges[out[j]];
		double a = an->scores[e->to].A * HOP;
		if (a > bestA + EPS) {
			bestA = a;
			best = (int32_t)out[j];
		}
	}
	if (new_A)
		*new_A = round((bestA > 1 ? 1 : bestA) * 1e6) / 1e6;
	return best;
}

/* ---- core rules ---- */

static const govmap_rule_info core_rules[] = {
	{"core/governors-not-recorded",
	 "an NHS foundation trust whose council of governors is not recorded",
	 GOVMAP_SEV_INFO,
	 "National Health Service Act 2006, Schedule 7, paragraphs 7-10 (a "
	 "foundation trust's constitution provides for a council of "
	 "governors, most of them elected by its members) and paragraph 17 "
	 "(the council appoints the chair and non-executive directors)",
	 GOVMAP_CAT_COVERAGE},
	{"core/no-chain", "a body with no chain of accountability to voters",
	 GOVMAP_SEV_WARNING,
	 "Bovens (2007), 'Analysing and assessing accountability'; the "
	 "democratic-deficit model in CONTRIBUTING.md",
	 GOVMAP_CAT_DEFICIT},
	{"core/no-commissioner",
	 "a provider (an NHS trust or foundation trust, or a body providing "
	 "under a contract) with no commissioner recorded on the date",
	 GOVMAP_SEV_INFO,
	 "National Health Service Act 2006 s.3 (an integrated care board, a "
	 "clinical commissioning group before 1 July 2022, arranges hospital "
	 "and community health services) and s.9 (NHS contracts); a contract "
	 "names its commissioner (registry/README.md, contract)",
	 GOVMAP_CAT_COVERAGE},
	{"core/no-sanction",
	 "no forum can impose consequences on the body", GOVMAP_SEV_WARNING,
	 "Bovens (2007): accountability needs information, debate and "
	 "consequences",
	 GOVMAP_CAT_DEFICIT},
	{"core/no-statutory-basis",
	 "decisions or spending by a body with no statutory basis",
	 GOVMAP_SEV_WARNING,
	 "ultra vires: public bodies act only within powers given by law",
	 GOVMAP_CAT_DEFICIT},
	{"core/powers-unknown",
	 "no link records a power to sanction the body, and some record no "
	 "powers at all",
	 GOVMAP_SEV_INFO,
	 "the instrument behind each link; links with no powers recorded "
	 "give the score's interval (CONTRIBUTING.md)",
	 GOVMAP_CAT_COVERAGE},
	{"core/sock-puppet",
	 "a company whose directors are all appointed by one government body "
	 "and whose funding all comes from government",
	 GOVMAP_SEV_WARNING,
	 "the 'sock puppet' test of independence (seed: National Academy for "
	 "Social Prescribing)",
	 GOVMAP_CAT_DEFICIT},
	{"core/stale-source", "every source was last checked over two years "
			      "before the evaluation date",
	 GOVMAP_SEV_INFO, "registry convention: sources carry an accessed date",
	 GOVMAP_CAT_COVERAGE},
	{"core/unpublished-contract", "a contract that was not published",
	 GOVMAP_SEV_WARNING,
	 "Public Contracts Regulations 2015 reg. 50 and 106 (SI 2015/102); "
	 "Procurement Act 2023",
	 GOVMAP_CAT_DEFICIT},
	{"core/unresourced-scrutiny", "a scrutiny forum with no resources",
	 GOVMAP_SEV_WARNING,
	 "Local Government Act 2000 s.9FA; Centre for Governance and Scrutiny "
	 "guidance",
	 GOVMAP_CAT_DEFICIT},
	{"core/unstated-seat",
	 "board seats whose source does not say how they are filled",
	 GOVMAP_SEV_INFO,
	 "the instrument that creates the seats; such seats count towards "
	 "the board's total, give no chain at worst and the score's "
	 "interval at best (CONTRIBUTING.md)",
	 GOVMAP_CAT_COVERAGE},
	{"core/untendered-contract",
	 "a contract awarded without tender, judged by the procurement "
	 "rules in force on its start date",
	 GOVMAP_SEV_WARNING,
	 "by the start date, for an English commissioner: from 2024-01-01 "
	 "the Health Care Services (Provider Selection Regime) Regulations "
	 "2023 (SI 2023/1348); from 2013-04-01 to 2023-12-31 the National "
	 "Health Service (Procurement, Patient Choice and Competition) (No. "
	 "2) Regulations 2013 (SI 2013/500); otherwise the Public Contracts "
	 "Regulations 2015 (SI 2015/102)",
	 GOVMAP_CAT_DEFICIT},
	{"core/vacant-seat", "a board seat known to be vacant",
	 GOVMAP_SEV_INFO, "the board's constitution or standing orders",
	 GOVMAP_CAT_DEFICIT},
};

const govmap_rule_info *govmap_core_rules(size_t *n)
{
	*n = sizeof core_rules / sizeof *core_rules;
	return core_rules;
}

static const govmap_rule_info *rule(const char *id)
{
	for (size_t i = 0; i < sizeof core_rules / sizeof *core_rules; i++)
		if (strcmp(core_rules[i].id, id) == 0)
			return &core_rules[i];
	return NULL;
}

#define FIND(list, rule_id, ent, ...)                                     \
	do {                                                               \
		const govmap_rule_info *r_ = rule(rule_id);                 \
		const govmap_entity *e_ =                                   \
			govmap_registry_at(an->reg, (size_t)(ent));         \
		govmap_findings_add(list, r_->severity, r_->id, r_->basis, \
				    (int32_t)(ent), e_->pos, __VA_ARGS__); \
	} while (0)

static int is_gov(const govmap_entity *e)
{
	static const char *const gov[] = {"minister", "government",
					  "government-department",
					  "arms-length-body", NULL};
	for (const char *const *g = gov; *g; g++)
		if (e->type && strcmp(e->type, *g) == 0)
			return 1;
	return 0;
}

static void sock_puppet(const govmap_analysis *an, size_t i,
			govmap_findings *f)
{
	const govmap_registry *reg = an->reg;
	const govmap_entity *e = govmap_registry_at(reg, i);
	if (e->kind != GOVMAP_KIND_BODY || !e->legal_form ||
	    !strstr(e->legal_form, "company"))
		return;
	/* all voting seats on the body's boards appointed by one body */
	int32_t appointer = -1;
	size_t seats = 0, n = govmap_registry_count(reg);
	int mixed = 0;
	for (size_t b = 0; b < n && !mixed; b++) {
		const govmap_entity *bd = govmap_registry_at(reg, b);
		if (bd->kind != GOVMAP_KIND_BOARD ||
		    bd->of.target != (int32_t)i || !an->scores[b].active)
			continue;
		for (size_t k = 0; k < bd->nseats; k++) {
			const govmap_seat *s = &bd->seats[k];
			if (s->voting == GOVMAP_NO ||
			    !govmap_period_contains(s->valid, an->on))
				continue;
			seats++;
			if (s->fill != GOVMAP_FILL_APPOINTED ||
			    (appointer >= 0 && s->by.target != appointer))
				mixed = 1;
			appointer = s->by.target;
		}
	}
	if (mixed || !seats || appointer < 0 ||
	    !is_gov(govmap_registry_at(reg, (size_t)appointer)))
		return;
	/* all funding from government */
	size_t funders = 0;
	for (size_t l = 0; l < n; l++) {
		const govmap_entity *le = govmap_registry_at(reg, l);
		if (le->kind != GOVMAP_KIND_LINK || !an->scores[l].active ||
		    le->from.target != (int32_t)i || !le->type ||
		    strcmp(le->type, "funded-by") != 0 || le->to.target < 0)
			continue;
		if (!is_gov(govmap_registry_at(reg, (size_t)le->to.target)))
			return;
		funders++;
	}
	if (!funders)
		return;
	FIND(f, "core/sock-puppet", i,
	     "%s is a company whose directors are all appointed by %s and "
	     "whose funding all comes from government (%zu funder%s): it is "
	     "not independent of government",
	     e->name, govmap_registry_at(reg, (size_t)appointer)->name,
	     funders, funders == 1 ? "" : "s");
}

/* ---- contract and provider rules (issue 17) ---- */

/* The legal basis of an untendered award under each regime. */
#define BASIS_PSR                                                          \
	"Health Care Services (Provider Selection Regime) Regulations 2023 " \
	"(SI 2023/1348) regs. 6-10 and 14 (direct award processes A, B and " \
	"C, the most suitable provider process, urgent awards), in force "   \
	"1 January 2024; National Health Service Act 2006 s.12ZB (inserted " \
	"by the Health and Care Act 2022 s.79)"
#define BASIS_NHS_2013                                                     \
	"National Health Service (Procurement, Patient Choice and "           \
	"Competition) (No. 2) Regulations 2013 (SI 2013/500) regs. 3 and 5, " \
	"in force 1 April 2013 to 31 December 2023 (integrated care boards "  \
	"read for CCGs from 1 July 2022: SI 2022/734 reg. 21); other "        \
	"purchases: the Public Contracts Regulations 2015 (SI 2015/102)"

/* core/untendered-contract and core/unpublished-contract for contract i
 * (in force, or its dates not known: the award is a fact either way). */
static void contract_findings(const govmap_analysis *an, size_t i,
			      govmap_findings *f)
{
	const govmap_registry *reg = an->reg;
	const govmap_entity *e = govmap_registry_at(reg, i);
	const char *c = e->commissioner.target >= 0
				? govmap_registry_at(reg,
						     (size_t)e->commissioner.target)
					  ->name
				: e->commissioner.id;
	c = c ? c : "?";
	char d[11];
	govmap_date_format(d, e->start);
	const govmap_rule_info *r = rule("core/untendered-contract");
	if (e->tendered == GOVMAP_NO) {
		switch (govmap_contract_regime(reg, e)) {
		case GOVMAP_REGIME_PSR:
			govmap_findings_add(
				f, r->severity, r->id, BASIS_PSR, (int32_t)i,
				e->pos,
				"contract '%s' from %s was let without "
				"competition; it started on %s, under the "
				"Provider Selection Regime: health care "
				"services bought by NHS England, an integrated "
				"care board, an NHS trust or foundation trust "
				"or a council may be awarded without "
				"competition only through Direct Award Process "
				"A, B or C, the Most Suitable Provider Process "
				"or an urgent award, each with a notice "
				"published: which process was used, and where "
				"is its notice?",
				e->name, c, d);
			break;
		case GOVMAP_REGIME_NHS_2013:
			govmap_findings_add(
				f, r->severity, r->id, BASIS_NHS_2013,
				(int32_t)i, e->pos,
				"contract '%s' from %s was let without "
				"competition; it started on %s, under the NHS "
				"procurement regulations of 2013: NHS England "
				"and clinical commissioning groups (integrated "
				"care boards from 1 July 2022) could award "
				"health care services without advertising only "
				"where that provider alone could provide them "
				"(reg. 5), acting transparently and treating "
				"providers equally (reg. 3)",
				e->name, c, d);
			break;
		case GOVMAP_REGIME_START_NOT_KNOWN:
			govmap_findings_add(
				f, r->severity, r->id, r->basis, (int32_t)i,
				e->pos,
				"contract '%s' from %s was awarded without a "
				"tender; its start date is not recorded, so "
				"whether the 2013 NHS procurement regulations "
				"or the Provider Selection Regime (from 1 "
				"January 2024) governed it cannot be said",
				e->name, c);
			break;
		default:
			govmap_findings_add(
				f, r->severity, r->id,
				"Public Contracts Regulations 2015 (SI "
				"2015/102); Procurement Act 2023",
				(int32_t)i, e->pos,
				"contract '%s' from %s was awarded without a "
				"tender",
				e->name, c);
		}
	}
	if (e->published == GOVMAP_NO)
		FIND(f, "core/unpublished-contract", i,
		     "contract '%s' from %s has not been published", e->name,
		     c);
}

/* What the provider rules need, for every entity in one pass (so that
 * the rules stay linear in the registry's size). */
enum {
	PM_PROVIDER = 1,   /* provides under a contract not known to be out
			      of force */
	PM_GOVERNORS = 2,  /* has a council of governors not known to be out
			      of force */
	PM_COMMISSIONED = 4 /* govmap_registry_commissioned() */
};

static unsigned char *provider_marks(const govmap_analysis *an)
{
	const govmap_registry *reg = an->reg;
	size_t n = govmap_registry_count(reg);
	unsigned char *m = calloc(n ? n : 1, 1);
	bool *com = malloc((n ? n : 1) * sizeof(*com));
	if (!m || !com) {
		free(m);
		free(com);
		return NULL;
	}
	govmap_registry_commissioned(reg, an->on, com);
	for (size_t k = 0; k < n; k++) {
		const govmap_entity *x = govmap_registry_at(reg, k);
		if (com[k])
			m[k] |= PM_COMMISSIONED;
		if (x->kind == GOVMAP_KIND_CONTRACT && x->provider.target >= 0 &&
		    govmap_contract_status(x, an->on) != GOVMAP_NO)
			m[x->provider.target] |= PM_PROVIDER;
		else if (x->kind == GOVMAP_KIND_BOARD && x->of.target >= 0 &&
			 x->type &&
			 strcmp(x->type, "council-of-governors") == 0 &&
			 govmap_period_status(x->valid, an->on) != GOVMAP_NO)
			m[x->of.target] |= PM_GOVERNORS;
	}
	free(com);
	return m;
}

/* core/governors-not-recorded and core/no-commissioner for body i (in
 * force), from its marks. */
static void provider_findings(const govmap_analysis *an, size_t i,
			      unsigned marks, govmap_findings *f)
{
	const govmap_entity *e = govmap_registry_at(an->reg, i);
	if (e->kind != GOVMAP_KIND_BODY)
		return;
	int ft = e->type && strcmp(e->type, "foundation-trust") == 0;
	int trust = ft || (e->type && strcmp(e->type, "nhs-trust") == 0);
	if (ft && !(marks & PM_GOVERNORS))
		FIND(f, "core/governors-not-recorded", i,
		     "no council of governors of %s is recorded: the "
		     "governors its members elect appoint its chair and "
		     "non-executive directors, so its chain through its "
		     "members cannot be scored",
		     e->name);
	if ((trust || (marks & PM_PROVIDER)) && !(marks & PM_COMMISSIONED))
		FIND(f, "core/no-commissioner", i,
		     "no commissioner of %s is recorded on this date: no "
		     "commissioned-by link in force%s",
		     e->name,
		     (marks & PM_PROVIDER)
			     ? ", and the commissioner of each of its "
			       "contracts is out of force"
			     : " and no contract naming it as provider");
}

/* Consequences: does any forum hold a power to sanction entity i?  A
 * contract in force counts as one (its commissioner can end it).  A
 * link whose powers are not recorded may hold it: when no link records
 * the power and some record none, that is a gap in the registry
 * (core/powers-unknown, coverage), not a failing of the body; the
 * score's interval already covers both cases. */
static void sanction_findings(const govmap_analysis *an, size_t i,
			      govmap_findings *f)
{
	const govmap_entity *e = govmap_registry_at(an->reg, i);
	size_t no, links = 0, unknown = 0;
	const uint32_t *out = govmap_analysis_out(an, i, &no);
	for (size_t k = 0; k < no; k++) {
		const govmap_edge *ed = &an->edges[out[k]];
		if (ed->kind == GOVMAP_EDGE_CONTRACT)
			return; /* a contract in force: its own consequences */
		if (ed->kind != GOVMAP_EDGE_LINK)
			continue;
		unsigned p = govmap_registry_at(an->reg, (size_t)ed->link)->powers;
		if (p & GOVMAP_POWER_SANCTION)
			return;
		links++;
		unknown += p == 0;
	}
	if (!links)
		return;
	/* what the links record, for one link or several: one link is
	 * "its only accountability link", never "none of its 1
	 * accountability link" */
	char what[200];
	if (unknown && links == 1)
		snprintf(what, sizeof what,
			 "its only accountability link records no powers");
	else if (unknown)
		snprintf(what, sizeof what,
			 "%zu of its %zu accountability links record%s no "
			 "powers, and none records the power to sanction",
			 unknown, links, unknown == 1 ? "s" : "");
	else if (links == 1)
		snprintf(what, sizeof what,
			 "its only accountability link does not carry the "
			 "power to sanction");
	else
		snprintf(what, sizeof what,
			 "none of its %zu accountability links carries the "
			 "power to sanction",
			 links);
	if (unknown)
		FIND(f, "core/powers-unknown", i,
		     "whether any forum can impose consequences on %s is not "
		     "recorded: %s",
		     e->name, what);
	else
		FIND(f, "core/no-sanction", i,
		     "no forum can impose consequences on %s: %s", e->name,
		     what);
}

void govmap_core_findings(const govmap_analysis *an, govmap_findings *f)
{
	const govmap_registry *reg = an->reg;
	size_t n = govmap_registry_count(reg);
	/* NULL (out of memory): the provider rules are skipped */
	unsigned char *marks = provider_marks(an);
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(reg, i);
		const govmap_score *s = &an->scores[i];
		if (!s->active) {
			/* an award is a fact even when the term is not
			 * recorded */
			if (e->kind == GOVMAP_KIND_CONTRACT && s->dates_unknown)
				contract_findings(an, i, f);
			continue;
		}
		/* sources: the newest accessed date */
		govmap_date newest = 0;
		for (size_t k = 0; k < e->nsources; k++)
			if (e->sources[k].accessed > newest)
				newest = e->sources[k].accessed;
		if (newest && newest + 20000 < an->on) {
			char d[11];
			govmap_date_format(d, newest);
			FIND(f, "core/stale-source", i,
			     "the newest source of '%s' was checked on %s, "
			     "over two years ago: check it is still right",
			     e->id, d);
		}
		if (e->kind == GOVMAP_KIND_CONTRACT) {
			contract_findings(an, i, f);
			continue;
		}
		if (e->kind == GOVMAP_KIND_BOARD) {
			uint32_t unstated = 0, total = 0;
			const char *first = NULL;
			for (size_t k = 0; k < e->nseats; k++) {
				const govmap_seat *st = &e->seats[k];
				if (!govmap_period_contains(st->valid, an->on))
					continue;
				total += st->count;
				if (st->fill == GOVMAP_FILL_UNSTATED) {
					unstated += st->count;
					if (!first)
						first = st->role;
				}
				if (st->vacant)
					FIND(f, "core/vacant-seat", i,
					     "%u of %u '%s' seat%s on %s %s "
					     "vacant",
					     st->vacant, st->count, st->role,
					     st->count == 1 ? "" : "s", e->name,
					     st->vacant == 1 ? "is" : "are");
			}
			if (unstated)
				FIND(f, "core/unstated-seat", i,
				     "%u of the %u seats on %s (first '%s') "
				     "%s filled in a way its source does not "
				     "state: a voting one gives no chain at "
				     "worst, and at best is appointed by the "
				     "board's strongest recorded member, "
				     "if it has one",
				     unstated, total, e->name, first,
				     unstated == 1 ? "is" : "are");
		}
		if (e->kind != GOVMAP_KIND_BODY && e->kind != GOVMAP_KIND_BOARD)
			continue;
		if (s->electorate)
			continue;
		if (s->A <= 0)
			FIND(f, "core/no-chain", i,
			     "%s has no chain of accountability to any "
			     "electorate",
			     e->name);
		sanction_findings(an, i, f);
		if (e->statutory_basis &&
		    strcasecmp(e->statutory_basis, "none") == 0) {
			int decides = e->kind == GOVMAP_KIND_BOARD &&
				      e->ndecides;
			for (size_t b = 0; b < n && !decides; b++) {
				const govmap_entity *bd =
					govmap_registry_at(reg, b);
				if (bd->kind == GOVMAP_KIND_BOARD &&
				    bd->ndecides && an->scores[b].active &&
				    (bd->of.target == (int32_t)i))
					decides = 1;
			}
			if (decides || s->money > 0)
				FIND(f, "core/no-statutory-basis", i,
				     "%s has no statutory basis, yet it %s",
				     e->name,
				     decides ? "takes decisions"
					     : "controls public money");
		}
		/* scrutiny with no resources */
		if (s->money == 0) {
			for (size_t l = 0; l < n; l++) {
				const govmap_entity *le =
					govmap_registry_at(reg, l);
				if (le->kind == GOVMAP_KIND_LINK &&
				    an->scores[l].active &&
				    le->to.target == (int32_t)i && le->type &&
				    strcmp(le->type, "scrutinised-by") == 0) {
					FIND(f, "core/unresourced-scrutiny", i,
					     "%s scrutinises others but has no "
					     "budget of its own (money: 0 for "
					     "this year)",
					     e->name);
					break;
				}
			}
		}
		sock_puppet(an, i, f);
		if (marks)
			provider_findings(an, i, marks[i], f);
	}
	free(marks);
}
