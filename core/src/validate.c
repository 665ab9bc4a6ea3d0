/*
 * validate.c - checks that look across entities.
 *
 * Owns the id index (duplicate ids are reported at both places), reference
 * resolution (each reference must name an existing entity of an allowed
 * kind), type names, and the consistency of validity periods between an
 * entity and the entities it joins.  It reads the entities schema.c built
 * and sets only their `target` indexes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uspoof.h>

#include "parse_cache.h"
#include "registry_impl.h"

const char *const govmap__core_body_types[] = {
	"electorate", "parliament", "legislature", "minister",
	"government", "government-department", "executive-agency",
	"arms-length-body", "regulator", "local-authority",
	"combined-authority", "elected-mayor", "nhs-trust", "company",
	"charity", "partnership", "unincorporated", "membership", NULL};
const char *const govmap__core_board_types[] = {
	"board", "committee", "joint-committee", "sub-committee",
	"partnership-board", "scrutiny-committee", "council-of-governors",
	NULL};
/* The core's types whose entities exist only for a time (issue 15); the
 * plugins declare theirs (govmap_plugin.time_bound_types, given to the
 * loader as govmap_load_opts.extra_time_bound_types). */
const char *const govmap__time_bound_types[] = {"company", "partnership",
						"nhs-trust", NULL};
const char *const govmap__core_link_types[] = {
	"elected-by", "appointed-by", "nominated-by", "reports-to",
	"scrutinised-by", "funded-by", "member-of", "ratified-by",
	"regulated-by", "accountable-to", "commissioned-by", "part-of",
	"inspected-by", "audited-by", NULL};

#define B (1u << GOVMAP_KIND_BODY)
#define BD (1u << GOVMAP_KIND_BOARD)

typedef struct {
	govmap_registry *reg;
	govmap_diags *diags;
	const char *const *time_bound_extra; /* the plugins' time-bound types */
	/* "did you mean" for unknown references, built at the first one */
	const char **ids;
	govmap__suggest near;
	int near_state; /* 0 not built, 1 built, -1 out of memory */
	/* per kind, the types found known: a pointer or one compare, not
	 * a scan of the type lists */
	govmap__fine_types known_type[GOVMAP_KIND__COUNT];
	/* the first file that stopped loading at a YAML syntax error, found
	 * at the first unknown reference: what it defined after the error
	 * is missing too */
	int unloaded_state; /* 0 not looked for, 1 found, -1 none */
	const char *unloaded_file;
	uint32_t unloaded_line, unloaded_col;
	size_t unloaded_more; /* other files with a syntax error */
} vctx;

/* A YAML syntax error drops the rest of its file, so every reference to
 * what the rest defined reads "which does not exist": the message names
 * the file that stopped loading, whose error is the one to mend first. */
static void find_unloaded(vctx *v)
{
	if (v->unloaded_state)
		return;
	v->unloaded_state = -1;
	for (size_t k = 0; k < v->diags->n; k++) {
		const govmap_diag *d = &v->diags->v[k];
		if (d->sev != GOVMAP_SEV_ERROR || !d->file || !d->code ||
		    strcmp(d->code, "yaml-syntax") != 0)
			continue;
		if (v->unloaded_state < 0) {
			v->unloaded_state = 1;
			v->unloaded_file = d->file;
			v->unloaded_line = d->line;
			v->unloaded_col = d->col;
		} else if (strcmp(d->file, v->unloaded_file) != 0) {
			v->unloaded_more++;
		}
	}
}

/* Comparisons per unknown reference and in all: 10,000 unknown
 * references among 20,000 ids cost about 0.1 s more than none (make
 * bench pins it), not the 80 s of a full scan for each; past the budget
 * a message goes without its suggestion. */
#define NEAR_CAP 4096
#define NEAR_BUDGET 300000

