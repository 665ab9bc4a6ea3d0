/*
 * cmd_history.c - `govmap history [ID]`: the commits that changed the
 * registry, or one entity, with the entity's accountability and deficit
 * (or the registry's total exposure) at each; optionally an SVG chart of
 * that value across the commits.
 *
 * vcs.c finds the commits (a revwalk comparing the registry's tree ids);
 * this file loads the registry at each of them (through the run's parse
 * cache: each blob parsed once), scores it on the --on date and prints.
 * A commit that changes nothing validation or the analysis reads (only
 * notes, or files moved unchanged: govmap_history_neutral) is not loaded:
 * it takes the older commit's numbers, and with an ID the entity's
 * fields from its blobs (govmap_history_entity).  It never writes to the
 * repository.
 */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli_chart.h"
#include "cli_vcs.h"

static void usage(FILE *f)
{
	fputs("usage: govmap [global options] history [ID] [--since DATE] "
	      "[--until DATE]\n"
	      "                                      [--max-count N] "
	      "[--no-scores]\n"
	      "                                      [--chart FILE.svg "
	      "[--force]]\n"
	      "\n"
	      "List the commits that changed the registry, newest first, "
	      "with the\n"
	      "registry's total exposure at each; or, given an ID, the "
	      "commits that\n"
	      "changed that entity or moved its scores, with its "
	      "accountability A,\n"
	      "deficit D and exposure at each.  History starts at HEAD (or "
	      "--rev);\n"
	      "every commit is scored on the same --on date (default "
	      "today).\n"
	      "\n"
	      "  --since DATE      only commits made on or after DATE "
	      "(YYYY-MM-DD)\n"
	      "  --until DATE      only commits made on or before DATE\n"
	      "  --max-count N     at most N commits, the newest (default "
	      "1000; --max N\n"
	      "                    is the same)\n"
	      "  --no-scores       list the commits and what they changed, "
	      "without\n"
	      "                    analysing any of them (much faster; "
	      "no scores, no\n"
	      "                    chart, and no \"scores moved\" "
	      "entries)\n"
	      "  --chart FILE.svg  also draw the deficit (with ID) or the "
	      "total exposure\n"
	      "                    across the commits as an SVG line chart "
	      "(written\n"
	      "                    atomically; - is standard output; an "
	      "existing FILE that\n"
	      "                    is not a regular file is refused)\n"
	      "  --force           write the chart into such a FILE in "
	      "place\n"
	      "  -h, --help        show this help\n"
	      "\n"
	      "On a terminal, a progress line (commits done of the total, "
	      "and the rate)\n"
	      "is shown on standard error; nothing when it is not a "
	      "terminal.\n",
	      f);
}

#define MAXKEYS 48

/* The state at one commit. */
typedef struct {
	const govmap_commit *c;
	const char *rev; /* to load instead of c->id (the baseline) */
	int scored;	 /* the entity is a body or board */
	int loaded;	 /* the registry could be read */
	size_t errors;	 /* data errors at this commit */
	size_t entities;
	double exposure; /* total */
	/* with an ID */
	int present, active;
	double A, D, E;
	govmap_kind kind; /* the entity's kind and fields as text */
	char *vals[MAXKEYS];
	size_t nvals;
	const char *what; /* why it is listed, NULL when it is not */
	char whatbuf[160];
} state;

/* An entity's fields as canonical text, one string per key of its
 * kind (items joined by newlines; NULL when absent): 0 or -1. */
static int fields_of(state *st, const govmap_entity *e)
{
	govmap_field_info f[MAXKEYS];
	size_t n = govmap_schema_fields(e->kind, f, MAXKEYS);
	st->kind = e->kind;
	st->nvals = n < MAXKEYS ? n : MAXKEYS;
	for (size_t i = 0; i < st->nvals; i++)
		if (cli_field_text(&st->vals[i], e, f[i].key) < 0)
			return -1;
	return 0;
}

/* "changed: name, seats" when a and b differ, else "". */
static void changed_keys(char *out, size_t size, const state *a, const state *b)
{
	govmap_field_info f[MAXKEYS];
	size_t used = 0;
	out[0] = '\0';
	if (a->kind != b->kind) {
		snprintf(out, size, "changed: kind");
		return;
	}
	govmap_schema_fields(b->kind, f, MAXKEYS);
	for (size_t i = 0; i < b->nvals; i++) {
		const char *x = a->vals[i], *y = b->vals[i];
		if ((!x && !y) || (x && y && strcmp(x, y) == 0))
			continue;
		int w = snprintf(out + used, size - used, "%s%s",
				 used ? ", " : "changed: ", f[i].key);
		if (w < 0 || (size_t)w >= size - used)
			return;
		used += (size_t)w;
	}
}

