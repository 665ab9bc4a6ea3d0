/*
 * compare.c - compare.h: two entities field by field (through the
 * schema's canonical text), the diff of two sessions (entities, scores
 * and the chain entity whose change moved them, findings gained and
 * lost, total exposure), the one wording of a change, the files that
 * differ between two sources (by a 64-bit FNV-1a hash and the length of
 * their content), and the timeline over a Git registry's commits.
 *
 * It reads sessions and never changes them; it never prints.  Loading a
 * commit is timeline_load() alone, so that a cache can take its place.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "govmap/compare.h"
#include "govmap/analysis.h"
#include "govmap/schema.h"
#include "analysis_impl.h"
#include "parse_cache.h"
#include "registry_impl.h"
#include "util.h"
#include "vcs_impl.h"

/* --- entities, field by field ---------------------------------------- */

static int same_items(char **a, size_t na, char **b, size_t nb)
{
	if (na != nb)
		return 0;
	for (size_t i = 0; i < na; i++)
		if (strcmp(a[i], b[i]) != 0)
			return 0;
	return 1;
}

void govmap_field_changes_free(govmap_field_change *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++) {
		govmap_strings_free(v[i].a, v[i].na);
		govmap_strings_free(v[i].b, v[i].nb);
	}
	free(v);
}

/* Compare field `key` (absent from an entity of another kind); append a
 * change when the values differ.  0 or -1 on out-of-memory. */
static int compare_key(govmap_field_change **v, size_t *n, size_t *cap,
		       const govmap_entity *a, const govmap_entity *b,
		       const char *key)
{
	govmap_field_change c = {key, NULL, NULL, 0, 0};
	if (govmap_entity_field(&c.a, &c.na, a, key) == GOVMAP_ENOMEM ||
	    govmap_entity_field(&c.b, &c.nb, b, key) == GOVMAP_ENOMEM) {
		govmap_strings_free(c.a, c.na);
		govmap_strings_free(c.b, c.nb);
		return -1;
	}
	if (same_items(c.a, c.na, c.b, c.nb)) {
		govmap_strings_free(c.a, c.na);
		govmap_strings_free(c.b, c.nb);
		return 0;
	}
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 8;
		govmap_field_change *nv = realloc(*v, nc * sizeof(*nv));
		if (!nv) {
			govmap_strings_free(c.a, c.na);
			govmap_strings_free(c.b, c.nb);
			return -1;
		}
		*v = nv;
		*cap = nc;
	}
	(*v)[(*n)++] = c;
	return 0;
}

#define MAXKEYS 64

int govmap_entity_compare(govmap_field_change **out, size_t *n,
			  const govmap_entity *a, const govmap_entity *b)
{
	govmap_field_info fa[MAXKEYS], fb[MAXKEYS];
	size_t na = govmap_schema_fields(a->kind, fa, MAXKEYS);
	size_t nb = govmap_schema_fields(b->kind, fb, MAXKEYS);
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	if (na > MAXKEYS || nb > MAXKEYS)
		return GOVMAP_ENOMEM;
	for (size_t i = 0; i < na; i++)
		if (compare_key(out, n, &cap, a, b, fa[i].key) < 0)
			goto fail;
	/* keys only the other kind has (a kind changed) */
	for (size_t j = 0; j < nb; j++) {
		size_t i = 0;
		while (i < na && strcmp(fa[i].key, fb[j].key) != 0)
			i++;
		if (i == na && compare_key(out, n, &cap, a, b, fb[j].key) < 0)
			goto fail;
	}
	return GOVMAP_OK;
fail:
	govmap_field_changes_free(*out, *n);
	*out = NULL;
	*n = 0;
	return GOVMAP_ENOMEM;
}

int govmap_field_text(char **out, const govmap_entity *e, const char *key)
{
	char **v;
	size_t n, len = 0;
	*out = NULL;
	int rc = govmap_entity_field(&v, &n, e, key);
	if (rc == GOVMAP_ENOTFOUND)
		return GOVMAP_OK;
	if (rc != GOVMAP_OK)
		return GOVMAP_ENOMEM;
	for (size_t k = 0; k < n; k++)
		len += strlen(v[k]) + 1;
	if (n && (*out = malloc(len))) {
		char *p = *out;
		for (size_t k = 0; k < n; k++)
			p += sprintf(p, "%s%s", k ? "\n" : "", v[k]);
	}
	govmap_strings_free(v, n);
	return n && !*out ? GOVMAP_ENOMEM : GOVMAP_OK;
}

/* --- two sessions ------------------------------------------------------ */

/* The diff with what only this file needs: each side's entity index ->
 * entry index. */
typedef struct {
	govmap_diff d; /* first: a govmap_diff * is a diff_impl * */
	int32_t *entry_of[2];
	const govmap_registry *reg[2];
	const govmap_analysis *an[2];
	/* each side's entity indexes sorted by id: given (borrowed) or
	 * sorted here (owned, `own`) */
	size_t *by_id[2];
	int own[2];
} diff_impl;

static double round6(double x)
{
	return round(x * 1e6) / 1e6;
}

static int by_id(const void *x, const void *y, void *ctx)
{
	const govmap_registry *reg = ctx;
	return strcmp(govmap_registry_at(reg, *(const size_t *)x)->id,
		      govmap_registry_at(reg, *(const size_t *)y)->id);
}

static size_t *sorted_ids(const govmap_registry *reg)
{
	size_t n = govmap_registry_count(reg);
	size_t *v = malloc((n ? n : 1) * sizeof(*v));
	if (!v)
		return NULL;
	for (size_t i = 0; i < n; i++)
		v[i] = i;
	govmap_sort(v, n, sizeof(*v), by_id, (void *)reg);
	return v;
}

/* Registry b's entity indexes in the order sorted_ids(b) gives, from
 * a's (a_by_id: a's indexes sorted by id) and b's index by id: the ids
 * both have, in a's order, merged with the rest of b sorted alone (most
 * of a commit's entities are the previous commit's, so this sorts the
 * few new ones instead of all).  NULL when an id of b is twice in a or
 * in b (then the caller sorts b: a duplicate's place among its equals
 * is the index order, which only the full sort gives) or out of
 * memory.  Owned by the caller. */
static size_t *sorted_like(const govmap_registry *b, const govmap_registry *a,
			   const size_t *a_by_id)
{
	size_t na = govmap_registry_count(a), nb = govmap_registry_count(b);
	size_t *m = malloc((nb ? nb : 1) * sizeof(*m));
	size_t *out = malloc((nb ? nb : 1) * sizeof(*out));
	unsigned char *seen = calloc(nb ? nb : 1, 1);
	size_t nm = 0, nr = 0, k = 0;
	int ok = m && out && seen;
	for (size_t i = 0; ok && i < na; i++) {
		int32_t j = govmap_registry_index(
			b, govmap_registry_at(a, a_by_id[i])->id);
		if (j < 0)
			continue;
		if (seen[j])
			ok = 0; /* twice in a (an id absent from b is harmless) */
		seen[j] = 1;
		m[nm++] = (size_t)j;
	}
	/* the rest, in index order, sorted (stable) after out[nm..] */
	size_t *r = out + nm;
	for (size_t j = 0; ok && j < nb; j++)
		if (!seen[j])
			r[nr++] = j;
	if (ok)
		govmap_sort(r, nr, sizeof(*r), by_id, (void *)b);
	/* merge m (sorted, distinct) and r into m's storage */
	size_t i = 0, q = 0;
	size_t *v = seen && ok ? malloc((nb ? nb : 1) * sizeof(*v)) : NULL;
	ok = ok && v;
	while (ok && (i < nm || q < nr)) {
		int c = i >= nm ? 1 : q >= nr ? -1
			: strcmp(govmap_registry_at(b, m[i])->id,
				 govmap_registry_at(b, r[q])->id);
		if (c == 0)
			ok = 0; /* twice in b */
		else
			v[k++] = c < 0 ? m[i++] : r[q++];
	}
	free(m);
	free(out);
	free(seen);
	if (!ok) {
		free(v);
		return NULL;
	}
	return v;
}

/* Exposure is added up in fixed point, in 1/65536ths of a pound: whole
 * numbers add up exactly, so a total does not depend on the order of its
 * terms, and a timeline can take a share out and put another in
 * (patch_prev) and reach the sum a load gives.  A share is at most 2^-17
 * of a pound away from the analysis's figure. */
#define EXPOSURE_UNIT 65536.0

/* An entity's share of the total exposure, by score sc (its deficit and
 * money): a body's or board's in force (not an electorate's) with money. */
