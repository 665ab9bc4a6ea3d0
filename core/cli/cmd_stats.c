/*
 * cmd_stats.c - `govmap stats`: what the registry holds, and how well it
 * is sourced: counts per kind, type and region, the share of entities
 * with sources and with official codes, the oldest `accessed` dates.
 */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void usage(FILE *f)
{
	fputs("usage: govmap [global options] stats [--format text|json] "
	      "[--oldest N]\n"
	      "\n"
	      "Count the registry's entities per kind, type and region (in "
	      "force on the\n"
	      "--on date, and in all), the share with sources and with "
	      "official codes\n"
	      "(ONS or ODS), and list the entities whose newest source was "
	      "checked\n"
	      "longest ago. Then the providers and contracts: NHS trusts "
	      "and foundation\n"
	      "trusts in force (with ODS codes, commissioned), contract "
	      "providers by type,\n"
	      "contracts by state on the date (in force only when start "
	      "and end are both\n"
	      "known), those in force with a value for the financial "
	      "year, by the\n"
	      "procurement rules of their start date (untendered among "
	      "them), tendered\n"
	      "and published; and per body type, the bodies in force with a "
	      "money series.\n"
	      "\n"
	      "  --format F   text (default) or json\n"
	      "  --oldest N   how many of the least recently checked to list "
	      "(default 5)\n"
	      "  -h, --help   show this help\n",
	      f);
}

typedef struct {
	const char *key;
	size_t all, active;
} count_t;

typedef struct {
	count_t *v;
	size_t n, cap;
	int owns;  /* keys are malloc'd copies */
} counts;

static void bump(counts *c, const char *key, int active)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i].key, key) == 0) {
			c->v[i].all++;
			c->v[i].active += active;
			return;
		}
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 32;
		count_t *v = realloc(c->v, cap * sizeof(*v));
		if (!v)
			return;
		c->v = v;
		c->cap = cap;
	}
	if (c->owns && !(key = strdup(key)))
		return;
	c->v[c->n++] = (count_t){key, 1, (size_t)active};
}

static void counts_free(counts *c)
{
	for (size_t i = 0; c->owns && i < c->n; i++)
		free((char *)c->v[i].key);
	free(c->v);
}

/* "wales: local-authority" and "england/greater-manchester: icb": the
 * types within the first two levels of each body's region. */
static void bump_area(counts *c, const char *region, const char *type,
		      int active)
{
	char key[300];
	const char *cut = region;
	for (int level = 0; level < 2 && cut; level++) {
		cut = strchr(cut + (level ? 1 : 0), '/');
		int n = cut ? (int)(cut - region) : (int)strlen(region);
		snprintf(key, sizeof key, "%.*s: %s", n, region, type);
		bump(c, key, active);
	}
}

static int by_key(const void *a, const void *b, void *ctx)
{
	(void)ctx;
	return strcmp(((const count_t *)a)->key, ((const count_t *)b)->key);
}

static govmap_date newest_source(const govmap_entity *e)
{
	govmap_date d = 0;
	for (size_t k = 0; k < e->nsources; k++)
		if (e->sources[k].accessed > d)
			d = e->sources[k].accessed;
	return d;
}

static int by_age(const void *a, const void *b, void *ctx)
{
	const govmap_registry *oldest_reg = ctx;
	const govmap_entity *x = govmap_registry_at(oldest_reg, *(const size_t *)a);
	const govmap_entity *y = govmap_registry_at(oldest_reg, *(const size_t *)b);
	govmap_date dx = newest_source(x), dy = newest_source(y);
	if (dx != dy)
		return dx < dy ? -1 : 1;
	return strcmp(x->id, y->id);
}

/* The key column of a text table: as wide as the table's longest key, so
 * that the counts line up, at most KEY_COLS_MAX, so that a row fits 80
 * columns (2 + 64 + 2 x 7): a longer key (six of the registry's region
 * paths, up to 79 characters) runs on past the column.  Either way a row is three fields apart by spaces (the
 * key, in force, all), which scripts read with awk (tests/registry).
 * Keys are type ids and region paths, which the schema keeps to
 * lower-case letters, digits, '-' and '/': nothing to escape. */
