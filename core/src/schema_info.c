/*
 * schema_info.c - the public view of the schema (govmap/schema.h): the
 * keys each kind accepts, read from schema.c's own table, and an entity's
 * top-level fields back as canonical text, interpreted from the same
 * table by field type.
 *
 * It owns the canonical text form of every field type.  It must not keep
 * a key list of its own (schema.c's table is the only one) and it never
 * changes an entity.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "govmap/schema.h"
#include "registry_impl.h"
#include "schema_info.h"

size_t govmap_schema_fields(govmap_kind kind, govmap_field_info *out,
			    size_t cap)
{
	govmap__field_view f;
	size_t n = 0;
	if ((unsigned)kind >= GOVMAP_KIND__COUNT)
		return 0;
	for (size_t i = 0; govmap__schema_field(i, &f); i++) {
		/* keys of an older schema are read only to reject them */
		if (!(f.kinds & (1u << kind)) || strcmp(f.type, "removed") == 0)
			continue;
		if (n < cap) {
			out[n].key = f.key;
			out[n].type = f.type;
			out[n].required = (f.required & (1u << kind)) != 0;
		}
		n++;
	}
	return n;
}

const char *const *govmap_schema_seat_keys(void)
{
	static const char *keys[32];
	static int ready;
	if (!ready) {
		size_t i;
		for (i = 0; i < 31 && govmap__schema_seat_key(i); i++)
			keys[i] = govmap__schema_seat_key(i);
		keys[i] = NULL;
		ready = 1;
	}
	return keys;
}

const char *const *govmap_schema_core_types(govmap_kind kind)
{
	switch (kind) {
	case GOVMAP_KIND_BODY: return govmap__core_body_types;
	case GOVMAP_KIND_BOARD: return govmap__core_board_types;
	case GOVMAP_KIND_LINK: return govmap__core_link_types;
	default: return NULL;
	}
}

bool govmap_id_is_valid(const char *id)
{
	return id && govmap__id_valid(id);
}

bool govmap_region_is_valid(const char *region)
{
	return region && govmap__region_valid(region);
}

