/*
 * site_body.c - one page per body or board (bodies/<id>.html): what
 * `govmap explain` says, for a committee.  Its facts and scores; its
 * strongest chain to voters link by link (type, basis, forum, powers,
 * strength and why, validity, sources, where defined); the single change
 * that would raise its score most; its findings; the questions a
 * committee could ask at each missing Bovens stage; its other links; a
 * board's seats; its history (site_history.c); its sources.
 *
 * Registry text only through sb_esc(); source URLs become links only
 * through sb_ext_link().  Must not change the model.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "site.h"

void site_period(site_buf *b, govmap_period p, int explain)
{
	char a[11], z[11];
	govmap_date_format(a, p.from);
	govmap_date_format(z, p.to);
	if (GOVMAP_DATE_IS_UNKNOWN(p.from) || GOVMAP_DATE_IS_UNKNOWN(p.to)) {
		/* in words, as the report says it: never "from unknown" */
		char w[120];
		sb_esc(b, govmap_period_words(w, sizeof w, p));
		return;
	}
	if (!p.from && !p.to) {
		/* how it is counted, not a fact about the body: a type
		 * that exists only for a time must give its dates */
		sb_put(b, explain ? "no dates recorded (counted in force on "
				    "every date)"
				  : "no dates recorded");
		return;
	}
	sb_put(b, p.from ? "from " : "");
	sb_esc(b, p.from ? a : "");
	sb_put(b, p.from && p.to ? " to " : p.to ? "until " : "");
	sb_esc(b, p.to ? z : "");
	sb_put(b, !p.to ? " (still in force)"
	       : explain ? " (end date exclusive)"
			 : "");
}

static const char *name_of(const site_ctx *c, int32_t i)
{
	const govmap_entity *e = govmap_registry_at(c->s->reg, (size_t)i);
	return e->name ? e->name : e->id;
}

static void powers(site_buf *b, unsigned p)
{
	static const char *const names[] = {"inform", "question", "sanction"};
	int first = 1;
	for (int i = 0; i < 3; i++)
		if (p & (1u << i)) {
			sb_put(b, first ? "" : ", ");
			sb_put(b, names[i]);
			first = 0;
		}
	if (first)
		sb_put(b, "none listed");
}

static void sources(site_buf *b, const govmap_entity *e)
{
	if (!e->nsources) {
		sb_put(b, "<p>No source recorded.</p>\n");
		return;
	}
	sb_put(b, "<ul class=\"sources\">\n");
	for (size_t k = 0; k < e->nsources; k++) {
		char d[11];
		govmap_date_format(d, e->sources[k].accessed);
		sb_put(b, "<li>");
		sb_ext_link(b, e->sources[k].url, e->sources[k].title);
		sb_put(b, " <span class=\"accessed\">(checked ");
		sb_esc(b, d);
		sb_put(b, ")</span></li>\n");
	}
	sb_put(b, "</ul>\n");
}

static void defined_at(site_buf *b, govmap_pos pos)
{
	sb_put(b, "<code>");
	sb_esc(b, pos.file ? pos.file : "?");
	sb_putf(b, ":%u:%u</code>", pos.line, pos.col);
}

static void tri(site_buf *b, govmap_tristate t)
{
	sb_put(b, t == GOVMAP_YES ? "yes" : t == GOVMAP_NO ? "no" : "not known");
}

static void fact(site_buf *b, const char *term)
{
	sb_put(b, "<div><dt>");
	sb_put(b, term);
	sb_put(b, "</dt><dd>");
}

