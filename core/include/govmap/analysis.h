/*
 * govmap/analysis.h - the accountability graph and the deficit model.
 *
 * Accountability as Bovens frames it: an actor informs a forum, the forum
 * questions it and can impose consequences.  Each accountability link gets
 * a strength in (0,1] (govmap_link_strength: the one place the weights
 * live); a chain's strength is the product of its links'; a body's
 * accountability A is its strongest chain to any electorate (a widest-path
 * search), its deficit D = 1 - A, and its exposure D x the public money it
 * controls.  Everything is evaluated on one date: entities and links not
 * valid on that date take no part.
 *
 * The analysis reads a validated registry and never changes it.  All
 * results are owned by the govmap_analysis and live until
 * govmap_analysis_free(); they borrow the registry, which must outlive
 * them.
 */
#ifndef GOVMAP_ANALYSIS_H
#define GOVMAP_ANALYSIS_H

#include "common.h"
#include "findings.h"
#include "model.h"
#include "registry.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Why an edge of the accountability graph exists. */
typedef enum {
	GOVMAP_EDGE_LINK = 0,   /**< an explicit `kind: link` entity */
	GOVMAP_EDGE_BOARD_OF,   /**< a board answers to the body it is of */
	GOVMAP_EDGE_JOINT,      /**< a joint board answers to each member */
	GOVMAP_EDGE_SEAT,       /**< seats filled by a body or electorate */
	GOVMAP_EDGE_CONTRACT    /**< a contract in force: its provider answers
				     to its commissioner through contract
				     management (`link` is the contract) */
} govmap_edge_kind;

/** One edge: `from` gives account to `to`.  Indexes into the registry. */
typedef struct {
	int32_t from, to;
	govmap_edge_kind kind;
	int32_t link;      /**< the link entity for GOVMAP_EDGE_LINK, the
			        contract for GOVMAP_EDGE_CONTRACT, else -1 */
	int32_t seat;      /**< seat index on the board for GOVMAP_EDGE_SEAT */
	double strength;   /**< in (0,1] */
	double strength_high; /**< the best case where something is not
				   recorded (a link's powers, a seat's fill):
				   >= strength; equal when nothing is */
} govmap_edge;

/** Per-entity results.  For contracts and links, `active` tells whether
 * they are valid on the date and the rest is zero. */
typedef struct {
	bool active;       /**< valid on the evaluation date */
	bool electorate;   /**< a root of accountability */
	double A;          /**< accountability in [0,1] */
	double D;          /**< deficit = 1 - A */
	int64_t money;     /**< public money controlled in the financial
			        year of the evaluation date (or the nearest
			        year when the options ask), -1 unknown; for a
			        provider with no figure of its own, its
			        contracts' values (money_from_contracts) */
	double exposure;   /**< D x money (0 when money unknown: test money
			        before showing it) */
	int32_t next;      /**< edge index of the first step of the best
			        chain, -1 if none (or an electorate) */
	uint32_t hops;     /**< links in the best chain */
	int32_t money_year; /**< financial year of `money` (2024 for
				 2024/25); 0 when unknown */
	govmap_money_kind money_kind;
	bool money_other_year; /**< `money` is for another year than the
				    date's (only with
				    GOVMAP_MONEY_NEAREST_YEAR) */
	bool dates_unknown; /**< not counted as in force because a date of
				 its period is marked unknown and the known
				 dates do not decide */
	double A_high;     /**< the best case of A: unknown powers read as
			        inform, question and sanction, seats whose
			        fill is not stated as filled the way the
			        board's stated seats are.  A is the worst
			        case (unknowns give no chain); A <= A_high */
	uint32_t contracts; /**< contracts in force on the date of which this
				 body is the provider */
	uint32_t contracts_unvalued; /**< of them, those with no
					  contract-value figure for the
					  financial year of the date */
	bool money_from_contracts; /**< `money` is the sum of the values of
				        its contracts in force (it has no figure
				        of its own for the year): public money
				        its commissioners' figures already hold,
				        so report totals do not add it again */
} govmap_score;

/** The width beyond which outputs show the interval [A, A_high]. */
#define GOVMAP_INTERVAL_SHOWN 0.05

typedef struct govmap_analysis govmap_analysis;

/** Optional type weights from plugins: return the weight in (0,1] a
 * plugin gives to `link_type` (it replaces the core's weight for that
 * type), or a negative number for "no opinion". */
typedef double (*govmap_type_weight_fn)(const char *link_type,
					void *payload);

/** The documented variations (CONTRIBUTING.md, "Sensitivity"): each of
 * the five weight groups (basis, powers, type, seat fill, the step) up
 * and down by a quarter, and the weakest-link chain.  Static storage. */
const govmap_variant *govmap_sensitivity_variants(size_t *n);

/** Variation `v` around the weights in use `base` (a manifest's
 * `weights:` override, or NULL for the documented ones): each group's
 * factor is base's times v's, and the chain variation chains the other
 * way from base (the weakest link, or the product when base already uses
 * the weakest link; the name then says so).  The name is v's or static. */
govmap_variant govmap_variant_around(const govmap_variant *base,
				     const govmap_variant *v);

typedef struct {
	govmap_date on;             /**< evaluation date; 0 = today */
	govmap_type_weight_fn weight;
	void *weight_payload;
	unsigned money_how;         /**< GOVMAP_MONEY_THIS_YEAR (0, the
					 default) or GOVMAP_MONEY_NEAREST_YEAR
					 (model.h) */
	const govmap_variant *variant; /**< NULL: the documented model */
} govmap_analysis_opts;

