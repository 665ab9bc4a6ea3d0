/*
 * site.h - the static site `govmap site -o DIR` writes for scrutiny
 * committees.  Private to the CLI; shared by:
 *
 *   cmd_site.c     the command: options, the output directory's safety
 *                  checks, atomic writes, removing stale pages
 *   site_html.c    the HTML buffer and the ONE escaping function, URL and
 *                  file-name checks, JSON strings
 *   site_assets/   site.css, site.js, favicon.svg and embed.sh, which
 *                  turns them into site_assets.c (generated)
 *   site_svg.c     a rendered map made safe to inline (allow-listed SVG)
 *   site_assets.c  the stylesheet and the script (no external assets)
 *   site_pages.c   the page frame (CSP, landmarks, navigation) and the
 *                  fragments every page uses: links, tables, findings,
 *                  maps
 *   site_region.c  the index, region pages, the A-Z list, search.json
 *   site_body.c    one page per body or board (the `explain` content)
 *   site_history.c a body's history: the Git commits that changed it,
 *                  with its scores, and its predecessors and successors
 *   site_ref.c     rule pages and the glossary
 *
 * Rule of the site: registry text reaches a page only through sb_esc()
 * (or sb_json() for JSON); sb_putf() formats numbers and our own text,
 * never registry strings.  Links are built only from validated ids and
 * region paths; a source URL becomes a link only when site_url_ok().
 */
#ifndef GOVMAP_SITE_H
#define GOVMAP_SITE_H

#include <stddef.h>
#include "cli.h"
#include "govmap/compare.h"
#include "govmap/map.h"
#include "govmap/report.h"
#include "govmap/vcs.h"

/* ---- site_html.c ---- */

/* A growable string.  Zero-initialise; `oom` is set (and output stops)
 * when memory runs out. */
typedef struct {
	char *s;
	size_t n, cap;
	int oom;
} site_buf;

void sb_free(site_buf *b);
void sb_put(site_buf *b, const char *markup);  /* our own text only */
void sb_putn(site_buf *b, const char *p, size_t n);
void sb_putf(site_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3))); /* no registry strings */
/* THE escaping function: any text into HTML text or a quoted attribute
 * value (& < > " ' ` escaped, control characters dropped).  NULL is
 * written as nothing. */
void sb_esc(site_buf *b, const char *text);
/* sb_esc with a lower-case ASCII first letter made upper case (rule
 * titles as headings). */
void sb_esc_cap(site_buf *b, const char *text);
/* site_body.c: a validity period as text: "from 2022-07-01 to 2024-01-31", "until
 * ...", "from ... (still in force)".  With `explain`, also "(always)" for
 * no dates and "(end date exclusive)" after an end. */
void site_period(site_buf *b, govmap_period p, int explain);
/* A JSON string literal (with quotes), safe inside HTML too. */
void sb_json(site_buf *b, const char *s);

/* 1 when url may become a link: http:// or https://, a host, and no
 * whitespace, control characters, double quotes, backticks, angle
 * brackets or backslashes (a ' is escaped like everything else).  Everything else (javascript:, data:, relative, ...) is
 * shown as text only. */
int site_url_ok(const char *url);
/* An external link: <a href> when site_url_ok(url), else the text (and
 * the refused URL as text). */
void sb_ext_link(site_buf *b, const char *url, const char *text);
/* 1 when id is lower-case kebab ([a-z0-9] and single '-', at most 128
 * bytes): safe as a file name and in a URL. */
int site_id_ok(const char *id);
/* 1 when a region path is [a-z0-9-] segments joined by single '/'. */
int site_region_ok(const char *region);
/* The page file name of a region or rule id: '/' becomes '.' (which
 * neither may contain), into buf; "" when the name is not safe. */
const char *site_file_name(char *buf, size_t size, const char *name);

/* ---- site_svg.c ---- */

/* A target for map nodes that the map itself does not link: drawn node
 * name ("n12") -> page, relative to the page the map is on. */
struct site_legend;

typedef struct {
	char node[16];
	char href[300];
} site_node_link;

