/*
 * govmap/report.h - what a report says about an analysed registry: totals
 * with their coverage, rankings of known figures, the bodies a ranking by
 * money cannot show, and findings by category.  Used by `govmap report`
 * and the site, so that both say the same thing.
 *
 * Honest numbers (issue 15): unknown money is a value, never £0.  Totals
 * add known figures only and say for how many bodies they are known
 * ("£196bn known, for 12 of 373 bodies; 361 not recorded"); the exposure
 * ranking holds bodies with a known figure only; bodies with a weak chain
 * and no money recorded are listed apart; entities whose dates are not
 * known are listed, not counted in force; findings are split into deficit
 * (the structure is weak), coverage (the registry lacks a record) and
 * data (records disagree), and headline figures use deficit findings
 * only.
 *
 * A govmap_report borrows the analysis and the findings, which must
 * outlive it; everything it returns is owned by it and lives until
 * govmap_report_free().  Never prints.
 */
#ifndef GOVMAP_REPORT_H
#define GOVMAP_REPORT_H

#include <stddef.h>

#include "analysis.h"
#include "findings.h"

#ifdef __cplusplus
extern "C" {
#endif

/** "Weaker than 0.25": the headline threshold on A. */
#define GOVMAP_REPORT_WEAK 0.25

typedef struct {
	const char *region; /**< only this region and below; NULL: all */
	double weak;        /**< the threshold on A; 0: GOVMAP_REPORT_WEAK */
} govmap_report_opts;

/** Totals over the bodies and boards in force in scope (roots, i.e.
 * electorates and memberships, are not counted). */
typedef struct {
	double weak_threshold;
	size_t bodies;            /**< in force, in scope */
	size_t with_money;        /**< with a known figure for the date */
	size_t money_unknown;     /**< bodies - with_money */
	size_t other_year;        /**< of with_money, figures of another year
				       (only with --nearest-year) */
	double money;             /**< sum of the known figures */
	double exposure;          /**< sum of D x money over known figures */
	size_t weak;              /**< with A below the threshold */
	size_t weak_with_money;   /**< of those, with a known figure */
	double weak_money;        /**< their known money */
	size_t nochain;           /**< with A = 0 */
	size_t dates_unknown;     /**< bodies and boards not counted in force
				       because a date is marked unknown */
	size_t findings[3];       /**< unsuppressed findings in scope, per
				       govmap_category */
	size_t deficit_sev[3];    /**< unsuppressed deficit findings per
				       severity */
	size_t suppressed;        /**< suppressed findings in scope */
	/* Providers whose money is the value of their contracts in force
	 * (govmap_score.money_from_contracts): that money is inside their
	 * commissioners' figures already, so it is not added to `money`,
	 * `exposure` or `weak_money` (nor counted in with_money or
	 * money_unknown); it is totalled here apart.  The providers are
	 * ranked by exposure with the rest. */
	size_t contract_bodies;   /**< providers with contract money known */
	double contract_money;    /**< the sum of their contract money */
	double contract_exposure; /**< the sum of their D x contract money */
	size_t weak_contract_bodies; /**< of contract_bodies, below the
					  threshold */
	double weak_contract_money;  /**< their contract money */
	/* Other years, for a date whose year has few figures (the registry
	 * records years that have passed; a date in a new year finds few):
	 * facts for the reader, never added to any total above. */
	size_t unknown_other_year; /**< of money_unknown, bodies with a
					figure of their own for another
					year (what --nearest-year would
					use) */
	int32_t years[3];         /**< the financial years other than the
				       date's for which most bodies in
				       scope have a figure of their own,
				       most first (ties: the later year);
				       0 past the last */
	size_t years_bodies[3];   /**< how many bodies have one for each */
} govmap_report_totals;

typedef struct govmap_report govmap_report;

/**
 * Build the report of `an` (and its findings `f`, may be NULL).
 * @param[out] out  free with govmap_report_free().
 * @return GOVMAP_OK, GOVMAP_ENOMEM.
 */
int govmap_report_build(govmap_report **out, const govmap_analysis *an,
			const govmap_findings *f,
			const govmap_report_opts *opts);
void govmap_report_free(govmap_report *r);

const govmap_report_totals *govmap_report_get_totals(const govmap_report *r);

/** Bodies and boards in scope with a known money figure, by exposure
 * (largest first; then deficit, then id).  Entity indexes. */
const size_t *govmap_report_by_exposure(const govmap_report *r, size_t *n);

/** Bodies and boards in scope with no money figure for the date and A
 * below the threshold: the weak bodies a ranking by money cannot show,
 * by deficit (largest first, then id). */
const size_t *govmap_report_unpriced(const govmap_report *r, size_t *n);

/** Every body and board in force in scope, by deficit (largest first,
 * then exposure where known, then id). */
const size_t *govmap_report_by_deficit(const govmap_report *r, size_t *n);

/** Bodies and boards in scope whose dates are marked unknown and which
 * are therefore not counted in force on the date, by id. */
const size_t *govmap_report_undated(const govmap_report *r, size_t *n);

/** Findings in scope of one category, unsuppressed ones first, each
 * group by region, rule and order of the list.  Indexes into `f`. */
const size_t *govmap_report_findings(const govmap_report *r,
				     govmap_category cat, size_t *n);

/** The region a finding belongs to: its entity's, else the region of a
 * link's `from` or a contract's commissioner; "" when none.  Borrowed. */
const char *govmap_report_finding_region(const govmap_report *r,
					 const govmap_finding *f);

/** The two rankings a sensitivity run covers. */
typedef enum {
	GOVMAP_RANKING_EXPOSURE = 0, /**< govmap_report_by_exposure() */
	GOVMAP_RANKING_UNPRICED      /**< govmap_report_unpriced() */
} govmap_ranking;

/** A body's best and worst rank across the variations (1 = first). */
typedef struct {
	size_t best, worst;
} govmap_rank_range;

/**
 * Re-score the report's registry under every documented variation of
 * the model (govmap_sensitivity_variants()) with `base`'s date, type
 * weights and money rule, and record each ranked body's range of ranks
 * among the same bodies.  The variations are taken around
 * `base->variant`, the weights in use (govmap_variant_around(): pass a
 * manifest's override, govmap_registry_weights(), or NULL for the
 * documented weights).
 * @return GOVMAP_OK or GOVMAP_ENOMEM.
 */
int govmap_report_sensitivity(govmap_report *r,
			      const govmap_analysis_opts *base);

/** Like govmap_report_sensitivity, with the variations' analyses
 * already made (of the same registry and date): a caller that reports on
 * many regions analyses each variation once.  Returns GOVMAP_OK or
 * GOVMAP_ENOMEM. */
int govmap_report_sensitivity_of(govmap_report *r,
				 const govmap_analysis *const *variants,
				 size_t n);

/** The rank ranges of a ranking, in its order (NULL before
 * govmap_report_sensitivity()). */
const govmap_rank_range *govmap_report_ranks(const govmap_report *r,
					     govmap_ranking which, size_t *n);

/** A ranking is robust when none of its first `shown` bodies moves more
 * than one place across the variations. */
bool govmap_report_robust(const govmap_report *r, govmap_ranking which,
			  size_t shown);

/** The coverage of the money totals in words, into buf: "£4.3bn known,
 * for 2 of 6 bodies; 4 not recorded", "no money recorded for any of 6
 * bodies", or "£4.3bn known, for all 6 bodies"; where providers hold
 * contract money, "...; 1 not recorded; and £3m held by 1 provider
 * under contracts, inside its commissioners' money, not added".
 * Returns buf. */
const char *govmap_report_coverage_text(const govmap_report_totals *t,
					char *buf, size_t size);

/** Where money unknown for the date's year is recorded for another
 * year, in words, into buf: "1210 of the 1332 bodies with no figure
 * for 2026/27 have one for another year; most figures are for 2023/24
 * (154 bodies), then 2025/26 (31) and 2024/25 (29)"; the second half
 * only when the first of those years has more figures than the
 * date's.  "" when no body with unknown money has a
 * figure for another year (always so with GOVMAP_MONEY_NEAREST_YEAR,
 * which uses them).  `year` is the financial year of the date.
 * Returns buf. */
const char *govmap_report_years_text(const govmap_report_totals *t,
				     int32_t year, char *buf, size_t size);

/** The money of the weak bodies with its coverage: "£1.2bn known, for 3
 * of 16 bodies; 13 not recorded" (of the bodies below the threshold).
 * Returns buf. */
const char *govmap_report_weak_text(const govmap_report_totals *t,
				    char *buf, size_t size);

/*
 * A finding's message in names.  A rule's message names entities by id
 * ("ICB 'x-icb' spans 3 regions"); a reader wants names.  The message
 * is read as a run of pieces: plain text, and each word shaped like an
 * id (lower-case letters, digits and hyphens, with a hyphen, never at
 * either end, not running on into a capital) that is the id of a body
 * or board in the registry, together with the single quotes around it
 * when it has both.  A front end writes the text as it is (escaped for
 * its format) and each entity as its name (`govmap report` in text and
 * Markdown, the brief and the site; machine formats keep the message
 * as the rule wrote it, ids and all).
 */

/** One piece of a message. */
typedef struct {
	const char *text; /**< into the message (borrowed from it, not
			       NUL-terminated): the piece's bytes; for an
			       entity, its id with the quotes around it */
	size_t len;       /**< bytes at text, never 0 */
	int32_t entity;   /**< -1: plain text; else the index of the body
			       or board (govmap_registry_at()) */
} govmap_msg_span;

/**
 * The next piece of a message: start with *cursor at the message (NULL
 * is an empty message); each call fills `out` and moves *cursor past
 * it.  Allocates nothing; the spans point into the message, which must
 * outlive them.
 * @return 1 with a piece in `out`, 0 at the end of the message.
 */
int govmap_msg_next(const govmap_registry *reg, const char **cursor,
		    govmap_msg_span *out);

/**
 * The message with each body or board named by id written as its name
 * (its id when it has none) and the quotes around it dropped: "ICB
 * 'x-icb' spans" -> "ICB NHS X Integrated Care Board spans".  Not
 * escaped: the caller escapes it for where it goes.
 * @return malloc'd, NUL-terminated, the caller frees it; NULL when out of
 * memory (or msg is NULL).
 */
char *govmap_msg_names(const govmap_registry *reg, const char *msg);

#ifdef __cplusplus
}
#endif
#endif
