/*
 * govmap/map.h - maps of the accountability graph (implemented in graphs/).
 *
 * A map shows voters at the top and bodies below them, coloured by
 * deficit on a colour-blind-safe scale, sized by public money, with edges
 * styled by link type and weighted by strength, clusters per footprint,
 * dashed ghost nodes for missing forums and vacant seats, a legend and a
 * title.  Graphs are built with cgraph; layout and rendering run in a
 * forked child under CPU, memory and wall-clock limits, so no registry
 * text can hang or crash govmap.  Registry text reaches only labels and
 * tooltips, escaped; our code alone sets every other attribute.
 */
#ifndef GOVMAP_MAP_H
#define GOVMAP_MAP_H

#include "analysis.h"
#include "common.h"
#include "findings.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
	GOVMAP_MAP_SVG = 0,
	GOVMAP_MAP_PNG,
	GOVMAP_MAP_PDF,
	GOVMAP_MAP_DOT,  /**< the graph before layout, deterministic */
	GOVMAP_MAP_JSON  /**< nodes, edges and scores for machines */
} govmap_map_format;

/** How an entity changed between two revisions (`map --diff`). */
typedef enum {
	GOVMAP_MARK_ADDED = 1,
	GOVMAP_MARK_CHANGED,
	GOVMAP_MARK_REMOVED   /**< drawn as a dashed node of its own */
} govmap_mark_kind;

typedef struct {
	const char *id;          /**< entity id (borrowed) */
	const char *name;        /**< its name, for removed ones (borrowed) */
	govmap_mark_kind kind;
	const char *what;        /**< e.g. "fields: seats, powers"; may be
				      NULL (borrowed) */
} govmap_map_mark;

typedef struct {
	const char *region;      /**< only this region path and below */
	const char *focus;       /**< an entity id to centre on, or NULL */
	unsigned depth;          /**< hops around focus; 0 = a focus map:
				      the body, its strongest chain to
				      voters, its forums and the bodies that
				      answer to it, strongest links first,
				      at most focus_cap nodes, without
				      footprint boxes */
	unsigned focus_cap;      /**< nodes of a focus map; 0 = 25 */
	int national;            /**< one node per footprint */
	int appointments;        /**< draw every appointment and nomination
				      line (links appointed-by, nominated-by
				      and seats not elected); 0: only those
				      on a body's chain to voters, and all
				      in a focus map */
	unsigned collapse;       /**< summarise groups larger than this
				      (same footprint and type); 0 = 12 */
	const char *title;       /**< registry name, revision, ...; borrowed */
	const char *link_base;   /**< node links: link_base + id + ".html";
				      NULL for no links */
	const govmap_findings *findings; /**< for tooltips; may be NULL */
	unsigned timeout_s;      /**< layout wall-clock limit; 0 = 120 */
	unsigned max_dot_nodes;  /**< above this sfdp lays out; 0 = 2000 */
	const govmap_map_mark *marks; /**< a change to draw, or NULL */
	size_t nmarks;
	const char *diff_title;  /**< "changes from REV1 to REV2", or NULL */
	/** The "#rrggbb" border colour for bodies of type `type` (the
	 * plugins' styles), or NULL; may itself be NULL.  Must return
	 * "#rrggbb" or NULL: anything else is ignored. */
	const char *(*type_colour)(const char *type, void *payload);
	void *colour_payload;
	/** When nonly > 0: draw only these bodies or boards (ids, borrowed)
	 * and their chains to voters, not a region (the area brief's map:
	 * its largest deficits).  An id not in force is left out; none in
	 * force is GOVMAP_ENOTFOUND. */
	const char *const *only;
	size_t nonly;
	int no_legend;           /**< leave the legend out (the caller gives
				      its own key) */
} govmap_map_opts;

/** Parse "svg", "png", "pdf", "dot", "json".  -1 if unknown. */
int govmap_map_format_parse(const char *s);

/**
 * Build and render a map.
 * @param[out] out  malloc'd bytes of the rendered map; the caller frees.
 * @param[out] len  their length.
 * @return GOVMAP_OK; GOVMAP_ENOTFOUND (focus id or region matches
 *         nothing); GOVMAP_ELIMIT (layout timed out or ran out of its
 *         limits); GOVMAP_EIO (layout failed); each with a diagnostic.
 */
int govmap_map_render(char **out, size_t *len, const govmap_analysis *an,
		      const govmap_map_opts *opts, govmap_map_format fmt,
		      govmap_diags *diags);

/**
 * The size of a map rendered as SVG (govmap_map_render, GOVMAP_MAP_SVG),
 * in points: the width and height of its <svg> element, where Graphviz
 * writes the layout's bounding box with its margins ("620pt"; "px" and
 * no unit are read as CSS pixels, 3/4 pt, and "in" as 72 pt).  Skips the
 * XML declaration, the doctype and comments; reads at most `len` bytes
 * of `svg` (borrowed; need not be NUL-terminated).
 * @return 0 with *w and *h set (both > 0); -1 when the first element is
 *         not <svg> with both sizes, or the bytes end first (*w and *h
 *         untouched).
 */
int govmap_map_svg_size(const char *svg, size_t len, double *w, double *h);

/** Escape text for a Graphviz escString label: backslashes doubled, '&'
 * as "&amp;" (Graphviz decodes entities), control characters dropped,
 * newlines as spaces.  malloc'd. */
char *govmap_dot_escape(const char *s);

#ifdef __cplusplus
}
#endif
#endif
