/*
 * cmd_history.c - `govmap history [ID]`: the commits that changed the
 * registry, or one entity, with the entity's accountability and deficit
 * (or the registry's total exposure) at each; optionally an SVG chart of
 * that value across the commits.
 *
 * The library's timeline (compare.h) finds the commits, loads and scores
 * the registry at each on the --on date (each blob parsed once, through
 * the run's parse cache) and compares it with the one before; a commit
 * that changes nothing validation or the analysis reads (only notes, or
 * files moved unchanged) is not loaded (skip_neutral); without an ID
 * neither is one that changes only notes, money and powers (the last
 * loaded registry is brought up to it: totals_only); with an ID what a
 * skipped commit changed in the entity is read from the entity's blobs
 * (govmap_history_entity).  This file chooses what to list and prints
 * it, and follows an entity renamed back through its earlier ids (a
 * walk from the commit before each rename).  It never writes to the
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
#include "govmap/compare.h"

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

/* The state at one commit. */
typedef struct {
	const govmap_commit *c;
	int scored;	 /* the entity is a body or board */
	int loaded;	 /* the registry could be read */
	size_t errors;	 /* data errors at this commit */
	size_t entities;
	double exposure; /* total */
	size_t priced;	 /* bodies with money in it: 0, the total unknown */
	/* with an ID */
	int present, active;
	double A, D, E; /* E < 0: money not recorded */
	const char *what; /* why it is listed, NULL when it is not */
	char whatbuf[300];
} state;

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

/* Fill st from a loaded session (with the entity `id` when given); the
 * total exposure (read only without an id) and the count of bodies with
 * money in it are a totals_only step's when given, else the session's. */
static void fill_state(state *st, govmap_session *gs, const char *id,
		       int scores, const govmap_timeline_step *totals)
{
	const govmap_registry *reg = govmap_session_registry(gs);
	const govmap_analysis *an = govmap_session_analysis(gs);
	st->loaded = 1;
	st->errors = govmap_session_diags(gs)->count[GOVMAP_SEV_ERROR];
	st->entities = govmap_registry_count(reg);
	st->exposure = !scores || id ? 0
		       : totals ? totals->exposure
				: govmap_exposure_total(gs);
	st->priced = !scores || id ? 0
		     : totals ? totals->priced
			      : govmap_exposure_count(gs);
	int32_t i = id ? govmap_registry_index(reg, id) : -1;
	if (i < 0)
		return;
	const govmap_entity *e = govmap_registry_at(reg, (size_t)i);
	st->present = 1;
	st->scored = e->kind == GOVMAP_KIND_BODY || e->kind == GOVMAP_KIND_BOARD;
	if (scores && an) {
		const govmap_score *sc = govmap_analysis_score(an, (size_t)i);
		st->active = sc->active;
		st->A = cli_round6(sc->A);
		st->D = cli_round6(sc->D);
		/* money not recorded: exposure unknown, never £0 */
		st->E = sc->money >= 0 ? round(sc->exposure) : -1;
	}
}

/* A skipped commit (nothing read changed: the timeline's `same`) with an
 * ID: "changed: notes" (the wording of govmap_diff_entry_what: only
 * fields can differ, never scores) into st->whatbuf from the entity's
 * versions at the commit (k) and the one before (k + 1), or "".  0, or
 * -1 on out-of-memory.  Versions that could not be judged alone leave
 * it "" only when both are the same blob. */
static int same_what(state *st, const govmap_entity_version *ver, size_t k,
		     const govmap_history *h)
{
	st->whatbuf[0] = '\0';
	if (!ver || k + 1 >= h->n || !ver[k].entity || !ver[k + 1].entity ||
	    strcmp(ver[k].blob, ver[k + 1].blob) == 0)
		return 0;
	govmap_field_change *fc;
	size_t n, used = 0;
	if (govmap_entity_compare(&fc, &n, ver[k + 1].entity, ver[k].entity) !=
	    GOVMAP_OK)
		return -1;
	for (size_t i = 0; i < n; i++) {
		int w = snprintf(st->whatbuf + used, sizeof st->whatbuf - used,
				 "%s%s", i ? ", " : "changed: ", fc[i].key);
		if (w < 0 || (size_t)w >= sizeof st->whatbuf - used)
			break;
		used += (size_t)w;
	}
	govmap_field_changes_free(fc, n);
	return 0;
}

