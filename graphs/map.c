/*
 * map.c - from the analysed model to a drawn map.
 *
 * Owns the choice of what a map shows (region, focus, national view,
 * summary nodes for large groups), its styling (colour-blind-safe deficit
 * scale, link-type colours, ghost nodes, legend, title), the cgraph graph
 * and the JSON form.  Layout and rendering are render.c's job, in a
 * forked child.  Registry text reaches only `label` and `tooltip`,
 * through govmap_dot_escape(); node names are our own ("n12"), and URLs
 * are built only from validated ids.  It must not change the model.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <graphviz/cgraph.h>

#include "govmap/map.h"
#include "govmap/registry.h"
#include "mapimpl.h"
#include "govmap/escape.h"
#include "util.h"

int govmap_map_format_parse(const char *s)
{
	static const char *const names[] = {"svg", "png", "pdf", "dot",
					    "json"};
	for (int i = 0; i < 5; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

/* U+202A..U+202E and U+2066..U+2069: text direction controls. */
static int bidi_control(const unsigned char *u)
{
	return u[0] == 0xE2 &&
	       ((u[1] == 0x80 && u[2] >= 0xAA && u[2] <= 0xAE) ||
		(u[1] == 0x81 && u[2] >= 0xA6 && u[2] <= 0xA9));
}

/* Text for a DOT label or tooltip: each backslash written `backslashes`
 * times, & as &amp; (Graphviz reads &name; as an entity: keep the text as
 * written), line breaks and tabs as spaces, other control characters and
 * bidi overrides (they would reorder the map) dropped. */
static char *escape(const char *s, size_t backslashes)
{
	size_t n = strlen(s);
	char *o = malloc(5 * n + 1), *p = o;
	if (!o)
		return NULL;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '\\') {
			memset(p, '\\', backslashes);
			p += backslashes;
		} else if (c == '&') {
			memcpy(p, "&amp;", 5);
			p += 5;
		} else if (c == '\n' || c == '\r' || c == '\t') {
			*p++ = ' ';
		} else if (c < 0x20 || c == 0x7f) {
			continue;
		} else if (c == 0xE2 && bidi_control((const unsigned char *)s)) {
			s += 2;
		} else {
			*p++ = (char)c;
		}
	}
	*p = '\0';
	return o;
}

char *govmap_dot_escape(const char *s)
{
	return escape(s, 2);
}

/* Tooltips are escStrings too, and Graphviz 2.42/2.43 decodes them twice
 * on the way to SVG (preprocessTooltip, then the escString expansion), so
 * a doubled backslash still expanded \N to the node's name.  A literal
 * backslash in a tooltip takes four (tested in tests/unit/test_map.c). */
static char *tooltip_escape(const char *s)
{
	return escape(s, 4);
}

/* ---- the colour scale: ColorBrewer YlOrRd, 5 classes (colour-blind
 * safe, prints in grey scale in order) ---- */
static const char *const deficit_fill[5] = {"#ffffb2", "#fecc5c", "#fd8d3c",
					    "#f03b20", "#bd0026"};
/* text colour per class with WCAG AA contrast (4.5:1): black on all but
 * the darkest red */
static const char *const deficit_font[5] = {"#000000", "#000000", "#000000",
					    "#000000", "#ffffff"};
static const char *const deficit_band[5] = {
	"deficit under 0.2", "0.2 to 0.4", "0.4 to 0.6", "0.6 to 0.8",
	"0.8 to 1 (no or very weak chain)"};
#define ELECTORATE_FILL "#2166ac"

static int band(double d)
{
	int b = (int)(d * 5.0);
	return b < 0 ? 0 : b > 4 ? 4 : b;
}

/* Okabe-Ito colours per link type. */
static const struct {
	const char *type;
	const char *color;
	const char *legend;
} edge_styles[] = {
	{"elected-by", "#0072B2", "elected by"},
	{"accountable-to", "#000000", "accountable to / reports to"},
	{"reports-to", "#000000", NULL},
	{"appointed-by", "#E69F00", "appointed by / nominated by"},
	{"nominated-by", "#E69F00", NULL},
	{"scrutinised-by", "#009E73", "scrutinised by"},
	{"funded-by", "#CC79A7", "funded by"},
	{"regulated-by", "#56B4E9", "regulated / inspected / audited by"},
	{"inspected-by", "#56B4E9", NULL},
	{"audited-by", "#56B4E9", NULL},
	{"ratified-by", "#D55E00", "ratified by"},
};
/* A line's colour in the legend: a solid bar (HTML cell) of it.  Two
 * em dashes, as before, were drawn with a gap between them in every
 * format: a dashed sample beside "dashed contract/guidance". */
#define LINE_SAMPLE                                                         \
	"<TD><TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">"       \
	"<TR><TD BGCOLOR=\"%s\" WIDTH=\"20\" HEIGHT=\"3\" "                  \
	"FIXEDSIZE=\"TRUE\"></TD></TR></TABLE></TD>"
/* room at the right of the legend's rows, in points (the legend) */
#define LEGEND_SLACK "12"
#define OTHER_EDGE_COLOR "#777777"
#define BOARD_EDGE_COLOR "#666666"

static const char *edge_color(const char *type)
{
	for (size_t i = 0; i < sizeof edge_styles / sizeof *edge_styles; i++)
		if (type && strcmp(type, edge_styles[i].type) == 0)
			return edge_styles[i].color;
	return OTHER_EDGE_COLOR;
}

/* The colour of an analysis edge's line (edge_styles; a contract has
 * a commissioning line's, a seat its fill's, a board's line to its
 * body or to a joint board's members BOARD_EDGE_COLOR). */
static const char *edge_colour_of(const govmap_registry *reg,
				  const govmap_edge *e)
{
	if (e->kind == GOVMAP_EDGE_LINK)
		return edge_color(govmap_registry_at(reg, (size_t)e->link)->type);
	if (e->kind == GOVMAP_EDGE_CONTRACT)
		return edge_color("commissioned-by");
	if (e->kind == GOVMAP_EDGE_SEAT)
		return govmap_registry_at(reg, (size_t)e->from)
				       ->seats[e->seat]
				       .fill == GOVMAP_FILL_ELECTED
			       ? "#0072B2"
			       : "#E69F00";
	return BOARD_EDGE_COLOR;
}

/* Whether a drawn edge has line colour c (the legend lists only the
 * line colours a map draws). */
static int colour_drawn(const govmap__map *m, const govmap_analysis *an,
			const char *c)
{
	const govmap_registry *reg = govmap_analysis_registry(an);
	size_t ne;
	const govmap_edge *edges = govmap_analysis_edges(an, &ne);
	for (size_t k = 0; k < m->nedges; k++)
		if (strcmp(edge_colour_of(reg, &edges[m->edges[k].edge]), c) ==
		    0)
			return 1;
	return 0;
}

/* The body types that name an area in the national view: an ICB, a
 * Welsh regional partnership board, a Scottish health board or
 * integration joint board, a Northern Irish health and social care
 * trust. */
static int is_area_type(const char *t)
{
	static const char *const types[] = {
		"icb", "regional-partnership-board", "health-board",
		"integration-joint-board", "hsc-trust"};
	for (size_t k = 0; t && k < sizeof types / sizeof *types; k++)
		if (strcmp(t, types[k]) == 0)
			return 1;
	return 0;
}

/* ---- node selection ---- */

/* A footprint is a region path of two or more segments. */
static int is_footprint(const char *region)
{
	return region && strchr(region, '/') != NULL;
}

/* Footprints nest (a box inside a box; one node in the national view)
 * only under footprints of at least this many segments: see box_for. */
#define NEST_DEPTH 3

/* The footprint of NEST_DEPTH or more segments in `present` that
 * encloses `region` (a proper prefix of it): the outermost such one, or
 * the nearest.  Returns the length of its name in `region`, with its value
 * in `present` in *val; the whole length and -1 if there is none. */
static size_t enclosing_footprint(const char *region,
				  const govmap__strmap *present, int outermost,
				  int32_t *val)
{
	size_t len = strlen(region), best = len, depth = 1;
	*val = -1;
	char *buf = malloc(len + 1);
	if (!buf)
		return len;
	memcpy(buf, region, len + 1);
	for (size_t k = 0; k < len; k++) {
		if (region[k] != '/' || ++depth <= NEST_DEPTH)
			continue;
		/* the prefix before this '/' has depth - 1 >= NEST_DEPTH
		 * segments */
		buf[k] = '\0';
		int32_t v = govmap__strmap_get(present, buf);
		buf[k] = '/';
		if (v >= 0) {
			best = k;
			*val = v;
			if (outermost)
				break;
		}
	}
	free(buf);
	return best;
}

/* The national view: the length in `region` of the outermost footprint
 * enclosing it (a proper prefix) that is drawn as one node with it: one
 * of NEST_DEPTH or more segments with bodies of its own in `present`
 * (the areas of the ICBs merged in 2026 are part of the ICB's node), or
 * one of two segments with an area body of its own in `areas` (an ICB,
 * a health board: is_area_type; Scotland's council areas are part of
 * their health board's node, while an NHS England region's ICBs are
 * nodes of their own); the whole length if there is none. */
static size_t area_footprint(const char *region,
			     const govmap__strmap *present,
			     const govmap__strmap *areas)
{
	size_t len = strlen(region), segs = 1;
	char *buf = malloc(len + 1);
	if (!buf)
		return len;
	memcpy(buf, region, len + 1);
	for (size_t k = 0; k < len; k++) {
		if (region[k] != '/' || ++segs <= 2)
			continue;
		buf[k] = '\0';
		int found = govmap__strmap_get(segs - 1 >= NEST_DEPTH ? present
								    : areas,
					       buf) >= 0;
		buf[k] = '/';
		if (found) {
			len = k;
			break;
		}
	}
	free(buf);
	return len;
}

static int drawable(const govmap_analysis *an, size_t i)
{
	const govmap_entity *e =
		govmap_registry_at(govmap_analysis_registry(an), i);
	return (e->kind == GOVMAP_KIND_BODY || e->kind == GOVMAP_KIND_BOARD) &&
	       govmap_analysis_score(an, i)->active;
}

static int add_node(govmap__map *m, govmap__dnode nd)
{
	if (govmap__grow((void **)&m->nodes, &m->capnodes, m->nnodes,
			 sizeof(*m->nodes)) < 0)
		return -1;
	m->nodes[m->nnodes++] = nd;
	return (int)m->nnodes - 1;
}

void govmap__map_free(govmap__map *m)
{
	for (size_t i = 0; i < m->nnodes; i++) {
		free(m->nodes[i].label);
		free(m->nodes[i].tooltip);
	}
	free(m->nodes);
	free(m->edges);
	free(m->rep);
	free(m->sel);
	memset(m, 0, sizeof(*m));
}

static const govmap_finding *top_finding(const govmap_findings *f,
					 int32_t ent)
{
	const govmap_finding *best = NULL;
	if (!f)
		return NULL;
	for (size_t i = 0; i < f->n; i++) {
		const govmap_finding *x = &f->v[i];
		if (x->entity != ent || x->suppressed)
			continue;
		if (!best || x->sev > best->sev)
			best = x;
	}
	return best;
}

/* Break an escaped label line at spaces so that no line is much longer
 * than `width` characters: narrow boxes keep maps readable.  Line breaks
 * are the escString "\\n" (centred lines), or with `brk` 'l' "\\l", which
 * also ends the last line (every line left-justified).  malloc'd; takes
 * ownership of `s`. */
static char *wrap_lines(char *s, size_t width, char brk)
{
	if (!s)
		return NULL;
	size_t n = strlen(s);
	char *o = malloc(2 * n + 3), *p = o;
	if (!o) {
		/* out of memory: NULL, never the text unwrapped */
		free(s);
		return NULL;
	}
	size_t col = 0;
	for (const char *q = s; *q; q++) {
		if (*q == ' ' && col >= width) {
			*p++ = '\\';
			*p++ = brk;
			col = 0;
			continue;
		}
		/* count what is shown: an entity or an escaped backslash
		 * is one character */
		if (*q == '&') {
			const char *semi = strchr(q, ';');
			size_t k = semi ? (size_t)(semi - q) + 1 : 1;
			memcpy(p, q, k);
			p += k;
			q += k - 1;
			col++;
			continue;
		}
		if (*q == '\\' && q[1]) {
			*p++ = *q++;
			*p++ = *q;
			col++;
			continue;
		}
		*p++ = *q;
		if (((unsigned char)*q & 0xC0) != 0x80)
			col++;
	}
	if (brk == 'l') {
		*p++ = '\\';
		*p++ = 'l';
	}
	*p = '\0';
	free(s);
	return o;
}

