/*
 * export.c - export.h: the analysed registry in other tools' formats
 * (Popolo, FollowTheMoney, GraphML, Kumu, CSV tables).
 *
 * Owns the mapping from govmap's model to each format, documented in
 * README.md "Exports".  Reads the analysis and its registry, writes to the
 * caller's stream; it must not print, open files, or change the model.
 * Unknown values are written as unknown (null, empty or absent), never as
 * 0; every piece of registry text passes through one of the escapers
 * below.  Ids made up here (seats, awards, edges) contain a '.', which a
 * registry id never does, so they cannot collide with one (and they pass
 * FollowTheMoney's entity id pattern, which refuses ':').
 */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "govmap/escape.h"
#include "govmap/export.h"
#include "govmap/registry.h"
#include "util.h"

typedef struct {
	FILE *f;
	const govmap_analysis *an;
	const govmap_registry *reg;
	const govmap_export_opts *o;
	size_t *nfindings; /* unsuppressed findings per entity */
	char date[11];
} ex;

static const char *const format_names[GOVMAP_EXPORT__COUNT] = {
	"popolo", "ftm", "graphml", "kumu", "bodies", "links", "seats",
	"contracts", "findings"};

const char *govmap_export_format_name(govmap_export_format fmt)
{
	return (unsigned)fmt < GOVMAP_EXPORT__COUNT ? format_names[fmt] : NULL;
}

const char *govmap_export_csv_file(govmap_export_format fmt)
{
	static const char *const files[] = {"bodies.csv", "links.csv",
					    "seats.csv", "contracts.csv",
					    "findings.csv"};
	if (fmt < GOVMAP_EXPORT_CSV_BODIES || fmt >= GOVMAP_EXPORT__COUNT)
		return NULL;
	return files[fmt - GOVMAP_EXPORT_CSV_BODIES];
}

/* ---- escapers ---- */

/* A JSON string, or null for NULL (escape.h's rules: control
 * characters, quotes, backslashes, and <, > and & as \u escapes). */
static void jstr(FILE *f, const char *s)
{
	if (!s)
		fputs("null", f);
	else
		govmap_json_write(f, s);
}

/* XML character data or an attribute value.  XML 1.0 cannot carry
 * control characters other than tab and line breaks, even as references:
 * those become U+FFFD. */
static void xstr(FILE *f, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
		switch (*p) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&apos;", f); break;
		case '\t': fputs("&#9;", f); break;
		case '\n': fputs("&#10;", f); break;
		case '\r': fputs("&#13;", f); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				fputs("\xef\xbf\xbd", f);
			else
				fputc(*p, f);
		}
	}
}

/* A CSV text field (RFC 4180): empty for NULL (unknown), else quoted with
 * quotes doubled.  A leading = + - @ tab or CR, which a spreadsheet would
 * run as a formula, is preceded by a ' (OWASP's advice on CSV
 * injection). */
static void cstr(FILE *f, const char *s)
{
	if (!s)
		return;
	fputc('"', f);
	if (s[0] && strchr("=+-@\t\r", s[0]))
		fputc('\'', f);
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			fputc('"', f);
		fputc(*p, f);
	}
	fputc('"', f);
}

/* ---- shared helpers ---- */

/* A date, or NULL when it is not given or marked unknown (bounded or
 * not). */
static const char *date_or_null(char *buf, govmap_date d)
{
	if (d <= 0)
		return NULL;
	govmap_date_format(buf, d);
	return buf;
}

/* A start not known but no later than a day (model.h): the founding or
 * start date stays null, and the govmap extension says the bound;
 * nothing for any other period.  Ends with a comma. */
static void jbound(FILE *f, govmap_period p)
{
	char d[11];
	if (!GOVMAP_DATE_BOUND(p.from))
		return;
	govmap_date_format(d, GOVMAP_DATE_BOUND(p.from));
	fprintf(f, "\"from_no_later_than\":\"%s\",", d);
}

static const char *tristate(govmap_tristate t)
{
	return t == GOVMAP_YES ? "true" : t == GOVMAP_NO ? "false" : "null";
}

static int is_node(const ex *x, size_t i)
{
	const govmap_entity *e = govmap_registry_at(x->reg, i);
	return (e->kind == GOVMAP_KIND_BODY || e->kind == GOVMAP_KIND_BOARD) &&
	       govmap_analysis_score(x->an, i)->active;
}

/* A seat counts when it is in force on the date (its board is). */
static int seat_active(const ex *x, const govmap_seat *s)
{
	return govmap_period_contains(s->valid, govmap_analysis_date(x->an));
}

/* The entity a reference names, when it is in force; else NULL. */
static const govmap_entity *ref_active(const ex *x, govmap_ref r)
{
	if (r.target < 0 ||
	    !govmap_analysis_score(x->an, (size_t)r.target)->active)
		return NULL;
	return govmap_registry_at(x->reg, (size_t)r.target);
}

/* The financial year of the money a body or board controls, as
 * "2024/25", and its kind ("outturn"), when the money is known. */
static void money_text(const ex *x, size_t i, char *year, size_t size,
		       const char **kind)
{
	const govmap_score *s = govmap_analysis_score(x->an, i);
	year[0] = '\0';
	*kind = NULL;
	if (s->money < 0)
		return;
	if (s->money_year)
		govmap_fyear_format(year, size, s->money_year);
	if (s->money_kind != GOVMAP_MONEY_UNSET)
		*kind = govmap_money_kind_name(s->money_kind);
}

