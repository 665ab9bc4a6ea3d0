/*
 * northern_ireland.c - the northern-ireland plugin: health and social care
 * in Northern Ireland, and the periods when the Assembly did not sit.
 *
 * Law: Northern Ireland Act 1998 (ss.16A-20: the First Minister, deputy
 * First Minister, Northern Ireland Ministers and the Executive Committee,
 * answerable to the Assembly); Departments (Northern Ireland) Order 1999
 * (a department's functions exercised under the direction and control of
 * its Minister); Northern Ireland (Executive Formation and Exercise of
 * Functions) Act 2018 s.3 and Northern Ireland (Executive Formation etc)
 * Act 2022 s.3 (senior officers may exercise a department's functions in
 * the public interest while there are no Ministers); Health and Social
 * Care (Reform) Act (Northern Ireland) 2009 (the Department, the Regional
 * Board, the Public Health Agency, HSC trusts, RQIA); Health and Social
 * Care Act (Northern Ireland) 2022 (the Regional Board dissolved, its
 * functions to the Department).
 *
 * This file owns the plugin's rules; it reads the registry only through
 * the host table and must not keep state between rules or print.
 *
 * How the data expresses Northern Ireland (see also registry/README.md):
 *   - bodies whose region is northern-ireland or below it;
 *   - the Assembly is a body of type legislature or parliament; the
 *     Executive a body of type government, each Minister a body of type
 *     minister, each department a body of type government-department;
 *   - "the Assembly sits" is expressed by links, not by the Assembly's
 *     own dates: the Executive's and each Minister's accountable-to link
 *     to the Assembly is valid only while the Assembly sat and the
 *     Executive functioned (separate dated links, one per period), so on
 *     a date outside them the link is not in force;
 *   - a department answers to its Minister (accountable-to);
 *   - an HSC trust is a body of type hsc-trust.
 *
 * Rules judge the registry as it stood on the evaluation date (`--on`).
 * The plugin uses the host table's SDK accessors (govmap 0.2): it
 * refuses to load, saying so, on an older host.
 */
#include <stdio.h>

#include "govmap/plugin.h"

static const govmap_host *H;

static int ni_init(const govmap_host *h, char *why, size_t size)
{
	if (!GOVMAP_HOST_HAS(h, is_type)) {
		snprintf(why, size, "needs the plugin SDK accessors (govmap "
				    "0.2 or later)");
		return 1;
	}
	H = h;
	return 0;
}

static void ni_fini(void)
{
	H = NULL;
}

static int is_type(govmap_rule_ctx *c, int32_t e, const char *t)
{
	return H->is_type(c, e, t);
}

static int active(govmap_rule_ctx *c, int32_t e)
{
	return H->active(c, e);
}

static int in_ni(govmap_rule_ctx *c, int32_t e)
{
	return H->region_in(c, H->region(c, e), "northern-ireland");
}

static int is_legislature(govmap_rule_ctx *c, int32_t e)
{
	return is_type(c, e, "legislature") || is_type(c, e, "parliament");
}

/* The bodies of type t in force in Northern Ireland, in registry
 * order. */
