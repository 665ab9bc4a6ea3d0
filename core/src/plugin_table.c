/*
 * plugin_table.c - the host table (govmap/plugin.h): read-only accessors over the
 * registry model that a plugin's rules call, and the findings sink.
 * Every accessor accepts any index and returns the "absent" value for
 * one out of range or of the wrong kind.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "registry_impl.h"
#include "util.h"

#include "plugin_impl.h"


static const govmap_entity *ent(const govmap_rule_ctx *c, int32_t e)
{
	if (!c || e < 0 || (size_t)e >= govmap_registry_count(c->reg))
		return NULL;
	return govmap_registry_at(c->reg, (size_t)e);
}

static const govmap_entity *entk(const govmap_rule_ctx *c, int32_t e,
				 govmap_kind k)
{
	const govmap_entity *x = ent(c, e);
	return x && x->kind == k ? x : NULL;
}

static const govmap_seat *seat(const govmap_rule_ctx *c, int32_t e, size_t s)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_BOARD);
	return x && s < x->nseats ? &x->seats[s] : NULL;
}

static govmap_date h_on(const govmap_rule_ctx *c) { return c ? c->on : 0; }
static int h_in_force(const govmap_rule_ctx *c, govmap_period p)
{
	return govmap_period_contains(p, c ? c->on : 0);
}
static int32_t h_entity_count(const govmap_rule_ctx *c)
{
	return c ? (int32_t)govmap_registry_count(c->reg) : 0;
}
static int32_t h_find(const govmap_rule_ctx *c, const char *id)
{
	return c && id ? govmap_registry_index(c->reg, id) : -1;
}
static govmap_kind h_kind(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = ent(c, e);
	return x ? x->kind : GOVMAP_KIND__COUNT;
}
#define STR_GETTER(fn, field)                                               \
	static const char *fn(const govmap_rule_ctx *c, int32_t e)          \
	{                                                                   \
		const govmap_entity *x = ent(c, e);                         \
		return x ? x->field : NULL;                                 \
	}
STR_GETTER(h_id, id)
STR_GETTER(h_name, name)
STR_GETTER(h_type, type)
STR_GETTER(h_region, region)
STR_GETTER(h_statutory_basis, statutory_basis)

static govmap_period h_valid(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = ent(c, e);
	govmap_period z = {0, 0};
	return x ? x->valid : z;
}
static const char *h_code(const govmap_rule_ctx *c, int32_t e,
			  const char *scheme)
{
	const govmap_entity *x = ent(c, e);
	return x && scheme ? govmap_entity_code(x, scheme) : NULL;
}
static size_t h_source_count(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = ent(c, e);
	return x ? x->nsources : 0;
}
/* The money of the financial year of the rules' date, never another
 * year's: what the analysis uses by default. */
