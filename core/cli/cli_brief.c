/*
 * cli_brief.c - the area brief: what a committee officer puts in the
 * papers about one region, in at most two A4 pages.  Page 1: the
 * headline figures and a map of the five largest deficits with their
 * chains to voters, printed large enough to read (no text under 8 pt);
 * page 2: those five with their reasons and sources, the coverage note
 * and the questions to ask.
 *
 * Owns the brief's text (built once, as plain blocks, from the library's
 * report API: no aggregation here), its HTML writer (every text
 * escaped; the map an <img> of the Graphviz SVG as a data: URL, so no
 * script in it can run and nothing loads from the network) and its PDF
 * writer: pango lays out the text and librsvg draws the Graphviz SVG on
 * a cairo PDF surface (Debian's cairo, pango and librsvg, already pulled
 * in by Graphviz, rather than a PDF writer of our own).  Must not print
 * (except out-of-memory in cli_brief_build) or write files.
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>

#include "cli_brief.h"
#include "cli_pdf.h"
#include "govmap/escape.h"
#include "govmap/map.h"
#include "govmap/registry.h"
#include "govmap/report.h"

#define TOP 5 /* deficits listed */

/* A4 in points, and the margins */
#define PAGE_W 595.276
#define PAGE_H 841.89
#define MARGIN 36.0
#define TEXT_W (PAGE_W - 2 * MARGIN)
/* the map's room on page 1, under the headline figures */
#define MAP_H 540.0

/* ---- text ---- */

static int add(cli_brief *b, cli_brief_kind kind, const char *lead,
	       const char *url, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Add a block; `fmt` formats the text (NULL: none).  Registry text
 * passes through cli_plain() here, whatever its block.  -1 on out-of-memory. */
static int add(cli_brief *b, cli_brief_kind kind, const char *lead,
	       const char *url, const char *fmt, ...)
{
	if (b->n == b->cap) {
		size_t nc = b->cap ? 2 * b->cap : 32;
		cli_brief_block *v = realloc(b->v, nc * sizeof(*v));
		if (!v)
			return -1;
		b->v = v;
		b->cap = nc;
	}
	cli_brief_block *k = &b->v[b->n];
	memset(k, 0, sizeof(*k));
	k->kind = kind;
	char *raw = NULL;
	if (fmt) {
		va_list ap, ap2;
		va_start(ap, fmt);
		va_copy(ap2, ap);
		int need = vsnprintf(NULL, 0, fmt, ap);
		va_end(ap);
		raw = need >= 0 ? malloc((size_t)need + 1) : NULL;
		if (raw)
			vsnprintf(raw, (size_t)need + 1, fmt, ap2);
		va_end(ap2);
		if (!raw)
			return -1;
	}
	int nomem = 0;
	if (raw && !(k->text = cli_plain(raw)))
		nomem = 1;
	if (lead && !(k->lead = cli_plain(lead)))
		nomem = 1;
	/* a source is linked only when it is a web address */
	if (url && (strncmp(url, "https://", 8) == 0 ||
		    strncmp(url, "http://", 7) == 0) &&
	    !(k->url = cli_plain(url)))
		nomem = 1;
	free(raw);
	if (nomem) {
		free(k->text);
		free(k->lead);
		free(k->url);
		return -1;
	}
	b->n++;
	return 0;
}

void cli_brief_free(cli_brief *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->n; i++) {
		free(b->v[i].lead);
		free(b->v[i].text);
		free(b->v[i].url);
	}
	free(b->v);
	free(b->title);
	free(b->svg);
	memset(b, 0, sizeof(*b));
}

/* ---- building ---- */

static const char *name_of(const govmap_registry *reg, size_t i)
{
	const govmap_entity *e = govmap_registry_at(reg, i);
	return e->name ? e->name : e->id;
}

/* The first unsuppressed deficit finding about entity i, or NULL. */
static const govmap_finding *top_finding(const govmap_findings *f, size_t i)
{
	const govmap_finding *best = NULL;
	for (size_t k = 0; f && k < f->n; k++) {
		const govmap_finding *x = &f->v[k];
		if (x->entity != (int32_t)i || x->suppressed ||
		    x->category != GOVMAP_CAT_DEFICIT)
			continue;
		if (!best || x->sev > best->sev)
			best = x;
	}
	return best;
}

/* ---- which deficits the brief lists ---- */

#define PER_TYPE 2 /* listed bodies of one type at most */
/* PER_TYPE in words, for the heading */
static const char *const number_words[] = {"no", "one", "two", "three",
					    "four", "five", "six", "seven",
					    "eight", "nine"};
