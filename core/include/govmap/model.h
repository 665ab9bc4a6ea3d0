/*
 * govmap/model.h - the registry model: bodies, boards with seats,
 * contracts and accountability links.
 *
 * The model is built by the loader (registry.h) and is read-only after
 * govmap_registry_load() returns.  Every pointer inside it is owned by the
 * govmap_registry and stays valid until govmap_registry_free().  Entities
 * are stored in one array; references between them are resolved to array
 * indexes (`target`), -1 when unresolved.
 */
#ifndef GOVMAP_MODEL_H
#define GOVMAP_MODEL_H

#include <stdbool.h>
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
	GOVMAP_KIND_BODY = 0,
	GOVMAP_KIND_BOARD,
	GOVMAP_KIND_CONTRACT,
	GOVMAP_KIND_LINK,
	GOVMAP_KIND__COUNT
} govmap_kind;

/** A tri-state flag: a missing answer is not the same as "no". */
typedef enum { GOVMAP_UNKNOWN = -1, GOVMAP_NO = 0, GOVMAP_YES = 1 } govmap_tristate;

/** Forum types of an accountability link (Bovens). */
typedef enum {
	GOVMAP_FORUM_NONE = 0, /**< not given */
	GOVMAP_FORUM_POLITICAL,
	GOVMAP_FORUM_LEGAL,
	GOVMAP_FORUM_ADMINISTRATIVE,
	GOVMAP_FORUM_PROFESSIONAL,
	GOVMAP_FORUM_SOCIAL
} govmap_forum;

/** The footing of a link: what obliges the actor to give account. */
typedef enum {
	GOVMAP_BASIS_UNSET = 0,
	GOVMAP_BASIS_STATUTE,
	GOVMAP_BASIS_REGULATION,
	GOVMAP_BASIS_CONTRACT,
	GOVMAP_BASIS_GUIDANCE,
	GOVMAP_BASIS_VOLUNTARY,
	GOVMAP_BASIS_NONE
} govmap_basis;

/** Powers of a forum over an actor: a bit set. */
enum {
	GOVMAP_POWER_INFORM = 1,
	GOVMAP_POWER_QUESTION = 2,
	GOVMAP_POWER_SANCTION = 4
};

/** How a seat is filled. */
typedef enum {
	GOVMAP_FILL_UNSET = 0,
	GOVMAP_FILL_ELECTED,    /**< elected by an electorate (`by`) */
	GOVMAP_FILL_APPOINTED,  /**< appointed_by `by` */
	GOVMAP_FILL_NOMINATED,  /**< nominated_by `by` */
	GOVMAP_FILL_EX_OFFICIO, /**< holds the seat by virtue of another post */
	GOVMAP_FILL_UNSTATED    /**< the source creating the seat does not say
				     how it is filled (`fill_unstated`) */
} govmap_fill;

/** A date the registry says is not known (`valid: {from: unknown}`):
 * kept inside govmap_period so that the period stays two dates wide (it
 * crosses the plugin ABI by value).  Never a real date; format it with
 * govmap_date_format(), which writes "unknown". */
#define GOVMAP_DATE_UNKNOWN ((govmap_date)-1)

/** A start date the registry says is not known but bounded, `valid:
 * {from: unknown, from_no_later_than: D}`: began on a date the sources do
 * not give, no later than D (a yyyymmdd date).  Stored in `from` as -D,
 * below GOVMAP_DATE_UNKNOWN, so that the period stays two dates wide
 * across the plugin ABI; a reader that tests `from > 0` before comparing
 * sees an unknown start, as before.  The period is in force from D on
 * (govmap_period_status); before D it is not known to be. */
#define GOVMAP_DATE_NO_LATER_THAN(d) ((govmap_date)-(govmap_date)(d))
/** The bound D of such a start; 0 for any other date (header-only, so
 * that plugins may use it). */
#define GOVMAP_DATE_BOUND(d) ((d) < -1 ? -(d) : 0)
/** True for a date marked unknown, bounded or not. */
#define GOVMAP_DATE_IS_UNKNOWN(d) ((d) < 0)

typedef struct {
	govmap_date from; /**< 0 = since always; GOVMAP_DATE_UNKNOWN = began
			       on a date the sources do not give; below
			       that, GOVMAP_DATE_NO_LATER_THAN(D) = began
			       on such a date no later than D */
	govmap_date to;   /**< 0 = still in force; exclusive end date;
			       GOVMAP_DATE_UNKNOWN = ended on a date the
			       sources do not give */
} govmap_period;