static govmap_money_figure money_now(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = ent(c, e);
	govmap_money_figure f;
	govmap_entity_money(x && (x->kind == GOVMAP_KIND_BODY ||
				  x->kind == GOVMAP_KIND_BOARD)
				    ? x
				    : NULL,
			    c ? c->on : 0, GOVMAP_MONEY_THIS_YEAR, &f);
	return f;
}
static int64_t h_spend_gbp(const govmap_rule_ctx *c, int32_t e)
{
	return money_now(c, e).gbp;
}
static int32_t h_money_year(const govmap_rule_ctx *c, int32_t e)
{
	return money_now(c, e).year;
}
static govmap_post h_seat_post(const govmap_rule_ctx *c, int32_t e,
			       size_t s)
{
	const govmap_seat *t = seat(c, e, s);
	return t ? t->post : GOVMAP_POST_UNSET;
}
static govmap_tristate h_meets_in_public(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = ent(c, e);
	return x && (x->kind == GOVMAP_KIND_BODY ||
		     x->kind == GOVMAP_KIND_BOARD) ? x->meets_in_public
						   : GOVMAP_UNKNOWN;
}
static int32_t h_replaces(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = ent(c, e);
	return x && x->replaces.id ? x->replaces.target : -1;
}
static int32_t h_succeeded_by(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = ent(c, e);
	return x && x->succeeded_by.id ? x->succeeded_by.target : -1;
}
static int32_t h_board_of(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_BOARD);
	return x && x->of.id ? x->of.target : -1;
}
static size_t h_board_joint_count(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_BOARD);
	return x ? x->njoint : 0;
}
static int32_t h_board_joint(const govmap_rule_ctx *c, int32_t e, size_t i)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_BOARD);
	return x && i < x->njoint ? x->joint[i].target : -1;
}
static size_t h_board_decides_count(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_BOARD);
	return x ? x->ndecides : 0;
}
static const char *h_board_decides(const govmap_rule_ctx *c, int32_t e,
				   size_t i)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_BOARD);
	return x && i < x->ndecides ? x->decides[i] : NULL;
}
static size_t h_seat_count(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_BOARD);
	return x ? x->nseats : 0;
}
static const char *h_seat_role(const govmap_rule_ctx *c, int32_t e, size_t s)
{
	const govmap_seat *t = seat(c, e, s);
	return t ? t->role : NULL;
}
static uint32_t h_seat_number(const govmap_rule_ctx *c, int32_t e, size_t s)
{
	const govmap_seat *t = seat(c, e, s);
	return t ? t->count : 0;
}
static govmap_fill h_seat_fill(const govmap_rule_ctx *c, int32_t e, size_t s)
{
	const govmap_seat *t = seat(c, e, s);
	return t ? t->fill : GOVMAP_FILL_UNSET;
}
static int32_t h_seat_by(const govmap_rule_ctx *c, int32_t e, size_t s)
{
	const govmap_seat *t = seat(c, e, s);
	return t && t->by.id ? t->by.target : -1;
}
static int32_t h_seat_approved_by(const govmap_rule_ctx *c, int32_t e,
				  size_t s)
{
	const govmap_seat *t = seat(c, e, s);
	return t && t->approved_by.id ? t->approved_by.target : -1;
}
static govmap_tristate h_seat_elected_member(const govmap_rule_ctx *c,
					     int32_t e, size_t s)
{
	const govmap_seat *t = seat(c, e, s);
	return t ? t->elected_member : GOVMAP_UNKNOWN;
}
static govmap_tristate h_seat_voting(const govmap_rule_ctx *c, int32_t e,
				     size_t s)
{
	const govmap_seat *t = seat(c, e, s);
	return t ? t->voting : GOVMAP_UNKNOWN;
}
static uint32_t h_seat_vacant(const govmap_rule_ctx *c, int32_t e, size_t s)
{
	const govmap_seat *t = seat(c, e, s);
	return t ? t->vacant : 0;
}
static govmap_period h_seat_valid(const govmap_rule_ctx *c, int32_t e,
				  size_t s)
{
	const govmap_seat *t = seat(c, e, s);
	govmap_period z = {0, 0};
	return t ? t->valid : z;
}
static int32_t h_link_from(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_LINK);
	return x && x->from.id ? x->from.target : -1;
}
static int32_t h_link_to(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_LINK);
	return x && x->to.id ? x->to.target : -1;
}
static govmap_basis h_link_basis(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_LINK);
	return x ? x->basis : GOVMAP_BASIS_UNSET;
}
static govmap_forum h_link_forum(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_LINK);
	return x ? x->forum : GOVMAP_FORUM_NONE;
}
static unsigned h_link_powers(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_LINK);
	return x ? x->powers : 0;
}
static int32_t h_contract_commissioner(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_CONTRACT);
	return x && x->commissioner.id ? x->commissioner.target : -1;
}
static int32_t h_contract_provider(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_CONTRACT);
	return x && x->provider.id ? x->provider.target : -1;
}
static int64_t h_contract_value_gbp(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_CONTRACT);
	return x ? x->value_gbp : -1;
}
static govmap_date h_contract_start(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_CONTRACT);
	return x ? x->start : 0;
}
static govmap_date h_contract_end(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_CONTRACT);
	return x ? x->end : 0;
}
static govmap_tristate h_contract_tendered(const govmap_rule_ctx *c,
					   int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_CONTRACT);
	return x ? x->tendered : GOVMAP_UNKNOWN;
}
static govmap_tristate h_contract_published(const govmap_rule_ctx *c,
					    int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_CONTRACT);
	return x ? x->published : GOVMAP_UNKNOWN;
}


