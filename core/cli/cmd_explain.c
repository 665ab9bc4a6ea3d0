/*
 * cmd_explain.c - `govmap explain ID`: every number behind a body's score,
 * link by link, with sources; its findings; the single change that would
 * raise its score most; and the questions a committee could ask.
 */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_vcs.h"

static void usage(FILE *f)
{
	fputs("usage: govmap [global options] explain ID|NAME|CODE\n"
	      "\n"
	      "Explain a body's or board's accountability A, deficit D = 1 - "
	      "A and\n"
	      "exposure (D x public money) on the --on date: the strongest "
	      "chain to\n"
	      "voters link by link (type, basis, powers, strength, validity, "
	      "source),\n"
	      "its findings, the single change that would raise A most, and "
	      "the\n"
	      "questions a scrutiny committee could ask where a stage of "
	      "accountability\n"
	      "(information, debate, consequences) is missing.\n"
	      "\n"
	      "The body is named by its id, its name, a short name "
	      "(\"sheffield\" for\n"
	      "Sheffield City Council) or a code (ONS, ODS); a name that "
	      "matches more\n"
	      "than one body, or none, lists the near misses and exits 2.\n"
	      "\n"
	      "  -h, --help   show this help\n",
	      f);
}

static void print_sources(const govmap_entity *e, const char *indent)
{
	for (size_t k = 0; k < e->nsources; k++) {
		char d[11];
		govmap_date_format(d, e->sources[k].accessed);
		printf("%ssource: %s <%s> (accessed %s)\n", indent,
		       e->sources[k].title ? e->sources[k].title : "?",
		       e->sources[k].url ? e->sources[k].url : "?", d);
	}
}

static void print_powers(unsigned p)
{
	static const char *const names[] = {"inform", "question", "sanction"};
	int first = 1;
	for (int i = 0; i < 3; i++)
		if (p & (1u << i)) {
			printf("%s%s", first ? "" : ", ", names[i]);
			first = 0;
		}
	if (first)
		printf("none listed");
}

static const char *name_of(const govmap_registry *reg, int32_t i)
{
	const govmap_entity *e = govmap_registry_at(reg, (size_t)i);
	return e->name ? e->name : e->id;
}

/* A contract's value for the financial year of the date, in words. */
static const char *contract_value_text(const cli_session *s,
				       const govmap_entity *k, char *buf,
				       size_t size)
{
	govmap_money_figure mf;
	char m[48], fy[16];
	govmap_date on = govmap_analysis_date(s->an);
	govmap_fyear_format(fy, sizeof fy, govmap_fyear_of(on));
	if (govmap_entity_money(k, on, GOVMAP_MONEY_THIS_YEAR, &mf) &&
	    mf.kind == GOVMAP_MONEY_CONTRACT_VALUE) {
		govmap_money_format(m, sizeof m, (double)mf.gbp);
		snprintf(buf, size, "%s (%s)", m, fy);
	} else {
		snprintf(buf, size, "unknown (no contract-value figure for %s)",
			 fy);
	}
	return buf;
}

/* The contracts in force of which body i is the provider, each with its
 * value for the year: what its money from contracts is made of. */
static void print_contracts(const cli_session *s, size_t i)
{
	const govmap_score *sc = govmap_analysis_score(s->an, i);
	if (!sc->contracts)
		return;
	printf("  contracts in force as provider: %u, %u of them with no "
	       "value for this year\n",
	       sc->contracts, sc->contracts_unvalued);
	size_t n = govmap_registry_count(s->reg);
	for (size_t k = 0; k < n; k++) {
		const govmap_entity *c = govmap_registry_at(s->reg, k);
		char mt[160];
		if (c->kind != GOVMAP_KIND_CONTRACT ||
		    c->provider.target != (int32_t)i ||
		    !govmap_analysis_score(s->an, k)->active)
			continue;
		printf("    - '%s' from %s: %s\n", c->id,
		       c->commissioner.target >= 0
			       ? name_of(s->reg, c->commissioner.target)
			       : "?",
		       contract_value_text(s, c, mt, sizeof mt));
	}
}