_Static_assert(PER_TYPE < sizeof number_words / sizeof *number_words,
	       "PER_TYPE has no words");
#define per_type_words (number_words[PER_TYPE])

static int same_type(const govmap_entity *a, const govmap_entity *b)
{
	return a->type && b->type ? strcmp(a->type, b->type) == 0
				  : !a->type && !b->type;
}

/* The deficit as the brief prints it, in hundredths. */
static long deficit_shown(const govmap_score *sc)
{
	return lround(sc->D * 100);
}

static int same_score(const cli_session *s, size_t i, size_t j)
{
	char wi[300], wj[300];
	return deficit_shown(govmap_analysis_score(s->an, i)) ==
		       deficit_shown(govmap_analysis_score(s->an, j)) &&
	       strcmp(govmap_analysis_reason(s->an, i, wi, sizeof wi),
		      govmap_analysis_reason(s->an, j, wj, sizeof wj)) == 0;
}

/* The deficit as printed, largest first; then, among equal deficits,
 * the known exposures, largest first, and after them the bodies whose
 * money is unknown (they cannot be ranked by money, and the brief shows
 * their money as unknown, never £0); then the report's order. */
static int by_shown_deficit(const void *a, const void *b, void *ctx)
{
	const cli_session *c = ctx;
	size_t x = ((const size_t *)a)[0], y = ((const size_t *)b)[0];
	const govmap_score *sx = govmap_analysis_score(c->an, x);
	const govmap_score *sy = govmap_analysis_score(c->an, y);
	long dx = deficit_shown(sx), dy = deficit_shown(sy);
	if (dx != dy)
		return dx > dy ? -1 : 1;
	int kx = sx->money >= 0, ky = sy->money >= 0;
	if (kx != ky)
		return kx ? -1 : 1;
	if (kx && sx->exposure != sy->exposure)
		return sx->exposure > sy->exposure ? -1 : 1;
	size_t px = ((const size_t *)a)[1], py = ((const size_t *)b)[1];
	return px < py ? -1 : px > py;
}

/* The bodies the brief lists (at most TOP, into top/ntop), from the
 * report's bodies by deficit: by the deficit as printed, then exposure
 * where money is known, at most PER_TYPE of one type, so that five
 * local Healthwatch with one score do not fill the list.  The bodies not
 * listed whose type is listed are counted against the last listed body
 * of their type: same[k] with its deficit and reason, other[k] with
 * another.  -1 on out-of-memory. */
static int pick_top(const cli_session *s, const size_t *bydef, size_t nd,
		    size_t *top, size_t *ntop, size_t *same, size_t *other)
{
	size_t (*v)[2] = nd ? malloc(nd * sizeof(*v)) : NULL;
	if (nd && !v)
		return -1;
	for (size_t k = 0; k < nd; k++) {
		v[k][0] = bydef[k];
		v[k][1] = k;
	}
	govmap_sort(v, nd, sizeof(*v), by_shown_deficit, (void *)s);
	*ntop = 0;
	for (size_t k = 0; k < nd && *ntop < TOP; k++) {
		const govmap_entity *e = govmap_registry_at(s->reg, v[k][0]);
		size_t of_type = 0;
		for (size_t j = 0; j < *ntop; j++)
			of_type += same_type(e, govmap_registry_at(s->reg, top[j]));
		if (of_type < PER_TYPE)
			top[(*ntop)++] = v[k][0];
	}
	for (size_t k = 0; k < nd; k++) {
		size_t i = v[k][0], last = TOP;
		const govmap_entity *e = govmap_registry_at(s->reg, i);
		for (size_t j = 0; j < *ntop && last != (size_t)-1; j++) {
			if (top[j] == i)
				last = (size_t)-1; /* listed */
			else if (same_type(e, govmap_registry_at(s->reg, top[j])))
				last = j;
		}
		if (last == (size_t)-1 || last == TOP)
			continue;
		if (same_score(s, i, top[last]))
			same[last]++;
		else
			other[last]++;
	}
	free(v);
	return 0;
}

/* "1 more local Healthwatch", "3 more NHS trusts", "2 more arm's-length
 * bodies" (the library's count words, "more" after the number) */
static void type_count(char *buf, size_t size, size_t n, const char *type)
{
	char w[200];
	govmap_type_count_words(w, sizeof w, n, type);
	const char *sp = strchr(w, ' ');
	snprintf(buf, size, "%zu more%s", n, sp ? sp : "");
}

/* Do listed bodies i and j get the same question: of one type, with
 * the same stages of accountability covered and the same strength? */
