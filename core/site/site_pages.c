/*
 * site_pages.c - what every page of the site shares: the frame (doctype,
 * Content-Security-Policy, landmarks, navigation, search form, footer),
 * links to other pages, headline figures, the ranked table, findings
 * lists and map figures.
 *
 * Registry text goes through sb_esc() only; links are built from ids and
 * region paths that pass site_id_ok()/site_region_ok().  Must not write
 * files (cmd_site.c does) or change the model.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#include "govmap/map.h"
#include "govmap/pluginhost.h"
#include "govmap/report.h"
#include "site.h"
#include "../cli/cli_print.h"

/* ---- regions and totals ---- */

const char *site_entity_region(const site_ctx *c, size_t i)
{
	return govmap_entity_region(c->s->reg, govmap_registry_at(c->s->reg, i));
}

int32_t site_finding_body(const site_ctx *c, const govmap_finding *f)
{
	if (f->entity < 0)
		return -1;
	const govmap_entity *e = govmap_registry_at(c->s->reg, (size_t)f->entity);
	if (e->kind == GOVMAP_KIND_BODY || e->kind == GOVMAP_KIND_BOARD)
		return f->entity;
	if (e->kind == GOVMAP_KIND_LINK)
		return e->from.target;
	if (e->kind == GOVMAP_KIND_CONTRACT)
		return e->commissioner.target;
	return -1;
}

const char *site_finding_region(const site_ctx *c, const govmap_finding *f)
{
	int32_t t = site_finding_body(c, f);
	const char *r = t >= 0 ? site_entity_region(c, (size_t)t) : NULL;
	return r ? r : "";
}

/* The totals are the library's (govmap/report.h), as `govmap report`
 * gives them. */
void site_totals_of(const site_ctx *c, const char *region, site_totals *t)
{
	memset(t, 0, sizeof(*t));
	govmap_report *r = NULL;
	govmap_report_opts o = {region, SITE_WEAK};
	if (govmap_report_build(&r, c->s->an, c->s->findings, &o) != GOVMAP_OK)
		return;
	const govmap_report_totals *x = govmap_report_get_totals(r);
	t->bodies = x->bodies;
	t->weak = x->weak;
	t->nochain = x->nochain;
	t->with_money = x->with_money;
	t->money = x->money;
	t->weak_money = x->weak_money;
	t->exposure = x->exposure;
	t->weak_with_money = x->weak_with_money;
	t->undated = x->dates_unknown;
	govmap_report_coverage_text(x, t->coverage, sizeof t->coverage);
	govmap_report_weak_text(x, t->weak_coverage, sizeof t->weak_coverage);
	int32_t fy = govmap_fyear_of(govmap_analysis_date(c->s->an));
	govmap_fyear_format(t->year, sizeof t->year, fy);
	govmap_report_years_text(x, fy, t->years, sizeof t->years);
	govmap_report_free(r);
}

const char *site_region_title(char *buf, size_t size, const char *region)
{
	govmap_region_title(buf, size, region);
	return buf;
}

/* ---- the frame ---- */

void site_page_begin(site_buf *b, const site_ctx *c, const char *root,
		     const char *title, const char *section)
{
	static const struct {
		const char *id, *href, *label;
	} nav[] = {{"home", "index.html", "Overview"},
		   {"councils", "councils/index.html", "Your council"},
		   {"bodies", "bodies/index.html", "Bodies A to Z"},
		   {"rules", "rules/index.html", "Rules"},
		   {"glossary", "glossary.html", "Glossary"}};
	sb_put(b, "<!DOCTYPE html>\n<html lang=\"en-GB\" data-root=\"");
	sb_esc(b, root);
	sb_put(b, "\">\n<head>\n<meta charset=\"utf-8\">\n"
		  "<meta name=\"viewport\" content=\"width=device-width, "
		  "initial-scale=1\">\n"
		  "<meta http-equiv=\"Content-Security-Policy\" content=\""
		  "default-src 'none'; script-src 'self'; style-src 'self'; "
		  "img-src 'self'; connect-src 'self'; base-uri 'none'; "
		  "form-action 'self'\">\n"
		  "<meta name=\"referrer\" content=\"no-referrer\">\n<title>");
	sb_esc(b, title);
	sb_put(b, " - govmap</title>\n<link rel=\"stylesheet\" href=\"");
	sb_esc(b, root);
	sb_put(b, "assets/site.css\">\n<link rel=\"icon\" href=\"");
	sb_esc(b, root);
	sb_put(b, "assets/favicon.svg\" type=\"image/svg+xml\">\n"
		  "<script src=\"");
	sb_esc(b, root);
	sb_put(b, "assets/svg-pan-zoom.js\" defer></script>\n<script src=\"");
	sb_esc(b, root);
	sb_put(b, "assets/site.js\" defer></script>\n</head>\n<body>\n"
		  "<a class=\"skip-link\" href=\"#main\">Skip to the main "
		  "content</a>\n"
		  "<header class=\"site-header\">\n<div class=\"wrap\">\n"
		  "<p class=\"site-name\"><a href=\"");
	sb_esc(b, root);
	sb_put(b, "index.html\">govmap</a> <span>who answers to whom in UK "
		  "health and care</span></p>\n"
		  "<nav class=\"site-nav\" aria-label=\"Site\">\n<ul>\n");
	for (size_t i = 0; i < sizeof nav / sizeof *nav; i++) {
		sb_put(b, "<li><a href=\"");
		sb_esc(b, root);
		sb_put(b, nav[i].href);
		sb_put(b, "\"");
		if (section && strcmp(section, nav[i].id) == 0)
			sb_put(b, " aria-current=\"page\"");
		sb_put(b, ">");
		sb_put(b, nav[i].label);
		sb_put(b, "</a></li>\n");
	}
	sb_put(b, "</ul>\n</nav>\n"
		  "<form class=\"search\" role=\"search\" action=\"");
	sb_esc(b, root);
	sb_put(b, "bodies/index.html\" method=\"get\">\n"
		  "<label for=\"site-search\">Find a body by name</label>\n"
		  "<div class=\"search-row\"><input id=\"site-search\" "
		  "name=\"q\" type=\"search\" autocomplete=\"off\" "
		  "spellcheck=\"false\" aria-describedby=\"site-search-status\" "
		  "aria-controls=\"site-search-results\">"
		  "<button type=\"submit\">Search</button></div>\n"
		  "<p id=\"site-search-status\" class=\"search-status\" "
		  "aria-live=\"polite\"></p>\n"
		  "<ul id=\"site-search-results\" class=\"search-results\" "
		  "hidden></ul>\n</form>\n</div>\n</header>\n"
		  "<main id=\"main\" class=\"wrap\" tabindex=\"-1\">\n");
	(void)c;
}

