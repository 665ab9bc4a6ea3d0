/*
 * mapimpl.h - the map's private model, shared by map.c (what to draw)
 * and render.c (laying it out).  Not public API.
 */
#ifndef GOVMAP_MAPIMPL_H
#define GOVMAP_MAPIMPL_H

#include <graphviz/cgraph.h>
#include "govmap/map.h"

typedef enum {
	GOVMAP__DN_ENTITY = 0,
	GOVMAP__DN_SUMMARY,   /* many like bodies of one footprint */
	GOVMAP__DN_FOOTPRINT  /* national view: a whole footprint */
} govmap__dn_kind;

typedef struct {
	govmap__dn_kind kind;
	int32_t entity;      /* the entity, or the group's largest */
	size_t count;        /* entities drawn as this node */
	double sumD, sumDm;  /* sums of deficit, deficit x money */
	int64_t money;       /* total known money */
	int64_t best_money;
	double D;            /* deficit shown */
	double maxD;         /* the weakest chain among its bodies (not voters) */
	int32_t area;        /* national view: the footprint's ICB or RPB, or -1 */
	int context;         /* on a chain to voters, outside the filter */
	int electorate;
	const char *region;  /* borrowed from the registry */
	const char *type;
	char *label;         /* escaped, malloc'd */
	char *tooltip;       /* escaped, malloc'd */
	size_t money_known;  /* of `count`, how many have a money figure */
} govmap__dnode;

typedef struct {
	int32_t from, to;    /* drawn node indexes: from answers to to */
	int32_t edge;        /* strongest analysis edge between them */
	size_t count;
} govmap__dedge;

typedef struct {
	char *sel;           /* per entity: 0 no, 1 selected, 2 context */
	int32_t *rep;        /* per entity: drawn node or -1 */
	int32_t focus;
	govmap__dnode *nodes;
	size_t nnodes, capnodes;
	govmap__dedge *edges;
	size_t nedges, capedges;
	size_t hidden_edges; /* edges with one end outside the map */
	int focus_map;       /* --focus without --depth: no boxes, capped */
	size_t appointments_hidden; /* appointment lines not drawn */
	size_t omitted_up;   /* focus map: forums of the focus left out */
	size_t omitted_down; /* focus map: bodies answering to it left out */
	unsigned compact;    /* 0 .. GOVMAP__COMPACT_STEPS - 1: how tightly
				region and national maps fold (map.c); a
				focus map's 0 .. GOVMAP__FOCUS_STEPS - 1 */
} govmap__map;

/* A region or national map is laid out again, one step more compact,
 * while it is wider than GOVMAP__MAX_WIDTH_PT (2,000 px at 96 dpi: a
 * screen at 100%, whatever its height) (render.c).  Each step folds the
 * footprints' rows and the grid of footprints tighter (map.c's
 * wrap_at and grid_shift), and from step 2 draws groups of more than
 * govmap__compact_collapse(step) like bodies of one footprint as one
 * summary node ("7 x local Healthwatch") unless --collapse was given;
 * the last step is kept whatever its width. */
#define GOVMAP__COMPACT_STEPS 5
#define GOVMAP__MAX_WIDTH_PT 1500.0
/* A focus map whose layout is wider than GOVMAP__FOCUS_MAX_WIDTH_PT is
 * laid out again with its forums and answering bodies in rows of two
 * instead of three (map.c's focus_rows); the narrower of the two is
 * kept.  1,016 pt and the drawing's margins of 4 pt a side make 1,024
 * pt, 1,365 px at 96 dpi: a laptop screen at 100%. */
#define GOVMAP__FOCUS_STEPS 2
#define GOVMAP__FOCUS_MAX_WIDTH_PT 1016.0
/* All of England (1,100 nodes) takes dot 15 to 120 s a layout: a map
 * of more nodes than this is laid out once, at step 0 (the national
 * view is the overview of a country). */
#define GOVMAP__COMPACT_MAX_NODES 600
/** The summary threshold of compaction step `step` (0: the map's own,
 * o->collapse or 12). */
unsigned govmap__compact_collapse(unsigned step);

int govmap__map_build(govmap__map *m, const govmap_analysis *an,
		      const govmap_map_opts *o, govmap_diags *diags);
void govmap__map_free(govmap__map *m);
Agraph_t *govmap__map_graph(const govmap__map *m, const govmap_analysis *an,
			    const govmap_map_opts *o, size_t *nghosts);
/** How many footprint clusters the graph draws. */
size_t govmap__map_clusters(const govmap__map *m);

/* render.c: the factor (<= 1) by which a map laid out with bounding box
 * `bb` ("llx,lly,urx,ury" in points, Graphviz's "bb") must shrink for a
 * PNG at 96 dpi to stay within 64 million pixels and 30,000 pixels a
 * side; 1 when it fits or `bb` is NULL or unreadable. */
double govmap__png_scale(const char *bb);
int govmap__map_json(char **out, size_t *len, const govmap__map *m,
		     const govmap_analysis *an, const govmap_map_opts *o);

#endif