/* JSON numbers: scores as %.6f (rounded by the analysis), money whole. */
static void jscores(const ex *x, size_t i, const char *sep)
{
	const govmap_score *s = govmap_analysis_score(x->an, i);
	char year[8];
	const char *kind;
	money_text(x, i, year, sizeof year, &kind);
	fprintf(x->f, "\"accountability\":%.6f%s\"deficit\":%.6f%s", s->A,
		sep, s->D, sep);
	if (s->electorate || s->next >= 0)
		fprintf(x->f, "\"chain_links\":%u%s", s->hops, sep);
	else
		fprintf(x->f, "\"chain_links\":null%s", sep);
	if (s->money >= 0)
		fprintf(x->f, "\"money_gbp\":%lld%s\"exposure_gbp\":%.0f%s",
			(long long)s->money, sep, s->exposure, sep);
	else
		fprintf(x->f, "\"money_gbp\":null%s\"exposure_gbp\":null%s", sep,
			sep);
	fputs("\"money_year\":", x->f);
	jstr(x->f, year[0] ? year : NULL);
	fprintf(x->f, "%s\"money_kind\":", sep);
	jstr(x->f, kind);
	fprintf(x->f, "%s\"electorate\":%s%s\"findings\":%zu", sep,
		s->electorate ? "true" : "false", sep,
		x->nfindings ? x->nfindings[i] : 0);
}

static const char *fill_word(govmap_fill f)
{
	switch (f) {
	case GOVMAP_FILL_ELECTED: return "elected";
	case GOVMAP_FILL_APPOINTED: return "appointed";
	case GOVMAP_FILL_NOMINATED: return "nominated";
	case GOVMAP_FILL_EX_OFFICIO: return "ex-officio";
	case GOVMAP_FILL_UNSTATED: return "unstated";
	default: return NULL;
	}
}

static const char *edge_kind_name(govmap_edge_kind k)
{
	switch (k) {
	case GOVMAP_EDGE_LINK: return "link";
	case GOVMAP_EDGE_BOARD_OF: return "board-of";
	case GOVMAP_EDGE_JOINT: return "joint";
	case GOVMAP_EDGE_CONTRACT: return "contract";
	default: return "seat";
	}
}

/* Is edge k worth exporting: both ends in force. */
static int edge_ok(const ex *x, const govmap_edge *g)
{
	return govmap_analysis_score(x->an, (size_t)g->from)->active &&
	       govmap_analysis_score(x->an, (size_t)g->to)->active;
}

/* The type of an edge: a link's type, else its kind. */
static const char *edge_type(const ex *x, const govmap_edge *g)
{
	if (g->kind == GOVMAP_EDGE_LINK && g->link >= 0) {
		const govmap_entity *l = govmap_registry_at(x->reg,
							    (size_t)g->link);
		if (l->type)
			return l->type;
	}
	return edge_kind_name(g->kind);
}

static const govmap_entity *edge_link(const ex *x, const govmap_edge *g)
{
	return g->kind == GOVMAP_EDGE_LINK && g->link >= 0
		       ? govmap_registry_at(x->reg, (size_t)g->link)
		       : NULL;
}

/* ---- Popolo ---- */

