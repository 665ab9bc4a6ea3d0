/*
 * test_map.c - graphs/map.c and graphs/render.c: escaping of registry
 * text (hostile names in DOT and SVG), the attributes a map may carry,
 * ghosts, summary and footprint nodes, focus and region errors, the
 * rendered formats and determinism.
 *
 * Fixtures come from $GOVMAP_SRCDIR/tests/fixtures/analysis/<name>
 * (hand-worked numbers: tests/fixtures/analysis/README.md).
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <graphviz/cgraph.h>

#include "govmap/analysis.h"
#include "govmap/findings.h"
#include "govmap/map.h"
#include "mapimpl.h"
#include "suites.h"

#define ON 20240601

typedef struct {
	govmap_registry *reg;
	govmap_analysis *an;
	govmap_findings f;
} fx;

static void fx_open(fx *x, const char *name, govmap_date on)
{
	const char *src = getenv("GOVMAP_SRCDIR");
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/tests/fixtures/analysis/%s",
		 src && *src ? src : ".", name);
	govmap_diags d = {0};
	int rc;
	memset(x, 0, sizeof(*x));
	x->reg = th_load(dir, NULL, &d, &rc);
	ck_assert_msg(rc == GOVMAP_OK && x->reg &&
			      d.count[GOVMAP_SEV_ERROR] == 0,
		      "loading %s: rc %d%s", dir, rc, th_dump(&d));
	govmap_diags_free(&d);
	govmap_analysis_opts o = {on, NULL, NULL, 0, NULL};
	ck_assert_int_eq(govmap_analyse(&x->an, x->reg, &o), GOVMAP_OK);
	govmap_core_findings(x->an, &x->f);
	govmap_findings_apply_suppressions(&x->f, x->reg);
	govmap_findings_sort(&x->f, x->reg);
}

static void fx_close(fx *x)
{
	govmap_findings_free(&x->f);
	govmap_analysis_free(x->an);
	govmap_registry_free(x->reg);
}

/* Render; the map must succeed.  NUL-terminated copy, length in *len. */
static char *render(fx *x, govmap_map_opts *o, govmap_map_format fmt,
		    size_t *len)
{
	char *out = NULL;
	size_t n = 0;
	govmap_diags d = {0};
	o->findings = &x->f;
	int rc = govmap_map_render(&out, &n, x->an, o, fmt, &d);
	ck_assert_msg(rc == GOVMAP_OK, "render format %d: rc %d%s", fmt, rc,
		      th_dump(&d));
	ck_assert_ptr_nonnull(out);
	ck_assert_uint_gt(n, 0);
	govmap_diags_free(&d);
	char *s = malloc(n + 1);
	ck_assert_ptr_nonnull(s);
	memcpy(s, out, n);
	s[n] = '\0';
	free(out);
	if (len)
		*len = n;
	return s;
}

