/*
 * site_svg.c - a map rendered by graphs/ (Graphviz SVG) made safe and
 * accessible to inline in a page.
 *
 * Graphviz escapes the registry text it is given, but the site does not
 * rely on it alone: the SVG is re-read tag by tag and every element and
 * attribute must be on an allow list, every link relative (no scheme, no
 * "//"), every attribute value free of markup; anything else and the map
 * is refused (the page then says so and keeps its text alternative).
 * <title> elements (our own node names) are dropped, the width and
 * height are kept for "actual size" and CSS fits the map to the page.
 * Must not print or touch files.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>

#include "site.h"

static const char *const elements[] = {
	"svg", "g", "a", "text", "tspan", "polygon", "polyline", "path",
	"ellipse", "circle", "rect", "line", "defs", "linearGradient",
	"radialGradient", "stop", "title", NULL};

static const char *const attributes[] = {
	"id", "class", "transform", "viewBox", "width", "height", "xmlns",
	"xmlns:xlink", "fill", "fill-opacity", "stroke", "stroke-width",
	"stroke-dasharray", "stroke-opacity", "stroke-linecap",
	"stroke-linejoin", "points", "d", "x", "y", "x1", "y1", "x2", "y2",
	"cx", "cy", "r", "rx", "ry", "text-anchor", "font-family",
	"font-size", "font-weight", "font-style", "text-decoration",
	"baseline-shift", "offset", "stop-color", "stop-opacity",
	"gradientUnits", "xlink:href", "xlink:title", "target",
	"preserveAspectRatio", NULL};

static int listed(const char *const *list, const char *s, size_t n)
{
	for (; *list; list++)
		if (strlen(*list) == n && strncmp(*list, s, n) == 0)
			return 1;
	return 0;
}

/* A relative link to a page of the site: [A-Za-z0-9._/-] and '#', no
 * scheme, not starting with '/'. */
static int href_ok(const char *v, size_t n)
{
	if (n == 0 || v[0] == '/')
		return 0;
	for (size_t i = 0; i < n; i++) {
		char ch = v[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		      (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' ||
		      ch == '/' || ch == '-' || ch == '#'))
			return 0;
	}
	return 1;
}

static int is_space(char ch)
{
	return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
}

static int is_name(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       (ch >= '0' && ch <= '9') || ch == '-' || ch == ':' || ch == '_';
}

static const site_node_link *link_for(const site_node_link *links,
				      size_t nlinks, const char *node)
{
	for (size_t i = 0; i < nlinks; i++)
		if (strcmp(links[i].node, node) == 0)
			return &links[i];
	return NULL;
}

/* "#rrggbb" copied lower case into dst[8]; 0 if v is not one */
static int colour(char dst[8], const char *v, size_t n)
{
	if (n != 7 || v[0] != '#')
		return 0;
	for (size_t i = 1; i < 7; i++) {
		char ch = v[i];
		if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') ||
		      (ch >= 'A' && ch <= 'F')))
			return 0;
		dst[i] = (char)(ch >= 'A' && ch <= 'F' ? ch - 'A' + 'a' : ch);
	}
	dst[0] = '#';
	dst[7] = '\0';
	return 1;
}

/* Graphviz draws "dashed" as 5,2 and "dotted" as 1,5. */
static int dash_kind(const char *v, size_t n)
{
	if (n == 0)
		return 0;
	return v[0] == '1' && (n < 2 || v[1] == ',') ? 2 : 1;
}

static void legend_line(site_legend *l, const char *stroke, int dashed)
{
	for (size_t i = 0; i < l->nlines; i++)
		if (strcmp(l->line[i].stroke, stroke) == 0 &&
		    l->line[i].dashed == dashed)
			return;
	if (l->nlines < SITE_LEGEND_MAX) {
		memcpy(l->line[l->nlines].stroke, stroke, 8);
		l->line[l->nlines++].dashed = dashed;
	}
}

/* A box's border colour, unless black (the default), grey (context,
 * graphs/map.c) or white */
static void legend_border(site_legend *l, const char *stroke)
{
	if (strcmp(stroke, "#000000") == 0 || strcmp(stroke, "#888888") == 0 ||
	    strcmp(stroke, "#ffffff") == 0)
		return;
	for (size_t i = 0; i < l->nborders; i++)
		if (strcmp(l->border[i], stroke) == 0)
			return;
	if (l->nborders < SITE_LEGEND_MAX)
		memcpy(l->border[l->nborders++], stroke, 8);
}

