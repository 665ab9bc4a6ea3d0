/*
 * site_region.c - the site's overview pages: index.html (the national
 * map and headline figures), one page per region or footprint (its map,
 * its bodies ranked by exposure, its findings), the A-to-Z list of
 * bodies, and the search index (search.json, and the same data as
 * assets/search-index.js for pages opened straight from disk).
 *
 * Registry text only through sb_esc()/sb_json(); must not change the
 * model.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "govmap/map.h"
#include "site.h"

/* Up to this many bodies, a region's map draws each one. */
#define SITE_MAP_BODIES 60

static int in_region(const site_ctx *c, const govmap_finding *f,
		     const void *region)
{
	return govmap_region_in(site_finding_region(c, f), region);
}

static void money(site_buf *b, double v)
{
	char m[32];
	govmap_money_format(m, sizeof m, v);
	sb_esc(b, m);
}

/* Money summed over the bodies with a figure, with how many have one;
 * "not recorded" when none has. */
static void known_money(site_buf *b, size_t known, size_t all, double v)
{
	if (known)
		money(b, v);
	else
		sb_put(b, "not recorded");
	if (known != all)
		sb_putf(b, " <span class=\"coverage\">(%zu of %zu known)</span>",
			known, all);
}

/* The regions table: every region with its figures. */
static void regions_table(site_buf *b, const site_ctx *c, const char *root,
			  const char *under)
{
	static const char *const cols[] = {
		"Region or footprint", "=Bodies and boards in force",
		"=Public money a year", "=Decided by chains weaker than 0.25",
		"=No chain to voters", NULL};
	site_table_begin(b, "regions", "regions cards",
			 under ? "Areas within this region"
			       : "Nations, regions and footprints",
			 cols);
	for (size_t i = 0; i < c->nregions; i++) {
		const char *r = c->regions[i];
		if (under && (!govmap_region_in(r, under) || strcmp(r, under) == 0))
			continue;
		site_totals t;
		site_totals_of(c, r, &t);
		int depth = 0;
		for (const char *p = r; *p; p++)
			depth += *p == '/';
		char title[256];
		sb_putf(b, "<tr><th scope=\"row\" class=\"depth-%d\">",
			depth > 3 ? 3 : depth);
		site_link_region(b, root, r,
				 site_region_title(title, sizeof title, r));
		sb_put(b, "</th>");
		site_td(b, "Bodies and boards in force", "num");
		sb_putf(b, "%zu</td>", t.bodies);
		site_td(b, "Public money a year", "num");
		known_money(b, t.with_money, t.bodies, t.money);
		sb_put(b, "</td>");
		site_td(b, "Decided by chains weaker than 0.25", "num");
		known_money(b, t.weak_with_money, t.weak, t.weak_money);
		sb_put(b, "</td>");
		site_td(b, "No chain to voters", "num");
		sb_putf(b, "%zu</td></tr>\n", t.nochain);
	}
	site_table_end(b);
}

