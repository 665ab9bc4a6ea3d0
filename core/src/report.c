/*
 * report.c - report aggregation (govmap/report.h): totals with their
 * coverage, the exposure ranking of known figures, the weak bodies with
 * no money recorded, undated entities and findings by category.
 *
 * Owns the threshold arithmetic that `govmap report` and the site share.
 * Reads the analysis and findings only; never prints.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "govmap/report.h"

struct govmap_report {
	const govmap_analysis *an;
	const govmap_registry *reg;
	const govmap_findings *f;
	const char *region;
	govmap_report_totals t;
	size_t *exposure, nexposure;
	size_t *unpriced, nunpriced;
	size_t *deficit, ndeficit;
	size_t *undated, nundated;
	size_t *cat[3];
	size_t ncat[3];
	govmap_rank_range *ranks[2]; /* per ranking, after sensitivity */
};

static int in_region(const govmap_report *r, size_t i)
{
	return !r->region ||
	       govmap_region_in(govmap_entity_region(
					r->reg, govmap_registry_at(r->reg, i)),
				r->region);
}

static int body_or_board(const govmap_entity *e)
{
	return e->kind == GOVMAP_KIND_BODY || e->kind == GOVMAP_KIND_BOARD;
}

const char *govmap_report_finding_region(const govmap_report *r,
					 const govmap_finding *f)
{
	if (f->entity < 0)
		return "";
	const govmap_entity *e = govmap_registry_at(r->reg, (size_t)f->entity);
	const char *reg = govmap_entity_region(r->reg, e);
	if (!reg) {
		/* links and contracts: the region of their first end */
		int32_t t = e->from.target >= 0 ? e->from.target
						: e->commissioner.target;
		if (t >= 0)
			reg = govmap_entity_region(
				r->reg, govmap_registry_at(r->reg, (size_t)t));
	}
	return reg ? reg : "";
}

static int id_cmp(const govmap_report *r, size_t x, size_t y)
{
	return strcmp(govmap_registry_at(r->reg, x)->id,
		      govmap_registry_at(r->reg, y)->id);
}

static int by_exposure(const void *a, const void *b, void *ctx)
{
	const govmap_report *r = ctx;
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	const govmap_score *sx = govmap_analysis_score(r->an, x);
	const govmap_score *sy = govmap_analysis_score(r->an, y);
	if (sx->exposure != sy->exposure)
		return sx->exposure > sy->exposure ? -1 : 1;
	if (sx->D != sy->D)
		return sx->D > sy->D ? -1 : 1;
	return id_cmp(r, x, y);
}

static int by_deficit(const void *a, const void *b, void *ctx)
{
	const govmap_report *r = ctx;
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	const govmap_score *sx = govmap_analysis_score(r->an, x);
	const govmap_score *sy = govmap_analysis_score(r->an, y);
	if (sx->D != sy->D)
		return sx->D > sy->D ? -1 : 1;
	double ex = sx->money >= 0 ? sx->exposure : -1;
	double ey = sy->money >= 0 ? sy->exposure : -1;
	if (ex != ey)
		return ex > ey ? -1 : 1;
	return id_cmp(r, x, y);
}

static int by_id(const void *a, const void *b, void *ctx)
{
	return id_cmp(ctx, *(const size_t *)a, *(const size_t *)b);
}

static int by_region_rule(const void *a, const void *b, void *ctx)
{
	const govmap_report *r = ctx;
	size_t ia = *(const size_t *)a, ib = *(const size_t *)b;
	const govmap_finding *x = &r->f->v[ia];
	const govmap_finding *y = &r->f->v[ib];
	if (!x->suppressed != !y->suppressed)
		return x->suppressed ? 1 : -1;
	int c = strcmp(govmap_report_finding_region(r, x),
		       govmap_report_finding_region(r, y));
	if (c)
		return c;
	if ((c = strcmp(x->rule, y->rule)))
		return c;
	return ia < ib ? -1 : 1;
}

/* Counts of bodies with a figure of their own, per financial year. */
typedef struct {
	int32_t year;
	size_t n;
} year_count;

/* Count e's years (each once; contract values are not its own) other
 * than `skip` into *ys; returns whether it has any, -1 on ENOMEM. */