static char *wrap(char *s, size_t width)
{
	return wrap_lines(s, width, 'n');
}

static char *entity_label(const govmap_analysis *an, size_t i)
{
	const govmap_registry *reg = govmap_analysis_registry(an);
	const govmap_entity *e = govmap_registry_at(reg, i);
	const govmap_score *s = govmap_analysis_score(an, i);
	char *name = wrap(govmap_dot_escape(e->name ? e->name : e->id), 24);
	char money[32], *out;
	if (!name)
		return NULL;
	if (s->electorate) {
		out = govmap__asprintf("%s\\nvoters", name);
	} else {
		/* A with its interval and its word (the documented scale);
		 * unknown money is said, never drawn as £0 */
		char at[48];
		govmap_score_A_text(s, 2, at, sizeof at);
		if (s->money >= 0)
			govmap_money_format(money, sizeof money,
					    (double)s->money);
		out = govmap__asprintf("%s\\nA %s (%s)  D %.2f\\n%s%s", name,
				       at, govmap_strength_word(s->A), s->D,
				       s->money >= 0 ? money : "money not recorded",
				       s->money >= 0 ? " a year" : "");
	}
	free(name);
	return out;
}

static char *entity_tooltip(const govmap_analysis *an, size_t i,
			    const govmap_findings *f)
{
	const govmap_registry *reg = govmap_analysis_registry(an);
	const govmap_entity *e = govmap_registry_at(reg, i);
	const govmap_score *s = govmap_analysis_score(an, i);
	const govmap_finding *top = top_finding(f, (int32_t)i);
	char money[160], exp[32];
	govmap_score_money_text(s, money, sizeof money);
	if (s->money >= 0)
		govmap_money_format(exp, sizeof exp, s->exposure);
	else
		snprintf(exp, sizeof exp, "unknown");
	char at[48], why[300], tw[128];
	/* the type in words ("council", "NHS trust"), not its id */
	char *raw = govmap__asprintf(
		"%s (%s): accountability %s (%s: %s), deficit %.3f, %u link%s "
		"to voters; public money %s, exposure %s%s%s",
		e->name ? e->name : e->id,
		e->type ? govmap_type_words(tw, sizeof tw, e->type) : "board",
		govmap_score_A_text(s, 3, at, sizeof at),
		govmap_strength_word(s->A),
		govmap_analysis_reason(an, i, why, sizeof why), s->D, s->hops,
		s->hops == 1 ? "" : "s", money, exp,
		top ? "; top finding: " : "", top ? top->msg : "");
	char *esc = raw ? tooltip_escape(raw) : NULL;
	free(raw);
	return esc;
}

typedef struct {
	int32_t ent;
	double strength;
} govmap__cand;

static int cand_cmp(const void *a, const void *b)
{
	const govmap__cand *x = a, *y = b;
	if (x->strength != y->strength)
		return x->strength > y->strength ? -1 : 1;
	return x->ent < y->ent ? -1 : x->ent > y->ent;
}

/* The neighbours of `f` on one side (up: the forums f answers to; down:
 * the bodies that answer to f), each once with its strongest link,
 * strongest first, in *out (malloc'd).  -1 on out-of-memory. */
static int neighbours(const govmap__map *m, const govmap_analysis *an,
		      int32_t f, int up, govmap__cand **out, size_t *nout)
{
	size_t ne, n = 0;
	const govmap_edge *edges = govmap_analysis_edges(an, &ne);
	govmap__cand *v = malloc((ne ? ne : 1) * sizeof(*v));
	if (!v)
		return -1;
	for (size_t k = 0; k < ne; k++) {
		int32_t other = up ? edges[k].to : edges[k].from;
		if ((up ? edges[k].from : edges[k].to) != f || m->sel[other] ||
		    !drawable(an, (size_t)other))
			continue;
		size_t j = 0;
		while (j < n && v[j].ent != other)
			j++;
		if (j == n)
			v[n++] = (govmap__cand){other, edges[k].strength};
		else if (edges[k].strength > v[j].strength)
			v[j].strength = edges[k].strength;
	}
	qsort(v, n, sizeof(*v), cand_cmp);
	*out = v;
	*nout = n;
	return 0;
}

/* A focus map: the body, its strongest chain to voters, then the forums
 * that hold it to account and the bodies it holds to account, strongest
 * link first, up to the cap (half each side, the rest to whichever side
 * has more); what is left out is counted for the legend. */
static int select_focus_map(govmap__map *m, const govmap_analysis *an,
			    const govmap_map_opts *o, int32_t f)
{
	size_t ne, cap = o->focus_cap ? o->focus_cap : 25, shown = 1;
	const govmap_edge *edges = govmap_analysis_edges(an, &ne);
	m->sel[f] = 1;
	for (int32_t k = govmap_analysis_score(an, (size_t)f)->next; k >= 0;
	     k = govmap_analysis_score(an, (size_t)edges[k].to)->next) {
		if (!m->sel[edges[k].to])
			shown++;
		m->sel[edges[k].to] = 1;
	}
	govmap__cand *up = NULL, *down = NULL;
	size_t nup = 0, ndown = 0;
	if (neighbours(m, an, f, 1, &up, &nup) < 0 ||
	    neighbours(m, an, f, 0, &down, &ndown) < 0) {
		free(up);
		return GOVMAP_ENOMEM;
	}
	size_t room = cap > shown ? cap - shown : 0;
	size_t half = room / 2, tup = nup < half ? nup : half,
	       tdown = ndown < room - half ? ndown : room - half;
	/* the side with fewer gives its spare room to the other */
	room -= tup + tdown;
	size_t more = nup - tup < room ? nup - tup : room;
	tup += more;
	room -= more;
	tdown += ndown - tdown < room ? ndown - tdown : room;
	for (size_t j = 0; j < tup; j++)
		m->sel[up[j].ent] = 1;
	for (size_t j = 0; j < tdown; j++)
		m->sel[down[j].ent] = 1;
	m->omitted_up = nup - tup;
	m->omitted_down = ndown - tdown;
	free(up);
	free(down);
	m->focus_map = 1;
	return GOVMAP_OK;
}

/* Mark the nodes a map shows. */
static int select_nodes(govmap__map *m, const govmap_analysis *an,
			const govmap_map_opts *o, govmap_diags *diags)
{
	const govmap_registry *reg = govmap_analysis_registry(an);
	size_t n = govmap_registry_count(reg), ne;
	const govmap_edge *edges = govmap_analysis_edges(an, &ne);
	int any = 0;
	m->sel = calloc(n ? n : 1, 1);
	if (!m->sel)
		return GOVMAP_ENOMEM;
	if (o->focus) {
		int32_t f = govmap_registry_index(reg, o->focus);
		if (f < 0 || !drawable(an, (size_t)f)) {
			govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0,
					 "focus",
					 "--focus: no body or board '%s' in "
					 "force on this date",
					 o->focus);
			return GOVMAP_ENOTFOUND;
		}
		m->focus = f;
		if (!o->depth)
			return select_focus_map(m, an, o, f);
		unsigned depth = o->depth;
		m->sel[f] = 1;
		for (unsigned d = 0; d < depth; d++) {
			char *next = calloc(n, 1);
			if (!next)
				return GOVMAP_ENOMEM;
			for (size_t k = 0; k < ne; k++) {
				if (m->sel[edges[k].from])
					next[edges[k].to] = 1;
				if (m->sel[edges[k].to])
					next[edges[k].from] = 1;
			}
			for (size_t i = 0; i < n; i++)
				m->sel[i] |= next[i];
			free(next);
		}
		m->focus = f;
		any = 1;
	} else if (o->nonly) {
		for (size_t k = 0; k < o->nonly; k++) {
			int32_t f = o->only[k]
					    ? govmap_registry_index(reg, o->only[k])
					    : -1;
			if (f < 0 || !drawable(an, (size_t)f))
				continue;
			m->sel[f] = 1;
			any = 1;
		}
	} else {
		for (size_t i = 0; i < n; i++) {
			if (!drawable(an, i))
				continue;
			const char *r = govmap_entity_region(
				reg, govmap_registry_at(reg, i));
			if (o->region && !govmap_region_in(r, o->region))
				continue;
			m->sel[i] = 1;
			any = 1;
		}
	}
	if (!any && o->nonly) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0, "region",
				 "none of the %zu bodies to draw is in force "
				 "on this date", o->nonly);
		return GOVMAP_ENOTFOUND;
	}
	if (!any) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0, "region",
				 "--region: nothing in force in region '%s' "
				 "on this date",
				 o->region ? o->region : "(all)");
		return GOVMAP_ENOTFOUND;
	}
	/* the chain to voters of every shown node, so voters are on top */
	for (size_t i = 0; i < n; i++) {
		if (m->sel[i] != 1)
			continue;
		for (int32_t k = govmap_analysis_score(an, i)->next; k >= 0;
		     k = govmap_analysis_score(an, (size_t)edges[k].to)->next)
			if (!m->sel[edges[k].to])
				m->sel[edges[k].to] = 2; /* context */
	}
	return GOVMAP_OK;
}

/* `r` lies in a footprint strictly below the region of the first `n`
 * bytes of `top`. */
static int below_n(const char *r, const char *top, size_t n)
{
	return r && strncmp(r, top, n) == 0 && r[n] == '/';
}

/* `r` lies in a footprint strictly below region `top`. */
static int below(const char *r, const char *top)
{
	return below_n(r, top, strlen(top));
}

/* Whether a region map folds the areas below its region into one box
 * each (as the national view does): a map of a nation or an NHS England
 * region (a region of at most two segments with no area body of its
 * own: no ICB, health board or RPB, is_area_type) with areas below it
 * that have one.  London drew its five ICB areas' 200 bodies side by side, 2,674 by
 * 4,039 pt; each area has a map of its own. */
static int folds_areas(const govmap__map *m, const govmap_analysis *an,
		       const govmap_map_opts *o)
{
	if (!o->region || o->national || o->focus || o->nonly ||
	    strchr(o->region, '/') != strrchr(o->region, '/'))
		return 0;
	const govmap_registry *reg = govmap_analysis_registry(an);
	int any = 0;
	for (size_t i = 0; i < govmap_registry_count(reg); i++) {
		if (m->sel[i] != 1)
			continue;
		const govmap_entity *e = govmap_registry_at(reg, i);
		const char *r = govmap_entity_region(reg, e);
		if (r && strcmp(r, o->region) == 0 && is_area_type(e->type))
			return 0;
		/* an area below it with an ICB, board or trust: an
		 * area with sub-areas of its own and no ICB (a fixture's)
		 * draws them in full */
		any |= below(r, o->region) && is_area_type(e->type);
	}
	return any;
}

