/*
 * cmd_report.c - `govmap report`: bodies ranked by exposure, totals,
 * findings grouped by region and rule, suppressions; text, Markdown or
 * JSON.
 */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define WEAK 0.25 /* "weaker than 0.25": the headline threshold */

static void usage(FILE *f)
{
	fputs("usage: govmap [global options] report [--region R] [--top N] "
	      "[--format text|md|json]\n"
	      "\n"
	      "Rank bodies and boards by exposure (deficit x public money), "
	      "give totals\n"
	      "such as the money decided by bodies whose best chain to voters "
	      "is weaker\n"
	      "than 0.25, and list findings grouped by region and rule, with "
	      "the\n"
	      "suppressed ones and their reasons.\n"
	      "\n"
	      "  --region R   only region R and below\n"
	      "  --top N      rank at most N bodies (default 25)\n"
	      "  --format F   text (default), md (Markdown) or json\n"
	      "  -h, --help   show this help\n",
	      f);
}

typedef struct {
	const cli_session *s;
	const char *region;
	int fmt;
	size_t *order; /* entity indexes in scope, ranked */
	size_t n;
} report;

static int in_scope(const report *r, size_t i)
{
	const govmap_entity *e = govmap_registry_at(r->s->reg, i);
	const govmap_score *sc = govmap_analysis_score(r->s->an, i);
	if ((e->kind != GOVMAP_KIND_BODY && e->kind != GOVMAP_KIND_BOARD) ||
	    !sc->active || sc->electorate)
		return 0;
	return !r->region || govmap_region_in(govmap_entity_region(r->s->reg, e),
					       r->region);
}

static int by_exposure(const void *a, const void *b, void *ctx)
{
	const cli_session *sort_s = ctx;
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	const govmap_score *sx = govmap_analysis_score(sort_s->an, x);
	const govmap_score *sy = govmap_analysis_score(sort_s->an, y);
	if (sx->exposure != sy->exposure)
		return sx->exposure > sy->exposure ? -1 : 1;
	if (sx->D != sy->D)
		return sx->D > sy->D ? -1 : 1;
	return strcmp(govmap_registry_at(sort_s->reg, x)->id,
		      govmap_registry_at(sort_s->reg, y)->id);
}

static const char *finding_region(const cli_session *s, const govmap_finding *f)
{
	if (f->entity < 0)
		return "";
	const char *r = govmap_entity_region(
		s->reg, govmap_registry_at(s->reg, (size_t)f->entity));
	if (!r) {
		/* links and contracts: the region of their first end */
		const govmap_entity *e = govmap_registry_at(s->reg, (size_t)f->entity);
		int32_t t = e->from.target >= 0 ? e->from.target
					       : e->commissioner.target;
		if (t >= 0)
			r = govmap_entity_region(
				s->reg, govmap_registry_at(s->reg, (size_t)t));
	}
	return r ? r : "";
}

