/*
 * site_ref.c - the site's reference pages: the rules (rules/index.html
 * and one page per rule, the core's from govmap_core_rules() and each
 * loaded plugin's, with its legal basis and its findings) and the
 * glossary (glossary.html: the bodies, acronyms and terms a committee
 * meets in the maps).
 *
 * Rule text may come from plugins: it goes through sb_esc() like
 * registry text.  Must not change the model.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>

#include "site.h"

static size_t count_findings(const site_ctx *c, const char *rule)
{
	size_t n = 0;
	for (size_t k = 0; k < c->s->findings->n; k++)
		n += strcmp(c->s->findings->v[k].rule, rule) == 0 &&
		     !c->s->findings->v[k].suppressed;
	return n;
}

static void origin(site_buf *b, const char *id)
{
	const char *slash = strchr(id, '/');
	if (strncmp(id, "core/", 5) == 0 || !slash) {
		sb_put(b, "govmap's core rules, which apply everywhere");
		return;
	}
	sb_put(b, "a region plugin: rules for one nation or area's own law");
}

static int of_rule(const site_ctx *c, const govmap_finding *f,
		   const void *rule)
{
	(void)c;
	return strcmp(f->rule, rule) == 0;
}

static int one_rule(site_ctx *c, const govmap_rule_info *r)
{
	char file[256], path[300];
	site_file_name(file, sizeof file, r->id);
	if (!file[0])
		return 0;
	site_buf b = {0};
	const char *title = r->title ? r->title : r->id;
	site_page_begin(&b, c, "../", title, "rules");
	sb_put(&b, "<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\"><ol>\n"
		   "<li><a href=\"../index.html\">Overview</a></li>\n"
		   "<li><a href=\"index.html\">Rules</a></li>\n"
		   "<li aria-current=\"page\">");
	sb_esc_cap(&b, title);
	sb_put(&b, "</li>\n</ol></nav>\n<h1>");
	sb_esc_cap(&b, title);
	sb_put(&b, "</h1>\n<dl class=\"facts\">\n<div><dt>Most severe "
		   "finding</dt><dd>");
	sb_put(&b, govmap_severity_name(r->severity));
	sb_put(&b, "</dd></div>\n<div><dt>From</dt><dd>");
	origin(&b, r->id);
	sb_put(&b, "</dd></div>\n<div><dt>Legal or documentary basis</dt><dd>");
	sb_esc(&b, r->basis ? r->basis : "none given");
	sb_put(&b, "</dd></div>\n</dl>\n<p>A registry entry may accept a "
		   "finding of this rule as an exception by naming the rule "
		   "and a reason under <code>suppress</code>; such findings "
		   "are listed, with their reasons, as reviewed exceptions."
		   "</p>\n<details class=\"tech\" id=\"details\"><summary>"
		   "For registry editors: the rule's id</summary>\n<p>Name "
		   "<code>");
	sb_esc(&b, r->id);
	sb_put(&b, "</code> under <code>suppress</code> to accept a "
		   "finding of this rule as an exception.</p>\n</details>\n"
		   "<h2>Findings on ");
	sb_esc(&b, c->date);
	sb_put(&b, "</h2>\n");
	site_findings(&b, c, "../", of_rule, r->id, 1, "h3");
	site_page_end(&b, c, "../");
	snprintf(path, sizeof path, "rules/%s.html", file);
	return site_write(c, path, &b);
}

int site_write_rules(site_ctx *c)
{
	int rc = 0;
	site_buf b = {0};
	site_page_begin(&b, c, "../", "Rules", "rules");
	sb_put(&b, "<h1>Rules</h1>\n<p>Each finding comes from a rule with a "
		   "legal or documentary basis: the core rules apply "
		   "everywhere; region plugins add rules for their own "
		   "law. Each rule's page gives its id, which a registry entry "
		   "names to accept a finding as an exception.</p>\n");
	static const char *const cols[] = {"What it checks", "Severity",
					   "Basis", "=Findings", NULL};
	site_table_begin(&b, NULL, "rules", "Every rule, with its basis and "
			 "the number of findings on this date", cols);
	for (size_t i = 0; i < c->nrules; i++) {
		const govmap_rule_info *r = c->rules[i];
		sb_put(&b, "<tr><th scope=\"row\">");
		site_link_rule_title(&b, c, "../", r->id,
				     r->title ? r->title : r->id);
		sb_put(&b, "</th>");
		site_td(&b, "Severity", NULL);
		sb_put(&b, govmap_severity_name(r->severity));
		sb_put(&b, "</td>");
		site_td(&b, "Basis", NULL);
		sb_esc(&b, r->basis ? r->basis : "none given");
		sb_put(&b, "</td>");
		site_td(&b, "Findings", "num");
		sb_putf(&b, "%zu</td></tr>\n", count_findings(c, r->id));
	}
	if (!c->nrules)
		sb_put(&b, "<tr><td colspan=\"4\">No rules.</td></tr>\n");
	site_table_end(&b);
	site_page_end(&b, c, "../");
	rc |= site_write(c, "rules/index.html", &b);
	for (size_t i = 0; i < c->nrules; i++)
		rc |= one_rule(c, c->rules[i]);
	return rc;
}

/* ---- the glossary ---- */