static void facts(site_buf *b, const site_ctx *c, size_t i)
{
	const govmap_entity *e = govmap_registry_at(c->s->reg, i);
	const char *r = site_entity_region(c, i);
	char m[32];
	sb_put(b, "<dl class=\"facts\">\n");
	fact(b, "What it is");
	if (e->type)
		sb_type(b, e->type); /* in words: "council", not its id */
	else
		sb_put(b, "a board");
	sb_put(b, "</dd></div>\n");
	fact(b, "Area");
	if (r) {
		char title[256];
		site_region_title(title, sizeof title, r);
		site_link_region(b, "../", r, title);
	} else
		sb_put(b, "none recorded");
	sb_put(b, "</dd></div>\n");
	if (e->kind == GOVMAP_KIND_BOARD) {
		fact(b, "Board of");
		if (e->of.target >= 0)
			site_link_body(b, c, "../", e->of.target);
		else if (e->njoint) {
			sb_put(b, "joint board of ");
			for (size_t k = 0; k < e->njoint; k++) {
				sb_put(b, k ? (k + 1 == e->njoint ? " and " : ", ") : "");
				site_link_body(b, c, "../", e->joint[k].target);
			}
		} else {
			sb_put(b, "not recorded");
		}
		sb_put(b, "</dd></div>\n");
	}
	fact(b, "In force");
	site_period(b, e->valid, 1);
	sb_put(b, "</dd></div>\n");
	if (e->kind == GOVMAP_KIND_BODY) {
		fact(b, "Statutory basis");
		sb_esc(b, e->statutory_basis ? e->statutory_basis : "not recorded");
		sb_put(b, "</dd></div>\n");
		if (e->legal_form) {
			fact(b, "Legal form");
			sb_esc(b, e->legal_form);
			sb_put(b, "</dd></div>\n");
		}
		/* the whole series, each figure with its year and kind */
		fact(b, "Public money a year");
		if (!e->nmoney)
			sb_put(b, "not recorded");
		for (size_t k = 0; k < e->nmoney; k++) {
			char fy[16];
			govmap_money_format(m, sizeof m,
					    (double)e->money[k].gbp);
			govmap_fyear_format(fy, sizeof fy, e->money[k].year);
			sb_put(b, k ? "; " : "");
			sb_esc(b, fy);
			sb_put(b, " ");
			sb_esc(b, govmap_money_kind_name(e->money[k].kind));
			sb_put(b, ": ");
			sb_esc(b, m);
		}
		sb_put(b, "</dd></div>\n");
		fact(b, "Meets in public");
		tri(b, e->meets_in_public);
		sb_put(b, "</dd></div>\n");
		fact(b, "Publishes its papers");
		tri(b, e->publishes_papers);
		sb_put(b, "</dd></div>\n");
	}
	if (e->ndecides) {
		fact(b, "Decides");
		for (size_t k = 0; k < e->ndecides; k++) {
			sb_put(b, k ? ", " : "");
			sb_esc(b, e->decides[k]);
		}
		sb_put(b, "</dd></div>\n");
	}
	sb_put(b, "</dl>\n");
	if (e->notes) {
		sb_put(b, "<p class=\"notes\">");
		sb_esc(b, e->notes);
		sb_put(b, "</p>\n");
	}
}

/* What the forum does to the actor, for each link type. */
static const char *link_verb(const char *type)
{
	static const struct {
		const char *type, *verb;
	} verbs[] = {
		{"scrutinised-by", "scrutinises"},
		{"accountable-to", "holds to account"},
		{"reports-to", "receives reports from"},
		{"elected-by", "elects"},
		{"appointed-by", "appoints"},
		{"nominated-by", "nominates"},
		{"funded-by", "funds"},
		{"regulated-by", "regulates"},
		{"inspected-by", "inspects"},
		{"audited-by", "audits"},
		{"ratified-by", "ratifies the decisions of"},
		{"member-of", "has as a member"},
		{"commissioned-by", "commissions"},
		{"part-of", "includes"},
	};
	for (size_t k = 0; type && k < sizeof verbs / sizeof *verbs; k++)
		if (strcmp(type, verbs[k].type) == 0)
			return verbs[k].verb;
	return "holds to account";
}

static const char *basis_words(govmap_basis b)
{
	switch (b) {
	case GOVMAP_BASIS_STATUTE: return "set in law";
	case GOVMAP_BASIS_REGULATION: return "set in regulations";
	case GOVMAP_BASIS_CONTRACT: return "by contract";
	case GOVMAP_BASIS_GUIDANCE: return "by guidance only";
	case GOVMAP_BASIS_VOLUNTARY: return "voluntary";
	case GOVMAP_BASIS_NONE: return "with no formal basis";
	default: return "basis not recorded";
	}
}

