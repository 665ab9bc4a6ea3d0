/*
 * govmap/schema.h - the registry schema as data, and an entity's fields as
 * text.
 *
 * The keys each kind accepts are defined once, in the loader's schema
 * (core/src/schema.c); this header lets tools read that list (`govmap
 * new` writes a skeleton from it) and turn any top-level field of a
 * loaded entity back into canonical text (`govmap diff` and `govmap
 * blame` compare fields that way).  Nothing here changes a registry.
 */
#ifndef GOVMAP_SCHEMA_H
#define GOVMAP_SCHEMA_H

#include <stdbool.h>
#include "common.h"
#include "model.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One top-level key of an entity.  Static storage. */
typedef struct {
	const char *key;  /**< "statutory_basis" */
	const char *type; /**< "kind", "id", "text", "name", "region", "date",
			       "money", "bool", "ref", "ref-list",
			       "text-list", "sources", "codes", "suppress",
			       "period", "seats", "forum", "basis",
			       "powers", "financial-year", "money-series" */
	bool required;    /**< for this kind */
} govmap_field_info;

/**
 * The keys an entity of `kind` accepts, in the schema's order (kind, id,
 * name, type, ... first).  Writes at most `cap` entries into `out`.
 * @return the number of keys the kind has (may exceed cap); 0 for an
 *         unknown kind.  Cannot fail.
 */
size_t govmap_schema_fields(govmap_kind kind, govmap_field_info *out,
			    size_t cap);

/** The keys a board's seat accepts, NULL-terminated; static storage. */
const char *const *govmap_schema_seat_keys(void);

/** The core's type names for bodies, boards or links (plugins add more),
 * NULL-terminated; NULL for contracts.  Static storage. */
const char *const *govmap_schema_core_types(govmap_kind kind);

/** Is `id` a valid entity id (lower-case kebab, at most 128 bytes)? */
bool govmap_id_is_valid(const char *id);

/** Is `region` a valid region path ("england/greater-manchester")? */
bool govmap_region_is_valid(const char *region);

/**
 * The value of top-level field `key` of `e` as canonical text: one item
 * for a scalar ("statute", "2022-07-01", "true", an id), one item per
 * element for a list (each source as "TITLE <URL> accessed DATE", each
 * seat with its role, count, how it is filled and by whom, ...), no item
 * when the field is absent.  Two entities have the same value for a key
 * exactly when their item lists are equal.
 * @param[out] out  malloc'd array of malloc'd strings (NULL when n is 0);
 *                  free with govmap_strings_free().
 * @return GOVMAP_OK, GOVMAP_ENOTFOUND (no such key for the entity's kind)
 *         or GOVMAP_ENOMEM.
 */
int govmap_entity_field(char ***out, size_t *n, const govmap_entity *e,
			const char *key);

/** Free an array of n strings.  Accepts NULL. */
void govmap_strings_free(char **v, size_t n);

#ifdef __cplusplus
}
#endif
#endif