/* Append a rendered SVG map as inline SVG: the XML prolog, DOCTYPE and
 * comments dropped, <title> elements dropped, width/height replaced by
 * CSS, `labelledby` as aria-labelledby, extra node links added.  Every
 * element and attribute is checked against an allow list and every href
 * must be relative; returns -1 (appending nothing) when the SVG holds
 * anything else. */
int site_svg_inline(site_buf *b, const char *svg, size_t len,
		    const char *labelledby, const site_node_link *links,
		    size_t nlinks, struct site_legend *legend);

/* The line and box styles a map really draws, read from its SVG as it
 * is inlined (the map's own legend node is dropped: the page draws this
 * one beside the map, where it stays visible while the map pans). */
#define SITE_LEGEND_MAX 24
typedef struct site_legend {
	struct {
		char stroke[8];  /* "#rrggbb", lower case */
		int dashed;      /* 1 dashed, 2 dotted, 0 solid */
	} line[SITE_LEGEND_MAX];
	size_t nlines;
	char fill[SITE_LEGEND_MAX][8]; /* box fills seen, "#rrggbb" */
	size_t nfills;
	int cut; /* a box with cut corners: money not recorded */
	/* box borders in a colour (a plugin's for the type), "#rrggbb" */
	char border[SITE_LEGEND_MAX][8];
	size_t nborders;
} site_legend;

/* ---- site_assets.c ---- */

const char *const *site_css(void);   /* NULL-terminated lines */
const char *const *site_js(void);
const char *const *site_favicon(void);
/* svg-pan-zoom (BSD-2-Clause), pinned in tests/site/package-lock.json */
const char *const *site_panzoom(void);
const char *const *site_panzoom_licence(void);

/* ---- the site being built (cmd_site.c) ---- */

#define SITE_WEAK 0.25 /* "weaker than 0.25": the headline threshold */

typedef struct {
	govmap_cli *cli;
	cli_session *s;
	const char *dir;          /* the output directory */
	char date[11];            /* the evaluation date */
	char **regions;           /* every region path and its ancestors,
				     sorted */
	size_t nregions;
	const govmap_rule_info **rules; /* core, then plugin rules */
	size_t nrules;
	size_t *ranked;           /* bodies and boards in force, not
				     electorates, by exposure */
	size_t nranked;
	govmap_analysis **variants; /* the registry under each documented
				       variation of the model (sensitivity),
				       made once; owned */
	size_t nvariants;
	char **written;           /* relative paths written this run */
	size_t nwritten, capwritten;
	unsigned map_failures;
	int no_pdf;               /* --no-pdf: no printable maps */
	int failed;               /* a file could not be written */
	const govmap_history *hist; /* commits (site_history.c), or NULL;
				       borrowed from hist_tl */
	govmap_timeline *hist_tl; /* the walk over them (compare.h); owned */
	char hist_note[300];      /* why there is no history */
	struct site_hist *hist_of; /* per entity: the commits that changed it */
	/* the registry analysed on the last day in force of each body or
	 * board that had ended by the date (its page shows those scores),
	 * one analysis per distinct day; owned */
	struct site_lastday {
		govmap_date day;
		govmap_analysis *an;
	} *lastday;
	size_t nlastday;
	/* --since DATE: the registry on that date and what changed from
	 * then to the site's date (compare.h); NULL without --since */
	cli_session *then;
	govmap_diff *since;
	char since_date[11];
} site_ctx;

/* site_pages.c: the legend as an HTML list of real line samples; a
 * border colour is named by the body and board types the plugins give it
 * that the map draws (its GOVMAP_MAP_JSON `json`; NULL: every such type;
 * a colour no type has is left out). */
void site_legend_html(site_buf *b, const site_ctx *c, const site_legend *l,
		      const char *json);

/* cmd_site.c: the analysis on entity i's last day in force, and that
 * day, when it had ended by the site's date; NULL otherwise. */
const govmap_analysis *site_last_day(const site_ctx *c, size_t i,
				     govmap_date *day);

/* site_body.c: an edge as a sentence in plain words, forum first:
 * "Testshire Council scrutinises X: set in law; can require information
 * and question it; cannot block changes or impose consequences -
 * moderate." (names linked with `root`). */