void site_page_end(site_buf *b, const site_ctx *c, const char *root)
{
	sb_put(b, "</main>\n<footer class=\"site-footer\">\n<div class=\"wrap\">"
		  "\n<p>");
	sb_esc(b, c->s->title);
	sb_put(b, ". Every score and finding comes from the registry and "
		  "cites a source; see a body's page for its sources.</p>\n"
		  "<p>Made by <a href=\"");
	sb_esc(b, root);
	sb_put(b, "glossary.html#govmap\">govmap</a> ");
	sb_esc(b, GOVMAP_VERSION);
	sb_put(b, ". To print for a committee paper, use the browser's "
		  "Print command (A4 or A3); links are printed with their "
		  "addresses.</p>\n</div>\n</footer>\n</body>\n</html>\n");
}

/* ---- links ---- */

void site_link_body(site_buf *b, const site_ctx *c, const char *root,
		    int32_t i)
{
	if (i < 0) {
		sb_put(b, "(unknown)");
		return;
	}
	const govmap_entity *e = govmap_registry_at(c->s->reg, (size_t)i);
	const char *name = e->name ? e->name : e->id;
	if ((e->kind == GOVMAP_KIND_BODY || e->kind == GOVMAP_KIND_BOARD) &&
	    site_id_ok(e->id)) {
		sb_put(b, "<a href=\"");
		sb_esc(b, root);
		sb_put(b, "bodies/");
		sb_esc(b, e->id);
		sb_put(b, ".html\">");
		sb_esc(b, name);
		sb_put(b, "</a>");
	} else {
		sb_esc(b, name);
	}
}

void site_link_region(site_buf *b, const char *root, const char *region,
		      const char *text)
{
	char file[256];
	site_file_name(file, sizeof file, region);
	if (!file[0]) {
		sb_esc(b, text ? text : region);
		return;
	}
	sb_put(b, "<a href=\"");
	sb_esc(b, root);
	sb_put(b, "regions/");
	sb_esc(b, file);
	sb_put(b, ".html\">");
	sb_esc(b, text ? text : region);
	sb_put(b, "</a>");
}

static int rule_has_page(const site_ctx *c, const char *rule)
{
	for (size_t i = 0; i < c->nrules; i++)
		if (strcmp(c->rules[i]->id, rule) == 0)
			return 1;
	return 0;
}

void site_link_rule_title(site_buf *b, const site_ctx *c, const char *root,
			  const char *rule, const char *title)
{
	char file[256];
	site_file_name(file, sizeof file, rule);
	if (!file[0] || !rule_has_page(c, rule)) {
		sb_esc_cap(b, title);
		return;
	}
	sb_put(b, "<a href=\"");
	sb_esc(b, root);
	sb_put(b, "rules/");
	sb_esc(b, file);
	sb_put(b, ".html\">");
	sb_esc_cap(b, title);
	sb_put(b, "</a>");
}

void site_msg(site_buf *b, const site_ctx *c, const char *root,
	      const char *msg)
{
	/* a rule's message names entities by id ("ICB 'x-icb' spans ..."):
	 * each id of a body or board (govmap_msg_next) becomes its name,
	 * linked, and loses its quotes; the rest is escaped as it is */
	const char *cur = msg;
	govmap_msg_span sp;
	while (govmap_msg_next(c->s->reg, &cur, &sp)) {
		if (sp.entity >= 0) {
			site_link_body(b, c, root, sp.entity);
			continue;
		}
		char *seg = strndup(sp.text, sp.len);
		if (!seg) {
			b->oom = 1;
			return;
		}
		sb_esc(b, seg);
		free(seg);
	}
}

/* ---- figures and tables ---- */

static void money(site_buf *b, double v)
{
	char m[32];
	govmap_money_format(m, sizeof m, v);
	sb_esc(b, m);
}

void site_headlines(site_buf *b, const site_totals *t)
{
	/* money is summed where known and always shown with its coverage:
	 * an unknown figure is never counted as £0 */
	sb_put(b, "<dl class=\"headlines\">\n<div><dt>Public money in ");
	sb_esc(b, t->year);
	sb_put(b, " (where known)</dt><dd>");
	if (t->with_money)
		money(b, t->money);
	else
		sb_put(b, "not recorded");
	sb_put(b, "</dd><dd class=\"note\">");
	sb_esc(b, t->coverage);
	sb_put(b, "</dd></div>\n");
	sb_put(b, "<div><dt>Decided by bodies whose best chain to voters is "
		  "weaker than 0.25</dt><dd>");
	if (t->weak_with_money)
		money(b, t->weak_money);
	else
		sb_put(b, "not recorded");
	sb_putf(b, "</dd><dd class=\"note\">%zu bodies; ", t->weak);
	sb_esc(b, t->weak_coverage);
	sb_put(b, "</dd></div>\n");
	sb_putf(b, "<div><dt>Bodies with no chain to voters at all</dt>"
		   "<dd>%zu</dd><dd class=\"note\">of %zu in force</dd></div>\n",
		t->nochain, t->bodies);
	sb_put(b, "<div><dt>Exposure (deficit &times; money)</dt><dd>");
	if (t->with_money)
		money(b, t->exposure);
	else
		sb_put(b, "not known");
	sb_putf(b, "</dd><dd class=\"note\">a year, of the known figures "
		   "(%zu of %zu bodies)</dd></div>\n</dl>\n",
		t->with_money, t->bodies);
	if (*t->years) {
		/* a new financial year finds few figures: say where they
		 * are, and that they are not this year's */
		sb_put(b, "<p class=\"note years\">Money for other years: ");
		sb_esc(b, t->years);
		sb_put(b, ". Those figures are not counted here: this page "
			  "shows money for ");
		sb_esc(b, t->year);
		sb_put(b, " only (whoever builds the site can show each "
			  "body's nearest year instead, marked as such, with "
			  "govmap's <code>--nearest-year</code>).</p>\n");
	}
	if (t->undated)
		sb_putf(b, "<p class=\"note\">%zu %s whose dates are not known "
			   "%s not counted in force.</p>\n",
			t->undated,
			t->undated == 1 ? "body or board" : "bodies or boards",
			t->undated == 1 ? "is" : "are");
}

static int band(double d)
{
	int k = (int)(d * 5.0);
	return k < 0 ? 0 : k > 4 ? 4 : k;
}