static int by_str(const void *a, const void *b, void *ctx)
{
	(void)ctx;
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every region path of an entity in force and each of its ancestors,
 * sorted, unique.  malloc'd array of malloc'd strings. */
static char **areas(const ex *x, size_t *n)
{
	char **v = NULL;
	size_t cap = 0;
	*n = 0;
	for (size_t i = 0; i < govmap_registry_count(x->reg); i++) {
		const govmap_entity *e = govmap_registry_at(x->reg, i);
		if (!is_node(x, i) || !e->region)
			continue;
		const char *r = e->region;
		for (size_t j = 0;; j++) {
			if (r[j] != '/' && r[j] != '\0')
				continue;
			char *a = strndup(r, j);
			if (!a || govmap__grow((void **)&v, &cap, *n,
					       sizeof(*v)) < 0) {
				free(a);
				goto out;
			}
			v[(*n)++] = a;
			if (!r[j])
				break;
		}
	}
out:
	govmap_sort(v, *n, sizeof(*v), by_str, NULL);
	size_t k = 0;
	for (size_t i = 0; i < *n; i++) {
		if (k && strcmp(v[k - 1], v[i]) == 0)
			free(v[i]);
		else
			v[k++] = v[i];
	}
	*n = k;
	return v;
}

static void popolo_org(ex *x, size_t i, int first)
{
	FILE *f = x->f;
	const govmap_entity *e = govmap_registry_at(x->reg, i);
	char d[11];
	fputs(first ? "\n  {\"id\":" : ",\n  {\"id\":", f);
	jstr(f, e->id);
	fputs(",\"name\":", f);
	jstr(f, e->name ? e->name : e->id);
	fputs(",\"classification\":", f);
	jstr(f, e->type);
	fputs(",\"parent_id\":", f);
	const govmap_entity *of = ref_active(x, e->of);
	jstr(f, of ? of->id : NULL);
	fputs(",\"area_id\":", f);
	jstr(f, e->region);
	fputs(",\"founding_date\":", f);
	jstr(f, date_or_null(d, e->valid.from));
	fputs(",\"dissolution_date\":", f);
	jstr(f, date_or_null(d, e->valid.to));
	fputs(",\"description\":", f);
	jstr(f, e->notes);
	fputs(",\"identifiers\":[", f);
	for (size_t k = 0; k < e->ncodes; k++) {
		fputs(k ? ",{\"scheme\":" : "{\"scheme\":", f);
		jstr(f, e->codes[k].scheme);
		fputs(",\"identifier\":", f);
		jstr(f, e->codes[k].value);
		fputc('}', f);
	}
	fputs("],\"sources\":[", f);
	for (size_t k = 0; k < e->nsources; k++) {
		fputs(k ? ",{\"url\":" : "{\"url\":", f);
		jstr(f, e->sources[k].url);
		fputs(",\"note\":", f);
		jstr(f, e->sources[k].title);
		fputc('}', f);
	}
	fprintf(f, "],\"govmap\":{\"kind\":\"%s\",",
		govmap_kind_name(e->kind));
	jbound(f, e->valid);
	jscores(x, i, ",");
	fputs(",\"statutory_basis\":", f);
	jstr(f, e->statutory_basis);
	fputs(",\"legal_form\":", f);
	jstr(f, e->legal_form);
	fprintf(f, ",\"meets_in_public\":%s,\"publishes_papers\":%s}}",
		tristate(e->meets_in_public), tristate(e->publishes_papers));
}

/* One post per seat of a board (its holders are not in the registry). */
static void popolo_post(ex *x, const govmap_entity *b, size_t k, int first)
{
	FILE *f = x->f;
	const govmap_seat *s = &b->seats[k];
	const govmap_entity *by = ref_active(x, s->by);
	const govmap_entity *ap = ref_active(x, s->approved_by);
	char d[11];
	fprintf(f, "%s  {\"id\":\"%s.seat.%zu\",\"label\":", first ? "\n" : ",\n",
		b->id, k + 1);
	jstr(f, s->role);
	fputs(",\"role\":", f);
	jstr(f, s->role);
	fputs(",\"organization_id\":", f);
	jstr(f, b->id);
	fputs(",\"start_date\":", f);
	jstr(f, date_or_null(d, s->valid.from));
	fputs(",\"end_date\":", f);
	jstr(f, date_or_null(d, s->valid.to));
	fputs(",\"govmap\":{", f);
	jbound(f, s->valid);
	fputs("\"post\":", f);
	jstr(f, s->post ? govmap_post_name(s->post) : NULL);
	fprintf(f, ",\"count\":%u,\"vacant\":%u,\"fill\":", s->count,
		s->vacant);
	jstr(f, fill_word(s->fill));
	fputs(",\"by\":", f);
	jstr(f, by ? by->id : NULL);
	fputs(",\"approved_by\":", f);
	jstr(f, ap ? ap->id : NULL);
	fprintf(f, ",\"voting\":%s,\"elected_member\":%s}}",
		tristate(s->voting), tristate(s->elected_member));
}

static void popolo_membership(FILE *f, int *first, const char *id,
			      const char *role, const char *member,
			      const char *org, const char *post,
			      const char *on_behalf_of, govmap_period p)
{
	char d[11];
	fputs(*first ? "\n  {\"id\":" : ",\n  {\"id\":", f);
	*first = 0;
	jstr(f, id);
	fputs(",\"role\":", f);
	jstr(f, role);
	if (member) {
		fputs(",\"member\":{\"@type\":\"Organization\",\"id\":", f);
		jstr(f, member);
		fputc('}', f);
	} else {
		/* a seat: who holds it is not in the registry */
		fputs(",\"person_id\":null", f);
	}
	fputs(",\"organization_id\":", f);
	jstr(f, org);
	if (post) {
		fputs(",\"post_id\":", f);
		jstr(f, post);
	}
	if (on_behalf_of) {
		fputs(",\"on_behalf_of_id\":", f);
		jstr(f, on_behalf_of);
	}
	fputs(",\"start_date\":", f);
	jstr(f, date_or_null(d, p.from));
	fputs(",\"end_date\":", f);
	jstr(f, date_or_null(d, p.to));
	fputc('}', f);
}

static void write_popolo(ex *x)
{
	FILE *f = x->f;
	size_t n = govmap_registry_count(x->reg);
	fputs("{\"govmap\":{\"format\":\"popolo\",\"generator\":", f);
	jstr(f, x->o->generator);
	fputs(",\"title\":", f);
	jstr(f, x->o->title);
	fprintf(f, ",\"date\":\"%s\"},\n\"organizations\":[", x->date);
	int first = 1;
	for (size_t i = 0; i < n; i++)
		if (is_node(x, i)) {
			popolo_org(x, i, first);
			first = 0;
		}
	fputs("],\n\"areas\":[", f);
	size_t na;
	char **av = areas(x, &na);
	for (size_t k = 0; k < na; k++) {
		const char *slash = strrchr(av[k], '/');
		fputs(k ? ",\n  {\"id\":" : "\n  {\"id\":", f);
		jstr(f, av[k]);
		fputs(",\"name\":", f);
		jstr(f, slash ? slash + 1 : av[k]);
		fputs(",\"classification\":\"region\",\"parent_id\":", f);
		if (slash) {
			char *parent = strndup(av[k], (size_t)(slash - av[k]));
			jstr(f, parent ? parent : "");
			free(parent);
		} else {
			jstr(f, NULL);
		}
		fputc('}', f);
		free(av[k]);
	}
	free(av);
	fputs("],\n\"posts\":[", f);
	first = 1;
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(x->reg, i);
		if (!is_node(x, i))
			continue;
		for (size_t k = 0; k < e->nseats; k++)
			if (seat_active(x, &e->seats[k])) {
				popolo_post(x, e, k, first);
				first = 0;
			}
	}
	fputs("],\n\"memberships\":[", f);
	first = 1;
	char id[340], post[300];
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(x->reg, i);
		if (e->kind == GOVMAP_KIND_LINK &&
		    govmap_analysis_score(x->an, i)->active && e->type &&
		    strcmp(e->type, "member-of") == 0) {
			const govmap_entity *a = ref_active(x, e->from);
			const govmap_entity *b = ref_active(x, e->to);
			if (a && b)
				popolo_membership(f, &first, e->id, "member",
						  a->id, b->id, NULL, NULL,
						  e->valid);
			continue;
		}
		if (!is_node(x, i))
			continue;
		for (size_t k = 0; k < e->njoint; k++) {
			const govmap_entity *m = ref_active(x, e->joint[k]);
			if (!m)
				continue;
			snprintf(id, sizeof id, "%s.joint.%s", e->id, m->id);
			popolo_membership(f, &first, id, "joint member", m->id,
					  e->id, NULL, NULL, e->valid);
		}
		for (size_t k = 0; k < e->nseats; k++) {
			const govmap_seat *s = &e->seats[k];
			if (!seat_active(x, s))
				continue;
			const govmap_entity *by = ref_active(x, s->by);
			snprintf(post, sizeof post, "%s.seat.%zu", e->id, k + 1);
			/* one membership per seat of the post */
			for (uint32_t c = 1; c <= s->count; c++) {
				snprintf(id, sizeof id, "%s.%u", post, c);
				popolo_membership(f, &first, id, s->role, NULL,
						  e->id, post,
						  by ? by->id : NULL, s->valid);
			}
		}
	}
	fputs("]}\n", f);
}