void site_link_sentence(site_buf *b, const site_ctx *c, const char *root,
			const govmap_edge *e);

/* Write a page (relative path) atomically into the site, record it and
 * free the buffer.  Returns 0 or -1 (the error printed, c->failed set). */
int site_write(site_ctx *c, const char *rel, site_buf *b);

/* ---- site_pages.c ---- */

/* Totals over bodies and boards in force in `region` (NULL: all). */
typedef struct {
	size_t bodies, weak, nochain, with_money;
	double money, weak_money, exposure;
	size_t weak_with_money; /* weak bodies with a known figure */
	size_t undated;         /* not counted in force: dates not known */
	char coverage[320];     /* "£X known, for N of M bodies; K not
				   recorded" (govmap/report.h) */
	char weak_coverage[320];
	char year[16];          /* the financial year of the date */
	char years[320];        /* money recorded for other years
				   (govmap_report_years_text()), or "" */
} site_totals;

void site_totals_of(const site_ctx *c, const char *region, site_totals *t);

/* The region a finding belongs to: its entity's, else the region of a
 * link's `from` or a contract's commissioner; "" when none. */
const char *site_finding_region(const site_ctx *c, const govmap_finding *f);
/* The region of entity i (boards take their body's), or NULL. */
const char *site_entity_region(const site_ctx *c, size_t i);
/* The body or board a finding is about, for linking: the entity, a
 * link's `from`, a contract's commissioner; -1 when none. */
int32_t site_finding_body(const site_ctx *c, const govmap_finding *f);

/* Page frame.  `root` is "" for pages in DIR and "../" for pages one
 * level down; `title` may be registry text (escaped); `section` names
 * the current navigation item ("home", "bodies", "rules", "glossary"). */
void site_page_begin(site_buf *b, const site_ctx *c, const char *root,
		     const char *title, const char *section);
void site_page_end(site_buf *b, const site_ctx *c, const char *root);

/* Links to other pages; text escaped.  Fall back to text when the id or
 * region is not safe or (rules) has no page. */
void site_link_body(site_buf *b, const site_ctx *c, const char *root,
		    int32_t i);
void site_link_region(site_buf *b, const char *root, const char *region,
		      const char *text);
/* A rule's title, linked to its page (no id shown). */
void site_link_rule_title(site_buf *b, const site_ctx *c, const char *root,
			  const char *rule, const char *title);
/* A rule's message with each body or board id in it written as the
 * entity's name, linked (quotes around the id dropped); the rest
 * escaped. */
void site_msg(site_buf *b, const site_ctx *c, const char *root,
	      const char *msg);
/* "Greater Manchester" from "england/greater-manchester" into buf. */
const char *site_region_title(char *buf, size_t size, const char *region);

/* A type id in plain words, escaped (govmap_type_words: "local-authority"
 * is "council"; NULL "board"; a type not listed with its hyphens as
 * spaces). */
void sb_type(site_buf *b, const char *type);

/* A table: its wrapper (with `id`, a skip target, when not NULL), class,
 * caption (markup: escape registry text first) and column heads, a
 * NULL-terminated list whose entries starting with '=' are numbers.
 * Cells from site_td() carry their column's name, which a phone shows
 * before the value when a table of class "cards" becomes one card per
 * row. */
void site_table_begin(site_buf *b, const char *id, const char *cls,
		      const char *caption, const char *const *cols);
void site_table_end(site_buf *b);
void site_td(site_buf *b, const char *label, const char *cls);

/* The cells of a body's row: its name (a row header), then the columns
 * `cols` selects, with the chain to voters in words, its reason and A,
 * and the deficit, always. */
#define SITE_COL_TYPE 1u
#define SITE_COL_AREA 2u
#define SITE_COL_MONEY 4u
#define SITE_COL_EXPOSURE 8u
void site_body_cells(site_buf *b, const site_ctx *c, const char *root,
		     size_t i, unsigned cols);