static int by_region_rule(const void *a, const void *b, void *ctx)
{
	const report *sort_r = ctx;
	const govmap_finding *x = &sort_r->s->findings->v[*(const size_t *)a];
	const govmap_finding *y = &sort_r->s->findings->v[*(const size_t *)b];
	int c = strcmp(finding_region(sort_r->s, x), finding_region(sort_r->s, y));
	if (c)
		return c;
	if ((c = strcmp(x->rule, y->rule)))
		return c;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

static void json_num_or_null(int64_t v)
{
	if (v < 0)
		fputs("null", stdout);
	else
		printf("%lld", (long long)v);
}

static int finding_in_scope(const report *r, const govmap_finding *f)
{
	return !r->region ||
	       govmap_region_in(finding_region(r->s, f), r->region);
}

int cmd_report(govmap_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"region", required_argument, NULL, 'r'},
		{"top", required_argument, NULL, 't'},
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	report r = {0};
	unsigned long top = 25;
	int c;
	char *end;
	optind = 0;
	while ((c = cli_getopt(argc, argv, "h", opts, "report")) != -1) {
		switch (c) {
		case 'r': r.region = optarg; break;
		case 't':
			top = strtoul(optarg, &end, 10);
			if (*end || !*optarg || top < 1 || top > 100000) {
				cli_err("report: --top must be a number from 1 "
					"to 100000");
				return EXIT_USAGE;
			}
			break;
		case 'f':
			if (cli_format_parse("report", optarg, &r.fmt) < 0)
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
	cli_session s;
	int rc = cli_open(cli, &s);
	if (rc != EXIT_OK)
		return rc;
	r.s = &s;
	size_t n = govmap_registry_count(s.reg);
	r.order = malloc((n ? n : 1) * sizeof(*r.order));
	size_t *fo = malloc((s.findings->n ? s.findings->n : 1) * sizeof(*fo));
	if (!r.order || !fo) {
		free(r.order);
		free(fo);
		cli_close(&s);
		return EXIT_USAGE;
	}
	double money = 0, weak_money = 0, exposure = 0;
	size_t nochain = 0, weak = 0, with_money = 0;
	for (size_t i = 0; i < n; i++) {
		if (!in_scope(&r, i))
			continue;
		r.order[r.n++] = i;
		const govmap_score *sc = govmap_analysis_score(s.an, i);
		if (sc->money > 0) {
			money += (double)sc->money;
			exposure += sc->exposure;
			with_money++;
			if (sc->A < WEAK)
				weak_money += (double)sc->money;
		}
		if (sc->A < WEAK)
			weak++;
		if (sc->A <= 0)
			nochain++;
	}
	if (r.region && !r.n) {
		cli_err("report: nothing in force in region '%s'", r.region);
		free(r.order);
		free(fo);
		cli_close(&s);
		return EXIT_USAGE;
	}
	govmap_sort(r.order, r.n, sizeof(*r.order), by_exposure, (void *)&s);
	size_t nfo = 0;
	for (size_t k = 0; k < s.findings->n; k++)
		if (finding_in_scope(&r, &s.findings->v[k]))
			fo[nfo++] = k;
	govmap_sort(fo, nfo, sizeof(*fo), by_region_rule, (void *)&r);
	char m1[32], m2[32], m3[32];
	govmap_money_format(m1, sizeof m1, weak_money);
	govmap_money_format(m2, sizeof m2, money);
	govmap_money_format(m3, sizeof m3, exposure);
	size_t shown = r.n < top ? r.n : top;

	if (r.fmt == FMT_JSON) {
		printf("{\"title\":");
		cli_json_str(stdout, s.title);
		printf(",\"region\":");
		if (r.region)
			cli_json_str(stdout, r.region);
		else
			fputs("null", stdout);
		printf(",\"totals\":{\"bodies\":%zu,\"with_money\":%zu,"
		       "\"money_gbp\":%.0f,\"exposure_gbp\":%.0f,"
		       "\"weak_threshold\":%.2f,\"weak_bodies\":%zu,"
		       "\"weak_money_gbp\":%.0f,\"no_chain\":%zu},\"ranked\":[",
		       r.n, with_money, money, exposure, WEAK, weak, weak_money,
		       nochain);
		for (size_t k = 0; k < shown; k++) {
			const govmap_entity *e = govmap_registry_at(s.reg, r.order[k]);
			const govmap_score *sc = govmap_analysis_score(s.an, r.order[k]);
			printf("%s{\"id\":", k ? "," : "");
			cli_json_str(stdout, e->id);
			printf(",\"name\":");
			cli_json_str(stdout, e->name ? e->name : e->id);
			printf(",\"accountability\":%.6f,\"deficit\":%.6f,"
			       "\"money_gbp\":",
			       sc->A, sc->D);
			json_num_or_null(sc->money);
			printf(",\"money_year\":");
			if (sc->money_year && sc->money >= 0) {
				char fy[16];
				govmap_fyear_format(fy, sizeof fy, sc->money_year);
				cli_json_str(stdout, fy);
			} else {
				printf("null");
			}
			printf(",\"exposure_gbp\":%.0f,\"hops\":%u}", sc->exposure,
			       sc->hops);
		}
		printf("],\"findings\":[");
		for (size_t k = 0; k < nfo; k++) {
			const govmap_finding *f = &s.findings->v[fo[k]];
			printf("%s{\"region\":", k ? "," : "");
			cli_json_str(stdout, finding_region(&s, f));
			printf(",\"rule\":");
			cli_json_str(stdout, f->rule);
			printf(",\"severity\":\"%s\",\"entity\":",
			       govmap_severity_name(f->sev));
			if (f->entity >= 0)
				cli_json_str(stdout, govmap_registry_at(s.reg, (size_t)f->entity)->id);
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
		printf("]}\n");
	} else {
		int md = r.fmt == FMT_MD;
		printf(md ? "# govmap report\n\n%s%s%s\n\n" : "govmap report: %s%s%s\n\n",
		       s.title, r.region ? ", region " : "",
		       r.region ? r.region : "");
		printf(md ? "## Totals\n\n" : "Totals\n");
		printf("%s%s of %s a year is decided by bodies whose best chain "
		       "to voters is weaker than %.2f (%zu of %zu bodies).\n",
		       md ? "- " : "  ", m1, m2, WEAK, weak, r.n);
		printf("%s%zu %s no chain to voters at all; total "
		       "exposure (deficit x money) is %s.\n",
		       md ? "- " : "  ", nochain,
		       nochain == 1 ? "body has" : "bodies have", m3);
		size_t cnt[3] = {0, 0, 0}, nsupp = 0;
		for (size_t k = 0; k < nfo; k++) {
			const govmap_finding *f = &s.findings->v[fo[k]];
			if (f->suppressed)
				nsupp++;
			else
				cnt[f->sev]++;
		}
		printf("%sFindings: %zu %s, %zu %s, %zu info; %zu "
		       "suppressed.\n\n",
		       md ? "- " : "  ", cnt[GOVMAP_SEV_ERROR],
		       cnt[GOVMAP_SEV_ERROR] == 1 ? "error" : "errors",
		       cnt[GOVMAP_SEV_WARNING],
		       cnt[GOVMAP_SEV_WARNING] == 1 ? "warning" : "warnings",
		       cnt[GOVMAP_SEV_INFO], nsupp);
		printf(md ? "## Bodies ranked by exposure\n\n| # | body | A | D | "
			    "money a year | exposure |\n|---|---|---|---|---|---|\n"
			  : "Bodies ranked by exposure (top %zu of %zu)\n",
		       shown, r.n);
		for (size_t k = 0; k < shown; k++) {
			const govmap_entity *e = govmap_registry_at(s.reg, r.order[k]);
			const govmap_score *sc = govmap_analysis_score(s.an, r.order[k]);
			char mm[48], ee[32], fy[16] = "";
			govmap_money_format(mm, sizeof mm, (double)sc->money);
			govmap_money_format(ee, sizeof ee, sc->exposure);
			if (sc->money_year && sc->money >= 0)
				govmap_fyear_format(fy, sizeof fy, sc->money_year);
			if (md && fy[0]) /* "£2.2bn (2023/24)" */
				snprintf(mm + strlen(mm), sizeof mm - strlen(mm),
					 " (%s)", fy);
			if (md)
				printf("| %zu | %s (`%s`) | %.3f | %.3f | %s | %s |\n",
				       k + 1, e->name ? e->name : e->id, e->id,
				       sc->A, sc->D, mm, ee);
			else
				printf("  %3zu. %-48.48s A %.3f  D %.3f  %9s  "
				       "exposure %s%s%s%s\n",
				       k + 1, e->name ? e->name : e->id, sc->A,
				       sc->D, mm, ee, fy[0] ? "  (money: " : "",
				       fy, fy[0] ? ")" : "");
		}
		printf(md ? "\n## Findings by region and rule\n" : "\nFindings by region and rule\n");
		const char *lastr = NULL, *lastrule = NULL;
		size_t nsup = 0;
		for (size_t k = 0; k < nfo; k++) {
			const govmap_finding *f = &s.findings->v[fo[k]];
			const char *reg = finding_region(&s, f);
			if (f->suppressed) {
				nsup++;
				continue;
			}
			if (!lastr || strcmp(lastr, reg) != 0) {
				printf(md ? "\n### %s\n" : "  %s\n",
				       reg[0] ? reg : "(no region)");
				lastr = reg;
				lastrule = NULL;
			}
			if (!lastrule || strcmp(lastrule, f->rule) != 0) {
				if (md)
					printf("\n**%s**%s%s%s\n\n", f->rule,
					       f->basis ? " (basis: " : "",
					       f->basis ? f->basis : "",
					       f->basis ? ")" : "");
				else
					printf("    %s%s%s\n", f->rule,
					       f->basis ? ", basis: " : "",
					       f->basis ? f->basis : "");
				lastrule = f->rule;
			}
			printf(md ? "- %s: %s\n" : "      %s: %s\n",
			       govmap_severity_name(f->sev), f->msg);
		}
		if (!nfo)
			printf(md ? "\nNone.\n" : "    none\n");
		printf(md ? "\n## Suppressed findings\n\n" : "\nSuppressed findings (reviewed exceptions)\n");
		for (size_t k = 0; k < nfo; k++) {
			const govmap_finding *f = &s.findings->v[fo[k]];
			if (!f->suppressed)
				continue;
			printf(md ? "- `%s` on %s: %s. Reason: %s\n"
				  : "    [%s] %s: %s\n      reason: %s\n",
			       f->rule,
			       f->entity >= 0 ? govmap_registry_at(s.reg, (size_t)f->entity)->id : "-",
			       f->msg, f->suppressed);
		}
		if (!nsup)
			printf(md ? "None.\n" : "    none\n");
	}
	rc = EXIT_OK;
	free(r.order);
	free(fo);
	cli_close(&s);
	return rc;
}
