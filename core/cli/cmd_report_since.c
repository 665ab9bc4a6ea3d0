/*
 * cmd_report_since.c - `govmap report --since DATE`: what changed between
 * DATE and the --on date in one registry, per region and per body: the
 * bodies and boards created (in force on the --on date, not on DATE),
 * abolished (the reverse), and those whose chain of accountability got
 * stronger or weaker (A moved), as text, Markdown or JSON.
 *
 * The same registry is analysed on the two dates and the two sessions
 * are compared by the library (compare.h), as `diff` compares two
 * revisions; this file only groups and prints.  An entity whose period
 * has a date the sources do not give, so that it is not known to be in
 * force on one of the dates, is listed as such, never as created or
 * abolished.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_vcs.h"

typedef enum { EV_CREATED, EV_ABOLISHED, EV_STRONGER, EV_WEAKER,
	       EV_UNKNOWN, EV__N } ev_kind;

static const char *const ev_title[EV__N] = {
	"created", "abolished", "chain stronger", "chain weaker",
	"dates not known"};
static const char *const ev_key[EV__N] = {
	"created", "abolished", "stronger", "weaker", "dates_unknown"};

typedef struct {
	const govmap_diff_entry *e;
	const char *region; /* borrowed from the registry; "" for none */
	ev_kind kind;
} event;

static int by_region(const void *x, const void *y, void *ctx)
{
	(void)ctx;
	const event *a = x, *b = y;
	int c = strcmp(a->region, b->region);
	if (c)
		return c;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return strcmp(a->e->id, b->e->id);
}

static const char *name_of(const govmap_entity *e)
{
	return e->name ? e->name : e->id;
}

static void put(int fmt, const char *s)
{
	cli_md_or_text(stdout, fmt == FMT_MD, s);
}

/* One body's line, after its name: what happened to it. */
static void event_text(int fmt, const event *v, const govmap_entity *e)
{
	const govmap_diff_entry *r = v->e;
	const char *arrow = fmt == FMT_MD ? " \xe2\x86\x92 " : " -> ";
	char from[16], to[16];
	switch (v->kind) {
	case EV_CREATED:
		govmap_date_format(from, e->valid.from);
		printf("in force from %s; A %.3f (%s)",
		       e->valid.from ? from : "the start", r->Ab,
		       govmap_strength_word(r->Ab));
		break;
	case EV_ABOLISHED:
		govmap_date_format(to, e->valid.to);
		printf("ended %s", e->valid.to ? to : "(no end date)");
		break;
	case EV_STRONGER:
	case EV_WEAKER:
		printf("A %.3f%s%.3f (%s%s%s)", r->Aa, arrow, r->Ab,
		       govmap_strength_word(r->Aa), arrow,
		       govmap_strength_word(r->Ab));
		break;
	default:
		printf("in force on both dates not known (a date of its "
		       "period is not given)");
	}
}

static void json_event(const event *v, const govmap_entity *e, int first)
{
	const govmap_diff_entry *r = v->e;
	printf("%s{\"id\":", first ? "" : ",");
	cli_json_str(stdout, e->id);
	printf(",\"name\":");
	cli_json_str(stdout, name_of(e));
	printf(",\"kind\":\"%s\",\"type\":", govmap_kind_name(e->kind));
	if (e->type)
		cli_json_str(stdout, e->type);
	else
		fputs("null", stdout);
	printf(",\"change\":\"%s\"", ev_key[v->kind]);
	if (v->kind == EV_STRONGER || v->kind == EV_WEAKER)
		printf(",\"accountability_before\":%.6f,"
		       "\"accountability_after\":%.6f",
		       r->Aa, r->Ab);
	else if (v->kind == EV_CREATED)
		printf(",\"accountability_after\":%.6f", r->Ab);
	fputc('}', stdout);
}