static const char *near_id(vctx *v, const char *id)
{
	if (v->near_state == 0) {
		v->near_state = -1;
		v->ids = malloc((v->reg->n ? v->reg->n : 1) * sizeof(*v->ids));
		if (v->ids) {
			for (size_t i = 0; i < v->reg->n; i++)
				v->ids[i] = v->reg->ents[i].id;
			if (govmap__suggest_init(&v->near, v->ids, v->reg->n,
						 NEAR_CAP, NEAR_BUDGET) == 0)
				v->near_state = 1;
		}
	}
	if (v->near_state != 1)
		return NULL;
	int64_t k = govmap__suggest_near(&v->near, id, 3);
	return k >= 0 ? v->ids[k] : NULL;
}

static const char *kinds_text(unsigned mask)
{
	if (mask == B)
		return "a body";
	if (mask == BD)
		return "a board";
	return "a body or board";
}

static void resolve(vctx *v, govmap_ref *r, const char *field,
		    unsigned kinds, const govmap_entity *self)
{
	if (!r->id)
		return;
	int32_t t = govmap__strmap_get(&v->reg->index, r->id);
	if (t < 0) {
		/* suggest the closest existing id */
		const char *near = near_id(v, r->id);
		char why[600] = "";
		find_unloaded(v);
		if (v->unloaded_state > 0) {
			char q[400];
			snprintf(why, sizeof why,
				 "; %s%s stopped loading at a YAML syntax "
				 "error (line %u, column %u) and may define "
				 "it: mend that first",
				 govmap__quote(q, sizeof q, v->unloaded_file),
				 v->unloaded_more ? " and other files" : "",
				 (unsigned)v->unloaded_line,
				 (unsigned)v->unloaded_col);
		}
		/* the id in `ref` (as in every reference error): check's
		 * note on ids gone since HEAD reads it there, not in the
		 * words */
		if (near)
			govmap__diags_about(v->diags, GOVMAP_SEV_ERROR, r->pos,
					    "unknown-ref", r->id, NULL,
					    "'%s' names '%s', which does not "
					    "exist (did you mean '%s'?)%s",
					    field, r->id, near, why);
		else
			govmap__diags_about(v->diags, GOVMAP_SEV_ERROR, r->pos,
					    "unknown-ref", r->id, NULL,
					    "'%s' names '%s', which does not "
					    "exist%s",
					    field, r->id, why);
		return;
	}
	const govmap_entity *te = &v->reg->ents[t];
	if (!(kinds & (1u << te->kind))) {
		govmap__diags_about(v->diags, GOVMAP_SEV_ERROR, r->pos,
				    "ref-kind", r->id, NULL,
				    "'%s' must name %s, but '%s' is a %s",
				    field, kinds_text(kinds), r->id,
				    govmap_kind_name(te->kind));
		return;
	}
	if (te == self) {
		govmap__diags_about(v->diags, GOVMAP_SEV_ERROR, r->pos,
				    "self-ref", r->id, NULL,
				    "'%s' names the entity itself ('%s')",
				    field, r->id);
		return;
	}
	r->target = t;
}

