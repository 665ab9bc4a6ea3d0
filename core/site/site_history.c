/*
 * site_history.c - each body's history for its page: the commits of the
 * registry's Git repository that added, changed or removed it or moved
 * its scores (as `govmap history ID` lists them, every commit scored on
 * the site's --on date), and its predecessors and successors in the
 * registry (`replaces`, `succeeded_by`).
 *
 * The library's timeline (compare.h) loads the registry once per commit
 * and compares it with the one before; this file picks every body's
 * entries from each commit's diff, in the library's wording, and a renamed
 * body's under its earlier ids too.  When there is no history (no repository, the
 * staged index, a failure) the pages say why.  Commit summaries are
 * repository text: escaped like registry text.  Never writes to the
 * repository.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_vcs.h"
#include "site.h"

struct site_hist_event {
	size_t commit;      /* index into hist->v (newest first) */
	char what[200];
	int present, active;
	double A, D;
};

struct site_hist {
	struct site_hist_event *v;
	size_t n, cap;
};

static int add_event(struct site_hist *h, const struct site_hist_event *e)
{
	if (h->n == h->cap) {
		size_t cap = h->cap ? 2 * h->cap : 4;
		struct site_hist_event *v = realloc(h->v, cap * sizeof(*v));
		if (!v)
			return -1;
		h->v = v;
		h->cap = cap;
	}
	h->v[h->n++] = *e;
	return 0;
}

/* The events of an id the site's registry does not have at one of the
 * commits walked (removed since, or renamed into an id it has), and the
 * id it was itself renamed from there (NULL): what a page of a renamed
 * body adds under its earlier ids. */
typedef struct {
	char *id;
	struct site_hist h;
	char ever; /* present at an earlier commit */
	char *was;
} side_hist;

typedef struct {
	side_hist *v;
	size_t n, cap;
} side_list;

static side_hist *side_get(side_list *sl, const char *id, int ever)
{
	for (size_t k = 0; k < sl->n; k++)
		if (strcmp(sl->v[k].id, id) == 0)
			return &sl->v[k];
	if (sl->n == sl->cap) {
		size_t cap = sl->cap ? 2 * sl->cap : 8;
		side_hist *v = realloc(sl->v, cap * sizeof(*v));
		if (!v)
			return NULL;
		sl->v = v;
		sl->cap = cap;
	}
	side_hist *x = &sl->v[sl->n];
	memset(x, 0, sizeof(*x));
	if (!(x->id = strdup(id)))
		return NULL;
	x->ever = (char)ever;
	sl->n++;
	return x;
}

static void side_free(side_list *sl)
{
	for (size_t k = 0; k < sl->n; k++) {
		free(sl->v[k].id);
		free(sl->v[k].h.v);
		free(sl->v[k].was);
	}
	free(sl->v);
}

/* One entity's event at a step: present, scores, and what happened to
 * it in the library's wording.  0, or -1 on out-of-memory. */
static int step_event(struct site_hist_event *ev,
		      const govmap_timeline_step *st, const char *id,
		      int ever)
{
	const govmap_registry *cur = govmap_session_registry(st->session);
	const govmap_analysis *an = govmap_session_analysis(st->session);
	int32_t j = govmap_registry_index(cur, id);
	memset(ev, 0, sizeof(*ev));
	ev->commit = st->index;
	ev->present = j >= 0;
	if (j >= 0 && an) {
		const govmap_score *sc = govmap_analysis_score(an, (size_t)j);
		ev->active = sc->active;
		ev->A = cli_round6(sc->A);
		ev->D = cli_round6(sc->D);
	}
	if (!st->diff) {
		if (ev->present)
			snprintf(ev->what, sizeof ev->what, "added");
		return 0;
	}
	const govmap_diff_entry *de = govmap_diff_find(st->diff, id);
	return de && govmap_diff_entry_what(ev->what, sizeof ev->what,
					    st->diff, de, ever) < 0
		       ? -1
		       : 0;
}

/* The id `id` was renamed from at this step (the diff pairs them), or
 * NULL.  Borrowed from the step's diff. */
static const char *renamed_from(const govmap_timeline_step *st,
				const char *id)
{
	const govmap_diff_entry *de =
		st->diff ? govmap_diff_find(st->diff, id) : NULL;
	return de && de->was && strcmp(de->id, id) == 0 ? de->was : NULL;
}