static size_t count_str(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

static const char *ci_strstr(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return hay;
	return NULL;
}

#define ASSERT_HAS(hay, needle)                                            \
	ck_assert_msg(strstr((hay), (needle)) != NULL, "missing: %s", (needle))

/* ---- escaping ------------------------------------------------------------ */

START_TEST(dot_escape)
{
	static const struct {
		const char *in, *out;
	} t[] = {
		{"", ""},
		{"plain", "plain"},
		{"a\\b", "a\\\\b"},
		{"\\N \\G \\L", "\\\\N \\\\G \\\\L"},
		{"end\\", "end\\\\"},
		{"q\"uote", "q\"uote"}, /* quotes are cgraph's job */
		{"a\nb\rc\td", "a b c d"},
		{"x\x01y\x1fz\x7f!", "xyz!"},
		{"<script>&amp;", "<script>&amp;amp;"}, /* entities literal */
		{"a & b", "a &amp; b"},
		/* bidi overrides (U+202E, U+2066) would reorder the map */
		{"ab\xe2\x80\xae" "cd\xe2\x81\xa6" "e", "abcde"},
		{"caf\xc3\xa9", "caf\xc3\xa9"},
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		char *e = govmap_dot_escape(t[i].in);
		ck_assert_ptr_nonnull(e);
		ck_assert_str_eq(e, t[i].out);
		free(e);
	}
}
END_TEST

START_TEST(format_parse)
{
	ck_assert_int_eq(govmap_map_format_parse("svg"), GOVMAP_MAP_SVG);
	ck_assert_int_eq(govmap_map_format_parse("png"), GOVMAP_MAP_PNG);
	ck_assert_int_eq(govmap_map_format_parse("pdf"), GOVMAP_MAP_PDF);
	ck_assert_int_eq(govmap_map_format_parse("dot"), GOVMAP_MAP_DOT);
	ck_assert_int_eq(govmap_map_format_parse("json"), GOVMAP_MAP_JSON);
	ck_assert_int_eq(govmap_map_format_parse("gif"), -1);
	ck_assert_int_eq(govmap_map_format_parse(""), -1);
	ck_assert_int_eq(govmap_map_format_parse("svgz"), -1);
}
END_TEST

/* Attribute values our code sets: names, numbers, colours. */
static int plain_value(const char *v)
{
	for (; *v; v++)
		if (!isalnum((unsigned char)*v) && !strchr("#.,_-", *v))
			return 0;
	return 1;
}

static int in_list(const char *s, const char *const *l)
{
	for (; *l; l++)
		if (strcmp(s, *l) == 0)
			return 1;
	return 0;
}

/* Every attribute of `obj` is one we set, and only label and tooltip
 * (and URL, checked by the caller) carry anything but plain values. */
static void check_attrs(Agraph_t *g, void *obj, int kind,
			const char *const *allowed, const char *what)
{
	Agsym_t *sym = NULL;
	while ((sym = agnxtattr(g, kind, sym))) {
		const char *v = agxget(obj, sym);
		if (!v || !*v || (sym->defval && strcmp(v, sym->defval) == 0 &&
				  !in_list(sym->name, allowed)))
			continue;
		ck_assert_msg(in_list(sym->name, allowed),
			      "%s: unexpected attribute %s=\"%s\"", what,
			      sym->name, v);
		if (strcmp(sym->name, "label") == 0 ||
		    strcmp(sym->name, "tooltip") == 0 ||
		    strcmp(sym->name, "URL") == 0) {
			for (const char *p = v; *p; p++)
				ck_assert_msg((unsigned char)*p >= 0x20,
					      "%s: control character in %s",
					      what, sym->name);
			continue;
		}
		ck_assert_msg(plain_value(v), "%s: %s=\"%s\" is not plain",
			      what, sym->name, v);
	}
}

static const char *const graph_attrs[] = {
	"fontname", "fontsize", "label", "labelloc", "labeljust", "nodesep",
	"ranksep",
	"outputorder", "rankdir", "rank", "color", "style", NULL};
static const char *const node_attrs[] = {
	"label", "tooltip", "fontname", "fontsize", "shape", "style",
	"fillcolor", "fontcolor", "color", "width", "penwidth", "margin", NULL};
static const char *const edge_attrs[] = {
	"dir", "color", "style", "penwidth", "tooltip", "label", "fontsize",
	"arrowhead", NULL};

static int our_node_name(const char *s)
{
	if (strcmp(s, "legend") == 0)
		return 1;
	if (s[0] == 'n')
		s += 1;
	else if (strncmp(s, "ghost", 5) == 0)
		s += 5;
	else if (strncmp(s, "anchora", 7) == 0 || strncmp(s, "anchorz", 7) == 0)
		s += 7;
	else
		return 0;
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

/* A label with the line breaks map.c inserts ("\n", not preceded by an
 * escaped backslash) turned back into spaces; malloc'd. */
static char *unwrap(const char *l)
{
	char *o = malloc(strlen(l) + 1), *p = o;
	while (*l) {
		if (l[0] == '\\' && l[1] == '\\') {
			*p++ = *l++;
			*p++ = *l++;
		} else if (l[0] == '\\' && l[1] == 'n') {
			*p++ = ' ';
			l += 2;
		} else {
			*p++ = *l++;
		}
	}
	*p = '\0';
	return o;
}

/* A tooltip's backslashes (four for each, see map.c) as a label's two. */
static char *tip_as_label(const char *t)
{
	char *o = malloc(strlen(t) + 1), *p = o;
	while (*t) {
		if (strncmp(t, "\\\\\\\\", 4) == 0) {
			*p++ = '\\';
			*p++ = '\\';
			t += 4;
		} else {
			*p++ = *t++;
		}
	}
	*p = '\0';
	return o;
}

/* The node whose unwrapped label starts with `prefix`; it must be
 * unique. */
static Agnode_t *node_with_label(Agraph_t *g, const char *prefix)
{
	Agnode_t *hit = NULL;
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
		const char *raw = agget(n, "label");
		char *l = raw ? unwrap(raw) : NULL;
		int match = l && strncmp(l, prefix, strlen(prefix)) == 0;
		free(l);
		if (match) {
			ck_assert_msg(!hit, "two nodes labelled %s", prefix);
			hit = n;
		}
	}
	ck_assert_msg(hit != NULL, "no node labelled %s...", prefix);
	return hit;
}

static const char *const hostile_ids[] = {
	"test-electorate", "test-council", "test-trust", "test-dot-body",
	"test-trust-board"};

START_TEST(hostile_dot)
{
	fx x;
	fx_open(&x, "hostile", ON);
	govmap_map_opts o = {0};
	o.title = govmap_registry_name(x.reg);
	char *dot = render(&x, &o, GOVMAP_MAP_DOT, NULL);

	/* backslashes doubled (escString macros cannot fire), quotes
	 * escaped by cgraph, newlines and controls gone */
	/* (names wrap at a space after 24 characters) */
	ASSERT_HAS(dot, "label=\"Test \\\\N \\\\G \\\\L \\\\E \\\\T \\\\H \\\\l\\n"
			"\\\\r Council\\nA 0.90 (strong)  D 0.10\\n\xc2\xa3" "100m a year\"");
	ASSERT_HAS(dot, "label=\"Test \\\"] ; x -> y [label=\\\"\\nBody } "
			"digraph { z\\nA 0.00 (none)  D 1.00\\nmoney not recorded\"");
	ASSERT_HAS(dot, "label=\"Test <script>alert(1)</script>\\nTrust "
			"&amp;amp; \\\"Friends\\\" &amp;lt;i&amp;gt;\\nA ");
	ASSERT_HAS(dot, "label=\"Test <b>bold</b> Board second\\nline tab "
			"end\\\\\\nA ");
	ASSERT_HAS(dot, "label=\"Test electorate 'quoted'\\n\\\\\\\\ double "
			"\\\\N\\nvoters\"");
	ASSERT_HAS(dot, "label=\"1 vacant seat\\nTrailing backslash \\\\\"");
	ASSERT_HAS(dot, "label=\"1 vacant seat\\nRole <script>alert(2)"
			"</script> \\\\N \\\"q\\\" next\"");
	ASSERT_HAS(dot, "label=\"test-hostile <script>alert(0)</script> "
			"\\\\G \\\"t\\\" ] ; a -> b\\l\"");
	ck_assert_ptr_null(strstr(dot, "\x01"));
	ck_assert_ptr_null(strstr(dot, "\r"));
	ck_assert_ptr_null(ci_strstr(dot, "javascript"));
	ck_assert_ptr_null(strstr(dot, "URL"));
	ck_assert_ptr_null(strstr(dot, "href"));

	/* cgraph reads it back into exactly what we set */
	Agraph_t *g = agmemread(dot);
	ck_assert_msg(g != NULL, "the DOT does not parse:\n%s", dot);
	/* (the title's one line left-justified: \\l) */
	char *t = govmap_dot_escape(govmap_registry_name(x.reg));
	char tl[512];
	snprintf(tl, sizeof tl, "%s\\l", t);
	ck_assert_str_eq(agget(g, "label"), tl);
	free(t);
	for (size_t i = 0; i < sizeof hostile_ids / sizeof *hostile_ids; i++) {
		const govmap_entity *e = govmap_registry_find(x.reg, hostile_ids[i]);
		ck_assert_ptr_nonnull(e);
		char *esc = govmap_dot_escape(e->name);
		size_t n = strlen(esc);
		char *want = malloc(n + 2);
		snprintf(want, n + 2, "%s ", esc);
		Agnode_t *nd = node_with_label(g, want);
		char *tip = tip_as_label(agget(nd, "tooltip"));
		ck_assert_msg(strncmp(tip, esc, n) == 0 && tip[n] == ' ',
			      "tooltip of %s: %s", hostile_ids[i], tip);
		free(tip);
		free(want);
		free(esc);
	}
	/* node names, subgraph names and every attribute are our own */
	size_t nodes = 0, edges = 0, ghosts = 0;
	check_attrs(g, g, AGRAPH, graph_attrs, "graph");
	for (Agraph_t *sg = agfstsubg(g); sg; sg = agnxtsubg(sg)) {
		const char *nm = agnameof(sg);
		ck_assert_msg(strcmp(nm, "voters") == 0 ||
				      strncmp(nm, "cluster_", 8) == 0,
			      "subgraph %s", nm);
		check_attrs(g, sg, AGRAPH, graph_attrs, nm);
	}
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
		const char *nm = agnameof(n);
		ck_assert_msg(our_node_name(nm), "node name %s", nm);
		nodes++;
		ghosts += strncmp(nm, "ghost", 5) == 0;
		if (strcmp(nm, "legend") != 0)
			check_attrs(g, n, AGNODE, node_attrs, nm);
		for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
			edges++;
			check_attrs(g, e, AGEDGE, edge_attrs, "edge");
		}
	}
	/* 5 entities, a no-route ghost, two vacant-seat ghosts, the legend;
	 * 5 accountability edges and 3 ghost edges */
	ck_assert_uint_eq(nodes, 9);
	ck_assert_uint_eq(ghosts, 3);
	ck_assert_uint_eq(edges, 8);
	agclose(g);
	free(dot);
	fx_close(&x);
}
END_TEST

/* Is hay[pos] inside the content of a <text> element or inside an
 * xlink:title attribute value?  Registry text escapes '<' and '"', so
 * the last raw '<' before pos opens a real tag. */
static int in_text_or_title(const char *hay, size_t pos)
{
	size_t lt = pos;
	while (lt > 0 && hay[lt] != '<')
		lt--;
	if (hay[lt] != '<')
		return 0;
	const char *gt = memchr(hay + lt, '>', pos - lt);
	if (gt) /* in the content after a tag */
		return strncmp(hay + lt, "<text", 5) == 0;
	/* inside a tag: the attribute holding pos must be xlink:title */
	const char *attr = NULL;
	for (const char *p = hay + lt; p < hay + pos; p++)
		if (strncmp(p, "=\"", 2) == 0) {
			const char *q = p - 1;
			while (q > hay + lt && !isspace((unsigned char)q[-1]))
				q--;
			attr = q;
			const char *end = strchr(p + 2, '"');
			if (end && end < hay + pos) {
				attr = NULL;
				p = end;
			}
		}
	return attr && strncmp(attr, "xlink:title=", 12) == 0;
}