/* ---- FollowTheMoney ---- */

/* One property: "name":["v"], with a leading comma after the first. */
static void fprop(FILE *f, int *first, const char *name, const char *v)
{
	if (!v || !*v)
		return;
	fprintf(f, "%s\"%s\":[", *first ? "" : ",", name);
	*first = 0;
	jstr(f, v);
	fputc(']', f);
}

static void ftm_begin(FILE *f, const char *id, const char *schema)
{
	fputs("{\"id\":", f);
	jstr(f, id);
	fprintf(f, ",\"schema\":\"%s\",\"properties\":{", schema);
}

static void ftm_period(FILE *f, int *first, govmap_period p,
		       const char *from_prop, const char *to_prop)
{
	char d[11];
	fprop(f, first, from_prop, date_or_null(d, p.from));
	fprop(f, first, to_prop, date_or_null(d, p.to));
}

static void ftm_sources(FILE *f, int *first, const govmap_entity *e)
{
	if (!e->nsources)
		return;
	fprintf(f, "%s\"sourceUrl\":[", *first ? "" : ",");
	*first = 0;
	for (size_t k = 0; k < e->nsources; k++) {
		if (k)
			fputc(',', f);
		jstr(f, e->sources[k].url);
	}
	fputc(']', f);
}

static const char *ftm_schema(const govmap_entity *e)
{
	static const char *const private_types[] = {
		"company", "charity", "partnership", "electorate", NULL};
	for (size_t k = 0; e->type && private_types[k]; k++)
		if (strcmp(e->type, private_types[k]) == 0)
			return "Organization";
	return "PublicBody";
}

static void ftm_entity(ex *x, size_t i)
{
	FILE *f = x->f;
	const govmap_entity *e = govmap_registry_at(x->reg, i);
	const govmap_score *s = govmap_analysis_score(x->an, i);
	int first = 1;
	char summary[400], money[24], exposure[24], year[8];
	ftm_begin(f, e->id, ftm_schema(e));
	fprop(f, &first, "name", e->name ? e->name : e->id);
	fprop(f, &first, "country", "gb");
	fprop(f, &first, "classification", e->type);
	fprop(f, &first, "legalForm", e->legal_form);
	ftm_period(f, &first, e->valid, "incorporationDate", "dissolutionDate");
	ftm_sources(f, &first, e);
	fprop(f, &first, "notes", e->notes);
	/* official codes as "scheme:value" (ons:E54000039, ods:QUY) */
	if (e->ncodes) {
		fprintf(f, "%s\"idNumber\":[", first ? "" : ",");
		first = 0;
		for (size_t k = 0; k < e->ncodes; k++) {
			char code[160];
			snprintf(code, sizeof code, "%s:%s", e->codes[k].scheme,
				 e->codes[k].value);
			if (k)
				fputc(',', f);
			jstr(f, code);
		}
		fputc(']', f);
	}
	/* FollowTheMoney has no property for a score: a sentence */
	const char *kind;
	money_text(x, (size_t)i, year, sizeof year, &kind);
	govmap_money_format(money, sizeof money, (double)s->money);
	govmap_money_format(exposure, sizeof exposure,
			    s->money >= 0 ? s->exposure : -1);
	snprintf(summary, sizeof summary,
		 "govmap on %s: accountability %.6f, deficit %.6f, public "
		 "money a year %s%s%s%s%s%s, exposure %s",
		 x->date, s->A, s->D, money, year[0] || kind ? " (" : "",
		 kind ? kind : "", kind && year[0] ? " " : "", year,
		 year[0] || kind ? ")" : "", exposure);
	fprop(f, &first, "summary", summary);
	fputs("}}\n", f);
}

static void ftm_relation(FILE *f, const char *id, const char *schema,
			 const char *a_prop, const char *a,
			 const char *b_prop, const char *b, const char *role,
			 govmap_period p, const char *summary)
{
	int first = 1;
	ftm_begin(f, id, schema);
	fprop(f, &first, a_prop, a);
	fprop(f, &first, b_prop, b);
	fprop(f, &first, "role", role);
	ftm_period(f, &first, p, "startDate", "endDate");
	fprop(f, &first, "summary", summary);
	fputs("}}\n", f);
}