int site_write_index(site_ctx *c)
{
	site_buf b = {0};
	site_totals t;
	site_totals_of(c, NULL, &t);
	site_page_begin(&b, c, "", "Who answers to whom in UK health and care",
			"home");
	sb_put(&b, "<h1>Who answers to whom in UK health and care</h1>\n"
		   "<p class=\"lede\">Which public bodies spend money or take "
		   "decisions with a weak chain, or none, back to the voters? "
		   "Each body's <a href=\"glossary.html#accountability\">"
		   "accountability</a> A is the strength of its best chain of "
		   "answerability to an electorate (1 = directly elected, 0 = "
		   "no chain); its <a href=\"glossary.html#deficit\">deficit"
		   "</a> is 1 &minus; A; its <a href=\"glossary.html#exposure\">"
		   "exposure</a> is the deficit times the public money it "
		   "controls.</p>\n<p class=\"meta\">Registry: ");
	sb_esc(&b, c->s->title);
	sb_put(&b, ".</p>\n");
	if (c->since) {
		sb_put(&b, "<p class=\"then-now-link\"><a href=\"changes/"
			   "index.html\">Then and now: what changed between ");
		sb_esc(&b, c->since_date);
		sb_put(&b, " and ");
		sb_esc(&b, c->date);
		sb_put(&b, "</a></p>\n");
	}
	sb_put(&b, "<h2>Headline figures</h2>\n");
	site_headlines(&b, &t);

	/* the national map */
	size_t footprints = 0;
	for (size_t i = 0; i < c->nregions; i++)
		footprints += strchr(c->regions[i], '/') != NULL;
	char summary[512], title[700];
	snprintf(summary, sizeof summary,
		 "One box per area (an integrated care board's, a health "
		 "board's, a regional partnership board's or a trust's, with "
		 "its number of bodies, filled by its weakest chain) and one "
		 "per national body, grouped by NHS England region and "
		 "nation; the links between them are drawn on each region's "
		 "map. %zu footprints and %zu bodies and boards in force on "
		 "%s. Select an area to open its page.",
		 footprints, t.bodies, c->date);
	snprintf(title, sizeof title, "%s: national view", c->s->title);
	govmap_map_opts o = {0};
	o.national = 1;
	o.title = title;
	o.link_base = "bodies/";
	o.findings = c->s->findings;
	o.type_colour = cli_plugin_colour;
	o.colour_payload = c->cli->plugins;
	sb_put(&b, "<h2>The national map</h2>\n");
	site_map_figure(&b, c, "", &o, "National map: every footprint and "
			"national body, and who they answer to",
			summary, "regions");
	sb_put(&b, "<h2>Regions and footprints</h2>\n<p>Open a region for its "
		   "own map, its bodies ranked by exposure and its findings."
		   "</p>\n");
	regions_table(&b, c, "", NULL);
	sb_put(&b, "<h2>Largest exposure</h2>\n<p class=\"note\">Ranked by the "
		   "exposure of known figures only: ");
	sb_esc(&b, t.coverage);
	sb_put(&b, ". Bodies whose money is not recorded are listed "
		   "next.</p>\n");
	site_rank_table(&b, c, "", NULL, 25, "ranked",
			"Bodies and boards ranked by exposure (deficit times "
			"public money, where recorded)");
	site_robustness(&b, c, NULL, GOVMAP_RANKING_EXPOSURE, 25);
	sb_put(&b, "<h2>Weak chains, money not recorded</h2>\n");
	site_unpriced_table(&b, c, "", NULL, 25, "unpriced");
	site_robustness(&b, c, NULL, GOVMAP_RANKING_UNPRICED, 25);
	sb_put(&b, "<p><a href=\"bodies/index.html\">Every body and board, "
		   "A to Z</a> &middot; <a href=\"rules/index.html\">The rules "
		   "behind the findings</a></p>\n"
		   "<h2>How to read this site</h2>\n<ul>\n"
		   "<li>A <strong>chain</strong> runs from a body, link by link, "
		   "to the voters: each <a href=\"glossary.html#link\">link</a> "
		   "has a strength from its legal basis and the powers it gives "
		   "(to be informed, to question, to impose consequences).</li>\n"
		   "<li>A body's page shows its best chain, the findings about "
		   "it, and questions a committee could ask.</li>\n"
		   "<li>Scores are only as good as the registry: every figure "
		   "cites its source, and gaps are listed in the registry's "
		   "README.</li>\n</ul>\n");
	site_page_end(&b, c, "");
	return site_write(c, "index.html", &b);
}

