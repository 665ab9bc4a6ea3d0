/*
 * govmap/plugin.h - the whole plugin API.  A region plugin includes this
 * header and nothing else from govmap.
 *
 * Terms.  A *plugin* is a shared object `<name>.so` that exports exactly
 * one symbol, govmap_plugin_entry().  It returns a const *descriptor*
 * (govmap_plugin): who the plugin is, the region paths it governs, the
 * body, board and link types it declares, its *rules*, optional map
 * styling, and two mandatory callbacks, init() (or init_msg()) and
 * fini().  The host reaches the plugin only through the descriptor; the
 * plugin reaches the host only through the *host table* (govmap_host)
 * passed to init() and to every rule: read-only accessors over the
 * registry model and a findings sink.  Plugins never see a model struct
 * and never link against libgovmap, so they build with -Wl,--no-undefined
 * and the host needs no -rdynamic (the pattern of SQLite's loadable
 * extensions).
 *
 * Entities are named by their index in the registry, an int32_t from 0 to
 * entity_count() - 1; -1 means "none" (an absent or unresolved
 * reference).  Every accessor accepts any index: out of range, or of the
 * wrong kind, it returns the "absent" value (NULL, -1, 0, GOVMAP_UNKNOWN,
 * a zero period).  Strings returned by accessors are borrowed: valid until
 * the rule returns, never to be freed or written.  Strings and arrays a
 * plugin passes to the host (an id, a type, a format, an output buffer)
 * are used during the call only: the host keeps no pointer to them.
 *
 * Ownership of the descriptor is the other way round: the host keeps the
 * pointers of the descriptor (and of every string and array it points
 * to) without copying them, so they must be static storage, unchanged
 * while the plugin is loaded; accepted plugins are never unloaded.
 *
 * Rules run in a child process with a time limit (see govmap_plugin_rule):
 * a rule that crashes or hangs becomes an error finding naming the plugin
 * and the rule, and the other rules' findings still appear.  A rule must
 * therefore keep no state between calls that it expects the next rule to
 * see, and must not print: its standard output goes to /dev/null, and
 * the first five lines it writes to standard error are shown, escaped,
 * as warnings about the plugin.
 *
 * ABI rules.
 *   - GOVMAP_PLUGIN_ABI_VERSION changes whenever an existing field of
 *     govmap_plugin, govmap_plugin_rule, govmap_plugin_link_type,
 *     govmap_plugin_style or govmap_host changes (type, meaning, order),
 *     or an enum value this header uses (from common.h / model.h) changes.
 *     The host loads a plugin only when the versions are equal.
 *   - New fields are only ever added at the end of a struct, and do not
 *     change the ABI version.  struct_size tells each side how much the
 *     other knows: the host reads a descriptor field only if the plugin's
 *     struct_size covers it, and a plugin must test GOVMAP_HOST_HAS()
 *     before calling a host function added after the version it was
 *     built against.
 *
 * Costs.  Every accessor is O(1) unless its comment says otherwise; the
 * SDK's iterators (type_at, link_from_at, link_to_at, board_at) use
 * indexes the host builds once per run, so a rule that walks each
 * entity's links costs O(entities + links), not O(entities x links).
 *
 * Minimal plugin (plugins/template/template.c is a complete one):
 *
 *     #include "govmap/plugin.h"
 *     static const govmap_host *host;
 *     static int init(const govmap_host *h) { host = h; return 0; }
 *     static void fini(void) {}
 *     static void check_x(govmap_rule_ctx *ctx) {
 *         for (int32_t i = 0; i < host->entity_count(ctx); i++) ...
 *             host->report(ctx, GOVMAP_SEV_WARNING, NULL, i, "...");
 *     }
 *     static const govmap_plugin_rule rules[] = {
 *         {"x", "one-line title", GOVMAP_SEV_WARNING,
 *          "Some Act 2022 s. 1", check_x},
 *         {NULL, NULL, 0, NULL, NULL}};
 *     GOVMAP_PLUGIN_DEFINE(
 *         .name = "my-region", .version = "1.0", ...,
 *         .rules = rules, .init = init, .fini = fini);
 */