static int same_question(const cli_session *s, size_t i, size_t j)
{
	return same_type(govmap_registry_at(s->reg, i),
			 govmap_registry_at(s->reg, j)) &&
	       govmap_analysis_stages(s->an, i) ==
		       govmap_analysis_stages(s->an, j) &&
	       strcmp(govmap_strength_word(govmap_analysis_score(s->an, i)->A),
		      govmap_strength_word(govmap_analysis_score(s->an, j)->A)) ==
		       0;
}

/* The map of the first `n` bodies of `top`, and the scale it prints at.
 * GOVMAP_* status. */
static int draw_map(cli_brief *b, const cli_session *s, const size_t *top,
		    size_t n, const char *title, struct govmap_plugins *plugins,
		    govmap_diags *diags)
{
	const char *ids[TOP];
	for (size_t k = 0; k < n; k++)
		ids[k] = govmap_registry_at(s->reg, top[k])->id;
	govmap_map_opts mo = {0};
	mo.only = ids;
	mo.nonly = n;
	mo.no_legend = 1;
	mo.title = title;
	mo.findings = s->findings;
	/* no plugin colours for types (box borders): the brief's key, a
	 * paragraph of words, cannot name them, and the five bodies' types
	 * are given in words below */
	(void)plugins;
	free(b->svg);
	b->svg = NULL;
	int rc = govmap_map_render(&b->svg, &b->svglen, s->an, &mo,
				   GOVMAP_MAP_SVG, diags);
	if (rc != GOVMAP_OK)
		return rc;
	if (govmap_map_svg_size(b->svg, b->svglen, &b->map_w, &b->map_h) < 0)
		return GOVMAP_EIO;
	double sw = TEXT_W / b->map_w, sh = MAP_H / b->map_h;
	b->map_scale = sw < sh ? sw : sh;
	if (b->map_scale > 1)
		b->map_scale = 1;
	b->map_bodies = n;
	return GOVMAP_OK;
}