static int in_list(const char *s, const char *const *list)
{
	for (; list && *list; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

static void check_type(vctx *v, const govmap_entity *e,
		       const char *const *core, const char *const *extra)
{
	govmap__fine_types *known = &v->known_type[e->kind];
	if (!e->type || govmap__fine_type(known, e->type))
		return;
	if (in_list(e->type, core) || in_list(e->type, extra)) {
		govmap__fine_type_mark(known, e->type);
		return;
	}
	const char *cands[256];
	size_t n = 0;
	for (const char *const *l = core; *l && n < 256; l++)
		cands[n++] = *l;
	for (const char *const *l = extra; l && *l && n < 256; l++)
		cands[n++] = *l;
	const char *near = govmap__did_you_mean(e->type, cands, n);
	/* An unknown type is an error only when the plugins that could
	 * declare it were loaded; the CLI passes extra types then. */
	govmap_severity sev = extra ? GOVMAP_SEV_ERROR : GOVMAP_SEV_WARNING;
	if (near)
		govmap_diags_at(v->diags, sev, e->type_pos, "unknown-type",
				"%s '%s' has unknown type '%s' (did you mean "
				"'%s'?)",
				govmap_kind_name(e->kind), e->id, e->type,
				near);
	else
		govmap_diags_at(v->diags, sev, e->type_pos, "unknown-type",
				"%s '%s' has type '%s', which neither the core "
				"nor a loaded plugin declares",
				govmap_kind_name(e->kind), e->id, e->type);
}

/* Is period `inner` inside `outer`?  An open end of `inner` takes the
 * outer period's bound (a seat with no dates lasts as long as its board),
 * so only dates actually written can fall outside. */
static int period_inside(govmap_period inner, govmap_period outer)
{
	/* a date marked unknown constrains nothing */
	if (inner.from < 0)
		inner.from = 0;
	if (inner.to < 0)
		inner.to = 0;
	if (outer.from < 0)
		outer.from = 0;
	if (outer.to < 0)
		outer.to = 0;
	if (inner.from && outer.from && inner.from < outer.from)
		return 0;
	if (inner.to && outer.to && inner.to > outer.to)
		return 0;
	if (inner.from && outer.to && inner.from >= outer.to)
		return 0;
	if (inner.to && outer.from && inner.to <= outer.from)
		return 0;
	return 1;
}

/* "from 2013-04-01 until 2022-07-01", "from 2013-04-01", "until ...",
 * "with no dates" */
static void period_text(char *buf, size_t n, govmap_period p)
{
	char a[11], b[11];
	govmap_date_format(a, p.from);
	govmap_date_format(b, p.to);
	char nl[11];
	govmap_date_format(nl, GOVMAP_DATE_BOUND(p.from));
	if (p.from == GOVMAP_DATE_UNKNOWN && p.to == GOVMAP_DATE_UNKNOWN)
		snprintf(buf, n, "with dates not known");
	else if (GOVMAP_DATE_BOUND(p.from))
		snprintf(buf, n, "from no later than %s%s%s", nl,
			 p.to ? " until " : "", p.to ? b : "");
	else if (p.from && p.to)
		snprintf(buf, n, "from %s until %s", a, b);
	else if (p.from)
		snprintf(buf, n, "from %s", a);
	else if (p.to)
		snprintf(buf, n, "until %s", b);
	else
		snprintf(buf, n, "with no dates");
}

/* `what` names the entity ("the board"), or with `name` its kind and
 * name ("link" and its id: "link 'x'"), put together only for an
 * error (every link and seat of every load is checked). */
static void check_inside(vctx *v, govmap_pos at, const char *what,
			 const char *name, govmap_period p,
			 const govmap_ref *r)
{
	if (r->target < 0)
		return;
	const govmap_entity *o = &v->reg->ents[r->target];
	if (period_inside(p, o->valid))
		return;
	char x[64], y[64], w[200];
	period_text(x, sizeof x, p);
	period_text(y, sizeof y, o->valid);
	if (name)
		snprintf(w, sizeof w, "%s '%s'", what, name);
	govmap_diags_at(v->diags, GOVMAP_SEV_ERROR, at, "valid-outside",
			"%s is valid %s, outside the period of '%s' (%s)",
			name ? w : what, x, o->id, y);
}

/* Each entry of a reference list that repeats an earlier one is one
 * error, found with a set (a list of 199,000 copies of one id is 198,999
 * errors in linear time, not one per pair). */
static void check_dups(vctx *v, const govmap_ref *refs, size_t n,
		       const char *field)
{
	govmap__strmap seen;
	if (n < 2)
		return;
	if (govmap__strmap_init(&seen, n) < 0) {
		govmap_diags_add(v->diags, GOVMAP_SEV_ERROR, NULL, 0, 0,
				 "nomem", "out of memory");
		return;
	}
	for (size_t j = 0; j < n; j++) {
		int32_t first;
		if (!refs[j].id)
			continue;
		int r = govmap__strmap_put(&seen, refs[j].id, (int32_t)j,
					   &first);
		if (r == 1)
			govmap__diags_about(v->diags, GOVMAP_SEV_ERROR,
					    refs[j].pos, "duplicate-ref",
					    refs[j].id, NULL,
					    "'%s' is listed twice in '%s'",
					    refs[j].id, field);
		else if (r < 0) {
			govmap_diags_add(v->diags, GOVMAP_SEV_ERROR, NULL, 0,
					 0, "nomem", "out of memory");
			break;
		}
	}
	govmap__strmap_free(&seen);
}

/* Which entities are on a cycle of succeeded_by: each followed once
 * (0 unseen, 1 on the current walk, 2 done, 3 done and on a cycle), so a
 * succession of 100,000 bodies costs 100,000 steps, not 5 billion.
 * NULL on out-of-memory. */
static unsigned char *lineage_cycles(const govmap_registry *reg)
{
	unsigned char *st = calloc(reg->n ? reg->n : 1, 1);
	if (!st)
		return NULL;
	for (size_t i = 0; i < reg->n; i++) {
		int32_t at = (int32_t)i;
		while (at >= 0 && st[at] == 0) {
			st[at] = 1;
			at = reg->ents[at].succeeded_by.target;
		}
		/* a walk that met itself: the cycle starts at `at` */
		if (at >= 0 && st[at] == 1) {
			int32_t c = at;
			do {
				st[c] = 3;
				c = reg->ents[c].succeeded_by.target;
			} while (c != at);
		}
		for (at = (int32_t)i; at >= 0 && st[at] == 1;
		     at = reg->ents[at].succeeded_by.target)
			st[at] = 2;
	}
	return st;
}

/* The TR39 skeleton of s (ICU uspoof: confusables.txt's mappings after
 * NFD), malloc'd, or NULL. */
static char *skeleton(USpoofChecker *sc, const char *s)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n = uspoof_getSkeletonUTF8(sc, 0, s, -1, NULL, 0, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		return NULL;
	char *out = malloc((size_t)n + 1);
	st = U_ZERO_ERROR;
	if (out)
		uspoof_getSkeletonUTF8(sc, 0, s, -1, out, n + 1, &st);
	if (out && U_FAILURE(st)) {
		free(out);
		return NULL;
	}
	return out;
}

/* Names and ids that look like another entity's: the same TR39 skeleton
 * (Unicode's confusables.txt, through ICU) for different text, such as
 * "NHS Surrey" with a Cyrillic 'Ѕ', or "test-l" and "test-1".  A warning
 * at the later entity, naming the earlier. */
static void check_confusables(vctx *v, govmap_parse_cache *cache)
{
	govmap_registry *reg = v->reg;
	/* a walk's commits mostly keep every id and name: the last clean
	 * result stands (the parse cache's memo) */
	if (cache && govmap__cache_confusables_clean(cache, reg))
		return;
	int clean = 1;
	UErrorCode st = U_ZERO_ERROR;
	USpoofChecker *sc = uspoof_open(&st);
	char **skel = calloc(2 * (reg->n ? reg->n : 1), sizeof(*skel));
	govmap__strmap seen = {0};
	if (U_FAILURE(st) || !skel ||
	    govmap__strmap_init(&seen, 2 * reg->n) < 0) {
		govmap_diags_add(v->diags, GOVMAP_SEV_ERROR, NULL, 0, 0,
				 "nomem", "out of memory");
		clean = 0;
		goto done;
	}
	for (size_t i = 0; i < 2 * reg->n; i++) {
		const govmap_entity *e = &reg->ents[i / 2];
		int is_name = i % 2;
		const char *text = is_name ? e->name : e->id;
		if (!text)
			continue;
		/* names and ids are two namespaces: a prefix keeps them so;
		 * a walk over many commits computes each text's skeleton
		 * once (the parse cache keeps them) */
		char *tk = cache ? govmap__asprintf("%c%s", is_name ? 'n' : 'i',
						    text)
				 : NULL;
		char *key = tk ? govmap__cache_skeleton(cache, tk) : NULL;
		if (!key) {
			char *k = skeleton(sc, text);
			key = k ? govmap__asprintf("%c%s", is_name ? 'n' : 'i',
						   k)
				: NULL;
			free(k);
			if (key && tk)
				govmap__cache_skeleton_put(cache, tk, key);
		}
		free(tk);
		if (!key) {
			govmap_diags_add(v->diags, GOVMAP_SEV_ERROR, NULL, 0,
					 0, "nomem", "out of memory");
			clean = 0;
			break;
		}
		skel[i] = key;
		int32_t first;
		int r = govmap__strmap_put(&seen, key, (int32_t)i, &first);
		if (r < 0) {
			clean = 0;
			break;
		}
		if (r == 0)
			continue;
		const govmap_entity *o = &reg->ents[first / 2];
		const char *other = is_name ? o->name : o->id;
		if (strcmp(other, text) == 0)
			continue; /* the same text: not a disguise */
		clean = 0;
		char q1[128], q2[128];
		if (is_name)
			govmap_diags_at(v->diags, GOVMAP_SEV_WARNING, e->pos,
					"confusable",
					"the name '%s' of '%s' looks like the "
					"name '%s' of '%s' (%s:%u): they differ "
					"only in look-alike characters",
					govmap__quote(q1, sizeof q1, text),
					e->id,
					govmap__quote(q2, sizeof q2, other),
					o->id, o->id_pos.file, o->id_pos.line);
		else
			govmap_diags_at(v->diags, GOVMAP_SEV_WARNING, e->id_pos,
					"confusable",
					"the id '%s' looks like the id '%s' "
					"(%s:%u): they differ only in "
					"look-alike characters",
					govmap__quote(q1, sizeof q1, text),
					govmap__quote(q2, sizeof q2, other),
					o->id_pos.file, o->id_pos.line);
	}
done:
	govmap__strmap_free(&seen);
	for (size_t i = 0; skel && i < 2 * reg->n; i++)
		free(skel[i]);
	free(skel);
	if (sc)
		uspoof_close(sc);
	if (cache)
		govmap__cache_confusables_put(cache, reg, clean);
}

int govmap__is_root(const govmap_entity *e)
{
	return e->kind == GOVMAP_KIND_BODY && e->type &&
	       (strcmp(e->type, "electorate") == 0 ||
		strcmp(e->type, "membership") == 0);
}

/* Was e's own valid.from written, but not as a date?  The schema said
 * so where it is written (an error of code "date" in e's file, after e's
 * start, before the next entity of that file and before e's first seat,
 * whose valid.from would say the same); saying as well that e has no
 * valid.from would send the reader looking for a key that is there. */
static int from_misspelt(const vctx *v, const govmap_entity *e)
{
	if (!e->pos.file)
		return 0;
	/* the first such error at or after e's start: most entities
	 * without valid.from have none, and the registry is not scanned */
	uint32_t at = UINT32_MAX;
	for (size_t i = 0; i < v->diags->n; i++) {
		const govmap_diag *g = &v->diags->v[i];
		if (g->sev == GOVMAP_SEV_ERROR && g->code && g->file &&
		    strcmp(g->code, "date") == 0 && g->line >= e->pos.line &&
		    g->line < at && strcmp(g->file, e->pos.file) == 0 &&
		    g->key && strcmp(g->key, "valid.from") == 0)
			at = g->line;
	}
	if (at == UINT32_MAX ||
	    (e->nseats && e->seats[0].pos.line > e->pos.line &&
	     e->seats[0].pos.line <= at))
		return 0;
	/* and it is e's: no other entity of the file starts before it */
	for (size_t i = 0; i < v->reg->n; i++) {
		const govmap_pos *o = &v->reg->ents[i].pos;
		if (o->line > e->pos.line && o->line <= at && o->file &&
		    strcmp(o->file, e->pos.file) == 0)
			return 0;
	}
	return 1;
}

/* An entity of a time-bound type, or with a predecessor or successor,
 * must say when it began: a date, or `unknown` with notes.  Otherwise it
 * would count as in force on every date. */
static void time_bound(vctx *v, const govmap_entity *e)
{
	if (e->valid.from || (e->kind != GOVMAP_KIND_BODY &&
			      e->kind != GOVMAP_KIND_BOARD))
		return;
	const char *why = NULL;
	char buf[200];
	if (e->type && (in_list(e->type, govmap__time_bound_types) ||
			in_list(e->type, v->time_bound_extra))) {
		snprintf(buf, sizeof buf, "its type '%s' exists only for a time",
			 e->type);
		why = buf;
	} else if (e->replaces.id)
		why = "it replaces another ('replaces')";
	else if (e->succeeded_by.id)
		why = "it was succeeded by another ('succeeded_by')";
	if (why && !from_misspelt(v, e))
		govmap_diags_at(v->diags, GOVMAP_SEV_ERROR, e->id_pos,
				"undated",
				"%s '%s' has no valid.from, but %s: give "
				"'valid: {from: YYYY-MM-DD}' from a source, or "
				"'valid: {from: unknown}' with notes saying "
				"what is known",
				govmap_kind_name(e->kind), e->id, why);
}

void govmap__validate(govmap_registry *reg, const govmap_load_opts *opts,
		      govmap_diags *diags)
{
	vctx v = {reg, diags, opts ? opts->extra_time_bound_types : NULL,
		  NULL, {0}, 0, {{{NULL}, NULL}}, 0, NULL, 0, 0, 0};
	if (govmap__strmap_init(&reg->index, reg->n) < 0) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0, "nomem",
				 "out of memory building the id index");
		return;
	}
	for (size_t i = 0; i < reg->n; i++) {
		govmap_entity *e = &reg->ents[i];
		int32_t old;
		int r = govmap__strmap_put(&reg->index, e->id, (int32_t)i, &old);
		if (r == 1) {
			const govmap_entity *o = &reg->ents[old];
			govmap_diags_at(diags, GOVMAP_SEV_ERROR, e->id_pos,
					"duplicate-id",
					"duplicate id '%s' (also defined at "
					"%s:%u:%u)",
					e->id, o->id_pos.file, o->id_pos.line,
					o->id_pos.col);
			govmap_diags_at(diags, GOVMAP_SEV_ERROR, o->id_pos,
					"duplicate-id",
					"duplicate id '%s' (also defined at "
					"%s:%u:%u)",
					e->id, e->id_pos.file, e->id_pos.line,
					e->id_pos.col);
		} else if (r < 0) {
			govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0,
					 "nomem", "out of memory");
			return;
		}
	}
	for (size_t i = 0; i < reg->n; i++) {
		govmap_entity *e = &reg->ents[i];
		switch (e->kind) {
		case GOVMAP_KIND_BODY:
			check_type(&v, e, govmap__core_body_types,
				   opts->extra_body_types);
			resolve(&v, &e->replaces, "replaces", B, e);
			resolve(&v, &e->succeeded_by, "succeeded_by", B, e);
			break;
		case GOVMAP_KIND_BOARD:
			check_type(&v, e, govmap__core_board_types,
				   opts->extra_board_types);
			resolve(&v, &e->replaces, "replaces", BD, e);
			resolve(&v, &e->succeeded_by, "succeeded_by", BD, e);
			resolve(&v, &e->of, "of", B, e);
			check_inside(&v, e->id_pos, "the board", NULL, e->valid,
				     &e->of);
			for (size_t j = 0; j < e->njoint; j++)
				resolve(&v, &e->joint[j], "joint", B, e);
			check_dups(&v, e->joint, e->njoint, "joint");
			if (e->njoint == 1)
				govmap_diags_at(diags, GOVMAP_SEV_WARNING,
						e->joint[0].pos, "joint-one",
						"a joint board of one body: use "
						"'of: %s'",
						e->joint[0].id);
			for (size_t j = 0; j < e->nseats; j++) {
				govmap_seat *s = &e->seats[j];
				const char *f = s->fill == GOVMAP_FILL_ELECTED
							? "elected_by"
						: s->fill == GOVMAP_FILL_NOMINATED
							? "nominated_by"
							: "appointed_by";
				resolve(&v, &s->by, f,
					s->fill == GOVMAP_FILL_ELECTED ? B
								       : B | BD,
					NULL);
				resolve(&v, &s->approved_by, "approved_by",
					B | BD, NULL);
				if (s->fill == GOVMAP_FILL_ELECTED &&
				    s->by.target >= 0 &&
				    !govmap__is_root(&reg->ents[s->by.target]))
					govmap__diags_about(
						diags, GOVMAP_SEV_ERROR,
						s->by.pos, "ref-kind",
						s->by.id, NULL,
						"'elected_by' must name a body "
						"of type electorate or "
						"membership, but '%s' is a %s",
						s->by.id,
						reg->ents[s->by.target].type
							? reg->ents[s->by.target]
								  .type
							: "body");
				govmap_ref self = {e->id, e->id_pos, (int32_t)i};
				check_inside(&v, s->pos, "seat",
					     s->role ? s->role : "?", s->valid,
					     &self);
			}
			break;
		case GOVMAP_KIND_CONTRACT:
			resolve(&v, &e->commissioner, "commissioner", B, e);
			resolve(&v, &e->provider, "provider", B, e);
			break;
		case GOVMAP_KIND_LINK:
			check_type(&v, e, govmap__core_link_types,
				   opts->extra_link_types);
			resolve(&v, &e->from, "from", B | BD, e);
			resolve(&v, &e->to, "to", B | BD, e);
			if (e->from.id && e->to.id &&
			    strcmp(e->from.id, e->to.id) == 0)
				govmap_diags_at(diags, GOVMAP_SEV_ERROR,
						e->to.pos, "self-link",
						"link '%s' joins '%s' to "
						"itself",
						e->id, e->from.id);
			check_inside(&v, e->id_pos, "link", e->id, e->valid,
				     &e->from);
			check_inside(&v, e->id_pos, "link", e->id, e->valid,
				     &e->to);
			if (e->basis == GOVMAP_BASIS_NONE && e->powers &
			    GOVMAP_POWER_SANCTION)
				govmap_diags_at(diags, GOVMAP_SEV_WARNING,
						e->id_pos, "sanction-no-basis",
						"link '%s' claims the power to "
						"sanction with no basis: name "
						"the statute, regulation or "
						"contract that gives it",
						e->id);
			break;
		default:
			break;
		}
		time_bound(&v, e);
		/* lineage: succeeded_by points forward in time */
		if (e->succeeded_by.target >= 0 && e->valid.to > 0) {
			const govmap_entity *s = &reg->ents[e->succeeded_by.target];
			if (s->valid.from > 0 && s->valid.from > e->valid.to) {
				char a[11], b[11];
				govmap_date_format(a, e->valid.to);
				govmap_date_format(b, s->valid.from);
				govmap_diags_at(diags, GOVMAP_SEV_WARNING,
						e->succeeded_by.pos, "lineage-gap",
						"'%s' ends %s but its successor "
						"'%s' starts %s",
						e->id, a, s->id, b);
			}
		}
		if (e->succeeded_by.target >= 0 && !e->valid.to)
			govmap_diags_at(diags, GOVMAP_SEV_WARNING,
					e->succeeded_by.pos, "lineage-open",
					"'%s' has a successor but no valid.to "
					"date",
					e->id);
	}
	check_confusables(&v, opts->cache);
	/* lineage must not loop: a -> b -> a (every entity on the cycle) */
	unsigned char *cyc = lineage_cycles(reg);
	if (!cyc)
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0, "nomem",
				 "out of memory");
	for (size_t i = 0; cyc && i < reg->n; i++)
		if (cyc[i] == 3)
			govmap_diags_at(diags, GOVMAP_SEV_ERROR,
					reg->ents[i].succeeded_by.pos,
					"lineage-cycle",
					"'%s' is its own successor through "
					"'succeeded_by' (a cycle)",
					reg->ents[i].id);
	free(cyc);
	free(v.ids);
	govmap__suggest_free(&v.near);
}