/* ---- tables ---- */

void sb_type(site_buf *b, const char *type)
{
	char t[128];
	sb_esc(b, govmap_type_words(t, sizeof t, type));
}

void site_table_begin(site_buf *b, const char *id, const char *cls,
		      const char *caption, const char *const *cols)
{
	sb_put(b, "<div class=\"table-wrap\"");
	if (id) {
		sb_put(b, " id=\"");
		sb_esc(b, id);
		sb_put(b, "\" tabindex=\"-1\"");
	}
	sb_put(b, ">\n<table class=\"");
	sb_esc(b, cls);
	sb_put(b, "\">\n<caption>");
	sb_put(b, caption);
	sb_put(b, "</caption>\n<thead><tr>");
	for (const char *const *col = cols; *col; col++) {
		int num = (*col)[0] == '=';
		sb_put(b, num ? "<th scope=\"col\" class=\"num\">"
			      : "<th scope=\"col\">");
		sb_put(b, *col + num);
		sb_put(b, "</th>");
	}
	sb_put(b, "</tr></thead>\n<tbody>\n");
}

void site_table_end(site_buf *b)
{
	sb_put(b, "</tbody>\n</table>\n</div>\n");
}

void site_td(site_buf *b, const char *label, const char *cls)
{
	sb_put(b, "<td");
	if (cls) {
		sb_put(b, " class=\"");
		sb_put(b, cls);
		sb_put(b, "\"");
	}
	/* the column's name, shown before the value where a phone lays
	 * each row out as a card */
	sb_put(b, " data-label=\"");
	sb_put(b, label);
	sb_put(b, "\">");
}

void site_body_cells(site_buf *b, const site_ctx *c, const char *root,
		     size_t i, unsigned cols)
{
	const govmap_entity *e = govmap_registry_at(c->s->reg, i);
	const govmap_score *sc = govmap_analysis_score(c->s->an, i);
	sb_put(b, "<th scope=\"row\">");
	site_link_body(b, c, root, (int32_t)i);
	sb_put(b, "</th>");
	if (cols & SITE_COL_TYPE) {
		site_td(b, "What it is", NULL);
		sb_type(b, e->type);
		sb_put(b, "</td>");
	}
	if (cols & SITE_COL_AREA) {
		const char *r = site_entity_region(c, i);
		site_td(b, "Area", NULL);
		if (r && site_region_ok(r)) {
			char title[256];
			site_region_title(title, sizeof title, r);
			site_link_region(b, root, r, title);
		} else {
			sb_put(b, "none recorded");
		}
		sb_put(b, "</td>");
	}
	if (!sc->active || sc->electorate) {
		site_td(b, "Chain to voters", NULL);
		sb_put(b, !sc->active ? "not in force on this date"
				      : "voters: where chains end");
		sb_put(b, "</td>");
		site_td(b, "Deficit", "num");
		sb_put(b, "&ndash;</td>");
	} else {
		/* the word first, its reason, then the number behind it */
		char at[48], why[300];
		site_td(b, "Chain to voters", NULL);
		sb_put(b, "<strong class=\"band-word\">");
		sb_put(b, sc->next < 0 ? "none" : govmap_strength_word(sc->A));
		sb_put(b, "</strong> <span class=\"reason\">");
		sb_esc(b, govmap_analysis_reason(c->s->an, i, why, sizeof why));
		sb_put(b, " (A ");
		sb_esc(b, govmap_score_A_text(sc, 2, at, sizeof at));
		sb_put(b, ")</span></td>");
		site_td(b, "Deficit", "num deficit");
		sb_putf(b, "<span class=\"band band-%d\" aria-hidden=\"true\">"
			   "</span>%.2f</td>",
			band(sc->D), sc->D);
	}
	if (cols & SITE_COL_MONEY) {
		char mt[160];
		if (sc->money >= 0) {
			site_td(b, "Public money a year", "num");
			sb_esc(b, govmap_score_money_text(sc, mt, sizeof mt));
		} else {
			site_td(b, "Public money a year", "num unknown");
			sb_put(b, "not recorded");
		}
		sb_put(b, "</td>");
	}
	if (cols & SITE_COL_EXPOSURE) {
		site_td(b, "Exposure", "num");
		if (sc->money >= 0)
			money(b, sc->exposure);
		else
			sb_put(b, "unknown");
		sb_put(b, "</td>");
	}
}

void site_rank_table(site_buf *b, const site_ctx *c, const char *root,
		     const char *region, size_t top, const char *caption_id,
		     const char *caption)
{
	/* a ranking by exposure holds known figures only: a body with no
	 * money recorded is in site_unpriced_table(), never ranked at £0 */
	static const char *const cols[] = {
		"=Rank", "Body or board", "What it is",
		"Chain to voters, in words, and why", "=Deficit",
		"=Public money a year", "=Exposure", NULL};
	size_t shown = 0, total = 0;
	for (size_t k = 0; k < c->nranked; k++)
		if ((!region ||
		     govmap_region_in(site_entity_region(c, c->ranked[k]), region)) &&
		    govmap_analysis_score(c->s->an, c->ranked[k])->money >= 0)
			total++;
	site_buf cap = {0};
	sb_esc(&cap, caption);
	if (top && total > top)
		sb_putf(&cap, " (the top %zu of %zu)", top, total);
	site_table_begin(b, caption_id, "ranked cards", cap.s ? cap.s : "",
			 cols);
	sb_free(&cap);
	for (size_t k = 0; k < c->nranked && (!top || shown < top); k++) {
		size_t i = c->ranked[k];
		if (region && !govmap_region_in(site_entity_region(c, i), region))
			continue;
		if (govmap_analysis_score(c->s->an, i)->money < 0)
			continue;
		shown++;
		sb_putf(b, "<tr><td class=\"num rank\">%zu</td>", shown);
		site_body_cells(b, c, root, i,
				SITE_COL_TYPE | SITE_COL_MONEY |
					SITE_COL_EXPOSURE);
		sb_put(b, "</tr>\n");
	}
	if (!shown)
		sb_put(b, "<tr><td colspan=\"7\">No body or board here has a "
			  "money figure recorded for this date's financial "
			  "year.</td></tr>\n");
	site_table_end(b);
}

