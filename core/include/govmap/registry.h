/*
 * govmap/registry.h - loading and validating a registry.
 *
 * govmap_registry_load() reads the manifest (govmap.yaml) and every entity
 * file from a source, parses them with libyaml under hard limits, builds
 * the model, resolves references and validates it.  All problems are
 * collected into `diags`; the load goes on past data errors so that one run
 * reports them all.
 */
#ifndef GOVMAP_REGISTRY_H
#define GOVMAP_REGISTRY_H

#include "common.h"
#include "model.h"
#include "source.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct govmap_registry govmap_registry; /* opaque */

/** Parsing limits (see CONTRIBUTING.md "Limits").  Zero = default. */
typedef struct {
	unsigned max_depth;          /**< nesting depth, default 64 */
	size_t max_scalar;           /**< bytes per scalar, default 64 KiB */
	size_t max_key;              /**< bytes per key, default 1 KiB */
	size_t max_docs_per_file;    /**< default 100 */
	size_t max_nodes_per_file;   /**< default 200,000 */
	size_t max_entities;         /**< default 1,000,000 */
} govmap_parse_limits;

/**
 * A cache of parsed registry files keyed by their Git blob id, for a walk
 * over many commits (history, blame, diff): a file whose blob was parsed
 * once is not read or parsed again; its entities are copied into each
 * registry loaded with the cache, with that load's file name in their
 * positions and references resolved by that registry alone, so two
 * registries loaded with one cache never share mutable state.  Files
 * without a blob id (a directory or memory source) are parsed as usual.
 *
 * Ownership: the caller creates and frees the cache.  Registries loaded
 * with it borrow its strings (the cached entities' text is immutable), so
 * the cache must outlive every registry and session loaded with it.  It
 * may be shared by loads in several threads (it has its own lock).  It
 * lives in memory only and is never written to disk.
 */
typedef struct govmap_parse_cache govmap_parse_cache;

/** @param[out] out  free with govmap_parse_cache_free().
 *  @return GOVMAP_OK or GOVMAP_ENOMEM. */
int govmap_parse_cache_new(govmap_parse_cache **out);

/** Free the cache.  Accepts NULL.  Free every registry loaded with it
 * first. */
void govmap_parse_cache_free(govmap_parse_cache *c);

/** What a cache has done, for tests and benchmarks. */
typedef struct {
	size_t parses; /**< files parsed by loads that used the cache */
	size_t hits;   /**< files taken from the cache instead */
	size_t blobs;  /**< distinct blobs held */
} govmap_cache_stats;

/** Read the counters (under the cache's lock). */
void govmap_parse_cache_stats(const govmap_parse_cache *c,
			      govmap_cache_stats *out);

typedef struct {
	govmap_src_limits src;
	govmap_parse_limits parse;
	/** Extra type names that are valid for `kind: body`, `board`, `link`
	 * (declared by plugins); NULL-terminated arrays or NULL. Borrowed. */
	const char *const *extra_body_types;
	const char *const *extra_board_types;
	const char *const *extra_link_types;
	/** Extra body and board types whose entities must give valid.from
	 * (declared time-bound by plugins, beside the core's company,
	 * partnership and nhs-trust); NULL-terminated or NULL.  Borrowed. */
	const char *const *extra_time_bound_types;
	/** A parse cache (borrowed; it must outlive the registry), or
	 * NULL. */
	govmap_parse_cache *cache;
} govmap_load_opts;

/**
 * Load a registry from `src`.
 * @param[out] out  the registry, even when data errors were found (so that
 *                  the CLI can report on it); free with
 *                  govmap_registry_free().  NULL only on a hard failure.
 * @return GOVMAP_OK when the data was read (check diags->count[ERROR] for
 *         data errors), GOVMAP_ENOTFOUND when there is no manifest,
 *         GOVMAP_EIO/ELIMIT/ENOMEM on hard failures.
 */
int govmap_registry_load(govmap_registry **out, govmap_src *src,
			 const govmap_load_opts *opts, govmap_diags *diags);