static void legend_fill(site_legend *l, const char *fill)
{
	for (size_t i = 0; i < l->nfills; i++)
		if (strcmp(l->fill[i], fill) == 0)
			return;
	if (l->nfills < SITE_LEGEND_MAX)
		memcpy(l->fill[l->nfills++], fill, 8);
}

int site_svg_inline(site_buf *out, const char *svg, size_t len,
		    const char *labelledby, const site_node_link *links,
		    size_t nlinks, site_legend *legend)
{
	site_legend leg = {0};
	/* the node or edge being read: its <g>'s depth and output offset */
	int gdepth = 0, node_depth = -1, edge_depth = -1, drop_node = 0;
	/* a box's corner lines: Graphviz draws four for "diagonals", the
	 * cut corners of a body whose money is not recorded (graphs/map.c),
	 * three for a box3d's edges */
	int corners = 0;
	size_t node_start = 0;
	site_buf b = {0};
	const char *p = svg, *end = svg + len;
	const char *start = NULL;
	/* the root element */
	for (const char *q = svg; q + 4 < end; q++)
		if (strncmp(q, "<svg", 4) == 0 && is_space(q[4])) {
			start = q;
			break;
		}
	if (!start)
		return -1;
	p = start;
	char node[16] = "";
	int in_node = 0, depth = 0, ok = 1;
	while (ok && p < end) {
		if (*p != '<') {
			/* text: copied as it is, but never markup */
			const char *q = memchr(p, '<', (size_t)(end - p));
			if (!q)
				q = end;
			sb_putn(&b, p, (size_t)(q - p));
			p = q;
			continue;
		}
		if (end - p >= 4 && strncmp(p, "<!--", 4) == 0) {
			const char *q = strstr(p + 4, "-->");
			if (!q || q >= end) {
				ok = 0;
				break;
			}
			p = q + 3;
			continue;
		}
		int closing = p + 1 < end && p[1] == '/';
		const char *nm = p + 1 + closing, *ne = nm;
		while (ne < end && is_name(*ne))
			ne++;
		size_t nlen = (size_t)(ne - nm);
		if (!nlen || !listed(elements, nm, nlen)) {
			ok = 0;
			break;
		}
		int is_title = nlen == 5 && strncmp(nm, "title", 5) == 0;
		int is_svg = nlen == 3 && strncmp(nm, "svg", 3) == 0;
		int is_a = nlen == 1 && nm[0] == 'a';
		int is_g = nlen == 1 && nm[0] == 'g';
		if (closing) {
			const char *q = ne;
			while (q < end && is_space(*q))
				q++;
			if (q >= end || *q != '>') {
				ok = 0;
				break;
			}
			sb_putn(&b, p, (size_t)(q + 1 - p));
			p = q + 1;
			if (is_g) {
				if (gdepth == node_depth) {
					if (drop_node) /* the map's own legend */
						b.n = node_start;
					else if (corners == 4)
						leg.cut = 1;
					node_depth = -1;
					corners = 0;
					drop_node = 0;
				}
				if (gdepth == edge_depth)
					edge_depth = -1;
				gdepth--;
			}
			if (is_svg && --depth <= 0)
				break;
			continue;
		}
		if (is_title) {
			/* <title>TEXT</title>: dropped; remember node names */
			const char *q = ne;
			if (q >= end || *q != '>') {
				ok = 0;
				break;
			}
			const char *t = q + 1;
			const char *te = strstr(t, "</title>");
			if (!te || te >= end || memchr(t, '<', (size_t)(te - t))) {
				ok = 0;
				break;
			}
			if (in_node && (size_t)(te - t) < sizeof node) {
				memcpy(node, t, (size_t)(te - t));
				node[te - t] = '\0';
				drop_node |= node_depth > 0 &&
					     strcmp(node, "legend") == 0;
			}
			p = te + 8;
			continue;
		}
		/* attributes */
		site_buf tag = {0};
		sb_putn(&tag, p, (size_t)(ne - p));
		const char *q = ne;
		int self_close = 0, has_href = 0, node_class = 0;
		int edge_class = 0, dashed = 0;
		char stroke[8] = "", fill[8] = "";
		for (;;) {
			while (q < end && is_space(*q))
				q++;
			if (q >= end) {
				ok = 0;
				break;
			}
			if (*q == '>') {
				q++;
				break;
			}
			if (*q == '/' && q + 1 < end && q[1] == '>') {
				self_close = 1;
				q += 2;
				break;
			}
			const char *an = q;
			while (q < end && is_name(*q))
				q++;
			size_t alen = (size_t)(q - an);
			if (!alen || q + 1 >= end || *q != '=' || q[1] != '"') {
				ok = 0;
				break;
			}
			const char *v = q + 2;
			const char *ve = memchr(v, '"', (size_t)(end - v));
			if (!ve || memchr(v, '<', (size_t)(ve - v)) ||
			    !listed(attributes, an, alen)) {
				ok = 0;
				break;
			}
			size_t vlen = (size_t)(ve - v);
			q = ve + 1;
			int is_href = alen == 10 && strncmp(an, "xlink:href", 10) == 0;
			if (is_href && !href_ok(v, vlen)) {
				ok = 0;
				break;
			}
			if (alen == 6 && strncmp(an, "target", 6) == 0 &&
			    !(vlen == 4 && strncmp(v, "_top", 4) == 0)) {
				ok = 0;
				break;
			}
			has_href |= is_href;
			if (is_g && alen == 5 && strncmp(an, "class", 5) == 0) {
				node_class = vlen == 4 && strncmp(v, "node", 4) == 0;
				edge_class = vlen == 4 && strncmp(v, "edge", 4) == 0;
			}
			if (alen == 6 && strncmp(an, "stroke", 6) == 0)
				colour(stroke, v, vlen);
			if (alen == 4 && strncmp(an, "fill", 4) == 0)
				colour(fill, v, vlen);
			if (alen == 16 && strncmp(an, "stroke-dasharray", 16) == 0)
				dashed = dash_kind(v, vlen);
			sb_put(&tag, " ");
			if (is_svg && vlen > 2 && strncmp(ve - 2, "pt", 2) == 0 &&
			    ((alen == 5 && strncmp(an, "width", 5) == 0) ||
			     (alen == 6 && strncmp(an, "height", 6) == 0))) {
				/* actual size: one point of the layout to one
				 * CSS pixel (10-point labels read at 10 px) */
				sb_putn(&tag, an, (size_t)(ve - 2 - an));
				sb_put(&tag, "\"");
				continue;
			}
			sb_putn(&tag, an, (size_t)(ve + 1 - an));
		}
		if (!ok) {
			sb_free(&tag);
			break;
		}
		if (is_g) {
			gdepth++;
			if (node_class && node_depth < 0) {
				node_depth = gdepth;
				node_start = b.n;
			}
			if (edge_class && edge_depth < 0)
				edge_depth = gdepth;
		}
		if (is_g && node_class) {
			in_node = 1;
			node[0] = '\0';
		}
		/* the styles drawn: an edge's line, a box's fill */
		if (edge_depth > 0 && nlen == 4 && strncmp(nm, "path", 4) == 0 &&
		    stroke[0])
			legend_line(&leg, stroke, dashed);
		if (node_depth > 0 && nlen == 8 &&
		    strncmp(nm, "polyline", 8) == 0)
			corners++;
		if (node_depth > 0 && !drop_node && fill[0] &&
		    ((nlen == 7 && strncmp(nm, "polygon", 7) == 0) ||
		     (nlen == 7 && strncmp(nm, "ellipse", 7) == 0) ||
		     (nlen == 4 && strncmp(nm, "path", 4) == 0))) {
			legend_fill(&leg, fill);
			if (stroke[0])
				legend_border(&leg, stroke);
		}
		if (is_svg) {
			depth++;
			sb_put(&tag, " class=\"map-svg\" role=\"group\"");
			if (labelledby && site_id_ok(labelledby)) {
				sb_put(&tag, " aria-labelledby=\"");
				sb_esc(&tag, labelledby);
				sb_put(&tag, "\"");
			}
		}
		if (is_a && in_node && !has_href && node[0]) {
			const site_node_link *l = link_for(links, nlinks, node);
			if (l && href_ok(l->href, strlen(l->href))) {
				sb_put(&tag, " xlink:href=\"");
				sb_esc(&tag, l->href);
				sb_put(&tag, "\"");
			}
		}
		if (is_a)
			in_node = 0; /* one link per node */
		sb_put(&tag, self_close ? "/>" : ">");
		sb_putn(&b, tag.s, tag.n);
		ok = !tag.oom;
		sb_free(&tag);
		p = q;
	}
	if (!ok || b.oom || depth != 0) {
		sb_free(&b);
		return -1;
	}
	sb_putn(out, b.s, b.n);
	sb_free(&b);
	if (legend)
		*legend = leg;
	return 0;
}
