/*
 * cmd_report.c - `govmap report`: the report of govmap/report.h (totals
 * with their coverage, bodies ranked by the exposure of known money, weak
 * bodies with no money recorded, dates not known, deficit, coverage and
 * data findings by region and rule, suppressions) as text, Markdown or
 * JSON.  The aggregation lives in the library (core/src/report.c), shared
 * with the site; this file only prints.
 */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_vcs.h"
#include "govmap/report.h"

static void wrap(const char *first, size_t indent, const char *text);
static void wrapf(const char *first, size_t indent, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void usage(FILE *f)
{
	fputs("usage: govmap [global options] report [--region R] [--top N] "
	      "[--format text|md|json]\n"
	      "                                     [--sensitivity | --since "
	      "DATE]\n"
	      "\n"
	      "Rank bodies and boards by exposure (deficit x public money) "
	      "where their\n"
	      "money for the date's financial year is recorded, list the weak "
	      "bodies\n"
	      "(A below 0.25) with no money recorded apart, give totals with "
	      "their\n"
	      "coverage (\"£X known, for N of M bodies; K not recorded\"), "
	      "list bodies\n"
	      "whose dates are not known, and list deficit findings apart "
	      "from coverage\n"
	      "findings (gaps in the registry) and data findings, with the "
	      "suppressed\n"
	      "ones and their reasons. A finding's message names bodies by "
	      "name where\n"
	      "the rule wrote their ids (JSON keeps the ids). The text fits "
	      "a terminal\n"
	      "80 columns wide.\n"
	      "\n"
	      "  --region R   only region R and below (e.g. "
	      "england/greater-manchester,\n"
	      "               or its last part or name when only one "
	      "region has it)\n"
	      "  --top N      rank at most N bodies (default 25)\n"
	      "  --format F   text (default), md (Markdown) or json\n"
	      "  --sensitivity  re-score under the documented variations of "
	      "the model\n"
	      "               (each weight group up and down by a quarter; a "
	      "chain as\n"
	      "               strong as its weakest link) and give each ranked "
	      "body its\n"
	      "               range of ranks, and each ranking \"robust\" or "
	      "\"depends on\n"
	      "               the weights\"\n"
	      "  --since DATE what changed between DATE and the --on date "
	      "instead, per\n"
	      "               region and per body: bodies and boards created "
	      "or abolished,\n"
	      "               chains of accountability that got stronger or "
	      "weaker\n"
	      "  -h, --help   show this help\n",
	      f);
}

static void json_num_or_null(int64_t v)
{
	if (v < 0)
		fputs("null", stdout);
	else
		printf("%lld", (long long)v);
}

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* One ranked body as JSON (the fields every list shares). */
static void json_body(const cli_session *s, size_t i)
{
	const govmap_entity *e = govmap_registry_at(s->reg, i);
	const govmap_score *sc = govmap_analysis_score(s->an, i);
	printf("{\"id\":");
	cli_json_str(stdout, e->id);
	printf(",\"name\":");
	cli_json_str(stdout, e->name ? e->name : e->id);
	char why[300];
	printf(",\"accountability\":%.6f,\"accountability_high\":%.6f,"
	       "\"deficit\":%.6f,\"strength\":\"%s\",\"reason\":",
	       sc->A, sc->A_high, sc->D, govmap_strength_word(sc->A));
	cli_json_str(stdout, govmap_analysis_reason(s->an, i, why, sizeof why));
	printf(",\"money_gbp\":");
	json_num_or_null(sc->money);
	printf(",\"money_year\":");
	if (sc->money >= 0) {
		char fy[16];
		govmap_fyear_format(fy, sizeof fy, sc->money_year);
		cli_json_str(stdout, fy);
		printf(",\"money_kind\":\"%s\",\"money_other_year\":%s,"
		       "\"exposure_gbp\":%.0f",
		       govmap_money_kind_name(sc->money_kind),
		       sc->money_other_year ? "true" : "false", sc->exposure);
	} else {
		printf("null,\"money_kind\":null,\"money_other_year\":false,"
		       "\"exposure_gbp\":null");
	}
	printf(",\"hops\":%u}", sc->hops);
}

static void json_findings(const cli_session *s, const govmap_report *rep,
			  govmap_category cat)
{
	size_t n;
	const size_t *v = govmap_report_findings(rep, cat, &n);
	for (size_t k = 0; k < n; k++) {
		const govmap_finding *f = &s->findings->v[v[k]];
		printf("%s{\"region\":", k ? "," : "");
		cli_json_str(stdout, govmap_report_finding_region(rep, f));
		printf(",\"rule\":");
		cli_json_str(stdout, f->rule);
		printf(",\"category\":\"%s\",\"severity\":\"%s\",\"entity\":",
		       govmap_category_name(f->category),
		       govmap_severity_name(f->sev));
		if (f->entity >= 0)
			cli_json_str(stdout,
				     govmap_registry_at(s->reg, (size_t)f->entity)->id);
		else
			fputs("null", stdout);
		printf(",\"message\":");
		cli_json_str(stdout, f->msg);
		printf(",\"basis\":");
		if (f->basis)
			cli_json_str(stdout, f->basis);
		else
			fputs("null", stdout);
		printf(",\"suppressed\":");
		if (f->suppressed)
			cli_json_str(stdout, f->suppressed);
		else
			fputs("null", stdout);
		putchar('}');
	}
}

/* A body's name and id for Markdown: "Name (`id`)", the name escaped
 * (cli_md_text: registry text never becomes markup) */
static void md_name(const govmap_entity *e)
{
	cli_md_text(stdout, e->name ? e->name : e->id);
	printf(" (`%s`)", e->id);
}

/* A ranked row's first cells in Markdown: "| rank | name (`id`) | A in
 * words: why | D", text escaped; the caller ends the row */
static void md_row(size_t k, const govmap_entity *e, const govmap_score *sc,
		   const char *at, const char *why)
{
	printf("| %zu | ", k + 1);
	md_name(e);
	printf(" | %s %s: ", at, govmap_strength_word(sc->A));
	cli_md_text(stdout, why);
	printf(" | %.3f", sc->D);
}

/* A finding's message as a reader wants it: each body or board it names
 * by id written as its name (govmap_msg_names), for text and Markdown
 * (JSON keeps the message as the rule wrote it).  Not escaped: the
 * caller escapes it.  malloc'd, the caller frees; out of memory, the
 * message as it is, a copy or NULL. */
static char *msg_names(const cli_session *s, const govmap_finding *f)
{
	char *m = govmap_msg_names(s->reg, f->msg);
	return m ? m : strdup(f->msg ? f->msg : "");
}

/* Unsuppressed findings of one category, grouped by region and rule;
 * returns how many were printed. */
static size_t text_findings(const cli_session *s, const govmap_report *rep,
			    govmap_category cat, int md)
{
	size_t n, shown = 0;
	const size_t *v = govmap_report_findings(rep, cat, &n);
	const char *lastr = NULL, *lastrule = NULL;
	for (size_t k = 0; k < n; k++) {
		const govmap_finding *f = &s->findings->v[v[k]];
		if (f->suppressed)
			continue;
		const char *reg = govmap_report_finding_region(rep, f);
		if (!lastr || strcmp(lastr, reg) != 0) {
			printf(md ? "\n### " : "  ");
			cli_md_or_text(stdout, md, reg[0] ? reg : "(no region)");
			putchar('\n');
			lastr = reg;
			lastrule = NULL;
		}
		if (!lastrule || strcmp(lastrule, f->rule) != 0) {
			if (md) {
				printf("\n**");
				cli_md_text(stdout, f->rule);
				printf("**");
				if (f->basis) {
					printf(" (basis: ");
					cli_md_text(stdout, f->basis);
					printf(")");
				}
				printf("\n\n");
			} else {
				wrapf("    ", 6, "%s%s%s", f->rule,
				      f->basis ? ", basis: " : "",
				      f->basis ? f->basis : "");
			}
			lastrule = f->rule;
		}
		char *m = msg_names(s, f);
		const char *msg = m ? m : f->msg;
		if (md) {
			printf("- %s: ", govmap_severity_name(f->sev));
			cli_md_text(stdout, msg);
			putchar('\n');
		} else {
			wrapf("      ", 8, "%s: %s",
			      govmap_severity_name(f->sev), msg);
		}
		free(m);
		shown++;
	}
	if (!shown)
		printf(md ? "\nNone.\n" : "    none\n");
	return shown;
}

/* The text report fits a terminal 80 columns wide: prose is wrapped at
 * spaces with a hanging indent, and a ranked row is the rank (7), the
 * name (what is left), A padded to its list's widest, at most A_COLS
 * ("A 0.098 to 0.518 (very weak)"), and D ("  D 0.902"): 7 + 35 + 1 + 28
 * + 9 = 80 at the narrowest.  A row that ran on past
 * 80 columns wrapped in the terminal, and its columns no longer lined
 * up. */
#define REPORT_COLS 80
#define A_COLS 28

/* The width of the A column of a list: its widest "A x (word)", at most
 * A_COLS (an interval, "A 0.098 to 0.518 (very weak)"), so that a list
 * with no interval gives the names more room. */
static size_t a_cols(const govmap_analysis *an, const size_t *set, size_t n)
{
	size_t w = 0;
	for (size_t k = 0; k < n; k++) {
		const govmap_score *sc = govmap_analysis_score(an, set[k]);
		char at[48], a[96];
		govmap_score_A_text(sc, 3, at, sizeof at);
		size_t l = (size_t)snprintf(a, sizeof a, "A %s (%s)", at,
					    govmap_strength_word(sc->A));
		if (l > w)
			w = l;
	}
	return w < A_COLS ? w : A_COLS;
}

/* Text escaped (govmap_text_escape: it may hold registry text) and
 * wrapped at REPORT_COLS columns, at spaces: `first` before its first
 * line, `indent` spaces before each further one. */
static void wrap(const char *first, size_t indent, const char *text)
{
	size_t size = 4 * strlen(text) + 8;
	char *buf = malloc(size);
	if (!buf) {
		fputs("(out of memory)\n", stdout);
		return;
	}
	const char *rest = govmap_text_escape(buf, size, text);
	size_t lead = cli_cols(first, strlen(first));
	fputs(first, stdout);
	do {
		const char *line = rest;
		size_t w = lead + 20 < REPORT_COLS ? REPORT_COLS - lead : 20;
		size_t n = cli_cut(line, w, 1, &rest);
		printf("%.*s\n", (int)n, line);
		if (rest)
			printf("%*s", (int)indent, "");
		lead = indent;
	} while (rest);
	free(buf);
}

/* fmt with its arguments, in `small` (size bytes) or malloc'd when
 * longer; NULL when it cannot be formatted (out of memory). */
static char *vfmt(char *small, size_t size, const char *fmt, va_list ap)
{
	va_list aq;
	va_copy(aq, ap);
	int n = vsnprintf(small, size, fmt, ap);
	char *buf = n < 0 ? NULL : (size_t)n < size ? small : malloc((size_t)n + 1);
	if (buf && buf != small)
		vsnprintf(buf, (size_t)n + 1, fmt, aq);
	va_end(aq);
	return buf;
}

/* wrap() of fmt with its arguments. */
static void wrapf(const char *first, size_t indent, const char *fmt, ...)
{
	char small[1024];
	va_list ap;
	va_start(ap, fmt);
	char *buf = vfmt(small, sizeof small, fmt, ap);
	va_end(ap);
	if (!buf) {
		fputs("(out of memory)\n", stdout);
		return;
	}
	wrap(first, indent, buf);
	if (buf != small)
		free(buf);
}

/* One line of the totals: a Markdown list item, or in text two spaces
 * before it and four before each line it wraps onto. */
static void total(int md, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void total(int md, const char *fmt, ...)
{
	char small[1024];
	va_list ap;
	va_start(ap, fmt);
	char *buf = vfmt(small, sizeof small, fmt, ap);
	va_end(ap);
	if (!buf)
		fputs("(out of memory)\n", stdout);
	else if (md)
		printf("- %s\n", buf);
	else
		wrap("  ", 4, buf);
	if (buf != small)
		free(buf);
}

/* The name column of a ranked row (`width` characters; NAME_COLS in the
 * sensitivity lists, whose rank column is short): the name's first line,
 * padded, at the last space that fits; returns the rest of a longer name
 * (NULL when it fits), for name_rest */
#define NAME_COLS 48
static const char *name_col(const char *name, size_t width)
{
	const char *rest;
	size_t n = cli_cut(name, width, 1, &rest);
	cli_pad(stdout, name, n, width);
	return rest;
}

/* The rest of a long name on lines of its own, each at most `width`
 * characters, `indent` before each (under the name's first line) */
static void name_rest(const char *rest, const char *indent, size_t width)
{
	while (rest) {
		const char *line = rest;
		size_t n = cli_cut(line, width, 1, &rest);
		printf("%s%.*s\n", indent, (int)n, line);
	}
}

/* A ranked row in text: rank, name, A and D in their columns; the rest
 * of a long name under it; then `money` and `exposure` (NULL: a row
 * with no money) and why, each wrapped under the name. */
static void text_row(size_t k, const char *name, const govmap_score *sc,
		     size_t acols, const char *at, const char *why,
		     const char *money, const char *exposure)
{
	char a[96];
	snprintf(a, sizeof a, "A %s (%s)", at, govmap_strength_word(sc->A));
	/* the name takes what A and D leave of the 80 columns */
	size_t ncols = REPORT_COLS - 7 - 1 - acols - 9;
	printf("  %3zu. ", k + 1);
	const char *rest = name_col(name, ncols);
	putchar(' ');
	cli_pad(stdout, a, strlen(a), acols);
	printf("  D %.3f\n", sc->D);
	name_rest(rest, "       ", ncols);
	if (money)
		wrapf("       ", 7, "money %s; exposure %s", money, exposure);
	wrapf("       ", 12, "why: %s", why);
}

/* ---- sensitivity: the ranks each body takes under the variations ---- */

static double sens_weight(const char *type, void *payload)
{
	double w;
	if (payload && govmap_plugins_link_strength(payload, type, &w))
		return w;
	return -1;
}

static void sens_print(const cli_session *s, const govmap_report *rep,
		       govmap_ranking which, const size_t *set, size_t shown,
		       const char *what, int fmt)
{
	size_t n;
	const govmap_rank_range *rr = govmap_report_ranks(rep, which, &n);
	int robust = govmap_report_robust(rep, which, shown);
	if (fmt == FMT_JSON) {
		printf("{\"list\":\"%s\",\"robust\":%s,\"ranks\":[", what,
		       robust ? "true" : "false");
		for (size_t k = 0; rr && k < shown && k < n; k++) {
			printf("%s{\"id\":", k ? "," : "");
			cli_json_str(stdout, govmap_registry_at(s->reg, set[k])->id);
			printf(",\"rank\":%zu,\"best\":%zu,\"worst\":%zu}", k + 1,
			       rr[k].best, rr[k].worst);
		}
		printf("]}");
		return;
	}
	int md = fmt == FMT_MD;
	const char *verdict =
		robust ? "robust (no body moves more than one place)"
		       : "depends on the weights (a body moves more than one "
			 "place)";
	if (md)
		printf("\n### %s: %s\n\n", what, verdict);
	else {
		putchar('\n');
		wrapf("  ", 4, "%s: %s", what, verdict);
	}
	for (size_t k = 0; rr && k < shown && k < n; k++) {
		const govmap_entity *e = govmap_registry_at(s->reg, set[k]);
		const char *name = e->name ? e->name : e->id, *rest = NULL;
		if (md) {
			printf("- %zu. ", k + 1);
			cli_md_text(stdout, name);
			printf(": ");
		} else {
			printf("    %3zu. ", k + 1);
			rest = name_col(name, NAME_COLS);
			putchar(' ');
		}
		if (rr[k].best == rr[k].worst)
			printf("always %zu\n", rr[k].best);
		else
			printf("%zu to %zu\n", rr[k].best, rr[k].worst);
		name_rest(rest, "         ", NAME_COLS);
	}
	if (!n)
		printf(md ? "None.\n" : "    none\n");
}

int cmd_report(govmap_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"region", required_argument, NULL, 'r'},
		{"top", required_argument, NULL, 't'},
		{"format", required_argument, NULL, 'f'},
		{"sensitivity", no_argument, NULL, 's'},
		{"since", required_argument, NULL, 'S'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	const char *region = NULL;
	int fmt = FMT_TEXT, sens = 0, top_given = 0;
	unsigned long top = 25;
	govmap_date since = 0;
	int c;
	char *end;
	optind = 0;
	while ((c = cli_getopt(argc, argv, "h", opts, "report")) != -1) {
		switch (c) {
		case 'r': region = optarg; break;
		case 's': sens = 1; break;
		case 'S':
			if (cli_date_arg(&since, "report: --since", optarg) !=
			    EXIT_OK)
				return EXIT_USAGE;
			break;
		case 't':
			top_given = 1;
			top = strtoul(optarg, &end, 10);
			if (*end || !*optarg || top < 1 || top > 100000) {
				cli_err("report: --top must be a number from 1 "
					"to 100000");
				return EXIT_USAGE;
			}
			break;
		case 'f':
			if (cli_format_parse("report", optarg, &fmt) < 0)
				return EXIT_USAGE;
			break;
		case 'h': usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		cli_err("report: unexpected argument '%s'", argv[optind]);
		return EXIT_USAGE;
	}
	if (since && (sens || top_given)) {
		cli_err("report: --since lists what changed; it takes no %s",
			sens ? "--sensitivity" : "--top");
		return EXIT_USAGE;
	}
	if (since)
		return cli_report_since(cli, since, region, fmt);
	cli_session s;
	int rc = cli_open(cli, &s);
	if (rc != EXIT_OK)
		return rc;
	cli_warn_unread(cli, &s, NULL); /* a .yml file not read */
	/* a region no entity has: its near misses; a last part or name only
	 * one region has is taken (as map and brief do) */
	char *rgn = NULL;
	if (region) {
		rc = cli_resolve_region(s.reg, "report", region, &rgn);
		if (rc != EXIT_OK) {
			cli_close(&s);
			return rc;
		}
		region = rgn;
	}
	govmap_report *rep = NULL;
	govmap_report_opts ro = {region, 0};
	if (govmap_report_build(&rep, s.an, s.findings, &ro) != GOVMAP_OK) {
		cli_err("out of memory");
		free(rgn);
		cli_close(&s);
		return EXIT_USAGE;
	}
	const govmap_report_totals *t = govmap_report_get_totals(rep);
	if (region && !t->bodies && !t->dates_unknown) {
		cli_err("report: nothing in force in region '%s' on this date",
			region);
		govmap_report_free(rep);
		free(rgn);
		cli_close(&s);
		return EXIT_USAGE;
	}
	size_t nx, nu, nd;
	const size_t *ranked = govmap_report_by_exposure(rep, &nx);
	const size_t *unpriced = govmap_report_unpriced(rep, &nu);
	const size_t *undated = govmap_report_undated(rep, &nd);
	size_t shown = nx < top ? nx : top, ushown = nu < top ? nu : top;
	govmap_analysis_opts bo = {0, sens_weight, cli->plugins,
				   cli->nearest_year ? GOVMAP_MONEY_NEAREST_YEAR
						     : GOVMAP_MONEY_THIS_YEAR,
				   govmap_registry_weights(s.reg)};
	if (sens && govmap_report_sensitivity(rep, &bo) != GOVMAP_OK) {
		cli_err("out of memory");
		govmap_report_free(rep);
		free(rgn);
		cli_close(&s);
		return EXIT_USAGE;
	}
	char cov[320], wcov[320], ex[32], fy[16], yrs[320], yhint[200];
	int32_t year = govmap_fyear_of(govmap_analysis_date(s.an));
	govmap_report_years_text(t, year, yrs, sizeof yrs);
	cli_years_hint(t, yhint, sizeof yhint);
	govmap_report_coverage_text(t, cov, sizeof cov);
	govmap_report_weak_text(t, wcov, sizeof wcov);
	govmap_money_format(ex, sizeof ex, t->exposure);
	govmap_fyear_format(fy, sizeof fy,
			    govmap_fyear_of(govmap_analysis_date(s.an)));

	if (fmt == FMT_JSON) {
		printf("{\"title\":");
		cli_json_str(stdout, s.title);
		printf(",\"region\":");
		if (region)
			cli_json_str(stdout, region);
		else
			fputs("null", stdout);
		printf(",\"money_year\":\"%s\",\"nearest_year\":%s", fy,
		       cli->nearest_year ? "true" : "false");
		printf(",\"other_years\":{\"unknown_with_other_year\":%zu,"
		       "\"years\":[", t->unknown_other_year);
		for (size_t k = 0; k < 3 && t->years[k]; k++) {
			char y[16];
			govmap_fyear_format(y, sizeof y, t->years[k]);
			printf("%s{\"year\":\"%s\",\"bodies\":%zu}",
			       k ? "," : "", y, t->years_bodies[k]);
		}
		printf("],\"text\":");
		cli_json_str(stdout, yrs);
		putchar('}');
		printf(",\"totals\":{\"bodies\":%zu,\"with_money\":%zu,"
		       "\"money_unknown\":%zu,\"money_other_year\":%zu,"
		       "\"money_known_gbp\":%.0f,\"coverage\":",
		       t->bodies, t->with_money, t->money_unknown, t->other_year,
		       t->money);
		cli_json_str(stdout, cov);
		printf(",\"exposure_known_gbp\":%.0f,\"weak_threshold\":%.2f,"
		       "\"weak_bodies\":%zu,\"weak_with_money\":%zu,"
		       "\"weak_money_known_gbp\":%.0f,\"weak_coverage\":",
		       t->exposure, t->weak_threshold, t->weak,
		       t->weak_with_money, t->weak_money);
		cli_json_str(stdout, wcov);
		printf(",\"contract_providers\":%zu,"
		       "\"contract_money_known_gbp\":%.0f,"
		       "\"contract_exposure_gbp\":%.0f",
		       t->contract_bodies, t->contract_money,
		       t->contract_exposure);
		printf(",\"no_chain\":%zu,\"dates_unknown\":%zu,"
		       "\"findings\":{\"deficit\":%zu,\"coverage\":%zu,"
		       "\"data\":%zu,\"suppressed\":%zu}},"
		       "\"ranked_by\":\"exposure of known money, at the worst "
		       "case (A low)\",\"ranked\":[",
		       t->nochain, t->dates_unknown, t->findings[0],
		       t->findings[1], t->findings[2], t->suppressed);
		for (size_t k = 0; k < shown; k++) {
			fputs(k ? "," : "", stdout);
			json_body(&s, ranked[k]);
		}
		printf("],\"weak_without_money\":[");
		for (size_t k = 0; k < ushown; k++) {
			fputs(k ? "," : "", stdout);
			json_body(&s, unpriced[k]);
		}
		printf("],\"dates_unknown\":[");
		for (size_t k = 0; k < nd; k++) {
			const govmap_entity *e = govmap_registry_at(s.reg, undated[k]);
			char a[11], b[11];
			govmap_date_format(a, e->valid.from);
			govmap_date_format(b, e->valid.to);
			printf("%s{\"id\":", k ? "," : "");
			cli_json_str(stdout, e->id);
			printf(",\"name\":");
			cli_json_str(stdout, e->name ? e->name : e->id);
			printf(",\"from\":\"%s\",\"to\":\"%s\"", a, b);
			if (GOVMAP_DATE_BOUND(e->valid.from)) {
				govmap_date_format(a, GOVMAP_DATE_BOUND(
							      e->valid.from));
				printf(",\"from_no_later_than\":\"%s\"", a);
			}
			putchar('}');
		}
		printf("]");
		if (sens) {
			printf(",\"sensitivity\":{\"weights\":\"%s\","
			       "\"variations\":[",
			       bo.variant ? "govmap.yaml" : "documented");
			size_t nv;
			const govmap_variant *v = govmap_sensitivity_variants(&nv);
			for (size_t k = 0; k < nv; k++) {
				govmap_variant a =
					govmap_variant_around(bo.variant, &v[k]);
				fputs(k ? "," : "", stdout);
				cli_json_str(stdout, a.name);
			}
			printf("],\"lists\":[");
			sens_print(&s, rep, GOVMAP_RANKING_EXPOSURE, ranked,
				   shown, "ranked", fmt);
			putchar(',');
			sens_print(&s, rep, GOVMAP_RANKING_UNPRICED, unpriced,
				   ushown, "weak_without_money", fmt);
			printf("]}");
		}
		printf(",\"findings\":[");
		json_findings(&s, rep, GOVMAP_CAT_DEFICIT);
		printf("],\"coverage_findings\":[");
		json_findings(&s, rep, GOVMAP_CAT_COVERAGE);
		printf("],\"data_findings\":[");
		json_findings(&s, rep, GOVMAP_CAT_DATA);
		printf("]}\n");
	} else {
		int md = fmt == FMT_MD;
		if (md) {
			printf("# govmap report\n\n");
			cli_md_text(stdout, s.title);
			if (region) {
				printf(", region ");
				cli_md_text(stdout, region);
			}
			printf("\n\n");
		} else {
			wrapf("", 2, "govmap report: %s%s%s", s.title,
			      region ? ", region " : "", region ? region : "");
		}
		/* the scores in words, once, as the brief's note says them */
		static const char key[] =
			"Key: A, a body's accountability to voters, runs from 0 "
			"(no chain to voters) to 1; in words: strong 0.7 and "
			"over, moderate 0.4, weak 0.2, very weak above 0, none. "
			"D, its deficit, is 1 - A. 'govmap explain ID' gives "
			"every number behind a score.";
		if (md) {
			printf("%s\n\n## Totals\n\n", key);
		} else {
			putchar('\n');
			wrap("", 2, key);
			printf("\nTotals\n");
		}
		total(md, "Public money in %s%s: %s.", fy,
		      t->other_year ? " (or the nearest year recorded)" : "",
		      cov);
		if (*yrs)
			total(md, "Other years: %s. %s", yrs, yhint);
		total(md,
		      "Decided by bodies whose best chain to voters is weaker "
		      "than %.2f (%zu of %zu bodies): %s.",
		      t->weak_threshold, t->weak, t->bodies, wcov);
		/* a total of exposure says whose money it covers: never a
		 * sum that silently leaves out the unknowns */
		if (t->with_money)
			total(md,
			      "%zu %s no chain to voters at all; exposure "
			      "(deficit x money) is %s in %s%s, for the %zu of "
			      "%zu %s whose money is known.",
			      t->nochain,
			      plural(t->nochain, "body has", "bodies have"), ex,
			      fy,
			      t->other_year ? " or the nearest year recorded"
					    : "",
			      t->with_money, t->bodies - t->contract_bodies,
			      plural(t->bodies - t->contract_bodies, "body",
				     "bodies"));
		else
			total(md,
			      "%zu %s no chain to voters at all; exposure "
			      "(deficit x money) cannot be worked out: no "
			      "body's money is known for %s.",
			      t->nochain,
			      plural(t->nochain, "body has", "bodies have"), fy);
		if (t->contract_bodies) {
			char cm[32], ce[32];
			govmap_money_format(cm, sizeof cm, t->contract_money);
			govmap_money_format(ce, sizeof ce,
					    t->contract_exposure);
			total(md,
			      "Held by %zu %s under contracts in force: %s, "
			      "exposure %s; counted apart, not added to the "
			      "figures above, because the commissioners' "
			      "money already holds it.",
			      t->contract_bodies,
			      plural(t->contract_bodies, "provider",
				     "providers"),
			      cm, ce);
		}
		total(md,
		      "Deficit findings: %zu %s, %zu %s, %zu for information "
		      "only; coverage findings (gaps in the registry): %zu; "
		      "data findings: %zu; %zu suppressed.",
		      t->deficit_sev[GOVMAP_SEV_ERROR],
		      plural(t->deficit_sev[GOVMAP_SEV_ERROR], "error", "errors"),
		      t->deficit_sev[GOVMAP_SEV_WARNING],
		      plural(t->deficit_sev[GOVMAP_SEV_WARNING], "warning",
			     "warnings"),
		      t->deficit_sev[GOVMAP_SEV_INFO], t->findings[1],
		      t->findings[2], t->suppressed);
		if (t->other_year)
			total(md,
			      "%zu of the money figures are for another year "
			      "than %s (--nearest-year).",
			      t->other_year, fy);
		if (nd)
			total(md,
			      "%zu %s dates are not known %s not counted in "
			      "force (listed below).",
			      nd,
			      plural(nd, "body or board whose",
				     "bodies or boards whose"),
			      plural(nd, "is", "are"));
		if (md)
			printf("\n## Bodies ranked by exposure (known money "
			       "only; sorted at the worst case, A low)\n\n");
		else {
			putchar('\n');
			wrapf("", 2,
			      "Bodies ranked by exposure (deficit x money), "
			      "known money only, sorted at the worst case (A "
			      "low) (top %zu of %zu)",
			      shown, nx);
		}
		if (md && shown)
			printf("| # | body | A, in words, and why | D | money a "
			       "year | exposure |\n"
			       "|---|---|---|---|---|---|\n");
		size_t aw = a_cols(s.an, ranked, shown);
		for (size_t k = 0; k < shown; k++) {
			const govmap_entity *e = govmap_registry_at(s.reg, ranked[k]);
			const govmap_score *sc = govmap_analysis_score(s.an, ranked[k]);
			char mm[160], ee[32], at[48], why[300];
			govmap_score_money_text(sc, mm, sizeof mm);
			govmap_money_format(ee, sizeof ee, sc->exposure);
			govmap_score_A_text(sc, 3, at, sizeof at);
			govmap_analysis_reason(s.an, ranked[k], why, sizeof why);
			if (md) {
				md_row(k, e, sc, at, why);
				printf(" | %s | %s |\n", mm, ee);
			} else {
				text_row(k, e->name ? e->name : e->id, sc,
					 aw, at, why, mm, ee);
			}
		}
		if (!shown)
			printf(md ? "None: no body here has a money figure for "
				    "%s.\n"
				  : "    none: no body here has a money figure "
				    "for %s\n",
			       fy);
		if (md)
			printf("\n## Weak bodies with no money recorded for "
			       "%s\n\n",
			       fy);
		else {
			putchar('\n');
			wrapf("", 2,
			      "Weak bodies with no money recorded for %s (A "
			      "below %.2f, by deficit at the worst case; top "
			      "%zu of %zu)",
			      fy, t->weak_threshold, ushown, nu);
		}
		if (md && ushown)
			printf("| # | body | A, in words, and why | D |\n"
			       "|---|---|---|---|\n");
		aw = a_cols(s.an, unpriced, ushown);
		for (size_t k = 0; k < ushown; k++) {
			const govmap_entity *e = govmap_registry_at(s.reg, unpriced[k]);
			const govmap_score *sc = govmap_analysis_score(s.an, unpriced[k]);
			char at[48], why[300];
			govmap_score_A_text(sc, 3, at, sizeof at);
			govmap_analysis_reason(s.an, unpriced[k], why, sizeof why);
			if (md) {
				md_row(k, e, sc, at, why);
				printf(" |\n");
			} else {
				text_row(k, e->name ? e->name : e->id, sc,
					 aw, at, why, NULL, NULL);
			}
		}
		if (!ushown)
			printf(md ? "None.\n" : "    none\n");
		if (sens) {
			size_t nv;
			const govmap_variant *v = govmap_sensitivity_variants(&nv);
			printf(md ? "\n## Sensitivity: ranks under %zu variations "
				    "of the model\n\n"
				  : "\nSensitivity: the ranks each body takes under "
				    "%zu variations of the model\n",
			       nv);
			if (bo.variant)
				printf(md ? "The variations are taken around the "
					    "non-default weights set in "
					    "govmap.yaml, not the documented "
					    "ones.\n\n"
					  : "  around the non-default weights set "
					    "in govmap.yaml, not the documented "
					    "ones\n");
			char vb[1024] = "";
			for (size_t k = 0; k < nv; k++)
				snprintf(vb + strlen(vb), sizeof vb - strlen(vb),
					 "%s%s", k ? "; " : "",
					 govmap_variant_around(bo.variant, &v[k])
						 .name);
			if (md)
				printf("Variations: %s\n", vb);
			else {
				wrapf("  ", 4, "variations: %s", vb);
			}
			sens_print(&s, rep, GOVMAP_RANKING_EXPOSURE, ranked,
				   shown, "Ranked by exposure", fmt);
			sens_print(&s, rep, GOVMAP_RANKING_UNPRICED, unpriced,
				   ushown, "Weak bodies with no money, by deficit",
				   fmt);
		}
		if (nd) {
			printf(md ? "\n## Dates not known\n\n"
				  : "\nDates not known (not counted in force on "
				    "this date)\n");
			for (size_t k = 0; k < nd; k++) {
				const govmap_entity *e =
					govmap_registry_at(s.reg, undated[k]);
				char pw[120];
				govmap_period_words(pw, sizeof pw, e->valid);
				if (md) {
					printf("- ");
					md_name(e);
					printf(": %s\n", pw);
				} else {
					wrapf("    ", 6, "%s (%s): %s",
					      e->name ? e->name : e->id, e->id, pw);
				}
			}
		}
		printf(md ? "\n## Deficit findings by region and rule\n"
			  : "\nDeficit findings by region and rule\n");
		text_findings(&s, rep, GOVMAP_CAT_DEFICIT, md);
		printf(md ? "\n## Coverage findings: what the registry does not "
			    "record\n"
			  : "\nCoverage findings: what the registry does not "
			    "record (gaps, not failings)\n");
		text_findings(&s, rep, GOVMAP_CAT_COVERAGE, md);
		if (t->findings[GOVMAP_CAT_DATA]) {
			printf(md ? "\n## Data findings: records that disagree\n"
				  : "\nData findings: records that disagree\n");
			text_findings(&s, rep, GOVMAP_CAT_DATA, md);
		}
		printf(md ? "\n## Suppressed findings\n\n"
			  : "\nSuppressed findings (reviewed exceptions)\n");
		size_t nsup = 0;
		for (int cat = 0; cat < 3; cat++) {
			size_t n;
			const size_t *v = govmap_report_findings(rep, (govmap_category)cat, &n);
			for (size_t k = 0; k < n; k++) {
				const govmap_finding *f = &s.findings->v[v[k]];
				if (!f->suppressed)
					continue;
				nsup++;
				const char *on = f->entity >= 0
					? govmap_registry_at(s.reg, (size_t)f->entity)->id
					: "-";
				char *m = msg_names(&s, f);
				const char *msg = m ? m : f->msg;
				if (md) {
					printf("- `%s` on ", f->rule);
					cli_md_text(stdout, on);
					printf(": ");
					cli_md_text(stdout, msg);
					printf(". Reason: ");
					cli_md_text(stdout, f->suppressed);
					putchar('\n');
				} else {
					wrapf("    ", 6, "[%s] %s: %s", f->rule,
					      on, msg);
					wrapf("      ", 8, "reason: %s",
					      f->suppressed);
				}
				free(m);
			}
		}
		if (!nsup)
			printf(md ? "None.\n" : "    none\n");
	}
	govmap_report_free(rep);
	free(rgn);
	cli_close(&s);
	return EXIT_OK;
}