/* The length of msg[0..len) cut back, if need be, so that it does not end
 * inside a UTF-8 sequence (msg[len] is the first byte left out; at most 3
 * bytes back, the most a sequence can have before its last). */
static size_t utf8_cut(const char *msg, size_t len)
{
	size_t k = len;
	while (k > 0 && len - k < 3 && ((unsigned char)msg[k] & 0xC0) == 0x80)
		k--;
	return ((unsigned char)msg[k] & 0xC0) == 0x80 ? len : k;
}

static void h_report(govmap_rule_ctx *c, govmap_severity sev,
		     const char *rule_id, int32_t e, const char *fmt, ...)
{
	if (!c)
		return;
	size_t r = c->rule;
	if (rule_id) {
		for (size_t i = 0; i < c->pe->nrules; i++)
			if (strcmp(govmap__rule_at(c->pe, i)->id, rule_id) == 0) {
				r = i;
				break;
			}
	}
	if ((unsigned)sev > GOVMAP_SEV_ERROR)
		sev = GOVMAP_SEV_ERROR;
	/* an index out of range: a finding about the registry as a whole,
	 * saying so, so that the author sees the slip */
	int32_t bad_e = e != -1 && !ent(c, e) ? e : -1;
	if (!ent(c, e))
		e = -1;
	if (++c->nreported > MAX_PER_RULE) {
		if (c->nreported == MAX_PER_RULE + 1) {
			static const char m[] = "further findings of this rule "
						"were dropped (limit 10000)";
			govmap__plugin_send(c->fd, REC_FINDING, GOVMAP_SEV_WARNING,
				 c->rule, -1, m, sizeof m - 1);
		}
		return;
	}
	char msg[MAX_MSG + 4]; /* msg[MAX_MSG] is the first byte cut off */
	int n;
	if (fmt) {
		va_list ap;
		va_start(ap, fmt);
		n = vsnprintf(msg, sizeof msg, fmt, ap);
		va_end(ap);
	} else {
		n = snprintf(msg, sizeof msg, "(the rule reported a finding "
			     "with no message: pass report() a format)");
	}
	if (n < 0)
		return;
	size_t len = (size_t)n < MAX_MSG ? (size_t)n : utf8_cut(msg, MAX_MSG);
	if (bad_e != -1) {
		char note[96];
		int k = snprintf(note, sizeof note, " (entity index %ld is out "
				 "of range: pass -1 for the registry)",
				 (long)bad_e);
		size_t nl = (size_t)k;
		if (len + nl > MAX_MSG)
			len = utf8_cut(msg, MAX_MSG - nl);
		memcpy(msg + len, note, nl);
		len += nl;
	}
	govmap__plugin_send(c->fd, REC_FINDING, (uint8_t)sev, r, e, msg, len);
}

/* --- the SDK (plugin.h: added after version 1) ----------------------- */

static const char *h_entity_region(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = ent(c, e);
	return x ? govmap_entity_region(c->reg, x) : NULL;
}

static int h_region_in(const govmap_rule_ctx *c, const char *region,
		       const char *prefix)
{
	(void)c;
	return prefix && govmap_region_in(region, prefix);
}

static int h_active(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = ent(c, e);
	if (!x || !govmap_period_contains(x->valid, c->on))
		return 0;
	if (x->kind == GOVMAP_KIND_CONTRACT)
		return (!x->start || x->start <= c->on) &&
		       (!x->end || c->on < x->end);
	return 1;
}