/** Free a registry.  Accepts NULL. */
void govmap_registry_free(govmap_registry *reg);

/** Number of entities, and the i-th entity (borrowed). */
size_t govmap_registry_count(const govmap_registry *reg);
const govmap_entity *govmap_registry_at(const govmap_registry *reg, size_t i);

/** Find an entity by id; NULL if absent.  O(1). */
const govmap_entity *govmap_registry_find(const govmap_registry *reg,
					  const char *id);
/** Index of an entity by id, or -1. */
int32_t govmap_registry_index(const govmap_registry *reg, const char *id);

/** One entity found by govmap_registry_lookup(). */
typedef struct {
	int32_t index; /**< the entity's index */
	int score;     /**< how closely it matched: 100 its id, 90 one of its
			    codes (ONS, ODS, ...), 80 its name, 70 its short
			    name (the name without "City", "Council",
			    "Borough", ...: govmap_short_name level 1), 65
			    that without "Integrated Care Board", "NHS
			    Trust", ... (level 2), 60 that without a leading
			    "NHS", compared with the query shortened the
			    same way (level 3), 40 the words typed appear in
			    its name, 30 the text appears in its name or id,
			    under 20 a name a letter or two off; a board
			    scores one less than its own body when both
			    match alike */
} govmap_match;

/**
 * Find bodies and boards by what a person types: an id, a code of any
 * scheme (an ONS or ODS code), a name or a short name ("Sheffield City
 * Council", "sheffield"), ignoring case, punctuation and extra spaces.
 * Links and contracts are found by id only.
 * @param[out] out     up to `max` matches, best first (ties by name);
 *                     may be NULL when max is 0.
 * @param[out] unique  set to 1 when the best match is certain: an id, or a
 *                     code, name or short name that only one entity has;
 *                     0 when the caller should list the matches as
 *                     suggestions.  May be NULL.
 * @return how many entities matched (may exceed max).  O(entities x
 *         length of query).  When memory runs out it returns 0 with errno
 *         set to ENOMEM (set errno to 0 before the call to tell that
 *         from no match): a failed comparison is never "no match".
 */
size_t govmap_registry_lookup(const govmap_registry *reg, const char *query,
			      govmap_match *out, size_t max, int *unique);

/**
 * A short name govmap_registry_lookup() matches, at `level`: 1 the
 * name's words in lower case without "City", "Council", "Borough",
 * "Metropolitan", "County", "District", "Royal", "London", "Unitary",
 * "of" and "the" ("Sheffield City Council": "sheffield"); 2 also without
 * a trailing "Integrated Care Board", "ICB", "NHS Foundation Trust" or
 * "NHS Trust" ("NHS South Yorkshire Integrated Care Board": "nhs south
 * yorkshire"); 3 also without a leading "NHS" ("south yorkshire").  The
 * whole name's words when nothing would be left.  Writes it
 * NUL-terminated (cut at `size`) into buf.
 * @return the length of the whole short name (0 on out of memory).
 */
size_t govmap_short_name(char *buf, size_t size, const char *name,
			 int level);

/** Manifest fields.  Borrowed. */
const char *govmap_registry_name(const govmap_registry *reg);

/** The manifest's `weights:` override of the deficit model's weights
 * (borrowed), or NULL when the registry uses the documented weights. */
const govmap_variant *govmap_registry_weights(const govmap_registry *reg);
size_t govmap_registry_nplugins(const govmap_registry *reg);
const char *govmap_registry_plugin(const govmap_registry *reg, size_t i);
/** Number of files read. */
size_t govmap_registry_nfiles(const govmap_registry *reg);

/** The region an entity governs: its own `region`, or for a board
 * without one the region of the body it belongs to (`of`, else the
 * first of `joint`), followed up to four steps.  NULL when none.
 * Borrowed from the registry.  O(1). */
const char *govmap_entity_region(const govmap_registry *reg,
				 const govmap_entity *e);