static void check_markers(const char *svg, const char *marker)
{
	size_t n = 0;
	for (const char *p = svg; (p = strstr(p, marker)); p++) {
		ck_assert_msg(in_text_or_title(svg, (size_t)(p - svg)),
			      "'%s' outside a label or tooltip at: %.80s",
			      marker, p);
		n++;
	}
	ck_assert_msg(n > 0, "'%s' not in the SVG", marker);
}

START_TEST(hostile_svg)
{
	fx x;
	fx_open(&x, "hostile", ON);
	govmap_map_opts o = {0};
	o.title = govmap_registry_name(x.reg);
	char *svg = render(&x, &o, GOVMAP_MAP_SVG, NULL);
	ck_assert_msg(strncmp(svg, "<?xml", 5) == 0, "%.40s", svg);
	ASSERT_HAS(svg, "<svg");
	ASSERT_HAS(svg, "&lt;script&gt;alert(1)&lt;/script&gt;");
	ASSERT_HAS(svg, "&lt;script&gt;alert(2)&lt;/script&gt;");
	ASSERT_HAS(svg, "&lt;script&gt;alert(0)&lt;/script&gt;");
	ASSERT_HAS(svg, "&lt;b&gt;bold&lt;/b&gt;");
	ck_assert_ptr_null(ci_strstr(svg, "<script"));
	ck_assert_ptr_null(ci_strstr(svg, "<b>"));
	ck_assert_ptr_null(ci_strstr(svg, "javascript:"));
	ck_assert_ptr_null(ci_strstr(svg, "onerror"));
	ck_assert_ptr_null(ci_strstr(svg, "<image"));
	ck_assert_ptr_null(ci_strstr(svg, "href"));
	/* labels: one escString decoding, so the macros stay literal */
	ASSERT_HAS(svg, ">Test \\N \\G \\L \\E \\T \\H \\l</text>");
	ASSERT_HAS(svg, ">\\r Council</text>");
	ASSERT_HAS(svg, ">Role &lt;script&gt;alert(2)&lt;/script&gt; \\N "
			"&quot;q&quot; next</text>");
	ASSERT_HAS(svg, ">Trailing backslash \\</text>");
	/* registry text only in labels and tooltips */
	check_markers(svg, "alert(");
	check_markers(svg, "Friends");
	check_markers(svg, "&lt;b&gt;bold");
	check_markers(svg, "Trailing backslash");
	check_markers(svg, "digraph {");
	free(svg);

	/* with node links: URLs from link_base and validated ids only */
	o.link_base = "https://example.org/bodies/";
	svg = render(&x, &o, GOVMAP_MAP_SVG, NULL);
	ck_assert_ptr_null(ci_strstr(svg, "javascript:"));
	size_t links = 0;
	for (const char *p = svg; (p = strstr(p, "href=\"")); p++) {
		p += 6;
		const char *end = strchr(p, '"');
		ck_assert_ptr_nonnull(end);
		char url[256];
		ck_assert_uint_lt((size_t)(end - p), sizeof url);
		memcpy(url, p, (size_t)(end - p));
		url[end - p] = '\0';
		int ok = 0;
		for (size_t i = 0; i < sizeof hostile_ids / sizeof *hostile_ids; i++) {
			char want[256];
			snprintf(want, sizeof want,
				 "https://example.org/bodies/%s.html",
				 hostile_ids[i]);
			ok |= strcmp(url, want) == 0;
		}
		ck_assert_msg(ok, "unexpected link %s", url);
		links++;
	}
	ck_assert_uint_eq(links, 5); /* the five entity nodes */
	free(svg);
	fx_close(&x);
}
END_TEST

/* Node tooltips: Graphviz 2.42 decodes a node's tooltip escString twice,
 * so the single escaping that keeps labels literal lets \N, \G and \L
 * through (the council's tooltip reads "Test n1 govmap Test \\N ...").
 * map.h: "Registry text reaches only labels and tooltips, escaped".
 * Reported, not pinned. */
START_TEST(hostile_svg_tooltips_literal)
{
	fx x;
	fx_open(&x, "hostile", ON);
	govmap_map_opts o = {0};
	char *svg = render(&x, &o, GOVMAP_MAP_SVG, NULL);
	ASSERT_HAS(svg, "xlink:title=\"Test \\N \\G \\L \\E \\T \\H \\l \\r "
			"Council (council)");
	ASSERT_HAS(svg, "xlink:title=\"Test electorate &#39;quoted&#39; \\\\ "
			"double \\N (voters)");
	free(svg);
	fx_close(&x);
}
END_TEST

/* ---- what a map shows -------------------------------------------------- */

START_TEST(ghosts)
{
	fx x;
	fx_open(&x, "nochain", ON);
	govmap_map_opts o = {0};
	char *dot = render(&x, &o, GOVMAP_MAP_DOT, NULL);
	ck_assert_uint_eq(count_str(dot, "label=\"no route to voters\""), 2);
	ck_assert_uint_eq(count_str(dot, "ghost0 -> n2"), 1);
	ck_assert_uint_eq(count_str(dot, "ghost1 -> n3"), 1);
	ASSERT_HAS(dot, "dashed boxes: 2 missing forums and vacant seats");
	free(dot);
	fx_close(&x);

	fx_open(&x, "board-seats", ON);
	dot = render(&x, &o, GOVMAP_MAP_DOT, NULL);
	ck_assert_uint_eq(count_str(dot, "ghost"), 2); /* node and edge */
	ASSERT_HAS(dot, "label=\"1 vacant seat\\nElected member\"");
	ck_assert_ptr_null(strstr(dot, "no route to voters"));
	free(dot);
	/* the national view draws no ghosts */
	o.national = 1;
	dot = render(&x, &o, GOVMAP_MAP_DOT, NULL);
	ck_assert_ptr_null(strstr(dot, "ghost"));
	free(dot);
	fx_close(&x);
}
END_TEST

/* Footprint clusters and the voters' rank, read back from the DOT (the
 * order in which cgraph writes subgraphs is not stable: see
 * deterministic_in_process).  A footprint's own electorate sits in its
 * cluster; two clusters are side by side, with no grid anchors. */
