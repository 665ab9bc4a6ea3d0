/*
 * findings.c - the findings list: adding, suppressing, sorting.
 *
 * Owns finding storage.  It does not decide what is a finding: rules do.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "govmap/findings.h"
#include "govmap/registry.h"
#include "util.h"

const char *govmap_category_name(govmap_category c)
{
	switch (c) {
	case GOVMAP_CAT_COVERAGE: return "coverage";
	case GOVMAP_CAT_DATA: return "data";
	default: return "deficit";
	}
}

void govmap_findings_categorise(govmap_findings *f,
				const govmap_rule_info *const *rules,
				size_t n)
{
	for (size_t i = 0; i < f->n; i++) {
		f->v[i].category = GOVMAP_CAT_DEFICIT;
		for (size_t k = 0; k < n; k++)
			if (rules[k] && strcmp(rules[k]->id, f->v[i].rule) == 0) {
				f->v[i].category = rules[k]->category;
				break;
			}
	}
}

void govmap_findings_add(govmap_findings *f, govmap_severity sev,
			 const char *rule, const char *basis, int32_t entity,
			 govmap_pos pos, const char *fmt, ...)
{
	if (govmap__grow((void **)&f->v, &f->cap, f->n, sizeof(*f->v)) < 0) {
		f->lost++;
		return;
	}
	govmap_finding *x = &f->v[f->n];
	va_list ap;
	va_start(ap, fmt);
	x->msg = govmap__vasprintf(fmt, ap);
	va_end(ap);
	x->rule = strdup(rule ? rule : "");
	x->basis = basis ? strdup(basis) : NULL;
	x->sev = (unsigned)sev > GOVMAP_SEV_ERROR ? GOVMAP_SEV_ERROR : sev;
	x->entity = entity;
	x->pos = pos;
	x->suppressed = NULL;
	x->category = GOVMAP_CAT_DEFICIT;
	if (!x->msg || !x->rule || (basis && !x->basis)) {
		free(x->msg);
		free(x->rule);
		free(x->basis);
		f->lost++;
		return;
	}
	f->count[x->sev]++;
	f->n++;
}

void govmap_findings_apply_suppressions(govmap_findings *f,
					const govmap_registry *reg)
{
	for (size_t i = 0; i < f->n; i++) {
		govmap_finding *x = &f->v[i];
		const govmap_entity *e = govmap_registry_at(reg,
							    (size_t)x->entity);
		if (x->entity < 0 || !e || x->suppressed)
			continue;
		for (size_t j = 0; j < e->nsuppress; j++) {
			const govmap_suppression *s = &e->suppress[j];
			if (s->rule && s->reason &&
			    strcmp(s->rule, x->rule) == 0) {
				x->suppressed = strdup(s->reason);
				if (x->suppressed) {
					f->count[x->sev]--;
					f->nsuppressed++;
				} else {
					f->lost++;
				}
				break;
			}
		}
	}
}

static int cmp(const void *a, const void *b, void *ctx)
{
	const govmap_registry *sort_reg = ctx;
	const govmap_finding *x = a, *y = b;
	const govmap_entity *ex = x->entity >= 0
		? govmap_registry_at(sort_reg, (size_t)x->entity) : NULL;
	const govmap_entity *ey = y->entity >= 0
		? govmap_registry_at(sort_reg, (size_t)y->entity) : NULL;
	int c;
	if (!ex != !ey)
		return ex ? 1 : -1;
	if (ex && (c = strcmp(ex->id, ey->id)) != 0)
		return c;
	if ((c = strcmp(x->rule, y->rule)) != 0)
		return c;
	return strcmp(x->msg, y->msg);
}

void govmap_findings_sort(govmap_findings *f, const govmap_registry *reg)
{
	govmap_sort(f->v, f->n, sizeof(*f->v), cmp, (void *)reg);
}

void govmap_findings_free(govmap_findings *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->n; i++) {
		free(f->v[i].rule);
		free(f->v[i].msg);
		free(f->v[i].basis);
		free(f->v[i].suppressed);
	}
	free(f->v);
	memset(f, 0, sizeof(*f));
}