void site_robustness(site_buf *b, const site_ctx *c, const char *region,
		     govmap_ranking which, size_t shown)
{
	govmap_report *r = NULL;
	govmap_report_opts o = {region, SITE_WEAK};
	if (govmap_report_build(&r, c->s->an, NULL, &o) != GOVMAP_OK ||
	    govmap_report_sensitivity_of(
		    r, (const govmap_analysis *const *)c->variants,
		    c->nvariants) != GOVMAP_OK) {
		govmap_report_free(r);
		b->oom = 1;
		return;
	}
	size_t n;
	govmap_report_ranks(r, which, &n);
	if (!shown || shown > n)
		shown = n;
	if (shown > 1) {
		int robust = govmap_report_robust(r, which, shown);
		sb_putf(b, "<p class=\"note robustness\">%s: under the %zu "
			   "documented variations of the model (each weight "
			   "up and down by a quarter; a chain as strong as its "
			   "weakest link)%s, %s.</p>\n",
			robust ? "Robust" : "Depends on the weights",
			c->nvariants,
			govmap_registry_weights(c->s->reg)
				? " around the non-default weights set in "
				  "govmap.yaml"
				: "",
			robust ? "no body in this ranking moves more than one "
				 "place"
			       : "some bodies in this ranking move more than "
				 "one place (govmap report --sensitivity gives "
				 "each body's range)");
	}
	govmap_report_free(r);
}

void site_unpriced_table(site_buf *b, const site_ctx *c, const char *root,
			 const char *region, size_t top,
			 const char *caption_id)
{
	static const char *const cols[] = {
		"=Rank", "Body or board", "What it is",
		"Chain to voters, in words, and why", "=Deficit",
		"=Public money a year", NULL};
	govmap_report *r = NULL;
	govmap_report_opts o = {region, SITE_WEAK};
	if (govmap_report_build(&r, c->s->an, c->s->findings, &o) != GOVMAP_OK) {
		b->oom = 1;
		return;
	}
	size_t n;
	const size_t *v = govmap_report_unpriced(r, &n);
	site_buf cap = {0};
	sb_put(&cap, "Bodies and boards whose best chain to voters is weaker "
		     "than 0.25 and whose money is not recorded for this "
		     "date's year, by deficit");
	if (top && n > top)
		sb_putf(&cap, " (the top %zu of %zu)", top, n);
	site_table_begin(b, caption_id, "ranked unpriced cards",
			 cap.s ? cap.s : "", cols);
	sb_free(&cap);
	size_t shown = 0;
	for (size_t k = 0; k < n && (!top || shown < top); k++) {
		shown++;
		sb_putf(b, "<tr><td class=\"num rank\">%zu</td>", shown);
		site_body_cells(b, c, root, v[k],
				SITE_COL_TYPE | SITE_COL_MONEY);
		sb_put(b, "</tr>\n");
	}
	if (!shown)
		sb_put(b, "<tr><td colspan=\"6\">None.</td></tr>\n");
	site_table_end(b);
	govmap_report_free(r);
}

static const char *sev_word(govmap_severity s)
{
	return s == GOVMAP_SEV_ERROR ? "Error"
	       : s == GOVMAP_SEV_WARNING ? "Warning"
					 : "Info";
}

static int by_rule(const void *x, const void *y, void *ctx)
{
	const site_ctx *sort_ctx = ctx;
	const govmap_finding *a = &sort_ctx->s->findings->v[*(const size_t *)x];
	const govmap_finding *b = &sort_ctx->s->findings->v[*(const size_t *)y];
	int r = strcmp(a->rule, b->rule);
	if (r)
		return r;
	return *(const size_t *)x < *(const size_t *)y ? -1 : 1;
}

static const govmap_rule_info *rule_info(const site_ctx *c, const char *id)
{
	for (size_t i = 0; i < c->nrules; i++)
		if (strcmp(c->rules[i]->id, id) == 0)
			return c->rules[i];
	return NULL;
}

static void finding_item(site_buf *b, const site_ctx *c, const char *root,
			 const govmap_finding *f, int show_body)
{
	sb_putf(b, "<li><span class=\"sev sev-%s\">%s</span> ",
		govmap_severity_name(f->sev), sev_word(f->sev));
	site_msg(b, c, root, f->msg);
	int32_t body = site_finding_body(c, f);
	if (f->entity >= 0) {
		const govmap_entity *e =
			govmap_registry_at(c->s->reg, (size_t)f->entity);
		int other = body != f->entity;
		if ((show_body && body >= 0) || other)
			sb_put(b, " <span class=\"about\">(");
		if (show_body && body >= 0) {
			site_link_body(b, c, root, body);
			sb_put(b, other ? ": " : "");
		}
		/* a link or a contract said in words, not by its id */
		if (other && e->kind == GOVMAP_KIND_LINK) {
			sb_put(b, "its link to ");
			site_link_body(b, c, root, e->to.target);
		} else if (other && e->kind == GOVMAP_KIND_CONTRACT) {
			sb_put(b, "a contract with ");
			site_link_body(b, c, root, e->provider.target);
		} else if (other) {
			sb_put(b, govmap_kind_name(e->kind));
		}
		if ((show_body && body >= 0) || other)
			sb_put(b, ")</span>");
	}
	if (f->suppressed) {
		sb_put(b, "<br><span class=\"reason\">Accepted as an exception "
			  "because: ");
		sb_esc(b, f->suppressed);
		sb_put(b, "</span>");
	}
	sb_put(b, "</li>\n");
}

