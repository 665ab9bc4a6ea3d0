/*
 * cmd_diff.c - `govmap diff REV1 [REV2]`: what a change does to the
 * registry and to the map: entities added, removed and changed (field by
 * field), the bodies whose accountability, deficit or exposure moved
 * (largest change first), the findings gained and lost, and total
 * exposure; as text, Markdown (a pull-request comment) or JSON.
 *
 * Both sides are loaded with the same plugins and analysed on the same
 * --on date.  This file only compares and prints; loading is
 * cli_vcs.c's, scoring analysis.c's.
 */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_vcs.h"

static void usage(FILE *f)
{
	fputs("usage: govmap [global options] diff [--format text|md|json] "
	      "REV1 [REV2]\n"
	      "\n"
	      "Compare the registry at Git revision REV1 with REV2 (default: "
	      "the working\n"
	      "tree, or the index with --staged): entities added, removed and "
	      "changed,\n"
	      "field by field; the bodies whose accountability A, deficit D or "
	      "exposure\n"
	      "moved, largest change first; findings gained and lost; total "
	      "exposure.\n"
	      "Both sides are analysed on the same --on date (default "
	      "today).\n"
	      "\n"
	      "  --format F   text (default), md (Markdown, ready to post as a "
	      "pull-request\n"
	      "               comment) or json\n"
	      "  -h, --help   show this help\n"
	      "\n"
	      "Example: govmap diff origin/main HEAD --format md\n"
	      "Exit status: 0 compared (changed or not), 1 a side has data "
	      "errors,\n"
	      "2 usage or I/O errors (unknown revision, no repository).\n",
	      f);
}

/* One id, on either side or both. */
typedef struct {
	const char *id;
	int32_t a, b;		  /* entity index per side, or -1 */
	cli_field_change *fields; /* when on both sides and different */
	size_t nfields;
	int scored;		       /* a body or board */
	int act_a, act_b;	       /* in force on the date, per side */
	double Aa, Ab, Da, Db, Ea, Eb; /* scores, rounded */
	int moved;		       /* its scores moved */
	/* links added, removed and changed that end at this body */
	size_t links_new, links_gone, links_changed;
} row;

typedef struct {
	govmap_cli *cli;
	cli_session sa, sb;
	const char *rev_a, *rev_b;
	row *rows;
	size_t n;
	size_t added, removed, changed, moved;
	const govmap_finding **gained, **lost;
	size_t ngained, nlost;
	double exp_a, exp_b;
	int fmt;
	FILE *out; /* stdout, or a buffer */
} diff;

static const govmap_entity *ent(const cli_session *s, int32_t i)
{
	return i < 0 ? NULL : govmap_registry_at(s->reg, (size_t)i);
}

static const char *display_name(const govmap_entity *e)
{
	return e->name ? e->name : e->id;
}

static int by_id(const void *x, const void *y, void *ctx)
{
	const cli_session *sort_side = ctx;
	return strcmp(
		govmap_registry_at(sort_side->reg, *(const size_t *)x)->id,
		govmap_registry_at(sort_side->reg, *(const size_t *)y)->id);
}

static size_t *sorted_ids(const cli_session *s)
{
	size_t n = govmap_registry_count(s->reg);
	size_t *v = malloc((n ? n : 1) * sizeof(*v));
	if (!v)
		return NULL;
	for (size_t i = 0; i < n; i++)
		v[i] = i;
	govmap_sort(v, n, sizeof(*v), by_id, (void *)s);
	return v;
}

static void score(const cli_session *s, int32_t i, int *act, double *A,
		  double *D, double *E)
{
	const govmap_score *sc = govmap_analysis_score(s->an, (size_t)i);
	*act = sc->active;
	*A = cli_round6(sc->A);
	*D = cli_round6(sc->D);
	*E = sc->money > 0 ? round(sc->exposure) : 0;
}