static int count_years(const govmap_entity *e, int32_t skip,
		       year_count **ys, size_t *nys, size_t *cap)
{
	int any = 0;
	for (size_t k = 0; k < e->nmoney; k++) {
		int32_t y = e->money[k].year;
		if (e->money[k].kind == GOVMAP_MONEY_CONTRACT_VALUE ||
		    y == skip)
			continue;
		int seen = 0;
		for (size_t j = 0; j < k && !seen; j++)
			seen = e->money[j].year == y &&
			       e->money[j].kind != GOVMAP_MONEY_CONTRACT_VALUE;
		if (seen)
			continue;
		any = 1;
		size_t j = 0;
		while (j < *nys && (*ys)[j].year != y)
			j++;
		if (j == *nys) {
			if (*nys == *cap) {
				size_t nc = *cap ? *cap * 2 : 8;
				year_count *p = realloc(*ys, nc * sizeof(**ys));
				if (!p)
					return -1;
				*ys = p;
				*cap = nc;
			}
			(*ys)[(*nys)++] = (year_count){y, 0};
		}
		(*ys)[j].n++;
	}
	return any;
}

int govmap_report_build(govmap_report **out, const govmap_analysis *an,
			const govmap_findings *f,
			const govmap_report_opts *opts)
{
	*out = NULL;
	govmap_report *r = calloc(1, sizeof(*r));
	if (!r)
		return GOVMAP_ENOMEM;
	r->an = an;
	r->reg = govmap_analysis_registry(an);
	r->f = f;
	r->region = opts ? opts->region : NULL;
	double weak = opts && opts->weak > 0 ? opts->weak : GOVMAP_REPORT_WEAK;
	r->t.weak_threshold = weak;
	size_t n = govmap_registry_count(r->reg), nf = f ? f->n : 0;
	r->exposure = malloc((n ? n : 1) * sizeof(size_t));
	r->unpriced = malloc((n ? n : 1) * sizeof(size_t));
	r->deficit = malloc((n ? n : 1) * sizeof(size_t));
	r->undated = malloc((n ? n : 1) * sizeof(size_t));
	for (int c = 0; c < 3; c++)
		r->cat[c] = malloc((nf ? nf : 1) * sizeof(size_t));
	if (!r->exposure || !r->unpriced || !r->deficit || !r->undated ||
	    !r->cat[0] || !r->cat[1] || !r->cat[2]) {
		govmap_report_free(r);
		return GOVMAP_ENOMEM;
	}
	govmap_report_totals *t = &r->t;
	int32_t fy = govmap_fyear_of(govmap_analysis_date(an));
	year_count *ys = NULL;
	size_t nys = 0, cap = 0;
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(r->reg, i);
		const govmap_score *sc = govmap_analysis_score(an, i);
		if (!body_or_board(e) || !in_region(r, i))
			continue;
		if (sc->dates_unknown) {
			r->undated[r->nundated++] = i;
			t->dates_unknown++;
			continue;
		}
		if (!sc->active || sc->electorate)
			continue;
		t->bodies++;
		r->deficit[r->ndeficit++] = i;
		int other = count_years(e, fy, &ys, &nys, &cap);
		if (other < 0) {
			free(ys);
			govmap_report_free(r);
			return GOVMAP_ENOMEM;
		}
		if (sc->money < 0 && other)
			t->unknown_other_year++;
		int weak_one = sc->A < weak;
		if (weak_one)
			t->weak++;
		if (sc->A <= 0)
			t->nochain++;
		if (sc->money >= 0 && sc->money_from_contracts) {
			/* inside the commissioners' money: apart */
			t->contract_bodies++;
			t->contract_money += (double)sc->money;
			t->contract_exposure += sc->exposure;
			r->exposure[r->nexposure++] = i;
			if (weak_one) {
				t->weak_contract_bodies++;
				t->weak_contract_money += (double)sc->money;
			}
		} else if (sc->money >= 0) {
			t->with_money++;
			t->other_year += sc->money_other_year;
			t->money += (double)sc->money;
			t->exposure += sc->exposure;
			r->exposure[r->nexposure++] = i;
			if (weak_one) {
				t->weak_with_money++;
				t->weak_money += (double)sc->money;
			}
		} else if (weak_one) {
			r->unpriced[r->nunpriced++] = i;
		}
	}
	t->money_unknown = t->bodies - t->with_money - t->contract_bodies;
	/* the three years with most figures, most first (ties: later) */
	for (size_t j = 0; j < nys; j++) {
		size_t k = 3;
		while (k > 0 && (ys[j].n > t->years_bodies[k - 1] ||
				 (ys[j].n == t->years_bodies[k - 1] &&
				  ys[j].year > t->years[k - 1])))
			k--;
		if (k == 3)
			continue;
		for (size_t m = 2; m > k; m--) {
			t->years[m] = t->years[m - 1];
			t->years_bodies[m] = t->years_bodies[m - 1];
		}
		t->years[k] = ys[j].year;
		t->years_bodies[k] = ys[j].n;
	}
	free(ys);
	for (size_t k = 0; k < nf; k++) {
		const govmap_finding *x = &f->v[k];
		if (r->region &&
		    !govmap_region_in(govmap_report_finding_region(r, x),
				      r->region))
			continue;
		unsigned c = (unsigned)x->category <= GOVMAP_CAT_DATA
				     ? (unsigned)x->category
				     : GOVMAP_CAT_DEFICIT;
		r->cat[c][r->ncat[c]++] = k;
		if (x->suppressed) {
			t->suppressed++;
			continue;
		}
		t->findings[c]++;
		if (c == GOVMAP_CAT_DEFICIT)
			t->deficit_sev[x->sev]++;
	}
	govmap_sort(r->exposure, r->nexposure, sizeof(size_t), by_exposure, r);
	govmap_sort(r->unpriced, r->nunpriced, sizeof(size_t), by_deficit, r);
	govmap_sort(r->deficit, r->ndeficit, sizeof(size_t), by_deficit, r);
	govmap_sort(r->undated, r->nundated, sizeof(size_t), by_id, r);
	for (int c = 0; c < 3; c++)
		govmap_sort(r->cat[c], r->ncat[c], sizeof(size_t),
			    by_region_rule, r);
	*out = r;
	return GOVMAP_OK;
}