/** The kind of a money figure (`money: - kind:`). */
typedef enum {
	GOVMAP_MONEY_UNSET = 0,
	GOVMAP_MONEY_ALLOCATION,     /**< what the body was given to spend */
	GOVMAP_MONEY_BUDGET,         /**< what it planned or was limited to */
	GOVMAP_MONEY_OUTTURN,        /**< what it actually spent */
	GOVMAP_MONEY_CONTRACT_VALUE  /**< a contract's value for the year */
} govmap_money_kind;

/** One entry of an entity's money series: an amount for one financial
 * year (April to March) and kind, with the source that gives it. */
typedef struct {
	int32_t year;           /**< the financial year by its first calendar
				     year (2024 for 2024/25) */
	int64_t gbp;            /**< whole pounds, >= 0 */
	govmap_money_kind kind;
	const char *source;     /**< the url; the same string as the url of
				     one of the entity's sources (borrowed
				     from it) */
	char *notes;            /**< or NULL */
	govmap_pos pos;
} govmap_money;

/** The post a seat holds (`post:`), from the documented list. */
typedef enum {
	GOVMAP_POST_UNSET = 0,
	GOVMAP_POST_CHAIR,
	GOVMAP_POST_VICE_CHAIR,
	GOVMAP_POST_CHIEF_EXECUTIVE,
	GOVMAP_POST_CHIEF_OFFICER,
	GOVMAP_POST_FINANCE_OFFICER,
	GOVMAP_POST_SOCIAL_WORK_OFFICER,
	GOVMAP_POST_MEDICAL_DIRECTOR,
	GOVMAP_POST_NURSING_DIRECTOR,
	GOVMAP_POST_EXECUTIVE,
	GOVMAP_POST_NON_EXECUTIVE,
	GOVMAP_POST_PARTNER_MEMBER,
	GOVMAP_POST_GOVERNOR,
	GOVMAP_POST_MEMBER,
	GOVMAP_POST_OFFICER,
	GOVMAP_POST_ADVISER,
	GOVMAP_POST__COUNT
} govmap_post;

/** A reference to another entity by id. */
typedef struct {
	char *id;       /**< as written; NULL when the field is absent */
	govmap_pos pos; /**< where it was written */
	int32_t target; /**< index into the entity array, -1 if unresolved */
} govmap_ref;

typedef struct {
	char *url;
	char *title;
	govmap_date accessed;
	govmap_pos pos;
} govmap_source;

typedef struct {
	char *scheme; /**< "ons", "ods", ... */
	char *value;
	govmap_pos pos;
} govmap_code;

typedef struct {
	char *rule;   /**< rule id, e.g. "core/no-sanction" */
	char *reason; /**< why the exception was accepted; required */
	govmap_pos pos;
} govmap_suppression;

typedef struct {
	char *role;
	uint32_t count;               /**< >= 1 */
	govmap_fill fill;
	govmap_ref by;                /**< appointer, nominator or electorate */
	govmap_ref approved_by;       /**< optional approver of an appointment */
	govmap_tristate elected_member; /**< must be held by an elected member */
	govmap_tristate voting;
	uint32_t vacant;              /**< seats of `count` known to be vacant */
	govmap_period valid;
	char *notes;
	govmap_pos pos;
	govmap_post post;             /**< GOVMAP_POST_UNSET when not given */
	govmap_date vacant_since;     /**< when the vacancies began
					   (`vacant_since`); 0 when not
					   given */
} govmap_seat;

/** One entity.  Kind-specific fields are zero / NULL / -1 for other
 * kinds. */
typedef struct {
	govmap_kind kind;
	char *id;
	char *name;
	char *type;    /**< body type, board type or link type */
	char *region;  /**< a path such as "england/greater-manchester" */
	char *notes;
	govmap_period valid;
	govmap_pos pos;     /**< start of the entity's mapping */
	govmap_pos id_pos;  /**< where the id was written */
	govmap_pos type_pos; /**< where the type was written (or pos) */

	govmap_source *sources; size_t nsources;
	govmap_code *codes; size_t ncodes;
	govmap_suppression *suppress; size_t nsuppress;

	/* body */
	char *statutory_basis;  /**< an Act, or "none" */
	char *legal_form;
	/* bodies, boards and contracts: the money series, one entry per
	 * financial year and kind, in the order written (read it with
	 * govmap_entity_money()) */
	govmap_money *money; size_t nmoney;
	govmap_tristate meets_in_public;
	govmap_tristate publishes_papers;
	govmap_ref replaces;
	govmap_ref succeeded_by;

	/* board */
	govmap_ref of;
	govmap_ref *joint; size_t njoint;
	govmap_seat *seats; size_t nseats;
	char **decides; size_t ndecides;

	/* contract */
	govmap_ref commissioner;
	govmap_ref provider;
	int64_t value_gbp;      /**< -1 when unknown */
	govmap_date start, end;
	govmap_tristate tendered;
	govmap_tristate published;
	char **services; size_t nservices;

	/* link: `from` gives account to `to` */
	govmap_ref from;
	govmap_ref to;
	govmap_forum forum;
	govmap_basis basis;
	unsigned powers;        /**< GOVMAP_POWER_* bits */
} govmap_entity;