static int64_t exposure_share(const govmap_entity *e, const govmap_score *sc)
{
	int64_t money = sc->money;
	if ((e->kind != GOVMAP_KIND_BODY && e->kind != GOVMAP_KIND_BOARD) ||
	    !sc->active || sc->electorate || money <= 0)
		return 0;
	/* the analysis's product (govmap_analyse), scaled by a power of 2 */
	return llround(sc->D * (double)money * EXPOSURE_UNIT);
}

/* Does entity e (score sc) count towards the total with money recorded
 * (the bodies and boards exposure_share reads; 0 when its money is not
 * recorded)? */
static int priced_share(const govmap_entity *e, const govmap_score *sc)
{
	return (e->kind == GOVMAP_KIND_BODY || e->kind == GOVMAP_KIND_BOARD) &&
	       sc->active && !sc->electorate && sc->money >= 0;
}

/* The total in EXPOSURE_UNITs; *priced (when not NULL) is how many
 * entities have money recorded (priced_share) */
static int64_t exposure_units(const govmap_registry *reg,
			      const govmap_analysis *an, size_t *priced)
{
	int64_t sum = 0;
	size_t n = an ? govmap_registry_count(reg) : 0, k = 0;
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(reg, i);
		const govmap_score *sc = govmap_analysis_score(an, i);
		sum += exposure_share(e, sc);
		k += (size_t)priced_share(e, sc);
	}
	if (priced)
		*priced = k;
	return sum;
}

static double exposure_of(const govmap_registry *reg,
			  const govmap_analysis *an)
{
	return (double)exposure_units(reg, an, NULL) / EXPOSURE_UNIT;
}

double govmap_exposure_total(const govmap_session *s)
{
	return exposure_of(govmap_session_registry(s),
			   govmap_session_analysis(s));
}

size_t govmap_exposure_count(const govmap_session *s)
{
	size_t k;
	exposure_units(govmap_session_registry(s),
		       govmap_session_analysis(s), &k);
	return k;
}

const govmap_entity *govmap_diff_entity(const govmap_diff *d,
					const govmap_diff_entry *e, int side)
{
	const diff_impl *x = (const diff_impl *)d;
	int32_t i = side ? e->b : e->a;
	return i < 0 ? NULL : govmap_registry_at(x->reg[side ? 1 : 0],
						 (size_t)i);
}

const govmap_diff_entry *govmap_diff_find(const govmap_diff *d,
					  const char *id)
{
	size_t lo = 0, hi = d->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(d->v[mid].id, id);
		if (c == 0)
			return &d->v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* an id before its rename */
	for (size_t k = 0; d->renamed && k < d->n; k++)
		if (d->v[k].was && strcmp(d->v[k].was, id) == 0)
			return &d->v[k];
	return NULL;
}

/* Link `l` (added 'A', removed 'D' or changed 'M') touches the entries
 * of its ends. */
static void count_link(govmap_diff *d, const govmap_entity *l, int what)
{
	const char *ends[2] = {l->from.id, l->to.id};
	for (int k = 0; k < 2; k++) {
		if (!ends[k])
			continue;
		govmap_diff_entry *r =
			(govmap_diff_entry *)govmap_diff_find(d, ends[k]);
		if (!r)
			continue;
		if (what == 'A')
			r->links_new++;
		else if (what == 'D')
			r->links_gone++;
		else
			r->links_changed++;
	}
}

static void score_of(const diff_impl *x, int side, int32_t i, bool *act,
		     double *A, double *D, double *E)
{
	const govmap_score *sc =
		govmap_analysis_score(x->an[side], (size_t)i);
	*act = sc->active;
	*A = round6(sc->A);
	*D = round6(sc->D);
	/* money not recorded: exposure unknown (-1), never £0 */
	*E = sc->money >= 0 ? round(sc->exposure) : -1;
}

static int entry_changed(const govmap_diff_entry *r)
{
	return r->a < 0 || r->b < 0 || r->nfields;
}

/* The nearest changed entry on entity i's best chain on `side`, or -1. */
static int32_t chain_cause(const diff_impl *x, int side, int32_t i)
{
	const govmap_analysis *an = x->an[side];
	size_t nedges, n = govmap_registry_count(x->reg[side]);
	const govmap_edge *edges = govmap_analysis_edges(an, &nedges);
	int32_t cur = i;
	for (size_t hop = 0; hop <= n; hop++) {
		const govmap_score *sc =
			govmap_analysis_score(an, (size_t)cur);
		if (sc->next < 0 || (size_t)sc->next >= nedges)
			return -1;
		const govmap_edge *e = &edges[sc->next];
		int32_t cand[2] = {e->link, e->to};
		for (int k = 0; k < 2; k++) {
			if (cand[k] < 0)
				continue;
			int32_t ent = x->entry_of[side][cand[k]];
			if (ent >= 0 && entry_changed(&x->d.v[ent]))
				return ent;
		}
		cur = e->to;
	}
	return -1;
}

/* --- renamed ids ------------------------------------------------------ */

/* The ids renamed so far: old id -> index into govmap_diff.v of the
 * entry it became (whose id is the new one). */
typedef struct {
	const govmap_diff *d;
	govmap__strmap old;
} renames;

static const char *renamed_to(const renames *m, const char *id, size_t len)
{
	char buf[160];
	if (!m || !m->old.n || len >= sizeof buf)
		return NULL;
	memcpy(buf, id, len);
	buf[len] = '\0';
	int32_t k = govmap__strmap_get(&m->old, buf);
	return k >= 0 ? m->d->v[k].id : NULL;
}

static int id_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
	       ch == '-' || ch == '_' || ch == '.';
}

/* Does text a read text b once every word of a that is a renamed id is
 * replaced by its new id (through m, or `id_from` by `id_to`), and (when
 * `from` is not NULL) every `from` by `to`? */
static int same_mapped2(const char *a, const char *b, const renames *m,
			const char *from, const char *to, const char *id_from,
			const char *id_to)
{
	size_t lf = from ? strlen(from) : 0;
	const char *p = a, *q = b;
	while (*p) {
		if (lf && strncmp(p, from, lf) == 0) {
			size_t lt = strlen(to);
			if (strncmp(q, to, lt) != 0)
				return 0;
			p += lf;
			q += lt;
			continue;
		}
		if (!id_char(*p) || (p > a && id_char(p[-1]))) {
			if (*p++ != *q++)
				return 0;
			continue;
		}
		size_t len = 1;
		while (id_char(p[len]))
			len++;
		const char *to_id =
			id_from && strlen(id_from) == len &&
					memcmp(id_from, p, len) == 0
				? id_to
				: renamed_to(m, p, len);
		size_t lt = to_id ? strlen(to_id) : len;
		if (strncmp(q, to_id ? to_id : p, lt) != 0)
			return 0;
		p += len;
		q += lt;
	}
	return *q == '\0';
}

/* A reference of side a as side b would write it: renamed, or as it is */
static const char *mapped(const renames *m, const char *id)
{
	const char *to = m && id ? renamed_to(m, id, strlen(id)) : NULL;
	return to ? to : id;
}

/* The parts joined with a separator no id or name holds, in the arena;
 * NULL on out of memory.  A missing part is "\x1e". */
static const char *key_join(govmap__arena *ar, const char *const *parts,
			    size_t n)
{
	size_t len = 1;
	for (size_t k = 0; k < n; k++)
		len += (parts[k] ? strlen(parts[k]) : 1) + 1;
	char *out = govmap__arena_alloc_raw(ar, len), *p = out;
	for (size_t k = 0; out && k < n; k++) {
		const char *v = parts[k] ? parts[k] : "\x1e";
		size_t l = strlen(v);
		memcpy(p, v, l);
		p += l;
		*p++ = '\x1f';
	}
	if (out)
		*p = '\0';
	return out;
}

/* What two entries, one removed and one added, must share to be one
 * entity renamed: kind, type, name and ends (refs of side a mapped
 * through the renames m; m NULL on side b) or, with `code`, kind, type
 * and that code. */
static const char *rename_key(govmap__arena *ar, const govmap_entity *e,
			      const renames *m, const govmap_code *code)
{
	if (code) {
		const char *parts[] = {govmap_kind_name(e->kind), e->type,
				       "\x1d", code->scheme, code->value};
		return key_join(ar, parts, 5);
	}
	const char *parts[] = {govmap_kind_name(e->kind),
			       e->type,
			       e->name,
			       mapped(m, e->from.id),
			       mapped(m, e->to.id),
			       mapped(m, e->of.id),
			       mapped(m, e->provider.id),
			       mapped(m, e->commissioner.id)};
	return key_join(ar, parts, 8);
}

/* The unpaired entries of one side by their keys: `first` the entry of
 * each key, `dup` the keys two entries share (which pair nothing). */