/* Put the events of the ids body i had before (side list, following
 * `was` back, at most 8 renames) in front of its own, each headed "as
 * OLD:".  0, or -1 on out-of-memory. */
static int prepend_earlier(struct site_hist *h, const char *was,
			   side_list *sl)
{
	for (int hop = 0; was && hop < 8; hop++) {
		side_hist *x = NULL;
		for (size_t k = 0; k < sl->n && !x; k++)
			if (strcmp(sl->v[k].id, was) == 0)
				x = &sl->v[k];
		if (!x)
			return 0;
		size_t n = x->h.n + h->n;
		struct site_hist_event *v = malloc((n ? n : 1) * sizeof(*v));
		if (!v)
			return -1;
		for (size_t k = 0; k < x->h.n; k++) {
			v[k] = x->h.v[k];
			/* cut short when it does not fit, still terminated */
			if (snprintf(v[k].what, sizeof v[k].what, "as %s: %s",
				     was, x->h.v[k].what) < 0)
				v[k].what[0] = '\0';
		}
		memcpy(v + x->h.n, h->v, h->n * sizeof(*v));
		free(h->v);
		h->v = v;
		h->n = h->cap = n;
		was = x->was;
	}
	return 0;
}

int site_history_collect(site_ctx *c, size_t max)
{
	size_t n = govmap_registry_count(c->s->reg);
	govmap_diags diags = {0};
	if (c->cli->staged) {
		snprintf(c->hist_note, sizeof c->hist_note,
			 "the site was built from the staged index, which "
			 "has no history");
		return 0;
	}
	if (cli_use_cache(c->cli) != EXIT_OK) /* each blob parsed once */
		return -1;
	govmap_history_opts ho = {0};
	ho.rev = c->cli->rev;
	ho.max = max;
	govmap_session_opts so;
	if (cli_session_opts(c->cli, &so, NULL, GOVMAP_STAGE_ANALYSE) !=
	    EXIT_OK) {
		snprintf(c->hist_note, sizeof c->hist_note,
			 "the plugins could not be loaded");
		return 0;
	}
	govmap_timeline_opts to = GOVMAP_TIMELINE_OPTS_INIT;
	to.session = &so;
	to.history = &ho;
	to.what = GOVMAP_COMPARE_FIELDS | GOVMAP_COMPARE_SCORES;
	/* the oldest commit of the N is measured against its parent, as
	 * `history` does: without it every body the registry then had read
	 * as "added" by a commit that did not touch it */
	to.baseline = 1;
	if (govmap_timeline_open(&c->hist_tl, &to, &diags) != GOVMAP_OK) {
		snprintf(c->hist_note, sizeof c->hist_note, "%s",
			 diags.n ? diags.v[0].msg
				 : "the registry's Git history could not be read");
		govmap_diags_free(&diags);
		c->hist_tl = NULL;
		c->hist = NULL;
		return 0;
	}
	govmap_diags_free(&diags);
	c->hist = govmap_timeline_commits(c->hist_tl);
	c->hist_of = calloc(n ? n : 1, sizeof(*c->hist_of));
	char *ever = calloc(n ? n : 1, 1);
	if (!c->hist_of || !ever) {
		free(ever);
		return -1;
	}
	const govmap_session *base = govmap_timeline_baseline(c->hist_tl);
	const govmap_registry *breg = base ? govmap_session_registry(base)
					   : NULL;
	for (size_t i = 0; breg && i < n; i++)
		ever[i] = govmap_registry_index(
				  breg, govmap_registry_at(c->s->reg, i)->id) >= 0;
	/* the id each body had before it was renamed (borrowed from a
	 * step's diff, so copied), and the ids the site's registry does not
	 * have */
	char **was = calloc(n ? n : 1, sizeof(*was));
	side_list side = {0};
	const govmap_timeline_step *st;
	int rc = was ? 0 : -1, trc = GOVMAP_OK;
	/* oldest first: each commit against the one before (the library's
	 * timeline and wording, as `govmap history ID`) */
	while (rc == 0 && (trc = govmap_timeline_next(c->hist_tl, &st)) ==
				  GOVMAP_OK) {
		if (!st->loaded)
			continue; /* removed the registry, or unreadable */
		const govmap_registry *cur = govmap_session_registry(st->session);
		for (size_t i = 0; i < n && rc == 0; i++) {
			const govmap_entity *e = govmap_registry_at(c->s->reg, i);
			if (e->kind != GOVMAP_KIND_BODY && e->kind != GOVMAP_KIND_BOARD)
				continue;
			struct site_hist_event ev;
			if (step_event(&ev, st, e->id, ever[i]) < 0 ||
			    (ev.what[0] && add_event(&c->hist_of[i], &ev) < 0))
				rc = -1;
			const char *from = renamed_from(st, e->id);
			if (from) {
				free(was[i]);
				if (!(was[i] = strdup(from)))
					rc = -1;
			}
			ever[i] |= (char)ev.present;
		}
		/* bodies and boards of this commit the site's registry does
		 * not have: a page shows them under an id renamed since */
		size_t m = govmap_registry_count(cur);
		for (size_t j = 0; j < m && rc == 0; j++) {
			const govmap_entity *e = govmap_registry_at(cur, j);
			if ((e->kind != GOVMAP_KIND_BODY &&
			     e->kind != GOVMAP_KIND_BOARD) ||
			    govmap_registry_index(c->s->reg, e->id) >= 0)
				continue;
			side_hist *x = side_get(
				&side, e->id,
				breg && govmap_registry_index(breg, e->id) >= 0);
			struct site_hist_event ev;
			if (!x || step_event(&ev, st, e->id, x->ever) < 0 ||
			    (ev.what[0] && add_event(&x->h, &ev) < 0)) {
				rc = -1;
				break;
			}
			const char *from = renamed_from(st, e->id);
			if (from) {
				free(x->was);
				if (!(x->was = strdup(from)))
					rc = -1;
			}
			x->ever |= (char)ev.present;
		}
	}
	if (rc == 0 && trc != GOVMAP_ENOTFOUND)
		rc = -1;
	for (size_t i = 0; rc == 0 && i < n; i++)
		if (was[i] && prepend_earlier(&c->hist_of[i], was[i], &side) < 0)
			rc = -1;
	for (size_t i = 0; was && i < n; i++)
		free(was[i]);
	free(was);
	side_free(&side);
	free(ever);
	return rc;
}