#ifndef GOVMAP_PLUGIN_H
#define GOVMAP_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#include "common.h"
#include "findings.h" /* govmap_category, for rule_categories */
#include "model.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The plugin ABI version.  Bump it when any existing field of the structs
 * below changes; never when a field is added at the end. */
#define GOVMAP_PLUGIN_ABI_VERSION 1u

/** The name of the one symbol a plugin exports. */
#define GOVMAP_PLUGIN_ENTRY_SYMBOL "govmap_plugin_entry"

/** Opaque: the context of one rule run.  Passed to the rule and to every
 * host function; valid only during the rule's call. */
typedef struct govmap_rule_ctx govmap_rule_ctx;

/** A rule: one check, with the legal basis that makes it a rule. */
typedef struct {
	/** Local id, lower-case kebab ([a-z0-9-], at most 64 bytes), unique
	 * within the plugin.  The rule's full id, used in findings and in
	 * `suppress` entries, is "<plugin name>/<id>".  Mandatory. */
	const char *id;
	/** One line of plain English: what the rule checks.  Mandatory. */
	const char *title;
	/** The most severe finding the rule reports (listed by `govmap
	 * rules`); the rule may report less severe ones too. */
	govmap_severity severity;
	/** The statute, regulation or document behind the rule, with the
	 * section: "NHS Act 2006 Sch. 1B para. 5".  Mandatory. */
	const char *basis;
	/** The check.  Mandatory.  Runs in a child process under a time
	 * limit (10 s by default); reports through host->report(). */
	void (*check)(govmap_rule_ctx *ctx);
} govmap_plugin_rule;

/** A link type a plugin declares. */
typedef struct {
	const char *name;  /**< lower-case kebab; NULL ends the list */
	/** Default strength of such a link in (0, 1] for the accountability
	 * model, or 0 for "let the core derive it from basis and powers".
	 * Any other value makes the host refuse the plugin. */
	double strength;
} govmap_plugin_link_type;

/** Map styling for one body type (optional).  Maps draw the colour as
 * the box's border and list it in the legend: the fill always shows the
 * deficit.  The host refuses a plugin whose colour is not "#rrggbb". */
typedef struct {
	const char *type;  /**< a body type; NULL ends the list */
	const char *fill;  /**< "#rrggbb" colour for the type, or NULL */
} govmap_plugin_style;

/** The host table.  Passed to init() and valid until fini() returns; the
 * same table is passed to every rule through the plugin's saved pointer.
 * Every function is non-NULL up to struct_size. */