typedef struct {
	govmap__strmap first, dup;
} rename_index;

static int index_put(rename_index *ix, const char *key, int32_t k)
{
	if (!key)
		return -1;
	int r = govmap__strmap_put(&ix->first, key, k, NULL);
	return r == 1 ? govmap__strmap_put(&ix->dup, key, k, NULL) < 0 ? -1 : 0
		      : r;
}

static int index_entity(rename_index *ix, govmap__arena *ar,
			const govmap_entity *e, const renames *m, int32_t k)
{
	for (size_t c = 0; c < e->ncodes; c++)
		if (index_put(ix, rename_key(ar, e, m, &e->codes[c]), k) < 0)
			return -1;
	return index_put(ix, rename_key(ar, e, m, NULL), k);
}

/* The one removed entry with `key`, when no other removed or added entry
 * has it; else -1. */
static int32_t index_match(const rename_index *rem, const rename_index *add,
			   const char *key)
{
	if (govmap__strmap_get(&rem->dup, key) >= 0 ||
	    govmap__strmap_get(&add->dup, key) >= 0)
		return -1;
	return govmap__strmap_get(&rem->first, key);
}

/* Do a and b differ in nothing but the id and references to renamed ids?
 * 1 yes, 0 no, -1 out of memory. */
static int same_but_id(const govmap_entity *a, const govmap_entity *b,
		       const renames *m)
{
	govmap_field_change *v;
	size_t n;
	if (govmap_entity_compare(&v, &n, a, b) != GOVMAP_OK)
		return -1;
	int same = 1;
	for (size_t k = 0; same && k < n; k++) {
		if (strcmp(v[k].key, "id") == 0)
			continue;
		same = v[k].na == v[k].nb;
		for (size_t i = 0; same && i < v[k].na; i++)
			same = same_mapped2(v[k].a[i], v[k].b[i], m, NULL,
					    NULL, NULL, NULL);
	}
	govmap_field_changes_free(v, n);
	return same;
}

/* Index both sides' unpaired entries (side a's references mapped through
 * the renames so far).  0 or -1. */
static int index_sides(const govmap_diff *d, const int32_t *gone,
		       const renames *m, govmap__arena *ar,
		       rename_index *rem, rename_index *add)
{
	for (size_t k = 0; k < d->n; k++) {
		const govmap_diff_entry *r = &d->v[k];
		if (r->b < 0 && gone[k] < 0 &&
		    index_entity(rem, ar, govmap_diff_entity(d, r, 0), m,
				 (int32_t)k) < 0)
			return -1;
		if (r->a < 0 && !r->was &&
		    index_entity(add, ar, govmap_diff_entity(d, r, 1), NULL,
				 (int32_t)k) < 0)
			return -1;
	}
	return 0;
}

/* The removed entry that added entry j renames, or -1 (none, or more
 * than one could); -2 out of memory.  A shared code is enough; else the
 * key and every field but the id must match. */
static int32_t rename_of(const govmap_diff *d, size_t j, const int32_t *gone,
			 const renames *m, govmap__arena *ar,
			 const rename_index *rem, const rename_index *add)
{
	const govmap_entity *eb = govmap_diff_entity(d, &d->v[j], 1);
	for (size_t c = 0; c < eb->ncodes; c++) {
		const char *key = rename_key(ar, eb, NULL, &eb->codes[c]);
		if (!key)
			return -2;
		int32_t i = index_match(rem, add, key);
		if (i >= 0 && gone[i] < 0)
			return i;
	}
	const char *key = rename_key(ar, eb, NULL, NULL);
	if (!key)
		return -2;
	int32_t i = index_match(rem, add, key);
	if (i < 0 || gone[i] >= 0)
		return -1;
	int same = same_but_id(govmap_diff_entity(d, &d->v[i], 0), eb, m);
	return same < 0 ? -2 : same ? i : -1;
}

static void index_free(rename_index *ix)
{
	govmap__strmap_free(&ix->first);
	govmap__strmap_free(&ix->dup);
	memset(ix, 0, sizeof(*ix));
}

/* Pair each added entry with the removed one it renames, in rounds while
 * pairs are found (a link's key holds its ends, so it pairs once they
 * have), then merge each pair into one entry: the added one, which takes
 * the removed one's side a.  0 or -1 on out of memory. */
static int pair_renames(diff_impl *x)
{
	govmap_diff *d = &x->d;
	size_t nrem = 0, nadd = 0;
	for (size_t k = 0; k < d->n; k++) {
		nrem += d->v[k].b < 0;
		nadd += d->v[k].a < 0;
	}
	if (!nrem || !nadd)
		return 0;
	renames m = {d, {0}};
	rename_index rem = {0}, add = {0};
	govmap__arena ar = {0};
	int32_t *gone = malloc(d->n * sizeof(*gone));
	int rc = -1;
	if (!gone || govmap__strmap_init(&m.old, nrem < nadd ? nrem : nadd) < 0)
		goto out;
	for (size_t k = 0; k < d->n; k++)
		gone[k] = -1;
	for (int round = 0, found = 1; found && round < 8; round++) {
		found = 0;
		index_free(&rem);
		index_free(&add);
		govmap__arena_reset(&ar);
		if (govmap__strmap_init(&rem.first, nrem) < 0 ||
		    govmap__strmap_init(&rem.dup, 8) < 0 ||
		    govmap__strmap_init(&add.first, nadd) < 0 ||
		    govmap__strmap_init(&add.dup, 8) < 0 ||
		    index_sides(d, gone, &m, &ar, &rem, &add) < 0)
			goto out;
		for (size_t j = 0; j < d->n; j++) {
			govmap_diff_entry *rb = &d->v[j];
			if (rb->a >= 0 || rb->was)
				continue;
			int32_t i = rename_of(d, j, gone, &m, &ar, &rem, &add);
			if (i == -2)
				goto out;
			if (i < 0)
				continue;
			gone[i] = (int32_t)j;
			rb->a = d->v[i].a;
			rb->was = d->v[i].id;
			if (govmap__strmap_put(&m.old, rb->was, (int32_t)j,
					       NULL) < 0)
				goto out;
			found = 1;
		}
	}
	/* drop the removed half of each pair; entry indexes move */
	size_t w = 0;
	for (size_t k = 0; k < d->n; k++) {
		if (gone[k] >= 0)
			continue;
		d->v[w] = d->v[k];
		if (d->v[w].a >= 0)
			x->entry_of[0][d->v[w].a] = (int32_t)w;
		if (d->v[w].b >= 0)
			x->entry_of[1][d->v[w].b] = (int32_t)w;
		w++;
	}
	d->n = w;
	d->renamed = m.old.n;
	rc = 0;
out:
	index_free(&rem);
	index_free(&add);
	govmap__arena_free(&ar);
	govmap__strmap_free(&m.old);
	free(gone);
	return rc;
}