/* Link `l` (added, removed or changed) touches the rows of its ends. */
static void count_link(diff *d, const govmap_entity *l, int what)
{
	const char *ends[2] = {l->from.id, l->to.id};
	for (int k = 0; k < 2; k++) {
		if (!ends[k])
			continue;
		/* rows are sorted by id: binary search */
		size_t lo = 0, hi = d->n;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			int c = strcmp(d->rows[mid].id, ends[k]);
			if (c == 0) {
				row *r = &d->rows[mid];
				if (what == 'A')
					r->links_new++;
				else if (what == 'D')
					r->links_gone++;
				else
					r->links_changed++;
				break;
			}
			if (c < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
	}
}

static int compare_entities(diff *d)
{
	size_t na = govmap_registry_count(d->sa.reg);
	size_t nb = govmap_registry_count(d->sb.reg);
	size_t *ia = sorted_ids(&d->sa), *ib = sorted_ids(&d->sb);
	d->rows = calloc(na + nb + 1, sizeof(*d->rows));
	if (!ia || !ib || !d->rows) {
		free(ia);
		free(ib);
		return -1;
	}
	size_t i = 0, j = 0;
	while (i < na || j < nb) {
		const govmap_entity *ea =
			i < na ? ent(&d->sa, (int32_t)ia[i]) : NULL;
		const govmap_entity *eb =
			j < nb ? ent(&d->sb, (int32_t)ib[j]) : NULL;
		int c = !ea ? 1 : !eb ? -1 : strcmp(ea->id, eb->id);
		row *r = &d->rows[d->n++];
		r->a = r->b = -1;
		if (c <= 0)
			r->a = (int32_t)ia[i++];
		if (c >= 0)
			r->b = (int32_t)ib[j++];
		r->id = c <= 0 ? ea->id : eb->id;
	}
	free(ia);
	free(ib);
	for (size_t k = 0; k < d->n; k++) {
		row *r = &d->rows[k];
		const govmap_entity *ea = ent(&d->sa, r->a);
		const govmap_entity *eb = ent(&d->sb, r->b);
		if (ea && eb &&
		    cli_entity_compare(&r->fields, &r->nfields, ea, eb) < 0)
			return -1;
		if (!ea)
			d->added++;
		else if (!eb)
			d->removed++;
		else if (r->nfields)
			d->changed++;
		const govmap_entity *e = eb ? eb : ea;
		r->scored = e->kind == GOVMAP_KIND_BODY ||
			    e->kind == GOVMAP_KIND_BOARD;
		if (ea)
			score(&d->sa, r->a, &r->act_a, &r->Aa, &r->Da, &r->Ea);
		if (eb)
			score(&d->sb, r->b, &r->act_b, &r->Ab, &r->Db, &r->Eb);
		if (r->scored && ea && eb && r->act_a && r->act_b &&
		    (r->Aa != r->Ab || r->Ea != r->Eb)) {
			r->moved = 1;
			d->moved++;
		}
	}
	for (size_t k = 0; k < d->n; k++) {
		const row *r = &d->rows[k];
		const govmap_entity *ea = ent(&d->sa, r->a);
		const govmap_entity *eb = ent(&d->sb, r->b);
		if (eb && eb->kind == GOVMAP_KIND_LINK && !ea)
			count_link(d, eb, 'A');
		else if (ea && ea->kind == GOVMAP_KIND_LINK && !eb)
			count_link(d, ea, 'D');
		else if (eb && eb->kind == GOVMAP_KIND_LINK && r->nfields)
			count_link(d, eb, 'M');
	}
	return 0;
}

/* --- findings --------------------------------------------------------- */

static int cmp_finding(const govmap_finding *x, const cli_session *sx,
		       const govmap_finding *y, const cli_session *sy)
{
	int c = strcmp(x->rule, y->rule);
	if (c)
		return c;
	const char *ix = x->entity >= 0 ? ent(sx, x->entity)->id : "";
	const char *iy = y->entity >= 0 ? ent(sy, y->entity)->id : "";
	if ((c = strcmp(ix, iy)))
		return c;
	return strcmp(x->msg, y->msg);
}

static int by_finding(const void *x, const void *y, void *ctx)
{
	const cli_session *fsort_side = ctx;
	return cmp_finding(*(const govmap_finding *const *)x, fsort_side,
			   *(const govmap_finding *const *)y, fsort_side);
}

static const govmap_finding **live_findings(const cli_session *s, size_t *n)
{
	const govmap_finding **v =
		malloc((s->findings->n ? s->findings->n : 1) * sizeof(*v));
	*n = 0;
	if (!v)
		return NULL;
	for (size_t i = 0; i < s->findings->n; i++)
		if (!s->findings->v[i].suppressed)
			v[(*n)++] = &s->findings->v[i];
	govmap_sort(v, *n, sizeof(*v), by_finding, (void *)s);
	return v;
}

static int compare_findings(diff *d)
{
	size_t na, nb, i = 0, j = 0;
	const govmap_finding **fa = live_findings(&d->sa, &na);
	const govmap_finding **fb = live_findings(&d->sb, &nb);
	d->gained = malloc((nb ? nb : 1) * sizeof(*d->gained));
	d->lost = malloc((na ? na : 1) * sizeof(*d->lost));
	if (!fa || !fb || !d->gained || !d->lost) {
		free(fa);
		free(fb);
		return -1;
	}
	while (i < na || j < nb) {
		int c = i == na	  ? 1
			: j == nb ? -1
				  : cmp_finding(fa[i], &d->sa, fb[j], &d->sb);
		if (c < 0)
			d->lost[d->nlost++] = fa[i++];
		else if (c > 0)
			d->gained[d->ngained++] = fb[j++];
		else
			i++, j++;
	}
	free(fa);
	free(fb);
	return 0;
}

/* --- summaries ---------------------------------------------------------- */

static const char *arrow(const diff *d)
{
	return d->fmt == FMT_MD ? " \xe2\x86\x92 " : " -> ";
}

/* Text as the format wants it. */
static void put(const diff *d, const char *s)
{
	if (d->fmt == FMT_MD)
		cli_md_text(d->out, s);
	else
		fputs(s, d->out);
}

#define NFILL (GOVMAP_FILL_UNSTATED + 1)

static void seat_counts(const govmap_entity *e, govmap_date on,
			unsigned c[NFILL])
{
	memset(c, 0, NFILL * sizeof(*c));
	for (size_t i = 0; e && i < e->nseats; i++)
		if (govmap_period_contains(e->seats[i].valid, on) &&
		    (unsigned)e->seats[i].fill < NFILL)
			c[e->seats[i].fill] += e->seats[i].count;
}

/* "appointed seats 7->9, elected 0" */
static void seat_summary(const diff *d, const row *r, const char **sep)
{
	unsigned ca[NFILL], cb[NFILL];
	static const govmap_fill order[] = {
		GOVMAP_FILL_ELECTED, GOVMAP_FILL_APPOINTED,
		GOVMAP_FILL_NOMINATED, GOVMAP_FILL_EX_OFFICIO,
		GOVMAP_FILL_UNSTATED};
	const size_t norder = sizeof order / sizeof order[0];
	govmap_date on = d->cli->on;
	seat_counts(ent(&d->sa, r->a), on, ca);
	seat_counts(ent(&d->sb, r->b), on, cb);
	int any = 0;
	if (r->a < 0) { /* a new board: what its seats are */
		fprintf(d->out, "%sseats:", *sep);
		for (size_t k = 0; k < norder; k++)
			if (cb[order[k]] || !k)
				fprintf(d->out, "%s %s %u", k ? "," : "",
					govmap_fill_name(order[k]),
					cb[order[k]]);
		*sep = "; ";
		return;
	}
	for (size_t k = 0; k < norder; k++) {
		govmap_fill f = order[k];
		if (ca[f] == cb[f])
			continue;
		fprintf(d->out, "%s%s seats %u%s%u", *sep, govmap_fill_name(f),
			ca[f], arrow(d), cb[f]);
		*sep = ", ";
		any = 1;
	}
	if (ca[GOVMAP_FILL_ELECTED] == cb[GOVMAP_FILL_ELECTED]) {
		fprintf(d->out, "%s%selected %u", *sep,
			any ? "" : "seats: ", cb[GOVMAP_FILL_ELECTED]);
		*sep = ", ";
	}
}

static int is_short(char **v, size_t n)
{
	return n == 0 || (n == 1 && strlen(v[0]) <= 48);
}

/* One field change in a few words: "basis statute->none", "sources: 1
 * added", "notes changed". */
static void field_summary(const diff *d, const row *r,
			  const cli_field_change *c, const char **sep)
{
	if (strcmp(c->key, "seats") == 0) {
		seat_summary(d, r, sep);
		return;
	}
	fprintf(d->out, "%s", *sep);
	*sep = ", ";
	if (c->na <= 1 && c->nb <= 1 && is_short(c->a, c->na) &&
	    is_short(c->b, c->nb)) {
		fprintf(d->out, "%s: ", c->key);
		put(d, c->na ? c->a[0] : "(none)");
		fputs(arrow(d), d->out);
		put(d, c->nb ? c->b[0] : "(none)");
		return;
	}
	if (c->na <= 1 && c->nb <= 1) {
		fprintf(d->out, "%s %s", c->key,
			!c->na	 ? "added"
			: !c->nb ? "removed"
				 : "changed");
		return;
	}
	size_t plus = 0, minus = 0;
	for (size_t i = 0; i < c->nb; i++) {
		size_t k = 0;
		while (k < c->na && strcmp(c->a[k], c->b[i]) != 0)
			k++;
		plus += k == c->na;
	}
	for (size_t i = 0; i < c->na; i++) {
		size_t k = 0;
		while (k < c->nb && strcmp(c->b[k], c->a[i]) != 0)
			k++;
		minus += k == c->nb;
	}
	fprintf(d->out, "%s:", c->key);
	if (plus)
		fprintf(d->out, " %zu added", plus);
	if (minus)
		fprintf(d->out, "%s %zu removed", plus ? "," : "", minus);
	if (!plus && !minus)
		fprintf(d->out, " reordered");
}

static void money(char *buf, size_t size, double gbp)
{
	govmap_money_format(buf, size, gbp);
}

static void signed_money(char *buf, size_t size, double gbp)
{
	char m[24];
	govmap_money_format(m, sizeof m, fabs(gbp));
	snprintf(buf, size, "%s%s", gbp < 0 ? "-" : "+", m);
}

/* The one-line story of a row: its changes, its score, its links. */
static void row_summary(const diff *d, const row *r)
{
	const char *sep = "";
	const govmap_entity *ea = ent(&d->sa, r->a), *eb = ent(&d->sb, r->b);
	const char *arr = arrow(d);
	if (!eb) {
		fprintf(d->out, "removed");
		sep = "; ";
	}
	if (!ea && r->scored && r->act_b) {
		fprintf(d->out, "A %.3f, deficit %.3f", r->Ab, r->Db);
		sep = "; ";
	} else if (!ea && r->scored) {
		fprintf(d->out, "not in force on the date");
		sep = "; ";
	}
	if (!ea && eb->nseats)
		seat_summary(d, r, &sep);
	if (ea && eb) {
		/* text lists the fields one by one below; Markdown sums
		 * them up here (the details are folded away) */
		const char *fsep = sep;
		for (size_t k = 0; k < r->nfields; k++)
			if (d->fmt == FMT_MD ||
			    strcmp(r->fields[k].key, "seats") == 0)
				field_summary(d, r, &r->fields[k], &fsep);
		if (fsep != sep)
			sep = "; ";
		if (r->scored && r->act_a != r->act_b) {
			fprintf(d->out, "%s%s on the date", sep,
				r->act_b ? "now in force"
					 : "no longer in force");
			sep = "; ";
		}
		if (r->moved) {
			char em[40];
			fprintf(d->out, "%sdeficit %+.3f (A %.3f%s%.3f)", sep,
				r->Db - r->Da, r->Aa, arr, r->Ab);
			if (r->Ea != r->Eb) {
				signed_money(em, sizeof em, r->Eb - r->Ea);
				fprintf(d->out, ", exposure %s", em);
			}
			sep = "; ";
		}
	}
	if (r->links_new) {
		fprintf(d->out, "%s%zu new link%s", sep, r->links_new,
			r->links_new == 1 ? "" : "s");
		sep = "; ";
	}
	if (r->links_gone) {
		fprintf(d->out, "%s%zu link%s removed", sep, r->links_gone,
			r->links_gone == 1 ? "" : "s");
		sep = "; ";
	}
	if (r->links_changed) {
		fprintf(d->out, "%s%zu link%s changed", sep, r->links_changed,
			r->links_changed == 1 ? "" : "s");
		sep = "; ";
	}
	(void)sep;
}

/* row_summary as a string (malloc'd, may be ""), or NULL. */
static char *story(diff *d, const row *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *saved = d->out;
	if (!(d->out = open_memstream(&buf, &len))) {
		d->out = saved;
		return NULL;
	}
	row_summary(d, r);
	fclose(d->out);
	d->out = saved;
	return buf;
}

/* What to call an entity in a heading: its name, or for a link without
 * one, its ends. */
static void heading_name(const diff *d, const govmap_entity *e)
{
	if (e->kind == GOVMAP_KIND_LINK && !e->name && e->from.id && e->to.id) {
		if (d->fmt == FMT_MD)
			fprintf(d->out, "`%s`%s`%s`", e->from.id, arrow(d),
				e->to.id);
		else
			fprintf(d->out, "%s -> %s", e->from.id, e->to.id);
	} else if (d->fmt == FMT_MD) {
		fputs("**", d->out);
		cli_md_text(d->out, display_name(e));
		fputs("**", d->out);
	} else {
		fputs(display_name(e), d->out);
	}
}

static int row_listed(const row *r)
{
	return r->a < 0 || r->b < 0 || r->nfields || r->moved ||
	       (r->scored && r->act_a != r->act_b);
}

/* Larger changes first: entities added or removed, then by how far the
 * deficit moved, then exposure, then id. */
static double magnitude(const row *r)
{
	if (r->a < 0 || r->b < 0)
		return 2.0;
	return r->moved ? fabs(r->Db - r->Da) : 0;
}

static int by_change(const void *x, const void *y, void *ctx)
{
	(void)ctx;
	const row *a = *(const row *const *)x, *b = *(const row *const *)y;
	double ma = magnitude(a), mb = magnitude(b);
	if (ma != mb)
		return ma > mb ? -1 : 1;
	double xa = fabs(a->Eb - a->Ea), xb = fabs(b->Eb - b->Ea);
	if (a->moved && b->moved && xa != xb)
		return xa > xb ? -1 : 1;
	return strcmp(a->id, b->id);
}

static const row **ranked(const diff *d, int (*keep)(const row *), size_t *n)
{
	const row **v = malloc((d->n ? d->n : 1) * sizeof(*v));
	*n = 0;
	if (!v)
		return NULL;
	for (size_t i = 0; i < d->n; i++)
		if (keep(&d->rows[i]))
			v[(*n)++] = &d->rows[i];
	govmap_sort(v, *n, sizeof(*v), by_change, NULL);
	return v;
}

static int row_moved(const row *r)
{
	return r->moved;
}

static const char *kind_word(const govmap_entity *e)
{
	return govmap_kind_name(e->kind);
}

/* "- item" / "+ item" lines for a list field (multiset difference). */
static void item_lines(const diff *d, const cli_field_change *c,
		       const char *indent)
{
	for (int side = 0; side < 2; side++) {
		char **x = side ? c->b : c->a, **y = side ? c->a : c->b;
		size_t nx = side ? c->nb : c->na, ny = side ? c->na : c->nb;
		for (size_t i = 0; i < nx; i++) {
			size_t k = 0;
			while (k < ny && strcmp(y[k], x[i]) != 0)
				k++;
			if (k < ny)
				continue;
			if (d->fmt == FMT_MD) {
				fprintf(d->out, "%s- %s ", indent,
					side ? "added:" : "removed:");
				cli_md_text(d->out, x[i]);
				fputc('\n', d->out);
			} else {
				fprintf(d->out, "%s%c %s\n", indent,
					side ? '+' : '-', x[i]);
			}
		}
	}
}

static void field_detail(const diff *d, const cli_field_change *c,
			 const char *indent)
{
	if (c->na <= 1 && c->nb <= 1) {
		if (d->fmt == FMT_MD) {
			fprintf(d->out, "%s- `%s`: ", indent, c->key);
			cli_md_text(d->out, c->na ? c->a[0] : "(none)");
			fputs(arrow(d), d->out);
			cli_md_text(d->out, c->nb ? c->b[0] : "(none)");
			fputc('\n', d->out);
		} else {
			fprintf(d->out, "%s%s: %s -> %s\n", indent, c->key,
				c->na ? c->a[0] : "(none)",
				c->nb ? c->b[0] : "(none)");
		}
		return;
	}
	char sub[16];
	snprintf(sub, sizeof sub, "%s  ", indent);
	if (d->fmt == FMT_MD)
		fprintf(d->out, "%s- `%s`:\n", indent, c->key);
	else
		fprintf(d->out, "%s%s:\n", indent, c->key);
	item_lines(d, c, sub);
}

/* --- text and Markdown ------------------------------------------------- */

/* The same entities, fields, scores and findings on both sides? */
static int unchanged(const diff *d)
{
	return !d->added && !d->removed && !d->changed && !d->moved &&
	       !d->ngained && !d->nlost;
}

static void print_text(diff *d)
{
	char m1[32], m2[32], m3[40], dd[11];
	govmap_date_format(dd, d->cli->on);
	fprintf(d->out, "govmap diff: %s -> %s, on %s\n",
		govmap_src_revision(d->sa.src), govmap_src_revision(d->sb.src),
		dd);
	if (unchanged(d)) {
		fprintf(d->out,
			"\nNo change: the same entities, fields, scores and "
			"findings on both sides.\n");
		return;
	}
	fprintf(d->out, "\nEntities: %zu added, %zu removed, %zu changed\n",
		d->added, d->removed, d->changed);
	size_t nl;
	const row **v = ranked(d, row_listed, &nl);
	for (size_t k = 0; v && k < nl; k++) {
		const row *r = v[k];
		const govmap_entity *ea = ent(&d->sa, r->a);
		const govmap_entity *eb = ent(&d->sb, r->b);
		const govmap_entity *e = eb ? eb : ea;
		char *st = story(d, r);
		fprintf(d->out, "  %c %s (%s%s%s): ",
			!ea	     ? '+'
			: !eb	     ? '-'
			: r->nfields ? '~'
				     : ' ',
			r->id, kind_word(e), e->type ? ", " : "",
			e->type ? e->type : "");
		heading_name(d, e);
		fputc('\n', d->out);
		if (st && st[0])
			fprintf(d->out, "      %s\n", st);
		free(st);
		for (size_t f = 0; f < r->nfields; f++)
			field_detail(d, &r->fields[f], "      ");
	}
	free(v);
	const row **mv = ranked(d, row_moved, &nl);
	if (nl)
		fprintf(d->out,
			"\nScores that moved (largest change of deficit "
			"first):\n");
	for (size_t k = 0; mv && k < nl; k++) {
		const row *r = mv[k];
		money(m1, sizeof m1, r->Ea);
		money(m2, sizeof m2, r->Eb);
		fprintf(d->out,
			"  %-40s A %.3f -> %.3f  D %+.3f  exposure %s -> %s\n",
			r->id, r->Aa, r->Ab, r->Db - r->Da, m1, m2);
	}
	free(mv);
	fprintf(d->out, "\nFindings: %zu gained, %zu lost\n", d->ngained,
		d->nlost);
	for (int side = 0; side < 2; side++) {
		const govmap_finding **fs = side ? d->lost : d->gained;
		size_t nf = side ? d->nlost : d->ngained;
		const cli_session *s = side ? &d->sa : &d->sb;
		for (size_t k = 0; k < nf; k++)
			fprintf(d->out, "  %c %s [%s] %s: %s\n",
				side ? '-' : '+',
				govmap_severity_name(fs[k]->sev), fs[k]->rule,
				fs[k]->entity >= 0 ? ent(s, fs[k]->entity)->id
						   : "-",
				fs[k]->msg);
	}
	money(m1, sizeof m1, d->exp_a);
	money(m2, sizeof m2, d->exp_b);
	signed_money(m3, sizeof m3, d->exp_b - d->exp_a);
	fprintf(d->out, "\nTotal exposure: %s -> %s (%s)\n", m1, m2, m3);
}

static void md_rev(FILE *o, const cli_session *s)
{
	cli_md_text(o, govmap_src_revision(s->src));
}

static void print_md(diff *d)
{
	char m1[32], m2[32], m3[40], dd[11];
	govmap_date_format(dd, d->cli->on);
	fprintf(d->out, "### govmap diff\n\n");
	md_rev(d->out, &d->sa);
	fprintf(d->out, " \xe2\x86\x92 ");
	md_rev(d->out, &d->sb);
	fprintf(d->out, ", on %s\n\n", dd);
	if (unchanged(d)) {
		fprintf(d->out,
			"No change: the same entities, fields, scores and "
			"findings on both sides.\n");
		return;
	}
	money(m1, sizeof m1, d->exp_a);
	money(m2, sizeof m2, d->exp_b);
	signed_money(m3, sizeof m3, d->exp_b - d->exp_a);
	fprintf(d->out, "| | before | after |\n|---|---|---|\n");
	fprintf(d->out, "| entities | %zu | %zu |\n",
		govmap_registry_count(d->sa.reg),
		govmap_registry_count(d->sb.reg));
	fprintf(d->out,
		"| total exposure (deficit \xc3\x97 money) | %s | %s (%s) |\n",
		m1, m2, m3);
	fprintf(d->out,
		"| findings: errors, warnings, info | %zu, %zu, %zu | %zu, "
		"%zu, %zu |\n\n",
		d->sa.findings->count[GOVMAP_SEV_ERROR],
		d->sa.findings->count[GOVMAP_SEV_WARNING],
		d->sa.findings->count[GOVMAP_SEV_INFO],
		d->sb.findings->count[GOVMAP_SEV_ERROR],
		d->sb.findings->count[GOVMAP_SEV_WARNING],
		d->sb.findings->count[GOVMAP_SEV_INFO]);
	size_t nl;
	const row **v = ranked(d, row_listed, &nl);
	fprintf(d->out,
		"**What changed** (%zu added, %zu removed, %zu changed)\n\n",
		d->added, d->removed, d->changed);
	for (size_t k = 0; v && k < nl; k++) {
		const row *r = v[k];
		const govmap_entity *ea = ent(&d->sa, r->a);
		const govmap_entity *eb = ent(&d->sb, r->b);
		const govmap_entity *e = eb ? eb : ea;
		char *st = story(d, r);
		fprintf(d->out, "- ");
		heading_name(d, e);
		int typed = e->type && strcmp(e->type, kind_word(e)) != 0;
		fprintf(d->out, " (`%s`, %s%s%s%s)%s%s\n", r->id,
			!ea ? "new " : "", typed ? e->type : "",
			typed ? " " : "", kind_word(e), st && st[0] ? ": " : "",
			st ? st : "");
		free(st);
	}
	free(v);
	const row **mv = ranked(d, row_moved, &nl);
	if (nl)
		fprintf(d->out,
			"\n**Scores that moved** (largest change first)\n\n"
			"| body | A | deficit | exposure |\n"
			"|---|---|---|---|\n");
	for (size_t k = 0; mv && k < nl; k++) {
		const row *r = mv[k];
		money(m1, sizeof m1, r->Ea);
		money(m2, sizeof m2, r->Eb);
		fprintf(d->out, "| ");
		cli_md_text(d->out, display_name(ent(&d->sb, r->b)));
		fprintf(d->out,
			" (`%s`) | %.3f \xe2\x86\x92 %.3f | %+.3f | %s "
			"\xe2\x86\x92 %s |\n",
			r->id, r->Aa, r->Ab, r->Db - r->Da, m1, m2);
	}
	free(mv);
	for (int side = 0; side < 2; side++) {
		const govmap_finding **fs = side ? d->lost : d->gained;
		size_t nf = side ? d->nlost : d->ngained;
		const cli_session *s = side ? &d->sa : &d->sb;
		if (!nf)
			continue;
		fprintf(d->out, "\n**Findings %s** (%zu)\n\n",
			side ? "lost" : "gained", nf);
		for (size_t k = 0; k < nf; k++) {
			fprintf(d->out, "- %s `%s`",
				govmap_severity_name(fs[k]->sev), fs[k]->rule);
			if (fs[k]->entity >= 0)
				fprintf(d->out, " on `%s`",
					ent(s, fs[k]->entity)->id);
			fprintf(d->out, ": ");
			cli_md_text(d->out, fs[k]->msg);
			fputc('\n', d->out);
		}
	}
	if (d->changed) {
		fprintf(d->out,
			"\n<details><summary>Field by field</summary>\n\n");
		for (size_t k = 0; k < d->n; k++) {
			const row *r = &d->rows[k];
			if (!r->nfields)
				continue;
			fprintf(d->out, "- `%s`\n", r->id);
			for (size_t f = 0; f < r->nfields; f++)
				field_detail(d, &r->fields[f], "  ");
		}
		fprintf(d->out, "\n</details>\n");
	}
}

/* --- JSON -------------------------------------------------------------- */

static void json_items(FILE *o, char **v, size_t n)
{
	fputc('[', o);
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputc(',', o);
		cli_json_str(o, v[i]);
	}
	fputc(']', o);
}