typedef struct {
	int tty;
	struct timespec t0; /* for the rate (cli_progress) */
} progress;

static int walk_progress(size_t walked, void *payload)
{
	progress *p = payload;
	if (p->tty)
		fprintf(stderr, "\rgovmap: history: %zu commits walked",
			walked);
	return 0;
}

/* Load the registry at st's commit and fill st (with the entity `id`
 * when given).  When `quiet`, a revision that cannot be read leaves st
 * unloaded without a message. */
static int load_state(govmap_cli *cli, state *st, const char *id, int quiet,
		      int scores)
{
	cli_session s;
	if (!st->c->tree[0])
		return EXIT_OK; /* the commit removed the registry */
	int rc = cli_side_open(cli, &s, st->rev ? st->rev : st->c->id,
			       scores);
	if (rc != EXIT_OK) {
		if (!quiet)
			cli_print_diags(stderr, s.diags, cli->color);
		cli_close(&s);
		return quiet ? EXIT_OK : rc;
	}
	st->loaded = 1;
	st->errors = s.diags->count[GOVMAP_SEV_ERROR];
	st->entities = govmap_registry_count(s.reg);
	st->exposure = scores ? cli_side_exposure(&s) : 0;
	int32_t i = id ? govmap_registry_index(s.reg, id) : -1;
	if (i >= 0) {
		const govmap_entity *e = govmap_registry_at(s.reg, (size_t)i);
		st->present = 1;
		st->scored = e->kind == GOVMAP_KIND_BODY ||
			     e->kind == GOVMAP_KIND_BOARD;
		if (scores) {
			const govmap_score *sc =
				govmap_analysis_score(s.an, (size_t)i);
			st->active = sc->active;
			st->A = cli_round6(sc->A);
			st->D = cli_round6(sc->D);
			st->E = sc->money > 0 ? round(sc->exposure) : 0;
		}
		if (fields_of(st, e) < 0) {
			cli_err("out of memory");
			rc = EXIT_USAGE;
		}
	}
	cli_close(&s);
	return rc;
}

/* The numbers of a state (not its fields) from another's. */
static void copy_numbers(state *st, const state *o)
{
	st->scored = o->scored;
	st->loaded = 1;
	st->errors = o->errors;
	st->entities = o->entities;
	st->exposure = o->exposure;
	st->present = o->present;
	st->active = o->active;
	st->A = o->A;
	st->D = o->D;
	st->E = o->E;
}

/* Memoised by the registry's tree id: a commit whose registry tree is
 * one already scored in this walk (a revert, a merge taking one side)
 * takes that state's values instead of loading and analysing again.
 * Returns 1 when found (st filled), 0 when not, -1 on out-of-memory. */
static int state_from_tree(state *st, const state *sv, size_t k)
{
	for (size_t j = 0; j < k; j++) {
		const state *o = &sv[j];
		if (!o->loaded || strcmp(o->c->tree, st->c->tree) != 0)
			continue;
		copy_numbers(st, o);
		st->kind = o->kind;
		st->nvals = o->nvals;
		for (size_t i = 0; i < o->nvals; i++)
			if (o->vals[i] && !(st->vals[i] = strdup(o->vals[i])))
				return -1;
		return 1;
	}
	return 0;
}

/* A commit that changes nothing read (govmap_history_neutral): the
 * numbers of `prev`, the commit just older, and the entity's fields
 * from `e` (its version at this commit; NULL when absent).  0 or -1. */
static int state_from_prev(state *st, const state *prev,
			   const govmap_entity *e)
{
	copy_numbers(st, prev);
	return e ? fields_of(st, e) : 0;
}