int cli_brief_build(cli_brief *b, const cli_session *s, const char *region,
		    struct govmap_plugins *plugins, govmap_diags *diags)
{
	memset(b, 0, sizeof(*b));
	const govmap_registry *reg = s->reg;
	govmap_report *rep = NULL;
	govmap_report_opts ro = {region, 0};
	if (govmap_report_build(&rep, s->an, s->findings, &ro) != GOVMAP_OK) {
		cli_err("out of memory");
		return EXIT_USAGE;
	}
	const govmap_report_totals *t = govmap_report_get_totals(rep);
	char name[256], date[11], money[200], weakm[200], buf[300];
	govmap_region_title(name, sizeof name, region);
	govmap_date_format(date, govmap_analysis_date(s->an));
	govmap_report_coverage_text(t, money, sizeof money);
	govmap_report_weak_text(t, weakm, sizeof weakm);
	size_t nd = 0;
	const size_t *bydef = govmap_report_by_deficit(rep, &nd);
	size_t top[TOP], ntop = 0, same[TOP] = {0}, other[TOP] = {0};
	if (pick_top(s, bydef, nd, top, &ntop, same, other) < 0)
		goto oom;
	int nomem = 0;
	b->title = cli_asprintf("Area brief: %s", name);
	nomem |= !b->title ||
		 add(b, BRIEF_TITLE, NULL, NULL, "%s", b->title) < 0;
	nomem |= add(b, BRIEF_META, NULL, NULL,
		     "%s. The registry as it stood on %s.", s->title,
		     date) < 0;
	nomem |= add(b, BRIEF_H2, NULL, NULL, "In brief") < 0;
	/* the findings' parts add up to their total (the info ones were
	 * left out: "24 deficit findings (0 errors, 22 warnings)"), and
	 * every count agrees with its noun */
#define PL(n, one, many) ((n) == 1 ? (one) : (many))
	size_t nde = t->deficit_sev[GOVMAP_SEV_ERROR],
	       ndw = t->deficit_sev[GOVMAP_SEV_WARNING],
	       ndi = t->deficit_sev[GOVMAP_SEV_INFO],
	       ncov = t->findings[GOVMAP_CAT_COVERAGE],
	       ndata = t->findings[GOVMAP_CAT_DATA];
	nomem |= add(b, BRIEF_P, NULL, NULL,
		     "%zu %s in force here on %s. %zu of them %s a best "
		     "chain of accountability to voters weaker than %.2f, "
		     "and %zu %s no chain at all. Public money: %s; of the "
		     "weak ones: %s. The registry records %zu deficit %s "
		     "here (%zu %s, %zu %s, %zu for information only), %zu "
		     "coverage %s (records missing) and %zu data %s (records "
		     "that disagree).",
		     t->bodies,
		     PL(t->bodies, "body or board was",
			"bodies and boards were"),
		     date, t->weak, PL(t->weak, "has", "have"),
		     t->weak_threshold, t->nochain,
		     PL(t->nochain, "has", "have"), money, weakm,
		     t->findings[GOVMAP_CAT_DEFICIT],
		     PL(t->findings[GOVMAP_CAT_DEFICIT], "finding", "findings"),
		     nde, PL(nde, "error", "errors"), ndw,
		     PL(ndw, "warning", "warnings"), ndi, ncov,
		     PL(ncov, "finding", "findings"), ndata,
		     PL(ndata, "finding", "findings")) < 0;
#undef PL
	if (nomem)
		goto oom;
	if (ntop) {
		/* the largest map that prints readably: five bodies, else
		 * fewer */
		char mtitle[400];
		/* no title in the map: the brief's heading says it */
		mtitle[0] = '\0';
		for (size_t n = ntop; n >= 1; n--) {
			int rc = draw_map(b, s, top, n, mtitle, plugins, diags);
			if (rc == GOVMAP_ENOMEM) {
				govmap_report_free(rep);
				cli_err("out of memory");
				return EXIT_USAGE;
			}
			if (rc != GOVMAP_OK) {
				govmap_report_free(rep);
				return EXIT_DATA;
			}
			if (b->map_scale >= CLI_BRIEF_MIN_SCALE)
				break;
		}
		nomem |= add(b, BRIEF_H2, NULL, NULL,
			     "Map: the %s largest deficits and their chains "
			     "to voters",
			     b->map_bodies == 1 ? "one" : b->map_bodies == 2 ? "two"
			     : b->map_bodies == 3 ? "three"
			     : b->map_bodies == 4 ? "four" : "five") < 0;
		nomem |= add(b, BRIEF_MAP, NULL, NULL,
			     "Voters (blue houses) at the top; each body below "
			     "the forum it answers to. Fill: the deficit, pale "
			     "yellow (a strong chain to voters) to dark red "
			     "(none); grey outline: a body on a chain, not one "
			     "of the %zu; cut corners: money not recorded for "
			     "this year (unknown, not zero). Lines: blue "
			     "elected, black accountable or reporting to, green "
			     "scrutinised by, orange appointed or nominated by, "
			     "pink funded by, light blue regulated, inspected "
			     "or audited by, red-orange ratified by, grey "
			     "member, part or board of or commissioned by; "
			     "solid statute, dashed contract, guidance or "
			     "seats, dotted no basis; thicker is stronger.",
			     b->map_bodies) < 0;
	}
	nomem |= add(b, BRIEF_PAGE, NULL, NULL, NULL) < 0;
	nomem |= add(b, BRIEF_H2, NULL, NULL,
		     "The %zu largest deficits%s%s%s", ntop,
		     ntop > PER_TYPE ? " (at most " : "",
		     ntop > PER_TYPE ? per_type_words : "",
		     ntop > PER_TYPE ? " of one type)" : "") < 0;
	if (!ntop)
		nomem |= add(b, BRIEF_P, NULL, NULL,
			     "No body or board here is in force on this "
			     "date.") < 0;
	for (size_t k = 0; k < ntop && !nomem; k++) {
		size_t i = top[k];
		const govmap_score *sc = govmap_analysis_score(s->an, i);
		const govmap_entity *e = govmap_registry_at(reg, i);
		char A[64], why[300], mny[200], exp[48];
		govmap_score_A_text(sc, 2, A, sizeof A);
		govmap_analysis_reason(s->an, i, why, sizeof why);
		govmap_score_money_text(sc, mny, sizeof mny);
		govmap_money_format(exp, sizeof exp, sc->exposure);
		snprintf(buf, sizeof buf, "%zu. %s", k + 1, name_of(reg, i));
		const govmap_finding *f = top_finding(s->findings, i);
		/* its message with the bodies it names by id as names */
		char *fmsg = f ? govmap_msg_names(reg, f->msg) : NULL;
		if (f && !fmsg) {
			nomem = 1;
			break;
		}
		nomem |= add(b, BRIEF_ITEM, buf, NULL,
			     "accountability %s (%s), deficit %.2f. Why: %s. "
			     "Public money: %s; %s%s.%s%s",
			     A, govmap_strength_word(sc->A), sc->D, why, mny,
			     sc->money >= 0 ? "exposure (deficit x money) "
					    : "exposure not known",
			     sc->money >= 0 ? exp : "",
			     f ? " Finding: " : "", f ? fmsg : "") < 0;
		free(fmsg);
		/* its first source: the rest are on its page and in explain */
		if (e->nsources)
			nomem |= add(b, BRIEF_NOTE, NULL, e->sources[0].url,
				     "Source: %s (%s)%s",
				     e->sources[0].title ? e->sources[0].title
							 : "untitled",
				     e->sources[0].url,
				     e->nsources > 1 ? "; more in 'govmap explain'"
						     : "") < 0;
		if (!e->nsources)
			nomem |= add(b, BRIEF_NOTE, NULL, NULL,
				     "Source: none recorded") < 0;
		/* the rest of its type, summarised rather than listed */
		char ns[160], no[160];
		type_count(ns, sizeof ns, same[k], e->type);
		type_count(no, sizeof no, other[k], e->type);
		if (same[k] || other[k])
			nomem |= add(b, BRIEF_NOTE, NULL, NULL,
				     "Not listed here: %s%s%s%s%s (the region's "
				     "page and 'govmap report' list every "
				     "body).",
				     same[k] ? ns : "",
				     same[k] ? " with the same deficit and reason"
					     : "",
				     same[k] && other[k] ? "; " : "",
				     other[k] ? no : "",
				     other[k] ? " with a smaller deficit or "
						"another reason"
					      : "") < 0;
	}
	nomem |= add(b, BRIEF_H2, NULL, NULL, "Coverage") < 0;
	char fy[16], yrs[320];
	int32_t year = govmap_fyear_of(govmap_analysis_date(s->an));
	govmap_fyear_format(fy, sizeof fy, year);
	govmap_report_years_text(t, year, yrs, sizeof yrs);
	nomem |= add(b, BRIEF_P, NULL, NULL,
		     "Money in %s: %s. A body with no figure for this year "
		     "has unknown money, never £0, and is left out of totals "
		     "and of rankings by money.%s%s%s %zu %s dates marked "
		     "unknown and %s not counted in force. %zu coverage "
		     "%s where the registry lacks a record: a gap in the "
		     "record, not a failing of the body.",
		     fy, money, *yrs ? " Money for other years: " : "", yrs,
		     *yrs ? "; not counted as this year's." : "",
		     t->dates_unknown,
		     t->dates_unknown == 1 ? "body or board has its"
					   : "bodies and boards have",
		     t->dates_unknown == 1 ? "is" : "are",
		     t->findings[GOVMAP_CAT_COVERAGE],
		     t->findings[GOVMAP_CAT_COVERAGE] == 1 ? "finding says"
							   : "findings say") < 0;
	nomem |= add(b, BRIEF_H2, NULL, NULL, "Questions to ask") < 0;
	for (size_t k = 0; k < ntop && !nomem; k++) {
		size_t i = top[k];
		unsigned p = govmap_analysis_stages(s->an, i);
		/* bodies of one type with the same question share it: one
		 * bullet naming them all, and the like ones not listed */
		int asked = 0;
		for (size_t j = 0; j < k && !asked; j++)
			asked = same_question(s, top[j], i);
		if (asked)
			continue;
		char n[600];
		size_t nlike = 0, more = 0;
		for (size_t j = k; j < ntop; j++)
			if (same_question(s, i, top[j]))
				nlike++;
		snprintf(n, sizeof n, "%s", name_of(reg, i));
		for (size_t j = k + 1, m = 1; j < ntop; j++) {
			if (!same_question(s, i, top[j]))
				continue;
			more += same[j];
			m++;
			snprintf(n + strlen(n), sizeof n - strlen(n), "%s%s",
				 m == nlike && !more ? " and " : ", ",
				 name_of(reg, top[j]));
		}
		more += same[k];
		if (more) {
			char tc[160];
			type_count(tc, sizeof tc, more,
				   govmap_registry_at(reg, i)->type);
			snprintf(n + strlen(n), sizeof n - strlen(n),
				 " and %s with the same reason", tc);
		}
		/* one question a body, on the stages no forum covers, asked
		 * as one sentence ("Ask what it publishes ...; and who can
		 * ...."), not "Ask what does it publish ...?" */
		const char *miss[3];
		size_t nm = 0;
		if (!(p & GOVMAP_POWER_INFORM))
			miss[nm++] = "what it publishes about its decisions "
				     "and spending, and when";
		if (!(p & GOVMAP_POWER_QUESTION))
			miss[nm++] = "which elected body can call its leaders "
				     "to answer in public";
		if (!(p & GOVMAP_POWER_SANCTION))
			miss[nm++] = "who can overturn its decisions, withhold "
				     "its funds or remove its chair";
		char q[400] = "";
		for (size_t m = 0; m < nm; m++)
			snprintf(q + strlen(q), sizeof q - strlen(q), "%s%s",
				 m == 0 ? "" : m + 1 == nm ? "; and " : "; ",
				 miss[m]);
		if (nm)
			nomem |= add(b, BRIEF_BULLET, n, NULL, "%s%s.",
				     nm == 3 ? "no forum has any power over it. "
					       "Ask "
					     : "Ask ",
				     q) < 0;
		else {
			/* "yet" only where the chain is not strong: a strong
			 * one is no contradiction */
			double A = govmap_analysis_score(s->an, i)->A;
			nomem |= add(b, BRIEF_BULLET, n, NULL,
				     "the links it answers through carry all "
				     "three stages, %s its chain to voters "
				     "is %s. When did "
				     "this committee last use them, and to "
				     "what effect?",
				     A >= 0.7 ? "and" : "yet",
				     govmap_strength_word(A)) < 0;
		}
	}
	nomem |= add(b, BRIEF_NOTE, NULL, NULL,
		     "Made with govmap %s. Accountability A runs from 0 (no "
		     "chain to voters) to 1; in words: strong 0.7 and over, "
		     "moderate 0.4, weak 0.2, very weak above 0, none. "
		     "Deficit = 1 - A. 'govmap explain' gives every number "
		     "behind a score.",
		     GOVMAP_VERSION) < 0;
	govmap_report_free(rep);
	if (nomem) {
		cli_err("out of memory");
		return EXIT_USAGE;
	}
	return EXIT_OK;
oom:
	govmap_report_free(rep);
	cli_err("out of memory");
	return EXIT_USAGE;
}