int cli_report_since(govmap_cli *cli, govmap_date since, const char *region,
		     int fmt)
{
	cli_session now, then;
	int rc = cli_open(cli, &now);
	if (rc != EXIT_OK)
		return rc;
	cli_warn_unread(cli, &now, NULL); /* a .yml file not read */
	/* the region as report takes it: a path, or a last part or name
	 * only one region has ("greater manchester"); a region no entity
	 * has is refused with its near misses.  Taken as given, a name
	 * matched no region path, and the report said "No body or board
	 * was created or abolished" of Greater Manchester since 2022. */
	char *rgn = NULL;
	if (region) {
		rc = cli_resolve_region(now.reg, "report", region, &rgn);
		if (rc != EXIT_OK) {
			cli_close(&now);
			return rc;
		}
		region = rgn;
	}
	govmap_date on = govmap_session_date(now.gs);
	if (since >= on) {
		char a[16], b[16];
		govmap_date_format(a, since);
		govmap_date_format(b, on);
		cli_err("report: --since %s is not before the --on date %s", a,
			b);
		free(rgn);
		cli_close(&now);
		return EXIT_USAGE;
	}
	rc = cli_open_on(cli, &then, since);
	if (rc != EXIT_OK) {
		free(rgn);
		cli_close(&now);
		return rc;
	}
	govmap_diff *df = NULL;
	govmap_compare_opts co = GOVMAP_COMPARE_OPTS_INIT;
	co.what = GOVMAP_COMPARE_SCORES;
	event *ev = NULL;
	size_t nev = 0;
	if (govmap_diff_sessions(&df, then.gs, now.gs, &co) != GOVMAP_OK ||
	    !(ev = malloc((df->n ? df->n : 1) * sizeof(*ev)))) {
		cli_err("out of memory");
		rc = EXIT_USAGE;
		goto done;
	}
	for (size_t k = 0; k < df->n; k++) {
		const govmap_diff_entry *r = &df->v[k];
		const govmap_entity *e = govmap_diff_entity(df, r, 1);
		if (!r->scored || !e || r->a < 0)
			continue;
		const char *reg = govmap_entity_region(now.reg, e);
		if (region && !govmap_region_in(reg, region))
			continue;
		/* the library's one classification (compare.h), in this
		 * file's order */
		static const ev_kind of[] = {
			[GOVMAP_CHANGE_CREATED] = EV_CREATED,
			[GOVMAP_CHANGE_ABOLISHED] = EV_ABOLISHED,
			[GOVMAP_CHANGE_STRONGER] = EV_STRONGER,
			[GOVMAP_CHANGE_WEAKER] = EV_WEAKER,
			[GOVMAP_CHANGE_UNKNOWN] = EV_UNKNOWN};
		govmap_change ch = govmap_diff_change(df, r);
		if (ch == GOVMAP_CHANGE_NONE)
			continue;
		ev_kind kind = of[ch];
		ev[nev++] = (event){r, reg ? reg : "", kind};
	}
	govmap_sort(ev, nev, sizeof(*ev), by_region, NULL);

	char d1[16], d2[16];
	govmap_date_format(d1, since);
	govmap_date_format(d2, on);
	size_t count[EV__N] = {0};
	for (size_t k = 0; k < nev; k++)
		count[ev[k].kind]++;
	if (fmt == FMT_JSON) {
		printf("{\"since\":\"%s\",\"on\":\"%s\",\"region\":", d1, d2);
		if (region)
			cli_json_str(stdout, region);
		else
			fputs("null", stdout);
		printf(",\"counts\":{");
		for (int k = 0; k < EV__N; k++)
			printf("%s\"%s\":%zu", k ? "," : "", ev_key[k],
			       count[k]);
		printf("},\"regions\":[");
		for (size_t k = 0; k < nev;) {
			size_t j = k;
			printf("%s{\"region\":", k ? "," : "");
			cli_json_str(stdout, ev[k].region);
			printf(",\"changes\":[");
			for (; j < nev && strcmp(ev[j].region, ev[k].region) == 0;
			     j++)
				json_event(&ev[j], govmap_diff_entity(df, ev[j].e, 1),
					   j == k);
			printf("]}");
			k = j;
		}
		printf("]}\n");
		goto done;
	}
	int md = fmt == FMT_MD;
	if (md)
		printf("### Changes from %s to %s\n\n", d1, d2);
	else
		printf("Changes from %s to %s: ", d1, d2);
	put(fmt, govmap_session_title(now.gs));
	if (region) {
		printf(", region ");
		put(fmt, region);
	}
	printf(md ? "\n\n" : "\n");
	printf(md ? "%zu created, %zu abolished, %zu with a stronger chain, "
		    "%zu with a weaker chain, %zu with dates not known\n"
		  : "  %zu created, %zu abolished, %zu with a stronger chain, "
		    "%zu with a weaker chain, %zu with dates not known\n",
	       count[EV_CREATED], count[EV_ABOLISHED], count[EV_STRONGER],
	       count[EV_WEAKER], count[EV_UNKNOWN]);
	if (!nev)
		printf(md ? "\nNo body or board was created or abolished, and "
			    "no chain changed.\n"
			  : "\n  No body or board was created or abolished, "
			    "and no chain changed.\n");
	const char *lastr = NULL;
	int lastk = -1;
	for (size_t k = 0; k < nev; k++) {
		const govmap_entity *e = govmap_diff_entity(df, ev[k].e, 1);
		if (!lastr || strcmp(lastr, ev[k].region) != 0) {
			printf(md ? "\n#### " : "\n  ");
			put(fmt, ev[k].region[0] ? ev[k].region : "(no region)");
			putchar('\n');
			lastr = ev[k].region;
			lastk = -1;
		}
		if ((int)ev[k].kind != lastk) {
			printf(md ? "\n**%s**\n\n" : "    %s:\n",
			       ev_title[ev[k].kind]);
			lastk = (int)ev[k].kind;
		}
		if (md) {
			printf("- **");
			cli_md_text(stdout, name_of(e));
			printf("** (`%s`, %s): ", e->id, govmap_kind_name(e->kind));
		} else {
			printf("      %s (%s, %s): ", e->id, name_of(e),
			       govmap_kind_name(e->kind));
		}
		event_text(fmt, &ev[k], e);
		putchar('\n');
	}
done:
	free(ev);
	free(rgn);
	govmap_diff_free(df);
	cli_close(&then);
	cli_close(&now);
	if (rc == EXIT_OK && fflush(stdout) != 0) {
		cli_err("cannot write to standard output");
		rc = EXIT_USAGE;
	}
	return rc;
}
