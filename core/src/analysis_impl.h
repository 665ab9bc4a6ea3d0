/*
 * analysis_impl.h - bringing an analysis up to date after a small change
 * of its registry, for the timeline (compare.c, through session.c).  Not
 * public API.
 */
#ifndef GOVMAP_ANALYSIS_IMPL_H
#define GOVMAP_ANALYSIS_IMPL_H

#include "govmap/analysis.h"

/** The registry `an` analyses has had the entities at idx[0, n) replaced
 * in place by versions that differ only in `notes`, `money` and `powers`
 * (the same ids, references, dates and seats).  Bring `an` to what
 * govmap_analyse() would now give, redoing only what the changes reach:
 * the changed links' edges, the widest-path searches among the nodes
 * with a chain through a changed edge (the rest taken from the
 * searches' logs), the changed entities' money.
 * @return 0 done (govmap__analysis_touched() lists what moved); 1 not
 *         done and `an` unchanged: a contract, or a provider's money,
 *         changed, or a search would start or stop being needed
 *         (analyse again); -1 out of memory, `an` unchanged. */
int govmap__analysis_patch(govmap_analysis *an, const int32_t *idx,
			   size_t n);

/** After govmap__analysis_patch() returned 0: the entities whose scores
 * it may have changed (*idx) and their scores before it (*was), both
 * owned by `an` and valid until its next patch or its free.
 * @return how many. */
size_t govmap__analysis_touched(const govmap_analysis *an,
				const int32_t **idx, const govmap_score **was);

#endif