#define KEY_COLS_MAX 64

static int key_cols(const counts *c)
{
	size_t w = 0;
	for (size_t i = 0; i < c->n; i++) {
		size_t l = strlen(c->v[i].key);
		if (l > w)
			w = l;
	}
	return (int)(w < KEY_COLS_MAX ? w : KEY_COLS_MAX);
}

static void print_counts(const char *title, counts *c, int json, int *first)
{
	govmap_sort(c->v, c->n, sizeof(*c->v), by_key, NULL);
	if (json) {
		printf("%s\"%s\":{", *first ? "" : ",", title);
		for (size_t i = 0; i < c->n; i++) {
			printf("%s", i ? "," : "");
			cli_json_str(stdout, c->v[i].key);
			printf(":{\"all\":%zu,\"in_force\":%zu}", c->v[i].all,
			       c->v[i].active);
		}
		putchar('}');
		*first = 0;
		return;
	}
	printf("\n%s (in force / all)\n", title);
	int w = key_cols(c);
	for (size_t i = 0; i < c->n; i++)
		printf("  %-*s %6zu %6zu\n", w, c->v[i].key, c->v[i].active,
		       c->v[i].all);
}

/* ---- Providers, contracts and money (issue 17) ------------------------
 * What the registry says about who provides services under contract and
 * which bodies carry a money figure.  A contract is in force on the date
 * only when both its start and its end are known and the date lies
 * between them (both days included); a contract with a missing start or
 * end is counted as "dates not known", never as in force: the library's
 * govmap_contract_status(), the rule the analysis uses too. */

enum { C_IN_FORCE, C_ENDED, C_NOT_STARTED, C_UNDATED, C__N };
static const char *const contract_state_name[C__N] = {
	"in_force", "ended", "not_started", "dates_not_known"};

static int contract_state(const govmap_entity *e, govmap_date on)
{
	switch (govmap_contract_status(e, on)) {
	case GOVMAP_YES: return C_IN_FORCE;
	case GOVMAP_UNKNOWN: return C_UNDATED;
	default:
		return (e->start && on < e->start) ||
				       (e->valid.from > 0 && on < e->valid.from)
			       ? C_NOT_STARTED
			       : C_ENDED;
	}
}

/* The procurement regimes, in govmap_regime order. */
enum { R__N = GOVMAP_REGIME_OTHER + 1 };

static int has_money(const govmap_entity *e)
{
	return e->nmoney > 0;
}

static int is_trust(const govmap_entity *e)
{
	return e->kind == GOVMAP_KIND_BODY && e->type &&
	       (strcmp(e->type, "nhs-trust") == 0 ||
		strcmp(e->type, "foundation-trust") == 0);
}

typedef struct {
	size_t trusts, nhs_trusts, coded, commissioned;
	size_t contracts, state[C__N], valued;
	size_t year_valued[2];            /* in force: value for the year
					     known, not known */
	size_t regime[R__N], untendered[R__N];
	size_t tendered[3], published[3]; /* yes, no, not known */
	counts providers;                 /* contract providers by type */
	counts money;                     /* bodies in force by type */
	counts money_with;                /* ... of them with money */
} supply_t;

static void tri(size_t v[3], govmap_tristate t)
{
	v[t == GOVMAP_YES ? 0 : t == GOVMAP_NO ? 1 : 2]++;
}

