/*
 * registry_impl.h - the registry's private layout, shared by the modules
 * that build it (schema.c, validate.c, registry.c).  Not public API.
 */
#ifndef GOVMAP_REGISTRY_IMPL_H
#define GOVMAP_REGISTRY_IMPL_H

#include "govmap/registry.h"
#include "util.h"
#include "ytree.h"

struct govmap_registry {
	govmap__arena arena;   /* all model strings and arrays */
	govmap_entity *ents;   /* malloc'd array */
	size_t n, cap;
	govmap__strmap index;  /* id -> index (first occurrence) */
	char *name;            /* manifest name (arena) */
	char **plugins;        /* manifest plugins (arena) */
	size_t nplugins;
	unsigned schema;
	size_t nfiles;
	char *label;           /* display prefix (arena) */
};

/** Turn one parsed document into an entity appended to reg->ents.
 * `file` is the display path (interned in reg's arena by the caller). */
void govmap__schema_entity(govmap_registry *reg, const ynode *doc,
			   const char *file, const govmap_parse_limits *lim,
			   govmap_diags *diags);

/** Parse the manifest document. Returns 0 or -1 on a data error. */
int govmap__schema_manifest(govmap_registry *reg, const ynode *doc,
			    const char *file, govmap_load_opts *opts,
			    govmap_diags *diags);

/** Build the id index, resolve references and check the model. */
void govmap__validate(govmap_registry *reg, const govmap_load_opts *opts,
		      govmap_diags *diags);

/** Known core type names, NULL-terminated. */
extern const char *const govmap__core_body_types[];
extern const char *const govmap__core_board_types[];
extern const char *const govmap__core_link_types[];

#endif
