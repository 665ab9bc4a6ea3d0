/*
 * schema_info.h - read-only views of schema.c's tables (the keys each
 * kind accepts, their types and offsets, the seat keys), for
 * schema_info.c, which turns them into the public govmap/schema.h.  Not
 * public API; nothing else should reach into the schema's tables.
 */
#ifndef GOVMAP_SCHEMA_INFO_H
#define GOVMAP_SCHEMA_INFO_H

#include <stddef.h>

/** One entry of schema.c's field table. */
typedef struct {
	const char *key;
	unsigned kinds;    /* bit (1 << kind) where the key is allowed */
	unsigned required; /* bit (1 << kind) where it is required */
	const char *type;  /* "text", "date", "ref", "seats", ... */
	size_t off;        /* offset of the member in govmap_entity */
	size_t off_n;      /* offset of its count, for arrays */
} govmap__field_view;

/** Field i of the table; 0 past the end. */
int govmap__schema_field(size_t i, govmap__field_view *out);

/** Seat key i; NULL past the end. */
const char *govmap__schema_seat_key(size_t i);

/** Is `s` a region path schema.c accepts? */
int govmap__region_valid(const char *s);

#endif
