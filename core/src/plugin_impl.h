/*
 * plugin_impl.h - what the plugin host's three parts share: the set
 * (plugin_load.c), the host table (plugin_table.c) and running rules
 * in children (plugin_run.c).  Private to the core.
 */
#ifndef GOVMAP_PLUGIN_IMPL_H
#define GOVMAP_PLUGIN_IMPL_H

#include "govmap/pluginhost.h"
#include "govmap/registry.h"
#include "govmap/analysis.h"
#include <stddef.h>

#define MAX_LIST 1024        /* entries per descriptor array */
#define MAX_MSG 1000         /* bytes of a finding's message */
#define MAX_PER_RULE 10000   /* findings per rule run */
#define DEFAULT_TIMEOUT 10   /* seconds per rule */

typedef struct {
	char *path;   /* absolute */
	char *origin; /* "--plugin-path", "$GOVMAP_PLUGIN_PATH", ... */
	int exists;
} pdir;

typedef struct {
	const govmap_plugin *d; /* borrowed from the plugin */
	char *path;             /* absolute, real path */
	char *stem;             /* file name without .so */
	size_t nrules;
	/* the strides of the descriptor's arrays (govmap_plugin.rule_size
	 * ...), at least version 1's sizes */
	size_t rule_size, link_type_size, style_size;
} pentry;

/* Version 1's element sizes: a plugin that gives none has these. */
#define GOVMAP__RULE_V1_SIZE                                               \
	(offsetof(govmap_plugin_rule, check) + sizeof(void (*)(void)))
#define GOVMAP__LINK_TYPE_V1_SIZE                                          \
	(offsetof(govmap_plugin_link_type, strength) + sizeof(double))
#define GOVMAP__STYLE_V1_SIZE                                              \
	(offsetof(govmap_plugin_style, fill) + sizeof(const char *))

/* The i-th element of a descriptor array, stepping by the plugin's own
 * element size.  Only version 1's fields may be read unless the stride
 * covers a later one. */
#define GOVMAP__AT(base, i, stride) ((const void *)((const char *)(base) + \
						    (i) * (stride)))
static inline const govmap_plugin_rule *govmap__rule_at(const pentry *pe,
							size_t i)
{
	return GOVMAP__AT(pe->d->rules, i, pe->rule_size);
}

/* Does the descriptor cover `field`? */
#define HAS_FIELD(d, f)                                                     \
	((d)->struct_size >= offsetof(govmap_plugin, f) + sizeof((d)->f))
/* A descriptor's stride for an array: its own size field when it gives
 * one at least version 1's, else version 1's. */
#define D_STRIDE(d, f, v1)                                                  \
	(HAS_FIELD(d, f) && (d)->f >= (v1) ? (size_t)(d)->f : (size_t)(v1))
#define D_RULE(d, i)                                                        \
	((const govmap_plugin_rule *)GOVMAP__AT(                            \
		(d)->rules, i, D_STRIDE(d, rule_size, GOVMAP__RULE_V1_SIZE)))
#define D_LINK_TYPE(d, i)                                                   \
	((const govmap_plugin_link_type *)GOVMAP__AT(                       \
		(d)->link_types, i,                                         \
		D_STRIDE(d, link_type_size, GOVMAP__LINK_TYPE_V1_SIZE)))
#define D_STYLE(d, i)                                                       \
	((const govmap_plugin_style *)GOVMAP__AT(                           \
		(d)->styles, i, D_STRIDE(d, style_size, GOVMAP__STYLE_V1_SIZE)))

/* Indexes over the registry for the SDK's iterators, built once per run
 * in the parent (the children inherit them). */
typedef struct {
	size_t n;              /* entities */
	int32_t *by_type;      /* entity indexes sorted by (kind, type, i) */
	size_t *from_start;    /* n + 1 offsets into from_idx */
	int32_t *from_idx;     /* links grouped by `from` */
	size_t *to_start;
	int32_t *to_idx;       /* links grouped by `to` */
	size_t *board_start;
	int32_t *board_idx;    /* boards grouped by body (of and joint) */
} govmap__pindex;

int govmap__pindex_build(govmap__pindex *ix, const govmap_registry *reg);
void govmap__pindex_free(govmap__pindex *ix);

typedef struct {
	char *stem, *path, *reason;
} prefused;

typedef struct {
	char *path, *winner;
} pshadow;

struct govmap_plugins {
	pdir *dirs;
	size_t ndirs, capdirs;
	pentry *p;
	size_t n, cap;
	prefused *ref;
	size_t nref, capref;
	pshadow *sh;
	size_t nsh, capsh;
	char **stems; /* file stems seen (accepted or not), for shadowing */
	char **stem_paths;
	size_t nstems, capstems, capstem_paths;
	const char **body, **board, **link; /* NULL-terminated or NULL */
	const char **time_bound;            /* the same */
	govmap_rule_info *rules;
	char **rule_ids;
	size_t nrules;
	unsigned timeout;
};


/* The context of one rule run (plugin.h): the registry, the date, the
 * running plugin and rule, the pipe to the parent. */
struct govmap_rule_ctx {
	const govmap_registry *reg;
	govmap_date on;
	const pentry *pe;
	size_t rule;     /* index of the running rule */
	int fd;          /* the pipe to the parent */
	size_t nreported;
	const govmap_analysis *an;  /* NULL when run without analysis */
	const govmap__pindex *ix;
};

/* The host table handed to init() and used by every rule. */
extern const govmap_host govmap__host_table;

/* Is plugin `name` listed in the registry's manifest? */
int govmap__plugin_listed(const govmap_registry *reg, const char *name);

/* The wire format from child to parent: a fixed header, then `len` bytes
 * of message for 'F' records.  Both ends are the same binary, so native
 * byte order is fine; the parent still checks every field. */
enum { REC_RULE = 'R', REC_FINDING = 'F', REC_END = 'E' };
typedef struct {
	uint8_t type;
	uint8_t sev;
	uint16_t pad;
	uint32_t rule;
	int32_t entity;
	uint32_t len;
} rec_hdr;

/* Send one record to the parent; exits the child when the parent is
 * gone. */
void govmap__plugin_send(int fd, uint8_t type, uint8_t sev, size_t rule,
			 int32_t entity, const char *msg, size_t len);

#endif