typedef struct govmap_host {
	uint32_t abi_version; /**< GOVMAP_PLUGIN_ABI_VERSION of the host */
	uint32_t struct_size; /**< sizeof(govmap_host) in the host */

	/* --- the evaluation ------------------------------------------ */
	/** The date the registry is evaluated on (`govmap --on`, default
	 * today).  Rules about "now" consider entities in force that day. */
	govmap_date (*on)(const govmap_rule_ctx *ctx);
	/** True when period p certainly contains the evaluation date: a
	 * date GOVMAP_DATE_UNKNOWN (model.h) that leaves it open gives
	 * false; a start unknown but no later than D
	 * (GOVMAP_DATE_NO_LATER_THAN) counts from D on. */
	int (*in_force)(const govmap_rule_ctx *ctx, govmap_period p);

	/* --- every entity -------------------------------------------- */
	int32_t (*entity_count)(const govmap_rule_ctx *ctx);
	/** Index of the entity with this id, or -1. */
	int32_t (*find)(const govmap_rule_ctx *ctx, const char *id);
	/** Kind; GOVMAP_KIND__COUNT for an index out of range. */
	govmap_kind (*kind)(const govmap_rule_ctx *ctx, int32_t e);
	const char *(*id)(const govmap_rule_ctx *ctx, int32_t e);
	const char *(*name)(const govmap_rule_ctx *ctx, int32_t e);
	/** Body type, board type or link type; NULL when not given. */
	const char *(*type)(const govmap_rule_ctx *ctx, int32_t e);
	/** Region path ("england/greater-manchester") or NULL. */
	const char *(*region)(const govmap_rule_ctx *ctx, int32_t e);
	/** Validity period; {0, 0} = always; either date may be
	 * GOVMAP_DATE_UNKNOWN (-1: the registry says `unknown`), and
	 * `from` may be below -1, a start unknown but no later than a day
	 * (`from_no_later_than`; GOVMAP_DATE_BOUND(from) gives the day,
	 * model.h; added in govmap 0.2 without a change of the ABI
	 * version: a plugin built before reads it as unknown), so test
	 * `> 0` before comparing dates, or use in_force(). */
	govmap_period (*valid)(const govmap_rule_ctx *ctx, int32_t e);
	/** Official code by scheme ("ons", "ods"), or NULL. */
	const char *(*code)(const govmap_rule_ctx *ctx, int32_t e,
			    const char *scheme);
	size_t (*source_count)(const govmap_rule_ctx *ctx, int32_t e);

	/* --- bodies (and boards where the schema allows) -------------- */
	/** An Act, "none", or NULL when not given. */
	const char *(*statutory_basis)(const govmap_rule_ctx *ctx, int32_t e);
	/** Public money in pounds for the financial year of the rules'
	 * date (the registry's `money:` series, outturn before budget
	 * before allocation); -1 when no figure is recorded for that year,
	 * even if other years have one. */
	int64_t (*spend_gbp)(const govmap_rule_ctx *ctx, int32_t e);
	govmap_tristate (*meets_in_public)(const govmap_rule_ctx *ctx,
					   int32_t e);
	int32_t (*replaces)(const govmap_rule_ctx *ctx, int32_t e);
	int32_t (*succeeded_by)(const govmap_rule_ctx *ctx, int32_t e);

	/* --- boards --------------------------------------------------- */
	/** The body a board belongs to, or -1. */
	int32_t (*board_of)(const govmap_rule_ctx *ctx, int32_t e);
	size_t (*board_joint_count)(const govmap_rule_ctx *ctx, int32_t e);
	/** The i-th body of a joint board, or -1. */
	int32_t (*board_joint)(const govmap_rule_ctx *ctx, int32_t e,
			       size_t i);
	size_t (*board_decides_count)(const govmap_rule_ctx *ctx, int32_t e);
	const char *(*board_decides)(const govmap_rule_ctx *ctx, int32_t e,
				     size_t i);

	/* --- seats of a board (s from 0 to seat_count - 1) ------------ */
	size_t (*seat_count)(const govmap_rule_ctx *ctx, int32_t e);
	const char *(*seat_role)(const govmap_rule_ctx *ctx, int32_t e,
				 size_t s);
	/** How many seats of this role (>= 1). */
	uint32_t (*seat_number)(const govmap_rule_ctx *ctx, int32_t e,
				size_t s);
	/** How the seat is filled (model.h).  GOVMAP_FILL_UNSTATED, added
	 * after the first release, is last: treat values you do not know
	 * as "not stated". */
	govmap_fill (*seat_fill)(const govmap_rule_ctx *ctx, int32_t e,
				 size_t s);
	/** The electorate, appointer or nominator, or -1. */
	int32_t (*seat_by)(const govmap_rule_ctx *ctx, int32_t e, size_t s);
	/** Who approves the appointment, or -1. */
	int32_t (*seat_approved_by)(const govmap_rule_ctx *ctx, int32_t e,
				    size_t s);
	/** Must the holder be an elected member (a councillor, an MP)? */
	govmap_tristate (*seat_elected_member)(const govmap_rule_ctx *ctx,
					       int32_t e, size_t s);
	govmap_tristate (*seat_voting)(const govmap_rule_ctx *ctx, int32_t e,
				       size_t s);
	/** Seats of this role known to be vacant. */
	uint32_t (*seat_vacant)(const govmap_rule_ctx *ctx, int32_t e,
				size_t s);
	govmap_period (*seat_valid)(const govmap_rule_ctx *ctx, int32_t e,
				    size_t s);

	/* --- links: `from` gives account to `to` ---------------------- */
	int32_t (*link_from)(const govmap_rule_ctx *ctx, int32_t e);
	int32_t (*link_to)(const govmap_rule_ctx *ctx, int32_t e);
	govmap_basis (*link_basis)(const govmap_rule_ctx *ctx, int32_t e);
	govmap_forum (*link_forum)(const govmap_rule_ctx *ctx, int32_t e);
	/** GOVMAP_POWER_* bits. */
	unsigned (*link_powers)(const govmap_rule_ctx *ctx, int32_t e);

	/* --- contracts ------------------------------------------------ */
	int32_t (*contract_commissioner)(const govmap_rule_ctx *ctx,
					 int32_t e);
	int32_t (*contract_provider)(const govmap_rule_ctx *ctx, int32_t e);
	/** Value in pounds; -1 when unknown. */
	int64_t (*contract_value_gbp)(const govmap_rule_ctx *ctx, int32_t e);
	govmap_date (*contract_start)(const govmap_rule_ctx *ctx, int32_t e);
	govmap_date (*contract_end)(const govmap_rule_ctx *ctx, int32_t e);
	govmap_tristate (*contract_tendered)(const govmap_rule_ctx *ctx,
					     int32_t e);
	govmap_tristate (*contract_published)(const govmap_rule_ctx *ctx,
					      int32_t e);

	/* --- the findings sink ---------------------------------------- */
	/**
	 * Report a finding about entity `e` (-1: about the registry as a
	 * whole; any other index out of range is reported as -1, with a
	 * note saying so in the message).  `rule_id` is a local id of this
	 * plugin's rules, or NULL for the rule being run; an id the plugin
	 * did not declare is replaced by the running rule's.  `sev` beyond
	 * GOVMAP_SEV_ERROR counts as an error.  The message is printf-style
	 * plain English in UTF-8, no trailing newline, cut at 1,000 bytes
	 * (before a character, never inside one); a NULL `fmt` is reported
	 * as "the rule reported a finding with no message".  The host
	 * escapes control characters and bytes that are not UTF-8 (as
	 * \xNN), so one finding is one line, and adds the position of `e`
	 * and the rule's basis.  Cannot fail visibly; after 10,000 findings
	 * from one rule the rest are dropped with a note.
	 */
	void (*report)(govmap_rule_ctx *ctx, govmap_severity sev,
		       const char *rule_id, int32_t e, const char *fmt, ...)
		__attribute__((format(printf, 5, 6)));

	/* Version 1 ends here.  New functions are added below this line
	 * only; test them with GOVMAP_HOST_HAS(). */

	/* --- the SDK (added in govmap 0.2; test GOVMAP_HOST_HAS(host,
	 * entity_region) before using any of these) ------------------- */
	/** The region an entity governs: its own, or for a board without
	 * one its body's (`of`, else the first of `joint`).  NULL when
	 * none.  O(1). */
	const char *(*entity_region)(const govmap_rule_ctx *ctx, int32_t e);
	/** True when `region` is `prefix` or below it ("england/london"
	 * is in "england", not in "eng"); false when either is NULL.
	 * O(length of prefix). */
	int (*region_in)(const govmap_rule_ctx *ctx, const char *region,
			 const char *prefix);
	/** True when the entity is in force on the evaluation date (its
	 * `valid` period; a contract's start and end too).  O(1). */
	int (*active)(const govmap_rule_ctx *ctx, int32_t e);
	/** The entities of a kind and type, in registry order: count,
	 * then the i-th.  `type` NULL: every entity of the kind.  O(log n)
	 * per call (an index built once per run). */
	size_t (*type_count)(const govmap_rule_ctx *ctx, govmap_kind k,
			     const char *type);
	int32_t (*type_at)(const govmap_rule_ctx *ctx, govmap_kind k,
			   const char *type, size_t i);
	/** The links whose `from` is e, and those whose `to` is e, in
	 * registry order (whether in force or not: test active()).  O(1)
	 * per call. */
	size_t (*links_from_count)(const govmap_rule_ctx *ctx, int32_t e);
	int32_t (*link_from_at)(const govmap_rule_ctx *ctx, int32_t e,
				size_t i);
	size_t (*links_to_count)(const govmap_rule_ctx *ctx, int32_t e);
	int32_t (*link_to_at)(const govmap_rule_ctx *ctx, int32_t e,
			      size_t i);
	/** The boards of body e: those `of` it and the joint boards that
	 * name it, in registry order.  O(1) per call. */
	size_t (*boards_count)(const govmap_rule_ctx *ctx, int32_t e);
	int32_t (*board_at)(const govmap_rule_ctx *ctx, int32_t e, size_t i);
	/** A body's or board's score on the evaluation date, from the
	 * core's analysis (CONTRIBUTING.md "The deficit model"): its
	 * accountability A in [0, 1] (the strength of its strongest chain
	 * to an electorate; the deficit is 1 - A) into *a, and the next
	 * entity on that chain (an electorate ends it) into *next.
	 * Returns 0, or -1 when there is no score: e is not a body or
	 * board, is not in force, or the rules run without an analysis
	 * (`govmap check`).  `a` and `next` may be NULL (not written).
	 * O(1). */
	int (*score)(const govmap_rule_ctx *ctx, int32_t e, double *a,
		     int32_t *next);
	/** More fields of a body: legal form and notes (NULL when not
	 * given); whether it publishes its papers. */
	const char *(*legal_form)(const govmap_rule_ctx *ctx, int32_t e);
	const char *(*notes)(const govmap_rule_ctx *ctx, int32_t e);
	govmap_tristate (*publishes_papers)(const govmap_rule_ctx *ctx,
					    int32_t e);
	/** A seat's notes (NULL when none). */
	const char *(*seat_notes)(const govmap_rule_ctx *ctx, int32_t e,
				  size_t s);
	/** True when entity e's type is `type`.  O(length of type). */
	int (*is_type)(const govmap_rule_ctx *ctx, int32_t e,
		       const char *type);
	/**
	 * The members of a partnership, committee or joint board x on the
	 * evaluation date, each once, x itself never: the bodies a joint
	 * board names and the body it is `of`; the bodies that fill seats
	 * in force on x and on the boards in force `of` x; the `from` of
	 * member-of links in force to x; and the local authorities x
	 * reports-to (an ICP reports to its councils).  In that order
	 * (links in registry order), at most `max` into out, the caller's
	 * array of `max` (the rest are dropped; out NULL: none); returns
	 * how many were written.  O(seats and links of x, times the
	 * members found).
	 */
	size_t (*members)(const govmap_rule_ctx *ctx, int32_t x,
			  int32_t *out, size_t max);
	/** Write the ids of v[0..n) into buf, the caller's `size` bytes,
	 * ", "-separated and NUL-terminated, cut to fit (an id may be cut
	 * short); an index out of range is written "?".  Returns buf (as it
	 * is when buf is NULL or size 0). */
	char *(*join_ids)(const govmap_rule_ctx *ctx, const int32_t *v,
			  size_t n, char *buf, size_t size);
	/** The financial year of the figure spend_gbp() gives, by its first
	 * calendar year (2024 for 2024/25); 0 when spend_gbp() is -1. */
	int32_t (*money_year)(const govmap_rule_ctx *ctx, int32_t e);
	/** The post a seat holds (model.h), GOVMAP_POST_UNSET when not
	 * given; treat values you do not know as unset. */
	govmap_post (*seat_post)(const govmap_rule_ctx *ctx, int32_t e,
				 size_t s);
} govmap_host;

