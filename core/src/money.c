/*
 * money.c - reading the model's money series and periods on a date.
 *
 * Owns the choice of the money figure that applies on a date (the
 * financial year in force, never another year unless the caller asks for
 * the nearest) and the three-valued answer to "is this period in force",
 * where a date the registry marks unknown leaves the answer open.  Reads
 * the model only.
 */
#include <stdio.h>
#include <stdlib.h>

#include "registry_impl.h"

static const char *const money_kind_names[] = {
	"", "allocation", "budget", "outturn", "contract-value"};
static const char *const post_names[] = {
	"", "chair", "vice-chair", "chief-executive", "chief-officer",
	"finance-officer", "social-work-officer", "medical-director",
	"nursing-director", "executive", "non-executive", "partner-member",
	"governor", "member", "officer", "adviser"};
_Static_assert(sizeof(post_names) / sizeof(post_names[0]) ==
		       GOVMAP_POST__COUNT,
	       "one name per post");

const char *govmap_money_kind_name(govmap_money_kind k)
{
	return (unsigned)k <= GOVMAP_MONEY_CONTRACT_VALUE ? money_kind_names[k]
							  : "?";
}

const char *govmap_post_name(govmap_post p)
{
	return (unsigned)p < GOVMAP_POST__COUNT ? post_names[p] : "?";
}

const char *const *govmap__money_kind_names(size_t *n)
{
	*n = sizeof money_kind_names / sizeof money_kind_names[0];
	return money_kind_names;
}

const char *const *govmap__post_names(size_t *n)
{
	*n = GOVMAP_POST__COUNT;
	return post_names;
}

govmap_tristate govmap_period_status(govmap_period p, govmap_date on)
{
	if (!on)
		return GOVMAP_YES;
	/* the known bounds decide "no" */
	if (p.from > 0 && on < p.from)
		return GOVMAP_NO;
	if (p.to > 0 && on >= p.to)
		return GOVMAP_NO;
	/* a start unknown but no later than D: certainly begun from D on */
	if (GOVMAP_DATE_BOUND(p.from))
		p.from = on >= GOVMAP_DATE_BOUND(p.from) ? 0
							 : GOVMAP_DATE_UNKNOWN;
	if (p.from == GOVMAP_DATE_UNKNOWN || p.to == GOVMAP_DATE_UNKNOWN)
		return GOVMAP_UNKNOWN;
	return GOVMAP_YES;
}

bool govmap_period_contains(govmap_period p, govmap_date on)
{
	return govmap_period_status(p, on) == GOVMAP_YES;
}

int32_t govmap_fyear_of(govmap_date d)
{
	if (d <= 0)
		return 0;
	int32_t y = d / 10000;
	return d % 10000 >= 401 ? y : y - 1;
}

/* Of two kinds for one year, which figure to show: what was spent
 * before what was planned, before what was given. */
static int kind_rank(govmap_money_kind k)
{
	switch (k) {
	case GOVMAP_MONEY_OUTTURN: return 4;
	case GOVMAP_MONEY_BUDGET: return 3;
	case GOVMAP_MONEY_ALLOCATION: return 2;
	case GOVMAP_MONEY_CONTRACT_VALUE: return 1;
	default: return 0;
	}
}

bool govmap_entity_money(const govmap_entity *e, govmap_date on,
			 unsigned how, govmap_money_figure *out)
{
	govmap_money_figure f = {-1, 0, GOVMAP_MONEY_UNSET, false, NULL};
	int32_t want = govmap_fyear_of(on);
	const govmap_money *best = NULL;
	for (size_t i = 0; e && i < e->nmoney; i++) {
		const govmap_money *m = &e->money[i];
		if (!best) {
			if (!want || m->year == want ||
			    (how & GOVMAP_MONEY_NEAREST_YEAR))
				best = m;
			continue;
		}
		if (!want) { /* no date: the latest year */
			if (m->year > best->year ||
			    (m->year == best->year &&
			     kind_rank(m->kind) > kind_rank(best->kind)))
				best = m;
			continue;
		}
		long db = labs((long)best->year - want);
		long dm = labs((long)m->year - want);
		if (!(how & GOVMAP_MONEY_NEAREST_YEAR) && m->year != want)
			continue;
		if (dm < db || (dm == db && m->year < best->year) ||
		    (m->year == best->year &&
		     kind_rank(m->kind) > kind_rank(best->kind)))
			best = m;
	}
	if (best) {
		f.gbp = best->gbp;
		f.year = best->year;
		f.kind = best->kind;
		f.entry = best;
		f.other_year = want && best->year != want;
	}
	if (out)
		*out = f;
	return best != NULL;
}

size_t govmap_money_series_text(const govmap_entity *e, char *buf,
				size_t size)
{
	size_t n = 0, len = 0;
	if (size)
		buf[0] = '\0';
	for (size_t k = 0; k < e->nmoney; k++) {
		if (e->money[k].kind == GOVMAP_MONEY_CONTRACT_VALUE)
			continue;
		char y[16], g[32];
		govmap_fyear_format(y, sizeof y, e->money[k].year);
		govmap_money_format(g, sizeof g, (double)e->money[k].gbp);
		if (len < size) {
			int w = snprintf(buf + len, size - len, "%s%s %s %s",
					 n ? "; " : "", y,
					 govmap_money_kind_name(e->money[k].kind),
					 g);
			len = w < 0 ? size : len + (size_t)w;
		}
		n++;
	}
	return n;
}