/* Assign each selected entity to a drawn node. */
static int group_nodes(govmap__map *m, const govmap_analysis *an,
		       const govmap_map_opts *o)
{
	const govmap_registry *reg = govmap_analysis_registry(an);
	size_t n = govmap_registry_count(reg);
	unsigned collapse = o->collapse ? o->collapse : 12;
	m->rep = malloc((n ? n : 1) * sizeof(*m->rep));
	if (!m->rep)
		return -1;
	for (size_t i = 0; i < n; i++)
		m->rep[i] = -1;
	/* the national view draws a footprint nested in a drawn one (the
	 * areas of the ICBs merged in 2026) as part of it */
	govmap__strmap present, areas;
	if (govmap__strmap_init(&present, 64) < 0)
		return -1;
	if (govmap__strmap_init(&areas, 64) < 0) {
		govmap__strmap_free(&present);
		return -1;
	}
	int fold = folds_areas(m, an, o);
	for (size_t i = 0; (o->national || fold) && i < n; i++) {
		const govmap_entity *e = govmap_registry_at(reg, i);
		const char *r = m->sel[i] ? govmap_entity_region(reg, e) : NULL;
		if (is_footprint(r) &&
		    (govmap__strmap_put(&present, r, (int32_t)i, NULL) < 0 ||
		     (is_area_type(e->type) &&
		      govmap__strmap_put(&areas, r, (int32_t)i, NULL) < 0))) {
			govmap__strmap_free(&present);
			govmap__strmap_free(&areas);
			return -1;
		}
	}
	govmap__strmap groups;
	char **keys = calloc(n ? n : 1, sizeof(*keys));
	if (!keys || govmap__strmap_init(&groups, 64) < 0) {
		free(keys);
		govmap__strmap_free(&present);
		govmap__strmap_free(&areas);
		return -1;
	}
	size_t *gsize = calloc(n ? n : 1, sizeof(*gsize));
	int rc = gsize ? 0 : -1;
	/* pass 1: group keys and sizes */
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (!m->sel[i])
			continue;
		const govmap_entity *e = govmap_registry_at(reg, i);
		const char *r = govmap_entity_region(reg, e);
		if ((int32_t)i == m->focus)
			continue;
		if ((o->national || (fold && below(r, o->region))) &&
		    is_footprint(r))
			keys[i] = govmap__asprintf(
				"F %.*s", (int)area_footprint(r, &present, &areas), r);
		else if (!o->national && e->type)
			keys[i] = govmap__asprintf("T %s|%s", r ? r : "",
						   e->type);
		if (!keys[i])
			continue;
		int32_t old;
		int put = govmap__strmap_put(&groups, keys[i], (int32_t)i, &old);
		if (put < 0)
			rc = -1;
		else
			gsize[put == 1 ? (size_t)old : i]++;
	}
	/* pass 2: drawn nodes */
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (!m->sel[i])
			continue;
		const govmap_entity *e = govmap_registry_at(reg, i);
		const govmap_score *s = govmap_analysis_score(an, i);
		int32_t leader = keys[i] ? govmap__strmap_get(&groups, keys[i])
					 : -1;
		int grouped = leader >= 0 &&
			      (keys[i][0] == 'F' ? 1
					   : gsize[leader] > collapse);
		if (grouped && m->rep[leader] >= 0 && leader != (int32_t)i) {
			govmap__dnode *g = &m->nodes[m->rep[leader]];
			g->count++;
			g->sumD += s->D;
			g->money_known += s->money >= 0;
			if (s->money > 0) {
				g->money += s->money;
				g->sumDm += s->D * (double)s->money;
			}
			/* the group's face: its biggest spender, and never
			 * an electorate when it holds other bodies */
			int rep_voters = govmap_analysis_score(
					an, (size_t)g->entity)->electorate;
			if (!s->electorate &&
			    (rep_voters || (s->money > g->best_money &&
					    e->kind == GOVMAP_KIND_BODY))) {
				g->best_money = s->money;
				g->entity = (int32_t)i;
				g->type = e->type;
			}
			if (!s->electorate)
				g->electorate = 0;
			if (!s->electorate && s->D > g->maxD)
				g->maxD = s->D;
			/* named by the area body of the outermost
			 * footprint (a health board, not one of the
			 * integration joint boards of its council areas) */
			if (is_area_type(e->type) &&
			    (g->area < 0 ||
			     strlen(govmap_entity_region(reg, e)) <
				     strlen(govmap_entity_region(
					     reg, govmap_registry_at(
							  reg, (size_t)g->area)))))
				g->area = (int32_t)i;
			m->rep[i] = m->rep[leader];
			continue;
		}
		govmap__dnode nd = {0};
		nd.entity = (int32_t)i;
		nd.kind = grouped ? (keys[i][0] == 'F' ? GOVMAP__DN_FOOTPRINT
						 : GOVMAP__DN_SUMMARY)
				  : GOVMAP__DN_ENTITY;
		nd.count = 1;
		nd.money_known = s->money >= 0;
		nd.sumD = s->D;
		nd.maxD = s->electorate ? 0 : s->D;
		nd.area = is_area_type(e->type) ? (int32_t)i : -1;
		nd.money = s->money > 0 ? s->money : 0;
		nd.best_money = s->money;
		nd.sumDm = s->money > 0 ? s->D * (double)s->money : 0;
		nd.context = m->sel[i] == 2;
		nd.electorate = s->electorate;
		nd.region = govmap_entity_region(reg, e);
		if (nd.kind == GOVMAP__DN_FOOTPRINT) {
			/* the footprint the group is keyed by ("F region"),
			 * which may enclose this entity's */
			int32_t at = govmap__strmap_get(&present, keys[i] + 2);
			if (at >= 0)
				nd.region = govmap_entity_region(
					reg, govmap_registry_at(reg, (size_t)at));
		}
		nd.type = e->type;
		int k = add_node(m, nd);
		if (k < 0)
			rc = -1;
		else
			m->rep[i] = k;
	}
	for (size_t i = 0; i < n; i++)
		free(keys[i]);
	free(keys);
	free(gsize);
	govmap__strmap_free(&groups);
	govmap__strmap_free(&present);
	govmap__strmap_free(&areas);
	return rc;
}

static int add_dedge(govmap__map *m, govmap__dedge de)
{
	if (govmap__grow((void **)&m->edges, &m->capedges, m->nedges,
			 sizeof(*m->edges)) < 0)
		return -1;
	m->edges[m->nedges++] = de;
	return 0;
}

/* An appointment or nomination line: a link of type appointed-by or
 * nominated-by, or seats filled by anyone but an electorate. */
static int is_appointment(const govmap_analysis *an, const govmap_edge *e)
{
	const govmap_registry *reg = govmap_analysis_registry(an);
	if (e->kind == GOVMAP_EDGE_SEAT)
		return govmap_registry_at(reg, (size_t)e->from)->seats[e->seat]
			       .fill != GOVMAP_FILL_ELECTED;
	if (e->kind != GOVMAP_EDGE_LINK)
		return 0;
	const char *t = govmap_registry_at(reg, (size_t)e->link)->type;
	return t && (strcmp(t, "appointed-by") == 0 ||
		     strcmp(t, "nominated-by") == 0);
}

static int build_edges(govmap__map *m, const govmap_analysis *an,
		       const govmap_map_opts *o)
{
	size_t ne;
	const govmap_edge *edges = govmap_analysis_edges(an, &ne);
	govmap__strmap seen;
	char **keys = calloc(ne ? ne : 1, sizeof(*keys));
	if (!keys || govmap__strmap_init(&seen, ne) < 0) {
		free(keys);
		return -1;
	}
	int rc = 0;
	/* a focus map draws only the focus's own links and its chain to
	 * voters: links among its neighbours would tangle it */
	char *keep = NULL;
	if (m->focus_map) {
		keep = calloc(ne ? ne : 1, 1);
		if (!keep)
			rc = -1;
		for (size_t k = 0; keep && k < ne; k++)
			keep[k] = edges[k].from == m->focus ||
				  edges[k].to == m->focus;
		for (int32_t k = govmap_analysis_score(an, (size_t)m->focus)->next;
		     keep && k >= 0;
		     k = govmap_analysis_score(an, (size_t)edges[k].to)->next)
			keep[k] = 1;
	}
	for (size_t k = 0; k < ne && rc == 0; k++) {
		int32_t a = m->rep[edges[k].from], b = m->rep[edges[k].to];
		if (a < 0 && b < 0)
			continue;
		if (keep && !keep[k]) {
			m->hidden_edges++;
			continue;
		}
		/* a region or national map draws appointment and nomination lines only
		 * when asked, or where one is a body's chain to voters */
		if (!o->focus && !o->appointments && a >= 0 && b >= 0 &&
		    is_appointment(an, &edges[k]) &&
		    govmap_analysis_score(an, (size_t)edges[k].from)->next !=
			    (int32_t)k) {
			m->appointments_hidden++;
			continue;
		}
		if (a < 0 || b < 0) {
			m->hidden_edges++;
			continue;
		}
		if (a == b)
			continue; /* inside one summary node */
		keys[k] = govmap__asprintf("%d>%d", a, b);
		if (!keys[k]) {
			rc = -1;
			break;
		}
		int32_t old;
		int put = govmap__strmap_put(&seen, keys[k],
					     (int32_t)m->nedges, &old);
		if (put == 1) {
			govmap__dedge *d = &m->edges[old];
			d->count++;
			if (edges[k].strength > edges[d->edge].strength)
				d->edge = (int32_t)k;
			continue;
		}
		govmap__dedge de = {a, b, (int32_t)k, 1};
		if (put < 0 || add_dedge(m, de) < 0)
			rc = -1;
	}
	for (size_t k = 0; k < ne; k++)
		free(keys[k]);
	free(keys);
	free(keep);
	govmap__strmap_free(&seen);
	return rc;
}

/* How a summary box's deficit is averaged over its bodies, in words:
 * the mean when no money is known, else weighted by the money (known for
 * only some of them, or for all).  `brief`: the footprint label's short
 * form ("by known money"). */
static const char *weighting(const govmap__dnode *d, int brief)
{
	const char *w = d->money <= 0 ? "mean"
			: d->money_known < d->count ? "weighted by known money"
						    : "weighted by money";
	return brief && strncmp(w, "weighted ", 9) == 0 ? w + 9 : w;
}

/* Labels and tooltips of every node; -1 when memory ran out (a label
 * missing would be drawn as "?"). */
static int finish_labels(govmap__map *m, const govmap_analysis *an,
			 const govmap_map_opts *o)
{
	const govmap_registry *reg = govmap_analysis_registry(an);
	int rc = 0;
	for (size_t i = 0; i < m->nnodes; i++) {
		govmap__dnode *d = &m->nodes[i];
		d->D = d->sumDm > 0 && d->money > 0 ? d->sumDm / (double)d->money
						    : d->sumD / d->count;
		if (d->kind == GOVMAP__DN_ENTITY) {
			d->label = entity_label(an, (size_t)d->entity);
			d->tooltip = entity_tooltip(an, (size_t)d->entity,
						    o->findings);
			if (!d->label || !d->tooltip)
				rc = -1;
			continue;
		}
		const govmap_entity *e =
			govmap_registry_at(reg, (size_t)d->entity);
		char money[32];
		govmap_money_format(money, sizeof money, (double)d->money);
		char *name = wrap(govmap_dot_escape(e->name ? e->name : e->id), 24);
		/* the area and the type in words ("3 x council", "South
		 * Yorkshire"), not the registry's ids */
		char rwords[256], twords[128];
		govmap_region_title(rwords, sizeof rwords,
				    d->region ? d->region : "");
		char *region = govmap_dot_escape(rwords);
		char *type = govmap_dot_escape(
			govmap_type_words(twords, sizeof twords, d->type));
		/* the money of a group with its coverage: "£2.1bn a year
		 * (3 of 9 known)", "money not recorded" */
		char mline[96];
		if (!d->money_known)
			snprintf(mline, sizeof mline, "money not recorded");
		else if (d->money_known < d->count)
			snprintf(mline, sizeof mline, "%s a year (%zu of %zu known)",
				 money, d->money_known, d->count);
		else
			snprintf(mline, sizeof mline, "%s a year", money);
		if (d->kind == GOVMAP__DN_FOOTPRINT) {
			/* named by its ICB or RPB, else by its area; coloured
			 * by its weakest chain (weighted by money the big
			 * bodies hid the red) */
			const govmap_entity *ae =
				d->area >= 0 ? govmap_registry_at(
						       reg, (size_t)d->area)
					     : NULL;
			char *aname = ae ? wrap(govmap_dot_escape(
						     ae->name ? ae->name : ae->id),
					     20)
					 : NULL;
			if (ae && !aname)
				rc = -1;
			/* no money line when none is recorded: the cut
			 * corners say it (a narrower box) */
			d->label = govmap__asprintf(
				"%s\\nD weakest %.2f, %s %.2f\\n%zu %s%s%s",
				aname ? aname : region, d->maxD,
				weighting(d, 1), d->D,
				d->count, d->count == 1 ? "body" : "bodies",
				d->money_known ? ", " : "",
				d->money_known ? mline : "");
			free(aname);
		} else
			d->label = govmap__asprintf(
				"%zu x %s\\n%s\\nD %.2f (%s), %s",
				d->count, type, region, d->D,
				weighting(d, 0), mline);
		/* in words, as the label: "7 bodies summarised (council,
		 * North East London)", never the registry's region path */
		char weakest[64] = "";
		if (d->kind == GOVMAP__DN_FOOTPRINT)
			snprintf(weakest, sizeof weakest,
				 "weakest chain: deficit %.3f; ", d->maxD);
		char *tip = govmap__asprintf(
			"%zu %s summarised (%s%s%s); %sdeficit %s %.3f; "
			"largest: %s",
			d->count, d->count == 1 ? "body" : "bodies",
			d->kind == GOVMAP__DN_FOOTPRINT ? "" : twords,
			d->kind == GOVMAP__DN_FOOTPRINT ? "" : ", ", rwords,
			weakest, weighting(d, 0), d->D,
			e->name ? e->name : e->id);
		d->tooltip = tip ? tooltip_escape(tip) : NULL;
		if (!name || !region || !type || !d->label || !d->tooltip)
			rc = -1;
		free(tip);
		free(name);
		free(region);
		free(type);
	}
	return rc;
}