/** True when the host table has the member `field` (it was built against a
 * header that has it). */
#define GOVMAP_HOST_HAS(host, field)                                        \
	((host)->struct_size >= offsetof(govmap_host, field) +              \
				       sizeof((host)->field))

/** The plugin descriptor.  Static storage in the plugin: the host reads it
 * and never writes it, and keeps its pointers (see "Ownership" above).
 * The host prints its text as it is (`govmap plugins`, `govmap rules`,
 * findings' bases, the site), so version, description, and each rule's
 * title and basis must be printable UTF-8: a control character or a byte
 * that is not UTF-8 makes the host refuse the plugin. */
typedef struct govmap_plugin {
	/** GOVMAP_PLUGIN_ABI_VERSION the plugin was built with.  Filled by
	 * GOVMAP_PLUGIN_DEFINE. */
	uint32_t abi_version;
	/** sizeof(govmap_plugin) in the plugin.  Filled by
	 * GOVMAP_PLUGIN_DEFINE. */
	uint32_t struct_size;
	/** Unique name, lower-case kebab ("england-ics"); the registry's
	 * manifest lists plugins by this name.  "core" is the core's own
	 * (its rules are core/<id>) and is refused.  Mandatory. */
	const char *name;
	/** The plugin's own version ("1.0.0").  Mandatory. */
	const char *version;
	/** One line: what the plugin covers.  May be NULL. */
	const char *description;
	/** Region paths the plugin governs ("england"), NULL-terminated;
	 * may be NULL.  Each is a region path as the registry writes one
	 * (lower-case segments joined by '/'), or the host refuses the
	 * plugin. */
	const char *const *regions;
	/** Body types it declares, NULL-terminated; may be NULL. */
	const char *const *body_types;
	/** Board types it declares, NULL-terminated; may be NULL. */
	const char *const *board_types;
	/** Link types it declares, ended by {NULL, 0}; may be NULL. */
	const govmap_plugin_link_type *link_types;
	/** Rules, ended by an entry whose id is NULL; may be NULL. */
	const govmap_plugin_rule *rules;
	/** Map styling, ended by {NULL, NULL}; may be NULL. */
	const govmap_plugin_style *styles;
	/**
	 * Called once after the host accepted the descriptor, in the host
	 * process (not isolated as rules are: a crash here ends govmap,
	 * after a line naming the plugin), before any rule runs.  Save `host`; it stays valid until
	 * fini().  Allowed: reading the host table's abi_version and
	 * struct_size, setting up the plugin's own state.  Not allowed:
	 * calling model accessors (there is no model yet).  Return 0 to
	 * accept, non-zero to refuse loading (fini is then not called).
	 * Mandatory unless init_msg is set.
	 */
	int (*init)(const govmap_host *host);
	/** Called once at host exit for a plugin whose init() returned 0;
	 * free what init() allocated.  Mandatory. */
	void (*fini)(void);

	/* Version 1 ends here.  New fields are added below this line only. */

	/** sizeof(govmap_plugin_rule), sizeof(govmap_plugin_link_type) and
	 * sizeof(govmap_plugin_style) in the plugin, so that the arrays'
	 * elements can grow: the host steps through each array by these
	 * and reads only the fields they cover.  Filled by
	 * GOVMAP_PLUGIN_DEFINE; 0 (an older plugin) means version 1's. */
	uint32_t rule_size;
	uint32_t link_type_size;
	uint32_t style_size;
	/**
	 * Optional: called instead of init() when set, with room for a
	 * message saying why the plugin refuses to load ("needs
	 * GOVMAP_HOST_HAS(score)"): `why` is the host's buffer of
	 * `why_size` bytes, valid during the call; the host ends it with a
	 * NUL if the plugin did not, and shows it in the refusal, escaped
	 * and cut to 80 characters.
	 * Return 0 to accept.  A plugin that sets init_msg may leave init
	 * NULL.
	 */
	int (*init_msg)(const govmap_host *host, char *why, size_t why_size);

	/** The category of each rule whose findings are not about a weak
	 * structure (findings.h): {local rule id, GOVMAP_CAT_COVERAGE} for
	 * a rule that reports what the registry lacks ("no joint scrutiny
	 * committee is recorded"), GOVMAP_CAT_DATA for records that
	 * disagree; ended by {NULL, 0}; may be NULL.  A rule not listed is
	 * a deficit rule.  (A list beside the rules, so that existing rule
	 * tables, written positionally, need no change.) */
	const struct govmap_plugin_rule_category *rule_categories;

	/** The plugin's body and board types whose entities exist only for
	 * a time ("icb": established by order, abolished by another),
	 * NULL-terminated; may be NULL.  Each must be one of the plugin's
	 * body_types or board_types, or the host refuses the plugin.  An
	 * entity of such a type must give `valid.from`, a date or
	 * `unknown` with notes: the registry check reports one without as
	 * an error, so that nothing counts as in force on every date by
	 * omission (CONTRIBUTING.md "The deficit model", Dates).  The core
	 * declares its own (company, partnership, nhs-trust).  Read only
	 * when struct_size covers it. */
	const char *const *time_bound_types;
} govmap_plugin;