static void print_edge(const cli_session *s, const govmap_edge *e, int step)
{
	const govmap_registry *reg = s->reg;
	char desc[300];
	govmap_edge_describe(s->an, e, desc, sizeof desc);
	printf("  %d. %s -> %s\n", step, name_of(reg, e->from),
	       name_of(reg, e->to));
	printf("     %s\n", desc);
	if (e->kind == GOVMAP_EDGE_LINK) {
		const govmap_entity *l = govmap_registry_at(reg, (size_t)e->link);
		char why[200], when[96];
		govmap_analysis_link_strength(s->an, l, why, sizeof why);
		printf("     basis %s, forum %s, powers ",
		       l->basis ? govmap_basis_name(l->basis) : "(unset)",
		       l->forum ? govmap_forum_name(l->forum) : "(unset)");
		print_powers(l->powers);
		printf("; in force: %s\n",
		       govmap_period_words(when, sizeof when, l->valid));
		printf("     strength %.3f: %s\n", e->strength, why);
		print_sources(l, "     ");
		printf("     defined at %s:%u:%u\n", l->pos.file, l->pos.line,
		       l->pos.col);
	} else if (e->kind == GOVMAP_EDGE_CONTRACT) {
		const govmap_entity *k = govmap_registry_at(reg, (size_t)e->link);
		char why[200], mt[160], a[11], b[11];
		govmap_analysis_contract_strength(s->an, k, why, sizeof why);
		govmap_date_format(a, k->start);
		govmap_date_format(b, k->end);
		printf("     contract management: %s is informed, can question "
		       "and can impose the consequences the contract gives "
		       "(withholding payment, termination)\n",
		       name_of(reg, e->to));
		printf("     term %s to %s (last day included); value this "
		       "year %s\n",
		       a, b, contract_value_text(s, k, mt, sizeof mt));
		printf("     strength %.3f: %s\n", e->strength, why);
		print_sources(k, "     ");
		printf("     defined at %s:%u:%u\n", k->pos.file, k->pos.line,
		       k->pos.col);
	} else if (e->kind == GOVMAP_EDGE_SEAT) {
		const govmap_entity *bd = govmap_registry_at(reg, (size_t)e->from);
		govmap_date on = govmap_analysis_date(s->an);
		uint32_t total = 0;
		for (size_t k = 0; k < bd->nseats; k++)
			if (bd->seats[k].voting != GOVMAP_NO &&
			    govmap_period_contains(bd->seats[k].valid, on))
				total += bd->seats[k].count;
		printf("     strength %.3f = step 0.90 x (", e->strength);
		int first = 1;
		for (size_t k = 0; k < bd->nseats; k++) {
			const govmap_seat *st = &bd->seats[k];
			if (st->by.target != e->to || st->voting == GOVMAP_NO ||
			    !govmap_period_contains(st->valid, on) ||
			    st->count <= st->vacant)
				continue;
			printf("%s%u %s x %.1f", first ? "" : " + ",
			       st->count - st->vacant, govmap_fill_name(st->fill),
			       govmap_fill_weight(st->fill));
			first = 0;
		}
		printf(") / %u voting seats\n", total);
		print_sources(bd, "     ");
		printf("     defined at %s:%u:%u\n", bd->seats[e->seat].pos.file,
		       bd->seats[e->seat].pos.line, bd->seats[e->seat].pos.col);
	} else {
		printf("     strength %.3f\n", e->strength);
		const govmap_entity *bd = govmap_registry_at(
			reg, (size_t)(govmap_registry_at(reg, (size_t)e->from)
						      ->kind == GOVMAP_KIND_BOARD
					      ? e->from
					      : e->to));
		print_sources(bd, "     ");
	}
}

/* Which of Bovens' stages does the body's own set of links cover? */
/* Does any of the body's own links record no powers?  Such a link may
 * hold any of Bovens' stages (govmap_analysis_stages() counts only what
 * is recorded). */
static int powers_unknown(const cli_session *s, size_t i)
{
	size_t no, ne;
	const govmap_edge *edges = govmap_analysis_edges(s->an, &ne);
	const uint32_t *out = govmap_analysis_out(s->an, i, &no);
	for (size_t k = 0; out && k < no; k++) {
		const govmap_edge *e = &edges[out[k]];
		if (e->kind == GOVMAP_EDGE_LINK &&
		    govmap_registry_at(s->reg, (size_t)e->link)->powers == 0)
			return 1;
	}
	return 0;
}

