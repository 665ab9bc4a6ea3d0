/*
 * cmd_diff.c - `govmap diff REV1 [REV2]`: what a change does to the
 * registry and to the map: entities added, removed and changed (field by
 * field), the bodies whose accountability, deficit or exposure moved
 * (largest change first), the findings gained and lost, and total
 * exposure; as text, Markdown (a pull-request comment) or JSON.
 *
 * Both sides are loaded with the same plugins and analysed on the same
 * --on date.  This file only prints: loading is cli_util.c's, the
 * comparison the library's (compare.h), scoring analysis.c's.
 */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_vcs.h"
#include "govmap/compare.h"

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

typedef govmap_diff_entry row;

typedef struct {
	govmap_cli *cli;
	cli_session sa, sb;
	const char *rev_a, *rev_b;
	govmap_diff *df; /* the library's comparison (compare.h) */
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
		cli_text(d->out, s);
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

static int same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* The same seat on both sides (role, fill and who fills it): a vacancy
 * is this seat with another `vacant`, not a seat removed and added. */
static const govmap_seat *seat_before(const govmap_entity *ea,
				      const govmap_seat *sb)
{
	for (size_t i = 0; ea && i < ea->nseats; i++) {
		const govmap_seat *sa = &ea->seats[i];
		if (same_str(sa->role, sb->role) && sa->fill == sb->fill &&
		    same_str(sa->by.id, sb->by.id) && sa->count == sb->count)
			return sa;
	}
	return NULL;
}

/* "Member: 1 seat now vacant since 2024-02-15 (was appointed by X)",
 * "Member: 1 seat filled again"; the number of such seats. */
static size_t vacancy_summary(const diff *d, const row *r, const char **sep)
{
	const govmap_entity *ea = ent(&d->sa, r->a), *eb = ent(&d->sb, r->b);
	size_t n = 0;
	for (size_t i = 0; ea && eb && i < eb->nseats; i++) {
		const govmap_seat *sb = &eb->seats[i];
		const govmap_seat *sa = seat_before(ea, sb);
		if (!sa || sa->vacant == sb->vacant)
			continue;
		fputs(*sep, d->out);
		put(d, sb->role ? sb->role : "seat");
		if (sb->vacant > sa->vacant) {
			unsigned k = sb->vacant - sa->vacant;
			fprintf(d->out, ": %u seat%s now vacant", k,
				k == 1 ? "" : "s");
			if (sb->vacant_since) {
				char vs[16];
				govmap_date_format(vs, sb->vacant_since);
				fprintf(d->out, " since %s", vs);
			}
			if (sb->fill == GOVMAP_FILL_EX_OFFICIO)
				fputs(" (was held ex officio)", d->out);
			else if (sb->by.id)
				fprintf(d->out, " (was %s by %s)",
					govmap_fill_name(sb->fill), sb->by.id);
		} else {
			unsigned k = sa->vacant - sb->vacant;
			fprintf(d->out, ": %u seat%s filled again", k,
				k == 1 ? "" : "s");
		}
		*sep = ", ";
		n++;
	}
	return n;
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
	any = vacancy_summary(d, r, sep) > 0;
	int vacancies_only = any;
	for (size_t k = 0; k < norder; k++) {
		govmap_fill f = order[k];
		if (ca[f] == cb[f])
			continue;
		vacancies_only = 0;
		fprintf(d->out, "%s%s seats %u%s%u", *sep, govmap_fill_name(f),
			ca[f], arrow(d), cb[f]);
		*sep = ", ";
		any = 1;
	}
	if (ca[GOVMAP_FILL_ELECTED] == cb[GOVMAP_FILL_ELECTED] &&
	    !vacancies_only) {
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
			  const govmap_field_change *c, const char **sep)
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

/* A row's exposure before and after, `arr` between: "£1m -> £2m",
 * "unknown -> £2m", or "unknown (money not recorded)" when neither side
 * records money (never £0) */
static void exposure_pair(char *buf, size_t size, const row *r,
			  const char *arr)
{
	char m1[24], m2[24];
	if (r->Ea < 0 && r->Eb < 0) {
		snprintf(buf, size, "unknown (money not recorded)");
		return;
	}
	money(m1, sizeof m1, r->Ea);
	money(m2, sizeof m2, r->Eb);
	snprintf(buf, size, "%s%s%s", m1, arr, m2);
}

static void signed_money(char *buf, size_t size, double gbp)
{
	char m[24];
	govmap_money_format(m, sizeof m, fabs(gbp));
	snprintf(buf, size, "%s%s", gbp < 0 ? "-" : "+", m);
}

/* The total exposure before and after into a and b, and " (+£1m)",
 * the change, into c; a side where no body in force records money is
 * "unknown (no money recorded)", never £0, and then c is empty.  Each
 * buffer `size` bytes, at least 40. */
static void total_change(const diff *d, char *a, char *b, char *c,
			 size_t size)
{
	int ka = d->df->priced_a > 0, kb = d->df->priced_b > 0;
	char m[40];
	if (ka)
		money(a, size, d->df->exposure_a);
	else
		snprintf(a, size, "unknown (no money recorded)");
	if (kb)
		money(b, size, d->df->exposure_b);
	else
		snprintf(b, size, "unknown (no money recorded)");
	*c = '\0';
	if (ka && kb) {
		signed_money(m, sizeof m, d->df->exposure_b - d->df->exposure_a);
		snprintf(c, size, " (%s)", m);
	}
}

/* A party of a contract: its name and id, or the id as written. */
static void party(const diff *d, const govmap_ref *ref)
{
	const govmap_entity *p =
		ref->id ? govmap_registry_find(d->sb.reg, ref->id) : NULL;
	if (!ref->id) {
		fputs("(not recorded)", d->out);
	} else if (d->fmt == FMT_MD) {
		if (p && p->name) {
			cli_md_text(d->out, p->name);
			fputc(' ', d->out);
		}
		fprintf(d->out, "(`%s`)", ref->id);
	} else {
		fputs(ref->id, d->out);
	}
}

/* "test-icb -> test-care: value £2m, from 2024-04-01 to 2027-03-31, not
 * tendered": who, how much, when, and whether it was tendered (unknown
 * is said, never shown as zero or "no"). */
static void contract_summary(const diff *d, const govmap_entity *e,
			     const char **sep)
{
	char m[32], a[16], b[16];
	fputs(*sep, d->out);
	party(d, &e->commissioner);
	fputs(arrow(d), d->out);
	party(d, &e->provider);
	if (e->value_gbp >= 0) {
		govmap_money_format(m, sizeof m, (double)e->value_gbp);
		fprintf(d->out, ": value %s", m);
	} else {
		fputs(": value not recorded", d->out);
	}
	govmap_date_format(a, e->start);
	govmap_date_format(b, e->end);
	if (e->start)
		fprintf(d->out, ", from %s", a);
	else
		fputs(", start not recorded", d->out);
	if (e->end)
		fprintf(d->out, " to %s", b);
	else
		fputs(", no end recorded", d->out);
	fprintf(d->out, ", %s",
		e->tendered == GOVMAP_YES  ? "tendered"
		: e->tendered == GOVMAP_NO ? "not tendered"
					   : "whether tendered not recorded");
	*sep = "; ";
}

/* A URL inside a Markdown link's parentheses: the schema allows no
 * spaces, quotes or angle brackets; parentheses and backslashes are
 * percent-encoded so the link cannot end early. */
static void md_url(FILE *f, const char *u)
{
	for (; *u; u++) {
		if (*u == '(' || *u == ')' || *u == '\\' || *u == ' ' ||
		    (unsigned char)*u < 0x20)
			fprintf(f, "%%%02X", (unsigned char)*u);
		else
			fputc(*u, f);
	}
}

/* "sources: [title](url), ...": where a new entity comes from, for the
 * reviewer to follow (Markdown only). */
static void sources_summary(const diff *d, const govmap_entity *e,
			    const char **sep)
{
	fprintf(d->out, "%ssources: ", *sep);
	if (!e->nsources)
		fputs("none", d->out);
	for (size_t i = 0; i < e->nsources; i++) {
		const govmap_source *src = &e->sources[i];
		fputs(i ? ", [" : "[", d->out);
		cli_md_text(d->out, src->title ? src->title : src->url);
		fputs("](", d->out);
		md_url(d->out, src->url ? src->url : "");
		fputc(')', d->out);
	}
	*sep = "; ";
}

/* The id field of a renamed row: its story says "renamed from". */
static int renamed_id(const row *r, const govmap_field_change *c)
{
	return r->was && strcmp(c->key, "id") == 0;
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
	if (r->was) {
		fprintf(d->out, d->fmt == FMT_MD ? "renamed from `%s`"
						 : "renamed from %s",
			r->was);
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
			if ((d->fmt == FMT_MD ||
			     strcmp(r->fields[k].key, "seats") == 0) &&
			    !renamed_id(r, &r->fields[k]))
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
			char em[64];
			fprintf(d->out, "%sdeficit %+.3f (A %.3f%s%.3f)", sep,
				r->Db - r->Da, r->Aa, arr, r->Ab);
			if (r->Ea != r->Eb) {
				/* the change, or both sides when one is
				 * unknown */
				if (r->Ea >= 0 && r->Eb >= 0)
					signed_money(em, sizeof em,
						     r->Eb - r->Ea);
				else
					exposure_pair(em, sizeof em, r, arr);
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
	if (eb && eb->kind == GOVMAP_KIND_CONTRACT)
		contract_summary(d, eb, &sep);
	if (!ea && d->fmt == FMT_MD)
		sources_summary(d, eb, &sep);
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

/* The size of a row's change of exposure; 0 when either side's money
 * is not recorded (unknown: no change can be measured) */
static double exposure_change(const row *r)
{
	return r->Ea >= 0 && r->Eb >= 0 ? fabs(r->Eb - r->Ea) : 0;
}

static int by_change(const void *x, const void *y, void *ctx)
{
	(void)ctx;
	const row *a = *(const row *const *)x, *b = *(const row *const *)y;
	double ma = magnitude(a), mb = magnitude(b);
	if (ma != mb)
		return ma > mb ? -1 : 1;
	double xa = exposure_change(a), xb = exposure_change(b);
	if (a->moved && b->moved && xa != xb)
		return xa > xb ? -1 : 1;
	return strcmp(a->id, b->id);
}

static const row **ranked(const diff *d, int (*keep)(const row *), size_t *n)
{
	const row **v = malloc((d->df->n ? d->df->n : 1) * sizeof(*v));
	*n = 0;
	if (!v)
		return NULL;
	for (size_t i = 0; i < d->df->n; i++)
		if (keep(&d->df->v[i]))
			v[(*n)++] = &d->df->v[i];
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

/* Does seat text `a` equal `b` but for its "vacant: N" and
 * "vacant_since: DATE" parts (schema_info's canonical seat text)? */
static int same_but_vacancy(const char *a, const char *b)
{
	for (;;) {
		for (int k = 0; k < 2; k++) {
			const char **p = k ? &b : &a;
			while (strncmp(*p, "; vacant", 8) == 0) {
				*p += 8;
				while (**p && strncmp(*p, "; ", 2) != 0)
					(*p)++;
			}
		}
		if (*a != *b)
			return 0;
		if (!*a)
			return 1;
		a++;
		b++;
	}
}

/* The index of the item of y that is x with another vacancy, or ny. */
static size_t vacancy_pair(char **y, size_t ny, const char *x)
{
	size_t k = 0;
	while (k < ny && !same_but_vacancy(y[k], x))
		k++;
	return k;
}

/* "- item" / "+ item" lines for a list field (multiset difference); a
 * seat whose vacancy changed is one "~ item" line (the item after). */
static void item_lines(const diff *d, const govmap_field_change *c,
		       const char *indent)
{
	int seats = strcmp(c->key, "seats") == 0;
	for (int side = 0; side < 2; side++) {
		char **x = side ? c->b : c->a, **y = side ? c->a : c->b;
		size_t nx = side ? c->nb : c->na, ny = side ? c->na : c->nb;
		for (size_t i = 0; i < nx; i++) {
			size_t k = 0;
			while (k < ny && strcmp(y[k], x[i]) != 0)
				k++;
			if (k < ny)
				continue;
			if (seats && vacancy_pair(y, ny, x[i]) < ny) {
				if (!side)
					continue; /* listed once, after */
				if (d->fmt == FMT_MD) {
					fprintf(d->out, "%s- vacancy changed: ",
						indent);
					cli_md_text(d->out, x[i]);
					fputc('\n', d->out);
				} else {
					fprintf(d->out, "%s~ ", indent);
					cli_text(d->out, x[i]);
					fputc('\n', d->out);
				}
				continue;
			}
			if (d->fmt == FMT_MD) {
				fprintf(d->out, "%s- %s ", indent,
					side ? "added:" : "removed:");
				cli_md_text(d->out, x[i]);
				fputc('\n', d->out);
			} else {
				fprintf(d->out, "%s%c ", indent,
					side ? '+' : '-');
				cli_text(d->out, x[i]);
				fputc('\n', d->out);
			}
		}
	}
}

static void field_detail(const diff *d, const govmap_field_change *c,
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
			fprintf(d->out, "%s%s: ", indent, c->key);
			put(d, c->na ? c->a[0] : "(none)");
			fputs(" -> ", d->out);
			put(d, c->nb ? c->b[0] : "(none)");
			fputc('\n', d->out);
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
	return !d->df->added && !d->df->removed && !d->df->changed && !d->df->moved &&
	       !d->df->ngained && !d->df->nlost;
}

static void print_text(diff *d)
{
	char m1[64], m2[64], m3[64], dd[11];
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
	fprintf(d->out, "\nEntities: %zu added, %zu removed, %zu changed",
		d->df->added, d->df->removed, d->df->changed);
	if (d->df->renamed)
		fprintf(d->out, " (%zu renamed)", d->df->renamed);
	fputc('\n', d->out);
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
			if (!renamed_id(r, &r->fields[f]))
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
		exposure_pair(m1, sizeof m1, r, " -> ");
		fprintf(d->out,
			"  %-40s A %.3f -> %.3f  D %+.3f  exposure %s\n",
			r->id, r->Aa, r->Ab, r->Db - r->Da, m1);
	}
	free(mv);
	fprintf(d->out, "\nFindings: %zu gained, %zu lost\n", d->df->ngained,
		d->df->nlost);
	for (int side = 0; side < 2; side++) {
		const govmap_finding **fs = side ? d->df->lost : d->df->gained;
		size_t nf = side ? d->df->nlost : d->df->ngained;
		const cli_session *s = side ? &d->sa : &d->sb;
		for (size_t k = 0; k < nf; k++)
			fprintf(d->out, "  %c %s [%s] %s: %s\n",
				side ? '-' : '+',
				govmap_severity_name(fs[k]->sev), fs[k]->rule,
				fs[k]->entity >= 0 ? ent(s, fs[k]->entity)->id
						   : "-",
				fs[k]->msg);
	}
	total_change(d, m1, m2, m3, sizeof m1);
	fprintf(d->out, "\nTotal exposure: %s -> %s%s\n", m1, m2, m3);
}

static void md_rev(FILE *o, const cli_session *s)
{
	cli_md_text(o, govmap_src_revision(s->src));
}

static void print_md(diff *d)
{
	char m1[64], m2[64], m3[64], dd[11];
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
	total_change(d, m1, m2, m3, sizeof m1);
	fprintf(d->out, "| | before | after |\n|---|---|---|\n");
	fprintf(d->out, "| entities | %zu | %zu |\n",
		govmap_registry_count(d->sa.reg),
		govmap_registry_count(d->sb.reg));
	fprintf(d->out,
		"| total exposure (deficit \xc3\x97 money) | %s | %s%s |\n",
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
	fprintf(d->out, "**What changed** (%zu added, %zu removed, %zu changed",
		d->df->added, d->df->removed, d->df->changed);
	if (d->df->renamed)
		fprintf(d->out, ", %zu renamed", d->df->renamed);
	fprintf(d->out, ")\n\n");
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
		exposure_pair(m1, sizeof m1, r, " \xe2\x86\x92 ");
		fprintf(d->out, "| ");
		cli_md_text(d->out, display_name(ent(&d->sb, r->b)));
		fprintf(d->out,
			" (`%s`) | %.3f \xe2\x86\x92 %.3f | %+.3f | %s |\n",
			r->id, r->Aa, r->Ab, r->Db - r->Da, m1);
	}
	free(mv);
	for (int side = 0; side < 2; side++) {
		const govmap_finding **fs = side ? d->df->lost : d->df->gained;
		size_t nf = side ? d->df->nlost : d->df->ngained;
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
	if (d->df->changed) {
		fprintf(d->out,
			"\n<details><summary>Field by field</summary>\n\n");
		for (size_t k = 0; k < d->df->n; k++) {
			const row *r = &d->df->v[k];
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
	fprintf(o, "{\"accountability\":%.6f,\"deficit\":%.6f,", A, D);
	/* money not recorded: null, never 0 */
	if (E >= 0)
		fprintf(o, "\"exposure_gbp\":%.0f}", E);
	else
		fputs("\"exposure_gbp\":null}", o);
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

/* A date, or null when not recorded or unknown (never a made-up day). */
static void json_date(FILE *o, govmap_date t)
{
	char b[16];
	if (t <= 0) {
		fputs("null", o);
		return;
	}
	govmap_date_format(b, t);
	fprintf(o, "\"%s\"", b);
}

/* A contract's party: {"id", "name"} (name null when the id names no
 * entity at the commit), or null when not recorded. */
static void json_party(const diff *d, const govmap_ref *ref)
{
	const govmap_entity *p =
		ref->id ? govmap_registry_find(d->sb.reg, ref->id) : NULL;
	if (!ref->id) {
		fputs("null", d->out);
		return;
	}
	fputs("{\"id\":", d->out);
	cli_json_str(d->out, ref->id);
	fputs(",\"name\":", d->out);
	if (p && p->name)
		cli_json_str(d->out, p->name);
	else
		fputs("null", d->out);
	fputc('}', d->out);
}

/* The reviewer's details the Markdown summary gives (row_summary): a
 * contract's parties, value, dates and whether it was tendered; a
 * board's seats made vacant or filled again; a new entity's sources.
 * Unknown is null, never 0 or false. */
static void json_details(const diff *d, const row *r)
{
	const govmap_entity *ea = ent(&d->sa, r->a), *eb = ent(&d->sb, r->b);
	FILE *o = d->out;
	if (eb && eb->kind == GOVMAP_KIND_CONTRACT) {
		fputs(",\"contract\":{\"commissioner\":", o);
		json_party(d, &eb->commissioner);
		fputs(",\"provider\":", o);
		json_party(d, &eb->provider);
		fputs(",\"value_gbp\":", o);
		if (eb->value_gbp >= 0)
			fprintf(o, "%lld", (long long)eb->value_gbp);
		else
			fputs("null", o);
		fputs(",\"start\":", o);
		json_date(o, eb->start);
		fputs(",\"end\":", o);
		json_date(o, eb->end);
		fprintf(o, ",\"tendered\":%s}",
			eb->tendered == GOVMAP_YES  ? "true"
			: eb->tendered == GOVMAP_NO ? "false"
						    : "null");
	}
	if (ea && eb && eb->nseats) {
		int n = 0;
		for (size_t i = 0; i < eb->nseats; i++) {
			const govmap_seat *sb = &eb->seats[i];
			const govmap_seat *sa = seat_before(ea, sb);
			if (!sa || sa->vacant == sb->vacant)
				continue;
			fputs(n++ ? "," : ",\"vacancies\":[", o);
			fputs("{\"role\":", o);
			if (sb->role)
				cli_json_str(o, sb->role);
			else
				fputs("null", o);
			fprintf(o, ",\"vacant_before\":%u,\"vacant_after\":%u,"
				   "\"since\":",
				sa->vacant, sb->vacant);
			json_date(o, sb->vacant > sa->vacant ? sb->vacant_since : 0);
			fprintf(o, ",\"fill\":\"%s\",\"by\":",
				govmap_fill_name(sb->fill));
			if (sb->by.id)
				cli_json_str(o, sb->by.id);
			else
				fputs("null", o);
			fputc('}', o);
		}
		if (n)
			fputc(']', o);
	}
	if (!ea && eb) {
		fputs(",\"sources\":[", o);
		for (size_t i = 0; i < eb->nsources; i++) {
			const govmap_source *src = &eb->sources[i];
			fputs(i ? ",{\"title\":" : "{\"title\":", o);
			if (src->title)
				cli_json_str(o, src->title);
			else
				fputs("null", o);
			fputs(",\"url\":", o);
			if (src->url)
				cli_json_str(o, src->url);
			else
				fputs("null", o);
			fputc('}', o);
		}
		fputc(']', o);
	}
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
	for (size_t k = 0; k < d->df->n; k++) {
		const row *r = &d->df->v[k];
		if (r->a >= 0)
			continue;
		json_entity(d->out, first ? "" : ",", ent(&d->sb, r->b));
		if (r->scored) {
			fprintf(d->out, ",\"score\":");
			json_score(d->out, 1, r->act_b, r->Ab, r->Db, r->Eb);
		}
		json_details(d, r);
		fputc('}', d->out);
		first = 0;
	}
	fprintf(d->out, "],\"removed\":[");
	first = 1;
	for (size_t k = 0; k < d->df->n; k++)
		if (d->df->v[k].b < 0) {
			json_entity(d->out, first ? "" : ",",
				    ent(&d->sa, d->df->v[k].a));
			fputc('}', d->out);
			first = 0;
		}
	fprintf(d->out, "],\"changed\":[");
	first = 1;
	for (size_t k = 0; k < d->df->n; k++) {
		const row *r = &d->df->v[k];
		if (!r->nfields)
			continue;
		json_entity(d->out, first ? "" : ",", ent(&d->sb, r->b));
		if (r->was) {
			fprintf(d->out, ",\"renamed_from\":");
			cli_json_str(d->out, r->was);
		}
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
		fputc(']', d->out);
		json_details(d, r);
		fputc('}', d->out);
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
		fprintf(d->out, ",\"deficit_change\":%.6f,",
			cli_round6(r->Db - r->Da));
		if (r->Ea >= 0 && r->Eb >= 0)
			fprintf(d->out, "\"exposure_change_gbp\":%.0f}",
				r->Eb - r->Ea);
		else
			fputs("\"exposure_change_gbp\":null}", d->out);
	}
	free(mv);
	fprintf(d->out, "],\"findings_gained\":");
	json_findings(d->out, d->df->gained, d->df->ngained, &d->sb);
	fprintf(d->out, ",\"findings_lost\":");
	json_findings(d->out, d->df->lost, d->df->nlost, &d->sa);
	/* no money recorded on a side: null, never 0 */
	fprintf(d->out, ",\"total_exposure_gbp\":{\"before\":");
	if (d->df->priced_a)
		fprintf(d->out, "%.0f", d->df->exposure_a);
	else
		fputs("null", d->out);
	fprintf(d->out, ",\"after\":");
	if (d->df->priced_b)
		fprintf(d->out, "%.0f}}\n", d->df->exposure_b);
	else
		fputs("null}}\n", d->out);
}

/* --- the command ------------------------------------------------------- */

/* A side that cannot be compared: print why, return the exit code. */
static int side_failed(govmap_cli *cli, cli_session *s, int rc,
		       const char *what)
{
	cli_print_diags(stderr, s->diags, cli->color);
	if (rc == EXIT_OK) {
		size_t n = s->diags->count[GOVMAP_SEV_ERROR];
		cli_err("diff: %s has %zu error%s: fix %s first (govmap "
			"check)",
			what, n, n == 1 ? "" : "s", n == 1 ? "it" : "them");
		return EXIT_DATA;
	}
	return rc;
}

static void diff_free(diff *d)
{
	govmap_diff_free(d->df);
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
	/* git's A..B and A...B: the two revisions, as two arguments */
	const char *dots = nrevs == 1 ? strstr(revs[0], "..") : NULL;
	char a[256];
	const char *b = dots ? dots + 2 + (dots[2] == '.') : NULL;
	if (dots && dots > revs[0] && (size_t)(dots - revs[0]) < sizeof a &&
	    snprintf(a, sizeof a, "%.*s", (int)(dots - revs[0]), revs[0]) &&
	    govmap_rev_is_safe(a) && (!*b || govmap_rev_is_safe(b))) {
		cli_err("diff: '%s' is a range: give its two ends as two "
			"revisions (govmap diff %.*s %s)",
			revs[0], (int)(dots - revs[0]), revs[0],
			*b ? b : "HEAD");
		return EXIT_USAGE;
	}
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
	/* a file either side does not read (a new entry saved as .yml):
	 * its entries are in neither side, and would go unseen */
	cli_unread seen = {0};
	cli_print_unread(&seen, d.sb.diags, d.sb.src, NULL, cli->color);
	cli_print_unread(&seen, d.sa.diags, d.sa.src, NULL, cli->color);
	cli_unread_free(&seen);
	if (govmap_diff_sessions(&d.df, d.sa.gs, d.sb.gs, NULL) != GOVMAP_OK) {
		cli_err("out of memory");
		diff_free(&d);
		return EXIT_USAGE;
	}
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