size_t site_findings(site_buf *b, const site_ctx *c, const char *root,
		     int (*want)(const site_ctx *, const govmap_finding *,
				 const void *),
		     const void *arg, int show_body, const char *htag)
{
	const govmap_findings *fs = c->s->findings;
	size_t *idx = malloc((fs->n ? fs->n : 1) * sizeof(*idx)), n = 0, nsup = 0;
	if (!idx) {
		b->oom = 1;
		return 0;
	}
	for (size_t k = 0; k < fs->n; k++)
		if (!want || want(c, &fs->v[k], arg)) {
			idx[n++] = k;
			nsup += fs->v[k].suppressed != NULL;
		}
	govmap_sort(idx, n, sizeof(*idx), by_rule, (void *)c);
	size_t ncov = 0;
	for (size_t k = 0; k < n; k++)
		ncov += !fs->v[idx[k]].suppressed &&
			fs->v[idx[k]].category == GOVMAP_CAT_COVERAGE;
	if (n == nsup)
		sb_put(b, "<p>No findings.</p>\n");
	else if (n == nsup + ncov)
		sb_put(b, "<p>No findings about the structure: only gaps in "
			  "the registry, below.</p>\n");
	/* deficit (and data) findings first; coverage findings apart: a
	 * gap in the registry is not a failing of the body */
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1 && ncov) {
			sb_put(b, "<div class=\"coverage\">\n<");
			sb_put(b, htag);
			sb_put(b, ">Gaps in the registry (coverage findings)</");
			sb_put(b, htag);
			sb_put(b, ">\n<p class=\"note\">What the registry does "
				  "not record yet. These are not failings of "
				  "the bodies and do not count in the headline "
				  "figures.</p>\n");
		}
		const char *last = NULL;
		for (size_t k = 0; k < n; k++) {
			const govmap_finding *f = &fs->v[idx[k]];
			if (f->suppressed ||
			    (f->category == GOVMAP_CAT_COVERAGE) != pass)
				continue;
			if (!last || strcmp(last, f->rule) != 0) {
				if (last)
					sb_put(b, "</ul>\n</div>\n");
				const govmap_rule_info *ri = rule_info(c, f->rule);
				sb_put(b, "<div class=\"rule-group\">\n<");
				sb_put(b, pass ? "p class=\"rule-title\"" : htag);
				sb_put(b, ">");
				site_link_rule_title(b, c, root, f->rule,
						     ri && ri->title ? ri->title
								     : f->rule);
				sb_put(b, "</");
				sb_put(b, pass ? "p" : htag);
				sb_put(b, ">\n");
				const char *basis = f->basis ? f->basis
						    : ri ? ri->basis : NULL;
				if (basis) {
					sb_put(b, "<p class=\"basis\">Basis: ");
					sb_esc(b, basis);
					sb_put(b, "</p>\n");
				}
				sb_put(b, "<ul class=\"findings\">\n");
				last = f->rule;
			}
			finding_item(b, c, root, f, show_body);
		}
		if (last)
			sb_put(b, "</ul>\n</div>\n");
		if (pass == 1 && ncov)
			sb_put(b, "</div>\n");
	}
	if (nsup) {
		sb_put(b, "<div class=\"rule-group suppressed\">\n<");
		sb_put(b, htag);
		sb_put(b, ">Reviewed exceptions (suppressed findings)</");
		sb_put(b, htag);
		sb_put(b, ">\n<ul class=\"findings\">\n");
		for (size_t k = 0; k < n; k++) {
			const govmap_finding *f = &fs->v[idx[k]];
			if (!f->suppressed)
				continue;
			const govmap_rule_info *ri = rule_info(c, f->rule);
			sb_put(b, "<li>");
			site_link_rule_title(b, c, root, f->rule,
					     ri && ri->title ? ri->title
							     : f->rule);
			sb_put(b, "<ul>");
			finding_item(b, c, root, f, show_body);
			sb_put(b, "</ul></li>\n");
		}
		sb_put(b, "</ul>\n</div>\n");
	}
	free(idx);
	return n;
}

/* ---- maps ---- */

static int region_known(const site_ctx *c, const char *r)
{
	for (size_t i = 0; i < c->nregions; i++)
		if (strcmp(c->regions[i], r) == 0)
			return 1;
	return 0;
}

/* The map's JSON form names each drawn node, its kind and region: nodes
 * that stand for a footprint or a group link to that region's page.
 * Values are JSON strings, in which '"' is always escaped, so the key
 * patterns cannot occur inside a value.  No link to the page itself
 * (`self`, the map's region). */
static size_t node_links(const site_ctx *c, const char *root,
			 const char *self, const char *json,
			 site_node_link **out)
{
	size_t n = 0, cap = 0;
	*out = NULL;
	for (const char *p = json; (p = strstr(p, "{\"node\":\"n")) != NULL;) {
		p += 9;
		const char *q = strchr(p, '"');
		if (!q || q - p >= 15)
			break;
		char node[16];
		memcpy(node, p, (size_t)(q - p));
		node[q - p] = '\0';
		const char *kind = strstr(q, "\"kind\":\"");
		const char *reg = strstr(q, "\"region\":\"");
		const char *next = strstr(q, "{\"node\":\"n");
		if (!kind || !reg || (next && reg > next))
			continue;
		kind += 8;
		reg += 10;
		if (strncmp(kind, "footprint\"", 10) != 0 &&
		    strncmp(kind, "summary\"", 8) != 0)
			continue;
		const char *re = strchr(reg, '"');
		char region[256], file[256];
		if (!re || re - reg >= (long)sizeof region)
			continue;
		memcpy(region, reg, (size_t)(re - reg));
		region[re - reg] = '\0';
		if (!region_known(c, region) ||
		    (self && strcmp(region, self) == 0) ||
		    !site_file_name(file, sizeof file, region)[0])
			continue;
		if (n == cap) {
			size_t nc = cap ? 2 * cap : 16;
			site_node_link *v = realloc(*out, nc * sizeof(*v));
			if (!v)
				break;
			*out = v;
			cap = nc;
		}
		snprintf((*out)[n].node, sizeof (*out)[n].node, "%s", node);
		snprintf((*out)[n].href, sizeof (*out)[n].href,
			 "%sregions/%s.html", root, file);
		n++;
	}
	return n;
}


/* Plain words for the colours graphs/map.c gives lines and boxes.  A
 * colour not listed here is still drawn in the legend, as "another kind
 * of link", so the legend never leaves out what the map shows. */
static const struct {
	const char *colour;
	const char *words;
} line_words[] = {
	{"#0072b2", "elected by voters"},
	{"#000000", "accountable to, or reports to"},
	{"#e69f00", "appointed or nominated by"},
	{"#009e73", "scrutinised by"},
	{"#cc79a7", "funded by"},
	{"#56b4e9", "regulated, inspected or audited by"},
	{"#d55e00", "ratified by"},
	{"#666666", "a board of, or a member of, the body it answers to"},
	{"#555555", "a missing forum or an empty seat"},
}, box_words[] = {
	/* "class words": the page's CSP allows no inline style */
	{"#2166ac", "legend-voters voters"},
	{"#ffffb2", "band-0 strong chain to voters (deficit under 0.2)"},
	{"#fecc5c", "band-1 fairly strong chain (deficit 0.2 to 0.4)"},
	{"#fd8d3c", "band-2 middling chain (deficit 0.4 to 0.6)"},
	{"#f03b20", "band-3 weak chain (deficit 0.6 to 0.8)"},
	{"#bd0026", "band-4 very weak or no chain (deficit 0.8 or more)"},
};

static const char *words_for(const char *colour, int boxes)
{
	size_t n = boxes ? sizeof box_words / sizeof *box_words
			 : sizeof line_words / sizeof *line_words;
	for (size_t i = 0; i < n; i++) {
		const char *c = boxes ? box_words[i].colour : line_words[i].colour;
		if (strcmp(c, colour) == 0)
			return boxes ? box_words[i].words : line_words[i].words;
	}
	return NULL;
}