static const struct {
	const char *id, *term, *text;
} glossary[] = {
	{"accountability", "Accountability (A)",
	 "A relationship in which an actor must inform a forum about its "
	 "conduct, the forum can question it, and the forum can impose "
	 "consequences (Bovens, 2007). In govmap, a body's accountability A "
	 "is the strength, from 0 to 1, of its strongest chain of such "
	 "relationships to an electorate: 1 for the voters themselves, 0 "
	 "when no chain reaches them."},
	{"basis", "Basis",
	 "What obliges a body to give account over a link: statute (an Act), "
	 "regulation, contract, guidance, a voluntary arrangement, or none. "
	 "Statute weighs most (1.0), none least (0.1)."},
	{"bovens", "Bovens stages",
	 "The three stages of accountability: information (the forum is told "
	 "what the body did), debate (the forum can question it) and "
	 "consequences (the forum can impose sanctions). A body page lists "
	 "questions for each stage that no forum covers."},
	{"ccg", "CCG (clinical commissioning group)",
	 "NHS bodies in England, created by the Health and Social Care Act "
	 "2012, that planned and bought most local health services from "
	 "April 2013 until they were abolished on 1 July 2022 by the Health "
	 "and Care Act 2022 and replaced by integrated care boards (ICBs)."},
	{"chain", "Chain to voters",
	 "A path of accountability links from a body to an electorate, for "
	 "example an ICB that reports to NHS England, which answers to the "
	 "Secretary of State, who answers to Parliament, which is elected. "
	 "Its strength is the product of the links' strengths, so every step "
	 "of delegation weakens it."},
	{"cqc", "CQC (Care Quality Commission)",
	 "The independent regulator of health and adult social care in "
	 "England, set up by the Health and Social Care Act 2008."},
	{"deficit", "Deficit (D)",
	 "The democratic deficit of a body: D = 1 - A. A deficit near 1 "
	 "means the body's chain to voters is weak or missing."},
	{"dhsc", "DHSC (Department of Health and Social Care)",
	 "The UK government department led by the Secretary of State for "
	 "Health and Social Care, who answers to Parliament for the NHS in "
	 "England."},
	{"electorate", "Electorate",
	 "The voters of an area: the root of democratic accountability. "
	 "Electorates elect councils, mayors and parliaments."},
	{"exposure", "Exposure",
	 "Deficit times the public money a body controls a year: how much "
	 "money is decided with how little accountability. Bodies are ranked "
	 "by exposure."},
	{"finding", "Finding",
	 "Something a rule says about a body, a link or a contract: an "
	 "error, a warning or information, with the rule's basis."},
	{"footprint", "Footprint",
	 "An area below a nation or region, written as a region path with "
	 "two or more parts such as england/greater-manchester: the area of "
	 "an integrated care system, a Welsh health board or a combined "
	 "authority."},
	{"gmca", "GMCA (Greater Manchester Combined Authority)",
	 "The combined authority of the ten Greater Manchester councils, "
	 "established in 2011 under the Local Democracy, Economic Development "
	 "and Construction Act 2009 and led since 2017 by the directly "
	 "elected Mayor of Greater Manchester."},
	{"govmap", "govmap",
	 "The tool that made this site: it reads a versioned registry of "
	 "bodies, boards, contracts and accountability links, scores each "
	 "body and draws the maps."},
	{"health-board", "Health board (Scotland)",
	 "The 14 territorial NHS boards of Scotland (National Health Service "
	 "(Scotland) Act 1978 s.2), each serving the combined area of one or "
	 "more councils. Their members are appointed by the Scottish "
	 "Ministers, who answer to the Scottish Parliament."},
	{"healthwatch", "Healthwatch",
	 "The statutory champion of people who use health and social care "
	 "services in England: a local Healthwatch for each council area and "
	 "Healthwatch England, a committee of the CQC (Health and Social Care "
	 "Act 2012). A local Healthwatch can enter and view services and "
	 "refer matters to a council's scrutiny committee."},
	{"hsc-trust", "HSC trust (Northern Ireland)",
	 "The five health and social care trusts that provide hospital, "
	 "community health and social care services in Northern Ireland. "
	 "They answer to the Department of Health, whose Minister answers to "
	 "the Northern Ireland Assembly when it sits."},
	{"hwb", "Health and wellbeing board",
	 "A statutory committee of each upper-tier council in England "
	 "(Health and Social Care Act 2012) where councillors, the NHS and "
	 "others plan for the health and wellbeing of the area."},
	{"icb", "ICB (integrated care board)",
	 "Statutory NHS bodies in England set up on 1 July 2022 by the Health "
	 "and Care Act 2022, one for each integrated care system, which plan "
	 "and pay for most NHS services in their area. Their board members "
	 "are appointed, not elected."},
	{"icp", "ICP (integrated care partnership)",
	 "A statutory joint committee of an ICB and the upper-tier councils "
	 "in its area (Health and Care Act 2022) that writes the area's "
	 "integrated care strategy. It does not itself commission services."},
	{"ics", "ICS (integrated care system)",
	 "The partnership of the NHS and local government in an area of "
	 "England: its ICB and ICP together."},
	{"ijb", "IJB (integration joint board)",
	 "A body corporate set up under the Public Bodies (Joint Working) "
	 "(Scotland) Act 2014 to which a council (or two) and a health board "
	 "delegate adult health and social care. Its voting members are "
	 "councillors and health board members nominated in equal numbers; "
	 "it has no election of its own."},
	{"josc", "JOSC (joint overview and scrutiny committee)",
	 "A committee formed by two or more councils to scrutinise health "
	 "services across their areas, using councils' health scrutiny "
	 "powers (NHS Act 2006 s.244 and the 2013 health scrutiny "
	 "regulations)."},
	{"lead-agency", "Lead agency model",
	 "The other model of integration in Scotland, used only in Highland: "
	 "the council and the health board each delegate functions to the "
	 "other, overseen by an integration joint monitoring committee, "
	 "instead of to an IJB."},
	{"lhb", "LHB (local health board)",
	 "The seven NHS bodies in Wales, most of them called university "
	 "health boards, that plan and provide health services in their "
	 "area under the NHS (Wales) Act 2006. They answer to the Welsh "
	 "Ministers, who answer to the Senedd."},
	{"link", "Link",
	 "One accountability relationship in the registry: a body (the "
	 "actor) gives account to another (the forum). Its strength is 0.9 "
	 "(one step of delegation) times its basis, its powers and its "
	 "type."},
	{"nhs-england", "NHS England",
	 "The arm's-length body that leads the NHS in England, created as "
	 "the NHS Commissioning Board by the Health and Social Care Act 2012 "
	 "and accountable to the Secretary of State."},
	{"ni-assembly", "Northern Ireland Assembly",
	 "The devolved legislature of Northern Ireland, to which the "
	 "Executive and its Ministers answer. It did not sit from January "
	 "2017 to January 2020 or from February 2022 to February 2024, when "
	 "departments were run by their senior officials."},
	{"powers", "Powers",
	 "What a forum can do over the actor on a link: require information "
	 "(0.3), question it (0.3), impose sanctions (0.4). A link with none "
	 "listed weighs 0.2."},
	{"rpb", "RPB (regional partnership board)",
	 "Boards set up under Part 9 of the Social Services and Well-being "
	 "(Wales) Act 2014, one for each Welsh health board area, bringing "
	 "together the health board, councils, the third sector and others "
	 "to integrate health and social care."},
	{"rule", "Rule",
	 "A check govmap runs on the registry, with a legal or documentary "
	 "basis. The core rules apply everywhere; region plugins add their "
	 "own."},
	{"scrutiny", "Scrutiny (overview and scrutiny)",
	 "Council committees that review decisions and services, including "
	 "statutory powers to scrutinise the NHS in their area: to require "
	 "information and attendance and to make recommendations."},
	{"sppg", "SPPG (Strategic Planning and Performance Group)",
	 "The group within Northern Ireland's Department of Health that has "
	 "planned and commissioned health and social care since the Health "
	 "and Social Care Board closed on 31 March 2022."},
	{"stp", "STP (sustainability and transformation partnership)",
	 "Non-statutory partnerships of NHS bodies and councils in England, "
	 "44 areas from 2016, that became integrated care systems by 2022. "
	 "They had no statutory basis of their own."},
	{"suppressed", "Reviewed exception (suppressed finding)",
	 "A finding the registry accepts for a stated reason. It stays "
	 "listed, with the reason, and is not counted."},
};