int govmap__map_build(govmap__map *m, const govmap_analysis *an,
		      const govmap_map_opts *o, govmap_diags *diags)
{
	memset(m, 0, sizeof(*m));
	m->focus = -1;
	int rc = select_nodes(m, an, o, diags);
	if (rc != GOVMAP_OK)
		return rc;
	if (group_nodes(m, an, o) < 0 || build_edges(m, an, o) < 0 ||
	    finish_labels(m, an, o) < 0)
		return GOVMAP_ENOMEM;
	return GOVMAP_OK;
}

/* ---- cgraph ---- */

/* Nodes per row before a level is folded, and the footprint grid's
 * columns, by compactness (govmap__map.compact): render.c lays a map out
 * again one step more compact while it is wider than the limit
 * (mapimpl.h, GOVMAP__MAX_WIDTH_PT), so that none needs sideways
 * scrolling at 100%. */
/* per compaction step (mapimpl.h): nodes of a level per row in a
 * footprint, how many times the grid's columns are halved, and the
 * summary threshold (0: the map's own) */
static const size_t wrap_at[GOVMAP__COMPACT_STEPS] = {6, 4, 4, 3, 3};
static const unsigned grid_shift[GOVMAP__COMPACT_STEPS] = {0, 1, 1, 2, 3};
static const unsigned collapse_at[GOVMAP__COMPACT_STEPS] = {0, 0, 4, 2, 1};

unsigned govmap__compact_collapse(unsigned step)
{
	return step < GOVMAP__COMPACT_STEPS ? collapse_at[step] : 0;
}
/* a focus map's forums or answering bodies in one row (one fewer beside
 * its chain to voters), and per row when there are more (one fewer at
 * compaction step 1: mapimpl.h, GOVMAP__FOCUS_STEPS) */
#define FOCUS_WRAP 5
#define FOCUS_FOLD 3
#define ONLY_WRAP 3  /* a map of a few bodies (the area brief's) */
#define GRID_MIN 3 /* footprint clusters from which they are stacked */
#define UNNEST_STEP 2 /* compaction step from which boxes are not nested */
#define MAX_STYLED 16 /* plugin-coloured types listed in the legend */
#define MAX_CLUSTERS 200 /* footprint boxes drawn; more go unboxed */
/* the national overview (osage): boxes a row, areas a row in a box, and
 * the legend's place among the boxes (in the second row, where the
 * boxes are short: 1,872 by 1,527 pt on 2026-12-06, 1,872 by 1,642
 * with the legend last) */
#define NATIONAL_COLS "3"
#define NATIONAL_WRAP "3"
#define NATIONAL_LEGEND_AT 4

/* The footprint boxes of a map, one per footprint drawn.  A footprint
 * whose nearest enclosing footprint also has nodes of its own, and lies
 * at least NEST_DEPTH segments deep, is drawn inside that one's box: the
 * areas of the ICBs merged on 1 April 2026, filed under the ICB that took
 * them over (england/east-of-england/central-east/...), sit inside its
 * box on the dates it is drawn, and stand alone before it existed.  The
 * shallower regions (an NHS England region, a Welsh RPB area) hold whole
 * footprints side by side: boxing them would put a region's footprints
 * in one row instead of the grid below. */
typedef struct {
	Agraph_t *g;
	int32_t up; /* the enclosing box, or -1 */
} govmap__box;

typedef struct {
	Agraph_t *root;
	const govmap__map *m;
	govmap__strmap byregion; /* region -> box (keys: node regions) */
	govmap__strmap drawn;    /* region -> a node drawn there */
	govmap__box *v;
	size_t n, cap;
	int nomem; /* an allocation of ours failed: the graph is not drawn */
} govmap__boxes;

static void set(void *obj, const char *name, const char *value);

/* The box of a footprint, made (with its enclosing boxes) on first use;
 * -1 past MAX_CLUSTERS or on out-of-memory.  `region` must outlive cs. */
static int32_t box_for(govmap__boxes *cs, const char *region)
{
	int32_t c = govmap__strmap_get(&cs->byregion, region);
	if (c >= 0 || cs->n >= MAX_CLUSTERS)
		return c;
	int32_t k = -1, up = -1;
	/* from compaction step UNNEST_STEP each footprint is a box of
	 * its own in the grid: boxes nested side by side in their ICB's
	 * box made a region map wider than a screen */
	if (cs->m->compact < UNNEST_STEP)
		enclosing_footprint(region, &cs->drawn, 0, &k);
	if (k >= 0)
		up = box_for(cs, cs->m->nodes[k].region);
	if (cs->n >= MAX_CLUSTERS)
		return -1;
	if (govmap__grow((void **)&cs->v, &cs->cap, cs->n, sizeof(*cs->v))) {
		cs->nomem = 1;
		return -1;
	}
	char name[48];
	snprintf(name, sizeof name, "cluster_%zu", cs->n);
	Agraph_t *sg = agsubg(up >= 0 ? cs->v[up].g : cs->root, name, 1);
	/* the area's name in words, not its path */
	char words[256];
	govmap_region_title(words, sizeof words, region);
	char *lab = govmap_dot_escape(words);
	if (!lab)
		cs->nomem = 1;
	set(sg, "label", lab ? lab : "");
	free(lab);
	/* centred (a box takes the map's left-justified title's
	 * labeljust when made) */
	set(sg, "labeljust", "c");
	set(sg, "style", "rounded");
	set(sg, "color", "#999999");
	set(sg, "fontsize", "12");
	if (govmap__strmap_put(&cs->byregion, region, (int32_t)cs->n, NULL) < 0) {
		cs->nomem = 1;
		return -1;
	}
	cs->v[cs->n].g = sg;
	cs->v[cs->n].up = up;
	return (int32_t)cs->n++;
}

/* The outermost box around box c (c itself if it stands alone). */
static int32_t box_top(const govmap__boxes *cs, int32_t c)
{
	while (c >= 0 && cs->v[c].up >= 0)
		c = cs->v[c].up;
	return c;
}

/* map --diff: Okabe-Ito bluish green, orange and vermillion borders */
#define ADDED_COLOR "#009E73"
#define CHANGED_COLOR "#E69F00"
#define REMOVED_COLOR "#D55E00"

static const govmap_map_mark *find_mark(const govmap_map_opts *o,
					const char *id)
{
	for (size_t k = 0; k < o->nmarks; k++)
		if (o->marks[k].kind != GOVMAP_MARK_REMOVED &&
		    strcmp(o->marks[k].id, id) == 0)
			return &o->marks[k];
	return NULL;
}

/* An id discipline that numbers named objects in creation order.  The
 * default one uses the address of the interned name as the id, and cgraph
 * orders subgraphs by id, so the DOT and SVG came out in a different order
 * from run to run.  Named objects get even ids 2, 4, 6...; anonymous ones
 * (edges) odd ids, as in the default. */
typedef struct {
	Agraph_t *g;
	char **names;   /* interned with agstrdup: cgraph reads their header
			   (the HTML flag) when it writes names */
	size_t n, cap;
	govmap__strmap idx;
	IDTYPE anon;
	int nomem; /* a name could not be numbered (out of memory): cgraph
		      fell back to its own ids, and the graph is dropped */
} idstate;

/* The discipline passed to agopen: cgraph hands it to id_open, which
 * takes the state made beforehand (cgraph does not check what open
 * returns, so open itself must not fail). */
typedef struct {
	Agdisc_t disc; /* first: cgraph sees an Agdisc_t */
	idstate *st;
} map_disc_t;

static void *id_open(Agraph_t *g, Agdisc_t *disc)
{
	idstate *st = ((map_disc_t *)disc)->st;
	st->g = g;
	return st;
}

/* A fresh id state for one graph (owned by the graph once agopen has
 * taken it: id_close frees it), or NULL. */
static idstate *id_state_new(void)
{
	idstate *st = calloc(1, sizeof(*st));
	if (st && govmap__strmap_init(&st->idx, 64) < 0) {
		free(st);
		return NULL;
	}
	if (st)
		st->anon = 1;
	return st;
}

static long id_map(void *state, int objtype, char *str, IDTYPE *id,
		   int createflag)
{
	idstate *st = state;
	(void)objtype;
	if (!str) {
		*id = st->anon;
		st->anon += 2;
		return 1;
	}
	int32_t k = govmap__strmap_get(&st->idx, str);
	if (k < 0) {
		if (!createflag)
			return 0;
		char *copy = NULL;
		if (govmap__grow((void **)&st->names, &st->cap, st->n,
				 sizeof(*st->names)) < 0 ||
		    !(copy = agstrdup(st->g, str)) ||
		    govmap__strmap_put(&st->idx, copy, (int32_t)st->n, NULL) <
			    0) {
			/* Out of memory: the graph will be dropped.  Refusing
			 * the name would send cgraph 2.42 to its internal name
			 * map (imap.c), whose entries agclose never frees (its
			 * dictionaries have no free function and AgMemDisc no
			 * close); an anonymous id keeps the object nameless
			 * instead, and nothing leaks. */
			if (copy)
				agstrfree(st->g, copy);
			st->nomem = 1;
			*id = st->anon;
			st->anon += 2;
			return 1;
		}
		st->names[st->n] = copy;
		k = (int32_t)st->n++;
	}
	*id = (IDTYPE)(2 * (k + 1));
	return 1;
}

static long id_alloc(void *state, int objtype, IDTYPE id)
{
	(void)state;
	(void)objtype;
	(void)id;
	return 0;
}

static void id_free(void *state, int objtype, IDTYPE id)
{
	(void)state;
	(void)objtype;
	(void)id;
}

static char *id_print(void *state, int objtype, IDTYPE id)
{
	idstate *st = state;
	(void)objtype;
	if (id % 2 || id / 2 - 1 >= st->n)
		return NULL;
	return st->names[id / 2 - 1];
}

static void id_close(void *state)
{
	idstate *st = state;
	/* the names go with the graph's string dictionary */
	free(st->names);
	govmap__strmap_free(&st->idx);
	free(st);
}

static void id_register(void *state, int objtype, void *obj)
{
	(void)state;
	(void)objtype;
	(void)obj;
}

static Agiddisc_t ordered_ids = {id_open, id_map, id_alloc, id_free,
				 id_print, id_close, id_register};

static void set(void *obj, const char *name, const char *value)
{
	agsafeset(obj, (char *)name, (char *)value, "");
}

static void set_html(Agraph_t *g, void *obj, const char *name,
		     const char *html)
{
	char *h = agstrdup_html(g, (char *)html);
	agsafeset(obj, (char *)name, "", "");
	agxset(obj, agattr(g, agobjkind(obj), (char *)name, NULL), h);
	agstrfree(g, h);
}

/* `n` numbers the ghost within this graph (its node name "ghostN"). */
static void add_ghost(Agraph_t *g, Agnode_t *to, size_t n, const char *label,
		      const char *tooltip)
{
	char name[32];
	snprintf(name, sizeof name, "ghost%zu", n);
	Agnode_t *gn = agnode(g, name, 1);
	set(gn, "label", label);
	set(gn, "tooltip", tooltip);
	set(gn, "style", "dashed");
	set(gn, "color", "#555555");
	set(gn, "fontcolor", "#333333");
	set(gn, "shape", "box");
	Agedge_t *e = agedge(g, gn, to, NULL, 1);
	set(e, "style", "dashed");
	set(e, "color", "#555555");
	set(e, "arrowhead", "none");
}