START_TEST(clusters)
{
	fx x;
	fx_open(&x, "collapse", ON);
	govmap_map_opts o = {0};
	char *dot = render(&x, &o, GOVMAP_MAP_DOT, NULL);
	Agraph_t *g = agmemread(dot);
	ck_assert_ptr_nonnull(g);
	size_t nclusters = 0;
	int voters = 0;
	for (Agraph_t *sg = agfstsubg(g); sg; sg = agnxtsubg(sg)) {
		const char *nm = agnameof(sg);
		if (strcmp(nm, "voters") == 0) {
			voters = 1;
			ck_assert_str_eq(agget(sg, "rank"), "min");
			/* the only electorate is england/testshire's: the
			 * voters' rank holds the legend alone */
			ck_assert_int_eq(agnnodes(sg), 1);
			ck_assert_ptr_nonnull(agsubnode(sg, agnode(g, "legend", 0), 0));
			continue;
		}
		ck_assert(strncmp(nm, "cluster_", 8) == 0);
		nclusters++;
		const char *label = agget(sg, "label");
		size_t want = strcmp(label, "Testshire") == 0   ? 5
			      : strcmp(label, "Otherside") == 0 ? 1
									: 0;
		ck_assert_msg(want > 0, "cluster %s", label);
		ck_assert_int_eq(agnnodes(sg), (int)want);
		for (Agnode_t *n = agfstnode(sg); n; n = agnxtnode(sg, n))
			ck_assert_msg(strncmp(agget(n, "label"), "Test Council", 12) == 0 ||
					      strncmp(agget(n, "label"), "Test Trust ", 11) == 0 ||
					      strncmp(agget(n, "label"), "Test Other Trust", 16) == 0 ||
					      strcmp(agget(n, "label"), "Test electorate\\nvoters") == 0,
				      "%s in %s", agget(n, "label"), label);
	}
	ck_assert(voters);
	ck_assert_uint_eq(nclusters, 2);
	Agnode_t *el = node_with_label(g, "Test electorate ");
	ck_assert_str_eq(agget(el, "shape"), "house");
	/* the parliament (region england) is in no cluster */
	node_with_label(g, "Test Parliament ");
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
		ck_assert_msg(strncmp(agnameof(n), "anchor", 6) != 0,
			      "anchor %s with two clusters", agnameof(n));
	agclose(g);
	free(dot);
	fx_close(&x);
}
END_TEST

/* A PNG too big to hold in memory is laid out again smaller: the scale
 * keeps it under 64 million pixels and 30,000 a side (at 96 dpi a point
 * is 4/3 of a pixel). */
START_TEST(png_scale)
{
	ck_assert_double_eq(govmap__png_scale(NULL), 1);
	ck_assert_double_eq(govmap__png_scale("junk"), 1);
	ck_assert_double_eq(govmap__png_scale("0,0,0,0"), 1);
	/* 3,000 x 1,500 pt = 4,000 x 2,000 px: fits */
	ck_assert_double_eq(govmap__png_scale("0,0,3000,1500"), 1);
	/* 21,229 x 7,410 pt (all of England) = 28,305 x 9,880 px:
	 * 280 million pixels, scaled to 64 million */
	double s = govmap__png_scale("0,0,21229,7410");
	double w = 21229 / 72.0 * 96 * s, h = 7410 / 72.0 * 96 * s;
	ck_assert_double_lt(s, 1);
	ck_assert_double_eq_tol(w * h, 64e6, 1e3);
	/* as gvLayout() writes it, with spaces */
	ck_assert_double_eq(govmap__png_scale("0 0 21229 7410"), s);
	/* a long thin map: the side limit binds (40,000 x 100 pt) */
	s = govmap__png_scale("0,0,40000,100");
	ck_assert_double_eq_tol(40000 / 72.0 * 96 * s, 30000, 1e-6);
}
END_TEST

/* A plugin's colour for a type: "#rrggbb" for trusts, junk for councils
 * (a plugin host refuses it; the map must ignore it too). */
static int colour_payload;
static const char *test_colour(const char *type, void *payload)
{
	ck_assert_ptr_eq(payload, &colour_payload);
	return strcmp(type, "nhs-trust") == 0	    ? "#12aB34"
	       : strcmp(type, "local-authority") == 0 ? "red\" x=\"y"
							 : NULL;
}

/* Plugin colours are drawn as borders and listed in the legend; the fill
 * stays the deficit; junk colours and electorates get none. */
START_TEST(type_colours)
{
	fx x;
	fx_open(&x, "collapse", ON);
	govmap_map_opts o = {0};
	o.type_colour = test_colour;
	o.colour_payload = &colour_payload;
	char *dot = render(&x, &o, GOVMAP_MAP_DOT, NULL);
	Agraph_t *g = agmemread(dot);
	ck_assert_ptr_nonnull(g);
	Agnode_t *t = node_with_label(g, "Test Trust 1 ");
	ck_assert_str_eq(agget(t, "color"), "#12aB34");
	ck_assert_str_eq(agget(t, "penwidth"), "2.5");
	ck_assert_str_ne(agget(t, "fillcolor"), "#12aB34");
	Agnode_t *c = node_with_label(g, "Test Council ");
	const char *cc = agget(c, "color");
	ck_assert(!cc || strcmp(cc, "") == 0 || strncmp(cc, "red", 3) != 0);
	ck_assert_ptr_null(strstr(dot, "x=\\\"y"));
	ck_assert_ptr_null(strstr(dot, "border: council"));
	/* the type in words, not its id */
	ASSERT_HAS(dot, "COLOR=\"#12aB34\"> </TD><TD ALIGN=\"LEFT\">border: "
			"NHS trust (region plugin)");
	ck_assert_ptr_null(strstr(dot, "nhs-trust"));
	/* once in the legend, however many trusts */
	const char *p = strstr(dot, "border: NHS trust");
	ck_assert_ptr_null(strstr(p + 1, "border: NHS trust"));
	agclose(g);
	free(dot);
	/* no callback: no borders, no legend rows */
	govmap_map_opts none = {0};
	dot = render(&x, &none, GOVMAP_MAP_DOT, NULL);
	ck_assert_ptr_null(strstr(dot, "region plugin"));
	ck_assert_ptr_null(strstr(dot, "#12aB34"));
	free(dot);
	fx_close(&x);
}
END_TEST

/* The grey lines (link types without a colour of their own, contracts,
 * a board's line to its body) have a legend row exactly when a map
 * draws one: checked on fixtures with and without them. */
START_TEST(legend_grey_lines)
{
	static const char *const fixtures[] = {"grid", "board-seats", "chain",
					       "collapse", "nochain"};
	size_t with = 0, without = 0;
	for (size_t f = 0; f < sizeof fixtures / sizeof *fixtures; f++) {
		fx x;
		fx_open(&x, fixtures[f], ON);
		govmap_map_opts o = {0};
		char *dot = render(&x, &o, GOVMAP_MAP_DOT, NULL);
		Agraph_t *g = agmemread(dot);
		ck_assert_ptr_nonnull(g);
		size_t grey = 0;
		for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
			for (Agedge_t *e = agfstout(g, n); e;
			     e = agnxtout(g, e)) {
				const char *c = agget(e, "color");
				if (c && (strcmp(c, "#777777") == 0 ||
					  strcmp(c, "#666666") == 0))
					grey++;
			}
		const char *row = strstr(dot, "commissioned by, member or part "
					      "of;<BR/>a board to the body it "
					      "is of");
		if (grey) {
			ck_assert_msg(row != NULL, "%s: %zu grey lines, no row",
				      fixtures[f], grey);
			with++;
		} else {
			ck_assert_msg(row == NULL, "%s: a row, no grey line",
				      fixtures[f]);
			without++;
		}
		agclose(g);
		free(dot);
		fx_close(&x);
	}
	/* both cases are exercised */
	ck_assert_uint_gt(with, 0);
	ck_assert_uint_gt(without, 0);
}
END_TEST

/* The legend's line samples are solid bars of the line's colour (two em
 * dashes were drawn with a gap: a dashed sample, where the legend says
 * dashed is a contract); its rows have room at the right for a browser's
 * wider text (the longest ran past its border); the title is at the top
 * left and the boxes' names stay centred. */