static void write_ftm(ex *x)
{
	FILE *f = x->f;
	size_t n = govmap_registry_count(x->reg);
	char id[300], sum[600];
	for (size_t i = 0; i < n; i++)
		if (is_node(x, i))
			ftm_entity(x, i);
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(x->reg, i);
		if (!govmap_analysis_score(x->an, i)->active)
			continue;
		if (e->kind == GOVMAP_KIND_LINK) {
			const govmap_entity *a = ref_active(x, e->from);
			const govmap_entity *b = ref_active(x, e->to);
			if (!a || !b)
				continue;
			char why[200];
			double st = govmap_analysis_link_strength(x->an, e, why,
								  sizeof why);
			snprintf(sum, sizeof sum,
				 "%s gives account to %s (govmap link "
				 "strength %.6f)", a->id, b->id, st);
			if (e->type && strcmp(e->type, "member-of") == 0)
				ftm_relation(f, e->id, "Membership", "member",
					     a->id, "organization", b->id,
					     e->type, e->valid, sum);
			else
				ftm_relation(f, e->id, "UnknownLink", "subject",
					     a->id, "object", b->id,
					     e->type ? e->type : "link",
					     e->valid, sum);
			continue;
		}
		if (e->kind == GOVMAP_KIND_CONTRACT) {
			const govmap_entity *c = ref_active(x, e->commissioner);
			const govmap_entity *p = ref_active(x, e->provider);
			char amount[32] = "", d[11];
			if (e->value_gbp >= 0)
				snprintf(amount, sizeof amount, "%lld",
					 (long long)e->value_gbp);
			int first = 1;
			ftm_begin(f, e->id, "Contract");
			fprop(f, &first, "title", e->name ? e->name : e->id);
			fprop(f, &first, "name", e->name ? e->name : e->id);
			fprop(f, &first, "authority", c ? c->id : NULL);
			fprop(f, &first, "amount", amount);
			fprop(f, &first, "currency", amount[0] ? "GBP" : NULL);
			fprop(f, &first, "contractDate",
			      date_or_null(d, e->start));
			ftm_sources(f, &first, e);
			fprop(f, &first, "notes", e->notes);
			fputs("}}\n", f);
			if (!p)
				continue;
			snprintf(id, sizeof id, "%s.award", e->id);
			first = 1;
			ftm_begin(f, id, "ContractAward");
			fprop(f, &first, "contract", e->id);
			fprop(f, &first, "supplier", p->id);
			fprop(f, &first, "amount", amount);
			fprop(f, &first, "currency", amount[0] ? "GBP" : NULL);
			fprop(f, &first, "startDate", date_or_null(d, e->start));
			fprop(f, &first, "endDate", date_or_null(d, e->end));
			fputs("}}\n", f);
			continue;
		}
		if (!is_node(x, i))
			continue;
		const govmap_entity *of = ref_active(x, e->of);
		if (of) {
			snprintf(id, sizeof id, "%s.of", e->id);
			ftm_relation(f, id, "Membership", "member", e->id,
				     "organization", of->id, "board of",
				     e->valid, NULL);
		}
		for (size_t k = 0; k < e->njoint; k++) {
			const govmap_entity *m = ref_active(x, e->joint[k]);
			if (!m)
				continue;
			snprintf(id, sizeof id, "%s.joint.%s", e->id, m->id);
			ftm_relation(f, id, "Membership", "member", m->id,
				     "organization", e->id, "joint member",
				     e->valid, NULL);
		}
		/* a seat filled by a body: that body places its directors on
		 * the board; who holds the seat is not recorded */
		for (size_t k = 0; k < e->nseats; k++) {
			const govmap_seat *s = &e->seats[k];
			const govmap_entity *by = ref_active(x, s->by);
			if (!seat_active(x, s) || !by)
				continue;
			snprintf(id, sizeof id, "%s.seat.%zu", e->id, k + 1);
			snprintf(sum, sizeof sum,
				 "%u seat%s (%u vacant) %s by %s; the holders "
				 "are not recorded",
				 s->count, s->count == 1 ? "" : "s", s->vacant,
				 fill_word(s->fill) ? fill_word(s->fill)
						    : "filled",
				 by->id);
			ftm_relation(f, id, "Directorship", "director", by->id,
				     "organization", e->id, s->role, s->valid,
				     sum);
		}
	}
}

/* ---- GraphML ---- */

static void gdata(FILE *f, const char *key, const char *v)
{
	if (!v)
		return;
	fprintf(f, "<data key=\"%s\">", key);
	xstr(f, v);
	fputs("</data>", f);
}

