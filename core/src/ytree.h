/*
 * ytree.h - a small YAML node tree built from libyaml events under hard
 * limits.  Private to the core.
 *
 * libyaml 0.2.5 has no nesting limit, accepts duplicate keys silently and
 * lets aliases build self-containing structures (see CONTRIBUTING.md
 * "Limits").  This module parses with the event API, counts depth itself,
 * refuses anchors and aliases, rejects duplicate keys and non-scalar keys,
 * and returns plain trees whose nodes carry 1-based positions.
 */
#ifndef GOVMAP_YTREE_H
#define GOVMAP_YTREE_H

#include <stdbool.h>
#include "govmap/common.h"
#include "govmap/registry.h"
#include "util.h"

typedef enum { YN_SCALAR, YN_MAP, YN_SEQ } ynode_type;

typedef struct ynode ynode;
struct ynode {
	ynode_type type;
	uint32_t line, col; /* 1-based */
	bool plain;         /* scalar written without quotes */
	bool cut;           /* a collection a syntax error left open
			       (govmap__ytree_parse_cut) */
	const char *str;    /* scalar value, NUL-terminated */
	size_t len;         /* scalar length in bytes */
	ynode **kids;       /* map: key0,val0,key1,val1...; seq: items */
	size_t n;           /* map: pairs; seq: items */
};

/** Parse `data` (len bytes) into documents.  Nodes live in `arena`.
 * Errors go to diags under `file`; documents completed before a fatal
 * syntax error are still returned.
 * @param[out] docs   arena array of document roots
 * @param[out] ndocs  their number
 * @return 0, or -1 when the file had an error (docs may still be set). */
int govmap__ytree_parse(ynode ***docs, size_t *ndocs, govmap__arena *arena,
			const char *file, const char *data, size_t len,
			const govmap_parse_limits *lim, govmap_diags *diags);

/** As govmap__ytree_parse; when a syntax error stops the parse inside a
 * document, that document as far as it parsed (its open collections
 * closed at the error, a mapping's last key without its value left out)
 * goes to *cut, and the error's position to *cut_line:*cut_col; else
 * *cut is NULL.  `cut` may be NULL (then nothing is returned there). */
int govmap__ytree_parse_cut(ynode ***docs, size_t *ndocs, ynode **cut,
			    uint32_t *cut_line, uint32_t *cut_col,
			    govmap__arena *arena, const char *file,
			    const char *data, size_t len,
			    const govmap_parse_limits *lim, govmap_diags *diags);

/** The value for `key` in a map node, or NULL. */
const ynode *govmap__ymap_get(const ynode *map, const char *key);

/** Is s a valid id (lower-case kebab case, at most 128 bytes)? */
int govmap__id_valid(const char *s);

/** Default limits filled into zero fields. */
void govmap__parse_limits_defaults(govmap_parse_limits *lim);

#endif