START_TEST(legend_samples_and_title)
{
	fx x;
	/* its legend has a coloured line and the grey one; a box */
	fx_open(&x, "board-seats", ON);
	govmap_map_opts o = {0};
	o.title = "a title";
	char *dot = render(&x, &o, GOVMAP_MAP_DOT, NULL);
	const char *leg = strstr(dot, "<TABLE");
	ck_assert_ptr_nonnull(leg);
	ck_assert_ptr_null(strstr(leg, "&#8212;"));
	ASSERT_HAS(leg, "<TR><TD><TABLE BORDER=\"0\" CELLSPACING=\"0\" "
			"CELLPADDING=\"0\"><TR><TD BGCOLOR=\"#0072B2\" "
			"WIDTH=\"20\" HEIGHT=\"3\" FIXEDSIZE=\"TRUE\"></TD>"
			"</TR></TABLE></TD><TD ALIGN=\"LEFT\">elected by</TD>");
	ASSERT_HAS(leg, "<TD BGCOLOR=\"#777777\" WIDTH=\"20\"");
	ASSERT_HAS(leg, "<TD COLSPAN=\"2\"><B>Legend</B></TD>"
			"<TD WIDTH=\"12\"></TD></TR>");
	Agraph_t *g = agmemread(dot);
	ck_assert_ptr_nonnull(g);
	ck_assert_str_eq(agget(g, "label"), "a title\\l");
	ck_assert_str_eq(agget(g, "labeljust"), "l");
	size_t boxes = 0;
	for (Agraph_t *sg = agfstsubg(g); sg; sg = agnxtsubg(sg))
		if (strncmp(agnameof(sg), "cluster_", 8) == 0) {
			ck_assert_str_eq(agget(sg, "labeljust"), "c");
			boxes++;
		}
	ck_assert_uint_gt(boxes, 0);
	agclose(g);
	free(dot);
	fx_close(&x);
}
END_TEST

/* The cluster holding the node labelled `prefix`. */
static Agraph_t *cluster_of(Agraph_t *g, const char *prefix)
{
	Agnode_t *n = node_with_label(g, prefix);
	for (Agraph_t *sg = agfstsubg(g); sg; sg = agnxtsubg(sg))
		if (strncmp(agnameof(sg), "cluster_", 8) == 0 &&
		    agsubnode(sg, n, 0))
			return sg;
	ck_abort_msg("%s is in no cluster", prefix);
	return NULL;
}

/* The national overview boxes a two-segment footprint with nothing
 * below it (Greater Manchester beside England's NHS regions) on its own
 * when its nation's second level holds areas, and in its nation's box
 * when none does (Wales's partnership boards). */
START_TEST(national_devolved_box)
{
	fx x;
	fx_open(&x, "national-boxes", ON);
	govmap_map_opts o = {0};
	o.national = 1;
	char *dot = render(&x, &o, GOVMAP_MAP_DOT, NULL);
	Agraph_t *g = agmemread(dot);
	ck_assert_ptr_nonnull(g);
	Agraph_t *city = cluster_of(g, "City ");
	Agraph_t *england = cluster_of(g, "Test Parliament ");
	Agraph_t *wales = cluster_of(g, "Test Senedd ");
	ck_assert_str_eq(agget(city, "label"), "City");
	ck_assert_str_eq(agget(england, "label"), "England");
	ck_assert_str_eq(agget(wales, "label"), "Wales");
	ck_assert_ptr_ne(city, england);
	ck_assert_ptr_eq(cluster_of(g, "Valley "), wales);
	ck_assert_str_eq(agget(cluster_of(g, "Area "), "label"), "Reg");
	ck_assert_ptr_eq(cluster_of(g, "Area "), cluster_of(g, "Reg "));
	agclose(g);
	free(dot);
	fx_close(&x);
}
END_TEST

/* Three footprints are stacked in a grid of ceil(sqrt(3 / 2)) = 2
 * columns: each cluster gets an invisible anchor above and below its
 * nodes, and the third cluster's top anchor hangs from the first one's
 * bottom anchor.  The national electorate stays on the voters' rank. */
START_TEST(cluster_grid)
{
	fx x;
	fx_open(&x, "grid", ON);
	govmap_map_opts o = {0};
	char *dot = render(&x, &o, GOVMAP_MAP_DOT, NULL);
	Agraph_t *g = agmemread(dot);
	ck_assert_ptr_nonnull(g);
	Agraph_t *voters = agsubg(g, "voters", 0);
	ck_assert_ptr_nonnull(voters);
	/* and the legend beside it */
	ck_assert_int_eq(agnnodes(voters), 2);
	ck_assert_ptr_nonnull(agsubnode(voters, agnode(g, "legend", 0), 0));
	ck_assert(agsubnode(voters, node_with_label(g, "Test national "
						      "electorate "),
			    0) != NULL);
	const char *names[] = {"Alpha", "Beta", "Gamma"};
	Agraph_t *cl[3];
	for (int i = 0; i < 3; i++) {
		char a[64], b[64];
		snprintf(a, sizeof a, "Test %s Council ", names[i]);
		snprintf(b, sizeof b, "Test %s electorate ", names[i]);
		cl[i] = cluster_of(g, a);
		ck_assert_ptr_eq(cluster_of(g, b), cl[i]);
		/* two nodes and two anchors */
		ck_assert_int_eq(agnnodes(cl[i]), 4);
		for (int j = 0; j < i; j++)
			ck_assert_ptr_ne(cl[i], cl[j]);
	}
	/* every anchor is invisible, and hangs from or holds up only the
	 * nodes of its own cluster, by invisible edges of weight 0 */
	size_t anchors = 0, rows = 0, holds = 0;
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
		if (strncmp(agnameof(n), "anchor", 6) != 0)
			continue;
		anchors++;
		ck_assert_str_eq(agget(n, "style"), "invis");
		for (Agedge_t *e = agfstedge(g, n); e; e = agnxtedge(g, e, n)) {
			ck_assert_str_eq(agget(e, "style"), "invis");
			Agnode_t *t = agtail(e), *h = aghead(e);
			if (strncmp(agnameof(t), "anchor", 6) == 0 &&
			    strncmp(agnameof(h), "anchor", 6) == 0) {
				rows++;
				continue;
			}
			ck_assert_str_eq(agget(e, "weight"), "0");
			holds++;
			/* the top anchor holds the electorate (nobody in
			 * the cluster above it), the bottom one the council
			 * (nobody in the cluster below it): never both */
			const char *l = agget(t == n ? h : t, "label");
			ck_assert_msg(agnameof(n)[6] == 'a'
					      ? strstr(l, "electorate") != NULL
					      : strstr(l, "Council") != NULL,
				      "%s holds %s", agnameof(n), l);
		}
	}
	ck_assert_uint_eq(holds, 6); /* two per cluster */
	ck_assert_uint_eq(anchors, 6);
	/* one row edge: the bottom of the first cluster to the top of the
	 * third, and a spine in each cluster from its top anchor to its
	 * bottom one (each seen from both ends) */
	ck_assert_uint_eq(rows, 8);
	for (int i = 0; i < 3; i++) {
		char a[32], z[32];
		snprintf(a, sizeof a, "anchora%d", i);
		snprintf(z, sizeof z, "anchorz%d", i);
		Agedge_t *sp = agedge(g, agnode(g, a, 0), agnode(g, z, 0),
				      NULL, 0);
		ck_assert_msg(sp != NULL, "no spine in cluster %d", i);
		ck_assert_str_eq(agget(sp, "weight"), "100");
	}
	int found = 0;
	for (Agedge_t *e = agfstout(g, agnode(g, "anchorz0", 0)); e;
	     e = agnxtout(g, e))
		found |= strcmp(agnameof(aghead(e)), "anchora2") == 0;
	ck_assert(found);
	ck_assert_ptr_nonnull(agsubnode(cl[0], agnode(g, "anchorz0", 0), 0));
	ck_assert_ptr_nonnull(agsubnode(cl[2], agnode(g, "anchora2", 0), 0));
	agclose(g);
	free(dot);
	fx_close(&x);
}
END_TEST