/* Does a map's JSON (GOVMAP_MAP_JSON) draw a node of type `type`? */
static int node_of_type(const char *json, const char *type)
{
	char key[160];
	int n = snprintf(key, sizeof key, "\"type\":\"%s\"", type);
	return n > 0 && (size_t)n < sizeof key && strstr(json, key) != NULL;
}

/* The body and board types the plugins declare whose colour is
 * `colour` and that the map draws (a node of that type in its JSON, when
 * there is one), each once, in plain words, ", " between; returns how
 * many */
static size_t border_types(site_buf *b, const site_ctx *c,
			   const char *colour, const char *json)
{
	const char *const *types[2], *const *links;
	const char *named[SITE_LEGEND_MAX]; /* two plugins may declare one */
	size_t k = 0;
	if (!c->cli->plugins)
		return 0;
	govmap_plugins_types(c->cli->plugins, &types[0], &types[1], &links);
	for (int t = 0; t < 2; t++)
		for (size_t i = 0; types[t] && types[t][i]; i++) {
			const char *ty = types[t][i],
				   *tc = cli_plugin_colour(ty, c->cli->plugins);
			size_t j = 0;
			while (j < k && strcmp(named[j], ty) != 0)
				j++;
			if (!tc || strcasecmp(tc, colour) != 0 || j < k ||
			    k == SITE_LEGEND_MAX ||
			    (json && !node_of_type(json, ty)))
				continue;
			sb_put(b, k ? ", " : "");
			sb_type(b, ty);
			named[k++] = ty;
		}
	return k;
}

void site_legend_html(site_buf *b, const site_ctx *c, const site_legend *l,
		      const char *json)
{
	static const char *const how[] = {
		"solid: set in law", "dashed: by contract, guidance or a seat",
		"dotted: voluntary or no stated basis"};
	static const char *const dash[] = {"", " stroke-dasharray=\"5,2\"",
					   " stroke-dasharray=\"1,5\""};
	sb_put(b, "<div class=\"map-legend\">\n<h3 class=\"legend-title\">"
		  "Key to this map</h3>\n<ul class=\"legend-lines\">\n");
	/* in the order of the words above, then any other colour */
	size_t nw = sizeof line_words / sizeof *line_words;
	for (size_t w = 0; w <= nw; w++)
		for (size_t i = 0; i < l->nlines; i++) {
			const char *words = words_for(l->line[i].stroke, 0);
			if (w < nw ? strcmp(line_words[w].colour,
					    l->line[i].stroke) != 0
				   : words != NULL)
				continue;
			int d = l->line[i].dashed;
			/* colours are "#rrggbb", checked in site_svg.c */
			sb_putf(b, "<li data-stroke=\"%s\" data-dash=\"%d\">",
				l->line[i].stroke, d < 0 || d > 2 ? 0 : d);
			sb_putf(b, "<svg class=\"legend-sample\" width=\"48\" "
				   "height=\"12\" viewBox=\"0 0 48 12\" "
				   "aria-hidden=\"true\"><line x1=\"2\" y1=\"6\" "
				   "x2=\"46\" y2=\"6\" stroke=\"%s\" "
				   "stroke-width=\"3\"%s/></svg> ",
				l->line[i].stroke, dash[d < 0 || d > 2 ? 0 : d]);
			sb_put(b, words ? words : "another kind of link");
			/* grey lines are structure, not a link's basis */
			if (strcmp(l->line[i].stroke, "#666666") != 0 &&
			    strcmp(l->line[i].stroke, "#555555") != 0)
				sb_putf(b, " <span class=\"legend-how\">(%s)"
					   "</span>",
					how[d < 0 || d > 2 ? 0 : d]);
			sb_put(b, "</li>\n");
		}
	sb_put(b, "</ul>\n<ul class=\"legend-boxes\">\n");
	for (size_t w = 0; w < sizeof box_words / sizeof *box_words; w++)
		for (size_t i = 0; i < l->nfills; i++)
			if (strcmp(box_words[w].colour, l->fill[i]) == 0) {
				/* "class words": the class, then the words */
				const char *sp = strchr(box_words[w].words, ' ');
				sb_putf(b, "<li><span class=\"legend-box %.*s\">"
					   "</span> %s</li>\n",
					(int)(sp - box_words[w].words),
					box_words[w].words, sp + 1);
			}
	/* a plugin's colour for a type: the box's border */
	for (size_t i = 0; i < l->nborders; i++) {
		site_buf t = {0};
		if (border_types(&t, c, l->border[i], json) && !t.oom)
			sb_putf(b, "<li class=\"legend-border\"><svg "
				   "class=\"legend-sample\" width=\"28\" "
				   "height=\"16\" viewBox=\"0 0 28 16\" "
				   "aria-hidden=\"true\"><rect x=\"2\" y=\"2\" "
				   "width=\"24\" height=\"12\" "
				   "fill=\"#ffffff\" stroke=\"%s\" "
				   "stroke-width=\"2.5\"/></svg> border: %.*s"
				   "</li>\n",
				l->border[i], (int)t.n, t.s);
		sb_free(&t);
	}
	/* a box as the map draws one whose money is not recorded: its
	 * corners cut by short lines (Graphviz's "diagonals") */
	if (l->cut)
		sb_put(b, "<li class=\"legend-cut\"><svg class=\"legend-sample\" "
			  "width=\"28\" height=\"16\" viewBox=\"0 0 28 16\" "
			  "aria-hidden=\"true\"><rect x=\"1\" y=\"1\" "
			  "width=\"26\" height=\"14\" fill=\"#ffffff\" "
			  "stroke=\"#555555\"/><path d=\"M1 6L6 1M22 1L27 6"
			  "M27 10L22 15M6 15L1 10\" stroke=\"#555555\"/>"
			  "</svg> cut corners: money not recorded for this "
			  "year (unknown, not zero)</li>\n");
	/* the national overview draws no lines (graphs/map.c) */
	sb_put(b, l->nlines ? "</ul>\n<p class=\"legend-note\">Thicker "
			      "lines are stronger links. The arrow points to "
			      "the body that is given account.</p>\n</div>\n"
			    : "</ul>\n<p class=\"legend-note\">This map draws "
			      "no lines: open a box for its own map and who it "
			      "answers to.</p>\n</div>\n");
}