/* The headline figures as a <dl>. */
void site_headlines(site_buf *b, const site_totals *t);
/* The ranked table of bodies; `only` NULL for all of c->ranked, else the
 * region; at most `top` rows (0 = all). */
void site_rank_table(site_buf *b, const site_ctx *c, const char *root,
		     const char *region, size_t top, const char *caption_id,
		     const char *caption);
/* One line beside a ranking of `region` (NULL: all): "robust" or
 * "depends on the weights" across the documented variations, for its
 * first `shown` bodies (0: all). */
void site_robustness(site_buf *b, const site_ctx *c, const char *region,
		     govmap_ranking which, size_t shown);
/* The bodies a ranking by money cannot show: weak chain (A below 0.25),
 * no money recorded for the date's year; by deficit. */
void site_unpriced_table(site_buf *b, const site_ctx *c, const char *root,
			 const char *region, size_t top,
			 const char *caption_id);
/* Findings (those `want` accepts) as a list grouped by rule, then the
 * suppressed ones with their reasons.  Returns how many were listed. */
size_t site_findings(site_buf *b, const site_ctx *c, const char *root,
		     int (*want)(const site_ctx *, const govmap_finding *,
				 const void *),
		     const void *arg, int show_body, const char *heading_tag);
/* A map figure: renders the map, inlines it, adds the caption, a text
 * summary (registry text escaped) and the map-size control.  On failure
 * a note takes its place and c->map_failures grows. */
void site_map_figure(site_buf *b, site_ctx *c, const char *root,
		     const govmap_map_opts *o, const char *caption,
		     const char *summary, const char *table_id);

/* Where a map's printable copy goes and what date it is of: the PDF's
 * path in the site (NULL: the national or region map's own,
 * map-a4.pdf or regions/<file>.map-a4.pdf) and the date the command
 * given instead (--no-pdf) draws it on (NULL: the site's date). */
typedef struct {
	const char *pdf;
	const char *date;
} site_print_at;

/* The same, of analysis `an` (another date: then and now), with ids
 * IDP-caption and IDP-frame (two maps on one page); `pr` (NULL: the
 * defaults) says where its printable copy goes. */
void site_map_figure_at(site_buf *b, site_ctx *c, const char *root,
			const govmap_analysis *an, const char *idp,
			const govmap_map_opts *o, const char *caption,
			const char *summary, const char *table_id,
			const site_print_at *pr);

/* ---- site_history.c ---- */

/* Walk the registry's Git history (at most `max` commits that changed
 * it) and score every body at each.  When there is none, c->hist stays
 * NULL and c->hist_note says why.  Returns 0, or -1 on out-of-memory. */
int site_history_collect(site_ctx *c, size_t max);
void site_history_free(site_ctx *c);
/* The History section of body i's page. */
void site_history_section(site_buf *b, const site_ctx *c, size_t i);

/* ---- page writers ---- */

int site_write_index(site_ctx *c);            /* site_region.c */
int site_write_regions(site_ctx *c);
/* site_brief.c: regions/<region>.brief.html per region with bodies in
 * force (the area brief), and its file name ("" when none). */
int site_write_briefs(site_ctx *c);
const char *site_brief_file(char *buf, size_t size, const char *r);
int site_write_bodies_az(site_ctx *c);
int site_write_search(site_ctx *c);
int site_write_councils(site_ctx *c);
/* The edges where body i (or a board of it) is the forum (kind_seat 0)
 * or fills the seats (1), counted, and written as <li> sentences when b
 * is not NULL. */
size_t site_forum_edges(site_buf *b, const site_ctx *c, const char *root,
			size_t i, int kind_seat);
int site_write_bodies(site_ctx *c);           /* site_body.c */
int site_write_rules(site_ctx *c);            /* site_ref.c */
/* site_since.c (--since): changes/index.html and a then-and-now page
 * per region with changes; a body's then-and-now section; a link from a
 * region page to its then-and-now page. */
int site_write_since(site_ctx *c);
void site_since_body(site_buf *b, const site_ctx *c, size_t i);
void site_since_region_link(site_buf *b, const site_ctx *c, const char *r);
int site_write_glossary(site_ctx *c);


#endif