/* The run of by_type holding (k, type): [*lo, *hi). */
static void type_range(const govmap_rule_ctx *c, govmap_kind k,
		       const char *type, size_t *lo, size_t *hi)
{
	const govmap__pindex *ix = c ? c->ix : NULL;
	*lo = *hi = 0;
	if (!ix || !ix->by_type || (unsigned)k >= GOVMAP_KIND__COUNT)
		return;
	/* by_type is sorted by kind, then type (NULL first), then index */
	size_t a = 0, b = ix->n;
	while (a < b) { /* first of kind k */
		size_t m = a + (b - a) / 2;
		if (govmap_registry_at(c->reg, (size_t)ix->by_type[m])->kind <
		    k)
			a = m + 1;
		else
			b = m;
	}
	size_t first = a;
	b = ix->n;
	while (a < b) { /* past kind k */
		size_t m = a + (b - a) / 2;
		if (govmap_registry_at(c->reg, (size_t)ix->by_type[m])->kind <=
		    k)
			a = m + 1;
		else
			b = m;
	}
	size_t last = a;
	if (!type) {
		*lo = first;
		*hi = last;
		return;
	}
	a = first;
	b = last;
	while (a < b) {
		size_t m = a + (b - a) / 2;
		const char *t =
			govmap_registry_at(c->reg, (size_t)ix->by_type[m])->type;
		if (!t || strcmp(t, type) < 0)
			a = m + 1;
		else
			b = m;
	}
	*lo = a;
	b = last;
	while (a < b) {
		size_t m = a + (b - a) / 2;
		const char *t =
			govmap_registry_at(c->reg, (size_t)ix->by_type[m])->type;
		if (!t || strcmp(t, type) <= 0)
			a = m + 1;
		else
			b = m;
	}
	*hi = a;
}

static size_t h_type_count(const govmap_rule_ctx *c, govmap_kind k,
			   const char *type)
{
	size_t lo, hi;
	type_range(c, k, type, &lo, &hi);
	return hi - lo;
}

static int32_t h_type_at(const govmap_rule_ctx *c, govmap_kind k,
			 const char *type, size_t i)
{
	size_t lo, hi;
	type_range(c, k, type, &lo, &hi);
	return i < hi - lo ? c->ix->by_type[lo + i] : -1;
}

/* Entry i of e's group in a CSR index, or the group's size. */
static size_t group_count(const govmap_rule_ctx *c, const size_t *start,
			  int32_t e)
{
	if (!c || !c->ix || !start || !ent(c, e))
		return 0;
	return start[e + 1] - start[e];
}

static int32_t group_at(const govmap_rule_ctx *c, const size_t *start,
			const int32_t *idx, int32_t e, size_t i)
{
	return i < group_count(c, start, e) ? idx[start[e] + i] : -1;
}

static size_t h_links_from_count(const govmap_rule_ctx *c, int32_t e)
{
	return group_count(c, c && c->ix ? c->ix->from_start : NULL, e);
}
static int32_t h_link_from_at(const govmap_rule_ctx *c, int32_t e, size_t i)
{
	return c && c->ix ? group_at(c, c->ix->from_start, c->ix->from_idx, e, i) : -1;
}
static size_t h_links_to_count(const govmap_rule_ctx *c, int32_t e)
{
	return group_count(c, c && c->ix ? c->ix->to_start : NULL, e);
}
static int32_t h_link_to_at(const govmap_rule_ctx *c, int32_t e, size_t i)
{
	return c && c->ix ? group_at(c, c->ix->to_start, c->ix->to_idx, e, i) : -1;
}
static size_t h_boards_count(const govmap_rule_ctx *c, int32_t e)
{
	return group_count(c, c && c->ix ? c->ix->board_start : NULL, e);
}
static int32_t h_board_at(const govmap_rule_ctx *c, int32_t e, size_t i)
{
	return c && c->ix ? group_at(c, c->ix->board_start, c->ix->board_idx, e, i)
		 : -1;
}