/* One part of `history ID`'s listing: the entity under one id, the walk
 * starting at `rev`.  Part 0 is the id given; part k > 0 the id it had
 * before its k-th rename back (walked from the commit before the rename,
 * headed "Before commit ..."; no chart, no near misses). */
typedef struct {
	const char *id;
	govmap_history_opts ho;
	int scores;
	const char *chart;
	int force;
	const char *since_arg, *until_arg;
	const char *rev;   /* NULL: HEAD */
	int part;
	const char *later_id;   /* part > 0: the id it was renamed to */
	const char *renamed_at; /* part > 0: that commit, short */
	/* out: the id it had before a rename in this part's commits (the
	 * oldest), "" when none, and that commit */
	char was[160], was_at[41], was_at_short[16];
	size_t walked; /* commits walked (the registry's) */
} walk_part;

static int history_part(govmap_cli *cli, walk_part *w)
{
	const char *id = w->id, *chart = w->chart;
	const char *since_arg = w->since_arg, *until_arg = w->until_arg;
	int scores = w->scores, force = w->force;
	govmap_history_opts ho = w->ho;
	if (cli_need_registry_dir(cli) != EXIT_OK)
		return EXIT_USAGE;
	/* each blob is parsed once for the whole walk */
	if (cli_use_cache(cli) != EXIT_OK)
		return EXIT_USAGE;
	progress pg = {isatty(STDERR_FILENO), {0, 0}};
	clock_gettime(CLOCK_MONOTONIC, &pg.t0);
	ho.rev = w->rev;
	ho.progress = walk_progress;
	ho.payload = &pg;
	govmap_session_opts so;
	if (cli_session_opts(cli, &so, NULL,
			     scores ? GOVMAP_STAGE_ANALYSE : GOVMAP_STAGE_LOAD) !=
	    EXIT_OK)
		return EXIT_USAGE;
	govmap_timeline_opts to = GOVMAP_TIMELINE_OPTS_INIT;
	to.session = &so;
	to.history = &ho;
	/* The commit before the oldest one listed is the baseline its
	 * changes are measured against (not listed): where --since,
	 * --max-count or its default cut the walk, an entity the oldest
	 * listed commit did not add would read as "added" (the first
	 * commit has none, and needs none). */
	to.baseline = 1;
	/* the registry's history lists totals, read from each step's
	 * session: no diff is needed (nor an entity's fields) */
	to.what = id ? GOVMAP_COMPARE_FIELDS | GOVMAP_COMPARE_SCORES
		     : GOVMAP_COMPARE_NO_DIFF;
	to.skip_neutral = 1;
	/* with an ID, only its figures and entry are read: a commit that
	 * cannot move them is not loaded either */
	to.relevant_id = id;
	/* without one, only the totals (and the counts, --no-scores): a
	 * commit that changes only notes, money figures and powers is not
	 * loaded, the last loaded registry is brought up to it
	 * (totals_only) */
	to.totals_only = !id;
	govmap_diags diags = {0};
	govmap_timeline *tl;
	int orc = govmap_timeline_open(&tl, &to, &diags);
	if (orc != GOVMAP_OK) {
		if (pg.tty && diags.n)
			fputc('\n', stderr);
		cli_print_diags(stderr, &diags, cli->color);
		if (orc == GOVMAP_ENOMEM || govmap_diags_nomem(&diags))
			cli_err("out of memory");
		govmap_diags_free(&diags);
		return EXIT_USAGE;
	}
	govmap_diags_free(&diags);
	const govmap_history *h = govmap_timeline_commits(tl);
	if (pg.tty && h->walked >= 64)
		fputs("\r\033[K", stderr);
	/* with an ID, what a skipped commit changed in it: its versions */
	govmap_entity_version *ver = NULL;
	if (id && h->n > 1 &&
	    (orc = govmap_history_entity(&ver, h, cli->registry, id, NULL,
					 cli->cache, &diags)) != GOVMAP_OK) {
		cli_print_diags(stderr, &diags, cli->color);
		if (orc == GOVMAP_ENOMEM || govmap_diags_nomem(&diags))
			cli_err("out of memory");
		govmap_diags_free(&diags);
		govmap_timeline_free(tl);
		return EXIT_USAGE;
	}
	govmap_diags_free(&diags);

	clock_gettime(CLOCK_MONOTONIC, &pg.t0); /* the rate of scoring */
	/* Oldest first: each state is compared with the one before. */
	state *sv = calloc(h->n ? h->n : 1, sizeof(*sv));
	cli_chart_point *pts = calloc(h->n ? h->n : 1, sizeof(*pts));
	size_t npts = 0, listed = 0, unpriced = 0;
	int rc = EXIT_OK;
	if (!sv || !pts) {
		cli_err("out of memory");
		rc = EXIT_USAGE;
	}
	state base = {0};
	cli_unread unread = {0};
	const state *prev = NULL;
	int ever = 0; /* the entity was present at some earlier commit */
	if (rc == EXIT_OK && govmap_timeline_baseline(tl)) {
		fill_state(&base, govmap_timeline_baseline(tl), id, scores,
			   NULL);
		prev = &base;
		ever = base.present;
	}
	for (size_t k = 0; rc == EXIT_OK && k < h->n; k++) {
		state *st = &sv[k];
		const govmap_timeline_step *step;
		if (pg.tty && h->n > 20)
			cli_progress(&pg.t0, "history", k, h->n);
		int trc = govmap_timeline_next(tl, &step);
		if (trc != GOVMAP_OK) {
			cli_err("out of memory");
			rc = EXIT_USAGE;
			break;
		}
		st->c = step->commit;
		if (step->session && !step->loaded) {
			cli_print_diags(stderr, govmap_session_diags(step->session),
					cli->color);
			rc = EXIT_USAGE;
			break;
		}
		/* a file a commit does not read (a .yml file), once per
		 * file however many commits hold it */
		if (step->loaded && !step->same)
			cli_print_unread(&unread, govmap_session_diags(step->session),
					 govmap_session_source(step->session),
					 step->commit, cli->color);
		if (step->loaded)
			fill_state(st, step->session, id, scores,
				   to.totals_only ? step : NULL);
		const govmap_diff_entry *de =
			id && step->diff ? govmap_diff_find(step->diff, id) : NULL;
		if (id && step->same && same_what(st, ver, step->index, h) < 0) {
			cli_err("out of memory");
			rc = EXIT_USAGE;
			break;
		}
		if (!id) {
			st->what =
				!st->loaded ? "the registry was removed" : "";
		} else if (st->present && (!prev || !prev->present) &&
			   !(de && de->was && strcmp(de->id, id) == 0)) {
			st->what = ever ? "added back" : "added";
		} else if (!st->present && prev && prev->present) {
			/* renamed: the entry is found by its id before */
			st->what = "removed";
			if (de && de->was && strcmp(de->was, id) == 0 &&
			    snprintf(st->whatbuf, sizeof st->whatbuf,
				     "renamed to %s", de->id) > 0)
				st->what = st->whatbuf;
		} else if (st->present && de &&
			   govmap_diff_entry_what(st->whatbuf, sizeof st->whatbuf,
						  step->diff, de, ever) > 0) {
			st->what = st->whatbuf;
		} else if (st->present && step->same && st->whatbuf[0]) {
			st->what = st->whatbuf; /* same_what's */
		}
		if (de && de->was && strcmp(de->id, id) == 0) {
			snprintf(w->was, sizeof w->was, "%s", de->was);
			snprintf(w->was_at, sizeof w->was_at, "%s", st->c->id);
			snprintf(w->was_at_short, sizeof w->was_at_short, "%s",
				 st->c->short_id);
		}
		if (st->what) {
			listed++;
			/* a total with no money recorded is unknown: not
			 * charted (as £0 it would draw a fall) */
			if (!id && scores && st->loaded && !st->priced)
				unpriced++;
			if (st->loaded && (id ? st->present : st->priced > 0)) {
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

	/* an id no commit walked has, nor the registry it starts from: a
	 * slip of the keyboard, with the near misses (an id in the
	 * registry that no commit walked changed is listed below as such) */
	if (rc == EXIT_OK && id && !listed && !ever && !w->part) {
		cli_session now;
		if (cli_side_open(cli, &now, NULL, 0) == EXIT_OK &&
		    !govmap_registry_find(now.reg, id)) {
			char where[300];
			snprintf(where, sizeof where,
				 "in %s, and no commit walked has one",
				 govmap_src_revision(now.src));
			rc = cli_no_id(now.reg, "history", id, where);
		}
		cli_close(&now);
	}
	char on[11];
	govmap_date_format(on, cli->on);
	if (rc == EXIT_OK && w->part) {
		/* nothing under the old id in the dates asked: no heading */
		if (listed)
			printf("\nBefore commit %s, as %s (renamed to %s "
			       "there):\n",
			       w->renamed_at, id, w->later_id);
	} else if (rc == EXIT_OK) {
		printf("History of %s in %s/ from %s, ",
		       id ? id : "the registry", h->path[0] ? h->path : ".",
		       cli->rev ? cli->rev : "HEAD");
		if (scores)
			printf("scored on %s:\n", on);
		else
			printf("not scored (--no-scores):\n");
		/* with --since or --until, the dates: an empty range is
		 * not a registry no commit changed */
		if (!listed && (since_arg || until_arg))
			printf("  no commit %s%s%s%s%s changed %s\n",
			       since_arg ? "from " : "",
			       since_arg ? since_arg : "",
			       since_arg && until_arg ? " to " : "",
			       !since_arg ? "up to " : "",
			       until_arg ? until_arg : " on",
			       id ? "it" : "the registry");
		else if (!listed)
			printf("  no commit %s\n",
			       id ? "walked changed it"
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
			if (st->priced)
				govmap_money_format(m, sizeof m, st->exposure);
			else /* never £0 */
				snprintf(m, sizeof m, "unknown (no money "
						      "recorded)");
			printf("              total exposure %s", m);
			if (before && before->priced && st->priced &&
			    before->exposure != st->exposure) {
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
				if (st->E >= 0)
					govmap_money_format(m, sizeof m, st->E);
				else
					snprintf(m, sizeof m,
						 "unknown (money not recorded)");
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
		/* a commit whose registry records no money is left off the
		 * total's chart: say so, never draw it as £0 */
		if (!id && unpriced)
			cli_note("history: %zu of the %zu commits listed record "
				 "no money: their total exposure is unknown, and "
				 "they are left off the chart",
				 unpriced, listed);
		if (cli_chart_svg(&svg, &len, title,
				  id ? "deficit D = 1 - A" : "exposure", pts,
				  npts, !id,
				  !id && unpriced ? "no commit listed records any "
						    "money: the total is unknown"
						  : NULL) < 0) {
			cli_err("out of memory");
			rc = EXIT_USAGE;
		} else {
			rc = cli_write_output(chart, svg, len, force);
			free(svg);
		}
	}
	free(sv);
	cli_unread_free(&unread);
	free(pts);
	w->walked = h->n;
	govmap_entity_versions_free(ver, h->n);
	govmap_timeline_free(tl); /* and h with it */
	return rc;
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
	const char *since_arg = NULL, *until_arg = NULL; /* as checked */
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
			if (c == 's')
				since_arg = optarg;
			else if (c == 'u')
				until_arg = optarg;
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
		char q[256];
		cli_err("history: '%s' is not an id (lower-case letters, "
			"digits and single hyphens)",
			cli_path(q, sizeof q, id));
		return EXIT_USAGE;
	}
	/* the walk can take a while: a chart that cannot be written is
	 * said before it, not after */
	if (chart && cli_output_dir_ok(cli, "history", chart) != EXIT_OK)
		return EXIT_USAGE;

	walk_part w = {id, ho, scores, chart, force, since_arg, until_arg,
		       cli->rev, 0, NULL, NULL, "", "", "", 0};
	int rc = history_part(cli, &w);
	/* an entity renamed (`diff` pairs the ids): its commits under each
	 * earlier id, from the commit before the rename, up to 8 renames,
	 * within --max-count in all */
	char ids[8][160], revs[8][64], at[8][16];
	for (int k = 0; rc == EXIT_OK && id && w.was[0] && k < 8; k++) {
		if (ho.max <= w.walked)
			break;
		snprintf(ids[k], sizeof ids[k], "%s", w.was);
		snprintf(revs[k], sizeof revs[k], "%s~1", w.was_at);
		snprintf(at[k], sizeof at[k], "%s", w.was_at_short);
		govmap_history_opts hk = ho;
		hk.max = ho.max - w.walked;
		walk_part n = {ids[k], hk, scores, NULL, 0, since_arg,
			       until_arg, revs[k], k + 1, w.id, at[k],
			       "", "", "", 0};
		rc = history_part(cli, &n);
		n.walked += w.walked;
		w = n;
	}
	if (rc == EXIT_OK && fflush(stdout) != 0) {
		cli_err("cannot write to standard output");
		rc = EXIT_USAGE;
	}
	return rc;
}