static int one_region(site_ctx *c, const char *r)
{
	site_buf b = {0};
	char title[256], file[256], path[300];
	site_file_name(file, sizeof file, r);
	if (!file[0])
		return 0;
	site_region_title(title, sizeof title, r);
	site_totals t;
	site_totals_of(c, r, &t);
	site_page_begin(&b, c, "../", title, NULL);
	/* breadcrumbs */
	sb_put(&b, "<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\">"
		   "<ol>\n<li><a href=\"../index.html\">Overview</a></li>\n");
	for (const char *p = r;; p++) {
		if (*p == '/' || !*p) {
			size_t n = (size_t)(p - r);
			char prefix[256], ptitle[256];
			snprintf(prefix, sizeof prefix, "%.*s", (int)n, r);
			site_region_title(ptitle, sizeof ptitle, prefix);
			if (*p) {
				sb_put(&b, "<li>");
				site_link_region(&b, "../", prefix, ptitle);
				sb_put(&b, "</li>\n");
			} else {
				sb_put(&b, "<li aria-current=\"page\">");
				sb_esc(&b, ptitle);
				sb_put(&b, "</li>\n");
			}
		}
		if (!*p)
			break;
	}
	sb_put(&b, "</ol></nav>\n<h1>");
	sb_esc(&b, title);
	sb_put(&b, "</h1>\n<p class=\"meta\">Bodies and boards in ");
	sb_esc(&b, title);
	sb_put(&b, " and the areas within it, as the registry stood on ");
	sb_esc(&b, c->date);
	sb_put(&b, ".</p>\n");
	if (t.bodies) {
		char brief[300];
		site_brief_file(brief, sizeof brief, r);
		sb_put(&b, "<p class=\"brief-link\"><a href=\"");
		sb_esc(&b, brief);
		sb_put(&b, "\">Area brief for committee papers</a>: two A4 "
			   "pages to print, with the five largest deficits, a "
			   "map you can read on paper and the questions to "
			   "ask.</p>\n");
	}
	site_since_region_link(&b, c, r);
	sb_put(&b, "<h2>Headline figures</h2>\n");
	site_headlines(&b, &t);
	int children = 0;
	for (size_t i = 0; i < c->nregions; i++)
		children += govmap_region_in(c->regions[i], r) &&
			    strcmp(c->regions[i], r) != 0;
	if (children) {
		sb_put(&b, "<h2>Areas within ");
		sb_esc(&b, title);
		sb_put(&b, "</h2>\n");
		regions_table(&b, c, "../", r);
	}
	if (t.bodies) {
		char summary[700], mtitle[800];
		size_t weakest = 0;
		for (size_t k = 0; k < c->nranked; k++)
			if (govmap_region_in(site_entity_region(c, c->ranked[k]), r) &&
			    govmap_analysis_score(c->s->an, c->ranked[k])->A < SITE_WEAK)
				weakest++;
		/* every body its own box (a link to its page) unless the
		 * region is large: then groups of like bodies in one
		 * footprint become one box, linked to the footprint; groups
		 * of more than 12 always, smaller ones where the map would
		 * be wider than a screen (collapse 0: the map's own) */
		unsigned collapse = t.bodies > SITE_MAP_BODIES ? 0 : SITE_MAP_BODIES;
		snprintf(summary, sizeof summary,
			 "%zu bodies and boards in force on %s, with the "
			 "bodies on their chains to voters drawn in grey "
			 "outlines; %zu of them have a best chain weaker than "
			 "0.25 and %zu no chain at all.%s",
			 t.bodies, c->date, weakest, t.nochain,
			 collapse < SITE_MAP_BODIES
				 ? " Groups of more than 12 like bodies in one "
				   "footprint are drawn as one box, and smaller "
				   "groups too where the map would otherwise be "
				   "wider than a screen."
				 : "");
		snprintf(mtitle, sizeof mtitle, "%s: %s", c->s->title, title);
		govmap_map_opts o = {0};
		o.region = r;
		o.title = mtitle;
		o.collapse = collapse;
		o.link_base = "../bodies/";
		o.findings = c->s->findings;
		o.type_colour = cli_plugin_colour;
		o.colour_payload = c->cli->plugins;
		sb_put(&b, "<h2>Map</h2>\n");
		site_map_figure(&b, c, "../", &o, "Map: who the bodies here "
				"answer to, up to the voters", summary, "ranked");
		sb_put(&b, "<h2>Bodies ranked by exposure</h2>\n<p class=\"note\">"
			   "Known figures only: ");
		sb_esc(&b, t.coverage);
		sb_put(&b, ".</p>\n");
		site_rank_table(&b, c, "../", r, 0, "ranked",
				"Bodies and boards in this region, ranked by "
				"exposure (deficit times public money, where "
				"recorded)");
		site_robustness(&b, c, r, GOVMAP_RANKING_EXPOSURE, 0);
		sb_put(&b, "<h2>Weak chains, money not recorded</h2>\n");
		site_unpriced_table(&b, c, "../", r, 0, "unpriced");
		site_robustness(&b, c, r, GOVMAP_RANKING_UNPRICED, 0);
	} else {
		sb_put(&b, "<p id=\"ranked\">No body or board here is in force "
			   "on this date.</p>\n");
	}
	sb_put(&b, "<h2>Findings</h2>\n");
	site_findings(&b, c, "../", in_region, r, 1, "h3");
	/* bodies not in force */
	int any = 0;
	size_t n = govmap_registry_count(c->s->reg);
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(c->s->reg, i);
		if ((e->kind != GOVMAP_KIND_BODY && e->kind != GOVMAP_KIND_BOARD) ||
		    govmap_analysis_score(c->s->an, i)->active ||
		    !govmap_region_in(site_entity_region(c, i), r))
			continue;
		if (!any)
			sb_put(&b, "<h2>Not in force on this date</h2>\n<p>Bodies "
				   "and boards recorded here that had ended, or "
				   "not yet begun, on this date.</p>\n<ul>\n");
		any = 1;
		sb_put(&b, "<li>");
		site_link_body(&b, c, "../", (int32_t)i);
		sb_put(&b, ": ");
		if (!e->valid.from && !e->valid.to)
			sb_put(&b, "its dates are not recorded, so it is not "
				   "counted in force");
		else
			site_period(&b, e->valid, 0);
		sb_put(&b, "</li>\n");
	}
	if (any)
		sb_put(&b, "</ul>\n");
	site_page_end(&b, c, "../");
	snprintf(path, sizeof path, "regions/%s.html", file);
	return site_write(c, path, &b);
}