void site_history_free(site_ctx *c)
{
	size_t n = c->s ? govmap_registry_count(c->s->reg) : 0;
	for (size_t i = 0; c->hist_of && i < n; i++)
		free(c->hist_of[i].v);
	free(c->hist_of);
	govmap_timeline_free(c->hist_tl);
	c->hist_of = NULL;
	c->hist = NULL;
	c->hist_tl = NULL;
}

static void commits(site_buf *b, const site_ctx *c, size_t i)
{
	sb_put(b, "<h3>In the registry's Git history</h3>\n");
	if (!c->hist) {
		sb_put(b, "<p>History is not available: ");
		sb_esc(b, c->hist_note[0] ? c->hist_note : "not asked for");
		sb_put(b, ".</p>\n");
		return;
	}
	const struct site_hist *h = c->hist_of ? &c->hist_of[i] : NULL;
	if (!c->hist->n) {
		sb_put(b, "<p>No commit has changed the registry yet.</p>\n");
		return;
	}
	if (!h || !h->n) {
		sb_putf(b, "<p>None of the %zu latest commits that changed the "
			   "registry added, changed or removed this entry (it "
			   "may not be committed yet).</p>\n",
			c->hist->n);
		return;
	}
	sb_put(b, "<p>The commits that added, changed or removed this entry "
		  "or moved its scores, newest first; each commit is scored on "
		  "the same date as this site (");
	sb_esc(b, c->date);
	sb_putf(b, ").</p>\n<details class=\"tech\"><summary>The %zu commit%s "
		   "(hashes, dates and scores)</summary>\n",
		h->n, h->n == 1 ? "" : "s");
	sb_put(b, "<div class=\"table-wrap\">\n<table class=\"history\">"
		  "\n<caption>Commits that changed this entry</caption>\n<thead>"
		  "<tr><th scope=\"col\">Commit</th><th scope=\"col\">Date</th>"
		  "<th scope=\"col\">Summary</th><th scope=\"col\">What changed"
		  "</th><th scope=\"col\" class=\"num\">A</th>"
		  "<th scope=\"col\" class=\"num\">D</th></tr></thead>\n<tbody>\n");
	for (size_t k = h->n; k-- > 0;) {
		const struct site_hist_event *ev = &h->v[k];
		const govmap_commit *cm = &c->hist->v[ev->commit];
		char d[11];
		cli_time_date(d, cm->time, cm->offset);
		sb_put(b, "<tr><td><code>");
		sb_esc(b, cm->short_id);
		sb_put(b, "</code></td><td class=\"num\">");
		sb_esc(b, d);
		sb_put(b, "</td><td>");
		sb_esc(b, cm->summary);
		sb_put(b, "</td><td>");
		sb_esc(b, ev->what);
		if (!ev->present)
			sb_put(b, "</td><td class=\"num\" colspan=\"2\">&ndash;"
				  "</td></tr>\n");
		else if (!ev->active)
			sb_put(b, "</td><td class=\"num\" colspan=\"2\">not in "
				  "force</td></tr>\n");
		else
			sb_putf(b, "</td><td class=\"num\">%.3f</td><td "
				   "class=\"num\">%.3f</td></tr>\n",
				ev->A, ev->D);
	}
	sb_put(b, "</tbody>\n</table>\n</div>\n</details>\n");
}