/**
 * Analyse a validated registry.
 * @param[out] out  free with govmap_analysis_free().
 * @return GOVMAP_OK or GOVMAP_ENOMEM.
 */
int govmap_analyse(govmap_analysis **out, const govmap_registry *reg,
		   const govmap_analysis_opts *opts);

void govmap_analysis_free(govmap_analysis *an);

/** The score of entity i (borrowed). */
const govmap_score *govmap_analysis_score(const govmap_analysis *an,
					  size_t i);

/** All edges (borrowed), and the evaluation date. */
const govmap_edge *govmap_analysis_edges(const govmap_analysis *an,
					 size_t *n);
govmap_date govmap_analysis_date(const govmap_analysis *an);

/** Edges leaving entity i (indexes into the edge array). */
const uint32_t *govmap_analysis_out(const govmap_analysis *an, size_t i,
				    size_t *n);

/** Run the core rules, adding findings.  Suppressions are not applied
 * here: the caller applies them once all rules (core and plugins) ran. */
void govmap_core_findings(const govmap_analysis *an,
			  govmap_findings *out);

/** The strength of a link from its basis, powers and type, before any
 * regional factor (the documented weights: CONTRIBUTING.md "The deficit
 * model").  Writes a plain-English breakdown into why (if non-NULL). */
double govmap_link_strength(const govmap_entity *link, char *why,
			    size_t why_size);

/** The strength of a link as this analysis computes it: like
 * govmap_link_strength, with the plugins' type weights applied. */
double govmap_analysis_link_strength(const govmap_analysis *an,
				     const govmap_entity *link, char *why,
				     size_t why_size);

/** The strength of the edge a contract gives (its provider answers to
 * its commissioner through contract management: basis contract, powers
 * inform, question and sanction, the type weight of commissioned-by;
 * CONTRIBUTING.md "The deficit model"), with this analysis's variation
 * and plugin weights.  Writes the breakdown into why (if non-NULL). */
double govmap_analysis_contract_strength(const govmap_analysis *an,
					 const govmap_entity *contract,
					 char *why, size_t why_size);

/**
 * The documented word for an accountability A (CONTRIBUTING.md, "Words
 * beside the numbers"): "strong" (A >= 0.7), "moderate" (>= 0.4), "weak"
 * (>= 0.2), "very weak" (> 0) or "none" (0).  Static storage.
 */
const char *govmap_strength_word(double A);

/**
 * One line on why body or board i scores as it does, into buf: the kind
 * of its best chain's weakest step and how far voters are ("statutory;
 * can question but not sanction; 2 links from voters"), "no chain to
 * voters recorded", or for a root "the voters themselves" / "a
 * membership, not the public".  Returns buf.
 */
const char *govmap_analysis_reason(const govmap_analysis *an, size_t i,
				   char *buf, size_t size);

/** A with its interval when that is wider than GOVMAP_INTERVAL_SHOWN:
 * "0.656" or "0.098 to 0.163", with `digits` decimals.  Returns buf. */
const char *govmap_score_A_text(const govmap_score *sc, int digits,
				char *buf, size_t size);

/** The money of a score in words, into buf: "£2.2bn (2023/24
 * outturn)", "£4.2bn (2024/25 budget; the nearest year recorded, not
 * this date's)", "£10m (2024/25 contract value: 1 contract in force)"
 * for a provider's money from its contracts, or "unknown" when no figure
 * applies.  Returns buf. */
const char *govmap_score_money_text(const govmap_score *sc, char *buf,
				    size_t size);

/** The accountability a root of the graph starts with: 1 for a body of
 * type electorate, 0.5 for a membership (a foundation trust's members
 * are not the public), 0 for anything else. */
double govmap_root_weight(const govmap_entity *e);

/** How much a seat counts by the way it is filled: elected 1.0,
 * appointed 0.8, nominated 0.6, ex officio 0 (the one place these live). */
double govmap_fill_weight(govmap_fill fill);

/** The strength of a seat edge for `nseats` of `total` voting seats
 * filled one way. */
double govmap_seat_strength(govmap_fill fill, uint32_t nseats,
			    uint32_t total);

/** A human-readable name of an edge ("link 'x' (scrutinised-by)",
 * "board of", "2 seats appointed by"), into buf. */
const char *govmap_edge_describe(const govmap_analysis *an,
				 const govmap_edge *e, char *buf,
				 size_t size);

/** Best single improvement for entity i: which edge to strengthen and the
 * accountability that would result.  Returns the edge index or -1. */
int32_t govmap_analysis_best_change(const govmap_analysis *an, size_t i,
				    double *new_A);

/** The Bovens stages the links from body or board i to its forums carry
 * together: GOVMAP_POWER_INFORM, _QUESTION and _SANCTION or'd (0 when it
 * has no link, or none lists its powers); a contract in force carries
 * all three, and a governing board the stages of the body it answers
 * through too (govmap_analysis_answers_through).  The questions a
 * committee could ask are about the stages missing.  O(its edges and
 * its body's). */
unsigned govmap_analysis_stages(const govmap_analysis *an, size_t i);

/** The body a governing board i answers through (a board of type
 * `board`, or of no type, that its body decides through; a council of
 * governors or a joint committee has a role of its own), or -1 for any
 * other entity.  O(its edges). */
int32_t govmap_analysis_answers_through(const govmap_analysis *an,
					size_t i);

/** The registry analysed (borrowed). */
const govmap_registry *govmap_analysis_registry(const govmap_analysis *an);

#ifdef __cplusplus
}
#endif
#endif