void site_link_sentence(site_buf *b, const site_ctx *c, const char *root,
			const govmap_edge *e)
{
	const govmap_registry *reg = c->s->reg;
	if (e->kind == GOVMAP_EDGE_LINK) {
		const govmap_entity *l = govmap_registry_at(reg, (size_t)e->link);
		unsigned p = l->powers;
		site_link_body(b, c, root, e->to);
		sb_put(b, " ");
		sb_put(b, link_verb(l->type));
		sb_put(b, " ");
		site_link_body(b, c, root, e->from);
		sb_put(b, ": ");
		sb_put(b, basis_words(l->basis));
		sb_put(b, "; ");
		const char *can[3] = {0}, *cannot[3] = {0};
		size_t nc = 0, nn = 0;
		static const struct {
			unsigned bit;
			const char *words;
		} stage[] = {
			{GOVMAP_POWER_INFORM, "require information"},
			{GOVMAP_POWER_QUESTION, "question it"},
			{GOVMAP_POWER_SANCTION, "block changes or impose "
						"consequences"},
		};
		for (size_t k = 0; k < 3; k++) {
			if (p & stage[k].bit)
				can[nc++] = stage[k].words;
			else
				cannot[nn++] = stage[k].words;
		}
		for (int pass = 0; pass < 2; pass++) {
			const char *const *v = pass ? cannot : can;
			size_t n = pass ? nn : nc;
			if (!n)
				continue;
			sb_put(b, pass ? (nc ? "; cannot " : "cannot ") : "can ");
			for (size_t k = 0; k < n; k++) {
				sb_put(b, k ? (k + 1 == n ? " and " : ", ") : "");
				sb_put(b, v[k]);
			}
		}
	} else if (e->kind == GOVMAP_EDGE_SEAT) {
		const govmap_entity *bd = govmap_registry_at(reg, (size_t)e->from);
		const govmap_seat *st = &bd->seats[e->seat];
		const char *f = govmap_fill_name(st->fill);
		const char *verb = strcmp(f, "elected") == 0 ? "elects"
				   : strcmp(f, "appointed") == 0 ? "appoints"
				   : strcmp(f, "nominated") == 0 ? "nominates"
				   : NULL;
		site_link_body(b, c, root, e->to);
		if (verb)
			sb_putf(b, " %s %u member%s of ", verb, st->count,
				st->count == 1 ? "" : "s");
		else
			sb_putf(b, " fills %u seat%s on ", st->count,
				st->count == 1 ? "" : "s");
		site_link_body(b, c, root, e->from);
		if (!verb) {
			sb_put(b, " (");
			sb_esc(b, f);
			sb_put(b, ")");
		}
	} else if (e->kind == GOVMAP_EDGE_CONTRACT) {
		site_link_body(b, c, root, e->to);
		sb_put(b, " holds ");
		site_link_body(b, c, root, e->from);
		sb_put(b, " to account through a contract: it can require "
			  "information, question it and impose the "
			  "consequences the contract gives (withholding "
			  "payment, termination)");
	} else if (govmap_registry_at(reg, (size_t)e->from)->kind ==
		   GOVMAP_KIND_BOARD) {
		site_link_body(b, c, root, e->from);
		sb_put(b, e->kind == GOVMAP_EDGE_JOINT
				  ? " is a joint board of "
				  : " is the board of ");
		site_link_body(b, c, root, e->to);
		sb_put(b, " and answers to it");
	} else {
		/* the body answers through its board */
		site_link_body(b, c, root, e->from);
		sb_put(b, " answers to its board, ");
		site_link_body(b, c, root, e->to);
	}
	sb_put(b, " &mdash; ");
	sb_put(b, govmap_strength_word(e->strength));
	sb_put(b, ".");
}

/* One step of the chain, as explain prints it. */
static void chain_step(site_buf *b, const site_ctx *c, const govmap_edge *e)
{
	const govmap_registry *reg = c->s->reg;
	char desc[300];
	govmap_edge_describe(c->s->an, e, desc, sizeof desc);
	sb_put(b, "<li>\n<p class=\"step\">");
	site_link_sentence(b, c, "../", e);
	sb_put(b, "</p>\n<details class=\"tech\"><summary>Details of this "
		  "link</summary>\n<dl class=\"link-facts\">\n");
	fact(b, "How");
	sb_esc(b, desc);
	sb_put(b, "</dd></div>\n");
	if (e->kind == GOVMAP_EDGE_LINK) {
		const govmap_entity *l = govmap_registry_at(reg, (size_t)e->link);
		char why[200];
		govmap_link_strength(l, why, sizeof why);
		fact(b, "Type");
		sb_esc(b, l->type ? l->type : "?");
		sb_put(b, "</dd></div>\n");
		fact(b, "Basis");
		sb_put(b, l->basis ? govmap_basis_name(l->basis) : "(unset)");
		sb_put(b, "</dd></div>\n");
		fact(b, "Forum");
		sb_put(b, l->forum ? govmap_forum_name(l->forum) : "(unset)");
		sb_put(b, "</dd></div>\n");
		fact(b, "Powers");
		powers(b, l->powers);
		sb_put(b, "</dd></div>\n");
		fact(b, "Strength");
		sb_putf(b, "<strong>%.3f</strong>: ", e->strength);
		sb_esc(b, why);
		sb_put(b, "</dd></div>\n");
		fact(b, "Valid");
		site_period(b, l->valid, 1);
		sb_put(b, "</dd></div>\n");
		fact(b, "Sources");
		sources(b, l);
		sb_put(b, "</dd></div>\n");
		fact(b, "Defined at");
		defined_at(b, l->pos);
		sb_put(b, "</dd></div>\n");
	} else if (e->kind == GOVMAP_EDGE_SEAT) {
		const govmap_entity *bd = govmap_registry_at(reg, (size_t)e->from);
		const govmap_seat *st = &bd->seats[e->seat];
		fact(b, "Strength");
		sb_putf(b, "<strong>%.3f</strong>: %s seats weigh %.1f, times the "
			   "share of voting seats they fill",
			e->strength, govmap_fill_name(st->fill),
			govmap_fill_weight(st->fill));
		sb_put(b, "</dd></div>\n");
		fact(b, "Valid");
		site_period(b, st->valid, 1);
		sb_put(b, "</dd></div>\n");
		fact(b, "Sources");
		sources(b, bd);
		sb_put(b, "</dd></div>\n");
		fact(b, "Defined at");
		defined_at(b, st->pos);
		sb_put(b, "</dd></div>\n");
	} else if (e->kind == GOVMAP_EDGE_CONTRACT) {
		const govmap_entity *k = govmap_registry_at(reg, (size_t)e->link);
		char why[200];
		govmap_analysis_contract_strength(c->s->an, k, why, sizeof why);
		fact(b, "Strength");
		sb_putf(b, "<strong>%.3f</strong>: ", e->strength);
		sb_esc(b, why);
		sb_put(b, "</dd></div>\n");
		fact(b, "Sources");
		sources(b, k);
		sb_put(b, "</dd></div>\n");
		fact(b, "Defined at");
		defined_at(b, k->pos);
		sb_put(b, "</dd></div>\n");
	} else {
		int32_t bi = govmap_registry_at(reg, (size_t)e->from)->kind ==
				     GOVMAP_KIND_BOARD
			     ? e->from
			     : e->to;
		const govmap_entity *bd = govmap_registry_at(reg, (size_t)bi);
		fact(b, "Strength");
		sb_putf(b, "<strong>%.3f</strong>", e->strength);
		sb_put(b, "</dd></div>\n");
		fact(b, "Sources");
		sources(b, bd);
		sb_put(b, "</dd></div>\n");
		fact(b, "Defined at");
		defined_at(b, bd->pos);
		sb_put(b, "</dd></div>\n");
	}
	sb_put(b, "</dl>\n</details>\n</li>\n");
}