/* A footprint inside a drawn footprint at least three segments deep is
 * boxed inside it (the ICB areas merged in 2026); before the enclosing
 * body exists the boxes stand alone; a two-segment region (an NHS region)
 * never boxes others.  The grid stacks the outermost boxes. */
START_TEST(nested_boxes)
{
	fx x;
	fx_open(&x, "nested", ON);
	govmap_map_opts o = {0};
	char *dot = render(&x, &o, GOVMAP_MAP_DOT, NULL);
	Agraph_t *g = agmemread(dot);
	ck_assert_ptr_nonnull(g);
	Agraph_t *merged = cluster_of(g, "Test Merged Board ");
	Agraph_t *alpha = cluster_of(g, "Test Alpha Council ");
	Agraph_t *beta = cluster_of(g, "Test Beta Council ");
	Agraph_t *other = cluster_of(g, "Test Other Council ");
	Agraph_t *reg = cluster_of(g, "Test Region Office ");
	ck_assert_str_eq(agget(merged, "label"), "Merged");
	/* cluster_of finds the outermost box holding a node: alpha's and
	 * beta's councils are in merged's box, in boxes of their own */
	ck_assert_ptr_eq(alpha, merged);
	ck_assert_ptr_eq(beta, merged);
	Agraph_t *inner_a = NULL, *inner_b = NULL;
	for (Agraph_t *sg = agfstsubg(merged); sg; sg = agnxtsubg(sg)) {
		const char *l = agget(sg, "label");
		if (strcmp(l, "Alpha") == 0)
			inner_a = sg;
		else if (strcmp(l, "Beta") == 0)
			inner_b = sg;
	}
	ck_assert_ptr_nonnull(inner_a);
	ck_assert_ptr_nonnull(inner_b);
	ck_assert_ptr_nonnull(agsubnode(inner_a,
					node_with_label(g, "Test Alpha electorate "), 0));
	ck_assert_ptr_null(agsubnode(inner_a,
				     node_with_label(g, "Test Merged Board "), 0));
	ck_assert_ptr_ne(other, merged);
	ck_assert_ptr_ne(reg, merged);
	ck_assert_ptr_null(agfstsubg(reg));
	ck_assert_ptr_null(agfstsubg(other));
	/* three outermost boxes, so a grid: six anchors, all in them */
	size_t anchors = 0;
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
		if (strncmp(agnameof(n), "anchor", 6) == 0) {
			anchors++;
			ck_assert(agsubnode(merged, n, 0) || agsubnode(reg, n, 0) ||
				  agsubnode(other, n, 0));
			ck_assert_ptr_null(agsubnode(inner_a, n, 0));
		}
	ck_assert_uint_eq(anchors, 6);
	agclose(g);
	free(dot);
	/* the national view draws merged with the areas inside it as one
	 * footprint node: the board, two councils and two electorates */
	o.national = 1;
	char *js = render(&x, &o, GOVMAP_MAP_JSON, NULL);
	ASSERT_HAS(js, "\"region\":\"england/reg/merged\",\"count\":5,");
	ck_assert_ptr_null(strstr(js, "england/reg/merged/"));
	ASSERT_HAS(js, "\"region\":\"england/reg\",\"count\":1,");
	ck_assert_uint_eq(count_str(js, "\"kind\":\"footprint\""), 3);
	free(js);
	o.national = 0;
	fx_close(&x);

	/* a year earlier the merged body is not drawn: four boxes side by
	 * side, none inside another */
	fx_open(&x, "nested", 20230601);
	dot = render(&x, &o, GOVMAP_MAP_DOT, NULL);
	g = agmemread(dot);
	ck_assert_ptr_nonnull(g);
	size_t boxes = 0;
	for (Agraph_t *sg = agfstsubg(g); sg; sg = agnxtsubg(sg)) {
		if (strncmp(agnameof(sg), "cluster_", 8) != 0)
			continue;
		boxes++;
		ck_assert_ptr_null(agfstsubg(sg));
	}
	ck_assert_uint_eq(boxes, 4);
	ck_assert_ptr_ne(cluster_of(g, "Test Alpha Council "),
			 cluster_of(g, "Test Beta Council "));
	agclose(g);
	free(dot);
	/* and four footprint nodes in the national view */
	o.national = 1;
	js = render(&x, &o, GOVMAP_MAP_JSON, NULL);
	ASSERT_HAS(js, "\"region\":\"england/reg/merged/alpha\",\"count\":2,");
	ck_assert_uint_eq(count_str(js, "\"kind\":\"footprint\""), 4);
	free(js);
	fx_close(&x);
}
END_TEST