static int compare_entities(diff_impl *x, unsigned what)
{
	govmap_diff *d = &x->d;
	size_t na = govmap_registry_count(x->reg[0]);
	size_t nb = govmap_registry_count(x->reg[1]);
	for (int k = 0; k < 2; k++)
		if (!x->by_id[k]) {
			x->by_id[k] = k && x->by_id[0]
					      ? sorted_like(x->reg[1], x->reg[0],
							    x->by_id[0])
					      : NULL;
			if (!x->by_id[k])
				x->by_id[k] = sorted_ids(x->reg[k]);
			x->own[k] = 1;
		}
	const size_t *ia = x->by_id[0], *ib = x->by_id[1];
	d->v = calloc(na + nb + 1, sizeof(*d->v));
	x->entry_of[0] = malloc((na ? na : 1) * sizeof(int32_t));
	x->entry_of[1] = malloc((nb ? nb : 1) * sizeof(int32_t));
	if (!ia || !ib || !d->v || !x->entry_of[0] || !x->entry_of[1])
		return -1;
	size_t i = 0, j = 0;
	while (i < na || j < nb) {
		const govmap_entity *ea =
			i < na ? govmap_registry_at(x->reg[0], ia[i]) : NULL;
		const govmap_entity *eb =
			j < nb ? govmap_registry_at(x->reg[1], ib[j]) : NULL;
		int c = !ea ? 1 : !eb ? -1 : strcmp(ea->id, eb->id);
		govmap_diff_entry *r = &d->v[d->n];
		r->a = r->b = -1;
		r->cause = -1;
		if (c <= 0) {
			r->a = (int32_t)ia[i++];
			x->entry_of[0][r->a] = (int32_t)d->n;
		}
		if (c >= 0) {
			r->b = (int32_t)ib[j++];
			x->entry_of[1][r->b] = (int32_t)d->n;
		}
		r->id = c <= 0 ? ea->id : eb->id;
		d->n++;
	}
	if (pair_renames(x) < 0)
		return -1;
	int scores = (what & GOVMAP_COMPARE_SCORES) && x->an[0] && x->an[1];
	for (size_t k = 0; k < d->n; k++) {
		govmap_diff_entry *r = &d->v[k];
		const govmap_entity *ea = govmap_diff_entity(d, r, 0);
		const govmap_entity *eb = govmap_diff_entity(d, r, 1);
		/* Two registries loaded with one parse cache share the
		 * strings of an entity from the same blob (registry.h): the
		 * same id pointer is the same parse, so no field differs. */
		if (ea && eb && ea->id != eb->id &&
		    (what & GOVMAP_COMPARE_FIELDS) &&
		    govmap_entity_compare(&r->fields, &r->nfields, ea, eb) !=
			    GOVMAP_OK)
			return -1;
		if (!ea)
			d->added++;
		else if (!eb)
			d->removed++;
		else if (r->nfields || r->was)
			d->changed++;
		const govmap_entity *e = eb ? eb : ea;
		r->scored = e->kind == GOVMAP_KIND_BODY ||
			    e->kind == GOVMAP_KIND_BOARD;
		if (!scores)
			continue;
		if (ea)
			score_of(x, 0, r->a, &r->act_a, &r->Aa, &r->Da, &r->Ea);
		if (eb)
			score_of(x, 1, r->b, &r->act_b, &r->Ab, &r->Db, &r->Eb);
		if (r->scored && ea && eb && r->act_a && r->act_b &&
		    (r->Aa != r->Ab || r->Ea != r->Eb)) {
			r->moved = 1;
			d->moved++;
		}
	}
	for (size_t k = 0; k < d->n; k++) {
		const govmap_diff_entry *r = &d->v[k];
		const govmap_entity *ea = govmap_diff_entity(d, r, 0);
		const govmap_entity *eb = govmap_diff_entity(d, r, 1);
		if (eb && eb->kind == GOVMAP_KIND_LINK && !ea)
			count_link(d, eb, 'A');
		else if (ea && ea->kind == GOVMAP_KIND_LINK && !eb)
			count_link(d, ea, 'D');
		else if (eb && eb->kind == GOVMAP_KIND_LINK && r->nfields)
			count_link(d, eb, 'M');
	}
	/* why a score moved: a changed entity on the chain, after or before */
	for (size_t k = 0; scores && k < d->n; k++) {
		govmap_diff_entry *r = &d->v[k];
		if (!r->scored || r->a < 0 || r->b < 0 ||
		    (!r->moved && r->act_a == r->act_b))
			continue;
		r->cause = chain_cause(x, 1, r->b);
		if (r->cause < 0)
			r->cause = chain_cause(x, 0, r->a);
	}
	return 0;
}

/* --- findings --------------------------------------------------------- */

typedef struct {
	const govmap_registry *reg;
} fsort_ctx;

static const char *finding_id(const govmap_registry *reg,
			      const govmap_finding *f)
{
	return f->entity >= 0 ? govmap_registry_at(reg, (size_t)f->entity)->id
			      : NULL;
}

const char *govmap_diff_finding_id(const govmap_diff *d,
				   const govmap_finding *f, int side)
{
	const diff_impl *x = (const diff_impl *)d;
	return finding_id(x->reg[side ? 1 : 0], f);
}

static int cmp_finding(const govmap_finding *x, const govmap_registry *rx,
		       const govmap_finding *y, const govmap_registry *ry)
{
	int c = strcmp(x->rule, y->rule);
	if (c)
		return c;
	const char *ix = finding_id(rx, x), *iy = finding_id(ry, y);
	if ((c = strcmp(ix ? ix : "", iy ? iy : "")))
		return c;
	return strcmp(x->msg, y->msg);
}

static int by_finding(const void *x, const void *y, void *ctx)
{
	const govmap_registry *reg = ctx;
	return cmp_finding(*(const govmap_finding *const *)x, reg,
			   *(const govmap_finding *const *)y, reg);
}

static const govmap_finding **live_findings(const govmap_findings *fs,
					    const govmap_registry *reg,
					    size_t *n)
{
	size_t total = fs ? fs->n : 0;
	const govmap_finding **v = malloc((total ? total : 1) * sizeof(*v));
	*n = 0;
	if (!v)
		return NULL;
	for (size_t i = 0; i < total; i++)
		if (!fs->v[i].suppressed)
			v[(*n)++] = &fs->v[i];
	govmap_sort(v, *n, sizeof(*v), by_finding, (void *)reg);
	return v;
}

/* The same finding before and after a rename of its entity (its name,
 * which its text may give, or its id): neither gained nor lost. */
static int renamed_pair(const diff_impl *x, const govmap_finding *fa,
			const govmap_finding *fb)
{
	if (strcmp(fa->rule, fb->rule) != 0 || fa->entity < 0 ||
	    fb->entity < 0)
		return 0;
	const govmap_entity *ea = govmap_registry_at(x->reg[0], (size_t)fa->entity);
	const govmap_entity *eb = govmap_registry_at(x->reg[1], (size_t)fb->entity);
	int new_id = strcmp(ea->id, eb->id) != 0;
	if (new_id) {
		if (!x->d.renamed)
			return 0;
		const govmap_diff_entry *r = govmap_diff_find(&x->d, eb->id);
		if (!r || !r->was || strcmp(r->was, ea->id) != 0)
			return 0;
	}
	int new_name = ea->name && eb->name && strcmp(ea->name, eb->name) != 0;
	if (!new_id && !new_name)
		return 0;
	/* its name, and its id (which a plugin's message may give) */
	return same_mapped2(fa->msg, fb->msg, NULL, new_name ? ea->name : NULL,
			    new_name ? eb->name : NULL, new_id ? ea->id : NULL,
			    new_id ? eb->id : NULL);
}

static int compare_findings(diff_impl *x, govmap_findings *fa_list,
			    govmap_findings *fb_list)
{
	govmap_diff *d = &x->d;
	size_t na, nb, i = 0, j = 0;
	const govmap_finding **fa = live_findings(fa_list, x->reg[0], &na);
	const govmap_finding **fb = live_findings(fb_list, x->reg[1], &nb);
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
				  : cmp_finding(fa[i], x->reg[0], fb[j],
						x->reg[1]);
		if (c < 0)
			d->lost[d->nlost++] = fa[i++];
		else if (c > 0)
			d->gained[d->ngained++] = fb[j++];
		else
			i++, j++;
	}
	free(fa);
	free(fb);
	/* a rename is not a finding lost and one gained */
	for (size_t l = 0; l < d->nlost;) {
		size_t g = 0;
		while (g < d->ngained && !renamed_pair(x, d->lost[l], d->gained[g]))
			g++;
		if (g == d->ngained) {
			l++;
			continue;
		}
		memmove(&d->lost[l], &d->lost[l + 1],
			(d->nlost - l - 1) * sizeof(*d->lost));
		d->nlost--;
		memmove(&d->gained[g], &d->gained[g + 1],
			(d->ngained - g - 1) * sizeof(*d->gained));
		d->ngained--;
	}
	return 0;
}

void govmap_diff_free(govmap_diff *d)
{
	diff_impl *x = (diff_impl *)d;
	if (!d)
		return;
	for (size_t k = 0; k < d->n; k++)
		govmap_field_changes_free(d->v[k].fields, d->v[k].nfields);
	free(d->v);
	free(d->gained);
	free(d->lost);
	free(x->entry_of[0]);
	free(x->entry_of[1]);
	for (int k = 0; k < 2; k++)
		if (x->own[k])
			free(x->by_id[k]);
	free(x);
}

static int diff_sorted(govmap_diff **out, govmap_session *a,
		       govmap_session *b, const govmap_compare_opts *opts,
		       size_t *a_by_id);

int govmap_diff_sessions(govmap_diff **out, govmap_session *a,
			 govmap_session *b, const govmap_compare_opts *opts)
{
	return diff_sorted(out, a, b, opts, NULL);
}

/* The entity indexes of side `side` of diff `d` sorted by id, taken from
 * it (the caller frees them), or NULL. */
static size_t *take_by_id(govmap_diff *d, int side)
{
	diff_impl *x = (diff_impl *)d;
	if (!d || !x->own[side])
		return NULL;
	x->own[side] = 0;
	return x->by_id[side];
}

/* govmap_diff_sessions, with a's entity indexes already sorted by id
 * (borrowed: a walk's last diff sorted them as its side b), or NULL. */
