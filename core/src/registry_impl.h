/*
 * registry_impl.h - the registry's private layout, shared by the modules
 * that build it (schema.c, validate.c, registry.c).  Not public API.
 */
#ifndef GOVMAP_REGISTRY_IMPL_H
#define GOVMAP_REGISTRY_IMPL_H

#include "govmap/registry.h"
#include "util.h"
#include "ytree.h"

/* Where schema.c puts the entities it builds: an array and an arena for
 * their strings.  Each loader thread has its own; registry.c merges
 * them in file order. */
typedef struct {
	govmap__arena *arena;
	govmap_entity *ents;   /* malloc'd */
	size_t n, cap;
	/* entities before the current chunk's, in a buffer that several
	 * chunks fill in turn (registry.c, the load's run): limits count
	 * from here */
	size_t base;
} govmap__entbuf;

struct govmap_registry {
	govmap__arena arena;   /* manifest strings, file names */
	govmap__arena *arenas; /* one per loaded chunk: entity strings */
	size_t narenas;
	govmap_entity *ents;   /* malloc'd array */
	size_t n, cap;
	govmap__strmap index;  /* id -> index (first occurrence) */
	char *name;            /* manifest name (arena) */
	char **plugins;        /* manifest plugins (arena) */
	size_t nplugins;
	unsigned schema;
	govmap_variant weights; /* the manifest's `weights:` override */
	int custom_weights;     /* 1 when the manifest gives `weights:` */
	size_t nfiles;
	char *label;           /* display prefix (arena) */
	/* the parse cache's look-alike memo generation when every entity
	 * came from a cache entry stamped with it (parse_cache.h), else 0 */
	uint_fast64_t conf_gen;
};

/** Turn one parsed document into an entity appended to `out`.  `file` is
 * the display path and must live as long as the entities. */
void govmap__schema_entity(govmap__entbuf *out, const ynode *doc,
			   const char *file, const govmap_parse_limits *lim,
			   govmap_diags *diags);

/** Every document of one file through govmap__schema_entity(); a file
 * that holds none (empty, or only comments and '---') is an error at 1:1
 * unless the parse already reported one (errors_before: the count of
 * errors in diags before the file was parsed). */
void govmap__schema_file(govmap__entbuf *out, ynode *const *docs,
			 size_t ndocs, size_t errors_before, const char *file,
			 const govmap_parse_limits *lim, govmap_diags *diags);

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
/** Types whose entities exist only for a time: they must give valid.from
 * (a date or `unknown`).  NULL-terminated. */
extern const char *const govmap__time_bound_types[];

/** Is e a root of accountability: a body of type electorate or
 * membership? */
int govmap__is_root(const govmap_entity *e);

/** The names the schema accepts for money kinds and seat posts, index
 * 0 being "" (unset); *n is the array's length.  Static storage. */
const char *const *govmap__money_kind_names(size_t *n);
const char *const *govmap__post_names(size_t *n);

#endif