START_TEST(collapse_and_national)
{
	fx x;
	fx_open(&x, "collapse", ON);
	govmap_map_opts o = {0};
	/* default 8: three trusts stay three nodes */
	char *js = render(&x, &o, GOVMAP_MAP_JSON, NULL);
	ck_assert_ptr_null(strstr(js, "\"summary\""));
	ck_assert_uint_eq(count_str(js, "\"kind\":\"entity\""), 7);
	free(js);
	o.collapse = 3;
	js = render(&x, &o, GOVMAP_MAP_JSON, NULL);
	ck_assert_ptr_null(strstr(js, "\"summary\""));
	free(js);
	/* more than 2 like bodies: one summary node, deficit weighted by
	 * money (0.19 x 100 + 0.757 x 50 + 0.271 x 10) / 160 */
	o.collapse = 2;
	js = render(&x, &o, GOVMAP_MAP_JSON, NULL);
	ck_assert_uint_eq(count_str(js, "\"kind\":\"summary\""), 1);
	ASSERT_HAS(js, "\"kind\":\"summary\",\"id\":\"test-trust-1\"");
	ASSERT_HAS(js, "\"count\":3,\"deficit\":0.372250,\"money\":160000000");
	ck_assert_uint_eq(count_str(js, "\"kind\":\"entity\""), 4);
	free(js);
	char *dot = render(&x, &o, GOVMAP_MAP_DOT, NULL);
	ASSERT_HAS(dot, "label=\"3 x NHS trust\\nTestshire\\nD 0.37 "
			"(weighted by money), \xc2\xa3" "160m a year\"");
	ASSERT_HAS(dot, "label=x3");
	/* its tooltip names the type and the area in words, as its label;
	 * no tooltip shows a region path (issue 16: plain English) */
	ASSERT_HAS(dot, "tooltip=\"3 bodies summarised (NHS trust, "
			"Testshire); deficit weighted by money 0.372");
	for (const char *q = strstr(dot, "tooltip="); q;
	     q = strstr(q + 1, "tooltip=")) {
		const char *end = strchr(q + 9, '"');
		ck_assert_ptr_nonnull(end);
		char tip[1024];
		snprintf(tip, sizeof tip, "%.*s", (int)(end - q), q);
		ck_assert_msg(!strstr(tip, "england/"), "a region path in %s",
			      tip);
	}
	free(dot);
	/* a long title is folded into lines of about 70 characters (it
	 * widened maps past a screen) */
	o.title = "govmap: a registry with a long name, working tree, on "
		  "2026-12-06, Buckinghamshire Oxfordshire and Berkshire West";
	dot = render(&x, &o, GOVMAP_MAP_DOT, NULL);
	/* at the top left, every line left-justified (\\l ends each,
	 * the last too): centred over a map wider than its window, the
	 * title ran off the window's edge where the site opens the map */
	ASSERT_HAS(dot, "label=\"govmap: a registry with a long name, working "
			"tree, on 2026-12-06, Buckinghamshire\\lOxfordshire "
			"and Berkshire West\\l\"");
	ASSERT_HAS(dot, "labeljust=l");
	free(dot);
	o.title = NULL;

	o.collapse = 0;
	o.national = 1;
	js = render(&x, &o, GOVMAP_MAP_JSON, NULL);
	ck_assert_uint_eq(count_str(js, "\"kind\":\"footprint\""), 2);
	/* the footprint holds its local electorate too (5 entities) */
	ASSERT_HAS(js, "\"region\":\"england/testshire\",\"count\":5,"
		       "\"deficit\":0.194696,\"money\":460000000");
	ASSERT_HAS(js, "\"region\":\"england/otherside\",\"count\":1,"
		       "\"deficit\":0.190000,\"money\":20000000");
	/* the box's fill (its weakest chain) and the body naming it are in
	 * the JSON too: id and name are its largest body's */
	ck_assert_uint_eq(count_str(js, "\"weakest_deficit\":"), 2);
	ASSERT_HAS(js, "\"money_known\":4,\"weakest_deficit\":0.757000,"
		       "\"area\":");
	/* the parliament (region england, not a footprint) stays an
	 * entity */
	ck_assert_uint_eq(count_str(js, "\"kind\":\"entity\""), 1);
	free(js);
	/* the overview fits a screen (issue 16 item 2): the areas in a
	 * box of their nation (neither footprint has areas below it),
	 * packed by osage in rows, filled by the weakest chain, and no
	 * lines: the legend counts them */
	dot = render(&x, &o, GOVMAP_MAP_DOT, NULL);
	ck_assert_ptr_null(strstr(dot, "->"));
	ASSERT_HAS(dot, "packmode=array_u3");
	/* 4 of its 5 bodies have money: "by known money" */
	ASSERT_HAS(dot, "label=\"Testshire\\nD weakest 0.76, by known money "
			"0.19\\n5 bodies, \xc2\xa3" "460m a year (4 of 5 known)\"");
	ASSERT_HAS(dot, "links between these areas and bodies<BR/>not drawn");
	/* no line samples */
	ck_assert_ptr_null(strstr(dot, "HEIGHT=\"3\" FIXEDSIZE=\"TRUE\""));
	Agraph_t *g = agmemread(dot);
	ck_assert_ptr_nonnull(g);
	Agraph_t *box = cluster_of(g, "Testshire D weakest");
	ck_assert_ptr_nonnull(box);
	ck_assert_str_eq(agget(box, "label"), "England");
	ck_assert_ptr_eq(cluster_of(g, "Otherside D weakest"), box);
	/* 0.76: the 0.6 to 0.8 band, though the money-weighted 0.19 is
	 * the lightest */
	ck_assert_str_eq(agget(node_with_label(g, "Testshire D weakest"),
			       "fillcolor"), "#f03b20");
	agclose(g);
	free(dot);
	fx_close(&x);
}
END_TEST

START_TEST(focus_depth)
{
	fx x;
	fx_open(&x, "board-seats", ON);
	govmap_map_opts o = {0};
	o.focus = "test-trust";
	o.depth = 1;
	char *js = render(&x, &o, GOVMAP_MAP_JSON, NULL);
	/* the trust and its board; the board's chain as context */
	ck_assert_uint_eq(count_str(js, "\"node\":"), 5);
	ASSERT_HAS(js, "\"id\":\"test-trust\",");
	ASSERT_HAS(js, "\"id\":\"test-trust-board\",");
	ck_assert_uint_eq(count_str(js, "\"context\":true"), 3);
	ck_assert_ptr_null(strstr(js, "\"id\":\"test-council\""));
	ASSERT_HAS(js, "\"hidden_edges\":2}");
	free(js);
	o.depth = 2;
	js = render(&x, &o, GOVMAP_MAP_JSON, NULL);
	ck_assert_uint_eq(count_str(js, "\"node\":"), 6);
	ASSERT_HAS(js, "\"id\":\"test-council\",");
	ck_assert_uint_eq(count_str(js, "\"context\":true"), 1);
	ck_assert_ptr_null(strstr(js, "test-council-committee"));
	ASSERT_HAS(js, "\"hidden_edges\":1}");
	free(js);
	char *dot = render(&x, &o, GOVMAP_MAP_DOT, NULL);
	ck_assert_uint_eq(count_str(dot, "penwidth=3,"), 1); /* the focus */
	free(dot);
	/* links are followed both ways: the council's board seats and its
	 * committee answer to it */
	o.focus = "test-council";
	o.depth = 1;
	js = render(&x, &o, GOVMAP_MAP_JSON, NULL);
	ck_assert_uint_eq(count_str(js, "\"node\":"), 6);
	ASSERT_HAS(js, "\"id\":\"test-trust-board\",");
	ASSERT_HAS(js, "\"id\":\"test-council-committee\",");
	ck_assert_ptr_null(strstr(js, "\"id\":\"test-trust\","));
	ck_assert_uint_eq(count_str(js, "\"context\":true"), 2);
	ASSERT_HAS(js, "\"hidden_edges\":2}");
	free(js);
	fx_close(&x);
}
END_TEST

START_TEST(focus_map)
{
	fx x;
	fx_open(&x, "collapse", ON);
	govmap_map_opts o = {0};
	o.focus = "test-council"; /* depth 0: a focus map */
	char *js = render(&x, &o, GOVMAP_MAP_JSON, NULL);
	/* the council, its electorate, the three trusts answering to it;
	 * not the parliament or the other trust */
	ck_assert_uint_eq(count_str(js, "\"node\":"), 5);
	ck_assert_ptr_null(strstr(js, "test-parliament"));
	ck_assert_ptr_null(strstr(js, "test-other-trust"));
	ASSERT_HAS(js, "\"left_out\":{\"forums\":0,\"answering\":0}");
	free(js);
	/* capped at 3: the council, its chain to voters and the first
	 * trust; two left out, said in the legend */
	o.focus_cap = 3;
	js = render(&x, &o, GOVMAP_MAP_JSON, NULL);
	ck_assert_uint_eq(count_str(js, "\"node\":"), 3);
	ASSERT_HAS(js, "\"id\":\"test-trust-1\",");
	ck_assert_ptr_null(strstr(js, "test-trust-2"));
	ASSERT_HAS(js, "\"left_out\":{\"forums\":0,\"answering\":2}");
	free(js);
	char *dot = render(&x, &o, GOVMAP_MAP_DOT, NULL);
	ASSERT_HAS(dot, "left out (weakest links): 0 forums it answers to, "
			"2 bodies answering to it");
	ck_assert_ptr_null(strstr(dot, "cluster_")); /* no footprint boxes */
	free(dot);
	/* a trust's focus map: its forum (the council) and the chain */
	o.focus = "test-trust-2";
	o.focus_cap = 0;
	js = render(&x, &o, GOVMAP_MAP_JSON, NULL);
	ck_assert_uint_eq(count_str(js, "\"node\":"), 3);
	ck_assert_ptr_null(strstr(js, "test-trust-1"));
	free(js);
	fx_close(&x);
}
END_TEST