static void supply_count(const govmap_registry *reg, govmap_date on,
			 supply_t *s)
{
	size_t n = govmap_registry_count(reg);
	/* per entity: 2 once a body has been counted as a contract
	 * provider */
	unsigned char *mark = calloc(n ? n : 1, 1);
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(reg, i);
		if (e->kind != GOVMAP_KIND_CONTRACT)
			continue;
		int st = contract_state(e, on);
		s->contracts++;
		s->state[st]++;
		s->valued += e->value_gbp >= 0;
		if (st == C_IN_FORCE) {
			govmap_money_figure mf;
			s->year_valued[govmap_entity_money(
					       e, on, GOVMAP_MONEY_THIS_YEAR,
					       &mf) &&
				       mf.kind == GOVMAP_MONEY_CONTRACT_VALUE
					       ? 0
					       : 1]++;
		}
		govmap_regime r = govmap_contract_regime(reg, e);
		s->regime[r]++;
		s->untendered[r] += e->tendered == GOVMAP_NO;
		tri(s->tendered, e->tendered);
		tri(s->published, e->published);
		int32_t who = e->provider.target;
		if (who >= 0 && mark && !(mark[who] & 2)) {
			const govmap_entity *p =
				govmap_registry_at(reg, (size_t)who);
			mark[who] |= 2;
			bump(&s->providers, p->type ? p->type : "?", 1);
		}
	}
	bool *com = calloc(n ? n : 1, sizeof(*com));
	if (com)
		govmap_registry_commissioned(reg, on, com);
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(reg, i);
		if (e->kind != GOVMAP_KIND_BODY ||
		    !govmap_period_contains(e->valid, on))
			continue;
		bump(&s->money, e->type ? e->type : "?", 1);
		if (has_money(e))
			bump(&s->money_with, e->type ? e->type : "?", 1);
		if (!is_trust(e))
			continue;
		s->trusts++;
		s->nhs_trusts += strcmp(e->type, "nhs-trust") == 0;
		s->coded += govmap_entity_code(e, "ods") != NULL;
		s->commissioned += com && com[i];
	}
	free(com);
	free(mark);
}

static size_t with_money(const supply_t *s, const char *type)
{
	for (size_t i = 0; i < s->money_with.n; i++)
		if (strcmp(s->money_with.v[i].key, type) == 0)
			return s->money_with.v[i].all;
	return 0;
}

static void supply_print(supply_t *s, int json)
{
	static const char *const tri_name[3] = {"yes", "no", "not_known"};
	govmap_sort(s->providers.v, s->providers.n, sizeof(*s->providers.v),
		    by_key, NULL);
	govmap_sort(s->money.v, s->money.n, sizeof(*s->money.v), by_key, NULL);
	if (json) {
		printf(",\"trusts\":{\"in_force\":%zu,\"nhs_trust\":%zu,"
		       "\"foundation_trust\":%zu,\"with_ods_code\":%zu,"
		       "\"commissioned\":%zu},\"contracts\":{\"all\":%zu",
		       s->trusts, s->nhs_trusts, s->trusts - s->nhs_trusts,
		       s->coded, s->commissioned, s->contracts);
		for (int k = 0; k < C__N; k++)
			printf(",\"%s\":%zu", contract_state_name[k],
			       s->state[k]);
		printf(",\"with_value\":%zu,\"in_force_value_this_year\":{"
		       "\"known\":%zu,\"not_known\":%zu},\"regime\":{",
		       s->valued, s->year_valued[0], s->year_valued[1]);
		for (int k = 0; k < R__N; k++)
			printf("%s\"%s\":%zu", k ? "," : "",
			       govmap_regime_name((govmap_regime)k),
			       s->regime[k]);
		printf("},\"untendered_by_regime\":{");
		for (int k = 0; k < R__N; k++)
			printf("%s\"%s\":%zu", k ? "," : "",
			       govmap_regime_name((govmap_regime)k),
			       s->untendered[k]);
		printf("},\"tendered\":{");
		for (int k = 0; k < 3; k++)
			printf("%s\"%s\":%zu", k ? "," : "", tri_name[k],
			       s->tendered[k]);
		printf("},\"published\":{");
		for (int k = 0; k < 3; k++)
			printf("%s\"%s\":%zu", k ? "," : "", tri_name[k],
			       s->published[k]);
		printf("}},\"providers\":{");
		for (size_t i = 0; i < s->providers.n; i++) {
			printf("%s", i ? "," : "");
			cli_json_str(stdout, s->providers.v[i].key);
			printf(":%zu", s->providers.v[i].all);
		}
		printf("},\"money_by_type\":{");
		for (size_t i = 0; i < s->money.n; i++) {
			printf("%s", i ? "," : "");
			cli_json_str(stdout, s->money.v[i].key);
			printf(":{\"bodies\":%zu,\"with_money\":%zu}",
			       s->money.v[i].all,
			       with_money(s, s->money.v[i].key));
		}
		putchar('}');
		return;
	}
	printf("\nProviders and contracts\n");
	printf("  NHS trusts and foundation trusts in force: %zu (%zu "
	       "nhs-trust, %zu foundation-trust)\n",
	       s->trusts, s->nhs_trusts, s->trusts - s->nhs_trusts);
	printf("    with an ODS code: %zu; with a commissioned-by link or a "
	       "contract not known to be out of force: %zu\n",
	       s->coded, s->commissioned);
	size_t np = 0;
	for (size_t i = 0; i < s->providers.n; i++)
		np += s->providers.v[i].all;
	printf("  contract providers (all dates): %zu %s", np,
	       np == 1 ? "body" : "bodies");
	for (size_t i = 0; i < s->providers.n; i++)
		printf("%s%s %zu", i ? ", " : " (", s->providers.v[i].key,
		       s->providers.v[i].all);
	printf("%s\n", s->providers.n ? ")" : "");
	printf("  contracts: %zu (in force %zu, ended %zu, not yet started "
	       "%zu, dates not known %zu)\n",
	       s->contracts, s->state[C_IN_FORCE], s->state[C_ENDED],
	       s->state[C_NOT_STARTED], s->state[C_UNDATED]);
	printf("    with a value: %zu; tendered: %zu yes, %zu no, %zu not "
	       "known; published: %zu yes, %zu no, %zu not known\n",
	       s->valued, s->tendered[0], s->tendered[1], s->tendered[2],
	       s->published[0], s->published[1], s->published[2]);
	printf("    in force with a value for the financial year: %zu known, "
	       "%zu not known\n",
	       s->year_valued[0], s->year_valued[1]);
	printf("    by the procurement rules of the start date (untendered "
	       "in brackets):");
	static const char *const rname[R__N] = {
		"start not recorded", "Provider Selection Regime",
		"2013 regulations", "other"};
	for (int k = 0; k < R__N; k++)
		printf("%s %s %zu (%zu)", k ? "," : "", rname[k], s->regime[k],
		       s->untendered[k]);
	putchar('\n');
	printf("\nBodies in force with a money series (any year), by type\n");
	for (size_t i = 0; i < s->money.n; i++)
		printf("  %s: %zu of %zu\n", s->money.v[i].key,
		       with_money(s, s->money.v[i].key), s->money.v[i].all);
}