/* Ids, codes, file positions and raw scores: for those who check the
 * registry, collapsed below the plain words. */
static void tech_details(site_buf *b, const site_ctx *c, size_t i)
{
	const govmap_entity *e = govmap_registry_at(c->s->reg, i);
	const govmap_score *sc = govmap_analysis_score(c->s->an, i);
	const char *r = site_entity_region(c, i);
	sb_put(b, "<details class=\"tech\" id=\"details\"><summary>Registry "
		  "details (ids, codes, files, raw scores)</summary>\n"
		  "<dl class=\"facts\">\n");
	fact(b, "Registry id");
	sb_put(b, "<code>");
	sb_esc(b, e->id);
	sb_put(b, "</code></dd></div>\n");
	fact(b, "Kind and type");
	sb_put(b, e->kind == GOVMAP_KIND_BODY ? "body" : "board");
	sb_put(b, ", <code>");
	sb_esc(b, e->type ? e->type : "board");
	sb_put(b, "</code></dd></div>\n");
	if (r) {
		fact(b, "Region path");
		sb_put(b, "<code>");
		sb_esc(b, r);
		sb_put(b, "</code></dd></div>\n");
	}
	for (size_t k = 0; k < e->ncodes; k++) {
		fact(b, "Code");
		sb_esc(b, e->codes[k].scheme);
		sb_put(b, " ");
		sb_esc(b, e->codes[k].value);
		sb_put(b, "</dd></div>\n");
	}
	if (sc->active)
		sb_putf(b, "<div><dt>Scores</dt><dd>A %.3f, D %.3f, %u "
			   "link%s to voters</dd></div>\n",
			sc->A, sc->D, sc->hops, sc->hops == 1 ? "" : "s");
	fact(b, "Defined in the registry at");
	defined_at(b, e->pos);
	sb_put(b, "</dd></div>\n</dl>\n</details>\n");
}

static void chain(site_buf *b, const site_ctx *c,
		  const govmap_analysis *an, size_t i)
{
	const govmap_score *sc = govmap_analysis_score(an, i);
	size_t ne;
	const govmap_edge *edges = govmap_analysis_edges(an, &ne);
	sb_put(b, "<h2 id=\"chain\">Chain to voters</h2>\n");
	if (sc->next < 0) {
		sb_put(b, "<p class=\"notice\">No chain of accountability from ");
		sb_esc(b, name_of(c, (int32_t)i));
		sb_put(b, " reaches any electorate.</p>\n");
		return;
	}
	sb_putf(b, "<p>The strongest chain has %u link%s; A is the product of "
		   "their strengths.</p>\n<ol class=\"chain\">\n",
		sc->hops, sc->hops == 1 ? "" : "s");
	int32_t last = (int32_t)i;
	unsigned guard = 0;
	for (int32_t k = sc->next; k >= 0 && guard++ < 1000;
	     k = govmap_analysis_score(an, (size_t)edges[k].to)->next) {
		chain_step(b, c, &edges[k]);
		last = edges[k].to;
	}
	sb_put(b, "</ol>\n<p>The chain reaches ");
	site_link_body(b, c, "../", last);
	sb_put(b, " (voters).</p>\n");
}

static void best_change(site_buf *b, const site_ctx *c, size_t i)
{
	const govmap_score *sc = govmap_analysis_score(c->s->an, i);
	size_t ne;
	const govmap_edge *edges = govmap_analysis_edges(c->s->an, &ne);
	double newA = 0;
	int32_t best = govmap_analysis_best_change(c->s->an, i, &newA);
	sb_put(b, "<h2>The single change that would help most</h2>\n<p>");
	if (best < 0) {
		sb_put(b, "Add an accountability link from ");
		sb_esc(b, name_of(c, (int32_t)i));
		sb_put(b, " to a forum that answers to voters (a council, "
			  "Parliament, the Senedd).</p>\n");
		return;
	}
	sb_put(b, "Strengthening this link to full strength (set in law, "
		  "with the powers to require information, question and "
		  "impose consequences): ");
	site_link_sentence(b, c, "../", &edges[best]);
	sb_put(b, " Its chain to voters would go from ");
	sb_put(b, govmap_strength_word(sc->A));
	sb_put(b, " to ");
	sb_put(b, govmap_strength_word(newA));
	sb_putf(b, ".</p>\n<details class=\"tech\"><summary>The numbers"
		   "</summary><p>Link strength now %.3f, at full strength "
		   "0.9; A from %.3f to %.3f (deficit %.3f to %.3f).</p>"
		   "</details>\n",
		edges[best].strength, sc->A, newA, sc->D, 1.0 - newA);
}