static void json_score(FILE *o, int present, int act, double A, double D,
		       double E)
{
	if (!present || !act) {
		fputs("null", o);
		return;
	}
	fprintf(o,
		"{\"accountability\":%.6f,\"deficit\":%.6f,"
		"\"exposure_gbp\":%.0f}",
		A, D, E);
}

static void json_entity(FILE *o, const char *key, const govmap_entity *e)
{
	fprintf(o, "%s{\"id\":", key);
	cli_json_str(o, e->id);
	fprintf(o, ",\"kind\":\"%s\",\"type\":", govmap_kind_name(e->kind));
	if (e->type)
		cli_json_str(o, e->type);
	else
		fputs("null", o);
	fprintf(o, ",\"name\":");
	cli_json_str(o, display_name(e));
}

static void json_findings(FILE *o, const govmap_finding **fs, size_t n,
			  const cli_session *s)
{
	fputc('[', o);
	for (size_t k = 0; k < n; k++) {
		fprintf(o, "%s{\"rule\":", k ? "," : "");
		cli_json_str(o, fs[k]->rule);
		fprintf(o, ",\"severity\":\"%s\",\"entity\":",
			govmap_severity_name(fs[k]->sev));
		if (fs[k]->entity >= 0)
			cli_json_str(o, ent(s, fs[k]->entity)->id);
		else
			fputs("null", o);
		fprintf(o, ",\"message\":");
		cli_json_str(o, fs[k]->msg);
		fputc('}', o);
	}
	fputc(']', o);
}