int cmd_history(govmap_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_WALK_OPTIONS,
		{"no-scores", no_argument, NULL, 'n'},
		{"chart", required_argument, NULL, 'c'},
		{"force", no_argument, NULL, 'W'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	const char *id = NULL, *chart = NULL;
	int force = 0;
	char *operand;
	govmap_history_opts ho = {0};
	ho.max = 1000;
	int c, scores = 1;
	optind = 0;
	while ((c = cli_getopt_mixed(argc, argv, "h", opts, "history",
				     &operand)) != -1) {
		switch (c) {
		case 1:
			if (id) {
				cli_err("history: give at most one id");
				return EXIT_USAGE;
			}
			id = operand;
			break;
		case 's':
		case 'u':
		case 'm':
			if (cli_walk_option(&ho, c, optarg, "history") !=
			    EXIT_OK)
				return EXIT_USAGE;
			break;
		case 'n': scores = 0; break;
		case 'c': chart = optarg; break;
		case 'W': force = 1; break;
		case 'h': usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (cli->staged) {
		cli_err("history: the index has no history; drop --staged");
		return EXIT_USAGE;
	}
	if (cli_walk_check(&ho, "history") != EXIT_OK)
		return EXIT_USAGE;
	if (chart && !scores) {
		cli_err("history: --chart draws scores: drop --no-scores");
		return EXIT_USAGE;
	}
	if (id && !govmap_id_is_valid(id)) {
		cli_err("history: '%s' is not an id (lower-case letters, "
			"digits and single hyphens)",
			id);
		return EXIT_USAGE;
	}

	/* each blob is parsed once for the whole walk */
	if (cli_use_cache(cli) != EXIT_OK)
		return EXIT_USAGE;
	progress pg = {isatty(STDERR_FILENO), {0, 0}};
	clock_gettime(CLOCK_MONOTONIC, &pg.t0);
	ho.rev = cli->rev;
	ho.progress = walk_progress;
	ho.payload = &pg;
	govmap_diags diags = {0};
	govmap_history *h;
	if (govmap_history_load(&h, cli->registry, &ho, &diags) != GOVMAP_OK) {
		if (pg.tty && diags.n)
			fputc('\n', stderr);
		cli_print_diags(stderr, &diags, cli->color);
		govmap_diags_free(&diags);
		return EXIT_USAGE;
	}
	govmap_diags_free(&diags);
	if (pg.tty && h->walked >= 64)
		fputs("\r\033[K", stderr);

	/* the commits history need not load, and the entity's versions */
	unsigned char *same = NULL;
	govmap_entity_version *ver = NULL;
	if ((h->n > 1 && govmap_history_neutral(&same, h, cli->registry,
						cli->cache,
						&diags) != GOVMAP_OK) ||
	    (id && h->n > 1 &&
	     govmap_history_entity(&ver, h, cli->registry, id, NULL,
				   cli->cache, &diags) != GOVMAP_OK)) {
		cli_print_diags(stderr, &diags, cli->color);
		govmap_diags_free(&diags);
		free(same);
		govmap_history_free(h);
		return EXIT_USAGE;
	}
	govmap_diags_free(&diags);

	clock_gettime(CLOCK_MONOTONIC, &pg.t0); /* the rate of scoring */
	/* Oldest first: each state is compared with the one before. */
	state *sv = calloc(h->n ? h->n : 1, sizeof(*sv));
	cli_chart_point *pts = calloc(h->n ? h->n : 1, sizeof(*pts));
	size_t npts = 0, listed = 0;
	int rc = sv && pts ? EXIT_OK : EXIT_USAGE;
	/* With --since, the commit before the oldest one listed is the
	 * baseline its changes are measured against (not listed). */
	state base = {0};
	govmap_commit basec = {0};
	const state *prev = NULL;
	int ever = 0; /* the entity was present at some earlier commit */
	if (rc == EXIT_OK && ho.since && h->n) {
		char rev[48];
		snprintf(rev, sizeof rev, "%s~1", h->v[h->n - 1].id);
		strcpy(basec.tree, "?");
		base.c = &basec;
		base.rev = rev;
		/* a first commit has no parent: then there is no baseline */
		if ((rc = load_state(cli, &base, id, 1, scores)) == EXIT_OK &&
		    base.loaded) {
			prev = &base;
			ever = base.present;
		}
	}
	for (size_t k = 0; rc == EXIT_OK && k < h->n; k++) {
		state *st = &sv[k];
		st->c = &h->v[h->n - 1 - k];
		if (pg.tty && h->n > 20)
			cli_progress(&pg.t0, "history", k, h->n);
		int memo = st->c->tree[0] ? state_from_tree(st, sv, k) : 0;
		size_t at = h->n - 1 - k; /* st->c's index in h */
		if (!memo && same && same[at] && k && prev == &sv[k - 1] &&
		    (!id || (ver && ver[at].exact)))
			memo = state_from_prev(st, prev,
					       id ? ver[at].entity : NULL) < 0
				       ? -1
				       : 1;
		if (memo < 0) {
			cli_err("out of memory");
			rc = EXIT_USAGE;
			break;
		}
		if (!memo && (rc = load_state(cli, st, id, 0, scores)) !=
				     EXIT_OK)
			break;
		if (!id) {
			st->what =
				!st->loaded ? "the registry was removed" : "";
		} else if (st->present && (!prev || !prev->present)) {
			st->what = ever ? "added back" : "added";
		} else if (!st->present && prev && prev->present) {
			st->what = "removed";
		} else if (st->present) {
			changed_keys(st->whatbuf, sizeof st->whatbuf, prev, st);
			if (st->whatbuf[0]) {
				st->what = st->whatbuf;
			} else if (st->active != prev->active ||
				   st->A != prev->A || st->E != prev->E) {
				st->what = "scores moved (another entity "
					   "changed)";
			}
		}
		if (st->what) {
			listed++;
			if (st->loaded && (!id || st->present)) {
				pts[npts].time = st->c->time;
				pts[npts].value = id ? st->D : st->exposure;
				pts[npts].label = st->c->short_id;
				pts[npts].summary = st->c->summary;
				npts++;
			}
		}
		if (st->loaded)
			prev = st;
		ever |= st->present;
	}
	if (pg.tty && h->n > 20)
		cli_progress_end();

	char on[11];
	govmap_date_format(on, cli->on);
	if (rc == EXIT_OK) {
		printf("History of %s in %s/ from %s, ",
		       id ? id : "the registry", h->path[0] ? h->path : ".",
		       cli->rev ? cli->rev : "HEAD");
		if (scores)
			printf("scored on %s:\n", on);
		else
			printf("not scored (--no-scores):\n");
		if (!listed)
			printf("  no commit %s\n",
			       id ? "changed it (check the id)"
				  : "changed the registry");
	}
	/* Newest first, like git log. */
	for (size_t k = h->n; rc == EXIT_OK && k-- > 0;) {
		const state *st = &sv[k];
		if (!st->what)
			continue;
		char d[11];
		cli_time_date(d, st->c->time, st->c->offset);
		printf("\n%s  %s  %s  %s\n", st->c->short_id, d, st->c->author,
		       st->c->summary);
		if (!st->loaded) {
			printf("              %s\n", st->what);
			continue;
		}
		const state *before = base.loaded ? &base : NULL;
		for (size_t j = k; j-- > 0;)
			if (sv[j].loaded) {
				before = &sv[j];
				break;
			}
		char m[32], dm[40];
		if (!id && !scores) {
			printf("              %zu entities", st->entities);
		} else if (!id) {
			govmap_money_format(m, sizeof m, st->exposure);
			printf("              total exposure %s", m);
			if (before && before->exposure != st->exposure) {
				double x = st->exposure - before->exposure;
				govmap_money_format(dm, sizeof dm, fabs(x));
				printf(" (%s%s)", x < 0 ? "-" : "+", dm);
			}
			printf(", %zu entities", st->entities);
		} else if (!st->present) {
			printf("              %s", st->what);
		} else if (!scores) {
			printf("              %s", st->what);
		} else {
			if (st->active && !st->scored) {
				printf("              in force on %s", on);
			} else if (st->active) {
				govmap_money_format(m, sizeof m, st->E);
				printf("              A %.3f  D %.3f", st->A,
				       st->D);
				if (before && before->present &&
				    before->active && before->D != st->D)
					printf(" (%+.3f)", st->D - before->D);
				printf("  exposure %s", m);
			} else {
				printf("              not in force on %s", on);
			}
			printf("; %s", st->what);
		}
		if (st->errors)
			printf("; %zu data error%s at this commit", st->errors,
			       st->errors == 1 ? "" : "s");
		putchar('\n');
	}
	if (rc == EXIT_OK && chart) {
		char title[300], *svg;
		size_t len;
		if (id)
			snprintf(title, sizeof title,
				 "Deficit of %s, scored "
				 "on each commit",
				 id);
		else
			snprintf(title, sizeof title,
				 "Total exposure of the "
				 "registry, commit by commit");
		if (cli_chart_svg(&svg, &len, title,
				  id ? "deficit D = 1 - A" : "exposure", pts,
				  npts, !id) < 0) {
			cli_err("out of memory");
			rc = EXIT_USAGE;
		} else {
			rc = cli_write_output(chart, svg, len, force);
			free(svg);
		}
	}
	for (size_t k = 0; sv && k < h->n; k++)
		for (size_t i = 0; i < sv[k].nvals; i++)
			free(sv[k].vals[i]);
	for (size_t i = 0; i < base.nvals; i++)
		free(base.vals[i]);
	free(sv);
	free(pts);
	free(same);
	govmap_entity_versions_free(ver, h->n);
	govmap_history_free(h);
	if (rc == EXIT_OK && fflush(stdout) != 0) {
		cli_err("cannot write to standard output");
		rc = EXIT_USAGE;
	}
	return rc;
}