#define FOR_ACTIVE_NI(c, x, t)                                              \
	for (size_t x##_i = 0;                                              \
	     x##_i < H->type_count(c, GOVMAP_KIND_BODY, t); x##_i++)         \
		for (int32_t x = H->type_at(c, GOVMAP_KIND_BODY, t, x##_i);   \
		     x >= 0 && active(c, x) && in_ni(c, x); x = -1)

/* The first link in force from `from` of one of the types (NULL-ended)
 * whose other end is in force and passes `ok` (NULL: any); -1 if none. */
static int32_t link_out(govmap_rule_ctx *c, int32_t from,
			const char *const *types,
			int (*ok)(govmap_rule_ctx *, int32_t))
{
	for (size_t k = 0; k < H->links_from_count(c, from); k++) {
		int32_t l = H->link_from_at(c, from, k);
		int32_t to = H->link_to(c, l);
		if (!active(c, l) || !active(c, to) || (ok && !ok(c, to)))
			continue;
		for (size_t i = 0; types[i]; i++)
			if (is_type(c, l, types[i]))
				return l;
	}
	return -1;
}

static const char *const ANSWERS[] = {"accountable-to", "reports-to",
				      "scrutinised-by", NULL};

/* Does body b answer to a sitting legislature, directly or through the
 * Executive it is part of? */
static int answers_to_assembly(govmap_rule_ctx *c, int32_t b)
{
	if (link_out(c, b, ANSWERS, is_legislature) >= 0)
		return 1;
	for (size_t k = 0; k < H->links_from_count(c, b); k++) {
		int32_t l = H->link_from_at(c, b, k);
		if (active(c, l) && is_type(c, l, "part-of") &&
		    is_type(c, H->link_to(c, l), "government") &&
		    link_out(c, H->link_to(c, l), ANSWERS, is_legislature) >= 0)
			return 1;
	}
	return 0;
}

static void fmt_date(char *buf, size_t size, int32_t d);

static void date_text(govmap_rule_ctx *c, char *buf, size_t size)
{
	fmt_date(buf, size, H->on(c));
}

static void check_sitting(govmap_rule_ctx *c)
{
	static const char *const KINDS[] = {"government", "minister", NULL};
	char on[16];
	date_text(c, on, sizeof on);
	for (size_t k = 0; KINDS[k]; k++)
		FOR_ACTIVE_NI(c, b, KINDS[k])
		{
			if (link_out(c, b, ANSWERS, is_legislature) < 0)
				H->report(c, GOVMAP_SEV_WARNING, NULL, b,
					  "'%s' answers to no sitting "
					  "legislature on %s: the Northern "
					  "Ireland Assembly was not sitting, so "
					  "its chain to voters is broken",
					  H->id(c, b), on);
		}
}

static int is_minister_or_gov(govmap_rule_ctx *c, int32_t e)
{
	return is_type(c, e, "minister") || is_type(c, e, "government");
}

static void check_decisions(govmap_rule_ctx *c)
{
	char on[16];
	date_text(c, on, sizeof on);
	FOR_ACTIVE_NI(c, d, "government-department")
	{
		if (link_out(c, d, ANSWERS, is_legislature) >= 0)
			continue;
		int32_t l = link_out(c, d, ANSWERS, is_minister_or_gov);
		if (l < 0) {
			H->report(c, GOVMAP_SEV_WARNING, NULL, d,
				  "department '%s' answers to no minister on "
				  "%s: its decisions have no recorded chain to "
				  "the Assembly",
				  H->id(c, d), on);
			continue;
		}
		int32_t m = H->link_to(c, l);
		if (!answers_to_assembly(c, m))
			H->report(c, GOVMAP_SEV_WARNING, NULL, d,
				  "decisions of department '%s' on %s were "
				  "taken while the Assembly did not sit: '%s' "
				  "answered to no sitting Assembly, and the "
				  "department's senior officers exercised its "
				  "functions in the public interest",
				  H->id(c, d), on, H->id(c, m));
	}
}

static void fmt_date(char *buf, size_t size, int32_t d)
{
	snprintf(buf, size, "%04d-%02d-%02d", (int)(d / 10000),
		 (int)(d / 100 % 100), (int)(d % 100));
}

/* The sitting periods around the evaluation date of minister or
 * Executive m: the end of the last accountable-to link to a legislature
 * before the date, and the start of the next one after it (0: none). */
static void sitting_around(govmap_rule_ctx *c, int32_t m, int32_t *ended,
			   int32_t *resumes)
{
	int32_t on = H->on(c);
	*ended = *resumes = 0;
	for (size_t k = 0; k < H->links_from_count(c, m); k++) {
		int32_t l = H->link_from_at(c, m, k);
		if (!is_legislature(c, H->link_to(c, l)) ||
		    !is_type(c, l, "accountable-to"))
			continue;
		govmap_period p = H->valid(c, l);
		if (p.to && p.to <= on && p.to > *ended)
			*ended = p.to;
		if (p.from > on && (!*resumes || p.from < *resumes))
			*resumes = p.from;
	}
}

#define MAXP 8

/* Follow links in force (accountable-to, part-of, commissioned-by,
 * reports-to) from b, breadth first, to the first minister or Executive;
 * path[] receives the bodies from b to it.  Returns the path length, 0
 * when a legislature is reached first or none is found. */
static size_t chain_to_minister(govmap_rule_ctx *c, int32_t b, int32_t *path)
{
	static const char *const UP[] = {"accountable-to", "part-of",
					  "commissioned-by", "reports-to",
					  NULL};
	int32_t queue[256], parent[256];
	size_t head = 0, tail = 0;
	queue[tail] = b;
	parent[tail++] = -1;
	while (head < tail) {
		size_t at = head++;
		int32_t x = queue[at];
		if (x != b && is_legislature(c, x))
			return 0;
		if (x != b && (is_type(c, x, "minister") ||
			       is_type(c, x, "government"))) {
			size_t n = 0;
			int32_t rev[MAXP];
			for (long i = (long)at; i >= 0 && n < MAXP;
			     i = parent[i])
				rev[n++] = queue[i];
			for (size_t i = 0; i < n; i++)
				path[i] = rev[n - 1 - i];
			return n;
		}
		for (size_t k = 0; k < H->links_from_count(c, x) && tail < 256;
		     k++) {
			int32_t l = H->link_from_at(c, x, k);
			if (!active(c, l))
				continue;
			int known = 0;
			for (size_t t = 0; UP[t]; t++)
				known |= is_type(c, l, UP[t]);
			int32_t to = H->link_to(c, l);
			if (!known || !active(c, to))
				continue;
			int seen = 0;
			for (size_t i = 0; i < tail && !seen; i++)
				seen = queue[i] == to;
			if (!seen) {
				queue[tail] = to;
				parent[tail++] = (int32_t)at;
			}
		}
	}
	return 0;
}

static void check_chain(govmap_rule_ctx *c)
{
	char on[16];
	date_text(c, on, sizeof on);
	size_t nbodies = H->type_count(c, GOVMAP_KIND_BODY, NULL);
	for (size_t i = 0; i < nbodies; i++) {
		int32_t b = H->type_at(c, GOVMAP_KIND_BODY, NULL, i);
		if (!active(c, b) || !in_ni(c, b) || is_legislature(c, b) ||
		    is_type(c, b, "electorate") ||
		    is_type(c, b, "minister") || is_type(c, b, "government") ||
		    is_type(c, b, "government-department"))
			continue; /* departments: decisions-without-assembly */
		int32_t path[MAXP];
		size_t n = chain_to_minister(c, b, path);
		if (!n || answers_to_assembly(c, path[n - 1]))
			continue;
		char chain[600], ended[16] = "", resumes[16] = "";
		size_t len = 0;
		chain[0] = '\0';
		for (size_t k = 0; k < n && len < sizeof chain; k++)
			len += (size_t)snprintf(chain + len, sizeof chain - len,
						"%s%s", k ? " -> " : "",
						H->id(c, path[k]));
		int32_t e, r;
		sitting_around(c, path[n - 1], &e, &r);
		if (e)
			fmt_date(ended, sizeof ended, e);
		if (r)
			fmt_date(resumes, sizeof resumes, r);
		H->report(c, GOVMAP_SEV_WARNING, NULL, b,
			  "on %s the chain to voters of '%s' is broken: %s, "
			  "which answered to no sitting Assembly (its last "
			  "link to the Assembly ended %s; the next begins %s)",
			  on, H->id(c, b), chain, e ? ended : "before our "
			  "records", r ? resumes : "after our records");
	}
}

static void check_trust_accountable(govmap_rule_ctx *c)
{
	static const char *const T[] = {"accountable-to", NULL};
	char on[16];
	date_text(c, on, sizeof on);
	FOR_ACTIVE_NI(c, t, "hsc-trust")
	{
		if (link_out(c, t, T, NULL) < 0)
			H->report(c, GOVMAP_SEV_ERROR, NULL, t,
				  "HSC trust '%s' answers to no body in force "
				  "on %s: record its link to the Department of "
				  "Health",
				  H->id(c, t), on);
	}
}

static int is_regulator(govmap_rule_ctx *c, int32_t e)
{
	return is_type(c, e, "regulator");
}

static void check_trust_regulated(govmap_rule_ctx *c)
{
	static const char *const T[] = {"regulated-by", "inspected-by", NULL};
	FOR_ACTIVE_NI(c, t, "hsc-trust")
	{
		if (link_out(c, t, T, is_regulator) < 0)
			H->report(c, GOVMAP_SEV_WARNING, NULL, t,
				  "HSC trust '%s' has no link in force to a "
				  "regulator (the RQIA)",
				  H->id(c, t));
	}
}

static const char *const ni_regions[] = {"northern-ireland", NULL};
static const char *const ni_body_types[] = {"hsc-trust", NULL};

static const govmap_plugin_rule ni_rules[] = {
	{"assembly-not-sitting",
	 "the Northern Ireland Executive or a Minister answers to no sitting "
	 "Assembly on the date",
	 GOVMAP_SEV_WARNING,
	 "Northern Ireland Act 1998 ss.16A-20 (Ministers and the Executive "
	 "Committee answerable to the Assembly)",
	 check_sitting},
	{"decisions-without-assembly",
	 "a Northern Ireland department's decisions taken while its Minister "
	 "answered to no sitting Assembly",
	 GOVMAP_SEV_WARNING,
	 "Northern Ireland (Executive Formation and Exercise of Functions) "
	 "Act 2018 s.3; Northern Ireland (Executive Formation etc) Act 2022 "
	 "s.3 (senior officers exercising functions without Ministers)",
	 check_decisions},
	{"chain-broken",
	 "a Northern Ireland body whose chain to voters stops at a Minister or "
	 "Executive that answered to no sitting Assembly on the date",
	 GOVMAP_SEV_WARNING,
	 "Northern Ireland Act 1998 ss.16A-20; Northern Ireland (Executive "
	 "Formation and Exercise of Functions) Act 2018 s.3; Northern Ireland "
	 "(Executive Formation etc) Act 2022 s.3",
	 check_chain},
	{"trust-accountable",
	 "an HSC trust answers to a body in force (the Department of Health)",
	 GOVMAP_SEV_ERROR,
	 "Health and Social Care (Reform) Act (Northern Ireland) 2009 ss.2-6 "
	 "and s.10; Health and Social Care Act (Northern Ireland) 2022 s.1 "
	 "and Sch. 1",
	 check_trust_accountable},
	{"trust-regulated",
	 "an HSC trust is reviewed and inspected by the RQIA",
	 GOVMAP_SEV_WARNING,
	 "Health and Personal Social Services (Quality, Improvement and "
	 "Regulation) (Northern Ireland) Order 2003 (RQIA, renamed by the "
	 "Health and Social Care (Reform) Act (Northern Ireland) 2009 s.1(2))",
	 check_trust_regulated},
	{NULL, NULL, GOVMAP_SEV_INFO, NULL, NULL}};

static const govmap_plugin_style ni_styles[] = {{"hsc-trust", "#08519c"},
						{NULL, NULL}};

GOVMAP_PLUGIN_DEFINE(.name = "northern-ireland",
		     .version = "1.0.0",
		     .description = "health and social care in Northern Ireland, "
				    "and the periods when the Assembly did not "
				    "sit",
		     .regions = ni_regions,
		     .body_types = ni_body_types,
		     .rules = ni_rules,
		     .styles = ni_styles,
		     .init_msg = ni_init,
		     .fini = ni_fini);
