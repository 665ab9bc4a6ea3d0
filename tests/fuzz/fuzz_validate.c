/*
 * fuzz_validate.c - libFuzzer target: several documents -> the whole
 * pipeline: load, validate, analyse, core rules, explain-style queries.
 *
 * The input is split at lines "#--" into a manifest (the first piece) and
 * up to 15 registry files, loaded through govmap_registry_load from an
 * in-memory source (fuzz_common.h).  When the registry has no errors it is
 * analysed on a date taken from the input, as the CLI does, and the core
 * rules run; every entity's best change and edge description are asked
 * for.  Cycles, self-references and odd periods must neither crash nor
 * hang (libFuzzer's -timeout turns a hang into a finding).
 *
 * Checks beyond "no crash": scores are numbers in [0,1], D = 1 - A for
 * the bodies and boards in force; edge strengths in (0,1]; indexes in
 * range;
 * diagnostics hold no raw control characters.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_msgs(const govmap_diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		for (const unsigned char *p =
			     (const unsigned char *)d->v[i].msg;
		     *p; p++)
			if (*p < 0x20 || *p == 0x7f)
				abort();
}

static void analyse(const govmap_registry *reg, govmap_date on)
{
	govmap_analysis *an = NULL;
	govmap_analysis_opts ao = {on, NULL, NULL, 0, NULL};
	if (govmap_analyse(&an, reg, &ao) != GOVMAP_OK)
		return;
	size_t n = govmap_registry_count(reg), ne;
	const govmap_edge *edges = govmap_analysis_edges(an, &ne);
	char buf[300];
	for (size_t i = 0; i < n; i++) {
		const govmap_score *s = govmap_analysis_score(an, i);
		const govmap_entity *e = govmap_registry_at(reg, i);
		if (!(s->A >= 0 && s->A <= 1) || !(s->D >= 0 && s->D <= 1))
			abort();
		/* D = 1 - A for drawn entities (both rounded to 6 places);
		 * others score 0 */
		if (s->active && (e->kind == GOVMAP_KIND_BODY ||
				  e->kind == GOVMAP_KIND_BOARD) &&
		    fabs(s->A + s->D - 1) > 2e-6)
			abort();
		if (s->next >= (int32_t)ne)
			abort();
		double na;
		int32_t k = govmap_analysis_best_change(an, i, &na);
		if (k >= (int32_t)ne)
			abort();
		size_t no;
		const uint32_t *out = govmap_analysis_out(an, i, &no);
		for (size_t j = 0; j < no; j++)
			if (out[j] >= ne)
				abort();
	}
	for (size_t k = 0; k < ne; k++) {
		if (!(edges[k].strength > 0 && edges[k].strength <= 1))
			abort();
		govmap_edge_describe(an, &edges[k], buf, sizeof buf);
	}
	govmap_findings f = {0};
	govmap_core_findings(an, &f);
	govmap_findings_apply_suppressions(&f, reg);
	govmap_findings_sort(&f, reg);
	govmap_findings_free(&f);
	govmap_analysis_free(an);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *piece[FUZZ_MAX_FILES + 1];
	size_t plen[FUZZ_MAX_FILES + 1];
	size_t n = fuzz_split((const char *)data, size, piece, plen,
			      FUZZ_MAX_FILES + 1);
	govmap_session *s = fuzz_session(piece[0], plen[0], piece + 1,
					 plen + 1, n - 1, 0, GOVMAP_STAGE_LOAD);
	if (!s)
		return 0;
	const govmap_diags *diags = govmap_session_diags(s);
	const govmap_registry *reg = govmap_session_registry(s);
	check_msgs(diags);
	if (reg && diags->count[GOVMAP_SEV_ERROR] == 0) {
		/* a date from the input's length: 1990-01-01 to 2030-12-28 */
		govmap_date on = (govmap_date)(19900101 + (size % 41) * 10000 +
					       (size % 12) * 100 + size % 28);
		analyse(reg, on);
		analyse(reg, 0);
	}
	govmap_session_free(s);
	return 0;
}