static void print_json(diff *d)
{
	char dd[11];
	govmap_date_format(dd, d->cli->on);
	fprintf(d->out, "{\"from\":");
	cli_json_str(d->out, govmap_src_revision(d->sa.src));
	fprintf(d->out, ",\"to\":");
	cli_json_str(d->out, govmap_src_revision(d->sb.src));
	fprintf(d->out, ",\"on\":\"%s\",\"added\":[", dd);
	int first = 1;
	for (size_t k = 0; k < d->n; k++) {
		const row *r = &d->rows[k];
		if (r->a >= 0)
			continue;
		json_entity(d->out, first ? "" : ",", ent(&d->sb, r->b));
		if (r->scored) {
			fprintf(d->out, ",\"score\":");
			json_score(d->out, 1, r->act_b, r->Ab, r->Db, r->Eb);
		}
		fputc('}', d->out);
		first = 0;
	}
	fprintf(d->out, "],\"removed\":[");
	first = 1;
	for (size_t k = 0; k < d->n; k++)
		if (d->rows[k].b < 0) {
			json_entity(d->out, first ? "" : ",",
				    ent(&d->sa, d->rows[k].a));
			fputc('}', d->out);
			first = 0;
		}
	fprintf(d->out, "],\"changed\":[");
	first = 1;
	for (size_t k = 0; k < d->n; k++) {
		const row *r = &d->rows[k];
		if (!r->nfields)
			continue;
		json_entity(d->out, first ? "" : ",", ent(&d->sb, r->b));
		fprintf(d->out, ",\"fields\":[");
		for (size_t f = 0; f < r->nfields; f++) {
			fprintf(d->out,
				"%s{\"key\":\"%s\",\"before\":", f ? "," : "",
				r->fields[f].key);
			json_items(d->out, r->fields[f].a, r->fields[f].na);
			fprintf(d->out, ",\"after\":");
			json_items(d->out, r->fields[f].b, r->fields[f].nb);
			fputc('}', d->out);
		}
		fprintf(d->out, "]}");
		first = 0;
	}
	fprintf(d->out, "],\"scores\":[");
	size_t nl;
	const row **mv = ranked(d, row_moved, &nl);
	for (size_t k = 0; mv && k < nl; k++) {
		const row *r = mv[k];
		fprintf(d->out, "%s{\"id\":", k ? "," : "");
		cli_json_str(d->out, r->id);
		fprintf(d->out, ",\"before\":");
		json_score(d->out, 1, r->act_a, r->Aa, r->Da, r->Ea);
		fprintf(d->out, ",\"after\":");
		json_score(d->out, 1, r->act_b, r->Ab, r->Db, r->Eb);
		fprintf(d->out,
			",\"deficit_change\":%.6f,\"exposure_change_gbp\":%."
			"0f}",
			cli_round6(r->Db - r->Da), r->Eb - r->Ea);
	}
	free(mv);
	fprintf(d->out, "],\"findings_gained\":");
	json_findings(d->out, d->gained, d->ngained, &d->sb);
	fprintf(d->out, ",\"findings_lost\":");
	json_findings(d->out, d->lost, d->nlost, &d->sa);
	fprintf(d->out,
		",\"total_exposure_gbp\":{\"before\":%.0f,\"after\":%.0f}}\n",
		d->exp_a, d->exp_b);
}