static int h_score(const govmap_rule_ctx *c, int32_t e, double *a,
		   int32_t *next)
{
	const govmap_entity *x = ent(c, e);
	if (!x || !c->an ||
	    (x->kind != GOVMAP_KIND_BODY && x->kind != GOVMAP_KIND_BOARD))
		return -1;
	const govmap_score *sc = govmap_analysis_score(c->an, (size_t)e);
	if (!sc || !sc->active)
		return -1;
	if (a)
		*a = sc->A;
	if (next) {
		size_t ne = 0;
		const govmap_edge *edges = govmap_analysis_edges(c->an, &ne);
		*next = sc->next >= 0 && (size_t)sc->next < ne
				? edges[sc->next].to
				: -1;
	}
	return 0;
}

static const char *h_legal_form(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_BODY);
	return x ? x->legal_form : NULL;
}
static const char *h_notes(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = ent(c, e);
	return x ? x->notes : NULL;
}
static govmap_tristate h_publishes_papers(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = ent(c, e);
	return x && (x->kind == GOVMAP_KIND_BODY ||
		     x->kind == GOVMAP_KIND_BOARD)
		       ? x->publishes_papers
		       : GOVMAP_UNKNOWN;
}
static const char *h_seat_notes(const govmap_rule_ctx *c, int32_t e, size_t s)
{
	const govmap_seat *x = seat(c, e, s);
	return x ? x->notes : NULL;
}

static int h_is_type(const govmap_rule_ctx *c, int32_t e, const char *type)
{
	const govmap_entity *x = ent(c, e);
	return x && x->type && type && strcmp(x->type, type) == 0;
}

typedef struct {
	int32_t *out;
	size_t max, n;
	int32_t self; /* x: never a member of itself, nor takes a place */
} member_set;

static void member_add(const govmap_rule_ctx *c, member_set *m, int32_t e)
{
	if (e < 0 || e == m->self || !ent(c, e) || m->n >= m->max)
		return;
	for (size_t i = 0; i < m->n; i++)
		if (m->out[i] == e)
			return;
	m->out[m->n++] = e;
}

static void seat_members(const govmap_rule_ctx *c, int32_t b, member_set *m)
{
	const govmap_entity *x = entk(c, b, GOVMAP_KIND_BOARD);
	for (size_t s = 0; x && s < x->nseats; s++)
		if (govmap_period_contains(x->seats[s].valid, c->on) &&
		    entk(c, x->seats[s].by.target, GOVMAP_KIND_BODY))
			member_add(c, m, x->seats[s].by.target);
}

/* A link in force that makes a member of x: a member-of link to x, or
 * x's reports-to link to a local authority. */
static int32_t member_by_link(const govmap_rule_ctx *c, int32_t x, int32_t l)
{
	const govmap_entity *e = ent(c, l);
	if (!e || !h_active(c, l))
		return -1;
	if (h_is_type(c, l, "member-of") && e->to.target == x)
		return e->from.target;
	if (h_is_type(c, l, "reports-to") && e->from.target == x &&
	    h_is_type(c, e->to.target, "local-authority"))
		return e->to.target;
	return -1;
}

static size_t h_members(const govmap_rule_ctx *c, int32_t x, int32_t *out,
			size_t max)
{
	member_set m = {out, out ? max : 0, 0, x};
	const govmap_entity *e = ent(c, x);
	if (!e || !c->ix)
		return 0;
	if (e->kind == GOVMAP_KIND_BOARD) {
		for (size_t i = 0; i < e->njoint; i++)
			member_add(c, &m, e->joint[i].target);
		member_add(c, &m, e->of.target);
		seat_members(c, x, &m);
	}
	for (size_t i = 0; i < h_boards_count(c, x); i++) {
		int32_t b = h_board_at(c, x, i);
		const govmap_entity *be = ent(c, b);
		if (be && be->of.target == x && h_active(c, b))
			seat_members(c, b, &m);
	}
	/* the links to and from x, merged in registry order */
	size_t nt = h_links_to_count(c, x), nf = h_links_from_count(c, x);
	for (size_t i = 0, j = 0; i < nt || j < nf;) {
		int32_t lt = i < nt ? h_link_to_at(c, x, i) : INT32_MAX;
		int32_t lf = j < nf ? h_link_from_at(c, x, j) : INT32_MAX;
		int32_t l = lt <= lf ? lt : lf;
		if (lt == l)
			i++;
		if (lf == l)
			j++;
		member_add(c, &m, member_by_link(c, x, l));
	}
	return m.n;
}