/* ---- HTML ---- */

static void html_esc(FILE *f, const char *s)
{
	for (; s && *s; s++) {
		const char *e = govmap_html_escape_byte((unsigned char)*s);
		if (e)
			fputs(e, f);
		else
			fputc(*s, f);
	}
}

static void base64(FILE *f, const unsigned char *p, size_t n)
{
	static const char t[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16;
		if (i + 1 < n)
			v |= (unsigned)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		fputc(t[(v >> 18) & 63], f);
		fputc(t[(v >> 12) & 63], f);
		fputc(i + 1 < n ? t[(v >> 6) & 63] : '=', f);
		fputc(i + 2 < n ? t[v & 63] : '=', f);
	}
}

int cli_brief_html(char **out, size_t *len, const cli_brief *b,
		   cli_brief_map_fn map_fn, void *ctx)
{
	FILE *f = open_memstream(out, len);
	if (!f)
		return -1;
	fputs("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n"
	      "<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, "
	      "initial-scale=1\">\n"
	      "<meta http-equiv=\"Content-Security-Policy\" content=\""
	      "default-src 'none'; script-src 'self'; img-src data:; "
	      "style-src 'unsafe-inline'\">\n"
	      "<title>", f);
	html_esc(f, b->title);
	fputs("</title>\n<style>\n"
	      "@page { size: A4; margin: 12mm; }\n"
	      "body { font: 10pt/1.35 'DejaVu Sans', Helvetica, Arial, "
	      "sans-serif; color: #111; max-width: 180mm; margin: 1em auto; "
	      "padding: 0 1em; }\n"
	      "h1 { font-size: 17pt; margin: 0 0 .2em; }\n"
	      "h2 { font-size: 12pt; margin: 1em 0 .3em; }\n"
	      ".meta, .note, .key { font-size: 8.5pt; color: #333; }\n"
	      ".note { margin: .1em 0 .1em 1.5em; overflow-wrap: anywhere; }\n"
	      "figure { margin: .5em 0; }\n"
	      "figure img, figure svg { max-width: 100%; height: auto; "
	      "display: block; }\n"
	      "figure .map-box svg { width: 100%; }\n"
	      "ul { padding-left: 1.3em; margin: .3em 0; }\n"
	      "li { margin: .15em 0; }\n"
	      ".item { margin: .6em 0 .1em; }\n"
	      ".page2 { break-before: page; }\n"
	      "a { color: #0645ad; }\n"
	      "@media print { body { margin: 0; padding: 0; max-width: none; }"
	      " a { color: inherit; } }\n"
	      "</style>\n</head>\n<body>\n<main>\n", f);
	int in_list = 0, page2 = 0;
	for (size_t i = 0; i < b->n; i++) {
		const cli_brief_block *k = &b->v[i];
		if (in_list && k->kind != BRIEF_BULLET) {
			fputs("</ul>\n", f);
			in_list = 0;
		}
		switch (k->kind) {
		case BRIEF_TITLE:
			fputs("<h1>", f);
			html_esc(f, k->text);
			fputs("</h1>\n", f);
			break;
		case BRIEF_META:
			fputs("<p class=\"meta\">", f);
			html_esc(f, k->text);
			fputs("</p>\n", f);
			break;
		case BRIEF_H2:
			fputs("<h2>", f);
			html_esc(f, k->text);
			fputs("</h2>\n", f);
			break;
		case BRIEF_P:
			fputs("<p>", f);
			html_esc(f, k->text);
			fputs("</p>\n", f);
			break;
		case BRIEF_ITEM:
			fputs("<p class=\"item\"><strong>", f);
			html_esc(f, k->lead);
			fputs("</strong>: ", f);
			html_esc(f, k->text);
			fputs("</p>\n", f);
			break;
		case BRIEF_BULLET:
			if (!in_list)
				fputs("<ul class=\"questions\">\n", f);
			in_list = 1;
			fputs("<li><strong>", f);
			html_esc(f, k->lead);
			fputs("</strong>: ", f);
			html_esc(f, k->text);
			fputs("</li>\n", f);
			break;
		case BRIEF_NOTE:
			fputs("<p class=\"note\">", f);
			if (k->url) {
				fputs("<a href=\"", f);
				html_esc(f, k->url);
				fputs("\">", f);
			}
			html_esc(f, k->text);
			if (k->url)
				fputs("</a>", f);
			fputs("</p>\n", f);
			break;
		case BRIEF_MAP:
			if (b->svg && map_fn) {
				/* printed at the PDF's scale: the width in
				 * points keeps its text at 8 pt or more */
				fprintf(f, "<figure class=\"map\"><div "
					   "class=\"map-box\" style=\"width: "
					   "%.0fpt; max-width: 100%%\">",
					b->map_w * b->map_scale);
				if (map_fn(f, b->svg, b->svglen, ctx) < 0)
					fputs("<p>(The map could not be "
					      "shown.)</p>", f);
				fputs("</div>\n<figcaption class=\"key\">", f);
				html_esc(f, k->text);
				fputs("</figcaption></figure>\n", f);
			} else if (b->svg) {
				/* printed at the PDF's scale: the width in
				 * points keeps its text at 8 pt or more */
				fprintf(f, "<figure class=\"map\"><img "
					   "style=\"width: %.0fpt\" alt=\"",
					b->map_w * b->map_scale);
				html_esc(f, b->title);
				fputs(": map of the largest deficits and "
				      "their chains to voters\" src=\""
				      "data:image/svg+xml;base64,", f);
				base64(f, (const unsigned char *)b->svg,
				       b->svglen);
				fputs("\">\n<figcaption class=\"key\">", f);
				html_esc(f, k->text);
				fputs("</figcaption></figure>\n", f);
			}
			break;
		case BRIEF_PAGE:
			if (page2)
				break;
			fputs("<section class=\"page2\">\n", f);
			page2 = 1;
			break;
		}
	}
	if (in_list)
		fputs("</ul>\n", f);
	if (page2)
		fputs("</section>\n", f);
	fputs("</main>\n</body>\n</html>\n", f);
	if (ferror(f)) {
		fclose(f);
		free(*out);
		*out = NULL;
		return -1;
	}
	if (fclose(f) != 0) {
		free(*out);
		*out = NULL;
		return -1;
	}
	return 0;
}