int cmd_stats(govmap_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"oldest", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	int json = 0, c;
	unsigned long noldest = 5;
	char *end;
	optind = 0;
	while ((c = cli_getopt(argc, argv, "h", opts, "stats")) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "json") == 0)
				json = 1;
			else if (strcmp(optarg, "text") != 0) {
				cli_err("stats: unknown format '%s' (use text "
					"or json)",
					optarg);
				return EXIT_USAGE;
			}
			break;
		case 'o':
			noldest = strtoul(optarg, &end, 10);
			if (*end || !*optarg || noldest > 1000) {
				cli_err("stats: --oldest must be a number from "
					"0 to 1000");
				return EXIT_USAGE;
			}
			break;
		case 'h': usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		cli_err("stats: unexpected argument '%s'", argv[optind]);
		return EXIT_USAGE;
	}
	cli_session s;
	int rc = cli_session_open(cli, &s, NULL, GOVMAP_STAGE_LOAD, 0);
	if (rc != EXIT_OK) {
		if (s.diags)
			cli_print_diags(stderr, s.diags, cli->color);
		cli_close(&s);
		return rc;
	}
	/* counted all the same (what loaded), but never silently */
	size_t errors = s.diags->count[GOVMAP_SEV_ERROR];
	if (errors)
		cli_note("the registry has %zu error%s (run 'govmap check'): "
			 "what they keep from loading is not counted",
			 errors, errors == 1 ? "" : "s");
	govmap_src *src = s.src;
	const govmap_registry *reg = s.reg;
	counts kinds = {0}, types = {0}, regions = {0}, areas = {0};
	areas.owns = 1;
	size_t n = govmap_registry_count(reg), sourced = 0, bodies = 0,
	       coded = 0, money = 0, money_dated = 0;
	size_t *order = malloc((n ? n : 1) * sizeof(*order));
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(reg, i);
		int active = govmap_period_contains(e->valid, cli->on);
		bump(&kinds, govmap_kind_name(e->kind), active);
		if (e->type)
			bump(&types, e->type, active);
		if (e->region)
			bump(&regions, e->region, active);
		const char *area = govmap_entity_region(reg, e);
		if (area && e->type && (e->kind == GOVMAP_KIND_BODY ||
					e->kind == GOVMAP_KIND_BOARD))
			bump_area(&areas, area, e->type, active);
		sourced += e->nsources > 0;
		if (e->nmoney) {
			money++;
			govmap_money_figure mf;
			money_dated += govmap_entity_money(e, cli->on,
							   GOVMAP_MONEY_THIS_YEAR,
							   &mf);
		}
		if (e->kind == GOVMAP_KIND_BODY) {
			bodies++;
			coded += govmap_entity_code(e, "ons") ||
				 govmap_entity_code(e, "ods");
		}
		if (order)
			order[i] = i;
	}
	supply_t supply = {0};
	supply_count(reg, cli->on, &supply);
	if (order)
		govmap_sort(order, n, sizeof(*order), by_age, (void *)reg);
	if (noldest > n)
		noldest = n;
	char on[11];
	govmap_date_format(on, cli->on);
	if (json) {
		int first = 1;
		printf("{\"registry\":");
		cli_json_str(stdout, govmap_registry_name(reg));
		printf(",\"on\":\"%s\",\"entities\":%zu,\"sourced\":%zu,"
		       "\"bodies\":%zu,\"bodies_with_codes\":%zu,"
		       "\"with_money\":%zu,\"money_dated\":%zu,",
		       on, n, sourced, bodies, coded, money, money_dated);
		print_counts("kinds", &kinds, 1, &first);
		print_counts("types", &types, 1, &first);
		print_counts("regions", &regions, 1, &first);
		print_counts("types_by_area", &areas, 1, &first);
		supply_print(&supply, 1);
		printf(",\"oldest\":[");
		for (size_t k = 0; order && k < noldest; k++) {
			const govmap_entity *e = govmap_registry_at(reg, order[k]);
			char d[11];
			govmap_date_format(d, newest_source(e));
			printf("%s{\"id\":", k ? "," : "");
			cli_json_str(stdout, e->id);
			printf(",\"accessed\":\"%s\"}", d);
		}
		printf("]}\n");
	} else {
		printf("%s (%s): %zu entities, in force on %s as counted "
		       "below\n",
		       govmap_registry_name(reg), govmap_src_revision(src), n,
		       on);
		printf("  sourced: %zu of %zu entities (%.1f%%)\n", sourced, n,
		       n ? 100.0 * (double)sourced / (double)n : 100.0);
		printf("  official codes (ONS or ODS): %zu of %zu bodies "
		       "(%.1f%%)\n",
		       coded, bodies,
		       bodies ? 100.0 * (double)coded / (double)bodies : 0.0);
		/* the year by name, as report and explain give it */
		char fyn[16];
		govmap_fyear_format(fyn, sizeof fyn,
				    govmap_fyear_of(cli->on));
		printf("  public money: %zu %s with a money series, %zu of "
		       "them with a figure for %s (the financial year of "
		       "%s)\n",
		       money, money == 1 ? "entity" : "entities", money_dated,
		       fyn, on);
		int first = 1;
		print_counts("Kinds", &kinds, 0, &first);
		print_counts("Types", &types, 0, &first);
		print_counts("Regions", &regions, 0, &first);
		print_counts("Types by area (the first two levels of the region)",
			     &areas, 0, &first);
		supply_print(&supply, 0);
		printf("\nLeast recently checked (newest source accessed)\n");
		for (size_t k = 0; order && k < noldest; k++) {
			const govmap_entity *e = govmap_registry_at(reg, order[k]);
			char d[11];
			govmap_date_format(d, newest_source(e));
			printf("  %s  %s\n", d, e->id);
		}
	}
	free(order);
	free(kinds.v);
	free(types.v);
	free(regions.v);
	counts_free(&areas);
	free(supply.providers.v);
	free(supply.money.v);
	free(supply.money_with.v);
	cli_close(&s);
	return EXIT_OK;
}