/* --- the command ------------------------------------------------------- */

/* A side that cannot be compared: print why, return the exit code. */
static int side_failed(govmap_cli *cli, cli_session *s, int rc,
		       const char *what)
{
	cli_print_diags(stderr, s->diags, cli->color);
	if (rc == EXIT_OK) {
		cli_err("diff: %s has %zu error%s: fix them first (govmap "
			"check)",
			what, s->diags->count[GOVMAP_SEV_ERROR],
			s->diags->count[GOVMAP_SEV_ERROR] == 1 ? "" : "s");
		return EXIT_DATA;
	}
	return rc;
}

static void diff_free(diff *d)
{
	for (size_t k = 0; k < d->n; k++)
		cli_field_changes_free(d->rows[k].fields, d->rows[k].nfields);
	free(d->rows);
	free(d->gained);
	free(d->lost);
	cli_close(&d->sa);
	cli_close(&d->sb);
}

int cmd_diff(govmap_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	diff d;
	int c;
	memset(&d, 0, sizeof d);
	d.cli = cli;
	d.out = stdout;
	optind = 0;
	char *operand, *revs[3];
	int nrevs = 0;
	while ((c = cli_getopt_mixed(argc, argv, "h", opts, "diff",
				     &operand)) != -1) {
		switch (c) {
		case 1:
			if (nrevs < 3)
				revs[nrevs++] = operand;
			break;
		case 'f':
			if (cli_format_parse("diff", optarg, &d.fmt) < 0)
				return EXIT_USAGE;
			break;
		case 'h': usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (nrevs < 1 || nrevs > 2) {
		cli_err("diff: give one or two revisions (run 'govmap diff "
			"--help')");
		return EXIT_USAGE;
	}
	if (cli->rev) {
		cli_err("diff: give the revisions to compare as arguments, "
			"not with --rev");
		return EXIT_USAGE;
	}
	d.rev_a = revs[0];
	d.rev_b = nrevs > 1 ? revs[1] : NULL;
	/* files the two sides share are parsed once */
	if (cli_use_cache(cli) != EXIT_OK)
		return EXIT_USAGE;
	int rc = cli_side_open(cli, &d.sa, d.rev_a, 2);
	if (rc != EXIT_OK || d.sa.diags->count[GOVMAP_SEV_ERROR]) {
		rc = side_failed(cli, &d.sa, rc, d.rev_a);
		diff_free(&d);
		return rc;
	}
	rc = cli_side_open(cli, &d.sb, d.rev_b, 2);
	if (rc != EXIT_OK || d.sb.diags->count[GOVMAP_SEV_ERROR]) {
		rc = side_failed(cli, &d.sb, rc,
				 d.rev_b       ? d.rev_b
				 : cli->staged ? "the index"
					       : "the working tree");
		diff_free(&d);
		return rc;
	}
	if (compare_entities(&d) < 0 || compare_findings(&d) < 0) {
		cli_err("out of memory");
		diff_free(&d);
		return EXIT_USAGE;
	}
	d.exp_a = cli_side_exposure(&d.sa);
	d.exp_b = cli_side_exposure(&d.sb);
	if (d.fmt == FMT_JSON)
		print_json(&d);
	else if (d.fmt == FMT_MD)
		print_md(&d);
	else
		print_text(&d);
	diff_free(&d);
	if (fflush(stdout) != 0) {
		cli_err("cannot write to standard output");
		return EXIT_USAGE;
	}
	return EXIT_OK;
}