int site_write_regions(site_ctx *c)
{
	int rc = 0;
	for (size_t i = 0; i < c->nregions; i++)
		rc |= one_region(c, c->regions[i]);
	return rc;
}

/* ---- A to Z ---- */

static int by_name(const void *x, const void *y, void *ctx)
{
	const site_ctx *az_ctx = ctx;
	const govmap_entity *a = govmap_registry_at(az_ctx->s->reg, *(const size_t *)x);
	const govmap_entity *b = govmap_registry_at(az_ctx->s->reg, *(const size_t *)y);
	int r = strcasecmp(a->name ? a->name : a->id, b->name ? b->name : b->id);
	return r ? r : strcmp(a->id, b->id);
}

static size_t *bodies_by_name(const site_ctx *c, size_t *n_out)
{
	size_t n = govmap_registry_count(c->s->reg), m = 0;
	size_t *v = malloc((n ? n : 1) * sizeof(*v));
	if (!v)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(c->s->reg, i);
		if (e->kind == GOVMAP_KIND_BODY || e->kind == GOVMAP_KIND_BOARD)
			v[m++] = i;
	}
	govmap_sort(v, m, sizeof(*v), by_name, (void *)c);
	*n_out = m;
	return v;
}

int site_write_bodies_az(site_ctx *c)
{
	size_t m;
	size_t *v = bodies_by_name(c, &m);
	if (!v)
		return -1;
	site_buf b = {0};
	static const char *const cols[] = {
		"Name", "What it is", "Area",
		"Chain to voters, in words, and why", "=Deficit", NULL};
	site_page_begin(&b, c, "../", "Bodies and boards, A to Z", "bodies");
	sb_put(&b, "<h1>Bodies and boards, A to Z</h1>\n<p>Every body and "
		   "board in the registry, including those no longer in force. "
		   "Use the search box above to find one by name.</p>\n");
	site_table_begin(&b, NULL, "az cards", "All bodies and boards by name",
			 cols);
	for (size_t k = 0; k < m; k++) {
		sb_put(&b, "<tr>");
		site_body_cells(&b, c, "../", v[k], SITE_COL_TYPE | SITE_COL_AREA);
		sb_put(&b, "</tr>\n");
	}
	site_table_end(&b);
	site_page_end(&b, c, "../");
	free(v);
	return site_write(c, "bodies/index.html", &b);
}