static char *h_join_ids(const govmap_rule_ctx *c, const int32_t *v, size_t n,
			char *buf, size_t size)
{
	size_t len = 0;
	if (!buf || !size)
		return buf;
	buf[0] = '\0';
	for (size_t i = 0; v && i < n && len < size; i++) {
		const char *id = ent(c, v[i]) ? ent(c, v[i])->id : "?";
		int k = snprintf(buf + len, size - len, "%s%s", i ? ", " : "",
				 id);
		if (k < 0)
			break;
		len += (size_t)k;
	}
	return buf;
}

/* --- the index behind the iterators ----------------------------------- */

static int by_kind_type(const void *a, const void *b, void *ctx)
{
	const govmap_registry *reg = ctx;
	int32_t i = *(const int32_t *)a, j = *(const int32_t *)b;
	const govmap_entity *x = govmap_registry_at(reg, (size_t)i);
	const govmap_entity *y = govmap_registry_at(reg, (size_t)j);
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (!x->type != !y->type)
		return x->type ? 1 : -1;
	int r = x->type ? strcmp(x->type, y->type) : 0;
	return r ? r : (i > j) - (i < j);
}

/* A CSR grouping: for each entity, the entities `key` maps to it (each
 * entity may map to up to `fan` keys: key(e, k) for k < fan, -1 = none). */
typedef int32_t (*key_fn)(const govmap_entity *e, size_t k);

static int group(const govmap_registry *reg, size_t n, key_fn key, size_t fan,
		 size_t **start_out, int32_t **idx_out)
{
	size_t *start = calloc(n + 1, sizeof(*start));
	if (!start)
		return -1;
	size_t total = 0;
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(reg, i);
		for (size_t k = 0; k < fan; k++) {
			int32_t t = key(e, k);
			if (t >= 0 && (size_t)t < n) {
				start[t + 1]++;
				total++;
			}
		}
	}
	for (size_t i = 0; i < n; i++)
		start[i + 1] += start[i];
	int32_t *idx = malloc((total ? total : 1) * sizeof(*idx));
	size_t *fill = malloc((n + 1) * sizeof(*fill));
	if (!idx || !fill) {
		free(start);
		free(idx);
		free(fill);
		return -1;
	}
	memcpy(fill, start, (n + 1) * sizeof(*fill));
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(reg, i);
		for (size_t k = 0; k < fan; k++) {
			int32_t t = key(e, k);
			if (t >= 0 && (size_t)t < n)
				idx[fill[t]++] = (int32_t)i;
		}
	}
	free(fill);
	*start_out = start;
	*idx_out = idx;
	return 0;
}

static int32_t key_from(const govmap_entity *e, size_t k)
{
	return e->kind == GOVMAP_KIND_LINK && k == 0 ? e->from.target : -1;
}
static int32_t key_to(const govmap_entity *e, size_t k)
{
	return e->kind == GOVMAP_KIND_LINK && k == 0 ? e->to.target : -1;
}
static int32_t key_board(const govmap_entity *e, size_t k)
{
	if (e->kind != GOVMAP_KIND_BOARD)
		return -1;
	if (k == 0)
		return e->of.target;
	if (k - 1 >= e->njoint)
		return -1;
	/* a body named twice in `joint` counts once */
	for (size_t j = 0; j + 1 < k; j++)
		if (e->joint[j].target == e->joint[k - 1].target)
			return -1;
	return e->joint[k - 1].target == e->of.target ? -1
						      : e->joint[k - 1].target;
}