/* A drawn line's colour (by link type; seats blue when elected, orange
 * otherwise) and style (by basis: solid statute or regulation, dashed
 * contract, guidance or seats, dotted none).  Static strings. */
static void edge_look(const govmap_registry *reg, const govmap_edge *e,
		      const char **color, const char **style)
{
	*color = edge_colour_of(reg, e);
	*style = "solid";
	if (e->kind == GOVMAP_EDGE_LINK) {
		const govmap_entity *l = govmap_registry_at(reg, (size_t)e->link);
		if (l->basis == GOVMAP_BASIS_GUIDANCE ||
		    l->basis == GOVMAP_BASIS_CONTRACT)
			*style = "dashed";
		else if (l->basis == GOVMAP_BASIS_VOLUNTARY ||
			 l->basis == GOVMAP_BASIS_NONE ||
			 l->basis == GOVMAP_BASIS_UNSET)
			*style = "dotted";
	} else if (e->kind == GOVMAP_EDGE_CONTRACT ||
		   e->kind == GOVMAP_EDGE_SEAT) {
		/* a contract (a commissioning line on a contract basis) and
		 * a seat are dashed */
		*style = "dashed";
	}
}

/* Whether some node lies below a two-segment footprint of nation
 * r[0..one) (a path of three or more segments there): that nation's
 * second level is a level of boxes holding areas. */
static int nation_nests(const govmap__map *m, const char *r, size_t one)
{
	for (size_t k = 0; k < m->nnodes; k++) {
		const char *q = m->nodes[k].region;
		if (!q || strncmp(q, r, one) != 0 || q[one] != '/')
			continue;
		size_t two = one + 1 + strcspn(q + one + 1, "/");
		if (q[two] == '/')
			return 1;
	}
	return 0;
}

/* The national overview's box of node i (malloc'd, a region path; NULL
 * when out of memory): an NHS England region or a Scottish health board
 * area (a footprint of two segments with footprints below it) holds its
 * areas; so does a two-segment footprint with none below it in a nation
 * whose other two-segment footprints hold areas (Greater Manchester,
 * `england/greater-manchester`, beside England's NHS regions: a box of
 * its own, not among England's national bodies); a nation holds the
 * rest of its own (Wales's regional partnership boards, Northern
 * Ireland's trusts, its national bodies and electorates). */