/* A question a committee could put, for a finding of each rule (the
 * part of its id after the plugin's name); "%s" is the body's name. */
static const struct {
	const char *rule, *question;
} rule_questions[] = {
	{"no-chain", "Through whom does %s answer to voters, and could an "
		     "elected body be given that role?"},
	{"no-sanction", "If %s fails, who can overturn its decisions, "
			"withhold its funds or remove its leaders?"},
	{"no-statutory-basis", "On what legal basis does %s take its "
			       "decisions, and who could change that?"},
	{"sock-puppet", "Is the forum that holds %s to account independent "
			"of it, or does %s appoint or fund it?"},
	{"untendered-contract", "Why was this contract of %s not put out to "
				"tender, and who agreed that?"},
	{"unpublished-contract", "Will %s publish this contract and what it "
				 "is paying?"},
	{"unresourced-scrutiny", "Do the councillors who scrutinise %s have "
				 "the officers and the budget to do it?"},
	{"vacant-seat", "Who is to fill the empty seats on %s, and by when?"},
	{"councils-per-icb", "%s covers several councils' areas: how does it "
			     "answer to the voters of each, and to the "
			     "councillors who scrutinise it?"},
	{"joint-scrutiny", "Which joint committee of the councils examines "
			   "changes that %s makes across its whole area?"},
	{"gm-joint-scrutiny", "Which joint committee of the councils examines "
			      "changes that %s makes across its whole area?"},
	{"icb-scrutiny", "Which council's health scrutiny committee examines "
			 "%s, and when did it last do so?"},
	{"icb-no-elected-member", "Would %s give a seat on its board to an "
				  "elected councillor from its area?"},
	{"healthwatch-funded-by-council", "%s is paid by the council whose "
					  "services it reports on: what "
					  "protects its contract when it "
					  "criticises that council?"},
	{"stp-no-basis", "%s had no basis in law: who answered for its "
			 "decisions?"},
	{"hscp-no-statutory-basis", "%s has no basis in law: who answers for "
				    "its decisions?"},
	{"nhs-budget-no-mayor-link", "How does the elected mayor answer for "
				     "the NHS money that %s decides on?"},
	{"ijb-indirect-chain", "Voters reach %s only through its member "
			       "councils and health board: how do those "
			       "members report back?"},
	{"rpb-not-corporate", "%s is not a body in law: who answers for what "
			      "it decides?"},
	{"decisions-without-assembly", "Who answered for the decisions of %s "
				       "while the Assembly was not sitting?"},
	{"chain-broken", "Whom does %s answer to while the chain to the "
			 "Assembly is broken?"},
};

static const char *rule_question(const char *rule)
{
	const char *slash = rule ? strchr(rule, '/') : NULL;
	const char *local = slash ? slash + 1 : rule;
	for (size_t k = 0; local && k < sizeof rule_questions /
						sizeof *rule_questions; k++)
		if (strcmp(local, rule_questions[k].rule) == 0)
			return rule_questions[k].question;
	return NULL;
}

/* Questions written from the body's own findings (one per rule), its
 * weakest link, and the Bovens stages no forum covers. */