void govmap_strings_free(char **v, size_t n)
{
	if (!v)
		return;
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* --- canonical text -------------------------------------------------- */

/* A growing list of items; `bad` records an allocation failure. */
typedef struct {
	char **v;
	size_t n, cap;
	int bad;
} items;

static void add(items *it, char *s)
{
	if (!s || govmap__grow((void **)&it->v, &it->cap, it->n,
			       sizeof(*it->v)) < 0) {
		free(s);
		it->bad = 1;
		return;
	}
	it->v[it->n++] = s;
}

static void addf(items *it, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void addf(items *it, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(it, govmap__vasprintf(fmt, ap));
	va_end(ap);
}

/* "key: value" parts of one list element, joined with "; ". */
typedef struct {
	char *s;
	int bad;
} parts;

static void part(parts *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void part(parts *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *x = govmap__vasprintf(fmt, ap);
	va_end(ap);
	char *joined = x ? govmap__asprintf("%s%s%s", p->s ? p->s : "",
					    p->s ? "; " : "", x)
			 : NULL;
	free(x);
	if (!joined)
		p->bad = 1;
	free(p->s);
	p->s = joined;
}

static const char *tri(govmap_tristate t)
{
	return t == GOVMAP_YES ? "true" : "false";
}

/* "from 2022-07-01 to 2024-01-31", either end may be missing; "" when
 * the period is open at both ends; a bounded start as "from unknown, no
 * later than 2026-07-08", so that a change of the bound is a change. */
static void period_text(char *buf, size_t size, govmap_period p)
{
	char a[11], b[11], nl[32] = "";
	govmap_date_format(a, p.from);
	govmap_date_format(b, p.to);
	if (GOVMAP_DATE_BOUND(p.from)) {
		char d[11];
		govmap_date_format(d, GOVMAP_DATE_BOUND(p.from));
		snprintf(nl, sizeof nl, ", no later than %s", d);
	}
	snprintf(buf, size, "%s%s%s%s%s%s", p.from ? "from " : "",
		 p.from ? a : "", nl, p.from && p.to ? " " : "",
		 p.to ? "to " : "", p.to ? b : "");
}

static char *seat_text(const govmap_seat *s)
{
	static const char *const by[] = {NULL, "elected_by", "appointed_by",
					 "nominated_by", NULL, NULL};
	parts p = {NULL, 0};
	char per[64];
	part(&p, "role: %s", s->role ? s->role : "");
	part(&p, "count: %u", s->count);
	if (s->post)
		part(&p, "post: %s", govmap_post_name(s->post));
	if (s->fill == GOVMAP_FILL_EX_OFFICIO)
		part(&p, "ex_officio: true");
	else if (s->fill == GOVMAP_FILL_UNSTATED)
		part(&p, "fill_unstated: true");
	else if (s->fill != GOVMAP_FILL_UNSET && s->by.id)
		part(&p, "%s: %s", by[s->fill], s->by.id);
	if (s->approved_by.id)
		part(&p, "approved_by: %s", s->approved_by.id);
	if (s->elected_member != GOVMAP_UNKNOWN)
		part(&p, "elected_member: %s", tri(s->elected_member));
	if (s->voting != GOVMAP_UNKNOWN)
		part(&p, "voting: %s", tri(s->voting));
	if (s->vacant)
		part(&p, "vacant: %u", s->vacant);
	if (s->vacant_since) {
		char vs[16];
		govmap_date_format(vs, s->vacant_since);
		part(&p, "vacant_since: %s", vs);
	}
	period_text(per, sizeof per, s->valid);
	if (per[0])
		part(&p, "valid: %s", per);
	if (s->notes)
		part(&p, "notes: %s", s->notes);
	if (p.bad) {
		free(p.s);
		return NULL;
	}
	return p.s;
}

int govmap_entity_field(char ***out, size_t *n, const govmap_entity *e,
			const char *key)
{
	govmap__field_view f;
	int found = 0;
	*out = NULL;
	*n = 0;
	for (size_t i = 0; !found && govmap__schema_field(i, &f); i++)
		found = (f.kinds & (1u << e->kind)) && strcmp(f.key, key) == 0;
	if (!found)
		return GOVMAP_ENOTFOUND;

	const char *base = (const char *)e;
	const void *at = base + f.off;
	size_t count = f.off_n ? *(const size_t *)(base + f.off_n) : 0;
	items it = {NULL, 0, 0, 0};
	char d[11];
	const char *t = f.type;

	if (strcmp(t, "kind") == 0) {
		addf(&it, "%s", govmap_kind_name(e->kind));
	} else if (strcmp(t, "id") == 0 || strcmp(t, "text") == 0 ||
		   strcmp(t, "name") == 0 || strcmp(t, "region") == 0) {
		const char *s = *(char *const *)at;
		if (s)
			addf(&it, "%s", s);
	} else if (strcmp(t, "date") == 0) {
		govmap_date v = *(const govmap_date *)at;
		if (v) {
			govmap_date_format(d, v);
			addf(&it, "%s", d);
		}
	} else if (strcmp(t, "money") == 0) {
		int64_t v = *(const int64_t *)at;
		if (v >= 0)
			addf(&it, "%lld", (long long)v);
	} else if (strcmp(t, "money-series") == 0) {
		for (size_t k = 0; k < e->nmoney; k++) {
			const govmap_money *m = &e->money[k];
			char fy[16];
			govmap_fyear_format(fy, sizeof fy, m->year);
			addf(&it, "%s %s %lld <%s>%s%s", fy,
			     govmap_money_kind_name(m->kind), (long long)m->gbp,
			     m->source ? m->source : "", m->notes ? " " : "",
			     m->notes ? m->notes : "");
		}
	} else if (strcmp(t, "financial-year") == 0) {
		int32_t y = *(const int32_t *)at;
		if (y)
			addf(&it, "%d/%02d", (int)y, (int)((y + 1) % 100));
	} else if (strcmp(t, "bool") == 0) {
		govmap_tristate v = *(const govmap_tristate *)at;
		if (v != GOVMAP_UNKNOWN)
			addf(&it, "%s", tri(v));
	} else if (strcmp(t, "ref") == 0) {
		const govmap_ref *r = at;
		if (r->id)
			addf(&it, "%s", r->id);
	} else if (strcmp(t, "ref-list") == 0) {
		const govmap_ref *r = *(govmap_ref *const *)at;
		for (size_t k = 0; k < count; k++)
			addf(&it, "%s", r[k].id ? r[k].id : "");
	} else if (strcmp(t, "text-list") == 0) {
		char *const *s = *(char **const *)at;
		for (size_t k = 0; k < count; k++)
			addf(&it, "%s", s[k] ? s[k] : "");
	} else if (strcmp(t, "sources") == 0) {
		for (size_t k = 0; k < e->nsources; k++) {
			const govmap_source *s = &e->sources[k];
			govmap_date_format(d, s->accessed);
			addf(&it, "%s <%s> accessed %s",
			     s->title ? s->title : "", s->url ? s->url : "", d);
		}
	} else if (strcmp(t, "codes") == 0) {
		for (size_t k = 0; k < e->ncodes; k++)
			addf(&it, "%s: %s", e->codes[k].scheme,
			     e->codes[k].value);
	} else if (strcmp(t, "suppress") == 0) {
		for (size_t k = 0; k < e->nsuppress; k++)
			addf(&it, "%s: %s", e->suppress[k].rule,
			     e->suppress[k].reason ? e->suppress[k].reason
						   : "");
	} else if (strcmp(t, "period") == 0) {
		char per[64];
		period_text(per, sizeof per, *(const govmap_period *)at);
		if (per[0])
			addf(&it, "%s", per);
	} else if (strcmp(t, "seats") == 0) {
		for (size_t k = 0; k < e->nseats; k++)
			add(&it, seat_text(&e->seats[k]));
	} else if (strcmp(t, "forum") == 0) {
		if (e->forum)
			addf(&it, "%s", govmap_forum_name(e->forum));
	} else if (strcmp(t, "basis") == 0) {
		if (e->basis)
			addf(&it, "%s", govmap_basis_name(e->basis));
	} else if (strcmp(t, "powers") == 0) {
		if (e->powers)
			addf(&it, "%s%s%s%s%s",
			     e->powers & GOVMAP_POWER_INFORM ? "inform" : "",
			     (e->powers & GOVMAP_POWER_INFORM) &&
					     (e->powers & ~1u)
				     ? ", "
				     : "",
			     e->powers & GOVMAP_POWER_QUESTION ? "question"
							       : "",
			     (e->powers & GOVMAP_POWER_QUESTION) &&
					     (e->powers & GOVMAP_POWER_SANCTION)
				     ? ", "
				     : "",
			     e->powers & GOVMAP_POWER_SANCTION ? "sanction"
							       : "");
	}
	if (it.bad) {
		govmap_strings_free(it.v, it.n);
		return GOVMAP_ENOMEM;
	}
	*out = it.v;
	*n = it.n;
	return GOVMAP_OK;
}