static char *national_box(const govmap__map *m, size_t i)
{
	const char *r = m->nodes[i].region && *m->nodes[i].region
				? m->nodes[i].region
				: "uk";
	size_t one = strcspn(r, "/");
	if (!r[one])
		return govmap__asprintf("%s", r);
	size_t two = one + 1 + strcspn(r + one + 1, "/");
	/* the two-segment footprint holds areas: r's own, or another's */
	int holds = r[two] != '\0';
	for (size_t k = 0; !holds && k < m->nnodes; k++)
		holds = below_n(m->nodes[k].region, r, two);
	if (!holds)
		holds = nation_nests(m, r, one);
	return govmap__asprintf("%.*s", (int)(holds ? two : one), r);
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A box with cut corners (money not recorded) has wider side margins
 * than Graphviz's 0.11 in: the corners take the space a label's widest
 * line reaches into, and a renderer's sans (DejaVu Sans) runs wider
 * than the Helvetica metrics Graphviz sizes the box by. */
#define CUT_MARGIN "0.2,0.055"

/* A focus map's rows: the forums of the focus above it and the bodies
 * answering to it below, each side in one row of up to FOCUS_WRAP (one
 * fewer for the forums when its chain to voters climbs beside them, a
 * node a rank), or folded into rows of FOCUS_FOLD when there are more
 * (of one fewer when laid out again for being too wide: the 15 forums
 * of the members of the West and North London ICP, 1,044 pt in rows of
 * three, 918 in twos), through an invisible edge from each to the one
 * a row before it.
 * Rows of five beside the chain, with lanes for the lines to the rows
 * beyond, made NHS Greater Manchester ICB's map 1,369 pt wide, more
 * than a 1366-px screen.  A chain node or electorate is left out of
 * the rows (its rank is the chain's), and a body both forum and
 * answering (a board of the body) goes with the answering bodies only,
 * its line up to the focus not ranking it: row edges on both sides made
 * a cycle that dot broke by throwing a council to the far left and the
 * chain below the focus. */
static int focus_rows(Agraph_t *g, Agnode_t **gn, const govmap__map *m,
		      const govmap_analysis *an)
{
	size_t ne;
	const govmap_edge *edges = govmap_analysis_edges(an, &ne);
	int32_t fn = m->rep[m->focus];
	char *skip = calloc(m->nnodes ? m->nnodes : 1, 1);
	int32_t *v = malloc((m->nnodes ? m->nnodes : 1) * sizeof(*v));
	if (!skip || !v) {
		free(skip);
		free(v);
		return -1;
	}
	size_t beside = 0; /* chain nodes beside the forums */
	int32_t vote = -1; /* an electorate drawn: they share the top rank */
	for (size_t i = 0; vote < 0 && i < m->nnodes; i++)
		if (m->nodes[i].electorate && gn[i])
			vote = (int32_t)i;
	for (int32_t k = govmap_analysis_score(an, (size_t)m->focus)->next;
	     k >= 0; k = govmap_analysis_score(an, (size_t)edges[k].to)->next) {
		int32_t c = m->rep[edges[k].to];
		if (c < 0 || skip[c])
			continue;
		skip[c] = 1;
		if (!m->nodes[c].electorate)
			beside++;
	}
	/* the answering bodies first, then the forums */
	for (int down = 1; down >= 0; down--) {
		size_t n = 0;
		for (size_t k = 0; k < m->nedges; k++) {
			const govmap__dedge *de = &m->edges[k];
			if (down ? de->to != fn : de->from != fn)
				continue;
			int32_t other = down ? de->from : de->to;
			if (other == fn || skip[other] ||
			    m->nodes[other].electorate)
				continue;
			skip[other] = 1;
			v[n++] = other;
		}
		/* a body both forum and answering hangs below: its line up
		 * to the focus's forum side does not rank it */
		for (size_t j = 0; down && j < n; j++)
			for (Agedge_t *e = agfstout(g, gn[v[j]]); e;
			     e = agnxtout(g, e))
				if (aghead(e) == gn[fn])
					set(e, "constraint", "false");
		size_t wrap = FOCUS_WRAP - (!down && beside ? 1 : 0);
		if (n > wrap)
			wrap = m->compact ? FOCUS_FOLD - 1 : FOCUS_FOLD;
		/* rows as even as they go, the longer ones nearest the focus
		 * (10 in rows of 3, 3, 2 and 2, not a last one alone) */
		size_t rows = (n + wrap - 1) / wrap, start = 0, prev = 0;
		for (size_t r = 0; r < rows; r++) {
			size_t len = n / rows + (r < n % rows);
			for (size_t p = 0; r && p < len; p++) {
				int32_t near = v[prev + p], at = v[start + p];
				Agedge_t *inv = down ? agedge(g, gn[near], gn[at],
							      NULL, 1)
						     : agedge(g, gn[at], gn[near],
							      NULL, 1);
				set(inv, "style", "invis");
				set(inv, "dir", "none");
				set(inv, "tooltip", "");
				/* straight down: columns, the lines in
				 * lanes between them */
				set(inv, "weight", "10");
			}
			prev = start;
			start += len;
		}
		/* the voters above the top row of forums, not beside it
		 * (the members of the Greater Manchester Combined
		 * Authority: nine councils, two electorates, 1,131 pt) */
		for (size_t j = prev; !down && vote >= 0 && j < n; j++) {
			Agedge_t *inv = agedge(g, gn[vote], gn[v[j]], NULL, 1);
			set(inv, "style", "invis");
			set(inv, "dir", "none");
			set(inv, "tooltip", "");
			set(inv, "weight", "0");
		}
	}
	free(skip);
	free(v);
	return 0;
}

Agraph_t *govmap__map_graph(const govmap__map *m, const govmap_analysis *an,
			    const govmap_map_opts *o, size_t *nghosts)
{
	const govmap_registry *reg = govmap_analysis_registry(an);
	const govmap_edge *edges;
	size_t ne;
	edges = govmap_analysis_edges(an, &ne);
	map_disc_t disc = {{&AgMemDisc, &ordered_ids, &AgIoDisc}, NULL};
	idstate *ids = disc.st = id_state_new();
	if (!ids)
		return NULL;
	Agraph_t *g = agopen("govmap", Agdirected, &disc.disc);
	if (!g) {
		id_close(ids);
		return NULL;
	}
	set(g, "rankdir", "TB");
	set(g, "fontname", "Helvetica");
	set(g, "labelloc", "t");
	/* the title at the top left, where a map wider than its window
	 * opens (the site shows a wide map at a readable size from its top
	 * left corner): centred over a national map 2,500 px wide, it ran
	 * off a 1,280-px window mid-date */
	set(g, "labeljust", "l");
	set(g, "fontsize", "20");
	/* nodes a little closer once like bodies are summarised, and in a
	 * focus map, whose rows leave lanes for the lines to the rows
	 * beyond (1,034 pt wide for NHS Central East ICB at 0.25) */
	set(g, "nodesep", m->compact >= UNNEST_STEP || m->focus_map ? "0.15"
								     : "0.25");
	set(g, "ranksep", "0.6");
	set(g, "outputorder", "edgesfirst");
	/* in lines of about 70 characters: a long title (a region's
	 * name, a diff's revisions) widened maps past a screen */
	char *title = wrap_lines(
		govmap_dot_escape(o->title ? o->title : "govmap"), 70, 'l');
	set(g, "label", title ? title : "govmap");
	int nomem = !title; /* of ours; cs.nomem and ids->nomem below */
	free(title);
	agattr(g, AGNODE, "fontname", "Helvetica");
	agattr(g, AGNODE, "fontsize", "10");
	agattr(g, AGNODE, "shape", "box");
	agattr(g, AGNODE, "style", "filled,rounded");
	agattr(g, AGEDGE, "dir", "back"); /* forum above, arrow at forum */

	size_t nadded = 0, nchanged = 0, nremoved = 0;
	/* the plugin-coloured types drawn, for the legend */
	struct {
		const char *type, *colour;
	} styled[MAX_STYLED];
	size_t nstyled = 0;
	/* a box per footprint (not in the national view) */
	govmap__boxes cs = {.root = g, .m = m};
	if (govmap__strmap_init(&cs.byregion, 16) < 0 ||
	    govmap__strmap_init(&cs.drawn, 16) < 0)
		nomem = 1;
	for (size_t i = 0; !nomem && !o->national && !m->focus_map &&
			   !o->nonly &&
			   i < m->nnodes;
	     i++)
		if (is_footprint(m->nodes[i].region) &&
		    govmap__strmap_put(&cs.drawn, m->nodes[i].region,
				       (int32_t)i, NULL) < 0)
			nomem = 1;
	Agnode_t **gn = calloc(m->nnodes ? m->nnodes : 1, sizeof(*gn));
	/* the box of each node and the outermost box around it, or -1 */
	int32_t *cl = malloc((m->nnodes ? m->nnodes : 1) * sizeof(*cl));
	int32_t *tcl = malloc((m->nnodes ? m->nnodes : 1) * sizeof(*tcl));
	if (nomem || !gn || !cl || !tcl) {
		nomem = 1;
		free(gn);
		gn = NULL;
	}
	/* The national overview: a box per NHS England region, Scottish
	 * health board area and nation (national_box), in the order of
	 * their paths, each holding its areas (one node per footprint) in
	 * rows; the boxes in the grid below; no lines (the legend counts
	 * them): it fits one screen. */
	char **nkey = NULL;
	if (gn && o->national) {
		nkey = calloc(m->nnodes ? m->nnodes : 1, sizeof(*nkey));
		char **sorted = calloc(m->nnodes ? m->nnodes : 1,
				       sizeof(*sorted));
		for (size_t i = 0; nkey && sorted && i < m->nnodes; i++)
			if (!(sorted[i] = nkey[i] = national_box(m, i)))
				nomem = 1;
		if (!nkey || !sorted)
			nomem = 1;
		else if (!nomem) {
			qsort(sorted, m->nnodes, sizeof(*sorted), str_cmp);
			for (size_t i = 0; i < m->nnodes; i++)
				box_for(&cs, sorted[i]);
		}
		free(sorted);
		/* osage packs the boxes NATIONAL_COLS a row in this
		 * order, the legend NATIONAL_LEGEND_AT, and a box's own nodes
		 * NATIONAL_WRAP a row: electorates, national bodies, then
		 * the areas in the order of their paths */
		char buf[32];
		set(g, "packmode", "array_u" NATIONAL_COLS);
		set(g, "pack", "12");
		for (size_t c = 0; c < cs.n; c++) {
			snprintf(buf, sizeof buf, "%zu",
				 c < NATIONAL_LEGEND_AT ? c : c + 1);
			set(cs.v[c].g, "sortv", buf);
			set(cs.v[c].g, "packmode", "array_u" NATIONAL_WRAP);
			set(cs.v[c].g, "pack", "8");
		}
	}
	/* voters on the top rank; a footprint's own electorates sit at the
	 * top of its cluster instead, above their councils, so that a
	 * region's map does not draw every electorate in one row */
	Agraph_t *top = agsubg(g, "voters", 1);
	set(top, "rank", "min");
	for (size_t i = 0; gn && i < m->nnodes; i++) {
		const govmap__dnode *d = &m->nodes[i];
		Agraph_t *parent = d->electorate && !o->national ? top : g;
		cl[i] = -1;
		if (nkey && nkey[i]) {
			int32_t c = box_for(&cs, nkey[i]);
			if (c >= 0)
				parent = cs.v[c].g;
			cl[i] = c;
		} else if (d->kind == GOVMAP__DN_FOOTPRINT && !o->national &&
			   o->region && below(d->region, o->region)) {
			/* an area folded into one box (folds_areas) sits in
			 * the box of the footprint one segment below the
			 * map's region that holds it (England's map: an
			 * ICB area in its NHS England region's box), when
			 * bodies of that footprint are drawn */
			size_t len = strlen(o->region) + 1;
			len += strcspn(d->region + len, "/");
			char *pre = d->region[len] ? govmap__asprintf(
				"%.*s", (int)len, d->region) : NULL;
			int32_t k = pre ? govmap__strmap_get(&cs.drawn, pre)
					: -1;
			free(pre);
			/* that footprint's own box (an NHS England region's
			 * bodies) joins its areas */
			int holds = 0;
			for (size_t j = 0; !d->region[len] && k < 0 &&
					   !holds && j < m->nnodes;
			     j++)
				holds = below(m->nodes[j].region, d->region);
			if (holds)
				k = (int32_t)i;
			if (k >= 0) {
				int32_t c = box_for(&cs, m->nodes[k].region);
				if (c >= 0)
					parent = cs.v[c].g;
				cl[i] = c;
			}
		} else if (!o->national && !m->focus_map && !o->nonly &&
			   is_footprint(d->region)) {
			int32_t c = box_for(&cs, d->region);
			if (c >= 0)
				parent = cs.v[c].g;
			cl[i] = c;
		}
		char name[32];
		snprintf(name, sizeof name, "n%zu", i);
		Agnode_t *nd = agnode(parent, name, 1);
		gn[i] = nd;
		if (o->national) {
			snprintf(name, sizeof name, "%zu",
				 (d->electorate ? 0
				  : d->kind == GOVMAP__DN_ENTITY ? 1 : 2) *
					 m->nnodes + i);
			set(nd, "sortv", name);
		}
		set(nd, "label", d->label ? d->label : "?");
		set(nd, "tooltip", d->tooltip ? d->tooltip : "");
		if (d->electorate) {
			set(nd, "fillcolor", ELECTORATE_FILL);
			set(nd, "fontcolor", "#ffffff");
			set(nd, "shape", "house");
			set(nd, "style", "filled");
		} else {
			int b = band(d->kind == GOVMAP__DN_FOOTPRINT ? d->maxD
								    : d->D);
			set(nd, "fillcolor", deficit_fill[b]);
			set(nd, "fontcolor", deficit_font[b]);
			/* money not recorded: cut corners, explained in the
			 * legend (never a box sized as £0) */
			if (!d->money_known && !d->context) {
				set(nd, "style", d->kind == GOVMAP__DN_ENTITY
							 ? "filled,rounded,diagonals"
							 : "filled,diagonals");
				set(nd, "margin", CUT_MARGIN);
			}
		}
		if (d->kind == GOVMAP__DN_FOOTPRINT) {
			/* an area of the national overview: a plain box,
			 * cut corners when no money is recorded */
			set(nd, "shape", "box");
			set(nd, "style", d->money_known ? "filled"
							: "filled,diagonals");
			if (!d->money_known)
				set(nd, "margin", CUT_MARGIN);
		} else if (d->kind != GOVMAP__DN_ENTITY) {
			set(nd, "shape", "box3d");
			set(nd, "style", "filled");
		}
		/* a plugin's colour for the type: the border (the fill is the
		 * deficit); context, focus and change marks draw over it */
		/* an area of the national overview takes its area body's
		 * (an ICB's, a health board's), not its biggest spender's:
		 * a box named for an ICB in a Healthwatch's border misled */
		const char *ty = d->type;
		if (d->kind == GOVMAP__DN_FOOTPRINT)
			ty = d->area >= 0 ? govmap_registry_at(
						    reg, (size_t)d->area)->type
					  : NULL;
		const char *tc = o->type_colour && ty && !d->electorate
					 ? o->type_colour(ty,
							  o->colour_payload)
					 : NULL;
		if (tc && govmap__is_rgb(tc)) {
			set(nd, "color", tc);
			set(nd, "penwidth", "2.5");
			size_t k = 0;
			while (k < nstyled && strcmp(styled[k].type, ty))
				k++;
			if (k == nstyled && nstyled < MAX_STYLED) {
				styled[nstyled].type = ty;
				styled[nstyled++].colour = tc;
			}
		}
		if (d->context)
			set(nd, "color", "#888888");
		if ((int32_t)d->entity == m->focus &&
		    d->kind == GOVMAP__DN_ENTITY)
			set(nd, "penwidth", "3");
		if (d->money > 0 && d->kind != GOVMAP__DN_FOOTPRINT) {
			/* width grows with the log of money: £1m 1.6in,
			 * £100bn 3.1in */
			double w = 1.6 + 0.3 * log10((double)d->money / 1e6);
			char buf[16];
			snprintf(buf, sizeof buf, "%.2f", w < 1.6 ? 1.6 : w);
			set(nd, "width", buf);
		}
		if (o->marks && d->kind == GOVMAP__DN_ENTITY) {
			const govmap_entity *e =
				govmap_registry_at(reg, (size_t)d->entity);
			const govmap_map_mark *mk = find_mark(o, e->id);
			if (mk) {
				set(nd, "color", mk->kind == GOVMAP_MARK_ADDED
							 ? ADDED_COLOR
							 : CHANGED_COLOR);
				set(nd, "penwidth", "4");
				char *lab = govmap__asprintf(
					"%s\\n%s", mk->kind == GOVMAP_MARK_ADDED
							    ? "[added]"
							    : "[changed]",
					d->label ? d->label : "");
				if (lab)
					set(nd, "label", lab);
				else
					nomem = 1;
				free(lab);
				if (mk->what) {
					char *raw = govmap__asprintf(
						"%s: %s", mk->kind ==
						GOVMAP_MARK_ADDED ? "added"
						: "changed", mk->what);
					char *tip = raw ? tooltip_escape(raw)
							: NULL;
					if (tip)
						set(nd, "tooltip", tip);
					else
						nomem = 1;
					free(raw);
					free(tip);
				}
				if (mk->kind == GOVMAP_MARK_ADDED)
					nadded++;
				else
					nchanged++;
			}
		}
		if (o->link_base && d->kind == GOVMAP__DN_ENTITY) {
			/* ids are validated kebab-case: safe in a URL */
			const govmap_entity *e =
				govmap_registry_at(reg, (size_t)d->entity);
			char *url = govmap__asprintf("%s%s.html", o->link_base,
						     e->id);
			if (url)
				set(nd, "URL", url);
			else
				nomem = 1;
			free(url);
		}
	}
	/* the grid below stacks the outermost boxes; a box inside another
	 * moves with it */
	size_t ntop = 0;
	size_t *tops = calloc(cs.n ? cs.n : 1, sizeof(*tops));
	int32_t *pos = malloc((cs.n ? cs.n : 1) * sizeof(*pos));
	if (!tops || !pos)
		nomem = 1;
	for (size_t c = 0; tops && pos && c < cs.n; c++) {
		pos[c] = cs.v[c].up < 0 ? (int32_t)ntop : -1;
		if (cs.v[c].up < 0)
			tops[ntop++] = c;
	}
	for (size_t i = 0; gn && i < m->nnodes; i++)
		tcl[i] = box_top(&cs, cl[i]);
	/* With the boxes in a grid, the lines of one kind from the bodies
	 * of one box to one forum outside it (33 local Healthwatch to
	 * Healthwatch England) are drawn as one line from the box, "x N":
	 * dot gives every line that crosses ranks a column of its own, and
	 * hundreds of them made a region's map thousands of points wider.
	 * bundle[k]: the line drawn for line k (k itself, or the first of
	 * its bundle, which draws it); nb[k]: how many it draws. */
	size_t *bundle = malloc((m->nedges ? m->nedges : 1) * sizeof(*bundle));
	size_t *nb = calloc(m->nedges ? m->nedges : 1, sizeof(*nb));
	const char **ecol = malloc((m->nedges ? m->nedges : 1) * sizeof(*ecol));
	const char **esty = malloc((m->nedges ? m->nedges : 1) * sizeof(*esty));
	if (!bundle || !nb || !ecol || !esty) {
		free(gn);
		gn = NULL;
		nomem = 1; /* no lines, no legend: never drawn half */
	}
	for (size_t k = 0; gn && k < m->nedges; k++) {
		edge_look(reg, &edges[m->edges[k].edge], &ecol[k], &esty[k]);
		const govmap__dedge *de = &m->edges[k];
		bundle[k] = k;
		int32_t box = tcl[de->from];
		if (ntop >= GRID_MIN && box >= 0 && tcl[de->to] != box)
			for (size_t q = 0; q < k; q++) {
				const govmap__dedge *dq = &m->edges[q];
				if (bundle[q] == q && dq->to == de->to &&
				    tcl[dq->from] == box &&
				    strcmp(ecol[q], ecol[k]) == 0 &&
				    strcmp(esty[q], esty[k]) == 0) {
					bundle[k] = q;
					break;
				}
			}
		nb[bundle[k]]++;
	}
	if (gn && ntop >= GRID_MIN)
		set(g, "compound", "true");
	/* the national overview draws no lines: between a hundred areas
	 * and the national bodies they crossed the whole map (6,900 by
	 * 4,100 pt); the legend counts them */
	size_t nat_links = 0;
	for (size_t k = 0; o->national && k < m->nedges; k++)
		nat_links += m->edges[k].count;
	for (size_t k = 0; gn && !o->national && k < m->nedges; k++) {
		if (bundle[k] != k)
			continue;
		const govmap__dedge *de = &m->edges[k];
		const govmap_edge *e = &edges[de->edge];
		/* tail = forum (drawn above), head = actor; dir=back puts the
		 * arrow at the forum: the actor gives account upwards */
		Agedge_t *ed = agedge(g, gn[de->to], gn[de->from], NULL, 1);
		char buf[64];
		set(ed, "color", ecol[k]);
		set(ed, "style", esty[k]);
		/* with the clusters in a grid (below), an edge that leaves its
		 * cluster must not rank: a council in one footprint scrutinising
		 * an ICB filed in another would otherwise pull the grid into a
		 * cycle that dot breaks at random */
		if (ntop >= GRID_MIN && tcl[de->from] != tcl[de->to]) {
			set(ed, "constraint", "false");
			/* nor pull the boxes sideways out of their grid */
			set(ed, "weight", "0");
		}
		snprintf(buf, sizeof buf, "%.2f", 0.5 + 3.0 * e->strength);
		set(ed, "penwidth", buf);
		char desc[300];
		govmap_edge_describe(an, e, desc, sizeof desc);
		char *tip;
		if (nb[k] > 1) {
			/* the bundle's line starts at the box's edge */
			set(ed, "lhead", agnameof(cs.v[tcl[de->from]].g));
			/* the area in words, not its path */
			char area[256];
			govmap_region_title(area, sizeof area,
					    m->nodes[de->from].region
						    ? m->nodes[de->from].region
						    : "");
			tip = govmap__asprintf(
				"%zu lines of this kind from bodies in %s; "
				"the first: %s; strength %.3f",
				nb[k], area, desc, e->strength);
		} else {
			tip = govmap__asprintf("%s; strength %.3f%s", desc,
					       e->strength,
					       de->count > 1 ? " (strongest of "
							       "several)"
							     : "");
		}
		char *esc = tip ? tooltip_escape(tip) : NULL;
		set(ed, "tooltip", esc ? esc : "");
		if (!esc)
			nomem = 1;
		free(tip);
		free(esc);
		size_t lines = nb[k] > 1 ? nb[k] : de->count;
		if (lines > 1) {
			snprintf(buf, sizeof buf, "x%zu", lines);
			set(ed, "label", buf);
			/* the brief's map prints at 80%: 8 pt */
			set(ed, "fontsize", o->nonly ? "10" : "9");
		}
	}
	free(bundle);
	free(nb);
	free(ecol);
	free(esty);
	/* A level of the map wider than WRAP nodes is folded into rows:
	 * invisible edges from each node to the one WRAP places on push the
	 * rest down, so 42 footprints read as a block, not a 13,000-pixel
	 * line.  Levels are the chain lengths to voters. */
	/* a focus map folds its rows in focus_rows() to stay within a
	 * laptop screen */
	unsigned step = m->compact < GOVMAP__COMPACT_STEPS
				? m->compact : GOVMAP__COMPACT_STEPS - 1;
	/* the brief's map of a few bodies (o->only) prints on A4 at 90%:
	 * three boxes a row */
	size_t wrapn = m->focus_map ? FOCUS_WRAP
		       : o->nonly   ? ONLY_WRAP
				    : wrap_at[step];
	if (gn && m->focus_map && focus_rows(g, gn, m, an) < 0)
		nomem = 1;
	/* the national overview is packed by osage (render.c): no rows
	 * and no grid of ours */
	if (gn && !m->focus_map && !o->national && m->nnodes > wrapn) {
		uint32_t *level = malloc(m->nnodes * sizeof(*level));
		size_t *count = calloc(m->nnodes + 1, sizeof(*count));
		if (!level || !count)
			nomem = 1;
		for (size_t i = 0; level && count && i < m->nnodes; i++) {
			const govmap__dnode *d = &m->nodes[i];
			uint32_t h = govmap_analysis_score(an, (size_t)d->entity)->hops;
			level[i] = h < m->nnodes ? h : (uint32_t)m->nnodes;
			/* voters on the top rank stay in one row; a
			 * footprint's own fold like its bodies */
			if (d->electorate && cl[i] < 0)
				continue;
			/* the node WRAP before this one on the same level
			 * and in the same cluster (clusters are stacked
			 * below: their rows are their own) */
			size_t c = cl[i] < 0 ? count[level[i]]++ : wrapn;
			if (c >= wrapn) {
				size_t seen = 0;
				for (size_t k = i; k-- > 0;) {
					if (m->nodes[k].electorate !=
						    d->electorate ||
					    level[k] != level[i] ||
					    cl[k] != cl[i])
						continue;
					if (++seen == wrapn) {
						Agedge_t *inv = agedge(g, gn[k], gn[i],
								       NULL, 1);
						set(inv, "style", "invis");
						set(inv, "dir", "none");
						set(inv, "tooltip", "");
						break;
					}
				}
			}
		}
		free(level);
		free(count);
	}
	/* Three or more footprints side by side make a map many times wider
	 * than it is high (all of London: 14,600 px by 1,600).  Stack them
	 * in a grid instead: an invisible anchor above and below each
	 * cluster's nodes, and an invisible edge from the bottom anchor of
	 * each cluster to the top anchor of the one a row below it.  The
	 * clusters are roughly twice as wide as high, so about sqrt(n / 2)
	 * columns give a map of roughly even sides. */
	if (gn && tops && pos && ntop >= GRID_MIN && !o->national) {
		/* each step more compact halves the columns */
		size_t cols = (size_t)ceil(sqrt((double)ntop / 2.0)) >>
			      grid_shift[step];
		if (cols < 1)
			cols = 1;
		Agnode_t **anchor = calloc(2 * ntop, sizeof(*anchor));
		if (!anchor)
			nomem = 1;
		for (size_t t = 0; anchor && t < ntop; t++)
			for (int b = 0; b < 2; b++) {
				char name[48];
				snprintf(name, sizeof name, "anchor%s%zu",
					 b ? "z" : "a", t);
				Agnode_t *an_ = agnode(cs.v[tops[t]].g, name, 1);
				set(an_, "style", "invis");
				set(an_, "shape", "point");
				set(an_, "width", "0.01");
				set(an_, "label", "");
				set(an_, "tooltip", "");
				anchor[2 * t + (size_t)b] = an_;
			}
		/* Only a box's top nodes (no forum of theirs in the box)
		 * hang from its top anchor, and only its bottom ones (nobody
		 * in the box answers to them) hold up its bottom anchor: the
		 * rest lie between through the drawn edges.  An edge to every
		 * node made dot's layout of all of England take 8.8 s instead
		 * of 0.6 s (31,000 virtual nodes). */
		unsigned char *role = calloc(m->nnodes, 1); /* 1 forum above,
							   2 actor below */
		if (!role)
			nomem = 1;
		for (size_t k = 0; role && k < m->nedges; k++) {
			const govmap__dedge *de = &m->edges[k];
			if (tcl[de->from] < 0 || tcl[de->from] != tcl[de->to])
				continue;
			role[de->from] |= 1;
			role[de->to] |= 2;
		}
		for (size_t i = 0; anchor && role && i < m->nnodes; i++) {
			if (tcl[i] < 0)
				continue;
			size_t t = (size_t)pos[tcl[i]];
			Agedge_t *e2[2] = {NULL, NULL};
			if (!(role[i] & 1))
				e2[0] = agedge(g, anchor[2 * t], gn[i], NULL, 1);
			if (!(role[i] & 2))
				e2[1] = agedge(g, gn[i], anchor[2 * t + 1], NULL,
					       1);
			for (int b = 0; b < 2; b++) {
				if (!e2[b])
					continue;
				set(e2[b], "style", "invis");
				set(e2[b], "dir", "none");
				set(e2[b], "weight", "0");
				set(e2[b], "tooltip", "");
			}
		}
		free(role);
		/* a box's two anchors one above the other, so that the
		 * boxes of a column line up instead of each hanging from
		 * wherever the one above ends (a staircase drifting right);
		 * not in maps too big to compact (mapimpl.h): it tripled
		 * the layout time of all of England */
		int spines = m->nnodes <= GOVMAP__COMPACT_MAX_NODES;
		for (size_t t = 0; anchor && spines && t < ntop; t++) {
			Agedge_t *spine = agedge(g, anchor[2 * t],
						 anchor[2 * t + 1], NULL, 1);
			set(spine, "style", "invis");
			set(spine, "dir", "none");
			set(spine, "tooltip", "");
			set(spine, "weight", "100");
		}
		for (size_t t = cols; anchor && t < ntop; t++) {
			Agedge_t *row = agedge(g, anchor[2 * (t - cols) + 1],
					       anchor[2 * t], NULL, 1);
			set(row, "style", "invis");
			set(row, "dir", "none");
			set(row, "tooltip", "");
			/* a box straight below the one above it, not a
			 * staircase drifting right */
			set(row, "weight", "100");
		}
		free(anchor);
	}
	/* ghosts: missing forums and vacant seats (not in national view) */
	size_t ghosts = 0;
	for (size_t i = 0; gn && !o->national && i < m->nnodes &&
			   ghosts < 200;
	     i++) {
		const govmap__dnode *d = &m->nodes[i];
		if (d->kind != GOVMAP__DN_ENTITY || d->electorate || d->context ||
		    (m->focus_map && d->entity != m->focus))
			continue;
		const govmap_entity *e = govmap_registry_at(reg, (size_t)d->entity);
		const govmap_score *s = govmap_analysis_score(an, (size_t)d->entity);
		if (s->A <= 0) {
			add_ghost(g, gn[i], ghosts, "no route to voters",
				  "no chain of accountability reaches any "
				  "electorate");
			ghosts++;
		}
		for (size_t k = 0; k < e->nseats && ghosts < 200; k++) {
			const govmap_seat *st = &e->seats[k];
			if (!st->vacant ||
			    !govmap_period_contains(st->valid,
						    govmap_analysis_date(an)))
				continue;
			char *role = govmap_dot_escape(st->role ? st->role : "");
			char *lab = govmap__asprintf("%u vacant seat%s\\n%s",
						     st->vacant,
						     st->vacant == 1 ? "" : "s",
						     role ? role : "");
			if (!role || !lab)
				nomem = 1;
			add_ghost(g, gn[i], ghosts, lab ? lab : "vacant seat",
				  "a seat the board's rules provide for is "
				  "vacant");
			free(lab);
			free(role);
			ghosts++;
		}
	}
	/* removed entities: dashed boxes of their own, in the old colours
	 * of nothing (they are gone) */
	for (size_t k = 0; gn && o->marks && k < o->nmarks; k++) {
		const govmap_map_mark *mk = &o->marks[k];
		if (mk->kind != GOVMAP_MARK_REMOVED)
			continue;
		char name[48];
		snprintf(name, sizeof name, "removed%zu", nremoved++);
		Agnode_t *rn = agnode(g, name, 1);
		char *nm = wrap(govmap_dot_escape(mk->name ? mk->name : mk->id),
				24);
		char *lab = govmap__asprintf("[removed]\\n%s", nm ? nm : "");
		if (!nm || !lab)
			nomem = 1;
		set(rn, "label", lab ? lab : "[removed]");
		free(lab);
		free(nm);
		char *raw = govmap__asprintf("removed: %s", mk->name ? mk->name
								     : mk->id);
		char *tip = raw ? tooltip_escape(raw) : NULL;
		if (!tip)
			nomem = 1;
		set(rn, "tooltip", tip ? tip : "removed");
		free(raw);
		free(tip);
		set(rn, "style", "dashed,rounded");
		set(rn, "color", REMOVED_COLOR);
		set(rn, "fontcolor", "#333333");
		set(rn, "penwidth", "3");
	}
	/* legend (our own text only) */
	char html[8192]; /* ~3,000 bytes, plus 16 styled types at ~110 */
	size_t off = 0;
	/* The header row's third, empty column (LEGEND_SLACK pt) is room
	 * at the right of every row: Graphviz measures text with hinted
	 * font metrics, and a browser showing the SVG draws it some 4%
	 * wider, so the longest row ("border: integrated care partnership
	 * (region plugin)") ran past the legend's border by 2 to 4 pt. */
	off += (size_t)snprintf(
		html + off, sizeof html - off,
		"<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"2\" "
		"CELLPADDING=\"3\" BGCOLOR=\"#ffffff\">"
		"<TR><TD COLSPAN=\"2\"><B>Legend</B></TD>"
		"<TD WIDTH=\"" LEGEND_SLACK "\"></TD></TR>"
		"<TR><TD BGCOLOR=\"%s\"> </TD><TD ALIGN=\"LEFT\">"
		"<FONT>electorate (voters)</FONT></TD></TR>",
		ELECTORATE_FILL);
	for (int b = 0; b < 5; b++)
		off += (size_t)snprintf(html + off, sizeof html - off,
					"<TR><TD BGCOLOR=\"%s\"> </TD><TD "
					"ALIGN=\"LEFT\">%s</TD></TR>",
					deficit_fill[b], deficit_band[b]);
	for (size_t i = 0; i < sizeof edge_styles / sizeof *edge_styles; i++)
		if (edge_styles[i].legend && !o->national &&
		    colour_drawn(m, an, edge_styles[i].color))
			off += (size_t)snprintf(
				html + off, sizeof html - off,
				"<TR>" LINE_SAMPLE "<TD ALIGN=\"LEFT\">%s</TD>"
				"</TR>",
				edge_styles[i].color, edge_styles[i].legend);
	/* the grey lines: link types edge_styles does not colour
	 * (commissioned by, member of, part of), contracts, and a board's
	 * line to its body (or a joint board's to its members) */
	if (!o->national && (colour_drawn(m, an, OTHER_EDGE_COLOR) ||
			     colour_drawn(m, an, BOARD_EDGE_COLOR)))
		off += (size_t)snprintf(
			html + off, sizeof html - off,
			"<TR>" LINE_SAMPLE "<TD ALIGN=\"LEFT\" "
			"BALIGN=\"LEFT\">commissioned by, member or part "
			"of;<BR/>a board to the body it is of</TD></TR>",
			OTHER_EDGE_COLOR);
	if (!o->national)
		off += (size_t)snprintf(
			html + off, sizeof html - off,
			"<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\" "
			"BALIGN=\"LEFT\">line: solid statute, "
			"dashed contract/guidance<BR/>or seats, dotted "
			"none; width = strength</TD></TR>");
	off += (size_t)snprintf(
		html + off, sizeof html - off,
		"<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">A = accountability, D = "
		"deficit = 1 - A;<BR/>%s"
		"</TD></TR>"
		"<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">A in words: strong 0.7+, "
		"moderate 0.4+,<BR/>weak 0.2+, very weak, none; "
		"\"a to b\": worst<BR/>to best case where powers "
		"or seat fills<BR/>are not recorded</TD></TR>"
		"<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">cut corners: money not "
		"recorded for this<BR/>year (unknown, not zero)"
		"</TD></TR>",
		o->national ? "an area: its ICB, board or trust, filled<BR/>by its weakest chain (largest D)"
			    : "box width = public money");
	/* what is not drawn, only when there is some: never "0 missing
	 * forums" */
	if (ghosts)
		off += (size_t)snprintf(
			html + off, sizeof html - off,
			"<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">dashed "
			"boxes: %zu missing forums and vacant seats</TD></TR>",
			ghosts);
	if (m->hidden_edges)
		off += (size_t)snprintf(
			html + off, sizeof html - off,
			"<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">%zu "
			"links %s not drawn</TD></TR>",
			m->hidden_edges,
			m->focus_map ? "not of this body or its chain to voters"
				     : "to bodies outside this map");
	int summaries = 0, areas = 0;
	for (size_t i = 0; i < m->nnodes; i++) {
		summaries |= m->nodes[i].kind == GOVMAP__DN_SUMMARY;
		areas |= m->nodes[i].kind == GOVMAP__DN_FOOTPRINT;
	}
	/* a nation's or NHS England region's map draws each area below it
	 * as one box (folds_areas) */
	if (areas && !o->national)
		off += (size_t)snprintf(
			html + off, sizeof html - off,
			"<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">plain "
			"box: a whole area (its ICB,<BR/>board or trust), "
			"filled by its weakest<BR/>chain; its own map "
			"draws its bodies</TD></TR>");
	if (summaries)
		off += (size_t)snprintf(
			html + off, sizeof html - off,
			"<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">3-d box \"N x "
			"type\": N like bodies<BR/>of one area "
			"(D: their mean)</TD></TR>");
	if (o->national && (nat_links || m->appointments_hidden))
		off += (size_t)snprintf(
			html + off, sizeof html - off,
			"<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">%zu links "
			"between these areas and bodies<BR/>not drawn: "
			"the map of each region<BR/>draws them</TD></TR>",
			nat_links + m->appointments_hidden);
	else if (m->appointments_hidden)
		off += (size_t)snprintf(
			html + off, sizeof html - off,
			"<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">%zu appointment "
			"and nomination lines<BR/>not drawn "
			"(--appointments draws them)</TD></TR>",
			m->appointments_hidden);
	if (m->focus_map && (m->omitted_up || m->omitted_down))
		off += (size_t)snprintf(
			html + off, sizeof html - off,
			"<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">left out (weakest "
			"links): %zu forum%s it answers to, %zu bod%s "
			"answering to it</TD></TR>",
			m->omitted_up, m->omitted_up == 1 ? "" : "s",
			m->omitted_down, m->omitted_down == 1 ? "y" : "ies");
	/* types are kebab-case ids, their words letters, digits, spaces and
	 * hyphens, and colours #rrggbb: safe in HTML */
	for (size_t k = 0; k < nstyled; k++) {
		char tw[128];
		off += (size_t)snprintf(
			html + off, sizeof html - off,
			"<TR><TD BORDER=\"3\" COLOR=\"%s\"> </TD><TD "
			"ALIGN=\"LEFT\">border: %s (region plugin)</TD></TR>",
			styled[k].colour,
			govmap_type_words(tw, sizeof tw, styled[k].type));
	}
	if (o->marks)
		off += (size_t)snprintf(
			html + off, sizeof html - off,
			"<TR><TD><FONT COLOR=\"%s\"><B>[ ]</B></FONT></TD><TD "
			"ALIGN=\"LEFT\">%zu added</TD></TR>"
			"<TR><TD><FONT COLOR=\"%s\"><B>[ ]</B></FONT></TD><TD "
			"ALIGN=\"LEFT\">%zu changed</TD></TR>"
			"<TR><TD><FONT COLOR=\"%s\"><B>[ ]</B></FONT></TD><TD "
			"ALIGN=\"LEFT\">%zu removed (dashed)</TD></TR>",
			ADDED_COLOR, nadded, CHANGED_COLOR, nchanged,
			REMOVED_COLOR, nremoved);
	off += (size_t)snprintf(html + off, sizeof html - off, "</TABLE>");
	if (gn && !o->no_legend) {
		/* a focus map puts the legend at the bottom, beside the map
		 * it would widen it past a laptop screen; other maps put it
		 * on the voters' row, beside the few national electorates,
		 * and at the bottom too when folded as tightly as they go */
		Agraph_t *lg = top;
		if (m->focus_map || o->national ||
		    m->compact + 1 >= GOVMAP__COMPACT_STEPS) {
			lg = agsubg(g, "legendrank", 1);
			set(lg, "rank", "sink");
		}
		Agnode_t *leg = agnode(lg, "legend", 1);
		if (o->national) {
			char buf[32];
			snprintf(buf, sizeof buf, "%d", NATIONAL_LEGEND_AT);
			set(leg, "sortv", buf);
		}
		set(leg, "shape", "plaintext");
		set(leg, "style", "");
		set_html(g, leg, "label", html);
		set(leg, "tooltip", "legend");
	}
	free(gn);
	free(cl);
	free(tcl);
	free(tops);
	free(pos);
	free(cs.v);
	govmap__strmap_free(&cs.byregion);
	govmap__strmap_free(&cs.drawn);
	for (size_t i = 0; nkey && i < m->nnodes; i++)
		free(nkey[i]);
	free(nkey);
	if (nomem || cs.nomem || ids->nomem) {
		/* a part of the map is missing: never drawn half (agclose
		 * frees the id state too) */
		agclose(g);
		return NULL;
	}
	if (nghosts)
		*nghosts = ghosts;
	return g;
}

size_t govmap__map_clusters(const govmap__map *m)
{
	govmap__strmap seen;
	size_t n = 0;
	if (govmap__strmap_init(&seen, 64) < 0)
		return 0;
	for (size_t i = 0; i < m->nnodes; i++)
		if (!m->nodes[i].electorate && is_footprint(m->nodes[i].region) &&
		    govmap__strmap_put(&seen, m->nodes[i].region, 0, NULL) == 0)
			n++;
	govmap__strmap_free(&seen);
	return n;
}

/* ---- JSON ---- */

static void json_str(FILE *f, const char *s)
{
	govmap_json_write(f, s);
}

int govmap__map_json(char **out, size_t *len, const govmap__map *m,
		     const govmap_analysis *an, const govmap_map_opts *o)
{
	const govmap_registry *reg = govmap_analysis_registry(an);
	size_t ne;
	const govmap_edge *edges = govmap_analysis_edges(an, &ne);
	FILE *f = open_memstream(out, len);
	char d[11];
	if (!f)
		return GOVMAP_ENOMEM;
	govmap_date_format(d, govmap_analysis_date(an));
	fprintf(f, "{\"title\":");
	json_str(f, o->title ? o->title : "govmap");
	fprintf(f, ",\"date\":\"%s\",\"nodes\":[", d);
	for (size_t i = 0; i < m->nnodes; i++) {
		const govmap__dnode *n = &m->nodes[i];
		const govmap_entity *e = govmap_registry_at(reg, (size_t)n->entity);
		const govmap_score *s = govmap_analysis_score(an, (size_t)n->entity);
		fprintf(f, "%s{\"node\":\"n%zu\",\"kind\":\"%s\",\"id\":", i ? "," : "",
			i,
			n->kind == GOVMAP__DN_ENTITY    ? "entity"
			: n->kind == GOVMAP__DN_SUMMARY ? "summary"
							: "footprint");
		json_str(f, e->id);
		fprintf(f, ",\"name\":");
		json_str(f, e->name ? e->name : e->id);
		fprintf(f, ",\"type\":");
		json_str(f, n->type ? n->type : "");
		fprintf(f, ",\"region\":");
		json_str(f, n->region ? n->region : "");
		/* unknown money is null, never 0 */
		if (n->kind == GOVMAP__DN_ENTITY && s->money >= 0)
			fprintf(f,
				",\"accountability\":%.6f,"
				"\"accountability_high\":%.6f,\"strength\":\"%s\","
				"\"deficit\":%.6f,"
				"\"hops\":%u,\"money\":%lld,\"exposure\":%.0f",
				s->A, s->A_high, govmap_strength_word(s->A),
				s->D, s->hops, (long long)s->money,
				s->exposure);
		else if (n->kind == GOVMAP__DN_ENTITY)
			fprintf(f,
				",\"accountability\":%.6f,"
				"\"accountability_high\":%.6f,\"strength\":\"%s\","
				"\"deficit\":%.6f,"
				"\"hops\":%u,\"money\":null,\"exposure\":null",
				s->A, s->A_high, govmap_strength_word(s->A),
				s->D, s->hops);
		else if (n->money_known)
			fprintf(f, ",\"count\":%zu,\"deficit\":%.6f,\"money\":%lld,"
				"\"money_known\":%zu",
				n->count, n->D, (long long)n->money,
				n->money_known);
		else
			fprintf(f, ",\"count\":%zu,\"deficit\":%.6f,\"money\":null,"
				"\"money_known\":0",
				n->count, n->D);
		if (n->kind == GOVMAP__DN_FOOTPRINT) {
			/* as the box: filled by its weakest chain, named by
			 * its ICB, board or trust (id and name above are its
			 * largest body's) */
			fprintf(f, ",\"weakest_deficit\":%.6f,\"area\":", n->maxD);
			if (n->area >= 0)
				json_str(f, govmap_registry_at(reg, (size_t)n->area)->id);
			else
				fputs("null", f);
		}
		fprintf(f, ",\"context\":%s}", n->context ? "true" : "false");
	}
	fprintf(f, "],\"edges\":[");
	for (size_t k = 0; k < m->nedges; k++) {
		const govmap__dedge *de = &m->edges[k];
		const govmap_edge *e = &edges[de->edge];
		char desc[300];
		govmap_edge_describe(an, e, desc, sizeof desc);
		fprintf(f, "%s{\"from\":\"n%d\",\"to\":\"n%d\",\"strength\":%.6f,"
			   "\"count\":%zu,\"what\":",
			k ? "," : "", de->from, de->to, e->strength, de->count);
		json_str(f, desc);
		fputc('}', f);
	}
	fprintf(f, "],\"hidden_edges\":%zu", m->hidden_edges);
	if (m->appointments_hidden)
		fprintf(f, ",\"appointments_hidden\":%zu",
			m->appointments_hidden);
	if (m->focus_map)
		fprintf(f, ",\"left_out\":{\"forums\":%zu,\"answering\":%zu}",
			m->omitted_up, m->omitted_down);
	fprintf(f, "}\n");
	if (fclose(f) != 0)
		return GOVMAP_ENOMEM;
	return GOVMAP_OK;
}
