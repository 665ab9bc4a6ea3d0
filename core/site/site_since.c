/*
 * site_since.c - `govmap site --since DATE`: then and now.  What was
 * created, abolished, or changed in chain strength between DATE and the
 * site's date: changes/index.html (every change, by area), a page per
 * area with changes (the area's map on both dates side by side, and its
 * changes as sentences), a section on each changed body's page, and a
 * link from each area page.
 *
 * The comparison is the library's (compare.h: govmap_diff_sessions on
 * one source at two dates, govmap_diff_change); this file only words
 * it.  Registry text only through sb_esc(); must not change the model.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "site.h"

/* Up to this many bodies and boards in force on either date, an area's
 * then-and-now page draws its two maps. */
#define SITE_PAIR_BODIES 150

static const char *const change_heading[] = {
	[GOVMAP_CHANGE_CREATED] = "Created",
	[GOVMAP_CHANGE_ABOLISHED] = "Abolished",
	[GOVMAP_CHANGE_STRONGER] = "Chain to voters stronger",
	[GOVMAP_CHANGE_WEAKER] = "Chain to voters weaker",
	[GOVMAP_CHANGE_UNKNOWN] = "In force on one date only, dates not known",
};

/* The entry of entity i (same source on both sides: same index), and
 * its change. */
static govmap_change change_of(const site_ctx *c, size_t i,
			       const govmap_diff_entry **out)
{
	const govmap_entity *e = govmap_registry_at(c->s->reg, i);
	const govmap_diff_entry *d = govmap_diff_find(c->since, e->id);
	*out = d;
	return d ? govmap_diff_change(c->since, d) : GOVMAP_CHANGE_NONE;
}

/* One change as a sentence: "NAME (what it is) was created: in force
 * from 2022-07-01." */
static void sentence(site_buf *b, const site_ctx *c, const char *root,
		     size_t i, govmap_change ch, const govmap_diff_entry *d)
{
	const govmap_entity *e = govmap_registry_at(c->s->reg, i);
	site_link_body(b, c, root, (int32_t)i);
	sb_put(b, " (");
	sb_type(b, e->type);
	sb_put(b, ")");
	switch (ch) {
	case GOVMAP_CHANGE_CREATED:
		sb_put(b, " was created: ");
		site_period(b, e->valid, 0);
		sb_put(b, ".");
		break;
	case GOVMAP_CHANGE_ABOLISHED:
		sb_put(b, " was abolished: ");
		site_period(b, e->valid, 0);
		sb_put(b, ".");
		break;
	case GOVMAP_CHANGE_STRONGER:
	case GOVMAP_CHANGE_WEAKER:
		sb_putf(b, ": its chain to voters went from %s to %s "
			   "<span class=\"reason\">(A %.2f to %.2f)</span>.",
			govmap_strength_word(d->Aa), govmap_strength_word(d->Ab),
			d->Aa, d->Ab);
		break;
	case GOVMAP_CHANGE_UNKNOWN:
		sb_put(b, " is in force on one of the two dates only, but a "
			  "date of it is not recorded, so whether it was "
			  "created or abolished cannot be told.");
		break;
	default:
		break;
	}
}

/* "SINCE and ON", the two dates compared */
static void two_dates(site_buf *b, const site_ctx *c)
{
	sb_esc(b, c->since_date);
	sb_put(b, " and ");
	sb_esc(b, c->date);
}

static int in_area(const char *r, const char *region, int exact)
{
	if (exact)
		return region ? r && strcmp(r, region) == 0 : !r;
	return !region || govmap_region_in(r, region);
}

/* The changes of bodies and boards in `region` (NULL: all; with
 * `exact`, in that region itself and not below it, NULL: those with no
 * region), grouped by kind of change, as lists when b is not NULL;
 * returns how many. */