static int by_start(const void *x, const void *y, void *ctx)
{
	const site_ctx *lineage_ctx = ctx;
	const govmap_entity *a = govmap_registry_at(lineage_ctx->s->reg, *(const size_t *)x);
	const govmap_entity *b = govmap_registry_at(lineage_ctx->s->reg, *(const size_t *)y);
	/* a start no later than D sorts as D */
	govmap_date fa = a->valid.from, fb = b->valid.from;
	fa = GOVMAP_DATE_BOUND(fa) ? GOVMAP_DATE_BOUND(fa) : fa;
	fb = GOVMAP_DATE_BOUND(fb) ? GOVMAP_DATE_BOUND(fb) : fb;
	if (fa != fb)
		return fa < fb ? -1 : 1;
	return strcmp(a->id, b->id);
}

/* Predecessors and successors: `replaces` and `succeeded_by` followed
 * both ways, oldest first. */
static void lineage(site_buf *b, const site_ctx *c, size_t i)
{
	enum { MAX_LINEAGE = 64 };
	size_t set[MAX_LINEAGE], n = 0;
	size_t total = govmap_registry_count(c->s->reg);
	set[n++] = i;
	for (size_t k = 0; k < n; k++) {
		const govmap_entity *e = govmap_registry_at(c->s->reg, set[k]);
		int32_t cand[2] = {e->replaces.target, e->succeeded_by.target};
		for (int t = 0; t < 2; t++) {
			int dup = cand[t] < 0;
			for (size_t m = 0; m < n && !dup; m++)
				dup = set[m] == (size_t)cand[t];
			if (!dup && n < MAX_LINEAGE)
				set[n++] = (size_t)cand[t];
		}
		for (size_t j = 0; j < total && n < MAX_LINEAGE; j++) {
			const govmap_entity *o = govmap_registry_at(c->s->reg, j);
			if (o->replaces.target != (int32_t)set[k] &&
			    o->succeeded_by.target != (int32_t)set[k])
				continue;
			int dup = 0;
			for (size_t m = 0; m < n && !dup; m++)
				dup = set[m] == j;
			if (!dup)
				set[n++] = j;
		}
	}
	sb_put(b, "<h3>Predecessors and successors</h3>\n");
	if (n == 1) {
		sb_put(b, "<p>None recorded: the registry names no body this one "
			  "replaced and none that succeeded it.</p>\n");
		return;
	}
	govmap_sort(set, n, sizeof(*set), by_start, (void *)c);
	sb_put(b, "<ol class=\"lineage\">\n");
	for (size_t k = 0; k < n; k++) {
		const govmap_entity *h = govmap_registry_at(c->s->reg, set[k]);
		sb_put(b, set[k] == i ? "<li aria-current=\"true\"><strong>"
				      : "<li>");
		site_link_body(b, c, "../", (int32_t)set[k]);
		sb_put(b, set[k] == i ? "</strong> (this page): " : ": ");
		site_period(b, h->valid, 0);
		sb_put(b, "</li>\n");
	}
	sb_put(b, "</ol>\n");
}

void site_history_section(site_buf *b, const site_ctx *c, size_t i)
{
	sb_put(b, "<h2 id=\"history\">History</h2>\n");
	commits(b, c, i);
	lineage(b, c, i);
}