static void write_graphml(ex *x)
{
	static const char *const keys[][4] = {
		/* id, for, name, type */
		{"g_title", "graph", "title", "string"},
		{"g_date", "graph", "date", "string"},
		{"n_name", "node", "name", "string"},
		{"n_kind", "node", "kind", "string"},
		{"n_type", "node", "type", "string"},
		{"n_region", "node", "region", "string"},
		{"n_accountability", "node", "accountability", "double"},
		{"n_deficit", "node", "deficit", "double"},
		{"n_chain_links", "node", "chain_links", "int"},
		{"n_money_gbp", "node", "money_gbp", "long"},
		{"n_money_year", "node", "money_year", "string"},
		{"n_money_kind", "node", "money_kind", "string"},
		{"n_exposure_gbp", "node", "exposure_gbp", "double"},
		{"n_electorate", "node", "electorate", "boolean"},
		{"n_findings", "node", "findings", "int"},
		{"e_kind", "edge", "kind", "string"},
		{"e_type", "edge", "type", "string"},
		{"e_link", "edge", "link", "string"},
		{"e_basis", "edge", "basis", "string"},
		{"e_strength", "edge", "strength", "double"},
		{"e_what", "edge", "what", "string"},
	};
	FILE *f = x->f;
	size_t n = govmap_registry_count(x->reg);
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
	      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
	      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
	      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
	      f);
	for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
		fprintf(f,
			"<key id=\"%s\" for=\"%s\" attr.name=\"%s\" "
			"attr.type=\"%s\"/>\n",
			keys[k][0], keys[k][1], keys[k][2], keys[k][3]);
	fputs("<graph id=\"govmap\" edgedefault=\"directed\">\n", f);
	gdata(f, "g_title", x->o->title);
	gdata(f, "g_date", x->date);
	fputc('\n', f);
	for (size_t i = 0; i < n; i++) {
		if (!is_node(x, i))
			continue;
		const govmap_entity *e = govmap_registry_at(x->reg, i);
		const govmap_score *s = govmap_analysis_score(x->an, i);
		char num[40], year[8];
		fputs("<node id=\"", f);
		xstr(f, e->id);
		fputs("\">", f);
		gdata(f, "n_name", e->name ? e->name : e->id);
		gdata(f, "n_kind", govmap_kind_name(e->kind));
		gdata(f, "n_type", e->type);
		gdata(f, "n_region", e->region);
		snprintf(num, sizeof num, "%.6f", s->A);
		gdata(f, "n_accountability", num);
		snprintf(num, sizeof num, "%.6f", s->D);
		gdata(f, "n_deficit", num);
		if (s->electorate || s->next >= 0) {
			snprintf(num, sizeof num, "%u", s->hops);
			gdata(f, "n_chain_links", num);
		}
		if (s->money >= 0) {
			snprintf(num, sizeof num, "%lld", (long long)s->money);
			gdata(f, "n_money_gbp", num);
			snprintf(num, sizeof num, "%.0f", s->exposure);
			gdata(f, "n_exposure_gbp", num);
		}
		const char *kind;
		money_text(x, i, year, sizeof year, &kind);
		gdata(f, "n_money_year", year[0] ? year : NULL);
		gdata(f, "n_money_kind", kind);
		gdata(f, "n_electorate", s->electorate ? "true" : "false");
		snprintf(num, sizeof num, "%zu",
			 x->nfindings ? x->nfindings[i] : 0);
		gdata(f, "n_findings", num);
		fputs("</node>\n", f);
	}
	size_t ne;
	const govmap_edge *edges = govmap_analysis_edges(x->an, &ne);
	for (size_t k = 0; k < ne; k++) {
		const govmap_edge *g = &edges[k];
		if (!edge_ok(x, g))
			continue;
		const govmap_entity *a = govmap_registry_at(x->reg, (size_t)g->from);
		const govmap_entity *b = govmap_registry_at(x->reg, (size_t)g->to);
		const govmap_entity *l = edge_link(x, g);
		char num[40], what[300];
		fprintf(f, "<edge id=\"edge.%zu\" source=\"", k);
		xstr(f, a->id);
		fputs("\" target=\"", f);
		xstr(f, b->id);
		fputs("\">", f);
		gdata(f, "e_kind", edge_kind_name(g->kind));
		gdata(f, "e_type", edge_type(x, g));
		gdata(f, "e_link", l ? l->id : NULL);
		gdata(f, "e_basis", l && l->basis ? govmap_basis_name(l->basis)
						 : NULL);
		snprintf(num, sizeof num, "%.6f", g->strength);
		gdata(f, "e_strength", num);
		gdata(f, "e_what", govmap_edge_describe(x->an, g, what,
							 sizeof what));
		fputs("</edge>\n", f);
	}
	fputs("</graph>\n</graphml>\n", f);
}

/* ---- Kumu ---- */

static void write_kumu(ex *x)
{
	FILE *f = x->f;
	size_t n = govmap_registry_count(x->reg);
	int first = 1;
	fputs("{\"elements\":[", f);
	for (size_t i = 0; i < n; i++) {
		if (!is_node(x, i))
			continue;
		const govmap_entity *e = govmap_registry_at(x->reg, i);
		fputs(first ? "\n  {\"id\":" : ",\n  {\"id\":", f);
		first = 0;
		jstr(f, e->id);
		fputs(",\"label\":", f);
		jstr(f, e->name ? e->name : e->id);
		fputs(",\"type\":", f);
		jstr(f, e->type);
		fputs(",\"description\":", f);
		jstr(f, e->notes);
		fprintf(f, ",\"tags\":[\"%s\"", govmap_kind_name(e->kind));
		if (e->region) {
			fputc(',', f);
			jstr(f, e->region);
		}
		fputs("],\"region\":", f);
		jstr(f, e->region);
		fputc(',', f);
		jscores(x, i, ",");
		fputc('}', f);
	}
	fputs("],\n\"connections\":[", f);
	first = 1;
	size_t ne;
	const govmap_edge *edges = govmap_analysis_edges(x->an, &ne);
	for (size_t k = 0; k < ne; k++) {
		const govmap_edge *g = &edges[k];
		if (!edge_ok(x, g))
			continue;
		const govmap_entity *l = edge_link(x, g);
		char what[300];
		fprintf(f, "%s  {\"id\":\"edge.%zu\",\"from\":", first ? "\n" : ",\n",
			k);
		first = 0;
		jstr(f, govmap_registry_at(x->reg, (size_t)g->from)->id);
		fputs(",\"to\":", f);
		jstr(f, govmap_registry_at(x->reg, (size_t)g->to)->id);
		fputs(",\"type\":", f);
		jstr(f, edge_type(x, g));
		fputs(",\"direction\":\"directed\",\"description\":", f);
		jstr(f, govmap_edge_describe(x->an, g, what, sizeof what));
		fputs(",\"link\":", f);
		jstr(f, l ? l->id : NULL);
		fputs(",\"basis\":", f);
		jstr(f, l && l->basis ? govmap_basis_name(l->basis) : NULL);
		fprintf(f, ",\"strength\":%.6f}", g->strength);
	}
	fputs("]}\n", f);
}

/* ---- CSV ---- */

/* A row being written: fields are separated as they are added. */
typedef struct {
	FILE *f;
	int n; /* fields so far */
} crow;