/* ---- your council ---- */

/* Edges where body i, or a committee or board of it, is the forum (or
 * fills the seats): what it holds to account and where it sits.
 * kind_seat selects seat edges (1) or the rest (0); returns the count
 * and, with b, writes each as a sentence in a list item. */
size_t site_forum_edges(site_buf *b, const site_ctx *c, const char *root,
			size_t i, int kind_seat)
{
	size_t ne, n = 0;
	const govmap_edge *edges = govmap_analysis_edges(c->s->an, &ne);
	for (size_t k = 0; k < ne; k++) {
		const govmap_edge *e = &edges[k];
		if (e->kind == GOVMAP_EDGE_BOARD_OF || e->kind == GOVMAP_EDGE_JOINT ||
		    (e->kind == GOVMAP_EDGE_SEAT) != (kind_seat != 0))
			continue;
		const govmap_entity *f = govmap_registry_at(c->s->reg, (size_t)e->to);
		int mine = e->to == (int32_t)i ||
			   (!kind_seat && f->kind == GOVMAP_KIND_BOARD &&
			    f->of.target == (int32_t)i);
		/* a council's own electorate link is not a forum it runs */
		if (!mine || govmap_analysis_score(c->s->an, (size_t)e->from)->electorate)
			continue;
		n++;
		if (b) {
			sb_put(b, "<li>");
			site_link_sentence(b, c, root, e);
			sb_put(b, "</li>\n");
		}
	}
	return n;
}

int site_write_councils(site_ctx *c)
{
	size_t m;
	size_t *v = bodies_by_name(c, &m);
	if (!v)
		return -1;
	site_buf b = {0};
	site_page_begin(&b, c, "../", "Your council", "councils");
	sb_put(&b, "<h1>Your council</h1>\n<p class=\"lede\">Find your "
		   "council (in Wales and Scotland too) to see which NHS and "
		   "care bodies it scrutinises or holds to account, which "
		   "boards it sits on or appoints to, and how strong each "
		   "link is. The search box above also finds a council by "
		   "its ONS or ODS code.</p>\n");
	static const char *const cols[] = {"Council and area",
					   "=Holds to account",
					   "=Sits on or appoints to", NULL};
	site_table_begin(&b, NULL, "councils", "Councils in force, by name",
			 cols);
	size_t shown = 0;
	for (size_t k = 0; k < m; k++) {
		const govmap_entity *e = govmap_registry_at(c->s->reg, v[k]);
		const char *r = site_entity_region(c, v[k]);
		if (!e->type || strcmp(e->type, "local-authority") != 0 ||
		    !govmap_analysis_score(c->s->an, v[k])->active)
			continue;
		shown++;
		sb_put(&b, "<tr><th scope=\"row\">");
		site_link_body(&b, c, "../", (int32_t)v[k]);
		if (r && site_region_ok(r)) {
			/* the area as words under the name: three columns
			 * fit a phone */
			char title[256];
			site_region_title(title, sizeof title, r);
			sb_put(&b, "<span class=\"area\">");
			sb_esc(&b, title);
			sb_put(&b, "</span>");
		}
		sb_put(&b, "</th>");
		site_td(&b, "Holds to account", "num");
		sb_putf(&b, "%zu</td>", site_forum_edges(NULL, c, "../", v[k], 0));
		site_td(&b, "Sits on or appoints to", "num");
		sb_putf(&b, "%zu</td></tr>\n",
			site_forum_edges(NULL, c, "../", v[k], 1));
	}
	if (!shown)
		sb_put(&b, "<tr><td colspan=\"3\">No council is in force on "
			   "this date.</td></tr>\n");
	site_table_end(&b);
	site_page_end(&b, c, "../");
	free(v);
	return site_write(c, "councils/index.html", &b);
}