/* ---- PDF ---- */

typedef struct {
	cairo_t *cr;
	PangoLayout *lay;
	double y;   /* where the next block starts */
	int page;   /* 1 or 2 */
	int full;   /* page 2 is full: the rest is left out */
	size_t left_out;
} pdf_ctx;

/* Lay `text` out in `size` pt (bold lead first, if any); draw it at
 * (x, y) when it fits on the page, else (page 1) move to page 2 first
 * or (page 2) count it left out.  Returns the height used. */
static void pdf_text(pdf_ctx *c, const char *lead, const char *text,
		     double size, int bold, double indent, double before)
{
	if (c->full) {
		c->left_out++;
		return;
	}
	PangoFontDescription *fd = pango_font_description_from_string(
		"DejaVu Sans");
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD
						   : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(c->lay, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(c->lay, (int)((TEXT_W - indent) * PANGO_SCALE));
	pango_layout_set_wrap(c->lay, PANGO_WRAP_WORD_CHAR);
	/* the lead in bold: one attribute over its bytes */
	size_t ll = lead ? strlen(lead) : 0, tl = text ? strlen(text) : 0;
	char *all = malloc(ll + 2 + tl + 1);
	if (!all)
		return;
	snprintf(all, ll + 2 + tl + 1, "%s%s%s", lead ? lead : "",
		 lead && text ? ": " : "", text ? text : "");
	pango_layout_set_text(c->lay, all, -1);
	PangoAttrList *al = pango_attr_list_new();
	if (lead) {
		PangoAttribute *a = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
		a->start_index = 0;
		a->end_index = (guint)ll;
		pango_attr_list_insert(al, a);
	}
	pango_layout_set_attributes(c->lay, al);
	pango_attr_list_unref(al);
	free(all);
	int w, h;
	pango_layout_get_size(c->lay, &w, &h);
	double hh = (double)h / PANGO_SCALE;
	if (c->y + before + hh > PAGE_H - MARGIN) {
		if (c->page == 2) {
			c->full = 1;
			c->left_out++;
			return;
		}
		cairo_show_page(c->cr);
		c->page = 2;
		c->y = MARGIN;
		before = 0;
	}
	c->y += before;
	cairo_move_to(c->cr, MARGIN + indent, c->y);
	cairo_set_source_rgb(c->cr, 0.07, 0.07, 0.07);
	pango_cairo_show_layout(c->cr, c->lay);
	c->y += hh;
}

int cli_brief_pdf(char **out, size_t *len, const cli_brief *b, char *err,
		  size_t errsize)
{
	cli_pdf_sink sink = {0};
	*out = NULL;
	*len = 0;
	cairo_t *cr = cli_pdf_begin(&sink, PAGE_W, PAGE_H,
				    b->title ? b->title : "Area brief");
	pdf_ctx c = {cr, pango_cairo_create_layout(cr), MARGIN, 1, 0, 0};
	int rc = 0;
	for (size_t i = 0; i < b->n && rc == 0; i++) {
		const cli_brief_block *k = &b->v[i];
		switch (k->kind) {
		case BRIEF_TITLE:
			pdf_text(&c, NULL, k->text, 17, 1, 0, 0);
			break;
		case BRIEF_META:
			pdf_text(&c, NULL, k->text, 8.5, 0, 0, 3);
			break;
		case BRIEF_H2:
			pdf_text(&c, NULL, k->text, 12, 1, 0, 10);
			break;
		case BRIEF_P:
			pdf_text(&c, NULL, k->text, 9.5, 0, 0, 4);
			break;
		case BRIEF_ITEM:
			pdf_text(&c, k->lead, k->text, 9.5, 0, 0, 6);
			break;
		case BRIEF_BULLET: {
			char *t = cli_asprintf("\xe2\x80\xa2 %s", k->lead);
			pdf_text(&c, t ? t : k->lead, k->text, 9, 0, 6, 2);
			free(t);
			break;
		}
		case BRIEF_NOTE:
			pdf_text(&c, NULL, k->text, 8.5, 0, 14, 1);
			break;
		case BRIEF_MAP: {
			if (!b->svg)
				break;
			GError *ge = NULL;
			RsvgHandle *h = rsvg_handle_new_from_data(
				(const guint8 *)b->svg, b->svglen, &ge);
			if (!h) {
				snprintf(err, errsize, "cannot read the map: %s",
					 ge ? ge->message : "?");
				if (ge)
					g_error_free(ge);
				rc = -1;
				break;
			}
			/* points on a PDF surface: 72 units an inch */
			rsvg_handle_set_dpi(h, 72);
			double w = b->map_w * b->map_scale,
			       hgt = b->map_h * b->map_scale;
			c.y += 6;
			RsvgRectangle vp = {MARGIN + (TEXT_W - w) / 2, c.y, w,
					    hgt};
			if (!rsvg_handle_render_document(h, cr, &vp, &ge)) {
				snprintf(err, errsize, "cannot draw the map: %s",
					 ge ? ge->message : "?");
				if (ge)
					g_error_free(ge);
				rc = -1;
			}
			g_object_unref(h);
			c.y += hgt;
			pdf_text(&c, NULL, k->text, 8.5, 0, 0, 4);
			break;
		}
		case BRIEF_PAGE:
			if (c.page == 1) {
				cairo_show_page(cr);
				c.page = 2;
				c.y = MARGIN;
			}
			break;
		}
	}
	if (rc == 0 && c.full) {
		/* say that something was left out, in the last line's room */
		char note[160];
		snprintf(note, sizeof note, "(%zu more lines left out to keep "
			 "to two pages: see the HTML brief or the site)",
			 c.left_out);
		c.full = 0;
		c.y = PAGE_H - MARGIN - 12;
		pdf_text(&c, NULL, note, 8.5, 0, 0, 0);
	}
	g_object_unref(c.lay);
	return cli_pdf_end(cr, &sink, rc, out, len, err, errsize);
}