static FILE *cnext(crow *r)
{
	if (r->n++)
		fputc(',', r->f);
	return r->f;
}

static void ctext(crow *r, const char *s)
{
	cstr(cnext(r), s);
}

/* Our own text (numbers, enum names): written as it is. */
static void cnum(crow *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void cnum(crow *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(cnext(r), fmt, ap);
	va_end(ap);
}

static void cdate(crow *r, govmap_date d)
{
	char buf[11];
	cnum(r, "%s", date_or_null(buf, d) ? buf : "");
}

/* a start known only as "no later than" a day: that day, else empty */
static void cbound(crow *r, govmap_date from)
{
	char buf[11];
	govmap_date d = GOVMAP_DATE_BOUND(from);
	cnum(r, "%s", d > 0 && date_or_null(buf, d) ? buf : "");
}

static void ctri(crow *r, govmap_tristate t)
{
	cnum(r, "%s", t == GOVMAP_YES ? "true" : t == GOVMAP_NO ? "false" : "");
}

/* Strings joined by `sep` into one text field. */
static void cjoin(crow *r, char **v, size_t n, const char *sep)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = n ? open_memstream(&buf, &len) : NULL;
	for (size_t k = 0; m && k < n; k++)
		fprintf(m, "%s%s", k ? sep : "", v[k]);
	if (m && fclose(m) != 0) {
		free(buf);
		buf = NULL;
	}
	ctext(r, buf);
	free(buf);
}

static void cend(crow *r)
{
	fputs("\r\n", r->f);
	r->n = 0;
}

static void csv_bodies(ex *x)
{
	crow r = {x->f, 0};
	fputs("id,kind,name,type,region,valid_from,valid_to,"
	      "valid_from_no_later_than,legal_form,"
	      "statutory_basis,codes,money_gbp,money_year,money_kind,"
	      "accountability,"
	      "deficit,exposure_gbp,chain_links,electorate,meets_in_public,"
	      "publishes_papers,findings,file,line\r\n",
	      x->f);
	for (size_t i = 0; i < govmap_registry_count(x->reg); i++) {
		if (!is_node(x, i))
			continue;
		const govmap_entity *e = govmap_registry_at(x->reg, i);
		const govmap_score *s = govmap_analysis_score(x->an, i);
		char year[8], *codes[64];
		size_t nc = 0;
		ctext(&r, e->id);
		cnum(&r, "%s", govmap_kind_name(e->kind));
		ctext(&r, e->name ? e->name : e->id);
		ctext(&r, e->type);
		ctext(&r, e->region);
		cdate(&r, e->valid.from);
		cdate(&r, e->valid.to);
		cbound(&r, e->valid.from);
		ctext(&r, e->legal_form);
		ctext(&r, e->statutory_basis);
		for (size_t k = 0; k < e->ncodes && nc < 64; k++)
			if ((codes[nc] = govmap__asprintf("%s:%s",
							  e->codes[k].scheme,
							  e->codes[k].value)))
				nc++;
		cjoin(&r, codes, nc, " ");
		while (nc)
			free(codes[--nc]);
		const char *kind;
		money_text(x, i, year, sizeof year, &kind);
		if (s->money >= 0)
			cnum(&r, "%lld", (long long)s->money);
		else
			cnum(&r, "%s", "");
		ctext(&r, year[0] ? year : NULL);
		ctext(&r, kind);
		cnum(&r, "%.6f", s->A);
		cnum(&r, "%.6f", s->D);
		if (s->money >= 0)
			cnum(&r, "%.0f", s->exposure);
		else
			cnum(&r, "%s", "");
		if (s->electorate || s->next >= 0)
			cnum(&r, "%u", s->hops);
		else
			cnum(&r, "%s", "");
		cnum(&r, "%s", s->electorate ? "true" : "false");
		ctri(&r, e->meets_in_public);
		ctri(&r, e->publishes_papers);
		cnum(&r, "%zu", x->nfindings ? x->nfindings[i] : 0);
		ctext(&r, e->pos.file);
		cnum(&r, "%u", e->pos.line);
		cend(&r);
	}
}

static void csv_links(ex *x)
{
	crow r = {x->f, 0};
	size_t ne;
	const govmap_edge *edges = govmap_analysis_edges(x->an, &ne);
	fputs("from,to,edge,type,link,basis,powers,forum,strength,valid_from,"
	      "valid_to,valid_from_no_later_than,what\r\n",
	      x->f);
	for (size_t k = 0; k < ne; k++) {
		const govmap_edge *g = &edges[k];
		if (!edge_ok(x, g))
			continue;
		const govmap_entity *l = edge_link(x, g);
		static const govmap_entity none = {.valid = {0, 0}};
		const govmap_entity *lv = l ? l : &none;
		char what[300];
		ctext(&r, govmap_registry_at(x->reg, (size_t)g->from)->id);
		ctext(&r, govmap_registry_at(x->reg, (size_t)g->to)->id);
		cnum(&r, "%s", edge_kind_name(g->kind));
		ctext(&r, edge_type(x, g));
		ctext(&r, l ? l->id : NULL);
		cnum(&r, "%s", lv->basis ? govmap_basis_name(lv->basis) : "");
		char powers[32] = "";
		static const char *const pw[] = {"inform", "question",
						 "sanction"};
		for (int k2 = 0; k2 < 3; k2++)
			if (lv->powers & (1u << k2))
				snprintf(powers + strlen(powers),
					 sizeof powers - strlen(powers), "%s%s",
					 powers[0] ? " " : "", pw[k2]);
		cnum(&r, "%s", powers);
		cnum(&r, "%s", lv->forum ? govmap_forum_name(lv->forum) : "");
		cnum(&r, "%.6f", g->strength);
		cdate(&r, lv->valid.from);
		cdate(&r, lv->valid.to);
		cbound(&r, lv->valid.from);
		ctext(&r, govmap_edge_describe(x->an, g, what, sizeof what));
		cend(&r);
	}
}