/* A map's printable copy: its layout with the key, then the sheets
 * (cli_print_map_pdf).  0 and the PDF in *pdf (malloc'd), or -1 and the
 * reason in err. */
static int make_pdf(char **pdf, size_t *plen, cli_print_info *pi,
		    const govmap_analysis *an, const govmap_map_opts *mo,
		    char *err, size_t errsize)
{
	char *svg = NULL;
	size_t len = 0;
	govmap_diags d = {0};
	int rc = govmap_map_render(&svg, &len, an, mo, GOVMAP_MAP_SVG, &d);
	if (rc != GOVMAP_OK)
		snprintf(err, errsize, "%s",
			 d.n ? d.v[0].msg : "the layout failed");
	else
		rc = cli_print_map_pdf(pdf, plen, pi, svg, len, mo->title,
				       CLI_PAPER_A4, err, errsize);
	free(svg);
	govmap_diags_free(&d);
	return rc == 0 ? 0 : -1;
}

/* What a child making a PDF sends back before the PDF's bytes. */
typedef struct {
	int ok;
	cli_print_info pi;
	size_t len;
	char err[300];
} pdf_head;

/* All n bytes written to (`out`) or read from fd: 0, or -1 (an error,
 * or the other end closed). */
static int io_all(int fd, void *p, size_t n, int out)
{
	char *s = p;
	while (n) {
		ssize_t k = out ? write(fd, s, n) : read(fd, s, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		s += k;
		n -= (size_t)k;
	}
	return 0;
}

/* make_pdf in a child process, its PDF sent back through a pipe: cairo,
 * pango and librsvg leave caches and a fragmented heap behind them, and
 * made in the site's own process every map drawn after the first PDF
 * was slower (malloc, and the fork of each Graphviz layout; measured on
 * the registry: the build took four times as long).  The child's memory
 * goes with it.  Without a child (fork failed), in this process. */
static int make_pdf_apart(char **pdf, size_t *plen, cli_print_info *pi,
			  const govmap_analysis *an,
			  const govmap_map_opts *mo, char *err,
			  size_t errsize)
{
	int fds[2];
	if (pipe(fds) < 0)
		return make_pdf(pdf, plen, pi, an, mo, err, errsize);
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return make_pdf(pdf, plen, pi, an, mo, err, errsize);
	}
	if (pid == 0) {
		close(fds[0]);
		pdf_head h = {0};
		char *out = NULL;
		h.ok = make_pdf(&out, &h.len, &h.pi, an, mo, h.err,
				sizeof h.err) == 0;
		if (!h.ok)
			h.len = 0;
		int w = io_all(fds[1], &h, sizeof h, 1) == 0 &&
			io_all(fds[1], out, h.len, 1) == 0;
		_exit(w ? 0 : 1);
	}
	close(fds[1]);
	pdf_head h;
	int rc = -1;
	*pdf = NULL;
	if (io_all(fds[0], &h, sizeof h, 0) < 0) {
		snprintf(err, errsize, "the process making it stopped");
	} else if (!h.ok) {
		h.err[sizeof h.err - 1] = '\0';
		snprintf(err, errsize, "%s", h.err);
	} else if (!(*pdf = malloc(h.len ? h.len : 1))) {
		snprintf(err, errsize, "out of memory");
	} else if (io_all(fds[0], *pdf, h.len, 0) < 0) {
		snprintf(err, errsize, "the process making it stopped");
		free(*pdf);
		*pdf = NULL;
	} else {
		*plen = h.len;
		*pi = h.pi;
		rc = 0;
	}
	close(fds[0]);
	int st = 0;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (rc == 0 && !(WIFEXITED(st) && WEXITSTATUS(st) == 0)) {
		snprintf(err, errsize, "the process making it failed");
		free(*pdf);
		*pdf = NULL;
		rc = -1;
	}
	return rc;
}

/* Printed from the browser, a map is fitted to one landscape A4 page
 * (site.css: 273 mm wide, at most 170 mm high).  When its smallest text
 * would be under 8 pt there, say so, and offer the map printed on
 * sheets of A4 at a size its text can be read at: a PDF beside the page
 * (map-a4.pdf for the national map, regions/<file>.map-a4.pdf for a
 * region's), drawn from the same map with its key (cli_print_map_pdf),
 * so a committee can print it without running govmap. */
static void print_note(site_buf *b, site_ctx *c, const char *root,
		       const govmap_analysis *an, const site_print_at *pr,
		       const govmap_map_opts *o, const char *svg, size_t len)
{
	cli_print_info pi;
	if ((!o->region && !o->national) ||
	    cli_print_plan(&pi, svg, len, CLI_PAPER_A4) < 0)
		return;
	double fit = 273.0 / 25.4 * 72 / pi.map_w,
	       fith = 170.0 / 25.4 * 72 / pi.map_h;
	double pt = pi.map_min_pt * (fit < fith ? fit : fith);
	if (pt >= CLI_PRINT_MIN_PT)
		return;
	sb_putf(b, "<p class=\"map-help print-help no-print\">Printed from "
		   "the browser, this map is fitted to one landscape A4 page, "
		   "where its smallest text is %.1f pt: too small to read "
		   "easily. ", pt);
	if (pi.cols * pi.rows > CLI_PRINT_MAX_SHEETS) {
		sb_put(b, "It is too large to print on sheets: use the map "
			  "on screen.</p>\n");
		return;
	}
	/* the page's map is drawn without its key (the key is under it in
	 * HTML); the printed one carries it (its title names the registry
	 * and the date: cli_session's title) */
	char file[300], rel[340], err[300] = "";
	char *pdf = NULL;
	size_t plen = 0;
	int ok = 0;
	if (pr && pr->pdf)
		snprintf(rel, sizeof rel, "%s", pr->pdf);
	else if (o->national)
		snprintf(rel, sizeof rel, "map-a4.pdf");
	else if (site_file_name(file, sizeof file, o->region)[0])
		snprintf(rel, sizeof rel, "regions/%s.map-a4.pdf", file);
	else
		rel[0] = '\0';
	if (!c->no_pdf && rel[0]) {
		govmap_map_opts mo = *o;
		mo.no_legend = 0;
		if (!mo.title)
			mo.title = c->s->title;
		ok = make_pdf_apart(&pdf, &plen, &pi, an, &mo, err,
				    sizeof err) == 0;
		site_buf pb = {0};
		if (ok) {
			sb_putn(&pb, pdf, plen);
			ok = site_write(c, rel, &pb) == 0;
			if (!ok)
				snprintf(err, sizeof err, "it could not be "
							  "written");
		}
		free(pdf);
		if (!ok)
			cli_warn("site: no printable copy of the map of %s: %s",
				 o->national ? "the nation" : o->region, err);
	}
	if (ok) {
		sb_put(b, "<a href=\"");
		sb_esc(b, root);
		sb_esc(b, rel);
		sb_putf(b, "\" type=\"application/pdf\">Print it on %u "
			   "sheet%s of A4</a> (PDF, %zu kB): ",
			pi.printed, pi.printed == 1 ? "" : "s",
			(plen + 1023) / 1024);
		sb_put(b, pi.printed > 1
				  ? "a key page with the whole map and the "
				    "grid of sheets, then each sheet, its text "
				    "at 8 pt or more, naming the sheets beside "
				    "it.</p>\n"
				  : "the map, its text at 8 pt or more.</p>\n");
		return;
	}
	/* --no-pdf, or the copy failed (said): the command that prints it
	 * (map --paper draws the map without the site's grouping) */
	if (err[0]) {
		sb_put(b, "Its printable copy could not be made (");
		sb_esc(b, err);
		sb_put(b, "). ");
	}
	sb_putf(b, "To print it on sheets of A4 with its text at 8 pt or "
		   "more, after a key page, run <code>govmap --on %s map ",
		pr && pr->date ? pr->date : c->date);
	if (o->national) {
		sb_put(b, "--national");
	} else {
		sb_put(b, "--region ");
		sb_esc(b, o->region);
	}
	sb_put(b, " --paper a4 -o map.pdf</code>.</p>\n");
}