int cmd_explain(govmap_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {{"help", no_argument, NULL, 'h'},
					     {NULL, 0, NULL, 0}};
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, "h", opts, "explain")) != -1) {
		if (c == 'h') {
			usage(stdout);
			return EXIT_OK;
		}
		return EXIT_USAGE;
	}
	if (optind + 1 != argc) {
		cli_err("explain: give exactly one id, name or code (run "
			"'govmap explain --help')");
		return EXIT_USAGE;
	}
	const char *id = argv[optind];
	cli_session s;
	int rc = cli_open(cli, &s);
	if (rc != EXIT_OK)
		return rc;
	cli_warn_unread(cli, &s, NULL); /* a .yml file not read */
	int32_t i = -1;
	rc = cli_resolve(s.reg, "explain", id, &i);
	const govmap_entity *e = i >= 0 ? govmap_registry_at(s.reg, (size_t)i)
					: NULL;
	if (rc == EXIT_OK &&
	    (!e || (e->kind != GOVMAP_KIND_BODY && e->kind != GOVMAP_KIND_BOARD))) {
		cli_err("explain: no body or board with id '%s'", id);
		rc = EXIT_USAGE;
	}
	if (rc != EXIT_OK) {
		cli_close(&s);
		return rc;
	}
	const govmap_score *sc = govmap_analysis_score(s.an, (size_t)i);
	char d[11], exposure[32];
	govmap_date_format(d, govmap_analysis_date(s.an));
	printf("%s (%s '%s', %s)\n", e->name ? e->name : e->id,
	       e->kind == GOVMAP_KIND_BODY ? "body" : "board", e->id,
	       e->type ? e->type : "board");
	if (govmap_registry_weights(s.reg))
		printf("  (scored with non-default weights set in govmap.yaml)\n");
	const char *region = govmap_entity_region(s.reg, e);
	char when[96];
	printf("  region %s; in force: %s; defined at %s:%u:%u\n",
	       region ? region : "-",
	       govmap_period_words(when, sizeof when, e->valid), e->pos.file,
	       e->pos.line, e->pos.col);
	if (!sc->active && sc->dates_unknown) {
		printf("  dates not known (see its notes): not counted in force "
		       "on %s, so not scored\n", d);
		cli_close(&s);
		return EXIT_OK;
	}
	if (!sc->active) {
		printf("  not in force on %s: nothing to score\n", d);
		cli_close(&s);
		return EXIT_OK;
	}
	govmap_money_format(exposure, sizeof exposure, sc->exposure);
	char at[48], why[300];
	printf("  on %s: accountability A = %s (%s: %s), deficit D = %.3f\n",
	       d, govmap_score_A_text(sc, 3, at, sizeof at),
	       govmap_strength_word(sc->A),
	       govmap_analysis_reason(s.an, (size_t)i, why, sizeof why), sc->D);
	if (sc->A_high - sc->A > GOVMAP_INTERVAL_SHOWN)
		printf("  A is %.3f if what is not recorded (a link's powers, "
		       "how seats are filled) gives no chain, %.3f at best "
		       "(%s)\n",
		       sc->A, sc->A_high, govmap_strength_word(sc->A_high));
	if (sc->money >= 0) {
		char mt[160];
		printf("  public money %s; exposure D x money = %s\n",
		       govmap_score_money_text(sc, mt, sizeof mt), exposure);
		if (sc->money_from_contracts)
			printf("  (no figure of its own for the year: the sum "
			       "of its contracts' values, money its "
			       "commissioners' figures already hold, so report "
			       "totals count it apart)\n");
	} else if (sc->contracts_unvalued) {
		printf("  public money unknown: %u of its %u contract%s in "
		       "force %s no value recorded for this year, and it has "
		       "no figure of its own; exposure cannot be computed\n",
		       sc->contracts_unvalued, sc->contracts,
		       sc->contracts == 1 ? "" : "s",
		       sc->contracts_unvalued == 1 ? "has" : "have");
	} else {
		char fy[16];
		govmap_fyear_format(fy, sizeof fy,
				    govmap_fyear_of(govmap_analysis_date(s.an)));
		printf("  public money unknown: no figure recorded for %s",
		       fy);
		/* name the other years' figures: not this year's, and
		 * not counted, but there */
		char series[1024];
		int others = govmap_money_series_text(e, series,
						      sizeof series) > 0;
		if (others)
			printf(" (recorded for other years: %s", series);
		printf("%s; exposure cannot be computed\n",
		       others ? "; --nearest-year uses the nearest)" : "");
	}
	print_contracts(&s, (size_t)i);
	if (sc->electorate && govmap_root_weight(e) < 1) {
		printf("\n  A membership: a root of accountability, weaker "
		       "than an electorate because its members are not the "
		       "public (A = %.1f).\n", sc->A);
		cli_close(&s);
		return EXIT_OK;
	}
	if (sc->electorate) {
		printf("\n  An electorate: the root of democratic "
		       "accountability (A = 1).\n");
		cli_close(&s);
		return EXIT_OK;
	}
	size_t ne;
	const govmap_edge *edges = govmap_analysis_edges(s.an, &ne);
	if (sc->next < 0) {
		printf("\nChain to voters: none. No chain of accountability "
		       "from %s reaches any electorate.\n",
		       e->name);
	} else {
		printf("\nStrongest chain to voters (%u link%s; A is the "
		       "product of the strengths):\n",
		       sc->hops, sc->hops == 1 ? "" : "s");
		int step = 1;
		int32_t last = i;
		for (int32_t k = sc->next; k >= 0;
		     k = govmap_analysis_score(s.an, (size_t)edges[k].to)->next) {
			print_edge(&s, &edges[k], step++);
			last = edges[k].to;
		}
		printf("  reaches: %s (voters)\n", name_of(s.reg, last));
	}
	printf("\nFindings:\n");
	size_t nf = 0;
	for (size_t k = 0; k < s.findings->n; k++) {
		const govmap_finding *f = &s.findings->v[k];
		if (f->entity != i)
			continue;
		nf++;
		/* the bodies it names by id, by name (as report does) */
		char *msg = govmap_msg_names(s.reg, f->msg);
		printf("  %s [%s] %s\n", govmap_severity_name(f->sev), f->rule,
		       msg ? msg : f->msg);
		free(msg);
		if (f->basis)
			printf("      basis: %s\n", f->basis);
		if (f->suppressed)
			printf("      suppressed: %s\n", f->suppressed);
	}
	if (!nf)
		printf("  none\n");
	double newA;
	int32_t best = govmap_analysis_best_change(s.an, (size_t)i, &newA);
	printf("\nSingle change that would raise A most:\n");
	if (best < 0) {
		printf("  add an accountability link from %s to a forum that "
		       "answers to voters (a council, Parliament, the "
		       "Senedd)\n",
		       e->name);
	} else {
		char desc[300];
		govmap_edge_describe(s.an, &edges[best], desc, sizeof desc);
		printf("  strengthen %s (%s -> %s, now %.3f) to full strength (0.9): "
		       "a statutory footing with the powers to inform, question "
		       "and sanction.\n  A would rise from %.3f to %.3f (deficit "
		       "%.3f -> %.3f).\n",
		       desc, name_of(s.reg, edges[best].from),
		       name_of(s.reg, edges[best].to), edges[best].strength,
		       sc->A, newA, sc->D, 1.0 - newA);
	}
	int unknown = powers_unknown(&s, (size_t)i);
	unsigned p = govmap_analysis_stages(s.an, (size_t)i);
	const char *n = e->name ? e->name : e->id;
	/* a link with no powers recorded may hold any of them: the
	 * headings then say what is recorded, not what is */
	const char *none = unknown ? "no link records that a forum" : "no forum";
	printf("\nQuestions for a committee:\n");
	/* a board answers through its body: its stages are the body's
	 * (govmap_analysis_stages), and the reader is told whose */
	int32_t via = govmap_analysis_answers_through(s.an, (size_t)i);
	if (via >= 0)
		printf("  (a governing board answers through its body, %s: the "
		       "stages are that body's)\n",
		       name_of(s.reg, via));
	if (unknown)
		printf("  (some of its links record no powers: what they "
		       "allow is not known)\n");
	if (!(p & GOVMAP_POWER_INFORM))
		printf("  Information (%s has a right to be informed):\n"
		       "    - What does %s publish about its decisions and "
		       "spending, and when?\n"
		       "    - Are its board papers and minutes public, and "
		       "does it meet in public?\n",
		       none, n);
	if (!(p & GOVMAP_POWER_QUESTION))
		printf("  Debate (%s can question it):\n"
		       "    - Which elected body can call %s's leaders to "
		       "answer questions in public?\n"
		       "    - Will it attend this committee when invited?\n",
		       none, n);
	if (!(p & GOVMAP_POWER_SANCTION))
		printf("  Consequences (%s can impose them):\n"
		       "    - Who can overturn %s's decisions, withhold its "
		       "funds or remove its chair?\n"
		       "    - What happens if it ignores this committee's "
		       "recommendations?\n",
		       none, n);
	if ((p & 7u) == 7u)
		printf("  All three stages are covered by its %slinks; ask "
		       "whether they are used.\n",
		       via >= 0 ? "body's " : "");
	cli_close(&s);
	return EXIT_OK;
}