static void csv_seats(ex *x)
{
	crow r = {x->f, 0};
	fputs("board,seat,role,post,count,vacant,fill,by,approved_by,voting,"
	      "elected_member,valid_from,valid_to,valid_from_no_later_than,"
	      "notes\r\n",
	      x->f);
	for (size_t i = 0; i < govmap_registry_count(x->reg); i++) {
		const govmap_entity *e = govmap_registry_at(x->reg, i);
		if (!is_node(x, i))
			continue;
		for (size_t k = 0; k < e->nseats; k++) {
			const govmap_seat *s = &e->seats[k];
			if (!seat_active(x, s))
				continue;
			const govmap_entity *by = ref_active(x, s->by);
			const govmap_entity *ap = ref_active(x, s->approved_by);
			ctext(&r, e->id);
			cnum(&r, "%zu", k + 1);
			ctext(&r, s->role);
			ctext(&r, s->post ? govmap_post_name(s->post) : NULL);
			cnum(&r, "%u", s->count);
			cnum(&r, "%u", s->vacant);
			ctext(&r, fill_word(s->fill));
			ctext(&r, by ? by->id : NULL);
			ctext(&r, ap ? ap->id : NULL);
			ctri(&r, s->voting);
			ctri(&r, s->elected_member);
			cdate(&r, s->valid.from);
			cdate(&r, s->valid.to);
			cbound(&r, s->valid.from);
			ctext(&r, s->notes);
			cend(&r);
		}
	}
}

static void csv_contracts(ex *x)
{
	crow r = {x->f, 0};
	fputs("id,name,commissioner,provider,value_gbp,start,end,tendered,"
	      "published,services\r\n",
	      x->f);
	for (size_t i = 0; i < govmap_registry_count(x->reg); i++) {
		const govmap_entity *e = govmap_registry_at(x->reg, i);
		if (e->kind != GOVMAP_KIND_CONTRACT ||
		    !govmap_analysis_score(x->an, i)->active)
			continue;
		ctext(&r, e->id);
		ctext(&r, e->name ? e->name : e->id);
		ctext(&r, e->commissioner.id);
		ctext(&r, e->provider.id);
		if (e->value_gbp >= 0)
			cnum(&r, "%lld", (long long)e->value_gbp);
		else
			cnum(&r, "%s", "");
		cdate(&r, e->start);
		cdate(&r, e->end);
		ctri(&r, e->tendered);
		ctri(&r, e->published);
		cjoin(&r, e->services, e->nservices, "; ");
		cend(&r);
	}
}

static void csv_findings(ex *x)
{
	crow r = {x->f, 0};
	const govmap_findings *fs = x->o->findings;
	fputs("rule,severity,entity,file,line,col,message,basis,"
	      "suppressed\r\n",
	      x->f);
	for (size_t k = 0; fs && k < fs->n; k++) {
		const govmap_finding *g = &fs->v[k];
		ctext(&r, g->rule);
		cnum(&r, "%s", govmap_severity_name(g->sev));
		ctext(&r, g->entity >= 0
				  ? govmap_registry_at(x->reg, (size_t)g->entity)->id
				  : NULL);
		ctext(&r, g->pos.file);
		if (g->pos.line) {
			cnum(&r, "%u", g->pos.line);
			cnum(&r, "%u", g->pos.col);
		} else {
			cnum(&r, "%s", "");
			cnum(&r, "%s", "");
		}
		ctext(&r, g->msg);
		ctext(&r, g->basis);
		ctext(&r, g->suppressed);
		cend(&r);
	}
}

int govmap_export_write(FILE *out, govmap_export_format fmt,
			const govmap_analysis *an,
			const govmap_export_opts *opts)
{
	static const govmap_export_opts none = {0};
	if ((unsigned)fmt >= GOVMAP_EXPORT__COUNT || !out || !an)
		return GOVMAP_EINVALID;
	ex x = {out, an, govmap_analysis_registry(an), opts ? opts : &none,
		NULL, ""};
	govmap_date_format(x.date, govmap_analysis_date(an));
	size_t n = govmap_registry_count(x.reg);
	if (x.o->findings) {
		x.nfindings = calloc(n ? n : 1, sizeof(*x.nfindings));
		if (!x.nfindings)
			return GOVMAP_ENOMEM;
		for (size_t k = 0; k < x.o->findings->n; k++) {
			const govmap_finding *g = &x.o->findings->v[k];
			if (g->entity >= 0 && (size_t)g->entity < n &&
			    !g->suppressed)
				x.nfindings[g->entity]++;
		}
	}
	switch (fmt) {
	case GOVMAP_EXPORT_POPOLO: write_popolo(&x); break;
	case GOVMAP_EXPORT_FTM: write_ftm(&x); break;
	case GOVMAP_EXPORT_GRAPHML: write_graphml(&x); break;
	case GOVMAP_EXPORT_KUMU: write_kumu(&x); break;
	case GOVMAP_EXPORT_CSV_BODIES: csv_bodies(&x); break;
	case GOVMAP_EXPORT_CSV_LINKS: csv_links(&x); break;
	case GOVMAP_EXPORT_CSV_SEATS: csv_seats(&x); break;
	case GOVMAP_EXPORT_CSV_CONTRACTS: csv_contracts(&x); break;
	default: csv_findings(&x); break;
	}
	free(x.nfindings);
	return ferror(out) ? GOVMAP_EIO : GOVMAP_OK;
}