/* ---- search ---- */

int site_write_search(site_ctx *c)
{
	size_t m;
	size_t *v = bodies_by_name(c, &m);
	if (!v)
		return -1;
	site_buf b = {0};
	sb_put(&b, "[");
	int first = 1;
	for (size_t k = 0; k < m; k++) {
		const govmap_entity *e = govmap_registry_at(c->s->reg, v[k]);
		const govmap_score *sc = govmap_analysis_score(c->s->an, v[k]);
		const char *r = site_entity_region(c, v[k]);
		if (!site_id_ok(e->id))
			continue;
		sb_put(&b, first ? "\n{\"k\":" : ",\n{\"k\":");
		first = 0;
		sb_json(&b, govmap_kind_name(e->kind));
		sb_put(&b, ",\"id\":");
		sb_json(&b, e->id);
		sb_put(&b, ",\"name\":");
		sb_json(&b, e->name ? e->name : e->id);
		/* what it is and where, in words, for the result's hint */
		site_buf t = {0};
		sb_type(&t, e->type);
		sb_put(&b, ",\"type\":");
		sb_json(&b, t.s ? t.s : "");
		sb_free(&t);
		char title[256] = "";
		if (r && site_region_ok(r))
			site_region_title(title, sizeof title, r);
		sb_put(&b, ",\"area\":");
		sb_json(&b, title);
		/* the short names explain and map --focus accept ("sheffield",
		 * "south yorkshire"): search ranks an exact one first */
		char sn[3][256];
		for (int l = 0; l < 3; l++)
			govmap_short_name(sn[l], sizeof sn[l],
					  e->name ? e->name : e->id, l + 1);
		sb_put(&b, ",\"short\":[");
		sb_json(&b, sn[0]);
		if (strcmp(sn[0], sn[1]) != 0) {
			sb_put(&b, ",");
			sb_json(&b, sn[1]);
		}
		/* an NHS body's name without "NHS" and its type's words
		 * ("south yorkshire"): ranked after a council's own */
		sb_put(&b, "],\"nhs\":");
		sb_json(&b, strcmp(sn[1], sn[2]) != 0 ? sn[2] : "");
		/* ONS, ODS and other codes: search matches them too */
		sb_put(&b, ",\"codes\":[");
		for (size_t k2 = 0; k2 < e->ncodes; k2++) {
			sb_put(&b, k2 ? "," : "");
			sb_json(&b, e->codes[k2].value);
		}
		sb_putf(&b, "],\"active\":%s}", sc->active ? "true" : "false");
	}
	for (size_t i = 0; i < c->nregions; i++) {
		char title[256];
		if (!site_region_ok(c->regions[i]))
			continue;
		sb_put(&b, first ? "\n{\"k\":\"region\",\"id\":"
				 : ",\n{\"k\":\"region\",\"id\":");
		first = 0;
		sb_json(&b, c->regions[i]);
		sb_put(&b, ",\"name\":");
		sb_json(&b, site_region_title(title, sizeof title,
					      c->regions[i]));
		sb_put(&b, ",\"type\":\"area\",\"area\":\"\",\"active\":true}");
	}
	sb_put(&b, "\n]\n");
	free(v);
	site_buf js = {0};
	sb_put(&js, "/* The search index for pages opened from disk (file://), "
		    "where search.json cannot be fetched. */\n"
		    "window.govmapSearchIndex = ");
	sb_putn(&js, b.s ? b.s : "[]", b.s ? b.n : 2);
	sb_put(&js, ";\n");
	int rc = site_write(c, "search.json", &b);
	rc |= site_write(c, "assets/search-index.js", &js);
	return rc;
}