static void questions(site_buf *b, const site_ctx *c, size_t i)
{
	unsigned p = govmap_analysis_stages(c->s->an, i);
	const char *n = name_of(c, (int32_t)i);
	const govmap_findings *fs = c->s->findings;
	sb_put(b, "<h2 id=\"questions\">Questions for a committee</h2>\n"
		  "<p>Written from what the registry finds about ");
	sb_esc(b, n);
	sb_put(b, ".</p>\n<ul class=\"questions\">\n");
	for (size_t k = 0; k < fs->n; k++) {
		const govmap_finding *f = &fs->v[k];
		if (f->suppressed || site_finding_body(c, f) != (int32_t)i ||
		    f->category == GOVMAP_CAT_DATA)
			continue;
		/* one question per rule */
		int seen = 0;
		for (size_t j = 0; j < k && !seen; j++)
			seen = !fs->v[j].suppressed &&
			       site_finding_body(c, &fs->v[j]) == (int32_t)i &&
			       strcmp(fs->v[j].rule, f->rule) == 0;
		if (seen)
			continue;
		const char *q = rule_question(f->rule);
		sb_put(b, "<li>");
		if (q) {
			/* the templates hold "%s" for the name, at most
			 * twice, and no other conversion */
			const char *at = q;
			for (const char *s2; (s2 = strstr(at, "%s")) != NULL;
			     at = s2 + 2) {
				sb_putn(b, at, (size_t)(s2 - at));
				sb_esc(b, n);
			}
			sb_put(b, at);
		} else {
			sb_put(b, "The registry finds: &ldquo;");
			site_msg(b, c, "../", f->msg);
			sb_put(b, "&rdquo; What is the answer of ");
			sb_esc(b, n);
			sb_put(b, "?");
		}
		sb_put(b, "</li>\n");
	}
	/* the weakest step of its best chain */
	const govmap_score *sc = govmap_analysis_score(c->s->an, i);
	size_t ne;
	const govmap_edge *edges = govmap_analysis_edges(c->s->an, &ne);
	int32_t weakest = -1;
	unsigned guard = 0;
	for (int32_t k = sc->next; k >= 0 && guard++ < 1000;
	     k = govmap_analysis_score(c->s->an, (size_t)edges[k].to)->next)
		if (weakest < 0 || edges[k].strength < edges[weakest].strength)
			weakest = k;
	if (weakest >= 0 && edges[weakest].strength < 0.7) {
		sb_put(b, "<li>The weakest step of its chain to voters is ");
		sb_put(b, govmap_strength_word(edges[weakest].strength));
		sb_put(b, ": ");
		site_link_sentence(b, c, "../", &edges[weakest]);
		sb_put(b, " What would it take to make that step stronger?"
			  "</li>\n");
	}
	if (!(p & GOVMAP_POWER_INFORM)) {
		sb_put(b, "<li>No forum has a right to be informed by ");
		sb_esc(b, n);
		sb_put(b, ": what does it publish about its decisions and "
			  "spending, and does it meet in public?</li>\n");
	}
	if (!(p & GOVMAP_POWER_QUESTION)) {
		sb_put(b, "<li>No forum can question ");
		sb_esc(b, n);
		sb_put(b, ": which elected body can call its leaders to answer "
			  "in public, and will they attend this committee when "
			  "invited?</li>\n");
	}
	if (!(p & GOVMAP_POWER_SANCTION)) {
		sb_put(b, "<li>No forum can impose consequences on ");
		sb_esc(b, n);
		sb_put(b, ": what happens if it ignores this committee's "
			  "recommendations?</li>\n");
	}
	if ((p & 7u) == 7u) {
		sb_put(b, "<li>Its forums can require information, question it "
			  "and impose consequences: when did each last use "
			  "those powers over ");
		sb_esc(b, n);
		sb_put(b, "?</li>\n");
	}
	sb_put(b, "</ul>\n");
}

/* Every edge into or out of the body, for scrutiny beyond the best
 * chain. */
static void other_links(site_buf *b, const site_ctx *c, size_t i)
{
	size_t ne;
	const govmap_edge *edges = govmap_analysis_edges(c->s->an, &ne);
	size_t nout = 0, nin = 0;
	for (size_t k = 0; k < ne; k++) {
		nout += edges[k].from == (int32_t)i;
		nin += edges[k].to == (int32_t)i;
	}
	sb_put(b, "<h2>All its accountability links</h2>\n");
	if (!nout && !nin) {
		sb_put(b, "<p>None in force on this date.</p>\n");
		return;
	}
	sb_put(b, "<p>In force on this date, strongest first: first those it "
		  "gives account to, then those that give account to it.</p>\n"
		  "<ul class=\"links-said\">\n");
	for (int dir = 0; dir < 2; dir++) {
		/* simple selection by strength: few edges per body */
		char *done = calloc(ne ? ne : 1, 1);
		if (!done) {
			b->oom = 1;
			return;
		}
		for (;;) {
			int32_t best = -1;
			for (size_t k = 0; k < ne; k++) {
				int32_t end = dir == 0 ? edges[k].from : edges[k].to;
				if (end != (int32_t)i || done[k])
					continue;
				if (best < 0 || edges[k].strength > edges[best].strength)
					best = (int32_t)k;
			}
			if (best < 0)
				break;
			done[best] = 1;
			sb_put(b, "<li>");
			site_link_sentence(b, c, "../", &edges[best]);
			sb_put(b, "</li>\n");
		}
		free(done);
	}
	sb_put(b, "</ul>\n");
}