/** True when region path `region` is `prefix` or lies below it
 * ("england/london" is in "england", not in "eng").  NULL region: false.
 * O(length of prefix). */
int govmap_region_in(const char *region, const char *prefix);

/** The name of a region path's last segment in words, for people:
 * "england/north-east-and-yorkshire/south-yorkshire" is "South
 * Yorkshire", "staffordshire-and-stoke-on-trent" "Staffordshire and Stoke
 * on Trent"; "uk", "nhs", "icb", "icp" and "bnssg" in capitals.  Writes
 * it NUL-terminated (cut at `size`) into buf; returns its length. */
size_t govmap_region_title(char *buf, size_t size, const char *region);

/** An entity type id in the words a committee uses: "local-authority" is
 * "council", "icb" "integrated care board"; a type not in the table is
 * its id with hyphens as spaces, NULL (a board's) "board".  Writes it
 * NUL-terminated (cut at `size`) into buf and returns buf. */
char *govmap_type_words(char *buf, size_t size, const char *type);

/** A count of bodies of one type in words: "1 council", "3 councils",
 * "2 councils of governors", "4 local Healthwatch", "2 arm's-length
 * bodies"; a type not in the table is its id with hyphens as spaces and
 * an "s" unless it ends in one ("agency" "agencies").  Writes it NUL-terminated (cut at
 * `size`) into buf and returns buf. */
char *govmap_type_count_words(char *buf, size_t size, size_t n,
			      const char *type);

/** A period of validity in words for people, with no raw marker
 * ("unknown", "-"): "from 2013-04-01", "from 2013-04-01 to 2022-07-01",
 * "until 2022-07-01", "no dates recorded"; a date marked unknown as
 * "start date not known; until 2022-07-01", "start date not known; no
 * end date recorded", "from 2013-04-01; end date not known", "start and
 * end dates not known"; a bounded start (GOVMAP_DATE_NO_LATER_THAN) as
 * "start date not known, no later than 2026-07-08; no end date
 * recorded".  The end date is exclusive, as in the registry.
 * Writes it NUL-terminated (cut at `size`) into buf and returns buf. */
char *govmap_period_words(char *buf, size_t size, govmap_period p);

/** The procurement rules that governed a contract's award, by its start
 * date and its commissioner's region (core/src/contracts.c;
 * CONTRIBUTING.md, "The core rules"). */
typedef enum {
	GOVMAP_REGIME_START_NOT_KNOWN = 0, /**< an English commissioner, but
					        `start` is not recorded */
	GOVMAP_REGIME_PSR,      /**< started on or after 2024-01-01 in
				     England: the Provider Selection Regime
				     (SI 2023/1348) for health care services */
	GOVMAP_REGIME_NHS_2013, /**< started 2013-04-01 to 2023-12-31 in
				     England: the NHS (Procurement, Patient
				     Choice and Competition) (No. 2)
				     Regulations 2013 (SI 2013/500) */
	GOVMAP_REGIME_OTHER     /**< neither: a commissioner outside England,
				     or a start before 2013-04-01 */
} govmap_regime;

/** The regime of a contract (GOVMAP_REGIME_OTHER for a non-contract). */
govmap_regime govmap_contract_regime(const govmap_registry *reg,
				     const govmap_entity *contract);

/** "psr-2023", "nhs-2013", "other", "start-not-known".  Static. */
const char *govmap_regime_name(govmap_regime r);

/** Which bodies have a commissioner recorded on `on`, in one pass:
 * out[i] (for every entity; out has govmap_registry_count(reg) elements)
 * is true when i is the `from` of a commissioned-by link in force, or the
 * provider of a contract not known to be out of force
 * (govmap_contract_status()), in either case to a commissioner not known
 * to be out of force.  One rule for `govmap stats` and
 * core/no-commissioner. */
void govmap_registry_commissioned(const govmap_registry *reg,
				  govmap_date on, bool *out);

#ifdef __cplusplus
}
#endif
#endif