int site_write_glossary(site_ctx *c)
{
	site_buf b = {0};
	site_page_begin(&b, c, "", "Glossary", "glossary");
	sb_put(&b, "<h1>Glossary</h1>\n<p>The bodies, acronyms and terms used "
		   "on this site.</p>\n<nav aria-label=\"Glossary terms\" "
		   "class=\"glossary-index\"><ul>\n");
	size_t n = sizeof glossary / sizeof *glossary;
	for (size_t i = 0; i < n; i++) {
		sb_put(&b, "<li><a href=\"#");
		sb_put(&b, glossary[i].id);
		sb_put(&b, "\">");
		sb_esc(&b, glossary[i].term);
		sb_put(&b, "</a></li>\n");
	}
	sb_put(&b, "</ul></nav>\n<dl class=\"glossary\">\n");
	for (size_t i = 0; i < n; i++) {
		sb_put(&b, "<dt id=\"");
		sb_put(&b, glossary[i].id);
		sb_put(&b, "\">");
		sb_esc(&b, glossary[i].term);
		sb_put(&b, "</dt>\n<dd>");
		sb_esc(&b, glossary[i].text);
		sb_put(&b, "</dd>\n");
	}
	sb_put(&b, "</dl>\n");
	site_page_end(&b, c, "");
	return site_write(c, "glossary.html", &b);
}