static void seats(site_buf *b, const site_ctx *c, const govmap_entity *e)
{
	if (e->kind != GOVMAP_KIND_BOARD || !e->nseats)
		return;
	sb_put(b, "<h2>Seats</h2>\n<div class=\"table-wrap\">\n<table class="
		  "\"seats\">\n<caption>Seats on the board and how they are "
		  "filled</caption>\n<thead><tr><th scope=\"col\">Role</th>"
		  "<th scope=\"col\" class=\"num\">Seats</th><th scope=\"col\">"
		  "Filled</th><th scope=\"col\">By</th><th scope=\"col\">Voting"
		  "</th><th scope=\"col\" class=\"num\">Vacant</th>"
		  "<th scope=\"col\">Valid</th></tr></thead>\n<tbody>\n");
	for (size_t k = 0; k < e->nseats; k++) {
		const govmap_seat *st = &e->seats[k];
		sb_put(b, "<tr><th scope=\"row\">");
		sb_esc(b, st->role ? st->role : "?");
		sb_putf(b, "</th><td class=\"num\">%u</td><td>", st->count);
		sb_put(b, st->fill ? govmap_fill_name(st->fill) : "not recorded");
		sb_put(b, "</td><td>");
		if (st->by.target >= 0)
			site_link_body(b, c, "../", st->by.target);
		else
			sb_put(b, "&ndash;");
		if (st->approved_by.target >= 0) {
			sb_put(b, ", approved by ");
			site_link_body(b, c, "../", st->approved_by.target);
		}
		sb_put(b, "</td><td>");
		tri(b, st->voting);
		sb_putf(b, "</td><td class=\"num\">%u</td><td>", st->vacant);
		site_period(b, st->valid, 1);
		sb_put(b, "</td></tr>\n");
	}
	sb_put(b, "</tbody>\n</table>\n</div>\n");
}

static int about_body(const site_ctx *c, const govmap_finding *f,
		      const void *arg)
{
	return site_finding_body(c, f) == *(const int32_t *)arg;
}

/* Its chain is one step to an electorate by election (a council, a
 * mayor): neither advice nor stock questions apply. */
static int directly_elected(const site_ctx *c, size_t i)
{
	const govmap_score *sc = govmap_analysis_score(c->s->an, i);
	size_t ne;
	const govmap_edge *edges = govmap_analysis_edges(c->s->an, &ne);
	if (sc->hops != 1 || sc->next < 0)
		return 0;
	const govmap_edge *e = &edges[sc->next];
	const govmap_registry *reg = c->s->reg;
	if (e->kind == GOVMAP_EDGE_LINK) {
		const char *t = govmap_registry_at(reg, (size_t)e->link)->type;
		return t && strcmp(t, "elected-by") == 0;
	}
	if (e->kind == GOVMAP_EDGE_SEAT)
		return govmap_registry_at(reg, (size_t)e->from)
			       ->seats[e->seat].fill == GOVMAP_FILL_ELECTED;
	return 0;
}

/* The scores of body i in analysis `an` (the site's date, or an ended
 * body's last day in force, `date`). */
static void scores(site_buf *b, const govmap_analysis *an, size_t i,
		   const char *date)
{
	const govmap_score *sc = govmap_analysis_score(an, i);
	char m[160], x[32], at[48], why[300];
	govmap_score_money_text(sc, m, sizeof m);
	if (sc->money >= 0)
		govmap_money_format(x, sizeof x, sc->exposure);
	else
		snprintf(x, sizeof x, "unknown");
	sb_put(b, "<h2>Scores on ");
	sb_esc(b, date);
	sb_put(b, "</h2>\n<dl class=\"headlines scores\">\n"
		   "<div><dt>Chain to voters</dt><dd>");
	sb_put(b, sc->next < 0 && !sc->electorate
			   ? "none"
			   : govmap_strength_word(sc->A));
	sb_put(b, "</dd><dd class=\"note\">");
	sb_esc(b, govmap_analysis_reason(an, i, why, sizeof why));
	if (sc->A_high - sc->A > GOVMAP_INTERVAL_SHOWN)
		sb_put(b, ". The range runs from no chain through "
			   "what is not recorded (a link's powers, how "
			   "seats are filled) to the best case");
	sb_put(b, "; accountability A = ");
	sb_esc(b, govmap_score_A_text(sc, 3, at, sizeof at));
	char fy[16];
	govmap_fyear_format(fy, sizeof fy,
			    govmap_fyear_of(govmap_analysis_date(an)));
	sb_putf(b, " (1 = directly elected; 0 = no chain); deficit D "
		    "= 1 &minus; A = %.3f</dd></div>\n<div><dt>Public "
		    "money in ",
		sc->D);
	sb_esc(b, fy);
	sb_put(b, "</dt><dd>");
	sb_esc(b, m);
	/* unknown for the year, recorded for others: say which, and that
	 * they are not this year's (the facts above list the series) */
	const govmap_entity *e = govmap_registry_at(
		govmap_analysis_registry(an), i);
	char series[1024];
	if (sc->money < 0 &&
	    govmap_money_series_text(e, series, sizeof series)) {
		sb_put(b, "</dd><dd class=\"note\">none recorded for this "
			  "year; recorded for other years: ");
		sb_esc(b, series);
		sb_put(b, " (not counted as this year's)");
	}
	sb_put(b, "</dd></div>\n<div><dt>Exposure (D &times; money)</dt>"
		   "<dd>");
	sb_esc(b, x);
	sb_put(b, "</dd></div>\n</dl>\n");
}

