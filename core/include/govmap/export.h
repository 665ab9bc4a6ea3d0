/*
 * govmap/export.h - the registry as of one date, with its scores, in the
 * formats other tools read: Popolo JSON, FollowTheMoney entities (one
 * JSON object per line), GraphML, Kumu's JSON blueprint and CSV tables.
 *
 * Every writer reads an analysis (and so its registry) and writes to a
 * FILE the caller opened and owns; nothing here prints, opens or closes a
 * file.  Only the entities in force on the analysis date are written.
 * Unknown values stay unknown: null in JSON, an empty field in CSV, an
 * absent property in FollowTheMoney and an absent <data> in GraphML,
 * never 0.  All registry text is escaped for the format (JSON strings
 * with <, > and & as \u escapes; XML entities; CSV quoting).
 */
#ifndef GOVMAP_EXPORT_H
#define GOVMAP_EXPORT_H

#include <stdio.h>
#include "analysis.h"
#include "common.h"
#include "findings.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
	GOVMAP_EXPORT_POPOLO = 0, /**< organizations, areas, posts for seats,
				       memberships (one JSON object) */
	GOVMAP_EXPORT_FTM,        /**< FollowTheMoney entities, JSON lines */
	GOVMAP_EXPORT_GRAPHML,    /**< nodes and edges, scores as data */
	GOVMAP_EXPORT_KUMU,       /**< Kumu blueprint: elements, connections */
	GOVMAP_EXPORT_CSV_BODIES, /**< bodies and boards with their scores */
	GOVMAP_EXPORT_CSV_LINKS,  /**< every edge of the accountability graph */
	GOVMAP_EXPORT_CSV_SEATS,  /**< the seats of the boards */
	GOVMAP_EXPORT_CSV_CONTRACTS,
	GOVMAP_EXPORT_CSV_FINDINGS,
	GOVMAP_EXPORT__COUNT
} govmap_export_format;

typedef struct {
	const char *title;      /**< "NAME, REVISION, on DATE"; may be NULL.
				     Borrowed. */
	const char *generator;  /**< "govmap 0.1.0"; may be NULL.  Borrowed. */
	const govmap_findings *findings; /**< counted per entity and written
					      by CSV_FINDINGS; may be NULL */
} govmap_export_opts;

/** The name of a format ("popolo", "ftm", "graphml", "kumu", and
 * "bodies", "links", "seats", "contracts", "findings" for the CSV
 * tables).  Static storage; NULL for a value out of range. */
const char *govmap_export_format_name(govmap_export_format fmt);

/** The file a CSV table is written to in a CSV directory ("bodies.csv"),
 * or NULL for the formats that are not CSV tables.  Static storage. */
const char *govmap_export_csv_file(govmap_export_format fmt);

/**
 * Write the registry analysed by `an` as `fmt` to `out`.
 * @param out   an open stream (owned by the caller, not closed here).
 * @param opts  may be NULL.
 * @return GOVMAP_OK; GOVMAP_EINVALID for a format out of range;
 *         GOVMAP_ENOMEM; GOVMAP_EIO when the stream reports an error.
 */
int govmap_export_write(FILE *out, govmap_export_format fmt,
			const govmap_analysis *an,
			const govmap_export_opts *opts);

#ifdef __cplusplus
}
#endif
#endif