static size_t changes_list(site_buf *b, const site_ctx *c, const char *root,
			   const char *region, int exact)
{
	size_t n = govmap_registry_count(c->s->reg), total = 0;
	for (int k = GOVMAP_CHANGE_CREATED; k <= GOVMAP_CHANGE_UNKNOWN; k++) {
		size_t shown = 0;
		for (size_t i = 0; i < n; i++) {
			const govmap_entity *e = govmap_registry_at(c->s->reg, i);
			const govmap_diff_entry *d;
			if ((e->kind != GOVMAP_KIND_BODY &&
			     e->kind != GOVMAP_KIND_BOARD) ||
			    !in_area(site_entity_region(c, i), region, exact) ||
			    change_of(c, i, &d) != (govmap_change)k)
				continue;
			if (b && !shown) {
				sb_put(b, "<h3>");
				sb_put(b, change_heading[k]);
				sb_put(b, "</h3>\n<ul class=\"changes links-said\">\n");
			}
			shown++;
			if (b) {
				sb_put(b, "<li>");
				sentence(b, c, root, i, (govmap_change)k, d);
				sb_put(b, "</li>\n");
			}
		}
		if (b && shown)
			sb_put(b, "</ul>\n");
		total += shown;
	}
	return total;
}

static void page_path(char *buf, size_t size, const char *region)
{
	char file[256];
	site_file_name(file, sizeof file, region);
	snprintf(buf, size, file[0] ? "changes/%s.html" : "", file);
}

void site_since_region_link(site_buf *b, const site_ctx *c, const char *r)
{
	char path[300];
	if (!c->since || !changes_list(NULL, c, "../", r, 0))
		return;
	page_path(path, sizeof path, r);
	if (!path[0])
		return;
	sb_put(b, "<p class=\"then-now-link\"><a href=\"../");
	sb_esc(b, path);
	sb_put(b, "\">What changed here between ");
	two_dates(b, c);
	sb_put(b, ", with the two maps side by side</a></p>\n");
}

void site_since_body(site_buf *b, const site_ctx *c, size_t i)
{
	const govmap_diff_entry *d;
	if (!c->since)
		return;
	govmap_change ch = change_of(c, i, &d);
	sb_put(b, "<h2 id=\"then-and-now\">Then and now</h2>\n<p>");
	if (ch == GOVMAP_CHANGE_NONE) {
		sb_put(b, "No change between ");
		sb_esc(b, c->since_date);
		sb_put(b, " and ");
		sb_esc(b, c->date);
		sb_put(b, d && d->act_a && d->act_b
				  ? ": its chain to voters is as strong on both "
				    "dates.</p>\n"
				  : ": it is in force on neither date.</p>\n");
		return;
	}
	sb_put(b, "Between ");
	two_dates(b, c);
	sb_put(b, ": ");
	sentence(b, c, "../", i, ch, d);
	sb_put(b, "</p>\n");
}