static int diff_sorted(govmap_diff **out, govmap_session *a,
		       govmap_session *b, const govmap_compare_opts *opts,
		       size_t *a_by_id)
{
	*out = NULL;
	unsigned what = opts ? opts->what : GOVMAP_COMPARE_ALL;
	if ((opts && opts->version != GOVMAP_COMPARE_OPTS_VERSION) || !a ||
	    !b || !govmap_session_registry(a) || !govmap_session_registry(b))
		return GOVMAP_EINVALID;
	diff_impl *x = calloc(1, sizeof(*x));
	if (!x)
		return GOVMAP_ENOMEM;
	x->d.a = a;
	x->d.b = b;
	x->reg[0] = govmap_session_registry(a);
	x->reg[1] = govmap_session_registry(b);
	x->an[0] = govmap_session_analysis(a);
	x->an[1] = govmap_session_analysis(b);
	x->by_id[0] = a_by_id;
	if (compare_entities(x, what) < 0) {
		govmap_diff_free(&x->d);
		return GOVMAP_ENOMEM;
	}
	if ((what & GOVMAP_COMPARE_FINDINGS) && govmap_session_findings(a) &&
	    govmap_session_findings(b) &&
	    compare_findings(x, govmap_session_findings(a),
			     govmap_session_findings(b)) < 0) {
		govmap_diff_free(&x->d);
		return GOVMAP_ENOMEM;
	}
	if ((what & GOVMAP_COMPARE_SCORES) && x->an[0] && x->an[1]) {
		x->d.exposure_a = (double)exposure_units(x->reg[0], x->an[0],
							 &x->d.priced_a) /
				  EXPOSURE_UNIT;
		x->d.exposure_b = (double)exposure_units(x->reg[1], x->an[1],
							 &x->d.priced_b) /
				  EXPOSURE_UNIT;
	}
	*out = &x->d;
	return GOVMAP_OK;
}

int govmap_diff_entry_what(char *buf, size_t size, const govmap_diff *d,
			   const govmap_diff_entry *e, int ever)
{
	size_t used = 0, need = 0;
	char tmp[1];
	if (!size) {
		buf = tmp;
		size = 1;
	}
	buf[0] = '\0';
#define PUT(...)                                                              \
	do {                                                                  \
		int w_ = snprintf(buf + used, size - used, __VA_ARGS__);      \
		if (w_ < 0)                                                   \
			return -1;                                            \
		need += (size_t)w_;                                           \
		used = need < size ? need : size - 1;                         \
	} while (0)
	if (e->a < 0 && e->b >= 0) {
		PUT("%s", ever ? "added back" : "added");
	} else if (e->b < 0 && e->a >= 0) {
		PUT("removed");
	} else if (e->was) {
		PUT("renamed from %s", e->was);
		const char *sep = ", changed: ";
		for (size_t k = 0; k < e->nfields; k++)
			if (strcmp(e->fields[k].key, "id") != 0) {
				PUT("%s%s", sep, e->fields[k].key);
				sep = ", ";
			}
	} else if (e->nfields) {
		for (size_t k = 0; k < e->nfields; k++)
			PUT("%s%s", k ? ", " : "changed: ", e->fields[k].key);
	} else if (e->scored && (e->moved || e->act_a != e->act_b)) {
		if (e->cause >= 0)
			PUT("scores moved: %s changed", d->v[e->cause].id);
		else
			PUT("scores moved (another entity changed)");
	}
#undef PUT
	return need > (size_t)INT32_MAX ? -1 : (int)need;
}

/* --- files that differ between two sources -------------------------- */

typedef struct {
	char *path;
	uint64_t hash; /* FNV-1a 64 of the content */
	size_t len;
} file_sum;

typedef struct {
	file_sum *v;
	size_t n, cap;
	int bad;
} file_sums;