static int one_body(site_ctx *c, size_t i)
{
	const govmap_entity *e = govmap_registry_at(c->s->reg, i);
	const govmap_score *sc = govmap_analysis_score(c->s->an, i);
	const char *name = e->name ? e->name : e->id;
	if (!site_id_ok(e->id))
		return 0;
	site_buf b = {0};
	site_page_begin(&b, c, "../", name, NULL);
	const char *r = site_entity_region(c, i);
	sb_put(&b, "<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\"><ol>\n"
		   "<li><a href=\"../index.html\">Overview</a></li>\n");
	if (r && site_region_ok(r)) {
		for (const char *p = r;; p++) {
			if (*p == '/' || !*p) {
				char prefix[256], title[256];
				snprintf(prefix, sizeof prefix, "%.*s",
					 (int)(p - r), r);
				site_region_title(title, sizeof title, prefix);
				sb_put(&b, "<li>");
				site_link_region(&b, "../", prefix, title);
				sb_put(&b, "</li>\n");
			}
			if (!*p)
				break;
		}
	}
	sb_put(&b, "<li aria-current=\"page\">");
	sb_esc(&b, name);
	sb_put(&b, "</li>\n</ol></nav>\n<h1>");
	sb_esc(&b, name);
	sb_put(&b, "</h1>\n");
	facts(&b, c, i);
	govmap_date last = 0;
	const govmap_analysis *lan = sc->active ? NULL : site_last_day(c, i, &last);
	if (!sc->active && lan) {
		/* ended: its scores on its last day in force */
		char d[11];
		govmap_date_format(d, last);
		sb_put(&b, "<p class=\"notice\">No longer in force on ");
		sb_esc(&b, c->date);
		sb_put(&b, ". Its scores below are those of its last day in "
			   "force, ");
		sb_esc(&b, d);
		sb_put(&b, ".</p>\n");
		scores(&b, lan, i, d);
		if (!govmap_analysis_score(lan, i)->electorate)
			chain(&b, c, lan, i);
	} else if (!sc->active) {
		govmap_date on = govmap_analysis_date(c->s->an);
		govmap_date bound = GOVMAP_DATE_BOUND(e->valid.from);
		sb_put(&b, "<p class=\"notice\">Not in force on ");
		sb_esc(&b, c->date);
		if (bound > on) {
			/* a start known only to be no later than a day */
			char d[11];
			govmap_date_format(d, bound);
			sb_put(&b, ": its start date is not known; it began "
				   "no later than ");
			sb_esc(&b, d);
			sb_put(&b, ", so it is counted in force only from "
				   "then and has no scores yet.</p>\n");
		} else
			sb_put(&b, e->valid.from > on
					   ? ": it had not begun, so there is "
					     "nothing to score yet.</p>\n"
					   : ": its dates are not recorded, so "
					     "it is not counted in force and has "
					     "no scores.</p>\n");
	} else {
		scores(&b, c->s->an, i, c->date);
		if (sc->electorate) {
			sb_put(&b, "<p>An electorate: the root of democratic "
				   "accountability (A = 1).</p>\n");
		} else {
			chain(&b, c, c->s->an, i);
			/* directly elected: no advice to give */
			if (!directly_elected(c, i))
				best_change(&b, c, i);
		}
	}
	if (sc->active) {
		/* what it holds to account and where it sits: the "your
		 * council" view, for any body that is a forum */
		size_t nf = site_forum_edges(NULL, c, "../", i, 0);
		size_t ns = site_forum_edges(NULL, c, "../", i, 1);
		if (nf) {
			sb_put(&b, "<h2 id=\"holds\">What ");
			sb_esc(&b, name);
			sb_put(&b, " holds to account</h2>\n<ul class=\"links-said\">\n");
			site_forum_edges(&b, c, "../", i, 0);
			sb_put(&b, "</ul>\n");
		}
		if (ns) {
			sb_put(&b, "<h2 id=\"sits\">Boards it sits on or "
				   "appoints to</h2>\n<ul class=\"links-said\">\n");
			site_forum_edges(&b, c, "../", i, 1);
			sb_put(&b, "</ul>\n");
		}
	}
	site_since_body(&b, c, i);
	int32_t self = (int32_t)i;
	sb_put(&b, "<h2 id=\"findings\">Findings</h2>\n");
	site_findings(&b, c, "../", about_body, &self, 0, "h3");
	if (sc->active && !sc->electorate && !directly_elected(c, i))
		questions(&b, c, i);
	if (sc->active)
		other_links(&b, c, i);
	seats(&b, c, e);
	site_history_section(&b, c, i);
	sb_put(&b, "<h2 id=\"sources\">Sources</h2>\n");
	sources(&b, e);
	tech_details(&b, c, i);
	site_page_end(&b, c, "../");
	char path[160];
	snprintf(path, sizeof path, "bodies/%s.html", e->id);
	return site_write(c, path, &b);
}

int site_write_bodies(site_ctx *c)
{
	int rc = 0;
	size_t n = govmap_registry_count(c->s->reg);
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(c->s->reg, i);
		if (e->kind == GOVMAP_KIND_BODY || e->kind == GOVMAP_KIND_BOARD)
			rc |= one_body(c, i);
	}
	return rc;
}