static int region_page(site_ctx *c, const char *r)
{
	char path[300], title[256], t1[300], t2[300];
	page_path(path, sizeof path, r);
	if (!path[0])
		return 0;
	site_region_title(title, sizeof title, r);
	site_buf b = {0};
	snprintf(t1, sizeof t1, "%s: then and now", title);
	site_page_begin(&b, c, "../", t1, NULL);
	sb_put(&b, "<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\"><ol>\n"
		   "<li><a href=\"../index.html\">Overview</a></li>\n"
		   "<li><a href=\"index.html\">Then and now</a></li>\n<li>");
	site_link_region(&b, "../", r, title);
	sb_put(&b, "</li>\n</ol></nav>\n<h1>");
	sb_esc(&b, title);
	sb_put(&b, ": then and now</h1>\n<p class=\"lede\">What was created, "
		   "abolished, or changed in the strength of its chain to voters "
		   "between ");
	two_dates(&b, c);
	sb_put(&b, ".</p>\n<h2>The two maps</h2>\n");
	/* two maps of a whole nation or NHS region would take minutes to
	 * lay out and could not be read: those pairs are on the pages of
	 * the areas within it */
	site_totals now_t;
	site_totals_of(c, r, &now_t);
	govmap_report *rep = NULL;
	govmap_report_opts ro = {r, SITE_WEAK};
	size_t then_bodies = 0;
	if (govmap_report_build(&rep, c->then->an, NULL, &ro) == GOVMAP_OK)
		then_bodies = govmap_report_get_totals(rep)->bodies;
	govmap_report_free(rep);
	if (now_t.bodies > SITE_PAIR_BODIES || then_bodies > SITE_PAIR_BODIES) {
		sb_putf(&b, "<p>This area had %zu bodies and boards in force "
			    "then and has %zu now: too many for two maps side "
			    "by side. The pages of the areas within it, listed "
			    "on <a href=\"index.html\">Then and now</a>, put "
			    "their maps side by side.</p>\n",
			then_bodies, now_t.bodies);
	} else {
	sb_put(&b, "<div class=\"map-pair\">\n");
	for (int side = 0; side < 2; side++) {
		const char *date = side ? c->date : c->since_date;
		char caption[300], summary[400], mtitle[700];
		snprintf(caption, sizeof caption, "%s on %s", title, date);
		snprintf(summary, sizeof summary,
			 "The bodies and boards of %s in force on %s, and who "
			 "they answered to.", title, date);
		/* each map titled with its own side's date (the then-side's
		 * session title says its date; the site's says today's) */
		snprintf(mtitle, sizeof mtitle, "%s: %s",
			 side || !c->then->title ? c->s->title
						 : c->then->title,
			 title);
		govmap_map_opts o = {0};
		o.region = r;
		o.title = mtitle;
		o.collapse = 12;
		o.link_base = "../bodies/";
		o.findings = side ? c->s->findings : c->then->findings;
		o.type_colour = cli_plugin_colour;
		o.colour_payload = c->cli->plugins;
		/* each map's printable copy beside the page:
		 * changes/<file>.then-map-a4.pdf and .now-map-a4.pdf */
		char pdf[340];
		snprintf(pdf, sizeof pdf, "%.*s.%s-map-a4.pdf",
			 (int)(strlen(path) - strlen(".html")), path,
			 side ? "now" : "then");
		site_print_at pr = {pdf, date};
		site_map_figure_at(&b, c, "../", side ? c->s->an : c->then->an,
				   side ? "now" : "then", &o, caption, summary,
				   "changes", &pr);
	}
	sb_put(&b, "</div>\n");
	}
	sb_put(&b, "<h2 id=\"changes\" tabindex=\"-1\">What changed</h2>\n");
	changes_list(&b, c, "../", r, 0);
	site_page_end(&b, c, "../");
	snprintf(t2, sizeof t2, "%s", path);
	return site_write(c, t2, &b);
}

int site_write_since(site_ctx *c)
{
	if (!c->since)
		return 0;
	site_buf b = {0};
	site_page_begin(&b, c, "../", "Then and now", NULL);
	sb_put(&b, "<h1>Then and now</h1>\n<p class=\"lede\">Bodies and boards "
		   "created, abolished, or whose chain to voters got stronger or "
		   "weaker between ");
	two_dates(&b, c);
	sb_put(&b, ", area by area. Each area's page puts its map on both "
		   "dates side by side.</p>\n");
	int rc = 0;
	for (size_t k = 0; k < c->nregions; k++) {
		const char *r = c->regions[k];
		size_t n = changes_list(NULL, c, "../", r, 0);
		if (!n)
			continue;
		char title[256], path[300];
		site_region_title(title, sizeof title, r);
		page_path(path, sizeof path, r);
		int depth = 0;
		for (const char *p = r; *p; p++)
			depth += *p == '/';
		/* a heading per area with its count (areas within it
		 * included), then the changes of the area itself */
		sb_putf(&b, "<h2 class=\"depth-%d\">", depth > 3 ? 3 : depth);
		if (path[0]) {
			sb_put(&b, "<a href=\"../");
			sb_esc(&b, path);
			sb_put(&b, "\">");
			sb_esc(&b, title);
			sb_put(&b, "</a>");
		} else {
			sb_esc(&b, title);
		}
		sb_putf(&b, " <span class=\"count\">(%zu change%s, areas within "
			    "it included)</span></h2>\n", n, n == 1 ? "" : "s");
		changes_list(&b, c, "../", r, 1);
		rc |= region_page(c, r);
		if (c->failed)
			break;
	}
	if (changes_list(NULL, c, "../", NULL, 1)) {
		sb_put(&b, "<h2>Bodies with no area recorded</h2>\n");
		changes_list(&b, c, "../", NULL, 1);
	}
	if (!changes_list(NULL, c, "../", NULL, 0))
		sb_put(&b, "<p>No body or board was created or abolished, and no "
			   "chain to voters changed.</p>\n");
	site_page_end(&b, c, "../");
	rc |= site_write(c, "changes/index.html", &b);
	return rc;
}