static uint64_t fnv1a(const char *data, size_t len)
{
	uint64_t h = 14695981039346656037ULL;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)data[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static int add_sum(file_sums *fs, const char *path, const char *data,
		   size_t len)
{
	if (fs->n == fs->cap) {
		size_t nc = fs->cap ? fs->cap * 2 : 64;
		file_sum *nv = realloc(fs->v, nc * sizeof(*nv));
		if (!nv) {
			fs->bad = 1;
			return 1;
		}
		fs->v = nv;
		fs->cap = nc;
	}
	file_sum *f = &fs->v[fs->n];
	if (!(f->path = strdup(path))) {
		fs->bad = 1;
		return 1;
	}
	f->hash = fnv1a(data, len);
	f->len = len;
	fs->n++;
	return 0;
}

static int sum_file(const char *path, const char *display, const char *data,
		    size_t len, void *payload)
{
	(void)display;
	return add_sum(payload, path, data, len);
}

static int cmp_sum(const void *a, const void *b, void *ctx)
{
	(void)ctx;
	return strcmp(((const file_sum *)a)->path, ((const file_sum *)b)->path);
}

static int sum_source(file_sums *fs, govmap_src *src, govmap_diags *diags)
{
	char *data;
	size_t len;
	if (govmap_src_read(&data, &len, src, "govmap.yaml", diags) ==
	    GOVMAP_OK) {
		add_sum(fs, "govmap.yaml", data, len);
		free(data);
	}
	int rc = govmap_src_each(src, sum_file, fs, diags);
	if (fs->bad)
		return GOVMAP_ENOMEM;
	govmap_sort(fs->v, fs->n, sizeof(*fs->v), cmp_sum, NULL);
	return rc;
}

static void sums_free(file_sums *fs)
{
	for (size_t i = 0; i < fs->n; i++)
		free(fs->v[i].path);
	free(fs->v);
}

void govmap_file_changes_free(govmap_file_change *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		free(v[i].path);
	free(v);
}

int govmap_files_compare(govmap_file_change **out, size_t *n, govmap_src *a,
		      govmap_src *b, govmap_diags *diags)
{
	file_sums sa = {0}, sb = {0};
	*out = NULL;
	*n = 0;
	int rc = sum_source(&sa, a, diags);
	if (rc == GOVMAP_OK)
		rc = sum_source(&sb, b, diags);
	govmap_file_change *v = NULL;
	if (rc == GOVMAP_OK && !(v = malloc((sa.n + sb.n + 1) * sizeof(*v))))
		rc = GOVMAP_ENOMEM;
	size_t i = 0, j = 0, k = 0;
	while (rc == GOVMAP_OK && (i < sa.n || j < sb.n)) {
		int c = i == sa.n   ? 1
			: j == sb.n ? -1
				    : strcmp(sa.v[i].path, sb.v[j].path);
		char change = 0;
		const char *path;
		if (c < 0) {
			change = 'D';
			path = sa.v[i++].path;
		} else if (c > 0) {
			change = 'A';
			path = sb.v[j++].path;
		} else {
			if (sa.v[i].hash != sb.v[j].hash ||
			    sa.v[i].len != sb.v[j].len)
				change = 'M';
			path = sa.v[i].path;
			i++;
			j++;
		}
		if (!change)
			continue;
		if (!(v[k].path = strdup(path))) {
			rc = GOVMAP_ENOMEM;
			break;
		}
		v[k++].change = change;
	}
	sums_free(&sa);
	sums_free(&sb);
	if (rc != GOVMAP_OK) {
		govmap_file_changes_free(v, k);
		return rc;
	}
	*out = v;
	*n = k;
	return GOVMAP_OK;
}

/* --- history ID's relevance filter --------------------------------- */

/* Call f on every reference an entity writes. */
static void each_ref(const govmap_entity *e,
		     void (*f)(const govmap_ref *r, void *p), void *p)
{
	const govmap_ref *one[] = {&e->replaces, &e->succeeded_by, &e->of,
				   &e->commissioner, &e->provider, &e->from,
				   &e->to};
	for (size_t k = 0; k < sizeof one / sizeof *one; k++)
		f(one[k], p);
	for (size_t k = 0; k < e->njoint; k++)
		f(&e->joint[k], p);
	for (size_t k = 0; k < e->nseats; k++) {
		f(&e->seats[k].by, p);
		f(&e->seats[k].approved_by, p);
	}
}

typedef struct {
	unsigned char *mark;
	unsigned want; /* the mark looked for (test) or set (put) */
	int hit;
	const govmap_registry *reg; /* NULL: by target, else by id */
} ref_walk;

static void ref_test(const govmap_ref *r, void *p)
{
	ref_walk *w = p;
	int32_t t = w->reg ? (r->id ? govmap_registry_index(w->reg, r->id) : -1)
			   : r->target;
	if (t >= 0 && (w->mark[t] & w->want))
		w->hit = 1;
}

static void ref_put(const govmap_ref *r, void *p)
{
	ref_walk *w = p;
	if (r->target >= 0 && !(w->mark[r->target] & GOVMAP__REL_CORE))
		w->mark[r->target] |= w->want;
}

int govmap__relevance(unsigned char **out, const govmap_registry *reg,
		      const govmap_analysis *an, const char *id)
{
	size_t n = govmap_registry_count(reg), nedges;
	*out = NULL;
	unsigned char *mark = calloc(n ? n : 1, 1);
	int32_t *stack = malloc((n ? n : 1) * sizeof(*stack));
	if (!mark || !stack) {
		free(mark);
		free(stack);
		return GOVMAP_ENOMEM;
	}
	const govmap_edge *edges = govmap_analysis_edges(an, &nedges);
	int32_t i0 = govmap_registry_index(reg, id);
	size_t sp = 0;
	if (i0 >= 0) {
		mark[i0] = GOVMAP__REL_REACH;
		stack[sp++] = i0;
	}
	/* every node the entity's chains can reach, whatever the edges'
	 * strengths */
	while (sp) {
		int32_t v = stack[--sp];
		size_t k;
		const uint32_t *o = govmap_analysis_out(an, (size_t)v, &k);
		for (size_t j = 0; j < k; j++) {
			int32_t to = edges[o[j]].to;
			if (to >= 0 && (size_t)to < n && !mark[to]) {
				mark[to] = GOVMAP__REL_REACH;
				stack[sp++] = to;
			}
		}
	}
	free(stack);
	/* those nodes and the bodies their boards are of: referring to
	 * one may add, remove or weigh an edge out of the reached graph */
	for (size_t i = 0; i < n; i++) {
		if (!(mark[i] & GOVMAP__REL_REACH))
			continue;
		mark[i] |= GOVMAP__REL_REF | GOVMAP__REL_CORE;
		int32_t of = govmap_registry_at(reg, i)->of.target;
		if (of >= 0)
			mark[of] |= GOVMAP__REL_REF | GOVMAP__REL_CORE;
	}
	/* whatever refers to them */
	for (size_t i = 0; i < n; i++) {
		ref_walk w = {mark, GOVMAP__REL_REF, 0, NULL};
		each_ref(govmap_registry_at(reg, i), ref_test, &w);
		if (w.hit)
			mark[i] |= GOVMAP__REL_CORE;
	}
	/* and what those refer to: its kind and dates say whether an edge
	 * to it exists */
	for (size_t i = 0; i < n; i++) {
		ref_walk w = {mark, GOVMAP__REL_PERI, 0, NULL};
		if (mark[i] & GOVMAP__REL_CORE)
			each_ref(govmap_registry_at(reg, i), ref_put, &w);
	}
	/* an id written twice (a data error) is looked up as one entity:
	 * that one carries the marks of every entity with the id */
	for (size_t i = 0; i < n; i++) {
		const char *eid = govmap_registry_at(reg, i)->id;
		int32_t j = eid ? govmap_registry_index(reg, eid) : -1;
		if (j >= 0 && (size_t)j != i)
			mark[j] |= mark[i];
	}
	*out = mark;
	return GOVMAP_OK;
}

/* File f of an in-place change: its old and new entities (*n each), when
 * the two have the same entities in the same order (ids and kinds) and
 * the same parse counts; NULL otherwise. */
static const govmap_entity *same_shape(const govmap__commit_change *ch,
				       size_t f, const govmap_entity **newer,
				       size_t *n)
{
	size_t nx, ny, cx[3], cy[3];
	const govmap_entity *x = govmap__cached_ents(ch->old[f], &nx);
	const govmap_entity *y = govmap__cached_ents(ch->new_[f], &ny);
	govmap__cached_counts(ch->old[f], cx);
	govmap__cached_counts(ch->new_[f], cy);
	if (nx != ny || memcmp(cx, cy, sizeof cx) != 0)
		return NULL;
	for (size_t k = 0; k < nx; k++)
		if (!x[k].id || !y[k].id || strcmp(x[k].id, y[k].id) ||
		    x[k].kind != y[k].kind)
			return NULL;
	*newer = y;
	*n = nx;
	return x;
}

int govmap__irrelevant_change(const govmap__commit_change *ch,
			      const govmap_registry *reg,
			      const unsigned char *mark, const char *id)
{
	static const char *const loose[] = {"notes", "money", NULL};
	if (ch->unknown || !ch->in_place || ch->nold != ch->nnew)
		return 0;
	for (size_t f = 0; f < ch->nold; f++) {
		size_t nx;
		const govmap_entity *y;
		const govmap_entity *x = same_shape(ch, f, &y, &nx);
		if (!x)
			return 0;
		for (size_t k = 0; k < nx; k++) {
			if (strcmp(x[k].id, id) == 0)
				return 0;
			int32_t j = govmap_registry_index(reg, x[k].id);
			if (j < 0 || (mark[j] & GOVMAP__REL_CORE) ||
			    ((mark[j] & GOVMAP__REL_PERI) &&
			     !govmap__entity_same_but(&x[k], &y[k], loose)))
				return 0;
			ref_walk w = {(unsigned char *)mark, GOVMAP__REL_REF, 0,
				      reg};
			each_ref(&x[k], ref_test, &w);
			each_ref(&y[k], ref_test, &w);
			if (w.hit)
				return 0;
		}
	}
	return 1;
}

/* Does the commit's change touch a file that holds entity `id` (or can
 * that not be told)? */
static int touches(const govmap__commit_change *ch, const char *id)
{
	if (ch->unknown)
		return 1;
	for (int side = 0; side < 2; side++) {
		const govmap__cached *const *v = side ? ch->new_ : ch->old;
		size_t nf = side ? ch->nnew : ch->nold;
		for (size_t f = 0; f < nf; f++) {
			size_t n;
			const govmap_entity *e = govmap__cached_ents(v[f], &n);
			for (size_t k = 0; k < n; k++)
				if (!e[k].id || strcmp(e[k].id, id) == 0)
					return 1;
		}
	}
	return 0;
}

/* --- the timeline -------------------------------------------------------- */

struct govmap_timeline {
	govmap_session_opts sopts;
	unsigned what;
	govmap_history *h;
	size_t next;            /* commits done, oldest first */
	govmap_session *base;   /* the baseline, until the first step */
	govmap_session *prev;   /* the last loaded session */
	govmap_session *cur;    /* the step's session */
	govmap_diff *diff;      /* the step's diff */
	govmap_timeline_step step;
	unsigned char *same;    /* skip_neutral: govmap_history_neutral */
	size_t *prev_by_id;     /* prev's entity indexes sorted by id (the
				   last diff's side b), or NULL; owned */
	govmap_session *by_id_of; /* the session prev_by_id is of */
	size_t last;            /* index of the last step loaded or skipped
				   (whose numbers prev has); SIZE_MAX none */
	int skipped;            /* the last step was skipped */
	/* relevant_id: the commits' files (govmap__history_changes), the
	 * id, prev's relevance marks (govmap__relevance) and the session
	 * they are of, and whether a skipped commit since the last load
	 * touched the entity's files */
	govmap__commit_change *ch;
	char *rid;
	unsigned char *rmark;
	govmap_session *rmark_of;
	int id_touched;
	/* totals_only: each step's total exposure, the last one's (or the
	 * baseline's) in `total` */
	int totals;
	int64_t total; /* in EXPOSURE_UNITs */
	size_t priced; /* the entities in it with money recorded */
};

/* Commit idx needs no load for the relevant entity: its change, against
 * the next older commit, cannot move what is read of it (t->prev has
 * the next older commit's scores). */
static int timeline_irrelevant(govmap_timeline *t, size_t idx)
{
	const govmap_analysis *an = govmap_session_analysis(t->prev);
	const govmap_registry *reg = govmap_session_registry(t->prev);
	if (!t->rid || !t->ch || !an || !reg)
		return 0;
	if (t->rmark_of != t->prev) {
		free(t->rmark);
		t->rmark = NULL;
		t->rmark_of = NULL;
		if (govmap__relevance(&t->rmark, reg, an, t->rid) != GOVMAP_OK)
			return 0;
		t->rmark_of = t->prev;
	}
	return govmap__irrelevant_change(&t->ch[idx], reg, t->rmark, t->rid);
}

static void forget_session(govmap_timeline *t, govmap_session *s);

/* totals_only: can commit idx, against the next older commit, be applied
 * to t->prev (the older commit's registry, or one brought up to it
 * by patch_prev)?  Not when a file is added, removed or reshaped
 * (same_shape), an entity changed in more than notes, money and powers,
 * a change of powers that validation warns of, or the last load had
 * errors. */
static int can_patch(govmap_timeline *t, size_t idx)
{
	static const char *const loose[] = {"notes", "money", "powers", NULL};
	const govmap__commit_change *ch = &t->ch[idx];
	const govmap_registry *reg = govmap_session_registry(t->prev);
	if (!reg || ch->unknown || !ch->in_place || ch->nold != ch->nnew ||
	    govmap_session_diags(t->prev)->count[GOVMAP_SEV_ERROR])
		return 0;
	for (size_t f = 0; f < ch->nold; f++) {
		size_t nx;
		const govmap_entity *y;
		const govmap_entity *x = same_shape(ch, f, &y, &nx);
		if (!x)
			return 0;
		for (size_t k = 0; k < nx; k++) {
			int32_t j = govmap_registry_index(reg, x[k].id);
			if (j < 0 || !govmap__entity_same_but(&x[k], &y[k], loose))
				return 0;
			/* validation warns of a sanction without a basis */
			if (x[k].basis == GOVMAP_BASIS_NONE &&
			    ((x[k].powers ^ y[k].powers) & GOVMAP_POWER_SANCTION))
				return 0;
		}
	}
	return 1;
}

/* The targets of e's references, in each_ref's order, into or out of
 * v[0, max): refs_get reads them, refs_set writes them. */
typedef struct {
	int32_t *v;
	size_t n, max;
} ref_targets;

static void ref_get(const govmap_ref *r, void *p)
{
	ref_targets *x = p;
	if (x->n < x->max)
		x->v[x->n] = r->target;
	x->n++;
}

static void ref_set(const govmap_ref *r, void *p)
{
	ref_targets *x = p;
	if (x->n < x->max)
		((govmap_ref *)r)->target = x->v[x->n]; /* the caller's copy */
	x->n++;
}

/* Copy the resolved targets of `from` into `to`: the same entity with
 * the same references (can_patch), so they resolve alike. */
static int copy_targets(govmap_entity *to, const govmap_entity *from)
{
	size_t max = 7 + from->njoint + 2 * from->nseats;
	int32_t *v = malloc(max * sizeof(*v));
	if (!v)
		return -1;
	ref_targets x = {v, 0, max};
	each_ref(from, ref_get, &x);
	x.n = 0;
	each_ref(to, ref_set, &x);
	free(v);
	return x.n == max ? 0 : -1;
}

/* Apply commit idx (can_patch said it can be) to t->prev: each entity
 * of the files it changed replaced by its new version, its references
 * resolved as before; the analysis (if any) brought up to date, in part
 * (govmap__session_patch) or whole, and the total exposure with it.  0;
 * or -1 on out-of-memory, when t->prev is forgotten (the commit is
 * loaded). */
static int patch_prev(govmap_timeline *t, size_t idx)
{
	const govmap__commit_change *ch = &t->ch[idx];
	govmap_registry *reg = govmap__session_registry_mut(t->prev);
	size_t n = 0, m = 0;
	for (size_t f = 0; f < ch->nnew; f++) {
		size_t k;
		govmap__cached_ents(ch->new_[f], &k);
		n += k;
	}
	govmap_entity *v = malloc((n ? n : 1) * sizeof(*v));
	int32_t *at = malloc((n ? n : 1) * sizeof(*at));
	int ok = v && at;
	/* every copy first: the registry changes only when all are made */
	for (size_t f = 0; ok && f < ch->nnew; f++) {
		size_t nk;
		const govmap_entity *y = govmap__cached_ents(ch->new_[f], &nk);
		for (size_t k = 0; ok && k < nk; k++, m++) {
			at[m] = govmap_registry_index(reg, y[k].id);
			const govmap_entity *old = &reg->ents[at[m]];
			ok = govmap__cache_copy(&v[m], ch->new_[f], k,
						&reg->arena, old->pos.file) == 0 &&
			     copy_targets(&v[m], old) == 0;
		}
	}
	for (size_t i = 0; ok && i < m; i++)
		reg->ents[at[i]] = v[i];
	free(v);
	if (ok && govmap_session_analysis(t->prev)) {
		int rc = govmap__session_patch(t->prev, at, m);
		ok = rc >= 0;
		if (rc == 1) {
			/* the total moves by the touched entities' shares */
			const govmap_analysis *an =
				govmap_session_analysis(t->prev);
			const int32_t *ti;
			const govmap_score *was;
			size_t nt = govmap__analysis_touched(an, &ti, &was);
			for (size_t j = 0; j < nt; j++) {
				const govmap_entity *e =
					govmap_registry_at(reg, (size_t)ti[j]);
				const govmap_score *sc =
					govmap_analysis_score(an, (size_t)ti[j]);
				t->total += exposure_share(e, sc) -
					    exposure_share(e, &was[j]);
				t->priced += (size_t)priced_share(e, sc);
				t->priced -= (size_t)priced_share(e, &was[j]);
			}
		} else if (rc == 0) {
			t->total = exposure_units(reg,
					govmap_session_analysis(t->prev),
					&t->priced);
		}
	}
	free(at);
	if (ok)
		return 0;
	if (t->prev == t->base)
		t->base = NULL;
	forget_session(t, t->prev);
	t->prev = NULL;
	t->last = (size_t)-1;
	return -1;
}

/* Did a load run out of memory: its status, or an entity or diagnostic
 * dropped for want of it?  Its figures are then not the commit's. */
static int short_of_memory(int status, govmap_session *s)
{
	const govmap_diags *d = govmap_session_diags(s);
	return status == GOVMAP_ENOMEM || !d || govmap_diags_nomem(d);
}

/* Load the registry at `rev`: the one place a timeline reads a commit
 * (a parsed-entity cache can take its place).  *out is set whenever
 * memory allows, also on failure. */
static int timeline_load(govmap_session **out, const govmap_timeline *t,
			 const char *rev)
{
	govmap_session_opts o = t->sopts;
	o.source = GOVMAP_SOURCE_GIT;
	o.rev = rev;
	return govmap_session_open(out, &o);
}

int govmap_timeline_open(govmap_timeline **out,
			 const govmap_timeline_opts *opts, govmap_diags *diags)
{
	*out = NULL;
	if (!opts || opts->version < 1 ||
	    opts->version > GOVMAP_TIMELINE_OPTS_VERSION ||
	    !opts->session || !opts->session->registry) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0,
				 "bad-options",
				 "timeline: missing or bad options");
		return GOVMAP_EINVALID;
	}
	govmap_timeline *t = calloc(1, sizeof(*t));
	if (!t)
		return GOVMAP_ENOMEM;
	t->sopts = *opts->session;
	t->sopts.analyse_invalid = 1;
	t->what = opts->what ? opts->what : GOVMAP_COMPARE_ALL;
	govmap_history_opts ho = {0};
	if (opts->history)
		ho = *opts->history;
	int rc = govmap_history_load(&t->h, t->sopts.registry, &ho, diags);
	if (rc != GOVMAP_OK) {
		govmap_timeline_free(t);
		return rc;
	}
	t->last = (size_t)-1;
	t->totals = opts->version >= 3 && opts->totals_only &&
		    !opts->relevant_id && (t->what & GOVMAP_COMPARE_NO_DIFF);
	if (opts->skip_neutral && t->sopts.version >= 2 && t->sopts.cache &&
	    !(t->what & GOVMAP_COMPARE_FINDINGS) && t->h->n > 1) {
		govmap_diags nd = {0}; /* no memo is no error */
		const char *rid = opts->version >= 2 ? opts->relevant_id : NULL;
		if (rid && govmap_id_is_valid(rid) &&
		    t->sopts.stage >= GOVMAP_STAGE_ANALYSE) {
			t->rid = strdup(rid);
			if (!t->rid) {
				govmap_timeline_free(t);
				return GOVMAP_ENOMEM;
			}
		}
		if (govmap__history_changes(&t->same,
					    t->rid || t->totals ? &t->ch : NULL,
					    t->h, t->sopts.registry,
					    t->sopts.cache, &nd) != GOVMAP_OK) {
			t->same = NULL;
			t->ch = NULL;
		}
		govmap_diags_free(&nd);
	}
	if (opts->baseline && t->h->n) {
		char rev[48];
		snprintf(rev, sizeof rev, "%s~1", t->h->v[t->h->n - 1].id);
		rc = timeline_load(&t->base, t, rev);
		if (!t->base || short_of_memory(rc, t->base)) {
			govmap_timeline_free(t);
			return GOVMAP_ENOMEM;
		}
		/* a first commit has no parent: then there is no baseline */
		if (!govmap_session_registry(t->base)) {
			govmap_session_free(t->base);
			t->base = NULL;
		} else {
			t->prev = t->base;
			if (t->totals)
				t->total = exposure_units(
					govmap_session_registry(t->base),
					govmap_session_analysis(t->base),
					&t->priced);
		}
	}
	*out = t;
	return GOVMAP_OK;
}

