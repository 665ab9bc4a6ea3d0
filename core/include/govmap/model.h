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

typedef struct {
	govmap_date from; /**< 0 = since always */
	govmap_date to;   /**< 0 = still in force; exclusive end date */
} govmap_period;

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
	int64_t spend_gbp;      /**< annual; -1 when unknown */
	int32_t spend_year;     /**< the financial year spend_gbp is for, by
				     its first calendar year (2025 for
				     2025/26); 0 when not stated */
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

/** Names of enum values as written in YAML. */
const char *govmap_kind_name(govmap_kind k);
const char *govmap_forum_name(govmap_forum f);
const char *govmap_basis_name(govmap_basis b);
const char *govmap_fill_name(govmap_fill f);

/** True when `p` includes `on` (from <= on < to); on == 0 means "any". */
bool govmap_period_contains(govmap_period p, govmap_date on);

/** Look up a code of an entity by scheme; NULL if none.  Borrowed. */
const char *govmap_entity_code(const govmap_entity *e, const char *scheme);

#ifdef __cplusplus
}
#endif
#endif