void govmap_report_free(govmap_report *r)
{
	if (!r)
		return;
	free(r->exposure);
	free(r->unpriced);
	free(r->deficit);
	free(r->undated);
	for (int c = 0; c < 3; c++)
		free(r->cat[c]);
	free(r->ranks[0]);
	free(r->ranks[1]);
	free(r);
}

/* The metric a ranking orders by, under analysis `an`. */
static double metric(const govmap_analysis *an, size_t i, int by_deficit)
{
	const govmap_score *sc = govmap_analysis_score(an, i);
	return by_deficit ? sc->D : sc->exposure;
}

/* The rank of set[k] among the set under `an` (ties keep the documented
 * order). */
static size_t rank_in(const govmap_analysis *an, const size_t *set,
		      size_t n, size_t k, int by_deficit)
{
	double m = metric(an, set[k], by_deficit);
	size_t rank = 1;
	for (size_t j = 0; j < n; j++) {
		double o = metric(an, set[j], by_deficit);
		rank += o > m || (o == m && j < k);
	}
	return rank;
}

int govmap_report_sensitivity_of(govmap_report *r,
				 const govmap_analysis *const *variants,
				 size_t nv)
{
	const size_t *set[2] = {r->exposure, r->unpriced};
	size_t n[2] = {r->nexposure, r->nunpriced};
	for (int l = 0; l < 2; l++) {
		free(r->ranks[l]);
		r->ranks[l] = calloc(n[l] ? n[l] : 1, sizeof(govmap_rank_range));
		if (!r->ranks[l])
			return GOVMAP_ENOMEM;
		for (size_t k = 0; k < n[l]; k++)
			r->ranks[l][k].best = r->ranks[l][k].worst = k + 1;
	}
	for (size_t i = 0; i < nv; i++)
		for (int l = 0; l < 2; l++)
			for (size_t k = 0; k < n[l]; k++) {
				size_t x = rank_in(variants[i], set[l], n[l], k,
						   l == 1);
				govmap_rank_range *rr = &r->ranks[l][k];
				if (x < rr->best)
					rr->best = x;
				if (x > rr->worst)
					rr->worst = x;
			}
	return GOVMAP_OK;
}

int govmap_report_sensitivity(govmap_report *r,
			      const govmap_analysis_opts *base)
{
	size_t nv;
	const govmap_variant *v = govmap_sensitivity_variants(&nv);
	const govmap_analysis **an = calloc(nv, sizeof(*an));
	int rc = an ? GOVMAP_OK : GOVMAP_ENOMEM;
	for (size_t i = 0; i < nv && rc == GOVMAP_OK; i++) {
		govmap_analysis_opts o = *base;
		o.on = govmap_analysis_date(r->an);
		/* around the weights in use, not the documented ones */
		govmap_variant around = govmap_variant_around(base->variant,
							      &v[i]);
		o.variant = &around;
		govmap_analysis *a = NULL;
		rc = govmap_analyse(&a, r->reg, &o);
		an[i] = a;
	}
	if (rc == GOVMAP_OK)
		rc = govmap_report_sensitivity_of(r, an, nv);
	for (size_t i = 0; an && i < nv; i++)
		govmap_analysis_free((govmap_analysis *)an[i]);
	free(an);
	return rc;
}