/** One entry of govmap_plugin.rule_categories. */
typedef struct govmap_plugin_rule_category {
	const char *id;           /**< a local rule id of this plugin */
	govmap_category category; /**< findings.h */
} govmap_plugin_rule_category;

/**
 * Define the entry point.  The arguments are designated initialisers for
 * govmap_plugin; abi_version and struct_size are filled in:
 *
 *     GOVMAP_PLUGIN_DEFINE(.name = "wales-rpb", .version = "1.0.0",
 *                          .rules = rules, .init = init, .fini = fini);
 *
 * Build with -fvisibility=hidden: this macro makes the entry function the
 * only visible symbol.  C only: C++ wants designated initialisers in the
 * order of the struct, and the macro puts the sizes first; a C++ plugin
 * defines govmap_plugin_entry() (extern "C") itself.
 */
#define GOVMAP_PLUGIN_DEFINE(...)                                           \
	static const govmap_plugin govmap__plugin_descriptor = {            \
		.abi_version = GOVMAP_PLUGIN_ABI_VERSION,                   \
		.struct_size = (uint32_t)sizeof(govmap_plugin),             \
		.rule_size = (uint32_t)sizeof(govmap_plugin_rule),          \
		.link_type_size = (uint32_t)sizeof(govmap_plugin_link_type),\
		.style_size = (uint32_t)sizeof(govmap_plugin_style),        \
		__VA_ARGS__};                                               \
	__attribute__((visibility("default"))) const govmap_plugin *        \
	govmap_plugin_entry(void);                                          \
	__attribute__((visibility("default"))) const govmap_plugin *        \
	govmap_plugin_entry(void)                                           \
	{                                                                   \
		return &govmap__plugin_descriptor;                          \
	}                                                                   \
	struct govmap__plugin_define_ends_with_a_semicolon

/** True when v[0..n) holds x.  Header-only: no host call. */
static inline int govmap_ids_contain(const int32_t *v, size_t n, int32_t x)
{
	for (size_t i = 0; v && i < n; i++)
		if (v[i] == x)
			return 1;
	return 0;
}

/** True when `needle` occurs in `s`, ignoring ASCII case; for reading
 * free text (a seat's role) where no structured field says it yet.
 * Prefer a seat's post.  Header-only. */
static inline int govmap_text_contains(const char *s, const char *needle)
{
	size_t n = 0;
	while (needle && needle[n])
		n++;
	for (; s && needle && *s; s++) {
		size_t i = 0;
		while (i < n && s[i]) {
			char a = s[i], b = needle[i];
			if (a >= 'A' && a <= 'Z')
				a = (char)(a - 'A' + 'a');
			if (b >= 'A' && b <= 'Z')
				b = (char)(b - 'A' + 'a');
			if (a != b)
				break;
			i++;
		}
		if (i == n)
			return 1;
	}
	return 0;
}

/** The type of the entry function. */
typedef const govmap_plugin *(*govmap_plugin_entry_fn)(void);

#ifdef __cplusplus
}
#endif
#endif