START_TEST(not_found)
{
	fx x;
	fx_open(&x, "dates", 20240531);
	govmap_map_opts o = {0};
	char *out = NULL;
	size_t len = 0;
	govmap_diags d = {0};
	o.focus = "test-nope";
	ck_assert_int_eq(govmap_map_render(&out, &len, x.an, &o, GOVMAP_MAP_DOT, &d),
			 GOVMAP_ENOTFOUND);
	ck_assert_ptr_null(out);
	ck_assert_uint_eq(th_count(&d, "focus"), 1);
	/* not in force on the date */
	o.focus = "test-new-body";
	ck_assert_int_eq(govmap_map_render(&out, &len, x.an, &o, GOVMAP_MAP_SVG, &d),
			 GOVMAP_ENOTFOUND);
	ck_assert_uint_eq(th_count(&d, "focus"), 2);
	/* a link is not a node */
	o.focus = "test-council-elected-by-electorate";
	ck_assert_int_eq(govmap_map_render(&out, &len, x.an, &o, GOVMAP_MAP_JSON, &d),
			 GOVMAP_ENOTFOUND);
	o.focus = NULL;
	o.region = "england/testshir"; /* a prefix of a segment is no match */
	ck_assert_int_eq(govmap_map_render(&out, &len, x.an, &o, GOVMAP_MAP_DOT, &d),
			 GOVMAP_ENOTFOUND);
	ck_assert_uint_eq(th_count(&d, "region"), 1);
	ck_assert_str_eq(th_find(&d, "region", 0)->msg,
			 "--region: nothing in force in region 'england/testshir' "
			 "on this date");
	ck_assert_ptr_null(out);
	govmap_diags_free(&d);
	o.region = "england";
	char *js = render(&x, &o, GOVMAP_MAP_JSON, NULL);
	/* a nation's map draws each area below it as one box only where
	 * the area has an ICB, board or trust (issue 16 item 2): this
	 * fixture's Testshire has none, and is drawn in full */
	ck_assert_uint_eq(count_str(js, "\"node\":"), 3);
	ck_assert_ptr_null(strstr(js, "\"kind\":\"footprint\""));
	free(js);
	/* the area's own map draws its bodies */
	o.region = "england/testshire";
	js = render(&x, &o, GOVMAP_MAP_JSON, NULL);
	ck_assert_uint_eq(count_str(js, "\"node\":"), 3);
	ck_assert_ptr_null(strstr(js, "\"kind\":\"footprint\""));
	free(js);
	fx_close(&x);
}
END_TEST

START_TEST(formats)
{
	fx x;
	fx_open(&x, "chain", ON);
	govmap_map_opts o = {0};
	size_t n;
	char *s = render(&x, &o, GOVMAP_MAP_SVG, &n);
	ck_assert(strncmp(s, "<?xml", 5) == 0 && strstr(s, "<svg") &&
		  strstr(s, "</svg>"));
	free(s);
	s = render(&x, &o, GOVMAP_MAP_PNG, &n);
	ck_assert_uint_gt(n, 8);
	ck_assert(memcmp(s, "\x89PNG\r\n\x1a\n", 8) == 0);
	free(s);
	s = render(&x, &o, GOVMAP_MAP_PDF, &n);
	ck_assert(n > 5 && memcmp(s, "%PDF-", 5) == 0);
	free(s);
	s = render(&x, &o, GOVMAP_MAP_DOT, &n);
	ck_assert(strncmp(s, "digraph govmap {", 16) == 0);
	/* nothing missing, nothing left out: the legend does not say "0" */
	ck_assert_ptr_null(strstr(s, "dashed boxes"));
	ck_assert_ptr_null(strstr(s, "not drawn"));
	free(s);
	s = render(&x, &o, GOVMAP_MAP_JSON, &n);
	ck_assert(strncmp(s, "{\"title\":\"govmap\",\"date\":\"2024-06-01\"", 37) == 0);
	ck_assert_int_eq(s[n - 1], '\n');
	free(s);
	fx_close(&x);
}
END_TEST

/* Two renders in one process.  JSON does not go through cgraph. */
START_TEST(deterministic)
{
	fx x;
	fx_open(&x, "collapse", ON);
	govmap_map_opts o = {0};
	o.collapse = 2;
	size_t n1, n2;
	char *a = render(&x, &o, GOVMAP_MAP_JSON, &n1);
	char *b = render(&x, &o, GOVMAP_MAP_JSON, &n2);
	ck_assert_uint_eq(n1, n2);
	ck_assert(memcmp(a, b, n1) == 0);
	free(a);
	free(b);
	fx_close(&x);
}
END_TEST

/* cgraph orders subgraphs by ID, and a named subgraph's ID is the address
 * of its interned name: a second render in the same process can write the
 * "voters" subgraph after "cluster_0" (DOT) or draw the clusters in
 * another order (SVG).  CONTRIBUTING.md: "Output is deterministic".
 * Reported, not pinned. */
START_TEST(deterministic_in_process)
{
	static const govmap_map_format f[] = {GOVMAP_MAP_DOT, GOVMAP_MAP_SVG};
	fx x;
	fx_open(&x, "collapse", ON);
	for (size_t i = 0; i < 2; i++) {
		govmap_map_opts o = {0};
		size_t n1, n2;
		char *a = render(&x, &o, f[i], &n1);
		char *b = render(&x, &o, f[i], &n2);
		ck_assert_msg(n1 == n2 && memcmp(a, b, n1) == 0,
			      "format %d differs", f[i]);
		free(a);
		free(b);
	}
	fx_close(&x);
}
END_TEST

Suite *map_suite(void)
{
	Suite *s = suite_create("map");
	TCase *tc = tcase_create("escaping");
	tcase_add_test(tc, dot_escape);
	tcase_add_test(tc, format_parse);
	tcase_add_test(tc, hostile_dot);
	tcase_add_test(tc, hostile_svg);
	tcase_add_test(tc, hostile_svg_tooltips_literal);
	tcase_set_timeout(tc, TH_TIMEOUT);
	suite_add_tcase(s, tc);

	tc = tcase_create("maps");
	tcase_add_test(tc, ghosts);
	tcase_add_test(tc, clusters);
	tcase_add_test(tc, cluster_grid);
	tcase_add_test(tc, nested_boxes);
	tcase_add_test(tc, png_scale);
	tcase_add_test(tc, type_colours);
	tcase_add_test(tc, legend_grey_lines);
	tcase_add_test(tc, legend_samples_and_title);
	tcase_add_test(tc, collapse_and_national);
	tcase_add_test(tc, focus_depth);
	tcase_add_test(tc, focus_map);
	tcase_add_test(tc, not_found);
	tcase_add_test(tc, formats);
	tcase_add_test(tc, deterministic);
	tcase_add_test(tc, deterministic_in_process);
	tcase_add_test(tc, national_devolved_box);
	tcase_set_timeout(tc, TH_TIMEOUT);
	suite_add_tcase(s, tc);
	return s;
}
