/*
 * govmap/findings.h - findings: what the rules (core and plugins) say
 * about the registry.
 *
 * A finding names a rule, a severity, the entity it is about, the place in
 * the registry that produced it, a plain-English message and the rule's
 * legal or documentary basis.  An entity's `suppress` entries turn a
 * finding into a listed, reasoned exception: it stays in the list with
 * `suppressed` set and is shown in reports, never silently dropped.
 */
#ifndef GOVMAP_FINDINGS_H
#define GOVMAP_FINDINGS_H

#include "common.h"
#include "model.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What a finding says is wrong (issue 15): the structure, the
 * registry's record, or agreement between records.  Reports show
 * coverage and data findings apart; headline figures use deficit findings
 * only. */
typedef enum {
	GOVMAP_CAT_DEFICIT = 0, /**< the structure is weak: no sanction, no
				     statutory basis, no elected member */
	GOVMAP_CAT_COVERAGE,    /**< the registry lacks a record: no joint
				     scrutiny committee recorded, a seat's
				     fill unstated, a stale source */
	GOVMAP_CAT_DATA         /**< records disagree */
} govmap_category;

/** "deficit", "coverage" or "data". */
const char *govmap_category_name(govmap_category c);

/** One finding.  All strings are owned by the govmap_findings list. */
typedef struct {
	govmap_severity sev;
	char *rule;        /**< "core/no-source", "england-ics/icb-chair" */
	int32_t entity;    /**< index into the registry, or -1 */
	govmap_pos pos;    /**< file borrowed from the registry */
	char *msg;
	char *basis;       /**< legal or documentary basis of the rule */
	char *suppressed;  /**< the suppression's reason, or NULL */
	govmap_category category; /**< its rule's category (deficit unless the
				       rule declares otherwise) */
} govmap_finding;

/** A list of findings.  Zero-initialise; free with govmap_findings_free. */
typedef struct {
	govmap_finding *v;
	size_t n, cap;
	size_t count[3];   /**< unsuppressed findings per severity */
	size_t nsuppressed;
	size_t lost;       /**< findings not recorded for want of memory: a
			        list that lost any is not the whole story */
} govmap_findings;

/** What `govmap rules` lists for every rule, core or plugin. */
typedef struct {
	const char *id;        /**< "core/no-source", "wales-rpb/lhb-member" */
	const char *title;     /**< one line, plain English */
	govmap_severity severity;
	const char *basis;     /**< Act, regulation or document, with section */
	govmap_category category;
} govmap_rule_info;

/** The core's own rules (analysis.c), static storage. */
const govmap_rule_info *govmap_core_rules(size_t *n);

/** Add a finding.  `basis` may be NULL.  printf-style message. */
void govmap_findings_add(govmap_findings *f, govmap_severity sev,
			 const char *rule, const char *basis, int32_t entity,
			 govmap_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

/** Apply the entities' `suppress` entries: a finding whose rule an entity
 * suppresses is marked with the reason and no longer counted. */
struct govmap_registry;
void govmap_findings_apply_suppressions(govmap_findings *f,
					const struct govmap_registry *reg);

/** Sort by entity id, rule, message: deterministic output. */
void govmap_findings_sort(govmap_findings *f,
			  const struct govmap_registry *reg);

/** Set each finding's category from its rule: `rules` (n entries) are
 * looked up by id; a rule not found is a deficit rule. */
void govmap_findings_categorise(govmap_findings *f,
				const govmap_rule_info *const *rules,
				size_t n);

void govmap_findings_free(govmap_findings *f);

#ifdef __cplusplus
}
#endif
#endif