/** A variation of the deficit model: each group of weights multiplied
 * (0 means 1, as documented; every weight is capped at 1), and
 * optionally a chain as strong as its weakest link instead of the product
 * of its links.  Used by `report --sensitivity` (analysis.h) and by a
 * manifest's `weights:` override (registry.h). */
typedef struct {
	const char *name;   /**< "basis weights +25%" */
	double basis, powers, type, fill, hop;
	bool weakest_link;
} govmap_variant;

/** Names of enum values as written in YAML. */
const char *govmap_kind_name(govmap_kind k);
const char *govmap_forum_name(govmap_forum f);
const char *govmap_basis_name(govmap_basis b);
const char *govmap_fill_name(govmap_fill f);

const char *govmap_money_kind_name(govmap_money_kind k);
const char *govmap_post_name(govmap_post p);

/** True when `p` certainly includes `on` (from <= on < to); on == 0 means
 * "any".  A period with a date GOVMAP_DATE_UNKNOWN includes `on` only when
 * the known dates alone decide it: never, since an unknown start (or
 * end) leaves open whether `on` was inside.  A start unknown but no later
 * than D (GOVMAP_DATE_NO_LATER_THAN) includes every `on` from D on, as a
 * start of D would, and leaves open the dates before D. */
bool govmap_period_contains(govmap_period p, govmap_date on);

/** Like govmap_period_contains, with a third answer: GOVMAP_UNKNOWN when
 * `on` is inside the known bounds but an unknown date leaves it open. */
govmap_tristate govmap_period_status(govmap_period p, govmap_date on);

/**
 * Whether a contract is in force on `on` (one rule for the analysis, the
 * plugins' active() and `govmap stats`): GOVMAP_NO when a known date
 * rules `on` out (its `valid` period, `on` before `start`, or after
 * `end`, the last day of the term); GOVMAP_YES only when its `valid`
 * period holds and both `start` and `end` are known with start <= on <=
 * end; otherwise GOVMAP_UNKNOWN (a start or end not recorded: "dates not
 * known", never counted in force).  on == 0 means "any": YES unless the
 * dates are missing.  For an entity of another kind, the status of its
 * `valid` period.
 */
govmap_tristate govmap_contract_status(const govmap_entity *e,
				       govmap_date on);

/** The financial year (April to March) a date falls in, by its first
 * calendar year: 2024 for 2025-03-31, 2025 for 2025-04-01; 0 for 0. */
int32_t govmap_fyear_of(govmap_date d);

/** How govmap_entity_money() may choose a year. */
enum {
	GOVMAP_MONEY_THIS_YEAR = 0,   /**< only the year in force on `on` */
	GOVMAP_MONEY_NEAREST_YEAR = 1 /**< else the nearest year recorded
					   (ties: the earlier year) */
};

/** A money figure chosen for a date. */
typedef struct {
	int64_t gbp;            /**< -1 when no figure applies (unknown) */
	int32_t year;           /**< the financial year of the figure; 0 */
	govmap_money_kind kind;
	bool other_year;        /**< true when `year` is not the year of
				     `on` (GOVMAP_MONEY_NEAREST_YEAR only) */
	const govmap_money *entry; /**< borrowed from the entity; NULL */
} govmap_money_figure;

/**
 * The public money an entity controls in the financial year in force on
 * `on` (on == 0: the latest year recorded).  Of several kinds for that
 * year it takes outturn, then budget, then allocation, then contract
 * value (what was spent before what was planned or given).  With
 * GOVMAP_MONEY_THIS_YEAR a figure for any other year is never used; with
 * GOVMAP_MONEY_NEAREST_YEAR the nearest year is, and `other_year` says
 * so.  Writes *out in every case (gbp -1 when unknown).
 * @return true when a figure was found.
 */
bool govmap_entity_money(const govmap_entity *e, govmap_date on,
			 unsigned how, govmap_money_figure *out);

/** An entity's own money figures (contract values are not its own), in
 * the order written, in words into buf: "2023/24 outturn £642m; 2024/25
 * budget £1.0bn" ("" when none; cut to fit).  Returns how many. */
size_t govmap_money_series_text(const govmap_entity *e, char *buf,
				size_t size);

/** Look up a code of an entity by scheme; NULL if none.  Borrowed. */
const char *govmap_entity_code(const govmap_entity *e, const char *scheme);

#ifdef __cplusplus
}
#endif
#endif