const govmap_history *govmap_timeline_commits(const govmap_timeline *t)
{
	return t->h;
}

govmap_session *govmap_timeline_baseline(const govmap_timeline *t)
{
	return t->base;
}

/* Free session `s` of the walk, and what is kept of it. */
static void forget_session(govmap_timeline *t, govmap_session *s)
{
	if (s && s == t->rmark_of) {
		free(t->rmark);
		t->rmark = NULL;
		t->rmark_of = NULL;
	}
	if (s && s == t->by_id_of) {
		free(t->prev_by_id);
		t->prev_by_id = NULL;
		t->by_id_of = NULL;
	}
	govmap_session_free(s);
}

/* Load commit k (the one just before the step) as the step's `prev`:
 * 0, or -1 on out-of-memory.  A commit that cannot be read leaves prev
 * as it was. */
static int timeline_reload(govmap_timeline *t, size_t k)
{
	govmap_session *np = NULL;
	int rc = timeline_load(&np, t, t->h->v[k].id);
	if (!np || short_of_memory(rc, np)) {
		govmap_session_free(np);
		return -1;
	}
	if (govmap_session_registry(np)) {
		if (t->prev != t->base || !t->base)
			forget_session(t, t->prev);
		t->prev = np;
	} else {
		forget_session(t, np);
	}
	return 0;
}