const govmap_rank_range *govmap_report_ranks(const govmap_report *r,
					     govmap_ranking which, size_t *n)
{
	int l = which == GOVMAP_RANKING_UNPRICED;
	*n = l ? r->nunpriced : r->nexposure;
	return r->ranks[l];
}

bool govmap_report_robust(const govmap_report *r, govmap_ranking which,
			  size_t shown)
{
	size_t n;
	const govmap_rank_range *rr = govmap_report_ranks(r, which, &n);
	for (size_t k = 0; rr && k < shown && k < n; k++)
		if (rr[k].worst - rr[k].best > 1)
			return false;
	return true;
}

const govmap_report_totals *govmap_report_get_totals(const govmap_report *r)
{
	return &r->t;
}

const size_t *govmap_report_by_exposure(const govmap_report *r, size_t *n)
{
	*n = r->nexposure;
	return r->exposure;
}

const size_t *govmap_report_unpriced(const govmap_report *r, size_t *n)
{
	*n = r->nunpriced;
	return r->unpriced;
}

const size_t *govmap_report_by_deficit(const govmap_report *r, size_t *n)
{
	*n = r->ndeficit;
	return r->deficit;
}

const size_t *govmap_report_undated(const govmap_report *r, size_t *n)
{
	*n = r->nundated;
	return r->undated;
}

const size_t *govmap_report_findings(const govmap_report *r,
				     govmap_category cat, size_t *n)
{
	unsigned c = (unsigned)cat <= GOVMAP_CAT_DATA ? (unsigned)cat : 0;
	*n = r->ncat[c];
	return r->cat[c];
}

/* "£X known, for N of M bodies; K not recorded" over `known` of `all`,
 * where `held` more bodies hold `held_money` under contracts (counted
 * apart: neither known here nor not recorded). */
static const char *coverage(char *buf, size_t size, double money,
			    size_t known, size_t all, size_t held,
			    double held_money)
{
	char m[32], hm[32], tail[160] = "";
	govmap_money_format(m, sizeof m, money);
	if (held) {
		govmap_money_format(hm, sizeof hm, held_money);
		snprintf(tail, sizeof tail,
			 "; and %s held by %zu provider%s under contracts, "
			 "inside %s commissioners' money, not added",
			 hm, held, held == 1 ? "" : "s",
			 held == 1 ? "its" : "their");
	}
	size_t other = all - held;
	if (!all)
		snprintf(buf, size, "no bodies");
	else if (!known && !other)
		snprintf(buf, size, "no money recorded apart from contracts%s",
			 tail);
	else if (!known)
		snprintf(buf, size, "no money recorded for any of %zu bod%s%s",
			 other, other == 1 ? "y" : "ies", tail);
	else if (known == other)
		snprintf(buf, size, "%s known, for %s %zu bod%s%s", m,
			 other == 1 ? "the" : "all", other,
			 other == 1 ? "y" : "ies", tail);
	else
		snprintf(buf, size, "%s known, for %zu of %zu bodies; %zu not "
				    "recorded%s",
			 m, known, other, other - known, tail);
	return buf;
}

const char *govmap_report_coverage_text(const govmap_report_totals *t,
					char *buf, size_t size)
{
	return coverage(buf, size, t->money, t->with_money, t->bodies,
			t->contract_bodies, t->contract_money);
}