void site_map_figure(site_buf *b, site_ctx *c, const char *root,
		     const govmap_map_opts *o, const char *caption,
		     const char *summary, const char *table_id)
{
	site_map_figure_at(b, c, root, c->s->an, "map", o, caption, summary,
			   table_id, NULL);
}

void site_map_figure_at(site_buf *b, site_ctx *c, const char *root,
			const govmap_analysis *an, const char *idp,
			const govmap_map_opts *o, const char *caption,
			const char *summary, const char *table_id,
			const site_print_at *pr)
{
	char cap_id[64], frame_id[64];
	snprintf(cap_id, sizeof cap_id, "%s-caption", idp);
	snprintf(frame_id, sizeof frame_id, "%s-frame", idp);
	char *svg = NULL, *json = NULL;
	size_t len = 0, jlen = 0;
	govmap_diags d = {0};
	/* the page gives its own key under the map (site_legend_html), so
	 * the map is drawn without its legend: no hole where it was */
	govmap_map_opts mo = *o;
	mo.no_legend = 1;
	o = &mo;
	int rc = govmap_map_render(&svg, &len, an, o, GOVMAP_MAP_SVG, &d);
	site_buf inl = {0};
	site_legend legend = {0};
	site_node_link *links = NULL;
	size_t nlinks = 0;
	if (rc == GOVMAP_OK &&
	    govmap_map_render(&json, &jlen, an, o, GOVMAP_MAP_JSON,
			      &d) == GOVMAP_OK)
		nlinks = node_links(c, root, o->region, json, &links);
	if (rc == GOVMAP_OK &&
	    site_svg_inline(&inl, svg, len, cap_id, links, nlinks,
			    &legend) < 0) {
		rc = -1;
		govmap_diags_add(&d, GOVMAP_SEV_ERROR, NULL, 0, 0, "site-svg",
				 "the rendered map held something other "
				 "than plain SVG shapes and relative links, "
				 "so it was left out");
	}
	sb_put(b, "<figure class=\"map\" aria-labelledby=\"");
	sb_esc(b, cap_id);
	sb_put(b, "\">\n<figcaption id=\"");
	sb_esc(b, cap_id);
	sb_put(b, "\">");
	sb_esc(b, caption);
	sb_put(b, "</figcaption>\n<p class=\"map-summary\">");
	sb_esc(b, summary);
	sb_put(b, "</p>\n<p class=\"map-help no-print\"><a href=\"#");
	sb_esc(b, table_id);
	/* the national overview draws areas and no lines */
	sb_put(b, o->national
			  ? "\">Skip the map</a>: the table below lists the same "
			    "bodies. Each box is an area (its number of bodies, "
			    "filled by its weakest chain) or a national body "
			    "(coloured by its deficit); pale yellow: strong "
			    "chain to voters; dark red: weak or none. This map "
			    "draws no lines. Select a box to open its page.</p>\n"
			  : "\">Skip the map</a>: the table below lists the same "
			    "bodies. Voters are at the top; each box is a body or "
			    "board, coloured by its deficit (pale yellow: strong "
			    "chain to voters; dark red: weak or none); lines show "
			    "who gives account to whom. Select a box to open its "
			    "page.</p>\n");
	if (rc != GOVMAP_OK) {
		c->map_failures++;
		sb_put(b, "<p class=\"notice\">The map could not be drawn: ");
		for (size_t k = 0; k < d.n; k++) {
			sb_esc(b, d.v[k].msg);
			sb_put(b, k + 1 < d.n ? "; " : "");
		}
		if (!d.n)
			sb_put(b, "the layout failed");
		sb_put(b, ". The table below has the same bodies.</p>\n");
		cli_warn("site: a map was left out: %s",
			 d.n ? d.v[0].msg : "the layout failed");
	} else {
		/* fitted to the page, a wide map's labels would be too small
		 * to read: it opens at actual size and scrolls */
		double mw = 0, mh = 0;
		int fit = govmap_map_svg_size(svg, len, &mw, &mh) < 0 ||
			  mw <= 1600;
		const char *id = frame_id; /* unique on its page */
		sb_putf(b, "<button type=\"button\" class=\"map-size\" "
			   "aria-controls=\"%s\" aria-pressed=\"%s\" hidden>"
			   "Fit the map to the page width</button>\n"
			   "<div class=\"map-frame%s\" id=\"%s\" tabindex=\"0\" "
			   "role=\"region\" aria-label=\"",
			id, fit ? "true" : "false", fit ? " fit" : "", id);
		/* unique on the page: two maps, then and now */
		sb_esc(b, caption);
		sb_put(b, " (scrolls sideways; use the arrow keys)\">\n");
		sb_putn(b, inl.s, inl.n);
		sb_put(b, "\n</div>\n");
		site_legend_html(b, c, &legend, json);
		print_note(b, c, root, an, pr, o, svg, len);
	}
	sb_put(b, "</figure>\n");
	sb_free(&inl);
	free(links);
	free(svg);
	free(json);
	govmap_diags_free(&d);
}