/* The step's diff of t->prev and t->cur (both loaded), into t->diff and
 * the step.  A GOVMAP_* status. */
static int step_diff(govmap_timeline *t)
{
	govmap_compare_opts co = GOVMAP_COMPARE_OPTS_INIT;
	co.what = t->what;
	int rc = diff_sorted(&t->diff, t->prev, t->cur, &co,
			     t->by_id_of == t->prev ? t->prev_by_id : NULL);
	if (rc == GOVMAP_OK)
		t->step.diff = t->diff;
	return rc;
}

/* Whether a diff entry says anything `history ID` prints: the entity
 * added or removed, a field changed, or its scores moved or its
 * activity changed. */
static int entry_speaks(const govmap_diff_entry *e)
{
	return e && (e->a < 0 || e->b < 0 || e->nfields ||
		     (e->scored && (e->moved || e->act_a != e->act_b)));
}

int govmap_timeline_next(govmap_timeline *t,
			 const govmap_timeline_step **step)
{
	*step = NULL;
	/* the last step's session becomes the one before, if it loaded;
	 * its entities sorted by id (the last diff's side b) are kept */
	if (t->diff && t->diff->b == t->cur) {
		size_t *v = take_by_id(t->diff, 1);
		if (v) {
			free(t->prev_by_id);
			t->prev_by_id = v;
			t->by_id_of = t->cur;
		}
	}
	govmap_diff_free(t->diff);
	t->diff = NULL;
	if (t->cur && govmap_session_registry(t->cur)) {
		if (t->prev != t->base || !t->base)
			forget_session(t, t->prev);
		t->prev = t->cur;
	} else {
		forget_session(t, t->cur);
	}
	t->cur = NULL;
	if (t->base && t->prev != t->base) {
		forget_session(t, t->base);
		t->base = NULL;
	}
	if (t->next >= t->h->n)
		return GOVMAP_ENOTFOUND;
	size_t idx = t->h->n - 1 - t->next++;
	const govmap_commit *c = &t->h->v[idx];
	memset(&t->step, 0, sizeof t->step);
	t->step.commit = c;
	t->step.index = idx;
	if (t->same && t->prev && t->last == idx + 1 && c->tree[0] &&
	    (t->same[idx] || timeline_irrelevant(t, idx) ||
	     (t->totals && t->ch && can_patch(t, idx) &&
	      patch_prev(t, idx) == 0))) {
		/* nothing read changed (or, with relevant_id, nothing the
		 * entity's figures read): the older commit's session; with
		 * totals_only, that session brought up to this commit */
		if (t->rid && t->ch && touches(&t->ch[idx], t->rid))
			t->id_touched = 1;
		t->step.exposure =
			t->totals ? (double)t->total / EXPOSURE_UNIT : 0;
		t->step.priced = t->totals ? t->priced : 0;
		t->step.session = t->prev;
		t->step.prev = t->prev;
		t->step.loaded = true;
		t->step.same = true;
		t->skipped = 1;
		t->last = idx;
		*step = &t->step;
		return GOVMAP_OK;
	}
	int after_skip = t->skipped && t->prev && idx + 1 < t->h->n &&
			 (t->what & GOVMAP_COMPARE_FIELDS);
	if (after_skip && (!t->ch || t->id_touched)) {
		/* after a skipped run, compare with the commit just before:
		 * its fields may differ from the last loaded one's (notes,
		 * positions).  Without GOVMAP_COMPARE_FIELDS the last loaded
		 * session is as good: the skipped commits have its
		 * diagnostics counts, scores and findings (neutral), and a
		 * diff without fields reads nothing else, so the commit just
		 * before is not loaded again.  With relevant_id, only when
		 * a skipped commit touched the entity's files (below). */
		if (timeline_reload(t, idx + 1) < 0)
			return GOVMAP_ENOMEM;
		after_skip = 0;
	}
	t->skipped = 0;
	t->id_touched = 0;
	t->step.prev = t->prev;
	if (c->tree[0]) {
		t->step.status = timeline_load(&t->cur, t, c->id);
		if (!t->cur || short_of_memory(t->step.status, t->cur)) {
			forget_session(t, t->cur);
			t->cur = NULL;
			return GOVMAP_ENOMEM;
		}
		t->step.session = t->cur;
		t->step.loaded = govmap_session_registry(t->cur) != NULL;
		if (t->step.loaded)
			t->last = idx;
		if (t->step.loaded && t->totals) {
			t->total = exposure_units(govmap_session_registry(t->cur),
						  govmap_session_analysis(t->cur),
						  &t->priced);
			t->step.exposure = (double)t->total / EXPOSURE_UNIT;
			t->step.priced = t->priced;
		}
	}
	if (!t->step.loaded || !t->prev || (t->what & GOVMAP_COMPARE_NO_DIFF)) {
		*step = &t->step;
		return GOVMAP_OK;
	}
	int rc = step_diff(t);
	/* relevant_id after a skipped run that left the entity's files
	 * alone: the entity's fields, presence and scores are the commit
	 * just before's, so its entry is exact but for `cause` (which
	 * entity changed: another entity may have changed in the run).
	 * When the entry says anything, it is computed again against the
	 * commit just before, loaded now. */
	if (rc == GOVMAP_OK && after_skip &&
	    entry_speaks(govmap_diff_find(t->diff, t->rid))) {
		govmap_diff_free(t->diff);
		t->diff = NULL;
		t->step.diff = NULL;
		if (timeline_reload(t, idx + 1) < 0)
			return GOVMAP_ENOMEM;
		t->step.prev = t->prev;
		rc = step_diff(t);
	}
	if (rc != GOVMAP_OK)
		return rc;
	*step = &t->step;
	return GOVMAP_OK;
}

void govmap_timeline_free(govmap_timeline *t)
{
	if (!t)
		return;
	govmap_diff_free(t->diff);
	govmap_session_free(t->cur);
	free(t->same);
	free(t->prev_by_id);
	govmap__commit_changes_free(t->ch, t->h ? t->h->n : 0);
	free(t->rid);
	free(t->rmark);
	if (t->prev != t->base)
		govmap_session_free(t->prev);
	govmap_session_free(t->base);
	govmap_history_free(t->h);
	free(t);
}

govmap_change govmap_diff_change(const govmap_diff *d,
				 const govmap_diff_entry *e)
{
	if (!d || !e || !e->scored || e->a < 0 || e->b < 0)
		return GOVMAP_CHANGE_NONE;
	const govmap_analysis *an[2] = {govmap_session_analysis(d->a),
					govmap_session_analysis(d->b)};
	int unknown = an[0] && an[1] &&
		      (govmap_analysis_score(an[0], (size_t)e->a)->dates_unknown ||
		       govmap_analysis_score(an[1], (size_t)e->b)->dates_unknown);
	if (unknown && (!e->act_a || !e->act_b))
		return GOVMAP_CHANGE_UNKNOWN;
	if (!e->act_a && e->act_b)
		return GOVMAP_CHANGE_CREATED;
	if (e->act_a && !e->act_b)
		return GOVMAP_CHANGE_ABOLISHED;
	if (e->act_a && e->act_b && e->Aa != e->Ab)
		return e->Ab > e->Aa ? GOVMAP_CHANGE_STRONGER
				     : GOVMAP_CHANGE_WEAKER;
	return GOVMAP_CHANGE_NONE;
}