const char *govmap_report_years_text(const govmap_report_totals *t,
				     int32_t year, char *buf, size_t size)
{
	if (!size)
		return buf;
	buf[0] = '\0';
	if (!t->unknown_other_year)
		return buf;
	char fy[16];
	govmap_fyear_format(fy, sizeof fy, year);
	int n;
	if (t->unknown_other_year == t->money_unknown)
		n = t->money_unknown == 1
			    ? snprintf(buf, size, "the only body with no "
						  "figure for %s has one for "
						  "another year", fy)
			    : snprintf(buf, size, "all %zu bodies with no "
						  "figure for %s have one for "
						  "another year",
				       t->money_unknown, fy);
	else
		n = snprintf(buf, size, "%zu of the %zu bodies with no figure "
					"for %s %s one for another year",
			     t->unknown_other_year, t->money_unknown, fy,
			     t->unknown_other_year == 1 ? "has" : "have");
	if (n <= 0 || (size_t)n >= size || !t->years[0] ||
	    t->years_bodies[0] <= t->with_money)
		return buf;
	/* "; most figures are for A (n bodies)[, then B (n)][ and C (n)]" */
	for (size_t k = 0; k < 3 && t->years[k]; k++) {
		char y[16];
		govmap_fyear_format(y, sizeof y, t->years[k]);
		const char *pre = k == 0 ? "; most figures are for "
				  : k == 1 ? ", then "
					   : " and ";
		const char *unit = k ? ""
				   : t->years_bodies[0] == 1 ? " body"
							     : " bodies";
		int m = snprintf(buf + n, size - (size_t)n, "%s%s (%zu%s)",
				 pre, y, t->years_bodies[k], unit);
		if (m <= 0 || (size_t)m >= size - (size_t)n)
			break;
		n += m;
	}
	return buf;
}

const char *govmap_report_weak_text(const govmap_report_totals *t,
				    char *buf, size_t size)
{
	return coverage(buf, size, t->weak_money, t->weak_with_money,
			t->weak, t->weak_contract_bodies,
			t->weak_contract_money);
}

/* ---- a finding's message in names ---- */

static int id_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-';
}

/* The first body or board named by id in [from, ...) of a message, as
 * the span it takes (the id, with its quotes when it has both); NULL
 * when none.  `from` counts as the start of a word. */
static const char *next_entity(const govmap_registry *reg, const char *from,
			       size_t *len, int32_t *entity)
{
	for (const char *p = from; *p;) {
		if (!id_char(*p) || (p > from && id_char(p[-1]))) {
			p++;
			continue;
		}
		const char *q = p;
		while (id_char(*q))
			q++;
		/* an id has a hyphen, never at either end */
		size_t n = (size_t)(q - p);
		char id[160];
		int32_t i = -1;
		if (n < sizeof id && memchr(p, '-', n) && p[0] != '-' &&
		    q[-1] != '-' && !(*q >= 'A' && *q <= 'Z')) {
			memcpy(id, p, n);
			id[n] = '\0';
			i = govmap_registry_index(reg, id);
		}
		const govmap_entity *e =
			i >= 0 ? govmap_registry_at(reg, (size_t)i) : NULL;
		if (!e || !body_or_board(e)) {
			p = q;
			continue;
		}
		int quoted = p > from && p[-1] == '\'' && *q == '\'';
		*len = n + (quoted ? 2 : 0);
		*entity = i;
		return quoted ? p - 1 : p;
	}
	return NULL;
}

int govmap_msg_next(const govmap_registry *reg, const char **cursor,
		    govmap_msg_span *out)
{
	const char *at = *cursor;
	if (!at || !*at)
		return 0;
	size_t len = 0;
	int32_t i = -1;
	const char *e = next_entity(reg, at, &len, &i);
	out->text = at;
	if (e == at) {
		out->len = len;
		out->entity = i;
	} else {
		out->len = e ? (size_t)(e - at) : strlen(at);
		out->entity = -1;
	}
	*cursor = at + out->len;
	return 1;
}

char *govmap_msg_names(const govmap_registry *reg, const char *msg)
{
	if (!msg)
		return NULL;
	size_t size = 1;
	const char *cur = msg;
	govmap_msg_span sp;
	while (govmap_msg_next(reg, &cur, &sp)) {
		const govmap_entity *e =
			sp.entity >= 0 ? govmap_registry_at(reg, (size_t)sp.entity)
				       : NULL;
		size += e ? strlen(e->name ? e->name : e->id) : sp.len;
	}
	char *out = malloc(size), *w = out;
	if (!out)
		return NULL;
	cur = msg;
	while (govmap_msg_next(reg, &cur, &sp)) {
		const govmap_entity *e =
			sp.entity >= 0 ? govmap_registry_at(reg, (size_t)sp.entity)
				       : NULL;
		const char *s = e ? (e->name ? e->name : e->id) : sp.text;
		size_t n = e ? strlen(s) : sp.len;
		memcpy(w, s, n);
		w += n;
	}
	*w = '\0';
	return out;
}