int govmap__pindex_build(govmap__pindex *ix, const govmap_registry *reg)
{
	memset(ix, 0, sizeof(*ix));
	size_t n = govmap_registry_count(reg), fan = 1;
	for (size_t i = 0; i < n; i++) {
		size_t nj = govmap_registry_at(reg, i)->njoint + 1;
		if (nj > fan)
			fan = nj;
	}
	ix->n = n;
	ix->by_type = malloc((n ? n : 1) * sizeof(*ix->by_type));
	if (!ix->by_type)
		return -1;
	for (size_t i = 0; i < n; i++)
		ix->by_type[i] = (int32_t)i;
	govmap_sort(ix->by_type, n, sizeof(*ix->by_type), by_kind_type,
		    (void *)reg);
	if (group(reg, n, key_from, 1, &ix->from_start, &ix->from_idx) < 0 ||
	    group(reg, n, key_to, 1, &ix->to_start, &ix->to_idx) < 0 ||
	    group(reg, n, key_board, fan, &ix->board_start,
		  &ix->board_idx) < 0) {
		govmap__pindex_free(ix);
		return -1;
	}
	return 0;
}

void govmap__pindex_free(govmap__pindex *ix)
{
	free(ix->by_type);
	free(ix->from_start);
	free(ix->from_idx);
	free(ix->to_start);
	free(ix->to_idx);
	free(ix->board_start);
	free(ix->board_idx);
	memset(ix, 0, sizeof(*ix));
}

const govmap_host govmap__host_table = {
	.abi_version = GOVMAP_PLUGIN_ABI_VERSION,
	.struct_size = sizeof(govmap_host),
	.on = h_on,
	.in_force = h_in_force,
	.entity_count = h_entity_count,
	.find = h_find,
	.kind = h_kind,
	.id = h_id,
	.name = h_name,
	.type = h_type,
	.region = h_region,
	.valid = h_valid,
	.code = h_code,
	.source_count = h_source_count,
	.statutory_basis = h_statutory_basis,
	.spend_gbp = h_spend_gbp,
	.meets_in_public = h_meets_in_public,
	.replaces = h_replaces,
	.succeeded_by = h_succeeded_by,
	.board_of = h_board_of,
	.board_joint_count = h_board_joint_count,
	.board_joint = h_board_joint,
	.board_decides_count = h_board_decides_count,
	.board_decides = h_board_decides,
	.seat_count = h_seat_count,
	.seat_role = h_seat_role,
	.seat_number = h_seat_number,
	.seat_fill = h_seat_fill,
	.seat_by = h_seat_by,
	.seat_approved_by = h_seat_approved_by,
	.seat_elected_member = h_seat_elected_member,
	.seat_voting = h_seat_voting,
	.seat_vacant = h_seat_vacant,
	.seat_valid = h_seat_valid,
	.link_from = h_link_from,
	.link_to = h_link_to,
	.link_basis = h_link_basis,
	.link_forum = h_link_forum,
	.link_powers = h_link_powers,
	.contract_commissioner = h_contract_commissioner,
	.contract_provider = h_contract_provider,
	.contract_value_gbp = h_contract_value_gbp,
	.contract_start = h_contract_start,
	.contract_end = h_contract_end,
	.contract_tendered = h_contract_tendered,
	.contract_published = h_contract_published,
	.report = h_report,
	.entity_region = h_entity_region,
	.region_in = h_region_in,
	.active = h_active,
	.type_count = h_type_count,
	.type_at = h_type_at,
	.links_from_count = h_links_from_count,
	.link_from_at = h_link_from_at,
	.links_to_count = h_links_to_count,
	.link_to_at = h_link_to_at,
	.boards_count = h_boards_count,
	.board_at = h_board_at,
	.score = h_score,
	.legal_form = h_legal_form,
	.notes = h_notes,
	.publishes_papers = h_publishes_papers,
	.seat_notes = h_seat_notes,
	.is_type = h_is_type,
	.members = h_members,
	.join_ids = h_join_ids,
	.money_year = h_money_year,
	.seat_post = h_seat_post,
};

